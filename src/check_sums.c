/*
 * check_sums.c — the arithmetic of the tables, from the sum rules the
 * template data declares (template_data.c). Nothing here knows a row or
 * column name: a rule says which columns (SUM_EACH_ROW) or rows
 * (SUM_EACH_COLUMN) add up to which, and every row or column is checked.
 *
 * Blank cells count as 0 here (cell-blank reports them); an identity with
 * an absent cell is not evaluated, since nothing can be said about it.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"

#define MAX_TERMS 64

typedef struct terms {
    int ids[MAX_TERMS];
    int n;
    bool complete; /* every cell present as a number or blank */
} terms;

static void add_term(const xxgk_report *r, terms *t, int id)
{
    if (id < 0 || t->n >= MAX_TERMS || r->cells[id].kind == XXGK_VALUE_ABSENT) {
        t->complete = false;
        return;
    }
    t->ids[t->n++] = id;
}

static bool total(const xxgk_report *r, const terms *t, long long *sum)
{
    *sum = 0;
    for (int i = 0; i < t->n; i++) {
        long long v;
        bool blank;
        if (!cell_int(r, t->ids[i], &v, &blank))
            return false;
        *sum += v;
    }
    return true;
}

static bool row_present(const xxgk_report *r, const tpl_table *t, const char *row)
{
    int ri = tpl_row_index(t, row);
    if (ri < 0)
        return false;
    const tpl_block *b = tpl_row_block(t, ri);
    for (int c = 0; c < b->ncols; c++) {
        int id = tpl_cell_id(t->id, row, b->cols[c].key);
        if (id >= 0 && r->cells[id].kind != XXGK_VALUE_ABSENT)
            return true;
    }
    return false;
}

static bool rows_present(const xxgk_report *r, const tpl_table *t, const tpl_sum *s)
{
    const char *lists[2] = {s->lhs, s->rhs};
    for (int k = 0; k < 2; k++) {
        key_iter it;
        key_iter_init(&it, lists[k]);
        while (key_iter_next(&it))
            if (!row_present(r, t, it.key))
                return false;
    }
    return true;
}

/* The declaration of the rule to use: the format's own, unless the
 * report printed the other format's rows instead (a 2021 report with the
 * 2019 single 其他处理 row, corpus 001) and only the other one can be
 * evaluated. */
static const tpl_sum *pick_sum(const xxgk_report *r, const tpl_table *t, const tpl_sum *s)
{
    if (s->over != SUM_EACH_COLUMN || rows_present(r, t, s))
        return s;
    for (int i = 0; i < t->nsums; i++) {
        const tpl_sum *o = &t->sums[i];
        if (o != s && !strcmp(o->rule, s->rule) && rows_present(r, t, o))
            return o;
    }
    return s;
}

static void report_mismatch(xxgk_report *r, const tpl_sum *s, const terms *lhs, const terms *rhs,
                            long long l, long long rv, const char *context)
{
    int ids[2 * MAX_TERMS];
    int n = 0;
    for (int i = 0; i < lhs->n; i++)
        ids[n++] = lhs->ids[i];
    for (int i = 0; i < rhs->n; i++)
        ids[n++] = rhs->ids[i];
    const char *table = tpl_cell((size_t)lhs->ids[0])->table->section == 3 ? "表三" : "表四";
    xxgk_finding *f = finding_add(r, s->rule, SEV_DEFAULT, cell_at(r, lhs->ids[0]), ids,
                                  (size_t)n, "%s%s：%s", table, context, s->statement);
    finding_expect(r, f, "应为 %lld，实际合计 %lld", l, rv);
}

static void evaluate(xxgk_report *r, const tpl_sum *s, const terms *lhs, const terms *rhs,
                     const char *context)
{
    long long l, rv;
    if (!lhs->complete || !rhs->complete || !lhs->n || !rhs->n)
        return;
    if (!total(r, lhs, &l) || !total(r, rhs, &rv))
        return;
    if (l != rv)
        report_mismatch(r, s, lhs, rhs, l, rv, context);
}

static void fill(const xxgk_report *r, terms *t, const tpl_table *tab, const char *list,
                 const char *fixed, bool fixed_is_row)
{
    key_iter it;
    t->n = 0;
    t->complete = true;
    key_iter_init(&it, list);
    while (key_iter_next(&it)) {
        const char *row = fixed_is_row ? fixed : it.key;
        const char *col = fixed_is_row ? it.key : fixed;
        add_term(r, t, tpl_cell_id(tab->id, row, col));
    }
}

static void check_each_row(xxgk_report *r, const tpl_table *t, const tpl_sum *s)
{
    int mask = format_mask(r->meta.format);
    for (int ri = 0; ri < t->nrows; ri++) {
        const tpl_row *row = &t->rows[ri];
        if (row->kind != ROW_DATA)
            continue;
        if (!(row->formats & mask) && !row_present(r, t, row->key))
            continue;
        terms lhs, rhs;
        fill(r, &lhs, t, s->lhs, row->key, true);
        fill(r, &rhs, t, s->rhs, row->key, true);
        char context[256];
        snprintf(context, sizeof context, "“%s”一行", row->label);
        evaluate(r, s, &lhs, &rhs, context);
    }
}

static void check_each_column(xxgk_report *r, const tpl_table *t, const tpl_sum *s)
{
    const tpl_block *b = &t->blocks[0];
    for (int c = 0; c < b->ncols; c++) {
        terms lhs, rhs;
        fill(r, &lhs, t, s->lhs, b->cols[c].key, false);
        fill(r, &rhs, t, s->rhs, b->cols[c].key, false);
        char context[256];
        snprintf(context, sizeof context, "“%s”栏", b->cols[c].label);
        evaluate(r, s, &lhs, &rhs, context);
    }
}

void check_sums(xxgk_report *r)
{
    if (!r->meta.format)
        return;
    int mask = format_mask(r->meta.format);
    for (int section = 2; section <= 4; section++) {
        const tpl_table *t = tpl_table_of(r->meta.format, section);
        for (int i = 0; i < t->nsums; i++) {
            if (!(t->sums[i].formats & mask))
                continue;
            const tpl_sum *s = pick_sum(r, t, &t->sums[i]);
            if (s->over == SUM_EACH_ROW)
                check_each_row(r, t, s);
            else
                check_each_column(r, t, s);
        }
    }
}
