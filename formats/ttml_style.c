/* formats/ttml_style.c -- the TTML reader's definitions and attributes:
 * <style> and <region> elements with chained references,
 * agents, the tts: attributes transcue keeps and the ttp:
 * timing parameters.  See ttml.c for the reader as a whole. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ttml_read.h"

void
tc_ttml_style_over(struct tstyle *dst, const struct tstyle *src)
{
    static const unsigned flag_of[3][2] = {
        { SP_ITALIC, TC_STYLE_ITALIC }, { SP_BOLD, TC_STYLE_BOLD },
        { SP_UNDERLINE, TC_STYLE_UNDERLINE },
    };
    size_t i;

    for (i = 0; i < 3; i++)
        if (src->set & flag_of[i][0])
            dst->flags = (dst->flags & ~flag_of[i][1]) |
                         (src->flags & flag_of[i][1]);
    if (src->set & SP_COLOR) {
        dst->color = src->color;
        dst->white = src->white;
    }
    if (src->set & SP_DALIGN)
        dst->dalign = src->dalign;
    if (src->set & SP_TALIGN)
        dst->talign = src->talign;
    if (src->set & SP_ORIGIN)
        dst->origin_y = src->origin_y;
    if (src->set & SP_EXTENT)
        dst->extent_h = src->extent_h;
    dst->set |= src->set;
}

/* ---- definitions: styles, regions, agents ------------------------------- */

static int
def_cmp(const void *a, const void *b)
{
    return strcmp(((const struct tdef *)a)->id, ((const struct tdef *)b)->id);
}

struct tdef *
tc_ttml_def_add(struct ttml_reader *r, struct tdefs *d, const char *id)
{
    struct tdef *t;

    if (d->n == TTML_DEFS_MAX) {
        tc_ttml_report(r, TC_D_LIMIT, "more than %s definitions", "65536",
                       NULL);
        return NULL;
    }
    if (d->n == d->cap) {
        size_t ncap = d->cap ? d->cap * 2 : 16;
        struct tdef *nv = realloc(d->v, ncap * sizeof *nv);

        if (nv == NULL)
            return NULL;
        d->v = nv;
        d->cap = ncap;
    }
    t = &d->v[d->n];
    memset(t, 0, sizeof *t);
    t->id = strdup(id);
    if (t->id == NULL)
        return NULL;
    t->line = tc_ttml_cur_line(r);
    t->begin = 0;
    t->end = INFINITY;
    d->n++;
    d->sorted = 0;
    return t;
}

struct tdef *
tc_ttml_def_find(struct tdefs *d, const char *id, size_t n)
{
    struct tdef key;
    char buf[256];

    if (n >= sizeof buf)
        return NULL;
    memcpy(buf, id, n);
    buf[n] = '\0';
    key.id = buf;
    if (d->n == 0)
        return NULL;          /* d->v may be NULL: not for qsort() */
    if (!d->sorted) {
        /* definitions come before the body; sorted once when first used */
        qsort(d->v, d->n, sizeof *d->v, def_cmp);
        d->sorted = 1;
    }
    return bsearch(&key, d->v, d->n, sizeof *d->v, def_cmp);
}

void
tc_ttml_defs_free(struct tdefs *d)
{
    size_t i;

    for (i = 0; i < d->n; i++) {
        free(d->v[i].id);
        free(d->v[i].refs);
    }
    free(d->v);
}

/* Apply the styles named in an IDREFS list, in order, onto *out. */
int
tc_ttml_apply_refs(struct ttml_reader *r, const char *refs, struct tstyle *out)
{
    const char *p = refs;

    while (p != NULL && *p != '\0') {
        size_t n;
        struct tdef *s;
        int rc;

        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        n = strcspn(p, " \t\r\n");
        if (n == 0)
            break;
        s = tc_ttml_def_find(&r->styles, p, n);
        if (s == NULL) {
            char name[64];

            snprintf(name, sizeof name, "%.*s", (int)(n > 60 ? 60 : n), p);
            if ((rc = tc_ttml_repeat(r, TR_STYLE, TC_D_REPAIRED, "style '%s' "
                                     "is not declared; ignored%s", name,
                                     NULL)) != TC_OK)
                return rc;
        } else {
            if ((rc = tc_ttml_resolve_def(r, s, 0)) != TC_OK)
                return rc;
            tc_ttml_style_over(out, &s->flat);
        }
        p += n;
    }
    return TC_OK;
}

/* Flatten a style (references first, then its own attributes) or a region
 * (references, nested <style> children, then its own attributes). */
int
tc_ttml_resolve_def(struct ttml_reader *r, struct tdef *t, int region)
{
    int rc;

    if (t->state == 2)
        return TC_OK;
    if (t->state == 1) {
        rc = tc_ttml_report(r, TC_D_REPAIRED, "style '%s' refers to "
                            "itself; the loop is cut%s", t->id, NULL);
        return rc;
    }
    t->state = 1;
    memset(&t->flat, 0, sizeof t->flat);
    if ((rc = tc_ttml_apply_refs(r, t->refs, &t->flat)) != TC_OK)
        return rc;
    if (region)
        tc_ttml_style_over(&t->flat, &t->nested);
    tc_ttml_style_over(&t->flat, &t->own);
    t->state = 2;
    return TC_OK;
}

long
tc_ttml_agent_find(struct ttml_reader *r, const char *id)
{
    size_t i;

    for (i = 0; i < r->nagents; i++)
        if (strcmp(r->agents[i].id, id) == 0)
            return (long)i;
    return -1;
}

long
tc_ttml_agent_add(struct ttml_reader *r, const char *id)
{
    long i = tc_ttml_agent_find(r, id);

    if (i >= 0)
        return i;
    if (r->nagents == TTML_DEFS_MAX) {
        tc_ttml_report(r, TC_D_LIMIT, "more than %s agents", "65536", NULL);
        return -1;
    }
    if (r->nagents == r->agents_cap) {
        size_t ncap = r->agents_cap ? r->agents_cap * 2 : 8;
        struct agent *na = realloc(r->agents, ncap * sizeof *na);

        if (na == NULL)
            return -1;
        r->agents = na;
        r->agents_cap = ncap;
    }
    r->agents[r->nagents].id = strdup(id);
    if (r->agents[r->nagents].id == NULL)
        return -1;
    tc_buf_init(&r->agents[r->nagents].name, 4096);
    return (long)r->nagents++;
}

/* The speaker name of an agent: its full ttm:name, else its id. */
const char *
tc_ttml_agent_name(const struct ttml_reader *r, long i)
{
    const struct agent *a;

    if (i < 0)
        return NULL;
    a = &r->agents[i];
    return a->name.len > 0 ? a->name.data : a->id;
}

/* ---- attributes ------------------------------------------------------- */

/* "N%" (the first of two lengths when want_second is 0, else the second). */
static int
percent_of(const char *v, int second, double *out)
{
    const char *p = v;
    char *end;
    double d;

    while (tc_ttml_is_ws(*p))
        p++;
    if (second) {
        while (*p != '\0' && !tc_ttml_is_ws(*p))
            p++;
        while (tc_ttml_is_ws(*p))
            p++;
    }
    d = strtod(p, &end);
    if (end == p || *end != '%')
        return TC_ERR_SYNTAX;
    *out = d;
    return TC_OK;
}

/* One tts: attribute into a style; unknown ones are not kept. */
int
tc_ttml_style_attr(struct ttml_reader *r, struct tstyle *s, const char *name,
                   const char *v)
{
    if (strcmp(name, "fontStyle") == 0) {
        s->set |= SP_ITALIC;
        s->flags &= ~(unsigned)TC_STYLE_ITALIC;
        if (strcmp(v, "italic") == 0 || strcmp(v, "oblique") == 0)
            s->flags |= TC_STYLE_ITALIC;
    } else if (strcmp(name, "fontWeight") == 0) {
        s->set |= SP_BOLD;
        s->flags &= ~(unsigned)TC_STYLE_BOLD;
        if (strcmp(v, "bold") == 0)
            s->flags |= TC_STYLE_BOLD;
    } else if (strcmp(name, "textDecoration") == 0) {
        /* a list: underline | noUnderline, lineThrough ..., or none */
        if (strstr(v, "noUnderline") != NULL || strcmp(v, "none") == 0) {
            s->set |= SP_UNDERLINE;
            s->flags &= ~(unsigned)TC_STYLE_UNDERLINE;
        } else if (strstr(v, "underline") != NULL) {
            s->set |= SP_UNDERLINE;
            s->flags |= TC_STYLE_UNDERLINE;
        }
    } else if (strcmp(name, "color") == 0) {
        uint32_t rgba;

        if (tc_ttml_color_parse(v, &rgba) != TC_OK)
            return tc_ttml_repeat(r, TR_COLOR, TC_D_BAD_TAG, "tts:color '%s' "
                                  "is not a TTML colour; ignored%s", v,
                                  NULL);
        s->set |= SP_COLOR;
        s->color = rgba >> 8;
        /* white is what every player shows by default: not a style */
        s->white = (rgba >> 8) == 0xFFFFFF;
    } else if (strcmp(name, "displayAlign") == 0) {
        s->set |= SP_DALIGN;
        s->dalign = strcmp(v, "before") == 0 ? DA_BEFORE
                    : strcmp(v, "center") == 0 ? DA_CENTER : DA_AFTER;
    } else if (strcmp(name, "textAlign") == 0) {
        s->set |= SP_TALIGN;
        s->talign = strcmp(v, "left") == 0 ? TC_ALIGN_LEFT
                    : strcmp(v, "right") == 0 ? TC_ALIGN_RIGHT
                    : strcmp(v, "start") == 0 ? TC_ALIGN_START
                    : strcmp(v, "end") == 0 ? TC_ALIGN_END : TC_ALIGN_AUTO;
    } else if (strcmp(name, "origin") == 0) {
        if (percent_of(v, 1, &s->origin_y) == TC_OK)
            s->set |= SP_ORIGIN;
    } else if (strcmp(name, "extent") == 0) {
        if (percent_of(v, 1, &s->extent_h) == TC_OK)
            s->set |= SP_EXTENT;
    }
    return TC_OK;
}

/* Apple's iTunes lyrics TTML writes "[[H:]M:]S[.fff]" without a unit. */
static int
apple_time(const char *v, double *out)
{
    struct tc_scan s;
    unsigned long f[3];
    double frac = 0, scale = 0.1;
    int n = 0, i;

    tc_scan_init(&s, v, strlen(v));
    do {
        if (n == 3 || tc_scan_digits(&s, 1, 9, &f[n]) != TC_OK)
            return TC_ERR_SYNTAX;
        n++;
    } while (tc_scan_char(&s, ':') == TC_OK);
    if (tc_scan_char(&s, '.') == TC_OK) {
        if (tc_scan_eof(&s))
            return TC_ERR_SYNTAX;
        for (; !tc_scan_eof(&s) && *s.p >= '0' && *s.p <= '9'; s.p++) {
            frac += (*s.p - '0') * scale;
            scale /= 10;
        }
    }
    if (!tc_scan_eof(&s))
        return TC_ERR_SYNTAX;
    *out = 0;
    for (i = 0; i < n; i++)
        *out = *out * 60 + (double)f[i];
    *out += frac;
    return TC_OK;
}

int
tc_ttml_parse_time_attr(struct ttml_reader *r, const char *name, const char *v,
                        double *out)
{
    if (tc_ttml_time_parse(v, &r->tp, out) == TC_OK)
        return 1;
    if (r->apple && apple_time(v, out) == TC_OK) {
        if (!r->apple_warned) {
            r->apple_warned = 1;
            tc_ttml_report(r, TC_D_TIME_REPAIRED, "Apple iTunes TTML: "
                           "times without a unit such as %s='%s' read as "
                           "seconds, and all times as counted from the "
                           "start", name, v);
        }
        return 1;
    }
    {
        /* SubRip's comma before the fraction, or a '.' with no digits
         * after it: the meaning is clear */
        const char *comma = strchr(v, ',');
        size_t n = strlen(v);
        char fixed[64];

        if (n < sizeof fixed && ((comma != NULL &&
                                  strchr(comma + 1, ',') == NULL) ||
                                 (n > 1 && v[n - 1] == '.'))) {
            memcpy(fixed, v, n + 1);
            if (comma != NULL)
                fixed[comma - v] = '.';
            else
                fixed[n - 1] = '\0';
            if (tc_ttml_time_parse(fixed, &r->tp, out) == TC_OK) {
                tc_ttml_repeat(r, TR_COMMA, TC_D_TIME_REPAIRED,
                               comma != NULL ? "%s='%s': the comma before "
                               "the fraction read as a dot" : "%s='%s': "
                               "the '.' without digits after it ignored",
                               name, v);
                return 1;
            }
        }
    }
    tc_ttml_bad_time(r, name, v);
    return 0;
}

static int
parse_number(const char *v, double *out)
{
    char *end;
    double d = strtod(v, &end);

    while (tc_ttml_is_ws(*end))
        end++;
    if (end == v || *end != '\0' || !(d > 0) || d > 1e9)
        return TC_ERR_SYNTAX;
    *out = d;
    return TC_OK;
}

/* The ttp: parameters on <tt>. */
int
tc_ttml_param_attr(struct ttml_reader *r, const char *name, const char *v,
                   int *tick_given)
{
    double a, b;

    if (strcmp(name, "frameRate") == 0) {
        if (parse_number(v, &a) != TC_OK || a != (double)(unsigned long)a)
            return tc_ttml_report(r, TC_D_BAD_TAG, "ttp:frameRate='%s' "
                                  "ignored%s", v, NULL);
        r->tp.frame_rate = (unsigned long)a;
    } else if (strcmp(name, "frameRateMultiplier") == 0) {
        char *end;

        a = strtod(v, &end);
        b = strtod(end, &end);
        if (!(a > 0) || !(b > 0))
            return tc_ttml_report(r, TC_D_BAD_TAG,
                                  "ttp:frameRateMultiplier='%s' ignored%s",
                                  v, NULL);
        r->tp.mult = a / b;
    } else if (strcmp(name, "subFrameRate") == 0) {
        if (parse_number(v, &a) != TC_OK || a != (double)(unsigned long)a)
            return tc_ttml_report(r, TC_D_BAD_TAG, "ttp:subFrameRate='%s' "
                                  "ignored%s", v, NULL);
        r->tp.sub_frame_rate = (unsigned long)a;
    } else if (strcmp(name, "tickRate") == 0) {
        if (parse_number(v, &a) != TC_OK)
            return tc_ttml_report(r, TC_D_BAD_TAG, "ttp:tickRate='%s' "
                                  "ignored%s", v, NULL);
        r->tp.tick_rate = a;
        *tick_given = 1;
    } else if (strcmp(name, "timeBase") == 0) {
        r->tp.smpte = strcmp(v, "smpte") == 0;
        if (strcmp(v, "clock") == 0)
            return tc_ttml_report(r, TC_D_REPAIRED, "ttp:timeBase='%s' read as "
                                  "media time%s", v, NULL);
    } else if (strcmp(name, "dropMode") == 0) {
        r->tp.drop = strcmp(v, "dropNTSC") == 0 ? 1
                     : strcmp(v, "dropPAL") == 0 ? 2 : 0;
    }
    return TC_OK;
}
