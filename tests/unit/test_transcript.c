/* test_transcript.c -- the raw transcript formats (youtube, whisper) and
 * SBV: the youtube end-time rule, the option checks, the probes, and
 * reader/writer cases that the golden files do not show.  Its own runner:
 * the program is tests/unit/transcript (tests/transcript.mk). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "format.h"
#include "memio.h"

/* formats/youtube.c: the end-time rule, not in any header because only
 * this test calls it from outside. */
int64_t tc_youtube_span(int64_t start, int64_t next, size_t chars,
                        double cps, int64_t min, int64_t max);
int64_t tc_youtube_slot(int64_t span, size_t j, size_t k);

/* ---- the end-time rule ------------------------------------------------- */

static const struct {
    const char *name;
    int64_t start, next;
    size_t chars;
    double cps;
    int64_t min, max, want;
} spans[] = {
    { "ends at the next start",    0,   2000, 40, 15, 1000, 6000, 2000 },
    { "a gap of exactly max",      0,   6000, 40, 15, 1000, 6000, 6000 },
    { "long pause: estimate",      0,   6001, 30, 15, 1000, 6000, 2000 },
    { "last fragment: estimate",   0, TC_TIME_NONE, 30, 15, 1000, 6000,
      2000 },
    { "estimate raised to min",    7000, TC_TIME_NONE, 5, 15, 1000, 6000,
      1000 },
    { "estimate capped at max",    0, TC_TIME_NONE, 200, 15, 1000, 6000,
      6000 },
    { "estimate rounds down",      0, TC_TIME_NONE, 1, 3, 0, 6000, 333 },
    { "estimate rounds up",        0, TC_TIME_NONE, 2, 3, 0, 6000, 667 },
    { "other speed",               0, 60000, 30, 10, 1000, 6000, 3000 },
    { "next before start: none",   5000, 3000, 30, 15, 1000, 6000, 2000 },
    { "next equal to start: none", 5000, 5000, 30, 15, 1000, 6000, 2000 },
    { "never zero",                0, TC_TIME_NONE, 0, 15, 0, 6000, 1 },
    { "never past the next start", 0, 3000, 60, 15, 5000, 2000, 2000 },
    { "max above the estimate",    0, 9000, 30, 15, 1000, 10000, 9000 },
    { "a tiny speed stays finite", 0, TC_TIME_NONE, 30, 1e-300, 1000, 6000,
      6000 },
};

START_TEST(youtube_span)
{
    int64_t got = tc_youtube_span(spans[_i].start, spans[_i].next,
                                  spans[_i].chars, spans[_i].cps,
                                  spans[_i].min, spans[_i].max);

    ck_assert_msg(got == spans[_i].want, "%s: got %lld, want %lld",
                  spans[_i].name, (long long)got, (long long)spans[_i].want);
}
END_TEST

static const struct {
    int64_t span;
    size_t j, k;
    int64_t want;
} slots[] = {
    { 2000, 0, 1, 0 },    { 2000, 1, 1, 2000 },
    { 2000, 1, 2, 500 },  { 2000, 2, 2, 2000 },
    { 2000, 1, 3, 333 },  { 2000, 2, 3, 666 },  { 2000, 3, 3, 2000 },
    { 600, 1, 2, 300 },   { 600, 2, 2, 600 },   /* a span under a second */
    { 1133, 1, 2, 500 },  { 1133, 2, 2, 1133 },
    { 6000, 63, 64, 984 },                      /* all in the first second */
};

START_TEST(youtube_slot)
{
    int64_t got = tc_youtube_slot(slots[_i].span, slots[_i].j, slots[_i].k);

    ck_assert_msg(got == slots[_i].want, "slot(%lld, %zu, %zu) = %lld, "
                  "want %lld", (long long)slots[_i].span, slots[_i].j,
                  slots[_i].k, (long long)got, (long long)slots[_i].want);
}
END_TEST

/* Slices of one group never overlap and cover the span exactly. */
START_TEST(youtube_slots_tile)
{
    int64_t spanv[] = { 1, 7, 999, 1000, 1001, 6000 };
    size_t s, k, j;

    for (s = 0; s < sizeof spanv / sizeof spanv[0]; s++) {
        for (k = 1; k <= 64; k++) {
            int64_t prev = 0;

            ck_assert(tc_youtube_slot(spanv[s], 0, k) == 0);
            for (j = 1; j <= k; j++) {
                int64_t at = tc_youtube_slot(spanv[s], j, k);

                ck_assert(at >= prev);
                if (j < k)
                    ck_assert(at < 1000);     /* the same whole second */
                prev = at;
            }
            ck_assert(prev == spanv[s]);
        }
    }
}
END_TEST

/* ---- conversions with options ------------------------------------------ */

static const struct {
    const char *name, *in, *from, *to, *key, *value;
    int rc;
    const char *out;        /* expected output, NULL when the run fails */
    const char *diag;       /* a substring of the diagnostics, or "" */
} convs[] = {
    { "cps zero refused", "0:00 a\n", "youtube", "srt",
      "youtube-cps", "0", TC_ERR_ARG, NULL, "youtube-cps=0" },
    { "cps not a number", "0:00 a\n", "youtube", "srt",
      "youtube-cps", "fast", TC_ERR_ARG, NULL, "youtube-cps=fast" },
    { "max below min refused", "0:00 a\n", "youtube", "srt",
      "youtube-max-duration", "500", TC_ERR_ARG, NULL,
      "at least --youtube-min-duration" },
    { "negative min refused", "0:00 a\n", "youtube", "srt",
      "youtube-min-duration", "-1s", TC_ERR_ARG, NULL,
      "youtube-min-duration=-1s" },
    { "a shorter max makes a pause", "0:00 abc\n0:04 d\n", "youtube",
      "srt", "youtube-max-duration", "3s", TC_OK,
      "1\n00:00:00,000 --> 00:00:01,000\nabc\n\n"
      "2\n00:00:04,000 --> 00:00:05,000\nd\n\n", "" },
    { "min in seconds", "0:00 abc\n", "youtube", "srt",
      "youtube-min-duration", "2.5s", TC_OK,
      "1\n00:00:00,000 --> 00:00:02,500\nabc\n\n", "" },
    { "characters, not bytes", "0:00 \xc3\xa9t\xc3\xa9 \xc3\xa0 "
      "\xc3\xa9t\xc3\xa9\n", "youtube", "srt", "youtube-cps", "1", TC_OK,
      "1\n00:00:00,000 --> 00:00:06,000\n\xc3\xa9t\xc3\xa9 \xc3\xa0 "
      "\xc3\xa9t\xc3\xa9\n\n", "" },
    { "timestamp without text warns", "0:00\n0:02 b\n", "youtube", "srt",
      NULL, NULL, TC_OK, "1\n00:00:02,000 --> 00:00:03,000\nb\n\n",
      "1:0: warning: cue has no text" },
    { "tab after the timestamp", "0:00\tTab\n", "youtube", "youtube",
      NULL, NULL, TC_OK, "0:00 Tab\n", "" },
    { "minutes above 99", "0:00 a\n100:00 b\n", "youtube",
      "youtube", NULL, NULL, TC_OK, "0:00 a\n1:40:00 b\n", "" },
    { "hours above 99", "100:00:00 a\n", "youtube", "srt", NULL, NULL,
      TC_OK, "1\n100:00:00,000 --> 100:00:01,000\na\n\n", "" },
    /* a fragment whose time cannot be read is skipped; when it was the
     * only one, nothing is left and the run fails */
    { "bad minutes in hours form", "1:60:00 a\n", "youtube", "srt",
      NULL, NULL, TC_ERR_SYNTAX, NULL,
      "1:3: warning: unreadable timestamp: '1:60:00 a'; cue skipped\n"
      "0:0: error: no cue left to write" },
    { "one bad fragment among good ones", "0:00 a\n1:60:00 b\nmore b\n"
      "0:02 c\n", "youtube", "srt", NULL, NULL, TC_OK,
      "1\n00:00:00,000 --> 00:00:02,000\na\n\n"
      "2\n00:00:02,000 --> 00:00:03,000\nc\n\n",
      "2:3: warning: unreadable timestamp: '1:60:00 b'; cue skipped\n"
      "0:0: warning: cues skipped: 1 of 3" },
    { "youtube title line skipped", "My talk - transcript\n0:00 a\n", "youtube",
      "youtube", NULL, NULL, TC_OK, "0:00 a\n",
      "1:1: warning: unexpected text: 1 line before the first timestamp "
      "skipped: 'My talk - transcript'" },
    { "youtube reader refuses prose naming both styles", "Dear diary\n",
      "youtube", "srt", NULL, NULL, TC_ERR_UNKNOWN_FORMAT, NULL,
      "neither YouTube's '0:02 text' nor Whisper's" },
    { "whisper reader refuses prose naming both styles", "Dear diary\n",
      "whisper", "srt", NULL, NULL, TC_ERR_UNKNOWN_FORMAT, NULL,
      "neither Whisper's '[00:00.000 --> 00:02.000] text' nor YouTube's" },
    { "whisper one bad segment among good ones",
      "[00:00.000 --> 00:01.000]   a\n[00:01.5 --> 00:02.000]   b\n"
      "[00:02.000 --> 00:03.000]   c\n", "whisper", "whisper", NULL, NULL,
      TC_OK, "[00:00:00.000 --> 00:00:01.000]   a\n"
      "[00:00:02.000 --> 00:00:03.000]   c\n",
      "2:9: warning: unreadable timestamp: '[00:01.5 --> 00:02.000]   b'; "
      "cue skipped" },
    { "sbv one bad cue among good ones", "0:00:01.000,0:00:02.000\na\n\n"
      "0:00:03.x00,0:00:04.000\nb\n\n0:00:05.000,0:00:06.000\nc\n", "sbv",
      "sbv", NULL, NULL, TC_OK,
      "0:00:01.000,0:00:02.000\na\n\n0:00:05.000,0:00:06.000\nc\n",
      "4:9: warning: unreadable timestamp: '0:00:03.x00,0:00:04.000'; cue "
      "skipped" },
    { "whisper empty segment kept and written",
      "[00:00.000 --> 00:01.000]\n", "whisper", "whisper", NULL, NULL,
      TC_OK, "[00:00:00.000 --> 00:00:01.000]\n",
      "1:0: warning: cue has no text" },
    { "whisper fraction must have 3 digits",
      "[00:00.5 --> 00:01.000]   a\n", "whisper", "srt", NULL, NULL,
      TC_ERR_SYNTAX, NULL, "1:9: warning: unreadable timestamp" },
    { "whisper 60 seconds refused",
      "[00:00:60.000 --> 00:01:01.000]   a\n", "whisper", "srt", NULL, NULL,
      TC_ERR_SYNTAX, NULL, "warning: unreadable timestamp" },
    { "whisper long hours", "[123:00:00.000 --> 123:00:01.000]   a\n",
      "whisper", "whisper", NULL, NULL, TC_OK,
      "[123:00:00.000 --> 123:00:01.000]   a\n", "" },
    { "whisper text with brackets", "[00:00.000 --> 00:01.000]   [Music]\n",
      "whisper", "whisper", NULL, NULL, TC_OK,
      "[00:00:00.000 --> 00:00:01.000]   [Music]\n", "" },
    { "whisper bracket line that is text",
      "[00:00.000 --> 00:01.000]   a\n[laughs] b\n", "whisper", "srt",
      NULL, NULL, TC_OK, "1\n00:00:00,000 --> 00:00:01,000\na\n[laughs] b"
      "\n\n", "2:1: warning: repaired" },
    { "sbv empty cue is kept and warned", "0:00:01.000,0:00:02.000\n\n"
      "0:00:03.000,0:00:04.000\nb\n", "sbv", "srt", NULL, NULL, TC_OK,
      "1\n00:00:03,000 --> 00:00:04,000\nb\n\n",
      "1:0: warning: cue has no text" },
    { "sbv negative-looking text is text", "0:00:01.000,0:00:02.000\n"
      "1:30, she said\n", "sbv", "sbv", NULL, NULL, TC_OK,
      "0:00:01.000,0:00:02.000\n1:30, she said\n", "" },
    { "sbv writer: ruby text left out",
      "WEBVTT\n\n00:01.000 --> 00:02.000\n<ruby>x<rt>y</rt></ruby>z\n",
      "vtt", "sbv", NULL, NULL, TC_OK, "0:00:01.000,0:00:02.000\nxz\n",
      "" },
};

START_TEST(conversions)
{
    char *diags = NULL;
    int rc;
    char *out;

    if (tc_format_find(convs[_i].from) == NULL ||
        !tc_format_can_read(tc_format_find(convs[_i].from)))
        return;             /* another area's reader, not on this branch */
    out = unit_convert_opt(convs[_i].in, convs[_i].from, convs[_i].to,
                      convs[_i].key, convs[_i].value, &diags, &rc);
    ck_assert_msg(rc == convs[_i].rc, "%s: rc %d, diags:\n%s",
                  convs[_i].name, rc, diags);
    if (convs[_i].rc != TC_OK)
        ck_assert_msg(*out == '\0', "%s: output left behind",
                      convs[_i].name);
    else if (convs[_i].out != NULL)
        ck_assert_msg(strcmp(out, convs[_i].out) == 0, "%s: got\n%s",
                      convs[_i].name, out);
    ck_assert_msg(strstr(diags, convs[_i].diag) != NULL,
                  "%s: diagnostics were\n%s", convs[_i].name, diags);
    if (convs[_i].diag[0] == '\0')
        ck_assert_msg(strstr(diags, "warning") == NULL &&
                      strstr(diags, "error") == NULL,
                      "%s: unexpected diagnostics\n%s", convs[_i].name,
                      diags);
    free(out);
    free(diags);
}
END_TEST

/* Under --strict every repair fails the run. */
START_TEST(strict_fails)
{
    static const char *const in[][2] = {
        { "youtube", "0:05 a\n0:03 b\n" },
        { "whisper", "[00:00.000 --> 00:01.000]   a\nb\n" },
        { "sbv", "0:00:01.000,0:00:02.000\na\n0:00:03.000,0:00:04.000\nb\n" },
    };
    struct tc_buf d = TC_BUF_INIT;
    struct tc_ctx *ctx = tc_ctx_new();
    char *out;
    int rc;

    ck_assert(ctx != NULL);
    tc_ctx_set_diag(ctx, unit_collect, &d);
    tc_ctx_set_strict(ctx, 1);
    out = unit_convert_mem(ctx, in[_i][1], strlen(in[_i][1]), in[_i][0],
                           "srt", &rc);
    ck_assert_msg(rc == TC_ERR_STRICT, "%s: rc %d, diags:\n%s", in[_i][0],
                  rc, d.data);
    free(out);
    tc_buf_release(&d);
    tc_ctx_free(ctx);
}
END_TEST

/* ---- probes ---------------------------------------------------------- */

static const struct {
    const char *name, *in;
    const char *want;       /* detected format, NULL for none */
} probes[] = {
    { "youtube one-line", "0:00 hi everyone\n0:02 event is\n0:03 club\n",
      "youtube" },
    { "youtube hours", "1:00:00 a\n1:00:02 b\n", "youtube" },
    { "youtube two-line", "0:00\nhi everyone\n0:02\nevent is\n0:03\nclub\n",
      "youtube" },
    { "youtube leading blank lines, CRLF", "\r\n\r\n0:00 a\r\n0:02 b\r\n",
      "youtube" },
    { "youtube head cut in a line", "0:00 a\n0:02 b\n0:0", "youtube" },
    { "youtube one fragment", "0:00 hello", "youtube" },
    { "whisper", "[00:00:00.000 --> 00:00:04.880]   say, okay\n", "whisper" },
    { "whisper short form", "[00:00.000 --> 00:04.880]   say\n", "whisper" },
    { "whisper blank first line", "\n[00:00.000 --> 00:04.880]   say\n",
      "whisper" },
    { "whisper after a banner", "Detected language: en\n"
      "[00:00.000 --> 00:01.000]   a\n", "whisper" },
    { "sbv", "0:00:00.378,0:00:11.378\nCaption text #1\n", "sbv" },
    { "srt stays srt", "1\n00:00:01,000 --> 00:00:02,000\nHello\n", "srt" },
    { "srt with a time-like text", "1\n00:00:01,000 --> 00:00:02,000\n"
      "0:30 left\n", "srt" },
    { "prose", "It was a bright cold day in April.\nThe clocks struck.\n",
      NULL },
    { "prose starting with a time", "10:30 we met at the cafe.\nIt was "
      "cold.\nShe was late.\nWe talked.\nThen we left.\n", NULL },
    { "empty", "", NULL },
};

START_TEST(probe)
{
    const struct tc_format *f =
        tc_format_detect((const unsigned char *)probes[_i].in,
                         strlen(probes[_i].in), NULL);
    const char *got = f != NULL ? tc_format_name(f) : NULL;

    if (probes[_i].want == NULL)
        ck_assert_msg(got == NULL, "%s: detected as %s", probes[_i].name,
                      got);
    else
        ck_assert_msg(got != NULL && strcmp(got, probes[_i].want) == 0,
                      "%s: detected as %s", probes[_i].name,
                      got ? got : "nothing");
}
END_TEST

/* Ours never claim what other formats' signatures mark. */
START_TEST(probe_not_ours)
{
    static const char *const other[] = {
        "WEBVTT\n\n00:01.000 --> 00:02.000\nx\n",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n0:30 x\n",
        "1\n00:00:01,000 --> 00:00:02,000\nx\n",
        "<?xml version=\"1.0\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\">",
        "[Script Info]\nTitle: x\n",
    };
    static const char *const ours[] = { "youtube", "whisper", "sbv" };
    size_t i, j;

    for (i = 0; i < sizeof other / sizeof other[0]; i++)
        for (j = 0; j < 3; j++)
            ck_assert_msg(tc_format_probe(tc_format_find(ours[j]),
                                          (const unsigned char *)other[i],
                                          strlen(other[i])) == TC_PROBE_NO,
                          "%s claims '%s'", ours[j], other[i]);
}
END_TEST

static Suite *
suite_transcript(void)
{
    Suite *s = suite_create("transcript");
    TCase *tc = tcase_create("end-time rule");

    tcase_add_loop_test(tc, youtube_span, 0, sizeof spans / sizeof spans[0]);
    tcase_add_loop_test(tc, youtube_slot, 0, sizeof slots / sizeof slots[0]);
    tcase_add_test(tc, youtube_slots_tile);
    suite_add_tcase(s, tc);
    tc = tcase_create("conversions");
    tcase_add_loop_test(tc, conversions, 0, sizeof convs / sizeof convs[0]);
    tcase_add_loop_test(tc, strict_fails, 0, 3);
    suite_add_tcase(s, tc);
    tc = tcase_create("probes");
    tcase_add_loop_test(tc, probe, 0, sizeof probes / sizeof probes[0]);
    tcase_add_test(tc, probe_not_ours);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(suite_transcript());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
