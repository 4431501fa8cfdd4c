/*
 * read_html.h — the HTML reader (a reader_fn, see readers.h).
 */
#ifndef XXGK_READ_HTML_H
#define XXGK_READ_HTML_H

#include "readers.h"

/* Reads a web page: finds the article among the page's navigation,
 * scripts and footers, and lays its paragraphs and tables out as
 * Word-extracted text. out->encoding names the page's charset. */
xxgk_status read_html(arena *a, const char *data, size_t size, input_text *out,
                      xxgk_error *err);

#endif
