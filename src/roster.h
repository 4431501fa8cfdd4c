/*
 * roster.h — reading a roster of bodies from a CSV or XLSX file
 * (roster.c): the rows 名称, 上级, 类别, 别名 as an office keeps them.
 */
#ifndef XXGK_ROSTER_H
#define XXGK_ROSTER_H

#include <stddef.h>

#include "xxgk.h"

/* A roster file larger than this is refused (a county's has a few KB). */
#define ROSTER_MAX_BYTES ((size_t)16 * 1024 * 1024)
#define ROSTER_MAX_ROWS 100000

typedef struct roster_row {
    char *name, *parent, *kind, *aliases; /* trimmed; "" when empty */
    size_t line;                          /* its line (CSV) or row (XLSX) */
} roster_row;

typedef struct roster {
    roster_row *v;
    size_t n, cap;
} roster;

/* Reads the roster at `path`: XLSX when the file is a zip, else CSV
 * (UTF-8 with or without BOM, or GB18030). The first non-empty row is
 * the header; its 名称 column is required. Fails with XXGK_E_USAGE and a
 * message naming the line for a missing column, an empty name, or a name
 * given twice (also in two spellings of one body: 洪泽区政府, 洪泽区人民政府);
 * with the reader's status for a file that cannot be read. */
xxgk_status roster_read(const char *path, roster *out, xxgk_error *err);
void roster_free(roster *r);

#endif
