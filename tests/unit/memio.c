/* memio.c -- strings in, strings out, for the unit tests (memio.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "memio.h"
#include "io.h"

struct tc_source *
unit_source(struct tc_ctx *ctx, const char *p, size_t n, const char *name)
{
    struct tc_io *io = NULL;
    struct tc_source *src = NULL;

    if (tc_io_mem_in(p, n, &io) != TC_OK)
        return NULL;
    if (tc_source_new(ctx, io, 1, name, &src) != TC_OK)
        return NULL;
    return src;
}

int
unit_sink_open(struct tc_ctx *ctx, struct unit_sink *us)
{
    int rc = tc_io_mem_out(&us->io);

    us->sink = NULL;
    if (rc == TC_OK)
        rc = tc_sink_new_io(ctx, us->io, 0, "out", &us->sink);
    return rc;
}

int
unit_sink_close(struct unit_sink *us, struct tc_buf *out)
{
    int rc = TC_OK;
    const char *data;
    size_t len;

    if (us->sink != NULL) {
        rc = tc_sink_flush(us->sink);
        tc_sink_free(us->sink);
    }
    if (us->io != NULL) {
        data = tc_io_mem_data(us->io, &len);
        tc_buf_add(out, data, len);
        tc_io_free(us->io);
    }
    us->sink = NULL;
    us->io = NULL;
    return rc;
}

char *
unit_convert_mem(struct tc_ctx *ctx, const char *in, size_t n,
                 const char *from, const char *to, int *rc)
{
    struct tc_reader *r = NULL;
    struct tc_writer *w = NULL;
    const char *data = "";
    size_t len = 0;
    char *out;

    *rc = tc_reader_new(ctx, from != NULL ? tc_format_find(from) : NULL, &r);
    if (*rc == TC_OK)
        *rc = tc_reader_feed(r, in, n);
    if (*rc == TC_OK)
        *rc = tc_reader_feed_end(r);
    if (*rc == TC_OK)
        *rc = tc_writer_new(ctx, tc_format_find(to != NULL ? to : "srt"),
                            &w);
    if (*rc == TC_OK)
        *rc = tc_transfer(r, w);
    /* as with a file: the output is there only when the run succeeded */
    if (w != NULL && *rc == TC_OK)
        data = tc_writer_data(w, &len);
    out = malloc(len + 1);
    if (out != NULL) {
        memcpy(out, data, len);
        out[len] = '\0';
    }
    tc_writer_free(w);
    tc_reader_free(r);
    return out;
}
