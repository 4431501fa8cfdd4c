/*
 * store_diff.c — comparing two reports of a body: every cell that
 * changed, and the checker's rules across years (last year's
 * 结转下年度继续办理 is this year's 上年结转) on their own.
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

xxgk_status xxgk_report_check_years(xxgk_report *report, const xxgk_report *previous)
{
    if (!report || !previous)
        return XXGK_E_USAGE;
    report->findings.n = 0;
    check_years(report, previous);
    return report->a.failed ? XXGK_E_NOMEM : XXGK_OK;
}
