/*
 * libxml/xmlreader.h — libxxgk's view of it (src/lazy/README.md): the real
 * libxml2 headers libxxgk uses, then the redirections of ../lazy_xml2.h.
 * A real header that includes another of these (HTMLparser.h includes
 * parser.h) gets just the real one: the redirections come after all of
 * them, never in the middle of a declaration.
 */
#ifndef XXGK_LAZY_XML2_INNER
#define XXGK_LAZY_XML2_INNER
#include_next <libxml/parser.h>
#include_next <libxml/HTMLparser.h>
#include_next <libxml/xmlreader.h>
#include_next <libxml/parserInternals.h>
#undef XXGK_LAZY_XML2_INNER
#include "../lazy_xml2.h"
#else
#include_next <libxml/xmlreader.h>
#endif
