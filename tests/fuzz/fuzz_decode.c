/* fuzz_decode.c -- libFuzzer harness for the decoding front end
 * (src/source.c), checking what it promises rather than only surviving:
 * every line is valid UTF-8 without NUL, CR or LF, and NUL-terminated.
 *
 * The first input byte picks the encoding settings (low 3 bits), the
 * interface (0x08: raw decoded bytes instead of lines), --strict (0x10)
 * and whether a line is given back and read again (0x20). */
#include "config.h"

#include <stdint.h>

#include "format.h"
#include "fuzz_util.h"

static const struct {
    const char *key, *value;
} settings[8] = {
    { NULL, NULL },                              /* detect */
    { "encoding", "UTF-8" },
    { "encoding", "UTF-16LE" },
    { "encoding", "BIG5" },
    { "encoding", "SHIFT_JIS" },
    { "fallback-encoding", "windows-1250" },
    { "encoding", "UTF-32BE" },
    { "encoding", "windows-1252" },
};

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    return 0;
}

static void
check_line(const char *l, size_t n)
{
    if (l[n] != '\0' || memchr(l, '\0', n) != NULL ||
        memchr(l, '\n', n) != NULL || memchr(l, '\r', n) != NULL ||
        tc_utf8_valid(l, n) != n)
        abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct tc_ctx *ctx;
    struct tc_source *src = NULL;
    uint8_t sel;

    if (size == 0)
        return 0;
    sel = data[0];
    ctx = tc_ctx_new();
    if (ctx == NULL)
        abort();
    if (settings[sel & 7].key != NULL &&
        tc_ctx_set_option(ctx, settings[sel & 7].key,
                          settings[sel & 7].value) != TC_OK)
        abort();
    tc_ctx_set_strict(ctx, (sel & 0x10) != 0);
    if (tc_source_open(ctx, fuzz_input(data + 1, size - 1), &src) != TC_OK)
        abort();
    if (sel & 0x08) {
        char chunk[37];
        long r;

        while ((r = tc_source_read(src, chunk, sizeof chunk)) > 0)
            ;
    } else {
        const char *l;
        size_t n;
        int got, again = (sel & 0x20) != 0;

        while ((got = tc_lines_next(src, &l, &n)) == 1) {
            check_line(l, n);
            if (again) {
                tc_lines_unread(src);
                if (tc_lines_next(src, &l, &n) != 1)
                    abort();
                check_line(l, n);
            }
            again = !again && (sel & 0x20);
        }
        if (got < 0 && !(sel & 0x10) && got != TC_ERR_LIMIT)
            abort();     /* only --strict or a limit may stop the lines */
    }
    tc_source_free(src);
    tc_ctx_free(ctx);
    return 0;
}
