/* edit.c -- libtranscue in memory: parse subtitles held in a buffer, edit
 * the cues, and write them in another format to memory.  No file is read
 * or written.
 * Build: cc edit.c $(pkg-config --cflags --libs transcue) -o edit
 * Run:   ./edit            (prints WebVTT on standard output) */
#include <stdio.h>
#include <string.h>
#include <transcue.h>

#if !TC_CHECK_VERSION(0, 2, 0)
# error "this example needs libtranscue 0.2 or later"
#endif

static const char input[] =
    "1\n"
    "00:00:01,000 --> 00:00:03,000\n"
    "Hello, <i>world</i>!\n"
    "\n"
    "2\n"
    "00:00:03,500 --> 00:00:05,000\n"
    "Is anybody there?\n";

static void
print_diag(const struct tc_diag *d, void *ud)
{
    (void)ud;
    fprintf(stderr, "edit: %lu: %s: %s%s%s\n", d->line,
            tc_severity_name(d->sev), d->message, d->detail ? ": " : "",
            d->detail ? d->detail : "");
}

int
main(void)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct tc_reader *r = NULL;
    struct tc_writer *w = NULL;
    struct tc_cue *cue;
    const char *out;
    size_t len;
    int rc;

    if (ctx == NULL)
        return 1;
    tc_ctx_set_diag(ctx, print_diag, NULL);
    /* the format is detected from the bytes; the writer writes WebVTT */
    rc = tc_reader_new(ctx, NULL, &r);
    if (rc == TC_OK)
        rc = tc_reader_feed(r, input, sizeof input - 1);
    if (rc == TC_OK)
        rc = tc_reader_feed_end(r);
    if (rc == TC_OK)
        rc = tc_writer_new(ctx, tc_format_find("vtt"), &w);
    while (rc == TC_OK && (rc = tc_reader_next(r, &cue)) == TC_OK) {
        struct tc_style said = { 0, 0, "Narrator", NULL, NULL,
                                 TC_TIME_NONE };
        char *text = tc_cue_text(cue);

        /* edits: everything one second later; a question shown at the
         * top; a speaker's line added below the text */
        tc_cue_set_times(cue, tc_cue_start(cue) + 1000,
                         tc_cue_end(cue) + 1000);
        if (text != NULL && strchr(text, '?') != NULL) {
            struct tc_place p;

            tc_cue_place(cue, &p);
            p.vpos = TC_VPOS_TOP;
            tc_cue_set_place(cue, &p);
        }
        tc_free(text);
        rc = tc_cue_append(cue, "\n", 1, NULL);
        if (rc == TC_OK)
            rc = tc_cue_append(cue, "(said slowly)", 13, &said);
        if (rc == TC_OK)
            rc = tc_writer_put(w, cue);      /* the writer takes the cue */
        else
            tc_cue_free(cue);
    }
    if (rc == TC_END)
        rc = tc_writer_finish(w);
    if (rc == TC_OK) {
        out = tc_writer_data(w, &len);
        fwrite(out, 1, len, stdout);
    } else {
        fprintf(stderr, "edit: %s\n", tc_strerror(rc));
    }
    tc_writer_free(w);
    tc_reader_free(r);
    tc_ctx_free(ctx);
    return rc == TC_OK ? 0 : 1;
}
