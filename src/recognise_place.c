/*
 * recognise_place.c — placing the rows the scan observed into the
 * model's cells (see recognise.h): by the document's grid where it has
 * one, by position otherwise, a row of the other format under its own
 * keys; merged values and rows whose cells cannot be told apart are not
 * guessed.
 */
#include <string.h>

#include "recognise.h"
#include "number.h"
#include "utf8.h"

/* ---- placement ------------------------------------------------------- */

static void place_cell(xxgk_report *r, int id, const doc_cell *dc, const cell_value *v, int unit,
                       bool foreign)
{
    if (id < 0 || r->cells[id].kind != XXGK_VALUE_ABSENT)
        return;
    xxgk_cell *cell = &r->cells[id];
    span s = cell_span(dc);
    cell->line = s.line;
    cell->column = s.col;
    cell->length = s.len;
    cell->raw = arena_strndup(&r->a, dc->text, dc->len);
    cell->flags = v->flags | (cell_foreign(r, id, foreign) ? XXGK_CELL_FOREIGN : 0);
    if (v->kind == VALUE_NUMBER) {
        cell->kind = XXGK_VALUE_NUMBER;
        xxgk_decimal d = v->num;
        if (unit == UNIT_WANYUAN && (v->flags & XXGK_CELL_UNIT_YUAN))
            decimal_yuan_to_wanyuan(&d);
        d = decimal_normalise(d);
        if (unit != UNIT_WANYUAN && d.scale)
            cell->flags |= XXGK_CELL_FRACTION;
        cell->value = d;
    } else if (v->kind == VALUE_BLANK) {
        cell->kind = XXGK_VALUE_BLANK;
    } else {
        rec_bad_value *b = VEC_PUSH(&r->a, r->ev->bad_values);
        if (b) {
            b->cell = id;
            b->text = cell->raw;
            b->at = s;
        }
        cell->kind = XXGK_VALUE_ABSENT;
    }
}

/* The value cells of a row that fit `ncols` columns: extra blank cells at
 * either end are dropped (sample 000 has an empty trailing cell in the
 * blocks of 第二十条第（八）（九）项). Returns the count kept and sets *first. */
static int fit_values(const doc_row *row, int first, int ncols, int *out_first, int *extra)
{
    int lo = first, hi = (int)row->n;
    int all = hi - lo;
    while (hi - lo > ncols && text_is_blank(row->cells[hi - 1].text, row->cells[hi - 1].len))
        hi--;
    while (hi - lo > ncols && text_is_blank(row->cells[lo].text, row->cells[lo].len))
        lo++;
    *out_first = lo;
    if (extra)
        *extra = all - (hi - lo);
    return hi - lo;
}

static rec_row *new_row_record(xxgk_report *r, const obs *o, const tpl_table *t, int row,
                               int quality, bool foreign, int nvalues, int ncols)
{
    rec_row *rr = VEC_PUSH(&r->a, r->ev->rows);
    if (!rr)
        return NULL;
    rr->table = t;
    rr->row = row;
    rr->quality = quality;
    rr->foreign = foreign;
    rr->nvalues = nvalues;
    rr->ncols = ncols;
    rr->section = o->section;
    rr->converted = o->converted || (o->table && o->table->converted);
    if (o->label) {
        rr->label = arena_strndup(&r->a, o->label->text, o->label->len);
        rr->at = cell_span(o->label);
    } else {
        rr->label = "";
        rr->at = (span){o->row->line, 0, 0};
    }
    if ((uint32_t)o->first_value < o->row->n)
        rr->values = cell_span(&o->row->cells[o->first_value]);
    return rr;
}

#define MAX_VALUE_COLS 16

/* The cells covering each value column of a row, by the document's own
 * grid (tables read with their spans: HTML, DOCX, PDF): the value cells
 * from `first` on must cover exactly `ncols` grid columns. Returns
 * whether they do (slots[k] is then the cell over column k). */
static bool grid_values(const obs *o, int first, int ncols, const doc_cell **slots)
{
    const doc_row *row = o->row;
    if (!o->table || !o->table->spans || first >= (int)row->n || ncols > MAX_VALUE_COLS)
        return false;
    unsigned g0 = row->cells[first].grid, k = 0;
    for (uint32_t i = (uint32_t)first; i < row->n; i++) {
        const doc_cell *dc = &row->cells[i];
        if (dc->grid != g0 + k)
            return false;
        for (unsigned s = 0; s < dc->colspan; s++, k++) {
            if (k >= (unsigned)ncols)
                return false;
            slots[k] = dc;
        }
    }
    return k == (unsigned)ncols;
}

/* A merged cell `dc` over value columns col … col+n-1 of row ri:
 * nothing placed, recorded once for all the columns it covers. */
static void record_merged(xxgk_report *r, const tpl_table *t, int ri, int col, int n,
                          const doc_cell *dc)
{
    rec_merged *m = VEC_PUSH(&r->a, r->ev->merged);
    if (!m)
        return;
    for (int j = col; j < col + n && m->ncells < 16; j++)
        m->cells[m->ncells++] = tpl_cell_at(t, ri, j);
    m->vertical = dc->continued;
    m->text = dc->continued ? arena_strndup(&r->a, dc->owner->text, dc->owner->len)
                            : arena_strndup(&r->a, dc->text, dc->len);
    m->at = cell_span(dc);
    m->src = &dc->src;
}

/* Whether a value cell is part of a merged cell holding something:
 * the continuation of a cell above that holds a number, or a cell over
 * several columns that is not blank. Such a cell cannot be placed. A
 * continuation of an empty cell, or of a label reaching down into the
 * value columns, is blank: nothing is printed there. */
static bool is_merged_value(const doc_cell *dc)
{
    if (dc->continued) {
        if (!dc->owner)
            return false;
        cell_value v;
        value_parse(dc->owner->text, dc->owner->len, &v);
        return v.kind == VALUE_NUMBER;
    }
    return dc->colspan > 1 && !text_is_blank(dc->text, dc->len);
}

/* Places a row by the document's grid: each value column from the cell
 * over it; a merged cell (continued from above, or over several columns)
 * places nothing. Returns the cells placed. */
static int place_by_grid(xxgk_report *r, const tpl_table *t, int ri, const doc_cell **slots,
                         bool foreign)
{
    const tpl_block *b = tpl_row_block(t, ri);
    int placed = 0;
    for (int k = 0; k < b->ncols; k++) {
        const doc_cell *dc = slots[k];
        if (is_merged_value(dc)) {
            int n = 1;
            while (k + n < b->ncols && slots[k + n] == dc)
                n++;
            record_merged(r, t, ri, k, n, dc);
            k += n - 1;
            continue;
        }
        cell_value v;
        value_parse(dc->text, dc->len, &v);
        place_cell(r, tpl_cell_at(t, ri, k), dc, &v, b->cols[k].unit, foreign);
        placed++;
    }
    return placed;
}

/* Places one row's values into the cells of table row `ri`. */
static void place_row(xxgk_report *r, const obs *o, const tpl_table *t, int ri, int quality,
                      bool foreign, int first)
{
    const tpl_block *b = tpl_row_block(t, ri);
    int start, extra;
    int n = fit_values(o->row, first, b->ncols, &start, &extra);
    rec_row *rr = new_row_record(r, o, t, ri, quality, foreign, n, b->ncols);
    if (!rr)
        return;
    rr->extra = extra;
    int cid0 = tpl_cell_at(t, ri, 0);
    if (cid0 >= 0 && r->cells[cid0].kind != XXGK_VALUE_ABSENT) {
        rr->duplicate = true;
        return;
    }
    const doc_cell *slots[MAX_VALUE_COLS];
    if (grid_values(o, first, b->ncols, slots)) {
        rr->nvalues = b->ncols;
        rr->extra = 0;
        rr->placed = place_by_grid(r, t, ri, slots, foreign);
        r->ev->tables_seen[t->section] += rr->placed > 0;
        return;
    }
    for (int k = 0; k < b->ncols; k++) {
        /* Too few cells: only a trailing 总计 is certain (sample 004). */
        int src;
        if (n == b->ncols)
            src = start + k;
        else if (n < b->ncols && n >= 2 && strcmp(b->cols[k].key, "total") == 0 &&
                 k == b->ncols - 1)
            src = start + n - 1;
        else
            continue;
        const doc_cell *dc = &o->row->cells[src];
        if (dc->continued && is_merged_value(dc)) {
            record_merged(r, t, ri, k, 1, dc);
            continue;
        }
        cell_value v;
        value_parse(dc->text, dc->len, &v);
        place_cell(r, tpl_cell_at(t, ri, k), dc, &v, b->cols[k].unit, foreign);
        rr->placed++;
    }
    if (t->section >= 2 && t->section <= 4)
        r->ev->tables_seen[t->section] += rr->placed > 0;
}

/* Table 四 as one row of 15 numbers: its groups side by side. */
static void place_flat(xxgk_report *r, const obs *o, const tpl_table *t)
{
    const tpl_block *b = &t->blocks[0];
    int groups = 0;
    for (int i = 0; i < t->nrows; i++)
        groups += t->rows[i].kind == ROW_DATA;
    int start, want = groups * b->ncols;
    int n = fit_values(o->row, 0, want, &start, NULL);
    rec_row *rr = new_row_record(r, o, t, 0, MATCH_EXACT, false, n, want);
    if (!rr || n != want)
        return;
    int k = start;
    for (int i = 0; i < t->nrows; i++) {
        if (t->rows[i].kind != ROW_DATA)
            continue;
        for (int col = 0; col < b->ncols; col++, k++) {
            cell_value v;
            const doc_cell *dc = &o->row->cells[k];
            value_parse(dc->text, dc->len, &v);
            int id = tpl_cell_at(t, i, col);
            if (id >= 0 && r->cells[id].kind != XXGK_VALUE_ABSENT) {
                rr->duplicate = true;
                return;
            }
            place_cell(r, id, dc, &v, b->cols[col].unit, false);
            rr->placed++;
        }
    }
    r->ev->tables_seen[4] += 1;
}

/* The row with the same key in format f's table, when it has as many
 * columns as the matched one. */
static bool translate_row(const label_match *m, xxgk_format f, label_match *out)
{
    const tpl_table *own = tpl_table_of(f, m->table->section);
    const char *key = m->table->rows[m->index].key;
    int ri = key ? tpl_row_index(own, key) : -1;
    if (!own || own == m->table || ri < 0 ||
        tpl_row_block(own, ri)->ncols != tpl_row_block(m->table, m->index)->ncols)
        return false;
    *out = (label_match){own, ri, MATCH_VARIANT};
    return true;
}

/* The match to place an observation by: the one in its table's format
 * (table_format, recognise.c), else the first. */
static const label_match *match_in_format(const xxgk_report *r, const obs *o)
{
    const label_match *m = &o->match[0];
    for (int j = 0; j < o->nmatch; j++) {
        const label_match *mj = &o->match[j];
        if (mj->table->formats & format_mask(r->ev->table_format[mj->table->section]))
            m = mj;
    }
    return m;
}

void place_all(scan_ctx *c)
{
    xxgk_report *r = c->r;
    for (size_t i = 0; i < c->obs.n; i++) {
        const obs *o = &c->obs.v[i];
        if (o->flat) {
            place_flat(r, o, tpl_table_of(r->ev->table_format[4], 4));
            continue;
        }
        const label_match *m = match_in_format(r, o);
        xxgk_format tf = r->ev->table_format[m->table->section];
        int mask = format_mask(tf);
        /* An old label for a row the format still has, with as many
         * columns (规范性文件 in a 2021 table 二, corpus 020): the row of
         * the table's own format, flagged as an old label. */
        label_match own;
        bool old_label = false;
        if (!(m->table->formats & mask) && translate_row(m, tf, &own)) {
            m = &own;
            old_label = true;
        }
        const tpl_row *tr = &m->table->rows[m->index];
        bool foreign = !(m->table->formats & tr->formats & mask);
        if (tr->kind == ROW_GROUP) {
            /* A group label printed with numbers (subtotals): recorded
             * for the checker, nothing placed. */
            new_row_record(r, o, m->table, m->index, m->quality, foreign,
                           (int)o->row->n - o->first_value, 0);
            continue;
        }
        place_row(r, o, m->table, m->index, m->quality, foreign, o->first_value);
        if (old_label && r->ev->rows.n) {
            r->ev->rows.v[r->ev->rows.n - 1].old_label = true;
            r->ev->rows.v[r->ev->rows.n - 1].old_format =
                tpl_row_format(o->match[0].table, o->match[0].index, tf);
        }
    }
}

/* Captions name the block whose rows follow them; find it by the next
 * placed row, so that a caption citing the wrong item is still placed. */
void link_captions(xxgk_report *r)
{
    for (size_t i = 0; i < r->ev->captions.n; i++) {
        rec_caption *cap = &r->ev->captions.v[i];
        for (size_t j = 0; j < r->ev->rows.n; j++) {
            const rec_row *row = &r->ev->rows.v[j];
            if (row->table->section == 2 && row->at.line > cap->at.line) {
                cap->block = row->table->rows[row->row].block;
                break;
            }
        }
    }
}

