/* test_time.c -- time formatting, the scanner, durations, UTF-8. */
#include "config.h"

#include <string.h>

#include "unit.h"
#include "format.h"

static const struct {
    int64_t ms;
    char sep;
    const char *want;
} fmt_cases[] = {
    { 0, ',', "00:00:00,000" },
    { 3723004, '.', "01:02:03.004" },
    { 360000000, ',', "100:00:00,000" },
    { 359999999, '.', "99:59:59.999" },
    { 36000000 + 2999999, ',', "10:49:59,999" },
    { 599010, ',', "00:09:59,010" },
    { -5, ',', "00:00:00,000" },
};

START_TEST(time_formats)
{
    char buf[32];

    tc_time_fmt(buf, fmt_cases[_i].ms, fmt_cases[_i].sep);
    ck_assert_str_eq(buf, fmt_cases[_i].want);
}
END_TEST

static const struct {
    const char *in;
    int rc;
    int64_t ms;
} dur_cases[] = {
    { "1500", TC_OK, 1500 },
    { "1.5s", TC_OK, 1500 },
    { "-2s", TC_OK, -2000 },
    { "250ms", TC_OK, 250 },
    { "2m", TC_OK, 120000 },
    { "abc", TC_ERR_ARG, 0 },
    { "5 s", TC_ERR_ARG, 0 },
};

START_TEST(durations_parse)
{
    int64_t got = 0;
    int rc = tc_parse_duration(dur_cases[_i].in, &got);

    ck_assert_int_eq(rc, dur_cases[_i].rc);
    if (rc == TC_OK)
        ck_assert_int_eq(got, dur_cases[_i].ms);
}
END_TEST

/* The fast path of the readers takes only the usual form; the rest is
 * left to each format's own rules. */
START_TEST(hms_takes_the_usual_form)
{
    int64_t ms = -1;

    ck_assert_int_eq(tc_time_hms("01:02:03,004", 12, ',', &ms), 1);
    ck_assert_int_eq(ms, 3723004);
    ck_assert_int_eq(tc_time_hms("99:59:59.999 -->", 16, '.', &ms), 1);
    ck_assert_int_eq(ms, 359999999);
    ms = -1;
    ck_assert_int_eq(tc_time_hms("00:60:00.000", 12, '.', &ms), 0);
    ck_assert_int_eq(tc_time_hms("00:00:60.000", 12, '.', &ms), 0);
    ck_assert_int_eq(tc_time_hms("00:00:01.000", 12, ',', &ms), 0);
    ck_assert_int_eq(tc_time_hms("00:00:01.000", 11, '.', &ms), 0);
    ck_assert_int_eq(tc_time_hms("0:00:01.000 ", 12, '.', &ms), 0);
    ck_assert_int_eq(tc_time_hms("00:00:01.0a0", 12, '.', &ms), 0);
    ck_assert_int_eq(ms, -1);
}
END_TEST

START_TEST(scan_digits_bounds)
{
    struct tc_scan s;
    unsigned long v;

    tc_scan_init(&s, "123x", 4);
    ck_assert_int_eq(tc_scan_digits(&s, 2, 2, &v), TC_ERR_SYNTAX);
    tc_scan_init(&s, "123x", 4);
    ck_assert_int_eq(tc_scan_digits(&s, 1, 3, &v), TC_OK);
    ck_assert_uint_eq(v, 123);
    ck_assert_uint_eq(tc_scan_col(&s), 4);
    ck_assert_int_eq(tc_scan_char(&s, 'x'), TC_OK);
    ck_assert(tc_scan_eof(&s));
}
END_TEST

START_TEST(utf8_validates)
{
    ck_assert_uint_eq(tc_utf8_valid("h\xC3\xA9llo", 6), 6);
    ck_assert_uint_eq(tc_utf8_valid("ab\xE9z", 4), 2);
    ck_assert_uint_eq(tc_utf8_valid("\xED\xA0\x80", 3), 0); /* surrogate */
    /* past the first eight-byte word, and each way a sequence fails */
    ck_assert_uint_eq(tc_utf8_valid("abcdefghij\xC3\xA9", 12), 12);
    ck_assert_uint_eq(tc_utf8_valid("abcdefghij\xC3", 11), 10);
    ck_assert_uint_eq(tc_utf8_valid("abcdefghij\xC3z", 12), 10);
    ck_assert_uint_eq(tc_utf8_valid("abcdefgh\xC1\xBF", 10), 8);
    ck_assert_uint_eq(tc_utf8_valid("abcdefg\xE0\x9F\xBF", 10), 7);
    ck_assert_uint_eq(tc_utf8_valid("abcdefg\xE0\xA0\x80", 10), 10);
    ck_assert_uint_eq(tc_utf8_valid("a\xF0\x8F\xBF\xBF" "bcdefgh", 13), 1);
    ck_assert_uint_eq(tc_utf8_valid("a\xF0\x90\x80\x80" "bcdefgh", 13), 13);
    ck_assert_uint_eq(tc_utf8_valid("a\xF4\x8F\xBF\xBF" "bcdefgh", 13), 13);
    ck_assert_uint_eq(tc_utf8_valid("a\xF4\x90\x80\x80" "bcdefgh", 13), 1);
    ck_assert_uint_eq(tc_utf8_valid("a\xF5\x80\x80\x80" "bcdefgh", 13), 1);
    ck_assert_uint_eq(tc_utf8_valid("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\x80",
                                    9), 8);
}
END_TEST

START_TEST(colors_parse)
{
    uint32_t c = 0;

    ck_assert_int_eq(tc_color_parse("#FF8000", 7, &c), TC_OK);
    ck_assert_uint_eq(c, 0xFF8000);
    ck_assert_int_eq(tc_color_parse("cyan", 4, &c), TC_OK);
    ck_assert_uint_eq(c, 0x00FFFF);
    ck_assert_int_eq(tc_color_parse("#f00", 4, &c), TC_OK);
    ck_assert_uint_eq(c, 0xFF0000);
    ck_assert_int_eq(tc_color_parse("nope", 4, &c), TC_ERR_SYNTAX);
}
END_TEST

START_TEST(strerror_knows_every_status)
{
    int s;

    for (s = TC_OK; s >= TC_ERR_CLOSED; s--)
        ck_assert_str_ne(tc_strerror(s), tc_strerror(12345));
}
END_TEST

START_TEST(version_matches_package)
{
    ck_assert_str_eq(tc_version_string(), PACKAGE_VERSION);
    ck_assert_uint_eq(tc_version(), TC_VERSION_NUM);
}
END_TEST

Suite *
suite_time(void)
{
    Suite *s = suite_create("time");
    TCase *tc = tcase_create("core");

    tcase_add_loop_test(tc, time_formats, 0,
                        sizeof fmt_cases / sizeof fmt_cases[0]);
    tcase_add_loop_test(tc, durations_parse, 0,
                        sizeof dur_cases / sizeof dur_cases[0]);
    tcase_add_test(tc, hms_takes_the_usual_form);
    tcase_add_test(tc, scan_digits_bounds);
    tcase_add_test(tc, utf8_validates);
    tcase_add_test(tc, colors_parse);
    tcase_add_test(tc, strerror_knows_every_status);
    tcase_add_test(tc, version_matches_package);
    suite_add_tcase(s, tc);
    return s;
}
