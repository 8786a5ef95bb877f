/* src/filters/dedupe.c -- drop repeated text.
 *
 * Two kinds of repetition, compared case-insensitively with white space
 * folded (textops.h):
 * - rolling: a cue whose first lines repeat the last lines of the cue
 *   before loses them.  The cue before is taken both as it came in and
 *   as it left this stage, so a repeat of either is found.  YouTube's
 *   automatic captions work this way: each cue shows the previous line
 *   again above the new one, and a 10 ms cue between two shows the
 *   finished line alone.  A cue left with nothing new, which includes an
 *   exact repeat of the cue before, is merged into that cue, whose end
 *   moves to the later end.  Cues further apart than max-gap are never
 *   compared: a line said twice stays twice.
 * - loops inside a cue: a word or phrase of up to max-phrase words said
 *   min-repeats times or more in a row is kept once ("the the the" ->
 *   "the"), with the punctuation of its last repetition.
 * - stutters (stutters=yes): one to three words said twice in a row, also
 *   with a comma between ("I I thought", "ship, ship the product", "it
 *   was it was"), are kept once, in a cue and across the start of the
 *   next cue.  A repeat that can be grammar ("that that", "had had",
 *   German "die die") or emphasis (answers and interjections: "no, no",
 *   "yeah, yeah", also said up to four times) stays; so do numbers.  The
 *   word classes come from the lexicon of lang (src/lexicon.c).
 * Cues that differ in where or by whom they are shown are never repeats of
 * each other (the same words at the top and at the bottom of the screen,
 * or in two regions, are two speakers or a caption and a sign): a
 * different region or placement (vpos, align, line, position, size,
 * writing direction) keeps them apart, and each line is
 * compared together with the voices speaking it, so Bob saying "Thank
 * you." after Alice is not Alice again.  The same holds for the words of
 * a loop.
 * The stage holds one cue, so that a repeat can extend it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "lexicon.h"
#include "textops.h"

#define TAIL_MAX 6              /* twice the longest stutter, in words */
#define KEEP_UNKNOWN (1u << 31) /* dtok.keep not looked up yet */
#define KEEP_MEMO 256           /* words whose keep is remembered */
#define KEEP_WORD 15            /* ... of at most this many bytes */

/* A word's keep, remembered by its bytes (the lexicon is settled). */
struct dkeep {
    unsigned keep;
    unsigned char len;          /* 0: empty */
    char w[KEEP_WORD];
};

struct dline {
    size_t key;                 /* offset of its folded text in a buffer */
    size_t ls;                  /* where it starts in the flat form */
};

/* The non-blank lines of one text, folded, NUL-terminated; lines[n] marks
 * the end of the text. */
struct dkeys {
    struct tc_buf keys;
    struct dline *lines;
    size_t n, cap;
};

struct dtok {
    size_t key, klen;           /* folded core in tokfold */
    size_t start, cstart, cend; /* where it starts, and its core, in the
                                   flat form */
    int sentence;               /* it ends a sentence (. ! ? ...) */
    unsigned keep;              /* TC_LX_EMPH | TC_LX_DOUBLE of its word,
                                   or TC_LX_DOUBLE for a number */
};

struct dedupe {
    struct tc_stage base;
    struct tc_edit ed;
    struct tc_cue *held;
    struct dkeys cur;
    struct dkeys orig, edit;    /* the held cue as it came and as it left */
    int have_prev;
    struct tc_buf tokfold;
    struct dtok *toks;
    size_t ntoks, tcap;
    struct tc_buf tail;         /* the last TAIL_MAX tokens of the held cue
                                   as it left: their folded keys ... */
    struct dtok tail_tok[TAIL_MAX];   /* ... and where they are in it */
    size_t ntail;
    struct tc_edit hed;         /* for cutting the held cue */
    int rolling, stutters;
    struct tc_lex_choice lc;    /* which repeats are meant */
    const struct tc_lex *lex;
    long min_repeats, max_phrase;
    int64_t max_gap;
    struct dkeep memo[KEEP_MEMO];
};

static int
grow(void **v, size_t *cap, size_t need, size_t size)
{
    void *nv;
    size_t ncap;

    if (need <= *cap)
        return TC_OK;
    ncap = *cap ? *cap * 2 : 16;
    while (ncap < need)
        ncap *= 2;
    nv = realloc(*v, ncap * size);
    if (nv == NULL)
        return TC_ERR_NOMEM;
    *v = nv;
    *cap = ncap;
    return TC_OK;
}

/* Append the voices of t's runs that have visible text in flat offsets
 * [from, to), each once in a row, ahead of a key: a line or word is only
 * ever equal to one spoken by the same voices.  A key without voices
 * starts with the separator alone. */
static void
dd_voices(struct tc_buf *b, const struct tc_text *t, size_t from, size_t to)
{
    size_t i, base = 0, last = 0;

    for (i = 0; i < t->nruns && base < to; i++) {
        const struct tc_run *r = &t->runs[i];
        size_t s = base > from ? base : from;
        size_t e = base + r->len < to ? base + r->len : to;
        int visible = 0;

        for (; s < e && !visible; s++)
            visible = !tc_is_space(t->pool[r->off + (s - base)]);
        if (visible && r->voice != 0 && r->voice != last &&
            (last == 0 ||
             strcmp(t->pool + r->voice, t->pool + last) != 0)) {
            tc_buf_adds(b, t->pool + r->voice);
            tc_buf_addc(b, '\n');
            last = r->voice;
        }
        base += r->len;
    }
    /* folded text never holds a line break, so this ends the voices */
    tc_buf_addc(b, '\n');
}

/* The lines of the loaded text t into k. */
static int
dd_lines(struct dedupe *dd, const struct tc_text *t, struct dkeys *k)
{
    const char *f = dd->ed.flat.data;
    size_t n = dd->ed.flat.len, ls = 0, le;

    tc_buf_clear(&k->keys);
    k->n = 0;
    while (ls <= n) {
        const char *nl = memchr(f + ls, '\n', n - ls);
        size_t before = k->keys.len, mark;

        le = nl ? (size_t)(nl - f) : n;
        dd_voices(&k->keys, t, ls, le);
        mark = k->keys.len;
        tc_fold_add(&k->keys, f + ls, le - ls);
        if (k->keys.len > mark) {
            if (grow((void **)&k->lines, &k->cap, k->n + 2,
                     sizeof *k->lines) != TC_OK)
                return TC_ERR_NOMEM;
            k->lines[k->n].key = before;
            k->lines[k->n].ls = ls;
            k->n++;
            tc_buf_addc(&k->keys, '\0');
        } else {
            tc_buf_truncate(&k->keys, before);  /* a blank line has none */
        }
        if (nl == NULL)
            break;
        ls = le + 1;
    }
    if (grow((void **)&k->lines, &k->cap, k->n + 1, sizeof *k->lines) !=
        TC_OK)
        return TC_ERR_NOMEM;
    k->lines[k->n].key = 0;
    k->lines[k->n].ls = n;
    return tc_buf_status(&k->keys);
}

static void
keys_swap(struct dkeys *a, struct dkeys *b)
{
    struct dkeys t = *a;

    *a = *b;
    *b = t;
}

/* dst = src: the keys of a text that came out as it went in. */
static int
keys_copy(struct dkeys *dst, const struct dkeys *src)
{
    tc_buf_clear(&dst->keys);
    tc_buf_add(&dst->keys, src->keys.data, src->keys.len);
    if (grow((void **)&dst->lines, &dst->cap, src->n + 1,
             sizeof *dst->lines) != TC_OK)
        return TC_ERR_NOMEM;
    memcpy(dst->lines, src->lines, (src->n + 1) * sizeof *dst->lines);
    dst->n = src->n;
    return tc_buf_status(&dst->keys);
}

static void
keys_release(struct dkeys *k)
{
    tc_buf_release(&k->keys);
    free(k->lines);
}

/* How many of this cue's first lines repeat the last lines of p. */
static size_t
dd_overlap(const struct dedupe *dd, const struct dkeys *p)
{
    const struct dkeys *c = &dd->cur;
    size_t k, i, max = c->n < p->n ? c->n : p->n;

    if (!dd->rolling)
        max = c->n == p->n ? c->n : 0;
    for (k = max; k > 0; k--) {
        for (i = 0; i < k; i++)
            if (strcmp(c->keys.data + c->lines[i].key,
                       p->keys.data + p->lines[p->n - k + i].key) != 0)
                break;
        if (i == k)
            return k;
        if (!dd->rolling)
            break;
    }
    return 0;
}

static int
tok_eq(const struct dedupe *dd, size_t a, size_t b)
{
    const struct dtok *x = &dd->toks[a], *y = &dd->toks[b];

    return x->klen == y->klen &&
           memcmp(dd->tokfold.data + x->key, dd->tokfold.data + y->key,
                  x->klen) == 0;
}

/* Does the punctuation after a word, s[0..n), end a sentence? */
static int
ends_sentence(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] == '.' || s[i] == '!' || s[i] == '?' ||
            (i + 2 < n && memcmp(s + i, "\xE2\x80\xA6", 3) == 0))
            return 1;
    return 0;
}

/* The tokens of the loaded text t from flat offset from on. */
static int
dd_tokens(struct dedupe *dd, const struct tc_text *t, size_t from)
{
    const char *f = dd->ed.flat.data;
    size_t n = dd->ed.flat.len, pos = from;
    struct tc_word w;

    tc_buf_clear(&dd->tokfold);
    dd->ntoks = 0;
    while (tc_word_next(f, n, &pos, &w)) {
        struct dtok *tk;
        int empty = w.cend == w.cstart;

        if (grow((void **)&dd->toks, &dd->tcap, dd->ntoks + 1,
                 sizeof *dd->toks) != TC_OK)
            return TC_ERR_NOMEM;
        tk = &dd->toks[dd->ntoks++];
        tk->key = dd->tokfold.len;
        dd_voices(&dd->tokfold, t, w.start, w.end);
        /* a token of punctuation only ("-") is compared whole */
        tc_fold_add(&dd->tokfold, f + (empty ? w.start : w.cstart),
                    empty ? w.end - w.start : w.cend - w.cstart);
        tk->klen = dd->tokfold.len - tk->key;
        tk->start = w.start;
        tk->cend = empty ? w.end : w.cend;
        tk->cstart = w.cstart;
        tk->sentence = ends_sentence(f + w.cend, w.end - w.cend);
        tk->keep = KEEP_UNKNOWN;
    }
    return tc_buf_status(&dd->tokfold) != TC_OK ? TC_ERR_NOMEM : TC_OK;
}

/* The classes that keep a repeat of token tk of the loaded text: looked
 * up the first time a repeat asks. */
static unsigned
tok_keep(struct dedupe *dd, struct dtok *tk)
{
    const char *f = dd->ed.flat.data;
    size_t k, n = tk->cend - tk->cstart;
    unsigned h = 2166136261u;   /* FNV-1a */
    struct dkeep *m = NULL;

    if (tk->keep != KEEP_UNKNOWN)
        return tk->keep;
    if (n > 0 && n <= KEEP_WORD) {
        for (k = 0; k < n; k++)
            h = (h ^ (unsigned char)f[tk->cstart + k]) * 16777619u;
        m = &dd->memo[(h ^ (h >> 11)) & (KEEP_MEMO - 1)];
        if (m->len == n && memcmp(m->w, f + tk->cstart, n) == 0)
            return tk->keep = m->keep;
    }
    tk->keep = tc_lex_classes(dd->lex, f + tk->cstart, n) &
               (TC_LX_EMPH | TC_LX_DOUBLE);
    for (k = tk->cstart; k < tk->cend; k++)
        if (f[k] >= '0' && f[k] <= '9')
            tk->keep |= TC_LX_DOUBLE;
    if (m != NULL) {
        m->keep = tk->keep;
        m->len = (unsigned char)n;
        memcpy(m->w, f + tk->cstart, n);
    }
    return tk->keep;
}

/* How many times tokens [i, i + L) are said in a row from i. */
static size_t
dd_repeats(const struct dedupe *dd, size_t i, size_t L)
{
    size_t k, j;

    for (k = 1; i + (k + 1) * L <= dd->ntoks; k++) {
        for (j = 0; j < L; j++)
            if (!tok_eq(dd, i + j, i + k * L + j))
                break;
        if (j < L)
            break;
    }
    return k;
}

/* May k repeats of tokens [i, i + L) stay?  Grammar said twice, emphasis
 * said up to four times. */
static int
dd_meant(struct dedupe *dd, size_t i, size_t L, size_t k)
{
    size_t j;

    if (L == 1 && k == 2 && (tok_keep(dd, &dd->toks[i]) & TC_LX_DOUBLE))
        return 1;
    if (k > 4)
        return 0;
    for (j = 0; j < L; j++)
        if (!(tok_keep(dd, &dd->toks[i + j]) & TC_LX_EMPH))
            return 0;
    return 1;
}

/* Loops and stutters among the words of the loaded text t from flat
 * offset from on. */
static int
dd_loops(struct dedupe *dd, const struct tc_text *t, size_t from)
{
    size_t i, L, k, min_k;
    int rc = dd_tokens(dd, t, from);

    for (i = 0; i < dd->ntoks && rc == TC_OK;) {
        size_t best_l = 0, best_k = 0;

        for (L = 1; L <= (size_t)dd->max_phrase && i + 2 * L <= dd->ntoks;
             L++) {
            min_k = dd->stutters && L <= 3 ? 2 : (size_t)dd->min_repeats;
            if (min_k < 2)
                continue;                       /* loops off */
            k = dd_repeats(dd, i, L);
            /* a sentence said again ("Stay out. Stay out!") is meant; a
             * stutter is inside one */
            if (k < (size_t)dd->min_repeats && dd->toks[i + L - 1].sentence)
                continue;
            if (k >= min_k && !dd_meant(dd, i, L, k)) {
                best_l = L;
                best_k = k;
                break;
            }
        }
        if (best_l == 0) {
            i++;
            continue;
        }
        rc = tc_edit_cut(&dd->ed, dd->toks[i + best_l - 1].cend,
                         dd->toks[i + best_k * best_l - 1].cend);
        i += best_k * best_l;
    }
    return rc;
}

/* Keep the last tokens of the held cue's text as it leaves, for a stutter
 * across the start of the next cue. */
static int
dd_keep_tail(struct dedupe *dd, const struct tc_text *t)
{
    const char *f = dd->ed.flat.data;
    size_t i, k, from = dd->ed.flat.len;
    int rc;

    /* only the last TAIL_MAX tokens are needed: start before them */
    for (k = 0; k < TAIL_MAX && from > 0; k++) {
        while (from > 0 && tc_is_space(f[from - 1]))
            from--;
        while (from > 0 && !tc_is_space(f[from - 1]))
            from--;
    }
    rc = dd_tokens(dd, t, from);

    tc_buf_clear(&dd->tail);
    dd->ntail = dd->ntoks < TAIL_MAX ? dd->ntoks : TAIL_MAX;
    for (k = 0, i = dd->ntoks - dd->ntail; rc == TC_OK && i < dd->ntoks;
         i++, k++) {
        tok_keep(dd, &dd->toks[i]);
        dd->tail_tok[k] = dd->toks[i];
        dd->tail_tok[k].key = dd->tail.len;
        tc_buf_add(&dd->tail, dd->tokfold.data + dd->toks[i].key,
                   dd->toks[i].klen);
    }
    return rc != TC_OK ? rc : tc_buf_status(&dd->tail);
}

/* Token k of the held cue's tail followed by the cue's tokens. */
static const struct dtok *
joined_tok(const struct dedupe *dd, size_t k, const char **key)
{
    if (k < dd->ntail) {
        *key = dd->tail.data + dd->tail_tok[k].key;
        return &dd->tail_tok[k];
    }
    *key = dd->tokfold.data + dd->toks[k - dd->ntail].key;
    return &dd->toks[k - dd->ntail];
}

static int
joined_eq(const struct dedupe *dd, size_t a, size_t b)
{
    const char *ka, *kb;
    const struct dtok *x = joined_tok(dd, a, &ka), *y = joined_tok(dd, b, &kb);

    return x->klen == y->klen && memcmp(ka, kb, x->klen) == 0;
}

/* dd_meant() for tokens of the held cue's tail and this cue in a row. */
static unsigned
joined_keep(struct dedupe *dd, size_t k)
{
    return k < dd->ntail ? dd->tail_tok[k].keep
                         : tok_keep(dd, &dd->toks[k - dd->ntail]);
}

static int
dd_meant_joined(struct dedupe *dd, size_t i, size_t L)
{
    size_t j;

    if (L == 1 && (joined_keep(dd, i) & TC_LX_DOUBLE))
        return 1;
    for (j = 0; j < L; j++)
        if (!(joined_keep(dd, i + j) & TC_LX_EMPH))
            return 0;
    return 1;
}

/* Cut the held cue's text from flat offset at to its end. */
static int
dd_cut_held(struct dedupe *dd, size_t at)
{
    int rc = tc_edit_load(&dd->hed, &dd->held->text);

    if (rc == TC_OK)
        rc = tc_edit_cut(&dd->hed, at, dd->hed.flat.len);
    if (rc == TC_OK)
        rc = tc_edit_apply(&dd->hed, &dd->held->text);
    return rc;
}

/* A stutter across the start of the cue (its tokens loaded): one to three
 * words said twice where the second time ends in this cue ("He's doing
 * the he's | doing the podcast", "ship, | ship the").  The second time is
 * cut, from the end of the held cue and the start of this one.  Sets
 * *all when nothing of this cue is left. */
static int
dd_stutter_start(struct dedupe *dd, int *all)
{
    size_t L, s, b = dd->ntail, j;
    const char *key;
    int rc = TC_OK;

    *all = 0;
    for (L = TAIL_MAX / 2; L > 0; L--) {
        for (s = 0; s < L; s++) {
            /* the second time: [b - s, b - s + L), the first just before */
            if (b < s + L || L - s > dd->ntoks)
                continue;
            for (j = 0; j < L; j++)
                if (!joined_eq(dd, b - s - L + j, b - s + j))
                    break;
            if (j < L || dd_meant_joined(dd, b - s - L, L) ||
                joined_tok(dd, b - s - 1, &key)->sentence)
                continue;
            if (s > 0)
                rc = dd_cut_held(dd, dd->tail_tok[b - s - 1].cend);
            if (rc == TC_OK && L - s == dd->ntoks)
                *all = 1;
            else if (rc == TC_OK)
                rc = tc_edit_cut(&dd->ed, dd->toks[0].start,
                                 dd->toks[L - s].start);
            return rc;
        }
    }
    return TC_OK;
}

static int
dd_merge(struct dedupe *dd, struct tc_cue *cue)
{
    struct tc_cue *h = dd->held;
    char b[32];
    int rc;

    if (h->end != TC_TIME_NONE && cue->end != TC_TIME_NONE &&
        cue->end > h->end)
        h->end = cue->end;
    tc_time_fmt(b, h->end == TC_TIME_NONE ? 0 : h->end, '.');
    rc = tc_diagf(dd->base.ctx, TC_D_CUE_DROPPED, cue->line, 0,
                  "repeats the cue before, which now ends at %s",
                  h->end == TC_TIME_NONE ? "the next cue" : b);
    tc_cue_free(cue);
    return rc;
}

static int
dedupe_push(struct tc_stage *st, struct tc_cue *cue)
{
    struct dedupe *dd = (struct dedupe *)st;
    size_t k = 0, from;
    int near, rc;

    dd->lex = tc_lex_get(&dd->lc, st->ctx);
    rc = tc_edit_load(&dd->ed, &cue->text);
    if (rc == TC_OK)
        rc = dd_lines(dd, &cue->text, &dd->cur);
    if (rc != TC_OK)
        goto fail;
    near = dd->have_prev && dd->held != NULL &&
           tc_cue_same_frame(dd->held, cue) &&
           (dd->held->end == TC_TIME_NONE ||
            cue->start - dd->held->end <= dd->max_gap);
    if (near && dd->cur.n > 0) {
        /* against the cue before as it came and as this stage left it,
         * so that a repeat of either is found */
        size_t k2 = dd_overlap(dd, &dd->edit);

        k = dd_overlap(dd, &dd->orig);
        if (k2 > k)
            k = k2;
    }
    if (k > 0 && k == dd->cur.n)
        return dd_merge(dd, cue);
    keys_swap(&dd->cur, &dd->orig);
    from = dd->orig.lines[k].ls;
    if (k > 0)
        rc = tc_edit_cut(&dd->ed, 0, from);
    if (rc == TC_OK && (dd->min_repeats > 0 || dd->stutters))
        rc = dd_loops(dd, &cue->text, from);
    if (rc == TC_OK && dd->stutters && near && dd->ntail > 0) {
        int all;

        rc = dd_stutter_start(dd, &all);
        if (rc == TC_OK && all)
            return dd_merge(dd, cue);
    }
    /* the next cue is compared with this one as it leaves: as it came
     * when nothing was cut (tc_edit_apply() leaves it exactly as it
     * was) */
    if (rc == TC_OK && dd->ed.ncuts == 0) {
        rc = keys_copy(&dd->edit, &dd->orig);
    } else if (rc == TC_OK) {
        rc = tc_edit_apply(&dd->ed, &cue->text);
        if (rc == TC_OK)
            rc = dd_lines(dd, &cue->text, &dd->edit);
    }
    if (rc == TC_OK && dd->stutters)
        rc = dd_keep_tail(dd, &cue->text);
    dd->have_prev = 1;
    if (rc == TC_OK && dd->held != NULL) {
        rc = tc_stage_push(st->next, dd->held);
        dd->held = NULL;
    }
    if (rc != TC_OK)
        goto fail;
    dd->held = cue;
    return TC_OK;
fail:
    tc_cue_free(cue);
    return rc;
}

static int
dedupe_finish(struct tc_stage *st)
{
    struct dedupe *dd = (struct dedupe *)st;
    int rc = TC_OK;

    if (dd->held != NULL) {
        rc = tc_stage_push(st->next, dd->held);
        dd->held = NULL;
    }
    if (rc != TC_OK)
        return rc;
    return tc_stage_finish(st->next);
}

static void
dedupe_destroy(struct tc_stage *st)
{
    struct dedupe *dd = (struct dedupe *)st;

    tc_cue_free(dd->held);
    tc_edit_release(&dd->ed);
    keys_release(&dd->cur);
    keys_release(&dd->orig);
    keys_release(&dd->edit);
    tc_buf_release(&dd->tokfold);
    tc_buf_release(&dd->tail);
    tc_edit_release(&dd->hed);
    free(dd->toks);
    free(dd);
}

static const struct tc_stage_ops dedupe_ops = {
    .name = "dedupe",
    .push = dedupe_push,
    .finish = dedupe_finish,
    .destroy = dedupe_destroy,
};

static int
dedupe_create(struct tc_ctx *ctx, const struct tc_args *args,
              struct tc_stage **out)
{
    struct dedupe *dd = calloc(1, sizeof *dd);
    int rc;

    if (dd == NULL)
        return TC_ERR_NOMEM;
    tc_edit_init(&dd->ed);
    tc_buf_init(&dd->cur.keys, 0);
    tc_buf_init(&dd->orig.keys, 0);
    tc_buf_init(&dd->edit.keys, 0);
    tc_buf_init(&dd->tokfold, 0);
    tc_buf_init(&dd->tail, 0);
    tc_edit_init(&dd->hed);
    dd->base.ops = &dedupe_ops;
    dd->base.ctx = ctx;
    rc = tc_args_bool(args, "rolling", &dd->rolling);
    if (rc == TC_OK)
        rc = tc_args_time(args, "max-gap", &dd->max_gap);
    if (rc == TC_OK)
        rc = tc_args_long(args, "min-repeats", &dd->min_repeats);
    if (rc == TC_OK)
        rc = tc_args_long(args, "max-phrase", &dd->max_phrase);
    if (rc == TC_OK)
        rc = tc_args_bool(args, "stutters", &dd->stutters);
    if (rc == TC_OK)
        rc = tc_lex_from_args(args, &dd->lc);
    if (rc == TC_OK && (dd->min_repeats == 1 || dd->min_repeats < 0 ||
                        dd->max_phrase < 1 || dd->max_phrase > 50)) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                 "dedupe: min-repeats must be 0 (off) or at least 2, "
                 "max-phrase 1 to 50");
        rc = TC_ERR_ARG;
    }
    if (rc != TC_OK) {
        dedupe_destroy(&dd->base);
        return rc;
    }
    *out = &dd->base;
    return TC_OK;
}

static const struct tc_option dedupe_options[] = {
    { "rolling", "yes",
      "drop lines that repeat the end of the cue before (YouTube "
      "auto-captions); no: only whole repeated cues" },
    { "max-gap", "1000",
      "cues further apart than this (ms) are never repeats" },
    { "min-repeats", "3",
      "collapse a word or phrase said this many times in a row; 0: off" },
    { "max-phrase", "10", "longest repeated phrase looked for, in words" },
    { "stutters", "yes",
      "keep once one to three words said twice (\"I I think\"); no: keep "
      "them (verbatim subtitles)" },
    { "lang", "auto",
      "which repeats are grammar or emphasis: en, de, fr or es; auto: the "
      "language of the text (--lang, declared or guessed), else en" },
    { NULL, NULL, NULL }
};

const struct tc_filter tc_filter_dedupe = {
    .name    = "dedupe",
    .desc    = "drop repeated text",
    .options = dedupe_options,
    .create  = dedupe_create,
};
