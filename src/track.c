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
