/*
 * tables.c — a report's tables drawn as the format prints them, from the
 * library's layout (xxgk_table_grid_new): headers as <th scope>, merged
 * cells as the official table merges them, each value cell showing its
 * value (a checked report) or an input (the editor), and each finding at
 * the cell it is about, linked to the list of findings below.
 *
 * In the editor a total's input carries the cells it is the sum of
 * (data-parts, from the format's sum rules as xxgk_sum_at gives them), so
 * that the script adds them up as the clerk types; nothing here knows
 * which cells are totals.
 */
#include <stdlib.h>
#include <string.h>

#include "server.h"

void cell_notes_build(cell_notes *cn, const xxgk_report *report)
{
    memset(cn, 0, sizeof *cn);
    cn->report = report;
    size_t nc = xxgk_cell_count(), nf = xxgk_report_finding_count(report);
    cn->first = malloc((nc ? nc : 1) * sizeof *cn->first);
    cn->next = malloc((nf ? nf : 1) * sizeof *cn->next);
    if (!cn->first || !cn->next) {
        free(cn->first);
        free(cn->next);
        cn->first = cn->next = NULL;
        return;
    }
    for (size_t i = 0; i < nc; i++)
        cn->first[i] = -1;
    cn->nfindings = nf;
    /* backwards, so that each cell's list is in the findings' order */
    for (size_t i = nf; i-- > 0;) {
        const xxgk_finding *f = xxgk_report_finding(report, i);
        cn->next[i] = -1;
        if (f->ncells && f->cells[0] >= 0 && (size_t)f->cells[0] < nc) {
            cn->next[i] = cn->first[f->cells[0]];
            cn->first[f->cells[0]] = (int)i;
        }
    }
}

void cell_notes_free(cell_notes *cn)
{
    free(cn->first);
    free(cn->next);
    memset(cn, 0, sizeof *cn);
}

/* The parts cell `id` is the total of in `format`: the first sum rule
 * with the cell alone on one side. */
static const xxgk_sum *total_rule(xxgk_format format, int id, bool *lhs_total)
{
    for (size_t i = 0; i < xxgk_sum_count(format); i++) {
        const xxgk_sum *s = xxgk_sum_at(format, i);
        if (s->nlhs == 1 && s->lhs[0] == id && s->nrhs > 1) {
            *lhs_total = true;
            return s;
        }
        if (s->nrhs == 1 && s->rhs[0] == id && s->nlhs > 1) {
            *lhs_total = false;
            return s;
        }
    }
    return NULL;
}

static xxgk_format format_of(const xxgk_report *report)
{
    const xxgk_meta *m = xxgk_report_meta(report);
    return m->format ? m->format : xxgk_format_for_year(m->year);
}

static const char *value_text(const xxgk_report *report, int id, char *buf, size_t size)
{
    const xxgk_cell *c = xxgk_report_cell(report, (size_t)id);
    if (c->kind != XXGK_VALUE_NUMBER)
        return "";
    return xxgk_decimal_format(c->value, buf, size);
}

/* The input of a value cell in the editor. */
static void value_input(req *r, const xxgk_report *report, int id, char **typed)
{
    const char *key = xxgk_cell_key((size_t)id);
    char buf[40];
    const char *v = typed && typed[id] ? typed[id] : value_text(report, id, buf, sizeof buf);
    hb_fmt(&r->out, "<input id=\"c-%s\" name=\"c.%s\" value=\"%s\" "
                    "size=\"6\" aria-label=\"%s %s\"",
           key, key, v, xxgk_cell_row_label((size_t)id), xxgk_cell_column_label((size_t)id));
    bool lhs = false;
    const xxgk_sum *s = total_rule(format_of(report), id, &lhs);
    if (s) {
        const int *parts = lhs ? s->rhs : s->lhs;
        size_t n = lhs ? s->nrhs : s->nlhs;
        hb_raw(&r->out, " class=\"total\" data-parts=\"");
        for (size_t i = 0; i < n; i++)
            hb_fmt(&r->out, "%s%s", i ? " " : "", xxgk_cell_key((size_t)parts[i]));
        hb_raw(&r->out, "\"");
    }
    hb_raw(&r->out, ">");
}

/* The findings about cell `id`, as short marks linking to the list. */
static void cell_marks(req *r, const cell_notes *cn, int id)
{
    if (!cn || !cn->first)
        return;
    for (int i = cn->first[id]; i >= 0; i = cn->next[i]) {
        const xxgk_finding *f = xxgk_report_finding(cn->report, (size_t)i);
        hb_fmt(&r->out, "<a class=\"mark %s\" href=\"#finding-%d\" title=\"%s\">%s%d</a>",
               xxgk_severity_name(f->severity), i + 1, f->message,
               xxgk_severity_text(f->severity), i + 1);
    }
}

static bool cell_has_error(const cell_notes *cn, int id)
{
    if (!cn || !cn->first)
        return false;
    for (int i = cn->first[id]; i >= 0; i = cn->next[i])
        if (xxgk_report_finding(cn->report, (size_t)i)->severity >= XXGK_WARNING)
            return true;
    return false;
}

void draw_table(req *r, const xxgk_report *report, int section, int mode,
                const cell_notes *cn, char **typed)
{
    xxgk_table_grid *g = NULL;
    if (xxgk_table_grid_new(format_of(report), section, &g, NULL) != XXGK_OK)
        return;
    hb_fmt(&r->out, "<div class=\"table-wrap\"><table class=\"official\" id=\"table-%d\">"
                    "<caption>%s</caption>\n",
           section, g->caption);
    size_t k = 0;
    for (int row = 0; row < g->nrows; row++) {
        if (row == 0 && g->head_rows > 0)
            hb_raw(&r->out, "<thead>\n");
        if (row == g->head_rows)
            hb_raw(&r->out, "<tbody>\n");
        hb_raw(&r->out, "<tr>");
        for (; k < g->ncells && g->cells[k].row == row; k++) {
            const xxgk_grid_cell *c = &g->cells[k];
            char span[64];
            int o = 0;
            span[0] = '\0';
            if (c->rowspan > 1)
                o += snprintf(span + o, sizeof span - (size_t)o, " rowspan=\"%d\"", c->rowspan);
            if (c->colspan > 1)
                snprintf(span + o, sizeof span - (size_t)o, " colspan=\"%d\"", c->colspan);
            if (c->kind == XXGK_GRID_VALUE) {
                bool bad = cell_has_error(cn, c->cell);
                hb_fmt(&r->out, "<td%S%S>", span, bad ? " class=\"flagged\"" : "");
                if (mode == TABLE_FORM) {
                    value_input(r, report, c->cell, typed);
                } else {
                    char buf[40];
                    hb_esc(&r->out, value_text(report, c->cell, buf, sizeof buf));
                }
                hb_fmt(&r->out, "<span class=\"marks\" id=\"m-%s\">",
                       xxgk_cell_key((size_t)c->cell));
                cell_marks(r, cn, c->cell);
                hb_raw(&r->out, "</span></td>");
                continue;
            }
            bool header_row = row < g->head_rows || c->kind == XXGK_GRID_CAPTION;
            const char *scope =
                c->kind == XXGK_GRID_LABEL ? (c->rowspan > 1 ? "rowgroup" : "row")
                : header_row || c->kind == XXGK_GRID_ROWHEAD
                    ? (c->colspan > 1 ? "colgroup" : "col")
                    : "row";
            const char *cls = c->kind == XXGK_GRID_CAPTION ? " class=\"block\""
                              : c->kind == XXGK_GRID_LABEL && c->depth > 0 ? " class=\"sub\""
                                                                           : "";
            hb_fmt(&r->out, "<th scope=\"%s\"%S%S>%s</th>", scope, span, cls,
                   c->text ? c->text : "");
        }
        hb_raw(&r->out, "</tr>\n");
        if (row + 1 == g->head_rows)
            hb_raw(&r->out, "</thead>\n");
    }
    if (g->head_rows < g->nrows)
        hb_raw(&r->out, "</tbody>\n");
    hb_raw(&r->out, "</table></div>\n");
    xxgk_table_grid_free(g);
}

void draw_findings(req *r, const xxgk_report *report)
{
    size_t n = xxgk_report_finding_count(report);
    hb_fmt(&r->out, "<section aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">检查结果"
                    "（错误 %d 个，警告 %d 个，提示 %d 个）</h2>\n",
           (int)xxgk_report_count(report, XXGK_ERROR),
           (int)xxgk_report_count(report, XXGK_WARNING), (int)xxgk_report_count(report, XXGK_NOTE));
    if (!n) {
        hb_raw(&r->out, "<p>没有发现问题。</p></section>\n");
        return;
    }
    hb_raw(&r->out, "<table class=\"findings\"><thead><tr><th scope=\"col\">编号</th>"
                    "<th scope=\"col\">级别</th><th scope=\"col\">位置</th>"
                    "<th scope=\"col\">问题</th><th scope=\"col\">规则</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < n; i++) {
        const xxgk_finding *f = xxgk_report_finding(report, i);
        char place[128];
        xxgk_finding_place(f, place, sizeof place);
        char where[256];
        snprintf(where, sizeof where, "%s%s%s%s%s", place,
                 f->table ? (*place ? "；" : "") : "",
                 f->table == 2 ? "表二" : f->table == 3 ? "表三" : f->table == 4 ? "表四" : "",
                 f->row_label ? " " : "", f->row_label ? f->row_label : "");
        hb_fmt(&r->out, "<tr id=\"finding-%d\" class=\"%s\"><td>%d</td><td>%s</td><td>%s</td>"
                        "<td>%s",
               (int)i + 1, xxgk_severity_name(f->severity), (int)i + 1,
               xxgk_severity_text(f->severity), where, f->message);
        if (f->expected) /* "应在…之后" reads on its own; a figure needs 应为 */
            hb_fmt(&r->out, "（%S%s）", strncmp(f->expected, "应", strlen("应")) ? "应为 " : "",
                   f->expected);
        hb_fmt(&r->out, "</td><td><a href=\"/rules#%s\">%s</a></td></tr>\n", f->rule, f->rule);
    }
    hb_raw(&r->out, "</tbody></table></section>\n");
}

void findings_json(hbuf *b, const xxgk_report *report)
{
    size_t n = xxgk_report_finding_count(report);
    hb_fmt(b, "{\"errors\":%d,\"warnings\":%d,\"findings\":[",
           (int)xxgk_report_count(report, XXGK_ERROR), (int)xxgk_report_count(report, XXGK_WARNING));
    for (size_t i = 0; i < n; i++) {
        const xxgk_finding *f = xxgk_report_finding(report, i);
        hb_raw(b, i ? ",{" : "{");
        hb_raw(b, "\"n\":");
        hb_fmt(b, "%d,\"severity\":", (int)i + 1);
        hb_json(b, xxgk_severity_name(f->severity));
        hb_raw(b, ",\"text\":");
        hb_json(b, xxgk_severity_text(f->severity));
        hb_raw(b, ",\"rule\":");
        hb_json(b, f->rule);
        hb_raw(b, ",\"cell\":");
        if (f->ncells && f->cells[0] >= 0)
            hb_json(b, xxgk_cell_key((size_t)f->cells[0]));
        else
            hb_raw(b, "null");
        hb_raw(b, ",\"message\":");
        hb_json(b, f->message);
        hb_raw(b, "}");
    }
    hb_raw(b, "]}\n");
}
