/*
 * render_grid.c — the statistics tables laid out as grids of merged
 * cells, from the template alone (template_data.c).
 *
 * Three layouts cover the official tables:
 *  - blocks (table 二): per block a caption row across the table, a header
 *    row (信息内容 and the block's columns) and its data rows; a block
 *    with fewer columns than the widest lets its last column span the
 *    rest (the official 2021 template: 本年处理决定数量 spans three);
 *  - rows (table 三): a header of nested column groups over the value
 *    columns, the 勾稽 note in the corner; row labels in as many columns
 *    as rows nest, a group label spanning the rows of its members;
 *  - flat (table 四): the row groups become header groups over their
 *    columns and all values are one row.
 */
#include <string.h>

#include "render.h"

static int add_cell(grid *g, grid_kind kind, int row, int col, int rowspan, int colspan,
                    const char *text)
{
    if (g->n >= GRID_MAX_CELLS || row + rowspan > GRID_MAX_ROWS || col + colspan > GRID_MAX_COLS ||
        rowspan < 1 || colspan < 1)
        return -1;
    grid_cell *c = &g->cells[g->n];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->row = row;
    c->col = col;
    c->rowspan = rowspan;
    c->colspan = colspan;
    c->text = text;
    c->cell = -1;
    for (int r = row; r < row + rowspan; r++)
        for (int k = col; k < col + colspan; k++)
            g->at[r][k] = (short)g->n;
    if (row + rowspan > g->nrows)
        g->nrows = row + rowspan;
    if (col + colspan > g->ncols)
        g->ncols = col + colspan;
    return g->n++;
}

static int add_value(grid *g, int row, int col, int colspan, const tpl_table *t, int ri, int ci)
{
    int k = add_cell(g, G_VALUE, row, col, 1, colspan, NULL);
    if (k < 0)
        return -1;
    const tpl_block *b = tpl_row_block(t, ri);
    g->cells[k].cell = tpl_cell_id(t->id, t->rows[ri].key, b->cols[ci].key);
    g->cells[k].unit = b->cols[ci].unit;
    return g->cells[k].cell < 0 ? -1 : 0;
}

/* Whether row ri of t is printed in the format (mask). */
static bool row_in(const tpl_table *t, int ri, int mask)
{
    return (t->rows[ri].formats & mask) != 0;
}

static int row_depth(const tpl_table *t, int ri)
{
    int d = 0;
    for (int g = t->rows[ri].group; g >= 0 && d < 8; g = t->rows[g].group)
        d++;
    return d;
}

/* Data rows of the format under group row gi (at any depth). */
static int data_under(const tpl_table *t, int gi, int mask)
{
    int n = 0;
    for (int ri = 0; ri < t->nrows; ri++) {
        if (t->rows[ri].kind != ROW_DATA || !row_in(t, ri, mask))
            continue;
        for (int g = t->rows[ri].group; g >= 0; g = t->rows[g].group)
            if (g == gi) {
                n++;
                break;
            }
    }
    return n;
}

static int max_depth(const tpl_table *t, int mask)
{
    int d = 0;
    for (int ri = 0; ri < t->nrows; ri++)
        if (row_in(t, ri, mask) && row_depth(t, ri) > d)
            d = row_depth(t, ri);
    return d;
}

/* The header group that labels the label columns (信息内容), or "". */
static const char *corner_label(const tpl_table *t)
{
    for (int i = 0; i < t->ngroups; i++)
        if (t->groups[i].corner)
            return t->groups[i].label;
    return "";
}

/* ---- blocks (table 二) --------------------------------------------------- */

static int layout_blocks(grid *g, const tpl_table *t, int mask)
{
    int width = 0;
    for (int b = 0; b < t->nblocks; b++)
        if (t->blocks[b].ncols > width)
            width = t->blocks[b].ncols;
    const char *corner = corner_label(t);
    int row = 0;
    g->label_cols = 1;
    for (int b = 0; b < t->nblocks; b++) {
        const tpl_block *blk = &t->blocks[b];
        bool used = false;
        for (int ri = 0; ri < t->nrows; ri++)
            used |= t->rows[ri].block == b && row_in(t, ri, mask);
        if (!used)
            continue;
        if (blk->caption && add_cell(g, G_CAPTION, row++, 0, 1, width + 1, blk->caption) < 0)
            return -1;
        if (add_cell(g, G_CORNER, row, 0, 1, 1, corner) < 0)
            return -1;
        for (int c = 0; c < blk->ncols; c++) {
            int span = c == blk->ncols - 1 ? width - c : 1;
            if (add_cell(g, G_COLHEAD, row, 1 + c, 1, span, blk->cols[c].label) < 0)
                return -1;
        }
        row++;
        for (int ri = 0; ri < t->nrows; ri++) {
            if (t->rows[ri].block != b || !row_in(t, ri, mask) || t->rows[ri].kind != ROW_DATA)
                continue;
            if (add_cell(g, G_LABEL, row, 0, 1, 1, t->rows[ri].label) < 0)
                return -1;
            for (int c = 0; c < blk->ncols; c++) {
                int span = c == blk->ncols - 1 ? width - c : 1;
                if (add_value(g, row, 1 + c, span, t, ri, c) < 0)
                    return -1;
            }
            row++;
        }
    }
    return 0;
}

/* ---- rows (table 三) ------------------------------------------------------ */

/* Whether column key `col` is under a group (its list NULL: all). */
static bool group_has(const tpl_group *cg, const char *col)
{
    if (!cg->cols)
        return true;
    for (tpl_words k = cg->cols; *k; k++)
        if (!strcmp(*k, col))
            return true;
    return false;
}

/* The column groups of table t (not the corner's), outer first. */
static int table_groups(const tpl_table *t, const tpl_group **out, int max)
{
    int n = 0;
    for (int i = 0; i < t->ngroups; i++)
        if (!t->groups[i].corner) {
            tpl_need(n < max, "render_grid.c: column groups of a table");
            out[n++] = &t->groups[i];
        }
    return n;
}

/* The header of a one-block table: nested groups over the columns. */
static int layout_column_header(grid *g, const tpl_table *t, int label_cols)
{
    const tpl_block *blk = &t->blocks[0];
    const tpl_group *groups[8];
    int ng = table_groups(t, groups, 8);
    int depth[GRID_MAX_COLS] = {0}, head = 1;
    for (int c = 0; c < blk->ncols && c < GRID_MAX_COLS; c++) {
        for (int k = 0; k < ng; k++)
            depth[c] += group_has(groups[k], blk->cols[c].key);
        if (depth[c] + 1 > head)
            head = depth[c] + 1;
    }
    /* A group sits at the level of the groups that contain it. */
    for (int k = 0; k < ng; k++) {
        int first = -1, last = -1, level = 0;
        for (int c = 0; c < blk->ncols; c++)
            if (group_has(groups[k], blk->cols[c].key)) {
                if (first < 0)
                    first = c;
                last = c;
            }
        for (int j = 0; j < k; j++)
            level += first >= 0 && group_has(groups[j], blk->cols[first].key);
        if (first >= 0 && add_cell(g, G_GROUP, level, label_cols + first, 1, last - first + 1,
                                   groups[k]->label) < 0)
            return -1;
    }
    for (int c = 0; c < blk->ncols; c++)
        if (add_cell(g, G_COLHEAD, depth[c], label_cols + c, head - depth[c], 1,
                     blk->cols[c].label) < 0)
            return -1;
    const char *corner = t->header_note ? t->header_note : corner_label(t);
    if (add_cell(g, G_CORNER, 0, 0, head, label_cols, corner) < 0)
        return -1;
    g->head_rows = head;
    return head;
}

static int layout_rows(grid *g, const tpl_table *t, int mask)
{
    int label_cols = max_depth(t, mask) + 1;
    g->label_cols = label_cols;
    int row = layout_column_header(g, t, label_cols);
    if (row < 0)
        return -1;
    const tpl_block *blk = &t->blocks[0];
    for (int ri = 0; ri < t->nrows; ri++) {
        if (!row_in(t, ri, mask))
            continue;
        int d = row_depth(t, ri);
        const tpl_row *tr = &t->rows[ri];
        if (tr->kind == ROW_GROUP) {
            int span = data_under(t, ri, mask);
            int k = span ? add_cell(g, G_LABEL, row, d, span, 1, tr->label) : 0;
            if (k < 0)
                return -1;
            if (span) {
                g->cells[k].depth = d;
                g->cells[k].group = true;
            }
            continue;
        }
        int k = add_cell(g, G_LABEL, row, d, 1, label_cols - d, tr->label);
        if (k < 0)
            return -1;
        g->cells[k].depth = d;
        for (int c = 0; c < blk->ncols; c++)
            if (add_value(g, row, label_cols + c, 1, t, ri, c) < 0)
                return -1;
        row++;
    }
    return 0;
}

/* ---- flat (table 四) ------------------------------------------------------ */

static int layout_flat(grid *g, const tpl_table *t, int mask)
{
    const tpl_block *blk = &t->blocks[0];
    int head = max_depth(t, mask) + 2;
    int col = 0;
    g->label_cols = 0;
    g->head_rows = head;
    for (int ri = 0; ri < t->nrows; ri++) {
        if (!row_in(t, ri, mask))
            continue;
        int d = row_depth(t, ri);
        const tpl_row *tr = &t->rows[ri];
        if (tr->kind == ROW_GROUP) {
            int span = data_under(t, ri, mask) * blk->ncols;
            if (span && add_cell(g, G_ROWHEAD, d, col, 1, span, tr->label) < 0)
                return -1;
            continue;
        }
        if (add_cell(g, G_ROWHEAD, d, col, 1, blk->ncols, tr->label) < 0)
            return -1;
        for (int c = 0; c < blk->ncols; c++) {
            if (add_cell(g, G_COLHEAD, d + 1, col + c, head - d - 1, 1, blk->cols[c].label) < 0)
                return -1;
            if (add_value(g, head, col + c, 1, t, ri, c) < 0)
                return -1;
        }
        col += blk->ncols;
    }
    return 0;
}

int grid_build(grid *g, xxgk_format f, int section)
{
    memset(g, 0, sizeof *g);
    memset(g->at, 0xff, sizeof g->at);
    const tpl_table *t = tpl_table_of(f, section);
    if (!t)
        return -1;
    g->table = t;
    g->format = f;
    int mask = format_mask(f);
    if (t->layout == LAYOUT_FLAT)
        return layout_flat(g, t, mask);
    if (t->nblocks > 1 || t->blocks[0].caption)
        return layout_blocks(g, t, mask);
    return layout_rows(g, t, mask);
}

const grid_cell *grid_cell_at(const grid *g, int row, int col)
{
    if (row < 0 || col < 0 || row >= g->nrows || col >= g->ncols || g->at[row][col] < 0)
        return NULL;
    return &g->cells[g->at[row][col]];
}

bool grid_starts_at(const grid *g, const grid_cell *c, int row, int col)
{
    (void)g;
    return c && c->row == row && c->col == col;
}
