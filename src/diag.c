/* diag.c -- diagnostic kinds and their delivery to the context's callback. */
#include "config.h"

#include <stdarg.h>

#include "checker.h"
#include "ctx.h"

static const struct {
    enum tc_severity sev;
    const char *text;
    int whole;          /* the detail is the whole message */
} diag_kinds[TC_D__COUNT] = {
    [TC_D_IO]             = { TC_SEV_ERROR,   "input/output error" },
    [TC_D_NOMEM]          = { TC_SEV_FATAL,   "out of memory" },
    [TC_D_SYNTAX]         = { TC_SEV_ERROR,   "syntax error" },
    [TC_D_TIME_BAD]       = { TC_SEV_WARNING, "unreadable timestamp" },
    [TC_D_SIGNATURE]      = { TC_SEV_ERROR,   "missing file signature" },
    [TC_D_LIMIT]          = { TC_SEV_ERROR,   "limit reached" },
    [TC_D_FORMAT_UNKNOWN] = { TC_SEV_ERROR,   "cannot tell the input format" },
    [TC_D_CANNOT_WRITE]   = { TC_SEV_ERROR,   "format cannot be written" },
    [TC_D_CANNOT_READ]    = { TC_SEV_ERROR,   "format cannot be read" },
    [TC_D_BAD_OPTION]     = { TC_SEV_ERROR,   "bad option" },
    [TC_D_XML]            = { TC_SEV_ERROR,   "XML error" },
    [TC_D_TIME_REVERSED]  = { TC_SEV_WARNING,
                              "cue ends before or when it starts" },
    [TC_D_TIME_REPAIRED]  = { TC_SEV_WARNING, "non-standard timestamp" },
    [TC_D_INDEX]          = { TC_SEV_WARNING, "missing or wrong cue number" },
    [TC_D_NO_BLANK]       = { TC_SEV_WARNING, "no blank line between cues" },
    [TC_D_JUNK]           = { TC_SEV_WARNING, "unexpected text" },
    [TC_D_BAD_TAG]        = { TC_SEV_WARNING, "malformed markup" },
    [TC_D_BAD_SETTING]    = { TC_SEV_WARNING, "cue setting ignored" },
    [TC_D_EMPTY_CUE]      = { TC_SEV_WARNING, "cue has no text" },
    [TC_D_OVERLAP]        = { TC_SEV_WARNING, "cue overlaps the next one" },
    [TC_D_BAD_BYTE]       = { TC_SEV_WARNING, "invalid byte sequence" },
    [TC_D_ENCODING]       = { TC_SEV_WARNING, "input is not UTF-8" },
    [TC_D_UNSORTED]       = { TC_SEV_WARNING, "cue starts before the previous one" },
    [TC_D_REPAIRED]       = { TC_SEV_WARNING, "repaired" },
    [TC_D_CANNOT_EXPRESS] = { TC_SEV_WARNING, "output format cannot express this" },
    [TC_D_CUE_DROPPED]    = { TC_SEV_NOTE,    "cue dropped" },
    [TC_D_IGNORED]        = { TC_SEV_NOTE,    "ignored" },
    [TC_D_NOTE]           = { TC_SEV_NOTE,    "note" },
    [TC_D_NO_CUES]        = { TC_SEV_WARNING, "the input has no cues" },
    [TC_D_LANG_UNKNOWN]   = { TC_SEV_WARNING,
                              "cannot tell the language of the text" },
    [TC_D_LANG]           = { TC_SEV_NOTE,    "language of the text" },
    [TC_D_SKIPPED]        = { TC_SEV_WARNING, "cues skipped" },
    [TC_D_NOTHING_LEFT]   = { TC_SEV_ERROR,   "no cue left to write" },
    [TC_D_XML_RECOVERED]  = { TC_SEV_WARNING, "recoverable XML error" },
    [TC_D_END_INFERRED]   = { TC_SEV_NOTE,    "end time inferred" },
    [TC_D_JSON]           = { TC_SEV_ERROR,   "JSON error" },
    [TC_D_NOT_KEPT]       = { TC_SEV_WARNING, "not kept" },
    [TC_D_CHECK]          = { TC_SEV_WARNING, "guideline not met", 1 },
};

enum tc_severity
tc_diag_severity(int id)
{
    if (id < 0 || id >= TC_D__COUNT)
        return TC_SEV_ERROR;
    return diag_kinds[id].sev;
}

const char *
tc_diag_kind_text(int id)
{
    return id >= 0 && id < TC_D__COUNT ? diag_kinds[id].text : NULL;
}

enum tc_severity
tc_diag_kind_severity(int id)
{
    return tc_diag_severity(id);
}

const char *
tc_severity_name(enum tc_severity sev)
{
    switch (sev) {
    case TC_SEV_NOTE:
        return "note";
    case TC_SEV_WARNING:
        return "warning";
    case TC_SEV_ERROR:
        return "error";
    case TC_SEV_FATAL:
        return "fatal";
    }
    return "error";
}

static int
diag_v(struct tc_ctx *ctx, int id, unsigned long line, unsigned col,
       const char *tail, const char *fmt, va_list ap)
{
    struct tc_diag d;
    int rc = TC_OK;

    if (tc_check_hides(ctx, id))
        return TC_OK;
    d.sev = tc_diag_severity(id);
    if (d.sev == TC_SEV_WARNING && ctx->strict && id != TC_D_CHECK) {
        d.sev = TC_SEV_ERROR;
        rc = TC_ERR_STRICT;
    }
    d.id = id;
    d.file = ctx->file;
    d.line = line;
    d.col = col;
    d.message = (id >= 0 && id < TC_D__COUNT) ? diag_kinds[id].text
                                              : "unknown diagnostic";
    d.detail = NULL;
    if (fmt != NULL) {
        tc_buf_clear(&ctx->diagbuf);
        tc_buf_vaddf(&ctx->diagbuf, fmt, ap);
        if (tail != NULL)
            tc_buf_adds(&ctx->diagbuf, tail);
        if (tc_buf_status(&ctx->diagbuf) == TC_OK)
            d.detail = ctx->diagbuf.data;
    }
    if (id >= 0 && id < TC_D__COUNT && diag_kinds[id].whole
        && d.detail != NULL) {
        d.message = d.detail;
        d.detail = NULL;
    }
    if (id == TC_D_CUE_DROPPED) {
        /* kept for the message of a run that ends with no cue */
        ctx->dropped++;
        tc_buf_clear(&ctx->dropwhy);
        tc_buf_adds(&ctx->dropwhy, d.detail != NULL ? d.detail : "");
    }
    if ((int)d.sev > ctx->worst)
        ctx->worst = (int)d.sev;
    if (ctx->diag_fn != NULL)
        ctx->diag_fn(&d, ctx->diag_ud);
    return rc;
}

int
tc_diagf(struct tc_ctx *ctx, int id, unsigned long line, unsigned col,
         const char *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = diag_v(ctx, id, line, col, NULL, fmt, ap);
    va_end(ap);
    return rc;
}

int
tc_skipf(struct tc_ctx *ctx, int id, unsigned long line, unsigned col,
         const char *fmt, ...)
{
    va_list ap;
    int rc;

    ctx->skipped++;
    va_start(ap, fmt);
    /* under --strict the run stops here: nothing is skipped */
    rc = diag_v(ctx, id, line, col, ctx->strict ? NULL : "; cue skipped",
                fmt, ap);
    va_end(ap);
    return rc;
}

int
tc_repeatf(struct tc_ctx *ctx, struct tc_repeat *r, int id,
           unsigned long line, unsigned col, const char *fmt, ...)
{
    va_list ap;
    int rc;

    r->last = line;
    if (r->n++ > 0)
        return ctx->strict && tc_diag_severity(id) == TC_SEV_WARNING
                   ? TC_ERR_STRICT : TC_OK;
    r->first = line;
    r->id = id;
    va_start(ap, fmt);
    rc = diag_v(ctx, id, line, col, NULL, fmt, ap);
    va_end(ap);
    return rc;
}

int
tc_skiprf(struct tc_ctx *ctx, struct tc_repeat *r, int id,
          unsigned long line, unsigned col, const char *fmt, ...)
{
    va_list ap;
    int rc;

    ctx->skipped++;
    r->last = line;
    if (r->n++ > 0)
        return ctx->strict && tc_diag_severity(id) == TC_SEV_WARNING
                   ? TC_ERR_STRICT : TC_OK;
    r->first = line;
    r->id = id;
    va_start(ap, fmt);
    rc = diag_v(ctx, id, line, col, ctx->strict ? NULL : "; cue skipped",
                fmt, ap);
    va_end(ap);
    return rc;
}

int
tc_repeat_end(struct tc_ctx *ctx, struct tc_repeat *r, const char *what)
{
    unsigned long more = r->n > 0 ? r->n - 1 : 0;

    r->n = 0;
    if (more == 0)
        return TC_OK;
    return tc_diagf(ctx, r->id, r->first, 0,
                    "%s%s%lu more like this, the last at line %lu",
                    what ? what : "", what ? ": " : "", more, r->last);
}
