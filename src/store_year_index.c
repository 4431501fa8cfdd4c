/*
 * store_year_index.c — a year's counted reports and their sentences
 * sorted by hash (see store_year_index.h).
 *
 * The array holds what the `sentence` index (year, hash, report_id) held
 * for the year's counted reports, in the same order: by hash, then by
 * report id. At 30,000 reports of a year (a million sentences) it takes
 * about 16 MB and a tenth of a second to make; keeping it on disk
 * instead cost every import a random page write per sentence.
 */
#include "store_year_index.h"

#include "sentences.h"

#include <stdlib.h>
#include <string.h>

_Static_assert(SENTENCE_HASH_MASK < (UINT64_C(1) << 48), "sort_by_hash sorts 48 bits");

bool hash_set_decode(const void *blob, int bytes, hash_set *out)
{
    out->n = bytes > 0 ? (size_t)bytes / 8 : 0;
    out->v = malloc(out->n ? out->n * sizeof *out->v : 1);
    if (!out->v)
        return false;
    const uint8_t *b = blob;
    for (size_t i = 0; i < out->n; i++) {
        uint64_t x = 0;
        for (int k = 7; k >= 0; k--)
            x = x << 8 | b[i * 8 + (size_t)k];
        out->v[i] = x;
    }
    return true;
}

static const char *text_col(sqlite3_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st, col);
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* The counted reports of `year` with their sentences, by id. */
static int load_reports(xxgk_store *s, int year, year_index *y)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT r.id, r.body_key, r.body, ss.hashes, ss.report_id"
                                " FROM report r LEFT JOIN sentence_set ss ON ss.report_id = r.id"
                                " WHERE r.year = ?1 AND r.current = 1"
                                " AND r.superseded_by IS NULL ORDER BY r.id",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_int(st, 1, year);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (y->n == y->cap) {
            size_t cap = y->cap ? y->cap * 2 : 1024;
            year_report *v = realloc(y->v, cap * sizeof *v);
            if (!v) {
                rc = SQLITE_NOMEM;
                break;
            }
            y->v = v;
            y->cap = cap;
        }
        year_report *r = &y->v[y->n++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        r->key = dup_or_null(text_col(st, 1));
        r->body = strdup(text_col(st, 2) ? text_col(st, 2) : "");
        r->has_set = sqlite3_column_type(st, 4) != SQLITE_NULL;
        r->best = -1;
        r->previous = -1;
        if (!r->body || (text_col(st, 1) && !r->key) ||
            (r->has_set &&
             !hash_set_decode(sqlite3_column_blob(st, 3), sqlite3_column_bytes(st, 3),
                              &r->hashes))) {
            rc = SQLITE_NOMEM;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Sorts v[0..n) by hash, keeping entries of one hash in the order they
 * came (by report): a least-significant-digit radix sort, 16 bits at a
 * time over the 47 bits of a hash (SENTENCE_HASH_MASK), stable in each
 * pass. A million entries take a few hundredths of a second, against a
 * few tenths for qsort. False when out of memory. */
static bool sort_by_hash(year_hash *v, size_t n)
{
    year_hash *tmp = malloc(n ? n * sizeof *tmp : 1);
    size_t *count = malloc(65536 * sizeof *count);
    if (!tmp || !count) {
        free(tmp);
        free(count);
        return false;
    }
    year_hash *from = v, *to = tmp;
    for (int shift = 0; shift < 48; shift += 16) {
        memset(count, 0, 65536 * sizeof *count);
        for (size_t i = 0; i < n; i++)
            count[(from[i].hash >> shift) & 0xFFFF]++;
        size_t sum = 0;
        for (size_t d = 0; d < 65536; d++) {
            size_t c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            to[count[(from[i].hash >> shift) & 0xFFFF]++] = from[i];
        year_hash *t = from;
        from = to;
        to = t;
    }
    /* three passes: the result is in tmp */
    memcpy(v, from, n * sizeof *v);
    free(tmp);
    free(count);
    return true;
}

int year_index_load(xxgk_store *s, int year, year_index *yi)
{
    memset(yi, 0, sizeof *yi);
    yi->year = year;
    int rc = load_reports(s, year, yi);
    if (rc != SQLITE_OK)
        return rc;
    size_t total = 0;
    for (size_t i = 0; i < yi->n; i++)
        total += yi->v[i].hashes.n;
    if (yi->n > UINT32_MAX)
        return SQLITE_NOMEM;
    yi->hashes = malloc(total ? total * sizeof *yi->hashes : 1);
    if (!yi->hashes)
        return SQLITE_NOMEM;
    for (size_t i = 0; i < yi->n; i++)
        for (size_t k = 0; k < yi->v[i].hashes.n; k++)
            yi->hashes[yi->nhashes++] = (year_hash){yi->v[i].hashes.v[k], (uint32_t)i};
    return sort_by_hash(yi->hashes, yi->nhashes) ? SQLITE_OK : SQLITE_NOMEM;
}

void year_index_free(year_index *yi)
{
    for (size_t i = 0; i < yi->n; i++) {
        free(yi->v[i].key);
        free(yi->v[i].body);
        free(yi->v[i].hashes.v);
    }
    free(yi->v);
    free(yi->hashes);
    memset(yi, 0, sizeof *yi);
}

size_t year_index_lower(const year_index *yi, uint64_t h)
{
    size_t lo = 0, hi = yi->nhashes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (yi->hashes[mid].hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t year_index_find(const year_index *yi, int64_t id)
{
    size_t lo = 0, hi = yi->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (yi->v[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < yi->n && yi->v[lo].id == id ? lo : (size_t)-1;
}
