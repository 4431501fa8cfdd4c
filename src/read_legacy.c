/*
 * read_legacy.c — legacy Word (.doc) and WPS (.wps) documents, both OLE2
 * containers: LibreOffice converts them to DOCX (office.c), which
 * read_docx reads.
 *
 * Parsing the binary Word format ourselves would be a project of its
 * own; LibreOffice reads it well and is in Debian.
 */
#include "read_legacy.h"

#include <stdlib.h>

#include "office.h"
#include "read_docx.h"

xxgk_status read_legacy(arena *a, const char *data, size_t size, doc *out,
                        const char **encoding, xxgk_error *err)
{
    office_job job = {data, size, "doc", "docx:MS Word 2007 XML", "docx",
                      "转换 DOC/WPS 文件", "libreoffice-writer-nogui（或先用 Word/WPS 另存为 DOCX）",
                      LEGACY_MAX_OUTPUT};
    char *docx;
    size_t n;
    xxgk_status st = office_convert(&job, &docx, &n, err);
    if (st != XXGK_OK)
        return st;
    st = read_docx(a, docx, n, out, encoding, err);
    free(docx);
    return st;
}
