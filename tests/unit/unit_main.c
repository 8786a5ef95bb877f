/* unit_main.c -- the one runner of the Check unit tests. */
#include "config.h"

#include <stdlib.h>

#include "unit.h"

int
main(void)
{
    SRunner *sr = srunner_create(suite_buf());
    int failed;

    srunner_add_suite(sr, suite_text());
    srunner_add_suite(sr, suite_time());
    srunner_add_suite(sr, suite_registry());
    srunner_add_suite(sr, suite_srt());
    srunner_add_suite(sr, suite_lang());
    srunner_add_suite(sr, suite_check());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
