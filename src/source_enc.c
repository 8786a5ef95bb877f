/* source_enc.c -- the decoding half of the source (source.c): the
 * encoding chosen from the first block (a forced one, a byte-order mark,
 * UTF-16 told by its NUL bytes, else UTF-8 with a fallback), and a
 * non-UTF-8 stream converted with iconv, its bad sequences kept until the
 * line reader reaches their line. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "source_int.h"

/* ---- choosing the encoding ----------------------------------------------- */

/* Bytes per code unit, so that a bad unit is skipped whole. */
static unsigned
unit_of(const char *e)
{
    if (strncasecmp(e, "UTF-16", 6) == 0 || strncasecmp(e, "UCS-2", 5) == 0)
        return 2;
    if (strncasecmp(e, "UTF-32", 6) == 0 || strncasecmp(e, "UCS-4", 5) == 0)
        return 4;
    return 1;
}

static int
open_stream(struct tc_source *s, const char *enc)
{
    s->cd = iconv_open("UTF-8", enc);
    if (s->cd == (iconv_t)-1) {
        tc_diagf(s->ctx, TC_D_BAD_OPTION, 0, 0,
                 "unknown encoding '%s' (see iconv --list)", enc);
        return TC_ERR_ARG;
    }
    s->cd_name = enc;
    s->unit = unit_of(enc);
    s->mode = M_ICONV;
    return TC_OK;
}

/* The fallback is applied line by line, so it must keep CR and LF as the
 * single bytes they are in ASCII. */
int
tc_source_open_fallback(struct tc_source *s, const char *enc)
{
    char probe[] = "A\r\n", outb[16];
    char *in = probe, *out = outb;
    size_t inleft = 3, outleft = sizeof outb;

    s->fb_name = enc;
    s->fb = iconv_open("UTF-8", enc);
    if (s->fb == (iconv_t)-1) {
        tc_diagf(s->ctx, TC_D_BAD_OPTION, 0, 0,
                 "unknown fallback encoding '%s' (see iconv --list)", enc);
        return TC_ERR_ARG;
    }
    if (iconv(s->fb, &in, &inleft, &out, &outleft) == (size_t)-1 ||
        outleft != sizeof outb - 3 || memcmp(outb, "A\r\n", 3) != 0) {
        tc_diagf(s->ctx, TC_D_BAD_OPTION, 0, 0,
                 "fallback encoding '%s' is not ASCII-compatible; "
                 "use --encoding for it", enc);
        return TC_ERR_ARG;
    }
    /* the usual code pages are read by table, a byte at a time */
    s->sb = malloc(sizeof *s->sb);
    if (s->sb != NULL && tc_sbcs_build(s->fb, s->sb) != TC_OK) {
        free(s->sb);
        s->sb = NULL;
    }
    return TC_OK;
}

/* UTF-16 without a mark: ASCII text leaves a NUL in every other byte.
 * Returns "UTF-16LE", "UTF-16BE" or NULL. */
static const char *
guess_utf16(const unsigned char *p, size_t n)
{
    size_t i, even = 0, odd = 0, pairs;

    if (n > PEEK)
        n = PEEK;
    n &= ~(size_t)1;
    pairs = n / 2;
    if (pairs < 8)
        return NULL;
    for (i = 0; i < n; i += 2) {
        even += p[i] == 0;
        odd += p[i + 1] == 0;
    }
    /* subtitle text is mostly ASCII: most high bytes are NUL */
    if (odd * 10 >= pairs * 4 && even * 20 <= odd)
        return "UTF-16LE";
    if (even * 10 >= pairs * 4 && odd * 20 <= even)
        return "UTF-16BE";
    return NULL;
}

/* Decide from the first bytes in raw; removes a byte-order mark. */
int
tc_source_decide(struct tc_source *s)
{
    const unsigned char *p = s->raw;
    size_t n = s->nraw, skip = 0;
    const char *forced = tc_ctx_option(s->ctx, "encoding");
    const char *enc = NULL, *guess;
    int rc;

    if (forced != NULL && *forced != '\0') {
        s->strip_feff = 1;
        if (tc_enc_is_utf8(forced)) {
            s->mode = M_UTF8;
            return TC_OK;
        }
        return open_stream(s, forced);
    }
    if (n >= 4 && p[0] == 0xFF && p[1] == 0xFE && p[2] == 0 && p[3] == 0) {
        enc = "UTF-32LE";
        skip = 4;
    } else if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE &&
               p[3] == 0xFF) {
        enc = "UTF-32BE";
        skip = 4;
    } else if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        skip = 3;
        s->mode = M_UTF8;
    } else if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        enc = "UTF-16LE";
        skip = 2;
    } else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        enc = "UTF-16BE";
        skip = 2;
    }
    memmove(s->raw, s->raw + skip, n - skip);
    s->nraw -= skip;
    if (enc != NULL)
        return open_stream(s, enc);
    if (s->mode == M_UTF8)
        return TC_OK;
    guess = guess_utf16(p, s->nraw);
    if (guess != NULL) {
        rc = tc_diagf(s->ctx, TC_D_ENCODING, 0, 0,
                      "no byte-order mark, but the NUL bytes say %s; "
                      "name the encoding with --encoding if this is wrong",
                      guess);
        if (rc != TC_OK)
            return rc;
        return open_stream(s, guess);
    }
    s->mode = M_UTF8_AUTO;
    /* one the user names is checked now; else it is chosen when needed */
    enc = tc_ctx_option(s->ctx, "fallback-encoding");
    return enc != NULL ? tc_source_open_fallback(s, enc) : TC_OK;
}

/* ---- stream conversion ------------------------------------------------ */

/* Keep dline/dcol in step with the decoded bytes [from, dec.len): the same
 * line ends as tc_lines_next() (LF, CRLF, lone CR). */
static void
track_lines(struct tc_source *s, size_t from)
{
    const char *p = s->dec.data + from, *e = s->dec.data + s->dec.len;

    for (; p < e; p++) {
        if (*p == '\n') {
            if (!s->dcr)
                s->dline++;
            s->dcr = 0;
            s->dcol = 0;
        } else if (*p == '\r') {
            s->dline++;
            s->dcr = 1;
            s->dcol = 0;
        } else {
            s->dcr = 0;
            s->dcol++;
        }
    }
}

static void
pend_add(struct tc_source *s, const char *bytes, size_t n)
{
    struct pend *pd;
    size_t i;

    if (s->npend == PEND_MAX) {
        s->pend_lost++;
        return;
    }
    pd = &s->pend[s->npend++];
    pd->line = s->dline + 1;
    pd->col = s->dcol + 1;
    pd->nbytes = (unsigned)(n > 4 ? 4 : n);
    for (i = 0; i < pd->nbytes; i++)
        pd->bytes[i] = (unsigned char)bytes[i];
}

/* Report the waiting problems on lines up to upto (all for 0). */
int
tc_source_pend_flush(struct tc_source *s, unsigned long upto)
{
    size_t i = 0, j;
    int rc = TC_OK;

    while (i < s->npend && (upto == 0 || s->pend[i].line <= upto) &&
           rc == TC_OK) {
        const struct pend *pd = &s->pend[i++];
        char hex[24];
        size_t k, o = 0;

        for (k = 0; k < pd->nbytes; k++)
            o += (size_t)snprintf(hex + o, sizeof hex - o, "%s%02x",
                                  k ? " " : "", pd->bytes[k]);
        rc = tc_diagf(s->ctx, TC_D_BAD_BYTE, pd->line, pd->col,
                      "%s %s not %s, replaced by U+FFFD",
                      pd->nbytes > 1 ? "bytes" : "byte", hex, s->cd_name);
    }
    for (j = 0; i + j < s->npend; j++)
        s->pend[j] = s->pend[i + j];
    s->npend = j;
    if (rc == TC_OK && upto == 0 && s->pend_lost > 0) {
        rc = tc_diagf(s->ctx, TC_D_BAD_BYTE, 0, 0,
                      "%lu more bad sequences replaced by U+FFFD",
                      s->pend_lost);
        s->pend_lost = 0;
    }
    return rc;
}

/* Convert raw[0..nraw) into dec, keeping an incomplete tail for later. */
int
tc_source_convert(struct tc_source *s)
{
    char *in = (char *)s->raw;
    size_t inleft = s->nraw;

    while (inleft > 0) {
        char *outp;
        size_t outleft, before, r, skip;

        if (tc_buf_grow(&s->dec, inleft * 4 + 16) != TC_OK)
            return tc_buf_status(&s->dec);
        before = s->dec.len;
        outp = s->dec.data + s->dec.len;
        outleft = s->dec.cap - s->dec.len - 1;
        r = iconv(s->cd, &in, &inleft, &outp, &outleft);
        s->dec.len = (size_t)(outp - s->dec.data);
        s->dec.data[s->dec.len] = '\0';
        track_lines(s, before);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG)
            continue;
        if (errno == EINVAL && !s->eof)
            break;                         /* finish on the next read */
        /* EILSEQ, or a truncated sequence at the end of input: skip one
         * code unit so that UTF-16 and UTF-32 stay in step */
        skip = s->unit < inleft ? s->unit : inleft;
        pend_add(s, in, skip);
        tc_buf_add(&s->dec, replacement, 3);
        s->dcr = 0;
        s->dcol += 3;
        in += skip;
        inleft -= skip;
    }
    memmove(s->raw, in, inleft);
    s->nraw = inleft;
    return tc_buf_status(&s->dec);
}
