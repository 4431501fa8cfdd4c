/*
 * form_layout.c — the official layout of the tables and their sum rules
 * through the public header, for interfaces that draw the tables
 * themselves (xxgk serve's pages: a form in the official layout, totals
 * computed as the clerk types).
 *
 * Nothing here knows a format: the grid is render_grid.c's, built from
 * the template; the sums are the template's equations (tpl_equations)
 * with the ids of cells a format lacks left out. The public copies are
 * made once (the grid per call, the sums on first use, thread-safe).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "input.h"
#include "template.h"

/* The grid as the public header shows it, with room for the texts. */
typedef struct grid_copy {
    xxgk_table_grid pub;
    xxgk_grid_cell cells[GRID_MAX_CELLS];
    char name[32], caption[160], corner[64];
} grid_copy;

static int by_position(const void *a, const void *b)
{
    const xxgk_grid_cell *x = a, *y = b;
    return x->row != y->row ? (x->row > y->row) - (x->row < y->row)
                            : (x->col > y->col) - (x->col < y->col);
}

/* Lays out table `section` of format f (render_grid.c) and copies it,
 * its cells ordered by row then column, so that a consumer writes them
 * in one pass as <tr>s. */
xxgk_status xxgk_table_grid_new(xxgk_format format, int section, xxgk_table_grid **out,
                                xxgk_error *err)
{
    *out = NULL;
    grid *g = malloc(sizeof *g);
    grid_copy *c = calloc(1, sizeof *c);
    if (!g || !c) {
        free(g);
        free(c);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    if (grid_build(g, format, section) != 0) {
        free(g);
        free(c);
        return error_set(err, XXGK_E_USAGE, "格式 %s 没有第%d部分的表格",
                         xxgk_format_name(format) ? xxgk_format_name(format) : "?", section);
    }
    snprintf(c->name, sizeof c->name, "%s", g->table->name);
    render_caption(format, section, c->caption, sizeof c->caption);
    snprintf(c->corner, sizeof c->corner, "%s", g->corner);
    for (int i = 0; i < g->n; i++) {
        const grid_cell *s = &g->cells[i];
        xxgk_grid_cell *d = &c->cells[i];
        d->kind = (xxgk_grid_kind)s->kind;
        d->row = s->row;
        d->col = s->col;
        d->rowspan = s->rowspan;
        d->colspan = s->colspan;
        d->group = s->group;
        d->depth = s->depth;
        d->text = s->text == g->corner ? c->corner : s->text;
        d->cell = s->cell;
    }
    qsort(c->cells, (size_t)g->n, sizeof c->cells[0], by_position);
    c->pub.section = section;
    c->pub.format = format;
    c->pub.name = c->name;
    c->pub.caption = c->caption;
    c->pub.nrows = g->nrows;
    c->pub.ncols = g->ncols;
    c->pub.label_cols = g->label_cols;
    c->pub.head_rows = g->head_rows;
    c->pub.cells = c->cells;
    c->pub.ncells = (size_t)g->n;
    free(g);
    *out = &c->pub;
    return XXGK_OK;
}

void xxgk_table_grid_free(xxgk_table_grid *table)
{
    free(table); /* pub is the first member of its grid_copy */
}

/* ---- the sums ------------------------------------------------------------ */

#define MAX_FORMATS 8

typedef struct sum_copy {
    xxgk_sum pub;
    int ids[40];
} sum_copy;

/* Per format (in the order of xxgk_format_at), its identities. */
static struct {
    xxgk_format format;
    sum_copy *v;
    size_t n;
} per_format[MAX_FORMATS];
static size_t nformats;
static pthread_once_t sums_once = PTHREAD_ONCE_INIT;

/* Appends the ids of side[0..n) that format f has. */
static size_t keep_cells(xxgk_format f, const int *side, int n, int *out, size_t k)
{
    for (int j = 0; j < n && k < 40; j++)
        if (side[j] >= 0 && xxgk_format_has_cell(f, (size_t)side[j]))
            out[k++] = side[j];
    return k;
}

/* Copies every equation that holds in each format, keeping on each side
 * only the cells of that format (a rule shared by the formats may name
 * rows only one of them has). */
static void build_sums(void)
{
    size_t n;
    const tpl_equation *eq = tpl_equations(&n);
    for (size_t k = 0; k < xxgk_format_count() && nformats < MAX_FORMATS; k++) {
        xxgk_format f = xxgk_format_at(k);
        int mask = format_mask(f);
        sum_copy *v = calloc(n ? n : 1, sizeof *v);
        if (!v)
            return;
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if (!(eq[i].sum->formats & mask))
                continue;
            sum_copy *s = &v[m];
            size_t nl = keep_cells(f, eq[i].lhs, eq[i].nlhs, s->ids, 0);
            size_t all = keep_cells(f, eq[i].rhs, eq[i].nrhs, s->ids, nl);
            if (nl == 0 || all == nl)
                continue;
            s->pub.rule = eq[i].sum->rule;
            s->pub.lhs = s->ids;
            s->pub.nlhs = nl;
            s->pub.rhs = s->ids + nl;
            s->pub.nrhs = all - nl;
            m++;
        }
        per_format[nformats].format = f;
        per_format[nformats].v = v;
        per_format[nformats].n = m;
        nformats++;
    }
}

static size_t format_index(xxgk_format format)
{
    pthread_once(&sums_once, build_sums);
    for (size_t k = 0; k < nformats; k++)
        if (per_format[k].format == format)
            return k;
    return MAX_FORMATS;
}

size_t xxgk_sum_count(xxgk_format format)
{
    size_t k = format_index(format);
    return k < MAX_FORMATS ? per_format[k].n : 0;
}

const xxgk_sum *xxgk_sum_at(xxgk_format format, size_t i)
{
    size_t k = format_index(format);
    return k < MAX_FORMATS && i < per_format[k].n ? &per_format[k].v[i].pub : NULL;
}
