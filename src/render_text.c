/*
 * render_text.c — the report as plain text, tables as `|` rows.
 *
 * The layout is the one web pages give when copied as text, and which
 * `xxgk parse` reads back (tests/golden/layouts/pipe_*.txt): paragraphs
 * separated by blank lines, a block caption of table 二 on a line of its
 * own, and one line per table row holding the cells that start in that
 * row (a merged cell is printed once, in its first row), framed by pipes.
 */
#include <string.h>

#include "render.h"

static void text_table(const xxgk_report *r, const grid *g, FILE *out)
{
    char buf[48];
    for (int row = 0; row < g->nrows; row++) {
        const grid_cell *first = grid_cell_at(g, row, 0);
        if (first && first->kind == G_CAPTION) {
            /* A caption on a line of its own, as web pages give it. */
            render_put_inline(out, first->text, strlen(first->text));
            fputc('\n', out);
            continue;
        }
        /* Framed by pipes, so that blank cells at the end are cells. */
        for (int col = 0; col < g->ncols; col++) {
            const grid_cell *c = grid_cell_at(g, row, col);
            if (!grid_starts_at(g, c, row, col))
                continue;
            fputs("| ", out);
            if (c->kind == G_VALUE)
                fputs(render_value(r, c->cell, buf, sizeof buf), out);
            else
                render_put_inline(out, c->text, strlen(c->text));
            fputc(' ', out);
        }
        fputs("|\n", out);
    }
}

int render_text(const xxgk_report *r, FILE *out)
{
    xxgk_format f = render_format_of(r);
    char buf[512];
    fprintf(out, "%s\n\n", render_title(r, buf, sizeof buf));
    render_text_paragraphs(r, 0, out);
    for (int s = 1; s <= 6; s++) {
        fprintf(out, "%s\n\n", render_heading(f, s, buf, sizeof buf));
        render_text_paragraphs(r, s, out);
        grid g;
        if (s >= 2 && s <= 4 && grid_build(&g, f, s) == 0) {
            text_table(r, &g, out);
            fputc('\n', out);
        }
    }
    render_text_signature(r, out);
    return ferror(out) ? -1 : 0;
}
