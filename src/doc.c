/*
 * doc.c — building the document tree (see doc.h). Arrays grow by
 * doubling inside the report's arena.
 */
#include "doc.h"

#include <string.h>

#include "input.h"
#include "utf8.h"

void doc_init(doc *d, arena *a)
{
    memset(d, 0, sizeof *d);
    d->a = a;
    d->limit = XXGK_MAX_INPUT;
}

/* Counts one more node (block or row) or cell against its limit;
 * false, and the document failed, past it. */
static bool count(doc *d, size_t *counter, size_t limit, const char *what)
{
    if (d->failed)
        return false;
    if (*counter >= limit) {
        d->failed = XXGK_E_TOO_LARGE;
        d->too_many = what;
        return false;
    }
    (*counter)++;
    return true;
}

static void *grow(doc *d, void *ptr, uint32_t n, uint32_t *cap, size_t elem)
{
    if (n < *cap)
        return ptr;
    uint32_t nc = *cap ? *cap * 2 : 8;
    void *np = arena_grow(d->a, ptr, (size_t)*cap * elem, (size_t)nc * elem);
    if (!np) {
        d->failed = XXGK_E_NOMEM;
        return NULL;
    }
    *cap = nc;
    return np;
}

static doc_block *add_block(doc *d, doc_kind kind, uint32_t line)
{
    if (!count(d, &d->nodes, DOC_MAX_NODES, "段落和表格行"))
        return NULL;
    if (d->n == d->cap) {
        size_t nc = d->cap ? d->cap * 2 : 16;
        doc_block *nb = arena_grow(d->a, d->blocks, d->cap * sizeof *nb, nc * sizeof *nb);
        if (!nb) {
            d->failed = XXGK_E_NOMEM;
            return NULL;
        }
        d->blocks = nb;
        d->cap = nc;
    }
    doc_block *b = &d->blocks[d->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->line = line;
    return b;
}

static xxgk_locator text_locator(uint32_t line, uint32_t col)
{
    xxgk_locator l;
    memset(&l, 0, sizeof l);
    l.kind = XXGK_LOC_TEXT;
    l.line = line;
    l.column = col;
    return l;
}

/* ---- from text ---------------------------------------------------------- */

doc_block *doc_add_para(doc *d, const char *text, size_t len, uint32_t line, uint32_t col)
{
    doc_block *b = add_block(d, DOC_PARA, line);
    if (b) {
        b->text = text;
        b->len = (uint32_t)len;
        b->col = col;
        b->src = text_locator(line, col);
    }
    return b;
}

doc_block *doc_add_table(doc *d, uint32_t line)
{
    doc_block *b = add_block(d, DOC_TABLE, line);
    if (b)
        b->src = text_locator(line, 1);
    return b;
}

doc_row *doc_add_row(doc *d, doc_block *t, uint32_t line)
{
    if (!count(d, &d->nodes, DOC_MAX_NODES, "段落和表格行"))
        return NULL;
    doc_row *rows = grow(d, t->rows, t->nrows, &t->cap, sizeof *rows);
    if (!rows)
        return NULL;
    t->rows = rows;
    doc_row *r = &t->rows[t->nrows++];
    memset(r, 0, sizeof *r);
    r->line = line;
    r->src = text_locator(line, 1);
    return r;
}

doc_cell *doc_add_cell(doc *d, doc_row *r, const char *text, size_t len, uint32_t line,
                       uint32_t col)
{
    if (!count(d, &d->cells, DOC_MAX_CELLS, "表格单元格"))
        return NULL;
    doc_cell *cells = grow(d, r->cells, r->n, &r->cap, sizeof *cells);
    if (!cells)
        return NULL;
    r->cells = cells;
    doc_cell *c = &r->cells[r->n];
    memset(c, 0, sizeof *c);
    c->text = text;
    c->len = (uint32_t)len;
    c->line = line;
    c->col = col;
    c->grid = (uint16_t)(r->n < UINT16_MAX ? r->n : UINT16_MAX);
    c->colspan = c->rowspan = 1;
    c->src = text_locator(line, col);
    r->n++;
    return c;
}

int doc_cell_append(doc *d, doc_cell *c, const char *text, size_t len)
{
    char *p = arena_alloc_raw(d->a, c->len + 1 + len + 1);
    if (!p) {
        d->failed = XXGK_E_NOMEM;
        return -1;
    }
    memcpy(p, c->text, c->len);
    p[c->len] = '\n';
    memcpy(p + c->len + 1, text, len);
    p[c->len + 1 + len] = '\0';
    c->text = p;
    c->len += 1 + (uint32_t)len;
    return 0;
}

/* ---- from structure ------------------------------------------------------- */

/* Counts `n` more bytes of view against the limit. */
static bool reserve(doc *d, size_t n)
{
    if (d->failed)
        return false;
    if (n > d->limit - d->bytes || d->bytes > d->limit) {
        d->failed = XXGK_E_TOO_LARGE;
        return false;
    }
    d->bytes += n;
    return true;
}

/* The cleaned length of one line: `|` grows to three bytes. */
static size_t clean_size(const char *s, size_t n)
{
    size_t extra = 0;
    for (const char *p = s; (p = memchr(p, '|', n - (size_t)(p - s))); p++)
        extra += 2;
    return n + extra;
}

/* Whether a line needs no cleaning: no `|`, no control character. */
static bool is_clean(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F || c == '|')
            return false;
    }
    return true;
}

/* Copies one line, cleaned (see doc.h), to out; returns the bytes
 * written. */
static size_t put_clean(char *out, const char *s, size_t n)
{
    if (is_clean(s, n)) {
        memcpy(out, s, n);
        return n;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '|') {
            memcpy(out + o, "\xEF\xBD\x9C", 3);
            o += 3;
        } else {
            out[o++] = (c < 0x20 || c == 0x7F) ? ' ' : (char)c;
        }
    }
    return o;
}

static void trim_ascii(const char **s, size_t *n)
{
    while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

/* The lines of `text`, trimmed and cleaned, joined by \n into the arena;
 * blank lines dropped when `drop_blank`. Sets *len. */
static char *clean_lines(doc *d, const char *text, size_t len, bool drop_blank, uint32_t *out_len)
{
    size_t need = 1;
    for (size_t pos = 0; pos <= len;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        need += clean_size(text + pos, end - pos) + 1;
        pos = end + 1;
    }
    char *out = arena_alloc_raw(d->a, need);
    if (!out) {
        d->failed = XXGK_E_NOMEM;
        return NULL;
    }
    size_t o = 0;
    for (size_t pos = 0; pos <= len;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        const char *s = text + pos;
        size_t n = end - pos;
        trim_ascii(&s, &n);
        if (!(drop_blank && text_is_blank(s, n))) {
            if (o)
                out[o++] = '\n';
            o += put_clean(out + o, s, n);
        }
        pos = end + 1;
    }
    out[o] = '\0';
    *out_len = (uint32_t)o;
    return out;
}

void doc_put_para(doc *d, const char *text, size_t len, const xxgk_locator *src)
{
    size_t pos = 0;
    do {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        const char *s = text + pos;
        size_t n = end - pos;
        trim_ascii(&s, &n);
        if (!reserve(d, clean_size(s, n) + 1))
            return;
        doc_block *b = add_block(d, n ? DOC_PARA : DOC_BLANK, 0);
        if (!b)
            return;
        if (src)
            b->src = *src;
        if (n) {
            char *copy = arena_alloc_raw(d->a, clean_size(s, n) + 1);
            if (!copy) {
                d->failed = XXGK_E_NOMEM;
                return;
            }
            b->len = (uint32_t)put_clean(copy, s, n);
            copy[b->len] = '\0';
            b->text = copy;
        } else {
            b->text = "";
        }
        pos = end + 1;
    } while (pos <= len);
}

doc_block *doc_put_table(doc *d, bool spans, const xxgk_locator *src)
{
    doc_block *b = d->failed ? NULL : add_block(d, DOC_TABLE, 0);
    if (b) {
        b->spans = spans;
        if (src)
            b->src = *src;
    }
    return b;
}

doc_row *doc_put_row(doc *d, doc_block *t, const xxgk_locator *src)
{
    if (!t || !reserve(d, 1))
        return NULL;
    doc_row *r = doc_add_row(d, t, 0);
    if (r) {
        memset(&r->src, 0, sizeof r->src);
        if (src)
            r->src = *src;
    } else if (!d->failed) {
        d->failed = XXGK_E_NOMEM;
    }
    return r;
}

doc_cell *doc_put_cell(doc *d, doc_row *r, const char *text, size_t len, unsigned grid,
                       unsigned colspan, unsigned rowspan, bool continued,
                       const xxgk_locator *src)
{
    if (!r || !reserve(d, clean_size(text, len) + 2))
        return NULL;
    uint32_t n = 0;
    char *copy = clean_lines(d, text, len, true, &n);
    if (!copy)
        return NULL;
    doc_cell *c = doc_add_cell(d, r, copy, n, 0, 0);
    if (!c) {
        if (!d->failed)
            d->failed = XXGK_E_NOMEM;
        return NULL;
    }
    c->grid = (uint16_t)(grid < UINT16_MAX ? grid : UINT16_MAX);
    c->colspan = (uint16_t)(colspan ? (colspan < UINT16_MAX ? colspan : UINT16_MAX) : 1);
    c->rowspan = (uint16_t)(rowspan < UINT16_MAX ? rowspan : UINT16_MAX);
    c->continued = continued;
    memset(&c->src, 0, sizeof c->src);
    if (src)
        c->src = *src;
    return c;
}

doc_cell *doc_put_continued(doc *d, doc_row *row, unsigned grid, unsigned colspan,
                            const doc_cell *owner)
{
    doc_cell *c = doc_put_cell(d, row, "", 0, grid, colspan, 1, true, owner ? &owner->src : NULL);
    if (c)
        c->owner = owner;
    return c;
}

void doc_append(doc *to, const doc *from)
{
    if (from->failed && !to->failed) {
        to->failed = from->failed;
        to->too_many = from->too_many;
    }
    if (!reserve(to, from->bytes))
        return;
    /* rows and cells were counted in `from`; the blocks are counted
     * again as they are added */
    to->nodes += from->nodes - from->n;
    to->cells += from->cells;
    if (to->nodes > DOC_MAX_NODES || to->cells > DOC_MAX_CELLS) {
        to->failed = XXGK_E_TOO_LARGE;
        to->too_many = to->cells > DOC_MAX_CELLS ? "表格单元格" : "段落和表格行";
        return;
    }
    for (size_t i = 0; i < from->n && !to->failed; i++) {
        doc_block *b = add_block(to, from->blocks[i].kind, 0);
        if (b)
            *b = from->blocks[i];
    }
}

doc_block *doc_last_table(doc *d)
{
    return d->n && d->blocks[d->n - 1].kind == DOC_TABLE ? &d->blocks[d->n - 1] : NULL;
}

xxgk_status doc_status(const doc *d, const char *what, xxgk_error *err)
{
    if (d->failed == XXGK_E_TOO_LARGE && d->too_many)
        return error_set(err, XXGK_E_TOO_LARGE, "%s%s中的%s过多（超过 %d 个），不是一份年度报告",
                         what, (unsigned char)what[0] < 0x80 ? " " : "", d->too_many,
                         strcmp(d->too_many, "表格单元格") ? DOC_MAX_NODES : DOC_MAX_CELLS);
    if (d->failed == XXGK_E_TOO_LARGE)
        return error_set(err, XXGK_E_TOO_LARGE, "%s 文件中的文字过多（超过 %zu 字节）", what,
                         d->limit);
    if (d->failed)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    return XXGK_OK;
}
