/* cli_check.c -- printing what --check found: the JSON document on
 * standard output with --report=json, the summary table of each file on
 * standard output with --report=table, or on standard error when that is
 * a terminal (after the file's diagnostics). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_check.h"

int
cli_check_implied(const char *name)
{
    return strcmp(name, "checks") == 0 ||
           strcmp(name, "max-violations") == 0;
}

int
cli_check_report_arg(struct cli_check *cc, const char *form)
{
    cc->on = 1;
    if (strcmp(form, "json") == 0) {
        cc->json = 1;
        cc->table = 0;
        return 0;
    }
    if (strcmp(form, "table") == 0) {
        cc->table = 1;
        cc->json = 0;
        return 0;
    }
    return -1;
}

int
cli_check_begin(struct cli_check *cc, struct tc_ctx *ctx)
{
    char *s;

    if (!cc->json)
        return 0;
    s = tc_check_report(ctx, TC_REPORT_JSON_OPEN);
    cc->close = tc_check_report(ctx, TC_REPORT_JSON_CLOSE);
    if (s == NULL || cc->close == NULL) {
        tc_free(s);
        return -1;
    }
    fputs(s, stdout);
    tc_free(s);
    return 0;
}

void
cli_check_collect(const struct cli_check *cc, struct tc_ctx *ctx,
                  struct cli_check_result *r)
{
    r->json = cc->json ? tc_check_report(ctx, TC_REPORT_JSON_FILE) : NULL;
    r->table = NULL;
    if (cc->table || (!cc->quiet && isatty(STDERR_FILENO)))
        r->table = tc_check_report(ctx, TC_REPORT_TABLE);
    r->passed = tc_check_passed(ctx);
}

int
cli_check_emit(struct cli_check *cc, struct cli_check_result *r)
{
    if (r->json != NULL) {
        if (cc->files > 0)
            fputs(",\n", stdout);
        fputs(r->json, stdout);
    }
    if (r->table != NULL) {
        FILE *f = cc->table ? stdout : stderr;

        fflush(stdout);
        fputs(r->table, f);
    }
    cc->files++;
    cli_check_result_free(r);
    return r->passed;
}

void
cli_check_end(struct cli_check *cc)
{
    if (cc->close != NULL)
        fputs(cc->close, stdout);
    tc_free(cc->close);
    cc->close = NULL;
}

void
cli_check_result_free(struct cli_check_result *r)
{
    tc_free(r->json);
    tc_free(r->table);
    r->json = r->table = NULL;
}
