/*
 * check_structure.c — the report's skeleton: the six sections in order
 * and correctly numbered, a title naming body and year, the three tables
 * with all their rows in order, and the 2021 length guideline.
 */
#include <string.h>

#include "check.h"
#include "split.h"
#include "label.h"
#include "utf8.h"

static const char *const cn_numbers[] = {"", "一", "二", "三", "四", "五", "六"};

static const tpl_heading *heading_of(const xxgk_report *r, int section)
{
    xxgk_format f = r->meta.format ? r->meta.format : tpl_latest_format();
    return &tpl_get(f)->headings[section - 1];
}

/* Whether a heading is printed with a sub-heading's numbering, "（一）"
 * or "(1)": "（一）主动公开政府信息情况" inside 总体情况 is a paragraph
 * of section 一 that happens to carry section 二's title, not a section
 * heading whose number is wrong. (The recogniser still takes it for the
 * heading of section 二; recognise.c's detect_heading is where that is
 * to be told apart.) */
static bool sub_heading(const rec_heading *h)
{
    char buf[16];
    size_t n = text_compact_buf(h->text, strlen(h->text), buf, sizeof buf);
    if (n < 3 || buf[0] != '(')
        return false;
    size_t i = 1;
    return label_parse_numeral(buf, n, &i) > 0 && i < n && buf[i] == ')';
}

void check_headings(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    bool seen[7] = {false};
    int last = 0;
    for (size_t i = 0; i < r->ev->headings.n; i++) {
        const rec_heading *h = &r->ev->headings.v[i];
        const tpl_heading *th = heading_of(r, h->section);
        seen[h->section] = true;
        if (h->text && sub_heading(h))
            continue; /* no section heading: nothing to say of its number or words */
        if (h->section < last) {
            finding_add(r, "heading-order", SEV_DEFAULT, h->at, NULL, 0,
                        "第%s部分“%s”出现在第%s部分之后", cn_numbers[h->section], th->title,
                        cn_numbers[last]);
        }
        if (h->section > last)
            last = h->section;
        if (h->number != h->section || h->arabic) {
            xxgk_finding *f = finding_add(r, "heading-number", SEV_DEFAULT, h->at, NULL, 0,
                                          "章节“%s”的序号有误", th->title);
            finding_expect(r, f, "应为“%s、%s”", cn_numbers[h->section], th->title);
        }
        if (h->quality == MATCH_VARIANT || h->quality == MATCH_FUZZY) {
            /* The catalogue's severity, whether the title is a known
             * variant or a near one: the section is recognised either
             * way, only its words differ. */
            char printed[200];
            text_compact_buf(h->text ? h->text : "", h->text ? strlen(h->text) : 0, printed,
                             sizeof printed);
            xxgk_finding *f = finding_add(r, "heading-title", SEV_DEFAULT, h->at, NULL, 0,
                                          "章节标题“%s”与统一格式的措辞不同", printed);
            finding_expect(r, f, "应为“%s、%s”", cn_numbers[h->section], th->title);
        }
    }
    for (int s = 1; s <= 6; s++) {
        if (seen[s])
            continue;
        /* Point at the next heading that is there, if any. */
        span at = {0, 0, 0};
        for (int n = s + 1; n <= 6 && !at.line; n++)
            at.line = heading_line(r, n);
        finding_add(r, "heading-missing", SEV_DEFAULT, at, NULL, 0, "缺少第%s部分“%s”",
                    cn_numbers[s], heading_of(r, s)->title);
    }
}

void check_title(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    const xxgk_meta *m = &r->meta;
    span at = {m->title_line, 0, 0};
    if (!m->title)
        finding_add(r, "title-incomplete", SEV_DEFAULT, at, NULL, 0, "没有找到报告标题");
    else if (!m->year)
        finding_add(r, "title-incomplete", SEV_DEFAULT, at, NULL, 0, "标题没有写明报告年度");
    else if (!m->body || !m->body[0])
        finding_add(r, "title-incomplete", SEV_DEFAULT, at, NULL, 0, "标题没有写明发布机关");
}

/* Whether any cell of table row `ri` is present in the report. */
static bool row_present(const xxgk_report *r, const tpl_table *t, int ri)
{
    const tpl_block *b = tpl_row_block(t, ri);
    for (int c = 0; c < b->ncols; c++) {
        int id = tpl_cell_at(t, ri, c);
        if (id >= 0 && r->cells[id].kind != XXGK_VALUE_ABSENT)
            return true;
    }
    return false;
}

/* Whether the document prints row `ri` of t (its key in any table of the
 * section), read or not: a row printed but unread is row-unread's, not a
 * missing row. */
static bool row_printed(const xxgk_report *r, const tpl_table *t, int ri)
{
    const char *key = t->rows[ri].key;
    for (size_t i = 0; r->ev && key && i < r->ev->rows.n; i++) {
        const rec_row *row = &r->ev->rows.v[i];
        if (row->table->section == t->section && row->table->rows[row->row].key &&
            !strcmp(row->table->rows[row->row].key, key))
            return true;
    }
    for (size_t i = 0; r->ev && key && i < r->ev->unread.n; i++) {
        const rec_unread *u = &r->ev->unread.v[i];
        if (u->table && u->row >= 0 && u->table->section == t->section &&
            u->table->rows[u->row].key && !strcmp(u->table->rows[u->row].key, key))
            return true;
    }
    return false;
}

/* The ids of the cells of table row `ri`, in column order. */
static int row_ids(const tpl_table *t, int ri, int *ids, int max)
{
    const tpl_block *b = tpl_row_block(t, ri);
    int n = 0;
    for (int c = 0; c < b->ncols && n < max; c++)
        ids[n++] = tpl_cell_at(t, ri, c);
    return n;
}

/* A 2021 sub-row of （六） is not missing when the report printed the old
 * single row instead: that is format-row's finding. */
static bool replaced_by_foreign_row(const xxgk_report *r, const tpl_table *t, int ri)
{
    const tpl_row *row = &t->rows[ri];
    if (row->group < 0)
        return false;
    for (int k = 0; k < t->nrows; k++) {
        const tpl_row *o = &t->rows[k];
        if (o->kind == ROW_DATA && !(o->formats & format_mask(r->meta.format)) &&
            strcmp(o->label, t->rows[row->group].label) == 0 && row_present(r, t, k))
            return true;
    }
    return false;
}

static void check_rows_present(xxgk_report *r, const tpl_table *t)
{
    /* A table printed in the other format lacks the rows of this one:
     * format-version says so once, for the whole table. */
    if (r->ev && r->ev->table_format[t->section] &&
        r->ev->table_format[t->section] != r->meta.format && r->ev->tables_seen[t->section])
        return;
    int mask = format_mask(r->meta.format);
    span at = {heading_line(r, t->section), 0, 0};
    int missing = 0;
    for (int ri = 0; ri < t->nrows; ri++) {
        const tpl_row *row = &t->rows[ri];
        if (row->kind != ROW_DATA || !(row->formats & mask))
            continue;
        if (row_present(r, t, ri) || replaced_by_foreign_row(r, t, ri) ||
            (r->ev && split_covers_row(r, t, ri)) || row_printed(r, t, ri))
            continue;
        /* Table 四 prints its groups in one row: one finding for all. */
        if (t->layout == LAYOUT_FLAT) {
            missing++;
            continue;
        }
        int ids[16];
        int n = row_ids(t, ri, ids, 16);
        finding_add(r, "row-missing", SEV_DEFAULT, at, ids, (size_t)n, "%s缺少“%s”一行",
                    table_name_of(t->section), row->label);
    }
    if (missing) {
        int ids[64], n = 0;
        for (int ri = 0; ri < t->nrows; ri++)
            if (t->rows[ri].kind == ROW_DATA)
                n += row_ids(t, ri, ids + n, 64 - n);
        xxgk_finding *f = finding_add(r, "row-missing", SEV_DEFAULT, at, ids, (size_t)n,
                                      "表四缺少数据行或栏数不全");
        finding_place(f, 4, NULL, NULL);
    }
}

static void check_order(xxgk_report *r, const tpl_table *t)
{
    int last = -1;
    for (size_t i = 0; i < r->ev->rows.n; i++) {
        const rec_row *row = &r->ev->rows.v[i];
        if (row->table->section != t->section || row->table->layout == LAYOUT_FLAT)
            continue;
        /* Compare positions in the format's own table (table 二 of the
         * other format has its own order). */
        if (row->table != t)
            continue;
        if (row->row < last && !row->duplicate) {
            finding_add(r, "row-order", SEV_DEFAULT, row->at, NULL, 0,
                        "“%s”一行应排在“%s”之前", t->rows[row->row].label, t->rows[last].label);
            return; /* one is enough to show the table is out of order */
        }
        if (row->row > last)
            last = row->row;
    }
}

/* Whether the report has table `t`: a row placed from the document, or,
 * for a model, a cell of it present. */
static bool table_present(const xxgk_report *r, const tpl_table *t)
{
    if (r->ev)
        return r->ev->tables_seen[t->section] > 0;
    for (int ri = 0; ri < t->nrows; ri++)
        if (t->rows[ri].kind == ROW_DATA && row_present(r, t, ri))
            return true;
    return false;
}

static const tpl_table *table_of_report(const xxgk_report *r, int section)
{
    return tpl_table_of(r->meta.format ? r->meta.format : tpl_latest_format(), section);
}

void check_tables_present(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    for (int s = 2; s <= 4; s++) {
        const tpl_table *t = table_of_report(r, s);
        if (!t)
            continue;
        if (!table_present(r, t)) {
            span at = {heading_line(r, s), 0, 0};
            xxgk_finding *f = finding_add(r, "table-missing", SEV_DEFAULT, at, NULL, 0,
                                          "缺少%s（%s）", table_name_of(s), t->title);
            finding_place(f, s, NULL, NULL);
            continue;
        }
        check_rows_present(r, t);
    }
}

void check_row_order(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    for (int s = 2; s <= 4; s++) {
        const tpl_table *t = table_of_report(r, s);
        if (t && table_present(r, t))
            check_order(r, t);
    }
}

/* 2021 format: 总体情况 in principle at most 1,000 characters. */
void check_overview_length(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    const char *text = r->section_text[1];
    const tpl_format *f = tpl_get(r->meta.format);
    if (!f || !f->overview_max || !text)
        return;
    size_t chars = utf8_count_visible(text, strlen(text));
    if (chars > (size_t)f->overview_max) {
        span at = {heading_line(r, 1), 0, 0};
        xxgk_finding *finding = finding_add(r, "overview-length", SEV_DEFAULT, at, NULL, 0,
                                            "总体情况约%zu字，超过%d字", chars, f->overview_max);
        finding_expect(r, finding, "原则上不超过%d字", f->overview_max);
    }
}
