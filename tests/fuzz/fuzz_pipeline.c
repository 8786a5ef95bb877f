/* fuzz_pipeline.c -- libFuzzer harness for the whole conversion: format
 * detection, the reader, the --clean filter chain (the filters of it that
 * exist in this build) and a writer.
 *
 * The first input byte picks the writer among the registry's writable
 * formats (low bits) and the settings: --strict (0x80), a windows-1252
 * output encoding (0x40) and --check with its JSON report and table
 * (0x20).  The rest is the input file. */
#include "config.h"

#include <stdint.h>

#include "transcue.h"
#include "fuzz_util.h"

/* The chain of --clean in src/cli/cli_main.c. */
static const char *const clean_chain[] = {
    "tidy", "nonspeech", "fillers", "dedupe", "merge", "wrap", "timing",
};
static const char *usable[sizeof clean_chain / sizeof clean_chain[0]];
static size_t nusable;
static const struct tc_format *writers[64];
static size_t nwriters;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A filter not written yet refuses to start; leave it out so that the rest
 * of the chain is fuzzed. */
static int
filter_works(const char *name)
{
    static const char srt[] = "1\n00:00:01,000 --> 00:00:02,000\nHi\n";
    struct tc_ctx *ctx = tc_ctx_new();
    int rc;

    if (ctx == NULL || tc_ctx_add_filter(ctx, name) != TC_OK)
        abort();
    rc = tc_convert(ctx, fuzz_input((const uint8_t *)srt, sizeof srt - 1),
                    tc_format_find("srt"), NULL, tc_format_find("srt"));
    tc_ctx_free(ctx);
    return rc == TC_OK;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    size_t i;

    (void)argc;
    (void)argv;
    fuzz_setup();
    for (i = 0; tc_format_at(i) != NULL && nwriters < 64; i++)
        if (tc_format_can_write(tc_format_at(i)))
            writers[nwriters++] = tc_format_at(i);
    for (i = 0; i < sizeof clean_chain / sizeof clean_chain[0]; i++)
        if (filter_works(clean_chain[i]))
            usable[nusable++] = clean_chain[i];
    fprintf(stderr, "fuzz_pipeline: %zu writers, %zu of %zu --clean "
            "filters\n", nwriters, nusable,
            sizeof clean_chain / sizeof clean_chain[0]);
    if (nwriters == 0)
        exit(2);
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct tc_ctx *ctx;
    uint8_t sel;
    size_t i;

    if (size == 0)
        return 0;
    sel = data[0];
    ctx = tc_ctx_new();
    if (ctx == NULL)
        abort();
    for (i = 0; i < nusable; i++)
        if (tc_ctx_add_filter(ctx, usable[i]) != TC_OK)
            abort();
    if (sel & 0x80)
        tc_ctx_set_strict(ctx, 1);
    if ((sel & 0x40) &&
        tc_ctx_set_option(ctx, "output-encoding", "windows-1252") != TC_OK)
        abort();
    if (sel & 0x20)
        tc_ctx_set_check(ctx, 1);
    tc_convert(ctx, fuzz_input(data + 1, size - 1), NULL, NULL,
               writers[(sel & 0x1F) % nwriters]);
    if (sel & 0x20) {
        tc_free(tc_check_report(ctx, TC_REPORT_JSON_FILE));
        tc_free(tc_check_report(ctx, TC_REPORT_TABLE));
    }
    tc_ctx_free(ctx);
    return 0;
}
