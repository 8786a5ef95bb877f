/* source.c -- the input side: block reads from a descriptor, decoding to
 * UTF-8, and the line reader every text format uses.
 *
 * Bytes are read in 64 KiB blocks.  A byte-order mark picks the encoding
 * (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE; the UTF-32LE mark begins with the
 * UTF-16LE one, so it is tested first) and is removed; other encodings are
 * converted with iconv in chunks, keeping a sequence split across reads.
 * Lines are handed out in place, without a copy, in the decoded buffer.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctx.h"

#define BLOCK     65536
#define PEEK      4096
#define LINE_MAX_BYTES (8u << 20)   /* one line; more is an input error */

struct tc_source {
    struct tc_ctx *ctx;
    char *name;
    int fd;
    int own_fd;
    int eof;                    /* the descriptor is exhausted */
    int sniffed;                /* the byte-order mark was looked at */
    iconv_t cd;                 /* (iconv_t)-1 when input is UTF-8 */
    unsigned char raw[BLOCK];   /* undecoded bytes, for iconv only */
    size_t nraw;
    struct tc_buf dec;          /* decoded bytes; consumed up to dpos */
    size_t dpos;
    struct tc_buf fixed;        /* a line with its NULs replaced */
    unsigned long lineno;
    int skip_lf;                /* last line ended in CR: drop a next LF */
    int unread;
    const char *last;
    size_t last_len;
};

const char *
tc_source_name(const struct tc_source *s)
{
    return s->name;
}

struct tc_ctx *
tc_source_ctx(const struct tc_source *s)
{
    return s->ctx;
}

unsigned long
tc_lines_lineno(const struct tc_source *s)
{
    return s->lineno;
}

int
tc_source_open(struct tc_ctx *ctx, const char *path, struct tc_source **out)
{
    struct tc_source *s;

    *out = NULL;
    s = calloc(1, sizeof *s);
    if (s == NULL)
        return TC_ERR_NOMEM;
    s->ctx = ctx;
    s->cd = (iconv_t)-1;
    tc_buf_init(&s->dec, 0);
    tc_buf_init(&s->fixed, 0);
    if (path == NULL || strcmp(path, "-") == 0) {
        s->fd = STDIN_FILENO;
        s->name = strdup("<stdin>");
    } else {
        s->fd = open(path, O_RDONLY);
        s->own_fd = 1;
        s->name = strdup(path);
    }
    if (s->name == NULL) {
        tc_source_free(s);
        return TC_ERR_NOMEM;
    }
    tc_ctx_set_file(ctx, s->name);
    if (s->fd < 0) {
        tc_diagf(ctx, TC_D_IO, 0, 0, "cannot open: %s", strerror(errno));
        s->own_fd = 0;
        tc_source_free(s);
        return TC_ERR_IO;
    }
    *out = s;
    return TC_OK;
}

void
tc_source_free(struct tc_source *s)
{
    if (s == NULL)
        return;
    if (s->own_fd)
        close(s->fd);
    if (s->cd != (iconv_t)-1)
        iconv_close(s->cd);
    tc_buf_release(&s->dec);
    tc_buf_release(&s->fixed);
    if (s->ctx != NULL && tc_ctx_file(s->ctx) == s->name)
        tc_ctx_set_file(s->ctx, NULL);
    free(s->name);
    free(s);
}

static long
read_fd(struct tc_source *s, void *dst, size_t n)
{
    ssize_t r;

    do
        r = read(s->fd, dst, n);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        tc_diagf(s->ctx, TC_D_IO, s->lineno, 0, "read error: %s",
                 strerror(errno));
        return TC_ERR_IO;
    }
    if (r == 0)
        s->eof = 1;
    return (long)r;
}

/* Pick the encoding from a byte-order mark at the start of raw. */
static int
sniff(struct tc_source *s, const unsigned char *p, size_t n, size_t *skip)
{
    const char *enc = NULL;

    *skip = 0;
    if (n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
        enc = "UTF-32LE";
        *skip = 4;
    } else if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE &&
               p[3] == 0xFF) {
        enc = "UTF-32BE";
        *skip = 4;
    } else if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        *skip = 3;
    } else if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        enc = "UTF-16LE";
        *skip = 2;
    } else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        enc = "UTF-16BE";
        *skip = 2;
    }
    if (enc != NULL) {
        s->cd = iconv_open("UTF-8", enc);
        if (s->cd == (iconv_t)-1) {
            tc_diagf(s->ctx, TC_D_ENCODING, 0, 0,
                     "cannot convert from %s", enc);
            return TC_ERR_ENCODING;
        }
    }
    return TC_OK;
}

/* Convert raw[0..nraw) into dec, keeping an incomplete tail for later. */
static int
convert(struct tc_source *s)
{
    char *in = (char *)s->raw;
    size_t inleft = s->nraw;

    while (inleft > 0) {
        char *outp;
        size_t outleft, before, r;

        if (tc_buf_grow(&s->dec, inleft * 2 + 16) != TC_OK)
            return tc_buf_status(&s->dec);
        outp = s->dec.data + s->dec.len;
        outleft = s->dec.cap - s->dec.len - 1;
        before = outleft;
        r = iconv(s->cd, &in, &inleft, &outp, &outleft);
        s->dec.len += before - outleft;
        s->dec.data[s->dec.len] = '\0';
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG)
            continue;
        if (errno == EINVAL && !s->eof)
            break;                         /* finish on the next read */
        /* EILSEQ, or a truncated sequence at the end of input */
        tc_diagf(s->ctx, TC_D_BAD_BYTE, s->lineno + 1, 0,
                 "byte 0x%02x replaced by U+FFFD", (unsigned char)*in);
        tc_buf_add(&s->dec, "\xEF\xBF\xBD", 3);
        in++;
        inleft--;
        if (errno == EINVAL)
            inleft = 0;
    }
    memmove(s->raw, in, inleft);
    s->nraw = inleft;
    return tc_buf_status(&s->dec);
}

/* Read one more block into dec.  Returns bytes added (0 at end) or < 0. */
static long
fill(struct tc_source *s)
{
    size_t before;
    long r;

    if (s->eof)
        return 0;
    /* drop what was consumed so the buffer does not grow with the input */
    if (s->dpos > 0 && !s->unread) {
        memmove(s->dec.data, s->dec.data + s->dpos, s->dec.len - s->dpos);
        tc_buf_truncate(&s->dec, s->dec.len - s->dpos);
        s->dpos = 0;
    }
    before = s->dec.len;
    if (s->cd == (iconv_t)-1 && s->sniffed) {
        if (tc_buf_grow(&s->dec, BLOCK) != TC_OK)
            return tc_buf_status(&s->dec);
        r = read_fd(s, s->dec.data + s->dec.len, BLOCK);
        if (r < 0)
            return r;
        s->dec.len += (size_t)r;
        s->dec.data[s->dec.len] = '\0';
        return (long)(s->dec.len - before);
    }
    r = read_fd(s, s->raw + s->nraw, sizeof s->raw - s->nraw);
    if (r < 0)
        return r;
    s->nraw += (size_t)r;
    if (!s->sniffed) {
        size_t skip;
        int rc;

        /* a mark is at most 4 bytes: make sure they are here */
        while (s->nraw < 4 && !s->eof) {
            r = read_fd(s, s->raw + s->nraw, sizeof s->raw - s->nraw);
            if (r < 0)
                return r;
            s->nraw += (size_t)r;
        }
        s->sniffed = 1;
        rc = sniff(s, s->raw, s->nraw, &skip);
        if (rc != TC_OK)
            return rc;
        memmove(s->raw, s->raw + skip, s->nraw - skip);
        s->nraw -= skip;
        if (s->cd == (iconv_t)-1) {
            if (tc_buf_add(&s->dec, s->raw, s->nraw) != TC_OK)
                return tc_buf_status(&s->dec);
            s->nraw = 0;
            return (long)(s->dec.len - before);
        }
    }
    r = convert(s);
    if (r < 0)
        return r;
    if (s->dec.len == before && !s->eof)
        return fill(s);   /* only a partial sequence so far */
    return (long)(s->dec.len - before);
}

int
tc_source_peek(struct tc_source *s, const unsigned char **head, size_t *len)
{
    while (s->dec.len - s->dpos < PEEK && !s->eof) {
        long r = fill(s);

        if (r < 0)
            return (int)r;
    }
    *head = (const unsigned char *)s->dec.data + s->dpos;
    *len = s->dec.len - s->dpos;
    return TC_OK;
}

long
tc_source_read(struct tc_source *s, void *dst, size_t n)
{
    size_t have;

    while (s->dec.len == s->dpos && !s->eof) {
        long r = fill(s);

        if (r < 0)
            return r;
    }
    have = s->dec.len - s->dpos;
    if (n > have)
        n = have;
    memcpy(dst, s->dec.data + s->dpos, n);
    s->dpos += n;
    return (long)n;
}

void
tc_lines_unread(struct tc_source *s)
{
    s->unread = 1;
}

int
tc_lines_next(struct tc_source *s, const char **line, size_t *len)
{
    size_t scan = 0;   /* bytes after dpos already searched */
    char *p, *hit;

    if (s->unread) {
        s->unread = 0;
        *line = s->last;
        *len = s->last_len;
        return 1;
    }
    for (;;) {
        size_t avail = s->dec.len - s->dpos;

        p = s->dec.data + s->dpos;
        if (s->skip_lf && avail > 0) {
            s->skip_lf = 0;
            if (p[0] == '\n') {
                s->dpos++;
                continue;
            }
        }
        hit = NULL;
        if (avail > scan) {
            char *q = p + scan, *e = p + avail;

            for (; q < e; q++)
                if (*q == '\n' || *q == '\r') {
                    hit = q;
                    break;
                }
        }
        if (hit != NULL)
            break;
        scan = avail;
        if (avail > LINE_MAX_BYTES) {
            tc_diagf(s->ctx, TC_D_LIMIT, s->lineno + 1, 0,
                     "line longer than %u bytes", LINE_MAX_BYTES);
            return TC_ERR_LIMIT;
        }
        if (s->eof) {
            if (avail == 0)
                return 0;
            hit = p + avail;   /* the last line has no terminator */
            break;
        }
        {
            long r = fill(s);

            if (r < 0)
                return (int)r;
            if (r == 0 && !s->eof)
                continue;
        }
    }
    *len = (size_t)(hit - p);
    if (hit < s->dec.data + s->dec.len) {
        if (*hit == '\r')
            s->skip_lf = 1;
        *hit = '\0';
        s->dpos += *len + 1;
    } else {
        s->dpos += *len;
    }
    s->lineno++;
    *line = p;
    if (memchr(p, '\0', *len) != NULL) {
        size_t i;

        tc_buf_clear(&s->fixed);
        for (i = 0; i < *len; i++) {
            if (p[i] == '\0')
                tc_buf_add(&s->fixed, "\xEF\xBF\xBD", 3);
            else
                tc_buf_addc(&s->fixed, p[i]);
        }
        if (tc_buf_status(&s->fixed) != TC_OK)
            return tc_buf_status(&s->fixed);
        *line = s->fixed.data;
        *len = s->fixed.len;
    }
    s->last = *line;
    s->last_len = *len;
    return 1;
}
