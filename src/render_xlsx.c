/*
 * render_xlsx.c — the report as a fill-in workbook (libxlsxwriter): what
 * `xxgk new -o 2024.xlsx` gives a clerk and `render -o x.xlsx` writes.
 *
 * Everything is laid out from the template (render_grid.c), never per
 * format: the sheet 正文 (render_xlsx_text.c) holds the title, the six
 * sections one paragraph per cell and the signature; each table has its
 * own sheet in the official layout with its merged header cells. Cells
 * the clerk types are unlocked and validated (whole numbers ≥ 0; 万元
 * with decimals; 本年增/减 signed); the sheets are protected without a
 * password. Every total is a formula derived from the template's sum
 * rules (the identities with one cell on one side, as
 * xxgk_report_complete_totals reads them), written with its value so
 * that a reader needing no calculation sees it. Beside and below each
 * table, outside its print area, a check column and check rows evaluate
 * every identity of the table and turn red (conditional formatting)
 * where one fails. What is printed (the print area) is the table alone,
 * on A4 with the header rows repeated: it is also what the XLSX reader
 * reads back.
 */
#include "render_xlsx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "lazy.h"
#include "quiet.h"

enum { FIRST_ROW = 3 }; /* title, the band (body, year, period), a gap */

static lxw_format *cell_format(lxw_workbook *wb, const char *font, double size, uint8_t align,
                               bool border)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, font);
    format_set_font_size(f, size);
    if (border)
        format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, align);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f);
    return f;
}

void xlsx_make_formats(lxw_workbook *wb, xlsx_formats *x)
{
    x->title = workbook_add_format(wb);
    format_set_font_name(x->title, "黑体");
    format_set_font_size(x->title, 14);
    x->band = workbook_add_format(wb);
    format_set_font_name(x->band, "仿宋");
    format_set_font_size(x->band, 11);
    x->head = cell_format(wb, "黑体", 10, LXW_ALIGN_CENTER, true);
    x->label = cell_format(wb, "宋体", 10, LXW_ALIGN_LEFT, true);
    x->group = cell_format(wb, "宋体", 10, LXW_ALIGN_CENTER, true);
    x->note = cell_format(wb, "宋体", 9, LXW_ALIGN_LEFT, true);
    x->count = cell_format(wb, "Times New Roman", 11, LXW_ALIGN_CENTER, true);
    format_set_num_format(x->count, "0");
    format_set_unlocked(x->count);
    format_set_bg_color(x->count, 0xFFFDE7);
    x->money = cell_format(wb, "Times New Roman", 11, LXW_ALIGN_CENTER, true);
    format_set_num_format(x->money, "General");
    format_set_unlocked(x->money);
    format_set_bg_color(x->money, 0xFFFDE7);
    x->total = cell_format(wb, "Times New Roman", 11, LXW_ALIGN_CENTER, true);
    format_set_num_format(x->total, "0");
    format_set_bg_color(x->total, 0xEDEDED);
    x->total_money = cell_format(wb, "Times New Roman", 11, LXW_ALIGN_CENTER, true);
    format_set_bg_color(x->total_money, 0xEDEDED);
    x->check_head = cell_format(wb, "黑体", 10, LXW_ALIGN_CENTER, true);
    format_set_font_color(x->check_head, 0x1F4E79);
    x->check = cell_format(wb, "宋体", 10, LXW_ALIGN_CENTER, true);
    format_set_font_color(x->check, 0x2E7D32);
    x->bad = workbook_add_format(wb);
    format_set_bg_color(x->bad, 0xE53935);
    format_set_font_color(x->bad, 0xFFFFFF);
    format_set_bold(x->bad);
    x->para = cell_format(wb, "仿宋", 12, LXW_ALIGN_LEFT, false);
    format_set_align(x->para, LXW_ALIGN_VERTICAL_TOP);
    format_set_unlocked(x->para);
    format_set_indent(x->para, 1);
    x->heading = cell_format(wb, "黑体", 12, LXW_ALIGN_LEFT, false);
    x->link = cell_format(wb, "仿宋", 12, LXW_ALIGN_LEFT, false);
    format_set_font_color(x->link, 0x0563C1);
    format_set_underline(x->link, LXW_UNDERLINE_SINGLE);
    x->input_title = cell_format(wb, "黑体", 16, LXW_ALIGN_CENTER, false);
    format_set_unlocked(x->input_title);
    x->sign = cell_format(wb, "仿宋", 12, LXW_ALIGN_RIGHT, false);
    format_set_unlocked(x->sign);
    x->date = cell_format(wb, "仿宋", 12, LXW_ALIGN_RIGHT, false);
    format_set_num_format(x->date, "yyyy\"年\"m\"月\"d\"日\"");
    format_set_unlocked(x->date);
}

void xlsx_protect(lxw_worksheet *ws, bool rows)
{
    lxw_protection p = {0};
    p.format_columns = 1; /* may widen columns and rows to read */
    p.format_rows = 1;
    p.insert_rows = rows;
    p.delete_rows = rows;
    worksheet_protect(ws, NULL, &p);
}

const char *xlsx_table_sheet(xxgk_format f, int section)
{
    const tpl_table *t = tpl_table_of(f, section);
    return t ? t->name : "";
}

/* ---- where each cell went ------------------------------------------------ */

/* One table sheet being written: the grid, where each cell id sits, and
 * which cells are totals (the equation whose sum they are). */
typedef struct sheet_map {
    const grid *g;
    int *row, *col;            /* per cell id, -1 when not on the sheet */
    const tpl_equation **sum;  /* per cell id: the total's equation */
    const xxgk_report *r;
} sheet_map;

static const int *eq_total(const tpl_equation *e, const int **parts, int *nparts)
{
    if (e->nlhs == 1) {
        *parts = e->rhs;
        *nparts = e->nrhs;
        return e->lhs;
    }
    *parts = e->lhs;
    *nparts = e->nlhs;
    return e->nrhs == 1 ? e->rhs : NULL;
}

/* Whether equation e is about this sheet's table and every cell of it is
 * on the sheet. */
static bool on_sheet(const sheet_map *m, const tpl_equation *e)
{
    if (e->table->section != m->g->table->section ||
        !(e->sum->formats & format_mask(m->g->format)))
        return false;
    for (int i = 0; i < e->nlhs; i++)
        if (e->lhs[i] < 0 || m->row[e->lhs[i]] < 0)
            return false;
    for (int i = 0; i < e->nrhs; i++)
        if (e->rhs[i] < 0 || m->row[e->rhs[i]] < 0)
            return false;
    return true;
}

/* The totals: the first equation that makes a cell the sum of others. */
static void find_totals(sheet_map *m)
{
    size_t neq;
    const tpl_equation *eq = tpl_equations(&neq);
    for (size_t i = 0; i < neq; i++) {
        const int *parts;
        int nparts;
        const int *t = eq_total(&eq[i], &parts, &nparts);
        if (t && on_sheet(m, &eq[i]) && !m->sum[t[0]])
            m->sum[t[0]] = &eq[i];
    }
}

/* The value a cell shows: a total is the sum of its parts (blank parts
 * count 0, as in the spreadsheet), an input the report's number. */
static double shown(const sheet_map *m, int id, int depth)
{
    if (m->sum[id] && depth < 8) {
        const int *parts;
        int nparts;
        eq_total(m->sum[id], &parts, &nparts);
        double s = 0;
        for (int i = 0; i < nparts; i++)
            s += shown(m, parts[i], depth + 1);
        return s;
    }
    const xxgk_cell *c = xxgk_report_cell(m->r, (size_t)id);
    if (c->kind != XXGK_VALUE_NUMBER)
        return 0;
    double v = (double)c->value.units;
    for (int i = 0; i < c->value.scale; i++)
        v /= 10;
    return v;
}

/* "C5,D5,E5" for cells ids[0..n) into buf. */
static void refs(const sheet_map *m, const int *ids, int n, char *buf, size_t size)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && k + 16 < size; i++) {
        char ref[16];
        lxw_rowcol_to_cell(ref, (lxw_row_t)m->row[ids[i]], (lxw_col_t)m->col[ids[i]]);
        k += (size_t)snprintf(buf + k, size - k, "%s%s", i ? "," : "", ref);
    }
}

/* ---- the value cells -------------------------------------------------- */

static void validate(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int unit,
                     const char *what)
{
    lxw_data_validation v = {0};
    v.validate = unit == UNIT_WANYUAN ? LXW_VALIDATION_TYPE_DECIMAL : LXW_VALIDATION_TYPE_INTEGER;
    if (unit == UNIT_SIGNED_COUNT) {
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = -1e9;
        v.maximum_number = 1e9;
    } else {
        v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        v.value_number = 0;
    }
    v.input_title = (char *)what;
    v.input_message = unit == UNIT_WANYUAN      ? "金额，单位万元，可有小数"
                      : unit == UNIT_SIGNED_COUNT ? "整数，减少填负数"
                                                  : "不小于0的整数；没有发生的填0";
    v.error_title = "数值不符合要求";
    v.error_message = unit == UNIT_WANYUAN ? "请填写不小于0的金额（万元）"
                      : unit == UNIT_SIGNED_COUNT ? "请填写整数"
                                                  : "请填写不小于0的整数";
    worksheet_data_validation_cell(ws, row, col, &v);
}

static void write_value(lxw_worksheet *ws, const xlsx_formats *x, const sheet_map *m,
                        const grid_cell *c, lxw_row_t row, lxw_col_t col)
{
    const tpl_equation *e = m->sum[c->cell];
    if (e) {
        const int *parts;
        int nparts;
        eq_total(e, &parts, &nparts);
        char list[512], formula[540];
        refs(m, parts, nparts, list, sizeof list);
        snprintf(formula, sizeof formula, "=SUM(%s)", list);
        worksheet_write_formula_num(ws, row, col, formula,
                                    c->unit == UNIT_WANYUAN ? x->total_money : x->total,
                                    shown(m, c->cell, 0));
        return;
    }
    lxw_format *f = c->unit == UNIT_WANYUAN ? x->money : x->count;
    const xxgk_cell *v = xxgk_report_cell(m->r, (size_t)c->cell);
    if (v->kind == XXGK_VALUE_NUMBER)
        worksheet_write_number(ws, row, col, shown(m, c->cell, 0), f);
    else
        worksheet_write_blank(ws, row, col, f);
    const char *rl, *cl;
    tpl_cell_labels(m->g->format, (size_t)c->cell, &rl, &cl);
    validate(ws, row, col, c->unit, cl);
}

/* ---- the checks -------------------------------------------------------- */

/* "SUM(a)=SUM(b,c)" for an equation, and whether it holds now. */
static bool condition(const sheet_map *m, const tpl_equation *e, char *buf, size_t size)
{
    char l[512], r[512];
    refs(m, e->lhs, e->nlhs, l, sizeof l);
    refs(m, e->rhs, e->nrhs, r, sizeof r);
    snprintf(buf, size, "SUM(%s)=SUM(%s)", l, r);
    double ls = 0, rs = 0;
    for (int i = 0; i < e->nlhs; i++)
        ls += shown(m, e->lhs[i], 0);
    for (int i = 0; i < e->nrhs; i++)
        rs += shown(m, e->rhs[i], 0);
    return fabs(ls - rs) < 1e-6;
}

static void write_check(lxw_worksheet *ws, const xlsx_formats *x, lxw_row_t row, lxw_col_t col,
                        const char *cond, bool ok)
{
    char formula[1400];
    snprintf(formula, sizeof formula, "=IF(%s,\"✓\",\"✗\")", cond);
    worksheet_write_formula_str(ws, row, col, formula, x->check, ok ? "✓" : "✗");
    lxw_conditional_format cf = {0};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    cf.value_string = "\"✗\"";
    cf.format = x->bad;
    worksheet_conditional_format_cell(ws, row, col, &cf);
}

/* A check column right of a table of rows (one cell per row: its row
 * identities together) and a check row below for each identity over
 * columns; a table laid out flat (四) gets check rows only. */
static void write_checks(lxw_worksheet *ws, const xlsx_formats *x, const sheet_map *m)
{
    const grid *g = m->g;
    size_t neq;
    const tpl_equation *eq = tpl_equations(&neq);
    bool flat = g->table->layout == LAYOUT_FLAT;
    lxw_col_t check_col = (lxw_col_t)(g->ncols + 1);
    lxw_row_t next_row = (lxw_row_t)(FIRST_ROW + g->nrows + 1);
    char row_cond[GRID_MAX_ROWS][1200] = {{0}};
    bool row_ok[GRID_MAX_ROWS];
    const tpl_sum *done[8];
    int ndone = 0;
    for (int i = 0; i < GRID_MAX_ROWS; i++)
        row_ok[i] = true;
    for (size_t i = 0; i < neq; i++) {
        const tpl_equation *e = &eq[i];
        if (!on_sheet(m, e))
            continue;
        char cond[1100];
        bool ok = condition(m, e, cond, sizeof cond);
        int at = m->row[e->lhs[0]] - FIRST_ROW;
        if (e->sum->over == SUM_EACH_ROW && !flat && at >= 0 && at < GRID_MAX_ROWS) {
            size_t k = strlen(row_cond[at]);
            snprintf(row_cond[at] + k, sizeof row_cond[at] - k, "%s%s", k ? "," : "", cond);
            row_ok[at] &= ok;
            continue;
        }
        /* one check row per sum rule, a cell under its total's column */
        int d = 0;
        while (d < ndone && done[d] != e->sum)
            d++;
        if (d == ndone && ndone < 8) {
            done[ndone++] = e->sum;
            char label[512];
            snprintf(label, sizeof label, "核对：%s", e->sum->title);
            worksheet_merge_range(ws, next_row + (lxw_row_t)d, 0, next_row + (lxw_row_t)d,
                                  (lxw_col_t)(g->label_cols ? g->label_cols - 1 : 0), label,
                                  x->check_head);
            worksheet_set_row(ws, next_row + (lxw_row_t)d, 30, NULL);
        }
        if (d < 8)
            write_check(ws, x, next_row + (lxw_row_t)d, (lxw_col_t)m->col[e->lhs[0]], cond, ok);
    }
    bool any_row = false;
    for (int i = 0; i < g->nrows; i++) {
        if (!row_cond[i][0])
            continue;
        char cond[1300];
        int k = snprintf(cond, sizeof cond, "AND(");
        size_t len = strlen(row_cond[i]);
        memcpy(cond + k, row_cond[i], len);
        memcpy(cond + k + len, ")", 2);
        write_check(ws, x, (lxw_row_t)(FIRST_ROW + i), check_col, cond, row_ok[i]);
        any_row = true;
    }
    if (any_row && g->head_rows > 0) {
        lxw_row_t last = (lxw_row_t)(FIRST_ROW + g->head_rows - 1);
        if (last > FIRST_ROW)
            worksheet_merge_range(ws, FIRST_ROW, check_col, last, check_col, "核对", x->check_head);
        else
            worksheet_write_string(ws, FIRST_ROW, check_col, "核对", x->check_head);
        worksheet_set_column(ws, check_col, check_col, 6, NULL);
    }
}

/* ---- the table sheets --------------------------------------------------- */

/* Lines a text of n characters needs in a column `width` wide. */
static int lines_for(const char *text, double width)
{
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; p && *p; p++)
        chars += (*p & 0xC0) != 0x80;
    double per_line = width / 2.1 > 1 ? width / 2.1 : 1; /* CJK: two units each */
    return (int)ceil((double)chars / per_line);
}

static double column_width(const grid *g, int c)
{
    if (c >= g->label_cols)
        return g->label_cols ? 7.5 : 7;
    if (g->label_cols == 1)
        return 26;
    if (c == g->label_cols - 1)
        return 30;
    return c == 0 ? 4 : 9; /* 三、本年度办理结果 stacked; （三）不予公开 */
}

static double span_width(const grid *g, const grid_cell *c)
{
    double w = 0;
    for (int k = c->col; k < c->col + c->colspan; k++)
        w += column_width(g, k);
    return w;
}

static lxw_format *label_format(const xlsx_formats *x, const grid_cell *c, const grid *g)
{
    if (c->kind == G_CORNER && c->rowspan > 1)
        return x->note;
    if (c->kind == G_LABEL && c->group)
        return x->group;
    if (c->kind == G_LABEL)
        return x->label;
    (void)g;
    return x->head;
}

static void write_grid_cell(lxw_worksheet *ws, const xlsx_formats *x, const sheet_map *m,
                            const grid_cell *c, lxw_format *stacked, double *heights)
{
    lxw_row_t row = (lxw_row_t)(FIRST_ROW + c->row);
    lxw_col_t col = (lxw_col_t)c->col;
    if (c->kind == G_VALUE) {
        if (c->colspan > 1)
            worksheet_merge_range(ws, row, col, row, col + (lxw_col_t)c->colspan - 1, "",
                                  m->sum[c->cell] ? x->total : x->count);
        write_value(ws, x, m, c, row, col);
        return;
    }
    /* a group label over several rows in the first label column: one
     * character a line, as the official table sets it */
    bool vertical = c->kind == G_LABEL && c->group && c->col == 0 && c->rowspan > 3;
    lxw_format *f = vertical ? stacked : label_format(x, c, m->g);
    if (c->rowspan > 1 || c->colspan > 1)
        worksheet_merge_range(ws, row, col, row + (lxw_row_t)c->rowspan - 1,
                              col + (lxw_col_t)c->colspan - 1, c->text, f);
    else
        worksheet_write_string(ws, row, col, c->text, f);
    if (!vertical && c->rowspan == 1) {
        double h = 15.0 * lines_for(c->text, span_width(m->g, c)) + 3;
        if (h > heights[c->row])
            heights[c->row] = h;
    }
}

static void write_table_sheet(lxw_workbook *wb, const xlsx_formats *x, const xxgk_report *r,
                              const grid *g, int *rows, int *cols, const tpl_equation **sums,
                              lxw_format *stacked)
{
    const tpl_table *t = g->table;
    lxw_worksheet *ws = workbook_add_worksheet(wb, t->name);
    if (!ws)
        return;
    sheet_map m = {g, rows, cols, sums, r};
    size_t ncells = xxgk_cell_count();
    for (size_t i = 0; i < ncells; i++) {
        rows[i] = cols[i] = -1;
        sums[i] = NULL;
    }
    for (int i = 0; i < g->n; i++)
        if (g->cells[i].kind == G_VALUE) {
            rows[g->cells[i].cell] = FIRST_ROW + g->cells[i].row;
            cols[g->cells[i].cell] = g->cells[i].col;
        }
    find_totals(&m);
    for (int c = 0; c < g->ncols; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, column_width(g, c), NULL);

    /* title and the band: outside the print area, for the screen */
    char buf[512], period[160] = "";
    const xxgk_meta *meta = xxgk_report_meta(r);
    snprintf(buf, sizeof buf, "%s　%s", t->name, t->title);
    worksheet_write_string(ws, 0, 0, buf, x->title);
    if (meta->period_from && meta->period_to)
        snprintf(period, sizeof period, "　统计期限：%s 至 %s", meta->period_from, meta->period_to);
    snprintf(buf, sizeof buf, "填报机关：%s　报告年度：%d年%s　（浅黄色格填写；灰色格为合计，自动计算）",
             meta->body ? meta->body : "", meta->year, period);
    worksheet_write_string(ws, 1, 0, buf, x->band);

    double heights[GRID_MAX_ROWS] = {0};
    for (int row = 0; row < g->nrows; row++)
        for (int col = 0; col < g->ncols; col++) {
            const grid_cell *c = grid_cell_at(g, row, col);
            if (grid_starts_at(g, c, row, col))
                write_grid_cell(ws, x, &m, c, stacked, heights);
        }
    for (int row = 0; row < g->nrows; row++)
        if (heights[row] > 0)
            worksheet_set_row(ws, (lxw_row_t)(FIRST_ROW + row), heights[row], NULL);
    write_checks(ws, x, &m);

    worksheet_set_paper(ws, 9); /* A4 */
    if (g->ncols > 10)
        worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.6, 0.6, 0.8, 0.8);
    worksheet_print_area(ws, FIRST_ROW, 0, (lxw_row_t)(FIRST_ROW + g->nrows - 1),
                         (lxw_col_t)(g->ncols - 1));
    if (g->head_rows)
        worksheet_repeat_rows(ws, FIRST_ROW, (lxw_row_t)(FIRST_ROW + g->head_rows - 1));
    /* (a font size code takes the digits after it: the year goes first) */
    snprintf(buf, sizeof buf, "&L%s&C%s　%s&R%d年度", meta->body ? meta->body : "", t->name,
             t->title, meta->year);
    worksheet_set_header(ws, buf);
    worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");
    worksheet_freeze_panes(ws, (lxw_row_t)(FIRST_ROW + g->head_rows), (lxw_col_t)g->label_cols);
    xlsx_protect(ws, false);
}

/* Lays the workbook out; libxlsxwriter writes it only when closed.
 * False when out of memory. */
static bool write_workbook(lxw_workbook *wb, const xxgk_report *r)
{
    char title[512];
    lxw_doc_properties props = {0};
    props.title = (char *)render_title(r, title, sizeof title);
    props.author = (char *)xxgk_report_meta(r)->body;
    props.company = props.author;
    workbook_set_properties(wb, &props);
    xlsx_formats x;
    xlsx_make_formats(wb, &x);
    lxw_format *stacked = workbook_add_format(wb);
    format_set_font_name(stacked, "宋体");
    format_set_font_size(stacked, 10);
    format_set_border(stacked, LXW_BORDER_THIN);
    format_set_align(stacked, LXW_ALIGN_CENTER);
    format_set_align(stacked, LXW_ALIGN_VERTICAL_CENTER);
    format_set_rotation(stacked, 270); /* stacked: one character a line */
    xlsx_write_text_sheet(wb, &x, r);
    size_t ncells = xxgk_cell_count();
    int *rows = malloc(ncells * sizeof *rows), *cols = malloc(ncells * sizeof *cols);
    const tpl_equation **sums = malloc(ncells * sizeof *sums);
    grid *g = malloc(sizeof *g);
    bool ok = rows && cols && sums && g;
    xxgk_format f = render_format_of(r);
    for (int s = 2; ok && s <= 4; s++)
        if (grid_build(g, f, s) == 0)
            write_table_sheet(wb, &x, r, g, rows, cols, sums, stacked);
    free(rows), free(cols), free(sums), free(g);
    return ok;
}

xxgk_status render_xlsx(const xxgk_report *r, const char *path, const char *name,
                        xxgk_error *err)
{
    if (!lazy_load(&lazy_xlsxwriter_lib, err))
        return err->status;
    /* libxlsxwriter prints its own "[ERROR]" lines: they are captured and
     * the reason they give goes into our message, about `name`. */
    quiet_stderr q;
    quiet_begin(&q);
    lxw_workbook *wb = workbook_new(path);
    bool laid_out = wb && write_workbook(wb, r);
    lxw_error e = wb ? workbook_close(wb) : LXW_ERROR_MEMORY_MALLOC_FAILED;
    char why[256];
    quiet_end(&q, why, sizeof why);
    if (wb && !laid_out)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    if (e != LXW_NO_ERROR)
        return error_set(err, XXGK_E_IO, "%s：无法写入 XLSX：%s", name,
                         *why ? why : lxw_strerror(e));
    return XXGK_OK;
}
