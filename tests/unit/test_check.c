/* test_check.c -- the measures the filters and the checker share, and the
 * checker's library interface. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "format.h"
#include "measure.h"

static void
text_of(struct tc_text *t, const char *s)
{
    memset(t, 0, sizeof *t);
    ck_assert_int_eq(tc_text_append(t, s, strlen(s), NULL), TC_OK);
}

START_TEST(measure_chars_lines)
{
    struct tc_text t;
    struct tc_style it;

    /* spaces count, line breaks do not; characters, not bytes */
    text_of(&t, "Hello world\ncaf\xC3\xA9 na\xC3\xAFve");
    ck_assert_uint_eq(tc_measure_chars(&t), 21);
    ck_assert_uint_eq(tc_measure_lines(&t), 2);
    ck_assert_uint_eq(tc_measure_longest_line(&t), 11);
    /* styling is no text: an italic run adds its characters only */
    memset(&it, 0, sizeof it);
    it.style = TC_STYLE_ITALIC;
    it.time = TC_TIME_NONE;
    ck_assert_int_eq(tc_text_append(&t, " and more", 9, &it), TC_OK);
    ck_assert_uint_eq(tc_measure_chars(&t), 30);
    ck_assert_uint_eq(tc_measure_longest_line(&t), 19);
    tc_text_release(&t);
    text_of(&t, "");
    ck_assert_uint_eq(tc_measure_lines(&t), 0);
    ck_assert_uint_eq(tc_measure_chars(&t), 0);
    tc_text_release(&t);
    ck_assert_uint_eq(tc_measure_utf8("\xE2\x99\xAA a", 5), 3);
}
END_TEST

/* Counted eight bytes at a time: a line break or a multibyte character at
 * every offset of a word, and the bytes after the last whole word. */
START_TEST(measure_chars_every_offset)
{
    /* 0x7F, 0xC0 and 0xFF are no continuation bytes; 0x8A is one that
     * differs from a line break only in its top bit */
    static const char *const pieces[] = { "\n", "\xC3\xA9", "\xE2\x99\xAA",
                                          "\xF0\x9F\x8E\xB5", "\x7F",
                                          "\xC2\x8A" };
    static const size_t counts[] = { 0, 1, 1, 1, 1, 1 };
    size_t p, at;

    for (p = 0; p < sizeof pieces / sizeof pieces[0]; p++)
        for (at = 0; at < 17; at++) {
            char buf[64];
            size_t n = strlen(pieces[p]), len;

            memset(buf, 'a', at);
            memcpy(buf + at, pieces[p], n);
            memset(buf + at + n, 'b', 9);
            len = at + n + 9;
            ck_assert_uint_eq(tc_measure_utf8(buf, len),
                              at + (p == 0 ? 1 : counts[p]) + 9);
            {
                struct tc_text t;

                memset(&t, 0, sizeof t);
                ck_assert_int_eq(tc_text_append(&t, buf, len, NULL), TC_OK);
                ck_assert_uint_eq(tc_measure_chars(&t), at + counts[p] + 9);
                tc_text_release(&t);
            }
        }
}
END_TEST

/* The time timing extends a cue to is exactly the shortest the checker
 * lets pass: one millisecond less is too fast. */
START_TEST(measure_read_ms_is_the_boundary)
{
    static const double cps[] = { 12.3, 13, 15, 17, 17.5, 20, 25, 33.3 };
    size_t i, chars;

    for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        for (chars = 1; chars <= 400; chars++) {
            int64_t ms = tc_measure_read_ms(chars, cps[i]);

            ck_assert_msg(!tc_measure_cps_over(chars, ms, cps[i]),
                          "%zu chars at %g: %lld ms is too fast", chars,
                          cps[i], (long long)ms);
            ck_assert_msg(tc_measure_cps_over(chars, ms - 1, cps[i]),
                          "%zu chars at %g: %lld ms is not the least",
                          chars, cps[i], (long long)ms);
        }
    }
    ck_assert_int_eq(tc_measure_read_ms(41, 17), 2412);
    ck_assert_int_eq(tc_measure_read_ms(0, 17), 0);
    ck_assert(!tc_measure_cps_over(0, 0, 17));
    ck_assert(tc_measure_cps_over(1, 0, 17));
    ck_assert(tc_measure_cps(38, 1500) > 25.33 &&
              tc_measure_cps(38, 1500) < 25.34);
}
END_TEST

START_TEST(measure_place)
{
    struct tc_cue c;

    memset(&c, 0, sizeof c);
    tc_place_init(&c.place);
    ck_assert_int_eq(tc_measure_place(&c), TC_VPOS_BOTTOM);
    c.place.vpos = TC_VPOS_TOP;
    ck_assert_int_eq(tc_measure_place(&c), TC_VPOS_TOP);
}
END_TEST

START_TEST(check_names)
{
    static const char *const want[] = {
        "max-chars", "max-lines", "max-cps", "min-duration", "max-duration",
        "min-gap", "overlap", "order", "empty", "bad-time",
    };
    size_t i;

    for (i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_str_eq(tc_check_name(i), want[i]);
    ck_assert_ptr_null(tc_check_name(i));
}
END_TEST

static void
quiet(const struct tc_diag *d, void *ud)
{
    (void)d;
    (void)ud;
}

/* A file name is any bytes: the JSON string escapes what JSON needs and
 * turns what is not UTF-8 into U+FFFD. */
START_TEST(check_report_escapes_names)
{
    struct tc_ctx *ctx = tc_ctx_new();
    char *s;

    tc_ctx_set_diag(ctx, quiet, NULL);
    ck_assert_int_ne(tc_check(ctx, "/nonexistent/a\"b\\c\x01\xff\xC3\xA9.srt",
                              NULL), TC_OK);
    ck_assert(!tc_check_passed(ctx));
    s = tc_check_report(ctx, TC_REPORT_JSON_FILE);
    ck_assert_ptr_nonnull(s);
    ck_assert_msg(strstr(s, "\"file\": \"/nonexistent/a\\\"b\\\\c\\u0001"
                            "\\ufffd\xC3\xA9.srt\"") != NULL, "%s", s);
    ck_assert_msg(strstr(s, "\"complete\": false, \"passed\": false") !=
                  NULL, "%s", s);
    tc_free(s);
    tc_ctx_free(ctx);
}
END_TEST

START_TEST(check_options_refused)
{
    struct tc_ctx *ctx = tc_ctx_new();

    tc_ctx_set_diag(ctx, quiet, NULL);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "checks", "max-cps,speed"),
                     TC_ERR_ARG);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "checks", "-order,max-cps"),
                     TC_OK);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "max-violations", "x"),
                     TC_ERR_ARG);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "max-violations", "-1"),
                     TC_ERR_ARG);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "max-violations", "3"), TC_OK);
    tc_ctx_free(ctx);
}
END_TEST

Suite *
suite_check(void)
{
    Suite *s = suite_create("check");
    TCase *tc = tcase_create("measure");

    tcase_add_test(tc, measure_chars_lines);
    tcase_add_test(tc, measure_chars_every_offset);
    tcase_add_test(tc, measure_read_ms_is_the_boundary);
    tcase_add_test(tc, measure_place);
    suite_add_tcase(s, tc);
    tc = tcase_create("checker");
    tcase_add_test(tc, check_names);
    tcase_add_test(tc, check_report_escapes_names);
    tcase_add_test(tc, check_options_refused);
    suite_add_tcase(s, tc);
    return s;
}
