/* diag.h -- the kinds of diagnostic.  Each kind has one severity, kept in
 * the table in diag.c, not at the call sites.  Values are stable: append. */
#ifndef TRANSCUE_SRC_DIAG_H
#define TRANSCUE_SRC_DIAG_H

#include "transcue.h"

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
    /* appended: a warning */
    TC_D_LANG_UNKNOWN,      /* a filter cannot tell the text's language */
    TC_D_LANG,              /* a note: the language of the text */
    TC_D_SKIPPED,           /* the run's count of cues a reader skipped */
    TC_D_NOTHING_LEFT,      /* the input held cues, the output none */
    TC_D_XML_RECOVERED,     /* an XML error the parser read past */
    TC_D_END_INFERRED,      /* an end the input does not give, found */
    TC_D_JSON,              /* JSON not well-formed: the rest is lost */
    TC_D_NOT_KEPT,          /* a warning: input markup the model lacks */
    TC_D_CHECK,             /* a warning: a cue breaks a limit, or a share
                               of the cues does (checker.c); its detail is
                               the whole message, and --strict leaves it
                               a warning: a finding, not a repair */
    TC_D__COUNT
};

/* Report a diagnostic of kind id at line/col of the current input.
 * fmt (may be NULL) gives the detail.  Returns TC_ERR_STRICT when the
 * context is strict and the kind is a warning, TC_OK otherwise, so that a
 * reader can write: if ((rc = tc_diagf(...)) != TC_OK) return rc; */
int tc_diagf(struct tc_ctx *ctx, int id, unsigned long line, unsigned col,
             const char *fmt, ...) TC_PRINTF(5, 6);
enum tc_severity tc_diag_severity(int id);

/* A cue the reader leaves out because the format's own rules discard it or
 * its time cannot be read: reported like tc_diagf() with "; cue skipped"
 * after the detail (a warning, an error under --strict) and counted for the
 * line that ends the run (TC_D_SKIPPED). */
int tc_skipf(struct tc_ctx *ctx, int id, unsigned long line, unsigned col,
             const char *fmt, ...) TC_PRINTF(5, 6);

/* One cause that can repeat on every cue of a file (a '.' before every
 * fraction, numbering that starts at 2): the first occurrence is reported,
 * the others only counted, and tc_repeat_end() says how many there were.
 * Zero-initialise; one per cause per file. */
struct tc_repeat {
    unsigned long n;            /* occurrences so far */
    unsigned long first, last;  /* their lines */
    int id;
};
int tc_repeatf(struct tc_ctx *ctx, struct tc_repeat *r, int id,
               unsigned long line, unsigned col, const char *fmt, ...)
    TC_PRINTF(6, 7);
/* tc_skipf() for a cause that may repeat: every cue is counted as
 * skipped, the first reported (see tc_repeatf()). */
int tc_skiprf(struct tc_ctx *ctx, struct tc_repeat *r, int id,
              unsigned long line, unsigned col, const char *fmt, ...)
    TC_PRINTF(6, 7);
/* "WHAT: N more like this, the last at line LAST" at the first line, when
 * the cause came back; what (may be NULL) names it where the kind does
 * not. */
int tc_repeat_end(struct tc_ctx *ctx, struct tc_repeat *r, const char *what);

/* A reader left n cues out because an option asked for it (not an
 * error): counted, so that an empty result can say why. */
void tc_ctx_discarded(struct tc_ctx *ctx, unsigned long n);

/* The file name shown in diagnostics; NULL for none. */
void tc_ctx_set_file(struct tc_ctx *ctx, const char *name);
const char *tc_ctx_file(const struct tc_ctx *ctx);
int tc_ctx_strict(const struct tc_ctx *ctx);

#endif /* TRANSCUE_SRC_DIAG_H */
