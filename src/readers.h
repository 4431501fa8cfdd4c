/*
 * readers.h — readers for the forms reports are published in.
 *
 * Every reader hands over the document tree (doc.h): paragraphs and
 * tables, each cell with its grid column and spans, each node with its
 * place in the input's own terms (page, table/row/cell, element path,
 * line). The recogniser reads the tree; doc_print.c writes the one text
 * view of it (`xxgk parse --format text`), whose lines findings also
 * count.
 */
#ifndef XXGK_READERS_H
#define XXGK_READERS_H

#include <stddef.h>

#include "arena.h"
#include "doc.h"
#include "input.h"
#include "xxgk.h"

/* Reads `data` (of the kind the reader handles) into the tree `out`
 * (initialised by the caller, in the arena); *encoding names how the
 * text was decoded. Fails with a status and a message naming the
 * reason. */
typedef xxgk_status (*reader_fn)(arena *a, const char *data, size_t size, doc *out,
                                 const char **encoding, xxgk_error *err);

/* The reader for a kind of input, or NULL when there is none. */
reader_fn reader_for(input_kind kind);

/* Runs `reader` into a tree of its own and prints the view of it into
 * `out` (text, size, encoding): what the reader hands over, as text, for
 * tests, fuzzers and benchmarks. `what` names the input kind in the
 * message when there is no text ("DOCX"). */
xxgk_status reader_view(reader_fn reader, const char *what, arena *a, const char *data,
                        size_t size, input_text *out, xxgk_error *err);

/* The readers. */
/* Text whose tables are HTML blocks (read_markdown.c): PDF-to-Markdown
 * output. */
xxgk_status read_markdown(arena *a, const char *data, size_t size, doc *out,
                          const char **encoding, xxgk_error *err);
/* XLSX (read_xlsx.c): a workbook's sheets as paragraphs and tables. */
xxgk_status read_xlsx(arena *a, const char *data, size_t size, doc *out, const char **encoding,
                      xxgk_error *err);
/* A zip container: a workbook (xl/workbook.xml) to read_xlsx, anything
 * else to read_docx. */
xxgk_status read_archive(arena *a, const char *data, size_t size, doc *out, const char **encoding,
                     xxgk_error *err);
xxgk_status read_crawl(arena *a, const char *data, size_t size, doc *out,
                       const char **encoding, xxgk_error *err);

#endif
