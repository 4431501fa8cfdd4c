/*
 * render_markdown.c — the report as Markdown with pipe tables.
 *
 * Markdown tables cannot merge cells, so the grid is flattened the way
 * reports published as Markdown do it (tests/golden/layouts/
 * markdown_2021.md), which `xxgk parse` reads back:
 *  - table 二: one row per grid row, a merged cell printed in its first
 *    column and the columns it covers left empty;
 *  - tables with a header (三, 四): the header rows become one row, each
 *    column headed by the row-group and column labels above it (行政诉讼
 *    未经复议直接起诉 结果维持); pure column groups (申请人情况) are
 *    dropped; the label columns become one, holding the labels that start
 *    in the row (三、本年度办理结果 （一）予以公开).
 */
#include <string.h>

#include "render.h"

static void md_cell(FILE *out, const char *s)
{
    fputs("| ", out);
    render_put_inline(out, s, strlen(s));
    fputc(' ', out);
}

static void md_rule(FILE *out, int width)
{
    for (int i = 0; i < width; i++)
        fputs("| --- ", out);
    fputs("|\n", out);
}

/* Table 二: every grid row as it is, spans left empty. */
static void md_plain_rows(const xxgk_report *r, const grid *g, FILE *out)
{
    char buf[48];
    for (int row = 0; row < g->nrows; row++) {
        for (int col = 0; col < g->ncols; col++) {
            const grid_cell *c = grid_cell_at(g, row, col);
            if (!grid_starts_at(g, c, row, col))
                md_cell(out, "");
            else if (c->kind == G_VALUE)
                md_cell(out, render_value(r, c->cell, buf, sizeof buf));
            else
                md_cell(out, c->text);
        }
        fputs("|\n", out);
        if (row == 0)
            md_rule(out, g->ncols);
    }
}

/* The one header row of a table with a header: the corner, then per
 * value column the row-group and column labels above it. */
static void md_header(const grid *g, FILE *out)
{
    if (g->label_cols) {
        const grid_cell *corner = grid_cell_at(g, 0, 0);
        md_cell(out, corner && corner->text ? corner->text : "");
    }
    for (int col = g->label_cols; col < g->ncols; col++) {
        fputs("| ", out);
        const grid_cell *prev = NULL;
        bool first = true;
        for (int row = 0; row < g->head_rows; row++) {
            const grid_cell *c = grid_cell_at(g, row, col);
            if (!c || c == prev || (c->kind != G_ROWHEAD && c->kind != G_COLHEAD))
                continue;
            prev = c;
            if (!first)
                fputc(' ', out);
            first = false;
            render_put_inline(out, c->text, strlen(c->text));
        }
        fputc(' ', out);
    }
    fputs("|\n", out);
    md_rule(out, (g->label_cols ? 1 : 0) + g->ncols - g->label_cols);
}

static void md_body(const xxgk_report *r, const grid *g, FILE *out)
{
    char buf[48];
    for (int row = g->head_rows; row < g->nrows; row++) {
        if (g->label_cols) {
            fputs("| ", out);
            bool first = true;
            for (int col = 0; col < g->label_cols; col++) {
                const grid_cell *c = grid_cell_at(g, row, col);
                if (!grid_starts_at(g, c, row, col))
                    continue;
                if (!first)
                    fputc(' ', out);
                first = false;
                render_put_inline(out, c->text, strlen(c->text));
            }
            fputc(' ', out);
        }
        for (int col = g->label_cols; col < g->ncols; col++) {
            const grid_cell *c = grid_cell_at(g, row, col);
            bool value = grid_starts_at(g, c, row, col) && c->kind == G_VALUE;
            md_cell(out, value ? render_value(r, c->cell, buf, sizeof buf) : "");
        }
        fputs("|\n", out);
    }
}

int render_markdown(const xxgk_report *r, FILE *out)
{
    xxgk_format f = render_format_of(r);
    char buf[512];
    fputs("# ", out);
    const char *title = render_title(r, buf, sizeof buf);
    render_put_inline(out, title, strlen(title));
    fputs("\n\n", out);
    render_text_paragraphs(r, 0, out);
    for (int s = 1; s <= 6; s++) {
        fprintf(out, "## %s\n\n", render_heading(f, s, buf, sizeof buf));
        render_text_paragraphs(r, s, out);
        grid g;
        if (s < 2 || s > 4 || grid_build(&g, f, s) != 0)
            continue;
        if (g.head_rows) {
            md_header(&g, out);
            md_body(r, &g, out);
        } else {
            md_plain_rows(r, &g, out);
        }
        fputc('\n', out);
    }
    render_text_signature(r, out);
    return ferror(out) ? -1 : 0;
}
