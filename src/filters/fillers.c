/* src/filters/fillers.c -- remove filler words.  Not written yet. */
#include "config.h"

#include "format.h"

static int
fillers_create(struct tc_ctx *ctx, const struct tc_args *args,
       struct tc_stage **out)
{
    (void)ctx;
    (void)args;
    *out = NULL;
    return TC_ERR_UNSUPPORTED;
}

const struct tc_filter tc_filter_fillers = {
    .name    = "fillers",
    .desc    = "remove filler words",
    .options = NULL,
    .create  = fillers_create,
};
