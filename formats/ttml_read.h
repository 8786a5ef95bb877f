/* formats/ttml_read.h -- what the three files of the TTML reader share:
 * ttml.c (the libxml2 reader, elements, timing), ttml_style.c (styles,
 * regions, agents, attributes) and ttml_text.c (the text of one <p> into
 * cues).  Internal to the core library. */
#ifndef TRANSCUE_FORMATS_TTML_READ_H
#define TRANSCUE_FORMATS_TTML_READ_H

#include <libxml/xmlreader.h>

#include "ttml.h"

#define TTML_DEPTH_MAX  64          /* open elements */
#define TTML_P_MAX      (1u << 20)  /* text bytes in one <p> */
#define TTML_PIECES_MAX 65536       /* text pieces in one <p> */
#define TTML_DEFS_MAX   65536       /* styles, regions, agents */
#define TTML_CUTS_MAX   4096        /* timing changes inside one <p> */

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

/* ttml.c */
unsigned long tc_ttml_cur_line(struct ttml_reader *r);
/* Report at the current node; errors and strict failures also stop the
 * reading (r->rc).  fmt takes the two strings a and b. */
int tc_ttml_report(struct ttml_reader *r, int id, const char *fmt,
                   const char *a, const char *b);

/* ttml_style.c */
int tc_ttml_is_ws(char c);
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
int tc_ttml_add_piece(struct ttml_reader *r, enum piece_kind kind,
                      const char *s, size_t n);
int tc_ttml_p_emit(struct ttml_reader *r, double b, double e,
                   const struct tstyle *ps);

#endif /* TRANSCUE_FORMATS_TTML_READ_H */
