/*
 * store_years.h — the rules across years, applied inside the store: each
 * body's counted report of a year checked against its counted report of
 * the year before, the findings stored with the report's own (marked by
 * `finding.against`, the report compared with) and counted in its error,
 * warning and note totals (store_years.c).
 */
#ifndef XXGK_STORE_YEARS_H
#define XXGK_STORE_YEARS_H

#include "store.h"

typedef struct store_years {
    xxgk_store *s;
    sqlite3_stmt *counted;  /* the counted report of (body_key, year) */
    sqlite3_stmt *clear;    /* a report's findings across years, removed */
    sqlite3_stmt *last_seq; /* the highest seq of a report's own findings */
    sqlite3_stmt *put;      /* one finding across years */
    sqlite3_stmt *recount;  /* errors, warnings, notes from `finding` */
    sqlite3_stmt *load;     /* store_load_model's cache */
} store_years;

int store_years_init(store_years *y, xxgk_store *s);
void store_years_free(store_years *y);

/* Re-derives the findings across years of the counted report of body
 * `key` for `year` (if there is one and it was checked) against the
 * body's counted report of year − 1 (if there is one): the old ones go,
 * the new ones are stored and counted. Runs inside the caller's
 * transaction. Returns an SQLite code. */
int store_years_recheck(store_years *y, const char *key, int year);

#endif
