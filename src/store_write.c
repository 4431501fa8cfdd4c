/*
 * store_write.c — storing one report: the row in `report`, the row in
 * `cells`, the rows in `finding`, its sentences, and what follows from
 * it (the counted report of its body and year, the findings across
 * years), all in one transaction, so that a crash or kill at any point
 * leaves the report and its consequences either whole or absent.
 */
#include "store_write.h"

#include <stdlib.h>
#include <string.h>

#include "input.h"

static const char sql_put_report[] =
    "INSERT INTO report(path, sha256, size, version, current, imported, year, format,"
    " title, body, date, period_from, period_to, cells, errors, warnings, notes, body_key,"
    " current_since)"
    " VALUES(?1, ?2, ?3, ?4, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?5, ?6, ?7, ?8, ?9,"
    " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)";

static int prepare(store_writer *w, const char *sql, sqlite3_stmt **st)
{
    return sqlite3_prepare_v3(w->s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
}

/* INSERT INTO cells(report_id, "<key 0>", …) VALUES(?1, ?2, …): cell id
 * i binds parameter i + 2. */
static int prepare_put_cells(store_writer *w)
{
    sbuf sql = {0}, values = {0};
    sbuf_add(&sql, "INSERT INTO cells(report_id");
    sbuf_add(&values, ") VALUES(?1");
    for (size_t i = 0; i < w->s->ncells; i++) {
        sbuf_add(&sql, ", ");
        sbuf_add_ident(&sql, xxgk_cell_key(i));
        sbuf_addf(&values, ", ?%zu", i + 2);
    }
    sbuf_add(&values, ")");
    sbuf_add(&sql, values.s ? values.s : "");
    int rc = sql.failed || values.failed ? SQLITE_NOMEM : prepare(w, sql.s, &w->put_cells);
    sbuf_free(&sql);
    sbuf_free(&values);
    return rc;
}

xxgk_status store_writer_init(store_writer *w, xxgk_store *s, xxgk_error *err)
{
    memset(w, 0, sizeof *w);
    w->s = s;
    if (s->read_only)
        return error_set(err, XXGK_E_USAGE, "数据库以只读方式打开，不能导入");
    int rc = prepare(w, "SELECT id, current, errors FROM report WHERE sha256 = ?1", &w->find_hash);
    if (rc == SQLITE_OK)
        rc = prepare(w, "SELECT max(version) FROM report WHERE path = ?1", &w->last_version);
    if (rc == SQLITE_OK)
        /* "+current": look the path up by its index; left to itself the
         * planner may scan every current report instead (quadratic). */
        rc = prepare(w, "UPDATE report SET current = 0 WHERE path = ?1 AND +current = 1",
                     &w->retire);
    if (rc == SQLITE_OK)
        rc = prepare(w, "UPDATE report SET current = 1, current_since = ?2 WHERE id = ?1",
                     &w->revive);
    if (rc == SQLITE_OK)
        rc = prepare(w,
                     "SELECT count(*) FROM report WHERE path = ?1 AND +current = 1 AND id != ?2",
                     &w->others);
    if (rc == SQLITE_OK)
        rc = prepare(w, sql_put_report, &w->put_report);
    if (rc == SQLITE_OK)
        rc = prepare_put_cells(w);
    if (rc == SQLITE_OK)
        rc = prepare(w,
                     "INSERT INTO finding(report_id, seq, severity, rule, line, col, len,"
                     " message, expected, cells) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                     &w->put_finding);
    if (rc == SQLITE_OK)
        rc = prepare(w, "SELECT DISTINCT body_key, year FROM report WHERE path = ?1"
                        " AND +current = 1", &w->path_groups);
    if (rc == SQLITE_OK)
        rc = prepare(w, "SELECT body_key, year FROM report WHERE id = ?1", &w->id_group);
    if (rc == SQLITE_OK)
        rc = prepare(w, "SELECT 1 FROM sentence_set WHERE report_id = ?1", &w->has_set);
    if (rc == SQLITE_OK)
        rc = prepare(w, "INSERT INTO sentence_set VALUES(?1, ?2, ?3)", &w->put_set);
    if (rc == SQLITE_OK)
        rc = prepare(w, "SELECT coalesce(errors, 0) FROM report WHERE id = ?1", &w->errors);
    if (rc == SQLITE_OK)
        rc = store_roster_load(s, &w->roster);
    if (rc == SQLITE_OK)
        rc = store_groups_init(&w->groups, s);
    if (rc == SQLITE_OK) {
        sqlite3_stmt *st;
        rc = sqlite3_prepare_v2(s->db, "SELECT coalesce(max(current_since), 0) FROM report", -1,
                                &st, NULL);
        if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            w->since = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    if (rc != SQLITE_OK) {
        xxgk_status st = store_fail(s, err, "无法准备数据库语句");
        store_writer_free(w);
        return st;
    }
    return XXGK_OK;
}

void store_writer_free(store_writer *w)
{
    if (w->open) /* a batch not committed: an error stopped the caller */
        store_exec(w->s, "ROLLBACK");
    sqlite3_finalize(w->find_hash);
    sqlite3_finalize(w->last_version);
    sqlite3_finalize(w->retire);
    sqlite3_finalize(w->revive);
    sqlite3_finalize(w->others);
    sqlite3_finalize(w->put_report);
    sqlite3_finalize(w->put_cells);
    sqlite3_finalize(w->put_finding);
    sqlite3_finalize(w->path_groups);
    sqlite3_finalize(w->id_group);
    sqlite3_finalize(w->has_set);
    sqlite3_finalize(w->put_set);
    sqlite3_finalize(w->errors);
    store_roster_free(&w->roster);
    if (w->groups.s)
        store_groups_free(&w->groups);
    memset(w, 0, sizeof *w);
}

/* Steps a statement that returns no rows and resets it. */
static int run(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

int store_writer_lookup(store_writer *w, const char *sha, int64_t *id, bool *current,
                        int *errors)
{
    sqlite3_bind_text(w->find_hash, 1, sha, -1, SQLITE_STATIC);
    int found = sqlite3_step(w->find_hash) == SQLITE_ROW;
    if (found) {
        *id = sqlite3_column_int64(w->find_hash, 0);
        *current = sqlite3_column_int(w->find_hash, 1) != 0;
        *errors = sqlite3_column_type(w->find_hash, 2) == SQLITE_NULL
                      ? -1
                      : sqlite3_column_int(w->find_hash, 2);
    }
    sqlite3_reset(w->find_hash);
    return found;
}

/* Current reports other than `id` at `path`. */
static int count_others(store_writer *w, int64_t id, const char *path)
{
    sqlite3_bind_text(w->others, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_int64(w->others, 2, id);
    int n = sqlite3_step(w->others) == SQLITE_ROW ? sqlite3_column_int(w->others, 0) : -1;
    sqlite3_reset(w->others);
    return n;
}

/* current = 0 for the current versions of `path` (any id). */
static int retire_path(store_writer *w, const char *path)
{
    sqlite3_bind_text(w->retire, 1, path, -1, SQLITE_STATIC);
    return run(w->retire);
}

/* Adds the groups (body_key, year) the statement yields to the list. */
static int add_groups(sqlite3_stmt *st, store_group_list *l)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (sqlite3_column_type(st, 1) != SQLITE_NULL &&
            !store_group_list_add(l, (const char *)sqlite3_column_text(st, 0),
                                  sqlite3_column_int(st, 1))) {
            rc = SQLITE_NOMEM;
            break;
        }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int path_groups(store_writer *w, const char *path, store_group_list *l)
{
    sqlite3_bind_text(w->path_groups, 1, path, -1, SQLITE_STATIC);
    return add_groups(w->path_groups, l);
}

static int id_group(store_writer *w, int64_t id, store_group_list *l)
{
    sqlite3_bind_int64(w->id_group, 1, id);
    return add_groups(w->id_group, l);
}

/* Starts what one call writes: a transaction, or (batch) a savepoint in
 * the batch's transaction, which is begun first if it is not open. */
static int begin(store_writer *w)
{
    if (!w->batch)
        return store_exec(w->s, "BEGIN IMMEDIATE");
    if (!w->open) {
        int rc = store_exec(w->s, "BEGIN IMMEDIATE");
        if (rc != SQLITE_OK)
            return rc;
        w->open = true;
        w->batched = 0;
    }
    return store_exec(w->s, "SAVEPOINT report");
}

/* Ends what one call wrote: committed (or released into the batch) when
 * rc is OK, else undone and err filled. */
static xxgk_status finish(store_writer *w, int rc, xxgk_error *err)
{
    const char *done = w->batch ? "RELEASE report" : "COMMIT";
    if (rc == SQLITE_OK && store_exec(w->s, done) == SQLITE_OK) {
        w->batched += w->batch;
        return XXGK_OK;
    }
    xxgk_status st = rc == SQLITE_NOMEM ? error_set(err, XXGK_E_NOMEM, "内存不足")
                                        : store_fail(w->s, err, "写入数据库失败");
    store_exec(w->s, w->batch ? "ROLLBACK TO report; RELEASE report" : "ROLLBACK");
    return st;
}

void store_writer_batch(store_writer *w)
{
    w->batch = true;
}

xxgk_status store_writer_commit(store_writer *w, xxgk_error *err)
{
    if (!w->open)
        return XXGK_OK;
    w->open = false;
    w->batched = 0;
    if (store_exec(w->s, "COMMIT") == SQLITE_OK)
        return XXGK_OK;
    xxgk_status st = store_fail(w->s, err, "写入数据库失败");
    store_exec(w->s, "ROLLBACK");
    return st;
}

xxgk_status store_writer_adopt(store_writer *w, int64_t id, bool current, const char *path,
                               bool *changed, xxgk_error *err)
{
    int others = count_others(w, id, path);
    if (others < 0)
        return store_fail(w->s, err, "读取数据库失败");
    *changed = others > 0 || !current;
    if (!*changed)
        return XXGK_OK;
    if (begin(w) != SQLITE_OK)
        return store_fail(w->s, err, "写入数据库失败");
    store_group_list groups = {0};
    int rc = path_groups(w, path, &groups);
    if (rc == SQLITE_OK)
        rc = retire_path(w, path);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(w->revive, 1, id);
        sqlite3_bind_int64(w->revive, 2, ++w->since);
        rc = run(w->revive);
    }
    if (rc == SQLITE_OK)
        rc = id_group(w, id, &groups);
    if (rc == SQLITE_OK)
        rc = store_group_list_update(&w->groups, &groups);
    store_group_list_free(&groups);
    return finish(w, rc, err);
}

static void bind_text_or_null(sqlite3_stmt *st, int col, const char *s)
{
    if (s)
        sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, col);
}

static int put_report_row(store_writer *w, const char *path, const char *sha, size_t size,
                          int version, const xxgk_report *r, bool checked, const char *key)
{
    sqlite3_stmt *st = w->put_report;
    const xxgk_meta *m = &r->meta;
    size_t present = 0, count[3] = {0};
    for (size_t i = 0; i < r->ncells; i++)
        present += r->cells[i].kind != XXGK_VALUE_ABSENT;
    for (size_t i = 0; i < r->findings.n; i++)
        if ((unsigned)r->findings.v[i].severity < 3)
            count[r->findings.v[i].severity]++;
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, sha, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)size);
    sqlite3_bind_int(st, 4, version);
    if (m->year)
        sqlite3_bind_int(st, 5, m->year);
    if (m->format != XXGK_FORMAT_UNKNOWN)
        sqlite3_bind_int(st, 6, (int)m->format);
    bind_text_or_null(st, 7, m->title);
    bind_text_or_null(st, 8, m->body);
    bind_text_or_null(st, 9, m->date);
    bind_text_or_null(st, 10, m->period_from);
    bind_text_or_null(st, 11, m->period_to);
    sqlite3_bind_int64(st, 12, (sqlite3_int64)present);
    if (checked) {
        sqlite3_bind_int64(st, 13, (sqlite3_int64)count[XXGK_ERROR]);
        sqlite3_bind_int64(st, 14, (sqlite3_int64)count[XXGK_WARNING]);
        sqlite3_bind_int64(st, 15, (sqlite3_int64)count[XXGK_NOTE]);
    }
    bind_text_or_null(st, 16, key);
    sqlite3_bind_int64(st, 17, ++w->since);
    return run(st);
}

static int put_cells(store_writer *w, int64_t id, const xxgk_report *r)
{
    sqlite3_stmt *st = w->put_cells;
    sqlite3_bind_int64(st, 1, id);
    size_t n = r->ncells < w->s->ncells ? r->ncells : w->s->ncells;
    for (size_t i = 0; i < n; i++)
        if (r->cells[i].kind != XXGK_VALUE_ABSENT)
            store_bind_cell(st, (int)i + 2, &r->cells[i]);
    return run(st);
}

void store_finding_cells(const xxgk_finding *f, sbuf *b)
{
    for (size_t k = 0; k < f->ncells; k++) {
        const char *key = f->cells[k] >= 0 ? xxgk_cell_key((size_t)f->cells[k]) : NULL;
        if (!key)
            continue;
        if (b->len)
            sbuf_add(b, " ");
        sbuf_add(b, key);
    }
}

static int put_findings(store_writer *w, int64_t id, const xxgk_report *r)
{
    sqlite3_stmt *st = w->put_finding;
    for (size_t i = 0; i < r->findings.n; i++) {
        const xxgk_finding *f = &r->findings.v[i];
        sbuf cells = {0};
        store_finding_cells(f, &cells);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
        sqlite3_bind_text(st, 3, xxgk_severity_name(f->severity), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, f->rule ? f->rule : "", -1, SQLITE_STATIC);
        if (f->line) {
            sqlite3_bind_int64(st, 5, f->line);
            sqlite3_bind_int64(st, 6, f->column);
            sqlite3_bind_int64(st, 7, f->length);
        }
        sqlite3_bind_text(st, 8, f->message ? f->message : "", -1, SQLITE_STATIC);
        bind_text_or_null(st, 9, f->expected);
        bind_text_or_null(st, 10, cells.len ? cells.s : NULL);
        int rc = cells.failed ? SQLITE_NOMEM : run(st);
        sbuf_free(&cells);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

/* The sentence set of report id: one row, its hashes in a blob. (They
 * are not also put in an index by hash: store_year_index.c sorts a
 * year's sets when copied text is asked about, which costs less than a
 * random page written per sentence at every import.) */
static int put_sentences(store_writer *w, int64_t id, const store_sentences *sent)
{
    uint8_t *blob = malloc(sent->n ? sent->n * 8 : 1);
    if (!blob)
        return SQLITE_NOMEM;
    for (size_t i = 0; i < sent->n; i++) /* little-endian, whatever the machine */
        for (int b = 0; b < 8; b++)
            blob[i * 8 + (size_t)b] = (uint8_t)(sent->v[i] >> (8 * b));
    sqlite3_bind_int64(w->put_set, 1, id);
    sqlite3_bind_int64(w->put_set, 2, (sqlite3_int64)sent->n);
    sqlite3_bind_blob(w->put_set, 3, blob, (int)(sent->n * 8), SQLITE_STATIC);
    int rc = run(w->put_set);
    free(blob);
    return rc;
}

xxgk_status store_writer_put(store_writer *w, const char *path, const char *sha, size_t size,
                             const xxgk_report *r, bool checked, const store_sentences *sent,
                             int64_t *id, bool *versioned, xxgk_error *err)
{
    xxgk_match match;
    char norm[BODY_NAME_MAX];
    char *key = store_body_key(&w->roster, r->meta.body, &match);
    if (!key && body_norm(r->meta.body, norm))
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    if (begin(w) != SQLITE_OK) {
        free(key);
        return store_fail(w->s, err, "写入数据库失败");
    }
    sqlite3_bind_text(w->last_version, 1, path, -1, SQLITE_STATIC);
    int version = 1;
    if (sqlite3_step(w->last_version) == SQLITE_ROW &&
        sqlite3_column_type(w->last_version, 0) != SQLITE_NULL)
        version = sqlite3_column_int(w->last_version, 0) + 1;
    sqlite3_reset(w->last_version);
    *versioned = version > 1;
    store_group_list groups = {0};
    int rc = path_groups(w, path, &groups);
    if (rc == SQLITE_OK)
        rc = retire_path(w, path);
    if (rc == SQLITE_OK)
        rc = put_report_row(w, path, sha, size, version, r, checked, key);
    *id = sqlite3_last_insert_rowid(w->s->db);
    if (rc == SQLITE_OK)
        rc = put_cells(w, *id, r);
    if (rc == SQLITE_OK && checked)
        rc = put_findings(w, *id, r);
    if (rc == SQLITE_OK && sent)
        rc = put_sentences(w, *id, sent);
    if (rc == SQLITE_OK && !store_group_list_add(&groups, key, r->meta.year))
        rc = SQLITE_NOMEM;
    if (rc == SQLITE_OK)
        rc = store_group_list_update(&w->groups, &groups);
    store_group_list_free(&groups);
    free(key);
    return finish(w, rc, err);
}

xxgk_status store_writer_fill_sentences(store_writer *w, int64_t id, int year,
                                        const store_sentences *sent, xxgk_error *err)
{
    sqlite3_bind_int64(w->has_set, 1, id);
    int rc = sqlite3_step(w->has_set);
    sqlite3_reset(w->has_set);
    if (rc == SQLITE_ROW)
        return XXGK_OK;
    if (rc != SQLITE_DONE)
        return store_fail(w->s, err, "读取数据库失败");
    if (begin(w) != SQLITE_OK)
        return store_fail(w->s, err, "写入数据库失败");
    (void)year; /* a set is one row whatever its year */
    return finish(w, put_sentences(w, id, sent), err);
}

int store_writer_errors(store_writer *w, int64_t id)
{
    sqlite3_bind_int64(w->errors, 1, id);
    int n = sqlite3_step(w->errors) == SQLITE_ROW ? sqlite3_column_int(w->errors, 0) : 0;
    sqlite3_reset(w->errors);
    return n;
}
