/* profile.c -- named sets of subtitle limits.
 *
 * netflix: Netflix Timed Text Style Guide, general requirements and the
 *   English template: 42 characters a line, 2 lines, 20 characters a
 *   second (adult programmes), at least 5/6 s, at most 7 s, 2 frames
 *   between cues (83 ms at 24 fps).
 * bbc: BBC Subtitle Guidelines: 37 characters a line (Teletext-era 4:3
 *   limit kept for online), 2 lines, 160-180 words a minute, taken here
 *   as 15 characters a second; at least 1 s (0.3 s a word guideline
 *   rounded up), at most 7 s, 1 frame gap at 25 fps.
 * youtube: a lenient profile for uploads: 42 characters, 2 lines,
 *   25 characters a second, 0.5 s to 10 s, no forced gap.
 */
#include "config.h"

#include <string.h>

#include "ctx.h"

struct profile_row {
    const char *name;
    const char *max_chars, *max_lines, *max_cps;
    const char *min_duration, *max_duration, *min_gap, *fps;
};

static const struct profile_row profiles[] = {
    { "netflix", "42", "2", "20", "833", "7000", "83", "24" },
    { "bbc",     "37", "2", "15", "1000", "7000", "40", "25" },
    { "youtube", "42", "2", "25", "500", "10000", "0", "30" },
};

#define NPROFILES (sizeof profiles / sizeof profiles[0])

static const struct profile_row *
find(const char *name)
{
    size_t i;

    for (i = 0; i < NPROFILES; i++)
        if (strcmp(profiles[i].name, name) == 0)
            return &profiles[i];
    return NULL;
}

int
tc_profile_exists(const char *name)
{
    return find(name) != NULL;
}

const char *
tc_profile_at(size_t i)
{
    return i < NPROFILES ? profiles[i].name : NULL;
}

const char *
tc_profile_value(const char *profile, const char *key)
{
    const struct profile_row *p = find(profile);

    if (p == NULL)
        return NULL;
    if (strcmp(key, "max-chars") == 0)
        return p->max_chars;
    if (strcmp(key, "max-lines") == 0)
        return p->max_lines;
    if (strcmp(key, "max-cps") == 0)
        return p->max_cps;
    if (strcmp(key, "min-duration") == 0)
        return p->min_duration;
    if (strcmp(key, "max-duration") == 0)
        return p->max_duration;
    if (strcmp(key, "min-gap") == 0)
        return p->min_gap;
    if (strcmp(key, "fps") == 0)
        return p->fps;
    return NULL;
}
