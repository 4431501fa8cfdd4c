/*
 * totals.c — totals computed, not typed: in a model a person built (a
 * JSON model, a filled-in workbook), a blank total whose parts are all
 * given is computed from them and flagged XXGK_CELL_COMPUTED.
 *
 * Which cells are totals is not written here: it is every equation of
 * the template's sum rules (tpl_equations) with one cell on one side —
 * （七）总计 = the outcomes, 总计 = the applicants, 总计 = the four results
 * of table 四. An equation with several cells on each side (本年新收 +
 * 上年结转 = （七）总计 + 结转下年度) is an identity to check, not a
 * total. A total that is given is never changed: when it contradicts its
 * parts, the check (check_sums.c) names both figures.
 */
#include "report.h"
#include "template.h"

/* The sum of cells ids[0..n) when every one is a number of the same
 * scale as the first, else false. */
static bool parts_sum(const xxgk_report *r, const int *ids, int n, xxgk_decimal *sum)
{
    if (n <= 0)
        return false;
    sum->units = 0;
    sum->scale = 0;
    for (int i = 0; i < n; i++) {
        if (ids[i] < 0 || r->cells[ids[i]].kind != XXGK_VALUE_NUMBER)
            return false;
        xxgk_decimal v = r->cells[ids[i]].value;
        if (i == 0)
            sum->scale = v.scale;
        if (v.scale != sum->scale || __builtin_add_overflow(sum->units, v.units, &sum->units))
            return false;
    }
    return true;
}

/* One pass over the equations of format mask `mask`: fills the totals
 * that can be filled now. Returns how many it filled. */
static size_t complete_pass(xxgk_report *r, int mask)
{
    size_t n = 0, neq;
    const tpl_equation *eq = tpl_equations(&neq);
    for (size_t i = 0; i < neq; i++) {
        const tpl_equation *e = &eq[i];
        if (!(e->sum->formats & mask))
            continue;
        const int *total = e->nlhs == 1 ? e->lhs : e->nrhs == 1 ? e->rhs : NULL;
        const int *parts = e->nlhs == 1 ? e->rhs : e->lhs;
        int nparts = e->nlhs == 1 ? e->nrhs : e->nlhs;
        if (!total || total[0] < 0)
            continue;
        xxgk_cell *c = &r->cells[total[0]];
        xxgk_decimal sum;
        if (c->kind != XXGK_VALUE_BLANK || !parts_sum(r, parts, nparts, &sum))
            continue;
        c->kind = XXGK_VALUE_NUMBER;
        c->value = sum;
        c->flags |= XXGK_CELL_COMPUTED;
        n++;
    }
    return n;
}

size_t xxgk_report_complete_totals(xxgk_report *report)
{
    if (!report)
        return 0;
    xxgk_format f = report->meta.format ? report->meta.format
                                        : xxgk_format_for_year(report->meta.year);
    int mask = format_mask(f);
    if (!mask)
        return 0;
    /* A total may be a part of another (（七）总计's 总计 column): passes
     * until nothing more can be filled, at most once per equation. */
    size_t n = 0, neq, got;
    tpl_equations(&neq);
    for (size_t pass = 0; pass <= neq && (got = complete_pass(report, mask)) > 0; pass++)
        n += got;
    return n;
}
