/*
 * render_xlsx_text.c — the sheet 正文 of the fill-in workbook: the report
 * in reading order, one cell a paragraph in column A.
 *
 * The title (an input cell), section 0's paragraphs (the statistical
 * period stated in them), the six headings (locked), each section's
 * paragraphs (unlocked, with spare empty rows to write in; rows may be
 * inserted), under the headings of sections 二–四 a link to the table's
 * sheet, and the signature: the issuing body and the 成文日期 (a date
 * cell shown as 2025年1月20日, validated). The XLSX reader reads the sheet
 * in this order and reads each linked table sheet where its link is, so
 * that the workbook reads as the report it will become.
 */
#include <stdio.h>
#include <string.h>

#include "render_xlsx.h"

enum { TEXT_WIDTH = 66, SPARE_ROWS = 2 };

/* A row tall enough for a paragraph of n bytes of mostly CJK text. */
static double para_height(const char *s, size_t n)
{
    size_t chars = 0;
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    size_t per_line = TEXT_WIDTH / 2 - 3;
    size_t lines = (chars + per_line - 1) / per_line;
    return 18.0 * (double)(lines ? lines : 1) + 4;
}

static void prompt(lxw_worksheet *ws, lxw_row_t row, const char *title, const char *message)
{
    lxw_data_validation v = {0};
    v.validate = LXW_VALIDATION_TYPE_ANY;
    v.input_title = (char *)title;
    v.input_message = (char *)message;
    worksheet_data_validation_cell(ws, row, 0, &v);
}

/* The paragraphs of section n, then spare empty rows; returns the next
 * row. */
static lxw_row_t write_paragraphs(lxw_worksheet *ws, const xlsx_formats *x, const xxgk_report *r,
                                  int n, lxw_row_t row)
{
    char buf[4096];
    if (n == 0 && render_period_sentence(r, buf, sizeof buf)) {
        worksheet_write_string(ws, row, 0, buf, x->para);
        worksheet_set_row(ws, row++, para_height(buf, strlen(buf)), NULL);
    }
    para_iter it;
    para_iter_init(&it, r, n);
    const char *text;
    size_t len;
    while (para_iter_next(&it, &text, &len)) {
        if (len >= sizeof buf)
            len = sizeof buf - 1;
        memcpy(buf, text, len);
        buf[len] = '\0';
        worksheet_write_string(ws, row, 0, buf, x->para);
        worksheet_set_row(ws, row++, para_height(text, len), NULL);
    }
    for (int i = 0; i < SPARE_ROWS; i++)
        worksheet_write_blank(ws, row++, 0, x->para);
    return row;
}

static lxw_row_t write_signature(lxw_worksheet *ws, const xlsx_formats *x, const xxgk_report *r,
                                 lxw_row_t row)
{
    const xxgk_meta *m = xxgk_report_meta(r);
    row++;
    worksheet_write_string(ws, row, 0, m->body ? m->body : "", x->sign);
    prompt(ws, row++, "发布机关", "署名：发布报告的机关全称");
    int y, mo, d;
    if (m->date && sscanf(m->date, "%d-%d-%d", &y, &mo, &d) == 3) {
        lxw_datetime dt = {y, mo, d, 0, 0, 0};
        worksheet_write_datetime(ws, row, 0, &dt, x->date);
    } else {
        worksheet_write_blank(ws, row, 0, x->date);
    }
    lxw_data_validation v = {0};
    v.validate = LXW_VALIDATION_TYPE_DATE;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_datetime = (lxw_datetime){2000, 1, 1, 0, 0, 0};
    v.maximum_datetime = (lxw_datetime){2199, 12, 31, 0, 0, 0};
    v.input_title = "成文日期";
    v.input_message = "报告的成文日期，如 2025-01-20";
    v.error_title = "日期无效";
    v.error_message = "请填写日期，如 2025-01-20";
    worksheet_data_validation_cell(ws, row, 0, &v);
    return row + 1;
}

void xlsx_write_text_sheet(lxw_workbook *wb, const xlsx_formats *x, const xxgk_report *r)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, "正文");
    if (!ws)
        return;
    xxgk_format f = render_format_of(r);
    worksheet_set_column(ws, 0, 0, TEXT_WIDTH, NULL);
    char buf[512];
    worksheet_write_string(ws, 0, 0, render_title(r, buf, sizeof buf), x->input_title);
    worksheet_set_row(ws, 0, 46, NULL);
    prompt(ws, 0, "标题", "报告标题：机关名称＋年度＋政府信息公开工作年度报告");
    lxw_row_t row = write_paragraphs(ws, x, r, 0, 2);
    for (int n = 1; n <= 6; n++) {
        worksheet_write_string(ws, row, 0, render_heading(f, n, buf, sizeof buf), x->heading);
        worksheet_set_row(ws, row++, 24, NULL);
        const char *sheet = n >= 2 && n <= 4 ? xlsx_table_sheet(f, n) : "";
        if (*sheet) {
            char url[128], text[160];
            snprintf(url, sizeof url, "internal:'%s'!A1", sheet);
            snprintf(text, sizeof text, "（统计表见工作表“%s”，点击前往填写）", sheet);
            worksheet_write_url_opt(ws, row++, 0, url, x->link, text, NULL);
        }
        row = write_paragraphs(ws, x, r, n, row);
    }
    row = write_signature(ws, x, r, row);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.7, 0.7, 0.9, 0.9);
    worksheet_print_area(ws, 0, 0, row - 1, 0);
    worksheet_set_footer(ws, "&C第 &P 页");
    xlsx_protect(ws, true);
    worksheet_activate(ws);
}
