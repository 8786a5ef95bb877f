/* src/filters/tidy.c -- small repairs a subtitler makes before anything
 * else.
 *
 * - Boilerplate placement (placement=auto): a placement that every cue
 *   shares carries no information.  YouTube's automatic captions put
 *   "align:start position:0%" on every cue, which would become {\an1} on
 *   every SubRip cue.  When the first cue has a placement or region, up to
 *   WINDOW cues are held: if all of them share it, it is dropped from them
 *   and from every later cue that has exactly it, with one note; if any
 *   differs, placement means something here and every cue keeps its own.
 *   A cue without placement passes at once, so most input waits for
 *   nothing.  placement=keep turns this off.
 * - The English pronoun (pronoun=yes): "i", "i'm", "i'll", "i've", "i'd"
 *   are written with a capital, as lower-case speech transcripts lack it.
 *   Only where the text is known to be English (lang=en, or under
 *   lang=auto what src/lang.h resolves: --lang, the input's declaration,
 *   a sure guess): "i" is a word of its own in other languages (Italian
 *   "i", Danish and Swedish "i").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "lexicon.h"
#include "textops.h"

#define WINDOW 32

enum { UNDECIDED, DROP, KEEP };

struct tidy {
    struct tc_stage base;
    struct tc_edit ed;
    struct tc_lex_choice lc;    /* the pronoun rule is for English */
    int pronoun;
    int state;                  /* of the placement: UNDECIDED, DROP, KEEP */
    struct tc_cue *model;       /* the placement that is dropped */
    struct tc_cue *held[WINDOW];
    size_t nheld;
    unsigned long dropped;
};

/* Has the cue a placement or a region at all? */
static int
placed(const struct tc_cue *c)
{
    struct tc_cue plain;

    memset(&plain, 0, sizeof plain);
    tc_place_init(&plain.place);
    return !tc_cue_same_frame(c, &plain);
}

/* "i" and "i'm" ... as "I", "I'm" ... */
static int
capitalise_i(struct tidy *td, struct tc_cue *c)
{
    static const char *const forms[] = { "'m", "'ll", "'ve", "'d",
        "\xE2\x80\x99m", "\xE2\x80\x99ll", "\xE2\x80\x99ve",
        "\xE2\x80\x99" "d" };
    const char *f;
    size_t n, pos = 0, i, k;
    struct tc_word w;
    int rc = tc_edit_load(&td->ed, &c->text);

    f = td->ed.flat.data;
    n = td->ed.flat.len;
    while (rc == TC_OK && tc_word_next(f, n, &pos, &w)) {
        if (f[w.cstart] != 'i')
            continue;
        k = w.cend - w.cstart;
        for (i = 0; k > 1 && i < sizeof forms / sizeof forms[0]; i++)
            if (k == 1 + strlen(forms[i]) &&
                memcmp(f + w.cstart + 1, forms[i], k - 1) == 0)
                k = 1;
        if (k == 1)
            tc_text_upcase_at(&c->text, w.cstart);
    }
    return rc;
}

static int
forward(struct tidy *td, struct tc_cue *c)
{
    int rc = TC_OK;

    if (td->state == DROP && td->model != NULL &&
        tc_cue_same_frame(c, td->model)) {
        tc_place_init(&c->place);
        rc = tc_cue_set_region(c, NULL, 0);
        td->dropped++;
    }
    tc_lex_get(&td->lc, td->base.ctx);
    if (rc == TC_OK && td->pronoun && td->lc.english)
        rc = capitalise_i(td, c);
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    return tc_stage_push(td->base.next, c);
}

/* Decide on the held cues and pass them on. */
static int
release(struct tidy *td, int state)
{
    size_t i;
    int rc = TC_OK;

    td->state = state;
    if (state == DROP) {
        td->model = tc_cue_new(td->base.ctx);
        if (td->model == NULL)
            rc = TC_ERR_NOMEM;
        if (rc == TC_OK)
            rc = tc_cue_copy(td->model, td->held[0]);
        if (rc == TC_OK)
            rc = tc_diagf(td->base.ctx, TC_D_NOTE, td->held[0]->line, 0,
                          "every cue has the same placement: dropped, as "
                          "it says nothing (tidy:placement=keep keeps it)");
    }
    for (i = 0; i < td->nheld; i++) {
        struct tc_cue *c = td->held[i];

        td->held[i] = NULL;
        if (rc == TC_OK)
            rc = forward(td, c);
        else
            tc_cue_free(c);
    }
    td->nheld = 0;
    return rc;
}

static int
tidy_push(struct tc_stage *st, struct tc_cue *c)
{
    struct tidy *td = (struct tidy *)st;

    if (td->state != UNDECIDED)
        return forward(td, c);
    if (td->nheld == 0 && !placed(c)) {
        td->state = KEEP;
        return forward(td, c);
    }
    if (td->nheld > 0 && !tc_cue_same_frame(c, td->held[0])) {
        int rc = release(td, KEEP);

        if (rc != TC_OK) {
            tc_cue_free(c);
            return rc;
        }
        return forward(td, c);
    }
    td->held[td->nheld++] = c;
    return td->nheld == WINDOW ? release(td, DROP) : TC_OK;
}

static int
tidy_finish(struct tc_stage *st)
{
    struct tidy *td = (struct tidy *)st;
    int rc = td->nheld > 0 ? release(td, DROP) : TC_OK;

    if (rc == TC_OK && td->dropped > WINDOW)
        rc = tc_diagf(st->ctx, TC_D_NOTE, 0, 0, "placement dropped from %lu "
                      "cues", td->dropped);
    if (rc != TC_OK)
        return rc;
    return tc_stage_finish(st->next);
}

static void
tidy_destroy(struct tc_stage *st)
{
    struct tidy *td = (struct tidy *)st;
    size_t i;

    for (i = 0; i < td->nheld; i++)
        tc_cue_free(td->held[i]);
    tc_cue_free(td->model);
    tc_edit_release(&td->ed);
    free(td);
}

static const struct tc_stage_ops tidy_ops = {
    .name = "tidy",
    .push = tidy_push,
    .finish = tidy_finish,
    .destroy = tidy_destroy,
};

static int
tidy_create(struct tc_ctx *ctx, const struct tc_args *args,
            struct tc_stage **out)
{
    struct tidy *td = calloc(1, sizeof *td);
    const char *v;
    int rc;

    if (td == NULL)
        return TC_ERR_NOMEM;
    td->base.ops = &tidy_ops;
    td->base.ctx = ctx;
    tc_edit_init(&td->ed);
    rc = tc_lex_from_args(args, &td->lc);
    if (rc == TC_OK)
        rc = tc_args_bool(args, "pronoun", &td->pronoun);
    v = tc_args_get(args, "placement");
    if (rc == TC_OK && v != NULL && strcmp(v, "keep") == 0) {
        td->state = KEEP;
    } else if (rc == TC_OK && (v == NULL || strcmp(v, "auto") != 0)) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                 "tidy: placement=%s: expected auto or keep", v ? v : "");
        rc = TC_ERR_ARG;
    }
    if (rc != TC_OK) {
        tidy_destroy(&td->base);
        return rc;
    }
    *out = &td->base;
    return TC_OK;
}

static const struct tc_option tidy_options[] = {
    { "placement", "auto",
      "auto: drop a placement every cue shares (it says nothing); keep" },
    { "pronoun", "yes", "write the English pronoun i as I" },
    { "lang", "auto", "en, de, fr or es; auto: the language of the text "
                      "(--lang, declared or guessed)" },
    { NULL, NULL, NULL }
};

const struct tc_filter tc_filter_tidy = {
    .name    = "tidy",
    .desc    = "drop placement every cue shares; the English pronoun I",
    .options = tidy_options,
    .create  = tidy_create,
};
