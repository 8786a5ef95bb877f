/* format.h -- what a format, a filter and the pipeline share inside the
 * library: stages, the decoded input source with its line reader, the
 * buffered output sink, diagnostics, the format and filter descriptors.
 * Everything here is internal; include/transcue.h is the public face.
 */
#ifndef TRANSCUE_SRC_FORMAT_H
#define TRANSCUE_SRC_FORMAT_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "transcue.h"
#include "model.h"
#include "buf.h"
#include "diag.h"

/* ---- stages --------------------------------------------------------------
 * push() always takes ownership of the cue: it forwards it, keeps it in its
 * window, or frees it -- on success and on failure alike.  track() is
 * called at most once, before the first cue; finish() at the end of input
 * flushes the window and calls finish() on the next stage. */
struct tc_stage_ops {
    const char *name;
    int  (*track)(struct tc_stage *st, const struct tc_track *t);
    int  (*push)(struct tc_stage *st, struct tc_cue *cue);
    int  (*finish)(struct tc_stage *st);
    void (*destroy)(struct tc_stage *st);
};

struct tc_stage {
    const struct tc_stage_ops *ops;
    struct tc_stage *next;           /* NULL for the writer */
    struct tc_ctx *ctx;
};

/* Call a stage; a NULL track/finish forwards to next. */
int tc_stage_track(struct tc_stage *st, const struct tc_track *t);
int tc_stage_push(struct tc_stage *st, struct tc_cue *cue);
int tc_stage_finish(struct tc_stage *st);
void tc_stage_destroy(struct tc_stage *st);

/* ---- the input source ----------------------------------------------------
 * Bytes from a file descriptor, decoded to UTF-8 (a byte-order mark is
 * removed), read in blocks.  A reader either takes lines with
 * tc_lines_next() or raw decoded bytes with tc_source_read(), not both. */
struct tc_source;

struct tc_io;
/* A source reading io (freed with the source when own_io, also on
 * failure); name is shown in diagnostics (NULL: none). */
int  tc_source_new(struct tc_ctx *ctx, struct tc_io *io, int own_io,
                   const char *name, struct tc_source **out);
/* The file at path, or standard input for NULL or "-" ("<stdin>"); a file
 * that cannot be opened is reported. */
int  tc_source_open(struct tc_ctx *ctx, const char *path,
                    struct tc_source **out);
/* fn is called before each read on a live input (a read that may wait);
 * its error ends the reading.  The driver uses it to write out what the
 * output holds, without the input side knowing about the output. */
void tc_source_on_wait(struct tc_source *src, int (*fn)(void *ud),
                       void *ud);
/* 1 while the input is produced as it is read (a pipe, a terminal, a
 * reader still being fed). */
int  tc_source_live(struct tc_source *src);
void tc_source_free(struct tc_source *src);
const char *tc_source_name(const struct tc_source *src);
struct tc_ctx *tc_source_ctx(const struct tc_source *src);
/* The first decoded bytes (at most a few KiB) without consuming them. */
int  tc_source_peek(struct tc_source *src, const unsigned char **head,
                    size_t *len);
/* The same in steps: a live source (a pipe, a terminal) returns after each
 * read, with *more set while the head is short of those few KiB and the
 * input has not ended, so that the caller can decide without waiting. */
int  tc_source_peek_some(struct tc_source *src, const unsigned char **head,
                         size_t *len, int *more);
/* Up to n decoded bytes; returns the count, 0 at end, or a negative
 * tc_status. */
long tc_source_read(struct tc_source *src, void *dst, size_t n);
/* 1 when the bytes tc_source_read() hands out are UTF-8 because the
 * source made them so (a byte-order mark, --encoding, UTF-16 told by its
 * NUL bytes); 0 while they are the input's own bytes, whose encoding the
 * text may declare itself (an XML declaration).  Known once the head has
 * been peeked. */
int  tc_source_decoded(const struct tc_source *src);
/* The last (at most n) bytes of a regular file or of input in memory as
 * they are, not decoded, read without moving the position: for a format
 * that names something its header needs at its end (Whisper's JSON, its
 * language).  0 for a pipe, a terminal, fed input or an error. */
long tc_source_tail(struct tc_source *src, void *dst, size_t n);
/* One line per call, terminator stripped; LF, CRLF and lone CR end a line.
 * NUL bytes become U+FFFD.  Returns 1 with a line, 0 at end of input, or a
 * negative tc_status.  *line stays valid until the next call; it is
 * NUL-terminated.  tc_lines_lineno() is the 1-based number of that line. */
int  tc_lines_next(struct tc_source *src, const char **line, size_t *len);
unsigned long tc_lines_lineno(const struct tc_source *src);
/* 1 when the next tc_lines_next() would wait on a live source (a pipe, a
 * terminal) for a line not yet written; a reader that holds a complete
 * cue only to see whether more text belongs to it can then let it go. */
int  tc_lines_would_wait(struct tc_source *src);
/* Give back the line just read: the next tc_lines_next() returns it again. */
void tc_lines_unread(struct tc_source *src);

/* ---- the output sink: buffered writes, sticky error -------------------- */
struct tc_sink;

int  tc_sink_new(struct tc_ctx *ctx, int fd, const char *name,
                 struct tc_sink **out);
/* A sink writing to io (freed with the sink when own_io, also on
 * failure); name (borrowed) is shown in diagnostics, NULL: none. */
int  tc_sink_new_io(struct tc_ctx *ctx, struct tc_io *io, int own_io,
                    const char *name, struct tc_sink **out);
void tc_sink_free(struct tc_sink *s);
struct tc_ctx *tc_sink_ctx(const struct tc_sink *s);
/* The head of every sink, seen by the inline writers below: buf[0..len)
 * waits to be written, cap is buf's size, status the sticky status. */
struct tc_sink_head {
    char *buf;
    size_t len, cap;
    int status;
};
/* What tc_sink_write() and tc_sink_putc() do when the buffer is full or
 * the sink has failed. */
void tc_sink_write_slow(struct tc_sink *s, const void *p, size_t n);

/* Buffered writes: a copy into the buffer while there is room. */
static inline void
tc_sink_write(struct tc_sink *s, const void *p, size_t n)
{
    struct tc_sink_head *h = (struct tc_sink_head *)(void *)s;

    if (n < h->cap - h->len && h->status == TC_OK) {
        memcpy(h->buf + h->len, p, n);
        h->len += n;
    } else {
        tc_sink_write_slow(s, p, n);
    }
}

static inline void
tc_sink_putc(struct tc_sink *s, char c)
{
    struct tc_sink_head *h = (struct tc_sink_head *)(void *)s;

    if (h->len + 1 < h->cap && h->status == TC_OK)
        h->buf[h->len++] = c;
    else
        tc_sink_write_slow(s, &c, 1);
}

void tc_sink_puts(struct tc_sink *s, const char *str);
void tc_sink_printf(struct tc_sink *s, const char *fmt, ...) TC_PRINTF(2, 3);
/* A cue's text without markup, for the plain-text formats: ruby text is
 * left out and each line break is written as line_break. */
void tc_sink_plain(struct tc_sink *s, const struct tc_text *t,
                   char line_break);
/* Flush to the descriptor; returns the sticky status. */
int  tc_sink_flush(struct tc_sink *s);
int  tc_sink_status(const struct tc_sink *s);

/* ---- options ----------------------------------------------------------- */
/* An option of the context or of a format, with the values
 * tc_ctx_set_option() takes: "bool" (yes or no; 1, true and on are yes,
 * 0, false and off are no), "number", "duration" (1500, 1500ms, 1.5s),
 * "A|B" (one of these words); NULL: checked where it is used. */
struct tc_optdef {
    struct tc_option o;
    const char *type;
};

/* ---- writers -------------------------------------------------------------
 * Every format's writer is the one writer stage of src/wstage.c with the
 * format's hooks: it makes the format's state (which begins with struct
 * tc_wr), drops a cue without text when the format cannot hold one (with
 * a note that says so), frees each cue after the cue hook, and returns the
 * first failure a hook kept or the sink's status. */
struct tc_wr {
    struct tc_stage st;         /* the stage itself */
    struct tc_ctx *ctx;
    struct tc_sink *sink;
    const struct tc_wr_hooks *hooks;
    unsigned long written;      /* cues written before this one */
    int rc;                     /* the first failure tc_wr_keep() kept */
};

struct tc_wr_hooks {
    size_t size;                /* of the format's state */
    /* A cue without text is dropped with this note (why the format cannot
     * hold one); NULL: it goes to the cue hook like any other. */
    const char *blank;
    int  (*open)(struct tc_wr *w);      /* may be NULL: read options */
    int  (*track)(struct tc_wr *w, const struct tc_track *t);   /* NULL */
    int  (*cue)(struct tc_wr *w, const struct tc_cue *c);
    int  (*end)(struct tc_wr *w);       /* may be NULL: the ending */
    void (*close)(struct tc_wr *w);     /* may be NULL: free the state's */
};

/* Keep rc when it is the first failure: a warning's TC_ERR_STRICT, met
 * where the writer cannot stop at once (a render callback). */
void tc_wr_keep(struct tc_wr *w, int rc);
/* The writer stage of a format. */
int tc_format_writer_new(const struct tc_format *f, struct tc_sink *sink,
                         struct tc_ctx *ctx, struct tc_stage **out);

/* ---- formats ----------------------------------------------------------- */
enum {
    TC_PROBE_NO        = 0,
    TC_PROBE_EXTENSION = 25,   /* only the file name matched */
    TC_PROBE_LIKELY    = 60,   /* structure fits, no magic */
    TC_PROBE_CERTAIN   = 100   /* magic seen, e.g. "WEBVTT" */
};

struct tc_format {
    const char *name;          /* [a-z0-9-], the CLI spelling */
    const char *desc;
    const char *extensions;    /* space-separated, first is the default */
    /* Pure, bounded, no allocation: a score for the first decoded bytes. */
    int (*probe)(const unsigned char *head, size_t len);
    /* Read everything, calling tc_stage_track() once and tc_stage_push()
     * for each cue; the driver calls tc_stage_finish(). */
    int (*read)(struct tc_source *src, struct tc_stage *next);
    /* The writer: hooks of the one writer stage (above).  A format may
     * instead make a whole stage of its own with writer_new. */
    int (*writer_new)(struct tc_sink *sink, struct tc_ctx *ctx,
                      struct tc_stage **out);
    /* The writer prints a cue that ends when or before it starts as it is
     * (a transcript keeps its zero-length segments): the driver then fills
     * in only unset ends.  Fields are only ever appended. */
    int keeps_short;
    /* Set when this build lacks what reading needs (a library configure
     * did not find): read is then a stub that says so, detection still
     * picks the format so that the message is the right one, and
     * tc_format_can_read() says no. */
    int read_missing;
    /* The format's own options, NULL-name terminated (NULL: none); the
     * context knows them by name like its own (tc_ctx_option()). */
    const struct tc_optdef *options;
    const struct tc_wr_hooks *writer;
};

/* ---- filters ----------------------------------------------------------- */
struct tc_args;                /* parsed "name:key=value,..." */

struct tc_filter {
    const char *name;
    const char *desc;
    const struct tc_option *options;   /* NULL-name terminated */
    int (*create)(struct tc_ctx *ctx, const struct tc_args *args,
                  struct tc_stage **out);
    /* The checks (TC_CHECK_BIT() of checker.h) whose limits the filter works
     * to meet: a conversion through it ends with a warning for each of
     * them that some cues still break.  Fields are only ever appended. */
    unsigned checks;
};

/* Value of a filter option: the spec's, else the context option of the same
 * name (profile limits), else the option's default.  NULL when unset. */
const char *tc_args_get(const struct tc_args *a, const char *key);
/* Typed reads; a bad value is reported (TC_D_BAD_OPTION) and returns
 * TC_ERR_ARG. */
int tc_args_long(const struct tc_args *a, const char *key, long *out);
int tc_args_double(const struct tc_args *a, const char *key, double *out);
/* A duration: "1500" (ms), "1.5s", "1500ms", "-2s". */
int tc_args_time(const struct tc_args *a, const char *key, int64_t *out);
int tc_args_bool(const struct tc_args *a, const char *key, int *out);
/* The one reading of yes or no: 1, yes, true, on / 0, no, false, off.
 * TC_ERR_ARG for anything else (NULL included). */
int tc_parse_bool(const char *s, int *out);
/* The context option key as yes or no; a bad value is reported
 * (TC_D_BAD_OPTION) and returns TC_ERR_ARG. */
int tc_ctx_option_bool(struct tc_ctx *ctx, const char *key, int *out);
/* The value the filter's own spec gives key ("NAME:key=value"), or NULL:
 * neither a context option nor the default. */
const char *tc_args_spec(const struct tc_args *a, const char *key);
/* Parse a duration as tc_args_time() does. */
int tc_parse_duration(const char *s, int64_t *out);

/* ---- rendering runs -----------------------------------------------------
 * One walker turns runs into style changes, always closing in the reverse
 * order of opening, so a writer cannot produce crossed tags. */
enum tc_render_kind {
    TC_R_VOICE, TC_R_LANG, TC_R_CLASS, TC_R_COLOR, TC_R_BOLD, TC_R_ITALIC,
    TC_R_UNDERLINE, TC_R_RUBY, TC_R_RT
};
struct tc_render_ops {
    void (*open)(void *w, enum tc_render_kind k, const struct tc_text *t,
                 const struct tc_run *run);
    void (*close)(void *w, enum tc_render_kind k);
    void (*text)(void *w, const char *utf8, size_t len);
    void (*line_break)(void *w);
    /* Inline timestamp before a run; may be NULL. */
    void (*timestamp)(void *w, int64_t ms);
};
void tc_render_runs(const struct tc_text *t, const struct tc_render_ops *ops,
                    void *w);

/* ---- time -------------------------------------------------------------- */
/* "HH:MM:SS<sep>mmm" (hours at least two digits), into out[32].
 * Negative times are clamped to 0 by the caller, not here. */
size_t tc_time_fmt(char *out, int64_t ms, char sep);
/* The usual "hh:mm:ss<sep>ttt": 1 and the time in *ms when the n bytes at
 * p begin with it (minutes and seconds under 60), else 0; the caller
 * checks what follows and parses anything else by its format's rules. */
int tc_time_hms(const char *p, size_t n, char sep, int64_t *ms);
/* "H:MM:SS" / "M:SS" etc. as needed by transcript styles: see time.c. */

/* A small scanner over one line. */
struct tc_scan {
    const char *p, *end;
    const char *start;         /* for the column of a diagnostic */
};
void tc_scan_init(struct tc_scan *s, const char *p, size_t len);
unsigned tc_scan_col(const struct tc_scan *s);   /* 1-based */
/* min..max decimal digits into *out; TC_ERR_SYNTAX if fewer or too big. */
int tc_scan_digits(struct tc_scan *s, unsigned min, unsigned max,
                   unsigned long *out);
int tc_scan_char(struct tc_scan *s, char c);
int tc_scan_oneof(struct tc_scan *s, const char *set);
void tc_scan_spaces(struct tc_scan *s);          /* spaces and tabs */
int tc_scan_lit(struct tc_scan *s, const char *lit);
int tc_scan_eof(const struct tc_scan *s);

/* ---- limits ------------------------------------------------------------ */
/* One cue's text, in bytes: tc_text_append() refuses more with
 * TC_ERR_LIMIT, so a file without blank lines cannot take all memory. */
#define TC_TEXT_MAX_BYTES (1u << 20)

/* ---- small helpers ----------------------------------------------------- */
int tc_is_blank_line(const char *s, size_t n);
/* Trim spaces/tabs at both ends of [*p, *p + *n). */
void tc_trim(const char **p, size_t *n);
/* 1 when the encoding name enc is UTF-8 ("UTF-8" or "UTF8", any case). */
int tc_enc_is_utf8(const char *enc);
/* Validate UTF-8: returns the length of the valid prefix. */
size_t tc_utf8_valid(const char *s, size_t n);
/* The length (2..4) of the valid UTF-8 sequence that starts with the byte
 * s[0] >= 0x80 within n bytes, or 0 when it is not one. */
size_t tc_utf8_seq(const char *s, size_t n);
/* Eight bytes at a time (words read with memcpy): each byte's top bit, and
 * nonzero when some byte of the word w is zero. */
#define TC_SWAR_ONES ((uint64_t)0x0101010101010101u)
#define TC_SWAR_HIGHS ((uint64_t)0x8080808080808080u)
#define TC_SWAR_HAS_ZERO(w) (((w) - TC_SWAR_ONES) & ~(w) & TC_SWAR_HIGHS)
/* Bytes to skip in a word read at p before the one whose top bit is the
 * lowest set in the nonzero m (HAS_ZERO is exact there); 0 when unknown. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define TC_SWAR_FIRST(m) ((size_t)__builtin_ctzll(m) >> 3)
#else
#define TC_SWAR_FIRST(m) ((size_t)0)
#endif
/* Encode a code point; returns bytes written (1..4) into out[4]. */
size_t tc_utf8_put(char *out, uint32_t cp);

/* The value of a hexadecimal digit, or -1. */
int tc_hexval(char c);
/* Colour: "#rgb", "#rrggbb" or an HTML colour name, into 0xRRGGBB. */
int tc_color_parse(const char *s, size_t n, uint32_t *rgb);
/* The HTML name of a colour, or NULL. */
const char *tc_color_name(uint32_t rgb);

/* ---- the registry (src/registry.c) ------------------------------------ */
const struct tc_format *tc_format_detect(const unsigned char *head, size_t len,
                                         const char *path);
/* The format whose probe is at least TC_PROBE_LIKELY for these bytes and
 * scores highest, or NULL: what detection decides from content alone. */
const struct tc_format *tc_format_detect_sure(const unsigned char *head,
                                              size_t len);

#endif /* TRANSCUE_SRC_FORMAT_H */
