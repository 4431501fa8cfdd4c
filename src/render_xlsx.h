/*
 * render_xlsx.h — what the two halves of the workbook writer share
 * (render_xlsx.c: the table sheets with their formulas and checks;
 * render_xlsx_text.c: the sheet 正文 with the sections, title and
 * signature).
 */
#ifndef XXGK_RENDER_XLSX_H
#define XXGK_RENDER_XLSX_H

#include <xlsxwriter.h>

#include "render.h"

/* The formats of the workbook: locked labels, unlocked inputs, totals. */
typedef struct xlsx_formats {
    lxw_format *title, *band, *head, *label, *group, *note;
    lxw_format *count, *money, *total, *total_money; /* value cells */
    lxw_format *check_head, *check, *bad;            /* the checks */
    lxw_format *para, *heading, *link, *input_title, *sign, *date;
} xlsx_formats;

void xlsx_make_formats(lxw_workbook *wb, xlsx_formats *x);

/* The name of the sheet of section s's table ("表三"). */
const char *xlsx_table_sheet(xxgk_format f, int section);

/* Writes the sheet 正文 (the report's text, title and signature, a link
 * to each table's sheet under its section heading). */
void xlsx_write_text_sheet(lxw_workbook *wb, const xlsx_formats *x, const xxgk_report *r);

/* A fill-in sheet's protection: no password, inputs unlocked; rows may
 * be inserted when `rows` (the sections' paragraphs). */
void xlsx_protect(lxw_worksheet *ws, bool rows);

#endif
