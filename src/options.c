/* options.c -- the options a context knows: its own (profile limits, the
 * language, encodings), then those each format keeps in its descriptor
 * (struct tc_format's options), numbered after them in the order of the
 * registry.  Filters read the limits by the same names, so one
 * --max-chars reaches every filter that breaks lines.  Rows may be
 * appended; the CLI turns each into --NAME=VALUE.  A row with a type has
 * its value checked when it is set (tc_option_check()). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"

static const struct tc_optdef options[] = {
    { { "profile", "netflix", "limits preset: netflix, bbc or youtube" },
      NULL },
    { { "max-chars", NULL, "characters per line" }, NULL },
    { { "max-lines", NULL, "lines per cue" }, NULL },
    { { "max-cps", NULL, "reading speed, characters per second" }, NULL },
    { { "min-duration", NULL, "shortest cue (ms, or with s suffix)" }, NULL },
    { { "max-duration", NULL, "longest cue (ms, or with s suffix)" }, NULL },
    { { "min-gap", NULL, "smallest gap between cues (ms, or frames: 2f)" },
      NULL },
    { { "fps", NULL, "frame rate for frame-based limits and times" }, NULL },
    { { "dialogue-dash", NULL, "begins the line of each speaker when two "
                               "share a cue" }, NULL },
#ifdef HAVE_EXTTEXTCAT
    { { "lang", NULL, "language of the input's text for the filters, a tag "
                      "such as en, de or pt-BR (default: the input's own, "
                      "else guessed from the text; und: unknown)" }, NULL },
#else
    { { "lang", NULL, "language of the input's text for the filters, a tag "
                      "such as en, de or pt-BR (default: the input's own; "
                      "und: unknown)" }, NULL },
#endif
    { { "encoding", NULL, "input encoding (default: from a byte-order "
                          "mark, else UTF-8)" }, NULL },
#ifdef HAVE_UCHARDET
    { { "fallback-encoding", NULL, "for input lines that are not UTF-8 "
                                   "(default: the one their bytes suggest, "
                                   "else windows-1252)" }, NULL },
#else
    { { "fallback-encoding", NULL, "for input lines that are not UTF-8 "
                                   "(default: windows-1252)" }, NULL },
#endif
    { { "output-encoding", "UTF-8", "output encoding" }, NULL },
    { { "bom", NULL, "begin the output with a byte-order mark (--bom alone "
                     "means yes)" }, "bool" },
    { { "checks", NULL, "checks to run, comma-separated; -NAME: all but "
                        "NAME (implies --check; default: all)" }, NULL },
    { { "max-violations", "0", "violations a file may have and pass "
                               "--check (implies --check)" }, NULL },
    { { NULL, NULL, NULL }, NULL }
};

#define NCORE (sizeof options / sizeof options[0] - 1)

static size_t
format_count(const struct tc_format *f)
{
    size_t n = 0;

    while (f->options != NULL && f->options[n].o.name != NULL)
        n++;
    return n;
}

const struct tc_option *
tc_option_at(size_t i)
{
    size_t k;

    if (i < NCORE)
        return &options[i].o;
    i -= NCORE;
    for (k = 0; tc_format_at(k) != NULL; k++) {
        size_t n = format_count(tc_format_at(k));

        if (i < n)
            return &tc_format_at(k)->options[i].o;
        i -= n;
    }
    return NULL;
}

const struct tc_option *
tc_format_option_at(const struct tc_format *f, size_t i)
{
    return i < format_count(f) ? &f->options[i].o : NULL;
}

size_t
tc_option_count(void)
{
    size_t n = NCORE, k;

    for (k = 0; tc_format_at(k) != NULL; k++)
        n += format_count(tc_format_at(k));
    return n;
}

long
tc_option_index(const char *name)
{
    const struct tc_option *o;
    size_t i;

    for (i = 0; (o = tc_option_at(i)) != NULL; i++)
        if (strcmp(o->name, name) == 0)
            return (long)i;
    return -1;
}

/* Is v one of the '|'-separated words of choices? */
static int
one_of(const char *choices, const char *v)
{
    size_t n = strlen(v);

    while (*choices != '\0') {
        size_t k = strcspn(choices, "|");

        if (k == n && strncmp(choices, v, n) == 0)
            return 1;
        choices += k + (choices[k] == '|');
    }
    return 0;
}

/* The definition behind a row of tc_option_at(). */
static const struct tc_optdef *
def_of(const struct tc_option *o)
{
    return (const struct tc_optdef *)(const void *)o;
}

int
tc_option_check(struct tc_ctx *ctx, const struct tc_option *row,
                const char *v)
{
    const struct tc_optdef *o = def_of(row);
    int64_t ms;
    char *end;
    int b;

    if (o->type == NULL || v == NULL)
        return TC_OK;
    if (strcmp(o->type, "bool") == 0) {
        if (tc_parse_bool(v, &b) == TC_OK)
            return TC_OK;
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "%s=%s: expected yes or no",
                 row->name, v);
    } else if (strcmp(o->type, "number") == 0) {
        double d = strtod(v, &end);

        if (end != v && *end == '\0' && d == d)
            return TC_OK;
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "%s=%s: expected a number",
                 row->name, v);
    } else if (strcmp(o->type, "duration") == 0) {
        if (tc_parse_duration(v, &ms) == TC_OK)
            return TC_OK;
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "%s=%s: expected a duration "
                 "such as 5000, 5000ms or 5s", row->name, v);
    } else {
        char words[128];
        size_t i, n = 0;

        if (one_of(o->type, v))
            return TC_OK;
        for (i = 0; o->type[i] != '\0' && n + 5 < sizeof words; i++) {
            if (o->type[i] == '|') {
                memcpy(words + n, " or ", 4);
                n += 4;
            } else {
                words[n++] = o->type[i];
            }
        }
        words[n] = '\0';
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "%s=%s: expected %s",
                 row->name, v, words);
    }
    return TC_ERR_ARG;
}
