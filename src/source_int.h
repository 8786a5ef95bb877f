/* source_int.h -- the state of a source (source.c), shared with its
 * decoding half (source_enc.c: choosing the encoding, converting a stream
 * with iconv).  Nothing outside those two files includes it. */
#ifndef TRANSCUE_SRC_SOURCE_INT_H
#define TRANSCUE_SRC_SOURCE_INT_H

#include <iconv.h>

#include "ctx.h"
#include "io.h"

#define BLOCK     65536
#define PEEK      4096
#define PEND_MAX  64                /* decode problems waiting for a line */

enum src_mode {
    M_UNSET,        /* the first block has not been seen */
    M_UTF8_AUTO,    /* UTF-8; a line that is not is read with the fallback */
    M_UTF8,         /* declared UTF-8: bad sequences become U+FFFD */
    M_ICONV         /* converted as a stream by cd */
};

/* A bad sequence found while converting a stream, reported when the line
 * reader reaches its line so that messages come in input order. */
struct pend {
    unsigned long line;
    unsigned col;
    unsigned char bytes[4];
    unsigned nbytes;
};

/* The first of some byte in dec at or after dpos: at it when at < upto,
 * else none before upto (searched so far); both 0 when unknown. */
struct stop {
    size_t at, upto;
};

struct tc_source {
    struct tc_ctx *ctx;
    char *name;                 /* for messages; NULL: none */
    struct tc_io *io;
    int own_io;
    int eof;                    /* the input is exhausted */
    /* called before a read that may wait (see tc_source_on_wait()) */
    int (*on_wait)(void *ud);
    void *wait_ud;
    enum src_mode mode;
    int strip_feff;             /* drop a U+FEFF at the start of output */
    iconv_t cd;                 /* M_ICONV: the stream converter */
    const char *cd_name;
    unsigned unit;              /* code unit size of cd's input: 1, 2, 4 */
    iconv_t fb;                 /* M_UTF8_AUTO: the fallback, per line,
                                   opened at the first line that needs it */
    const char *fb_name;
    struct tc_sbcs *sb;         /* fb as a table, when it is single-byte */
    int fb_detected;            /* fb_name was guessed from the bytes */
    char fb_guess[32];
    int fb_active;              /* the last non-ASCII line used fb */
    unsigned char raw[BLOCK];   /* undecoded bytes, for iconv only */
    size_t nraw;
    struct tc_buf dec;          /* decoded bytes; consumed up to dpos */
    size_t dpos;
    size_t clean;               /* dec[dpos, clean) is UTF-8 without NUL
                                   and CR, when clean > dpos; 0: unknown */
    struct stop cr, nul;        /* where the next CR and NUL are */
    unsigned long dline;        /* line terminators decoded so far */
    unsigned dcol;              /* bytes decoded since the last one */
    int dcr;                    /* the last decoded byte was CR */
    struct pend pend[PEND_MAX];
    size_t npend;
    unsigned long pend_lost;    /* bad sequences beyond PEND_MAX */
    struct tc_buf fixed;        /* a line after repair */
    unsigned long lineno;
    int skip_lf;                /* last line ended in CR: drop a next LF */
    int unread;
    const char *last;
    size_t last_len;
};

static const char replacement[] = "\xEF\xBF\xBD";   /* U+FFFD */

/* source_enc.c */
int tc_source_decide(struct tc_source *s);
int tc_source_open_fallback(struct tc_source *s, const char *enc);
int tc_source_convert(struct tc_source *s);
int tc_source_pend_flush(struct tc_source *s, unsigned long upto);

#endif
