/*
 * read_markdown.c — text whose tables are HTML: what PDF-to-Markdown
 * converters (and some editors) write, headings and paragraphs as
 * Markdown lines and each table as one `<table>…</table>` block, because
 * Markdown's pipe tables cannot merge cells.
 *
 * The text between tables is read as any text is (read_text.c: Markdown
 * heading marks and bold dropped, pipe tables too), each table by the
 * HTML reader (read_html.c: its grid, colspan and rowspan). Paragraphs
 * keep their line in the file as their place; a table's cells are
 * numbered as the file's tables, rows and cells (第2个表格第8行第4格).
 */
#include <string.h>
#include <strings.h>

#include "read_html.h"
#include "readers.h"

typedef struct md_reader {
    arena *a;
    doc *out;
    uint32_t tables; /* tables of the file so far */
} md_reader;

static xxgk_locator text_place(uint32_t line, uint32_t col)
{
    xxgk_locator l;
    memset(&l, 0, sizeof l);
    l.kind = XXGK_LOC_TEXT;
    l.line = line;
    l.column = col;
    return l;
}

/* Text between tables, starting on line `first` of the file. */
static xxgk_status text_part(md_reader *m, const char *s, size_t len, uint32_t first)
{
    doc part;
    doc_init(&part, m->a);
    if (read_text(&part, s, len) < 0) { /* out of memory, or past a limit of doc.h */
        m->out->failed = part.failed ? part.failed : XXGK_E_NOMEM;
        m->out->too_many = part.too_many;
        return m->out->failed;
    }
    for (size_t i = 0; i < part.n; i++) {
        doc_block *b = &part.blocks[i];
        b->src = text_place(b->line + first - 1, b->col);
        for (uint32_t r = 0; r < b->nrows; r++) {
            doc_row *row = &b->rows[r];
            row->src = text_place(row->line + first - 1, 1);
            for (uint32_t c = 0; c < row->n; c++)
                row->cells[c].src = text_place(row->cells[c].line + first - 1, row->cells[c].col);
        }
    }
    doc_append(m->out, &part);
    return m->out->failed ? m->out->failed : XXGK_OK;
}

/* Renumbers the tables of one HTML block as tables of the whole file. */
static void number_tables(md_reader *m, doc *part)
{
    uint32_t base = m->tables;
    for (size_t i = 0; i < part->n; i++) {
        doc_block *b = &part->blocks[i];
        if (b->kind != DOC_TABLE)
            continue;
        uint32_t t = base + (b->src.table ? b->src.table : 1);
        b->src.table = t;
        for (uint32_t r = 0; r < b->nrows; r++) {
            b->rows[r].src.table = t;
            for (uint32_t c = 0; c < b->rows[r].n; c++)
                b->rows[r].cells[c].src.table = t;
        }
        if (t > m->tables)
            m->tables = t;
    }
}

/* One `<table>…</table>` block starting on line `first`; read as text
 * when the HTML reader finds no table in it. */
static xxgk_status table_part(md_reader *m, const char *s, size_t len, uint32_t first)
{
    doc part;
    doc_init(&part, m->a);
    const char *encoding;
    xxgk_error err = {0};
    if (read_html(m->a, s, len, &part, &encoding, &err) != XXGK_OK)
        return err.status == XXGK_E_NOMEM ? XXGK_E_NOMEM : text_part(m, s, len, first);
    number_tables(m, &part);
    doc_append(m->out, &part);
    return m->out->failed ? m->out->failed : XXGK_OK;
}

/* The start of the next line that begins (after spaces) with <table, at
 * or after `from`; `size` when there is none. */
static size_t next_table(const char *s, size_t size, size_t from)
{
    for (size_t i = from; i < size;) {
        size_t k = i;
        while (k < size && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (size - k >= 6 && strncasecmp(s + k, "<table", 6) == 0)
            return i;
        const char *nl = memchr(s + i, '\n', size - i);
        i = nl ? (size_t)(nl - s) + 1 : size;
    }
    return size;
}

/* The end of the line holding the </table> that closes a table opened at
 * `from` (nested tables counted), or `size`. */
static size_t table_end(const char *s, size_t size, size_t from)
{
    int depth = 0;
    for (size_t i = from; i + 1 < size; i++) {
        if (s[i] != '<')
            continue;
        if (size - i >= 6 && strncasecmp(s + i, "<table", 6) == 0)
            depth++;
        else if (size - i >= 8 && strncasecmp(s + i, "</table>", 8) == 0 && --depth == 0) {
            const char *nl = memchr(s + i, '\n', size - i);
            return nl ? (size_t)(nl - s) + 1 : size;
        }
    }
    return size;
}

static uint32_t lines_in(const char *s, size_t len)
{
    uint32_t n = 0;
    for (const char *p = s; (p = memchr(p, '\n', len - (size_t)(p - s))); p++)
        n++;
    return n;
}

xxgk_status read_markdown(arena *a, const char *data, size_t size, doc *out,
                          const char **encoding, xxgk_error *err)
{
    input_text in;
    xxgk_status st = input_normalise(a, data, size, &in, err);
    if (st != XXGK_OK)
        return st;
    *encoding = in.encoding;
    md_reader m = {a, out, 0};
    uint32_t line = 1;
    for (size_t pos = 0; pos < in.size && st == XXGK_OK;) {
        size_t t = next_table(in.text, in.size, pos);
        if (t > pos)
            st = text_part(&m, in.text + pos, t - pos, line);
        line += lines_in(in.text + pos, t - pos);
        if (t >= in.size || st != XXGK_OK)
            break;
        size_t end = table_end(in.text, in.size, t);
        st = table_part(&m, in.text + t, end - t, line);
        line += lines_in(in.text + t, end - t);
        pos = end;
    }
    if (st == XXGK_E_NOMEM || out->failed == XXGK_E_NOMEM)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    return doc_status(out, "Markdown", err);
}
