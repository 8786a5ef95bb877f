/* linebreak.h -- words, line breaking and limits shared by the layout
 * filters (merge, wrap, timing) and the cuecheck test tool.
 *
 * A cue's text is seen as a sequence of words: maximal stretches without
 * white space, which may cross run boundaries ("<i>Hel</i>lo" is one word).
 * A word is never split; line breaking only chooses, for each gap between
 * two words, a space or a line break, and tc_lb_emit() rebuilds styled text
 * from the words, so styling and inline timestamps survive a re-layout.
 */
#ifndef TRANSCUE_SRC_LINEBREAK_H
#define TRANSCUE_SRC_LINEBREAK_H

#include <limits.h>

#include "format.h"

/* What a word says about the gap after it (or, for CONJ/PREP/SUBJ/HARD,
 * before it).  The word classes come from the lexicon of lb->lex
 * (src/lexicon.h). */
enum {
    TC_LB_SENTENCE = 1u << 0,  /* ends a sentence: . ! ? ... (not an
                                  abbreviation or an initial) */
    TC_LB_CLAUSE   = 1u << 1,  /* ends a clause: , ; : -- */
    TC_LB_CONJ     = 1u << 2,  /* is a conjunction: break before it */
    TC_LB_PREP     = 1u << 3,  /* is a preposition: break before it */
    TC_LB_WEAK     = 1u << 4,  /* often opens a phrase: rather keep with
                                  the next word */
    TC_LB_HARD     = 1u << 5,  /* starts a dialogue line: keep the break */
    TC_LB_CAPITAL  = 1u << 6,  /* starts with a capital letter */
    TC_LB_OPEN     = 1u << 7,  /* opens a phrase (article, preposition,
                                  subject pronoun, modal...): never break
                                  after it */
    TC_LB_SUBJ     = 1u << 8,  /* a subject pronoun: a clause may start */
    TC_LB_COLON    = 1u << 9,  /* ends with a colon */
    TC_LB_LABEL    = 1u << 10, /* a speaker label ("ANNA:") at the start
                                  of a line or sentence: keep with what
                                  follows */
    TC_LB_BOL      = 1u << 11, /* begins a line of the text */
    TC_LB_QUESTION = 1u << 12, /* ends with a question mark */
    TC_LB_PVERB    = 1u << 13, /* a verb whose preposition follows it */
    TC_LB_CLING    = 1u << 14, /* belongs to the word before it */
    TC_LB_DASH     = 1u << 15  /* a dash alone ("-"): at the start of a
                                  line it marks a speaker (a LABEL) */
};

#define TC_LB_NONE ((size_t)-1)

struct tc_lb_word {
    size_t   run, off;   /* where it starts: run index, byte offset in run */
    size_t   len;        /* bytes; may continue into the following runs */
    size_t   width;      /* characters (code points) */
    size_t   sep_run;    /* run holding the white space after it, or NONE */
    size_t   pos;        /* characters before it in the text, spaces
                            counted as one: for dividing time by length */
    int64_t  time;       /* inline timestamp at its start, or TC_TIME_NONE */
    unsigned flags;      /* TC_LB_* */
};

struct tc_lex;
struct tc_lb_memo;

/* Scratch space, kept by a stage and reused for every cue. */
struct tc_lb {
    const struct tc_lex *lex;  /* word classes; NULL = English */
    struct tc_lb_memo *memo;   /* the classes of words seen lately */
    struct tc_lb_word *w;
    size_t n, cap;
    size_t chars;        /* pos of the end: total characters, one space
                            between words */
    size_t nhard;        /* words with TC_LB_HARD */
    long *bc;            /* NULL, or bc[i] = tc_lb_break_cost(lb, i), kept
                            by an owner that breaks the same words often */
    unsigned char *brk;  /* brk[i]: 1 = line break after word i */
    size_t *sum;         /* prefix sums of widths */
    unsigned char *best; /* the best layout found so far */
    size_t scap;
};

void tc_lb_init(struct tc_lb *lb);
void tc_lb_release(struct tc_lb *lb);

/* The words of t, replacing lb's. */
int tc_lb_words(struct tc_lb *lb, const struct tc_text *t);

/* Characters of words [a, b) on one line, one space between words. */
static inline size_t
tc_lb_width(const struct tc_lb *lb, size_t a, size_t b)
{
    return b <= a ? 0 : lb->sum[b] - lb->sum[a] + (b - a - 1);
}

/* The fewest lines words [a, b) need at max_chars a line (a word longer
 * than max_chars gets a line of its own), with a break kept before every
 * TC_LB_HARD word after a. */
size_t tc_lb_lines(const struct tc_lb *lb, size_t a, size_t b,
                   size_t max_chars);

/* Choose the line breaks of words [a, b) into lb->brk[a .. b-2]: the fewest
 * lines, each within max_chars where the words allow, balanced (the lower
 * line longer when they cannot be equal), breaking after punctuation and
 * before conjunctions and prepositions where that costs little balance.
 * Returns the number of lines. */
size_t tc_lb_layout(struct tc_lb *lb, size_t a, size_t b, size_t max_chars);
/* The same, with the cost of the layout chosen in *cost: the costs of its
 * breaks and of its imbalance, what merge weighs cues by. */
size_t tc_lb_layout_cost(struct tc_lb *lb, size_t a, size_t b,
                         size_t max_chars, long *cost);
/* The number of lines and the cost of that layout, without choosing it
 * (lb->brk is left alone where it can be): what the cue planners ask for
 * every candidate cue, so one and two lines are answered directly.  When
 * the words need more than max_lines lines, the count returned is only
 * known to exceed it. */
size_t tc_lb_fit_cost(struct tc_lb *lb, size_t a, size_t b,
                      size_t max_chars, size_t max_lines, long *cost);

/* Where the second line of words [a, b) begins when they are broken
 * into two lines by filling the first: the latest break that leaves the
 * first line within max_chars (or after its first word, when that alone
 * is longer).  0 when the second line is then longer than max_chars and
 * more than one word: two lines cannot hold the words.  Every two-line
 * layout tc_lb_fit_cost() weighs breaks before a word in (a, first]. */
size_t tc_lb_two_first(const struct tc_lb *lb, size_t a, size_t b,
                       size_t max_chars);

/* The cost of a break after word i (lower is better): what the split and
 * layout decisions weigh.  Exposed for the unit tests. */
int tc_lb_break_cost(const struct tc_lb *lb, size_t i);

/* ---- cutting words into cues --------------------------------------------
 * Words are cut into cues by dynamic programming: of all ways to cut words
 * [0, n) into cues, the one whose cues cost least in total.  The caller
 * says what one cue costs: merge weighs times and reading speed, wrap only
 * layout and breaks.  Both use the same base: TC_LB_CUE_COST for each cue
 * (fewer, fuller cues win unless a cut is at a sentence end), the cue's
 * layout (tc_lb_layout_cost) and its end (tc_lb_end_cost), and
 * TC_LB_SHORT_COST for a cue of one or two words. */
#define TC_LB_CUE_COST   150
#define TC_LB_SHORT_COST 200

enum { TC_LB_FIT, TC_LB_NO_FIT, TC_LB_NEVER_FITS, TC_LB_NO_GAIN };

/* The cost of words [i, j) as one cue into *cost: TC_LB_FIT, TC_LB_NO_FIT,
 * or TC_LB_NEVER_FITS when no cue that begins before i and ends at j fits
 * either.  open: the cue is the last one and may still grow.  budget: a
 * cue that costs this much or more is of no use (the words up to j have
 * a way as cheap); fn may then answer TC_LB_NO_GAIN without the cost, but
 * never in place of TC_LB_NEVER_FITS. */
typedef int (*tc_lb_cue_fn)(void *ud, size_t i, size_t j, int open,
                            long budget, long *cost);

struct tc_lb_plan {
    long *cost;          /* cost[j]: least cost of words [0, j) ... */
    size_t *from;        /* ... whose last cue begins at from[j] */
    size_t *cuts;        /* the cue ends chosen, in order */
    size_t cap;
};

void tc_lb_plan_init(struct tc_lb_plan *p);
void tc_lb_plan_release(struct tc_lb_plan *p);
int tc_lb_plan_reserve(struct tc_lb_plan *p, size_t n);
/* The best cuts of words [0, n) into p->cuts; returns how many cues.
 * open: the last cue may still grow (only its layout counts). */
size_t tc_lb_plan_cuts(struct tc_lb_plan *p, size_t n, int open,
                       tc_lb_cue_fn fn, void *ud);
/* The cuts of the way to n that p->from holds into p->cuts; returns how
 * many cues. */
size_t tc_lb_plan_trace(struct tc_lb_plan *p, size_t n);

#define TC_LB_PLAN_INF (LONG_MAX / 4)

/* tc_lb_plan_cuts(), for a caller that plans often: inlined, fn is
 * called directly. */
static inline size_t
tc_lb_plan_run(struct tc_lb_plan *p, size_t n, int open, tc_lb_cue_fn fn,
               void *ud)
{
    size_t i, j;
    long c;

    p->cost[0] = 0;
    for (j = 1; j <= n; j++) {
        int last_open = open && j == n;

        p->cost[j] = TC_LB_PLAN_INF;
        p->from[j] = j - 1;
        for (i = j; i-- > 0;) {
            int fit;

            if (p->cost[i] >= TC_LB_PLAN_INF)
                continue;
            fit = fn(ud, i, j, last_open,
                     p->cost[j] >= TC_LB_PLAN_INF ? LONG_MAX
                                                  : p->cost[j] - p->cost[i],
                     &c);
            if (fit == TC_LB_NEVER_FITS)
                break;
            if (fit == TC_LB_FIT && p->cost[i] + c < p->cost[j]) {
                p->cost[j] = p->cost[i] + c;
                p->from[j] = i;
            }
        }
    }
    return tc_lb_plan_trace(p, n);
}
/* The cost of a cue ending after word i: one and a half times the cost of
 * a line break there. */
long tc_lb_end_cost(const struct tc_lb *lb, size_t i);

/* Append words [a, b) of src (whose words lb holds) to out, with a space
 * or, where lb->brk says, a line break between them, in the style of the
 * white space that was there. */
int tc_lb_emit(struct tc_text *out, const struct tc_text *src,
               const struct tc_lb *lb, size_t a, size_t b);

/* Lay t out again within max_chars, using scratch as the new text's
 * buffers (they are swapped, so both stay allocated for reuse).  *lines
 * gets the number of lines.  Text without words is left alone. */
int tc_lb_relayout(struct tc_lb *lb, struct tc_text *t,
                   struct tc_text *scratch, size_t max_chars,
                   size_t *lines);

/* ---- limits ------------------------------------------------------------
 * The profile limits as numbers, read from a filter's arguments (which fall
 * back to the context's options and the profile) or from a context. */
struct tc_limits {
    long    max_chars, max_lines;
    double  max_cps;
    int64_t min_duration, max_duration, min_gap;
    double  fps;
};

int tc_limits_from_args(const struct tc_args *a, struct tc_limits *l);
int tc_limits_from_ctx(struct tc_ctx *ctx, struct tc_limits *l);
/* A duration that may also be given in frames: "83", "83ms", "0.5s",
 * "2f" or "2frames" (at fps). */
int tc_parse_frames(const char *s, double fps, int64_t *out);

#endif /* TRANSCUE_SRC_LINEBREAK_H */
