/* test_store_desk.c — the desk's pieces inside the store: a report whose
 * name fits two rostered bodies is listed as ambiguous with both and
 * counted for neither; the same report in two forms counts once; copied
 * text measured one report at a time and for the whole year agree. */
#include "store_fixture.h"

#include <sqlite3.h>

#include "builder.h"
#include "store_similar.h"

/* A report of `body` for 2022 with its own prose, or another's. */
static char *report_text(const char *body, const char *self, const char *topic)
{
    builder b = builder_default();
    b.body = body;
    b.self = self;
    char *text = builder_text(&b);
    char own[256];
    snprintf(own, sizeof own, "围绕%s工作，把政策文件集中发布在网站专栏中", topic);
    text_replace(&text, "坚持以公开为常态、不公开为例外", own);
    snprintf(own, sizeof own, "%s方面的信息发布还不够及时，明年将每月检查一次", topic);
    text_replace(&text, "政府信息公开工作仍有不足，下一步将加强培训", own);
    return text;
}

static void import_text(fixture *f, const char *name, char *text)
{
    const char *path = fixture_write(f, name, text);
    fixture_import(f, &path, 1);
    free(text);
}

static int collect_stray(void *ctx, const xxgk_stray *s)
{
    char *out = ctx;
    snprintf(out + strlen(out), 512 - strlen(out), "%s|%d|%s;", s->body, (int)s->match,
             s->candidates ? s->candidates : "");
    return 0;
}

static void ambiguous_names_are_not_guessed(void)
{
    fixture f;
    fixture_open(&f);
    const char *roster = fixture_write(&f, "roster.csv",
                                       "名称,上级,类别\n淮安市洪泽区岔河镇,洪泽区,乡镇\n"
                                       "宿迁市岔河镇,宿迁市,乡镇\n青山镇,洪泽区,乡镇\n");
    xxgk_roster_summary sum;
    xxgk_error err = {0};
    CHECK_INT(xxgk_store_import_roster(f.store, roster, &sum, &err), XXGK_OK);
    CHECK_INT(sum.bodies, 3);
    import_text(&f, "chahe.txt", report_text("岔河镇", "我镇", "集镇建设"));
    import_text(&f, "qingshan.txt", report_text("洪泽区青山镇", "我镇", "乡村振兴"));
    char strays[512] = "";
    CHECK_INT(xxgk_store_strays(f.store, NULL, collect_stray, strays, &err), XXGK_OK);
    CHECK_STR(strays, "岔河镇人民政府|2|淮安市洪泽区岔河镇、宿迁市岔河镇;");
    xxgk_desk *d = NULL;
    CHECK_INT(xxgk_store_desk(f.store, 2022, &d, &err), XXGK_OK);
    CHECK_INT(d ? d->nrows : 0, 3);
    CHECK_INT(d ? d->missing : 0, 2);   /* neither 岔河镇 got the report */
    CHECK_INT(d ? d->strays : 0, 1);
    CHECK_STR(d ? d->rows[2].name : "", "洪泽区青山镇人民政府"); /* matched with its higher level */
    xxgk_desk_free(d);
    /* --body: the same ambiguity, with both candidates */
    xxgk_match match;
    CHECK_INT(xxgk_store_match_body(f.store, "岔河镇", &match, NULL, NULL, &err), XXGK_OK);
    CHECK_INT(match, XXGK_MATCH_AMBIGUOUS);
    xxgk_store_filter one = {.body = "岔河镇"};
    xxgk_report *r = NULL;
    size_t n;
    CHECK_INT(xxgk_store_rollup(f.store, &(xxgk_store_filter){.year = 2022, .body = "岔河镇"},
                                NULL, &r, &n, NULL, &err),
              XXGK_E_USAGE);
    CHECK(strstr(err.message, "淮安市洪泽区岔河镇") && strstr(err.message, "宿迁市岔河镇"));
    (void)one;
    fixture_close(&f);
}

static void two_forms_count_once(void)
{
    fixture f;
    fixture_open(&f);
    char *text = report_text("青山镇", "我镇", "乡村振兴");
    const char *a = fixture_write(&f, "qs.txt", text);
    /* the same report as Markdown-ish text with another line end: other bytes */
    char *crlf = malloc(strlen(text) * 2 + 1);
    size_t k = 0;
    for (const char *p = text; *p; p++) {
        if (*p == '\n')
            crlf[k++] = '\r';
        crlf[k++] = *p;
    }
    crlf[k] = '\0';
    const char *b = fixture_write(&f, "qs_copy.txt", crlf);
    const char *both[] = {a, b};
    fixture_import(&f, both, 2);
    CHECK_STR(query1(&f, "SELECT count(*) FROM report"), "2");
    CHECK_STR(query1(&f, "SELECT count(*) FROM current_report"), "1");
    CHECK_STR(query1(&f, "SELECT path LIKE '%qs_copy.txt' FROM current_report"), "1");
    free(text);
    free(crlf);
    fixture_close(&f);
}

/* One report at a time and the whole year give the same shares. */
static void probe_and_pass_agree(void)
{
    fixture f;
    fixture_open(&f);
    import_text(&f, "a.txt", report_text("甲镇", "我镇", "乡村振兴"));
    import_text(&f, "b.txt", report_text("乙镇", "我镇", "乡村振兴")); /* a's text */
    import_text(&f, "c.txt", report_text("丙街道", "我街道", "社区治理"));
    import_text(&f, "d.txt", report_text("丁乡", "我乡", "特色农业"));
    builder prev = builder_default();
    prev.year = 2021;
    prev.body = "丁乡";
    prev.self = "我乡";
    import_text(&f, "d2021.txt", builder_text(&prev)); /* shares the builder's sentences */
    xxgk_store_filter year = {.year = 2022};
    xxgk_similar *rows = NULL;
    size_t n = 0;
    xxgk_error err = {0};
    CHECK_INT(xxgk_store_similar(f.store, &year, &rows, &n, &err), XXGK_OK);
    CHECK_INT(n, 4);
    store_probe p;
    CHECK_INT(store_probe_init(&p, f.store), SQLITE_OK);
    int checked = 0;
    for (size_t i = 0; i < n; i++) {
        char sql[128], key[128];
        snprintf(sql, sizeof sql, "SELECT body_key FROM report WHERE id = %lld",
                 (long long)rows[i].report_id);
        snprintf(key, sizeof key, "%s", query1(&f, sql));
        store_copy c;
        CHECK_INT(store_probe_report(&p, rows[i].report_id, key, 2022, &c), SQLITE_OK);
        CHECK_INT(c.sentences, rows[i].sentences);
        CHECK(c.others == rows[i].others);
        CHECK(c.previous == rows[i].previous);
        checked++;
    }
    CHECK_INT(checked, 4);
    store_probe_free(&p);
    /* 甲 and 乙 wrote the same: each found in the other, closest to the other
     * (the builder signs as <body>人民政府) */
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(rows[i].body, "甲镇人民政府")) {
            seen++;
            CHECK(rows[i].others == 1.0);
            CHECK_STR(rows[i].closest, "乙镇人民政府");
        }
        if (!strcmp(rows[i].body, "丁乡人民政府")) {
            seen++;
            /* the period, applications and fee sentences are the builder's own in both
             * years: 3 of its 5 sentences are last year's */
            CHECK_INT(rows[i].sentences, 5);
            CHECK(rows[i].previous == 3.0 / 5.0);
        }
    }
    CHECK_INT(seen, 2);
    xxgk_similar_free(rows, n);
    fixture_close(&f);
}

static bool exists(const char *db, const char *suffix)
{
    char path[256];
    snprintf(path, sizeof path, "%s%s", db, suffix);
    return access(path, F_OK) == 0;
}

/* No -wal or -shm file beside the store once it is closed: after writing,
 * and after reading one that a killed import left in WAL mode. */
static void no_wal_files_stay(void)
{
    fixture f;
    fixture_open(&f);
    import_text(&f, "a.txt", report_text("甲镇", "我镇", "乡村振兴"));
    CHECK(exists(f.db, "-wal")); /* open for writing: WAL */
    xxgk_store_close(f.store);
    f.store = NULL;
    CHECK(!exists(f.db, "-wal") && !exists(f.db, "-shm"));
    /* as a killed import leaves it: in WAL mode, with a WAL */
    sqlite3 *db;
    CHECK_INT(sqlite3_open(f.db, &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;"
                     " CREATE TABLE scratch(x); INSERT INTO scratch VALUES(1);",
                 NULL, NULL, NULL);
    sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &(int){1}); /* keep it */
    sqlite3_close(db);
    CHECK(exists(f.db, "-wal"));
    xxgk_error err = {0};
    CHECK_INT(xxgk_store_open(f.db, true, &f.store, &err), XXGK_OK);
    CHECK_STR(query1(&f, "SELECT count(*) FROM scratch"), "1"); /* nothing lost */
    xxgk_store_close(f.store);
    f.store = NULL;
    CHECK(!exists(f.db, "-wal") && !exists(f.db, "-shm"));
    fixture_close(&f);
}

const struct unit_case unit_cases[] = {
    {"no_wal_files_stay", no_wal_files_stay},
    {"ambiguous_names_are_not_guessed", ambiguous_names_are_not_guessed},
    {"two_forms_count_once", two_forms_count_once},
    {"probe_and_pass_agree", probe_and_pass_agree},
    {NULL, NULL},
};
