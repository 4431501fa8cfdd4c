/*
 * check_sums.c — the arithmetic of the tables: the template's sum rules,
 * compiled into equations over cell ids (template.c, tpl_equations), each
 * evaluated on the report. Nothing here knows a row or column name.
 *
 * Blank cells count as 0 here (cell-blank reports them); an equation with
 * an absent cell is not evaluated, since nothing can be said about it.
 * Sums are checked: a side that exceeds 64 bits is reported as such
 * (cell-implausible names the cells), never wrapped into a false match.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

/* Sums one side; false when a cell is absent or not a whole number.
 * *overflow is set when the sum does not fit in 64 bits. */
static bool side_total(const xxgk_report *r, const int *ids, int n, long long *sum,
                       bool *overflow)
{
    *sum = 0;
    for (int i = 0; i < n; i++) {
        long long v;
        bool blank;
        if (ids[i] < 0 || !cell_int(r, ids[i], &v, &blank))
            return false;
        if (__builtin_add_overflow(*sum, v, sum))
            *overflow = true;
    }
    return n > 0;
}

static bool evaluable(const xxgk_report *r, const tpl_equation *e, long long *l, long long *rv,
                      bool *overflow)
{
    *overflow = false;
    return side_total(r, e->lhs, e->nlhs, l, overflow) &&
           side_total(r, e->rhs, e->nrhs, rv, overflow);
}

/* The finding of an equation that does not hold: the table, row and
 * column it is about (the row and column of its one left-hand cell; a
 * rule over two cells of a column names the column only), then both
 * figures, as the template words them; or (overflow) that a side is too
 * large to sum, which no figure can show. */
static void report(xxgk_report *r, const tpl_equation *e, long long l, long long rv,
                   bool overflow)
{
    int ids[40];
    int n = 0;
    for (int i = 0; i < e->nlhs; i++)
        ids[n++] = e->lhs[i];
    for (int i = 0; i < e->nrhs && n < 40; i++)
        ids[n++] = e->rhs[i];
    const char *row = NULL, *col = NULL;
    if (e->nlhs == 1 && e->lhs[0] >= 0) {
        row = cell_row_label(r, (int)e->lhs[0]);
        col = cell_col_label(r, (int)e->lhs[0]);
    } else if (e->col >= 0) {
        col = e->table->blocks[0].cols[e->col].label;
    } else if (e->row >= 0) {
        row = e->table->rows[e->row].label;
    }
    char place[320];
    int k = snprintf(place, sizeof place, "%s", table_name_of(e->table->section));
    if (row)
        k += snprintf(place + k, sizeof place - (size_t)k, "“%s”行", row);
    if (col)
        snprintf(place + k, sizeof place - (size_t)k, "“%s”栏", col);
    const tpl_sum *sum = e->sum;
    xxgk_finding *f;
    if (overflow) {
        f = finding_add(r, sum->rule, SEV_DEFAULT, cell_at(r, e->lhs[0]), ids, (size_t)n,
                        "%s：%s，但各栏数字过大，合计超出可计算的范围，无法核对", place,
                        sum->title);
        finding_expect(r, f, "各栏数字过大，合计超出可计算的范围（%lld），无法成立",
                       (long long)INT64_MAX);
    } else {
        f = finding_add(r, sum->rule, SEV_DEFAULT, cell_at(r, e->lhs[0]), ids, (size_t)n,
                        "%s：%s %lld，%s %lld", place,
                        sum->lhs_says ? sum->lhs_says : "填的是", l, sum->rhs_says, rv);
    }
    finding_place(f, e->table->section, row, col);
}

/* Whether a row takes part: a row of the report's format, or a row of the
 * other format the report printed anyway. */
static bool row_applies(const xxgk_report *r, const tpl_equation *e, int mask)
{
    if (e->row < 0 || (e->table->rows[e->row].formats & mask))
        return true;
    for (int i = 0; i < e->nlhs; i++)
        if (e->lhs[i] >= 0 && r->cells[e->lhs[i]].kind != XXGK_VALUE_ABSENT)
            return true;
    return false;
}

/* The other format's equation for the same rule and column: a 2021
 * report that printed the 2019 single 其他处理 row (corpus 001) is summed
 * with that row. */
static const tpl_equation *alternative(const tpl_equation *all, size_t n, const tpl_equation *e)
{
    for (size_t i = 0; i < n; i++)
        if (&all[i] != e && all[i].table == e->table && !strcmp(all[i].sum->rule, e->sum->rule) &&
            all[i].row == e->row && all[i].col == e->col && all[i].sum != e->sum)
            return &all[i];
    return NULL;
}

void check_sums(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    if (!r->meta.format)
        return;
    int mask = format_mask(r->meta.format);
    size_t n;
    const tpl_equation *eq = tpl_equations(&n);
    for (size_t i = 0; i < n; i++) {
        const tpl_equation *e = &eq[i];
        if (!(e->sum->formats & mask) || !row_applies(r, e, mask))
            continue;
        long long l, rv;
        bool overflow;
        if (!evaluable(r, e, &l, &rv, &overflow)) {
            e = alternative(eq, n, e);
            if (!e || !evaluable(r, e, &l, &rv, &overflow))
                continue;
        }
        if (overflow || l != rv)
            report(r, e, l, rv, overflow);
    }
}
