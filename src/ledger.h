/*
 * ledger.h — a ledger (台账) as a grid of text cells, read from CSV or
 * from the first sheet of an XLSX workbook (ledger_read.c), for the
 * import (ledger.c).
 */
#ifndef XXGK_LEDGER_H
#define XXGK_LEDGER_H

#include <stddef.h>

#include "arena.h"
#include "xxgk.h"

typedef struct sheet_row {
    size_t number;      /* the row in the sheet: 1 = the first row */
    const char **cells; /* NUL-terminated, "" for an empty cell */
    size_t ncells;
} sheet_row;

typedef struct sheet {
    sheet_row *rows;    /* in order; completely empty rows left out */
    size_t nrows;
    bool xlsx;          /* read from a workbook (dates may be serials) */
} sheet;

/* Reads `path` into sheet (memory from the arena). A zip container is
 * read as XLSX, anything else as CSV text (UTF-8 or GB18030, a BOM
 * allowed; comma, or tab when the first line has tabs and no comma).
 * Fails with XXGK_E_IO, XXGK_E_UNSUPPORTED, XXGK_E_TOO_LARGE or
 * XXGK_E_TRUNCATED and the reason. */
xxgk_status ledger_sheet_read(arena *a, const char *path, sheet *out, xxgk_error *err);

#endif
