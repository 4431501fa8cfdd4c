/*
 * store_load.c — reading reports back out of the store: the list of
 * reports a filter selects, one stored report as a report object, and
 * finding a body's report for a year.
 */
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "store.h"

static const char *text_col(sqlite3_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st, col);
}

static int int_or(sqlite3_stmt *st, int col, int none)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL ? none : sqlite3_column_int(st, col);
}

xxgk_status xxgk_store_list(xxgk_store *s, const xxgk_store_filter *f, xxgk_store_entry_fn fn,
                            void *ctx, xxgk_error *err)
{
    xxgk_error local;
    if (!err)
        err = &local;
    sqlite3_stmt *st = store_select(s, f,
                                    "report.id, report.path, report.sha256, report.version,"
                                    " report.year, report.format, report.title, report.body,"
                                    " report.date, report.cells, report.errors,"
                                    " report.warnings, report.notes",
                                    NULL, "ORDER BY report.year, report.body, report.id", err);
    if (!st)
        return err->status;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xxgk_store_entry e = {0};
        e.id = sqlite3_column_int64(st, 0);
        e.path = text_col(st, 1);
        e.sha256 = text_col(st, 2);
        e.version = sqlite3_column_int(st, 3);
        e.year = sqlite3_column_int(st, 4);
        e.format = store_format(sqlite3_column_int(st, 5));
        e.title = text_col(st, 6);
        e.body = text_col(st, 7);
        e.date = text_col(st, 8);
        e.cells = (size_t)sqlite3_column_int64(st, 9);
        e.errors = int_or(st, 10, -1);
        e.warnings = int_or(st, 11, -1);
        e.notes = int_or(st, 12, -1);
        if (fn(ctx, &e) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    xxgk_status status = rc == SQLITE_DONE ? XXGK_OK : store_fail(s, err, "读取数据库失败");
    store_done(s, st);
    return status;
}

static const char *dup_col(xxgk_report *r, sqlite3_stmt *st, int col)
{
    const char *t = text_col(st, col);
    return t ? arena_strndup(&r->a, t, strlen(t)) : NULL;
}

/* Fills meta and cells of r from the row of `st` (see load_sql). */
static void load_row(xxgk_report *r, sqlite3_stmt *st, const int *map)
{
    xxgk_meta *m = &r->meta;
    m->year = sqlite3_column_int(st, 1);
    m->format = store_format(sqlite3_column_int(st, 2));
    m->title = dup_col(r, st, 3);
    m->body = dup_col(r, st, 4);
    m->date = dup_col(r, st, 5);
    m->period_from = dup_col(r, st, 6);
    m->period_to = dup_col(r, st, 7);
    int n = sqlite3_column_count(st);
    for (int c = 0; c < n; c++)
        if (map[c] >= 0 && (size_t)map[c] < r->ncells)
            store_value_to_cell(st, c, &r->cells[map[c]]);
}

static const char load_sql[] =
    "SELECT report.path, report.year, report.format, report.title, report.body, report.date,"
    " report.period_from, report.period_to, cells.*"
    " FROM report JOIN cells ON cells.report_id = report.id WHERE report.id = ?1";

/* The cell ids named in a space-separated key list, in the arena. */
static void load_finding_cells(xxgk_report *r, xxgk_finding *f, const char *keys)
{
    if (!keys)
        return;
    key_iter it;
    size_t n = 0;
    for (key_iter_init(&it, keys); key_iter_next(&it);)
        n++;
    int *ids = arena_alloc(&r->a, sizeof(int) * (n ? n : 1));
    if (!ids)
        return;
    for (key_iter_init(&it, keys); key_iter_next(&it);) {
        int id = xxgk_cell_find(it.key);
        if (id >= 0)
            ids[f->ncells++] = id;
    }
    f->cells = ids;
}

static xxgk_severity severity_of(const char *word)
{
    return word && !strcmp(word, "error") ? XXGK_ERROR
           : word && !strcmp(word, "warning") ? XXGK_WARNING
                                              : XXGK_NOTE;
}

static int load_findings(xxgk_store *s, xxgk_report *r, int64_t id)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT severity, rule, line, col, len, message, expected, cells"
                                " FROM finding WHERE report_id = ?1 ORDER BY seq",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xxgk_finding *f = VEC_PUSH(&r->a, r->findings);
        if (!f)
            break;
        f->severity = severity_of(text_col(st, 0));
        f->rule = dup_col(r, st, 1);
        f->line = (uint32_t)sqlite3_column_int64(st, 2);
        f->column = (uint32_t)sqlite3_column_int64(st, 3);
        f->length = (uint32_t)sqlite3_column_int64(st, 4);
        f->message = dup_col(r, st, 5);
        f->expected = dup_col(r, st, 6);
        load_finding_cells(r, f, text_col(st, 7));
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Steps the load statement for `id` and builds the report from its row
 * (meta and cells). */
static xxgk_status load_model_with(xxgk_store *s, sqlite3_stmt *st, int64_t id,
                                   xxgk_report **out, xxgk_error *err)
{
    *out = NULL;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        xxgk_status status = rc == SQLITE_DONE
                                 ? error_set(err, XXGK_E_USAGE, "数据库中没有编号为 %lld 的报告",
                                             (long long)id)
                                 : store_fail(s, err, "读取数据库失败");
        sqlite3_reset(st);
        return status;
    }
    xxgk_report *r = store_report_new(text_col(st, 0) ? text_col(st, 0) : "-");
    int *map = r ? store_cell_columns(st, 8) : NULL;
    if (map)
        load_row(r, st, map);
    free(map);
    sqlite3_reset(st);
    if (!map || r->a.failed) {
        xxgk_report_free(r);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    *out = r;
    return XXGK_OK;
}

xxgk_status store_load_model(xxgk_store *s, sqlite3_stmt **cache, int64_t id, xxgk_report **out,
                             xxgk_error *err)
{
    *out = NULL;
    if (!*cache && sqlite3_prepare_v3(s->db, load_sql, -1, SQLITE_PREPARE_PERSISTENT, cache,
                                      NULL) != SQLITE_OK)
        return store_fail(s, err, "读取数据库失败");
    return load_model_with(s, *cache, id, out, err);
}

xxgk_status xxgk_store_load(xxgk_store *s, int64_t id, xxgk_report **out, xxgk_error *err)
{
    sqlite3_stmt *st = NULL;
    xxgk_status status = store_load_model(s, &st, id, out, err);
    sqlite3_finalize(st);
    if (status != XXGK_OK)
        return status;
    int rc = load_findings(s, *out, id);
    if (rc != SQLITE_OK || (*out)->a.failed) {
        bool nomem = (*out)->a.failed;
        xxgk_report_free(*out);
        *out = NULL;
        return nomem ? error_set(err, XXGK_E_NOMEM, "内存不足")
                     : store_fail(s, err, "读取数据库失败");
    }
    return XXGK_OK;
}

xxgk_status xxgk_store_find(xxgk_store *s, const char *body, int year, int64_t *id,
                            xxgk_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id FROM report WHERE current = 1 AND superseded_by IS NULL"
                           " AND body = ?1 AND year = ?2"
                           " ORDER BY id DESC LIMIT 1",
                           -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "读取数据库失败");
    sqlite3_bind_text(st, 1, body ? body : "", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, year);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return XXGK_OK;
    if (rc != SQLITE_DONE)
        return store_fail(s, err, "读取数据库失败");
    return error_set(err, XXGK_E_USAGE, "数据库中没有“%s”%d 年的报告", body ? body : "", year);
}
