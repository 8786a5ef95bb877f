#define _POSIX_C_SOURCE 200809L
/* test_threads.c -- several threads, each with its own context, convert
 * at the same time and get what one thread alone gets. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"

#define NTHREADS 4
#define ROUNDS 3

static const char *const inputs[] = {
    "examples/youtube-transcript.txt",
    "examples/whisper-transcript.txt",
    "tests/golden/vtt/capability.vtt",
    "tests/golden/ttml/speakers.ttml",
};
#define NINPUTS (sizeof inputs / sizeof inputs[0])

struct job {
    char *data[NINPUTS];
    size_t len[NINPUTS];
    char *want[NINPUTS];        /* one thread's answer */
    char *got[NTHREADS][NINPUTS];
    int rc[NTHREADS];
};

/* One input's conversion: the cleanup filters, to WebVTT, half of them
 * pulled cue by cue (the reader's helper thread), half transferred. */
static char *
convert(const char *data, size_t n, int pull, int *rc)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct str d = { NULL, 0, 0 }, all = { NULL, 0, 0 };
    char *out;

    tc_ctx_set_diag(ctx, api_collect, &d);
    str_add(&d, "", 0);
    *rc = tc_ctx_set_option(ctx, "lang", "en");
    if (*rc == TC_OK)
        *rc = tc_ctx_add_preset(ctx, "clean");
    if (*rc != TC_OK) {
        tc_ctx_free(ctx);
        return NULL;
    }
    if (!pull) {
        out = api_convert(ctx, data, n, NULL, "vtt", rc);
    } else {
        struct tc_reader *r = NULL;
        struct tc_writer *w = NULL;
        struct tc_cue *c;
        size_t len;

        tc_reader_new(ctx, NULL, &r);
        tc_reader_feed(r, data, n);
        tc_reader_feed_end(r);
        tc_writer_new(ctx, tc_format_find("srt"), &w);
        while ((*rc = tc_reader_next(r, &c)) == TC_OK)
            tc_writer_put(w, c);
        if (*rc == TC_END)
            *rc = tc_writer_finish(w);
        out = strdup(tc_writer_data(w, &len));
        tc_writer_free(w);
        tc_reader_free(r);
    }
    str_add(&all, out, strlen(out));
    str_add(&all, d.s, d.n);
    free(out);
    str_free(&d);
    tc_ctx_free(ctx);
    return all.s;
}

struct arg {
    struct job *job;
    int id;
};

static void *
worker(void *p)
{
    struct arg *a = p;
    size_t i;
    int round, rc;

    for (round = 0; round < ROUNDS; round++)
        for (i = 0; i < NINPUTS; i++) {
            char *got = convert(a->job->data[i], a->job->len[i],
                                (int)((i + (size_t)a->id) % 2), &rc);

            if (rc != TC_OK)
                a->job->rc[a->id] = rc;
            if (round == 0)
                a->job->got[a->id][i] = got;
            else if (got == NULL || a->job->got[a->id][i] == NULL ||
                     strcmp(got, a->job->got[a->id][i]) != 0)
                a->job->rc[a->id] = -100;
            if (round > 0)
                free(got);
        }
    return NULL;
}

START_TEST(four_threads_convert_at_once)
{
    struct job job;
    struct arg args[NTHREADS];
    pthread_t th[NTHREADS];
    size_t i;
    int t, rc;

    memset(&job, 0, sizeof job);
    for (i = 0; i < NINPUTS; i++)
        job.data[i] = api_slurp(inputs[i], &job.len[i]);
    for (t = 0; t < NTHREADS; t++) {
        args[t].job = &job;
        args[t].id = t;
        ck_assert_int_eq(pthread_create(&th[t], NULL, worker, &args[t]), 0);
    }
    for (t = 0; t < NTHREADS; t++)
        pthread_join(th[t], NULL);
    for (i = 0; i < NINPUTS; i++) {
        job.want[i] = convert(job.data[i], job.len[i], 0, &rc);
        ck_assert_int_eq(rc, TC_OK);
        ck_assert_ptr_nonnull(strstr(job.want[i], "-->"));
    }
    for (t = 0; t < NTHREADS; t++) {
        ck_assert_msg(job.rc[t] == TC_OK, "thread %d: %d", t, job.rc[t]);
        for (i = 0; i < NINPUTS; i++) {
            char *alone = convert(job.data[i], job.len[i],
                                  (int)((i + (size_t)t) % 2), &rc);

            ck_assert_msg(strcmp(job.got[t][i], alone) == 0,
                          "thread %d, %s differs", t, inputs[i]);
            free(alone);
            free(job.got[t][i]);
        }
    }
    for (i = 0; i < NINPUTS; i++) {
        free(job.data[i]);
        free(job.want[i]);
    }
}
END_TEST

Suite *
suite_threads(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("contexts");

    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, four_threads_convert_at_once);
    suite_add_tcase(s, tc);
    return s;
}
