/* src/filters/merge.c -- join fragments into readable cues.  Not written yet. */
#include "config.h"

#include "format.h"

static int
merge_create(struct tc_ctx *ctx, const struct tc_args *args,
       struct tc_stage **out)
{
    (void)ctx;
    (void)args;
    *out = NULL;
    return TC_ERR_UNSUPPORTED;
}

const struct tc_filter tc_filter_merge = {
    .name    = "merge",
    .desc    = "join fragments into readable cues",
    .options = NULL,
    .create  = merge_create,
};
