/* fuzz_html.c — libFuzzer harness for web pages: any bytes parsed as a
 * report, seeded with HTML (scripts/fuzz.sh), so most inputs reach the
 * HTML reader. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_parse((const char *)data, size);
    return 0;
}
