/*
 * store_rollup.c — the combined statistics of many reports (what a county
 * office publishes for all its bodies): every cell summed over the
 * selected reports, as one report object that the JSON writer and the
 * renderers take like any parsed report, with the identities of the
 * tables checked again on the sums.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "store.h"
#include "template.h"

/* What the selected reports hold in one cell. */
typedef struct cell_sum {
    xxgk_decimal total;
    bool number;  /* some report has a number here */
    bool blank;   /* some report has the cell, blank */
} cell_sum;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Bodies with more than one report among the summed ones (each body
 * counted once): a sign that a report was imported twice under two
 * names, which would count its applications twice. */
static size_t count_duplicates(char **bodies, size_t n)
{
    qsort(bodies, n, sizeof *bodies, cmp_str);
    size_t dup = 0;
    for (size_t i = 1; i < n; i++)
        if (!strcmp(bodies[i], bodies[i - 1]) && (i < 2 || strcmp(bodies[i - 1], bodies[i - 2])))
            dup++;
    return dup;
}

/* Adds one row (body, cells.*) to the sums. False on overflow. */
static bool add_row(sqlite3_stmt *st, const int *map, cell_sum *sums, size_t ncells)
{
    int n = sqlite3_column_count(st);
    for (int c = 0; c < n; c++) {
        if (map[c] < 0 || (size_t)map[c] >= ncells)
            continue;
        xxgk_cell cell;
        store_value_to_cell(st, c, &cell);
        cell_sum *s = &sums[map[c]];
        if (cell.kind == XXGK_VALUE_BLANK)
            s->blank = true;
        if (cell.kind != XXGK_VALUE_NUMBER)
            continue;
        s->number = true;
        if (!store_decimal_add(&s->total, cell.value))
            return false;
    }
    return true;
}

static xxgk_status sum_reports(xxgk_store *s, const xxgk_store_filter *f, cell_sum *sums,
                               size_t ncells, size_t *nreports, size_t *duplicates,
                               xxgk_error *err)
{
    sqlite3_stmt *st = store_select(s, f, "report.id, coalesce(report.body, ''), cells.*", NULL,
                                    NULL, err);
    if (!st)
        return err->status;
    int *map = store_cell_columns(st, 2);
    char **bodies = NULL;
    size_t n = 0, cap = 0;
    xxgk_status status = map ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
    int rc = SQLITE_DONE;
    while (status == XXGK_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            char **v = realloc(bodies, cap * sizeof *v);
            if (!v) {
                status = error_set(err, XXGK_E_NOMEM, "内存不足");
                break;
            }
            bodies = v;
        }
        bodies[n] = strdup((const char *)sqlite3_column_text(st, 1));
        if (!bodies[n++])
            status = error_set(err, XXGK_E_NOMEM, "内存不足");
        else if (!add_row(st, map, sums, ncells))
            status = error_set(err, XXGK_E_TOO_LARGE, "合计超出可表示的范围");
    }
    if (status == XXGK_OK && rc != SQLITE_DONE)
        status = store_fail(s, err, "读取数据库失败");
    *nreports = n;
    *duplicates = status == XXGK_OK ? count_duplicates(bodies, n) : 0;
    for (size_t i = 0; i < n; i++)
        free(bodies[i]);
    free(bodies);
    free(map);
    sqlite3_finalize(st);
    return status;
}

/* ---- the identities, from the template's sum rules ------------------- */

/* Sum of the cells `keys` (rows when by_row is false, else columns) of
 * one line of a table. False when a cell is absent from the rollup, so
 * the identity cannot be evaluated. */
static bool side_sum(const xxgk_report *r, const tpl_table *t, const char *keys, bool by_row,
                     const char *fixed, xxgk_decimal *sum, int *ids, size_t *nids)
{
    key_iter it;
    *sum = (xxgk_decimal){0, 0};
    for (key_iter_init(&it, keys); key_iter_next(&it);) {
        int id = by_row ? tpl_cell_id(t->id, fixed, it.key) : tpl_cell_id(t->id, it.key, fixed);
        if (id < 0 || r->cells[id].kind == XXGK_VALUE_ABSENT)
            return false;
        ids[(*nids)++] = id;
        if (r->cells[id].kind == XXGK_VALUE_NUMBER && !store_decimal_add(sum, r->cells[id].value))
            return false;
    }
    return true;
}

static bool decimal_equal(xxgk_decimal a, xxgk_decimal b)
{
    xxgk_decimal d = a;
    b.units = -b.units;
    return store_decimal_add(&d, b) && d.units == 0;
}

/* Records a broken identity as an error finding of the rollup. */
static void add_broken(xxgk_report *r, const tpl_sum *sum, const char *where, xxgk_decimal lhs,
                       xxgk_decimal rhs, const int *ids, size_t nids)
{
    xxgk_finding *f = VEC_PUSH(&r->a, r->findings);
    int *cells = arena_alloc(&r->a, sizeof(int) * (nids ? nids : 1));
    if (!f || !cells)
        return;
    char a[48], b[48], msg[512], exp[128];
    xxgk_decimal_format(lhs, a, sizeof a);
    xxgk_decimal_format(rhs, b, sizeof b);
    snprintf(msg, sizeof msg, "汇总后%s不成立（%s）：%s", sum->basis, where, a);
    snprintf(exp, sizeof exp, "应为 %s，实际合计 %s", b, a);
    memcpy(cells, ids, sizeof(int) * nids);
    f->severity = XXGK_ERROR;
    f->rule = sum->rule;
    f->message = arena_strndup(&r->a, msg, strlen(msg));
    f->expected = arena_strndup(&r->a, exp, strlen(exp));
    f->cells = cells;
    f->ncells = nids;
}

/* Checks one sum rule on every line it applies to. */
static void check_sum(xxgk_report *r, const tpl_table *t, const tpl_sum *sum, int fmask)
{
    bool by_row = sum->over == SUM_EACH_ROW;
    int lines = by_row ? t->nrows : t->blocks[0].ncols;
    for (int i = 0; i < lines; i++) {
        const char *fixed;
        if (by_row) {
            const tpl_row *row = &t->rows[i];
            if (row->kind != ROW_DATA || !(row->formats & fmask))
                continue;
            fixed = row->key;
        } else {
            fixed = t->blocks[0].cols[i].key;
        }
        int ids[128];
        size_t nids = 0;
        xxgk_decimal lhs, rhs;
        if (!side_sum(r, t, sum->lhs, by_row, fixed, &lhs, ids, &nids) ||
            !side_sum(r, t, sum->rhs, by_row, fixed, &rhs, ids, &nids))
            continue;
        if (!decimal_equal(lhs, rhs)) {
            char where[96];
            snprintf(where, sizeof where, "%s %s", t->id, fixed);
            add_broken(r, sum, where, lhs, rhs, ids, nids);
        }
    }
}

/* The identities of every table of the rollup's format, from the sum
 * rules declared in template_data.c. */
static void check_identities(xxgk_report *r)
{
    int fmask = format_mask(r->meta.format);
    for (int section = 2; section <= 4; section++) {
        const tpl_table *t = tpl_table_of(r->meta.format, section);
        for (int k = 0; t && k < t->nsums; k++)
            if (t->sums[k].formats & fmask)
                check_sum(r, t, &t->sums[k], fmask);
    }
}

/* ---- the rollup ----------------------------------------------------- */

static void set_meta(xxgk_report *r, int year, const char *name, size_t nreports)
{
    char title[512];
    if (name && *name)
        snprintf(title, sizeof title, "%s%d年政府信息公开工作年度报告（%zu份报告汇总）", name,
                 year, nreports);
    else
        snprintf(title, sizeof title, "%d年政府信息公开工作年度报告（%zu份报告汇总）", year,
                 nreports);
    r->meta.year = year;
    r->meta.format = xxgk_format_for_year(year);
    r->meta.title = arena_strndup(&r->a, title, strlen(title));
    r->meta.body = name && *name ? arena_strndup(&r->a, name, strlen(name)) : NULL;
}

xxgk_status xxgk_store_rollup(xxgk_store *s, const xxgk_store_filter *f, const char *name,
                              xxgk_report **out, size_t *nreports, size_t *duplicates,
                              xxgk_error *err)
{
    xxgk_error local;
    if (!err)
        err = &local;
    *out = NULL;
    if (!f || f->year < 2019)
        return error_set(err, XXGK_E_USAGE, "汇总需要指定 2019 年或以后的年度");
    size_t ncells = xxgk_cell_count(), n = 0, dup = 0;
    cell_sum *sums = calloc(ncells, sizeof *sums);
    if (!sums)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    xxgk_status status = sum_reports(s, f, sums, ncells, &n, &dup, err);
    char label[32];
    snprintf(label, sizeof label, "rollup-%d", f->year);
    xxgk_report *r = status == XXGK_OK ? store_report_new(label) : NULL;
    if (status == XXGK_OK && !r)
        status = error_set(err, XXGK_E_NOMEM, "内存不足");
    if (r) {
        for (size_t i = 0; i < ncells; i++) {
            xxgk_cell *c = &r->cells[i];
            c->kind = sums[i].number  ? XXGK_VALUE_NUMBER
                      : sums[i].blank ? XXGK_VALUE_BLANK
                                      : XXGK_VALUE_ABSENT;
            c->value = sums[i].number ? decimal_normalise(sums[i].total) : (xxgk_decimal){0, 0};
        }
        set_meta(r, f->year, name, n);
        check_identities(r);
        if (r->a.failed) {
            xxgk_report_free(r);
            r = NULL;
            status = error_set(err, XXGK_E_NOMEM, "内存不足");
        }
    }
    free(sums);
    if (nreports)
        *nreports = n;
    if (duplicates)
        *duplicates = dup;
    *out = r;
    return status;
}
