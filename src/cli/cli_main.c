/* cli_main.c -- the transcue command: options, diagnostics on stderr, one
 * conversion per input.  It uses only the public library interface. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "transcue.h"
#include "cli_check.h"

#define EXIT_INPUT 1     /* an input could not be converted */
#define EXIT_USAGE 2     /* bad command line */

static const char *progname = "transcue";

struct cli {
    struct tc_ctx *ctx;
    int quiet, verbose;
    int usage_error;
};

static void
print_diag(const struct tc_diag *d, void *ud)
{
    struct cli *cli = ud;

    if (d->sev == TC_SEV_NOTE && !cli->verbose)
        return;
    if (d->sev == TC_SEV_WARNING && cli->quiet)
        return;
    fprintf(stderr, "%s: ", progname);
    if (d->file != NULL) {
        fputs(d->file, stderr);
        if (d->line > 0)
            fprintf(stderr, ":%lu", d->line);
        if (d->line > 0 && d->col > 0)
            fprintf(stderr, ":%u", d->col);
        fputs(": ", stderr);
    }
    fprintf(stderr, "%s: %s", tc_severity_name(d->sev), d->message);
    if (d->detail != NULL)
        fprintf(stderr, ": %s", d->detail);
    fputc('\n', stderr);
}

static void
usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: ", progname);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", progname);
}

static void
help(void)
{
    size_t i;

    printf("Usage: %s [OPTION]... [FILE]...\n"
           "Convert and clean subtitles and transcripts.\n"
           "\n"
           "With no FILE, or when FILE is -, read standard input.  Output goes to\n"
           "standard output unless -o or -d is given.\n"
           "\n"
           "  -f, --from=FORMAT      input format (default: detected from the\n"
           "                         content, then from the file name)\n"
           "  -t, --to=FORMAT        output format (default: from the -o file's\n"
           "                         extension, else srt)\n"
           "  -o, --output=FILE      write to FILE; it is replaced only when the\n"
           "                         conversion succeeds\n"
           "  -d, --output-dir=DIR   convert each FILE into DIR, keeping its name\n"
           "                         with the output format's extension\n"
           "  -F, --filter=NAME[:KEY=VALUE,...]\n"
           "                         apply a cleanup filter; repeatable, applied\n"
           "                         in the order given\n"
           "      --clean            the cleanup preset: tidy, nonspeech, fillers,\n"
           "                         dedupe, merge, wrap, timing\n"
           "      --check            check each FILE against the profile's limits\n"
           "                         and report every violation (with --clean, -F,\n"
           "                         -o, -d or -t: check what the conversion writes)\n"
           "      --report=FORM      --check's report on standard output: json or\n"
           "                         table\n"
           "      --strict           treat every repair warning as an error\n"
           "  -q, --quiet            print errors only\n"
           "  -v, --verbose          also print notes\n"
           "      --list-formats     list the formats and exit\n"
           "      --list-filters     list the filters and their options and exit\n"
           "  -h, --help             display this help and exit\n"
           "  -V, --version          output version information and exit\n"
           "\n"
           "Limits (defaults come from the profile) and format settings:\n",
           progname);
    for (i = 0; tc_option_at(i) != NULL; i++) {
        const struct tc_option *o = tc_option_at(i);
        char left[40];

        snprintf(left, sizeof left, "--%s=VALUE", o->name);
        printf("      %-21s  %s", left, o->help);
        if (o->def != NULL)
            printf(" (default: %s)", o->def);
        putchar('\n');
    }
    printf("\n"
           "Exit status: 0 on success (warnings allowed), 1 when an input could\n"
           "not be converted (or, with --check, a file has more violations than\n"
           "--max-violations allows), 2 on a usage error.\n"
           "\n"
           "Messages have the form 'transcue: FILE:LINE:COL: SEVERITY: TEXT'.\n"
           "See transcue(1) for the formats, filters and profiles.\n");
}

static void
list_formats(void)
{
    size_t i;

    printf("%-8s %-4s %-5s %-16s %s\n", "FORMAT", "READ", "WRITE",
           "EXTENSIONS", "DESCRIPTION");
    for (i = 0; tc_format_at(i) != NULL; i++) {
        const struct tc_format *f = tc_format_at(i);

        printf("%-8s %-4s %-5s %-16s %s\n", tc_format_name(f),
               tc_format_can_read(f) ? "yes" : "no",
               tc_format_can_write(f) ? "yes" : "no",
               tc_format_extensions(f), tc_format_desc(f));
    }
}

static void
list_filters(void)
{
    size_t i;

    for (i = 0; tc_filter_at(i) != NULL; i++) {
        const struct tc_filter *f = tc_filter_at(i);
        const struct tc_option *o;

        printf("%-10s %s\n", tc_filter_name(f), tc_filter_desc(f));
        for (o = tc_filter_options(f); o != NULL && o->name != NULL; o++)
            printf("    %-16s %s%s%s%s\n", o->name, o->help,
                   o->def ? " (default: " : "", o->def ? o->def : "",
                   o->def ? ")" : "");
    }
}

static const struct tc_format *
format_arg(const char *name, int want_write)
{
    const struct tc_format *f = tc_format_find(name);

    if (f == NULL) {
        usage_error("unknown format '%s' (see --list-formats)", name);
        return NULL;
    }
    if (want_write ? !tc_format_can_write(f) : !tc_format_can_read(f)) {
        usage_error(want_write ? "format '%s' cannot be written"
                               : "format '%s' cannot be read", name);
        return NULL;
    }
    return f;
}

/* DIR/base-of-in with the output format's first extension. */
static char *
batch_output(const char *dir, const char *in, const struct tc_format *to)
{
    const char *base = strrchr(in, '/'), *dot, *ext = tc_format_extensions(to);
    size_t stem, extlen = strcspn(ext, " "), size;
    char *out;

    base = base ? base + 1 : in;
    dot = strrchr(base, '.');
    stem = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    size = strlen(dir) + stem + extlen + 3;
    out = malloc(size);
    if (out != NULL)
        snprintf(out, size, "%s/%.*s.%.*s", dir, (int)stem, base, (int)extlen,
                 ext);
    return out;
}

/* mkdir -p */
static int
make_dirs(const char *dir)
{
    char *p = strdup(dir), *q;
    int rc = 0;

    if (p == NULL)
        return -1;
    for (q = p + 1; rc == 0; q++) {
        if (*q != '/' && *q != '\0')
            continue;
        {
            char c = *q;

            *q = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST)
                rc = -1;
            *q = c;
            if (c == '\0')
                break;
        }
    }
    free(p);
    return rc;
}

/* In batch mode every input needs a name of its own in DIR: standard input
 * has none, and a.srt and a.vtt would both become DIR/a.srt. */
static int
check_batch(const char *dir, char **in, int n, const struct tc_format *to)
{
    char **names;
    int i, j, bad = 0;

    if (to == NULL)
        to = tc_format_find("srt");
    names = calloc((size_t)n, sizeof *names);
    if (names == NULL)
        return -1;
    for (i = 0; i < n && !bad; i++) {
        if (strcmp(in[i], "-") == 0) {
            usage_error("%s", "-d needs named input files, not -");
            bad = 1;
            break;
        }
        names[i] = batch_output(dir, in[i], to);
        if (names[i] == NULL) {
            bad = 1;
            break;
        }
        for (j = 0; j < i; j++)
            if (strcmp(names[i], names[j]) == 0) {
                fprintf(stderr, "%s: %s and %s would both be written to "
                        "%s\n", progname, in[j], in[i], names[i]);
                bad = 1;
                break;
            }
    }
    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return bad ? -1 : 0;
}

/* --check: print what the run just checked found; 1 when it passed. */
static int
check_done(struct cli_check *cc, struct tc_ctx *ctx)
{
    struct cli_check_result r;

    cli_check_collect(cc, ctx, &r);
    return cli_check_emit(cc, &r);
}

/* --check without output: read and check each input (several need no
 * -d); the exit status. */
static int
check_files(struct cli_check *cc, struct tc_ctx *ctx, char **in, int n,
            const struct tc_format *from)
{
    int i, status = 0;

    for (i = 0; i < (n > 0 ? n : 1); i++) {
        int rc = tc_check(ctx, n > 0 ? in[i] : NULL, from);

        if (!check_done(cc, ctx) || rc != TC_OK)
            status = EXIT_INPUT;
    }
    return status;
}

enum {
    OPT_LIST_FORMATS = 256, OPT_LIST_FILTERS, OPT_CLEAN, OPT_STRICT,
    OPT_BOM, OPT_CHECK, OPT_REPORT,
    OPT_LIMIT   /* OPT_LIMIT + i: the library's option i */
};

int
main(int argc, char **argv)
{
    static const struct option fixed[] = {
        { "from", required_argument, NULL, 'f' },
        { "to", required_argument, NULL, 't' },
        { "output", required_argument, NULL, 'o' },
        { "output-dir", required_argument, NULL, 'd' },
        { "filter", required_argument, NULL, 'F' },
        { "clean", no_argument, NULL, OPT_CLEAN },
        { "strict", no_argument, NULL, OPT_STRICT },
        { "check", no_argument, NULL, OPT_CHECK },
        { "report", required_argument, NULL, OPT_REPORT },
        { "bom", optional_argument, NULL, OPT_BOM },  /* before the row */
        { "quiet", no_argument, NULL, 'q' },
        { "verbose", no_argument, NULL, 'v' },
        { "list-formats", no_argument, NULL, OPT_LIST_FORMATS },
        { "list-filters", no_argument, NULL, OPT_LIST_FILTERS },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
    };
    static const char *const clean_chain[] = {
        "tidy", "nonspeech", "fillers", "dedupe", "merge", "wrap", "timing",
    };
    const size_t nfixed = sizeof fixed / sizeof fixed[0];
    struct option *longopts;
    struct cli cli;
    struct cli_check cc;
    const struct tc_format *from = NULL, *to = NULL;
    const char *out = NULL, *dir = NULL;
    const char **specs;
    size_t nlimits = 0, nspecs = 0, i;
    int c, status = 0, clean = 0, writes;

    memset(&cli, 0, sizeof cli);
    memset(&cc, 0, sizeof cc);
    while (tc_option_at(nlimits) != NULL)
        nlimits++;
    longopts = calloc(nfixed + nlimits + 1, sizeof *longopts);
    specs = calloc((size_t)argc + 1, sizeof *specs);
    cli.ctx = tc_ctx_new();
    if (longopts == NULL || specs == NULL || cli.ctx == NULL) {
        fprintf(stderr, "%s: out of memory\n", progname);
        return EXIT_INPUT;
    }
    memcpy(longopts, fixed, sizeof fixed);
    for (i = 0; i < nlimits; i++) {
        longopts[nfixed + i].name = tc_option_at(i)->name;
        longopts[nfixed + i].has_arg = required_argument;
        longopts[nfixed + i].val = OPT_LIMIT + (int)i;
    }
    tc_ctx_set_diag(cli.ctx, print_diag, &cli);

    while ((c = getopt_long(argc, argv, "f:t:o:d:F:qvhV", longopts, NULL)) !=
           -1) {
        switch (c) {
        case 'f':
            from = format_arg(optarg, 0);
            if (from == NULL)
                goto usage;
            break;
        case 't':
            to = format_arg(optarg, 1);
            if (to == NULL)
                goto usage;
            break;
        case 'o':
            out = optarg;
            break;
        case 'd':
            dir = optarg;
            break;
        case 'F':
            specs[nspecs++] = optarg;   /* added after the --clean preset */
            break;
        case OPT_CLEAN:
            clean = 1;
            break;
        case OPT_STRICT:
            tc_ctx_set_strict(cli.ctx, 1);
            break;
        case OPT_CHECK:
            cc.on = 1;
            break;
        case OPT_REPORT:
            if (cli_check_report_arg(&cc, optarg) != 0) {
                usage_error("--report=%s: expected json or table", optarg);
                goto usage;
            }
            break;
        case OPT_BOM:
            if (tc_ctx_set_option(cli.ctx, "bom", optarg ? optarg : "yes") !=
                TC_OK)
                goto usage_quiet;
            break;
        case 'q':
            cli.quiet = 1;
            break;
        case 'v':
            cli.verbose = 1;
            break;
        case OPT_LIST_FORMATS:
            list_formats();
            goto done;
        case OPT_LIST_FILTERS:
            list_filters();
            goto done;
        case 'h':
            help();
            goto done;
        case 'V':
            printf("transcue %s\n", tc_version_string());
            goto done;
        default:
            if (c >= OPT_LIMIT && c < OPT_LIMIT + (int)nlimits) {
                const char *name =
                    tc_option_at((size_t)(c - OPT_LIMIT))->name;

                if (tc_ctx_set_option(cli.ctx, name, optarg) != TC_OK)
                    goto usage_quiet;
                if (cli_check_implied(name))
                    cc.on = 1;
                break;
            }
            goto usage_quiet;
        }
    }
    /* the preset runs first; filters named with -F follow it in order */
    for (i = 0; clean && i < sizeof clean_chain / sizeof clean_chain[0]; i++)
        if (tc_ctx_add_filter(cli.ctx, clean_chain[i]) != TC_OK)
            goto usage_quiet;
    for (i = 0; i < nspecs; i++)
        if (tc_ctx_add_filter(cli.ctx, specs[i]) != TC_OK)
            goto usage_quiet;
    if (out != NULL && dir != NULL) {
        usage_error("%s", "-o and -d cannot be used together");
        goto usage_quiet;
    }
    if (out != NULL && argc - optind > 1) {
        usage_error("%s", "-o takes one input; use -d DIR for several");
        goto usage_quiet;
    }
    if (dir != NULL && argc - optind < 1) {
        usage_error("%s", "-d needs input files");
        goto usage_quiet;
    }
    /* --check alone reads and reports; asked for output, the conversion
     * runs as usual and what it writes is checked */
    writes = clean || nspecs > 0 || out || dir || to;
    if (cc.on && (cc.json || cc.table) && writes && !out && !dir) {
        usage_error("%s", "--report writes to standard output; give the "
                    "converted output -o FILE or -d DIR");
        goto usage_quiet;
    }
    tc_ctx_set_check(cli.ctx, cc.on);
    cc.quiet = cli.quiet;
    if (tc_ctx_check(cli.ctx) != TC_OK)
        goto usage_quiet;
    if (cc.on && cli_check_begin(&cc, cli.ctx) != 0)
        goto usage_quiet;
    if (cc.on && !writes) {
        status = check_files(&cc, cli.ctx, argv + optind, argc - optind,
                             from);
        goto done;
    }
    if (dir != NULL && check_batch(dir, argv + optind, argc - optind,
                                   to) != 0)
        goto usage_quiet;
    if (dir != NULL && make_dirs(dir) != 0) {
        fprintf(stderr, "%s: %s: cannot create directory: %s\n", progname,
                dir, strerror(errno));
        status = EXIT_INPUT;
        goto done;
    }
    if (dir == NULL && out == NULL && argc - optind > 1) {
        usage_error("%s", "several inputs need -d DIR");
        goto usage_quiet;
    }
    if (argc - optind == 0) {
        if (tc_convert(cli.ctx, NULL, from, out, to) != TC_OK)
            status = EXIT_INPUT;
        if (cc.on && !check_done(&cc, cli.ctx))
            status = EXIT_INPUT;
        goto done;
    }
    for (i = (size_t)optind; i < (size_t)argc; i++) {
        char *dest = NULL;
        int rc;

        if (dir != NULL) {
            if (to == NULL)
                to = tc_format_find("srt");
            dest = batch_output(dir, argv[i], to);
            if (dest == NULL) {
                fprintf(stderr, "%s: out of memory\n", progname);
                status = EXIT_INPUT;
                break;
            }
        }
        rc = tc_convert(cli.ctx, argv[i], from, dest ? dest : out, to);
        if (rc != TC_OK)
            status = EXIT_INPUT;
        if (cc.on && !check_done(&cc, cli.ctx))
            status = EXIT_INPUT;
        free(dest);
    }
    goto done;
usage:
usage_quiet:
    status = EXIT_USAGE;
done:
    if (cc.on && status != EXIT_USAGE)
        cli_check_end(&cc, cli.ctx);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: write error on standard output: %s\n",
                progname, strerror(errno));
        if (status == 0)
            status = EXIT_INPUT;
    }
    tc_ctx_free(cli.ctx);
    free(longopts);
    free(specs);
    return status;
}
