/*
 * pdf_fast.h — the PDF module's fast interpreter: a page's content
 * stream read for its text and its rulings only, with fonts taken from
 * their dictionaries (pdf_font.h) and no font program, image or
 * annotation ever loaded.
 *
 * It reads a page exactly as MuPDF's interpreter and structured-text
 * device do (pdf_mupdf.h), or declines it: a page that uses something
 * whose outcome it cannot tell without what it skips (a font without
 * ToUnicode, Type3 glyphs, patterns, soft masks, hidden optional
 * content, text at the page's edge, a syntax error, …) is then read by
 * MuPDF. Declining costs time, never a different reading.
 */
#ifndef XXGK_PDF_FAST_H
#define XXGK_PDF_FAST_H

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include "pdf_collect.h"
#include "pdf_font.h"

/* Why a page was declined (the first reason met). */
typedef enum pdff_decline {
    PDFF_READ = 0,
    PDFF_FONT,        /* a font not read from its dictionaries alone */
    PDFF_GLYPH,       /* a glyph whose place needs its outline */
    PDFF_SYNTAX,      /* a token or operand MuPDF would call an error */
    PDFF_PAINT,       /* patterns, soft masks, hidden optional content */
    PDFF_IMAGE,       /* an inline image it cannot measure */
    PDFF_DEPTH,       /* forms or saved states nested too deep */
    PDFF_STREAM,      /* contents that could not be read whole */
    PDFF_DAMAGED      /* the file was repaired: objects and fonts may be
                         broken in ways only MuPDF's own reading shows */
} pdff_decline;

/* Reads the contents of page `i` of pdf into acc (emptied first) and
 * adds the images drawn to *images. Returns PDFF_READ, or why the page
 * is declined (acc then holds a partial reading, to be reset). Fonts
 * are kept in `fonts` for the following pages. Throws MuPDF's
 * out-of-memory error. */
pdff_decline pdff_page(fz_context *ctx, pdf_document *pdf, pdff_fonts *fonts, int i,
                       pdfc_page *acc, size_t *images);

#endif
