/*
 * pdf_module.c — the PDF module's entry (pdf_module.h): MuPDF opens
 * the document (repairing it if need be), and each page is read by the
 * fast interpreter, or by MuPDF's own when the fast one declines it.
 *
 * MuPDF rather than poppler: Debian ships it as a static library with
 * no GLib or C++ runtime behind it, it repairs damaged files, and its
 * object layer (cross-reference tables, object streams, filters,
 * encryption) is what the fast interpreter builds on. Its price is its
 * size and the dozen libraries its archive needs, which is why the
 * command loads this module only when it meets a PDF (lazy.c).
 *
 * MuPDF never prints (its warning and error callbacks are silenced) and
 * allocates through a budget, so a hostile file meets a clear error, not
 * an exhausted machine.
 */
#include "pdf_module.h"

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_collect.h"
#include "pdf_fast.h"
#include "pdf_mupdf.h"
#include "read_pdf.h"
#include "xxgk.h"

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

/* MuPDF's warnings and errors are never printed (the reader says what
 * is wrong in its own words); they are counted (pdfm_result.complaints). */
static void quiet(void *user, const char *message)
{
    (void)message;
    ((pdfm_result *)user)->complaints++;
}

static void fail(pdfm_result *out, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out->message, sizeof out->message, fmt, ap);
    va_end(ap);
    out->status = status;
}

/* ---- pages -------------------------------------------------------------- */

_Static_assert(sizeof ((pdfm_result *)0)->declined / sizeof(size_t) == PDFF_DAMAGED + 1,
               "pdfm_result.declined has a count for each pdff_decline");

/* Reads page i into acc: the fast way, or MuPDF's when the fast way
 * declines (AUTO), or as the mode says. Throws MuPDF's errors. */
static void read_page(fz_context *ctx, pdf_document *pdf, pdff_fonts *fonts, int i,
                      pdfm_mode mode, pdfc_page *acc, pdfm_result *out)
{
    if (mode != PDFM_MUPDF) {
        size_t images = 0;
        /* A damaged file (its cross-reference table rebuilt) can hold
         * fonts whose programs MuPDF cannot load, and then it measures
         * glyphs by a substitute: only its own interpreter knows. */
        pdff_decline why = pdf_was_repaired(ctx, pdf) ? PDFF_DAMAGED
                                                      : pdff_page(ctx, pdf, fonts, i, acc, &images);
        out->declined[why] += why != PDFF_READ;
        if (why == PDFF_READ || mode == PDFM_FAST) {
            out->images += images;
            out->fast_pages += why == PDFF_READ;
            acc->fast = why == PDFF_READ;
            acc->fast_images = images;
            if (why != PDFF_READ)
                pdfc_reset(acc);
            return;
        }
        pdfc_reset(acc);
    }
    pdfm_mupdf_page(ctx, &pdf->super, i, acc, &out->images);
    out->mupdf_pages++;
}

/* MuPDF repairs a damaged file when it first meets a broken object,
 * which can be after some pages were read fast: those are read again
 * as a damaged file's (read_page), so that no page of it is the fast
 * interpreter's. */
static void reread_after_repair(fz_context *ctx, pdf_document *pdf, pdfc_page *pages, int n,
                                pdfm_mode mode, pdfm_result *out)
{
    for (int i = 0; i < n; i++) {
        if (!pages[i].fast)
            continue;
        out->chars -= pages[i].page.nchars;
        out->garbled -= pages[i].garbled;
        out->images -= pages[i].fast_images;
        out->fast_pages--;
        pdfc_reset(&pages[i]);
        read_page(ctx, pdf, NULL, i, mode, &pages[i], out);
        out->chars += pages[i].page.nchars;
        out->garbled += pages[i].garbled;
        out->substituted += pages[i].substituted;
    }
}

/* Opens the document and reads every page into out. */
static void read_document(fz_context *ctx, const char *data, size_t size, pdfm_mode mode,
                          pdfm_result *out)
{
    fz_stream *stm = NULL;
    pdf_document *pdf = NULL;
    pdfc_page *pages = NULL;
    pdff_fonts fonts;
    memset(&fonts, 0, sizeof fonts);
    volatile int page_no = -1, n = 0;
    fz_var(stm);
    fz_var(pdf);
    fz_var(pages);
    fz_try(ctx)
    {
        stm = fz_open_memory(ctx, (const unsigned char *)data, size);
        pdf = pdf_open_document_with_stream(ctx, stm);
        fz_document *fzdoc = &pdf->super;
        if (fz_needs_password(ctx, fzdoc) && !fz_authenticate_password(ctx, fzdoc, "")) {
            fail(out, XXGK_E_UNSUPPORTED, "PDF 文件已加密（需要密码），无法读取");
        } else {
            n = fz_count_pages(ctx, fzdoc);
            if (n > XXGK_PDF_MAX_PAGES) {
                fail(out, XXGK_E_TOO_LARGE, "PDF 页数过多（%d 页，上限 %d 页）", n,
                     XXGK_PDF_MAX_PAGES);
            } else {
                pages = calloc((size_t)n + 1, sizeof *pages);
                if (!pages)
                    fz_throw(ctx, FZ_ERROR_MEMORY, "out of memory");
                for (int i = 0; i < n && out->status == XXGK_OK; i++) {
                    page_no = i;
                    pages[i].lastchar = ' ';
                    read_page(ctx, pdf, &fonts, i, mode, &pages[i], out);
                    if (pages[i].nomem)
                        fz_throw(ctx, FZ_ERROR_MEMORY, "out of memory");
                    out->chars += pages[i].page.nchars;
                    out->garbled += pages[i].garbled;
                    out->substituted += pages[i].substituted;
                    if (out->chars > XXGK_PDF_MAX_CHARS)
                        fail(out, XXGK_E_TOO_LARGE, "PDF 中的文字过多（超过 %zu 个字符）",
                             XXGK_PDF_MAX_CHARS);
                }
                if (out->status == XXGK_OK && pdf_was_repaired(ctx, pdf))
                    reread_after_repair(ctx, pdf, pages, n, mode, out);
            }
        }
    }
    fz_always(ctx)
    {
        pdff_drop_all(ctx, &fonts);
        pdf_drop_document(ctx, pdf);
        fz_drop_stream(ctx, stm);
    }
    fz_catch(ctx)
    {
        if (fz_caught(ctx) == FZ_ERROR_MEMORY)
            fail(out, XXGK_E_NOMEM, "内存不足：PDF 过于复杂");
        else if (page_no >= 0)
            fail(out, XXGK_E_TRUNCATED, "PDF 文件损坏：第 %d 页无法读取（%s）", page_no + 1,
                 fz_caught_message(ctx));
        else
            fail(out, XXGK_E_TRUNCATED, "PDF 文件损坏，无法打开（%s）", fz_caught_message(ctx));
    }
    if (!pages)
        return;
    /* hand the arrays over; nothing of the pages' state is needed beyond */
    out->pages = calloc((size_t)n + 1, sizeof *out->pages);
    if (!out->pages && out->status == XXGK_OK)
        fail(out, XXGK_E_NOMEM, "内存不足");
    for (int i = 0; i < n; i++) {
        if (out->pages)
            out->pages[i] = pages[i].page;
        else
            pdfc_reset(&pages[i]);
    }
    out->npages = out->pages ? (size_t)n : 0;
    free(pages);
}

static void module_release(pdfm_result *out)
{
    for (size_t i = 0; i < out->npages; i++) {
        free(out->pages[i].chars);
        free(out->pages[i].hsegs);
        free(out->pages[i].vsegs);
    }
    free(out->pages);
    out->pages = NULL;
    out->npages = 0;
}

static void module_read(const char *data, size_t size, pdfm_mode mode, pdfm_result *out)
{
    memset(out, 0, sizeof *out);
    budget b = {0, XXGK_PDF_MAX_MEMORY, false};
    fz_alloc_context alloc = {&b, budget_malloc, budget_realloc, budget_free};
    fz_context *ctx = fz_new_context(&alloc, NULL, 32u << 20);
    if (!ctx) {
        fail(out, XXGK_E_NOMEM, "内存不足");
        return;
    }
    fz_set_warning_callback(ctx, quiet, out);
    fz_set_error_callback(ctx, quiet, out);
    read_document(ctx, data, size, mode, out);
    fz_drop_context(ctx);
    out->budget_refused = b.refused;
}

/* The one symbol the module exports (everything else is hidden). */
__attribute__((visibility("default"))) const xxgk_pdf_module xxgk_pdf_module_v1 = {
    PDFM_ABI, XXGK_VERSION, module_read, module_release};
