/*
 * doc.h — what every reader produces: a flat list of paragraphs and
 * tables with source positions. The recogniser (recognise.c) reads a
 * report out of it, whatever the input was (text, HTML, DOCX, PDF).
 */
#ifndef XXGK_DOC_H
#define XXGK_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct doc_cell {
    const char *text;     /* raw text; lines of a multi-line cell joined by \n */
    uint32_t len;
    uint32_t line, col;   /* 1-based position of its first byte */
    uint16_t colspan, rowspan;
} doc_cell;

typedef struct doc_row {
    doc_cell *cells;
    uint32_t n, cap;
    uint32_t line;
} doc_row;

typedef enum doc_kind { DOC_PARA = 0, DOC_TABLE } doc_kind;

typedef struct doc_block {
    doc_kind kind;
    uint32_t line, col;   /* position of the first byte */
    const char *text;     /* DOC_PARA: the paragraph text */
    uint32_t len;
    doc_row *rows;        /* DOC_TABLE */
    uint32_t nrows, cap;
} doc_block;

typedef struct doc {
    arena *a;
    doc_block *blocks;
    size_t n, cap;
} doc;

void doc_init(doc *d, arena *a);
/* Each returns NULL when out of memory. */
doc_block *doc_add_para(doc *d, const char *text, size_t len, uint32_t line, uint32_t col);
doc_block *doc_add_table(doc *d, uint32_t line);
doc_row *doc_add_row(doc *d, doc_block *table, uint32_t line);
doc_cell *doc_add_cell(doc *d, doc_row *row, const char *text, size_t len, uint32_t line,
                       uint32_t col);
/* Appends "\n" + text to a cell (a continuation line). */
int doc_cell_append(doc *d, doc_cell *cell, const char *text, size_t len);

/* Readers. Each fills d from normalised UTF-8 text. */
int read_text(doc *d, const char *text, size_t size);

#endif
