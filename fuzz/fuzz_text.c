/* fuzz_text.c — libFuzzer harness: any bytes as a report file (text in
 * every layout and encoding; other kinds go to their readers). */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_parse((const char *)data, size);
    return 0;
}
