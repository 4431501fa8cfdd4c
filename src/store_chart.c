/*
 * store_chart.c — the charts of `xxgk db chart`: statistics the reader
 * would rather see than read (applications per year, outcomes, findings
 * by rule, bodies ranked), drawn by svg.c. Labels come from the template
 * (the official row labels) and the rule catalogue (rule titles), so the
 * charts speak the reports' language. The subtitle says that only each
 * body's current report of a year is counted, and carries the caller's
 * note (the rostered bodies that have not reported).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "render.h"
#include "svg.h"
#include "template.h"
#include "xxgk.h"

#define TOP_BODIES 20

static const char *const chart_names[XXGK_CHART_COUNT] = {
    "applications-per-year", "outcomes", "findings-by-rule", "bodies-ranked"};

const char *xxgk_chart_name(xxgk_chart chart)
{
    return (unsigned)chart < XXGK_CHART_COUNT ? chart_names[chart] : NULL;
}

/* "（二）部分公开（区分处理的…）" → "（二）部分公开": the part before a
 * second parenthesis, which is a note, not the name. */
static void short_label(const char *label, char *out, size_t size)
{
    const char *open = "（";
    const char *second = strstr(label + (strncmp(label, open, 3) == 0 ? 3 : 0), open);
    size_t n = second ? (size_t)(second - label) : strlen(label);
    snprintf(out, size, "%.*s", (int)n, label);
}

/* An outcome row's label with its group ("（三）不予公开 1.属于国家秘密"). */
static void outcome_label(size_t cell, char *out, size_t size)
{
    const tpl_cell_info *info = tpl_cell(cell);
    const tpl_row *row = &info->table->rows[info->row];
    char mine[120], group[120] = "";
    short_label(row->label, mine, sizeof mine);
    if (row->group >= 0 && info->table->rows[row->group].group >= 0)
        short_label(info->table->rows[row->group].label, group, sizeof group);
    snprintf(out, size, "%s%s%s", group, *group ? " " : "", mine);
}

static int chart_years(const xxgk_stats *st, const char *note, FILE *out)
{
    svg_bar *bars = calloc(st->nyears ? st->nyears : 1, sizeof *bars);
    char (*labels)[16] = calloc(st->nyears ? st->nyears : 1, sizeof *labels);
    int rc = -1;
    if (bars && labels) {
        for (size_t i = 0; i < st->nyears; i++) {
            snprintf(labels[i], sizeof labels[i], "%d年", st->years[i].year);
            bars[i] = (svg_bar){labels[i], (double)st->years[i].applications, NULL};
        }
        char sub[1024];
        snprintf(sub, sizeof sub, "本年新收政府信息公开申请数量（合计），%zu 份现行报告%s%s",
                 st->reports, note ? "；" : "", note ? note : "");
        rc = svg_vbar_chart(out, "每年收到的政府信息公开申请", sub, bars, st->nyears);
    }
    free(bars);
    free(labels);
    return rc;
}

static int chart_outcomes(const xxgk_stats *st, const char *note, FILE *out)
{
    svg_bar *bars = calloc(st->noutcomes ? st->noutcomes : 1, sizeof *bars);
    char (*labels)[256] = calloc(st->noutcomes ? st->noutcomes : 1, sizeof *labels);
    int rc = -1;
    if (bars && labels) {
        size_t n = 0;
        for (size_t i = 0; i < st->noutcomes; i++) {
            if (!st->outcomes[i].reports)
                continue; /* a row no selected report has (the other format's) */
            outcome_label(st->outcomes[i].cell, labels[n], sizeof labels[n]);
            bars[n] = (svg_bar){labels[n], (double)st->outcomes[i].total, NULL};
            n++;
        }
        char sub[1024];
        snprintf(sub, sizeof sub, "本年度办理结果（总计栏）合计，%zu 份现行报告%s%s", st->reports,
                 note ? "；" : "", note ? note : "");
        rc = svg_hbar_chart(out, "申请的办理结果", sub, bars, n);
    }
    free(bars);
    free(labels);
    return rc;
}

static const char *severity_color(xxgk_severity s)
{
    return s == XXGK_ERROR ? "#d62728" : s == XXGK_WARNING ? "#f28e2b" : "#9d9d9d";
}

static int chart_rules(const xxgk_stats *st, const char *note, FILE *out)
{
    svg_bar *bars = calloc(st->nrules ? st->nrules : 1, sizeof *bars);
    char (*labels)[200] = calloc(st->nrules ? st->nrules : 1, sizeof *labels);
    if (!bars || !labels) {
        free(bars);
        free(labels);
        return -1;
    }
    for (size_t i = 0; i < st->nrules; i++) {
        const xxgk_rule *rule = xxgk_rule_find(st->rules[i].rule);
        snprintf(labels[i], sizeof labels[i], "%s", rule ? rule->title : st->rules[i].rule);
        bars[i] = (svg_bar){labels[i], (double)st->rules[i].findings,
                            severity_color(st->rules[i].severity)};
    }
    char sub[1024];
    snprintf(sub, sizeof sub,
             "各规则发现的问题数（红：错误，橙：警告，灰：提示），%zu 份已检查的现行报告%s%s",
             st->checked, note ? "；" : "", note ? note : "");
    int rc = svg_hbar_chart(out, "检查发现的问题（按规则）", sub, bars, st->nrules);
    free(bars);
    free(labels);
    return rc;
}

static int by_applications(const void *a, const void *b)
{
    const xxgk_stats_body *x = a, *y = b;
    return (x->applications < y->applications) - (x->applications > y->applications);
}

/* The bodies with the most errors and warnings (the order of the
 * statistics); when no report was checked, those with the most
 * applications. */
static int chart_bodies(const xxgk_stats *st, const char *note, FILE *out)
{
    size_t n = st->nbodies < TOP_BODIES ? st->nbodies : TOP_BODIES;
    xxgk_stats_body *sorted = malloc((st->nbodies ? st->nbodies : 1) * sizeof *sorted);
    svg_bar *bars = calloc(n ? n : 1, sizeof *bars);
    int rc = -1;
    if (sorted && bars) {
        memcpy(sorted, st->bodies, st->nbodies * sizeof *sorted);
        bool findings = st->checked > 0;
        if (!findings)
            qsort(sorted, st->nbodies, sizeof *sorted, by_applications);
        for (size_t i = 0; i < n; i++) {
            const xxgk_stats_body *b = &sorted[i];
            double v = findings ? (double)(b->errors + b->warnings) : (double)b->applications;
            bars[i] = (svg_bar){*b->body ? b->body : "（未署名）", v, NULL};
        }
        char sub[1024];
        snprintf(sub, sizeof sub, "前 %zu 个机关，按%s排序%s%s", n,
                 findings ? "检查发现的错误和警告数" : "本年新收申请数量", note ? "；" : "",
                 note ? note : "");
        rc = svg_hbar_chart(out, findings ? "问题最多的机关" : "申请最多的机关", sub, bars, n);
    }
    free(sorted);
    free(bars);
    return rc;
}

xxgk_status xxgk_stats_write_svg_note(const xxgk_stats *st, xxgk_chart chart, const char *note,
                                      FILE *out)
{
    if (note && !*note)
        note = NULL;
    int rc;
    switch (chart) {
    case XXGK_CHART_YEARS: rc = chart_years(st, note, out); break;
    case XXGK_CHART_OUTCOMES: rc = chart_outcomes(st, note, out); break;
    case XXGK_CHART_RULES: rc = chart_rules(st, note, out); break;
    case XXGK_CHART_BODIES: rc = chart_bodies(st, note, out); break;
    default: return XXGK_E_USAGE;
    }
    return rc == 0 ? XXGK_OK : XXGK_E_IO;
}

xxgk_status xxgk_stats_write_svg(const xxgk_stats *st, xxgk_chart chart, FILE *out)
{
    return xxgk_stats_write_svg_note(st, chart, NULL, out);
}

xxgk_status xxgk_stats_write_svg_file(const xxgk_stats *st, xxgk_chart chart, const char *note,
                                      const char *path, bool overwrite, xxgk_error *err)
{
    atomic_file af;
    xxgk_status rc = atomic_open(&af, path, overwrite, err);
    if (rc != XXGK_OK)
        return rc;
    if (xxgk_stats_write_svg_note(st, chart, note, af.f) != XXGK_OK) {
        atomic_abort(&af);
        return error_set(err, XXGK_E_IO, "%s：写入失败", path);
    }
    return atomic_commit(&af, overwrite, err);
}
