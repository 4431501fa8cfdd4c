/*
 * store_similar.h — copied text among stored reports (store_similar.c):
 * the share of a counted report's sentences found in its body's counted
 * report of the year before, and in other bodies' counted reports of the
 * same year, from the sentence index (`sentence`, `sentence_set`).
 *
 * Two ways to the same numbers: one report at a time, a few index
 * lookups per sentence (the status of a county's bodies), or a whole
 * year in one pass over the year's part of the index (`db similar`),
 * which also finds the body a report shares most with.
 */
#ifndef XXGK_STORE_SIMILAR_H
#define XXGK_STORE_SIMILAR_H

#include "store.h"

typedef struct store_copy {
    size_t sentences;  /* 0 when none are stored */
    double previous;   /* -1 when there is no report of the year before */
    double others;     /* -1 when no sentences are stored */
} store_copy;

typedef struct store_probe {
    xxgk_store *s;
    sqlite3_stmt *set;       /* a report's hashed sentences */
    sqlite3_stmt *previous;  /* the counted report of (key, year − 1) */
    sqlite3_stmt *elsewhere; /* a hash in another body's counted report */
} store_probe;

int store_probe_init(store_probe *p, xxgk_store *s);
void store_probe_free(store_probe *p);

/* The shares for counted report `id` of body `key` (NULL: unknown body)
 * and `year`. An SQLite code. */
int store_probe_report(store_probe *p, int64_t id, const char *key, int year, store_copy *out);

#endif
