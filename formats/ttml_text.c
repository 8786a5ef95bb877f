/* formats/ttml_text.c -- the text of one TTML <p> into cues.  The reader
 * hands over pieces (text or a line break, each with its active interval,
 * style, speaker and region); at the end of the <p> the distinct instants
 * cut its interval, and each piece of the cut that shows text becomes a
 * cue.  TTML's white-space rules (xml:space) are applied
 * here. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ttml_read.h"

/* ---- the text of one <p> ------------------------------------------------ */

int
tc_ttml_add_piece(struct ttml_reader *r, enum piece_kind kind, const char *s,
                  size_t n)
{
    struct frame *f = &r->fr[r->depth - 1];
    struct piece *pc;

    if (r->npieces == TTML_PIECES_MAX)
        return tc_ttml_report(r, TC_D_LIMIT, "more than %s text pieces in one "
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
    memcpy(pc->lang, f->lang, sizeof pc->lang);
    memset(&pc->st, 0, sizeof pc->st);
    if (pc->region >= 0)
        pc->st = r->regions.v[pc->region].flat;
    tc_ttml_style_over(&pc->st, &f->spec);
    tc_buf_add(&r->ptext, s, n);
    if (tc_buf_status(&r->ptext) != TC_OK)
        return tc_ttml_report(r, TC_D_LIMIT, "more than %s bytes of text "
                              "in one <p>%s", "1048576", NULL);
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

/* A piece's text by the default rules, appended at once: its words with
 * one space between them (the same style throughout, so the text is what
 * appending word by word makes).  What is pending before its first word
 * (line breaks, a space in the previous piece's style) goes first. */
static int
tb_words(struct ttml_reader *r, struct textb *b, const char *p,
         const char *e, const struct tc_style *st)
{
    struct tc_buf *nb = &r->pnorm;
    char *o;
    int rc;

    tc_buf_clear(nb);
    if (tc_buf_grow(nb, (size_t)(e - p)) != TC_OK)
        return TC_ERR_NOMEM;
    o = nb->data;
    while (p < e) {
        const char *q = p;

        if (tc_ttml_is_ws(*p)) {
            if (!b->at_line_start && !b->last_space) {
                b->pending_sp = 1;
                b->sp_style = *st;
                b->last_space = 1;
            }
            p++;
            continue;
        }
        if (o == nb->data) {
            if ((rc = tb_flush(b)) != TC_OK)
                return rc;
        } else if (b->pending_sp) {
            /* set in this piece: its style is st */
            b->pending_sp = 0;
            *o++ = ' ';
        }
        /* the word, copied as it is scanned */
        while (q < e && ((unsigned char)*q > ' ' || !tc_ttml_is_ws(*q)))
            *o++ = *q++;
        b->any = 1;
        b->at_line_start = 0;
        b->last_space = 0;
        p = q;
    }
    if (o == nb->data)
        return TC_OK;
    return tc_text_append(b->t, nb->data, (size_t)(o - nb->data), st);
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
    st.voice = tc_ttml_agent_name(r, pc->agent);
    st.lang = pc->lang[0] != '\0' ? pc->lang : NULL;
    if (!pc->preserve)
        return tb_words(r, b, p, e, &st);
    while (p < e) {
        const char *q = p;

        if (*p == '\n') {
            tb_newline(b);
            p++;
            continue;
        }
        if (*p == ' ' || *p == '\t') {
            if ((rc = tb_flush(b)) != TC_OK ||
                (rc = tc_text_append(b->t, " ", 1, &st)) != TC_OK)
                return rc;
            b->at_line_start = 0;
            b->last_space = 1;
            p++;
            continue;
        }
        if (tc_ttml_is_ws(*p)) {
            if (!b->at_line_start && !b->last_space) {
                b->pending_sp = 1;
                b->sp_style = st;
                b->last_space = 1;
            }
            p++;
            continue;
        }
        while (q < e && !tc_ttml_is_ws(*q))
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

int64_t
tc_ttml_ms(double s)
{
    if (isnan(s) || isinf(s))
        return TC_TIME_NONE;
    /* far beyond any media, and no overflow converting */
    if (s > 4e15)
        return (int64_t)4e18;
    if (s < -4e15)
        return -(int64_t)4e18;
    return s >= 0 ? (int64_t)(s * 1000 + 0.5) : -(int64_t)(-s * 1000 + 0.5);
}

/* A cue whose <p> has no end (a begin only, or no timing at all): TTML
 * gives it its parent's end, which is no help when the parent has none.
 * It lasts until the next <p> begins: held until then. */
static int
hold(struct ttml_reader *r, struct tc_cue *c)
{
    if (r->nheld == r->held_cap) {
        size_t ncap = r->held_cap ? r->held_cap * 2 : 4;
        struct tc_cue **nh = realloc(r->held, ncap * sizeof *nh);

        if (nh == NULL) {
            tc_cue_free(c);
            return TC_ERR_NOMEM;
        }
        r->held = nh;
        r->held_cap = ncap;
    }
    r->held[r->nheld++] = c;
    return TC_OK;
}

int
tc_ttml_release(struct ttml_reader *r, int64_t next)
{
    size_t i;
    int rc = TC_OK;

    if (r->nheld > 0 && r->nopen++ == 0)
        r->open_line = r->held[0]->line;
    if (r->nheld > 0 && next == TC_TIME_NONE)
        r->open_tail = 1;
    for (i = 0; i < r->nheld; i++) {
        struct tc_cue *c = r->held[i];

        r->held[i] = NULL;
        /* a next start not after this one is no end: the end stays
         * unset, and the stage before the writer estimates one */
        if (next != TC_TIME_NONE && next > c->start)
            c->end = next;
        if (rc == TC_OK)
            rc = tc_stage_push(r->next, c);
        else
            tc_cue_free(c);
    }
    r->nheld = 0;
    return rc;
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
    /* each instant costs a pass over the pieces: bound the work */
    if (ncuts > TTML_CUTS_MAX)
        return tc_ttml_report(r, TC_D_LIMIT, "more than %s timing changes "
                              "in one <p>%s", "4096", NULL);
    if (ncuts > 16) {
        qsort(r->cuts, ncuts, sizeof *r->cuts, dbl_cmp);
    } else {
        /* the usual two or three: insertion sort, no call per compare */
        for (i = 1; i < ncuts; i++) {
            double v = r->cuts[i];
            size_t j = i;

            for (; j > 0 && r->cuts[j - 1] > v; j--)
                r->cuts[j] = r->cuts[j - 1];
            r->cuts[j] = v;
        }
    }
    for (i = 0; i + 1 < ncuts && rc == TC_OK; i++) {
        double t0 = r->cuts[i], t1 = r->cuts[i + 1];
        struct tc_cue *c;
        struct textb tb;
        size_t k;

        if (!(t1 > t0) || tc_ttml_ms(t0) == tc_ttml_ms(t1))
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
        c->start = tc_ttml_ms(t0);
        c->end = tc_ttml_ms(t1);
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
        rc = c->end == TC_TIME_NONE ? hold(r, c) : tc_stage_push(r->next, c);
    }
    return rc;
}

/* The <p> has closed over [b, e).  A <p> outside every region whose spans
 * name regions shows each span in its region, and nothing else -- as a
 * TTML player shows it.  By default the text a player would hide is kept
 * too: at the bottom, or in the region the <p> names; the count of such
 * paragraphs is said once, at the end.  ttml-regions=strict drops it. */
int
tc_ttml_p_emit(struct ttml_reader *r, double b, double e,
               const struct tstyle *ps)
{
    size_t shown = 0, i, j;
    int rc = TC_OK, keep = !r->regions_strict, outside = r->hidden;

    if (r->pskip)
        return TC_OK;           /* an unreadable time: said already */
    if (r->hidden && keep) {
        r->hidden = 0;
        r->pregion = r->pnamed;
    }
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
                int hidden = r->hidden;

                r->hidden = 0;
                rc = p_emit_in(r, b, e, ps, rg, 1, &n);
                r->hidden = hidden;
            }
        }
        for (i = 0; i < r->npieces; i++)
            if (r->pieces[i].region < 0)
                break;
        if (i == r->npieces)
            return rc;
        /* the text outside every region */
        outside = 1;
        if (rc == TC_OK)
            rc = p_emit_in(r, b, e, ps, -1, 1, &shown);
    } else {
        rc = p_emit_in(r, b, e, ps, r->pregion, 0, &shown);
    }
    if (rc == TC_OK && shown == 0 && !r->hidden) {
        /* TTML says when text is never shown; say so under -v */
        for (i = 0; i < r->npieces; i++)
            if (r->pieces[i].kind == PC_TEXT &&
                strspn(r->ptext.data + r->pieces[i].off, " \t\r\n") <
                    r->pieces[i].len)
                break;
        if (i < r->npieces)
            rc = tc_diagf(r->ctx, TC_D_IGNORED, r->pline, 0, "a <p> whose "
                          "text is never shown by its timing");
    }
    if (rc == TC_OK && outside && shown > 0 && r->nhidden++ == 0)
        r->hidden_line = r->pline;
    return rc;
}
