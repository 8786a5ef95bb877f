/* src/filters/shift.c -- move every cue, and every inline timestamp, by
 * a fixed amount.  Nothing can be shown before 0: a cue that would start
 * earlier starts at 0, and one that would end by 0 is dropped, each with a
 * warning. */
#include "config.h"

#include <stdlib.h>

#include "format.h"

struct shift {
    struct tc_stage base;
    int64_t by;
};

static int
shift_push(struct tc_stage *st, struct tc_cue *cue)
{
    struct shift *sh = (struct shift *)st;
    char b[32], s[32];
    size_t i;
    int rc;

    for (i = 0; i < cue->text.nruns; i++) {
        int64_t *t = &cue->text.runs[i].time;

        if (*t != TC_TIME_NONE)
            *t = *t + sh->by < 0 ? 0 : *t + sh->by;
    }
    cue->start += sh->by;
    if (cue->end != TC_TIME_NONE)
        cue->end += sh->by;
    if (cue->start >= 0)
        return tc_stage_push(st->next, cue);
    tc_time_fmt(s, -cue->start, '.');
    if (cue->end != TC_TIME_NONE && cue->end <= 0) {
        rc = tc_diagf(st->ctx, TC_D_REPAIRED, cue->line, 0,
                      "cue would start at -%s, before the video: dropped",
                      s);
        tc_cue_free(cue);
        return rc;
    }
    tc_time_fmt(b, 0, '.');
    rc = tc_diagf(st->ctx, TC_D_REPAIRED, cue->line, 0,
                  "cue would start at -%s, before the video: starts at %s",
                  s, b);
    cue->start = 0;
    if (rc != TC_OK) {
        tc_cue_free(cue);
        return rc;
    }
    return tc_stage_push(st->next, cue);
}

static void
shift_destroy(struct tc_stage *st)
{
    free(st);
}

static const struct tc_stage_ops shift_ops = {
    .name = "shift",
    .push = shift_push,
    .destroy = shift_destroy,
};

static int
shift_create(struct tc_ctx *ctx, const struct tc_args *args,
             struct tc_stage **out)
{
    struct shift *sh = calloc(1, sizeof *sh);
    int rc;

    if (sh == NULL)
        return TC_ERR_NOMEM;
    sh->base.ops = &shift_ops;
    sh->base.ctx = ctx;
    rc = tc_args_time(args, "by", &sh->by);
    if (rc != TC_OK) {
        free(sh);
        return rc;
    }
    *out = &sh->base;
    return TC_OK;
}

static const struct tc_option shift_options[] = {
    { "by", "0",
      "how far to move: 1500 or 1500ms, 1.5s, -2s, 1m (later when "
      "positive)" },
    { NULL, NULL, NULL }
};

const struct tc_filter tc_filter_shift = {
    .name    = "shift",
    .desc    = "move every cue in time",
    .options = shift_options,
    .create  = shift_create,
};
