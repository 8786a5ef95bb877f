/* src/filters/dedupe.c -- drop repeated text.  Not written yet. */
#include "config.h"

#include "format.h"

static int
dedupe_create(struct tc_ctx *ctx, const struct tc_args *args,
       struct tc_stage **out)
{
    (void)ctx;
    (void)args;
    *out = NULL;
    return TC_ERR_UNSUPPORTED;
}

const struct tc_filter tc_filter_dedupe = {
    .name    = "dedupe",
    .desc    = "drop repeated text",
    .options = NULL,
    .create  = dedupe_create,
};
