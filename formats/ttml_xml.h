/* formats/ttml_xml.h -- the libxml2 functions the TTML reader calls, through
 * a table filled when the first TTML input is read (src/dl.h says why).
 * Include after <libxml/xmlreader.h>.  Internal to the core library. */
#ifndef TRANSCUE_FORMATS_TTML_XML_H
#define TRANSCUE_FORMATS_TTML_XML_H

#include <libxml/xmlreader.h>

struct tc_xml_fns {
    void (*InitParser)(void);
    xmlTextReaderPtr (*ReaderForIO)(xmlInputReadCallback, xmlInputCloseCallback,
                                    void *, const char *, const char *, int);
    void (*FreeTextReader)(xmlTextReaderPtr);
    void (*SetStructuredErrorHandler)(xmlTextReaderPtr,
                                      xmlStructuredErrorFunc, void *);
    int (*Read)(xmlTextReaderPtr);
    int (*NodeType)(xmlTextReaderPtr);
    int (*IsEmptyElement)(xmlTextReaderPtr);
    int (*MoveToAttributeNo)(xmlTextReaderPtr, int);
    int (*MoveToElement)(xmlTextReaderPtr);
    const xmlChar *(*ConstValue)(xmlTextReaderPtr);
    xmlNodePtr (*CurrentNode)(xmlTextReaderPtr);
    long (*GetLineNo)(const xmlNode *);
};

extern struct tc_xml_fns tc_xml_fn;

/* Make the table ready: TC_OK, or TC_ERR_UNSUPPORTED with the reason in
 * *why (libxml2 could not be loaded). */
int tc_xml_load(const char **why);

/* ttml_xml.c itself fills the table with the real names */
#ifndef TC_XML_TABLE_ONLY
#define xmlReaderForIO                       tc_xml_fn.ReaderForIO
#define xmlFreeTextReader                    tc_xml_fn.FreeTextReader
#define xmlTextReaderSetStructuredErrorHandler \
    tc_xml_fn.SetStructuredErrorHandler
#define xmlTextReaderRead                    tc_xml_fn.Read
#define xmlTextReaderNodeType                tc_xml_fn.NodeType
#define xmlTextReaderIsEmptyElement          tc_xml_fn.IsEmptyElement
#define xmlTextReaderMoveToAttributeNo       tc_xml_fn.MoveToAttributeNo
#define xmlTextReaderMoveToElement           tc_xml_fn.MoveToElement
#define xmlTextReaderConstValue              tc_xml_fn.ConstValue
#define xmlTextReaderCurrentNode             tc_xml_fn.CurrentNode
#define xmlGetLineNo                         tc_xml_fn.GetLineNo
#endif

#endif /* TRANSCUE_FORMATS_TTML_XML_H */
