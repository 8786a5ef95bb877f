/* test_filters_clean_model.c -- the word-editing helpers (textops.c) on
 * hand-built styled text, and the filters as stages fed hand-built cues:
 * YouTube's rolling captions with inline timestamps, styles kept across
 * cuts, times moved inside the text, a window of one cue. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "test_filters_clean.h"
#include "ctx.h"
#include "textops.h"

static struct tc_style
sty(unsigned style, int64_t time)
{
    struct tc_style st;

    memset(&st, 0, sizeof st);
    st.style = style;
    st.time = time;
    return st;
}

static void
add(struct tc_text *t, const char *s, unsigned style, int64_t time)
{
    struct tc_style st = sty(style, time);

    ck_assert_int_eq(tc_text_append(t, s, strlen(s), &st), TC_OK);
}

/* The runs as "[STYLE@TIME]text|": style bits, time or -. */
static void
runs_str(const struct tc_text *t, char *out, size_t size)
{
    size_t i, n = 0;

    out[0] = '\0';
    for (i = 0; i < t->nruns && n < size; i++) {
        const struct tc_run *r = &t->runs[i];

        if (r->time == TC_TIME_NONE)
            n += (size_t)snprintf(out + n, size - n, "[%u@-]%.*s|",
                                  r->style, (int)r->len, t->pool + r->off);
        else
            n += (size_t)snprintf(out + n, size - n, "[%u@%lld]%.*s|",
                                  r->style, (long long)r->time, (int)r->len,
                                  t->pool + r->off);
    }
}

START_TEST(edit_cut_keeps_styles)
{
    struct tc_text t;
    struct tc_edit e;
    char got[256];

    memset(&t, 0, sizeof t);
    tc_edit_init(&e);
    add(&t, "ab", 0, TC_TIME_NONE);
    add(&t, "cd", TC_STYLE_ITALIC, TC_TIME_NONE);
    add(&t, "ef", TC_STYLE_BOLD, TC_TIME_NONE);
    ck_assert_int_eq(tc_edit_load(&e, &t), TC_OK);
    ck_assert_str_eq(e.flat.data, "abcdef");
    ck_assert_int_eq(tc_edit_cut(&e, 1, 3), TC_OK);
    ck_assert_int_eq(tc_edit_cut(&e, 4, 5), TC_OK);
    ck_assert_int_eq(tc_edit_apply(&e, &t), TC_OK);
    runs_str(&t, got, sizeof got);
    ck_assert_str_eq(got, "[0@-]a|[1@-]d|[2@-]f|");
    ck_assert_str_eq(e.flat.data, "adf");
    tc_edit_release(&e);
    tc_text_release(&t);
}
END_TEST

START_TEST(edit_cuts_merge_in_any_order)
{
    struct tc_edit e;
    struct tc_text t;

    memset(&t, 0, sizeof t);
    tc_edit_init(&e);
    add(&t, "0123456789abcdef", 0, TC_TIME_NONE);
    tc_edit_load(&e, &t);
    tc_edit_cut(&e, 5, 8);
    tc_edit_cut(&e, 2, 4);
    ck_assert_uint_eq(e.ncuts, 2);
    ck_assert_uint_eq(e.cuts[0].from, 2);
    tc_edit_cut(&e, 3, 6);          /* bridges both */
    ck_assert_uint_eq(e.ncuts, 1);
    ck_assert_uint_eq(e.cuts[0].from, 2);
    ck_assert_uint_eq(e.cuts[0].to, 8);
    tc_edit_cut(&e, 12, 14);
    tc_edit_cut(&e, 0, 1);
    tc_edit_cut(&e, 8, 9);          /* touches: merged */
    ck_assert_uint_eq(e.ncuts, 3);
    ck_assert_uint_eq(e.cuts[0].to, 1);
    ck_assert_uint_eq(e.cuts[1].to, 9);
    ck_assert_uint_eq(e.cuts[2].from, 12);
    tc_edit_cut(&e, 15, 99);        /* clipped to the text */
    ck_assert_uint_eq(e.cuts[3].to, 16);
    ck_assert_uint_eq(tc_edit_cut_end(&e), 16);
    tc_edit_release(&e);
    tc_text_release(&t);
}
END_TEST

/* An inline timestamp belongs to the first byte of its run. */
START_TEST(edit_timestamps)
{
    struct tc_text t;
    struct tc_edit e;
    char got[256];

    memset(&t, 0, sizeof t);
    tc_edit_init(&e);
    add(&t, "one", 0, TC_TIME_NONE);
    add(&t, " two", 0, 1000);
    add(&t, " three", 0, 2000);
    tc_edit_load(&e, &t);
    tc_edit_cut(&e, 3, 7);          /* " two": its time goes with it */
    tc_edit_cut(&e, 12, 13);        /* "e" of three: time stays */
    ck_assert_int_eq(tc_edit_apply(&e, &t), TC_OK);
    runs_str(&t, got, sizeof got);
    ck_assert_str_eq(got, "[0@-]one|[0@2000] thre|");
    tc_edit_release(&e);
    tc_text_release(&t);
}
END_TEST

static const struct {
    const char *in;
    size_t from, to;
    const char *out;
} tidy_cases[] = {
    { "Hello [x], there", 6, 9, "Hello, there" },
    { "Hello [x] there", 6, 9, "Hello there" },
    { "[x] Hello", 0, 3, "Hello" },
    { "Hello [x]", 6, 9, "Hello" },
    { "[x], and so", 0, 3, "and so" },
    { "a\n[x]\nb", 2, 5, "a\nb" },
    { "[x]\nb", 0, 3, "b" },
    { "a\n[x]", 2, 5, "a" },
    { "Quoi ? [x] Oui", 7, 10, "Quoi ? Oui" },
    { "Hi  there [x]", 10, 13, "Hi  there" },
};

/* Tidying touches only the places that were cut. */
START_TEST(edit_tidy)
{
    struct tc_text t;
    struct tc_edit e;

    memset(&t, 0, sizeof t);
    tc_edit_init(&e);
    add(&t, tidy_cases[_i].in, 0, TC_TIME_NONE);
    tc_edit_load(&e, &t);
    tc_edit_cut(&e, tidy_cases[_i].from, tidy_cases[_i].to);
    ck_assert_int_eq(tc_edit_apply(&e, &t), TC_OK);
    ck_assert_str_eq(e.flat.data, tidy_cases[_i].out);
    tc_edit_release(&e);
    tc_text_release(&t);
}
END_TEST

START_TEST(words_and_folding)
{
    const char *s = "\xC2\xABUm,\xC2\xBB (hi)... don't \xE2\x80\x94 x";
    struct tc_buf b = TC_BUF_INIT;
    struct tc_word w;
    size_t pos = 0;

    ck_assert(tc_word_next(s, strlen(s), &pos, &w));
    ck_assert_uint_eq(w.start, 0);
    ck_assert_uint_eq(w.cstart, 2);
    ck_assert_uint_eq(w.cend, 4);
    ck_assert(tc_word_next(s, strlen(s), &pos, &w));
    ck_assert_int_eq((int)(w.cend - w.cstart), 2);
    ck_assert(memcmp(s + w.cstart, "hi", 2) == 0);
    ck_assert(tc_word_next(s, strlen(s), &pos, &w));
    ck_assert(memcmp(s + w.cstart, "don't", w.cend - w.cstart) == 0);
    ck_assert(tc_word_next(s, strlen(s), &pos, &w));
    ck_assert_uint_eq(w.cstart, w.end);    /* a dash alone: empty core */
    ck_assert_uint_eq(w.cend, w.end);
    ck_assert(tc_word_next(s, strlen(s), &pos, &w));
    ck_assert(!tc_word_next(s, strlen(s), &pos, &w));
    tc_fold_add(&b, "  \xC3\x84" "B \n c\xE2\x80\x99" "D ", 13);
    ck_assert_str_eq(b.data, "\xC3\xA4" "b c'd");
    ck_assert(tc_is_upper_at("\xC3\x89lan", 5));
    ck_assert(!tc_is_upper_at("\xC3\xA9lan", 5));
    tc_buf_release(&b);
}
END_TEST

START_TEST(upcase_in_place)
{
    struct tc_text t;
    char got[64];

    memset(&t, 0, sizeof t);
    add(&t, "a ", 0, TC_TIME_NONE);
    add(&t, "\xC3\xA9lan", TC_STYLE_ITALIC, TC_TIME_NONE);
    tc_text_upcase_at(&t, 2);
    tc_text_upcase_at(&t, 0);
    runs_str(&t, got, sizeof got);
    ck_assert_str_eq(got, "[0@-]A |[1@-]\xC3\x89lan|");
    tc_text_release(&t);
}
END_TEST

/* ---- stages fed by hand ---------------------------------------------- */

struct collect {
    struct tc_stage base;
    char out[2048];
    size_t n;
    int cues, finished;
};

static int
collect_push(struct tc_stage *st, struct tc_cue *c)
{
    struct collect *co = (struct collect *)st;
    char runs[512];

    runs_str(&c->text, runs, sizeof runs);
    co->n += (size_t)snprintf(co->out + co->n, sizeof co->out - co->n,
                              "%lld-%lld %s\n", (long long)c->start,
                              (long long)c->end, runs);
    co->cues++;
    tc_cue_free(c);
    return TC_OK;
}

static int
collect_finish(struct tc_stage *st)
{
    ((struct collect *)st)->finished = 1;
    return TC_OK;
}

static const struct tc_stage_ops collect_ops = {
    .name = "collect", .push = collect_push, .finish = collect_finish,
};

static struct tc_stage *
mkstage(struct tc_ctx *ctx, const char *spec, struct collect *co)
{
    struct tc_stage *st = NULL;
    struct tc_args *a;

    memset(co, 0, sizeof *co);
    co->base.ops = &collect_ops;
    co->base.ctx = ctx;
    ck_assert_int_eq(tc_ctx_add_filter(ctx, spec), TC_OK);
    a = &ctx->filters[ctx->nfilters - 1];
    ck_assert_int_eq(a->filter->create(ctx, a, &st), TC_OK);
    st->ctx = ctx;
    st->next = &co->base;
    return st;
}

static struct tc_cue *
cue(struct tc_ctx *ctx, int64_t start, int64_t end)
{
    struct tc_cue *c = tc_cue_new(ctx);

    ck_assert(c != NULL);
    c->start = start;
    c->end = end;
    return c;
}

/* YouTube's automatic captions as the WebVTT reader gives them: each cue
 * repeats the line before above the new words, which carry inline
 * timestamps, and a 10 ms cue shows the finished line alone. */
START_TEST(dedupe_youtube_rolling)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct collect co;
    struct tc_stage *st = mkstage(ctx, "dedupe", &co);
    struct tc_cue *c;

    c = cue(ctx, 0, 2310);
    add(&c->text, " \nhello", 0, TC_TIME_NONE);
    add(&c->text, " world", 0, 320);
    ck_assert_int_eq(tc_stage_push(st, c), TC_OK);
    c = cue(ctx, 2310, 2320);
    add(&c->text, "hello world\n ", 0, TC_TIME_NONE);
    ck_assert_int_eq(tc_stage_push(st, c), TC_OK);
    c = cue(ctx, 2320, 5000);
    add(&c->text, "hello world\nthis", 0, TC_TIME_NONE);
    add(&c->text, " is", 0, 2800);
    add(&c->text, " next", 0, 3100);
    ck_assert_int_eq(tc_stage_push(st, c), TC_OK);
    c = cue(ctx, 5000, 5010);
    add(&c->text, "this is next\n ", 0, TC_TIME_NONE);
    ck_assert_int_eq(tc_stage_push(st, c), TC_OK);
    c = cue(ctx, 5010, 7000);
    add(&c->text, "this is next\nand", 0, TC_TIME_NONE);
    add(&c->text, " done", 0, 5500);
    ck_assert_int_eq(tc_stage_push(st, c), TC_OK);
    ck_assert_int_eq(tc_stage_finish(st), TC_OK);
    ck_assert_str_eq(co.out,
                     "0-2320 [0@-] \nhello|[0@320] world|\n"
                     "2320-5010 [0@-]this|[0@2800] is|[0@3100] next|\n"
                     "5010-7000 [0@-]and|[0@5500] done|\n");
    ck_assert(co.finished);
    tc_stage_destroy(st);
    tc_ctx_free(ctx);
}
END_TEST

/* A stage holds at most one cue: the first comes out when the second
 * goes in. */
START_TEST(window_of_one)
{
    static const char *const specs[] = { "fillers", "dedupe", "nonspeech",
                                         "shift:by=1", "scale:factor=1" };
    struct tc_ctx *ctx = tc_ctx_new();
    struct collect co;
    struct tc_stage *st = mkstage(ctx, specs[_i], &co);
    struct tc_cue *c;
    int i;

    for (i = 0; i < 3; i++) {
        c = cue(ctx, i * 1000, i * 1000 + 900);
        add(&c->text, i == 1 ? "two" : "one", 0, TC_TIME_NONE);
        ck_assert_int_eq(tc_stage_push(st, c), TC_OK);
        ck_assert_int_ge(co.cues, i);
    }
    ck_assert_int_eq(tc_stage_finish(st), TC_OK);
    ck_assert_int_eq(co.cues, 3);
    tc_stage_destroy(st);
    tc_ctx_free(ctx);
}
END_TEST

START_TEST(fillers_keep_styles)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct collect co;
    struct tc_stage *st = mkstage(ctx, "fillers:lang=en", &co);
    struct tc_cue *c = cue(ctx, 0, 1000);

    add(&c->text, "Um, ", TC_STYLE_BOLD, TC_TIME_NONE);
    add(&c->text, "well", TC_STYLE_ITALIC, TC_TIME_NONE);
    add(&c->text, " uh, yes", 0, TC_TIME_NONE);
    ck_assert_int_eq(tc_stage_push(st, c), TC_OK);
    ck_assert_int_eq(tc_stage_finish(st), TC_OK);
    ck_assert_str_eq(co.out, "0-1000 [1@-]Well|[0@-] yes|\n");
    tc_stage_destroy(st);
    tc_ctx_free(ctx);
}
END_TEST

/* lang=auto takes the list of the language the reader announces. */
START_TEST(fillers_lang_from_track)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct collect co;
    struct tc_stage *st = mkstage(ctx, "fillers", &co);
    struct tc_track tr;
    struct tc_cue *c = cue(ctx, 0, 1000);

    memset(&tr, 0, sizeof tr);
    tr.lang = "DE-at";
    ck_assert_int_eq(tc_stage_track(st, &tr), TC_OK);
    add(&c->text, "Er kommt um zehn. \xC3\x84h, ja.", 0, TC_TIME_NONE);
    ck_assert_int_eq(tc_stage_push(st, c), TC_OK);
    ck_assert_int_eq(tc_stage_finish(st), TC_OK);
    ck_assert_str_eq(co.out, "0-1000 [0@-]Er kommt um zehn. Ja.|\n");
    tc_stage_destroy(st);
    tc_ctx_free(ctx);
}
END_TEST

START_TEST(scale_inline_times)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct collect co;
    struct tc_stage *st = mkstage(ctx, "scale:factor=2", &co);
    struct tc_cue *c = cue(ctx, 1500, 2000);

    add(&c->text, "a", 0, 1700);
    ck_assert_int_eq(tc_stage_push(st, c), TC_OK);
    ck_assert_str_eq(co.out, "3000-4000 [0@3400]a|\n");
    tc_stage_destroy(st);
    tc_ctx_free(ctx);
}
END_TEST

START_TEST(shift_times_inside)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct collect co;
    struct tc_stage *st = mkstage(ctx, "shift:by=-1s", &co);
    struct tc_cue *c = cue(ctx, 1500, TC_TIME_NONE);
    char want[64];

    add(&c->text, "a", 0, 800);
    add(&c->text, " b", 0, 1700);
    ck_assert_int_eq(tc_stage_push(st, c), TC_OK);
    snprintf(want, sizeof want, "500-%lld [0@0]a|[0@700] b|\n",
             (long long)TC_TIME_NONE);
    ck_assert_str_eq(co.out, want);
    tc_stage_destroy(st);
    tc_ctx_free(ctx);
}
END_TEST

Suite *
suite_fc_model(void)
{
    Suite *s = suite_create("filters-clean-model");
    TCase *tc = tcase_create("textops");
    TCase *ts = tcase_create("stages");

    tcase_add_test(tc, edit_cut_keeps_styles);
    tcase_add_test(tc, edit_cuts_merge_in_any_order);
    tcase_add_test(tc, edit_timestamps);
    tcase_add_loop_test(tc, edit_tidy, 0,
                        sizeof tidy_cases / sizeof tidy_cases[0]);
    tcase_add_test(tc, words_and_folding);
    tcase_add_test(tc, upcase_in_place);
    suite_add_tcase(s, tc);
    tcase_add_test(ts, dedupe_youtube_rolling);
    tcase_add_loop_test(ts, window_of_one, 0, 5);
    tcase_add_test(ts, fillers_keep_styles);
    tcase_add_test(ts, fillers_lang_from_track);
    tcase_add_test(ts, scale_inline_times);
    tcase_add_test(ts, shift_times_inside);
    suite_add_tcase(s, ts);
    return s;
}
