/*
 * read_docx.h — the DOCX reader (read_docx.c).
 */
#ifndef XXGK_READ_DOCX_H
#define XXGK_READ_DOCX_H

#include "readers.h"

/* Limits that bound what one DOCX may cost, whatever its zip claims. */
#define DOCX_MAX_ENTRIES 10000                       /* a report has 10–40 parts */
#define DOCX_MAX_XML ((size_t)128 * 1024 * 1024)     /* word/document.xml, inflated */
#define DOCX_MAX_RATIO 200                           /* inflated ÷ compressed … */
#define DOCX_RATIO_FROM ((size_t)1024 * 1024)        /* … checked beyond 1 MB */
#define DOCX_MAX_DEPTH 200                           /* XML element nesting */

/* A reader_fn for zip containers: reads word/document.xml as a Word
 * report. A zip without it fails with XXGK_E_UNSUPPORTED ("不是 DOCX
 * 文件"); a damaged zip or XML with XXGK_E_TRUNCATED; a part over the
 * limits above with XXGK_E_TOO_LARGE. */
xxgk_status read_docx(arena *a, const char *data, size_t size, doc *out, const char **encoding,
                      xxgk_error *err);

#endif
