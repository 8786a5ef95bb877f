/* textops.c -- cutting byte ranges out of styled text, tidying around the
 * cuts, and the word and comparison helpers the word-removing filters
 * share.  See textops.h for the model. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "textops.h"

void
tc_edit_init(struct tc_edit *e)
{
    memset(e, 0, sizeof *e);
    tc_buf_init(&e->flat, 0);
}

void
tc_edit_release(struct tc_edit *e)
{
    tc_buf_release(&e->flat);
    free(e->cuts);
    free(e->tidy);
    tc_text_release(&e->scratch);
    memset(e, 0, sizeof *e);
}

static int
flat_load(struct tc_edit *e, const struct tc_text *t)
{
    size_t i;

    tc_buf_clear(&e->flat);
    for (i = 0; i < t->nruns; i++)
        tc_buf_add(&e->flat, t->pool + t->runs[i].off, t->runs[i].len);
    return tc_buf_status(&e->flat);
}

int
tc_edit_load(struct tc_edit *e, const struct tc_text *t)
{
    e->ncuts = 0;
    return flat_load(e, t);
}

static int
cuts_push(struct tc_cut **v, size_t *n, size_t *cap, size_t from, size_t to)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        struct tc_cut *nv = realloc(*v, ncap * sizeof *nv);

        if (nv == NULL)
            return TC_ERR_NOMEM;
        *v = nv;
        *cap = ncap;
    }
    (*v)[*n].from = from;
    (*v)[*n].to = to;
    (*v)[*n].at = 0;
    (*n)++;
    return TC_OK;
}

int
tc_edit_cut(struct tc_edit *e, size_t from, size_t to)
{
    size_t i, j;
    int rc;

    if (to > e->flat.len)
        to = e->flat.len;
    if (from >= to)
        return TC_OK;
    /* cuts[i..] lie wholly after the new range, cuts[j..i) touch it */
    for (i = e->ncuts; i > 0 && e->cuts[i - 1].from > to; i--)
        ;
    for (j = i; j > 0 && e->cuts[j - 1].to >= from; j--) {
        if (e->cuts[j - 1].from < from)
            from = e->cuts[j - 1].from;
        if (e->cuts[j - 1].to > to)
            to = e->cuts[j - 1].to;
    }
    if (j == i) {
        rc = cuts_push(&e->cuts, &e->ncuts, &e->cuts_cap, from, to);
        if (rc != TC_OK)
            return rc;
        memmove(e->cuts + i + 1, e->cuts + i,
                (e->ncuts - 1 - i) * sizeof *e->cuts);
    } else {
        memmove(e->cuts + j + 1, e->cuts + i,
                (e->ncuts - i) * sizeof *e->cuts);
        e->ncuts -= i - j - 1;
    }
    e->cuts[j].from = from;
    e->cuts[j].to = to;
    e->cuts[j].at = 0;
    return TC_OK;
}

size_t
tc_edit_cut_end(const struct tc_edit *e)
{
    return e->ncuts ? e->cuts[e->ncuts - 1].to : 0;
}

/* Rebuild t into scratch without the bytes of cuts[0..n) (sorted, not
 * overlapping), then swap the two.  A run keeps its inline timestamp only
 * while its first byte survives: the time belongs to that byte. */
static int
cut_text(struct tc_text *t, struct tc_cut *cuts, size_t n,
         struct tc_text *scratch)
{
    struct tc_text tmp;
    struct tc_style st;
    size_t i, ci = 0, base = 0, removed = 0;

    tc_text_clear(scratch);
    for (i = 0; i < t->nruns; i++) {
        const struct tc_run *r = &t->runs[i];
        const char *p = t->pool + r->off;
        size_t pos = base, end = base + r->len;

        tc_run_style(t, r, &st);
        while (ci < n && cuts[ci].to <= pos) {
            cuts[ci].at = cuts[ci].from - removed;
            removed += cuts[ci].to - cuts[ci].from;
            ci++;
        }
        if (r->len == 0) {
            int gone = ci < n && cuts[ci].from <= pos && pos < cuts[ci].to;

            if (!gone && st.time != TC_TIME_NONE &&
                tc_text_append(scratch, "", 0, &st) != TC_OK)
                return TC_ERR_NOMEM;
            continue;
        }
        while (pos < end) {
            size_t seg;

            if (ci < n && cuts[ci].from <= pos) {
                pos = cuts[ci].to < end ? cuts[ci].to : end;
                st.time = TC_TIME_NONE;
                if (cuts[ci].to <= pos) {
                    cuts[ci].at = cuts[ci].from - removed;
                    removed += cuts[ci].to - cuts[ci].from;
                    ci++;
                }
                continue;
            }
            seg = (ci < n && cuts[ci].from < end) ? cuts[ci].from : end;
            if (tc_text_append(scratch, p + (pos - base), seg - pos, &st) !=
                TC_OK)
                return TC_ERR_NOMEM;
            st.time = TC_TIME_NONE;
            pos = seg;
        }
        base = end;
    }
    for (; ci < n; ci++) {
        cuts[ci].at = cuts[ci].from - removed;
        removed += cuts[ci].to - cuts[ci].from;
    }
    tmp = *t;
    *t = *scratch;
    *scratch = tmp;
    tc_text_clear(scratch);
    return TC_OK;
}

int
tc_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
is_sp(char c)
{
    return c == ' ' || c == '\t';
}

static int
cut_cmp(const void *a, const void *b)
{
    const struct tc_cut *x = a, *y = b;

    return x->from < y->from ? -1 : x->from > y->from;
}

static int
tidy_add(struct tc_edit *e, size_t from, size_t to)
{
    if (from >= to)
        return TC_OK;
    return cuts_push(&e->tidy, &e->ntidy, &e->tidy_cap, from, to);
}

/* What a cut at j leaves in f: spaces at a line's edge, before closing
 * punctuation or doubled, and a comma leading a line. */
static int
tidy_joint(struct tc_edit *e, size_t j)
{
    const char *f = e->flat.data;
    size_t n = e->flat.len, s = j, x = j;

    while (s > 0 && is_sp(f[s - 1]))
        s--;
    while (x < n && is_sp(f[x]))
        x++;
    if (s == 0 || f[s - 1] == '\n') {
        if (x < n && (f[x] == ',' || f[x] == ';')) {
            x++;
            while (x < n && is_sp(f[x]))
                x++;
        }
        return tidy_add(e, s, x);
    }
    if (x == n || f[x] == '\n' || (f[x] != '\0' && strchr(",.?!;:)]", f[x])))
        return tidy_add(e, s, x);
    if (x - s > 1)
        return tidy_add(e, s + 1, x);
    return TC_OK;
}

/* Blank lines go, with one line break each. */
static int
tidy_lines(struct tc_edit *e)
{
    const char *f = e->flat.data;
    size_t n = e->flat.len, ls = 0, le, k;
    int rc;

    while (ls <= n) {
        const char *nl = memchr(f + ls, '\n', n - ls);
        int blank = 1;

        le = nl ? (size_t)(nl - f) : n;
        for (k = ls; k < le; k++)
            if (!is_sp(f[k]) && f[k] != '\r')
                blank = 0;
        if (blank && n > 0) {
            if (le < n)
                rc = tidy_add(e, ls, le + 1);
            else if (ls > 0)
                rc = tidy_add(e, ls - 1, le);
            else
                rc = tidy_add(e, ls, le);
            if (rc != TC_OK)
                return rc;
        }
        if (nl == NULL)
            break;
        ls = le + 1;
    }
    return TC_OK;
}

int
tc_edit_apply(struct tc_edit *e, struct tc_text *t)
{
    size_t i, w;
    int rc;

    if (e->ncuts == 0)
        return TC_OK;
    rc = cut_text(t, e->cuts, e->ncuts, &e->scratch);
    if (rc == TC_OK)
        rc = flat_load(e, t);
    if (rc != TC_OK)
        return rc;
    e->ntidy = 0;
    for (i = 0; i < e->ncuts && rc == TC_OK; i++)
        rc = tidy_joint(e, e->cuts[i].at);
    if (rc == TC_OK)
        rc = tidy_lines(e);
    if (rc != TC_OK)
        return rc;
    if (e->ntidy > 0) {
        qsort(e->tidy, e->ntidy, sizeof *e->tidy, cut_cmp);
        for (i = 1, w = 0; i < e->ntidy; i++) {
            if (e->tidy[i].from <= e->tidy[w].to) {
                if (e->tidy[i].to > e->tidy[w].to)
                    e->tidy[w].to = e->tidy[i].to;
            } else {
                e->tidy[++w] = e->tidy[i];
            }
        }
        rc = cut_text(t, e->tidy, w + 1, &e->scratch);
    }
    if (rc == TC_OK)
        rc = tc_edit_load(e, t);
    return rc;
}

void
tc_text_upcase_at(struct tc_text *t, size_t pos)
{
    size_t i, base = 0;

    for (i = 0; i < t->nruns; i++) {
        struct tc_run *r = &t->runs[i];

        if (pos < base + r->len) {
            unsigned char *p = (unsigned char *)t->pool + r->off +
                               (pos - base);

            if (*p >= 'a' && *p <= 'z')
                *p = (unsigned char)(*p - 32);
            else if (*p == 0xC3 && pos + 1 < base + r->len &&
                     p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7)
                p[1] = (unsigned char)(p[1] - 32);
            return;
        }
        base += r->len;
    }
}

int
tc_is_upper_at(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;

    if (n >= 1 && p[0] >= 'A' && p[0] <= 'Z')
        return 1;
    return n >= 2 && p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E &&
           p[1] != 0x97;
}

/* Punctuation that may wrap a word: ASCII punctuation, and the quotes,
 * dashes, ellipsis, inverted marks and music notes of UTF-8 text. */
int
tc_is_punct(const char *s, size_t n, size_t i, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s + i;
    size_t left = n - i;

    *len = 1;
    if (left == 0)
        return 0;
    if (p[0] < 0x80)
        return (p[0] >= 0x21 && p[0] <= 0x2F) ||
               (p[0] >= 0x3A && p[0] <= 0x40) ||
               (p[0] >= 0x5B && p[0] <= 0x60) ||
               (p[0] >= 0x7B && p[0] <= 0x7E);
    if (left >= 2 && p[0] == 0xC2 &&
        (p[1] == 0xA1 || p[1] == 0xAB || p[1] == 0xBB || p[1] == 0xBF)) {
        *len = 2;
        return 1;
    }
    if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
        ((p[2] >= 0x93 && p[2] <= 0x94) || (p[2] >= 0x98 && p[2] <= 0x9E) ||
         p[2] == 0xA6)) {
        *len = 3;
        return 1;
    }
    if (left >= 3 && p[0] == 0xE2 && p[1] == 0x99 && p[2] >= 0xAA &&
        p[2] <= 0xAC) {
        *len = 3;
        return 1;
    }
    return 0;
}

static int
is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

int
tc_word_next(const char *s, size_t n, size_t *pos, struct tc_word *w)
{
    size_t i = *pos, l, k;

    while (i < n && tc_is_space(s[i]))
        i++;
    if (i >= n) {
        *pos = n;
        return 0;
    }
    w->start = i;
    while (i < n && !tc_is_space(s[i]))
        i++;
    w->end = i;
    *pos = i;
    w->cstart = w->start;
    w->cend = w->end;
    /* the common case: a word that begins and ends with a letter or a
     * digit has no punctuation around it */
    if (is_alnum((unsigned char)s[w->start]) &&
        is_alnum((unsigned char)s[w->end - 1]))
        return 1;
    while (w->cstart < w->end && tc_is_punct(s, w->end, w->cstart, &l))
        w->cstart += l;
    while (w->cend > w->cstart) {
        k = w->cend - 1;
        while (k > w->cstart && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        if (!tc_is_punct(s, w->cend, k, &l) || k + l != w->cend)
            break;
        w->cend = k;
    }
    if (w->cstart == w->end)
        w->cend = w->end;
    return 1;
}

/* What tc_fold_add() does with a byte: copy it (0), fold white space
 * (1), lower-case it (2), look at what follows (3). */
static const unsigned char fold_class[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1,
    ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2,
    ['G'] = 2, ['H'] = 2, ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2,
    ['M'] = 2, ['N'] = 2, ['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2,
    ['S'] = 2, ['T'] = 2, ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2,
    ['Y'] = 2, ['Z'] = 2, [0xC3] = 3, [0xE2] = 3
};

int
tc_fold_add(struct tc_buf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    char *o;
    int space = 0, any = 0;

    /* the folded text is never longer: room once, then bytes directly */
    if (tc_buf_grow(b, n) != TC_OK)
        return tc_buf_status(b);
    o = b->data + b->len;
    while (i < n) {
        unsigned char c = p[i];
        unsigned k = fold_class[c];

        if (k == 1) {
            space = any;
            i++;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = 0;
        any = 1;
        if (k == 0) {
            /* the common case: a run of bytes kept as they are */
            *o++ = (char)c;
            for (i++; i < n && fold_class[p[i]] == 0; i++)
                *o++ = (char)p[i];
            continue;
        }
        if (k == 2) {
            *o++ = (char)(c + 32);
        } else if (c == 0xC3 && i + 1 < n && p[i + 1] >= 0x80 &&
                   p[i + 1] <= 0x9E && p[i + 1] != 0x97) {
            *o++ = (char)c;
            *o++ = (char)(p[i + 1] + 32);
            i++;
        } else if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
                   (p[i + 2] == 0x98 || p[i + 2] == 0x99)) {
            /* a typographic apostrophe compares equal to ' */
            *o++ = '\'';
            i += 2;
        } else {
            *o++ = (char)c;
        }
        i++;
    }
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
    return tc_buf_status(b);
}
