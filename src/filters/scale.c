/* src/filters/scale.c -- stretch times (frame-rate conversion).  Not written yet. */
#include "config.h"

#include "format.h"

static int
scale_create(struct tc_ctx *ctx, const struct tc_args *args,
       struct tc_stage **out)
{
    (void)ctx;
    (void)args;
    *out = NULL;
    return TC_ERR_UNSUPPORTED;
}

const struct tc_filter tc_filter_scale = {
    .name    = "scale",
    .desc    = "stretch times (frame-rate conversion)",
    .options = NULL,
    .create  = scale_create,
};
