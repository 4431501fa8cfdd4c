/*
 * ledger_read.c — reading a ledger file into a grid of text cells: CSV
 * (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes)
 * and XLSX (the first worksheet, read by xlsx_sheet.c as the roster is:
 * a number is kept as written, a date as Excel's day serial). Row numbers
 * are those the office sees in its spreadsheet, so that an error names
 * the row to fix.
 */
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "lazy.h"
#include "ledger.h"
#include "report.h"
#include "xlsx_sheet.h"

#define SHEET_MAX_COLS 256

/* ---- building the grid ---------------------------------------------------- */

typedef struct grid_builder {
    arena *a;
    sheet *s;
    size_t cap_rows;
    const char **cells;
    size_t ncells, cap_cells;
} grid_builder;

static bool add_cell(grid_builder *g, size_t col, const char *text, size_t len)
{
    if (col >= SHEET_MAX_COLS)
        return true; /* columns past the limit are ignored */
    while (g->ncells <= col) {
        if (g->ncells == g->cap_cells) {
            size_t cap = g->cap_cells ? g->cap_cells * 2 : 16;
            const char **v = realloc(g->cells, cap * sizeof *v);
            if (!v)
                return false;
            g->cells = v;
            g->cap_cells = cap;
        }
        g->cells[g->ncells++] = "";
    }
    g->cells[col] = arena_strndup(g->a, text, len);
    return g->cells[col] != NULL;
}

/* Ends the row being built as sheet row `number`; an empty row is
 * dropped. */
static bool end_row(grid_builder *g, size_t number)
{
    bool empty = true;
    for (size_t i = 0; i < g->ncells; i++) {
        const char *c = g->cells[i];
        while (*c == ' ' || *c == '\t')
            c++;
        if (*c)
            empty = false;
    }
    if (!empty) {
        if (g->s->nrows == g->cap_rows) {
            size_t cap = g->cap_rows ? g->cap_rows * 2 : 64;
            sheet_row *v = arena_grow(g->a, g->s->rows, g->cap_rows * sizeof *v, cap * sizeof *v);
            if (!v)
                return false;
            g->s->rows = v;
            g->cap_rows = cap;
        }
        const char **cells = arena_alloc(g->a, (g->ncells ? g->ncells : 1) * sizeof *cells);
        if (!cells)
            return false;
        memcpy(cells, g->cells, g->ncells * sizeof *cells);
        g->s->rows[g->s->nrows++] = (sheet_row){number, cells, g->ncells};
    }
    g->ncells = 0;
    return true;
}

/* ---- CSV ------------------------------------------------------------------ */

static xxgk_status read_csv(arena *a, const char *path, const char *data, size_t size, sheet *s,
                            xxgk_error *err)
{
    input_text t;
    xxgk_error why = {0};
    if (input_normalise(a, data, size, &t, &why) != XXGK_OK)
        return error_set(err, why.status, "%s：%s", path, why.message);
    const char *p = t.text, *end = t.text + t.size;
    const char *nl = memchr(p, '\n', t.size);
    size_t first = nl ? (size_t)(nl - p) : t.size;
    char sep = memchr(p, '\t', first) && !memchr(p, ',', first) ? '\t' : ',';
    grid_builder g = {a, s, 0, NULL, 0, 0};
    char *field = malloc(t.size + 1);
    if (!field)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    size_t row = 1, col = 0, len = 0;
    bool ok = true;
    while (p < end && ok) {
        len = 0;
        if (*p == '"') {
            size_t started = row;
            p++;
            for (;;) {
                if (p >= end) {
                    free(field);
                    free(g.cells);
                    return error_set(err, XXGK_E_TRUNCATED,
                                     "%s：第 %zu 行的引号没有闭合（CSV 格式错误）", path, started);
                }
                if (*p == '"' && p + 1 < end && p[1] == '"') {
                    field[len++] = '"';
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    field[len++] = *p++;
                }
            }
            while (p < end && *p != sep && *p != '\n')
                field[len++] = *p++; /* text after a closing quote is kept */
        } else {
            while (p < end && *p != sep && *p != '\n')
                field[len++] = *p++;
        }
        ok = add_cell(&g, col, field, len);
        if (p < end && *p == sep) {
            p++;
            col++;
            if (p == end)
                ok = ok && add_cell(&g, col, "", 0);
        } else {
            ok = ok && end_row(&g, row);
            row++;
            col = 0;
            if (p < end)
                p++;
        }
    }
    if (ok && g.ncells)
        ok = end_row(&g, row);
    free(field);
    free(g.cells);
    return ok ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
}

/* ---- XLSX ------------------------------------------------------------------ */

/* ---- XLSX: the first worksheet, read by xlsx_sheet.c ----------------------- */

typedef struct xlsx_grid {
    grid_builder g;
    bool failed;
} xlsx_grid;

static int xlsx_row(void *ctx, size_t row, const char *const *cells, size_t ncells)
{
    xlsx_grid *x = ctx;
    for (size_t c = 0; c < ncells && !x->failed; c++)
        x->failed = !add_cell(&x->g, c, cells[c], strlen(cells[c]));
    x->failed = x->failed || !end_row(&x->g, row);
    return x->failed;
}

static xxgk_status read_xlsx(arena *a, const char *path, const char *data, size_t size, sheet *s,
                             xxgk_error *err)
{
    xlsx_grid x = {{a, s, 0, NULL, 0, 0}, false};
    xxgk_error inner = {0};
    xxgk_status st = xlsx_read_sheet(data, size, xlsx_row, &x, &inner);
    free(x.g.cells);
    s->xlsx = true;
    if (x.failed)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    if (st != XXGK_OK) /* the office's row numbers start from the file's name */
        return error_set(err, st, "%s：%s", path, inner.message);
    return XXGK_OK;
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

xxgk_status ledger_sheet_read(arena *a, const char *path, sheet *out, xxgk_error *err)
{
    memset(out, 0, sizeof *out);
    char *data = NULL;
    size_t size = 0;
    xxgk_error inner = {0};
    if (report_read_path(path, &data, &size, &inner) != XXGK_OK) /* FIFOs, limits, reasons */
        return error_set(err, inner.status, "%s：%s", path, inner.message);
    xxgk_status st;
    if (input_detect(data, size) == INPUT_ZIP) {
        if (!lazy_load(&lazy_zip_lib, err) || !lazy_load(&lazy_xml2_lib, err)) {
            free(data);
            return err->status;
        }
        xmlGenericErrorFunc saved = xmlGenericError;
        void *saved_ctx = xmlGenericErrorContext;
        xmlSetGenericErrorFunc(NULL, silent);
        st = read_xlsx(a, path, data, size, out, err);
        xmlSetGenericErrorFunc(saved_ctx, saved);
    } else {
        st = read_csv(a, path, data, size, out, err);
    }
    free(data);
    return st;
}
