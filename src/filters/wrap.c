/* src/filters/wrap.c -- break each cue's text into at most max-lines lines
 * of at most max-chars characters, balanced, at good places (see
 * src/linebreak.c for the rules).  Existing line breaks are reflowed,
 * except before a line of dialogue ("- ...").  A cue whose text cannot fit
 * is cut into pieces where merge would cut it (the same costs, without
 * times: linebreak.h), its time divided by length (or at the inline
 * timestamp of the word where it is cut).  It holds no cue: each one
 * leaves as soon as it is wrapped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "ctx.h"
#include "lexicon.h"
#include "linebreak.h"
#include "measure.h"

struct wrap {
    struct tc_stage base;
    struct tc_limits lim;
    struct tc_lb lb;
    struct tc_lb_plan plan;
    int64_t *at;                /* when each piece of a split cue starts */
    size_t at_cap;
    struct tc_text scratch;
    struct tc_lex_choice lc;    /* the phrase rules' language */
};

/* Words [i, j) of the cue as one piece (a tc_lb_cue_fn): its layout and
 * where it ends, as merge weighs them, without times. */
static int
piece_cost(void *ud, size_t i, size_t j, int open, long budget,
           long *cost)
{
    struct wrap *w = ud;
    long lc;
    size_t lines = tc_lb_fit_cost(&w->lb, i, j, (size_t)w->lim.max_chars,
                                  (size_t)w->lim.max_lines, &lc);

    (void)open;
    (void)budget;
    if (lines > (size_t)w->lim.max_lines)
        return j - i > 1 ? TC_LB_NEVER_FITS : TC_LB_NO_FIT;
    *cost = TC_LB_CUE_COST + lc;
    if (j < w->lb.n)
        *cost += tc_lb_end_cost(&w->lb, j - 1);
    if (j - i <= 2)
        *cost += TC_LB_SHORT_COST;
    return TC_LB_FIT;
}

/* When word k of the cue is said: its inline timestamp, else its share of
 * the cue's time by length. */
static int64_t
piece_time(const struct wrap *w, const struct tc_cue *c, int64_t end,
           size_t k)
{
    const struct tc_lb_word *wd = &w->lb.w[k];

    if (wd->time != TC_TIME_NONE && wd->time > c->start && wd->time < end)
        return wd->time;
    return c->start + (int64_t)((double)(end - c->start) * (double)wd->pos /
                                (double)w->lb.chars + 0.5);
}

/* The start of each of the n pieces into w->at (at[n] = end): by length,
 * but none shorter than min-duration where the cue is long enough, so a
 * word alone is not flashed. */
static void
piece_times(struct wrap *w, const struct tc_cue *c, int64_t end, size_t n)
{
    int64_t floor = w->lim.min_duration;
    size_t k;

    if (floor > (end - c->start) / (int64_t)n)
        floor = (end - c->start) / (int64_t)n;
    w->at[0] = c->start;
    for (k = 1; k < n; k++) {
        w->at[k] = piece_time(w, c, end, w->plan.cuts[k - 1]);
        if (w->at[k] < w->at[k - 1] + floor)
            w->at[k] = w->at[k - 1] + floor;
    }
    w->at[n] = end;
    for (k = n - 1; k > 0; k--)
        if (w->at[k] > w->at[k + 1] - floor)
            w->at[k] = w->at[k + 1] - floor;
}

/* Cut a cue whose text needs more than max-lines lines into pieces at
 * the best places, each laid out and given its share of the time. */
static int
wrap_split(struct wrap *w, struct tc_cue *c)
{
    struct tc_lb *lb = &w->lb;
    size_t n, k, a = 0;
    int64_t end = c->end;
    int rc;

    if (end == TC_TIME_NONE || end <= c->start) {
        struct tc_end_rule r;

        r.cps = w->lim.max_cps;
        r.min = w->lim.min_duration;
        r.max = w->lim.max_duration;
        end = tc_end_infer(&r, lb->chars, c->start, TC_TIME_NONE);
    }
    rc = tc_lb_plan_reserve(&w->plan, lb->n);
    if (rc == TC_OK && lb->n + 1 > w->at_cap) {
        int64_t *na = realloc(w->at, (lb->n + 1) * sizeof *na);

        if (na == NULL) {
            rc = TC_ERR_NOMEM;
        } else {
            w->at = na;
            w->at_cap = lb->n + 1;
        }
    }
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    n = tc_lb_plan_cuts(&w->plan, lb->n, 0, piece_cost, w);
    piece_times(w, c, end, n);
    rc = tc_diagf(w->base.ctx, TC_D_NOTE, c->line, 0,
                  "cue split in %lu: its text needs %lu lines of %ld "
                  "characters", (unsigned long)n,
                  (unsigned long)tc_lb_lines(lb, 0, lb->n,
                                             (size_t)w->lim.max_chars),
                  w->lim.max_chars);
    for (k = 0; rc == TC_OK && k < n; k++) {
        size_t b = w->plan.cuts[k];
        struct tc_cue *p = tc_cue_new(w->base.ctx);

        if (p == NULL) {
            rc = TC_ERR_NOMEM;
            break;
        }
        p->start = w->at[k];
        p->end = b < lb->n ? w->at[k + 1] : c->end;
        p->place = c->place;
        p->line = c->line;
        if (c->region != NULL && c->region[0] != '\0')
            rc = tc_cue_set_region(p, c->region, strlen(c->region));
        tc_lb_layout(lb, a, b, (size_t)w->lim.max_chars);
        if (rc == TC_OK)
            rc = tc_lb_emit(&p->text, &c->text, lb, a, b);
        if (rc == TC_OK)
            rc = tc_stage_push(w->base.next, p);
        else
            tc_cue_free(p);
        a = b;
    }
    tc_cue_free(c);
    return rc;
}

static int
wrap_push(struct tc_stage *st, struct tc_cue *c)
{
    struct wrap *w = (struct wrap *)st;
    struct tc_lb *lb = &w->lb;
    size_t max = (size_t)w->lim.max_chars;
    int rc;

    lb->lex = tc_lex_get(&w->lc, st->ctx);
    rc = tc_lb_words(lb, &c->text);

    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    if (lb->n == 0)
        return tc_stage_push(st->next, c);
    if (lb->n > 1 && tc_lb_lines(lb, 0, lb->n, max) >
                         (size_t)w->lim.max_lines)
        return wrap_split(w, c);
    tc_lb_layout(lb, 0, lb->n, max);
    tc_text_clear(&w->scratch);
    rc = tc_lb_emit(&w->scratch, &c->text, lb, 0, lb->n);
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    {
        struct tc_text tmp = c->text;

        c->text = w->scratch;
        w->scratch = tmp;
    }
    return tc_stage_push(st->next, c);
}

static void
wrap_destroy(struct tc_stage *st)
{
    struct wrap *w = (struct wrap *)st;

    tc_lb_release(&w->lb);
    tc_lb_plan_release(&w->plan);
    free(w->at);
    tc_text_release(&w->scratch);
    free(w);
}

static const struct tc_stage_ops wrap_ops = {
    .name = "wrap",
    .push = wrap_push,
    .destroy = wrap_destroy,
};

static int
wrap_create(struct tc_ctx *ctx, const struct tc_args *args,
            struct tc_stage **out)
{
    struct wrap *w = calloc(1, sizeof *w);
    int rc;

    if (w == NULL)
        return TC_ERR_NOMEM;
    w->base.ops = &wrap_ops;
    w->base.ctx = ctx;
    tc_lb_init(&w->lb);
    tc_lb_plan_init(&w->plan);
    rc = tc_limits_from_args(args, &w->lim);
    if (rc == TC_OK)
        rc = tc_lex_from_args(args, &w->lc);
    if (rc != TC_OK) {
        wrap_destroy(&w->base);
        return rc;
    }
    *out = &w->base;
    return TC_OK;
}

static const struct tc_option wrap_options[] = {
    { "max-chars", NULL, "characters a line (from the profile)" },
    { "max-lines", NULL, "lines a cue; longer text is split (from the "
                         "profile)" },
    { "lang", "auto", "phrase rules: en, de, fr or es; auto: the language "
                      "of the text (--lang, declared or guessed), else en" },
    { NULL, NULL, NULL }
};

const struct tc_filter tc_filter_wrap = {
    .name    = "wrap",
    .desc    = "break lines within the limits, balanced",
    .options = wrap_options,
    .create  = wrap_create,
    .checks  = TC_CHECK_BIT(TC_CHECK_MAX_CHARS) |
               TC_CHECK_BIT(TC_CHECK_MAX_LINES),
};
