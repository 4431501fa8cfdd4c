/*
 * store_write.h — storing one parsed report: its row in `report`, its
 * cells, its findings, in one transaction, or in one savepoint of a
 * transaction of several (store_write.c).
 */
#ifndef XXGK_STORE_WRITE_H
#define XXGK_STORE_WRITE_H

#include "store.h"
#include "store_group.h"

/* A report's hashed sentences (sentences.h), sorted, each once. */
typedef struct store_sentences {
    const uint64_t *v;
    size_t n;
} store_sentences;

typedef struct store_writer {
    xxgk_store *s;
    store_roster roster;         /* for the body key of each report */
    store_groups groups;         /* counted reports, findings across years */
    int64_t since;               /* the last current_since given */
    sqlite3_stmt *path_groups;   /* (body_key, year) of a path's current rows */
    sqlite3_stmt *id_group;      /* (body_key, year) of a report */
    sqlite3_stmt *has_set, *put_set;
    sqlite3_stmt *errors;        /* a report's stored error count */
    sqlite3_stmt *find_hash;     /* id, current, path of a content hash */
    sqlite3_stmt *last_version;  /* highest version of a path */
    sqlite3_stmt *retire;        /* current = 0 for a path */
    sqlite3_stmt *revive;        /* current = 1 for an id */
    sqlite3_stmt *others;        /* current versions of a path but one */
    sqlite3_stmt *put_report, *put_cells, *put_finding;
    bool batch;                  /* several reports a transaction */
    bool open;                   /* a batch's transaction is open */
    size_t batched;              /* reports written in it */
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
 * `sha`, as the newest version of that path, in one transaction: its
 * row (with its body key), cells, findings when `checked`, sentences;
 * then the counted report of its body and year is decided again, and
 * the rules across years re-applied (store_group.h). *id receives the
 * new report's id, *versioned whether the path had a version before. */
xxgk_status store_writer_put(store_writer *w, const char *path, const char *sha, size_t size,
                             const xxgk_report *r, bool checked, const store_sentences *sent,
                             int64_t *id, bool *versioned, xxgk_error *err);

/* From now on, what each call writes goes into one transaction with
 * the writes of the calls after it, each call's within a savepoint of
 * its own (whole or not at all, as before), until store_writer_commit:
 * a commit writes every page a transaction changed, and reports stored
 * one after another change many of the same pages (the ends of the
 * tables, their indexes, the counted reports of a body). */
void store_writer_batch(store_writer *w);

/* Commits the batch's transaction, if one is open. On failure nothing of
 * the batch is stored (and err says why). */
xxgk_status store_writer_commit(store_writer *w, xxgk_error *err);

/* The errors stored for report `id` (its own and those across years). */
int store_writer_errors(store_writer *w, int64_t id);

/* Stores the sentences of report `id` (year `year`) when it has none
 * stored yet (a report imported before schema version 2), in a
 * transaction of its own. */
xxgk_status store_writer_fill_sentences(store_writer *w, int64_t id, int year,
                                        const store_sentences *sent, xxgk_error *err);

/* Appends the cell keys of a finding, space-separated (finding.cells). */
void store_finding_cells(const xxgk_finding *f, sbuf *b);

#endif
