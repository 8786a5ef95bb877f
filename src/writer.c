/* writer.c -- the writer object: cues in, bytes out (to memory, a
 * callback or a descriptor).  Its stages: a front that notes the header
 * facts the format cannot carry, endfix (src/endfix.c: no cue leaves
 * without a sane end), the checker when the run needs one (checker.h: it
 * sees what the format is given), then the format's writer on a sink. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "ctx.h"
#include "io.h"
#include "reader.h"

struct tc_writer {
    struct tc_ctx *ctx;
    const struct tc_format *to;
    struct tc_io *io;
    struct tc_sink *sink;
    struct tc_stage front;
    struct tc_stage *fmt, *check, *endfix;
    char *name;
    int started;            /* the track or a cue went in */
    int finished;
};

#define W_OF_FRONT(st) \
    ((struct tc_writer *)((char *)(st) - offsetof(struct tc_writer, front)))

static int
front_track(struct tc_stage *st, const struct tc_track *t)
{
    struct tc_writer *w = W_OF_FRONT(st);
    int rc = TC_OK;

    if (t->vtt_header != NULL && t->vtt_header[0] != '\0' &&
        strcmp(w->to->name, "vtt") != 0)
        rc = tc_diagf(st->ctx, TC_D_IGNORED, 0, 0,
                      "the WebVTT header line %.*s, which players need to "
                      "place HLS segments in time, cannot be written in %s",
                      (int)strcspn(t->vtt_header, "\n"), t->vtt_header,
                      w->to->name);
    if (rc != TC_OK)
        return rc;
    return tc_stage_track(st->next, t);
}

static int
front_push(struct tc_stage *st, struct tc_cue *c)
{
    return tc_stage_push(st->next, c);
}

static const struct tc_stage_ops front_ops = {
    .name = "writer",
    .track = front_track,
    .push = front_push,
};

static int
writer_new(struct tc_ctx *ctx, const struct tc_format *to, struct tc_io *io,
           const char *name, struct tc_writer **out)
{
    struct tc_writer *w;
    int rc;

    *out = NULL;
    if (io == NULL)
        return TC_ERR_NOMEM;
    if (to == NULL) {
        tc_io_free(io);
        return TC_ERR_ARG;
    }
    if (!tc_format_can_write(to)) {
        tc_io_free(io);
        tc_diagf(ctx, TC_D_CANNOT_WRITE, 0, 0, "%s", to->name);
        return TC_ERR_UNSUPPORTED;
    }
    w = calloc(1, sizeof *w);
    if (w == NULL || (name != NULL && (w->name = strdup(name)) == NULL)) {
        free(w);
        tc_io_free(io);
        return TC_ERR_NOMEM;
    }
    w->ctx = ctx;
    w->to = to;
    w->io = io;
    w->front.ops = &front_ops;
    w->front.ctx = ctx;
    rc = tc_sink_new_io(ctx, io, 0, w->name, &w->sink);
    if (rc == TC_OK)
        rc = tc_format_writer_new(to, w->sink, ctx, &w->fmt);
    if (rc == TC_OK) {
        w->fmt->ctx = ctx;
        w->fmt->next = NULL;
        rc = tc_check_stage_new(ctx, w->fmt, &w->check);
    }
    if (rc == TC_OK)
        rc = tc_endfix_new(ctx, w->check != NULL ? w->check : w->fmt,
                           to->keeps_short, &w->endfix);
    if (rc != TC_OK) {
        tc_writer_free(w);
        return rc;
    }
    w->front.next = w->endfix;
    *out = w;
    return TC_OK;
}

int
tc_writer_new(struct tc_ctx *ctx, const struct tc_format *to,
              struct tc_writer **out)
{
    struct tc_io *io = NULL;

    tc_io_mem_out(&io);
    return writer_new(ctx, to, io, NULL, out);
}

int
tc_writer_new_cb(struct tc_ctx *ctx, const struct tc_format *to,
                 tc_write_fn fn, void *ud, struct tc_writer **out)
{
    struct tc_io *io = NULL;

    *out = NULL;
    if (fn == NULL)
        return TC_ERR_ARG;
    tc_io_cb_out(fn, ud, &io);
    return writer_new(ctx, to, io, NULL, out);
}

int
tc_writer_new_fd(struct tc_ctx *ctx, const struct tc_format *to, int fd,
                 const char *name, struct tc_writer **out)
{
    struct tc_io *io = NULL;

    *out = NULL;
    if (fd < 0)
        return TC_ERR_ARG;
    tc_io_fd(fd, 0, &io);
    return writer_new(ctx, to, io, name, out);
}

int
tc_writer_track(struct tc_writer *w, const struct tc_track *t)
{
    if (w->started || w->finished || t == NULL)
        return TC_ERR_ARG;
    w->started = 1;
    return tc_stage_track(&w->front, t);
}

int
tc_writer_put(struct tc_writer *w, struct tc_cue *c)
{
    int rc;

    if (c == NULL)
        return TC_ERR_ARG;
    if (w->finished) {
        tc_cue_free(c);
        return TC_ERR_ARG;
    }
    rc = tc_sink_status(w->sink);
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    w->started = 1;
    return tc_stage_push(&w->front, c);
}

int
tc_writer_flush(struct tc_writer *w)
{
    return tc_sink_flush(w->sink);
}

int
tc_writer_finish(struct tc_writer *w)
{
    int rc;

    if (w->finished)
        return TC_ERR_ARG;
    w->finished = 1;
    rc = tc_stage_finish(&w->front);
    if (tc_sink_flush(w->sink) != TC_OK &&
        (rc == TC_OK || tc_sink_status(w->sink) == TC_ERR_CLOSED))
        rc = tc_sink_status(w->sink);
    return rc;
}

const char *
tc_writer_data(struct tc_writer *w, size_t *len)
{
    size_t dummy;

    if (len == NULL)
        len = &dummy;
    tc_sink_flush(w->sink);
    return tc_io_mem_data(w->io, len);
}

const struct tc_format *
tc_writer_format(const struct tc_writer *w)
{
    return w->to;
}

void
tc_writer_free(struct tc_writer *w)
{
    if (w == NULL)
        return;
    tc_stage_destroy(w->endfix);
    tc_stage_destroy(w->check);
    tc_stage_destroy(w->fmt);
    tc_sink_free(w->sink);
    tc_io_free(w->io);
    free(w->name);
    free(w);
}

/* ---- for the drivers ----------------------------------------------------- */

struct tc_stage *
tc_writer_stage(struct tc_writer *w)
{
    w->started = 1;
    return &w->front;
}

struct tc_ctx *
tc_writer_ctx(const struct tc_writer *w)
{
    return w->ctx;
}

void
tc_writer_mark_finished(struct tc_writer *w)
{
    w->finished = 1;
}

int
tc_writer_sink_flush(void *w)
{
    return tc_sink_flush(((struct tc_writer *)w)->sink);
}
