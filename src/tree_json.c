/*
 * tree_json.c — the evidence as JSON: the document tree a reader handed
 * over (`xxgk parse --format tree`), and the locator writer findings
 * share. For looking at how an unseen layout was read, and for front ends
 * that highlight a cell in the user's document.
 */
#include <stdio.h>

#include "json.h"
#include "report.h"

void locator_write_json(jw_writer *w, const xxgk_locator *l, const char *text)
{
    static const char *const kinds[] = {"none", "text", "pdf", "docx", "html", "sheet"};
    jw_begin_object(w);
    jw_key(w, "kind");
    jw_string(w, kinds[l->kind]);
    if (text) {
        jw_key(w, "text");
        jw_string(w, text);
    }
    struct {
        const char *key;
        uint32_t value;
    } nums[] = {{"line", l->kind == XXGK_LOC_TEXT ? l->line : 0},
                {"column", l->kind == XXGK_LOC_TEXT ? l->column : 0},
                {"page", l->page},
                {"paragraph", l->paragraph},
                {"table", l->table},
                {"row", l->row},
                {"cell", l->kind == XXGK_LOC_SHEET ? 0 : l->cell}};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
        if (nums[i].value) {
            jw_key(w, nums[i].key);
            jw_int(w, nums[i].value);
        }
    if (l->kind == XXGK_LOC_PDF) {
        jw_key(w, "box");
        jw_begin_array(w);
        float box[4] = {l->x0, l->y0, l->x1, l->y1};
        for (int i = 0; i < 4; i++)
            jw_int(w, (long long)(box[i] + 0.5f));
        jw_end_array(w);
    }
    if (l->kind == XXGK_LOC_SHEET) {
        char col[8];
        jw_key(w, "sheet");
        jw_string(w, l->sheet ? l->sheet : "");
        jw_key(w, "column");
        jw_string(w, locator_column_name(l->cell, col, sizeof col));
    }
    if (l->path) {
        jw_key(w, "path");
        jw_string(w, l->path);
    }
    jw_end_object(w);
}

static void write_cell(jw_writer *w, const doc_cell *c)
{
    jw_begin_object(w);
    jw_key(w, "text");
    jw_string_n(w, c->text, c->len);
    jw_key(w, "grid");
    jw_int(w, c->grid);
    if (c->colspan != 1) {
        jw_key(w, "colspan");
        jw_int(w, c->colspan);
    }
    if (c->rowspan != 1) {
        jw_key(w, "rowspan");
        jw_int(w, c->rowspan);
    }
    if (c->continued) {
        jw_key(w, "continued");
        jw_bool(w, true);
    }
    jw_key(w, "view_line");
    jw_int(w, c->line);
    jw_key(w, "where");
    locator_write_json(w, &c->src, NULL);
    jw_end_object(w);
}

static void write_block(jw_writer *w, const doc_block *b)
{
    static const char *const roles[] = {"body", "title", "heading", "caption", "signature"};
    jw_begin_object(w);
    jw_key(w, "kind");
    jw_string(w, b->kind == DOC_TABLE ? "table" : "paragraph");
    if (b->kind == DOC_PARA) {
        jw_key(w, "role");
        jw_string(w, roles[b->role]);
        if (b->role == ROLE_HEADING) {
            jw_key(w, "section");
            jw_int(w, b->section);
        }
        jw_key(w, "text");
        jw_string_n(w, b->text, b->len);
    } else {
        jw_key(w, "spans");
        jw_bool(w, b->spans);
        jw_key(w, "rows");
        jw_begin_array(w);
        for (uint32_t r = 0; r < b->nrows; r++) {
            jw_begin_array(w);
            for (uint32_t c = 0; c < b->rows[r].n; c++)
                write_cell(w, &b->rows[r].cells[c]);
            jw_end_array(w);
        }
        jw_end_array(w);
    }
    jw_key(w, "view_line");
    jw_int(w, b->line);
    jw_key(w, "where");
    locator_write_json(w, &b->src, NULL);
    jw_end_object(w);
}

xxgk_status xxgk_report_write_tree(const xxgk_report *r, FILE *out)
{
    jw_writer w;
    jw_init(&w, out, false);
    jw_begin_object(&w);
    jw_key(&w, "file");
    jw_string(&w, r->name);
    jw_key(&w, "blocks");
    jw_begin_array(&w);
    for (size_t i = 0; r->ev && i < r->ev->tree.n; i++)
        if (r->ev->tree.blocks[i].kind != DOC_BLANK)
            write_block(&w, &r->ev->tree.blocks[i]);
    jw_end_array(&w);
    jw_end_object(&w);
    fputc('\n', out);
    return ferror(out) ? XXGK_E_IO : XXGK_OK;
}

const char *locator_column_name(uint32_t column, char *buf, size_t size)
{
    char rev[8];
    size_t n = 0;
    for (uint32_t c = column; c > 0 && n < sizeof rev; c = (c - 1) / 26)
        rev[n++] = (char)('A' + (c - 1) % 26);
    size_t k = 0;
    while (n > 0 && k + 1 < size)
        buf[k++] = rev[--n];
    if (size)
        buf[k] = '\0';
    return buf;
}
