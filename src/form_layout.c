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

typedef struct sum_copy {
    xxgk_sum pub;
    int formats;      /* the template's mask */
    int ids[40];
} sum_copy;

static sum_copy *sums;
static size_t nsums;
static pthread_once_t sums_once = PTHREAD_ONCE_INIT;

/* Copies every equation, keeping on each side only the ids of cells that
 * exist (a side may name a cell only some format has). */
static void build_sums(void)
{
    size_t n;
    const tpl_equation *eq = tpl_equations(&n);
    sums = calloc(n ? n : 1, sizeof *sums);
    if (!sums)
        return;
    for (size_t i = 0; i < n; i++) {
        sum_copy *s = &sums[nsums];
        size_t k = 0;
        for (int j = 0; j < eq[i].nlhs && k < 40; j++)
            if (eq[i].lhs[j] >= 0)
                s->ids[k++] = eq[i].lhs[j];
        size_t nl = k;
        for (int j = 0; j < eq[i].nrhs && k < 40; j++)
            if (eq[i].rhs[j] >= 0)
                s->ids[k++] = eq[i].rhs[j];
        if (nl == 0 || k == nl)
            continue;
        s->pub.rule = eq[i].sum->rule;
        s->pub.lhs = s->ids;
        s->pub.nlhs = nl;
        s->pub.rhs = s->ids + nl;
        s->pub.nrhs = k - nl;
        s->formats = eq[i].sum->formats;
        nsums++;
    }
}

size_t xxgk_sum_count(void)
{
    pthread_once(&sums_once, build_sums);
    return nsums;
}

const xxgk_sum *xxgk_sum_at(size_t i)
{
    pthread_once(&sums_once, build_sums);
    return i < nsums ? &sums[i].pub : NULL;
}

bool xxgk_sum_in_format(size_t i, xxgk_format format)
{
    pthread_once(&sums_once, build_sums);
    int mask = format_mask(format);
    return i < nsums && mask && (sums[i].formats & mask);
}
