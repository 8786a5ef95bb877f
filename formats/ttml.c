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
 * that declares entities is refused (libxml2's own amplification guard
 * stops an expansion bomb that its read-ahead meets first), and nesting
 * deeper than TTML_DEPTH_MAX is an error.  Limits are in ttml_read.h.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ttml_read.h"

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

/* The namespace of an element or an attribute, read off the node (the
 * reader's own call would look its URI up in a dictionary every time).
 * The declarations remember_ns() saw last as long as the document, so
 * theirs are recognised by address; any other by its URI. */
static enum ns_kind
ns_kind_of(const struct ttml_reader *r, const xmlNs *ns)
{
    unsigned i;

    if (ns == NULL)
        return NS_NONE;
    for (i = 0; i < r->nnsc; i++)
        if (r->nsc[i].ns == ns)
            return (enum ns_kind)r->nsc[i].kind;
    return ns_of(ns->href);
}

static void
remember_one(struct ttml_reader *r, const xmlNs *ns)
{
    if (r->nnsc == TTML_NSC)
        return;
    r->nsc[r->nnsc].ns = ns;
    r->nsc[r->nnsc++].kind = (int)ns_of(ns->href);
}

/* At the root element: its namespace declarations and the document's xml:
 * namespace, which every element of the document refers to. */
static void
remember_ns(struct ttml_reader *r, const xmlNode *root)
{
    const xmlNs *ns;

    r->nnsc = 0;
    if (root->doc != NULL && root->doc->oldNs != NULL)
        remember_one(r, root->doc->oldNs);
    for (ns = root->nsDef; ns != NULL; ns = ns->next)
        remember_one(r, ns);
}

/* A name whose prefix was never declared reaches the reader whole
 * ("tts:color") and without a namespace; libxml2 has reported it as a
 * recoverable error.  TTML's usual prefixes mean what they always mean. */
static enum ns_kind
undeclared_prefix(const char **name)
{
    static const struct {
        const char *prefix;
        enum ns_kind ns;
    } known[] = {
        { "tts:", NS_TTS }, { "ttp:", NS_TTP }, { "ttm:", NS_TTM },
        { "tt:", NS_TT },
    };
    size_t i;

    for (i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strncmp(*name, known[i].prefix, strlen(known[i].prefix)) == 0) {
            *name += strlen(known[i].prefix);
            return known[i].ns;
        }
    return NS_NONE;
}

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
        if (table[i].ns == ns && table[i].name[0] == name[0] &&
            strcmp(table[i].name, name) == 0)
            return table[i].kind;
    return EL_IGNORED;
}

/* ---- diagnostics and libxml2's callbacks --------------------------------- */

/* The line of the node being read.  The parser itself has usually read
 * further ahead, so its own line number would point past the node. */
unsigned long
tc_ttml_cur_line(struct ttml_reader *r)
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
int
tc_ttml_report(struct ttml_reader *r, int id, const char *fmt, const char *a,
               const char *b)
{
    int rc = tc_diagf(r->ctx, id, tc_ttml_cur_line(r), 0, fmt, a, b ? b : "");

    if (rc == TC_OK && tc_diag_severity(id) >= TC_SEV_ERROR)
        rc = TC_ERR_SYNTAX;
    if (rc != TC_OK && r->rc == TC_OK)
        r->rc = rc;
    return rc;
}

int
tc_ttml_repeat(struct ttml_reader *r, int which, int id, const char *fmt,
               const char *a, const char *b)
{
    int rc = tc_repeatf(r->ctx, &r->rp[which], id, tc_ttml_cur_line(r), 0,
                        fmt, a, b ? b : "");

    if (rc != TC_OK && r->rc == TC_OK)
        r->rc = rc;
    return rc;
}

/* An XML error the parser reads past (a duplicate or malformed xml:id, an
 * undeclared prefix): the meaning of the document is clear, so it is a
 * warning; each kind is said once and counted. */
static void
xml_recovered(struct ttml_reader *r, const xmlError *e, const char *msg)
{
    size_t i;
    int rc;

    if (r->rc != TC_OK)
        return;                 /* stopped (--strict): the rest is noise */
    for (i = 0; i < r->nxrec && r->xrec[i].code != e->code; i++)
        ;
    if (i == r->nxrec && r->nxrec < TTML_XREC_MAX)
        r->xrec[r->nxrec++].code = e->code;
    if (i == TTML_XREC_MAX)
        i--;
    rc = tc_repeatf(r->ctx, &r->xrec[i].rp, TC_D_XML_RECOVERED,
                    (unsigned long)e->line,
                    (unsigned)(e->int2 > 0 ? e->int2 : 0), "%s",
                    msg);
    if (rc != TC_OK && r->rc == TC_OK)
        r->rc = rc;
}

static void
xml_error(void *ud, xmlErrorPtr e)
{
    struct ttml_reader *r = ud;
    char msg[512], *p;
    size_t n;

    if (e == NULL || r->xml_failed)
        return;             /* after the first error the rest is noise */
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "?");
    n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    for (p = msg; *p != '\0'; p++)
        if (*p == '\n')
            *p = ' ';
    if (e->level == XML_ERR_WARNING) {
        tc_diagf(r->ctx, TC_D_IGNORED, (unsigned long)e->line,
                 (unsigned)(e->int2 > 0 ? e->int2 : 0), "XML: %s", msg);
        return;
    }
    if (e->level == XML_ERR_ERROR) {
        xml_recovered(r, e, msg);
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

/* ---- elements ----------------------------------------------------------- */

static const char *
kind_name(enum el_kind k)
{
    switch (k) {
    case EL_P:
        return "p";
    case EL_SPAN:
        return "span";
    case EL_DIV:
        return "div";
    case EL_BODY:
        return "body";
    case EL_REGION:
        return "region";
    case EL_SET:
        return "set";
    default:
        return "element";
    }
}

/* An unreadable time on the element being opened.  The paragraph it
 * belongs to is skipped (the reader goes on with the next); a container's
 * bad time skips every paragraph in it; elsewhere the attribute is
 * ignored. */
void
tc_ttml_bad_time(struct ttml_reader *r, const char *name, const char *v)
{
    struct frame *f = &r->fr[r->depth - 1];
    unsigned long line = tc_ttml_cur_line(r);
    const char *k = kind_name(f->kind);
    int rc = TC_OK;

    if (r->own_bad)
        return;                 /* one word per element */
    r->own_bad = 1;
    if (f->kind == EL_P || (f->kind == EL_SPAN && !r->pskip)) {
        f->bad_time = line;
        if (f->kind == EL_SPAN)
            r->pskip = 1;
        rc = tc_skipf(r->ctx, TC_D_TIME_BAD, line, 0, "<%s %s='%s'>%s", k,
                      name, v, f->kind == EL_SPAN ? " in this paragraph"
                                                  : "");
    } else if (f->kind == EL_DIV || f->kind == EL_BODY) {
        f->bad_time = line;
        rc = tc_diagf(r->ctx, TC_D_TIME_BAD, line, 0, "<%s %s='%s'>: every "
                      "paragraph in it is skipped", k, name, v);
    } else if (f->kind != EL_SPAN) {
        rc = tc_diagf(r->ctx, TC_D_TIME_BAD, line, 0, "<%s %s='%s'> "
                      "ignored", k, name, v);
    }
    if (rc != TC_OK && r->rc == TC_OK)
        r->rc = rc;
}

/* Attribute values copied out of the reader (its strings do not last). */
struct attrs {
    struct tc_buf buf;
    size_t begin, end, dur, style, region, container, id, lang, space,
        agent, display, bare_id;
    struct tstyle inl;
};

static const char *
aval(const struct attrs *a, size_t off)
{
    return off == 0 ? NULL : a->buf.data + off;
}

/* The attributes read_attrs() keeps, by namespace and name. */
static const struct {
    enum ns_kind ns;
    const char *name;
    size_t off;                 /* of its slot in struct attrs */
} slots[] = {
    { NS_NONE, "begin", offsetof(struct attrs, begin) },
    { NS_NONE, "end", offsetof(struct attrs, end) },
    { NS_NONE, "dur", offsetof(struct attrs, dur) },
    { NS_NONE, "style", offsetof(struct attrs, style) },
    { NS_NONE, "region", offsetof(struct attrs, region) },
    { NS_NONE, "timeContainer", offsetof(struct attrs, container) },
    { NS_NONE, "id", offsetof(struct attrs, bare_id) },
    { NS_XML, "id", offsetof(struct attrs, id) },
    { NS_XML, "lang", offsetof(struct attrs, lang) },
    { NS_XML, "space", offsetof(struct attrs, space) },
    { NS_TTM, "agent", offsetof(struct attrs, agent) },
    { NS_TTS, "display", offsetof(struct attrs, display) },
};

/* An attribute's value: its one text node as the parser leaves it, else
 * (empty, or an entity reference in it) what the reader makes of it.  no
 * counts the element's attributes before it. */
static const char *
attr_value(struct ttml_reader *r, const xmlNode *el, const xmlAttr *at,
           int no)
{
    const xmlNode *t = at->children;
    const xmlNs *ns;
    const char *v;

    if (t != NULL && t->type == XML_TEXT_NODE && t->next == NULL)
        return (const char *)t->content;
    for (ns = el->nsDef; ns != NULL; ns = ns->next)
        no++;                   /* the reader counts them first */
    if (xmlTextReaderMoveToAttributeNo(r->xr, no) != 1)
        return NULL;
    v = (const char *)xmlTextReaderConstValue(r->xr);
    xmlTextReaderMoveToElement(r->xr);
    return v;
}

/* The attributes of the element being opened, walked on its node.  Its
 * namespace declarations are not among them: none is an attribute TTML
 * reads. */
static int
read_attrs(struct ttml_reader *r, const xmlNode *el, struct attrs *a,
           struct frame *f)
{
    const xmlAttr *at;
    size_t i;
    int no = 0, tick_given = 0, rc = TC_OK;

    tc_buf_clear(&a->buf);
    tc_buf_addc(&a->buf, '\0');
    a->begin = a->end = a->dur = a->style = a->region = a->container = 0;
    a->id = a->lang = a->space = a->agent = a->display = a->bare_id = 0;
    memset(&a->inl, 0, sizeof a->inl);
    for (at = el->properties; at != NULL && rc == TC_OK;
         at = at->next, no++) {
        const char *name = (const char *)at->name;
        const char *v = attr_value(r, el, at, no);
        enum ns_kind ns = ns_kind_of(r, at->ns);
        size_t *slot = NULL;

        if (name == NULL || v == NULL)
            continue;
        if (ns == NS_NONE && strchr(name, ':') != NULL)
            ns = undeclared_prefix(&name);
        for (i = 0; i < sizeof slots / sizeof slots[0]; i++)
            if (slots[i].ns == ns && slots[i].name[0] == name[0] &&
                strcmp(slots[i].name, name) == 0) {
                slot = (size_t *)((char *)a + slots[i].off);
                break;
            }
        if (slot != NULL) {
            *slot = a->buf.len;
            tc_buf_add(&a->buf, v, strlen(v) + 1);  /* with its NUL */
        } else if (ns == NS_TTS) {
            rc = tc_ttml_style_attr(r, &a->inl, name, v);
        } else if (ns == NS_OTHER && f->kind == EL_TT &&
                   strcmp((const char *)at->ns->href,
                          "http://music.apple.com/lyric-ttml-internal")
                       == 0) {
            r->apple = 1;
        } else if (ns == NS_TTP && f->kind == EL_TT) {
            rc = tc_ttml_param_attr(r, name, v, &tick_given);
        }
    }
    /* id="s1" where xml:id="s1" is meant, as some tools write it on
     * styles and regions: what it names is clear */
    if (a->id == 0 && a->bare_id != 0 && rc == TC_OK &&
        (f->kind == EL_STYLE || f->kind == EL_REGION)) {
        a->id = a->bare_id;
        rc = tc_ttml_repeat(r, TR_BAREID, TC_D_REPAIRED, "id='%s' read as "
                            "xml:id%s", aval(a, a->id), NULL);
    }
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
    if (aval(a, a->begin) &&
        tc_ttml_parse_time_attr(r, "begin", aval(a, a->begin), &v))
        f->begin = ref + v;
    f->explicit_end = 0;
    if (aval(a, a->end) &&
        tc_ttml_parse_time_attr(r, "end", aval(a, a->end), &v)) {
        e = ref + v;
        f->explicit_end = 1;
    }
    if (aval(a, a->dur) &&
        tc_ttml_parse_time_attr(r, "dur", aval(a, a->dur), &v)) {
        if (f->begin + v < e)
            e = f->begin + v;
        f->explicit_end = 1;
    }
    if (e < f->begin && f->kind == EL_P && !r->own_bad) {
        /* TTML shows it never: a cue the format itself discards */
        int rc = tc_skipf(r->ctx, TC_D_TIME_REVERSED, tc_ttml_cur_line(r),
                          0, "<p> ends before it begins, so TTML never "
                          "shows it");

        r->own_bad = 1;
        f->bad_time = tc_ttml_cur_line(r);
        if (rc != TC_OK && r->rc == TC_OK)
            r->rc = rc;
    } else if (e < f->begin) {
        tc_ttml_report(r, TC_D_TIME_REVERSED, "<%s> ends before it begins "
                       "and is never shown%s", kind_name(f->kind), NULL);
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

/* The root element.  A <tt> without a namespace is read as TTML, with a
 * warning: its meaning is clear. */
static int
root_check(struct ttml_reader *r, struct frame *f, const char *name,
           const char *uri)
{
    if (f->kind == EL_TT)
        return TC_OK;
    if (strcmp(name, "tt") == 0 && uri == NULL) {
        r->no_ns = 1;
        f->kind = EL_TT;
        return tc_ttml_report(r, TC_D_REPAIRED, "the root element <tt> has "
                              "no namespace; read as TTML (whose namespace "
                              "is %s)%s", "http://www.w3.org/ns/ttml", NULL);
    }
    if (strcmp(name, "tt") == 0)
        return tc_ttml_report(r, TC_D_SYNTAX, "not a TTML document: the "
                              "root element <tt> is in the namespace %s, "
                              "which is not TTML's%s", uri, NULL);
    return tc_ttml_report(r, TC_D_SYNTAX, "not a TTML document: the root "
                          "element is <%s>, where TTML has <tt>%s", name,
                          NULL);
}

static int
on_start(struct ttml_reader *r, struct attrs *a)
{
    const xmlNode *el = xmlTextReaderCurrentNode(r->xr);
    const char *name = (const char *)el->name;
    const xmlChar *uri = el->ns != NULL ? el->ns->href : NULL;
    enum ns_kind ns;
    struct frame *f, *pa = r->depth > 0 ? &r->fr[r->depth - 1] : NULL;
    int rc;

    if (pa == NULL)
        remember_ns(r, el);
    ns = ns_kind_of(r, el->ns);
    if (name == NULL)
        name = "";
    if (uri == NULL && strchr(name, ':') != NULL)
        ns = undeclared_prefix(&name);
    else if (uri == NULL && r->no_ns)
        ns = NS_TT;
    if (r->depth == TTML_DEPTH_MAX)
        return tc_ttml_report(r, TC_D_LIMIT, "elements nested deeper than %s%s",
                              "64", NULL);
    f = &r->fr[r->depth++];
    r->own_bad = 0;
    if (pa != NULL) {
        *f = *pa;
        f->def = NULL;
        if (pa->kind == EL_P)
            f->display_none = 0;    /* the <p>'s window covers it */
    } else {
        memset(f, 0, sizeof *f);
        f->clip = INFINITY;
        f->region = -1;
        f->named = -1;
        f->agent = -1;
    }
    f->kind = kind_of(name, ns);
    if (pa == NULL) {
        if ((rc = root_check(r, f, name, (const char *)uri)) != TC_OK)
            return rc;
    } else if (pa->ignored || f->kind == EL_IGNORED || f->kind == EL_TT) {
        f->ignored = 1;
        return TC_OK;
    }
    if ((rc = read_attrs(r, el, a, f)) != TC_OK)
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
            tc_ttml_style_over(&pa->def->nested, &a->inl);
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
        f->def = tc_ttml_def_add(r, f->kind == EL_STYLE ? &r->styles
                                                         : &r->regions,
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
            (f->agent = tc_ttml_agent_add(r, aval(a, a->id))) < 0)
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
            tc_diagf(r->ctx, TC_D_IGNORED, tc_ttml_cur_line(r), 0,
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
        return tc_ttml_repeat(r, TR_PLACE, TC_D_JUNK, "<%s> is out of place "
                              "here; ignored%s", name, NULL);
    }
    if ((rc = announce(r)) != TC_OK)
        return rc;
    set_timing(r, f, pa, a);
    if ((rc = tc_ttml_apply_refs(r, aval(a, a->style), &f->spec)) != TC_OK)
        return rc;
    tc_ttml_style_over(&f->spec, &a->inl);
    if (aval(a, a->agent) != NULL) {
        char id[256];

        snprintf(id, sizeof id, "%.*s",
                 (int)strcspn(aval(a, a->agent), " \t\r\n"),
                 aval(a, a->agent));
        f->agent = tc_ttml_agent_find(r, id);
        if (f->agent < 0 && (f->agent = tc_ttml_agent_add(r, id)) < 0)
            return r->rc != TC_OK ? r->rc : TC_ERR_NOMEM;
    }
    if (aval(a, a->lang) != NULL)
        snprintf(f->lang, sizeof f->lang, "%s", aval(a, a->lang));
    if (aval(a, a->display) != NULL)
        f->display_none = strcmp(aval(a, a->display), "none") == 0;
    if (aval(a, a->region) != NULL && f->kind == EL_SPAN) {
        const char *id = aval(a, a->region);
        struct tdef *rg = tc_ttml_def_find(&r->regions, id, strlen(id));

        /* a span names a region only when its <p> has none: the span
         * alone is then shown there */
        if (rg != NULL && (rc = tc_ttml_resolve_def(r, rg, 1)) != TC_OK)
            return rc;
        if (rg != NULL && f->region == -1)
            f->region = (long)(rg - r->regions.v);
    } else if (aval(a, a->region) != NULL && f->kind != EL_BR) {
        const char *id = aval(a, a->region);
        struct tdef *rg = tc_ttml_def_find(&r->regions, id, strlen(id));
        long idx = rg != NULL ? (long)(rg - r->regions.v) : -1;

        if (rg == NULL &&
            (rc = tc_ttml_repeat(r, TR_REGION, TC_D_REPAIRED, "region '%s' "
                                 "is not declared; ignored%s", id, NULL))
                != TC_OK)
            return rc;
        if (rg != NULL && (rc = tc_ttml_resolve_def(r, rg, 1)) != TC_OK)
            return rc;
        /* an element cannot leave the region its ancestor flows into */
        if (f->region_set && f->region != idx)
            f->region = -2;
        else
            f->region = idx;
        f->region_set = 1;
        if (idx >= 0)
            f->named = idx;
    }
    if (f->kind == EL_P) {
        /* the paragraph before, if it had no end, ends here */
        if ((rc = tc_ttml_release(r, tc_ttml_ms(f->begin))) != TC_OK)
            return rc;
        r->npieces = 0;
        tc_buf_clear(&r->ptext);
        free(r->pid);
        r->pid = aval(a, a->id) ? strdup(aval(a, a->id)) : NULL;
        r->pline = tc_ttml_cur_line(r);
        r->pregion = f->region >= 0 ? f->region : -1;
        r->pnamed = f->named;
        r->hidden = f->region == -2 ||
                    (f->region == -1 && r->regions.n > 0);
        r->vis_b = -INFINITY;
        r->vis_e = f->display_none ? -INFINITY : INFINITY;
        r->pskip = f->bad_time != 0;
        if (r->pskip && !r->own_bad &&
            (rc = tc_skiprf(r->ctx, &r->rp[TR_BADPARENT], TC_D_TIME_BAD,
                            r->pline, 0, "a paragraph in an element with "
                            "an unreadable time (line %lu)", f->bad_time))
                != TC_OK)
            return rc;
    } else if (f->kind == EL_BR) {
        r->depth--;             /* the br is a piece of its parent */
        rc = tc_ttml_add_piece(r, PC_BR, "", 0);
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
        tc_ttml_style_over(&ps, &f->spec);
        rc = tc_ttml_p_emit(r, f->begin, end, &ps);
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
on_text(struct ttml_reader *r, const char *v)
{
    struct frame *f;

    if (r->depth == 0 || v == NULL)
        return TC_OK;
    f = &r->fr[r->depth - 1];
    if (f->ignored)
        return TC_OK;
    if (f->kind == EL_P || f->kind == EL_SPAN)
        return tc_ttml_add_piece(r, PC_TEXT, v, strlen(v));
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
            return tc_ttml_repeat(r, TR_OUTSIDE, TC_D_JUNK, "text outside "
                                  "<p> ignored: '%.40s'%s", v, NULL);
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
        return tc_ttml_report(r, TC_D_XML, "entity declarations are "
                              "refused: TTML needs none, and they can read "
                              "local files or exhaust memory%s%s", "", NULL);
    return tc_diagf(r->ctx, TC_D_IGNORED, tc_ttml_cur_line(r), 0,
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
        const xmlNode *n = xmlTextReaderCurrentNode(r->xr);

        /* text by the node's own type: the reader's would look through
         * white space and up the tree for xml:space, which on_text()
         * does not need */
        if (n != NULL && (n->type == XML_TEXT_NODE ||
                          n->type == XML_CDATA_SECTION_NODE)) {
            rc = on_text(r, (const char *)n->content);
            continue;
        }
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
        case XML_READER_TYPE_DOCUMENT_TYPE:
            rc = on_doctype(r);
            break;
        case XML_READER_TYPE_ENTITY_REFERENCE:
            rc = tc_ttml_report(r, TC_D_XML, "entity reference refused%s%s", "",
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
            tc_diagf(r->ctx, TC_D_XML, tc_ttml_cur_line(r), 0,
                     "the document is not well-formed XML");
        rc = TC_ERR_SYNTAX;
    }
    return rc;
}

/* What the document repeated, said once at its end. */
static int
ttml_summary(struct ttml_reader *r)
{
    static const char *const what[TR__COUNT] = {
        "undeclared regions", "unknown styles", "colours", NULL,
        "misplaced elements", "text outside paragraphs", NULL,
        "ids without xml:",
    };
    size_t i;
    int rc = TC_OK;

    if (r->nhidden > 0 && !r->regions_strict)
        rc = tc_diagf(r->ctx, TC_D_REPAIRED, r->hidden_line, 0,
                      "%lu paragraph%s (this one first) %s in no region "
                      "that shows %s, so a TTML player would hide %s: "
                      "kept, at the bottom or in the region named; "
                      "--ttml-regions=strict drops them as players do",
                      r->nhidden, r->nhidden == 1 ? "" : "s",
                      r->nhidden == 1 ? "is" : "are",
                      r->nhidden == 1 ? "it" : "them",
                      r->nhidden == 1 ? "it" : "them");
    else if (r->nhidden > 0) {
        tc_ctx_discarded(r->ctx, r->nhidden);
        rc = tc_diagf(r->ctx, TC_D_IGNORED, r->hidden_line, 0,
                      "%lu paragraph%s (this one first) in no region that "
                      "shows %s dropped, as TTML players do "
                      "(--ttml-regions=strict)", r->nhidden,
                      r->nhidden == 1 ? "" : "s",
                      r->nhidden == 1 ? "it" : "them");
    }
    if (rc == TC_OK && r->nopen > 0)
        rc = tc_diagf(r->ctx, TC_D_END_INFERRED, r->open_line, 0,
                      "%lu paragraph%s (this one first) without an end: "
                      "each lasts until the next one begins%s", r->nopen,
                      r->nopen == 1 ? "" : "s", r->open_tail ? " (the "
                      "last one, as long as its text takes to read)" : "");
    for (i = 0; i < TR__COUNT && rc == TC_OK; i++)
        rc = tc_repeat_end(r->ctx, &r->rp[i], what[i]);
    for (i = 0; i < r->nxrec && rc == TC_OK; i++)
        rc = tc_repeat_end(r->ctx, &r->xrec[i].rp, NULL);
    return rc;
}

static int
ttml_options(struct ttml_reader *r)
{
    const char *v = tc_ctx_option(r->ctx, "ttml-regions");

    if (v != NULL && strcmp(v, "strict") == 0)
        r->regions_strict = 1;
    else if (v == NULL || strcmp(v, "keep") != 0) {
        tc_diagf(r->ctx, TC_D_BAD_OPTION, 0, 0,
                 "--ttml-regions=%s: expected keep or strict", v ? v : "");
        return TC_ERR_ARG;
    }
    return TC_OK;
}

static int
ttml_read(struct tc_source *src, struct tc_stage *next)
{
    struct ttml_reader r;
    const unsigned char *head;
    const char *why;
    size_t i, hlen;
    int rc, more;

    memset(&r, 0, sizeof r);
    r.src = src;
    r.ctx = tc_source_ctx(src);
    rc = tc_xml_load(&why);
    if (rc != TC_OK) {
        tc_diagf(r.ctx, TC_D_CANNOT_READ, 0, 0, "TTML needs libxml2: %s",
                 why);
        return rc;
    }
    r.next = next;
    r.pregion = -1;
    r.pnamed = -1;
    if ((rc = ttml_options(&r)) != TC_OK)
        return rc;
    tc_ttml_timing_init(&r.tp);
    tc_buf_init(&r.ptext, TTML_P_MAX);
    tc_buf_init(&r.pnorm, 0);
    r.cuts = malloc(2 * sizeof *r.cuts);
    if (r.cuts == NULL)
        return TC_ERR_NOMEM;
    /* Bytes the source decoded (a byte-order mark it removed, --encoding,
     * UTF-16 told by its NULs) are UTF-8 whatever the declaration says;
     * else they are the file's own, as the declaration names them (the
     * first read tells which).  No network, no DTD, no entity
     * substitution: see the top of the file. */
    if ((rc = tc_source_peek_some(src, &head, &hlen, &more)) != TC_OK) {
        free(r.cuts);
        return rc;
    }
    r.xr = xmlReaderForIO(xml_read, xml_close, &r, NULL, "UTF-8",
                          XML_PARSE_NONET | XML_PARSE_NOCDATA |
                          (tc_source_decoded(src) ? XML_PARSE_IGNORE_ENC : 0));
    if (r.xr == NULL) {
        free(r.cuts);
        return TC_ERR_NOMEM;
    }
    xmlTextReaderSetStructuredErrorHandler(r.xr, xml_error, &r);
    rc = ttml_loop(&r);
    if (rc == TC_OK)
        rc = tc_ttml_release(&r, TC_TIME_NONE);
    if (rc == TC_OK && r.depth == 0 && !r.announced)
        rc = announce(&r);
    if (rc == TC_OK)
        rc = ttml_summary(&r);
    xmlFreeTextReader(r.xr);
    r.xr = NULL;
    tc_ttml_defs_free(&r.styles);
    tc_ttml_defs_free(&r.regions);
    for (i = 0; i < r.nagents; i++) {
        free(r.agents[i].id);
        tc_buf_release(&r.agents[i].name);
    }
    for (i = 0; i < r.nheld; i++)
        tc_cue_free(r.held[i]);
    free(r.held);
    free(r.agents);
    free(r.pieces);
    free(r.cuts);
    free(r.pid);
    free(r.lang);
    tc_buf_release(&r.ptext);
    tc_buf_release(&r.pnorm);
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

    while (i < len && tc_ttml_is_ws((char)head[i]))
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

static const struct tc_optdef ttml_option_rows[] = {
    { { "ttml-regions", "keep", "TTML reader: text in no region that shows "
                                "it: keep (at the bottom, or in the region "
                                "it names) or strict (drop, as TTML "
                                "players do)" }, "keep|strict" },
    { { NULL, NULL, NULL }, NULL }
};

const struct tc_format tc_format_ttml = {
    .name       = "ttml",
    .desc       = "TTML2 / IMSC 1.1 Text",
    .extensions = "ttml dfxp xml",
    .probe      = ttml_probe,
    .read       = ttml_read,
    .writer     = &tc_ttml_writer,
    .options    = ttml_option_rows,
};
