/* formats/sbv.c -- YouTube's SubViewer upload format (SBV): a timing line
 * "H:MM:SS.mmm,H:MM:SS.mmm", the text lines, a blank line between cues.
 * Plain text: there is no markup.
 *
 * No formal specification; YouTube's upload help describes it, and the
 * cases in tests/golden/transcript/ pin the behaviour.  The reader repairs
 * what SubRip's reader repairs (no blank line, text after a blank line)
 * and reports it; the writer is canonical.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "format.h"

/* ---- timestamps ---------------------------------------------------------- */

/* "H:MM:SS.mmm", hours of any width. */
static int
sbv_time(struct tc_scan *s, int64_t *ms)
{
    unsigned long h, m, sec, frac;

    if (tc_scan_digits(s, 1, 9, &h) || tc_scan_char(s, ':') ||
        tc_scan_digits(s, 2, 2, &m) || tc_scan_char(s, ':') ||
        tc_scan_digits(s, 2, 2, &sec) || tc_scan_char(s, '.') ||
        tc_scan_digits(s, 3, 3, &frac) || m > 59 || sec > 59 ||
        h > 1000000)
        return TC_ERR_SYNTAX;
    *ms = (((int64_t)h * 60 + (int64_t)m) * 60 + (int64_t)sec) * 1000 +
          (int64_t)frac;
    return TC_OK;
}

/* The whole line "start,end" (spaces around the comma tolerated, as at the
 * ends).  TC_ERR_SYNTAX sets *col. */
static int
sbv_timing(const char *l, size_t n, int64_t *start, int64_t *end,
           unsigned *col)
{
    struct tc_scan s;

    tc_scan_init(&s, l, n);
    tc_scan_spaces(&s);
    if (sbv_time(&s, start) != TC_OK)
        goto bad;
    tc_scan_spaces(&s);
    if (tc_scan_char(&s, ',') != TC_OK)
        goto bad;
    tc_scan_spaces(&s);
    if (sbv_time(&s, end) != TC_OK)
        goto bad;
    tc_scan_spaces(&s);
    if (!tc_scan_eof(&s))
        goto bad;
    return TC_OK;
bad:
    *col = tc_scan_col(&s);
    return TC_ERR_SYNTAX;
}

/* Where a cue must begin, a line starting "digits:" is meant as a timing
 * line, so a broken one is an error rather than text. */
static int
sbv_looks_timed(const char *l, size_t n)
{
    size_t i = 0;

    while (i < n && (l[i] == ' ' || l[i] == '\t'))
        i++;
    if (i == n || l[i] < '0' || l[i] > '9')
        return 0;
    while (i < n && l[i] >= '0' && l[i] <= '9')
        i++;
    return i < n && l[i] == ':' && memchr(l, ',', n) != NULL;
}

/* ---- the reader ---------------------------------------------------------- */

static int
sbv_add_line(struct tc_cue *c, const char *p, size_t n)
{
    struct tc_style st;
    int rc;

    tc_trim(&p, &n);
    memset(&st, 0, sizeof st);
    st.time = TC_TIME_NONE;
    if (c->text.nruns > 0 && (rc = tc_text_newline(&c->text)) != TC_OK)
        return rc;
    return tc_text_append(&c->text, p, n, &st);
}

/* Causes a file may repeat on every cue: said once, with a count at the
 * end. */
enum { SR_NOBLANK, SR_JOINED, SR_EMPTY, SR__COUNT };

static int
sbv_flush(struct tc_ctx *ctx, struct tc_cue **cur, struct tc_stage *next,
          struct tc_repeat *empty)
{
    struct tc_cue *c = *cur;
    int rc;

    if (c == NULL)
        return TC_OK;
    *cur = NULL;
    tc_text_trim(&c->text);
    if (tc_text_is_blank(&c->text)) {
        rc = tc_repeatf(ctx, empty, TC_D_EMPTY_CUE, c->line, 0, NULL);
        if (rc != TC_OK) {
            tc_cue_free(c);
            return rc;
        }
    }
    return tc_stage_push(next, c);
}

enum sbv_state { SBV_BETWEEN, SBV_TEXT, SBV_SKIP };

static int
sbv_read(struct tc_source *src, struct tc_stage *next)
{
    static const char *const what[SR__COUNT] = {
        NULL, "text after a blank line joined", NULL,
    };
    struct tc_ctx *ctx = tc_source_ctx(src);
    struct tc_cue *cur = NULL;
    struct tc_track track;
    struct tc_repeat rp[SR__COUNT];
    struct tc_buf junk = TC_BUF_INIT;
    unsigned long njunk = 0, junk_line = 0, ncues = 0;
    enum sbv_state state = SBV_BETWEEN;
    const char *l;
    size_t n, i;
    int rc, got;

    memset(rp, 0, sizeof rp);
    memset(&track, 0, sizeof track);
    if ((rc = tc_stage_track(next, &track)) != TC_OK)
        return rc;
    while ((got = tc_lines_next(src, &l, &n)) == 1) {
        unsigned long line = tc_lines_lineno(src);
        int64_t start, end;
        unsigned col = 1;
        int timed;

        if (tc_is_blank_line(l, n)) {
            if (state == SBV_TEXT)
                state = SBV_BETWEEN;
            continue;
        }
        timed = sbv_timing(l, n, &start, &end, &col) == TC_OK;
        if ((timed || (state != SBV_TEXT && sbv_looks_timed(l, n))) &&
            njunk > 0) {
            /* lines before the first cue: said once, when a cue shows
             * that this is SBV */
            rc = tc_diagf(ctx, TC_D_JUNK, junk_line, 1, "%lu line%s before "
                          "the first cue skipped: '%s'", njunk,
                          njunk == 1 ? "" : "s", junk.data);
            njunk = 0;
            if (rc != TC_OK)
                break;
        }
        if (timed) {
            if (state == SBV_TEXT &&
                (rc = tc_repeatf(ctx, &rp[SR_NOBLANK], TC_D_NO_BLANK, line,
                                 0, NULL)) != TC_OK)
                break;
            if ((rc = sbv_flush(ctx, &cur, next, &rp[SR_EMPTY])) != TC_OK)
                break;
            cur = tc_cue_new(ctx);
            if (cur == NULL) {
                rc = TC_ERR_NOMEM;
                break;
            }
            ncues++;
            cur->start = start;
            cur->end = end;
            cur->line = line;
            state = SBV_TEXT;
            continue;
        }
        if (state != SBV_TEXT && sbv_looks_timed(l, n)) {
            ncues++;
            if ((rc = sbv_flush(ctx, &cur, next, &rp[SR_EMPTY])) != TC_OK ||
                (rc = tc_skipf(ctx, TC_D_TIME_BAD, line, col, "'%.*s'",
                               (int)(n > 60 ? 60 : n), l)) != TC_OK)
                break;
            state = SBV_SKIP;  /* the cue's text goes with it */
            continue;
        }
        if (state == SBV_SKIP)
            continue;
        if (cur == NULL && ncues > 0)
            continue;          /* after a blank: still the skipped cue */
        if (cur == NULL) {
            if (njunk++ == 0) {
                junk_line = line;
                tc_buf_add(&junk, l, n > 40 ? 40 : n);
            }
            continue;
        }
        if (state == SBV_BETWEEN &&
            (rc = tc_repeatf(ctx, &rp[SR_JOINED], TC_D_REPAIRED, line, 0,
                             "text after a blank line joined to the cue "
                             "above")) != TC_OK)
            break;
        state = SBV_TEXT;
        if ((rc = sbv_add_line(cur, l, n)) != TC_OK)
            break;
    }
    if (got < 0)
        rc = got;
    if (rc == TC_OK)
        rc = sbv_flush(ctx, &cur, next, &rp[SR_EMPTY]);
    if (rc == TC_OK && ncues == 0 && njunk > 0) {
        tc_diagf(ctx, TC_D_SYNTAX, junk_line, 1, "no SBV cue found (a "
                 "timing line such as 0:00:01.000,0:00:02.500, then the "
                 "text); the first line is '%s'", junk.data);
        rc = TC_ERR_SYNTAX;
    }
    for (i = 0; i < SR__COUNT && rc == TC_OK; i++)
        rc = tc_repeat_end(ctx, &rp[i], what[i]);
    tc_cue_free(cur);
    tc_buf_release(&junk);
    return rc;
}

/* ---- probe --------------------------------------------------------------- */

/* The first non-blank line is an SBV timing line.  SubRip's and WebVTT's
 * have an arrow, the transcript styles a space or a bracket, so nothing
 * else matches. */
static int
sbv_probe(const unsigned char *head, size_t len)
{
    const char *p = (const char *)head, *e = p + len;

    if (len >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        p += 3;
    while (p < e) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(e - p);
        int64_t a, b;
        unsigned col;

        if (n > 0 && p[n - 1] == '\r')
            n--;
        if (!tc_is_blank_line(p, n))
            return sbv_timing(p, n, &a, &b, &col) == TC_OK
                       ? TC_PROBE_LIKELY + 20 : TC_PROBE_NO;
        if (nl == NULL)
            break;
        p = nl + 1;
    }
    return TC_PROBE_NO;
}

/* ---- the writer ---------------------------------------------------------- */

static void
sbv_put_time(struct tc_sink *sink, int64_t ms)
{
    if (ms < 0)
        ms = 0;
    tc_sink_printf(sink, "%lld:%02d:%02d.%03d", (long long)(ms / 3600000),
                   (int)(ms / 60000 % 60), (int)(ms / 1000 % 60),
                   (int)(ms % 1000));
}

static int
sbv_cue(struct tc_wr *w, const struct tc_cue *c)
{
    if (w->written > 0)
        tc_sink_putc(w->sink, '\n');
    sbv_put_time(w->sink, c->start);
    tc_sink_putc(w->sink, ',');
    sbv_put_time(w->sink, c->end);
    tc_sink_putc(w->sink, '\n');
    tc_sink_plain(w->sink, &c->text, '\n');
    tc_sink_putc(w->sink, '\n');
    return TC_OK;
}

/* the blank line after the timing would be read as the cue's end by some
 * tools and as an error by others */
static const struct tc_wr_hooks sbv_writer = {
    .size = sizeof (struct tc_wr),
    .blank = "SBV cannot hold a cue without text",
    .cue = sbv_cue,
};

const struct tc_format tc_format_sbv = {
    .name       = "sbv",
    .desc       = "YouTube SubViewer (SBV)",
    .extensions = "sbv",
    .probe      = sbv_probe,
    .read       = sbv_read,
    .writer     = &sbv_writer,
};
