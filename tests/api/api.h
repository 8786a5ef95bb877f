/* api.h -- the API tests: programs that include only <transcue.h> and
 * link the installed library's exports, as an application does. */
#ifndef TRANSCUE_TESTS_API_H
#define TRANSCUE_TESTS_API_H

#include <check.h>
#include <stddef.h>

#include "transcue.h"

Suite *suite_stream(void);
Suite *suite_cue(void);
Suite *suite_threads(void);

/* A growable string. */
struct str {
    char *s;
    size_t n, cap;
};
void str_add(struct str *b, const char *p, size_t n);
void str_addf(struct str *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void str_free(struct str *b);

/* The bytes of a file of the source tree (top_srcdir), NUL-terminated;
 * *len without the NUL.  Fails the test when it cannot be read. */
char *api_slurp(const char *rel, size_t *len);

/* A diagnostic callback appending "LINE:COL: SEVERITY: MESSAGE: DETAIL\n"
 * to the struct str passed as userdata. */
void api_collect(const struct tc_diag *d, void *ud);

/* Everything about a cue, one line: times, id, region, placement, runs
 * with their styles. */
void api_dump_cue(struct str *b, const struct tc_cue *c);

/* Convert bytes in memory with a fed reader, the context's filters and a
 * memory writer (tc_transfer()); the output, and the status in *rc. */
char *api_convert(struct tc_ctx *ctx, const char *in, size_t n,
                  const char *from, const char *to, int *rc);

#endif
