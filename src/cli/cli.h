/* cli.h -- what the parts of the transcue command share: the settings read
 * from the command line, the list of conversions to run (jobs), and the
 * functions of walk.c and batch.c.  The command uses only the public
 * library interface. */
#ifndef TRANSCUE_CLI_H
#define TRANSCUE_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "transcue.h"
#include "cli_check.h"

#define EXIT_INPUT 1     /* an input could not be converted */
#define EXIT_USAGE 2     /* bad command line */

extern const char *const cli_progname;

/* A library option as given, replayed on every context. */
struct cli_setting {
    const char *key, *value;
};

struct cli {
    const struct tc_format *from, *to;
    const char *out, *dir;
    int quiet, verbose, strict, clean;
    int recursive, in_place, jobs;
    const char *backup;             /* suffix, or NULL */
    struct cli_setting *settings;   /* in the order given */
    size_t nsettings;
    const char **specs;             /* -F, after the --clean preset */
    size_t nspecs;
    struct cli_check *check;        /* --check (cli_check.h) */
};

/* One conversion.  out NULL is standard output (or, with -i, in). */
struct job {
    char *in;
    char *out;
    char *error;         /* set: not converted, this message instead */
    int failed;
    char *msgs;          /* its diagnostics, printed whole (batch.c) */
    size_t nmsgs;
    struct cli_check_result check;  /* --check: its report, printed after
                                       its diagnostics */
};

struct jobs {
    struct job *v;
    size_t n, cap;
};

struct strv {
    char **v;
    size_t n, cap;
};

/* A context with every setting of the command line; diagnostics go to fn.
 * NULL when a setting is refused (reported through fn) or on no memory. */
struct tc_ctx *cli_ctx_new(const struct cli *cli, tc_diag_fn fn, void *ud);

/* Does --quiet or the lack of --verbose let d be printed? */
int cli_diag_shown(const struct cli *cli, const struct tc_diag *d);
/* Print one diagnostic as 'transcue: FILE:LINE:COL: SEVERITY: ...' to f,
 * unless --quiet or the lack of --verbose hides it. */
void cli_print_diag(const struct cli *cli, const struct tc_diag *d, FILE *f);

/* Append a job; in and out are copied (out may be NULL). */
int cli_jobs_add(struct jobs *js, const char *in, const char *out);
/* Append an input that fails with this message. */
int cli_jobs_add_error(struct jobs *js, const char *in, const char *msg);
void cli_jobs_free(struct jobs *js);

/* DIR/rel with the extension of the format to instead of rel's; NULL on no
 * memory. */
char *cli_output_name(const char *dir, const char *rel,
                      const struct tc_format *to);

/* walk.c: add a job for every file under the directory root whose format
 * can be read, with an output under cli->dir mirroring the tree when -d is
 * given.  Notes about skipped files go to standard error with -v.
 * Returns 0, or -1 on no memory. */
int cli_walk(const struct cli *cli, const char *root, struct jobs *js);

int cli_strv_add(struct strv *sv, const char *s);
void cli_strv_free(struct strv *sv);

/* batch.c: mkdir -p; the directories it made are added to made. */
int cli_make_dirs(const char *dir, struct strv *made);
/* Run the jobs (-j, progress, messages of each file kept together, the
 * summary line); returns the exit status. */
int cli_run(const struct cli *cli, struct jobs *js);

#endif /* TRANSCUE_CLI_H */
