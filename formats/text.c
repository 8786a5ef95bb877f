/* formats/text.c -- the words alone, for a blog post, a search index or a
 * reader who wants no times: write only.
 *
 * Each cue is one line, its line breaks made spaces, its markup and ruby
 * text left out.  --text-paragraph-gap=DURATION joins the cues into
 * paragraphs instead, one line each with a blank line between: a pause of
 * at least DURATION between one cue's end and the next one's start, or a
 * change of speaker, begins a new paragraph.  --text-timestamps=yes puts
 * the start of each line or paragraph before it, as "[MM:SS] " ("[H:MM:SS]
 * " from an hour on).
 *
 * There is no reader: text without times cannot become cues, and a file
 * that has times is one of the transcript formats (whisper, youtube).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "format.h"

struct text_writer {
    struct tc_stage base;
    struct tc_sink *sink;
    int64_t gap;                /* paragraph gap; < 0: one cue a line */
    int stamps;
    int open;                   /* a line or paragraph is being written */
    int64_t last_end;
    struct tc_buf voice;        /* the speaker of the open paragraph */
};

static void
text_stamp(struct tc_sink *s, int64_t ms)
{
    long long sec = ms < 0 ? 0 : (long long)(ms / 1000);

    if (sec >= 3600)
        tc_sink_printf(s, "[%lld:%02lld:%02lld] ", sec / 3600,
                       sec / 60 % 60, sec % 60);
    else
        tc_sink_printf(s, "[%02lld:%02lld] ", sec / 60, sec % 60);
}

/* The speaker of a cue: the voice of its first run that has one. */
static const char *
text_voice(const struct tc_text *t)
{
    size_t i;

    for (i = 0; i < t->nruns; i++)
        if (t->runs[i].voice != 0)
            return tc_text_str(t, t->runs[i].voice);
    return "";
}

static int
text_push(struct tc_stage *st, struct tc_cue *c)
{
    struct text_writer *w = (struct text_writer *)st;
    const char *voice;
    int fresh;

    if (tc_text_is_blank(&c->text)) {
        tc_cue_free(c);
        return TC_OK;
    }
    voice = text_voice(&c->text);
    fresh = !w->open || w->gap < 0 || c->start - w->last_end >= w->gap ||
            strcmp(voice, w->voice.data) != 0;
    if (fresh && w->open)
        tc_sink_puts(w->sink, w->gap < 0 ? "\n" : "\n\n");
    if (fresh && w->stamps)
        text_stamp(w->sink, c->start);
    if (!fresh)
        tc_sink_putc(w->sink, ' ');
    tc_sink_plain(w->sink, &c->text, ' ');
    w->open = 1;
    w->last_end = c->end != TC_TIME_NONE ? c->end : c->start;
    tc_buf_clear(&w->voice);
    tc_buf_add(&w->voice, voice, strlen(voice));
    tc_cue_free(c);
    if (tc_buf_status(&w->voice) != TC_OK)
        return tc_buf_status(&w->voice);
    return tc_sink_status(w->sink);
}

static int
text_finish(struct tc_stage *st)
{
    struct text_writer *w = (struct text_writer *)st;

    if (w->open)
        tc_sink_putc(w->sink, '\n');
    return tc_sink_status(w->sink);
}

static void
text_destroy(struct tc_stage *st)
{
    struct text_writer *w = (struct text_writer *)st;

    tc_buf_release(&w->voice);
    free(w);
}

static const struct tc_stage_ops text_writer_ops = {
    .name = "text-writer",
    .push = text_push,
    .finish = text_finish,
    .destroy = text_destroy,
};

static int
text_options(struct text_writer *w, struct tc_ctx *ctx)
{
    const char *gap = tc_ctx_option(ctx, "text-paragraph-gap");
    const char *ts = tc_ctx_option(ctx, "text-timestamps");

    w->gap = -1;
    if (gap != NULL && (tc_parse_duration(gap, &w->gap) != TC_OK ||
                        w->gap < 0)) {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "--text-paragraph-gap=%s: "
                 "expected a duration such as 2000, 2000ms or 2s", gap);
        return TC_ERR_ARG;
    }
    if (ts == NULL || strcmp(ts, "no") == 0) {
        w->stamps = 0;
    } else if (strcmp(ts, "yes") == 0) {
        w->stamps = 1;
    } else {
        tc_diagf(ctx, TC_D_BAD_OPTION, 0, 0, "--text-timestamps=%s: "
                 "expected yes or no", ts);
        return TC_ERR_ARG;
    }
    return TC_OK;
}

static int
text_writer_new(struct tc_sink *sink, struct tc_ctx *ctx,
                struct tc_stage **out)
{
    struct text_writer *w = calloc(1, sizeof *w);
    int rc;

    if (w == NULL)
        return TC_ERR_NOMEM;
    w->base.ops = &text_writer_ops;
    w->base.ctx = ctx;
    w->sink = sink;
    w->last_end = TC_TIME_NONE;
    tc_buf_init(&w->voice, 0);
    rc = text_options(w, ctx);
    if (rc != TC_OK) {
        text_destroy(&w->base);
        return rc;
    }
    *out = &w->base;
    return TC_OK;
}

const struct tc_format tc_format_text = {
    .name       = "text",
    .desc       = "plain text, the words alone (write only)",
    .extensions = "txt",
    .writer_new = text_writer_new,
};
