/* vtt.h -- the two halves of the WebVTT reader, inside the library only.
 *
 * The W3C parser keeps a cue's raw payload and parses its markup later;
 * so does this reader, and the conformance runner in tests/ calls each
 * half by itself: tc_vtt_parse() runs the file parsing algorithm (blocks,
 * timings, settings, regions) and tc_vtt_cue_text() runs the cue text
 * parsing rules (tokenizer, character references, tree building).
 */
#ifndef TRANSCUE_FORMATS_VTT_H
#define TRANSCUE_FORMATS_VTT_H

#include "format.h"

/* One cue block as the file parser yields it.  Pointers stay valid only
 * during the callback. */
struct tc_vtt_cue {
    const char *id;                 /* "" when there is none */
    size_t id_len;
    int64_t start, end;
    struct tc_place place;          /* all settings, vpos/align derived */
    const struct tc_region *region; /* NULL: no (known) region */
    const char *text;               /* raw payload, lines joined by LF */
    size_t text_len;
    unsigned long line;             /* first line of the block */
    unsigned long text_line;        /* line of the first payload line */
};

struct tc_vtt_handler {
    /* Once: before the first cue, or at the end when there is none. */
    int (*header)(void *ud, const struct tc_track *t);
    int (*cue)(void *ud, const struct tc_vtt_cue *c);
};

/* Run the WebVTT parser algorithm over src.  A missing or wrong signature
 * is reported (TC_D_SIGNATURE) and gives TC_ERR_SYNTAX; a block that
 * cannot be a cue is reported and skipped as the specification skips it.
 * Returns the first failure of a callback. */
int tc_vtt_parse(struct tc_source *src, const struct tc_vtt_handler *h,
                 void *ud);

/* The internal node objects of the cue text parsing rules. */
enum tc_vtt_node {
    TC_VTT_CLASS, TC_VTT_ITALIC, TC_VTT_BOLD, TC_VTT_UNDERLINE,
    TC_VTT_RUBY, TC_VTT_RT, TC_VTT_VOICE, TC_VTT_LANG
};

/* Tree events in document order.  open() makes the new node current;
 * close() makes the current node's parent current.  classes are the
 * node's non-empty classes joined by one space ("" for none); value is a
 * voice's name or a language's tag (else ""). */
struct tc_vtt_text_ops {
    int (*text)(void *ud, const char *s, size_t n);
    int (*open)(void *ud, enum tc_vtt_node k, const char *classes,
                const char *value);
    int (*close)(void *ud);
    int (*timestamp)(void *ud, int64_t ms);
    /* A tag the rules ignore (unknown, misplaced, bad timestamp); may be
     * NULL.  start is 1 for a start tag. */
    int (*ignored)(void *ud, const char *name, int start);
};

/* Scratch buffers the cue text parser reuses from cue to cue. */
struct tc_vtt_scratch {
    struct tc_buf result, buffer, classes;
};
void tc_vtt_scratch_init(struct tc_vtt_scratch *sc);
void tc_vtt_scratch_release(struct tc_vtt_scratch *sc);

/* Parse a cue payload with the WebVTT cue text parsing rules.  Nodes
 * nested deeper than TC_VTT_MAX_DEPTH are ignored (*deep is set). */
#define TC_VTT_MAX_DEPTH 64
int tc_vtt_cue_text(struct tc_vtt_scratch *sc, const char *s, size_t n,
                    const struct tc_vtt_text_ops *ops, void *ud, int *deep);

/* "collect a WebVTT timestamp" at the start of [s, s + n); TC_OK or
 * TC_ERR_SYNTAX.  *used gets the bytes read, on failure too (a column). */
int tc_vtt_timestamp(const char *s, size_t n, size_t *used, int64_t *ms);

/* Character classes of the WebVTT and HTML specifications. */
static inline int
tc_vtt_is_ws(char c)            /* ASCII whitespace */
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static inline int
tc_vtt_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline int
tc_vtt_is_alnum(char c)
{
    return tc_vtt_is_digit(c) || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
}

#endif /* TRANSCUE_FORMATS_VTT_H */
