/*
 * check_split.c — findings about rows whose cells were printed without
 * separators (split.c): a note for each row recovered by the only split
 * that fits, a warning listing every split that fits when there is more
 * than one, and a warning when none does. Rows that spaces already cut
 * into their cells need no finding.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "split.h"

/* "69/3/665；6/93/665；…" into buf: as many whole candidates as fit
 * (a finding's message has a bounded length; xxgk recover and the API
 * have them all), then "……" when some are left out. */
static void format_candidates(const xxgk_split *sp, char *buf, size_t size)
{
    size_t o = 0, shown = 0;
    buf[0] = '\0';
    for (size_t c = 0; c < sp->nlisted; c++) {
        char one[400];
        size_t n = 0;
        for (size_t k = 0; k < sp->ncells && n + 40 < sizeof one; k++) {
            char num[40];
            xxgk_decimal_format(sp->candidates[c * sp->ncells + k], num, sizeof num);
            n += (size_t)snprintf(one + n, sizeof one - n, "%s%s", k ? "/" : "", num);
        }
        if (o + n + 3 + 7 >= size)
            break;
        o += (size_t)snprintf(buf + o, size - o, "%s%s", c ? "；" : "", one);
        shown++;
    }
    if (shown < sp->ncandidates)
        snprintf(buf + o, size - o, "……");
}

static int table_of(const xxgk_split *sp)
{
    return tpl_cell((size_t)sp->cells[0])->table->section;
}

static const char *table_name(int section)
{
    return section == 2 ? "表二" : section == 3 ? "表三" : "表四";
}

/* Rows recovered one after another in the same table, decided the same
 * way, are one note listing all their cells (table 三 of a crawled
 * report is 23–25 such rows). */
static size_t recovered_group(xxgk_report *r, size_t i)
{
    const xxgk_split *first = &r->ev->splits.v[i];
    size_t j = i + 1, ncells = first->ncells;
    while (j < r->ev->splits.n) {
        const xxgk_split *sp = &r->ev->splits.v[j];
        if (sp->status != XXGK_SPLIT_UNIQUE || table_of(sp) != table_of(first) ||
            sp->by_prose != first->by_prose || sp->conflict != first->conflict ||
            sp->by_previous != first->by_previous ||
            sp->syntax_only != first->syntax_only)
            break;
        ncells += sp->ncells;
        j++;
    }
    const char *how = first->by_previous ? "（并参照上一年度报告的现行有效件数）"
                      : first->by_prose  ? "（并参照正文所述的数字）"
                                         : "";
    const char *conflict =
        first->conflict ? "（本表另有勾稽关系不成立，这些行只按各自一行的合计拆分）" : "";
    span at = {first->line, first->column, first->length};
    if (j == i + 1) {
        char list[600];
        format_candidates(first, list, sizeof list);
        if (first->syntax_only)
            finding_add(r, "split-recovered", SEV_DEFAULT, at, first->cells, first->ncells,
                        "“%s”一行的数字“%s”没有分隔符，按各栏写法只有一种拆分（不论勾稽关系是否成立）：%s",
                        first->row, first->text, list);
        else
            finding_add(r, "split-recovered", SEV_DEFAULT, at, first->cells, first->ncells,
                        "“%s”一行的数字“%s”没有分隔符，符合各栏写法和本表勾稽关系%s的拆分只有一种：%s%s",
                        first->row, first->text, how, list, conflict);
        return j;
    }
    int *cells = arena_alloc(&r->a, sizeof(int) * ncells);
    if (!cells)
        return j;
    size_t n = 0;
    for (size_t k = i; k < j; k++) {
        memcpy(cells + n, r->ev->splits.v[k].cells, sizeof(int) * r->ev->splits.v[k].ncells);
        n += r->ev->splits.v[k].ncells;
    }
    if (first->syntax_only)
        finding_add(r, "split-recovered", SEV_DEFAULT, at, cells, n,
                    "%s从“%s”到“%s”共%zu行的数字没有分隔符，每行按各栏写法只有一种拆分"
                    "（不论勾稽关系是否成立），已按此读取%zu栏",
                    table_name(table_of(first)), first->row, r->ev->splits.v[j - 1].row, j - i, n);
    else
        finding_add(r, "split-recovered", SEV_DEFAULT, at, cells, n,
                    "%s从“%s”到“%s”共%zu行的数字没有分隔符，每行都只有一种拆分符合各栏写法和本表勾稽关系%s，"
                    "已按此读取%zu栏%s",
                    table_name(table_of(first)), first->row, r->ev->splits.v[j - 1].row, j - i, how,
                    n, conflict);
    return j;
}

/* An ambiguous run whose splits all cut some cells alike: those are
 * read (named with their values), the finding lists the others. */
static void check_settled(xxgk_report *r, const xxgk_split *sp, span at, const char *how,
                          const char *list)
{
    char read[400], open[400];
    size_t o = 0, p = 0;
    int ids[32];
    size_t nopen = 0;
    read[0] = open[0] = '\0';
    for (size_t k = 0; k < sp->ncells; k++) {
        const char *col = cell_col_label(r, sp->cells[k]);
        if (sp->settled[k]) {
            char num[40];
            const xxgk_cell *c = xxgk_report_cell(r, (size_t)sp->cells[k]);
            xxgk_decimal_format(c->value, num, sizeof num);
            if (o + strlen(col) + strlen(num) + 16 < sizeof read)
                o += (size_t)snprintf(read + o, sizeof read - o, "%s“%s”%s", o ? "、" : "", col, num);
        } else {
            if (nopen < 32)
                ids[nopen++] = sp->cells[k];
            if (p + strlen(col) + 16 < sizeof open)
                p += (size_t)snprintf(open + p, sizeof open - p, "%s“%s”", p ? "、" : "", col);
        }
    }
    finding_add(r, "split-ambiguous", SEV_DEFAULT, at, ids, nopen,
                "“%s”一行的数字“%s”没有分隔符，有%zu种拆分都符合各栏写法和本表勾稽关系%s：%s；"
                "各种拆分中%s都相同，已读取；%s无法确定，未读取",
                sp->row, sp->text, sp->ncandidates, how, list, read, open);
}

static void check_open(xxgk_report *r, const xxgk_split *sp)
{
    span at = {sp->line, sp->column, sp->length};
    char list[600];
    format_candidates(sp, list, sizeof list);
    const char *how = sp->by_prose ? "（并参照正文所述的数字）" : "";
    if (sp->status == XXGK_SPLIT_NONE)
        finding_add(r, "split-none", SEV_DEFAULT, at, sp->cells, sp->ncells,
                    "“%s”一行的数字“%s”没有分隔符，且没有一种拆分符合各栏写法和本表勾稽关系，"
                    "这些栏未读取",
                    sp->row, sp->text);
    else if (sp->too_many)
        finding_add(r, "split-ambiguous", SEV_DEFAULT, at, sp->cells, sp->ncells,
                    "“%s”一行的数字“%s”没有分隔符，可能的拆分过多（至少%zu种），无法确定，"
                    "这些栏未读取：%s",
                    sp->row, sp->text, sp->ncandidates, list);
    else if (sp->nsettled)
        check_settled(r, sp, at, how, list);
    else
        finding_add(r, "split-ambiguous", SEV_DEFAULT, at, sp->cells, sp->ncells,
                    "“%s”一行的数字“%s”没有分隔符，有%zu种拆分都符合各栏写法和本表勾稽关系%s，"
                    "无法确定，这些栏未读取：%s",
                    sp->row, sp->text, sp->ncandidates, how, list);
}

void check_splits(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    for (size_t i = 0; i < r->ev->splits.n;) {
        const xxgk_split *sp = &r->ev->splits.v[i];
        if (sp->status == XXGK_SPLIT_UNIQUE) {
            i = recovered_group(r, i);
            continue;
        }
        if (sp->status != XXGK_SPLIT_SPACED)
            check_open(r, sp);
        i++;
    }
}
