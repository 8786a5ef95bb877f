/* formats/vtt-parse.c -- the WebVTT file parser: the W3C parser algorithm
 * for the signature, the header and the blocks (cues, NOTE, STYLE,
 * REGION), with the spec's rules for timestamps, cue settings and region
 * settings.  Where the spec drops something silently, this says so: a cue
 * whose timing cannot be read is skipped with a warning, and so are text
 * outside a cue and ignored settings.  The cue payload is left raw
 * (vtt-text.c parses it).  Conformance: tests/unit/test_vtt_wpt.c.
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

/* The line holds "-->". */
static int
has_arrow(const char *s, size_t n)
{
    const char *p = s, *e = s + n, *gt;

    /* each '>' (rare in text), then the two bytes before it */
    while ((gt = memchr(p, '>', (size_t)(e - p))) != NULL) {
        if (gt - s >= 2 && gt[-1] == '-' && gt[-2] == '-')
            return 1;
        p = gt + 1;
    }
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
        if (!tc_vtt_is_ws(s[i]))
            return 0;
    return 1;
}

/* ---- timestamps ---------------------------------------------------------- */

static size_t
digits(const char *s, size_t n, size_t i, int64_t *v, size_t *count)
{
    size_t start = i;

    *v = 0;
    for (; i < n && tc_vtt_is_digit(s[i]); i++)
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
    if (n == 0 || !tc_vtt_is_digit(s[0]))
        return TC_ERR_SYNTAX;
    /* the usual "hh:mm:ss.ttt" first; anything else by the rules below */
    if (tc_time_hms(s, n, '.', &v1) && (n == 12 || !tc_vtt_is_digit(s[12]))) {
        *used = 12;
        *ms = v1;
        return TC_OK;
    }
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

    while (i < n && tc_vtt_is_digit(s[i]))
        i++;
    d1 = i;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && tc_vtt_is_digit(s[i])) {
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
        if (tc_vtt_is_digit(s[i]))
            ndig++;
        else if (s[i] == '.')
            dots++;
        else if (s[i] != '-' || i > 0)
            return TC_ERR_SYNTAX;
        if (s[i] == '.' &&
            (i == 0 || i + 1 == n || !tc_vtt_is_digit(s[i - 1]) ||
             !tc_vtt_is_digit(s[i + 1])))
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
    struct tc_buf hls;         /* X-TIMESTAMP-MAP header lines */
    struct tc_region *regions;
    size_t nregions, regions_cap;
    int seen_cue;
    int header_sent;
    unsigned long nbad;        /* settings ignored so far */
    struct tc_repeat rp_junk;  /* text outside cues, said once */
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
    t.vtt_header = p->hls.len ? p->hls.data : NULL;
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
            anydigit |= tc_vtt_is_digit(v[i]);
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
        c->place.line_set = 1;
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

    if (pl->vertical != TC_VERTICAL_NONE || tc_place_line_auto(pl))
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

    while (i < n && tc_vtt_is_ws(l[i]))
        i++;
    if (tc_vtt_timestamp(l + i, n - i, &used, &c->start) != TC_OK)
        goto bad;
    i += used;
    while (i < n && tc_vtt_is_ws(l[i]))
        i++;
    if (n - i < 3 || memcmp(l + i, "-->", 3) != 0)
        goto bad_here;
    i += 3;
    while (i < n && tc_vtt_is_ws(l[i]))
        i++;
    if (tc_vtt_timestamp(l + i, n - i, &used, &c->end) != TC_OK)
        goto bad;
    i += used;
    /* the settings: split on spaces */
    while (i < n) {
        size_t j;

        while (i < n && tc_vtt_is_ws(l[i]))
            i++;
        if (i == n)
            break;
        for (j = i; j < n && !tc_vtt_is_ws(l[j]); j++)
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

        while (i < n && tc_vtt_is_ws(s[i]))
            i++;
        if (i == n)
            break;
        t = s + i;
        while (i < n && !tc_vtt_is_ws(s[i]))
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
                if (!tc_vtt_is_digit(v[k]))
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

/* Old metadata headers ("Language: en") give the track's language.  The
 * HLS header X-TIMESTAMP-MAP ties cue times to the segment's MPEG-2 clock:
 * without it a player shows the cues of every segment after the first at
 * the wrong time, so it is kept for the writer. */
static int
header_line(struct vtt_parser *p, const char *l, size_t n)
{
    if (n > 9 && memcmp(l, "Language:", 9) == 0 && p->lang.len == 0) {
        l += 9;
        n -= 9;
        tc_trim(&l, &n);
        return tc_buf_add(&p->lang, l, n);
    }
    if (n > 16 && memcmp(l, "X-TIMESTAMP-MAP=", 16) == 0 &&
        p->hls.len == 0) {
        tc_trim(&l, &n);
        return tc_buf_add(&p->hls, l, n);
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
                /* the parser algorithm discards the block; the rest of
                 * the file is read */
                failed = 1;
                rc = tc_skipf(p->ctx, TC_D_TIME_BAD, lineno, col, "'%.*s'",
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

        return tc_repeatf(p->ctx, &p->rp_junk, TC_D_JUNK, first, 1,
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
    tc_buf_init(&p.hls, 0);
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
    if (rc == TC_OK)
        rc = tc_repeat_end(p.ctx, &p.rp_junk, "text outside cues");
done:
    for (i = 0; i < p.nregions; i++)
        free(p.regions[i].id);
    free(p.regions);
    tc_buf_release(&p.buffer);
    tc_buf_release(&p.id);
    tc_buf_release(&p.style);
    tc_buf_release(&p.tmp);
    tc_buf_release(&p.lang);
    tc_buf_release(&p.hls);
    return rc;
}
