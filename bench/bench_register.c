/* bench_register.c — the register's reads at scale, in process (no
 * process start-up): xxgk_register_due over every open case and
 * xxgk_register_tables for every body and year. The best of a few
 * rounds is kept (the machine is shared).
 *
 *   bench_register DB [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xxgk.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The bodies of the register (for the tables), via its list. */
typedef struct bodies {
    char names[64][128];
    int n;
    size_t cases;
} bodies;

static int note_body(void *ctx, const xxgk_case *c)
{
    bodies *b = ctx;
    const char *name = xxgk_case_info_of(c)->body;
    b->cases++;
    for (int i = 0; i < b->n; i++)
        if (!strcmp(b->names[i], name))
            return 0;
    if (b->n < 64)
        snprintf(b->names[b->n++], 128, "%s", name);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_register DB [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    xxgk_register *reg = NULL;
    xxgk_error err = {0};
    if (xxgk_register_open(argv[1], true, &reg, &err) != XXGK_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 2;
    }
    static bodies b;
    double t0 = now();
    xxgk_register_each(reg, NULL, 0, note_body, &b, &err);
    double each = now() - t0;
    xxgk_date on = 0;
    xxgk_date_parse("2026-11-30", &on);
    double best_due = 1e9, best_tables = 1e9;
    size_t open = 0;
    int ntables = 0;
    for (int r = 0; r < rounds; r++) {
        xxgk_due_item *items = NULL;
        size_t n = 0;
        t0 = now();
        if (xxgk_register_due(reg, NULL, on, -1, &items, &n, &err) != XXGK_OK) {
            fprintf(stderr, "due: %s\n", err.message);
            return 2;
        }
        double t = now() - t0;
        if (t < best_due)
            best_due = t;
        open = n;
        xxgk_due_free(items, n);
        ntables = 0;
        t0 = now();
        for (int k = 0; k < b.n; k++)
            for (int y = 2019; y <= 2026; y++) {
                xxgk_report *rep = NULL;
                if (xxgk_register_tables(reg, b.names[k], y, &rep, &err) != XXGK_OK) {
                    fprintf(stderr, "tables: %s\n", err.message);
                    return 2;
                }
                xxgk_report_free(rep);
                ntables++;
            }
        t = now() - t0;
        if (t < best_tables)
            best_tables = t;
    }
    printf("register: %zu cases, %d bodies\n", b.cases, b.n);
    printf("  load every case (xxgk_register_each):  %8.1f ms (%.1f µs per case)\n",
           each * 1e3, each * 1e6 / (double)(b.cases ? b.cases : 1));
    printf("  due, every open case (xxgk_register_due): %8.1f ms for %zu open cases "
           "(%.1f µs per case)\n",
           best_due * 1e3, open, best_due * 1e6 / (double)(open ? open : 1));
    printf("  tables, %d body-years (xxgk_register_tables): %8.1f ms (%.2f ms each)\n", ntables,
           best_tables * 1e3, best_tables * 1e3 / ntables);
    xxgk_register_close(reg);
    return 0;
}
