/* test_ttml_lenient.c -- TTML as authoring tools write it: XML errors the
 * parser reads past, a <tt> without a namespace, SubRip-style times,
 * unreadable times that cost one paragraph, paragraphs without an end,
 * and --strict, which keeps each of these an error. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "test_ttml_util.h"

#define DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define TT "<tt xmlns=\"http://www.w3.org/ns/ttml\" " \
    "xmlns:tts=\"http://www.w3.org/ns/ttml#styling\" " \
    "xmlns:ttp=\"http://www.w3.org/ns/ttml#parameter\" xml:lang=\"en\""

/* Warnings, then every paragraph. */
static const struct {
    const char *name;
    const char *doc;
    size_t n;                   /* cues */
    const char *diags;          /* exactly */
} lenient[] = {
    { "duplicate-and-malformed-ids-undeclared-prefix",
      DECL TT ">\n<head><metadata><ttm:title>Film</ttm:title></metadata>"
      "</head>\n<body><div>\n"
      "<p xml:id=\"1\" begin=\"1s\" end=\"2s\">One</p>\n"
      "<p xml:id=\"c1\" begin=\"3s\" end=\"4s\">Two</p>\n"
      "<p xml:id=\"c1\" begin=\"5s\" end=\"6s\">Three</p>\n"
      "<p xml:id=\"c1\" begin=\"7s\" end=\"8s\">Four</p>\n"
      "</div></body></tt>\n", 4,
      "3:27: warning: recoverable XML error: Namespace prefix ttm on title is "
      "not defined\n"
      "5:34: warning: recoverable XML error: xml:id : attribute value 1 is "
      "not an NCName\n"
      "7:35: warning: recoverable XML error: ID c1 already defined\n"
      "7:0: warning: recoverable XML error: 1 more like this, the last at "
      "line 8\n" },
    { "tt-without-namespace",
      DECL "<tt xml:lang=\"en\" xmlns:tts=\"http://www.w3.org/ns/ttml#"
      "styling\">\n<body><div>\n<p begin=\"1s\" end=\"2s\">One <span "
      "tts:fontStyle=\"italic\">it</span></p>\n</div></body></tt>\n", 1,
      "2:0: warning: repaired: the root element <tt> has no namespace; "
      "read as TTML (whose namespace is http://www.w3.org/ns/ttml)\n" },
    { "undeclared-tts-prefix-on-an-attribute",
      DECL "<tt xmlns=\"http://www.w3.org/ns/ttml\">\n<body><div>\n"
      "<p begin=\"1s\" end=\"2s\" tts:fontStyle=\"italic\">One</p>\n"
      "</div></body></tt>\n", 1,
      "4:46: warning: recoverable XML error: Namespace prefix tts for "
      "fontStyle on p is not defined\n" },
    { "subrip-comma-times",
      DECL TT ">\n<body><div>\n"
      "<p begin=\"00:00:01,000\" end=\"00:00:02,500\">One</p>\n"
      "<p begin=\"00:00:03,000\" end=\"00:00:04,000\">Two</p>\n"
      "</div></body></tt>\n", 2,
      "4:0: warning: non-standard timestamp: begin='00:00:01,000': the "
      "comma before the fraction read as a dot\n"
      "4:0: warning: non-standard timestamp: 3 more like this, the last "
      "at line 5\n" },
    /* one bad time costs its paragraph, never the rest */
    { "bad-times-cost-one-paragraph-each",
      DECL "<tt xmlns=\"http://www.w3.org/ns/ttml\" xmlns:ttp=\"http://"
      "www.w3.org/ns/ttml#parameter\" ttp:frameRate=\"24\">\n<body><div>\n"
      "<p begin=\"1s\" end=\"2s\">One</p>\n"
      "<p begin=\"later\" end=\"3s\">Two</p>\n"
      "<p begin=\"00:00:04:100\" end=\"5s\">Three</p>\n"
      "<p begin=\"6s\" end=\"7s\">Four <span begin=\"soon\">x</span></p>\n"
      "<p begin=\"8s\" end=\"9s\">Five</p>\n"
      "</div></body></tt>\n", 2,
      "5:0: warning: unreadable timestamp: <p begin='later'>; cue skipped\n"
      "6:0: warning: unreadable timestamp: <p begin='00:00:04:100'>; cue "
      "skipped\n"
      "7:0: warning: unreadable timestamp: <span begin='soon'> in this "
      "paragraph; cue skipped\n" },
    { "bad-time-on-a-div",
      DECL TT ">\n<body>\n<div begin=\"x\">\n"
      "<p begin=\"1s\" end=\"2s\">One</p>\n"
      "<p begin=\"3s\" end=\"4s\">Two</p>\n</div>\n<div>\n"
      "<p begin=\"5s\" end=\"6s\">Three</p>\n"
      "</div></body></tt>\n", 1,
      "4:0: warning: unreadable timestamp: <div begin='x'>: every "
      "paragraph in it is skipped\n"
      "5:0: warning: unreadable timestamp: a paragraph in an element with "
      "an unreadable time (line 4); cue skipped\n"
      "5:0: warning: unreadable timestamp: 1 more like this, the last at "
      "line 6\n" },
    { "reversed-paragraph-skipped",
      DECL TT ">\n<body><div>\n<p begin=\"3s\" end=\"2s\">One</p>\n"
      "<p begin=\"4s\" end=\"5s\">Two</p>\n</div></body></tt>\n", 1,
      "4:0: warning: cue ends before or when it starts: <p> ends before it "
      "begins, "
      "so TTML never shows it; cue skipped\n" },
};

START_TEST(reads_leniently)
{
    struct got g;

    ttml_read_text(lenient[_i].doc, &g);
    ck_assert_msg(g.rc == TC_OK, "%s: %d\n%s", lenient[_i].name, g.rc,
                  g.diags);
    ck_assert_msg(g.n == lenient[_i].n, "%s: %zu cues\n%s",
                  lenient[_i].name, g.n, g.diags);
    ck_assert_msg(strcmp(g.diags, lenient[_i].diags) == 0,
                  "%s: diagnostics were\n%s", lenient[_i].name, g.diags);
    got_free(&g);
    /* --strict keeps each of them an error */
    ttml_read_text_strict(lenient[_i].doc, &g);
    ck_assert_msg(g.rc != TC_OK, "%s: accepted under --strict",
                  lenient[_i].name);
    ck_assert_msg(strstr(g.diags, ": error: ") != NULL, "%s: %s",
                  lenient[_i].name, g.diags);
    got_free(&g);
}
END_TEST

/* What an undeclared TTML prefix and a <tt> without a namespace mean is
 * clear: their styles are kept. */
START_TEST(styles_kept_when_lenient)
{
    struct got g;

    ttml_read_text(lenient[1].doc, &g);
    ck_assert_uint_eq(g.n, 1);
    ck_assert_str_eq(g.v[0].text, "One it");
    ck_assert_uint_eq(g.v[0].style, TC_STYLE_ITALIC);
    got_free(&g);
    ttml_read_text(lenient[2].doc, &g);
    ck_assert_uint_eq(g.n, 1);
    ck_assert_uint_eq(g.v[0].style, TC_STYLE_ITALIC);
    got_free(&g);
}
END_TEST

START_TEST(bad_times_keep_the_rest)
{
    struct got g;

    ttml_read_text(lenient[4].doc, &g);
    ck_assert_uint_eq(g.n, 2);
    ck_assert_str_eq(g.v[0].text, "One");
    ck_assert_int_eq(g.v[0].start, 1000);
    ck_assert_str_eq(g.v[1].text, "Five");
    ck_assert_int_eq(g.v[1].start, 8000);
    got_free(&g);
}
END_TEST

/* A paragraph with a begin only, or none, lasts until the next begins;
 * the last has no end (the stage before the writer estimates one). */
START_TEST(begin_only_until_next)
{
    struct got g;

    ttml_read_text(DECL TT ">\n<body><div>\n"
                   "<p begin=\"1s\">One</p>\n"
                   "<p begin=\"3s\">Two</p>\n"
                   "<p begin=\"6s\" end=\"7s\">Three</p>\n"
                   "<p begin=\"8s\">Four</p>\n"
                   "</div></body></tt>\n", &g);
    ck_assert_msg(g.rc == TC_OK && g.n == 4, "%s", g.diags);
    ck_assert_int_eq(g.v[0].start, 1000);
    ck_assert_int_eq(g.v[0].end, 3000);
    ck_assert_int_eq(g.v[1].end, 6000);
    ck_assert_int_eq(g.v[2].end, 7000);
    ck_assert_int_eq(g.v[3].start, 8000);
    ck_assert(g.v[3].end == TC_TIME_NONE);
    ck_assert_str_eq(g.diags, "4:0: note: end time inferred: 3 paragraphs "
                     "(this one first) without an end: each lasts until "
                     "the next one begins (the last one, as long as its "
                     "text takes to read)\n");
    got_free(&g);
}
END_TEST

/* A parent's end still bounds a paragraph without its own. */
START_TEST(begin_only_within_parent)
{
    struct got g;

    ttml_read_text(DECL TT ">\n<body><div end=\"5s\">\n"
                   "<p begin=\"1s\">One</p>\n</div><div>\n"
                   "<p begin=\"9s\" end=\"10s\">Two</p>\n"
                   "</div></body></tt>\n", &g);
    ck_assert_msg(g.rc == TC_OK && g.n == 2, "%s", g.diags);
    ck_assert_int_eq(g.v[0].end, 5000);
    ck_assert_str_eq(g.diags, "");
    got_free(&g);
}
END_TEST

/* Under ttp:timeBase="smpte" a clock time's fraction is kept. */
START_TEST(smpte_fraction_kept)
{
    struct got g;

    ttml_read_text(DECL TT " ttp:timeBase=\"smpte\" ttp:frameRate=\"25\">"
                   "\n<body><div>\n"
                   "<p begin=\"00:01:41.040\" end=\"00:01:42:12\">One</p>\n"
                   "</div></body></tt>\n", &g);
    ck_assert_msg(g.rc == TC_OK && g.n == 1, "%s", g.diags);
    ck_assert_int_eq(g.v[0].start, 101040);
    ck_assert_int_eq(g.v[0].end, 102480);
    got_free(&g);
}
END_TEST

/* What is no TTML at all stays an error. */
START_TEST(not_ttml_refused)
{
    struct got g;

    ttml_read_text(DECL "<tt xmlns=\"http://example.com/tt\"><body/></tt>",
                   &g);
    ck_assert_int_ne(g.rc, TC_OK);
    ck_assert_msg(strstr(g.diags, "error: syntax error: not a TTML "
                         "document: the root element <tt> is in the "
                         "namespace http://example.com/tt, which is not "
                         "TTML's") != NULL, "%s", g.diags);
    got_free(&g);
    ttml_read_text(DECL "<html><body/></html>", &g);
    ck_assert_msg(strstr(g.diags, "the root element is <html>, where TTML "
                         "has <tt>") != NULL, "%s", g.diags);
    got_free(&g);
}
END_TEST

Suite *
suite_ttml_lenient(void)
{
    Suite *s = suite_create("ttml-lenient");
    TCase *tc = tcase_create("lenient");

    tcase_add_loop_test(tc, reads_leniently, 0,
                        sizeof lenient / sizeof lenient[0]);
    tcase_add_test(tc, styles_kept_when_lenient);
    tcase_add_test(tc, bad_times_keep_the_rest);
    tcase_add_test(tc, begin_only_until_next);
    tcase_add_test(tc, begin_only_within_parent);
    tcase_add_test(tc, smpte_fraction_kept);
    tcase_add_test(tc, not_ttml_refused);
    suite_add_tcase(s, tc);
    return s;
}
