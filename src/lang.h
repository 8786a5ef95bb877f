/* lang.h -- the language of the text the filters see, decided in one
 * place for the whole conversion.
 *
 * The order, first answer wins:
 *   1. the user's --lang=TAG (the context option "lang"; unset or "auto"
 *      says nothing; "und" says "unknown, do not guess");
 *   2. what the input declares (struct tc_track's lang: WebVTT's Language
 *      header, TTML's xml:lang on <tt>), unless it is "und", "mul",
 *      "zxx" or not a language tag;
 *   3. a guess from a sample of the text with libexttextcat (when the
 *      build has it), taken only when one language is clearly ahead of
 *      every other and the sample has TC_LANG_SAMPLE_MIN letters or more;
 *   4. else unknown.
 * A language is given as its primary subtag in lower case: "pt" for
 * "pt-BR", "zh" for "zh-Hant"; word lists and tables are per language.
 *
 * How a stage uses it: call tc_lang_want() from the filter's create();
 * tc_convert() then puts a look-ahead stage at the head of the filter
 * chain that holds the first cues (at most TC_LANG_SAMPLE_CUES, until it
 * has TC_LANG_SAMPLE_BYTES of text, or to the end of a shorter input; from
 * a pipe or a terminal, at most TC_LANG_LIVE_MS of the input's time, so a
 * live transcript is not held up for minutes),
 * resolves the language from them and only then hands them on.  So at the
 * stage's first push() tc_lang_current() answers, and every stage sees the
 * same answer.  When the language is declared (1 or 2), nothing is held.
 * Memory stays flat: the look-ahead is bounded, and the sample is taken
 * once per input.
 */
#ifndef TRANSCUE_SRC_LANG_H
#define TRANSCUE_SRC_LANG_H

#include <stddef.h>

#include "transcue.h"

#define TC_LANG_MAX          12      /* a primary subtag and its NUL */
#define TC_LANG_SAMPLE_BYTES 2048    /* text the look-ahead collects */
#define TC_LANG_SAMPLE_CUES  64      /* cues it holds at most */
#define TC_LANG_SAMPLE_MIN   48      /* fewer letters: no guess */
#define TC_LANG_LIVE_MS      10000   /* a live input's look-ahead */

enum tc_lang_how {
    TC_LANG_UNKNOWN = 0,    /* nothing declared, no sure guess */
    TC_LANG_OPTION,         /* --lang=TAG */
    TC_LANG_TRACK,          /* declared by the input */
    TC_LANG_GUESSED         /* guessed from the text */
};

struct tc_lang {
    char tag[TC_LANG_MAX];      /* primary subtag, lower case; "" unknown */
    enum tc_lang_how how;
    /* for messages: the guesser's candidates, best first, space
     * separated, even when none was sure ("nn da"); "" when there was no
     * guess (no library, too little text, or declared) */
    char candidates[4 * TC_LANG_MAX];
    /* unknown because the sample had fewer than TC_LANG_SAMPLE_MIN
     * letters: the whole text of a short input, or a live input's first
     * TC_LANG_LIVE_MS */
    int too_short;
};

struct tc_ctx;
struct tc_stage;

/* Resolve the language from the context (--lang), the input's track
 * (may be NULL) and a sample of its text (UTF-8, may be NULL when n is
 * 0), as the order above says.  Fills *out and returns out->tag, or NULL
 * when the language is unknown.  Does not change what tc_lang_current()
 * says.  Loads libexttextcat's fingerprints at the first guess and keeps
 * them in the context (TC_ERR_NOMEM is not reported: no memory, no
 * guess). */
const char *tc_lang_resolve(struct tc_ctx *ctx, const struct tc_track *t,
                            const char *sample, size_t n,
                            struct tc_lang *out);

/* From a filter's create(): the conversion should know the language
 * before the first cue reaches the filters (see above). */
void tc_lang_want(struct tc_ctx *ctx);

/* The running conversion's language, once the look-ahead has resolved
 * it: before that, or outside tc_convert(), NULL.  out->tag may be ""
 * (unknown).  The struct belongs to the context and lasts to the end of
 * the conversion. */
const struct tc_lang *tc_lang_current(const struct tc_ctx *ctx);

/* Is s "auto", "und" or a well-formed language tag?  (--lang's check) */
int tc_lang_valid_option(const char *s);

/* ---- for the driver (convert.c) and the context (ctx.c) ---- */
/* Forget the last conversion's language and wish: at its start. */
void tc_lang_reset(struct tc_ctx *ctx);
/* Put the look-ahead in front of head when a filter asked for it; *out
 * is the new head (head itself when not). */
int tc_lang_stage_new(struct tc_ctx *ctx, struct tc_stage *head,
                      struct tc_stage **out);
/* Release the guesser held by the context. */
void tc_lang_release(struct tc_ctx *ctx);

#endif /* TRANSCUE_SRC_LANG_H */
