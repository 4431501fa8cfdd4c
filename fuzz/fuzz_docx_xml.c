/* fuzz_docx_xml.c — libFuzzer harness for the DOCX reader's XML walk:
 * the input is word/document.xml, stored in a zip built here, so that
 * mutations hit the XML instead of the deflate stream. The same bytes are
 * numbering.xml and styles.xml too (seed fuzz/seeds/fuzz_docx_xml-*.xml
 * holds list definitions and styles beside the paragraphs that use them). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <zip.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *out = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_source_keep(out);
    zip_t *z = zip_open_from_source(out, ZIP_TRUNCATE, &ze);
    static const char *const parts[] = {"word/document.xml", "word/numbering.xml",
                                        "word/styles.xml"};
    for (int i = 0; i < 3; i++) {
        zip_source_t *part = zip_source_buffer(z, data, size, 0);
        zip_int64_t idx = zip_file_add(z, parts[i], part, ZIP_FL_OVERWRITE);
        zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    }
    zip_close(z);
    zip_source_open(out);
    zip_source_seek(out, 0, SEEK_END);
    zip_int64_t n = zip_source_tell(out);
    zip_source_seek(out, 0, SEEK_SET);
    char *buf = malloc((size_t)n);
    zip_source_read(out, buf, (zip_uint64_t)n);
    zip_source_close(out);
    zip_source_free(out);
    zip_error_fini(&ze);
    fuzz_parse(buf, (size_t)n);
    free(buf);
    return 0;
}
