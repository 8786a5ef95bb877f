/* test_filters_clean.h -- the suites of the filters-clean test program. */
#ifndef TRANSCUE_TESTS_UNIT_TEST_FILTERS_CLEAN_H
#define TRANSCUE_TESTS_UNIT_TEST_FILTERS_CLEAN_H

#include <check.h>

struct fc_case {
    const char *name;
    const char *filters;    /* filter specs, separated by spaces */
    const char *in;         /* SubRip */
    int rc;
    const char *out;        /* expected SubRip ("" when the run fails) */
    const char *diag;       /* a substring of the diagnostics; "" = none */
};

/* Convert SubRip in through the filters; the output and the diagnostics
 * ("LINE: SEV: MESSAGE: DETAIL" lines) are the caller's to free(). */
char *fc_run(const char *filters, const char *in, char **diags, int *rc);

Suite *suite_fc_model(void);

#endif
