/* io.c -- the implementations of the I/O interface (io.h): a file
 * descriptor, bytes in memory to read, bytes written to memory, and the
 * caller's callbacks. */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io.h"
#include "buf.h"

long
tc_io_read(struct tc_io *io, void *buf, size_t n)
{
    return io->ops->read != NULL ? io->ops->read(io, buf, n) : 0;
}

int
tc_io_write(struct tc_io *io, const void *p, size_t n)
{
    return io->ops->write != NULL ? io->ops->write(io, p, n)
                                  : TC_ERR_UNSUPPORTED;
}

int
tc_io_would_wait(struct tc_io *io)
{
    return io->ops->would_wait != NULL && io->ops->would_wait(io);
}

int
tc_io_live(struct tc_io *io)
{
    return io->ops->live != NULL && io->ops->live(io);
}

long
tc_io_tail(struct tc_io *io, void *buf, size_t n)
{
    return io->ops->tail != NULL ? io->ops->tail(io, buf, n) : 0;
}

void
tc_io_free(struct tc_io *io)
{
    if (io != NULL)
        io->ops->close(io);
}

/* ---- a file descriptor ------------------------------------------------- */

struct fd_io {
    struct tc_io base;
    int fd;
    int own;
    int live;           /* not a regular file: reads may wait */
};

static long
fd_read(struct tc_io *io, void *buf, size_t n)
{
    struct fd_io *f = (struct fd_io *)io;
    ssize_t r;

    do
        r = read(f->fd, buf, n);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        io->err = errno;
        return TC_ERR_IO;
    }
    return (long)r;
}

static int
fd_write(struct tc_io *io, const void *p, size_t n)
{
    struct fd_io *f = (struct fd_io *)io;
    const char *c = p;

    while (n > 0) {
        ssize_t w = write(f->fd, c, n);

        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && errno == EPIPE)
            return TC_ERR_CLOSED;
        if (w <= 0) {
            io->err = w < 0 ? errno : EIO;
            return TC_ERR_IO;
        }
        c += w;
        n -= (size_t)w;
    }
    return TC_OK;
}

static int
fd_would_wait(struct tc_io *io)
{
    struct fd_io *f = (struct fd_io *)io;
    struct pollfd pf;

    if (!f->live)
        return 0;
    pf.fd = f->fd;
    pf.events = POLLIN;
    pf.revents = 0;
    return poll(&pf, 1, 0) == 0;
}

static int
fd_live(struct tc_io *io)
{
    return ((struct fd_io *)io)->live;
}

static void
fd_close(struct tc_io *io)
{
    struct fd_io *f = (struct fd_io *)io;

    if (f->own)
        close(f->fd);
    free(f);
}

static long
fd_tail(struct tc_io *io, void *buf, size_t n)
{
    struct fd_io *f = (struct fd_io *)io;
    struct stat st;
    off_t from;
    ssize_t r;

    if (f->live || fstat(f->fd, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    from = st.st_size > (off_t)n ? st.st_size - (off_t)n : 0;
    do
        r = pread(f->fd, buf, (size_t)(st.st_size - from), from);
    while (r < 0 && errno == EINTR);
    return r < 0 ? 0 : (long)r;
}

static const struct tc_io_ops fd_ops = {
    fd_read, fd_write, fd_would_wait, fd_live, fd_close, fd_tail
};

int
tc_io_fd(int fd, int own, struct tc_io **out)
{
    struct fd_io *f = calloc(1, sizeof *f);
    struct stat st;

    *out = NULL;
    if (f == NULL)
        return TC_ERR_NOMEM;
    f->base.ops = &fd_ops;
    f->fd = fd;
    f->own = own;
    f->live = fstat(fd, &st) == 0 && !S_ISREG(st.st_mode);
    *out = &f->base;
    return TC_OK;
}

/* ---- memory -------------------------------------------------------------- */

struct mem_in {
    struct tc_io base;
    const char *p;
    size_t n, pos;
};

static long
mem_read(struct tc_io *io, void *buf, size_t n)
{
    struct mem_in *m = (struct mem_in *)io;

    if (n > m->n - m->pos)
        n = m->n - m->pos;
    if (n > 0)
        memcpy(buf, m->p + m->pos, n);
    m->pos += n;
    return (long)n;
}

static void
mem_free(struct tc_io *io)
{
    free(io);
}

static long
mem_tail(struct tc_io *io, void *buf, size_t n)
{
    struct mem_in *m = (struct mem_in *)io;

    if (n > m->n)
        n = m->n;
    if (n > 0)
        memcpy(buf, m->p + m->n - n, n);
    return (long)n;
}

static const struct tc_io_ops mem_in_ops = {
    mem_read, NULL, NULL, NULL, mem_free, mem_tail
};

int
tc_io_mem_in(const void *p, size_t n, struct tc_io **out)
{
    struct mem_in *m = calloc(1, sizeof *m);

    *out = NULL;
    if (m == NULL)
        return TC_ERR_NOMEM;
    m->base.ops = &mem_in_ops;
    m->p = p;
    m->n = p != NULL ? n : 0;
    *out = &m->base;
    return TC_OK;
}

struct mem_out {
    struct tc_io base;
    struct tc_buf b;
};

static int
mem_write(struct tc_io *io, const void *p, size_t n)
{
    return tc_buf_add(&((struct mem_out *)io)->b, p, n);
}

static void
mem_out_free(struct tc_io *io)
{
    tc_buf_release(&((struct mem_out *)io)->b);
    free(io);
}

static const struct tc_io_ops mem_out_ops = {
    NULL, mem_write, NULL, NULL, mem_out_free, NULL
};

int
tc_io_mem_out(struct tc_io **out)
{
    struct mem_out *m = calloc(1, sizeof *m);

    *out = NULL;
    if (m == NULL)
        return TC_ERR_NOMEM;
    m->base.ops = &mem_out_ops;
    tc_buf_init(&m->b, 0);
    *out = &m->base;
    return TC_OK;
}

const char *
tc_io_mem_data(const struct tc_io *io, size_t *len)
{
    const struct mem_out *m = (const struct mem_out *)io;

    if (io->ops != &mem_out_ops) {
        *len = 0;
        return NULL;
    }
    *len = m->b.len;
    return m->b.data;
}

/* ---- callbacks ----------------------------------------------------------- */

struct cb_io {
    struct tc_io base;
    tc_read_fn rd;
    tc_write_fn wr;
    void *ud;
};

static long
cb_read(struct tc_io *io, void *buf, size_t n)
{
    struct cb_io *c = (struct cb_io *)io;
    long r = c->rd(c->ud, buf, n);

    /* a callback cannot hand back more than it was given room for */
    if (r > 0 && (size_t)r > n)
        return TC_ERR_ARG;
    return r;
}

static int
cb_write(struct tc_io *io, const void *p, size_t n)
{
    struct cb_io *c = (struct cb_io *)io;
    int rc = c->wr(c->ud, p, n);

    return rc > 0 ? TC_OK : rc;
}

static const struct tc_io_ops cb_in_ops = {
    cb_read, NULL, NULL, NULL, mem_free, NULL
};
static const struct tc_io_ops cb_out_ops = {
    NULL, cb_write, NULL, NULL, mem_free, NULL
};

int
tc_io_cb_in(tc_read_fn fn, void *ud, struct tc_io **out)
{
    struct cb_io *c = calloc(1, sizeof *c);

    *out = NULL;
    if (c == NULL)
        return TC_ERR_NOMEM;
    c->base.ops = &cb_in_ops;
    c->rd = fn;
    c->ud = ud;
    *out = &c->base;
    return TC_OK;
}

int
tc_io_cb_out(tc_write_fn fn, void *ud, struct tc_io **out)
{
    struct cb_io *c = calloc(1, sizeof *c);

    *out = NULL;
    if (c == NULL)
        return TC_ERR_NOMEM;
    c->base.ops = &cb_out_ops;
    c->wr = fn;
    c->ud = ud;
    *out = &c->base;
    return TC_OK;
}
