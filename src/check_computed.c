/*
 * check_computed.c — the rule total-computed: a note for every total
 * that was blank in the model and computed from its parts
 * (xxgk_report_complete_totals), so that the clerk knows the figure is
 * xxgk's sum and not one typed in.
 */
#include "check.h"

void check_computed(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    for (size_t id = 0; id < r->ncells; id++) {
        const xxgk_cell *c = &r->cells[id];
        if (c->kind != XXGK_VALUE_NUMBER || !(c->flags & XXGK_CELL_COMPUTED))
            continue;
        char v[40];
        int cid = (int)id;
        const tpl_cell_info *info = tpl_cell(id);
        xxgk_finding *f = finding_add(r, "total-computed", SEV_DEFAULT, cell_at(r, cid), &cid, 1,
                                      "%s“%s”行“%s”栏没有填写，已按各部分相加算出：%s",
                                      table_name_of(info ? info->table->section : 0),
                                      cell_row_label(r, cid), cell_col_label(r, cid),
                                      xxgk_decimal_format(c->value, v, sizeof v));
        finding_expect(r, f, "核对后把 %s 填入这一栏", v);
    }
}
