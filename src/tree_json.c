/*
 * tree_json.c — the evidence as JSON: the document tree a reader handed
 * over (`xxgk parse --format tree`), and the locator writer findings
 * share. For looking at how an unseen layout was read, and for front ends
 * that highlight a cell in the user's document.
 */
#include <stdio.h>

#include "json.h"
#include "report.h"

void locator_write_json(json_writer *w, const xxgk_locator *l, const char *text)
{
    static const char *const kinds[] = {"none", "text", "pdf", "docx", "html", "sheet"};
    json_begin_object(w);
    json_key(w, "kind");
    json_string(w, kinds[l->kind]);
    if (text) {
        json_key(w, "text");
        json_string(w, text);
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
            json_key(w, nums[i].key);
            json_int(w, nums[i].value);
        }
    if (l->kind == XXGK_LOC_PDF) {
        json_key(w, "box");
        json_begin_array(w);
        float box[4] = {l->x0, l->y0, l->x1, l->y1};
        for (int i = 0; i < 4; i++)
            json_int(w, (long long)(box[i] + 0.5f));
        json_end_array(w);
    }
    if (l->kind == XXGK_LOC_SHEET) {
        char col[8];
        json_key(w, "sheet");
        json_string(w, l->sheet ? l->sheet : "");
        json_key(w, "column");
        json_string(w, locator_column_name(l->cell, col, sizeof col));
    }
    if (l->path) {
        json_key(w, "path");
        json_string(w, l->path);
    }
    json_end_object(w);
}

static void write_cell(json_writer *w, const doc_cell *c)
{
    json_begin_object(w);
    json_key(w, "text");
    json_string_n(w, c->text, c->len);
    json_key(w, "grid");
    json_int(w, c->grid);
    if (c->colspan != 1) {
        json_key(w, "colspan");
        json_int(w, c->colspan);
    }
    if (c->rowspan != 1) {
        json_key(w, "rowspan");
        json_int(w, c->rowspan);
    }
    if (c->continued) {
        json_key(w, "continued");
        json_bool(w, true);
    }
    json_key(w, "view_line");
    json_int(w, c->line);
    json_key(w, "where");
    locator_write_json(w, &c->src, NULL);
    json_end_object(w);
}

static void write_block(json_writer *w, const doc_block *b)
{
    static const char *const roles[] = {"body", "title", "heading", "caption", "signature"};
    json_begin_object(w);
    json_key(w, "kind");
    json_string(w, b->kind == DOC_TABLE ? "table" : "paragraph");
    if (b->kind == DOC_PARA) {
        json_key(w, "role");
        json_string(w, roles[b->role]);
        if (b->role == ROLE_HEADING) {
            json_key(w, "section");
            json_int(w, b->section);
        }
        json_key(w, "text");
        json_string_n(w, b->text, b->len);
    } else {
        json_key(w, "spans");
        json_bool(w, b->spans);
        json_key(w, "rows");
        json_begin_array(w);
        for (uint32_t r = 0; r < b->nrows; r++) {
            json_begin_array(w);
            for (uint32_t c = 0; c < b->rows[r].n; c++)
                write_cell(w, &b->rows[r].cells[c]);
            json_end_array(w);
        }
        json_end_array(w);
    }
    json_key(w, "view_line");
    json_int(w, b->line);
    json_key(w, "where");
    locator_write_json(w, &b->src, NULL);
    json_end_object(w);
}

xxgk_status xxgk_report_write_tree(const xxgk_report *r, FILE *out)
{
    json_writer w;
    json_init(&w, out, false);
    json_begin_object(&w);
    json_key(&w, "file");
    json_string(&w, r->name);
    json_key(&w, "blocks");
    json_begin_array(&w);
    for (size_t i = 0; r->ev && i < r->ev->tree.n; i++)
        if (r->ev->tree.blocks[i].kind != DOC_BLANK)
            write_block(&w, &r->ev->tree.blocks[i]);
    json_end_array(&w);
    json_end_object(&w);
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
