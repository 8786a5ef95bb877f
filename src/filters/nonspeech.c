/* src/filters/nonspeech.c -- remove non-speech annotations: sound and
 * music descriptions in brackets ("[Music]", "(applause)", Whisper's
 * "[BLANK_AUDIO]"), lines of song between music notes, and the credit
 * lines transcription services and subtitle sites add ("Transcribed by
 * https://otter.ai").  What is left is tidied (textops.c); a cue left with
 * nothing is dropped with a note.  One cue at a time, no window. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "textops.h"

#define SHOW_MAX 60     /* bytes of a dropped cue shown in its note */

struct nonspeech {
    struct tc_stage base;
    struct tc_edit ed;
    struct tc_buf orig;         /* the flat text before cutting */
    struct tc_buf fold;         /* a line folded for credit matching */
    int square, round, curly, keep_music, credits;
    long max_words;
};

/* A credit line is one of these (folded), then the name of whoever did
 * the work and nothing else: "Subtitles by Jane Doe", not "Subtitles by
 * the way are hard". */
static const char *const credit_starts[] = {
    "transcribed by", "transcription by", "transcript by",
    "transcription services by", "transcribed with",
    "subtitles by", "subtitled by", "subtitle by", "subtitles created by",
    "subtitles made by", "subtitles provided by", "subtitling by",
    "captions by", "captioned by", "captioning by", "captions provided by",
    "captioning provided by", "closed captioning by", "closed captions by",
    "closed captioned by", "sync and corrections by",
    "synced and corrected by", NULL
};
#define CREDIT_NAME_WORDS 6

/* Small words a name may hold in lower case ("the BBC", "Jan van Dijk"). */
static const char *const name_joiners[] = {
    "and", "&", "the", "of", "for", "at", "de", "van", "von", "der", NULL
};

/* A line naming one of these services is an advertisement for it. */
static const char *const credit_sites[] = {
    "otter.ai", "opensubtitles.", "addic7ed.", "amara.org", "rev.com",
    "subscene.", "podnapisi.", NULL
};

static int
is_note(const char *f, size_t n, size_t i)
{
    const unsigned char *p = (const unsigned char *)f + i;

    return i + 3 <= n && p[0] == 0xE2 && p[1] == 0x99 && p[2] >= 0xAA &&
           p[2] <= 0xAC;
}

/* "https://...", "www.example.com" */
static int
is_url(const char *s, size_t n)
{
    size_t i;

    if (n > 4 && (memcmp(s, "www.", 4) == 0 || memcmp(s, "WWW.", 4) == 0))
        return 1;
    for (i = 0; i + 3 < n; i++)
        if (memcmp(s + i, "://", 3) == 0)
            return i > 0;
    return 0;
}

/* Do the tokens of s[from..n) make a name: one to CREDIT_NAME_WORDS
 * words, each capitalised, a number, an address ("Amara.org", a URL), or
 * a small joining word, with at least one that is not a joiner? */
static int
is_name(const char *s, size_t n, size_t from)
{
    struct tc_word w;
    size_t pos = from, words = 0, i, l;
    int real = 0;

    while (tc_word_next(s, n, &pos, &w)) {
        const char *c = s + w.cstart;

        l = w.cend - w.cstart;
        if (l == 0)
            continue;               /* a lone ':' or '-' */
        if (++words > CREDIT_NAME_WORDS)
            return 0;
        if (tc_is_upper_at(c, l) || (*c >= '0' && *c <= '9') ||
            is_url(c, l) || memchr(c, '.', l) != NULL) {
            real = 1;
            continue;
        }
        for (i = 0; name_joiners[i] != NULL; i++)
            if (strlen(name_joiners[i]) == l &&
                memcmp(name_joiners[i], c, l) == 0)
                break;
        if (name_joiners[i] == NULL)
            return 0;
    }
    return real;
}

/* A credit line: one naming a known service, a line that is only a web
 * address, or a credit phrase followed by a name and nothing else. */
static int
is_credit(struct nonspeech *ns, const char *s, size_t n)
{
    struct tc_word w;
    const char *p;
    size_t i, l, pos, words;

    while (n > 0 && (tc_is_space(*s) || tc_is_punct(s, n, 0, &l))) {
        l = tc_is_space(*s) ? 1 : l;
        s += l;
        n -= l;
    }
    tc_buf_clear(&ns->fold);
    if (tc_fold_add(&ns->fold, s, n) != TC_OK)
        return 0;
    p = ns->fold.data;
    for (i = 0; credit_sites[i] != NULL; i++)
        if (strstr(p, credit_sites[i]) != NULL)
            return 1;
    pos = 0;
    if (tc_word_next(s, n, &pos, &w) && !tc_word_next(s, n, &pos, &w) &&
        is_url(s, n))
        return 1;
    for (i = 0; credit_starts[i] != NULL; i++) {
        if (p[0] != credit_starts[i][0])
            continue;
        l = strlen(credit_starts[i]);
        if (strncmp(p, credit_starts[i], l) == 0 &&
            (p[l] == ' ' || p[l] == ':'))
            break;
    }
    if (credit_starts[i] == NULL)
        return 0;
    /* the name starts after as many tokens as the phrase has words */
    for (words = 1, l = 0; credit_starts[i][l] != '\0'; l++)
        words += credit_starts[i][l] == ' ';
    pos = 0;
    while (words > 0 && tc_word_next(s, n, &pos, &w))
        words--;
    return is_name(s, n, pos);
}

/* The closing bracket of the one at i, within max_words words; 0 if none
 * (an unclosed or nested bracket is left alone as text). */
static size_t
bracket_close(const struct nonspeech *ns, const char *f, size_t n, size_t i)
{
    char open = f[i], close = open == '[' ? ']' : open == '(' ? ')' : '}';
    long words = 0;
    int inword = 0;
    size_t k;

    for (k = i + 1; k < n; k++) {
        if (f[k] == close)
            return k;
        if (f[k] == open)
            return 0;
        if (tc_is_space(f[k])) {
            inword = 0;
        } else if (!inword) {
            inword = 1;
            if (++words > ns->max_words)
                return 0;
        }
    }
    return 0;
}

/* May the character ending at f[i] come right before an annotation's
 * opening bracket: an opening quote, a dialogue dash, an inverted
 * question or exclamation mark? */
static int
opens_before(const char *f, size_t i)
{
    static const char *const open[] = {
        "\"", "'", "-", "\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB",
        "\xC2\xBF", "\xC2\xA1", "\xE2\x80\x93", "\xE2\x80\x94", NULL
    };
    size_t k, l;

    for (k = 0; open[k] != NULL; k++) {
        l = strlen(open[k]);
        if (i >= l && memcmp(f + i - l, open[k], l) == 0)
            return 1;
    }
    return 0;
}

/* An annotation stands alone: no letter, digit or other bracket is glued
 * to either side of it.  "f(x)", "a[i]" and "b(y)[j]" are text; "[Music]",
 * "- [laughs]," and "\"(sighs)\"" are annotations.  A lone letter or a
 * number in brackets ("index [i]", "step (2)") is text too: no sound is
 * described that way. */
static int
stands_alone(const char *f, size_t n, size_t open, size_t close)
{
    size_t after = close + 1, l, s = open + 1, e = close, k;
    int digits = 1;

    while (s < e && tc_is_space(f[s]))
        s++;
    while (e > s && tc_is_space(f[e - 1]))
        e--;
    for (k = s; k < e; k++)
        digits &= f[k] >= '0' && f[k] <= '9';
    if (e > s && digits)
        return 0;
    if (e == s + 1 && ((f[s] >= 'a' && f[s] <= 'z') ||
                       (f[s] >= 'A' && f[s] <= 'Z')))
        return 0;

    if (open > 0 && !tc_is_space(f[open - 1]) && !opens_before(f, open))
        return 0;
    if (after >= n || tc_is_space(f[after]))
        return 1;
    return tc_is_punct(f, n, after, &l) && strchr("([{", f[after]) == NULL;
}

/* What a line keeps is only a dialogue dash, punctuation or a speaker
 * label ("MAN:", "- NARRATOR:"): with its annotation gone, it goes too. */
static int
remnant_is_empty(struct nonspeech *ns, const char *f, size_t ls, size_t le,
                 size_t first_cut)
{
    const struct tc_edit *e = &ns->ed;
    size_t k = ls, c = first_cut, l;
    int upper = 0, other = 0, colon_last = 0;

    for (k = ls; k < le; k++) {
        while (c < e->ncuts && e->cuts[c].to <= k)
            c++;
        if (c < e->ncuts && e->cuts[c].from <= k)
            continue;
        if (tc_is_space(f[k]))
            continue;
        colon_last = f[k] == ':';
        if (f[k] >= 'A' && f[k] <= 'Z')
            upper = 1;
        else if (tc_is_punct(f, le, k, &l))
            k += l - 1;
        else if ((f[k] >= '0' && f[k] <= '9'))
            ;
        else
            other = 1;
    }
    if (!upper && !other)
        return 1;
    return !other && colon_last;
}

static int
ns_cut(struct nonspeech *ns)
{
    struct tc_edit *e = &ns->ed;
    const char *f = e->flat.data;
    size_t n = e->flat.len, i = 0, ls = 0, le = 0, first = 0, close;
    int rc = TC_OK;

    while (i <= n && rc == TC_OK) {
        if (i == n || f[i] == '\n') {
            /* end of a line: drop what its annotations left behind */
            if (e->ncuts > first && remnant_is_empty(ns, f, ls, le, first)) {
                e->ncuts = first;
                rc = tc_edit_cut(e, ls, le);
            }
            i++;
            continue;
        }
        if (i == 0 || f[i - 1] == '\n') {
            const char *nl = memchr(f + i, '\n', n - i);

            ls = i;
            le = nl ? (size_t)(nl - f) : n;
            first = e->ncuts;
            if (ns->credits && is_credit(ns, f + ls, le - ls)) {
                rc = tc_edit_cut(e, ls, le);
                i = le;
                continue;
            }
        }
        if (!ns->keep_music && is_note(f, n, i)) {
            /* the song runs from its notes (one or several) to the next
             * notes, or to the end of the line: what follows a closing
             * note is speech again */
            size_t k = i;

            while (k < le && is_note(f, n, k))
                k += 3;
            while (k < le && !is_note(f, n, k))
                k++;
            while (k < le && is_note(f, n, k))
                k += 3;
            rc = tc_edit_cut(e, i, k);
            i = k;
            continue;
        }
        if ((f[i] == '[' && ns->square) || (f[i] == '(' && ns->round) ||
            (f[i] == '{' && ns->curly)) {
            close = bracket_close(ns, f, n, i);
            if (close != 0 && stands_alone(f, n, i, close)) {
                rc = tc_edit_cut(e, i, close + 1);
                i = close + 1;
                if (close >= le) {
                    /* it spanned lines: go on in the line it closed in */
                    const char *nl = memchr(f + close, '\n', n - close);

                    for (ls = close; ls > 0 && f[ls - 1] != '\n'; ls--)
                        ;
                    le = nl ? (size_t)(nl - f) : n;
                    first = e->ncuts - 1;
                }
                continue;
            }
        }
        i++;
    }
    return rc;
}

static int
nonspeech_push(struct tc_stage *st, struct tc_cue *cue)
{
    struct nonspeech *ns = (struct nonspeech *)st;
    size_t show;
    int rc;

    rc = tc_edit_load(&ns->ed, &cue->text);
    if (rc == TC_OK)
        rc = ns_cut(ns);
    if (rc != TC_OK || ns->ed.ncuts == 0) {
        if (rc != TC_OK) {
            tc_cue_free(cue);
            return rc;
        }
        return tc_stage_push(st->next, cue);
    }
    tc_buf_clear(&ns->orig);
    tc_buf_add(&ns->orig, ns->ed.flat.data, ns->ed.flat.len);
    rc = tc_edit_apply(&ns->ed, &cue->text);
    if (rc == TC_OK)
        rc = tc_buf_status(&ns->orig);
    if (rc != TC_OK) {
        tc_cue_free(cue);
        return rc;
    }
    if (!tc_text_is_blank(&cue->text))
        return tc_stage_push(st->next, cue);
    /* show the start of what went, whole characters only */
    show = strcspn(ns->orig.data, "\n");
    if (show > SHOW_MAX) {
        show = SHOW_MAX;
        while (show > 0 && ((unsigned char)ns->orig.data[show] & 0xC0) ==
                               0x80)
            show--;
    }
    rc = tc_diagf(st->ctx, TC_D_CUE_DROPPED, cue->line, 0,
                  "nothing but non-speech text: %.*s%s", (int)show,
                  ns->orig.data, show < ns->orig.len ? " ..." : "");
    tc_cue_free(cue);
    return rc;
}

static void
nonspeech_destroy(struct tc_stage *st)
{
    struct nonspeech *ns = (struct nonspeech *)st;

    tc_edit_release(&ns->ed);
    tc_buf_release(&ns->orig);
    tc_buf_release(&ns->fold);
    free(ns);
}

static const struct tc_stage_ops nonspeech_ops = {
    .name = "nonspeech",
    .push = nonspeech_push,
    .destroy = nonspeech_destroy,
};

/* brackets=square+round+curly, or none */
static int
parse_brackets(struct nonspeech *ns, const struct tc_args *args,
               struct tc_ctx *ctx)
{
    const char *v = tc_args_get(args, "brackets"), *p = v;

    ns->square = ns->round = ns->curly = 0;
    if (v == NULL || strcmp(v, "none") == 0)
        return TC_OK;
    while (*p != '\0') {
        size_t l = strcspn(p, "+");

        if (l == 6 && strncmp(p, "square", 6) == 0)
            ns->square = 1;
        else if (l == 5 && strncmp(p, "round", 5) == 0)
            ns->round = 1;
        else if (l == 5 && strncmp(p, "curly", 5) == 0)
            ns->curly = 1;
        else {
            tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                     "nonspeech: brackets=%s: expected square, round, "
                     "curly joined by +, or none", v);
            return TC_ERR_ARG;
        }
        p += l;
        if (*p == '+')
            p++;
    }
    return TC_OK;
}

static int
nonspeech_create(struct tc_ctx *ctx, const struct tc_args *args,
                 struct tc_stage **out)
{
    struct nonspeech *ns = calloc(1, sizeof *ns);
    int rc;

    if (ns == NULL)
        return TC_ERR_NOMEM;
    tc_edit_init(&ns->ed);
    tc_buf_init(&ns->orig, 0);
    tc_buf_init(&ns->fold, 0);
    ns->base.ops = &nonspeech_ops;
    ns->base.ctx = ctx;
    rc = parse_brackets(ns, args, ctx);
    if (rc == TC_OK)
        rc = tc_args_bool(args, "keep-music", &ns->keep_music);
    if (rc == TC_OK)
        rc = tc_args_bool(args, "credits", &ns->credits);
    if (rc == TC_OK)
        rc = tc_args_long(args, "max-words", &ns->max_words);
    if (rc == TC_OK && ns->max_words < 1) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                 "nonspeech: max-words=%ld: expected at least 1",
                 ns->max_words);
        rc = TC_ERR_ARG;
    }
    if (rc != TC_OK) {
        nonspeech_destroy(&ns->base);
        return rc;
    }
    *out = &ns->base;
    return TC_OK;
}

static const struct tc_option nonspeech_options[] = {
    { "brackets", "square+round",
      "bracket styles holding annotations: square, round, curly joined "
      "by +, or none" },
    { "max-words", "8",
      "longest bracketed text taken as an annotation, in words" },
    { "keep-music", "no", "keep music notes and the lyrics between them" },
    { "credits", "yes",
      "remove transcription and subtitle credit lines" },
    { NULL, NULL, NULL }
};

const struct tc_filter tc_filter_nonspeech = {
    .name    = "nonspeech",
    .desc    = "remove non-speech tags and credit lines",
    .options = nonspeech_options,
    .create  = nonspeech_create,
};
