/* formats/ass_text.c -- the text of an ASS/SSA event into a cue's runs.
 *
 * Outside braces, \N is a line break, \n one only under "WrapStyle: 2"
 * (else a space), \h a no-break space, and \{ \} literal braces (libass);
 * any other backslash is text, and a U+200B right after one (written to
 * keep "\N" from being read as a break) goes.  A '{' with no '}' after it
 * is text, as libass shows it.
 *
 * Inside braces are override tags.  Those the cue model can hold are
 * applied: \i \b \u (on, off, or back to the style), \c and \1c (colour;
 * white is no colour, as players draw it), \r (back to the event's or a
 * named style), \an and \a (placement; the first one counts, as in
 * libass), \pos (placement, the first one too: the third of the screen it
 * is in, and WebVTT's line and position in percent of PlayResX/Y), and
 * the karaoke \k \K \kf \ko, whose durations add up to the time each
 * syllable is sung: an inline timestamp, as WebVTT's karaoke has it.
 * \p1 ... \p0 is a drawing: its commands are not text and go.  Every other
 * tag (fades, moves, fonts, borders, rotations, clips, animations ...) is
 * dropped with one warning per tag name, and the count at the end; so are
 * comments, braces with no tag in them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ass.h"

enum ass_tag {
    T_DROP, T_I, T_B, T_U, T_C, T_AN, T_A, T_POS, T_R, T_K, T_P
};

/* Longer names before the shorter ones they begin with. */
static const struct {
    const char *name;
    enum ass_tag tag;
    const char *what;       /* for the note when dropped */
} ass_tags[] = {
    { "1c", T_C, NULL }, { "2c", T_DROP, "karaoke colour" },
    { "3c", T_DROP, "border colour" }, { "4c", T_DROP, "shadow colour" },
    { "1a", T_DROP, "transparency" }, { "2a", T_DROP, "transparency" },
    { "3a", T_DROP, "transparency" }, { "4a", T_DROP, "transparency" },
    { "alpha", T_DROP, "transparency" }, { "an", T_AN, NULL },
    { "a", T_A, NULL }, { "blur", T_DROP, "blur" }, { "be", T_DROP, "blur" },
    { "bord", T_DROP, "border" }, { "b", T_B, NULL },
    { "clip", T_DROP, "clip" }, { "c", T_C, NULL },
    { "fade", T_DROP, "fade" }, { "fad", T_DROP, "fade" },
    { "fax", T_DROP, "shear" }, { "fay", T_DROP, "shear" },
    { "fe", T_DROP, "font encoding" }, { "fn", T_DROP, "font" },
    { "frx", T_DROP, "rotation" }, { "fry", T_DROP, "rotation" },
    { "frz", T_DROP, "rotation" }, { "fr", T_DROP, "rotation" },
    { "fscx", T_DROP, "scaling" }, { "fscy", T_DROP, "scaling" },
    { "fsp", T_DROP, "letter spacing" }, { "fs", T_DROP, "font size" },
    { "iclip", T_DROP, "clip" }, { "i", T_I, NULL },
    { "kf", T_K, NULL }, { "ko", T_K, NULL },
    { "kt", T_DROP, "karaoke start" }, { "K", T_K, NULL },
    { "k", T_K, NULL }, { "move", T_DROP, "movement" },
    { "org", T_DROP, "rotation origin" },
    { "pbo", T_DROP, "drawing offset" }, { "pos", T_POS, NULL },
    { "p", T_P, "drawing" }, { "q", T_DROP, "wrapping style" },
    { "r", T_R, NULL }, { "shad", T_DROP, "shadow" },
    { "s", T_DROP, "strikeout" }, { "t", T_DROP, "animation" },
    { "u", T_U, NULL }, { "xbord", T_DROP, "border" },
    { "ybord", T_DROP, "border" }, { "xshad", T_DROP, "shadow" },
    { "yshad", T_DROP, "shadow" },
};

#define N_TAGS (sizeof ass_tags / sizeof ass_tags[0])
/* the two buckets after the table's rows */
#define DROP_UNKNOWN  N_TAGS
#define DROP_COMMENT  (N_TAGS + 1)
/* the reader keeps one struct tc_repeat per row and bucket */
typedef char ass_drop_kinds_fit[N_TAGS + 2 <= TC_ASS_DROP_KINDS ? 1 : -1];

/* What the text of an event is being read with. */
struct ass_state {
    struct tc_ass_reader *r;
    struct tc_cue *c;
    const struct tc_ass_style *base;    /* the event's style */
    unsigned flags;
    uint32_t color;
    const char *voice;
    struct tc_buf seg;                  /* text not yet appended */
    int64_t time;                       /* inline time of seg */
    int64_t kara, last_time;            /* karaoke: sung so far, in ms */
    int placed, positioned, drawing;
    double pos_x, pos_y;
    int an;
    unsigned long line;
};

static int
ass_flush(struct ass_state *s)
{
    struct tc_style st;
    int rc;

    if (s->seg.len == 0 && s->time == TC_TIME_NONE)
        return TC_OK;
    if ((rc = tc_buf_status(&s->seg)) != TC_OK)
        return rc;
    memset(&st, 0, sizeof st);
    st.style = s->flags;
    st.color = s->color;
    st.voice = s->voice;
    st.time = s->time;
    rc = tc_text_append(&s->c->text, s->seg.data, s->seg.len, &st);
    tc_buf_clear(&s->seg);
    s->time = TC_TIME_NONE;
    return rc;
}

static void
ass_set_style(struct ass_state *s, const struct tc_ass_style *st)
{
    s->flags = st->flags;
    s->color = st->color;
}

/* One warning per kind of tag dropped; at is where it is in the line. */
static int
ass_drop(struct ass_state *s, size_t k, const char *at, size_t n)
{
    struct tc_repeat *rp = &s->r->drop[k];
    unsigned col = s->r->lstart != NULL && at >= s->r->lstart
                   ? (unsigned)(at - s->r->lstart) + 1 : 0;

    if (k == DROP_COMMENT)
        return tc_repeatf(s->r->ctx, rp, TC_D_NOT_KEPT, s->line, col,
                          "comments in braces dropped");
    if (k == DROP_UNKNOWN)
        return tc_repeatf(s->r->ctx, rp, TC_D_NOT_KEPT, s->line, col,
                          "unknown override tags dropped, the first "
                          "%.*s", (int)(n > 32 ? 32 : n), at);
    return tc_repeatf(s->r->ctx, rp, TC_D_NOT_KEPT, s->line, col,
                      "override tag \\%s (%s) dropped", ass_tags[k].name,
                      ass_tags[k].what);
}

/* "x, y" of \pos(x, y): two numbers, decimals allowed. */
static int
ass_pair(const char *p, size_t n, double *x, double *y)
{
    const char *comma = memchr(p, ',', n);
    double v[2];
    int k;

    if (comma == NULL)
        return TC_ERR_SYNTAX;
    for (k = 0; k < 2; k++) {
        const char *q = k == 0 ? p : comma + 1;
        const char *e = k == 0 ? comma : p + n;
        double frac = 0.1, d = 0;
        long whole;
        int neg;

        while (q < e && (*q == ' ' || *q == '\t'))
            q++;
        neg = q < e && *q == '-';
        if (tc_ass_long(q, (size_t)(e - q), &whole) != TC_OK)
            return TC_ERR_SYNTAX;
        while (q < e && (*q == '-' || *q == '+' || (*q >= '0' && *q <= '9')))
            q++;
        if (q < e && *q == '.')
            for (q++; q < e && *q >= '0' && *q <= '9'; q++, frac /= 10)
                d += (*q - '0') * frac;
        v[k] = (double)whole + (neg ? -d : d);
    }
    *x = v[0];
    *y = v[1];
    return TC_OK;
}

static int
ass_bold(long v)
{
    return v == 1 || v == -1 || v >= 700;
}

/* One tag at "at", its name ass_tags[k], its argument [a, a + n). */
static int
ass_apply(struct ass_state *s, size_t k, const char *at, const char *a,
          size_t n)
{
    long v = 0;
    int has = tc_ass_long(a, n, &v) == TC_OK, rc;
    unsigned bit = 0;
    uint32_t rgb;

    switch (ass_tags[k].tag) {
    case T_I:
        bit = TC_STYLE_ITALIC;
        break;
    case T_B:
        bit = TC_STYLE_BOLD;
        break;
    case T_U:
        bit = TC_STYLE_UNDERLINE;
        break;
    case T_C:
        if ((rc = ass_flush(s)) != TC_OK)
            return rc;
        s->flags &= ~(unsigned)TC_STYLE_COLOR;
        s->color = 0;
        if (n == 0) {
            s->flags |= s->base->flags & TC_STYLE_COLOR;
            s->color = s->base->color;
        } else if (tc_ass_color(a, n, 1, &rgb) == TC_OK && rgb != 0xFFFFFF) {
            s->flags |= TC_STYLE_COLOR;
            s->color = rgb;
        }
        return TC_OK;
    case T_AN:
    case T_A:
        if (ass_tags[k].tag == T_A)
            v = has ? tc_ass_legacy_an(v) : 0;
        if (!s->placed && v >= 1 && v <= 9) {
            s->placed = 1;
            s->an = (int)v;
        }
        return TC_OK;
    case T_POS:
        if (!s->positioned && n > 2 && a[0] == '(' &&
            ass_pair(a + 1, n - 2, &s->pos_x, &s->pos_y) == TC_OK)
            s->positioned = 1;
        return TC_OK;
    case T_R:
        if ((rc = ass_flush(s)) != TC_OK)
            return rc;
        {
            const struct tc_ass_style *st = n > 0
                ? tc_ass_style_find(s->r, a, n) : NULL;

            ass_set_style(s, st != NULL ? st : s->base);
        }
        return TC_OK;
    case T_K:
        if (!has || v < 0)
            return TC_OK;
        if ((rc = ass_flush(s)) != TC_OK)
            return rc;
        {
            int64_t at = s->c->start + s->kara;

            if (at > s->last_time &&
                (s->c->end == TC_TIME_NONE || at < s->c->end)) {
                s->time = at;
                s->last_time = at;
            }
            s->kara += (int64_t)v * 10;
        }
        return TC_OK;
    case T_P:
        if (has && v > 0 && !s->drawing)
            rc = ass_drop(s, k, at, 0);
        else
            rc = TC_OK;
        if (has)
            s->drawing = v > 0;
        return rc;
    case T_DROP:
        return ass_drop(s, k, at, 0);
    }
    if ((rc = ass_flush(s)) != TC_OK)
        return rc;
    if (n == 0)
        s->flags = (s->flags & ~bit) | (s->base->flags & bit);
    else if (bit == TC_STYLE_BOLD ? ass_bold(v) : v != 0)
        s->flags |= bit;
    else
        s->flags &= ~bit;
    return TC_OK;
}

/* The override block between '{' and '}'. */
static int
ass_block(struct ass_state *s, const char *p, const char *e)
{
    const char *open = p - 1;
    int any = 0, rc;

    while (p < e) {
        const char *name, *a, *ae;
        size_t k, nl;

        if (*p != '\\') {
            p++;
            continue;
        }
        any = 1;
        name = ++p;
        for (k = 0; k < N_TAGS; k++) {
            nl = strlen(ass_tags[k].name);
            if ((size_t)(e - name) >= nl &&
                memcmp(name, ass_tags[k].name, nl) == 0)
                break;
        }
        if (k == N_TAGS) {
            nl = 0;
            while (name + nl < e && ((name[nl] >= 'a' && name[nl] <= 'z') ||
                                     (name[nl] >= 'A' && name[nl] <= 'Z') ||
                                     (name[nl] >= '0' && name[nl] <= '9')))
                nl++;
        }
        a = name + nl;
        while (a < e && (*a == ' ' || *a == '\t'))
            a++;
        if (a < e && *a == '(') {
            int depth = 0;

            for (ae = a; ae < e; ae++) {
                if (*ae == '(')
                    depth++;
                else if (*ae == ')' && --depth == 0)
                    break;
            }
            if (ae < e)
                ae++;
        } else {
            ae = a;
            while (ae < e && *ae != '\\')
                ae++;
        }
        p = ae;
        while (ae > a && (ae[-1] == ' ' || ae[-1] == '\t'))
            ae--;
        if (k == N_TAGS)
            rc = nl > 0 ? ass_drop(s, DROP_UNKNOWN, name - 1, nl + 1)
                        : TC_OK;
        else
            rc = ass_apply(s, k, name - 1, a, (size_t)(ae - a));
        if (rc != TC_OK)
            return rc;
    }
    if (!any)
        return ass_drop(s, DROP_COMMENT, open, 0);
    return TC_OK;
}

/* Text outside braces, with its escapes. */
static void
ass_plain(struct ass_state *s, const char *p, const char *e)
{
    while (p < e) {
        if (s->drawing) {
            p++;
            continue;
        }
        if (*p != '\\' || p + 1 == e) {
            tc_buf_addc(&s->seg, *p++);
            continue;
        }
        switch (p[1]) {
        case 'N':
            tc_buf_addc(&s->seg, '\n');
            break;
        case 'n':
            tc_buf_addc(&s->seg, s->r->wrap_style == 2 ? '\n' : ' ');
            break;
        case 'h':
            tc_buf_adds(&s->seg, "\xC2\xA0");
            break;
        case '{':
        case '}':
            tc_buf_addc(&s->seg, p[1]);
            break;
        default:
            tc_buf_addc(&s->seg, '\\');
            if (e - p >= 4 && memcmp(p + 1, "\xE2\x80\x8B", 3) == 0)
                p += 3;
            p++;
            continue;
        }
        p += 2;
    }
}

static void
ass_place(struct ass_state *s)
{
    struct tc_place *pl = &s->c->place;
    int an = s->an;

    tc_ass_place_an(pl, an);
    if (!s->positioned || !(s->r->play_x > 0) || !(s->r->play_y > 0))
        return;
    {
        double x = s->pos_x * 100 / s->r->play_x;
        double y = s->pos_y * 100 / s->r->play_y;
        static const enum tc_align pa[3] = { TC_ALIGN_START,
                                             TC_ALIGN_CENTER,
                                             TC_ALIGN_END };

        /* to a hundredth of a percent: finer is no pixel on any screen */
        x = x < 0 ? 0 : x > 100 ? 100 : (double)(long)(x * 100 + 0.5) / 100;
        y = y < 0 ? 0 : y > 100 ? 100 : (double)(long)(y * 100 + 0.5) / 100;
        pl->vpos = y < 100.0 / 3 ? TC_VPOS_TOP
                   : y < 200.0 / 3 ? TC_VPOS_MIDDLE : TC_VPOS_BOTTOM;
        pl->line = y;
        pl->line_percent = 1;
        pl->line_set = 1;
        pl->line_align = an >= 7 ? TC_ALIGN_START
                         : an >= 4 ? TC_ALIGN_CENTER : TC_ALIGN_END;
        pl->position = x;
        pl->position_align = pa[(an - 1) % 3];
    }
}

int
tc_ass_text(struct tc_ass_reader *r, struct tc_cue *c,
            const struct tc_ass_style *st, const char *p, size_t n)
{
    struct ass_state s;
    const char *e = p + n;
    int rc = TC_OK;

    memset(&s, 0, sizeof s);
    s.r = r;
    s.c = c;
    s.base = st;
    s.voice = r->voice;
    s.time = TC_TIME_NONE;
    s.last_time = c->start;
    s.an = st->an;
    s.line = r->line;
    ass_set_style(&s, st);
    tc_buf_init(&s.seg, TC_TEXT_MAX_BYTES);
    while (p < e && rc == TC_OK) {
        const char *open = memchr(p, '{', (size_t)(e - p)), *close;

        /* "\{" outside a block is a literal brace (libass) */
        while (open != NULL && open > p && open[-1] == '\\')
            open = memchr(open + 1, '{', (size_t)(e - open - 1));
        close = open != NULL ? memchr(open, '}', (size_t)(e - open)) : NULL;
        if (close == NULL) {
            ass_plain(&s, p, e);
            break;
        }
        ass_plain(&s, p, open);
        rc = ass_block(&s, open + 1, close);
        p = close + 1;
    }
    if (rc == TC_OK)
        rc = ass_flush(&s);
    tc_buf_release(&s.seg);
    if (rc == TC_OK)
        ass_place(&s);
    return rc;
}

int
tc_ass_drops_end(struct tc_ass_reader *r)
{
    size_t k;
    int rc = TC_OK;

    for (k = 0; k < N_TAGS + 2 && rc == TC_OK; k++) {
        char what[16];

        if (k < N_TAGS)
            snprintf(what, sizeof what, "\\%s", ass_tags[k].name);
        else
            snprintf(what, sizeof what, "%s", k == DROP_UNKNOWN
                     ? "unknown tags" : "comments");
        rc = tc_repeat_end(r->ctx, &r->drop[k], what);
    }
    return rc;
}
