/*
 * check_years.c — rules across two reports of the same body for
 * consecutive years: last year's 结转下年度继续办理 is this year's 上年结转
 * (per column), as a hint the stock of documents in force, and the share
 * of this year's text copied from last year's.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sentences.h"

/* Whether the two reports are the same body's for consecutive years,
 * each in a known format. */
static bool consecutive(const xxgk_report *r, const xxgk_report *prev)
{
    return r->meta.year && prev->meta.year == r->meta.year - 1 && r->meta.format &&
           prev->meta.format;
}

void check_carry_over(xxgk_report *r, const xxgk_report *prev)
{
    if (!consecutive(r, prev))
        return;
    const tpl_block *b = &tpl_table_of(r->meta.format, 3)->blocks[0];
    for (int c = 0; c < b->ncols; c++) {
        int in = tpl_cell_id("t3", "carried_in", b->cols[c].key);
        int out = tpl_cell_id("t3", "carried_out", b->cols[c].key);
        long long now, before;
        bool blank;
        if (!cell_int(r, in, &now, &blank) || !cell_int(prev, out, &before, &blank))
            continue;
        if (now == before)
            continue;
        int ids[1] = {in};
        xxgk_finding *f = finding_add(r, "carry-over", SEV_DEFAULT, cell_at(r, in), ids, 1,
                                      "“%s”栏上年结转%lld件，但%d年度报告结转下年度%lld件",
                                      b->cols[c].label, now, prev->meta.year, before);
        finding_expect(r, f, "应为 %lld", before);
    }
}

/* Documents in force: last year's stock, plus those made, less those
 * repealed, in the formats that count them (made / repealed / in_force). */
void check_in_force(xxgk_report *r, const xxgk_report *prev)
{
    if (!consecutive(r, prev))
        return;
    static const char *const rows[] = {"rules", "normative"};
    for (int i = 0; i < 2; i++) {
        long long made, repealed, now, before;
        bool blank;
        int id_now = tpl_cell_id("t2", rows[i], "in_force");
        if (id_now < 0 || !xxgk_format_has_cell(r->meta.format, (size_t)id_now) ||
            !xxgk_format_has_cell(prev->meta.format, (size_t)id_now))
            continue;
        if (!cell_int(r, tpl_cell_id("t2", rows[i], "made"), &made, &blank) ||
            !cell_int(r, tpl_cell_id("t2", rows[i], "repealed"), &repealed, &blank) ||
            !cell_int(r, id_now, &now, &blank) || !cell_int(prev, id_now, &before, &blank))
            continue;
        if (before + made - repealed == now)
            continue;
        xxgk_finding *f = finding_add(
            r, "in-force-continuity", SEV_DEFAULT, cell_at(r, id_now), &id_now, 1,
            "“%s”现行有效%lld件，上年%lld件＋本年制发%lld件－废止%lld件＝%lld件",
            cell_row_label(r, (int)id_now), now, before, made, repealed,
            before + made - repealed);
        finding_expect(r, f, "通常应为 %lld", before + made - repealed);
    }
}

/* More than half of this year's sentences found in last year's report
 * (sentences.h: numbers, names and self-references set aside) is what
 * assessors call 照抄照搬. Reports without text (loaded from the store)
 * have no sentences and are not judged here. */
void check_copied_text(xxgk_report *r, const xxgk_report *prev)
{
    if (!consecutive(r, prev))
        return;
    uint64_t *now = NULL, *before = NULL;
    size_t nnow = 0, nbefore = 0;
    if (sentences_hash(r, &now, &nnow) == 0 && sentences_hash(prev, &before, &nbefore) == 0 &&
        nnow >= SENTENCE_MIN_COUNT) {
        size_t shared = sentences_shared(now, nnow, before, nbefore);
        if ((double)shared > SENTENCE_COPIED_SHARE * (double)nnow) {
            xxgk_finding *f = finding_add(
                r, "text-copied", SEV_DEFAULT, (span){heading_line(r, 1), 0, 0}, NULL, 0,
                "正文%zu句中有%zu句（%zu%%）与%d年度报告相同", nnow, shared,
                (shared * 100 + nnow / 2) / nnow, prev->meta.year);
            finding_expect(r, f, "相同的不宜超过一半");
        }
    }
    free(now);
    free(before);
}
