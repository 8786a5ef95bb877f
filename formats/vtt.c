/* formats/vtt.c -- WebVTT reader and writer.
 *
 * The reader follows the W3C WebVTT parser algorithm: the signature, a
 * header block, then blocks (cues, NOTE, STYLE, REGION) separated by blank
 * lines; timings and settings by the spec's rules; the cue payload by the
 * cue text parsing rules (tokenizer, HTML character references, tree
 * building).  Where the spec drops something silently, the reader says so:
 * a cue whose timing cannot be read is an error, other skipped text and
 * ignored settings are warnings.  Conformance: tests/vtt-conformance.c
 * against the wpt suites in tests/data/webvtt-wpt/.
 *
 * The writer writes what the W3C validator, browsers and ffmpeg accept:
 * no STYLE or REGION block unless asked for (ffmpeg's demuxer drops every
 * cue after one), escaped '&' '<' '>', never an empty line inside a cue.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "vtt.h"

#define MAX_REGIONS 1024
#define MAX_BLOCK   (16u << 20)    /* bytes in one block: a cue, a STYLE */

/* ---- small helpers ------------------------------------------------------ */

static int
is_ws(char c)          /* ASCII whitespace as WebVTT and HTML define it */
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int
is_alnum(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
has_arrow(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i + 2 < n; i++)
        if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
            return 1;
    return 0;
}

/* s[0..n) starts with word and the rest is whitespace. */
static int
is_word_line(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word), i;

    if (n < w || memcmp(s, word, w) != 0)
        return 0;
    for (i = w; i < n; i++)
        if (!is_ws(s[i]))
            return 0;
    return 1;
}

/* ---- timestamps ---------------------------------------------------------- */

static size_t
digits(const char *s, size_t n, size_t i, int64_t *v, size_t *count)
{
    size_t start = i;

    *v = 0;
    for (; i < n && is_digit(s[i]); i++)
        if (*v < 100000000000LL)   /* more hours than that is nonsense */
            *v = *v * 10 + (s[i] - '0');
        else
            *v = INT64_MAX / 4;
    *count = i - start;
    return i;
}

int
tc_vtt_timestamp(const char *s, size_t n, size_t *used, int64_t *ms)
{
    int64_t v1, v2, v3 = 0, v4;
    size_t i = 0, cnt;
    int hours;

    *used = 0;
    if (n == 0 || !is_digit(s[0]))
        return TC_ERR_SYNTAX;
    i = digits(s, n, i, &v1, &cnt);
    hours = cnt != 2 || v1 > 59;
    if (i >= n || s[i] != ':')
        goto bad;
    i = digits(s, n, i + 1, &v2, &cnt);
    if (cnt != 2)
        goto bad;
    if (hours || (i < n && s[i] == ':')) {
        if (i >= n || s[i] != ':')
            goto bad;
        i = digits(s, n, i + 1, &v3, &cnt);
        if (cnt != 2)
            goto bad;
    } else {
        v3 = v2;
        v2 = v1;
        v1 = 0;
    }
    if (i >= n || s[i] != '.')
        goto bad;
    i = digits(s, n, i + 1, &v4, &cnt);
    if (cnt != 3 || v2 > 59 || v3 > 59 || v1 >= INT64_MAX / 4)
        goto bad;
    *used = i;
    *ms = ((v1 * 60 + v2) * 60 + v3) * 1000 + v4;
    return TC_OK;
bad:
    *used = i;
    return TC_ERR_SYNTAX;
}

/* ---- numbers for settings ------------------------------------------------ */

/* The HTML rules for parsing floating-point numbers, on a string already
 * checked to hold only an optional '-', digits and at most one '.'.
 * strtod rounds correctly; only the C locale's '.' is expected. */
static int
parse_float(struct tc_buf *tmp, const char *s, size_t n, double *out)
{
    char *end;
    double v;

    tc_buf_clear(tmp);
    if (tc_buf_add(tmp, s, n) != TC_OK)
        return TC_ERR_NOMEM;
    errno = 0;
    v = strtod(tmp->data, &end);
    if (end != tmp->data + tmp->len)
        return TC_ERR_SYNTAX;
    if (errno == ERANGE && (v > 1e308 || v < -1e308))
        return TC_ERR_SYNTAX;              /* overflow: an error in HTML */
    *out = v == 0 ? 0 : v;                 /* never -0 */
    return TC_OK;
}

/* "parse a percentage string": digits, optional '.' digits, '%'; 0..100. */
static int
parse_percent(struct tc_buf *tmp, const char *s, size_t n, double *out)
{
    size_t i = 0, d1, d2 = 0;

    while (i < n && is_digit(s[i]))
        i++;
    d1 = i;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && is_digit(s[i])) {
            i++;
            d2++;
        }
        if (d2 == 0)
            return TC_ERR_SYNTAX;
    }
    if (d1 == 0 || i + 1 != n || s[i] != '%')
        return TC_ERR_SYNTAX;
    if (parse_float(tmp, s, n - 1, out) != TC_OK || *out < 0 || *out > 100)
        return TC_ERR_SYNTAX;
    return TC_OK;
}

/* The line setting's number when it is not a percentage. */
static int
parse_line_number(struct tc_buf *tmp, const char *s, size_t n, double *out)
{
    size_t i, dots = 0, ndig = 0;

    for (i = 0; i < n; i++) {
        if (is_digit(s[i]))
            ndig++;
        else if (s[i] == '.')
            dots++;
        else if (s[i] != '-' || i > 0)
            return TC_ERR_SYNTAX;
        if (s[i] == '.' && (i == 0 || i + 1 == n || !is_digit(s[i - 1]) ||
                            !is_digit(s[i + 1])))
            return TC_ERR_SYNTAX;
    }
    if (ndig == 0 || dots > 1)
        return TC_ERR_SYNTAX;
    return parse_float(tmp, s, n, out);
}

/* ---- the file parser ----------------------------------------------------- */

struct vtt_parser {
    struct tc_source *src;
    struct tc_ctx *ctx;
    const struct tc_vtt_handler *h;
    void *ud;
    struct tc_buf buffer;      /* the block's lines, as the spec's buffer */
    struct tc_buf id;
    struct tc_buf style;       /* STYLE blocks, joined */
    struct tc_buf tmp;
    struct tc_buf lang;
    struct tc_region *regions;
    size_t nregions, regions_cap;
    int seen_cue;
    int header_sent;
    unsigned long nbad;        /* settings ignored so far */
};

/* Real files repeat one bad setting on every cue: list the first few. */
#define BAD_SETTINGS_LISTED 10

static int
send_header(struct vtt_parser *p)
{
    struct tc_track t;

    if (p->header_sent)
        return TC_OK;
    p->header_sent = 1;
    memset(&t, 0, sizeof t);
    t.lang = p->lang.len ? p->lang.data : NULL;
    t.regions = p->regions;
    t.nregions = p->nregions;
    t.style = p->style.len ? p->style.data : NULL;
    return p->h->header != NULL ? p->h->header(p->ud, &t) : TC_OK;
}

static const struct tc_region *
find_region(const struct vtt_parser *p, const char *id, size_t n)
{
    size_t i = p->nregions;

    while (i-- > 0)
        if (strlen(p->regions[i].id) == n &&
            memcmp(p->regions[i].id, id, n) == 0)
            return &p->regions[i];
    return NULL;
}

static int
bad_setting(struct vtt_parser *p, unsigned long line, unsigned col,
            const char *why, const char *s, size_t n)
{
    if (++p->nbad > BAD_SETTINGS_LISTED)
        return tc_ctx_strict(p->ctx) ? TC_ERR_STRICT : TC_OK;
    return tc_diagf(p->ctx, TC_D_BAD_SETTING, line, col, "%s '%.*s'", why,
                    (int)n, s);
}

static enum tc_align
keyword_align(const char *v, size_t n)
{
    static const struct { const char *k; enum tc_align a; } kw[] = {
        { "start", TC_ALIGN_START }, { "center", TC_ALIGN_CENTER },
        { "end", TC_ALIGN_END }, { "left", TC_ALIGN_LEFT },
        { "right", TC_ALIGN_RIGHT }, { "line-left", TC_ALIGN_START },
        { "line-right", TC_ALIGN_END },
    };
    size_t i;

    for (i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (strlen(kw[i].k) == n && memcmp(kw[i].k, v, n) == 0)
            return kw[i].a;
    return TC_ALIGN_AUTO;
}

/* One "name:value" cue setting.  Returns TC_OK, or the diagnostic's
 * status after reporting why the setting was ignored. */
static int
cue_setting(struct vtt_parser *p, struct tc_vtt_cue *c, const char *s,
            size_t n, unsigned long line, unsigned col)
{
    const char *colon = memchr(s, ':', n), *v, *comma;
    size_t nl, vn;
    double num;
    enum tc_align a;

    if (colon == NULL || colon == s || colon == s + n - 1)
        return bad_setting(p, line, col, "not name:value", s, n);
    nl = (size_t)(colon - s);
    v = colon + 1;
    vn = n - nl - 1;
    comma = memchr(v, ',', vn);
#define NAME_IS(k) (nl == sizeof k - 1 && memcmp(s, k, nl) == 0)
    if (NAME_IS("region")) {
        c->region = find_region(p, v, vn);
        if (c->region == NULL)
            return bad_setting(p, line, col, "no such region", s, n);
    } else if (NAME_IS("vertical")) {
        if (vn == 2 && memcmp(v, "rl", 2) == 0)
            c->place.vertical = TC_VERTICAL_RL;
        else if (vn == 2 && memcmp(v, "lr", 2) == 0)
            c->place.vertical = TC_VERTICAL_LR;
        else
            return bad_setting(p, line, col, "bad value", s, n);
        c->region = NULL;
    } else if (NAME_IS("line")) {
        size_t pn = comma ? (size_t)(comma - v) : vn, i;
        int pct = pn > 0 && v[pn - 1] == '%', anydigit = 0;
        enum tc_align la = TC_ALIGN_START;

        for (i = 0; i < pn; i++)
            anydigit |= is_digit(v[i]);
        if (!anydigit ||
            (pct ? parse_percent(&p->tmp, v, pn, &num)
                 : parse_line_number(&p->tmp, v, pn, &num)) != TC_OK)
            return bad_setting(p, line, col, "bad value", s, n);
        if (comma != NULL) {
            la = keyword_align(comma + 1, vn - pn - 1);
            if (la != TC_ALIGN_START && la != TC_ALIGN_CENTER &&
                la != TC_ALIGN_END)
                return bad_setting(p, line, col, "bad alignment", s, n);
            if (memchr(comma + 1, '-', vn - pn - 1) != NULL)
                return bad_setting(p, line, col, "bad alignment", s, n);
        }
        c->place.line_align = la;
        c->place.line = num;
        c->place.line_percent = pct;
        c->region = NULL;
    } else if (NAME_IS("position")) {
        size_t pn = comma ? (size_t)(comma - v) : vn;

        if (parse_percent(&p->tmp, v, pn, &num) != TC_OK)
            return bad_setting(p, line, col, "bad value", s, n);
        if (comma != NULL) {
            const char *k = comma + 1;
            size_t kn = vn - pn - 1;

            if (kn == 9 && memcmp(k, "line-left", 9) == 0)
                a = TC_ALIGN_START;
            else if (kn == 6 && memcmp(k, "center", 6) == 0)
                a = TC_ALIGN_CENTER;
            else if (kn == 10 && memcmp(k, "line-right", 10) == 0)
                a = TC_ALIGN_END;
            else
                return bad_setting(p, line, col, "bad alignment", s, n);
            c->place.position_align = a;
        }
        c->place.position = num;
    } else if (NAME_IS("size")) {
        if (parse_percent(&p->tmp, v, vn, &num) != TC_OK)
            return bad_setting(p, line, col, "bad value", s, n);
        c->place.size = num;
        if (num != 100)
            c->region = NULL;
    } else if (NAME_IS("align")) {
        a = keyword_align(v, vn);
        if (a == TC_ALIGN_AUTO || memchr(v, '-', vn) != NULL)
            return bad_setting(p, line, col, "bad value", s, n);
        c->place.align = a;
    } else {
        return bad_setting(p, line, col, "unknown setting", s, n);
    }
#undef NAME_IS
    return TC_OK;
}

/* The portable fields every format understands, from WebVTT's own. */
static void
derive_vpos(struct tc_place *pl)
{
    double pct;

    if (pl->vertical != TC_VERTICAL_NONE || pl->line <= TC_LINE_AUTO)
        return;
    if (pl->line_percent)
        pct = pl->line;
    else   /* a line is about 1/16 of the height (6vh) */
        pct = pl->line >= 0 ? pl->line * 6 : 100 + pl->line * 6;
    if (pl->line_percent && pl->line_align == TC_ALIGN_END)
        pct -= 6;
    else if (pl->line_percent && pl->line_align == TC_ALIGN_CENTER)
        pct -= 3;
    pl->vpos = pct < 33 ? TC_VPOS_TOP
               : pct < 67 ? TC_VPOS_MIDDLE : TC_VPOS_BOTTOM;
}

/* "collect WebVTT cue timings and settings".  On a bad timing *col gets
 * the column where reading stopped. */
static int
timing_line(struct vtt_parser *p, const char *l, size_t n,
            unsigned long line, struct tc_vtt_cue *c, unsigned *col)
{
    size_t i = 0, used;
    int rc;

    while (i < n && is_ws(l[i]))
        i++;
    if (tc_vtt_timestamp(l + i, n - i, &used, &c->start) != TC_OK)
        goto bad;
    i += used;
    while (i < n && is_ws(l[i]))
        i++;
    if (n - i < 3 || memcmp(l + i, "-->", 3) != 0)
        goto bad_here;
    i += 3;
    while (i < n && is_ws(l[i]))
        i++;
    if (tc_vtt_timestamp(l + i, n - i, &used, &c->end) != TC_OK)
        goto bad;
    i += used;
    /* the settings: split on spaces */
    while (i < n) {
        size_t j;

        while (i < n && is_ws(l[i]))
            i++;
        if (i == n)
            break;
        for (j = i; j < n && !is_ws(l[j]); j++)
            ;
        rc = cue_setting(p, c, l + i, j - i, line, (unsigned)i + 1);
        if (rc != TC_OK)
            return rc;
        i = j;
    }
    derive_vpos(&c->place);
    return TC_OK;
bad:
    i += used;
bad_here:
    *col = (unsigned)i + 1;
    return TC_ERR_SYNTAX;
}

/* "collect WebVTT region settings" from the block's buffer. */
static int
region_block(struct vtt_parser *p, unsigned long line)
{
    const char *s = p->buffer.data;
    size_t n = p->buffer.len, i = 0;
    struct tc_region r;
    char *id = NULL;

    memset(&r, 0, sizeof r);
    r.width = 100;
    r.lines = 3;
    r.anchor_y = r.vp_y = 100;
    while (i < n) {
        const char *t, *colon, *v, *comma;
        size_t tn, nl, vn;
        double x, y;

        while (i < n && is_ws(s[i]))
            i++;
        if (i == n)
            break;
        t = s + i;
        while (i < n && !is_ws(s[i]))
            i++;
        tn = (size_t)(s + i - t);
        colon = memchr(t, ':', tn);
        if (colon == NULL || colon == t || colon == t + tn - 1)
            goto ignored;
        nl = (size_t)(colon - t);
        v = colon + 1;
        vn = tn - nl - 1;
        comma = memchr(v, ',', vn);
        if (nl == 2 && memcmp(t, "id", 2) == 0) {
            free(id);
            id = malloc(vn + 1);
            if (id == NULL)
                return TC_ERR_NOMEM;
            memcpy(id, v, vn);
            id[vn] = '\0';
        } else if (nl == 5 && memcmp(t, "width", 5) == 0) {
            if (parse_percent(&p->tmp, v, vn, &x) != TC_OK)
                goto ignored;
            r.width = x;
        } else if (nl == 5 && memcmp(t, "lines", 5) == 0) {
            size_t k;
            long lines = 0;

            for (k = 0; k < vn; k++)
                if (!is_digit(v[k]))
                    break;
            if (k < vn || vn == 0)
                goto ignored;
            for (k = 0; k < vn; k++)    /* saturates at LONG_MAX */
                lines = lines > (LONG_MAX - 9) / 10 ? LONG_MAX
                        : lines * 10 + v[k] - '0';
            r.lines = lines;
        } else if ((nl == 12 && memcmp(t, "regionanchor", 12) == 0) ||
                   (nl == 14 && memcmp(t, "viewportanchor", 14) == 0)) {
            if (comma == NULL ||
                parse_percent(&p->tmp, v, (size_t)(comma - v), &x) ||
                parse_percent(&p->tmp, comma + 1,
                              vn - (size_t)(comma - v) - 1, &y))
                goto ignored;
            if (nl == 12) {
                r.anchor_x = x;
                r.anchor_y = y;
            } else {
                r.vp_x = x;
                r.vp_y = y;
            }
        } else if (nl == 6 && memcmp(t, "scroll", 6) == 0) {
            if (vn != 2 || memcmp(v, "up", 2) != 0)
                goto ignored;
            r.scroll_up = 1;
        } else {
            goto ignored;
        }
        continue;
ignored:
        {
            int rc = bad_setting(p, line, 0, "region setting ignored:", t,
                                 tn);

            if (rc != TC_OK) {
                free(id);
                return rc;
            }
        }
    }
    if (p->nregions == MAX_REGIONS) {
        free(id);
        return tc_diagf(p->ctx, TC_D_IGNORED, line, 0,
                        "more than %d regions", MAX_REGIONS);
    }
    if (p->nregions == p->regions_cap) {
        size_t nc = p->regions_cap ? p->regions_cap * 2 : 4;
        struct tc_region *nr = realloc(p->regions, nc * sizeof *nr);

        if (nr == NULL) {
            free(id);
            return TC_ERR_NOMEM;
        }
        p->regions = nr;
        p->regions_cap = nc;
    }
    if (id == NULL && (id = calloc(1, 1)) == NULL)
        return TC_ERR_NOMEM;
    r.id = id;
    p->regions[p->nregions++] = r;
    return TC_OK;
}

/* Old metadata headers ("Language: en") give the track's language. */
static int
header_line(struct vtt_parser *p, const char *l, size_t n)
{
    if (n > 9 && memcmp(l, "Language:", 9) == 0 && p->lang.len == 0) {
        l += 9;
        n -= 9;
        tc_trim(&l, &n);
        return tc_buf_add(&p->lang, l, n);
    }
    return TC_OK;
}

enum block_kind { B_NONE, B_STYLE, B_REGION, B_LATE };

/* "collect a WebVTT block".  Returns TC_OK, or a failure to stop on. */
static int
collect_block(struct vtt_parser *p, int in_header)
{
    struct tc_vtt_cue c;
    enum block_kind kind = B_NONE;
    unsigned long first = 0, lineno = 0;
    int line_count = 0, seen_arrow = 0, have_cue = 0, failed = 0, rc;

    tc_buf_clear(&p->buffer);
    memset(&c, 0, sizeof c);
    for (;;) {
        const char *l;
        size_t n;
        int got = tc_lines_next(p->src, &l, &n);

        if (got < 0)
            return got;
        if (got == 0) {
            l = "";
            n = 0;
        } else {
            lineno = tc_lines_lineno(p->src);
        }
        if (++line_count == 1)
            first = lineno;
        if (got == 1 && has_arrow(l, n)) {
            unsigned col = 0;

            if (in_header || !(line_count == 1 ||
                               (line_count == 2 && !seen_arrow))) {
                tc_lines_unread(p->src);
                break;
            }
            seen_arrow = 1;
            memset(&c, 0, sizeof c);
            tc_place_init(&c.place);
            c.line = first;
            c.text_line = lineno + 1;
            rc = timing_line(p, l, n, lineno, &c, &col);
            if (rc == TC_OK) {
                tc_buf_clear(&p->id);
                if (tc_buf_add(&p->id, p->buffer.data, p->buffer.len))
                    return tc_buf_status(&p->id);
                tc_buf_clear(&p->buffer);
                have_cue = 1;
                p->seen_cue = 1;
            } else if (col == 0) {
                return rc;              /* a setting under --strict */
            } else {
                failed = 1;
                rc = tc_diagf(p->ctx, TC_D_TIME_BAD, lineno, col,
                              "'%.*s': cue skipped",
                              (int)(n > 60 ? 60 : n), l);
                if (rc != TC_OK)
                    return rc;
            }
        } else if (n == 0) {
            break;
        } else {
            if (in_header && (rc = header_line(p, l, n)) != TC_OK)
                return rc;
            if (!in_header && line_count == 2) {
                const char *b = p->buffer.data;
                size_t bn = p->buffer.len;

                if (is_word_line(b, bn, "STYLE") ||
                    is_word_line(b, bn, "REGION")) {
                    kind = p->seen_cue ? B_LATE
                           : b[0] == 'S' ? B_STYLE : B_REGION;
                    if (kind != B_LATE)
                        tc_buf_clear(&p->buffer);
                }
            }
            if (p->buffer.len > 0)
                tc_buf_addc(&p->buffer, '\n');
            tc_buf_add(&p->buffer, l, n);
            if ((rc = tc_buf_status(&p->buffer)) == TC_ERR_LIMIT)
                tc_diagf(p->ctx, TC_D_LIMIT, first, 0,
                         "a block (cue, STYLE, text) longer than %u MiB",
                         MAX_BLOCK >> 20);
            if (rc != TC_OK)
                return rc;
        }
        if (got == 0)
            break;
    }
    if (have_cue) {
        if ((rc = send_header(p)) != TC_OK)
            return rc;
        c.id = p->id.data;
        c.id_len = p->id.len;
        c.text = p->buffer.data;
        c.text_len = p->buffer.len;
        return p->h->cue(p->ud, &c);
    }
    if (kind == B_STYLE) {
        if (p->style.len > 0)
            tc_buf_addc(&p->style, '\n');
        tc_buf_add(&p->style, p->buffer.data, p->buffer.len);
        return tc_buf_status(&p->style);
    }
    if (kind == B_REGION)
        return region_block(p, first);
    if (failed || in_header || p->buffer.len == 0 ||
        tc_is_blank_line(p->buffer.data, p->buffer.len))
        return TC_OK;
    if (kind == B_LATE)
        return tc_diagf(p->ctx, TC_D_JUNK, first, 1,
                        "%s block after the first cue ignored",
                        p->buffer.data[0] == 'S' ? "STYLE" : "REGION");
    if (p->buffer.len >= 4 && memcmp(p->buffer.data, "NOTE", 4) == 0 &&
        (p->buffer.len == 4 || p->buffer.data[4] == ' ' ||
         p->buffer.data[4] == '\t' || p->buffer.data[4] == '\n'))
        return TC_OK;
    {
        const char *b = p->buffer.data, *nl = memchr(b, '\n', p->buffer.len);
        size_t bn = nl ? (size_t)(nl - b) : p->buffer.len;

        return tc_diagf(p->ctx, TC_D_JUNK, first, 1,
                        "text without a timing line skipped: '%.*s'",
                        (int)(bn > 40 ? 40 : bn), b);
    }
}

/* The signature: "WEBVTT" alone or followed by a space or a tab. */
static int
signature(struct vtt_parser *p)
{
    const char *l;
    size_t n;
    int got = tc_lines_next(p->src, &l, &n);

    if (got < 0)
        return got;
    if (got == 1 && n >= 6 && memcmp(l, "WEBVTT", 6) == 0 &&
        (n == 6 || l[6] == ' ' || l[6] == '\t'))
        return TC_OK;
    tc_diagf(p->ctx, TC_D_SIGNATURE, got ? 1 : 0, got ? 1 : 0,
             "a WebVTT file starts with the line \"WEBVTT\"%s",
             got == 0 ? " (the input is empty)" : "");
    return TC_ERR_SYNTAX;
}

int
tc_vtt_parse(struct tc_source *src, const struct tc_vtt_handler *h,
             void *ud)
{
    struct vtt_parser p;
    const char *l;
    size_t n, i;
    int rc, got;

    memset(&p, 0, sizeof p);
    p.src = src;
    p.ctx = tc_source_ctx(src);
    p.h = h;
    p.ud = ud;
    tc_buf_init(&p.buffer, MAX_BLOCK);
    tc_buf_init(&p.id, 0);
    tc_buf_init(&p.style, 0);
    tc_buf_init(&p.tmp, 0);
    tc_buf_init(&p.lang, 0);
    rc = signature(&p);
    if (rc != TC_OK)
        goto done;
    /* the header block, if the next line is not empty */
    got = tc_lines_next(src, &l, &n);
    if (got == 1 && n > 0) {
        tc_lines_unread(src);
        rc = collect_block(&p, 1);
    }
    if (got < 0)
        rc = got;
    while (rc == TC_OK && got != 0) {
        got = tc_lines_next(src, &l, &n);
        if (got < 0)
            rc = got;
        else if (got == 1 && n > 0) {
            tc_lines_unread(src);
            rc = collect_block(&p, 0);
        }
    }
    if (rc == TC_OK)
        rc = send_header(&p);
    if (rc == TC_OK && p.nbad > BAD_SETTINGS_LISTED)
        rc = tc_diagf(p.ctx, TC_D_BAD_SETTING, 0, 0,
                      "%lu more not listed", p.nbad - BAD_SETTINGS_LISTED);
done:
    for (i = 0; i < p.nregions; i++)
        free(p.regions[i].id);
    free(p.regions);
    tc_buf_release(&p.buffer);
    tc_buf_release(&p.id);
    tc_buf_release(&p.style);
    tc_buf_release(&p.tmp);
    tc_buf_release(&p.lang);
    return rc;
}

/* ---- the cue text parser ------------------------------------------------- */

#include "vtt-entities.h"

/* Numeric references to C1 controls mean windows-1252, as in HTML. */
static const uint16_t c1_map[32] = {
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
};

static int
hexval(char c)
{
    if (is_digit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void
put_cp(struct tc_buf *b, uint32_t cp)
{
    char u[4];

    tc_buf_add(b, u, tc_utf8_put(u, cp));
}

static const struct vtt_entity *
find_entity(const char *s, size_t len)
{
    size_t lo = 0, hi = sizeof vtt_entities / sizeof vtt_entities[0];

    while (lo < hi) {
        size_t mid = (lo + hi) / 2, nl = strlen(vtt_entities[mid].name);
        int c = memcmp(s, vtt_entities[mid].name, len < nl ? len : nl);

        if (c == 0)
            c = len < nl ? -1 : len > nl;
        if (c == 0)
            return &vtt_entities[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* HTML's "consume a character reference" (not in an attribute) with s[i]
 * just after the '&'.  Appends the characters and returns the index after
 * the reference, or returns i when there is none. */
static size_t
charref(const char *s, size_t n, size_t i, struct tc_buf *out)
{
    size_t j, len;

    if (i < n && s[i] == '#') {
        int hex = 0, d;
        uint32_t v = 0;
        size_t nd = 0;

        j = i + 1;
        if (j < n && (s[j] == 'x' || s[j] == 'X')) {
            hex = 1;
            j++;
        }
        for (; j < n; j++, nd++) {
            d = hexval(s[j]);
            if (d < 0 || (!hex && d > 9))
                break;
            if (v < 0x110000)
                v = v * (hex ? 16 : 10) + (uint32_t)d;
        }
        if (nd == 0)
            return i;
        if (j < n && s[j] == ';')
            j++;
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            v = 0xFFFD;
        else if (v >= 0x80 && v <= 0x9F)
            v = c1_map[v - 0x80];
        put_cp(out, v);
        return j;
    }
    for (j = i; j < n && j - i < 40 && is_alnum(s[j]); j++)
        ;
    if (j == i)
        return i;
    /* the longest name in the table, legacy ones without ';' too */
    for (len = j - i + (j < n && s[j] == ';'); len > 0; len--) {
        const struct vtt_entity *e = find_entity(s + i, len);

        if (e != NULL) {
            put_cp(out, e->cp0);
            if (e->cp1 != 0)
                put_cp(out, e->cp1);
            return i + len;
        }
    }
    return i;
}

enum tok { T_STRING, T_START, T_END, T_TIMESTAMP };
enum tstate { S_DATA, S_TAG, S_START, S_CLASS, S_ANNOT, S_END, S_TS };

static void
add_class(struct tc_vtt_scratch *sc)
{
    if (sc->buffer.len == 0)
        return;
    if (sc->classes.len > 0)
        tc_buf_addc(&sc->classes, ' ');
    tc_buf_add(&sc->classes, sc->buffer.data, sc->buffer.len);
}

/* Trim and collapse white space of an annotation, in place. */
static void
collapse(struct tc_buf *b)
{
    size_t i, o = 0;
    int sp = 0;

    for (i = 0; i < b->len; i++) {
        if (is_ws(b->data[i])) {
            sp = o > 0;
            continue;
        }
        if (sp)
            b->data[o++] = ' ';
        sp = 0;
        b->data[o++] = b->data[i];
    }
    tc_buf_truncate(b, o);
}

/* The WebVTT cue text tokenizer: one token from s[*pos]. */
static enum tok
next_token(struct tc_vtt_scratch *sc, const char *s, size_t n, size_t *pos)
{
    enum tstate st = S_DATA;
    size_t i = *pos;

    tc_buf_clear(&sc->result);
    tc_buf_clear(&sc->buffer);
    tc_buf_clear(&sc->classes);
    for (;; i++) {
        int eof = i >= n;
        char c = eof ? 0 : s[i];

        switch (st) {
        case S_DATA:
            if (eof || (c == '<' && sc->result.len > 0)) {
                *pos = i;
                return T_STRING;
            }
            if (c == '&') {
                size_t j = charref(s, n, i + 1, &sc->result);

                if (j == i + 1)
                    tc_buf_addc(&sc->result, '&');
                i = j - 1;
            } else if (c == '<') {
                st = S_TAG;
            } else {
                tc_buf_addc(&sc->result, c);
            }
            break;
        case S_TAG:
            if (eof || c == '>') {
                *pos = eof ? i : i + 1;
                return T_START;
            }
            if (c == '\t' || c == '\n' || c == '\f' || c == ' ')
                st = S_ANNOT;
            else if (c == '.')
                st = S_CLASS;
            else if (c == '/')
                st = S_END;
            else {
                tc_buf_addc(&sc->result, c);
                st = is_digit(c) ? S_TS : S_START;
            }
            break;
        case S_START:
        case S_CLASS:
            if (st == S_CLASS && (eof || c == '>' || c == '\t' ||
                                  c == '\f' || c == ' ' || c == '\n' ||
                                  c == '.')) {
                add_class(sc);
                tc_buf_clear(&sc->buffer);
            }
            if (eof || c == '>') {
                *pos = eof ? i : i + 1;
                return T_START;
            }
            if (c == '\t' || c == '\f' || c == ' ') {
                st = S_ANNOT;
            } else if (c == '\n') {
                tc_buf_addc(&sc->buffer, c);
                st = S_ANNOT;
            } else if (c == '.') {
                st = S_CLASS;
            } else {
                tc_buf_addc(st == S_START ? &sc->result : &sc->buffer, c);
            }
            break;
        case S_ANNOT:
            if (eof || c == '>') {
                collapse(&sc->buffer);
                *pos = eof ? i : i + 1;
                return T_START;
            }
            if (c == '&') {
                size_t j = charref(s, n, i + 1, &sc->buffer);

                if (j == i + 1)
                    tc_buf_addc(&sc->buffer, '&');
                i = j - 1;
            } else {
                tc_buf_addc(&sc->buffer, c);
            }
            break;
        case S_END:
        case S_TS:
            if (eof || c == '>') {
                *pos = eof ? i : i + 1;
                return st == S_END ? T_END : T_TIMESTAMP;
            }
            tc_buf_addc(&sc->result, c);
            break;
        }
    }
}

void
tc_vtt_scratch_init(struct tc_vtt_scratch *sc)
{
    tc_buf_init(&sc->result, 0);
    tc_buf_init(&sc->buffer, 0);
    tc_buf_init(&sc->classes, 0);
}

void
tc_vtt_scratch_release(struct tc_vtt_scratch *sc)
{
    tc_buf_release(&sc->result);
    tc_buf_release(&sc->buffer);
    tc_buf_release(&sc->classes);
}

static int
node_of(const char *name, enum tc_vtt_node *k)
{
    static const char *const names[] = {
        [TC_VTT_CLASS] = "c", [TC_VTT_ITALIC] = "i", [TC_VTT_BOLD] = "b",
        [TC_VTT_UNDERLINE] = "u", [TC_VTT_RUBY] = "ruby",
        [TC_VTT_RT] = "rt", [TC_VTT_VOICE] = "v", [TC_VTT_LANG] = "lang",
    };
    size_t i;

    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0) {
            *k = (enum tc_vtt_node)i;
            return 1;
        }
    return 0;
}

int
tc_vtt_cue_text(struct tc_vtt_scratch *sc, const char *s, size_t n,
                const struct tc_vtt_text_ops *ops, void *ud, int *deep)
{
    enum tc_vtt_node stack[TC_VTT_MAX_DEPTH], k;
    size_t depth = 0, pos = 0, used;
    int64_t ms;
    int rc = TC_OK;

    *deep = 0;
    while (pos < n && rc == TC_OK) {
        enum tok t = next_token(sc, s, n, &pos);

        if ((rc = tc_buf_status(&sc->result)) != TC_OK ||
            (rc = tc_buf_status(&sc->buffer)) != TC_OK ||
            (rc = tc_buf_status(&sc->classes)) != TC_OK)
            break;
        switch (t) {
        case T_STRING:
            if (sc->result.len > 0)
                rc = ops->text(ud, sc->result.data, sc->result.len);
            break;
        case T_START:
            if (!node_of(sc->result.data, &k) ||
                (k == TC_VTT_RT &&
                 (depth == 0 || stack[depth - 1] != TC_VTT_RUBY))) {
                if (ops->ignored != NULL)
                    rc = ops->ignored(ud, sc->result.data, 1);
                break;
            }
            if (depth == TC_VTT_MAX_DEPTH) {
                *deep = 1;
                break;
            }
            stack[depth++] = k;
            rc = ops->open(ud, k, sc->classes.data,
                           k == TC_VTT_VOICE || k == TC_VTT_LANG
                               ? sc->buffer.data : "");
            break;
        case T_END:
            if (depth > 0 && node_of(sc->result.data, &k) &&
                stack[depth - 1] == k) {
                depth--;
                rc = ops->close(ud);
            } else if (depth > 1 && strcmp(sc->result.data, "ruby") == 0 &&
                       stack[depth - 1] == TC_VTT_RT) {
                depth -= 2;
                if ((rc = ops->close(ud)) == TC_OK)
                    rc = ops->close(ud);
            }
            break;
        case T_TIMESTAMP:
            if (tc_vtt_timestamp(sc->result.data, sc->result.len, &used,
                                 &ms) == TC_OK && used == sc->result.len)
                rc = ops->timestamp(ud, ms);
            else if (ops->ignored != NULL)
                rc = ops->ignored(ud, sc->result.data, 0);
            break;
        }
    }
    return rc;
}

/* ---- the reader: blocks into cues, node objects into runs --------------- */

/* The default text colour classes of the WebVTT specification. */
static const struct { const char *name; uint32_t rgb; } palette[] = {
    { "white", 0xFFFFFF }, { "lime", 0x00FF00 }, { "cyan", 0x00FFFF },
    { "red", 0xFF0000 }, { "yellow", 0xFFFF00 }, { "magenta", 0xFF00FF },
    { "blue", 0x0000FF }, { "black", 0x000000 },
};

static int
palette_find(const char *s, size_t n, uint32_t *rgb)
{
    size_t i;

    for (i = 0; i < sizeof palette / sizeof palette[0]; i++)
        if (strlen(palette[i].name) == n && memcmp(palette[i].name, s, n) == 0) {
            *rgb = palette[i].rgb;
            return 1;
        }
    return 0;
}

struct frame {
    enum tc_vtt_node k;
    size_t mark;               /* strs.len before this frame's strings */
    size_t cls, val;           /* offsets in strs */
};

struct vtt_reader {
    struct tc_ctx *ctx;
    struct tc_stage *next;
    struct tc_cue *cur;
    unsigned long text_line;
    struct tc_vtt_scratch sc;
    struct frame fr[TC_VTT_MAX_DEPTH];
    size_t depth;
    struct tc_buf strs;        /* the open nodes' classes and values */
    struct tc_buf cls;         /* classes of the run being added */
    int64_t pending;           /* an inline timestamp not yet placed */
    int warned_tag;
};

static int
rd_text(void *ud, const char *s, size_t n)
{
    struct vtt_reader *r = ud;
    struct tc_style st;
    size_t i;

    memset(&st, 0, sizeof st);
    tc_buf_clear(&r->cls);
    for (i = 0; i < r->depth; i++) {
        const struct frame *f = &r->fr[i];
        const char *c = r->strs.data + f->cls;

        switch (f->k) {
        case TC_VTT_ITALIC:
            st.style |= TC_STYLE_ITALIC;
            break;
        case TC_VTT_BOLD:
            st.style |= TC_STYLE_BOLD;
            break;
        case TC_VTT_UNDERLINE:
            st.style |= TC_STYLE_UNDERLINE;
            break;
        case TC_VTT_RUBY:
            st.style |= TC_STYLE_RUBY;
            break;
        case TC_VTT_RT:
            st.style |= TC_STYLE_RT;
            break;
        case TC_VTT_VOICE:
            st.voice = r->strs.data + f->val;
            break;
        case TC_VTT_LANG:
            st.lang = r->strs.data + f->val;
            break;
        default:
            break;
        }
        /* a palette class is a colour; the others stay classes */
        while (*c != '\0') {
            size_t len = strcspn(c, " ");

            if (palette_find(c, len, &st.color)) {
                st.style |= TC_STYLE_COLOR;
            } else {
                if (r->cls.len > 0)
                    tc_buf_addc(&r->cls, ' ');
                tc_buf_add(&r->cls, c, len);
            }
            c += len + (c[len] == ' ');
        }
    }
    if (tc_buf_status(&r->cls) != TC_OK)
        return tc_buf_status(&r->cls);
    st.cls = r->cls.len > 0 ? r->cls.data : NULL;
    st.time = r->pending;
    r->pending = TC_TIME_NONE;
    return tc_text_append(&r->cur->text, s, n, &st);
}

static int
rd_open(void *ud, enum tc_vtt_node k, const char *classes, const char *value)
{
    struct vtt_reader *r = ud;
    struct frame *f = &r->fr[r->depth];

    f->k = k;
    f->mark = r->strs.len;
    f->cls = r->strs.len;
    tc_buf_add(&r->strs, classes, strlen(classes) + 1);
    f->val = r->strs.len;
    tc_buf_add(&r->strs, value, strlen(value) + 1);
    r->depth++;
    return tc_buf_status(&r->strs);
}

static int
rd_close(void *ud)
{
    struct vtt_reader *r = ud;

    r->depth--;
    tc_buf_truncate(&r->strs, r->fr[r->depth].mark);
    return TC_OK;
}

static int
rd_timestamp(void *ud, int64_t ms)
{
    struct vtt_reader *r = ud;
    int rc = TC_OK;

    if (r->pending != TC_TIME_NONE)
        rc = rd_text(ud, "", 0);
    r->pending = ms;
    return rc;
}

static int
rd_ignored(void *ud, const char *name, int start)
{
    struct vtt_reader *r = ud;

    if (r->warned_tag++ == 8)
        return tc_diagf(r->ctx, TC_D_BAD_TAG, r->text_line, 0,
                        "more ignored tags in this cue not reported");
    if (r->warned_tag > 8)
        return TC_OK;
    if (start)
        return tc_diagf(r->ctx, TC_D_BAD_TAG, r->text_line, 0,
                        "<%s> is not a WebVTT tag here: ignored", name);
    return tc_diagf(r->ctx, TC_D_BAD_TAG, r->text_line, 0,
                    "bad timestamp <%s> ignored", name);
}

static const struct tc_vtt_text_ops rd_ops = {
    .text = rd_text,
    .open = rd_open,
    .close = rd_close,
    .timestamp = rd_timestamp,
    .ignored = rd_ignored,
};

static int
rd_header(void *ud, const struct tc_track *t)
{
    struct vtt_reader *r = ud;

    return tc_stage_track(r->next, t);
}

static int
rd_cue(void *ud, const struct tc_vtt_cue *c)
{
    struct vtt_reader *r = ud;
    struct tc_cue *cue = tc_cue_new(r->ctx);
    int rc, deep;

    if (cue == NULL)
        return TC_ERR_NOMEM;
    cue->start = c->start;
    cue->end = c->end;
    cue->place = c->place;
    cue->line = c->line;
    if ((c->id_len > 0 && (rc = tc_cue_set_id(cue, c->id, c->id_len))) ||
        (c->region != NULL &&
         (rc = tc_cue_set_region(cue, c->region->id,
                                 strlen(c->region->id))))) {
        tc_cue_free(cue);
        return rc;
    }
    r->cur = cue;
    r->depth = 0;
    r->warned_tag = 0;
    r->text_line = c->text_line;
    r->pending = TC_TIME_NONE;
    tc_buf_clear(&r->strs);
    rc = tc_vtt_cue_text(&r->sc, c->text, c->text_len, &rd_ops, r, &deep);
    if (rc == TC_OK && r->pending != TC_TIME_NONE)
        rc = rd_text(r, "", 0);
    if (rc == TC_OK && deep)
        rc = tc_diagf(r->ctx, TC_D_BAD_TAG, c->text_line, 0,
                      "tags nested deeper than %d ignored",
                      TC_VTT_MAX_DEPTH);
    r->cur = NULL;
    if (rc != TC_OK) {
        tc_cue_free(cue);
        return rc;
    }
    return tc_stage_push(r->next, cue);
}

static const struct tc_vtt_handler rd_handler = {
    .header = rd_header,
    .cue = rd_cue,
};

static int
vtt_read(struct tc_source *src, struct tc_stage *next)
{
    struct vtt_reader r;
    int rc;

    memset(&r, 0, sizeof r);
    r.ctx = tc_source_ctx(src);
    r.next = next;
    tc_vtt_scratch_init(&r.sc);
    tc_buf_init(&r.strs, 0);
    tc_buf_init(&r.cls, 0);
    rc = tc_vtt_parse(src, &rd_handler, &r);
    tc_vtt_scratch_release(&r.sc);
    tc_buf_release(&r.strs);
    tc_buf_release(&r.cls);
    return rc;
}

static int
vtt_probe(const unsigned char *p, size_t n)
{
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        p += 3;
        n -= 3;
    }
    if (n < 6 || memcmp(p, "WEBVTT", 6) != 0)
        return TC_PROBE_NO;
    if (n == 6 || memchr(" \t\r\n", p[6], 4) != NULL)
        return TC_PROBE_CERTAIN;
    return TC_PROBE_NO;
}

/* ---- the writer ---------------------------------------------------------- */

struct vtt_writer {
    struct tc_stage base;
    struct tc_sink *sink;
    struct tc_buf out;         /* one cue's payload, blank lines not yet
                                  removed */
    int header_done;
    int keep_regions, keep_style;
    int color_tag;             /* the open colour was written as a class */
    int warned_color, warned_region, warned_id, warned_utf8;
    unsigned long line;        /* input line of the cue being written */
    int pending_nl;            /* a line break not written yet */
    unsigned long bad_utf8;    /* bytes replaced in this cue */
    int64_t start, end, last_ts;   /* of the cue being written */
    int warned_ts;
};

/* A line break waits until something other than a closing tag follows,
 * so that "</c>" ends the line it belongs to, not the next one. */
static void
flush_nl(struct vtt_writer *w)
{
    if (w->pending_nl)
        tc_buf_addc(&w->out, '\n');
    w->pending_nl = 0;
}

/* Text, a voice name or a language tag, escaped as WebVTT needs: '&' '<'
 * '>' always (so "-->" cannot appear), a line break in an annotation as a
 * space. */
static void
put_escaped_utf8(struct tc_buf *b, const char *s, size_t n, int annotation)
{
    size_t i, run = 0;

    for (i = 0; i < n; i++) {
        const char *rep = NULL;

        switch (s[i]) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '\n':
        case '\r':
        case '\t':
            if (annotation)
                rep = " ";
            break;
        default:
            break;
        }
        if (rep == NULL)
            continue;
        tc_buf_add(b, s + run, i - run);
        tc_buf_adds(b, rep);
        run = i + 1;
    }
    tc_buf_add(b, s + run, n - run);
}

/* The same, with bytes that are not UTF-8 (WebVTT is UTF-8 only) replaced
 * by U+FFFD; *bad counts them. */
static void
put_escaped(struct tc_buf *b, const char *s, size_t n, int annotation,
            unsigned long *bad)
{
    while (n > 0) {
        size_t ok = tc_utf8_valid(s, n);

        put_escaped_utf8(b, s, ok, annotation);
        if (ok == n)
            break;
        tc_buf_adds(b, "\xEF\xBF\xBD");
        (*bad)++;
        s += ok + 1;
        n -= ok + 1;
    }
}

/* Class names as <c.a.b>: only letters, digits, '_' and '-' survive. */
static void
put_classes(struct tc_buf *b, const char *s)
{
    int at_start = 1;
    char last = 0;

    for (; *s != '\0'; s++) {
        char c = *s;

        if (c == ' ') {
            at_start = 1;
            continue;
        }
        if (!is_alnum(c) && c != '_' && c != '-')
            continue;
        if (at_start) {
            if (last == '-')
                tc_buf_addc(b, '_');    /* "--" + ">" would be an arrow */
            tc_buf_addc(b, '.');
        }
        at_start = 0;
        tc_buf_addc(b, c);
        last = c;
    }
    if (last == '-')
        tc_buf_addc(b, '_');
}

static void
w_open(void *ud, enum tc_render_kind k, const struct tc_text *t,
       const struct tc_run *run)
{
    struct vtt_writer *w = ud;
    const char *s;
    size_t i;

    flush_nl(w);
    switch (k) {
    case TC_R_VOICE:
    case TC_R_LANG:
        s = tc_text_str(t, k == TC_R_VOICE ? run->voice : run->lang);
        tc_buf_adds(&w->out, k == TC_R_VOICE ? "<v " : "<lang ");
        put_escaped(&w->out, s, strlen(s), 1, &w->bad_utf8);
        tc_buf_addc(&w->out, '>');
        break;
    case TC_R_CLASS:
        tc_buf_adds(&w->out, "<c");
        put_classes(&w->out, tc_text_str(t, run->cls));
        tc_buf_addc(&w->out, '>');
        break;
    case TC_R_COLOR:
        w->color_tag = 0;
        for (i = 0; i < sizeof palette / sizeof palette[0]; i++)
            if (palette[i].rgb == run->color) {
                tc_buf_addf(&w->out, "<c.%s>", palette[i].name);
                w->color_tag = 1;
            }
        if (!w->color_tag && !w->warned_color++)
            tc_diagf(w->base.ctx, TC_D_CANNOT_EXPRESS, w->line, 0,
                     "WebVTT has colour classes only for white, lime, cyan, "
                     "red, yellow, magenta, blue and black: #%06x and other "
                     "colours dropped", (unsigned)run->color);
        break;
    case TC_R_BOLD:
        tc_buf_adds(&w->out, "<b>");
        break;
    case TC_R_ITALIC:
        tc_buf_adds(&w->out, "<i>");
        break;
    case TC_R_UNDERLINE:
        tc_buf_adds(&w->out, "<u>");
        break;
    case TC_R_RUBY:
        tc_buf_adds(&w->out, "<ruby>");
        break;
    case TC_R_RT:
        tc_buf_adds(&w->out, "<rt>");
        break;
    }
}

static void
w_close(void *ud, enum tc_render_kind k)
{
    static const char *const tags[] = {
        [TC_R_VOICE] = "</v>", [TC_R_LANG] = "</lang>",
        [TC_R_CLASS] = "</c>", [TC_R_COLOR] = "</c>", [TC_R_BOLD] = "</b>",
        [TC_R_ITALIC] = "</i>", [TC_R_UNDERLINE] = "</u>",
        [TC_R_RUBY] = "</ruby>", [TC_R_RT] = "</rt>",
    };
    struct vtt_writer *w = ud;

    if (k == TC_R_COLOR && !w->color_tag)
        return;
    tc_buf_adds(&w->out, tags[k]);
}

static void
w_text(void *ud, const char *s, size_t n)
{
    struct vtt_writer *w = ud;

    flush_nl(w);
    put_escaped(&w->out, s, n, 0, &w->bad_utf8);
}

static void
w_newline(void *ud)
{
    struct vtt_writer *w = ud;

    flush_nl(w);
    w->pending_nl = 1;
}

static void
w_timestamp(void *ud, int64_t ms)
{
    char ts[32];

    struct vtt_writer *w = ud;

    /* validators want them inside the cue and increasing */
    if (ms <= w->start || ms >= w->end || ms <= w->last_ts) {
        if (!w->warned_ts++)
            tc_diagf(w->base.ctx, TC_D_IGNORED, w->line, 0,
                     "inline timestamps outside their cue's time or out "
                     "of order left out");
        return;
    }
    w->last_ts = ms;
    flush_nl(w);
    tc_time_fmt(ts, ms, '.');
    tc_buf_addf(&w->out, "<%s>", ts);
}

static const struct tc_render_ops vtt_render = {
    .open = w_open,
    .close = w_close,
    .text = w_text,
    .line_break = w_newline,
    .timestamp = w_timestamp,
};

/* A number for a setting: no exponent, few digits. */
static void
put_num(struct tc_sink *s, double v)
{
    char b[64];
    size_t n;

    if (v > -9e15 && v < 9e15 && (double)(long long)v == v) {
        tc_sink_printf(s, "%lld", (long long)v);
        return;
    }
    if (v <= -9e15 || v >= 9e15) {
        tc_sink_printf(s, "%.0f", v);
        return;
    }
    snprintf(b, sizeof b, "%.6f", v);
    n = strlen(b);
    while (n > 0 && b[n - 1] == '0')
        n--;
    if (n > 0 && b[n - 1] == '.')
        n--;
    tc_sink_write(s, b, n);
}

static void
put_settings(struct vtt_writer *w, const struct tc_cue *c)
{
    static const char *const align[] = {
        [TC_ALIGN_AUTO] = NULL, [TC_ALIGN_START] = "start",
        [TC_ALIGN_CENTER] = "center", [TC_ALIGN_END] = "end",
        [TC_ALIGN_LEFT] = "left", [TC_ALIGN_RIGHT] = "right",
    };
    const struct tc_place *p = &c->place;
    struct tc_sink *s = w->sink;

    if (p->vertical != TC_VERTICAL_NONE)
        tc_sink_puts(s, p->vertical == TC_VERTICAL_RL ? " vertical:rl"
                                                      : " vertical:lr");
    if (p->line > TC_LINE_AUTO) {
        tc_sink_puts(s, " line:");
        put_num(s, p->line);
        if (p->line_percent)
            tc_sink_putc(s, '%');
        if (p->line_align == TC_ALIGN_CENTER)
            tc_sink_puts(s, ",center");
        else if (p->line_align == TC_ALIGN_END)
            tc_sink_puts(s, ",end");
    } else if (p->vertical == TC_VERTICAL_NONE) {
        /* placement from a format without WebVTT's settings */
        if (p->vpos == TC_VPOS_TOP)
            tc_sink_puts(s, " line:0");
        else if (p->vpos == TC_VPOS_MIDDLE)
            tc_sink_puts(s, " line:50%,center");
    }
    if (p->position >= 0) {
        tc_sink_puts(s, " position:");
        put_num(s, p->position);
        tc_sink_putc(s, '%');
        if (p->position_align == TC_ALIGN_START)
            tc_sink_puts(s, ",line-left");
        else if (p->position_align == TC_ALIGN_CENTER)
            tc_sink_puts(s, ",center");
        else if (p->position_align == TC_ALIGN_END)
            tc_sink_puts(s, ",line-right");
    }
    if (p->size >= 0 && p->size != 100) {
        tc_sink_puts(s, " size:");
        put_num(s, p->size);
        tc_sink_putc(s, '%');
    }
    if ((unsigned)p->align < sizeof align / sizeof align[0] &&
        align[p->align] != NULL) {
        tc_sink_puts(s, " align:");
        tc_sink_puts(s, align[p->align]);
    }
    if (c->region == NULL || c->region[0] == '\0' ||
        strpbrk(c->region, " \t\r\n") != NULL)
        return;                   /* "" is "none" in a recycled cue */
    if (w->keep_regions) {
        tc_sink_puts(s, " region:");
        tc_sink_puts(s, c->region);
    } else if (!w->warned_region++) {
        tc_diagf(w->base.ctx, TC_D_IGNORED, c->line, 0,
                 "region settings not written (vtt-regions=yes keeps "
                 "them)");
    }
}

static void
put_header(struct vtt_writer *w, const struct tc_track *t)
{
    size_t i;

    w->header_done = 1;
    tc_sink_puts(w->sink, "WEBVTT\n\n");
    if (t == NULL)
        return;
    for (i = 0; w->keep_regions && i < t->nregions; i++) {
        const struct tc_region *r = &t->regions[i];

        if (r->id == NULL || r->id[0] == '\0' || strstr(r->id, "-->"))
            continue;
        tc_sink_printf(w->sink, "REGION\nid:%s width:", r->id);
        put_num(w->sink, r->width);
        tc_sink_printf(w->sink, "%% lines:%ld regionanchor:", r->lines);
        put_num(w->sink, r->anchor_x);
        tc_sink_puts(w->sink, "%,");
        put_num(w->sink, r->anchor_y);
        tc_sink_puts(w->sink, "% viewportanchor:");
        put_num(w->sink, r->vp_x);
        tc_sink_puts(w->sink, "%,");
        put_num(w->sink, r->vp_y);
        tc_sink_puts(w->sink, r->scroll_up ? "% scroll:up\n\n" : "%\n\n");
    }
    if (w->keep_style && t->style != NULL && t->style[0] != '\0')
        tc_sink_printf(w->sink, "STYLE\n%s\n\n", t->style);
}

static int
vtt_track(struct tc_stage *st, const struct tc_track *t)
{
    struct vtt_writer *w = (struct vtt_writer *)st;

    if (!w->header_done)
        put_header(w, t);
    return tc_sink_status(w->sink);
}

static int
vtt_push(struct tc_stage *st, struct tc_cue *c)
{
    struct vtt_writer *w = (struct vtt_writer *)st;
    char a[32], b[32];
    const char *p, *e;
    int first = 1;

    if (!w->header_done)
        put_header(w, NULL);
    if (tc_text_is_blank(&c->text)) {
        /* legal WebVTT, but ffmpeg and others drop it: be the same */
        tc_diagf(st->ctx, TC_D_CUE_DROPPED, c->line, 0,
                 "a cue without text is not written");
        tc_cue_free(c);
        return tc_sink_status(w->sink);
    }
    if (c->id != NULL && c->id[0] != '\0') {
        if (strstr(c->id, "-->") == NULL && strpbrk(c->id, "\r\n") == NULL)
            tc_sink_printf(w->sink, "%s\n", c->id);
        else if (!w->warned_id++)
            tc_diagf(st->ctx, TC_D_CANNOT_EXPRESS, c->line, 0,
                     "cue identifier with \"-->\" or a line break dropped");
    }
    tc_time_fmt(a, c->start, '.');
    tc_time_fmt(b, c->end, '.');
    tc_sink_printf(w->sink, "%s --> %s", a, b);
    put_settings(w, c);
    tc_sink_putc(w->sink, '\n');
    tc_buf_clear(&w->out);
    w->line = c->line;
    w->pending_nl = 0;
    w->bad_utf8 = 0;
    w->start = c->start;
    w->end = c->end;
    w->last_ts = c->start;
    tc_render_runs(&c->text, &vtt_render, w);
    flush_nl(w);
    if (w->bad_utf8 > 0 && !w->warned_utf8++)
        tc_diagf(st->ctx, TC_D_CANNOT_EXPRESS, c->line, 0,
                 "WebVTT is UTF-8 only: %lu invalid bytes replaced by "
                 "U+FFFD (and in later cues; name the input encoding)",
                 w->bad_utf8);
    if (tc_buf_status(&w->out) != TC_OK) {
        tc_cue_free(c);
        return tc_buf_status(&w->out);
    }
    /* a blank line would end the cue: leave such lines out */
    for (p = w->out.data, e = p + w->out.len; p < e;) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(e - p);

        if (!tc_is_blank_line(p, n)) {
            if (!first)
                tc_sink_putc(w->sink, '\n');
            tc_sink_write(w->sink, p, n);
            first = 0;
        }
        p += n + (nl != NULL);
    }
    tc_sink_puts(w->sink, first ? "\n" : "\n\n");
    tc_cue_free(c);
    return tc_sink_status(w->sink);
}

static int
vtt_finish(struct tc_stage *st)
{
    struct vtt_writer *w = (struct vtt_writer *)st;

    if (!w->header_done)
        put_header(w, NULL);
    return tc_sink_status(w->sink);
}

static void
vtt_destroy(struct tc_stage *st)
{
    struct vtt_writer *w = (struct vtt_writer *)st;

    tc_buf_release(&w->out);
    free(w);
}

static const struct tc_stage_ops vtt_writer_ops = {
    .name = "vtt-writer",
    .track = vtt_track,
    .push = vtt_push,
    .finish = vtt_finish,
    .destroy = vtt_destroy,
};

static int
yes(const char *v)
{
    return v != NULL && (strcmp(v, "yes") == 0 || strcmp(v, "1") == 0 ||
                         strcmp(v, "true") == 0 || strcmp(v, "on") == 0);
}

static int
vtt_writer_new(struct tc_sink *sink, struct tc_ctx *ctx,
               struct tc_stage **out)
{
    struct vtt_writer *w = calloc(1, sizeof *w);

    if (w == NULL)
        return TC_ERR_NOMEM;
    w->base.ops = &vtt_writer_ops;
    w->base.ctx = ctx;
    w->sink = sink;
    tc_buf_init(&w->out, 0);
    w->keep_regions = yes(tc_ctx_option(ctx, "vtt-regions"));
    w->keep_style = yes(tc_ctx_option(ctx, "vtt-style"));
    *out = &w->base;
    return TC_OK;
}

const struct tc_format tc_format_vtt = {
    .name       = "vtt",
    .desc       = "WebVTT (W3C)",
    .extensions = "vtt webvtt",
    .probe      = vtt_probe,
    .read       = vtt_read,
    .writer_new = vtt_writer_new,
};
