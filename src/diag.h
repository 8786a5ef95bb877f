/* diag.h -- reporting diagnostics.  Each kind (enum tc_diag_id, public in
 * transcue.h) has one severity, kept in the table in diag.c, not at the
 * call sites. */
#ifndef TRANSCUE_SRC_DIAG_H
#define TRANSCUE_SRC_DIAG_H

#include "transcue.h"

/* The kinds themselves are public (enum tc_diag_id in transcue.h); the
 * count of them, for the table in diag.c, is not: it grows. */
#define TC_D__COUNT (TC_D_CHECK + 1)

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
