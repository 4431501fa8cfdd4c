/*
 * read_pdf.c — the PDF reader: the PDF module (pdf_module.h) reads the
 * pages into characters and rulings, pdf_layout.c makes the document
 * tree of them; what a page without text means is said here.
 *
 * The module is linked into the library's own tests, benchmarks and
 * fuzzers (xxgk_internal defines xxgk_pdf_module_v1); libxxgk.a leaves
 * the weak reference unresolved, and the module is then loaded from
 * xxgk-pdf.so the first time a PDF is read (lazy.c), so that a command
 * that reads no PDF never pays for MuPDF.
 */
#include "read_pdf.h"

#include <stdlib.h>
#include <string.h>

#include "lazy.h"
#include "pdf_layout.h"
#include "pdf_module.h"

extern const xxgk_pdf_module xxgk_pdf_module_v1 __attribute__((weak));

/* The module: linked in, or loaded (once) from xxgk-pdf.so. NULL with
 * err set when it cannot be loaded or is of another version. */
static const xxgk_pdf_module *pdf_module(xxgk_error *err)
{
    if (&xxgk_pdf_module_v1)
        return &xxgk_pdf_module_v1;
    const xxgk_pdf_module *m =
        lazy_module(XXGK_PDF_MODULE_FILE, PDFM_SYMBOL, "PDF 读取模块", XXGK_PDF_PACKAGES, err);
    if (m && (m->abi != PDFM_ABI || strcmp(m->version, XXGK_VERSION) != 0)) {
        error_set(err, XXGK_E_UNSUPPORTED,
                  "PDF 读取模块 %s 属于另一版本的 xxgk（%s，本程序为 %s）；请重新安装 xxgk",
                  XXGK_PDF_MODULE_FILE, m->abi == PDFM_ABI ? m->version : "接口不同",
                  XXGK_VERSION);
        return NULL;
    }
    return m;
}

/* What the pages hold, said as a reason when it is not text. */
static xxgk_status check_result(const pdfm_result *r, xxgk_error *err)
{
    if (r->status == XXGK_E_NOMEM && r->budget_refused)
        return error_set(err, XXGK_E_TOO_LARGE, "PDF 过于复杂：读取所需内存超过上限 %zu 字节",
                         XXGK_PDF_MAX_MEMORY);
    if (r->status != XXGK_OK)
        return error_set(err, (xxgk_status)r->status, "%s", r->message);
    if (r->npages == 0)
        return error_set(err, XXGK_E_TRUNCATED, "PDF 文件损坏或不完整：找不到任何页面");
    if (r->chars == 0)
        return r->images ? error_set(err, XXGK_E_UNSUPPORTED,
                                     "PDF 是扫描件，没有文字层（只有图像），无法读取文字；"
                                     "请使用带文字的 PDF 或原文件，或先做文字识别（OCR）")
                         : error_set(err, XXGK_E_EMPTY, "PDF 文件中没有文字");
    if (r->garbled * 2 > r->chars)
        return error_set(err, XXGK_E_UNSUPPORTED,
                         "PDF 的字体缺少文字编码（ToUnicode），提取出的是乱码，无法读取");
    return XXGK_OK;
}

xxgk_status read_pdf(arena *a, const char *data, size_t size, doc *out, const char **encoding,
                     xxgk_error *err)
{
    (void)a;
    *encoding = "UTF-8";
    const xxgk_pdf_module *m = pdf_module(err);
    if (!m)
        return err->status;
    pdfm_result r;
    m->read(data, size, PDFM_AUTO, &r);
    xxgk_status st = check_result(&r, err);
    if (st == XXGK_OK) {
        int rc = pdfl_write(r.pages, r.npages, out);
        if (rc < 0 && !out->failed)
            st = error_set(err, XXGK_E_NOMEM, "内存不足");
        else
            st = doc_status(out, "PDF", err);
    }
    m->release(&r);
    return st;
}
