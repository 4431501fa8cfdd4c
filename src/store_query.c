/*
 * store_query.c — `xxgk db query`: one read-only SQL statement over the
 * store, for anything the other commands do not answer.
 */
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "store.h"

xxgk_status xxgk_store_query(xxgk_store *s, const char *sql, xxgk_query_fn fn, void *ctx,
                             xxgk_error *err)
{
    sqlite3_stmt *st = NULL;
    const char *rest = NULL;
    if (!sql || !*sql)
        return error_set(err, XXGK_E_USAGE, "没有给出 SQL 语句");
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, &rest) != SQLITE_OK)
        return error_set(err, XXGK_E_USAGE, "SQL 有误：%s", sqlite3_errmsg(s->db));
    if (!st)
        return error_set(err, XXGK_E_USAGE, "没有给出 SQL 语句");
    /* One statement only, and one that cannot change the store: the
     * store belongs to import. */
    if (rest[strspn(rest, " \t\r\n;")] != '\0' || !sqlite3_stmt_readonly(st)) {
        sqlite3_finalize(st);
        return error_set(err, XXGK_E_USAGE, "只能执行一条只读的 SQL 语句（SELECT 等）");
    }
    int n = sqlite3_column_count(st);
    const char **names = calloc((size_t)(n > 0 ? n : 1), sizeof *names);
    const char **values = calloc((size_t)(n > 0 ? n : 1), sizeof *values);
    xxgk_status status = names && values ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
    for (int c = 0; status == XXGK_OK && c < n; c++)
        names[c] = sqlite3_column_name(st, c);
    int stop = status == XXGK_OK ? fn(ctx, 0, n, names, values) : 1;
    int rc = SQLITE_DONE;
    for (size_t row = 1; !stop && (rc = sqlite3_step(st)) == SQLITE_ROW; row++) {
        for (int c = 0; c < n; c++)
            values[c] = (const char *)sqlite3_column_text(st, c);
        stop = fn(ctx, row, n, names, values);
    }
    if (status == XXGK_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        status = error_set(err, XXGK_E_USAGE, "SQL 执行失败：%s", sqlite3_errmsg(s->db));
    free(names);
    free(values);
    sqlite3_finalize(st);
    return status;
}
