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

static void
output_diag(struct tc_ctx *ctx, const char *path, const char *what)
{
    const char *saved = tc_ctx_file(ctx);

    tc_ctx_set_file(ctx, path);
    tc_diagf(ctx, TC_D_IO, 0, 0, "%s: %s", what, strerror(errno));
    tc_ctx_set_file(ctx, saved);
}

/* Where a symbolic link points, so that the link survives the rename; a
 * dangling link is followed one step, to the file it will create. */
static char *
link_target(const char *path)
{
    char buf[4096], *p;
    const char *slash;
    ssize_t n;
    size_t size;

    p = realpath(path, NULL);
    if (p != NULL || errno != ENOENT)
        return p;
    n = readlink(path, buf, sizeof buf - 1);
    if (n < 0)
        return NULL;
    buf[n] = '\0';
    slash = strrchr(path, '/');
    if (buf[0] == '/' || slash == NULL)
        return strdup(buf);
    size = (size_t)(slash - path) + 1 + (size_t)n + 1;
    p = malloc(size);
    if (p != NULL)
        snprintf(p, size, "%.*s%s", (int)(slash - path + 1), path, buf);
    return p;
}

/* Open the output.  A regular file (or a new one) is written under a
 * hidden temporary name in the directory of its real path and renamed
 * over *target at the end, so a failed run leaves nothing half-written and
 * a symbolic link keeps pointing at the file.  Anything else -- a device
 * such as /dev/null, a FIFO, a terminal -- has no content to protect and
 * must not be replaced: it is written directly (*tmp stays NULL). */
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

static int
open_output(struct tc_ctx *ctx, const char *out_path, char **tmp,
            char **target, int *fd)
{
    struct stat st;
    mode_t um;

    *tmp = NULL;
    *target = NULL;
    /* /dev/stdout names a descriptor, not a file: opening it anew would
     * start at offset 0 of whatever it points to (losing a '>>' log's
     * contents), and renaming over its target would replace that file */
    if (out_path == NULL || strcmp(out_path, "-") == 0 ||
        strcmp(out_path, "/dev/stdout") == 0) {
        *fd = STDOUT_FILENO;
        return TC_OK;
    }
    if (strcmp(out_path, "/dev/stderr") == 0) {
        *fd = STDERR_FILENO;
        return TC_OK;
    }
    if (stat(out_path, &st) == 0 && !S_ISREG(st.st_mode)) {
        *fd = open(out_path, O_WRONLY);
        if (*fd < 0) {
            output_diag(ctx, out_path, "cannot open for writing");
            return TC_ERR_IO;
        }
        return TC_OK;
    }
    if (lstat(out_path, &st) == 0 && S_ISLNK(st.st_mode))
        *target = link_target(out_path);
    else
        *target = strdup(out_path);
    if (*target == NULL) {
        output_diag(ctx, out_path, "cannot resolve");
        return TC_ERR_IO;
    }
    {
        const char *slash = strrchr(*target, '/');
        int dirlen = slash ? (int)(slash - *target) + 1 : 0;
        size_t size = strlen(*target) + 16;

        *tmp = malloc(size);
        if (*tmp == NULL)
            return TC_ERR_NOMEM;
        snprintf(*tmp, size, "%.*s.%s.XXXXXX", dirlen, *target,
                 *target + dirlen);
    }
    *fd = mkstemp(*tmp);
    if (*fd < 0) {
        output_diag(ctx, out_path, "cannot create");
        free(*tmp);
        *tmp = NULL;
        return TC_ERR_IO;
    }
    /* a file that is replaced keeps its permissions; a new one gets the
     * usual 0666 less the umask */
    if (stat(*target, &st) == 0) {
        fchmod(*fd, st.st_mode & 07777);
    } else {
        um = umask(0);
        umask(um);
        fchmod(*fd, 0666 & ~um);
    }
    return TC_OK;
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
    const char *sink_name;
    char *tmp = NULL, *target = NULL;
    int fd = -1, rc, prior = ctx->worst;

    ctx->worst = -1;
    tc_lang_reset(ctx);
    ctx->cues_in = ctx->skipped = ctx->discarded = ctx->dropped = 0;
    tc_buf_clear(&ctx->dropwhy);
    rc = tc_check_begin(ctx, in_path);
    if (rc == TC_OK)
        rc = tc_source_open(ctx, in_path, &src);
    if (rc != TC_OK)
        goto done;
    if (from == NULL) {
        const unsigned char *head;
        size_t len;

        rc = tc_source_peek(src, &head, &len);
        if (rc != TC_OK)
            goto done;
        from = tc_format_detect(head, len, in_path);
        if (from == NULL) {
            tc_diagf(ctx, TC_D_FORMAT_UNKNOWN, 0, 0,
                     "%s; name it with --from (see --list-formats)",
                     len == 0 ? "the input is empty"
                              : "no known format matches the content");
            rc = TC_ERR_UNKNOWN_FORMAT;
            goto done;
        }
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
    rc = open_output(ctx, out_path, &tmp, &target, &fd);
    if (rc != TC_OK)
        goto done;
    sink_name = fd == STDOUT_FILENO ? "<stdout>" : out_path;
    rc = tc_sink_new(ctx, fd, sink_name, &sink);
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
    if (rc != TC_OK && rc != TC_ERR_STRICT && ctx->worst < TC_SEV_ERROR) {
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
    if (tc_sink_flush(sink) != TC_OK && rc == TC_OK)
        rc = TC_ERR_IO;
    if (rc == TC_OK && ctx->worst >= TC_SEV_ERROR)
        rc = TC_ERR_SYNTAX;
done:
    chain_free(&chain);
    tc_sink_free(sink);
    if (tmp == NULL && fd >= 0 && fd != STDOUT_FILENO)
        close(fd);                       /* a device opened as it is */
    if (tmp != NULL) {
        if (close(fd) != 0 && rc == TC_OK) {
            output_diag(ctx, out_path, "write error");
            rc = TC_ERR_IO;
        }
        if (rc == TC_OK && rename(tmp, target) != 0) {
            output_diag(ctx, out_path, "cannot rename into place");
            rc = TC_ERR_IO;
        }
        if (rc != TC_OK)
            unlink(tmp);
        free(tmp);
    } else if (fd > STDERR_FILENO) {
        close(fd);
    }
    free(target);
    tc_source_free(src);
    if (prior > ctx->worst)
        ctx->worst = prior;
    return rc;
}
