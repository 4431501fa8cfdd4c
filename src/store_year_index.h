/*
 * store_year_index.h — the counted reports of a year and all their hashed
 * sentences in one array sorted by hash (store_year_index.c): what copied
 * text is measured with (store_similar.c), made from `sentence_set` when
 * asked instead of being kept as an index on disk.
 */
#ifndef XXGK_STORE_YEAR_INDEX_H
#define XXGK_STORE_YEAR_INDEX_H

#include "store.h"

/* A report's sentence hashes, sorted, each once. */
typedef struct hash_set {
    uint64_t *v;
    size_t n;
} hash_set;

/* The hashes stored in a sentence_set blob (8 bytes each, little-endian),
 * malloc'd; false when out of memory. */
bool hash_set_decode(const void *blob, int bytes, hash_set *out);

/* One counted report of the year; the last four fields are the whole
 * year's pass's (store_similar.c). */
typedef struct year_report {
    int64_t id;
    char *key, *body;
    hash_set hashes;
    bool has_set;
    size_t elsewhere;
    int64_t best;          /* index of the report shared most with, -1 */
    size_t best_shared;
    double previous;
} year_report;

/* A sentence of the year: its hash and its report (index into v). */
typedef struct year_hash {
    uint64_t hash;
    uint32_t at;
} year_hash;

typedef struct year_index {
    int year;
    year_report *v;        /* the counted reports, by id */
    size_t n, cap;
    year_hash *hashes;     /* by hash, then by report (id order) */
    size_t nhashes;
} year_index;

/* The counted reports of `year` (current, not superseded) and their
 * sentences. An SQLite code; *yi is freed with year_index_free whatever
 * it returns. */
int year_index_load(xxgk_store *s, int year, year_index *yi);
void year_index_free(year_index *yi);

/* The first entry of yi->hashes with hash h or above (nhashes when none). */
size_t year_index_lower(const year_index *yi, uint64_t h);

/* The index in yi->v of report `id`, or (size_t)-1. */
size_t year_index_find(const year_index *yi, int64_t id);

#endif
