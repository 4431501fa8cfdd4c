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
void report_write_meta_json(const xxgk_report *r, json_writer *w)
{
    const xxgk_meta *m = &r->meta;
    json_begin_object(w);
    if (m->year) {
        json_key(w, "year");
        json_int(w, m->year);
    }
    if (format_name(m->format)) {
        json_key(w, "format");
        json_string(w, format_name(m->format));
    }
    if (m->title) {
        json_key(w, "title");
        json_string(w, m->title);
    }
    if (m->body) {
        json_key(w, "body");
        json_string(w, m->body);
    }
    if (m->date) {
        json_key(w, "date");
        json_string(w, m->date);
    }
    if (m->period_from) {
        json_key(w, "period");
        json_begin_object(w);
        json_key(w, "from");
        json_string(w, m->period_from);
        json_key(w, "to");
        json_string(w, m->period_to);
        json_end_object(w);
    }
    json_end_object(w);
}

/* The "cells" object: every present cell in format f's order, null for
 * a blank one. Shared with the JSON renderer. */
void report_write_cells_json(const xxgk_report *r, xxgk_format f, json_writer *w)
{
    json_begin_object(w);
    size_t n;
    const int *order = tpl_cell_order(f, &n);
    for (size_t i = 0; i < n; i++) {
        const xxgk_cell *c = &r->cells[order[i]];
        if (c->kind == XXGK_VALUE_ABSENT)
            continue;
        json_key(w, xxgk_cell_key((size_t)order[i]));
        if (c->kind == XXGK_VALUE_BLANK)
            json_null(w);
        else
            json_decimal(w, c->value);
    }
    json_end_object(w);
}

xxgk_status xxgk_report_write_json(const xxgk_report *r, FILE *out)
{
    json_writer w;
    json_init(&w, out, false);
    json_begin_object(&w);
    json_key(&w, "file");
    json_string(&w, r->name);
    json_key(&w, "meta");
    report_write_meta_json(r, &w);
    json_key(&w, "cells");
    report_write_cells_json(r, r->meta.format, &w);
    json_end_object(&w);
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
