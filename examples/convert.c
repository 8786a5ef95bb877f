/* convert.c -- the smallest program using libtranscue: convert one file
 * into another, formats taken from content and file names.
 * Build: cc convert.c $(pkg-config --cflags --libs transcue) */
#include <stdio.h>
#include <transcue.h>

static void
print(const struct tc_diag *d, void *ud)
{
    (void)ud;
    fprintf(stderr, "%s:%lu: %s\n", d->file, d->line, d->message);
}

int
main(int argc, char **argv)
{
    struct tc_ctx *ctx = tc_ctx_new();
    int rc;

    if (argc < 3)
        return 2;
    tc_ctx_set_diag(ctx, print, NULL);
    rc = tc_convert(ctx, argv[1], NULL, argv[2], NULL);
    printf("%s %s\n", tc_version_string(), tc_strerror(rc));
    tc_ctx_free(ctx);
    return rc == TC_OK ? 0 : 1;
}
