/* test_srt.c -- the SubRip reader's repairs and errors, and its writer. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "transcue.h"

static const struct {
    const char *name;
    const char *in;
    int rc;
    const char *out;        /* expected SRT, NULL when the run fails */
    const char *diag;       /* a substring of the diagnostics, or "" */
} cases[] = {
    { "canonical",
      "1\n00:00:01,000 --> 00:00:02,500\nHello\n\n",
      TC_OK, "1\n00:00:01,000 --> 00:00:02,500\nHello\n\n", "" },
    { "crlf-bom",
      "\xEF\xBB\xBF" "1\r\n00:00:01,000 --> 00:00:02,000\r\nA\r\nB\r\n",
      TC_OK, "1\n00:00:01,000 --> 00:00:02,000\nA\nB\n\n", "" },
    { "dot-and-short-fraction",
      "1\n0:00:01.5 --> 0:00:02,25\nX\n",
      TC_OK, "1\n00:00:01,500 --> 00:00:02,250\nX\n\n",
      "2:0: warning: non-standard timestamp" },
    { "missing-index",
      "00:00:01,000 --> 00:00:02,000\nX\n",
      TC_OK, "1\n00:00:01,000 --> 00:00:02,000\nX\n\n",
      "1:0: warning: missing or wrong cue number" },
    { "no-blank-line",
      "1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n",
      TC_OK,
      "1\n00:00:01,000 --> 00:00:02,000\nA\n\n"
      "2\n00:00:03,000 --> 00:00:04,000\nB\n\n",
      "4:0: warning: no blank line between cues" },
    { "bare-number-in-text",
      "1\n00:00:01,000 --> 00:00:02,000\nThe year\n1984\n",
      TC_OK, "1\n00:00:01,000 --> 00:00:02,000\nThe year\n1984\n\n", "" },
    { "junk-after-timing",
      "1\n00:00:01,000 --> 00:00:02,000 foo\nA\n",
      TC_OK, "1\n00:00:01,000 --> 00:00:02,000\nA\n\n",
      "2:31: warning: unexpected text" },
    /* a cue whose time cannot be read is skipped, not the file */
    { "bad-timestamp-skips-the-cue",
      "1\n00:00:O1,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n",
      TC_OK, "1\n00:00:03,000 --> 00:00:04,000\nB\n\n",
      "2:7: warning: unreadable timestamp: '00:00:O1,000 --> 00:00:02,000'; "
      "cue skipped\n0:0: warning: cues skipped: 1 of 2" },
    { "text-before-any-cue-fails",
      "hello\n", TC_ERR_SYNTAX, NULL, "1:1: error: syntax error: no SubRip "
      "cue found" },
    { "title-before-the-first-cue-skipped",
      "My film\n\n1\n00:00:01,000 --> 00:00:02,000\nA\n", TC_OK,
      "1\n00:00:01,000 --> 00:00:02,000\nA\n\n",
      "1:1: warning: unexpected text: 1 line before the first cue skipped: "
      "'My film'" },
    /* a numbering that starts at 2 is one cause, said once */
    { "offset-numbering-said-once",
      "2\n00:00:01,000 --> 00:00:02,000\nA\n\n3\n00:00:03,000 --> "
      "00:00:04,000\nB\n\n4\n00:00:05,000 --> 00:00:06,000\nC\n", TC_OK,
      "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> "
      "00:00:04,000\nB\n\n3\n00:00:05,000 --> 00:00:06,000\nC\n\n",
      "1:0: warning: missing or wrong cue number: cue numbers start at 2; "
      "renumbered\n" },
    /* the next cue's number alone at the end: a cut-off file */
    { "cut-off-after-the-number",
      "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n", TC_OK,
      "1\n00:00:01,000 --> 00:00:02,000\nA\n\n",
      "5:1: warning: unexpected text: cue 2 is cut off after its number, "
      "at the end of the file: left out\n" },
    { "a-year-at-the-end-stays-text",
      "1\n00:00:01,000 --> 00:00:02,000\nCopyright\n\n2012\n", TC_OK,
      "1\n00:00:01,000 --> 00:00:02,000\nCopyright\n2012\n\n",
      "5:0: warning: repaired: text after a blank line" },
    /* an override between two spaces takes one of them with it */
    { "override-between-spaces",
      "1\n00:00:01,000 --> 00:00:02,000\nThis is {\\an8} the {\\xyz} top\n",
      TC_OK, "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}This is the top\n\n",
      "" },
    /* seconds padded with a zero, as some tools write them */
    { "zero-padded-seconds",
      "1\n00:00:013,567 --> 00:00:014,901\nA\n", TC_OK,
      "1\n00:00:13,567 --> 00:00:14,901\nA\n\n",
      "2:0: warning: non-standard timestamp" },
    { "three-digit-seconds-not-padding",
      "1\n00:00:130,567 --> 00:00:14,901\nA\n\n2\n00:00:15,000 --> "
      "00:00:16,000\nB\n", TC_OK,
      "1\n00:00:15,000 --> 00:00:16,000\nB\n\n",
      "2:10: warning: unreadable timestamp" },
    /* '.' before every fraction: once, then a count */
    { "repeated-repair-counted",
      "1\n00:00:01.000 --> 00:00:02.000\nA\n\n2\n00:00:03.000 --> "
      "00:00:04.000\nB\n\n3\n00:00:05.000 --> 00:00:06.000\nC\n", TC_OK,
      "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> "
      "00:00:04,000\nB\n\n3\n00:00:05,000 --> 00:00:06,000\nC\n\n",
      "2:0: warning: non-standard timestamp: '00:00:01.000 --> "
      "00:00:02.000'\n2:0: warning: non-standard timestamp: 2 more like "
      "this, the last at line 10\n" },
    { "tags-and-placement",
      "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>It</i> <font color=\"red\">is</font>\n",
      TC_OK,
      "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>It</i> "
      "<font color=\"#ff0000\">is</font>\n\n", "" },
    { "reversed-end",
      "1\n00:00:05,000 --> 00:00:04,000\nAB\n\n2\n00:00:05,500 --> 00:00:06,000\nC\n",
      TC_OK,
      "1\n00:00:05,000 --> 00:00:05,500\nAB\n\n"
      "2\n00:00:05,500 --> 00:00:06,000\nC\n\n",
      "warning: cue ends before or when it starts: it ends at 00:00:04.000; "
      "new end" },
    { "spelled-out-tags",
      "1\n00:00:01,000 --> 00:00:02,000\n<bold>B</bold> <Italic>I</italic>\n",
      TC_OK, "1\n00:00:01,000 --> 00:00:02,000\n<b>B</b> <i>I</i>\n\n", "" },
    /* a cue whose timing line is missing: its number is not text */
    { "missing-timing-joins-above",
      "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\nB\n",
      TC_OK, "1\n00:00:01,000 --> 00:00:02,000\nA\nB\n\n",
      "5:0: warning: repaired: cue 2 has no timing line: its text joined to "
      "the cue above\n" },
    { "a-number-out-of-step-stays-text",
      "1\n00:00:01,000 --> 00:00:02,000\nA\n\n7\nB\n",
      TC_OK, "1\n00:00:01,000 --> 00:00:02,000\nA\n7\nB\n\n",
      "5:0: warning: repaired: text after a blank line" },
    { "break-outside-closed-tag",
      "1\n00:00:01,000 --> 00:00:02,000\n<b>Top</b>\nnext <i>a\nb</i>\n",
      TC_OK,
      "1\n00:00:01,000 --> 00:00:02,000\n<b>Top</b>\nnext <i>a\nb</i>\n\n", "" },
    { "html-line-breaks",
      "1\n00:00:01,000 --> 00:00:02,000\na<br>b<BR />c\n",
      TC_OK, "1\n00:00:01,000 --> 00:00:02,000\na\nb\nc\n\n", "" },
    { "typo-in-timestamp-fails",
      "1\n00:00:05,000 --> 00:00:1O,000\nz\n",
      TC_ERR_SYNTAX, NULL, "2:25: warning: unreadable timestamp: "
      "'00:00:05,000 --> 00:00:1O,000'; cue skipped\n0:0: error: no cue "
      "left to write: the input held 1 cue; 1 skipped by the reader" },
    { "unknown-colour-is-no-colour",
      "1\n00:00:01,000 --> 00:00:02,000\n<font color=\"nope\">x</font>\n",
      TC_OK, "1\n00:00:01,000 --> 00:00:02,000\nx\n\n",
      "3:1: warning: malformed markup: unknown colour" },
    { "unknown-tag-removed",
      "1\n00:00:01,000 --> 00:00:02,000\n<sub>x</sub> <3\n",
      TC_OK, "1\n00:00:01,000 --> 00:00:02,000\nx <3\n\n",
      "warning: malformed markup" },
};

START_TEST(srt_reads)
{
    char *diags = NULL;
    int rc;
    char *out = unit_convert(cases[_i].in, "srt", "srt", &diags, &rc);

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

Suite *
suite_srt(void)
{
    Suite *s = suite_create("srt");
    TCase *tc = tcase_create("reader");

    tcase_add_loop_test(tc, srt_reads, 0, sizeof cases / sizeof cases[0]);
    suite_add_tcase(s, tc);
    return s;
}
