/*
 * store_diff.c — comparing two reports of a body: every cell that
 * changed (the rules across years are xxgk_check's, category
 * "across-years").
 */
#include "check.h"
#include "store.h"

static bool same_value(const xxgk_cell *a, const xxgk_cell *b)
{
    if (a->kind != b->kind)
        return false;
    if (a->kind != XXGK_VALUE_NUMBER)
        return true;
    xxgk_decimal d = a->value, neg = b->value;
    neg.units = -neg.units;
    return store_decimal_add(&d, neg) && d.units == 0;
}

size_t xxgk_report_diff(const xxgk_report *before, const xxgk_report *after,
                        xxgk_cell_change *out)
{
    size_t n = 0, ncells = xxgk_cell_count();
    for (size_t i = 0; i < ncells; i++) {
        const xxgk_cell *a = xxgk_report_cell(before, i), *b = xxgk_report_cell(after, i);
        if (same_value(a, b))
            continue;
        out[n].cell = out[n].before_cell = i;
        out[n].before = *a;
        out[n].after = *b;
        n++;
    }
    return n;
}
