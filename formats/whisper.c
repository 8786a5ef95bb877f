/* formats/whisper.c -- speech-recognition output as Whisper-family tools
 * print it: one segment a line, "[HH:MM:SS.mmm --> HH:MM:SS.mmm]   text"
 * (three spaces), or "[MM:SS.mmm --> MM:SS.mmm]" for short media.
 *
 * There is no specification; the sample in tests/golden/transcript/ is the
 * reference.  The reader takes both widths, extra spaces and blank lines,
 * and keeps segments as they are, zero-length ones included: the driver's
 * end repair runs before writers that need it.  The writer prints the long
 * form, so that a transcript read and written back keeps its lines.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "format.h"

/* ---- timestamps ---------------------------------------------------------- */

/* "HH:MM:SS.mmm" (hours of any width) or "MM:SS.mmm". */
static int
wh_time(struct tc_scan *s, int64_t *ms)
{
    unsigned long a, b, c, frac;

    if (tc_time_hms(s->p, (size_t)(s->end - s->p), '.', ms) &&
        (s->end - s->p == 12 || s->p[12] < '0' || s->p[12] > '9')) {
        s->p += 12;
        return TC_OK;
    }
    if (tc_scan_digits(s, 1, 9, &a) || tc_scan_char(s, ':') ||
        tc_scan_digits(s, 2, 2, &b))
        return TC_ERR_SYNTAX;
    if (tc_scan_char(s, ':') == TC_OK) {
        if (tc_scan_digits(s, 2, 2, &c) || b > 59)
            return TC_ERR_SYNTAX;
    } else {
        c = b;
        b = a;
        a = 0;
    }
    if (tc_scan_char(s, '.') || tc_scan_digits(s, 3, 3, &frac) || c > 59)
        return TC_ERR_SYNTAX;
    if (a > 1000000 || b > 60000000)
        return TC_ERR_SYNTAX;          /* keeps the sum far from overflow */
    *ms = (((int64_t)a * 60 + (int64_t)b) * 60 + (int64_t)c) * 1000 +
          (int64_t)frac;
    return TC_OK;
}

/* "[start --> end]" with any spaces, then the text.  Returns TC_OK, 1 when
 * the line is not a timing line at all, or TC_ERR_SYNTAX with *col. */
static int
wh_timing(const char *l, size_t n, int64_t *start, int64_t *end,
          const char **text, unsigned *col)
{
    struct tc_scan s;

    tc_scan_init(&s, l, n);
    tc_scan_spaces(&s);
    if (tc_scan_char(&s, '[') != TC_OK)
        return 1;
    tc_scan_spaces(&s);
    if (wh_time(&s, start) != TC_OK)
        goto bad;
    tc_scan_spaces(&s);
    if (tc_scan_lit(&s, "-->") != TC_OK)
        goto bad;
    tc_scan_spaces(&s);
    if (wh_time(&s, end) != TC_OK)
        goto bad;
    tc_scan_spaces(&s);
    if (tc_scan_char(&s, ']') != TC_OK)
        goto bad;
    *text = s.p;
    return TC_OK;
bad:
    *col = tc_scan_col(&s);
    return TC_ERR_SYNTAX;
}

/* Is this line meant as a timing line?  "[" and "-->" before any "]". */
static int
wh_looks_timed(const char *l, size_t n)
{
    const char *e = l + n, *p;

    while (l < e && (*l == ' ' || *l == '\t'))
        l++;
    if (l == e || *l != '[')
        return 0;
    for (p = l; p + 2 < e && *p != ']'; p++)
        if (p[0] == '-' && p[1] == '-' && p[2] == '>')
            return 1;
    return 0;
}

/* ---- the reader ---------------------------------------------------------- */

static int
wh_add_line(struct tc_cue *c, const char *p, size_t n)
{
    struct tc_style st;
    int rc;

    tc_trim(&p, &n);
    if (n == 0)
        return TC_OK;
    memset(&st, 0, sizeof st);
    st.time = TC_TIME_NONE;
    if (c->text.nruns > 0 && (rc = tc_text_newline(&c->text)) != TC_OK)
        return rc;
    return tc_text_append(&c->text, p, n, &st);
}

static int
wh_flush(struct tc_ctx *ctx, struct tc_cue **cur, struct tc_stage *next,
         struct tc_repeat *empty)
{
    struct tc_cue *c = *cur;
    int rc;

    if (c == NULL)
        return TC_OK;
    *cur = NULL;
    if (tc_text_is_blank(&c->text)) {
        rc = tc_repeatf(ctx, empty, TC_D_EMPTY_CUE, c->line, 0, NULL);
        if (rc != TC_OK) {
            tc_cue_free(c);
            return rc;
        }
    }
    return tc_stage_push(next, c);
}

/* Lines before the first segment. */
struct wh_junk {
    unsigned long n, line;
    struct tc_buf first;
};

static int
wh_junk(struct tc_ctx *ctx, struct wh_junk *j)
{
    int rc;

    if (j->n == 0)
        return TC_OK;
    rc = tc_diagf(ctx, TC_D_JUNK, j->line, 1,
                  "%lu line%s before the first segment skipped: '%s'", j->n,
                  j->n == 1 ? "" : "s", j->first.data);
    j->n = 0;
    return rc;
}

static int
wh_read(struct tc_source *src, struct tc_stage *next)
{
    struct tc_ctx *ctx = tc_source_ctx(src);
    struct tc_cue *cur = NULL;
    struct tc_track track;
    const char *l;
    size_t n;
    struct wh_junk junk;
    struct tc_repeat rp_empty, rp_joined, rp_late;
    int rc = TC_OK, got = 0, skip = 0, seen = 0, written = 0;

    memset(&rp_empty, 0, sizeof rp_empty);
    memset(&rp_joined, 0, sizeof rp_joined);
    memset(&rp_late, 0, sizeof rp_late);
    memset(&junk, 0, sizeof junk);
    tc_buf_init(&junk.first, 0);
    memset(&track, 0, sizeof track);
    if ((rc = tc_stage_track(next, &track)) != TC_OK)
        return rc;
    for (;;) {
        unsigned long line;
        int64_t start, end;
        const char *text;
        unsigned col = 1;
        int t;

        /* a live recogniser's segment goes on now, not when the next one
         * is printed: a text line without a timestamp after it is then
         * too late to join it */
        if (cur != NULL && tc_lines_would_wait(src)) {
            if ((rc = wh_flush(ctx, &cur, next, &rp_empty)) != TC_OK)
                break;
            written = 1;
        }
        if ((got = tc_lines_next(src, &l, &n)) != 1)
            break;
        line = tc_lines_lineno(src);
        if (tc_is_blank_line(l, n))
            continue;
        t = wh_timing(l, n, &start, &end, &text, &col);
        if (t == TC_ERR_SYNTAX && !wh_looks_timed(l, n))
            t = 1;             /* "[laughs] ..." is text */
        if (t == TC_ERR_SYNTAX) {
            seen = 1;
            if ((rc = wh_flush(ctx, &cur, next, &rp_empty)) != TC_OK ||
                (rc = wh_junk(ctx, &junk)) != TC_OK ||
                (rc = tc_skipf(ctx, TC_D_TIME_BAD, line, col, "'%.*s'",
                               (int)(n > 60 ? 60 : n), l)) != TC_OK)
                break;
            skip = 1;          /* the segment's own lines go with it */
            continue;
        }
        if (t == TC_OK) {
            if ((rc = wh_flush(ctx, &cur, next, &rp_empty)) != TC_OK ||
                (rc = wh_junk(ctx, &junk)) != TC_OK)
                break;
            seen = 1;
            skip = 0;
            cur = tc_cue_new(ctx);
            if (cur == NULL) {
                rc = TC_ERR_NOMEM;
                break;
            }
            cur->start = start;
            cur->end = end;
            cur->line = line;
            if ((rc = wh_add_line(cur, text, (size_t)(l + n - text))))
                break;
            continue;
        }
        if (skip)
            continue;
        if (cur == NULL && written) {
            rc = tc_repeatf(ctx, &rp_late, TC_D_JUNK, line, 1,
                            "text without a timestamp after a segment "
                            "already written (live input): left out");
            if (rc != TC_OK)
                break;
            continue;
        }
        if (cur == NULL) {
            /* tools print a banner ("Detected language: ...") first; it is
             * reported once, when a segment shows that this is Whisper */
            if (junk.n++ == 0) {
                junk.line = line;
                tc_buf_add(&junk.first, l, n > 60 ? 60 : n);
            }
            continue;
        }
        rc = tc_repeatf(ctx, &rp_joined, TC_D_REPAIRED, line, 1,
                        "text without a timestamp joined to the segment "
                        "above");
        if (rc != TC_OK || (rc = wh_add_line(cur, l, n)) != TC_OK)
            break;
    }
    if (got < 0)
        rc = got;
    if (rc == TC_OK)
        rc = wh_flush(ctx, &cur, next, &rp_empty);
    if (rc == TC_OK && !seen && junk.n > 0) {
        /* "notes.txt" of prose reaches this reader by its extension */
        tc_diagf(ctx, TC_D_FORMAT_UNKNOWN, junk.line, 1,
                 "no transcript line found, neither Whisper's "
                 "'[00:00.000 --> 00:02.000] text' nor YouTube's "
                 "'0:02 text', and text without times cannot be read; "
                 "name the format with --from (see --list-formats)");
        rc = TC_ERR_UNKNOWN_FORMAT;
    }
    if (rc == TC_OK)
        rc = tc_repeat_end(ctx, &rp_empty, NULL);
    if (rc == TC_OK)
        rc = tc_repeat_end(ctx, &rp_joined, "text joined");
    if (rc == TC_OK)
        rc = tc_repeat_end(ctx, &rp_late, "text left out");
    tc_cue_free(cur);
    tc_buf_release(&junk.first);
    return rc;
}

/* ---- probe --------------------------------------------------------------- */

/* The first non-blank line is a segment: certain enough, nothing else
 * starts a line with "[00:00.000 -->".  A segment within the first lines
 * (after a tool's banner) is likely. */
static int
wh_probe(const unsigned char *head, size_t len)
{
    const char *p = (const char *)head, *e = p + len;
    int lines = 0;

    if (len >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        p += 3;
    while (p < e && lines < 8) {
        const char *nl = memchr(p, '\n', (size_t)(e - p)), *text;
        size_t n = nl ? (size_t)(nl - p) : (size_t)(e - p);
        int64_t a, b;
        unsigned col;

        if (n > 0 && p[n - 1] == '\r')
            n--;
        if (!tc_is_blank_line(p, n)) {
            if (wh_timing(p, n, &a, &b, &text, &col) == TC_OK)
                return lines == 0 ? TC_PROBE_LIKELY + 30 : TC_PROBE_LIKELY;
            lines++;
        }
        if (nl == NULL)
            break;
        p = nl + 1;
    }
    return TC_PROBE_NO;
}

/* ---- the writer ---------------------------------------------------------- */

/* A segment without text is written too: a transcript keeps them. */
static int
wh_cue(struct tc_wr *w, const struct tc_cue *c)
{
    char a[32], b[32];

    tc_time_fmt(a, c->start, '.');
    tc_time_fmt(b, c->end, '.');
    tc_sink_printf(w->sink, "[%s --> %s]", a, b);
    if (!tc_text_is_blank(&c->text)) {
        tc_sink_puts(w->sink, "   ");
        tc_sink_plain(w->sink, &c->text, ' ');
    }
    tc_sink_putc(w->sink, '\n');
    return TC_OK;
}

static const struct tc_wr_hooks wh_writer = {
    .size = sizeof (struct tc_wr),
    .cue = wh_cue,
};

const struct tc_format tc_format_whisper = {
    .name       = "whisper",
    .desc       = "Whisper transcript, [start --> end] text",
    .extensions = "txt",
    .probe      = wh_probe,
    .read       = wh_read,
    .writer     = &wh_writer,
    .keeps_short = 1,
};
