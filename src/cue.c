/* cue.c -- the public face of a cue: reading and building one without
 * knowing its layout (src/model.h).  The structures the caller allocates
 * (tc_place, tc_style, tc_region) come with their size as the caller's
 * program was built: a shorter one is read as far as it goes, and the
 * rest takes its defaults. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))

int64_t
tc_cue_start(const struct tc_cue *c)
{
    return c->start;
}

int64_t
tc_cue_end(const struct tc_cue *c)
{
    return c->end;
}

int
tc_cue_set_times(struct tc_cue *c, int64_t start, int64_t end)
{
    if (start == TC_TIME_NONE)
        return TC_ERR_ARG;
    c->start = start;
    c->end = end;
    return TC_OK;
}

const char *
tc_cue_id(const struct tc_cue *c)
{
    return c->id != NULL && c->id[0] != '\0' ? c->id : NULL;
}

const char *
tc_cue_region(const struct tc_cue *c)
{
    return c->region != NULL && c->region[0] != '\0' ? c->region : NULL;
}

unsigned long
tc_cue_line(const struct tc_cue *c)
{
    return c->line;
}

void
tc_cue_set_line(struct tc_cue *c, unsigned long line)
{
    c->line = line;
}

void
tc_cue_place_v(const struct tc_cue *c, struct tc_place *out, size_t size)
{
    memcpy(out, &c->place, MIN(size, sizeof c->place));
}

int
tc_cue_set_place_v(struct tc_cue *c, const struct tc_place *p, size_t size)
{
    struct tc_place n;

    if (p == NULL)
        return TC_ERR_ARG;
    tc_place_init(&n);
    memcpy(&n, p, MIN(size, sizeof n));
    c->place = n;
    return TC_OK;
}

size_t
tc_cue_runs(const struct tc_cue *c)
{
    return c->text.nruns;
}

const char *
tc_cue_run_text(const struct tc_cue *c, size_t i, size_t *len)
{
    if (i >= c->text.nruns) {
        *len = 0;
        return NULL;
    }
    *len = c->text.runs[i].len;
    return c->text.pool + c->text.runs[i].off;
}

int
tc_cue_run_style_v(const struct tc_cue *c, size_t i, struct tc_style *out,
                   size_t size)
{
    struct tc_style st;

    if (i >= c->text.nruns)
        return TC_ERR_ARG;
    tc_run_style(&c->text, &c->text.runs[i], &st);
    memcpy(out, &st, MIN(size, sizeof st));
    return TC_OK;
}

int
tc_cue_append_v(struct tc_cue *c, const char *s, size_t len,
                const struct tc_style *st, size_t size)
{
    struct tc_style n;

    memset(&n, 0, sizeof n);
    n.time = TC_TIME_NONE;
    if (st != NULL)
        memcpy(&n, st, MIN(size, sizeof n));
    if (s == NULL && len > 0)
        return TC_ERR_ARG;
    return tc_text_append(&c->text, s != NULL ? s : "", len, &n);
}

int
tc_cue_set_text(struct tc_cue *c, const char *s, size_t len)
{
    tc_text_clear(&c->text);
    return tc_cue_append_v(c, s, len, NULL, 0);
}

char *
tc_cue_text(const struct tc_cue *c)
{
    struct tc_buf b = TC_BUF_INIT;
    size_t i;

    for (i = 0; i < c->text.nruns; i++)
        if (!(c->text.runs[i].style & TC_STYLE_RT))
            tc_buf_add(&b, c->text.pool + c->text.runs[i].off,
                       c->text.runs[i].len);
    if (tc_buf_status(&b) != TC_OK) {
        tc_buf_release(&b);
        return NULL;
    }
    return tc_buf_detach(&b);
}
