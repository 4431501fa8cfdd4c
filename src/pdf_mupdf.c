/*
 * pdf_mupdf.c — a page read by MuPDF's interpreter (pdf_mupdf.h): a
 * device that keeps the straight lines drawn (the rulings of tables)
 * and passes text on to MuPDF's structured-text device, whose upright
 * lines give the characters.
 *
 * This is the slow way, and the reference: it loads every font program
 * and measures every glyph. The fast interpreter (pdf_fast.c) reads the
 * pages it can the same way at a fraction of the cost; tests compare
 * the two (tests/unit/test_pdf_fast.c).
 */
#include "pdf_mupdf.h"

#include <math.h>
#include <stdbool.h>

/* The device: paths here, text on to MuPDF's structured-text device. */
typedef struct page_device {
    fz_device super;
    fz_device *text;
    pdfc_page *acc;
    size_t images;
} page_device;

static void d_fill_path(fz_context *ctx, fz_device *dev, const fz_path *path, int even_odd,
                        fz_matrix ctm, fz_colorspace *cs, const float *color, float alpha,
                        fz_color_params cp)
{
    (void)even_odd, (void)cs, (void)color, (void)alpha, (void)cp;
    pdfc_path(ctx, ((page_device *)dev)->acc, path, ctm, true);
}

static void d_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *path,
                          const fz_stroke_state *st, fz_matrix ctm, fz_colorspace *cs,
                          const float *color, float alpha, fz_color_params cp)
{
    (void)st, (void)cs, (void)color, (void)alpha, (void)cp;
    pdfc_path(ctx, ((page_device *)dev)->acc, path, ctm, false);
}

static void d_fill_text(fz_context *ctx, fz_device *dev, const fz_text *text, fz_matrix ctm,
                        fz_colorspace *cs, const float *color, float alpha, fz_color_params cp)
{
    fz_fill_text(ctx, ((page_device *)dev)->text, text, ctm, cs, color, alpha, cp);
}

static void d_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
                          const fz_stroke_state *st, fz_matrix ctm, fz_colorspace *cs,
                          const float *color, float alpha, fz_color_params cp)
{
    fz_stroke_text(ctx, ((page_device *)dev)->text, text, st, ctm, cs, color, alpha, cp);
}

static void d_clip_text(fz_context *ctx, fz_device *dev, const fz_text *text, fz_matrix ctm,
                        fz_rect scissor)
{
    fz_clip_text(ctx, ((page_device *)dev)->text, text, ctm, scissor);
}

static void d_clip_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
                               const fz_stroke_state *st, fz_matrix ctm, fz_rect scissor)
{
    fz_clip_stroke_text(ctx, ((page_device *)dev)->text, text, st, ctm, scissor);
}

/* Invisible text (render mode 3) is the text layer of a scanned page
 * that has been through OCR: it is text all the same. */
static void d_ignore_text(fz_context *ctx, fz_device *dev, const fz_text *text, fz_matrix ctm)
{
    fz_ignore_text(ctx, ((page_device *)dev)->text, text, ctm);
}

static void d_fill_image(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix ctm,
                         float alpha, fz_color_params cp)
{
    (void)ctx, (void)img, (void)ctm, (void)alpha, (void)cp;
    ((page_device *)dev)->images++;
}

static void d_fill_image_mask(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix ctm,
                              fz_colorspace *cs, const float *color, float alpha,
                              fz_color_params cp)
{
    (void)ctx, (void)img, (void)ctm, (void)cs, (void)color, (void)alpha, (void)cp;
    ((page_device *)dev)->images++;
}

/* Characters of the structured-text page, upright lines only (a
 * diagonal watermark is not report text). */
static void take_chars(fz_stext_page *tp, pdfc_page *acc)
{
    for (fz_stext_block *b = tp->first_block; b; b = b->next) {
        if (b->type != FZ_STEXT_BLOCK_TEXT)
            continue;
        for (fz_stext_line *l = b->u.t.first_line; l; l = l->next) {
            if (l->wmode || l->dir.x < 0.9f)
                continue;
            for (fz_stext_char *ch = l->first_char; ch && !acc->nomem; ch = ch->next) {
                fz_quad q = ch->quad;
                if (!isfinite(q.ll.x) || !isfinite(q.ul.x) || !isfinite(q.lr.x) ||
                    !isfinite(q.ur.x))
                    continue;
                /* an embedded font MuPDF could not load is drawn with a
                 * substitute: the glyph's width is then the substitute's */
                acc->substituted += ch->font && fz_font_flags(ch->font)->ft_substitute;
                pdfc_keep(acc, ch->c, fminf(q.ll.x, q.ul.x), fmaxf(q.lr.x, q.ur.x), ch->origin.y,
                          ch->size);
            }
        }
    }
}

void pdfm_mupdf_page(fz_context *ctx, fz_document *fzdoc, int i, pdfc_page *acc, size_t *images)
{
    fz_page *page = NULL;
    fz_stext_page *tp = NULL;
    fz_device *text = NULL;
    page_device *dev = NULL;
    fz_var(page);
    fz_var(tp);
    fz_var(text);
    fz_var(dev);
    fz_try(ctx)
    {
        page = fz_load_page(ctx, fzdoc, i);
        fz_rect bounds = fz_bound_page(ctx, page);
        acc->mediabox = bounds;
        acc->page.width = bounds.x1 - bounds.x0;
        acc->page.height = bounds.y1 - bounds.y0;
        tp = fz_new_stext_page(ctx, bounds);
        fz_stext_options opts = {FZ_STEXT_INHIBIT_SPACES | FZ_STEXT_PRESERVE_WHITESPACE |
                                     FZ_STEXT_MEDIABOX_CLIP,
                                 1.0f};
        text = fz_new_stext_device(ctx, tp, &opts);
        dev = fz_new_derived_device(ctx, page_device);
        dev->text = text;
        dev->acc = acc;
        dev->super.fill_path = d_fill_path;
        dev->super.stroke_path = d_stroke_path;
        dev->super.fill_text = d_fill_text;
        dev->super.stroke_text = d_stroke_text;
        dev->super.clip_text = d_clip_text;
        dev->super.clip_stroke_text = d_clip_stroke_text;
        dev->super.ignore_text = d_ignore_text;
        dev->super.fill_image = d_fill_image;
        dev->super.fill_image_mask = d_fill_image_mask;
        /* The page's own contents: annotations (form fields, stamps,
         * comments) are not the report. */
        fz_run_page_contents(ctx, page, &dev->super, fz_identity, NULL);
        fz_close_device(ctx, &dev->super);
        fz_close_device(ctx, text);
        *images += dev->images;
        take_chars(tp, acc);
    }
    fz_always(ctx)
    {
        fz_drop_device(ctx, dev ? &dev->super : NULL);
        fz_drop_device(ctx, text);
        fz_drop_stext_page(ctx, tp);
        fz_drop_page(ctx, page);
    }
    fz_catch(ctx) fz_rethrow(ctx);
}
