#define _POSIX_C_SOURCE 200809L
/* test_cue.c -- cues built in code, written to memory; the versioned
 * structures; header facts. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"

static char *
write_one(struct tc_ctx *ctx, const char *to, struct tc_cue *c,
          const struct tc_track *t)
{
    struct tc_writer *w = NULL;
    const char *data;
    size_t len;
    char *out;

    ck_assert_int_eq(tc_writer_new(ctx, tc_format_find(to), &w), TC_OK);
    if (t != NULL)
        ck_assert_int_eq(tc_writer_track(w, t), TC_OK);
    ck_assert_int_eq(tc_writer_put(w, c), TC_OK);
    ck_assert_int_eq(tc_writer_finish(w), TC_OK);
    data = tc_writer_data(w, &len);
    ck_assert_uint_eq(strlen(data), len);
    out = strdup(data);
    tc_writer_free(w);
    return out;
}

static struct tc_cue *
built(struct tc_ctx *ctx)
{
    struct tc_cue *c = tc_cue_new(ctx);
    struct tc_style st;
    struct tc_place p;

    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(tc_cue_end(c), TC_TIME_NONE);
    ck_assert_int_eq(tc_cue_set_times(c, 1000, 2500), TC_OK);
    ck_assert_int_eq(tc_cue_set_id(c, "intro", 5), TC_OK);
    memset(&st, 0, sizeof st);
    st.time = TC_TIME_NONE;
    st.voice = "Ann";
    st.style = TC_STYLE_ITALIC;
    ck_assert_int_eq(tc_cue_append(c, "Hello", 5, &st), TC_OK);
    st.style = 0;
    ck_assert_int_eq(tc_cue_append(c, " world\nagain", 12, &st), TC_OK);
    tc_place_init(&p);
    p.vpos = TC_VPOS_TOP;
    ck_assert_int_eq(tc_cue_set_place(c, &p), TC_OK);
    return c;
}

START_TEST(build_and_write)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_cue *c = built(ctx);
    char *srt, *vtt, *text;

    ck_assert_uint_eq(tc_cue_runs(c), 2);
    text = tc_cue_text(c);
    ck_assert_str_eq(text, "Hello world\nagain");
    tc_free(text);
    ck_assert_str_eq(tc_cue_id(c), "intro");
    ck_assert_ptr_null(tc_cue_region(c));
    srt = write_one(ctx, "srt", c, NULL);
    ck_assert_str_eq(srt, "1\n00:00:01,000 --> 00:00:02,500\n"
                          "{\\an8}<i>Hello</i> world\nagain\n\n");
    c = built(ctx);
    vtt = write_one(ctx, "vtt", c, NULL);
    ck_assert_str_eq(vtt, "WEBVTT\n\nintro\n00:00:01.000 --> 00:00:02.500 "
                          "line:0\n<v Ann><i>Hello</i> world\nagain</v>\n\n");
    free(srt);
    free(vtt);
    tc_ctx_free(ctx);
}
END_TEST

/* An unset end is inferred by the writer: the time to read its characters
 * (not bytes) at the profile's max-cps (20 a second by default), at least
 * min-duration (833 ms), at most max-duration (7 s), never past the next
 * start. */
static int64_t
inferred(struct tc_ctx *ctx, const char *text, const char *next_text)
{
    struct tc_writer *w = NULL;
    struct tc_reader *r = NULL;
    struct tc_cue *c = tc_cue_new(ctx);
    const char *out;
    size_t len;
    int64_t end;

    ck_assert_int_eq(tc_writer_new(ctx, tc_format_find("whisper"), &w),
                     TC_OK);
    tc_cue_set_times(c, 5000, TC_TIME_NONE);
    tc_cue_set_text(c, text, strlen(text));
    ck_assert_int_eq(tc_writer_put(w, c), TC_OK);
    if (next_text != NULL) {
        c = tc_cue_new(ctx);
        tc_cue_set_times(c, 6000, 7000);
        tc_cue_set_text(c, next_text, strlen(next_text));
        ck_assert_int_eq(tc_writer_put(w, c), TC_OK);
    }
    ck_assert_int_eq(tc_writer_finish(w), TC_OK);
    out = tc_writer_data(w, &len);
    /* read it back: the whisper format keeps milliseconds */
    ck_assert_int_eq(tc_reader_new(ctx, tc_format_find("whisper"), &r),
                     TC_OK);
    tc_reader_feed(r, out, len);
    tc_reader_feed_end(r);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_OK);
    end = tc_cue_end(c);
    tc_cue_free(c);
    tc_reader_free(r);
    tc_writer_free(w);
    return end - 5000;
}

START_TEST(unset_end_is_inferred)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_cue *c = tc_cue_new(ctx);
    char *srt;

    ck_assert_int_eq(tc_cue_set_times(c, 5000, TC_TIME_NONE), TC_OK);
    ck_assert_int_eq(tc_cue_set_text(c, "short", 5), TC_OK);
    ck_assert_int_eq(tc_cue_set_times(c, TC_TIME_NONE, 0), TC_ERR_ARG);
    srt = write_one(ctx, "srt", c, NULL);
    ck_assert_str_eq(srt, "1\n00:00:05,000 --> 00:00:05,833\nshort\n\n");
    free(srt);
    /* characters, not bytes: 13 Japanese ones (39 bytes) and 14 ASCII
     * ones are both under min-duration */
    ck_assert_int_eq(inferred(ctx, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa"
                                   "\x9e\xe3\x81\xae\xe5\xad\x97\xe5"
                                   "\xb9\x95\xe3\x81\xaf\xe8\xaa\xad"
                                   "\xe3\x81\xbf\xe3\x82\x84\xe3\x81"
                                   "\x99\xe3\x81\x84\xe3\x80\x82", NULL), 833);
    ck_assert_int_eq(inferred(ctx, "fourteen chars", NULL), 833);
    ck_assert_int_eq(inferred(ctx, "forty characters read at twenty a "
                                   "second", NULL), 2000);
    ck_assert_int_eq(inferred(ctx, "forty characters read at twenty a "
                                   "second", "next"), 1000);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "profile", "bbc"), TC_OK);
    /* bbc: 15 a second, at least 1 s */
    ck_assert_int_eq(inferred(ctx, "fourteen chars", NULL), 1000);
    ck_assert_int_eq(inferred(ctx, "thirty characters at 15 a sec.", NULL),
                     2000);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "max-cps", "1"), TC_OK);
    ck_assert_int_eq(inferred(ctx, "thirty characters at 15 a sec.", NULL),
                     7000);
    tc_ctx_free(ctx);
}
END_TEST

/* A program built with shorter structures: what it gave counts, the rest
 * takes its default. */
START_TEST(versioned_structures)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_cue *c = tc_cue_new(ctx);
    struct tc_place p, got;
    struct tc_style st, out;
    size_t len;
    const char *t;

    memset(&p, 0x7f, sizeof p);
    p.vpos = TC_VPOS_MIDDLE;
    p.align = TC_ALIGN_LEFT;
    ck_assert_int_eq(tc_cue_set_place_v(c, &p, offsetof(struct tc_place,
                                                         vertical)), TC_OK);
    tc_cue_place(c, &got);
    ck_assert_int_eq(got.vpos, TC_VPOS_MIDDLE);
    ck_assert_int_eq(got.align, TC_ALIGN_LEFT);
    ck_assert_int_eq(got.vertical, TC_VERTICAL_NONE);
    ck_assert(got.size == 100 && got.position < 0 && !got.line_set);
    ck_assert(tc_place_line_auto(&got));
    memset(&st, 0x7f, sizeof st);
    st.style = TC_STYLE_BOLD;
    st.color = 0;
    ck_assert_int_eq(tc_cue_append_v(c, "x", 1, &st,
                                     offsetof(struct tc_style, voice)),
                     TC_OK);
    ck_assert_int_eq(tc_cue_run_style(c, 0, &out), TC_OK);
    ck_assert_uint_eq(out.style, TC_STYLE_BOLD);
    ck_assert_ptr_null(out.voice);
    ck_assert_ptr_null(out.cls);
    ck_assert(out.time == TC_TIME_NONE);
    /* and a shorter one filled as far as it goes */
    memset(&out, 0x55, sizeof out);
    ck_assert_int_eq(tc_cue_run_style_v(c, 0, &out,
                                        offsetof(struct tc_style, voice)),
                     TC_OK);
    ck_assert_uint_eq(out.style, TC_STYLE_BOLD);
    memset(&t, 0x55, sizeof t);
    ck_assert(memcmp(&out.voice, &t, sizeof t) == 0);
    ck_assert_ptr_null(tc_cue_run_text(c, 1, &len));
    ck_assert_int_eq(tc_cue_run_style(c, 1, &out), TC_ERR_ARG);
    tc_cue_free(c);
    tc_ctx_free(ctx);
}
END_TEST

START_TEST(track_facts)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_reader *r = NULL;
    struct tc_cue *c;
    struct tc_track *t, *u;
    struct tc_region reg, back;
    size_t n;
    char *data = api_slurp("tests/golden/vtt/capability.vtt", &n), *vtt;

    ck_assert_int_eq(tc_reader_new(ctx, NULL, &r), TC_OK);
    ck_assert_ptr_null(tc_reader_track(r));
    ck_assert_int_eq(tc_reader_feed(r, data, n), TC_OK);
    ck_assert_int_eq(tc_reader_feed_end(r), TC_OK);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_OK);
    tc_cue_free(c);
    ck_assert_ptr_nonnull(tc_reader_track(r));
    ck_assert_str_eq(tc_track_get(tc_reader_track(r), "lang"), "en");
    ck_assert_uint_eq(tc_track_regions(tc_reader_track(r)), 1);
    ck_assert_int_eq(tc_track_region(tc_reader_track(r), 0, &reg), TC_OK);
    ck_assert_str_eq(reg.id, "fred");
    ck_assert(reg.width == 40 && reg.lines == 3 && reg.scroll_up);
    t = tc_track_copy(tc_reader_track(r));
    tc_reader_free(r);
    ck_assert_str_eq(tc_track_get(t, "style"),
                     "::cue(.loud) { font-weight: bold }");
    ck_assert_ptr_null(tc_track_get(t, "nonsense"));
    ck_assert_int_eq(tc_track_set(t, "nonsense", "x"), TC_ERR_ARG);
    ck_assert_int_eq(tc_track_set(t, "vtt-header",
                                  "X-TIMESTAMP-MAP=MPEGTS:900000,"
                                  "LOCAL:00:00:00.000"), TC_OK);
    u = tc_track_new();
    ck_assert_int_eq(tc_track_region(t, 0, &reg), TC_OK);
    ck_assert_int_eq(tc_track_add_region_v(u, &reg,
                                           offsetof(struct tc_region, lines)),
                     TC_OK);
    ck_assert_int_eq(tc_track_region(u, 0, &back), TC_OK);
    ck_assert_str_eq(back.id, "fred");
    ck_assert(back.width == 40 && back.lines == 3 && !back.scroll_up);
    ck_assert(back.anchor_y == 100);
    ck_assert_int_eq(tc_track_region(u, 1, &back), TC_ERR_ARG);
    tc_track_free(u);
    ck_assert_int_eq(tc_ctx_set_option(ctx, "vtt-regions", "yes"), TC_OK);
    c = tc_cue_new(ctx);
    tc_cue_set_times(c, 0, 1000);
    tc_cue_set_text(c, "hi", 2);
    tc_cue_set_region(c, "fred", 4);
    vtt = write_one(ctx, "vtt", c, t);
    ck_assert_str_eq(vtt, "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,"
                          "LOCAL:00:00:00.000\n\nREGION\nid:fred width:40% "
                          "lines:3 regionanchor:0%,100% viewportanchor:10%,"
                          "90% scroll:up\n\n00:00:00.000 --> 00:00:01.000 "
                          "region:fred\nhi\n\n");
    free(vtt);
    tc_track_free(t);
    free(data);
    tc_ctx_free(ctx);
}
END_TEST

/* The header's version is the library's, and the macros compare. */
START_TEST(version_macros)
{
    ck_assert_str_eq(TC_VERSION, tc_version_string());
    ck_assert_uint_eq(TC_VERSION_NUM, tc_version());
    ck_assert(TC_CHECK_VERSION(0, 2, 0));
    ck_assert(TC_CHECK_VERSION(TC_VERSION_MAJOR, TC_VERSION_MINOR,
                               TC_VERSION_PATCH));
    ck_assert(!TC_CHECK_VERSION(TC_VERSION_MAJOR, TC_VERSION_MINOR,
                                TC_VERSION_PATCH + 1));
    ck_assert(!TC_CHECK_VERSION(TC_VERSION_MAJOR + 1, 0, 0));
}
END_TEST

Suite *
suite_cue(void)
{
    Suite *s = suite_create("cue");
    TCase *tc = tcase_create("model");

    tcase_add_test(tc, build_and_write);
    tcase_add_test(tc, unset_end_is_inferred);
    tcase_add_test(tc, versioned_structures);
    tcase_add_test(tc, track_facts);
    tcase_add_test(tc, version_macros);
    suite_add_tcase(s, tc);
    return s;
}
