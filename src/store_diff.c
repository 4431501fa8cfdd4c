/*
 * store_diff.c — comparing two reports of a body: every cell that
 * changed, and the carry-over rule between consecutive years (last year's
 * 结转下年度继续办理 is this year's 上年结转).
 */
#include <string.h>

#include "store.h"
#include "template.h"

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

/* A blank cell read as 0, for the carry-over comparison. */
static xxgk_cell as_number(const xxgk_cell *c)
{
    xxgk_cell v = *c;
    if (v.kind == XXGK_VALUE_BLANK) {
        v.kind = XXGK_VALUE_NUMBER;
        v.value = (xxgk_decimal){0, 0};
    }
    return v;
}

size_t xxgk_report_carry_over(const xxgk_report *previous, const xxgk_report *report,
                              xxgk_cell_change *out)
{
    /* Table 三 is the same in both formats; its columns come from the
     * template, the two rows are the ones the rule is about. */
    const tpl_table *t = tpl_table_of(XXGK_FORMAT_2021, 3);
    const tpl_block *b = &t->blocks[0];
    size_t n = 0;
    for (int c = 0; c < b->ncols; c++) {
        int in = tpl_cell_id(t->id, "carried_in", b->cols[c].key);
        int was = tpl_cell_id(t->id, "carried_out", b->cols[c].key);
        if (in < 0 || was < 0)
            continue;
        const xxgk_cell *now = xxgk_report_cell(report, (size_t)in);
        const xxgk_cell *then = xxgk_report_cell(previous, (size_t)was);
        if (now->kind == XXGK_VALUE_ABSENT || then->kind == XXGK_VALUE_ABSENT)
            continue;
        xxgk_cell a = as_number(then), x = as_number(now);
        if (same_value(&a, &x))
            continue;
        out[n].cell = (size_t)in;
        out[n].before_cell = (size_t)was;
        out[n].before = *then;
        out[n].after = *now;
        n++;
    }
    return n;
}
