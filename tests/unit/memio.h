/* memio.h -- what the unit tests use to read and convert strings in
 * memory, with no temporary file (the library's I/O interface). */
#ifndef TRANSCUE_TESTS_MEMIO_H
#define TRANSCUE_TESTS_MEMIO_H

#include <stddef.h>

#include "format.h"

/* A source reading n bytes at p (borrowed while the source lives),
 * named name in its diagnostics (NULL: none), or NULL on no memory. */
struct tc_source *unit_source(struct tc_ctx *ctx, const char *p, size_t n,
                              const char *name);

/* A sink keeping what is written in memory. */
struct unit_sink {
    struct tc_sink *sink;       /* NULL when the sink was refused */
    struct tc_io *io;
};
/* Open one: TC_OK, or why the sink was refused (an output option). */
int unit_sink_open(struct tc_ctx *ctx, struct unit_sink *us);
/* Flush and free it, returning the sink's status; the bytes written are
 * appended to out (a tc_buf). */
int unit_sink_close(struct unit_sink *us, struct tc_buf *out);

/* Convert n bytes of in from the format from (NULL: detected) to to, with
 * the context's filters and options, as tc_convert() does but in memory;
 * the output (free with free()), empty unless the run succeeded, as a
 * file would be; its status in *rc. */
char *unit_convert_mem(struct tc_ctx *ctx, const char *in, size_t n,
                       const char *from, const char *to, int *rc);

#endif
