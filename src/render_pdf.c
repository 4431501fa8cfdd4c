/*
 * render_pdf.c — the report as PDF: the DOCX writer's document, converted
 * by LibreOffice headless (office.c), since most government sites
 * publish PDF. Typesetting PDF ourselves would duplicate the DOCX
 * layout; LibreOffice sets the same document Word would.
 */
#include <stdio.h>
#include <stdlib.h>

#include "input.h"
#include "office.h"
#include "render.h"

xxgk_status render_pdf(const xxgk_report *r, FILE *out, xxgk_error *err)
{
    char *docx = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&docx, &n);
    if (!mem)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    xxgk_status st = render_docx(r, mem, err);
    if (fclose(mem) != 0 && st == XXGK_OK)
        st = error_set(err, XXGK_E_NOMEM, "内存不足");
    if (st != XXGK_OK) {
        free(docx);
        return st;
    }
    office_job job = {docx, n, "docx", "pdf:writer_pdf_Export", "pdf", "生成 PDF",
                      "libreoffice-writer-nogui 和 fonts-noto-cjk（或用 -o 文件.docx 生成 Word 文档后自行转换）",
                      XXGK_MAX_INPUT};
    char *pdf;
    size_t size;
    st = office_convert(&job, &pdf, &size, err);
    free(docx);
    if (st != XXGK_OK)
        return st;
    if (fwrite(pdf, 1, size, out) != size)
        st = error_set(err, XXGK_E_IO, "写入失败");
    free(pdf);
    return st;
}
