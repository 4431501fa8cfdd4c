/*
 * store_years.c — the carry-over and in-force rules across years, applied
 * to stored reports: at import, when a body's report for a year arrives,
 * it is checked against the body's report of the year before, and the
 * body's report of the year after is checked again against it. The
 * findings are stored like any other (so list, stats, status and the
 * charts show them) with `finding.against` naming the report compared
 * with, which is how a later re-check finds and replaces them.
 */
#include "store_years.h"

#include <string.h>

#include "input.h"
#include "store_write.h"

/* The one place the rules across years are called from the store: the
 * one check, its rules across years only, on reports loaded from the store
 * (their cells and meta; they have no text). */
static xxgk_status check_across_years(xxgk_report *report, const xxgk_report *previous)
{
    xxgk_check_options years = {previous, false, "across-years"};
    return xxgk_check(report, &years);
}

static int prepare(store_years *y, const char *sql, sqlite3_stmt **st)
{
    return sqlite3_prepare_v3(y->s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
}

int store_years_init(store_years *y, xxgk_store *s)
{
    memset(y, 0, sizeof *y);
    y->s = s;
    int rc = prepare(y,
                     "SELECT id, errors IS NOT NULL FROM report WHERE body_key = ?1 AND year = ?2"
                     " AND current = 1 AND superseded_by IS NULL LIMIT 1",
                     &y->counted);
    if (rc == SQLITE_OK)
        rc = prepare(y, "DELETE FROM finding WHERE report_id = ?1 AND against IS NOT NULL",
                     &y->clear);
    if (rc == SQLITE_OK)
        rc = prepare(y, "SELECT coalesce(max(seq), 0) FROM finding WHERE report_id = ?1",
                     &y->last_seq);
    if (rc == SQLITE_OK)
        rc = prepare(y,
                     "INSERT INTO finding(report_id, seq, severity, rule, line, col, len, message,"
                     " expected, cells, against) VALUES(?1, ?2, ?3, ?4, NULL, NULL, NULL, ?5, ?6,"
                     " ?7, ?8)",
                     &y->put);
    if (rc == SQLITE_OK)
        rc = prepare(y,
                     "UPDATE report SET"
                     " errors = (SELECT count(*) FROM finding WHERE report_id = ?1"
                     "   AND severity = 'error'),"
                     " warnings = (SELECT count(*) FROM finding WHERE report_id = ?1"
                     "   AND severity = 'warning'),"
                     " notes = (SELECT count(*) FROM finding WHERE report_id = ?1"
                     "   AND severity = 'note')"
                     " WHERE id = ?1 AND errors IS NOT NULL",
                     &y->recount);
    if (rc != SQLITE_OK)
        store_years_free(y);
    return rc;
}

void store_years_free(store_years *y)
{
    sqlite3_finalize(y->counted);
    sqlite3_finalize(y->clear);
    sqlite3_finalize(y->last_seq);
    sqlite3_finalize(y->put);
    sqlite3_finalize(y->recount);
    sqlite3_finalize(y->load);
    memset(y, 0, sizeof *y);
}

/* The counted report of (key, year): its id, or 0; *checked whether its
 * findings were stored. */
static int64_t counted(store_years *y, const char *key, int year, bool *checked)
{
    sqlite3_bind_text(y->counted, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int(y->counted, 2, year);
    int64_t id = 0;
    if (sqlite3_step(y->counted) == SQLITE_ROW) {
        id = sqlite3_column_int64(y->counted, 0);
        *checked = sqlite3_column_int(y->counted, 1) != 0;
    }
    sqlite3_reset(y->counted);
    return id;
}

static int run(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

/* Stores the findings of `now` (those across years only, as the check
 * left them) as findings of report id against report prev. */
static int put_findings(store_years *y, int64_t id, int64_t prev, const xxgk_report *now)
{
    sqlite3_bind_int64(y->last_seq, 1, id);
    int64_t seq = sqlite3_step(y->last_seq) == SQLITE_ROW ? sqlite3_column_int64(y->last_seq, 0)
                                                          : 0;
    sqlite3_reset(y->last_seq);
    int rc = SQLITE_OK;
    for (size_t i = 0; rc == SQLITE_OK && i < xxgk_report_finding_count(now); i++) {
        const xxgk_finding *f = xxgk_report_finding(now, i);
        sbuf cells = {0};
        store_finding_cells(f, &cells);
        sqlite3_bind_int64(y->put, 1, id);
        sqlite3_bind_int64(y->put, 2, ++seq);
        sqlite3_bind_text(y->put, 3, xxgk_severity_name(f->severity), -1, SQLITE_STATIC);
        sqlite3_bind_text(y->put, 4, f->rule ? f->rule : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(y->put, 5, f->message ? f->message : "", -1, SQLITE_STATIC);
        if (f->expected)
            sqlite3_bind_text(y->put, 6, f->expected, -1, SQLITE_STATIC);
        if (cells.len)
            sqlite3_bind_text(y->put, 7, cells.s, -1, SQLITE_STATIC);
        sqlite3_bind_int64(y->put, 8, prev);
        rc = cells.failed ? SQLITE_NOMEM : run(y->put);
        sbuf_free(&cells);
    }
    return rc;
}

/* The findings of report id against prev, freshly derived. */
static int derive(store_years *y, int64_t id, int64_t prev)
{
    xxgk_report *now = NULL, *before = NULL;
    xxgk_error err = {0};
    int rc = SQLITE_OK;
    if (store_load_model(y->s, &y->load, id, &now, &err) != XXGK_OK ||
        store_load_model(y->s, &y->load, prev, &before, &err) != XXGK_OK)
        rc = err.status == XXGK_E_NOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
    else if (check_across_years(now, before) != XXGK_OK)
        rc = SQLITE_NOMEM;
    else
        rc = put_findings(y, id, prev, now);
    xxgk_report_free(now);
    xxgk_report_free(before);
    return rc;
}

int store_years_recheck(store_years *y, const char *key, int year)
{
    bool checked = false, ignored;
    int64_t id = key && year > 0 ? counted(y, key, year, &checked) : 0;
    if (!id || !checked)
        return SQLITE_OK;
    sqlite3_bind_int64(y->clear, 1, id);
    int rc = run(y->clear);
    bool changed = sqlite3_changes(y->s->db) > 0;
    int64_t prev = counted(y, key, year - 1, &ignored);
    if (rc == SQLITE_OK && prev) {
        rc = derive(y, id, prev);
        changed = true;
    }
    if (rc == SQLITE_OK && changed) {
        sqlite3_bind_int64(y->recount, 1, id);
        rc = run(y->recount);
    }
    return rc;
}
