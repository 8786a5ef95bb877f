/* test_formats.c -- the json, ass and text formats (issue 15): their
 * helpers, and small documents through the whole library. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "format.h"
#include "../../formats/ass.h"
#include "../../formats/json.h"

/* ---- ass ----------------------------------------------------------------- */

static const struct {
    const char *in;
    int hex, rc;
    uint32_t rgb;
} colors[] = {
    { "&H00FFFFFF", 0, TC_OK, 0xFFFFFF },
    { "&H000000FF", 0, TC_OK, 0xFF0000 },       /* BBGGRR: red */
    { "&HFF0000&", 1, TC_OK, 0x0000FF },        /* override tag: blue */
    { "&H80FF8000", 0, TC_OK, 0x0080FF },       /* alpha ignored */
    { "H00FF00", 1, TC_OK, 0x00FF00 },
    { "&hff&", 1, TC_OK, 0xFF0000 },
    { "65535", 0, TC_OK, 0xFFFF00 },            /* SSA decimal: yellow */
    { "16777215", 0, TC_OK, 0xFFFFFF },
    { "4294967296", 0, TC_ERR_SYNTAX, 0 },      /* above 32 bits */
    { "&H1FFFFFFFF", 0, TC_ERR_SYNTAX, 0 },     /* nine digits */
    { "&H", 1, TC_ERR_SYNTAX, 0 },
    { "&HGG", 1, TC_ERR_SYNTAX, 0 },
    { "", 1, TC_ERR_SYNTAX, 0 },
};

START_TEST(ass_color_parses)
{
    uint32_t rgb = 0xDEAD;
    int rc = tc_ass_color(colors[_i].in, strlen(colors[_i].in),
                          colors[_i].hex, &rgb);

    ck_assert_msg(rc == colors[_i].rc, "%s: rc %d", colors[_i].in, rc);
    if (rc == TC_OK)
        ck_assert_msg(rgb == colors[_i].rgb, "%s: %06x", colors[_i].in,
                      (unsigned)rgb);
}
END_TEST

START_TEST(ass_legacy_alignment)
{
    /* SSA: 1-3 bottom, 5-7 top, 9-11 middle; left, centre, right */
    static const int want[12] = { 0, 1, 2, 3, 0, 7, 8, 9, 0, 4, 5, 6 };
    long a;

    for (a = 0; a < 12; a++)
        ck_assert_int_eq(tc_ass_legacy_an(a), want[a]);
    ck_assert_int_eq(tc_ass_legacy_an(-1), 0);
    ck_assert_int_eq(tc_ass_legacy_an(12), 0);
}
END_TEST

START_TEST(ass_numpad_placement)
{
    struct tc_place p;

    tc_place_init(&p);
    tc_ass_place_an(&p, 8);
    ck_assert_int_eq(p.vpos, TC_VPOS_TOP);
    ck_assert_int_eq(p.align, TC_ALIGN_AUTO);
    tc_ass_place_an(&p, 1);
    ck_assert_int_eq(p.vpos, TC_VPOS_BOTTOM);
    ck_assert_int_eq(p.align, TC_ALIGN_LEFT);
    tc_ass_place_an(&p, 6);
    ck_assert_int_eq(p.vpos, TC_VPOS_MIDDLE);
    ck_assert_int_eq(p.align, TC_ALIGN_RIGHT);
    tc_ass_place_an(&p, 2);
    ck_assert_int_eq(p.vpos, TC_VPOS_AUTO);
    ck_assert_int_eq(p.align, TC_ALIGN_AUTO);
    tc_ass_place_an(&p, 42);            /* out of range: bottom centre */
    ck_assert_int_eq(p.vpos, TC_VPOS_AUTO);
}
END_TEST

#define ASS_HEAD "[Script Info]\nScriptType: v4.00+\n\n[Events]\n" \
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, " \
    "Effect, Text\n"

/* The text of override tags, as WebVTT (which shows runs and times). */
static const struct {
    const char *text, *vtt;
} overrides[] = {
    { "a{\\i1}b{\\i}c", "a<i>b</i>c" },
    { "{\\b700}heavy{\\b400} light", "<b>heavy</b> light" },
    { "{\\u1\\i1}x{\\r}y", "<i><u>x</u></i>y" },
    { "{\\c&H0000FF&}red{\\1c&H00FF00&}green{\\c}",
      "<c.red>red</c><c.lime>green</c>" },
    { "{\\c&HFFFFFF&}white is no colour", "white is no colour" },
    { "one\\Ntwo\\nsame\\hline", "one\ntwo same\xC2\xA0line" },
    { "\\{not a tag\\} {lone", "{not a tag} {lone" },
    { "back\\\xE2\x80\x8BNslash", "back\\Nslash" },
    { "{\\k50}Hel{\\k25}lo {\\K100}you", "Hel<00:00:01.500>lo "
      "<00:00:01.750>you" },
    { "{\\p1}m 0 0 l 10 10{\\p0}text", "text" },
    { "{\\fad(10,20)\\t(0,500,\\fs20\\i1)\\i1}kept italic",
      "<i>kept italic</i>" },
};

START_TEST(ass_overrides_into_runs)
{
    char doc[512], want[512], *out, *diags = NULL;
    int rc;

    snprintf(doc, sizeof doc, ASS_HEAD "Dialogue: 0,0:00:01.00,0:00:03.00,"
             "Default,,0,0,0,,%s\n", overrides[_i].text);
    snprintf(want, sizeof want, "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n"
             "%s\n\n", overrides[_i].vtt);
    out = unit_convert(doc, "ass", "vtt", &diags, &rc);
    ck_assert_int_eq(rc, TC_OK);
    ck_assert_msg(out != NULL && strcmp(out, want) == 0, "%s\ngave\n%s\n%s",
                  overrides[_i].text, out ? out : "(null)",
                  diags ? diags : "");
    free(out);
    free(diags);
}
END_TEST

START_TEST(ass_first_an_and_pos_count)
{
    char *out, *diags = NULL;
    int rc;

    out = unit_convert("[Script Info]\nPlayResX: 200\nPlayResY: 100\n"
                       "[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,"
                       "0,0,0,,{\\an8}{\\an2\\pos(50,25)\\pos(0,0)}x\n",
                       "ass", "vtt", &diags, &rc);
    ck_assert_int_eq(rc, TC_OK);
    ck_assert_msg(strstr(out, "line:25% position:25%,center") != NULL,
                  "%s", out);
    free(out);
    free(diags);
}
END_TEST

START_TEST(ass_dropped_said_once_per_kind)
{
    char *out, *diags = NULL;
    int rc;

    out = unit_convert(ASS_HEAD
                       "Dialogue: 0,0:00:01.00,0:00:02.00,,,0,0,0,,"
                       "{\\fad(1,2)}a{\\blur3}\n"
                       "Dialogue: 0,0:00:03.00,0:00:04.00,,,0,0,0,,"
                       "{\\fad(1,2)\\xyz}b\n", "ass", "srt", &diags, &rc);
    ck_assert_int_eq(rc, TC_OK);
    ck_assert_ptr_nonnull(strstr(diags, "6:45: warning: not kept: "
                                 "override tag \\fad (fade) dropped"));
    ck_assert_ptr_nonnull(strstr(diags, "\\blur (blur) dropped"));
    ck_assert_ptr_nonnull(strstr(diags, "7:54: warning: not kept: unknown "
                                 "override tags dropped, the first \\xyz"));
    ck_assert_ptr_nonnull(strstr(diags, "6:0: warning: not kept: \\fad: 1 "
                                 "more like this, the last at line 7"));
    free(out);
    free(diags);
}
END_TEST

START_TEST(ass_writer_escapes_and_times)
{
    char *out, *diags = NULL;
    int rc;

    out = unit_convert("1\n00:00:01,004 --> 00:00:01,006\n{x} a\\Nb\n\n",
                       "srt", "ass", &diags, &rc);
    ck_assert_int_eq(rc, TC_OK);
    ck_assert_ptr_nonnull(strstr(out, "\nDialogue: 0,0:00:01.00,0:00:01.01,"
                                 "Default,,0,0,0,,\\{x\\} "
                                 "a\\\xE2\x80\x8BNb\n"));
    free(out);
    free(diags);
}
END_TEST

/* ---- json ---------------------------------------------------------------- */

#ifdef HAVE_YAJL
static const struct {
    const char *in;
    int seconds, rc;
    int64_t ms;
} numbers[] = {
    { "1.28", 1, TC_OK, 1280 },
    { "0", 1, TC_OK, 0 },
    { "-0.0", 1, TC_OK, 0 },
    { "0.0005", 1, TC_OK, 1 },          /* half a millisecond rounds up */
    { "0.00049", 1, TC_OK, 0 },
    { "1.9996", 1, TC_OK, 2000 },
    { "2e1", 1, TC_OK, 20000 },
    { "1E-3", 1, TC_OK, 1 },
    { "5e-324", 1, TC_OK, 0 },
    { "3600.5", 1, TC_OK, 3600500 },
    { "1500", 0, TC_OK, 1500 },         /* whisper.cpp's offsets */
    { "-1", 1, TC_ERR_SYNTAX, 0 },
    { "-0.5", 1, TC_ERR_SYNTAX, 0 },
    { "1e400", 1, TC_ERR_SYNTAX, 0 },
    { "12345678901234567890", 1, TC_ERR_SYNTAX, 0 },
};

START_TEST(json_numbers)
{
    int64_t ms = -7;
    int rc = tc_json_ms(numbers[_i].in, strlen(numbers[_i].in),
                        numbers[_i].seconds, &ms);

    ck_assert_msg(rc == numbers[_i].rc, "%s: rc %d", numbers[_i].in, rc);
    if (rc == TC_OK)
        ck_assert_msg(ms == numbers[_i].ms, "%s: %lld", numbers[_i].in,
                      (long long)ms);
}
END_TEST

START_TEST(json_words_found_in_order)
{
    char *out, *diags = NULL;
    int rc;

    /* "a" is in "as" and in "a": each word is looked for after the one
     * before; "zz" is not in the text and gives no time */
    out = unit_convert("{\"segments\": [{\"start\": 1, \"end\": 3, "
                       "\"text\": \" as a cat\", \"words\": ["
                       "{\"word\": \" as\", \"start\": 1, \"end\": 1.5},"
                       "{\"word\": \" a\", \"start\": 1.5, \"end\": 2},"
                       "{\"word\": \" zz\", \"start\": 2.1, \"end\": 2.2},"
                       "{\"word\": \" cat\", \"start\": 2.25, \"end\": 3}]}]}",
                       "json", "vtt", &diags, &rc);
    ck_assert_int_eq(rc, TC_OK);
    ck_assert_str_eq(out, "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n"
                     "as <00:00:01.500>a <00:00:02.250>cat\n\n");
    ck_assert_ptr_nonnull(strstr(diags, "note: ignored: 1 word time not "
                                 "used"));
    free(out);
    free(diags);
}
END_TEST

START_TEST(json_cut_across_tokens)
{
    char *out, *diags = NULL;
    int rc;

    /* whisper.cpp cuts U+00E9 between two tokens: no warning, and the
     * word keeps its time */
    out = unit_convert("{\"transcription\": [{\"offsets\": {\"from\": 0, "
                       "\"to\": 2000}, \"text\": \" un caf\xC3\xA9\", "
                       "\"tokens\": [{\"text\": \" un\", \"offsets\": "
                       "{\"from\": 0, \"to\": 400}}, {\"text\": \" caf\", "
                       "\"offsets\": {\"from\": 500, \"to\": 900}}, "
                       "{\"text\": \"\xC3\", \"offsets\": {\"from\": 900, "
                       "\"to\": 950}}, {\"text\": \"\xA9\", \"offsets\": "
                       "{\"from\": 950, \"to\": 1000}}]}]}",
                       "json", "vtt", &diags, &rc);
    ck_assert_int_eq(rc, TC_OK);
    ck_assert_str_eq(out, "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n"
                     "un <00:00:00.500>caf\xC3\xA9\n\n");
    ck_assert_str_eq(diags, "");
    free(out);
    free(diags);
}
END_TEST
#endif

START_TEST(json_writer_shape)
{
    char *out, *diags = NULL;
    int rc;

    out = unit_convert("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n"
                       "<v A\"q>one <00:00:01.500>two\n", "vtt", "json",
                       &diags, &rc);
    ck_assert_int_eq(rc, TC_OK);
    ck_assert_str_eq(out, "{\"segments\": [\n{\"id\": 0, \"start\": 1.0, "
                     "\"end\": 2.0, \"text\": \"one two\", \"speaker\": "
                     "\"A\\\"q\", \"words\": [{\"word\": \"one\", \"start\": "
                     "1.0, \"end\": 1.5}, {\"word\": \" two\", \"start\": "
                     "1.5, \"end\": 2.0}]}\n], \"text\": \"one two\"}\n");
    free(out);
    free(diags);
}
END_TEST

/* ---- text ---------------------------------------------------------------- */

START_TEST(text_paragraphs)
{
    static const char srt[] = "1\n00:00:01,000 --> 00:00:02,000\n<i>a</i>\n"
        "b\n\n2\n00:00:02,500 --> 00:00:03,000\nc\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\nd\n\n";
    char *out, *diags = NULL;
    int rc;

    out = unit_convert_opt(srt, "srt", "text", "text-paragraph-gap", "2s",
                           &diags, &rc);
    ck_assert_int_eq(rc, TC_OK);
    ck_assert_str_eq(out, "a b c\n\nd\n");
    free(out);
    free(diags);
    out = unit_convert_opt(srt, "srt", "text", "text-timestamps", "yes",
                           &diags, &rc);
    ck_assert_int_eq(rc, TC_OK);
    ck_assert_str_eq(out, "[00:01] a b\n[00:02] c\n[00:05] d\n");
    free(out);
    free(diags);
}
END_TEST

static Suite *
suite_formats(void)
{
    Suite *s = suite_create("formats");
    TCase *tc = tcase_create("ass");

    tcase_add_loop_test(tc, ass_color_parses, 0,
                        sizeof colors / sizeof colors[0]);
    tcase_add_test(tc, ass_legacy_alignment);
    tcase_add_test(tc, ass_numpad_placement);
    tcase_add_loop_test(tc, ass_overrides_into_runs, 0,
                        sizeof overrides / sizeof overrides[0]);
    tcase_add_test(tc, ass_first_an_and_pos_count);
    tcase_add_test(tc, ass_dropped_said_once_per_kind);
    tcase_add_test(tc, ass_writer_escapes_and_times);
    suite_add_tcase(s, tc);
    tc = tcase_create("json");
#ifdef HAVE_YAJL
    tcase_add_loop_test(tc, json_numbers, 0,
                        sizeof numbers / sizeof numbers[0]);
    tcase_add_test(tc, json_words_found_in_order);
    tcase_add_test(tc, json_cut_across_tokens);
#endif
    tcase_add_test(tc, json_writer_shape);
    suite_add_tcase(s, tc);
    tc = tcase_create("text");
    tcase_add_test(tc, text_paragraphs);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(suite_formats());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
