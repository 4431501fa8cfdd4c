/*
 * store_query.c — `xxgk db query`: one read-only SQL statement over the
 * store, for anything the other commands do not answer.
 */
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "store.h"

/* A BLOB as the SQL literal X'…' (upper-case hex), malloc'd: raw bytes
 * would reach the terminal as they are. */
static char *blob_hex(sqlite3_stmt *st, int c)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *b = sqlite3_column_blob(st, c);
    size_t n = (size_t)sqlite3_column_bytes(st, c);
    char *out = malloc(2 * n + 4);
    if (!out)
        return NULL;
    size_t o = 0;
    out[o++] = 'X';
    out[o++] = '\'';
    for (size_t i = 0; i < n; i++) {
        out[o++] = hex[b[i] >> 4];
        out[o++] = hex[b[i] & 15];
    }
    out[o++] = '\'';
    out[o] = '\0';
    return out;
}

/* Steps through the rows, giving each to fn; returns the last step's
 * code (SQLITE_DONE at the end), or SQLITE_NOMEM. */
static int each_row(sqlite3_stmt *st, int n, const char **names, const char **values,
                    char **blobs, xxgk_query_fn fn, void *ctx)
{
    int rc = SQLITE_DONE, stop = 0;
    for (size_t row = 1; !stop && (rc = sqlite3_step(st)) == SQLITE_ROW; row++) {
        for (int c = 0; c < n; c++) {
            free(blobs[c]);
            blobs[c] = NULL;
            if (sqlite3_column_type(st, c) == SQLITE_BLOB) {
                values[c] = blobs[c] = blob_hex(st, c);
                if (!blobs[c])
                    return SQLITE_NOMEM;
            } else {
                values[c] = (const char *)sqlite3_column_text(st, c);
            }
        }
        stop = fn(ctx, row, n, names, values);
    }
    return stop ? SQLITE_DONE : rc;
}

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
    size_t slots = (size_t)(n > 0 ? n : 1);
    const char **names = calloc(slots, sizeof *names);
    const char **values = calloc(slots, sizeof *values);
    char **blobs = calloc(slots, sizeof *blobs);
    xxgk_status status =
        names && values && blobs ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
    for (int c = 0; status == XXGK_OK && c < n; c++)
        names[c] = sqlite3_column_name(st, c);
    int stop = status == XXGK_OK ? fn(ctx, 0, n, names, values) : 1;
    store_limit_begin(s);
    int rc = stop ? SQLITE_DONE : each_row(st, n, names, values, blobs, fn, ctx);
    if (status == XXGK_OK && rc == SQLITE_NOMEM)
        status = error_set(err, XXGK_E_NOMEM, "内存不足");
    else if (status == XXGK_OK && rc != SQLITE_DONE)
        status = s->timed_out ? store_fail(s, err, "")
                              : error_set(err, XXGK_E_USAGE, "SQL 执行失败：%s",
                                          sqlite3_errmsg(s->db));
    for (int c = 0; blobs && c < n; c++)
        free(blobs[c]);
    free(blobs);
    free(names);
    free(values);
    store_done(s, st);
    return status;
}
