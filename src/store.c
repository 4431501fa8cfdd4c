/*
 * store.c — the report store's database: opening, the schema and its
 * version, and the helpers every store*.c file shares (SQL text, the
 * selection of reports by filter, cell values in and out of SQLite).
 *
 * The schema is documented in docs/schema.md; keep the two together.
 */
#include "store.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "lazy.h"
#include "number.h"
#include "store_media.h"
#include "template.h"

/* Version 1: report, cells (one column per cell key), finding, cell_key.
 * Version 2: the roster, counted reports, findings across years, hashed
 * sentences (store_migrate.c).
 * Version 3: users, sessions, drafts, the audit trail (xxgk serve). */
#define SCHEMA_VERSION 3

/* SQLite's memory, at most (the page cache is 64 MB of it). */
#define STORE_HEAP_LIMIT (2LL << 30)

static const char schema_v1[] =
    "CREATE TABLE schema_version(version INTEGER NOT NULL);"
    "CREATE TABLE report("
    " id INTEGER PRIMARY KEY,"
    " path TEXT NOT NULL,"
    " sha256 TEXT NOT NULL UNIQUE,"
    " size INTEGER NOT NULL,"
    " version INTEGER NOT NULL,"
    " current INTEGER NOT NULL,"
    " imported TEXT NOT NULL,"
    " year INTEGER, format INTEGER, title TEXT, body TEXT, date TEXT,"
    " period_from TEXT, period_to TEXT,"
    " cells INTEGER NOT NULL,"
    " errors INTEGER, warnings INTEGER, notes INTEGER);"
    "CREATE INDEX report_path ON report(path, version);"
    "CREATE INDEX report_year ON report(year, body);"
    "CREATE TABLE cell_key("
    " key TEXT PRIMARY KEY, position INTEGER NOT NULL,"
    " row_label TEXT NOT NULL, column_label TEXT NOT NULL, formats TEXT NOT NULL);"
    "CREATE TABLE finding("
    " report_id INTEGER NOT NULL REFERENCES report(id),"
    " seq INTEGER NOT NULL,"
    " severity TEXT NOT NULL, rule TEXT NOT NULL,"
    " line INTEGER, col INTEGER, len INTEGER,"
    " message TEXT NOT NULL, expected TEXT, cells TEXT,"
    " PRIMARY KEY(report_id, seq)) WITHOUT ROWID;"
    "CREATE VIEW current_report AS SELECT * FROM report WHERE current = 1;"
    "INSERT INTO schema_version VALUES(1);";

int xxgk_store_schema_version(void)
{
    return SCHEMA_VERSION;
}

/* ---- small helpers -------------------------------------------------- */

static void sbuf_reserve(sbuf *b, size_t more)
{
    if (b->failed || b->len + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->failed = true;
        return;
    }
    b->s = s;
    b->cap = cap;
}

void sbuf_add(sbuf *b, const char *s)
{
    size_t n = strlen(s);
    sbuf_reserve(b, n);
    if (b->failed)
        return;
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

void sbuf_addf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    sbuf_reserve(b, (size_t)n);
    if (b->failed)
        return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sbuf_add_ident(sbuf *b, const char *s)
{
    sbuf_add(b, "\"");
    for (const char *p = s; *p; p++)
        sbuf_add(b, *p == '"' ? "\"\"" : (char[]){*p, '\0'});
    sbuf_add(b, "\"");
}

void sbuf_free(sbuf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

xxgk_status store_fail(xxgk_store *s, xxgk_error *err, const char *what)
{
    if (s && s->timed_out)
        return error_set(err, XXGK_E_TOO_LARGE,
                         "查询运行超过 %g 秒的时间限制，已中止（命令行可用 --timeout 秒数 放宽，"
                         "0 为不限）",
                         s->time_limit);
    return error_set(err, XXGK_E_IO, "%s：%s", what, s && s->db ? sqlite3_errmsg(s->db) : "");
}

int store_exec(xxgk_store *s, const char *sql)
{
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

xxgk_format store_format(int number)
{
    return tpl_get((xxgk_format)number) ? (xxgk_format)number : XXGK_FORMAT_UNKNOWN;
}

/* ---- schema --------------------------------------------------------- */

/* The names of the formats in a mask, space-separated ("2019 2021"),
 * into buf. */
static const char *formats_text(int mask, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < tpl_format_count(); i++)
        if (mask & (1 << i))
            o += (size_t)snprintf(buf + o, o < size ? size - o : 0, "%s%s", o ? " " : "",
                                  tpl_format_at(i)->code);
    return buf;
}

/* Creates `cells` with one column per registry key, in one statement
 * (adding them one ALTER TABLE at a time re-parses the schema each
 * time: a third of a second for a new store). */
static int create_cells(xxgk_store *s)
{
    sbuf sql = {0};
    sbuf_add(&sql, "CREATE TABLE cells(report_id INTEGER PRIMARY KEY REFERENCES report(id)");
    for (size_t id = 0; id < xxgk_cell_count(); id++) {
        sbuf_add(&sql, ", ");
        sbuf_add_ident(&sql, xxgk_cell_key(id));
        sbuf_add(&sql, " NUMERIC");
    }
    sbuf_add(&sql, ")");
    int rc = sql.failed ? SQLITE_NOMEM : store_exec(s, sql.s);
    sbuf_free(&sql);
    return rc;
}

/* Records cell `id` in cell_key: what the column means. */
static int describe_cell(xxgk_store *s, size_t id)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO cell_key VALUES(?,?,?,?,?)", -1,
                                &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_text(st, 1, xxgk_cell_key(id), -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)id);
    sqlite3_bind_text(st, 3, xxgk_cell_row_label(id), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, xxgk_cell_column_label(id), -1, SQLITE_STATIC);
    char names[64];
    sqlite3_bind_text(st, 5, formats_text(tpl_cell(id)->formats, names, sizeof names), -1,
                      SQLITE_TRANSIENT);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(s->db);
    sqlite3_finalize(st);
    return rc;
}

static int create_schema(xxgk_store *s)
{
    int rc = store_exec(s, schema_v1);
    if (rc == SQLITE_OK)
        rc = create_cells(s);
    for (size_t id = 0; rc == SQLITE_OK && id < xxgk_cell_count(); id++)
        rc = describe_cell(s, id);
    return rc;
}

/* Brings a store of `version` (0: empty) up to SCHEMA_VERSION, one step
 * per version, inside the caller's transaction. A new version adds its
 * step at the end. */
static int upgrade(xxgk_store *s, int version)
{
    int rc = version == 0 ? create_schema(s) : SQLITE_OK;
    if (rc == SQLITE_OK && version < 2)
        rc = store_migrate_v2(s);
    if (rc == SQLITE_OK && version < 3)
        rc = store_migrate_v3(s);
    return rc;
}

/* Adds a column to `cells` for every registry key the store lacks (a new
 * format version adds keys; none is ever renamed) and records the keys
 * in cell_key. Runs inside the caller's transaction. */
static int sync_cell_columns(xxgk_store *s, bool *missing)
{
    size_t n = xxgk_cell_count();
    char *have = calloc(n ? n : 1, 1);
    if (!have)
        return SQLITE_NOMEM;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT name FROM pragma_table_info('cells')", -1, &st,
                                NULL);
    while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        int id = xxgk_cell_find((const char *)sqlite3_column_text(st, 0));
        if (id >= 0)
            have[id] = 1;
    }
    sqlite3_finalize(st);
    *missing = false;
    for (size_t id = 0; rc == SQLITE_OK && id < n; id++) {
        if (have[id])
            continue;
        *missing = true;
        if (s->read_only)
            break;
        sbuf sql = {0};
        sbuf_add(&sql, "ALTER TABLE cells ADD COLUMN ");
        sbuf_add_ident(&sql, xxgk_cell_key(id));
        sbuf_add(&sql, " NUMERIC");
        rc = sql.failed ? SQLITE_NOMEM : store_exec(s, sql.s);
        sbuf_free(&sql);
        if (rc == SQLITE_OK)
            rc = describe_cell(s, id);
    }
    free(have);
    return rc;
}

/* The schema version stored, 0 when the database is empty, -1 when it
 * holds tables but no version (not an xxgk store). */
static int stored_version(xxgk_store *s)
{
    sqlite3_stmt *st;
    int version = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT version FROM schema_version", -1, &st, NULL) ==
        SQLITE_OK) {
        version = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
        sqlite3_finalize(st);
        return version;
    }
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) !=
        SQLITE_OK)
        return -2;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0)
        version = -1;
    sqlite3_finalize(st);
    return version;
}

/* Fails with the connection's current message, taken before a ROLLBACK
 * (which would replace it with "not an error"). */
static xxgk_status fail_and_roll_back(xxgk_store *s, const char *path, int rc, xxgk_error *err)
{
    xxgk_status st = error_set(err, XXGK_E_IO, "%s：%s", path,
                               rc == SQLITE_NOMEM ? "内存不足" : sqlite3_errmsg(s->db));
    store_exec(s, "ROLLBACK");
    return st;
}

static xxgk_status prepare_schema(xxgk_store *s, const char *path, xxgk_error *err)
{
    int version = stored_version(s);
    if (!s->read_only && version >= 0 && version <= SCHEMA_VERSION) {
        /* Another process may be creating or upgrading the store at this
         * moment (two imports started together on a new file): the
         * version that counts is the one seen inside the write lock. */
        if (store_exec(s, "BEGIN IMMEDIATE") != SQLITE_OK)
            return store_fail(s, err, path);
        version = stored_version(s);
        if (version < 0 || version > SCHEMA_VERSION)
            store_exec(s, "ROLLBACK");
    }
    if (version == -2)
        return store_is_sqlite_file(path) || access(path, F_OK) != 0
                   ? error_set(err, XXGK_E_IO, "%s：无法读取数据库（%s）", path,
                               sqlite3_errmsg(s->db))
                   : error_set(err, XXGK_E_IO, "%s：不是 SQLite 数据库", path);
    if (version == -1)
        return error_set(err, XXGK_E_USAGE, "%s：不是 xxgk 数据库（没有 schema_version 表）",
                         path);
    if (version > SCHEMA_VERSION)
        return error_set(err, XXGK_E_USAGE,
                         "%s：数据库由更新版本的 xxgk 建立（模式版本 %d，本程序为 %d）", path,
                         version, SCHEMA_VERSION);
    if (version == 0 && s->read_only)
        return error_set(err, XXGK_E_USAGE, "%s：数据库为空，请先用 xxgk db import 导入报告",
                         path);
    if (version < SCHEMA_VERSION && s->read_only)
        return XXGK_E_EMPTY; /* the caller upgrades it through a writable connection */
    /* (a writable connection is inside BEGIN IMMEDIATE since above) */
    int rc = version < SCHEMA_VERSION ? upgrade(s, version) : SQLITE_OK;
    bool missing = false;
    if (rc == SQLITE_OK)
        rc = sync_cell_columns(s, &missing);
    if (rc != SQLITE_OK)
        return s->read_only ? store_fail(s, err, path) : fail_and_roll_back(s, path, rc, err);
    if (!s->read_only && store_exec(s, "COMMIT") != SQLITE_OK)
        return fail_and_roll_back(s, path, SQLITE_ERROR, err);
    if (missing && s->read_only)
        return error_set(err, XXGK_E_USAGE,
                         "%s：数据库缺少新版格式的栏目，请先以可写方式打开一次（如 xxgk db import）",
                         path);
    s->ncells = xxgk_cell_count();
    return XXGK_OK;
}

/* Opens the connection (`name` is the path, or an SQLite URI) and
 * brings the schema up to date; messages name `path`. */
static xxgk_status connect(xxgk_store *s, const char *path, const char *name, int flags,
                           xxgk_error *err)
{
    if (sqlite3_open_v2(name, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        return error_set(err, XXGK_E_IO, "%s：无法打开数据库（%s）", path,
                         s->db ? sqlite3_errmsg(s->db) : "内存不足");
    sqlite3_busy_timeout(s->db, 10000);
    store_limit_install(s);
    /* WAL: readers never block the importer, and a killed importer
     * leaves every committed report and nothing of the one in flight.
     * synchronous=NORMAL keeps that against a crash of the process (only
     * a power cut may lose the last commits, never consistency).
     * xxgk_store_close turns WAL off again, so that no -wal and -shm
     * files stay beside the store once a command has ended. */
    if (!s->read_only)
        store_exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    store_exec(s, "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;");
    return prepare_schema(s, path, err);
}

/* A read-only store that could not be opened the usual way because its
 * directory cannot take SQLite's -shm file: opened immutable instead
 * (store_media.c). Returns the first attempt's status when that does not
 * apply. */
static xxgk_status connect_immutable(xxgk_store *s, const char *path, xxgk_status first,
                                     xxgk_error *err)
{
    if (!s->read_only || first != XXGK_E_IO || !store_is_sqlite_file(path) ||
        !store_beside_unwritable(path))
        return first;
    if (store_has_pending_wal(path))
        return error_set(err, XXGK_E_IO,
                         "%s：数据库所在位置不可写，而其 -wal 文件中还有未合并的更新，无法只读打开；"
                         "请在可写的位置打开一次（如复制后运行 xxgk db list）再放到只读介质上",
                         path);
    char *uri = store_immutable_uri(path);
    if (!uri)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    sqlite3_close(s->db);
    s->db = NULL;
    xxgk_status st = connect(s, path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, err);
    free(uri);
    return st;
}

/* Opens the store at path as xxgk_store_open does, without the upgrade
 * of an older store when read-only: XXGK_E_EMPTY (no message) then. */
static xxgk_status open_store(const char *path, bool read_only, xxgk_store **out,
                              xxgk_error *err)
{
    *out = NULL;
    xxgk_store *s = calloc(1, sizeof *s);
    if (!s)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    s->read_only = read_only;
    s->time_limit = XXGK_STORE_TIME_LIMIT;
    /* A bound on SQLite's memory, unless the program set its own: a
     * query of the user's (a recursive CTE with ORDER BY) fails with
     * "out of memory" instead of taking the machine's. */
    if (sqlite3_hard_heap_limit64(-1) == 0)
        sqlite3_hard_heap_limit64(STORE_HEAP_LIMIT);
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    xxgk_status st = connect(s, path, path, flags, err);
    if (st != XXGK_OK)
        st = connect_immutable(s, path, st, err);
    if (st == XXGK_E_IO && !read_only && store_beside_unwritable(path))
        st = error_set(err, XXGK_E_IO, "%s：数据库所在的位置不可写（只读文件系统或没有写权限），"
                                       "无法导入；查看、导出等只读的子命令仍可使用", path);
    /* SQLite opens a file it may not write read-only without a word (a
     * store in rollback mode on a read-only file system): asked for
     * writing, that is a failure, said before anything is attempted. */
    if (st == XXGK_OK && !read_only && sqlite3_db_readonly(s->db, "main") == 1)
        st = error_set(err, XXGK_E_IO, "%s：数据库不可写（只读文件系统或没有写权限），"
                                       "无法导入；查看、导出等只读的子命令仍可使用", path);
    if (st != XXGK_OK) {
        xxgk_store_close(s);
        return st;
    }
    if (read_only)
        store_exec(s, "PRAGMA query_only=1");
    *out = s;
    return XXGK_OK;
}

/* Whether the database at path is in WAL mode (its header says so: byte
 * 18 is 2), as an import killed before it could close leaves it. */
static bool left_in_wal(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char head[20];
    bool wal = f && fread(head, 1, sizeof head, f) == sizeof head &&
               !memcmp(head, "SQLite format 3", 15) && head[18] == 2;
    if (f)
        fclose(f);
    return wal;
}

/* Folds a WAL left behind back into the database and turns WAL off, so
 * that reading leaves no -wal or -shm file; without waiting: while an
 * importer is at work, its WAL stays (and it removes it when it ends). */
static void fold_wal(const char *path)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) ==
        SQLITE_OK) {
        sqlite3_busy_timeout(db, 0);
        sqlite3_exec(db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
    }
    sqlite3_close(db);
}

xxgk_status xxgk_store_open(const char *path, bool read_only, xxgk_store **out,
                            xxgk_error *err)
{
    *out = NULL;
    if (!path || !*path)
        return error_set(err, XXGK_E_USAGE, "没有给出数据库文件");
    if (!lazy_load(&lazy_sqlite3_lib, err) || !lazy_load(&lazy_nettle_lib, err))
        return err->status;
    if (read_only && access(path, F_OK) != 0)
        return error_set(err, XXGK_E_IO, "%s：数据库不存在，请先用 xxgk db import 导入报告",
                         path);
    if (read_only && left_in_wal(path))
        fold_wal(path); /* a killed import's WAL */
    xxgk_status st = open_store(path, read_only, out, err);
    if (st != XXGK_E_EMPTY || !read_only)
        return st;
    /* An older store opened for reading: upgraded once through a
     * writable connection, then opened as asked. */
    xxgk_store *w = NULL;
    xxgk_error why = {0};
    st = open_store(path, false, &w, &why);
    xxgk_store_close(w);
    if (st != XXGK_OK)
        return error_set(err, st, "%s：数据库是旧版本，需要升级但无法写入（%s）", path,
                         why.message);
    return open_store(path, true, out, err);
}

void xxgk_store_close(xxgk_store *s)
{
    if (!s)
        return;
    if (!s->read_only) {
        /* not waiting: another importer still using the WAL keeps it */
        sqlite3_busy_timeout(s->db, 0);
        store_exec(s, "PRAGMA journal_mode=DELETE");
    }
    sqlite3_close(s->db);
    free(s->body_text);
    free(s->body_keys);
    free(s);
}

/* ---- selecting reports --------------------------------------------- */

/* Whether the parentheses of an SQL expression balance outside quotes:
 * a filter like "1) OR (1" would otherwise escape the conditions it is
 * joined to (the current versions only). */
static bool balanced(const char *sql)
{
    int depth = 0;
    for (const char *p = sql; *p; p++) {
        if (*p == '\'' || *p == '"' || *p == '`' || *p == '[') {
            char close = *p == '[' ? ']' : *p;
            p = strchr(p + 1, close);
            if (!p)
                return false;
        } else if (*p == '(') {
            depth++;
        } else if (*p == ')' && --depth < 0) {
            return false;
        } else if ((*p == '-' && p[1] == '-') || (*p == '/' && p[1] == '*')) {
            return false; /* a comment could hide the rest of the query */
        }
    }
    return depth == 0;
}

sqlite3_stmt *store_select(xxgk_store *s, const xxgk_store_filter *f, const char *cols,
                           const char *join, const char *tail, xxgk_error *err)
{
    return store_select_where(s, f, cols, join, NULL, tail, err);
}

sqlite3_stmt *store_select_where(xxgk_store *s, const xxgk_store_filter *f, const char *cols,
                                 const char *join, const char *cond, const char *tail,
                                 xxgk_error *err)
{
    static const xxgk_store_filter none = {0};
    if (!f)
        f = &none;
    const char *keys = NULL;
    if (f->body && *f->body && store_body_keys(s, f->body, &keys, err) != XXGK_OK)
        return NULL;
    sbuf sql = {0};
    sbuf_addf(&sql, "SELECT %s FROM report JOIN cells ON cells.report_id = report.id", cols);
    if (join)
        sbuf_addf(&sql, " %s", join);
    sbuf_add(&sql, " WHERE " STORE_COUNTED);
    if (f->year)
        sbuf_add(&sql, " AND report.year = ?1");
    if (keys)
        sbuf_add(&sql, " AND report.body_key IN (SELECT value FROM json_each(?2))");
    if (f->errors > 0)
        sbuf_add(&sql, " AND report.errors > 0");
    else if (f->errors < 0)
        sbuf_add(&sql, " AND coalesce(report.errors, 0) = 0");
    if (f->rule && *f->rule)
        sbuf_add(&sql, " AND EXISTS (SELECT 1 FROM finding AS f WHERE f.report_id = report.id"
                       " AND f.rule = ?3)");
    if (f->where && *f->where) {
        if (!balanced(f->where)) {
            sbuf_free(&sql);
            error_set(err, XXGK_E_USAGE, "筛选条件的括号或引号不配对，或含有注释");
            return NULL;
        }
        sbuf_addf(&sql, " AND (%s)", f->where);
    }
    if (cond)
        sbuf_addf(&sql, " AND (%s)", cond);
    if (tail)
        sbuf_addf(&sql, " %s", tail);
    if (sql.failed) {
        sbuf_free(&sql);
        error_set(err, XXGK_E_NOMEM, "内存不足");
        return NULL;
    }
    sqlite3_stmt *st = NULL;
    const char *rest = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql.s, -1, &st, &rest);
    bool extra = rc == SQLITE_OK && rest && rest[strspn(rest, " \t\r\n;")] != '\0';
    sbuf_free(&sql);
    if (rc != SQLITE_OK) {
        error_set(err, XXGK_E_USAGE, "筛选条件有误：%s", sqlite3_errmsg(s->db));
        return NULL;
    }
    if (extra || !sqlite3_stmt_readonly(st)) {
        sqlite3_finalize(st);
        error_set(err, XXGK_E_USAGE, "筛选条件只能是一个只读的 SQL 表达式");
        return NULL;
    }
    if (f->year)
        sqlite3_bind_int(st, 1, f->year);
    if (keys)
        sqlite3_bind_text(st, 2, keys, -1, SQLITE_TRANSIENT);
    if (f->rule && *f->rule)
        sqlite3_bind_text(st, 3, f->rule, -1, SQLITE_TRANSIENT);
    if (f->where && *f->where)
        store_limit_begin(s);
    return st;
}

/* ---- cell values ---------------------------------------------------- */

/* Parses "-12.345" into a decimal; false when it is not one. */
static bool parse_decimal(const char *s, xxgk_decimal *out)
{
    bool neg = *s == '-';
    if (neg)
        s++;
    int64_t units = 0;
    int scale = -1, digits = 0;
    for (; *s; s++) {
        if (*s == '.' && scale < 0) {
            scale = 0;
            continue;
        }
        if (*s < '0' || *s > '9' || units > (INT64_MAX - 9) / 10 || scale >= 18)
            return false;
        units = units * 10 + (*s - '0');
        digits++;
        if (scale >= 0)
            scale++;
    }
    if (!digits)
        return false;
    out->units = neg ? -units : units;
    out->scale = (uint8_t)(scale < 0 ? 0 : scale);
    return true;
}

/* The shortest fixed-point text that reads back as v (at most 15
 * decimals), as a decimal. */
static bool real_to_decimal(double v, xxgk_decimal *out)
{
    char buf[64];
    for (int p = 0; p <= 15; p++) {
        snprintf(buf, sizeof buf, "%.*f", p, v);
        if (strtod(buf, NULL) == v)
            return parse_decimal(buf, out);
    }
    return false;
}

void store_value_to_cell(sqlite3_stmt *st, int col, xxgk_cell *out)
{
    memset(out, 0, sizeof *out);
    out->raw = "";
    switch (sqlite3_column_type(st, col)) {
    case SQLITE_INTEGER:
        out->kind = XXGK_VALUE_NUMBER;
        out->value.units = sqlite3_column_int64(st, col);
        break;
    case SQLITE_FLOAT:
        if (real_to_decimal(sqlite3_column_double(st, col), &out->value))
            out->kind = XXGK_VALUE_NUMBER;
        break;
    case SQLITE_TEXT: {
        const char *t = (const char *)sqlite3_column_text(st, col);
        if (!t || !*t)
            out->kind = XXGK_VALUE_BLANK;
        else if (parse_decimal(t, &out->value))
            out->kind = XXGK_VALUE_NUMBER;
        break;
    }
    default:
        break;
    }
}

int store_bind_cell(sqlite3_stmt *st, int col, const xxgk_cell *c)
{
    if (c->kind == XXGK_VALUE_BLANK)
        return sqlite3_bind_text(st, col, "", 0, SQLITE_STATIC);
    if (c->kind != XXGK_VALUE_NUMBER)
        return sqlite3_bind_null(st, col);
    xxgk_decimal d = decimal_normalise(c->value);
    if (d.scale == 0)
        return sqlite3_bind_int64(st, col, d.units);
    char buf[48];
    xxgk_decimal_format(d, buf, sizeof buf);
    int64_t mag = d.units < 0 ? -d.units : d.units;
    if (mag >= 1000000000000000LL) /* 16 digits or more: keep the text */
        return sqlite3_bind_text(st, col, buf, -1, SQLITE_TRANSIENT);
    return sqlite3_bind_double(st, col, strtod(buf, NULL));
}

bool store_decimal_add(xxgk_decimal *acc, xxgk_decimal v)
{
    while (acc->scale < v.scale) {
        if (__builtin_mul_overflow(acc->units, 10, &acc->units))
            return false;
        acc->scale++;
    }
    int64_t u = v.units;
    for (int k = v.scale; k < acc->scale; k++)
        if (__builtin_mul_overflow(u, 10, &u))
            return false;
    return !__builtin_add_overflow(acc->units, u, &acc->units);
}

xxgk_report *store_report_new(const char *name)
{
    return report_new_empty(name, 16384);
}

int *store_cell_columns(sqlite3_stmt *st, int first)
{
    int n = sqlite3_column_count(st);
    int *map = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    if (!map)
        return NULL;
    for (int c = 0; c < n; c++)
        map[c] = c >= first ? xxgk_cell_find(sqlite3_column_name(st, c)) : -1;
    return map;
}
