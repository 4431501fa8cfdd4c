/*
 * store_desk.c — the status of every rostered body for a year: reported
 * or not, with errors or corrected, late or on time, its first error, its
 * new applications and how much of its text is copied (xxgk_store_desk);
 * and the same as JSON.
 *
 * The statutory date (条例第四十九条; shared/spec/rules.md "Dates"): a
 * county-level or higher government's own report by 3月31日, every other
 * body's (departments, and 乡镇 and 街道 by reference) by 1月31日 of the
 * year after. The kind comes from the roster's 类别, else from the name.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "body_name.h"
#include "input.h"
#include "json.h"
#include "store.h"
#include "store_similar.h"

/* The desk with the arena its strings live in. */
typedef struct desk_owner {
    xxgk_desk d; /* first: xxgk_desk_free casts back */
    arena a;
    size_t cap;
} desk_owner;

static const char *const state_names[] = {"missing", "submitted", "errors", "corrected"};
static const char *const state_texts[] = {"未报送", "已报送", "有错误", "已改正"};

const char *xxgk_desk_state_name(xxgk_desk_state state)
{
    return (unsigned)state < 4 ? state_names[state] : "";
}

const char *xxgk_desk_state_text(xxgk_desk_state state)
{
    return (unsigned)state < 4 ? state_texts[state] : "";
}

static const char *dup(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

static bool ends(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

/* Whether the body is a county-level or higher government (its own
 * report is due by 3月31日). */
static bool government(const char *kind, const char *name)
{
    if (kind && *kind)
        return strstr(kind, "政府") && !strstr(kind, "乡") && !strstr(kind, "镇") &&
               !strstr(kind, "街道");
    char n[BODY_NAME_MAX];
    if (!body_norm(name, n))
        return false;
    static const char *const levels[] = {"县", "区", "市", "省", "旗", "州", NULL};
    for (int i = 0; levels[i]; i++)
        if (ends(n, levels[i]))
            return true;
    return false;
}

/* ---- one body's row ------------------------------------------------------- */

typedef struct desk_ctx {
    xxgk_store *s;
    desk_owner *o;
    int year;
    sqlite3_stmt *counted, *history, *findings;
    store_probe probe;
} desk_ctx;

static const char *col_text(sqlite3_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st, col);
}

/* The errors and warnings of report id, errors first. */
static int load_findings(desk_ctx *c, xxgk_desk_row *row)
{
    arena *a = &c->o->a;
    sqlite3_bind_int64(c->findings, 1, row->report_id);
    size_t cap = 0;
    xxgk_desk_finding *v = NULL;
    int rc;
    while ((rc = sqlite3_step(c->findings)) == SQLITE_ROW) {
        if (row->nfindings == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            xxgk_desk_finding *nv = arena_grow(a, v, cap * sizeof *v, ncap * sizeof *v);
            if (!nv) {
                rc = SQLITE_NOMEM;
                break;
            }
            v = nv;
            cap = ncap;
        }
        xxgk_desk_finding *f = &v[row->nfindings++];
        f->severity = !strcmp(col_text(c->findings, 0), "error") ? XXGK_ERROR : XXGK_WARNING;
        f->rule = dup(a, col_text(c->findings, 1));
        f->message = dup(a, col_text(c->findings, 2));
        f->expected = dup(a, col_text(c->findings, 3));
    }
    sqlite3_reset(c->findings);
    row->findings = v;
    if (row->nfindings && v[0].severity == XXGK_ERROR) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%s%s%s%s", v[0].message, v[0].expected ? "（" : "",
                 v[0].expected ? v[0].expected : "", v[0].expected ? "）" : "");
        row->first_error = dup(a, buf);
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Reports of the group other than the counted one: how many, and
 * whether one of them had errors. */
static int history(desk_ctx *c, const char *key, int64_t id, int *others, bool *had_errors)
{
    sqlite3_bind_text(c->history, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int(c->history, 2, c->year);
    sqlite3_bind_int64(c->history, 3, id);
    int rc = sqlite3_step(c->history);
    if (rc == SQLITE_ROW) {
        *others = sqlite3_column_int(c->history, 0);
        *had_errors = sqlite3_column_int(c->history, 1) > 0;
    }
    sqlite3_reset(c->history);
    return rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static void set_deadline(desk_ctx *c, xxgk_desk_row *row)
{
    char deadline[24];
    bool gov = government(row->kind, row->name ? row->name : row->body);
    snprintf(deadline, sizeof deadline, "%04d-%s", c->year + 1, gov ? "03-31" : "01-31");
    row->deadline = dup(&c->o->a, deadline);
    row->late = row->date && strcmp(row->date, deadline) > 0;
}

static int fill_row(desk_ctx *c, xxgk_desk_row *row, const char *key)
{
    arena *a = &c->o->a;
    row->errors = row->warnings = -1;
    row->applications = -1;
    row->copied_previous = row->copied_others = -1;
    sqlite3_bind_text(c->counted, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int(c->counted, 2, c->year);
    int rc = sqlite3_step(c->counted);
    if (rc == SQLITE_ROW) {
        row->report_id = sqlite3_column_int64(c->counted, 0);
        row->name = dup(a, col_text(c->counted, 1));
        row->path = dup(a, col_text(c->counted, 2));
        row->date = dup(a, col_text(c->counted, 3));
        if (sqlite3_column_type(c->counted, 4) != SQLITE_NULL) {
            row->errors = sqlite3_column_int(c->counted, 4);
            row->warnings = sqlite3_column_int(c->counted, 5);
        }
        if (sqlite3_column_type(c->counted, 6) == SQLITE_INTEGER)
            row->applications = sqlite3_column_int64(c->counted, 6);
    }
    sqlite3_reset(c->counted);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return rc;
    set_deadline(c, row);
    int others = 0;
    bool had_errors = false;
    rc = history(c, key, row->report_id, &others, &had_errors);
    row->versions = others + (row->report_id != 0);
    if (rc != SQLITE_OK || !row->report_id) {
        row->state = XXGK_DESK_MISSING;
        return rc;
    }
    row->state = row->errors > 0 ? XXGK_DESK_ERRORS
                 : had_errors    ? XXGK_DESK_CORRECTED
                                 : XXGK_DESK_SUBMITTED;
    rc = load_findings(c, row);
    store_copy copy;
    if (rc == SQLITE_OK)
        rc = store_probe_report(&c->probe, row->report_id, key, c->year, &copy);
    if (rc == SQLITE_OK) {
        row->sentences = copy.sentences;
        row->copied_previous = copy.previous;
        row->copied_others = copy.others;
    }
    return rc;
}

static xxgk_desk_row *add_row(desk_ctx *c)
{
    desk_owner *o = c->o;
    if (o->d.nrows == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 64;
        xxgk_desk_row *v = realloc(o->d.rows, cap * sizeof *v);
        if (!v)
            return NULL;
        o->d.rows = v;
        o->cap = cap;
    }
    xxgk_desk_row *row = &o->d.rows[o->d.nrows++];
    memset(row, 0, sizeof *row);
    return row;
}

/* ---- all rows -------------------------------------------------------------- */

/* Rows: the roster's bodies; without one, the bodies that reported. */
static int fill_rows(desk_ctx *c)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c->s->db,
                                "SELECT 'b:' || id, name, parent, kind FROM body"
                                " ORDER BY position, id",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        c->o->d.roster = true;
        xxgk_desk_row *row = add_row(c);
        if (!row)
            return sqlite3_finalize(st), SQLITE_NOMEM;
        row->body = dup(&c->o->a, col_text(st, 1));
        row->parent = dup(&c->o->a, col_text(st, 2));
        row->kind = dup(&c->o->a, col_text(st, 3));
        if ((rc = fill_row(c, row, col_text(st, 0))) != SQLITE_OK)
            break;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE || c->o->d.roster)
        return rc == SQLITE_DONE ? SQLITE_OK : rc;
    rc = sqlite3_prepare_v2(c->s->db,
                            "SELECT body_key, body FROM report WHERE year = ?1 AND " STORE_COUNTED
                            " AND body_key IS NOT NULL ORDER BY body, id",
                            -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int(st, 1, c->year);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xxgk_desk_row *row = add_row(c);
        if (!row)
            return sqlite3_finalize(st), SQLITE_NOMEM;
        row->body = dup(&c->o->a, col_text(st, 1));
        row->parent = row->kind = "";
        if ((rc = fill_row(c, row, col_text(st, 0))) != SQLITE_OK)
            break;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int64_t count(xxgk_store *s, const char *sql, int year)
{
    sqlite3_stmt *st;
    int64_t n = 0;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int(st, 1, year);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* The most common 上级 of the roster: the office's own region. */
static const char *region_of(const xxgk_desk *d, arena *a)
{
    const char *best = NULL;
    size_t best_n = 0;
    for (size_t i = 0; i < d->nrows; i++) {
        const char *p = d->rows[i].parent;
        if (!p || !*p)
            continue;
        size_t n = 0;
        for (size_t k = 0; k < d->nrows; k++)
            n += d->rows[k].parent && !strcmp(d->rows[k].parent, p);
        if (n > best_n) {
            best = p;
            best_n = n;
        }
    }
    return best ? dup(a, best) : NULL;
}

static void tally(xxgk_desk *d)
{
    for (size_t i = 0; i < d->nrows; i++) {
        const xxgk_desk_row *r = &d->rows[i];
        d->missing += r->state == XXGK_DESK_MISSING;
        d->submitted += r->state != XXGK_DESK_MISSING;
        d->with_errors += r->state == XXGK_DESK_ERRORS;
        d->corrected += r->state == XXGK_DESK_CORRECTED;
        d->late += r->late;
        d->superseded += r->report_id && r->versions > 1 ? (size_t)r->versions - 1 : 0;
    }
}

static int prepare_all(desk_ctx *c)
{
    int rc = sqlite3_prepare_v2(
        c->s->db,
        "SELECT r.id, r.body, r.path, r.date, r.errors, r.warnings, c.\"t3.new.total\""
        " FROM report r JOIN cells c ON c.report_id = r.id WHERE r.body_key = ?1"
        " AND r.year = ?2 AND r.current = 1 AND r.superseded_by IS NULL LIMIT 1",
        -1, &c->counted, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(c->s->db,
                                "SELECT count(*), max(coalesce(errors, 0)) FROM report"
                                " WHERE body_key = ?1 AND year = ?2 AND id != ?3",
                                -1, &c->history, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(c->s->db,
                                "SELECT severity, rule, message, expected FROM finding"
                                " WHERE report_id = ?1 AND severity IN ('error', 'warning')"
                                " ORDER BY severity = 'error' DESC, seq",
                                -1, &c->findings, NULL);
    if (rc == SQLITE_OK)
        rc = store_probe_init(&c->probe, c->s);
    return rc;
}

xxgk_status xxgk_store_desk(xxgk_store *s, int year, xxgk_desk **out, xxgk_error *err)
{
    *out = NULL;
    if (year < 2019)
        return error_set(err, XXGK_E_USAGE, "需要指定 2019 年或以后的年度");
    desk_owner *o = calloc(1, sizeof *o);
    if (!o)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    arena_init(&o->a, 65536);
    o->d.year = year;
    desk_ctx c = {s, o, year, NULL, NULL, NULL, {0}};
    int rc = prepare_all(&c);
    if (rc == SQLITE_OK)
        rc = fill_rows(&c);
    sqlite3_finalize(c.counted);
    sqlite3_finalize(c.history);
    sqlite3_finalize(c.findings);
    if (c.probe.s)
        store_probe_free(&c.probe);
    xxgk_desk *d = &o->d;
    if (rc == SQLITE_OK) {
        d->region = region_of(d, &o->a);
        tally(d);
        d->strays = (size_t)count(s, d->roster
                                         ? "SELECT count(*) FROM report WHERE year = ?1 AND "
                                           STORE_COUNTED " AND coalesce(body_key, '') NOT LIKE 'b:%'"
                                         : "SELECT count(*) FROM report WHERE year = ?1 AND "
                                           STORE_COUNTED " AND body_key IS NULL",
                                     year);
    }
    if (rc != SQLITE_OK || o->a.failed) {
        xxgk_status st = rc == SQLITE_NOMEM || o->a.failed ? error_set(err, XXGK_E_NOMEM, "内存不足")
                                                            : store_fail(s, err, "读取数据库失败");
        xxgk_desk_free(d);
        return st;
    }
    *out = d;
    return XXGK_OK;
}

void xxgk_desk_free(xxgk_desk *d)
{
    if (!d)
        return;
    desk_owner *o = (desk_owner *)d;
    free(o->d.rows);
    arena_release(&o->a);
    free(o);
}

/* ---- JSON ------------------------------------------------------------------- */

/* A share as a decimal with four places (0.6250), or null. */
static void json_share(jw_writer *w, double v)
{
    if (v < 0) {
        jw_null(w);
        return;
    }
    jw_decimal(w, (xxgk_decimal){(int64_t)(v * 10000 + 0.5), 4});
}

static void json_text_or_null(jw_writer *w, const char *s)
{
    if (s)
        jw_string(w, s);
    else
        jw_null(w);
}

static void json_row(jw_writer *w, const xxgk_desk_row *r)
{
    jw_begin_object(w);
    jw_key(w, "body");
    jw_string(w, r->body);
    jw_key(w, "parent");
    jw_string(w, r->parent ? r->parent : "");
    jw_key(w, "kind");
    jw_string(w, r->kind ? r->kind : "");
    jw_key(w, "state");
    jw_string(w, xxgk_desk_state_name(r->state));
    jw_key(w, "state_text");
    jw_string(w, xxgk_desk_state_text(r->state));
    jw_key(w, "late");
    jw_bool(w, r->late);
    jw_key(w, "deadline");
    jw_string(w, r->deadline);
    jw_key(w, "report_id");
    if (r->report_id)
        jw_int(w, r->report_id);
    else
        jw_null(w);
    jw_key(w, "name");
    json_text_or_null(w, r->name);
    jw_key(w, "path");
    json_text_or_null(w, r->path);
    jw_key(w, "date");
    json_text_or_null(w, r->date);
    jw_key(w, "versions");
    jw_int(w, r->versions);
    jw_key(w, "errors");
    if (r->errors >= 0)
        jw_int(w, r->errors);
    else
        jw_null(w);
    jw_key(w, "warnings");
    if (r->warnings >= 0)
        jw_int(w, r->warnings);
    else
        jw_null(w);
    jw_key(w, "first_error");
    json_text_or_null(w, r->first_error);
    jw_key(w, "applications");
    if (r->applications >= 0)
        jw_int(w, r->applications);
    else
        jw_null(w);
    jw_key(w, "sentences");
    jw_int(w, (long long)r->sentences);
    jw_key(w, "copied_previous");
    json_share(w, r->copied_previous);
    jw_key(w, "copied_others");
    json_share(w, r->copied_others);
    jw_key(w, "findings");
    jw_begin_array(w);
    for (size_t i = 0; i < r->nfindings; i++) {
        const xxgk_desk_finding *f = &r->findings[i];
        jw_begin_object(w);
        jw_key(w, "severity");
        jw_string(w, xxgk_severity_name(f->severity));
        jw_key(w, "rule");
        jw_string(w, f->rule ? f->rule : "");
        jw_key(w, "message");
        jw_string(w, f->message ? f->message : "");
        if (f->expected) {
            jw_key(w, "expected");
            jw_string(w, f->expected);
        }
        jw_end_object(w);
    }
    jw_end_array(w);
    jw_end_object(w);
}

xxgk_status xxgk_desk_write_json(const xxgk_desk *d, FILE *out)
{
    jw_writer w;
    jw_init(&w, out, false);
    jw_begin_object(&w);
    jw_key(&w, "year");
    jw_int(&w, d->year);
    jw_key(&w, "region");
    json_text_or_null(&w, d->region);
    jw_key(&w, "roster");
    jw_bool(&w, d->roster);
    jw_key(&w, "summary");
    jw_begin_object(&w);
    const struct {
        const char *key;
        size_t n;
    } counts[] = {{"bodies", d->nrows},         {"submitted", d->submitted},
                  {"missing", d->missing},      {"errors", d->with_errors},
                  {"corrected", d->corrected},  {"late", d->late},
                  {"strays", d->strays},        {"superseded", d->superseded}};
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        jw_key(&w, counts[i].key);
        jw_int(&w, (long long)counts[i].n);
    }
    jw_end_object(&w);
    jw_key(&w, "rows");
    jw_begin_array(&w);
    for (size_t i = 0; i < d->nrows; i++)
        json_row(&w, &d->rows[i]);
    jw_end_array(&w);
    jw_end_object(&w);
    fputc('\n', out);
    return ferror(out) ? XXGK_E_IO : XXGK_OK;
}
