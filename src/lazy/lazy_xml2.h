/*
 * lazy_xml2.h — the libxml2 functions libxxgk calls (src/lazy/README.md),
 * included by the headers in libxml/ beside it once the real ones are in:
 * each is redirected through a table that is filled when the library is
 * first needed (lazy.h). A function missing from the list below is a
 * link error for the xxgk command: add it to the list and to the
 * redirections.
 */
#ifndef XXGK_LAZY_XML2_H
#define XXGK_LAZY_XML2_H

#include "lazy.h"

#define LAZY_XML2_SYMBOLS(X)           \
    X(htmlCreateMemoryParserCtxt)      \
    X(htmlCtxtUseOptions)              \
    X(htmlFreeParserCtxt)              \
    X(htmlParseDocument)               \
    X(xmlCreatePushParserCtxt)         \
    X(xmlCtxtUseOptions)               \
    X(xmlFreeDoc)                      \
    X(xmlFreeParserCtxt)               \
    X(xmlFreeTextReader)               \
    X(xmlInitParser)                   \
    X(xmlParseChunk)                   \
    X(xmlReaderForMemory)              \
    X(xmlSetGenericErrorFunc)          \
    X(xmlStopParser)                   \
    X(xmlSwitchEncoding)               \
    X(xmlTextReaderConstLocalName)     \
    X(xmlTextReaderGetAttribute)       \
    X(xmlTextReaderGetAttributeNs)     \
    X(xmlTextReaderIsEmptyElement)     \
    X(xmlTextReaderNext)               \
    X(xmlTextReaderNodeType)           \
    X(xmlTextReaderRead)               \
    X(xmlTextReaderReadString)         \
    X(__xmlGenericError)               \
    X(__xmlGenericErrorContext)        \
    X(xmlFree)

/* The table: a pointer per function (per variable, for xmlFree). */
struct lazy_xml2 {
#define LAZY_FIELD(f) __typeof__(f) *f;
    LAZY_XML2_SYMBOLS(LAZY_FIELD)
#undef LAZY_FIELD
};
extern struct lazy_xml2 lazy_xml2;

#define htmlCreateMemoryParserCtxt(...) (LAZY_CALL(xml2, htmlCreateMemoryParserCtxt)(__VA_ARGS__))
#define htmlCtxtUseOptions(...) (LAZY_CALL(xml2, htmlCtxtUseOptions)(__VA_ARGS__))
#define htmlFreeParserCtxt(...) (LAZY_CALL(xml2, htmlFreeParserCtxt)(__VA_ARGS__))
#define htmlParseDocument(...) (LAZY_CALL(xml2, htmlParseDocument)(__VA_ARGS__))
#define xmlCreatePushParserCtxt(...) (LAZY_CALL(xml2, xmlCreatePushParserCtxt)(__VA_ARGS__))
#define xmlCtxtUseOptions(...) (LAZY_CALL(xml2, xmlCtxtUseOptions)(__VA_ARGS__))
#define xmlFreeDoc(...) (LAZY_CALL(xml2, xmlFreeDoc)(__VA_ARGS__))
#define xmlFreeParserCtxt(...) (LAZY_CALL(xml2, xmlFreeParserCtxt)(__VA_ARGS__))
#define xmlFreeTextReader(...) (LAZY_CALL(xml2, xmlFreeTextReader)(__VA_ARGS__))
#define xmlParseChunk(...) (LAZY_CALL(xml2, xmlParseChunk)(__VA_ARGS__))
#define xmlReaderForMemory(...) (LAZY_CALL(xml2, xmlReaderForMemory)(__VA_ARGS__))
#define xmlSetGenericErrorFunc(...) (LAZY_CALL(xml2, xmlSetGenericErrorFunc)(__VA_ARGS__))
#define xmlStopParser(...) (LAZY_CALL(xml2, xmlStopParser)(__VA_ARGS__))
#define xmlSwitchEncoding(...) (LAZY_CALL(xml2, xmlSwitchEncoding)(__VA_ARGS__))
#define xmlTextReaderConstLocalName(...) (LAZY_CALL(xml2, xmlTextReaderConstLocalName)(__VA_ARGS__))
#define xmlTextReaderGetAttribute(...) (LAZY_CALL(xml2, xmlTextReaderGetAttribute)(__VA_ARGS__))
#define xmlTextReaderGetAttributeNs(...) (LAZY_CALL(xml2, xmlTextReaderGetAttributeNs)(__VA_ARGS__))
#define xmlTextReaderIsEmptyElement(...) (LAZY_CALL(xml2, xmlTextReaderIsEmptyElement)(__VA_ARGS__))
#define xmlTextReaderNext(...) (LAZY_CALL(xml2, xmlTextReaderNext)(__VA_ARGS__))
#define xmlTextReaderNodeType(...) (LAZY_CALL(xml2, xmlTextReaderNodeType)(__VA_ARGS__))
#define xmlTextReaderRead(...) (LAZY_CALL(xml2, xmlTextReaderRead)(__VA_ARGS__))
#define xmlTextReaderReadString(...) (LAZY_CALL(xml2, xmlTextReaderReadString)(__VA_ARGS__))
#define __xmlGenericError(...) (LAZY_CALL(xml2, __xmlGenericError)(__VA_ARGS__))
#define __xmlGenericErrorContext(...) (LAZY_CALL(xml2, __xmlGenericErrorContext)(__VA_ARGS__))
#define xmlFree(...) ((*LAZY_CALL(xml2, xmlFree))(__VA_ARGS__))

#endif
