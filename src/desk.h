/*
 * desk.h — what the status sheet's writers share (desk_*.c): the status
 * as computed by store_desk.c, its columns and their Chinese headers,
 * and the texts of one row's cells, so that XLSX, DOCX and HTML print
 * the same sheet.
 */
#ifndef XXGK_DESK_H
#define XXGK_DESK_H

#include <stdio.h>

#include "xxgk.h"

/* Bodies on one printed page (landscape A4). */
#define DESK_PAGE_ROWS 30

/* The columns of the sheet, in order. */
enum {
    DESK_COL_SEQ = 0, /* 序号 */
    DESK_COL_BODY,    /* 机关 */
    DESK_COL_KIND,    /* 类别 */
    DESK_COL_STATE,   /* 状态 */
    DESK_COL_DATE,    /* 成文日期 */
    DESK_COL_ERRORS,  /* 错误 */
    DESK_COL_WARNINGS,/* 警告 */
    DESK_COL_FIRST,   /* 首个错误 */
    DESK_COL_APPS,    /* 本年新收申请 */
    DESK_COL_PREV,    /* 与上年相同 */
    DESK_COL_OTHERS,  /* 与他人相同 */
    DESK_NCOLS
};

/* The header of column c ("机关"). */
const char *desk_header(int c);

/* Relative widths of the columns (characters), for the page layout. */
int desk_width(int c);

/* Whether a column holds numbers (right-aligned). */
bool desk_numeric(int c);

/* The text of column c of row i (1-based sequence number seq) into buf:
 * "已报送", "逾期" added to the state, shares as "62%", "—" when not
 * known, the first error cut to 32 characters. */
const char *desk_cell(const xxgk_desk_row *row, int c, size_t seq, char *buf, size_t size);

/* The sheet's title: "<region><year>年度政府信息公开工作年度报告审核情况". */
const char *desk_title(const xxgk_desk *d, char *buf, size_t size);

/* The summary line under the title (how many reported, wrong, late …). */
const char *desk_summary_line(const xxgk_desk *d, char *buf, size_t size);

/* The state's text with 逾期 added when late ("有错误、逾期"). */
const char *desk_state_text(const xxgk_desk_row *row, char *buf, size_t size);

/* Writers, each into a file the caller opened (atomic.c puts it in place). */
xxgk_status desk_write_html(const xxgk_desk *d, FILE *out, xxgk_error *err);
xxgk_status desk_write_docx(const xxgk_desk *d, FILE *out, xxgk_error *err);
/* XLSX is written by name: `path` is the file to write, `name` the one
 * messages give (the file the user asked for). */
xxgk_status desk_write_xlsx(const xxgk_desk *d, const char *path, const char *name,
                            xxgk_error *err);

#endif
