/* sink.c -- the output side: buffered writes to a descriptor with a sticky
 * error, so a writer can print freely and check once at the end. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctx.h"

#define SINK_BUF 65536

struct tc_sink {
    struct tc_ctx *ctx;
    const char *name;
    int fd;
    int status;
    size_t len;
    char buf[SINK_BUF];
};

int
tc_sink_new(struct tc_ctx *ctx, int fd, const char *name,
            struct tc_sink **out)
{
    struct tc_sink *s = malloc(sizeof *s);

    *out = NULL;
    if (s == NULL)
        return TC_ERR_NOMEM;
    s->ctx = ctx;
    s->name = name;
    s->fd = fd;
    s->status = TC_OK;
    s->len = 0;
    *out = s;
    return TC_OK;
}

void
tc_sink_free(struct tc_sink *s)
{
    free(s);
}

struct tc_ctx *
tc_sink_ctx(const struct tc_sink *s)
{
    return s->ctx;
}

static void
sink_drain(struct tc_sink *s, const char *p, size_t n)
{
    while (n > 0 && s->status == TC_OK) {
        ssize_t w = write(s->fd, p, n);

        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            const char *saved = tc_ctx_file(s->ctx);

            tc_ctx_set_file(s->ctx, s->name);
            tc_diagf(s->ctx, TC_D_IO, 0, 0, "write error: %s",
                     strerror(errno));
            tc_ctx_set_file(s->ctx, saved);
            s->status = TC_ERR_IO;
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

int
tc_sink_flush(struct tc_sink *s)
{
    if (s->len > 0) {
        sink_drain(s, s->buf, s->len);
        s->len = 0;
    }
    return s->status;
}

int
tc_sink_status(const struct tc_sink *s)
{
    return s->status;
}

void
tc_sink_write(struct tc_sink *s, const void *p, size_t n)
{
    if (s->status != TC_OK)
        return;
    if (n > SINK_BUF - s->len) {
        tc_sink_flush(s);
        if (n >= SINK_BUF) {
            sink_drain(s, p, n);
            return;
        }
    }
    memcpy(s->buf + s->len, p, n);
    s->len += n;
}

void
tc_sink_puts(struct tc_sink *s, const char *str)
{
    tc_sink_write(s, str, strlen(str));
}

void
tc_sink_putc(struct tc_sink *s, char c)
{
    if (s->len == SINK_BUF)
        tc_sink_flush(s);
    if (s->status == TC_OK)
        s->buf[s->len++] = c;
}

void
tc_sink_printf(struct tc_sink *s, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        tc_sink_write(s, small, (size_t)n);
        return;
    }
    {
        char *big = malloc((size_t)n + 1);

        if (big == NULL) {
            s->status = TC_ERR_NOMEM;
            return;
        }
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        tc_sink_write(s, big, (size_t)n);
        free(big);
    }
}
