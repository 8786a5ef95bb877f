/* test_ttml.c -- the TTML reader on small documents (timing inheritance,
 * par/seq, spans timed apart from their paragraph, styles, regions,
 * white space, agents), its safety limits, and the writer; plus the runner
 * of this program's suites. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "test_ttml_util.h"
#include "unit.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" TT
#define TT "<tt xmlns=\"http://www.w3.org/ns/ttml\" " \
    "xmlns:tts=\"http://www.w3.org/ns/ttml#styling\" " \
    "xmlns:ttp=\"http://www.w3.org/ns/ttml#parameter\" " \
    "xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\" xml:lang=\"en\""

/* One document and the cues it must give, as
 * "START END TEXT" lines (ms, END "-" = never ends, '|' = line break). */
static const struct {
    const char *name;
    const char *doc;
    const char *cues;
} docs[] = {
    { "inherited-offsets",
      HEAD "><body begin=\"1s\"><div begin=\"2s\">"
      "<p begin=\"500ms\" dur=\"1.5s\">A</p>"
      "<p begin=\"3s\" end=\"4s\">B</p></div></body></tt>",
      "3500 5000 A\n6000 7000 B\n" },
    { "parent-end-clips",
      HEAD "><body><div end=\"2s\"><p begin=\"1s\" end=\"5s\">A</p>"
      "<p begin=\"3s\">never</p><p>B</p></div></body></tt>",
      "1000 2000 A\n0 2000 B\n" },
    { "no-end-anywhere",
      HEAD "><body><div><p begin=\"00:00:01.250\">A</p></div></body></tt>",
      "1250 - A\n" },
    { "seq-container",
      HEAD "><body><div timeContainer=\"seq\">"
      "<p dur=\"1s\">A</p><p begin=\"1s\" dur=\"2s\">B</p>"
      "<p dur=\"1s\">C</p></div></body></tt>",
      "0 1000 A\n2000 4000 B\n4000 5000 C\n" },
    { "seq-p-text-has-no-duration",
      HEAD "><body><div><p begin=\"0s\" end=\"2s\" timeContainer=\"seq\">"
      "hidden<br/><span>hidden too</span></p>"
      "<p begin=\"0s\" end=\"2s\">shown</p></div></body></tt>",
      "0 2000 shown\n" },
    { "span-timed-apart",
      HEAD "><body><div><p begin=\"0s\" end=\"4s\">One "
      "<span begin=\"2s\">two</span></p></div></body></tt>",
      "0 2000 One\n2000 4000 One two\n" },
    { "span-seq-words",
      HEAD "><body><div><p begin=\"1s\" end=\"4s\" timeContainer=\"seq\">"
      "<span dur=\"1s\">a</span><span dur=\"1s\">b</span></p>"
      "</div></body></tt>",
      "1000 2000 a\n2000 3000 b\n" },
    { "frames-and-ticks",
      HEAD " ttp:frameRate=\"25\" ttp:tickRate=\"10000000\"><body><div>"
      "<p begin=\"00:00:01:05\" end=\"50f\">A</p>"
      "<p begin=\"30000000t\" end=\"0.1m\">B</p></div></body></tt>",
      "1200 2000 A\n3000 6000 B\n" },
    { "whitespace-default",
      HEAD "><body><div><p begin=\"0s\" end=\"1s\">\n   hello   "
      "<span>my\n\tname</span>  <br/>  is   </p></div></body></tt>",
      "0 1000 hello my name|is\n" },
    { "whitespace-preserve",
      HEAD "><body><div><p begin=\"0s\" end=\"1s\" xml:space=\"preserve\">"
      "a  b\nc</p></div></body></tt>",
      "0 1000 a  b|c\n" },
    { "legacy-dfxp-namespace",
      "<tt xmlns=\"http://www.w3.org/2006/10/ttaf1\" "
      "xmlns:tts=\"http://www.w3.org/2006/10/ttaf1#style\"><body><div>"
      "<p begin=\"1s\" end=\"2s\" tts:fontStyle=\"italic\">A</p>"
      "</div></body></tt>",
      "1000 2000 A\n" },
    { "entities-and-cdata",
      HEAD "><body><div><p begin=\"0s\" end=\"1s\">&lt;Tom &amp; "
      "Jerry&gt; &#233;<![CDATA[ & more]]></p></div></body></tt>",
      "0 1000 <Tom & Jerry> \xC3\xA9 & more\n" },
    { "apple-itunes-lyrics",
      "<tt xmlns=\"http://www.w3.org/ns/ttml\" "
      "xmlns:itunes=\"http://music.apple.com/lyric-ttml-internal\" "
      "itunes:timing=\"Word\"><body dur=\"3:58.640\">"
      "<div begin=\"19.764\" end=\"59.300\">"
      "<p begin=\"19.764\" end=\"21.900\">"
      "<span begin=\"19.764\" end=\"20.105\">When</span> "
      "<span begin=\"20.105\" end=\"21.900\">there</span></p>"
      "<p begin=\"1:02.5\" end=\"1:04\">Late</p></div></body></tt>",
      "19764 21900 When there\n" },
    { "foreign-and-metadata-skipped",
      HEAD " xmlns:x=\"urn:x\"><head><metadata><ttm:title>T</ttm:title>"
      "</metadata></head><body><div><p begin=\"0s\" end=\"1s\">"
      "<metadata>no</metadata>A<x:y>no</x:y> B</p></div></body></tt>",
      "0 1000 A B\n" },
};

static void
render(const struct got *g, struct tc_buf *b)
{
    size_t i;
    const char *p;

    for (i = 0; i < g->n; i++) {
        tc_buf_addf(b, "%lld ", (long long)g->v[i].start);
        if (g->v[i].end == TC_TIME_NONE)
            tc_buf_adds(b, "- ");
        else
            tc_buf_addf(b, "%lld ", (long long)g->v[i].end);
        for (p = g->v[i].text; *p != '\0'; p++)
            tc_buf_addc(b, *p == '\n' ? '|' : *p);
        tc_buf_addc(b, '\n');
    }
}

START_TEST(reads_documents)
{
    struct got g;
    struct tc_buf b = TC_BUF_INIT;

    ttml_read_text(docs[_i].doc, &g);
    ck_assert_msg(g.rc == TC_OK, "%s: status %d\n%s", docs[_i].name, g.rc,
                  g.diags);
    render(&g, &b);
    ck_assert_msg(strcmp(b.data, docs[_i].cues) == 0,
                  "%s: got\n%sexpected\n%s", docs[_i].name, b.data,
                  docs[_i].cues);
    tc_buf_release(&b);
    got_free(&g);
}
END_TEST

START_TEST(styles_chained_and_inline)
{
    struct got g;

    ttml_read_text(HEAD "><head><styling>"
                   "<style xml:id=\"s1\" tts:color=\"red\" "
                   "tts:fontWeight=\"bold\"/>"
                   "<style xml:id=\"s2\" style=\"s1\" tts:color=\"yellow\"/>"
                   "<style xml:id=\"s3\" style=\"s2 s1\"/>"
                   "<style xml:id=\"s4\" style=\"s3\" "
                   "tts:fontStyle=\"italic\"/></styling></head>"
                   "<body><div style=\"s4\">"
                   "<p begin=\"0s\" end=\"1s\">A</p>"
                   "<p begin=\"1s\" end=\"2s\" tts:color=\"#00ff0080\" "
                   "tts:fontWeight=\"normal\">B</p>"
                   "<p begin=\"2s\" end=\"3s\" style=\"s2\" "
                   "tts:textDecoration=\"underline\">C</p>"
                   "</div></body></tt>", &g);
    ck_assert_msg(g.rc == TC_OK && g.n == 3, "%s", g.diags);
    /* s3 = s2 then s1: s1's red comes last and wins */
    ck_assert_uint_eq(g.v[0].style, TC_STYLE_ITALIC | TC_STYLE_BOLD |
                                        TC_STYLE_COLOR);
    ck_assert_uint_eq(g.v[0].color, 0xFF0000);
    ck_assert_uint_eq(g.v[1].style, TC_STYLE_ITALIC | TC_STYLE_COLOR);
    ck_assert_uint_eq(g.v[1].color, 0x00FF00);
    ck_assert_uint_eq(g.v[2].style, TC_STYLE_ITALIC | TC_STYLE_BOLD |
                                        TC_STYLE_UNDERLINE | TC_STYLE_COLOR);
    ck_assert_uint_eq(g.v[2].color, 0xFFFF00);
    got_free(&g);
}
END_TEST

#define REGIONS_DOC \
    HEAD "><head><layout>" \
    "<region xml:id=\"top\" tts:origin=\"10% 5%\" " \
    "tts:extent=\"80% 20%\"/>" \
    "<region xml:id=\"low\" tts:origin=\"10% 10%\" " \
    "tts:extent=\"80% 80%\" tts:displayAlign=\"after\" " \
    "tts:fontStyle=\"italic\"/></layout></head>" \
    "<body><div>" \
    "<p begin=\"0s\" end=\"1s\" region=\"top\">A</p>" \
    "<p begin=\"1s\" end=\"2s\" region=\"low\">B</p>" \
    "<p begin=\"2s\" end=\"3s\">no region</p>" \
    "<p begin=\"3s\" end=\"4s\">none either</p>" \
    "</div></body></tt>"

/* Text in no region that shows it is kept at the bottom by default, with
 * one warning for the document. */
START_TEST(regions_place_and_keep)
{
    struct got g;

    ttml_read_text(REGIONS_DOC, &g);
    ck_assert_msg(g.rc == TC_OK && g.n == 4, "%d %zu %s", g.rc, g.n,
                  g.diags);
    ck_assert_int_eq(g.v[0].vpos, TC_VPOS_TOP);
    ck_assert_int_eq(g.v[1].vpos, TC_VPOS_AUTO);
    ck_assert_uint_eq(g.v[1].style, TC_STYLE_ITALIC);
    ck_assert_str_eq(g.v[2].text, "no region");
    ck_assert_int_eq(g.v[2].vpos, TC_VPOS_AUTO);
    ck_assert_uint_eq(g.v[2].style, 0);
    ck_assert_msg(strcmp(g.diags, "2:0: warning: repaired: 2 paragraphs "
                         "(this one first) are in no region that shows "
                         "them, so a TTML player would hide them: kept, at "
                         "the bottom or in the region named; "
                         "--ttml-regions=strict drops them as players "
                         "do\n") == 0, "%s", g.diags);
    got_free(&g);
}
END_TEST

/* ttml-regions=strict drops it as a player does. */
START_TEST(regions_strict_drops)
{
    struct got g;

    ttml_read_text_opt(REGIONS_DOC, "ttml-regions", "strict", &g);
    ck_assert_msg(g.rc == TC_OK && g.n == 2, "%d %zu %s", g.rc, g.n,
                  g.diags);
    ck_assert_str_eq(g.v[1].text, "B");
    ck_assert_msg(strstr(g.diags, "note: ignored: 2 paragraphs (this one "
                         "first) in no region that shows them dropped")
                  != NULL, "%s", g.diags);
    got_free(&g);
    ttml_read_text_opt(REGIONS_DOC, "ttml-regions", "maybe", &g);
    ck_assert_int_eq(g.rc, TC_ERR_ARG);
    got_free(&g);
}
END_TEST

/* A <p> that names a region its <div> does not flow into is shown in the
 * region it names. */
START_TEST(regions_named_but_not_flowing)
{
    struct got g;

    ttml_read_text(HEAD "><head><layout>"
                   "<region xml:id=\"top\" tts:origin=\"10% 5%\" "
                   "tts:extent=\"80% 20%\"/>"
                   "<region xml:id=\"low\" tts:origin=\"10% 80%\" "
                   "tts:extent=\"80% 15%\"/></layout></head>"
                   "<body><div region=\"low\">"
                   "<p begin=\"0s\" end=\"1s\" region=\"top\">A</p>"
                   "</div></body></tt>", &g);
    ck_assert_msg(g.rc == TC_OK && g.n == 1, "%s", g.diags);
    ck_assert_int_eq(g.v[0].vpos, TC_VPOS_TOP);
    ck_assert_msg(strstr(g.diags, "1 paragraph (this one first) is in no "
                         "region") != NULL, "%s", g.diags);
    got_free(&g);
}
END_TEST

START_TEST(agents_become_voices)
{
    struct got g;

    ttml_read_text(HEAD "><head><metadata>"
                   "<ttm:agent xml:id=\"a1\" type=\"character\">"
                   "<ttm:name type=\"full\">Ann Lee</ttm:name></ttm:agent>"
                   "</metadata></head><body><div>"
                   "<p begin=\"0s\" end=\"1s\" ttm:agent=\"a1\">Hi</p>"
                   "<p begin=\"1s\" end=\"2s\"><span ttm:agent=\"bob\" "
                   "xml:lang=\"fr\">"
                   "Yo</span></p></div></body></tt>", &g);
    ck_assert_msg(g.rc == TC_OK && g.n == 2, "%s", g.diags);
    ck_assert_str_eq(g.v[0].voice, "Ann Lee");
    ck_assert_str_eq(g.v[1].voice, "bob");
    ck_assert_ptr_eq(g.v[0].lang, NULL);
    ck_assert_str_eq(g.v[1].lang, "fr");
    got_free(&g);
}
END_TEST

/* ---- errors and safety ---------------------------------------------- */

static const struct {
    const char *name;
    const char *doc;
    const char *diag;           /* must appear in the diagnostics */
} bad[] = {
    { "not-well-formed",
      HEAD ">\n<body><div>\n<p begin=\"1s\">A</div></body></tt>",
      "4:22: error: XML error: Opening and ending tag mismatch" },
    { "not-ttml",
      "<html><body/></html>", "error: syntax error: not a TTML document" },
    { "external-entity",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE tt [\n"
      "<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
      TT "><body><div><p begin=\"0s\" end=\"1s\">&x;</p></div></body>"
      "</tt>",
      "error: XML error: entity declarations are refused" },
    { "billion-laughs",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE tt [\n"
      "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
      "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
      "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
      "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
      "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
      "]>\n"
      TT "><body><div><p begin=\"0s\" end=\"1s\">&g;</p></div></body>"
      "</tt>",
      /* libxml2's own guard stops it before the DOCTYPE is handed on */
      "error: limit reached: entity expansion refused" },
};

START_TEST(refuses_bad_input)
{
    struct got g;

    ttml_read_text(bad[_i].doc, &g);
    ck_assert_msg(g.rc != TC_OK, "%s: accepted", bad[_i].name);
    ck_assert_msg(strstr(g.diags, bad[_i].diag) != NULL,
                  "%s: diagnostics were\n%s", bad[_i].name, g.diags);
    ck_assert_msg(g.n == 0 || strstr(g.v[0].text, "root:") == NULL,
                  "%s: file contents leaked", bad[_i].name);
    got_free(&g);
}
END_TEST

/* An external DTD is named but never fetched: no network, no file. */
START_TEST(external_dtd_not_loaded)
{
    struct got g;

    ttml_read_text("<?xml version=\"1.0\"?>\n"
                   "<!DOCTYPE tt SYSTEM \"http://127.0.0.1:9/ttml.dtd\">\n"
                   TT "><body><div><p begin=\"0s\" end=\"1s\">A</p>"
                   "</div></body></tt>", &g);
    ck_assert_msg(g.rc == TC_OK && g.n == 1, "%s", g.diags);
    ck_assert_msg(strstr(g.diags, "note: ignored: document type "
                                  "declaration") != NULL, "%s", g.diags);
    got_free(&g);
}
END_TEST

START_TEST(big_paragraph_refused)
{
    struct tc_buf b = TC_BUF_INIT;
    struct got g;
    int i;

    tc_buf_adds(&b, TT "><body><div><p begin=\"0s\" end=\"1s\">");
    for (i = 0; i < 30000; i++)
        tc_buf_adds(&b, "<span>0123456789012345678901234567890123456789"
                        "0123456789</span>");
    tc_buf_adds(&b, "</p></div></body></tt>");
    ttml_read_text(b.data, &g);
    ck_assert_int_eq(g.rc, TC_ERR_SYNTAX);
    ck_assert_msg(strstr(g.diags, "error: limit reached: more than "
                                  "1048576 bytes of text in one <p>") !=
                      NULL, "%s", g.diags);
    got_free(&g);
    tc_buf_release(&b);
}
END_TEST

START_TEST(deep_nesting_refused)
{
    struct tc_buf b = TC_BUF_INIT;
    struct got g;
    int i;

    tc_buf_adds(&b, HEAD "><body><div><p begin=\"0s\" end=\"1s\">");
    for (i = 0; i < 5000; i++)
        tc_buf_adds(&b, "<span>");
    tc_buf_adds(&b, "x");
    for (i = 0; i < 5000; i++)
        tc_buf_adds(&b, "</span>");
    tc_buf_adds(&b, "</p></div></body></tt>");
    ttml_read_text(b.data, &g);
    ck_assert_int_eq(g.rc, TC_ERR_SYNTAX);
    ck_assert_msg(strstr(g.diags, "error: limit reached: elements nested "
                                  "deeper than 64") != NULL, "%s", g.diags);
    got_free(&g);
    tc_buf_release(&b);
}
END_TEST

/* ---- the writer ------------------------------------------------------- */

START_TEST(writer_escapes_and_styles)
{
    char *diags = NULL;
    int rc;
    char *out = unit_convert("1\n00:00:01,000 --> 00:00:02,500\n"
                             "{\\an8}<i>Tom</i> & \"Jerry\" <b>1 < 2</b>\n"
                             "<u>x</u> <font color=\"#00ff00\">y</font>\n\n",
                             "srt", "ttml", &diags, &rc);

    ck_assert_msg(rc == TC_OK, "%s", diags);
    ck_assert_msg(strstr(out, "<p begin=\"00:00:01.000\" "
                              "end=\"00:00:02.500\" region=\"top\">"
                              "<span tts:fontStyle=\"italic\">Tom</span> "
                              "&amp; \"Jerry\" "
                              "<span tts:fontWeight=\"bold\">1 &lt; 2</span>"
                              "<br/><span tts:textDecoration=\"underline\">"
                              "x</span> <span tts:color=\"#00ff00\">y</span>"
                              "</p>\n") != NULL, "%s", out);
    ck_assert_msg(strstr(out, "xml:lang=\"und\"") != NULL, "%s", out);
    free(out);
    free(diags);
}
END_TEST

/* An XML document cannot hold bytes that are not UTF-8 or C0 controls. */
START_TEST(writer_never_writes_bad_xml)
{
    char *diags = NULL, *d2 = NULL;
    int rc;
    char *out = unit_convert("1\n00:00:01,000 --> 00:00:02,000\n"
                             "caf\xE9 \x01 ok\n\n", "srt", "ttml", &diags,
                             &rc);
    char *back;

    ck_assert_msg(rc == TC_OK, "%s", diags);
    /* the decoder reads the Latin-1 byte as windows-1252; the writer
     * replaces the control character */
    ck_assert_msg(strstr(out, ">caf\xC3\xA9 \xEF\xBF\xBD ok</p>") !=
                  NULL, "%s", out);
    ck_assert_msg(strstr(diags, "warning: input is not UTF-8") != NULL &&
                  strstr(diags, "warning: output format cannot express "
                                "this: control characters") != NULL,
                  "%s", diags);
    back = unit_convert(out, "ttml", "srt", &d2, &rc);
    ck_assert_msg(rc == TC_OK, "%s", d2);
    free(back);
    free(out);
    free(diags);
    free(d2);
}
END_TEST

START_TEST(writer_round_trip_srt)
{
    static const char srt[] =
        "1\n00:00:01,000 --> 00:00:02,500\nHello, <i>world</i>!\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\n{\\an8}Top\n<b>line two</b>\n\n"
        "3\n01:00:00,001 --> 01:00:02,999\n"
        "<font color=\"#ff0000\">red</font> & <u>under</u>\n\n"
        "4\n01:00:03,000 --> 01:00:04,000\n{\\an7}top left\n\n"
        "5\n01:00:04,000 --> 01:00:05,000\n{\\an5}middle\n\n"
        "6\n01:00:05,000 --> 01:00:06,000\n{\\an3}bottom right\n\n";
    char *diags = NULL, *d2 = NULL;
    int rc;
    char *ttml = unit_convert(srt, "srt", "ttml", &diags, &rc);
    char *back;

    ck_assert_msg(rc == TC_OK, "%s", diags);
    back = unit_convert(ttml, "ttml", "srt", &d2, &rc);
    ck_assert_msg(rc == TC_OK, "%s", d2);
    ck_assert_str_eq(back, srt);
    ck_assert_str_eq(d2, "");
    free(ttml);
    free(back);
    free(diags);
    free(d2);
}
END_TEST

/* Runs of spaces survive TTML's white-space collapsing: the <p> that
 * needs it gets xml:space="preserve", and only that one. */
START_TEST(writer_keeps_space_runs)
{
    static const char srt[] =
        "1\n00:00:01,000 --> 00:00:02,000\nG O R S K   3\nplain\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\none space each\n\n";
    char *diags = NULL, *d2 = NULL;
    int rc;
    char *ttml = unit_convert(srt, "srt", "ttml", &diags, &rc);
    char *back;

    ck_assert_msg(rc == TC_OK, "%s", diags);
    ck_assert_msg(strstr(ttml, "region=\"bottom\" xml:space=\"preserve\">"
                         "G O R S K   3<br/>plain</p>") != NULL, "%s", ttml);
    ck_assert_msg(strstr(ttml, "region=\"bottom\">one space each</p>") !=
                  NULL, "%s", ttml);
    back = unit_convert(ttml, "ttml", "srt", &d2, &rc);
    ck_assert_msg(rc == TC_OK, "%s", d2);
    ck_assert_str_eq(back, srt);
    free(ttml);
    free(back);
    free(diags);
    free(d2);
}
END_TEST

Suite *
suite_ttml(void)
{
    Suite *s = suite_create("ttml");
    TCase *tc = tcase_create("reader");
    TCase *ts = tcase_create("safety");
    TCase *tw = tcase_create("writer");

    tcase_add_loop_test(tc, reads_documents, 0, sizeof docs / sizeof docs[0]);
    tcase_add_test(tc, styles_chained_and_inline);
    tcase_add_test(tc, regions_place_and_keep);
    tcase_add_test(tc, regions_strict_drops);
    tcase_add_test(tc, regions_named_but_not_flowing);
    tcase_add_test(tc, agents_become_voices);
    tcase_add_loop_test(ts, refuses_bad_input, 0, sizeof bad / sizeof bad[0]);
    tcase_add_test(ts, deep_nesting_refused);
    tcase_add_test(ts, external_dtd_not_loaded);
    tcase_add_test(ts, big_paragraph_refused);
    tcase_add_test(tw, writer_escapes_and_styles);
    tcase_add_test(tw, writer_never_writes_bad_xml);
    tcase_add_test(tw, writer_round_trip_srt);
    tcase_add_test(tw, writer_keeps_space_runs);
    suite_add_tcase(s, tc);
    suite_add_tcase(s, ts);
    suite_add_tcase(s, tw);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(suite_ttml());
    int failed;

    srunner_add_suite(sr, suite_ttml_conf());
    srunner_add_suite(sr, suite_ttml_lenient());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
