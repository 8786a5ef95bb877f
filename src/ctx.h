/* ctx.h -- the context's insides, shared by the core files of src/. */
#ifndef TRANSCUE_SRC_CTX_H
#define TRANSCUE_SRC_CTX_H

#include "format.h"
#include "lang.h"

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
    char *backup;               /* suffix for a replaced file, or NULL */
    int sync;                   /* fsync a replaced file before the rename */
    uint64_t tmp_count;         /* temporary names made (output.c) */
    int lang_want, lang_done;   /* lang.c: a filter asked; resolved */
    int live_in;                /* the input is a pipe or terminal */
    struct tc_lang lang;        /* the running conversion's language */
    void *textcat;              /* the language guesser, loaded once */
    int textcat_failed;
    /* the running conversion's cue counts, for its closing lines */
    unsigned long cues_in;      /* cues with text the reader passed on */
    unsigned long skipped;      /* cues a reader skipped (tc_skipf) */
    unsigned long discarded;    /* cues a reader left out on request */
    unsigned long dropped;      /* cues the filters dropped */
    struct tc_buf dropwhy;      /* the last drop's detail */
    struct tc_check *check;     /* checker.h: settings, the last run's report;
                                   NULL until needed */
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

/* Are two cues shown in the same place: the same region and every
 * placement setting alike? */
int tc_cue_same_frame(const struct tc_cue *a, const struct tc_cue *b);

size_t tc_option_count(void);
long tc_option_index(const char *name);
/* Check v against the option's type, reporting a bad one: TC_ERR_ARG. */
int tc_option_check(struct tc_ctx *ctx, const struct tc_option *o,
                    const char *v);
/* The profile's value for an option, or NULL (src/profile.c). */
const char *tc_profile_value(const char *profile, const char *key);
int tc_profile_exists(const char *profile);
const char *tc_profile_at(size_t i);

/* The encoding of a sample of lines that are not UTF-8, when it can be
 * told (src/charset.c): 1 with its iconv name, lower case, in out[size];
 * 0 when the caller had better read them as dflt. */
int tc_charset_guess(const char *s, size_t n, const char *dflt, char *out,
                     size_t size);

/* A single-byte encoding as a table (src/charset.c): the UTF-8 of each
 * byte, len 0 for a byte the encoding does not have. */
struct tc_sbcs {
    unsigned char len[256];
    char utf8[256][4];
};
/* Fill t from the converter cd (to UTF-8) by asking it for every byte
 * alone: TC_OK when the table gives what cd gives for any text, or
 * TC_ERR_UNSUPPORTED when cd is not such an encoding (a byte that begins
 * a sequence or a shift, or one whose character waits for the next one,
 * as the Vietnamese and Hebrew code pages compose). */
int tc_sbcs_build(void *cd, struct tc_sbcs *t);

/* The one rule for an end the input does not give (endfix.c): the time
 * to read chars characters at cps, at least min and at most max, and
 * never past next when next is after start (TC_TIME_NONE: no next).
 * Returns the end. */
struct tc_end_rule {
    double cps;
    int64_t min, max;
};
int64_t tc_end_infer(const struct tc_end_rule *r, size_t chars,
                     int64_t start, int64_t next);
/* The rule of the context's profile: max-cps, min-duration and
 * max-duration; bad values are reported (TC_ERR_ARG). */
int tc_end_rule_profile(struct tc_ctx *ctx, struct tc_end_rule *r);

/* The stage before every writer that repairs unset or reversed ends;
 * unset_only leaves end <= start alone (writers that keep it). */
int tc_endfix_new(struct tc_ctx *ctx, struct tc_stage *next, int unset_only,
                  struct tc_stage **out);

#endif /* TRANSCUE_SRC_CTX_H */
