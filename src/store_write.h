/*
 * store_write.h — storing one parsed report: its row in `report`, its
 * cells, its findings, in one transaction (store_write.c).
 */
#ifndef XXGK_STORE_WRITE_H
#define XXGK_STORE_WRITE_H

#include "store.h"

typedef struct store_writer {
    xxgk_store *s;
    sqlite3_stmt *find_hash;     /* id, current, path of a content hash */
    sqlite3_stmt *last_version;  /* highest version of a path */
    sqlite3_stmt *retire;        /* current = 0 for a path */
    sqlite3_stmt *revive;        /* current = 1 for an id */
    sqlite3_stmt *others;        /* current versions of a path but one */
    sqlite3_stmt *put_report, *put_cells, *put_finding;
} store_writer;

xxgk_status store_writer_init(store_writer *w, xxgk_store *s, xxgk_error *err);
void store_writer_free(store_writer *w);

/* What the store already knows of a content hash: 0 when nothing; else
 * *id, whether it is the current version of its path, and its number of
 * error findings (-1 when it was stored unchecked). */
int store_writer_lookup(store_writer *w, const char *sha, int64_t *id, bool *current,
                        int *errors);

/* The file at `path` holds the content of stored report `id` (current
 * or not, as store_writer_lookup said): that report becomes current, and
 * any other current version of `path` is retired (a file changed back to
 * content imported before, or into a copy of another file). *changed
 * tells whether anything changed; nothing is written when nothing has to. */
xxgk_status store_writer_adopt(store_writer *w, int64_t id, bool current, const char *path,
                               bool *changed, xxgk_error *err);

/* Stores report r, read from `path` (canonical) whose bytes hash to
 * `sha`, as the newest version of that path, in one transaction. When
 * `checked`, its findings are stored and counted. *id receives the new
 * report's id, *versioned whether the path had a version before. */
xxgk_status store_writer_put(store_writer *w, const char *path, const char *sha, size_t size,
                             const xxgk_report *r, bool checked, int64_t *id, bool *versioned,
                             xxgk_error *err);

#endif
