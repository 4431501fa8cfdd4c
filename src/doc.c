/*
 * doc.c — building the document model (see doc.h). Arrays grow by
 * doubling inside the report's arena.
 */
#include "doc.h"

#include <string.h>

void doc_init(doc *d, arena *a)
{
    memset(d, 0, sizeof *d);
    d->a = a;
}

#define GROW(d, ptr, n, cap, type)                                                     \
    do {                                                                               \
        if ((n) == (cap)) {                                                            \
            size_t nc = (cap) ? (size_t)(cap) * 2 : 8;                                 \
            type *np = arena_grow((d)->a, (ptr), (size_t)(cap) * sizeof(type),         \
                                  nc * sizeof(type));                                  \
            if (!np)                                                                   \
                return NULL;                                                           \
            (ptr) = np;                                                                \
            (cap) = nc;                                                                \
        }                                                                              \
    } while (0)

static doc_block *add_block(doc *d, doc_kind kind, uint32_t line)
{
    GROW(d, d->blocks, d->n, d->cap, doc_block);
    doc_block *b = &d->blocks[d->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->line = line;
    return b;
}

doc_block *doc_add_para(doc *d, const char *text, size_t len, uint32_t line, uint32_t col)
{
    doc_block *b = add_block(d, DOC_PARA, line);
    if (b) {
        b->text = text;
        b->len = (uint32_t)len;
        b->col = col;
    }
    return b;
}

doc_block *doc_add_table(doc *d, uint32_t line)
{
    return add_block(d, DOC_TABLE, line);
}

doc_row *doc_add_row(doc *d, doc_block *t, uint32_t line)
{
    GROW(d, t->rows, t->nrows, t->cap, doc_row);
    doc_row *r = &t->rows[t->nrows++];
    memset(r, 0, sizeof *r);
    r->line = line;
    return r;
}

doc_cell *doc_add_cell(doc *d, doc_row *r, const char *text, size_t len, uint32_t line,
                       uint32_t col)
{
    GROW(d, r->cells, r->n, r->cap, doc_cell);
    doc_cell *c = &r->cells[r->n++];
    c->text = text;
    c->len = (uint32_t)len;
    c->line = line;
    c->col = col;
    c->colspan = c->rowspan = 1;
    return c;
}

int doc_cell_append(doc *d, doc_cell *c, const char *text, size_t len)
{
    char *p = arena_alloc_raw(d->a, c->len + 1 + len + 1);
    if (!p)
        return -1;
    memcpy(p, c->text, c->len);
    p[c->len] = '\n';
    memcpy(p + c->len + 1, text, len);
    c->text = p;
    c->len += 1 + (uint32_t)len;
    return 0;
}
