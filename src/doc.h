/*
 * doc.h — the document tree every reader hands over: paragraphs and
 * tables, rows, cells with their grid column and spans, each node with
 * its place in the input's own terms (xxgk_locator) and its place in the
 * text view (`xxgk parse --format text`).
 *
 * Text readers (read_text.c) build the tree from the text itself: the
 * view is the input, and the positions are its lines. Structured readers
 * (HTML, DOCX, PDF, crawler dumps) build it through the doc_put_* calls,
 * which copy and clean the text; doc_print.c then writes the one text
 * view and records each node's view line. The recogniser reads the tree,
 * never the view.
 */
#ifndef XXGK_DOC_H
#define XXGK_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "xxgk.h"

typedef struct doc_cell {
    const char *text;     /* the cell's text; lines joined by \n */
    uint32_t len;
    uint32_t line, col;   /* view position of its first byte (1-based) */
    uint16_t grid;        /* first grid column it covers (0-based) */
    uint16_t colspan, rowspan;
    bool continued;       /* covered by a merged cell of a row above: the
                             text is in that cell, this one is no blank */
    const struct doc_cell *owner; /* continued: the cell that covers it,
                             when the reader knows (NULL otherwise) */
    xxgk_locator src;
} doc_cell;

typedef struct doc_row {
    doc_cell *cells;
    uint32_t n, cap;
    uint32_t line;        /* view line of its first cell */
    xxgk_locator src;
} doc_row;

typedef enum doc_kind {
    DOC_PARA = 0,
    DOC_TABLE,
    DOC_BLANK             /* an empty line of the view, nothing to read */
} doc_kind;

/* What a paragraph is, once the recogniser knows. */
typedef enum doc_role {
    ROLE_BODY = 0,
    ROLE_TITLE,
    ROLE_HEADING,         /* one of the six sections; `section` says which */
    ROLE_CAPTION,         /* a table caption (第二十条第（一）项) */
    ROLE_SIGNATURE        /* the issuing body or the signing date */
} doc_role;

typedef struct doc_block {
    doc_kind kind;
    uint8_t role;         /* doc_role, DOC_PARA only */
    uint8_t section;      /* ROLE_HEADING: 1 … 6 */
    bool spans;           /* DOC_TABLE: grid columns and spans are the
                             input's own (HTML, DOCX, PDF), not guessed */
    bool converted;       /* DOC_TABLE: rows as a converter or crawler
                             printed them (pipe or tab-separated text,
                             columns without rulings): a missing cell may
                             be the converter's, not the report's */
    uint32_t line, col;   /* view position of the first byte */
    const char *text;     /* DOC_PARA: the paragraph text */
    uint32_t len;
    doc_row *rows;        /* DOC_TABLE */
    uint32_t nrows, cap;
    xxgk_locator src;
} doc_block;

/* The most a document may hold: blocks and table rows together, and
 * table cells. A report has a few hundred of each, a long one a few
 * thousand; past these limits a file is no report, and its tree would
 * take memory out of all proportion to its size (each line of one digit
 * a paragraph of ~200 bytes: 60 MB of them, gigabytes). */
#define DOC_MAX_NODES 200000
#define DOC_MAX_CELLS 500000

typedef struct doc {
    arena *a;
    doc_block *blocks;
    size_t n, cap;
    size_t nodes, cells;  /* blocks + rows, cells: against the limits */
    size_t bytes;         /* bytes the view will take (doc_put_*) */
    size_t limit;         /* the most it may take */
    xxgk_status failed;   /* XXGK_E_NOMEM or XXGK_E_TOO_LARGE, sticky */
    const char *too_many; /* with XXGK_E_TOO_LARGE: the count past its
                             limit ("段落和表格行", "表格单元格"), or NULL
                             when it is the view's bytes */
    bool fill_in;         /* a model a person filled in (a workbook): its
                             blank totals are computed (report.c) */
} doc;

void doc_init(doc *d, arena *a);

/* ---- building from text (read_text.c): no copies, positions given --- */

/* Each returns NULL when out of memory. */
doc_block *doc_add_para(doc *d, const char *text, size_t len, uint32_t line, uint32_t col);
doc_block *doc_add_table(doc *d, uint32_t line);
doc_row *doc_add_row(doc *d, doc_block *table, uint32_t line);
doc_cell *doc_add_cell(doc *d, doc_row *row, const char *text, size_t len, uint32_t line,
                       uint32_t col);
/* Appends "\n" + text to a cell (a continuation line). */
int doc_cell_append(doc *d, doc_cell *cell, const char *text, size_t len);

/* ---- building from structure (the other readers) --------------------
 * Text is copied into the arena and cleaned as the view needs it: each
 * line trimmed of ASCII blanks, control characters (TAB included) made
 * spaces and `|` made `｜`, so that no line of the view reads as a table
 * row of another layout. Failures are sticky in d->failed (out of
 * memory, or the view past d->limit): callers may go on and check once
 * at the end. */

/* A paragraph: each of its lines ("\n") a paragraph of its own, a blank
 * line a DOC_BLANK. */
void doc_put_para(doc *d, const char *text, size_t len, const xxgk_locator *src);
/* A new table; `spans` says whether cells will carry the input's grid
 * columns and spans. NULL on failure. */
doc_block *doc_put_table(doc *d, bool spans, const xxgk_locator *src);
doc_row *doc_put_row(doc *d, doc_block *table, const xxgk_locator *src);
/* A cell: blank lines inside it dropped. `grid` is its first grid column
 * (ignored unless the table has spans: then cells come in grid order). */
doc_cell *doc_put_cell(doc *d, doc_row *row, const char *text, size_t len, unsigned grid,
                       unsigned colspan, unsigned rowspan, bool continued,
                       const xxgk_locator *src);
/* A continued cell: covered by `owner`, a cell of a row above. */
doc_cell *doc_put_continued(doc *d, doc_row *row, unsigned grid, unsigned colspan,
                            const doc_cell *owner);
/* The blocks of `from` appended to `to` (a layout table's contents). */
void doc_append(doc *to, const doc *from);

/* The last block, when it is a table (to go on with it), else NULL. */
doc_block *doc_last_table(doc *d);

/* ---- the text view (doc_print.c) ------------------------------------ */

/* Writes the view of a tree built with doc_put_*, in the Word-text
 * layout (shared/samples): a paragraph per line; each table row as one
 * line per cell starting with a TAB, the other lines of a cell after it,
 * then a blank line. Sets every node's view line and column. The text is
 * NUL-terminated, in the arena. Fails with XXGK_E_NOMEM, or with
 * XXGK_E_EMPTY (message naming `what`) when there is no text at all. */
xxgk_status doc_print(doc *d, const char *what, char **text, size_t *size, xxgk_error *err);

/* The status of a tree after building: d->failed as a message naming
 * `what` ("DOCX"), XXGK_OK when it went well. */
xxgk_status doc_status(const doc *d, const char *what, xxgk_error *err);

/* Replaces every node's text with the same lines of `view` (the view
 * converted to simplified characters, same lines as the printed one). */
int doc_rebase(doc *d, const char *view, size_t size);

/* Readers. read_text returns -1 on failure, d->failed saying why. */
int read_text(doc *d, const char *text, size_t size);

#endif
