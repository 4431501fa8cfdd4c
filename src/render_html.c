/*
 * render_html.c — the report as one self-contained HTML page for a
 * government portal: no external files, printable on A4 with the
 * GB/T 9704 margins and fonts (with the fonts of other systems as
 * fallbacks), and accessible: lang="zh-CN", one <h1>, a <section> per
 * numbered part, tables with <caption>, header cells with scope, merged
 * cells as rowspan/colspan exactly as in the official format.
 */
#include <string.h>

#include "render.h"

static const char css[] =
    "@page{size:A4;margin:37mm 26mm 35mm 28mm}\n"
    "body{margin:2em auto;padding:0 1em;max-width:46em;color:#000;background:#fff;"
    "font-family:\"FangSong_GB2312\",\"仿宋_GB2312\",\"FangSong\",\"仿宋\",\"STFangsong\","
    "\"Noto Serif CJK SC\",\"Source Han Serif SC\",serif;font-size:16pt;line-height:1.8}\n"
    "h1{font-family:\"FZXiaoBiaoSong-B05S\",\"方正小标宋简体\",\"STZhongsong\",\"华文中宋\","
    "\"Noto Serif CJK SC\",serif;font-size:22pt;font-weight:normal;text-align:center;"
    "line-height:1.5;margin:0 0 1em;text-wrap:balance}\n"
    "h2{font-family:\"SimHei\",\"黑体\",\"STHeiti\",\"Noto Sans CJK SC\",\"Source Han Sans SC\","
    "sans-serif;font-size:16pt;font-weight:normal;margin:.6em 0 .3em;text-indent:2em}\n"
    "p{margin:0;text-indent:2em;text-align:justify}\n"
    ".kai{font-family:\"KaiTi_GB2312\",\"楷体_GB2312\",\"KaiTi\",\"楷体\",\"STKaiti\","
    "\"Noto Serif CJK SC\",serif}\n"
    ".l3{font-weight:bold}\n"
    ".table{overflow-x:auto;margin:.5em 0 1em}\n"
    "table{border-collapse:collapse;width:100%;font-size:10.5pt;line-height:1.4}\n"
    "caption{font-family:\"SimHei\",\"黑体\",\"Noto Sans CJK SC\",sans-serif;font-size:12pt;"
    "padding:.3em 0}\n"
    "th,td{border:1px solid #000;padding:2px 4px;vertical-align:middle}\n"
    "thead th,th[scope=col],th[scope=colgroup]{text-align:center;font-weight:normal;"
    "font-family:\"SimHei\",\"黑体\",\"Noto Sans CJK SC\",sans-serif}\n"
    "th[scope=row],th[scope=rowgroup]{text-align:left;font-weight:normal}\n"
    "td{text-align:center;font-variant-numeric:tabular-nums}\n"
    "td.note{text-align:left;font-size:9pt}\n"
    ".signature{margin-top:2em;text-align:right;padding-right:4em}\n"
    ".signature p{text-indent:0;text-align:right}\n"
    "th.vert{writing-mode:vertical-rl;text-orientation:upright;text-align:center;"
    "letter-spacing:.1em;padding:4px 0}\n"
    /* print: the header repeats; rows may break between pages (avoiding
     * breaks inside rows would keep table 三's 22 rows under its
     * 三、本年度办理结果 together and push them to the next page) */
    "@media print{body{margin:0;padding:0;max-width:none}.table{overflow:visible}"
    "thead{display:table-header-group}h2{break-after:avoid}}\n";

static void esc(FILE *out, const char *s)
{
    render_xml_escape(out, s, strlen(s));
}

static void html_para(FILE *out, const char *p, size_t len)
{
    size_t head = 0;
    int level = render_subheading(p, len, &head);
    fputs("<p>", out);
    if (level) {
        fputs(level == 2 ? "<span class=\"kai\">" : "<span class=\"l3\">", out);
        render_xml_escape(out, p, head);
        fputs("</span>", out);
    }
    render_xml_escape(out, p + head, len - head);
    fputs("</p>\n", out);
}

static void html_paragraphs(const xxgk_report *r, int n, FILE *out)
{
    char buf[512];
    if (n == 0 && render_period_sentence(r, buf, sizeof buf))
        html_para(out, buf, strlen(buf));
    para_iter it;
    para_iter_init(&it, r, n);
    const char *p;
    size_t len;
    while (para_iter_next(&it, &p, &len))
        html_para(out, p, len);
}

/* The element and scope of a grid cell. */
static void open_cell(FILE *out, const grid_cell *c)
{
    const char *tag = "th", *scope = NULL, *cls = NULL;
    switch (c->kind) {
    case G_CAPTION: scope = "rowgroup"; break;
    case G_CORNER:
        if (c->rowspan > 1) {
            tag = "td";
            cls = "note";
        } else {
            scope = "col";
        }
        break;
    case G_GROUP:
    case G_ROWHEAD: scope = c->colspan > 1 ? "colgroup" : "col"; break;
    case G_COLHEAD: scope = "col"; break;
    case G_LABEL:
        scope = c->group ? "rowgroup" : "row";
        cls = c->group && c->col == 0 && c->rowspan > 3 ? "vert" : NULL;
        break;
    case G_VALUE: tag = "td"; break;
    }
    fprintf(out, "<%s", tag);
    if (scope)
        fprintf(out, " scope=\"%s\"", scope);
    if (cls)
        fprintf(out, " class=\"%s\"", cls);
    if (c->rowspan > 1)
        fprintf(out, " rowspan=\"%d\"", c->rowspan);
    if (c->colspan > 1)
        fprintf(out, " colspan=\"%d\"", c->colspan);
    fputc('>', out);
}

static void html_row(const xxgk_report *r, const grid *g, int row, FILE *out)
{
    char buf[48];
    fputs("<tr>", out);
    for (int col = 0; col < g->ncols; col++) {
        const grid_cell *c = grid_cell_at(g, row, col);
        if (!grid_starts_at(g, c, row, col))
            continue;
        open_cell(out, c);
        if (c->kind == G_VALUE)
            fputs(render_value(r, c->cell, buf, sizeof buf), out);
        else
            esc(out, c->text);
        fputs(c->kind == G_VALUE || (c->kind == G_CORNER && c->rowspan > 1) ? "</td>" : "</th>",
              out);
    }
    fputs("</tr>\n", out);
}

static void html_table(const xxgk_report *r, const grid *g, const char *caption, FILE *out)
{
    fputs("<div class=\"table\">\n<table>\n<caption>", out);
    esc(out, caption);
    fputs("</caption>\n<colgroup>", out);
    /* sensible widths: the row labels 40% (a nested group's columns
     * narrow), the values share the rest */
    int values = g->ncols - g->label_cols;
    for (int c = 0; c < g->ncols; c++) {
        double w = c >= g->label_cols ? (g->label_cols ? 60.0 : 100.0) / (values ? values : 1)
                   : g->label_cols == 1   ? 40.0
                   : c == 0               ? 4.0
                   : c < g->label_cols - 1 ? 9.0
                                           : 40.0 - 4.0 - 9.0 * (g->label_cols - 2);
        fprintf(out, "<col style=\"width:%.1f%%\">", w);
    }
    fputs("</colgroup>\n", out);
    if (g->head_rows) {
        fputs("<thead>\n", out);
        for (int row = 0; row < g->head_rows; row++)
            html_row(r, g, row, out);
        fputs("</thead>\n<tbody>\n", out);
        for (int row = g->head_rows; row < g->nrows; row++)
            html_row(r, g, row, out);
        fputs("</tbody>\n", out);
    } else {
        /* Table 二: a <tbody> per block, opened by its caption row. */
        for (int row = 0; row < g->nrows; row++) {
            const grid_cell *c = grid_cell_at(g, row, 0);
            if (c && c->kind == G_CAPTION)
                fputs(row ? "</tbody>\n<tbody>\n" : "<tbody>\n", out);
            html_row(r, g, row, out);
        }
        fputs("</tbody>\n", out);
    }
    fputs("</table>\n</div>\n", out);
}

static void html_signature(const xxgk_report *r, FILE *out)
{
    const xxgk_meta *m = xxgk_report_meta(r);
    char buf[64];
    bool date = render_date(r, buf, sizeof buf) != NULL;
    if (!(m->body && *m->body) && !date)
        return;
    /* Not <footer>: readers of portal pages drop footers as site chrome. */
    fputs("<div class=\"signature\">\n", out);
    if (m->body && *m->body) {
        fputs("<p>", out);
        esc(out, m->body);
        fputs("</p>\n", out);
    }
    if (date)
        fprintf(out, "<p><time datetime=\"%s\">%s</time></p>\n", m->date, buf);
    fputs("</div>\n", out);
}

int render_html(const xxgk_report *r, FILE *out)
{
    xxgk_format f = render_format_of(r);
    char title_buf[512], buf[256];
    const char *title = render_title(r, title_buf, sizeof title_buf);
    fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"xxgk " XXGK_VERSION "\">\n<title>",
          out);
    esc(out, title);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n<article>\n<h1>", css);
    esc(out, title);
    fputs("</h1>\n", out);
    html_paragraphs(r, 0, out);
    for (int s = 1; s <= 6; s++) {
        fprintf(out, "<section aria-labelledby=\"s%d\">\n<h2 id=\"s%d\">", s, s);
        esc(out, render_heading(f, s, buf, sizeof buf));
        fputs("</h2>\n", out);
        html_paragraphs(r, s, out);
        grid g;
        if (s >= 2 && s <= 4 && grid_build(&g, f, s) == 0) {
            char caption[256];
            html_table(r, &g, render_caption(f, s, caption, sizeof caption), out);
        }
        fputs("</section>\n", out);
    }
    html_signature(r, out);
    fputs("</article>\n</main>\n</body>\n</html>\n", out);
    return ferror(out) ? -1 : 0;
}
