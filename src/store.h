/*
 * store.h — internals shared by the store's files (store*.c): the
 * connection, a growable string for building SQL, the selection of
 * reports by filter, and turning stored values back into cells.
 */
#ifndef XXGK_STORE_H
#define XXGK_STORE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "report.h"
#include "xxgk.h"

struct xxgk_store {
    sqlite3 *db;
    bool read_only;
    size_t ncells;   /* columns of `cells`: the registry at open time */
    /* The time limit on statements with the user's SQL (--where, db
     * query): SQLite's own working time is summed by the progress
     * handler while `limited`, and the statement interrupted past it. */
    double time_limit;   /* seconds, 0 = none */
    bool limited;        /* a statement with the user's SQL is running */
    bool timed_out;      /* the handler stopped it */
    double spent, last;  /* seconds of SQLite time so far; last handler call */
    /* The last `--body` text resolved (store_body.c) and the body keys it
     * stands for, as a JSON array for json_each(). */
    char *body_text, *body_keys;
};

/* "Counted" reports: the one current report of each body and year
 * (docs/schema.md). Every selection but `query` and the import's own
 * bookkeeping goes through this condition. */
#define STORE_COUNTED "report.current = 1 AND report.superseded_by IS NULL"

/* A growable NUL-terminated string (for SQL text built at run time). */
typedef struct sbuf {
    char *s;
    size_t len, cap;
    bool failed;     /* an allocation failed; s holds what fitted */
} sbuf;

void sbuf_add(sbuf *b, const char *s);
void sbuf_addf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as an SQL identifier in double quotes ("t3.new.natural"). */
void sbuf_add_ident(sbuf *b, const char *s);
void sbuf_free(sbuf *b);

/* Fills err with XXGK_E_IO, "what：the SQLite message" — or, when the
 * time limit stopped the statement, says so (XXGK_E_TOO_LARGE). */
xxgk_status store_fail(xxgk_store *s, xxgk_error *err, const char *what);

/* Runs SQL without results; returns SQLITE_OK or the error code. */
int store_exec(xxgk_store *s, const char *sql);

/* "SELECT <cols> FROM report JOIN cells <join> WHERE report.current = 1
 * AND <the filter> <tail>", the filter's values bound; join (extra JOIN
 * clauses) and tail (GROUP BY, ORDER BY) may be NULL. NULL, err set,
 * when the filter's SQL expression is wrong or would write. A filter
 * with an SQL expression runs under the time limit: finish with
 * store_done. */
sqlite3_stmt *store_select(xxgk_store *s, const xxgk_store_filter *f, const char *cols,
                           const char *join, const char *tail, xxgk_error *err);

/* Installs the progress handler of the time limit on s->db (store_limit.c). */
void store_limit_install(xxgk_store *s);
/* Starts the time limit for a statement with the user's SQL. */
void store_limit_begin(xxgk_store *s);
/* Finalizes a statement of store_select (or one begun with
 * store_limit_begin) and ends its time limit. */
void store_done(xxgk_store *s, sqlite3_stmt *st);
/* The same with one more condition `cond` (SQL, may be NULL) joined to
 * the others, for the store's own selections. */
sqlite3_stmt *store_select_where(xxgk_store *s, const xxgk_store_filter *f, const char *cols,
                                 const char *join, const char *cond, const char *tail,
                                 xxgk_error *err);

/* The body keys `--body TEXT` stands for (store_body.c), as a JSON array
 * valid until the next call; an error naming the candidates when the
 * text fits several bodies, or none. */
xxgk_status store_body_keys(xxgk_store *s, const char *text, const char **keys,
                            xxgk_error *err);

/* A stored cell value back into a cell: NULL → absent, '' → blank, an
 * integer, a real (exact to 15 digits, as stored) or decimal text →
 * number. */
void store_value_to_cell(sqlite3_stmt *st, int col, xxgk_cell *out);

/* Binds a cell as the store keeps it: absent → NULL, blank → '',
 * number → integer, or real when it has decimals (text when it has more
 * than 15 significant digits, which a double cannot hold exactly). */
int store_bind_cell(sqlite3_stmt *st, int col, const xxgk_cell *c);

/* An empty report object (all cells absent) named `name`, for reports
 * built from the store rather than parsed. */
xxgk_report *store_report_new(const char *name);

/* Exact sum: *acc += v, aligning scales. False on overflow. */
bool store_decimal_add(xxgk_decimal *acc, xxgk_decimal v);

/* For the columns first … last of a statement over `cells`, the cell id
 * each one holds (by its name), or -1. Free the array. */
int *store_cell_columns(sqlite3_stmt *st, int first);

/* The meta and cells of stored report `id` (its findings are not read),
 * with the statement kept in *cache between calls (NULL at first; the
 * caller finalizes it). XXGK_E_USAGE when there is no such report. */
xxgk_status store_load_model(xxgk_store *s, sqlite3_stmt **cache, int64_t id, xxgk_report **out,
                             xxgk_error *err);

/* Schema version 2, one step from version 1 (store_migrate.c), inside
 * the caller's transaction. An SQLite code. */
int store_migrate_v2(xxgk_store *s);
/* Version 3: the tables of xxgk serve (store_accounts.c). */
int store_migrate_v3(xxgk_store *s);

/* The Chinese header of cell `id` in exports: its table, row (with its
 * group) and column, "表三 （三）不予公开 1.属于国家秘密 自然人". */
void store_cell_header(size_t id, char *out, size_t size);

/* The format of a stored format number (2019, 2021), else UNKNOWN. */
xxgk_format store_format(int number);

#endif
