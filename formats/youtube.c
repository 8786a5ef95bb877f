/* formats/youtube.c -- a transcript as YouTube shows it: one fragment a
 * line, "M:SS text" ("MM:SS", "H:MM:SS", "HH:MM:SS" for longer videos), or
 * the two-line form that copying the transcript panel gives (the timestamp
 * alone on a line, the text on the next).  Start times only, whole seconds.
 *
 * There is no specification; the two samples in tests/golden/transcript/
 * are the reference.  The reader infers end times (the rule is below and in
 * man/transcript.part); the writer prints the one-line form.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "measure.h"

/* Fragments sharing one start are held together; more than this many at
 * one start are joined into the last one (with a warning) so that memory
 * stays bounded whatever the input. */
#define YT_GROUP_MAX 64

/* YouTube rounds starts down to the second, so fragments that share a
 * start really began within that second: they are spread over it. */
#define YT_SECOND 1000

/* ---- the end-time rule ------------------------------------------------- */

/* How long a group of fragments with chars characters, starting at start,
 * lasts: up to next when next is at most max later, else an estimate from
 * the reading speed cps, between min and max, by the one rule
 * (tc_end_infer()).  next is TC_TIME_NONE for the last group.  Never less
 * than 1 ms.  Exposed for the unit tests. */
int64_t
tc_youtube_span(int64_t start, int64_t next, size_t chars, double cps,
                int64_t min, int64_t max)
{
    struct tc_end_rule r;
    int64_t est;

    if (next != TC_TIME_NONE && next > start && next - start <= max)
        return next - start;
    r.cps = cps;
    r.min = min;
    r.max = max;
    est = tc_end_infer(&r, chars, start, next) - start;
    return est < 1 ? 1 : est;
}

/* Where the j-th of k fragments sharing a start begins, as an offset into
 * the group's span; j == k gives the span, the end of the last one.  All
 * but the last get an equal slice of the first second (so that each still
 * starts in the second the transcript gave it); the last runs on to the
 * end of the span.  Exposed for the unit tests. */
int64_t
tc_youtube_slot(int64_t span, size_t j, size_t k)
{
    int64_t w = span < YT_SECOND ? span : YT_SECOND;

    if (j >= k)
        return span;
    return w * (int64_t)j / (int64_t)k;
}

/* ---- timestamps ---------------------------------------------------------- */

/* "M:SS", "MM:SS", "H:MM:SS" or "HH:MM:SS" at the start of a line, ended by
 * white space or the end of the line.  Other tools let the first field
 * grow ("125:30", "100:00:00"): read too, rather than taken for text.
 * Returns TC_OK with *ms, 1 when the line does not begin like a timestamp
 * (it is text), or TC_ERR_SYNTAX with *col when it does but a field is out
 * of range. */
static int
yt_time(const char *l, size_t n, int64_t *ms, const char **rest,
        unsigned *col)
{
    const char *p = l, *e = l + n;
    unsigned long f[3] = { 0, 0, 0 };
    const char *at[3];
    size_t nf = 0, i, k;

    /* "m:ss", then ":ss" once more at most: 1 to 7 digits, then 2 */
    do {
        size_t max = nf == 0 ? 7 : 2;

        at[nf] = p;
        for (k = 0; p < e && *p >= '0' && *p <= '9'; k++, p++) {
            if (k == max)
                return 1;
            f[nf] = f[nf] * 10 + (unsigned long)(*p - '0');
        }
        if (k < (nf == 0 ? 1 : 2))
            return 1;
        if (++nf == 1 && (p == e || *p != ':'))
            return 1;
    } while (nf < 3 && p < e && *p == ':' && p++ != NULL);
    if (p < e && *p != ' ' && *p != '\t')
        return 1;
    for (i = 1; i < nf; i++) {
        if (f[i] > 59) {
            *col = (unsigned)(at[i] - l) + 1;
            return TC_ERR_SYNTAX;
        }
    }
    *ms = (int64_t)f[0];
    for (i = 1; i < nf; i++)
        *ms = *ms * 60 + (int64_t)f[i];
    *ms *= 1000;
    *rest = p;
    return TC_OK;
}

/* ---- the reader ---------------------------------------------------------- */

struct yt_reader {
    struct tc_ctx *ctx;
    struct tc_stage *next;
    struct tc_cue *group[YT_GROUP_MAX];
    size_t ngroup;
    int64_t gstart;
    double cps;
    int64_t min, max;
    unsigned long joined;      /* fragments joined to a full group */
    struct tc_repeat rp_empty, rp_order;
};

/* Give the held group its times and push it on. */
static int
yt_flush(struct yt_reader *r, int64_t next)
{
    size_t i, k = r->ngroup, chars = 0;
    int64_t span;
    int rc = TC_OK;

    if (k == 0)
        return TC_OK;
    for (i = 0; i < k; i++)
        chars += tc_measure_chars(&r->group[i]->text);
    span = tc_youtube_span(r->gstart, next, chars, r->cps, r->min, r->max);
    r->ngroup = 0;
    for (i = 0; i < k; i++) {
        struct tc_cue *c = r->group[i];

        r->group[i] = NULL;
        c->start = r->gstart + tc_youtube_slot(span, i, k);
        c->end = r->gstart + tc_youtube_slot(span, i + 1, k);
        if (rc == TC_OK && tc_text_is_blank(&c->text))
            rc = tc_repeatf(r->ctx, &r->rp_empty, TC_D_EMPTY_CUE, c->line,
                            0, NULL);
        if (rc == TC_OK)
            rc = tc_stage_push(r->next, c);
        else
            tc_cue_free(c);
    }
    return rc;
}

static int
yt_add_text(struct tc_cue *c, const char *p, size_t n)
{
    struct tc_style st;
    int rc;

    tc_trim(&p, &n);
    if (n == 0)
        return TC_OK;
    memset(&st, 0, sizeof st);
    st.time = TC_TIME_NONE;
    if (c->text.nruns > 0) {
        rc = tc_text_newline(&c->text);
        if (rc != TC_OK)
            return rc;
    }
    return tc_text_append(&c->text, p, n, &st);
}

/* A new fragment starts at ms on this line with the text rest. */
static int
yt_fragment(struct yt_reader *r, int64_t ms, const char *rest, size_t n,
            unsigned long line)
{
    struct tc_cue *c;
    int rc;

    if (r->ngroup > 0 && ms == r->gstart && r->ngroup == YT_GROUP_MAX) {
        struct tc_cue *last = r->group[r->ngroup - 1];
        struct tc_style st;

        /* once per file: a broken transcript would repeat it per line */
        rc = TC_OK;
        if (r->joined++ == 0)
            rc = tc_diagf(r->ctx, TC_D_REPAIRED, line, 0,
                          "more than %d fragments start at the same time: "
                          "joined to the one above (not repeated for later "
                          "ones)", YT_GROUP_MAX);
        if (rc != TC_OK)
            return rc;
        memset(&st, 0, sizeof st);
        st.time = TC_TIME_NONE;
        tc_trim(&rest, &n);
        if (n == 0)
            return TC_OK;
        if (last->text.nruns > 0 &&
            (rc = tc_text_append(&last->text, " ", 1, &st)) != TC_OK)
            return rc;
        return tc_text_append(&last->text, rest, n, &st);
    }
    if (r->ngroup > 0 && ms != r->gstart) {
        int64_t next = ms;

        if (ms < r->gstart) {
            char a[32], b[32];

            tc_time_fmt(a, ms, '.');
            tc_time_fmt(b, r->gstart, '.');
            rc = tc_repeatf(r->ctx, &r->rp_order, TC_D_UNSORTED, line, 1,
                            "%s is before %s", a, b);
            if (rc != TC_OK)
                return rc;
            next = TC_TIME_NONE;
        }
        rc = yt_flush(r, next);
        if (rc != TC_OK)
            return rc;
    }
    c = tc_cue_new(r->ctx);
    if (c == NULL)
        return TC_ERR_NOMEM;
    c->start = ms;
    c->line = line;
    r->gstart = ms;
    r->group[r->ngroup++] = c;
    return yt_add_text(c, rest, n);
}

static int
yt_option_time(struct tc_ctx *ctx, const char *key, int64_t *out)
{
    const char *v = tc_ctx_option(ctx, key);

    if (v == NULL || tc_parse_duration(v, out) != TC_OK || *out < 0) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                 "--%s=%s: expected a duration such as 5000, 5000ms or 5s",
                 key, v ? v : "");
        return TC_ERR_ARG;
    }
    return TC_OK;
}

static int
yt_options(struct yt_reader *r)
{
    const char *v = tc_ctx_option(r->ctx, "youtube-cps");
    char *end = NULL;
    int rc;

    r->cps = v != NULL ? strtod(v, &end) : 0;
    if (v == NULL || end == v || *end != '\0' || !(r->cps > 0)) {
        tc_diagf(r->ctx, TC_D_BAD_OPTION, 0, 0,
                 "--youtube-cps=%s: expected a number above 0", v ? v : "");
        return TC_ERR_ARG;
    }
    if ((rc = yt_option_time(r->ctx, "youtube-min-duration", &r->min)) ||
        (rc = yt_option_time(r->ctx, "youtube-max-duration", &r->max)))
        return rc;
    if (r->max < 1 || r->max < r->min) {
        tc_diagf(r->ctx, TC_D_BAD_OPTION, 0, 0,
                 "--youtube-max-duration must be at least 1 ms and at "
                 "least --youtube-min-duration");
        return TC_ERR_ARG;
    }
    return TC_OK;
}

static int
yt_read(struct tc_source *src, struct tc_stage *next)
{
    struct yt_reader r;
    struct tc_track track;
    struct tc_buf junk = TC_BUF_INIT;
    unsigned long njunk = 0, junk_line = 0, seen = 0;
    const char *l;
    size_t n, i;
    int rc, got, stray = 0;

    memset(&r, 0, sizeof r);
    r.ctx = tc_source_ctx(src);
    r.next = next;
    if ((rc = yt_options(&r)) != TC_OK)
        return rc;
    memset(&track, 0, sizeof track);
    if ((rc = tc_stage_track(next, &track)) != TC_OK)
        return rc;
    while ((got = tc_lines_next(src, &l, &n)) == 1) {
        unsigned long line = tc_lines_lineno(src);
        const char *p = l, *rest;
        size_t m = n;
        unsigned col = 1;
        int64_t ms;
        int t;

        tc_trim(&p, &m);
        if (m == 0)
            continue;
        t = yt_time(p, m, &ms, &rest, &col);
        if (t != 1 && njunk > 0) {
            /* a title line above the first timestamp, as transcript tools
             * copy it: said once, when a timestamp shows what this is */
            rc = tc_diagf(r.ctx, TC_D_JUNK, junk_line, 1, "%lu line%s "
                          "before the first timestamp skipped: '%s'", njunk,
                          njunk == 1 ? "" : "s", junk.data);
            njunk = 0;
            if (rc != TC_OK)
                break;
        }
        if (t != 1)
            seen = 1;
        if (t == TC_ERR_SYNTAX) {
            rc = tc_skipf(r.ctx, TC_D_TIME_BAD, line,
                          col + (unsigned)(p - l), "'%.*s'",
                          (int)(m > 40 ? 40 : m), p);
            if (rc != TC_OK)
                break;
            stray = 1;         /* its text lines go with it */
            continue;
        }
        if (t == TC_OK) {
            stray = 0;
            rc = yt_fragment(&r, ms, rest, (size_t)(p + m - rest), line);
            if (rc != TC_OK)
                break;
            continue;
        }
        /* a line without a timestamp: the text of the fragment above
         * (the two-line form, or a fragment that goes on) */
        if (stray)
            continue;
        if (!seen) {
            if (njunk++ == 0) {
                junk_line = line;
                tc_buf_add(&junk, p, m > 40 ? 40 : m);
            }
            continue;
        }
        rc = yt_add_text(r.group[r.ngroup - 1], p, m);
        if (rc != TC_OK)
            break;
    }
    if (got < 0)
        rc = got;
    if (rc == TC_OK)
        rc = yt_flush(&r, TC_TIME_NONE);
    if (rc == TC_OK && !seen && njunk > 0) {
        tc_diagf(r.ctx, TC_D_FORMAT_UNKNOWN, junk_line, 1,
                 "no transcript line found, neither YouTube's '0:02 text' "
                 "nor Whisper's '[00:00.000 --> 00:02.000] text', and text "
                 "without times cannot be read; name the format with --from "
                 "(see --list-formats)");
        rc = TC_ERR_UNKNOWN_FORMAT;
    }
    if (rc == TC_OK)
        rc = tc_repeat_end(r.ctx, &r.rp_empty, NULL);
    if (rc == TC_OK)
        rc = tc_repeat_end(r.ctx, &r.rp_order, NULL);
    for (i = 0; i < r.ngroup; i++)
        tc_cue_free(r.group[i]);
    tc_buf_release(&junk);
    return rc;
}

/* ---- probe --------------------------------------------------------------- */

/* The first non-blank line begins with a timestamp (or the first after
 * at most YT_TITLE_LINES title lines, as transcript tools copy them), and
 * so do at least a third of the lines from there (after a title: half,
 * and at least YT_TITLE_STAMPS).  Prose that happens to begin with
 * "10:30 " fails the second test.  A title is plain text: not a line
 * another format starts with or needs. */
#define YT_TITLE_LINES 2
#define YT_TITLE_STAMPS 3

static int
yt_title_line(const char *p, size_t n)
{
    size_t i;

    if (n >= 6 && memcmp(p, "WEBVTT", 6) == 0)
        return 0;
    if (*p == '<' || *p == '[' || *p == '{')
        return 0;
    for (i = 0; i + 2 < n; i++)
        if (p[i] == '-' && p[i + 1] == '-' && p[i + 2] == '>')
            return 0;
    return 1;
}

static int
yt_probe(const unsigned char *head, size_t len)
{
    const char *p = (const char *)head, *e = p + len;
    int lines = 0, stamped = 0, title = 0;

    if (len >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        p += 3;
    while (p < e && lines < 16) {
        const char *nl = memchr(p, '\n', (size_t)(e - p)), *q = p, *rest;
        size_t n = nl ? (size_t)(nl - p) : (size_t)(e - p);
        int64_t ms;
        unsigned col;

        if (nl == NULL && lines + title > 0)
            break;             /* a line cut by the end of the head */
        tc_trim(&q, &n);
        if (n > 0 && q[n - 1] == '\r')
            n--;
        if (n > 0) {
            int t = yt_time(q, n, &ms, &rest, &col);

            if (lines == 0 && t != TC_OK) {
                if (++title > YT_TITLE_LINES || !yt_title_line(q, n))
                    return TC_PROBE_NO;
            } else {
                if (t == TC_OK)
                    stamped++;
                lines++;
            }
        }
        if (nl == NULL)
            break;
        p = nl + 1;
    }
    if (stamped == 0 || stamped * (title > 0 ? 2 : 3) < lines ||
        (title > 0 && stamped < YT_TITLE_STAMPS))
        return TC_PROBE_NO;
    return title > 0 ? TC_PROBE_LIKELY : TC_PROBE_LIKELY + 10;
}

/* ---- the writer ---------------------------------------------------------- */

static int
yt_cue(struct tc_wr *w, const struct tc_cue *c)
{
    int64_t s = c->start < 0 ? 0 : c->start / 1000;

    if (s < 3600)
        tc_sink_printf(w->sink, "%d:%02d ", (int)(s / 60), (int)(s % 60));
    else
        tc_sink_printf(w->sink, "%lld:%02d:%02d ", (long long)(s / 3600),
                       (int)(s / 60 % 60), (int)(s % 60));
    tc_sink_plain(w->sink, &c->text, ' ');
    tc_sink_putc(w->sink, '\n');
    return TC_OK;
}

/* "M:SS" alone would take the next line as its text */
static const struct tc_wr_hooks yt_writer = {
    .size = sizeof (struct tc_wr),
    .blank = "a YouTube transcript cannot hold a cue without text",
    .cue = yt_cue,
};

static const struct tc_optdef yt_option_rows[] = {
    { { "youtube-cps", "15", "youtube reader: characters per second that "
                             "estimate a fragment's length" }, "number" },
    { { "youtube-min-duration", "1s", "youtube reader: shortest estimated "
                                      "fragment" }, "duration" },
    { { "youtube-max-duration", "6s", "youtube reader: longest estimated "
                                      "fragment; a longer gap is a pause" },
      "duration" },
    { { NULL, NULL, NULL }, NULL }
};

const struct tc_format tc_format_youtube = {
    .name       = "youtube",
    .desc       = "YouTube transcript, M:SS text",
    .extensions = "txt",
    .probe      = yt_probe,
    .read       = yt_read,
    .writer     = &yt_writer,
    .options    = yt_option_rows,
};
