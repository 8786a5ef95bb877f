/* unit_util.c -- helpers shared by the unit-test programs. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "format.h"
#include "buf.h"
#include "memio.h"

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
    struct tc_buf d = TC_BUF_INIT;
    struct tc_ctx *ctx = tc_ctx_new();
    char *out = NULL;

    ck_assert(ctx != NULL);
    tc_ctx_set_diag(ctx, unit_collect, &d);
    *rc = key != NULL ? tc_ctx_set_option(ctx, key, value) : TC_OK;
    if (*rc == TC_OK)
        out = unit_convert_mem(ctx, in, strlen(in), from, to, rc);
    else
        out = strdup("");
    ck_assert(out != NULL);
    tc_ctx_free(ctx);
    if (diags != NULL)
        *diags = tc_buf_detach(&d);
    else
        tc_buf_release(&d);
    return out;
}

char *
unit_convert(const char *in, const char *from, const char *to, char **diags,
             int *rc)
{
    return unit_convert_opt(in, from, to, NULL, NULL, diags, rc);
}
