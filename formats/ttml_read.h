/* formats/ttml_read.h -- what the three files of the TTML reader share:
 * ttml.c (the libxml2 reader, elements, timing), ttml_style.c (styles,
 * regions, agents, attributes) and ttml_text.c (the text of one <p> into
 * cues).  Internal to the core library. */
#ifndef TRANSCUE_FORMATS_TTML_READ_H
#define TRANSCUE_FORMATS_TTML_READ_H

#include <libxml/xmlreader.h>

#include "ttml.h"
#include "ttml_xml.h"

#define TTML_DEPTH_MAX  64          /* open elements */
#define TTML_P_MAX      (1u << 20)  /* text bytes in one <p> */
#define TTML_PIECES_MAX 65536       /* text pieces in one <p> */
#define TTML_DEFS_MAX   65536       /* styles, regions, agents */
#define TTML_CUTS_MAX   4096        /* timing changes inside one <p> */
#define TTML_XREC_MAX   8           /* kinds of XML error counted apart */
#define TTML_NSC        8           /* namespace URIs recognised by address */

enum el_kind {
    EL_IGNORED, EL_TT, EL_HEAD, EL_STYLING, EL_STYLE, EL_LAYOUT, EL_REGION,
    EL_BODY, EL_DIV, EL_P, EL_SPAN, EL_BR, EL_METADATA, EL_AGENT, EL_NAME,
    EL_SET
};

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
    long named;                 /* the last declared region named on the
                                   chain, -1 none (where a p is placed when
                                   its region does not show it) */
    unsigned long bad_time;     /* line of an unreadable time on the chain,
                                   0 none: its paragraphs are skipped */
    int preserve;               /* xml:space="preserve" */
    int display_none;           /* tts:display="none" */
    int zero_text;              /* text here lasts no time (seq) */
    long agent;                 /* index into agents, -1 none */
    char lang[36];              /* xml:lang below <tt>, "" = none */
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
    char lang[36];
};

/* Causes a document may repeat on every paragraph: said once, counted. */
enum {
    TR_REGION, TR_STYLE, TR_COLOR, TR_COMMA, TR_PLACE, TR_OUTSIDE,
    TR_BADPARENT, TR_BAREID, TR__COUNT
};

struct ttml_reader {
    struct tc_source *src;
    struct tc_ctx *ctx;
    struct tc_stage *next;
    xmlTextReaderPtr xr;
    int rc;                     /* first failure */
    int xml_failed;
    int no_ns;                  /* <tt> without a namespace: read as TTML */
    int regions_strict;         /* ttml-regions=strict: drop as players do */
    struct tc_repeat rp[TR__COUNT];
    struct {
        const void *ns;         /* an xmlNs that lasts the document */
        int kind;               /* its enum ns_kind (ttml.c) */
    } nsc[TTML_NSC];
    unsigned nnsc;
    struct {
        int code;               /* libxml2's error code */
        struct tc_repeat rp;
    } xrec[TTML_XREC_MAX];      /* recoverable XML errors, by kind */
    size_t nxrec;
    int own_bad;                /* the element being opened has a bad time */
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
    struct tc_buf pnorm;        /* a piece's words, spaced (ttml_text.c) */
    struct piece *pieces;
    size_t npieces, pieces_cap;
    double *cuts;
    char *pid;
    unsigned long pline;
    long pregion;
    long pnamed;                /* the region the <p> names, -1 none */
    int hidden;                 /* the <p> is in no region */
    int pskip;                  /* the <p> has an unreadable time */
    double vis_b, vis_e;        /* when tts:display lets the <p> show */
    /* paragraphs a strict TTML player would not show (no region) */
    unsigned long nhidden, hidden_line;
    /* cues of the last <p> that have no end yet: it comes from the next
     * <p>'s begin */
    struct tc_cue **held;
    size_t nheld, held_cap;
    unsigned long nopen, open_line;
    int open_tail;              /* the last <p> had no end either */
};

/* ttml.c */
unsigned long tc_ttml_cur_line(struct ttml_reader *r);
/* Report at the current node; errors and strict failures also stop the
 * reading (r->rc).  fmt takes the two strings a and b. */
int tc_ttml_report(struct ttml_reader *r, int id, const char *fmt,
                   const char *a, const char *b);
/* The same for a cause that may repeat (one of TR_*): said once, counted
 * and summed up at the end of the document. */
int tc_ttml_repeat(struct ttml_reader *r, int which, int id, const char *fmt,
                   const char *a, const char *b);
/* An unreadable time on the current element: its paragraph is skipped (a
 * container's: every paragraph in it). */
void tc_ttml_bad_time(struct ttml_reader *r, const char *name,
                      const char *v);

/* ttml_style.c */
/* XML white space (TTML's, too): space, tab, CR, LF */
static inline int
tc_ttml_is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
void tc_ttml_style_over(struct tstyle *dst, const struct tstyle *src);
struct tdef *tc_ttml_def_add(struct ttml_reader *r, struct tdefs *d,
                             const char *id);
struct tdef *tc_ttml_def_find(struct tdefs *d, const char *id, size_t n);
void tc_ttml_defs_free(struct tdefs *d);
int tc_ttml_apply_refs(struct ttml_reader *r, const char *refs,
                       struct tstyle *out);
int tc_ttml_resolve_def(struct ttml_reader *r, struct tdef *t, int region);
long tc_ttml_agent_find(struct ttml_reader *r, const char *id);
long tc_ttml_agent_add(struct ttml_reader *r, const char *id);
const char *tc_ttml_agent_name(const struct ttml_reader *r, long i);
int tc_ttml_style_attr(struct ttml_reader *r, struct tstyle *s,
                       const char *name, const char *v);
/* 1 when v is a time expression (then in *out), else 0 after an error */
int tc_ttml_parse_time_attr(struct ttml_reader *r, const char *name,
                            const char *v, double *out);
int tc_ttml_param_attr(struct ttml_reader *r, const char *name,
                       const char *v, int *tick_given);

/* ttml_text.c */
/* Seconds to milliseconds; an infinite time is TC_TIME_NONE. */
int64_t tc_ttml_ms(double s);
int tc_ttml_add_piece(struct ttml_reader *r, enum piece_kind kind,
                      const char *s, size_t n);
int tc_ttml_p_emit(struct ttml_reader *r, double b, double e,
                   const struct tstyle *ps);
/* The cues held for an end: they end at next (the next <p>'s begin), or
 * have none when next is not after their start (TC_TIME_NONE). */
int tc_ttml_release(struct ttml_reader *r, int64_t next);

#endif /* TRANSCUE_FORMATS_TTML_READ_H */
