/*
 * store_similar.h — copied text among stored reports (store_similar.c):
 * the share of a counted report's sentences found in its body's counted
 * report of the year before, and in other bodies' counted reports of the
 * same year, from the reports' hashed sentences (`sentence_set`).
 *
 * Both ways read the year's counted reports and sort their sentences by
 * hash in memory (a million hashes take a tenth of a second): one report
 * at a time then looks each of its sentences up (the status of a
 * county's bodies), the whole year is one pass in hash order (`db
 * similar`), which also finds the body a report shares most with. No
 * index is kept on disk: importing a report writes its one row of
 * hashes, not a row per sentence on a random page of an index.
 */
#ifndef XXGK_STORE_SIMILAR_H
#define XXGK_STORE_SIMILAR_H

#include "store.h"

typedef struct store_copy {
    size_t sentences;  /* 0 when none are stored */
    double previous;   /* -1 when there is no report of the year before */
    double others;     /* -1 when no sentences are stored */
} store_copy;

typedef struct year_index year_index;

typedef struct store_probe {
    xxgk_store *s;
    sqlite3_stmt *set;       /* a report's hashed sentences */
    sqlite3_stmt *previous;  /* the counted report of (key, year − 1) */
    year_index *index;       /* the year asked about last, made when asked */
} store_probe;

int store_probe_init(store_probe *p, xxgk_store *s);
void store_probe_free(store_probe *p);

/* The shares for counted report `id` of body `key` (NULL: unknown body)
 * and `year`. An SQLite code. */
int store_probe_report(store_probe *p, int64_t id, const char *key, int year, store_copy *out);

#endif
