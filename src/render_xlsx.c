/*
 * render_xlsx.c — the three statistics tables as an Excel workbook, one
 * sheet each (libxlsxwriter): the official header cells merged as in the
 * format, every value a number cell (blank cells stay blank), A4 pages
 * with the header rows repeated.
 */
#include <string.h>
#include <xlsxwriter.h>

#include "input.h"
#include "quiet.h"
#include "render.h"

typedef struct xlsx_formats {
    lxw_format *title, *head, *label, *note, *count, *money;
} xlsx_formats;

static lxw_format *bordered(lxw_workbook *wb, const char *font, uint8_t align)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, font);
    format_set_font_size(f, 10.5);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, align);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f);
    return f;
}

static void make_formats(lxw_workbook *wb, xlsx_formats *x)
{
    x->title = workbook_add_format(wb);
    format_set_font_name(x->title, "黑体");
    format_set_font_size(x->title, 14);
    format_set_align(x->title, LXW_ALIGN_LEFT);
    x->head = bordered(wb, "黑体", LXW_ALIGN_CENTER);
    x->label = bordered(wb, "仿宋", LXW_ALIGN_LEFT);
    x->note = bordered(wb, "仿宋", LXW_ALIGN_LEFT);
    format_set_font_size(x->note, 9);
    x->count = bordered(wb, "Times New Roman", LXW_ALIGN_CENTER);
    format_set_num_format(x->count, "0");
    x->money = bordered(wb, "Times New Roman", LXW_ALIGN_CENTER);
    format_set_num_format(x->money, "General");
}

static double decimal_value(xxgk_decimal d)
{
    double v = (double)d.units;
    for (int i = 0; i < d.scale; i++)
        v /= 10;
    return v;
}

/* Writes one grid cell at (row, col) of the sheet, merged over its span. */
static void write_cell(lxw_worksheet *ws, const xlsx_formats *x, const xxgk_report *r,
                       const grid_cell *c, lxw_row_t row, lxw_col_t col)
{
    bool note = c->kind == G_CORNER && c->rowspan > 1;
    lxw_format *f = c->kind == G_VALUE   ? (c->unit == UNIT_WANYUAN ? x->money : x->count)
                    : note               ? x->note
                    : c->kind == G_LABEL ? x->label
                                         : x->head;
    lxw_row_t last_row = row + (lxw_row_t)c->rowspan - 1;
    lxw_col_t last_col = col + (lxw_col_t)c->colspan - 1;
    const char *text = c->kind == G_VALUE ? "" : c->text;
    if (last_row != row || last_col != col)
        worksheet_merge_range(ws, row, col, last_row, last_col, text, f);
    else if (c->kind != G_VALUE)
        worksheet_write_string(ws, row, col, text, f);
    if (c->kind != G_VALUE)
        return;
    /* Numbers go in after the merge, which writes only text. */
    const xxgk_cell *v = xxgk_report_cell(r, (size_t)c->cell);
    if (v->kind == XXGK_VALUE_NUMBER)
        worksheet_write_number(ws, row, col, decimal_value(v->value), f);
    else
        worksheet_write_blank(ws, row, col, f);
}

static void set_widths(lxw_worksheet *ws, const grid *g)
{
    static const double inner[] = {6, 14};
    for (int c = 0; c < g->ncols; c++) {
        double w = c >= g->label_cols       ? (g->label_cols ? 11 : 9.5)
                   : c == g->label_cols - 1 ? (g->label_cols == 1 ? 28 : 40)
                   : c < 2                  ? inner[c]
                                            : 14;
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL);
    }
}

enum { FIRST_ROW = 2 }; /* the sheet title, a blank row, then the table */

static void write_sheet(lxw_workbook *wb, const xlsx_formats *x, const xxgk_report *r,
                        const grid *g, const char *name)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (!ws)
        return;
    worksheet_set_paper(ws, 9); /* A4 */
    if (g->ncols > 10)
        worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_write_string(ws, 0, 0, name, x->title);
    set_widths(ws, g);
    for (int row = 0; row < g->nrows; row++)
        for (int col = 0; col < g->ncols; col++) {
            const grid_cell *c = grid_cell_at(g, row, col);
            if (grid_starts_at(g, c, row, col))
                write_cell(ws, x, r, c, (lxw_row_t)(FIRST_ROW + row), (lxw_col_t)col);
        }
    if (g->head_rows) {
        worksheet_repeat_rows(ws, FIRST_ROW, FIRST_ROW + (lxw_row_t)g->head_rows - 1);
        worksheet_freeze_panes(ws, FIRST_ROW + (lxw_row_t)g->head_rows, 0);
    }
}

/* Lays the workbook out; libxlsxwriter writes it only when closed. */
static void write_workbook(lxw_workbook *wb, const xxgk_report *r)
{
    char title[512];
    lxw_doc_properties props = {0};
    props.title = (char *)render_title(r, title, sizeof title);
    props.author = (char *)xxgk_report_meta(r)->body;
    props.company = props.author;
    workbook_set_properties(wb, &props);
    xlsx_formats x;
    make_formats(wb, &x);
    xxgk_format f = render_format_of(r);
    for (int s = 2; s <= 4; s++) {
        grid g;
        char name[128];
        if (grid_build(&g, f, s) != 0)
            continue;
        /* Sheet names: the section heading, within Excel's 31 characters. */
        render_heading(f, s, name, sizeof name);
        write_sheet(wb, &x, r, &g, name);
    }
}

xxgk_status render_xlsx(const xxgk_report *r, const char *path, const char *name,
                        xxgk_error *err)
{
    /* libxlsxwriter prints its own "[ERROR]" lines: they are captured and
     * the reason they give goes into our message, about `name`. */
    quiet_stderr q;
    quiet_begin(&q);
    lxw_workbook *wb = workbook_new(path);
    lxw_error e = wb ? (write_workbook(wb, r), workbook_close(wb)) : LXW_ERROR_MEMORY_MALLOC_FAILED;
    char why[256];
    quiet_end(&q, why, sizeof why);
    if (e != LXW_NO_ERROR)
        return error_set(err, XXGK_E_IO, "%s：无法写入 XLSX：%s", name,
                         *why ? why : lxw_strerror(e));
    return XXGK_OK;
}
