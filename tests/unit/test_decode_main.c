/* test_decode_main.c -- runner of the decoding and output-encoding unit
 * tests, apart from tests/unit/unit so that each area has its own
 * program. */
#include "config.h"

#include <stdlib.h>

#include "unit.h"

Suite *suite_decode(void);

int
main(void)
{
    SRunner *sr = srunner_create(suite_decode());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
