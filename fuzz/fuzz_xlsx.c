/* fuzz_xlsx.c — libFuzzer harness for the XLSX reader (read_xlsx.c,
 * xlsx_book.c): the input is the XML of the sheets, stored in a workbook
 * built here with two sheets (the second linked from the first, with a
 * print area), so that mutations hit the XML walk — cells, merges,
 * links, cached values — instead of the deflate stream. The same bytes
 * are the shared strings and the styles too. The result goes through the
 * whole report pipeline (fuzz_common.h). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "fuzz_common.h"

static const char workbook[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"正文\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"表三\" sheetId=\"2\" r:id=\"rId2\"/></sheets><definedNames>"
    "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"1\">'表三'!$A$1:$J$40</definedName>"
    "</definedNames></workbook>";
static const char rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Target=\"worksheets/sheet2.xml\"/></Relationships>";

static void add(zip_t *z, const char *name, const void *data, size_t size)
{
    zip_source_t *part = zip_source_buffer(z, data, size, 0);
    zip_int64_t idx = zip_file_add(z, name, part, ZIP_FL_OVERWRITE);
    zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *out = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_source_keep(out);
    zip_t *z = zip_open_from_source(out, ZIP_TRUNCATE, &ze);
    add(z, "xl/workbook.xml", workbook, strlen(workbook));
    add(z, "xl/_rels/workbook.xml.rels", rels, strlen(rels));
    static const char *const parts[] = {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                                        "xl/sharedStrings.xml", "xl/styles.xml"};
    for (int i = 0; i < 4; i++)
        add(z, parts[i], data, size);
    zip_close(z);
    zip_source_open(out);
    zip_source_seek(out, 0, SEEK_END);
    zip_int64_t n = zip_source_tell(out);
    zip_source_seek(out, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && n > 0 && zip_source_read(out, buf, (zip_uint64_t)n) == n)
        fuzz_parse(buf, (size_t)n);
    free(buf);
    zip_source_close(out);
    zip_source_free(out);
    zip_error_fini(&ze);
    return 0;
}
