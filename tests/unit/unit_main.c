/* unit_main.c — runs the unit_cases of one test program. */
#include "unit.h"

int unit_failures;
const char *unit_current;

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
