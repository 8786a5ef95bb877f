/* formats/ttml.c -- TTML2 / IMSC 1.1 Text.  Not written yet: this descriptor only holds
 * the format's place in the registry. */
#include "config.h"

#include "format.h"

const struct tc_format tc_format_ttml = {
    .name       = "ttml",
    .desc       = "TTML2 / IMSC 1.1 Text",
    .extensions = "ttml dfxp xml",
};
