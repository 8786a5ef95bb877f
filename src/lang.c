/* lang.c -- the language of the text: declared, or guessed from the first
 * cues with libexttextcat; lang.h says the rules.
 *
 * libexttextcat (LibreOffice's n-gram language guesser, after Cavnar and
 * Trenkle's TextCat) ranks its fingerprints and returns those within 3%
 * of the best.  A guess is taken when there is one, when all of them are
 * one language ("zh-CN" and "zh-TW"), or when the best is ahead of the
 * next by GUESS_LEAD_PERMILLE: English text often brings Scots along
 * 1% behind, while a one-line French sample has Romansh 0.3% behind.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_EXTTEXTCAT
#include <textcat.h>
#endif

#include "ctx.h"

#define GUESS_LEAD_PERMILLE 5

/* ---- tags -------------------------------------------------------------- */

static int
is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_alnum(char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

/* The primary subtag of a language tag ("pt-BR", "en_US", "DE"), lower
 * case, into out[TC_LANG_MAX]; 0 when s is not a tag or names no
 * language ("und", "mul", "zxx").  Subtags after it are only checked for
 * their form (1 to 8 letters or digits). */
static int
primary(const char *s, char *out)
{
    size_t n = 0, k;

    /* ISO 639: two or three letters (longer ones are reserved, and
     * "English" in a header is a name, not a tag) */
    while (is_alpha(s[n]))
        n++;
    if (n < 2 || n > 3)
        return 0;
    for (k = n; s[k] != '\0';) {
        size_t len = 0;

        if (s[k] != '-' && s[k] != '_')
            return 0;
        k++;
        while (is_alnum(s[k + len]))
            len++;
        if (len < 1 || len > 8)
            return 0;
        k += len;
    }
    for (k = 0; k < n; k++)
        out[k] = (char)(s[k] | 0x20);
    out[n] = '\0';
    return strcmp(out, "und") != 0 && strcmp(out, "mul") != 0 &&
           strcmp(out, "zxx") != 0;
}

int
tc_lang_valid_option(const char *s)
{
    char p[TC_LANG_MAX];

    return strcmp(s, "auto") == 0 || strcmp(s, "und") == 0 || primary(s, p);
}

/* ---- guessing ------------------------------------------------------------ */

#ifdef HAVE_EXTTEXTCAT
/* "da--utf8", "zh-CN-utf8", "haw-utf8": the part before the first '-'.
 * Scots is taken for English: the guesser ranks it next to English for
 * any English without capitals or punctuation (speech transcripts), and
 * for the filters English is right for it too. */
static void
fp_lang(const char *name, char *out)
{
    size_t n = strcspn(name, "-");

    if (n >= TC_LANG_MAX)
        n = TC_LANG_MAX - 1;
    memcpy(out, name, n);
    out[n] = '\0';
    if (strcmp(out, "sco") == 0)
        memcpy(out, "en", 3);
}

static void
guess(struct tc_ctx *ctx, const char *s, size_t n, struct tc_lang *out)
{
    candidate_t *c;
    char best[TC_LANG_MAX], l[TC_LANG_MAX];
    size_t used = 0;
    int k, i, ib = 0, i2 = -1, one = 1;

    if (ctx->textcat == NULL && !ctx->textcat_failed) {
        ctx->textcat = special_textcat_Init(TC_TEXTCAT_DIR "fpdb.conf",
                                            TC_TEXTCAT_DIR);
        if (ctx->textcat == NULL) {
            ctx->textcat_failed = 1;
            tc_diagf(ctx, TC_D_LANG, 0, 0, "cannot load the guesser's "
                     "data from %s", TC_TEXTCAT_DIR);
        }
    }
    if (ctx->textcat == NULL)
        return;
    c = textcat_GetClassifyFullOutput(ctx->textcat);
    if (c == NULL)
        return;
    k = textcat_ClassifyFull(ctx->textcat, s, n, c);
    for (i = 1; i < k; i++)
        if (c[i].score < c[ib].score)
            ib = i;
    if (k > 0) {
        fp_lang(c[ib].name, best);
        used = (size_t)snprintf(out->candidates, sizeof out->candidates,
                                "%s", best);
    }
    /* the best of the other languages (lower scores are better) */
    for (i = 0; i < k; i++) {
        fp_lang(c[i].name, l);
        if (strcmp(l, best) == 0)
            continue;
        one = 0;
        if (i2 < 0 || c[i].score < c[i2].score)
            i2 = i;
        if (strstr(out->candidates, l) == NULL &&
            used + 1 + strlen(l) < sizeof out->candidates)
            used += (size_t)snprintf(out->candidates + used,
                                     sizeof out->candidates - used, " %s",
                                     l);
    }
    if (k > 0 && (one || (long)(c[i2].score - c[ib].score) * 1000 >=
                             (long)c[ib].score * GUESS_LEAD_PERMILLE)) {
        memcpy(out->tag, best, strlen(best) + 1);
        out->how = TC_LANG_GUESSED;
    }
    textcat_ReleaseClassifyFullOutput(ctx->textcat, c);
}
#endif

const char *
tc_lang_resolve(struct tc_ctx *ctx, const struct tc_track *t,
                const char *sample, size_t n, struct tc_lang *out)
{
    const char *opt = tc_ctx_option(ctx, "lang");
    size_t i, letters = 0;

    memset(out, 0, sizeof *out);
    if (opt != NULL && strcmp(opt, "auto") != 0) {
        out->how = TC_LANG_OPTION;
        if (!primary(opt, out->tag))
            out->tag[0] = '\0';                /* "und": do not guess */
        return out->tag[0] != '\0' ? out->tag : NULL;
    }
    if (t != NULL && t->lang != NULL && primary(t->lang, out->tag)) {
        out->how = TC_LANG_TRACK;
        return out->tag;
    }
    out->tag[0] = '\0';
    for (i = 0; i < n; i++)
        letters += is_alpha(sample[i]) || (unsigned char)sample[i] >= 0x80;
    if (letters < TC_LANG_SAMPLE_MIN) {
        out->too_short = sample != NULL;    /* NULL: no text was looked at */
        return NULL;
    }
#ifdef HAVE_EXTTEXTCAT
    guess(ctx, sample, n, out);
#endif
    return out->tag[0] != '\0' ? out->tag : NULL;
}

void
tc_lang_want(struct tc_ctx *ctx)
{
    ctx->lang_want = 1;
}

const struct tc_lang *
tc_lang_current(const struct tc_ctx *ctx)
{
    return ctx->lang_done ? &ctx->lang : NULL;
}

void
tc_lang_reset(struct tc_ctx *ctx)
{
    ctx->lang_want = 0;
    ctx->lang_done = 0;
    memset(&ctx->lang, 0, sizeof ctx->lang);
}

void
tc_lang_release(struct tc_ctx *ctx)
{
#ifdef HAVE_EXTTEXTCAT
    if (ctx->textcat != NULL)
        textcat_Done(ctx->textcat);
#endif
    ctx->textcat = NULL;
}

/* ---- the look-ahead stage ------------------------------------------------ */

static const char *
why_no_guess(void)
{
#ifdef HAVE_EXTTEXTCAT
    return "no data for the guesser";
#else
    return "this build cannot guess (no libexttextcat)";
#endif
}

struct lookahead {
    struct tc_stage base;
    struct tc_cue *held[TC_LANG_SAMPLE_CUES];
    size_t nheld;
    struct tc_buf sample;
    char track_lang[64];        /* the input's declaration, copied */
    int have_track;
};

/* Resolve once, say so (a note), and hand on what is held. */
static int
la_release(struct lookahead *la)
{
    struct tc_ctx *ctx = la->base.ctx;
    struct tc_lang *l = &ctx->lang;
    struct tc_track t;
    size_t i;
    int rc = TC_OK;

    if (!ctx->lang_done) {
        memset(&t, 0, sizeof t);
        t.lang = la->have_track ? la->track_lang : NULL;
        tc_lang_resolve(ctx, &t, la->sample.data, la->sample.len, l);
        ctx->lang_done = 1;
        if (l->how == TC_LANG_GUESSED)
            rc = tc_diagf(ctx, TC_D_LANG, 0, 0, "%s, guessed from the first "
                          "cues (--lang=TAG sets it)", l->tag);
        else if (l->how == TC_LANG_UNKNOWN && l->too_short)
            rc = tc_diagf(ctx, TC_D_LANG, 0, 0, "unknown: too little text "
                          "to tell (fewer than %d letters)",
                          TC_LANG_SAMPLE_MIN);
        else if (l->how == TC_LANG_UNKNOWN)
            rc = tc_diagf(ctx, TC_D_LANG, 0, 0, "unknown: %s%s",
                          l->candidates[0] != '\0' ? "no sure guess among "
                          : why_no_guess(), l->candidates);
        tc_buf_release(&la->sample);
    }
    for (i = 0; i < la->nheld; i++) {
        struct tc_cue *c = la->held[i];

        la->held[i] = NULL;
        if (rc == TC_OK)
            rc = tc_stage_push(la->base.next, c);
        else
            tc_cue_free(c);
    }
    la->nheld = 0;
    return rc;
}

static int
la_track(struct tc_stage *st, const struct tc_track *t)
{
    struct lookahead *la = (struct lookahead *)st;
    struct tc_lang l;

    if (t != NULL && t->lang != NULL &&
        strlen(t->lang) < sizeof la->track_lang) {
        memcpy(la->track_lang, t->lang, strlen(t->lang) + 1);
        la->have_track = 1;
    }
    /* declared: nothing to wait for */
    tc_lang_resolve(st->ctx, t, NULL, 0, &l);
    if (l.how != TC_LANG_UNKNOWN) {
        int rc = la_release(la);

        if (rc != TC_OK)
            return rc;
    }
    return tc_stage_track(st->next, t);
}

static int
la_push(struct tc_stage *st, struct tc_cue *cue)
{
    struct lookahead *la = (struct lookahead *)st;
    size_t i;

    if (st->ctx->lang_done)
        return tc_stage_push(st->next, cue);
    la->held[la->nheld++] = cue;
    for (i = 0; i < cue->text.nruns; i++) {
        const struct tc_run *r = &cue->text.runs[i];
        size_t room = TC_LANG_SAMPLE_BYTES - la->sample.len;

        if (!(r->style & TC_STYLE_RT) && la->sample.len < TC_LANG_SAMPLE_BYTES)
            tc_buf_add(&la->sample, cue->text.pool + r->off,
                       r->len < room ? r->len : room);
    }
    tc_buf_addc(&la->sample, '\n');
    if (la->nheld == TC_LANG_SAMPLE_CUES ||
        la->sample.len >= TC_LANG_SAMPLE_BYTES ||
        (st->ctx->live_in && cue->start != TC_TIME_NONE &&
         la->held[0]->start != TC_TIME_NONE &&
         cue->start - la->held[0]->start >= TC_LANG_LIVE_MS) ||
        tc_buf_status(&la->sample) != TC_OK)
        return la_release(la);
    return TC_OK;
}

static int
la_finish(struct tc_stage *st)
{
    int rc = la_release((struct lookahead *)st);

    return rc != TC_OK ? rc : tc_stage_finish(st->next);
}

static void
la_destroy(struct tc_stage *st)
{
    struct lookahead *la = (struct lookahead *)st;
    size_t i;

    for (i = 0; i < la->nheld; i++)
        tc_cue_free(la->held[i]);
    tc_buf_release(&la->sample);
    free(la);
}

static const struct tc_stage_ops lookahead_ops = {
    .name = "language look-ahead",
    .track = la_track,
    .push = la_push,
    .finish = la_finish,
    .destroy = la_destroy,
};

int
tc_lang_stage_new(struct tc_ctx *ctx, struct tc_stage *head,
                  struct tc_stage **out)
{
    struct lookahead *la;

    *out = head;
    if (!ctx->lang_want)
        return TC_OK;
    la = calloc(1, sizeof *la);
    if (la == NULL)
        return TC_ERR_NOMEM;
    la->base.ops = &lookahead_ops;
    la->base.ctx = ctx;
    la->base.next = head;
    tc_buf_init(&la->sample, 0);
    *out = &la->base;
    return TC_OK;
}
