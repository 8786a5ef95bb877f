/* src/filters/merge.c -- cut the speech into readable cues: join
 * fragments, and split them where a sentence or a phrase ends.
 *
 * The input cues are read as one stream of words, each with a time: its
 * share of its cue's time by length, or its inline timestamp.  The words
 * wait in a window, and the window is cut into cues by dynamic
 * programming: of all the ways to cut it into cues within the limits
 * (max-lines lines of max-chars, at most max-duration when a cue joins
 * more than one input cue), the one of lowest total cost, where a cue
 * costs
 * - TC_LB_CUE_COST, so that fewer, fuller cues win over many small ones;
 * - its line layout (src/linebreak.c: a break after a word that opens a
 *   phrase costs most, imbalance some);
 * - its end: one and a half times the cost of a break after its last word
 *   (after a sentence best, after a clause good, after "the", "to" or "we"
 *   worst), less a bonus for a pause there or the end of an input cue;
 * - reading faster than max-cps over the time it can stay up (until the
 *   next cue begins), and lasting less than min-duration;
 * - being one or two words alone;
 * - a sentence end inside it when it does not also begin or end with one
 *   ("as well. So I guess", "way. It's now").
 * So cue ends and line breaks are chosen together, a neighbour with room
 * takes words from a cue read too fast, and a long input cue is cut at its
 * best break, never at the time limit alone.  Unpunctuated lower-case
 * text (YouTube) is cut by pauses and by the phrase rules.
 *
 * A question that ends one input cue and a reply that begins the next
 * never share a line: they make one cue of dialogue ("-Ready?\n-Yes.",
 * with the profile's dialogue-dash) when each is one sentence that fits a
 * line, else the cue ends after the question.  A pause longer than
 * max-gap, a change of placement, region or voice, a cue shown during
 * the one before (a sign), lines of dialogue already marked ("- ...") and
 * empty cues end the window; those cues are passed on as they are.  A
 * zero-length input cue joins the text before it when that does not end
 * a sentence (Whisper's "[00:26.480 --> 00:26.480] module.").
 *
 * A cue that comes out whole and unchanged keeps its own text and line
 * breaks; a built one is laid out by src/linebreak.c.
 *
 * Memory and delay: when the window holds more than max-duration of
 * speech or two full cues of characters, its best cuts are computed with
 * its end left open and the first cue leaves; at the end of the window all
 * leave.  A cue waits for about one more cue of input, and the input cues
 * held are those with words in the window, and one more whose end is not
 * known yet (start-only transcripts: it ends at the next start, or after
 * a comfortable speaking time if that is sooner).
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "ctx.h"
#include "lexicon.h"
#include "linebreak.h"
#include "measure.h"

#define SPEECH_CPS 15.0   /* speaking rate for cues without an end */

/* The cost of a cue (see above), beyond what linebreak.h gives every
 * cue.  The break costs of linebreak.c are about -100 (sentence) to +150
 * (after "the"). */
#define CPS_COST        60    /* each character a second over max-cps */
#define MIN_DUR_COST   100
#define STRADDLE_COST  150
#define SEG_END_BONUS   15    /* an input cue ended here */
#define PAUSE_BONUS_MAX 100   /* a pause: 1 a 10 ms, up to this */
/* Reading speed across cues: cues of one stretch of speech (gaps of at
 * most CHAIN_GAP between them) may come up to SHIFT_MAX ms before their
 * speech or stay up to SHIFT_MAX ms into the next, so that a cue read
 * too fast borrows time from neighbours that have some to spare. */
#define CHAIN_GAP      500
#define SHIFT_MAX      500
/* The most words of one input cue the window takes in at once: far more
 * than a subtitle or a transcript segment holds.  A longer cue (a whole
 * transcript under one timestamp) goes in by shares, or every cue that
 * leaves would plan, and move, all of its words again. */
#define TAKE_MAX       256

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
    struct tc_lex_choice lc; /* the phrase rules' language */
    char dash[8];            /* begins each line of a dialogue cue */
    size_t dash_w;           /* its width in characters */
    struct tc_lb lb;         /* the words of the input cue taken in */
    struct tc_lb win;        /* the window: words not yet emitted */
    struct tc_lb lay;        /* laying out a built cue */
    struct tc_text scratch;
    struct mfrag *f;         /* fragments holding words of the window */
    size_t nf, fcap;
    size_t *wf;              /* the fragment of each window word */
    struct tc_lb_plan plan;  /* the best cuts of the window */
    size_t *sent;            /* sentence ends among words [0, k) */
    size_t *lastrep;         /* the last reply among words (0, k], or 0 */
    int64_t *ws, *we;        /* when each window word begins and ends */
    long *bc;                /* break costs after window words (tc_lb) */
    size_t *first;           /* for no_gain(), by plan() */
    long *lowbc;
    long *cc;                /* cue costs already known (cached_cost) */
    size_t cc_len;           /* the most words a cue can hold */
    size_t col_j;            /* column(): the cue end it holds, or 0 */
    long col_end;
    int64_t col_avail;
    unsigned char *zero;     /* "no line break" for emit */
    size_t wcap;
    struct tc_cue *pending;  /* a cue whose end waits for the next start */
    int64_t last_end;        /* end of the last fragment taken in */
    int at_sentence;         /* the window's first word begins a sentence */
    int64_t next_start;      /* when the next cue comes up, if moved for
                                reading speed, else TC_TIME_NONE */
};

/* When window word i is said: its inline timestamp, else its share of its
 * fragment's time by length.  Worked out once, as the word comes in. */
static int64_t
time_at(const struct merge *m, size_t i, int end)
{
    const struct mfrag *f = &m->f[m->wf[i]];
    const struct tc_lb_word *w = &m->win.w[i];
    size_t pos = w->pos + (end ? w->width : 0);

    if (!end && w->time != TC_TIME_NONE && w->time >= f->start &&
        w->time < f->end)
        return w->time;
    if (f->chars == 0)
        return end ? f->end : f->start;
    return f->start + (int64_t)((double)(f->end - f->start) * (double)pos /
                                (double)f->chars + 0.5);
}

static int64_t
word_start(const struct merge *m, size_t i)
{
    return m->ws[i];
}

/* When window word i ends: where the next word of its fragment begins,
 * else its share of the time. */
static int64_t
word_end(const struct merge *m, size_t i)
{
    return m->we[i];
}

/* Does window word k begin a sentence? */
static int
starts_sentence(const struct merge *m, size_t k)
{
    return k == 0 ? m->at_sentence
                  : (m->win.w[k - 1].flags & TC_LB_SENTENCE) != 0;
}

/* Is window word k a reply: the first word of an input cue, capitalised,
 * after one that ended with a question? */
static int
is_reply(const struct merge *m, size_t k)
{
    const struct tc_lb_word *p;

    if (k == 0 || m->wf[k] == m->wf[k - 1])
        return 0;
    p = &m->win.w[k - 1];
    return (p->flags & TC_LB_QUESTION) &&
           (m->win.w[k].flags & TC_LB_CAPITAL);
}

/* ---- the cost of one cue ----------------------------------------------- */

/* Can words [i, j) be a cue of dialogue with the reply at q? */
static int
dialogue_ok(const struct merge *m, size_t i, size_t q, size_t j, int open)
{
    size_t max = (size_t)m->lim.max_chars;

    if (m->lim.max_lines < 2 || !starts_sentence(m, i))
        return 0;
    if (tc_lb_width(&m->win, i, q) + m->dash_w > max ||
        tc_lb_width(&m->win, q, j) + m->dash_w > max)
        return 0;
    /* one sentence for the reply, and it is complete */
    if (m->sent[j - 1] != m->sent[q])
        return 0;
    return open || (m->win.w[j - 1].flags & TC_LB_SENTENCE);
}

/* The reply inside words [i, j), or 0. */
static size_t
reply_scan(const struct merge *m, size_t i, size_t j)
{
    size_t k;

    for (k = j - 1; k > i; k--)
        if (is_reply(m, k))
            return k;
    return 0;
}

/* The same, from the table plan() makes. */
static size_t
reply_in(const struct merge *m, size_t i, size_t j)
{
    return m->lastrep[j - 1] > i ? m->lastrep[j - 1] : 0;
}

/* Could the layout of words [i, j) in two lines make the cue worth
 * having, when the rest of its cost is c?  Not when the cheapest break it
 * may choose, before a word in (i, first] (tc_lb_two_first()), brings c
 * to budget: the imbalance it adds is never negative.  first[i] and
 * lowbc[i] (plan()) hold the latest such word when the words after i do
 * not end the second line first, and the cheapest break up to it. */
static int
no_gain(const struct merge *m, size_t i, size_t j, long c, long budget)
{
    size_t first = m->first[i] < j - 1 ? m->first[i] : j - 1;

    if (budget == LONG_MAX || m->lim.max_lines < 2 || m->win.nhard > 0 ||
        j - i < 2)
        return 0;
    if (tc_lb_width(&m->win, first, j) > (size_t)m->lim.max_chars &&
        j - first > 1)
        return 0;               /* more than two lines: fit_cost() says */
    return c + m->lowbc[i] >= budget;
}

/* What every cue that ends at window word j shares, kept in m->col_*
 * while plan() weighs them: the cost of its end (the break there, less a
 * bonus for a pause or the end of an input cue), returned, and the time
 * it may stay up until, which end_cost() counts from its start. */
static long
column(struct merge *m, size_t j)
{
    const struct tc_limits *l = &m->lim;
    long c = 0;

    if (j < m->win.n) {
        int64_t next = word_start(m, j);
        int64_t pause = next - word_end(m, j - 1);

        c += m->bc[j - 1] * 3 / 2;      /* tc_lb_end_cost(), kept */
        if (pause > 0)
            c -= pause >= 10 * PAUSE_BONUS_MAX ? PAUSE_BONUS_MAX
                                               : (long)(pause / 10);
        else if (m->wf[j] != m->wf[j - 1])
            c -= SEG_END_BONUS;
        /* the time until the next cue, and some of the next cue's, which
         * next_display() can lend when that one has time to spare */
        m->col_avail = next - l->min_gap + SHIFT_MAX / 2;
    } else {
        m->col_avail = word_end(m, j - 1) + m->max_gap;
    }
    m->col_j = j;
    m->col_end = c;
    return c;
}

/* What words [i, j) cost as a cue that ends at j, beyond
 * TC_LB_CUE_COST, their layout and a sentence end inside that they do not
 * begin with. */
static long
end_cost(struct merge *m, size_t i, size_t j)
{
    const struct tc_limits *l = &m->lim;
    size_t chars;
    int64_t start = word_start(m, i), avail;
    long c = m->col_j == j ? m->col_end : column(m, j);

    if (j - i <= 2)
        c += TC_LB_SHORT_COST;
    avail = m->col_avail - start;
    if (avail > l->max_duration)
        avail = l->max_duration;
    if (avail < word_end(m, j - 1) - start)
        avail = word_end(m, j - 1) - start;
    /* the measures of the checker (measure.h), over the words' width:
     * each gap between words counted as a character, as a space is and
     * a line break (not yet chosen) is not, so a cue is weighed as read
     * no slower than it will be */
    chars = tc_lb_width(&m->win, i, j);
    if (avail > 0 && tc_measure_cps_over(chars, avail, l->max_cps))
        c += (long)((tc_measure_cps(chars, avail) - l->max_cps) * CPS_COST);
    if (avail < l->min_duration)
        c += MIN_DUR_COST;
    if (m->sent[j - 1] > m->sent[i] &&
        !(m->win.w[j - 1].flags & TC_LB_SENTENCE))
        c += STRADDLE_COST;
    return c;
}

/* cue_cost() of words [i, j) that take more than one line, c without
 * their layout. */
static int
with_layout(struct merge *m, size_t i, size_t j, long c, long budget,
            long *cost)
{
    size_t lines;
    long lc;

    if (no_gain(m, i, j, c, budget))
        return TC_LB_NO_GAIN;
    lines = tc_lb_fit_cost(&m->win, i, j, (size_t)m->lim.max_chars,
                           (size_t)m->lim.max_lines, &lc);
    if (lines > (size_t)m->lim.max_lines)
        return j - i > 1 ? TC_LB_NEVER_FITS : TC_LB_NO_FIT;
    *cost = c + lc;
    return TC_LB_FIT;
}

/* Window words [i, j) as one cue (a tc_lb_cue_fn, through
 * cached_cost()). */
static int
cue_cost(struct merge *m, size_t i, size_t j, int open, long budget,
         long *cost)
{
    const struct tc_limits *l = &m->lim;
    size_t q;
    int64_t start = word_start(m, i);
    long c = TC_LB_CUE_COST;
    int lay = 0;

    if (m->wf[i] != m->wf[j - 1] &&
        word_end(m, j - 1) - start > l->max_duration)
        return TC_LB_NEVER_FITS;
    q = reply_in(m, i, j);
    if (q > 0) {
        if (reply_in(m, i, q) > 0 || !dialogue_ok(m, i, q, j, open))
            return TC_LB_NO_FIT;
    } else {
        /* one line costs nothing; more are laid out last, once the rest
         * of the cost is known */
        lay = m->win.nhard > 0 ||
              tc_lb_width(&m->win, i, j) > (size_t)l->max_chars;
    }
    /* a sentence ends inside: the cue should begin with a sentence, and
     * end with one (end_cost()) */
    if (m->sent[j - 1] > m->sent[i] && !starts_sentence(m, i))
        c += STRADDLE_COST;
    /* while more words may come, a cue that does not end a sentence is
     * weighed by its words alone; one that ends a sentence is weighed as
     * it is, so that a short tail is not left for later */
    if (!open || (m->win.w[j - 1].flags & TC_LB_SENTENCE))
        c += end_cost(m, i, j);
    if (lay)
        return with_layout(m, i, j, c, budget, cost);
    *cost = c;
    return TC_LB_FIT;
}

/* cue_cost(), remembered: the cost of a cue that is followed by a word
 * depends only on its words and the next one, so it is worked out once
 * however often the window is planned.  Row i of the cache holds the cues
 * that begin at window word i, by length. */
#define CC_UNKNOWN  LONG_MIN
#define CC_NO_FIT   LONG_MAX
#define CC_NEVER    (LONG_MAX - 1)
/* Kept XOR CC_UNKNOWN, so that an unknown entry is 0 and new rows are
 * cleared by memset. */
#define CC_CODE(v)  ((long)((unsigned long)(v) ^ (unsigned long)CC_UNKNOWN))

static int
cached_cost(void *ud, size_t i, size_t j, int open, long budget, long *cost)
{
    struct merge *m = ud;
    long *e;
    int fit;

    if (open || j >= m->win.n || j - i > m->cc_len)
        return cue_cost(m, i, j, open, budget, cost);
    e = &m->cc[i * m->cc_len + (j - i - 1)];
    if (*e == 0) {
        fit = cue_cost(m, i, j, 0, budget, cost);
        if (fit == TC_LB_NO_GAIN)
            return fit;         /* not known: not kept */
        *e = CC_CODE(fit == TC_LB_FIT ? *cost : fit == TC_LB_NO_FIT
                                                    ? CC_NO_FIT
                                                    : CC_NEVER);
        return fit;
    }
    if (*e == CC_CODE(CC_NO_FIT))
        return TC_LB_NO_FIT;
    if (*e == CC_CODE(CC_NEVER))
        return TC_LB_NEVER_FITS;
    *cost = CC_CODE(*e);
    return TC_LB_FIT;
}

/* The best cuts of the window into m->plan.cuts; returns how many cues.
 * open: the window's last cue may still grow. */
static size_t
plan(struct merge *m, int open)
{
    size_t k, e, max = (size_t)m->lim.max_chars;

    m->sent[0] = 0;
    for (k = 0; k < m->win.n; k++) {
        m->sent[k + 1] = m->sent[k] + !!(m->win.w[k].flags & TC_LB_SENTENCE);
        m->lastrep[k] = is_reply(m, k) ? k : k > 0 ? m->lastrep[k - 1] : 0;
    }
    /* for no_gain(): the first line filled from each word, and its
     * cheapest break */
    for (k = 0, e = 1; k < m->win.n; k++) {
        long low = LONG_MAX;
        size_t b;

        if (e < k + 1)
            e = k + 1;
        while (e < m->win.n && tc_lb_width(&m->win, k, e + 1) <= max)
            e++;
        m->first[k] = e;
        for (b = k; b < e; b++)
            if (m->bc[b] < low)
                low = m->bc[b];
        m->lowbc[k] = low;
    }
    m->col_j = 0;
    return tc_lb_plan_run(&m->plan, m->win.n, open, cached_cost, m);
}

/* ---- reading speed across cues ----------------------------------------- */

/* The time words [a, b) need to be read at max-cps, at least
 * min-duration. */
static int64_t
need(const struct merge *m, size_t a, size_t b)
{
    int64_t t = tc_measure_read_ms(tc_lb_width(&m->win, a, b),
                                   m->lim.max_cps);

    return t > m->lim.min_duration ? t : m->lim.min_duration;
}

/* When the second of the planned cues comes up (the first, words [0,
 * cuts[0]), comes up at b0): at its speech, unless the first needs more
 * time to be read or the cues after it need it to come up earlier, within
 * SHIFT_MAX of its speech.  The latest each cue of the stretch may come
 * up, so that those after it can be read, is worked out backwards from
 * the last.  TC_TIME_NONE when a pause follows the first cue. */
static int64_t
next_display(const struct merge *m, const size_t *cuts, size_t ncues,
             int64_t b0)
{
    const struct tc_limits *l = &m->lim;
    int64_t latest = INT64_MAX, s1, b1, floor;
    size_t j, run = 1;

    if (ncues < 2)
        return TC_TIME_NONE;
    while (run < ncues &&
           word_start(m, cuts[run - 1]) - word_end(m, cuts[run - 1] - 1) <=
               CHAIN_GAP)
        run++;
    if (run == 1)
        return TC_TIME_NONE;
    for (j = run - 1; j >= 1; j--) {
        int64_t s = word_start(m, cuts[j - 1]);
        int64_t late = s + SHIFT_MAX;
        int64_t end = j + 1 < ncues ? (int64_t)cuts[j] : (int64_t)m->win.n;

        if (latest != INT64_MAX &&
            latest - need(m, cuts[j - 1], (size_t)end) - l->min_gap < late)
            late = latest - need(m, cuts[j - 1], (size_t)end) - l->min_gap;
        latest = late;
    }
    s1 = word_start(m, cuts[0]);
    b1 = b0 + need(m, 0, cuts[0]) + l->min_gap;
    if (b1 < s1)
        b1 = s1;
    if (b1 > latest)
        b1 = latest;
    if (b1 < s1 - SHIFT_MAX)
        b1 = s1 - SHIFT_MAX;
    if (b1 > s1 + SHIFT_MAX)
        b1 = s1 + SHIFT_MAX;
    if (b1 > b0 + l->max_duration + l->min_gap)
        b1 = b0 + l->max_duration + l->min_gap;
    /* the first cue keeps min-duration: a cue flashed too short to be
     * seen is worse than one read a little fast, and the time it takes
     * comes back at the next pause */
    floor = b0 + l->min_duration + l->min_gap;
    return b1 > floor ? b1 : floor;
}

/* ---- the window --------------------------------------------------------- */

static int
reserve(struct merge *m, size_t words)
{
    size_t need = m->win.n + words + 1, ncap;

    if (need <= m->wcap)
        return TC_OK;
    ncap = m->wcap ? m->wcap : 64;
    while (ncap < need)
        ncap *= 2;
#define GROW(p) do { \
        void *np_ = realloc((p), ncap * sizeof *(p)); \
        if (np_ == NULL) \
            return TC_ERR_NOMEM; \
        (p) = np_; \
    } while (0)
    GROW(m->win.w);
    GROW(m->win.brk);
    GROW(m->win.best);
    GROW(m->win.sum);
    GROW(m->wf);
    GROW(m->sent);
    GROW(m->lastrep);
    GROW(m->ws);
    GROW(m->we);
    GROW(m->bc);
    GROW(m->first);
    GROW(m->lowbc);
    GROW(m->zero);
#undef GROW
    m->win.bc = m->bc;
    {
        long *ncc = realloc(m->cc, ncap * m->cc_len * sizeof *ncc);

        if (ncc == NULL)
            return TC_ERR_NOMEM;
        m->cc = ncc;
    }
    memset(m->zero, 0, ncap);
    m->win.cap = m->win.scap = m->wcap = ncap;
    return tc_lb_plan_reserve(&m->plan, ncap);
}

/* Drop the first n window words and the fragments left without words. */
static void
window_shift(struct merge *m, size_t n)
{
    size_t i, done = 0, nw;

    for (i = 0; i < n; i++)
        m->f[m->wf[i]].left--;
    while (done < m->nf && m->f[done].left == 0) {
        tc_cue_free(m->f[done].cue);
        done++;
    }
    memmove(m->f, m->f + done, (m->nf - done) * sizeof *m->f);
    m->nf -= done;
    nw = m->win.n - n;
    memmove(m->win.w, m->win.w + n, nw * sizeof *m->win.w);
    memmove(m->wf, m->wf + n, nw * sizeof *m->wf);
    memmove(m->ws, m->ws + n, nw * sizeof *m->ws);
    memmove(m->we, m->we + n, nw * sizeof *m->we);
    memmove(m->bc, m->bc + n, nw * sizeof *m->bc);
    memmove(m->cc, m->cc + n * m->cc_len, nw * m->cc_len * sizeof *m->cc);
    m->win.n = nw;
    m->win.sum[0] = 0;
    for (i = 0; i < nw; i++) {
        m->wf[i] -= done;
        m->win.sum[i + 1] = m->win.sum[i] + m->win.w[i].width;
    }
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

/* Is the text's own layout within the limits, as --check measures it? */
static int
layout_ok(const struct tc_text *t, const struct tc_limits *lim)
{
    return tc_measure_longest_line(t) <= (size_t)lim->max_chars &&
           tc_measure_lines(t) <= (size_t)lim->max_lines;
}

/* Append window words [a, b) to the text of c, after a space unless it
 * follows a dialogue dash. */
static int
emit_words(struct merge *m, struct tc_cue *c, size_t a, size_t b, int space)
{
    struct tc_lb view;
    size_t e;
    int rc = TC_OK;

    for (; rc == TC_OK && a < b; a = e) {
        const struct tc_text *src = &m->f[m->wf[a]].cue->text;

        for (e = a + 1; e < b && m->wf[e] == m->wf[a]; e++)
            ;
        memset(&view, 0, sizeof view);
        view.w = m->win.w + a;
        view.n = e - a;
        view.brk = m->zero;
        if (space)
            rc = join_space(&c->text, src, &m->win.w[a]);
        space = 1;
        if (rc == TC_OK)
            rc = tc_lb_emit(&c->text, src, &view, 0, e - a);
    }
    return rc;
}

/* Pass on the first planned cue, window words [0, cuts[0]). */
static int
emit(struct merge *m, const size_t *cuts, size_t ncues)
{
    struct mfrag *f0 = &m->f[m->wf[0]];
    struct tc_cue *c;
    size_t n = cuts[0], q = reply_scan(m, 0, n), lines;
    int64_t start, end, next;
    int rc = TC_OK;

    start = m->next_start != TC_TIME_NONE ? m->next_start : word_start(m, 0);
    next = next_display(m, cuts, ncues, start);
    end = next != TC_TIME_NONE ? next - m->lim.min_gap : word_end(m, n - 1);
    if (end <= start) {
        /* the last cue of a stretch of speech too fast for the limits,
         * come up after its speech ended: it takes the pause after it,
         * up to min-duration */
        int64_t cap = n < m->win.n ? word_start(m, n) - m->lim.min_gap
                                   : INT64_MAX;

        end = start + m->lim.min_duration < cap ? start + m->lim.min_duration
                                                : cap;
    }
    m->next_start = next;
    m->at_sentence = (m->win.w[n - 1].flags & TC_LB_SENTENCE) != 0;
    if (f0->left == f0->nwords && n == f0->nwords &&
        layout_ok(&f0->cue->text, &m->lim)) {
        /* one whole input cue: it keeps its own text and layout */
        c = f0->cue;
        f0->cue = NULL;
        c->start = start;
        c->end = end;
        window_shift(m, n);
        return tc_stage_push(m->base.next, c);
    }
    c = tc_cue_new(m->base.ctx);
    if (c == NULL)
        return TC_ERR_NOMEM;
    c->start = start;
    c->end = end;
    c->place = f0->cue->place;
    c->line = f0->cue->line;
    if (f0->left == f0->nwords && f0->cue->id != NULL &&
        f0->cue->id[0] != '\0')
        rc = tc_cue_set_id(c, f0->cue->id, strlen(f0->cue->id));
    if (rc == TC_OK && f0->cue->region != NULL && f0->cue->region[0] != '\0')
        rc = tc_cue_set_region(c, f0->cue->region, strlen(f0->cue->region));
    if (q > 0) {
        /* question and reply: a line each, dashed */
        if (rc == TC_OK)
            rc = tc_text_append(&c->text, m->dash, strlen(m->dash), NULL);
        if (rc == TC_OK)
            rc = emit_words(m, c, 0, q, 0);
        if (rc == TC_OK)
            rc = tc_text_newline(&c->text);
        if (rc == TC_OK)
            rc = tc_text_append(&c->text, m->dash, strlen(m->dash), NULL);
        if (rc == TC_OK)
            rc = emit_words(m, c, q, n, 0);
    } else {
        if (rc == TC_OK)
            rc = emit_words(m, c, 0, n, 0);
        if (rc == TC_OK)
            rc = tc_lb_relayout(&m->lay, &c->text, &m->scratch,
                                (size_t)m->lim.max_chars, &lines);
    }
    window_shift(m, n);
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    return tc_stage_push(m->base.next, c);
}

/* Pass on every word of the window, cut at the best places. */
static int
flush(struct merge *m)
{
    size_t k, ncues, prev = 0;
    int rc = TC_OK;

    if (m->win.n == 0)
        return TC_OK;
    ncues = plan(m, 0);
    for (k = 0; rc == TC_OK && k < ncues; k++) {
        size_t j;

        /* the rest of the plan, counted from the window's new start:
         * the cue before took prev words */
        for (j = k; j < ncues; j++)
            m->plan.cuts[j] -= prev;
        prev = m->plan.cuts[k];
        rc = emit(m, m->plan.cuts + k, ncues - k);
    }
    m->next_start = TC_TIME_NONE;
    return rc;
}

/* While the window holds more than a cue needs to be decided, pass on its
 * first cue. */
static int
settle_first(struct merge *m)
{
    size_t cap = (size_t)(m->lim.max_chars * m->lim.max_lines);

    while (m->win.n > 1 &&
           (tc_lb_width(&m->win, 0, m->win.n) > 2 * cap ||
            word_end(m, m->win.n - 1) - word_start(m, 0) >
                m->lim.max_duration)) {
        int rc;

        size_t ncues = plan(m, 1);

        if (ncues < 2)
            break;      /* one input cue that fits: more words will cut */
        rc = emit(m, m->plan.cuts, ncues);
        if (rc != TC_OK)
            return rc;
    }
    return TC_OK;
}

static int
grow_frags(struct merge *m)
{
    if (m->nf == m->fcap) {
        size_t ncap = m->fcap ? m->fcap * 2 : 8;
        struct mfrag *nf = realloc(m->f, ncap * sizeof *nf);

        if (nf == NULL)
            return TC_ERR_NOMEM;
        m->f = nf;
        m->fcap = ncap;
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

/* Must the window end before cue c? */
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
    if (c->end != TC_TIME_NONE && c->end <= m->last_end &&
        c->end > c->start)
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
    size_t i, k, s, e;
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
        m->at_sentence = 1;
        return tc_stage_push(m->base.next, c);
    }
    if (rc == TC_OK)
        rc = grow_frags(m);
    if (rc == TC_OK)
        rc = reserve(m, lb->n > TAKE_MAX ? TAKE_MAX : lb->n);
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
    /* the words go in TAKE_MAX at a time, each share settled before the
     * next, so that the window stays small however long the input cue */
    for (s = 0; s < lb->n; s = e) {
        e = lb->n - s > TAKE_MAX ? s + TAKE_MAX : lb->n;
        if (s > 0 && (rc = reserve(m, e - s)) != TC_OK)
            return rc;
        k = m->win.n;
        for (i = s; i < e; i++) {
            size_t n = m->win.n;

            m->win.w[n] = lb->w[i];
            m->wf[n] = m->nf - 1;
            m->win.sum[n + 1] = m->win.sum[n] + lb->w[i].width;
            m->win.n = n + 1;
        }
        memset(m->cc + k * m->cc_len, 0,
               (m->win.n - k) * m->cc_len * sizeof *m->cc);
        for (i = k; i < m->win.n; i++)
            m->ws[i] = time_at(m, i, 0);
        /* a word of this cue before the share ends where the next begins */
        if (k > 0 && m->wf[k - 1] == m->wf[k])
            m->we[k - 1] = m->ws[k];
        for (i = k; i < m->win.n; i++)
            m->we[i] = i + 1 < m->win.n ? m->ws[i + 1] : time_at(m, i, 1);
        /* a break's cost depends on the word after it too */
        for (i = k > 0 ? k - 1 : 0; i < m->win.n; i++)
            m->bc[i] = tc_lb_break_cost(&m->win, i);
        if ((rc = settle_first(m)) != TC_OK)
            return rc;
    }
    return TC_OK;
}

/* A cue without an end ends at the next start, or after its text has been
 * spoken at SPEECH_CPS if that is sooner (a pause follows). */
static void
settle(struct merge *m, struct tc_cue *c, int64_t next_start)
{
    struct tc_end_rule r;

    r.cps = SPEECH_CPS;
    r.min = m->lim.min_duration;
    r.max = m->lim.max_duration;
    c->end = tc_end_infer(&r, tc_measure_chars(&c->text), c->start,
                          next_start);
}

/* A zero-length cue right after words that do not end a sentence is the
 * end of what they say. */
static int
joins_before(const struct merge *m, const struct tc_cue *c)
{
    return c->end == c->start && m->win.n > 0 &&
           !(m->win.w[m->win.n - 1].flags & TC_LB_SENTENCE) &&
           c->start >= m->last_end && c->start - m->last_end <= m->max_gap;
}

static int
merge_push(struct tc_stage *st, struct tc_cue *c)
{
    struct merge *m = (struct merge *)st;
    int rc = TC_OK;

    m->lb.lex = m->win.lex = m->lay.lex = tc_lex_get(&m->lc, st->ctx);
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
        int join = joins_before(m, c);

        rc = tc_diagf(st->ctx, TC_D_TIME_REVERSED, c->line, 0, "%s: %s",
                      c->end == c->start ? "zero length" : "ends before it "
                      "starts", join ? "joined to the text before it"
                                     : "end taken from the next cue");
        if (rc != TC_OK) {
            tc_cue_free(c);
            return rc;
        }
        if (join)
            return take(m, c);
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
    free(m->wf);
    free(m->sent);
    free(m->lastrep);
    free(m->ws);
    free(m->we);
    free(m->cc);
    free(m->bc);
    free(m->first);
    free(m->lowbc);
    free(m->zero);
    tc_lb_plan_release(&m->plan);
    tc_lb_release(&m->lb);
    m->win.bc = NULL;
    tc_lb_release(&m->win);
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
    const char *dash;
    int rc;

    if (m == NULL)
        return TC_ERR_NOMEM;
    m->base.ops = &merge_ops;
    m->base.ctx = ctx;
    m->at_sentence = 1;
    m->next_start = TC_TIME_NONE;
    tc_lb_init(&m->lb);
    tc_lb_init(&m->win);
    tc_lb_init(&m->lay);
    rc = tc_limits_from_args(args, &m->lim);
    if (rc == TC_OK)
        rc = tc_args_time(args, "max-gap", &m->max_gap);
    if (rc == TC_OK)
        rc = tc_lex_from_args(args, &m->lc);
    dash = tc_args_get(args, "dialogue-dash");
    if (rc == TC_OK && (dash == NULL || strlen(dash) >= sizeof m->dash ||
                        strchr(dash, '\n') != NULL)) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "merge: dialogue-dash=%s: "
                 "expected a short mark such as - or \"- \"",
                 dash ? dash : "");
        rc = TC_ERR_ARG;
    }
    /* a line of max-chars holds at most (max-chars + 1) / 2 words */
    m->cc_len = rc == TC_OK ? (size_t)(m->lim.max_lines *
                                       ((m->lim.max_chars + 1) / 2)) + 1 : 1;
    if (rc == TC_OK && reserve(m, 0) != TC_OK)
        rc = TC_ERR_NOMEM;
    if (rc != TC_OK) {
        merge_destroy(&m->base);
        return rc;
    }
    memcpy(m->dash, dash, strlen(dash) + 1);
    m->dash_w = tc_measure_utf8(dash, strlen(dash));
    m->win.sum[0] = 0;
    *out = &m->base;
    return TC_OK;
}

static const struct tc_option merge_options[] = {
    { "max-chars", NULL, "characters a line (from the profile)" },
    { "max-lines", NULL, "lines a cue (from the profile)" },
    { "max-duration", NULL, "longest cue (from the profile)" },
    { "min-duration", NULL, "shortest cue a cut should leave (from the "
                            "profile)" },
    { "max-cps", NULL, "reading speed a cut should keep (from the "
                       "profile)" },
    { "max-gap", "1500", "never join across a longer pause (ms)" },
    { "lang", "auto", "phrase rules: en, de, fr or es; auto: the language "
                      "of the text (--lang, declared or guessed), else en" },
    { "dialogue-dash", NULL, "begins each line of a question and its "
                             "reply in one cue (from the profile)" },
    { NULL, NULL, NULL }
};

const struct tc_filter tc_filter_merge = {
    .name    = "merge",
    .desc    = "cut speech into readable cues at sentence and phrase ends",
    .options = merge_options,
    .create  = merge_create,
    .checks  = TC_CHECK_BIT(TC_CHECK_MAX_CHARS) |
               TC_CHECK_BIT(TC_CHECK_MAX_LINES) |
               TC_CHECK_BIT(TC_CHECK_MAX_CPS) |
               TC_CHECK_BIT(TC_CHECK_MAX_DURATION),
};
