/* formats/ttml_time.c -- TTML time and colour expressions.
 *
 * Time expressions follow TTML2's <time-expression>
 * (https://www.w3.org/TR/ttml2/): clock time "HH:MM:SS", "HH:MM:SS.fff",
 * "HH:MM:SS:FF" and "HH:MM:SS:FF.ss", and offset time
 * "N[.N](h|m|s|ms|f|t)".  Frames count at the effective frame rate
 * (frameRate * frameRateMultiplier); with timeBase="smpte" a clock time is
 * a frame label at the nominal rate, counted with the labels that dropNTSC
 * and dropPAL skip left out.  Colours follow TTML2's <color>.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "ttml.h"

void
tc_ttml_timing_init(struct tc_ttml_timing *tp)
{
    tp->frame_rate = 30;
    tp->mult = 1.0;
    tp->sub_frame_rate = 1;
    tp->tick_rate = 1.0;
    tp->smpte = 0;
    tp->drop = 0;
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* "." followed by digits, as a fraction; none gives 0. */
static int
scan_fraction(struct tc_scan *s, double *frac)
{
    double scale = 0.1;

    *frac = 0;
    if (tc_scan_char(s, '.') != TC_OK)
        return TC_OK;
    if (s->p >= s->end || !is_digit(*s->p))
        return TC_ERR_SYNTAX;
    for (; s->p < s->end && is_digit(*s->p); s->p++) {
        *frac += (*s->p - '0') * scale;
        scale /= 10;
    }
    return TC_OK;
}

static double
effective_rate(const struct tc_ttml_timing *tp)
{
    return (double)tp->frame_rate * tp->mult;
}

/* The frame count of an SMPTE label, dropped labels left out. */
static double
smpte_frames(const struct tc_ttml_timing *tp, unsigned long h,
             unsigned long m, unsigned long sec, unsigned long f)
{
    double n = ((double)h * 3600 + (double)m * 60 + (double)sec) *
                   (double)tp->frame_rate + (double)f;
    unsigned long minutes = h * 60 + m;

    if (tp->drop == 1)          /* labels 0 and 1 of each minute but every
                                   tenth are skipped */
        n -= 2.0 * (double)(minutes - minutes / 10);
    else if (tp->drop == 2)     /* labels 0 to 3 of every even minute but
                                   every tenth */
        n -= 4.0 * (double)(minutes / 2 - minutes / 10);
    return n;
}

static int
clock_time(struct tc_scan *s, const struct tc_ttml_timing *tp, double *secs)
{
    unsigned long h, m, sec, f = 0, sub = 0;
    double frac = 0;
    int frames = 0, subframes = 0;

    if (tc_scan_digits(s, 1, 9, &h) || tc_scan_char(s, ':') ||
        tc_scan_digits(s, 2, 2, &m) || tc_scan_char(s, ':') ||
        tc_scan_digits(s, 2, 2, &sec))
        return TC_ERR_SYNTAX;
    /* TTML allows 60 seconds for a leap second */
    if (m > 59 || sec > 60)
        return TC_ERR_SYNTAX;
    if (tc_scan_char(s, ':') == TC_OK) {
        if (tc_scan_digits(s, 2, 9, &f))
            return TC_ERR_SYNTAX;
        frames = 1;
        if (tc_scan_char(s, '.') == TC_OK) {
            if (tc_scan_digits(s, 1, 9, &sub))
                return TC_ERR_SYNTAX;
            subframes = 1;
        }
    } else if (scan_fraction(s, &frac) != TC_OK) {
        return TC_ERR_SYNTAX;
    }
    if (!tc_scan_eof(s))
        return TC_ERR_SYNTAX;
    if (frames && f >= tp->frame_rate)
        return TC_ERR_SYNTAX;
    if (subframes && sub >= tp->sub_frame_rate)
        return TC_ERR_SYNTAX;
    if (tp->smpte) {
        double n = smpte_frames(tp, h, m, sec, f);

        if (subframes)
            n += (double)sub / (double)tp->sub_frame_rate;
        /* a fraction of a second (no frames) counts as itself, as ttconv
         * reads it: 00:01:41.040 is 40 ms past the label 00:01:41:00 */
        *secs = n / effective_rate(tp) + frac;
        return TC_OK;
    }
    *secs = (double)h * 3600 + (double)m * 60 + (double)sec + frac;
    if (frames)
        *secs += ((double)f + (double)sub / (double)tp->sub_frame_rate) /
                 effective_rate(tp);
    return TC_OK;
}

static int
offset_time(struct tc_scan *s, const struct tc_ttml_timing *tp, double *secs)
{
    unsigned long n;
    double frac, v;

    if (tc_scan_digits(s, 1, 18, &n) || scan_fraction(s, &frac))
        return TC_ERR_SYNTAX;
    v = (double)n + frac;
    if (tc_scan_lit(s, "ms") == TC_OK)
        v /= 1000;
    else if (tc_scan_char(s, 'h') == TC_OK)
        v *= 3600;
    else if (tc_scan_char(s, 'm') == TC_OK)
        v *= 60;
    else if (tc_scan_char(s, 's') == TC_OK)
        ;
    else if (tc_scan_char(s, 'f') == TC_OK)
        v /= effective_rate(tp);
    else if (tc_scan_char(s, 't') == TC_OK)
        v /= tp->tick_rate;
    else
        return TC_ERR_SYNTAX;
    if (!tc_scan_eof(s))
        return TC_ERR_SYNTAX;
    *secs = v;
    return TC_OK;
}

/* The usual "H:MM:SS" or "H:MM:SS.fff" of a media time base, read
 * digit by digit with clock_time()'s arithmetic (so the same double).
 * TC_OK, or TC_ERR_SYNTAX for anything else: clock_time() decides. */
static int
clock_fast(const char *p, const struct tc_ttml_timing *tp, double *secs)
{
    unsigned long h = 0, m, sec;
    double frac = 0, scale = 0.1;
    int nh = 0;

    if (tp->smpte)
        return TC_ERR_SYNTAX;
    for (; is_digit(*p) && nh < 9; p++, nh++)
        h = h * 10 + (unsigned long)(*p - '0');
    if (nh == 0 || p[0] != ':' || !is_digit(p[1]) || !is_digit(p[2]) ||
        p[3] != ':' || !is_digit(p[4]) || !is_digit(p[5]))
        return TC_ERR_SYNTAX;
    m = (unsigned long)(p[1] - '0') * 10 + (unsigned long)(p[2] - '0');
    sec = (unsigned long)(p[4] - '0') * 10 + (unsigned long)(p[5] - '0');
    if (m > 59 || sec > 60)
        return TC_ERR_SYNTAX;
    p += 6;
    if (*p == '.') {
        if (!is_digit(*++p))
            return TC_ERR_SYNTAX;
        for (; is_digit(*p); p++) {
            frac += (*p - '0') * scale;
            scale /= 10;
        }
    }
    if (*p != '\0')
        return TC_ERR_SYNTAX;
    *secs = (double)h * 3600 + (double)m * 60 + (double)sec + frac;
    return TC_OK;
}

int
tc_ttml_time_parse(const char *str, const struct tc_ttml_timing *tp,
                   double *secs)
{
    struct tc_scan s;
    const char *p = str;
    size_t n;

    if (clock_fast(str, tp, secs) == TC_OK)
        return TC_OK;
    n = strlen(str);

    /* XML attribute values may carry white space around the value */
    while (n > 0 && strchr(" \t\r\n", *p) != NULL) {
        p++;
        n--;
    }
    while (n > 0 && strchr(" \t\r\n", p[n - 1]) != NULL)
        n--;
    tc_scan_init(&s, p, n);
    while (s.p < s.end && is_digit(*s.p))
        s.p++;
    if (s.p < s.end && *s.p == ':') {
        tc_scan_init(&s, p, n);
        return clock_time(&s, tp, secs);
    }
    tc_scan_init(&s, p, n);
    return offset_time(&s, tp, secs);
}

/* ---- colours ------------------------------------------------------------ */

static const struct {
    const char *name;
    uint32_t rgba;
} ttml_colors[] = {
    { "transparent", 0x00000000 }, { "black", 0x000000FF },
    { "silver", 0xC0C0C0FF },      { "gray", 0x808080FF },
    { "white", 0xFFFFFFFF },       { "maroon", 0x800000FF },
    { "red", 0xFF0000FF },         { "purple", 0x800080FF },
    { "fuchsia", 0xFF00FFFF },     { "magenta", 0xFF00FFFF },
    { "green", 0x008000FF },       { "lime", 0x00FF00FF },
    { "olive", 0x808000FF },       { "yellow", 0xFFFF00FF },
    { "navy", 0x000080FF },        { "blue", 0x0000FFFF },
    { "teal", 0x008080FF },        { "aqua", 0x00FFFFFF },
    { "cyan", 0x00FFFFFF },
};

/* "rgb(" or "rgba(" already consumed: n components 0..255, then ")". */
static int
color_func(struct tc_scan *s, int n, uint32_t *rgba)
{
    uint32_t v = 0;
    int i;

    for (i = 0; i < n; i++) {
        unsigned long c;

        tc_scan_spaces(s);
        if (tc_scan_digits(s, 1, 3, &c) || c > 255)
            return TC_ERR_SYNTAX;
        tc_scan_spaces(s);
        if (tc_scan_char(s, i + 1 < n ? ',' : ')') != TC_OK)
            return TC_ERR_SYNTAX;
        v = v << 8 | (uint32_t)c;
    }
    if (!tc_scan_eof(s))
        return TC_ERR_SYNTAX;
    *rgba = n == 3 ? v << 8 | 0xFF : v;
    return TC_OK;
}

int
tc_ttml_color_parse(const char *str, uint32_t *rgba)
{
    struct tc_scan s;
    size_t n = strlen(str), i;

    tc_scan_init(&s, str, n);
    if (tc_scan_char(&s, '#') == TC_OK) {
        uint32_t v = 0;

        if (n != 7 && n != 9)
            return TC_ERR_SYNTAX;
        for (i = 1; i < n; i++) {
            int h = tc_hexval(str[i]);

            if (h < 0)
                return TC_ERR_SYNTAX;
            v = v << 4 | (uint32_t)h;
        }
        *rgba = n == 7 ? v << 8 | 0xFF : v;
        return TC_OK;
    }
    if (tc_scan_lit(&s, "rgba(") == TC_OK)
        return color_func(&s, 4, rgba);
    if (tc_scan_lit(&s, "rgb(") == TC_OK)
        return color_func(&s, 3, rgba);
    for (i = 0; i < sizeof ttml_colors / sizeof ttml_colors[0]; i++)
        if (strcasecmp(ttml_colors[i].name, str) == 0) {
            *rgba = ttml_colors[i].rgba;
            return TC_OK;
        }
    return TC_ERR_SYNTAX;
}
