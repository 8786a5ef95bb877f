/* convert.c -- the driver: open the input, detect its format, build the
 * chain reader -> filters -> writer, run it, and put the output in place
 * only when everything succeeded. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checker.h"
#include "ctx.h"

struct chain {
    struct tc_stage **st;
    size_t n;
};

static void
chain_free(struct chain *c)
{
    size_t i;

    for (i = 0; i < c->n; i++)
        tc_stage_destroy(c->st[i]);
    free(c->st);
}

/* The first stage: counts the cues the reader passes on, for the lines
 * that end the run, and notes header facts the output cannot carry. */
struct head {
    struct tc_stage base;
    const struct tc_format *to;
};

static int
head_track(struct tc_stage *st, const struct tc_track *t)
{
    struct head *h = (struct head *)st;
    int rc = TC_OK;

    if (t->vtt_header != NULL && t->vtt_header[0] != '\0' &&
        strcmp(h->to->name, "vtt") != 0)
        rc = tc_diagf(st->ctx, TC_D_IGNORED, 0, 0,
                      "the WebVTT header line %.*s, which players need to "
                      "place HLS segments in time, cannot be written in %s",
                      (int)strcspn(t->vtt_header, "\n"), t->vtt_header,
                      h->to->name);
    if (rc != TC_OK)
        return rc;
    return tc_stage_track(st->next, t);
}

static int
head_push(struct tc_stage *st, struct tc_cue *c)
{
    if (!tc_text_is_blank(&c->text))
        st->ctx->cues_in++;
    return tc_stage_push(st->next, c);
}

static void
head_destroy(struct tc_stage *st)
{
    free(st);
}

static const struct tc_stage_ops head_ops = {
    .name = "head",
    .track = head_track,
    .push = head_push,
    .destroy = head_destroy,
};

/* Build filters in order, ending in the writer. */
static int
chain_build(struct tc_ctx *ctx, struct tc_stage *writer, int keeps_short,
            const struct tc_format *to, struct chain *c)
{
    size_t i;
    int rc;

    c->n = 0;
    c->st = calloc(ctx->nfilters + 5, sizeof *c->st);
    if (c->st == NULL) {
        tc_stage_destroy(writer);
        return TC_ERR_NOMEM;
    }
    c->st[c->n++] = writer;
    {
        /* the checker sees what the writer is given */
        struct tc_stage *ck = NULL;

        rc = tc_check_stage_new(ctx, writer, &ck);
        if (rc != TC_OK)
            return rc;
        if (ck != NULL)
            c->st[c->n++] = ck;
    }
    {
        struct tc_stage *ef = NULL;

        rc = tc_endfix_new(ctx, c->st[c->n - 1], keeps_short, &ef);
        if (rc != TC_OK)
            return rc;
        c->st[c->n++] = ef;
    }
    for (i = ctx->nfilters; i-- > 0;) {
        struct tc_stage *st = NULL;

        rc = ctx->filters[i].filter->create(ctx, &ctx->filters[i], &st);
        if (rc == TC_ERR_UNSUPPORTED)
            tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "filter %s: %s",
                     ctx->filters[i].filter->name, tc_strerror(rc));
        if (rc != TC_OK)
            return rc;
        st->ctx = ctx;
        st->next = c->st[c->n - 1];
        c->st[c->n++] = st;
    }
    {
        /* a filter that asked for the language gets it at its first cue */
        struct tc_stage *la = NULL;

        rc = tc_lang_stage_new(ctx, c->st[c->n - 1], &la);
        if (rc != TC_OK)
            return rc;
        if (la != c->st[c->n - 1])
            c->st[c->n++] = la;
    }
    {
        struct head *h = calloc(1, sizeof *h);

        if (h == NULL)
            return TC_ERR_NOMEM;
        h->base.ops = &head_ops;
        h->base.ctx = ctx;
        h->base.next = c->st[c->n - 1];
        h->to = to;
        c->st[c->n++] = &h->base;
    }
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

/* The input's format from its first bytes, then its name.  A live source
 * is not made to wait for the few KiB a slow producer may take minutes to
 * write: the format is decided as soon as the complete lines so far make a
 * probe sure. */
static int
detect(struct tc_ctx *ctx, struct tc_source *src, const char *path,
       const struct tc_format **out, int *sure)
{
    const unsigned char *head = NULL;
    size_t len = 0, n;
    int more = 1, rc;

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

int
tc_detect_format(struct tc_ctx *ctx, const char *in_path,
                 const struct tc_format **out, int *sure)
{
    struct tc_source *src = NULL;
    int rc, dummy;

    *out = NULL;
    if (sure == NULL)
        sure = &dummy;
    *sure = 0;
    rc = tc_source_open(ctx, in_path, &src);
    if (rc == TC_OK)
        rc = detect(ctx, src, in_path, out, sure);
    tc_source_free(src);
    return rc;
}

int
tc_convert(struct tc_ctx *ctx, const char *in_path,
           const struct tc_format *from, const char *out_path,
           const struct tc_format *to)
{
    struct tc_source *src = NULL;
    struct tc_sink *sink = NULL;
    struct tc_stage *writer = NULL;
    struct chain chain = { NULL, 0 };
    struct tc_output out;
    const char *sink_name;
    int rc, prior = ctx->worst;

    ctx->worst = -1;
    memset(&out, 0, sizeof out);
    out.fd = -1;
    tc_lang_reset(ctx);
    ctx->cues_in = ctx->skipped = ctx->discarded = ctx->dropped = 0;
    tc_buf_clear(&ctx->dropwhy);
    rc = tc_check_begin(ctx, in_path);
    if (rc == TC_OK)
        rc = tc_source_open(ctx, in_path, &src);
    if (rc != TC_OK)
        goto done;
    if (from == NULL) {
        int sure;

        rc = detect(ctx, src, in_path, &from, &sure);
        if (rc != TC_OK)
            goto done;
    }
    if (to == NULL)
        to = tc_format_by_extension(out_path);
    if (to == NULL)
        to = tc_format_find("srt");
    if (from->read == NULL) {
        tc_diagf(ctx, TC_D_CANNOT_READ, 0, 0, "%s", from->name);
        rc = TC_ERR_UNSUPPORTED;
        goto done;
    }
    if (to->writer_new == NULL) {
        tc_diagf(ctx, TC_D_CANNOT_WRITE, 0, 0, "%s", to->name);
        rc = TC_ERR_UNSUPPORTED;
        goto done;
    }
    rc = tc_output_open(ctx, out_path, &out);
    if (rc != TC_OK)
        goto done;
    sink_name = out.fd == STDOUT_FILENO ? "<stdout>" : out_path;
    rc = tc_sink_new(ctx, out.fd, sink_name, &sink);
    if (rc != TC_OK)
        goto done;
    rc = to->writer_new(sink, ctx, &writer);
    if (rc != TC_OK)
        goto done;
    writer->ctx = ctx;
    writer->next = NULL;
    rc = chain_build(ctx, writer, to->keeps_short, to, &chain);
    if (rc != TC_OK)
        goto done;
    ctx->out = sink;
    rc = from->read(src, chain.st[chain.n - 1]);
    ctx->out = NULL;
    if (rc != TC_OK && rc != TC_ERR_STRICT && rc != TC_ERR_CLOSED &&
        ctx->worst < TC_SEV_ERROR && tc_sink_status(sink) == TC_OK) {
        /* a failure nobody explained, e.g. the cue text limit of
         * tc_text_append(): never fail without a message */
        if (rc == TC_ERR_LIMIT)
            tc_diagf(ctx, TC_D_LIMIT, tc_lines_lineno(src), 0,
                     "cue text longer than %u bytes", TC_TEXT_MAX_BYTES);
        else
            tc_diagf(ctx, rc == TC_ERR_NOMEM ? TC_D_NOMEM : TC_D_SYNTAX,
                     tc_lines_lineno(src), 0, "%s", tc_strerror(rc));
    }
    if (rc == TC_OK)
        rc = tc_stage_finish(chain.st[chain.n - 1]);
    if (rc == TC_OK && ctx->skipped > 0 && ctx->worst < TC_SEV_ERROR) {
        unsigned long had = ctx->cues_in + ctx->skipped;

        /* one line at the end, so that the count is not lost among the
         * warnings above */
        rc = tc_diagf(ctx, TC_D_SKIPPED, 0, 0, "%lu of %lu (each named "
                      "above); the rest were converted, and --strict "
                      "makes a skipped cue an error", ctx->skipped, had);
    }
    if (tc_sink_flush(sink) != TC_OK &&
        (rc == TC_OK || tc_sink_status(sink) == TC_ERR_CLOSED))
        rc = tc_sink_status(sink);
    if (rc == TC_OK && ctx->worst >= TC_SEV_ERROR)
        rc = TC_ERR_SYNTAX;
done:
    chain_free(&chain);
    tc_sink_free(sink);
    if (out.fd >= 0)
        rc = tc_output_close(ctx, &out, rc);
    tc_source_free(src);
    if (prior > ctx->worst)
        ctx->worst = prior;
    return rc;
}
