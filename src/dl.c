/* dl.c -- libraries loaded when first needed: see dl.h. */
#include "config.h"

#include <string.h>

#if defined(TC_LAZY_LIBXML2) || defined(TC_LAZY_UCHARDET)
#include <dlfcn.h>
#endif

#include "transcue.h"
#include "dl.h"

static void
say(char *why, size_t size, const char *a, const char *b)
{
    size_t la = strlen(a), lb;

    if (size == 0)
        return;
    if (la >= size)
        la = size - 1;
    memcpy(why, a, la);
    lb = strlen(b);
    if (lb >= size - la)
        lb = size - la - 1;
    memcpy(why + la, b, lb);
    why[la + lb] = '\0';
}

int
tc_dl_resolve(const char *soname, const char *const *names, void **slots,
              size_t n, char *why, size_t size)
{
#if defined(TC_LAZY_LIBXML2) || defined(TC_LAZY_UCHARDET)
    void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    size_t i;

    if (h == NULL) {
        const char *e = dlerror();

        say(why, size, "cannot load: ", e != NULL ? e : soname);
        return TC_ERR_UNSUPPORTED;
    }
    for (i = 0; i < n; i++) {
        /* POSIX: a data pointer that holds a function's address */
        slots[i] = dlsym(h, names[i]);
        if (slots[i] == NULL) {
            say(why, size, "missing function ", names[i]);
            return TC_ERR_UNSUPPORTED;   /* h stays open: cheap, rare */
        }
    }
    return TC_OK;
#else
    (void)soname;
    (void)names;
    (void)slots;
    (void)n;
    say(why, size, "not built to load libraries", "");
    return TC_ERR_UNSUPPORTED;
#endif
}
