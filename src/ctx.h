/* ctx.h -- the context's insides, shared by the core files of src/. */
#ifndef TRANSCUE_SRC_CTX_H
#define TRANSCUE_SRC_CTX_H

#include "format.h"

struct tc_args {
    const struct tc_filter *filter;
    struct tc_ctx *ctx;
    size_t n;
    char **keys;
    char **vals;
};

struct tc_ctx {
    tc_diag_fn diag_fn;
    void *diag_ud;
    const char *file;
    int worst;
    int strict;
    struct tc_buf diagbuf;
    char **optval;              /* one slot per row of the option table */
    struct tc_args *filters;
    size_t nfilters, filters_cap;
    struct tc_cue **free_cues;  /* recycled cues, so steady state allocates
                                   nothing */
    size_t nfree, free_cap;
    struct tc_sink *out;        /* the running conversion's output */
    char *backup;               /* suffix for a replaced file, or NULL */
    int sync;                   /* fsync a replaced file before the rename */
    uint64_t tmp_count;         /* temporary names made (output.c) */
};

/* An output being written (output.c): a descriptor, and for a file the
 * temporary name renamed over target at the end. */
struct tc_output {
    const char *path;           /* as given, for messages */
    int fd;
    int own_fd;                 /* opened here: close it */
    char *tmp;                  /* NULL: written directly */
    char *target;
    int replaces;               /* target existed */
};

/* Open out_path (NULL or "-": standard output) for writing. */
int tc_output_open(struct tc_ctx *ctx, const char *out_path,
                   struct tc_output *o);
/* Close it; with rc TC_OK put the file in place, else remove the
 * temporary file.  Returns rc, or the error that closing met. */
int tc_output_close(struct tc_ctx *ctx, struct tc_output *o, int rc);

/* Write out what the running conversion's writer has buffered; returns
 * the output's sticky status. */
int tc_ctx_flush_output(struct tc_ctx *ctx);

size_t tc_option_count(void);
long tc_option_index(const char *name);
/* The profile's value for an option, or NULL (src/profile.c). */
const char *tc_profile_value(const char *profile, const char *key);
int tc_profile_exists(const char *profile);
const char *tc_profile_at(size_t i);

/* The stage before every writer that repairs unset or reversed ends;
 * unset_only leaves end <= start alone (writers that keep it). */
int tc_endfix_new(struct tc_ctx *ctx, struct tc_stage *next, int unset_only,
                  struct tc_stage **out);

#endif /* TRANSCUE_SRC_CTX_H */
