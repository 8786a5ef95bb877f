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
    struct tc_wr wr;
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
text_cue(struct tc_wr *wr, const struct tc_cue *c)
{
    struct text_writer *w = (struct text_writer *)wr;
    const char *voice;
    int fresh;

    if (tc_text_is_blank(&c->text))
        return TC_OK;
    voice = text_voice(&c->text);
    fresh = !w->open || w->gap < 0 || c->start - w->last_end >= w->gap ||
            strcmp(voice, w->voice.data) != 0;
    if (fresh && w->open)
        tc_sink_puts(wr->sink, w->gap < 0 ? "\n" : "\n\n");
    if (fresh && w->stamps)
        text_stamp(wr->sink, c->start);
    if (!fresh)
        tc_sink_putc(wr->sink, ' ');
    tc_sink_plain(wr->sink, &c->text, ' ');
    w->open = 1;
    w->last_end = c->end != TC_TIME_NONE ? c->end : c->start;
    tc_buf_clear(&w->voice);
    tc_buf_add(&w->voice, voice, strlen(voice));
    return tc_buf_status(&w->voice);
}

static int
text_end(struct tc_wr *wr)
{
    if (((struct text_writer *)wr)->open)
        tc_sink_putc(wr->sink, '\n');
    return TC_OK;
}

static void
text_close(struct tc_wr *wr)
{
    tc_buf_release(&((struct text_writer *)wr)->voice);
}

/* The options were checked when they were set (their types below). */
static int
text_open(struct tc_wr *wr)
{
    struct text_writer *w = (struct text_writer *)wr;
    const char *gap = tc_ctx_option(wr->ctx, "text-paragraph-gap");

    w->last_end = TC_TIME_NONE;
    tc_buf_init(&w->voice, 0);
    w->gap = -1;
    if (gap != NULL && tc_parse_duration(gap, &w->gap) != TC_OK)
        return TC_ERR_ARG;
    if (w->gap < 0 && gap != NULL) {
        tc_diagf(wr->ctx, TC_D_BAD_OPTION, 0, 0, "text-paragraph-gap=%s: "
                 "a pause cannot be negative", gap);
        return TC_ERR_ARG;
    }
    return tc_ctx_option_bool(wr->ctx, "text-timestamps", &w->stamps);
}

/* A cue without text has no words to write: it is left out silently. */
static const struct tc_wr_hooks text_writer = {
    .size = sizeof (struct text_writer),
    .open = text_open,
    .cue = text_cue,
    .end = text_end,
    .close = text_close,
};

static const struct tc_optdef text_options[] = {
    { { "text-paragraph-gap", NULL, "text output: join cues into "
                                    "paragraphs, a new one after a pause "
                                    "this long (default: one cue a line)" },
      "duration" },
    { { "text-timestamps", "no", "text output: begin each line or paragraph "
                                 "with its start time, [MM:SS]" }, "bool" },
    { { NULL, NULL, NULL }, NULL }
};

const struct tc_format tc_format_text = {
    .name       = "text",
    .desc       = "plain text, the words alone (write only)",
    .extensions = "txt",
    .writer     = &text_writer,
    .options    = text_options,
};
