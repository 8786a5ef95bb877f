/* track.c -- copies of the header facts a reader announces (struct
 * tc_track), kept by the reader for tc_reader_track() after the reader's
 * own copy is gone. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"

static int
dup_str(const char **dst, const char *s)
{
    char *p;

    *dst = NULL;
    if (s == NULL)
        return TC_OK;
    p = strdup(s);
    if (p == NULL)
        return TC_ERR_NOMEM;
    *dst = p;
    return TC_OK;
}

void
tc_track_release(struct tc_track *t)
{
    size_t i;

    if (t == NULL)
        return;
    free((char *)t->lang);
    free((char *)t->title);
    free((char *)t->style);
    free((char *)t->vtt_header);
    for (i = 0; i < t->nregions; i++)
        free(t->regions[i].id);
    free((struct tc_region *)t->regions);
    free(t);
}

struct tc_track *
tc_track_dup(const struct tc_track *t)
{
    struct tc_track *c = calloc(1, sizeof *c);
    struct tc_region *regs = NULL;
    size_t i;
    int rc;

    if (c == NULL)
        return NULL;
    if (t == NULL)
        return c;
    rc = dup_str(&c->lang, t->lang);
    if (rc == TC_OK)
        rc = dup_str(&c->title, t->title);
    if (rc == TC_OK)
        rc = dup_str(&c->style, t->style);
    if (rc == TC_OK)
        rc = dup_str(&c->vtt_header, t->vtt_header);
    if (rc == TC_OK && t->nregions > 0) {
        regs = calloc(t->nregions, sizeof *regs);
        if (regs == NULL)
            rc = TC_ERR_NOMEM;
        c->regions = regs;
    }
    for (i = 0; rc == TC_OK && i < t->nregions; i++) {
        const char *id;

        regs[i] = t->regions[i];
        regs[i].id = NULL;
        c->nregions = i + 1;
        rc = dup_str(&id, t->regions[i].id);
        regs[i].id = (char *)id;
    }
    if (rc != TC_OK) {
        tc_track_release(c);
        return NULL;
    }
    return c;
}

/* ---- the public face ---------------------------------------------------- */

struct tc_track *
tc_track_new(void)
{
    return tc_track_dup(NULL);
}

struct tc_track *
tc_track_copy(const struct tc_track *t)
{
    return t != NULL ? tc_track_dup(t) : NULL;
}

void
tc_track_free(struct tc_track *t)
{
    tc_track_release(t);
}

static const char **
field(const struct tc_track *t, const char *key)
{
    struct tc_track *m = (struct tc_track *)t;

    if (key == NULL)
        return NULL;
    if (strcmp(key, "lang") == 0)
        return &m->lang;
    if (strcmp(key, "title") == 0)
        return &m->title;
    if (strcmp(key, "style") == 0)
        return &m->style;
    if (strcmp(key, "vtt-header") == 0)
        return &m->vtt_header;
    return NULL;
}

const char *
tc_track_get(const struct tc_track *t, const char *key)
{
    const char **f = field(t, key);

    return f != NULL ? *f : NULL;
}

int
tc_track_set(struct tc_track *t, const char *key, const char *value)
{
    const char **f = field(t, key), *copy;

    if (f == NULL)
        return TC_ERR_ARG;
    if (dup_str(&copy, value) != TC_OK)
        return TC_ERR_NOMEM;
    free((char *)*f);
    *f = copy;
    return TC_OK;
}

size_t
tc_track_regions(const struct tc_track *t)
{
    return t->nregions;
}

int
tc_track_region_v(const struct tc_track *t, size_t i, struct tc_region *out,
                  size_t size)
{
    if (i >= t->nregions)
        return TC_ERR_ARG;
    memcpy(out, &t->regions[i],
           size < sizeof *out ? size : sizeof *out);
    return TC_OK;
}

int
tc_track_add_region_v(struct tc_track *t, const struct tc_region *r,
                      size_t size)
{
    struct tc_region n, *regs;
    const char *id;

    if (r == NULL)
        return TC_ERR_ARG;
    memset(&n, 0, sizeof n);
    n.width = 100;
    n.lines = 3;
    n.anchor_y = 100;
    n.vp_y = 100;
    memcpy(&n, r, size < sizeof n ? size : sizeof n);
    if (dup_str(&id, n.id) != TC_OK)
        return TC_ERR_NOMEM;
    regs = realloc((struct tc_region *)t->regions,
                   (t->nregions + 1) * sizeof *regs);
    if (regs == NULL) {
        free((char *)id);
        return TC_ERR_NOMEM;
    }
    n.id = (char *)id;
    regs[t->nregions++] = n;
    t->regions = regs;
    return TC_OK;
}
