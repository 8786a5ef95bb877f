/* src/filters/timing.c -- enforce duration, gap and overlap rules.  Not written yet. */
#include "config.h"

#include "format.h"

static int
timing_create(struct tc_ctx *ctx, const struct tc_args *args,
       struct tc_stage **out)
{
    (void)ctx;
    (void)args;
    *out = NULL;
    return TC_ERR_UNSUPPORTED;
}

const struct tc_filter tc_filter_timing = {
    .name    = "timing",
    .desc    = "enforce duration, gap and overlap rules",
    .options = NULL,
    .create  = timing_create,
};
