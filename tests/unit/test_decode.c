/* test_decode.c -- the decoding front end (src/source.c) and the output
 * encoding (src/sink.c): byte-order marks, the per-line fallback, bad
 * bytes with their places, sequences split across reads, line ends,
 * limits, and characters an output encoding cannot hold. */
#include "config.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "ctx.h"
#include "memio.h"

static void
collect(const struct tc_diag *d, void *ud)
{
    tc_buf_addf(ud, "%lu:%u: %s: %s%s%s\n", d->line, d->col,
                tc_severity_name(d->sev), d->message, d->detail ? ": " : "",
                d->detail ? d->detail : "");
}

struct run {
    struct tc_buf lines;     /* each line followed by '|' */
    struct tc_buf diags;
    int rc;                  /* what ended the lines: 0 or a tc_status */
};

/* Read bytes[0..n) as lines, with option key=value (key may be NULL). */
static void
read_lines(const char *bytes, size_t n, const char *key, const char *value,
           int strict, struct run *r)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_source *src = NULL;
    const char *l;
    size_t len;

    tc_buf_init(&r->lines, 0);
    tc_buf_init(&r->diags, 0);
    ck_assert(ctx != NULL);
    tc_ctx_set_diag(ctx, collect, &r->diags);
    tc_ctx_set_strict(ctx, strict);
    if (key != NULL)
        ck_assert_int_eq(tc_ctx_set_option(ctx, key, value), TC_OK);
    src = unit_source(ctx, bytes, n, NULL);
    ck_assert_ptr_nonnull(src);
    while ((r->rc = tc_lines_next(src, &l, &len)) == 1) {
        ck_assert(l[len] == '\0');
        tc_buf_add(&r->lines, l, len);
        tc_buf_addc(&r->lines, '|');
    }
    tc_source_free(src);
    tc_ctx_free(ctx);
}

static void
run_free(struct run *r)
{
    tc_buf_release(&r->lines);
    tc_buf_release(&r->diags);
}

/* ---- byte-order marks and detection ------------------------------------ */

static const struct {
    const char *name;
    const char *bytes;
    size_t n;
} marked[] = {
    { "UTF-8", BYTES("\xEF\xBB\xBF" "A\n\xC3\xA9") },
    { "UTF-16LE", BYTES("\xFF\xFE" "A\0\n\0\xE9\0") },
    { "UTF-16BE", BYTES("\xFE\xFF" "\0A\0\n\0\xE9") },
    { "UTF-32LE", BYTES("\xFF\xFE\0\0" "A\0\0\0\n\0\0\0\xE9\0\0\0") },
    { "UTF-32BE", BYTES("\0\0\xFE\xFF" "\0\0\0A\0\0\0\n\0\0\0\xE9") },
};

START_TEST(bom_picks_encoding)
{
    struct run r;

    read_lines(marked[_i].bytes, marked[_i].n, NULL, NULL, 0, &r);
    ck_assert_msg(strcmp(r.lines.data, "A|\xC3\xA9|") == 0, "%s: %s",
                  marked[_i].name, r.lines.data);
    ck_assert_str_eq(r.diags.data, "");
    ck_assert_int_eq(r.rc, 0);
    run_free(&r);
}
END_TEST

START_TEST(bom_only_and_empty)
{
    struct run r;

    read_lines(BYTES("\xEF\xBB\xBF"), NULL, NULL, 0, &r);
    ck_assert_str_eq(r.lines.data, "");
    ck_assert_str_eq(r.diags.data, "");
    run_free(&r);
    read_lines(BYTES("\xFF\xFE"), NULL, NULL, 0, &r);
    ck_assert_str_eq(r.lines.data, "");
    ck_assert_str_eq(r.diags.data, "");
    run_free(&r);
    read_lines(BYTES(""), NULL, NULL, 0, &r);
    ck_assert_str_eq(r.lines.data, "");
    ck_assert_int_eq(r.rc, 0);
    run_free(&r);
}
END_TEST

START_TEST(utf16_without_mark_is_guessed)
{
    struct run r;

    read_lines(BYTES("\0H\0e\0l\0l\0o\0,\0 \0y\0o\0u\0\n\0\xE9"), NULL,
               NULL, 0, &r);
    ck_assert_str_eq(r.lines.data, "Hello, you|\xC3\xA9|");
    ck_assert_str_eq(r.diags.data,
                     "0:0: warning: input is not UTF-8: no byte-order "
                     "mark, but the NUL bytes say UTF-16BE; name the "
                     "encoding with --encoding if this is wrong\n");
    run_free(&r);
}
END_TEST

START_TEST(forced_encoding_drops_mark)
{
    struct run r;

    read_lines(BYTES("\xFF\xFE" "A\0"), "encoding", "UTF-16LE", 0, &r);
    ck_assert_str_eq(r.lines.data, "A|");
    ck_assert_str_eq(r.diags.data, "");
    run_free(&r);
    read_lines(BYTES("\xA4 5"), "encoding", "ISO-8859-15", 0, &r);
    ck_assert_str_eq(r.lines.data, "\xE2\x82\xAC 5|");
    run_free(&r);
    read_lines(BYTES("x"), "encoding", "NO-SUCH-THING", 0, &r);
    ck_assert_int_eq(r.rc, TC_ERR_ARG);
    ck_assert_str_eq(r.diags.data, "0:0: error: bad option: unknown "
                     "encoding 'NO-SUCH-THING' (see iconv --list)\n");
    run_free(&r);
}
END_TEST

/* ---- UTF-8, the fallback and bad bytes ----------------------------------- */

START_TEST(fallback_per_line)
{
    struct run r;

    /* 1252, UTF-8, 1252, 1252: the second 1252 run warns again */
    read_lines(BYTES("ok\nCaf\xE9\n\xC3\xA9t\xC3\xA9\n\x93q\x94\nna\xEFve\n"),
               NULL, NULL, 0, &r);
    ck_assert_str_eq(r.lines.data, "ok|Caf\xC3\xA9|\xC3\xA9t\xC3\xA9|"
                     "\xE2\x80\x9Cq\xE2\x80\x9D|na\xC3\xAFve|");
    ck_assert_str_eq(r.diags.data,
                     "2:4: warning: input is not UTF-8: reading it as "
                     "windows-1252 (use --encoding to choose)\n"
                     "4:1: warning: input is not UTF-8: reading it as "
                     "windows-1252 (use --encoding to choose)\n");
    run_free(&r);
    read_lines(BYTES("\x9E"), "fallback-encoding", "windows-1250", 0, &r);
    ck_assert_str_eq(r.lines.data, "\xC5\xBE|");
    run_free(&r);
}
END_TEST

START_TEST(fallback_undefined_byte)
{
    struct run r;

    /* 0x81 has no character in windows-1252 */
    read_lines(BYTES("a\x81" "b\x81"), NULL, NULL, 0, &r);
    ck_assert_str_eq(r.lines.data, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD|");
    ck_assert_str_eq(r.diags.data,
                     "1:2: warning: input is not UTF-8: reading it as "
                     "windows-1252 (use --encoding to choose)\n"
                     "1:2: warning: invalid byte sequence: 2 bytes not "
                     "windows-1252, replaced by U+FFFD\n");
    run_free(&r);
}
END_TEST

START_TEST(declared_utf8_replaces)
{
    struct run r;

    /* a cut 4-byte sequence is one U+FFFD; a surrogate's bytes are three */
    read_lines(BYTES("\xEF\xBB\xBFok\n\xF0\x9F\x98x\xED\xA0\x80y\n"), NULL,
               NULL, 0, &r);
    ck_assert_str_eq(r.lines.data, "ok|\xEF\xBF\xBDx\xEF\xBF\xBD"
                     "\xEF\xBF\xBD\xEF\xBF\xBDy|");
    ck_assert_str_eq(r.diags.data,
                     "2:1: warning: invalid byte sequence: 4 invalid UTF-8 "
                     "sequences replaced by U+FFFD\n");
    run_free(&r);
    read_lines(BYTES("a\xFF"), "encoding", "utf-8", 0, &r);
    ck_assert_str_eq(r.lines.data, "a\xEF\xBF\xBD|");
    run_free(&r);
}
END_TEST

START_TEST(strict_stops)
{
    struct run r;

    read_lines(BYTES("\xEF\xBB\xBF" "a\nb\xFF\nc\n"), NULL, NULL, 1, &r);
    ck_assert_int_eq(r.rc, TC_ERR_STRICT);
    ck_assert_str_eq(r.lines.data, "a|");
    ck_assert_str_eq(r.diags.data, "2:2: error: invalid byte sequence: 1 "
                     "invalid UTF-8 sequence replaced by U+FFFD\n");
    run_free(&r);
    read_lines(BYTES("a\nb\xFF\n"), NULL, NULL, 1, &r);
    ck_assert_int_eq(r.rc, TC_ERR_STRICT);
    run_free(&r);
}
END_TEST

START_TEST(nul_replaced)
{
    struct run r;

    /* a few NULs are not enough to guess UTF-16 */
    read_lines(BYTES("a\0b\n\0"), NULL, NULL, 0, &r);
    ck_assert_str_eq(r.lines.data, "a\xEF\xBF\xBD" "b|\xEF\xBF\xBD|");
    ck_assert_str_eq(r.diags.data,
                     "1:2: warning: invalid byte sequence: 1 NUL byte "
                     "replaced by U+FFFD\n"
                     "2:1: warning: invalid byte sequence: 1 NUL byte "
                     "replaced by U+FFFD\n");
    run_free(&r);
}
END_TEST

START_TEST(utf16_bad_units_named_by_line)
{
    struct run r;

    /* line 2: a lone high surrogate; the end: half a code unit */
    read_lines(BYTES("\xFF\xFE" "a\0\r\0\n\0b\0\0\xD8" "c\0\n\0d"), NULL, NULL,
               0, &r);
    ck_assert_str_eq(r.lines.data, "a|b\xEF\xBF\xBD" "c|\xEF\xBF\xBD|");
    ck_assert_str_eq(r.diags.data,
                     "2:2: warning: invalid byte sequence: bytes 00 d8 not "
                     "UTF-16LE, replaced by U+FFFD\n"
                     "3:1: warning: invalid byte sequence: byte 64 not "
                     "UTF-16LE, replaced by U+FFFD\n");
    run_free(&r);
}
END_TEST

/* ---- the fallback's encoding, detected (src/charset.c) ----------------- */

/* Two windows-1251 lines: "Где ты был весь вечер?" and "Я работал
 * допоздна." (where were you all evening? / I worked late.) */
#define CYR1 "\xC3\xE4\xE5 \xF2\xFB \xE1\xFB\xEB \xE2\xE5\xF1\xFC " \
             "\xE2\xE5\xF7\xE5\xF0?"
#define CYR2 "\xDF \xF0\xE0\xE1\xEE\xF2\xE0\xEB \xE4\xEE\xEF\xEE\xE7\xE4" \
             "\xED\xE0."
#define CYR1_UTF8 "\xD0\x93\xD0\xB4\xD0\xB5 \xD1\x82\xD1\x8B \xD0\xB1\xD1" \
                  "\x8B\xD0\xBB \xD0\xB2\xD0\xB5\xD1\x81\xD1\x8C \xD0\xB2" \
                  "\xD0\xB5\xD1\x87\xD0\xB5\xD1\x80?"
#define CYR2_UTF8 "\xD0\xAF \xD1\x80\xD0\xB0\xD0\xB1\xD0\xBE\xD1\x82\xD0" \
                  "\xB0\xD0\xBB \xD0\xB4\xD0\xBE\xD0\xBF\xD0\xBE\xD0\xB7" \
                  "\xD0\xB4\xD0\xBD\xD0\xB0."

START_TEST(guess_sample)
{
    /* curly quotes, an apostrophe, a dash and an ellipsis in
     * windows-1252: uchardet says windows-1250, which has the same
     * bytes for them, so the default stands */
    static const char quotes[] =
        "He said \x93I\x92ll be there at eight\x94 \x97 and left.\n"
        "It\x92s late\x85 we should go.\nDon\x92t forget the keys.\n"
        "Fine, I\x92ll wait outside.\n";
    /* ISO-8859-1 that uchardet takes for the DOS code page IBM852 */
    static const char latin1[] =
        "Caf\xE9 au lait, s'il vous pla\xEEt.\n"
        "\xDC" "ber den Wolken, na\xEFve fa\xE7" "ade.\n"
        "Se\xF1or N\xFA\xF1" "ez paid EUR20.\n";
    /* one word: uchardet says ISO-8859-10, where 0xF1 is not n tilde */
    static const char one[] = "We met the Se\xF1or yesterday.\n";
    char out[32];

#ifdef HAVE_UCHARDET
    ck_assert_int_eq(tc_charset_guess(BYTES(CYR1 "\n" CYR2 "\n" CYR1 "\n"),
                                      "windows-1252", out, sizeof out), 1);
    ck_assert_str_eq(out, "windows-1251");
#endif
    ck_assert_int_eq(tc_charset_guess(BYTES(quotes), "windows-1252", out,
                                      sizeof out), 0);
    ck_assert_int_eq(tc_charset_guess(BYTES(latin1), "windows-1252", out,
                                      sizeof out), 0);
    ck_assert_int_eq(tc_charset_guess(BYTES(one), "windows-1252", out,
                                      sizeof out), 0);
    ck_assert_int_eq(tc_charset_guess(BYTES(""), "windows-1252", out,
                                      sizeof out), 0);
}
END_TEST

#ifdef HAVE_UCHARDET
#define DETECTED(enc) "reading it as " enc ", detected from its bytes"
#else
#define DETECTED(enc) "reading it as windows-1252"
#endif

START_TEST(fallback_detected)
{
    struct run r;

    read_lines(BYTES("1\n" CYR1 "\n" CYR2 "\n"), NULL, NULL, 0, &r);
    ck_assert_str_eq(r.diags.data, "2:1: warning: input is not UTF-8: "
                     DETECTED("windows-1251") " (use --encoding to "
                     "choose)\n");
#ifdef HAVE_UCHARDET
    ck_assert_str_eq(r.lines.data, "1|" CYR1_UTF8 "|" CYR2_UTF8 "|");
#endif
    run_free(&r);
    /* a fallback named by the user is taken as it is */
    read_lines(BYTES(CYR1 "\n" CYR2 "\n"), "fallback-encoding",
               "windows-1252", 0, &r);
    ck_assert_str_eq(r.diags.data, "1:1: warning: input is not UTF-8: "
                     "reading it as windows-1252 (use --encoding to "
                     "choose)\n");
    ck_assert(strncmp(r.lines.data, "\xC3\x83\xC3\xA4", 4) == 0);
    run_free(&r);
}
END_TEST

/* The first line that is not UTF-8 says too little (one short word); the
 * lines after it, past the end of the first 64 KiB read, say the rest. */
START_TEST(fallback_detected_ahead)
{
    size_t lead = 65536 - 10, n = 0, i;
    char *b = malloc(lead + 4096), *want = malloc(lead + 8192);
    size_t wn = 0;
    struct run r;

    ck_assert(b != NULL && want != NULL);
    memset(b, 'a', lead - 1);
    b[lead - 1] = '\n';
    n = lead;
    memcpy(b + n, "\xE4\xE0\n", 3);             /* "да", yes */
    n += 3;
    for (i = 0; i < 20; i++) {
        memcpy(b + n, CYR1 "\n", sizeof CYR1);
        n += sizeof CYR1;
    }
    memcpy(want, b, lead - 1);
    wn = lead - 1;
    memcpy(want + wn, "|\xD0\xB4\xD0\xB0|", 6);
    wn += 6;
    for (i = 0; i < 20; i++) {
        memcpy(want + wn, CYR1_UTF8 "|", sizeof CYR1_UTF8);
        wn += sizeof CYR1_UTF8;
    }
    want[wn] = '\0';
    read_lines(b, n, NULL, NULL, 0, &r);
    ck_assert_str_eq(r.diags.data, "2:1: warning: input is not UTF-8: "
                     DETECTED("windows-1251") " (use --encoding to "
                     "choose)\n");
#ifdef HAVE_UCHARDET
    ck_assert(strcmp(r.lines.data, want) == 0);
#endif
    run_free(&r);
    free(b);
    free(want);
}
END_TEST

/* On a pipe the look-ahead takes what has arrived and never waits for
 * more: a live transcript's first line is not held back. */
START_TEST(fallback_pipe_does_not_wait)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_source *src = NULL;
    struct tc_buf diags;
    const char *l;
    size_t len;
    char path[32];
    int fd[2];

    ck_assert(ctx != NULL);
    tc_buf_init(&diags, 0);
    tc_ctx_set_diag(ctx, collect, &diags);
    ck_assert_int_eq(pipe(fd), 0);
    ck_assert(write(fd[1], BYTES(CYR1 "\n" CYR2 "\n" CYR1 "\n")) > 0);
    snprintf(path, sizeof path, "/dev/fd/%d", fd[0]);
    ck_assert_int_eq(tc_source_open(ctx, path, &src), TC_OK);
    /* the writer stays open: a read that waited would hang the test */
    ck_assert_int_eq(tc_lines_next(src, &l, &len), 1);
#ifdef HAVE_UCHARDET
    ck_assert_str_eq(l, CYR1_UTF8);
#endif
    ck_assert_int_eq(tc_lines_next(src, &l, &len), 1);
    ck_assert_int_eq(tc_lines_next(src, &l, &len), 1);
    close(fd[1]);
    ck_assert_int_eq(tc_lines_next(src, &l, &len), 0);
    ck_assert_str_eq(diags.data, "1:1: warning: input is not UTF-8: "
                     DETECTED("windows-1251") " (use --encoding to "
                     "choose)\n");
    tc_source_free(src);
    close(fd[0]);
    tc_buf_release(&diags);
    tc_ctx_free(ctx);
}
END_TEST

/* ---- streaming --------------------------------------------------------- */

START_TEST(sequence_split_across_reads)
{
    /* the reads are 64 KiB: put a surrogate pair across the first end */
    size_t n = 2 + 2 * 32766 + 4 + 2 + 2, i;
    char *b = malloc(n), *want = malloc(32766 + 4 + 3);
    struct run r;

    ck_assert(b != NULL && want != NULL);
    b[0] = '\xFF';
    b[1] = '\xFE';
    for (i = 0; i < 32766; i++) {
        b[2 + 2 * i] = 'a';
        b[3 + 2 * i] = 0;
        want[i] = 'a';
    }
    memcpy(b + 65534, "\x3D\xD8\x00\xDE" "\r\0\n\0", 8);
    memcpy(want + 32766, "\xF0\x9F\x98\x80|", 6);
    read_lines(b, n, NULL, NULL, 0, &r);
    ck_assert_str_eq(r.lines.data, want);
    ck_assert_str_eq(r.diags.data, "");
    run_free(&r);
    free(b);
    free(want);
}
END_TEST

START_TEST(crlf_split_across_reads)
{
    size_t n = 65537, i;
    char *b = malloc(n);
    struct run r;

    ck_assert(b != NULL);
    for (i = 0; i < 65535; i++)
        b[i] = 'x';
    b[65535] = '\r';     /* last byte of the first read */
    b[65536] = '\n';
    read_lines(b, n, NULL, NULL, 0, &r);
    ck_assert_uint_eq(r.lines.len, 65536);
    ck_assert_str_eq(r.diags.data, "");
    run_free(&r);
    read_lines(BYTES("a\rb\r\nc\n\nd"), NULL, NULL, 0, &r);
    ck_assert_str_eq(r.lines.data, "a|b|c||d|");
    run_free(&r);
    free(b);
}
END_TEST

/* Lines ended by LF, CRLF and lone CR, with NULs, in blocks of every
 * size around the reader's, against a plain model: the reader keeps
 * where the next CR and NUL are between lines and must not lose them
 * when it moves or refills its buffer. */
START_TEST(line_ends_mixed_model)
{
    static const char *const piece[] = {
        "abc", "\xC3\xA9", "\n", "\r", "\r\n", "\n\n", "\r\r", "xy z",
    };
    unsigned long x = 88172645463325252UL;
    size_t n = 0, cap = 300000, i, k, run;
    char *b = malloc(cap + 2000);
    struct tc_buf want;
    struct run r;

    ck_assert(b != NULL);
    tc_buf_init(&want, 0);
    /* no NUL near the start, where the input's encoding is guessed */
    while (n < cap) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        k = (size_t)(x >> 8) % 64;
        if (k < sizeof piece / sizeof piece[0]) {
            memcpy(b + n, piece[k], strlen(piece[k]));
            n += strlen(piece[k]);
        } else if (k < 60 || n < 8192) {
            /* a run of text, now and then longer than a block */
            run = k == 59 ? (size_t)(x >> 20) % 1500 : (size_t)(x >> 20) % 40;
            memset(b + n, 'q', run);
            n += run;
        } else {
            b[n++] = '\0';
        }
    }
    /* the model: each NUL as U+FFFD, each LF, CRLF or CR ends a line */
    for (i = 0; i < n; i++) {
        if (b[i] == '\0')
            tc_buf_add(&want, "\xEF\xBF\xBD", 3);
        else if (b[i] == '\r' || b[i] == '\n') {
            tc_buf_addc(&want, '|');
            if (b[i] == '\r' && i + 1 < n && b[i + 1] == '\n')
                i++;
        } else
            tc_buf_addc(&want, b[i]);
    }
    if (n > 0 && b[n - 1] != '\r' && b[n - 1] != '\n')
        tc_buf_addc(&want, '|');
    read_lines(b, n, NULL, NULL, 0, &r);
    ck_assert_int_eq(r.rc, 0);
    ck_assert_uint_eq(r.lines.len, want.len);
    ck_assert(memcmp(r.lines.data, want.data, want.len) == 0);
    ck_assert(strstr(r.diags.data, "NUL byte") != NULL);
    run_free(&r);
    tc_buf_release(&want);
    free(b);
}
END_TEST

/* The fallback's table: what iconv gives for each byte, and a refusal
 * for encodings a table cannot hold. */
START_TEST(single_byte_table)
{
    static const char *const refused[] = {
        "UTF-8", "UTF-16LE", "SHIFT_JIS", "ISO-2022-JP", "CP1258", "CP1255",
    };
    struct tc_sbcs t;
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    size_t i;

    ck_assert(cd != (iconv_t)-1);
    ck_assert_int_eq(tc_sbcs_build(cd, &t), TC_OK);
    iconv_close(cd);
    ck_assert_uint_eq(t.len['A'], 1);
    ck_assert_int_eq(t.utf8['A'][0], 'A');
    ck_assert_uint_eq(t.len[0], 1);
    ck_assert_int_eq(t.utf8[0][0], '\0');
    ck_assert_uint_eq(t.len[0xE9], 2);
    ck_assert(memcmp(t.utf8[0xE9], "\xC3\xA9", 2) == 0);
    ck_assert_uint_eq(t.len[0x80], 3);          /* the euro sign */
    ck_assert(memcmp(t.utf8[0x80], "\xE2\x82\xAC", 3) == 0);
    ck_assert_uint_eq(t.len[0x81], 0);          /* not in windows-1252 */
    for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        cd = iconv_open("UTF-8", refused[i]);
        if (cd == (iconv_t)-1)
            continue;                   /* not in this C library */
        ck_assert_msg(tc_sbcs_build(cd, &t) == TC_ERR_UNSUPPORTED, "%s",
                      refused[i]);
        iconv_close(cd);
    }
}
END_TEST

START_TEST(line_limit)
{
    size_t n = (8u << 20) + 70000;
    char *b = malloc(n);
    struct run r;

    ck_assert(b != NULL);
    memset(b, 'y', n);
    read_lines(b, n, NULL, NULL, 0, &r);
    ck_assert_int_eq(r.rc, TC_ERR_LIMIT);
    ck_assert_str_eq(r.diags.data, "1:0: error: limit reached: line longer "
                     "than 8388608 bytes\n");
    run_free(&r);
    free(b);
}
END_TEST

START_TEST(raw_bytes_interface)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_source *src;
    char out[16];
    long got;

    src = unit_source(ctx, BYTES("\xFE\xFF\0<\0\xE9"), NULL);
    ck_assert_ptr_nonnull(src);
    got = tc_source_read(src, out, sizeof out);
    ck_assert_int_eq(got, 3);
    ck_assert(memcmp(out, "<\xC3\xA9", 3) == 0);
    ck_assert_int_eq(tc_source_read(src, out, sizeof out), 0);
    tc_source_free(src);
    /* without a mark the bytes pass as they are: an XML reader decodes
     * by the document's own declaration */
    src = unit_source(ctx, BYTES("<\xE9"), NULL);
    ck_assert_ptr_nonnull(src);
    ck_assert_int_eq(tc_source_read(src, out, sizeof out), 2);
    ck_assert(memcmp(out, "<\xE9", 2) == 0);
    tc_source_free(src);
    tc_ctx_free(ctx);
}
END_TEST

/* ---- output encoding --------------------------------------------------- */

/* Write pieces through a sink with an option set; return the bytes written
 * in *out (a tc_buf) and the diagnostics in *diags. */
static int
sink_run(const char *key, const char *value, const char *const *pieces,
         struct tc_buf *out, struct tc_buf *diags)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct unit_sink us;
    int rc;

    ck_assert(ctx != NULL);
    tc_buf_init(out, 0);
    tc_buf_init(diags, 0);
    tc_ctx_set_diag(ctx, collect, diags);
    if (key != NULL)
        ck_assert_int_eq(tc_ctx_set_option(ctx, key, value), TC_OK);
    rc = unit_sink_open(ctx, &us);
    if (rc == TC_OK)
        for (; *pieces != NULL; pieces++)
            tc_sink_write(us.sink, *pieces, strlen(*pieces));
    if (rc == TC_OK)
        rc = unit_sink_close(&us, out);
    else
        unit_sink_close(&us, out);
    tc_ctx_free(ctx);
    return rc;
}

START_TEST(output_windows_1252)
{
    static const char *const text[] = {
        "Caf\xC3\xA9 \xE2\x82", "\xAC\n", "\xE4\xB8\x80 \xE4\xB8\x80\n", NULL
    };
    struct tc_buf out, diags;

    ck_assert_int_eq(sink_run("output-encoding", "windows-1252", text, &out,
                              &diags), TC_OK);
    /* the euro sign split between two writes; U+4E00 twice, told once */
    ck_assert_uint_eq(out.len, 11);
    ck_assert(memcmp(out.data, "Caf\xE9 \x80\n? ?\n", 11) == 0);
    ck_assert_str_eq(diags.data, "2:0: warning: output format cannot "
                     "express this: U+4E00 '\xE4\xB8\x80' is not in "
                     "windows-1252: written as '?'\n");
    tc_buf_release(&out);
    tc_buf_release(&diags);
}
END_TEST

START_TEST(output_bom)
{
    static const char *const text[] = { "A", NULL };
    struct tc_buf out, diags;

    ck_assert_int_eq(sink_run("bom", "yes", text, &out, &diags), TC_OK);
    ck_assert_uint_eq(out.len, 4);
    ck_assert(memcmp(out.data, "\xEF\xBB\xBF" "A", 4) == 0);
    tc_buf_release(&out);
    tc_buf_release(&diags);
    ck_assert_int_eq(sink_run("output-encoding", "UTF-16BE", text, &out,
                              &diags), TC_OK);
    ck_assert_uint_eq(out.len, 2);
    ck_assert(memcmp(out.data, "\0A", 2) == 0);
    tc_buf_release(&out);
    tc_buf_release(&diags);
    ck_assert_int_eq(sink_run("output-encoding", "NO-SUCH-THING", text,
                              &out, &diags), TC_ERR_ARG);
    tc_buf_release(&out);
    tc_buf_release(&diags);
}
END_TEST

START_TEST(output_large_write)
{
    /* one write larger than the buffer, a 3-byte character across its
     * 64 KiB boundary */
    size_t n = 70000;
    char *big = malloc(n + 1);
    const char *text[2];
    struct tc_buf out, diags;

    ck_assert(big != NULL);
    memset(big, 'z', n);
    memcpy(big + 65535, "\xE2\x82\xAC", 3);
    big[n] = '\0';
    text[0] = big;
    text[1] = NULL;
    ck_assert_int_eq(sink_run("output-encoding", "ISO-8859-15", text, &out,
                              &diags), TC_OK);
    ck_assert_uint_eq(out.len, n - 2);
    ck_assert_int_eq((unsigned char)out.data[65535], 0xA4);
    ck_assert_int_eq(out.data[65536], 'z');
    ck_assert_str_eq(diags.data, "");
    tc_buf_release(&out);
    tc_buf_release(&diags);
    free(big);
}
END_TEST

Suite *
suite_decode(void)
{
    Suite *s = suite_create("decode");
    TCase *in = tcase_create("input");
    TCase *out = tcase_create("output");

    tcase_add_loop_test(in, bom_picks_encoding, 0,
                        sizeof marked / sizeof marked[0]);
    tcase_add_test(in, bom_only_and_empty);
    tcase_add_test(in, utf16_without_mark_is_guessed);
    tcase_add_test(in, forced_encoding_drops_mark);
    tcase_add_test(in, fallback_per_line);
    tcase_add_test(in, fallback_undefined_byte);
    tcase_add_test(in, guess_sample);
    tcase_add_test(in, fallback_detected);
    tcase_add_test(in, fallback_detected_ahead);
    tcase_add_test(in, fallback_pipe_does_not_wait);
    tcase_add_test(in, declared_utf8_replaces);
    tcase_add_test(in, strict_stops);
    tcase_add_test(in, nul_replaced);
    tcase_add_test(in, utf16_bad_units_named_by_line);
    tcase_add_test(in, sequence_split_across_reads);
    tcase_add_test(in, crlf_split_across_reads);
    tcase_add_test(in, line_ends_mixed_model);
    tcase_add_test(in, single_byte_table);
    tcase_add_test(in, line_limit);
    tcase_add_test(in, raw_bytes_interface);
    tcase_add_test(out, output_windows_1252);
    tcase_add_test(out, output_bom);
    tcase_add_test(out, output_large_write);
    tcase_set_timeout(in, 60);
    suite_add_tcase(s, in);
    suite_add_tcase(s, out);
    return s;
}
