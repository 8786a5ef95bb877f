/* test_ttml_util.c -- the TTML reader driven without a writer: a stage
 * that keeps every cue it is given, so tests can look at times and runs
 * exactly as the reader made them (ends still unset, no endfix). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_ttml_util.h"
#include "memio.h"

struct keep {
    struct tc_stage base;
    struct got *g;
};

static int
keep_push(struct tc_stage *st, struct tc_cue *c)
{
    struct got *g = ((struct keep *)st)->g;
    struct got_cue *k;
    size_t i;

    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 16;
        g->v = realloc(g->v, g->cap * sizeof *g->v);
        ck_assert(g->v != NULL);
    }
    k = &g->v[g->n++];
    memset(k, 0, sizeof *k);
    k->start = c->start;
    k->end = c->end;
    k->text = tc_text_plain(&c->text);
    k->vpos = c->place.vpos;
    for (i = 0; i < c->text.nruns; i++) {
        const struct tc_run *r = &c->text.runs[i];

        k->style |= r->style;
        if (r->style & TC_STYLE_COLOR)
            k->color = r->color;
        if (k->voice == NULL && r->voice != 0)
            k->voice = strdup(tc_text_str(&c->text, r->voice));
        if (k->lang == NULL && r->lang != 0)
            k->lang = strdup(tc_text_str(&c->text, r->lang));
    }
    tc_cue_free(c);
    return TC_OK;
}

static const struct tc_stage_ops keep_ops = {
    .name = "keep",
    .push = keep_push,
};

static void
collect(const struct tc_diag *d, void *ud)
{
    struct tc_buf *b = ud;

    tc_buf_addf(b, "%lu:%u: %s: %s%s%s\n", d->line, d->col,
                tc_severity_name(d->sev), d->message, d->detail ? ": " : "",
                d->detail ? d->detail : "");
}

/* Read TTML from the file at path, or (path NULL) from the n bytes at
 * text. */
static void
read_input(const char *path, const char *text, size_t n, const char *key,
           const char *value, int strict, struct got *g)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_buf d = TC_BUF_INIT;
    struct tc_source *src = NULL;
    struct keep k;

    memset(g, 0, sizeof *g);
    ck_assert(ctx != NULL);
    tc_ctx_set_diag(ctx, collect, &d);
    memset(&k, 0, sizeof k);
    k.base.ops = &keep_ops;
    k.base.ctx = ctx;
    k.g = g;
    tc_ctx_set_strict(ctx, strict);
    g->rc = key != NULL ? tc_ctx_set_option(ctx, key, value) : TC_OK;
    if (g->rc == TC_OK && path != NULL)
        g->rc = tc_source_open(ctx, path, &src);
    else if (g->rc == TC_OK)
        g->rc = (src = unit_source(ctx, text, n, NULL)) != NULL
                    ? TC_OK : TC_ERR_NOMEM;
    if (g->rc == TC_OK)
        g->rc = tc_format_find("ttml")->read(src, &k.base);
    tc_source_free(src);
    tc_ctx_free(ctx);
    g->diags = tc_buf_detach(&d);
}

void
ttml_read_file(const char *path, struct got *g)
{
    read_input(path, NULL, 0, NULL, NULL, 0, g);
}

static void
read_text(const char *text, const char *key, const char *value, int strict,
          struct got *g)
{
    read_input(NULL, text, strlen(text), key, value, strict, g);
}

void
ttml_read_text_opt(const char *text, const char *key, const char *value,
                   struct got *g)
{
    read_text(text, key, value, 0, g);
}

void
ttml_read_text_strict(const char *text, struct got *g)
{
    read_text(text, NULL, NULL, 1, g);
}

void
ttml_read_text(const char *text, struct got *g)
{
    read_text(text, NULL, NULL, 0, g);
}

void
got_free(struct got *g)
{
    size_t i;

    for (i = 0; i < g->n; i++) {
        free(g->v[i].text);
        free(g->v[i].voice);
        free(g->v[i].lang);
    }
    free(g->v);
    free(g->diags);
    memset(g, 0, sizeof *g);
}

const char *
ttml_data(const char *rel)
{
    static char path[4096];
    const char *top = getenv("top_srcdir");

    snprintf(path, sizeof path, "%s/tests/data/ttml/%s", top ? top : ".",
             rel);
    return path;
}
