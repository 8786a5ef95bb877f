/* buf.h -- growable byte buffer.
 *
 * Invariants: data is never NULL and always NUL-terminated; len excludes the
 * NUL.  After the first failed append (no memory, or over the limit) the
 * buffer is "failed": later appends do nothing and tc_buf_status() says why,
 * so a caller may append many times and check once.
 */
#ifndef TRANSCUE_SRC_BUF_H
#define TRANSCUE_SRC_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "transcue.h"

struct tc_buf {
    char  *data;
    size_t len;
    size_t cap;      /* 0 while data points at the shared empty string */
    size_t limit;    /* 0 = no limit beyond memory */
    int    status;   /* TC_OK, or the sticky failure */
};

#define TC_BUF_INIT { tc_buf_empty_, 0, 0, 0, TC_OK }
extern char tc_buf_empty_[1];

void tc_buf_init(struct tc_buf *b, size_t limit);
void tc_buf_release(struct tc_buf *b);
void tc_buf_clear(struct tc_buf *b);         /* len = 0, keeps memory */
int  tc_buf_grow(struct tc_buf *b, size_t extra);
int  tc_buf_add(struct tc_buf *b, const void *p, size_t n);
int  tc_buf_addc(struct tc_buf *b, char c);
int  tc_buf_adds(struct tc_buf *b, const char *s);
int  tc_buf_addf(struct tc_buf *b, const char *fmt, ...) TC_PRINTF(2, 3);
int  tc_buf_vaddf(struct tc_buf *b, const char *fmt, va_list ap);
void tc_buf_truncate(struct tc_buf *b, size_t len);
int  tc_buf_status(const struct tc_buf *b);
/* Hand the memory to the caller (free with tc_free) and reset b. */
char *tc_buf_detach(struct tc_buf *b);

#endif /* TRANSCUE_SRC_BUF_H */
