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
    const doc_cell *label;
} obs;

typedef struct scan_ctx {
    xxgk_report *r;
    int section;           /* current section, 0 before the first heading */
    bool seen[7];          /* sections whose heading was found */
    bool in_t4_header;     /* the last header row was table 四's */
    const doc_block *last_stat_table; /* last table that had statistics */
    VEC(obs) obs;
} scan_ctx;


/* The position of a cell's first line. */
span cell_span(const doc_cell *c);

/* Adds a row observation (recognise.c). */
void add_obs(scan_ctx *c, const doc_block *table, const doc_row *row, int first_value,
             const label_match *m, int nm, const doc_cell *label, bool flat);

/* Places every observation into the cells of format f (recognise_place.c),
 * and links table 二's captions to the blocks whose rows follow them. */
void place_all(scan_ctx *c, xxgk_format f);
void link_captions(xxgk_report *r);

#endif
