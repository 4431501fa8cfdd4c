/*
 * render.h — what the renderers (render_*.c) share: the tables laid out
 * as a grid of merged cells from the template, the document's parts in
 * reading order, and small text helpers.
 *
 * Every renderer lays the statistics tables out from one grid built from
 * the template (template.h), never from a copy of the tables: the grid
 * holds the official merged header cells (rowspan, colspan), the row
 * labels with their groups and the value cells with their cell ids.
 */
#ifndef XXGK_RENDER_H
#define XXGK_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "template.h"
#include "xxgk.h"

/* ---- the table grid ---------------------------------------------------- */

/* What a grid cell is; renderers style and tag each kind. */
typedef enum grid_kind {
    G_CAPTION = 0, /* a block caption of table 二 (第二十条第（一）项) */
    G_CORNER,      /* the header over the label columns (信息内容, 勾稽 note) */
    G_GROUP,       /* a column group label (申请人情况, 法人或其他组织) */
    G_ROWHEAD,     /* table 四: a row (group) label printed as a column header */
    G_COLHEAD,     /* a column label (本年制发件数, 自然人) */
    G_LABEL,       /* a row label, or a row group label spanning its rows */
    G_VALUE        /* a value cell */
} grid_kind;

typedef struct grid_cell {
    grid_kind kind;
    int row, col;         /* top-left position in the grid */
    int rowspan, colspan; /* 1 when not merged */
    int depth;            /* G_LABEL: nesting level, 0 = top */
    bool group;           /* G_LABEL: a group label (no cells of its own) */
    const char *text;     /* label text; NULL for G_VALUE */
    int cell;             /* G_VALUE: cell id */
    int unit;             /* G_VALUE: UNIT_* of its column */
} grid_cell;

#define GRID_MAX_CELLS 512
#define GRID_MAX_ROWS 48
#define GRID_MAX_COLS 16

typedef struct grid {
    const tpl_table *table;
    xxgk_format format;
    int nrows, ncols;
    int label_cols; /* columns of row labels at the left */
    int head_rows;  /* header rows at the top, repeated on every page */
    grid_cell cells[GRID_MAX_CELLS];
    int n;
    char corner[64]; /* the label-column header text, when copied */
    /* Index of the cell covering each position, -1 for none. */
    short at[GRID_MAX_ROWS][GRID_MAX_COLS];
} grid;

/* Lays out the table of `section` (2, 3, 4) in format f. Returns 0, or -1
 * when the format has no such table or it does not fit the limits. */
int grid_build(grid *g, xxgk_format f, int section);

/* The cell covering (row, col), or NULL. */
const grid_cell *grid_cell_at(const grid *g, int row, int col);

/* Whether the cell at (row, col) starts there (not a covered position). */
bool grid_starts_at(const grid *g, const grid_cell *c, int row, int col);

/* ---- the document ------------------------------------------------------ */

/* The format a report is written in: its own, else its year's. */
xxgk_format render_format_of(const xxgk_report *r);

/* The title to print: the report's, else "<body><year>年政府信息公开工作
 * 年度报告" written into buf. */
const char *render_title(const xxgk_report *r, char *buf, size_t size);

/* The heading of section n (1 … 6) with its numbering: "一、总体情况". */
const char *render_heading(xxgk_format f, int n, char *buf, size_t size);

/* The caption of the table of section n (2 … 4) in HTML: "表一　主动公开
 * 政府信息情况". */
const char *render_caption(xxgk_format f, int n, char *buf, size_t size);

/* The signing date in Chinese ("2021年1月28日"), or NULL when the report
 * has none. */
const char *render_date(const xxgk_report *r, char *buf, size_t size);

/* The statistical-period sentence to add before section 0's text when
 * the meta data has a period the text does not state, else NULL. */
const char *render_period_sentence(const xxgk_report *r, char *buf, size_t size);

/* Iterates over the paragraphs of section n's model text, trimmed of
 * white space (any width), blank ones skipped. Characters a text reader
 * would take for table syntax (TAB, '|') are not changed here; the text
 * renderers replace them. */
typedef struct para_iter {
    const char *p, *end;
} para_iter;
void para_iter_init(para_iter *it, const xxgk_report *r, int section);
bool para_iter_next(para_iter *it, const char **text, size_t *len);

/* A value cell's text: the number, or "" for a blank or absent cell. */
const char *render_value(const xxgk_report *r, int cell, char *buf, size_t size);

/* A sub-heading at the start of a paragraph, as GB/T 9704 sets them:
 * "（一）…。" (level 2) or "1.…。" (level 3). Returns the level (0 when
 * none) and the byte length of the heading part in *len. */
int render_subheading(const char *text, size_t len, size_t *head_len);

/* Writes s[0..n) with the XML/HTML special characters escaped, and
 * control characters other than TAB and LF dropped. */
void render_xml_escape(FILE *out, const char *s, size_t n);

/* For the text renderers: writes s[0..n) with TAB as a space and '|' as
 * '｜', which a text reader would take for table syntax. */
void render_put_inline(FILE *out, const char *s, size_t n);
/* The paragraphs of section n, each followed by a blank line (section 0
 * begins with the period sentence when one is due). */
void render_text_paragraphs(const xxgk_report *r, int n, FILE *out);
/* The signature: issuing body and signing date, a line each. */
void render_text_signature(const xxgk_report *r, FILE *out);

/* ---- the renderers ------------------------------------------------------ */

int render_text(const xxgk_report *r, FILE *out);
int render_markdown(const xxgk_report *r, FILE *out);
int render_html(const xxgk_report *r, FILE *out);
xxgk_status render_docx(const xxgk_report *r, FILE *out, xxgk_error *err);
/* Writes the workbook to the file `path`; messages name `name` (the file
 * the user asked for, not a temporary one). */
xxgk_status render_xlsx(const xxgk_report *r, const char *path, const char *name,
                        xxgk_error *err);
/* The DOCX converted to PDF by LibreOffice (render_pdf.c). */
xxgk_status render_pdf(const xxgk_report *r, FILE *out, xxgk_error *err);

/* ---- atomic files (atomic.c) -------------------------------------------- */

/* An output file being written (atomic.c): a temporary file beside the
 * target, or the target itself when it is a device, a FIFO or one of the
 * process's descriptors (`direct`), which is never replaced. */
typedef struct atomic_file {
    char *tmp_path; /* malloc'd; NULL when direct */
    char *path;     /* malloc'd copy of the target as given (for messages) */
    char *final;    /* malloc'd: the target with symbolic links followed */
    FILE *f;        /* NULL when the writer works on tmp_path itself */
    bool direct;    /* written in place (no temporary file, no rename) */
    int temp_handle; /* tempfiles.c registration of tmp_path, or -1 */
    char *spool;    /* malloc'd: a file written by name for a direct target */
    int spool_handle;
} atomic_file;

/* Opens `path` for writing as described in atomic.c. Without `overwrite`
 * an existing regular file (also one a symbolic link leads to) is
 * refused. */
xxgk_status atomic_open(atomic_file *af, const char *path, bool overwrite, xxgk_error *err);
/* Flushes, syncs and puts the file in place (rename, or link when an
 * existing file must not be replaced); a direct file is only flushed.
 * Always releases af. */
xxgk_status atomic_commit(atomic_file *af, bool overwrite, xxgk_error *err);
/* Removes the temporary file and releases af. */
void atomic_abort(atomic_file *af);
/* For writers that can only write a file by name (libxlsxwriter): *path
 * is the file to write — the temporary file itself, or, for a direct
 * target, a spool file in $TMPDIR that atomic_commit copies into it. */
xxgk_status atomic_by_name(atomic_file *af, const char **path, xxgk_error *err);

/* build.c: xxgk_report_new, with the name messages give the report. */
xxgk_status report_new_named(int year, xxgk_format format, const char *body, const char *name,
                             xxgk_report **out, xxgk_error *err);

#endif
