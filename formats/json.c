/* formats/json.c -- the JSON that speech recognisers write, with a time
 * for every word:
 *   Whisper    {"text", "segments": [{"start", "end", "text", "words":
 *              [{"word", "start", "end", "probability"}]}], "language"}
 *              (seconds as numbers; "word" begins with its space)
 *   WhisperX   the same segments, words without the space, a "speaker"
 *              on segments and words, "score" for "probability"
 *   whisper.cpp -oj / -ojf: {"result": {"language"}, "transcription":
 *              [{"timestamps": {"from", "to"}, "offsets": {"from", "to"},
 *              "text", "speaker", "tokens": [{"text", "offsets", ...}]}]}
 *              (offsets in milliseconds; tokens are pieces of words)
 * and a bare list of segments.  There is no specification; the tools'
 * output is the reference (tests/golden/json/).
 *
 * Reading streams through yajl's event parser: a segment becomes a cue
 * when its object closes, so memory holds one segment, never the
 * document.  The segment's text is the cue's text; each word is found in
 * it and its start becomes an inline timestamp (struct tc_run.time),
 * which merge and wrap use to cut at the time the word is said.  yajl
 * keeps a whole string in memory while it reads it, so strings are cut
 * at TC_TEXT_MAX_BYTES before yajl sees them (Whisper's top-level "text",
 * the whole transcript, is never needed).  A language named after the
 * segments (Whisper writes it last) is looked for at the end of a file
 * before reading, so that the track can announce it.
 *
 * The writer writes Whisper's shape: "language", "segments" with "words"
 * where the cue has inline timestamps (a word ends where the next one
 * begins), and the whole "text" at the end.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "json.h"

/* ---- probe ------------------------------------------------------------- */

int
tc_json_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* An object or a list first; one of the keys the recognisers write makes
 * it likely, anything else leaves it to the file name. */
static int
js_probe(const unsigned char *p, size_t n)
{
    static const char *const keys[] = {
        "\"segments\"", "\"transcription\"", "\"systeminfo\"",
        "\"word_segments\"",
    };
    const unsigned char *q;
    size_t i = 0, k;

    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        i = 3;
    while (i < n && tc_json_space(p[i]))
        i++;
    if (i == n || (p[i] != '{' && p[i] != '['))
        return TC_PROBE_NO;
    /* every key begins with a quote: look only where one is */
    for (q = memchr(p + i, '"', n - i); q != NULL;
         q = memchr(q + 1, '"', n - (size_t)(q + 1 - p)))
        for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
            size_t kl = strlen(keys[k]);

            if (kl <= n - (size_t)(q - p) && memcmp(q, keys[k], kl) == 0)
                return TC_PROBE_CERTAIN - 10;
        }
    /* Whisper begins with the whole text, which may fill the head */
    if (p[i] == '{') {
        size_t j = i + 1;

        while (j < n && tc_json_space(p[j]))
            j++;
        if (n - j >= 7 && memcmp(p + j, "\"text\"", 6) == 0)
            return TC_PROBE_LIKELY + 10;
    }
    return TC_PROBE_LIKELY - 20;
}

/* ---- the writer -------------------------------------------------------- */

struct js_writer {
    struct tc_wr wr;
    unsigned long n;            /* segments written */
    struct tc_buf all;          /* the whole text, written at the end */
    struct tc_buf seg;          /* one cue's text, lines joined */
    struct tc_buf word;         /* one word */
    int noted_style, noted_place;
};

static void
js_string(struct tc_sink *s, const char *p, size_t n)
{
    size_t i, run = 0;

    tc_sink_putc(s, '"');
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];

        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        tc_sink_write(s, p + run, i - run);
        run = i + 1;
        if (c == '"' || c == '\\') {
            tc_sink_putc(s, '\\');
            tc_sink_putc(s, (char)c);
        } else if (c == '\n') {
            tc_sink_puts(s, "\\n");
        } else if (c == '\t') {
            tc_sink_puts(s, "\\t");
        } else {
            tc_sink_printf(s, "\\u%04x", c);
        }
    }
    tc_sink_write(s, p + run, n - run);
    tc_sink_putc(s, '"');
}

/* Seconds with up to three decimals, at least one: 2.5, 0.0, 61.042. */
static void
js_seconds(struct tc_sink *s, int64_t ms)
{
    char frac[4];
    int k = 3;

    if (ms < 0)
        ms = 0;
    frac[0] = (char)('0' + ms % 1000 / 100);
    frac[1] = (char)('0' + ms % 100 / 10);
    frac[2] = (char)('0' + ms % 10);
    while (k > 1 && frac[k - 1] == '0')
        k--;
    tc_sink_printf(s, "%lld.%.*s", (long long)(ms / 1000), k, frac);
}

static int
js_track(struct tc_wr *wr, const struct tc_track *t)
{
    struct js_writer *w = (struct js_writer *)wr;

    tc_sink_putc(w->wr.sink, '{');
    if (t->lang != NULL && t->lang[0] != '\0') {
        tc_sink_puts(w->wr.sink, "\"language\": ");
        js_string(w->wr.sink, t->lang, strlen(t->lang));
        tc_sink_puts(w->wr.sink, ", ");
    }
    tc_sink_puts(w->wr.sink, "\"segments\": [");
    w->n = 1;                   /* the header is out */
    return tc_sink_status(w->wr.sink);
}

/* A cue's text as one line: line breaks become spaces, ruby text goes. */
static void
js_flat(struct tc_buf *b, const struct tc_text *t, size_t from, size_t to)
{
    size_t i;

    for (i = from; i < to; i++) {
        const struct tc_run *r = &t->runs[i];
        const char *p = t->pool + r->off;
        size_t j;

        if (r->style & TC_STYLE_RT)
            continue;
        for (j = 0; j < r->len; j++)
            tc_buf_addc(b, p[j] == '\n' ? ' ' : p[j]);
    }
}

/* "words": the pieces of text between inline timestamps, each with the
 * time it begins.  A space between two pieces begins the second, as
 * Whisper writes " word", so that the words put together are the text. */
static void
js_words(struct js_writer *w, const struct tc_cue *c, const char *voice)
{
    const struct tc_text *t = &c->text;
    size_t i = 0, j;
    int first = 1, space = 0;

    tc_sink_puts(w->wr.sink, ", \"words\": [");
    while (i < t->nruns) {
        int64_t at = t->runs[i].time != TC_TIME_NONE ? t->runs[i].time
                                                      : c->start;
        int64_t end = c->end;
        const char *v = tc_text_str(t, t->runs[i].voice);
        const char *p;
        size_t len, lead = 0;

        for (j = i + 1; j < t->nruns && t->runs[j].time == TC_TIME_NONE; j++)
            ;
        if (j < t->nruns)
            end = t->runs[j].time;
        tc_buf_clear(&w->seg);
        js_flat(&w->seg, t, i, j);
        p = w->seg.data;
        len = w->seg.len;
        while (lead < len && p[lead] == ' ')
            lead++;
        if (lead > 0)
            space = 1;
        p += lead;
        len -= lead;
        if (len > 0) {
            size_t keep = len;

            while (keep > 0 && p[keep - 1] == ' ')
                keep--;
            tc_buf_clear(&w->word);
            if (space && !first)
                tc_buf_addc(&w->word, ' ');
            tc_buf_add(&w->word, p, keep);
            tc_sink_puts(w->wr.sink, first ? "{\"word\": " : ", {\"word\": ");
            js_string(w->wr.sink, w->word.data, w->word.len);
            tc_sink_puts(w->wr.sink, ", \"start\": ");
            js_seconds(w->wr.sink, at);
            tc_sink_puts(w->wr.sink, ", \"end\": ");
            js_seconds(w->wr.sink, end < at ? at : end);
            if (v != NULL && (voice == NULL || strcmp(v, voice) != 0)) {
                tc_sink_puts(w->wr.sink, ", \"speaker\": ");
                js_string(w->wr.sink, v, strlen(v));
            }
            tc_sink_putc(w->wr.sink, '}');
            first = 0;
            space = keep < len;
        }
        i = j;
    }
    tc_sink_putc(w->wr.sink, ']');
}

static int
js_cue(struct tc_wr *wr, const struct tc_cue *c)
{
    struct js_writer *w = (struct js_writer *)wr;
    const char *voice = NULL;
    size_t i;
    int timed = 0;

    if (w->n == 0 && (js_track(wr, &(struct tc_track){ 0 }) != TC_OK))
        return TC_OK;
    for (i = 0; i < c->text.nruns; i++) {
        const struct tc_run *r = &c->text.runs[i];

        if (r->time != TC_TIME_NONE)
            timed = 1;
        if (voice == NULL && r->voice != 0)
            voice = tc_text_str(&c->text, r->voice);
        if ((r->style & ~(unsigned)TC_STYLE_RUBY) != 0 &&
            !w->noted_style++)
            tc_diagf(wr->ctx, TC_D_IGNORED, c->line, 0, "JSON transcripts "
                     "have no italics, bold, underline or colour");
    }
    if ((c->place.vpos != TC_VPOS_AUTO || c->place.align != TC_ALIGN_AUTO ||
         c->region != NULL) && !w->noted_place++)
        tc_diagf(wr->ctx, TC_D_IGNORED, c->line, 0,
                 "JSON transcripts have no placement");
    tc_buf_clear(&w->seg);
    js_flat(&w->seg, &c->text, 0, c->text.nruns);
    tc_sink_puts(w->wr.sink, w->n > 1 ? ",\n" : "\n");
    tc_sink_printf(w->wr.sink, "{\"id\": %lu, \"start\": ", w->n - 1);
    js_seconds(w->wr.sink, c->start);
    tc_sink_puts(w->wr.sink, ", \"end\": ");
    js_seconds(w->wr.sink, c->end);
    tc_sink_puts(w->wr.sink, ", \"text\": ");
    js_string(w->wr.sink, w->seg.data, w->seg.len);
    if (w->seg.len > 0) {
        if (w->all.len > 0)
            tc_buf_addc(&w->all, ' ');
        tc_buf_add(&w->all, w->seg.data, w->seg.len);
    }
    if (voice != NULL) {
        tc_sink_puts(w->wr.sink, ", \"speaker\": ");
        js_string(w->wr.sink, voice, strlen(voice));
    }
    if (timed)
        js_words(w, c, voice);
    tc_sink_putc(w->wr.sink, '}');
    w->n++;
    return tc_buf_status(&w->all);
}

static int
js_end(struct tc_wr *wr)
{
    struct js_writer *w = (struct js_writer *)wr;

    if (w->n == 0)
        js_track(wr, &(struct tc_track){ 0 });
    tc_sink_puts(w->wr.sink, w->n > 1 ? "\n], \"text\": " : "], \"text\": ");
    js_string(w->wr.sink, w->all.data, w->all.len);
    tc_sink_puts(w->wr.sink, "}\n");
    return tc_sink_status(w->wr.sink);
}

static void
js_close(struct tc_wr *wr)
{
    struct js_writer *w = (struct js_writer *)wr;

    tc_buf_release(&w->all);
    tc_buf_release(&w->seg);
    tc_buf_release(&w->word);
}

static int
js_open(struct tc_wr *wr)
{
    struct js_writer *w = (struct js_writer *)wr;

    tc_buf_init(&w->all, 0);
    tc_buf_init(&w->seg, 0);
    tc_buf_init(&w->word, 0);
    return TC_OK;
}

/* A cue without text is a segment with empty text: a transcript keeps
 * its silent segments. */
static const struct tc_wr_hooks js_writer = {
    .size = sizeof (struct js_writer),
    .open = js_open,
    .track = js_track,
    .cue = js_cue,
    .end = js_end,
    .close = js_close,
};

#ifndef HAVE_YAJL
/* Built without yajl: a JSON transcript, named or detected, gets this. */
static int
js_no_read(struct tc_source *src, struct tc_stage *next)
{
    (void)next;
    tc_diagf(tc_source_ctx(src), TC_D_CANNOT_READ, 0, 0, "json: this "
             "transcue was built without yajl (Debian: libyajl-dev), which "
             "reading JSON transcripts needs; it can write them");
    return TC_ERR_UNSUPPORTED;
}
#endif

const struct tc_format tc_format_json = {
    .name       = "json",
    .desc       = "speech-recogniser JSON (Whisper, WhisperX, whisper.cpp)",
    .extensions = "json",
    .probe      = js_probe,
#ifdef HAVE_YAJL
    .read       = tc_json_read,
#else
    .read       = js_no_read,
    .read_missing = 1,
#endif
    .writer     = &js_writer,
    .keeps_short = 1,           /* a transcript's zero-length segments */
};
