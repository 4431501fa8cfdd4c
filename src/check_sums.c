/*
 * check_sums.c — the arithmetic of the tables: the template's sum rules,
 * compiled into equations over cell ids (template.c, tpl_equations), each
 * evaluated on the report. Nothing here knows a row or column name.
 *
 * Blank cells count as 0 here (cell-blank reports them); an equation with
 * an absent cell is not evaluated, since nothing can be said about it.
 * Sums are checked: a side that exceeds 64 bits is reported as such
 * (cell-implausible names the cells), never wrapped into a false match.
 * Equations broken only by a column left blank throughout (a 总计 column
 * never filled in) are said once for the column, not once per row.
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

/* The column (index in its row's block) of an equation's one left-hand
 * cell, for an equation over a row; -1 otherwise. */
static int lhs_column(const tpl_equation *e)
{
    if (e->sum->over != SUM_EACH_ROW || e->row < 0 || e->nlhs != 1 || e->lhs[0] < 0)
        return -1;
    const tpl_block *b = tpl_row_block(e->table, e->row);
    for (int c = 0; c < b->ncols; c++)
        if (tpl_cell_at(e->table, e->row, c) == e->lhs[0])
            return c;
    return -1;
}

/* Whether column `col` of table t is blank wherever the report has it:
 * no cell of it holds anything (a total column left empty). */
static bool column_blank(const xxgk_report *r, const tpl_table *t, int col)
{
    bool any = false;
    for (int ri = 0; ri < t->nrows; ri++) {
        if (t->rows[ri].kind != ROW_DATA || col >= tpl_row_block(t, ri)->ncols)
            continue;
        int id = tpl_cell_at(t, ri, col);
        if (id < 0 || r->cells[id].kind == XXGK_VALUE_ABSENT)
            continue;
        if (r->cells[id].kind != XXGK_VALUE_BLANK)
            return false;
        any = true;
    }
    return any;
}

/* An equation that does not hold, with its two sides. */
typedef struct failed_eq {
    const tpl_equation *e;
    long long l, rv;
    int col;    /* lhs_column when the cause is a blank column, else -1 */
    bool overflow; /* a side too large to sum (never a blank column's) */
    bool done;
} failed_eq;

/* Equations that fail only because a whole column was left blank — the
 * left-hand cell of each is blank, and so is every cell of its column —
 * are one finding for the column (one blank 总计 column of table 三 would
 * otherwise be a dozen). A single such equation is reported as usual. */
static void report_blank_column(xxgk_report *r, failed_eq *fe, size_t nfe, size_t i)
{
    const tpl_equation *e = fe[i].e;
    int ids[64];
    size_t n = 0, rows = 0;
    for (size_t k = i; k < nfe; k++) {
        if (fe[k].done || fe[k].col != fe[i].col || fe[k].e->table != e->table ||
            strcmp(fe[k].e->sum->rule, e->sum->rule))
            continue;
        fe[k].done = true;
        rows++;
        if (n < 64)
            ids[n++] = fe[k].e->lhs[0];
    }
    if (rows == 1) {
        report(r, e, fe[i].l, fe[i].rv, fe[i].overflow);
        return;
    }
    const char *col = tpl_row_block(e->table, e->row)->cols[fe[i].col].label;
    const tpl_sum *sum = e->sum;
    xxgk_finding *f = finding_add(
        r, sum->rule, SEV_DEFAULT, cell_at(r, e->lhs[0]), ids, n,
        "%s“%s”栏整栏空白（空白按0计），有%zu行因此不等，从“%s”行起：%s %lld",
        table_name_of(e->table->section), col, rows, cell_row_label(r, e->lhs[0]),
        sum->rhs_says, fe[i].rv);
    finding_expect(r, f, "逐行填写“%s”栏", col);
    finding_place(f, e->table->section, NULL, col);
}

void check_sums(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    if (!r->meta.format)
        return;
    int mask = format_mask(r->meta.format);
    size_t n;
    const tpl_equation *eq = tpl_equations(&n);
    failed_eq *fe = arena_alloc(&r->a, sizeof *fe * (n ? n : 1));
    if (!fe)
        return;
    size_t nfe = 0;
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
        if (!overflow && l == rv)
            continue;
        int col = overflow ? -1 : lhs_column(e);
        if (col >= 0 && (r->cells[e->lhs[0]].kind != XXGK_VALUE_BLANK ||
                         !column_blank(r, e->table, col)))
            col = -1;
        fe[nfe++] = (failed_eq){e, l, rv, col, overflow, false};
    }
    for (size_t i = 0; i < nfe; i++) {
        if (fe[i].done)
            continue;
        if (fe[i].col >= 0)
            report_blank_column(r, fe, nfe, i);
        else
            report(r, fe[i].e, fe[i].l, fe[i].rv, fe[i].overflow);
        fe[i].done = true;
    }
}
