/* io.h -- the small I/O interface at the library's edge.  The source reads
 * bytes through it and the sink writes them: neither knows whether the
 * bytes come from a descriptor, from memory the caller fed, or from a
 * callback.  Implementations: io.c (descriptor, memory in, memory out,
 * callbacks); the reader's fed buffer is one too (reader.c).
 *
 * An io is used by one thread at a time.  Errors are not reported here:
 * the caller (source or sink) reports them, with err for the message. */
#ifndef TRANSCUE_SRC_IO_H
#define TRANSCUE_SRC_IO_H

#include <stddef.h>

#include "transcue.h"

struct tc_io;

struct tc_io_ops {
    /* Up to n bytes into buf: the count, 0 at the end of the input,
     * TC_AGAIN when nothing is there yet (a fed reader, a callback), or
     * another negative tc_status. */
    long (*read)(struct tc_io *io, void *buf, size_t n);
    /* All n bytes, or a negative tc_status (TC_ERR_CLOSED: the reader
     * went away). */
    int (*write)(struct tc_io *io, const void *p, size_t n);
    /* 1 when a read now would wait for bytes not yet written (a pipe, a
     * terminal, a fed reader with nothing left).  NULL: never. */
    int (*would_wait)(struct tc_io *io);
    /* 1 while reads may wait at all: the input is produced as it is read.
     * NULL: never. */
    int (*live)(struct tc_io *io);
    /* Release what the io holds (and close what it opened). */
    void (*close)(struct tc_io *io);
    /* The last bytes of the whole input, up to n, into buf, without moving
     * where reads are: the count, or 0 when the input has no end known
     * before it is read (a pipe).  NULL: never. */
    long (*tail)(struct tc_io *io, void *buf, size_t n);
};

struct tc_io {
    const struct tc_io_ops *ops;
    int err;            /* errno of the last failure; 0 = none */
};

/* A descriptor; own: close it at the end. */
int tc_io_fd(int fd, int own, struct tc_io **out);
/* n bytes at p, borrowed until the io is freed. */
int tc_io_mem_in(const void *p, size_t n, struct tc_io **out);
/* Bytes written are kept; tc_io_mem_data() shows them. */
int tc_io_mem_out(struct tc_io **out);
const char *tc_io_mem_data(const struct tc_io *io, size_t *len);
/* The caller's callbacks. */
int tc_io_cb_in(tc_read_fn fn, void *ud, struct tc_io **out);
int tc_io_cb_out(tc_write_fn fn, void *ud, struct tc_io **out);

long tc_io_read(struct tc_io *io, void *buf, size_t n);
int  tc_io_write(struct tc_io *io, const void *p, size_t n);
int  tc_io_would_wait(struct tc_io *io);
int  tc_io_live(struct tc_io *io);
long tc_io_tail(struct tc_io *io, void *buf, size_t n);
void tc_io_free(struct tc_io *io);

#endif /* TRANSCUE_SRC_IO_H */
