/*
 * store_fixture.h — what the store tests share: a temporary directory
 * per test, files written into it, a store opened there, and the hand-
 * written expectations of the samples (tests/golden/samples, the .cells files).
 * Header-only: each test program includes it once.
 */
#ifndef XXGK_TEST_STORE_FIXTURE_H
#define XXGK_TEST_STORE_FIXTURE_H

#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "xxgk.h"

static const char *const samples[] = {
    "000_1500d81ea7d6f017", "001_cbab459871fbb742", "002_5008492d97724081",
    "003_67fd554f9e32afcc", "004_713aac75e110bc97"};
enum { NSAMPLES = 5 };

typedef struct fixture {
    char dir[64];
    char db[128];
    xxgk_store *store;
} fixture;

static inline int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* A new temporary directory with an empty store t.db in it. */
static inline void fixture_open(fixture *f)
{
    snprintf(f->dir, sizeof f->dir, "/tmp/xxgk-store-test-XXXXXX");
    if (!mkdtemp(f->dir)) {
        perror("mkdtemp");
        exit(2);
    }
    snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
    xxgk_error err = {0};
    f->store = NULL;
    if (xxgk_store_open(f->db, false, &f->store, &err) != XXGK_OK) {
        fprintf(stderr, "store open: %s\n", err.message);
        exit(2);
    }
}

static inline void fixture_close(fixture *f)
{
    xxgk_store_close(f->store);
    f->store = NULL;
    nftw(f->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Writes text to dir/name; returns the path (static buffer rotation). */
static inline const char *fixture_write(const fixture *f, const char *name, const char *text)
{
    static char paths[8][256];
    static int next;
    char *path = paths[next++ % 8];
    snprintf(path, 256, "%s/%s", f->dir, name);
    FILE *out = fopen(path, "w");
    if (!out || fputs(text, out) < 0 || fclose(out) != 0) {
        perror(path);
        exit(2);
    }
    return path;
}

static inline const char *sample_path(int i)
{
    static char path[8][512];
    snprintf(path[i % 8], sizeof path[0], "%s/examples/%s.txt", SOURCE_DIR, samples[i]);
    return path[i % 8];
}

/* Imports paths; CHECKs the call itself succeeds. */
static inline xxgk_import_summary fixture_import(fixture *f, const char *const *paths, size_t n)
{
    xxgk_import_options opt = {2, true, NULL, NULL};
    xxgk_import_summary sum = {0};
    xxgk_error err = {0};
    xxgk_status st = xxgk_store_import(f->store, paths, n, &opt, &sum, &err);
    if (st != XXGK_OK)
        fprintf(stderr, "import: %s\n", err.message);
    CHECK_INT(st, XXGK_OK);
    return sum;
}

static inline void import_samples(fixture *f)
{
    const char *paths[NSAMPLES];
    for (int i = 0; i < NSAMPLES; i++)
        paths[i] = sample_path(i);
    fixture_import(f, paths, NSAMPLES);
}

/* The single value of a one-row, one-column query, as text ("" for
 * NULL or no row), up to QUERY1_MAX bytes. */
#define QUERY1_MAX 16384
static inline int first_value(void *ctx, size_t row, int ncols, const char *const *names,
                       const char *const *values)
{
    (void)names;
    if (row == 1 && ncols > 0)
        snprintf(ctx, QUERY1_MAX, "%s", values[0] ? values[0] : "");
    return row >= 1;
}

static inline const char *query1(fixture *f, const char *sql)
{
    static char value[QUERY1_MAX];
    value[0] = '\0';
    xxgk_error err = {0};
    if (xxgk_store_query(f->store, sql, first_value, value, &err) != XXGK_OK)
        fprintf(stderr, "query %s: %s\n", sql, err.message);
    return value;
}

/* ---- expectations from the golden files --------------------------- */

/* A cell as a golden .cells file states it: absent, blank, or a
 * decimal (units / 10^scale). */
typedef struct golden_cell {
    int kind; /* XXGK_VALUE_* */
    long long units;
    int scale;
} golden_cell;

static inline void golden_parse_value(const char *text, golden_cell *g)
{
    if (!*text) {
        g->kind = XXGK_VALUE_BLANK;
        return;
    }
    g->kind = XXGK_VALUE_NUMBER;
    g->units = 0;
    g->scale = -1;
    bool neg = *text == '-';
    for (const char *p = text + neg; *p; p++) {
        if (*p == '.') {
            g->scale = 0;
            continue;
        }
        g->units = g->units * 10 + (*p - '0');
        if (g->scale >= 0)
            g->scale++;
    }
    if (g->scale < 0)
        g->scale = 0;
    if (neg)
        g->units = -g->units;
}

/* Reads the golden cells of sample i into cells[] (by cell id). */
static inline void golden_read(int i, golden_cell *cells)
{
    char path[512], line[1024];
    snprintf(path, sizeof path, "%s/tests/golden/samples/%s.cells", SOURCE_DIR, samples[i]);
    FILE *in = fopen(path, "r");
    memset(cells, 0, sizeof(golden_cell) * xxgk_cell_count());
    while (in && fgets(line, sizeof line, in)) {
        line[strcspn(line, "\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab || !strncmp(line, "meta.", 5))
            continue;
        *tab = '\0';
        int id = xxgk_cell_find(line);
        if (id >= 0)
            golden_parse_value(tab + 1, &cells[id]);
    }
    if (in)
        fclose(in);
}

/* acc += v, exactly (scales aligned). */
static inline void golden_add(golden_cell *acc, const golden_cell *v)
{
    golden_cell x = *v;
    while (acc->scale < x.scale) {
        acc->units *= 10;
        acc->scale++;
    }
    while (x.scale < acc->scale) {
        x.units *= 10;
        x.scale++;
    }
    acc->units += x.units;
}

/* The value as text, trailing zeros dropped ("6.50" → "6.5"). */
static inline const char *golden_text(const golden_cell *g, char *buf, size_t size)
{
    xxgk_decimal d = {g->units, (uint8_t)g->scale};
    return xxgk_decimal_format(d, buf, size);
}

#endif
