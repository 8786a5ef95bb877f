/* ctx.c -- the context: options, the filter chain, diagnostics state and
 * the cue free list. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "ctx.h"

#define FREE_MAX 256   /* cues kept for reuse; a window rarely needs more */

struct tc_ctx *
tc_ctx_new(void)
{
    struct tc_ctx *ctx = calloc(1, sizeof *ctx);

    if (ctx == NULL)
        return NULL;
    ctx->optval = calloc(tc_option_count() + 1, sizeof *ctx->optval);
    if (ctx->optval == NULL) {
        free(ctx);
        return NULL;
    }
    ctx->worst = -1;
    tc_buf_init(&ctx->diagbuf, 0);
    tc_buf_init(&ctx->dropwhy, 0);
    return ctx;
}

static void
args_release(struct tc_args *a)
{
    size_t i;

    for (i = 0; i < a->n; i++) {
        free(a->keys[i]);
        free(a->vals[i]);
    }
    free(a->keys);
    free(a->vals);
}

void
tc_ctx_clear_filters(struct tc_ctx *ctx)
{
    size_t i;

    for (i = 0; i < ctx->nfilters; i++)
        args_release(&ctx->filters[i]);
    ctx->nfilters = 0;
}

void
tc_ctx_free(struct tc_ctx *ctx)
{
    size_t i;

    if (ctx == NULL)
        return;
    for (i = 0; i < tc_option_count(); i++)
        free(ctx->optval[i]);
    free(ctx->optval);
    tc_ctx_clear_filters(ctx);
    free(ctx->filters);
    for (i = 0; i < ctx->nfree; i++) {
        struct tc_cue *c = ctx->free_cues[i];

        tc_text_release(&c->text);
        free(c->id);
        free(c->region);
        free(c);
    }
    free(ctx->free_cues);
    tc_lang_release(ctx);
    tc_buf_release(&ctx->diagbuf);
    tc_buf_release(&ctx->dropwhy);
    tc_check_free(ctx->check);
    free(ctx->backup);
    free(ctx);
}

void
tc_ctx_set_diag(struct tc_ctx *ctx, tc_diag_fn fn, void *ud)
{
    ctx->diag_fn = fn;
    ctx->diag_ud = ud;
}

int
tc_ctx_worst(const struct tc_ctx *ctx)
{
    return ctx->worst;
}

void
tc_ctx_reset_worst(struct tc_ctx *ctx)
{
    ctx->worst = -1;
}

void
tc_ctx_set_strict(struct tc_ctx *ctx, int strict)
{
    ctx->strict = strict != 0;
}

void
tc_ctx_set_sync(struct tc_ctx *ctx, int sync)
{
    ctx->sync = sync != 0;
}

int
tc_ctx_set_backup(struct tc_ctx *ctx, const char *suffix)
{
    char *copy = NULL;

    if (suffix != NULL) {
        if (*suffix == '\0' || strchr(suffix, '/') != NULL) {
            tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                     "backup suffix '%s': empty, or holds a '/'", suffix);
            return TC_ERR_ARG;
        }
        copy = strdup(suffix);
        if (copy == NULL)
            return TC_ERR_NOMEM;
    }
    free(ctx->backup);
    ctx->backup = copy;
    return TC_OK;
}

int
tc_ctx_strict(const struct tc_ctx *ctx)
{
    return ctx->strict;
}

void
tc_ctx_discarded(struct tc_ctx *ctx, unsigned long n)
{
    ctx->discarded += n;
}

void
tc_ctx_set_file(struct tc_ctx *ctx, const char *name)
{
    ctx->file = name;
}

const char *
tc_ctx_file(const struct tc_ctx *ctx)
{
    return ctx->file;
}

int
tc_ctx_set_option(struct tc_ctx *ctx, const char *key, const char *value)
{
    long i = tc_option_index(key);
    char *v = NULL;

    if (i < 0) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "unknown option '%s'", key);
        return TC_ERR_ARG;
    }
    if (strcmp(key, "profile") == 0 && value != NULL &&
        !tc_profile_exists(value)) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "unknown profile '%s'", value);
        return TC_ERR_ARG;
    }
    if (tc_option_check(ctx, tc_option_at((size_t)i), value) != TC_OK)
        return TC_ERR_ARG;
    if (strcmp(key, "lang") == 0 && value != NULL &&
        !tc_lang_valid_option(value)) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "lang=%s: expected a language "
                 "tag such as en, de or pt-BR, or auto, or und", value);
        return TC_ERR_ARG;
    }
    if (tc_check_option_bad(ctx, key, value))
        return TC_ERR_ARG;
    if (value != NULL) {
        v = strdup(value);
        if (v == NULL)
            return TC_ERR_NOMEM;
    }
    free(ctx->optval[i]);
    ctx->optval[i] = v;
    return TC_OK;
}

const char *
tc_ctx_option(const struct tc_ctx *ctx, const char *key)
{
    long i = tc_option_index(key);
    const char *v, *profile;

    if (i < 0)
        return NULL;
    if (ctx->optval[i] != NULL)
        return ctx->optval[i];
    profile = strcmp(key, "profile") != 0 ? tc_ctx_option(ctx, "profile")
                                          : NULL;
    if (profile != NULL) {
        v = tc_profile_value(profile, key);
        if (v != NULL)
            return v;
    }
    return tc_option_at((size_t)i)->def;
}

/* ---- the filter chain ---------------------------------------------------- */

/* Named sets of filters, in the order they run. */
static const struct {
    const char *name, *filters;
} presets[] = {
    { "clean", "tidy nonspeech fillers dedupe merge wrap timing" },
};

const char *
tc_preset_filters(const char *name)
{
    size_t i;

    for (i = 0; name != NULL && i < sizeof presets / sizeof presets[0]; i++)
        if (strcmp(presets[i].name, name) == 0)
            return presets[i].filters;
    return NULL;
}

int
tc_ctx_add_preset(struct tc_ctx *ctx, const char *name)
{
    const char *p = tc_preset_filters(name);
    char spec[32];
    int rc = TC_OK;

    if (p == NULL) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "unknown preset '%s'",
                 name != NULL ? name : "");
        return TC_ERR_ARG;
    }
    while (*p != '\0' && rc == TC_OK) {
        size_t n = strcspn(p, " ");

        snprintf(spec, sizeof spec, "%.*s", (int)n, p);
        rc = tc_ctx_add_filter(ctx, spec);
        p += n;
        p += *p == ' ';
    }
    return rc;
}

static int
args_add(struct tc_args *a, const char *k, size_t kn, const char *v,
         size_t vn)
{
    char **nk, **nv;

    nk = realloc(a->keys, (a->n + 1) * sizeof *nk);
    if (nk == NULL)
        return TC_ERR_NOMEM;
    a->keys = nk;
    nv = realloc(a->vals, (a->n + 1) * sizeof *nv);
    if (nv == NULL)
        return TC_ERR_NOMEM;
    a->vals = nv;
    a->keys[a->n] = strndup(k, kn);
    a->vals[a->n] = strndup(v, vn);
    if (a->keys[a->n] == NULL || a->vals[a->n] == NULL) {
        free(a->keys[a->n]);
        free(a->vals[a->n]);
        return TC_ERR_NOMEM;
    }
    a->n++;
    return TC_OK;
}

static int
filter_has_option(const struct tc_filter *f, const char *k, size_t kn)
{
    const struct tc_option *o;

    for (o = f->options; o != NULL && o->name != NULL; o++)
        if (strlen(o->name) == kn && memcmp(o->name, k, kn) == 0)
            return 1;
    return 0;
}

int
tc_ctx_add_filter(struct tc_ctx *ctx, const char *spec)
{
    const char *colon = strchr(spec, ':');
    size_t nlen = colon ? (size_t)(colon - spec) : strlen(spec);
    const struct tc_filter *f = NULL;
    struct tc_args a;
    const char *p;
    size_t i;
    int rc;

    for (i = 0; tc_filter_at(i) != NULL; i++) {
        const struct tc_filter *g = tc_filter_at(i);

        if (strlen(g->name) == nlen && memcmp(g->name, spec, nlen) == 0)
            f = g;
    }
    if (f == NULL) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                 "unknown filter '%.*s' (see --list-filters)", (int)nlen,
                 spec);
        return TC_ERR_ARG;
    }
    memset(&a, 0, sizeof a);
    a.filter = f;
    a.ctx = ctx;
    p = colon ? colon + 1 : NULL;
    while (p != NULL && *p != '\0') {
        const char *comma = strchr(p, ',');
        const char *end = comma ? comma : p + strlen(p);
        const char *eq = memchr(p, '=', (size_t)(end - p));

        if (eq == NULL || eq == p) {
            tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                     "filter %s: expected KEY=VALUE, got '%.*s'", f->name,
                     (int)(end - p), p);
            args_release(&a);
            return TC_ERR_ARG;
        }
        if (!filter_has_option(f, p, (size_t)(eq - p))) {
            tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0,
                     "filter %s has no option '%.*s'", f->name,
                     (int)(eq - p), p);
            args_release(&a);
            return TC_ERR_ARG;
        }
        rc = args_add(&a, p, (size_t)(eq - p), eq + 1,
                      (size_t)(end - eq - 1));
        if (rc != TC_OK) {
            args_release(&a);
            return rc;
        }
        p = comma ? comma + 1 : NULL;
    }
    if (ctx->nfilters == ctx->filters_cap) {
        size_t ncap = ctx->filters_cap ? ctx->filters_cap * 2 : 8;
        struct tc_args *nf = realloc(ctx->filters, ncap * sizeof *nf);

        if (nf == NULL) {
            args_release(&a);
            return TC_ERR_NOMEM;
        }
        ctx->filters = nf;
        ctx->filters_cap = ncap;
    }
    ctx->filters[ctx->nfilters++] = a;
    return TC_OK;
}

const char *
tc_args_get(const struct tc_args *a, const char *key)
{
    const struct tc_option *o;
    const char *v = tc_args_spec(a, key);

    if (v != NULL)
        return v;
    if (tc_option_index(key) >= 0)
        return tc_ctx_option(a->ctx, key);
    for (o = a->filter->options; o != NULL && o->name != NULL; o++)
        if (strcmp(o->name, key) == 0)
            return o->def;
    return NULL;
}

const char *
tc_args_spec(const struct tc_args *a, const char *key)
{
    size_t i;

    for (i = a->n; i-- > 0;)
        if (strcmp(a->keys[i], key) == 0)
            return a->vals[i];
    return NULL;
}

static int
args_bad(const struct tc_args *a, const char *key, const char *v,
         const char *want)
{
    tc_diagf(a->ctx, TC_D_BAD_OPTION, 0, 0, "%s: %s=%s: expected %s",
             a->filter->name, key, v, want);
    return TC_ERR_ARG;
}

int
tc_args_long(const struct tc_args *a, const char *key, long *out)
{
    const char *v = tc_args_get(a, key);
    char *end;
    long n;

    if (v == NULL)
        return args_bad(a, key, "", "a number");
    n = strtol(v, &end, 10);
    if (end == v || *end != '\0')
        return args_bad(a, key, v, "a whole number");
    *out = n;
    return TC_OK;
}

int
tc_args_double(const struct tc_args *a, const char *key, double *out)
{
    const char *v = tc_args_get(a, key);
    char *end;
    double d;

    if (v == NULL)
        return args_bad(a, key, "", "a number");
    d = strtod(v, &end);
    if (end == v || *end != '\0' || d != d)
        return args_bad(a, key, v, "a number");
    *out = d;
    return TC_OK;
}

int
tc_parse_duration(const char *v, int64_t *out)
{
    char *end;
    double d;

    d = strtod(v, &end);
    if (end == v || d != d || d > 1e12 || d < -1e12)
        return TC_ERR_ARG;
    if (strcmp(end, "") == 0 || strcmp(end, "ms") == 0)
        ;
    else if (strcmp(end, "s") == 0)
        d *= 1000;
    else if (strcmp(end, "m") == 0 || strcmp(end, "min") == 0)
        d *= 60000;
    else if (strcmp(end, "h") == 0)
        d *= 3600000;
    else
        return TC_ERR_ARG;
    *out = (int64_t)(d < 0 ? d - 0.5 : d + 0.5);
    return TC_OK;
}

int
tc_args_time(const struct tc_args *a, const char *key, int64_t *out)
{
    const char *v = tc_args_get(a, key);

    if (v == NULL || tc_parse_duration(v, out) != TC_OK)
        return args_bad(a, key, v ? v : "",
                        "a duration such as 1500, 1500ms or 1.5s");
    return TC_OK;
}

int
tc_parse_bool(const char *v, int *out)
{
    if (v != NULL && (strcmp(v, "1") == 0 || strcmp(v, "yes") == 0 ||
                      strcmp(v, "true") == 0 || strcmp(v, "on") == 0)) {
        *out = 1;
        return TC_OK;
    }
    if (v != NULL && (strcmp(v, "0") == 0 || strcmp(v, "no") == 0 ||
                      strcmp(v, "false") == 0 || strcmp(v, "off") == 0)) {
        *out = 0;
        return TC_OK;
    }
    return TC_ERR_ARG;
}

int
tc_args_bool(const struct tc_args *a, const char *key, int *out)
{
    const char *v = tc_args_get(a, key);

    if (tc_parse_bool(v, out) == TC_OK)
        return TC_OK;
    return args_bad(a, key, v ? v : "", "yes or no");
}

int
tc_ctx_option_bool(struct tc_ctx *ctx, const char *key, int *out)
{
    const char *v = tc_ctx_option(ctx, key);

    *out = 0;
    if (v == NULL || tc_parse_bool(v, out) == TC_OK)
        return TC_OK;
    tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "%s=%s: expected yes or no", key,
             v);
    return TC_ERR_ARG;
}

/* ---- cues ----------------------------------------------------------------- */

void
tc_place_init_v(struct tc_place *p, size_t size)
{
    static const struct tc_place d = {
        .line = TC_LINE_AUTO, .position = -1, .size = 100
    };

    if (size >= sizeof d)
        *p = d;
    else    /* a program built with an older, shorter struct */
        memcpy(p, &d, size);
}

static int
same_str(const char *a, const char *b)
{
    return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

int
tc_cue_same_frame(const struct tc_cue *a, const struct tc_cue *b)
{
    const struct tc_place *p = &a->place, *q = &b->place;

    return same_str(a->region, b->region) && p->vpos == q->vpos &&
           p->align == q->align && p->vertical == q->vertical &&
           p->line == q->line && p->line_set == q->line_set &&
           p->line_percent == q->line_percent &&
           p->line_align == q->line_align && p->position == q->position &&
           p->position_align == q->position_align && p->size == q->size;
}

int
tc_place_line_auto(const struct tc_place *p)
{
    return !p->line_set && !(p->line > TC_LINE_AUTO);
}

struct tc_cue *
tc_cue_new(struct tc_ctx *ctx)
{
    struct tc_cue *c;

    if (ctx->nfree > 0) {
        c = ctx->free_cues[--ctx->nfree];
        tc_cue_reset(c);
        return c;
    }
    c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->ctx = ctx;
    tc_cue_reset(c);
    return c;
}

void
tc_cue_reset(struct tc_cue *c)
{
    c->start = 0;
    c->end = TC_TIME_NONE;
    if (c->id != NULL)
        c->id[0] = '\0';
    if (c->region != NULL)
        c->region[0] = '\0';
    tc_place_init(&c->place);
    tc_text_clear(&c->text);
    c->line = 0;
}

void
tc_cue_free(struct tc_cue *c)
{
    struct tc_ctx *ctx;

    if (c == NULL)
        return;
    ctx = c->ctx;
    if (ctx->nfree == ctx->free_cap && ctx->free_cap < FREE_MAX) {
        size_t ncap = ctx->free_cap ? ctx->free_cap * 2 : 16;
        struct tc_cue **nf = realloc(ctx->free_cues, ncap * sizeof *nf);

        if (nf != NULL) {
            ctx->free_cues = nf;
            ctx->free_cap = ncap;
        }
    }
    if (ctx->nfree < ctx->free_cap) {
        ctx->free_cues[ctx->nfree++] = c;
        return;
    }
    tc_text_release(&c->text);
    free(c->id);
    free(c->region);
    free(c);
}

static int
set_str(char **dst, const char *s, size_t len)
{
    char *p;

    if (s == NULL) {
        if (*dst != NULL)
            (*dst)[0] = '\0';
        return TC_OK;
    }
    p = realloc(*dst, len + 1);
    if (p == NULL)
        return TC_ERR_NOMEM;
    memcpy(p, s, len);
    p[len] = '\0';
    *dst = p;
    return TC_OK;
}

int
tc_cue_set_id(struct tc_cue *c, const char *id, size_t len)
{
    return set_str(&c->id, id, len);
}

int
tc_cue_set_region(struct tc_cue *c, const char *id, size_t len)
{
    return set_str(&c->region, id, len);
}

int
tc_cue_copy(struct tc_cue *dst, const struct tc_cue *src)
{
    struct tc_style st;
    size_t i;
    int rc = TC_OK;

    dst->start = src->start;
    dst->end = src->end;
    dst->place = src->place;
    dst->line = src->line;
    if (src->id != NULL && src->id[0] != '\0')
        rc = tc_cue_set_id(dst, src->id, strlen(src->id));
    else
        tc_cue_set_id(dst, NULL, 0);
    if (rc == TC_OK && src->region != NULL && src->region[0] != '\0')
        rc = tc_cue_set_region(dst, src->region, strlen(src->region));
    else if (rc == TC_OK)
        tc_cue_set_region(dst, NULL, 0);
    tc_text_clear(&dst->text);
    for (i = 0; rc == TC_OK && i < src->text.nruns; i++) {
        const struct tc_run *r = &src->text.runs[i];

        tc_run_style(&src->text, r, &st);
        rc = tc_text_append(&dst->text, src->text.pool + r->off, r->len, &st);
    }
    return rc;
}
