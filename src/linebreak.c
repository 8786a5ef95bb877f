/* linebreak.c -- words, balanced line breaking and the profile limits.
 *
 * The rules follow the common subtitle guidelines (Netflix Timed Text Style
 * Guide, BBC Subtitle Guidelines): keep text on one line when it fits,
 * otherwise use as few lines as possible, balanced in length with the lower
 * line the longer one when they differ ("bottom-heavy pyramid"), and break
 * after punctuation and before conjunctions and prepositions rather than
 * after an article or a preposition.  The weights below trade these off;
 * tests/unit/test_filters_layout.c pins their effect.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "lexicon.h"
#include "linebreak.h"
#include "measure.h"

/* Costs of a break after a word (lower is better).  Balance costs 2 a
 * character (3 when the upper line is the longer), so a comma is worth
 * moving a line break about 20 characters off the middle, and a break
 * after a word that opens a phrase ("the", "to", "we", "will") is worse
 * than any imbalance that fits.  A cue end weighs these by CUE_END_WEIGHT
 * (merge.c). */
#define COST_SENTENCE (-100)
#define COST_CLAUSE    (-50)
#define COST_CONJ      (-30)   /* before a conjunction */
#define COST_SUBJ      (-20)   /* before a subject pronoun */
#define COST_PREP      (-10)   /* before a preposition */
#define COST_OPEN       150    /* after a word that opens a phrase */
#define COST_WEAK        50    /* after one that often does */
#define COST_NAME        40    /* between two capitalised words */
#define COST_LABEL      300    /* after a speaker label ("ANNA:") */
#define COST_PVERB       60    /* "click / on", "going / to" */
#define COST_CLING       40    /* "kind / of", "most / of" */
#define SEARCH_MAX   200000    /* layouts tried before settling for greedy */
#define LINES_MAX         8    /* more lines than this: greedy breaks */

void
tc_lb_init(struct tc_lb *lb)
{
    memset(lb, 0, sizeof *lb);
}

void
tc_lb_release(struct tc_lb *lb)
{
    const struct tc_lex *lex = lb->lex;

    free(lb->w);
    free(lb->brk);
    free(lb->sum);
    free(lb->best);
    free(lb->memo);
    tc_lb_init(lb);
    lb->lex = lex;
}

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
grow(struct tc_lb *lb)
{
    if (lb->n == lb->cap) {
        size_t ncap = lb->cap ? lb->cap * 2 : 32;
        struct tc_lb_word *nw = realloc(lb->w, ncap * sizeof *nw);

        if (nw == NULL)
            return TC_ERR_NOMEM;
        lb->w = nw;
        lb->cap = ncap;
    }
    return TC_OK;
}

static int
ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);

    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* The word's flags from its text (lower-cased, at most LOW_MAX bytes of
 * it in low) and its last bytes. */
static unsigned
classify(const struct tc_lb *lb, const char *low, size_t nlow,
         int truncated, int capital, const char *tail, size_t ntail)
{
    static const char *const closers[] = {
        "\"", "'", ")", "]", "}", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"
    };
    const struct tc_lex *lx = lb->lex != NULL ? lb->lex : tc_lex_default();
    unsigned f = 0, lf = truncated ? 0 : tc_lex_classes(lx, low, nlow);
    size_t i;
    int again = 1;
    unsigned char last = ntail > 0 ? (unsigned char)tail[ntail - 1] : 0;

    if ((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') ||
        (last >= '0' && last <= '9')) {
        /* the common case, a word that ends in a letter or a digit: no
         * closer, no punctuation, the same flags as the rules below */
        f |= lf & TC_LX_CONJ ? TC_LB_CONJ : 0;
        f |= lf & TC_LX_PREP ? TC_LB_PREP : 0;
        f |= lf & TC_LX_SUBJ ? TC_LB_SUBJ : 0;
        f |= lf & TC_LX_CLING ? TC_LB_CLING : 0;
        f |= lf & TC_LX_PVERB ? TC_LB_PVERB : 0;
        if (lf & TC_LX_OPEN)
            f |= TC_LB_OPEN;
        else if (lf & TC_LX_WEAK)
            f |= TC_LB_WEAK;
        return f;
    }
    while (again) {
        again = 0;
        for (i = 0; i < sizeof closers / sizeof closers[0]; i++)
            if (ntail > 0 && ends_with(tail, ntail, closers[i])) {
                ntail -= strlen(closers[i]);
                again = 1;
            }
    }
    if (ntail == 0) {
        /* only closers: nothing to learn */
    } else if (ends_with(tail, ntail, "...") ||
               ends_with(tail, ntail, "\xE2\x80\xA6") ||
               ends_with(tail, ntail, "\xE2\x80\x94") ||
               ends_with(tail, ntail, "\xE2\x80\x93") ||
               ends_with(tail, ntail, "--") ||
               ends_with(tail, ntail, "\xEF\xBC\x8C") ||
               ends_with(tail, ntail, "\xE3\x80\x81") ||
               strchr(",;:", tail[ntail - 1]) != NULL ||
               (nlow == 1 && low[0] == '-')) {
        f |= TC_LB_CLAUSE;
        if (nlow == 1 && low[0] == '-')
            f |= TC_LB_DASH;
    } else if (strchr("!?", tail[ntail - 1]) != NULL ||
               ends_with(tail, ntail, "\xE3\x80\x82") ||
               ends_with(tail, ntail, "\xEF\xBC\x81") ||
               ends_with(tail, ntail, "\xEF\xBC\x9F")) {
        f |= TC_LB_SENTENCE;
        if (tail[ntail - 1] == '?' ||
            ends_with(tail, ntail, "\xEF\xBC\x9F"))
            f |= TC_LB_QUESTION;
    } else if (tail[ntail - 1] == '.') {
        /* "Dr. Smith", "5 p.m. on", "J. Smith": no sentence end */
        int initial = capital && nlow == 2 && !(lf & TC_LX_SUBJ);

        if (!(lf & TC_LX_ABBREV) && !initial)
            f |= TC_LB_SENTENCE;
    }
    if (ntail > 0 && tail[ntail - 1] == ':')
        f |= TC_LB_COLON;
    f |= lf & TC_LX_CONJ ? TC_LB_CONJ : 0;
    f |= lf & TC_LX_PREP ? TC_LB_PREP : 0;
    f |= lf & TC_LX_SUBJ ? TC_LB_SUBJ : 0;
    f |= lf & TC_LX_CLING ? TC_LB_CLING : 0;
    if (!(f & (TC_LB_SENTENCE | TC_LB_CLAUSE)))
        f |= lf & TC_LX_PVERB ? TC_LB_PVERB : 0;
    if (!(f & (TC_LB_SENTENCE | TC_LB_CLAUSE)) && ntail > 0 &&
        !strchr(".!?", tail[ntail - 1])) {
        if (lf & TC_LX_OPEN)
            f |= TC_LB_OPEN;
        else if (lf & TC_LX_WEAK)
            f |= TC_LB_WEAK;
    }
    return f;
}

/* "ANNA:" or "Dr. Lee:" where a line or a sentence begins is a speaker
 * label, not a clause: "5:" and "as follows:" are not.  So is the dash of
 * a line of dialogue ("- Yes."). */
static void
mark_labels(struct tc_lb *lb)
{
    size_t i;

    for (i = 0; i < lb->n; i++) {
        struct tc_lb_word *w = &lb->w[i];
        size_t k = i;

        if ((w->flags & (TC_LB_DASH | TC_LB_BOL)) ==
            (TC_LB_DASH | TC_LB_BOL)) {
            w->flags = (w->flags & ~TC_LB_CLAUSE) | TC_LB_LABEL;
            continue;
        }
        if ((w->flags & (TC_LB_COLON | TC_LB_CAPITAL)) !=
            (TC_LB_COLON | TC_LB_CAPITAL))
            continue;
        if (k > 0 && (lb->w[k - 1].flags & TC_LB_CAPITAL) &&
            !(lb->w[k - 1].flags & (TC_LB_SENTENCE | TC_LB_CLAUSE)) &&
            !(w->flags & TC_LB_BOL))
            k--;                          /* a two-word name */
        if (k == 0 || (lb->w[k].flags & TC_LB_BOL) ||
            (lb->w[k - 1].flags & TC_LB_SENTENCE))
            w->flags = (w->flags & ~TC_LB_CLAUSE) | TC_LB_LABEL;
    }
}

#define LOW_MAX 23
#define TAIL_MAX 8

/* classify() remembered: a word of at most LOW_MAX bytes is classified
 * by its bytes and the lexicon alone, and a text says the same words
 * again and again, so the last word seen in each of MEMO_SIZE slots (by
 * hash) keeps its flags. */
#define MEMO_SIZE 512

struct tc_lb_memo {
    struct {
        const struct tc_lex *lex;
        unsigned flags;
        unsigned char len;      /* 0: empty */
        char raw[LOW_MAX];
    } e[MEMO_SIZE];
};

/* classify() of the word whose first bytes are raw[0..nlow) (all of it
 * unless truncated), hashed into h. */
static unsigned
classify_memo(struct tc_lb *lb, const char *raw, unsigned h,
              const char *low, size_t nlow, int truncated, int capital,
              const char *tail, size_t ntail)
{
    unsigned f;

    if (!truncated && lb->memo == NULL)
        lb->memo = calloc(1, sizeof *lb->memo);
    if (truncated || lb->memo == NULL)
        return classify(lb, low, nlow, truncated, capital, tail, ntail);
    h = (h ^ (h >> 13)) & (MEMO_SIZE - 1);
    if (lb->memo->e[h].len == nlow && lb->memo->e[h].lex == lb->lex &&
        memcmp(lb->memo->e[h].raw, raw, nlow) == 0)
        return lb->memo->e[h].flags;
    f = classify(lb, low, nlow, truncated, capital, tail, ntail);
    lb->memo->e[h].lex = lb->lex;
    lb->memo->e[h].flags = f;
    lb->memo->e[h].len = (unsigned char)nlow;
    memcpy(lb->memo->e[h].raw, raw, nlow);
    return f;
}

int
tc_lb_words(struct tc_lb *lb, const struct tc_text *t)
{
    struct tc_lb_word *cur = NULL;
    char low[LOW_MAX + 1], raw[LOW_MAX], tail[TAIL_MAX];
    size_t r, j, nlow = 0, ntail = 0, pos = 0;
    unsigned h = 0;
    int64_t pending = TC_TIME_NONE;
    int line_start = 1, truncated = 0;

    lb->n = 0;
    lb->chars = 0;
    lb->nhard = 0;
    for (r = 0; r < t->nruns; r++) {
        const struct tc_run *run = &t->runs[r];
        const char *p = t->pool + run->off;

        if (run->time != TC_TIME_NONE && cur == NULL)
            pending = run->time;
        for (j = 0; j < run->len;) {
            char c = p[j];
            size_t e;

            if (is_space(c)) {
                if (cur != NULL) {
                    cur->flags |= classify_memo(lb, raw, h, low, nlow,
                                                truncated,
                                                cur->flags & TC_LB_CAPITAL,
                                                tail, ntail);
                    cur->sep_run = r;
                    pos += cur->width;
                    cur = NULL;
                }
                if (c == '\n')
                    line_start = 1;
                j++;
                continue;
            }
            if (cur == NULL) {
                if (grow(lb) != TC_OK)
                    return TC_ERR_NOMEM;
                cur = &lb->w[lb->n];
                memset(cur, 0, sizeof *cur);
                cur->run = r;
                cur->off = j;
                cur->sep_run = TC_LB_NONE;
                if (lb->n > 0)
                    pos++;
                cur->pos = pos;
                cur->time = pending;
                pending = TC_TIME_NONE;
                /* a line of dialogue: "- Yes." keeps its own line */
                if (line_start && lb->n > 0 && c == '-') {
                    cur->flags |= TC_LB_HARD;
                    lb->nhard++;
                }
                if (line_start)
                    cur->flags |= TC_LB_BOL;
                if (c >= 'A' && c <= 'Z')
                    cur->flags |= TC_LB_CAPITAL;
                line_start = 0;
                nlow = 0;
                ntail = 0;
                truncated = 0;
                h = 2166136261u;        /* FNV-1a */
                lb->n++;
            }
            /* the rest of the word in this run, p[j..e), at once: its
             * characters, and its first bytes as they are and lower-cased */
            for (e = j; e < run->len && !is_space(p[e]); e++) {
                cur->width += tc_measure_starts_char((unsigned char)p[e]);
                if (nlow < LOW_MAX) {
                    raw[nlow] = p[e];
                    h = (h ^ (unsigned char)p[e]) * 16777619u;
                    low[nlow++] = (p[e] >= 'A' && p[e] <= 'Z')
                                      ? (char)(p[e] + 32) : p[e];
                } else {
                    truncated = 1;
                }
            }
            cur->len += e - j;
            if (e - j >= TAIL_MAX) {
                memcpy(tail, p + e - TAIL_MAX, TAIL_MAX);
                ntail = TAIL_MAX;
            } else {
                if (ntail + (e - j) > TAIL_MAX) {
                    size_t drop = ntail + (e - j) - TAIL_MAX;

                    memmove(tail, tail + drop, ntail - drop);
                    ntail -= drop;
                }
                memcpy(tail + ntail, p + j, e - j);
                ntail += e - j;
            }
            j = e;
        }
    }
    if (cur != NULL) {
        cur->flags |= classify_memo(lb, raw, h, low, nlow, truncated,
                                    cur->flags & TC_LB_CAPITAL, tail, ntail);
        pos += cur->width;
    }
    lb->chars = pos;
    mark_labels(lb);
    if (lb->n + 1 > lb->scap) {
        size_t ncap = lb->cap + 1;
        unsigned char *nb = realloc(lb->brk, ncap);
        unsigned char *nbest;
        size_t *ns;

        if (nb == NULL)
            return TC_ERR_NOMEM;
        lb->brk = nb;
        nbest = realloc(lb->best, ncap);
        if (nbest == NULL)
            return TC_ERR_NOMEM;
        lb->best = nbest;
        ns = realloc(lb->sum, ncap * sizeof *ns);
        if (ns == NULL)
            return TC_ERR_NOMEM;
        lb->sum = ns;
        lb->scap = ncap;
    }
    lb->sum[0] = 0;
    for (j = 0; j < lb->n; j++) {
        lb->sum[j + 1] = lb->sum[j] + lb->w[j].width;
        lb->brk[j] = 0;
    }
    return TC_OK;
}

/* Greedy filling of [a, b) (no hard breaks inside): the fewest lines.
 * Writes the breaks into brk when it is not NULL. */
static size_t
greedy(const struct tc_lb *lb, size_t a, size_t b, size_t max,
       unsigned char *brk)
{
    size_t lines = 1, s = a, i;

    for (i = a + 1; i < b; i++) {
        if (tc_lb_width(lb, s, i + 1) > max) {
            if (brk != NULL)
                brk[i - 1] = 1;
            lines++;
            s = i;
        } else if (brk != NULL) {
            brk[i - 1] = 0;
        }
    }
    return lines;
}

size_t
tc_lb_lines(const struct tc_lb *lb, size_t a, size_t b, size_t max_chars)
{
    size_t lines = 0, s = a, i;

    if (b <= a)
        return 0;
    for (i = a + 1; i <= b; i++)
        if (i == b || (lb->w[i].flags & TC_LB_HARD)) {
            lines += greedy(lb, s, i, max_chars, NULL);
            s = i;
        }
    return lines;
}

/* The cost of a break after word i, from lb->bc where the owner keeps
 * them. */
static long
break_cost(const struct tc_lb *lb, size_t i)
{
    return lb->bc != NULL ? lb->bc[i] : tc_lb_break_cost(lb, i);
}

int
tc_lb_break_cost(const struct tc_lb *lb, size_t i)
{
    unsigned f = lb->w[i].flags, g = i + 1 < lb->n ? lb->w[i + 1].flags : 0;
    int c = 0;

    if (f & TC_LB_LABEL)
        return COST_LABEL;
    if (f & TC_LB_SENTENCE)
        return COST_SENTENCE;
    if (f & TC_LB_CLAUSE)
        return COST_CLAUSE;
    if (g & TC_LB_CONJ)
        c += COST_CONJ;
    else if (g & TC_LB_SUBJ)
        c += COST_SUBJ;
    else if (g & TC_LB_PREP)
        c += COST_PREP;
    if (f & TC_LB_OPEN)
        c += COST_OPEN;
    else if (f & TC_LB_WEAK)
        c += COST_WEAK;
    if ((f & TC_LB_PVERB) && (g & TC_LB_PREP))
        c += COST_PVERB;
    if (g & TC_LB_CLING)
        c += COST_CLING;
    /* "Hugging / Face": two capitalised words inside a sentence are
     * likely one name */
    if ((f & g & TC_LB_CAPITAL) && !(f & TC_LB_SUBJ) && i > 0 &&
        !(lb->w[i - 1].flags & (TC_LB_SENTENCE | TC_LB_CLAUSE)))
        c += COST_NAME;
    return c;
}

static long
balance(size_t upper, size_t lower)
{
    long d = (long)upper - (long)lower;

    return d > 0 ? 3 * d : -2 * d;
}

struct search {
    struct tc_lb *lb;
    size_t start, end, lines, max;
    long best;
    unsigned long tried;
};

/* Try every layout of [start, s->end) in the remaining lines. */
static void
search(struct search *s, size_t line, size_t start, size_t prev, long cost)
{
    struct tc_lb *lb = s->lb;
    size_t e, len;

    if (++s->tried > SEARCH_MAX)
        return;
    if (line == s->lines - 1) {
        len = tc_lb_width(lb, start, s->end);
        if (len > s->max && s->end - start > 1)
            return;
        if (line > 0)
            cost += balance(prev, len);
        if (cost < s->best) {
            s->best = cost;
            memcpy(lb->best + s->start, lb->brk + s->start,
                   s->end - s->start);
        }
        return;
    }
    for (e = start + 1; e + (s->lines - 1 - line) <= s->end; e++) {
        long c = cost;

        len = tc_lb_width(lb, start, e);
        if (len > s->max && e - start > 1)
            break;
        if (line > 0)
            c += balance(prev, len);
        c += break_cost(lb, e - 1);
        lb->brk[e - 1] = 1;
        search(s, line + 1, e, len, c);
        lb->brk[e - 1] = 0;
    }
}

/* The cost of the layout in brk over [a, b), for comparing with greedy. */
static long
layout_cost(const struct tc_lb *lb, size_t a, size_t b)
{
    size_t s = a, i, prev = 0;
    long cost = 0;
    int first = 1;

    for (i = a + 1; i <= b; i++) {
        if (i < b && !lb->brk[i - 1])
            continue;
        if (!first)
            cost += balance(prev, tc_lb_width(lb, s, i));
        prev = tc_lb_width(lb, s, i);
        if (i < b)
            cost += break_cost(lb, i - 1);
        first = 0;
        s = i;
    }
    return cost;
}

size_t
tc_lb_two_first(const struct tc_lb *lb, size_t a, size_t b, size_t max)
{
    const size_t *sum = lb->sum;
    size_t lo = a + 1, hi = b - 1, w2;

    if (b < a + 2)
        return 0;
    /* widths from the prefix sums: words [x, y) take
     * sum[y] - sum[x] + y - x - 1 */
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;

        if (sum[mid] - sum[a] + (mid - a - 1) <= max)
            lo = mid;
        else
            hi = mid - 1;
    }
    w2 = sum[b] - sum[lo] + (b - lo - 1);
    return w2 > max && b - lo > 1 ? 0 : lo;
}

/* The best break of words [a, b) into two lines, each within max unless
 * it is one long word: 1 with the first word of the second line in *at
 * and the cost in *cost, or 0 when two lines cannot hold them.  Ties go
 * to the latest break that fits the first line, then to the earliest
 * better one, as search() decides. */
static int
two_lines(const struct tc_lb *lb, size_t a, size_t b, size_t max,
          size_t *at, long *cost)
{
    const size_t *sum = lb->sum;
    size_t first = tc_lb_two_first(lb, a, b, max), k, w1, w2, best_at;
    long c, c_first, best;

    if (first == 0)
        return 0;
    w2 = sum[b] - sum[first] + (b - first - 1);
    c_first = break_cost(lb, first - 1) +
              balance(sum[first] - sum[a] + (first - a - 1), w2);
    best = c_first;
    best_at = first;
    /* earlier breaks, while the second line fits */
    for (k = first - 1; k > a; k--) {
        w2 = sum[b] - sum[k] + (b - k - 1);
        if (w2 > max)
            break;
        w1 = sum[k] - sum[a] + (k - a - 1);
        c = (lb->bc != NULL ? lb->bc[k - 1] : tc_lb_break_cost(lb, k - 1)) +
            balance(w1, w2);
        if (c < best || (c == best && c < c_first)) {
            best = c;
            best_at = k;
        }
    }
    *cost = best;
    *at = best_at;
    return 1;
}

static size_t
segment(struct tc_lb *lb, size_t a, size_t b, size_t max, long *cost)
{
    struct search s;
    size_t lines = greedy(lb, a, b, max, lb->brk), i, at;

    if (lines == 2) {
        /* the common case, directly */
        long c = 0;

        at = b;
        if (two_lines(lb, a, b, max, &at, &c))
            for (i = a; i + 1 < b; i++)
                lb->brk[i] = i + 1 == at;
        *cost += c;
        return 2;
    }
    if (lines == 1 || lines > LINES_MAX) {
        *cost += lines == 1 ? 0 : layout_cost(lb, a, b);
        return lines;
    }
    s.lb = lb;
    s.start = a;
    s.end = b;
    s.lines = lines;
    s.max = max;
    s.best = layout_cost(lb, a, b);
    s.tried = 0;
    memcpy(lb->best + a, lb->brk + a, b - a);
    for (i = a; i + 1 < b; i++)
        lb->brk[i] = 0;
    search(&s, 0, a, 0, 0);
    memcpy(lb->brk + a, lb->best + a, b - a);
    *cost += s.best;
    return lines;
}

size_t
tc_lb_layout_cost(struct tc_lb *lb, size_t a, size_t b, size_t max_chars,
                  long *cost)
{
    size_t lines = 0, s = a, i;

    *cost = 0;
    if (b <= a)
        return 0;
    for (i = a + 1; i <= b; i++)
        if (i == b || (lb->w[i].flags & TC_LB_HARD)) {
            lines += segment(lb, s, i, max_chars, cost);
            if (i < b)
                lb->brk[i - 1] = 1;
            s = i;
        }
    lb->brk[b - 1] = 0;
    return lines;
}

size_t
tc_lb_fit_cost(struct tc_lb *lb, size_t a, size_t b, size_t max_chars,
               size_t max_lines, long *cost)
{
    size_t k;
    long c;

    *cost = 0;
    if (b <= a)
        return 0;
    for (k = a + 1; lb->nhard > 0 && k < b; k++)
        if (lb->w[k].flags & TC_LB_HARD)
            return tc_lb_layout_cost(lb, a, b, max_chars, cost);
    if (tc_lb_width(lb, a, b) <= max_chars)
        return 1;
    if (two_lines(lb, a, b, max_chars, &k, &c)) {
        *cost = c;
        return 2;
    }
    if (max_lines <= 2)
        return 3;               /* more than two, whatever the layout */
    return tc_lb_layout_cost(lb, a, b, max_chars, cost);
}

size_t
tc_lb_layout(struct tc_lb *lb, size_t a, size_t b, size_t max_chars)
{
    long cost;

    return tc_lb_layout_cost(lb, a, b, max_chars, &cost);
}

/* The run that holds the last byte of word w of src. */
static size_t
last_run(const struct tc_text *src, const struct tc_lb_word *w)
{
    size_t r = w->run, rem = w->len, off = w->off;

    while (r + 1 < src->nruns && src->runs[r].len - off < rem) {
        rem -= src->runs[r].len - off;
        off = 0;
        r++;
    }
    return r;
}

static int
same_opt(const char *a, const char *b)
{
    return (a == NULL) == (b == NULL) && (a == NULL || strcmp(a, b) == 0);
}

/* Do runs r1 and r2 of t have the same style? */
static int
same_style(const struct tc_text *t, size_t r1, size_t r2)
{
    struct tc_style a, b;

    tc_run_style(t, &t->runs[r1], &a);
    tc_run_style(t, &t->runs[r2], &b);
    return a.style == b.style && a.color == b.color &&
           same_opt(a.voice, b.voice) && same_opt(a.lang, b.lang) &&
           same_opt(a.cls, b.cls);
}

int
tc_lb_emit(struct tc_text *out, const struct tc_text *src,
           const struct tc_lb *lb, size_t a, size_t b)
{
    struct tc_style st;
    size_t i;

    for (i = a; i < b; i++) {
        const struct tc_lb_word *w = &lb->w[i];
        size_t r = w->run, off = w->off, rem = w->len;
        int first = 1;

        if (i > a) {
            const struct tc_lb_word *pw = &lb->w[i - 1];
            size_t sr = pw->sep_run != TC_LB_NONE ? pw->sep_run : pw->run;
            size_t pr = last_run(src, pw);

            /* "<i>one</i>\n<i>two</i>" reflowed is "<i>one two</i>": the
             * white space between two words of one style takes it */
            if (same_style(src, pr, w->run))
                sr = pr;
            tc_run_style(src, &src->runs[sr], &st);
            st.time = TC_TIME_NONE;
            if (tc_text_append(out, lb->brk[i - 1] ? "\n" : " ", 1, &st) !=
                TC_OK)
                return TC_ERR_NOMEM;
        }
        if (r < src->nruns && off + rem <= src->runs[r].len) {
            /* the common case: the words that follow it in the same run,
             * each after the one byte the layout puts there, go out with
             * it at once */
            const struct tc_run *run = &src->runs[r];
            const char *p = src->pool + run->off;
            size_t e = i + 1, end = off + rem;

            while (e < b && lb->w[e].run == r &&
                   lb->w[e].time == TC_TIME_NONE && lb->w[e].off == end + 1 &&
                   lb->w[e].off + lb->w[e].len <= run->len &&
                   p[end] == (lb->brk[e - 1] ? '\n' : ' ')) {
                end = lb->w[e].off + lb->w[e].len;
                e++;
            }
            tc_run_style(src, run, &st);
            st.time = w->time;
            if (tc_text_append(out, p + off, end - off, &st) != TC_OK)
                return TC_ERR_NOMEM;
            i = e - 1;
            continue;
        }
        for (; rem > 0 && r < src->nruns; r++, off = 0) {
            const struct tc_run *run = &src->runs[r];
            size_t take = run->len - off < rem ? run->len - off : rem;

            if (take == 0)
                continue;
            tc_run_style(src, run, &st);
            st.time = first ? w->time : TC_TIME_NONE;
            if (tc_text_append(out, src->pool + run->off + off, take, &st) !=
                TC_OK)
                return TC_ERR_NOMEM;
            first = 0;
            rem -= take;
        }
    }
    return TC_OK;
}

int
tc_lb_relayout(struct tc_lb *lb, struct tc_text *t, struct tc_text *scratch,
               size_t max_chars, size_t *lines)
{
    struct tc_text tmp;
    int rc = tc_lb_words(lb, t);

    *lines = 0;
    if (rc != TC_OK || lb->n == 0)
        return rc;
    *lines = tc_lb_layout(lb, 0, lb->n, max_chars);
    tc_text_clear(scratch);
    rc = tc_lb_emit(scratch, t, lb, 0, lb->n);
    if (rc != TC_OK)
        return rc;
    tmp = *t;
    *t = *scratch;
    *scratch = tmp;
    return TC_OK;
}

/* ---- cutting words into cues ------------------------------------------- */

long
tc_lb_end_cost(const struct tc_lb *lb, size_t i)
{
    return break_cost(lb, i) * 3 / 2;
}

void
tc_lb_plan_init(struct tc_lb_plan *p)
{
    memset(p, 0, sizeof *p);
}

void
tc_lb_plan_release(struct tc_lb_plan *p)
{
    free(p->cost);
    free(p->from);
    free(p->cuts);
    tc_lb_plan_init(p);
}

int
tc_lb_plan_reserve(struct tc_lb_plan *p, size_t n)
{
    size_t ncap = p->cap ? p->cap : 64;
    long *nc;
    size_t *nf, *nk;

    if (n + 1 <= p->cap)
        return TC_OK;
    while (ncap < n + 1)
        ncap *= 2;
    nc = realloc(p->cost, ncap * sizeof *nc);
    if (nc == NULL)
        return TC_ERR_NOMEM;
    p->cost = nc;
    nf = realloc(p->from, ncap * sizeof *nf);
    if (nf == NULL)
        return TC_ERR_NOMEM;
    p->from = nf;
    nk = realloc(p->cuts, ncap * sizeof *nk);
    if (nk == NULL)
        return TC_ERR_NOMEM;
    p->cuts = nk;
    p->cap = ncap;
    return TC_OK;
}

size_t
tc_lb_plan_trace(struct tc_lb_plan *p, size_t n)
{
    size_t j, k, ncues = 0;

    for (j = n; j > 0; j = p->from[j])
        p->cuts[ncues++] = j;
    for (k = 0; k < ncues / 2; k++) {
        size_t t = p->cuts[k];

        p->cuts[k] = p->cuts[ncues - 1 - k];
        p->cuts[ncues - 1 - k] = t;
    }
    return ncues;
}

size_t
tc_lb_plan_cuts(struct tc_lb_plan *p, size_t n, int open, tc_lb_cue_fn fn,
                void *ud)
{
    return tc_lb_plan_run(p, n, open, fn, ud);
}

/* ---- limits ----------------------------------------------------------- */

int
tc_parse_frames(const char *s, double fps, int64_t *out)
{
    char *end;
    double d;

    d = strtod(s, &end);
    if (end != s && d == d && d >= 0 && d < 1e9 &&
        (strcmp(end, "f") == 0 || strcmp(end, "frames") == 0)) {
        if (!(fps > 0))
            return TC_ERR_ARG;
        *out = (int64_t)(d * 1000.0 / fps + 0.5);
        return TC_OK;
    }
    return tc_parse_duration(s, out);
}

typedef const char *(*getter)(const void *obj, const char *key);

static const char *
get_args(const void *obj, const char *key)
{
    return tc_args_get(obj, key);
}

static const char *
get_ctx(const void *obj, const char *key)
{
    return tc_ctx_option(obj, key);
}

static int
bad(struct tc_ctx *ctx, const char *key, const char *v, const char *want)
{
    tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "%s=%s: expected %s", key,
             v ? v : "", want);
    return TC_ERR_ARG;
}

static int
positive(struct tc_ctx *ctx, getter get, const void *o, const char *key,
         double *out)
{
    const char *v = get(o, key);
    char *end;

    if (v == NULL)
        return bad(ctx, key, v, "a positive number");
    *out = strtod(v, &end);
    if (end == v || *end != '\0' || !(*out > 0) || *out > 1e9)
        return bad(ctx, key, v, "a positive number");
    return TC_OK;
}

static int
duration(struct tc_ctx *ctx, getter get, const void *o, const char *key,
         double fps, int64_t *out)
{
    const char *v = get(o, key);

    if (v == NULL || tc_parse_frames(v, fps, out) != TC_OK || *out < 0)
        return bad(ctx, key, v, "a duration such as 800, 0.8s or 2f");
    return TC_OK;
}

static int
limits_read(struct tc_ctx *ctx, getter get, const void *o,
            struct tc_limits *l)
{
    double chars, lines;

    if (positive(ctx, get, o, "fps", &l->fps) != TC_OK ||
        positive(ctx, get, o, "max-chars", &chars) != TC_OK ||
        positive(ctx, get, o, "max-lines", &lines) != TC_OK ||
        positive(ctx, get, o, "max-cps", &l->max_cps) != TC_OK ||
        duration(ctx, get, o, "min-duration", l->fps, &l->min_duration) ||
        duration(ctx, get, o, "max-duration", l->fps, &l->max_duration) ||
        duration(ctx, get, o, "min-gap", l->fps, &l->min_gap))
        return TC_ERR_ARG;
    l->max_chars = (long)chars;
    l->max_lines = (long)lines;
    if (l->max_chars < 1 || l->max_lines < 1)
        return bad(ctx, "max-chars", get(o, "max-chars"),
                   "whole numbers of characters and lines");
    if (l->max_duration < l->min_duration)
        return bad(ctx, "max-duration", get(o, "max-duration"),
                   "at least min-duration");
    return TC_OK;
}

int
tc_limits_from_args(const struct tc_args *a, struct tc_limits *l)
{
    return limits_read(a->ctx, get_args, a, l);
}

int
tc_limits_from_ctx(struct tc_ctx *ctx, struct tc_limits *l)
{
    return limits_read(ctx, get_ctx, ctx, l);
}
