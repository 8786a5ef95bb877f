/* formats/youtube.c -- YouTube transcript, M.  Not written yet: this descriptor only holds
 * the format's place in the registry. */
#include "config.h"

#include "format.h"

const struct tc_format tc_format_youtube = {
    .name       = "youtube",
    .desc       = "YouTube transcript, M:SS text",
    .extensions = "txt",
};
