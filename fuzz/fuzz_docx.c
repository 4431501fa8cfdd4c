/* fuzz_docx.c — libFuzzer harness for DOCX containers: any bytes parsed
 * as a report, seeded with DOCX files (scripts/fuzz.sh): damaged zips,
 * lying headers, zip bombs. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_parse((const char *)data, size);
    return 0;
}
