/* convert.c -- a path to a path: open the input, know its format, open
 * the output (a file is written under a temporary name and put in place
 * only when everything succeeded), and hand both to tc_transfer(). */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "checker.h"
#include "ctx.h"
#include "reader.h"

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
        rc = tc_source_detect(ctx, src, in_path, out, sure);
    tc_source_free(src);
    return rc;
}

int
tc_convert(struct tc_ctx *ctx, const char *in_path,
           const struct tc_format *from, const char *out_path,
           const struct tc_format *to)
{
    struct tc_reader *r = NULL;
    struct tc_writer *w = NULL;
    struct tc_output out;
    int rc, prior = ctx->worst;

    ctx->worst = -1;
    memset(&out, 0, sizeof out);
    out.fd = -1;
    rc = tc_check_begin(ctx, in_path);
    if (rc == TC_OK)
        rc = tc_reader_open(ctx, from, in_path, &r);
    if (rc == TC_OK)
        rc = tc_reader_prepare(r);
    if (to == NULL)
        to = tc_format_by_extension(out_path);
    if (to == NULL)
        to = tc_format_find("srt");
    if (rc == TC_OK && !tc_format_can_write(to)) {
        tc_diagf(ctx, TC_D_CANNOT_WRITE, 0, 0, "%s", to->name);
        rc = TC_ERR_UNSUPPORTED;
    }
    if (rc == TC_OK)
        rc = tc_output_open(ctx, out_path, &out);
    if (rc == TC_OK)
        rc = tc_writer_new_fd(ctx, to, out.fd,
                              out.fd == STDOUT_FILENO ? "<stdout>"
                                                      : out_path, &w);
    if (rc == TC_OK)
        rc = tc_transfer(r, w);
    tc_writer_free(w);
    if (out.fd >= 0)
        rc = tc_output_close(ctx, &out, rc);
    tc_reader_free(r);
    if (prior > ctx->worst)
        ctx->worst = prior;
    return rc;
}
