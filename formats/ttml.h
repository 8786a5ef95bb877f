/* formats/ttml.h -- what the parts of the TTML format share: time
 * expressions, colour expressions and the writer.  Internal to the core
 * library; tests/unit/test_ttml.c reaches the parsers through it. */
#ifndef TRANSCUE_FORMATS_TTML_H
#define TRANSCUE_FORMATS_TTML_H

#include "format.h"

/* The timing parameters in force for a document (ttp: attributes). */
struct tc_ttml_timing {
    unsigned long frame_rate;   /* nominal frames per second, default 30 */
    double mult;                /* frameRateMultiplier, default 1 */
    unsigned long sub_frame_rate;  /* default 1 */
    double tick_rate;           /* default: effective frame rate if one was
                                   given, else 1 */
    int smpte;                  /* ttp:timeBase="smpte" */
    int drop;                   /* 0 nonDrop, 1 dropNTSC, 2 dropPAL */
};

void tc_ttml_timing_init(struct tc_ttml_timing *tp);
/* A <time-expression> into seconds.  TC_ERR_SYNTAX for anything the TTML
 * grammar does not allow or a field out of range. */
int tc_ttml_time_parse(const char *s, const struct tc_ttml_timing *tp,
                       double *secs);
/* A TTML <color> into 0xRRGGBBAA.  TC_ERR_SYNTAX when not one. */
int tc_ttml_color_parse(const char *s, uint32_t *rgba);

/* The writer's hooks (ttml_write.c). */
extern const struct tc_wr_hooks tc_ttml_writer;

#endif /* TRANSCUE_FORMATS_TTML_H */
