/* wstage.c -- the one writer stage: what every format's writer shares (its
 * state, cues without text, freeing each cue, the status it returns), with
 * the format's own work in hooks (struct tc_wr_hooks in format.h). */
#include "config.h"

#include <stdlib.h>

#include "ctx.h"

void
tc_wr_keep(struct tc_wr *w, int rc)
{
    if (rc != TC_OK && w->rc == TC_OK)
        w->rc = rc;
}

static int
status(struct tc_wr *w, int rc)
{
    if (rc == TC_OK)
        rc = w->rc;
    return rc == TC_OK ? tc_sink_status(w->sink) : rc;
}

static int
wr_track(struct tc_stage *st, const struct tc_track *t)
{
    struct tc_wr *w = (struct tc_wr *)st;

    return status(w, w->hooks->track != NULL ? w->hooks->track(w, t)
                                             : TC_OK);
}

static int
wr_push(struct tc_stage *st, struct tc_cue *c)
{
    struct tc_wr *w = (struct tc_wr *)st;
    int rc;

    if (w->hooks->blank != NULL && tc_text_is_blank(&c->text)) {
        tc_diagf(w->ctx, TC_D_CUE_DROPPED, c->line, 0, "%s",
                 w->hooks->blank);
        tc_cue_free(c);
        return status(w, TC_OK);
    }
    rc = w->hooks->cue(w, c);
    tc_cue_free(c);
    w->written++;
    return status(w, rc);
}

static int
wr_finish(struct tc_stage *st)
{
    struct tc_wr *w = (struct tc_wr *)st;

    return status(w, w->hooks->end != NULL ? w->hooks->end(w) : TC_OK);
}

static void
wr_destroy(struct tc_stage *st)
{
    struct tc_wr *w = (struct tc_wr *)st;

    if (w->hooks->close != NULL)
        w->hooks->close(w);
    free(w);
}

static const struct tc_stage_ops wr_ops = {
    .name = "writer",
    .track = wr_track,
    .push = wr_push,
    .finish = wr_finish,
    .destroy = wr_destroy,
};

int
tc_format_writer_new(const struct tc_format *f, struct tc_sink *sink,
                     struct tc_ctx *ctx, struct tc_stage **out)
{
    const struct tc_wr_hooks *h = f->writer;
    struct tc_wr *w;
    int rc;

    *out = NULL;
    if (h == NULL)
        return f->writer_new != NULL ? f->writer_new(sink, ctx, out)
                                     : TC_ERR_UNSUPPORTED;
    w = calloc(1, h->size > sizeof *w ? h->size : sizeof *w);
    if (w == NULL)
        return TC_ERR_NOMEM;
    w->st.ops = &wr_ops;
    w->st.ctx = ctx;
    w->ctx = ctx;
    w->sink = sink;
    w->hooks = h;
    rc = h->open != NULL ? h->open(w) : TC_OK;
    if (rc != TC_OK) {
        wr_destroy(&w->st);
        return rc;
    }
    *out = &w->st;
    return TC_OK;
}
