/* test_filters_clean.c -- nonspeech, fillers, dedupe, shift and scale run
 * end to end on SubRip input: which words go, which stay, what the
 * diagnostics say.  Also the runner of this test program. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_filters_clean.h"
#include "format.h"
#include "memio.h"

static void
collect(const struct tc_diag *d, void *ud)
{
    struct tc_buf *b = ud;

    /* which language was found is test_lang.c's business; the filters
     * that ask for it (dedupe) say nothing more here */
    if (d->id == TC_D_LANG)
        return;
    tc_buf_addf(b, "%lu: %s: %s%s%s\n", d->line, tc_severity_name(d->sev),
                d->message, d->detail ? ": " : "", d->detail ? d->detail : "");
}

char *
fc_run(const char *filters, const char *in, char **diags, int *rc)
{
    struct tc_buf d = TC_BUF_INIT;
    struct tc_ctx *ctx = tc_ctx_new();
    const char *p = filters;
    char *out = NULL;

    ck_assert(ctx != NULL);
    tc_ctx_set_diag(ctx, collect, &d);
    *rc = TC_OK;
    /* filters: specs separated by spaces */
    while (*rc == TC_OK && *p != '\0') {
        size_t l = strcspn(p, " ");
        char spec[256];

        ck_assert(l < sizeof spec);
        memcpy(spec, p, l);
        spec[l] = '\0';
        *rc = tc_ctx_add_filter(ctx, spec);
        p += l;
        while (*p == ' ')
            p++;
    }
    if (*rc == TC_OK)
        out = unit_convert_mem(ctx, in, strlen(in), "srt", "srt", rc);
    else
        out = strdup("");
    tc_ctx_free(ctx);
    *diags = tc_buf_detach(&d);
    return out;
}

/* SubRip of one cue, to keep the table short. */
#define CUE(n, a, b, text) #n "\n00:00:" a ",000 --> 00:00:" b ",000\n" \
    text "\n\n"

static const struct fc_case cases[] = {
    /* ---- nonspeech ---- */
    { "ns-music-cue-dropped", "nonspeech",
      CUE(1, "01", "02", "[Music]") CUE(2, "02", "03", "Hello."),
      TC_OK, CUE(1, "02", "03", "Hello."),
      "2: note: cue dropped: nothing but non-speech text: [Music]" },
    { "ns-mid-line-keeps-italic", "nonspeech",
      CUE(1, "01", "02", "Hello [laughs], <i>there (applause)</i> friend."),
      TC_OK, CUE(1, "01", "02", "Hello, <i>there </i>friend."), "" },
    { "ns-speaker-label-and-dash", "nonspeech",
      CUE(1, "01", "02", "- [door slams]\n- MAN: (shouting) Get out!\n"
          "JOHN: [sighs]"),
      TC_OK, CUE(1, "01", "02", "- MAN: Get out!"), "" },
    { "ns-label-kept-when-speech-follows", "nonspeech",
      CUE(1, "01", "02", "JOHN: [sighs] Fine."),
      TC_OK, CUE(1, "01", "02", "JOHN: Fine."), "" },
    { "ns-music-line-and-credit", "nonspeech",
      CUE(1, "01", "02", "\xE2\x99\xAA la la la \xE2\x99\xAA\n"
          "Transcribed by https://otter.ai") CUE(2, "03", "04", "Hi."),
      TC_OK, CUE(1, "03", "04", "Hi."), "nothing but non-speech text" },
    { "ns-notes-inside-line", "nonspeech",
      CUE(1, "01", "02", "He sang \xE2\x99\xAB la la \xE2\x99\xAB and left."),
      TC_OK, CUE(1, "01", "02", "He sang and left."), "" },
    { "ns-keep-music", "nonspeech:keep-music=yes",
      CUE(1, "01", "02", "\xE2\x99\xAA la la \xE2\x99\xAA [Music]"),
      TC_OK, CUE(1, "01", "02", "\xE2\x99\xAA la la \xE2\x99\xAA"), "" },
    { "ns-credits-off", "nonspeech:credits=no",
      CUE(1, "01", "02", "Subtitles by the Amara.org community"),
      TC_OK, CUE(1, "01", "02", "Subtitles by the Amara.org community"),
      "" },
    { "ns-credit-needs-a-short-line", "nonspeech",
      CUE(1, "01", "02", "Subtitles by the Amara.org community")
      CUE(2, "02", "03", "Captions by the river were the best thing "
          "we had seen in years and years"),
      TC_OK,
      CUE(1, "02", "03", "Captions by the river were the best thing "
          "we had seen in years and years"),
      "2: note: cue dropped" },
    { "ns-square-only", "nonspeech:brackets=square",
      CUE(1, "01", "02", "[BLANK_AUDIO] Yes (applause)"),
      TC_OK, CUE(1, "01", "02", "Yes (applause)"), "" },
    { "ns-none", "nonspeech:brackets=none",
      CUE(1, "01", "02", "[Music] Yes"),
      TC_OK, CUE(1, "01", "02", "[Music] Yes"), "" },
    { "ns-unclosed-and-long-kept", "nonspeech",
      CUE(1, "01", "02", "[unclosed (this remark is far too long to be "
          "a sound description)"),
      TC_OK, CUE(1, "01", "02", "[unclosed (this remark is far too long "
          "to be a sound description)"), "" },
    { "ns-bracket-over-two-lines", "nonspeech",
      CUE(1, "01", "02", "Wait [door\nslams] what?"),
      TC_OK, CUE(1, "01", "02", "Wait what?"), "" },
    { "ns-bad-brackets", "nonspeech:brackets=angle",
      CUE(1, "01", "02", "x"), TC_ERR_ARG, "",
      "brackets=angle: expected square, round, curly" },
    { "ns-credit-needs-a-name", "nonspeech",
      CUE(1, "01", "02", "Subtitles by the way are really hard.\n"
          "Captions by Jane Doe"),
      TC_OK, CUE(1, "01", "02", "Subtitles by the way are really hard."),
      "" },
    { "ns-glued-brackets-are-text", "nonspeech",
      CUE(1, "01", "02", "f(x) and a[i] (2) [Music] b(y)[j]"),
      TC_OK, CUE(1, "01", "02", "f(x) and a[i] (2) b(y)[j]"), "" },
    { "ns-speech-after-song", "nonspeech",
      CUE(1, "01", "02", "\xE2\x99\xAA la \xE2\x99\xAA\xE2\x99\xAA "
          "and then we talked"),
      TC_OK, CUE(1, "01", "02", "and then we talked"), "" },
    /* ---- fillers ---- */
    { "fi-capital-passes-on", "fillers:lang=en",
      CUE(1, "01", "02", "Um, so we went, uh, to the park."),
      TC_OK, CUE(1, "01", "02", "So we went to the park."), "" },
    { "fi-before-question-mark", "fillers:lang=en",
      CUE(1, "01", "02", "Was it, um? I mean <i>uh, yes</i>, hmm"),
      TC_OK, CUE(1, "01", "02", "Was it? I mean <i>yes</i>"), "" },
    { "fi-stretched-and-not-words", "fillers:lang=en",
      CUE(1, "01", "02", "Ummm, M. Night said mm-hmm, UHH, uh-huh, ok."),
      TC_OK, CUE(1, "01", "02", "M. Night said mm-hmm uh-huh, ok."), "" },
    { "fi-two-in-a-row", "fillers:lang=en",
      CUE(1, "01", "02", "Um, uh, so. Er. it works, erm."),
      TC_OK, CUE(1, "01", "02", "So. It works."), "" },
    { "fi-comma-after-first-word-stays", "fillers:lang=en",
      CUE(1, "01", "02", "Well, um, I did. Then, uh, no."),
      TC_OK, CUE(1, "01", "02", "Well, I did. Then, no."), "" },
    { "fi-whole-line", "fillers:lang=en",
      CUE(1, "01", "02", "Hmm\nyes we can"),
      TC_OK, CUE(1, "01", "02", "Yes we can"), "" },
    { "fi-not-sentence-start", "fillers:lang=en",
      CUE(1, "01", "02", "and then, Um, we left"),
      TC_OK, CUE(1, "01", "02", "and then we left"), "" },
    { "fi-empty-cue-extends-previous", "fillers:lang=en",
      CUE(1, "01", "02", "Right.") CUE(2, "02", "04", "Umm.")
      CUE(3, "04", "05", "So."),
      TC_OK, CUE(1, "01", "04", "Right.") CUE(2, "04", "05", "So."),
      "6: note: cue dropped: nothing but filler words; the cue before now "
      "ends at 00:00:04.000" },
    { "fi-extend-off", "fillers:extend=no,lang=en",
      CUE(1, "01", "02", "Right.") CUE(2, "02", "04", "Umm."),
      TC_OK, CUE(1, "01", "02", "Right."), "6: note: cue dropped" },
    { "fi-german-um-is-a-word", "fillers:lang=de",
      CUE(1, "01", "02", "\xC3\x84hm, ich komme um zehn, \xC3\xA4h, ja."),
      TC_OK, CUE(1, "01", "02", "Ich komme um zehn ja."), "" },
    { "fi-french", "fillers:lang=fr",
      CUE(1, "01", "02", "Euh, je pense, heu, que oui."),
      TC_OK, CUE(1, "01", "02", "Je pense que oui."), "" },
    { "fi-spanish", "fillers:lang=es",
      CUE(1, "01", "02", "Eh, este libro, em, es bueno."),
      TC_OK, CUE(1, "01", "02", "Este libro es bueno."), "" },
    /* too little text to guess from: only the fillers of no language */
    { "fi-unknown-language-keeps-words", "fillers",
      CUE(1, "01", "02", "Er kommt um zehn. Uh, ja, hmm."),
      TC_OK, CUE(1, "01", "02", "Er kommt um zehn. Ja."),
      /* too little text to tell: a note (TC_D_LANG), not a warning */
      "" },
    { "fi-danish-er-is-a-word", "fillers:lang=da",
      CUE(1, "01", "02", "Hvor er du? \xC3\x98h, jeg er her, hmm."),
      TC_OK, CUE(1, "01", "02", "Hvor er du? Jeg er her."), "" },
    { "fi-bad-lang", "fillers:lang=xx", CUE(1, "01", "02", "x"),
      TC_ERR_ARG, "", "fillers: lang=xx: expected auto or one of en de fr "
      "es da nb nn no sv nl" },
    { "fi-missing-words-file", "fillers:words=/nonexistent/list",
      CUE(1, "01", "02", "x"), TC_ERR_ARG, "",
      "fillers: words=/nonexistent/list: No such file" },
    { "fi-acronyms-and-units", "fillers:lang=en",
      CUE(1, "01", "02", "Take me to the ER now, 5 mm. UM, the UM team."),
      TC_OK, CUE(1, "01", "02", "Take me to the ER now, 5 mm. The UM team."),
      "" },
    /* ---- dedupe ---- */
    { "dd-placement-apart", "dedupe",
      CUE(1, "01", "02", "{\\an8}Yes.") CUE(2, "02", "03", "Yes."),
      TC_OK, CUE(1, "01", "02", "{\\an8}Yes.") CUE(2, "02", "03", "Yes."),
      "" },
    { "dd-exact-repeat-merged", "dedupe",
      CUE(1, "01", "02", "Yes.") CUE(2, "02", "03", "YES.")
      CUE(3, "13", "14", "Yes."),
      TC_OK, CUE(1, "01", "03", "Yes.") CUE(2, "13", "14", "Yes."),
      "6: note: cue dropped: repeats the cue before, which now ends at "
      "00:00:03.000" },
    { "dd-rolling", "dedupe",
      CUE(1, "00", "02", "hello world") CUE(2, "02", "05",
          "hello world\nthis is the next")
      CUE(3, "05", "07", "this is the next\nand the end"),
      TC_OK,
      CUE(1, "00", "02", "hello world") CUE(2, "02", "05",
          "this is the next") CUE(3, "05", "07", "and the end"), "" },
    { "dd-rolling-off", "dedupe:rolling=no,stutters=no",
      CUE(1, "00", "02", "A\nB") CUE(2, "02", "05", "B\nC")
      CUE(3, "05", "06", "b\nc"),
      TC_OK, CUE(1, "00", "02", "A\nB") CUE(2, "02", "06", "B\nC"),
      "note: cue dropped" },
    { "dd-loops", "dedupe",
      CUE(1, "01", "02", "the the the cat, I'm going to I'm going to "
          "I'm going to. I knew that that was bad bad."),
      TC_OK,
      CUE(1, "01", "02", "the cat, I'm going to. I knew that that was "
          "bad."), "" },
    { "dd-loops-off", "dedupe:min-repeats=0",
      CUE(1, "01", "02", "no no no"),
      TC_OK, CUE(1, "01", "02", "no no no"), "" },
    { "dd-loops-two", "dedupe:min-repeats=2,stutters=no",
      CUE(1, "01", "02", "so so, we we"),
      TC_OK, CUE(1, "01", "02", "so, we"), "" },
    /* stutters: one to three words said twice, also with a comma, in a
     * cue and across the start of the next; grammar and emphasis stay */
    { "dd-stutters", "dedupe",
      CUE(1, "01", "02", "I I thought we should ship, ship the product.")
      CUE(2, "02", "03", "It was it was good. I said no, no, no, no."),
      TC_OK, CUE(1, "01", "02", "I thought we should ship the product.")
      CUE(2, "02", "03", "It was good. I said no, no, no, no."), "" },
    { "dd-stutters-grammar", "dedupe",
      CUE(1, "01", "02", "He said that that was what he had had. "
          "Yeah, yeah, bye bye. In 2020 2020 was odd."),
      TC_OK, CUE(1, "01", "02", "He said that that was what he had had. "
          "Yeah, yeah, bye bye. In 2020 2020 was odd."), "" },
    { "dd-stutters-across", "dedupe",
      CUE(1, "01", "02", "He's doing the he's")
      CUE(2, "02", "03", "doing the podcast, the the blog."),
      TC_OK, CUE(1, "01", "02", "He's doing the")
      CUE(2, "02", "03", "podcast, the blog."), "" },
    /* a sentence said again is meant, in a cue and across two */
    { "dd-stutters-sentence", "dedupe",
      CUE(1, "01", "02", "Stay out of it. Stay out of it! Go.")
      CUE(2, "02", "03", "Go. Now."),
      TC_OK, CUE(1, "01", "02", "Stay out of it. Stay out of it! Go.")
      CUE(2, "02", "03", "Go. Now."), "" },
    { "dd-stutters-off", "dedupe:stutters=no",
      CUE(1, "01", "02", "I I thought so so."),
      TC_OK, CUE(1, "01", "02", "I I thought so so."), "" },
    { "dd-stutters-de", "dedupe:lang=de",
      CUE(1, "01", "02", "Ich ich glaube, die die Frau kommt."),
      TC_OK, CUE(1, "01", "02", "Ich glaube, die die Frau kommt."), "" },
    { "dd-bad", "dedupe:min-repeats=1", CUE(1, "01", "02", "x"),
      TC_ERR_ARG, "", "min-repeats must be 0 (off) or at least 2" },
    /* ---- shift and scale ---- */
    { "sh-later", "shift:by=1.5s",
      CUE(1, "01", "02", "a"), TC_OK,
      "1\n00:00:02,500 --> 00:00:03,500\na\n\n", "" },
    { "sh-before-zero", "shift:by=-1500ms",
      CUE(1, "01", "01", "gone") CUE(2, "01", "03", "clamped")
      CUE(3, "03", "04", "moved"),
      TC_OK,
      "1\n00:00:00,000 --> 00:00:01,500\nclamped\n\n"
      "2\n00:00:01,500 --> 00:00:02,500\nmoved\n\n",
      "2: warning: repaired: cue would start at -00:00:00.500, before the "
      "video: dropped" },
    { "sh-bad", "shift:by=soon", CUE(1, "01", "02", "a"), TC_ERR_ARG, "",
      "shift: by=soon: expected a duration" },
    { "sc-frame-rate", "scale:from=25,to=23.976",
      CUE(1, "10", "20", "a"), TC_OK,
      "1\n00:00:10,427 --> 00:00:20,854\na\n\n", "" },
    { "sc-fraction", "scale:from=25,to=24000/1001",
      CUE(1, "10", "20", "a"), TC_OK,
      "1\n00:00:10,427 --> 00:00:20,854\na\n\n", "" },
    { "sc-factor", "scale:factor=0.5", CUE(1, "10", "20", "a"), TC_OK,
      "1\n00:00:05,000 --> 00:00:10,000\na\n\n", "" },
    { "sc-both", "scale:factor=2,from=25,to=24", CUE(1, "10", "20", "a"),
      TC_ERR_ARG, "", "give either factor= or both from= and to=" },
    { "sc-neither", "scale", CUE(1, "10", "20", "a"),
      TC_ERR_ARG, "", "give either factor= or both from= and to=" },
    { "sc-bad", "scale:factor=-1", CUE(1, "10", "20", "a"),
      TC_ERR_ARG, "", "factor=-1: expected a positive number" },
};

START_TEST(fc_cases)
{
    const struct fc_case *c = &cases[_i];
    char *diags = NULL, *out;
    int rc;

    out = fc_run(c->filters, c->in, &diags, &rc);
    ck_assert_msg(rc == c->rc, "%s: rc %d, diags:\n%s", c->name, rc, diags);
    ck_assert_msg(strcmp(out, c->out) == 0, "%s: got\n%s\nwant\n%s",
                  c->name, out, c->out);
    ck_assert_msg(strstr(diags, c->diag) != NULL,
                  "%s: diagnostics were\n%s", c->name, diags);
    if (c->diag[0] == '\0')
        ck_assert_msg(diags[0] == '\0', "%s: unexpected diagnostics\n%s",
                      c->name, diags);
    free(out);
    free(diags);
}
END_TEST

/* words=FILE replaces the list, with comments. */
START_TEST(fc_words_file)
{
    char path[] = "/tmp/tc-fc-words-XXXXXX";
    const char *list = "# my list\nbasically  literally\n";
    char spec[64], *diags, *out;
    int fd = mkstemp(path), rc;

    ck_assert(fd >= 0);
    ck_assert(write(fd, list, strlen(list)) == (ssize_t)strlen(list));
    close(fd);
    snprintf(spec, sizeof spec, "fillers:words=%s", path);
    out = fc_run(spec, CUE(1, "01", "02", "Um, it is basically, "
                                          "LITERALLY done."),
                 &diags, &rc);
    unlink(path);
    ck_assert_int_eq(rc, TC_OK);
    ck_assert_str_eq(out, CUE(1, "01", "02", "Um, it is done."));
    free(out);
    free(diags);
}
END_TEST

/* A dropped filler cue never stretches the cue before past
 * max-duration. */
START_TEST(fc_extend_capped)
{
    char *diags, *out;
    int rc;

    out = fc_run("fillers:max-duration=2500,lang=en",
                 CUE(1, "01", "02", "Right.") CUE(2, "02", "09", "Umm."),
                 &diags, &rc);
    ck_assert_int_eq(rc, TC_OK);
    ck_assert_str_eq(out, "1\n00:00:01,000 --> 00:00:03,500\nRight.\n\n");
    free(out);
    free(diags);
}
END_TEST

/* Under --strict the warning of shift is an error and the run fails. */
START_TEST(fc_shift_strict)
{
    struct tc_ctx *ctx = tc_ctx_new();
    char inpath[] = "/tmp/tc-fc-strict-XXXXXX";
    const char *in = CUE(1, "01", "02", "a");
    int fd = mkstemp(inpath), rc;

    ck_assert(fd >= 0);
    ck_assert(write(fd, in, strlen(in)) == (ssize_t)strlen(in));
    close(fd);
    tc_ctx_set_strict(ctx, 1);
    ck_assert_int_eq(tc_ctx_add_filter(ctx, "shift:by=-1.5s"), TC_OK);
    rc = tc_convert(ctx, inpath, NULL, "/tmp/tc-fc-strict-out.srt", NULL);
    unlink(inpath);
    ck_assert_int_eq(rc, TC_ERR_STRICT);
    ck_assert(access("/tmp/tc-fc-strict-out.srt", F_OK) != 0);
    tc_ctx_free(ctx);
}
END_TEST

static Suite *
suite_fc_convert(void)
{
    Suite *s = suite_create("filters-clean");
    TCase *tc = tcase_create("convert");

    tcase_add_loop_test(tc, fc_cases, 0, sizeof cases / sizeof cases[0]);
    tcase_add_test(tc, fc_words_file);
    tcase_add_test(tc, fc_extend_capped);
    tcase_add_test(tc, fc_shift_strict);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(suite_fc_convert());
    int failed;

    srunner_add_suite(sr, suite_fc_model());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
