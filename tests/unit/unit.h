/* unit.h -- the suites of the unit-test runner. */
#ifndef TRANSCUE_TESTS_UNIT_H
#define TRANSCUE_TESTS_UNIT_H

#include <check.h>

Suite *suite_buf(void);
Suite *suite_text(void);
Suite *suite_time(void);
Suite *suite_registry(void);
Suite *suite_srt(void);
Suite *suite_lang(void);
Suite *suite_check(void);

/* A string literal as the two arguments pointer, length. */
#define BYTES(s) s, sizeof s - 1

/* Run a whole conversion of in (a string) with the library and return the
 * output (free with free()) and the diagnostics as "LINE:COL: SEV: MSG"
 * lines in *diags (free with free()); *rc gets tc_convert()'s status. */
char *unit_convert(const char *in, const char *from, const char *to,
                   char **diags, int *rc);

/* A diagnostic callback appending "LINE:COL: SEV: MSG: DETAIL\n" to the
 * struct tc_buf passed as userdata. */
struct tc_diag;
void unit_collect(const struct tc_diag *d, void *ud);

/* unit_convert() with one context option set first (key NULL: none); a
 * refused option's status is returned in *rc. */
char *unit_convert_opt(const char *in, const char *from, const char *to,
                       const char *key, const char *value, char **diags,
                       int *rc);

#endif
