/* chain.c -- the filter chain of a context as stages (the language
 * look-ahead, then each filter in order), the chain object that runs it
 * between a reader and a writer (tc_chain_*), and tc_transfer(): reader,
 * chain and writer joined, the one path every conversion takes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "ctx.h"
#include "reader.h"

struct stages {
    struct tc_stage **st;
    size_t n;
};

static void
stages_free(struct stages *c)
{
    size_t i;

    for (i = 0; i < c->n; i++)
        tc_stage_destroy(c->st[i]);
    free(c->st);
    c->st = NULL;
    c->n = 0;
}

/* The context's filters in order, then next; *head is where cues go in
 * (next itself without filters). */
static int
stages_build(struct tc_ctx *ctx, struct tc_stage *next, struct stages *c,
             struct tc_stage **head)
{
    struct tc_stage *top = next;
    size_t i;
    int rc;

    c->n = 0;
    c->st = calloc(ctx->nfilters + 1, sizeof *c->st);
    if (c->st == NULL)
        return TC_ERR_NOMEM;
    tc_lang_reset(ctx);
    for (i = ctx->nfilters; i-- > 0;) {
        struct tc_stage *st = NULL;

        rc = ctx->filters[i].filter->create(ctx, &ctx->filters[i], &st);
        if (rc == TC_ERR_UNSUPPORTED)
            tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "filter %s: %s",
                     ctx->filters[i].filter->name, tc_strerror(rc));
        if (rc != TC_OK)
            return rc;
        st->ctx = ctx;
        st->next = top;
        c->st[c->n++] = st;
        top = st;
    }
    {
        /* a filter that asked for the language gets it at its first cue */
        struct tc_stage *la = NULL;

        rc = tc_lang_stage_new(ctx, top, &la);
        if (rc != TC_OK)
            return rc;
        if (la != top)
            c->st[c->n++] = la;
        top = la;
    }
    *head = top;
    return TC_OK;
}

int
tc_ctx_check(struct tc_ctx *ctx)
{
    size_t i;
    int rc = TC_OK;

    /* building each stage once reads and checks every option it uses */
    for (i = 0; i < ctx->nfilters && rc == TC_OK; i++) {
        struct tc_stage *st = NULL;

        rc = ctx->filters[i].filter->create(ctx, &ctx->filters[i], &st);
        if (st != NULL)
            tc_stage_destroy(st);
    }
    if (rc == TC_OK)
        rc = tc_check_validate(ctx);
    return rc == TC_OK ? TC_OK : TC_ERR_ARG;
}

/* ---- the chain object ---------------------------------------------------- */

struct tc_chain {
    struct tc_ctx *ctx;
    struct stages stages;
    struct tc_stage *head;
    struct tc_stage out;            /* the last stage: queues the cues */
    struct tc_cue **q;
    size_t qhead, qn, qcap;
    int tracked, finished, status;
};

#define CH_OF_OUT(st) \
    ((struct tc_chain *)((char *)(st) - offsetof(struct tc_chain, out)))

static int
out_push(struct tc_stage *st, struct tc_cue *c)
{
    struct tc_chain *ch = CH_OF_OUT(st);

    if (ch->qhead > 0 && ch->qhead == ch->qn)
        ch->qhead = ch->qn = 0;
    if (ch->qn == ch->qcap) {
        size_t cap = ch->qcap ? ch->qcap * 2 : 16;
        struct tc_cue **q = realloc(ch->q, cap * sizeof *q);

        if (q == NULL) {
            tc_cue_free(c);
            return TC_ERR_NOMEM;
        }
        ch->q = q;
        ch->qcap = cap;
    }
    ch->q[ch->qn++] = c;
    return TC_OK;
}

static int
out_track(struct tc_stage *st, const struct tc_track *t)
{
    (void)st;
    (void)t;
    return TC_OK;
}

static int
out_finish(struct tc_stage *st)
{
    (void)st;
    return TC_OK;
}

static const struct tc_stage_ops out_ops = {
    .name = "chain-out",
    .track = out_track,
    .push = out_push,
    .finish = out_finish,
};

int
tc_chain_new(struct tc_ctx *ctx, struct tc_chain **out)
{
    struct tc_chain *ch = calloc(1, sizeof *ch);
    int rc;

    *out = NULL;
    if (ch == NULL)
        return TC_ERR_NOMEM;
    ch->ctx = ctx;
    ch->out.ops = &out_ops;
    ch->out.ctx = ctx;
    rc = stages_build(ctx, &ch->out, &ch->stages, &ch->head);
    if (rc != TC_OK) {
        tc_chain_free(ch);
        return rc;
    }
    *out = ch;
    return TC_OK;
}

int
tc_chain_track(struct tc_chain *ch, const struct tc_track *t)
{
    if (ch->tracked || ch->finished || t == NULL)
        return TC_ERR_ARG;
    ch->tracked = 1;
    return tc_stage_track(ch->head, t);
}

int
tc_chain_put(struct tc_chain *ch, struct tc_cue *c)
{
    int rc;

    if (c == NULL)
        return TC_ERR_ARG;
    if (ch->finished || ch->status != TC_OK) {
        tc_cue_free(c);
        return ch->finished ? TC_ERR_ARG : ch->status;
    }
    ch->tracked = 1;
    rc = tc_stage_push(ch->head, c);
    if (rc != TC_OK)
        ch->status = rc;
    return rc;
}

int
tc_chain_finish(struct tc_chain *ch)
{
    int rc;

    if (ch->finished)
        return TC_ERR_ARG;
    ch->finished = 1;
    if (ch->status != TC_OK)
        return ch->status;
    rc = tc_stage_finish(ch->head);
    if (rc != TC_OK)
        ch->status = rc;
    return rc;
}

int
tc_chain_next(struct tc_chain *ch, struct tc_cue **out)
{
    *out = NULL;
    if (ch->qhead < ch->qn) {
        *out = ch->q[ch->qhead++];
        return TC_OK;
    }
    if (ch->status != TC_OK)
        return ch->status;
    return ch->finished ? TC_END : TC_MORE;
}

void
tc_chain_free(struct tc_chain *ch)
{
    size_t i;

    if (ch == NULL)
        return;
    stages_free(&ch->stages);
    for (i = ch->qhead; i < ch->qn; i++)
        tc_cue_free(ch->q[i]);
    free(ch->q);
    free(ch);
}

/* ---- reader, chain, writer ---------------------------------------------- */

/* The cues of a reader that was pulled from before: the rest of them. */
static int
pull_rest(struct tc_reader *r, struct tc_stage *head)
{
    struct tc_cue *c;
    int rc, tracked = 0;

    for (;;) {
        rc = tc_reader_next(r, &c);
        if (!tracked && tc_reader_track(r) != NULL && rc != TC_MORE) {
            int trc = tc_stage_track(head, tc_reader_track(r));

            tracked = 1;
            if (trc != TC_OK) {
                tc_cue_free(c);
                return trc;
            }
        }
        if (rc == TC_END)
            return TC_OK;
        if (rc == TC_MORE)
            return TC_ERR_ARG;
        if (rc != TC_OK)
            return rc;
        rc = tc_stage_push(head, c);
        if (rc != TC_OK)
            return rc;
    }
}

int
tc_transfer(struct tc_reader *r, struct tc_writer *w)
{
    struct tc_ctx *ctx = tc_reader_ctx(r);
    struct stages stages = { NULL, 0 };
    struct tc_stage *head = NULL;
    int rc, prior = ctx->worst;

    if (tc_writer_ctx(w) != ctx || !tc_reader_fed_all(r))
        return TC_ERR_ARG;
    ctx->worst = -1;
    rc = stages_build(ctx, tc_writer_stage(w), &stages, &head);
    if (rc == TC_OK) {
        tc_reader_on_wait(r, tc_writer_sink_flush, w);
        if (tc_reader_pulled(r))
            rc = pull_rest(r, head);
        else
            rc = tc_reader_run(r, head);
        tc_reader_on_wait(r, NULL, NULL);
    }
    if (rc == TC_OK)
        rc = tc_stage_finish(head);
    tc_writer_mark_finished(w);
    if (rc == TC_OK && ctx->skipped > 0 && ctx->worst < TC_SEV_ERROR) {
        unsigned long had = ctx->cues_in + ctx->skipped;

        /* one line at the end, so that the count is not lost among the
         * warnings above */
        rc = tc_diagf(ctx, TC_D_SKIPPED, 0, 0, "%lu of %lu (each named "
                      "above); the rest were converted, and --strict "
                      "makes a skipped cue an error", ctx->skipped, had);
    }
    {
        int frc = tc_writer_flush(w);

        if (frc != TC_OK && (rc == TC_OK || frc == TC_ERR_CLOSED))
            rc = frc;
    }
    if (rc == TC_OK && ctx->worst >= TC_SEV_ERROR)
        rc = TC_ERR_SYNTAX;
    stages_free(&stages);
    if (prior > ctx->worst)
        ctx->worst = prior;
    return rc;
}
