/*
 * check_tables.c — what is wrong inside the tables other than their sums:
 * rows of the wrong shape, blank or non-numeric cells, negative counts,
 * labels that differ from the official ones, captions citing the wrong
 * article, money in the wrong unit, and tables of the wrong format.
 */
#include <string.h>

#include "check.h"
#include "split.h"
#include "label.h"
#include "utf8.h"

static const char *table_name(const tpl_table *t)
{
    return table_name_of(t->section);
}

/* The ids of the cells of a row record, in column order. */
static int row_cells(const rec_row *row, int *ids, int max)
{
    const tpl_table *t = row->table;
    const tpl_block *b = tpl_row_block(t, row->row);
    int n = 0;
    if (t->layout == LAYOUT_FLAT) {
        for (int ri = 0; ri < t->nrows; ri++)
            for (int c = 0; t->rows[ri].kind == ROW_DATA && c < b->ncols && n < max; c++)
                ids[n++] = tpl_cell_at(t, ri, c);
        return n;
    }
    if (!t->rows[row->row].key)
        return 0;
    for (int c = 0; c < b->ncols && n < max; c++)
        ids[n++] = tpl_cell_at(t, row->row, c);
    return n;
}

/* Rows whose cell count is wrong in the same way, one after another (a
 * table whose columns were merged, sample 004), are one finding. */
static size_t check_shape_run(xxgk_report *r, size_t i)
{
    const rec_row *row = &r->ev->rows.v[i];
    const tpl_row *tr = &row->table->rows[row->row];
    const char *label = row->table->layout == LAYOUT_FLAT ? "数据行" : tr->label;
    if (tr->kind == ROW_GROUP) {
        finding_add(r, "row-subtotal", SEV_DEFAULT, row->at, NULL, 0,
                    "分组标题“%s”一行填写了数字", tr->label);
        return i + 1;
    }
    if (row->duplicate) {
        finding_add(r, "row-duplicate", SEV_DEFAULT, row->at, NULL, 0, "%s“%s”一行重复出现",
                    table_name(row->table), label);
        return i + 1;
    }
    /* Digits printed without separators: the split's own finding. */
    if (split_covers_row(r, row->table, row->row))
        return i + 1;
    if (row->nvalues == row->ncols) {
        if (row->extra)
            finding_add(r, "row-shape", XXGK_NOTE, row->at, NULL, 0,
                        "%s“%s”一行末尾多出%d个空白栏", table_name(row->table), label,
                        row->extra);
        return i + 1;
    }
    size_t j = i + 1;
    /* (a row of glued digits ends the run: the split has its finding) */
    while (j < r->ev->rows.n && r->ev->rows.v[j].table == row->table &&
           r->ev->rows.v[j].nvalues == row->nvalues && r->ev->rows.v[j].ncols == row->ncols &&
           !r->ev->rows.v[j].duplicate &&
           r->ev->rows.v[j].table->rows[r->ev->rows.v[j].row].kind == ROW_DATA &&
           !split_covers_row(r, r->ev->rows.v[j].table, r->ev->rows.v[j].row))
        j++;
    const char *effect = row->placed ? "只读取了能确定位置的总计栏" : "无法确定各数字所属的栏";
    span at = row->values.line ? row->values : row->at;
    int ids[32];
    int nids = row_cells(row, ids, 32);
    xxgk_finding *f;
    if (row->converted) {
        /* In converted text a missing cell is as likely the converter's
         * (a merged cell printed once) as the report's: the row is not
         * read, and that is said, without calling the report wrong. */
        if (row->nvalues == 0)
            f = finding_add(r, "row-unread", SEV_DEFAULT, at, ids, (size_t)nids,
                            "%s“%s”一行只印出行标签，没有数字（印出时没有数值），未读取",
                            table_name(row->table), label);
        else
            f = finding_add(r, "row-unread", SEV_DEFAULT, at, ids, (size_t)nids,
                            "%s“%s”一行有%d个数字，本表应为%d栏，%s，这一行%s",
                            table_name(row->table), label, row->nvalues, row->ncols, effect,
                            row->placed ? "的其他栏未读取" : "未读取");
        finding_place(f, row->table->section, row->table->layout == LAYOUT_FLAT ? NULL : tr->label,
                      NULL);
        return i + 1;
    }
    if (j - i == 1)
        f = finding_add(r, "row-shape", SEV_DEFAULT, at, ids, (size_t)nids,
                        "%s“%s”一行有%d栏数字，本表应为%d栏，%s",
                        table_name(row->table), label, row->nvalues, row->ncols, effect);
    else
        f = finding_add(r, "row-shape", SEV_DEFAULT, at, ids, (size_t)nids,
                        "%s从“%s”到“%s”共%zu行只有%d栏数字，本表应为%d栏（疑为合并了单元格），%s",
                        table_name(row->table), label,
                        r->ev->rows.v[j - 1].table->rows[r->ev->rows.v[j - 1].row].label, j - i,
                        row->nvalues, row->ncols, effect);
    finding_expect(r, f, "每行应为 %d 栏", row->ncols);
    finding_place(f, row->table->section, row->table->layout == LAYOUT_FLAT ? NULL : tr->label,
                  NULL);
    return j;
}

/* Negative counts and fractions, per cell; blank cells are gathered per
 * table into `blanks` and reported once (sample 001 leaves 115 cells of
 * 法人或其他组织 blank: one finding, all cells listed). */
static void check_value(xxgk_report *r, int id, int *blanks, size_t *nb, size_t max)
{
    const xxgk_cell *c = &r->cells[id];
    const tpl_cell_info *info = tpl_cell((size_t)id);
    if (c->kind == XXGK_VALUE_BLANK && *nb < max)
        blanks[(*nb)++] = id;
    if (c->kind != XXGK_VALUE_NUMBER)
        return;
    if (c->value.units < 0 && info->unit != UNIT_SIGNED_COUNT) {
        char buf[48];
        finding_add(r, "cell-negative", SEV_DEFAULT, cell_at(r, id), &id, 1,
                    "%s“%s”行“%s”栏为负数 %s", table_name(info->table),
                    cell_row_label(r, (int)id), cell_col_label(r, (int)id),
                    xxgk_decimal_format(c->value, buf, sizeof buf));
    }
    if (info->unit != UNIT_WANYUAN && c->value.scale)
        finding_add(r, "cell-fraction", SEV_DEFAULT, cell_at(r, id), &id, 1,
                    "%s“%s”行“%s”栏是件数，不应有小数", table_name(info->table),
                    cell_row_label(r, (int)id), cell_col_label(r, (int)id));
}

/* Sorts cell ids in the order the report shows them: by the line they
 * were read on, else in template order (an insertion sort: a table has
 * a few hundred cells at most). */
static void sort_by_place(const xxgk_report *r, int *ids, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        int id = ids[i];
        size_t k = i;
        while (k > 0 && (r->cells[ids[k - 1]].line > r->cells[id].line ||
                         (r->cells[ids[k - 1]].line == r->cells[id].line && ids[k - 1] > id))) {
            ids[k] = ids[k - 1];
            k--;
        }
        ids[k] = id;
    }
}

static void report_blanks(xxgk_report *r, int section, int *blanks, size_t nb)
{
    if (!nb)
        return;
    sort_by_place(r, blanks, nb);
    size_t rows = 0;
    for (size_t i = 0; i < nb; i++)
        rows += i == 0 || tpl_cell((size_t)blanks[i])->row != tpl_cell((size_t)blanks[i - 1])->row;
    const char *name = table_name_of(section);
    xxgk_finding *f;
    if (nb == 1)
        f = finding_add(r, "cell-blank", SEV_DEFAULT, cell_at(r, blanks[0]), blanks, 1,
                        "%s“%s”的“%s”栏空白（空白不等于零）", name,
                        cell_row_label(r, (int)blanks[0]),
                        cell_col_label(r, (int)blanks[0]));
    else
        f = finding_add(r, "cell-blank", SEV_DEFAULT, cell_at(r, blanks[0]), blanks, nb,
                        "%s有%zu个空白栏，分布在%zu行，从“%s”的“%s”栏起（空白不等于零）", name, nb,
                        rows, cell_row_label(r, (int)blanks[0]),
                        cell_col_label(r, (int)blanks[0]));
    finding_expect(r, f, "没有发生的事项应填 0");
}

static void check_label(xxgk_report *r, const rec_row *row)
{
    const char *official = row->table->rows[row->row].label;
    if (row->old_label) {
        int ids[32];
        int n = row_cells(row, ids, 32);
        xxgk_finding *f = finding_add(r, "label-old-format", SEV_DEFAULT, row->at, ids, (size_t)n,
                                      "行标签“%s”是其他格式（%s）的写法", row->label,
                                      row->old_format ? xxgk_format_name(row->old_format) : "");
        finding_expect(r, f, "%s年格式为“%s”", xxgk_format_name(r->meta.format), official);
        return;
    }
    if (row->quality == MATCH_EXACT && row->label && row->label[0] &&
        !label_same_wording(row->label, strlen(row->label), official)) {
        /* Matched, but the note in parentheses says something else:
         * "只记这一情形" (sample 004), "规范性文件（本单位制发的）". */
        xxgk_finding *f = finding_add(r, "label-variant", SEV_DEFAULT, row->at, NULL, 0,
                                      "行标签“%s”与统一格式的措辞不同", row->label);
        finding_expect(r, f, "应为“%s”", official);
        return;
    }
    if (row->quality != MATCH_VARIANT && row->quality != MATCH_FUZZY)
        return;
    xxgk_finding *f = finding_add(r, row->quality == MATCH_FUZZY ? "label-mismatch" : "label-variant",
                                  SEV_DEFAULT, row->at, NULL, 0, "行标签“%s”与统一格式不一致",
                                  row->label);
    finding_expect(r, f, "应为“%s”", official);
}

static void check_foreign(xxgk_report *r, const rec_row *row)
{
    if (!row->foreign)
        return;
    const char *label = row->table->rows[row->row].label;
    int ids[32];
    int n = row_cells(row, ids, 32);
    finding_add(r, "format-row", SEV_DEFAULT, row->at, ids, (size_t)n,
                "“%s”是%s年格式的行，本报告的统计表为%s年格式", label,
                xxgk_format_name(tpl_row_format(row->table, row->row, r->meta.format)),
                xxgk_format_name(r->meta.format));
}

static void check_headers(xxgk_report *r)
{
    for (size_t i = 0; i < r->ev->headers.n; i++) {
        const rec_header *h = &r->ev->headers.v[i];
        if (!h->table || (h->quality != MATCH_VARIANT && h->quality != MATCH_FUZZY))
            continue;
        /* A header matched in table 二 of both formats is reported once. */
        if (i > 0 && r->ev->headers.v[i - 1].at.line == h->at.line &&
            r->ev->headers.v[i - 1].at.col == h->at.col)
            continue;
        const char *official = h->table->blocks[h->block].cols[h->col].label;
        xxgk_finding *f = finding_add(
            r, h->quality == MATCH_FUZZY ? "label-mismatch" : "label-variant", SEV_DEFAULT, h->at,
            NULL, 0, "栏目标签“%s”与统一格式不一致", h->text);
        finding_expect(r, f, "应为“%s”", official);
    }
}

static const char *item_name(int item)
{
    static const char *const names[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    return item >= 0 && item <= 10 ? names[item] : "?";
}

/* The article and item of the block of a placed row of table 二. */
static void row_item(const rec_row *row, int *article, int *item)
{
    const tpl_block *b = &row->table->blocks[row->table->rows[row->row].block];
    *article = b->article;
    *item = b->item;
}

/* Whether some format's table 二 has a block citing article/item. */
static bool citation_exists(int article, int item)
{
    for (size_t f = 0; f < tpl_format_count(); f++) {
        const tpl_table *t = tpl_table_of(tpl_format_at(f)->format, 2);
        for (int k = 0; t && k < t->nblocks; k++)
            if (t->blocks[k].article == article && t->blocks[k].item == item)
                return true;
    }
    return false;
}

/* The rows of table 二 a caption introduces: those placed after it and
 * before the next caption (or section 三's heading). When they all
 * belong to one block, *article and *item are its citation; returns how many
 * there are, -1 when they belong to several blocks. */
static int caption_rows(const xxgk_report *r, size_t i, int *article, int *item)
{
    const rec_caption *cap = &r->ev->captions.v[i];
    uint32_t end = i + 1 < r->ev->captions.n ? r->ev->captions.v[i + 1].at.line : UINT32_MAX;
    uint32_t three = heading_line(r, 3);
    if (three > cap->at.line && three < end)
        end = three;
    int n = 0;
    for (size_t j = 0; j < r->ev->rows.n; j++) {
        const rec_row *row = &r->ev->rows.v[j];
        if (row->table->section != 2 || row->at.line <= cap->at.line || row->at.line >= end)
            continue;
        int a, it;
        row_item(row, &a, &it);
        if (n && (a != *article || it != *item))
            return -1;
        *article = a;
        *item = it;
        n++;
    }
    return n;
}

/* A caption is reported only when it is clearly wrong: it cites an
 * article and item no table 二 has (第二十六条), or the rows right under
 * it all belong to another block while the caption before it (if any)
 * introduced rows of its own. Text that went through a converter leaves
 * captions stacked above the rows or loose lines between them: the row
 * that follows a caption there is no proof of what the caption
 * introduces, and nothing is said. */
void check_captions(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    int prev_rows = 1;
    for (size_t i = 0; i < r->ev->captions.n; i++) {
        const rec_caption *cap = &r->ev->captions.v[i];
        int article = 0, item = 0;
        int n = caption_rows(r, i, &article, &item);
        bool stacked = prev_rows == 0;
        prev_rows = n;
        bool exists = citation_exists(cap->article, cap->item);
        bool other_block = n > 0 && !stacked && (article != cap->article || item != cap->item);
        if (exists && !other_block)
            continue;
        xxgk_finding *f = finding_add(r, "caption-article", SEV_DEFAULT, cap->at, NULL, 0,
                                      "表二栏目标题“%s”引用的条款项有误", cap->text);
        if (n > 0)
            finding_expect(r, f, "应为“第二十条第（%s）项”", item_name(item));
    }
}

/* Money columns of the report's format: one whose label states 万元
 * written in 元 is wrong; one whose label states no unit written without
 * one leaves the unit unknown. */
void check_units(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    for (size_t id = 0; id < r->ncells; id++) {
        const xxgk_cell *c = &r->cells[id];
        if (c->kind != XXGK_VALUE_NUMBER || tpl_cell(id)->unit != UNIT_WANYUAN ||
            !xxgk_format_has_cell(r->meta.format, id))
            continue;
        const char *label = cell_col_label(r, (int)id), *row = cell_row_label(r, (int)id);
        int cid = (int)id;
        if (strstr(label, "万元") && (c->flags & XXGK_CELL_UNIT_YUAN)) {
            char buf[48];
            xxgk_finding *f = finding_add(r, "unit-wrong", SEV_DEFAULT, cell_at(r, cid), &cid, 1,
                                          "%s金额“%s”以元填写，格式规定单位为万元", row, c->raw);
            finding_expect(r, f, "应为 %s（万元）", xxgk_decimal_format(c->value, buf, sizeof buf));
        } else if (!strstr(label, "万元") && c->value.units != 0 &&
                   !(c->flags & (XXGK_CELL_UNIT_YUAN | XXGK_CELL_UNIT_WANYUAN))) {
            finding_add(r, "unit-unknown", SEV_DEFAULT, cell_at(r, cid), &cid, 1,
                        "%s“%s”没有写明单位（元或万元）", label, c->raw);
        }
    }
}

/* A table printed in another format than the report's other tables
 * (a 2021 report that kept the 2019 table 二): the cells both formats
 * have are read; the others are kept under their own keys, flagged
 * foreign, and listed here. */
static void check_table_format(xxgk_report *r, int section, bool first_year)
{
    xxgk_format tf = r->ev->table_format[section];
    int ids[64];
    size_t n = 0;
    for (size_t id = 0; id < r->ncells && n < 64; id++)
        if ((r->cells[id].flags & XXGK_CELL_FOREIGN) && r->cells[id].kind != XXGK_VALUE_ABSENT &&
            tpl_cell(id)->table->section == section)
            ids[n++] = (int)id;
    span at = {0, 0, 0};
    for (size_t i = 0; i < r->ev->rows.n && !at.line; i++)
        if (r->ev->rows.v[i].table->section == section)
            at = r->ev->rows.v[i].at;
    xxgk_finding *f = finding_add(
        r, "format-version", first_year ? XXGK_WARNING : SEV_DEFAULT, at, ids, n,
        "%s使用了%s年格式，其余统计表为%s年格式：两种格式共有的栏已读取，另有%zu栏不属于%s年格式，"
        "按原栏目保留，未计入本报告的统计",
        table_name_of(section), xxgk_format_name(tf), xxgk_format_name(r->meta.format), n,
        xxgk_format_name(r->meta.format));
    finding_place(f, section, NULL, NULL);
    finding_expect(r, f, "%s应使用%s年格式", table_name_of(section), xxgk_format_name(r->meta.format));
}

/* The tables' format against the year the report is for (the formats'
 * years are data, template_data.c), and each table's against the
 * report's. In a format's first year the old one was still accepted:
 * only a warning. */
void check_format_version(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    int year = r->meta.year;
    xxgk_format want = xxgk_format_for_year(year);
    bool first_year = want && year == tpl_get(want)->from_year;
    for (int s = 2; s <= 4; s++)
        if (r->ev && r->ev->table_format[s] && r->meta.format &&
            r->ev->table_format[s] != r->meta.format && r->ev->tables_seen[s])
            check_table_format(r, s, first_year);
    if (!year || !want || !r->meta.format || want == r->meta.format)
        return;
    if (r->ev && !r->ev->tables_seen[2] && !r->ev->tables_seen[3])
        return;
    span at = {0, 0, 0};
    for (size_t i = 0; r->ev && i < r->ev->rows.n && !at.line; i++)
        at = r->ev->rows.v[i].at;
    xxgk_finding *f = finding_add(r, "format-version", first_year ? XXGK_WARNING : SEV_DEFAULT, at,
                                  NULL, 0, "%d年度报告的统计表使用了%s年格式", year,
                                  xxgk_format_name(r->meta.format));
    finding_expect(r, f, "应使用%s年格式", xxgk_format_name(want));
}

void check_bad_values(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    for (size_t i = 0; i < r->ev->bad_values.n; i++) {
        const rec_bad_value *b = &r->ev->bad_values.v[i];
        int id = b->cell;
        finding_add(r, "cell-text", SEV_DEFAULT, b->at, &id, 1, "“%s”的“%s”栏应为数字，实为“%s”",
                    cell_row_label(r, (int)id), cell_col_label(r, (int)id), b->text);
    }
}

/* Value cells a merged cell of the document covers. */
void check_merged(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    for (size_t i = 0; i < r->ev->merged.n; i++) {
        const rec_merged *m = &r->ev->merged.v[i];
        if (m->ncells <= 0 || m->cells[0] < 0)
            continue;
        size_t id = (size_t)m->cells[0];
        const char *table = table_name(tpl_cell(id)->table);
        if (m->vertical)
            finding_add(r, "cell-merged", SEV_DEFAULT, m->at, m->cells, (size_t)m->ncells,
                        "%s“%s”行“%s”栏与上一行合并为一格：合并格中的数只计入上一行，本栏没有读取",
                        table, cell_row_label(r, (int)id), cell_col_label(r, (int)id));
        else
            finding_add(r, "cell-merged", SEV_DEFAULT, m->at, m->cells, (size_t)m->ncells,
                        "%s“%s”行从“%s”栏起的%d栏合并为一格（“%s”）：无法确定数字属于哪一栏，"
                        "这几栏都没有读取",
                        table, cell_row_label(r, (int)id), cell_col_label(r, (int)id), m->ncells,
                        m->text);
    }
}

/* Rows the document prints that could not be read (recognise_loose.c):
 * each named, with its cells and the reason. */
void check_unread(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    for (size_t i = 0; i < r->ev->unread.n; i++) {
        const rec_unread *u = &r->ev->unread.v[i];
        int ids[32], n = 0;
        const char *table = u->table ? table_name(u->table) : "统计表";
        if (u->table && u->row >= 0) {
            const tpl_table *own = tpl_table_of(r->meta.format, u->table->section);
            const tpl_table *t = own && tpl_row_index(own, u->table->rows[u->row].key ? u->table->rows[u->row].key : "") >= 0 ? own : u->table;
            int ri = t == u->table ? u->row : tpl_row_index(t, u->table->rows[u->row].key);
            for (int k = 0; k < tpl_row_block(t, ri)->ncols && n < 32; k++)
                if ((ids[n] = tpl_cell_at(t, ri, k)) >= 0)
                    n++;
        }
        xxgk_finding *f = NULL;
        switch (u->reason) {
        case UNREAD_NO_VALUES:
            f = finding_add(r, "row-unread", SEV_DEFAULT, u->at, ids, (size_t)n,
                            "%s“%s”一行只印出行标签，没有数字，未读取", table, u->label);
            break;
        case UNREAD_NO_LABEL:
            f = finding_add(r, "row-unread", SEV_DEFAULT, u->at, NULL, 0,
                            "一行数字“%s”没有行标签，无法确定属于哪一行，未读取", u->values);
            break;
        default:
            f = u->label ? finding_add(r, "row-unread", SEV_DEFAULT, u->at, ids, (size_t)n,
                                       "%s“%s”一行的标签与数字分开印出，且标签和数字的行数对不上，"
                                       "无法确定哪些数字属于它，未读取", table, u->label)
                         : finding_add(r, "row-unread", SEV_DEFAULT, u->at, NULL, 0,
                                       "一行数字“%s”与行标签分开印出，标签和数字的行数对不上，"
                                       "无法确定它属于哪一行，未读取", u->values);
            break;
        }
        (void)f;
    }
}

void check_shapes(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    for (size_t i = 0; i < r->ev->rows.n;)
        i = check_shape_run(r, i);
}

/* Every present cell of the tables, by table: a model's as much as a
 * read report's. */
void check_cell_values(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    int blanks[3][256];
    size_t nb[3] = {0, 0, 0};
    for (size_t id = 0; id < r->ncells; id++) {
        if (r->cells[id].kind == XXGK_VALUE_ABSENT)
            continue;
        int s = tpl_cell(id)->table->section - 2;
        if (s >= 0 && s < 3)
            check_value(r, (int)id, blanks[s], &nb[s], sizeof blanks[s] / sizeof blanks[s][0]);
    }
    for (int s = 0; s < 3; s++)
        report_blanks(r, s + 2, blanks[s], nb[s]);
}

/* A label whose numeral is printed twice, "三三、本年度办理结果": the
 * official label of a row of the report's tables once the doubled
 * numeral is read once. Returns that label, or NULL. (Compact text.) */
/* Whether compact text s[0..n) starts with a numeral printed twice and
 * a list mark: "三三、" or "三三." (its first 9 bytes decide). */
static bool doubled_start(const char *s, size_t n)
{
    static const char numerals[] = "一二三四五六七八九十";
    bool numeral = false;
    for (size_t k = 0; k + 3 <= sizeof numerals - 1 && !numeral; k += 3)
        numeral = n >= 3 && memcmp(s, numerals + k, 3) == 0;
    return numeral && n >= 9 && memcmp(s, s + 3, 3) == 0 &&
           (text_starts_at(s + 6, n - 6, 0, "、") || s[6] == '.');
}

static const char *doubled_number(const xxgk_report *r, const char *s, size_t n)
{
    if (!doubled_start(s, n))
        return NULL;
    size_t rest = s[6] == '.' ? 7 : 9;
    if (rest >= n)
        return NULL;
    xxgk_format f = r->meta.format ? r->meta.format : tpl_latest_format();
    for (int sec = 2; sec <= 4; sec++) {
        const tpl_table *t = tpl_table_of(f, sec);
        for (int ri = 0; t && ri < t->nrows; ri++) {
            const char *label = t->rows[ri].label;
            if (memcmp(label, s, 3) == 0 && text_starts_at(label + 3, strlen(label + 3), 0, "、") &&
                label_same_wording(s + rest, n - rest, label))
                return label;
        }
    }
    return NULL;
}

/* Labels with a doubled numeral in the document's table cells and
 * paragraphs: the row is read by its other labels, the misprint said. */
/* doubled_number of the compact form of text[0..len), made into buf
 * (160 bytes) only when its start is such a label: nearly every cell
 * is told from the 16 first bytes (text_compact_buf's promise: 11 of
 * them are those of the whole compact form). */
/* Whether text[0..len) may compact to a doubled numeral: what its
 * compact form starts with is mostly plain to see, the first character
 * after blanks, when it is ASCII (a number) or an ideograph that is no
 * numeral (a label). False means it cannot; true, that doubled_in must
 * look. */
static inline bool may_be_doubled(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && (unsigned char)text[i] <= ' ')
        i++;
    unsigned char c = i < len ? (unsigned char)text[i] : 0;
    if (i == len || (c < 0x80 && c != '['))
        return false;
    if (c >= 0xE4 && c <= 0xE9 && len - i >= 3 && (c != 0xE4 || (unsigned char)text[i + 1] >= 0xB8) &&
        ((unsigned char)text[i + 1] & 0xC0) == 0x80 && ((unsigned char)text[i + 2] & 0xC0) == 0x80) {
        static const char numerals[] = "一二三四五六七八九十";
        for (size_t k = 0; k < sizeof numerals - 1; k += 3)
            if (memcmp(text + i, numerals + k, 3) == 0)
                return true;
        return false;
    }
    return true;
}

static const char *doubled_in(const xxgk_report *r, const char *text, size_t len, char *buf,
                              size_t *n)
{
    char head[16];
    size_t h = text_compact_buf(text, len, head, sizeof head);
    if (!doubled_start(head, h))
        return NULL;
    *n = text_compact_buf(text, len, buf, 160);
    return doubled_number(r, buf, *n);
}

static void check_doubled_numbers(xxgk_report *r)
{
    const doc *d = &r->ev->tree;
    char buf[160];
    size_t n;
    for (size_t b = 0; b < d->n; b++) {
        const doc_block *blk = &d->blocks[b];
        if (blk->kind == DOC_PARA && blk->len < 120 && may_be_doubled(blk->text, blk->len)) {
            const char *label = doubled_in(r, blk->text, blk->len, buf, &n);
            if (label) {
                xxgk_finding *f = finding_add(r, "label-mismatch", SEV_DEFAULT,
                                              (span){blk->line, blk->col, blk->len}, NULL, 0,
                                              "标签“%s”的序号重复", buf);
                finding_expect(r, f, "应为“%s”", label);
            }
        }
        for (uint32_t i = 0; blk->kind == DOC_TABLE && i < blk->nrows; i++)
            for (uint32_t c = 0; c < blk->rows[i].n; c++) {
                const doc_cell *cell = &blk->rows[i].cells[c];
                if (cell->continued || cell->len >= 120 || !may_be_doubled(cell->text, cell->len))
                    continue;
                const char *label = doubled_in(r, cell->text, cell->len, buf, &n);
                if (!label)
                    continue;
                xxgk_finding *f = finding_add(r, "label-mismatch", SEV_DEFAULT,
                                              (span){cell->line, cell->col, cell->len}, NULL, 0,
                                              "标签“%s”的序号重复", buf);
                finding_expect(r, f, "应为“%s”", label);
            }
    }
}

void check_labels(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    for (size_t i = 0; i < r->ev->rows.n; i++)
        check_label(r, &r->ev->rows.v[i]);
    check_headers(r);
    check_doubled_numbers(r);
}

void check_foreign_rows(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    for (size_t i = 0; i < r->ev->rows.n; i++)
        check_foreign(r, &r->ev->rows.v[i]);
}
