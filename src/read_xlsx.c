/*
 * read_xlsx.c — the XLSX reader: a workbook into the document tree
 * (doc.h), each node located by its sheet, row and column.
 *
 * What is read, and in which order:
 *  - the visible sheets in the workbook's order; of a sheet with a print
 *    area, only the print area (what the author prints is the document;
 *    the fill-in workbook keeps its check column outside it);
 *  - a cell linking to another sheet of the workbook stands for that
 *    sheet: the sheet is read there, once, instead of the link's text
 *    (the fill-in workbook's 正文 links each section to its table);
 *  - a row with one cell and no merge is a paragraph; consecutive rows
 *    with several cells, or merged ones, are a table whose grid columns
 *    are the sheet's columns, a merged range one cell with its spans and
 *    the rows it covers continued cells; an empty row ends a table.
 * A cell's text is what it shows (xlsx_book.c): a formula's cached
 * result, a date as 2025年1月20日. A workbook is a model a person filled
 * in: its blank totals are computed (doc.fill_in, report.c).
 */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "readers.h"
#include "xlsx_book.h"

typedef struct rx {
    doc *d;
    xlsx_book *book;
    bool seen[XLSX_MAX_SHEETS];
    const char *names[XLSX_MAX_SHEETS]; /* in the arena, for locators */
} rx;

static xxgk_locator where(const rx *x, size_t sheet, uint32_t row, uint32_t col)
{
    xxgk_locator l = {0};
    l.kind = XXGK_LOC_SHEET;
    l.sheet = x->names[sheet];
    l.row = row + 1;
    l.cell = col + 1;
    return l;
}

static bool in_area(const xlsx_sheet *s, uint32_t row, uint32_t col)
{
    return !s->has_area || (row >= s->area.r0 && row <= s->area.r1 && col >= s->area.c0 &&
                            col <= s->area.c1);
}

/* The merged range that contains (row, col) within the print area, or
 * NULL. */
static const xlsx_range *merge_at(const xlsx_sheet *s, uint32_t row, uint32_t col)
{
    for (size_t i = 0; i < s->nmerges; i++) {
        const xlsx_range *m = &s->merges[i];
        if (row >= m->r0 && row <= m->r1 && col >= m->c0 && col <= m->c1)
            return m;
    }
    return NULL;
}

static int sheet_named(const xlsx_book *b, const char *name)
{
    for (size_t i = 0; i < b->n; i++)
        if (!strcmp(b->sheets[i].name, name))
            return (int)i;
    return -1;
}

/* The sheet a cell links to (not yet read, visible), or -1. */
static int link_at(const rx *x, const xlsx_sheet *s, uint32_t row, uint32_t col)
{
    for (size_t i = 0; i < s->nlinks; i++)
        if (s->links[i].row == row && s->links[i].col == col) {
            int k = sheet_named(x->book, s->links[i].sheet);
            if (k >= 0 && !x->seen[k] && !x->book->sheets[k].hidden)
                return k;
        }
    return -1;
}

/* One row of a sheet: its cells [first, end) in the print area. */
typedef struct row_span {
    uint32_t row;
    size_t first, end;
    size_t present, filled; /* cells written in the sheet; with text */
    bool merged;            /* part of a merged range */
} row_span;

static bool next_row(const xlsx_sheet *s, size_t *i, row_span *out)
{
    while (*i < s->ncells && !in_area(s, s->cells[*i].row, s->cells[*i].col))
        (*i)++;
    if (*i >= s->ncells)
        return false;
    memset(out, 0, sizeof *out);
    out->row = s->cells[*i].row;
    out->first = *i;
    while (*i < s->ncells && s->cells[*i].row == out->row) {
        const xlsx_cell *c = &s->cells[*i];
        if (in_area(s, c->row, c->col)) {
            out->present++;
            out->filled += c->text[0] != '\0';
            const xlsx_range *m = merge_at(s, c->row, c->col);
            out->merged |= m && (m->r1 > m->r0 || m->c1 > m->c0);
        }
        (*i)++;
    }
    out->end = *i;
    return true;
}

static bool table_like(const row_span *r)
{
    return r->present >= 2 || r->merged;
}

static void read_sheet(rx *x, size_t k);

/* A paragraph row: its one cell, or the sheet it links to. */
static void put_paragraph(rx *x, size_t k, const row_span *r)
{
    const xlsx_sheet *s = &x->book->sheets[k];
    for (size_t i = r->first; i < r->end; i++) {
        const xlsx_cell *c = &s->cells[i];
        if (!in_area(s, c->row, c->col))
            continue;
        int linked = link_at(x, s, c->row, c->col);
        if (linked >= 0) {
            read_sheet(x, (size_t)linked);
            continue;
        }
        if (!c->text[0])
            continue;
        xxgk_locator l = where(x, k, c->row, c->col);
        doc_put_para(x->d, c->text, strlen(c->text), &l);
    }
}

/* The text of the cell at (row, col), "" when none. */
static const char *text_at(const xlsx_sheet *s, uint32_t row, uint32_t col)
{
    size_t lo = 0, hi = s->ncells;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const xlsx_cell *c = &s->cells[mid];
        if (c->row < row || (c->row == row && c->col < col))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->ncells && s->cells[lo].row == row && s->cells[lo].col == col
               ? s->cells[lo].text
               : "";
}

/* The table of rows rows[0..n): every column of its extent, merged
 * ranges as one cell with spans, covered positions as continued cells. */
static void put_table(rx *x, size_t k, const row_span *rows, size_t n)
{
    const xlsx_sheet *s = &x->book->sheets[k];
    uint32_t c0 = UINT32_MAX, c1 = 0;
    for (size_t r = 0; r < n; r++)
        for (size_t i = rows[r].first; i < rows[r].end; i++) {
            const xlsx_cell *c = &s->cells[i];
            if (!in_area(s, c->row, c->col))
                continue;
            c0 = c->col < c0 ? c->col : c0;
            c1 = c->col > c1 ? c->col : c1;
        }
    if (c0 > c1)
        return;
    xxgk_locator tl = where(x, k, rows[0].row, c0);
    doc_block *t = doc_put_table(x->d, true, &tl);
    /* the doc cell each merged range starts with, for its continuations */
    const doc_cell **owner = calloc(s->nmerges ? s->nmerges : 1, sizeof *owner);
    if (!t || !owner) {
        free(owner);
        x->d->failed = XXGK_E_NOMEM;
        return;
    }
    for (size_t r = 0; r < n; r++) {
        xxgk_locator rl = where(x, k, rows[r].row, c0);
        doc_row *dr = doc_put_row(x->d, t, &rl);
        /* the row ends at its last cell written or merged over: a plain
         * workbook's short rows are not padded with blanks */
        uint32_t end = c0;
        for (size_t i = rows[r].first; i < rows[r].end; i++)
            if (in_area(s, s->cells[i].row, s->cells[i].col) && s->cells[i].col > end)
                end = s->cells[i].col;
        for (uint32_t col = end + 1; col <= c1; col++)
            if (merge_at(s, rows[r].row, col))
                end = col;
        for (uint32_t col = c0; dr && col <= end; col++) {
            const xlsx_range *m = merge_at(s, rows[r].row, col);
            uint32_t last = m && m->c1 <= c1 ? m->c1 : col;
            if (m && m->c0 < col && m->c0 >= c0)
                continue; /* inside a range begun to the left */
            if (m && m->r0 < rows[r].row) {
                doc_put_continued(x->d, dr, col - c0, last - col + 1,
                                  owner[m - s->merges]);
                col = last;
                continue;
            }
            const char *text = text_at(s, rows[r].row, col);
            xxgk_locator cl = where(x, k, rows[r].row, col);
            unsigned rowspan = m ? m->r1 - m->r0 + 1 : 1;
            doc_cell *dc = doc_put_cell(x->d, dr, text, strlen(text), col - c0,
                                        last - col + 1, rowspan, false, &cl);
            if (m)
                owner[m - s->merges] = dc;
            col = last;
        }
    }
    free(owner);
}

static void read_sheet(rx *x, size_t k)
{
    const xlsx_sheet *s = &x->book->sheets[k];
    x->seen[k] = true;
    row_span *rows = calloc(s->ncells ? s->ncells : 1, sizeof *rows);
    if (!rows) {
        x->d->failed = XXGK_E_NOMEM;
        return;
    }
    size_t i = 0, n = 0;
    row_span r;
    uint32_t last_row = 0;
    while (!x->d->failed && next_row(s, &i, &r)) {
        bool gap = n && r.row != last_row + 1;
        bool empty = !r.filled && !r.merged;
        if (n && (gap || empty || !table_like(&r))) {
            put_table(x, k, rows, n);
            n = 0;
        }
        last_row = r.row;
        if (empty)
            continue;
        if (table_like(&r))
            rows[n++] = r;
        else
            put_paragraph(x, k, &r);
    }
    if (n)
        put_table(x, k, rows, n);
    free(rows);
}

xxgk_status read_xlsx(arena *a, const char *data, size_t size, doc *out, const char **encoding,
                      xxgk_error *err)
{
    *encoding = "UTF-8";
    xlsx_book *book = malloc(sizeof *book);
    if (!book)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    xxgk_status st = xlsx_book_read(data, size, book, err);
    if (st != XXGK_OK) {
        free(book);
        return st;
    }
    rx x = {.d = out, .book = book};
    for (size_t k = 0; k < book->n; k++)
        x.names[k] = arena_strndup(a, book->sheets[k].name, strlen(book->sheets[k].name));
    for (size_t k = 0; k < book->n && !out->failed; k++)
        if (!x.seen[k] && !book->sheets[k].hidden)
            read_sheet(&x, k);
    out->fill_in = true;
    xlsx_book_free(book);
    free(book);
    st = doc_status(out, "XLSX", err);
    if (st == XXGK_OK && out->n == 0)
        st = error_set(err, XXGK_E_EMPTY, "XLSX 文件中没有文字");
    return st;
}
