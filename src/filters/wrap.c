/* src/filters/wrap.c -- break each cue's text into at most max-lines lines
 * of at most max-chars characters, balanced, at good places (see
 * src/linebreak.c for the rules).  Existing line breaks are reflowed,
 * except before a line of dialogue ("- ...").  A cue whose text cannot fit
 * is split in two at the best place, its time divided by length (or at the
 * inline timestamp of the word where it is cut), and each half is wrapped
 * again.  It holds no cue: each one leaves as soon as it is wrapped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "linebreak.h"

struct wrap {
    struct tc_stage base;
    struct tc_limits lim;
    struct tc_lb lb;
    struct tc_text scratch;
};

/* Where to cut words [0, n) that need more than max-lines lines: at a
 * sentence, clause or dialogue boundary near the point that makes pieces
 * of even size, the first taking its share of the ceil(total / capacity)
 * pieces the text needs. */
static size_t
wrap_split_point(const struct tc_lb *lb, const struct tc_limits *lim)
{
    size_t cap = (size_t)(lim->max_chars * lim->max_lines), pieces, k, best;
    long target, best_cost = 0;

    pieces = (lb->chars + cap - 1) / cap;
    if (pieces < 2)
        pieces = 2;
    target = (long)(lb->chars * (pieces / 2) / pieces);
    best = lb->n / 2;
    for (k = 1; k < lb->n; k++) {
        long left = (long)lb->w[k].pos, cost;

        cost = 2L * tc_lb_break_cost(lb, k - 1);
        if (lb->w[k].flags & TC_LB_HARD)
            cost -= 200;
        cost += 2 * (left > target ? left - target : target - left);
        if (k == 1 || cost < best_cost) {
            best_cost = cost;
            best = k;
        }
    }
    return best;
}

static int wrap_push(struct tc_stage *st, struct tc_cue *c);

static int
wrap_split(struct wrap *w, struct tc_cue *c)
{
    struct tc_lb *lb = &w->lb;
    struct tc_cue *b = tc_cue_new(w->base.ctx);
    size_t k = wrap_split_point(lb, &w->lim), i;
    int64_t end = c->end, cut;
    int rc;

    if (b == NULL) {
        tc_cue_free(c);
        return TC_ERR_NOMEM;
    }
    if (end == TC_TIME_NONE || end <= c->start)
        end = c->start + (int64_t)((double)lb->chars * 1000.0 /
                                   w->lim.max_cps);
    cut = c->start + (int64_t)((double)(end - c->start) *
                               (double)lb->w[k].pos / (double)lb->chars +
                               0.5);
    /* an inline timestamp says when the word was really spoken */
    if (lb->w[k].time != TC_TIME_NONE && lb->w[k].time > c->start &&
        lb->w[k].time < end)
        cut = lb->w[k].time;
    rc = tc_diagf(w->base.ctx, TC_D_NOTE, c->line, 0,
                  "cue split in two: its text needs %lu lines of %ld "
                  "characters", (unsigned long)tc_lb_lines(lb, 0, lb->n,
                  (size_t)w->lim.max_chars), w->lim.max_chars);
    b->start = cut;
    b->end = c->end == TC_TIME_NONE ? TC_TIME_NONE : end;
    b->place = c->place;
    b->line = c->line;
    if (rc == TC_OK && c->region != NULL && c->region[0] != '\0')
        rc = tc_cue_set_region(b, c->region, strlen(c->region));
    for (i = 0; i + 1 < lb->n; i++)
        lb->brk[i] = 0;
    if (rc == TC_OK)
        rc = tc_lb_emit(&b->text, &c->text, lb, k, lb->n);
    tc_text_clear(&w->scratch);
    if (rc == TC_OK)
        rc = tc_lb_emit(&w->scratch, &c->text, lb, 0, k);
    if (rc != TC_OK) {
        tc_cue_free(b);
        tc_cue_free(c);
        return rc;
    }
    {
        struct tc_text tmp = c->text;

        c->text = w->scratch;
        w->scratch = tmp;
    }
    c->end = cut;
    rc = wrap_push(&w->base, c);
    if (rc != TC_OK) {
        tc_cue_free(b);
        return rc;
    }
    return wrap_push(&w->base, b);
}

static int
wrap_push(struct tc_stage *st, struct tc_cue *c)
{
    struct wrap *w = (struct wrap *)st;
    struct tc_lb *lb = &w->lb;
    size_t max = (size_t)w->lim.max_chars;
    int rc = tc_lb_words(lb, &c->text);

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
    rc = tc_limits_from_args(args, &w->lim);
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
    { NULL, NULL, NULL }
};

const struct tc_filter tc_filter_wrap = {
    .name    = "wrap",
    .desc    = "break lines within the limits, balanced",
    .options = wrap_options,
    .create  = wrap_create,
};
