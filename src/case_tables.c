/*
 * case_tables.c — tables 三 and 四 of a body's report for a year, built
 * from the register by construction (table 二 is case_docs.c): every
 * application counted once in exactly one of new / carried in, and once
 * in exactly one of an outcome row / carried out, so that the identities
 * of the format hold whatever the data (docs/register.md, "Tables").
 *
 * The report is made with the public model API (xxgk_report_new,
 * xxgk_report_set_number), so it is the same model `xxgk parse` prints.
 */
#include <stdio.h>
#include <string.h>

#include "case.h"
#include "input.h"

/* The t3 row keys counted here, besides the outcome rows. */
enum { T3_NEW = 0, T3_CARRIED_IN, T3_CARRIED_OUT, T3_FIXED };
static const char *const fixed_rows[T3_FIXED] = {"new", "carried_in", "carried_out"};

/* Counts by applicant column: rows fixed_rows, then the outcome rows in
 * the order of outcome_rows; [row][XXGK_APPLICANT_COUNT] is the total. */
typedef struct t3_counts {
    int64_t fixed[T3_FIXED][XXGK_APPLICANT_COUNT + 1];
    int64_t outcome[32][XXGK_APPLICANT_COUNT + 1];
} t3_counts;

static int row_of_cell(const char *row, xxgk_format f)
{
    for (size_t i = 0; i < outcome_row_count; i++)
        if (!strcmp(outcome_rows[i].key, row) && outcome_in_format(&outcome_rows[i], f))
            return (int)i;
    return -1;
}

static xxgk_status set_count(xxgk_report *r, const char *table, const char *row,
                             const char *col, int64_t v, xxgk_error *err)
{
    char key[96];
    snprintf(key, sizeof key, "%s.%s.%s", table, row, col);
    int id = xxgk_cell_find(key);
    if (id < 0)
        return error_set(err, XXGK_E_USAGE, "没有表格栏目 %s", key);
    if (!xxgk_format_has_cell(xxgk_report_meta(r)->format, (size_t)id))
        return XXGK_OK;
    return xxgk_report_set_number(r, (size_t)id, (xxgk_decimal){v, 0}) == XXGK_OK
               ? XXGK_OK
               : error_set(err, XXGK_E_NOMEM, "内存不足");
}

/* Runs `sql` (?1 body, ?2 first day, ?3 last day) and adds each row's
 * count (column 2) to counts[applicant], the applicant in column 0 and,
 * when rows is not NULL, the outcome key in column 1. */
static xxgk_status count_rows(xxgk_register *reg, const char *sql, const char *body,
                              const char *from, const char *to, xxgk_format f,
                              int64_t (*counts)[XXGK_APPLICANT_COUNT + 1], bool by_outcome,
                              xxgk_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(reg->db, sql, -1, &st, NULL) != SQLITE_OK)
        return reg_fail(reg, err, "无法读取登记簿");
    sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
    xxgk_status status = XXGK_OK;
    int rc;
    while (status == XXGK_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        xxgk_applicant a;
        if (!xxgk_applicant_find((const char *)sqlite3_column_text(st, 0), &a)) {
            status = error_set(err, XXGK_E_IO, "登记簿中有无法识别的申请人类型");
            break;
        }
        int row = 0;
        if (by_outcome) {
            const char *key = (const char *)sqlite3_column_text(st, 1);
            row = row_of_cell(outcome_cell_row(key, f), f);
            if (row < 0) {
                status = error_set(err, XXGK_E_IO,
                                   "登记簿中有办理结果“%s”不属于该年度格式的申请，无法统计",
                                   key ? key : "");
                break;
            }
        }
        int64_t n = sqlite3_column_int64(st, 2);
        counts[row][a] += n;
        counts[row][XXGK_APPLICANT_COUNT] += n;
    }
    sqlite3_finalize(st);
    return status;
}

#define LIVE "FROM reg_case WHERE body = ?1 AND voided = 0"
static const char sql_new[] =
    "SELECT applicant, NULL, count(*) " LIVE " AND received BETWEEN ?2 AND ?3 GROUP BY applicant";
static const char sql_carried_in[] =
    "SELECT applicant, NULL, count(*) " LIVE " AND received < ?2"
    " AND (closed IS NULL OR closed >= ?2) GROUP BY applicant";
static const char sql_outcomes[] =
    "SELECT applicant, outcome, count(*) " LIVE " AND closed BETWEEN ?2 AND ?3"
    " GROUP BY applicant, outcome";
static const char sql_carried_out[] =
    "SELECT applicant, NULL, count(*) " LIVE " AND received <= ?3"
    " AND (closed IS NULL OR closed > ?3) GROUP BY applicant";

static xxgk_status fill_t3(xxgk_register *reg, xxgk_report *r, const char *body, int year,
                           xxgk_error *err)
{
    xxgk_format f = xxgk_report_meta(r)->format;
    char from[16], to[16];
    snprintf(from, sizeof from, "%04d-01-01", year);
    snprintf(to, sizeof to, "%04d-12-31", year);
    t3_counts c;
    memset(&c, 0, sizeof c);
    xxgk_status st = count_rows(reg, sql_new, body, from, to, f, &c.fixed[T3_NEW], false, err);
    if (st == XXGK_OK)
        st = count_rows(reg, sql_carried_in, body, from, to, f, &c.fixed[T3_CARRIED_IN], false, err);
    if (st == XXGK_OK)
        st = count_rows(reg, sql_outcomes, body, from, to, f, c.outcome, true, err);
    if (st == XXGK_OK)
        st = count_rows(reg, sql_carried_out, body, from, to, f, &c.fixed[T3_CARRIED_OUT], false,
                        err);
    int64_t total[XXGK_APPLICANT_COUNT + 1] = {0};
    for (int a = 0; st == XXGK_OK && a <= XXGK_APPLICANT_COUNT; a++) {
        const char *col = a < XXGK_APPLICANT_COUNT ? xxgk_applicant_key((xxgk_applicant)a) : "total";
        for (int k = 0; st == XXGK_OK && k < T3_FIXED; k++)
            st = set_count(r, "t3", fixed_rows[k], col, c.fixed[k][a], err);
        for (size_t k = 0; st == XXGK_OK && k < outcome_row_count; k++) {
            const outcome_row *o = &outcome_rows[k];
            if (!outcome_in_format(o, f))
                continue;
            total[a] += c.outcome[k][a];
            st = set_count(r, "t3", o->key, col, c.outcome[k][a], err);
        }
        if (st == XXGK_OK)
            st = set_count(r, "t3", "total", col, total[a], err);
    }
    return st;
}

static xxgk_status fill_t4(xxgk_register *reg, xxgk_report *r, const char *body, int year,
                           xxgk_error *err)
{
    static const char sql[] =
        "SELECT m.kind, CASE WHEN m.decided IS NOT NULL AND m.decided <= ?3 THEN m.result"
        " ELSE 'pending' END, count(*) FROM reg_remedy AS m JOIN reg_case AS c"
        " ON c.id = m.case_id WHERE c.body = ?1 AND c.voided = 0"
        " AND (m.filed BETWEEN ?2 AND ?3 OR (m.filed < ?2 AND m.decided BETWEEN ?2 AND ?3))"
        " GROUP BY 1, 2";
    static const char *const groups[] = {"review", "suit_direct", "suit_after_review"};
    static const char *const cols[] = {"upheld", "corrected", "other", "pending"};
    int64_t n[3][5] = {{0}};
    char from[16], to[16];
    snprintf(from, sizeof from, "%04d-01-01", year);
    snprintf(to, sizeof to, "%04d-12-31", year);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(reg->db, sql, -1, &st, NULL) != SQLITE_OK)
        return reg_fail(reg, err, "无法读取登记簿");
    sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *g = (const char *)sqlite3_column_text(st, 0);
        const char *c = (const char *)sqlite3_column_text(st, 1);
        for (int i = 0; i < 3; i++)
            for (int k = 0; k < 4; k++)
                if (g && c && !strcmp(g, groups[i]) && !strcmp(c, cols[k])) {
                    n[i][k] += sqlite3_column_int64(st, 2);
                    n[i][4] += sqlite3_column_int64(st, 2);
                }
    }
    sqlite3_finalize(st);
    xxgk_status status = XXGK_OK;
    for (int i = 0; status == XXGK_OK && i < 3; i++)
        for (int k = 0; status == XXGK_OK && k < 5; k++)
            status = set_count(r, "t4", groups[i], k < 4 ? cols[k] : "total", n[i][k], err);
    return status;
}

xxgk_status xxgk_register_tables(xxgk_register *reg, const char *body, int year,
                                 xxgk_report **out, xxgk_error *err)
{
    *out = NULL;
    if (!body || !*body)
        return error_set(err, XXGK_E_USAGE, "须写明机关名称");
    xxgk_report *r = NULL;
    if (xxgk_report_new(year, XXGK_FORMAT_UNKNOWN, body, &r, err) != XXGK_OK)
        return err->status;
    char title[512], from[16], to[16];
    snprintf(title, sizeof title, "%s%d年政府信息公开工作年度报告", body, year);
    snprintf(from, sizeof from, "%04d-01-01", year);
    snprintf(to, sizeof to, "%04d-12-31", year);
    xxgk_status st = xxgk_report_set_title(r, title) == XXGK_OK &&
                             xxgk_report_set_period(r, from, to) == XXGK_OK
                         ? XXGK_OK
                         : error_set(err, XXGK_E_NOMEM, "内存不足");
    if (st == XXGK_OK)
        st = reg_fill_t2(reg, r, body, year, err);
    if (st == XXGK_OK)
        st = fill_t3(reg, r, body, year, err);
    if (st == XXGK_OK)
        st = fill_t4(reg, r, body, year, err);
    if (st != XXGK_OK) {
        xxgk_report_free(r);
        return st;
    }
    *out = r;
    return XXGK_OK;
}
