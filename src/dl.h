/* dl.h -- libraries loaded when first needed.
 *
 * libxml2 (with ICU and libstdc++ behind it) and uchardet (libstdc++)
 * cost a few milliseconds to load, more than a small conversion takes;
 * only a TTML input needs the one and only a line that is not UTF-8 the
 * other.  When configure found their sonames (TC_LAZY_LIBXML2,
 * TC_LAZY_UCHARDET), the library is not linked with them: each is opened
 * with dlopen() on first use, its functions looked up into a table, once
 * for the process however many threads ask (pthread_once).  Without the
 * sonames the table holds the functions themselves and nothing changes
 * but one indirection.  The callers include their library's header first,
 * then formats/ttml_xml.h or the table in charset.c, whose macros route
 * each call through the table.
 */
#ifndef TRANSCUE_SRC_DL_H
#define TRANSCUE_SRC_DL_H

#include <stddef.h>

/* Open soname and look up names[0..n) into slots[0..n): TC_OK, or
 * TC_ERR_UNSUPPORTED with the reason in why[size]. */
int tc_dl_resolve(const char *soname, const char *const *names,
                  void **slots, size_t n, char *why, size_t size);

#endif /* TRANSCUE_SRC_DL_H */
