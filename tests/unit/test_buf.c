/* test_buf.c -- the growable buffer's invariants. */
#include "config.h"

#include <string.h>

#include "unit.h"
#include "buf.h"

START_TEST(buf_starts_empty_and_terminated)
{
    struct tc_buf b = TC_BUF_INIT;

    ck_assert_ptr_nonnull(b.data);
    ck_assert_str_eq(b.data, "");
    ck_assert_uint_eq(b.len, 0);
    tc_buf_release(&b);
}
END_TEST

START_TEST(buf_appends_and_formats)
{
    struct tc_buf b = TC_BUF_INIT;
    int i;

    for (i = 0; i < 1000; i++)
        tc_buf_addf(&b, "%d,", i % 10);
    ck_assert_int_eq(tc_buf_status(&b), TC_OK);
    ck_assert_uint_eq(b.len, 2000);
    ck_assert_uint_eq(strlen(b.data), 2000);
    ck_assert(memcmp(b.data, "0,1,2,", 6) == 0);
    tc_buf_release(&b);
}
END_TEST

START_TEST(buf_limit_is_sticky)
{
    struct tc_buf b;

    tc_buf_init(&b, 8);
    ck_assert_int_eq(tc_buf_adds(&b, "12345678"), TC_OK);
    ck_assert_int_eq(tc_buf_addc(&b, '9'), TC_ERR_LIMIT);
    ck_assert_int_eq(tc_buf_adds(&b, ""), TC_ERR_LIMIT);
    ck_assert_str_eq(b.data, "12345678");
    tc_buf_release(&b);
}
END_TEST

START_TEST(buf_detach_hands_over)
{
    struct tc_buf b = TC_BUF_INIT;
    char *p;

    tc_buf_adds(&b, "abc");
    p = tc_buf_detach(&b);
    ck_assert_str_eq(p, "abc");
    ck_assert_str_eq(b.data, "");
    tc_free(p);
}
END_TEST

Suite *
suite_buf(void)
{
    Suite *s = suite_create("buf");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, buf_starts_empty_and_terminated);
    tcase_add_test(tc, buf_appends_and_formats);
    tcase_add_test(tc, buf_limit_is_sticky);
    tcase_add_test(tc, buf_detach_hands_over);
    suite_add_tcase(s, tc);
    return s;
}
