/* measure.h -- what a cue is measured by against the profile's limits.
 * One definition of each measure, used by the filters that lay cues out
 * and time them (merge, wrap, timing) and by the checker (checker.c), so
 * that a cue the timing filter lets through as readable is never flagged
 * by --check, and the reverse.
 *
 * Characters are code points of the text (markup is no text: the cue
 * model holds none).  A line break is not a character; a space is.
 */
#ifndef TRANSCUE_SRC_MEASURE_H
#define TRANSCUE_SRC_MEASURE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* Does byte b begin a character (a code point) of UTF-8 text? */
static inline int
tc_measure_starts_char(unsigned char b)
{
    return (b & 0xC0) != 0x80;
}

/* Characters of n bytes of UTF-8 text, line breaks included. */
size_t tc_measure_utf8(const char *s, size_t n);

/* The characters a reader reads: every character of the text but line
 * breaks, spaces included. */
size_t tc_measure_chars(const struct tc_text *t);

/* Lines of the text: one more than its line breaks; 0 for no text. */
size_t tc_measure_lines(const struct tc_text *t);

/* Characters of the longest line. */
size_t tc_measure_longest_line(const struct tc_text *t);

/* Reading speed: chars / duration, in characters a second; 0 for a
 * duration of 0 or less. */
static inline double
tc_measure_cps(size_t chars, int64_t dur_ms)
{
    return dur_ms <= 0 ? 0 : (double)chars * 1000.0 / (double)dur_ms;
}

/* Is chars over dur_ms read faster than max_cps?  The one test of reading
 * speed: a duration of 0 or less is too fast for any text. */
static inline int
tc_measure_cps_over(size_t chars, int64_t dur_ms, double max_cps)
{
    if (chars == 0)
        return 0;
    return dur_ms <= 0 || (double)chars * 1000.0 > max_cps * (double)dur_ms;
}

/* The shortest duration in ms at which chars are not read faster than
 * max_cps (by tc_measure_cps_over()). */
int64_t tc_measure_read_ms(size_t chars, double max_cps);

/* The placement a cue is compared at: cues at different vertical places
 * (a sign at the top, dialogue at the bottom) may be shown together, so
 * gaps and overlaps count only between cues of one placement.  Automatic
 * placement is the bottom. */
int tc_measure_place(const struct tc_cue *c);

#endif /* TRANSCUE_SRC_MEASURE_H */
