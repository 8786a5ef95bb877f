/* fuzz_reader.c -- libFuzzer harness for one reader.
 *
 * The reader is the format named by TC_FUZZ_FORMAT in the environment
 * (run-fuzz.sh runs one instance per readable format), else the one picked
 * by the first input byte among the readable formats of the registry, so
 * readers added later are fuzzed without changing this file.  The cues go
 * through the same format's writer when it has one (else SRT's), so a
 * reader and writer pair is fuzzed together. */
#include "config.h"

#include <stdint.h>

#include "transcue.h"
#include "fuzz_util.h"

static const struct tc_format *fixed_format;
static const struct tc_format *readers[64];
static size_t nreaders;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *name = getenv("TC_FUZZ_FORMAT");
    size_t i;

    (void)argc;
    (void)argv;
    fuzz_setup();
    for (i = 0; tc_format_at(i) != NULL && nreaders < 64; i++)
        if (tc_format_can_read(tc_format_at(i)))
            readers[nreaders++] = tc_format_at(i);
    if (name != NULL && *name != '\0') {
        fixed_format = tc_format_find(name);
        if (fixed_format == NULL || !tc_format_can_read(fixed_format)) {
            fprintf(stderr, "fuzz_reader: no reader named '%s'\n", name);
            exit(2);
        }
    }
    if (nreaders == 0)
        exit(2);
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct tc_format *from = fixed_format, *to;
    struct tc_ctx *ctx;

    if (from == NULL) {
        if (size == 0)
            return 0;
        from = readers[data[0] % nreaders];
        data++;
        size--;
    }
    to = tc_format_can_write(from) ? from : tc_format_find("srt");
    ctx = tc_ctx_new();
    if (ctx == NULL)
        abort();
    tc_convert(ctx, fuzz_input(data, size), from, NULL, to);
    tc_ctx_free(ctx);
    return 0;
}
