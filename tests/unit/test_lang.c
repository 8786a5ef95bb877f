/* test_lang.c -- the language of the text (src/lang.c): the order of
 * --lang, the input's declaration and the guess; when a guess is sure;
 * and the look-ahead stage that holds the first cues, no more than its
 * bounds, until it knows. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ctx.h"

/* ---- tags and the order ------------------------------------------------ */

START_TEST(option_values)
{
    static const char *const good[] = { "auto", "und", "en", "pt-BR",
                                        "zh-Hant-TW", "en_US", "DE" };
    static const char *const bad[] = { "", "e", "x1", "english!", "en-",
                                       "English", "en--us", "de-toolong12" };
    size_t i;

    for (i = 0; i < sizeof good / sizeof good[0]; i++)
        ck_assert_msg(tc_lang_valid_option(good[i]), "%s", good[i]);
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!tc_lang_valid_option(bad[i]), "%s", bad[i]);
}
END_TEST

/* Danish, long enough to guess from (the sentences are the project's). */
static const char danish[] =
    "Hvor er du henne? Jeg har ventet i en time.\n"
    "Undskyld. Jeg er her nu, lige ved d\xC3\xB8ren.\n"
    "Det er koldt i dag, er det ikke?\n";

START_TEST(order)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_track t;
    struct tc_lang l;

    ck_assert(ctx != NULL);
    memset(&t, 0, sizeof t);
    /* the input's own, in any case, with a region */
    t.lang = "fr-CA";
    ck_assert_str_eq(tc_lang_resolve(ctx, &t, BYTES(danish), &l), "fr");
    ck_assert_int_eq(l.how, TC_LANG_TRACK);
    /* "und" and nonsense declare nothing */
    t.lang = "und";
    ck_assert_ptr_eq(tc_lang_resolve(ctx, &t, "x", 1, &l), NULL);
    ck_assert_int_eq(l.how, TC_LANG_UNKNOWN);
    t.lang = "English";
    ck_assert_ptr_eq(tc_lang_resolve(ctx, &t, NULL, 0, &l), NULL);
    /* the user's wins */
    t.lang = "fr";
    ck_assert_int_eq(tc_ctx_set_option(ctx, "lang", "DE-at"), TC_OK);
    ck_assert_str_eq(tc_lang_resolve(ctx, &t, BYTES(danish), &l), "de");
    ck_assert_int_eq(l.how, TC_LANG_OPTION);
    /* und: unknown, and no guess either */
    ck_assert_int_eq(tc_ctx_set_option(ctx, "lang", "und"), TC_OK);
    ck_assert_ptr_eq(tc_lang_resolve(ctx, &t, BYTES(danish), &l), NULL);
    ck_assert_int_eq(l.how, TC_LANG_OPTION);
    ck_assert_str_eq(l.candidates, "");
    ck_assert_int_eq(tc_ctx_set_option(ctx, "lang", "dansk!"), TC_ERR_ARG);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "lang", "auto"), TC_OK);
    ck_assert_str_eq(tc_lang_resolve(ctx, &t, NULL, 0, &l), "fr");
    tc_ctx_free(ctx);
}
END_TEST

START_TEST(guess)
{
    static const char german[] =
        "Er ist gestern Abend angekommen. Wir treffen uns um acht Uhr am "
        "Bahnhof. \xC3\x84h, ich wei\xC3\x9F nicht, ob das klappt.\n";
    static const char russian[] =
        "\xD0\x93\xD0\xB4\xD0\xB5 \xD1\x82\xD1\x8B \xD0\xB1\xD1\x8B\xD0\xBB "
        "\xD0\xB2\xD0\xB5\xD1\x81\xD1\x8C \xD0\xB2\xD0\xB5\xD1\x87\xD0\xB5"
        "\xD1\x80? \xD0\x9C\xD1\x8B \xD0\xB4\xD0\xBE\xD0\xB3\xD0\xBE\xD0\xB2"
        "\xD0\xBE\xD1\x80\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x81\xD1\x8C "
        "\xD0\xB2\xD1\x81\xD1\x82\xD1\x80\xD0\xB5\xD1\x82\xD0\xB8\xD1\x82"
        "\xD1\x8C\xD1\x81\xD1\x8F \xD0\xB2 \xD0\xB2\xD0\xBE\xD1\x81\xD0\xB5"
        "\xD0\xBC\xD1\x8C.\n";
    /* French that the guesser finds hardly more French than Romansh */
    static const char close[] =
        "Il ne sait pas. Nous partons demain matin. Il ne sait pas. "
        "Nous partons demain.\n";
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_lang l;
    const char *r;

    ck_assert(ctx != NULL);
    /* too little text: no guess at all */
    ck_assert_ptr_eq(tc_lang_resolve(ctx, NULL, "Er ist da.", 10, &l), NULL);
    ck_assert_int_eq(l.how, TC_LANG_UNKNOWN);
    ck_assert_str_eq(l.candidates, "");
    r = tc_lang_resolve(ctx, NULL, BYTES(danish), &l);
#ifdef HAVE_EXTTEXTCAT
    ck_assert_str_eq(r, "da");
    ck_assert_int_eq(l.how, TC_LANG_GUESSED);
    ck_assert_str_eq(tc_lang_resolve(ctx, NULL, BYTES(german), &l), "de");
    ck_assert_str_eq(tc_lang_resolve(ctx, NULL, BYTES(russian), &l), "ru");
    ck_assert_ptr_eq(tc_lang_resolve(ctx, NULL, BYTES(close), &l), NULL);
    ck_assert_int_eq(l.how, TC_LANG_UNKNOWN);
    ck_assert_str_eq(l.candidates, "fr rm");
#else
    ck_assert_ptr_eq(r, NULL);
    ck_assert_int_eq(l.how, TC_LANG_UNKNOWN);
    (void)german;
    (void)russian;
    (void)close;
#endif
    tc_ctx_free(ctx);
}
END_TEST

/* ---- the look-ahead ---------------------------------------------------- */

/* The last stage: counts the cues and whether the language was known at
 * the first. */
struct sink {
    struct tc_stage base;
    size_t n;
    int64_t last_start;
    int known_at_first;
    int in_order;
};

static int
sink_push(struct tc_stage *st, struct tc_cue *cue)
{
    struct sink *s = (struct sink *)st;

    if (s->n == 0)
        s->known_at_first = tc_lang_current(st->ctx) != NULL;
    if (s->n > 0 && cue->start < s->last_start)
        s->in_order = 0;
    s->last_start = cue->start;
    s->n++;
    tc_cue_free(cue);
    return TC_OK;
}

static const struct tc_stage_ops sink_ops = {
    .name = "test sink",
    .push = sink_push,
};

static struct tc_stage *
lookahead(struct tc_ctx *ctx, struct sink *s)
{
    struct tc_stage *la = NULL;

    memset(s, 0, sizeof *s);
    s->base.ops = &sink_ops;
    s->base.ctx = ctx;
    s->in_order = 1;
    tc_lang_reset(ctx);
    tc_lang_want(ctx);
    ck_assert_int_eq(tc_lang_stage_new(ctx, &s->base, &la), TC_OK);
    ck_assert_ptr_ne(la, &s->base);
    return la;
}

static int
push_text(struct tc_stage *st, int64_t start, const char *text, size_t n)
{
    struct tc_cue *c = tc_cue_new(st->ctx);

    ck_assert(c != NULL);
    c->start = start;
    c->end = start + 1000;
    ck_assert_int_eq(tc_text_append(&c->text, text, n, NULL), TC_OK);
    return tc_stage_push(st, c);
}

START_TEST(not_wanted_no_stage)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct sink s;
    struct tc_stage *la = NULL;

    ck_assert(ctx != NULL);
    memset(&s, 0, sizeof s);
    ck_assert_int_eq(tc_lang_stage_new(ctx, &s.base, &la), TC_OK);
    ck_assert_ptr_eq(la, &s.base);
    ck_assert_ptr_eq(tc_lang_current(ctx), NULL);
    tc_ctx_free(ctx);
}
END_TEST

START_TEST(holds_until_finish)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct sink s;
    struct tc_stage *la;
    int i;

    ck_assert(ctx != NULL);
    la = lookahead(ctx, &s);
    for (i = 0; i < 3; i++)
        ck_assert_int_eq(push_text(la, i * 1000, "Yes.", 4), TC_OK);
    ck_assert_uint_eq(s.n, 0);
    ck_assert_ptr_eq(tc_lang_current(ctx), NULL);
    ck_assert_int_eq(tc_stage_finish(la), TC_OK);
    ck_assert_uint_eq(s.n, 3);
    ck_assert(s.known_at_first && s.in_order);
    ck_assert_str_eq(tc_lang_current(ctx)->tag, "");
    tc_stage_destroy(la);
    tc_ctx_free(ctx);
}
END_TEST

/* At most TC_LANG_SAMPLE_CUES cues are held, however short. */
START_TEST(bounded_by_cues)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct sink s;
    struct tc_stage *la;
    int i;

    ck_assert(ctx != NULL);
    la = lookahead(ctx, &s);
    for (i = 0; i < TC_LANG_SAMPLE_CUES - 1; i++)
        ck_assert_int_eq(push_text(la, i * 1000, "Ja.", 3), TC_OK);
    ck_assert_uint_eq(s.n, 0);
    ck_assert_int_eq(push_text(la, i * 1000, "Ja.", 3), TC_OK);
    ck_assert_uint_eq(s.n, TC_LANG_SAMPLE_CUES);
    ck_assert_int_eq(push_text(la, ++i * 1000, "Ja.", 3), TC_OK);
    ck_assert_uint_eq(s.n, TC_LANG_SAMPLE_CUES + 1);
    ck_assert(s.known_at_first && s.in_order);
    tc_stage_destroy(la);
    tc_ctx_free(ctx);
}
END_TEST

/* ... and no more than TC_LANG_SAMPLE_BYTES of text, even in one cue. */
START_TEST(bounded_by_text)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct sink s;
    struct tc_stage *la;
    size_t n = sizeof danish - 1, i, held = 0;
    char *big = malloc(100000);

    ck_assert(ctx != NULL && big != NULL);
    la = lookahead(ctx, &s);
    while ((held + 1) * (n + 1) < TC_LANG_SAMPLE_BYTES) {
        ck_assert_int_eq(push_text(la, (int64_t)held * 1000, BYTES(danish)),
                         TC_OK);
        held++;
    }
    ck_assert_uint_eq(s.n, 0);
    ck_assert_int_eq(push_text(la, (int64_t)held * 1000, BYTES(danish)),
                     TC_OK);
    ck_assert_uint_eq(s.n, held + 1);
#ifdef HAVE_EXTTEXTCAT
    ck_assert_str_eq(tc_lang_current(ctx)->tag, "da");
    ck_assert_int_eq(tc_lang_current(ctx)->how, TC_LANG_GUESSED);
#endif
    tc_stage_destroy(la);
    /* one huge cue goes at once */
    for (i = 0; i < 100000; i++)
        big[i] = "ab "[i % 3];
    la = lookahead(ctx, &s);
    ck_assert_int_eq(push_text(la, 0, big, 100000), TC_OK);
    ck_assert_uint_eq(s.n, 1);
    tc_stage_destroy(la);
    free(big);
    tc_ctx_free(ctx);
}
END_TEST

/* Declared: nothing is held. */
START_TEST(declared_passes)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct sink s;
    struct tc_stage *la;
    struct tc_track t;

    ck_assert(ctx != NULL);
    memset(&t, 0, sizeof t);
    t.lang = "de-DE";
    la = lookahead(ctx, &s);
    ck_assert_int_eq(tc_stage_track(la, &t), TC_OK);
    ck_assert_int_eq(push_text(la, 0, "Er ist da.", 10), TC_OK);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(tc_lang_current(ctx)->tag, "de");
    ck_assert_int_eq(tc_lang_current(ctx)->how, TC_LANG_TRACK);
    tc_stage_destroy(la);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "lang", "und"), TC_OK);
    t.lang = NULL;
    la = lookahead(ctx, &s);
    ck_assert_int_eq(tc_stage_track(la, &t), TC_OK);
    ck_assert_int_eq(push_text(la, 0, "Er ist da.", 10), TC_OK);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_int_eq(tc_lang_current(ctx)->how, TC_LANG_OPTION);
    /* held cues are freed with the stage (the sanitizer build checks) */
    tc_stage_destroy(la);
    tc_ctx_free(ctx);
}
END_TEST

START_TEST(destroy_frees_held)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct sink s;
    struct tc_stage *la;

    ck_assert(ctx != NULL);
    la = lookahead(ctx, &s);
    ck_assert_int_eq(push_text(la, 0, "Yes.", 4), TC_OK);
    ck_assert_int_eq(push_text(la, 1000, "No.", 3), TC_OK);
    ck_assert_uint_eq(s.n, 0);
    tc_stage_destroy(la);
    tc_ctx_free(ctx);
}
END_TEST

Suite *
suite_lang(void)
{
    Suite *s = suite_create("lang");
    TCase *tc = tcase_create("resolve");
    TCase *st = tcase_create("look-ahead");

    tcase_add_test(tc, option_values);
    tcase_add_test(tc, order);
    tcase_add_test(tc, guess);
    tcase_add_test(st, not_wanted_no_stage);
    tcase_add_test(st, holds_until_finish);
    tcase_add_test(st, bounded_by_cues);
    tcase_add_test(st, bounded_by_text);
    tcase_add_test(st, declared_passes);
    tcase_add_test(st, destroy_frees_held);
    suite_add_tcase(s, tc);
    suite_add_tcase(s, st);
    return s;
}
