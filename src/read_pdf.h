/*
 * read_pdf.h — the PDF reader (read_pdf.c, with MuPDF; the layout in
 * pdf_layout.c).
 */
#ifndef XXGK_READ_PDF_H
#define XXGK_READ_PDF_H

#include "readers.h"

/* Limits that bound what one PDF may cost. */
#define XXGK_PDF_MAX_PAGES 2000                          /* a report has 3–30 */
#define XXGK_PDF_MAX_CHARS ((size_t)4 * 1000 * 1000)     /* characters in all */
#define XXGK_PDF_MAX_MEMORY ((size_t)768 * 1024 * 1024)  /* MuPDF's allocations */

/* A reader_fn for PDF: text PDFs are read into the Word-text layout
 * (pdf_layout.h). A PDF without a text layer fails with
 * XXGK_E_UNSUPPORTED ("扫描件，没有文字层"); an encrypted one with
 * XXGK_E_UNSUPPORTED; a damaged one (or one without pages) with
 * XXGK_E_TRUNCATED; one over the limits with XXGK_E_TOO_LARGE. */
xxgk_status read_pdf(arena *a, const char *data, size_t size, doc *out, const char **encoding,
                     xxgk_error *err);

#endif
