/* charset.c -- which legacy 8-bit (or CJK) encoding a sample of non-UTF-8
 * text is in, with uchardet when the build has it.
 *
 * uchardet is asked only about lines that are not UTF-8, and its answer is
 * checked before it is taken: a short sample of Western text is easily
 * taken for a DOS code page, and English with curly quotes for
 * windows-1250, whose bytes for them are the same.  So the guess stands
 * only when
 *   - the sample has enough bytes above 0x7F to tell; a DOS or Mac code
 *     page, rarely met in subtitles, yields to the windows code page of
 *     its script when that reads more letters, and else needs many more;
 *   - iconv knows it, it keeps CR, LF and ASCII as they are (the lines are
 *     decoded one by one) and it decodes the whole sample without error;
 *   - it decodes the sample differently from the default (ISO-8859-1 and
 *     ISO-8859-15 often do not), else the default is said.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#ifdef HAVE_UCHARDET
#include <pthread.h>

#include <uchardet/uchardet.h>
#endif

#include "ctx.h"
#include "dl.h"

#ifdef HAVE_UCHARDET
/* uchardet, through a table: loaded when the first line that is not
 * UTF-8 asks, when configure found its soname (src/dl.h), else linked. */
static struct {
    uchardet_t (*new_)(void);
    int (*handle_data)(uchardet_t, const char *, size_t);
    void (*data_end)(uchardet_t);
    const char *(*get_charset)(uchardet_t);
    void (*delete_)(uchardet_t);
} ud_fn
#ifndef TC_LAZY_UCHARDET
    = { uchardet_new, uchardet_handle_data, uchardet_data_end,
        uchardet_get_charset, uchardet_delete }
#endif
;
static pthread_once_t ud_once = PTHREAD_ONCE_INIT;
static int ud_ok;

static void
ud_load(void)
{
#ifdef TC_LAZY_UCHARDET
    static const char *const names[] = {
        "uchardet_new", "uchardet_handle_data", "uchardet_data_end",
        "uchardet_get_charset", "uchardet_delete"
    };
    void *slots[sizeof names / sizeof names[0]];
    char why[256];
    typedef char table_matches[sizeof ud_fn == sizeof slots ? 1 : -1];

    (void)sizeof(table_matches);
    /* cannot be loaded: the text is read as without uchardet */
    if (tc_dl_resolve(TC_LAZY_UCHARDET, names, slots,
                      sizeof names / sizeof names[0], why, sizeof why) !=
        TC_OK)
        return;
    memcpy(&ud_fn, slots, sizeof ud_fn);
#endif
    ud_ok = 1;
}
#endif

#ifdef HAVE_UCHARDET
#define EVIDENCE_MIN    8    /* bytes above 0x7F before a guess counts */
#define EVIDENCE_RARE   64   /* ... for a DOS or Mac code page */

/* Decode all of s with enc into out (cleared first); TC_OK, or
 * TC_ERR_ENCODING when enc cannot read it or changes ASCII. */
static int
decode_all(const char *enc, const char *s, size_t n, struct tc_buf *out)
{
    char probe[] = "A\r\n", pout[16];
    char *in = probe, *o = pout;
    size_t inleft = 3, outleft = sizeof pout;
    iconv_t cd = iconv_open("UTF-8", enc);
    int rc = TC_OK;

    tc_buf_clear(out);
    if (cd == (iconv_t)-1)
        return TC_ERR_ENCODING;
    if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1 ||
        outleft != sizeof pout - 3 || memcmp(pout, "A\r\n", 3) != 0) {
        iconv_close(cd);
        return TC_ERR_ENCODING;
    }
    iconv(cd, NULL, NULL, NULL, NULL);
    in = (char *)s;
    inleft = n;
    while (inleft > 0 && rc == TC_OK) {
        char chunk[1024];
        size_t r;

        o = chunk;
        outleft = sizeof chunk;
        r = iconv(cd, &in, &inleft, &o, &outleft);
        tc_buf_add(out, chunk, sizeof chunk - outleft);
        if (r == (size_t)-1 && errno != E2BIG)
            rc = TC_ERR_ENCODING;
    }
    iconv_close(cd);
    if (rc == TC_OK)
        rc = tc_buf_status(out);
    return rc;
}

/* A DOS or Mac code page and the windows code page of the same script.
 * uchardet takes windows-1251 with few capitals for Mac Cyrillic (they
 * differ in the capitals only): the one that reads more letters wins. */
static const struct {
    const char *rare;
    const char *common;
} siblings[] = {
    { "MAC-CYRILLIC", "windows-1251" },
    { "X-MAC-CYRILLIC", "windows-1251" },
    { "IBM866", "windows-1251" },
    { "IBM855", "windows-1251" },
};

/* Do most bytes above 0x7F stand next to another, as in words of a
 * script other than Latin (rather than a letter here and there)? */
static int
in_runs(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i, high = 0, paired = 0;

    for (i = 0; i < n; i++) {
        if (p[i] < 0x80)
            continue;
        high++;
        paired += (i > 0 && p[i - 1] >= 0x80) ||
                  (i + 1 < n && p[i + 1] >= 0x80);
    }
    return paired * 2 > high;
}

static int
is_rare(const char *enc)
{
    return strncasecmp(enc, "IBM", 3) == 0 ||
           strncasecmp(enc, "MAC", 3) == 0 ||
           strncasecmp(enc, "X-MAC", 5) == 0;
}

/* Letters in UTF-8 text: ASCII, Latin, Greek and Cyrillic ones, which is
 * what the code pages above can tell apart by. */
static size_t
letters(const struct tc_buf *b)
{
    const unsigned char *p = (const unsigned char *)b->data;
    size_t i, n = 0;

    for (i = 0; i < b->len; i++) {
        unsigned cp;

        if (p[i] < 0x80) {
            n += (p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z';
            continue;
        }
        if ((p[i] & 0xE0) != 0xC0 || i + 1 >= b->len)
            continue;
        cp = ((p[i] & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu);
        n += (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
             (cp >= 0x386 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x4FF);
    }
    return n;
}

/* What to make of a DOS or Mac guess: its windows sibling when the text
 * is in words of its script and the sibling reads more letters; else the
 * guess itself if the evidence is strong; else NULL (no guess). */
static const char *
judge_rare(const char *g, const char *s, size_t n, size_t high,
           struct tc_buf *a, struct tc_buf *b)
{
    size_t i;

    for (i = 0; i < sizeof siblings / sizeof siblings[0]; i++)
        if (strcasecmp(g, siblings[i].rare) == 0)
            break;
    if (i < sizeof siblings / sizeof siblings[0] && in_runs(s, n) &&
        decode_all(siblings[i].common, s, n, b) == TC_OK &&
        (decode_all(g, s, n, a) != TC_OK || letters(b) > letters(a)))
        return siblings[i].common;
    return high >= EVIDENCE_RARE ? g : NULL;
}

/* uchardet's answer, or NULL; into name[size] */
static const char *
ask_uchardet(const char *s, size_t n, char *name, size_t size)
{
    uchardet_t ud;
    const char *r;

    if (pthread_once(&ud_once, ud_load) != 0 || !ud_ok)
        return NULL;
    ud = ud_fn.new_();
    if (ud == NULL)
        return NULL;
    if (ud_fn.handle_data(ud, s, n) != 0) {
        ud_fn.delete_(ud);
        return NULL;
    }
    ud_fn.data_end(ud);
    r = ud_fn.get_charset(ud);
    if (r == NULL || *r == '\0' || strlen(r) >= size) {
        ud_fn.delete_(ud);
        return NULL;
    }
    memcpy(name, r, strlen(r) + 1);
    ud_fn.delete_(ud);
    return name;
}
#endif

int
tc_charset_guess(const char *s, size_t n, const char *dflt, char *out,
                 size_t size)
{
#ifdef HAVE_UCHARDET
    struct tc_buf a, b;
    size_t i, high = 0;
    char name[64];
    const char *g;
    int keep;

    for (i = 0; i < n; i++)
        high += (unsigned char)s[i] >= 0x80;
    if (high < EVIDENCE_MIN)
        return 0;
    g = ask_uchardet(s, n, name, sizeof name);
    if (g == NULL || strcasecmp(g, "ASCII") == 0 ||
        strncasecmp(g, "UTF-", 4) == 0 || strlen(g) >= size)
        return 0;
    tc_buf_init(&a, 0);
    tc_buf_init(&b, 0);
    if (is_rare(g))
        g = judge_rare(g, s, n, high, &a, &b);
    keep = g == NULL || strlen(g) >= size ||
           decode_all(g, s, n, &a) != TC_OK ||
           (decode_all(dflt, s, n, &b) == TC_OK && a.len == b.len &&
            memcmp(a.data, b.data, a.len) == 0);
    tc_buf_release(&a);
    tc_buf_release(&b);
    if (keep)
        return 0;
    for (i = 0; g[i] != '\0'; i++)
        out[i] = (char)(g[i] >= 'A' && g[i] <= 'Z' ? g[i] + 32 : g[i]);
    out[i] = '\0';
    return 1;
#else
    (void)s;
    (void)n;
    (void)dflt;
    (void)out;
    (void)size;
    return 0;
#endif
}

int
tc_sbcs_build(void *cd, struct tc_sbcs *t)
{
    iconv_t ic = (iconv_t)cd;
    char all[256], want[1024], got[1024];
    size_t nall = 0, nwant = 0, i, r;
    char *in, *out;
    size_t inleft, outleft;

    for (i = 0; i < 256; i++) {
        char b = (char)i, o[8];

        in = &b;
        inleft = 1;
        out = o;
        outleft = sizeof o;
        iconv(ic, NULL, NULL, NULL, NULL);
        r = iconv(ic, &in, &inleft, &out, &outleft);
        t->len[i] = 0;
        if (r == (size_t)-1 && errno == EILSEQ && inleft == 1)
            continue;                   /* not in the encoding */
        if (r == (size_t)-1 || inleft != 0 || outleft == sizeof o ||
            sizeof o - outleft > 4)
            return TC_ERR_UNSUPPORTED;
        /* nothing left waiting in the converter */
        if (iconv(ic, NULL, NULL, &out, &outleft) == (size_t)-1 ||
            sizeof o - outleft > 4)
            return TC_ERR_UNSUPPORTED;
        t->len[i] = (unsigned char)(sizeof o - outleft);
        memcpy(t->utf8[i], o, t->len[i]);
        all[nall++] = b;
        memcpy(want + nwant, o, t->len[i]);
        nwant += t->len[i];
    }
    /* and every byte it has, in one run, gives the same */
    iconv(ic, NULL, NULL, NULL, NULL);
    in = all;
    inleft = nall;
    out = got;
    outleft = sizeof got;
    r = iconv(ic, &in, &inleft, &out, &outleft);
    if (r != (size_t)-1)
        r = iconv(ic, NULL, NULL, &out, &outleft);
    iconv(ic, NULL, NULL, NULL, NULL);
    if (r == (size_t)-1 || inleft != 0 || sizeof got - outleft != nwant ||
        memcmp(got, want, nwant) != 0)
        return TC_ERR_UNSUPPORTED;
    return TC_OK;
}
