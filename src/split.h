/*
 * split.h — recovering table rows whose cells lost their separators
 * (crawler text: "规范性文件898989", table 四 as one run of 17 digits).
 *
 * The recogniser keeps such a row's digits as one value cell; after it
 * has placed everything else, split_solve() enumerates the ways to cut
 * each run into the row's cells and keeps those that satisfy the
 * template's sum rules (template_data.c) jointly across rows, then the
 * figures the prose states. Results are recorded in r->splits
 * (xxgk_split, xxgk.h); cells are placed only where one split is left.
 */
#ifndef XXGK_SPLIT_H
#define XXGK_SPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "report.h"

/* Whether a cell's text could be a row's glued digits: only digits,
 * white space, minus signs and decimal points, optionally ending in 元
 * or 万元, with a digit in it ("230 000023", "2648-18538",
 * "13575394432.52元"). The recogniser counts such a cell as a value, not
 * as a label, even when it does not parse as one number. */
bool split_is_run(const char *s, size_t len);

/* Splits every recorded row of a table of format f whose values are one
 * run (called by recognise() after placement, before it counts the
 * tables seen). */
void split_solve(xxgk_report *r, xxgk_format f);

/* Whether a recorded run stands for table row `ri` (or, for table 四,
 * for its groups): the checker then neither calls the row missing nor
 * misshapen, the run's own finding says what happened (check_split.c). */
bool split_covers_row(const xxgk_report *r, const tpl_table *t, int ri);

#endif
