/* cli_main.c -- the transcue command: options, the list of conversions
 * (jobs) they ask for, and the checks made before any file is touched.
 * walk.c finds the files of -r, batch.c runs the jobs.  The command uses
 * only the public library interface. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

const char *const cli_progname = "transcue";
#define progname cli_progname

int
cli_diag_shown(const struct cli *cli, const struct tc_diag *d)
{
    if (d->sev == TC_SEV_NOTE && !cli->verbose)
        return 0;
    if (d->sev == TC_SEV_WARNING && cli->quiet)
        return 0;
    return 1;
}

void
cli_print_diag(const struct cli *cli, const struct tc_diag *d, FILE *f)
{
    if (!cli_diag_shown(cli, d))
        return;
    fprintf(f, "%s: ", progname);
    if (d->file != NULL) {
        fputs(d->file, f);
        if (d->line > 0)
            fprintf(f, ":%lu", d->line);
        if (d->line > 0 && d->col > 0)
            fprintf(f, ":%u", d->col);
        fputs(": ", f);
    }
    fputs(tc_severity_name(d->sev), f);
    /* a plain note says "note: DETAIL", not "note: note: DETAIL" */
    if (d->detail == NULL || strcmp(d->message, tc_severity_name(d->sev)))
        fprintf(f, ": %s", d->message);
    if (d->detail != NULL)
        fprintf(f, ": %s", d->detail);
    fputc('\n', f);
}

static void
print_diag(const struct tc_diag *d, void *ud)
{
    cli_print_diag(ud, d, stderr);
}

struct tc_ctx *
cli_ctx_new(const struct cli *cli, tc_diag_fn fn, void *ud)
{
    struct tc_ctx *ctx = tc_ctx_new();
    size_t i;
    int rc = TC_OK;

    if (ctx == NULL)
        return NULL;
    tc_ctx_set_diag(ctx, fn, ud);
    tc_ctx_set_strict(ctx, cli->strict);
    tc_ctx_set_check(ctx, cli->check->on);
    /* an in-place file must survive a crash: old content or new */
    tc_ctx_set_sync(ctx, cli->in_place);
    for (i = 0; i < cli->nsettings && rc == TC_OK; i++)
        rc = tc_ctx_set_option(ctx, cli->settings[i].key,
                               cli->settings[i].value);
    /* the preset runs first; filters named with -F follow it in order */
    if (cli->clean && rc == TC_OK)
        rc = tc_ctx_add_preset(ctx, "clean");
    for (i = 0; i < cli->nspecs && rc == TC_OK; i++)
        rc = tc_ctx_add_filter(ctx, cli->specs[i]);
    if (rc == TC_OK && cli->backup != NULL)
        rc = tc_ctx_set_backup(ctx, cli->backup);
    if (rc != TC_OK) {
        tc_ctx_free(ctx);
        return NULL;
    }
    return ctx;
}

/* ---- lists ------------------------------------------------------------- */

int
cli_strv_add(struct strv *sv, const char *s)
{
    char *copy;

    if (sv->n == sv->cap) {
        size_t cap = sv->cap ? sv->cap * 2 : 16;
        char **v = realloc(sv->v, cap * sizeof *v);

        if (v == NULL)
            return -1;
        sv->v = v;
        sv->cap = cap;
    }
    copy = strdup(s);
    if (copy == NULL)
        return -1;
    sv->v[sv->n++] = copy;
    return 0;
}

void
cli_strv_free(struct strv *sv)
{
    size_t i;

    for (i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    memset(sv, 0, sizeof *sv);
}

int
cli_jobs_add(struct jobs *js, const char *in, const char *out)
{
    struct job *j;

    if (js->n == js->cap) {
        size_t cap = js->cap ? js->cap * 2 : 16;
        struct job *v = realloc(js->v, cap * sizeof *v);

        if (v == NULL)
            return -1;
        js->v = v;
        js->cap = cap;
    }
    j = &js->v[js->n];
    memset(j, 0, sizeof *j);
    j->in = strdup(in);
    j->out = out != NULL ? strdup(out) : NULL;
    if (j->in == NULL || (out != NULL && j->out == NULL)) {
        free(j->in);
        free(j->out);
        return -1;
    }
    js->n++;
    return 0;
}

int
cli_jobs_add_error(struct jobs *js, const char *in, const char *msg)
{
    if (cli_jobs_add(js, in, NULL) != 0)
        return -1;
    js->v[js->n - 1].error = strdup(msg);
    return js->v[js->n - 1].error != NULL ? 0 : -1;
}

void
cli_jobs_free(struct jobs *js)
{
    size_t i;

    for (i = 0; i < js->n; i++) {
        free(js->v[i].in);
        free(js->v[i].out);
        free(js->v[i].error);
        free(js->v[i].msgs);
        cli_check_result_free(&js->v[i].check);
    }
    free(js->v);
    memset(js, 0, sizeof *js);
}

static void
usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: ", progname);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", progname);
}

/* One option of --help: "      LEFT  TEXT", TEXT wrapped at 79 columns
 * under column 25, and on a line of its own when LEFT is too wide. */
static void
help_item(const char *left, const char *text)
{
    enum { INDENT = 25, WIDTH = 79 };
    int col;

    col = printf("      %s", left);
    if (col + 2 > INDENT) {
        printf("\n%*s", INDENT, "");
    } else {
        printf("%*s", INDENT - col, "");
    }
    col = INDENT;
    while (*text != '\0') {
        size_t n = strcspn(text, " ");

        if (col > INDENT && col + 1 + (int)n > WIDTH) {
            printf("\n%*s", INDENT, "");
            col = INDENT;
        } else if (col > INDENT) {
            putchar(' ');
            col++;
        }
        printf("%.*s", (int)n, text);
        col += (int)n;
        text += n;
        while (*text == ' ')
            text++;
    }
    putchar('\n');
}

/* Is o one of a format's own options? */
static int
format_option(const struct tc_option *o)
{
    const struct tc_option *f;
    size_t i, k;

    for (i = 0; tc_format_at(i) != NULL; i++)
        for (k = 0; (f = tc_format_option_at(tc_format_at(i), k)); k++)
            if (f == o)
                return 1;
    return 0;
}

static void
help_option(const struct tc_option *o)
{
    char left[48], text[512];

    snprintf(left, sizeof left, "--%s=VALUE", o->name);
    snprintf(text, sizeof text, "%s%s%s%s", o->help,
             o->def ? " (default: " : "", o->def ? o->def : "",
             o->def ? ")" : "");
    help_item(left, text);
}

static void
help(void)
{
    size_t i;

    printf("Usage: %s [OPTION]... [FILE]...\n"
           "Convert and clean subtitles and transcripts.\n"
           "\n"
           "With no FILE, or when FILE is -, read standard input.  Output goes to\n"
           "standard output unless -o, -d or -i is given.\n"
           "\n"
           "  -f, --from=FORMAT      input format (default: detected from the\n"
           "                         content, then from the file name)\n"
           "  -t, --to=FORMAT        output format (default: from the -o file's\n"
           "                         extension, else srt)\n"
           "  -o, --output=FILE      write to FILE; it is replaced only when the\n"
           "                         conversion succeeds\n"
           "  -d, --output-dir=DIR   convert each FILE into DIR, keeping its name\n"
           "                         with the output format's extension\n"
           "  -r, --recursive        convert the files in directories and below;\n"
           "                         with -d the tree is mirrored in DIR\n"
           "  -i, --in-place         rewrite each FILE in its own format\n"
           "      --backup[=SUFFIX]  with -i, keep the original as FILE~ (or\n"
           "                         FILE and SUFFIX)\n"
           "  -j, --jobs=N           convert N files at a time (default: the\n"
           "                         number of processors)\n"
           "  -F, --filter=NAME[:KEY=VALUE,...]\n"
           "                         apply a cleanup filter; repeatable, applied\n"
           "                         in the order given\n"
           "      --clean            the cleanup preset: tidy, nonspeech, fillers,\n"
           "                         dedupe, merge, wrap, timing\n"
           "      --check            check each FILE against the profile's limits\n"
           "                         and report every violation (with --clean, -F,\n"
           "                         -o, -d, -i or -t: check what the conversion\n"
           "                         writes)\n"
           "      --report=FORM      --check's report on standard output: json or\n"
           "                         table\n"
           "      --strict           treat every repair warning as an error\n"
           "  -q, --quiet            print errors only (no progress, no summary)\n"
           "  -v, --verbose          also print notes\n"
           "      --list-formats     list the formats and exit\n"
           "      --list-filters     list the filters and their options and exit\n"
           "  -h, --help             display this help and exit\n"
           "  -V, --version          output version information and exit\n"
           "\n"
           "Limits (defaults come from the profile) and settings:\n",
           progname);
    for (i = 0; tc_option_at(i) != NULL; i++)
        if (!format_option(tc_option_at(i)))
            help_option(tc_option_at(i));
    printf("\nFormat settings (each read by that format's reader or "
           "writer):\n");
    for (i = 0; tc_format_at(i) != NULL; i++) {
        const struct tc_option *o;
        size_t k;

        for (k = 0; (o = tc_format_option_at(tc_format_at(i), k)); k++)
            help_option(o);
    }
    printf("\n"
           "Exit status: 0 on success (warnings allowed), 1 when an input could\n"
           "not be converted (the others still are) or, with --check, a file has\n"
           "more violations than --max-violations allows, 2 on a usage error.\n"
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
        size_t k;

        printf("%-10s %s\n", tc_filter_name(f), tc_filter_desc(f));
        for (k = 0; (o = tc_filter_option_at(f, k)) != NULL; k++)
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
    if (want_write && !tc_format_can_write(f)) {
        usage_error("format '%s' cannot be written", name);
        return NULL;
    }
    if (!want_write && !tc_format_can_read(f)) {
        if (tc_format_can_write(f))
            usage_error("format '%s' cannot be read, only written "
                        "(see --list-formats)", name);
        else
            usage_error("format '%s' cannot be read", name);
        return NULL;
    }
    return f;
}

char *
cli_output_name(const char *dir, const char *rel, const struct tc_format *to)
{
    const char *base = strrchr(rel, '/'), *dot, *ext;
    size_t stem, extlen, dirlen = strlen(dir), size;
    char *out;

    if (to == NULL)
        to = tc_format_find("srt");
    ext = tc_format_extensions(to);
    extlen = strcspn(ext, " ");
    base = base ? base + 1 : rel;
    dot = strrchr(base, '.');
    stem = (size_t)(base - rel) +
           (dot && dot != base ? (size_t)(dot - base) : strlen(base));
    while (dirlen > 1 && dir[dirlen - 1] == '/')
        dirlen--;
    size = dirlen + stem + extlen + 3;
    out = malloc(size);
    if (out != NULL)
        snprintf(out, size, "%.*s/%.*s.%.*s", (int)dirlen, dir, (int)stem,
                 rel, (int)extlen, ext);
    return out;
}

static int
cmp_out(const void *a, const void *b)
{
    const struct job *x = *(const struct job *const *)a;
    const struct job *y = *(const struct job *const *)b;

    return strcmp(x->out, y->out);
}

/* Every input needs an output of its own: a.srt and a.vtt would both
 * become DIR/a.srt.  Sorted, so that ten thousand files take no time. */
static int
check_clashes(const struct jobs *js)
{
    const struct job **v = malloc((js->n + 1) * sizeof *v);
    size_t i, n = 0;
    int bad = 0;

    if (v == NULL)
        return -1;
    for (i = 0; i < js->n; i++)
        if (js->v[i].out != NULL)
            v[n++] = &js->v[i];
    qsort(v, n, sizeof *v, cmp_out);
    for (i = 1; i < n; i++)
        if (strcmp(v[i - 1]->out, v[i]->out) == 0) {
            /* name them in the order given */
            const struct job *a = v[i - 1] < v[i] ? v[i - 1] : v[i];
            const struct job *b = v[i - 1] < v[i] ? v[i] : v[i - 1];

            fprintf(stderr, "%s: %s and %s would both be written to %s\n",
                    progname, a->in, b->in, a->out);
            bad = 1;
        }
    free(v);
    return bad ? -1 : 0;
}

static void
quiet_diag(const struct tc_diag *d, void *ud)
{
    (void)d;
    (void)ud;
}

/* -i keeps each file's format: a --to that differs from one of them is a
 * mistake to catch before any file is rewritten. */
static int
check_in_place(const struct cli *cli, const struct jobs *js)
{
    struct tc_ctx *ctx;
    size_t i;
    int bad = 0;

    if (cli->to == NULL)
        return 0;
    if (cli->from != NULL) {
        if (cli->from == cli->to)
            return 0;
        fprintf(stderr, "%s: -i keeps each file's format (%s here); use -d "
                "DIR to write %s\n", progname, tc_format_name(cli->from),
                tc_format_name(cli->to));
        return -1;
    }
    ctx = cli_ctx_new(cli, quiet_diag, NULL);
    if (ctx == NULL)
        return -1;
    for (i = 0; i < js->n && !bad; i++) {
        const struct tc_format *f;

        /* one that cannot be read fails in its turn, with its reason */
        if (js->v[i].error != NULL ||
            tc_detect_format(ctx, js->v[i].in, &f, NULL) != TC_OK ||
            f == cli->to)
            continue;
        fprintf(stderr, "%s: %s is %s and -i keeps each file's format; use "
                "-d DIR to write %s\n", progname, js->v[i].in,
                tc_format_name(f), tc_format_name(cli->to));
        bad = 1;
    }
    tc_ctx_free(ctx);
    return bad ? -1 : 0;
}

/* The jobs the file arguments ask for. */
static int
make_jobs(const struct cli *cli, char **args, int n, struct jobs *js)
{
    int i;

    if (n == 0)
        return cli_jobs_add(js, "-", cli->out);
    /* --check alone writes nothing: out stays NULL */
    for (i = 0; i < n; i++) {
        const char *a = args[i];
        struct stat st;
        int rc;

        if (strcmp(a, "-") != 0 && stat(a, &st) == 0 &&
            S_ISDIR(st.st_mode)) {
            rc = cli->recursive
                     ? cli_walk(cli, a, js)
                     : cli_jobs_add_error(js, a, "is a directory; use -r "
                                          "to convert the files in it");
        } else if (cli->dir != NULL) {
            const char *base = strrchr(a, '/');
            char *out = cli_output_name(cli->dir, base ? base + 1 : a,
                                        cli->to);

            rc = out != NULL ? cli_jobs_add(js, a, out) : -1;
            free(out);
        } else {
            rc = cli_jobs_add(js, a, cli->in_place ? a : cli->out);
        }
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* The directories the outputs go to; those made are removed again at the
 * end if they stayed empty (every file in them failed). */
static int
make_out_dirs(const struct cli *cli, const struct jobs *js,
              struct strv *made)
{
    const char *last = NULL;
    size_t last_len = 0, i;

    if (cli_make_dirs(cli->dir, made) != 0) {
        fprintf(stderr, "%s: %s: cannot create directory: %s\n", progname,
                cli->dir, strerror(errno));
        return -1;
    }
    for (i = 0; i < js->n; i++) {
        const char *o = js->v[i].out, *slash;
        char *d;
        int rc;

        if (o == NULL || (slash = strrchr(o, '/')) == NULL)
            continue;
        /* the walk lists a directory's files together */
        if (last != NULL && (size_t)(slash - o) == last_len &&
            strncmp(o, last, last_len) == 0)
            continue;
        last = o;
        last_len = (size_t)(slash - o);
        d = strndup(o, last_len);
        if (d == NULL)
            return -1;
        rc = cli_make_dirs(d, made);
        if (rc != 0)
            fprintf(stderr, "%s: %s: cannot create directory: %s\n",
                    progname, d, strerror(errno));
        free(d);
        if (rc != 0)
            return -1;
    }
    return 0;
}

enum {
    OPT_LIST_FORMATS = 256, OPT_LIST_FILTERS, OPT_CLEAN, OPT_STRICT,
    OPT_BOM, OPT_BACKUP, OPT_CHECK, OPT_REPORT,
    OPT_LIMIT   /* OPT_LIMIT + i: the library's option i */
};

static int
jobs_arg(const char *s)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || n < 1 || n > 1024)
        return -1;
    return (int)n;
}

int
main(int argc, char **argv)
{
    static const struct option fixed[] = {
        { "from", required_argument, NULL, 'f' },
        { "to", required_argument, NULL, 't' },
        { "output", required_argument, NULL, 'o' },
        { "output-dir", required_argument, NULL, 'd' },
        { "recursive", no_argument, NULL, 'r' },
        { "in-place", no_argument, NULL, 'i' },
        { "backup", optional_argument, NULL, OPT_BACKUP },
        { "jobs", required_argument, NULL, 'j' },
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
    const size_t nfixed = sizeof fixed / sizeof fixed[0];
    struct option *longopts;
    struct cli cli;
    struct cli_check cc;
    struct jobs js = { NULL, 0, 0 };
    struct strv made = { NULL, 0, 0 };
    struct tc_ctx *ctx = NULL;
    size_t nlimits = 0, i;
    int c, status = 0, nargs;

    /* a reader that goes away is seen as EPIPE and ends the run quietly
     * (an abrupt SIGPIPE would leave temporary files behind) */
    signal(SIGPIPE, SIG_IGN);
    memset(&cli, 0, sizeof cli);
    memset(&cc, 0, sizeof cc);
    cli.check = &cc;
    while (tc_option_at(nlimits) != NULL)
        nlimits++;
    longopts = calloc(nfixed + nlimits + 1, sizeof *longopts);
    cli.specs = calloc((size_t)argc + 1, sizeof *cli.specs);
    cli.settings = calloc((size_t)argc + 1, sizeof *cli.settings);
    if (longopts == NULL || cli.specs == NULL || cli.settings == NULL) {
        fprintf(stderr, "%s: out of memory\n", progname);
        return EXIT_INPUT;
    }
    memcpy(longopts, fixed, sizeof fixed);
    for (i = 0; i < nlimits; i++) {
        longopts[nfixed + i].name = tc_option_at(i)->name;
        longopts[nfixed + i].has_arg = required_argument;
        longopts[nfixed + i].val = OPT_LIMIT + (int)i;
    }

    while ((c = getopt_long(argc, argv, "f:t:o:d:rij:F:qvhV", longopts,
                            NULL)) != -1) {
        switch (c) {
        case 'f':
            cli.from = format_arg(optarg, 0);
            if (cli.from == NULL)
                goto usage;
            break;
        case 't':
            cli.to = format_arg(optarg, 1);
            if (cli.to == NULL)
                goto usage;
            break;
        case 'o':
            cli.out = optarg;
            break;
        case 'd':
            cli.dir = optarg;
            break;
        case 'r':
            cli.recursive = 1;
            break;
        case 'i':
            cli.in_place = 1;
            break;
        case OPT_BACKUP:
            cli.backup = optarg != NULL ? optarg : "~";
            break;
        case 'j':
            cli.jobs = jobs_arg(optarg);
            if (cli.jobs < 0) {
                usage_error("-j wants a number of files at a time from 1 "
                            "to 1024, not '%s'", optarg);
                goto usage;
            }
            break;
        case 'F':
            cli.specs[cli.nspecs++] = optarg;
            break;
        case OPT_CLEAN:
            cli.clean = 1;
            break;
        case OPT_STRICT:
            cli.strict = 1;
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
            cli.settings[cli.nsettings].key = "bom";
            cli.settings[cli.nsettings++].value = optarg ? optarg : "yes";
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
                cli.settings[cli.nsettings].key =
                    tc_option_at((size_t)(c - OPT_LIMIT))->name;
                cli.settings[cli.nsettings++].value = optarg;
                if (cli_check_implied(cli.settings[cli.nsettings - 1].key))
                    cc.on = 1;
                break;
            }
            goto usage;
        }
    }
    nargs = argc - optind;
    /* --check alone reads and reports; asked for output, the conversion
     * runs as usual and what it writes is checked */
    cc.only = cc.on && !cli.clean && cli.nspecs == 0 && !cli.out &&
              !cli.dir && !cli.in_place && !cli.to;
    cc.quiet = cli.quiet;
    if (cc.on && (cc.json || cc.table) && !cc.only && !cli.out && !cli.dir &&
        !cli.in_place) {
        usage_error("%s", "--report writes to standard output; give the "
                    "converted output -o FILE or -d DIR");
        goto usage;
    }
    /* a context made now reports every bad setting before any work */
    ctx = cli_ctx_new(&cli, print_diag, &cli);
    if (ctx == NULL || tc_ctx_check(ctx) != TC_OK)
        goto usage;
    if (cli.out != NULL && cli.dir != NULL) {
        usage_error("%s", "-o and -d cannot be used together");
        goto usage;
    }
    if (cli.in_place && (cli.out != NULL || cli.dir != NULL)) {
        usage_error("%s", "-i rewrites each file: no -o or -d with it");
        goto usage;
    }
    if (cli.backup != NULL && !cli.in_place) {
        usage_error("%s", "--backup goes with -i");
        goto usage;
    }
    if (cli.out != NULL && (nargs > 1 || cli.recursive)) {
        usage_error("%s", "-o takes one input; use -d DIR for several");
        goto usage;
    }
    if ((cli.dir != NULL || cli.in_place || cli.recursive) && nargs < 1) {
        usage_error("%s", cli.in_place ? "-i needs input files"
                          : cli.recursive ? "-r needs a directory"
                          : "-d needs input files");
        goto usage;
    }
    if (cli.recursive && cli.dir == NULL && !cli.in_place && !cc.only) {
        usage_error("%s", "-r needs -d DIR or -i");
        goto usage;
    }
    for (i = (size_t)optind; i < (size_t)argc; i++)
        if ((cli.dir != NULL || cli.in_place) && strcmp(argv[i], "-") == 0) {
            usage_error("%s", cli.in_place
                                  ? "-i needs named input files, not -"
                                  : "-d needs named input files, not -");
            goto usage;
        }
    if (cli.dir == NULL && cli.out == NULL && !cli.in_place && !cc.only &&
        nargs > 1) {
        usage_error("%s", "several inputs need -d DIR (or -i)");
        goto usage;
    }
    if (make_jobs(&cli, argv + optind, nargs, &js) != 0) {
        fprintf(stderr, "%s: out of memory\n", progname);
        status = EXIT_INPUT;
        goto done;
    }
    if (cli.dir != NULL && check_clashes(&js) != 0)
        goto usage;
    if (cli.in_place && check_in_place(&cli, &js) != 0)
        goto usage;
    if (js.n == 0) {
        if (!cli.quiet)
            fprintf(stderr, "%s: no file to convert\n", progname);
        goto done;
    }
    if (cli.dir != NULL && make_out_dirs(&cli, &js, &made) != 0) {
        status = EXIT_INPUT;
        goto done;
    }
    if (cc.on && cli_check_begin(&cc, ctx) != 0)
        goto usage;
    tc_ctx_free(ctx);
    ctx = NULL;
    status = cli_run(&cli, &js);
    if (cc.on)
        cli_check_end(&cc);
    goto done;
usage:
    status = EXIT_USAGE;
done:
    /* directories made for outputs that all failed */
    for (i = made.n; i-- > 0;)
        rmdir(made.v[i]);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno != EPIPE)
            fprintf(stderr, "%s: write error on standard output: %s\n",
                    progname, strerror(errno));
        if (status == 0)
            status = EXIT_INPUT;
    }
    tc_ctx_free(ctx);
    cli_strv_free(&made);
    cli_jobs_free(&js);
    free(longopts);
    free(cli.specs);
    free(cli.settings);
    return status;
}
