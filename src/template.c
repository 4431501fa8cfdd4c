/*
 * template.c — the cell registry and lookups built from template_data.c.
 *
 * The registry gives every key of every format a dense id. It is built
 * once, on first use, from the tables themselves, so adding a row to the
 * data adds its cells everywhere.
 */
#include "template.h"

#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* 22 + 10 (table 二) + 26 × 7 (三) + 3 × 5 (四) = 229 today. */
#define MAX_CELLS 320

static tpl_cell_info registry[MAX_CELLS];
static size_t registry_n;
static int by_key[MAX_CELLS]; /* ids sorted by key, for xxgk_cell_find */
static int order19[MAX_CELLS], order21[MAX_CELLS];
/* (table, row, column) → id for the four tables: table 二 of each format,
 * 三 and 四. */
#define MAX_ROWS 40
#define MAX_COLS 8
static const tpl_table *grid_tables[4];
static int grid[4][MAX_ROWS][MAX_COLS];
#define MAX_EQUATIONS 128
static tpl_equation equations[MAX_EQUATIONS];
static size_t equations_n;
static size_t order19_n, order21_n;
static pthread_once_t registry_once = PTHREAD_ONCE_INIT;

int format_mask(xxgk_format f)
{
    return f == XXGK_FORMAT_2019 ? F2019 : f == XXGK_FORMAT_2021 ? F2021 : 0;
}

xxgk_format format_other(xxgk_format f)
{
    return f == XXGK_FORMAT_2019 ? XXGK_FORMAT_2021 : XXGK_FORMAT_2019;
}

xxgk_format xxgk_format_for_year(int year)
{
    if (year >= 2021)
        return XXGK_FORMAT_2021;
    if (year >= 2019)
        return XXGK_FORMAT_2019;
    return XXGK_FORMAT_UNKNOWN;
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

/* Open-addressing hash of keys → ids, for building the registry in
 * linear time (it is built once per process, at first use). */
#define HASH_SLOTS 1024
static int hash_slot[HASH_SLOTS]; /* id + 1; 0 is empty */

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

/* Ids already in the order being built (cleared for each order). */
static bool in_order[MAX_CELLS];

/* Adds the cells of table t (those in formats `mask`) to the registry
 * and appends their ids to order[]. */
static void add_table(const tpl_table *t, int mask, int *order, size_t *order_n)
{
    for (int r = 0; r < t->nrows; r++) {
        const tpl_row *row = &t->rows[r];
        if (row->kind != ROW_DATA || !(row->formats & mask))
            continue;
        const tpl_block *b = tpl_row_block(t, r);
        for (int c = 0; c < b->ncols; c++) {
            char key[48];
            snprintf(key, sizeof key, "%s.%s.%s", t->id, row->key, b->cols[c].key);
            int id = registry_find(key);
            if (id < 0 && registry_n < MAX_CELLS) {
                id = (int)registry_n++;
                tpl_cell_info *info = &registry[id];
                memcpy(info->key, key, sizeof key);
                info->table = t;
                info->row = r;
                info->col = c;
                info->unit = b->cols[c].unit;
                registry_insert(id);
            }
            if (id < 0)
                continue;
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
    for (int i = 0; i < 4; i++)
        if (grid_tables[i] == t)
            return i;
    return -1;
}

static void build_grid(void)
{
    grid_tables[0] = tpl_get(XXGK_FORMAT_2019)->tables[0];
    grid_tables[1] = tpl_get(XXGK_FORMAT_2021)->tables[0];
    grid_tables[2] = tpl_get(XXGK_FORMAT_2021)->tables[1];
    grid_tables[3] = tpl_get(XXGK_FORMAT_2021)->tables[2];
    for (int g = 0; g < 4; g++) {
        const tpl_table *t = grid_tables[g];
        for (int r = 0; r < MAX_ROWS; r++)
            for (int c = 0; c < MAX_COLS; c++)
                grid[g][r][c] = -1;
        for (int r = 0; r < t->nrows && r < MAX_ROWS; r++) {
            if (t->rows[r].kind != ROW_DATA)
                continue;
            const tpl_block *b = tpl_row_block(t, r);
            for (int c = 0; c < b->ncols && c < MAX_COLS; c++) {
                char key[48];
                snprintf(key, sizeof key, "%s.%s.%s", t->id, t->rows[r].key, b->cols[c].key);
                grid[g][r][c] = registry_find(key);
            }
        }
    }
}

/* tpl_cell_at without the registry guard, for use while it is built
 * (pthread_once must not be re-entered). */
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
    if (equations_n >= MAX_EQUATIONS)
        return;
    tpl_equation *e = &equations[equations_n];
    memset(e, 0, sizeof *e);
    e->sum = sum;
    e->table = t;
    e->row = row;
    e->col = col;
    const char *lists[2] = {sum->lhs, sum->rhs};
    for (int side = 0; side < 2; side++) {
        int *ids = side ? e->rhs : e->lhs, *n = side ? &e->nrhs : &e->nlhs;
        int max = side ? 32 : 8;
        key_iter it;
        key_iter_init(&it, lists[side]);
        while (key_iter_next(&it) && *n < max) {
            int r = row >= 0 ? row : tpl_row_index(t, it.key);
            int c = col >= 0 ? col : tpl_col_index(tpl_row_block(t, r < 0 ? 0 : r), it.key);
            ids[(*n)++] = r < 0 || c < 0 ? -1 : grid_at(t, r, c);
        }
    }
    equations_n++;
}

static void build_equations(void)
{
    for (int g = 2; g < 4; g++) {
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

static int id_key_cmp(const void *a, const void *b)
{
    return strcmp(registry[*(const int *)a].key, registry[*(const int *)b].key);
}

static void build_registry(void)
{
    const tpl_format *f19 = tpl_get(XXGK_FORMAT_2019), *f21 = tpl_get(XXGK_FORMAT_2021);
    /* Registry ids: table 二 of 2019, then of 2021, then 三 and 四. */
    add_table(f19->tables[0], F2019, NULL, NULL);
    add_table(f21->tables[0], F2021, NULL, NULL);
    add_table(f19->tables[1], FBOTH, NULL, NULL);
    add_table(f19->tables[2], FBOTH, NULL, NULL);
    /* Output orders: the format's own table 二 first, then the other's
     * (cells a report printed from the wrong format), then 三 with every
     * row in its place, then 四. */
    add_table(f19->tables[0], F2019, order19, &order19_n);
    /* (in_order starts cleared; cleared again before the 2021 order) */
    add_table(f21->tables[0], F2021, order19, &order19_n);
    add_table(f19->tables[1], FBOTH, order19, &order19_n);
    add_table(f19->tables[2], FBOTH, order19, &order19_n);
    memset(in_order, 0, sizeof in_order);
    add_table(f21->tables[0], F2021, order21, &order21_n);
    add_table(f19->tables[0], F2019, order21, &order21_n);
    add_table(f21->tables[1], FBOTH, order21, &order21_n);
    add_table(f21->tables[2], FBOTH, order21, &order21_n);
    build_grid();
    build_equations();
    for (size_t i = 0; i < registry_n; i++)
        by_key[i] = (int)i;
    qsort(by_key, registry_n, sizeof by_key[0], id_key_cmp);
}

static void ensure_registry(void)
{
    pthread_once(&registry_once, build_registry);
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
    /* By name: the table's rows, then the row's columns. */
    for (int g = 0; g < 4; g++) {
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
    if (f == XXGK_FORMAT_2021) {
        *n = order21_n;
        return order21;
    }
    *n = order19_n;
    return order19;
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
    if (n >= sizeof it->key)
        n = sizeof it->key - 1;
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
