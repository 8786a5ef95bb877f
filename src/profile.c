/* profile.c -- named sets of subtitle limits.  Each number is the one a
 * published guideline gives, or is derived from it as stated; the man page
 * (man/filters-layout.part) repeats them with their sources.
 *
 * netflix (the default): Netflix Timed Text Style Guide, general
 *   requirements and the English (USA) template: 42 characters a line,
 *   2 lines, 20 characters a second for adult programmes (the general
 *   guide's 17 is the figure for children's programmes; --max-cps=17
 *   selects it), at least 5/6 s (20 frames at 24 fps = 833 ms), at most
 *   7 s, at least 2 frames between cues (83 ms at 24 fps; kept in ms here
 *   so that every filter can read it; --min-gap=2f counts frames at
 *   --fps).
 * bbc: BBC Subtitle Guidelines: 37 characters a line (the 4:3 safe area
 *   width; 16:9 online allows 68% of the width), 2 lines (3 only when no
 *   picture information is hidden), 160-180 words a minute; at the
 *   English average of about 5.7 characters a word including its space,
 *   160 words a minute is 15 characters a second.  Minimum duration: our
 *   1 s (the guide gives time by words, 0.3 s a word, rounded up for a
 *   short subtitle); at most 7 s as for netflix; a gap of at least 1
 *   frame at 25 fps (the guide prefers longer gaps or chaining; those are
 *   preferences, not limits), 40 ms.
 *   Two speakers in one cue: netflix writes a hyphen without a space
 *   before each line ("-Are you coming?"), as its English guide shows;
 *   bbc and youtube a hyphen and a space, the common SubRip convention
 *   (the BBC guide marks speakers by colour, which a transcript does not
 *   carry).
 * youtube: not a published guideline, a lenient profile for uploads and
 *   auto-captions: 42 characters, 2 lines, 25 characters a second,
 *   0.5 s to 10 s, no forced gap, 30 fps.
 */
#include "config.h"

#include <string.h>

#include "ctx.h"

struct profile_row {
    const char *name;
    const char *max_chars, *max_lines, *max_cps;
    const char *min_duration, *max_duration, *min_gap, *fps;
    const char *dialogue_dash;
};

static const struct profile_row profiles[] = {
    { "netflix", "42", "2", "20", "833", "7000", "83", "24", "-" },
    { "bbc",     "37", "2", "15", "1000", "7000", "40", "25", "- " },
    { "youtube", "42", "2", "25", "500", "10000", "0", "30", "- " },
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
    if (strcmp(key, "dialogue-dash") == 0)
        return p->dialogue_dash;
    return NULL;
}
