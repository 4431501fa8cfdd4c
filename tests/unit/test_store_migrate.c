/* test_store_migrate.c — a store written by schema version 1 (the tables
 * made here with the version 1 script, as the code before version 2 made
 * them) is brought to version 2 when opened, also for reading: body keys
 * from the names, the counted report of each body and year, the findings
 * across years, and the view of counted reports. */
#include <sqlite3.h>

#include "store_fixture.h"

/* The version 1 script, as src/store.c had it. */
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

/* Four reports of two bodies, as version 1 stored them:
 *  1  青山镇人民政府 2023, carried 2 applications of natural persons out;
 *  2  青山镇 2024 (the same body), carried 1 in: the carry-over breaks;
 *  3  白水镇人民政府 2024 as PDF, with an error;
 *  4  白水镇 2024 as HTML, imported after it (the same report again);
 *  5  an older version of file 2, no longer current. */
static const char reports_v1[] =
    "INSERT INTO report VALUES"
    " (1,'/c/qs2023.txt','a1',10,1,1,'2024-01-20T00:00:00Z',2023,2021,'t','青山镇人民政府',"
    "  '2024-01-20',NULL,NULL,2,0,0,0),"
    " (2,'/c/qs2024.txt','a2',10,2,1,'2025-01-20T00:00:00Z',2024,2021,'t','青山镇',"
    "  '2025-01-20',NULL,NULL,2,0,0,0),"
    " (3,'/c/bs2024.pdf','a3',10,1,1,'2025-01-21T00:00:00Z',2024,2021,'t','白水镇人民政府',"
    "  '2025-01-21',NULL,NULL,2,1,0,0),"
    " (4,'/c/bs2024.html','a4',10,1,1,'2025-01-22T00:00:00Z',2024,2021,'t','白水镇',"
    "  '2025-01-21',NULL,NULL,2,0,0,0),"
    " (5,'/c/qs2024.txt','a5',10,1,0,'2025-01-19T00:00:00Z',2024,2021,'t','青山镇',"
    "  '2025-01-19',NULL,NULL,2,0,0,0);"
    "INSERT INTO cells(report_id, \"t3.carried_out.natural\", \"t3.carried_out.total\") VALUES"
    " (1, 2, 2);"
    "INSERT INTO cells(report_id, \"t3.carried_in.natural\", \"t3.carried_in.total\") VALUES"
    " (2, 1, 1), (3, 0, 0), (4, 0, 0), (5, 2, 2);"
    "INSERT INTO finding VALUES(3, 1, 'error', 't3-balance', 12, 1, 1, '不平', NULL, NULL);";

/* Makes the version 1 store: the script, a `cells` table with a column
 * per cell key, and the reports. */
static void make_v1(const char *path)
{
    sqlite3 *db;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    char *sql = malloc(65536);
    size_t n = (size_t)snprintf(sql, 65536, "CREATE TABLE cells(report_id INTEGER PRIMARY KEY"
                                            " REFERENCES report(id)");
    for (size_t i = 0; i < xxgk_cell_count(); i++)
        n += (size_t)snprintf(sql + n, 65536 - n, ", \"%s\" NUMERIC", xxgk_cell_key(i));
    snprintf(sql + n, 65536 - n, ")");
    CHECK_INT(sqlite3_exec(db, schema_v1, NULL, NULL, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    char *msg = NULL;
    if (sqlite3_exec(db, reports_v1, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "v1 reports: %s\n", msg);
        unit_failures++;
    }
    sqlite3_free(msg);
    free(sql);
    sqlite3_close(db);
}

static void version_1_is_upgraded(void)
{
    fixture f;
    snprintf(f.dir, sizeof f.dir, "/tmp/xxgk-store-test-XXXXXX");
    CHECK(mkdtemp(f.dir) != NULL);
    snprintf(f.db, sizeof f.db, "%s/v1.db", f.dir);
    make_v1(f.db);
    xxgk_error err = {0};
    f.store = NULL;
    /* opened for reading: upgraded through a writable connection first */
    CHECK_INT(xxgk_store_open(f.db, true, &f.store, &err), XXGK_OK);
    if (!f.store) {
        fprintf(stderr, "open: %s\n", err.message);
        return;
    }
    CHECK_STR(query1(&f, "SELECT version FROM schema_version"), "3");
    /* version 3: xxgk serve's tables, empty */
    CHECK_STR(query1(&f, "SELECT (SELECT count(*) FROM app_user) + (SELECT count(*) FROM"
                         " app_session) + (SELECT count(*) FROM draft) + (SELECT count(*) FROM audit)"),
              "0");
    CHECK_STR(query1(&f, "SELECT group_concat(id || '=' || body_key, ' ') FROM"
                         " (SELECT * FROM report ORDER BY id)"),
              "1=n:青山镇 2=n:青山镇 3=n:白水镇 4=n:白水镇 5=n:青山镇");
    /* 白水镇's two forms of one report: the one imported last counts */
    CHECK_STR(query1(&f, "SELECT group_concat(id, ' ') FROM (SELECT id FROM current_report"
                         " ORDER BY id)"),
              "1 2 4");
    CHECK_STR(query1(&f, "SELECT superseded_by FROM report WHERE id = 3"), "4");
    /* 青山镇 2024 carried in 1 where 2023 carried out 2: found at the upgrade */
    CHECK_STR(query1(&f, "SELECT group_concat(rule || '@' || against || ':' || cells, ' ')"
                         " FROM finding WHERE report_id = 2"),
              "carry-over@1:t3.carried_in.natural carry-over@1:t3.carried_in.total");
    CHECK_STR(query1(&f, "SELECT errors FROM report WHERE id = 2"), "2");
    CHECK_STR(query1(&f, "SELECT count(*) FROM finding WHERE report_id = 3"), "1");
    CHECK_STR(query1(&f, "SELECT count(*) FROM sentence_set"), "0");
    CHECK_STR(query1(&f, "PRAGMA integrity_check"), "ok");
    /* every command's selection sees the counted reports */
    xxgk_stats *st = NULL;
    xxgk_store_filter year = {.year = 2024};
    CHECK_INT(xxgk_store_stats(f.store, &year, &st, &err), XXGK_OK);
    CHECK_INT(st ? st->reports : 0, 2);
    xxgk_stats_free(st);
    xxgk_store_close(f.store);
    /* a second opening changes nothing */
    CHECK_INT(xxgk_store_open(f.db, false, &f.store, &err), XXGK_OK);
    CHECK_STR(query1(&f, "SELECT count(*) FROM finding"), "3");
    fixture_close(&f);
}

/* A new store and an upgraded one have the same tables and columns. */
static void new_and_upgraded_stores_agree(void)
{
    fixture a, b;
    fixture_open(&a);
    fixture_open(&b);
    xxgk_store_close(b.store);
    b.store = NULL;
    snprintf(b.db, sizeof b.db, "%s/v1.db", b.dir);
    make_v1(b.db);
    xxgk_error err = {0};
    CHECK_INT(xxgk_store_open(b.db, false, &b.store, &err), XXGK_OK);
    static const char sql[] =
        "SELECT group_concat(name || '(' || cols || ')', ' ') FROM (SELECT m.name,"
        " (SELECT group_concat(name, ',') FROM (SELECT p.name FROM pragma_table_info(m.name) p"
        "   ORDER BY p.name)) AS cols FROM sqlite_schema m WHERE m.type IN ('table', 'view')"
        "   AND m.name != 'cells' ORDER BY m.name)";
    char want[QUERY1_MAX];
    snprintf(want, sizeof want, "%s", query1(&a, sql));
    CHECK(strstr(want, "body_key") != NULL);
    CHECK(strstr(want, "app_user(") != NULL && strstr(want, "draft(") != NULL);
    CHECK_STR(query1(&b, sql), want);
    static const char indexes[] =
        "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema"
        " WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name)";
    snprintf(want, sizeof want, "%s", query1(&a, indexes));
    CHECK_STR(query1(&b, indexes), want);
    fixture_close(&a);
    fixture_close(&b);
}

const struct unit_case unit_cases[] = {
    {"version_1_is_upgraded", version_1_is_upgraded},
    {"new_and_upgraded_stores_agree", new_and_upgraded_stores_agree},
    {NULL, NULL},
};
