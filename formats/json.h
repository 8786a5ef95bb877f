/* formats/json.h -- what json.c (probe, writer, descriptor) and
 * json_read.c (the reader, built with yajl) share. */
#ifndef TRANSCUE_FORMATS_JSON_H
#define TRANSCUE_FORMATS_JSON_H

#include "format.h"

/* Is c JSON white space? */
int tc_json_space(unsigned char c);

#ifdef HAVE_YAJL
int tc_json_read(struct tc_source *src, struct tc_stage *next);
/* A JSON number of seconds (scale3) or milliseconds into whole
 * milliseconds, rounded; TC_ERR_SYNTAX for a negative or absurd time. */
int tc_json_ms(const char *s, size_t n, int scale3, int64_t *out);
#endif

#endif /* TRANSCUE_FORMATS_JSON_H */
