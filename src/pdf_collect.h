/*
 * pdf_collect.h — what both PDF interpreters of the module hand their
 * findings to: a page being read, its characters and its rulings.
 *
 * The fast interpreter (pdf_fast.c) and MuPDF's own (pdf_mupdf.c) must
 * read a page the same way, character for character, so that which of
 * the two read it never shows in what xxgk reports. Both build MuPDF
 * paths and give them to pdfc_path(); MuPDF's interpreter gives its
 * characters through the structured-text device, the fast one through
 * pdfc_glyph(), which does what that device does with a glyph.
 */
#ifndef XXGK_PDF_COLLECT_H
#define XXGK_PDF_COLLECT_H

#include <mupdf/fitz.h>
#include <stdbool.h>
#include <stddef.h>

#include "pdf_layout.h"

/* A page being read: its characters and rulings in growable arrays, and
 * the state of the structured-text device that pdfc_glyph() imitates. */
typedef struct pdfc_page {
    pdfl_page page;
    size_t cap_chars, cap_h, cap_v;
    bool nomem;
    bool fast;            /* read by the fast interpreter (pdf_module.c) */
    size_t fast_images;   /* the images it counted there */
    size_t garbled;       /* U+FFFD kept */
    size_t substituted;   /* characters MuPDF measured with a substitute font */
    fz_rect mediabox;     /* the page's bounds (characters outside are dropped) */
    /* the structured-text device's state */
    bool has_line;        /* a line has been started on this page */
    fz_point line_dir;    /* direction of the current line */
    int line_wmode;
    fz_point pen;         /* where the last character ended */
    int lastchar;
} pdfc_page;

/* Empties acc and frees its arrays. */
void pdfc_reset(pdfc_page *acc);

/* The straight pieces of `path` drawn with `ctm` that are rulings: every
 * straight segment when stroked; when filled, only the edges of thin
 * upright rectangles (Word draws borders so). */
void pdfc_path(fz_context *ctx, pdfc_page *acc, const fz_path *path, fz_matrix ctm, bool fill);

/* Keeps one character as read from MuPDF's structured text (upright
 * lines only are offered): drops control characters and characters
 * without a finite size or place. Sets acc->nomem when out of memory. */
void pdfc_keep(pdfc_page *acc, int c, float x0, float x1, float base, float size);

/* What the structured-text device does with one glyph of a text span
 * drawn with the text-rendering matrix `trm` (text space to device
 * space): the glyph is `c` (a Unicode character), `glyph` false for the
 * second and further characters of a one-to-many ToUnicode mapping,
 * `adv` its advance in text-space units, `wmode` 1 for vertical
 * writing, `bound` a box in text space that holds any glyph of the font.
 * Returns 0, or 1 when the outcome would depend on the font program
 * (a character at the edge of the page, slanted upright text, the
 * further characters of a ligature, right-to-left text): the page is
 * then to be read by MuPDF instead. */
int pdfc_glyph(pdfc_page *acc, int c, bool glyph, fz_matrix trm, float adv, int wmode,
               fz_rect bound);

#endif
