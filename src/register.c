/*
 * register.c — the register's place in the store: opening it, its own
 * schema version and migrations (kept apart from the report store's),
 * the actor, transactions that nest, the audit log every change goes
 * to, the statements run often, and the calendar (the shipped notices
 * with the register's imported ones on top).
 *
 * The tables are documented in docs/register.md; keep the two together.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "case.h"
#include "input.h"

/* Version 1: cases, their events, remedies, documents, tallies, notices. */
#define REGISTER_VERSION 1

static const char migration_1[] =
    "CREATE TABLE reg_case("
    " id INTEGER PRIMARY KEY,"
    " body TEXT NOT NULL, year INTEGER NOT NULL, serial INTEGER NOT NULL,"
    " ledger_key TEXT,"
    /* derived from the events, rewritten with each one */
    " received TEXT NOT NULL, applicant TEXT NOT NULL, state TEXT NOT NULL,"
    " closed TEXT, outcome TEXT, voided INTEGER NOT NULL DEFAULT 0,"
    " UNIQUE(body, year, serial));"
    "CREATE UNIQUE INDEX reg_case_ledger ON reg_case(body, ledger_key)"
    " WHERE ledger_key IS NOT NULL;"
    "CREATE INDEX reg_case_received ON reg_case(body, received);"
    "CREATE INDEX reg_case_open ON reg_case(id) WHERE closed IS NULL AND voided = 0;"
    "CREATE TABLE reg_event("
    " object TEXT NOT NULL, object_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
    " kind TEXT NOT NULL, date TEXT, data TEXT NOT NULL,"
    " who TEXT NOT NULL, at TEXT NOT NULL, before TEXT, after TEXT,"
    " PRIMARY KEY(object, object_id, seq)) WITHOUT ROWID;"
    "CREATE TABLE reg_remedy("
    " case_id INTEGER NOT NULL REFERENCES reg_case(id), n INTEGER NOT NULL,"
    " kind TEXT NOT NULL, filed TEXT NOT NULL, decided TEXT, result TEXT,"
    " PRIMARY KEY(case_id, n)) WITHOUT ROWID;"
    "CREATE TABLE reg_doc("
    " id INTEGER PRIMARY KEY, body TEXT NOT NULL, kind TEXT NOT NULL, number TEXT,"
    " title TEXT NOT NULL, made TEXT NOT NULL, published TEXT, repealed TEXT,"
    " voided INTEGER NOT NULL DEFAULT 0, void_reason TEXT);"
    "CREATE INDEX reg_doc_body ON reg_doc(body, made);"
    "CREATE TABLE reg_tally("
    " id INTEGER PRIMARY KEY, body TEXT NOT NULL, kind TEXT NOT NULL,"
    " period_from TEXT NOT NULL, period_to TEXT NOT NULL, value TEXT NOT NULL,"
    " UNIQUE(body, kind, period_from, period_to));"
    "CREATE TABLE reg_notice("
    " year INTEGER PRIMARY KEY, source TEXT NOT NULL, text TEXT NOT NULL,"
    " imported TEXT NOT NULL);";

/* migrations[v] brings version v-1 to v. */
static const char *const migrations[REGISTER_VERSION + 1] = {NULL, migration_1};

static const char *const query_sql[Q_COUNT] = {
    [Q_CASE_IDENTITY] = "SELECT body, year, serial, ledger_key FROM reg_case WHERE id = ?1",
    [Q_CASE_EVENTS] = "SELECT seq, kind, date, data, who, at, before, after FROM reg_event"
                      " WHERE object = 'case' AND object_id = ?1 ORDER BY seq",
    [Q_NEXT_SEQ] = "SELECT coalesce(max(seq), 0) + 1 FROM reg_event"
                   " WHERE object = ?1 AND object_id = ?2",
    [Q_EVENT_INSERT] = "INSERT INTO reg_event VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [Q_CASE_INSERT] = "INSERT INTO reg_case(body, year, serial, ledger_key, received, applicant,"
                      " state) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [Q_NEXT_SERIAL] = "SELECT coalesce(max(serial), 0) + 1 FROM reg_case"
                      " WHERE body = ?1 AND year = ?2",
    [Q_CASE_DERIVED] = "UPDATE reg_case SET received = ?2, applicant = ?3, state = ?4,"
                       " closed = ?5, outcome = ?6, voided = ?7 WHERE id = ?1",
    [Q_REMEDY_DELETE] = "DELETE FROM reg_remedy WHERE case_id = ?1",
    [Q_REMEDY_INSERT] = "INSERT INTO reg_remedy VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
    [Q_LEDGER_KEY] = "SELECT id FROM reg_case WHERE body = ?1 AND ledger_key = ?2",
};

int xxgk_register_schema_version(void)
{
    return REGISTER_VERSION;
}

xxgk_status reg_fail(xxgk_register *reg, xxgk_error *err, const char *what)
{
    return error_set(err, XXGK_E_IO, "%s：%s", what, reg && reg->db ? sqlite3_errmsg(reg->db) : "");
}

sqlite3_stmt *reg_stmt(xxgk_register *reg, reg_query q, xxgk_error *err)
{
    sqlite3_stmt *st = reg->stmts[q];
    if (st) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        return st;
    }
    if (sqlite3_prepare_v3(reg->db, query_sql[q], -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) !=
        SQLITE_OK) {
        reg_fail(reg, err, "登记簿查询失败");
        return NULL;
    }
    reg->stmts[q] = st;
    return st;
}

/* ---- transactions ------------------------------------------------------- */

xxgk_status reg_begin(xxgk_register *reg, xxgk_error *err)
{
    char sql[48];
    if (reg->depth == 0)
        snprintf(sql, sizeof sql, "BEGIN IMMEDIATE");
    else
        snprintf(sql, sizeof sql, "SAVEPOINT reg%d", reg->depth);
    if (sqlite3_exec(reg->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return reg_fail(reg, err, "无法开始写入登记簿");
    reg->depth++;
    return XXGK_OK;
}

xxgk_status reg_end(xxgk_register *reg, bool ok, xxgk_error *err)
{
    char sql[96];
    int d = --reg->depth;
    if (d == 0)
        snprintf(sql, sizeof sql, ok ? "COMMIT" : "ROLLBACK");
    else if (ok)
        snprintf(sql, sizeof sql, "RELEASE reg%d", d);
    else
        snprintf(sql, sizeof sql, "ROLLBACK TO reg%d; RELEASE reg%d", d, d);
    if (sqlite3_exec(reg->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        if (d == 0 && ok)
            sqlite3_exec(reg->db, "ROLLBACK", NULL, NULL, NULL);
        return reg_fail(reg, err, "无法写入登记簿");
    }
    return XXGK_OK;
}

xxgk_status reg_writable(const xxgk_register *reg, xxgk_error *err)
{
    if (reg->read_only)
        return error_set(err, XXGK_E_USAGE, "登记簿以只读方式打开，不能修改");
    if (!reg->actor || !*reg->actor)
        return error_set(err, XXGK_E_USAGE, "没有指明操作人（每项登记都记录由谁所做）");
    return XXGK_OK;
}

void reg_now(char *buf, size_t size)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

xxgk_status reg_log(xxgk_register *reg, const char *object, int64_t object_id, const char *kind,
                    xxgk_date date, const char *data, const char *before, const char *after,
                    int *seq_out, xxgk_error *err)
{
    sqlite3_stmt *st = reg_stmt(reg, Q_NEXT_SEQ, err);
    if (!st)
        return err->status;
    sqlite3_bind_text(st, 1, object, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, object_id);
    int seq = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 1;
    sqlite3_reset(st);
    if (!(st = reg_stmt(reg, Q_EVENT_INSERT, err)))
        return err->status;
    char d[11], at[32];
    reg_now(at, sizeof at);
    sqlite3_bind_text(st, 1, object, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, object_id);
    sqlite3_bind_int(st, 3, seq);
    sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
    if (date)
        sqlite3_bind_text(st, 5, xxgk_date_format(date, d, sizeof d), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, data ? data : "{}", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, reg->actor, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 8, at, -1, SQLITE_TRANSIENT);
    if (before)
        sqlite3_bind_text(st, 9, before, -1, SQLITE_STATIC);
    if (after)
        sqlite3_bind_text(st, 10, after, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return reg_fail(reg, err, "无法记录登记事项");
    if (seq_out)
        *seq_out = seq;
    return XXGK_OK;
}

/* ---- schema ------------------------------------------------------------ */

/* The register schema stored: 0 without the table. */
static int stored_version(sqlite3 *db)
{
    sqlite3_stmt *st;
    int v = 0;
    if (sqlite3_prepare_v2(db, "SELECT version FROM register_schema", -1, &st, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

static xxgk_status prepare_schema(xxgk_register *reg, const char *path, xxgk_error *err)
{
    int v = stored_version(reg->db);
    if (v > REGISTER_VERSION)
        return error_set(err, XXGK_E_USAGE,
                         "%s：登记簿由更新版本的 xxgk 建立（登记簿版本 %d，本程序为 %d）", path, v,
                         REGISTER_VERSION);
    if (reg->read_only && v == 0)
        return error_set(err, XXGK_E_USAGE,
                         "%s：数据库中还没有登记簿（先用 xxgk case add 或 xxgk case import 登记）",
                         path);
    if (reg->read_only && v < REGISTER_VERSION)
        return error_set(err, XXGK_E_USAGE,
                         "%s：登记簿版本较旧（%d），请先以可写方式打开一次（如登记一件申请）", path, v);
    if (v == REGISTER_VERSION)
        return XXGK_OK;
    if (reg_begin(reg, err) != XXGK_OK)
        return err->status;
    int rc = sqlite3_exec(reg->db,
                          "CREATE TABLE IF NOT EXISTS register_schema(version INTEGER NOT NULL);"
                          "INSERT INTO register_schema SELECT 0"
                          " WHERE NOT EXISTS (SELECT 1 FROM register_schema);",
                          NULL, NULL, NULL);
    for (int k = stored_version(reg->db) + 1; rc == SQLITE_OK && k <= REGISTER_VERSION; k++) {
        rc = sqlite3_exec(reg->db, migrations[k], NULL, NULL, NULL);
        char sql[64];
        snprintf(sql, sizeof sql, "UPDATE register_schema SET version = %d", k);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(reg->db, sql, NULL, NULL, NULL);
    }
    if (rc != SQLITE_OK) {
        xxgk_status st = reg_fail(reg, err, path);
        reg_end(reg, false, NULL);
        return st;
    }
    return reg_end(reg, true, err);
}

/* The shipped calendar with the register's imported notices on top. */
static xxgk_status load_calendar(xxgk_register *reg, xxgk_error *err)
{
    if (xxgk_calendar_new(&reg->cal, err) != XXGK_OK)
        return err->status;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(reg->db, "SELECT year, source, text FROM reg_notice ORDER BY year", -1,
                           &st, NULL) != SQLITE_OK)
        return reg_fail(reg, err, "无法读取登记簿中的放假安排");
    xxgk_status status = XXGK_OK;
    while (status == XXGK_OK && sqlite3_step(st) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 2);
        status = xxgk_calendar_load(reg->cal, text ? text : "", (size_t)sqlite3_column_bytes(st, 2),
                                    (const char *)sqlite3_column_text(st, 1),
                                    sqlite3_column_int(st, 0), NULL, 0, NULL, err);
    }
    sqlite3_finalize(st);
    return status;
}

xxgk_status xxgk_register_open(const char *path, bool read_only, xxgk_register **out,
                               xxgk_error *err)
{
    *out = NULL;
    if (!path || !*path)
        return error_set(err, XXGK_E_USAGE, "没有给出数据库文件");
    if (read_only && strcmp(path, ":memory:") != 0 && access(path, F_OK) != 0)
        return error_set(err, XXGK_E_IO, "%s：数据库不存在", path);
    xxgk_register *reg = calloc(1, sizeof *reg);
    if (!reg)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    reg->read_only = read_only;
    xxgk_status st = xxgk_store_open(path, read_only, &reg->store, err);
    if (st == XXGK_OK) {
        reg->db = reg->store->db;
        st = prepare_schema(reg, path, err);
    }
    if (st == XXGK_OK)
        st = load_calendar(reg, err);
    if (st != XXGK_OK) {
        xxgk_register_close(reg);
        return st;
    }
    *out = reg;
    return XXGK_OK;
}

void xxgk_register_close(xxgk_register *reg)
{
    if (!reg)
        return;
    for (int q = 0; q < Q_COUNT; q++)
        sqlite3_finalize(reg->stmts[q]);
    xxgk_store_close(reg->store);
    xxgk_calendar_free(reg->cal);
    free(reg->actor);
    free(reg);
}

xxgk_status xxgk_register_set_actor(xxgk_register *reg, const char *who)
{
    char *copy = who && *who ? strdup(who) : NULL;
    if (who && *who && !copy)
        return XXGK_E_NOMEM;
    free(reg->actor);
    reg->actor = copy;
    return XXGK_OK;
}

xxgk_status xxgk_register_set_today(xxgk_register *reg, xxgk_date today)
{
    reg->today = today;
    return XXGK_OK;
}

xxgk_date reg_today(const xxgk_register *reg)
{
    return reg->today ? reg->today : xxgk_date_today();
}

xxgk_date xxgk_register_today(const xxgk_register *reg)
{
    return reg_today(reg);
}

const xxgk_calendar *xxgk_register_calendar(const xxgk_register *reg)
{
    return reg->cal;
}

/* ---- importing notices --------------------------------------------------- */

/* The notice of `year` in the calendar as text (malloc'd). */
static char *notice_text(const xxgk_calendar *cal, int year, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f)
        return NULL;
    int rc = xxgk_calendar_write(cal, year, f);
    if (fclose(f) != 0 || rc < 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Counts a notice's listed days. */
static size_t notice_entries(const xxgk_calendar *cal, int year)
{
    size_t n = 0;
    for (size_t i = 0; i < cal->nentries; i++)
        n += cal->entries[i].notice == year;
    return n;
}

static xxgk_status store_notice(xxgk_register *reg, const xxgk_calendar *before,
                                const xxgk_calendar *after, int year, xxgk_error *err)
{
    size_t len = 0;
    char *text = notice_text(after, year, &len);
    if (!text)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    const char *source = "";
    for (size_t i = 0; i < after->nnotices; i++)
        if (after->notices[i].year == year)
            source = after->notices[i].source;
    const char *old_source = "";
    for (size_t i = 0; i < before->nnotices; i++)
        if (before->notices[i].year == year)
            old_source = before->notices[i].source;
    sqlite3_stmt *st;
    char at[32];
    reg_now(at, sizeof at);
    int rc = sqlite3_prepare_v2(reg->db, "INSERT OR REPLACE INTO reg_notice VALUES(?, ?, ?, ?)",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int(st, 1, year);
        sqlite3_bind_text(st, 2, source, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, text, (int)len, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, at, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
        sqlite3_finalize(st);
    }
    free(text);
    if (rc != SQLITE_OK)
        return reg_fail(reg, err, "无法保存放假安排");
    char data[512], b[256], a[256];
    snprintf(data, sizeof data, "{\"year\":%d,\"entries\":%zu}", year, notice_entries(after, year));
    snprintf(b, sizeof b, "{\"source\":\"%s\",\"entries\":%zu}", *old_source ? "earlier" : "none",
             notice_entries(before, year));
    snprintf(a, sizeof a, "{\"source\":\"imported\",\"entries\":%zu}", notice_entries(after, year));
    return reg_log(reg, "calendar", year, "import", 0, data, b, a, NULL, err);
}

xxgk_status xxgk_register_import_holidays(xxgk_register *reg, const char *text, size_t size,
                                          const char *name, int year, int *years, size_t max,
                                          size_t *nyears, xxgk_error *err)
{
    if (reg_writable(reg, err) != XXGK_OK)
        return err->status;
    xxgk_calendar *cal = NULL;
    if (xxgk_calendar_new(&cal, err) != XXGK_OK)
        return err->status;
    /* The new calendar: shipped + every notice the register holds + this. */
    xxgk_status st = XXGK_OK;
    for (size_t i = 0; st == XXGK_OK && i < reg->cal->nnotices; i++) {
        if (strcmp(reg->cal->notices[i].source, "内置") == 0)
            continue;
        size_t len = 0;
        char *t = notice_text(reg->cal, reg->cal->notices[i].year, &len);
        st = t ? xxgk_calendar_load(cal, t, len, reg->cal->notices[i].source,
                                    reg->cal->notices[i].year, NULL, 0, NULL, err)
               : error_set(err, XXGK_E_NOMEM, "内存不足");
        free(t);
    }
    int ys[64];
    size_t ny = 0;
    if (st == XXGK_OK)
        st = xxgk_calendar_load(cal, text, size, name, year, ys, 64, &ny, err);
    if (st == XXGK_OK)
        st = reg_begin(reg, err);
    if (st == XXGK_OK) {
        for (size_t k = 0; st == XXGK_OK && k < ny; k++)
            st = store_notice(reg, reg->cal, cal, ys[k], err);
        xxgk_status end = reg_end(reg, st == XXGK_OK, st == XXGK_OK ? err : NULL);
        if (st == XXGK_OK)
            st = end;
    }
    if (st != XXGK_OK) {
        xxgk_calendar_free(cal);
        return st;
    }
    xxgk_calendar_free(reg->cal);
    reg->cal = cal;
    for (size_t k = 0; years && k < ny && k < max; k++)
        years[k] = ys[k];
    if (nyears)
        *nyears = ny;
    return XXGK_OK;
}
