/* textops.h -- word-level editing of styled text, shared by the filters
 * that remove words (nonspeech, fillers, dedupe).
 *
 * A filter looks at a cue's "flat form": the bytes of all its runs in
 * order, where '\n' is a line break.  It marks byte ranges of the flat
 * form to cut, then applies them: every byte not cut keeps the style of
 * the run it came from, so cutting "um" inside an italic run leaves the
 * rest italic, and a cut across runs never breaks styling.  Applying also
 * tidies each place where something was cut: no doubled space, no space
 * at a line's edge or before closing punctuation, no comma left leading a
 * line, no empty line.
 *
 * One struct tc_edit per filter holds all working memory and is reused
 * for every cue, so steady state allocates nothing.
 */
#ifndef TRANSCUE_SRC_TEXTOPS_H
#define TRANSCUE_SRC_TEXTOPS_H

#include "format.h"

/* A byte range [from, to) of the flat form; at is where it lands in the
 * edited text (filled in by tc_edit_apply). */
struct tc_cut {
    size_t from, to;
    size_t at;
};

struct tc_edit {
    struct tc_buf flat;         /* the flat form of the loaded text */
    struct tc_cut *cuts;        /* sorted, not overlapping */
    size_t ncuts, cuts_cap;
    struct tc_text scratch;     /* the text being rebuilt; swapped in */
    struct tc_cut *tidy;        /* second round of cuts, for tidying */
    size_t ntidy, tidy_cap;
};

void tc_edit_init(struct tc_edit *e);
void tc_edit_release(struct tc_edit *e);
/* Take t's flat form into e->flat and forget earlier cuts. */
int tc_edit_load(struct tc_edit *e, const struct tc_text *t);
/* Mark [from, to) for cutting, in any order; ranges that overlap or touch
 * are merged, so the cuts stay sorted and apart.  Cheap when ranges come
 * in order, as a scan makes them. */
int tc_edit_cut(struct tc_edit *e, size_t from, size_t to);
/* The end of the last cut so far, 0 when none. */
size_t tc_edit_cut_end(const struct tc_edit *e);
/* Cut the marked ranges out of t, tidy around each cut, and reload e with
 * the result.  Without cuts t is left exactly as it was. */
int tc_edit_apply(struct tc_edit *e, struct tc_text *t);

/* Upper-case the letter at flat offset pos in place (ASCII and Latin-1
 * letters, whose capitals have the same UTF-8 length). */
void tc_text_upcase_at(struct tc_text *t, size_t pos);

/* ---- words ---------------------------------------------------------------
 * A token is a maximal run of bytes that are not white space; its core is
 * the token without leading and trailing punctuation ("Um," has the core
 * "Um").  A token of punctuation only has an empty core at its end. */
struct tc_word {
    size_t start, end;          /* the token */
    size_t cstart, cend;        /* its core */
};

/* The next token of s[0..n) at or after *pos; returns 0 at the end. */
int tc_word_next(const char *s, size_t n, size_t *pos, struct tc_word *w);
/* Is the character at s[i] (of n bytes) punctuation; its length in *len. */
int tc_is_punct(const char *s, size_t n, size_t i, size_t *len);
int tc_is_space(char c);
/* Append s folded for comparison: ASCII and Latin-1 letters in lower
 * case, any white space as one space, none at either end of what this
 * call appends. */
int tc_fold_add(struct tc_buf *b, const char *s, size_t n);
/* Is the first character of s an upper-case letter (ASCII or Latin-1)? */
int tc_is_upper_at(const char *s, size_t n);

#endif /* TRANSCUE_SRC_TEXTOPS_H */
