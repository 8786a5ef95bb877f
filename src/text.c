/* text.c -- styled text: runs over one byte pool, and the render walker. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "format.h"

static int
pool_grow(struct tc_text *t, size_t extra)
{
    size_t need, ncap;
    char *p;

    if (t->pool_cap == 0) {
        p = malloc(256);
        if (p == NULL)
            return TC_ERR_NOMEM;
        p[0] = '\0';
        t->pool = p;
        t->pool_cap = 256;
        t->pool_len = 1;
    }
    if (extra > (size_t)-1 / 4)
        return TC_ERR_NOMEM;
    need = t->pool_len + extra;
    if (need <= t->pool_cap)
        return TC_OK;
    ncap = t->pool_cap;
    while (ncap < need)
        ncap *= 2;
    p = realloc(t->pool, ncap);
    if (p == NULL)
        return TC_ERR_NOMEM;
    t->pool = p;
    t->pool_cap = ncap;
    return TC_OK;
}

static int
pool_add(struct tc_text *t, const char *s, size_t n, size_t *off)
{
    if (pool_grow(t, n) != TC_OK)
        return TC_ERR_NOMEM;
    memcpy(t->pool + t->pool_len, s, n);
    *off = t->pool_len;
    t->pool_len += n;
    return TC_OK;
}

const char *
tc_text_str(const struct tc_text *t, size_t off)
{
    return off == 0 ? NULL : t->pool + off;
}

static int
str_eq(const struct tc_text *t, size_t off, const char *s)
{
    if (off == 0 || s == NULL)
        return off == 0 && (s == NULL || *s == '\0');
    return strcmp(t->pool + off, s) == 0;
}

/* Store a NUL-terminated attribute, reusing the last run's copy. */
static int
intern(struct tc_text *t, const char *s, size_t prev, size_t *off)
{
    if (s == NULL || *s == '\0') {
        *off = 0;
        return TC_OK;
    }
    if (prev != 0 && strcmp(t->pool + prev, s) == 0) {
        *off = prev;
        return TC_OK;
    }
    return pool_add(t, s, strlen(s) + 1, off);
}

void
tc_run_style(const struct tc_text *t, const struct tc_run *r,
             struct tc_style *out)
{
    out->style = r->style;
    out->color = r->color;
    out->voice = tc_text_str(t, r->voice);
    out->lang = tc_text_str(t, r->lang);
    out->cls = tc_text_str(t, r->cls);
    out->time = r->time;
}

static int
same_style(const struct tc_text *t, const struct tc_run *r,
           const struct tc_style *st)
{
    return r->style == st->style &&
           (!(st->style & TC_STYLE_COLOR) || r->color == st->color) &&
           str_eq(t, r->voice, st->voice) && str_eq(t, r->lang, st->lang) &&
           str_eq(t, r->cls, st->cls);
}

int
tc_text_append(struct tc_text *t, const char *s, size_t len,
               const struct tc_style *st)
{
    static const struct tc_style plain = { 0, 0, NULL, NULL, NULL,
                                           TC_TIME_NONE };
    struct tc_run *last, *r;
    size_t prev_voice = 0, prev_lang = 0, prev_cls = 0;

    if (st == NULL)
        st = &plain;
    if (len > TC_TEXT_MAX_BYTES || t->pool_len + len > TC_TEXT_MAX_BYTES)
        return TC_ERR_LIMIT;
    last = t->nruns ? &t->runs[t->nruns - 1] : NULL;
    /* the usual case: more text in the style of the last run */
    if (last != NULL && st->time == TC_TIME_NONE &&
        last->off + last->len == t->pool_len && same_style(t, last, st)) {
        if (t->pool_len + len > t->pool_cap && pool_grow(t, len) != TC_OK)
            return TC_ERR_NOMEM;
        memcpy(t->pool + t->pool_len, s, len);
        t->pool_len += len;
        last->len += len;
        return TC_OK;
    }
    if (pool_grow(t, 0) != TC_OK)
        return TC_ERR_NOMEM;
    if (len == 0 && st->time == TC_TIME_NONE)
        return TC_OK;
    if (t->nruns == t->runs_cap) {
        size_t ncap = t->runs_cap ? t->runs_cap * 2 : 4;
        struct tc_run *nr = realloc(t->runs, ncap * sizeof *nr);

        if (nr == NULL)
            return TC_ERR_NOMEM;
        t->runs = nr;
        t->runs_cap = ncap;
    }
    if (last != NULL) {
        prev_voice = t->runs[t->nruns - 1].voice;
        prev_lang = t->runs[t->nruns - 1].lang;
        prev_cls = t->runs[t->nruns - 1].cls;
    }
    r = &t->runs[t->nruns];
    memset(r, 0, sizeof *r);
    r->style = st->style;
    r->color = (st->style & TC_STYLE_COLOR) ? st->color : 0;
    r->time = st->time;
    if (intern(t, st->voice, prev_voice, &r->voice) != TC_OK ||
        intern(t, st->lang, prev_lang, &r->lang) != TC_OK ||
        intern(t, st->cls, prev_cls, &r->cls) != TC_OK ||
        pool_add(t, s, len, &r->off) != TC_OK)
        return TC_ERR_NOMEM;
    r->len = len;
    t->nruns++;
    return TC_OK;
}

int
tc_text_newline(struct tc_text *t)
{
    struct tc_style st;

    if (t->nruns == 0)
        return tc_text_append(t, "\n", 1, NULL);
    tc_run_style(t, &t->runs[t->nruns - 1], &st);
    st.time = TC_TIME_NONE;
    return tc_text_append(t, "\n", 1, &st);
}

void
tc_text_clear(struct tc_text *t)
{
    t->nruns = 0;
    if (t->pool_cap)
        t->pool_len = 1;
}

void
tc_text_release(struct tc_text *t)
{
    free(t->runs);
    free(t->pool);
    memset(t, 0, sizeof *t);
}

size_t
tc_text_len(const struct tc_text *t)
{
    size_t i, n = 0;

    for (i = 0; i < t->nruns; i++)
        n += t->runs[i].len;
    return n;
}

int
tc_text_is_blank(const struct tc_text *t)
{
    size_t i, j;

    for (i = 0; i < t->nruns; i++) {
        const char *p = t->pool + t->runs[i].off;

        for (j = 0; j < t->runs[i].len; j++)
            if (p[j] != ' ' && p[j] != '\t' && p[j] != '\n' && p[j] != '\r')
                return 0;
    }
    return 1;
}

char *
tc_text_plain(const struct tc_text *t)
{
    struct tc_buf b = TC_BUF_INIT;
    size_t i;

    for (i = 0; i < t->nruns; i++)
        tc_buf_add(&b, t->pool + t->runs[i].off, t->runs[i].len);
    if (tc_buf_status(&b) != TC_OK) {
        tc_buf_release(&b);
        return NULL;
    }
    return tc_buf_detach(&b);
}

void
tc_free(void *p)
{
    free(p);
}

static int
is_sp(char c)
{
    return c == ' ' || c == '\t';
}

/* Rebuild the text, dropping spaces at line ends and blank edge lines.
 * Rare enough (readers call it once per cue) that a rebuild is fine. */
/* Is there anything for tc_text_trim() to do?  Usually not. */
static int
needs_trim(const struct tc_text *t)
{
    size_t i;
    char prev = '\n';

    /* a CR, white space after a line break (or at the start) or before
     * one: found with fast scans for the line breaks */
    for (i = 0; i < t->nruns; i++) {
        const char *p = t->pool + t->runs[i].off, *q = p;
        const char *e = p + t->runs[i].len;

        if (p == e)
            continue;
        if (memchr(p, '\r', (size_t)(e - p)) != NULL)
            return 1;
        if ((prev == '\n' && (is_sp(p[0]) || p[0] == '\n')) ||
            (p[0] == '\n' && is_sp(prev)))
            return 1;
        while ((q = memchr(q, '\n', (size_t)(e - q))) != NULL) {
            if ((q > p && is_sp(q[-1])) ||
                (q + 1 < e && (is_sp(q[1]) || q[1] == '\n')))
                return 1;
            q++;
        }
        prev = e[-1];
    }
    return prev == ' ' || prev == '\t' || (prev == '\n' && t->nruns > 0);
}

void
tc_text_trim(struct tc_text *t)
{
    struct tc_text out;
    struct tc_style st;
    size_t i, j, pending_nl = 0, pending_sp = 0;
    int at_line_start = 1, any = 0;
    struct tc_style sp_style;

    if (!needs_trim(t))
        return;
    memset(&out, 0, sizeof out);
    memset(&sp_style, 0, sizeof sp_style);
    for (i = 0; i < t->nruns; i++) {
        const struct tc_run *r = &t->runs[i];
        const char *p = t->pool + r->off;

        tc_run_style(t, r, &st);
        if (r->len == 0 && r->time != TC_TIME_NONE) {
            if (tc_text_append(&out, "", 0, &st) != TC_OK)
                goto fail;
            continue;
        }
        for (j = 0; j < r->len; j++) {
            if (p[j] == '\n') {
                pending_sp = 0;
                if (any)
                    pending_nl++;
                at_line_start = 1;
                continue;
            }
            if (is_sp(p[j]) || p[j] == '\r') {
                if (!at_line_start) {
                    if (pending_sp == 0)
                        sp_style = st;
                    pending_sp++;
                }
                continue;
            }
            /* a visible character: emit what was pending first */
            /* empty lines inside a cue collapse: SubRip, SBV and WebVTT
             * would read one as the end of the cue */
            if (pending_nl > 0 && tc_text_newline(&out) != TC_OK)
                goto fail;
            pending_nl = 0;
            if (pending_sp) {
                size_t k;

                sp_style.time = TC_TIME_NONE;
                for (k = 0; k < pending_sp; k++)
                    if (tc_text_append(&out, " ", 1, &sp_style) != TC_OK)
                        goto fail;
                pending_sp = 0;
            }
            {
                size_t k = j;

                while (k < r->len && p[k] != '\n' && !is_sp(p[k]) &&
                       p[k] != '\r')
                    k++;
                if (tc_text_append(&out, p + j, k - j, &st) != TC_OK)
                    goto fail;
                st.time = TC_TIME_NONE;
                j = k - 1;
            }
            at_line_start = 0;
            any = 1;
        }
    }
    tc_text_release(t);
    *t = out;
    return;
fail:
    tc_text_release(&out);
}

/* ---- the render walker ---------------------------------------------------- */

#define RENDER_KINDS 9

static int
run_has(const struct tc_run *r, enum tc_render_kind k)
{
    switch (k) {
    case TC_R_VOICE:
        return r->voice != 0;
    case TC_R_LANG:
        return r->lang != 0;
    case TC_R_CLASS:
        return r->cls != 0;
    case TC_R_COLOR:
        return (r->style & TC_STYLE_COLOR) != 0;
    case TC_R_BOLD:
        return (r->style & TC_STYLE_BOLD) != 0;
    case TC_R_ITALIC:
        return (r->style & TC_STYLE_ITALIC) != 0;
    case TC_R_UNDERLINE:
        return (r->style & TC_STYLE_UNDERLINE) != 0;
    case TC_R_RUBY:
        return (r->style & TC_STYLE_RUBY) != 0;
    case TC_R_RT:
        return (r->style & TC_STYLE_RT) != 0;
    }
    return 0;
}

/* Does the open element k (opened for run o) still fit run r? */
static int
still_fits(const struct tc_text *t, enum tc_render_kind k,
           const struct tc_run *o, const struct tc_run *r)
{
    if (!run_has(r, k))
        return 0;
    switch (k) {
    case TC_R_VOICE:
        return strcmp(t->pool + o->voice, t->pool + r->voice) == 0;
    case TC_R_LANG:
        return strcmp(t->pool + o->lang, t->pool + r->lang) == 0;
    case TC_R_CLASS:
        return strcmp(t->pool + o->cls, t->pool + r->cls) == 0;
    case TC_R_COLOR:
        return o->color == r->color;
    default:
        return 1;
    }
}

/* Nesting order, outermost first. */
static const enum tc_render_kind render_order[RENDER_KINDS] = {
    TC_R_VOICE, TC_R_LANG, TC_R_CLASS, TC_R_RUBY, TC_R_RT, TC_R_COLOR,
    TC_R_BOLD, TC_R_ITALIC, TC_R_UNDERLINE
};

void
tc_render_runs(const struct tc_text *t, const struct tc_render_ops *ops,
               void *w)
{
    enum tc_render_kind stack[RENDER_KINDS];
    const struct tc_run *opener[RENDER_KINDS];
    size_t depth = 0, i, keep, k;

    for (i = 0; i < t->nruns; i++) {
        const struct tc_run *r = &t->runs[i];
        const char *p = t->pool + r->off, *end = p + r->len, *nl;
        int open_now[RENDER_KINDS] = { 0 };

        /* plain text outside any element: the usual run */
        if (depth == 0 && r->style == 0 && r->voice == 0 && r->lang == 0 &&
            r->cls == 0 && r->time == TC_TIME_NONE)
            goto text;
        for (keep = 0; keep < depth; keep++)
            if (!still_fits(t, stack[keep], opener[keep], r))
                break;
        /* ruby text must sit directly inside its ruby: reopen below it */
        while (depth > keep)
            ops->close(w, stack[--depth]);
        if (r->time != TC_TIME_NONE && ops->timestamp != NULL)
            ops->timestamp(w, r->time);
        for (k = 0; k < RENDER_KINDS; k++) {
            size_t d;
            int open = 0;

            if (!run_has(r, render_order[k]))
                continue;
            for (d = 0; d < depth; d++)
                if (stack[d] == render_order[k])
                    open = 1;
            if (!open)
                open_now[k] = 1;
        }
        for (k = 0; k < RENDER_KINDS; k++) {
            if (!open_now[k])
                continue;
            ops->open(w, render_order[k], t, r);
            stack[depth] = render_order[k];
            opener[depth] = r;
            depth++;
        }
text:
        while (p < end) {
            nl = memchr(p, '\n', (size_t)(end - p));
            if (nl == NULL) {
                ops->text(w, p, (size_t)(end - p));
                break;
            }
            if (nl > p)
                ops->text(w, p, (size_t)(nl - p));
            ops->line_break(w);
            p = nl + 1;
        }
    }
    while (depth > 0)
        ops->close(w, stack[--depth]);
}
