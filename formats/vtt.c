/* formats/vtt.c -- WebVTT (W3C).  Not written yet: this descriptor only holds
 * the format's place in the registry. */
#include "config.h"

#include "format.h"

const struct tc_format tc_format_vtt = {
    .name       = "vtt",
    .desc       = "WebVTT (W3C)",
    .extensions = "vtt webvtt",
};
