/* walk.c -- -r: the files under a directory that transcue can read, in
 * name order (so that runs and their messages repeat exactly).  A file is
 * taken when its extension is a format's, or when a format's probe is sure
 * of its content; .txt and .xml files, which other programs write too,
 * need the content.  Symbolic links are followed; one that leads back to a
 * directory being walked is a loop and is skipped, as are hidden files and
 * directories and the output directory, each with a note (-v). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

struct dirid {
    dev_t dev;
    ino_t ino;
};

struct walk {
    const struct cli *cli;
    struct jobs *js;
    struct tc_ctx *ctx;         /* content detection, silent */
    struct dirid *up;           /* the directories being walked */
    size_t nup, capup;
    struct dirid out;           /* the -d directory, when it exists */
    int have_out;
};

static void
note(const struct walk *w, const char *path, const char *what)
{
    if (w->cli->verbose)
        fprintf(stderr, "%s: %s: note: %s\n", cli_progname, path, what);
}

static void
quiet_diag(const struct tc_diag *d, void *ud)
{
    (void)d;
    (void)ud;
}

/* Extensions that files of other kinds have too. */
static int
shared_extension(const char *name)
{
    const char *dot = strrchr(name, '.');

    return dot != NULL && (strcmp(dot, ".txt") == 0 ||
                           strcmp(dot, ".xml") == 0);
}

static int
readable(struct walk *w, const char *path, const char *name)
{
    const struct tc_format *f = tc_format_by_extension(name);
    int sure = 0;

    if (f != NULL && tc_format_can_read(f) && !shared_extension(name))
        return 1;
    return tc_detect_format(w->ctx, path, &f, &sure) == TC_OK && sure &&
           tc_format_can_read(f);
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);

    if (p != NULL)
        snprintf(p, n, "%s%s%s", a, *a != '\0' ? "/" : "", b);
    return p;
}

static int walk_dir(struct walk *w, const char *path, const char *rel);

/* One entry: path on disk, rel its name below the root. */
static int
walk_entry(struct walk *w, const char *path, const char *rel,
           const char *name)
{
    struct stat st;
    size_t i;
    int rc;

    if (name[0] == '.') {
        note(w, path, "hidden, skipped");
        return 0;
    }
    if (stat(path, &st) != 0) {
        note(w, path, "cannot be followed, skipped");
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        for (i = 0; i < w->nup; i++)
            if (w->up[i].dev == st.st_dev && w->up[i].ino == st.st_ino) {
                note(w, path, "symbolic link loop, skipped");
                return 0;
            }
        if (w->have_out && w->out.dev == st.st_dev &&
            w->out.ino == st.st_ino) {
            note(w, path, "the output directory, skipped");
            return 0;
        }
        if (w->nup == w->capup) {
            size_t cap = w->capup ? w->capup * 2 : 16;
            struct dirid *up = realloc(w->up, cap * sizeof *up);

            if (up == NULL)
                return -1;
            w->up = up;
            w->capup = cap;
        }
        w->up[w->nup].dev = st.st_dev;
        w->up[w->nup].ino = st.st_ino;
        w->nup++;
        rc = walk_dir(w, path, rel);
        w->nup--;
        return rc;
    }
    if (!S_ISREG(st.st_mode)) {
        note(w, path, "not a regular file, skipped");
        return 0;
    }
    if (!readable(w, path, name)) {
        note(w, path, "not in a format transcue reads, skipped");
        return 0;
    }
    if (w->cli->dir != NULL) {
        char *out = cli_output_name(w->cli->dir, rel, w->cli->to);

        if (out == NULL)
            return -1;
        rc = cli_jobs_add(w->js, path, out);
        free(out);
        return rc;
    }
    return cli_jobs_add(w->js, path, w->cli->in_place ? path : NULL);
}

static int
walk_dir(struct walk *w, const char *path, const char *rel)
{
    struct strv names = { NULL, 0, 0 };
    struct dirent *e;
    DIR *d = opendir(path);
    size_t i;
    int rc = 0;

    if (d == NULL) {
        /* counted as a failed input: files in it were not converted */
        char msg[256];

        snprintf(msg, sizeof msg, "cannot read the directory: %s",
                 strerror(errno));
        return cli_jobs_add_error(w->js, path, msg);
    }
    while (rc == 0 && (e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            rc = cli_strv_add(&names, e->d_name);
    closedir(d);
    if (names.n > 0)
        qsort(names.v, names.n, sizeof *names.v, cmp_names);
    for (i = 0; rc == 0 && i < names.n; i++) {
        char *p = join(path, names.v[i]), *r = join(rel, names.v[i]);

        rc = p != NULL && r != NULL ? walk_entry(w, p, r, names.v[i]) : -1;
        free(p);
        free(r);
    }
    cli_strv_free(&names);
    return rc;
}

int
cli_walk(const struct cli *cli, const char *root, struct jobs *js)
{
    struct walk w;
    struct stat st;
    char *top;
    size_t n;
    int rc;

    memset(&w, 0, sizeof w);
    w.cli = cli;
    w.js = js;
    /* the settings of the command line, --encoding among them */
    w.ctx = cli_ctx_new(cli, quiet_diag, NULL);
    top = strdup(root);
    if (w.ctx == NULL || top == NULL) {
        tc_ctx_free(w.ctx);
        free(top);
        return -1;
    }
    /* "tree/" and "tree" name the same files */
    for (n = strlen(top); n > 1 && top[n - 1] == '/'; n--)
        top[n - 1] = '\0';
    if (cli->dir != NULL && stat(cli->dir, &st) == 0) {
        w.out.dev = st.st_dev;
        w.out.ino = st.st_ino;
        w.have_out = 1;
    }
    rc = -1;
    w.up = malloc(sizeof *w.up);
    if (w.up != NULL && stat(top, &st) == 0) {
        w.capup = 1;
        w.nup = 1;
        w.up[0].dev = st.st_dev;
        w.up[0].ino = st.st_ino;
        rc = walk_dir(&w, top, "");
    }
    free(w.up);
    free(top);
    tc_ctx_free(w.ctx);
    return rc;
}
