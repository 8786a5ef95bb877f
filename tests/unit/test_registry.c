/* test_registry.c -- invariants of the format and filter tables. */
#include "config.h"

#include <string.h>

#include "unit.h"
#include "format.h"

static int
good_name(const char *n)
{
    if (n == NULL || *n == '\0')
        return 0;
    for (; *n; n++)
        if (!((*n >= 'a' && *n <= 'z') || (*n >= '0' && *n <= '9') ||
              *n == '-'))
            return 0;
    return 1;
}

START_TEST(format_names_unique_and_well_formed)
{
    size_t i, j;

    ck_assert_ptr_nonnull(tc_format_at(0));
    for (i = 0; tc_format_at(i) != NULL; i++) {
        const struct tc_format *f = tc_format_at(i);

        ck_assert_msg(good_name(f->name), "bad name %s", f->name);
        ck_assert_ptr_nonnull(f->desc);
        ck_assert_ptr_nonnull(f->extensions);
        ck_assert_ptr_eq(tc_format_find(f->name), f);
        if (f->read != NULL)
            ck_assert_msg(f->probe != NULL, "%s reads without a probe",
                          f->name);
        for (j = 0; j < i; j++)
            ck_assert_str_ne(tc_format_at(j)->name, f->name);
    }
}
END_TEST

START_TEST(filter_names_unique_and_well_formed)
{
    size_t i, j;

    for (i = 0; tc_filter_at(i) != NULL; i++) {
        const struct tc_filter *f = tc_filter_at(i);

        ck_assert_msg(good_name(f->name), "bad name %s", f->name);
        ck_assert_ptr_nonnull(f->desc);
        ck_assert_ptr_nonnull(f->create);
        for (j = 0; j < i; j++)
            ck_assert_str_ne(tc_filter_at(j)->name, f->name);
    }
}
END_TEST

START_TEST(extension_lookup)
{
    ck_assert_str_eq(tc_format_by_extension("a/b.SRT")->name, "srt");
    ck_assert_ptr_null(tc_format_by_extension("dir.srt/noext"));
    ck_assert_ptr_null(tc_format_by_extension(NULL));
}
END_TEST

START_TEST(srt_probe_detects)
{
    static const char srt[] = "1\n00:00:01,000 --> 00:00:02,000\nHi\n";
    const struct tc_format *f =
        tc_format_detect((const unsigned char *)srt, strlen(srt), NULL);

    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f->name, "srt");
    ck_assert_int_eq(tc_format_probe(tc_format_find("srt"),
                                     (const unsigned char *)"hello", 5),
                     TC_PROBE_NO);
}
END_TEST

START_TEST(options_follow_profile)
{
    struct tc_ctx *ctx = tc_ctx_new();

    ck_assert_str_eq(tc_ctx_option(ctx, "max-chars"), "42");
    ck_assert_int_eq(tc_ctx_set_option(ctx, "profile", "bbc"), TC_OK);
    ck_assert_str_eq(tc_ctx_option(ctx, "max-chars"), "37");
    ck_assert_int_eq(tc_ctx_set_option(ctx, "max-chars", "30"), TC_OK);
    ck_assert_str_eq(tc_ctx_option(ctx, "max-chars"), "30");
    ck_assert_int_eq(tc_ctx_set_option(ctx, "profile", "nope"), TC_ERR_ARG);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "nope", "1"), TC_ERR_ARG);
    tc_ctx_free(ctx);
}
END_TEST

Suite *
suite_registry(void)
{
    Suite *s = suite_create("registry");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, format_names_unique_and_well_formed);
    tcase_add_test(tc, filter_names_unique_and_well_formed);
    tcase_add_test(tc, extension_lookup);
    tcase_add_test(tc, srt_probe_detects);
    tcase_add_test(tc, options_follow_profile);
    suite_add_tcase(s, tc);
    return s;
}
