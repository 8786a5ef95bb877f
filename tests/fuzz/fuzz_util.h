/* fuzz_util.h -- what the libFuzzer harnesses share: the input handed to
 * the library as a file (a memfd, so nothing touches the disk) and the
 * output thrown away.  Included by one harness each, hence static. */
#ifndef TRANSCUE_TESTS_FUZZ_UTIL_H
#define TRANSCUE_TESTS_FUZZ_UTIL_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int fuzz_fd = -1;
static char fuzz_path[64];

/* Standard output goes to /dev/null: writers print there. */
static void
fuzz_setup(void)
{
    int null = open("/dev/null", O_WRONLY);

    if (null < 0 || dup2(null, STDOUT_FILENO) < 0)
        abort();
    close(null);
    fuzz_fd = memfd_create("tcfuzz", 0);
    if (fuzz_fd < 0)
        abort();
    snprintf(fuzz_path, sizeof fuzz_path, "/proc/self/fd/%d", fuzz_fd);
}

/* Make the file hold exactly data[0..n); returns its path. */
static const char *
fuzz_input(const unsigned char *data, size_t n)
{
    if (ftruncate(fuzz_fd, 0) != 0 ||
        (n > 0 && pwrite(fuzz_fd, data, n, 0) != (ssize_t)n))
        abort();
    return fuzz_path;
}

#endif
