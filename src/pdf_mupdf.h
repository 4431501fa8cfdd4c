/*
 * pdf_mupdf.h — reading a page with MuPDF's own interpreter and its
 * structured-text device: the PDF module's way for pages the fast
 * interpreter (pdf_fast.h) declines.
 */
#ifndef XXGK_PDF_MUPDF_H
#define XXGK_PDF_MUPDF_H

#include <mupdf/fitz.h>

#include "pdf_collect.h"

/* Interprets the contents of page `i` (not its annotations) into acc,
 * and adds the images it draws to *images. Throws MuPDF's errors. */
void pdfm_mupdf_page(fz_context *ctx, fz_document *fzdoc, int i, pdfc_page *acc, size_t *images);

#endif
