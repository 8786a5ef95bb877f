/* checker_report.c -- the report of a check, for programs (JSON, written by
 * hand: it is small and its shape is documented in transcue(1) and kept
 * stable) and for people (a short table).
 *
 * The JSON document is
 *   {"profile": NAME, "limits": {LIMIT: NUMBER, ...}, "checks": [NAME...],
 *    "files": [FILE, ...]}
 * and each FILE
 *   {"file": NAME, "cues": N, "violations": [{"cue": N, "check": NAME,
 *    "value": NUMBER, "limit": NUMBER, "start": MS, "end": MS,
 *    "line": N}, ...], "summary": {CHECK: COUNT, ...}, "complete": BOOL,
 *    "passed": BOOL}
 * The caller writes the pieces in order: the opening, the files separated
 * by ",\n", the closing.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "ctx.h"

/* A JSON string: UTF-8 kept, control characters escaped, and a byte that
 * is not UTF-8 (a file name may hold any) as U+FFFD. */
static void
json_str(struct tc_buf *b, const char *s)
{
    size_t n = strlen(s), i = 0;

    tc_buf_addc(b, '"');
    while (i < n) {
        unsigned char c = (unsigned char)s[i];

        if (c >= 0x80) {
            size_t ok = tc_utf8_valid(s + i, n - i), len = 1;

            while (i + len < n && ((unsigned char)s[i + len] & 0xC0) == 0x80)
                len++;
            if (ok >= len) {
                tc_buf_add(b, s + i, len);
                i += len;
            } else {
                tc_buf_adds(b, "\\ufffd");
                i++;
            }
            continue;
        }
        if (c == '"' || c == '\\')
            tc_buf_addf(b, "\\%c", c);
        else if (c == '\n')
            tc_buf_adds(b, "\\n");
        else if (c == '\t')
            tc_buf_adds(b, "\\t");
        else if (c == '\r')
            tc_buf_adds(b, "\\r");
        else if (c < 0x20 || c == 0x7F)
            tc_buf_addf(b, "\\u%04x", c);
        else
            tc_buf_addc(b, (char)c);
        i++;
    }
    tc_buf_addc(b, '"');
}

static void
json_num(struct tc_buf *b, double v)
{
    char n[32];

    tc_check_fmt_num(n, v);
    tc_buf_adds(b, n);
}

static void
report_open(struct tc_ctx *ctx, struct tc_buf *b)
{
    struct tc_limits l;
    unsigned mask;
    const char *sep = "";
    int i;

    if (tc_limits_from_ctx(ctx, &l) != TC_OK ||
        tc_check_parse(NULL, tc_ctx_option(ctx, "checks"), &mask) != TC_OK) {
        b->status = TC_ERR_ARG;
        return;
    }
    tc_buf_adds(b, "{\"profile\": ");
    json_str(b, tc_ctx_option(ctx, "profile"));
    tc_buf_addf(b, ",\n \"limits\": {\"max-chars\": %ld, \"max-lines\": %ld, "
                "\"max-cps\": ", l.max_chars, l.max_lines);
    json_num(b, l.max_cps);
    tc_buf_addf(b, ", \"min-duration\": %lld, \"max-duration\": %lld, "
                "\"min-gap\": %lld},\n \"checks\": [",
                (long long)l.min_duration, (long long)l.max_duration,
                (long long)l.min_gap);
    for (i = 0; i < TC_CHECK__COUNT; i++) {
        if (!(mask & TC_CHECK_BIT(i)))
            continue;
        tc_buf_addf(b, "%s\"%s\"", sep, tc_check_name_of(i));
        sep = ", ";
    }
    tc_buf_adds(b, "],\n \"files\": [\n");
}

static void
report_file(const struct tc_ctx *ctx, struct tc_buf *b)
{
    const struct tc_check *ck = ctx->check;
    const char *sep = "";
    size_t i;
    int id;

    tc_buf_adds(b, "  {\"file\": ");
    json_str(b, ck->file != NULL ? ck->file : "<stdin>");
    tc_buf_addf(b, ", \"cues\": %lu, \"violations\": [", ck->cues);
    for (i = 0; i < ck->nv; i++) {
        const struct tc_violation *v = &ck->v[i];

        tc_buf_addf(b, "%s\n    {\"cue\": %lu, \"check\": \"%s\", "
                    "\"value\": ", i ? "," : "", v->cue,
                    tc_check_name_of(v->check));
        if (v->check == TC_CHECK_MAX_CPS) {
            char n[32];

            tc_check_fmt_cps(n, v->value, v->limit);
            tc_buf_adds(b, n);
        } else {
            json_num(b, v->value);
        }
        tc_buf_adds(b, ", \"limit\": ");
        json_num(b, v->limit);
        tc_buf_addf(b, ", \"start\": %lld, \"end\": ", (long long)v->start);
        if (v->end == TC_TIME_NONE)
            tc_buf_adds(b, "null");
        else
            tc_buf_addf(b, "%lld", (long long)v->end);
        tc_buf_addf(b, ", \"line\": %lu}", v->line);
    }
    tc_buf_adds(b, ck->nv ? "\n   ],\n   \"summary\": {" : "],\n   "
                                                        "\"summary\": {");
    for (id = 0; id < TC_CHECK__COUNT; id++) {
        if (!(ck->mask & TC_CHECK_BIT(id)))
            continue;
        tc_buf_addf(b, "%s\"%s\": %lu", sep, tc_check_name_of(id),
                    ck->count[id]);
        sep = ", ";
    }
    tc_buf_addf(b, "},\n   \"complete\": %s, \"passed\": %s}",
                ck->complete ? "true" : "false",
                tc_check_passed(ctx) ? "true" : "false");
}

static int
cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;

    return x < y ? -1 : x > y;
}

static void
table_limit(const struct tc_check *ck, int id, char *out)
{
    const struct tc_limits *l = &ck->lim;

    switch (id) {
    case TC_CHECK_MAX_CHARS:
        snprintf(out, 32, "%ld", l->max_chars);
        break;
    case TC_CHECK_MAX_LINES:
        snprintf(out, 32, "%ld", l->max_lines);
        break;
    case TC_CHECK_MAX_CPS:
        tc_check_fmt_num(out, l->max_cps);
        break;
    case TC_CHECK_MIN_DURATION:
        snprintf(out, 32, "%lld ms", (long long)l->min_duration);
        break;
    case TC_CHECK_MAX_DURATION:
        snprintf(out, 32, "%lld ms", (long long)l->max_duration);
        break;
    case TC_CHECK_MIN_GAP:
        snprintf(out, 32, "%lld ms", (long long)l->min_gap);
        break;
    default:
        out[0] = '\0';
    }
}

static void
report_table(const struct tc_ctx *ctx, struct tc_buf *b)
{
    const struct tc_check *ck = ctx->check;
    char t[32], lim[32];
    int id;

    tc_time_fmt(t, ck->shown, '.');
    tc_buf_addf(b, "%s: %lu cue%s, %s shown, %lu violation%s\n",
                ck->file != NULL ? ck->file : "<stdin>", ck->cues,
                ck->cues == 1 ? "" : "s", t, ck->total,
                ck->total == 1 ? "" : "s");
    if (ck->ncps > 0) {
        double sum = 0;
        size_t i, rank;

        for (i = 0; i < ck->ncps; i++)
            sum += ck->cps[i];
        qsort(ck->cps, ck->ncps, sizeof *ck->cps, cmp_float);
        /* the nearest rank: the smallest value with 95 % at or below */
        rank = (ck->ncps * 95 + 99) / 100;
        tc_buf_addf(b, "  reading speed  %.1f mean, %.1f at the 95th "
                    "percentile (characters per second)\n",
                    sum / (double)ck->ncps, (double)ck->cps[rank - 1]);
    }
    tc_buf_addf(b, "  longest line   %zu characters\n", ck->longest);
    tc_buf_addf(b, "  %-14s %-10s %s\n", "check", "limit", "violations");
    for (id = 0; id < TC_CHECK__COUNT; id++) {
        if (!(ck->mask & TC_CHECK_BIT(id)))
            continue;
        table_limit(ck, id, lim);
        tc_buf_addf(b, "  %-14s %-10s %lu\n", tc_check_name_of(id), lim,
                    ck->count[id]);
    }
}

char *
tc_check_report(struct tc_ctx *ctx, enum tc_report form)
{
    struct tc_buf b = TC_BUF_INIT;

    if (form != TC_REPORT_JSON_OPEN && form != TC_REPORT_JSON_CLOSE &&
        (ctx->check == NULL || ctx->check->file == NULL))
        return NULL;
    switch (form) {
    case TC_REPORT_JSON_OPEN:
        report_open(ctx, &b);
        break;
    case TC_REPORT_JSON_FILE:
        report_file(ctx, &b);
        break;
    case TC_REPORT_JSON_CLOSE:
        tc_buf_adds(&b, "\n]}\n");
        break;
    case TC_REPORT_TABLE:
        report_table(ctx, &b);
        break;
    default:
        return NULL;
    }
    if (tc_buf_status(&b) != TC_OK) {
        tc_buf_release(&b);
        return NULL;
    }
    return tc_buf_detach(&b);
}
