/* formats/whisper.c -- Whisper transcript, [start --> end] text.  Not written yet: this descriptor only holds
 * the format's place in the registry. */
#include "config.h"

#include "format.h"

const struct tc_format tc_format_whisper = {
    .name       = "whisper",
    .desc       = "Whisper transcript, [start --> end] text",
    .extensions = "txt",
};
