/* measure.c -- the measures of a cue (see measure.h), shared by the
 * layout and timing filters and the checker. */
#include "config.h"

#include <string.h>

#include "format.h"
#include "measure.h"

/* How many bytes of the word w are continuation bytes (10xxxxxx) or,
 * with nl, line breaks: the bytes that start no counted character. */
static size_t
word_skipped(uint64_t w, int nl)
{
    const uint64_t lows = ~TC_SWAR_HIGHS;
    uint64_t m = w & ~(w << 1) & TC_SWAR_HIGHS;

    if (nl) {
        uint64_t x = w ^ (TC_SWAR_ONES * '\n');

        m |= ~(((x & lows) + lows) | x | lows);   /* exactly the zero bytes */
    }
    return (size_t)((((m >> 7) * TC_SWAR_ONES) >> 56) & 0xFF);
}

/* Characters in s[0..n), line breaks left out when nl. */
static size_t
count_chars(const char *s, size_t n, int nl)
{
    size_t i = 0, c = 0;

    for (; n - i >= 8; i += 8) {
        uint64_t w;

        memcpy(&w, s + i, 8);
        c += 8 - word_skipped(w, nl);
    }
    if (i < n) {
        /* the last bytes in a word padded with NULs, which count as
         * characters and no line breaks: take them off again */
        uint64_t w = 0;

        memcpy(&w, s + i, n - i);
        c += (n - i) - word_skipped(w, nl);
    }
    return c;
}

size_t
tc_measure_utf8(const char *s, size_t n)
{
    return count_chars(s, n, 0);
}

size_t
tc_measure_chars(const struct tc_text *t)
{
    size_t i, n = 0;

    for (i = 0; i < t->nruns; i++)
        n += count_chars(t->pool + t->runs[i].off, t->runs[i].len, 1);
    return n;
}

size_t
tc_measure_lines(const struct tc_text *t)
{
    size_t i, j, n = 1;

    if (tc_text_len(t) == 0)
        return 0;
    for (i = 0; i < t->nruns; i++)
        for (j = 0; j < t->runs[i].len; j++)
            n += t->pool[t->runs[i].off + j] == '\n';
    return n;
}

size_t
tc_measure_longest_line(const struct tc_text *t)
{
    size_t i, j, len = 0, max = 0;

    for (i = 0; i < t->nruns; i++) {
        const char *p = t->pool + t->runs[i].off;

        for (j = 0; j < t->runs[i].len; j++) {
            if (p[j] == '\n')
                len = 0;
            else if (tc_measure_starts_char((unsigned char)p[j]) &&
                     ++len > max)
                max = len;
        }
    }
    return max;
}

int64_t
tc_measure_read_ms(size_t chars, double max_cps)
{
    double d;
    int64_t ms;

    if (chars == 0)
        return 0;
    if (!(max_cps > 0))
        return INT64_MAX;
    d = (double)chars * 1000.0 / max_cps;
    if (!(d < 9e15))
        return INT64_MAX;
    ms = (int64_t)d;
    if ((double)ms < d)
        ms++;
    /* the division and the test above may round apart by one: the test
     * decides */
    while (ms > 1 && !tc_measure_cps_over(chars, ms - 1, max_cps))
        ms--;
    while (tc_measure_cps_over(chars, ms, max_cps))
        ms++;
    return ms;
}

int
tc_measure_place(const struct tc_cue *c)
{
    return c->place.vpos == TC_VPOS_AUTO ? TC_VPOS_BOTTOM : c->place.vpos;
}
