/* test_ttml_util.h -- what the TTML test files share: reading a document
 * with the TTML reader straight into a list of cues. */
#ifndef TRANSCUE_TESTS_TEST_TTML_UTIL_H
#define TRANSCUE_TESTS_TEST_TTML_UTIL_H

#include <check.h>
#include <stdint.h>

#include "format.h"

struct got_cue {
    int64_t start, end;         /* end TC_TIME_NONE when never ending */
    char *text;                 /* plain text, '\n' between lines */
    unsigned style;             /* TC_STYLE_* of all runs, or-ed */
    uint32_t color;             /* colour of the last coloured run */
    enum tc_vpos vpos;
    char *voice;                /* first run's speaker, or NULL */
    char *lang;                 /* first run's language, or NULL */
};

struct got {
    struct got_cue *v;
    size_t n, cap;
    int rc;
    char *diags;                /* "LINE:COL: SEV: MESSAGE: DETAIL\n"... */
};

/* Read path (or, when text is not NULL, that text) as TTML. */
void ttml_read_file(const char *path, struct got *g);
void ttml_read_text(const char *text, struct got *g);
/* The same with one context option set first. */
void ttml_read_text_opt(const char *text, const char *key,
                        const char *value, struct got *g);
/* The same under --strict. */
void ttml_read_text_strict(const char *text, struct got *g);
void got_free(struct got *g);
/* A file under tests/data/ttml, from top_srcdir. */
const char *ttml_data(const char *rel);

Suite *suite_ttml(void);
Suite *suite_ttml_conf(void);
Suite *suite_ttml_lenient(void);

#endif
