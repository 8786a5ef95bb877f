/* src/filters/scale.c -- multiply every time (cue start and end, inline
 * timestamps) by a factor, for frame-rate conversion: subtitles timed to
 * a 25 fps video play in step with the same film at 23.976 fps once
 * scaled by 25 / 23.976, as every frame then comes later by that ratio. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "format.h"

struct scale {
    struct tc_stage base;
    double factor;
};

static int64_t
scale_time(double factor, int64_t t)
{
    double x = (double)t * factor;

    return x >= 0 ? (int64_t)(x + 0.5) : -(int64_t)(-x + 0.5);
}

static int
scale_push(struct tc_stage *st, struct tc_cue *cue)
{
    struct scale *sc = (struct scale *)st;
    size_t i;

    for (i = 0; i < cue->text.nruns; i++)
        if (cue->text.runs[i].time != TC_TIME_NONE)
            cue->text.runs[i].time = scale_time(sc->factor,
                                                cue->text.runs[i].time);
    cue->start = scale_time(sc->factor, cue->start);
    if (cue->end != TC_TIME_NONE)
        cue->end = scale_time(sc->factor, cue->end);
    return tc_stage_push(st->next, cue);
}

static void
scale_destroy(struct tc_stage *st)
{
    free(st);
}

static const struct tc_stage_ops scale_ops = {
    .name = "scale",
    .push = scale_push,
    .destroy = scale_destroy,
};

/* A positive number, or a fraction such as 24000/1001; NULL = unset. */
static int
scale_number(struct tc_ctx *ctx, const struct tc_args *args,
             const char *key, double *out)
{
    const char *v = tc_args_get(args, key);
    char *end;
    double d, den = 1;

    *out = 0;
    if (v == NULL || *v == '\0')
        return TC_OK;
    d = strtod(v, &end);
    if (end != v && *end == '/') {
        const char *q = end + 1;

        den = strtod(q, &end);
        if (end == q)
            den = 0;
    }
    if (end == v || *end != '\0' || !(d > 0 && d < 1e9) ||
        !(den > 0 && den < 1e9)) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                 "scale: %s=%s: expected a positive number or a fraction "
                 "such as 24000/1001", key, v);
        return TC_ERR_ARG;
    }
    *out = d / den;
    return TC_OK;
}

static int
scale_create(struct tc_ctx *ctx, const struct tc_args *args,
             struct tc_stage **out)
{
    struct scale *sc;
    double factor, from, to;
    int rc;

    rc = scale_number(ctx, args, "factor", &factor);
    if (rc == TC_OK)
        rc = scale_number(ctx, args, "from", &from);
    if (rc == TC_OK)
        rc = scale_number(ctx, args, "to", &to);
    if (rc != TC_OK)
        return rc;
    if ((factor > 0) == (from > 0 || to > 0) || (from > 0) != (to > 0)) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                 "scale: give either factor= or both from= and to= "
                 "(frame rates)");
        return TC_ERR_ARG;
    }
    sc = calloc(1, sizeof *sc);
    if (sc == NULL)
        return TC_ERR_NOMEM;
    sc->base.ops = &scale_ops;
    sc->base.ctx = ctx;
    sc->factor = factor > 0 ? factor : from / to;
    *out = &sc->base;
    return TC_OK;
}

static const struct tc_option scale_options[] = {
    { "factor", NULL, "multiply every time by this number" },
    { "from", NULL,
      "frame rate the subtitles are timed for (25, 23.976, 24000/1001)" },
    { "to", NULL, "frame rate of the video to fit; times grow by from/to" },
    { NULL, NULL, NULL }
};

const struct tc_filter tc_filter_scale = {
    .name    = "scale",
    .desc    = "stretch times (frame-rate conversion)",
    .options = scale_options,
    .create  = scale_create,
};
