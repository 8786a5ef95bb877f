/* formats/ttml.c -- the TTML reader (TTML1, TTML2, IMSC 1.0/1.1 and the
 * older DFXP namespaces) and the format's descriptor.
 *
 * Specs: https://www.w3.org/TR/ttml2/ and https://www.w3.org/TR/ttml1/.
 * The document is read with libxml2's xmlTextReader over the decoded
 * source, so it is never held whole: memory is one <p> (its text pieces),
 * the chain of open elements and the head's styles, regions and agents.
 * Timing is resolved as the elements open and close: a par/seq container
 * needs only its own begin, the end of its previous child and its ancestors'
 * ends.  When spans inside a <p> are timed differently, the <p> becomes one
 * cue for every interval in which its visible text stays the same.
 *
 * Safety: no network, no DTD loading, no entity substitution; a DOCTYPE
 * that declares entities is refused before any reference to them is read,
 * and nesting deeper than TTML_DEPTH_MAX is an error.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "ttml.h"

#define TTML_DEPTH_MAX  64          /* open elements */
#define TTML_P_MAX      (1u << 20)  /* text bytes in one <p> */
#define TTML_PIECES_MAX 65536       /* text pieces in one <p> */
#define TTML_DEFS_MAX   65536       /* styles, regions, agents */

/* ---- namespaces and element kinds --------------------------------------- */

enum ns_kind { NS_NONE, NS_TT, NS_TTS, NS_TTP, NS_TTM, NS_XML, NS_OTHER };

static enum ns_kind
ns_of(const xmlChar *uri)
{
    static const char *const bases[] = {
        "http://www.w3.org/ns/ttml", "http://www.w3.org/2006/10/ttaf1",
        "http://www.w3.org/2006/04/ttaf1",
    };
    const char *u = (const char *)uri;
    size_t i;

    if (u == NULL)
        return NS_NONE;
    if (strcmp(u, "http://www.w3.org/XML/1998/namespace") == 0)
        return NS_XML;
    for (i = 0; i < sizeof bases / sizeof bases[0]; i++) {
        size_t n = strlen(bases[i]);

        if (strncmp(u, bases[i], n) != 0)
            continue;
        u += n;
        if (*u == '\0')
            return NS_TT;
        if (strcmp(u, "#styling") == 0 || strcmp(u, "#style") == 0)
            return NS_TTS;
        if (strcmp(u, "#parameter") == 0)
            return NS_TTP;
        if (strcmp(u, "#metadata") == 0)
            return NS_TTM;
        return NS_OTHER;
    }
    return NS_OTHER;
}

enum el_kind {
    EL_IGNORED, EL_TT, EL_HEAD, EL_STYLING, EL_STYLE, EL_LAYOUT, EL_REGION,
    EL_BODY, EL_DIV, EL_P, EL_SPAN, EL_BR, EL_METADATA, EL_AGENT, EL_NAME,
    EL_SET
};

static enum el_kind
kind_of(const char *name, enum ns_kind ns)
{
    static const struct {
        const char *name;
        enum ns_kind ns;
        enum el_kind kind;
    } table[] = {
        { "tt", NS_TT, EL_TT },           { "head", NS_TT, EL_HEAD },
        { "styling", NS_TT, EL_STYLING }, { "style", NS_TT, EL_STYLE },
        { "layout", NS_TT, EL_LAYOUT },   { "region", NS_TT, EL_REGION },
        { "body", NS_TT, EL_BODY },       { "div", NS_TT, EL_DIV },
        { "p", NS_TT, EL_P },             { "span", NS_TT, EL_SPAN },
        { "br", NS_TT, EL_BR },           { "metadata", NS_TT, EL_METADATA },
        { "agent", NS_TTM, EL_AGENT },    { "name", NS_TTM, EL_NAME },
        { "set", NS_TT, EL_SET },
    };
    size_t i;

    for (i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].ns == ns && strcmp(table[i].name, name) == 0)
            return table[i].kind;
    return EL_IGNORED;
}

/* ---- styles ------------------------------------------------------------- */

enum {
    SP_ITALIC = 1u << 0, SP_BOLD = 1u << 1, SP_UNDERLINE = 1u << 2,
    SP_COLOR = 1u << 3, SP_DALIGN = 1u << 4, SP_TALIGN = 1u << 5,
    SP_ORIGIN = 1u << 6, SP_EXTENT = 1u << 7
};

enum { DA_BEFORE, DA_CENTER, DA_AFTER };

/* The style properties transcue keeps; set says which were specified. */
struct tstyle {
    unsigned set;
    unsigned flags;             /* TC_STYLE_ITALIC/BOLD/UNDERLINE */
    uint32_t color;             /* 0xRRGGBB */
    int white;                  /* the colour is the default white */
    int dalign;
    enum tc_align talign;
    double origin_y, extent_h;  /* percent of the root container */
};

static void
style_over(struct tstyle *dst, const struct tstyle *src)
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

/* A style element or a region: its own attributes and references, and
 * the flattened result once resolved. */
struct tdef {
    char *id;
    char *refs;                 /* the style attribute, NULL = none */
    struct tstyle own;          /* inline tts: attributes */
    struct tstyle nested;       /* <style> children of a region */
    struct tstyle flat;
    int state;                  /* 0 unresolved, 1 resolving, 2 done */
    unsigned long line;
    double begin, end;          /* a region's active interval */
};

struct tdefs {
    struct tdef *v;
    size_t n, cap;
    int sorted;
};

struct agent {
    char *id;
    struct tc_buf name;
};

/* ---- the reader's state ------------------------------------------------- */

struct frame {
    enum el_kind kind;
    int ignored;                /* inside foreign or unused markup */
    double begin;               /* absolute, seconds */
    double clip;                /* end that bounds children; INFINITY */
    int explicit_end;
    double acc_end;             /* latest end of a child so far */
    int seq;
    double next_begin;          /* seq: begin of the next child */
    struct tstyle spec;         /* specified styles, inherited */
    long region;                /* index into regions, -1 none */
    int region_set;             /* an element on the chain named a region */
    int preserve;               /* xml:space="preserve" */
    int display_none;           /* tts:display="none" */
    int zero_text;              /* text here lasts no time (seq) */
    long agent;                 /* index into agents, -1 none */
    struct tdef *def;           /* the style/region being defined */
};

enum piece_kind { PC_TEXT, PC_BR };

struct piece {
    enum piece_kind kind;
    double b, e;
    size_t off, len;            /* into ttml_reader.ptext */
    struct tstyle st;
    long agent;
    long region;                /* a span's own region, else the p's */
    int preserve;
};

struct ttml_reader {
    struct tc_source *src;
    struct tc_ctx *ctx;
    struct tc_stage *next;
    xmlTextReaderPtr xr;
    int rc;                     /* first failure */
    int xml_failed;
    struct tc_ttml_timing tp;
    char *lang;
    int announced;
    int apple, apple_warned;    /* Apple iTunes lyrics TTML */
    struct frame fr[TTML_DEPTH_MAX + 1];
    int depth;                  /* frames in use */
    struct tdefs styles, regions;
    struct agent *agents;
    size_t nagents, agents_cap;
    /* the open <p> */
    struct tc_buf ptext;
    struct piece *pieces;
    size_t npieces, pieces_cap;
    double *cuts;
    char *pid;
    unsigned long pline;
    long pregion;
    int hidden;                 /* the <p> is in no region */
    double vis_b, vis_e;        /* when tts:display lets the <p> show */
};

/* The line of the node being read.  The parser itself has usually read
 * further ahead, so its own line number would point past the node. */
static unsigned long
cur_line(struct ttml_reader *r)
{
    xmlNodePtr n;
    long line;

    if (r->xr == NULL)
        return 0;
    n = xmlTextReaderCurrentNode(r->xr);
    if (n != NULL && n->type == XML_ATTRIBUTE_NODE)
        n = n->parent;
    if (n == NULL || n->type == XML_DTD_NODE)
        return 0;
    line = xmlGetLineNo(n);
    return line > 0 ? (unsigned long)line : 0;
}

/* Record a diagnostic; errors and strict failures stop the reading. */
static int
report(struct ttml_reader *r, int id, const char *fmt, const char *a,
       const char *b)
{
    int rc = tc_diagf(r->ctx, id, cur_line(r), 0, fmt, a, b ? b : "");

    if (rc == TC_OK && tc_diag_severity(id) >= TC_SEV_ERROR)
        rc = TC_ERR_SYNTAX;
    if (rc != TC_OK && r->rc == TC_OK)
        r->rc = rc;
    return rc;
}

static void
xml_error(void *ud, xmlErrorPtr e)
{
    struct ttml_reader *r = ud;
    char msg[512];
    size_t n;

    if (e == NULL || r->xml_failed)
        return;             /* after the first error the rest is noise */
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "?");
    n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    if (e->level == XML_ERR_WARNING) {
        tc_diagf(r->ctx, TC_D_IGNORED, (unsigned long)e->line,
                 (unsigned)(e->int2 > 0 ? e->int2 : 0), "XML: %s", msg);
        return;
    }
    if (e->code == XML_ERR_ENTITY_LOOP)
        tc_diagf(r->ctx, TC_D_LIMIT, (unsigned long)e->line,
                 (unsigned)(e->int2 > 0 ? e->int2 : 0),
                 "entity expansion refused: %s", msg);
    else
        tc_diagf(r->ctx, TC_D_XML, (unsigned long)e->line,
                 (unsigned)(e->int2 > 0 ? e->int2 : 0), "%s", msg);
    r->xml_failed = 1;
    if (r->rc == TC_OK)
        r->rc = TC_ERR_SYNTAX;
}

static int
xml_read(void *ud, char *buf, int len)
{
    long n = tc_source_read(((struct ttml_reader *)ud)->src, buf,
                            (size_t)len);

    return n < 0 ? -1 : (int)n;
}

static int
xml_close(void *ud)
{
    (void)ud;
    return 0;
}

/* ---- definitions: styles, regions, agents ------------------------------- */

static int
def_cmp(const void *a, const void *b)
{
    return strcmp(((const struct tdef *)a)->id, ((const struct tdef *)b)->id);
}

static struct tdef *
def_add(struct ttml_reader *r, struct tdefs *d, const char *id)
{
    struct tdef *t;

    if (d->n == TTML_DEFS_MAX) {
        report(r, TC_D_LIMIT, "more than %s definitions", "65536", NULL);
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
    t->line = cur_line(r);
    t->begin = 0;
    t->end = INFINITY;
    d->n++;
    d->sorted = 0;
    return t;
}

static struct tdef *
def_find(struct tdefs *d, const char *id, size_t n)
{
    struct tdef key;
    char buf[256];

    if (n >= sizeof buf)
        return NULL;
    memcpy(buf, id, n);
    buf[n] = '\0';
    key.id = buf;
    if (!d->sorted) {
        /* definitions come before the body; sorted once when first used */
        qsort(d->v, d->n, sizeof *d->v, def_cmp);
        d->sorted = 1;
    }
    if (d->n == 0)
        return NULL;
    return bsearch(&key, d->v, d->n, sizeof *d->v, def_cmp);
}

static void
defs_free(struct tdefs *d)
{
    size_t i;

    for (i = 0; i < d->n; i++) {
        free(d->v[i].id);
        free(d->v[i].refs);
    }
    free(d->v);
}

static int resolve_def(struct ttml_reader *r, struct tdef *t, int region);

/* Apply the styles named in an IDREFS list, in order, onto *out. */
static int
apply_refs(struct ttml_reader *r, const char *refs, struct tstyle *out)
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
        s = def_find(&r->styles, p, n);
        if (s == NULL) {
            char name[64];

            snprintf(name, sizeof name, "%.*s", (int)(n > 60 ? 60 : n), p);
            if ((rc = report(r, TC_D_REPAIRED, "unknown style '%s' "
                             "ignored%s", name, NULL)) != TC_OK)
                return rc;
        } else {
            if ((rc = resolve_def(r, s, 0)) != TC_OK)
                return rc;
            style_over(out, &s->flat);
        }
        p += n;
    }
    return TC_OK;
}

/* Flatten a style (references first, then its own attributes) or a region
 * (references, nested <style> children, then its own attributes). */
static int
resolve_def(struct ttml_reader *r, struct tdef *t, int region)
{
    int rc;

    if (t->state == 2)
        return TC_OK;
    if (t->state == 1) {
        rc = report(r, TC_D_REPAIRED, "style '%s' refers to itself; the "
                    "loop is cut%s", t->id, NULL);
        return rc;
    }
    t->state = 1;
    memset(&t->flat, 0, sizeof t->flat);
    if ((rc = apply_refs(r, t->refs, &t->flat)) != TC_OK)
        return rc;
    if (region)
        style_over(&t->flat, &t->nested);
    style_over(&t->flat, &t->own);
    t->state = 2;
    return TC_OK;
}

static long
agent_find(struct ttml_reader *r, const char *id)
{
    size_t i;

    for (i = 0; i < r->nagents; i++)
        if (strcmp(r->agents[i].id, id) == 0)
            return (long)i;
    return -1;
}

static long
agent_add(struct ttml_reader *r, const char *id)
{
    long i = agent_find(r, id);

    if (i >= 0)
        return i;
    if (r->nagents == TTML_DEFS_MAX) {
        report(r, TC_D_LIMIT, "more than %s agents", "65536", NULL);
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
static const char *
agent_name(const struct ttml_reader *r, long i)
{
    const struct agent *a;

    if (i < 0)
        return NULL;
    a = &r->agents[i];
    return a->name.len > 0 ? a->name.data : a->id;
}

/* ---- attributes ------------------------------------------------------- */

static int
is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* "N%" (the first of two lengths when want_second is 0, else the second). */
static int
percent_of(const char *v, int second, double *out)
{
    const char *p = v;
    char *end;
    double d;

    while (is_ws(*p))
        p++;
    if (second) {
        while (*p != '\0' && !is_ws(*p))
            p++;
        while (is_ws(*p))
            p++;
    }
    d = strtod(p, &end);
    if (end == p || *end != '%')
        return TC_ERR_SYNTAX;
    *out = d;
    return TC_OK;
}

/* One tts: attribute into a style; unknown ones are not kept. */
static int
style_attr(struct ttml_reader *r, struct tstyle *s, const char *name,
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
            return report(r, TC_D_BAD_TAG, "tts:color '%s' is not a TTML "
                          "colour; ignored%s", v, NULL);
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

static int
parse_time_attr(struct ttml_reader *r, const char *name, const char *v,
                double *out)
{
    if (tc_ttml_time_parse(v, &r->tp, out) == TC_OK)
        return 1;
    if (r->apple && apple_time(v, out) == TC_OK) {
        if (!r->apple_warned) {
            r->apple_warned = 1;
            report(r, TC_D_TIME_REPAIRED, "Apple iTunes TTML: times "
                   "without a unit such as %s='%s' read as seconds, and "
                   "all times as counted from the start", name, v);
        }
        return 1;
    }
    report(r, TC_D_TIME_BAD, "%s='%s'", name, v);
    return 0;
}

static int
parse_number(const char *v, double *out)
{
    char *end;
    double d = strtod(v, &end);

    while (is_ws(*end))
        end++;
    if (end == v || *end != '\0' || !(d > 0) || d > 1e9)
        return TC_ERR_SYNTAX;
    *out = d;
    return TC_OK;
}

/* The ttp: parameters on <tt>. */
static int
param_attr(struct ttml_reader *r, const char *name, const char *v,
           int *tick_given)
{
    double a, b;

    if (strcmp(name, "frameRate") == 0) {
        if (parse_number(v, &a) != TC_OK || a != (double)(unsigned long)a)
            return report(r, TC_D_BAD_TAG, "ttp:frameRate='%s' ignored%s",
                          v, NULL);
        r->tp.frame_rate = (unsigned long)a;
    } else if (strcmp(name, "frameRateMultiplier") == 0) {
        char *end;

        a = strtod(v, &end);
        b = strtod(end, &end);
        if (!(a > 0) || !(b > 0))
            return report(r, TC_D_BAD_TAG, "ttp:frameRateMultiplier='%s' "
                          "ignored%s", v, NULL);
        r->tp.mult = a / b;
    } else if (strcmp(name, "subFrameRate") == 0) {
        if (parse_number(v, &a) != TC_OK || a != (double)(unsigned long)a)
            return report(r, TC_D_BAD_TAG, "ttp:subFrameRate='%s' "
                          "ignored%s", v, NULL);
        r->tp.sub_frame_rate = (unsigned long)a;
    } else if (strcmp(name, "tickRate") == 0) {
        if (parse_number(v, &a) != TC_OK)
            return report(r, TC_D_BAD_TAG, "ttp:tickRate='%s' ignored%s",
                          v, NULL);
        r->tp.tick_rate = a;
        *tick_given = 1;
    } else if (strcmp(name, "timeBase") == 0) {
        r->tp.smpte = strcmp(v, "smpte") == 0;
        if (strcmp(v, "clock") == 0)
            return report(r, TC_D_REPAIRED, "ttp:timeBase='%s' read as "
                          "media time%s", v, NULL);
    } else if (strcmp(name, "dropMode") == 0) {
        r->tp.drop = strcmp(v, "dropNTSC") == 0 ? 1
                     : strcmp(v, "dropPAL") == 0 ? 2 : 0;
    }
    return TC_OK;
}

/* ---- the text of one <p> ------------------------------------------------ */

static int
add_piece(struct ttml_reader *r, enum piece_kind kind, const char *s,
          size_t n)
{
    struct frame *f = &r->fr[r->depth - 1];
    struct piece *pc;

    if (r->npieces == TTML_PIECES_MAX)
        return report(r, TC_D_LIMIT, "more than %s text pieces in one "
                      "<p>%s", "65536", NULL);
    if (r->npieces == r->pieces_cap) {
        size_t ncap = r->pieces_cap ? r->pieces_cap * 2 : 64;
        struct piece *np = realloc(r->pieces, ncap * sizeof *np);
        double *nc = realloc(r->cuts, (2 * ncap + 2) * sizeof *nc);

        if (np != NULL)
            r->pieces = np;
        if (nc != NULL)
            r->cuts = nc;
        if (np == NULL || nc == NULL)
            return TC_ERR_NOMEM;
        r->pieces_cap = ncap;
    }
    pc = &r->pieces[r->npieces];
    pc->kind = kind;
    /* anonymous spans and br: no duration in a seq container, otherwise
     * as long as the parent */
    if (f->seq || f->zero_text || (f->display_none && f->kind != EL_P)) {
        pc->b = pc->e = f->next_begin;
    } else {
        pc->b = f->begin;
        pc->e = f->clip;
        f->acc_end = INFINITY;
    }
    pc->off = r->ptext.len;
    pc->len = n;
    pc->agent = f->agent;
    pc->preserve = f->preserve;
    pc->region = f->region;
    memset(&pc->st, 0, sizeof pc->st);
    if (pc->region >= 0)
        pc->st = r->regions.v[pc->region].flat;
    style_over(&pc->st, &f->spec);
    tc_buf_add(&r->ptext, s, n);
    if (tc_buf_status(&r->ptext) != TC_OK)
        return report(r, TC_D_LIMIT, "more than %s bytes of text in one "
                      "<p>%s", "1 MiB", NULL);
    r->npieces++;
    return TC_OK;
}

/* Builds a cue's text with TTML's white-space rules: by default runs of
 * XML white space are one space, and none is kept at the start or end of
 * a line; with xml:space="preserve" spaces stay and a line feed breaks the
 * line. */
struct textb {
    struct tc_text *t;
    int at_line_start;
    int last_space;
    int any;                    /* visible text emitted */
    size_t pending_nl;
    int pending_sp;
    struct tc_style sp_style;
};

static int
tb_flush(struct textb *b)
{
    int rc;

    if (b->any)
        for (; b->pending_nl > 0; b->pending_nl--)
            if ((rc = tc_text_newline(b->t)) != TC_OK)
                return rc;
    b->pending_nl = 0;
    if (b->pending_sp) {
        b->pending_sp = 0;
        if ((rc = tc_text_append(b->t, " ", 1, &b->sp_style)) != TC_OK)
            return rc;
    }
    return TC_OK;
}

static void
tb_newline(struct textb *b)
{
    b->pending_sp = 0;
    b->pending_nl++;
    b->at_line_start = 1;
    b->last_space = 1;
}

static int
tb_piece(struct ttml_reader *r, struct textb *b, const struct piece *pc)
{
    const char *p = r->ptext.data + pc->off, *e = p + pc->len;
    struct tc_style st;
    int rc;

    if (pc->kind == PC_BR) {
        tb_newline(b);
        return TC_OK;
    }
    memset(&st, 0, sizeof st);
    st.time = TC_TIME_NONE;
    st.style = pc->st.flags;
    if ((pc->st.set & SP_COLOR) && !pc->st.white) {
        st.style |= TC_STYLE_COLOR;
        st.color = pc->st.color;
    }
    st.voice = agent_name(r, pc->agent);
    while (p < e) {
        const char *q = p;

        if (pc->preserve && *p == '\n') {
            tb_newline(b);
            p++;
            continue;
        }
        if (pc->preserve && (*p == ' ' || *p == '\t')) {
            if ((rc = tb_flush(b)) != TC_OK ||
                (rc = tc_text_append(b->t, " ", 1, &st)) != TC_OK)
                return rc;
            b->at_line_start = 0;
            b->last_space = 1;
            p++;
            continue;
        }
        if (is_ws(*p)) {
            if (!b->at_line_start && !b->last_space) {
                b->pending_sp = 1;
                b->sp_style = st;
                b->last_space = 1;
            }
            p++;
            continue;
        }
        while (q < e && !is_ws(*q))
            q++;
        if ((rc = tb_flush(b)) != TC_OK ||
            (rc = tc_text_append(b->t, p, (size_t)(q - p), &st)) != TC_OK)
            return rc;
        b->any = 1;
        b->at_line_start = 0;
        b->last_space = 0;
        p = q;
    }
    return TC_OK;
}

static int
dbl_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

static int64_t
to_ms(double s)
{
    if (isinf(s))
        return TC_TIME_NONE;
    return (int64_t)(s * 1000 + 0.5);
}

/* Where a region shows text: its position, else its displayAlign. */
static void
placement(const struct tstyle *rs, const struct tstyle *ps,
          struct tc_place *pl)
{
    if ((rs->set & SP_ORIGIN) && (rs->set & SP_EXTENT) &&
        rs->extent_h < 50) {
        double mid = rs->origin_y + rs->extent_h / 2;

        pl->vpos = mid < 100.0 / 3 ? TC_VPOS_TOP
                   : mid > 200.0 / 3 ? TC_VPOS_AUTO : TC_VPOS_MIDDLE;
    } else if (rs->set & (SP_DALIGN | SP_ORIGIN | SP_EXTENT)) {
        /* TTML's default displayAlign is before: the top */
        pl->vpos = !(rs->set & SP_DALIGN) || rs->dalign == DA_BEFORE
                       ? TC_VPOS_TOP
                   : rs->dalign == DA_CENTER ? TC_VPOS_MIDDLE
                                             : TC_VPOS_AUTO;
    }
    if (ps->set & SP_TALIGN)
        pl->align = ps->talign;
}

/* Push one cue for each interval of [b, e) in which the shown text stays
 * the same.  Only pieces in region rg count when filter is set.  *shown
 * counts the cues that had text. */
static int
p_emit_in(struct ttml_reader *r, double b, double e, const struct tstyle *ps,
          long rg, int filter, size_t *shown)
{
    size_t i, ncuts = 0;
    struct tc_place pl;
    int rc = TC_OK;

    if (rg >= 0) {
        const struct tdef *d = &r->regions.v[rg];

        if (d->begin > b)
            b = d->begin;
        if (d->end < e)
            e = d->end;
    }
    if (r->vis_b > b)
        b = r->vis_b;
    if (r->vis_e < e)
        e = r->vis_e;
    if (!(e > b))
        return TC_OK;
    tc_place_init(&pl);
    placement(rg >= 0 ? &r->regions.v[rg].flat : ps, ps, &pl);
    r->cuts[ncuts++] = b;
    r->cuts[ncuts++] = e;
    for (i = 0; i < r->npieces; i++) {
        struct piece *pc = &r->pieces[i];

        if (pc->b > b && pc->b < e)
            r->cuts[ncuts++] = pc->b;
        if (pc->e > b && pc->e < e)
            r->cuts[ncuts++] = pc->e;
    }
    qsort(r->cuts, ncuts, sizeof *r->cuts, dbl_cmp);
    for (i = 0; i + 1 < ncuts && rc == TC_OK; i++) {
        double t0 = r->cuts[i], t1 = r->cuts[i + 1];
        struct tc_cue *c;
        struct textb tb;
        size_t k;

        if (!(t1 > t0) || to_ms(t0) == to_ms(t1))
            continue;
        c = tc_cue_new(r->ctx);
        if (c == NULL)
            return TC_ERR_NOMEM;
        memset(&tb, 0, sizeof tb);
        tb.t = &c->text;
        tb.at_line_start = 1;
        tb.last_space = 1;
        for (k = 0; k < r->npieces && rc == TC_OK; k++)
            if (r->pieces[k].b <= t0 && r->pieces[k].e >= t1 &&
                (!filter || r->pieces[k].region == rg))
                rc = tb_piece(r, &tb, &r->pieces[k]);
        if (rc != TC_OK || tc_text_is_blank(&c->text)) {
            tc_cue_free(c);
            continue;
        }
        (*shown)++;
        c->start = to_ms(t0);
        c->end = to_ms(t1);
        c->line = r->pline;
        c->place = pl;
        if (r->pid != NULL &&
            (rc = tc_cue_set_id(c, r->pid, strlen(r->pid))) != TC_OK) {
            tc_cue_free(c);
            break;
        }
        if (r->hidden) {
            tc_cue_free(c);
            continue;
        }
        rc = tc_stage_push(r->next, c);
    }
    return rc;
}

/* The <p> has closed over [b, e).  A <p> outside every region whose spans
 * name regions shows each span in its region, and nothing else. */
static int
p_emit(struct ttml_reader *r, double b, double e, const struct tstyle *ps)
{
    size_t shown = 0, i, j;
    int rc = TC_OK;

    if (r->pregion < 0 && r->regions.n > 0) {
        for (i = 0; i < r->npieces && rc == TC_OK; i++) {
            long rg = r->pieces[i].region;

            if (rg < 0)
                continue;
            for (j = 0; j < i; j++)
                if (r->pieces[j].region == rg)
                    break;
            if (j == i) {
                size_t n = 0;

                r->hidden = 0;
                rc = p_emit_in(r, b, e, ps, rg, 1, &n);
                r->hidden = 1;
            }
        }
        for (i = 0; i < r->npieces; i++)
            if (r->pieces[i].region < 0)
                break;
        if (i == r->npieces)
            return rc;
        /* the text outside every region: counted, never shown */
        if (rc == TC_OK)
            rc = p_emit_in(r, b, e, ps, -1, 1, &shown);
    } else {
        rc = p_emit_in(r, b, e, ps, r->pregion, 0, &shown);
    }
    if (rc == TC_OK && r->hidden && shown > 0)
        rc = tc_diagf(r->ctx, TC_D_REPAIRED, r->pline, 0,
                      "a <p> in no region, or in a region its <div> does "
                      "not flow into, is never shown: dropped as players "
                      "do");
    return rc;
}

/* ---- elements ----------------------------------------------------------- */

/* Attribute values copied out of the reader (its strings do not last). */
struct attrs {
    struct tc_buf buf;
    size_t begin, end, dur, style, region, container, id, lang, space,
        agent, display;
    struct tstyle inl;
};

static const char *
aval(const struct attrs *a, size_t off)
{
    return off == 0 ? NULL : a->buf.data + off;
}

static int
read_attrs(struct ttml_reader *r, struct attrs *a, struct frame *f)
{
    int tick_given = 0, rc = TC_OK;

    tc_buf_clear(&a->buf);
    tc_buf_addc(&a->buf, '\0');
    a->begin = a->end = a->dur = a->style = a->region = a->container = 0;
    a->id = a->lang = a->space = a->agent = a->display = 0;
    memset(&a->inl, 0, sizeof a->inl);
    while (xmlTextReaderMoveToNextAttribute(r->xr) == 1 && rc == TC_OK) {
        const char *name = (const char *)xmlTextReaderConstLocalName(r->xr);
        const char *v = (const char *)xmlTextReaderConstValue(r->xr);
        enum ns_kind ns = ns_of(xmlTextReaderConstNamespaceUri(r->xr));
        size_t *slot = NULL;

        if (name == NULL || v == NULL)
            continue;
        if (ns == NS_NONE) {
            if (strcmp(name, "begin") == 0)
                slot = &a->begin;
            else if (strcmp(name, "end") == 0)
                slot = &a->end;
            else if (strcmp(name, "dur") == 0)
                slot = &a->dur;
            else if (strcmp(name, "style") == 0)
                slot = &a->style;
            else if (strcmp(name, "region") == 0)
                slot = &a->region;
            else if (strcmp(name, "timeContainer") == 0)
                slot = &a->container;
        } else if (ns == NS_XML) {
            if (strcmp(name, "id") == 0)
                slot = &a->id;
            else if (strcmp(name, "lang") == 0)
                slot = &a->lang;
            else if (strcmp(name, "space") == 0)
                slot = &a->space;
        } else if (ns == NS_TTM && strcmp(name, "agent") == 0) {
            slot = &a->agent;
        } else if (ns == NS_TTS && strcmp(name, "display") == 0) {
            slot = &a->display;
        } else if (ns == NS_TTS) {
            rc = style_attr(r, &a->inl, name, v);
        } else if (ns == NS_OTHER && f->kind == EL_TT &&
                   strcmp((const char *)xmlTextReaderConstNamespaceUri(
                              r->xr),
                          "http://music.apple.com/lyric-ttml-internal")
                       == 0) {
            r->apple = 1;
        } else if (ns == NS_TTP && f->kind == EL_TT) {
            rc = param_attr(r, name, v, &tick_given);
        }
        if (slot != NULL) {
            *slot = a->buf.len;
            tc_buf_adds(&a->buf, v);
            tc_buf_addc(&a->buf, '\0');
        }
    }
    xmlTextReaderMoveToElement(r->xr);
    if (f->kind == EL_TT && !tick_given)
        r->tp.tick_rate = (double)r->tp.frame_rate * r->tp.mult;
    if (rc == TC_OK && tc_buf_status(&a->buf) != TC_OK)
        rc = TC_ERR_NOMEM;
    return rc;
}

/* begin/end/dur against the parent's time container. */
static void
set_timing(struct ttml_reader *r, struct frame *f, const struct frame *pa,
           const struct attrs *a)
{
    double ref = pa->seq ? pa->next_begin : pa->begin, v, e = INFINITY;

    /* Apple's times are counted from the start whatever the parent's
     * begin, and its word timings on spans only highlight: the line shows
     * whole, as Apple's player shows it */
    if (r->apple && f->kind == EL_SPAN) {
        f->begin = pa->begin;
        f->clip = pa->clip;
        f->explicit_end = 0;
        f->acc_end = f->next_begin = f->begin;
        f->seq = 0;
        f->zero_text = 0;
        return;
    }
    if (r->apple)
        ref = 0;
    f->begin = ref;
    if (aval(a, a->begin) && parse_time_attr(r, "begin", aval(a, a->begin),
                                             &v))
        f->begin = ref + v;
    f->explicit_end = 0;
    if (aval(a, a->end) && parse_time_attr(r, "end", aval(a, a->end), &v)) {
        e = ref + v;
        f->explicit_end = 1;
    }
    if (aval(a, a->dur) && parse_time_attr(r, "dur", aval(a, a->dur), &v)) {
        if (f->begin + v < e)
            e = f->begin + v;
        f->explicit_end = 1;
    }
    f->clip = e < pa->clip ? e : pa->clip;
    f->acc_end = f->begin;
    f->next_begin = f->begin;
    f->seq = aval(a, a->container) != NULL &&
             strcmp(aval(a, a->container), "seq") == 0;
    /* a span without an end inside a seq container, like the text itself,
     * has no implicit duration */
    f->zero_text = f->kind == EL_SPAN && !f->explicit_end &&
                   (pa->seq || pa->zero_text);
}

static int
announce(struct ttml_reader *r)
{
    struct tc_track t;

    if (r->announced)
        return TC_OK;
    r->announced = 1;
    memset(&t, 0, sizeof t);
    t.lang = r->lang;
    return tc_stage_track(r->next, &t);
}

static int
on_start(struct ttml_reader *r, struct attrs *a)
{
    const char *name = (const char *)xmlTextReaderConstLocalName(r->xr);
    enum ns_kind ns = ns_of(xmlTextReaderConstNamespaceUri(r->xr));
    struct frame *f, *pa = r->depth > 0 ? &r->fr[r->depth - 1] : NULL;
    int rc;

    if (r->depth == TTML_DEPTH_MAX)
        return report(r, TC_D_LIMIT, "elements nested deeper than %s%s",
                      "64", NULL);
    f = &r->fr[r->depth++];
    if (pa != NULL) {
        *f = *pa;
        f->def = NULL;
        if (pa->kind == EL_P)
            f->display_none = 0;    /* the <p>'s window covers it */
    } else {
        memset(f, 0, sizeof *f);
        f->clip = INFINITY;
        f->region = -1;
        f->agent = -1;
    }
    f->kind = kind_of(name != NULL ? name : "", ns);
    if (pa == NULL) {
        if (f->kind != EL_TT)
            return report(r, TC_D_SYNTAX, "not a TTML document: the root "
                          "element is <%s>, not <tt> in a TTML namespace%s",
                          name, NULL);
    } else if (pa->ignored || f->kind == EL_IGNORED || f->kind == EL_TT) {
        f->ignored = 1;
        return TC_OK;
    }
    if ((rc = read_attrs(r, a, f)) != TC_OK)
        return rc;
    if (aval(a, a->space) != NULL)
        f->preserve = strcmp(aval(a, a->space), "preserve") == 0;
    switch (f->kind) {
    case EL_TT:
        if (aval(a, a->lang) != NULL && *aval(a, a->lang) != '\0') {
            r->lang = strdup(aval(a, a->lang));
            if (r->lang == NULL)
                return TC_ERR_NOMEM;
        }
        return TC_OK;
    case EL_STYLE:
        if (pa->kind == EL_REGION && pa->def != NULL) {
            /* a region's own <style> child: its attributes only */
            style_over(&pa->def->nested, &a->inl);
            return TC_OK;
        }
        if (pa->kind != EL_STYLING || aval(a, a->id) == NULL) {
            f->ignored = 1;
            return TC_OK;
        }
        /* fall through */
    case EL_REGION:
        if (aval(a, a->id) == NULL ||
            (f->kind == EL_REGION && pa->kind != EL_LAYOUT)) {
            f->ignored = f->kind == EL_REGION;
            return TC_OK;
        }
        f->def = def_add(r, f->kind == EL_STYLE ? &r->styles : &r->regions,
                         aval(a, a->id));
        if (f->def == NULL)
            return r->rc != TC_OK ? r->rc : TC_ERR_NOMEM;
        f->def->own = a->inl;
        if (aval(a, a->style) != NULL &&
            (f->def->refs = strdup(aval(a, a->style))) == NULL)
            return TC_ERR_NOMEM;
        if (f->kind == EL_REGION) {
            struct frame root;

            /* a region's timing counts from the document's start */
            memset(&root, 0, sizeof root);
            root.clip = INFINITY;
            set_timing(r, f, &root, a);
            f->def->begin = f->begin;
            f->def->end = f->clip;
        }
        return TC_OK;
    case EL_AGENT:
        if (aval(a, a->id) != NULL &&
            (f->agent = agent_add(r, aval(a, a->id))) < 0)
            return r->rc != TC_OK ? r->rc : TC_ERR_NOMEM;
        return TC_OK;
    case EL_SET:
        /* <set tts:display="auto"> on a hidden <p> shows it for a while;
         * other animations change nothing transcue keeps */
        if (pa->kind == EL_P && aval(a, a->display) != NULL &&
            strcmp(aval(a, a->display), "auto") == 0 && pa->display_none) {
            set_timing(r, f, pa, a);
            r->vis_b = f->begin;
            r->vis_e = f->clip;
        } else if (aval(a, a->display) != NULL) {
            tc_diagf(r->ctx, TC_D_IGNORED, cur_line(r), 0,
                     "<set tts:display> other than showing a hidden <p>");
        }
        f->ignored = 1;
        return TC_OK;
    case EL_HEAD: case EL_STYLING: case EL_LAYOUT: case EL_METADATA:
    case EL_NAME: case EL_IGNORED:
        return TC_OK;
    default:
        break;
    }
    /* content: body, div, p, span, br */
    if ((f->kind == EL_BODY && pa->kind != EL_TT) ||
        (f->kind == EL_DIV && pa->kind != EL_BODY && pa->kind != EL_DIV) ||
        (f->kind == EL_P && pa->kind != EL_DIV && pa->kind != EL_BODY) ||
        ((f->kind == EL_SPAN || f->kind == EL_BR) &&
         pa->kind != EL_P && pa->kind != EL_SPAN)) {
        f->ignored = 1;
        return report(r, TC_D_JUNK, "<%s> is out of place here; "
                      "ignored%s", name, NULL);
    }
    if ((rc = announce(r)) != TC_OK)
        return rc;
    set_timing(r, f, pa, a);
    if ((rc = apply_refs(r, aval(a, a->style), &f->spec)) != TC_OK)
        return rc;
    style_over(&f->spec, &a->inl);
    if (aval(a, a->agent) != NULL) {
        char id[256];

        snprintf(id, sizeof id, "%.*s",
                 (int)strcspn(aval(a, a->agent), " \t\r\n"),
                 aval(a, a->agent));
        f->agent = agent_find(r, id);
        if (f->agent < 0 && (f->agent = agent_add(r, id)) < 0)
            return r->rc != TC_OK ? r->rc : TC_ERR_NOMEM;
    }
    if (aval(a, a->display) != NULL)
        f->display_none = strcmp(aval(a, a->display), "none") == 0;
    if (aval(a, a->region) != NULL && f->kind == EL_SPAN) {
        const char *id = aval(a, a->region);
        struct tdef *rg = def_find(&r->regions, id, strlen(id));

        /* a span names a region only when its <p> has none: the span
         * alone is then shown there */
        if (rg != NULL && (rc = resolve_def(r, rg, 1)) != TC_OK)
            return rc;
        if (rg != NULL && f->region == -1)
            f->region = (long)(rg - r->regions.v);
    } else if (aval(a, a->region) != NULL && f->kind != EL_BR) {
        const char *id = aval(a, a->region);
        struct tdef *rg = def_find(&r->regions, id, strlen(id));
        long idx = rg != NULL ? (long)(rg - r->regions.v) : -1;

        if (rg == NULL && (rc = report(r, TC_D_REPAIRED, "unknown region "
                                       "'%s' ignored%s", id, NULL)) != TC_OK)
            return rc;
        if (rg != NULL && (rc = resolve_def(r, rg, 1)) != TC_OK)
            return rc;
        /* an element cannot leave the region its ancestor flows into */
        if (f->region_set && f->region != idx)
            f->region = -2;
        else
            f->region = idx;
        f->region_set = 1;
    }
    if (f->kind == EL_P) {
        r->npieces = 0;
        tc_buf_clear(&r->ptext);
        free(r->pid);
        r->pid = aval(a, a->id) ? strdup(aval(a, a->id)) : NULL;
        r->pline = cur_line(r);
        r->pregion = f->region >= 0 ? f->region : -1;
        r->hidden = f->region == -2 ||
                    (f->region == -1 && r->regions.n > 0);
        r->vis_b = -INFINITY;
        r->vis_e = f->display_none ? -INFINITY : INFINITY;
    } else if (f->kind == EL_BR) {
        r->depth--;             /* the br is a piece of its parent */
        rc = add_piece(r, PC_BR, "", 0);
        r->depth++;
        return rc;
    }
    return TC_OK;
}

static int
on_end(struct ttml_reader *r)
{
    struct frame *f = &r->fr[r->depth - 1], *pa;
    double end;
    int rc = TC_OK;

    r->depth--;
    if (f->ignored || r->depth == 0)
        return TC_OK;
    pa = &r->fr[r->depth - 1];
    if (f->kind == EL_STYLE || f->kind == EL_REGION || f->kind == EL_AGENT ||
        f->kind == EL_HEAD || f->kind == EL_STYLING || f->kind == EL_LAYOUT ||
        f->kind == EL_METADATA || f->kind == EL_NAME)
        return TC_OK;
    if (f->kind == EL_BR)
        return TC_OK;
    end = f->explicit_end ? f->clip
          : (f->acc_end < f->clip ? f->acc_end : f->clip);
    if (end < f->begin)
        end = f->begin;
    if (f->kind == EL_P) {
        struct tstyle ps;

        memset(&ps, 0, sizeof ps);
        if (r->pregion >= 0)
            ps = r->regions.v[r->pregion].flat;
        style_over(&ps, &f->spec);
        rc = p_emit(r, f->begin, end, &ps);
        r->npieces = 0;
    }
    if (pa->seq) {
        pa->next_begin = end;
        pa->acc_end = end;
    } else if (end > pa->acc_end) {
        pa->acc_end = end;
    }
    return rc;
}

static int
on_text(struct ttml_reader *r)
{
    struct frame *f = &r->fr[r->depth - 1];
    const char *v = (const char *)xmlTextReaderConstValue(r->xr);

    if (r->depth == 0 || f->ignored || v == NULL)
        return TC_OK;
    if (f->kind == EL_P || f->kind == EL_SPAN)
        return add_piece(r, PC_TEXT, v, strlen(v));
    if (f->kind == EL_NAME && r->depth >= 2 &&
        r->fr[r->depth - 2].kind == EL_AGENT && f->agent >= 0) {
        struct tc_buf *nb = &r->agents[f->agent].name;

        if (nb->len == 0) {
            const char *s = v;
            size_t n = strlen(s);

            tc_trim(&s, &n);
            tc_buf_add(nb, s, n);
        }
        return TC_OK;
    }
    if (f->kind == EL_BODY || f->kind == EL_DIV) {
        size_t n = strlen(v);

        if (!tc_is_blank_line(v, n) && strspn(v, " \t\r\n") != n)
            return report(r, TC_D_JUNK, "text outside <p> ignored: "
                          "'%.40s'%s", v, NULL);
    }
    return TC_OK;
}

/* A DOCTYPE is harmless unless it declares entities: those are how files
 * reach outside themselves (SYSTEM "file:///...") or blow up in memory
 * (nested expansions), and TTML never needs them. */
static int
on_doctype(struct ttml_reader *r)
{
    /* the node, not xmlTextReaderCurrentDoc(): that one would take the
     * document out of the reader's hands */
    xmlNodePtr n = xmlTextReaderCurrentNode(r->xr);
    xmlDocPtr doc = n != NULL ? n->doc : NULL;

    if (doc != NULL && ((doc->intSubset != NULL &&
                         doc->intSubset->entities != NULL) ||
                        (doc->extSubset != NULL &&
                         doc->extSubset->entities != NULL)))
        return report(r, TC_D_XML, "entity declarations are refused: "
                      "TTML needs none, and they can read local files or "
                      "exhaust memory%s%s", "", NULL);
    return tc_diagf(r->ctx, TC_D_IGNORED, cur_line(r), 0,
                    "document type declaration");
}

/* ---- reading ------------------------------------------------------------ */

static int
ttml_loop(struct ttml_reader *r)
{
    struct attrs a;
    int got, rc = TC_OK;

    tc_buf_init(&a.buf, 0);
    while (rc == TC_OK && r->rc == TC_OK &&
           (got = xmlTextReaderRead(r->xr)) == 1) {
        switch (xmlTextReaderNodeType(r->xr)) {
        case XML_READER_TYPE_ELEMENT: {
            int empty = xmlTextReaderIsEmptyElement(r->xr);
            int before = r->depth;

            rc = on_start(r, &a);
            if (rc == TC_OK && empty == 1 && r->depth > before)
                rc = on_end(r);
            break;
        }
        case XML_READER_TYPE_END_ELEMENT:
            if (r->depth > 0)
                rc = on_end(r);
            break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
            rc = on_text(r);
            break;
        case XML_READER_TYPE_DOCUMENT_TYPE:
            rc = on_doctype(r);
            break;
        case XML_READER_TYPE_ENTITY_REFERENCE:
            rc = report(r, TC_D_XML, "entity reference refused%s%s", "",
                        NULL);
            break;
        default:
            break;
        }
    }
    tc_buf_release(&a.buf);
    if (rc == TC_OK)
        rc = r->rc;
    if (rc == TC_OK && got < 0) {
        /* libxml2 failed without calling the error handler */
        if (!r->xml_failed)
            tc_diagf(r->ctx, TC_D_XML, cur_line(r), 0,
                     "the document is not well-formed XML");
        rc = TC_ERR_SYNTAX;
    }
    return rc;
}

static int
ttml_read(struct tc_source *src, struct tc_stage *next)
{
    struct ttml_reader r;
    size_t i;
    int rc;

    memset(&r, 0, sizeof r);
    r.src = src;
    r.ctx = tc_source_ctx(src);
    r.next = next;
    r.pregion = -1;
    tc_ttml_timing_init(&r.tp);
    tc_buf_init(&r.ptext, TTML_P_MAX);
    r.cuts = malloc(2 * sizeof *r.cuts);
    if (r.cuts == NULL)
        return TC_ERR_NOMEM;
    /* The source is already UTF-8, whatever the declaration says.  No
     * network, no DTD, no entity substitution: see the top of the file. */
    r.xr = xmlReaderForIO(xml_read, xml_close, &r, NULL, "UTF-8",
                          XML_PARSE_NONET | XML_PARSE_NOCDATA);
    if (r.xr == NULL) {
        free(r.cuts);
        return TC_ERR_NOMEM;
    }
    xmlTextReaderSetStructuredErrorHandler(r.xr, xml_error, &r);
    rc = ttml_loop(&r);
    if (rc == TC_OK && r.depth == 0 && !r.announced)
        rc = announce(&r);
    xmlFreeTextReader(r.xr);
    r.xr = NULL;
    defs_free(&r.styles);
    defs_free(&r.regions);
    for (i = 0; i < r.nagents; i++) {
        free(r.agents[i].id);
        tc_buf_release(&r.agents[i].name);
    }
    free(r.agents);
    free(r.pieces);
    free(r.cuts);
    free(r.pid);
    free(r.lang);
    tc_buf_release(&r.ptext);
    return rc;
}

/* ---- probe and descriptor ------------------------------------------------ */

static int
has(const unsigned char *p, size_t n, const char *s)
{
    size_t k = strlen(s), i;

    for (i = 0; i + k <= n; i++)
        if (memcmp(p + i, s, k) == 0)
            return 1;
    return 0;
}

static int
ttml_probe(const unsigned char *head, size_t len)
{
    size_t i = 0;

    while (i < len && is_ws((char)head[i]))
        i++;
    if (i == len || head[i] != '<')
        return TC_PROBE_NO;
    if (!has(head, len, "<tt") && !has(head, len, ":tt"))
        return TC_PROBE_NO;
    if (has(head, len, "http://www.w3.org/ns/ttml") ||
        has(head, len, "http://www.w3.org/2006/10/ttaf1") ||
        has(head, len, "http://www.w3.org/2006/04/ttaf1"))
        return TC_PROBE_CERTAIN;
    return TC_PROBE_LIKELY;
}

const struct tc_format tc_format_ttml = {
    .name       = "ttml",
    .desc       = "TTML2 / IMSC 1.1 Text",
    .extensions = "ttml dfxp xml",
    .probe      = ttml_probe,
    .read       = ttml_read,
    .writer_new = tc_ttml_writer_new,
};
