/*
 * read_pdf.c — the PDF reader: MuPDF opens the PDF and interprets each
 * page once, through a device that keeps the characters (by way of
 * MuPDF's structured-text device) and the straight lines drawn (the
 * rulings of tables); pdf_layout.c makes the Word-text layout of them.
 *
 * MuPDF rather than poppler: Debian ships it as a static library with
 * no GLib or C++ runtime behind it, it gives every character with its
 * position and font size and lets a device see every path, and it
 * repairs damaged files. Its price is its built-in fonts in the binary
 * (README, "Dependencies"), which is why this file is compiled on its
 * own (CMakeLists.txt): it is the only one that sees MuPDF.
 *
 * MuPDF never prints (its warning and error callbacks are silenced) and
 * allocates through a budget, so a hostile file meets a clear error, not
 * an exhausted machine.
 */
#include "read_pdf.h"

#include <math.h>
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_layout.h"

/* ---- memory budget ------------------------------------------------------ */

typedef struct budget {
    size_t used, limit;
    bool refused; /* an allocation went over the limit */
} budget;

typedef union block_head {
    size_t size;
    max_align_t align;
} block_head;

static void *budget_malloc(void *user, size_t n)
{
    budget *b = user;
    if (n > b->limit - b->used) {
        b->refused = true;
        return NULL;
    }
    block_head *h = malloc(sizeof *h + n);
    if (!h)
        return NULL;
    h->size = n;
    b->used += n;
    return h + 1;
}

static void *budget_realloc(void *user, void *p, size_t n)
{
    budget *b = user;
    if (!p)
        return budget_malloc(user, n);
    block_head *h = (block_head *)p - 1;
    size_t old = h->size;
    if (n > old && n - old > b->limit - b->used) {
        b->refused = true;
        return NULL;
    }
    block_head *nh = realloc(h, sizeof *nh + n);
    if (!nh)
        return NULL;
    b->used = b->used - old + n;
    nh->size = n;
    return nh + 1;
}

static void budget_free(void *user, void *p)
{
    budget *b = user;
    if (!p)
        return;
    block_head *h = (block_head *)p - 1;
    b->used -= h->size;
    free(h);
}

static void quiet(void *user, const char *message)
{
    (void)user;
    (void)message;
}

/* ---- collecting a page --------------------------------------------------- */

/* A page being read: growable arrays for its characters and rulings. */
typedef struct page_acc {
    pdfl_page page;
    size_t cap_chars, cap_h, cap_v;
    bool nomem;
} page_acc;

static bool push(void **v, size_t *n, size_t *cap, size_t elem)
{
    if (*n < *cap)
        return true;
    size_t nc = *cap ? *cap * 2 : 64;
    void *p = realloc(*v, nc * elem);
    if (!p)
        return false;
    *v = p;
    *cap = nc;
    return true;
}

static void add_seg(page_acc *acc, fz_point p, fz_point q)
{
    pdfl_page *pg = &acc->page;
    if (pg->nh + pg->nv > PDFL_MAX_SEGS)
        return; /* a drawing, not tables: pdf_layout ignores the page's lines */
    if (!isfinite(p.x) || !isfinite(p.y) || !isfinite(q.x) || !isfinite(q.y))
        return;
    if (fabsf(p.y - q.y) < 0.5f && fabsf(p.x - q.x) >= 2) {
        if (!push((void **)&pg->hsegs, &pg->nh, &acc->cap_h, sizeof(pdfl_seg))) {
            acc->nomem = true;
            return;
        }
        pg->hsegs[pg->nh++] = (pdfl_seg){(p.y + q.y) / 2, fminf(p.x, q.x), fmaxf(p.x, q.x)};
    } else if (fabsf(p.x - q.x) < 0.5f && fabsf(p.y - q.y) >= 2) {
        if (!push((void **)&pg->vsegs, &pg->nv, &acc->cap_v, sizeof(pdfl_seg))) {
            acc->nomem = true;
            return;
        }
        pg->vsegs[pg->nv++] = (pdfl_seg){(p.x + q.x) / 2, fminf(p.y, q.y), fmaxf(p.y, q.y)};
    }
}

/* A filled rectangle (already in page space): a thin one is a ruling
 * (Word draws borders so). Larger ones are backgrounds: WPS shades
 * every text line with one (corpus 001), so their edges are no rulings. */
static void add_filled_rect(page_acc *acc, fz_rect r)
{
    float w = r.x1 - r.x0, h = r.y1 - r.y0;
    if (h <= 3 && w > h) {
        float y = (r.y0 + r.y1) / 2;
        add_seg(acc, fz_make_point(r.x0, y), fz_make_point(r.x1, y));
    } else if (w <= 3 && h > w) {
        float x = (r.x0 + r.x1) / 2;
        add_seg(acc, fz_make_point(x, r.y0), fz_make_point(x, r.y1));
    }
}

/* Walking a path: the straight pieces of stroked paths are rulings;
 * filled paths count only when a subpath is an upright rectangle. */
typedef struct walk {
    page_acc *acc;
    fz_matrix ctm;
    bool fill;
    fz_point start, cur;
    fz_point pts[6];
    int npts;
    bool curved;
} walk;

static void flush_subpath(walk *w)
{
    if (!w->fill || w->curved || w->npts < 4 || w->npts > 5)
        goto done;
    if (w->npts == 5 && (fabsf(w->pts[4].x - w->pts[0].x) > 0.5f ||
                         fabsf(w->pts[4].y - w->pts[0].y) > 0.5f))
        goto done;
    fz_rect r = fz_empty_rect;
    for (int i = 0; i < 4; i++)
        r = fz_include_point_in_rect(r, w->pts[i]);
    /* upright: every corner lies on the bounding box's corners */
    for (int i = 0; i < 4; i++) {
        bool on_x = fabsf(w->pts[i].x - r.x0) < 0.5f || fabsf(w->pts[i].x - r.x1) < 0.5f;
        bool on_y = fabsf(w->pts[i].y - r.y0) < 0.5f || fabsf(w->pts[i].y - r.y1) < 0.5f;
        if (!on_x || !on_y)
            goto done;
    }
    add_filled_rect(w->acc, r);
done:
    w->npts = 0;
    w->curved = false;
}

static void add_point(walk *w, fz_point p)
{
    if (w->npts < (int)(sizeof w->pts / sizeof w->pts[0]))
        w->pts[w->npts] = p;
    w->npts++;
}

static void w_moveto(fz_context *ctx, void *arg, float x, float y)
{
    walk *w = arg;
    (void)ctx;
    flush_subpath(w);
    w->start = w->cur = fz_transform_point(fz_make_point(x, y), w->ctm);
    add_point(w, w->cur);
}

static void w_lineto(fz_context *ctx, void *arg, float x, float y)
{
    walk *w = arg;
    (void)ctx;
    fz_point p = fz_transform_point(fz_make_point(x, y), w->ctm);
    if (!w->fill)
        add_seg(w->acc, w->cur, p);
    add_point(w, p);
    w->cur = p;
}

static void w_curveto(fz_context *ctx, void *arg, float x1, float y1, float x2, float y2, float x3,
                      float y3)
{
    walk *w = arg;
    (void)ctx;
    (void)x1, (void)y1, (void)x2, (void)y2;
    w->cur = fz_transform_point(fz_make_point(x3, y3), w->ctm);
    w->curved = true;
}

static void w_closepath(fz_context *ctx, void *arg)
{
    walk *w = arg;
    (void)ctx;
    if (!w->fill)
        add_seg(w->acc, w->cur, w->start);
    w->cur = w->start;
}

static void w_rectto(fz_context *ctx, void *arg, float x1, float y1, float x2, float y2)
{
    walk *w = arg;
    (void)ctx;
    flush_subpath(w);
    fz_point a = fz_transform_point(fz_make_point(x1, y1), w->ctm);
    fz_point b = fz_transform_point(fz_make_point(x2, y1), w->ctm);
    fz_point c = fz_transform_point(fz_make_point(x2, y2), w->ctm);
    fz_point d = fz_transform_point(fz_make_point(x1, y2), w->ctm);
    if (w->fill) {
        w->pts[0] = a, w->pts[1] = b, w->pts[2] = c, w->pts[3] = d;
        w->npts = 4;
        flush_subpath(w);
    } else {
        add_seg(w->acc, a, b);
        add_seg(w->acc, b, c);
        add_seg(w->acc, c, d);
        add_seg(w->acc, d, a);
    }
    w->start = w->cur = a;
}

static const fz_path_walker walker = {
    w_moveto, w_lineto, w_curveto, w_closepath, NULL, NULL, NULL, w_rectto,
};

static void walk_path(fz_context *ctx, page_acc *acc, const fz_path *path, fz_matrix ctm,
                      bool fill)
{
    walk w;
    memset(&w, 0, sizeof w);
    w.acc = acc;
    w.ctm = ctm;
    w.fill = fill;
    fz_walk_path(ctx, path, &walker, &w);
    flush_subpath(&w);
}

/* The device: paths here, text on to MuPDF's structured-text device. */
typedef struct page_device {
    fz_device super;
    fz_device *text;
    page_acc *acc;
    int images;
} page_device;

static void d_fill_path(fz_context *ctx, fz_device *dev, const fz_path *path, int even_odd,
                        fz_matrix ctm, fz_colorspace *cs, const float *color, float alpha,
                        fz_color_params cp)
{
    (void)even_odd, (void)cs, (void)color, (void)alpha, (void)cp;
    walk_path(ctx, ((page_device *)dev)->acc, path, ctm, true);
}

static void d_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *path,
                          const fz_stroke_state *st, fz_matrix ctm, fz_colorspace *cs,
                          const float *color, float alpha, fz_color_params cp)
{
    (void)st, (void)cs, (void)color, (void)alpha, (void)cp;
    walk_path(ctx, ((page_device *)dev)->acc, path, ctm, false);
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
static size_t take_chars(fz_stext_page *tp, page_acc *acc, size_t *garbled)
{
    pdfl_page *pg = &acc->page;
    size_t n = 0;
    for (fz_stext_block *b = tp->first_block; b; b = b->next) {
        if (b->type != FZ_STEXT_BLOCK_TEXT)
            continue;
        for (fz_stext_line *l = b->u.t.first_line; l; l = l->next) {
            if (l->wmode || l->dir.x < 0.9f)
                continue;
            for (fz_stext_char *ch = l->first_char; ch; ch = ch->next) {
                fz_quad q = ch->quad;
                if (ch->c < 0x20 || !(ch->size > 0) || !isfinite(ch->size) ||
                    !isfinite(ch->origin.y) || !isfinite(q.ll.x) || !isfinite(q.ul.x) ||
                    !isfinite(q.lr.x) || !isfinite(q.ur.x))
                    continue;
                if (!push((void **)&pg->chars, &pg->nchars, &acc->cap_chars, sizeof(pdfl_char))) {
                    acc->nomem = true;
                    return n;
                }
                *garbled += ch->c == 0xFFFD;
                pg->chars[pg->nchars++] = (pdfl_char){ch->c == 0xA0 ? ' ' : ch->c,
                                                     fminf(q.ll.x, q.ul.x), fmaxf(q.lr.x, q.ur.x),
                                                     ch->origin.y, ch->size};
                n++;
            }
        }
    }
    return n;
}

/* ---- the document ------------------------------------------------------------ */

typedef struct pdf_read {
    page_acc *pages;
    int npages;
    size_t chars, garbled;
    int images;
} pdf_read;

/* Interprets page `i` once into acc. Throws on MuPDF errors. */
static void read_page(fz_context *ctx, fz_document *fzdoc, int i, page_acc *acc, pdf_read *pr)
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
        fz_run_page(ctx, page, &dev->super, fz_identity, NULL);
        fz_close_device(ctx, &dev->super);
        fz_close_device(ctx, text);
        pr->images += dev->images;
        pr->chars += take_chars(tp, acc, &pr->garbled);
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

static void free_pages(pdf_read *pr)
{
    for (int i = 0; i < pr->npages; i++) {
        free(pr->pages[i].page.chars);
        free(pr->pages[i].page.hsegs);
        free(pr->pages[i].page.vsegs);
    }
    free(pr->pages);
}

/* Opens the document and reads every page into pr. */
static xxgk_status read_document(fz_context *ctx, const char *data, size_t size, pdf_read *pr,
                                 xxgk_error *err)
{
    fz_stream *stm = NULL;
    pdf_document *pdf = NULL;
    volatile xxgk_status st = XXGK_OK;
    volatile int page_no = -1;
    fz_var(stm);
    fz_var(pdf);
    fz_try(ctx)
    {
        stm = fz_open_memory(ctx, (const unsigned char *)data, size);
        pdf = pdf_open_document_with_stream(ctx, stm);
        fz_document *fzdoc = &pdf->super;
        if (fz_needs_password(ctx, fzdoc) && !fz_authenticate_password(ctx, fzdoc, "")) {
            st = error_set(err, XXGK_E_UNSUPPORTED, "PDF 文件已加密（需要密码），无法读取");
        } else {
            int n = fz_count_pages(ctx, fzdoc);
            if (n > XXGK_PDF_MAX_PAGES) {
                st = error_set(err, XXGK_E_TOO_LARGE, "PDF 页数过多（%d 页，上限 %d 页）", n,
                               XXGK_PDF_MAX_PAGES);
            } else {
                pr->pages = calloc((size_t)n + 1, sizeof *pr->pages);
                if (!pr->pages)
                    fz_throw(ctx, FZ_ERROR_MEMORY, "out of memory");
                pr->npages = n;
                for (int i = 0; i < n && st == XXGK_OK; i++) {
                    page_no = i;
                    read_page(ctx, fzdoc, i, &pr->pages[i], pr);
                    if (pr->pages[i].nomem)
                        fz_throw(ctx, FZ_ERROR_MEMORY, "out of memory");
                    if (pr->chars > XXGK_PDF_MAX_CHARS)
                        st = error_set(err, XXGK_E_TOO_LARGE, "PDF 中的文字过多（超过 %zu 个字符）",
                                       XXGK_PDF_MAX_CHARS);
                }
            }
        }
    }
    fz_always(ctx)
    {
        pdf_drop_document(ctx, pdf);
        fz_drop_stream(ctx, stm);
    }
    fz_catch(ctx)
    {
        if (fz_caught(ctx) == FZ_ERROR_MEMORY)
            return error_set(err, XXGK_E_NOMEM, "内存不足：PDF 过于复杂");
        if (page_no >= 0)
            return error_set(err, XXGK_E_TRUNCATED, "PDF 文件损坏：第 %d 页无法读取（%s）",
                             page_no + 1, fz_caught_message(ctx));
        return error_set(err, XXGK_E_TRUNCATED, "PDF 文件损坏，无法打开（%s）",
                         fz_caught_message(ctx));
    }
    return st;
}

xxgk_status read_pdf(arena *a, const char *data, size_t size, doc *out, const char **encoding,
                     xxgk_error *err)
{
    (void)a;
    *encoding = "UTF-8";
    budget b = {0, XXGK_PDF_MAX_MEMORY, false};
    fz_alloc_context alloc = {&b, budget_malloc, budget_realloc, budget_free};
    fz_context *ctx = fz_new_context(&alloc, NULL, 32u << 20);
    if (!ctx)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    fz_set_warning_callback(ctx, quiet, NULL);
    fz_set_error_callback(ctx, quiet, NULL);
    pdf_read pr;
    memset(&pr, 0, sizeof pr);
    xxgk_status st = read_document(ctx, data, size, &pr, err);
    fz_drop_context(ctx);
    if (st == XXGK_E_NOMEM && b.refused)
        st = error_set(err, XXGK_E_TOO_LARGE, "PDF 过于复杂：读取所需内存超过上限 %zu 字节",
                       XXGK_PDF_MAX_MEMORY);
    if (st == XXGK_OK && pr.npages == 0)
        st = error_set(err, XXGK_E_TRUNCATED, "PDF 文件损坏或不完整：找不到任何页面");
    else if (st == XXGK_OK && pr.chars == 0)
        st = pr.images ? error_set(err, XXGK_E_UNSUPPORTED,
                                   "PDF 是扫描件，没有文字层（只有图像），无法读取文字；"
                                   "请使用带文字的 PDF 或原文件，或先做文字识别（OCR）")
                       : error_set(err, XXGK_E_EMPTY, "PDF 文件中没有文字");
    else if (st == XXGK_OK && pr.garbled * 2 > pr.chars)
        st = error_set(err, XXGK_E_UNSUPPORTED,
                       "PDF 的字体缺少文字编码（ToUnicode），提取出的是乱码，无法读取");
    if (st != XXGK_OK) {
        free_pages(&pr);
        return st;
    }
    pdfl_page *pages = calloc((size_t)pr.npages, sizeof *pages);
    if (!pages) {
        free_pages(&pr);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    for (int i = 0; i < pr.npages; i++)
        pages[i] = pr.pages[i].page;
    int rc = pdfl_write(pages, (size_t)pr.npages, out);
    free(pages); /* the arrays inside are the pages' own, freed next */
    free_pages(&pr);
    if (rc < 0 && !out->failed)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    return doc_status(out, "PDF", err);
}
