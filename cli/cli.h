/*
 * cli.h — shared pieces of the xxgk command line: one function per
 * subcommand, and the helpers they use for options and messages.
 */
#ifndef XXGK_CLI_H
#define XXGK_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "xxgk.h"

/* Exit statuses (shared/spec/model.md). */
enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

int cmd_parse(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_db(int argc, char **argv);
int cmd_recover(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_case(int argc, char **argv);
int cmd_holidays(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);

/* A file name (or any text) with control characters and bytes outside
 * valid UTF-8 escaped (\n, \t, \xHH), so it stays on one line and
 * cannot drive the terminal (names.c). cli_name returns one of a few
 * static buffers: use it within one printf. */
void cli_escape(const char *s, char *out, size_t size);
const char *cli_name(const char *name);

/* "xxgk: FILE: message" on stderr, FILE and message escaped by
 * cli_escape (a name with a newline stays on the line). */
void cli_error(const char *file, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "xxgk: FILE: message" for a library message that may itself start with
 * "FILE：" (the atomic writer's do): the file is named once. */
void cli_error_from(const char *file, const char *message);
/* A usage error: one line, a hint, exit status 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Flushes stdout; reports a failed write (a full disk, a closed pipe). */
int cli_finish_stdout(int status);

/* Matches "--name VALUE" or "--name=VALUE" at argv[*i]; advances *i. */
bool cli_option_value(int argc, char **argv, int *i, const char *name, const char **value);

#endif
