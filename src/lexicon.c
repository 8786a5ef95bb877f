/* lexicon.c -- word classes per language for line breaks, cue ends,
 * sentence ends and stutters (see lexicon.h).
 *
 * The classes follow the line-treatment rules of the subtitle guidelines
 * (Netflix Timed Text Style Guide: do not separate an article from its
 * noun, a subject pronoun from its verb, an auxiliary, reflexive pronoun
 * or negation from its verb, a preposition from what follows; break after
 * punctuation and before conjunctions and prepositions).  A word that is
 * ambiguous in speech ("you" as subject or object, "so" as conjunction or
 * adverb, "in" as preposition or particle) is WEAK, not OPEN.
 *
 * Each list is sorted by bytes (tests/unit/test_filters_layout.c checks
 * it): keep it so when adding a word.  Words are looked up in a hash
 * table made from the lists once, the first time a lexicon is asked for.
 */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "ctx.h"
#include "lang.h"
#include "lexicon.h"

struct lex_entry {
    const char *w;
    unsigned flags;
};

#define O TC_LX_OPEN
#define W TC_LX_WEAK
#define C TC_LX_CONJ
#define P TC_LX_PREP
#define S TC_LX_SUBJ
#define A TC_LX_ABBREV
#define E TC_LX_EMPH
#define D TC_LX_DOUBLE
#define V TC_LX_PVERB
#define G TC_LX_CLING

static const struct lex_entry lex_en[] = {
    { "a", O }, { "a.m", A }, { "able", V }, { "about", W|P },
    { "across", O|P }, { "actually", W|C }, { "after", W|P },
    { "against", O|P }, { "agree", V }, { "ah", E }, { "all", W },
    { "alright", C }, { "also", W }, { "although", O|C }, { "always", W },
    { "am", W }, { "among", O|P }, { "an", O }, { "and", O|C },
    { "another", O }, { "any", W }, { "anyway", C }, { "apply", V },
    { "approx", A }, { "apr", A }, { "are", W }, { "aren't", O },
    { "around", W|P }, { "as", W|C }, { "ask", V }, { "at", O|P },
    { "aug", A }, { "base", V }, { "be", W }, { "because", O|C },
    { "been", W }, { "before", W|P }, { "behind", W|P }, { "being", W },
    { "believe", V }, { "belong", V }, { "between", O|P }, { "beyond", W|P },
    { "both", W }, { "but", O|C }, { "by", O|P }, { "bye", E }, { "can", O },
    { "can't", O }, { "cannot", O }, { "care", V }, { "check", V },
    { "click", V }, { "co", A }, { "come", E }, { "contribute", V },
    { "could", O }, { "couldn't", O }, { "deal", V }, { "dec", A },
    { "decide", V }, { "depend", V }, { "dept", A }, { "did", W },
    { "didn't", O }, { "dive", V }, { "do", W }, { "does", W },
    { "doesn't", O }, { "don't", O }, { "dr", A }, { "during", O|P },
    { "e.g", A }, { "each", O }, { "eight", W }, { "etc", A }, { "even", W },
    { "every", O }, { "feb", A }, { "few", W }, { "fifty", W }, { "fig", A },
    { "figure", V }, { "fill", V }, { "find", V }, { "first", W },
    { "five", W }, { "focus", V }, { "for", O|P }, { "forty", W },
    { "four", W }, { "from", O|P }, { "go", E }, { "going", V },
    { "gonna", O }, { "gotta", O }, { "ha", E }, { "had", D },
    { "hadn't", O }, { "hand", V }, { "hang", V }, { "has", W },
    { "hasn't", O }, { "have", W }, { "haven't", O }, { "he", O|S },
    { "he'll", O|S }, { "he's", O|S }, { "hear", V }, { "heard", V },
    { "hello", E }, { "hey", E }, { "hi", E }, { "his", O }, { "hope", V },
    { "how", W|C }, { "hundred", W }, { "i", O|S }, { "i'd", O|S },
    { "i'll", O|S }, { "i'm", O|S }, { "i've", O|S }, { "i.e", A },
    { "if", O|C }, { "in", W|P }, { "inc", A }, { "into", O|P },
    { "is", W|D }, { "isn't", O }, { "it", W }, { "it'll", O|S },
    { "it's", O|S }, { "its", O }, { "jan", A }, { "jr", A }, { "jul", A },
    { "jun", A }, { "just", W }, { "last", W }, { "learn", V },
    { "let's", O|S }, { "like", W }, { "listen", V }, { "log", V },
    { "look", V }, { "ltd", A }, { "many", W }, { "mar", A }, { "may", O },
    { "might", O }, { "million", W }, { "more", W }, { "most", W },
    { "mr", A }, { "mrs", A }, { "ms", A }, { "mt", A }, { "much", W },
    { "must", O }, { "my", O }, { "near", W|P }, { "need", V },
    { "never", W }, { "next", W }, { "nine", W }, { "no", E }, { "nope", E },
    { "nor", O|C }, { "not", O }, { "nov", A }, { "now", C }, { "oct", A },
    { "of", O|G }, { "oh", E }, { "ok", E }, { "okay", C|E }, { "on", W|P },
    { "once", W|C }, { "one", G }, { "ones", G }, { "only", W },
    { "onto", O|P }, { "or", O|C }, { "other", W }, { "our", O },
    { "over", W|P }, { "p.m", A }, { "pick", V }, { "plan", V },
    { "please", E }, { "plug", V }, { "point", V }, { "prof", A },
    { "quite", W }, { "reach", V }, { "really", W|E }, { "refer", V },
    { "rely", V }, { "right", E }, { "second", W }, { "seem", V },
    { "sep", A }, { "sept", A }, { "set", V }, { "seven", W },
    { "several", O }, { "shall", O }, { "she", O|S }, { "she'll", O|S },
    { "she's", O|S }, { "should", O }, { "shouldn't", O }, { "sign", V },
    { "since", W|C }, { "six", W }, { "so", W|C }, { "some", W },
    { "spoke", V }, { "sr", A }, { "st", A }, { "stick", V }, { "such", W },
    { "sure", E }, { "switch", V }, { "talk", V }, { "ten", W },
    { "than", O|P }, { "thanks", E }, { "that", W|C|D }, { "that's", O|S },
    { "the", O }, { "their", O }, { "then", W|C }, { "there", W },
    { "there's", O|S }, { "these", W }, { "they", O|S }, { "they'd", O|S },
    { "they'll", O|S }, { "they're", O|S }, { "they've", O|S },
    { "think", V }, { "third", W }, { "thirty", W }, { "this", W },
    { "those", W }, { "though", W|C }, { "thought", V }, { "thousand", W },
    { "three", W }, { "through", O|P }, { "to", O|P }, { "too", W },
    { "toward", O|P }, { "towards", O|P }, { "try", V }, { "turn", V },
    { "twenty", W }, { "two", W }, { "under", W|P }, { "unless", O|C },
    { "until", W|C }, { "upon", O|P }, { "used", V }, { "very", O|E },
    { "via", O|P }, { "vs", A }, { "wait", E|V }, { "wanna", O },
    { "want", V }, { "was", W }, { "wasn't", O }, { "we", O|S },
    { "we'd", O|S }, { "we'll", O|S }, { "we're", O|S }, { "we've", O|S },
    { "well", E }, { "were", W }, { "weren't", O }, { "what", W|C },
    { "what's", O|S }, { "when", W|C }, { "where", W|C }, { "whereas", O|C },
    { "whether", O|C }, { "which", W|C }, { "while", W|C }, { "who", W|C },
    { "whom", W|C }, { "whose", W|C }, { "why", W|C }, { "will", O },
    { "with", O|P }, { "within", O|P }, { "without", O|P }, { "won't", O },
    { "would", O }, { "wouldn't", O }, { "wow", E }, { "yeah", C|E },
    { "yep", E }, { "yes", E }, { "you", W }, { "you'd", O|S },
    { "you'll", O|S }, { "you're", O|S }, { "you've", O|S }, { "your", O },
    { "yup", E },
};
static const struct lex_entry lex_de[] = {
    { "aber", O|C }, { "ach", E }, { "als", W|C }, { "also", W|C },
    { "am", O|P }, { "an", W|P }, { "ans", O|P }, { "auf", W|P },
    { "aus", O|P }, { "bei", O|P }, { "beim", O|P }, { "bevor", O|C },
    { "bin", W }, { "bis", O|P }, { "bist", W }, { "bitte", E },
    { "bspw", A }, { "bzw", A }, { "ca", A }, { "d.h", A }, { "damit", O|C },
    { "danke", E }, { "dann", W|C }, { "darf", O }, { "das", O|D },
    { "dass", O|C }, { "daß", O|C }, { "dein", O }, { "deine", O },
    { "deinen", O }, { "dem", O|D }, { "den", O|D }, { "denn", O|C },
    { "der", O|D }, { "des", O|D }, { "die", O|D }, { "dies", W },
    { "diese", W }, { "diesen", W }, { "dieser", W }, { "dieses", W },
    { "doch", E }, { "dr", A }, { "du", O|S }, { "durch", O|P },
    { "dürfen", O }, { "ein", O }, { "eine", O }, { "einem", O },
    { "einen", O }, { "einer", O }, { "eines", O }, { "er", O|S },
    { "es", W|S|D }, { "etc", A }, { "euer", O }, { "eure", O },
    { "evtl", A }, { "falls", O|C }, { "fr", A }, { "für", O|P },
    { "gegen", O|P }, { "genau", E }, { "ggf", A }, { "gut", E },
    { "habe", W }, { "haben", W }, { "hallo", E }, { "hast", W },
    { "hat", W }, { "hatte", W }, { "hinter", W|P }, { "hr", A },
    { "ich", O|S }, { "ihr", W|S }, { "ihre", O }, { "ihrem", O },
    { "ihren", O }, { "im", O|P }, { "in", W|P }, { "ins", O|P },
    { "ist", W }, { "ja", E }, { "jede", O }, { "jeder", O }, { "jedes", O },
    { "jetzt", C }, { "jh", A }, { "jhd", A }, { "kann", O }, { "kannst", O },
    { "kein", O }, { "keine", O }, { "keinen", O }, { "können", O },
    { "man", O|S }, { "mein", O }, { "meine", O }, { "meinem", O },
    { "meinen", O }, { "meiner", O }, { "meines", O }, { "mio", A },
    { "mit", O|P }, { "mrd", A }, { "muss", O }, { "musst", O },
    { "möchte", O }, { "möchten", O }, { "müssen", O }, { "na", E },
    { "nach", O|P }, { "nachdem", O|C }, { "neben", W|P }, { "nein", E },
    { "nicht", O }, { "nr", A }, { "ob", O|C }, { "obwohl", O|C },
    { "oder", O|C }, { "oh", E }, { "ohne", O|P }, { "okay", C|E },
    { "prof", A }, { "s.o", A }, { "sehr", O|E }, { "sei", W }, { "sein", O },
    { "seine", O }, { "seinem", O }, { "seinen", O }, { "seit", O|P },
    { "sie", W|S|D }, { "sind", W }, { "sodass", O|C }, { "soll", O },
    { "sollen", O }, { "sollst", O }, { "sondern", O|C }, { "trotz", O|P },
    { "tschüss", E }, { "u.a", A }, { "um", O|P }, { "und", O|C },
    { "unser", O }, { "unsere", O }, { "unseren", O }, { "unter", W|P },
    { "usw", A }, { "vgl", A }, { "vom", O|P }, { "von", O|P },
    { "vor", W|P }, { "war", W }, { "waren", W }, { "wegen", O|P },
    { "weil", O|C }, { "wenn", W|C }, { "werde", O }, { "werden", O },
    { "wie", W|C }, { "will", O }, { "willst", O }, { "wir", O|S },
    { "wird", O }, { "wirst", O }, { "wo", W|C }, { "wollen", O },
    { "während", W|P }, { "würde", O }, { "würden", O }, { "z.b", A },
    { "zu", O|P }, { "zum", O|P }, { "zur", O|P }, { "zwischen", W|P },
    { "über", W|P },
};
static const struct lex_entry lex_fr[] = {
    { "a", W }, { "ah", E }, { "ai", W }, { "allez", O|E }, { "allons", O },
    { "alors", C }, { "après", W|P }, { "as", W }, { "au", O }, { "aux", O },
    { "av", A }, { "avant", W|P }, { "avec", O|P }, { "avez", W },
    { "avons", W }, { "bd", A }, { "bien", E }, { "bon", E },
    { "c'est", O|S }, { "car", O|C }, { "ce", O }, { "ces", O }, { "cet", O },
    { "cette", O }, { "cf", A }, { "chez", O|P }, { "comme", W|C },
    { "contre", O|P }, { "d'accord", E }, { "dans", W|P }, { "de", O|P },
    { "depuis", O|P }, { "des", O }, { "devez", O }, { "devons", O },
    { "dois", O }, { "doit", O }, { "doivent", O }, { "donc", O|C },
    { "dont", W|C }, { "dr", A }, { "du", O }, { "elle", O|S },
    { "elles", O|S }, { "en", W|P }, { "ensuite", C }, { "entre", O|P },
    { "es", W }, { "est", W }, { "et", O|C }, { "etc", A }, { "faut", O },
    { "il", O|S }, { "ils", O|S }, { "j'ai", O|S }, { "je", O|S },
    { "la", O }, { "le", O }, { "les", O }, { "leur", O }, { "leurs", O },
    { "lorsque", O|C }, { "m", A }, { "ma", O }, { "mais", O|C },
    { "merci", E }, { "mes", O }, { "mlle", A }, { "mlles", A }, { "mme", A },
    { "mmes", A }, { "mon", O }, { "ne", O }, { "ni", O|C }, { "non", E },
    { "nos", O }, { "notre", O }, { "nous", O|S|D }, { "oh", E },
    { "on", O|S }, { "ont", W }, { "ou", O|C }, { "ouais", E }, { "oui", E },
    { "où", W|C }, { "p.ex", A }, { "par", O|P }, { "parce", O|C },
    { "pendant", O|P }, { "peut", O }, { "peuvent", O }, { "peux", O },
    { "pour", O|P }, { "pouvez", O }, { "pouvons", O }, { "puis", C },
    { "puisque", O|C }, { "quand", W|C }, { "que", O|C }, { "qui", W|C },
    { "sa", O }, { "sans", O|P }, { "ses", O }, { "si", W|C|E }, { "son", O },
    { "sont", W }, { "sous", W|P }, { "st", A }, { "ste", A }, { "suis", W },
    { "sur", W|P }, { "ta", O }, { "tes", O }, { "ton", O }, { "très", O },
    { "tu", O|S }, { "un", O }, { "une", O }, { "va", O }, { "vais", O },
    { "vas", O }, { "vers", O|P }, { "veulent", O }, { "veut", O },
    { "veux", O }, { "voilà", E }, { "vont", O }, { "vos", O },
    { "votre", O }, { "voulez", O }, { "voulons", O }, { "vous", W|S|D },
    { "à", O|P }, { "étaient", W }, { "était", W },
};
static const struct lex_entry lex_es[] = {
    { "a", O|P }, { "adiós", E }, { "al", O }, { "ante", O|P },
    { "aprox", A }, { "aunque", O|C }, { "av", A }, { "bajo", W|P },
    { "bueno", E }, { "claro", E }, { "como", W|C }, { "con", O|P },
    { "contra", O|P }, { "cual", W|C }, { "cuando", W|C }, { "de", O|P },
    { "debe", O }, { "debemos", O }, { "deben", O }, { "debo", O },
    { "del", O }, { "desde", O|P }, { "donde", W|C }, { "dr", A },
    { "dra", A }, { "e", O|C }, { "el", O }, { "ella", W|S },
    { "ellas", W|S }, { "ellos", W|S }, { "en", W|P }, { "entonces", C },
    { "entre", W|P }, { "era", W }, { "eran", W }, { "eres", W }, { "es", W },
    { "esa", W }, { "esas", W }, { "ese", W }, { "esos", W }, { "esta", W },
    { "estamos", W }, { "estas", W }, { "este", W }, { "estos", W },
    { "estoy", W }, { "está", W }, { "están", W }, { "etc", A }, { "fue", W },
    { "gracias", E }, { "ha", O }, { "hacia", O|P }, { "han", O },
    { "has", O }, { "hasta", O|P }, { "hay", W }, { "he", O }, { "hemos", O },
    { "hola", E }, { "la", O }, { "las", O }, { "le", O|S }, { "les", O|S },
    { "lo", O }, { "los", O }, { "luego", C }, { "me", O|S }, { "mi", O },
    { "mientras", W|C }, { "mis", O }, { "muy", O|E }, { "no", O|E },
    { "nos", O|S }, { "nosotras", O|S }, { "nosotros", O|S },
    { "nuestra", O }, { "nuestras", O }, { "nuestro", O }, { "nuestros", O },
    { "núm", A }, { "o", O|C }, { "os", O|S }, { "oye", E }, { "p.ej", A },
    { "para", O|P }, { "pero", O|C }, { "podemos", O }, { "por", O|P },
    { "porque", O|C }, { "puede", O }, { "pueden", O }, { "puedes", O },
    { "puedo", O }, { "pues", W|C }, { "pág", A }, { "que", W|C|D },
    { "queremos", O }, { "quien", W|C }, { "quiere", O }, { "quiero", O },
    { "se", O|S }, { "según", O|P }, { "si", W|C }, { "sin", O|P },
    { "sino", O|C }, { "sobre", W|P }, { "son", W }, { "soy", W },
    { "sr", A }, { "sra", A }, { "srta", A }, { "su", O }, { "sus", O },
    { "sí", E }, { "te", O|S }, { "tras", O|P }, { "tu", O }, { "tus", O },
    { "tú", O|S }, { "u", O|C }, { "ud", A }, { "uds", A }, { "un", O },
    { "una", O }, { "unas", O }, { "unos", O }, { "usted", W|S },
    { "ustedes", W|S }, { "va", O }, { "vale", E }, { "vamos", O|E },
    { "van", O }, { "vas", O }, { "vosotras", O|S }, { "vosotros", O|S },
    { "voy", O }, { "vuestra", O }, { "vuestras", O }, { "vuestro", O },
    { "vuestros", O }, { "y", O|C }, { "ya", E }, { "yo", O|S },
    { "él", O|S },
};

#undef O
#undef W
#undef C
#undef P
#undef S
#undef A
#undef E
#undef D
#undef V
#undef G

struct tc_lex {
    const char *lang;
    const struct lex_entry *e;
    size_t n;
    size_t maxlen;          /* the longest word's bytes: longer ones are not
                               looked up (tc_lex_sorted() checks it) */
};

#define LEX(l, max) { #l, lex_##l, sizeof lex_##l / sizeof lex_##l[0], max }
static const struct tc_lex lexicons[] = {
    LEX(en, 10), LEX(de, 8), LEX(fr, 8), LEX(es, 8),
};
#undef LEX
#define NLEX (sizeof lexicons / sizeof lexicons[0])

/* The hash tables: slot h holds 1 + the index of a word whose hash starts
 * its probe at h or before, 0 when empty; at most a third full. */
#define HSIZE 1024
static unsigned short slots[NLEX][HSIZE];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static unsigned
hash(const char *s)
{
    unsigned h = 2166136261u;   /* FNV-1a */

    while (*s != '\0')
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h & (HSIZE - 1);
}

static void
build(void)
{
    size_t l, i;

    for (l = 0; l < NLEX; l++) {
        for (i = 0; i < lexicons[l].n && i < HSIZE / 3; i++) {
            unsigned h = hash(lexicons[l].e[i].w);

            while (slots[l][h] != 0)
                h = (h + 1) & (HSIZE - 1);
            slots[l][h] = (unsigned short)(i + 1);
        }
    }
}

/* Every lexicon is handed out by the three functions below: the tables
 * are ready before any lookup. */
static const struct tc_lex *
ready(const struct tc_lex *lx)
{
    pthread_once(&slots_once, build);
    return lx;
}

const struct tc_lex *
tc_lex_at(size_t i)
{
    return i < NLEX ? ready(&lexicons[i]) : NULL;
}

const struct tc_lex *
tc_lex_default(void)
{
    return ready(&lexicons[0]);
}

const char *
tc_lex_lang(const struct tc_lex *lx)
{
    return lx->lang;
}

const struct tc_lex *
tc_lex_find(const char *tag)
{
    size_t i, n;

    if (tag == NULL)
        return NULL;
    n = strcspn(tag, "-_");
    for (i = 0; i < NLEX; i++)
        if (n == 2 && ((tag[0] | 0x20) == lexicons[i].lang[0]) &&
            ((tag[1] | 0x20) == lexicons[i].lang[1]))
            return ready(&lexicons[i]);
    return NULL;
}

int
tc_lex_sorted(const struct tc_lex *lx)
{
    size_t i;

    for (i = 0; i < lx->n; i++)
        if ((i > 0 && strcmp(lx->e[i - 1].w, lx->e[i].w) >= 0) ||
            strlen(lx->e[i].w) > lx->maxlen)
            return 0;
    return lx->n <= HSIZE / 3;   /* every word in the hash table */
}

#define KEY_MAX 24

/* Opening and closing punctuation stripped from a word before lookup. */
static size_t
punct_len(const unsigned char *s, size_t n, int at_end)
{
    static const char *const marks[] = {
        "\xC2\xBF", "\xC2\xA1", "\xC2\xAB", "\xC2\xBB",     /* ¿ ¡ « » */
        "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",     /* “ ” ‘ */
        "\xE2\x80\x99", "\xE2\x80\xA6"                      /* ’ … */
    };
    size_t i, k;
    unsigned char c;

    if (n == 0)
        return 0;
    c = at_end ? s[n - 1] : s[0];
    if (c < 0x80) {
        /* letters and digits first: most words begin and end with one */
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            return 0;
        return c != '\0' && strchr(".,;:!?\"'()[]{}-", c) != NULL;
    }
    /* every mark begins with C2 or E2 and ends in A1..BF or 98..9D */
    if (at_end ? c < 0x98 : (c != 0xC2 && c != 0xE2))
        return 0;
    for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        k = marks[i][0] == '\xC2' ? 2 : 3;
        if (n >= k && memcmp(at_end ? s + n - k : s, marks[i], k) == 0)
            return k;
    }
    return 0;
}

/* Fold s[0..n) into key: lower case, ’ as ', no punctuation around it.
 * 0 when it does not fit. */
static size_t
fold(const char *str, size_t n, char *key)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i, k = 0, l;

    while ((l = punct_len(s, n, 0)) > 0) {
        s += l;
        n -= l;
    }
    while ((l = punct_len(s, n, 1)) > 0)
        n -= l;          /* "e.g." keeps its inner dot: "e.g" */
    for (i = 0; i < n; i++) {
        unsigned char c = s[i];

        if (k + 2 > KEY_MAX)                    /* a byte and the NUL */
            return 0;
        if (c >= 'A' && c <= 'Z') {
            key[k++] = (char)(c + 32);
        } else if (c == 0xC3 && i + 1 < n && s[i + 1] >= 0x80 &&
                   s[i + 1] <= 0x9E && s[i + 1] != 0x97) {
            if (k + 3 > KEY_MAX)                /* two bytes and the NUL */
                return 0;
            key[k++] = (char)c;                 /* Latin-1 capitals */
            key[k++] = (char)(s[++i] + 0x20);
        } else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
                   s[i + 2] == 0x99) {
            key[k++] = '\'';
            i += 2;
        } else {
            key[k++] = (char)c;
        }
    }
    key[k] = '\0';
    return k;
}

static unsigned
find(const struct tc_lex *lx, const char *key)
{
    const unsigned short *t = slots[lx - lexicons];
    unsigned h = hash(key);

    while (t[h] != 0) {
        const struct lex_entry *e = &lx->e[t[h] - 1];

        if (e->w[0] == key[0] && strcmp(e->w, key) == 0)
            return e->flags;
        h = (h + 1) & (HSIZE - 1);
    }
    return 0;
}

unsigned
tc_lex_classes(const struct tc_lex *lx, const char *s, size_t n)
{
    static const struct {
        const char *s;
        size_t n;
    } suffixes[] = { { "ing", 3 }, { "ed", 2 }, { "s", 1 } };
    char key[KEY_MAX];
    size_t len, i, k;
    unsigned f;

    if (lx == NULL || n > KEY_MAX + 8 || (len = fold(s, n, key)) == 0)
        return 0;
    f = len <= lx->maxlen ? find(lx, key) : 0;
    if (f != 0 || lx != &lexicons[0])
        return f;
    /* "clicked", "contributing": a verb's forms take its preposition */
    for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        k = suffixes[i].n;
        if (len > k + 1 && len - k <= lx->maxlen &&
            memcmp(key + len - k, suffixes[i].s, k) == 0) {
            key[len - k] = '\0';
            f = find(lx, key);
            if (!(f & TC_LX_PVERB) && len - k + 1 < KEY_MAX) {
                key[len - k] = 'e';
                key[len - k + 1] = '\0';
                f = find(lx, key);
            }
            if (f & TC_LX_PVERB)
                return TC_LX_PVERB;
            memcpy(key + len - k, suffixes[i].s, k + 1);
        }
    }
    return 0;
}

int
tc_lex_from_args(const struct tc_args *a, struct tc_lex_choice *c)
{
    const char *v = tc_args_get(a, "lang");

    memset(c, 0, sizeof *c);
    c->is_auto = v == NULL || strcmp(v, "auto") == 0;
    if (c->is_auto) {
        tc_lang_want(a->ctx);
        return TC_OK;
    }
    if (!tc_lang_valid_option(v)) {
        tc_diagf(a->ctx, TC_D_BAD_OPTION, 0, 0,
                 "%s: lang=%s: expected auto or a language tag such as en, "
                 "de, fr or es", a->filter->name, v);
        return TC_ERR_ARG;
    }
    /* a language without a lexicon gets the English rules */
    c->lex = tc_lex_find(v);
    c->settled = 1;
    c->english = c->lex == &lexicons[0];
    if (c->lex == NULL)
        c->lex = tc_lex_default();
    return TC_OK;
}

const struct tc_lex *
tc_lex_get(struct tc_lex_choice *c, struct tc_ctx *ctx)
{
    if (!c->settled) {
        const struct tc_lang *l = tc_lang_current(ctx);

        c->lex = l != NULL ? tc_lex_find(l->tag) : NULL;
        c->english = c->lex == &lexicons[0];
        if (c->lex == NULL)
            c->lex = tc_lex_default();
        c->settled = 1;
    }
    return c->lex;
}
