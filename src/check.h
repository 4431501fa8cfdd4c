/*
 * check.h — internals of the checker: how rule groups add findings.
 *
 * Each rule of the catalogue (rules.c) carries the function that checks
 * it and says what it needs: the model only, the evidence of a reading
 * (r->ev), or the previous year's report. The groups live in their own
 * files (report.h has the model and the evidence):
 *   check_structure.c  sections, title, tables and rows present, order
 *   check_tables.c     shape, labels, captions, units, format version
 *   check_sums.c       the arithmetic, from the template's sum rules
 *   check_prose.c      the figures the prose states against the tables
 *   check_text.c       identity, years, dates, fees
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

/* The function that checks one or more rules of the catalogue
 * (rules.c). `previous` is NULL unless the rule needs it. A function
 * that needs the document may use r->ev; the others must not assume it. */
typedef void (*rule_fn)(xxgk_report *r, const xxgk_report *previous);

/* The function of catalogue entry i (xxgk_rule_at), or NULL. */
rule_fn rule_function(size_t i);

/* Sets the table, row and column a finding is about when they are not
 * those of its first cell (a rule over a whole column names no row). */
void finding_place(xxgk_finding *f, int table, const char *row_label, const char *column_label);

/* The row and column labels of cell `id` as the report's format prints
 * them. */
const char *cell_row_label(const xxgk_report *r, int id);
const char *cell_col_label(const xxgk_report *r, int id);

/* "表二", "表三", "表四" for section 2, 3, 4 ("" otherwise). */
const char *table_name_of(int section);

/* The paragraphs the prose rules read: the document's (with their places)
 * or, for a model, those of its section texts. */
const rec_para *check_paragraphs(const xxgk_report *r, size_t *n);

/* check_structure.c */
void check_title(xxgk_report *r, const xxgk_report *previous);
void check_headings(xxgk_report *r, const xxgk_report *previous);
void check_tables_present(xxgk_report *r, const xxgk_report *previous);
void check_row_order(xxgk_report *r, const xxgk_report *previous);
void check_overview_length(xxgk_report *r, const xxgk_report *previous);
/* check_tables.c */
void check_shapes(xxgk_report *r, const xxgk_report *previous);
void check_cell_values(xxgk_report *r, const xxgk_report *previous);
void check_merged(xxgk_report *r, const xxgk_report *previous);
void check_unread(xxgk_report *r, const xxgk_report *previous);
void check_bad_values(xxgk_report *r, const xxgk_report *previous);
void check_labels(xxgk_report *r, const xxgk_report *previous);
void check_foreign_rows(xxgk_report *r, const xxgk_report *previous);
void check_captions(xxgk_report *r, const xxgk_report *previous);
void check_units(xxgk_report *r, const xxgk_report *previous);
void check_format_version(xxgk_report *r, const xxgk_report *previous);
/* check_split.c */
void check_splits(xxgk_report *r, const xxgk_report *previous);
/* check_magnitude.c */
void check_magnitude(xxgk_report *r, const xxgk_report *previous);
/* check_sums.c */
void check_sums(xxgk_report *r, const xxgk_report *previous);
/* check_computed.c */
void check_computed(xxgk_report *r, const xxgk_report *previous);
/* check_text.c */
void check_self_reference(xxgk_report *r, const xxgk_report *previous);
void check_years_in_text(xxgk_report *r, const xxgk_report *previous);
void check_dates(xxgk_report *r, const xxgk_report *previous);
void check_fee_statement(xxgk_report *r, const xxgk_report *previous);
void check_placeholders(xxgk_report *r, const xxgk_report *previous);
/* check_prose.c */
void check_prose(xxgk_report *r, const xxgk_report *previous);
/* check_years.c */
void check_carry_over(xxgk_report *r, const xxgk_report *previous);
void check_in_force(xxgk_report *r, const xxgk_report *previous);
void check_copied_text(xxgk_report *r, const xxgk_report *previous);

#endif
