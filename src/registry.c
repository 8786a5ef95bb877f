/* registry.c -- the one list of formats and the one list of filters.
 * --from/--to, detection, --list-formats, --list-filters and the man page
 * table all come from here.  Order breaks probe ties. */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "format.h"

extern const struct tc_format tc_format_vtt, tc_format_ttml, tc_format_srt,
    tc_format_sbv, tc_format_whisper, tc_format_youtube, tc_format_json,
    tc_format_ass, tc_format_text;

static const struct tc_format *const formats[] = {
    &tc_format_vtt, &tc_format_ttml, &tc_format_srt, &tc_format_sbv,
    &tc_format_whisper, &tc_format_youtube, &tc_format_json, &tc_format_ass,
    &tc_format_text,
};

extern const struct tc_filter tc_filter_tidy, tc_filter_nonspeech,
    tc_filter_fillers, tc_filter_dedupe, tc_filter_merge, tc_filter_wrap,
    tc_filter_timing, tc_filter_shift, tc_filter_scale;

static const struct tc_filter *const filters[] = {
    &tc_filter_tidy, &tc_filter_nonspeech, &tc_filter_fillers,
    &tc_filter_dedupe, &tc_filter_merge, &tc_filter_wrap, &tc_filter_timing,
    &tc_filter_shift, &tc_filter_scale,
};

const struct tc_format *
tc_format_at(size_t i)
{
    return i < sizeof formats / sizeof formats[0] ? formats[i] : NULL;
}

const struct tc_filter *
tc_filter_at(size_t i)
{
    return i < sizeof filters / sizeof filters[0] ? filters[i] : NULL;
}

const struct tc_format *
tc_format_find(const char *name)
{
    size_t i;

    for (i = 0; tc_format_at(i) != NULL; i++)
        if (strcmp(formats[i]->name, name) == 0)
            return formats[i];
    return NULL;
}

const struct tc_filter *
tc_filter_find(const char *name)
{
    size_t i;

    for (i = 0; tc_filter_at(i) != NULL; i++)
        if (strcmp(filters[i]->name, name) == 0)
            return filters[i];
    return NULL;
}

/* Is word one of the space-separated names in list (any case)? */
static int
in_list(const char *list, const char *word, size_t n)
{
    while (*list != '\0') {
        size_t len = strcspn(list, " ");

        if (len == n && strncasecmp(list, word, n) == 0)
            return 1;
        list += len;
        while (*list == ' ')
            list++;
    }
    return 0;
}

const struct tc_format *
tc_format_by_extension(const char *path)
{
    const char *dot, *slash;
    size_t i;

    if (path == NULL)
        return NULL;
    dot = strrchr(path, '.');
    slash = strrchr(path, '/');
    if (dot == NULL || (slash != NULL && dot < slash) || dot[1] == '\0')
        return NULL;
    for (i = 0; tc_format_at(i) != NULL; i++)
        if (in_list(formats[i]->extensions, dot + 1, strlen(dot + 1)))
            return formats[i];
    return NULL;
}

/* The best probe score and its format. */
static const struct tc_format *
best_probe(const unsigned char *head, size_t len, int *score)
{
    const struct tc_format *best = NULL;
    size_t i;

    *score = 0;
    for (i = 0; tc_format_at(i) != NULL; i++) {
        int sc;

        if (formats[i]->read == NULL || formats[i]->probe == NULL)
            continue;
        sc = formats[i]->probe(head, len);
        if (sc > *score) {
            *score = sc;
            best = formats[i];
        }
    }
    return best;
}

const struct tc_format *
tc_format_detect_sure(const unsigned char *head, size_t len)
{
    int score;
    const struct tc_format *best = best_probe(head, len, &score);

    return score >= TC_PROBE_LIKELY ? best : NULL;
}

const struct tc_format *
tc_format_detect(const unsigned char *head, size_t len, const char *path)
{
    const struct tc_format *best, *byext;
    int score;

    best = best_probe(head, len, &score);
    if (score >= TC_PROBE_LIKELY)
        return best;
    byext = tc_format_by_extension(path);
    if (byext != NULL && byext->read != NULL)
        return byext;
    return best;
}

const char *
tc_format_name(const struct tc_format *f)
{
    return f->name;
}

const char *
tc_format_desc(const struct tc_format *f)
{
    return f->desc;
}

const char *
tc_format_extensions(const struct tc_format *f)
{
    return f->extensions;
}

int
tc_format_can_read(const struct tc_format *f)
{
    return f->read != NULL && !f->read_missing;
}

int
tc_format_can_write(const struct tc_format *f)
{
    return f->writer != NULL || f->writer_new != NULL;
}

int
tc_format_probe(const struct tc_format *f, const unsigned char *head,
                size_t len)
{
    return f->probe != NULL ? f->probe(head, len) : TC_PROBE_NO;
}

const char *
tc_filter_name(const struct tc_filter *f)
{
    return f->name;
}

const char *
tc_filter_desc(const struct tc_filter *f)
{
    return f->desc;
}

const struct tc_option *
tc_filter_option_at(const struct tc_filter *f, size_t i)
{
    size_t k;

    for (k = 0; f->options != NULL && f->options[k].name != NULL; k++)
        if (k == i)
            return &f->options[k];
    return NULL;
}
