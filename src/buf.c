/* buf.c -- growable byte buffer; the invariants are in buf.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

char tc_buf_empty_[1];

void
tc_buf_init(struct tc_buf *b, size_t limit)
{
    b->data = tc_buf_empty_;
    b->len = 0;
    b->cap = 0;
    b->limit = limit;
    b->status = TC_OK;
}

void
tc_buf_release(struct tc_buf *b)
{
    size_t limit = b->limit;

    if (b->cap)
        free(b->data);
    tc_buf_init(b, limit);
}

void
tc_buf_clear(struct tc_buf *b)
{
    b->len = 0;
    /* the shared empty buffer is never written: threads share it */
    if (b->cap)
        b->data[0] = '\0';
    b->status = TC_OK;
}

int
tc_buf_grow(struct tc_buf *b, size_t extra)
{
    size_t need, ncap;
    char *p;

    if (b->status != TC_OK)
        return b->status;
    if (extra > (size_t)-1 / 2 - b->len) {
        b->status = TC_ERR_NOMEM;
        return b->status;
    }
    need = b->len + extra + 1;
    if (b->limit && need > b->limit + 1) {
        b->status = TC_ERR_LIMIT;
        return b->status;
    }
    if (need <= b->cap)
        return TC_OK;
    ncap = b->cap ? b->cap : 64;
    while (ncap < need)
        ncap *= 2;
    p = b->cap ? realloc(b->data, ncap) : malloc(ncap);
    if (p == NULL) {
        b->status = TC_ERR_NOMEM;
        return b->status;
    }
    if (b->cap == 0)
        p[0] = '\0';
    b->data = p;
    b->cap = ncap;
    return TC_OK;
}

int
tc_buf_add(struct tc_buf *b, const void *p, size_t n)
{
    /* the common case: room already, and the buffer has not failed */
    if (b->len + n < b->cap && b->status == TC_OK &&
        (b->limit == 0 || b->len + n <= b->limit)) {
        memcpy(b->data + b->len, p, n);
        b->len += n;
        b->data[b->len] = '\0';
        return TC_OK;
    }
    if (tc_buf_grow(b, n) != TC_OK)
        return b->status;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return TC_OK;
}

int
tc_buf_addc(struct tc_buf *b, char c)
{
    if (b->len + 1 < b->cap && b->status == TC_OK &&
        (b->limit == 0 || b->len + 1 <= b->limit)) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return TC_OK;
    }
    return tc_buf_add(b, &c, 1);
}

int
tc_buf_adds(struct tc_buf *b, const char *s)
{
    return tc_buf_add(b, s, strlen(s));
}

int
tc_buf_vaddf(struct tc_buf *b, const char *fmt, va_list ap)
{
    va_list cp;
    int n;

    if (b->status != TC_OK)
        return b->status;
    va_copy(cp, ap);
    n = vsnprintf(b->data + b->len, b->cap ? b->cap - b->len : 0, fmt, cp);
    va_end(cp);
    if (n < 0) {
        b->status = TC_ERR_ARG;
        return b->status;
    }
    if ((size_t)n >= (b->cap ? b->cap - b->len : 0)) {
        if (tc_buf_grow(b, (size_t)n) != TC_OK)
            return b->status;
        vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    }
    b->len += (size_t)n;
    return TC_OK;
}

int
tc_buf_addf(struct tc_buf *b, const char *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = tc_buf_vaddf(b, fmt, ap);
    va_end(ap);
    return rc;
}

void
tc_buf_truncate(struct tc_buf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->data[len] = '\0';
    }
}

int
tc_buf_status(const struct tc_buf *b)
{
    return b->status;
}

char *
tc_buf_detach(struct tc_buf *b)
{
    char *p = b->cap ? b->data : strdup("");

    tc_buf_init(b, b->limit);
    return p;
}
