/*
 * pdf_layout.h — from what a PDF page shows (characters with positions,
 * and the ruling lines drawn on it) to the document tree (doc.h).
 *
 * This half of the PDF reader knows nothing of MuPDF: read_pdf.c fills
 * the pages, pdf_layout.c rebuilds paragraphs and tables from geometry.
 * Coordinates are PDF points with y growing downwards (MuPDF's device
 * space): a larger y is lower on the page.
 */
#ifndef XXGK_PDF_LAYOUT_H
#define XXGK_PDF_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "strbuf.h"

/* One character as printed. */
typedef struct pdfl_char {
    int32_t cp;     /* Unicode code point */
    float x0, x1;   /* left and right edge */
    float base;     /* baseline */
    float size;     /* font size */
} pdfl_char;

/* A straight ruling: `pos` is the y of a horizontal line (the x of a
 * vertical one), `a0`…`a1` its extent along the other axis. */
typedef struct pdfl_seg {
    float pos, a0, a1;
} pdfl_seg;

typedef struct pdfl_page {
    float width, height;
    pdfl_char *chars;
    size_t nchars;
    pdfl_seg *hsegs, *vsegs;
    size_t nh, nv;
} pdfl_page;

/* Pages with more rulings than this are drawings: their lines are not
 * read as tables (the pairing of lines is quadratic). */
#define PDFL_MAX_SEGS 4000
/* A grid larger than this is not a report table. */
#define PDFL_MAX_GRID 20000

/* Hands the pages over, in order, into the tree `out`, every node with
 * its page and box:
 *  - tables from the rulings: grid rows and columns from the lines'
 *    positions, merged cells where a line is missing, a cell per line of
 *    the layout, the continuation of a vertically merged cell a
 *    continued cell; a
 *    table that goes on over a page break is one table, and a merged
 *    cell cut by the break is one cell;
 *  - text lines from baselines, lines of a paragraph joined again (a line
 *    that reaches the right margin goes on in the next one unless that is
 *    indented);
 *  - page numbers ("-2-", "第 2 页") and running headers and footers
 *    dropped;
 *  - a line outside ruled tables whose words stand in columns, with two
 *    numbers or more, as a table row (tables drawn without lines).
 * The page arrays may be sorted in place. Returns 0, or -1 when out of
 * memory (out->failed tells when the text grew past its limit). */
int pdfl_write(pdfl_page *pages, size_t npages, doc *out);

#endif
