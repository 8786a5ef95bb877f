/* limit.c -- the benchmark's yardstick: the least a streaming converter
 * must do.  It reads SubRip (standard input, or FILE, its one argument)
 * and writes WebVTT on standard output in one pass: a WEBVTT header,
 * every line copied, and the decimal comma of each timing line ("-->")
 * made a point.  No validation, no cue model, no text handling: what it
 * reaches on a machine is the limit a real converter is measured against
 * (bench/run).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BUFSZ (1 << 17)

static char in[BUFSZ + 1];
static char out[2 * BUFSZ];
static size_t outlen;

static int
flush(void)
{
  size_t off = 0;

  while(off < outlen) {
    ssize_t n = write(1, out + off, outlen - off);
    if(n <= 0)
      return -1;
    off += (size_t)n;
  }
  outlen = 0;
  return 0;
}

static void
line(char *p, size_t n)
{
  char *arrow = n > 3 ? memchr(p, '>', n) : NULL;

  if(arrow && arrow > p + 1 && arrow[-1] == '-' && arrow[-2] == '-') {
    size_t i;
    for(i = 0; i < n; i++)
      if(p[i] == ',')
        p[i] = '.';
  }
  memcpy(out + outlen, p, n);
  outlen += n;
}

int
main(int argc, char **argv)
{
  size_t have = 0;
  int fd = 0;

  if(argc > 1) {
    fd = open(argv[1], O_RDONLY);
    if(fd < 0) {
      perror(argv[1]);
      return 1;
    }
  }
  memcpy(out, "WEBVTT\n\n", 8);
  outlen = 8;
  for(;;) {
    ssize_t n = read(fd, in + have, BUFSZ - have);
    char *p, *end, *nl;
    if(n < 0)
      return 1;
    if(n == 0 && have == 0)
      break;
    end = in + have + n;
    p = in;
    while((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
      line(p, (size_t)(nl + 1 - p));
      p = nl + 1;
    }
    if(n == 0 || (p == in && end - in == BUFSZ)) {
      line(p, (size_t)(end - p));      /* a last or overlong line */
      p = end;
    }
    have = (size_t)(end - p);
    memmove(in, p, have);
    if(outlen > BUFSZ && flush())
      return 1;
    if(n == 0)
      break;
  }
  return flush() ? 1 : 0;
}
