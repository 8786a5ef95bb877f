/* options.c -- the options a context knows: profile limits and format
 * settings.  Filters read the limits by the same names, so one
 * --max-chars reaches every filter that breaks lines.  Rows may be
 * appended; the CLI turns each into --NAME=VALUE. */
#include "config.h"

#include <string.h>

#include "ctx.h"

static const struct tc_option options[] = {
    { "profile",      "netflix", "limits preset: netflix, bbc or youtube" },
    { "max-chars",    NULL, "characters per line" },
    { "max-lines",    NULL, "lines per cue" },
    { "max-cps",      NULL, "reading speed, characters per second" },
    { "min-duration", NULL, "shortest cue (ms, or with s suffix)" },
    { "max-duration", NULL, "longest cue (ms, or with s suffix)" },
    { "min-gap",      NULL, "smallest gap between cues (ms, or frames: 2f)" },
    { "fps",          NULL, "frame rate for frame-based limits and times" },
    { "dialogue-dash", NULL, "begins the line of each speaker when two "
                             "share a cue" },
    { "youtube-cps",  "15", "youtube reader: characters per second that "
                            "estimate a fragment's length" },
    { "youtube-min-duration", "1s", "youtube reader: shortest estimated "
                                    "fragment" },
    { "youtube-max-duration", "6s", "youtube reader: longest estimated "
                                    "fragment; a longer gap is a pause" },
    { "ttml-regions", "keep", "TTML reader: text in no region that shows "
                              "it: keep (at the bottom, or in the region "
                              "it names) or strict (drop, as TTML players "
                              "do)" },
    { "vtt-regions",  "no", "WebVTT output: write REGION blocks and region "
                            "settings (ffmpeg drops cues after one)" },
    { "vtt-style",    "no", "WebVTT output: copy STYLE blocks (ffmpeg drops "
                            "cues after one)" },
    { "text-paragraph-gap", NULL, "text output: join cues into paragraphs, "
                                  "a new one after a pause this long "
                                  "(default: one cue a line)" },
    { "text-timestamps", "no", "text output: begin each line or paragraph "
                               "with its start time, [MM:SS]" },
#ifdef HAVE_EXTTEXTCAT
    { "lang",         NULL, "language of the input's text for the filters, "
                            "a tag such as en, de or pt-BR (default: the "
                            "input's own, else guessed from the text; und: "
                            "unknown)" },
#else
    { "lang",         NULL, "language of the input's text for the filters, "
                            "a tag such as en, de or pt-BR (default: the "
                            "input's own; und: unknown)" },
#endif
    { "encoding",     NULL,
      "input encoding (default: from a byte-order mark, else UTF-8)" },
#ifdef HAVE_UCHARDET
    { "fallback-encoding", NULL, "for input lines that are not UTF-8 "
                                 "(default: the one their bytes suggest, "
                                 "else windows-1252)" },
#else
    { "fallback-encoding", NULL, "for input lines that are not UTF-8 "
                                 "(default: windows-1252)" },
#endif
    { "output-encoding", "UTF-8", "output encoding" },
    { "bom",          NULL, "begin the output with a byte-order mark "
                            "(--bom alone means yes)" },
    { "checks",       NULL, "checks to run, comma-separated; -NAME: all "
                            "but NAME (implies --check; default: all)" },
    { "max-violations", "0", "violations a file may have and pass --check "
                             "(implies --check)" },
    { NULL, NULL, NULL }
};

const struct tc_option *
tc_option_at(size_t i)
{
    return i < tc_option_count() ? &options[i] : NULL;
}

size_t
tc_option_count(void)
{
    return sizeof options / sizeof options[0] - 1;
}

long
tc_option_index(const char *name)
{
    size_t i;

    for (i = 0; i < tc_option_count(); i++)
        if (strcmp(options[i].name, name) == 0)
            return (long)i;
    return -1;
}
