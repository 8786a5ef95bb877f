/* util.c -- small shared helpers: time formatting, a line scanner, UTF-8. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "format.h"

/* By hand rather than with snprintf: writers call this twice per cue and
 * printf's format parsing dominated a profile of SRT to SRT. */
/* Two decimal digits of v < 100 at out. */
static void
put2(char *out, unsigned v)
{
    static const char digits[] =
        "00010203040506070809101112131415161718192021222324252627282930313233"
        "34353637383940414243444546474849505152535455565758596061626364656667"
        "68697071727374757677787980818283848586878889909192939495969798"
        "99";

    memcpy(out, digits + 2 * v, 2);
}

size_t
tc_time_fmt(char *out, int64_t ms, char sep)
{
    size_t n = 0;
    unsigned rest, sec;
    int64_t h;

    if (ms < 0)
        ms = 0;
    h = ms / 3600000;
    rest = (unsigned)(ms % 3600000);
    if (h < 100) {
        put2(out, (unsigned)h);
        n = 2;
    } else {
        char hours[24];
        size_t nh = 0;

        do {
            hours[nh++] = (char)('0' + h % 10);
            h /= 10;
        } while (h > 0);
        while (nh > 0)
            out[n++] = hours[--nh];
    }
    sec = rest / 1000;
    rest %= 1000;
    out[n] = ':';
    put2(out + n + 1, sec / 60);
    out[n + 3] = ':';
    put2(out + n + 4, sec % 60);
    out[n + 6] = sep;
    out[n + 7] = (char)('0' + rest / 100);
    put2(out + n + 8, rest % 100);
    n += 10;
    out[n] = '\0';
    return n;
}

#define DIGIT(c) ((c) >= '0' && (c) <= '9')
#define TWO(p) ((int64_t)((p)[0] - '0') * 10 + ((p)[1] - '0'))

int
tc_time_hms(const char *p, size_t n, char sep, int64_t *ms)
{
    int64_t m, s;

    if (n < 12 || !DIGIT(p[0]) || !DIGIT(p[1]) || p[2] != ':' ||
        !DIGIT(p[3]) || !DIGIT(p[4]) || p[5] != ':' || !DIGIT(p[6]) ||
        !DIGIT(p[7]) || p[8] != sep || !DIGIT(p[9]) || !DIGIT(p[10]) ||
        !DIGIT(p[11]))
        return 0;
    m = TWO(p + 3);
    s = TWO(p + 6);
    if (m > 59 || s > 59)
        return 0;
    *ms = ((TWO(p) * 60 + m) * 60 + s) * 1000 + TWO(p + 9) * 10 +
          (p[11] - '0');
    return 1;
}

void
tc_scan_init(struct tc_scan *s, const char *p, size_t len)
{
    s->p = p;
    s->start = p;
    s->end = p + len;
}

unsigned
tc_scan_col(const struct tc_scan *s)
{
    return (unsigned)(s->p - s->start) + 1;
}

int
tc_scan_digits(struct tc_scan *s, unsigned min, unsigned max,
               unsigned long *out)
{
    unsigned long v = 0;
    unsigned n = 0;

    while (s->p < s->end && *s->p >= '0' && *s->p <= '9') {
        if (n == max)
            return TC_ERR_SYNTAX;
        if (v > (~0UL - 9) / 10)
            return TC_ERR_SYNTAX;
        v = v * 10 + (unsigned long)(*s->p - '0');
        s->p++;
        n++;
    }
    if (n < min)
        return TC_ERR_SYNTAX;
    *out = v;
    return TC_OK;
}

int
tc_scan_char(struct tc_scan *s, char c)
{
    if (s->p < s->end && *s->p == c) {
        s->p++;
        return TC_OK;
    }
    return TC_ERR_SYNTAX;
}

int
tc_scan_oneof(struct tc_scan *s, const char *set)
{
    if (s->p < s->end && *s->p != '\0' && strchr(set, *s->p) != NULL) {
        s->p++;
        return TC_OK;
    }
    return TC_ERR_SYNTAX;
}

void
tc_scan_spaces(struct tc_scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t'))
        s->p++;
}

int
tc_scan_lit(struct tc_scan *s, const char *lit)
{
    size_t n = strlen(lit);

    if ((size_t)(s->end - s->p) >= n && memcmp(s->p, lit, n) == 0) {
        s->p += n;
        return TC_OK;
    }
    return TC_ERR_SYNTAX;
}

int
tc_scan_eof(const struct tc_scan *s)
{
    return s->p >= s->end;
}

int
tc_is_blank_line(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

void
tc_trim(const char **p, size_t *n)
{
    while (*n > 0 && (**p == ' ' || **p == '\t')) {
        (*p)++;
        (*n)--;
    }
    while (*n > 0 && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\t'))
        (*n)--;
}

size_t
tc_utf8_seq(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];

    if (c >= 0xC2 && c <= 0xDF)
        return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (c == 0xE0 && s[1] < 0xA0) ||          /* overlong */
            (c == 0xED && s[1] >= 0xA0))           /* surrogate */
            return 0;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80 ||
            (c == 0xF0 && s[1] < 0x90) ||          /* overlong */
            (c == 0xF4 && s[1] >= 0x90))           /* above U+10FFFF */
            return 0;
        return 4;
    }
    return 0;
}

int
tc_enc_is_utf8(const char *enc)
{
    return strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0;
}

size_t
tc_utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, k;

    while (i < n) {
        /* ASCII eight bytes at a time, then straight to the first byte
         * with its top bit */
        if (n - i >= 8) {
            uint64_t w;

            memcpy(&w, s + i, 8);
            w &= TC_SWAR_HIGHS;
            if (w == 0) {
                i += 8;
                continue;
            }
            i += TC_SWAR_FIRST(w);
        }
        if (s[i] < 0x80)
            i++;
        else if ((k = tc_utf8_seq(str + i, n - i)) == 0)
            return i;
        else
            i += k;
    }
    return n;
}

size_t
tc_utf8_put(char *out, uint32_t cp)
{
    if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp > 0x10FFFF)
        return tc_utf8_put(out, 0xFFFD);
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The sixteen HTML 4 colour names and the CSS aliases SRT files use. */
static const struct {
    const char *name;
    uint32_t rgb;
} color_names[] = {
    { "black", 0x000000 },   { "silver", 0xC0C0C0 }, { "gray", 0x808080 },
    { "grey", 0x808080 },    { "white", 0xFFFFFF },  { "maroon", 0x800000 },
    { "red", 0xFF0000 },     { "purple", 0x800080 }, { "fuchsia", 0xFF00FF },
    { "magenta", 0xFF00FF }, { "green", 0x008000 },  { "lime", 0x00FF00 },
    { "olive", 0x808000 },   { "yellow", 0xFFFF00 }, { "navy", 0x000080 },
    { "blue", 0x0000FF },    { "teal", 0x008080 },   { "aqua", 0x00FFFF },
    { "cyan", 0x00FFFF },    { "orange", 0xFFA500 },
};

int
tc_hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int
tc_color_parse(const char *s, size_t n, uint32_t *rgb)
{
    size_t i;
    uint32_t v = 0;

    if (n > 0 && s[0] == '#') {
        s++;
        n--;
    } else {
        for (i = 0; i < sizeof color_names / sizeof color_names[0]; i++)
            if (strlen(color_names[i].name) == n &&
                strncasecmp(color_names[i].name, s, n) == 0) {
                *rgb = color_names[i].rgb;
                return TC_OK;
            }
    }
    if (n != 3 && n != 6)
        return TC_ERR_SYNTAX;
    for (i = 0; i < n; i++) {
        int h = tc_hexval(s[i]);

        if (h < 0)
            return TC_ERR_SYNTAX;
        v = v << 4 | (uint32_t)h;
        if (n == 3)
            v = v << 4 | (uint32_t)h;
    }
    *rgb = v;
    return TC_OK;
}

const char *
tc_color_name(uint32_t rgb)
{
    size_t i;

    for (i = 0; i < sizeof color_names / sizeof color_names[0]; i++)
        if (color_names[i].rgb == rgb)
            return color_names[i].name;
    return NULL;
}
