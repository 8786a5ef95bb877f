/* formats/ass.c -- Advanced SubStation Alpha (ASS, "v4.00+") and
 * SubStation Alpha (SSA, "v4.00") scripts: probe and reader.  The writer
 * is ass_write.c, the text of an event ass_text.c.
 *
 * The format has no formal specification beyond the "Sub Station Alpha
 * v4.00+ Script Format" notes; libass, which mpv and ffmpeg use to show
 * it, is the reference for what a file means.  A script is sections of
 * "Key: value" lines:
 *   [Script Info]   PlayResX/PlayResY (for \pos), WrapStyle (\n), Title,
 *                   ScriptType (v4.00 is SSA: legacy alignment numbers);
 *   [V4+ Styles]    a Format line naming the fields, then Style lines: a
 *   ([V4 Styles])   style's bold, italic, underline, primary colour and
 *                   alignment apply to its events' runs (fonts, sizes,
 *                   borders, shadows and margins have no place in the cue
 *                   model and are not kept);
 *   [Events]        a Format line, then Dialogue lines, one cue each, in
 *                   file order (layers and overlapping events stay
 *                   separate cues).  Comment lines are not shown and not
 *                   read; Picture, Sound, Movie and Command lines are left
 *                   out with a note.  An event's Name (the actor) becomes
 *                   the voice of its runs; an Effect is dropped with a
 *                   warning.  The Text field is the rest of the line,
 *                   commas and all.
 *   [Fonts], [Graphics] and other sections are skipped.
 * A missing Format line takes the standard field order of the section's
 * version.  Times are H:MM:SS.CC (centiseconds).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ass.h"

enum ass_section { S_NONE, S_INFO, S_STYLES, S_EVENTS, S_SKIP };

/* The fields the reader uses, by Format name. */
enum { F_NAME, F_COLOR, F_BOLD, F_ITALIC, F_UNDERLINE, F_ALIGN, F__STYLE };
enum { F_START, F_END, F_STYLE, F_ACTOR, F_EFFECT, F_TEXT, F__EVENT };

#define ASS_MAX_FIELDS 64

struct ass_format {
    int at[6];                  /* F__STYLE or F__EVENT of them; -1: absent */
    int n;                      /* fields on a line */
};

struct ass_file {
    struct tc_ass_reader r;
    struct tc_source *src;
    enum ass_section sec;
    struct ass_format sfmt, efmt;
    int have_sfmt, have_efmt;
    struct tc_buf title, lang;
    int tracked, got_x, got_y, noted_style, noted_embedded;
};

/* ---- helpers shared with ass_text.c and ass_write.c ------------------- */

const struct tc_ass_style *
tc_ass_style_find(const struct tc_ass_reader *r, const char *name, size_t n)
{
    size_t i;

    while (n > 0 && *name == '*') {
        name++;
        n--;
    }
    /* the last of two styles of one name is the one that counts */
    for (i = r->nstyles; i-- > 0;)
        if (strlen(r->styles[i].name) == n &&
            memcmp(r->styles[i].name, name, n) == 0)
            return &r->styles[i];
    return NULL;
}

int
tc_ass_color(const char *s, size_t n, int hex, uint32_t *rgb)
{
    uint32_t v = 0;
    size_t i = 0, digits = 0;

    while (i < n && (s[i] == ' ' || s[i] == '&'))
        i++;
    if (i < n && (s[i] == 'H' || s[i] == 'h')) {
        hex = 1;
        i++;
    }
    for (; i < n; i++) {
        int d = hex ? tc_hexval(s[i]) : (s[i] >= '0' && s[i] <= '9')
                                            ? s[i] - '0' : -1;

        if (d < 0)
            break;
        if (++digits > (hex ? 8u : 10u))
            return TC_ERR_SYNTAX;
        if (!hex && v > (0xFFFFFFFFu - (uint32_t)d) / 10)
            return TC_ERR_SYNTAX;
        v = hex ? v << 4 | (uint32_t)d : v * 10 + (uint32_t)d;
    }
    while (i < n && (s[i] == '&' || s[i] == ' '))
        i++;
    if (digits == 0 || i < n)
        return TC_ERR_SYNTAX;
    /* &HAABBGGRR */
    *rgb = (v & 0xFF) << 16 | (v & 0xFF00) | (v >> 16 & 0xFF);
    return TC_OK;
}

void
tc_ass_place_an(struct tc_place *p, int an)
{
    static const enum tc_align h[3] = { TC_ALIGN_LEFT, TC_ALIGN_CENTER,
                                        TC_ALIGN_RIGHT };

    if (an < 1 || an > 9)
        an = 2;
    p->vpos = an >= 7 ? TC_VPOS_TOP : an >= 4 ? TC_VPOS_MIDDLE
                                              : TC_VPOS_BOTTOM;
    p->align = h[(an - 1) % 3];
    /* bottom centre is where every format puts a cue it says nothing of */
    if (an == 2)
        p->vpos = TC_VPOS_AUTO;
    if (an == 2 || an == 5 || an == 8)
        p->align = TC_ALIGN_AUTO;
}

/* SSA: 1-3 bottom, +4 top, +8 middle (left, centre, right). */
int
tc_ass_legacy_an(long a)
{
    long col = a & 3, row = a & 12;

    if (a < 1 || a > 11 || col == 0)
        return 0;
    return (int)(row == 4 ? 6 + col : row == 8 ? 3 + col : col);
}

const struct tc_ass_style *
tc_ass_style_default(const struct tc_ass_reader *r)
{
    const struct tc_ass_style *st = tc_ass_style_find(r, "Default", 7);

    return st != NULL ? st : &r->plain;
}

/* ---- probe --------------------------------------------------------------- */

static int
ass_probe(const unsigned char *p, size_t n)
{
    size_t i = 0;

    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
                     p[i] == '\n'))
        i++;
    if (n - i >= 13 && strncasecmp((const char *)p + i, "[Script Info]",
                                   13) == 0)
        return TC_PROBE_CERTAIN;
    /* a script whose header was cut off: its sections */
    if (n - i >= 8 && (strncasecmp((const char *)p + i, "[Events]", 8) == 0 ||
                       strncasecmp((const char *)p + i, "[V4+ Sty", 8) == 0 ||
                       strncasecmp((const char *)p + i, "[V4 Styl", 8) == 0))
        return TC_PROBE_LIKELY + 10;
    return TC_PROBE_NO;
}

/* ---- lines --------------------------------------------------------------- */

/* "Key: value": the key, then *v at the trimmed value. */
static int
ass_key(const char *l, size_t n, const char *key, const char **v,
        size_t *vn)
{
    size_t kl = strlen(key);

    if (n <= kl || strncasecmp(l, key, kl) != 0 || l[kl] != ':')
        return 0;
    *v = l + kl + 1;
    *vn = n - kl - 1;
    tc_trim(v, vn);
    return 1;
}

/* Split at commas into at most max fields, the last taking the rest. */
static size_t
ass_split(const char *v, size_t n, size_t max, const char **f, size_t *fl)
{
    size_t k = 0;

    while (k + 1 < max) {
        const char *c = memchr(v, ',', n);

        if (c == NULL)
            break;
        f[k] = v;
        fl[k] = (size_t)(c - v);
        k++;
        n -= (size_t)(c - v) + 1;
        v = c + 1;
    }
    f[k] = v;
    fl[k] = n;
    return k + 1;
}

static void
ass_format(struct ass_format *fm, const char *v, size_t n, int events)
{
    static const char *const snames[F__STYLE] = {
        "Name", "PrimaryColour", "Bold", "Italic", "Underline", "Alignment"
    };
    static const char *const enames[F__EVENT] = {
        "Start", "End", "Style", "Name", "Effect", "Text"
    };
    const char *const *names = events ? enames : snames;
    int nn = events ? F__EVENT : F__STYLE;
    const char *f[ASS_MAX_FIELDS];
    size_t fl[ASS_MAX_FIELDS], k, i;
    int j;

    for (j = 0; j < nn; j++)
        fm->at[j] = -1;
    fm->n = (int)ass_split(v, n, ASS_MAX_FIELDS, f, fl);
    for (k = 0; k < (size_t)fm->n; k++) {
        tc_trim(&f[k], &fl[k]);
        for (i = 0; i < (size_t)nn; i++)
            if (strlen(names[i]) == fl[k] &&
                strncasecmp(names[i], f[k], fl[k]) == 0)
                fm->at[i] = (int)k;
        /* SSA spells it "PrimaryColour" too; "Actor" in old files */
        if (events && fl[k] == 5 && strncasecmp(f[k], "Actor", 5) == 0)
            fm->at[F_ACTOR] = (int)k;
    }
}

/* The standard Format lines. */
static void
ass_default_formats(struct ass_file *a)
{
    static const char ass_s[] = "Name, Fontname, Fontsize, PrimaryColour, "
        "SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
        "Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, "
        "Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding";
    static const char ssa_s[] = "Name, Fontname, Fontsize, PrimaryColour, "
        "SecondaryColour, TertiaryColour, BackColour, Bold, Italic, "
        "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, "
        "AlphaLevel, Encoding";
    static const char ev[] = "Layer, Start, End, Style, Name, MarginL, "
        "MarginR, MarginV, Effect, Text";

    if (!a->have_sfmt)
        ass_format(&a->sfmt, a->r.ssa ? ssa_s : ass_s,
                   strlen(a->r.ssa ? ssa_s : ass_s), 0);
    if (!a->have_efmt)
        ass_format(&a->efmt, ev, strlen(ev), 1);
}

int
tc_ass_long(const char *p, size_t n, long *out)
{
    size_t i = 0;
    long v = 0;
    int neg = 0;

    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    if (i < n && (p[i] == '-' || p[i] == '+'))
        neg = p[i++] == '-';
    if (i == n || p[i] < '0' || p[i] > '9')
        return TC_ERR_SYNTAX;
    for (; i < n && p[i] >= '0' && p[i] <= '9'; i++)
        if (v < 100000000)
            v = v * 10 + (p[i] - '0');
    *out = neg ? -v : v;
    return TC_OK;
}

/* The number at the start of [v, v + n), or def. */
static long
ass_num(const char *v, size_t n, long def)
{
    long x;

    return tc_ass_long(v, n, &x) == TC_OK ? x : def;
}

/* Style field i of a line split into f/fl (k fields), or 0. */
static int
ass_sfield(const struct ass_file *a, int i, size_t k, const char **f,
           const size_t *fl, const char **p, size_t *n)
{
    int at = a->sfmt.at[i];

    if (at < 0 || (size_t)at >= k)
        return 0;
    *p = f[at];
    *n = fl[at];
    return 1;
}

static int
ass_style_line(struct ass_file *a, const char *v, size_t n)
{
    struct tc_ass_reader *r = &a->r;
    const char *f[ASS_MAX_FIELDS], *p;
    size_t fl[ASS_MAX_FIELDS], k, i, pn;
    struct tc_ass_style st;
    long b;

    ass_default_formats(a);
    k = ass_split(v, n, (size_t)a->sfmt.n, f, fl);
    for (i = 0; i < k; i++)
        tc_trim(&f[i], &fl[i]);
    if (!ass_sfield(a, F_NAME, k, f, fl, &p, &pn))
        return tc_repeatf(r->ctx, &r->rp[TC_ASS_RP_BAD_STYLE], TC_D_JUNK,
                          tc_lines_lineno(a->src), 0, "a Style line without "
                          "a name: left out");
    if (r->nstyles == TC_ASS_MAX_STYLES)
        return tc_repeatf(r->ctx, &r->rp[TC_ASS_RP_BAD_STYLE], TC_D_JUNK,
                          tc_lines_lineno(a->src), 0, "more than %d styles: "
                          "the rest are left out", TC_ASS_MAX_STYLES);
    memset(&st, 0, sizeof st);
    st.an = 2;
    st.name = malloc(pn + 1);
    if (st.name == NULL)
        return TC_ERR_NOMEM;
    memcpy(st.name, p, pn);
    st.name[pn] = '\0';
    if (ass_sfield(a, F_BOLD, k, f, fl, &p, &pn)) {
        b = ass_num(p, pn, 0);
        if (b == 1 || b == -1 || b >= 700)
            st.flags |= TC_STYLE_BOLD;
    }
    if (ass_sfield(a, F_ITALIC, k, f, fl, &p, &pn) && ass_num(p, pn, 0))
        st.flags |= TC_STYLE_ITALIC;
    if (ass_sfield(a, F_UNDERLINE, k, f, fl, &p, &pn) && ass_num(p, pn, 0))
        st.flags |= TC_STYLE_UNDERLINE;
    if (ass_sfield(a, F_COLOR, k, f, fl, &p, &pn) &&
        tc_ass_color(p, pn, 0, &st.color) == TC_OK && st.color != 0xFFFFFF)
        st.flags |= TC_STYLE_COLOR;
    if (ass_sfield(a, F_ALIGN, k, f, fl, &p, &pn)) {
        b = ass_num(p, pn, 2);
        if (r->ssa)
            b = tc_ass_legacy_an(b);
        st.an = b >= 1 && b <= 9 ? (int)b : 2;
    }
    if (r->nstyles == r->cap) {
        size_t ncap = r->cap ? r->cap * 2 : 8;
        struct tc_ass_style *ns = realloc(r->styles, ncap * sizeof *ns);

        if (ns == NULL) {
            free(st.name);
            return TC_ERR_NOMEM;
        }
        r->styles = ns;
        r->cap = ncap;
    }
    r->styles[r->nstyles++] = st;
    if (!a->noted_style++)
        tc_diagf(r->ctx, TC_D_IGNORED, tc_lines_lineno(a->src), 0,
                 "styles' fonts, sizes, borders, shadows and margins: a "
                 "style gives its runs bold, italic, underline, colour and "
                 "placement");
    return TC_OK;
}

/* "H:MM:SS.CC"; *odd is set for another number of digits. */
static int
ass_time(const char *s, size_t n, int64_t *ms, int *odd)
{
    struct tc_scan sc;
    unsigned long h, m, sec, frac;
    const char *f;
    size_t fd;

    tc_scan_init(&sc, s, n);
    tc_scan_spaces(&sc);
    if (tc_scan_digits(&sc, 1, 9, &h) || tc_scan_char(&sc, ':'))
        return TC_ERR_SYNTAX;
    f = sc.p;
    if (tc_scan_digits(&sc, 1, 2, &m) || tc_scan_char(&sc, ':'))
        return TC_ERR_SYNTAX;
    *odd = sc.p - f != 3;
    f = sc.p;
    if (tc_scan_digits(&sc, 1, 2, &sec))
        return TC_ERR_SYNTAX;
    *odd |= sc.p - f != 2;
    frac = 0;
    fd = 2;
    if (tc_scan_oneof(&sc, ".") == TC_OK) {
        f = sc.p;
        if (tc_scan_digits(&sc, 1, 3, &frac))
            return TC_ERR_SYNTAX;
        fd = (size_t)(sc.p - f);
    }
    *odd |= fd != 2;
    tc_scan_spaces(&sc);
    if (!tc_scan_eof(&sc) || m > 59 || sec > 59)
        return TC_ERR_SYNTAX;
    frac *= fd == 1 ? 100 : fd == 2 ? 10 : 1;
    *ms = (((int64_t)h * 60 + (int64_t)m) * 60 + (int64_t)sec) * 1000 +
          (int64_t)frac;
    return TC_OK;
}

static int
ass_track(struct ass_file *a)
{
    struct tc_track t;

    if (a->tracked)
        return TC_OK;
    a->tracked = 1;
    memset(&t, 0, sizeof t);
    if (a->title.len > 0)
        t.title = a->title.data;
    if (a->lang.len > 0)
        t.lang = a->lang.data;
    /* libass: a missing PlayRes side follows the other at 4:3 */
    if (!a->got_x && !a->got_y) {
        a->r.play_x = 384;
        a->r.play_y = 288;
    } else if (!a->got_x) {
        a->r.play_x = a->r.play_y * 4 / 3;
    } else if (!a->got_y) {
        a->r.play_y = a->r.play_x * 3 / 4;
    }
    return tc_stage_track(a->r.next, &t);
}

static int
ass_event(struct ass_file *a, const char *v, size_t n)
{
    struct tc_ass_reader *r = &a->r;
    const struct ass_format *fm = &a->efmt;
    const char *f[ASS_MAX_FIELDS];
    size_t fl[ASS_MAX_FIELDS], k;
    unsigned long line = tc_lines_lineno(a->src);
    const struct tc_ass_style *st;
    struct tc_buf voice = TC_BUF_INIT;
    struct tc_cue *c;
    int64_t start, end;
    int odd = 0, odd2 = 0, rc;
    long i;

    ass_default_formats(a);
    if ((rc = ass_track(a)) != TC_OK)
        return rc;
    k = ass_split(v, n, (size_t)fm->n, f, fl);
    if (k < (size_t)fm->n || fm->at[F_START] < 0 || fm->at[F_END] < 0)
        return tc_skiprf(r->ctx, &r->rp[TC_ASS_RP_FIELDS], TC_D_JUNK, line,
                         0, "a Dialogue line with %lu fields where the "
                         "Format line names %d", (unsigned long)k, fm->n);
    for (i = 0; i + 1 < (long)k; i++)
        tc_trim(&f[i], &fl[i]);
    if (ass_time(f[fm->at[F_START]], fl[fm->at[F_START]], &start, &odd) ||
        ass_time(f[fm->at[F_END]], fl[fm->at[F_END]], &end, &odd2))
        return tc_skiprf(r->ctx, &r->rp[TC_ASS_RP_TIME], TC_D_TIME_BAD,
                         line, 0, "'%.*s' to '%.*s': expected H:MM:SS.CC",
                         (int)fl[fm->at[F_START]], f[fm->at[F_START]],
                         (int)fl[fm->at[F_END]], f[fm->at[F_END]]);
    if ((odd || odd2) &&
        (rc = tc_repeatf(r->ctx, &r->rp[TC_ASS_RP_ODD_TIME],
                         TC_D_TIME_REPAIRED, line, 0, "'%.*s' to '%.*s': "
                         "not H:MM:SS.CC; the fractions read as decimals",
                         (int)fl[fm->at[F_START]], f[fm->at[F_START]],
                         (int)fl[fm->at[F_END]], f[fm->at[F_END]]))
            != TC_OK)
        return rc;
    st = NULL;
    if (fm->at[F_STYLE] >= 0) {
        i = fm->at[F_STYLE];
        st = tc_ass_style_find(r, f[i], fl[i]);
        if (st == NULL && fl[i] > 0 &&
            (rc = tc_repeatf(r->ctx, &r->rp[TC_ASS_RP_STYLE], TC_D_REPAIRED,
                             line, 0, "no style named '%.*s': the Default "
                             "style is used", (int)fl[i], f[i])) != TC_OK)
            return rc;
    }
    if (st == NULL)
        st = tc_ass_style_default(r);
    if (fm->at[F_EFFECT] >= 0 && fl[fm->at[F_EFFECT]] > 0 &&
        (rc = tc_repeatf(r->ctx, &r->rp[TC_ASS_RP_EFFECT], TC_D_NOT_KEPT,
                         line, 0, "the effect '%.*s' dropped",
                         (int)fl[fm->at[F_EFFECT]], f[fm->at[F_EFFECT]]))
            != TC_OK)
        return rc;
    r->voice = NULL;
    if (fm->at[F_ACTOR] >= 0 && fl[fm->at[F_ACTOR]] > 0) {
        tc_buf_add(&voice, f[fm->at[F_ACTOR]], fl[fm->at[F_ACTOR]]);
        if ((rc = tc_buf_status(&voice)) != TC_OK)
            return rc;
        r->voice = voice.data;
    }
    c = tc_cue_new(r->ctx);
    if (c == NULL) {
        tc_buf_release(&voice);
        return TC_ERR_NOMEM;
    }
    c->start = start;
    c->end = end;
    c->line = line;
    r->line = line;
    i = fm->at[F_TEXT] >= 0 ? fm->at[F_TEXT] : (long)k - 1;
    rc = tc_ass_text(r, c, st, f[i], fl[i]);
    r->voice = NULL;
    tc_buf_release(&voice);
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    tc_text_trim(&c->text);
    return tc_stage_push(r->next, c);
}

static int
ass_info(struct ass_file *a, const char *l, size_t n)
{
    const char *v;
    size_t vn;

    if (ass_key(l, n, "ScriptType", &v, &vn)) {
        a->r.ssa = !(vn >= 6 && strncasecmp(v, "v4.00+", 6) == 0) &&
                   vn >= 5 && strncasecmp(v, "v4.00", 5) == 0;
    } else if (ass_key(l, n, "PlayResX", &v, &vn)) {
        a->r.play_x = (double)ass_num(v, vn, 0);
        a->got_x = a->r.play_x > 0;
    } else if (ass_key(l, n, "PlayResY", &v, &vn)) {
        a->r.play_y = (double)ass_num(v, vn, 0);
        a->got_y = a->r.play_y > 0;
    } else if (ass_key(l, n, "WrapStyle", &v, &vn)) {
        a->r.wrap_style = (int)ass_num(v, vn, 0);
    } else if (ass_key(l, n, "Title", &v, &vn)) {
        tc_buf_clear(&a->title);
        tc_buf_add(&a->title, v, vn);
    } else if (ass_key(l, n, "Language", &v, &vn)) {
        tc_buf_clear(&a->lang);
        tc_buf_add(&a->lang, v, vn);
    }
    return tc_buf_status(&a->title) != TC_OK ? tc_buf_status(&a->title)
                                             : tc_buf_status(&a->lang);
}

static int
ass_section(struct ass_file *a, const char *l, size_t n)
{
    static const struct {
        const char *name;
        enum ass_section sec;
        int ssa;                    /* -1: says nothing of the version */
    } secs[] = {
        { "[Script Info]", S_INFO, -1 }, { "[V4+ Styles]", S_STYLES, 0 },
        { "[V4 Styles]", S_STYLES, 1 }, { "[V4 Styles+]", S_STYLES, 0 },
        { "[Events]", S_EVENTS, -1 },
    };
    size_t i;

    for (i = 0; i < sizeof secs / sizeof secs[0]; i++)
        if (strlen(secs[i].name) == n &&
            strncasecmp(secs[i].name, l, n) == 0) {
            a->sec = secs[i].sec;
            if (secs[i].ssa >= 0 && !a->have_sfmt)
                a->r.ssa = secs[i].ssa;
            return TC_OK;
        }
    a->sec = S_SKIP;
    if ((n == 7 && strncasecmp(l, "[Fonts]", 7) == 0) ||
        (n == 10 && strncasecmp(l, "[Graphics]", 10) == 0))
        if (!a->noted_embedded++)
            return tc_diagf(a->r.ctx, TC_D_IGNORED, tc_lines_lineno(a->src),
                            0, "embedded fonts and pictures");
    return TC_OK;
}

static int
ass_line(struct ass_file *a, const char *l, size_t n)
{
    struct tc_ass_reader *r = &a->r;
    const char *v;
    size_t vn;

    r->lstart = l;
    tc_trim(&l, &n);
    if (n == 0 || l[0] == ';' || (n >= 2 && l[0] == '!' && l[1] == ':'))
        return TC_OK;
    if (l[0] == '[' && l[n - 1] == ']')
        return ass_section(a, l, n);
    if (a->sec == S_SKIP)
        return TC_OK;
    if (ass_key(l, n, "Dialogue", &v, &vn))
        return ass_event(a, v, vn);
    if (ass_key(l, n, "Comment", &v, &vn))
        return TC_OK;
    switch (a->sec) {
    case S_INFO:
        return ass_info(a, l, n);
    case S_STYLES:
        if (ass_key(l, n, "Format", &v, &vn)) {
            ass_format(&a->sfmt, v, vn, 0);
            a->have_sfmt = 1;
            return TC_OK;
        }
        if (ass_key(l, n, "Style", &v, &vn))
            return ass_style_line(a, v, vn);
        break;
    case S_EVENTS:
        if (ass_key(l, n, "Format", &v, &vn)) {
            ass_format(&a->efmt, v, vn, 1);
            a->have_efmt = 1;
            return TC_OK;
        }
        if (ass_key(l, n, "Picture", &v, &vn) ||
            ass_key(l, n, "Sound", &v, &vn) ||
            ass_key(l, n, "Movie", &v, &vn) ||
            ass_key(l, n, "Command", &v, &vn))
            return tc_repeatf(r->ctx, &r->rp[TC_ASS_RP_OTHER], TC_D_IGNORED,
                              tc_lines_lineno(a->src), 0, "Picture, Sound, "
                              "Movie and Command events");
        break;
    default:
        break;
    }
    return tc_repeatf(r->ctx, &r->rp[TC_ASS_RP_LINE], TC_D_JUNK,
                      tc_lines_lineno(a->src), 1, "'%.*s' left out",
                      (int)(n > 40 ? 40 : n), l);
}

static int
ass_read(struct tc_source *src, struct tc_stage *next)
{
    struct ass_file a;
    const char *l;
    size_t n, i;
    int rc = TC_OK, got;

    memset(&a, 0, sizeof a);
    a.src = src;
    a.r.ctx = tc_source_ctx(src);
    a.r.next = next;
    a.r.plain.an = 2;
    tc_buf_init(&a.title, 4096);
    tc_buf_init(&a.lang, 64);
    while ((got = tc_lines_next(src, &l, &n)) > 0)
        if ((rc = ass_line(&a, l, n)) != TC_OK)
            break;
    if (got < 0)
        rc = got;
    if (rc == TC_OK)
        rc = ass_track(&a);
    if (rc == TC_OK)
        rc = tc_ass_drops_end(&a.r);
    for (i = 0; i < TC_ASS_RP__N && rc == TC_OK; i++)
        rc = tc_repeat_end(a.r.ctx, &a.r.rp[i], NULL);
    for (i = 0; i < a.r.nstyles; i++)
        free(a.r.styles[i].name);
    free(a.r.styles);
    tc_buf_release(&a.title);
    tc_buf_release(&a.lang);
    return rc;
}

const struct tc_format tc_format_ass = {
    .name       = "ass",
    .desc       = "Advanced SubStation Alpha and SSA v4 scripts",
    .extensions = "ass ssa",
    .probe      = ass_probe,
    .read       = ass_read,
    .writer     = &tc_ass_writer,
};
