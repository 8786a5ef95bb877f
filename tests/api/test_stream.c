/* test_stream.c -- the reader, the writer and the chain between them:
 * pieces of any size give the same cues, memory in and memory out give
 * what the conversion of a file gives, errors are reported. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api.h"

/* Every cue of data fed in pieces of piece bytes (0: all at once), dumped,
 * then "end: STATUS"; the diagnostics in *diags, the format in *fmt. */
static char *
pull_all(const char *data, size_t n, size_t piece, const char *from,
         const char **fmt, char **diags)
{
    struct str out = { NULL, 0, 0 }, d = { NULL, 0, 0 };
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_reader *r = NULL;
    struct tc_cue *c;
    size_t at = 0;
    int rc = TC_MORE;

    ck_assert_ptr_nonnull(ctx);
    tc_ctx_set_diag(ctx, api_collect, &d);
    str_add(&d, "", 0);
    ck_assert_int_eq(tc_reader_new(ctx, from ? tc_format_find(from) : NULL,
                                   &r), TC_OK);
    while (rc == TC_MORE) {
        size_t k = piece == 0 || n - at < piece ? n - at : piece;

        if (k > 0)
            ck_assert_int_eq(tc_reader_feed(r, data + at, k), TC_OK);
        at += k;
        if (at == n)
            ck_assert_int_eq(tc_reader_feed_end(r), TC_OK);
        while ((rc = tc_reader_next(r, &c)) == TC_OK) {
            api_dump_cue(&out, c);
            tc_cue_free(c);
        }
        ck_assert(rc != TC_MORE || at < n);
    }
    str_addf(&out, "end: %s\n", tc_strerror(rc));
    *fmt = tc_reader_format(r) ? tc_format_name(tc_reader_format(r)) : "-";
    tc_reader_free(r);
    tc_ctx_free(ctx);
    *diags = d.s;
    return out.s;
}

static const char *const samples[] = {
    "examples/talk.srt",
    "tests/golden/vtt/capability.vtt",
    "tests/golden/ttml/speakers.ttml",
    "tests/golden/transcript/sbv-basic.sbv",
    "tests/golden/vtt/warnings.vtt",
    "tests/golden/srt/noblank.srt",
};

START_TEST(pieces_give_the_same_cues)
{
    static const size_t pieces[] = { 1, 2, 3, 7, 64, 1000 };
    size_t n, i;
    char *data = api_slurp(samples[_i], &n), *whole, *wdiag;
    const char *wfmt;

    whole = pull_all(data, n, 0, NULL, &wfmt, &wdiag);
    ck_assert_msg(strstr(whole, "end: end of the cues") != NULL, "%s: %s",
                  samples[_i], whole);
    ck_assert_msg(strchr(whole, '|') != NULL, "%s: no cue", samples[_i]);
    for (i = 0; i < sizeof pieces / sizeof pieces[0]; i++) {
        const char *fmt;
        char *d, *got = pull_all(data, n, pieces[i], NULL, &fmt, &d);

        ck_assert_msg(strcmp(got, whole) == 0, "%s in pieces of %zu:\n%s\n"
                      "whole:\n%s", samples[_i], pieces[i], got, whole);
        ck_assert_str_eq(fmt, wfmt);
        ck_assert_msg(strcmp(d, wdiag) == 0, "%s in pieces of %zu: "
                      "diagnostics\n%s\nwhole:\n%s", samples[_i], pieces[i],
                      d, wdiag);
        free(got);
        free(d);
    }
    free(whole);
    free(wdiag);
    free(data);
}
END_TEST

/* The start of the long transcripts: enough cues to fill the queue. */
START_TEST(long_transcripts_in_small_pieces)
{
    static const char *const files[] = {
        "examples/whisper-transcript.txt", "examples/youtube-transcript.txt",
    };
    size_t n;
    char *data = api_slurp(files[_i], &n), *whole, *got, *d1, *d2;
    const char *f1, *f2;

    whole = pull_all(data, n, 0, NULL, &f1, &d1);
    got = pull_all(data, n, 5, NULL, &f2, &d2);
    ck_assert_str_eq(got, whole);
    ck_assert_str_eq(f1, f2);
    ck_assert_str_eq(d1, d2);
    free(whole);
    free(got);
    free(d1);
    free(d2);
    free(data);
}
END_TEST

/* A memory conversion gives the bytes the conversion of the file does. */
START_TEST(memory_in_memory_out_is_the_file_conversion)
{
    static const char *const to[] = { "srt", "vtt", "ttml", "sbv",
                                      "whisper", "youtube" };
    const char *top = getenv("top_srcdir");
    struct str path = { NULL, 0, 0 };
    size_t n, i;
    char *data = api_slurp(samples[_i], &n);

    str_addf(&path, "%s/%s", top ? top : ".", samples[_i]);
    for (i = 0; i < sizeof to / sizeof to[0]; i++) {
        struct tc_ctx *ctx = tc_ctx_new();
        struct tc_reader *r = NULL;
        struct tc_writer *w = NULL;
        struct str d1 = { NULL, 0, 0 }, d2 = { NULL, 0, 0 };
        const char *file_out;
        char *mem_out;
        size_t len;
        int rc1, rc2;

        tc_ctx_set_diag(ctx, api_collect, &d1);
        str_add(&d1, "", 0);
        ck_assert_int_eq(tc_reader_open(ctx, NULL, path.s, &r), TC_OK);
        ck_assert_int_eq(tc_writer_new(ctx, tc_format_find(to[i]), &w),
                         TC_OK);
        rc1 = tc_transfer(r, w);
        file_out = tc_writer_data(w, &len);
        ck_assert_uint_eq(strlen(file_out), len);
        tc_ctx_set_diag(ctx, api_collect, &d2);
        str_add(&d2, "", 0);
        mem_out = api_convert(ctx, data, n, NULL, to[i], &rc2);
        ck_assert_int_eq(rc1, rc2);
        ck_assert_msg(strcmp(file_out, mem_out) == 0, "%s to %s",
                      samples[_i], to[i]);
        ck_assert_str_eq(d1.s, d2.s);
        free(mem_out);
        tc_writer_free(w);
        tc_reader_free(r);
        tc_ctx_free(ctx);
        str_free(&d1);
        str_free(&d2);
    }
    str_free(&path);
    free(data);
}
END_TEST

/* Pulling cues and writing them one by one is what tc_transfer() does. */
START_TEST(pull_then_write_is_a_transfer)
{
    static const char *const to[] = { "srt", "vtt", "ttml" };
    size_t n, i;
    char *data = api_slurp(samples[_i], &n);

    for (i = 0; i < sizeof to / sizeof to[0]; i++) {
        struct tc_ctx *ctx = tc_ctx_new();
        struct tc_reader *r = NULL;
        struct tc_writer *w = NULL;
        struct tc_cue *c;
        char *want;
        const char *got;
        size_t len;
        int rc, tracked = 0;

        want = api_convert(ctx, data, n, NULL, to[i], &rc);
        ck_assert_int_eq(tc_reader_new(ctx, NULL, &r), TC_OK);
        ck_assert_int_eq(tc_reader_feed(r, data, n), TC_OK);
        ck_assert_int_eq(tc_reader_feed_end(r), TC_OK);
        ck_assert_int_eq(tc_writer_new(ctx, tc_format_find(to[i]), &w),
                         TC_OK);
        while ((rc = tc_reader_next(r, &c)) == TC_OK) {
            if (!tracked++ && tc_reader_track(r) != NULL)
                ck_assert_int_eq(tc_writer_track(w, tc_reader_track(r)),
                                 TC_OK);
            ck_assert_int_eq(tc_writer_put(w, c), TC_OK);
        }
        ck_assert_int_eq(rc, TC_END);
        ck_assert_int_eq(tc_writer_finish(w), TC_OK);
        got = tc_writer_data(w, &len);
        ck_assert_msg(strcmp(got, want) == 0, "%s to %s:\n%s\n---\n%s",
                      samples[_i], to[i], got, want);
        free(want);
        tc_writer_free(w);
        tc_reader_free(r);
        tc_ctx_free(ctx);
    }
    free(data);
}
END_TEST

/* Reader, chain and writer by hand give tc_transfer()'s bytes, with the
 * cleanup preset's filters (which hold cues back). */
START_TEST(chain_between_reader_and_writer)
{
    static const char *const files[] = {
        "examples/youtube-transcript.txt", "examples/talk.srt",
    };
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_reader *r = NULL;
    struct tc_writer *w = NULL;
    struct tc_chain *ch = NULL;
    struct tc_cue *c;
    struct str d1 = { NULL, 0, 0 }, d2 = { NULL, 0, 0 };
    size_t n, len, cues = 0;
    char *data = api_slurp(files[_i], &n), *want;
    const char *got;
    int rc;

    ck_assert_int_eq(tc_ctx_set_option(ctx, "lang", "en"), TC_OK);
    ck_assert_int_eq(tc_ctx_add_filter(ctx, "tidy"), TC_OK);
    ck_assert_int_eq(tc_ctx_add_filter(ctx, "merge"), TC_OK);
    ck_assert_int_eq(tc_ctx_add_filter(ctx, "wrap"), TC_OK);
    tc_ctx_set_diag(ctx, api_collect, &d1);
    str_add(&d1, "", 0);
    want = api_convert(ctx, data, n, NULL, "vtt", &rc);
    ck_assert_int_eq(rc, TC_OK);
    tc_ctx_set_diag(ctx, api_collect, &d2);
    str_add(&d2, "", 0);
    ck_assert_int_eq(tc_reader_new(ctx, NULL, &r), TC_OK);
    ck_assert_int_eq(tc_chain_new(ctx, &ch), TC_OK);
    ck_assert_int_eq(tc_writer_new(ctx, tc_format_find("vtt"), &w), TC_OK);
    ck_assert_int_eq(tc_reader_feed(r, data, n), TC_OK);
    ck_assert_int_eq(tc_reader_feed_end(r), TC_OK);
    while ((rc = tc_reader_next(r, &c)) == TC_OK) {
        ck_assert_int_eq(tc_chain_put(ch, c), TC_OK);
        while (tc_chain_next(ch, &c) == TC_OK) {
            cues++;
            ck_assert_int_eq(tc_writer_put(w, c), TC_OK);
        }
    }
    ck_assert_int_eq(rc, TC_END);
    ck_assert_int_eq(tc_chain_finish(ch), TC_OK);
    while ((rc = tc_chain_next(ch, &c)) == TC_OK) {
        cues++;
        ck_assert_int_eq(tc_writer_put(w, c), TC_OK);
    }
    ck_assert_int_eq(rc, TC_END);
    ck_assert_int_eq(tc_writer_finish(w), TC_OK);
    got = tc_writer_data(w, &len);
    ck_assert(cues > 0);
    ck_assert_str_eq(got, want);
    ck_assert_str_eq(d1.s, d2.s);
    free(want);
    free(data);
    str_free(&d1);
    str_free(&d2);
    tc_chain_free(ch);
    tc_writer_free(w);
    tc_reader_free(r);
    tc_ctx_free(ctx);
}
END_TEST

/* A cue is handed out when the bytes fed so far end after it: a live
 * transcript's cue is not kept waiting for the next one. */
START_TEST(cue_out_as_soon_as_complete)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_reader *r = NULL;
    struct tc_cue *c = NULL;
    static const char a[] = "1\n00:00:01,000 --> 00:00:02,000\nfirst\n\n";
    static const char b[] = "2\n00:00:03,000 --> 00:00:04,000\nsecond\n";

    ck_assert_int_eq(tc_reader_new(ctx, NULL, &r), TC_OK);
    ck_assert_int_eq(tc_reader_feed(r, a, 20), TC_OK);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_MORE);
    ck_assert_ptr_null(tc_reader_format(r));
    ck_assert_int_eq(tc_reader_feed(r, a + 20, sizeof a - 21), TC_OK);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_OK);
    ck_assert_str_eq(tc_format_name(tc_reader_format(r)), "srt");
    ck_assert_int_eq(tc_cue_start(c), 1000);
    tc_cue_free(c);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_MORE);
    ck_assert_int_eq(tc_reader_feed(r, b, sizeof b - 1), TC_OK);
    /* the second may go on: the next bytes could still add to it */
    ck_assert_int_eq(tc_reader_next(r, &c), TC_MORE);
    ck_assert_int_eq(tc_reader_feed_end(r), TC_OK);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_OK);
    ck_assert_int_eq(tc_cue_end(c), 4000);
    tc_cue_free(c);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_END);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_END);
    ck_assert_int_eq(tc_reader_feed(r, "x", 1), TC_ERR_ARG);
    tc_reader_free(r);
    tc_ctx_free(ctx);
}
END_TEST

struct chunks {
    const char *p;
    size_t n, at;
    int more_once;
};

static long
read_chunks(void *ud, void *buf, size_t size)
{
    struct chunks *k = ud;
    size_t n = k->n - k->at < 10 ? k->n - k->at : 10;

    if (k->at == 30 && k->more_once) {
        k->more_once = 0;
        return TC_AGAIN;
    }
    if (n > size)
        n = size;
    memcpy(buf, k->p + k->at, n);
    k->at += n;
    return (long)n;
}

START_TEST(callback_reader)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_reader *r = NULL;
    struct tc_cue *c;
    size_t n;
    char *data = api_slurp("examples/talk.srt", &n), *want, *wd;
    const char *fmt;
    struct chunks k = { data, n, 0, 1 };
    struct str got = { NULL, 0, 0 };
    int rc, mores = 0;

    want = pull_all(data, n, 0, NULL, &fmt, &wd);
    ck_assert_int_eq(tc_reader_new_cb(ctx, NULL, read_chunks, &k, &r),
                     TC_OK);
    while ((rc = tc_reader_next(r, &c)) == TC_OK || rc == TC_MORE) {
        if (rc == TC_MORE) {
            mores++;
            continue;
        }
        api_dump_cue(&got, c);
        tc_cue_free(c);
    }
    str_addf(&got, "end: %s\n", tc_strerror(rc));
    ck_assert_int_eq(mores, 1);
    ck_assert_str_eq(got.s, want);
    free(want);
    free(wd);
    free(data);
    str_free(&got);
    tc_reader_free(r);
    tc_ctx_free(ctx);
}
END_TEST

struct thread_seen {
    pthread_t self;
    int calls, other;
};

static void
note_thread(const struct tc_diag *d, void *ud)
{
    struct thread_seen *t = ud;

    (void)d;
    t->calls++;
    if (!pthread_equal(t->self, pthread_self()))
        t->other++;
}

/* Errors: reported through the callback, on the caller's thread. */
START_TEST(errors_are_reported)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_reader *r = NULL;
    struct tc_writer *w = NULL;
    struct tc_cue *c;
    struct thread_seen seen;
    struct str d = { NULL, 0, 0 };
    static const char bad[] =
        "1\n00:00:01,000 --> 00:00:02,000\nok\n\n"
        "2\n00:00:03.000 --> 00:00:04,000\nrepaired\n\n";

    seen.self = pthread_self();
    seen.calls = seen.other = 0;
    /* nothing to read */
    tc_ctx_set_diag(ctx, note_thread, &seen);
    ck_assert_int_eq(tc_reader_new(ctx, NULL, &r), TC_OK);
    ck_assert_int_eq(tc_reader_feed_end(r), TC_OK);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_ERR_UNKNOWN_FORMAT);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_ERR_UNKNOWN_FORMAT);
    tc_reader_free(r);
    ck_assert_int_eq(seen.calls, 1);
    ck_assert_int_eq(seen.other, 0);
    /* a repair under strict mode stops the reading, after the good cue */
    tc_ctx_set_diag(ctx, api_collect, &d);
    str_add(&d, "", 0);
    tc_ctx_set_strict(ctx, 1);
    ck_assert_int_eq(tc_reader_new(ctx, tc_format_find("srt"), &r), TC_OK);
    ck_assert_int_eq(tc_reader_feed(r, bad, sizeof bad - 1), TC_OK);
    ck_assert_int_eq(tc_reader_feed_end(r), TC_OK);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_OK);
    tc_cue_free(c);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_ERR_STRICT);
    ck_assert_ptr_nonnull(strstr(d.s, "6:0: error: non-standard timestamp"));
    tc_reader_free(r);
    tc_ctx_set_strict(ctx, 0);
    /* a transfer wants the whole input */
    ck_assert_int_eq(tc_reader_new(ctx, NULL, &r), TC_OK);
    ck_assert_int_eq(tc_writer_new(ctx, tc_format_find("srt"), &w), TC_OK);
    ck_assert_int_eq(tc_transfer(r, w), TC_ERR_ARG);
    tc_writer_free(w);
    tc_reader_free(r);
    /* a reader that is not fed takes no bytes */
    ck_assert_int_eq(tc_reader_new_fd(ctx, NULL, 0, NULL, &r), TC_OK);
    ck_assert_int_eq(tc_reader_feed(r, "x", 1), TC_ERR_ARG);
    tc_reader_free(r);
    ck_assert_int_eq(tc_reader_open(ctx, NULL, "/nonexistent/x.srt", &r),
                     TC_ERR_IO);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(strstr(d.s, "cannot open"));
    str_free(&d);
    tc_ctx_free(ctx);
}
END_TEST

static int
refuse(void *ud, const void *data, size_t len)
{
    (void)ud;
    (void)data;
    (void)len;
    return TC_ERR_IO;
}

START_TEST(write_errors_are_kept)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_writer *w = NULL;
    struct tc_cue *c = tc_cue_new(ctx);
    struct str d = { NULL, 0, 0 };

    str_add(&d, "", 0);
    tc_ctx_set_diag(ctx, api_collect, &d);
    ck_assert_int_eq(tc_writer_new_cb(ctx, tc_format_find("srt"), refuse,
                                      NULL, &w), TC_OK);
    ck_assert_int_eq(tc_cue_set_times(c, 0, 1000), TC_OK);
    ck_assert_int_eq(tc_cue_set_text(c, "hi", 2), TC_OK);
    ck_assert_int_eq(tc_writer_put(w, c), TC_OK);   /* buffered */
    ck_assert_int_eq(tc_writer_flush(w), TC_ERR_IO);
    c = tc_cue_new(ctx);
    tc_cue_set_times(c, 2000, 3000);
    ck_assert_int_eq(tc_writer_put(w, c), TC_ERR_IO);
    ck_assert_int_eq(tc_writer_finish(w), TC_ERR_IO);
    ck_assert_ptr_nonnull(strstr(d.s, "error: input/output error: write "
                                      "error: input/output error"));
    ck_assert_ptr_null(tc_writer_data(w, NULL));
    tc_writer_free(w);
    str_free(&d);
    tc_ctx_free(ctx);
}
END_TEST

/* A reader freed in the middle of its input ends its helper thread and
 * leaks nothing (the sanitizer build checks that). */
START_TEST(free_in_the_middle)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_reader *r = NULL;
    struct tc_cue *c;
    size_t n;
    char *data = api_slurp("examples/whisper-transcript.txt", &n);

    ck_assert_int_eq(tc_reader_new(ctx, NULL, &r), TC_OK);
    ck_assert_int_eq(tc_reader_feed(r, data, n), TC_OK);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_OK);
    tc_cue_free(c);
    tc_reader_free(r);
    /* and one that waits for input */
    ck_assert_int_eq(tc_reader_new(ctx, NULL, &r), TC_OK);
    ck_assert_int_eq(tc_reader_feed(r, data, 100), TC_OK);
    ck_assert_int_eq(tc_reader_next(r, &c), TC_MORE);
    tc_reader_free(r);
    free(data);
    tc_ctx_free(ctx);
}
END_TEST

static void
note_kinds(const struct tc_diag *d, void *ud)
{
    struct str *b = ud;

    str_addf(b, "%d=%s ", d->id, tc_diag_kind_text(d->id));
    ck_assert_str_eq(d->message, tc_diag_kind_text(d->id));
}

/* The kinds of diagnostic are public and stable. */
START_TEST(diagnostic_kinds)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct str kinds = { NULL, 0, 0 };
    char *out;
    int rc;
    static const char in[] = "1\n00:00:01,000 --> 00:00:02,000\nA\n"
                             "2\n00:00:03.000 --> 00:00:04,000\nB\n";

    tc_ctx_set_diag(ctx, note_kinds, &kinds);
    out = api_convert(ctx, in, sizeof in - 1, NULL, "srt", &rc);
    ck_assert_int_eq(rc, TC_OK);
    ck_assert_ptr_nonnull(kinds.s);
    ck_assert_ptr_nonnull(strstr(kinds.s, "14=no blank line between cues"));
    ck_assert_ptr_nonnull(strstr(kinds.s, "12=non-standard timestamp"));
    ck_assert_int_eq(TC_D_NO_BLANK, 14);
    ck_assert_int_eq(tc_diag_kind_severity(TC_D_NO_BLANK), TC_SEV_WARNING);
    ck_assert_int_eq(tc_diag_kind_severity(TC_D_XML), TC_SEV_ERROR);
    ck_assert_int_eq(tc_diag_kind_severity(TC_D_LANG), TC_SEV_NOTE);
    ck_assert_ptr_null(tc_diag_kind_text(-1));
    ck_assert_ptr_null(tc_diag_kind_text(TC_D_END_INFERRED + 1000));
    free(out);
    str_free(&kinds);
    tc_ctx_free(ctx);
}
END_TEST

/* The library says nothing on standard output or error, whatever the
 * input: everything goes to the callback (here none at all). */
START_TEST(nothing_on_stdout_or_stderr)
{
    static const char *const files[] = {
        "tests/golden/ttml/malformed.ttml", "tests/golden/ttml/xxe.ttml",
        "tests/golden/vtt/nosig.vtt", "tests/golden/vtt/badtime.vtt",
        "tests/golden/srt/badtime.srt", "examples/talk.srt",
    };
    int out[2], err[2], saved_out = dup(1), saved_err = dup(2);
    char buf[256];
    size_t i;

    ck_assert(pipe(out) == 0 && pipe(err) == 0);
    ck_assert(fcntl(out[0], F_SETFL, O_NONBLOCK) == 0);
    ck_assert(fcntl(err[0], F_SETFL, O_NONBLOCK) == 0);
    fflush(stdout);
    fflush(stderr);
    dup2(out[1], 1);
    dup2(err[1], 2);
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        struct tc_ctx *ctx = tc_ctx_new();
        size_t n;
        char *data = api_slurp(files[i], &n), *o;
        int rc;

        tc_ctx_set_strict(ctx, (int)(i % 2));
        ck_assert_int_eq(tc_ctx_add_preset(ctx, "clean"), TC_OK);
        o = api_convert(ctx, data, n, NULL, "vtt", &rc);
        free(o);
        free(data);
        tc_ctx_free(ctx);
    }
    fflush(stdout);
    fflush(stderr);
    dup2(saved_out, 1);
    dup2(saved_err, 2);
    close(out[1]);
    close(err[1]);
    ck_assert_int_le(read(out[0], buf, sizeof buf), 0);
    ck_assert_int_le(read(err[0], buf, sizeof buf), 0);
    close(out[0]);
    close(err[0]);
    close(saved_out);
    close(saved_err);
}
END_TEST

Suite *
suite_stream(void)
{
    Suite *s = suite_create("stream");
    TCase *tc = tcase_create("reader-writer");
    const int ns = (int)(sizeof samples / sizeof samples[0]);

    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, pieces_give_the_same_cues, 0, ns);
    tcase_add_loop_test(tc, long_transcripts_in_small_pieces, 0, 2);
    tcase_add_loop_test(tc, memory_in_memory_out_is_the_file_conversion, 0,
                        ns);
    tcase_add_loop_test(tc, pull_then_write_is_a_transfer, 0, ns);
    tcase_add_loop_test(tc, chain_between_reader_and_writer, 0, 2);
    tcase_add_test(tc, cue_out_as_soon_as_complete);
    tcase_add_test(tc, callback_reader);
    tcase_add_test(tc, errors_are_reported);
    tcase_add_test(tc, write_errors_are_kept);
    tcase_add_test(tc, free_in_the_middle);
    tcase_add_test(tc, diagnostic_kinds);
    tcase_add_test(tc, nothing_on_stdout_or_stderr);
    suite_add_tcase(s, tc);
    return s;
}
