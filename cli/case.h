/*
 * case.h — the pieces shared by `xxgk case` and `xxgk holidays`
 * (cmd_case.c, case_args.c, case_view.c, case_io.c, cmd_holidays.c):
 * the options of a subcommand, opening the register, dates, JSON text.
 */
#ifndef XXGK_CLI_CASE_H
#define XXGK_CLI_CASE_H

#include "cli.h"

/* A subcommand's command line: --name VALUE options (in order, repeats
 * kept), flags, positional arguments. Every option must be taken by the
 * subcommand (case_arg, case_flag) or case_done reports it unknown. */
typedef struct case_args {
    const char *cmd;            /* "case reply", for messages */
    const char *db;             /* --db, default xxgk.db */
    const char *by;             /* --by, the actor */
    char name_store[64][48];
    const char *names[64], *values[64];
    bool used[64];
    int nopts;
    const char *pos[16];
    int npos;
    bool help;
} case_args;

/* Parses argv[1 …] (argv[0] is the subcommand). Returns -1 to go on,
 * else the exit status after a usage error. */
int case_parse(case_args *a, const char *cmd, int argc, char **argv);
/* The value of option `name` (the last one given), or NULL; marks it. */
const char *case_arg(case_args *a, const char *name);
/* Every value of a repeatable option, in order, into out (max n). */
int case_args_all(case_args *a, const char *name, const char **out, int n);
bool case_flag(case_args *a, const char *name);
/* 0 when every option was taken, else a usage error's exit status. */
int case_done(case_args *a);

/* A date option: 0 when absent; -1 (usage error printed) when it is not
 * YYYY-MM-DD. */
int case_date(case_args *a, const char *name, xxgk_date *out, bool required);
/* The positional case id; false after a usage error. */
bool case_id(case_args *a, int64_t *id);

/* Opens the register. `write`: create when absent and set the actor;
 * otherwise the file must exist (read-write when it can, so that a
 * register older than the program is brought up to date). NULL after
 * printing the reason. */
xxgk_register *case_open(case_args *a, bool write);

/* The end of a subcommand's arguments and the start of its work: no
 * positional argument past the first `positional` ones (those the
 * subcommand reads itself: an id, doc's "add"), no unknown option
 * (case_done), the register opened (case_open). NULL with *status the
 * exit status when any of them fails. */
xxgk_register *case_begin(case_args *a, int positional, bool write, int *status);

/* Prints a library failure: `xxgk: DB: message`. Returns the exit status
 * for it (1 for a refusal by the register's rules, 2 otherwise). */
int case_fail(case_args *a, const xxgk_error *err, bool refusal);

/* A JSON string (quoted, escaped) or null. */
void json_text(FILE *out, const char *s);
/* A date as a JSON string, or null for 0. */
void json_date(FILE *out, xxgk_date d);

int case_show(case_args *a);
int case_history(case_args *a);
int case_explain(case_args *a);
int case_list(case_args *a);
int case_due(case_args *a);
int case_tables(case_args *a);
int case_import(case_args *a);
int case_export(case_args *a);
int case_ics(case_args *a);
int case_doc(case_args *a);
int case_count(case_args *a);

#endif
