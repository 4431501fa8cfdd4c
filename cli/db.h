/*
 * db.h — the pieces shared by the `xxgk db` subcommands (cmd_db.c,
 * db_view.c, db_stats.c, db_desk.c): the options every one of them takes.
 */
#ifndef XXGK_CLI_DB_H
#define XXGK_CLI_DB_H

#include "cli.h"

typedef struct db_opts {
    const char *db;             /* --db PATH, default xxgk.db */
    const char *sub;            /* the subcommand, for messages */
    xxgk_store_filter filter;   /* --year --body --errors --no-errors --rule --where */
    const char *format;         /* --format */
    double timeout;             /* --timeout SECONDS for the user's SQL; <0: default */
    const char *args[4096];     /* positional arguments */
    int nargs;
} db_opts;

/* Matches a filter option or --db at argv[*i]: 1 when taken, 0 when it
 * is not one of them, -1 after a usage error (already printed). */
int db_common_option(db_opts *o, int argc, char **argv, int *i);

/* Opens the store (read-only for every subcommand but import); prints
 * the error and returns NULL when it cannot. A --body that names no body,
 * or several, is reported here (every candidate listed) and the store is
 * not opened: every subcommand matches --body the same way. */
xxgk_store *db_open(const db_opts *o, bool read_only);

/* Lists on stderr the reports from id first_id on that the roster cannot
 * place (after an import). */
void db_report_strays(xxgk_store *s, int64_t first_id);

/* Parses a positive integer argument (an id, a year, a count); false
 * for anything else, also for digits beyond 64 bits (never clamped). */
bool db_parse_int(const char *s, long long *out);
/* Whether s is all digits but too large for 64 bits. */
bool db_out_of_range(const char *s);

int db_list(db_opts *o, int argc, char **argv);
int db_show(db_opts *o, int argc, char **argv);
int db_rollup(db_opts *o, int argc, char **argv);
int db_diff(db_opts *o, int argc, char **argv);
int db_stats(db_opts *o, int argc, char **argv);
int db_export(db_opts *o, int argc, char **argv);
int db_chart(db_opts *o, int argc, char **argv);
int db_query(db_opts *o, int argc, char **argv);
int db_bodies(db_opts *o, int argc, char **argv);
int db_status(db_opts *o, int argc, char **argv);
int db_summary(db_opts *o, int argc, char **argv);
int db_similar(db_opts *o, int argc, char **argv);

#endif
