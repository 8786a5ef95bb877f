/* gen.c -- the benchmark corpus: deterministic subtitles and transcripts.
 *
 *   gen FORMAT SIZE [SEED] > FILE
 *
 * FORMAT is srt, vtt, ttml, youtube or whisper; SIZE is in megabytes
 * (10^6 bytes), or in kilobytes with a k suffix (4k); SEED (a number)
 * gives another text of the same kind.  The same arguments give
 * the same bytes on every machine (a fixed-seed xorshift generator, no
 * locale, no clock).  The text is English prose with what real captions
 * carry: styling tags, speaker dashes and voices, sound tags, music notes,
 * non-ASCII words and punctuation, fillers, stutters and repeated words.
 * Only the benchmark uses it; nothing here is part of the library.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;

static unsigned
rnd(unsigned n)
{
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned)((rng >> 11) % n);
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const words[] = {
  "the", "the", "the", "a", "a", "and", "and", "to", "to", "of", "of", "in",
  "it", "is", "that", "you", "we", "I", "was", "for", "on", "with", "this",
  "they", "be", "have", "not", "at", "but", "what", "so", "can", "all",
  "there", "about", "people", "think", "know", "really", "time", "going",
  "would", "data", "model", "because", "just", "very", "first", "work",
  "something", "problem", "question", "answer", "little", "different",
  "interesting", "actually", "important", "community", "everybody",
  "presentation", "screen", "monitor", "river", "morning", "evening",
  "kitchen", "garden", "window", "letter", "station", "doctor", "friend",
  "brother", "mother", "street", "country", "village", "mountain",
  "weather", "number", "system", "results", "example", "experiment",
  "café", "naïve", "Zürich", "São", "Paulo", "résumé", "déjà", "vu",
  "Müller", "Straße", "Ελλάδα", "東京", "Kraków", "piñata", "façade",
  "coöperate", "jalapeño", "Ångström", "€20", "½", "Dvořák",
};

static const char *const fillers[] = {
  "um", "uh", "you know", "like", "I mean", "er", "hmm", "uh-huh",
};

static const char *const sounds[] = {
  "[music]", "[applause]", "(laughs)", "[door slams]", "(sighs)",
  "[MUSIC PLAYING]", "(inaudible)",
};

static const char *const names[] = {
  "ANNA", "Ben", "Dr. Ortiz", "Chloé", "MARK", "Søren",
};

/* One sentence into b (NUL-terminated, at most n bytes); caps: begin with
 * a capital and end with punctuation. */
static size_t
sentence(char *b, size_t n, int caps, int fill)
{
  size_t len = 0;
  unsigned k, count = 4 + rnd(14);

  for(k = 0; k < count && len + 40 < n; k++) {
    const char *w = words[rnd(COUNT(words))];
    if(fill && rnd(14) == 0)
      w = fillers[rnd(COUNT(fillers))];
    if(k)
      b[len++] = ' ';
    if(rnd(40) == 0) {                  /* a stutter: "I- I" */
      len += (size_t)snprintf(b + len, n - len, "%s- ", w);
    }
    else if(rnd(50) == 0) {             /* a word said twice */
      len += (size_t)snprintf(b + len, n - len, "%s ", w);
    }
    len += (size_t)snprintf(b + len, n - len, "%s", w);
    if(caps && k + 1 < count && rnd(12) == 0)
      b[len++] = ',';
  }
  if(caps) {
    if(b[0] >= 'a' && b[0] <= 'z')
      b[0] = (char)(b[0] - 'a' + 'A');
    static const char *const ends[] = { ".", ".", "?", "!", ".", "…" };
    const char *e = ends[rnd(COUNT(ends))];
    memcpy(b + len, e, strlen(e));
    len += strlen(e);
  }
  b[len] = 0;
  return len;
}

/* Cut t at the last space at or before max bytes (a word is never cut). */
static void
cut(char *t, size_t max)
{
  size_t i;

  if(strlen(t) <= max)
    return;
  for(i = max; i > 0 && t[i] != ' '; i--)
    ;
  t[i ? i : max] = 0;
  if(!i)
    while(max > 0 && ((unsigned char)t[max] & 0xC0) == 0x80)
      t[--max] = 0;
}

/* The transcript styles carry sentences across lines: take the next line
 * of at most about max bytes from a running stream of sentences. */
static char stream[4096];

static void
next_line(char *out, size_t n, size_t max, int caps)
{
  size_t len = strlen(stream), take;

  while(len < max + 40) {
    if(len)
      stream[len++] = ' ';
    len += sentence(stream + len, sizeof(stream) - len, caps, 1);
  }
  take = len < n - 1 ? len : n - 1;
  memcpy(out, stream, take);
  out[take] = 0;
  cut(out, max - rnd((unsigned)max / 3));
  take = strlen(out);
  while(stream[take] == ' ')
    take++;
  memmove(stream, stream + take, len - take + 1);
}

/* Break text into lines of at most about width characters. */
static void
wrap(char *t, size_t width)
{
  size_t col = 0;
  char *p, *space = NULL;

  for(p = t; *p; p++) {
    if(*p == ' ')
      space = p;
    if(((unsigned char)*p & 0xC0) != 0x80)
      col++;
    if(col > width && space) {
      *space = '\n';
      col = (size_t)(p - space);
      space = NULL;
    }
  }
}

static void
stamp(char *b, size_t n, unsigned long long ms, char sep)
{
  snprintf(b, n, "%02llu:%02llu:%02llu%c%03llu", ms / 3600000,
           ms / 60000 % 60, ms / 1000 % 60, sep, ms % 1000);
}

/* A caption's text, styled for SRT/WebVTT (vtt: voices and classes). */
static void
caption(char *out, size_t n, int vtt)
{
  char s1[400], s2[400];
  unsigned r = rnd(100);

  sentence(s1, sizeof(s1), 1, 1);
  if(r < 6) {
    snprintf(out, n, "%s", sounds[rnd(COUNT(sounds))]);
    return;
  }
  if(r < 9) {
    snprintf(out, n, "♪ %s ♪", s1);
    wrap(out, 40);
    return;
  }
  if(r < 17) {                           /* two speakers */
    sentence(s2, sizeof(s2), 1, 1);
    cut(s1, 38);
    cut(s2, 38);
    snprintf(out, n, "- %s\n- %s", s1, s2);
    return;
  }
  if(r < 27)
    snprintf(out, n, "<i>%s</i>", s1);
  else if(r < 31)
    snprintf(out, n, "<b>%s</b>", s1);
  else if(r < 34 && !vtt)
    snprintf(out, n, "<font color=\"#ffff00\">%s</font>", s1);
  else if(r < 34)
    snprintf(out, n, "<c.yellow>%s</c>", s1);
  else if(r < 40 && vtt)
    snprintf(out, n, "<v %s>%s", names[rnd(COUNT(names))], s1);
  else if(r < 40)
    snprintf(out, n, "%s: %s", names[rnd(COUNT(names))], s1);
  else
    snprintf(out, n, "%s", s1);
  wrap(out, 40);
}

/* TTML text: the same, with XML escapes, spans and <br/>. */
static void
ttml_text(char *out, size_t n)
{
  char s[1024], *p;
  size_t len = 0;
  unsigned r = rnd(100);

  caption(s, sizeof(s), 1);
  if(r < 12)
    len += (size_t)snprintf(out, n, "<span tts:fontStyle=\"italic\">");
  for(p = s; *p && len + 8 < n; p++) {
    if(*p == '\n') {
      memcpy(out + len, "<br/>", 5);
      len += 5;
    }
    else if(*p == '<') {                /* drop WebVTT tags */
      while(*p && *p != '>')
        p++;
      if(!*p)
        break;
    }
    else if(*p == '&') {
      memcpy(out + len, "&amp;", 5);
      len += 5;
    }
    else
      out[len++] = *p;
  }
  if(r < 12)
    len += (size_t)snprintf(out + len, n - len, "</span>");
  out[len] = 0;
}

int
main(int argc, char **argv)
{
  unsigned long long size, done = 0, t = 1000, dur;
  unsigned long n = 0;
  const char *fmt;
  char text[2048], a[32], b[32];

  char *end;

  if(argc != 3 && argc != 4) {
    fputs("usage: gen srt|vtt|ttml|youtube|whisper SIZE[k] [SEED]\n", stderr);
    return 2;
  }
  fmt = argv[1];
  size = strtoull(argv[2], &end, 10);
  size *= *end == 'k' ? 1000ULL : 1000000ULL;
  if(argc == 4)
    rng += strtoull(argv[3], NULL, 10) * 0x2545F4914F6CDD1DULL;
  if(!strcmp(fmt, "vtt"))
    done += (unsigned long long)printf("WEBVTT\n\n");
  else if(!strcmp(fmt, "ttml"))
    done += (unsigned long long)printf(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<tt xmlns=\"http://www.w3.org/ns/ttml\"\n"
      "    xmlns:tts=\"http://www.w3.org/ns/ttml#styling\"\n"
      "    xml:lang=\"en\">\n"
      "  <head>\n    <layout>\n"
      "      <region xml:id=\"bottom\" tts:origin=\"10%% 10%%\" "
      "tts:extent=\"80%% 80%%\" tts:displayAlign=\"after\"/>\n"
      "    </layout>\n  </head>\n  <body>\n    <div>\n");
  else if(!strcmp(fmt, "whisper"))
    done += (unsigned long long)printf("\n");
  else if(strcmp(fmt, "srt") && strcmp(fmt, "youtube")) {
    fprintf(stderr, "gen: unknown format '%s'\n", fmt);
    return 2;
  }

  while(done < size) {
    int w = 0;
    n++;
    dur = 800 + rnd(5200);
    if(!strcmp(fmt, "youtube")) {
      unsigned long long s = t / 1000;
      if(rnd(60) == 0)
        snprintf(text, sizeof(text), "[Music]");
      else
        next_line(text, sizeof(text), 42, 0);
      if(s >= 3600)
        w = printf("%llu:%02llu:%02llu %s\n", s / 3600, s / 60 % 60,
                   s % 60, text);
      else
        w = printf("%llu:%02llu %s\n", s / 60, s % 60, text);
      t += 1000 + rnd(2500);
    }
    else if(!strcmp(fmt, "whisper")) {
      next_line(text, sizeof(text), 64, 1);
      stamp(a, sizeof(a), t, '.');
      stamp(b, sizeof(b), t + dur, '.');
      w = printf("[%s --> %s]   %s\n", a, b, text);
      t += dur + (rnd(4) ? 0 : rnd(1500));
    }
    else if(!strcmp(fmt, "ttml")) {
      ttml_text(text, sizeof(text));
      stamp(a, sizeof(a), t, '.');
      stamp(b, sizeof(b), t + dur, '.');
      w = printf("      <p begin=\"%s\" end=\"%s\" region=\"bottom\">"
                 "%s</p>\n", a, b, text);
      t += dur + 40 + rnd(1000);
    }
    else {
      int vtt = fmt[0] == 'v';
      caption(text, sizeof(text), vtt);
      stamp(a, sizeof(a), t, vtt ? '.' : ',');
      stamp(b, sizeof(b), t + dur, vtt ? '.' : ',');
      if(vtt)
        w = printf("%s --> %s%s\n%s\n\n", a, b,
                   rnd(10) ? "" : " line:0 align:start", text);
      else
        w = printf("%lu\n%s --> %s\n%s\n\n", n, a, b, text);
      t += dur + 40 + rnd(1000);
    }
    if(w < 0)
      return 1;
    done += (unsigned long long)w;
  }
  if(!strcmp(fmt, "ttml"))
    printf("    </div>\n  </body>\n</tt>\n");
  return fflush(stdout) ? 1 : 0;
}
