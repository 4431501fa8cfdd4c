/*
 * template.c — the formats' registry, built once from template_data.c:
 * the list of formats by year, the cell registry (every key of every
 * format a dense id), the (table, row, column) → id grid, the output order
 * of each format and the sum rules compiled into equations.
 *
 * Nothing here names a format: a format added to the data (or registered
 * by a test before first use) gets its cells, orders and equations like
 * the others. The capacities below are checked as the data is read; data
 * that does not fit stops the program with a message naming the limit
 * (a programming error, found by the tests), it is never clipped.
 */
#include "template.h"

#include "index.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FORMATS 8
#define MAX_TABLES (3 * MAX_FORMATS)
#define MAX_CELLS 512
#define MAX_ROWS 48
#define MAX_COLS 16
#define MAX_EQUATIONS 256
#define HASH_SLOTS 2048

extern const tpl_format *const tpl_builtin_formats[];

static const tpl_format *formats[MAX_FORMATS];
static size_t nformats;
static pthread_once_t formats_once = PTHREAD_ONCE_INIT;

static tpl_cell_info registry[MAX_CELLS];
static size_t registry_n;
static int by_key[MAX_CELLS]; /* ids sorted by key, for xxgk_cell_find */
static int orders[MAX_FORMATS][MAX_CELLS];
static size_t orders_n[MAX_FORMATS];
static const tpl_table *grid_tables[MAX_TABLES];
static int ngrid_tables;
static int grid[MAX_TABLES][MAX_ROWS][MAX_COLS];
static tpl_equation equations[MAX_EQUATIONS];
static size_t equations_n;
static int hash_slot[HASH_SLOTS]; /* id + 1; 0 is empty */
static bool in_order[MAX_CELLS];  /* ids already in the order being built */
static bool built;

void tpl_need(bool ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "xxgk: template.c: %s exceeds its capacity; raise it\n", what);
        abort();
    }
}

static void ensure_registry(void)
{
    index_ensure();
}

/* ---- the formats ---------------------------------------------------- */

static void load_formats(void)
{
    for (size_t i = 0; tpl_builtin_formats[i]; i++) {
        tpl_need(nformats < MAX_FORMATS, "MAX_FORMATS");
        formats[nformats++] = tpl_builtin_formats[i];
    }
}

static void init_formats(void)
{
    pthread_once(&formats_once, load_formats);
}

int tpl_register_format(const tpl_format *f)
{
    init_formats();
    if (built || nformats >= MAX_FORMATS || !f)
        return -1;
    /* Keep the list in the order of the years. */
    size_t at = nformats;
    while (at > 0 && formats[at - 1]->from_year > f->from_year)
        at--;
    memmove(formats + at + 1, formats + at, (nformats - at) * sizeof *formats);
    formats[at] = f;
    nformats++;
    return 0;
}

size_t tpl_format_count(void)
{
    init_formats();
    return nformats;
}

const tpl_format *tpl_format_at(size_t i)
{
    init_formats();
    return i < nformats ? formats[i] : NULL;
}

/* The place of format f in the list, or -1. */
static int format_index(xxgk_format f)
{
    init_formats();
    for (size_t i = 0; i < nformats; i++)
        if (formats[i]->format == f)
            return (int)i;
    return -1;
}

const tpl_format *tpl_get(xxgk_format f)
{
    int i = format_index(f);
    return i < 0 ? NULL : formats[i];
}

int format_mask(xxgk_format f)
{
    int i = format_index(f);
    return i < 0 ? 0 : 1 << i;
}

xxgk_format tpl_latest_format(void)
{
    init_formats();
    return formats[nformats - 1]->format;
}

xxgk_format xxgk_format_for_year(int year)
{
    init_formats();
    xxgk_format f = XXGK_FORMAT_UNKNOWN;
    for (size_t i = 0; i < nformats; i++)
        if (formats[i]->from_year <= year)
            f = formats[i]->format;
    return f;
}

size_t xxgk_format_count(void)
{
    return tpl_format_count();
}

xxgk_format xxgk_format_at(size_t i)
{
    const tpl_format *f = tpl_format_at(i);
    return f ? f->format : XXGK_FORMAT_UNKNOWN;
}

const char *xxgk_format_name(xxgk_format f)
{
    const tpl_format *t = tpl_get(f);
    return t ? t->code : NULL;
}

xxgk_format xxgk_format_from_name(const char *name)
{
    init_formats();
    for (size_t i = 0; name && i < nformats; i++)
        if (!strcmp(formats[i]->code, name))
            return formats[i]->format;
    return XXGK_FORMAT_UNKNOWN;
}

bool tpl_format_requires_fee_statement(xxgk_format f)
{
    const tpl_format *t = tpl_get(f);
    const char *note = t ? t->headings[5].note : NULL;
    return note && strstr(note, "信息处理费") != NULL;
}

xxgk_format tpl_row_format(const tpl_table *t, int ri, xxgk_format not)
{
    int mask = t->rows[ri].formats & t->formats;
    for (size_t i = 0; i < tpl_format_count(); i++)
        if ((mask & (1 << i)) && formats[i]->format != not)
            return formats[i]->format;
    return XXGK_FORMAT_UNKNOWN;
}

void tpl_cell_labels(xxgk_format f, size_t id, const char **row, const char **col)
{
    const tpl_cell_info *c = tpl_cell(id);
    *row = *col = NULL;
    if (!c)
        return;
    const tpl_table *t = tpl_table_of(f, c->table->section);
    const tpl_row *reg = &c->table->rows[c->row];
    int ri = t ? tpl_row_index(t, reg->key) : -1;
    int ci = ri >= 0 ? tpl_col_index(tpl_row_block(t, ri), tpl_row_block(c->table, c->row)->cols[c->col].key) : -1;
    if (ci < 0) {
        t = c->table;
        ri = c->row;
        ci = c->col;
    }
    *row = t->rows[ri].label;
    *col = tpl_row_block(t, ri)->cols[ci].label;
}

const char *tpl_row_in_format(xxgk_format f, int section, const char *key)
{
    const tpl_table *own = tpl_table_of(f, section);
    if (!own || !key)
        return NULL;
    int mask = format_mask(f);
    int ri = tpl_row_index(own, key);
    if (ri >= 0 && (own->rows[ri].formats & mask))
        return key;
    /* the row in another format's table: its group's label in f */
    for (size_t t = 0; t < tpl_table_count(); t++) {
        const tpl_table *tab = tpl_table_at(t);
        int r = tab->section == section ? tpl_row_index(tab, key) : -1;
        int g = r >= 0 ? tab->rows[r].group : -1;
        if (g < 0)
            continue;
        for (int k = 0; k < own->nrows; k++)
            if (own->rows[k].kind == ROW_DATA && (own->rows[k].formats & mask) &&
                !strcmp(own->rows[k].label, tab->rows[g].label))
                return own->rows[k].key;
    }
    return NULL;
}

int tpl_flat_cells(const tpl_table *t)
{
    if (!t || t->layout != LAYOUT_FLAT)
        return 0;
    int groups = 0;
    for (int i = 0; i < t->nrows; i++)
        groups += t->rows[i].kind == ROW_DATA;
    return groups * t->blocks[0].ncols;
}

bool tpl_is_flat_width(int n)
{
    for (size_t i = 0; i < tpl_table_count(); i++)
        if (n > 0 && tpl_flat_cells(tpl_table_at(i)) == n)
            return true;
    return false;
}

int tpl_min_flat_cells(void)
{
    int min = 0;
    for (size_t i = 0; i < tpl_table_count(); i++) {
        int n = tpl_flat_cells(tpl_table_at(i));
        if (n && (!min || n < min))
            min = n;
    }
    return min;
}

size_t tpl_table_count(void)
{
    ensure_registry();
    return (size_t)ngrid_tables;
}

const tpl_table *tpl_table_at(size_t i)
{
    ensure_registry();
    return i < (size_t)ngrid_tables ? grid_tables[i] : NULL;
}

const tpl_table *tpl_table_of(xxgk_format f, int section)
{
    const tpl_format *fmt = tpl_get(f);
    if (!fmt || section < 2 || section > 4)
        return NULL;
    return fmt->tables[section - 2];
}

const tpl_block *tpl_row_block(const tpl_table *t, int row)
{
    return &t->blocks[t->rows[row].block];
}

/* ---- the cell registry ------------------------------------------------ */

static unsigned key_hash(const char *key)
{
    unsigned h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

static int registry_find(const char *key)
{
    for (unsigned h = key_hash(key) % HASH_SLOTS;; h = (h + 1) % HASH_SLOTS) {
        int id = hash_slot[h] - 1;
        if (id < 0)
            return -1;
        if (strcmp(registry[id].key, key) == 0)
            return id;
    }
}

static void registry_insert(int id)
{
    unsigned h = key_hash(registry[id].key) % HASH_SLOTS;
    while (hash_slot[h])
        h = (h + 1) % HASH_SLOTS;
    hash_slot[h] = id + 1;
}

/* The key of a cell, "t3.r1.c2": table, row and column keys joined by
 * dots. False when it does not fit in 48 bytes. (Built by hand: every
 * command builds the registry's 900 keys before it does anything, and
 * snprintf made that a third of a small report's parse.) */
static bool cell_key(char key[48], const char *table, const char *row, const char *col)
{
    const char *parts[3] = {table, row, col};
    size_t n = 0;
    for (int i = 0; i < 3; i++) {
        size_t len = strlen(parts[i]);
        if (n + len + (i < 2) >= 48)
            return false;
        memcpy(key + n, parts[i], len);
        n += len;
        if (i < 2)
            key[n++] = '.';
    }
    key[n] = '\0';
    return true;
}

/* Adds the cells of table t (rows in formats `mask`) to the registry and,
 * when `order` is given, appends their ids to it. */
static void add_table(const tpl_table *t, int mask, int *order, size_t *order_n)
{
    for (int r = 0; r < t->nrows; r++) {
        const tpl_row *row = &t->rows[r];
        if (row->kind != ROW_DATA || !(row->formats & mask))
            continue;
        const tpl_block *b = tpl_row_block(t, r);
        for (int c = 0; c < b->ncols; c++) {
            char key[48];
            tpl_need(cell_key(key, t->id, row->key, b->cols[c].key),
                     "the length of a cell key (48)");
            int id = registry_find(key);
            if (id < 0) {
                tpl_need(registry_n < MAX_CELLS && registry_n * 2 < HASH_SLOTS, "MAX_CELLS");
                id = (int)registry_n++;
                tpl_cell_info *info = &registry[id];
                memcpy(info->key, key, sizeof key);
                info->table = t;
                info->row = r;
                info->col = c;
                info->unit = b->cols[c].unit;
                registry_insert(id);
            }
            registry[id].formats |= row->formats & t->formats;
            if (order && !in_order[id]) {
                in_order[id] = true;
                order[(*order_n)++] = id;
            }
        }
    }
}

static int grid_index(const tpl_table *t)
{
    for (int i = 0; i < ngrid_tables; i++)
        if (grid_tables[i] == t)
            return i;
    return -1;
}

/* Every distinct table of every format, by section: ids are dense in
 * that order (table 二 of each format, then 三, then 四). */
static void collect_tables(void)
{
    for (int k = 0; k < 3; k++)
        for (size_t f = 0; f < nformats; f++) {
            const tpl_table *t = formats[f]->tables[k];
            if (grid_index(t) >= 0)
                continue;
            tpl_need(ngrid_tables < MAX_TABLES, "MAX_TABLES");
            tpl_need(t->nrows <= MAX_ROWS, "MAX_ROWS");
            for (int b = 0; b < t->nblocks; b++)
                tpl_need(t->blocks[b].ncols <= MAX_COLS, "MAX_COLS");
            grid_tables[ngrid_tables++] = t;
        }
}

static void build_grid(void)
{
    for (int g = 0; g < ngrid_tables; g++) {
        const tpl_table *t = grid_tables[g];
        for (int r = 0; r < MAX_ROWS; r++)
            for (int c = 0; c < MAX_COLS; c++)
                grid[g][r][c] = -1;
        for (int r = 0; r < t->nrows; r++) {
            if (t->rows[r].kind != ROW_DATA)
                continue;
            const tpl_block *b = tpl_row_block(t, r);
            for (int c = 0; c < b->ncols; c++) {
                char key[48];
                grid[g][r][c] = cell_key(key, t->id, t->rows[r].key, b->cols[c].key)
                                    ? registry_find(key)
                                    : -1;
            }
        }
    }
}

/* The id at (row, col) of table t, or -1. */
static int grid_at(const tpl_table *t, int row, int col)
{
    int g = grid_index(t);
    if (g < 0 || row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLS)
        return -1;
    return grid[g][row][col];
}

/* Adds the equation of `sum` for row `row` or column `col` of t. */
static void add_equation(const tpl_table *t, const tpl_sum *sum, int row, int col)
{
    tpl_need(equations_n < MAX_EQUATIONS, "MAX_EQUATIONS");
    tpl_equation *e = &equations[equations_n];
    memset(e, 0, sizeof *e);
    e->sum = sum;
    e->table = t;
    e->row = row;
    e->col = col;
    const char *lists[2] = {sum->lhs, sum->rhs};
    for (int side = 0; side < 2; side++) {
        int *ids = side ? e->rhs : e->lhs, *n = side ? &e->nrhs : &e->nlhs;
        int max = side ? (int)(sizeof e->rhs / sizeof e->rhs[0])
                       : (int)(sizeof e->lhs / sizeof e->lhs[0]);
        key_iter it;
        key_iter_init(&it, lists[side]);
        while (key_iter_next(&it)) {
            tpl_need(*n < max, "the cells of one side of an equation");
            int r = row >= 0 ? row : tpl_row_index(t, it.key);
            int c = col >= 0 ? col : tpl_col_index(tpl_row_block(t, r < 0 ? 0 : r), it.key);
            ids[(*n)++] = r < 0 || c < 0 ? -1 : grid_at(t, r, c);
        }
    }
    equations_n++;
}

static void build_equations(void)
{
    for (int g = 0; g < ngrid_tables; g++) {
        const tpl_table *t = grid_tables[g];
        for (int i = 0; i < t->nsums; i++) {
            const tpl_sum *sum = &t->sums[i];
            if (sum->over == SUM_EACH_ROW) {
                for (int r = 0; r < t->nrows; r++)
                    if (t->rows[r].kind == ROW_DATA)
                        add_equation(t, sum, r, -1);
            } else {
                for (int c = 0; c < t->blocks[0].ncols; c++)
                    add_equation(t, sum, -1, c);
            }
        }
    }
}

/* The output order of format fi: its own table 二, then the other
 * formats' (cells a report printed from the wrong format), then 三 with
 * every row in its place, then 四. */
static void build_order(size_t fi)
{
    memset(in_order, 0, sizeof in_order);
    int *order = orders[fi];
    size_t *n = &orders_n[fi];
    add_table(formats[fi]->tables[0], 1 << fi, order, n);
    for (size_t o = 0; o < nformats; o++)
        if (o != fi)
            add_table(formats[o]->tables[0], 1 << o, order, n);
    for (int k = 1; k < 3; k++) {
        add_table(formats[fi]->tables[k], ~0, order, n);
        for (size_t o = 0; o < nformats; o++)
            if (formats[o]->tables[k] != formats[fi]->tables[k])
                add_table(formats[o]->tables[k], ~0, order, n);
    }
}

static int id_key_cmp(const void *a, const void *b)
{
    return strcmp(registry[*(const int *)a].key, registry[*(const int *)b].key);
}

void tpl_compile(void)
{
    init_formats();
    built = true;
    collect_tables();
    for (int g = 0; g < ngrid_tables; g++)
        add_table(grid_tables[g], ~0, NULL, NULL);
    for (size_t f = 0; f < nformats; f++)
        build_order(f);
    build_grid();
    build_equations();
    for (size_t i = 0; i < registry_n; i++)
        by_key[i] = (int)i;
    qsort(by_key, registry_n, sizeof by_key[0], id_key_cmp);
}


size_t tpl_cell_total(void)
{
    ensure_registry();
    return registry_n;
}

const tpl_cell_info *tpl_cell(size_t id)
{
    ensure_registry();
    return id < registry_n ? &registry[id] : NULL;
}

int tpl_cell_at(const tpl_table *t, int row, int col)
{
    ensure_registry();
    return grid_at(t, row, col);
}

int tpl_cell_id(const char *table, const char *row, const char *col)
{
    ensure_registry();
    for (int g = 0; g < ngrid_tables; g++) {
        const tpl_table *t = grid_tables[g];
        if (strcmp(t->id, table) != 0)
            continue;
        int r = tpl_row_index(t, row);
        if (r < 0)
            continue;
        int c = tpl_col_index(tpl_row_block(t, r), col);
        if (c >= 0)
            return grid[g][r][c];
    }
    return -1;
}

const tpl_equation *tpl_equations(size_t *n)
{
    ensure_registry();
    *n = equations_n;
    return equations;
}

const int *tpl_cell_order(xxgk_format f, size_t *n)
{
    ensure_registry();
    int i = format_index(f);
    if (i < 0)
        i = (int)nformats - 1;
    *n = orders_n[i];
    return orders[i];
}

void key_iter_init(key_iter *it, const char *list)
{
    it->p = list;
    it->key[0] = '\0';
}

bool key_iter_next(key_iter *it)
{
    while (*it->p == ' ')
        it->p++;
    if (!*it->p)
        return false;
    size_t n = 0;
    while (it->p[n] && it->p[n] != ' ')
        n++;
    tpl_need(n < sizeof it->key, "the length of a key in a list");
    memcpy(it->key, it->p, n);
    it->key[n] = '\0';
    it->p += n;
    return true;
}

int tpl_row_index(const tpl_table *t, const char *key)
{
    for (int r = 0; r < t->nrows; r++)
        if (t->rows[r].key && strcmp(t->rows[r].key, key) == 0)
            return r;
    return -1;
}

int tpl_col_index(const tpl_block *b, const char *key)
{
    for (int c = 0; c < b->ncols; c++)
        if (strcmp(b->cols[c].key, key) == 0)
            return c;
    return -1;
}

/* ---- public registry API ------------------------------------------ */

size_t xxgk_cell_count(void)
{
    return tpl_cell_total();
}

const char *xxgk_cell_key(size_t id)
{
    const tpl_cell_info *c = tpl_cell(id);
    return c ? c->key : NULL;
}

int xxgk_cell_find(const char *key)
{
    ensure_registry();
    if (!key)
        return -1;
    size_t lo = 0, hi = registry_n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(registry[by_key[mid]].key, key);
        if (c == 0)
            return by_key[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

bool xxgk_format_has_cell(xxgk_format format, size_t id)
{
    const tpl_cell_info *c = tpl_cell(id);
    return c && (c->formats & format_mask(format));
}

const char *xxgk_cell_row_label(size_t id)
{
    const tpl_cell_info *c = tpl_cell(id);
    return c ? c->table->rows[c->row].label : NULL;
}

const char *xxgk_cell_column_label(size_t id)
{
    const tpl_cell_info *c = tpl_cell(id);
    return c ? tpl_row_block(c->table, c->row)->cols[c->col].label : NULL;
}
