/*
 * pdf_font.c — fonts for the fast PDF interpreter (pdf_font.h): the
 * dictionaries only, never the font programs.
 *
 * Widths follow MuPDF 1.21's reading of /W, /DW, /Widths, /FirstChar,
 * /LastChar and /MissingWidth (integers, ranges sorted by their first
 * code and searched by halves), so that a glyph advances exactly as
 * far in both interpreters. Text comes from the ToUnicode CMap alone,
 * looked up by the code (which is what MuPDF's remapping through the
 * identity encodings amounts to).
 */
#include "pdf_font.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- metrics ------------------------------------------------------------ */

static void add_hmtx(fz_context *ctx, pdff_font *f, int *cap, int lo, int hi, int w)
{
    if (lo < 0 || hi > 0xFFFF || lo > hi) {
        f->usable = false; /* MuPDF would truncate such codes; not worth mimicking */
        return;
    }
    if (f->nh == *cap) {
        int nc = *cap ? *cap * 2 : 16;
        f->h = fz_realloc(ctx, f->h, (size_t)nc * sizeof *f->h);
        *cap = nc;
    }
    f->h[f->nh++] = (pdff_hmtx){(unsigned short)lo, (unsigned short)hi, w};
}

static int cmp_hmtx(const void *a, const void *b)
{
    return ((const pdff_hmtx *)a)->lo - ((const pdff_hmtx *)b)->lo;
}

static int cmp_vmtx(const void *a, const void *b)
{
    return ((const pdff_vmtx *)a)->lo - ((const pdff_vmtx *)b)->lo;
}

/* /W of a CIDFont: `c [w1 w2 …]` or `cfirst clast w`. */
static void load_w(fz_context *ctx, pdff_font *f, pdf_obj *widths)
{
    int cap = 0, n = pdf_array_len(ctx, widths);
    for (int i = 0; i < n && f->usable;) {
        int c0 = pdf_array_get_int(ctx, widths, i);
        pdf_obj *obj = pdf_array_get(ctx, widths, i + 1);
        if (pdf_is_array(ctx, obj)) {
            int m = pdf_array_len(ctx, obj);
            for (int k = 0; k < m && f->usable; k++)
                add_hmtx(ctx, f, &cap, c0 + k, c0 + k, pdf_array_get_int(ctx, obj, k));
            i += 2;
        } else {
            add_hmtx(ctx, f, &cap, c0, pdf_to_int(ctx, obj), pdf_array_get_int(ctx, widths, i + 2));
            i += 3;
        }
    }
}

static bool add_vmtx(fz_context *ctx, pdff_font *f, int *cap, int lo, int hi, pdf_obj *arr,
                     int at)
{
    if (lo < 0 || hi > 0xFFFF || lo > hi) {
        f->usable = false;
        return false;
    }
    if (f->nv == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        f->v = fz_realloc(ctx, f->v, (size_t)*cap * sizeof *f->v);
    }
    f->v[f->nv++] = (pdff_vmtx){(unsigned short)lo, (unsigned short)hi,
                                (short)pdf_array_get_int(ctx, arr, at + 1),
                                (short)pdf_array_get_int(ctx, arr, at + 2),
                                (short)pdf_array_get_int(ctx, arr, at)};
    return true;
}

/* /DW2 and /W2 of a vertical CIDFont: `c [w1 vx vy …]` (a triple per
 * code) or `cfirst clast w1 vx vy`. */
static void load_w2(fz_context *ctx, pdff_font *f, pdf_obj *dict)
{
    f->dvy = 880;
    f->dvw = -1000;
    pdf_obj *dw2 = pdf_dict_get(ctx, dict, PDF_NAME(DW2));
    if (dw2) {
        f->dvy = (short)pdf_array_get_int(ctx, dw2, 0);
        f->dvw = (short)pdf_array_get_int(ctx, dw2, 1);
    }
    pdf_obj *w2 = pdf_dict_get(ctx, dict, PDF_NAME(W2));
    int n = pdf_array_len(ctx, w2), cap = 0;
    for (int i = 0; i < n;) {
        int c0 = pdf_array_get_int(ctx, w2, i);
        pdf_obj *obj = pdf_array_get(ctx, w2, i + 1);
        if (pdf_is_array(ctx, obj)) {
            for (int k = 0; k * 3 < pdf_array_len(ctx, obj); k++)
                if (!add_vmtx(ctx, f, &cap, c0 + k, c0 + k, obj, k * 3))
                    return;
            i += 2;
        } else {
            if (!add_vmtx(ctx, f, &cap, c0, pdf_to_int(ctx, obj), w2, i + 2))
                return;
            i += 5;
        }
    }
    if (f->nv > 1)
        qsort(f->v, (size_t)f->nv, sizeof *f->v, cmp_vmtx);
}

/* ToUnicode: a CMap stream, or the name of an identity CMap. */
static void load_to_unicode(fz_context *ctx, pdf_document *doc, pdff_font *f, pdf_obj *dict)
{
    pdf_obj *tu = pdf_dict_get(ctx, dict, PDF_NAME(ToUnicode));
    if (pdf_is_stream(ctx, tu))
        f->to_unicode = pdf_load_embedded_cmap(ctx, doc, tu);
    else if (!pdf_name_eq(ctx, tu, PDF_NAME(Identity_H)) &&
             !pdf_name_eq(ctx, tu, PDF_NAME(Identity_V)))
        f->usable = false; /* MuPDF would guess the text from the encoding */
}

/* The descriptor's FontBBox in ems, when it is a plausible box; else a
 * box of two ems around the origin (and more). */
static fz_rect font_bbox(fz_context *ctx, pdf_obj *desc)
{
    pdf_obj *b = pdf_dict_get(ctx, desc, PDF_NAME(FontBBox));
    fz_rect r = fz_make_rect(-2, -2, 3, 3);
    if (pdf_array_len(ctx, b) == 4) {
        float v[4];
        for (int i = 0; i < 4; i++)
            v[i] = pdf_array_get_real(ctx, b, i) / 1000;
        fz_rect f = fz_make_rect(fminf(v[0], v[2]), fminf(v[1], v[3]), fmaxf(v[0], v[2]),
                                 fmaxf(v[1], v[3]));
        if (f.x1 - f.x0 > 0.1f && f.y1 - f.y0 > 0.1f && f.x0 > -5 && f.y0 > -5 && f.x1 < 5 &&
            f.y1 < 5)
            r = f;
    }
    return r;
}

/* Whether the font program is in the file. MuPDF measures a glyph's
 * right edge on the program: an embedded one agrees with /W to the
 * rounding of a thousandth of an em, while a substitute for a font
 * not embedded has widths of its own. */
static bool embedded(fz_context *ctx, pdf_obj *desc)
{
    return pdf_is_indirect(ctx, pdf_dict_get(ctx, desc, PDF_NAME(FontFile))) ||
           pdf_is_indirect(ctx, pdf_dict_get(ctx, desc, PDF_NAME(FontFile2))) ||
           pdf_is_indirect(ctx, pdf_dict_get(ctx, desc, PDF_NAME(FontFile3)));
}

/* ---- the two kinds of font ----------------------------------------------- */

static void load_type0(fz_context *ctx, pdf_document *doc, pdff_font *f, pdf_obj *dict)
{
    pdf_obj *enc = pdf_dict_get(ctx, dict, PDF_NAME(Encoding));
    pdf_obj *cid = pdf_array_get(ctx, pdf_dict_get(ctx, dict, PDF_NAME(DescendantFonts)), 0);
    pdf_obj *sub = pdf_dict_get(ctx, cid, PDF_NAME(Subtype));
    if ((!pdf_name_eq(ctx, enc, PDF_NAME(Identity_H)) &&
         !pdf_name_eq(ctx, enc, PDF_NAME(Identity_V))) ||
        (!pdf_name_eq(ctx, sub, PDF_NAME(CIDFontType0)) &&
         !pdf_name_eq(ctx, sub, PDF_NAME(CIDFontType2))) ||
        !embedded(ctx, pdf_dict_get(ctx, cid, PDF_NAME(FontDescriptor)))) {
        f->usable = false;
        return;
    }
    f->encoding = pdf_load_system_cmap(ctx, pdf_to_name(ctx, enc));
    f->bbox = font_bbox(ctx, pdf_dict_get(ctx, cid, PDF_NAME(FontDescriptor)));
    f->wmode = pdf_cmap_wmode(ctx, f->encoding);
    load_to_unicode(ctx, doc, f, dict);
    pdf_obj *dw = pdf_dict_get(ctx, cid, PDF_NAME(DW));
    f->dw = pdf_is_number(ctx, dw) ? pdf_to_int(ctx, dw) : 1000;
    pdf_obj *w = pdf_dict_get(ctx, cid, PDF_NAME(W));
    if (w)
        load_w(ctx, f, w);
    if (f->wmode)
        load_w2(ctx, f, cid);
}

static void load_simple(fz_context *ctx, pdf_document *doc, pdff_font *f, pdf_obj *dict)
{
    pdf_obj *desc = pdf_dict_get(ctx, dict, PDF_NAME(FontDescriptor));
    pdf_obj *widths = pdf_dict_get(ctx, dict, PDF_NAME(Widths));
    /* Without /Widths MuPDF measures the font program; a WinAnsi font
     * flagged symbolic (4) may be one MuPDF reads as GBK (S22PDF). Fonts
     * not embedded: see embedded(). */
    if (!widths || !embedded(ctx, desc) ||
        (pdf_dict_get(ctx, dict, PDF_NAME(Encoding)) == PDF_NAME(WinAnsiEncoding) &&
         pdf_dict_get_int(ctx, desc, PDF_NAME(Flags)) == 4)) {
        f->usable = false;
        return;
    }
    load_to_unicode(ctx, doc, f, dict);
    f->bbox = font_bbox(ctx, desc);
    f->dw = (int)pdf_dict_get_real(ctx, desc, PDF_NAME(MissingWidth));
    int first = pdf_dict_get_int(ctx, dict, PDF_NAME(FirstChar));
    int last = pdf_dict_get_int(ctx, dict, PDF_NAME(LastChar));
    if (first < 0 || last > 255 || first > last)
        first = last = 0;
    int cap = 0;
    for (int i = 0; i < last - first + 1; i++)
        add_hmtx(ctx, f, &cap, i + first, i + first, pdf_array_get_int(ctx, widths, i));
}

/* Reads the font; anything MuPDF would do otherwise than we know marks
 * it unusable. Errors but running out of memory do the same. */
static void load(fz_context *ctx, pdf_document *doc, pdff_font *f, pdf_obj *dict)
{
    fz_try(ctx)
    {
        pdf_obj *sub = pdf_dict_get(ctx, dict, PDF_NAME(Subtype));
        if (pdf_name_eq(ctx, sub, PDF_NAME(Type0)))
            load_type0(ctx, doc, f, dict);
        else if (pdf_name_eq(ctx, sub, PDF_NAME(Type1)) ||
                 pdf_name_eq(ctx, sub, PDF_NAME(MMType1)) ||
                 pdf_name_eq(ctx, sub, PDF_NAME(TrueType)))
            load_simple(ctx, doc, f, dict);
        else
            f->usable = false; /* Type3, or a font MuPDF would have to guess */
        if (f->nh > 1)
            qsort(f->h, (size_t)f->nh, sizeof *f->h, cmp_hmtx);
    }
    fz_catch(ctx)
    {
        if (fz_caught(ctx) == FZ_ERROR_MEMORY)
            fz_rethrow(ctx);
        f->usable = false;
    }
}

static void free_font(fz_context *ctx, pdff_font *f)
{
    if (!f)
        return;
    pdf_drop_cmap(ctx, f->encoding);
    pdf_drop_cmap(ctx, f->to_unicode);
    fz_free(ctx, f->h);
    fz_free(ctx, f->v);
    fz_free(ctx, f);
}

pdff_font *pdff_get(fz_context *ctx, pdf_document *doc, pdff_fonts *fonts, pdf_obj *dict)
{
    static pdff_font too_many; /* usable false: the page goes to MuPDF */
    dict = pdf_resolve_indirect(ctx, dict);
    for (size_t i = 0; i < fonts->n; i++)
        if (fonts->v[i]->dict == dict)
            return fonts->v[i];
    if (fonts->n == PDFF_MAX_FONTS)
        return &too_many; /* (a report has a dozen; the search stays short) */
    if (fonts->n == fonts->cap) {
        size_t nc = fonts->cap ? fonts->cap * 2 : 16;
        fonts->v = fz_realloc(ctx, fonts->v, nc * sizeof *fonts->v);
        fonts->cap = nc;
    }
    pdff_font *f = fz_malloc_struct(ctx, pdff_font);
    f->dict = dict;
    f->usable = pdf_is_dict(ctx, dict);
    fz_try(ctx)
    {
        if (f->usable)
            load(ctx, doc, f, dict);
    }
    fz_catch(ctx)
    {
        free_font(ctx, f);
        fz_rethrow(ctx);
    }
    fonts->v[fonts->n++] = f;
    return f;
}

void pdff_drop_all(fz_context *ctx, pdff_fonts *fonts)
{
    for (size_t i = 0; i < fonts->n; i++)
        free_font(ctx, fonts->v[i]);
    fz_free(ctx, fonts->v);
    memset(fonts, 0, sizeof *fonts);
}

/* ---- use ---------------------------------------------------------------- */

unsigned pdff_next_code(const pdff_font *f, const unsigned char **p, const unsigned char *end,
                        int *cid, int *nbytes)
{
    unsigned code;
    if (!f->encoding) {
        code = **p;
        *nbytes = 1;
        *cid = (int)code;
    } else {
        *nbytes = pdf_decode_cmap(f->encoding, (unsigned char *)*p, (unsigned char *)end, &code);
        *cid = pdf_lookup_cmap(f->encoding, code);
    }
    *p += *nbytes;
    return code;
}

int pdff_width(const pdff_font *f, int cid)
{
    int l = 0, r = f->nh - 1;
    while (l <= r) {
        int m = (l + r) >> 1;
        if (cid < f->h[m].lo)
            r = m - 1;
        else if (cid > f->h[m].hi)
            l = m + 1;
        else
            return f->h[m].w;
    }
    return f->dw;
}

int pdff_vadvance(const pdff_font *f, int cid)
{
    int l = 0, r = f->nv - 1;
    while (l <= r) {
        int m = (l + r) >> 1;
        if (cid < f->v[m].lo)
            r = m - 1;
        else if (cid > f->v[m].hi)
            l = m + 1;
        else
            return f->v[m].w;
    }
    return f->dvw;
}

int pdff_unicode(const pdff_font *f, int cid, int out[8])
{
    if (!f->to_unicode) {
        out[0] = cid;
        return cid > 0 ? 1 : 0;
    }
    int n = pdf_lookup_cmap_full(f->to_unicode, (unsigned)cid, out);
    if (n == 1 && out[0] == 0)
        return 0;
    return n > 8 ? 8 : n;
}
