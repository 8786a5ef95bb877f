/* cuecheck.c -- check what cleaning did to a subtitle file.
 *
 *   cuecheck [OPTION]... INPUT OUTPUT
 *
 * (a) The word guarantee: the words of OUTPUT, in order, are the words of
 *     INPUT minus words the removal filters may remove: filler words
 *     (English ones and a few others; --fillers gives the list of the
 *     input's language instead, --remove adds words),
 *     words inside [brackets], (parentheses) or between music notes, credit
 *     lines of transcription services, and repeats of the words just
 *     before (a repeated word or phrase, rolling captions).  Words compare
 *     without case and punctuation, so re-capitalising and moving commas
 *     are allowed; nothing else is.
 * (b) The profile's limits on OUTPUT: lines a cue, characters a line,
 *     duration, gap to the next cue at the same vertical placement (cues
 *     at different placements may be shown together), no overlap, and
 *     reading speed where there is room to achieve it.
 * Each violation is printed with the time of the output cue.  Exit status:
 * 0 all good, 1 violations, 2 usage or read error.  Links the library's
 * internals (libtranscue_core) to read any format it reads.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "linebreak.h"

#define REPEAT_MAX 64     /* longest phrase a repeat may be, in words */
#define REPORT_MAX 20     /* violations printed per check */
#define NOTE "\xE2\x99\xAA" /* U+266A EIGHTH NOTE */

static const char default_removable[] =
    "um uh uhm uhh umm er erm ah ahh hmm hm mm mmm mhm uhhuh mmhmm eh "
    "äh ähm öh euh heu";

struct word {
    size_t off;           /* normalised text in the file's pool */
    size_t cue;
    int removable;
    int punct;            /* what the token ends with: 0 a letter or digit,
                             1 clause punctuation, 2 a sentence end */
    int eol;              /* the last word of a line that is not the
                             cue's last */
    size_t width;         /* characters of the token as written */
};

struct cueinfo {
    int64_t start, end;
    size_t lines, widest, chars;
    int widest_one_word;  /* the widest line is a single word */
    int vpos;             /* placement class; auto counts as bottom */
    unsigned long line;
};

struct file {
    struct tc_stage base;
    struct tc_buf pool;
    struct word *w;
    size_t nw, wcap;
    struct cueinfo *c;
    size_t nc, ccap;
    const char *removable;
    const char *extra;
};

static int
in_list(const char *list, const char *w, size_t n)
{
    while (list != NULL && *list != '\0') {
        size_t len = strcspn(list, " ,");

        if (len == n && memcmp(list, w, n) == 0)
            return 1;
        list += len;
        while (*list == ' ' || *list == ',')
            list++;
    }
    return 0;
}

/* Lower-case ASCII letters, digits and non-ASCII letters (Latin-1
 * capitals are folded too); punctuation (ASCII, U+00A1, U+00AB, U+00BB,
 * U+00BF, U+2000..U+206F, U+266A music note) is left out. */
static size_t
normalise(const char *s, size_t n, char *out)
{
    size_t i = 0, k = 0;

    while (i < n) {
        unsigned char c = (unsigned char)s[i];

        unsigned char c1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
        unsigned char c2 = i + 2 < n ? (unsigned char)s[i + 2] : 0;

        if (c == 0xE2 && (c1 == 0x80 || c1 == 0x81 ||
                          (c1 == 0x99 && c2 == 0xAA))) {
            i += 3;
        } else if (c == 0xC2 && (c1 == 0xA1 || c1 == 0xBF || c1 == 0xAB ||
                                 c1 == 0xBB)) {
            i += 2;                     /* ¡ ¿ « » */
        } else if (c == 0xC3 && c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97) {
            out[k++] = (char)c;            /* Latin-1 capitals: A grave.. */
            out[k++] = (char)(c1 + 0x20);
            i += 2;
        } else if (c >= 0x80) {
            out[k++] = (char)c;
            i++;
        } else if (c >= 'A' && c <= 'Z') {
            out[k++] = (char)(c + 32);
            i++;
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out[k++] = (char)c;
            i++;
        } else {
            i++;
        }
    }
    out[k] = '\0';
    return k;
}

/* 2 when the token ends a sentence (. ! ? or an ellipsis, before any
 * closing quote or bracket), 1 after other punctuation, else 0. */
static int
punct_class(const char *p, size_t n)
{
    while (n > 0 && strchr("\"')]", p[n - 1]) != NULL)
        n--;
    if (n >= 3 && memcmp(p + n - 3, "\xE2\x80\xA6", 3) == 0)
        return 2;
    if (n >= 3 && (memcmp(p + n - 3, "\xE2\x80\x9D", 3) == 0 ||
                   memcmp(p + n - 3, "\xE2\x80\x99", 3) == 0))
        return punct_class(p, n - 3);
    if (n == 0)
        return 0;
    if (strchr(".!?", p[n - 1]) != NULL)
        return 2;
    if (strchr(",;:-", p[n - 1]) != NULL)
        return 1;
    return 0;
}

static size_t
utf8_width(const char *p, size_t n)
{
    size_t i, w = 0;

    for (i = 0; i < n; i++)
        w += ((unsigned char)p[i] & 0xC0) != 0x80;
    return w;
}

static int
file_push(struct tc_stage *st, struct tc_cue *cue)
{
    struct file *f = (struct file *)st;
    char *plain = tc_text_plain(&cue->text), *p, *norm;
    struct cueinfo *ci;
    size_t len = 0, words_on_line = 0, widest_words = 0;
    int bracket = 0, music = 0, credit = 0;

    if (plain == NULL) {
        tc_cue_free(cue);
        return TC_ERR_NOMEM;
    }
    if (f->nc == f->ccap) {
        f->ccap = f->ccap ? f->ccap * 2 : 256;
        f->c = realloc(f->c, f->ccap * sizeof *f->c);
        if (f->c == NULL)
            exit(2);
    }
    ci = &f->c[f->nc++];
    memset(ci, 0, sizeof *ci);
    ci->start = cue->start;
    ci->end = cue->end;
    ci->line = cue->line;
    ci->vpos = cue->place.vpos == TC_VPOS_AUTO ? TC_VPOS_BOTTOM
                                               : (int)cue->place.vpos;
    ci->lines = 1;
    norm = malloc(strlen(plain) + 1);
    if (norm == NULL)
        exit(2);
    for (p = plain; *p != '\0'; p++)
        *p = *p == '\t' || *p == '\r' ? ' ' : *p;
    {
        char *low = strdup(plain);
        size_t i;

        if (low == NULL)
            exit(2);
        for (i = 0; low[i] != '\0'; i++)
            if (low[i] >= 'A' && low[i] <= 'Z')
                low[i] = (char)(low[i] + 32);
        credit = strstr(low, "transcribed by") != NULL ||
                 strstr(low, "subtitles by") != NULL ||
                 strstr(low, "captions by") != NULL ||
                 strstr(low, "otter.ai") != NULL;
        free(low);
    }
    /* lines and their widths */
    for (p = plain; ; p++) {
        if (*p == '\n' || *p == '\0') {
            if (len > ci->widest) {
                ci->widest = len;
                widest_words = words_on_line;
            }
            if (*p == '\0')
                break;
            ci->lines++;
            len = 0;
            words_on_line = 0;
            continue;
        }
        if (((unsigned char)*p & 0xC0) != 0x80) {
            len++;
            ci->chars++;
        }
        if (*p != ' ' && (p == plain || p[-1] == ' ' || p[-1] == '\n'))
            words_on_line++;
    }
    ci->widest_one_word = widest_words == 1;
    /* words */
    for (p = plain; *p != '\0';) {
        size_t n, k;
        int opens, closes, starts_note, ends_note;

        while (*p == ' ' || *p == '\n')
            p++;
        if (*p == '\0')
            break;
        n = strcspn(p, " \n");
        opens = *p == '[' || *p == '(';
        closes = p[n - 1] == ']' || p[n - 1] == ')' ||
                 (n >= 2 && (p[n - 2] == ']' || p[n - 2] == ')'));
        starts_note = n >= 3 && memcmp(p, NOTE, 3) == 0;
        ends_note = n >= 3 && memcmp(p + n - 3, NOTE, 3) == 0;
        if (opens)
            bracket = 1;
        k = normalise(p, n, norm);
        if (k > 0) {
            if (f->nw == f->wcap) {
                f->wcap = f->wcap ? f->wcap * 2 : 1024;
                f->w = realloc(f->w, f->wcap * sizeof *f->w);
                if (f->w == NULL)
                    exit(2);
            }
            f->w[f->nw].off = f->pool.len;
            f->w[f->nw].cue = f->nc - 1;
            f->w[f->nw].punct = punct_class(p, n);
            f->w[f->nw].eol = p[n] == '\n';
            f->w[f->nw].width = utf8_width(p, n);
            f->w[f->nw].removable = bracket || music || credit ||
                                    starts_note || ends_note ||
                                    in_list(f->removable, norm, k) ||
                                    in_list(f->extra, norm, k);
            f->nw++;
            tc_buf_add(&f->pool, norm, k + 1);
        }
        if (n == 3 && starts_note)
            music = !music;
        else if (starts_note && !ends_note)
            music = 1;
        else if (ends_note && !starts_note)
            music = 0;
        if (closes)
            bracket = 0;
        p += n;
    }
    free(norm);
    free(plain);
    tc_cue_free(cue);
    return tc_buf_status(&f->pool);
}

static const struct tc_stage_ops file_ops = {
    .name = "cuecheck",
    .push = file_push,
};

static void
print_diag(const struct tc_diag *d, void *ud)
{
    (void)ud;
    if (d->sev < TC_SEV_ERROR)
        return;
    fprintf(stderr, "cuecheck: %s:%lu: %s: %s%s%s\n",
            d->file ? d->file : "?", d->line, tc_severity_name(d->sev),
            d->message, d->detail ? ": " : "", d->detail ? d->detail : "");
}

static int
file_read(struct tc_ctx *ctx, const char *path, struct file *f)
{
    struct tc_source *src = NULL;
    const struct tc_format *fmt;
    const unsigned char *head;
    size_t len;
    int rc;

    f->base.ops = &file_ops;
    f->base.ctx = ctx;
    tc_buf_init(&f->pool, 0);
    rc = tc_source_open(ctx, path, &src);
    if (rc == TC_OK)
        rc = tc_source_peek(src, &head, &len);
    if (rc == TC_OK) {
        fmt = tc_format_detect(head, len, path);
        if (fmt == NULL || fmt->read == NULL) {
            fprintf(stderr, "cuecheck: %s: cannot read this format\n", path);
            rc = TC_ERR_UNKNOWN_FORMAT;
        } else {
            rc = fmt->read(src, &f->base);
        }
    }
    tc_source_free(src);
    return rc;
}

static void
fmt_time(char *b, int64_t ms)
{
    tc_time_fmt(b, ms, '.');
}

/* Words from in[i] that repeat the words just before them, fillers and
 * other removable words left out on both sides ("that's uh that's"): how
 * many input words that covers, 0 when none repeat. */
static size_t
repeat_len(const struct file *in, size_t i)
{
    size_t back[REPEAT_MAX], fwd[REPEAT_MAX + 1], nb = 0, nf = 0, k, j, p;

    for (p = i; p > 0 && nb < REPEAT_MAX;)
        if (!in->w[--p].removable)
            back[nb++] = p;             /* back[0] is the nearest */
    for (p = i; p < in->nw && nf < REPEAT_MAX; p++)
        if (!in->w[p].removable)
            fwd[nf++] = p;
    for (k = 1; k <= nb && k <= nf; k++) {
        for (j = 0; j < k; j++)
            if (strcmp(in->pool.data + in->w[fwd[j]].off,
                       in->pool.data + in->w[back[k - 1 - j]].off) != 0)
                break;
        if (j == k)
            return fwd[k - 1] + 1 - i;
    }
    return 0;
}

static size_t
check_words(const struct file *in, const struct file *out, const char *name)
{
    size_t i = 0, j = 0, k;
    char tb[32];

    while (j < out->nw) {
        const char *o = out->pool.data + out->w[j].off;

        if (i < in->nw && strcmp(in->pool.data + in->w[i].off, o) == 0) {
            i++;
            j++;
        } else if (i < in->nw && in->w[i].removable) {
            i++;
        } else if (i < in->nw && (k = repeat_len(in, i)) > 0) {
            i += k;
        } else {
            fmt_time(tb, out->c[out->w[j].cue].start);
            if (i < in->nw)
                printf("cuecheck: %s: %s: word '%s' where the input has "
                       "'%s' (input line %lu)\n", name, tb, o,
                       in->pool.data + in->w[i].off,
                       in->c[in->w[i].cue].line);
            else
                printf("cuecheck: %s: %s: word '%s' is not in the input\n",
                       name, tb, o);
            return 1;
        }
    }
    while (i < in->nw) {
        if (in->w[i].removable) {
            i++;
        } else if ((k = repeat_len(in, i)) > 0) {
            i += k;
        } else {
            printf("cuecheck: %s: words missing at the end, from '%s' "
                   "(input line %lu)\n", name, in->pool.data + in->w[i].off,
                   in->c[in->w[i].cue].line);
            return 1;
        }
    }
    return 0;
}

static size_t
report(size_t *n, const char *name, int64_t t, const char *what)
{
    char tb[32];

    if (++*n <= REPORT_MAX) {
        fmt_time(tb, t);
        printf("cuecheck: %s: %s: %s\n", name, tb, what);
    }
    return 1;
}

static size_t
check_limits(const struct file *out, const struct tc_limits *l,
             const char *name, int timing)
{
    size_t i, bad = 0, n = 0;
    char msg[160];

    for (i = 0; i < out->nc; i++) {
        const struct cueinfo *c = &out->c[i];
        const struct cueinfo *nx = NULL;
        int64_t dur = c->end - c->start;
        int64_t room;
        int64_t need;
        size_t j;

        for (j = i + 1; j < out->nc && nx == NULL; j++)
            if (out->c[j].vpos == c->vpos)
                nx = &out->c[j];
        room = nx ? nx->start - l->min_gap - c->start : INT64_MAX;

        if (c->lines > (size_t)l->max_lines) {
            snprintf(msg, sizeof msg, "%zu lines (max %ld)", c->lines,
                     l->max_lines);
            bad += report(&n, name, c->start, msg);
        }
        if (c->widest > (size_t)l->max_chars && !c->widest_one_word) {
            snprintf(msg, sizeof msg, "a line of %zu characters (max %ld)",
                     c->widest, l->max_chars);
            bad += report(&n, name, c->start, msg);
        }
        if (!timing)
            continue;
        if (dur <= 0)
            bad += report(&n, name, c->start, "ends at or before its start");
        if (dur > l->max_duration) {
            snprintf(msg, sizeof msg, "lasts %lld ms (max %lld)",
                     (long long)dur, (long long)l->max_duration);
            bad += report(&n, name, c->start, msg);
        }
        if (dur < l->min_duration && room >= l->min_duration) {
            snprintf(msg, sizeof msg, "lasts %lld ms (min %lld)",
                     (long long)dur, (long long)l->min_duration);
            bad += report(&n, name, c->start, msg);
        }
        if (nx != NULL && nx->start < c->end + l->min_gap) {
            snprintf(msg, sizeof msg, "gap to the next cue %lld ms (min "
                     "%lld)", (long long)(nx->start - c->end),
                     (long long)l->min_gap);
            bad += report(&n, name, c->start, msg);
        }
        need = (int64_t)((double)c->chars * 1000.0 / l->max_cps);
        if (dur < need - 1 && need <= l->max_duration && need <= room) {
            snprintf(msg, sizeof msg, "%.1f characters a second (max %.1f)",
                     dur > 0 ? (double)c->chars * 1000.0 / (double)dur : 0.0,
                     l->max_cps);
            bad += report(&n, name, c->start, msg);
        }
    }
    if (n > REPORT_MAX)
        printf("cuecheck: %s: %zu more limit violations\n", name,
               n - REPORT_MAX);
    return bad;
}

/* ---- readability ---------------------------------------------------------
 * Figures a subtitler looks at, measured on OUTPUT with lists of its own
 * (not the library's): line breaks and cue ends right after a word that
 * opens a phrase, cues that end a sentence, cues read faster than max-cps,
 * cues of one or two words, and the stutters of INPUT left in OUTPUT. */

/* English words that open a phrase: articles, possessives, prepositions,
 * conjunctions, subject pronouns, modals and auxiliaries before their verb,
 * "to" and "not".  A break right after one of them, when no punctuation
 * follows it, splits a phrase. */
static const char phrase_openers[] =
    "a an the my your our their his its "
    "to of in on at for with from by into onto about through "
    "and but or nor because if "
    "i we they he she im ive ill id were theyre weve youre "
    "will would can could should must might may shall "
    "dont doesnt didnt cant couldnt wont wouldnt shouldnt isnt arent "
    "not";

/* Repeats that are grammar or emphasis, not stutters. */
static const char repeat_ok[] =
    "that had is no yes yeah yep okay ok right bye very really ha oh wow "
    "go hey please wait thanks thank sure hello hi well come";

/* Is word x[i] (an index into f's words) the start of a repeat of the
 * one to three words before it? */
static int
is_stutter(const struct file *f, const size_t *x, size_t nx, size_t i)
{
    size_t k, j;

    for (k = 1; k <= 3 && k <= i && i + k <= nx; k++) {
        for (j = 0; j < k; j++)
            if (strcmp(f->pool.data + f->w[x[i + j]].off,
                       f->pool.data + f->w[x[i - k + j]].off) != 0)
                break;
        if (j < k)
            continue;
        if (k == 1) {
            const char *w = f->pool.data + f->w[x[i]].off;

            if (in_list(repeat_ok, w, strlen(w)))
                return 0;
        }
        return 1;
    }
    return 0;
}

/* Stutters among the words that stay (fillers between two words that
 * repeat make a stutter once they are gone). */
static size_t
count_stutters(const struct file *f)
{
    size_t *x = malloc((f->nw + 1) * sizeof *x), nx = 0, i, n = 0;

    if (x == NULL)
        exit(2);
    for (i = 0; i < f->nw; i++)
        if (!f->w[i].removable)
            x[nx++] = i;
    for (i = 1; i < nx; i++)
        n += (size_t)is_stutter(f, x, nx, i);
    free(x);
    return n;
}

static double
pct(size_t a, size_t b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

struct figure {
    const char *what;
    size_t n, of;
    double limit;          /* percent; < 0 = not checked */
    int at_least;          /* the limit is a minimum */
};

/* The largest share of cues that can end a sentence: a sentence longer
 * than a cue holds (max-chars times max-lines) needs cues that end inside
 * it. */
static double
sentence_bound(const struct file *f, const struct tc_limits *l)
{
    size_t cap = (size_t)(l->max_chars * l->max_lines), i, len = 0;
    size_t sentences = 0, inside = 0;

    for (i = 0; i < f->nw; i++) {
        len += f->w[i].width + (len > 0);
        if (f->w[i].punct == 2 || i + 1 == f->nw) {
            sentences++;
            inside += (len + cap - 1) / cap - 1;
            len = 0;
        }
    }
    return pct(sentences, sentences + inside);
}

static size_t
check_readability(const struct file *in, const struct file *out,
                  const struct tc_limits *l, const char *name,
                  const double *limits)
{
    struct figure fig[6];
    size_t i, k, bad = 0, nsent_cues = 0, punctuated = 0;
    size_t breaks = 0, bad_breaks = 0, ends = 0, bad_ends = 0;
    size_t fast = 0, short_cues = 0, words_in_cue = 0;

    for (i = 0; i < out->nw; i++) {
        const struct word *w = &out->w[i];
        const char *s = out->pool.data + w->off;
        int opener = w->punct == 0 && in_list(phrase_openers, s, strlen(s));
        int last = i + 1 == out->nw || out->w[i + 1].cue != w->cue;

        words_in_cue++;
        punctuated += w->punct == 2;
        if (w->eol) {
            breaks++;
            bad_breaks += (size_t)opener;
        }
        if (!last)
            continue;
        if (i + 1 < out->nw) {
            ends++;
            bad_ends += (size_t)opener;
        }
        nsent_cues += w->punct == 2;
        short_cues += words_in_cue <= 2;
        words_in_cue = 0;
    }
    for (i = 0; i < out->nc; i++) {
        int64_t dur = out->c[i].end - out->c[i].start;

        if (dur > 0 && (double)out->c[i].chars * 1000.0 / (double)dur >
                           l->max_cps + 0.05)
            fast++;
    }
    fig[0] = (struct figure){ "line breaks after a phrase-opening word",
                              bad_breaks, breaks, limits[0], 0 };
    fig[1] = (struct figure){ "cue ends after a phrase-opening word",
                              bad_ends, ends, limits[1], 0 };
    /* only a punctuated text has sentences to end */
    fig[2] = (struct figure){ "cues that end a sentence", nsent_cues,
                              out->nc, punctuated * 20 >= out->nc ?
                              limits[2] : -1, 1 };
    fig[3] = (struct figure){ "cues faster than max-cps", fast, out->nc,
                              limits[3], 0 };
    fig[4] = (struct figure){ "cues of one or two words", short_cues,
                              out->nc, limits[4], 0 };
    fig[5] = (struct figure){ "stutters of the input left",
                              count_stutters(out), count_stutters(in),
                              limits[5], 0 };
    if (punctuated * 20 >= out->nc)
        printf("cuecheck: %s: at most %.1f%% of cues can end a sentence: "
               "the longer sentences need more than one cue\n", name,
               sentence_bound(out, l));
    for (k = 0; k < 6; k++) {
        const struct figure *f = &fig[k];
        int fails = f->limit >= 0 &&
                    (f->at_least ? pct(f->n, f->of) < f->limit
                                 : pct(f->n, f->of) > f->limit);

        printf("cuecheck: %s: %s: %zu of %zu (%.1f%%)", name, f->what,
               f->n, f->of, pct(f->n, f->of));
        if (f->limit >= 0)
            printf(", %s %.1f%%%s", f->at_least ? "at least" : "at most",
                   f->limit, fails ? ": FAIL" : "");
        putchar('\n');
        bad += (size_t)fails;
    }
    return bad;
}

static void
usage(void)
{
    fputs("usage: cuecheck [--profile NAME] [--max-chars N] [--max-lines N]\n"
          "         [--max-cps N] [--min-duration T] [--max-duration T]\n"
          "         [--min-gap T] [--fps N] [--remove WORD,...]\n"
          "         [--fillers WORD,...]\n"
          "         [--words-only | --limits-only | --no-timing]\n"
          "         [--readability [--max-open-breaks PCT]\n"
          "          [--max-open-ends PCT] [--min-sentence-ends PCT]\n"
          "          [--max-fast PCT] [--max-short PCT]\n"
          "          [--max-stutters PCT]]\n"
          "         INPUT OUTPUT\n", stderr);
}

static int
rlimit_index(const char *const *names, const char *a)
{
    int k;

    for (k = 0; k < 6; k++)
        if (strcmp(names[k], a) == 0)
            return k;
    return -1;
}

int
main(int argc, char **argv)
{
    struct tc_ctx *ctx = tc_ctx_new();
    struct file in, out;
    struct tc_limits lim;
    const char *extra = NULL, *inpath = NULL, *outpath = NULL;
    static const char *const rnames[6] = {
        "--max-open-breaks", "--max-open-ends", "--min-sentence-ends",
        "--max-fast", "--max-short", "--max-stutters"
    };
    double rlim[6] = { -1, -1, -1, -1, -1, -1 };
    const char *fillers = default_removable;
    int words = 1, limits = 1, timing = 1, readability = 0, i, k;
    size_t bad = 0;

    if (ctx == NULL)
        return 2;
    tc_ctx_set_diag(ctx, print_diag, NULL);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];

        if (strcmp(a, "--words-only") == 0) {
            limits = 0;
        } else if (strcmp(a, "--limits-only") == 0) {
            words = 0;
        } else if (strcmp(a, "--no-timing") == 0) {
            timing = 0;
        } else if (strcmp(a, "--readability") == 0) {
            readability = 1;
            words = limits = 0;
        } else if (strcmp(a, "--remove") == 0 && i + 1 < argc) {
            extra = argv[++i];
        } else if ((k = rlimit_index(rnames, a)) >= 0 && i + 1 < argc) {
            rlim[k] = strtod(argv[++i], NULL);
        } else if (strcmp(a, "--fillers") == 0 && i + 1 < argc) {
            fillers = argv[++i];
        } else if (strncmp(a, "--", 2) == 0 && tc_option_index(a + 2) >= 0 &&
                   i + 1 < argc) {
            if (tc_ctx_set_option(ctx, a + 2, argv[++i]) != TC_OK)
                return 2;
        } else if (a[0] == '-' && a[1] != '\0') {
            usage();
            return 2;
        } else if (inpath == NULL) {
            inpath = a;
        } else if (outpath == NULL) {
            outpath = a;
        } else {
            usage();
            return 2;
        }
    }
    if (outpath == NULL) {
        usage();
        return 2;
    }
    if (tc_limits_from_ctx(ctx, &lim) != TC_OK)
        return 2;
    memset(&in, 0, sizeof in);
    memset(&out, 0, sizeof out);
    in.removable = out.removable = fillers;
    in.extra = out.extra = extra;
    if (file_read(ctx, inpath, &in) != TC_OK ||
        file_read(ctx, outpath, &out) != TC_OK)
        return 2;
    if (words)
        bad += check_words(&in, &out, outpath);
    if (limits)
        bad += check_limits(&out, &lim, outpath, timing);
    if (readability)
        bad += check_readability(&in, &out, &lim, outpath, rlim);
    if (bad == 0)
        printf("cuecheck: %s: %zu cues, %zu words: OK\n", outpath, out.nc,
               out.nw);
    tc_buf_release(&in.pool);
    tc_buf_release(&out.pool);
    free(in.w);
    free(out.w);
    free(in.c);
    free(out.c);
    tc_ctx_free(ctx);
    return bad ? 1 : 0;
}
