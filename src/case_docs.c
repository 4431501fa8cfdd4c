/*
 * case_docs.c — the proactive register behind table 二: documents (规章,
 * 行政规范性文件, other proactive information) with their 文号 and dates of
 * making, publication and repeal, each publication checked against the
 * 20 working days of 第二十六条; decision counts and fees by period; and
 * table 二 of a year built from them.
 *
 * A document row holds its current dates; every change is also an event
 * in reg_event (object "doc" / "tally") with the values before and
 * after. Nothing is deleted: a wrong document is voided with a reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "input.h"

static void bind_date(sqlite3_stmt *st, int col, xxgk_date d)
{
    char b[11];
    if (d)
        sqlite3_bind_text(st, col, xxgk_date_format(d, b, sizeof b), -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, col);
}

static xxgk_date col_date(sqlite3_stmt *st, int col)
{
    xxgk_date d = 0;
    xxgk_date_parse((const char *)sqlite3_column_text(st, col), &d);
    return d;
}

/* {"published":"2024-03-01"} style snapshots of one field. */
static void field_json(char *buf, size_t size, const char *key, xxgk_date d)
{
    char b[11];
    if (d)
        snprintf(buf, size, "{\"%s\":\"%s\"}", key, xxgk_date_format(d, b, sizeof b));
    else
        snprintf(buf, size, "{}");
}

xxgk_status xxgk_register_doc_add(xxgk_register *reg, const xxgk_document *in, int64_t *id,
                                  xxgk_error *err)
{
    if (id)
        *id = 0;
    if (reg_writable(reg, err) != XXGK_OK)
        return err->status;
    xxgk_date today = reg_today(reg);
    if (!in->body || !*in->body || !in->title || !*in->title || !in->made)
        return error_set(err, XXGK_E_USAGE, "登记文件须写明机关、标题和制发日期");
    if ((unsigned)in->kind > XXGK_DOC_OTHER)
        return error_set(err, XXGK_E_USAGE, "文件种类无效");
    if (in->made > today || in->published > today || in->repealed > today)
        return error_set(err, XXGK_E_USAGE, "日期晚于今天");
    if ((in->published && in->published < in->made) || (in->repealed && in->repealed < in->made))
        return error_set(err, XXGK_E_USAGE, "公开或废止日期早于制发日期");
    if (reg_begin(reg, err) != XXGK_OK)
        return err->status;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(reg->db,
                                "INSERT INTO reg_doc(body, kind, number, title, made, published,"
                                " repealed) VALUES(?, ?, ?, ?, ?, ?, ?)",
                                -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, in->body, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, xxgk_doc_kind_key(in->kind), -1, SQLITE_STATIC);
        if (in->number)
            sqlite3_bind_text(st, 3, in->number, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, in->title, -1, SQLITE_STATIC);
        bind_date(st, 5, in->made);
        bind_date(st, 6, in->published);
        bind_date(st, 7, in->repealed);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
        sqlite3_finalize(st);
    }
    xxgk_status status = rc == SQLITE_OK ? XXGK_OK : reg_fail(reg, err, "无法写入登记簿");
    int64_t new_id = sqlite3_last_insert_rowid(reg->db);
    if (status == XXGK_OK) {
        char after[128];
        field_json(after, sizeof after, "made", in->made);
        status = reg_log(reg, "doc", new_id, "added", in->made, "{}", NULL, after, NULL, err);
    }
    xxgk_status end = reg_end(reg, status == XXGK_OK, status == XXGK_OK ? err : NULL);
    if (status == XXGK_OK && end == XXGK_OK && id)
        *id = new_id;
    return status == XXGK_OK ? end : status;
}

/* Sets one date column of a document that has none yet; logged. */
static xxgk_status doc_set(xxgk_register *reg, int64_t id, const char *column, const char *kind,
                           const char *label, xxgk_date date, xxgk_error *err)
{
    if (reg_writable(reg, err) != XXGK_OK)
        return err->status;
    if (!date || date > reg_today(reg))
        return error_set(err, XXGK_E_USAGE, "%s应为不晚于今天的日期", label);
    if (reg_begin(reg, err) != XXGK_OK)
        return err->status;
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT made, %s, voided FROM reg_doc WHERE id = ?", column);
    sqlite3_stmt *st;
    xxgk_status status = XXGK_OK;
    if (sqlite3_prepare_v2(reg->db, sql, -1, &st, NULL) != SQLITE_OK)
        status = reg_fail(reg, err, "无法读取登记簿");
    if (status == XXGK_OK) {
        sqlite3_bind_int64(st, 1, id);
        char b[11];
        if (sqlite3_step(st) != SQLITE_ROW)
            status = error_set(err, XXGK_E_USAGE, "登记簿中没有编号为 %lld 的文件", (long long)id);
        else if (sqlite3_column_int(st, 2))
            status = error_set(err, XXGK_E_USAGE, "该文件已作废");
        else if (sqlite3_column_type(st, 1) != SQLITE_NULL)
            status = error_set(err, XXGK_E_USAGE, "已登记%s %s；如有误请作废该文件后重新登记",
                               label, (const char *)sqlite3_column_text(st, 1));
        else if (date < col_date(st, 0))
            status = error_set(err, XXGK_E_USAGE, "%s早于制发日期（%s）", label,
                               xxgk_date_format(col_date(st, 0), b, sizeof b));
        sqlite3_finalize(st);
    }
    if (status == XXGK_OK) {
        snprintf(sql, sizeof sql, "UPDATE reg_doc SET %s = ? WHERE id = ?", column);
        if (sqlite3_prepare_v2(reg->db, sql, -1, &st, NULL) != SQLITE_OK)
            status = reg_fail(reg, err, "无法写入登记簿");
        else {
            bind_date(st, 1, date);
            sqlite3_bind_int64(st, 2, id);
            if (sqlite3_step(st) != SQLITE_DONE)
                status = reg_fail(reg, err, "无法写入登记簿");
            sqlite3_finalize(st);
        }
    }
    if (status == XXGK_OK) {
        char after[128];
        field_json(after, sizeof after, column, date);
        status = reg_log(reg, "doc", id, kind, date, after, "{}", after, NULL, err);
    }
    xxgk_status end = reg_end(reg, status == XXGK_OK, status == XXGK_OK ? err : NULL);
    return status == XXGK_OK ? end : status;
}

xxgk_status xxgk_register_doc_published(xxgk_register *reg, int64_t id, xxgk_date date,
                                        xxgk_error *err)
{
    return doc_set(reg, id, "published", "published", "公开日期", date, err);
}

xxgk_status xxgk_register_doc_repealed(xxgk_register *reg, int64_t id, xxgk_date date,
                                       xxgk_error *err)
{
    return doc_set(reg, id, "repealed", "repealed", "废止或失效日期", date, err);
}

xxgk_status xxgk_register_doc_void(xxgk_register *reg, int64_t id, const char *reason,
                                   xxgk_error *err)
{
    if (reg_writable(reg, err) != XXGK_OK)
        return err->status;
    if (!reason || !*reason)
        return error_set(err, XXGK_E_USAGE, "作废须写明原因");
    if (reg_begin(reg, err) != XXGK_OK)
        return err->status;
    sqlite3_stmt *st;
    xxgk_status status = XXGK_OK;
    if (sqlite3_prepare_v2(reg->db,
                           "UPDATE reg_doc SET voided = 1, void_reason = ? WHERE id = ? AND voided = 0",
                           -1, &st, NULL) != SQLITE_OK)
        status = reg_fail(reg, err, "无法写入登记簿");
    if (status == XXGK_OK) {
        sqlite3_bind_text(st, 1, reason, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, id);
        if (sqlite3_step(st) != SQLITE_DONE)
            status = reg_fail(reg, err, "无法写入登记簿");
        else if (sqlite3_changes(reg->db) == 0)
            status = error_set(err, XXGK_E_USAGE, "没有编号为 %lld 且未作废的文件", (long long)id);
        sqlite3_finalize(st);
    }
    if (status == XXGK_OK) {
        char *data = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&data, &len);
        if (f) {
            fputs("{\"reason\":\"", f);
            for (const char *p = reason; *p; p++)
                if (*p == '"' || *p == '\\')
                    fprintf(f, "\\%c", *p);
                else if ((unsigned char)*p < 0x20)
                    fputc(' ', f);
                else
                    fputc(*p, f);
            fputs("\"}", f);
            fclose(f);
        }
        status = data ? reg_log(reg, "doc", id, "void", 0, data, "{\"voided\":false}",
                                "{\"voided\":true}", NULL, err)
                      : error_set(err, XXGK_E_NOMEM, "内存不足");
        free(data);
    }
    xxgk_status end = reg_end(reg, status == XXGK_OK, status == XXGK_OK ? err : NULL);
    return status == XXGK_OK ? end : status;
}

/* The publication deadline of 第二十六条: 20 working days after making. */
static xxgk_deadline publication(const xxgk_calendar *cal, xxgk_date made, xxgk_date published,
                                 xxgk_date today, char *note, size_t size)
{
    xxgk_deadline d = {XXGK_DEADLINE_PUBLICATION, "主动公开期限", "第二十六条", made, 20, 0, published,
                       XXGK_DUE_OPEN, NULL, -1};
    xxgk_error err = {0};
    if (xxgk_calendar_add_working_days(cal, made, 20, &d.due, &err) != XXGK_OK) {
        snprintf(note, size, "%s", err.message);
        d.note = note;
        d.status = XXGK_DUE_UNKNOWN;
        d.due = 0;
        return d;
    }
    if (published)
        d.status = published <= d.due ? XXGK_DUE_MET : XXGK_DUE_LATE;
    else
        d.status = today > d.due ? XXGK_DUE_OVERDUE : XXGK_DUE_OPEN;
    return d;
}

xxgk_status xxgk_register_docs(xxgk_register *reg, const char *body, int year, bool include_void,
                               xxgk_date today, xxgk_doc_fn fn, void *ctx, xxgk_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(reg->db,
                           "SELECT id, body, kind, number, title, made, published, repealed,"
                           " voided, void_reason FROM reg_doc WHERE (?1 IS NULL OR body = ?1)"
                           " AND (?2 = 0 OR substr(made, 1, 4) = printf('%04d', ?2))"
                           " AND (?3 OR voided = 0) ORDER BY body, made, id",
                           -1, &st, NULL) != SQLITE_OK)
        return reg_fail(reg, err, "无法读取登记簿");
    if (body)
        sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, year);
    sqlite3_bind_int(st, 3, include_void);
    if (!today)
        today = reg_today(reg);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xxgk_document d = {0};
        char note[256];
        d.id = sqlite3_column_int64(st, 0);
        d.body = (const char *)sqlite3_column_text(st, 1);
        xxgk_doc_kind_find((const char *)sqlite3_column_text(st, 2), &d.kind);
        d.number = (const char *)sqlite3_column_text(st, 3);
        d.title = (const char *)sqlite3_column_text(st, 4);
        d.made = col_date(st, 5);
        d.published = col_date(st, 6);
        d.repealed = col_date(st, 7);
        d.voided = sqlite3_column_int(st, 8);
        d.void_reason = (const char *)sqlite3_column_text(st, 9);
        d.publication = publication(reg->cal, d.made, d.published, today, note, sizeof note);
        if (fn(ctx, &d))
            break;
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? XXGK_OK : reg_fail(reg, err, "无法读取登记簿");
}

/* ---- tallies --------------------------------------------------------------- */

xxgk_status xxgk_register_tally(xxgk_register *reg, const char *body, xxgk_tally_kind kind,
                                xxgk_date from, xxgk_date to, xxgk_decimal value,
                                xxgk_error *err)
{
    if (reg_writable(reg, err) != XXGK_OK)
        return err->status;
    int y1, y2, m, d;
    xxgk_date_split(from, &y1, &m, &d);
    xxgk_date_split(to, &y2, &m, &d);
    if (!body || !*body || !from || !to || to < from || y1 != y2)
        return error_set(err, XXGK_E_USAGE, "统计期间应在同一年内，起日不晚于止日，并写明机关");
    if ((unsigned)kind > XXGK_TALLY_FEES)
        return error_set(err, XXGK_E_USAGE, "统计种类无效");
    if (value.units < 0 || (kind != XXGK_TALLY_FEES && value.scale != 0 && value.units != 0))
        return error_set(err, XXGK_E_USAGE, kind == XXGK_TALLY_FEES ? "金额不能为负数"
                                                                   : "件数应为非负整数");
    if (reg_begin(reg, err) != XXGK_OK)
        return err->status;
    char f[11], t[11], v[48];
    xxgk_date_format(from, f, sizeof f);
    xxgk_date_format(to, t, sizeof t);
    xxgk_decimal_format(value, v, sizeof v);
    sqlite3_stmt *st;
    xxgk_status status = XXGK_OK;
    int64_t same = 0;
    char old[48] = "";
    if (sqlite3_prepare_v2(reg->db,
                           "SELECT id, period_from, period_to, value FROM reg_tally WHERE body = ?"
                           " AND kind = ? AND period_from <= ? AND period_to >= ?",
                           -1, &st, NULL) != SQLITE_OK)
        status = reg_fail(reg, err, "无法读取登记簿");
    if (status == XXGK_OK) {
        sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, xxgk_tally_kind_key(kind), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, t, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, f, -1, SQLITE_STATIC);
        while (status == XXGK_OK && sqlite3_step(st) == SQLITE_ROW) {
            const char *pf = (const char *)sqlite3_column_text(st, 1);
            const char *pt = (const char *)sqlite3_column_text(st, 2);
            if (!strcmp(pf, f) && !strcmp(pt, t)) {
                same = sqlite3_column_int64(st, 0);
                snprintf(old, sizeof old, "%s", (const char *)sqlite3_column_text(st, 3));
            } else {
                status = error_set(err, XXGK_E_USAGE, "与已登记的统计期间 %s 至 %s 重叠", pf, pt);
            }
        }
        sqlite3_finalize(st);
    }
    if (status == XXGK_OK) {
        const char *sql = same ? "UPDATE reg_tally SET value = ?4 WHERE id = ?5"
                               : "INSERT INTO reg_tally(body, kind, period_from, period_to, value)"
                                 " VALUES(?1, ?2, ?3, ?6, ?4)";
        if (sqlite3_prepare_v2(reg->db, sql, -1, &st, NULL) != SQLITE_OK)
            status = reg_fail(reg, err, "无法写入登记簿");
        else {
            sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 2, xxgk_tally_kind_key(kind), -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, f, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 4, v, -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 5, same);
            sqlite3_bind_text(st, 6, t, -1, SQLITE_STATIC);
            if (sqlite3_step(st) != SQLITE_DONE)
                status = reg_fail(reg, err, "无法写入登记簿");
            sqlite3_finalize(st);
        }
    }
    if (status == XXGK_OK) {
        int64_t tid = same ? same : sqlite3_last_insert_rowid(reg->db);
        char data[256], before[96], after[96];
        snprintf(data, sizeof data, "{\"kind\":\"%s\",\"from\":\"%s\",\"to\":\"%s\",\"value\":\"%s\"}",
                 xxgk_tally_kind_key(kind), f, t, v);
        if (same)
            snprintf(before, sizeof before, "{\"value\":\"%s\"}", old);
        snprintf(after, sizeof after, "{\"value\":\"%s\"}", v);
        status = reg_log(reg, "tally", tid, same ? "replaced" : "recorded", from, data,
                         same ? before : NULL, after, NULL, err);
    }
    xxgk_status end = reg_end(reg, status == XXGK_OK, status == XXGK_OK ? err : NULL);
    return status == XXGK_OK ? end : status;
}

/* ---- table 二 ------------------------------------------------------------ */

/* One integer from a query with ?1 body, ?2 first day, ?3 last day, ?4
 * kind; -1 on failure. */
static int64_t scalar(xxgk_register *reg, const char *sql, const char *body, const char *from,
                      const char *to, const char *kind)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(reg->db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
    int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

static xxgk_status set_cell(xxgk_report *r, const char *key, xxgk_decimal v, xxgk_error *err)
{
    int id = xxgk_cell_find(key);
    if (id < 0 || !xxgk_format_has_cell(xxgk_report_meta(r)->format, (size_t)id))
        return XXGK_OK;
    return xxgk_report_set_number(r, (size_t)id, v) == XXGK_OK
               ? XXGK_OK
               : error_set(err, XXGK_E_NOMEM, "内存不足");
}

#define DOCS "FROM reg_doc WHERE body = ?1 AND kind = ?4 AND voided = 0"
/* What the register counts for each column of table 二's document rows,
 * by the column's key in the template (whichever format has it). */
static const struct doc_column {
    const char *column;
    const char *sql;
} doc_columns[] = {
    {"made", "SELECT count(*) " DOCS " AND made BETWEEN ?2 AND ?3"},
    {"repealed", "SELECT count(*) " DOCS " AND repealed BETWEEN ?2 AND ?3"},
    {"in_force",
     "SELECT count(*) " DOCS " AND made <= ?3 AND (repealed IS NULL OR repealed > ?3)"},
    {"new_made", "SELECT count(*) " DOCS " AND made BETWEEN ?2 AND ?3"},
    {"new_published", "SELECT count(*) " DOCS " AND published BETWEEN ?2 AND ?3"},
    {"total_published",
     "SELECT count(*) " DOCS " AND published <= ?3 AND (repealed IS NULL OR repealed > ?3)"},
};

static xxgk_status fill_docs(xxgk_register *reg, xxgk_report *r, const char *body,
                             const char *from, const char *to, xxgk_error *err)
{
    const char *kinds[] = {"rules", "normative"};
    for (int k = 0; k < 2; k++) {
        int64_t any = scalar(reg, "SELECT count(*) " DOCS, body, from, to, kinds[k]);
        if (any < 0)
            return reg_fail(reg, err, "无法读取登记簿");
        for (size_t c = 0; any > 0 && c < sizeof doc_columns / sizeof doc_columns[0]; c++) {
            /* (set_cell leaves out the columns the report's format lacks) */
            char key[64];
            snprintf(key, sizeof key, "t2.%s.%s", kinds[k], doc_columns[c].column);
            int id = xxgk_cell_find(key);
            if (id < 0 || !xxgk_format_has_cell(xxgk_report_meta(r)->format, (size_t)id))
                continue;
            int64_t n = scalar(reg, doc_columns[c].sql, body, from, to, kinds[k]);
            if (n < 0)
                return reg_fail(reg, err, "无法读取登记簿");
            if (set_cell(r, key, (xxgk_decimal){n, 0}, err) != XXGK_OK)
                return err->status;
        }
    }
    return XXGK_OK;
}

/* The sum of a body's tallies of `kind` over the periods in the year;
 * *any false when the body never recorded that kind. */
static xxgk_status tally_sum(xxgk_register *reg, const char *body, const char *kind,
                             const char *from, const char *to, xxgk_decimal *sum, bool *any,
                             xxgk_error *err)
{
    *sum = (xxgk_decimal){0, 0};
    *any = scalar(reg, "SELECT count(*) FROM reg_tally WHERE body = ?1 AND kind = ?4", body, from,
                  to, kind) > 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(reg->db,
                           "SELECT value FROM reg_tally WHERE body = ?1 AND kind = ?2"
                           " AND period_from BETWEEN ?3 AND ?4",
                           -1, &st, NULL) != SQLITE_OK)
        return reg_fail(reg, err, "无法读取登记簿");
    sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, to, -1, SQLITE_STATIC);
    xxgk_status status = XXGK_OK;
    while (status == XXGK_OK && sqlite3_step(st) == SQLITE_ROW) {
        xxgk_decimal v;
        if (!xxgk_decimal_parse((const char *)sqlite3_column_text(st, 0), &v) ||
            !store_decimal_add(sum, v))
            status = error_set(err, XXGK_E_IO, "登记簿中的统计数值无法累加");
    }
    sqlite3_finalize(st);
    return status;
}

xxgk_status reg_fill_t2(xxgk_register *reg, xxgk_report *r, const char *body, int year,
                         xxgk_error *err)
{
    char from[16], to[16];
    snprintf(from, sizeof from, "%04d-01-01", year);
    snprintf(to, sizeof to, "%04d-12-31", year);
    if (fill_docs(reg, r, body, from, to, err) != XXGK_OK)
        return err->status;
    static const struct { const char *kind, *cell; } tallies[] = {
        {"licensing", "t2.licensing.decisions"},
        {"penalty", "t2.penalty.decisions"},
        {"coercion", "t2.coercion.decisions"},
        {"fees", "t2.fees.amount"},
    };
    for (size_t k = 0; k < sizeof tallies / sizeof tallies[0]; k++) {
        xxgk_decimal sum;
        bool any;
        if (tally_sum(reg, body, tallies[k].kind, from, to, &sum, &any, err) != XXGK_OK)
            return err->status;
        if (any && set_cell(r, tallies[k].cell, sum, err) != XXGK_OK)
            return err->status;
    }
    return XXGK_OK;
}
