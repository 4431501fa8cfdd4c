/* test_store.c — the report store: import (idempotent, versions, files
 * that cannot be read), reports read back exactly, filters, read-only
 * queries, and the schema's version. Rollup, diff, stats and export are
 * in test_store_rollup.c; the crash test is tests/db_crash.sh. */
#include "store_fixture.h"

#include <sqlite3.h>

#include "builder.h"

static void import_is_idempotent(void)
{
    fixture f;
    fixture_open(&f);
    const char *paths[NSAMPLES];
    for (int i = 0; i < NSAMPLES; i++)
        paths[i] = sample_path(i);
    xxgk_import_summary s1 = fixture_import(&f, paths, NSAMPLES);
    CHECK_INT(s1.files, 5);
    CHECK_INT(s1.added, 5);
    CHECK_INT(s1.failed, 0);
    xxgk_import_summary s2 = fixture_import(&f, paths, NSAMPLES);
    CHECK_INT(s2.added, 0);
    CHECK_INT(s2.unchanged, 5);
    CHECK_STR(query1(&f, "SELECT count(*) FROM report"), "5");
    CHECK_STR(query1(&f, "SELECT count(*) FROM cells"), "5");

    /* The same bytes under another name are the same report. */
    FILE *in = fopen(sample_path(2), "r");
    char buf[65536];
    size_t n = in ? fread(buf, 1, sizeof buf - 1, in) : 0;
    buf[n] = '\0';
    if (in)
        fclose(in);
    const char *copy = fixture_write(&f, "copy.txt", buf);
    xxgk_import_summary s3 = fixture_import(&f, &copy, 1);
    CHECK_INT(s3.unchanged, 1);
    CHECK_STR(query1(&f, "SELECT count(*) FROM report"), "5");
    fixture_close(&f);
}

/* A changed file is a new version of its path; only the newest is
 * current; changing it back makes the old version current again. */
static void changed_file_is_a_version(void)
{
    fixture f;
    fixture_open(&f);
    builder b = builder_default();
    char *text = builder_text(&b);
    const char *path = fixture_write(&f, "a.txt", text);
    CHECK_INT(fixture_import(&f, &path, 1).added, 1);
    b.new_natural = 7;
    char *changed = builder_text(&b);
    fixture_write(&f, "a.txt", changed);
    /* the same file by another name (the directory, a "./" inside) */
    char aside[160];
    snprintf(aside, sizeof aside, "%s/./a.txt", f.dir);
    const char *other_name = aside;
    xxgk_import_summary s = fixture_import(&f, &other_name, 1);
    CHECK_INT(s.versions, 1);
    CHECK_INT(s.added, 0);
    CHECK_STR(query1(&f, "SELECT count(*) FROM report"), "2");
    CHECK_STR(query1(&f, "SELECT group_concat(version || ':' || current, ' ') FROM "
                         "(SELECT * FROM report ORDER BY version)"),
              "1:0 2:1");
    CHECK_STR(query1(&f, "SELECT \"t3.new.natural\" FROM current_report JOIN cells"
                         " ON report_id = id"),
              "7");
    fixture_write(&f, "a.txt", text);
    s = fixture_import(&f, &path, 1);
    CHECK_INT(s.versions, 1);
    CHECK_STR(query1(&f, "SELECT group_concat(version || ':' || current, ' ') FROM "
                         "(SELECT * FROM report ORDER BY version)"),
              "1:1 2:0");
    /* b.txt, stored with its own content, then overwritten with a.txt's:
     * its old content is no longer current; a.txt's report is. Both are
     * the same body's report for 2022, so only one of them is counted
     * (current_report): the one imported last. */
    b.new_natural = 9;
    char *third = builder_text(&b);
    const char *pb = fixture_write(&f, "b.txt", third);
    CHECK_INT(fixture_import(&f, &pb, 1).added, 1);
    CHECK_STR(query1(&f, "SELECT count(*) FROM report WHERE current = 1"), "2");
    CHECK_STR(query1(&f, "SELECT \"t3.new.natural\" FROM current_report JOIN cells"
                         " ON report_id = id"),
              "9");
    fixture_write(&f, "b.txt", text);
    s = fixture_import(&f, &pb, 1);
    CHECK_INT(s.versions, 1);
    CHECK_STR(query1(&f, "SELECT count(*) FROM report WHERE current = 1"), "1");
    CHECK_STR(query1(&f, "SELECT count(*) FROM current_report"), "1");
    CHECK_STR(query1(&f, "SELECT \"t3.new.natural\" FROM current_report JOIN cells"
                         " ON report_id = id"),
              "3");
    free(text);
    free(changed);
    free(third);
    fixture_close(&f);
}

typedef struct events {
    char paths[16][256];
    int outcome[16], status[16];
    size_t done[16];
    int n;
} events;

static void on_file(void *ctx, const xxgk_import_event *ev)
{
    events *e = ctx;
    if (e->n >= 16)
        return;
    snprintf(e->paths[e->n], 256, "%s", strrchr(ev->path, '/') + 1);
    e->outcome[e->n] = ev->outcome;
    e->status[e->n] = ev->error ? (int)ev->error->status : 0;
    e->done[e->n] = ev->done;
    e->n++;
}

/* A directory is walked in name order, recursively; files that are not
 * reports by name are skipped; files that cannot be read are reported
 * and do not stop the others. */
static void unreadable_files_do_not_stop_import(void)
{
    fixture f;
    fixture_open(&f);
    char sub[128];
    snprintf(sub, sizeof sub, "%s/in", f.dir);
    mkdir(sub, 0777);
    builder b = builder_default();
    char *good = builder_text(&b);
    fixture_write(&f, "in/b_good.txt", good);
    fixture_write(&f, "in/a_empty.txt", "");
    fixture_write(&f, "in/c_prose.md", "这是一篇普通的文章。\n今天天气很好。\n");
    fixture_write(&f, "in/notes.json", "{}");
    fixture_write(&f, "in/.hidden.txt", good);
    events ev = {0};
    const char *dir = sub;
    xxgk_import_options opt = {2, true, on_file, &ev};
    xxgk_import_summary sum;
    xxgk_error err = {0};
    CHECK_INT(xxgk_store_import(f.store, &dir, 1, &opt, &sum, &err), XXGK_OK);
    CHECK_INT(sum.files, 3);
    CHECK_INT(sum.added, 1);
    CHECK_INT(sum.failed, 2);
    CHECK_INT(ev.n, 3);
    CHECK_STR(ev.paths[0], "a_empty.txt");
    CHECK_INT(ev.outcome[0], XXGK_IMPORT_FAILED);
    CHECK_INT(ev.status[0], XXGK_E_EMPTY);
    CHECK_STR(ev.paths[1], "b_good.txt");
    CHECK_INT(ev.outcome[1], XXGK_IMPORT_NEW);
    CHECK_STR(ev.paths[2], "c_prose.md");
    CHECK_INT(ev.status[2], XXGK_E_NOT_REPORT);
    CHECK_INT(ev.done[2], 3);
    free(good);
    fixture_close(&f);
}

/* A report read back from the store has the meta, every cell and the
 * findings of the report as parsed and checked. */
static void reports_read_back_exactly(void)
{
    fixture f;
    fixture_open(&f);
    import_samples(&f);
    for (int i = 0; i < NSAMPLES; i++) {
        xxgk_report *parsed = NULL, *loaded = NULL;
        CHECK_INT(xxgk_report_read_file(sample_path(i), &parsed, NULL), XXGK_OK);
        CHECK_INT(xxgk_report_check(parsed, NULL), XXGK_OK);
        CHECK_INT(xxgk_store_load(f.store, i + 1, &loaded, NULL), XXGK_OK);
        if (!parsed || !loaded)
            continue;
        const xxgk_meta *a = xxgk_report_meta(parsed), *b = xxgk_report_meta(loaded);
        CHECK_INT(b->year, a->year);
        CHECK_INT(b->format, a->format);
        CHECK_STR(b->title, a->title);
        CHECK_STR(b->body, a->body);
        CHECK(!a->date == !b->date);
        int differ = 0;
        for (size_t id = 0; id < xxgk_cell_count(); id++) {
            const xxgk_cell *x = xxgk_report_cell(parsed, id), *y = xxgk_report_cell(loaded, id);
            char bx[48], by[48];
            if (x->kind != y->kind ||
                (x->kind == XXGK_VALUE_NUMBER &&
                 strcmp(xxgk_decimal_format(x->value, bx, sizeof bx),
                        xxgk_decimal_format(y->value, by, sizeof by))))
                differ++;
        }
        CHECK_INT(differ, 0);
        CHECK_INT(xxgk_report_finding_count(loaded), xxgk_report_finding_count(parsed));
        for (size_t k = 0; k < xxgk_report_finding_count(parsed); k++) {
            const xxgk_finding *p = xxgk_report_finding(parsed, k);
            const xxgk_finding *q = xxgk_report_finding(loaded, k);
            if (!q)
                break;
            CHECK_STR(q->rule, p->rule);
            CHECK_INT(q->line, p->line);
            CHECK_INT(q->severity, p->severity);
            CHECK_INT(q->ncells, p->ncells);
            CHECK_STR(q->message, p->message);
        }
        xxgk_report_free(parsed);
        xxgk_report_free(loaded);
    }
    xxgk_report *none = NULL;
    xxgk_error err = {0};
    CHECK_INT(xxgk_store_load(f.store, 99, &none, &err), XXGK_E_USAGE);
    CHECK(none == NULL);
    fixture_close(&f);
}

static int count_entry(void *ctx, const xxgk_store_entry *e)
{
    (void)e;
    (*(int *)ctx)++;
    return 0;
}

static int count_selected(fixture *f, xxgk_store_filter filter, xxgk_status *st)
{
    int n = 0;
    xxgk_error err = {0};
    *st = xxgk_store_list(f->store, &filter, count_entry, &n, &err);
    return n;
}

/* Filters select by year, body, errors, rule and an SQL condition; a
 * condition that would write, or is not SQL, is refused. The expected
 * counts come from the samples' golden findings (tests/golden/samples):
 * 000, 001 and 004 have error findings; only 001 has a blank cell. */
static void filters_select(void)
{
    fixture f;
    fixture_open(&f);
    import_samples(&f);
    xxgk_status st;
    CHECK_INT(count_selected(&f, (xxgk_store_filter){0}, &st), 5);
    CHECK_INT(count_selected(&f, (xxgk_store_filter){.year = 2020}, &st), 5);
    CHECK_INT(count_selected(&f, (xxgk_store_filter){.year = 2021}, &st), 0);
    CHECK_INT(count_selected(&f, (xxgk_store_filter){.body = "姚集镇"}, &st), 1);
    CHECK_INT(count_selected(&f, (xxgk_store_filter){.errors = 1}, &st), 3);
    CHECK_INT(count_selected(&f, (xxgk_store_filter){.errors = -1}, &st), 2);
    CHECK_INT(count_selected(&f, (xxgk_store_filter){.rule = "cell-blank"}, &st), 1);
    CHECK_INT(count_selected(&f, (xxgk_store_filter){.where = "\"t3.new.natural\" >= 1"}, &st),
              3);
    /* escaping the parentheses would select old versions too */
    count_selected(&f, (xxgk_store_filter){.where = "1) OR (1"}, &st);
    CHECK_INT(st, XXGK_E_USAGE);
    count_selected(&f, (xxgk_store_filter){.where = "1 -- comment"}, &st);
    CHECK_INT(st, XXGK_E_USAGE);
    CHECK_INT(count_selected(&f, (xxgk_store_filter){.where = "report.body = '姚集镇人民政府'"},
                             &st),
              1);
    count_selected(&f, (xxgk_store_filter){.where = "no_such_column = 1"}, &st);
    CHECK_INT(st, XXGK_E_USAGE);
    count_selected(&f, (xxgk_store_filter){.where = "1; DELETE FROM report"}, &st);
    CHECK_INT(st, XXGK_E_USAGE);
    CHECK_STR(query1(&f, "SELECT count(*) FROM report"), "5");
    fixture_close(&f);
}

static int count_rows(void *ctx, size_t row, int ncols, const char *const *names,
                      const char *const *values)
{
    (void)ncols, (void)values;
    if (row == 0)
        CHECK_STR(names[0], "year");
    else
        (*(int *)ctx)++;
    return 0;
}

static void queries_are_read_only(void)
{
    fixture f;
    fixture_open(&f);
    import_samples(&f);
    int rows = 0;
    xxgk_error err = {0};
    CHECK_INT(xxgk_store_query(f.store, "SELECT year FROM report", count_rows, &rows, &err),
              XXGK_OK);
    CHECK_INT(rows, 5);
    CHECK_INT(xxgk_store_query(f.store, "DELETE FROM report", count_rows, &rows, &err),
              XXGK_E_USAGE);
    CHECK_INT(xxgk_store_query(f.store, "SELECT 1; DELETE FROM report", count_rows, &rows, &err),
              XXGK_E_USAGE);
    CHECK_INT(xxgk_store_query(f.store, "SELEC nonsense", count_rows, &rows, &err),
              XXGK_E_USAGE);
    CHECK_STR(query1(&f, "SELECT count(*) FROM report"), "5");
    CHECK_STR(query1(&f, "PRAGMA integrity_check"), "ok");
    fixture_close(&f);
}

/* A store from a newer program, a database of something else and a file
 * that is not a database are refused with a reason; a store opened
 * read-only cannot be imported into. */
static void schema_is_checked(void)
{
    fixture f;
    fixture_open(&f);
    CHECK_STR(query1(&f, "SELECT version FROM schema_version"), "3");
    CHECK_INT(xxgk_store_schema_version(), 3);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM cell_key");
    char expect[32];
    snprintf(expect, sizeof expect, "%zu", xxgk_cell_count());
    CHECK_STR(query1(&f, sql), expect);
    xxgk_store_close(f.store);
    f.store = NULL;

    sqlite3 *db;
    sqlite3_open(f.db, &db);
    sqlite3_exec(db, "UPDATE schema_version SET version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    xxgk_store *s = NULL;
    xxgk_error err = {0};
    CHECK_INT(xxgk_store_open(f.db, false, &s, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "99") != NULL);

    char other[160];
    snprintf(other, sizeof other, "%s/other.db", f.dir);
    sqlite3_open(other, &db);
    sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK_INT(xxgk_store_open(other, false, &s, &err), XXGK_E_USAGE);
    const char *junk = fixture_write(&f, "junk.db", "this is not a database, just text\n");
    CHECK_INT(xxgk_store_open(junk, true, &s, &err), XXGK_E_IO);
    char missing[160];
    snprintf(missing, sizeof missing, "%s/missing.db", f.dir);
    CHECK_INT(xxgk_store_open(missing, true, &s, &err), XXGK_E_IO);
    CHECK(s == NULL);

    snprintf(f.db, sizeof f.db, "%s/ro.db", f.dir);
    CHECK_INT(xxgk_store_open(f.db, false, &s, &err), XXGK_OK);
    xxgk_store_close(s);
    CHECK_INT(xxgk_store_open(f.db, true, &f.store, &err), XXGK_OK);
    const char *p = sample_path(0);
    xxgk_import_summary sum;
    CHECK_INT(xxgk_store_import(f.store, &p, 1, NULL, &sum, &err), XXGK_E_USAGE);
    fixture_close(&f);
}

const struct unit_case unit_cases[] = {
    {"import_is_idempotent", import_is_idempotent},
    {"changed_file_is_a_version", changed_file_is_a_version},
    {"unreadable_files_do_not_stop_import", unreadable_files_do_not_stop_import},
    {"reports_read_back_exactly", reports_read_back_exactly},
    {"filters_select", filters_select},
    {"queries_are_read_only", queries_are_read_only},
    {"schema_is_checked", schema_is_checked},
    {NULL, NULL},
};
