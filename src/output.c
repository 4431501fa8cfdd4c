/*
 * output.c — the model as JSON (shared/spec/model.md) and as
 * `key<TAB>value` lines.
 */
#include <errno.h>
#include <string.h>

#include "json.h"
#include "report.h"
#include "template.h"

static const char *format_name(xxgk_format f)
{
    return xxgk_format_name(f);
}

/* Writes the "meta" object's members. Shared with the checker's JSON. */
size_t xxgk_report_cells_read(const xxgk_report *r, size_t *in_format, size_t *foreign)
{
    size_t read = 0, all = 0, other = 0;
    for (size_t id = 0; r && id < r->ncells; id++) {
        const xxgk_cell *c = &r->cells[id];
        bool mine = xxgk_format_has_cell(r->meta.format, id);
        all += mine;
        if (c->kind == XXGK_VALUE_ABSENT || (c->flags & XXGK_CELL_COMPUTED))
            continue;
        if (c->flags & XXGK_CELL_FOREIGN)
            other++;
        else
            read += mine;
    }
    if (in_format)
        *in_format = all;
    if (foreign)
        *foreign = other;
    return read;
}

/* For a report read from a document: how much of its tables was read
 * (docs/model.md, version 4). */
static void write_cells_read(const xxgk_report *r, jw_writer *w)
{
    size_t all, foreign, read = xxgk_report_cells_read(r, &all, &foreign);
    jw_key(w, "cells_read");
    jw_int(w, (long long)read);
    jw_key(w, "cells_in_format");
    jw_int(w, (long long)all);
    if (foreign) {
        jw_key(w, "cells_foreign");
        jw_int(w, (long long)foreign);
    }
}

void report_write_meta_json(const xxgk_report *r, jw_writer *w)
{
    const xxgk_meta *m = &r->meta;
    jw_begin_object(w);
    if (m->year) {
        jw_key(w, "year");
        jw_int(w, m->year);
    }
    if (format_name(m->format)) {
        jw_key(w, "format");
        jw_string(w, format_name(m->format));
    }
    if (m->title) {
        jw_key(w, "title");
        jw_string(w, m->title);
    }
    if (m->body) {
        jw_key(w, "body");
        jw_string(w, m->body);
    }
    if (m->date) {
        jw_key(w, "date");
        jw_string(w, m->date);
    }
    if (m->period_from) {
        jw_key(w, "period");
        jw_begin_object(w);
        jw_key(w, "from");
        jw_string(w, m->period_from);
        jw_key(w, "to");
        jw_string(w, m->period_to);
        jw_end_object(w);
    }
    if (r->ev && m->format)
        write_cells_read(r, w);
    jw_end_object(w);
}

/* The "cells" object: every present cell in format f's order, null for
 * a blank one. Shared with the JSON renderer. */
void report_write_cells_json(const xxgk_report *r, xxgk_format f, jw_writer *w)
{
    jw_begin_object(w);
    size_t n;
    const int *order = tpl_cell_order(f, &n);
    for (size_t i = 0; i < n; i++) {
        const xxgk_cell *c = &r->cells[order[i]];
        if (c->kind == XXGK_VALUE_ABSENT)
            continue;
        jw_key(w, xxgk_cell_key((size_t)order[i]));
        if (c->kind == XXGK_VALUE_BLANK)
            jw_null(w);
        else
            jw_decimal(w, c->value);
    }
    jw_end_object(w);
}

xxgk_status xxgk_report_write_json(const xxgk_report *r, FILE *out)
{
    jw_writer w;
    jw_init(&w, out, false);
    jw_begin_object(&w);
    jw_key(&w, "file");
    jw_string(&w, r->name);
    jw_key(&w, "meta");
    report_write_meta_json(r, &w);
    jw_key(&w, "cells");
    report_write_cells_json(r, r->meta.format, &w);
    jw_end_object(&w);
    fputc('\n', out);
    return ferror(out) ? XXGK_E_IO : XXGK_OK;
}

static void meta_line(FILE *out, const char *prefix, const char *key, const char *value)
{
    if (value)
        fprintf(out, "%s%s\t%s\n", prefix, key, value);
}

xxgk_status xxgk_report_write_cells(const xxgk_report *r, const char *prefix, FILE *out)
{
    const xxgk_meta *m = &r->meta;
    const char *p = prefix ? prefix : "";
    if (m->year)
        fprintf(out, "%smeta.year\t%d\n", p, m->year);
    meta_line(out, p, "meta.format", format_name(m->format));
    meta_line(out, p, "meta.title", m->title);
    meta_line(out, p, "meta.body", m->body);
    meta_line(out, p, "meta.date", m->date);
    if (m->period_from)
        fprintf(out, "%smeta.period\t%s/%s\n", p, m->period_from, m->period_to);
    size_t n;
    const int *order = tpl_cell_order(m->format, &n);
    for (size_t i = 0; i < n; i++) {
        const xxgk_cell *c = &r->cells[order[i]];
        if (c->kind == XXGK_VALUE_ABSENT)
            continue;
        char buf[48] = "";
        if (c->kind == XXGK_VALUE_NUMBER)
            xxgk_decimal_format(c->value, buf, sizeof buf);
        fprintf(out, "%s%s\t%s\n", p, xxgk_cell_key((size_t)order[i]), buf);
    }
    return ferror(out) ? XXGK_E_IO : XXGK_OK;
}
