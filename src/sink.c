/* sink.c -- the output side: buffered writes to a descriptor with a sticky
 * error, so a writer can print freely and check once at the end.
 *
 * The bytes go out through the I/O interface (io.h): a descriptor, memory
 * or the caller's callback.
 * Writers always write UTF-8.  --output-encoding converts it on the way
 * out; a character the encoding cannot hold is written as iconv's
 * transliteration (glibc: "EUR" for the euro sign, '"' for curly quotes) or
 * as '?' when there is none, with one warning per distinct character (an
 * error under --strict).  --bom begins the output with U+FEFF in the output
 * encoding, which must then be a Unicode one. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ctx.h"
#include "io.h"

#define SINK_BUF 65536
#define SEEN_MAX 32     /* distinct characters reported as not writable */

struct tc_sink {
    struct tc_sink_head h;  /* first: the inline writers see it */
    struct tc_ctx *ctx;
    const char *name;
    struct tc_io *io;
    int own_io;
    int status;
    iconv_t cd;             /* UTF-8 to the output encoding, or -1 */
    iconv_t translit;       /* the same with //TRANSLIT, or -1 */
    char *enc;
    unsigned long line;     /* output lines before buf[0], for messages */
    uint32_t seen[SEEN_MAX];
    size_t nseen;
    char data[SINK_BUF];
};

static int
is_unicode(const char *e)
{
    return strncasecmp(e, "UTF", 3) == 0 || strncasecmp(e, "UCS", 3) == 0;
}

static int
sink_setup(struct tc_sink *s)
{
    const char *enc = tc_ctx_option(s->ctx, "output-encoding");
    const char *bom = tc_ctx_option(s->ctx, "bom");
    int want_bom = 0;

    if (bom != NULL && *bom != '\0' &&
        tc_ctx_option_bool(s->ctx, "bom", &want_bom) != TC_OK)
        return TC_ERR_ARG;
    if (enc != NULL && !tc_enc_is_utf8(enc)) {
        size_t n = strlen(enc);

        s->enc = malloc(n + sizeof "//TRANSLIT");
        if (s->enc == NULL)
            return TC_ERR_NOMEM;
        memcpy(s->enc, enc, n);
        memcpy(s->enc + n, "//TRANSLIT", sizeof "//TRANSLIT");
        s->translit = iconv_open(s->enc, "UTF-8");
        s->enc[n] = '\0';
        s->cd = iconv_open(s->enc, "UTF-8");
        if (s->cd == (iconv_t)-1) {
            tc_diagf(s->ctx, TC_D_BAD_OPTION, 0, 0,
                     "unknown output encoding '%s' (see iconv --list)", enc);
            return TC_ERR_ARG;
        }
        if (want_bom && !is_unicode(enc)) {
            tc_diagf(s->ctx, TC_D_BAD_OPTION, 0, 0,
                     "--bom needs a Unicode output encoding, not %s", enc);
            return TC_ERR_ARG;
        }
    }
    /* U+FEFF, converted like the text that follows */
    if (want_bom)
        tc_sink_write(s, "\xEF\xBB\xBF", 3);
    return TC_OK;
}

int
tc_sink_new(struct tc_ctx *ctx, int fd, const char *name,
            struct tc_sink **out)
{
    struct tc_io *io = NULL;
    int rc = tc_io_fd(fd, 0, &io);

    *out = NULL;
    if (rc != TC_OK)
        return rc;
    return tc_sink_new_io(ctx, io, 1, name, out);
}

int
tc_sink_new_io(struct tc_ctx *ctx, struct tc_io *io, int own_io,
               const char *name, struct tc_sink **out)
{
    struct tc_sink *s = malloc(sizeof *s);
    int rc;

    *out = NULL;
    if (s == NULL) {
        if (own_io)
            tc_io_free(io);
        return TC_ERR_NOMEM;
    }
    s->ctx = ctx;
    s->name = name;
    s->io = io;
    s->own_io = own_io;
    s->h.status = TC_OK;
    s->h.buf = s->data;
    s->h.len = 0;
    s->h.cap = SINK_BUF;
    s->cd = (iconv_t)-1;
    s->translit = (iconv_t)-1;
    s->enc = NULL;
    s->line = 0;
    s->nseen = 0;
    rc = sink_setup(s);
    if (rc != TC_OK) {
        tc_sink_free(s);
        return rc;
    }
    *out = s;
    return TC_OK;
}

void
tc_sink_free(struct tc_sink *s)
{
    if (s == NULL)
        return;
    if (s->own_io)
        tc_io_free(s->io);
    if (s->cd != (iconv_t)-1)
        iconv_close(s->cd);
    if (s->translit != (iconv_t)-1)
        iconv_close(s->translit);
    free(s->enc);
    free(s);
}

struct tc_ctx *
tc_sink_ctx(const struct tc_sink *s)
{
    return s->ctx;
}

/* Diagnostics about the output name the output file. */
static int
sink_diag(struct tc_sink *s, int id, unsigned long line, const char *fmt,
          const char *a, const char *b, const char *c, const char *d)
{
    const char *saved = tc_ctx_file(s->ctx);
    int rc;

    tc_ctx_set_file(s->ctx, s->name);
    rc = tc_diagf(s->ctx, id, line, 0, fmt, a, b, c, d);
    tc_ctx_set_file(s->ctx, saved);
    return rc;
}

static void
sink_drain(struct tc_sink *s, const char *p, size_t n)
{
    int rc;

    if (n == 0 || s->h.status != TC_OK)
        return;
    s->io->err = 0;
    rc = tc_io_write(s->io, p, n);
    if (rc == TC_ERR_CLOSED) {
        /* the reader went away (head(1) has its lines): not an error in
         * the data, and the caller is told by the status */
        s->h.status = TC_ERR_CLOSED;
    } else if (rc != TC_OK) {
        sink_diag(s, TC_D_IO, 0, "write error: %s",
                  s->io->err != 0 ? strerror(s->io->err) : tc_strerror(rc),
                  NULL, NULL, NULL);
        s->h.status = rc;
    }
}

static size_t
utf8_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static uint32_t
utf8_cp(const unsigned char *p, size_t n)
{
    uint32_t cp = n == 1 ? p[0] : n == 2 ? p[0] & 0x1F
                  : n == 3 ? p[0] & 0x0F : p[0] & 0x07;
    size_t i;

    for (i = 1; i < n; i++)
        cp = (cp << 6) | (p[i] & 0x3F);
    return cp;
}

/* A character the output encoding cannot hold: its transliteration when
 * iconv has one, else '?'; reported once per character. */
static void
not_writable(struct tc_sink *s, const char *p, size_t n, char *out,
             size_t *outn)
{
    char *in = (char *)p, *o = out;
    size_t inleft = n, oleft = *outn, i;
    uint32_t cp = utf8_cp((const unsigned char *)p, n);
    char what[16], shown[16], repl[24];

    if (s->translit != (iconv_t)-1) {
        iconv(s->translit, NULL, NULL, NULL, NULL);
        if (iconv(s->translit, &in, &inleft, &o, &oleft) == (size_t)-1 ||
            (o - out == 1 && out[0] == '?'))
            o = out;
    }
    if (o == out) {
        char q[] = "?", *qp = q;
        size_t ql = 1;

        oleft = *outn;
        iconv(s->cd, &qp, &ql, &o, &oleft);
    }
    *outn = (size_t)(o - out);
    for (i = 0; i < s->nseen; i++)
        if (s->seen[i] == cp)
            return;
    if (s->nseen == SEEN_MAX)
        return;
    s->seen[s->nseen++] = cp;
    snprintf(what, sizeof what, "U+%04lX", (unsigned long)cp);
    snprintf(shown, sizeof shown, "%.*s", (int)n, p);
    /* the replacement is shown when it is ASCII, as it nearly always is */
    for (i = 0; i < *outn && (unsigned char)out[i] < 0x80 && out[i] >= ' ';
         i++)
        ;
    if (i == *outn && i < sizeof repl)
        snprintf(repl, sizeof repl, "'%.*s'", (int)i, out);
    else
        snprintf(repl, sizeof repl, "a replacement");
    if (sink_diag(s, TC_D_CANNOT_EXPRESS, s->line + 1,
                  "%s '%s' is not in %s: written as %s", what, shown,
                  s->enc, repl) != TC_OK)
        s->h.status = TC_ERR_STRICT;
}

static void
count_lines(struct tc_sink *s, const char *p, const char *e)
{
    for (; p < e; p++)
        if (*p == '\n')
            s->line++;
}

/* Convert buf to the output encoding and write it; an incomplete UTF-8
 * sequence at the end stays in buf for the next flush. */
static void
sink_convert(struct tc_sink *s)
{
    char *in = s->h.buf, out[16384];
    size_t inleft = s->h.len;

    while (inleft > 0 && s->h.status == TC_OK) {
        char *o = out, *at = in;
        size_t oleft = sizeof out, r;

        r = iconv(s->cd, &in, &inleft, &o, &oleft);
        count_lines(s, at, in);
        sink_drain(s, out, sizeof out - oleft);
        if (r != (size_t)-1 || errno == E2BIG)
            continue;
        if (errno == EINVAL && inleft < 4)
            break;
        {
            size_t n = utf8_len((unsigned char)*in), on = sizeof out;

            if (n > inleft)
                n = inleft;
            not_writable(s, in, n, out, &on);
            sink_drain(s, out, on);
            in += n;
            inleft -= n;
        }
    }
    memmove(s->h.buf, in, inleft);
    s->h.len = inleft;
}

int
tc_sink_flush(struct tc_sink *s)
{
    if (s->h.len > 0 && s->cd != (iconv_t)-1) {
        sink_convert(s);
    } else if (s->h.len > 0) {
        sink_drain(s, s->h.buf, s->h.len);
        s->h.len = 0;
    }
    return s->h.status;
}

int
tc_sink_status(const struct tc_sink *s)
{
    return s->h.status;
}

void
tc_sink_write_slow(struct tc_sink *s, const void *p, size_t n)
{
    const char *c = p;

    while (n > 0 && s->h.status == TC_OK) {
        size_t k;

        if (s->h.len == SINK_BUF)
            tc_sink_flush(s);
        k = SINK_BUF - s->h.len < n ? SINK_BUF - s->h.len : n;
        memcpy(s->h.buf + s->h.len, c, k);
        s->h.len += k;
        c += k;
        n -= k;
    }
}

void
tc_sink_puts(struct tc_sink *s, const char *str)
{
    tc_sink_write(s, str, strlen(str));
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
            s->h.status = TC_ERR_NOMEM;
            return;
        }
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        tc_sink_write(s, big, (size_t)n);
        free(big);
    }
}

void
tc_sink_plain(struct tc_sink *s, const struct tc_text *t, char line_break)
{
    size_t i;

    for (i = 0; i < t->nruns; i++) {
        const struct tc_run *r = &t->runs[i];
        const char *p = t->pool + r->off, *e = p + r->len, *nl;

        if (r->style & TC_STYLE_RT)
            continue;
        while ((nl = memchr(p, '\n', (size_t)(e - p))) != NULL) {
            tc_sink_write(s, p, (size_t)(nl - p));
            tc_sink_putc(s, line_break);
            p = nl + 1;
        }
        tc_sink_write(s, p, (size_t)(e - p));
    }
}
