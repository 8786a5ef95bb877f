/* formats/ttml_xml.c -- libxml2 for the TTML reader, loaded on first use
 * when configure found its soname (TC_LAZY_LIBXML2), else linked: see
 * src/dl.h and ttml_xml.h. */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "transcue.h"
#include "dl.h"
#define TC_XML_TABLE_ONLY
#include "ttml_xml.h"

#ifdef TC_LAZY_LIBXML2
struct tc_xml_fns tc_xml_fn;

/* In the order of struct tc_xml_fns. */
static const char *const names[] = {
    "xmlInitParser", "xmlReaderForIO", "xmlFreeTextReader",
    "xmlTextReaderSetStructuredErrorHandler", "xmlTextReaderRead",
    "xmlTextReaderNodeType", "xmlTextReaderIsEmptyElement",
    "xmlTextReaderMoveToAttributeNo", "xmlTextReaderMoveToElement",
    "xmlTextReaderConstValue", "xmlTextReaderCurrentNode", "xmlGetLineNo"
};
#define NFNS (sizeof names / sizeof names[0])

/* the table has one function pointer a name, nothing else */
typedef char tc_xml_table_matches[sizeof tc_xml_fn ==
                                  NFNS * sizeof(void (*)(void)) ? 1 : -1];
#else
/* Linked: the compiler checks the table's types against the headers. */
struct tc_xml_fns tc_xml_fn = {
    xmlInitParser, xmlReaderForIO, xmlFreeTextReader,
    xmlTextReaderSetStructuredErrorHandler, xmlTextReaderRead,
    xmlTextReaderNodeType, xmlTextReaderIsEmptyElement,
    xmlTextReaderMoveToAttributeNo, xmlTextReaderMoveToElement,
    xmlTextReaderConstValue, xmlTextReaderCurrentNode, xmlGetLineNo
};
#endif

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int status = TC_ERR_UNSUPPORTED;
static char reason[256];

/* libxml2 before 2.11 sets up its global state on first use, which two
 * threads, each with its own context, must not do at once: done here,
 * once. */
static void
load(void)
{
#ifdef TC_LAZY_LIBXML2
    void *slots[NFNS];
    int rc;

    rc = tc_dl_resolve(TC_LAZY_LIBXML2, names, slots, NFNS, reason,
                       sizeof reason);
    if (rc != TC_OK) {
        status = rc;
        return;
    }
    memcpy(&tc_xml_fn, slots, sizeof tc_xml_fn);
#endif
    tc_xml_fn.InitParser();
    status = TC_OK;
}

int
tc_xml_load(const char **why)
{
    if (pthread_once(&once, load) != 0) {
        *why = "pthread_once failed";
        return TC_ERR_UNSUPPORTED;
    }
    *why = reason;
    return status;
}
