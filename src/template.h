/*
 * template.h — the two national formats, written down once as data.
 *
 * Reading, checking and writing are all driven by these tables: the
 * reader matches labels against them, the checker derives its sum rules
 * from them, the renderers lay tables out from them. A new format version
 * is a new table here, not new code paths.
 */
#ifndef XXGK_TEMPLATE_H
#define XXGK_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "xxgk.h"

/* Format masks: which formats a row, block or rule belongs to. */
enum { F2019 = 1, F2021 = 2, FBOTH = 3 };
/* The bit of format f in the masks of rows and tables (1 << its place in
 * the list of formats). */
int format_mask(xxgk_format f);

/* Units of a column. Money is kept in 万元. */
enum { UNIT_COUNT = 0, UNIT_WANYUAN, UNIT_SIGNED_COUNT };

/* A list of words: NULL-terminated, or NULL for none. Written in the
 * data as WORDS("a", "b"). */
typedef const char *const *tpl_words;
#define WORDS(...) ((const char *const[]){__VA_ARGS__, NULL})

typedef struct tpl_col {
    const char *key;      /* "new_made" */
    const char *label;    /* official label "本年新制作数量" */
    tpl_words variants;   /* accepted variants, or NULL */
    int unit;
} tpl_col;

enum { ROW_DATA = 0, ROW_GROUP };

typedef struct tpl_row {
    const char *key;      /* "rules"; NULL for a group label */
    const char *label;    /* official label as printed, numbering included */
    tpl_words variants;   /* variants seen in real reports */
    int kind;             /* ROW_DATA or ROW_GROUP */
    int group;            /* index of the group row above it, or -1 */
    int block;            /* index of its block (table 二 captions) */
    int formats;          /* F2019 | F2021 */
} tpl_row;

/* A block of table 二: a caption citing 第二十条 and its own columns.
 * Tables 三 and 四 have one block. */
typedef struct tpl_block {
    const char *caption;  /* "第二十条第（一）项", or NULL */
    int article, item;    /* 20, 1 */
    const tpl_col *cols;
    int ncols;
} tpl_block;

/* A sum rule, declared once: for EACH_ROW, in every data row the cells
 * of the lhs columns add up to those of the rhs columns; for EACH_COLUMN,
 * in every column the lhs rows add up to the rhs rows. */
enum { SUM_EACH_ROW = 0, SUM_EACH_COLUMN };

typedef struct tpl_sum {
    const char *rule;     /* stable rule id, "t3-row-total" */
    int over;             /* SUM_EACH_ROW or SUM_EACH_COLUMN */
    const char *lhs, *rhs;/* space-separated column or row keys */
    int formats;
    const char *basis;    /* where the identity comes from */
    const char *title;    /* the rule's one-line statement, Chinese */
    const char *lhs_says; /* how a message names the left side's figure
                             ("本年新收加上年结转是"); NULL: one cell,
                             "填的是" */
    const char *rhs_says; /* …and the right side's ("各类申请人相加是") */
    const char *explanation; /* why it holds and what to do, Chinese */
} tpl_sum;

/* Table layouts: ROWS has one text row per data row; FLAT (table 四)
 * prints all its groups side by side in one data row. */
enum { LAYOUT_ROWS = 0, LAYOUT_FLAT };

/* A label over several value columns in a table's header (申请人情况
 * over all of table 三's, 法人或其他组织 over five); or, with `corner`,
 * the label over the row labels (表二's 信息内容). */
typedef struct tpl_group {
    const char *label;
    tpl_words cols;       /* the column keys it spans; NULL: every column */
    bool corner;
} tpl_group;

typedef struct tpl_table {
    const char *id;       /* "t2", "t3", "t4" */
    const char *name;     /* "表二": tables are named by their section,
                             the same in findings and every renderer */
    const char *title;    /* the section heading it sits under */
    int section;          /* 2, 3 or 4 */
    int layout;
    int formats;
    const tpl_block *blocks;
    int nblocks;
    const tpl_row *rows;
    int nrows;
    const tpl_sum *sums;
    int nsums;
    const char *header_note; /* table 三's 勾稽 note, or NULL */
    const tpl_group *groups; /* its header's column groups, outer first */
    int ngroups;
} tpl_table;

typedef struct tpl_heading {
    int number;           /* 1 … 6 */
    const char *title;    /* "总体情况" (without the numbering) */
    tpl_words variants;   /* wordings seen in reports */
    tpl_words keywords;   /* any one identifies it (with its number) */
    const char *note;     /* the template's 文字描述 note, or NULL */
} tpl_heading;

typedef struct tpl_format {
    xxgk_format format;   /* its code: the year it was issued */
    const char *code;     /* the same as text, "2021" (meta.format) */
    const char *name;     /* "国办公开办函〔2019〕60号" */
    int from_year;        /* the first report year it serves; it serves
                             every year until the next format's */
    int overview_max;     /* 总体情况 at most this many characters, 0: no
                             limit */
    const tpl_heading *headings; /* six */
    const tpl_table *tables[3];  /* 二, 三, 四 */
    const char *const *skeleton; /* what `xxgk new` writes in sections 0 … 6
                                    for the clerk to replace; "{年}" is the
                                    report year */
} tpl_format;

/* Reports before the first format (2008–2018) printed one statistics
 * table, 政府信息公开情况统计表, with 指标名称 and 计量单位 columns. */
typedef struct tpl_legacy {
    tpl_words table_words;  /* all of them in the text: its table */
    tpl_words titles;       /* any of them: its title */
} tpl_legacy;
extern const tpl_legacy tpl_legacy_format;

/* Stops the program with a message naming `what` when template data
 * exceeds a capacity of the code built from it: a programming error the
 * tests find, never clipped in silence. */
void tpl_need(bool ok, const char *what);

/* The official row and column labels of cell `id` as format f prints
 * them (a key several formats share may be worded differently: （七）总计
 * in one, （三）总计 in another); the registry's when f lacks the cell. */
void tpl_cell_labels(xxgk_format f, size_t id, const char **row, const char **col);

/* The key of the row of format f's table in `section` that stands for
 * row `key` of any format: the row itself when f has it, else the row f
 * prints under the label of its group (2019's single （六）其他处理 for
 * 2021's three rows under （六）其他处理); NULL when there is none. */
const char *tpl_row_in_format(xxgk_format f, int section, const char *key);

/* The values of a flat table (四): its groups × its columns; 0 for a
 * table of rows. */
int tpl_flat_cells(const tpl_table *t);
/* Whether some format's flat table has exactly n values; and the fewest
 * values a flat table of any format has. */
bool tpl_is_flat_width(int n);
int tpl_min_flat_cells(void);

/* Every distinct table of every format (table 二 of each format, then
 * 三, then 四), in registry order. */
size_t tpl_table_count(void);
const tpl_table *tpl_table_at(size_t i);

/* The formats, in the order of their years (template_data.c, plus any
 * registered before first use). */
size_t tpl_format_count(void);
const tpl_format *tpl_format_at(size_t i);
/* The format of code f, or NULL. */
const tpl_format *tpl_get(xxgk_format f);
/* The latest format: what a report of unknown year is taken to use. */
xxgk_format tpl_latest_format(void);
/* Whether format f says (in section 六's note) that the 信息处理费 is
 * reported there. */
bool tpl_format_requires_fee_statement(xxgk_format f);
/* A format other than `not` that prints row ri of t, or UNKNOWN. */
xxgk_format tpl_row_format(const tpl_table *t, int ri, xxgk_format not);

/* Adds a format to the registry: for tests of a new format in data
 * alone. Must be called before anything else uses the templates; fails
 * (returns -1) afterwards or when the list is full. */
int tpl_register_format(const tpl_format *f);
/* The table of `section` (2, 3, 4) in format f. */
const tpl_table *tpl_table_of(xxgk_format f, int section);

/* Cell registry built from the tables (see xxgk_cell_count). */
typedef struct tpl_cell_info {
    char key[48];
    const tpl_table *table;  /* first table that has it */
    int row, col;            /* in that table */
    int formats;
    int unit;
} tpl_cell_info;

size_t tpl_cell_total(void);
const tpl_cell_info *tpl_cell(size_t id);
/* Id of table.row.col keys, or -1. */
int tpl_cell_id(const char *table, const char *row, const char *col);
/* Id of the cell at row `row`, column `col` of table t (indices into its
 * rows and its row's block columns), or -1. Constant time. */
int tpl_cell_at(const tpl_table *t, int row, int col);

/* A sum rule applied to one row or one column: the ids of the cells on
 * each side. Compiled once from the declarations (tpl_sum), for both
 * formats; the checker and the split solver evaluate these. */
typedef struct tpl_equation {
    const tpl_sum *sum;
    const tpl_table *table;
    int row, col;          /* the row (SUM_EACH_ROW) or column it is about; other -1 */
    int lhs[8], nlhs;
    int rhs[32], nrhs;
} tpl_equation;

const tpl_equation *tpl_equations(size_t *n);
/* The columns of a row in a table. */
const tpl_block *tpl_row_block(const tpl_table *t, int row);

/* Cell ids in output order for format f: that format's cells in template
 * order, the other format's table 二 cells after them, and rows of the
 * other format in table 三 in their place. *n receives the count. */
const int *tpl_cell_order(xxgk_format f, size_t *n);

/* Iterates over the members of a space-separated key list. */
typedef struct key_iter { const char *p; char key[48]; } key_iter;
void key_iter_init(key_iter *it, const char *list);
bool key_iter_next(key_iter *it);

/* Index of row/col `key` in a table, or -1. */
int tpl_row_index(const tpl_table *t, const char *key);
int tpl_col_index(const tpl_block *b, const char *key);

#endif
