/* fuzz_pdf.c — libFuzzer harness for PDF files: any bytes parsed as a
 * report, seeded with PDFs (scripts/fuzz.sh). MuPDF itself is not
 * instrumented; the reader around it and pdf_layout.c are. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_parse((const char *)data, size);
    return 0;
}
