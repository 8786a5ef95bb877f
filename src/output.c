/* output.c -- where tc_convert() writes.  A regular file (or a new one) is
 * written under a hidden temporary name in the directory of its real path
 * and renamed over it only when the conversion succeeded, so a failed run
 * leaves nothing half-written and a symbolic link keeps pointing at the
 * file.  A file that is replaced keeps its mode and, where the system
 * allows, its owner and group; with a backup suffix the old file stays as
 * NAME+SUFFIX; with sync the new file reaches the disk before the rename.
 * Anything else -- a device such as /dev/null, a FIFO, a terminal -- has
 * no content to protect and must not be replaced: it is written directly.
 *
 * Nothing here touches process-wide state (the umask is left to the
 * kernel), so conversions may run in several threads at once. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ctx.h"

#define TMP_TRIES 100

static void
output_diag(struct tc_ctx *ctx, const char *path, const char *what)
{
    const char *saved = tc_ctx_file(ctx);
    int err = errno;

    tc_ctx_set_file(ctx, path);
    tc_diagf(ctx, TC_D_IO, 0, 0, "%s: %s", what, strerror(err));
    tc_ctx_set_file(ctx, saved);
}

/* Where a symbolic link points, so that the link survives the rename; a
 * dangling link is followed one step, to the file it will create. */
static char *
link_target(const char *path)
{
    char buf[4096], *p;
    const char *slash;
    ssize_t n;
    size_t size;

    p = realpath(path, NULL);
    if (p != NULL || errno != ENOENT)
        return p;
    n = readlink(path, buf, sizeof buf - 1);
    if (n < 0)
        return NULL;
    buf[n] = '\0';
    slash = strrchr(path, '/');
    if (buf[0] == '/' || slash == NULL)
        return strdup(buf);
    size = (size_t)(slash - path) + 1 + (size_t)n + 1;
    p = malloc(size);
    if (p != NULL)
        snprintf(p, size, "%.*s%s", (int)(slash - path + 1), path, buf);
    return p;
}

/* A fresh name ".BASE.XXXXXX" beside path.  The letters mix the time, the
 * process and the context's address with a counter of the context, so two
 * threads (each with its own context) never need a shared state. */
static char *
temp_name(struct tc_ctx *ctx, const char *path)
{
    static const char letters[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path) + 1 : 0;
    size_t size = strlen(path) + 16, i;
    struct timespec ts;
    uint64_t x;
    char *t = malloc(size), *p;

    if (t == NULL)
        return NULL;
    clock_gettime(CLOCK_REALTIME, &ts);
    x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^
        ((uint64_t)getpid() << 16) ^ (uint64_t)(uintptr_t)ctx ^
        (++ctx->tmp_count * UINT64_C(0x9E3779B97F4A7C15));
    snprintf(t, size, "%.*s.%s.XXXXXX", dirlen, path, path + dirlen);
    p = t + strlen(t) - 6;
    for (i = 0; i < 6; i++) {
        /* splitmix64: every bit of x reaches every letter */
        x += UINT64_C(0x9E3779B97F4A7C15);
        {
            uint64_t z = x;

            z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
            z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
            z ^= z >> 31;
            p[i] = letters[z % (sizeof letters - 1)];
        }
    }
    return t;
}

/* Create a new temporary file beside path with mode (less the umask). */
static int
temp_create(struct tc_ctx *ctx, const char *path, mode_t mode, char **tmp)
{
    int i, fd = -1;

    for (i = 0; i < TMP_TRIES && fd < 0; i++) {
        *tmp = temp_name(ctx, path);
        if (*tmp == NULL)
            return -1;
        fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd < 0) {
            int err = errno;

            free(*tmp);
            *tmp = NULL;
            errno = err;
            if (err != EEXIST)
                break;
        }
    }
    return fd;
}

int
tc_output_open(struct tc_ctx *ctx, const char *out_path,
               struct tc_output *o)
{
    struct stat st;

    memset(o, 0, sizeof *o);
    o->path = out_path;
    o->fd = -1;
    /* /dev/stdout names a descriptor, not a file: opening it anew would
     * start at offset 0 of whatever it points to (losing a '>>' log's
     * contents), and renaming over its target would replace that file */
    if (out_path == NULL || strcmp(out_path, "-") == 0 ||
        strcmp(out_path, "/dev/stdout") == 0) {
        o->fd = STDOUT_FILENO;
        return TC_OK;
    }
    if (strcmp(out_path, "/dev/stderr") == 0) {
        o->fd = STDERR_FILENO;
        return TC_OK;
    }
    if (stat(out_path, &st) == 0 && !S_ISREG(st.st_mode)) {
        o->fd = open(out_path, O_WRONLY | O_CLOEXEC);
        if (o->fd < 0) {
            output_diag(ctx, out_path, "cannot open for writing");
            return TC_ERR_IO;
        }
        o->own_fd = 1;
        return TC_OK;
    }
    if (lstat(out_path, &st) == 0 && S_ISLNK(st.st_mode))
        o->target = link_target(out_path);
    else
        o->target = strdup(out_path);
    if (o->target == NULL) {
        output_diag(ctx, out_path, "cannot resolve");
        return TC_ERR_IO;
    }
    o->replaces = stat(o->target, &st) == 0;
    /* a new file gets 0666 less the umask, applied by open(); one that is
     * replaced keeps its owner where allowed, then its mode (a change of
     * owner may clear set-user-ID bits) */
    o->fd = temp_create(ctx, o->target, o->replaces ? 0600 : 0666, &o->tmp);
    if (o->fd < 0) {
        output_diag(ctx, out_path, "cannot create");
        return TC_ERR_IO;
    }
    o->own_fd = 1;
    if (o->replaces) {
        if (fchown(o->fd, st.st_uid, st.st_gid) != 0 &&
            fchown(o->fd, (uid_t)-1, st.st_gid) != 0) {
            /* not allowed: the file becomes the user's, as with cp */
        }
        fchmod(o->fd, st.st_mode & 07777);
    }
    return TC_OK;
}

/* Copy the file at path into a new file beside it (for file systems that
 * have no hard links); returns the new file's name or NULL. */
static char *
copy_aside(struct tc_ctx *ctx, const char *path)
{
    char buf[65536], *tmp = NULL;
    struct stat st;
    int in, out = -1, ok = 0;
    ssize_t n = 0;

    in = open(path, O_RDONLY | O_CLOEXEC);
    if (in >= 0 && fstat(in, &st) == 0)
        out = temp_create(ctx, path, 0600, &tmp);
    if (out >= 0) {
        do {
            n = read(in, buf, sizeof buf);
            if (n > 0 && write(out, buf, (size_t)n) != n)
                n = -1;
        } while (n > 0 || (n < 0 && errno == EINTR));
        ok = n == 0 && fchmod(out, st.st_mode & 07777) == 0 &&
             (!ctx->sync || fsync(out) == 0);
        if (close(out) != 0)
            ok = 0;
    }
    if (in >= 0)
        close(in);
    if (!ok && tmp != NULL) {
        int err = errno;

        unlink(tmp);
        free(tmp);
        tmp = NULL;
        errno = err;
    }
    return tmp;
}

/* Keep the file about to be replaced as target+suffix: a second name for
 * it where the file system has hard links, else a copy.  An older backup
 * is replaced in one rename. */
static int
make_backup(struct tc_ctx *ctx, struct tc_output *o)
{
    size_t size = strlen(o->target) + strlen(ctx->backup) + 1;
    char *bak = malloc(size), *aside = NULL;
    int i, rc = TC_OK;

    if (bak == NULL)
        return TC_ERR_NOMEM;
    snprintf(bak, size, "%s%s", o->target, ctx->backup);
    if (link(o->target, bak) == 0)
        goto done;
    if (errno == EEXIST) {
        /* an older backup: a second name beside it, renamed over it */
        for (i = 0; i < TMP_TRIES && aside == NULL; i++) {
            char *t = temp_name(ctx, bak);
            int err;

            if (t == NULL)
                break;
            if (link(o->target, t) == 0) {
                aside = t;
                break;
            }
            err = errno;
            free(t);
            if (err != EEXIST)
                break;
        }
    }
    if (aside == NULL)
        aside = copy_aside(ctx, o->target);
    if (aside == NULL || rename(aside, bak) != 0) {
        output_diag(ctx, bak, "cannot make the backup");
        if (aside != NULL)
            unlink(aside);
        rc = TC_ERR_IO;
    }
done:
    free(aside);
    free(bak);
    return rc;
}

/* Flush the directory that holds path, so that a rename in it lasts. */
static void
sync_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir;
    int fd;

    if (slash == NULL)
        dir = strdup(".");
    else if (slash == path)
        dir = strdup("/");
    else
        dir = strndup(path, (size_t)(slash - path));
    if (dir == NULL)
        return;
    fd = open(dir, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

int
tc_output_close(struct tc_ctx *ctx, struct tc_output *o, int rc)
{
    if (o->tmp != NULL) {
        if (rc == TC_OK && ctx->sync && fsync(o->fd) != 0) {
            output_diag(ctx, o->path, "cannot flush to disk");
            rc = TC_ERR_IO;
        }
        if (close(o->fd) != 0 && rc == TC_OK) {
            output_diag(ctx, o->path, "write error");
            rc = TC_ERR_IO;
        }
        if (rc == TC_OK && o->replaces && ctx->backup != NULL)
            rc = make_backup(ctx, o);
        if (rc == TC_OK && rename(o->tmp, o->target) != 0) {
            output_diag(ctx, o->path, "cannot rename into place");
            rc = TC_ERR_IO;
        }
        if (rc != TC_OK)
            unlink(o->tmp);
        else if (ctx->sync)
            sync_dir(o->target);
        free(o->tmp);
    } else if (o->own_fd && close(o->fd) != 0 && rc == TC_OK) {
        output_diag(ctx, o->path, "write error");
        rc = TC_ERR_IO;
    }
    free(o->target);
    memset(o, 0, sizeof *o);
    o->fd = -1;
    return rc;
}
