/* test_ttml_conf.c -- the TTML reader against public conformance data in
 * tests/data/ttml (see its README): the IMSC 1 documents with the instants
 * at which their shown text changes, the TTML1 SMPTE/tick documents with
 * their paragraph times, the time-expression table and the colour table.
 * The .txt expectation files come from the upstream JSON through
 * tests/tools/ttml-expect.py. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_ttml_util.h"
#include "../../formats/ttml.h"

/* Lines of an expectation file, comments skipped; fields split at tabs. */
static FILE *
open_table(const char *name)
{
    FILE *f = fopen(ttml_data(name), "r");

    ck_assert_msg(f != NULL, "cannot open %s", ttml_data(name));
    return f;
}

static int
next_row(FILE *f, char **line, size_t *cap, char **fields, int nf)
{
    ssize_t n;
    int i;

    while ((n = getline(line, cap, f)) > 0) {
        char *p = *line;

        if (p[n - 1] == '\n')
            p[--n] = '\0';
        if ((p[0] == '#' && p[1] == ' ') || *p == '\0')
            continue;
        for (i = 0; i < nf; i++) {
            fields[i] = p;
            p = strchr(p, '\t');
            if (p == NULL) {
                for (i++; i < nf; i++)
                    fields[i] = NULL;
                break;
            }
            *p++ = '\0';
        }
        return 1;
    }
    return 0;
}

/* Does some cue show text over all of [a, b]?  (ms; b may be "forever") */
static int
covered(const struct got *g, int64_t a, int64_t b)
{
    size_t i;

    for (i = 0; i < g->n; i++) {
        const struct got_cue *c = &g->v[i];

        if (c->start <= a + 1 &&
            (c->end == TC_TIME_NONE || (b != TC_TIME_NONE && c->end >= b - 1)))
            return 1;
    }
    return 0;
}

/* Does any cue show text inside (a, b)? */
static int
touched(const struct got *g, int64_t a, int64_t b)
{
    size_t i;

    for (i = 0; i < g->n; i++) {
        const struct got_cue *c = &g->v[i];

        if ((b == TC_TIME_NONE || c->start < b - 1) &&
            (c->end == TC_TIME_NONE || c->end > a + 1))
            return 1;
    }
    return 0;
}

static int
on_instant(int64_t t, const int64_t *at, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (llabs(t - at[i]) <= 1)
            return 1;
    return 0;
}

/* Intervals the reference marks as shown where nothing visible is: the
 * reference counts a <p> holding only a <br/> as shown; a cue of nothing
 * cannot be written in any subtitle format. */
static const struct {
    const char *file;
    int64_t at;
} nothing_visible[] = {
    { "imsc1/timing/BasicTiming010.ttml", 24400 },
    { "imsc1/timing/BasicTiming010.ttml", 35000 },
};

/* Paragraphs with a begin and no end: TTML keeps them up until their
 * parent ends (here: never), transcue until the next paragraph begins, on
 * purpose (a subtitle that never ends is no use).  After the last
 * paragraph's own end nothing is left. */
static const struct {
    const char *file;
    int64_t at;
} until_next[] = {
    { "imsc1/timing/BeginEnd002.ttml", 20000 },
    { "imsc1/timing/FixedBeginEnd002.ttml", 20000 },
};

static int
is_nothing_visible(const char *file, int64_t at)
{
    size_t i;

    for (i = 0; i < sizeof nothing_visible / sizeof nothing_visible[0]; i++)
        if (strcmp(file, nothing_visible[i].file) == 0 &&
            at == nothing_visible[i].at)
            return 1;
    for (i = 0; i < sizeof until_next / sizeof until_next[0]; i++)
        if (strcmp(file, until_next[i].file) == 0 && at == until_next[i].at)
            return 1;
    return 0;
}

START_TEST(imsc1_significant_times)
{
    FILE *f = open_table("imsc1-expect.txt");
    char *line = NULL, *fl[2];
    size_t cap = 0, docs = 0, bad = 0;
    struct tc_buf why = TC_BUF_INIT;

    while (next_row(f, &line, &cap, fl, 2)) {
        int64_t at[4096];
        int shown[4096];
        size_t n = 0, i;
        char *p = fl[1], *end;
        struct got g;
        int ok = 1;

        while (*p != '\0' && n < 4096) {
            double s = strtod(p, &end);

            ck_assert(end != p && *end == ':');
            at[n] = (int64_t)(s * 1000 + 0.5);
            shown[n++] = end[1] == '1';
            p = end + 2;
            while (*p == ' ')
                p++;
        }
        ttml_read_file(ttml_data(fl[0]), &g);
        docs++;
        if (g.rc != TC_OK) {
            tc_buf_addf(&why, "%s: status %d\n%s", fl[0], g.rc, g.diags);
            ok = 0;
        }
        for (i = 0; ok && i < n; i++) {
            int64_t b = i + 1 < n ? at[i + 1] : TC_TIME_NONE;

            if (shown[i] && !covered(&g, at[i], b) &&
                !is_nothing_visible(fl[0], at[i])) {
                tc_buf_addf(&why, "%s: nothing shown from %lld ms\n", fl[0],
                            (long long)at[i]);
                ok = 0;
            } else if (!shown[i] && touched(&g, at[i], b)) {
                tc_buf_addf(&why, "%s: text shown from %lld ms\n", fl[0],
                            (long long)at[i]);
                ok = 0;
            }
        }
        for (i = 0; ok && i < g.n; i++)
            if (!on_instant(g.v[i].start, at, n) ||
                (g.v[i].end != TC_TIME_NONE &&
                 !on_instant(g.v[i].end, at, n))) {
                tc_buf_addf(&why, "%s: cue %lld..%lld not on the "
                            "document's instants\n", fl[0],
                            (long long)g.v[i].start, (long long)g.v[i].end);
                ok = 0;
            }
        bad += !ok;
        got_free(&g);
    }
    free(line);
    fclose(f);
    ck_assert_int_eq(docs, 90);
    ck_assert_msg(bad == 0, "%zu of %zu documents wrong:\n%s", bad, docs,
                  why.data);
    tc_buf_release(&why);
}
END_TEST

START_TEST(ttml1_smpte_and_ticks)
{
    FILE *f = open_table("ttml1-expect.txt");
    char *line = NULL, *fl[2];
    size_t cap = 0, docs = 0;

    while (next_row(f, &line, &cap, fl, 2)) {
        char *p = fl[1], *end;
        size_t i = 0;
        struct got g;

        ttml_read_file(ttml_data(fl[0]), &g);
        ck_assert_msg(g.rc == TC_OK, "%s: %s", fl[0], g.diags);
        for (; *p != '\0'; i++) {
            ck_assert_msg(i < g.n, "%s: only %zu cues", fl[0], g.n);
            if (*p == '-') {
                p += 3;
            } else {
                double b = strtod(p, &end), e = strtod(end, &end);

                p = end;
                ck_assert_msg(llabs(g.v[i].start -
                                    (int64_t)(b * 1000 + 0.5)) <= 0 &&
                              llabs(g.v[i].end -
                                    (int64_t)(e * 1000 + 0.5)) <= 0,
                              "%s: paragraph %zu at %lld..%lld, expected "
                              "%.6f..%.6f", fl[0], i,
                              (long long)g.v[i].start,
                              (long long)g.v[i].end, b, e);
            }
            if (*p == '|')
                p++;
        }
        ck_assert_msg(i == g.n, "%s: %zu cues, expected %zu", fl[0], g.n, i);
        docs++;
        got_free(&g);
    }
    free(line);
    fclose(f);
    ck_assert_int_eq(docs, 7);
}
END_TEST

START_TEST(time_expressions)
{
    FILE *f = open_table("time-expressions.txt");
    char *line = NULL, *fl[7];
    size_t cap = 0, rows = 0;

    while (next_row(f, &line, &cap, fl, 7)) {
        struct tc_ttml_timing tp;
        char *end;
        double got = -1, num, den;
        int rc;

        tc_ttml_timing_init(&tp);
        tp.frame_rate = strtoul(fl[1], NULL, 10);
        num = strtod(fl[2], &end);
        den = strtod(end, NULL);
        tp.mult = num / den;
        tp.tick_rate = strtod(fl[3], NULL);
        tp.smpte = strcmp(fl[4], "smpte") == 0;
        tp.drop = strcmp(fl[5], "dropNTSC") == 0 ? 1
                  : strcmp(fl[5], "dropPAL") == 0 ? 2 : 0;
        rc = tc_ttml_time_parse(fl[0], &tp, &got);
        if (strcmp(fl[6], "error") == 0)
            ck_assert_msg(rc == TC_ERR_SYNTAX, "'%s' read as %f", fl[0],
                          got);
        else
            ck_assert_msg(rc == TC_OK && fabs(got - strtod(fl[6], NULL)) <
                                             1e-9,
                          "'%s': status %d, %.9f s, expected %s", fl[0], rc,
                          got, fl[6]);
        rows++;
    }
    free(line);
    fclose(f);
    ck_assert_int_eq(rows, 22);
}
END_TEST

START_TEST(colors)
{
    FILE *f = open_table("colors.txt");
    char *line = NULL, *fl[2];
    size_t cap = 0, rows = 0;

    while (next_row(f, &line, &cap, fl, 2)) {
        uint32_t rgba = 0;
        int rc = tc_ttml_color_parse(fl[0], &rgba);

        if (strcmp(fl[1], "error") == 0)
            ck_assert_msg(rc == TC_ERR_SYNTAX, "'%s' read as %08x", fl[0],
                          rgba);
        else
            ck_assert_msg(rc == TC_OK &&
                              rgba == (uint32_t)strtoul(fl[1], NULL, 16),
                          "'%s': status %d, %08x, expected %s", fl[0], rc,
                          rgba, fl[1]);
        rows++;
    }
    free(line);
    fclose(f);
    ck_assert_int_eq(rows, 34);
}
END_TEST

/* ttconv's white-space cases (expected.json): the text runs at t=0. */
START_TEST(ttconv_whitespace)
{
    static const struct {
        const char *file;
        size_t n;
        const char *text[2];
    } cases[] = {
        { "ttconv/lwsp_default.ttml", 2,
          { "hello my name is Mathilda", "bonjour mon nom\nest" } },
        { "ttconv/lwsp_preserve.ttml", 1,
          { "hello  my \nname is Mathilda", NULL } },
        { "ttconv/body_only.ttml", 0, { NULL, NULL } },
    };
    size_t i, k;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct got g;

        ttml_read_file(ttml_data(cases[i].file), &g);
        ck_assert_msg(g.rc == TC_OK, "%s: %s", cases[i].file, g.diags);
        ck_assert_msg(g.n == cases[i].n, "%s: %zu cues", cases[i].file, g.n);
        for (k = 0; k < g.n; k++) {
            ck_assert_msg(g.v[k].start == 0, "%s", cases[i].file);
            ck_assert_str_eq(g.v[k].text, cases[i].text[k]);
        }
        got_free(&g);
    }
}
END_TEST

Suite *
suite_ttml_conf(void)
{
    Suite *s = suite_create("ttml-conformance");
    TCase *tc = tcase_create("data");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, time_expressions);
    tcase_add_test(tc, colors);
    tcase_add_test(tc, ttconv_whitespace);
    tcase_add_test(tc, ttml1_smpte_and_ticks);
    tcase_add_test(tc, imsc1_significant_times);
    suite_add_tcase(s, tc);
    return s;
}
