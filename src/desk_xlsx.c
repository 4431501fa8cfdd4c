/*
 * desk_xlsx.c — the status sheet as an Excel workbook (libxlsxwriter):
 * sheet 审核情况 with the title, the summary line and one row per body
 * (numbers as numbers, shares as percentages), landscape A4 fitted to the
 * page width, the header row repeated and a page break every
 * DESK_PAGE_ROWS bodies; sheet 需改正的问题 with every finding to fix.
 */
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "desk.h"
#include "input.h"
#include "lazy.h"
#include "quiet.h"

typedef struct formats {
    lxw_format *title, *summary, *head, *text, *number, *share, *bad_text, *bad_number;
} formats;

static lxw_format *bordered(lxw_workbook *wb, const char *font, bool bad)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, font);
    format_set_font_size(f, 9);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (bad)
        format_set_bg_color(f, 0xFDE8E8);
    return f;
}

static void make_formats(lxw_workbook *wb, formats *x)
{
    x->title = workbook_add_format(wb);
    format_set_font_name(x->title, "黑体");
    format_set_font_size(x->title, 16);
    format_set_align(x->title, LXW_ALIGN_CENTER);
    format_set_align(x->title, LXW_ALIGN_VERTICAL_CENTER);
    x->summary = workbook_add_format(wb);
    format_set_font_name(x->summary, "宋体");
    format_set_font_size(x->summary, 10);
    format_set_align(x->summary, LXW_ALIGN_CENTER);
    x->head = bordered(wb, "黑体", false);
    format_set_align(x->head, LXW_ALIGN_CENTER);
    format_set_text_wrap(x->head);
    x->text = bordered(wb, "宋体", false);
    x->bad_text = bordered(wb, "宋体", true);
    x->number = bordered(wb, "Times New Roman", false);
    format_set_num_format(x->number, "0");
    x->bad_number = bordered(wb, "Times New Roman", true);
    format_set_num_format(x->bad_number, "0");
    x->share = bordered(wb, "Times New Roman", false);
    format_set_num_format(x->share, "0%");
}

/* One body's row; numbers and shares as numbers, the rest as text. */
static void body_row(lxw_worksheet *ws, const formats *x, const xxgk_desk_row *row, size_t seq,
                     lxw_row_t at)
{
    bool bad = row->state == XXGK_DESK_MISSING || row->state == XXGK_DESK_ERRORS;
    bool reported = row->state != XXGK_DESK_MISSING;
    lxw_format *text = bad ? x->bad_text : x->text, *number = bad ? x->bad_number : x->number;
    char buf[512];
    for (int c = 0; c < DESK_NCOLS; c++) {
        double v = -1;
        bool share = false;
        if (c == DESK_COL_SEQ)
            v = (double)seq;
        else if (c == DESK_COL_ERRORS && reported)
            v = row->errors;
        else if (c == DESK_COL_WARNINGS && reported)
            v = row->warnings;
        else if (c == DESK_COL_APPS && reported)
            v = (double)row->applications;
        else if ((c == DESK_COL_PREV || c == DESK_COL_OTHERS) && reported)
            v = c == DESK_COL_PREV ? row->copied_previous : row->copied_others, share = true;
        if (v >= 0)
            worksheet_write_number(ws, at, (lxw_col_t)c, v, share ? x->share : number);
        else
            worksheet_write_string(ws, at, (lxw_col_t)c, desk_cell(row, c, seq, buf, sizeof buf),
                                   desk_numeric(c) ? number : text);
    }
    worksheet_set_row(ws, at, 15, NULL);
}

static void status_sheet(lxw_workbook *wb, const formats *x, const xxgk_desk *d)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "审核情况");
    if (!ws)
        return;
    char buf[512];
    worksheet_merge_range(ws, 0, 0, 0, DESK_NCOLS - 1, desk_title(d, buf, sizeof buf), x->title);
    worksheet_set_row(ws, 0, 24, NULL);
    worksheet_merge_range(ws, 1, 0, 1, DESK_NCOLS - 1, desk_summary_line(d, buf, sizeof buf),
                          x->summary);
    for (int c = 0; c < DESK_NCOLS; c++) {
        worksheet_write_string(ws, 2, (lxw_col_t)c, desk_header(c), x->head);
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, desk_width(c) * 1.3, NULL);
    }
    worksheet_set_row(ws, 2, 24, NULL);
    size_t nbreaks = d->nrows / DESK_PAGE_ROWS;
    lxw_row_t *breaks = calloc(nbreaks + 1, sizeof *breaks); /* zero-terminated */
    for (size_t i = 0; i < d->nrows; i++) {
        body_row(ws, x, &d->rows[i], i + 1, (lxw_row_t)(3 + i));
        if (breaks && i && i % DESK_PAGE_ROWS == 0)
            breaks[i / DESK_PAGE_ROWS - 1] = (lxw_row_t)(3 + i);
    }
    if (breaks && nbreaks && breaks[0])
        worksheet_set_h_pagebreaks(ws, breaks);
    free(breaks);
    worksheet_freeze_panes(ws, 3, 0);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
    worksheet_repeat_rows(ws, 2, 2);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
}

static void findings_sheet(lxw_workbook *wb, const formats *x, const xxgk_desk *d)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "需改正的问题");
    if (!ws)
        return;
    static const char *const heads[] = {"机关", "级别", "规则", "问题", "应为"};
    static const double widths[] = {28, 6, 22, 70, 30};
    for (int c = 0; c < 5; c++) {
        worksheet_write_string(ws, 0, (lxw_col_t)c, heads[c], x->head);
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    }
    lxw_row_t at = 1;
    char due[64];
    for (size_t i = 0; i < d->nrows; i++) {
        const xxgk_desk_row *row = &d->rows[i];
        if (row->state == XXGK_DESK_MISSING) {
            snprintf(due, sizeof due, "应于%s前报送", row->deadline);
            const char *texts[] = {row->body, "错误", "", "未报送年度报告", due};
            for (int c = 0; c < 5; c++)
                worksheet_write_string(ws, at, (lxw_col_t)c, texts[c], x->text);
            at++;
        }
        for (size_t k = 0; k < row->nfindings; k++, at++) {
            const xxgk_desk_finding *f = &row->findings[k];
            const xxgk_rule *rule = xxgk_rule_find(f->rule);
            const char *texts[] = {row->body, xxgk_severity_text(f->severity),
                                   rule ? rule->title : (f->rule ? f->rule : ""),
                                   f->message ? f->message : "", f->expected ? f->expected : ""};
            for (int c = 0; c < 5; c++)
                worksheet_write_string(ws, at, (lxw_col_t)c, texts[c], x->text);
        }
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_fit_to_pages(ws, 1, 0);
}

xxgk_status desk_write_xlsx(const xxgk_desk *d, const char *path, const char *name,
                            xxgk_error *err)
{
    if (!lazy_load(&lazy_xlsxwriter_lib, err))
        return err->status;
    /* libxlsxwriter's own "[ERROR]" lines are captured (quiet.c): the
     * reason they give goes into our message, about `name`. */
    quiet_stderr q;
    quiet_begin(&q);
    lxw_workbook *wb = workbook_new(path);
    lxw_error e = LXW_ERROR_MEMORY_MALLOC_FAILED;
    if (wb) {
        formats x;
        make_formats(wb, &x);
        status_sheet(wb, &x, d);
        findings_sheet(wb, &x, d);
        e = workbook_close(wb);
    }
    char why[256];
    quiet_end(&q, why, sizeof why);
    if (!wb)
        return error_set(err, XXGK_E_IO, "%s：无法建立 XLSX 文件%s%s", name, *why ? "：" : "", why);
    if (e != LXW_NO_ERROR)
        return error_set(err, XXGK_E_IO, "%s：写入 XLSX 失败（%s）", name,
                         *why ? why : lxw_strerror(e));
    return XXGK_OK;
}
