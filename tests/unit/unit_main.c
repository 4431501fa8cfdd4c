/* unit_main.c — runs the unit_cases of one test program. */
#include "unit.h"

#include <stdlib.h>

int unit_failures;
const char *unit_current;

char *unit_read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    char *buf = n >= 0 && fseek(f, 0, SEEK_SET) == 0 ? malloc((size_t)n + 1) : NULL;
    if (buf) {
        *size = fread(buf, 1, (size_t)n, f);
        buf[*size] = '\0';
    }
    fclose(f);
    return buf;
}

int main(void)
{
    int passed = 0, failed = 0;
    for (const struct unit_case *c = unit_cases; c->name; c++) {
        int before = unit_failures;
        unit_current = c->name;
        c->fn();
        if (unit_failures == before)
            passed++;
        else
            failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
