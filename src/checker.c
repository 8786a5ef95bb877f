/* checker.c -- quality control: every cue measured against the context's
 * limits (profile and limit options), in a stage just before the writer,
 * so that what is checked is what is written (tc_convert()) or what was
 * read (tc_check(), which writes nothing).
 *
 * The checks, in the order a cue is reported:
 *   max-chars     its longest line, in characters, over max-chars
 *   max-lines     its lines over max-lines
 *   max-cps       its reading speed over max-cps (tc_measure_cps_over())
 *   min-duration  shorter than min-duration
 *   max-duration  longer than max-duration
 *   min-gap       its start less than min-gap after the end of the cue
 *                 before it at its placement
 *   overlap       its start before that end
 *   order         its start before the start of the cue before it
 *   empty         no text
 *   bad-time      its end not after its start
 * A cue without text is only "empty"; a cue whose end is not after its
 * start is not measured by duration, reading speed or gap; a cue out of
 * order is not measured against the cues before it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "ctx.h"
#include "measure.h"

static const char *const check_names[TC_CHECK__COUNT] = {
    [TC_CHECK_MAX_CHARS]    = "max-chars",
    [TC_CHECK_MAX_LINES]    = "max-lines",
    [TC_CHECK_MAX_CPS]      = "max-cps",
    [TC_CHECK_MIN_DURATION] = "min-duration",
    [TC_CHECK_MAX_DURATION] = "max-duration",
    [TC_CHECK_MIN_GAP]      = "min-gap",
    [TC_CHECK_OVERLAP]      = "overlap",
    [TC_CHECK_ORDER]        = "order",
    [TC_CHECK_EMPTY]        = "empty",
    [TC_CHECK_BAD_TIME]     = "bad-time",
};

#define NPLACES 4              /* tc_measure_place(): TC_VPOS_* */

struct checker {
    struct tc_stage base;
    struct tc_check *ck;
    int full;                  /* report each violation; else only count */
    unsigned mask;
    struct tc_limits lim;
    char src[TC_CHECK__COUNT][32];  /* tc_check_limit_source() */
    int64_t prev_start;        /* of the cue before, TC_TIME_NONE at first */
    int64_t last_end[NPLACES]; /* latest end at each placement so far */
};

const char *
tc_check_name(size_t i)
{
    return i < TC_CHECK__COUNT ? check_names[i] : NULL;
}

const char *
tc_check_name_of(int id)
{
    return id >= 0 && id < TC_CHECK__COUNT ? check_names[id] : "?";
}

void
tc_check_free(struct tc_check *ck)
{
    if (ck == NULL)
        return;
    free(ck->file);
    free(ck->cps);
    free(ck->v);
    free(ck);
}

static struct tc_check *
check_get(struct tc_ctx *ctx)
{
    if (ctx->check == NULL)
        ctx->check = calloc(1, sizeof *ctx->check);
    return ctx->check;
}

void
tc_ctx_set_check(struct tc_ctx *ctx, int on)
{
    struct tc_check *ck = check_get(ctx);

    if (ck != NULL)
        ck->on = on != 0;
}

int
tc_check_parse(struct tc_ctx *ctx, const char *list, unsigned *mask)
{
    const char *p = list;
    int first = 1;

    *mask = TC_CHECK_ALL;
    while (p != NULL && *p != '\0') {
        size_t n = strcspn(p, ",");
        int minus = *p == '-', i, found = -1;

        for (i = 0; i < TC_CHECK__COUNT && found < 0; i++)
            if (strlen(check_names[i]) == n - (size_t)minus &&
                memcmp(check_names[i], p + minus, n - (size_t)minus) == 0)
                found = i;
        if (found < 0) {
            if (ctx == NULL)
                return TC_ERR_ARG;
            tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "checks=%s: unknown check "
                     "'%.*s'; the checks are max-chars, max-lines, "
                     "max-cps, min-duration, max-duration, min-gap, "
                     "overlap, order, empty, bad-time", list, (int)n, p);
            return TC_ERR_ARG;
        }
        /* a list that begins with a name selects; one that begins with a
         * removal starts from every check */
        if (first && !minus)
            *mask = 0;
        first = 0;
        if (minus)
            *mask &= ~TC_CHECK_BIT(found);
        else
            *mask |= TC_CHECK_BIT(found);
        p += n;
        if (*p == ',')
            p++;
    }
    return TC_OK;
}

/* The limit option each check reads, or NULL. */
static const char *
limit_key(int id)
{
    switch (id) {
    case TC_CHECK_MAX_CHARS:
    case TC_CHECK_MAX_LINES:
    case TC_CHECK_MAX_CPS:
    case TC_CHECK_MIN_DURATION:
    case TC_CHECK_MAX_DURATION:
    case TC_CHECK_MIN_GAP:
        return check_names[id];
    default:
        return NULL;
    }
}

void
tc_check_limit_source(const struct tc_ctx *ctx, int id, char *out)
{
    const char *key = limit_key(id);
    long i = key ? tc_option_index(key) : -1;

    out[0] = '\0';
    if (i >= 0 && ctx->optval[i] != NULL)
        snprintf(out, 32, "--%s", key);
    else if (i >= 0)
        snprintf(out, 32, "%s", tc_ctx_option(ctx, "profile"));
}

int
tc_check_validate(struct tc_ctx *ctx)
{
    struct tc_limits lim;
    unsigned mask;

    if (ctx->check == NULL || !ctx->check->on)
        return TC_OK;
    if (tc_limits_from_ctx(ctx, &lim) != TC_OK)
        return TC_ERR_ARG;
    if (tc_check_parse(ctx, tc_ctx_option(ctx, "checks"), &mask) != TC_OK)
        return TC_ERR_ARG;
    return TC_OK;
}

int
tc_check_hides(const struct tc_ctx *ctx, int id)
{
    const struct tc_check *ck = ctx->check;

    if (ck == NULL || !ck->only || !ck->ran)
        return 0;
    if (id == TC_D_UNSORTED)
        return (ck->mask & TC_CHECK_BIT(TC_CHECK_ORDER)) != 0;
    if (id == TC_D_EMPTY_CUE)
        return (ck->mask & TC_CHECK_BIT(TC_CHECK_EMPTY)) != 0;
    return 0;
}

void
tc_check_fmt_num(char *out, double v)
{
    int prec;

    /* no exponent: JSON takes one, people and scripts read this better */
    if (!(v > -1e15 && v < 1e15)) {
        snprintf(out, 32, "%.17g", v);
        return;
    }
    for (prec = 0; prec < 15; prec++) {
        snprintf(out, 32, "%.*f", prec, v);
        if (strtod(out, NULL) == v)
            return;
    }
}

void
tc_check_fmt_cps(char *out, double cps, double limit)
{
    int prec;

    for (prec = 1; prec < 6; prec++) {
        snprintf(out, 32, "%.*f", prec, cps);
        if (strtod(out, NULL) > limit)
            return;
    }
    snprintf(out, 32, "%.6f", cps);
}

/* ---- the stage ---------------------------------------------------------- */

static int
record(struct checker *k, const struct tc_cue *c, int id, double value,
       double limit)
{
    struct tc_check *ck = k->ck;
    struct tc_violation *v;

    ck->count[id]++;
    ck->total++;
    if (!k->full)
        return TC_OK;
    if (ck->nv == ck->v_cap) {
        size_t ncap = ck->v_cap ? ck->v_cap * 2 : 16;
        struct tc_violation *nv = realloc(ck->v, ncap * sizeof *nv);

        if (nv == NULL)
            return TC_ERR_NOMEM;
        ck->v = nv;
        ck->v_cap = ncap;
    }
    v = &ck->v[ck->nv++];
    v->cue = ck->cues;
    v->line = c->line;
    v->check = id;
    v->value = value;
    v->limit = limit;
    v->start = c->start;
    v->end = c->end;
    return TC_OK;
}

/* Record a violation and, when checking, say it. */
static int
violation(struct checker *k, const struct tc_cue *c, int id, double value,
          double limit, const char *fmt, ...) TC_PRINTF(6, 7);

static int
violation(struct checker *k, const struct tc_cue *c, int id, double value,
          double limit, const char *fmt, ...)
{
    struct tc_buf m = TC_BUF_INIT;
    char at[32];
    va_list ap;
    int rc;

    if (!(k->mask & TC_CHECK_BIT(id)))
        return TC_OK;
    rc = record(k, c, id, value, limit);
    if (rc != TC_OK || !k->full)
        return rc;
    tc_time_fmt(at, c->start, '.');
    tc_buf_addf(&m, "cue %lu (%s): ", k->ck->cues, at);
    va_start(ap, fmt);
    tc_buf_vaddf(&m, fmt, ap);
    va_end(ap);
    if (k->src[id][0] != '\0')
        tc_buf_addf(&m, " (%s)", k->src[id]);
    rc = tc_buf_status(&m);
    if (rc == TC_OK)
        rc = tc_diagf(k->base.ctx, TC_D_CHECK, c->line, 0, "%s", m.data);
    tc_buf_release(&m);
    return rc;
}

static int
keep_cps(struct tc_check *ck, double cps)
{
    if (ck->ncps == ck->cps_cap) {
        size_t ncap = ck->cps_cap ? ck->cps_cap * 2 : 64;
        float *n = realloc(ck->cps, ncap * sizeof *n);

        if (n == NULL)
            return TC_ERR_NOMEM;
        ck->cps = n;
        ck->cps_cap = ncap;
    }
    ck->cps[ck->ncps++] = (float)cps;
    return TC_OK;
}

/* The checks of one cue on its own. */
static int
check_alone(struct checker *k, const struct tc_cue *c, int64_t dur)
{
    const struct tc_limits *l = &k->lim;
    size_t chars = tc_measure_chars(&c->text);
    size_t lines = tc_measure_lines(&c->text);
    size_t longest = tc_measure_longest_line(&c->text);
    char a[32], b[32];
    int rc = TC_OK;

    if (longest > k->ck->longest)
        k->ck->longest = longest;
    if (longest > (size_t)l->max_chars)
        rc = violation(k, c, TC_CHECK_MAX_CHARS, (double)longest,
                       (double)l->max_chars, "a line of %zu characters "
                       "exceeds %ld", longest, l->max_chars);
    if (rc == TC_OK && lines > (size_t)l->max_lines)
        rc = violation(k, c, TC_CHECK_MAX_LINES, (double)lines,
                       (double)l->max_lines, "%zu lines exceed %ld", lines,
                       l->max_lines);
    if (dur <= 0)
        return rc;
    k->ck->shown += dur;
    if (rc == TC_OK && k->full)
        rc = keep_cps(k->ck, tc_measure_cps(chars, dur));
    if (rc == TC_OK && tc_measure_cps_over(chars, dur, l->max_cps)) {
        double cps = tc_measure_cps(chars, dur);

        tc_check_fmt_cps(a, cps, l->max_cps);
        tc_check_fmt_num(b, l->max_cps);
        rc = violation(k, c, TC_CHECK_MAX_CPS, cps, l->max_cps,
                       "reading speed %s characters per second exceeds %s",
                       a, b);
    }
    if (rc == TC_OK && dur < l->min_duration)
        rc = violation(k, c, TC_CHECK_MIN_DURATION, (double)dur,
                       (double)l->min_duration, "duration %lld ms is "
                       "below %lld", (long long)dur,
                       (long long)l->min_duration);
    if (rc == TC_OK && dur > l->max_duration)
        rc = violation(k, c, TC_CHECK_MAX_DURATION, (double)dur,
                       (double)l->max_duration, "duration %lld ms exceeds "
                       "%lld", (long long)dur, (long long)l->max_duration);
    return rc;
}

/* The checks against the cues before. */
static int
check_after(struct checker *k, const struct tc_cue *c, int timed)
{
    int64_t *last = &k->last_end[tc_measure_place(c) % NPLACES];
    int rc = TC_OK;

    if (k->prev_start != TC_TIME_NONE && c->start < k->prev_start)
        return violation(k, c, TC_CHECK_ORDER,
                         (double)(k->prev_start - c->start), 0,
                         "starts %lld ms before the cue before it",
                         (long long)(k->prev_start - c->start));
    if (!timed)
        return TC_OK;
    if (*last != TC_TIME_NONE && c->start < *last)
        rc = violation(k, c, TC_CHECK_OVERLAP, (double)(*last - c->start),
                       0, "overlaps the cue before by %lld ms",
                       (long long)(*last - c->start));
    else if (*last != TC_TIME_NONE && c->start - *last < k->lim.min_gap)
        rc = violation(k, c, TC_CHECK_MIN_GAP, (double)(c->start - *last),
                       (double)k->lim.min_gap, "gap of %lld ms after the "
                       "cue before is below %lld",
                       (long long)(c->start - *last),
                       (long long)k->lim.min_gap);
    return rc;
}

static int
checker_push(struct tc_stage *st, struct tc_cue *c)
{
    struct checker *k = (struct checker *)st;
    int64_t dur = c->end == TC_TIME_NONE ? 0 : c->end - c->start;
    int rc = TC_OK, blank = tc_text_is_blank(&c->text);
    int timed = !blank && dur > 0;

    k->ck->cues++;
    if (!blank)
        rc = check_alone(k, c, dur);
    if (rc == TC_OK)
        rc = check_after(k, c, timed);
    if (rc == TC_OK && blank)
        rc = violation(k, c, TC_CHECK_EMPTY, 0, 1, "has no text");
    if (rc == TC_OK && !blank && dur <= 0) {
        char e[32];

        tc_time_fmt(e, c->end == TC_TIME_NONE ? c->start : c->end, '.');
        rc = violation(k, c, TC_CHECK_BAD_TIME, (double)dur, 0,
                       "ends at %s, not after its start", e);
    }
    if (k->prev_start == TC_TIME_NONE || c->start > k->prev_start)
        k->prev_start = c->start;
    if (timed) {
        int64_t *last = &k->last_end[tc_measure_place(c) % NPLACES];

        if (*last == TC_TIME_NONE || c->end > *last)
            *last = c->end;
    }
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    return tc_stage_push(st->next, c);
}

/* What each limit a run could not meet is said as, after "N % of cues
 * (a of n) ". */
static void
share_what(const struct checker *k, int id, struct tc_buf *b)
{
    const struct tc_limits *l = &k->lim;
    char n[32];

    switch (id) {
    case TC_CHECK_MAX_CHARS:
        tc_buf_addf(b, "have a line longer than %ld characters",
                    l->max_chars);
        break;
    case TC_CHECK_MAX_LINES:
        tc_buf_addf(b, "have more than %ld lines", l->max_lines);
        break;
    case TC_CHECK_MAX_CPS:
        tc_check_fmt_num(n, l->max_cps);
        tc_buf_addf(b, "exceed %s characters per second", n);
        break;
    case TC_CHECK_MIN_DURATION:
        tc_buf_addf(b, "are shorter than %lld ms",
                    (long long)l->min_duration);
        break;
    case TC_CHECK_MAX_DURATION:
        tc_buf_addf(b, "are longer than %lld ms",
                    (long long)l->max_duration);
        break;
    case TC_CHECK_MIN_GAP:
        tc_buf_addf(b, "follow the cue before by less than %lld ms",
                    (long long)l->min_gap);
        break;
    case TC_CHECK_OVERLAP:
        tc_buf_adds(b, "overlap the cue before");
        break;
    case TC_CHECK_ORDER:
        tc_buf_adds(b, "start before the cue before them");
        break;
    case TC_CHECK_EMPTY:
        tc_buf_adds(b, "have no text");
        break;
    default:
        tc_buf_adds(b, "end at or before their start");
        break;
    }
}

/* After a cleanup: one warning for each limit some cues do not meet. */
static int
checker_shares(struct checker *k)
{
    const struct tc_check *ck = k->ck;
    int id, rc = TC_OK;

    for (id = 0; id < TC_CHECK__COUNT && rc == TC_OK; id++) {
        struct tc_buf m = TC_BUF_INIT;
        unsigned long n = ck->count[id];

        if (n == 0 || !(k->mask & TC_CHECK_BIT(id)))
            continue;
        if (n * 10 < ck->cues)       /* under 10 %: one decimal */
            tc_buf_addf(&m, "%.1f", (double)n * 100.0 / (double)ck->cues);
        else
            tc_buf_addf(&m, "%lu", (n * 100 + ck->cues / 2) / ck->cues);
        tc_buf_addf(&m, " %% of cues (%lu of %lu) ", n, ck->cues);
        share_what(k, id, &m);
        if (k->src[id][0] != '\0')
            tc_buf_addf(&m, " (%s)", k->src[id]);
        tc_buf_adds(&m, "; see --check");
        rc = tc_buf_status(&m);
        if (rc == TC_OK)
            rc = tc_diagf(k->base.ctx, TC_D_CHECK, 0, 0, "%s", m.data);
        tc_buf_release(&m);
    }
    return rc;
}

static int
checker_finish(struct tc_stage *st)
{
    struct checker *k = (struct checker *)st;
    int rc = TC_OK;

    k->ck->complete = 1;
    if (!k->full)
        rc = checker_shares(k);
    if (rc != TC_OK)
        return rc;
    return tc_stage_finish(st->next);
}

static void
checker_destroy(struct tc_stage *st)
{
    free(st);
}

static const struct tc_stage_ops checker_ops = {
    .name = "check",
    .push = checker_push,
    .finish = checker_finish,
    .destroy = checker_destroy,
};

/* The checks the filters of the chain work to meet. */
static unsigned
chain_checks(const struct tc_ctx *ctx)
{
    unsigned mask = 0;
    size_t i;

    for (i = 0; i < ctx->nfilters; i++)
        mask |= ctx->filters[i].filter->checks;
    return mask;
}

/* A run begins: the report of the last one is emptied. */
static void
check_reset(struct tc_check *ck)
{
    ck->ran = 0;
    ck->complete = 0;
    ck->cues = ck->total = 0;
    memset(ck->count, 0, sizeof ck->count);
    ck->shown = 0;
    ck->longest = 0;
    ck->ncps = ck->nv = 0;
}

int
tc_check_stage_new(struct tc_ctx *ctx, struct tc_stage *next,
                   struct tc_stage **out)
{
    struct tc_check *ck = ctx->check;
    int full = ck != NULL && ck->on;
    unsigned mask = full ? TC_CHECK_ALL : chain_checks(ctx);
    struct checker *k;
    int i, rc = TC_OK;

    *out = NULL;
    if (mask == 0)
        return TC_OK;
    if (ck == NULL) {
        ck = check_get(ctx);
        if (ck == NULL)
            return TC_ERR_NOMEM;
    }
    if (full)
        rc = tc_check_parse(ctx, tc_ctx_option(ctx, "checks"), &mask);
    k = calloc(1, sizeof *k);
    if (rc != TC_OK || k == NULL) {
        free(k);
        return rc != TC_OK ? rc : TC_ERR_NOMEM;
    }
    k->base.ops = &checker_ops;
    k->base.ctx = ctx;
    k->base.next = next;
    k->ck = ck;
    k->full = full;
    k->mask = mask;
    k->prev_start = TC_TIME_NONE;
    for (i = 0; i < NPLACES; i++)
        k->last_end[i] = TC_TIME_NONE;
    for (i = 0; i < TC_CHECK__COUNT; i++)
        tc_check_limit_source(ctx, i, k->src[i]);
    rc = tc_limits_from_ctx(ctx, &k->lim);
    if (rc != TC_OK) {
        free(k);
        return rc;
    }
    /* a writer is a run of its own (tc_convert() began it already) */
    check_reset(ck);
    ck->ran = full;
    ck->mask = mask;
    ck->lim = k->lim;
    *out = &k->base;
    return TC_OK;
}

int
tc_check_begin(struct tc_ctx *ctx, const char *in_path)
{
    struct tc_check *ck = ctx->check;

    if (ck == NULL)
        return TC_OK;
    check_reset(ck);
    free(ck->file);
    ck->file = strdup(in_path == NULL || strcmp(in_path, "-") == 0
                          ? "<stdin>" : in_path);
    /* the checks a report of an input that cannot be read lists */
    if (tc_check_parse(NULL, tc_ctx_option(ctx, "checks"), &ck->mask) !=
        TC_OK)
        ck->mask = TC_CHECK_ALL;
    return ck->file != NULL ? TC_OK : TC_ERR_NOMEM;
}

/* ---- checking without writing ------------------------------------------- */

static int
none_push(struct tc_stage *st, struct tc_cue *c)
{
    (void)st;
    tc_cue_free(c);
    return TC_OK;
}

static void
none_destroy(struct tc_stage *st)
{
    free(st);
}

static const struct tc_stage_ops none_ops = {
    .name = "none",
    .push = none_push,
    .destroy = none_destroy,
};

static int
none_writer_new(struct tc_sink *sink, struct tc_ctx *ctx,
                struct tc_stage **out)
{
    struct tc_stage *st = calloc(1, sizeof *st);

    (void)sink;
    (void)ctx;
    if (st == NULL)
        return TC_ERR_NOMEM;
    st->ops = &none_ops;
    *out = st;
    return TC_OK;
}

/* Not in the registry: the writer of tc_check(), which writes nothing and
 * keeps cues that end when or before they start as they are, for the
 * bad-time check to see. */
static const struct tc_format check_none = {
    .name = "none",
    .desc = "nothing: the cues are checked",
    .extensions = "",
    .writer_new = none_writer_new,
    .keeps_short = 1,
};

int
tc_check(struct tc_ctx *ctx, const char *in_path,
         const struct tc_format *from)
{
    struct tc_check *ck = check_get(ctx);
    int rc, was_on;

    if (ck == NULL)
        return TC_ERR_NOMEM;
    was_on = ck->on;
    ck->on = 1;
    ck->only = 1;
    rc = tc_convert(ctx, in_path, from, NULL, &check_none);
    ck->only = 0;
    ck->on = was_on;
    return rc;
}

unsigned long
tc_check_violations(const struct tc_ctx *ctx)
{
    return ctx->check != NULL && ctx->check->ran ? ctx->check->total : 0;
}

int
tc_check_passed(const struct tc_ctx *ctx)
{
    const struct tc_check *ck = ctx->check;
    const char *v = tc_ctx_option(ctx, "max-violations");
    unsigned long max = v ? strtoul(v, NULL, 10) : 0;

    return ck != NULL && ck->ran && ck->complete && ck->total <= max;
}

int
tc_check_option_bad(struct tc_ctx *ctx, const char *key, const char *value)
{
    unsigned mask;
    char *end;
    long n;

    if (value == NULL)
        return 0;
    if (strcmp(key, "checks") == 0)
        return tc_check_parse(ctx, value, &mask) != TC_OK;
    if (strcmp(key, "max-violations") != 0)
        return 0;
    n = strtol(value, &end, 10);
    if (end != value && *end == '\0' && n >= 0 && value[0] != '-')
        return 0;
    tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "max-violations=%s: expected a "
             "whole number, 0 or more", value);
    return 1;
}
