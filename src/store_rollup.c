/*
 * store_rollup.c — the combined statistics of many reports (what a county
 * office publishes for all its bodies): every cell summed over the
 * selected reports, as one report object that the JSON writer and the
 * renderers take like any parsed report, with the identities of the
 * tables checked again on the sums; and, for an identity the sums break,
 * the bodies whose own tables break it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "input.h"
#include "store.h"

/* The identities of the tables on a report's numbers: the one check the
 * rollup and its culprits are held to. */
static void sum_check(xxgk_report *r)
{
    xxgk_check_options sums_only = {NULL, false, "arithmetic"};
    xxgk_check(r, &sums_only);
}

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
    if (n < 2) /* nothing to sort (and no array at all for none) */
        return 0;
    qsort(bodies, n, sizeof *bodies, cmp_str);
    size_t dup = 0;
    for (size_t i = 1; i < n; i++)
        if (!strcmp(bodies[i], bodies[i - 1]) && (i < 2 || strcmp(bodies[i - 1], bodies[i - 2])))
            dup++;
    return dup;
}

/* Adds one row (id, body, cells.*) to the sums. Returns the column whose
 * sum would overflow (or whose value no decimal holds), else -1. */
static int add_row(sqlite3_stmt *st, const int *map, cell_sum *sums, size_t ncells)
{
    int n = sqlite3_column_count(st);
    for (int c = 0; c < n; c++) {
        if (map[c] < 0 || (size_t)map[c] >= ncells)
            continue;
        cell_sum *s = &sums[map[c]];
        int type = sqlite3_column_type(st, c);
        if (type == SQLITE_NULL)
            continue;
        if (type == SQLITE_INTEGER && s->total.scale == 0) { /* counts: the common case */
            s->number = true;
            if (__builtin_add_overflow(s->total.units, sqlite3_column_int64(st, c),
                                       &s->total.units))
                return c;
            continue;
        }
        xxgk_cell cell;
        store_value_to_cell(st, c, &cell);
        if (cell.kind == XXGK_VALUE_BLANK)
            s->blank = true;
        if (cell.kind == XXGK_VALUE_ABSENT && type == SQLITE_FLOAT)
            return c; /* a real too large for a decimal: not to be dropped silently */
        if (cell.kind != XXGK_VALUE_NUMBER)
            continue;
        s->number = true;
        if (!store_decimal_add(&s->total, cell.value))
            return c;
    }
    return -1;
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
        int bad = bodies[n++] ? add_row(st, map, sums, ncells) : -1;
        if (!bodies[n - 1])
            status = error_set(err, XXGK_E_NOMEM, "内存不足");
        else if (bad >= 0)
            status = error_set(err, XXGK_E_TOO_LARGE,
                               "合计超出可表示的范围：报告 %lld 的 %s 数值过大（不合常理，见 "
                               "cell-implausible）；可用 --where 'report.id <> %lld' 排除该报告",
                               (long long)sqlite3_column_int64(st, 0),
                               sqlite3_column_name(st, bad),
                               (long long)sqlite3_column_int64(st, 0));
    }
    if (status == XXGK_OK && rc != SQLITE_DONE)
        status = store_fail(s, err, "读取数据库失败");
    *nreports = n;
    *duplicates = status == XXGK_OK ? count_duplicates(bodies, n) : 0;
    for (size_t i = 0; i < n; i++)
        free(bodies[i]);
    free(bodies);
    free(map);
    store_done(s, st);
    return status;
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
    if (!f || !xxgk_format_for_year(f->year))
        return error_set(err, XXGK_E_USAGE, "汇总需要指定 %d 年或以后的年度",
                         tpl_format_at(0)->from_year);
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
        /* The sums of reports that each add up add up too; when they do
         * not, some report broke an identity, and the rollup says so. */
        sum_check(r);
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

/* ---- the culprits ----------------------------------------------------- */

/* Whether r, checked on its own, breaks the same identity at the same
 * place as `broken` (same rule, same first cell). */
static bool breaks_too(xxgk_report *r, const xxgk_finding *broken)
{
    r->findings.n = 0;
    sum_check(r);
    for (size_t i = 0; i < r->findings.n; i++) {
        const xxgk_finding *f = &r->findings.v[i];
        if (f->rule && broken->rule && !strcmp(f->rule, broken->rule) && f->ncells &&
            broken->ncells && f->cells[0] == broken->cells[0])
            return true;
    }
    return false;
}

/* Whether r has some of the identity's cells and lacks others (of its
 * format): its share is missing from one side of the sum. */
static bool lacks_cells(const xxgk_report *r, const xxgk_finding *broken)
{
    bool present = false, absent = false;
    for (size_t i = 0; i < broken->ncells; i++) {
        size_t id = (size_t)broken->cells[i];
        if (!xxgk_format_has_cell(r->meta.format, id))
            continue;
        if (r->cells[id].kind == XXGK_VALUE_ABSENT)
            absent = true;
        else
            present = true;
    }
    return present && absent;
}

xxgk_status xxgk_store_rollup_culprits(xxgk_store *s, const xxgk_store_filter *f,
                                       const xxgk_finding *broken, xxgk_culprit_fn fn, void *ctx,
                                       xxgk_error *err)
{
    xxgk_error local;
    if (!err)
        err = &local;
    if (!broken || !broken->ncells)
        return XXGK_OK;
    sqlite3_stmt *st = store_select(s, f, "report.id, coalesce(report.body, ''), report.format,"
                                          " report.year, cells.*",
                                    NULL, "ORDER BY report.body, report.id", err);
    if (!st)
        return err->status;
    int *map = store_cell_columns(st, 4);
    xxgk_status status = map ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
    int rc = SQLITE_DONE, n = sqlite3_column_count(st);
    while (status == XXGK_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        xxgk_report *r = store_report_new("rollup-part");
        if (!r) {
            status = error_set(err, XXGK_E_NOMEM, "内存不足");
            break;
        }
        r->meta.format = store_format(sqlite3_column_int(st, 2));
        r->meta.year = sqlite3_column_int(st, 3);
        for (int c = 4; c < n; c++)
            if (map[c] >= 0 && (size_t)map[c] < r->ncells)
                store_value_to_cell(st, c, &r->cells[map[c]]);
        const char *body = (const char *)sqlite3_column_text(st, 1);
        if (breaks_too(r, broken))
            fn(ctx, body, false);
        else if (lacks_cells(r, broken))
            fn(ctx, body, true);
        if (r->a.failed)
            status = error_set(err, XXGK_E_NOMEM, "内存不足");
        xxgk_report_free(r);
    }
    if (status == XXGK_OK && rc != SQLITE_DONE)
        status = store_fail(s, err, "读取数据库失败");
    free(map);
    store_done(s, st);
    return status;
}
