/* formats/sbv.c -- YouTube SubViewer (SBV).  Not written yet: this descriptor only holds
 * the format's place in the registry. */
#include "config.h"

#include "format.h"

const struct tc_format tc_format_sbv = {
    .name       = "sbv",
    .desc       = "YouTube SubViewer (SBV)",
    .extensions = "sbv",
};
