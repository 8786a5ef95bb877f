/* batch.c -- running the conversions: one after the other, or on -j
 * threads, each thread with its own library context.  The messages of a
 * file are printed whole, and files in the order given, so that -j 4
 * prints what -j 1 prints; finished files wait for the ones before them
 * in a bounded window.  On a terminal a progress line is redrawn on
 * standard error; with more than one input a summary line ends the run. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define WINDOW_PER_THREAD 16   /* files done and waiting to be printed */
#define PROGRESS_MS 100        /* redraw the progress line this often */

struct progress {
    int on;
    struct timespec start, last;
    int shown;                 /* columns of the line on the screen */
};

struct run {
    const struct cli *cli;
    struct jobs *js;
    struct progress pg;
    pthread_mutex_t lock;
    pthread_cond_t done_cv;    /* a job finished */
    pthread_cond_t room_cv;    /* a job was printed */
    size_t next;               /* the next job to begin */
    size_t printed;            /* jobs whose messages are out */
    size_t done, failed;
    size_t window;
    char *finished;            /* per job */
    int closed;                /* standard output's reader went away */
};

struct worker {
    struct run *run;
    struct tc_ctx *ctx;
    FILE *msgs;                /* the running job's messages; NULL: stderr */
    pthread_t thread;
};

/* ---- directories --------------------------------------------------------- */

int
cli_make_dirs(const char *dir, struct strv *made)
{
    char *p = strdup(dir), *q;
    int rc = 0;

    if (p == NULL)
        return -1;
    for (q = p + 1; rc == 0; q++) {
        char c = *q;

        if (c != '/' && c != '\0')
            continue;
        *q = '\0';
        if (mkdir(p, 0777) == 0) {
            if (made != NULL && cli_strv_add(made, p) != 0)
                rc = -1;
        } else if (errno != EEXIST) {
            rc = -1;
        }
        *q = c;
        if (c == '\0')
            break;
    }
    free(p);
    return rc;
}

/* ---- the progress line --------------------------------------------------- */

static long
ms_between(const struct timespec *a, const struct timespec *b)
{
    return (long)(b->tv_sec - a->tv_sec) * 1000 +
           (b->tv_nsec - a->tv_nsec) / 1000000;
}

static void
progress_clear(struct progress *pg)
{
    if (pg->on && pg->shown > 0) {
        fprintf(stderr, "\r%*s\r", pg->shown, "");
        pg->shown = 0;
    }
}

/* Columns of a UTF-8 string, counting each character as one. */
static int
columns(const char *s, size_t n)
{
    int c = 0;
    size_t i;

    for (i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

static void
progress_draw(struct progress *pg, size_t done, size_t total, size_t failed,
              const char *current, int force)
{
    struct winsize ws;
    struct timespec now;
    char head[128];
    int width = 80, n, room, pad;
    long ms;
    size_t clen;

    if (!pg->on)
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!force && ms_between(&pg->last, &now) < PROGRESS_MS)
        return;
    pg->last = now;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        width = ws.ws_col;
    ms = ms_between(&pg->start, &now);
    n = snprintf(head, sizeof head, "%s: %zu/%zu files, %zu failed, "
                 "%.0f files/s", cli_progname, done, total, failed,
                 ms > 0 ? (double)done * 1000.0 / (double)ms : 0.0);
    if (n < 0 || n >= (int)sizeof head)
        return;
    /* one column short of the width: a full line would wrap, and the
     * next \r would then redraw only its second half */
    room = width - 1 - n - 2;
    clen = current != NULL ? strlen(current) : 0;
    fprintf(stderr, "\r%s", n < width ? head : "");
    if (n >= width)
        n = 0;
    if (room > 4 && clen > 0) {
        const char *c = current;

        /* a long name loses its beginning: the file name matters most */
        while (columns(c, clen - (size_t)(c - current)) > room - 3)
            c++;
        while (((unsigned char)*c & 0xC0) == 0x80)
            c++;
        fprintf(stderr, ": %s%s", c == current ? "" : "...", c);
        n += 2 + (c == current ? 0 : 3) +
             columns(c, clen - (size_t)(c - current));
    }
    pad = pg->shown - n;
    if (pad > 0)
        fprintf(stderr, "%*s", pad, "");
    pg->shown = n + (pad > 0 ? pad : 0);
    fflush(stderr);
}

/* ---- one job ------------------------------------------------------------- */

static void
worker_diag(const struct tc_diag *d, void *ud)
{
    struct worker *w = ud;

    if (w->msgs != NULL) {
        cli_print_diag(w->run->cli, d, w->msgs);
        return;
    }
    if (cli_diag_shown(w->run->cli, d))
        progress_clear(&w->run->pg);
    cli_print_diag(w->run->cli, d, stderr);
}

/* A message of the command's own about a job, kept with its others. */
static void
job_error(struct worker *w, const char *file, const char *text)
{
    FILE *f = w->msgs != NULL ? w->msgs : stderr;

    if (f == stderr)
        progress_clear(&w->run->pg);
    fprintf(f, "%s: %s: error: %s\n", cli_progname, file, text);
}

/* 0: converted; 1: failed; 2: standard output was closed. */
static int
run_job(struct worker *w, struct job *j)
{
    const struct cli *cli = w->run->cli;
    const struct tc_format *from = cli->from, *to = cli->to;
    int rc;

    if (j->error != NULL) {
        job_error(w, j->in, j->error);
        return 1;
    }
    if (cli->in_place) {
        if (from == NULL &&
            tc_detect_format(w->ctx, j->in, &from, NULL) != TC_OK)
            return 1;
        if (to != NULL && to != from) {
            /* checked before the run; the file changed since */
            job_error(w, j->in, "its format changed during the run");
            return 1;
        }
        to = from;
    }
    if (cli->check->only)
        rc = tc_check(w->ctx, j->in, from);
    else
        rc = tc_convert(w->ctx, j->in, from, j->out, to);
    if (rc == TC_ERR_CLOSED)
        return 2;
    if (cli->check->on) {
        cli_check_collect(cli->check, w->ctx, &j->check);
        if (!j->check.passed)
            return 1;
    }
    return rc != TC_OK;
}

/* ---- running them all ---------------------------------------------------- */

static void *
worker_main(void *arg)
{
    struct worker *w = arg;
    struct run *r = w->run;

    for (;;) {
        struct job *j;
        size_t i;
        int st;

        pthread_mutex_lock(&r->lock);
        while (r->next < r->js->n && r->next >= r->printed + r->window)
            pthread_cond_wait(&r->room_cv, &r->lock);
        if (r->next >= r->js->n) {
            pthread_mutex_unlock(&r->lock);
            return NULL;
        }
        i = r->next++;
        pthread_mutex_unlock(&r->lock);
        j = &r->js->v[i];
        w->msgs = open_memstream(&j->msgs, &j->nmsgs);
        st = run_job(w, j);
        if (w->msgs != NULL)
            fclose(w->msgs);
        w->msgs = NULL;
        pthread_mutex_lock(&r->lock);
        j->failed = st != 0;
        r->finished[i] = 1;
        r->done++;
        r->failed += j->failed;
        pthread_cond_signal(&r->done_cv);
        pthread_mutex_unlock(&r->lock);
    }
}

/* --check: a file's report, after its diagnostics. */
static void
print_check(struct run *r, struct job *j)
{
    if (!r->cli->check->on || j->error != NULL)
        return;
    if (j->check.table != NULL)
        progress_clear(&r->pg);
    cli_check_emit(r->cli->check, &j->check);
}

static void
print_job(struct run *r, struct job *j)
{
    if (j->nmsgs > 0) {
        progress_clear(&r->pg);
        fwrite(j->msgs, 1, j->nmsgs, stderr);
    }
    free(j->msgs);
    j->msgs = NULL;
    j->nmsgs = 0;
    print_check(r, j);
}

/* The main thread prints the jobs in order as they finish and redraws the
 * progress line between. */
static void
run_threads(struct run *r, struct worker *ws, size_t nw)
{
    size_t i, started = 0;

    pthread_mutex_init(&r->lock, NULL);
    pthread_cond_init(&r->done_cv, NULL);
    pthread_cond_init(&r->room_cv, NULL);
    r->window = WINDOW_PER_THREAD * nw;
    for (i = 0; i < nw; i++) {
        if (pthread_create(&ws[i].thread, NULL, worker_main, &ws[i]) != 0)
            break;
        started++;
    }
    if (started == 0) {
        /* no thread to be had: work here, printing at the end */
        r->window = r->js->n;
        worker_main(&ws[0]);
    }
    pthread_mutex_lock(&r->lock);
    while (r->printed < r->js->n) {
        size_t k = r->printed;

        if (!r->finished[k]) {
            size_t done = r->done, failed = r->failed;
            const char *cur = r->js->v[r->next > 0 ? r->next - 1 : 0].in;

            if (r->pg.on) {
                struct timespec until;

                pthread_mutex_unlock(&r->lock);
                progress_draw(&r->pg, done, r->js->n, failed, cur, 0);
                pthread_mutex_lock(&r->lock);
                clock_gettime(CLOCK_REALTIME, &until);
                until.tv_nsec += PROGRESS_MS * 1000000L;
                if (until.tv_nsec >= 1000000000L) {
                    until.tv_sec++;
                    until.tv_nsec -= 1000000000L;
                }
                if (!r->finished[k])
                    pthread_cond_timedwait(&r->done_cv, &r->lock, &until);
            } else {
                pthread_cond_wait(&r->done_cv, &r->lock);
            }
            continue;
        }
        pthread_mutex_unlock(&r->lock);
        print_job(r, &r->js->v[k]);
        pthread_mutex_lock(&r->lock);
        r->printed++;
        pthread_cond_broadcast(&r->room_cv);
    }
    pthread_mutex_unlock(&r->lock);
    for (i = 0; i < started; i++)
        pthread_join(ws[i].thread, NULL);
    pthread_cond_destroy(&r->room_cv);
    pthread_cond_destroy(&r->done_cv);
    pthread_mutex_destroy(&r->lock);
}

static void
run_here(struct run *r, struct worker *w)
{
    size_t i;

    for (i = 0; i < r->js->n && !r->closed; i++) {
        struct job *j = &r->js->v[i];
        int st;

        progress_draw(&r->pg, r->done, r->js->n, r->failed, j->in, i == 0);
        st = run_job(w, j);
        print_check(r, j);
        r->closed = st == 2;
        j->failed = st != 0;
        r->done++;
        r->failed += j->failed;
    }
}

static size_t
processors(void)
{
#ifdef CPU_COUNT
    cpu_set_t set;

    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return (size_t)CPU_COUNT(&set);
#endif
    {
        long n = sysconf(_SC_NPROCESSORS_ONLN);

        return n > 0 ? (size_t)n : 1;
    }
}

int
cli_run(const struct cli *cli, struct jobs *js)
{
    struct run r;
    struct worker *ws;
    size_t nw, i;
    int status = 0;

    memset(&r, 0, sizeof r);
    r.cli = cli;
    r.js = js;
    nw = cli->jobs > 0 ? (size_t)cli->jobs : processors();
    if (nw > js->n)
        nw = js->n;
    if (nw == 0)
        nw = 1;
    ws = calloc(nw, sizeof *ws);
    r.finished = calloc(js->n + 1, 1);
    if (ws == NULL || r.finished == NULL) {
        fprintf(stderr, "%s: out of memory\n", cli_progname);
        free(ws);
        free(r.finished);
        return EXIT_INPUT;
    }
    /* every context is made here, before any thread starts */
    for (i = 0; i < nw; i++) {
        ws[i].run = &r;
        ws[i].ctx = cli_ctx_new(cli, worker_diag, &ws[i]);
        if (ws[i].ctx == NULL)
            break;
    }
    if (i < nw) {
        fprintf(stderr, "%s: out of memory\n", cli_progname);
        status = EXIT_INPUT;
        goto done;
    }
    r.pg.on = js->n > 1 && !cli->quiet && isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &r.pg.start);
    if (nw == 1) {
        run_here(&r, &ws[0]);
    } else {
        progress_draw(&r.pg, 0, js->n, 0, js->v[0].in, 1);
        run_threads(&r, ws, nw);
    }
    progress_clear(&r.pg);
    if (js->n > 1 && !cli->quiet)
        fprintf(stderr, "%s: %zu file%s %s, %zu failed\n",
                cli_progname, r.done - r.failed,
                r.done - r.failed == 1 ? "" : "s",
                cli->check->only ? "passed" : "converted", r.failed);
    if (r.failed > 0)
        status = EXIT_INPUT;
done:
    for (i = 0; i < nw; i++)
        tc_ctx_free(ws[i].ctx);
    free(ws);
    free(r.finished);
    return status;
}
