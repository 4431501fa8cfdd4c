/*
 * store_accounts.c — the tables xxgk serve keeps in the store (schema
 * version 3, docs/schema.md): users, sessions, drafts of each body's
 * report, the audit trail; and the small helpers their files share.
 *
 * The tables are created by the version 3 step of store_migrate.c, so a
 * new store and a migrated one are the same.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "input.h"
#include "accounts.h"

static const char schema_v3[] =
    "CREATE TABLE app_user("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE,"
    " role TEXT NOT NULL,"
    " body TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '',"
    " hash TEXT NOT NULL,"
    " disabled INTEGER NOT NULL DEFAULT 0,"
    " created TEXT NOT NULL);"
    "CREATE TABLE app_session("
    " id_hash TEXT PRIMARY KEY,"
    " user_id INTEGER NOT NULL REFERENCES app_user(id),"
    " csrf TEXT NOT NULL,"
    " created INTEGER NOT NULL, seen INTEGER NOT NULL);"
    "CREATE TABLE draft("
    " id INTEGER PRIMARY KEY,"
    " body TEXT NOT NULL, year INTEGER NOT NULL, version INTEGER NOT NULL,"
    " model TEXT NOT NULL,"
    " who TEXT NOT NULL, at TEXT NOT NULL,"
    " errors INTEGER NOT NULL, warnings INTEGER NOT NULL,"
    " report_id INTEGER,"
    " UNIQUE(body, year, version));"
    "CREATE TABLE audit("
    " id INTEGER PRIMARY KEY,"
    " at TEXT NOT NULL, who TEXT NOT NULL, address TEXT NOT NULL DEFAULT '',"
    " action TEXT NOT NULL, object TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '');";

int store_accounts_create(xxgk_store *s)
{
    return store_exec(s, schema_v3);
}

const char *acct_now(char *buf, size_t size)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

const char *acct_text(sqlite3_stmt *st, int col)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    return t ? t : "";
}

sqlite3_stmt *acct_prepare(xxgk_store *s, const char *sql, xxgk_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        store_fail(s, err, "数据库");
        return NULL;
    }
    return st;
}

xxgk_status acct_run(xxgk_store *s, sqlite3_stmt *st, const char *what, xxgk_error *err)
{
    int rc = sqlite3_step(st);
    xxgk_status status = rc == SQLITE_DONE || rc == SQLITE_ROW ? XXGK_OK
                                                                : store_fail(s, err, what);
    sqlite3_finalize(st);
    return status;
}
