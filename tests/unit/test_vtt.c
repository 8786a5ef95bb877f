/* test_vtt.c -- the WebVTT reader and writer: timestamps, settings, tags,
 * character references, escaping, placement, and the reader's reports. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "memio.h"
#include "vtt.h"

/* ---- timestamps ---------------------------------------------------------- */

static const struct {
    const char *in;
    int ok;
    int64_t ms;
} stamps[] = {
    { "00:00.000", 1, 0 },
    { "01:02.003", 1, 62003 },
    { "00:00:01.500", 1, 1500 },
    { "1:00:00.000", 1, 3600000 },
    { "100:00:00.000", 1, 360000000 },
    { "60:00.000", 0, 0 },          /* read as hours: then ':' is missing */
    { "00:60.000", 0, 0 },
    { "00:00:60.000", 0, 0 },
    { "00:00.00", 0, 0 },
    { "00:00.0000", 0, 0 },
    { "00:00,000", 0, 0 },
    { "0:00.000", 0, 0 },
    { "000:00.000", 0, 0 },
    { ":00.000", 0, 0 },
    { "", 0, 0 },
};

START_TEST(vtt_timestamps)
{
    int64_t ms = -1;
    size_t used;
    const char *in = stamps[_i].in;
    int rc = tc_vtt_timestamp(in, strlen(in), &used, &ms);

    if (stamps[_i].ok) {
        ck_assert_msg(rc == TC_OK && used == strlen(in), "%s rejected", in);
        ck_assert_msg(ms == stamps[_i].ms, "%s: %lld", in, (long long)ms);
    } else {
        ck_assert_msg(rc != TC_OK, "%s accepted as %lld", in, (long long)ms);
    }
}
END_TEST

/* ---- whole conversions --------------------------------------------------- */

#define HDR "WEBVTT\n\n"

static const struct {
    const char *name;
    const char *in;
    const char *to;
    int rc;
    const char *out;        /* expected output, NULL when the run fails */
    const char *diag;       /* a substring of the diagnostics, "" = none */
} cases[] = {
    /* settings survive WebVTT to WebVTT, in a fixed order */
    { "settings-kept",
      HDR "00:01.000 --> 00:02.000 align:left size:50% position:10%,line-left "
      "line:-2 vertical:lr\nx\n",
      "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:02.000 vertical:lr line:-2 "
      "position:10%,line-left size:50% align:left\nx\n\n", "" },
    { "line-percent-align",
      HDR "00:01.000 --> 00:02.000 line:12.5%,end position:100%\nx\n",
      "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:02.000 line:12.5%,end position:100%\nx\n\n",
      "" },
    { "bad-settings-warned",
      HDR "00:01.000 --> 00:02.000 align:middle line:1%% size:101% foo:1 "
      "bar\nx\n",
      "vtt", TC_OK, HDR "00:00:01.000 --> 00:00:02.000\nx\n\n",
      "3:25: warning: cue setting ignored: bad value 'align:middle'" },
    { "unknown-setting-column",
      HDR "00:01.000 --> 00:02.000 foo:1\nx\n", "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:02.000\nx\n\n",
      "3:25: warning: cue setting ignored: unknown setting 'foo:1'" },
    /* top placement becomes {\an8}-like SRT and back */
    { "top-to-srt",
      HDR "00:01.000 --> 00:02.000 line:0\nup\n\n"
      "00:03.000 --> 00:04.000 line:5%\nup\n\n"
      "00:05.000 --> 00:06.000 line:-1\ndown\n", "srt", TC_OK,
      "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}up\n\n"
      "2\n00:00:03,000 --> 00:00:04,000\n{\\an8}up\n\n"
      "3\n00:00:05,000 --> 00:00:06,000\ndown\n\n", "" },
    { "an8-from-srt",
      "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}up\n\n"
      "2\n00:00:03,000 --> 00:00:04,000\n{\\an7}left\n", "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:02.000 line:0\nup\n\n"
      "00:00:03.000 --> 00:00:04.000 line:0 align:left\nleft\n\n", "" },
    /* tags, classes, voices, languages, ruby, timestamps */
    { "tags-roundtrip",
      HDR "00:01.000 --> 00:05.000\n<v.loud Esme Q>Hi <i>there</i></v>, "
      "<lang fr>oui</lang> <ruby>漢<rt>kan</rt></ruby> "
      "<c.a.b>x</c><00:00:02.000>y\n",
      "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:05.000\n<v Esme Q><c.loud>Hi <i>there</i>"
      "</c></v>, <lang fr>oui</lang> <ruby>漢<rt>kan</rt></ruby> "
      "<c.a.b>x</c><00:00:02.000>y\n\n", "" },
    { "inline-timestamps-inside-and-increasing",
      HDR "00:01.000 --> 00:05.000\n<00:00:01.000>a<00:00:02.000>b"
      "<00:00:02.000>c<00:00:06.000>d\n", "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:05.000\na<00:00:02.000>bcd\n\n", "" },
    { "palette-classes-are-colours",
      HDR "00:01.000 --> 00:02.000\n<c.yellow.bg_blue>a</c> <c.lime>b</c>\n",
      "srt", TC_OK,
      "1\n00:00:01,000 --> 00:00:02,000\n"
      "<font color=\"#ffff00\">a</font> <font color=\"#00ff00\">b</font>\n\n",
      "" },
    { "colour-from-srt",
      "1\n00:00:01,000 --> 00:00:02,000\n"
      "<font color=\"red\">r</font> <font color=\"#123456\">z</font>\n",
      "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:02.000\n<c.red>r</c> z\n\n",
      "warning: output format cannot express this: WebVTT has colour "
      "classes only" },
    { "unknown-tag-warned",
      HDR "00:01.000 --> 00:02.000\n<font>a</font> <3 b\n", "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:02.000\na\n\n",
      "4:0: warning: malformed markup: <font> is not a WebVTT tag here: "
      "ignored\n4:0: warning: malformed markup: bad timestamp <3 b> "
      "ignored" },
    { "unsorted-from-srt",
      "1\n00:00:05,000 --> 00:00:06,000\nB\n\n"
      "2\n00:00:01,000 --> 00:00:02,000\nA\n", "vtt", TC_OK,
      HDR "00:00:05.000 --> 00:00:06.000\nB\n\n"
      "00:00:01.000 --> 00:00:02.000\nA\n\n",
      "6:0: warning: cue starts before the previous one: WebVTT wants cues "
      "in order" },
    /* character references in, escapes out */
    { "entities",
      HDR "00:01.000 --> 00:02.000\n&amp;&lt;&gt;&nbsp;&eacute;&#233;&#xE9;"
      "&notit; &bogus; &\n",
      "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:02.000\n&amp;&lt;&gt;\xC2\xA0"
      "ééé¬it; &amp;bogus; &amp;\n\n", "" },
    { "escape-from-srt",
      "1\n00:00:01,000 --> 00:00:02,000\nTom & Jerry <3 > 2\n", "vtt",
      TC_OK,
      HDR "00:00:01.000 --> 00:00:02.000\nTom &amp; Jerry &lt;3 &gt; 2\n\n",
      "" },
    /* ids, NOTE, STYLE, REGION */
    { "ids-notes-style-region",
      "WEBVTT header text\nKind: captions\n\nNOTE a\ncomment\n\n"
      "STYLE\n::cue { color: red }\n\nREGION\nid:r1 width:40%\n\n"
      "intro\n00:01.000 --> 00:02.000 region:r1\nx\n", "vtt", TC_OK,
      HDR "intro\n00:00:01.000 --> 00:00:02.000\nx\n\n", "" },
    { "style-after-cue",
      HDR "00:01.000 --> 00:02.000\nx\n\nSTYLE\n::cue {}\n", "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:02.000\nx\n\n",
      "6:1: warning: unexpected text: STYLE block after the first cue" },
    { "junk-block",
      HDR "hello there\nmore\n\n00:01.000 --> 00:02.000\nx\n", "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:02.000\nx\n\n",
      "3:1: warning: unexpected text: text without a timing line skipped: "
      "'hello there'" },
    /* errors: the run fails and nothing is written */
    { "no-signature",
      "1\n00:00:01.000 --> 00:00:02.000\nx\n", "vtt", TC_ERR_SYNTAX, NULL,
      "1:1: error: missing file signature" },
    { "lowercase-signature",
      "webvtt\n\n00:01.000 --> 00:02.000\nx\n", "vtt", TC_ERR_SYNTAX, NULL,
      "1:1: error: missing file signature" },
    /* a block the parser algorithm discards is skipped: the run goes on */
    { "bad-timing",
      HDR "00:01.000 --> 00:02.000\nA\n\nid\n00:03,000 --> 00:04.000\nB\n",
      "vtt", TC_OK, HDR "00:00:01.000 --> 00:00:02.000\nA\n\n",
      "7:6: warning: unreadable timestamp: '00:03,000 --> 00:04.000'; cue "
      "skipped\n0:0: warning: cues skipped: 1 of 2" },
    { "arrow-in-text-starts-a-cue",
      HDR "00:01.000 --> 00:02.000\nA\nB --> C\n", "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:02.000\nA\n\n",
      "5:1: warning: unreadable timestamp: 'B --> C'; cue skipped" },
    { "bad-timing-only-cue",
      HDR "00:03,000 --> 00:04.000\nB\n", "vtt", TC_ERR_SYNTAX, NULL,
      "0:0: error: no cue left to write: the input held 1 cue; 1 skipped by "
      "the reader" },
    /* the header line HLS segments need stays on WebVTT output */
    { "x-timestamp-map",
      "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:181083,LOCAL:00:00:00.000\n\n"
      "00:01.000 --> 00:02.000\nx\n", "vtt", TC_OK,
      "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:181083,LOCAL:00:00:00.000\n\n"
      "00:00:01.000 --> 00:00:02.000\nx\n\n", "" },
    { "x-timestamp-map-to-srt",
      "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:181083,LOCAL:00:00:00.000\n\n"
      "00:01.000 --> 00:02.000\nx\n", "srt", TC_OK,
      "1\n00:00:01,000 --> 00:00:02,000\nx\n\n",
      "0:0: note: ignored: the WebVTT header line X-TIMESTAMP-MAP=MPEGTS:"
      "181083,LOCAL:00:00:00.000, which players need" },
    /* settings: "auto" is not a number, and numbers read back the same */
    { "line-numbers-exact",
      HDR "00:01.000 --> 00:02.000 line:0.1234567 position:33.333333333%\n"
      "a\n\n00:03.000 --> 00:04.000 line:-1797693134862315700000000"
      "0000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "0000000000\nb\n\n"
      "00:05.000 --> 00:06.000 line:0.00000000000000000000000000000"
      "00000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000005 size:0.5%\nc\n", "vtt", TC_OK,
      HDR "00:00:01.000 --> 00:00:02.000 line:0.1234567 "
      "position:33.333333333%\na\n\n"
      "00:00:03.000 --> 00:00:04.000 line:-179769313486231570000000"
      "00000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "0000000000\nb\n\n"
      "00:00:05.000 --> 00:00:06.000 line:0.00000000000000000000000"
      "00000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "000000000000000000000000000000000000000000000000000000000000"
      "00000000000000000000000005 size:0.5%\nc\n\n",
      "" },
};

START_TEST(vtt_converts)
{
    char *diags = NULL;
    int rc;
    const char *from = strstr(cases[_i].name, "srt") != NULL &&
                       cases[_i].in[0] == '1' ? "srt" : "vtt";
    char *out = unit_convert(cases[_i].in, from, cases[_i].to, &diags, &rc);

    ck_assert_msg(rc == cases[_i].rc, "%s: rc %d, diags:\n%s", cases[_i].name,
                  rc, diags);
    if (cases[_i].out != NULL)
        ck_assert_msg(strcmp(out, cases[_i].out) == 0, "%s: got\n%s",
                      cases[_i].name, out);
    else
        ck_assert_msg(*out == '\0', "%s: output left behind", cases[_i].name);
    ck_assert_msg(strstr(diags, cases[_i].diag) != NULL,
                  "%s: diagnostics were\n%s", cases[_i].name, diags);
    if (cases[_i].diag[0] == '\0')
        ck_assert_msg(strstr(diags, "warning") == NULL &&
                      strstr(diags, "error") == NULL,
                      "%s: unexpected diagnostics\n%s", cases[_i].name, diags);
    free(out);
    free(diags);
}
END_TEST

/* ---- the writer given cues no reader makes ------------------------------- */

static char *
write_cue(const char *text, const char *id, int64_t start)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct unit_sink us;
    struct tc_stage *w = NULL;
    struct tc_cue *c = tc_cue_new(ctx);
    struct tc_buf b = TC_BUF_INIT;

    ck_assert(ctx != NULL && c != NULL);
    ck_assert(unit_sink_open(ctx, &us) == TC_OK);
    ck_assert(tc_format_find("vtt") != NULL);
    ck_assert(tc_format_writer_new(tc_format_find("vtt"), us.sink, ctx,
                                   &w) == TC_OK);
    w->ctx = ctx;
    c->start = start;
    c->end = start + 1000;
    ck_assert(tc_text_append(&c->text, text, strlen(text), NULL) == TC_OK);
    if (id != NULL)
        ck_assert(tc_cue_set_id(c, id, strlen(id)) == TC_OK);
    ck_assert(tc_stage_push(w, c) == TC_OK);
    ck_assert(tc_stage_finish(w) == TC_OK);
    tc_stage_destroy(w);
    ck_assert(unit_sink_close(&us, &b) == TC_OK);
    tc_ctx_free(ctx);
    return tc_buf_detach(&b);
}

START_TEST(vtt_no_blank_line_in_cue)
{
    char *out = write_cue("\nA\n\n  \nB\n", NULL, 0);

    ck_assert_str_eq(out, HDR "00:00:00.000 --> 00:00:01.000\nA\nB\n\n");
    free(out);
}
END_TEST

START_TEST(vtt_no_arrow_in_text_or_id)
{
    char *out = write_cue("a --> b", "x --> y", 3723004);

    ck_assert_str_eq(out, HDR "01:02:03.004 --> 01:02:04.004\n"
                              "a --&gt; b\n\n");
    free(out);
    out = write_cue("x", "NOTE this", 0);
    ck_assert_str_eq(out, HDR "00:00:00.000 --> 00:00:01.000\nx\n\n");
    free(out);
    out = write_cue("x", "NOTEd", 0);
    ck_assert_str_eq(out, HDR "NOTEd\n00:00:00.000 --> 00:00:01.000\nx\n\n");
    free(out);
    out = write_cue("caf\xE9 <ok>", NULL, 0);
    ck_assert_str_eq(out, HDR "00:00:00.000 --> 00:00:01.000\n"
                              "caf\xEF\xBF\xBD &lt;ok&gt;\n\n");
    free(out);
    out = write_cue("", "id", 0);       /* ffmpeg drops it: not written */
    ck_assert_str_eq(out, HDR);
    free(out);
}
END_TEST

START_TEST(vtt_probe)
{
    static const struct { const char *in; int score; } p[] = {
        { "WEBVTT", 100 }, { "WEBVTT\n\n", 100 }, { "WEBVTT - x\n", 100 },
        { "\xEF\xBB\xBFWEBVTT\r\n", 100 }, { "WEBVTTX\n", 0 },
        { "WEBVT", 0 }, { "1\n00:00:01,000 --> 00:00:02,000\n", 0 },
    };
    const struct tc_format *f = tc_format_find("vtt");
    size_t i;

    for (i = 0; i < sizeof p / sizeof p[0]; i++)
        ck_assert_msg(tc_format_probe(f, (const unsigned char *)p[i].in,
                                      strlen(p[i].in)) == p[i].score,
                      "%s", p[i].in);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("vtt");
    TCase *tc = tcase_create("vtt");
    SRunner *sr;
    int failed;

    tcase_add_loop_test(tc, vtt_timestamps, 0,
                        sizeof stamps / sizeof stamps[0]);
    tcase_add_loop_test(tc, vtt_converts, 0, sizeof cases / sizeof cases[0]);
    tcase_add_test(tc, vtt_no_blank_line_in_cue);
    tcase_add_test(tc, vtt_no_arrow_in_text_or_id);
    tcase_add_test(tc, vtt_probe);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
