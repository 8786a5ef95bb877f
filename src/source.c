/* source.c -- the input side: block reads from a descriptor, decoding to
 * UTF-8, and the line reader every text format uses.
 *
 * Bytes come through the I/O interface (io.h): a descriptor, memory, a
 * callback or the bytes fed to a reader.  The source never reaches the
 * output: a driver that must write before the input waits says so with
 * tc_source_on_wait().
 * Bytes are read in 64 KiB blocks and the encoding is chosen once, from the
 * first block (source_enc.c, which also converts non-UTF-8 streams):
 *   - --encoding=ENC forces one (a leading U+FEFF is still dropped);
 *   - a byte-order mark picks UTF-8, UTF-16 LE/BE or UTF-32 LE/BE (the
 *     UTF-32LE mark begins with the UTF-16LE one, so it is tested first)
 *     and is removed;
 *   - without a mark, ASCII text with a NUL in every other byte is UTF-16
 *     (said with a warning); anything else is read as UTF-8, and a line
 *     that is not valid UTF-8 is read with the fallback encoding, with a
 *     warning that names it: --fallback-encoding, else the one that the
 *     lines that are not UTF-8 suggest (charset.c; it looks at most
 *     DETECT_MAX bytes ahead of the first such line, and on a pipe only at
 *     what has already arrived), else windows-1252.
 * Deciding per line rather than per file keeps the UTF-8 lines of a file
 * whose lines come from different encodings.
 * Non-UTF-8 streams are converted with iconv in chunks, keeping a sequence
 * split across reads.  Whatever cannot be decoded becomes U+FFFD with a
 * warning naming its line and column, and so does a NUL byte (WebVTT's
 * parser replaces NUL the same way; other formats have no use for it).
 * Lines are handed out in place, without a copy, in the decoded buffer; only
 * a line that needed repair is copied.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "source_int.h"

#define LINE_MAX_BYTES (8u << 20)   /* one line; more is an input error */
#define FALLBACK_DEFAULT "windows-1252"
#define DETECT_MAX (64u << 10)      /* look-ahead for the fallback's guess */

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
tc_source_new(struct tc_ctx *ctx, struct tc_io *io, int own_io,
              const char *name, struct tc_source **out)
{
    struct tc_source *s;

    *out = NULL;
    s = calloc(1, sizeof *s);
    if (s == NULL) {
        if (own_io)
            tc_io_free(io);
        return TC_ERR_NOMEM;
    }
    s->ctx = ctx;
    s->io = io;
    s->own_io = own_io;
    s->cd = (iconv_t)-1;
    s->fb = (iconv_t)-1;
    tc_buf_init(&s->dec, 0);
    tc_buf_init(&s->fixed, 0);
    if (name != NULL) {
        s->name = strdup(name);
        if (s->name == NULL) {
            tc_source_free(s);
            return TC_ERR_NOMEM;
        }
    }
    tc_ctx_set_file(ctx, s->name);
    ctx->live_in = tc_io_live(io);
    *out = s;
    return TC_OK;
}

int
tc_source_open(struct tc_ctx *ctx, const char *path, struct tc_source **out)
{
    struct tc_io *io = NULL;
    int std = path == NULL || strcmp(path, "-") == 0;
    int fd = std ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    int rc;

    *out = NULL;
    if (fd < 0) {
        const char *saved = tc_ctx_file(ctx);

        tc_ctx_set_file(ctx, path);
        tc_diagf(ctx, TC_D_IO, 0, 0, "cannot open: %s", strerror(errno));
        tc_ctx_set_file(ctx, saved);
        return TC_ERR_IO;
    }
    rc = tc_io_fd(fd, !std, &io);
    if (rc != TC_OK) {
        if (!std)
            close(fd);
        return rc;
    }
    return tc_source_new(ctx, io, 1, std ? "<stdin>" : path, out);
}

void
tc_source_on_wait(struct tc_source *s, int (*fn)(void *ud), void *ud)
{
    s->on_wait = fn;
    s->wait_ud = ud;
}

int
tc_source_live(struct tc_source *s)
{
    return tc_io_live(s->io);
}

void
tc_source_free(struct tc_source *s)
{
    if (s == NULL)
        return;
    if (s->own_io)
        tc_io_free(s->io);
    if (s->cd != (iconv_t)-1)
        iconv_close(s->cd);
    if (s->fb != (iconv_t)-1)
        iconv_close(s->fb);
    free(s->sb);
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
    long r;

#ifdef TC_SOURCE_MAX_READ
    /* fuzz builds: short reads split sequences and lines everywhere */
    if (n > TC_SOURCE_MAX_READ)
        n = TC_SOURCE_MAX_READ;
#endif
    /* before a read that may wait for a live transcript, the driver hands
     * on what the writer has buffered, so each cue reaches the reader
     * downstream as soon as the filters let it go */
    if (s->on_wait != NULL && tc_io_live(s->io)) {
        int rc = s->on_wait(s->wait_ud);

        /* an output that failed ends the reading now, not at the next cue
         * the filters let go: endless input must not be read for nothing */
        if (rc != TC_OK)
            return rc;
    }
    s->io->err = 0;
    r = tc_io_read(s->io, dst, n);
    if (r < 0 && r != TC_ERR_CLOSED) {
        if (s->io->err != 0)
            tc_diagf(s->ctx, TC_D_IO, s->lineno, 0, "read error: %s",
                     strerror(s->io->err));
        else if (r != TC_AGAIN)
            tc_diagf(s->ctx, TC_D_IO, s->lineno, 0, "read error: %s",
                     tc_strerror((int)r));
        else
            tc_diagf(s->ctx, TC_D_IO, s->lineno, 0, "read error: the "
                     "input is not complete yet, and this call cannot "
                     "wait for more");
        return r == TC_AGAIN ? TC_ERR_ARG : r;
    }
    if (r == 0)
        s->eof = 1;
    return r;
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
        s->clean = 0;
        memset(&s->cr, 0, sizeof s->cr);
        memset(&s->nul, 0, sizeof s->nul);
    }
    before = s->dec.len;
    if (s->mode == M_UTF8 || s->mode == M_UTF8_AUTO) {
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
    if (s->mode == M_UNSET) {
        int rc;

        /* a mark is at most 4 bytes, and a guess wants a few more */
        /* a live source is not made to wait for more than a mark needs */
        while (s->nraw < (tc_io_live(s->io) ? 4 : PEEK) && !s->eof) {
            r = read_fd(s, s->raw + s->nraw, sizeof s->raw - s->nraw);
            if (r < 0)
                return r;
            s->nraw += (size_t)r;
        }
        rc = tc_source_decide(s);
        if (rc != TC_OK)
            return rc;
        if (s->mode != M_ICONV) {
            if (tc_buf_add(&s->dec, s->raw, s->nraw) != TC_OK)
                return tc_buf_status(&s->dec);
            s->nraw = 0;
        }
    }
    if (s->mode == M_ICONV) {
        r = tc_source_convert(s);
        if (r < 0)
            return r;
    }
    if (s->strip_feff && s->dec.len >= 3) {
        if (memcmp(s->dec.data, "\xEF\xBB\xBF", 3) == 0) {
            memmove(s->dec.data, s->dec.data + 3, s->dec.len - 3);
            tc_buf_truncate(&s->dec, s->dec.len - 3);
            s->clean = 0;
            memset(&s->cr, 0, sizeof s->cr);
            memset(&s->nul, 0, sizeof s->nul);
        }
        s->strip_feff = 0;
    }
    if (s->dec.len == before && !s->eof)
        return fill(s);   /* only a partial sequence so far */
    return (long)(s->dec.len - before);
}

int
tc_source_peek(struct tc_source *s, const unsigned char **head, size_t *len)
{
    int more = 1, rc = TC_OK;

    while (more && rc == TC_OK)
        rc = tc_source_peek_some(s, head, len, &more);
    return rc;
}

int
tc_source_peek_some(struct tc_source *s, const unsigned char **head,
                    size_t *len, int *more)
{
    do {
        if (s->dec.len - s->dpos >= PEEK || s->eof)
            break;
        {
            long r = fill(s);

            if (r < 0)
                return (int)r;
        }
    } while (!tc_io_live(s->io));
    *head = (const unsigned char *)s->dec.data + s->dpos;
    *len = s->dec.len - s->dpos;
    *more = *len < PEEK && !s->eof;
    return TC_OK;
}

long
tc_source_read(struct tc_source *s, void *dst, size_t n)
{
    size_t have;
    int rc;

    while (s->dec.len == s->dpos && !s->eof) {
        long r = fill(s);

        if (r < 0)
            return r;
    }
    /* no lines here: problems are reported as soon as they are found */
    rc = tc_source_pend_flush(s, 0);
    if (rc != TC_OK)
        return rc;
    have = s->dec.len - s->dpos;
    if (n > have)
        n = have;
    memcpy(dst, s->dec.data + s->dpos, n);
    s->dpos += n;
    return (long)n;
}

int
tc_source_decoded(const struct tc_source *s)
{
    return s->mode == M_UTF8 || s->mode == M_ICONV;
}

void
tc_lines_unread(struct tc_source *s)
{
    s->unread = 1;
}

/* ---- repairing a line ------------------------------------------------- */

/* Append n bytes to fixed with NUL bytes as U+FFFD; counts them. */
static void
add_nul_free(struct tc_source *s, const char *p, size_t n, size_t *nuls,
             unsigned *first)
{
    const char *z;

    while ((z = memchr(p, '\0', n)) != NULL) {
        tc_buf_add(&s->fixed, p, (size_t)(z - p));
        if ((*nuls)++ == 0)
            *first = (unsigned)s->fixed.len + 1;
        tc_buf_add(&s->fixed, replacement, 3);
        n -= (size_t)(z - p) + 1;
        p = z + 1;
    }
    tc_buf_add(&s->fixed, p, n);
}

/* Length of the maximal prefix of a well-formed sequence at p (at least 1):
 * the unit that one U+FFFD replaces, as Unicode recommends. */
static size_t
bad_utf8_len(const unsigned char *p, size_t n)
{
    unsigned char lo = 0x80, hi = 0xBF;
    size_t need, i;

    if (p[0] >= 0xC2 && p[0] <= 0xDF)
        need = 1;
    else if (p[0] >= 0xE0 && p[0] <= 0xEF)
        need = 2;
    else if (p[0] >= 0xF0 && p[0] <= 0xF4)
        need = 3;
    else
        return 1;
    if (p[0] == 0xE0)
        lo = 0xA0;
    else if (p[0] == 0xED)
        hi = 0x9F;
    else if (p[0] == 0xF0)
        lo = 0x90;
    else if (p[0] == 0xF4)
        hi = 0x8F;
    for (i = 1; i <= need && i < n; i++) {
        if (p[i] < lo || p[i] > hi)
            break;
        lo = 0x80;
        hi = 0xBF;
    }
    return i;
}

/* A line that is not valid UTF-8 in a file that says it is. */
static int
repair_utf8(struct tc_source *s, const char *p, size_t n, size_t *nuls,
            unsigned *first_nul)
{
    size_t i = 0, bad = 0;
    unsigned col = 0;

    while (i < n) {
        size_t v = tc_utf8_valid(p + i, n - i), k;

        add_nul_free(s, p + i, v, nuls, first_nul);
        i += v;
        if (i == n)
            break;
        k = bad_utf8_len((const unsigned char *)p + i, n - i);
        if (bad++ == 0)
            col = (unsigned)i + 1;
        tc_buf_add(&s->fixed, replacement, 3);
        i += k;
    }
    return tc_diagf(s->ctx, TC_D_BAD_BYTE, s->lineno, col,
                    "%zu invalid UTF-8 %s replaced by U+FFFD", bad,
                    bad == 1 ? "sequence" : "sequences");
}

/* Read on until want bytes wait after dpos, the input ends, or (on a pipe
 * or terminal) nothing more has arrived.  Consumed bytes stay in place,
 * so a line handed out survives as an offset into dec. */
static int
read_ahead(struct tc_source *s, size_t want)
{
    while (!s->eof && s->dec.len - s->dpos < want) {
        long r;

        if (tc_io_would_wait(s->io))
            break;
        if (tc_buf_grow(&s->dec, BLOCK) != TC_OK)
            return tc_buf_status(&s->dec);
        r = read_fd(s, s->dec.data + s->dec.len, BLOCK);
        if (r < 0)
            return (int)r;
        s->dec.len += (size_t)r;
        s->dec.data[s->dec.len] = '\0';
    }
    return TC_OK;
}

/* The n bytes at dec.data + off are the first line that is not UTF-8:
 * open the fallback that it and the lines after it that are not UTF-8
 * either suggest, looking at most DETECT_MAX bytes ahead. */
static int
choose_fallback(struct tc_source *s, size_t off, size_t n)
{
    struct tc_buf sample;
    const char *d;
    size_t i, end;
    int rc = read_ahead(s, DETECT_MAX);

    if (rc != TC_OK)
        return rc;
    d = s->dec.data;
    end = s->dec.len - s->dpos > DETECT_MAX ? s->dpos + DETECT_MAX
                                            : s->dec.len;
    /* whole lines only: a sequence cut in two would fail the check */
    if (end < s->dec.len || !s->eof)
        while (end > s->dpos && d[end - 1] != '\n' && d[end - 1] != '\r')
            end--;
    tc_buf_init(&sample, 0);
    tc_buf_add(&sample, d + off, n < DETECT_MAX ? n : DETECT_MAX);
    tc_buf_addc(&sample, '\n');
    for (i = s->dpos; i < end && sample.len < DETECT_MAX;) {
        size_t k = i;

        while (k < end && d[k] != '\n' && d[k] != '\r')
            k++;
        if (tc_utf8_valid(d + i, k - i) < k - i) {
            tc_buf_add(&sample, d + i, k - i);
            tc_buf_addc(&sample, '\n');
        }
        i = k + 1;
    }
    rc = tc_buf_status(&sample);
    if (rc == TC_OK) {
        s->fb_detected = tc_charset_guess(sample.data, sample.len,
                                          FALLBACK_DEFAULT, s->fb_guess,
                                          sizeof s->fb_guess);
        rc = tc_source_open_fallback(s, s->fb_detected ? s->fb_guess
                                             : FALLBACK_DEFAULT);
    }
    tc_buf_release(&sample);
    return rc;
}

/* decode_fallback() by the table: returns the bytes not in the encoding,
 * the column of the first in *col. */
static size_t
decode_table(struct tc_source *s, const char *p, size_t n, size_t *nuls,
             unsigned *first_nul, unsigned *col)
{
    const struct tc_sbcs *t = s->sb;
    char chunk[1024];
    size_t i, k = 0, bad = 0;

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];

        if (k > sizeof chunk - 4) {
            add_nul_free(s, chunk, k, nuls, first_nul);
            k = 0;
        }
        if (t->len[c] > 0) {
            memcpy(chunk + k, t->utf8[c], 4);
            k += t->len[c];
        } else {
            add_nul_free(s, chunk, k, nuls, first_nul);
            k = 0;
            if (bad++ == 0)
                *col = (unsigned)i + 1;
            tc_buf_add(&s->fixed, replacement, 3);
        }
    }
    add_nul_free(s, chunk, k, nuls, first_nul);
    return bad;
}

/* A line that is not UTF-8 in a file without a declared encoding: read it
 * with the fallback. */
static int
decode_fallback(struct tc_source *s, const char *p, size_t n, size_t *nuls,
                unsigned *first_nul)
{
    char *in = (char *)p;
    size_t inleft = n, bad = 0;
    unsigned col = 0;
    int rc = TC_OK;

    if (!s->fb_active) {
        rc = tc_diagf(s->ctx, TC_D_ENCODING, s->lineno,
                      (unsigned)tc_utf8_valid(p, n) + 1,
                      "reading it as %s%s (use --encoding to choose)",
                      s->fb_name,
                      s->fb_detected ? ", detected from its bytes" : "");
        s->fb_active = 1;
        if (rc != TC_OK)
            return rc;
    }
    if (s->sb != NULL) {
        bad = decode_table(s, p, n, nuls, first_nul, &col);
        inleft = 0;
    } else
        iconv(s->fb, NULL, NULL, NULL, NULL);
    while (inleft > 0) {
        char chunk[1024], *out = chunk;
        size_t outleft = sizeof chunk, r;

        r = iconv(s->fb, &in, &inleft, &out, &outleft);
        add_nul_free(s, chunk, sizeof chunk - outleft, nuls, first_nul);
        if (r != (size_t)-1 || errno == E2BIG)
            continue;
        if (bad++ == 0)
            col = (unsigned)(in - p) + 1;
        tc_buf_add(&s->fixed, replacement, 3);
        in++;
        inleft--;
    }
    if (bad > 0)
        rc = tc_diagf(s->ctx, TC_D_BAD_BYTE, s->lineno, col,
                      "%zu %s not %s, replaced by U+FFFD", bad,
                      bad == 1 ? "byte" : "bytes", s->fb_name);
    return rc;
}

static int
has_high_byte(const char *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if ((unsigned char)p[i] >= 0x80)
            return 1;
    return 0;
}

/* Decode, or check, one line found in dec; may point *line at fixed. */
static int
repair_line(struct tc_source *s, const char **line, size_t *len)
{
    const char *p = *line;
    size_t n = *len, nuls = 0;
    unsigned first_nul = 0;
    int bad_utf8 = 0, rc = TC_OK;

    if (s->mode != M_ICONV) {
        size_t v = tc_utf8_valid(p, n);

        bad_utf8 = v < n;
        /* a UTF-8 line after fallback lines: the next bad one warns again */
        if (!bad_utf8 && s->fb_active && has_high_byte(p, n))
            s->fb_active = 0;
    }
    if (!bad_utf8 && memchr(p, '\0', n) == NULL)
        return TC_OK;
    tc_buf_clear(&s->fixed);
    if (bad_utf8 && s->mode == M_UTF8_AUTO && s->fb == (iconv_t)-1) {
        size_t off = (size_t)(p - s->dec.data);   /* the line is in dec */

        rc = choose_fallback(s, off, n);
        if (rc != TC_OK)
            return rc;
        p = s->dec.data + off;
    }
    if (!bad_utf8)
        add_nul_free(s, p, n, &nuls, &first_nul);
    else if (s->mode == M_UTF8_AUTO)
        rc = decode_fallback(s, p, n, &nuls, &first_nul);
    else
        rc = repair_utf8(s, p, n, &nuls, &first_nul);
    if (rc != TC_OK)
        return rc;
    if (tc_buf_status(&s->fixed) != TC_OK)
        return tc_buf_status(&s->fixed);
    if (nuls > 0) {
        rc = tc_diagf(s->ctx, TC_D_BAD_BYTE, s->lineno, first_nul,
                      "%zu NUL %s replaced by U+FFFD", nuls,
                      nuls == 1 ? "byte" : "bytes");
        if (rc != TC_OK)
            return rc;
    }
    *line = s->fixed.data;
    *len = s->fixed.len;
    return TC_OK;
}

/* The first CR or LF in [q, e), or e.  *plain tells whether the bytes
 * before it are valid UTF-8 without NUL: then the line needs no repair. */
static char *
scan_line(char *q, char *e, int *plain)
{
    const uint64_t lf = TC_SWAR_ONES * '\n', cr = TC_SWAR_ONES * '\r';

    *plain = 1;
    while (q < e) {
        unsigned char c;
        size_t k;

        if (e - q >= 8) {
            uint64_t w, m;

            memcpy(&w, q, 8);
            m = (w & TC_SWAR_HIGHS) | TC_SWAR_HAS_ZERO(w) |
                TC_SWAR_HAS_ZERO(w ^ lf) | TC_SWAR_HAS_ZERO(w ^ cr);
            if (m == 0) {
                q += 8;
                continue;
            }
            q += TC_SWAR_FIRST(m);
        }
        c = (unsigned char)*q;
        if (c == '\n' || c == '\r')
            return q;
        if (c > 0 && c < 0x80) {
            q++;
            continue;
        }
        k = c > 0 ? tc_utf8_seq(q, (size_t)(e - q)) : 0;
        if (k == 0) {
            char *hit = memchr(q, '\n', (size_t)(e - q));

            *plain = 0;
            q = memchr(q, '\r', (size_t)((hit != NULL ? hit : e) - q));
            return q != NULL ? q : hit != NULL ? hit : e;
        }
        q += k;
    }
    return e;
}

/* Where the next byte c is (dec.len when there is none): searched again
 * only once dpos has passed it, and then beyond what was searched. */
static size_t
next_stop(struct tc_source *s, struct stop *st, int c)
{
    size_t from;
    const char *hit;

    if (st->at < st->upto && st->at >= s->dpos)
        return st->at;
    from = st->at < st->upto || st->upto < s->dpos ? s->dpos : st->upto;
    hit = memchr(s->dec.data + from, c, s->dec.len - from);
    st->upto = s->dec.len;
    st->at = hit != NULL ? (size_t)(hit - s->dec.data) : s->dec.len;
    return st->at;
}

/* Find how far from dpos the decoded bytes are clean (see struct
 * tc_source): up to the next CR or NUL, or the first byte that is not
 * UTF-8 before them. */
static void
find_clean(struct tc_source *s)
{
    size_t e = next_stop(s, &s->cr, '\r'), z = next_stop(s, &s->nul, '\0');

    if (z < e)
        e = z;
    s->clean = s->dpos + tc_utf8_valid(s->dec.data + s->dpos, e - s->dpos);
}

int
tc_lines_would_wait(struct tc_source *s)
{
    size_t avail = s->dec.len - s->dpos;

    if (s->eof || s->unread || s->nraw > 0 || !tc_io_live(s->io))
        return 0;
    if (avail > 0 && (memchr(s->dec.data + s->dpos, '\n', avail) != NULL ||
                      memchr(s->dec.data + s->dpos, '\r', avail) != NULL))
        return 0;
    return tc_io_would_wait(s->io);
}

int
tc_lines_next(struct tc_source *s, const char **line, size_t *len)
{
    size_t scan = 0;   /* bytes after dpos already searched */
    char *p, *hit;
    int plain = 0, rc;

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
        /* the usual line: it ends in LF within the clean bytes, or (CRLF)
         * at the CR where they end */
        if (scan == 0 && avail > 0) {
            if (s->clean <= s->dpos)
                find_clean(s);
            if (s->clean > s->dpos) {
                char *ce = s->dec.data + s->clean;

                hit = memchr(p, '\n', (size_t)(ce - p));
                if (hit == NULL && s->clean < s->dec.len && *ce == '\r')
                    hit = ce;
                if (hit != NULL) {
                    plain = 1;
                    break;
                }
            }
        }
        if (avail > scan) {
            hit = scan_line(p + scan, p + avail, &plain);
            if (hit < p + avail) {
                plain = plain && scan == 0;   /* checked the whole line */
                break;
            }
        }
        scan = avail;
        if (avail > LINE_MAX_BYTES) {
            tc_diagf(s->ctx, TC_D_LIMIT, s->lineno + 1, 0,
                     "line longer than %u bytes", LINE_MAX_BYTES);
            return TC_ERR_LIMIT;
        }
        if (s->eof) {
            if (avail == 0) {
                rc = tc_source_pend_flush(s, 0);
                return rc != TC_OK ? rc : 0;
            }
            hit = p + avail;   /* the last line has no terminator */
            plain = 0;
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
    rc = s->npend > 0 ? tc_source_pend_flush(s, s->lineno) : TC_OK;
    /* a plain line needs no repair, unless it ends a run of fallback ones */
    if (rc == TC_OK && (!plain || s->fb_active))
        rc = repair_line(s, line, len);
    if (rc != TC_OK)
        return rc;
    s->last = *line;
    s->last_len = *len;
    return 1;
}

long
tc_source_tail(struct tc_source *s, void *dst, size_t n)
{
    return tc_io_tail(s->io, dst, n);
}
