/* test_filters_layout.c -- line breaking decisions (src/linebreak.c), the
 * merge filter's cut decisions, streaming through merge, and the limits.
 * Expected texts were worked out by hand from the rules in linebreak.c and
 * merge.c, not copied from a run. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>

#include "ctx.h"
#include "lexicon.h"
#include "linebreak.h"
#include "memio.h"

/* ---- line breaking ------------------------------------------------------ */

static const struct {
    const char *in;
    size_t max;
    const char *out;
    size_t lines;
} wraps[] = {
    /* fits: one line, even when the input had a break */
    { "Short line\nbroken for no reason.", 42,
      "Short line broken for no reason.", 1 },
    /* after the comma rather than in the middle */
    { "When we arrived at the station, the train had already left.", 42,
      "When we arrived at the station,\nthe train had already left.", 2 },
    /* before the conjunction */
    { "I wanted to go to the party but I had too much work to do.", 42,
      "I wanted to go to the party\nbut I had too much work to do.", 2 },
    /* no punctuation or function words: balanced, lower line longer */
    { "aaa bbb ccc ddd eee fff ggg hhh iii jjj kkk", 42,
      "aaa bbb ccc ddd eee\nfff ggg hhh iii jjj kkk", 2 },
    /* a line of dialogue keeps its own line */
    { "- Are you coming?\n- Yes.", 42, "- Are you coming?\n- Yes.", 2 },
    /* a word longer than a line gets a line of its own, unbroken */
    { "See https://example.com/a/very/long/address/here now", 20,
      "See\nhttps://example.com/a/very/long/address/here\nnow", 3 },
    /* a sentence end is worth some imbalance (22 / 31) ... */
    { "We are done for today. Let us all go home now, please.", 42,
      "We are done for today.\nLet us all go home now, please.", 2 },
    /* ... even a line of 4 against one of 42: the alternatives split
     * "should / go" (a modal from its verb) or "we / should" */
    { "Yes. I think we should go home now, right away.", 42,
      "Yes.\nI think we should go home now, right away.", 2 },
    /* never after an article, a preposition or a subject pronoun, even
     * in unpunctuated lower-case text */
    { "so today we are going to talk about how to make bread at home", 42,
      "so today we are going to talk about\nhow to make bread at home", 2 },
    /* "click on" stays together: a verb and its preposition */
    { "and then you just click on the link in the description box", 42,
      "and then you just click on the link\nin the description box", 2 },
    /* a speaker label stays with its line */
    { "ANNA: I have looked everywhere for the keys and found nothing",
      42, "ANNA: I have looked everywhere\nfor the keys and found nothing",
      2 },
    /* two capitalised words inside a sentence are likely one name: the
     * most balanced break, "Maria / Lopez" (23 / 20), loses to
     * "evening / Maria" (17 / 26) */
    { "yesterday evening Maria Lopez finally called", 42,
      "yesterday evening\nMaria Lopez finally called", 2 },
};

static void
text_set(struct tc_text *t, const char *s)
{
    tc_text_clear(t);
    ck_assert_int_eq(tc_text_append(t, s, strlen(s), NULL), TC_OK);
}

START_TEST(lb_wraps)
{
    struct tc_lb lb;
    struct tc_text t, scratch;
    size_t lines;
    char *out;

    tc_lb_init(&lb);
    memset(&t, 0, sizeof t);
    memset(&scratch, 0, sizeof scratch);
    text_set(&t, wraps[_i].in);
    ck_assert_int_eq(tc_lb_relayout(&lb, &t, &scratch, wraps[_i].max,
                                    &lines), TC_OK);
    out = tc_text_plain(&t);
    ck_assert_msg(strcmp(out, wraps[_i].out) == 0, "got '%s'", out);
    ck_assert_uint_eq(lines, wraps[_i].lines);
    free(out);
    tc_text_release(&t);
    tc_text_release(&scratch);
    tc_lb_release(&lb);
}
END_TEST

START_TEST(lb_never_ends_line_weak)
{
    /* 58 characters: the middle falls after "the", which must not end
     * the line */
    static const char s[] =
        "Please put all of these old things in the big box by the door.";
    struct tc_lb lb;
    struct tc_text t, scratch;
    size_t lines;
    char *out, *nl;

    tc_lb_init(&lb);
    memset(&t, 0, sizeof t);
    memset(&scratch, 0, sizeof scratch);
    text_set(&t, s);
    tc_lb_relayout(&lb, &t, &scratch, 42, &lines);
    out = tc_text_plain(&t);
    nl = strchr(out, '\n');
    ck_assert_ptr_nonnull(nl);
    ck_assert_msg(!(nl - out >= 4 && memcmp(nl - 4, " the", 4) == 0) &&
                  !(nl - out >= 3 && memcmp(nl - 3, " in", 3) == 0) &&
                  !(nl - out >= 3 && memcmp(nl - 3, " by", 3) == 0),
                  "line ends with a function word: '%s'", out);
    free(out);
    tc_text_release(&t);
    tc_text_release(&scratch);
    tc_lb_release(&lb);
}
END_TEST

START_TEST(lb_flags)
{
    struct tc_lb lb;
    struct tc_text t;

    tc_lb_init(&lb);
    memset(&t, 0, sizeof t);
    text_set(&t, "Dr. Smith left. \"Really?\" Well, the end... and on");
    ck_assert_int_eq(tc_lb_words(&lb, &t), TC_OK);
    ck_assert_uint_eq(lb.n, 9);
    ck_assert_uint_eq(lb.w[0].flags & TC_LB_SENTENCE, 0);   /* Dr. */
    ck_assert(lb.w[2].flags & TC_LB_SENTENCE);              /* left. */
    ck_assert(lb.w[3].flags & TC_LB_SENTENCE);              /* "Really?" */
    ck_assert(lb.w[4].flags & TC_LB_CLAUSE);                /* Well, */
    ck_assert(lb.w[5].flags & TC_LB_OPEN);                  /* the */
    ck_assert(lb.w[6].flags & TC_LB_CLAUSE);                /* end... */
    ck_assert(lb.w[7].flags & TC_LB_CONJ);                  /* and */
    ck_assert(lb.w[8].flags & TC_LB_PREP);                  /* on */
    ck_assert_uint_eq(lb.w[1].pos, 4);                      /* Smith */
    ck_assert_uint_eq(lb.chars, strlen("Dr. Smith left. \"Really?\" Well, "
                                       "the end... and on"));
    tc_text_release(&t);
    tc_lb_release(&lb);
}
END_TEST

/* ---- the lexicon -------------------------------------------------------- */

START_TEST(lex_tables)
{
    const struct tc_lex *lx;
    size_t i;

    /* every list sorted, no duplicates, all in the hash table */
    for (i = 0; (lx = tc_lex_at(i)) != NULL; i++)
        ck_assert_msg(tc_lex_sorted(lx), "lexicon %s is not sorted",
                      tc_lex_lang(lx));
    ck_assert_uint_eq(i, 4);
    ck_assert_str_eq(tc_lex_lang(tc_lex_find("de-AT")), "de");
    ck_assert_str_eq(tc_lex_lang(tc_lex_find("FR")), "fr");
    ck_assert_ptr_null(tc_lex_find("da"));
    ck_assert_ptr_null(tc_lex_find("english"));
}
END_TEST

START_TEST(lex_classes)
{
    const struct tc_lex *en = tc_lex_find("en"), *de = tc_lex_find("de");
    const struct tc_lex *fr = tc_lex_find("fr");

    ck_assert(tc_lex_classes(en, "The", 3) & TC_LX_OPEN);
    ck_assert(tc_lex_classes(en, "(the", 4) & TC_LX_OPEN);
    ck_assert(tc_lex_classes(en, "Dr.", 3) & TC_LX_ABBREV);
    ck_assert(tc_lex_classes(en, "e.g.,", 5) & TC_LX_ABBREV);
    /* a typographic apostrophe is an apostrophe */
    ck_assert(tc_lex_classes(en, "I\xE2\x80\x99m", 5) & TC_LX_SUBJ);
    /* a verb's forms keep their preposition */
    ck_assert_uint_eq(tc_lex_classes(en, "clicked", 7), TC_LX_PVERB);
    ck_assert_uint_eq(tc_lex_classes(en, "contributing", 12), TC_LX_PVERB);
    ck_assert_uint_eq(tc_lex_classes(en, "parser", 6), 0);
    ck_assert(tc_lex_classes(en, "no,", 3) & TC_LX_EMPH);
    ck_assert(tc_lex_classes(en, "that", 4) & TC_LX_DOUBLE);
    /* Latin-1 capitals fold: "Über" is "über" */
    ck_assert(tc_lex_classes(de, "\xC3\x9C" "ber", 5) & TC_LX_PREP);
    ck_assert(tc_lex_classes(de, "z.B.", 4) & TC_LX_ABBREV);
    ck_assert(tc_lex_classes(de, "die", 3) & TC_LX_DOUBLE);
    ck_assert(tc_lex_classes(fr, "\xC3\xA0", 2) & TC_LX_OPEN);
    ck_assert_uint_eq(tc_lex_classes(de, "clicked", 7), 0);
    /* a word too long for the key is no word of the lexicon; a Latin-1
     * capital that would fill the key's last byte (fuzz, ASan) */
    ck_assert_uint_eq(tc_lex_classes(en, "aaaaaaaaaaaaaaaaaaaaaa"
                                     "\xC3\x89", 24), 0);
    ck_assert_uint_eq(tc_lex_classes(en, "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                                     30), 0);
}
END_TEST

START_TEST(lb_sentence_ends)
{
    struct tc_lb lb;
    struct tc_text t;

    tc_lb_init(&lb);
    memset(&t, 0, sizeof t);
    /* abbreviations and initials never end a sentence */
    text_set(&t, "At 5 p.m. J. Smith and Dr. Lee met, e.g. here. I left.");
    ck_assert_int_eq(tc_lb_words(&lb, &t), TC_OK);
    ck_assert_uint_eq(lb.n, 13);
    ck_assert_uint_eq(lb.w[2].flags & TC_LB_SENTENCE, 0);   /* p.m. */
    ck_assert_uint_eq(lb.w[3].flags & TC_LB_SENTENCE, 0);   /* J. */
    ck_assert_uint_eq(lb.w[6].flags & TC_LB_SENTENCE, 0);   /* Dr. */
    ck_assert_uint_eq(lb.w[9].flags & TC_LB_SENTENCE, 0);   /* e.g. */
    ck_assert(lb.w[10].flags & TC_LB_SENTENCE);             /* here. */
    ck_assert(lb.w[12].flags & TC_LB_SENTENCE);             /* left. */
    ck_assert(lb.w[11].flags & TC_LB_SUBJ);                 /* I */
    /* German: "z.B." with the German list, a sentence end with none */
    lb.lex = tc_lex_find("de");
    text_set(&t, "Wir haben z.B. Musik gemacht.");
    ck_assert_int_eq(tc_lb_words(&lb, &t), TC_OK);
    ck_assert_uint_eq(lb.w[2].flags & TC_LB_SENTENCE, 0);
    ck_assert(lb.w[0].flags & TC_LB_OPEN);                  /* Wir */
    ck_assert(lb.w[4].flags & TC_LB_SENTENCE);
    /* a speaker label and a dialogue dash keep with what follows */
    lb.lex = NULL;
    text_set(&t, "ANNA: Hello.\n- Who is it? As follows: five.");
    ck_assert_int_eq(tc_lb_words(&lb, &t), TC_OK);
    ck_assert(lb.w[0].flags & TC_LB_LABEL);
    ck_assert(lb.w[2].flags & TC_LB_LABEL);                 /* - */
    ck_assert(lb.w[5].flags & TC_LB_QUESTION);              /* it? */
    ck_assert_uint_eq(lb.w[7].flags & TC_LB_LABEL, 0);      /* follows: */
    ck_assert(lb.w[7].flags & TC_LB_CLAUSE);
    tc_text_release(&t);
    tc_lb_release(&lb);
}
END_TEST

START_TEST(lb_styles_survive)
{
    struct tc_lb lb;
    struct tc_text t, scratch;
    struct tc_style it = { TC_STYLE_ITALIC, 0, NULL, NULL, NULL,
                           TC_TIME_NONE };
    size_t lines;

    tc_lb_init(&lb);
    memset(&t, 0, sizeof t);
    memset(&scratch, 0, sizeof scratch);
    tc_text_append(&t, "He said that the whole", 22, &it);
    tc_text_append(&t, "thing was completely out of hand.", 33, NULL);
    /* "whole" and "thing" touch: one word across two runs */
    ck_assert_int_eq(tc_lb_relayout(&lb, &t, &scratch, 30, &lines), TC_OK);
    ck_assert_uint_eq(lines, 2);
    ck_assert_uint_eq(t.nruns, 2);
    ck_assert_uint_eq(t.runs[0].style, TC_STYLE_ITALIC);
    ck_assert_uint_eq(t.runs[1].style, 0);
    ck_assert_int_eq(memcmp(t.pool + t.runs[0].off, "He said that the whole",
                            22), 0);
    tc_text_release(&t);
    tc_text_release(&scratch);
    tc_lb_release(&lb);
}
END_TEST

/* Where the second line begins when the first is filled, and whether
 * two lines hold the words at all (tc_lb_two_first()). */
START_TEST(lb_two_first)
{
    static const struct {
        const char *in;
        size_t a, b, max, first;
    } cases[] = {
        { "aaa bbb ccc ddd", 0, 4, 7, 2 },      /* "aaa bbb" / "ccc ddd" */
        { "aaa bbb ccc ddd eee", 0, 5, 7, 0 },  /* "ccc ddd eee" is 11 */
        { "aaa bbb ccc ddd", 1, 4, 7, 3 },      /* "bbb ccc" / "ddd" */
        { "aaa bbb ccc ddd", 0, 3, 11, 2 },     /* the second line's word */
        { "aaa bbb", 0, 1, 7, 0 },              /* one word: one line */
        { "abcdefghij kl", 0, 2, 5, 1 },        /* a long first word */
        { "ab abcdefghij", 0, 2, 5, 1 },        /* a long last word */
        { "ab abcdefghij cd", 0, 3, 5, 0 },     /* "abcdefghij cd" */
    };
    struct tc_lb lb;
    struct tc_text t;
    size_t i;

    tc_lb_init(&lb);
    memset(&t, 0, sizeof t);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        text_set(&t, cases[i].in);
        ck_assert_int_eq(tc_lb_words(&lb, &t), TC_OK);
        ck_assert_msg(tc_lb_two_first(&lb, cases[i].a, cases[i].b,
                                      cases[i].max) == cases[i].first,
                      "case %lu: %s", (unsigned long)i, cases[i].in);
    }
    tc_text_release(&t);
    tc_lb_release(&lb);
}
END_TEST

START_TEST(limits_frames)
{
    int64_t ms = 0;

    ck_assert_int_eq(tc_parse_frames("2f", 24, &ms), TC_OK);
    ck_assert_int_eq(ms, 83);
    ck_assert_int_eq(tc_parse_frames("2frames", 25, &ms), TC_OK);
    ck_assert_int_eq(ms, 80);
    ck_assert_int_eq(tc_parse_frames("1.5s", 25, &ms), TC_OK);
    ck_assert_int_eq(ms, 1500);
    ck_assert_int_eq(tc_parse_frames("2x", 25, &ms), TC_ERR_ARG);
}
END_TEST

START_TEST(limits_profiles)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_limits l;

    ck_assert_int_eq(tc_limits_from_ctx(ctx, &l), TC_OK);
    ck_assert_int_eq(l.max_chars, 42);
    ck_assert_int_eq(l.max_lines, 2);
    ck_assert(l.max_cps == 20);
    ck_assert_int_eq(l.min_duration, 833);
    ck_assert_int_eq(l.max_duration, 7000);
    ck_assert_int_eq(l.min_gap, 83);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "profile", "bbc"), TC_OK);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "min-gap", "2f"), TC_OK);
    ck_assert_int_eq(tc_limits_from_ctx(ctx, &l), TC_OK);
    ck_assert_int_eq(l.max_chars, 37);
    ck_assert_int_eq(l.min_gap, 80);          /* 2 frames at bbc's 25 fps */
    tc_ctx_free(ctx);
}
END_TEST

/* ---- merge: whole runs through the library ------------------------------ */

static void
quiet(const struct tc_diag *d, void *ud)
{
    (void)d;
    (void)ud;
}

/* Convert SRT text through the filters (NULL-terminated) into SRT. */
static char *
run(const char *in, const char *const *filters)
{
    struct tc_ctx *ctx = tc_ctx_new();
    char *out;
    int rc;

    ck_assert(ctx != NULL);
    tc_ctx_set_diag(ctx, quiet, NULL);
    for (; *filters != NULL; filters++)
        ck_assert_int_eq(tc_ctx_add_filter(ctx, *filters), TC_OK);
    out = unit_convert_mem(ctx, in, strlen(in), "srt", "srt", &rc);
    ck_assert_int_eq(rc, TC_OK);
    tc_ctx_free(ctx);
    return out;
}

static const struct {
    const char *name;
    const char *filter;
    const char *in, *out;
} merges[] = {
    { "cut-at-sentence",
      /* 61 characters do not fit in 2 lines of 30: the cut goes after
       * "done." (a sentence), not after "a" (the fullest); "Now" starts
       * at character 18 of the first cue's 24, 3 s * 18 / 24 */
      "merge:max-chars=30",
      "1\n00:00:00,000 --> 00:00:03,000\nThe work is done. Now we\n\n"
      "2\n00:00:03,000 --> 00:00:06,000\n"
      "can all go home and rest for a while\n",
      /* chained cues leave min-gap (83 ms) between them */
      "1\n00:00:00,000 --> 00:00:02,167\nThe work is done.\n\n"
      "2\n00:00:02,250 --> 00:00:06,000\nNow we can all go home\n"
      "and rest for a while\n\n" },
    { "sign-over-dialogue",
      /* a long cue that fits stays whole (timing cuts its end), and the
       * cues shown during it are not joined to it, which would move
       * their words to after its 10 s; the question and the reply are
       * sentences of their own, so they stay cues of their own */
      "merge",
      "1\n00:00:00,000 --> 00:00:10,000\nLong sign\n\n"
      "2\n00:00:00,500 --> 00:00:03,000\nWhere are we going?\n\n"
      "3\n00:00:03,500 --> 00:00:06,000\nTo the station.\n",
      "1\n00:00:00,000 --> 00:00:10,000\nLong sign\n\n"
      "2\n00:00:00,500 --> 00:00:03,417\nWhere are we going?\n\n"
      "3\n00:00:03,500 --> 00:00:06,000\nTo the station.\n\n" },
    { "never-across-a-pause",
      "merge",
      "1\n00:00:00,000 --> 00:00:01,000\nso we went\n\n"
      "2\n00:00:03,000 --> 00:00:04,000\nto the shop\n",
      "1\n00:00:00,000 --> 00:00:01,000\nso we went\n\n"
      "2\n00:00:03,000 --> 00:00:04,000\nto the shop\n\n" },
    { "longer-max-gap-joins",
      "merge:max-gap=3s",
      "1\n00:00:00,000 --> 00:00:01,000\nso we went\n\n"
      "2\n00:00:03,000 --> 00:00:04,000\nto the shop\n",
      "1\n00:00:00,000 --> 00:00:04,000\nso we went to the shop\n\n" },
    { "whole-cue-keeps-its-lines",
      "merge",
      "1\n00:00:00,000 --> 00:00:02,000\nOne line,\nand another.\n\n"
      "2\n00:00:05,000 --> 00:00:06,000\nLater.\n",
      "1\n00:00:00,000 --> 00:00:02,000\nOne line,\nand another.\n\n"
      "2\n00:00:05,000 --> 00:00:06,000\nLater.\n\n" },
    { "dialogue-not-joined",
      "merge",
      "1\n00:00:00,000 --> 00:00:01,000\nHello there.\n\n"
      "2\n00:00:01,000 --> 00:00:02,000\n- Who is it?\n- Me.\n\n"
      "3\n00:00:02,000 --> 00:00:03,000\nOh.\n",
      "1\n00:00:00,000 --> 00:00:01,000\nHello there.\n\n"
      "2\n00:00:01,000 --> 00:00:02,000\n- Who is it?\n- Me.\n\n"
      "3\n00:00:02,000 --> 00:00:03,000\nOh.\n\n" },
    { "italics-stay-one-run",
      "merge",
      "1\n00:00:00,000 --> 00:00:01,000\n<i>so we</i>\n\n"
      "2\n00:00:01,000 --> 00:00:02,000\n<i>went home</i>\n",
      "1\n00:00:00,000 --> 00:00:02,000\n<i>so we went home</i>\n\n" },
    { "too-short-to-cut-alone",
      /* "Right." is a sentence but one word and 0.6 s, so it is not a
       * cue alone; "start with / the", "with the / first" and "the first
       * / part" would each break after a word that opens a phrase, so the
       * cut goes before the preposition "with" (character 13 of the
       * second cue's 54: 0.963 s into it, 1.563 s, less min-gap) */
      "merge:max-chars=30",
      "1\n00:00:00,000 --> 00:00:00,600\nRight.\n\n"
      "2\n00:00:00,600 --> 00:00:04,600\n"
      "We can start with the first part of the big plan today\n\n"
      "3\n00:00:04,600 --> 00:00:06,000\nand then we rest.\n",
      "1\n00:00:00,000 --> 00:00:01,480\nRight. We can start\n\n"
      "2\n00:00:01,563 --> 00:00:06,000\nwith the first part of the big\n"
      "plan today and then we rest.\n\n" },
    { "max-duration-cuts",
      /* 3 + 3 + 3 s of unpunctuated text: at most 7 s a cue */
      "merge",
      "1\n00:00:00,000 --> 00:00:03,000\nand then we\n\n"
      "2\n00:00:03,000 --> 00:00:06,000\nwalked along\n\n"
      "3\n00:00:06,000 --> 00:00:09,000\nthe river\n",
      "1\n00:00:00,000 --> 00:00:05,917\nand then we walked along\n\n"
      "2\n00:00:06,000 --> 00:00:09,000\nthe river\n\n" },
};

START_TEST(merge_cases)
{
    const char *filters[] = { merges[_i].filter, NULL };
    char *out = run(merges[_i].in, filters);

    ck_assert_msg(strcmp(out, merges[_i].out) == 0, "%s: got\n%s",
                  merges[_i].name, out);
    free(out);
}
END_TEST

/* ---- merge and timing with start-only cues, streaming ------------------ */

struct collect {
    struct tc_stage base;
    size_t n;
    int64_t start[16], end[16];
    char text[16][64];
};

static int
collect_push(struct tc_stage *st, struct tc_cue *c)
{
    struct collect *k = (struct collect *)st;

    if (k->n < 16) {
        char *p = tc_text_plain(&c->text);

        k->start[k->n] = c->start;
        k->end[k->n] = c->end;
        snprintf(k->text[k->n], sizeof k->text[0], "%s", p);
        free(p);
    }
    k->n++;
    tc_cue_free(c);
    return TC_OK;
}

static const struct tc_stage_ops collect_ops = {
    .name = "collect",
    .push = collect_push,
};

static struct tc_stage *
make_filter(struct tc_ctx *ctx, const char *spec, struct tc_stage *next)
{
    struct tc_stage *st = NULL;

    ck_assert_int_eq(tc_ctx_add_filter(ctx, spec), TC_OK);
    ck_assert_int_eq(ctx->filters[ctx->nfilters - 1].filter->create(
                         ctx, &ctx->filters[ctx->nfilters - 1], &st),
                     TC_OK);
    st->ctx = ctx;
    st->next = next;
    return st;
}

static void
push(struct tc_stage *st, int64_t start, int64_t end, const char *text)
{
    struct tc_cue *c = tc_cue_new(st->ctx);

    c->start = start;
    c->end = end;
    tc_text_append(&c->text, text, strlen(text), NULL);
    ck_assert_int_eq(tc_stage_push(st, c), TC_OK);
}

START_TEST(merge_start_only)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct collect k;
    struct tc_stage *m;

    memset(&k, 0, sizeof k);
    k.base.ops = &collect_ops;
    tc_ctx_set_diag(ctx, quiet, NULL);
    m = make_filter(ctx, "merge", &k.base);
    /* YouTube-style: starts only.  "open" is spoken in 4 / 15 s, far less
     * than the 3 s to the next start: a pause longer than max-gap. */
    push(m, 0, TC_TIME_NONE, "now i need to");
    push(m, 1000, TC_TIME_NONE, "open");
    push(m, 4000, TC_TIME_NONE, "the questions");
    ck_assert_int_eq(tc_stage_finish(m), TC_OK);
    ck_assert_uint_eq(k.n, 2);
    ck_assert_str_eq(k.text[0], "now i need to open");
    ck_assert_int_eq(k.start[0], 0);
    ck_assert_int_eq(k.end[0], 1833);          /* 1000 + min-duration */
    ck_assert_str_eq(k.text[1], "the questions");
    ck_assert_int_eq(k.start[1], 4000);
    ck_assert_int_eq(k.end[1], 4867);  /* 13 chars at 15 a second, rounded */
    tc_stage_destroy(m);
    tc_ctx_free(ctx);
}
END_TEST

START_TEST(merge_streams)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct collect k;
    struct tc_stage *m, *w, *t;
    int64_t i;

    memset(&k, 0, sizeof k);
    k.base.ops = &collect_ops;
    tc_ctx_set_diag(ctx, quiet, NULL);
    t = make_filter(ctx, "timing", &k.base);
    w = make_filter(ctx, "wrap", t);
    m = make_filter(ctx, "merge", w);
    /* cues leave while input still comes: memory stays bounded */
    for (i = 0; i < 20000; i++)
        push(m, i * 1000, i * 1000 + 900, "and so it goes on");
    ck_assert_uint_ge(k.n, 20000 / 5);
    ck_assert_int_eq(tc_stage_finish(m), TC_OK);
    tc_stage_destroy(m);
    tc_stage_destroy(w);
    tc_stage_destroy(t);
    tc_ctx_free(ctx);
}
END_TEST

START_TEST(wrap_splits_by_length)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct collect k;
    struct tc_stage *w;

    memset(&k, 0, sizeof k);
    k.base.ops = &collect_ops;
    tc_ctx_set_diag(ctx, quiet, NULL);
    w = make_filter(ctx, "wrap:max-chars=10,max-lines=1", &k.base);
    /* 19 characters cannot fit in one line of 10: cut after "first," */
    push(w, 0, 1900, "first, second third");
    ck_assert_int_eq(tc_stage_finish(w), TC_OK);
    ck_assert_uint_eq(k.n, 3);
    /* by length "first, " would get 700 ms and "second " 700, but
     * "third" (500) gets at least a third of the 1900 ms, 633, taken from
     * the pieces before it */
    ck_assert_str_eq(k.text[0], "first,");
    ck_assert_int_eq(k.end[0], 634);
    ck_assert_str_eq(k.text[1], "second");
    ck_assert_int_eq(k.start[1], 634);
    ck_assert_int_eq(k.end[1], 1267);
    ck_assert_str_eq(k.text[2], "third");
    ck_assert_int_eq(k.start[2], 1267);
    ck_assert_int_eq(k.end[2], 1900);
    tc_stage_destroy(w);
    tc_ctx_free(ctx);
}
END_TEST

/* ---- timing: what its output guarantees, on generated input ----------- */

#define GEN_N 400
#define SHIFT_MAX 1000           /* as in src/filters/timing.c */

struct keep {
    struct tc_stage base;
    size_t n;
    int64_t start[GEN_N], end[GEN_N];
    int vpos[GEN_N];
    unsigned first[GEN_N];       /* number of the cue's first word */
    unsigned words;              /* words seen */
    long last[4];                /* last word seen at each placement */
    int order_ok;
};

static int
keep_push(struct tc_stage *st, struct tc_cue *c)
{
    struct keep *k = (struct keep *)st;
    char *p = tc_text_plain(&c->text), *q;
    unsigned long w;

    ck_assert_ptr_nonnull(p);
    ck_assert_uint_lt(k->n, GEN_N);
    k->start[k->n] = c->start;
    k->end[k->n] = c->end;
    k->vpos[k->n] = c->place.vpos == TC_VPOS_AUTO ? TC_VPOS_BOTTOM
                                                  : (int)c->place.vpos;
    k->first[k->n] = (unsigned)strtoul(p + 1, NULL, 10);
    /* every input cue is one word "wN": at one placement they must come
     * out in order (across placements, cues that start together may be
     * joined past one at another placement) */
    for (q = p; *q != '\0'; q++) {
        if (*q != 'w')
            continue;
        w = strtoul(q + 1, &q, 10);
        if ((long)w <= k->last[k->vpos[k->n]])
            k->order_ok = 0;
        k->last[k->vpos[k->n]] = (long)w;
        k->words++;
        q--;
    }
    free(p);
    k->n++;
    tc_cue_free(c);
    return TC_OK;
}

static const struct tc_stage_ops keep_ops = {
    .name = "keep",
    .push = keep_push,
};

static const char *const timing_specs[] = {
    "timing",
    "timing:overlap=shift",
    "timing:overlap=shift,min-gap=0,close-gap=0",
    "timing:min-duration=0,extend=no,min-gap=0",
    "timing:max-duration=2000,min-gap=2f,fps=25",
};

/* Overlapping, reversed, zero-length, unset and simultaneous cues, mostly
 * at the bottom, some at the top or middle; starts never go back. */
START_TEST(timing_guarantees)
{
    static struct keep k;
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_limits lim;
    struct tc_stage *t;
    int64_t in_start[GEN_N], at = 0;
    unsigned long seed = 12345u + (unsigned long)_i;
    int seedrun, shift = strstr(timing_specs[_i % 5], "shift") != NULL;
    size_t i, j;

    memset(&k, 0, sizeof k);
    k.base.ops = &keep_ops;
    k.order_ok = 1;
    for (i = 0; i < 4; i++)
        k.last[i] = -1;
    tc_ctx_set_diag(ctx, quiet, NULL);
    t = make_filter(ctx, timing_specs[_i % 5], &k.base);
    ck_assert_int_eq(tc_limits_from_args(&ctx->filters[ctx->nfilters - 1],
                                         &lim), TC_OK);
    for (seedrun = 0; seedrun < _i / 5; seedrun++)
        seed = seed * 1103515245u + 12345u;
    for (i = 0; i < GEN_N; i++) {
        struct tc_cue *c = tc_cue_new(ctx);
        unsigned r;
        char word[16];

        seed = seed * 1103515245u + 12345u;
        r = (unsigned)(seed >> 8);
        at += r % 4 == 0 ? 0 : (int64_t)(r >> 4) % 2500;
        in_start[i] = at;
        c->start = at;
        switch ((r >> 16) % 8) {
        case 0: c->end = TC_TIME_NONE; break;
        case 1: c->end = at; break;
        case 2: c->end = at - 300; break;
        default: c->end = at + (int64_t)(r >> 12) % 12000 + 1; break;
        }
        c->place.vpos = (r >> 20) % 6 == 0 ? TC_VPOS_TOP
                        : (r >> 20) % 6 == 1 ? TC_VPOS_MIDDLE
                        : (r >> 20) % 6 == 2 ? TC_VPOS_BOTTOM
                                             : TC_VPOS_AUTO;
        snprintf(word, sizeof word, "w%zu", i);
        tc_text_append(&c->text, word, strlen(word), NULL);
        ck_assert_int_eq(tc_stage_push(t, c), TC_OK);
    }
    ck_assert_int_eq(tc_stage_finish(t), TC_OK);
    ck_assert(k.order_ok);
    ck_assert_uint_eq(k.words, GEN_N);
    for (i = 0; i < k.n; i++) {
        int64_t in = in_start[k.first[i]];

        ck_assert_msg(k.end[i] > k.start[i], "cue %zu: %lld..%lld", i,
                      (long long)k.start[i], (long long)k.end[i]);
        ck_assert_int_le(k.end[i] - k.start[i], lim.max_duration);
        /* starts never move early; late only by a bounded shift, or
         * (trim) when the cue started with the one before and both did
         * not fit one cue */
        ck_assert_int_ge(k.start[i], in);
        ck_assert_int_le(k.start[i], in + SHIFT_MAX + lim.min_gap + 1);
        if (!shift && k.start[i] > in)
            ck_assert_msg(i > 0 && in - in_start[k.first[i - 1]] <=
                              lim.min_gap + SHIFT_MAX,
                          "cue %zu moved from %lld to %lld", i,
                          (long long)in, (long long)k.start[i]);
        for (j = i + 1; j < k.n && k.vpos[j] != k.vpos[i]; j++)
            ;
        if (j < k.n)
            ck_assert_msg(k.start[j] >= k.end[i] + lim.min_gap,
                          "cue %zu ends %lld, cue %zu starts %lld", i,
                          (long long)k.end[i], j, (long long)k.start[j]);
    }
    tc_stage_destroy(t);
    tc_ctx_free(ctx);
}
END_TEST

/* A cue that overlaps dialogue at another placement is not cut. */
START_TEST(timing_placements)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct collect k;
    struct tc_stage *t;
    struct tc_cue *c;

    memset(&k, 0, sizeof k);
    k.base.ops = &collect_ops;
    tc_ctx_set_diag(ctx, quiet, NULL);
    t = make_filter(ctx, "timing", &k.base);
    c = tc_cue_new(ctx);
    c->start = 0;
    c->end = 10000;
    c->place.vpos = TC_VPOS_TOP;
    tc_text_append(&c->text, "sign", 4, NULL);
    ck_assert_int_eq(tc_stage_push(t, c), TC_OK);
    push(t, 500, 3000, "Where are we going?");
    push(t, 3500, 6000, "To the station.");
    ck_assert_int_eq(tc_stage_finish(t), TC_OK);
    ck_assert_uint_eq(k.n, 3);
    ck_assert_str_eq(k.text[0], "sign");
    ck_assert_int_eq(k.end[0], 7000);           /* max-duration */
    ck_assert_int_eq(k.start[1], 500);
    ck_assert_int_eq(k.end[1], 3000);
    ck_assert_int_eq(k.start[2], 3500);
    tc_stage_destroy(t);
    tc_ctx_free(ctx);
}
END_TEST

/* A sign waits for the next sign; when 64 cues at the bottom pass first,
 * it ends before the newest of them, since the next sign cannot start
 * sooner. */
START_TEST(timing_queue_full)
{
    static struct keep k;
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_stage *t;
    struct tc_cue *c;
    int i;

    memset(&k, 0, sizeof k);
    k.base.ops = &keep_ops;
    tc_ctx_set_diag(ctx, quiet, NULL);
    t = make_filter(ctx, "timing", &k.base);
    for (i = 0; i < 70; i++) {
        char word[16];

        c = tc_cue_new(ctx);
        c->start = i * 100;
        c->end = i == 0 ? 7000 : c->start + 30;
        c->place.vpos = i == 0 || i == 69 ? TC_VPOS_TOP : TC_VPOS_BOTTOM;
        snprintf(word, sizeof word, "w%d", i);
        tc_text_append(&c->text, word, strlen(word), NULL);
        ck_assert_int_eq(tc_stage_push(t, c), TC_OK);
    }
    ck_assert_int_eq(tc_stage_finish(t), TC_OK);
    ck_assert_uint_eq(k.n, 70);
    ck_assert_int_eq(k.vpos[0], TC_VPOS_TOP);
    ck_assert_int_le(k.end[0], 6400 - 83);  /* the 65th cue starts 6.4 s */
    ck_assert_int_eq(k.start[69], 6900);
    tc_stage_destroy(t);
    tc_ctx_free(ctx);
}
END_TEST

static Suite *
suite_filters_layout(void)
{
    Suite *s = suite_create("filters-layout");
    TCase *tc = tcase_create("linebreak");

    tcase_add_loop_test(tc, lb_wraps, 0, sizeof wraps / sizeof wraps[0]);
    tcase_add_test(tc, lb_never_ends_line_weak);
    tcase_add_test(tc, lb_flags);
    tcase_add_test(tc, lex_tables);
    tcase_add_test(tc, lex_classes);
    tcase_add_test(tc, lb_sentence_ends);
    tcase_add_test(tc, lb_styles_survive);
    tcase_add_test(tc, lb_two_first);
    tcase_add_test(tc, limits_frames);
    tcase_add_test(tc, limits_profiles);
    suite_add_tcase(s, tc);
    tc = tcase_create("merge");
    tcase_add_loop_test(tc, merge_cases, 0, sizeof merges / sizeof merges[0]);
    tcase_add_test(tc, merge_start_only);
    tcase_add_test(tc, merge_streams);
    tcase_add_test(tc, wrap_splits_by_length);
    suite_add_tcase(s, tc);
    tc = tcase_create("timing");
    tcase_add_loop_test(tc, timing_guarantees, 0, 20);
    tcase_add_test(tc, timing_placements);
    tcase_add_test(tc, timing_queue_full);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(suite_filters_layout());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
