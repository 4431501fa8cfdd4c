/*
 * check.h — internals of the checker: how rule groups add findings.
 *
 * Each group of rules lives in its own file and reads the report model
 * and what the recogniser recorded (report.h):
 *   check_structure.c  sections, title, tables and rows present, order
 *   check_tables.c     shape, labels, captions, units, format version
 *   check_sums.c       the arithmetic, from the template's sum rules
 *   check_text.c       prose against tables, identity, dates, fees
 *   check_years.c      rules across two years of the same body
 */
#ifndef XXGK_CHECK_H
#define XXGK_CHECK_H

#include <stdarg.h>

#include "report.h"

/* Severity of the catalogue entry for the rule. */
#define SEV_DEFAULT (-1)

/* Adds a finding of `rule` at `at`; severity SEV_DEFAULT takes the
 * catalogue's. The message is printf-formatted. Returns the finding (to
 * add an expected value) or NULL when out of memory. */
xxgk_finding *finding_add(xxgk_report *r, const char *rule, int severity, span at,
                          const int *cells, size_t ncells, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void finding_expect(xxgk_report *r, xxgk_finding *f, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A span for a cell of the report (its position in the text). */
span cell_at(const xxgk_report *r, int id);

/* The value of a present numeric cell as an integer; blank counts as 0
 * (*blank set). Returns false for an absent cell or a fraction. */
bool cell_int(const xxgk_report *r, int id, long long *v, bool *blank);

/* The line of a section's heading, 0 when it is missing. */
uint32_t heading_line(const xxgk_report *r, int section);

void check_structure(xxgk_report *r);
void check_tables(xxgk_report *r);
void check_sums(xxgk_report *r);
void check_text(xxgk_report *r);
void check_years(xxgk_report *r, const xxgk_report *previous);
void check_splits(xxgk_report *r); /* check_split.c */
void check_magnitude(xxgk_report *r); /* check_magnitude.c: cell-implausible */

#endif
