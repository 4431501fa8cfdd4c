/*
 * pdf_font.h — fonts as the fast PDF interpreter (pdf_fast.c) needs
 * them: how a shown string splits into character codes, each code's
 * Unicode text (ToUnicode) and its advance width (/W, /Widths). The
 * font programs themselves are never loaded.
 *
 * The rules are MuPDF 1.21's, so that both interpreters read a page
 * alike. A font whose text would come out otherwise than from its
 * ToUnicode map (no map; Type3; a simple font that some writers
 * mis-declare as WinAnsi while meaning GBK; a predefined CJK encoding),
 * or whose glyphs MuPDF would measure on a substitute (a font not
 * embedded), is marked not usable, and its pages are read by MuPDF.
 */
#ifndef XXGK_PDF_FONT_H
#define XXGK_PDF_FONT_H

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
#include <stdbool.h>

typedef struct pdff_hmtx {
    unsigned short lo, hi;
    int w;
} pdff_hmtx;

typedef struct pdff_vmtx {
    unsigned short lo, hi;
    short x, y, w;
} pdff_vmtx;

typedef struct pdff_font {
    pdf_obj *dict;         /* the font dictionary: what the cache is keyed by */
    bool usable;           /* false: pages showing text in it go to MuPDF */
    int wmode;             /* 1: vertical writing */
    pdf_cmap *encoding;    /* codes to CIDs; NULL for simple fonts (one byte each) */
    pdf_cmap *to_unicode;  /* NULL: the codes are Unicode (ToUnicode /Identity-H) */
    pdff_hmtx *h;          /* widths, sorted by lo (as MuPDF sorts them) */
    int nh, dw;            /* count and default width */
    pdff_vmtx *v;          /* vertical metrics (wmode 1) */
    int nv;
    short dvy, dvw;
    fz_rect bbox;          /* holds every glyph (FontBBox, in ems) */
} pdff_font;

typedef struct pdff_fonts {
    pdff_font **v;
    size_t n, cap;
} pdff_fonts;

/* Fonts kept per document; beyond, a page's text goes to MuPDF. */
#define PDFF_MAX_FONTS 256

/* The font for the font dictionary `dict`, loaded on first use and kept
 * in `fonts`. Never NULL; may throw MuPDF's out-of-memory error. */
pdff_font *pdff_get(fz_context *ctx, pdf_document *doc, pdff_fonts *fonts, pdf_obj *dict);

/* Frees every font kept in `fonts`. */
void pdff_drop_all(fz_context *ctx, pdff_fonts *fonts);

/* The next code of a string shown in font f (*p advances), its CID
 * (negative: none, nothing is shown) and how many bytes it took. */
unsigned pdff_next_code(const pdff_font *f, const unsigned char **p, const unsigned char *end,
                        int *cid, int *nbytes);

/* The horizontal width (thousandths of an em) and the vertical advance
 * of a CID. */
int pdff_width(const pdff_font *f, int cid);
int pdff_vadvance(const pdff_font *f, int cid);

/* The Unicode characters of `cid` (at most 8) into out; 0 when the font
 * does not map it (MuPDF would then guess: the page goes to MuPDF). */
int pdff_unicode(const pdff_font *f, int cid, int out[8]);

#endif
