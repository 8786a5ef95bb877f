/* status.c -- tc_strerror() and the library's version. */
#include "config.h"

#include "transcue.h"

const char *
tc_strerror(int status)
{
    switch (status) {
    case TC_OK:
        return "success";
    case TC_ERR_NOMEM:
        return "out of memory";
    case TC_ERR_IO:
        return "input/output error";
    case TC_ERR_SYNTAX:
        return "input could not be read";
    case TC_ERR_ENCODING:
        return "encoding error";
    case TC_ERR_LIMIT:
        return "a size or count limit was reached";
    case TC_ERR_ARG:
        return "invalid argument";
    case TC_ERR_UNKNOWN_FORMAT:
        return "unknown format";
    case TC_ERR_STRICT:
        return "repair needed in strict mode";
    case TC_ERR_UNSUPPORTED:
        return "not supported by this format";
    case TC_ERR_CLOSED:
        return "the output was closed by its reader";
    case TC_AGAIN:
        return "nothing to read now";
    case TC_MORE:
        return "more input needed";
    case TC_END:
        return "end of the cues";
    }
    return "unknown status";
}

unsigned
tc_version(void)
{
    return TC_VERSION_NUM;
}

const char *
tc_version_string(void)
{
    return PACKAGE_VERSION;
}
