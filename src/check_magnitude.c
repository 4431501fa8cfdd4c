/*
 * check_magnitude.c — numbers no body could have written
 * (cell-implausible): a count or an amount above a billion in the unit of
 * its column (for amounts, 万元: ten trillion yuan). The largest real
 * figures are a few million (a city's traffic penalties); a billion is
 * more than one per inhabitant of the country. Such a number is digits
 * run together, a slip of the keyboard, or something else (a telephone
 * number, a document number) in a number column; it would also push the
 * sums of the tables past what 64 bits hold (check_sums.c).
 */
#include <stdint.h>
#include <stdio.h>

#include "check.h"

/* Above this, in the column's unit, a value is implausible. */
#define IMPLAUSIBLE_ABOVE 1000000000ULL

/* The whole part of |d|, exactly, for any int64 (also INT64_MIN). */
static uint64_t whole_magnitude(xxgk_decimal d)
{
    uint64_t m = d.units < 0 ? (uint64_t)0 - (uint64_t)d.units : (uint64_t)d.units;
    for (int k = 0; k < d.scale; k++)
        m /= 10;
    return m;
}

/* cell-implausible: every number of the model above the bound, one
 * finding each, named by its table, row and column as the report's format
 * prints them. Needs only the model. */
void check_magnitude(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    for (size_t id = 0; id < r->ncells; id++) {
        const xxgk_cell *c = &r->cells[id];
        if (c->kind != XXGK_VALUE_NUMBER || whole_magnitude(c->value) <= IMPLAUSIBLE_ABOVE)
            continue;
        const tpl_cell_info *info = tpl_cell(id);
        char num[48];
        xxgk_decimal_format(c->value, num, sizeof num);
        int cell = (int)id;
        xxgk_finding *f = finding_add(r, "cell-implausible", SEV_DEFAULT, cell_at(r, cell), &cell,
                                      1, "%s“%s”行“%s”栏的数字 %s 超过十亿，不合常理",
                                      table_name_of(info ? info->table->section : 0),
                                      cell_row_label(r, cell), cell_col_label(r, cell), num);
        finding_expect(r, f, "请核对原报告：数字是否连写、多打了数位或填入了其他内容");
    }
}
