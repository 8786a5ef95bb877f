/* src/filters/timing.c -- enforce the profile's timing rules.
 *
 * Cues at different vertical placements (a {\an8} sign at the top, dialogue
 * at the bottom) can be shown together, so each cue is only compared with
 * the next cue at its own placement.  For each cue, first:
 * - an unset or reversed end counts as the start (reversed with a warning);
 * - the cue is cut to max-duration (with a note), before anything else, so
 *   a cue that lasts too long never pushes the next one away.
 * Then, knowing the next cue at the same placement:
 * - an overlap (a warning: overlapping input is a defect) is undone by
 *   cutting the earlier cue's end to min-gap before the next start
 *   (overlap=trim), so later cues keep their start times.  overlap=shift
 *   moves the next cue's start to min-gap after this cue's end instead,
 *   but only by SHIFT_MAX at most, and a cue that was moved never moves
 *   the one after it: a shift cannot cascade.  When the shift is not
 *   allowed, the earlier cue is cut;
 * - a cue that would be left with no time at all (the next one starts at
 *   the same time, or within min-gap) has its text joined to the start of
 *   the next cue, with a warning: both are meant to be read together.
 *   When the two texts would need more than max-lines lines, they are
 *   shown one after the other instead, their time shared by length (the
 *   later one at most SHIFT_MAX late, or min-gap more where many cues
 *   pile up at one time), so the output never has more lines than the
 *   profile allows;
 * - the cue ends at least min-gap before the next one starts, and a gap
 *   shorter than close-gap is closed up to min-gap (cues that follow each
 *   other closely should chain rather than blink);
 * - it lasts at least min-duration and long enough to be read at max-cps
 *   when there is room before the next cue (extend=no keeps only
 *   min-duration), and at most max-duration.
 * So the output never has a cue that ends at or before its start, nor two
 * cues at the same placement that overlap.  No words are dropped.
 * min-gap and close-gap take frames too ("2f", at fps).
 *
 * Cues leave in input order.  A cue waits in a small queue until the next
 * cue at its placement arrives, until a cue starts so late that no cue at
 * its placement could matter any more, or until QUEUE_MAX cues wait (it
 * then ends before the newest cue starts, as its next one will).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "linebreak.h"

/* The most overlap=shift moves a start, in ms: a second late is about as
 * much as viewers forgive; beyond it the earlier cue is cut instead. */
#define SHIFT_MAX 1000
/* Cues held while one at another placement waits for its next cue. */
#define QUEUE_MAX 64

struct pending {
    struct tc_cue *cue;
    int settled;             /* its end is final; it may leave */
    int moved;               /* its start was moved: it moves no other cue */
};

struct timing {
    struct tc_stage base;
    struct tc_limits lim;
    int64_t close_gap;
    int shift;               /* overlap=shift */
    int extend;
    struct pending q[QUEUE_MAX];
    size_t nq;
};

/* Placement classes: auto placement is the bottom. */
static int
vclass(const struct tc_cue *c)
{
    return c->place.vpos == TC_VPOS_AUTO ? TC_VPOS_BOTTOM : c->place.vpos;
}

static void
fmt(char *b, int64_t ms)
{
    tc_time_fmt(b, ms, '.');
}

/* Give a newly arrived cue an end after its start, no later than
 * max-duration. */
static int
timing_normalize(struct timing *t, struct tc_cue *c)
{
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
    if (rc == TC_OK && c->end - c->start > t->lim.max_duration) {
        fmt(b1, c->end);
        fmt(b2, c->start + t->lim.max_duration);
        rc = tc_diagf(t->base.ctx, TC_D_NOTE, c->line, 0,
                      "cue longer than max-duration: end %s moved to %s",
                      b1, b2);
        c->end = c->start + t->lim.max_duration;
    }
    return rc;
}

/* c and n start (about) together at the same place: n's text goes to the
 * end of c's, and the joined cue takes c's place in the queue.  It keeps
 * c's start even when n starts earlier (input out of order, or c moved by
 * a shift): an earlier start could overlap the cue before c, which has
 * already left. */
static int
timing_join(struct timing *t, struct tc_cue *c, struct tc_cue *n)
{
    struct tc_style st;
    size_t i;
    int rc;

    rc = tc_diagf(t->base.ctx, c->end == c->start ? TC_D_TIME_REVERSED
                                                  : TC_D_OVERLAP,
                  c->line, 0, "%sjoined to the next cue, which starts at "
                  "the same time", c->end == c->start ? "zero length: " : "");
    if (rc == TC_OK && c->text.nruns > 0 && n->text.nruns > 0)
        rc = tc_text_newline(&c->text);
    for (i = 0; rc == TC_OK && i < n->text.nruns; i++) {
        const struct tc_run *r = &n->text.runs[i];

        tc_run_style(&n->text, r, &st);
        rc = tc_text_append(&c->text, n->text.pool + r->off, r->len, &st);
    }
    if (n->end > c->end)
        c->end = n->end;
    if (c->end - c->start > t->lim.max_duration)
        c->end = c->start + t->lim.max_duration;
    return rc;
}

static size_t
text_lines(const struct tc_text *t)
{
    size_t i, j, n = 1;

    for (i = 0; i < t->nruns; i++)
        for (j = 0; j < t->runs[i].len; j++)
            n += t->pool[t->runs[i].off + j] == '\n';
    return n;
}

/* c and n start (about) together but their texts would not fit one cue:
 * c is shown first and n after it, their time shared by length, n no more
 * than SHIFT_MAX late. */
static int
timing_share(struct timing *t, struct tc_cue *c, struct tc_cue *n,
             struct pending *pn)
{
    int64_t end = c->end > n->end ? c->end : n->end, mid;
    size_t a = tc_text_chars(&c->text), b = tc_text_chars(&n->text);
    char b1[32];

    mid = c->start + (int64_t)((double)(end - c->start) * (double)a /
                               (double)(a + b ? a + b : 1) + 0.5);
    if (mid > n->start + SHIFT_MAX)
        mid = n->start + SHIFT_MAX;     /* late by a second at most */
    if (mid < c->start + 1 + t->lim.min_gap)
        mid = c->start + 1 + t->lim.min_gap;
    if (n->end < mid + 1)
        n->end = mid + 1;
    n->start = mid;
    c->end = mid - t->lim.min_gap;
    pn->moved = 1;
    fmt(b1, mid);
    return tc_diagf(t->base.ctx, TC_D_OVERLAP, n->line, 0,
                    "starts with the cue before, and both do not fit one "
                    "cue: shown after it, at %s", b1);
}

/* Undo an overlap of c with the next cue n at its place, or a gap smaller
 * than min-gap.  Sets *joined when n's text went into c. */
static int
timing_resolve(struct timing *t, struct pending *pc, struct pending *pn,
               int *joined)
{
    const struct tc_limits *l = &t->lim;
    struct tc_cue *c = pc->cue, *n = pn->cue;
    int64_t room = n->start - l->min_gap;
    char b1[32];

    *joined = 0;
    if (c->end <= room && room > c->start)
        return TC_OK;
    if (t->shift && !pc->moved && c->end > n->start &&
        c->end > c->start && c->end + l->min_gap - n->start <= SHIFT_MAX) {
        int64_t nd = n->end - n->start;
        int64_t keep = nd < l->min_duration ? nd : l->min_duration;

        /* Only the start moves; the end only as far as needed to keep
         * the cue min-duration long (or as long as it was). */
        n->start = c->end + l->min_gap;
        if (n->end < n->start + keep)
            n->end = n->start + keep;
        pn->moved = 1;
        fmt(b1, n->start);
        return tc_diagf(t->base.ctx, TC_D_OVERLAP, c->line, 0,
                        "next cue moved to start at %s", b1);
    }
    if (room <= c->start && text_lines(&c->text) + text_lines(&n->text) >
                                (size_t)l->max_lines)
        return timing_share(t, c, n, pn);
    if (room <= c->start) {
        *joined = 1;
        return timing_join(t, c, n);
    }
    if (c->end > n->start) {
        fmt(b1, room);
        c->end = room;
        return tc_diagf(t->base.ctx, TC_D_OVERLAP, c->line, 0,
                        "end trimmed to %s", b1);
    }
    c->end = room;                            /* gap too small */
    return TC_OK;
}

/* Settle c's end, knowing when the next cue at its place starts
 * (TC_TIME_NONE: no cue that matters), with which it no longer overlaps. */
static void
timing_fix(struct timing *t, struct tc_cue *c, int64_t next)
{
    const struct tc_limits *l = &t->lim;
    int64_t room = INT64_MAX, need, dur;

    if (next != TC_TIME_NONE) {
        room = next - l->min_gap;
        if (c->end < room && room - c->end < t->close_gap - l->min_gap &&
            room - c->start <= l->max_duration)
            c->end = room;                    /* close a small gap */
    }
    dur = c->end - c->start;
    need = l->min_duration;
    if (t->extend) {
        int64_t read = (int64_t)((double)tc_text_chars(&c->text) * 1000.0 /
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
    if (c->end <= c->start)
        c->end = c->start + 1;   /* min-duration 0: still a valid cue;
                                  * room > start, so no overlap */
}

/* Pass on the settled cues at the front of the queue. */
static int
timing_emit(struct timing *t)
{
    size_t i = 0;
    int rc = TC_OK;

    while (i < t->nq && t->q[i].settled) {
        struct tc_cue *c = t->q[i].cue;

        t->q[i++].cue = NULL;
        rc = tc_stage_push(t->base.next, c);
        if (rc != TC_OK)
            break;
    }
    memmove(t->q, t->q + i, (t->nq - i) * sizeof t->q[0]);
    t->nq -= i;
    return rc;
}

static int
timing_push(struct tc_stage *st, struct tc_cue *c)
{
    struct timing *t = (struct timing *)st;
    int64_t late = t->lim.max_duration +
                   (t->close_gap > t->lim.min_gap ? t->close_gap
                                                  : t->lim.min_gap);
    struct pending *pn;
    int64_t arrived = c->start;
    size_t i;
    int rc, joined = 0;

    rc = timing_normalize(t, c);
    if (rc == TC_OK && t->nq == QUEUE_MAX) {
        struct tc_cue *h = t->q[0].cue;

        /* Too many cues within max-duration: the first one settles
         * before its next cue is seen, which (cues arrive by start) will
         * start no sooner than c. */
        if (h->end > arrived - t->lim.min_gap &&
            arrived - t->lim.min_gap > h->start)
            h->end = arrived - t->lim.min_gap;
        timing_fix(t, h, arrived);
        t->q[0].settled = 1;
        rc = timing_emit(t);
    }
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    pn = &t->q[t->nq++];
    pn->cue = c;
    pn->settled = 0;
    pn->moved = 0;
    for (i = t->nq - 1; rc == TC_OK && i-- > 0;) {
        struct pending *pc = &t->q[i];

        if (pc->settled)
            continue;
        if (vclass(pc->cue) == vclass(c)) {
            rc = timing_resolve(t, pc, pn, &joined);
            if (rc == TC_OK && !joined) {
                timing_fix(t, pc->cue, c->start);
                pc->settled = 1;
            }
        } else if (arrived - pc->cue->start >= late) {
            /* no later cue at its place can change its end (cues arrive
             * by start; c's own start may have been shifted since) */
            timing_fix(t, pc->cue, TC_TIME_NONE);
            pc->settled = 1;
        }
    }
    if (joined) {
        tc_cue_free(c);
        t->nq--;
    }
    if (rc != TC_OK)
        return rc;
    return timing_emit(t);
}

static int
timing_finish(struct tc_stage *st)
{
    struct timing *t = (struct timing *)st;
    size_t i;
    int rc;

    for (i = 0; i < t->nq; i++) {
        if (!t->q[i].settled) {
            timing_fix(t, t->q[i].cue, TC_TIME_NONE);
            t->q[i].settled = 1;
        }
    }
    rc = timing_emit(t);
    if (rc != TC_OK)
        return rc;
    return tc_stage_finish(st->next);
}

static void
timing_destroy(struct tc_stage *st)
{
    struct timing *t = (struct timing *)st;
    size_t i;

    for (i = 0; i < t->nq; i++)
        tc_cue_free(t->q[i].cue);
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
