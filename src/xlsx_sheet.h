/*
 * xlsx_sheet.h — reading the first worksheet of an XLSX workbook as rows
 * of text (xlsx_sheet.c), for rosters an office keeps in Excel.
 */
#ifndef XXGK_XLSX_SHEET_H
#define XXGK_XLSX_SHEET_H

#include <stddef.h>

#include "xxgk.h"

/* Limits that bound what one workbook may cost, whatever its zip claims. */
#define XLSX_MAX_ENTRIES 10000                   /* a workbook has 10–100 parts */
#define XLSX_MAX_PART ((size_t)32 * 1024 * 1024) /* one XML part, inflated */
#define XLSX_MAX_RATIO 200                       /* inflated ÷ compressed … */
#define XLSX_RATIO_FROM ((size_t)1024 * 1024)    /* … checked beyond 1 MB */
#define XLSX_MAX_COLS 64                         /* columns read of each row */
#define XLSX_MAX_ROWS 100000                     /* rows read */

/* Called for each row that has a cell: `row` is the sheet's row number
 * (1 …), cells[0 … ncells) the texts of columns A, B, … ("" for an empty
 * cell; numbers as written in the sheet, booleans as 0/1). Non-zero
 * stops the reading. */
typedef int (*xlsx_row_fn)(void *ctx, size_t row, const char *const *cells, size_t ncells);

/* Reads the first worksheet of the workbook in data[0..size). Fails with
 * XXGK_E_UNSUPPORTED for a zip that is not a workbook (or an encrypted
 * one), XXGK_E_TRUNCATED for a damaged zip or XML, XXGK_E_TOO_LARGE past
 * the limits above; the message says which part. */
xxgk_status xlsx_read_sheet(const char *data, size_t size, xlsx_row_fn fn, void *ctx,
                            xxgk_error *err);

/* ---- the parts xlsx_book.c shares ------------------------------------ */

#include <libxml/xmlreader.h>
#include <stdbool.h>
#include <zip.h>

/* Inflates the part `name` (NUL-terminated, malloc'd) within the limits
 * above; a missing part gives XXGK_E_UNSUPPORTED with *missing set. */
xxgk_status xlsx_read_part(zip_t *za, const char *name, char **out, size_t *size, bool *missing,
                           xxgk_error *err);
/* A pull reader over XML in memory: no network, no messages. */
xmlTextReaderPtr xlsx_xml_reader(const char *data, size_t size, const char *name);
bool xlsx_is_element(xmlTextReaderPtr r, const char *local);
bool xlsx_is_end(xmlTextReaderPtr r, const char *local);
/* Appends the text of the <t> elements up to the end of `until` (phonetic
 * runs skipped) to *text. */
bool xlsx_collect_text(xmlTextReaderPtr r, const char *until, char **text, size_t *len);

typedef struct xlsx_shared {
    char **v;
    size_t n, cap;
} xlsx_shared;
xxgk_status xlsx_load_shared(zip_t *za, xlsx_shared *s, xxgk_error *err);
void xlsx_shared_free(xlsx_shared *s);
/* The part relationship `rid` of xl/_rels/workbook.xml.rels points at, as
 * a zip entry name (malloc'd), or NULL. */
char *xlsx_rel_target(const char *rels, size_t size, const char *rid);
/* Column index of a cell reference ("C7" → 2), or -1. */
int xlsx_column_of(const char *ref);

#endif
