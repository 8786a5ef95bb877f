/* src/filters/merge.c -- join fragments into readable cues.
 *
 * The input cues are read as one stream of words, each with a time: its
 * share of its cue's time by length, or its inline timestamp.  Words are
 * gathered into the cue being built while it still fits the limits (its
 * words fill at most max-lines lines of max-chars, and it lasts at most
 * max-duration when it joins more than one input cue).  When the next word
 * would not fit, the cue is cut at the best place inside it: after a
 * sentence, else after a clause, else at a pause, and late rather than
 * early; the words after the cut begin the next cue.  A pause longer than max-gap is never bridged, so unpunctuated
 * lower-case auto-captions are cut at pauses and by length.
 *
 * Cue boundaries may fall inside an input cue; the time is then divided by
 * length.  A cue that comes out whole and unchanged keeps its own text and
 * line breaks; a built one is laid out by src/linebreak.c.  Lines of
 * dialogue ("- ..."), text in another placement or voice and empty cues are
 * boundaries that are passed on as they are; a cue that ends before the
 * one before it also begins a new cue.
 *
 * Memory: the input cues that hold words of the cue being built, and one
 * more whose end is not known yet (start-only transcripts: it ends at the
 * next start, or after a comfortable speaking time if that is sooner).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "linebreak.h"

#define SPEECH_CPS 15.0   /* speaking rate for cues without an end */

struct mfrag {
    struct tc_cue *cue;      /* the input cue; NULL once passed on whole */
    int64_t start, end;      /* end settled (never TC_TIME_NONE) */
    size_t chars;            /* tc_lb chars of its text */
    size_t nwords, left;     /* its words, and those not yet emitted */
};

struct merge {
    struct tc_stage base;
    struct tc_limits lim;
    int64_t max_gap;
    struct tc_lb lb;         /* the words of the input cue taken in */
    struct tc_lb lay;        /* laying out a built cue */
    struct tc_text scratch;
    struct mfrag *f;         /* fragments holding words of the window */
    size_t nf, fcap;
    struct tc_lb_word *w;    /* the window: words of the cue being built */
    size_t *wf;              /* the fragment of each word (index into f) */
    size_t nw, wcap;
    unsigned char *zero;     /* nw zero bytes: "no line break" for emit */
    struct tc_cue *pending;  /* a cue whose end waits for the next start */
    int64_t last_end;        /* end of the last fragment taken in */
};

static int64_t
word_start(const struct merge *m, size_t i)
{
    const struct mfrag *f = &m->f[m->wf[i]];
    const struct tc_lb_word *w = &m->w[i];

    if (w->time != TC_TIME_NONE && w->time >= f->start && w->time < f->end)
        return w->time;
    return f->start + (int64_t)((double)(f->end - f->start) *
                                (double)w->pos / (double)f->chars + 0.5);
}

static int64_t
word_end(const struct merge *m, size_t i)
{
    const struct mfrag *f = &m->f[m->wf[i]];
    const struct tc_lb_word *w = &m->w[i];

    if (i + 1 < m->nw && m->wf[i + 1] == m->wf[i])
        return word_start(m, i + 1);
    return f->start + (int64_t)((double)(f->end - f->start) *
                                (double)(w->pos + w->width) /
                                (double)f->chars + 0.5);
}

/* Characters of window words [0, n) on one line. */
static size_t
span_chars(const struct merge *m, size_t n)
{
    size_t i, c = 0;

    for (i = 0; i < n; i++)
        c += m->w[i].width + (i > 0);
    return c;
}

/* Do window words [0, n) make one cue within the limits? */
static int
fits(const struct merge *m, size_t n)
{
    size_t i, lines = 1, len = 0, max = (size_t)m->lim.max_chars;

    for (i = 0; i < n; i++) {
        size_t wd = m->w[i].width;

        if (len > 0 && len + 1 + wd > max) {
            lines++;
            len = wd;
        } else {
            len += (len > 0) + wd;
        }
    }
    if (lines > (size_t)m->lim.max_lines)
        return 0;
    /* One input cue that fits but lasts too long (a sign) is not cut in
     * pieces, whose later starts would come after the cues shown during
     * it: timing cuts its end. */
    if (m->wf[n - 1] == m->wf[0])
        return 1;
    return word_end(m, n - 1) - word_start(m, 0) <= m->lim.max_duration;
}

/* How good a cue end is after window word j (higher is better). */
static long
cut_score(const struct merge *m, size_t j)
{
    const struct tc_lb_word *w = &m->w[j];
    size_t cap = (size_t)(m->lim.max_chars * m->lim.max_lines);
    size_t chars = span_chars(m, j + 1);
    int64_t pause = word_start(m, j + 1) - word_end(m, j);
    int64_t dur = word_end(m, j) - word_start(m, 0);
    long s = (long)(60 * chars / cap);

    if (w->flags & TC_LB_SENTENCE)
        s += 100;
    else if (w->flags & TC_LB_CLAUSE)
        s += 40;
    else if (m->w[j + 1].flags & TC_LB_CONJ)
        s += 20;
    else if (m->w[j + 1].flags & TC_LB_PREP)
        s += 10;
    if (pause > 0)
        s += (long)((pause > 1000 ? 1000 : pause) / 10);
    else if (m->wf[j + 1] != m->wf[j])
        s += 15;        /* the captioner's own cue end: a weak hint */
    if (w->flags & TC_LB_WEAK)
        s -= 40;
    if (dur > 0 && (double)chars * 1000.0 / (double)dur > m->lim.max_cps)
        s -= 30;
    if (dur < m->lim.min_duration)
        s -= 80;        /* too short to read, if timing finds no room */
    return s;
}

/* Is the text's own layout within the limits? */
static int
layout_ok(const struct tc_text *t, const struct tc_limits *lim)
{
    size_t i, j, lines = 1, len = 0;

    for (i = 0; i < t->nruns; i++) {
        const char *p = t->pool + t->runs[i].off;

        for (j = 0; j < t->runs[i].len; j++) {
            if (p[j] == '\n') {
                lines++;
                len = 0;
            } else if (((unsigned char)p[j] & 0xC0) != 0x80 &&
                       ++len > (size_t)lim->max_chars) {
                return 0;
            }
        }
    }
    return lines <= (size_t)lim->max_lines;
}

/* Append a space between the words of two input cues: in their style when
 * both sides share it, so "<i>a</i>" + "<i>b</i>" stays one italic run. */
static int
join_space(struct tc_text *out, const struct tc_text *next,
           const struct tc_lb_word *w)
{
    struct tc_style a, b;

    if (out->nruns == 0)
        return TC_OK;
    tc_run_style(out, &out->runs[out->nruns - 1], &a);
    tc_run_style(next, &next->runs[w->run], &b);
    a.time = TC_TIME_NONE;
    if (a.style != b.style || (a.voice == NULL) != (b.voice == NULL) ||
        (a.voice != NULL && strcmp(a.voice, b.voice) != 0))
        return tc_text_append(out, " ", 1, NULL);
    return tc_text_append(out, " ", 1, &a);
}

/* Drop the first n window words and the fragments left without words. */
static void
window_shift(struct merge *m, size_t n)
{
    size_t i, done = 0;

    for (i = 0; i < n; i++)
        m->f[m->wf[i]].left--;
    while (done < m->nf && m->f[done].left == 0) {
        tc_cue_free(m->f[done].cue);
        done++;
    }
    memmove(m->f, m->f + done, (m->nf - done) * sizeof *m->f);
    m->nf -= done;
    memmove(m->w, m->w + n, (m->nw - n) * sizeof *m->w);
    memmove(m->wf, m->wf + n, (m->nw - n) * sizeof *m->wf);
    m->nw -= n;
    for (i = 0; i < m->nw; i++)
        m->wf[i] -= done;
}

/* Pass on window words [0, n) as one cue. */
static int
emit(struct merge *m, size_t n)
{
    struct mfrag *f0 = &m->f[m->wf[0]];
    struct tc_cue *c;
    struct tc_lb view;
    size_t a, b, lines;
    int rc;

    if (f0->left == f0->nwords && n == f0->nwords &&
        layout_ok(&f0->cue->text, &m->lim)) {
        /* one whole input cue: it keeps its own text and layout */
        c = f0->cue;
        f0->cue = NULL;
        c->end = f0->end;
        window_shift(m, n);
        return tc_stage_push(m->base.next, c);
    }
    c = tc_cue_new(m->base.ctx);
    if (c == NULL)
        return TC_ERR_NOMEM;
    c->start = word_start(m, 0);
    c->end = word_end(m, n - 1);
    c->place = f0->cue->place;
    c->line = f0->cue->line;
    rc = TC_OK;
    if (f0->left == f0->nwords && f0->cue->id != NULL &&
        f0->cue->id[0] != '\0')
        rc = tc_cue_set_id(c, f0->cue->id, strlen(f0->cue->id));
    if (rc == TC_OK && f0->cue->region != NULL && f0->cue->region[0] != '\0')
        rc = tc_cue_set_region(c, f0->cue->region, strlen(f0->cue->region));
    for (a = 0; rc == TC_OK && a < n; a = b) {
        const struct tc_text *src = &m->f[m->wf[a]].cue->text;

        for (b = a + 1; b < n && m->wf[b] == m->wf[a]; b++)
            ;
        memset(&view, 0, sizeof view);
        view.w = m->w + a;
        view.n = b - a;
        view.brk = m->zero;
        if (a > 0)
            rc = join_space(&c->text, src, &m->w[a]);
        if (rc == TC_OK)
            rc = tc_lb_emit(&c->text, src, &view, 0, b - a);
    }
    if (rc == TC_OK)
        rc = tc_lb_relayout(&m->lay, &c->text, &m->scratch,
                            (size_t)m->lim.max_chars, &lines);
    window_shift(m, n);
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    return tc_stage_push(m->base.next, c);
}

static int
flush(struct merge *m)
{
    return m->nw > 0 ? emit(m, m->nw) : TC_OK;
}

static int
grow(struct merge *m, size_t words)
{
    if (m->nf == m->fcap) {
        size_t ncap = m->fcap ? m->fcap * 2 : 8;
        struct mfrag *nf = realloc(m->f, ncap * sizeof *nf);

        if (nf == NULL)
            return TC_ERR_NOMEM;
        m->f = nf;
        m->fcap = ncap;
    }
    if (m->nw + words > m->wcap) {
        size_t ncap = m->wcap ? m->wcap : 64;
        struct tc_lb_word *nw;
        size_t *nwf;
        unsigned char *nz;

        while (ncap < m->nw + words)
            ncap *= 2;
        nw = realloc(m->w, ncap * sizeof *nw);
        if (nw == NULL)
            return TC_ERR_NOMEM;
        m->w = nw;
        nwf = realloc(m->wf, ncap * sizeof *nwf);
        if (nwf == NULL)
            return TC_ERR_NOMEM;
        m->wf = nwf;
        nz = realloc(m->zero, ncap);
        if (nz == NULL)
            return TC_ERR_NOMEM;
        memset(nz, 0, ncap);
        m->zero = nz;
        m->wcap = ncap;
    }
    return TC_OK;
}

static const char *
first_voice(const struct tc_text *t)
{
    return t->nruns ? tc_text_str(t, t->runs[0].voice) : NULL;
}

static const char *
last_voice(const struct tc_text *t)
{
    return t->nruns ? tc_text_str(t, t->runs[t->nruns - 1].voice) : NULL;
}

/* Must the cue being built end before cue c? */
static int
boundary(const struct merge *m, const struct tc_cue *c)
{
    const struct tc_cue *prev;
    const char *a, *b;

    if (m->nf == 0)
        return 0;
    prev = m->f[m->nf - 1].cue;
    if (c->start - m->last_end > m->max_gap)
        return 1;
    /* A cue that ends before the last one does is shown during it, not
     * after it (a long sign over dialogue): joining would move its words
     * to after the earlier ones, seconds late. */
    if (c->end != TC_TIME_NONE && c->end <= m->last_end)
        return 1;
    if (c->place.vpos != prev->place.vpos ||
        c->place.align != prev->place.align ||
        c->place.line != prev->place.line ||
        c->place.position != prev->place.position)
        return 1;
    if ((c->region != NULL && c->region[0] != '\0') !=
            (prev->region != NULL && prev->region[0] != '\0') ||
        (c->region != NULL && prev->region != NULL &&
         strcmp(c->region, prev->region) != 0))
        return 1;
    a = last_voice(&prev->text);
    b = first_voice(&c->text);
    return (a == NULL) != (b == NULL) || (a != NULL && strcmp(a, b) != 0);
}

/* Take in one input cue whose end is settled. */
static int
take(struct merge *m, struct tc_cue *c)
{
    struct tc_lb *lb = &m->lb;
    struct mfrag *f;
    size_t i, k;
    int rc, dialogue = 0;

    rc = tc_lb_words(lb, &c->text);
    if (rc == TC_OK && lb->n > 0) {
        const struct tc_lb_word *w0 = &lb->w[0];

        /* "- Yes." or "-Yes.": a line of dialogue */
        dialogue = c->text.pool[c->text.runs[w0->run].off + w0->off] == '-';
        for (k = 1; k < lb->n; k++)
            if (lb->w[k].flags & TC_LB_HARD)
                dialogue = 1;
    }
    if (rc == TC_OK && (lb->n == 0 || dialogue || boundary(m, c)))
        rc = flush(m);
    if (rc == TC_OK && (lb->n == 0 || dialogue)) {
        /* passed on as it is, as a boundary */
        m->last_end = c->end;
        return tc_stage_push(m->base.next, c);
    }
    if (rc == TC_OK)
        rc = grow(m, lb->n);
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    f = &m->f[m->nf++];
    f->cue = c;
    f->start = c->start;
    f->end = c->end;
    if (m->nf > 1 && f->start < m->last_end) {
        /* overlapping input: its words come after the previous ones, so
         * that the cue being built never ends before it starts */
        f->start = m->last_end;
        if (f->end < f->start)
            f->end = f->start;
    }
    f->chars = lb->chars;
    f->nwords = f->left = lb->n;
    m->last_end = f->end;
    for (i = 0; i < lb->n; i++) {
        size_t n;

        m->w[m->nw] = lb->w[i];
        m->wf[m->nw] = m->nf - 1;
        n = ++m->nw;
        while (n > 1 && !fits(m, n)) {
            size_t j, best = 0;
            long s, best_s = 0;

            for (j = 0; j + 1 < n; j++) {
                s = cut_score(m, j);
                if (j == 0 || s >= best_s) {
                    best_s = s;
                    best = j;
                }
            }
            rc = emit(m, best + 1);
            if (rc != TC_OK)
                return rc;
            n = m->nw;
        }
    }
    return TC_OK;
}

/* A cue without an end ends at the next start, or after its text has been
 * spoken at SPEECH_CPS if that is sooner (a pause follows). */
static void
settle(struct merge *m, struct tc_cue *c, int64_t next_start)
{
    size_t chars = tc_text_len(&c->text);
    int64_t d = (int64_t)((double)chars * 1000.0 / SPEECH_CPS);

    if (d < m->lim.min_duration)
        d = m->lim.min_duration;
    if (d > m->lim.max_duration)
        d = m->lim.max_duration;
    c->end = c->start + d;
    if (next_start != TC_TIME_NONE && next_start >= c->start &&
        next_start < c->end)
        c->end = next_start;
}

static int
merge_push(struct tc_stage *st, struct tc_cue *c)
{
    struct merge *m = (struct merge *)st;
    int rc = TC_OK;

    if (m->pending != NULL) {
        struct tc_cue *p = m->pending;

        m->pending = NULL;
        settle(m, p, c->start);
        rc = take(m, p);
    }
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    if (c->end != TC_TIME_NONE && c->end <= c->start) {
        rc = tc_diagf(st->ctx, TC_D_TIME_REVERSED, c->line, 0,
                      "%s: end taken from the next cue",
                      c->end == c->start ? "zero length" : "reversed");
        if (rc != TC_OK) {
            tc_cue_free(c);
            return rc;
        }
    }
    if (c->end == TC_TIME_NONE || c->end <= c->start) {
        m->pending = c;
        return TC_OK;
    }
    return take(m, c);
}

static int
merge_finish(struct tc_stage *st)
{
    struct merge *m = (struct merge *)st;
    int rc = TC_OK;

    if (m->pending != NULL) {
        struct tc_cue *p = m->pending;

        m->pending = NULL;
        settle(m, p, TC_TIME_NONE);
        rc = take(m, p);
    }
    if (rc == TC_OK)
        rc = flush(m);
    if (rc != TC_OK)
        return rc;
    return tc_stage_finish(st->next);
}

static void
merge_destroy(struct tc_stage *st)
{
    struct merge *m = (struct merge *)st;
    size_t i;

    for (i = 0; i < m->nf; i++)
        tc_cue_free(m->f[i].cue);
    tc_cue_free(m->pending);
    free(m->f);
    free(m->w);
    free(m->wf);
    free(m->zero);
    tc_lb_release(&m->lb);
    tc_lb_release(&m->lay);
    tc_text_release(&m->scratch);
    free(m);
}

static const struct tc_stage_ops merge_ops = {
    .name = "merge",
    .push = merge_push,
    .finish = merge_finish,
    .destroy = merge_destroy,
};

static int
merge_create(struct tc_ctx *ctx, const struct tc_args *args,
             struct tc_stage **out)
{
    struct merge *m = calloc(1, sizeof *m);
    int rc;

    if (m == NULL)
        return TC_ERR_NOMEM;
    m->base.ops = &merge_ops;
    m->base.ctx = ctx;
    tc_lb_init(&m->lb);
    tc_lb_init(&m->lay);
    rc = tc_limits_from_args(args, &m->lim);
    if (rc == TC_OK)
        rc = tc_args_time(args, "max-gap", &m->max_gap);
    if (rc != TC_OK) {
        merge_destroy(&m->base);
        return rc;
    }
    *out = &m->base;
    return TC_OK;
}

static const struct tc_option merge_options[] = {
    { "max-chars", NULL, "characters a line (from the profile)" },
    { "max-lines", NULL, "lines a cue (from the profile)" },
    { "max-duration", NULL, "longest cue (from the profile)" },
    { "max-cps", NULL, "reading speed a cut should keep (from the "
                       "profile)" },
    { "max-gap", "1500", "never join across a longer pause (ms)" },
    { NULL, NULL, NULL }
};

const struct tc_filter tc_filter_merge = {
    .name    = "merge",
    .desc    = "join fragments into readable cues",
    .options = merge_options,
    .create  = merge_create,
};
