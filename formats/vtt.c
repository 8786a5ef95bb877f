/* formats/vtt.c -- WebVTT reader and writer.
 *
 * The reader runs the W3C file parser (vtt-parse.c) and turns each cue's
 * payload into runs with the cue text parser (vtt-text.c).
 *
 * The writer writes what the W3C validator, browsers and ffmpeg accept:
 * no STYLE or REGION block unless asked for (ffmpeg's demuxer drops every
 * cue after one), escaped '&' '<' '>', never an empty line inside a cue,
 * no cue without text, inline timestamps only inside their cue.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vtt.h"

/* ---- the reader: blocks into cues, node objects into runs --------------- */

/* The default text colour classes of the WebVTT specification. */
static const struct { const char *name; uint32_t rgb; } palette[] = {
    { "white", 0xFFFFFF }, { "lime", 0x00FF00 }, { "cyan", 0x00FFFF },
    { "red", 0xFF0000 }, { "yellow", 0xFFFF00 }, { "magenta", 0xFF00FF },
    { "blue", 0x0000FF }, { "black", 0x000000 },
};

static int
palette_find(const char *s, size_t n, uint32_t *rgb)
{
    size_t i;

    for (i = 0; i < sizeof palette / sizeof palette[0]; i++)
        if (strlen(palette[i].name) == n &&
            memcmp(palette[i].name, s, n) == 0) {
            *rgb = palette[i].rgb;
            return 1;
        }
    return 0;
}

struct frame {
    enum tc_vtt_node k;
    size_t mark;               /* strs.len before this frame's strings */
    size_t cls, val;           /* offsets in strs */
};

struct vtt_reader {
    struct tc_ctx *ctx;
    struct tc_stage *next;
    struct tc_cue *cur;
    unsigned long text_line;
    struct tc_vtt_scratch sc;
    struct frame fr[TC_VTT_MAX_DEPTH];
    size_t depth;
    struct tc_buf strs;        /* the open nodes' classes and values */
    struct tc_buf cls;         /* classes of the run being added */
    int64_t pending;           /* an inline timestamp not yet placed */
    /* ignored tags: real files repeat them on every cue */
    struct tc_repeat rp_tag, rp_ts;
};

static int
rd_text(void *ud, const char *s, size_t n)
{
    struct vtt_reader *r = ud;
    struct tc_style st;
    size_t i;

    memset(&st, 0, sizeof st);
    tc_buf_clear(&r->cls);
    for (i = 0; i < r->depth; i++) {
        const struct frame *f = &r->fr[i];
        const char *c = r->strs.data + f->cls;

        switch (f->k) {
        case TC_VTT_ITALIC:
            st.style |= TC_STYLE_ITALIC;
            break;
        case TC_VTT_BOLD:
            st.style |= TC_STYLE_BOLD;
            break;
        case TC_VTT_UNDERLINE:
            st.style |= TC_STYLE_UNDERLINE;
            break;
        case TC_VTT_RUBY:
            st.style |= TC_STYLE_RUBY;
            break;
        case TC_VTT_RT:
            st.style |= TC_STYLE_RT;
            break;
        case TC_VTT_VOICE:
            st.voice = r->strs.data + f->val;
            break;
        case TC_VTT_LANG:
            st.lang = r->strs.data + f->val;
            break;
        default:
            break;
        }
        /* a palette class is a colour; the others stay classes */
        while (*c != '\0') {
            size_t len = strcspn(c, " ");

            if (palette_find(c, len, &st.color)) {
                st.style |= TC_STYLE_COLOR;
            } else {
                if (r->cls.len > 0)
                    tc_buf_addc(&r->cls, ' ');
                tc_buf_add(&r->cls, c, len);
            }
            c += len + (c[len] == ' ');
        }
    }
    if (tc_buf_status(&r->cls) != TC_OK)
        return tc_buf_status(&r->cls);
    st.cls = r->cls.len > 0 ? r->cls.data : NULL;
    st.time = r->pending;
    r->pending = TC_TIME_NONE;
    return tc_text_append(&r->cur->text, s, n, &st);
}

static int
rd_open(void *ud, enum tc_vtt_node k, const char *classes, const char *value)
{
    struct vtt_reader *r = ud;
    struct frame *f = &r->fr[r->depth];

    f->k = k;
    f->mark = r->strs.len;
    f->cls = r->strs.len;
    tc_buf_add(&r->strs, classes, strlen(classes) + 1);
    f->val = r->strs.len;
    tc_buf_add(&r->strs, value, strlen(value) + 1);
    r->depth++;
    return tc_buf_status(&r->strs);
}

static int
rd_close(void *ud)
{
    struct vtt_reader *r = ud;

    r->depth--;
    tc_buf_truncate(&r->strs, r->fr[r->depth].mark);
    return TC_OK;
}

static int
rd_timestamp(void *ud, int64_t ms)
{
    struct vtt_reader *r = ud;
    int rc = TC_OK;

    if (r->pending != TC_TIME_NONE)
        rc = rd_text(ud, "", 0);
    r->pending = ms;
    return rc;
}

static int
rd_ignored(void *ud, const char *name, int start)
{
    struct vtt_reader *r = ud;

    if (start)
        return tc_repeatf(r->ctx, &r->rp_tag, TC_D_BAD_TAG, r->text_line, 0,
                          "<%s> is not a WebVTT tag here: ignored", name);
    return tc_repeatf(r->ctx, &r->rp_ts, TC_D_BAD_TAG, r->text_line, 0,
                      "bad timestamp <%s> ignored", name);
}

static const struct tc_vtt_text_ops rd_ops = {
    .text = rd_text,
    .open = rd_open,
    .close = rd_close,
    .timestamp = rd_timestamp,
    .ignored = rd_ignored,
};

static int
rd_header(void *ud, const struct tc_track *t)
{
    struct vtt_reader *r = ud;

    return tc_stage_track(r->next, t);
}

static int
rd_cue(void *ud, const struct tc_vtt_cue *c)
{
    struct vtt_reader *r = ud;
    struct tc_cue *cue = tc_cue_new(r->ctx);
    int rc, deep;

    if (cue == NULL)
        return TC_ERR_NOMEM;
    cue->start = c->start;
    cue->end = c->end;
    cue->place = c->place;
    cue->line = c->line;
    if ((c->id_len > 0 && (rc = tc_cue_set_id(cue, c->id, c->id_len))) ||
        (c->region != NULL &&
         (rc = tc_cue_set_region(cue, c->region->id,
                                 strlen(c->region->id))))) {
        tc_cue_free(cue);
        return rc;
    }
    r->cur = cue;
    r->depth = 0;
    r->text_line = c->text_line;
    r->pending = TC_TIME_NONE;
    tc_buf_clear(&r->strs);
    rc = tc_vtt_cue_text(&r->sc, c->text, c->text_len, &rd_ops, r, &deep);
    if (rc == TC_OK && r->pending != TC_TIME_NONE)
        rc = rd_text(r, "", 0);
    if (rc == TC_OK && deep)
        rc = tc_diagf(r->ctx, TC_D_BAD_TAG, c->text_line, 0,
                      "tags nested deeper than %d ignored",
                      TC_VTT_MAX_DEPTH);
    r->cur = NULL;
    if (rc != TC_OK) {
        tc_cue_free(cue);
        return rc;
    }
    /* blank edge lines and edge spaces carry nothing a player shows (YouTube
     * pads its rolling captions with " " lines); other formats would
     * write them as text */
    tc_text_trim(&cue->text);
    return tc_stage_push(r->next, cue);
}

static const struct tc_vtt_handler rd_handler = {
    .header = rd_header,
    .cue = rd_cue,
};

static int
vtt_read(struct tc_source *src, struct tc_stage *next)
{
    struct vtt_reader r;
    int rc;

    memset(&r, 0, sizeof r);
    r.ctx = tc_source_ctx(src);
    r.next = next;
    tc_vtt_scratch_init(&r.sc);
    tc_buf_init(&r.strs, 0);
    tc_buf_init(&r.cls, 0);
    rc = tc_vtt_parse(src, &rd_handler, &r);
    if (rc == TC_OK)
        rc = tc_repeat_end(r.ctx, &r.rp_tag, "tags that are not WebVTT's");
    if (rc == TC_OK)
        rc = tc_repeat_end(r.ctx, &r.rp_ts, "bad timestamp tags");
    tc_vtt_scratch_release(&r.sc);
    tc_buf_release(&r.strs);
    tc_buf_release(&r.cls);
    return rc;
}

static int
vtt_probe(const unsigned char *p, size_t n)
{
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        p += 3;
        n -= 3;
    }
    if (n < 6 || memcmp(p, "WEBVTT", 6) != 0)
        return TC_PROBE_NO;
    if (n == 6 || memchr(" \t\r\n", p[6], 4) != NULL)
        return TC_PROBE_CERTAIN;
    return TC_PROBE_NO;
}

/* ---- the writer ---------------------------------------------------------- */

struct vtt_writer {
    struct tc_wr wr;
    struct tc_buf out;         /* one cue's payload, blank lines not yet
                                  removed */
    int header_done;
    int keep_regions, keep_style;
    int color_tag;             /* the open colour was written as a class */
    int warned_color, warned_region, warned_id, warned_utf8;
    unsigned long line;        /* input line of the cue being written */
    int pending_nl;            /* a line break not written yet */
    unsigned long bad_utf8;    /* bytes replaced in this cue */
    int64_t start, end, last_ts;   /* of the cue being written */
    int warned_ts;
    int64_t prev_start;        /* of the cue written before */
    int warned_order;
};

/* Keep the first failure a diagnostic returns (--strict). */
static void
w_diag_rc(struct vtt_writer *w, int rc)
{
    tc_wr_keep(&w->wr, rc);
}

/* A line break waits until something other than a closing tag follows,
 * so that "</c>" ends the line it belongs to, not the next one. */
static void
flush_nl(struct vtt_writer *w)
{
    if (w->pending_nl)
        tc_buf_addc(&w->out, '\n');
    w->pending_nl = 0;
}

/* Text, a voice name or a language tag, escaped as WebVTT needs: '&' '<'
 * '>' always (so "-->" cannot appear), a line break in an annotation as a
 * space. */
/* Escape s[0..n) for a cue's text, or (annotation) a voice name where
 * line breaks and tabs become spaces; bytes that are not UTF-8 (WebVTT is
 * UTF-8 only) become U+FFFD and are counted in *bad.  One pass: eight
 * bytes at a time while none is '&', '<', '>' or a non-ASCII byte. */
static void
put_escaped(struct tc_buf *b, const char *s, size_t n, int annotation,
            unsigned long *bad)
{
    const uint64_t amp = TC_SWAR_ONES * '&', lt = TC_SWAR_ONES * '<';
    const uint64_t not2 = ~(TC_SWAR_ONES * 0x02);   /* '<' and '>' alike */
    size_t i = 0, run = 0;

    while (i < n) {
        const char *rep;
        unsigned char c;
        size_t k;

        if (!annotation && n - i >= 8) {
            uint64_t w, m;

            memcpy(&w, s + i, 8);
            m = (w & TC_SWAR_HIGHS) | TC_SWAR_HAS_ZERO(w ^ amp) |
                TC_SWAR_HAS_ZERO((w & not2) ^ lt);
            if (m == 0) {
                i += 8;
                continue;
            }
            i += TC_SWAR_FIRST(m);
        }
        c = (unsigned char)s[i];
        k = 1;
        if (c >= 0x80) {
            k = tc_utf8_seq(s + i, n - i);
            if (k > 0) {
                i += k;
                continue;
            }
            rep = "\xEF\xBF\xBD";
            (*bad)++;
            k = 1;
        } else if (c == '&') {
            rep = "&amp;";
        } else if (c == '<') {
            rep = "&lt;";
        } else if (c == '>') {
            rep = "&gt;";
        } else if (annotation && (c == '\n' || c == '\r' || c == '\t')) {
            rep = " ";
        } else {
            i++;
            continue;
        }
        tc_buf_add(b, s + run, i - run);
        tc_buf_adds(b, rep);
        i += k;
        run = i;
    }
    tc_buf_add(b, s + run, n - run);
}

/* Class names as <c.a.b>: only letters, digits, '_' and '-' survive. */
static void
put_classes(struct tc_buf *b, const char *s)
{
    int at_start = 1;
    char last = 0;

    for (; *s != '\0'; s++) {
        char c = *s;

        if (c == ' ') {
            at_start = 1;
            continue;
        }
        if (!tc_vtt_is_alnum(c) && c != '_' && c != '-')
            continue;
        if (at_start) {
            if (last == '-')
                tc_buf_addc(b, '_');    /* "--" + ">" would be an arrow */
            tc_buf_addc(b, '.');
        }
        at_start = 0;
        tc_buf_addc(b, c);
        last = c;
    }
    if (last == '-')
        tc_buf_addc(b, '_');
}

static void
w_open(void *ud, enum tc_render_kind k, const struct tc_text *t,
       const struct tc_run *run)
{
    struct vtt_writer *w = ud;
    const char *s;
    size_t i;

    flush_nl(w);
    switch (k) {
    case TC_R_VOICE:
    case TC_R_LANG:
        s = tc_text_str(t, k == TC_R_VOICE ? run->voice : run->lang);
        tc_buf_adds(&w->out, k == TC_R_VOICE ? "<v " : "<lang ");
        put_escaped(&w->out, s, strlen(s), 1, &w->bad_utf8);
        tc_buf_addc(&w->out, '>');
        break;
    case TC_R_CLASS:
        tc_buf_adds(&w->out, "<c");
        put_classes(&w->out, tc_text_str(t, run->cls));
        tc_buf_addc(&w->out, '>');
        break;
    case TC_R_COLOR:
        w->color_tag = 0;
        for (i = 0; i < sizeof palette / sizeof palette[0]; i++)
            if (palette[i].rgb == run->color) {
                tc_buf_addf(&w->out, "<c.%s>", palette[i].name);
                w->color_tag = 1;
            }
        if (!w->color_tag && !w->warned_color++)
            w_diag_rc(w, tc_diagf(w->wr.ctx, TC_D_CANNOT_EXPRESS, w->line, 0,
                     "WebVTT has colour classes only for white, lime, cyan, "
                     "red, yellow, magenta, blue and black: #%06x and other "
                     "colours dropped", (unsigned)run->color));
        break;
    case TC_R_BOLD:
        tc_buf_adds(&w->out, "<b>");
        break;
    case TC_R_ITALIC:
        tc_buf_adds(&w->out, "<i>");
        break;
    case TC_R_UNDERLINE:
        tc_buf_adds(&w->out, "<u>");
        break;
    case TC_R_RUBY:
        tc_buf_adds(&w->out, "<ruby>");
        break;
    case TC_R_RT:
        tc_buf_adds(&w->out, "<rt>");
        break;
    }
}

static void
w_close(void *ud, enum tc_render_kind k)
{
    static const char *const tags[] = {
        [TC_R_VOICE] = "</v>", [TC_R_LANG] = "</lang>",
        [TC_R_CLASS] = "</c>", [TC_R_COLOR] = "</c>", [TC_R_BOLD] = "</b>",
        [TC_R_ITALIC] = "</i>", [TC_R_UNDERLINE] = "</u>",
        [TC_R_RUBY] = "</ruby>", [TC_R_RT] = "</rt>",
    };
    struct vtt_writer *w = ud;

    if (k == TC_R_COLOR && !w->color_tag)
        return;
    tc_buf_adds(&w->out, tags[k]);
}

static void
w_text(void *ud, const char *s, size_t n)
{
    struct vtt_writer *w = ud;

    flush_nl(w);
    put_escaped(&w->out, s, n, 0, &w->bad_utf8);
}

static void
w_newline(void *ud)
{
    struct vtt_writer *w = ud;

    flush_nl(w);
    w->pending_nl = 1;
}

static void
w_timestamp(void *ud, int64_t ms)
{
    char ts[32];

    struct vtt_writer *w = ud;

    /* validators want them inside the cue and increasing */
    if (ms <= w->start || ms >= w->end || ms <= w->last_ts) {
        if (!w->warned_ts++)
            tc_diagf(w->wr.ctx, TC_D_IGNORED, w->line, 0,
                     "inline timestamps outside their cue's time or out "
                     "of order left out");
        return;
    }
    w->last_ts = ms;
    flush_nl(w);
    tc_buf_addc(&w->out, '<');
    tc_buf_add(&w->out, ts, tc_time_fmt(ts, ms, '.'));
    tc_buf_addc(&w->out, '>');
}

static const struct tc_render_ops vtt_render = {
    .open = w_open,
    .close = w_close,
    .text = w_text,
    .line_break = w_newline,
    .timestamp = w_timestamp,
};

/* A number for a setting as WebVTT reads it (an optional '-', digits and
 * one '.', no exponent), in the fewest digits that read back as the same
 * double: 0.1 is "0.1", 5e-324 is "0.000...0005". */
static void
put_num(struct tc_sink *s, double v)
{
    char e[40], out[400], *d;
    size_t n = 0, nd = 0, i;
    long ex;
    int prec;

    if (!isfinite(v) || v == 0) {
        tc_sink_putc(s, '0');
        return;
    }
    for (prec = 0; prec < 17; prec++) {
        snprintf(e, sizeof e, "%.*e", prec, v);
        if (strtod(e, NULL) == v)
            break;
    }
    /* e is "[-]D[.DDD]e[+-]XX": its digits and the exponent */
    d = e;
    if (*d == '-') {
        out[n++] = '-';
        d++;
    }
    {
        char digits[24], *x = strchr(d, 'e');

        for (; d < x; d++)
            if (*d != '.')
                digits[nd++] = *d;
        while (nd > 1 && digits[nd - 1] == '0')
            nd--;
        ex = strtol(x + 1, NULL, 10);
        if (ex < 0) {
            out[n++] = '0';
            out[n++] = '.';
            for (i = 1; i < (size_t)-ex; i++)
                out[n++] = '0';
            for (i = 0; i < nd; i++)
                out[n++] = digits[i];
        } else {
            for (i = 0; i <= (size_t)ex || i < nd; i++) {
                if (i == (size_t)ex + 1)
                    out[n++] = '.';
                out[n++] = i < nd ? digits[i] : '0';
            }
        }
    }
    tc_sink_write(s, out, n);
}

static void
put_settings(struct vtt_writer *w, const struct tc_cue *c)
{
    static const char *const align[] = {
        [TC_ALIGN_AUTO] = NULL, [TC_ALIGN_START] = "start",
        [TC_ALIGN_CENTER] = "center", [TC_ALIGN_END] = "end",
        [TC_ALIGN_LEFT] = "left", [TC_ALIGN_RIGHT] = "right",
    };
    const struct tc_place *p = &c->place;
    struct tc_sink *s = w->wr.sink;

    if (p->vertical != TC_VERTICAL_NONE)
        tc_sink_puts(s, p->vertical == TC_VERTICAL_RL ? " vertical:rl"
                                                      : " vertical:lr");
    if (!tc_place_line_auto(p)) {
        tc_sink_puts(s, " line:");
        put_num(s, p->line);
        if (p->line_percent)
            tc_sink_putc(s, '%');
        if (p->line_align == TC_ALIGN_CENTER)
            tc_sink_puts(s, ",center");
        else if (p->line_align == TC_ALIGN_END)
            tc_sink_puts(s, ",end");
    } else if (p->vertical == TC_VERTICAL_NONE) {
        /* placement from a format without WebVTT's settings */
        if (p->vpos == TC_VPOS_TOP)
            tc_sink_puts(s, " line:0");
        else if (p->vpos == TC_VPOS_MIDDLE)
            tc_sink_puts(s, " line:50%,center");
    }
    if (p->position >= 0) {
        tc_sink_puts(s, " position:");
        put_num(s, p->position);
        tc_sink_putc(s, '%');
        if (p->position_align == TC_ALIGN_START)
            tc_sink_puts(s, ",line-left");
        else if (p->position_align == TC_ALIGN_CENTER)
            tc_sink_puts(s, ",center");
        else if (p->position_align == TC_ALIGN_END)
            tc_sink_puts(s, ",line-right");
    }
    if (p->size >= 0 && p->size != 100) {
        tc_sink_puts(s, " size:");
        put_num(s, p->size);
        tc_sink_putc(s, '%');
    }
    if ((unsigned)p->align < sizeof align / sizeof align[0] &&
        align[p->align] != NULL) {
        tc_sink_puts(s, " align:");
        tc_sink_puts(s, align[p->align]);
    }
    if (c->region == NULL || c->region[0] == '\0' ||
        strpbrk(c->region, " \t\r\n") != NULL)
        return;                   /* "" is "none" in a recycled cue */
    if (w->keep_regions) {
        tc_sink_puts(s, " region:");
        tc_sink_puts(s, c->region);
    } else if (!w->warned_region++) {
        tc_diagf(w->wr.ctx, TC_D_IGNORED, c->line, 0,
                 "region settings not written (vtt-regions=yes keeps "
                 "them)");
    }
}

static void
put_header(struct vtt_writer *w, const struct tc_track *t)
{
    size_t i;

    w->header_done = 1;
    tc_sink_puts(w->wr.sink, "WEBVTT\n");
    /* an HLS segment's clock mapping: players need it to time the cues */
    if (t != NULL && t->vtt_header != NULL && t->vtt_header[0] != '\0' &&
        strstr(t->vtt_header, "-->") == NULL &&
        strpbrk(t->vtt_header, "\r\n") == NULL)
        tc_sink_printf(w->wr.sink, "%s\n", t->vtt_header);
    tc_sink_putc(w->wr.sink, '\n');
    if (t == NULL)
        return;
    for (i = 0; w->keep_regions && i < t->nregions; i++) {
        const struct tc_region *r = &t->regions[i];

        if (r->id == NULL || r->id[0] == '\0' || strstr(r->id, "-->") ||
            strpbrk(r->id, " \t\r\n\f") != NULL)
            continue;
        tc_sink_printf(w->wr.sink, "REGION\nid:%s width:", r->id);
        put_num(w->wr.sink, r->width);
        tc_sink_printf(w->wr.sink, "%% lines:%ld regionanchor:", r->lines);
        put_num(w->wr.sink, r->anchor_x);
        tc_sink_puts(w->wr.sink, "%,");
        put_num(w->wr.sink, r->anchor_y);
        tc_sink_puts(w->wr.sink, "% viewportanchor:");
        put_num(w->wr.sink, r->vp_x);
        tc_sink_puts(w->wr.sink, "%,");
        put_num(w->wr.sink, r->vp_y);
        tc_sink_puts(w->wr.sink, r->scroll_up ? "% scroll:up\n\n" : "%\n\n");
    }
    /* a blank line or an arrow would end the block early */
    if (w->keep_style && t->style != NULL && t->style[0] != '\0' &&
        strstr(t->style, "-->") == NULL && strstr(t->style, "\n\n") == NULL &&
        t->style[0] != '\n' && t->style[strlen(t->style) - 1] != '\n')
        tc_sink_printf(w->wr.sink, "STYLE\n%s\n\n", t->style);
}

static int
vtt_track(struct tc_wr *wr, const struct tc_track *t)
{
    struct vtt_writer *w = (struct vtt_writer *)wr;

    if (!w->header_done)
        put_header(w, t);
    return TC_OK;
}

/* Can id be written on the line before the timing?  Not with an arrow or
 * a line break, and not as a word that starts another kind of block. */
static int
block_word(const char *id, size_t n, const char *word)
{
    size_t w = strlen(word);

    return strncmp(id, word, w) == 0 &&
           (n == w || id[w] == ' ' || id[w] == '\t');
}

static int
id_ok(const char *id)
{
    size_t n = strlen(id);

    if (strstr(id, "-->") != NULL || strpbrk(id, "\r\n") != NULL)
        return 0;
    /* a line starting with one of these words and then a space reads as
     * the start of that block, in parsers that follow the spec's header
     * rules for cue blocks too (the W3C validator does) */
    return !block_word(id, n, "NOTE") && !block_word(id, n, "STYLE") &&
           !block_word(id, n, "REGION");
}

/* 0 when no line of s[0..n) can be blank: every line, the first and
 * the last included, starts with a character other than white space. */
static int
maybe_blank_line(const char *s, size_t n)
{
    const char *e = s + n;

    if (n == 0)
        return 1;
    for (;;) {
        const char *nl;

        if (s == e || *s == ' ' || *s == '\t' || *s == '\n')
            return 1;
        nl = memchr(s, '\n', (size_t)(e - s));
        if (nl == NULL)
            return 0;
        s = nl + 1;
    }
}

static int
vtt_cue(struct tc_wr *wr, const struct tc_cue *c)
{
    struct vtt_writer *w = (struct vtt_writer *)wr;
    char a[64];
    const char *p, *e;
    int first = 1;

    if (!w->header_done)
        put_header(w, NULL);
    if (c->start < w->prev_start && !w->warned_order++)
        w_diag_rc(w, tc_diagf(wr->ctx, TC_D_UNSORTED, c->line, 0,
                              "WebVTT wants cues in order of their start; "
                              "players may skip this one"));
    w->prev_start = c->start;
    if (c->id != NULL && c->id[0] != '\0') {
        if (id_ok(c->id))
            tc_sink_printf(w->wr.sink, "%s\n", c->id);
        else if (!w->warned_id++)
            w_diag_rc(w, tc_diagf(wr->ctx, TC_D_CANNOT_EXPRESS, c->line, 0,
                     "cue identifier with \"-->\" or a line break, or "
                     "that reads as a NOTE, STYLE or REGION, dropped"));
    }
    {
        size_t n = tc_time_fmt(a, c->start, '.');

        memcpy(a + n, " --> ", 5);
        n += 5;
        n += tc_time_fmt(a + n, c->end, '.');
        tc_sink_write(w->wr.sink, a, n);
    }
    put_settings(w, c);
    tc_sink_putc(w->wr.sink, '\n');
    tc_buf_clear(&w->out);
    w->line = c->line;
    w->pending_nl = 0;
    w->bad_utf8 = 0;
    w->start = c->start;
    w->end = c->end;
    w->last_ts = c->start;
    tc_render_runs(&c->text, &vtt_render, w);
    flush_nl(w);
    if (w->bad_utf8 > 0 && !w->warned_utf8++)
        w_diag_rc(w, tc_diagf(wr->ctx, TC_D_CANNOT_EXPRESS, c->line, 0,
                 "WebVTT is UTF-8 only: %lu invalid bytes replaced by "
                 "U+FFFD (and in later cues; name the input encoding)",
                 w->bad_utf8));
    if (tc_buf_status(&w->out) != TC_OK)
        return tc_buf_status(&w->out);
    /* a blank line would end the cue: leave such lines out (a line that
     * starts with a visible character is not blank: the usual case) */
    if (!maybe_blank_line(w->out.data, w->out.len)) {
        tc_sink_write(w->wr.sink, w->out.data, w->out.len);
        tc_sink_write(w->wr.sink, "\n\n", 2);
        return TC_OK;
    }
    for (p = w->out.data, e = p + w->out.len; p < e;) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(e - p);

        if (!tc_is_blank_line(p, n)) {
            if (!first)
                tc_sink_putc(w->wr.sink, '\n');
            tc_sink_write(w->wr.sink, p, n);
            first = 0;
        }
        p += n + (nl != NULL);
    }
    tc_sink_puts(w->wr.sink, first ? "\n" : "\n\n");
    return TC_OK;
}

static int
vtt_end(struct tc_wr *wr)
{
    struct vtt_writer *w = (struct vtt_writer *)wr;

    if (!w->header_done)
        put_header(w, NULL);
    return TC_OK;
}

static void
vtt_close(struct tc_wr *wr)
{
    tc_buf_release(&((struct vtt_writer *)wr)->out);
}

static int
vtt_open(struct tc_wr *wr)
{
    struct vtt_writer *w = (struct vtt_writer *)wr;
    const char *enc = tc_ctx_option(wr->ctx, "output-encoding");

    tc_buf_init(&w->out, 0);
    if (tc_ctx_option_bool(wr->ctx, "vtt-regions", &w->keep_regions) ||
        tc_ctx_option_bool(wr->ctx, "vtt-style", &w->keep_style))
        return TC_ERR_ARG;
    /* a WebVTT file is UTF-8 by definition: players decode it so */
    if (enc != NULL && *enc != '\0' && !tc_enc_is_utf8(enc))
        return tc_diagf(wr->ctx, TC_D_CANNOT_EXPRESS, 0, 0,
                        "WebVTT is always UTF-8: players will misread "
                        "this output in %s", enc);
    return TC_OK;
}

/* a cue without text is legal WebVTT, but ffmpeg and others drop it: be
 * the same */
static const struct tc_wr_hooks vtt_writer = {
    .size = sizeof (struct vtt_writer),
    .blank = "a cue without text is not written",
    .open = vtt_open,
    .track = vtt_track,
    .cue = vtt_cue,
    .end = vtt_end,
    .close = vtt_close,
};

static const struct tc_optdef vtt_options[] = {
    { { "vtt-regions", "no", "WebVTT output: write REGION blocks and region "
                             "settings (ffmpeg drops cues after one)" },
      "bool" },
    { { "vtt-style", "no", "WebVTT output: copy STYLE blocks (ffmpeg drops "
                           "cues after one)" }, "bool" },
    { { NULL, NULL, NULL }, NULL }
};

const struct tc_format tc_format_vtt = {
    .name       = "vtt",
    .desc       = "WebVTT (W3C)",
    .extensions = "vtt webvtt",
    .probe      = vtt_probe,
    .read       = vtt_read,
    .writer     = &vtt_writer,
    .options    = vtt_options,
};
