/* src/filters/shift.c -- move every cue in time.  Not written yet. */
#include "config.h"

#include "format.h"

static int
shift_create(struct tc_ctx *ctx, const struct tc_args *args,
       struct tc_stage **out)
{
    (void)ctx;
    (void)args;
    *out = NULL;
    return TC_ERR_UNSUPPORTED;
}

const struct tc_filter tc_filter_shift = {
    .name    = "shift",
    .desc    = "move every cue in time",
    .options = NULL,
    .create  = shift_create,
};
