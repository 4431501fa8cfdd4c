/*
 * template.c — the cell registry and lookups built from template_data.c.
 *
 * The registry gives every key of every format a dense id. It is built
 * once, on first use, from the tables themselves, so adding a row to the
 * data adds its cells everywhere.
 */
#include "template.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* 22 + 10 (table 二) + 26 × 7 (三) + 3 × 5 (四) = 229 today. */
#define MAX_CELLS 320

static tpl_cell_info registry[MAX_CELLS];
static size_t registry_n;
static int order19[MAX_CELLS], order21[MAX_CELLS];
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

/* A hash index of the keys (id + 1 per slot, 0 = empty): the recogniser
 * and the checker look keys up for every cell of every report, and a
 * linear search made that a sixth of the time of `xxgk db import`. */
#define SLOTS 1024 /* a power of two, over 3 × MAX_CELLS */
static short slots[SLOTS];

static unsigned key_hash(const char *key)
{
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *key; key++)
        h = (h ^ (unsigned char)*key) * 16777619u;
    return h;
}

static int registry_find(const char *key)
{
    for (unsigned i = key_hash(key) & (SLOTS - 1); slots[i]; i = (i + 1) & (SLOTS - 1))
        if (strcmp(registry[slots[i] - 1].key, key) == 0)
            return slots[i] - 1;
    return -1;
}

static void registry_index(int id)
{
    unsigned i = key_hash(registry[id].key) & (SLOTS - 1);
    while (slots[i])
        i = (i + 1) & (SLOTS - 1);
    slots[i] = (short)(id + 1);
}

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
                registry_index(id);
            }
            if (id < 0)
                continue;
            registry[id].formats |= row->formats & t->formats;
            if (order) {
                int seen = 0;
                for (size_t k = 0; k < *order_n; k++)
                    if (order[k] == id)
                        seen = 1;
                if (!seen)
                    order[(*order_n)++] = id;
            }
        }
    }
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
    add_table(f21->tables[0], F2021, order19, &order19_n);
    add_table(f19->tables[1], FBOTH, order19, &order19_n);
    add_table(f19->tables[2], FBOTH, order19, &order19_n);
    add_table(f21->tables[0], F2021, order21, &order21_n);
    add_table(f19->tables[0], F2019, order21, &order21_n);
    add_table(f21->tables[1], FBOTH, order21, &order21_n);
    add_table(f21->tables[2], FBOTH, order21, &order21_n);
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

int tpl_cell_id(const char *table, const char *row, const char *col)
{
    char key[48];
    snprintf(key, sizeof key, "%s.%s.%s", table, row, col);
    ensure_registry();
    return registry_find(key);
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
    return key ? registry_find(key) : -1;
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
