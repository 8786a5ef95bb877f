/* checker.h -- the checker inside the library: a stage before the writer
 * that measures every cue against the context's limits (with the measures
 * of measure.h), and the report of the last run.
 *
 * With checking on (tc_ctx_set_check(), tc_check()) each violation is a
 * warning naming the cue, and the report is kept for tc_check_report().
 * Without it, a chain whose filters work to meet limits (merge, wrap,
 * timing: tc_filter.checks) still gets the stage, which only counts and
 * ends the run with one warning per limit some cues do not meet.
 */
#ifndef TRANSCUE_SRC_CHECKER_H
#define TRANSCUE_SRC_CHECKER_H

#include "format.h"
#include "linebreak.h"

enum tc_check_id {
    TC_CHECK_MAX_CHARS,
    TC_CHECK_MAX_LINES,
    TC_CHECK_MAX_CPS,
    TC_CHECK_MIN_DURATION,
    TC_CHECK_MAX_DURATION,
    TC_CHECK_MIN_GAP,
    TC_CHECK_OVERLAP,
    TC_CHECK_ORDER,
    TC_CHECK_EMPTY,
    TC_CHECK_BAD_TIME,
    TC_CHECK__COUNT
};

#define TC_CHECK_ALL ((1u << TC_CHECK__COUNT) - 1)
#define TC_CHECK_BIT(id) (1u << (id))

/* One violation, as the JSON report lists it. */
struct tc_violation {
    unsigned long cue;          /* 1-based index among the cues checked */
    unsigned long line;         /* input line the cue began on, 0 = n/a */
    int check;                  /* TC_CHECK_* */
    double value, limit;
    int64_t start, end;
};

/* The checking settings and the report of the last run, kept in the
 * context (ctx->check). */
struct tc_check {
    int on;                     /* tc_ctx_set_check() */
    int only;                   /* tc_check(): nothing is written */
    /* the last run */
    int ran;                    /* a check stage ran (it was on) */
    int complete;               /* ... and saw the end of the input */
    unsigned mask;              /* the checks it ran */
    struct tc_limits lim;
    char *file;
    unsigned long cues;
    unsigned long count[TC_CHECK__COUNT];
    unsigned long total;        /* all violations */
    int64_t shown;              /* sum of the durations of cues with text */
    size_t longest;             /* characters of the longest line */
    float *cps;                 /* reading speed of each cue with text */
    size_t ncps, cps_cap;
    struct tc_violation *v;
    size_t nv, v_cap;
};

/* A run begins (tc_convert()): the report of the last run is emptied. */
int tc_check_begin(struct tc_ctx *ctx, const char *in_path);
/* The stage before the writer, or *out = NULL when the run needs none. */
int tc_check_stage_new(struct tc_ctx *ctx, struct tc_stage *next,
                       struct tc_stage **out);
/* Are checks on and the limits and check options good?  Reports each
 * problem; TC_ERR_ARG if any (tc_ctx_check()). */
int tc_check_validate(struct tc_ctx *ctx);
/* The checks a list names ("max-cps,min-gap", "-max-cps": all but it; NULL
 * or empty: all) into *mask; TC_ERR_ARG, reported, for an unknown name. */
int tc_check_parse(struct tc_ctx *ctx, const char *list, unsigned *mask);
/* Is value bad for the check option key ("checks", "max-violations")?
 * Reports why.  0 for any other key. */
int tc_check_option_bad(struct tc_ctx *ctx, const char *key,
                        const char *value);
/* Does tc_check() leave out a reader's diagnostic of kind id because a
 * check reports the same cue (a cue out of order, a cue without text)? */
int tc_check_hides(const struct tc_ctx *ctx, int id);
void tc_check_free(struct tc_check *ck);
const char *tc_check_name_of(int id);
/* Where the limit of check id comes from, for messages, into out[32]:
 * "netflix", or "--max-cps" when an option set it; "" for a check
 * without a limit option. */
void tc_check_limit_source(const struct tc_ctx *ctx, int id, char *out);
/* A reading speed above limit, with as many decimals (one at least) as it
 * takes to be seen above it, into out[32]. */
void tc_check_fmt_cps(char *out, double cps, double limit);
/* A number in the fewest digits that read back as it, into out[32]. */
void tc_check_fmt_num(char *out, double v);

#endif /* TRANSCUE_SRC_CHECKER_H */
