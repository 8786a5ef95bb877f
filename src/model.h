/* model.h -- the insides of the cue model.  The public header keeps a cue
 * and a track opaque (so that they can grow); inside the library formats
 * and filters use the fields directly. */
#ifndef TRANSCUE_SRC_MODEL_H
#define TRANSCUE_SRC_MODEL_H

#include "transcue.h"

/* A run's string attributes are offsets into the text's pool: 0 = none. */
struct tc_run {
    size_t   off;       /* the run's UTF-8 text: pool + off ... */
    size_t   len;       /* ... len bytes, not NUL-terminated */
    unsigned style;     /* TC_STYLE_* bits */
    uint32_t color;     /* 0xRRGGBB when TC_STYLE_COLOR */
    size_t   voice;     /* speaker name (WebVTT <v>, TTML agent) */
    size_t   lang;      /* BCP 47 language tag */
    size_t   cls;       /* space-separated class names (WebVTT <c.x.y>) */
    int64_t  time;      /* inline timestamp before this run, or TC_TIME_NONE */
};

struct tc_text {
    struct tc_run *runs;
    size_t nruns, runs_cap;
    char *pool;         /* never NULL once used; pool[0] == '\0' */
    size_t pool_len, pool_cap;
};

struct tc_cue {
    int64_t         start, end;     /* ms; end may be TC_TIME_NONE in readers */
    char           *id;             /* NULL = none; see tc_cue_set_id() */
    char           *region;         /* WebVTT region id or TTML region, NULL */
    struct tc_place place;
    struct tc_text  text;
    unsigned long   line;           /* input line the cue began on, 0 = n/a */
    struct tc_ctx  *ctx;            /* owner of the cue's free list */
};

/* Header facts a reader announces before its first cue. */
struct tc_track {
    const char *lang;               /* NULL = unknown */
    const char *title;
    const struct tc_region *regions;
    size_t nregions;
    const char *style;              /* WebVTT STYLE block text, NULL = none */
    /* WebVTT header lines a player needs (X-TIMESTAMP-MAP=...), joined by
     * '\n'; NULL = none */
    const char *vtt_header;
};

/* Append text with a style.  Joins the previous run when the style is the
 * same.  "\n" in s is a line break.  A cue's text holds at most 1 MiB:
 * beyond it TC_ERR_LIMIT. */
int tc_text_append(struct tc_text *t, const char *s, size_t len,
                   const struct tc_style *st);
/* Append a line break to the last run (or a plain run). */
int tc_text_newline(struct tc_text *t);
void tc_text_clear(struct tc_text *t);
void tc_text_release(struct tc_text *t);
/* A run's string attribute, or NULL. */
const char *tc_text_str(const struct tc_text *t, size_t off);
/* The style of a run, for tc_text_append() into another text. */
void tc_run_style(const struct tc_text *t, const struct tc_run *r,
                  struct tc_style *out);
/* Total bytes of text. */
size_t tc_text_len(const struct tc_text *t);
/* 1 when the text has nothing but white space. */
int tc_text_is_blank(const struct tc_text *t);
/* Plain text (no styles, '\n' line breaks) into a new buffer the caller
 * frees with tc_free(); NULL on no memory. */
char *tc_text_plain(const struct tc_text *t);
/* Drop leading and trailing white space of every line and empty lines
 * (a cue's text never holds an empty line). */
void tc_text_trim(struct tc_text *t);

#endif /* TRANSCUE_SRC_MODEL_H */
