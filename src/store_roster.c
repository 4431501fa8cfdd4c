/*
 * store_roster.c — the roster in the store (table `body`): replacing it
 * from a file, listing it, the bodies without a report for a year.
 *
 * Replacing the roster changes which body some reports belong to, so it
 * is one transaction that also gives every report its body key again,
 * decides again the counted report of every group that changed, and
 * re-applies the rules across years there (store_group.h). Bodies keep
 * their id while their name stays, so their keys do not change.
 */
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "roster.h"
#include "store.h"
#include "store_group.h"

/* ---- the table `body` ----------------------------------------------------- */

/* Writes the roster's rows into `body`: existing names updated in place,
 * new ones added, the others removed. */
static int write_bodies(xxgk_store *s, const roster *r, xxgk_roster_summary *sum)
{
    int rc = store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS roster_names(name TEXT PRIMARY KEY);"
                           "DELETE FROM roster_names;");
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_stmt *find = NULL, *update = NULL, *insert = NULL, *mark = NULL;
    rc = sqlite3_prepare_v2(s->db,
                            "SELECT parent = ?2 AND kind = ?3 AND aliases = ?4 AND position = ?5"
                            " FROM body WHERE name = ?1",
                            -1, &find, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db,
                                "UPDATE body SET parent = ?2, kind = ?3, aliases = ?4,"
                                " position = ?5 WHERE name = ?1",
                                -1, &update, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db,
                                "INSERT INTO body(name, parent, kind, aliases, position)"
                                " VALUES(?1, ?2, ?3, ?4, ?5)",
                                -1, &insert, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, "INSERT OR IGNORE INTO roster_names VALUES(?1)", -1,
                                &mark, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < r->n; i++) {
        const roster_row *row = &r->v[i];
        sqlite3_stmt *sts[] = {find, update, insert};
        for (int k = 0; k < 3; k++) {
            sqlite3_bind_text(sts[k], 1, row->name, -1, SQLITE_STATIC);
            sqlite3_bind_text(sts[k], 2, row->parent, -1, SQLITE_STATIC);
            sqlite3_bind_text(sts[k], 3, row->kind, -1, SQLITE_STATIC);
            sqlite3_bind_text(sts[k], 4, row->aliases, -1, SQLITE_STATIC);
            sqlite3_bind_int64(sts[k], 5, (sqlite3_int64)i + 1);
        }
        int found = sqlite3_step(find);
        bool same = found == SQLITE_ROW && sqlite3_column_int(find, 0);
        sqlite3_reset(find);
        sqlite3_stmt *st = found == SQLITE_ROW ? update : insert;
        if (found != SQLITE_ROW)
            sum->added++;
        else if (!same)
            sum->updated++;
        rc = same || sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
        sqlite3_reset(st);
        sqlite3_bind_text(mark, 1, row->name, -1, SQLITE_STATIC);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(mark) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
        sqlite3_reset(mark);
    }
    sqlite3_finalize(find);
    sqlite3_finalize(update);
    sqlite3_finalize(insert);
    sqlite3_finalize(mark);
    if (rc == SQLITE_OK)
        rc = store_exec(s, "DELETE FROM body WHERE name NOT IN (SELECT name FROM roster_names)");
    sum->removed = rc == SQLITE_OK ? (size_t)sqlite3_changes(s->db) : 0;
    return rc;
}

/* ---- every report's body key again ------------------------------------------ */

typedef struct rekey {
    int64_t id;
    char *key;
} rekey;

/* Gives each report the key the new roster makes of its name; collects
 * the groups (old and new) of the current rows whose key changed. */
static int rekey_reports(xxgk_store *s, store_group_list *groups)
{
    store_roster r;
    int rc = store_roster_load(s, &r);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_stmt *get;
    rc = sqlite3_prepare_v2(s->db, "SELECT id, body, body_key, year, current FROM report", -1,
                            &get, NULL);
    rekey *changes = NULL;
    size_t n = 0, cap = 0;
    while (rc == SQLITE_OK && (rc = sqlite3_step(get)) == SQLITE_ROW) {
        xxgk_match match;
        const char *body = (const char *)sqlite3_column_text(get, 1);
        const char *old = (const char *)sqlite3_column_text(get, 2);
        char *key = store_body_key(&r, body, &match);
        if ((!key && !old) || (key && old && !strcmp(key, old))) {
            free(key);
            rc = SQLITE_OK;
            continue;
        }
        int year = sqlite3_column_int(get, 3);
        bool current = sqlite3_column_int(get, 4) != 0;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            rekey *v = realloc(changes, cap * sizeof *v);
            if (!v) {
                free(key);
                rc = SQLITE_NOMEM;
                break;
            }
            changes = v;
        }
        changes[n++] = (rekey){sqlite3_column_int64(get, 0), key};
        rc = !current || (store_group_list_add(groups, old, year) &&
                          store_group_list_add(groups, key, year))
                 ? SQLITE_OK
                 : SQLITE_NOMEM;
    }
    sqlite3_finalize(get);
    if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    sqlite3_stmt *set = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->db, "UPDATE report SET body_key = ?2 WHERE id = ?1", -1, &set,
                                NULL);
    for (size_t i = 0; i < n; i++) {
        if (rc == SQLITE_OK) {
            sqlite3_bind_int64(set, 1, changes[i].id);
            sqlite3_bind_text(set, 2, changes[i].key, -1, SQLITE_STATIC);
            rc = sqlite3_step(set) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
            sqlite3_reset(set);
        }
        free(changes[i].key);
    }
    sqlite3_finalize(set);
    free(changes);
    store_roster_free(&r);
    return rc;
}

/* How the counted reports now fit the roster. */
static int count_matches(xxgk_store *s, xxgk_roster_summary *sum)
{
    store_roster r;
    int rc = store_roster_load(s, &r);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_stmt *st;
    rc = sqlite3_prepare_v2(s->db,
                            "SELECT body_key LIKE 'b:%', body FROM report WHERE body IS NOT NULL"
                            " AND " STORE_COUNTED,
                            -1, &st, NULL);
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        int pos[2];
        if (sqlite3_column_int(st, 0))
            sum->matched++;
        else if (store_roster_match(&r, (const char *)sqlite3_column_text(st, 1), pos, 2) > 1)
            sum->ambiguous++;
        else
            sum->unmatched++;
    }
    sqlite3_finalize(st);
    store_roster_free(&r);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

xxgk_status xxgk_store_import_roster(xxgk_store *s, const char *path, xxgk_roster_summary *summary,
                                     xxgk_error *err)
{
    xxgk_roster_summary sum = {0};
    if (summary)
        *summary = sum;
    if (!s || !path)
        return error_set(err, XXGK_E_USAGE, "参数错误");
    if (s->read_only)
        return error_set(err, XXGK_E_USAGE, "数据库以只读方式打开，不能导入名册");
    roster r;
    xxgk_status st = roster_read(path, &r, err);
    if (st != XXGK_OK)
        return st;
    sum.bodies = r.n;
    if (store_exec(s, "BEGIN IMMEDIATE") != SQLITE_OK) {
        roster_free(&r);
        return store_fail(s, err, "写入数据库失败");
    }
    store_group_list groups = {0};
    store_groups g = {0};
    int rc = write_bodies(s, &r, &sum);
    if (rc == SQLITE_OK)
        rc = rekey_reports(s, &groups);
    if (rc == SQLITE_OK)
        rc = store_groups_init(&g, s);
    if (rc == SQLITE_OK)
        rc = store_group_list_update(&g, &groups);
    if (g.s)
        store_groups_free(&g);
    if (rc == SQLITE_OK)
        rc = count_matches(s, &sum);
    store_group_list_free(&groups);
    roster_free(&r);
    free(s->body_text); /* the bodies --body may mean have changed */
    s->body_text = NULL;
    if (rc == SQLITE_OK && store_exec(s, "COMMIT") == SQLITE_OK) {
        if (summary)
            *summary = sum;
        return XXGK_OK;
    }
    st = rc == SQLITE_NOMEM ? error_set(err, XXGK_E_NOMEM, "内存不足")
                            : store_fail(s, err, "写入数据库失败");
    store_exec(s, "ROLLBACK");
    return st;
}

/* ---- reading it ------------------------------------------------------------- */

static const char *text_or_empty(sqlite3_stmt *st, int col)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    return t ? t : "";
}

xxgk_status xxgk_store_bodies(xxgk_store *s, xxgk_body_fn fn, void *ctx, xxgk_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT b.id, b.position, b.name, b.parent, b.kind, b.aliases,"
                           " (SELECT group_concat(year, ' ') FROM (SELECT DISTINCT year"
                           "   FROM report WHERE body_key = 'b:' || b.id AND year IS NOT NULL"
                           "   AND " STORE_COUNTED " ORDER BY year))"
                           " FROM body b ORDER BY b.position, b.id",
                           -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "读取名册失败");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xxgk_body b = {sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1),
                       text_or_empty(st, 2),       text_or_empty(st, 3),
                       text_or_empty(st, 4),       text_or_empty(st, 5),
                       text_or_empty(st, 6)};
        if (fn(ctx, &b)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? XXGK_OK : store_fail(s, err, "读取名册失败");
}

xxgk_status xxgk_store_missing_bodies(xxgk_store *s, int year, xxgk_name_fn fn, void *ctx,
                                      xxgk_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT b.name FROM body b WHERE NOT EXISTS (SELECT 1 FROM report"
                           " WHERE report.body_key = 'b:' || b.id AND report.year = ?1 AND "
                           STORE_COUNTED ") ORDER BY b.position, b.id",
                           -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, err, "读取名册失败");
    sqlite3_bind_int(st, 1, year);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn(ctx, (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? XXGK_OK : store_fail(s, err, "读取名册失败");
}
