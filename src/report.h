/*
 * report.h — the parsed report: the public model (meta, cells) plus what
 * the recogniser saw on the way (headings, captions, rows, header cells,
 * paragraphs), which the checker needs to say where a problem is.
 */
#ifndef XXGK_REPORT_H
#define XXGK_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "doc.h"
#include "number.h"
#include "template.h"
#include "xxgk.h"

/* A growable array in the report's arena. */
#define VEC(type)          \
    struct {               \
        type *v;           \
        size_t n, cap;     \
    }

/* Appends a zeroed element and returns a pointer to it (NULL when out of
 * memory). */
#define VEC_PUSH(a, vec) \
    ((vec).n < (vec).cap || vec_grow((a), (void **)&(vec).v, &(vec).cap, sizeof *(vec).v) \
         ? memset(&(vec).v[(vec).n++], 0, sizeof *(vec).v)                                 \
         : NULL)

int vec_grow(arena *a, void **v, size_t *cap, size_t elem);

/* A source span: where something sits in the input. */
typedef struct span {
    uint32_t line, col, len;
} span;

/* A section heading as printed. */
typedef struct rec_heading {
    int section;       /* 1 … 6, what it is */
    int number;        /* the number it carries, 0 when none */
    bool arabic;       /* numbered 5、 instead of 五、 */
    int quality;       /* MATCH_EXACT … MATCH_FUZZY of its title */
    const char *text;  /* as printed */
    span at;
} rec_heading;

/* A block caption of table 二 (第二十条第（一）项). */
typedef struct rec_caption {
    int article, item; /* as printed */
    int block;         /* the block it introduces, by its rows, or -1 */
    const char *text;
    span at;
} rec_caption;

/* A table row the recogniser placed (or tried to). */
typedef struct rec_row {
    const tpl_table *table; /* the table whose row it is */
    int row;                /* row index in that table */
    int quality;            /* label match */
    bool foreign;           /* a row of the other format */
    bool duplicate;         /* the same row printed twice */
    bool old_label;         /* labelled as in the other format (规范性文件 in 2021) */
    xxgk_format old_format; /* …the format whose label it is */
    int nvalues, ncols;     /* the row's shape */
    bool converted;         /* printed by a converter (pipe text, loose
                               lines): a wrong shape is not the report's
                               for certain */
    int extra;              /* blank cells past the columns, dropped */
    int placed;             /* cells placed */
    int section;            /* section it appeared in */
    const char *label;      /* label text as printed (last label cell) */
    span at;                /* the label's position */
    span values;            /* first value cell */
} rec_row;

/* A header cell of a table (column or column group label). */
typedef struct rec_header {
    const tpl_table *table; /* matched table, or NULL */
    int block, col;         /* matched column, col -1 for a group label */
    int quality;
    const char *text;
    span at;
} rec_header;

/* A paragraph of narrative text and the section it belongs to. */
typedef struct rec_para {
    int section;  /* 0 before the first heading */
    const char *text;
    uint32_t len;
    span at;
} rec_para;

/* A value cell that a merged cell of the document covers: a cell of
 * the row above reaching down (vertical), or one cell over several
 * columns (horizontal). Its number is not placed: it cannot be told
 * which row or column it belongs to. */
typedef struct rec_merged {
    int cells[16];        /* the cells it covers */
    int ncells;
    bool vertical;
    const char *text;     /* the merged cell's text ("" when it is the
                             continuation of one above) */
    span at;
    const xxgk_locator *src;
} rec_merged;

/* A row the document prints that could not be read. */
enum {
    UNREAD_NO_VALUES = 1, /* a row label printed without numbers */
    UNREAD_NO_LABEL,      /* numbers printed without a row label */
    UNREAD_UNPAIRED       /* loose labels and numbers that do not pair */
};
typedef struct rec_unread {
    int reason;           /* UNREAD_* */
    const tpl_table *table; /* the label's row, when there is a label */
    int row;              /* …its index, or -1 */
    const char *label;    /* as printed, or NULL */
    const char *values;   /* the numbers as printed, or NULL */
    span at;
} rec_unread;

/* A value cell that holds text where a number belongs. */
typedef struct rec_bad_value {
    int cell;     /* cell id it would have filled, or -1 */
    const char *text;
    span at;
} rec_bad_value;

/* What the recogniser saw on the way from a document to its model: the
 * text view, the tree, and every heading, caption, row, header and
 * paragraph it matched, with their places. A report built in code, read
 * from JSON or loaded from the store has none (xxgk_report.ev == NULL);
 * the rules that need it (xxgk_rule.needs) then do not run. */
/* The most lines a text view may have (report.c): a long report has a
 * few thousand. */
#define REPORT_MAX_LINES 200000

struct xxgk_evidence {
    const char *text;   /* the text view (for text inputs, the input) */
    size_t size;
    const char *encoding;
    uint32_t *line_start; /* byte offset of each line */
    uint32_t nlines;
    const xxgk_locator **cell_src; /* by cell id: where it was read */
    doc tree;
    int tables_seen[5]; /* rows placed per section 2 … 4 */
    xxgk_format table_format[5]; /* the format each table (section 2 … 4)
                                    was printed in; differs from the
                                    report's only where the formats have
                                    tables of their own (表二) */
    bool old_format;    /* a pre-2019 report */
    VEC(rec_heading) headings;
    VEC(rec_caption) captions;
    VEC(rec_row) rows;
    VEC(rec_header) headers;
    VEC(rec_para) paras;
    VEC(rec_bad_value) bad_values;
    VEC(rec_merged) merged;
    VEC(rec_unread) unread;
    VEC(xxgk_split) splits;      /* runs of glued digits (split.c) */
};

/* The report: its model (name, meta, cells, sections), the evidence it
 * was read from when it was read, and the findings of the last check. */
struct xxgk_report {
    arena a;
    const char *name;
    xxgk_meta meta;
    xxgk_cell *cells;   /* indexed by cell id */
    size_t ncells;
    const char *section_text[7]; /* narrative per section, 0 = preamble */
    xxgk_evidence *ev;  /* NULL: not read from a document */
    VEC(xxgk_finding) findings;  /* filled by xxgk_check */
    VEC(rec_para) model_paras;   /* a model's section texts as paragraphs,
                                    for the checker (check.c) */
};

/* A report with no text: every cell absent, nothing recognised; its
 * arena's first chunk is `first_chunk` bytes. NULL when out of memory.
 * (Parsing, building in code and loading from the store start here.) */
xxgk_report *report_new_empty(const char *name, size_t first_chunk);

/* The whole file at `path` ("-": standard input) in a malloc'd buffer
 * the caller frees, within XXGK_MAX_INPUT. */
xxgk_status report_read_path(const char *path, char **data, size_t *size, xxgk_error *err);

/* The JSON of the model (output.c): the "meta" object, and the "cells"
 * object in format f's order; shared by parse, check and render. */
struct jw_writer;
void report_write_meta_json(const xxgk_report *r, struct jw_writer *w);
void report_write_cells_json(const xxgk_report *r, xxgk_format f, struct jw_writer *w);

/* Whether cell `id`, read from a row of the other format (row_foreign)
 * or not, is outside the report's format: it is then kept under its own
 * key and flagged XXGK_CELL_FOREIGN (a 2019 table 二 in a 2021 report
 * keeps 上一年项目数量 so; its 处理决定数量 is a 2021 cell). */
static inline bool cell_foreign(const xxgk_report *r, int id, bool row_foreign)
{
    return row_foreign || !xxgk_format_has_cell(r->meta.format, (size_t)id);
}

/* Gives the report its evidence: an empty one, in the report's arena
 * (NULL when out of memory). */
xxgk_evidence *report_evidence_new(xxgk_report *r);

/* A locator as a JSON object (tree_json.c): kind, `text` when given
 * (the place in words), then the fields of its kind. */
void locator_write_json(struct jw_writer *w, const xxgk_locator *l, const char *text);
/* A worksheet column number (1-based) in A1 letters ("C", "AA") into
 * buf; "" for 0. Returns buf. */
const char *locator_column_name(uint32_t column, char *buf, size_t size);

/* Reads the model out of the document (recognise.c) into r, whose
 * evidence (r->ev) holds the view. */
xxgk_status recognise(xxgk_report *r, doc *d, xxgk_error *err);

/* Fills section_text from the paragraphs (report.c). */
void report_collect_sections(xxgk_report *r);

/* Title, year, body, dates (meta.c). */
void meta_extract(xxgk_report *r, const doc *d);

/* Parses a date such as 2021年1月28日 or 二〇二一年一月二十八日 at s[*i]
 * (compact text); on success writes YYYY-MM-DD into iso (11 bytes). When
 * the year is missing (12月31日) default_year is used, if non-zero. */
bool parse_cn_date(const char *s, size_t len, size_t *i, int default_year, char iso[11]);

#endif
