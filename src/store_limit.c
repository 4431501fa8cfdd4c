/*
 * store_limit.c — the time limit on statements with the user's SQL (a
 * --where filter, db query): a recursive query that never ends must end.
 * SQLite calls a progress handler every few thousand virtual machine
 * instructions; while such a statement runs, the handler sums SQLite's
 * own working time and interrupts the statement past the limit
 * (store_fail then says so).
 */
#include <time.h>

#include "store.h"

static double monotonic(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Called by SQLite every PROGRESS_OPS virtual machine instructions. The
 * time between two calls counts when it is short: a long gap is time the
 * caller spent between two steps (writing a row out), not SQLite's. */
#define PROGRESS_OPS 4000

static int progress(void *ctx)
{
    xxgk_store *s = ctx;
    if (!s->limited)
        return 0;
    double t = monotonic();
    if (s->last > 0 && t - s->last < 0.05)
        s->spent += t - s->last;
    s->last = t;
    if (s->time_limit > 0 && s->spent > s->time_limit) {
        s->timed_out = true;
        return 1;
    }
    return 0;
}

void store_limit_begin(xxgk_store *s)
{
    s->limited = s->time_limit > 0;
    s->timed_out = false;
    s->spent = s->last = 0;
}

void store_done(xxgk_store *s, sqlite3_stmt *st)
{
    sqlite3_finalize(st);
    s->limited = false;
}

void xxgk_store_set_time_limit(xxgk_store *s, double seconds)
{
    if (s)
        s->time_limit = seconds > 0 ? seconds : 0;
}

void store_limit_install(xxgk_store *s)
{
    sqlite3_progress_handler(s->db, PROGRESS_OPS, progress, s);
}
