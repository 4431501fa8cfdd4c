/*
 * recognise.h — internals of the recogniser shared by its files:
 *   recognise.c        the scan (headings, rows, captions, headers), the
 *                      format decision, the whole report
 *   recognise_loose.c  rows that converted text prints loose: labels and
 *                      numbers on lines of their own, in paragraphs
 *   recognise_place.c  placing the observed rows into the model's cells
 */
#ifndef XXGK_RECOGNISE_H
#define XXGK_RECOGNISE_H

#include "label.h"
#include "report.h"

/* A data row seen in pass 1. */
typedef struct obs {
    label_match match[LABEL_MATCHES];
    int nmatch;
    const doc_block *table;
    const doc_row *row;
    int first_value;   /* index of its first value cell */
    int section;
    bool flat;         /* an unlabelled row of table 四 */
    bool converted;    /* read from converted text: a wrong cell count is
                          the converter's as likely as the report's */
    const doc_cell *label;
} obs;

/* A label printed on its own, or a row of numbers printed without its
 * label, waiting for the other (recognise_loose.c). */
typedef struct loose_item {
    bool is_label;
    const doc_block *table;  /* the table of a row of numbers, or NULL */
    const doc_row *row;
    label_match m[LABEL_MATCHES];
    int nm;
    const doc_cell *label;
    int section;
    bool optional;           /* a label that is a group in another format's
                                table (（六）其他处理): paired only when the
                                numbers need it */
} loose_item;

typedef struct scan_ctx {
    xxgk_report *r;
    int section;           /* current section, 0 before the first heading */
    bool seen[7];          /* sections whose heading was found */
    bool in_t4_header;     /* the last header row was table 四's */
    const doc_block *last_stat_table; /* last table that had statistics */
    VEC(obs) obs;
    VEC(loose_item) run;   /* loose labels and numbers not yet paired */
    const doc_block *fragment;   /* a line that may be part of a cut label */
    const char *fragment_label;  /* …its label text */
    size_t fragment_len;
    doc_row *fragment_row;       /* …its numbers, when it had some */
} scan_ctx;


/* The position of a cell's first line. */
span cell_span(const doc_cell *c);

/* Whether a label key is a header group's (信息内容, 申请人情况, 行政复议…). */
bool is_group_label(const label_key *k);

/* The member row a group label names in brackets, when it does
 * (recognise.c); returns the matches to use. */
int refine_group_match(const char *s, size_t len, label_match *m, int nm);

/* Records a paragraph of narrative text (recognise.c). */
void record_para(scan_ctx *c, const doc_block *b);

/* Converted text (recognise_loose.c). loose_para takes a paragraph of a
 * table section when it is part of a table (returns true); loose_row a
 * table row without a label, with a label alone, or going on with the
 * label above it. loose_flush pairs the run of loose labels and numbers,
 * or records them as unread; it runs before every row that has both, at
 * headings and at the end. */
bool loose_para(scan_ctx *c, doc_block *b);
bool loose_row(scan_ctx *c, const doc_block *table, const doc_row *row, int last_label,
               int numbers);
void loose_flush(scan_ctx *c);

/* Adds a row observation (recognise.c). */
void add_obs(scan_ctx *c, const doc_block *table, const doc_row *row, int first_value,
             const label_match *m, int nm, const doc_cell *label, bool flat);

/* Places every observation into the cells of its table's format
 * (r->ev->table_format; recognise_place.c), and links table 二's
 * captions to the blocks whose rows follow them. */
void place_all(scan_ctx *c);
void link_captions(xxgk_report *r);

#endif
