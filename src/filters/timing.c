/* src/filters/timing.c -- enforce the profile's timing rules.
 *
 * With one cue of lookahead it makes each cue:
 * - not overlap the next one (overlap=trim cuts its end; overlap=shift, or
 *   a trim that would leave almost nothing, moves the next cue's start),
 *   with a warning, since overlapping input is a defect;
 * - end at least min-gap before the next one starts, and close a gap
 *   shorter than close-gap up to min-gap (cues that follow each other
 *   closely should chain rather than blink);
 * - last at least min-duration and long enough to be read at max-cps when
 *   there is room before the next cue (extend=no keeps only min-duration);
 * - last at most max-duration.
 * Starts are never moved except to undo an overlap, and no cue is ever
 * dropped.  min-gap and close-gap take frames too ("2f", at fps).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "linebreak.h"

struct timing {
    struct tc_stage base;
    struct tc_limits lim;
    int64_t close_gap;
    int shift;               /* overlap=shift */
    int extend;
    struct tc_cue *held;
};

static size_t
visible_chars(const struct tc_text *t)
{
    size_t i, j, n = 0;

    for (i = 0; i < t->nruns; i++) {
        const unsigned char *p =
            (const unsigned char *)t->pool + t->runs[i].off;

        for (j = 0; j < t->runs[i].len; j++)
            if ((p[j] & 0xC0) != 0x80 && p[j] != '\n')
                n++;
    }
    return n;
}

static void
fmt(char *b, int64_t ms)
{
    tc_time_fmt(b, ms, '.');
}

/* Settle c's end, knowing the next cue n (NULL at the end), whose start
 * may be moved to undo an overlap. */
static int
timing_fix(struct timing *t, struct tc_cue *c, struct tc_cue *n)
{
    const struct tc_limits *l = &t->lim;
    int64_t room = INT64_MAX, need, dur, orig;
    char b1[32], b2[32];
    int rc = TC_OK;

    if (c->end == TC_TIME_NONE) {
        c->end = c->start;
    } else if (c->end < c->start) {
        fmt(b1, c->end);
        rc = tc_diagf(t->base.ctx, TC_D_TIME_REVERSED, c->line, 0,
                      "end %s taken as unset", b1);
        c->end = c->start;
    }
    if (rc == TC_OK && n != NULL && (n->start < c->start ||
                                     c->end > n->start)) {
        int64_t trimmed = n->start - l->min_gap;
        int64_t old = c->end - c->start;

        if (!t->shift && n->start >= c->start && trimmed - c->start > 0 &&
            (trimmed - c->start >= l->min_duration ||
             2 * (trimmed - c->start) >= old)) {
            fmt(b1, trimmed);
            rc = tc_diagf(t->base.ctx, TC_D_OVERLAP, c->line, 0,
                          "end trimmed to %s", b1);
            c->end = trimmed;
        } else {
            int64_t nd = n->end != TC_TIME_NONE && n->end > n->start
                             ? n->end - n->start : 0;

            if (c->end == c->start)
                c->end = c->start + l->min_duration;
            n->start = c->end + l->min_gap;
            if (n->end != TC_TIME_NONE && n->end < n->start + nd)
                n->end = n->start + nd;
            fmt(b1, n->start);
            rc = tc_diagf(t->base.ctx, TC_D_OVERLAP, c->line, 0,
                          "next cue moved to start at %s", b1);
        }
    }
    if (rc != TC_OK)
        return rc;
    orig = c->end;
    if (n != NULL) {
        room = n->start - l->min_gap;
        if (c->end > room && room > c->start)
            c->end = room;                    /* gap too small */
        else if (c->end < room && room - c->end < t->close_gap - l->min_gap)
            c->end = room;                    /* close a small gap */
    }
    dur = c->end - c->start;
    need = l->min_duration;
    if (t->extend) {
        int64_t read = (int64_t)((double)visible_chars(&c->text) * 1000.0 /
                                 l->max_cps + 0.999);

        if (read > need)
            need = read;
    }
    if (need > l->max_duration)
        need = l->max_duration;
    if (dur < need) {
        int64_t end = c->start + need;

        if (end > room)
            end = room;
        if (end > c->end)
            c->end = end;
    }
    if (c->end - c->start > l->max_duration) {
        fmt(b1, orig);
        fmt(b2, c->start + l->max_duration);
        tc_diagf(t->base.ctx, TC_D_NOTE, c->line, 0,
                 "cue longer than max-duration: end %s moved to %s", b1, b2);
        c->end = c->start + l->max_duration;
    }
    if (c->end <= c->start)
        c->end = c->start + 1;    /* no room at all: still a valid cue */
    return TC_OK;
}

static int
timing_push(struct tc_stage *st, struct tc_cue *c)
{
    struct timing *t = (struct timing *)st;
    struct tc_cue *prev = t->held;
    int rc;

    t->held = c;
    if (prev == NULL)
        return TC_OK;
    rc = timing_fix(t, prev, c);
    if (rc != TC_OK) {
        tc_cue_free(prev);
        return rc;
    }
    return tc_stage_push(st->next, prev);
}

static int
timing_finish(struct tc_stage *st)
{
    struct timing *t = (struct timing *)st;
    struct tc_cue *c = t->held;
    int rc = TC_OK;

    t->held = NULL;
    if (c != NULL) {
        rc = timing_fix(t, c, NULL);
        if (rc != TC_OK)
            tc_cue_free(c);
        else
            rc = tc_stage_push(st->next, c);
    }
    if (rc != TC_OK)
        return rc;
    return tc_stage_finish(st->next);
}

static void
timing_destroy(struct tc_stage *st)
{
    struct timing *t = (struct timing *)st;

    tc_cue_free(t->held);
    free(t);
}

static const struct tc_stage_ops timing_ops = {
    .name = "timing",
    .push = timing_push,
    .finish = timing_finish,
    .destroy = timing_destroy,
};

static int
timing_create(struct tc_ctx *ctx, const struct tc_args *args,
              struct tc_stage **out)
{
    struct timing *t = calloc(1, sizeof *t);
    const char *v;
    int rc;

    if (t == NULL)
        return TC_ERR_NOMEM;
    t->base.ops = &timing_ops;
    t->base.ctx = ctx;
    rc = tc_limits_from_args(args, &t->lim);
    if (rc == TC_OK) {
        v = tc_args_get(args, "close-gap");
        if (v == NULL || tc_parse_frames(v, t->lim.fps, &t->close_gap) !=
                             TC_OK || t->close_gap < 0) {
            tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                     "timing: close-gap=%s: expected a duration such as "
                     "500, 0.5s or 12f", v ? v : "");
            rc = TC_ERR_ARG;
        }
    }
    if (rc == TC_OK)
        rc = tc_args_bool(args, "extend", &t->extend);
    if (rc == TC_OK) {
        v = tc_args_get(args, "overlap");
        if (v != NULL && strcmp(v, "shift") == 0) {
            t->shift = 1;
        } else if (v == NULL || strcmp(v, "trim") != 0) {
            tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                     "timing: overlap=%s: expected trim or shift",
                     v ? v : "");
            rc = TC_ERR_ARG;
        }
    }
    if (rc != TC_OK) {
        free(t);
        return rc;
    }
    *out = &t->base;
    return TC_OK;
}

static const struct tc_option timing_options[] = {
    { "min-duration", NULL, "shortest cue (from the profile)" },
    { "max-duration", NULL, "longest cue (from the profile)" },
    { "min-gap", NULL, "smallest gap between cues, ms or frames such as "
                       "2f (from the profile)" },
    { "max-cps", NULL, "reading speed short cues are extended to (from the "
                       "profile)" },
    { "fps", NULL, "frame rate for frame counts (from the profile)" },
    { "close-gap", "12f", "gaps shorter than this are closed to min-gap" },
    { "overlap", "trim", "trim: cut the earlier cue; shift: move the "
                         "later one" },
    { "extend", "yes", "extend short cues to be read at max-cps" },
    { NULL, NULL, NULL }
};

const struct tc_filter tc_filter_timing = {
    .name    = "timing",
    .desc    = "enforce duration, gap and overlap rules",
    .options = timing_options,
    .create  = timing_create,
};
