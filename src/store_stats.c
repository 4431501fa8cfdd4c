/*
 * store_stats.c — statistics over the selected reports: findings by rule
 * and by body (which mistakes are most common, which bodies make the
 * most), applications per year, by outcome and by applicant type.
 *
 * Two passes whatever the size: one over the selected reports with
 * their cells (years, bodies, table 三 sums), one over the findings
 * (rules). Grouping happens here in C, in hash tables, rather than in
 * several GROUP BY queries, each of which would read the 100,000 rows of
 * a large store again (seconds instead of a fraction of one).
 *
 * Sums are checked: a total that would exceed 64 bits fails the call
 * with a message naming the report and the cell that broke it (such a
 * value is cell-implausible), instead of printing a wrapped, negative
 * total.
 */
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "store.h"
#include "template.h"

/* Appends a zeroed element to a growable array; NULL when out of
 * memory. Capacity doubles at powers of two. */
static void *grow(void **v, size_t *n, size_t elem)
{
    if ((*n & (*n - 1)) == 0) {
        void *nv = realloc(*v, (*n ? *n * 2 : 8) * elem);
        if (!nv)
            return NULL;
        *v = nv;
    }
    return memset((char *)*v + (*n)++ * elem, 0, elem);
}

static unsigned hash_text(const char *s)
{
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* An index from names (bodies, rules) to positions in an array:
 * open addressing, slots hold position + 1. */
typedef struct name_index {
    size_t *slots;
    size_t cap; /* a power of two */
} name_index;

/* Position of `name` among names[0..n) by the index, or n when absent
 * (the caller then appends it and calls index_add). */
static size_t index_find(const name_index *ix, const char *name, const char *(*at)(void *, size_t),
                         void *arr, size_t n)
{
    if (!ix->cap)
        return n;
    for (size_t i = hash_text(name) & (ix->cap - 1); ix->slots[i]; i = (i + 1) & (ix->cap - 1))
        if (!strcmp(at(arr, ix->slots[i] - 1), name))
            return ix->slots[i] - 1;
    return n;
}

/* Records that names[pos] is `name`; grows the table to stay at most
 * half full. False when out of memory. */
static bool index_add(name_index *ix, const char *name, size_t pos,
                      const char *(*at)(void *, size_t), void *arr)
{
    if ((pos + 1) * 2 > ix->cap) {
        size_t cap = ix->cap ? ix->cap * 2 : 64;
        size_t *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return false;
        for (size_t k = 0; k < ix->cap; k++) {
            if (!ix->slots[k])
                continue;
            size_t i = hash_text(at(arr, ix->slots[k] - 1)) & (cap - 1);
            while (slots[i])
                i = (i + 1) & (cap - 1);
            slots[i] = ix->slots[k];
        }
        free(ix->slots);
        ix->slots = slots;
        ix->cap = cap;
    }
    size_t i = hash_text(name) & (ix->cap - 1);
    while (ix->slots[i])
        i = (i + 1) & (ix->cap - 1);
    ix->slots[i] = pos + 1;
    return true;
}

static const char *body_at(void *arr, size_t i)
{
    return ((xxgk_stats_body *)arr)[i].body;
}

static const char *rule_at(void *arr, size_t i)
{
    return ((xxgk_stats_rule *)arr)[i].rule;
}

/* ---- which cells are summed ------------------------------------------ */

/* The cells of table 三 the statistics sum: the outcome rows (the right
 * side of the t3-outcome-total rule, both formats) in their total
 * column, and the applicant columns (the right side of t3-row-total) of
 * the row of new applications. Taken from the template's sum rules so a
 * new outcome row is counted without a change here. */
static size_t stat_cells(xxgk_stats *out, int *ids)
{
    const tpl_table *t = tpl_table_of(tpl_latest_format(), 3);
    size_t n = 0;
    for (int r = 0; r < t->nrows; r++) {
        bool member = false;
        for (int k = 0; k < t->nsums && t->rows[r].key; k++) {
            if (strcmp(t->sums[k].rule, "t3-outcome-total") != 0)
                continue;
            key_iter it;
            for (key_iter_init(&it, t->sums[k].rhs); key_iter_next(&it);)
                member |= strcmp(it.key, t->rows[r].key) == 0;
        }
        int id = member ? tpl_cell_id("t3", t->rows[r].key, "total") : -1;
        if (id >= 0) {
            ids[n++] = id;
            out->noutcomes++;
        }
    }
    for (int k = 0; k < t->nsums; k++) {
        if (strcmp(t->sums[k].rule, "t3-row-total") != 0)
            continue;
        key_iter it;
        for (key_iter_init(&it, t->sums[k].rhs); key_iter_next(&it);) {
            int id = tpl_cell_id("t3", "new", it.key);
            if (id >= 0) {
                ids[n++] = id;
                out->napplicants++;
            }
        }
    }
    return n;
}

/* ---- pass 1: reports ------------------------------------------------- */

/* Selected report ids, as a bitmap, for the pass over the findings. */
typedef struct id_set {
    uint8_t *bits;
    size_t bytes;
} id_set;

static bool id_set_add(id_set *s, int64_t id)
{
    size_t byte = (size_t)id / 8;
    if (id < 0)
        return true;
    if (byte >= s->bytes) {
        size_t bytes = s->bytes ? s->bytes : 1024;
        while (bytes <= byte)
            bytes *= 2;
        uint8_t *b = realloc(s->bits, bytes);
        if (!b)
            return false;
        memset(b + s->bytes, 0, bytes - s->bytes);
        s->bits = b;
        s->bytes = bytes;
    }
    s->bits[byte] |= (uint8_t)(1u << (id % 8));
    return true;
}

static bool id_set_has(const id_set *s, int64_t id)
{
    size_t byte = (size_t)id / 8;
    return id >= 0 && byte < s->bytes && (s->bits[byte] >> (id % 8) & 1);
}

typedef struct pass {
    xxgk_stats *st;
    name_index bodies;
    id_set ids;
    int cells[128];
    size_t ncells;
    const char *overflow; /* the column whose sum overflowed, or NULL */
    int64_t overflow_id;  /* in the report with this id */
} pass;

enum { COL_ID, COL_YEAR, COL_BODY, COL_ERRORS, COL_WARNINGS, COL_NOTES, COL_NEW, COL_CARRIED,
       COL_CELLS };

/* *acc += the row's value in column `col` (a count: an integer, or a
 * real or text that holds one). False, with the overflow recorded in p,
 * when the sum would not fit in 64 bits. */
static bool add_value(pass *p, int64_t *acc, sqlite3_stmt *row, int col)
{
    int64_t v;
    if (sqlite3_column_type(row, col) == SQLITE_FLOAT) {
        double d = sqlite3_column_double(row, col);
        if (!(d > -9.2e18 && d < 9.2e18))
            goto overflow;
        v = (int64_t)d;
    } else {
        v = sqlite3_column_int64(row, col);
    }
    if (!__builtin_add_overflow(*acc, v, acc))
        return true;
overflow:
    if (!p->overflow) {
        p->overflow = sqlite3_column_name(row, col);
        p->overflow_id = sqlite3_column_int64(row, COL_ID);
    }
    return false;
}

static bool add_year(pass *p, sqlite3_stmt *row)
{
    xxgk_stats *st = p->st;
    int year = sqlite3_column_int(row, COL_YEAR);
    size_t i = 0;
    while (i < st->nyears && st->years[i].year != year)
        i++;
    if (i == st->nyears) {
        xxgk_stats_year *y = grow((void **)&st->years, &st->nyears, sizeof *y);
        if (!y)
            return false;
        y->year = year;
    }
    st->years[i].reports++;
    return add_value(p, &st->years[i].applications, row, COL_NEW) &&
           add_value(p, &st->years[i].carried_in, row, COL_CARRIED);
}

static bool add_body(pass *p, sqlite3_stmt *row)
{
    xxgk_stats *st = p->st;
    const char *name = (const char *)sqlite3_column_text(row, COL_BODY);
    name = name ? name : "";
    size_t i = index_find(&p->bodies, name, body_at, st->bodies, st->nbodies);
    if (i == st->nbodies) {
        xxgk_stats_body *b = grow((void **)&st->bodies, &st->nbodies, sizeof *b);
        if (!b || !(b->body = strdup(name)))
            return false;
        if (!index_add(&p->bodies, b->body, i, body_at, st->bodies))
            return false;
    }
    xxgk_stats_body *b = &st->bodies[i];
    b->reports++;
    b->errors += (size_t)sqlite3_column_int64(row, COL_ERRORS);
    b->warnings += (size_t)sqlite3_column_int64(row, COL_WARNINGS);
    b->notes += (size_t)sqlite3_column_int64(row, COL_NOTES);
    return add_value(p, &b->applications, row, COL_NEW);
}

static bool add_cells(pass *p, sqlite3_stmt *row)
{
    for (size_t k = 0; k < p->ncells; k++) {
        int type = sqlite3_column_type(row, COL_CELLS + (int)k);
        if (type != SQLITE_INTEGER && type != SQLITE_FLOAT)
            continue;
        xxgk_stats_cell *c = &p->st->outcomes[k]; /* applicants follow outcomes */
        if (!add_value(p, &c->total, row, COL_CELLS + (int)k))
            return false;
        c->reports++;
    }
    return true;
}

static xxgk_status pass_reports(xxgk_store *s, const xxgk_store_filter *f, pass *p,
                                xxgk_error *err)
{
    sbuf cols = {0};
    sbuf_add(&cols, "report.id, report.year, coalesce(report.body, ''), report.errors,"
                    " report.warnings, report.notes, cells.\"t3.new.total\","
                    " cells.\"t3.carried_in.total\"");
    for (size_t k = 0; k < p->ncells; k++) {
        sbuf_add(&cols, ", cells.");
        sbuf_add_ident(&cols, xxgk_cell_key((size_t)p->cells[k]));
    }
    if (cols.failed) {
        sbuf_free(&cols);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    sqlite3_stmt *row = store_select(s, f, cols.s, NULL, NULL, err);
    sbuf_free(&cols);
    if (!row)
        return err->status;
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(row)) == SQLITE_ROW) {
        p->st->reports++;
        if (sqlite3_column_type(row, COL_ERRORS) != SQLITE_NULL)
            p->st->checked++;
        ok = id_set_add(&p->ids, sqlite3_column_int64(row, COL_ID)) && add_year(p, row) &&
             add_body(p, row) && add_cells(p, row);
    }
    xxgk_status st = XXGK_OK;
    if (!ok && p->overflow)
        st = error_set(err, XXGK_E_TOO_LARGE,
                       "合计超出可表示的范围：报告 %lld 的 %s 数值过大（不合常理，见 "
                       "cell-implausible）；可用 --where 'report.id <> %lld' 排除该报告",
                       (long long)p->overflow_id, p->overflow, (long long)p->overflow_id);
    store_done(s, row);
    if (st != XXGK_OK)
        return st;
    if (!ok)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    return rc == SQLITE_DONE ? XXGK_OK : store_fail(s, err, "读取数据库失败");
}

/* ---- pass 2: findings ------------------------------------------------ */

static xxgk_severity severity_of(const char *word)
{
    return !strcmp(word, "error") ? XXGK_ERROR : !strcmp(word, "warning") ? XXGK_WARNING
                                                                         : XXGK_NOTE;
}

/* Findings come in report order (the table's key), so a report is new
 * to a rule when it differs from the last one counted for it. */
static xxgk_status pass_findings(xxgk_store *s, pass *p, xxgk_error *err)
{
    xxgk_stats *st = p->st;
    sqlite3_stmt *row;
    if (sqlite3_prepare_v2(s->db, "SELECT report_id, rule, severity FROM finding", -1, &row,
                           NULL) != SQLITE_OK)
        return store_fail(s, err, "读取数据库失败");
    name_index rules = {0};
    int64_t *last = NULL;
    size_t nlast = 0;
    int rc;
    bool ok = true;
    while (ok && (rc = sqlite3_step(row)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(row, 0);
        const char *rule = (const char *)sqlite3_column_text(row, 1);
        const char *sev = (const char *)sqlite3_column_text(row, 2);
        if (!rule || !sev || !id_set_has(&p->ids, id))
            continue;
        size_t i = index_find(&rules, rule, rule_at, st->rules, st->nrules);
        if (i == st->nrules) {
            xxgk_stats_rule *r = grow((void **)&st->rules, &st->nrules, sizeof *r);
            int64_t *l = grow((void **)&last, &nlast, sizeof *l);
            ok = r && l && (r->rule = strdup(rule)) && index_add(&rules, r->rule, i, rule_at,
                                                                 st->rules);
            if (!ok)
                break;
            r->severity = XXGK_NOTE;
            *l = -1;
        }
        xxgk_stats_rule *r = &st->rules[i];
        xxgk_severity v = severity_of(sev);
        if (v > r->severity)
            r->severity = v;
        r->findings++;
        if (last[i] != id)
            r->reports++;
        last[i] = id;
    }
    sqlite3_finalize(row);
    free(rules.slots);
    free(last);
    if (!ok)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    return rc == SQLITE_DONE ? XXGK_OK : store_fail(s, err, "读取数据库失败");
}

/* ---- ordering and the whole ------------------------------------------- */

static int by_findings(const void *a, const void *b)
{
    const xxgk_stats_rule *x = a, *y = b;
    if (x->findings != y->findings)
        return x->findings < y->findings ? 1 : -1;
    return strcmp(x->rule, y->rule);
}

static int by_body_findings(const void *a, const void *b)
{
    const xxgk_stats_body *x = a, *y = b;
    size_t fx = x->errors + x->warnings, fy = y->errors + y->warnings;
    if (fx != fy)
        return fx < fy ? 1 : -1;
    if (x->reports != y->reports)
        return x->reports < y->reports ? 1 : -1;
    return strcmp(x->body, y->body);
}

static int by_year(const void *a, const void *b)
{
    const xxgk_stats_year *x = a, *y = b;
    return (x->year > y->year) - (x->year < y->year);
}

xxgk_status xxgk_store_stats(xxgk_store *s, const xxgk_store_filter *f, xxgk_stats **out,
                             xxgk_error *err)
{
    xxgk_error local;
    if (!err)
        err = &local;
    *out = NULL;
    pass p = {0};
    p.st = calloc(1, sizeof *p.st);
    if (!p.st)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    p.ncells = stat_cells(p.st, p.cells);
    p.st->outcomes = calloc(p.ncells ? p.ncells : 1, sizeof *p.st->outcomes);
    xxgk_status status = p.st->outcomes ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
    if (status == XXGK_OK) {
        p.st->applicants = p.st->outcomes + p.st->noutcomes;
        for (size_t k = 0; k < p.ncells; k++)
            p.st->outcomes[k].cell = (size_t)p.cells[k];
        status = pass_reports(s, f, &p, err);
    }
    if (status == XXGK_OK)
        status = pass_findings(s, &p, err);
    free(p.bodies.slots);
    free(p.ids.bits);
    if (status != XXGK_OK) {
        xxgk_stats_free(p.st);
        return status;
    }
    xxgk_stats *st = p.st;
    if (st->nrules)
        qsort(st->rules, st->nrules, sizeof *st->rules, by_findings);
    if (st->nbodies)
        qsort(st->bodies, st->nbodies, sizeof *st->bodies, by_body_findings);
    if (st->nyears)
        qsort(st->years, st->nyears, sizeof *st->years, by_year);
    *out = st;
    return XXGK_OK;
}

void xxgk_stats_free(xxgk_stats *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->nrules; i++)
        free((char *)st->rules[i].rule);
    for (size_t i = 0; i < st->nbodies; i++)
        free((char *)st->bodies[i].body);
    free(st->rules);
    free(st->bodies);
    free(st->years);
    free(st->outcomes); /* applicants share its allocation */
    free(st);
}
