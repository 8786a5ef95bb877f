/* cli_check.h -- the command's side of --check: the --report option, and
 * what is printed for each checked file (a piece of the JSON document on
 * standard output, the summary table) and around them.  A file's report is
 * collected right after its run and emitted later, so that files checked
 * concurrently still print in the order given. */
#ifndef TRANSCUE_CLI_CHECK_H
#define TRANSCUE_CLI_CHECK_H

#include "transcue.h"

struct cli_check {
    int on;                 /* --check, or an option that implies it */
    int only;               /* --check alone: read and check, write nothing */
    int json;               /* --report=json */
    int table;              /* --report=table */
    int quiet;              /* --quiet: no table on a terminal */
    unsigned long files;    /* file reports emitted */
    char *close;            /* the end of the JSON document */
};

/* What one file's check printed: taken from the context after its run. */
struct cli_check_result {
    char *json;             /* its object in the JSON document, or NULL */
    char *table;            /* its summary table, or NULL */
    int passed;
};

/* Does the long option name imply --check (--checks, --max-violations)? */
int cli_check_implied(const char *name);
/* --report=FORM; -1 for an unknown form. */
int cli_check_report_arg(struct cli_check *cc, const char *form);
/* Before the first file: the start of the JSON document.  -1 when the
 * limits are bad (reported through the context). */
int cli_check_begin(struct cli_check *cc, struct tc_ctx *ctx);
void cli_check_collect(const struct cli_check *cc, struct tc_ctx *ctx,
                       struct cli_check_result *r);
/* Print a collected report and free it; returns r->passed. */
int cli_check_emit(struct cli_check *cc, struct cli_check_result *r);
/* After the last file: the end of the JSON document. */
void cli_check_end(struct cli_check *cc);
void cli_check_result_free(struct cli_check_result *r);

#endif /* TRANSCUE_CLI_CHECK_H */
