/*
 * read_text.c — the plain-text reader: report text as it comes out of
 * Word, web pages and Markdown, turned into paragraphs and tables.
 *
 * Three table layouts are recognised, line by line:
 *  - Word text (shared/samples): every table cell is a line that starts
 *    with a TAB; a blank line ends a table row; a line without a TAB that
 *    follows a cell continues that cell (`\t商业` + `企业`);
 *  - pipe text (HTML tables through a page-to-text tool, Markdown pipe
 *    tables): one row per line, cells separated by `|`; Markdown
 *    separator lines (`| --- |`) are skipped;
 *  - tab-separated rows (`规章\t0\t0\t0`, a Word table pasted as text).
 * Everything else is a paragraph, one per line; Markdown heading marks and
 * bold markers are dropped from paragraphs.
 */
#include "doc.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"

typedef enum line_kind { L_BLANK, L_WORD_CELL, L_PIPE_ROW, L_TAB_ROW, L_TEXT } line_kind;

typedef struct reader {
    doc *d;
    doc_block *table; /* the table being built, or NULL */
    doc_row *row;     /* the Word-layout row being built, or NULL */
    line_kind table_kind;
} reader;

/* The line at s[0..): its length up to \n or `left`, and whether it
 * holds a `|` or a TAB — one pass, eight bytes at a time where the
 * machine allows (report lines are short: three memchr calls a line
 * cost more than the bytes). */
static size_t scan_line(const char *s, size_t left, bool *pipe, bool *tab)
{
    size_t i = 0;
    *pipe = *tab = false;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= left; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t nl = bytes_equal(w, '\n'), bar = bytes_equal(w, '|'),
                 tb = bytes_equal(w, '\t');
        if (nl) {
            uint64_t before = (nl & (0 - nl)) - 1; /* the bits below the first \n */
            *pipe |= (bar & before) != 0;
            *tab |= (tb & before) != 0;
            return i + (size_t)__builtin_ctzll(nl) / 8;
        }
        *pipe |= bar != 0;
        *tab |= tb != 0;
    }
#endif
    for (; i < left && s[i] != '\n'; i++) {
        *pipe |= s[i] == '|';
        *tab |= s[i] == '\t';
    }
    return i;
}

static line_kind classify(const char *s, size_t len, bool pipe, bool tab)
{
    /* A line holding only a TAB is an empty Word cell, not a blank line. */
    if (len && s[0] == '\t')
        return L_WORD_CELL;
    if (text_is_blank(s, len))
        return L_BLANK;
    if (pipe)
        return L_PIPE_ROW;
    if (tab)
        return L_TAB_ROW;
    return L_TEXT;
}

static void trim(const char **s, size_t *len)
{
    while (*len && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

static void end_table(reader *r)
{
    r->table = NULL;
    r->row = NULL;
}

static doc_block *ensure_table(reader *r, line_kind kind, uint32_t line)
{
    if (r->table && r->table_kind != kind)
        end_table(r);
    if (!r->table) {
        r->table = doc_add_table(r->d, line);
        r->table_kind = kind;
        if (r->table)
            r->table->converted = kind != L_WORD_CELL;
    }
    return r->table;
}

/* `| --- | :---: |`: every cell is dashes with optional colons. */
static bool is_markdown_rule(const char *s, size_t len)
{
    bool dash = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '-')
            dash = true;
        else if (c != '|' && c != ':' && c != ' ' && c != '\t')
            return false;
    }
    return dash;
}

/* Splits one line into cells at `sep`. For pipes, a leading and a
 * trailing separator frame the row and add no cell. */
static int split_row(reader *r, const char *s, size_t len, uint32_t line, char sep)
{
    doc_row *row = doc_add_row(r->d, r->table, line);
    if (!row)
        return -1;
    size_t i = 0, end = len;
    if (sep == '|') {
        const char *t = s;
        size_t tl = len;
        trim(&t, &tl);
        i = (size_t)(t - s);
        end = i + tl;
        if (i < end && s[i] == '|')
            i++;
        if (end > i && s[end - 1] == '|')
            end--;
    }
    for (;;) {
        size_t j = i;
        while (j < end && s[j] != sep)
            j++;
        const char *cell = s + i;
        size_t cl = j - i;
        trim(&cell, &cl);
        if (!doc_add_cell(r->d, row, cell, cl, line, (uint32_t)(cell - s) + 1))
            return -1;
        if (j >= end)
            break;
        i = j + 1;
    }
    return 0;
}

/* A paragraph line: Markdown heading marks (`## `) and bold markers
 * around the whole line (`**…**`) are presentation, not text. */
static int add_paragraph(reader *r, const char *s, size_t len, uint32_t line)
{
    size_t col = 0;
    if (len && s[0] == '#') {
        while (col < len && s[col] == '#')
            col++;
        while (col < len && s[col] == ' ')
            col++;
    }
    const char *t = s + col;
    size_t tl = len - col;
    trim(&t, &tl);
    if (tl >= 4 && memcmp(t, "**", 2) == 0) {
        t += 2;
        tl -= 2;
        const char *close = NULL;
        for (size_t k = 0; k + 1 < tl; k++)
            if (t[k] == '*' && t[k + 1] == '*')
                close = t + k;
        if (close && close + 2 == t + tl)
            tl -= 2;
    }
    return doc_add_para(r->d, t, tl, line, (uint32_t)(t - s) + 1) ? 0 : -1;
}

static int word_cell(reader *r, const char *s, size_t len, uint32_t line)
{
    ensure_table(r, L_WORD_CELL, line);
    if (!r->table)
        return -1;
    if (!r->row && !(r->row = doc_add_row(r->d, r->table, line)))
        return -1;
    return doc_add_cell(r->d, r->row, s + 1, len - 1, line, 2) ? 0 : -1;
}

int read_text(doc *d, const char *text, size_t size)
{
    reader r = {d, NULL, NULL, L_BLANK};
    uint32_t line = 0;
    size_t pos = 0;
    while (pos < size) {
        const char *s = text + pos;
        bool pipe, tab;
        size_t len = scan_line(s, size - pos, &pipe, &tab);
        pos += len + 1;
        line++;
        int rc = 0;
        switch (classify(s, len, pipe, tab)) {
        case L_BLANK:
            r.row = NULL; /* a blank line ends a Word-layout row */
            if (r.table && r.table_kind != L_WORD_CELL)
                end_table(&r);
            break;
        case L_WORD_CELL:
            rc = word_cell(&r, s, len, line);
            break;
        case L_PIPE_ROW:
            if (is_markdown_rule(s, len))
                break;
            if (ensure_table(&r, L_PIPE_ROW, line))
                rc = split_row(&r, s, len, line, '|');
            else
                rc = -1;
            break;
        case L_TAB_ROW:
            if (ensure_table(&r, L_TAB_ROW, line))
                rc = split_row(&r, s, len, line, '\t');
            else
                rc = -1;
            break;
        case L_TEXT:
            if (r.row && r.row->n) {
                /* Continuation of a Word cell broken over lines. */
                rc = doc_cell_append(d, &r.row->cells[r.row->n - 1], s, len);
            } else {
                end_table(&r);
                rc = add_paragraph(&r, s, len, line);
            }
            break;
        }
        if (rc < 0)
            return -1;
    }
    return 0;
}
