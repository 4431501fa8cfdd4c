/*
 * check.c — runs the rule groups on a report and keeps the findings
 * (see check.h for the groups), and writes them as JSON.
 */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

xxgk_finding *finding_add(xxgk_report *r, const char *rule, int severity, span at,
                          const int *cells, size_t ncells, const char *fmt, ...)
{
    const xxgk_rule *info = xxgk_rule_find(rule);
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
    for (size_t i = 0; i < r->headings.n; i++)
        if (r->headings.v[i].section == section)
            return r->headings.v[i].at.line;
    return 0;
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

xxgk_status xxgk_report_check(xxgk_report *r, const xxgk_report *previous)
{
    if (!r)
        return XXGK_E_USAGE;
    r->findings.n = 0;
    check_structure(r);
    check_tables(r);
    check_splits(r);
    check_magnitude(r);
    check_sums(r);
    check_text(r);
    if (previous)
        check_years(r, previous);
    sort_findings(r);
    return r->a.failed ? XXGK_E_NOMEM : XXGK_OK;
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

int xxgk_report_write_findings_json(const xxgk_report *r, xxgk_severity min, FILE *out)
{
    json_writer w;
    json_init(&w, out, false);
    json_begin_object(&w);
    json_key(&w, "file");
    json_string(&w, r->name);
    json_key(&w, "meta");
    report_write_meta_json(r, &w);
    json_key(&w, "findings");
    json_begin_array(&w);
    for (size_t i = 0; i < r->findings.n; i++) {
        const xxgk_finding *f = &r->findings.v[i];
        if (f->severity < min)
            continue;
        json_begin_object(&w);
        json_key(&w, "severity");
        json_string(&w, xxgk_severity_name(f->severity));
        json_key(&w, "rule");
        json_string(&w, f->rule);
        if (f->line) {
            json_key(&w, "line");
            json_int(&w, f->line);
        }
        if (f->column) {
            json_key(&w, "column");
            json_int(&w, f->column);
        }
        json_key(&w, "cells");
        json_begin_array(&w);
        for (size_t k = 0; k < f->ncells; k++)
            json_string(&w, xxgk_cell_key((size_t)f->cells[k]));
        json_end_array(&w);
        json_key(&w, "message");
        json_string(&w, f->message);
        if (f->expected) {
            json_key(&w, "expected");
            json_string(&w, f->expected);
        }
        json_end_object(&w);
    }
    json_end_array(&w);
    json_key(&w, "summary");
    json_begin_object(&w);
    json_key(&w, "errors");
    json_int(&w, (long long)xxgk_report_count(r, XXGK_ERROR));
    json_key(&w, "warnings");
    json_int(&w, (long long)xxgk_report_count(r, XXGK_WARNING));
    json_key(&w, "notes");
    json_int(&w, (long long)xxgk_report_count(r, XXGK_NOTE));
    json_end_object(&w);
    json_end_object(&w);
    fputc('\n', out);
    return ferror(out) ? -1 : 0;
}
