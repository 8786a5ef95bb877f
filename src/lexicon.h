/* lexicon.h -- what the layout and cleanup filters know about words, per
 * language: one table the filters share.
 *
 * For each language (en, de, fr, es) a sorted list of lower-case words
 * with their classes.  The classes drive line breaks and cue ends
 * (src/linebreak.c), sentence ends (abbreviations) and stutter removal
 * (src/filters/dedupe.c).
 */
#ifndef TRANSCUE_SRC_LEXICON_H
#define TRANSCUE_SRC_LEXICON_H

#include <stddef.h>

enum {
    TC_LX_OPEN   = 1u << 0,  /* opens a phrase: never break after it
                                (article, possessive, preposition,
                                conjunction, subject pronoun, modal or
                                auxiliary before its verb, negation) */
    TC_LX_WEAK   = 1u << 1,  /* often opens a phrase, but may also end one
                                ("this", "you", "is"): rather not break
                                after it */
    TC_LX_CONJ   = 1u << 2,  /* a conjunction: a break before it is good */
    TC_LX_PREP   = 1u << 3,  /* a preposition: a break before it is fair */
    TC_LX_SUBJ   = 1u << 4,  /* a subject pronoun: in unpunctuated text a
                                break before it likely starts a clause */
    TC_LX_ABBREV = 1u << 5,  /* its full stop does not end a sentence */
    TC_LX_EMPH   = 1u << 6,  /* an answer or interjection: said twice it is
                                emphasis, not a stutter ("no, no") */
    TC_LX_DOUBLE = 1u << 7,  /* said twice it can be grammar ("that that",
                                "had had", "die die") */
    TC_LX_PVERB  = 1u << 8,  /* takes a preposition that belongs to it
                                ("click on", "going to", "kind of"); in
                                English also its forms ("clicked") */
    TC_LX_CLING  = 1u << 9   /* belongs to the word before it ("of") */
};

struct tc_lex;

/* The lexicon of a language tag ("en", "de-AT", "FR"), or NULL when there
 * is none for it. */
const struct tc_lex *tc_lex_find(const char *tag);
/* The English lexicon, the default where the language is unknown. */
const struct tc_lex *tc_lex_default(void);
/* Its language, "en" ... */
const char *tc_lex_lang(const struct tc_lex *lx);
/* The classes of a word: s[0..n) is its text with any punctuation around
 * it; letters are compared without case (ASCII and Latin-1), and a
 * typographic apostrophe as "'".  0 for a word not in the list. */
unsigned tc_lex_classes(const struct tc_lex *lx, const char *s, size_t n);

/* A filter's choice of lexicon, from its "lang" option (which falls back
 * to --lang): a language tag, or "auto" (the default): the language of
 * the text as src/lang.h resolves it (--lang, the input's declaration, a
 * sure guess).  The lexicon of that language when there is one, else the
 * English one. */
struct tc_lex_choice {
    const struct tc_lex *lex;   /* settled by tc_lex_get() */
    int is_auto, settled;
    int english;                /* the text is known to be English */
};
/* Read the option (reporting a bad value: TC_ERR_ARG); under auto, ask
 * the conversion for the language (tc_lang_want()). */
struct tc_args;
int tc_lex_from_args(const struct tc_args *a, struct tc_lex_choice *c);
/* The lexicon to use, settled at the first call (from a push(), when the
 * language is known). */
const struct tc_lex *tc_lex_get(struct tc_lex_choice *c, struct tc_ctx *ctx);

/* For the unit test: the i-th lexicon, and whether its list is sorted
 * without duplicates (a duplicate would never be found), no word is
 * longer than the length it skips the search beyond, and every word has
 * a place in the hash table. */
const struct tc_lex *tc_lex_at(size_t i);
int tc_lex_sorted(const struct tc_lex *lx);

#endif /* TRANSCUE_SRC_LEXICON_H */
