/*
 * store_group.h — which body a stored report belongs to, and which of a
 * body's reports for a year is counted (store_group.c).
 *
 * Every report row carries a body key: "b:<id>" when its body's name
 * matches exactly one body of the roster, else "n:<normal form of the
 * name>" (body_name.h), NULL when the report names no body. The reports
 * of one key and year form a group; of its current rows (newest version
 * of their file) the one made current last is counted, the others get
 * `superseded_by` = the counted one. Whenever a group changes, the rules
 * across years are applied again to it and to the year after.
 */
#ifndef XXGK_STORE_GROUP_H
#define XXGK_STORE_GROUP_H

#include "body_name.h"
#include "store.h"
#include "store_years.h"

/* The roster as an index of names and aliases. */
typedef struct store_roster {
    body_index *ix;  /* body numbers are positions in ids/names */
    int64_t *ids;
    char **names;
    size_t n;
} store_roster;

/* Loads the roster (table `body`). Returns an SQLite code. */
int store_roster_load(xxgk_store *s, store_roster *r);
void store_roster_free(store_roster *r);

/* The roster bodies `name` fits: up to cap positions into out; returns
 * how many fit. */
size_t store_roster_match(const store_roster *r, const char *name, int *out, size_t cap);

/* The body key for a report naming `body` (malloc'd; NULL when it names
 * none, or out of memory: *match tells the two apart, NONE with no name).
 * *match: how the name fits the roster (NONE without a roster). */
char *store_body_key(const store_roster *r, const char *body, xxgk_match *match);

typedef struct store_groups {
    xxgk_store *s;
    sqlite3_stmt *top;   /* the current row of a group made current last */
    sqlite3_stmt *mark;  /* superseded_by for the group's current rows */
    store_years years;
} store_groups;

int store_groups_init(store_groups *g, xxgk_store *s);
void store_groups_free(store_groups *g);

/* Decides the counted report of group (key, year) again and re-applies
 * the rules across years to it and to (key, year + 1). Nothing for a NULL
 * key or an unknown year. Inside the caller's transaction; an SQLite
 * code. */
int store_groups_update(store_groups *g, const char *key, int year);

/* A group touched by a change, to update once the change is written. */
typedef struct store_group_ref {
    char *key;
    int year;
} store_group_ref;

typedef struct store_group_list {
    store_group_ref *v;
    size_t n, cap;
} store_group_list;

/* Adds (key, year) unless key is NULL or a short list has it already
 * (long lists come from SELECT DISTINCT; a repeat would only update a
 * group twice). False when out of memory. */
bool store_group_list_add(store_group_list *l, const char *key, int year);
/* Updates every group of the list (store_groups_update); SQLite code. */
int store_group_list_update(store_groups *g, const store_group_list *l);
void store_group_list_free(store_group_list *l);

#endif
