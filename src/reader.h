/* reader.h -- what the drivers (convert.c, chain.c) use of the reader
 * and writer objects beyond the public interface. */
#ifndef TRANSCUE_SRC_READER_H
#define TRANSCUE_SRC_READER_H

#include "format.h"

/* Open the input and know its format now, on this thread (detection
 * reads the first bytes); the reader then runs direct: tc_reader_run(),
 * not tc_reader_next(). */
int tc_reader_prepare(struct tc_reader *r);
/* Run the format's reader to the end of the input, pushing every cue
 * into next (which gets the track first); the caller finishes next. */
int tc_reader_run(struct tc_reader *r, struct tc_stage *next);
/* fn runs before each read of a live input that may wait, on the
 * caller's thread; its error ends the reading. */
void tc_reader_on_wait(struct tc_reader *r, int (*fn)(void *ud), void *ud);
/* 1 once tc_reader_next() was called. */
int tc_reader_pulled(const struct tc_reader *r);
/* 0 for a fed reader still waiting for tc_reader_feed_end(). */
int tc_reader_fed_all(const struct tc_reader *r);
struct tc_ctx *tc_reader_ctx(const struct tc_reader *r);
unsigned long tc_reader_lineno(const struct tc_reader *r);

/* The format of src from its first bytes, then path's name (see
 * tc_detect_format()). */
int tc_source_detect(struct tc_ctx *ctx, struct tc_source *src,
                     const char *path, const struct tc_format **out,
                     int *sure);

/* A deep copy of t (NULL: an empty one); NULL on no memory. */
struct tc_track *tc_track_dup(const struct tc_track *t);
void tc_track_release(struct tc_track *t);

/* The writer's first stage, where a driver's chain ends; its sink. */
struct tc_stage *tc_writer_stage(struct tc_writer *w);
struct tc_ctx *tc_writer_ctx(const struct tc_writer *w);
/* Mark the writer finished after a driver finished its stages. */
void tc_writer_mark_finished(struct tc_writer *w);
/* Write out what the writer holds (w is a struct tc_writer *): the hook a
 * driver gives tc_reader_on_wait(). */
int tc_writer_sink_flush(void *w);

#endif /* TRANSCUE_SRC_READER_H */
