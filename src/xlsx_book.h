/*
 * xlsx_book.h — a whole XLSX workbook as the report reader needs it
 * (xlsx_book.c): every sheet's cells with the text they show, merged
 * ranges, links to other sheets and print areas. Built on the bounded
 * part reading of xlsx_sheet.c.
 */
#ifndef XXGK_XLSX_BOOK_H
#define XXGK_XLSX_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xxgk.h"

#define XLSX_MAX_SHEETS 64
#define XLSX_MAX_CELLS 200000 /* cells kept over the whole workbook */

typedef struct xlsx_cell {
    uint32_t row, col;   /* 0-based */
    char *text;          /* what the cell shows: a shared or inline string,
                            a formula's cached value, a number as written,
                            a date as 2025年1月20日; "" when empty */
    bool formula_without_value; /* a formula saved without its result */
} xlsx_cell;

typedef struct xlsx_range {
    uint32_t r0, c0, r1, c1; /* 0-based, inclusive */
} xlsx_range;

typedef struct xlsx_link {
    uint32_t row, col;
    char *sheet;         /* the sheet an internal link goes to */
} xlsx_link;

typedef struct xlsx_sheet {
    char *name;
    bool hidden;
    bool has_area;       /* a print area is defined */
    xlsx_range area;
    xlsx_cell *cells;    /* in row, then column order */
    size_t ncells, cap;
    xlsx_range *merges;
    size_t nmerges, mcap;
    xlsx_link *links;
    size_t nlinks, lcap;
} xlsx_sheet;

typedef struct xlsx_book {
    xlsx_sheet sheets[XLSX_MAX_SHEETS];
    size_t n;
    size_t cells;        /* kept in all */
    size_t missing_values; /* formulas saved without their result */
} xlsx_book;

/* Whether data is a zip holding a workbook (an entry under xl/). */
bool xlsx_detect(const char *data, size_t size);

/* Reads the workbook in data[0..size): its sheets in order, each with its
 * cells. Failures as xlsx_read_sheet's (xlsx_sheet.h). */
xxgk_status xlsx_book_read(const char *data, size_t size, xlsx_book *book, xxgk_error *err);
void xlsx_book_free(xlsx_book *book);

#endif
