/* unit_util.c -- helpers shared by the unit-test programs. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "format.h"
#include "buf.h"

void
unit_collect(const struct tc_diag *d, void *ud)
{
    struct tc_buf *b = ud;

    tc_buf_addf(b, "%lu:%u: %s: %s%s%s\n", d->line, d->col,
                tc_severity_name(d->sev), d->message, d->detail ? ": " : "",
                d->detail ? d->detail : "");
}

char *
unit_convert_opt(const char *in, const char *from, const char *to,
                 const char *key, const char *value, char **diags, int *rc)
{
    char inpath[] = "/tmp/tc-unit-in-XXXXXX";
    char outpath[] = "/tmp/tc-unit-out-XXXXXX";
    struct tc_buf d = TC_BUF_INIT, out = TC_BUF_INIT;
    struct tc_ctx *ctx = tc_ctx_new();
    int fd = mkstemp(inpath), ofd = mkstemp(outpath);
    char chunk[4096];
    FILE *f;
    size_t n;

    ck_assert(ctx != NULL && fd >= 0 && ofd >= 0);
    ck_assert(write(fd, in, strlen(in)) == (ssize_t)strlen(in));
    close(fd);
    close(ofd);
    tc_ctx_set_diag(ctx, unit_collect, &d);
    *rc = key != NULL ? tc_ctx_set_option(ctx, key, value) : TC_OK;
    if (*rc == TC_OK)
        *rc = tc_convert(ctx, inpath, from ? tc_format_find(from) : NULL,
                         outpath, to ? tc_format_find(to) : NULL);
    f = fopen(outpath, "rb");
    while (f != NULL && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        tc_buf_add(&out, chunk, n);
    if (f != NULL)
        fclose(f);
    unlink(inpath);
    unlink(outpath);
    tc_ctx_free(ctx);
    if (diags != NULL)
        *diags = tc_buf_detach(&d);
    else
        tc_buf_release(&d);
    return tc_buf_detach(&out);
}

char *
unit_convert(const char *in, const char *from, const char *to, char **diags,
             int *rc)
{
    return unit_convert_opt(in, from, to, NULL, NULL, diags, rc);
}
