/*
 * store_similar.c — copied text among the counted reports of a year (see
 * store_similar.h): per report by lookups in the year's sentences sorted
 * by hash (store_year_index.h), or for the whole year in one pass over
 * them in that order.
 *
 * A sentence of report R counts as found elsewhere when a counted report
 * of the same year by another body (or of unknown body) has a sentence
 * of the same hash; found last year when the counted report of R's body
 * for the year before has it. Both ways use these definitions; a test
 * holds them to the same numbers.
 */
#include "store_similar.h"

#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "sentences.h"
#include "store_year_index.h"

static double share(size_t part, size_t whole)
{
    return whole ? (double)part / (double)whole : -1;
}

/* ---- one report at a time ---------------------------------------------- */

int store_probe_init(store_probe *p, xxgk_store *s)
{
    memset(p, 0, sizeof *p);
    p->s = s;
    int rc = sqlite3_prepare_v3(s->db, "SELECT hashes FROM sentence_set WHERE report_id = ?1", -1,
                                SQLITE_PREPARE_PERSISTENT, &p->set, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v3(s->db,
                                "SELECT id FROM report WHERE body_key = ?1 AND year = ?2"
                                " AND current = 1 AND superseded_by IS NULL LIMIT 1",
                                -1, SQLITE_PREPARE_PERSISTENT, &p->previous, NULL);
    if (rc != SQLITE_OK)
        store_probe_free(p);
    return rc;
}

void store_probe_free(store_probe *p)
{
    sqlite3_finalize(p->set);
    sqlite3_finalize(p->previous);
    if (p->index) {
        year_index_free(p->index);
        free(p->index);
    }
    memset(p, 0, sizeof *p);
}

/* The hashes of report id; found false when it has none stored. */
static int load_set(store_probe *p, int64_t id, hash_set *out, bool *found)
{
    sqlite3_bind_int64(p->set, 1, id);
    int rc = sqlite3_step(p->set);
    *found = rc == SQLITE_ROW;
    out->v = NULL;
    out->n = 0;
    if (*found &&
        !hash_set_decode(sqlite3_column_blob(p->set, 0), sqlite3_column_bytes(p->set, 0), out))
        rc = SQLITE_NOMEM;
    sqlite3_reset(p->set);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Whether another body's (or an unknown body's) counted report of the
 * year than report `id` has a sentence of hash h; the year's index is
 * made the first time a year is asked about. */
static bool found_elsewhere(const year_index *yi, int64_t id, const char *key, uint64_t h)
{
    for (size_t k = year_index_lower(yi, h); k < yi->nhashes && yi->hashes[k].hash == h; k++) {
        const year_report *r = &yi->v[yi->hashes[k].at];
        if (r->id != id && (!key || !r->key || strcmp(r->key, key) != 0))
            return true;
    }
    return false;
}

/* The year's index, made when a year is first asked about. */
static int probe_year(store_probe *p, int year)
{
    if (p->index && p->index->year == year)
        return SQLITE_OK;
    if (!p->index && !(p->index = calloc(1, sizeof *p->index)))
        return SQLITE_NOMEM;
    year_index_free(p->index);
    int rc = year_index_load(p->s, year, p->index);
    if (rc != SQLITE_OK)
        year_index_free(p->index);
    return rc;
}

int store_probe_report(store_probe *p, int64_t id, const char *key, int year, store_copy *out)
{
    *out = (store_copy){0, -1, -1};
    hash_set mine, theirs = {NULL, 0};
    bool found;
    int rc = load_set(p, id, &mine, &found);
    if (rc != SQLITE_OK || !found || !mine.n) {
        free(mine.v);
        return rc;
    }
    if ((rc = probe_year(p, year)) != SQLITE_OK) {
        free(mine.v);
        return rc;
    }
    out->sentences = mine.n;
    size_t elsewhere = 0;
    for (size_t i = 0; i < mine.n; i++)
        elsewhere += found_elsewhere(p->index, id, key, mine.v[i]);
    out->others = share(elsewhere, mine.n);
    int64_t prev = 0;
    if (key) {
        sqlite3_bind_text(p->previous, 1, key, -1, SQLITE_STATIC);
        sqlite3_bind_int(p->previous, 2, year - 1);
        if (sqlite3_step(p->previous) == SQLITE_ROW)
            prev = sqlite3_column_int64(p->previous, 0);
        sqlite3_reset(p->previous);
    }
    if (prev && (rc = load_set(p, prev, &theirs, &found)) == SQLITE_OK && found)
        out->previous = share(sentences_shared(mine.v, mine.n, theirs.v, theirs.n), mine.n);
    free(mine.v);
    free(theirs.v);
    return rc;
}

/* ---- a whole year ---------------------------------------------------------- */

/* The whole year is one year_index (store_year_index.h): its reports
 * carry the pass's counts. */
typedef year_index year_pass;

/* Shares with the year before: each key's counted report of year − 1. */
static int previous_year(xxgk_store *s, int year, year_pass *y)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT ss.hashes FROM report r JOIN sentence_set ss"
                                " ON ss.report_id = r.id WHERE r.body_key = ?1 AND r.year = ?2"
                                " AND r.current = 1 AND r.superseded_by IS NULL LIMIT 1",
                                -1, &st, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < y->n; i++) {
        year_report *r = &y->v[i];
        if (!r->key || !r->hashes.n)
            continue;
        sqlite3_bind_text(st, 1, r->key, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 2, year - 1);
        if (sqlite3_step(st) == SQLITE_ROW) {
            hash_set prev;
            if (!hash_set_decode(sqlite3_column_blob(st, 0), sqlite3_column_bytes(st, 0), &prev))
                rc = SQLITE_NOMEM;
            else
                r->previous = share(sentences_shared(r->hashes.v, r->hashes.n, prev.v, prev.n),
                                    r->hashes.n);
            free(prev.v);
        }
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Counts of sentences two reports share, for groups small enough to be
 * telling (a sentence in every report says nothing of who copied whom). */
#define PAIR_GROUP_MAX 32

typedef struct pair_counts {
    uint64_t *keys; /* (a + 1) << 32 | (b + 1), 0 = empty */
    uint32_t *counts;
    size_t cap, used;
} pair_counts;

static bool pair_add(pair_counts *pc, uint32_t a, uint32_t b)
{
    if ((pc->used + 1) * 2 > pc->cap) {
        size_t cap = pc->cap ? pc->cap * 2 : 4096;
        uint64_t *keys = calloc(cap, sizeof *keys);
        uint32_t *counts = calloc(cap, sizeof *counts);
        if (!keys || !counts) {
            free(keys);
            free(counts);
            return false;
        }
        for (size_t i = 0; i < pc->cap; i++) {
            if (!pc->keys[i])
                continue;
            size_t k = (size_t)((pc->keys[i] * 0x9E3779B97F4A7C15ULL) >> 20) & (cap - 1);
            while (keys[k])
                k = (k + 1) & (cap - 1);
            keys[k] = pc->keys[i];
            counts[k] = pc->counts[i];
        }
        free(pc->keys);
        free(pc->counts);
        pc->keys = keys;
        pc->counts = counts;
        pc->cap = cap;
    }
    uint64_t key = ((uint64_t)a + 1) << 32 | ((uint64_t)b + 1);
    size_t k = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 20) & (pc->cap - 1);
    while (pc->keys[k] && pc->keys[k] != key)
        k = (k + 1) & (pc->cap - 1);
    if (!pc->keys[k]) {
        pc->keys[k] = key;
        pc->used++;
    }
    pc->counts[k]++;
    return true;
}

/* Whether two reports are by different bodies (unknown ones differ). */
static bool different(const year_report *a, const year_report *b)
{
    return !a->key || !b->key || strcmp(a->key, b->key) != 0;
}

/* One hash's reports (indexes into y): each gets a sentence found
 * elsewhere when another body has it; small groups count pairs. */
static bool close_group(year_pass *y, const size_t *members, size_t n, pair_counts *pc)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < n; k++)
            if (k != i && different(&y->v[members[i]], &y->v[members[k]])) {
                y->v[members[i]].elsewhere++;
                break;
            }
    if (n > PAIR_GROUP_MAX)
        return true;
    for (size_t i = 0; i < n; i++)
        for (size_t k = i + 1; k < n; k++)
            if (different(&y->v[members[i]], &y->v[members[k]]) &&
                !pair_add(pc, (uint32_t)members[i], (uint32_t)members[k]))
                return false;
    return true;
}

/* One pass over the year's sentences in hash order (each hash's reports
 * in id order, as the index on disk used to give them). */
static int scan_year(year_pass *y, pair_counts *pc)
{
    size_t *members = NULL, n = 0, cap = 0;
    bool ok = true;
    for (size_t k = 0; ok && k < y->nhashes; k++) {
        if (k > 0 && y->hashes[k].hash != y->hashes[k - 1].hash) {
            ok = close_group(y, members, n, pc);
            n = 0;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            size_t *v = realloc(members, cap * sizeof *v);
            if (!v) {
                ok = false;
                break;
            }
            members = v;
        }
        members[n++] = y->hashes[k].at;
    }
    if (ok)
        ok = close_group(y, members, n, pc);
    free(members);
    return ok ? SQLITE_OK : SQLITE_NOMEM;
}

/* Each report's partner with the most shared sentences. */
static void best_pairs(year_pass *y, const pair_counts *pc)
{
    for (size_t i = 0; i < pc->cap; i++) {
        if (!pc->keys[i])
            continue;
        size_t a = (size_t)(pc->keys[i] >> 32) - 1, b = (size_t)(pc->keys[i] & 0xFFFFFFFFu) - 1;
        size_t c = pc->counts[i];
        year_report *ra = &y->v[a], *rb = &y->v[b];
        if (c > ra->best_shared || (c == ra->best_shared && ra->best >= 0 && (int64_t)b < ra->best)) {
            ra->best_shared = c;
            ra->best = (int64_t)b;
        }
        if (c > rb->best_shared || (c == rb->best_shared && rb->best >= 0 && (int64_t)a < rb->best)) {
            rb->best_shared = c;
            rb->best = (int64_t)a;
        }
    }
}

/* The ids the filter selects (sorted), for narrowing the rows listed. */
static int selected_ids(xxgk_store *s, const xxgk_store_filter *f, int64_t **ids, size_t *n,
                        xxgk_error *err)
{
    sqlite3_stmt *st = store_select(s, f, "report.id", NULL, "ORDER BY report.id", err);
    if (!st)
        return -1;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 1024;
            int64_t *v = realloc(*ids, cap * sizeof *v);
            if (!v) {
                store_done(s, st);
                error_set(err, XXGK_E_NOMEM, "内存不足");
                return -1;
            }
            *ids = v;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    store_done(s, st);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, "读取数据库失败");
        return -1;
    }
    return 0;
}

static bool has_id(const int64_t *ids, size_t n, int64_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && ids[lo] == id;
}

static double copied(const xxgk_similar *x)
{
    return x->previous > x->others ? x->previous : x->others;
}

static int most_copied(const void *a, const void *b)
{
    const xxgk_similar *x = a, *y = b;
    double cx = copied(x), cy = copied(y);
    if (cx != cy)
        return cx < cy ? 1 : -1;
    int c = strcmp(x->body ? x->body : "", y->body ? y->body : "");
    return c ? c : (x->report_id > y->report_id) - (x->report_id < y->report_id);
}

/* The rows for the reports the filter kept. */
static xxgk_status make_rows(const year_pass *y, const int64_t *ids, size_t nids,
                             xxgk_similar **out, size_t *n, xxgk_error *err)
{
    xxgk_similar *rows = calloc(y->n ? y->n : 1, sizeof *rows);
    if (!rows)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    size_t k = 0;
    bool ok = true;
    for (size_t i = 0; i < y->n && ok; i++) {
        const year_report *r = &y->v[i];
        if (!has_id(ids, nids, r->id))
            continue;
        xxgk_similar *x = &rows[k++];
        x->report_id = r->id;
        x->body = strdup(r->body);
        x->sentences = r->hashes.n;
        x->previous = r->hashes.n ? r->previous : -1;
        x->others = r->has_set && r->hashes.n ? share(r->elsewhere, r->hashes.n) : -1;
        x->closest = r->best >= 0 ? strdup(y->v[r->best].body) : NULL;
        x->closest_shared = r->best >= 0 ? r->best_shared : 0;
        ok = x->body && (r->best < 0 || x->closest);
    }
    if (!ok) {
        xxgk_similar_free(rows, k);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    if (k)
        qsort(rows, k, sizeof *rows, most_copied);
    *out = rows;
    *n = k;
    return XXGK_OK;
}

xxgk_status xxgk_store_similar(xxgk_store *s, const xxgk_store_filter *f, xxgk_similar **out,
                               size_t *n, xxgk_error *err)
{
    xxgk_error local;
    if (!err)
        err = &local;
    *out = NULL;
    *n = 0;
    if (!f || f->year < 2019)
        return error_set(err, XXGK_E_USAGE, "需要指定 2019 年或以后的年度");
    int64_t *ids = NULL;
    size_t nids = 0;
    if (selected_ids(s, f, &ids, &nids, err) != 0) {
        free(ids);
        return err->status;
    }
    year_pass y;
    pair_counts pc = {0};
    int rc = year_index_load(s, f->year, &y);
    if (rc == SQLITE_OK)
        rc = previous_year(s, f->year, &y);
    if (rc == SQLITE_OK)
        rc = scan_year(&y, &pc);
    xxgk_status st = XXGK_OK;
    if (rc == SQLITE_NOMEM)
        st = error_set(err, XXGK_E_NOMEM, "内存不足");
    else if (rc != SQLITE_OK)
        st = store_fail(s, err, "读取数据库失败");
    if (st == XXGK_OK) {
        best_pairs(&y, &pc);
        st = make_rows(&y, ids, nids, out, n, err);
    }
    free(pc.keys);
    free(pc.counts);
    year_index_free(&y);
    free(ids);
    return st;
}

void xxgk_similar_free(xxgk_similar *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++) {
        free((char *)rows[i].body);
        free((char *)rows[i].closest);
    }
    free(rows);
}
