/* formats/json_read.c -- the reader of the json format (see json.c for
 * the shapes it reads): yajl's event parser, fed in blocks, so that memory
 * holds one segment, never the document.
 */
#include "config.h"

#ifdef HAVE_YAJL

#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "format.h"
#include "json.h"

#define JS_MAX_DEPTH  64        /* nesting a transcript never needs */
#define JS_MAX_TOKEN  256       /* a number or literal longer is junk */
#define JS_MAX_WORDS  65536     /* words kept for one segment */


/* Where the parser is: each open object or list has a role. */
enum js_role {
    JR_SKIP, JR_ROOT, JR_SEGS, JR_SEG, JR_WORDS, JR_WORD, JR_TIMES,
    JR_RESULT
};

/* The keys that mean something; others are skipped. */
enum js_key {
    JK_OTHER, JK_TEXT, JK_WORD, JK_START, JK_END, JK_SEGMENTS,
    JK_TRANSCRIPTION, JK_WORDS, JK_TOKENS, JK_SPEAKER, JK_LANGUAGE,
    JK_TIMESTAMPS, JK_OFFSETS, JK_FROM, JK_TO, JK_RESULT, JK_WORDLIST
};

static const struct {
    const char *name;
    enum js_key key;
} js_keys[] = {
    { "text", JK_TEXT }, { "word", JK_WORD }, { "start", JK_START },
    { "end", JK_END }, { "segments", JK_SEGMENTS },
    { "transcription", JK_TRANSCRIPTION }, { "words", JK_WORDS },
    { "tokens", JK_TOKENS }, { "speaker", JK_SPEAKER },
    { "language", JK_LANGUAGE }, { "timestamps", JK_TIMESTAMPS },
    { "offsets", JK_OFFSETS }, { "from", JK_FROM }, { "to", JK_TO },
    { "result", JK_RESULT }, { "word_segments", JK_WORDLIST },
};

struct js_frame {
    unsigned char role;
    unsigned char key;          /* the key of the value being read */
    unsigned char offsets;      /* JR_TIMES: "offsets" (ms), not strings */
};

/* One word of a segment: its text in the segment's word pool. */
struct js_word {
    size_t off, len;
    size_t voice;               /* offset in the pool + 1, 0 = none */
    int64_t start;
};

struct js_seg {
    int64_t start, end;         /* seconds or offsets; TC_TIME_NONE */
    int64_t ts_start, ts_end;   /* "timestamps" strings, as a fallback */
    struct tc_buf text, voice, pool;
    int has_text;
    int too_long;               /* a string of it was cut */
    int bad_time;               /* a time that cannot be read */
    struct js_word *w;
    size_t nw, wcap;
    unsigned long lost_words;   /* beyond JS_MAX_WORDS */
    unsigned long line;
    /* the word being read */
    int in_word, tokens;
    size_t wtext_off, wtext_len, wvoice;
    int has_wtext, has_wvoice;
    int64_t wstart;
};

enum { RP_EMPTY, RP_WTIME, RP_WLOST, RP_NOSTART, RP_BYTES, RP_CUT,
       RP__N };

struct js_reader {
    struct tc_ctx *ctx;
    struct tc_stage *next;
    yajl_handle h;
    int rc;                     /* why a callback stopped the parser */
    struct js_frame fr[JS_MAX_DEPTH];
    size_t depth;
    struct js_seg seg;
    char lang[32];              /* the language the document names */
    char told[32];              /* the one announced in the track */
    int tracked, found_segs, noted_list;
    unsigned long nsegs;
    /* the pre-filter between the source and yajl */
    int in_str, esc, hex, cutting, cut_pending;
    size_t slen, tok;
    /* positions: the end of the chunk being read, the start of the
     * piece of it given to yajl, and how far lines have been counted */
    const char *chunk_end, *fed, *counted;
    unsigned long line;
    size_t col;                 /* bytes of the current line before
                                   counted */
    struct tc_buf str;          /* a string after repair */
    struct tc_repeat rp[RP__N];
};

static const char *const js_rp_what[RP__N] = {
    NULL, "word times", "words past the limit", NULL, NULL, NULL,
};

/* The line (and column) of pos, a place in the chunk being read: lines
 * are counted up to it, never back. */
static unsigned long
js_line_at(struct js_reader *r, const char *pos, unsigned *col)
{
    if (pos == NULL || pos > r->chunk_end)
        pos = r->chunk_end;
    while (r->counted < pos) {
        if (*r->counted == '\n') {
            r->line++;
            r->col = 0;
        } else {
            r->col++;
        }
        r->counted++;
    }
    if (col != NULL)
        *col = (unsigned)(r->col > 0 ? r->col : 1);
    return r->line;
}

/* The parser's position, in a callback or just after yajl_parse()
 * returned: what it has consumed of the piece it was given. */
static unsigned long
js_line(struct js_reader *r, unsigned *col)
{
    if (r->fed == NULL)
        return js_line_at(r, NULL, col);
    return js_line_at(r, r->fed + yajl_get_bytes_consumed(r->h), col);
}

static int
js_stop(struct js_reader *r, int rc)
{
    r->rc = rc;
    return 0;
}

/* A string as yajl gives it (escapes decoded, not checked): NUL and,
 * when check, invalid UTF-8 become U+FFFD; CR LF and CR a line break,
 * tab a space.  Words are not checked: whisper.cpp cuts a character
 * between two tokens, which are put together again (js_word_end). */
static int
js_clean(struct js_reader *r, const unsigned char *s, size_t n, int check)
{
    size_t i = 0;
    int bad = 0;

    tc_buf_clear(&r->str);
    while (i < n) {
        size_t ok = check ? tc_utf8_valid((const char *)s + i, n - i)
                          : n - i, k;

        for (k = i; k < i + ok; k++) {
            char c = (char)s[k];

            if (c == '\0') {
                tc_buf_add(&r->str, "\xEF\xBF\xBD", 3);
            } else if (c == '\r') {
                if (k + 1 >= n || s[k + 1] != '\n')
                    tc_buf_addc(&r->str, '\n');
            } else {
                tc_buf_addc(&r->str, c == '\t' ? ' ' : c);
            }
        }
        i += ok;
        if (i < n) {
            tc_buf_add(&r->str, "\xEF\xBF\xBD", 3);
            bad = 1;
            i++;
        }
    }
    if (bad) {
        int rc = tc_repeatf(r->ctx, &r->rp[RP_BYTES], TC_D_BAD_BYTE,
                            js_line(r, NULL), 0, "JSON text is not UTF-8: "
                            "U+FFFD put in place of the bad bytes");

        if (rc != TC_OK)
            return rc;
    }
    return tc_buf_status(&r->str);
}

/* "1.28", "2e1", "1500": a JSON number times scale (1000 for seconds, 1
 * for milliseconds), rounded to a whole millisecond, without strtod()
 * and its locale.  TC_ERR_SYNTAX for a negative or absurd time. */
int
tc_json_ms(const char *s, size_t n, int scale3, int64_t *out)
{
    char dig[24];
    size_t nd = 0, i = 0;
    long point = -1, exp = 0, p;
    int64_t v = 0;
    int round_up = 0, eneg = 0;

    if (n > 0 && s[0] == '-') {
        /* "-0.0" is zero; anything else before the start is refused */
        for (i = 1; i < n && (s[i] == '0' || s[i] == '.'); i++)
            ;
        if (i < n && s[i] != 'e' && s[i] != 'E')
            return TC_ERR_SYNTAX;
        *out = 0;
        return TC_OK;
    }
    for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'); i++) {
        if (s[i] == '.') {
            point = (long)nd;
        } else if (nd < sizeof dig) {
            dig[nd++] = s[i];
        } else if (point < 0) {
            return TC_ERR_SYNTAX;       /* too many digits before '.' */
        }
    }
    if (point < 0)
        point = (long)nd;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            if (exp < 100000)
                exp = exp * 10 + (s[i] - '0');
        if (eneg)
            exp = -exp;
    }
    /* the whole part ends at point + exp + scale digits */
    p = point + exp + (scale3 ? 3 : 0);
    if (p > 15)
        return TC_ERR_SYNTAX;
    for (i = 0; (long)i < p; i++)
        v = v * 10 + (i < nd ? dig[i] - '0' : 0);
    if (p >= 0 && (size_t)p < nd)
        round_up = dig[p] >= '5';
    *out = v + round_up;
    return TC_OK;
}

/* "00:01:02,500" (whisper.cpp's "timestamps"). */
static int
js_clock(const unsigned char *s, size_t n, int64_t *out)
{
    struct tc_scan sc;
    unsigned long h, m, sec, frac;

    tc_scan_init(&sc, (const char *)s, n);
    if (tc_scan_digits(&sc, 1, 9, &h) || tc_scan_char(&sc, ':') ||
        tc_scan_digits(&sc, 2, 2, &m) || tc_scan_char(&sc, ':') ||
        tc_scan_digits(&sc, 2, 2, &sec) || tc_scan_oneof(&sc, ",.") ||
        tc_scan_digits(&sc, 3, 3, &frac) || !tc_scan_eof(&sc) || m > 59 ||
        sec > 59 || h > 1000000)
        return TC_ERR_SYNTAX;
    *out = (((int64_t)h * 60 + (int64_t)m) * 60 + (int64_t)sec) * 1000 +
           (int64_t)frac;
    return TC_OK;
}

/* ---- a segment into a cue ------------------------------------------------ */

static void
js_seg_reset(struct js_seg *g)
{
    g->start = g->end = g->ts_start = g->ts_end = TC_TIME_NONE;
    tc_buf_clear(&g->text);
    tc_buf_clear(&g->voice);
    tc_buf_clear(&g->pool);
    g->has_text = g->too_long = g->bad_time = 0;
    g->nw = 0;
    g->lost_words = 0;
    g->in_word = 0;
}

/* Is a whisper.cpp token a special one: "[_BEG_]", "[_TT_150]",
 * "<|endoftext|>"? */
static int
js_special(const char *p, size_t n)
{
    return n >= 3 && ((p[0] == '[' && p[1] == '_' && p[n - 1] == ']') ||
                      (p[0] == '<' && p[1] == '|' && p[n - 1] == '>'));
}

static int
js_is_space(char c)
{
    return c == ' ' || c == '\n';
}

/* The closing word: a word of its own, or (tokens) the rest of the word
 * before it when it does not begin with a space. */
static int
js_word_end(struct js_reader *r)
{
    struct js_seg *g = &r->seg;
    const char *p = g->pool.data + g->wtext_off;
    size_t n = g->wtext_len;

    g->in_word = 0;
    if (!g->has_wtext || n == 0)
        return TC_OK;
    if (g->tokens && js_special(p, n))
        return TC_OK;
    if (g->tokens && g->nw > 0 && !js_is_space(p[0])) {
        struct js_word *last = &g->w[g->nw - 1];

        /* the token's text is the last thing in the pool */
        if (last->off + last->len == g->wtext_off)
            last->len += n;
        return TC_OK;
    }
    if (g->nw == JS_MAX_WORDS) {
        g->lost_words++;
        return TC_OK;
    }
    if (g->nw == g->wcap) {
        size_t ncap = g->wcap ? g->wcap * 2 : 32;
        struct js_word *nw = realloc(g->w, ncap * sizeof *nw);

        if (nw == NULL)
            return TC_ERR_NOMEM;
        g->w = nw;
        g->wcap = ncap;
    }
    g->w[g->nw].off = g->wtext_off;
    g->w[g->nw].len = n;
    g->w[g->nw].voice = g->has_wvoice ? g->wvoice + 1 : 0;
    g->w[g->nw].start = g->wstart;
    g->nw++;
    return TC_OK;
}

/* Append text[from, to) with a time and a voice. */
static int
js_piece(struct tc_cue *c, const char *s, size_t n, int64_t time,
         const char *voice)
{
    struct tc_style st;

    memset(&st, 0, sizeof st);
    st.time = time;
    st.voice = voice;
    if (n == 0 && time == TC_TIME_NONE)
        return TC_OK;
    return tc_text_append(&c->text, s, n, &st);
}

/* The words as the text, when the segment has none: tokens and words
 * that begin with their space are put together as they are, others
 * (WhisperX) joined with a space. */
static int
js_text_from_words(struct js_reader *r)
{
    struct js_seg *g = &r->seg;
    size_t i;
    int rc;

    for (i = 0; i < g->nw; i++) {
        const char *p = g->pool.data + g->w[i].off;

        if (i > 0 && !g->tokens && !js_is_space(p[0]))
            tc_buf_addc(&g->text, ' ');
        tc_buf_add(&g->text, p, g->w[i].len);
    }
    if ((rc = tc_buf_status(&g->text)) != TC_OK ||
        (rc = js_clean(r, (const unsigned char *)g->text.data, g->text.len,
                       1)) != TC_OK)
        return rc;
    tc_buf_clear(&g->text);
    tc_buf_add(&g->text, r->str.data, r->str.len);
    return tc_buf_status(&g->text);
}

/* The cue's runs: the text cut where each word is found in it, each
 * piece with its word's start.  A word not found, or whose time is
 * outside the segment or before the word before it, gives no time. */
static int
js_runs(struct js_reader *r, struct tc_cue *c)
{
    struct js_seg *g = &r->seg;
    const char *t = g->text.data, *te = t + g->text.len, *cur = t;
    const char *from = t;           /* where the next word is looked for */
    const char *segvoice = g->voice.len > 0 ? g->voice.data : NULL;
    const char *pvoice = segvoice;
    int64_t ptime = TC_TIME_NONE, last = c->start;
    unsigned long dropped = 0;
    size_t i;
    int rc;

    for (i = 0; i < g->nw; i++) {
        const char *w = g->pool.data + g->w[i].off, *at;
        size_t wn = g->w[i].len;
        int64_t time = g->w[i].start;

        while (wn > 0 && js_is_space(*w)) {
            w++;
            wn--;
        }
        while (wn > 0 && js_is_space(w[wn - 1]))
            wn--;
        if (wn == 0)
            continue;
        at = memmem(from, (size_t)(te - from), w, wn);
        if (at == NULL) {
            dropped++;
            continue;
        }
        from = at + wn;
        if (time == last) {
            /* said with the word before, or as the segment begins: a
             * time there marks nothing (and WebVTT refuses it) */
            time = TC_TIME_NONE;
        } else if (time != TC_TIME_NONE &&
                   (time < last ||
                    (c->end != TC_TIME_NONE && time >= c->end))) {
            dropped++;
            time = TC_TIME_NONE;
        }
        if (at > cur || ptime != TC_TIME_NONE || i == 0) {
            rc = js_piece(c, cur, (size_t)(at - cur), ptime, pvoice);
            if (rc != TC_OK)
                return rc;
            cur = at;
            ptime = time;
            /* a word without a speaker (WhisperX's unaligned numbers)
             * is said by whoever said the word before */
            if (g->w[i].voice)
                pvoice = g->pool.data + g->w[i].voice - 1;
        }
        if (time != TC_TIME_NONE)
            last = time;
    }
    rc = js_piece(c, cur, (size_t)(te - cur), ptime, pvoice);
    if (rc == TC_OK && dropped > 0)
        rc = tc_repeatf(r->ctx, &r->rp[RP_WTIME], TC_D_IGNORED, c->line, 0,
                        "%lu word time%s not used: the word is not in the "
                        "segment's text, or its time is outside the "
                        "segment or before the word before it", dropped,
                        dropped == 1 ? "" : "s");
    return rc;
}

static int
js_track_out(struct js_reader *r)
{
    struct tc_track t;

    if (r->tracked)
        return TC_OK;
    r->tracked = 1;
    memset(&t, 0, sizeof t);
    if (r->lang[0] != '\0') {
        memcpy(r->told, r->lang, sizeof r->told);
        t.lang = r->told;
    }
    return tc_stage_track(r->next, &t);
}

static int
js_seg_end(struct js_reader *r)
{
    struct js_seg *g = &r->seg;
    struct tc_cue *c;
    int rc;

    r->nsegs++;
    if ((rc = js_track_out(r)) != TC_OK)
        return rc;
    if (g->start == TC_TIME_NONE)
        g->start = g->ts_start;
    if (g->end == TC_TIME_NONE)
        g->end = g->ts_end;
    if (g->too_long || tc_buf_status(&g->pool) != TC_OK ||
        tc_buf_status(&g->voice) != TC_OK)
        return tc_skiprf(r->ctx, &r->rp[RP_CUT], TC_D_LIMIT, g->line, 0,
                         "segment text longer than %u bytes",
                         TC_TEXT_MAX_BYTES);
    if (g->bad_time || g->start == TC_TIME_NONE)
        return tc_skiprf(r->ctx, &r->rp[RP_NOSTART], TC_D_TIME_BAD, g->line,
                         0, g->bad_time ? "a segment's time is not a time "
                         "in seconds (or milliseconds in \"offsets\")"
                         : "a segment without a start time");
    if (g->lost_words > 0 &&
        (rc = tc_repeatf(r->ctx, &r->rp[RP_WLOST], TC_D_LIMIT, g->line, 0,
                         "more than %d words in one segment: the times of "
                         "%lu not used", JS_MAX_WORDS, g->lost_words)))
        return rc;
    if ((!g->has_text || tc_is_blank_line(g->text.data, g->text.len)) &&
        g->nw > 0) {
        tc_buf_clear(&g->text);
        if ((rc = js_text_from_words(r)) != TC_OK)
            return rc;
    }
    c = tc_cue_new(r->ctx);
    if (c == NULL)
        return TC_ERR_NOMEM;
    c->start = g->start;
    c->end = g->end;
    c->line = g->line;
    rc = js_runs(r, c);
    if (rc == TC_OK) {
        tc_text_trim(&c->text);
        if (tc_text_is_blank(&c->text))
            rc = tc_repeatf(r->ctx, &r->rp[RP_EMPTY], TC_D_EMPTY_CUE,
                            c->line, 0, NULL);
    }
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    return tc_stage_push(r->next, c);
}

/* ---- yajl's events ---------------------------------------------------- */

static struct js_frame *
js_top(struct js_reader *r)
{
    return r->depth > 0 ? &r->fr[r->depth - 1] : NULL;
}

static int
js_open(struct js_reader *r, int map)
{
    struct js_frame *up = js_top(r), *f;
    unsigned char role = JR_SKIP, offsets = 0;
    unsigned key = up != NULL ? up->key : JK_OTHER;

    if (r->depth == JS_MAX_DEPTH) {
        unsigned col;
        unsigned long line = js_line(r, &col);

        tc_diagf(r->ctx, TC_D_LIMIT, line, col, "JSON nested deeper than "
                 "%d levels", JS_MAX_DEPTH);
        return js_stop(r, TC_ERR_LIMIT);
    }
    if (up == NULL) {
        role = map ? JR_ROOT : JR_SEGS;
    } else if (map) {
        if (up->role == JR_SEGS) {
            role = JR_SEG;
        } else if (up->role == JR_ROOT && key == JK_RESULT) {
            role = JR_RESULT;
        } else if (up->role == JR_WORDS) {
            role = JR_WORD;
        } else if ((up->role == JR_SEG || up->role == JR_WORD) &&
                   (key == JK_TIMESTAMPS || key == JK_OFFSETS)) {
            role = JR_TIMES;
            offsets = key == JK_OFFSETS;
        }
    } else if (up->role == JR_ROOT &&
               (key == JK_SEGMENTS || key == JK_TRANSCRIPTION)) {
        role = JR_SEGS;
    } else if (up->role == JR_SEG && (key == JK_WORDS || key == JK_TOKENS)) {
        role = JR_WORDS;
    } else if (up->role == JR_ROOT && (key == JK_WORDLIST ||
                                       key == JK_WORDS) && !r->noted_list) {
        r->noted_list = 1;
        tc_diagf(r->ctx, TC_D_IGNORED, js_line(r, NULL), 0, "the list of "
                 "words outside the segments: word times are read from "
                 "each segment's own \"words\"");
    }
    if (role == JR_SEGS)
        r->found_segs = 1;
    if (role == JR_SEG) {
        js_seg_reset(&r->seg);
        r->seg.line = js_line(r, NULL);
    } else if (role == JR_WORD) {
        /* whisper.cpp's "tokens" are objects, pieces of words; Whisper's
         * are numbers, which make no JR_WORD */
        r->seg.tokens = r->depth >= 2 && r->fr[r->depth - 2].key == JK_TOKENS;
        r->seg.in_word = 1;
        r->seg.has_wtext = r->seg.has_wvoice = 0;
        r->seg.wstart = TC_TIME_NONE;
    }
    f = &r->fr[r->depth++];
    f->role = role;
    f->key = JK_OTHER;
    f->offsets = offsets;
    return 1;
}

static int
js_close(struct js_reader *r)
{
    struct js_frame *f = js_top(r);
    int rc = TC_OK;

    if (f == NULL)
        return 1;
    if (f->role == JR_SEG)
        rc = js_seg_end(r);
    else if (f->role == JR_WORD)
        rc = js_word_end(r);
    r->depth--;
    if (r->depth > 0)
        r->fr[r->depth - 1].key = JK_OTHER;
    return rc == TC_OK ? 1 : js_stop(r, rc);
}

static int
cb_start_map(void *ud)
{
    return js_open(ud, 1);
}

static int
cb_start_array(void *ud)
{
    return js_open(ud, 0);
}

static int
cb_end(void *ud)
{
    return js_close(ud);
}

static int
cb_key(void *ud, const unsigned char *s, size_t n)
{
    struct js_reader *r = ud;
    struct js_frame *f = js_top(r);
    size_t i;

    r->cut_pending = 0;
    if (f == NULL)
        return 1;
    f->key = JK_OTHER;
    for (i = 0; i < sizeof js_keys / sizeof js_keys[0]; i++)
        if (strlen(js_keys[i].name) == n &&
            memcmp(js_keys[i].name, s, n) == 0)
            f->key = (unsigned char)js_keys[i].key;
    return 1;
}

/* A time value for the current key: a number, or whisper.cpp's clock
 * string. */
static int
js_time_value(struct js_reader *r, const char *num, size_t n,
              const unsigned char *str, size_t sn)
{
    struct js_frame *f = js_top(r);
    struct js_seg *g = &r->seg;
    int64_t ms;
    int ok, is_start;

    if (f == NULL)
        return 1;
    if (f->role == JR_TIMES) {
        if (f->key != JK_FROM && f->key != JK_TO)
            return 1;
        is_start = f->key == JK_FROM;
        ok = num != NULL ? f->offsets && tc_json_ms(num, n, 0, &ms) == TC_OK
                         : !f->offsets && js_clock(str, sn, &ms) == TC_OK;
        if (r->depth >= 2 && r->fr[r->depth - 2].role == JR_WORD) {
            if (ok && is_start && (f->offsets ||
                                   g->wstart == TC_TIME_NONE))
                g->wstart = ms;
            return 1;
        }
        if (!ok) {
            g->bad_time = 1;
        } else if (f->offsets) {
            *(is_start ? &g->start : &g->end) = ms;
        } else {
            *(is_start ? &g->ts_start : &g->ts_end) = ms;
        }
        return 1;
    }
    if (f->key != JK_START && f->key != JK_END)
        return 1;
    ok = num != NULL && tc_json_ms(num, n, 1, &ms) == TC_OK;
    if (f->role == JR_WORD) {
        if (ok && f->key == JK_START)
            g->wstart = ms;
    } else if (f->role == JR_SEG) {
        if (!ok)
            g->bad_time = 1;
        else
            *(f->key == JK_START ? &g->start : &g->end) = ms;
    }
    return 1;
}

static int
cb_number(void *ud, const char *s, size_t n)
{
    return js_time_value(ud, s, n, NULL, 0);
}

static int
cb_string(void *ud, const unsigned char *s, size_t n)
{
    struct js_reader *r = ud;
    struct js_frame *f = js_top(r);
    struct js_seg *g = &r->seg;
    int cut = r->cut_pending, rc;

    r->cut_pending = 0;
    if (f == NULL)
        return 1;
    if (f->role == JR_TIMES)
        return js_time_value(r, NULL, 0, s, n);
    if ((f->role == JR_ROOT || f->role == JR_RESULT) &&
        f->key == JK_LANGUAGE && n < sizeof r->lang) {
        memcpy(r->lang, s, n);
        r->lang[n] = '\0';
        return 1;
    }
    if (f->role == JR_SEG && (f->key == JK_START || f->key == JK_END)) {
        g->bad_time = 1;
        return 1;
    }
    if (f->role != JR_SEG && f->role != JR_WORD)
        return 1;
    if (f->key != JK_TEXT && f->key != JK_SPEAKER &&
        !(f->role == JR_WORD && f->key == JK_WORD))
        return 1;
    if (cut)
        g->too_long = 1;
    rc = js_clean(r, s, n, f->role != JR_WORD || f->key == JK_SPEAKER);
    if (rc != TC_OK)
        return js_stop(r, rc);
    if (f->role == JR_SEG && f->key == JK_TEXT) {
        tc_buf_clear(&g->text);
        tc_buf_add(&g->text, r->str.data, r->str.len);
        g->has_text = 1;
    } else if (f->role == JR_SEG) {
        tc_buf_clear(&g->voice);
        /* whisper.cpp's "?": it could not tell */
        if (strcmp(r->str.data, "?") != 0)
            tc_buf_add(&g->voice, r->str.data, r->str.len);
    } else if (f->key == JK_SPEAKER) {
        g->wvoice = g->pool.len;
        g->has_wvoice = r->str.len > 0;
        tc_buf_add(&g->pool, r->str.data, r->str.len + 1);
    } else {
        g->wtext_off = g->pool.len;
        g->wtext_len = r->str.len;
        g->has_wtext = 1;
        tc_buf_add(&g->pool, r->str.data, r->str.len);
    }
    return 1;
}

static int
cb_scalar(void *ud)
{
    struct js_reader *r = ud;
    struct js_frame *f = js_top(r);

    /* null or a boolean where a time belongs: not a time */
    if (f != NULL && f->role == JR_SEG &&
        (f->key == JK_START || f->key == JK_END))
        r->seg.bad_time = 1;
    return 1;
}

static int
cb_bool(void *ud, int b)
{
    (void)b;
    return cb_scalar(ud);
}

static const yajl_callbacks js_callbacks = {
    .yajl_null = cb_scalar,
    .yajl_boolean = cb_bool,
    .yajl_number = cb_number,
    .yajl_string = cb_string,
    .yajl_start_map = cb_start_map,
    .yajl_map_key = cb_key,
    .yajl_end_map = cb_end,
    .yajl_start_array = cb_start_array,
    .yajl_end_array = cb_end,
};

/* ---- feeding yajl ----------------------------------------------------- */

static int
js_error(struct js_reader *r, const unsigned char *p, size_t n)
{
    unsigned char *msg = yajl_get_error(r->h, 0, p, n);
    const char *m = msg != NULL ? (const char *)msg : "not JSON";
    unsigned col;
    unsigned long line;
    size_t ml;

    if (strncmp(m, "parse error: ", 13) == 0)
        m += 13;
    ml = strcspn(m, "\n");
    while (ml > 0 && m[ml - 1] == ' ')
        ml--;
    line = js_line(r, &col);
    tc_diagf(r->ctx, TC_D_JSON, line, col, "%.*s; the rest of the input "
             "is not read", (int)ml, m);
    if (msg != NULL)
        yajl_free_error(r->h, msg);
    return TC_ERR_SYNTAX;
}

static int
js_feed(struct js_reader *r, const char *p, size_t n)
{
    yajl_status st;

    r->fed = p;
    if (n == 0)
        return TC_OK;
    st = yajl_parse(r->h, (const unsigned char *)p, n);
    if (st == yajl_status_ok)
        return TC_OK;
    if (st == yajl_status_client_canceled)
        return r->rc != TC_OK ? r->rc : TC_ERR_SYNTAX;
    return js_error(r, (const unsigned char *)p, n);
}

/* Hand a chunk to yajl, leaving out the part of a string beyond
 * TC_TEXT_MAX_BYTES (cut between characters, never inside an escape),
 * and stopping at a number or literal of absurd length. */
static int
js_chunk(struct js_reader *r, const char *p, size_t n)
{
    const char *from = p, *e = p + n, *q;
    int rc;

    r->chunk_end = p + n;
    r->counted = p;
    r->fed = p;
    for (q = p; q < e; q++) {
        unsigned char c = (unsigned char)*q;

        if (!r->in_str) {
            if (c == '"') {
                r->in_str = 1;
                r->slen = 0;
                r->tok = 0;
            } else if (tc_json_space(c) || strchr("{}[]:,", c) != NULL) {
                r->tok = 0;
            } else if (++r->tok > JS_MAX_TOKEN) {
                unsigned long line;
                unsigned col;

                if ((rc = js_feed(r, from, (size_t)(q - from))) != TC_OK)
                    return rc;
                line = js_line_at(r, q, &col);
                tc_diagf(r->ctx, TC_D_JSON, line, col,
                         "a number or word longer than %d characters",
                         JS_MAX_TOKEN);
                return TC_ERR_SYNTAX;
            }
            continue;
        }
        if (!r->cutting && !r->esc && r->hex == 0 && c != '"' &&
            ++r->slen > TC_TEXT_MAX_BYTES) {
            if ((rc = js_feed(r, from, (size_t)(q - from))) != TC_OK)
                return rc;
            r->cutting = 1;
        }
        if (r->esc) {
            r->esc = 0;
            if (c == 'u')
                r->hex = 4;
        } else if (r->hex > 0) {
            r->hex--;
        } else if (c == '\\') {
            r->esc = 1;
        } else if (c == '"') {
            r->in_str = 0;
            if (r->cutting) {
                r->cutting = 0;
                r->cut_pending = 1;
                from = q;
            }
        }
    }
    if (!r->cutting && (rc = js_feed(r, from, (size_t)(e - from))) != TC_OK)
        return rc;
    js_line_at(r, e, NULL);
    return TC_OK;
}

/* Whisper names the language after the segments: in a file, its last
 * bytes are read first so that the track can say it.  Only a plain
 * "language": "xx" at the very end is taken. */
static void
js_tail_language(struct js_reader *r, struct tc_source *src)
{
    char tail[512], *k, *v;
    long n = tc_source_tail(src, tail, sizeof tail - 1);
    size_t len;

    if (n <= 0)
        return;
    tail[n] = '\0';
    k = NULL;
    for (v = tail; (v = strstr(v, "\"language\"")) != NULL; v++)
        k = v;
    if (k == NULL)
        return;
    k += 10;
    while (tc_json_space((unsigned char)*k))
        k++;
    if (*k++ != ':')
        return;
    while (tc_json_space((unsigned char)*k))
        k++;
    if (*k++ != '"')
        return;
    len = strspn(k, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_");
    if (len == 0 || len >= sizeof r->lang || k[len] != '"')
        return;
    memcpy(r->lang, k, len);
    r->lang[len] = '\0';
}

int
tc_json_read(struct tc_source *src, struct tc_stage *next)
{
    struct js_reader r;
    char buf[16384];
    long got;
    int rc = TC_OK;
    size_t i;

    memset(&r, 0, sizeof r);
    r.ctx = tc_source_ctx(src);
    r.next = next;
    r.line = 1;
    tc_buf_init(&r.seg.text, 0);
    tc_buf_init(&r.seg.voice, TC_TEXT_MAX_BYTES);
    tc_buf_init(&r.seg.pool, TC_TEXT_MAX_BYTES + JS_MAX_WORDS);
    tc_buf_init(&r.str, 0);
    r.h = yajl_alloc(&js_callbacks, NULL, &r);
    if (r.h == NULL)
        return TC_ERR_NOMEM;
    /* strings are checked and repaired here, one bad byte is not the end */
    yajl_config(r.h, yajl_dont_validate_strings, 1);
    js_tail_language(&r, src);
    while ((got = tc_source_read(src, buf, sizeof buf)) > 0)
        if ((rc = js_chunk(&r, buf, (size_t)got)) != TC_OK)
            break;
    if (got < 0)
        rc = (int)got;
    if (rc == TC_OK) {
        yajl_status st;

        /* what yajl says now is about the end of the input */
        r.fed = r.chunk_end;
        st = yajl_complete_parse(r.h);
        if (st == yajl_status_client_canceled)
            rc = r.rc;
        else if (st != yajl_status_ok)
            rc = js_error(&r, (const unsigned char *)"", 0);
    }
    if (rc == TC_OK && !r.found_segs) {
        tc_diagf(r.ctx, TC_D_SYNTAX, 0, 0, "no \"segments\" (Whisper, "
                 "WhisperX) or \"transcription\" (whisper.cpp) list: not a "
                 "speech recogniser's transcript");
        rc = TC_ERR_SYNTAX;
    }
    if (rc == TC_OK)
        rc = js_track_out(&r);
    if (rc == TC_OK && r.lang[0] != '\0' && strcmp(r.lang, r.told) != 0)
        rc = tc_diagf(r.ctx, TC_D_LANG, 0, 0, "%s, named after the "
                      "segments: too late for the output's header (read from "
                      "a file, not a pipe, it is found; --lang tells the "
                      "filters)", r.lang);
    for (i = 0; i < RP__N && rc == TC_OK; i++)
        rc = tc_repeat_end(r.ctx, &r.rp[i], js_rp_what[i]);
    yajl_free(r.h);
    tc_buf_release(&r.seg.text);
    tc_buf_release(&r.seg.voice);
    tc_buf_release(&r.seg.pool);
    tc_buf_release(&r.str);
    free(r.seg.w);
    return rc;
}

#endif /* HAVE_YAJL */
