/* transcue.h -- the public interface of libtranscue, a subtitle and caption
 * conversion library.  Include only this header.
 *
 * The pieces: a context (struct tc_ctx: options, filters, diagnostics), a
 * reader (bytes in, cues out), the filter chain, a writer (cues in, bytes
 * out), and tc_transfer() joining them, which is what tc_convert() and the
 * transcue command use.  Times are int64_t milliseconds everywhere.
 *
 * Ownership, once for the whole API:
 * - tc_X_new() (and tc_reader_open(), tc_track_copy()) gives the caller an
 *   object or NULL / an error; tc_X_free(NULL) is a no-op.
 * - A struct tc_cue * handed to tc_writer_put() or tc_chain_put() changes
 *   owner, whether the call succeeds or fails.  A cue from
 *   tc_reader_next(), tc_chain_next() or tc_cue_new() is the caller's until
 *   it hands it on or calls tc_cue_free().
 * - A const T * parameter, and every string passed in, is borrowed for
 *   the duration of the call (the library copies what it keeps).
 * - A returned const char * or const T * belongs to the object it came
 *   from and stays valid until the next call that changes that object, or
 *   its free.  A char * from tc_cue_text() is the caller's: tc_free().
 * - The library never aborts, and never writes to standard output or
 *   error: everything it has to say goes to the context's diagnostic
 *   callback (tc_ctx_set_diag()), on the thread that made the call.
 *
 * Threads:
 * - One context per thread of work.  A context, and the readers, writers,
 *   chains and cues made with it, are used by one thread at a time.
 * - Different contexts may be used on different threads at the same time,
 *   with the same results as one after the other.  The library keeps no
 *   process-wide state that a call changes: the registry of formats and
 *   filters, the option tables and the word lists are read-only and
 *   shared.
 * - A reader pulled from (tc_reader_next()) runs the format's reader on a
 *   helper thread of its own that takes turns with the caller, so that
 *   callbacks (diagnostics, read callbacks) are still called on the
 *   caller's thread.  The helper blocks every signal.
 *
 * ABI and versions:
 * - "@since X.Y" says in which version a function, type or value first
 *   appeared; TC_CHECK_VERSION(X, Y, 0) tests the header, tc_version()
 *   the library a program runs with.
 * - A program built against version X.Y runs with any later library of
 *   the same soname.  The shared library's libtool version (HACKING) says
 *   when that breaks: the soname changes whenever something is removed or
 *   changed, never when something is added.
 * - Enumerations and status codes only ever gain values at the end.
 * - The structures a program sees are of two kinds.  Those the library
 *   hands out by pointer and the program only reads (tc_diag, tc_option)
 *   may grow at the end.  Those a program allocates itself (tc_place,
 *   tc_style, tc_region) are versioned: the functions that read or fill
 *   them are macros that pass sizeof as the program was built, so a
 *   newer library fills only what the program has and gives fields it
 *   does not know their defaults.  Cues and tracks are opaque.
 */
#ifndef TRANSCUE_H
#define TRANSCUE_H

#include <stddef.h>
#include <stdint.h>

/* The version of this header.  A program that needs a function marked
 * "@since X.Y" tests #if TC_CHECK_VERSION(X, Y, 0); tc_version() says which
 * library it runs with.  @since 0.2 for TC_VERSION and TC_CHECK_VERSION */
#define TC_VERSION_MAJOR 0
#define TC_VERSION_MINOR 2
#define TC_VERSION_PATCH 0
#define TC_VERSION "0.2.0"
#define TC_VERSION_NUM \
    ((TC_VERSION_MAJOR << 16) | (TC_VERSION_MINOR << 8) | TC_VERSION_PATCH)
#define TC_CHECK_VERSION(major, minor, patch) \
    (TC_VERSION_NUM >= (((major) << 16) | ((minor) << 8) | (patch)))

#if defined(__GNUC__) || defined(__clang__)
# define TC_API __attribute__((visibility("default")))
# define TC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
# define TC_API
# define TC_PRINTF(f, a)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status codes ------------------------------------------------------
 * Values are ABI: append, never renumber or reuse; also add to
 * tc_strerror() in src/status.c. */
enum tc_status {
    TC_OK                 =  0,
    TC_ERR_NOMEM          = -1,
    TC_ERR_IO             = -2,
    TC_ERR_SYNTAX         = -3,   /* input rejected; diagnostics say where */
    TC_ERR_ENCODING       = -4,
    TC_ERR_LIMIT          = -5,   /* a size or count limit was reached */
    TC_ERR_ARG            = -6,
    TC_ERR_UNKNOWN_FORMAT = -7,
    TC_ERR_STRICT         = -8,   /* a repair was needed under --strict */
    TC_ERR_UNSUPPORTED    = -9,   /* the format cannot do this (e.g. write) */
    TC_ERR_CLOSED         = -10,  /* the output's reader went away (EPIPE);
                                     not reported as a diagnostic */
    TC_AGAIN              = -11,  /* a read callback has nothing now; not
                                     an error (tc_read_fn)  @since 0.2 */
    /* Not errors: what tc_reader_next() and tc_chain_next() say when they
     * have no cue to give.  @since 0.2 */
    TC_MORE               =  1,   /* give more input first */
    TC_END                =  2    /* the input has ended; no more cues */
};

/** Text for a status code; never NULL.  @since 0.1 */
TC_API const char *tc_strerror(int status);

/** Runtime TC_VERSION_NUM of the library actually loaded.  @since 0.1 */
TC_API unsigned tc_version(void);
/** "MAJOR.MINOR.PATCH" of the library actually loaded.  @since 0.1 */
TC_API const char *tc_version_string(void);

#define TC_TIME_NONE INT64_MIN   /* "no time": an unset end or timestamp */

/* ---- the cue model -----------------------------------------------------
 * A cue has a start and an end (milliseconds; the end may be unset, and a
 * writer then infers it), an optional id and region, a placement, and text:
 * a sequence of runs, each UTF-8 text with one style.  '\n' inside the text
 * is a line break and the only one: no format's markup is ever stored in
 * the model.  A cue is opaque: it is read and built with the functions
 * below, so that it can grow without breaking programs built before. */

enum tc_style_flag {
    TC_STYLE_ITALIC    = 1u << 0,
    TC_STYLE_BOLD      = 1u << 1,
    TC_STYLE_UNDERLINE = 1u << 2,
    TC_STYLE_COLOR     = 1u << 3,   /* color is set */
    TC_STYLE_RUBY      = 1u << 4,   /* base text of a ruby annotation */
    TC_STYLE_RT        = 1u << 5    /* ruby text (inside a ruby) */
};

/* The style of a run.  Versioned by its size: the functions that take or
 * fill one are macros passing sizeof (struct tc_style) as the program was
 * built, and fields a newer library adds get their defaults. */
struct tc_style {
    unsigned    style;  /* TC_STYLE_* bits */
    uint32_t    color;  /* 0xRRGGBB when TC_STYLE_COLOR */
    const char *voice;  /* speaker (WebVTT <v>, TTML agent); NULL = none */
    const char *lang;   /* BCP 47 language tag; NULL = none */
    const char *cls;    /* space-separated class names (WebVTT <c.x.y>) */
    int64_t     time;   /* inline timestamp before the run, or TC_TIME_NONE */
};

/* Vertical placement as SRT's {\anN} and TTML regions see it. */
enum tc_vpos { TC_VPOS_AUTO = 0, TC_VPOS_BOTTOM, TC_VPOS_MIDDLE, TC_VPOS_TOP };
/* Text alignment; WebVTT's align setting uses all five. */
enum tc_align {
    TC_ALIGN_AUTO = 0, TC_ALIGN_START, TC_ALIGN_CENTER, TC_ALIGN_END,
    TC_ALIGN_LEFT, TC_ALIGN_RIGHT
};
enum tc_vertical { TC_VERTICAL_NONE = 0, TC_VERTICAL_RL, TC_VERTICAL_LR };

/* Placement.  vpos/align are what every format understands; the rest keeps
 * WebVTT's cue settings so that WebVTT to WebVTT loses nothing.  position
 * set to a negative value means "auto"; line is "auto" unless line_set
 * (see tc_place_line_auto()).  Versioned by its size, like tc_style. */
struct tc_place {
    enum tc_vpos     vpos;
    enum tc_align    align;
    enum tc_vertical vertical;
    double           line;          /* WebVTT line, when not auto */
    int              line_percent;  /* line was a percentage */
    enum tc_align    line_align;    /* START, CENTER, END; AUTO = start */
    double           position;      /* percent; < 0 = auto */
    enum tc_align    position_align;/* START=line-left, CENTER, END=line-right */
    double           size;          /* percent; default 100 */
    int              line_set;      /* line holds a value */
};

/* What tc_place_init() puts in line; kept for code that compared with it. */
#define TC_LINE_AUTO (-1e308)

/* A WebVTT region definition (also used for TTML regions).  Versioned by
 * its size, like tc_style. */
struct tc_region {
    char  *id;
    double width;                   /* percent, default 100 */
    long   lines;                   /* default 3 */
    double anchor_x, anchor_y;      /* region anchor, default 0,100 */
    double vp_x, vp_y;              /* viewport anchor, default 0,100 */
    int    scroll_up;
};

struct tc_cue;      /* opaque: one cue */
struct tc_track;    /* opaque: header facts of an input (see below) */
struct tc_ctx;      /* opaque: options, diagnostics, free lists */
struct tc_format;   /* opaque: one file format */
struct tc_filter;   /* opaque: one cleanup filter */
struct tc_stage;    /* opaque: one step of a pipeline */
struct tc_reader;   /* opaque: bytes in, cues out (see below) */
struct tc_writer;   /* opaque: cues in, bytes out */
struct tc_chain;    /* opaque: the filter chain as an object */

/** Defaults: everything auto, size 100.  @since 0.2 (a macro) */
#define tc_place_init(p) tc_place_init_v((p), sizeof (struct tc_place))
TC_API void tc_place_init_v(struct tc_place *p, size_t size);
/** 1 when the WebVTT line setting is "auto": not line_set, and line not
 *  above TC_LINE_AUTO.  @since 0.1 */
TC_API int tc_place_line_auto(const struct tc_place *p);

/** A cue from the context's free list: start 0, end unset, no text.  It
 *  belongs to the caller until handed on; use it on the context's thread.
 *  @since 0.1 */
TC_API struct tc_cue *tc_cue_new(struct tc_ctx *ctx);
/** Return a cue to the context that made it.  @since 0.1 */
TC_API void tc_cue_free(struct tc_cue *cue);
/** Empty a cue for reuse, keeping its buffers.  @since 0.1 */
TC_API void tc_cue_reset(struct tc_cue *cue);
/** Copy times, id, region, placement and text of src into dst.  @since 0.1 */
TC_API int tc_cue_copy(struct tc_cue *dst, const struct tc_cue *src);

/** Start and end in ms; the end is TC_TIME_NONE while unset.  @since 0.2 */
TC_API int64_t tc_cue_start(const struct tc_cue *cue);
TC_API int64_t tc_cue_end(const struct tc_cue *cue);
/** Set both times; end may be TC_TIME_NONE (a writer infers it).
 *  TC_ERR_ARG for a start that is TC_TIME_NONE.  @since 0.2 */
TC_API int tc_cue_set_times(struct tc_cue *cue, int64_t start, int64_t end);
/** The id, or NULL; belongs to the cue.  @since 0.2 */
TC_API const char *tc_cue_id(const struct tc_cue *cue);
/** Set the id (len bytes of id, copied); id NULL removes it.  @since 0.1 */
TC_API int tc_cue_set_id(struct tc_cue *cue, const char *id, size_t len);
/** The region's id, or NULL; belongs to the cue.  @since 0.2 */
TC_API const char *tc_cue_region(const struct tc_cue *cue);
/** Set the region (copied); NULL removes it.  @since 0.1 */
TC_API int tc_cue_set_region(struct tc_cue *cue, const char *id, size_t len);
/** The input line the cue began on (0: none), for messages.  @since 0.2 */
TC_API unsigned long tc_cue_line(const struct tc_cue *cue);
TC_API void tc_cue_set_line(struct tc_cue *cue, unsigned long line);
/** The placement, copied into *out.  @since 0.2 (a macro) */
#define tc_cue_place(c, out) \
    tc_cue_place_v((c), (out), sizeof (struct tc_place))
TC_API void tc_cue_place_v(const struct tc_cue *cue, struct tc_place *out,
                           size_t size);
/** Set the placement from *p (copied).  @since 0.2 (a macro) */
#define tc_cue_set_place(c, p) \
    tc_cue_set_place_v((c), (p), sizeof (struct tc_place))
TC_API int tc_cue_set_place_v(struct tc_cue *cue, const struct tc_place *p,
                              size_t size);

/** How many runs the text has.  @since 0.2 */
TC_API size_t tc_cue_runs(const struct tc_cue *cue);
/** Run i's text, *len bytes (not NUL-terminated); NULL past the end.
 *  Valid until the cue changes.  @since 0.2 */
TC_API const char *tc_cue_run_text(const struct tc_cue *cue, size_t i,
                                   size_t *len);
/** Run i's style into *out; its strings belong to the cue.  TC_ERR_ARG
 *  past the end.  @since 0.2 (a macro) */
#define tc_cue_run_style(c, i, out) \
    tc_cue_run_style_v((c), (i), (out), sizeof (struct tc_style))
TC_API int tc_cue_run_style_v(const struct tc_cue *cue, size_t i,
                              struct tc_style *out, size_t size);
/** Append len bytes of UTF-8 text with a style (NULL: plain); it joins
 *  the last run when the style is the same.  "\n" is a line break.  A
 *  cue's text holds at most 1 MiB: beyond it TC_ERR_LIMIT.
 *  @since 0.2 (a macro) */
#define tc_cue_append(c, s, len, st) \
    tc_cue_append_v((c), (s), (len), (st), sizeof (struct tc_style))
TC_API int tc_cue_append_v(struct tc_cue *cue, const char *s, size_t len,
                           const struct tc_style *st, size_t size);
/** Replace the text with len bytes of plain text.  @since 0.2 */
TC_API int tc_cue_set_text(struct tc_cue *cue, const char *s, size_t len);
/** The text without styles ('\n' line breaks, ruby text left out) in a
 *  new buffer the caller frees with tc_free(); NULL on no memory.
 *  @since 0.2 */
TC_API char *tc_cue_text(const struct tc_cue *cue);
TC_API void tc_free(void *p);

/* ---- header facts ------------------------------------------------------
 * What an input declares before its cues: language, title, WebVTT regions
 * and STYLE text, WebVTT header lines a player needs.  A reader has one
 * (tc_reader_track()); a program can make one for a writer. */

/** An empty track.  @since 0.2 */
TC_API struct tc_track *tc_track_new(void);
/** A copy of t.  @since 0.2 */
TC_API struct tc_track *tc_track_copy(const struct tc_track *t);
TC_API void tc_track_free(struct tc_track *t);
/** A fact by name: "lang", "title", "style" (WebVTT STYLE text) or
 *  "vtt-header" (lines such as X-TIMESTAMP-MAP=..., joined by '\n');
 *  NULL when unset or unknown.  Belongs to the track.  @since 0.2 */
TC_API const char *tc_track_get(const struct tc_track *t, const char *key);
/** Set a fact (copied; NULL unsets it).  TC_ERR_ARG for an unknown key.
 *  @since 0.2 */
TC_API int tc_track_set(struct tc_track *t, const char *key,
                        const char *value);
/** How many regions the track defines.  @since 0.2 */
TC_API size_t tc_track_regions(const struct tc_track *t);
/** Region i into *out (its id belongs to the track).  @since 0.2 (macro) */
#define tc_track_region(t, i, out) \
    tc_track_region_v((t), (i), (out), sizeof (struct tc_region))
TC_API int tc_track_region_v(const struct tc_track *t, size_t i,
                             struct tc_region *out, size_t size);
/** Add a region (copied).  @since 0.2 (a macro) */
#define tc_track_add_region(t, r) \
    tc_track_add_region_v((t), (r), sizeof (struct tc_region))
TC_API int tc_track_add_region_v(struct tc_track *t,
                                 const struct tc_region *r, size_t size);

/* ---- diagnostics ------------------------------------------------------- */

enum tc_severity { TC_SEV_NOTE, TC_SEV_WARNING, TC_SEV_ERROR, TC_SEV_FATAL };

/* The kind of a diagnostic (struct tc_diag's id): stable values, only ever
 * appended.  Each kind has one severity (tc_diag_kind_severity()), which
 * strict mode raises from warning to error.  @since 0.2 (public) */
enum tc_diag_id {
    /* errors: the input, or a part of it, cannot be read */
    TC_D_IO,                /* read or write failed */
    TC_D_NOMEM,
    TC_D_SYNTAX,            /* input rejected at this place */
    TC_D_TIME_BAD,          /* unreadable timestamp */
    TC_D_SIGNATURE,         /* missing file signature (WEBVTT ...) */
    TC_D_LIMIT,             /* a size or nesting limit was reached */
    TC_D_FORMAT_UNKNOWN,    /* format could not be detected */
    TC_D_CANNOT_WRITE,      /* format has no writer */
    TC_D_CANNOT_READ,       /* format has no reader */
    TC_D_BAD_OPTION,        /* bad option value or unknown option */
    TC_D_XML,               /* XML not well-formed or refused */
    /* warnings: repaired and kept */
    TC_D_TIME_REVERSED,     /* cue ends before it starts */
    TC_D_TIME_REPAIRED,     /* timestamp in a non-standard form */
    TC_D_INDEX,             /* missing or wrong cue number */
    TC_D_NO_BLANK,          /* no blank line between cues */
    TC_D_JUNK,              /* unexpected text, kept or skipped */
    TC_D_BAD_TAG,           /* malformed or unknown markup */
    TC_D_BAD_SETTING,       /* cue setting ignored */
    TC_D_EMPTY_CUE,         /* cue without text */
    TC_D_OVERLAP,           /* cue overlaps the next one */
    TC_D_BAD_BYTE,          /* invalid byte sequence replaced */
    TC_D_ENCODING,          /* encoding guessed or changed */
    TC_D_UNSORTED,          /* cue starts before the previous one */
    TC_D_REPAIRED,          /* other repair */
    TC_D_CANNOT_EXPRESS,    /* the output format cannot hold this */
    /* notes */
    TC_D_CUE_DROPPED,       /* cue left empty and dropped */
    TC_D_IGNORED,           /* something in the input was ignored */
    TC_D_NOTE,              /* other information */
    TC_D_NO_CUES,           /* the input held no cue at all */
    /* appended */
    TC_D_LANG_UNKNOWN,      /* a filter cannot tell the text's language */
    TC_D_LANG,              /* a note: the language of the text */
    TC_D_SKIPPED,           /* the run's count of cues a reader skipped */
    TC_D_NOTHING_LEFT,      /* the input held cues, the output none */
    TC_D_XML_RECOVERED,     /* an XML error the parser read past */
    TC_D_END_INFERRED,      /* an end the input does not give, found */
    TC_D_JSON,              /* JSON not well-formed: the rest is lost */
    TC_D_NOT_KEPT,          /* a warning: input markup the model lacks */
    TC_D_CHECK,             /* a warning (never raised by strict mode): a
                               cue breaks a guideline's limit, or a share
                               of the cues does; the message says which */
};

struct tc_diag {
    enum tc_severity  sev;
    int               id;       /* its kind: enum tc_diag_id */
    const char       *file;     /* "<stdin>" for standard input, may be NULL */
    unsigned long     line;     /* 1-based; 0 = not tied to a line */
    unsigned          col;      /* 1-based; 0 = unknown */
    const char       *message;  /* fixed text of the kind */
    const char       *detail;   /* formatted specifics, may be NULL */
};
typedef void (*tc_diag_fn)(const struct tc_diag *d, void *userdata);

/** "note", "warning", "error" or "fatal".  @since 0.1 */
TC_API const char *tc_severity_name(enum tc_severity sev);
/** The fixed text of a kind (struct tc_diag's message), or NULL for a
 *  value that is no kind.  @since 0.2 */
TC_API const char *tc_diag_kind_text(int id);
/** The severity of a kind, before strict mode.  @since 0.2 */
TC_API enum tc_severity tc_diag_kind_severity(int id);

/* ---- the context -------------------------------------------------------
 * One per thread of work: options, the filter chain, diagnostics. */

/** A context with the default options, no filters and no diagnostic
 *  callback (diagnostics are then dropped); NULL on no memory.
 *  @since 0.1 */
TC_API struct tc_ctx *tc_ctx_new(void);
/** Free the context and the cues it keeps for reuse; every reader,
 *  writer, chain and cue made with it must be gone.  @since 0.1 */
TC_API void tc_ctx_free(struct tc_ctx *ctx);
/** Where diagnostics go: fn(d, ud), on the thread that made the call
 *  reporting it; d is valid for the call.  @since 0.1 */
TC_API void tc_ctx_set_diag(struct tc_ctx *ctx, tc_diag_fn fn, void *ud);
/** Worst severity reported since the last tc_ctx_reset_worst(); -1 if
 *  none.  @since 0.1 */
TC_API int tc_ctx_worst(const struct tc_ctx *ctx);
/** @since 0.1 */
TC_API void tc_ctx_reset_worst(struct tc_ctx *ctx);
/** Under strict mode every repair warning becomes an error.  @since 0.1 */
TC_API void tc_ctx_set_strict(struct tc_ctx *ctx, int strict);

/** With sync 1, a file that tc_convert() writes is flushed to the disk
 *  (fsync) before it is renamed into place, and its directory after, so
 *  that a crash leaves the old content or the new one, never an empty
 *  file.  Off by default: it costs time on every file.  @since 0.1 */
TC_API void tc_ctx_set_sync(struct tc_ctx *ctx, int sync);
/** Keep a file that tc_convert() replaces under its name plus suffix
 *  ("~": talk.srt~), replacing an older backup; NULL (the default) keeps
 *  none.  TC_ERR_ARG, reported, for an empty suffix or one with a '/'.
 *  @since 0.1 */
TC_API int tc_ctx_set_backup(struct tc_ctx *ctx, const char *suffix);

/** Set a named option (see tc_option_at()): "max-chars" = "42" ... .
 *  TC_ERR_ARG names the problem through the diagnostic callback.
 *  @since 0.1 */
TC_API int tc_ctx_set_option(struct tc_ctx *ctx, const char *key,
                             const char *value);
TC_API const char *tc_ctx_option(const struct tc_ctx *ctx, const char *key);

/* Options the context knows: the profile limits and settings of the
 * whole conversion, then those each format owns (its reader's or its
 * writer's, named after it: "vtt-regions").  Handed out by pointer, one
 * row at a time (never as an array): may grow at the end. */
struct tc_option {
    const char *name;
    const char *def;        /* default value as text, NULL = unset */
    const char *help;
};
/** Option i, or NULL past the last: every option a context knows, its
 *  own first, then each format's in the order of tc_format_at().
 *  @since 0.1 */
TC_API const struct tc_option *tc_option_at(size_t i);

/** Append "NAME[:KEY=VALUE,...]" to the filter chain.  @since 0.1 */
TC_API int tc_ctx_add_filter(struct tc_ctx *ctx, const char *spec);
TC_API void tc_ctx_clear_filters(struct tc_ctx *ctx);
/** Append the filters of a preset, in its order: "clean" is the command's
 *  --clean (tidy, nonspeech, fillers, dedupe, merge, wrap, timing).
 *  TC_ERR_ARG, reported, for an unknown name.  @since 0.2 */
TC_API int tc_ctx_add_preset(struct tc_ctx *ctx, const char *name);
/** The filters of a preset, space-separated; NULL for an unknown name.
 *  @since 0.2 */
TC_API const char *tc_preset_filters(const char *name);
/** Check the filter chain and the options its filters use, reporting each
 *  problem; TC_ERR_ARG if any.  tc_convert() checks too, per input.
 *  @since 0.1 */
TC_API int tc_ctx_check(struct tc_ctx *ctx);

/* ---- formats and filters: the registry -------------------------------- */

/** Format i of the registry, or NULL past the last; the registry is
 *  read-only and shared by every thread.  @since 0.1 */
TC_API const struct tc_format *tc_format_at(size_t i);
/** The format named name ("srt", "vtt", ...), or NULL.  @since 0.1 */
TC_API const struct tc_format *tc_format_find(const char *name);
/** The format whose extension list has the extension of path (a file
 *  name), or NULL.  @since 0.1 */
TC_API const struct tc_format *tc_format_by_extension(const char *path);
/** Its name, description and extensions (space-separated, the first is
 *  the one written).  @since 0.1 */
TC_API const char *tc_format_name(const struct tc_format *f);
TC_API const char *tc_format_desc(const struct tc_format *f);
TC_API const char *tc_format_extensions(const struct tc_format *f);
/** 1 when the format can be read, written.  @since 0.1 */
TC_API int tc_format_can_read(const struct tc_format *f);
TC_API int tc_format_can_write(const struct tc_format *f);
/** The format's own option i (also in tc_option_at()), or NULL past the
 *  last.  @since 0.2 */
TC_API const struct tc_option *tc_format_option_at(const struct tc_format *f,
                                                   size_t i);
/** Probe score 0..100 for these first bytes; higher is surer.
 *  @since 0.1 */
TC_API int tc_format_probe(const struct tc_format *f,
                           const unsigned char *head, size_t len);

/** Filter i of the registry, or NULL past the last; the filter named
 *  name, or NULL.  @since 0.1 */
TC_API const struct tc_filter *tc_filter_at(size_t i);
TC_API const struct tc_filter *tc_filter_find(const char *name);
/** Its name and description.  @since 0.1 */
TC_API const char *tc_filter_name(const struct tc_filter *f);
TC_API const char *tc_filter_desc(const struct tc_filter *f);
/** The filter's option i, or NULL past the last.  @since 0.2 */
TC_API const struct tc_option *tc_filter_option_at(const struct tc_filter *f,
                                                   size_t i);

/* ---- reading: bytes in, cues out ---------------------------------------
 * A reader turns bytes into cues.  Its input is fed in pieces
 * (tc_reader_new() and tc_reader_feed()), or read from a callback, a file
 * descriptor or a file.  tc_reader_next() hands out one cue at a time, as
 * soon as the format lets it go: a SubRip cue at the blank line after it
 * when the bytes fed so far end there, else when the next cue begins -- at
 * most one cue behind the input.  The format is the one given, or is
 * detected from the first bytes (then the file name, if any).
 *
 *     tc_reader_new(ctx, NULL, &r);
 *     while (have bytes) {
 *         tc_reader_feed(r, bytes, n);
 *         while ((rc = tc_reader_next(r, &cue)) == TC_OK)
 *             ... use cue, then tc_cue_free(cue) or give it on ...
 *         if (rc != TC_MORE) break;          (TC_END, or an error)
 *     }
 *     tc_reader_feed_end(r);  ... then tc_reader_next() to TC_END
 *
 * Diagnostics go to the context's callback, on the thread that called
 * tc_reader_next(), in input order between the cues.  Pulling runs the
 * format's reader on a helper thread of the reader's own, which takes
 * turns with the caller and never runs at the same time; it ends with
 * tc_reader_free().  Every read of the input is made on the caller's
 * thread too. */
struct tc_reader;

/** A read callback: up to size bytes into buf; returns the count, 0 at
 *  the end of the input, TC_AGAIN when nothing is there now (the reader's
 *  tc_reader_next() then returns TC_MORE, and the callback is asked again
 *  at the next call), or another negative tc_status.  @since 0.2 */
typedef long (*tc_read_fn)(void *ud, void *buf, size_t size);

/** A reader whose input is fed with tc_reader_feed().  from NULL:
 *  detect the format.  @since 0.2 */
TC_API int tc_reader_new(struct tc_ctx *ctx, const struct tc_format *from,
                         struct tc_reader **out);
/** A reader that calls fn(ud, ...) for its input.  @since 0.2 */
TC_API int tc_reader_new_cb(struct tc_ctx *ctx, const struct tc_format *from,
                            tc_read_fn fn, void *ud, struct tc_reader **out);
/** A reader of the descriptor fd (not closed by the reader); name (may
 *  be NULL) is shown in diagnostics.  @since 0.2 */
TC_API int tc_reader_new_fd(struct tc_ctx *ctx, const struct tc_format *from,
                            int fd, const char *name,
                            struct tc_reader **out);
/** A reader of the file at path; NULL or "-" is standard input, shown as
 *  "<stdin>".  A file that cannot be opened is reported: TC_ERR_IO.
 *  @since 0.2 */
TC_API int tc_reader_open(struct tc_ctx *ctx, const struct tc_format *from,
                          const char *path, struct tc_reader **out);
/** The name diagnostics show for the input (copied; NULL: none), before
 *  the first tc_reader_next().  @since 0.2 */
TC_API int tc_reader_set_name(struct tc_reader *r, const char *name);
/** Give a fed reader len more bytes (copied).  TC_ERR_ARG after
 *  tc_reader_feed_end() or for a reader that is not fed.  @since 0.2 */
TC_API int tc_reader_feed(struct tc_reader *r, const void *data, size_t len);
/** The fed input is complete.  @since 0.2 */
TC_API int tc_reader_feed_end(struct tc_reader *r);
/** The next cue into *cue (the caller owns it: tc_cue_free() or hand it
 *  on), TC_OK; or TC_MORE: feed more input (a fed reader, or a callback
 *  that said TC_MORE); or TC_END: no more cues; or an error, reported
 *  through the diagnostic callback, after which the reader gives no more
 *  cues.  @since 0.2 */
TC_API int tc_reader_next(struct tc_reader *r, struct tc_cue **cue);
/** The input's format: the one given, or the one detected; NULL until it
 *  is known (a detected format is known once the first cue, TC_MORE or an
 *  error came back).  @since 0.2 */
TC_API const struct tc_format *tc_reader_format(const struct tc_reader *r);
/** The header facts the input announced (language, title, WebVTT
 *  regions...); NULL until the format's reader announced them (before its
 *  first cue).  Belongs to the reader.  @since 0.2 */
TC_API const struct tc_track *tc_reader_track(const struct tc_reader *r);
/** Stop reading (the helper thread, if any, is ended) and free; cues
 *  handed out stay the caller's.  @since 0.2 */
TC_API void tc_reader_free(struct tc_reader *r);

/* ---- writing: cues in, bytes out ---------------------------------------
 * A writer renders cues in one format: into memory (tc_writer_data()), a
 * callback or a file descriptor.  Before the format's writer every cue
 * gets a sane end: an unset end, or one not after the start, is set from
 * the length of the text and the next cue's start (so the writer may hold
 * one such cue until the next one comes).  Output options of the context
 * (output-encoding, bom, vtt-regions, ...) apply. */
struct tc_writer;

/** A write callback: take all len bytes; TC_OK or a negative tc_status,
 *  which the writer keeps and returns from then on.  @since 0.2 */
typedef int (*tc_write_fn)(void *ud, const void *data, size_t len);

/** A writer into memory.  TC_ERR_UNSUPPORTED, reported, when the format
 *  cannot be written.  @since 0.2 */
TC_API int tc_writer_new(struct tc_ctx *ctx, const struct tc_format *to,
                         struct tc_writer **out);
/** A writer that hands its bytes to fn(ud, ...).  @since 0.2 */
TC_API int tc_writer_new_cb(struct tc_ctx *ctx, const struct tc_format *to,
                            tc_write_fn fn, void *ud,
                            struct tc_writer **out);
/** A writer to the descriptor fd (not closed by the writer); name (may be
 *  NULL) is shown in diagnostics about writing.  @since 0.2 */
TC_API int tc_writer_new_fd(struct tc_ctx *ctx, const struct tc_format *to,
                            int fd, const char *name,
                            struct tc_writer **out);
/** The header facts to write (e.g. tc_reader_track() of the input),
 *  before the first cue; borrowed for the call.  @since 0.2 */
TC_API int tc_writer_track(struct tc_writer *w, const struct tc_track *t);
/** Write a cue; the writer takes it, on success and failure alike.
 *  @since 0.2 */
TC_API int tc_writer_put(struct tc_writer *w, struct tc_cue *cue);
/** Hand what is buffered to the output now (a live pipe's reader wants
 *  each cue when it is written).  @since 0.2 */
TC_API int tc_writer_flush(struct tc_writer *w);
/** No more cues: write what is held and the format's ending, and flush.
 *  @since 0.2 */
TC_API int tc_writer_finish(struct tc_writer *w);
/** A memory writer's bytes so far (after a flush it makes), NUL-terminated,
 *  *len without the NUL; valid until the next call on w.  NULL for other
 *  writers.  @since 0.2 */
TC_API const char *tc_writer_data(struct tc_writer *w, size_t *len);
TC_API const struct tc_format *tc_writer_format(const struct tc_writer *w);
/** @since 0.2 */
TC_API void tc_writer_free(struct tc_writer *w);

/* ---- the filter chain between them --------------------------------------
 * The context's filters (tc_ctx_add_filter()) as an object: put cues in,
 * take the filtered cues out.  A filter may hold cues to see the ones
 * after them: tc_chain_next() says TC_MORE until they come, and
 * tc_chain_finish() lets go of the rest. */
struct tc_chain;

/** A chain of the filters the context has now.  Options are checked here
 *  (reported; TC_ERR_ARG).  @since 0.2 */
TC_API int tc_chain_new(struct tc_ctx *ctx, struct tc_chain **out);
/** The input's header facts (its language matters to some filters),
 *  before the first cue.  @since 0.2 */
TC_API int tc_chain_track(struct tc_chain *ch, const struct tc_track *t);
/** Put a cue in; the chain takes it.  @since 0.2 */
TC_API int tc_chain_put(struct tc_chain *ch, struct tc_cue *cue);
/** The input has ended: the filters let go of what they hold.
 *  @since 0.2 */
TC_API int tc_chain_finish(struct tc_chain *ch);
/** The next filtered cue (TC_OK, the caller owns it), TC_MORE (put more
 *  in), TC_END (finished and empty), or the error that stopped the chain.
 *  @since 0.2 */
TC_API int tc_chain_next(struct tc_chain *ch, struct tc_cue **cue);
/** @since 0.2 */
TC_API void tc_chain_free(struct tc_chain *ch);

/* ---- converting ------------------------------------------------------- */

/** Everything a reader has, through the context's filter chain, into a
 *  writer, which is then finished: the conversion tc_convert() and the
 *  command make, with the same diagnostics (the count of skipped cues at
 *  the end; TC_ERR_SYNTAX when an error was reported).  r and w must have
 *  the same context, and a fed reader must have had tc_reader_feed_end().
 *  r may have been pulled from: the rest of its cues go.  @since 0.2 */
TC_API int tc_transfer(struct tc_reader *r, struct tc_writer *w);

/** The format of the input in_path (NULL or "-": standard input, which is
 *  then partly consumed), detected as tc_convert() does: from the content,
 *  then from the name.  *sure (may be NULL) is 1 when the content alone
 *  decided, 0 when the name or a weak likeness did.  TC_ERR_UNKNOWN_FORMAT,
 *  reported through the diagnostic callback, when nothing matches.
 *  @since 0.1 */
TC_API int tc_detect_format(struct tc_ctx *ctx, const char *in_path,
                            const struct tc_format **out, int *sure);

/** Convert one input to one output through the context's filter chain:
 *  tc_reader_open(), tc_writer_new_fd() and tc_transfer().
 *  in_path NULL or "-" reads standard input, shown as "<stdin>".
 *  out_path NULL or "-" writes standard output; a file is written under a
 *  temporary name beside it and renamed into place only on success,
 *  keeping the mode and, where the system allows, the owner of a file it
 *  replaces.  out_path may name in_path: the file is then converted in
 *  place.
 *  from NULL detects the format (content, then extension); to NULL takes
 *  the out_path extension, else SRT.
 *  @since 0.1 */
TC_API int tc_convert(struct tc_ctx *ctx, const char *in_path,
                      const struct tc_format *from, const char *out_path,
                      const struct tc_format *to);

/* ---- checking against the limits ----------------------------------------
 * Quality control: each cue measured against the context's limits (the
 * profile and the limit options), with the checks named by the option
 * "checks" (default: all; see tc_check_name()).  Each violation is a
 * warning that names the cue, its start and the limit, as
 * "cue 12 (00:01:02.500): reading speed 24.3 characters per second
 * exceeds 20 (netflix)"; --strict does not make it an error.  The report
 * of the last run stays in the context.  The filters measure as the
 * checker does: a cue the timing filter makes readable at max-cps passes
 * max-cps. */

/** The name of check i ("max-chars", "max-lines", "max-cps",
 *  "min-duration", "max-duration", "min-gap", "overlap", "order", "empty",
 *  "bad-time"); NULL past the last.  @since 0.1 */
TC_API const char *tc_check_name(size_t i);
/** With on, tc_convert() also checks the cues it writes.  Without it, a
 *  conversion through filters that work to meet limits (merge, wrap,
 *  timing) ends with one warning for each of those limits some cues still
 *  do not meet, with their share.  @since 0.1 */
TC_API void tc_ctx_set_check(struct tc_ctx *ctx, int on);
/** Read in_path as tc_convert() does (through the filter chain) and check
 *  the cues, writing nothing.  @since 0.1 */
TC_API int tc_check(struct tc_ctx *ctx, const char *in_path,
                    const struct tc_format *from);
/** Violations the last run found.  @since 0.1 */
TC_API unsigned long tc_check_violations(const struct tc_ctx *ctx);
/** 1 when the last run was checked to the end of its input and found no
 *  more violations than the option "max-violations" allows (default 0).
 *  @since 0.1 */
TC_API int tc_check_passed(const struct tc_ctx *ctx);

enum tc_report {
    TC_REPORT_JSON_OPEN,    /* a JSON document's start: profile, limits,
                               checks, and "files": [ */
    TC_REPORT_JSON_FILE,    /* the last run's file object; join several
                               with ",\n" */
    TC_REPORT_JSON_CLOSE,   /* the end of the document */
    TC_REPORT_TABLE         /* the last run in a short table, for people */
};
/** A report as text, which the caller frees with tc_free(); NULL on no
 *  memory or bad limits (reported).  The JSON schema is in transcue(1).
 *  @since 0.1 */
TC_API char *tc_check_report(struct tc_ctx *ctx, enum tc_report form);

#ifdef __cplusplus
}
#endif
#endif /* TRANSCUE_H */
