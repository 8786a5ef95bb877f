/* src/filters/fillers.c -- remove filler words ("um", "uh", "erm" ...).
 *
 * A filler is a whole token whose core (textops.h) is on the list, in any
 * case, also stretched ("ummm" is "um", "hmmm" is "hmm").  Hyphenated
 * tokens ("uh-huh", "mm-hmm") are answers, not fillers, and stay.  The cut
 * takes the filler with its trailing comma or ellipsis and the space
 * after it ("Well, um, we" -> "Well, we"), and in mid-sentence the comma
 * before it too ("we went, uh, to" -> "we went to").  Before a full stop,
 * a question mark or the end of a line it takes the comma before it
 * instead ("Was it, um?" -> "Was it?").  A capitalised filler that began
 * a sentence passes its capital on ("Um, so we" -> "So we").
 *
 * Two kinds of token look like fillers and are not.  A word in capitals of
 * two letters or more ("ER", "UM") is an acronym, unless a comma or an
 * ellipsis follows it and it either begins a sentence ("UM, so we") or
 * stands in a line written all in capitals, as some broadcast captions
 * are ("I WAS, UH, THINKING").  And "mm" or "hm" right after a number is
 * a unit ("5 mm").
 *
 * The list is the language's (lang=auto: the one lang.h resolves, which
 * may hold the first cues back to guess it); a language without a list,
 * or an unknown one, gets only the fillers that are no word in any
 * language, and a message says so once.
 *
 * A cue left empty is dropped with a note, and the cue before it, if it
 * ran up to the dropped one, is extended over its time (never beyond
 * max-duration), so the screen does not go blank mid-speech.  For that the
 * stage holds one cue.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "textops.h"

#define WORDS_FILE_MAX (1024 * 1024)
#define EXTEND_GAP_MS 500   /* the held cue counts as running up to the
                               dropped one across at most this gap */

/* Built-in lists, by primary language subtag.  Each leaves out what is a
 * real word there: German "um" (around) and "er" (he), Danish, Norwegian
 * and Swedish "er" (is, are, you), Dutch "er" (there), Spanish "este"
 * (this). */
static const struct {
    const char *lang;
    const char *words;
} lists[] = {
    { "en", "um uh uhm er erm ah hmm mm mhm ehm" },
    { "de", "äh ähm öh öhm hm hmm mhm mm ehm" },
    { "fr", "euh heu hum hmm mm mmh" },
    { "es", "eh em ehm hmm mm mmm" },
    { "da", "øh øhm æh æhm hm hmm mm mhm" },
    { "nb", "eh ehm øh øhm æh æhm hm hmm mm mhm" },
    { "nn", "eh ehm øh øhm æh æhm hm hmm mm mhm" },
    { "no", "eh ehm øh øhm æh æhm hm hmm mm mhm" },
    { "sv", "eh ehm öh öhm äh ähm hm hmm mm mhm" },
    { "nl", "eh ehm uh uhm hm hmm mm mhm" },
};
#define NLISTS (sizeof lists / sizeof lists[0])

/* For a language without a list, or none known: fillers that are no word
 * in any language that we know of.  "um" and "er" are words in German and
 * the Scandinavian languages, "em" in Portuguese, "hum" in English, and
 * "ah" and "eh" carry meaning in many. */
static const char any_words[] =
    "uh uhm erm ehm hmm hm mm mhm mmh äh ähm öh öhm euh øh øhm æh æhm";
#define ACRONYM_MAX 4       /* letters in the longest acronym kept */

struct fillers {
    struct tc_stage base;
    struct tc_edit ed;
    struct tc_buf words;        /* folded entries, each NUL-terminated */
    struct tc_buf keys;         /* the same, stretches collapsed */
    struct tc_buf tok, key;     /* scratch for one token */
    unsigned char first[32];    /* the first bytes of the keys, a bit
                                   each: most tokens need no search */
    struct tc_cue *held;
    int lang_auto, extend;      /* lang_auto: pick the list at the first
                                   cue, from lang.h */
    int64_t max_duration;
    char track_lang[64];        /* the input's, for use outside tc_convert */
};

/* "ummm" -> "um": a character repeated is kept once. */
static void
collapse(struct tc_buf *out, const char *s, size_t n)
{
    size_t i = 0, prev = 0, plen = 0;

    tc_buf_clear(out);
    while (i < n) {
        size_t l = 1;

        while (i + l < n && ((unsigned char)s[i + l] & 0xC0) == 0x80)
            l++;
        if (l != plen || memcmp(s + prev, s + i, l) != 0)
            tc_buf_add(out, s + i, l);
        prev = i;
        plen = l;
        i += l;
    }
}

/* Add the white-space separated words of s; '#' starts a comment. */
static int
add_words(struct fillers *fl, const char *s, size_t n)
{
    size_t i = 0, k;

    while (i < n) {
        if (s[i] == '#') {
            while (i < n && s[i] != '\n')
                i++;
            continue;
        }
        if (tc_is_space(s[i])) {
            i++;
            continue;
        }
        for (k = i; k < n && !tc_is_space(s[k]) && s[k] != '#'; k++)
            ;
        tc_buf_clear(&fl->tok);
        tc_fold_add(&fl->tok, s + i, k - i);
        tc_buf_add(&fl->words, fl->tok.data, fl->tok.len + 1);
        collapse(&fl->key, fl->tok.data, fl->tok.len);
        tc_buf_add(&fl->keys, fl->key.data, fl->key.len + 1);
        {
            unsigned char c = (unsigned char)fl->key.data[0];

            fl->first[c >> 3] |= (unsigned char)(1u << (c & 7));
        }
        i = k;
    }
    if (tc_buf_status(&fl->tok) != TC_OK || tc_buf_status(&fl->key) != TC_OK)
        return TC_ERR_NOMEM;
    if (tc_buf_status(&fl->words) != TC_OK)
        return tc_buf_status(&fl->words);
    return tc_buf_status(&fl->keys);
}

/* The list of lang (a primary subtag); TC_ERR_ARG when there is none. */
static int
use_lang(struct fillers *fl, const char *lang)
{
    size_t i;

    for (i = 0; i < NLISTS; i++) {
        if (strcmp(lists[i].lang, lang) == 0) {
            tc_buf_clear(&fl->words);
            tc_buf_clear(&fl->keys);
            memset(fl->first, 0, sizeof fl->first);
            return add_words(fl, lists[i].words, strlen(lists[i].words));
        }
    }
    return TC_ERR_ARG;
}

/* At the first cue: the list of the conversion's language (lang.h), else
 * the fillers of no language, said once. */
static int
pick_list(struct fillers *fl)
{
    struct tc_ctx *ctx = fl->base.ctx;
    const struct tc_lang *l = tc_lang_current(ctx);
    struct tc_lang own;
    int rc;

    fl->lang_auto = 0;
    if (l == NULL) {
        /* a stage used outside tc_convert(): what is declared, no guess */
        struct tc_track t;

        memset(&t, 0, sizeof t);
        t.lang = fl->track_lang[0] != '\0' ? fl->track_lang : NULL;
        tc_lang_resolve(ctx, &t, NULL, 0, &own);
        l = &own;
    }
    if (l->tag[0] != '\0') {
        rc = use_lang(fl, l->tag);
        if (rc != TC_ERR_ARG)
            return rc;
    }
    rc = add_words(fl, any_words, strlen(any_words));
    if (rc != TC_OK)
        return rc;
    if (l->tag[0] != '\0')
        return tc_diagf(ctx, TC_D_LANG, 0, 0, "%s: fillers has no list for "
                        "it and removes only fillers that are no word in "
                        "any language (-F fillers:words=FILE gives a list)",
                        l->tag);
    if (l->how == TC_LANG_OPTION)
        return tc_diagf(ctx, TC_D_LANG, 0, 0, "und: fillers removes only "
                        "fillers that are no word in any language");
    /* a few words: no language can be told from them, and few fillers
     * are at stake; a note, so that --strict passes */
    if (l->too_short)
        return tc_diagf(ctx, TC_D_LANG, 0, 0, "too little text to tell "
                        "its language: fillers removes only fillers that "
                        "are no word in any language (--lang=TAG names "
                        "it)");
    return tc_diagf(ctx, TC_D_LANG_UNKNOWN, 0, 0, "fillers removes only "
                    "fillers that are no word in any language; name the "
                    "language with --lang=TAG");
}

static int
read_words(struct fillers *fl, struct tc_ctx *ctx, const char *path)
{
    struct tc_buf b;
    char chunk[4096];
    FILE *f = fopen(path, "rb");
    size_t n;
    int rc;

    if (f == NULL) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "fillers: words=%s: %s", path,
                 strerror(errno));
        return TC_ERR_ARG;
    }
    tc_buf_init(&b, WORDS_FILE_MAX);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        tc_buf_add(&b, chunk, n);
    rc = ferror(f) ? TC_ERR_IO : tc_buf_status(&b);
    fclose(f);
    if (rc != TC_OK) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "fillers: words=%s: %s", path,
                 rc == TC_ERR_LIMIT ? "file too big" : tc_strerror(rc));
        tc_buf_release(&b);
        return TC_ERR_ARG;
    }
    rc = add_words(fl, b.data, b.len);
    tc_buf_release(&b);
    return rc;
}

enum { FILLER_NO, FILLER_EXACT, FILLER_STRETCHED };

/* FILLER_EXACT when s is on the list as it stands, FILLER_STRETCHED when
 * it is a stretch of an entry ("ummm"), else FILLER_NO. */
static int
is_filler(struct fillers *fl, const char *s, size_t n)
{
    const char *w = fl->words.data, *k = fl->keys.data;
    const char *wend = w + fl->words.len;

    unsigned char c;

    tc_buf_clear(&fl->tok);
    tc_fold_add(&fl->tok, s, n);
    if (tc_buf_status(&fl->tok) != TC_OK)
        return FILLER_NO;
    c = (unsigned char)fl->tok.data[0];   /* the key's first byte too */
    if (!(fl->first[c >> 3] & (1u << (c & 7))))
        return FILLER_NO;
    collapse(&fl->key, fl->tok.data, fl->tok.len);
    if (tc_buf_status(&fl->key) != TC_OK)
        return FILLER_NO;
    while (w < wend) {
        size_t wl = strlen(w), kl = strlen(k);

        /* the entry itself, or a stretch of it: never shorter ("m" is not
         * "mm") */
        if (kl == fl->key.len && memcmp(k, fl->key.data, kl) == 0 &&
            fl->tok.len >= wl)
            return fl->tok.len == wl ? FILLER_EXACT : FILLER_STRETCHED;
        w += wl + 1;
        k += kl + 1;
    }
    return FILLER_NO;
}

/* Is the character at s[i] a lower-case letter (ASCII or Latin-1)? */
static int
is_lower_at(const char *s, size_t n, size_t i)
{
    const unsigned char *p = (const unsigned char *)s + i;

    if (p[0] >= 'a' && p[0] <= 'z')
        return 1;
    return i + 1 < n && p[0] == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBF &&
           p[1] != 0xB7;
}

/* Is the line around f[at] free of lower-case letters? */
static int
line_in_capitals(const char *f, size_t n, size_t at)
{
    size_t i;

    for (i = at; i > 0 && f[i - 1] != '\n'; i--)
        ;
    for (; i < n && f[i] != '\n'; i++)
        if (is_lower_at(f, n, i))
            return 0;
    return 1;
}

/* Is a token that is on the list as it stands an acronym ("ER", "UM
 * team") rather than a filler?  See the top of the file; starts: it
 * begins a sentence.  Acronyms are short; a longer word in capitals
 * ("LITERALLY") is emphasis, and a stretch ("UHH") is never an acronym. */
static int
is_acronym(const char *f, size_t n, const struct tc_word *w, int starts)
{
    size_t i, letters = 0;
    int soft;

    for (i = w->cstart; i < w->cend; i++) {
        if (is_lower_at(f, w->cend, i))
            return 0;
        if (tc_is_upper_at(f + i, w->cend - i))
            letters++;
    }
    if (letters < 2 || letters > ACRONYM_MAX)
        return 0;
    /* a comma or an ellipsis: "UM," "UH..." (but "UM." is an acronym) */
    soft = memchr(f + w->cend, ',', w->end - w->cend) != NULL ||
           (w->end - w->cend >= 3 &&
            (memcmp(f + w->cend, "...", 3) == 0 ||
             memcmp(f + w->cend, "\xE2\x80\xA6", 3) == 0));
    if (!soft)
        return 1;
    return !starts && !line_in_capitals(f, n, w->start);
}

/* A number as a whole token, such as "5", "2.5" or "1,000". */
static int
is_number(const char *f, const struct tc_word *w)
{
    size_t i;

    if (w->cstart != w->start || w->cend != w->end || w->end == w->start ||
        f[w->start] < '0' || f[w->start] > '9')
        return 0;
    for (i = w->start; i < w->end; i++)
        if ((f[i] < '0' || f[i] > '9') && f[i] != '.' && f[i] != ',')
            return 0;
    return 1;
}

/* "mm" or "hm" right after a number is a unit: millimetres, hectometres. */
static int
is_unit(const char *f, const struct tc_word *w, int after_number)
{
    const char *c = f + w->cstart;

    if (!after_number || w->cend - w->cstart != 2)
        return 0;
    return ((c[0] | 0x20) == 'm' || (c[0] | 0x20) == 'h') &&
           (c[1] | 0x20) == 'm';
}

/* Does a token end a sentence (before closing quotes and brackets)? */
static int
ends_sentence(const char *f, const struct tc_word *w)
{
    size_t e = w->end;

    while (e > w->start && strchr("\"')]", f[e - 1]) != NULL)
        e--;
    if (e >= w->start + 3 && memcmp(f + e - 3, "\xE2\x80\xA6", 3) == 0)
        return 1;
    return e > w->start && strchr(".?!", f[e - 1]) != NULL;
}

/* A full stop, question or exclamation mark in the filler's trail; an
 * ellipsis, comma or dash is soft and goes with the filler. */
static int
trail_is_hard(const char *f, size_t from, size_t to)
{
    size_t i;

    if (to - from >= 3 && memcmp(f + from, "...", 3) == 0)
        return 0;
    for (i = from; i < to; i++)
        if (f[i] == '.' || f[i] == '?' || f[i] == '!' || f[i] == ':')
            return 1;
    return 0;
}

/* Is the filler between two commas in mid-sentence, right after the
 * kept word?  After a sentence's first word ("Well, um, I") the first
 * comma is the speaker's and stays. */
static int
comma_pair(const char *f, size_t ws, const struct tc_word *w, int have_kept,
           int kept_first, size_t kept_end, size_t ls)
{
    size_t i;

    if (!have_kept || kept_first || kept_end <= ls || f[kept_end - 1] != ',')
        return 0;
    if (memchr(f + w->cend, ',', w->end - w->cend) == NULL)
        return 0;
    for (i = kept_end; i < ws; i++)
        if (f[i] != ' ' && f[i] != '\t')
            return 0;
    return 1;
}

static int
fl_cut(struct fillers *fl, struct tc_text *text)
{
    struct tc_edit *e = &fl->ed;
    const char *f = e->flat.data;
    size_t n = e->flat.len, pos = 0, kept_end = 0;
    int have_kept = 0, kept_first = 0, sentence_end = 1, cap = 0;
    int after_number = 0, rc = TC_OK;
    struct tc_word w;

    while (rc == TC_OK && tc_word_next(f, n, &pos, &w)) {
        size_t ls, le, nx, b;
        int hard, kind = FILLER_NO;

        if (w.cend > w.cstart && w.cstart == w.start)
            kind = is_filler(fl, f + w.cstart, w.cend - w.cstart);
        if (kind == FILLER_NO || is_unit(f, &w, after_number) ||
            (kind == FILLER_EXACT &&
             is_acronym(f, n, &w, !have_kept || sentence_end))) {
            if (cap && w.cend > w.cstart)
                tc_text_upcase_at(text, w.cstart);
            cap = 0;
            kept_first = !have_kept || sentence_end;
            have_kept = 1;
            kept_end = w.end;
            sentence_end = ends_sentence(f, &w);
            after_number = is_number(f, &w);
            continue;
        }
        after_number = 0;
        if (tc_is_upper_at(f + w.cstart, w.cend - w.cstart) &&
            (!have_kept || sentence_end))
            cap = 1;
        for (ls = w.start; ls > 0 && f[ls - 1] != '\n'; ls--)
            ;
        for (le = w.end; le < n && f[le] != '\n'; le++)
            ;
        for (nx = w.end; nx < le && tc_is_space(f[nx]); nx++)
            ;
        hard = trail_is_hard(f, w.cend, w.end);
        if (!hard && nx < le && comma_pair(f, w.start, &w, have_kept,
                                           kept_first, kept_end, ls)) {
            /* "went, uh, to": the commas were there for the filler */
            rc = tc_edit_cut(e, kept_end - 1, w.end);
        } else if (!hard && nx < le) {
            /* a word follows on the line: the filler goes with its trail
             * and the space after it */
            rc = tc_edit_cut(e, w.start, nx);
        } else if (have_kept && kept_end > ls && !sentence_end) {
            /* it ends a sentence or a line after a kept word: keep its
             * full stop, drop the comma before it */
            b = kept_end;
            if (f[b - 1] == ',' || f[b - 1] == ';')
                b--;
            rc = tc_edit_cut(e, b, hard ? w.cend : w.end);
            if (hard)
                sentence_end = ends_sentence(f, &w);
        } else {
            rc = tc_edit_cut(e, w.start, nx);
        }
    }
    return rc;
}

static int
fl_forward_held(struct fillers *fl)
{
    struct tc_cue *c = fl->held;

    fl->held = NULL;
    return c != NULL ? tc_stage_push(fl->base.next, c) : TC_OK;
}

/* The cue went: the held cue may take its time. */
static int
fl_dropped(struct fillers *fl, struct tc_cue *cue)
{
    struct tc_cue *h = fl->held;
    const char *what = "";
    char b[32];
    int rc;

    if (fl->extend && h != NULL && h->end != TC_TIME_NONE &&
        cue->end != TC_TIME_NONE && h->end + EXTEND_GAP_MS >= cue->start &&
        cue->end > h->end) {
        int64_t end = cue->end;

        if (fl->max_duration > 0 && end > h->start + fl->max_duration)
            end = h->start + fl->max_duration;
        if (end > h->end) {
            h->end = end;
            tc_time_fmt(b, end, '.');
            what = "; the cue before now ends at ";
        }
    }
    rc = tc_diagf(fl->base.ctx, TC_D_CUE_DROPPED, cue->line, 0,
                  "nothing but filler words%s%s", what, *what ? b : "");
    tc_cue_free(cue);
    return rc;
}

static int
fillers_push(struct tc_stage *st, struct tc_cue *cue)
{
    struct fillers *fl = (struct fillers *)st;
    int was_blank = tc_text_is_blank(&cue->text), rc = TC_OK;

    if (fl->lang_auto)
        rc = pick_list(fl);
    if (rc == TC_OK)
        rc = tc_edit_load(&fl->ed, &cue->text);
    if (rc == TC_OK)
        rc = fl_cut(fl, &cue->text);
    if (rc == TC_OK)
        rc = tc_edit_apply(&fl->ed, &cue->text);
    if (rc != TC_OK) {
        tc_cue_free(cue);
        return rc;
    }
    if (!was_blank && tc_text_is_blank(&cue->text))
        return fl_dropped(fl, cue);
    rc = fl_forward_held(fl);
    if (rc != TC_OK) {
        tc_cue_free(cue);
        return rc;
    }
    fl->held = cue;
    return TC_OK;
}

static int
fillers_track(struct tc_stage *st, const struct tc_track *t)
{
    struct fillers *fl = (struct fillers *)st;

    if (t != NULL && t->lang != NULL && strlen(t->lang) < sizeof fl->track_lang)
        memcpy(fl->track_lang, t->lang, strlen(t->lang) + 1);
    return tc_stage_track(st->next, t);
}

static int
fillers_finish(struct tc_stage *st)
{
    int rc = fl_forward_held((struct fillers *)st);

    if (rc != TC_OK)
        return rc;
    return tc_stage_finish(st->next);
}

static void
fillers_destroy(struct tc_stage *st)
{
    struct fillers *fl = (struct fillers *)st;

    tc_cue_free(fl->held);
    tc_edit_release(&fl->ed);
    tc_buf_release(&fl->words);
    tc_buf_release(&fl->keys);
    tc_buf_release(&fl->tok);
    tc_buf_release(&fl->key);
    free(fl);
}

static const struct tc_stage_ops fillers_ops = {
    .name = "fillers",
    .track = fillers_track,
    .push = fillers_push,
    .finish = fillers_finish,
    .destroy = fillers_destroy,
};

static void
bad_lang(struct tc_ctx *ctx, const char *lang)
{
    char names[NLISTS * 4];
    size_t i, n = 0;

    for (i = 0; i < NLISTS && n < sizeof names; i++)   /* cut if long */
        n += (size_t)snprintf(names + n, sizeof names - n, " %s",
                              lists[i].lang);
    tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
             "fillers: lang=%s: expected auto or one of%s", lang, names);
}

static int
fillers_create(struct tc_ctx *ctx, const struct tc_args *args,
               struct tc_stage **out)
{
    struct fillers *fl = calloc(1, sizeof *fl);
    const char *lang, *file;
    int rc;

    if (fl == NULL)
        return TC_ERR_NOMEM;
    tc_edit_init(&fl->ed);
    tc_buf_init(&fl->words, 0);
    tc_buf_init(&fl->keys, 0);
    tc_buf_init(&fl->tok, 0);
    tc_buf_init(&fl->key, 0);
    fl->base.ops = &fillers_ops;
    fl->base.ctx = ctx;
    lang = tc_args_spec(args, "lang");
    file = tc_args_get(args, "words");
    rc = tc_args_bool(args, "extend", &fl->extend);
    if (rc == TC_OK)
        rc = tc_args_time(args, "max-duration", &fl->max_duration);
    if (rc == TC_OK && file != NULL && *file != '\0') {
        rc = read_words(fl, ctx, file);
    } else if (rc == TC_OK && lang != NULL && strcmp(lang, "auto") != 0) {
        rc = use_lang(fl, lang);
        if (rc == TC_ERR_ARG)
            bad_lang(ctx, lang);
    } else if (rc == TC_OK) {
        fl->lang_auto = 1;
        tc_lang_want(ctx);
    }
    if (rc != TC_OK) {
        fillers_destroy(&fl->base);
        return rc;
    }
    *out = &fl->base;
    return TC_OK;
}

static const struct tc_option fillers_options[] = {
    { "lang", "auto",
      "word list: en, de, fr, es, da, nb, nn, no, sv or nl; auto takes "
      "the language of the text (--lang, the input's, or a sure guess), "
      "else only fillers that are no word in any language" },
    { "words", NULL,
      "file of filler words (white space separated, # comments) used "
      "instead of the list" },
    { "extend", "yes",
      "let the cue before a dropped one run on over its time" },
    { "max-duration", NULL,
      "never extend a cue beyond this length; unset: the profile's" },
    { NULL, NULL, NULL }
};

const struct tc_filter tc_filter_fillers = {
    .name    = "fillers",
    .desc    = "remove filler words",
    .options = fillers_options,
    .create  = fillers_create,
};
