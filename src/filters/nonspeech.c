/* src/filters/nonspeech.c -- remove non-speech tags and credit lines.  Not written yet. */
#include "config.h"

#include "format.h"

static int
nonspeech_create(struct tc_ctx *ctx, const struct tc_args *args,
       struct tc_stage **out)
{
    (void)ctx;
    (void)args;
    *out = NULL;
    return TC_ERR_UNSUPPORTED;
}

const struct tc_filter tc_filter_nonspeech = {
    .name    = "nonspeech",
    .desc    = "remove non-speech tags and credit lines",
    .options = NULL,
    .create  = nonspeech_create,
};
