/* measure.c -- the measures of a cue (see measure.h), shared by the
 * layout and timing filters and the checker. */
#include "config.h"

#include "measure.h"

size_t
tc_measure_utf8(const char *s, size_t n)
{
    size_t i, c = 0;

    for (i = 0; i < n; i++)
        c += tc_measure_starts_char((unsigned char)s[i]);
    return c;
}

size_t
tc_measure_chars(const struct tc_text *t)
{
    size_t i, j, n = 0;

    for (i = 0; i < t->nruns; i++) {
        const char *p = t->pool + t->runs[i].off;

        for (j = 0; j < t->runs[i].len; j++)
            if (p[j] != '\n' && tc_measure_starts_char((unsigned char)p[j]))
                n++;
    }
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
