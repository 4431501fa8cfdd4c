/*
 * split_previous.c — settling what last year's report decides about this
 * year's runs of glued digits (split.h): a row of table 二 that counts
 * documents made, repealed and in force (规章, 行政规范性文件) whose run
 * split several ways is cut the one way in which last year's 现行有效件数,
 * plus those made, less those repealed, gives this year's. Real reports
 * often break that chain (a clean-up of old documents is not counted as
 * repealed), so the chain only ever chooses: a split is taken when it is
 * the only one the chain allows, and nothing changes when none does.
 */
#include <stdio.h>
#include <string.h>

#include "split.h"
#include "template.h"

/* The position of cell `id` in the run's cells, or -1. */
static int position(const xxgk_split *sp, int id)
{
    for (size_t k = 0; id >= 0 && k < sp->ncells; k++)
        if (sp->cells[k] == id)
            return (int)k;
    return -1;
}

/* Last year's 现行有效件数 of `row`, when it is a whole number. */
static bool previous_in_force(const xxgk_report *prev, int id, long long *v)
{
    const xxgk_cell *c = xxgk_report_cell(prev, (size_t)id);
    if (!c || c->kind != XXGK_VALUE_NUMBER || c->value.scale != 0)
        return false;
    *v = c->value.units;
    return true;
}

/* Places candidate `ci` of the split into the cells still absent. */
static void place_candidate(xxgk_report *r, xxgk_split *sp, size_t ci)
{
    for (size_t k = 0; k < sp->ncells; k++) {
        xxgk_cell *c = &r->cells[sp->cells[k]];
        if (c->kind != XXGK_VALUE_ABSENT)
            continue;
        char buf[40];
        c->kind = XXGK_VALUE_NUMBER;
        c->value = sp->candidates[ci * sp->ncells + k];
        c->flags = XXGK_CELL_RECOVERED |
                   (cell_foreign(r, sp->cells[k], false) ? XXGK_CELL_FOREIGN : 0);
        c->raw = arena_strndup(&r->a, buf, strlen(xxgk_decimal_format(c->value, buf, sizeof buf)));
        c->line = sp->line;
        c->column = sp->column;
        c->length = sp->length;
    }
    sp->status = XXGK_SPLIT_UNIQUE;
    sp->by_previous = true;
}

/* One run: the candidates the chain allows; placed when there is one. */
static bool settle(xxgk_report *r, xxgk_split *sp, const xxgk_report *prev)
{
    const tpl_cell_info *info = tpl_cell((size_t)sp->cells[0]);
    const char *row = info->table->section == 2 ? info->table->rows[info->row].key : NULL;
    if (!row)
        return false;
    int in_force = tpl_cell_id("t2", row, "in_force");
    int made = position(sp, tpl_cell_id("t2", row, "made"));
    int repealed = position(sp, tpl_cell_id("t2", row, "repealed"));
    int now = position(sp, in_force);
    long long before;
    if (made < 0 || repealed < 0 || now < 0 || !previous_in_force(prev, in_force, &before))
        return false;
    size_t fits = 0, which = 0;
    for (size_t c = 0; c < sp->nlisted; c++) {
        const xxgk_decimal *v = sp->candidates + c * sp->ncells;
        if (v[made].scale || v[repealed].scale || v[now].scale)
            continue;
        long long chain;
        if (__builtin_add_overflow(before, v[made].units, &chain) ||
            __builtin_sub_overflow(chain, v[repealed].units, &chain))
            continue; /* beyond any real count: no chain to keep */
        if (chain == v[now].units && fits++ == 0)
            which = c;
    }
    if (fits != 1)
        return false;
    place_candidate(r, sp, which);
    return true;
}

size_t xxgk_report_settle_by_previous(xxgk_report *r, const xxgk_report *prev)
{
    if (!r || !prev || !r->ev || !r->meta.year || prev->meta.year != r->meta.year - 1)
        return 0;
    size_t settled = 0;
    for (size_t i = 0; i < r->ev->splits.n; i++) {
        xxgk_split *sp = &r->ev->splits.v[i];
        /* every split must be listed, or the one left may not be alone */
        if (sp->status == XXGK_SPLIT_AMBIGUOUS && !sp->too_many &&
            sp->nlisted == sp->ncandidates && settle(r, sp, prev))
            settled++;
    }
    return settled;
}
