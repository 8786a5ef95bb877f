/* reader.c -- the reader object: bytes in (fed in pieces, from a callback,
 * a descriptor or a file), cues out.
 *
 * The format readers are written as loops that read lines and push each
 * cue on (format.h).  A driver that has the whole input at hand runs such
 * a loop straight into its stages (tc_transfer(), "direct").  Pulling one
 * cue at a time (tc_reader_next()) turns the loop inside out: the loop
 * then runs on a helper thread, and the two threads take turns, never
 * running at once -- a coroutine.  The helper stops when it has a few
 * cues for the caller or needs input; everything that touches the world
 * -- every read of the input and every diagnostic callback -- is done
 * on the caller's thread, so a callback never runs on a thread the
 * caller does not know.  A cue is handed out as soon as the format's
 * reader lets it go: with a fed reader that is when the bytes fed so far
 * are used up, as a pipe's pause is for the command.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctx.h"
#include "io.h"
#include "reader.h"

#define QUEUE_CUES 32   /* cues the helper makes before it lets the caller
                           have them */

enum mode { M_NEW, M_DIRECT, M_PULL };
enum turn { T_CALLER, T_HELPER };
enum req { RQ_NONE, RQ_READ, RQ_WOULD_WAIT, RQ_LIVE, RQ_TAIL };

/* A cue or a diagnostic, in the order the format's reader made them. */
struct event {
    struct tc_cue *cue;         /* NULL: a diagnostic */
    struct tc_diag d;
    char *file, *detail;        /* copies d points at */
};

/* The input a caller feeds (tc_reader_new()). */
#define FED_TAIL 1024         /* the last bytes fed, for tc_io_tail() */

struct fed {
    struct tc_io base;
    struct tc_buf b;
    size_t pos;
    int ended;
    char tail[FED_TAIL];
    size_t ntail;
};

struct tc_reader {
    struct tc_ctx *ctx;
    const struct tc_format *from;
    struct tc_io *io;           /* the input itself */
    struct fed *fed;            /* io, when fed */
    char *name;
    struct tc_source *src;
    int prepared;               /* source made, format known */
    enum mode mode;
    struct tc_track *track;     /* a copy of what the format announced */
    struct tc_stage front;      /* the first stage: counts, keeps track */
    struct tc_stage *target;    /* direct: where front forwards */
    int (*on_wait)(void *ud);   /* before a read that may wait */
    void *wait_ud;
    /* pull: the helper thread and what the two threads share */
    struct tc_io proxy;         /* the input as the helper sees it */
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int sync_ok;
    enum turn turn;
    int started, done, cancel, result, ended_said;
    struct event *ev;           /* the queue: ev[head..n) */
    size_t nev, evhead, evcap, ncues;
    enum req req;               /* the helper's pending request */
    void *req_buf;
    size_t req_n;
    long req_rc;
    int live_known, live_cache;
    tc_diag_fn user_fn;         /* the context's callback, while the
                                   helper's diagnostics are queued */
    void *user_ud;
};

#define R_OF_FRONT(st) \
    ((struct tc_reader *)((char *)(st) - offsetof(struct tc_reader, front)))
#define R_OF_PROXY(io) \
    ((struct tc_reader *)((char *)(io) - offsetof(struct tc_reader, proxy)))

/* ---- the fed input ---------------------------------------------------- */

static long
fed_read(struct tc_io *io, void *buf, size_t n)
{
    struct fed *f = (struct fed *)io;
    size_t have = f->b.len - f->pos;

    if (have == 0)
        return f->ended ? 0 : TC_AGAIN;
    if (n > have)
        n = have;
    memcpy(buf, f->b.data + f->pos, n);
    f->pos += n;
    if (f->pos == f->b.len) {
        tc_buf_clear(&f->b);
        f->pos = 0;
    }
    return (long)n;
}

/* Once all is fed, its end is known. */
static long
fed_tail(struct tc_io *io, void *buf, size_t n)
{
    struct fed *f = (struct fed *)io;

    if (!f->ended)
        return 0;
    if (n > f->ntail)
        n = f->ntail;
    memcpy(buf, f->tail + f->ntail - n, n);
    return (long)n;
}

static int
fed_would_wait(struct tc_io *io)
{
    struct fed *f = (struct fed *)io;

    return f->pos == f->b.len && !f->ended;
}

static int
fed_live(struct tc_io *io)
{
    return !((struct fed *)io)->ended;
}

static void
fed_close(struct tc_io *io)
{
    tc_buf_release(&((struct fed *)io)->b);
    free(io);
}

static const struct tc_io_ops fed_ops = {
    fed_read, NULL, fed_would_wait, fed_live, fed_close, fed_tail
};

/* ---- the first stage: counts cues, keeps the track ----------------------- */

static int
enqueue_cue(struct tc_reader *r, struct tc_cue *c);

static int
front_track(struct tc_stage *st, const struct tc_track *t)
{
    struct tc_reader *r = R_OF_FRONT(st);

    tc_track_release(r->track);
    r->track = tc_track_dup(t);
    if (r->track == NULL)
        return TC_ERR_NOMEM;
    return r->target != NULL ? tc_stage_track(r->target, t) : TC_OK;
}

static int
front_push(struct tc_stage *st, struct tc_cue *c)
{
    struct tc_reader *r = R_OF_FRONT(st);

    if (!tc_text_is_blank(&c->text))
        r->ctx->cues_in++;
    if (r->target != NULL)
        return tc_stage_push(r->target, c);
    return enqueue_cue(r, c);
}

static const struct tc_stage_ops front_ops = {
    .name = "reader",
    .track = front_track,
    .push = front_push,
};

/* ---- detection -------------------------------------------------------- */

int
tc_source_detect(struct tc_ctx *ctx, struct tc_source *src,
                 const char *path, const struct tc_format **out, int *sure)
{
    const unsigned char *head = NULL;
    size_t len = 0, n;
    int more = 1, rc;

    /* a live source is not made to wait for the few KiB a slow producer
     * may take minutes to write: the format is decided as soon as the
     * complete lines so far make a probe sure */
    *out = NULL;
    while (more) {
        rc = tc_source_peek_some(src, &head, &len, &more);
        if (rc != TC_OK)
            return rc;
        for (n = len; more && n > 0 && head[n - 1] != '\n'; n--)
            ;
        if (more && n > 0) {
            *out = tc_format_detect_sure(head, n);
            if (*out != NULL) {
                *sure = 1;
                return TC_OK;
            }
        }
    }
    *sure = tc_format_detect_sure(head, len) != NULL;
    *out = tc_format_detect(head, len, path);
    if (*out == NULL) {
        tc_diagf(ctx, TC_D_FORMAT_UNKNOWN, 0, 0,
                 "%s; name it with --from (see --list-formats)",
                 len == 0 ? "the input is empty"
                          : "no known format matches the content");
        return TC_ERR_UNKNOWN_FORMAT;
    }
    return TC_OK;
}

/* ---- running the format's reader ---------------------------------------- */

static int
proxy_on_wait(void *ud)
{
    (void)ud;
    return TC_OK;   /* pull: the caller's thread does it (serve()) */
}

/* Make the source and know the format.  Direct: on the caller's thread;
 * pull: on the helper, through the proxy. */
static int
prepare(struct tc_reader *r)
{
    int rc, sure;

    if (r->prepared)
        return TC_OK;
    r->prepared = 1;
    rc = tc_source_new(r->ctx, r->mode == M_PULL ? &r->proxy : r->io, 0,
                       r->name, &r->src);
    if (rc != TC_OK)
        return rc;
    if (r->mode == M_PULL)
        tc_source_on_wait(r->src, proxy_on_wait, r);
    else
        tc_source_on_wait(r->src, r->on_wait, r->wait_ud);
    if (r->from == NULL) {
        rc = tc_source_detect(r->ctx, r->src, r->name, &r->from, &sure);
        if (rc != TC_OK)
            return rc;
    }
    if (r->from->read == NULL) {
        tc_diagf(r->ctx, TC_D_CANNOT_READ, 0, 0, "%s", r->from->name);
        return TC_ERR_UNSUPPORTED;
    }
    return TC_OK;
}

int
tc_reader_pulled(const struct tc_reader *r)
{
    return r->mode == M_PULL;
}

int
tc_reader_prepare(struct tc_reader *r)
{
    if (r->mode == M_PULL)
        return TC_ERR_ARG;
    r->mode = M_DIRECT;
    return prepare(r);
}

/* The format's reader, start to end, into the front stage. */
static int
run_format(struct tc_reader *r)
{
    int rc = prepare(r);

    if (rc == TC_OK)
        rc = r->from->read(r->src, &r->front);
    if (rc != TC_OK && rc != TC_ERR_STRICT && rc != TC_ERR_CLOSED &&
        !r->cancel && r->ctx->worst < TC_SEV_ERROR) {
        /* a failure nobody explained, e.g. the cue text limit of
         * tc_text_append(): never fail without a message */
        unsigned long line = r->src != NULL ? tc_lines_lineno(r->src) : 0;

        if (rc == TC_ERR_LIMIT)
            tc_diagf(r->ctx, TC_D_LIMIT, line, 0,
                     "cue text longer than %u bytes", TC_TEXT_MAX_BYTES);
        else
            tc_diagf(r->ctx, rc == TC_ERR_NOMEM ? TC_D_NOMEM : TC_D_SYNTAX,
                     line, 0, "%s", tc_strerror(rc));
    }
    return rc;
}

int
tc_reader_run(struct tc_reader *r, struct tc_stage *next)
{
    int rc = tc_reader_prepare(r);

    if (rc != TC_OK)
        return rc;
    r->target = next;
    rc = run_format(r);
    r->target = NULL;
    return rc;
}

void
tc_reader_on_wait(struct tc_reader *r, int (*fn)(void *ud), void *ud)
{
    r->on_wait = fn;
    r->wait_ud = ud;
    if (r->src != NULL && r->mode == M_DIRECT)
        tc_source_on_wait(r->src, fn, ud);
}

/* ---- the coroutine: the helper's side --------------------------------- */

/* Hand the turn to the caller and wait for it to come back. */
static void
helper_yield(struct tc_reader *r)
{
    pthread_mutex_lock(&r->mu);
    r->turn = T_CALLER;
    pthread_cond_broadcast(&r->cv);
    while (r->turn != T_HELPER)
        pthread_cond_wait(&r->cv, &r->mu);
    pthread_mutex_unlock(&r->mu);
}

static int
queue_grow(struct tc_reader *r)
{
    if (r->evhead > 0 && r->evhead == r->nev)
        r->evhead = r->nev = 0;
    if (r->nev == r->evcap) {
        size_t cap = r->evcap ? r->evcap * 2 : 64;
        struct event *ev = realloc(r->ev, cap * sizeof *ev);

        if (ev == NULL)
            return TC_ERR_NOMEM;
        r->ev = ev;
        r->evcap = cap;
    }
    return TC_OK;
}

static int
enqueue_cue(struct tc_reader *r, struct tc_cue *c)
{
    if (r->cancel || queue_grow(r) != TC_OK) {
        tc_cue_free(c);
        return r->cancel ? TC_ERR_CLOSED : TC_ERR_NOMEM;
    }
    memset(&r->ev[r->nev], 0, sizeof r->ev[r->nev]);
    r->ev[r->nev++].cue = c;
    if (++r->ncues >= QUEUE_CUES)
        helper_yield(r);
    return r->cancel ? TC_ERR_CLOSED : TC_OK;
}

/* The context's diagnostic callback while the helper runs. */
static void
queue_diag(const struct tc_diag *d, void *ud)
{
    struct tc_reader *r = ud;
    struct event *e;

    if (r->cancel || queue_grow(r) != TC_OK)
        return;
    e = &r->ev[r->nev];
    memset(e, 0, sizeof *e);
    e->d = *d;
    e->file = d->file != NULL ? strdup(d->file) : NULL;
    e->detail = d->detail != NULL ? strdup(d->detail) : NULL;
    if ((d->file != NULL && e->file == NULL) ||
        (d->detail != NULL && e->detail == NULL)) {
        free(e->file);
        free(e->detail);
        return;
    }
    e->d.file = e->file;
    e->d.detail = e->detail;
    r->nev++;
}

/* Ask the caller's thread to do something with the input. */
static long
request(struct tc_reader *r, enum req what, void *buf, size_t n)
{
    if (r->cancel)
        return TC_ERR_CLOSED;
    r->req = what;
    r->req_buf = buf;
    r->req_n = n;
    helper_yield(r);
    return r->cancel ? TC_ERR_CLOSED : r->req_rc;
}

static long
proxy_read(struct tc_io *io, void *buf, size_t n)
{
    return request(R_OF_PROXY(io), RQ_READ, buf, n);
}

static int
proxy_would_wait(struct tc_io *io)
{
    return request(R_OF_PROXY(io), RQ_WOULD_WAIT, NULL, 0) == 1;
}

static int
proxy_live(struct tc_io *io)
{
    struct tc_reader *r = R_OF_PROXY(io);

    if (!r->live_known)
        request(r, RQ_LIVE, NULL, 0);
    return r->live_cache;
}

static void
proxy_close(struct tc_io *io)
{
    (void)io;
}

static long
proxy_tail(struct tc_io *io, void *buf, size_t n)
{
    return request(R_OF_PROXY(io), RQ_TAIL, buf, n);
}

static const struct tc_io_ops proxy_ops = {
    proxy_read, NULL, proxy_would_wait, proxy_live, proxy_close, proxy_tail
};

static void *
helper_main(void *arg)
{
    struct tc_reader *r = arg;
    int rc = run_format(r);

    pthread_mutex_lock(&r->mu);
    r->result = rc;
    r->done = 1;
    r->turn = T_CALLER;
    pthread_cond_broadcast(&r->cv);
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* ---- the coroutine: the caller's side ------------------------------------ */

/* Let the helper run until it hands the turn back. */
static int
resume(struct tc_reader *r)
{
    struct tc_ctx *ctx = r->ctx;
    int rc = TC_OK;

    r->user_fn = ctx->diag_fn;
    r->user_ud = ctx->diag_ud;
    ctx->diag_fn = queue_diag;
    ctx->diag_ud = r;
    r->ncues = 0;
    pthread_mutex_lock(&r->mu);
    r->turn = T_HELPER;
    if (!r->started) {
        sigset_t all, old;

        /* signals stay with the application's own threads */
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &old);
        rc = pthread_create(&r->thread, NULL, helper_main, r);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        if (rc != 0) {
            r->turn = T_CALLER;
            rc = TC_ERR_NOMEM;
        } else {
            r->started = 1;
        }
    } else {
        pthread_cond_broadcast(&r->cv);
    }
    while (r->turn != T_CALLER)
        pthread_cond_wait(&r->cv, &r->mu);
    pthread_mutex_unlock(&r->mu);
    ctx->diag_fn = r->user_fn;
    ctx->diag_ud = r->user_ud;
    return rc;
}

/* Do the helper's request here.  TC_MORE: a fed reader needs input. */
static int
serve(struct tc_reader *r)
{
    long rc;

    switch (r->req) {
    case RQ_READ:
        if (r->on_wait != NULL && tc_io_live(r->io)) {
            rc = r->on_wait(r->wait_ud);
            if (rc != TC_OK) {
                r->req_rc = rc;
                break;
            }
        }
        r->io->err = 0;
        rc = tc_io_read(r->io, r->req_buf, r->req_n);
        if (rc == TC_AGAIN)
            return TC_MORE;
        r->proxy.err = r->io->err;
        r->req_rc = rc;
        break;
    case RQ_WOULD_WAIT:
        r->req_rc = tc_io_would_wait(r->io);
        break;
    case RQ_TAIL:
        r->req_rc = tc_io_tail(r->io, r->req_buf, r->req_n);
        break;
    case RQ_LIVE:
    case RQ_NONE:
        break;
    }
    r->live_cache = tc_io_live(r->io);
    r->live_known = 1;
    r->req = RQ_NONE;
    return TC_OK;
}

static void
event_release(struct event *e)
{
    free(e->file);
    free(e->detail);
}

int
tc_reader_next(struct tc_reader *r, struct tc_cue **out)
{
    int rc;

    *out = NULL;
    if (r->mode == M_DIRECT)
        return TC_ERR_ARG;
    if (r->mode == M_NEW) {
        r->mode = M_PULL;
        if (!r->sync_ok) {
            if (pthread_mutex_init(&r->mu, NULL) != 0)
                return TC_ERR_NOMEM;
            if (pthread_cond_init(&r->cv, NULL) != 0) {
                pthread_mutex_destroy(&r->mu);
                return TC_ERR_NOMEM;
            }
            r->sync_ok = 1;
        }
    }
    for (;;) {
        while (r->evhead < r->nev) {
            struct event *e = &r->ev[r->evhead++];

            if (e->cue != NULL) {
                *out = e->cue;
                return TC_OK;
            }
            if (r->ctx->diag_fn != NULL)
                r->ctx->diag_fn(&e->d, r->ctx->diag_ud);
            event_release(e);
        }
        r->evhead = r->nev = 0;
        if (r->done) {
            if (r->started) {
                pthread_join(r->thread, NULL);
                r->started = 0;
            }
            return r->result != TC_OK ? r->result : TC_END;
        }
        if (r->req != RQ_NONE && serve(r) == TC_MORE)
            return TC_MORE;
        rc = resume(r);
        if (rc != TC_OK)
            return rc;
    }
}

/* ---- making and freeing ----------------------------------------------- */

static int
reader_new(struct tc_ctx *ctx, const struct tc_format *from,
           struct tc_io *io, const char *name, struct tc_reader **out)
{
    struct tc_reader *r;

    *out = NULL;
    if (io == NULL)
        return TC_ERR_NOMEM;
    r = calloc(1, sizeof *r);
    if (r == NULL || (name != NULL && (r->name = strdup(name)) == NULL)) {
        free(r);
        tc_io_free(io);
        return TC_ERR_NOMEM;
    }
    r->ctx = ctx;
    r->from = from;
    r->io = io;
    r->front.ops = &front_ops;
    r->front.ctx = ctx;
    r->proxy.ops = &proxy_ops;
    /* a new input: the counts for its closing lines start again */
    ctx->cues_in = ctx->skipped = ctx->discarded = ctx->dropped = 0;
    tc_buf_clear(&ctx->dropwhy);
    *out = r;
    return TC_OK;
}

int
tc_reader_new(struct tc_ctx *ctx, const struct tc_format *from,
              struct tc_reader **out)
{
    struct fed *f = calloc(1, sizeof *f);
    int rc;

    if (f != NULL) {
        f->base.ops = &fed_ops;
        tc_buf_init(&f->b, 0);
    }
    rc = reader_new(ctx, from, f != NULL ? &f->base : NULL, NULL, out);
    if (rc == TC_OK)
        (*out)->fed = f;
    return rc;
}

int
tc_reader_new_cb(struct tc_ctx *ctx, const struct tc_format *from,
                 tc_read_fn fn, void *ud, struct tc_reader **out)
{
    struct tc_io *io = NULL;

    *out = NULL;
    if (fn == NULL)
        return TC_ERR_ARG;
    tc_io_cb_in(fn, ud, &io);
    return reader_new(ctx, from, io, NULL, out);
}

int
tc_reader_new_fd(struct tc_ctx *ctx, const struct tc_format *from, int fd,
                 const char *name, struct tc_reader **out)
{
    struct tc_io *io = NULL;

    *out = NULL;
    if (fd < 0)
        return TC_ERR_ARG;
    tc_io_fd(fd, 0, &io);
    return reader_new(ctx, from, io, name, out);
}

int
tc_reader_open(struct tc_ctx *ctx, const struct tc_format *from,
               const char *path, struct tc_reader **out)
{
    int std = path == NULL || strcmp(path, "-") == 0;
    int fd = std ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    struct tc_io *io = NULL;

    *out = NULL;
    if (fd < 0) {
        const char *saved = tc_ctx_file(ctx);

        tc_ctx_set_file(ctx, path);
        tc_diagf(ctx, TC_D_IO, 0, 0, "cannot open: %s", strerror(errno));
        tc_ctx_set_file(ctx, saved);
        return TC_ERR_IO;
    }
    if (tc_io_fd(fd, !std, &io) != TC_OK && !std)
        close(fd);
    return reader_new(ctx, from, io, std ? "<stdin>" : path, out);
}

int
tc_reader_set_name(struct tc_reader *r, const char *name)
{
    char *copy = NULL;

    if (r->mode != M_NEW)
        return TC_ERR_ARG;
    if (name != NULL && (copy = strdup(name)) == NULL)
        return TC_ERR_NOMEM;
    free(r->name);
    r->name = copy;
    return TC_OK;
}

/* Keep the last FED_TAIL bytes fed. */
static void
fed_keep_tail(struct fed *f, const char *p, size_t n)
{
    size_t keep = n >= FED_TAIL ? 0 : FED_TAIL - n;

    if (keep > f->ntail)
        keep = f->ntail;
    memmove(f->tail, f->tail + f->ntail - keep, keep);
    if (n > FED_TAIL) {
        p += n - FED_TAIL;
        n = FED_TAIL;
    }
    memcpy(f->tail + keep, p, n);
    f->ntail = keep + n;
}

int
tc_reader_feed(struct tc_reader *r, const void *data, size_t len)
{
    if (r->fed == NULL || r->fed->ended)
        return TC_ERR_ARG;
    if (len == 0)
        return TC_OK;
    if (data == NULL)
        return TC_ERR_ARG;
    fed_keep_tail(r->fed, data, len);
    return tc_buf_add(&r->fed->b, data, len);
}

int
tc_reader_feed_end(struct tc_reader *r)
{
    if (r->fed == NULL)
        return TC_ERR_ARG;
    r->fed->ended = 1;
    return TC_OK;
}

int
tc_reader_fed_all(const struct tc_reader *r)
{
    return r->fed == NULL || r->fed->ended;
}

const struct tc_format *
tc_reader_format(const struct tc_reader *r)
{
    return r->prepared ? r->from : NULL;
}

const struct tc_track *
tc_reader_track(const struct tc_reader *r)
{
    return r->track;
}

struct tc_ctx *
tc_reader_ctx(const struct tc_reader *r)
{
    return r->ctx;
}

unsigned long
tc_reader_lineno(const struct tc_reader *r)
{
    return r->src != NULL ? tc_lines_lineno(r->src) : 0;
}

void
tc_reader_free(struct tc_reader *r)
{
    size_t i;

    if (r == NULL)
        return;
    if (r->started && !r->done) {
        /* the helper unwinds: every request and push now fails */
        r->cancel = 1;
        r->req = RQ_NONE;
        while (!r->done)
            resume(r);
    }
    if (r->started)
        pthread_join(r->thread, NULL);
    for (i = r->evhead; i < r->nev; i++) {
        tc_cue_free(r->ev[i].cue);
        event_release(&r->ev[i]);
    }
    free(r->ev);
    if (r->sync_ok) {
        pthread_mutex_destroy(&r->mu);
        pthread_cond_destroy(&r->cv);
    }
    tc_source_free(r->src);
    tc_io_free(r->io);
    tc_track_release(r->track);
    free(r->name);
    free(r);
}
