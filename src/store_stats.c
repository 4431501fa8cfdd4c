/*
 * store_stats.c — statistics over the selected reports: findings by rule
 * and by body (which mistakes are most common, which bodies make the
 * most), applications per year, by outcome and by applicant type.
 *
 * Everything is summed by SQLite over the indexed report table and the
 * one-row-per-report cells table, so the cost grows with the reports
 * selected, not with cells × reports rows.
 */
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "store.h"
#include "template.h"

/* Appends to a growable array of `elem`-sized items; NULL when out of
 * memory. */
static void *grow(void **v, size_t *n, size_t elem)
{
    if ((*n & (*n - 1)) == 0) { /* n is 0 or a power of two: double */
        void *nv = realloc(*v, (*n ? *n * 2 : 8) * elem);
        if (!nv)
            return NULL;
        *v = nv;
    }
    return memset((char *)*v + (*n)++ * elem, 0, elem);
}

static char *dup_text(sqlite3_stmt *st, int col)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    return strdup(t ? t : "");
}

/* Runs a filtered aggregate and calls row() for each result row. */
static xxgk_status each_row(xxgk_store *s, const xxgk_store_filter *f, const char *cols,
                            const char *join, const char *tail,
                            bool (*row)(xxgk_stats *, sqlite3_stmt *), xxgk_stats *out,
                            xxgk_error *err)
{
    sqlite3_stmt *st = store_select(s, f, cols, join, tail, err);
    if (!st)
        return err->status;
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
        ok = row(out, st);
    xxgk_status status = !ok               ? error_set(err, XXGK_E_NOMEM, "内存不足")
                         : rc == SQLITE_DONE ? XXGK_OK
                                             : store_fail(s, err, "读取数据库失败");
    sqlite3_finalize(st);
    return status;
}

static bool totals_row(xxgk_stats *out, sqlite3_stmt *st)
{
    out->reports = (size_t)sqlite3_column_int64(st, 0);
    out->checked = (size_t)sqlite3_column_int64(st, 1);
    return true;
}

static bool year_row(xxgk_stats *out, sqlite3_stmt *st)
{
    xxgk_stats_year *y = grow((void **)&out->years, &out->nyears, sizeof *y);
    if (!y)
        return false;
    y->year = sqlite3_column_int(st, 0);
    y->reports = (size_t)sqlite3_column_int64(st, 1);
    y->applications = sqlite3_column_int64(st, 2);
    y->carried_in = sqlite3_column_int64(st, 3);
    return true;
}

static bool body_row(xxgk_stats *out, sqlite3_stmt *st)
{
    xxgk_stats_body *b = grow((void **)&out->bodies, &out->nbodies, sizeof *b);
    if (!b)
        return false;
    b->body = dup_text(st, 0);
    b->reports = (size_t)sqlite3_column_int64(st, 1);
    b->errors = (size_t)sqlite3_column_int64(st, 2);
    b->warnings = (size_t)sqlite3_column_int64(st, 3);
    b->notes = (size_t)sqlite3_column_int64(st, 4);
    b->applications = sqlite3_column_int64(st, 5);
    return b->body != NULL;
}

static bool rule_row(xxgk_stats *out, sqlite3_stmt *st)
{
    xxgk_stats_rule *r = grow((void **)&out->rules, &out->nrules, sizeof *r);
    if (!r)
        return false;
    r->rule = dup_text(st, 0);
    r->severity = (xxgk_severity)sqlite3_column_int(st, 1);
    r->findings = (size_t)sqlite3_column_int64(st, 2);
    r->reports = (size_t)sqlite3_column_int64(st, 3);
    return r->rule != NULL;
}

/* The cells of table 三 the statistics sum: the outcome rows (the right
 * side of the t3-outcome-total rule, both formats) in their total
 * column, and the applicant columns (the right side of t3-row-total) of
 * the row of new applications. Taken from the template's sum rules so a
 * new outcome row is counted without a change here. */
static void stat_cells(xxgk_stats *out, int *ids, size_t *nids)
{
    const tpl_table *t = tpl_table_of(XXGK_FORMAT_2021, 3);
    *nids = 0;
    for (int r = 0; r < t->nrows; r++) {
        for (int k = 0; k < t->nsums && t->rows[r].key; k++) {
            const tpl_sum *sum = &t->sums[k];
            if (strcmp(sum->rule, "t3-outcome-total") != 0)
                continue;
            key_iter it;
            bool member = false;
            for (key_iter_init(&it, sum->rhs); key_iter_next(&it);)
                member |= strcmp(it.key, t->rows[r].key) == 0;
            int id = member ? tpl_cell_id("t3", t->rows[r].key, "total") : -1;
            if (id >= 0) {
                ids[(*nids)++] = id;
                out->noutcomes++;
                break;
            }
        }
    }
    for (int k = 0; k < t->nsums; k++) {
        if (strcmp(t->sums[k].rule, "t3-row-total") != 0)
            continue;
        key_iter it;
        for (key_iter_init(&it, t->sums[k].rhs); key_iter_next(&it);) {
            int id = tpl_cell_id("t3", "new", it.key);
            if (id >= 0) {
                ids[(*nids)++] = id;
                out->napplicants++;
            }
        }
    }
}

static xxgk_status cell_totals(xxgk_store *s, const xxgk_store_filter *f, xxgk_stats *out,
                               xxgk_error *err)
{
    int ids[128];
    size_t n;
    stat_cells(out, ids, &n);
    sbuf cols = {0};
    for (size_t i = 0; i < n; i++) {
        sbuf_add(&cols, i ? ", sum(cells." : "sum(cells.");
        sbuf_add_ident(&cols, xxgk_cell_key((size_t)ids[i]));
        sbuf_add(&cols, "), count(nullif(cells.");
        sbuf_add_ident(&cols, xxgk_cell_key((size_t)ids[i]));
        sbuf_add(&cols, ", ''))");
    }
    xxgk_stats_cell *cells = calloc(n ? n : 1, sizeof *cells);
    if (cols.failed || !cells) {
        sbuf_free(&cols);
        free(cells);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    out->outcomes = cells;
    out->applicants = cells + out->noutcomes;
    sqlite3_stmt *st = store_select(s, f, cols.s, NULL, NULL, err);
    sbuf_free(&cols);
    if (!st)
        return err->status;
    int rc = sqlite3_step(st);
    for (size_t i = 0; i < n; i++) {
        cells[i].cell = (size_t)ids[i];
        cells[i].total = rc == SQLITE_ROW ? sqlite3_column_int64(st, (int)(2 * i)) : 0;
        cells[i].reports = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, (int)(2 * i + 1))
                                            : 0;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? XXGK_OK : store_fail(s, err, "读取数据库失败");
}

static const char severity_rank[] =
    "max(CASE finding.severity WHEN 'error' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END)";

xxgk_status xxgk_store_stats(xxgk_store *s, const xxgk_store_filter *f, xxgk_stats **out,
                             xxgk_error *err)
{
    xxgk_error local;
    if (!err)
        err = &local;
    *out = NULL;
    xxgk_stats *st = calloc(1, sizeof *st);
    if (!st)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    char rules_cols[256];
    snprintf(rules_cols, sizeof rules_cols,
             "finding.rule, %s, count(*), count(DISTINCT finding.report_id)", severity_rank);
    xxgk_status status = each_row(s, f, "count(*), count(report.errors)", NULL, NULL,
                                  totals_row, st, err);
    if (status == XXGK_OK)
        status = each_row(s, f,
                          "report.year, count(*), total(cells.\"t3.new.total\"),"
                          " total(cells.\"t3.carried_in.total\")",
                          NULL, "GROUP BY report.year ORDER BY report.year", year_row, st, err);
    if (status == XXGK_OK)
        status = each_row(s, f,
                          "coalesce(report.body, ''), count(*), total(report.errors),"
                          " total(report.warnings), total(report.notes),"
                          " total(cells.\"t3.new.total\")",
                          NULL,
                          "GROUP BY report.body ORDER BY total(report.errors) +"
                          " total(report.warnings) DESC, count(*) DESC, report.body",
                          body_row, st, err);
    if (status == XXGK_OK)
        status = each_row(s, f, rules_cols, "JOIN finding ON finding.report_id = report.id",
                          "GROUP BY finding.rule ORDER BY count(*) DESC, finding.rule", rule_row,
                          st, err);
    if (status == XXGK_OK)
        status = cell_totals(s, f, st, err);
    if (status != XXGK_OK) {
        xxgk_stats_free(st);
        return status;
    }
    *out = st;
    return XXGK_OK;
}

void xxgk_stats_free(xxgk_stats *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->nrules; i++)
        free((char *)st->rules[i].rule);
    for (size_t i = 0; i < st->nbodies; i++)
        free((char *)st->bodies[i].body);
    free(st->rules);
    free(st->bodies);
    free(st->years);
    free(st->outcomes); /* applicants share its allocation */
    free(st);
}
