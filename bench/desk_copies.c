/*
 * desk_copies.c — the sentences of the desk benchmark's copied reports
 * (bench/desk.sh): after the store's rows are copied in SQL, each copy x
 * (1 … COPIES) of report id gets id + x * MAX and a sentence set made
 * from the original's, nine in ten of its sentences made its own (their
 * hashes moved by x), so that sentences are shared about as much as in
 * real reports. The sets stay sorted and each hash once, as import
 * stores them.
 *   desk_copies DB MAX COPIES
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sentences.h"

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: desk_copies DB MAX COPIES\n");
        return 2;
    }
    sqlite3 *db;
    long long max = atoll(argv[2]);
    int copies = atoi(argv[3]);
    if (sqlite3_open(argv[1], &db) != SQLITE_OK)
        return 1;
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *get, *put;
    sqlite3_prepare_v2(db, "SELECT report_id, hashes FROM sentence_set WHERE report_id <= ?1", -1,
                       &get, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO sentence_set VALUES(?1, ?2, ?3)", -1, &put, NULL);
    sqlite3_bind_int64(get, 1, max);
    uint64_t *h = NULL;
    uint8_t *blob = NULL;
    size_t cap = 0;
    while (sqlite3_step(get) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(get, 0);
        const uint8_t *b = sqlite3_column_blob(get, 1);
        size_t n = (size_t)sqlite3_column_bytes(get, 1) / 8;
        if (n > cap) {
            cap = n * 2;
            h = realloc(h, cap * sizeof *h);
            blob = realloc(blob, cap * 8);
        }
        for (int x = 1; x <= copies; x++) {
            for (size_t i = 0; i < n; i++) {
                uint64_t v = 0;
                for (int k = 7; k >= 0; k--)
                    v = v << 8 | b[i * 8 + (size_t)k];
                h[i] = v % 10 == 0 ? v : (v + (uint64_t)x * 1000003) & SENTENCE_HASH_MASK;
            }
            qsort(h, n, sizeof *h, cmp_u64);
            size_t m = 0;
            for (size_t i = 0; i < n; i++)
                if (m == 0 || h[i] != h[m - 1])
                    h[m++] = h[i];
            for (size_t i = 0; i < m; i++)
                for (int k = 0; k < 8; k++)
                    blob[i * 8 + (size_t)k] = (uint8_t)(h[i] >> (8 * k));
            sqlite3_bind_int64(put, 1, id + x * max);
            sqlite3_bind_int64(put, 2, (sqlite3_int64)m);
            sqlite3_bind_blob(put, 3, blob, (int)(m * 8), SQLITE_STATIC);
            if (sqlite3_step(put) != SQLITE_DONE) {
                fprintf(stderr, "desk_copies: %s\n", sqlite3_errmsg(db));
                return 1;
            }
            sqlite3_reset(put);
        }
    }
    sqlite3_finalize(get);
    sqlite3_finalize(put);
    int rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(db);
    free(h);
    free(blob);
    return rc == SQLITE_OK ? 0 : 1;
}
