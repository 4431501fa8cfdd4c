/*
 * read_html.h — the HTML reader (a reader_fn, see readers.h).
 */
#ifndef XXGK_READ_HTML_H
#define XXGK_READ_HTML_H

#include "readers.h"

/* Reads a web page: finds the article among the page's navigation,
 * scripts and footers, and hands over its paragraphs and tables, each
 * with its element path. *encoding names the page's charset. */
xxgk_status read_html(arena *a, const char *data, size_t size, doc *out,
                      const char **encoding, xxgk_error *err);

#endif
