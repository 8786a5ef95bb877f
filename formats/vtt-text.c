/* formats/vtt-text.c -- the WebVTT cue text parsing rules: the tokenizer
 * (tags, classes, annotations, timestamps), HTML character references
 * with the full named table (vtt-entities.h), and tree building, given to
 * the caller as node events.  Conformance: tests/unit/test_vtt_wpt.c.
 */
#include "config.h"

#include <string.h>

#include "vtt.h"
#include "vtt-entities.h"

/* ---- the cue text parser ------------------------------------------------- */

/* Numeric references to C1 controls mean windows-1252, as in HTML. */
static const uint16_t c1_map[32] = {
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
};

static void
put_cp(struct tc_buf *b, uint32_t cp)
{
    char u[4];

    tc_buf_add(b, u, tc_utf8_put(u, cp));
}

static const struct vtt_entity *
find_entity(const char *s, size_t len)
{
    size_t lo = 0, hi = sizeof vtt_entities / sizeof vtt_entities[0];

    while (lo < hi) {
        size_t mid = (lo + hi) / 2, nl = strlen(vtt_entities[mid].name);
        int c = memcmp(s, vtt_entities[mid].name, len < nl ? len : nl);

        if (c == 0)
            c = len < nl ? -1 : len > nl;
        if (c == 0)
            return &vtt_entities[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* HTML's "consume a character reference" (not in an attribute) with s[i]
 * just after the '&'.  Appends the characters and returns the index after
 * the reference, or returns i when there is none. */
static size_t
charref(const char *s, size_t n, size_t i, struct tc_buf *out)
{
    size_t j, len;

    if (i < n && s[i] == '#') {
        int hex = 0, d;
        uint32_t v = 0;
        size_t nd = 0;

        j = i + 1;
        if (j < n && (s[j] == 'x' || s[j] == 'X')) {
            hex = 1;
            j++;
        }
        for (; j < n; j++, nd++) {
            d = tc_hexval(s[j]);
            if (d < 0 || (!hex && d > 9))
                break;
            if (v < 0x110000)
                v = v * (hex ? 16 : 10) + (uint32_t)d;
        }
        if (nd == 0)
            return i;
        if (j < n && s[j] == ';')
            j++;
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            v = 0xFFFD;
        else if (v >= 0x80 && v <= 0x9F)
            v = c1_map[v - 0x80];
        put_cp(out, v);
        return j;
    }
    for (j = i; j < n && j - i < 40 && tc_vtt_is_alnum(s[j]); j++)
        ;
    if (j == i)
        return i;
    /* the longest name in the table, legacy ones without ';' too */
    for (len = j - i + (j < n && s[j] == ';'); len > 0; len--) {
        const struct vtt_entity *e = find_entity(s + i, len);

        if (e != NULL) {
            put_cp(out, e->cp0);
            if (e->cp1 != 0)
                put_cp(out, e->cp1);
            return i + len;
        }
    }
    return i;
}

enum tok { T_STRING, T_START, T_END, T_TIMESTAMP };
enum tstate { S_DATA, S_TAG, S_START, S_CLASS, S_ANNOT, S_END, S_TS };

static void
add_class(struct tc_vtt_scratch *sc)
{
    if (sc->buffer.len == 0)
        return;
    if (sc->classes.len > 0)
        tc_buf_addc(&sc->classes, ' ');
    tc_buf_add(&sc->classes, sc->buffer.data, sc->buffer.len);
}

/* Trim and collapse white space of an annotation, in place. */
static void
collapse(struct tc_buf *b)
{
    size_t i, o = 0;
    int sp = 0;

    for (i = 0; i < b->len; i++) {
        if (tc_vtt_is_ws(b->data[i])) {
            sp = o > 0;
            continue;
        }
        if (sp)
            b->data[o++] = ' ';
        sp = 0;
        b->data[o++] = b->data[i];
    }
    tc_buf_truncate(b, o);
}

/* The WebVTT cue text tokenizer: one token from s[*pos]. */
static enum tok
next_token(struct tc_vtt_scratch *sc, const char *s, size_t n, size_t *pos)
{
    enum tstate st = S_DATA;
    size_t i = *pos;

    tc_buf_clear(&sc->result);
    tc_buf_clear(&sc->buffer);
    tc_buf_clear(&sc->classes);
    for (;; i++) {
        int eof = i >= n;
        char c = eof ? 0 : s[i];

        switch (st) {
        case S_DATA:
            if (eof || (c == '<' && sc->result.len > 0)) {
                *pos = i;
                return T_STRING;
            }
            if (c == '&') {
                size_t j = charref(s, n, i + 1, &sc->result);

                if (j == i + 1)
                    tc_buf_addc(&sc->result, '&');
                i = j - 1;
            } else if (c == '<') {
                st = S_TAG;
            } else {
                /* plain text: take the whole span at once */
                const char *e = memchr(s + i + 1, '<', n - i - 1);
                const char *amp;
                size_t j;

                e = e != NULL ? e : s + n;
                amp = memchr(s + i + 1, '&', (size_t)(e - (s + i + 1)));
                j = (size_t)((amp != NULL ? amp : e) - s);
                tc_buf_add(&sc->result, s + i, j - i);
                i = j - 1;
            }
            break;
        case S_TAG:
            if (eof || c == '>') {
                *pos = eof ? i : i + 1;
                return T_START;
            }
            if (c == '\t' || c == '\n' || c == '\f' || c == ' ')
                st = S_ANNOT;
            else if (c == '.')
                st = S_CLASS;
            else if (c == '/')
                st = S_END;
            else {
                tc_buf_addc(&sc->result, c);
                st = tc_vtt_is_digit(c) ? S_TS : S_START;
            }
            break;
        case S_START:
        case S_CLASS:
            if (st == S_CLASS && (eof || c == '>' || c == '\t' ||
                                  c == '\f' || c == ' ' || c == '\n' ||
                                  c == '.')) {
                add_class(sc);
                tc_buf_clear(&sc->buffer);
            }
            if (eof || c == '>') {
                *pos = eof ? i : i + 1;
                return T_START;
            }
            if (c == '\t' || c == '\f' || c == ' ') {
                st = S_ANNOT;
            } else if (c == '\n') {
                tc_buf_addc(&sc->buffer, c);
                st = S_ANNOT;
            } else if (c == '.') {
                st = S_CLASS;
            } else {
                tc_buf_addc(st == S_START ? &sc->result : &sc->buffer, c);
            }
            break;
        case S_ANNOT:
            if (eof || c == '>') {
                collapse(&sc->buffer);
                *pos = eof ? i : i + 1;
                return T_START;
            }
            if (c == '&') {
                size_t j = charref(s, n, i + 1, &sc->buffer);

                if (j == i + 1)
                    tc_buf_addc(&sc->buffer, '&');
                i = j - 1;
            } else {
                tc_buf_addc(&sc->buffer, c);
            }
            break;
        case S_END:
        case S_TS:
            if (eof || c == '>') {
                *pos = eof ? i : i + 1;
                return st == S_END ? T_END : T_TIMESTAMP;
            }
            tc_buf_addc(&sc->result, c);
            break;
        }
    }
}

void
tc_vtt_scratch_init(struct tc_vtt_scratch *sc)
{
    tc_buf_init(&sc->result, 0);
    tc_buf_init(&sc->buffer, 0);
    tc_buf_init(&sc->classes, 0);
}

void
tc_vtt_scratch_release(struct tc_vtt_scratch *sc)
{
    tc_buf_release(&sc->result);
    tc_buf_release(&sc->buffer);
    tc_buf_release(&sc->classes);
}

static int
node_of(const char *name, enum tc_vtt_node *k)
{
    static const char *const names[] = {
        [TC_VTT_CLASS] = "c", [TC_VTT_ITALIC] = "i", [TC_VTT_BOLD] = "b",
        [TC_VTT_UNDERLINE] = "u", [TC_VTT_RUBY] = "ruby",
        [TC_VTT_RT] = "rt", [TC_VTT_VOICE] = "v", [TC_VTT_LANG] = "lang",
    };
    size_t i;

    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0) {
            *k = (enum tc_vtt_node)i;
            return 1;
        }
    return 0;
}

int
tc_vtt_cue_text(struct tc_vtt_scratch *sc, const char *s, size_t n,
                const struct tc_vtt_text_ops *ops, void *ud, int *deep)
{
    enum tc_vtt_node stack[TC_VTT_MAX_DEPTH], k;
    size_t depth = 0, pos = 0, used;
    int64_t ms;
    int rc = TC_OK;

    *deep = 0;
    while (pos < n && rc == TC_OK) {
        enum tok t = next_token(sc, s, n, &pos);

        if ((rc = tc_buf_status(&sc->result)) != TC_OK ||
            (rc = tc_buf_status(&sc->buffer)) != TC_OK ||
            (rc = tc_buf_status(&sc->classes)) != TC_OK)
            break;
        switch (t) {
        case T_STRING:
            if (sc->result.len > 0)
                rc = ops->text(ud, sc->result.data, sc->result.len);
            break;
        case T_START:
            if (!node_of(sc->result.data, &k) ||
                (k == TC_VTT_RT &&
                 (depth == 0 || stack[depth - 1] != TC_VTT_RUBY))) {
                if (ops->ignored != NULL)
                    rc = ops->ignored(ud, sc->result.data, 1);
                break;
            }
            if (depth == TC_VTT_MAX_DEPTH) {
                *deep = 1;
                break;
            }
            stack[depth++] = k;
            rc = ops->open(ud, k, sc->classes.data,
                           k == TC_VTT_VOICE || k == TC_VTT_LANG
                               ? sc->buffer.data : "");
            break;
        case T_END:
            if (depth > 0 && node_of(sc->result.data, &k) &&
                stack[depth - 1] == k) {
                depth--;
                rc = ops->close(ud);
            } else if (depth > 1 && strcmp(sc->result.data, "ruby") == 0 &&
                       stack[depth - 1] == TC_VTT_RT) {
                depth -= 2;
                if ((rc = ops->close(ud)) == TC_OK)
                    rc = ops->close(ud);
            }
            break;
        case T_TIMESTAMP:
            if (tc_vtt_timestamp(sc->result.data, sc->result.len, &used,
                                 &ms) == TC_OK && used == sc->result.len)
                rc = ops->timestamp(ud, ms);
            else if (ops->ignored != NULL)
                rc = ops->ignored(ud, sc->result.data, 0);
            break;
        }
    }
    return rc;
}
