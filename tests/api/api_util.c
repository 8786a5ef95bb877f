/* api_util.c -- helpers of the API tests. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"

void
str_add(struct str *b, const char *p, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;

        while (cap < b->n + n + 1)
            cap *= 2;
        b->s = realloc(b->s, cap);
        ck_assert_ptr_nonnull(b->s);
        b->cap = cap;
    }
    memcpy(b->s + b->n, p, n);
    b->n += n;
    b->s[b->n] = '\0';
}

void
str_addf(struct str *b, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    ck_assert(n >= 0 && (size_t)n < sizeof tmp);
    str_add(b, tmp, (size_t)n);
}

void
str_free(struct str *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

char *
api_slurp(const char *rel, size_t *len)
{
    const char *top = getenv("top_srcdir");
    struct str path = { NULL, 0, 0 }, data = { NULL, 0, 0 };
    char chunk[8192];
    size_t n;
    FILE *f;

    str_addf(&path, "%s/%s", top != NULL ? top : ".", rel);
    f = fopen(path.s, "rb");
    ck_assert_msg(f != NULL, "cannot read %s", path.s);
    str_add(&data, "", 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        str_add(&data, chunk, n);
    fclose(f);
    str_free(&path);
    *len = data.n;
    return data.s;
}

void
api_collect(const struct tc_diag *d, void *ud)
{
    str_addf(ud, "%lu:%u: %s: %s%s%s\n", d->line, d->col,
             tc_severity_name(d->sev), d->message, d->detail ? ": " : "",
             d->detail ? d->detail : "");
}

void
api_dump_cue(struct str *b, const struct tc_cue *c)
{
    struct tc_place p;
    size_t i;

    tc_cue_place(c, &p);
    str_addf(b, "%lld-%lld id=%s region=%s place=%d,%d,%d,%g,%d,%d,%d,%g,"
             "%d,%g |", (long long)tc_cue_start(c), (long long)tc_cue_end(c),
             tc_cue_id(c) ? tc_cue_id(c) : "-",
             tc_cue_region(c) ? tc_cue_region(c) : "-", (int)p.vpos,
             (int)p.align, (int)p.vertical, p.line, p.line_set,
             p.line_percent, (int)p.line_align, p.position,
             (int)p.position_align, p.size);
    for (i = 0; i < tc_cue_runs(c); i++) {
        struct tc_style st;
        size_t n;
        const char *t = tc_cue_run_text(c, i, &n);

        ck_assert_int_eq(tc_cue_run_style(c, i, &st), TC_OK);
        str_addf(b, " [%.*s]{%u,%06x,%s,%s,%s,%lld}", (int)n, t, st.style,
                 (unsigned)st.color, st.voice ? st.voice : "-",
                 st.lang ? st.lang : "-", st.cls ? st.cls : "-",
                 st.time == TC_TIME_NONE ? -1LL : (long long)st.time);
    }
    str_add(b, "\n", 1);
}

char *
api_convert(struct tc_ctx *ctx, const char *in, size_t n, const char *from,
            const char *to, int *rc)
{
    struct tc_reader *r = NULL;
    struct tc_writer *w = NULL;
    const char *data;
    size_t len;
    char *out;

    ck_assert_int_eq(tc_reader_new(ctx, from ? tc_format_find(from) : NULL,
                                   &r), TC_OK);
    ck_assert_int_eq(tc_reader_feed(r, in, n), TC_OK);
    ck_assert_int_eq(tc_reader_feed_end(r), TC_OK);
    *rc = tc_writer_new(ctx, tc_format_find(to), &w);
    if (*rc == TC_OK)
        *rc = tc_transfer(r, w);
    data = w != NULL ? tc_writer_data(w, &len) : "";
    out = strdup(data);
    tc_writer_free(w);
    tc_reader_free(r);
    return out;
}
