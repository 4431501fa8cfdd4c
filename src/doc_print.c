/*
 * doc_print.c — the one printer of the text view (see doc.h): the tree
 * a structured reader built, written in the Word-text layout of the
 * sample reports, every node's view line recorded on the way.
 *
 * The view is what `xxgk parse --format text` shows and what the view
 * lines of findings count; it is also exactly what the text reader
 * (read_text.c) would read back into the same paragraphs and cells.
 */
#include <string.h>

#include "doc.h"
#include "input.h"
#include "utf8.h"

/* Bytes of the view, and the number of its lines. */
static size_t view_size(const doc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->kind != DOC_TABLE) {
            n += b->len + 1;
            continue;
        }
        for (uint32_t r = 0; r < b->nrows; r++) {
            for (uint32_t c = 0; c < b->rows[r].n; c++)
                n += b->rows[r].cells[c].len + 2;
            n++;
        }
    }
    return n;
}

typedef struct printer {
    char *out;
    size_t o;
    uint32_t line; /* the line being written, 1-based */
} printer;

static void put(printer *p, const char *s, size_t n)
{
    memcpy(p->out + p->o, s, n);
    p->o += n;
}

/* A cell: a TAB, its first line, its other lines after it. */
static void print_cell(printer *p, doc_cell *c)
{
    c->line = p->line;
    c->col = 2;
    put(p, "\t", 1);
    put(p, c->text, c->len);
    put(p, "\n", 1);
    for (uint32_t k = 0; k < c->len; k++)
        p->line += c->text[k] == '\n';
    p->line++;
}

static void print_table(printer *p, doc_block *b)
{
    b->line = p->line;
    b->col = 1;
    for (uint32_t r = 0; r < b->nrows; r++) {
        doc_row *row = &b->rows[r];
        row->line = p->line;
        for (uint32_t c = 0; c < row->n; c++)
            print_cell(p, &row->cells[c]);
        put(p, "\n", 1);
        p->line++;
    }
}

xxgk_status doc_print(doc *d, const char *what, char **text, size_t *size, xxgk_error *err)
{
    size_t n = view_size(d);
    printer p = {arena_alloc_raw(d->a, n + 1), 0, 1};
    if (!p.out)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    for (size_t i = 0; i < d->n; i++) {
        doc_block *b = &d->blocks[i];
        if (b->kind == DOC_TABLE) {
            print_table(&p, b);
            continue;
        }
        b->line = p.line++;
        b->col = 1;
        put(&p, b->text, b->len);
        put(&p, "\n", 1);
    }
    p.out[p.o] = '\0';
    if (text_is_blank(p.out, p.o))
        return error_set(err, XXGK_E_EMPTY, "%s 文件中没有文字", what);
    *text = p.out;
    *size = p.o;
    return XXGK_OK;
}

/* ---- rebasing on a converted view ------------------------------------ */

typedef struct lines {
    const char *s;
    size_t size;
    const uint32_t *start; /* byte offset of each line, 1-based index */
    uint32_t n;
} lines;

/* Lines first … first+count-1 of the view from column col, joined by
 * \n, as a string of the arena. */
static const char *view_text(doc *d, const lines *v, uint32_t first, uint32_t col,
                             uint32_t count, uint32_t *len)
{
    if (first == 0 || first + count - 1 > v->n)
        return NULL;
    size_t from = v->start[first] + (col ? col - 1 : 0);
    size_t to = v->start[first + count - 1];
    const char *nl = memchr(v->s + to, '\n', v->size - to);
    to = nl ? (size_t)(nl - v->s) : v->size;
    if (from > to)
        return NULL;
    *len = (uint32_t)(to - from);
    return arena_strndup(d->a, v->s + from, to - from);
}

static uint32_t count_lines(const char *s, uint32_t len)
{
    uint32_t n = 1;
    for (uint32_t i = 0; i < len; i++)
        n += s[i] == '\n';
    return n;
}

int doc_rebase(doc *d, const char *view, size_t size)
{
    uint32_t n = 1;
    for (size_t i = 0; i < size; i++)
        n += view[i] == '\n';
    uint32_t *start = arena_alloc_raw(d->a, sizeof(uint32_t) * (n + 2));
    if (!start)
        return -1;
    uint32_t k = 1;
    start[k++] = 0;
    for (size_t i = 0; i < size; i++)
        if (view[i] == '\n')
            start[k++] = (uint32_t)i + 1;
    lines v = {view, size, start, k - 1};
    for (size_t i = 0; i < d->n; i++) {
        doc_block *b = &d->blocks[i];
        const char *t;
        uint32_t len;
        if (b->kind == DOC_PARA && (t = view_text(d, &v, b->line, b->col, 1, &len))) {
            b->text = t;
            b->len = len;
        }
        for (uint32_t r = 0; b->kind == DOC_TABLE && r < b->nrows; r++)
            for (uint32_t c = 0; c < b->rows[r].n; c++) {
                doc_cell *cell = &b->rows[r].cells[c];
                t = view_text(d, &v, cell->line, cell->col, count_lines(cell->text, cell->len),
                              &len);
                if (t) {
                    cell->text = t;
                    cell->len = len;
                }
            }
    }
    return d->a->failed ? -1 : 0;
}
