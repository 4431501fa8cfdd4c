/*
 * check.c — the one check (xxgk_check): runs the function of every rule
 * of the catalogue whose needs the report meets, keeps the findings, says
 * where each one is in the user's terms, and writes them as JSON.
 */
#include "check.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

xxgk_finding *finding_add(xxgk_report *r, const char *rule, int severity, span at,
                          const int *cells, size_t ncells, const char *fmt, ...)
{
    const xxgk_rule *info = xxgk_rule_find(rule);
    /* Every finding belongs to a rule of the catalogue (docs/rules.md);
     * tests/rule_ids.sh also checks the ids in the sources. */
    assert(info && "finding of a rule not in the catalogue");
    xxgk_finding *f = VEC_PUSH(&r->a, r->findings);
    if (!f)
        return NULL;
    f->rule = info ? info->id : rule;
    f->severity = severity == SEV_DEFAULT ? (info ? info->severity : XXGK_WARNING)
                                          : (xxgk_severity)severity;
    f->line = at.line;
    f->column = at.col;
    f->length = at.len;
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    f->message = arena_strndup(&r->a, buf, strlen(buf));
    if (ncells) {
        int *copy = arena_alloc(&r->a, sizeof(int) * ncells);
        if (copy) {
            memcpy(copy, cells, sizeof(int) * ncells);
            f->cells = copy;
            f->ncells = ncells;
        }
    }
    return f;
}

void finding_expect(xxgk_report *r, xxgk_finding *f, const char *fmt, ...)
{
    if (!f)
        return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    f->expected = arena_strndup(&r->a, buf, strlen(buf));
}

void finding_place(xxgk_finding *f, int table, const char *row_label, const char *column_label)
{
    if (!f)
        return;
    f->table = table;
    f->row_label = row_label;
    f->column_label = column_label;
}

span cell_at(const xxgk_report *r, int id)
{
    const xxgk_cell *c = &r->cells[id];
    return (span){c->line, c->column, c->length};
}

bool cell_int(const xxgk_report *r, int id, long long *v, bool *blank)
{
    if (id < 0)
        return false;
    const xxgk_cell *c = &r->cells[id];
    *blank = c->kind == XXGK_VALUE_BLANK;
    if (c->kind == XXGK_VALUE_BLANK) {
        *v = 0;
        return true;
    }
    if (c->kind != XXGK_VALUE_NUMBER || c->value.scale != 0)
        return false;
    *v = c->value.units;
    return true;
}

uint32_t heading_line(const xxgk_report *r, int section)
{
    for (size_t i = 0; r->ev && i < r->ev->headings.n; i++)
        if (r->ev->headings.v[i].section == section)
            return r->ev->headings.v[i].at.line;
    return 0;
}

const char *cell_row_label(const xxgk_report *r, int id)
{
    const char *row, *col;
    tpl_cell_labels(r->meta.format, (size_t)id, &row, &col);
    return row;
}

const char *cell_col_label(const xxgk_report *r, int id)
{
    const char *row, *col;
    tpl_cell_labels(r->meta.format, (size_t)id, &row, &col);
    return col;
}

/* ---- paragraphs of a model ------------------------------------------ */

/* The paragraphs of the section texts, for a report without a document:
 * what the prose rules read. Built once per check, in the arena. */
static void model_paragraphs(xxgk_report *r)
{
    r->model_paras.n = 0;
    for (int s = 0; s <= 6; s++) {
        const char *t = r->section_text[s];
        while (t && *t) {
            const char *nl = strchr(t, '\n');
            size_t len = nl ? (size_t)(nl - t) : strlen(t);
            rec_para *p = VEC_PUSH(&r->a, r->model_paras);
            if (!p)
                return;
            p->section = s;
            p->text = t;
            p->len = (uint32_t)len;
            t += len + (nl != NULL);
        }
    }
}

const rec_para *check_paragraphs(const xxgk_report *r, size_t *n)
{
    if (r->ev) {
        *n = r->ev->paras.n;
        return r->ev->paras.v;
    }
    *n = r->model_paras.n;
    return r->model_paras.v;
}

/* ---- running the catalogue ------------------------------------------ */

static bool wanted(const xxgk_rule *rule, const xxgk_report *r, const xxgk_check_options *o)
{
    if ((rule->needs & XXGK_NEEDS_DOCUMENT) && (!r->ev || o->model_only))
        return false;
    if ((rule->needs & XXGK_NEEDS_PREVIOUS) && !o->previous)
        return false;
    return !o->category || !strcmp(o->category, rule->category);
}

/* Findings are shown in the order of the text; those without a line
 * (about the report as a whole) first. Equal lines keep the order the
 * rules produced them in (qsort is not stable, so the index is a key). */
typedef struct order_key {
    uint32_t line;
    size_t index;
} order_key;

static int by_line(const void *a, const void *b)
{
    const order_key *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static void sort_findings(xxgk_report *r)
{
    size_t n = r->findings.n;
    if (n < 2)
        return;
    order_key *keys = malloc(sizeof *keys * n);
    xxgk_finding *copy = malloc(sizeof *copy * n);
    if (keys && copy) {
        for (size_t i = 0; i < n; i++)
            keys[i] = (order_key){r->findings.v[i].line, i};
        qsort(keys, n, sizeof *keys, by_line);
        for (size_t i = 0; i < n; i++)
            copy[i] = r->findings.v[keys[i].index];
        memcpy(r->findings.v, copy, sizeof *copy * n);
    }
    free(keys);
    free(copy);
}

/* The table, row and column of a finding about cells (those of its
 * first cell, unless the rule named them), and where it is in the
 * input: its first cell's place, else its line's. */
static void locate(const xxgk_report *r, xxgk_finding *f)
{
    if (f->ncells && f->cells[0] >= 0 && !f->table) {
        size_t id = (size_t)f->cells[0];
        f->table = tpl_cell(id)->table->section;
        tpl_cell_labels(r->meta.format, id, &f->row_label, &f->column_label);
    }
    const xxgk_locator *where = &(xxgk_locator){.kind = XXGK_LOC_NONE};
    if (f->ncells && f->cells[0] >= 0)
        where = xxgk_report_cell_locator(r, (size_t)f->cells[0]);
    if (where->kind == XXGK_LOC_NONE && f->line)
        where = xxgk_report_line_locator(r, f->line);
    f->where = *where;
}

xxgk_status xxgk_check(xxgk_report *r, const xxgk_check_options *options)
{
    if (!r)
        return XXGK_E_USAGE;
    xxgk_check_options none = {0};
    const xxgk_check_options *o = options ? options : &none;
    r->findings.n = 0;
    if (!r->ev)
        model_paragraphs(r);
    /* Each function once, in catalogue order, when one of its rules is
     * wanted (a function checks all the rules it carries). */
    rule_fn done[64];
    size_t ndone = 0;
    for (size_t i = 0; i < xxgk_rule_count(); i++) {
        rule_fn fn = rule_function(i);
        if (!fn || !wanted(xxgk_rule_at(i), r, o))
            continue;
        bool seen = false;
        for (size_t k = 0; k < ndone && !seen; k++)
            seen = done[k] == fn;
        if (seen)
            continue;
        assert(ndone < sizeof done / sizeof done[0]);
        if (ndone < sizeof done / sizeof done[0])
            done[ndone++] = fn;
        size_t before = r->findings.n;
        fn(r, o->previous);
        /* A function may check rules that were not asked for. */
        size_t keep = before;
        for (size_t k = before; k < r->findings.n; k++)
            if (wanted(xxgk_rule_find(r->findings.v[k].rule), r, o))
                r->findings.v[keep++] = r->findings.v[k];
        r->findings.n = keep;
    }
    for (size_t i = 0; i < r->findings.n; i++)
        locate(r, &r->findings.v[i]);
    sort_findings(r);
    return r->a.failed ? XXGK_E_NOMEM : XXGK_OK;
}

xxgk_status xxgk_report_check(xxgk_report *r, const xxgk_report *previous)
{
    xxgk_check_options o = {previous, false, NULL};
    return xxgk_check(r, &o);
}

size_t xxgk_report_finding_count(const xxgk_report *r)
{
    return r->findings.n;
}

const xxgk_finding *xxgk_report_finding(const xxgk_report *r, size_t i)
{
    return i < r->findings.n ? &r->findings.v[i] : NULL;
}

size_t xxgk_report_count(const xxgk_report *r, xxgk_severity s)
{
    size_t n = 0;
    for (size_t i = 0; i < r->findings.n; i++)
        n += r->findings.v[i].severity == s;
    return n;
}

/* ---- where, in words -------------------------------------------------- */

char *xxgk_finding_place(const xxgk_finding *f, char *buf, size_t size)
{
    const xxgk_locator *w = &f->where;
    if (!size)
        return buf;
    buf[0] = '\0';
    switch (w->kind) {
    case XXGK_LOC_PDF:
        snprintf(buf, size, "第%u页", w->page);
        break;
    case XXGK_LOC_DOCX:
    case XXGK_LOC_HTML:
        if (w->table && w->row && w->cell)
            snprintf(buf, size, "第%u个表格第%u行第%u格", w->table, w->row, w->cell);
        else if (w->table && w->row)
            snprintf(buf, size, "第%u个表格第%u行", w->table, w->row);
        else if (w->paragraph)
            snprintf(buf, size, "第%u段", w->paragraph);
        else if (f->line)
            snprintf(buf, size, "第%u行", f->line);
        break;
    case XXGK_LOC_TEXT:
        snprintf(buf, size, "第%u行", w->line);
        break;
    case XXGK_LOC_SHEET: {
        char col[8];
        if (w->row && w->cell)
            snprintf(buf, size, "工作表“%s”第%u行第%s列", w->sheet ? w->sheet : "", w->row,
                     locator_column_name(w->cell, col, sizeof col));
        else
            snprintf(buf, size, "工作表“%s”", w->sheet ? w->sheet : "");
        break;
    }
    case XXGK_LOC_NONE:
        if (f->line)
            snprintf(buf, size, "第%u行", f->line);
        break;
    }
    return buf;
}

/* ---- JSON -------------------------------------------------------------- */

static const char *const table_names[] = {"", "", "表二", "表三", "表四"};

const char *table_name_of(int section)
{
    return section >= 2 && section <= 4 ? table_names[section] : "";
}

static void write_where(jw_writer *w, const xxgk_finding *f)
{
    char place[96];
    locator_write_json(w, &f->where, xxgk_finding_place(f, place, sizeof place));
}

static void write_finding(jw_writer *w, const xxgk_finding *f)
{
    jw_begin_object(w);
    jw_key(w, "severity");
    jw_string(w, xxgk_severity_name(f->severity));
    jw_key(w, "rule");
    jw_string(w, f->rule);
    if (f->line) {
        jw_key(w, "line");
        jw_int(w, f->line);
    }
    if (f->column) {
        jw_key(w, "column");
        jw_int(w, f->column);
    }
    jw_key(w, "cells");
    jw_begin_array(w);
    for (size_t k = 0; k < f->ncells; k++)
        if (f->cells[k] >= 0)
            jw_string(w, xxgk_cell_key((size_t)f->cells[k]));
    jw_end_array(w);
    jw_key(w, "message");
    jw_string(w, f->message);
    if (f->expected) {
        jw_key(w, "expected");
        jw_string(w, f->expected);
    }
    if (f->table) {
        jw_key(w, "place");
        jw_begin_object(w);
        jw_key(w, "table");
        jw_string(w, table_name_of(f->table));
        if (f->row_label) {
            jw_key(w, "row");
            jw_string(w, f->row_label);
        }
        if (f->column_label) {
            jw_key(w, "column");
            jw_string(w, f->column_label);
        }
        jw_end_object(w);
    }
    jw_key(w, "where");
    write_where(w, f);
    jw_end_object(w);
}

xxgk_status xxgk_report_write_findings_json(const xxgk_report *r, xxgk_severity min, FILE *out)
{
    jw_writer w;
    jw_init(&w, out, false);
    jw_begin_object(&w);
    jw_key(&w, "file");
    jw_string(&w, r->name);
    jw_key(&w, "meta");
    report_write_meta_json(r, &w);
    jw_key(&w, "findings");
    jw_begin_array(&w);
    for (size_t i = 0; i < r->findings.n; i++)
        if (r->findings.v[i].severity >= min)
            write_finding(&w, &r->findings.v[i]);
    jw_end_array(&w);
    jw_key(&w, "summary");
    jw_begin_object(&w);
    jw_key(&w, "errors");
    jw_int(&w, (long long)xxgk_report_count(r, XXGK_ERROR));
    jw_key(&w, "warnings");
    jw_int(&w, (long long)xxgk_report_count(r, XXGK_WARNING));
    jw_key(&w, "notes");
    jw_int(&w, (long long)xxgk_report_count(r, XXGK_NOTE));
    jw_end_object(&w);
    jw_end_object(&w);
    fputc('\n', out);
    return ferror(out) ? XXGK_E_IO : XXGK_OK;
}
