/* test_text.c -- runs, the render walker, trimming. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "format.h"

static struct tc_style
mk(unsigned style)
{
    struct tc_style st;

    memset(&st, 0, sizeof st);
    st.style = style;
    st.time = TC_TIME_NONE;
    return st;
}

START_TEST(text_joins_same_style)
{
    struct tc_text t;
    struct tc_style p = mk(0), i = mk(TC_STYLE_ITALIC);

    memset(&t, 0, sizeof t);
    tc_text_append(&t, "a", 1, &p);
    tc_text_append(&t, "b", 1, &p);
    tc_text_append(&t, "c", 1, &i);
    ck_assert_uint_eq(t.nruns, 2);
    ck_assert_uint_eq(t.runs[0].len, 2);
    ck_assert_uint_eq(tc_text_len(&t), 3);
    tc_text_release(&t);
}
END_TEST

START_TEST(text_voice_attribute)
{
    struct tc_text t;
    struct tc_style v = mk(0);

    memset(&t, 0, sizeof t);
    v.voice = "Bob";
    tc_text_append(&t, "hi", 2, &v);
    ck_assert_str_eq(tc_text_str(&t, t.runs[0].voice), "Bob");
    ck_assert_ptr_null(tc_text_str(&t, t.runs[0].lang));
    tc_text_release(&t);
}
END_TEST

struct rec {
    char out[256];
};

static void
r_open(void *w, enum tc_render_kind k, const struct tc_text *t,
       const struct tc_run *r)
{
    (void)t;
    (void)r;
    strcat(((struct rec *)w)->out, k == TC_R_BOLD ? "<b>" : "<i>");
}

static void
r_close(void *w, enum tc_render_kind k)
{
    strcat(((struct rec *)w)->out, k == TC_R_BOLD ? "</b>" : "</i>");
}

static void
r_text(void *w, const char *s, size_t n)
{
    strncat(((struct rec *)w)->out, s, n);
}

static void
r_nl(void *w)
{
    strcat(((struct rec *)w)->out, "|");
}

static const struct tc_render_ops rec_ops = {
    .open = r_open, .close = r_close, .text = r_text, .line_break = r_nl,
};

START_TEST(render_closes_in_reverse_order)
{
    struct tc_text t;
    struct tc_style i = mk(TC_STYLE_ITALIC),
                    ib = mk(TC_STYLE_ITALIC | TC_STYLE_BOLD),
                    b = mk(TC_STYLE_BOLD);
    struct rec r;

    memset(&t, 0, sizeof t);
    memset(&r, 0, sizeof r);
    tc_text_append(&t, "x", 1, &i);
    tc_text_append(&t, "y\nz", 3, &ib);
    tc_text_append(&t, "w", 1, &b);
    tc_render_runs(&t, &rec_ops, &r);
    /* tags never cross: bold opened inside italic is closed first */
    ck_assert_str_eq(r.out, "<i>x<b>y|z</b></i><b>w</b>");
    tc_text_release(&t);
}
END_TEST

START_TEST(trim_drops_edge_space_and_blank_lines)
{
    struct tc_text t;
    struct tc_style p = mk(0);
    char *s;

    memset(&t, 0, sizeof t);
    tc_text_append(&t, "\n  hello  \n\n world \n", 20, &p);
    tc_text_trim(&t);
    s = tc_text_plain(&t);
    ck_assert_str_eq(s, "hello\nworld");
    free(s);
    tc_text_release(&t);
}
END_TEST

Suite *
suite_text(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, text_joins_same_style);
    tcase_add_test(tc, text_voice_attribute);
    tcase_add_test(tc, render_closes_in_reverse_order);
    tcase_add_test(tc, trim_drops_edge_space_and_blank_lines);
    suite_add_tcase(s, tc);
    return s;
}
