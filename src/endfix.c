/* endfix.c -- the last stage before every writer, and the one rule for an
 * end the input does not give (tc_end_infer(), which the YouTube reader
 * and the filters that need an end use too).  Cue text loses empty lines
 * and blank edges.  A cue whose end is unset or not after its start gets
 * an end, so no writer ever prints a cue that ends before or when it
 * starts.  The new end is the time to read the text's characters at the
 * profile's reading speed (max-cps), between its min-duration and
 * max-duration, and stops at the next cue's start.  Only such a cue is
 * held, to see that next start: a cue whose end is fine goes on at once,
 * so a live pipe is not kept a cue behind. */
#include "config.h"

#include <stdlib.h>

#include "ctx.h"
#include "linebreak.h"
#include "measure.h"

int64_t
tc_end_infer(const struct tc_end_rule *r, size_t chars, int64_t start,
             int64_t next)
{
    double e = (double)chars * 1000.0 / r->cps + 0.5;
    /* no overflow to convert; max wins over min */
    int64_t d = e >= (double)r->max ? r->max : (int64_t)e;
    int64_t end;

    if (d < r->min)
        d = r->min;
    if (d > r->max)
        d = r->max;
    end = start + d;
    if (next != TC_TIME_NONE && next > start && next < end)
        end = next;
    return end;
}

int
tc_end_rule_profile(struct tc_ctx *ctx, struct tc_end_rule *r)
{
    struct tc_limits l;
    int rc = tc_limits_from_ctx(ctx, &l);

    r->cps = l.max_cps;
    r->min = l.min_duration;
    r->max = l.max_duration;
    return rc;
}

struct endfix {
    struct tc_stage base;
    struct tc_end_rule rule;
    struct tc_cue *held;
    unsigned long seen;      /* cues with text that reached the writer */
    int unset_only;          /* the writer keeps end <= start as it is */
    /* a transcript may have such cues by the hundred: said once */
    struct tc_repeat rp_new, rp_join;
};

/* Does the cue need an end from the next cue's start? */
static int
needs_end(const struct endfix *ef, const struct tc_cue *c)
{
    return c->end == TC_TIME_NONE || (!ef->unset_only && c->end <= c->start);
}

static int
endfix_forward(struct endfix *ef, int64_t next_start)
{
    struct tc_cue *c = ef->held;
    int rc = TC_OK;

    ef->held = NULL;
    if (!tc_text_is_blank(&c->text))
        ef->seen++;
    if (needs_end(ef, c)) {
        int64_t end = tc_end_infer(&ef->rule, tc_measure_chars(&c->text),
                                   c->start, next_start);

        if (c->end != TC_TIME_NONE) {
            char a[32], b[32];

            tc_time_fmt(a, c->end < 0 ? 0 : c->end, '.');
            tc_time_fmt(b, end, '.');
            if (c->end == c->start)
                rc = tc_repeatf(ef->base.ctx, &ef->rp_new,
                                TC_D_TIME_REVERSED, c->line, 0,
                                "zero length; new end %s, from the length "
                                "of its text", b);
            else
                rc = tc_repeatf(ef->base.ctx, &ef->rp_new,
                                TC_D_TIME_REVERSED, c->line, 0,
                                "it ends at %s; new end %s, from the "
                                "length of its text", a, b);
        }
        c->end = end;
    }
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    return tc_stage_push(ef->base.next, c);
}

/* A zero-length or reversed cue followed by one that starts at the same
 * time (Whisper prints such segments) cannot get any length without an
 * overlap or a moved start: its text goes to the start of the next cue,
 * which keeps both fragments' words and start times. */
static int
endfix_join(struct endfix *ef, struct tc_cue *c)
{
    struct tc_cue *h = ef->held;
    struct tc_style st;
    size_t i;
    int rc;

    rc = tc_repeatf(ef->base.ctx, &ef->rp_join, TC_D_TIME_REVERSED,
                    h->line, 0, "%s, and the next cue starts at the same "
                    "time: its text joined to that cue",
                    h->end == h->start ? "zero length" : "it ends earlier");
    if (rc == TC_OK && h->text.nruns > 0 && c->text.nruns > 0)
        rc = tc_text_newline(&h->text);
    for (i = 0; rc == TC_OK && i < c->text.nruns; i++) {
        const struct tc_run *r = &c->text.runs[i];

        tc_run_style(&c->text, r, &st);
        rc = tc_text_append(&h->text, c->text.pool + r->off, r->len, &st);
    }
    h->end = c->end;
    tc_cue_free(c);
    if (rc == TC_OK && !needs_end(ef, h))
        rc = endfix_forward(ef, TC_TIME_NONE);
    return rc;
}

static int
endfix_push(struct tc_stage *st, struct tc_cue *c)
{
    struct endfix *ef = (struct endfix *)st;
    int rc = TC_OK;

    /* no writer may see an empty line inside a cue or blank edges: the
     * line-based formats would end the cue there */
    tc_text_trim(&c->text);
    if (ef->held != NULL && !ef->unset_only &&
        ef->held->end != TC_TIME_NONE && ef->held->end <= ef->held->start &&
        c->start == ef->held->start)
        return endfix_join(ef, c);
    if (ef->held != NULL)
        rc = endfix_forward(ef, c->start);
    if (rc != TC_OK) {
        tc_cue_free(c);
        return rc;
    }
    ef->held = c;
    return needs_end(ef, c) ? TC_OK : endfix_forward(ef, TC_TIME_NONE);
}

/* Nothing to write.  An input without cues (empty, a header only) is worth
 * a warning to a script that expected some; an input whose cues were all
 * lost on the way fails the run, and the message says where they went. */
static int
endfix_empty(struct tc_ctx *ctx)
{
    unsigned long had = ctx->cues_in + ctx->skipped + ctx->discarded;
    struct tc_buf m = TC_BUF_INIT;
    int rc;

    if (tc_ctx_worst(ctx) >= TC_SEV_ERROR)
        return TC_OK;            /* the error said it already */
    if (had == 0)
        return tc_diagf(ctx, TC_D_NO_CUES, 0, 0, NULL);
    tc_buf_addf(&m, "the input held %lu cue%s", had, had == 1 ? "" : "s");
    if (ctx->skipped > 0)
        tc_buf_addf(&m, "; %lu skipped by the reader (see above)",
                    ctx->skipped);
    if (ctx->discarded > 0)
        tc_buf_addf(&m, "; %lu left out by a reader option", ctx->discarded);
    if (ctx->dropped > 0)
        tc_buf_addf(&m, "; %lu dropped by filters, the last: %s",
                    ctx->dropped, ctx->dropwhy.data);
    else if (ctx->cues_in > 0)
        tc_buf_adds(&m, "; the filters left none");
    rc = tc_diagf(ctx, TC_D_NOTHING_LEFT, 0, 0, "%s", m.data);
    tc_buf_release(&m);
    return rc;
}

static int
endfix_finish(struct tc_stage *st)
{
    struct endfix *ef = (struct endfix *)st;
    int rc = TC_OK;

    if (ef->held != NULL)
        rc = endfix_forward(ef, TC_TIME_NONE);
    if (rc == TC_OK)
        rc = tc_repeat_end(st->ctx, &ef->rp_new, NULL);
    if (rc == TC_OK)
        rc = tc_repeat_end(st->ctx, &ef->rp_join, NULL);
    if (rc == TC_OK && ef->seen == 0)
        rc = endfix_empty(st->ctx);
    if (rc != TC_OK)
        return rc;
    return tc_stage_finish(st->next);
}

static void
endfix_destroy(struct tc_stage *st)
{
    struct endfix *ef = (struct endfix *)st;

    tc_cue_free(ef->held);
    free(ef);
}

static const struct tc_stage_ops endfix_ops = {
    .name = "endfix",
    .push = endfix_push,
    .finish = endfix_finish,
    .destroy = endfix_destroy,
};

int
tc_endfix_new(struct tc_ctx *ctx, struct tc_stage *next, int unset_only,
              struct tc_stage **out)
{
    struct endfix *ef = calloc(1, sizeof *ef);

    if (ef == NULL)
        return TC_ERR_NOMEM;
    if (tc_end_rule_profile(ctx, &ef->rule) != TC_OK) {
        free(ef);
        return TC_ERR_ARG;
    }
    ef->base.ops = &endfix_ops;
    ef->base.ctx = ctx;
    ef->base.next = next;
    ef->unset_only = unset_only;
    *out = &ef->base;
    return TC_OK;
}
