/* src/filters/wrap.c -- break lines within the limits.  Not written yet. */
#include "config.h"

#include "format.h"

static int
wrap_create(struct tc_ctx *ctx, const struct tc_args *args,
       struct tc_stage **out)
{
    (void)ctx;
    (void)args;
    *out = NULL;
    return TC_ERR_UNSUPPORTED;
}

const struct tc_filter tc_filter_wrap = {
    .name    = "wrap",
    .desc    = "break lines within the limits",
    .options = NULL,
    .create  = wrap_create,
};
