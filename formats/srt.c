/* formats/srt.c -- SubRip reader and writer.
 *
 * SubRip has no formal specification; what players accept is the reference:
 * an index line, "HH:MM:SS,mmm --> HH:MM:SS,mmm", text lines, a blank line.
 * The reader is lenient the way real files need and reports every repair
 * with its line; the writer is canonical.  Behaviour is pinned by
 * tests/golden/srt/.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "format.h"

/* ---- timestamps -------------------------------------------------------- */

/* A minutes or seconds field: one or two digits, or more when the extra
 * ones are leading zeros ("013", as some tools pad it). */
static int
srt_field(struct tc_scan *s, unsigned long *v, int *repaired)
{
    const char *start = s->p;

    if (tc_scan_digits(s, 1, 4, v) != TC_OK)
        return TC_ERR_SYNTAX;
    if (s->p - start > 2) {
        if (*start != '0' || *v > 99)
            return TC_ERR_SYNTAX;
        *repaired = 1;
    }
    return TC_OK;
}

#define DIG(c) ((c) >= '0' && (c) <= '9')

/* "H+:MM:SS,mmm".  Accepted with a repair flag: one-digit fields, a field
 * padded with an extra zero, missing hours, '.' or ':' before the
 * fraction, a fraction of 1, 2 or no digits (read as a decimal fraction:
 * ",5" is 500 ms). */
static int
srt_time(struct tc_scan *s, int64_t *ms, int *repaired)
{
    unsigned long a, b, c = 0, frac = 0;
    const char *fstart, *p = s->p;
    size_t fdigits;
    int have_hours = 0;

    /* the canonical "HH:MM:SS,mmm" first; anything else below */
    if (tc_time_hms(p, (size_t)(s->end - p), ',', ms) &&
        (s->end - p == 12 || !(DIG(p[12]) || (p[12] >= 'a' && p[12] <= 'z') ||
                               (p[12] >= 'A' && p[12] <= 'Z')))) {
        s->p = p + 12;
        return TC_OK;
    }
    if (tc_scan_digits(s, 1, 9, &a) || tc_scan_char(s, ':') ||
        srt_field(s, &b, repaired))
        return TC_ERR_SYNTAX;
    if (tc_scan_char(s, ':') == TC_OK) {
        if (srt_field(s, &c, repaired))
            return TC_ERR_SYNTAX;
        have_hours = 1;
    }
    if (!have_hours) {
        c = b;
        b = a;
        a = 0;
        *repaired = 1;
    }
    if (tc_scan_oneof(s, ",.:") == TC_OK) {
        if (s->p[-1] != ',')
            *repaired = 1;
        fstart = s->p;
        if (tc_scan_digits(s, 1, 3, &frac))
            return TC_ERR_SYNTAX;
        fdigits = (size_t)(s->p - fstart);
        if (fdigits != 3)
            *repaired = 1;
        while (fdigits++ < 3)
            frac *= 10;
    } else {
        *repaired = 1;
    }
    /* "00:00:1O,000" (a letter O) is a typo, not 1 s and junk */
    if (s->p < s->end && ((*s->p >= '0' && *s->p <= '9') ||
                          (*s->p >= 'a' && *s->p <= 'z') ||
                          (*s->p >= 'A' && *s->p <= 'Z')))
        return TC_ERR_SYNTAX;
    if (b > 59 || c > 59)
        return TC_ERR_SYNTAX;
    if (a > 1000000)
        return TC_ERR_SYNTAX;
    *ms = (((int64_t)a * 60 + (int64_t)b) * 60 + (int64_t)c) * 1000 +
          (int64_t)frac;
    return TC_OK;
}

struct timing {
    int64_t start, end;
    int repaired;          /* a non-canonical form was read */
    int arrow_repaired;    /* "->" or no spaces */
    const char *junk;      /* text after the end time, NULL if none */
    size_t junk_len;
    unsigned bad_col;      /* where parsing failed */
};

/* Does the line look like it was meant as a timing line? */
static int
looks_like_timing(const char *l, size_t n)
{
    const char *p = l, *e = l + n, *gt;

    while ((gt = memchr(p, '>', (size_t)(e - p))) != NULL) {
        if (gt > l && gt[-1] == '-')
            return 1;
        p = gt + 1;
    }
    return 0;
}

static int
parse_timing(const char *l, size_t n, struct timing *t)
{
    struct tc_scan s;

    memset(t, 0, sizeof *t);
    tc_scan_init(&s, l, n);
    tc_scan_spaces(&s);
    if (s.p != s.start)
        t->repaired = 1;
    if (srt_time(&s, &t->start, &t->repaired))
        goto bad;
    tc_scan_spaces(&s);
    if (tc_scan_lit(&s, "-->") != TC_OK) {
        if (tc_scan_lit(&s, "->") != TC_OK)
            goto bad;
        t->arrow_repaired = 1;
    }
    tc_scan_spaces(&s);
    if (srt_time(&s, &t->end, &t->repaired))
        goto bad;
    tc_scan_spaces(&s);
    if (!tc_scan_eof(&s)) {
        t->junk = s.p;
        t->junk_len = (size_t)(s.end - s.p);
    }
    return TC_OK;
bad:
    t->bad_col = tc_scan_col(&s);
    return TC_ERR_SYNTAX;
}

static int
is_index(const char *l, size_t n)
{
    size_t i;

    tc_trim(&l, &n);
    if (n == 0 || n > 9)
        return 0;
    for (i = 0; i < n; i++)
        if (l[i] < '0' || l[i] > '9')
            return 0;
    return 1;
}

static long
index_value(const char *l, size_t n)
{
    long v = 0;
    size_t i;

    tc_trim(&l, &n);
    for (i = 0; i < n; i++)
        v = v * 10 + (l[i] - '0');
    return v;
}

/* ---- cue text: tags into runs ---------------------------------------- */

#define COLOR_DEPTH 16
#define SRT_NO_COLOR 0xFF000000u   /* a <font> that sets no colour */

struct srt_style {
    int italic, bold, underline;
    uint32_t colors[COLOR_DEPTH];
    int ncolors;               /* may exceed COLOR_DEPTH: counted only */
};

/* The causes a file may repeat on every cue, and how the closing count
 * names each. */
enum {
    RP_TIME, RP_ARROW, RP_NOINDEX, RP_INDEX, RP_NOBLANK, RP_AFTER, RP_BOX,
    RP_JOINED, RP_EMPTY, RP_ORDER, RP_TAG, RP_FONT, RP_STRIKE, RP_OVERRIDE,
    RP_NOTIME, RP_LATE, RP__COUNT
};
static const char *const rp_what[RP__COUNT] = {
    NULL, "arrow written as '->'", "no cue number",
    "cue numbers out of step", NULL, "text after the timing",
    "SubRip position boxes", "text after a blank line joined", NULL, NULL,
    "markup removed", "font attributes", "strike-through",
    "overrides removed", "cues without a timing line",
    "text left out",
};

struct srt_reader {
    struct tc_source *src;
    struct tc_ctx *ctx;
    struct tc_stage *next;
    struct tc_cue *cur;
    struct srt_style st;
    long count;                /* cues started */
    int64_t prev_start;
    int err;                   /* a failure inside a tag handler */
    struct tc_buf held;        /* a digits line kept while looking ahead */
    unsigned long held_line;
    long index_off;            /* numbering offset: first number - 1 */
    long prev_index;           /* the last cue number read, 0 = none */
    struct tc_buf junk;        /* the first line before the first cue */
    unsigned long njunk, junk_line;
    int gone;                  /* the cue was written at a live pause */
    /* causes that real files repeat on every cue: said once, counted */
    struct tc_repeat rp[RP__COUNT];
};

/* The innermost colour kept: deeper nesting is counted, not stored. */
static uint32_t
srt_top_color(const struct srt_style *ss)
{
    return ss->colors[ss->ncolors > COLOR_DEPTH ? COLOR_DEPTH - 1
                                                : ss->ncolors - 1];
}

static void
style_of(const struct srt_style *ss, struct tc_style *out)
{
    memset(out, 0, sizeof *out);
    out->time = TC_TIME_NONE;
    if (ss->italic > 0)
        out->style |= TC_STYLE_ITALIC;
    if (ss->bold > 0)
        out->style |= TC_STYLE_BOLD;
    if (ss->underline > 0)
        out->style |= TC_STYLE_UNDERLINE;
    if (ss->ncolors > 0 && srt_top_color(ss) != SRT_NO_COLOR) {
        out->style |= TC_STYLE_COLOR;
        out->color = srt_top_color(ss);
    }
}

static int
add_text(struct srt_reader *r, const char *p, size_t n)
{
    struct tc_style st;

    if (n == 0)
        return TC_OK;
    style_of(&r->st, &st);
    return tc_text_append(&r->cur->text, p, n, &st);
}

static int
is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The value of attribute name inside a tag body, quotes removed. */
static int
tag_attr(const char *p, size_t n, const char *name, const char **v,
         size_t *vn)
{
    size_t nl = strlen(name), i;

    for (i = 0; i + nl < n; i++) {
        if (strncasecmp(p + i, name, nl) != 0 ||
            (i > 0 && is_alpha(p[i - 1])))
            continue;
        i += nl;
        while (i < n && p[i] == ' ')
            i++;
        if (i >= n || p[i] != '=')
            continue;
        i++;
        while (i < n && p[i] == ' ')
            i++;
        if (i < n && (p[i] == '"' || p[i] == '\'')) {
            char q = p[i++];
            size_t j = i;

            while (j < n && p[j] != q)
                j++;
            *v = p + i;
            *vn = j - i;
        } else {
            size_t j = i;

            while (j < n && p[j] != ' ')
                j++;
            *v = p + i;
            *vn = j - i;
        }
        return 1;
    }
    return 0;
}

static void
counter(int *c, int closing)
{
    if (closing) {
        if (*c > 0)
            (*c)--;
    } else {
        (*c)++;
    }
}

/* Handle "<...>" at p (n bytes, including the brackets).  Returns 1 when it
 * was markup (consumed), 0 when it is to be kept as text. */
static int
srt_tag(struct srt_reader *r, const char *p, size_t n, unsigned long line,
        unsigned col)
{
    const char *b = p + 1, *e = p + n - 1, *name;
    size_t nlen;
    int closing = 0;

    while (b < e && *b == ' ')
        b++;
    if (b < e && *b == '/') {
        closing = 1;
        b++;
        while (b < e && *b == ' ')
            b++;
    }
    if (b >= e || !is_alpha(*b))
        return 0;                       /* "<3", "< 2 >": plain text */
    name = b;
    while (b < e && (is_alpha(*b) || (*b >= '0' && *b <= '9')))
        b++;
    nlen = (size_t)(b - name);
    /* <bold>, <italic>, <underline>: spelled out by some editors */
    if ((nlen == 1 && (*name == 'i' || *name == 'I')) ||
        (nlen == 6 && strncasecmp(name, "italic", 6) == 0)) {
        counter(&r->st.italic, closing);
    } else if ((nlen == 1 && (*name == 'b' || *name == 'B')) ||
               (nlen == 4 && strncasecmp(name, "bold", 4) == 0)) {
        counter(&r->st.bold, closing);
    } else if ((nlen == 1 && (*name == 'u' || *name == 'U')) ||
               (nlen == 9 && strncasecmp(name, "underline", 9) == 0)) {
        counter(&r->st.underline, closing);
    } else if (nlen == 4 && strncasecmp(name, "font", 4) == 0) {
        const char *v;
        size_t vn;
        uint32_t rgb;

        if (closing) {
            if (r->st.ncolors > 0)
                r->st.ncolors--;
        } else if (tag_attr(b, (size_t)(e - b), "color", &v, &vn)) {
            if (tc_color_parse(v, vn, &rgb) != TC_OK) {
                rgb = r->st.ncolors > 0 ? srt_top_color(&r->st)
                                        : SRT_NO_COLOR;
                tc_repeatf(r->ctx, &r->rp[RP_TAG], TC_D_BAD_TAG, line, col,
                           "unknown colour '%.*s' ignored", (int)vn, v);
            }
            if (r->st.ncolors < COLOR_DEPTH)
                r->st.colors[r->st.ncolors] = rgb;
            r->st.ncolors++;
        } else {
            /* <font face=...> and friends: nothing to keep, but the
             * matching </font> must still close something */
            uint32_t same = r->st.ncolors > 0 ? srt_top_color(&r->st)
                                              : SRT_NO_COLOR;

            tc_repeatf(r->ctx, &r->rp[RP_FONT], TC_D_IGNORED, line, col,
                       "font attributes other than color");
            if (r->st.ncolors < COLOR_DEPTH)
                r->st.colors[r->st.ncolors] = same;
            r->st.ncolors++;
        }
    } else if (nlen == 2 && strncasecmp(name, "br", 2) == 0) {
        /* HTML's line break, written by some converters */
        if (!closing && r->err == TC_OK)
            r->err = add_text(r, "\n", 1);
    } else if (nlen == 1 && (*name == 's' || *name == 'S')) {
        tc_repeatf(r->ctx, &r->rp[RP_STRIKE], TC_D_IGNORED, line, col,
                   "strike-through is not kept");
    } else {
        tc_repeatf(r->ctx, &r->rp[RP_TAG], TC_D_BAD_TAG, line, col,
                   "unknown tag %.*s removed", (int)n, p);
    }
    return 1;
}

/* "{\an8}" and the ASS overrides {\i1} {\b0} {\u1}; others are dropped. */
static int
srt_override(struct srt_reader *r, const char *p, size_t n,
             unsigned long line, unsigned col)
{
    const char *b = p + 1, *e = p + n - 1;

    while (b < e) {
        const char *t;

        if (*b != '\\') {
            b++;
            continue;
        }
        t = ++b;
        while (b < e && *b != '\\')
            b++;
        if (b - t == 3 && t[0] == 'a' && t[1] == 'n' && t[2] >= '1' &&
            t[2] <= '9') {
            int an = t[2] - '0';
            static const enum tc_align h[3] = { TC_ALIGN_LEFT,
                                                TC_ALIGN_CENTER,
                                                TC_ALIGN_RIGHT };

            r->cur->place.vpos = an >= 7 ? TC_VPOS_TOP
                                 : an >= 4 ? TC_VPOS_MIDDLE : TC_VPOS_BOTTOM;
            r->cur->place.align = h[(an - 1) % 3];
            if (an == 2)
                r->cur->place.vpos = TC_VPOS_AUTO;
            if (an == 2 || an == 5 || an == 8)
                r->cur->place.align = TC_ALIGN_AUTO;
        } else if (b - t == 2 && (t[1] == '0' || t[1] == '1') &&
                   (t[0] == 'i' || t[0] == 'b' || t[0] == 'u')) {
            int *c = t[0] == 'i' ? &r->st.italic
                     : t[0] == 'b' ? &r->st.bold : &r->st.underline;

            *c = t[1] == '1' ? 1 : 0;
        } else {
            tc_repeatf(r->ctx, &r->rp[RP_OVERRIDE], TC_D_IGNORED, line, col,
                       "override {\\%.*s} removed", (int)(b - t), t);
        }
    }
    return 1;
}

static int
parse_text_line(struct srt_reader *r, const char *l, size_t n,
                unsigned long line)
{
    const char *p = l, *e = l + n, *run = l;
    const char *gt = NULL, *brace = NULL;   /* next '>' / '}', e if none */
    const char *lt = NULL, *curly = NULL;   /* next '<' / '{', e if none */
    int rc;

    /* the break takes the style open at the start of this line, so a tag
     * closed at the end of the line above does not reach over it */
    if (r->cur->text.nruns > 0) {
        rc = add_text(r, "\n", 1);
        if (rc != TC_OK)
            return rc;
    }
    while (p < e) {
        const char *close;
        char want;

        /* to the next '<' or '{', remembered as the '>' below */
        if (lt == NULL || lt < p) {
            lt = memchr(p, '<', (size_t)(e - p));
            lt = lt ? lt : e;
        }
        if (curly == NULL || curly < p) {
            curly = memchr(p, '{', (size_t)(e - p));
            curly = curly ? curly : e;
        }
        p = lt < curly ? lt : curly;
        if (p == e)
            break;
        if (*p != '<' && !(*p == '{' && p + 1 < e && p[1] == '\\')) {
            p++;
            continue;
        }
        want = *p == '<' ? '>' : '}';
        /* the next closing bracket is remembered, so that a line full of
         * '<' or "{\" is read in linear time */
        if (want == '>' && (gt == NULL || gt <= p)) {
            gt = memchr(p + 1, '>', (size_t)(e - p - 1));
            gt = gt ? gt : e;
        } else if (want == '}' && (brace == NULL || brace <= p)) {
            brace = memchr(p + 1, '}', (size_t)(e - p - 1));
            brace = brace ? brace : e;
        }
        close = want == '>' ? gt : brace;
        if (close == e) {
            p++;
            continue;
        }
        /* a '<' before the '>' means this '<' was text */
        if (want == '>' && memchr(p + 1, '<', (size_t)(close - p - 1))) {
            p++;
            continue;
        }
        rc = add_text(r, run, (size_t)(p - run));
        if (rc != TC_OK)
            return rc;
        if (want == '>' ? srt_tag(r, p, (size_t)(close - p + 1), line,
                                  (unsigned)(p - l) + 1)
                        : srt_override(r, p, (size_t)(close - p + 1), line,
                                       (unsigned)(p - l) + 1)) {
            /* "is {\an1} the": the override goes, and with it one of the
             * two spaces around it */
            if (want == '}' && p > l && p[-1] == ' ' && close + 1 < e &&
                close[1] == ' ')
                close++;
            p = close + 1;
            run = p;
        } else {
            run = p++;   /* not markup: the '<' stays text */
        }
    }
    if (r->err != TC_OK)
        return r->err;
    return add_text(r, run, (size_t)(e - run));
}

/* ---- the reader -------------------------------------------------------- */

static int
flush_cue(struct srt_reader *r)
{
    struct tc_cue *c = r->cur;

    if (c == NULL)
        return TC_OK;
    r->cur = NULL;
    tc_text_trim(&c->text);
    if (tc_text_is_blank(&c->text)) {
        int rc = tc_repeatf(r->ctx, &r->rp[RP_EMPTY], TC_D_EMPTY_CUE, c->line,
                            0, NULL);

        if (rc != TC_OK) {
            tc_cue_free(c);
            return rc;
        }
    }
    return tc_stage_push(r->next, c);
}

static int
start_cue(struct srt_reader *r, const struct timing *t, const char *l,
          size_t n, unsigned long line)
{
    int rc;

    rc = flush_cue(r);

    if (rc != TC_OK)
        return rc;
    r->gone = 0;
    r->cur = tc_cue_new(r->ctx);
    if (r->cur == NULL)
        return TC_ERR_NOMEM;
    r->count++;
    memset(&r->st, 0, sizeof r->st);
    r->cur->start = t->start;
    r->cur->end = t->end;
    r->cur->line = line;
    rc = TC_OK;
    if (t->repaired)
        rc = tc_repeatf(r->ctx, &r->rp[RP_TIME], TC_D_TIME_REPAIRED, line, 0,
                        "'%.*s'", (int)n, l);
    if (rc == TC_OK && t->arrow_repaired)
        rc = tc_repeatf(r->ctx, &r->rp[RP_ARROW], TC_D_REPAIRED, line, 0,
                        "arrow written as '->'");
    if (rc != TC_OK)
        return rc;
    if (t->junk != NULL) {
        /* SubRip's own "X1:.. X2:.. Y1:.. Y2:.." box is known; other text
         * after the times is reported */
        if (t->junk_len >= 3 && strncasecmp(t->junk, "X1:", 3) == 0)
            rc = tc_repeatf(r->ctx, &r->rp[RP_BOX], TC_D_IGNORED, line,
                            (unsigned)(t->junk - l) + 1,
                            "SubRip position box '%.*s'", (int)t->junk_len,
                            t->junk);
        else
            rc = tc_repeatf(r->ctx, &r->rp[RP_AFTER], TC_D_JUNK, line,
                            (unsigned)(t->junk - l) + 1,
                            "'%.*s' after the timing ignored",
                            (int)t->junk_len, t->junk);
        if (rc != TC_OK)
            return rc;
    }
    return TC_OK;
}

enum srt_state { S_BETWEEN, S_TEXT, S_SKIP };

/* The cue number of the cue just started.  Numbers that merely start
 * elsewhere than 1 are said once; later a number that does not follow the
 * one before is a repair (the writer numbers from 1 anyway). */
static int
check_index(struct srt_reader *r, long index)
{
    long want = r->prev_index + 1;
    int rc = TC_OK;

    if (r->count == 1 && index != 1)
        rc = tc_diagf(r->ctx, TC_D_INDEX, r->held_line, 0,
                      "cue numbers start at %ld; renumbered", index);
    else if (r->prev_index > 0 && index != want)
        rc = tc_repeatf(r->ctx, &r->rp[RP_INDEX], TC_D_INDEX, r->held_line, 0,
                        "cue number %ld after %ld; renumbered", index,
                        r->prev_index);
    r->prev_index = index;
    return rc;
}

/* Lines before the first cue (a title, a note): one warning when the first
 * cue shows that this is SubRip. */
static int
junk_report(struct srt_reader *r)
{
    int rc;

    if (r->njunk == 0)
        return TC_OK;
    rc = tc_diagf(r->ctx, TC_D_JUNK, r->junk_line, 1,
                  "%lu line%s before the first cue skipped: '%s'", r->njunk,
                  r->njunk == 1 ? "" : "s", r->junk.data);
    r->njunk = 0;
    return rc;
}

/* The summary lines of the causes that came back. */
static int
repeats_end(struct srt_reader *r)
{
    size_t i;
    int rc = TC_OK;

    for (i = 0; i < RP__COUNT && rc == TC_OK; i++)
        rc = tc_repeat_end(r->ctx, &r->rp[i], rp_what[i]);
    return rc;
}

static int
srt_read(struct tc_source *src, struct tc_stage *next)
{
    struct srt_reader r;
    struct tc_track track;
    enum srt_state state = S_BETWEEN;
    const char *l;
    size_t n;
    int rc, got;

    memset(&r, 0, sizeof r);
    r.src = src;
    r.ctx = tc_source_ctx(src);
    r.next = next;
    tc_buf_init(&r.held, 0);
    tc_buf_init(&r.junk, 0);
    memset(&track, 0, sizeof track);
    rc = tc_stage_track(next, &track);
    if (rc != TC_OK)
        return rc;
    while ((got = tc_lines_next(src, &l, &n)) == 1) {
        unsigned long line = tc_lines_lineno(src);
        struct timing t;
        int had_index = 0;
        long index = 0;

        if (tc_is_blank_line(l, n)) {
            state = S_BETWEEN;
            /* a live producer pauses after a cue's blank line: the cue
             * goes on now, not when the next one begins */
            if (r.cur != NULL && tc_lines_would_wait(src)) {
                if ((rc = flush_cue(&r)) != TC_OK)
                    break;
                r.gone = 1;
            }
            continue;
        }
        if (is_index(l, n)) {
            /* a number: a cue index if a timing line follows */
            const char *l2;
            size_t n2;

            index = index_value(l, n);
            tc_buf_clear(&r.held);
            tc_buf_add(&r.held, l, n);
            r.held_line = line;
            rc = tc_buf_status(&r.held);
            if (rc != TC_OK)
                break;
            got = tc_lines_next(src, &l2, &n2);
            if (got < 0) {
                rc = got;
                break;
            }
            if (got == 1 && looks_like_timing(l2, n2)) {
                had_index = 1;
                l = l2;
                n = n2;
                line = tc_lines_lineno(src);
            } else if (got == 1 && state == S_BETWEEN && r.cur != NULL &&
                       r.prev_index > 0 && index == r.prev_index + 1) {
                /* the next cue's number, and no timing after it: its
                 * text stays, joined to the cue above (the number is not
                 * text) */
                tc_lines_unread(src);
                r.prev_index = index;
                rc = tc_repeatf(r.ctx, &r.rp[RP_NOTIME], TC_D_REPAIRED,
                                line, 0, "cue %ld has no timing line: its "
                                "text joined to the cue above", index);
                if (rc != TC_OK)
                    break;
                state = S_TEXT;
                continue;
            } else if (got == 0 && state == S_BETWEEN && r.cur != NULL &&
                       r.prev_index > 0 && index == r.prev_index + 1) {
                /* the next cue's number and then the end of the file: a
                 * cue cut off, with nothing to keep */
                rc = tc_diagf(r.ctx, TC_D_JUNK, line, 1, "cue %ld is cut "
                              "off after its number, at the end of the "
                              "file: left out", index);
                break;
            } else {
                if (got == 1)
                    tc_lines_unread(src);
                l = r.held.data;
                n = r.held.len;
                line = r.held_line;
            }
        }
        if (looks_like_timing(l, n)) {
            if ((rc = junk_report(&r)) != TC_OK)
                break;
            if (parse_timing(l, n, &t) != TC_OK) {
                /* the cue and its text are skipped; the rest is read */
                r.count++;
                if (had_index)
                    r.prev_index = index;
                if ((rc = flush_cue(&r)) != TC_OK ||
                    (rc = tc_skipf(r.ctx, TC_D_TIME_BAD, line, t.bad_col,
                                   "'%.*s'", (int)n, l)) != TC_OK)
                    break;
                state = S_SKIP;
                r.gone = 0;
                continue;
            }
            if (state == S_TEXT) {
                rc = tc_repeatf(r.ctx, &r.rp[RP_NOBLANK], TC_D_NO_BLANK,
                                had_index ? r.held_line : line, 0, NULL);
                if (rc != TC_OK)
                    break;
            }
            rc = start_cue(&r, &t, l, n, line);
            if (rc != TC_OK)
                break;
            if (!had_index)
                rc = tc_repeatf(r.ctx, &r.rp[RP_NOINDEX], TC_D_INDEX, line, 0,
                                "no cue number before the timing");
            else
                rc = check_index(&r, index);
            if (rc == TC_OK && r.count > 1 && t.start < r.prev_start) {
                char a[32], b[32];

                tc_time_fmt(a, t.start, ',');
                tc_time_fmt(b, r.prev_start, ',');
                rc = tc_repeatf(r.ctx, &r.rp[RP_ORDER], TC_D_UNSORTED, line, 0,
                                "%s is before %s", a, b);
            }
            r.prev_start = t.start;
            if (rc != TC_OK)
                break;
            state = S_TEXT;
            continue;
        }
        /* text */
        if (state == S_SKIP)
            continue;
        if (r.cur == NULL && r.gone) {
            rc = tc_repeatf(r.ctx, &r.rp[RP_LATE], TC_D_JUNK, line, 0,
                            "text after a blank line, and the cue above "
                            "already written (live input): left out");
            if (rc != TC_OK)
                break;
            continue;
        }
        if (r.cur == NULL && r.count > 0)
            continue;           /* after a blank: still the skipped cue */
        if (r.cur == NULL) {
            if (r.njunk++ == 0) {
                r.junk_line = line;
                tc_buf_add(&r.junk, l, n > 40 ? 40 : n);
            }
            continue;
        }
        if (state == S_BETWEEN) {
            rc = tc_repeatf(r.ctx, &r.rp[RP_JOINED], TC_D_REPAIRED, line, 0,
                            "text after a blank line joined to the cue "
                            "above");
            if (rc != TC_OK)
                break;
        }
        state = S_TEXT;
        rc = parse_text_line(&r, l, n, line);
        if (rc != TC_OK)
            break;
    }
    if (got < 0)
        rc = got;
    if (rc == TC_OK)
        rc = flush_cue(&r);
    if (rc == TC_OK && r.count == 0 && r.njunk > 0) {
        tc_diagf(r.ctx, TC_D_SYNTAX, r.junk_line, 1,
                 "no SubRip cue found (a number, then a timing line such "
                 "as 00:00:01,000 --> 00:00:02,000); the first line is "
                 "'%s'", r.junk.data);
        rc = TC_ERR_SYNTAX;
    }
    if (rc == TC_OK)
        rc = repeats_end(&r);
    tc_cue_free(r.cur);
    tc_buf_release(&r.held);
    tc_buf_release(&r.junk);
    return rc;
}

/* ---- probe --------------------------------------------------------------- */

static int
srt_probe(const unsigned char *head, size_t len)
{
    const char *p = (const char *)head, *e = p + len;
    int lines = 0;

    /* the first timing line within the first few lines decides */
    while (p < e && lines < 8) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(e - p);
        struct timing t;

        if (n > 0 && p[n - 1] == '\r')
            n--;
        if (looks_like_timing(p, n) && parse_timing(p, n, &t) == TC_OK)
            return (t.repaired || t.arrow_repaired || lines == 0)
                       ? TC_PROBE_LIKELY - 10 : TC_PROBE_LIKELY + 20;
        if (!tc_is_blank_line(p, n))
            lines++;
        if (nl == NULL)
            break;
        p = nl + 1;
    }
    return TC_PROBE_NO;
}

/* ---- the writer ---------------------------------------------------------- */

struct srt_writer {
    struct tc_wr wr;
    long index;
    unsigned long line;        /* input line of the cue being written */
    int warned_arrow;
    int noted_markup;
};

static void
srt_open(void *w, enum tc_render_kind k, const struct tc_text *t,
         const struct tc_run *run)
{
    struct srt_writer *sw = w;

    (void)t;
    switch (k) {
    case TC_R_BOLD:
        tc_sink_puts(sw->wr.sink, "<b>");
        break;
    case TC_R_ITALIC:
        tc_sink_puts(sw->wr.sink, "<i>");
        break;
    case TC_R_UNDERLINE:
        tc_sink_puts(sw->wr.sink, "<u>");
        break;
    case TC_R_COLOR:
        tc_sink_printf(sw->wr.sink, "<font color=\"#%06x\">",
                       (unsigned)run->color);
        break;
    default:
        /* speakers, languages, classes and ruby have no SubRip markup:
         * the text stays, the markup goes, and -v says so once */
        if (!sw->noted_markup++)
            tc_diagf(sw->wr.ctx, TC_D_IGNORED, sw->line, 0,
                     "SubRip has no markup for speakers, languages, "
                     "classes or ruby; their text is kept");
        break;
    }
}

static void
srt_close(void *w, enum tc_render_kind k)
{
    struct srt_writer *sw = w;

    switch (k) {
    case TC_R_BOLD:
        tc_sink_puts(sw->wr.sink, "</b>");
        break;
    case TC_R_ITALIC:
        tc_sink_puts(sw->wr.sink, "</i>");
        break;
    case TC_R_UNDERLINE:
        tc_sink_puts(sw->wr.sink, "</u>");
        break;
    case TC_R_COLOR:
        tc_sink_puts(sw->wr.sink, "</font>");
        break;
    default:
        break;
    }
}

/* A line holding "-->" would be read back as the timing of a new cue:
 * a space goes between the dashes and the '>'. */
static void
srt_text(void *w, const char *s, size_t n)
{
    struct srt_writer *sw = w;
    const char *e = s + n, *p = s;

    while (p + 3 <= e) {
        const char *a = memchr(p, '-', (size_t)(e - p - 2));

        if (a == NULL)
            break;
        if (a[1] == '-' && a[2] == '>') {
            tc_sink_write(sw->wr.sink, s, (size_t)(a - s) + 2);
            tc_sink_putc(sw->wr.sink, ' ');
            s = a + 2;
            if (!sw->warned_arrow++)
                tc_diagf(sw->wr.ctx, TC_D_CANNOT_EXPRESS, sw->line, 0,
                         "'-->' in cue text written as '-- >'");
        }
        p = a + 1;
    }
    tc_sink_write(sw->wr.sink, s, (size_t)(e - s));
}

static void
srt_newline(void *w)
{
    tc_sink_putc(((struct srt_writer *)w)->wr.sink, '\n');
}

static const struct tc_render_ops srt_render = {
    .open = srt_open,
    .close = srt_close,
    .text = srt_text,
    .line_break = srt_newline,
};

static int
srt_cue(struct tc_wr *wr, const struct tc_cue *c)
{
    struct srt_writer *w = (struct srt_writer *)wr;
    struct tc_sink *sink = wr->sink;
    char head[96], num[24];
    size_t k = sizeof num, n;
    unsigned long v = (unsigned long)++w->index;
    int an = 0;

    /* "index\nstart --> end\n" in one write */
    do {
        num[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    n = sizeof num - k;
    memcpy(head, num + k, n);
    head[n++] = '\n';
    n += tc_time_fmt(head + n, c->start, ',');
    memcpy(head + n, " --> ", 5);
    n += 5;
    n += tc_time_fmt(head + n, c->end, ',');
    head[n++] = '\n';
    tc_sink_write(sink, head, n);
    if (c->place.vpos != TC_VPOS_AUTO ||
        c->place.align == TC_ALIGN_LEFT || c->place.align == TC_ALIGN_RIGHT ||
        c->place.align == TC_ALIGN_START || c->place.align == TC_ALIGN_END) {
        int col = (c->place.align == TC_ALIGN_LEFT ||
                   c->place.align == TC_ALIGN_START) ? 1
                  : (c->place.align == TC_ALIGN_RIGHT ||
                     c->place.align == TC_ALIGN_END) ? 3 : 2;
        int row = c->place.vpos == TC_VPOS_TOP ? 6
                  : c->place.vpos == TC_VPOS_MIDDLE ? 3 : 0;

        an = row + col;
    }
    if (an != 0 && an != 2)
        tc_sink_printf(sink, "{\\an%d}", an);
    w->line = c->line;
    tc_render_runs(&c->text, &srt_render, w);
    tc_sink_write(sink, "\n\n", 2);
    return TC_OK;
}

/* a blank line would end the cue early: SubRip cannot hold it */
static const struct tc_wr_hooks srt_writer = {
    .size = sizeof (struct srt_writer),
    .blank = "SubRip cannot hold a cue without text",
    .cue = srt_cue,
};

const struct tc_format tc_format_srt = {
    .name       = "srt",
    .desc       = "SubRip subtitles",
    .extensions = "srt",
    .probe      = srt_probe,
    .read       = srt_read,
    .writer     = &srt_writer,
};
