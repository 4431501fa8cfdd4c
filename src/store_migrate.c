/*
 * store_migrate.c — schema version 2 (docs/schema.md), as one step from
 * version 1: what the supervising office's desk needs.
 *
 *  - `body`: the roster (xxgk db bodies import);
 *  - `report.body_key`, `current_since`, `superseded_by`: which body a
 *    report belongs to, and the one counted report per body and year;
 *  - `finding.against`: findings across years, stored at import;
 *  - `sentence_set`, `sentence`: the hashed sentences of each report, to
 *    find copied text without comparing reports pairwise;
 *  - the view `current_report` now lists the counted reports.
 *
 * A new store is made by the version 1 script followed by this step, so
 * a migrated store and a new one are the same. The step runs inside the
 * caller's transaction; a later version adds a step of its own after it.
 */
#include <stdlib.h>
#include <string.h>

#include "body_name.h"
#include "accounts.h"
#include "store.h"
#include "store_group.h"

static const char schema_v2[] =
    "ALTER TABLE report ADD COLUMN body_key TEXT;"
    "ALTER TABLE report ADD COLUMN current_since INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE report ADD COLUMN superseded_by INTEGER;"
    "ALTER TABLE finding ADD COLUMN against INTEGER;"
    "CREATE INDEX report_body ON report(body_key, year);"
    "CREATE TABLE body("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE,"
    " parent TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '',"
    " aliases TEXT NOT NULL DEFAULT '',"
    " position INTEGER NOT NULL);"
    "CREATE TABLE sentence_set("
    " report_id INTEGER PRIMARY KEY REFERENCES report(id),"
    " count INTEGER NOT NULL, hashes BLOB NOT NULL);"
    "CREATE TABLE sentence("
    " year INTEGER NOT NULL, hash INTEGER NOT NULL, report_id INTEGER NOT NULL,"
    " PRIMARY KEY(year, hash, report_id)) WITHOUT ROWID;"
    "DROP VIEW current_report;"
    "CREATE VIEW current_report AS SELECT * FROM report"
    " WHERE current = 1 AND superseded_by IS NULL;"
    "UPDATE report SET current_since = id;";

/* Every report's body key from its name (a version 1 store has no
 * roster: the normal form of the name). */
static int fill_body_keys(xxgk_store *s)
{
    sqlite3_stmt *get, *set;
    int rc = sqlite3_prepare_v2(s->db, "SELECT id, body FROM report WHERE body IS NOT NULL", -1,
                                &get, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_prepare_v2(s->db, "UPDATE report SET body_key = ?2 WHERE id = ?1", -1, &set,
                            NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(get)) == SQLITE_ROW) {
        char norm[BODY_NAME_MAX], key[BODY_NAME_MAX + 8];
        if (!body_norm((const char *)sqlite3_column_text(get, 1), norm)) {
            rc = SQLITE_OK;
            continue;
        }
        snprintf(key, sizeof key, "n:%s", norm);
        sqlite3_bind_int64(set, 1, sqlite3_column_int64(get, 0));
        sqlite3_bind_text(set, 2, key, -1, SQLITE_STATIC);
        rc = sqlite3_step(set) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
        sqlite3_reset(set);
    }
    sqlite3_finalize(get);
    sqlite3_finalize(set);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* In every group the current row imported last is counted. */
static const char supersede_all[] =
    "WITH ranked AS (SELECT id, first_value(id) OVER (PARTITION BY body_key, year"
    "   ORDER BY current_since DESC, id DESC) AS top FROM report"
    "   WHERE current = 1 AND body_key IS NOT NULL AND year IS NOT NULL)"
    " UPDATE report SET superseded_by = nullif(ranked.top, report.id)"
    " FROM ranked WHERE ranked.id = report.id;";

/* The rules across years for every counted report that has a counted
 * report of the year before. */
static int check_all_years(xxgk_store *s)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT DISTINCT a.body_key, a.year FROM report a JOIN report b"
                                " ON b.body_key = a.body_key AND b.year = a.year - 1"
                                " WHERE a.current = 1 AND a.superseded_by IS NULL"
                                " AND b.current = 1 AND b.superseded_by IS NULL",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    /* collected first: the checks write to the table being read */
    store_group_list groups = {0};
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (!store_group_list_add(&groups, (const char *)sqlite3_column_text(st, 0),
                                  sqlite3_column_int(st, 1))) {
            rc = SQLITE_NOMEM;
            break;
        }
    sqlite3_finalize(st);
    store_years y = {0};
    if (rc == SQLITE_DONE)
        rc = store_years_init(&y, s);
    for (size_t i = 0; rc == SQLITE_OK && i < groups.n; i++)
        rc = store_years_recheck(&y, groups.v[i].key, groups.v[i].year);
    if (y.s)
        store_years_free(&y);
    store_group_list_free(&groups);
    return rc;
}

int store_migrate_v2(xxgk_store *s)
{
    int rc = store_exec(s, schema_v2);
    if (rc == SQLITE_OK)
        rc = fill_body_keys(s);
    if (rc == SQLITE_OK)
        rc = store_exec(s, supersede_all);
    if (rc == SQLITE_OK)
        rc = check_all_years(s);
    if (rc == SQLITE_OK)
        rc = store_exec(s, "UPDATE schema_version SET version = 2");
    return rc;
}

/* Version 3: the tables of xxgk serve (store_accounts.c): users, sessions,
 * drafts, the audit trail. New tables only; nothing before is changed. */
int store_migrate_v3(xxgk_store *s)
{
    int rc = store_accounts_create(s);
    if (rc == SQLITE_OK)
        rc = store_exec(s, "UPDATE schema_version SET version = 3");
    return rc;
}
