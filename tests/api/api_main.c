/* api_main.c -- the runner of the API tests. */
#include <stdlib.h>

#include "api.h"

int
main(void)
{
    SRunner *sr = srunner_create(suite_stream());
    int failed;

    srunner_add_suite(sr, suite_cue());
    srunner_add_suite(sr, suite_threads());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
