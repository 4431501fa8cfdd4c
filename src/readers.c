/*
 * readers.c — which reader handles which kind of input (see readers.h).
 * Plain text needs no tree builder and is handled by report.c directly.
 */
#include "readers.h"

#include "read_html.h"
#include "read_docx.h"
#include "read_legacy.h"
#include "read_pdf.h"
#include "xlsx_book.h"

static const struct {
    input_kind kind;
    reader_fn fn;
} readers[] = {
    /* One line per reader: {INPUT_HTML, read_html}, … */
    {INPUT_TEXT, NULL},
    {INPUT_HTML, read_html},
    {INPUT_MARKDOWN, read_markdown},
    {INPUT_CRAWL, read_crawl},
    {INPUT_ZIP, read_archive},
#ifndef XXGK_NO_PDF
    {INPUT_PDF, read_pdf},
#endif
    {INPUT_OLE2, read_legacy},
};

reader_fn reader_for(input_kind kind)
{
    for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++)
        if (readers[i].kind == kind)
            return readers[i].fn;
    return NULL;
}

xxgk_status read_archive(arena *a, const char *data, size_t size, doc *out, const char **encoding,
                     xxgk_error *err)
{
    if (xlsx_detect(data, size))
        return read_xlsx(a, data, size, out, encoding, err);
    return read_docx(a, data, size, out, encoding, err);
}

xxgk_status reader_view(reader_fn reader, const char *what, arena *a, const char *data,
                        size_t size, input_text *out, xxgk_error *err)
{
    doc d;
    doc_init(&d, a);
    const char *encoding = "UTF-8";
    xxgk_status st = reader(a, data, size, &d, &encoding, err);
    if (st != XXGK_OK)
        return st;
    out->encoding = encoding;
    return doc_print(&d, what, &out->text, &out->size, err);
}
