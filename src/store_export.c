/*
 * store_export.c — `xxgk db export`: one row per selected report, one
 * column per cell, as CSV or XLSX, for Chinese Excel: headers in Chinese
 * (表三 一、本年新收政府信息公开申请数量 自然人; the cell keys on request),
 * a UTF-8 BOM on the CSV so that Excel reads it as UTF-8, only the cells
 * of the formats the selected reports are in.
 *
 * The column order is a documented contract (docs/schema.md, "Export
 * columns"): the report columns below, then the cells in registry order
 * (xxgk_cell_key(0) …), then the finding counts and rule ids. A new
 * format version appends keys to the registry of its table, so scripts
 * should address cell columns by their header, not their position.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "input.h"
#include "lazy.h"
#include "quiet.h"
#include "render.h"
#include "store.h"
#include "template.h"

/* Leading columns: key, Chinese header, and whether the value is a number. */
static const struct {
    const char *name, *chinese;
    bool number;
} head[] = {
    {"id", "编号", true},         {"path", "文件", false},          {"sha256", "SHA-256", false},
    {"version", "版本", true},    {"year", "年度", true},           {"format", "格式", true},
    {"title", "标题", false},     {"body", "机关", false},          {"date", "成文日期", false},
    {"period_from", "统计起始日期", false}, {"period_to", "统计截止日期", false},
};
enum { NHEAD = sizeof head / sizeof head[0] };

/* Trailing columns, after the cells. */
static const char *const tail_names[] = {"errors", "warnings", "notes", "rules"};
static const char *const tail_chinese[] = {"错误", "警告", "提示", "规则"};
enum { NTAIL = 4 };

/* ---- which cells, under which headers ------------------------------------ */

/* "（二）部分公开（区分处理的…）" → "（二）部分公开": a second parenthesis
 * is a note, not the name. */
static void short_label(const char *label, char *out, size_t size)
{
    const char *open = "（";
    const char *second = strstr(label + (strncmp(label, open, 3) == 0 ? 3 : 0), open);
    size_t n = second ? (size_t)(second - label) : strlen(label);
    snprintf(out, size, "%.*s", (int)n, label);
}

void store_cell_header(size_t id, char *out, size_t size)
{
    static const char *const tables[] = {"", "", "表二", "表三", "表四"};
    const tpl_cell_info *info = tpl_cell(id);
    const tpl_row *row = &info->table->rows[info->row];
    char mine[160], group[160] = "";
    short_label(row->label, mine, sizeof mine);
    if (row->group >= 0 && info->table->rows[row->group].group >= 0)
        short_label(info->table->rows[row->group].label, group, sizeof group);
    int section = info->table->section;
    snprintf(out, size, "%s %s%s%s %s", section >= 2 && section <= 4 ? tables[section] : "",
             group, *group ? " " : "", mine, xxgk_cell_column_label(id));
}

/* The cells to write: every cell of a format some selected report is in
 * (all of them when a report's format is unknown). */
typedef struct export_plan {
    bool keys;
    bool *cell;        /* cell[id]: written */
} export_plan;

static xxgk_status plan_columns(xxgk_store *s, const xxgk_store_filter *f,
                                const xxgk_export_options *opt, export_plan *plan,
                                xxgk_error *err)
{
    plan->keys = opt && opt->keys;
    plan->cell = calloc(xxgk_cell_count(), sizeof *plan->cell);
    if (!plan->cell)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    sqlite3_stmt *st = store_select(s, f, "DISTINCT report.format", NULL, NULL, err);
    if (!st)
        return err->status;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        xxgk_format fmt = store_format(sqlite3_column_int(st, 0));
        for (size_t i = 0; i < xxgk_cell_count(); i++)
            plan->cell[i] |= fmt == XXGK_FORMAT_UNKNOWN || xxgk_format_has_cell(fmt, i);
    }
    store_done(s, st);
    return rc == SQLITE_DONE ? XXGK_OK : store_fail(s, err, "读取数据库失败");
}

/* Selected columns: the head, the tail, then cells.* (any order: mapped
 * to registry ids by name). */
static const char export_cols[] =
    "report.id, report.path, report.sha256, report.version, report.year, report.format,"
    " report.title, report.body, report.date, report.period_from, report.period_to,"
    " report.errors, report.warnings, report.notes,"
    " (SELECT group_concat(rule, ' ') FROM (SELECT rule FROM finding"
    "   WHERE finding.report_id = report.id GROUP BY rule ORDER BY min(seq))),"
    " cells.*";
enum { FIRST_CELL_COL = NHEAD + NTAIL };

static const char export_order[] = "ORDER BY report.year, report.body, report.id";

/* Walks the export rows: row(ctx, st, cells) with the cells of the row in
 * registry order. */
typedef bool (*export_row_fn)(void *ctx, sqlite3_stmt *st, const xxgk_cell *cells);

static xxgk_status each_export_row(xxgk_store *s, const xxgk_store_filter *f, export_row_fn fn,
                                   void *ctx, xxgk_error *err)
{
    sqlite3_stmt *st = store_select(s, f, export_cols, NULL, export_order, err);
    if (!st)
        return err->status;
    size_t ncells = xxgk_cell_count();
    int *map = store_cell_columns(st, FIRST_CELL_COL);
    xxgk_cell *cells = calloc(ncells, sizeof *cells);
    xxgk_status status = map && cells ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
    int rc = SQLITE_DONE, n = sqlite3_column_count(st);
    while (status == XXGK_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (size_t i = 0; i < ncells; i++)
            cells[i] = (xxgk_cell){.raw = ""};
        for (int c = FIRST_CELL_COL; c < n; c++)
            if (map[c] >= 0 && (size_t)map[c] < ncells)
                store_value_to_cell(st, c, &cells[map[c]]);
        if (!fn(ctx, st, cells))
            status = error_set(err, XXGK_E_IO, "写入失败：%s", sys_error_text(errno ? errno : EIO));
    }
    if (status == XXGK_OK && rc != SQLITE_DONE)
        status = store_fail(s, err, "读取数据库失败");
    free(map);
    free(cells);
    store_done(s, st);
    return status;
}

/* ---- CSV ------------------------------------------------------------ */

static void csv_field(FILE *out, const char *s, bool first)
{
    if (!first)
        fputc(',', out);
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void csv_header(FILE *out, const export_plan *plan)
{
    fputs("\xEF\xBB\xBF", out); /* the BOM: Excel then reads UTF-8 */
    for (int i = 0; i < NHEAD; i++)
        csv_field(out, plan->keys ? head[i].name : head[i].chinese, i == 0);
    for (size_t i = 0; i < xxgk_cell_count(); i++) {
        if (!plan->cell[i])
            continue;
        char label[512];
        store_cell_header(i, label, sizeof label);
        csv_field(out, plan->keys ? xxgk_cell_key(i) : label, false);
    }
    for (int i = 0; i < NTAIL; i++)
        csv_field(out, plan->keys ? tail_names[i] : tail_chinese[i], false);
    fputc('\n', out);
}

typedef struct csv_out {
    FILE *out;
    const export_plan *plan;
} csv_out;

static bool csv_row(void *ctx, sqlite3_stmt *st, const xxgk_cell *cells)
{
    csv_out *c = ctx;
    FILE *out = c->out;
    for (int i = 0; i < NHEAD; i++)
        csv_field(out, (const char *)sqlite3_column_text(st, i), i == 0);
    for (size_t i = 0; i < xxgk_cell_count(); i++) {
        if (!c->plan->cell[i])
            continue;
        char buf[48] = "";
        if (cells[i].kind == XXGK_VALUE_NUMBER)
            xxgk_decimal_format(cells[i].value, buf, sizeof buf);
        csv_field(out, buf, false);
    }
    for (int i = 0; i < NTAIL; i++)
        csv_field(out, (const char *)sqlite3_column_text(st, NHEAD + i), false);
    fputc('\n', out);
    return !ferror(out);
}

xxgk_status xxgk_store_export_csv_with(xxgk_store *s, const xxgk_store_filter *f,
                                       const xxgk_export_options *opt, FILE *out,
                                       xxgk_error *err)
{
    xxgk_error local;
    if (!err)
        err = &local;
    export_plan plan;
    xxgk_status status = plan_columns(s, f, opt, &plan, err);
    csv_out c = {out, &plan};
    if (status == XXGK_OK) {
        csv_header(out, &plan);
        /* the header alone may fill a disk: the reason is taken now,
         * before SQLite's calls can change errno */
        status = ferror(out) ? error_set(err, XXGK_E_IO, "写入失败：%s",
                                         sys_error_text(errno ? errno : EIO))
                             : each_export_row(s, f, csv_row, &c, err);
    }
    if (status == XXGK_OK && (fflush(out) != 0 || ferror(out)))
        status = error_set(err, XXGK_E_IO, "写入失败：%s", sys_error_text(errno ? errno : EIO));
    free(plan.cell);
    return status;
}

xxgk_status xxgk_store_export_csv(xxgk_store *s, const xxgk_store_filter *f, FILE *out,
                                  xxgk_error *err)
{
    return xxgk_store_export_csv_with(s, f, NULL, out, err);
}

/* ---- XLSX ----------------------------------------------------------- */

typedef struct xlsx_out {
    lxw_worksheet *sheet;
    lxw_format *bold;
    lxw_row_t row;
    const export_plan *plan;
} xlsx_out;

static void xlsx_value(xlsx_out *x, lxw_col_t col, sqlite3_stmt *st, int i, bool number)
{
    int type = sqlite3_column_type(st, i);
    if (type == SQLITE_NULL)
        return;
    if (number && (type == SQLITE_INTEGER || type == SQLITE_FLOAT))
        worksheet_write_number(x->sheet, x->row, col, sqlite3_column_double(st, i), NULL);
    else
        worksheet_write_string(x->sheet, x->row, col, (const char *)sqlite3_column_text(st, i),
                               NULL);
}

static bool xlsx_row(void *ctx, sqlite3_stmt *st, const xxgk_cell *cells)
{
    xlsx_out *x = ctx;
    lxw_col_t col = 0;
    for (int i = 0; i < NHEAD; i++)
        xlsx_value(x, col++, st, i, head[i].number);
    for (size_t i = 0; i < xxgk_cell_count(); i++) {
        if (!x->plan->cell[i])
            continue;
        col++;
        if (cells[i].kind != XXGK_VALUE_NUMBER)
            continue;
        char buf[48];
        xxgk_decimal_format(cells[i].value, buf, sizeof buf);
        worksheet_write_number(x->sheet, x->row, col - 1, strtod(buf, NULL), NULL);
    }
    for (int i = 0; i < NTAIL; i++)
        xlsx_value(x, col++, st, NHEAD + i, i < 3);
    x->row++;
    return true;
}

static void xlsx_header(xlsx_out *x, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        worksheet_write_string(x->sheet, 0, (lxw_col_t)i, names[i], x->bold);
    worksheet_freeze_panes(x->sheet, 1, 0);
    x->row = 1;
}

static xxgk_status xlsx_reports(xxgk_store *s, const xxgk_store_filter *f, lxw_workbook *wb,
                                lxw_format *bold, const export_plan *plan, xxgk_error *err)
{
    xlsx_out x = {workbook_add_worksheet(wb, "报告"), bold, 0, plan};
    size_t n = NHEAD + xxgk_cell_count() + NTAIL, k = 0;
    const char **names = malloc(n * sizeof *names);
    char (*labels)[512] = malloc(xxgk_cell_count() * sizeof *labels);
    if (!names || !labels || !x.sheet) {
        free(names);
        free(labels);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    for (int i = 0; i < NHEAD; i++)
        names[k++] = plan->keys ? head[i].name : head[i].chinese;
    for (size_t i = 0; i < xxgk_cell_count(); i++) {
        if (!plan->cell[i])
            continue;
        store_cell_header(i, labels[i], sizeof labels[i]);
        names[k++] = plan->keys ? xxgk_cell_key(i) : labels[i];
    }
    for (int i = 0; i < NTAIL; i++)
        names[k++] = plan->keys ? tail_names[i] : tail_chinese[i];
    xlsx_header(&x, names, k);
    free(names);
    free(labels);
    return each_export_row(s, f, xlsx_row, &x, err);
}

/* The second sheet: every finding of the selected reports. */
static xxgk_status xlsx_findings(xxgk_store *s, const xxgk_store_filter *f, lxw_workbook *wb,
                                 lxw_format *bold, const export_plan *plan, xxgk_error *err)
{
    static const char *const keys[] = {"report_id", "path",    "year",     "body",
                                       "severity",  "rule",    "line",     "message",
                                       "expected",  "cells"};
    static const char *const chinese[] = {"报告编号", "文件", "年度", "机关", "级别",
                                          "规则",     "行",   "问题", "应为", "栏目"};
    static const bool number[] = {true, false, true, false, false, false, true, false, false,
                                  false};
    xlsx_out x = {workbook_add_worksheet(wb, "问题"), bold, 0, plan};
    if (!x.sheet)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    xlsx_header(&x, plan->keys ? keys : chinese, 10);
    sqlite3_stmt *st = store_select(
        s, f,
        "report.id, report.path, report.year, report.body, finding.severity, finding.rule,"
        " finding.line, finding.message, finding.expected, finding.cells",
        "JOIN finding ON finding.report_id = report.id",
        "ORDER BY report.year, report.body, report.id, finding.seq", err);
    if (!st)
        return err->status;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < 10; i++) {
            const char *sev = i == 4 ? (const char *)sqlite3_column_text(st, 4) : NULL;
            if (sev && !plan->keys) /* 错误, 警告, 提示 */
                worksheet_write_string(x.sheet, x.row, 4,
                                       xxgk_severity_text(!strcmp(sev, "error")     ? XXGK_ERROR
                                                          : !strcmp(sev, "warning") ? XXGK_WARNING
                                                                                    : XXGK_NOTE),
                                       NULL);
            else
                xlsx_value(&x, (lxw_col_t)i, st, i, number[i]);
        }
        x.row++;
    }
    xxgk_status status = rc == SQLITE_DONE ? XXGK_OK : store_fail(s, err, "读取数据库失败");
    store_done(s, st);
    return status;
}

/* The third sheet: what each cell key means, in the official labels. */
static void xlsx_keys(lxw_workbook *wb, lxw_format *bold, const export_plan *plan)
{
    static const char *const names[] = {"键 key", "列标题", "行", "栏"};
    xlsx_out x = {workbook_add_worksheet(wb, "栏目说明"), bold, 0, plan};
    if (!x.sheet)
        return;
    xlsx_header(&x, names, 4);
    for (size_t i = 0; i < xxgk_cell_count(); i++) {
        if (!plan->cell[i])
            continue;
        char label[512];
        store_cell_header(i, label, sizeof label);
        worksheet_write_string(x.sheet, x.row, 0, xxgk_cell_key(i), NULL);
        worksheet_write_string(x.sheet, x.row, 1, label, NULL);
        worksheet_write_string(x.sheet, x.row, 2, xxgk_cell_row_label(i), NULL);
        worksheet_write_string(x.sheet, x.row, 3, xxgk_cell_column_label(i), NULL);
        x.row++;
    }
}

/* Writes the workbook to the file `path` (a temporary or spool file);
 * messages name `name`. libxlsxwriter's own "[ERROR]" lines are captured
 * and their reason goes into the message. */
static xxgk_status export_xlsx_named(xxgk_store *s, const xxgk_store_filter *f,
                                     const xxgk_export_options *options, const char *path,
                                     const char *name, xxgk_error *err)
{
    export_plan plan;
    xxgk_status status = plan_columns(s, f, options, &plan, err);
    if (status != XXGK_OK) {
        free(plan.cell);
        return status;
    }
    if (!lazy_load(&lazy_xlsxwriter_lib, err)) {
        free(plan.cell);
        return err->status;
    }
    quiet_stderr q;
    quiet_begin(&q);
    /* constant_memory: rows go to disk as they are written, so 100,000
     * reports × 240 columns do not have to fit in memory. */
    lxw_workbook_options lo = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(path, &lo);
    lxw_error e = LXW_NO_ERROR;
    if (!wb) {
        status = error_set(err, XXGK_E_IO, "%s：无法建立 XLSX 文件", name);
    } else {
        lxw_format *bold = workbook_add_format(wb);
        format_set_bold(bold);
        status = xlsx_reports(s, f, wb, bold, &plan, err);
        if (status == XXGK_OK)
            status = xlsx_findings(s, f, wb, bold, &plan, err);
        if (status == XXGK_OK)
            xlsx_keys(wb, bold, &plan);
        e = workbook_close(wb);
    }
    char why[256];
    quiet_end(&q, why, sizeof why);
    if (status == XXGK_OK && e != LXW_NO_ERROR)
        status = error_set(err, XXGK_E_IO, "%s：写入 XLSX 失败：%s", name,
                           *why ? why : lxw_strerror(e));
    free(plan.cell);
    return status;
}

xxgk_status xxgk_store_export_xlsx_with(xxgk_store *s, const xxgk_store_filter *f,
                                        const xxgk_export_options *opt, const char *path,
                                        xxgk_error *err)
{
    return xxgk_store_export_file(s, f, opt, "xlsx", path, true, err);
}

xxgk_status xxgk_store_export_xlsx(xxgk_store *s, const xxgk_store_filter *f, const char *path,
                                   xxgk_error *err)
{
    return xxgk_store_export_xlsx_with(s, f, NULL, path, err);
}

xxgk_status xxgk_store_export_file(xxgk_store *s, const xxgk_store_filter *f,
                                   const xxgk_export_options *options, const char *format,
                                   const char *path, bool overwrite, xxgk_error *err)
{
    xxgk_error local;
    if (!err)
        err = &local;
    bool xlsx = format && !strcmp(format, "xlsx");
    if (!xlsx && (!format || strcmp(format, "csv")))
        return error_set(err, XXGK_E_USAGE, "导出格式应为 csv 或 xlsx");
    if (!path || !*path)
        return error_set(err, XXGK_E_USAGE, "没有给出导出文件名");
    atomic_file af;
    xxgk_status st = atomic_open(&af, path, overwrite, err);
    if (st != XXGK_OK)
        return st;
    if (xlsx) {
        const char *by_name;
        st = atomic_by_name(&af, &by_name, err);
        if (st == XXGK_OK)
            st = export_xlsx_named(s, f, options, by_name, path, err);
    } else {
        st = xxgk_store_export_csv_with(s, f, options, af.f, err);
        if (st == XXGK_E_IO && !strncmp(err->message, "写入失败", strlen("写入失败")))
            error_name_file(err, path);
    }
    if (st != XXGK_OK) {
        atomic_abort(&af);
        return st;
    }
    return atomic_commit(&af, overwrite, err);
}
