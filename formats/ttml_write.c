/* formats/ttml_write.c -- the TTML writer: a TTML2 document within the
 * IMSC 1.1 Text Profile (https://www.w3.org/TR/ttml-imsc1.1/).
 *
 * Every cue becomes one <p> with clock-time begin and end, in region
 * "bottom", "middle" or "top"; styled runs become <span> elements with
 * inline tts: attributes, so the head can be written before the first cue
 * and the writer streams.  A speaker becomes a ttm:agent, declared in the
 * <metadata> of the first <p> that uses it and referenced from then on.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ttml.h"

#define AGENT_MAX 256   /* speakers given an agent; more are kept as text
                           only, with a warning, to bound memory */

struct esc;

struct ttml_writer {
    struct tc_wr wr;
    int started;
    char *lang;
    const char *encoding;       /* named in the XML declaration */
    struct tc_buf agents;       /* known speakers, each NUL-terminated */
    struct tc_buf out;          /* the cue being written: one write each */
    struct esc *text;           /* the cue's text, while it is written */
    size_t nagents;
    int warned_ctrl, warned_agents, warned_utf8, warned_nonchar;
};

/* Keep the first failure of a warning (TC_ERR_STRICT under --strict). */
static void
warn(struct ttml_writer *w, int rc)
{
    tc_wr_keep(&w->wr, rc);
}

/* What a byte needs in XML text (and attribute values, A_ATTR): nothing,
 * an escape, U+FFFD (a C0 control XML 1.0 cannot hold), or a check that
 * it starts valid UTF-8. */
enum { X_PLAIN, X_AMP, X_LT, X_GT, X_QUOT, X_LF, X_TAB, X_CTRL, X_HIGH };

static const unsigned char xclass[256] = {
    X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL,
    X_CTRL, X_TAB, X_LF, X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL,
    X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL,
    X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL, X_CTRL,
    ['"'] = X_QUOT, ['&'] = X_AMP, ['<'] = X_LT, ['>'] = X_GT,
    [0x80] = X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
    X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH, X_HIGH,
};

static void
out_puts(struct ttml_writer *w, const char *s)
{
    tc_buf_add(&w->out, s, strlen(s));
}

/* How put_escaped() writes a line feed and a quote: as they are (text),
 * escaped (an attribute value), or a line feed as <br/> (a cue's plain
 * text, whose white space is watched for xml:space). */
enum { E_TEXT, E_ATTR, E_LINES };

struct esc {
    int mode;
    char prev;                  /* E_LINES: the byte before, '\n' first */
    int preserve;               /* E_LINES: needs_preserve() would say 1 */
};

#define ESC_CHUNK 4096          /* input bytes written per reservation */
#define ESC_MAX   6             /* output bytes for one input byte */
#define ESC_SLACK 4             /* a character begun at the chunk's end;
                                   eight bytes stored at once */

/* The byte at *i, which is not copied as it is (a space, or an X_ class
 * but X_PLAIN that starts no valid UTF-8); returns the output's end. */
static char *
esc_byte(struct ttml_writer *w, struct esc *e, char *o, const char *s,
         size_t *i)
{
    const unsigned char c = (unsigned char)s[*i];
    const char *rep = NULL;
    size_t k;

    switch (xclass[c]) {
    case X_HIGH:
        /* not the start of a valid character: put_esc() copies those */
        if (!w->warned_utf8) {
            w->warned_utf8 = 1;
            warn(w, tc_diagf(w->wr.ctx, TC_D_BAD_BYTE, 0, 0,
                             "bytes that are not UTF-8 written as "
                             "U+FFFD"));
        }
        rep = "\xEF\xBF\xBD";
        break;
    case X_AMP:
        rep = "&amp;";
        break;
    case X_LT:
        rep = "&lt;";
        break;
    case X_GT:
        rep = "&gt;";
        break;
    case X_QUOT:
        rep = e->mode == E_ATTR ? "&quot;" : NULL;
        break;
    case X_LF:
        rep = e->mode == E_ATTR ? "&#10;" : e->mode == E_LINES ? "<br/>"
                                                            : NULL;
        if (e->prev == ' ')
            e->preserve = 1;
        break;
    case X_TAB:
        rep = e->mode == E_ATTR ? "&#9;" : NULL;
        e->preserve = 1;
        break;
    case X_PLAIN:
        if (c == ' ' && (e->prev == ' ' || e->prev == '\n'))
            e->preserve = 1;
        break;
    default:
        if (!w->warned_ctrl) {
            w->warned_ctrl = 1;
            warn(w, tc_diagf(w->wr.ctx, TC_D_CANNOT_EXPRESS, 0, 0,
                             "control characters are not allowed in "
                             "XML; written as U+FFFD"));
        }
        if (c == '\r')
            e->preserve = 1;
        rep = "\xEF\xBF\xBD";
        break;
    }
    (*i)++;
    e->prev = (char)c;
    if (rep == NULL) {
        *o++ = (char)c;
        return o;
    }
    k = strlen(rep);
    memcpy(o, rep, k);
    return o + k;
}

/* U+FFFE and U+FFFF are valid UTF-8 but not XML characters (XML 1.0,
 * the Char production): a parser such as expat or libxml2 rejects the
 * whole document.  They become U+FFFD, with one warning. */
static char *
put_nonchar(struct ttml_writer *w, char *o)
{
    if (!w->warned_nonchar) {
        w->warned_nonchar = 1;
        warn(w, tc_diagf(w->wr.ctx, TC_D_CANNOT_EXPRESS, 0, 0,
                         "U+FFFE and U+FFFF are not allowed in XML; "
                         "written as U+FFFD"));
    }
    memcpy(o, "\xEF\xBF\xBD", 3);
    return o + 3;
}

/* Text or an attribute value, escaped for XML into the cue's buffer, in
 * one pass.  An XML document must be UTF-8 throughout: bytes that are not
 * (input whose encoding was not recognised) become U+FFFD, with one
 * warning; so do the C0 controls but tab and newline, which XML 1.0 cannot
 * hold at all.  Plain text goes eight bytes at a time where it can. */
static void
put_esc(struct ttml_writer *w, struct esc *e, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    const int words = e->mode != E_ATTR;
    size_t i = 0, k;
    /* in locals: the output could alias *e as far as the compiler knows */
    char prev = e->prev;
    int preserve = e->preserve;

    while (i < n) {
        size_t stop = n - i > ESC_CHUNK ? i + ESC_CHUNK : n;
        char *o;

        if (tc_buf_grow(&w->out, (stop - i + ESC_SLACK) * ESC_MAX) != TC_OK)
            break;
        o = w->out.data + w->out.len;
        while (i < stop) {
            if (words && n - i >= 8) {
                uint64_t x, m, sp;

                /* the plain bytes before the first control, byte of a
                 * multibyte character, & < or > go at once */
                memcpy(&x, u + i, 8);
                m = (x & TC_SWAR_HIGHS) |
                    ((x - TC_SWAR_ONES * ' ') & ~x & TC_SWAR_HIGHS) |
                    TC_SWAR_HAS_ZERO(x ^ (TC_SWAR_ONES * '&')) |
                    TC_SWAR_HAS_ZERO((x | (TC_SWAR_ONES * 2)) ^
                                     (TC_SWAR_ONES * '>'));
                k = m == 0 ? 8 : TC_SWAR_FIRST(m);
                if (k > 0) {
                    /* two spaces in a row, or one after a space or a line
                     * start, need preserving: the spaces, exactly, in the
                     * first k bytes (k < 8 only where TC_SWAR_FIRST knows
                     * the byte order: the first byte is the lowest) */
                    sp = x ^ (TC_SWAR_ONES * ' ');
                    sp = ~(((sp & ~TC_SWAR_HIGHS) + ~TC_SWAR_HIGHS) | sp |
                           ~TC_SWAR_HIGHS);
                    if (k < 8)
                        sp &= ((uint64_t)1 << (8 * k)) - 1;
                    if ((sp & (sp << 8)) != 0 ||
                        (u[i] == ' ' && (prev == ' ' || prev == '\n')))
                        preserve = 1;
                    memcpy(o, u + i, 8);
                    o += k;
                    i += k;
                    prev = (char)u[i - 1];
                    continue;
                }
            }
            if (xclass[u[i]] == X_PLAIN && u[i] != ' ') {
                prev = (char)u[i];
                *o++ = (char)u[i++];
                continue;
            }
            if (u[i] >= 0xC2 && (k = tc_utf8_seq(s + i, n - i)) != 0) {
                prev = (char)u[i];
                if (k == 3 && u[i] == 0xEF && u[i + 1] == 0xBF &&
                    u[i + 2] >= 0xBE) {
                    o = put_nonchar(w, o);
                    i += 3;
                    continue;
                }
                do
                    *o++ = (char)u[i++];
                while (--k > 0);
                continue;
            }
            e->prev = prev;
            e->preserve = preserve;
            o = esc_byte(w, e, o, s, &i);
            prev = e->prev;
            preserve = e->preserve;
        }
        w->out.len = (size_t)(o - w->out.data);
        w->out.data[w->out.len] = '\0';
    }
    e->prev = prev;
    e->preserve = preserve;
}

static void
put_escaped(struct ttml_writer *w, const char *s, size_t n, int attr)
{
    struct esc e = { attr ? E_ATTR : E_TEXT, '\n', 0 };

    put_esc(w, &e, s, n);
}

/* The buffered cue (or head, or end) to the sink in one write. */
static int
flush_out(struct ttml_writer *w)
{
    int rc = tc_buf_status(&w->out);

    if (rc == TC_OK)
        tc_sink_write(w->wr.sink, w->out.data, w->out.len);
    tc_buf_clear(&w->out);
    return rc;
}

static void
put_attr(struct ttml_writer *w, const char *name, const char *v)
{
    tc_buf_addc(&w->out, ' ');
    out_puts(w, name);
    tc_buf_add(&w->out, "=\"", 2);
    put_escaped(w, v, strlen(v), 1);
    tc_buf_addc(&w->out, '"');
}

static void
write_head(struct ttml_writer *w)
{
    w->started = 1;
    out_puts(w, "<?xml version=\"1.0\" encoding=\"");
    out_puts(w, w->encoding);
    out_puts(w,
        "\"?>\n"
        "<tt xmlns=\"http://www.w3.org/ns/ttml\"\n"
        "    xmlns:ttp=\"http://www.w3.org/ns/ttml#parameter\"\n"
        "    xmlns:tts=\"http://www.w3.org/ns/ttml#styling\"\n"
        "    xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\"\n"
        "    ttp:contentProfiles="
        "\"http://www.w3.org/ns/ttml/profile/imsc1.1/text\"\n"
        "    ttp:timeBase=\"media\"");
    put_attr(w, "xml:lang", w->lang != NULL ? w->lang : "und");
    out_puts(w,
        ">\n"
        "  <head>\n"
        "    <styling>\n"
        "      <style xml:id=\"base\" tts:color=\"white\""
        " tts:textAlign=\"center\"/>\n"
        "    </styling>\n"
        "    <layout>\n"
        "      <region xml:id=\"bottom\" tts:origin=\"10% 10%\""
        " tts:extent=\"80% 80%\" tts:displayAlign=\"after\"/>\n"
        "      <region xml:id=\"middle\" tts:origin=\"10% 10%\""
        " tts:extent=\"80% 80%\" tts:displayAlign=\"center\"/>\n"
        "      <region xml:id=\"top\" tts:origin=\"10% 10%\""
        " tts:extent=\"80% 80%\" tts:displayAlign=\"before\"/>\n"
        "    </layout>\n"
        "  </head>\n"
        "  <body style=\"base\">\n"
        "    <div>\n");
}

static int
ttml_track(struct tc_wr *wr, const struct tc_track *t)
{
    struct ttml_writer *w = (struct ttml_writer *)wr;

    if (t->lang != NULL && *t->lang != '\0' && w->lang == NULL) {
        w->lang = strdup(t->lang);
        if (w->lang == NULL)
            return TC_ERR_NOMEM;
    }
    return TC_OK;
}

/* The agent number of a speaker, 1-based; 0 when the table is full.
 * *fresh is set when the speaker is new and must be declared. */
static size_t
agent_of(struct ttml_writer *w, const char *name, int *fresh)
{
    const char *p = w->agents.data, *end = p + w->agents.len;
    size_t i = 1;

    *fresh = 0;
    for (; p < end; p += strlen(p) + 1, i++)
        if (strcmp(p, name) == 0)
            return i;
    if (w->nagents >= AGENT_MAX) {
        if (!w->warned_agents) {
            w->warned_agents = 1;
            warn(w, tc_diagf(w->wr.ctx, TC_D_CANNOT_EXPRESS, 0, 0,
                             "more than %d speakers: the rest are not "
                             "marked", AGENT_MAX));
        }
        return 0;
    }
    tc_buf_add(&w->agents, name, strlen(name) + 1);
    *fresh = 1;
    return ++w->nagents;
}

static void
ttml_open(void *vw, enum tc_render_kind k, const struct tc_text *t,
          const struct tc_run *run)
{
    struct ttml_writer *w = vw;

    switch (k) {
    case TC_R_VOICE: {
        int fresh;
        size_t a = agent_of(w, tc_text_str(t, run->voice), &fresh);

        if (a == 0)
            out_puts(w, "<span>");
        else
            tc_buf_addf(&w->out, "<span ttm:agent=\"speaker%zu\">", a);
        break;
    }
    case TC_R_LANG:
        out_puts(w, "<span");
        put_attr(w, "xml:lang", tc_text_str(t, run->lang));
        tc_buf_addc(&w->out, '>');
        break;
    case TC_R_COLOR:
        tc_buf_addf(&w->out, "<span tts:color=\"#%06x\">",
                       (unsigned)run->color & 0xFFFFFFu);
        break;
    case TC_R_BOLD:
        out_puts(w, "<span tts:fontWeight=\"bold\">");
        break;
    case TC_R_ITALIC:
        out_puts(w, "<span tts:fontStyle=\"italic\">");
        break;
    case TC_R_UNDERLINE:
        out_puts(w, "<span tts:textDecoration=\"underline\">");
        break;
    default:
        /* classes and ruby: the text is kept, the markup is not */
        out_puts(w, "<span>");
        break;
    }
}

static void
ttml_close(void *vw, enum tc_render_kind k)
{
    (void)k;
    out_puts(vw, "</span>");
}

static void
ttml_text(void *vw, const char *s, size_t n)
{
    struct ttml_writer *w = vw;

    put_esc(w, w->text, s, n);
}

static void
ttml_br(void *vw)
{
    struct ttml_writer *w = vw;

    if (w->text->prev == ' ')
        w->text->preserve = 1;
    w->text->prev = '\n';
    out_puts(w, "<br/>");
}

static const struct tc_render_ops ttml_render = {
    .open = ttml_open,
    .close = ttml_close,
    .text = ttml_text,
    .line_break = ttml_br,
};

/* Declare, before the text, the agents this cue uses for the first time:
 * ttm:agent must name an element that exists in the document. */
static void
declare_agents(struct ttml_writer *w, const struct tc_text *t)
{
    size_t i;
    int any = 0;

    for (i = 0; i < t->nruns; i++) {
        const char *name = tc_text_str(t, t->runs[i].voice);
        size_t a;
        int fresh;

        if (name == NULL)
            continue;
        a = agent_of(w, name, &fresh);
        if (!fresh)
            continue;
        if (!any)
            out_puts(w, "<metadata>");
        any = 1;
        tc_buf_addf(&w->out, "<ttm:agent xml:id=\"speaker%zu\""
                       " type=\"character\"><ttm:name type=\"full\">", a);
        put_escaped(w, name, strlen(name), 0);
        out_puts(w, "</ttm:name></ttm:agent>");
    }
    if (any)
        out_puts(w, "</metadata>");
}

/* Text the render walker would write as it is: all of its runs plain. */
static int
plain_runs(const struct tc_text *t)
{
    size_t i;

    for (i = 0; i < t->nruns; i++) {
        const struct tc_run *r = &t->runs[i];

        if (r->style != 0 || r->voice != 0 || r->lang != 0 || r->cls != 0 ||
            r->time != TC_TIME_NONE)
            return 0;
    }
    return 1;
}

static char *
put_str(char *o, const char *s, size_t n)
{
    memcpy(o, s, n);
    return o + n;
}

#define PUT_LIT(o, s) put_str((o), (s), sizeof (s) - 1)
#define TAG_MAX 160             /* the <p> tag: 108 bytes and two times */

/* The <p> tag in place, but for xml:space; its '>' is at *at. */
static void
put_tag(struct ttml_writer *w, const struct tc_cue *c, size_t *at)
{
    char a[32], b[32], *o;
    const char *region = "bottom", *align = NULL;
    size_t na, nb;

    na = tc_time_fmt(a, c->start, '.');
    nb = tc_time_fmt(b, c->end, '.');
    if (c->place.vpos == TC_VPOS_TOP)
        region = "top";
    else if (c->place.vpos == TC_VPOS_MIDDLE)
        region = "middle";
    switch (c->place.align) {
    case TC_ALIGN_LEFT:
        align = "left";
        break;
    case TC_ALIGN_RIGHT:
        align = "right";
        break;
    case TC_ALIGN_START:
        align = "start";
        break;
    case TC_ALIGN_END:
        align = "end";
        break;
    default:
        break;
    }
    *at = w->out.len;
    if (tc_buf_grow(&w->out, TAG_MAX) != TC_OK)
        return;
    o = w->out.data + w->out.len;
    o = PUT_LIT(o, "      <p begin=\"");
    o = put_str(o, a, na);
    o = PUT_LIT(o, "\" end=\"");
    o = put_str(o, b, nb);
    o = PUT_LIT(o, "\" region=\"");
    o = put_str(o, region, strlen(region));
    o = PUT_LIT(o, "\"");
    if (align != NULL) {
        o = PUT_LIT(o, " tts:textAlign=\"");
        o = put_str(o, align, strlen(align));
        o = PUT_LIT(o, "\"");
    }
    *at = (size_t)(o - w->out.data);
    *o++ = '>';
    *o = '\0';
    w->out.len = (size_t)(o - w->out.data);
}

/* xml:space="preserve" before the '>' at at, when the text shows it is
 * needed.  By default TTML collapses a run of white space into one space
 * and drops it at the edges of a line, so "G O R S K   3" would read
 * back as "G O R S K 3". */
static void
put_preserve(struct ttml_writer *w, size_t at, const struct esc *e)
{
    static const char pre[] = " xml:space=\"preserve\"";
    const size_t n = sizeof pre - 1;

    if ((!e->preserve && e->prev != ' ') || at >= w->out.len ||
        tc_buf_grow(&w->out, n) != TC_OK)
        return;
    memmove(w->out.data + at + n, w->out.data + at, w->out.len - at + 1);
    memcpy(w->out.data + at, pre, n);
    w->out.len += n;
}

/* A cue: its text in one pass when every run is plain (the render walker
 * would write it as it is), else through the walker; either way the text
 * tells whether the tag needs xml:space, which then goes in. */
static int
ttml_cue(struct tc_wr *wr, const struct tc_cue *c)
{
    struct ttml_writer *w = (struct ttml_writer *)wr;
    struct esc e = { E_LINES, '\n', 0 };
    size_t at, i;
    int rc;

    if (!w->started)
        write_head(w);
    put_tag(w, c, &at);
    if (plain_runs(&c->text)) {
        for (i = 0; i < c->text.nruns; i++)
            put_esc(w, &e, c->text.pool + c->text.runs[i].off,
                    c->text.runs[i].len);
    } else {
        declare_agents(w, &c->text);
        e.mode = E_TEXT;
        w->text = &e;
        tc_render_runs(&c->text, &ttml_render, w);
        w->text = NULL;
    }
    put_preserve(w, at, &e);
    out_puts(w, "</p>\n");
    if ((rc = flush_out(w)) != TC_OK)
        return rc;
    return tc_buf_status(&w->agents);
}

static int
ttml_end(struct tc_wr *wr)
{
    struct ttml_writer *w = (struct ttml_writer *)wr;

    if (!w->started)
        write_head(w);
    out_puts(w, "    </div>\n  </body>\n</tt>\n");
    return flush_out(w);
}

static void
ttml_release(struct tc_wr *wr)
{
    struct ttml_writer *w = (struct ttml_writer *)wr;

    tc_buf_release(&w->agents);
    tc_buf_release(&w->out);
    free(w->lang);
}

/* Is s an XML EncName: [A-Za-z] ([A-Za-z0-9._] | '-')*? */
static int
is_encname(const char *s)
{
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
        return 0;
    return s[strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                       "0123456789._-")] == '\0';
}

static int
ttml_start(struct tc_wr *wr)
{
    struct ttml_writer *w = (struct ttml_writer *)wr;
    const char *enc = tc_ctx_option(wr->ctx, "output-encoding");

    tc_buf_init(&w->agents, 0);
    tc_buf_init(&w->out, 0);
    /* the declaration names the encoding the sink writes (--output-
     * encoding): an XML parser reads the bytes as the declaration says */
    w->encoding = "UTF-8";
    if (enc != NULL && *enc != '\0' && !tc_enc_is_utf8(enc)) {
        if (!is_encname(enc)) {
            tc_diagf(wr->ctx, TC_D_BAD_OPTION, 0, 0,
                     "output encoding '%s' cannot be named in an XML "
                     "declaration; give its plain name (e.g. ISO-8859-1)",
                     enc);
            return TC_ERR_ARG;
        }
        w->encoding = enc;
    }
    return TC_OK;
}

const struct tc_wr_hooks tc_ttml_writer = {
    .size = sizeof (struct ttml_writer),
    .open = ttml_start,
    .track = ttml_track,
    .cue = ttml_cue,
    .end = ttml_end,
    .close = ttml_release,
};
