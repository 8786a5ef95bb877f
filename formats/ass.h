/* formats/ass.h -- what the ASS/SSA reader (ass.c), its event text parser
 * (ass_text.c) and its writer (ass_write.c) share. */
#ifndef TRANSCUE_FORMATS_ASS_H
#define TRANSCUE_FORMATS_ASS_H

#include "format.h"

#define TC_ASS_MAX_STYLES 4096      /* more is not a subtitle script */

/* What a style gives the runs of an event. */
struct tc_ass_style {
    char    *name;
    unsigned flags;                 /* TC_STYLE_ITALIC, BOLD, UNDERLINE */
    uint32_t color;                 /* 0xRRGGBB, when TC_STYLE_COLOR */
    int      an;                    /* alignment on the numpad, 1..9 */
};

/* The override tags that are dropped, one note each (ass_text.c). */
enum {
    TC_ASS_DROP_KINDS = 64
};

/* Causes that may come back on every line: said once, then counted. */
enum tc_ass_rp {
    TC_ASS_RP_TIME,         /* an event skipped: its time */
    TC_ASS_RP_ODD_TIME,     /* a time with odd digits, read */
    TC_ASS_RP_FIELDS,       /* an event skipped: too few fields */
    TC_ASS_RP_STYLE,        /* an event's style is not defined */
    TC_ASS_RP_OTHER,        /* Picture, Sound, Movie, Command events */
    TC_ASS_RP_EFFECT,       /* an event's Effect dropped */
    TC_ASS_RP_BAD_STYLE,    /* a Style line left out */
    TC_ASS_RP_LINE,         /* a line that is none of the above */
    TC_ASS_RP__N
};

struct tc_ass_reader {
    struct tc_ctx *ctx;
    struct tc_stage *next;
    int ssa;                        /* v4 script: legacy \a alignment */
    int wrap_style;                 /* 2: \n is a line break */
    double play_x, play_y;          /* PlayResX/Y, for \pos */
    struct tc_ass_style *styles;
    size_t nstyles, cap;
    struct tc_ass_style plain;      /* for a script without "Default" */
    struct tc_repeat rp[TC_ASS_RP__N];
    struct tc_repeat drop[TC_ASS_DROP_KINDS];
    /* the event being read */
    unsigned long line;
    const char *lstart;             /* its line, for columns */
    const char *voice;              /* its Name, NULL = none */
};

/* The style named name (case-sensitive, a leading '*' ignored), else
 * NULL. */
const struct tc_ass_style *tc_ass_style_find(const struct tc_ass_reader *r,
                                             const char *name, size_t n);
/* The style every event falls back on: "Default", else a plain one. */
const struct tc_ass_style *tc_ass_style_default(
    const struct tc_ass_reader *r);

/* "&HAABBGGRR", "&HBBGGRR&" ... into 0xRRGGBB; without the 'H' the
 * number is hexadecimal when hex (override tags), else decimal (SSA's
 * style lines). */
int tc_ass_color(const char *s, size_t n, int hex, uint32_t *rgb);

/* The integer part of a decimal number at the start of [p, p + n),
 * spaces before it allowed; TC_ERR_SYNTAX when there is none. */
int tc_ass_long(const char *p, size_t n, long *out);

/* Placement for an \an value (1..9). */
void tc_ass_place_an(struct tc_place *p, int an);
/* The \an value of a legacy \a (SSA) value, or 0. */
int tc_ass_legacy_an(long a);

/* The event text p[0, n) into the cue's runs, starting from style st;
 * start is the event's start (for karaoke times). */
int tc_ass_text(struct tc_ass_reader *r, struct tc_cue *c,
                const struct tc_ass_style *st, const char *p, size_t n);
/* The notes on dropped tags that came back: their counts. */
int tc_ass_drops_end(struct tc_ass_reader *r);

/* The writer's hooks (ass_write.c). */
extern const struct tc_wr_hooks tc_ass_writer;

#endif /* TRANSCUE_FORMATS_ASS_H */
