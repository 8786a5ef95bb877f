/* formats/json.h -- what json.c (probe, writer, descriptor) and
 * json_read.c (the reader, built with yajl) share. */
#ifndef TRANSCUE_FORMATS_JSON_H
#define TRANSCUE_FORMATS_JSON_H

#include "format.h"

/* Is c JSON white space? */
int tc_json_space(unsigned char c);

#ifdef HAVE_YAJL
int tc_json_read(struct tc_source *src, struct tc_stage *next);
#endif

#endif /* TRANSCUE_FORMATS_JSON_H */
