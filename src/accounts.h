/*
 * accounts.h — internals shared by the files behind the accounts, sessions,
 * drafts and audit trail of xxgk serve (store_accounts.c, store_users.c,
 * store_sessions.c, store_drafts.c, store_audit.c).
 */
#ifndef XXGK_ACCOUNTS_H
#define XXGK_ACCOUNTS_H

#include "store.h"

/* Creates the tables of schema version 3 (app_user, app_session, draft,
 * audit), inside the caller's transaction (store_migrate.c). */
int store_accounts_create(xxgk_store *s);

/* The current time as UTC ISO 8601 ("2026-12-07T19:30:00Z") into buf
 * (at least 24 bytes). */
const char *acct_now(char *buf, size_t size);

/* A column's text, "" for NULL. */
const char *acct_text(sqlite3_stmt *st, int col);

/* Prepares sql on the store's connection; NULL and err set on failure. */
sqlite3_stmt *acct_prepare(xxgk_store *s, const char *sql, xxgk_error *err);

/* Steps a statement that returns no row and finalizes it: XXGK_OK, or
 * XXGK_E_IO with the SQLite message naming `what`. */
xxgk_status acct_run(xxgk_store *s, sqlite3_stmt *st, const char *what, xxgk_error *err);

#endif
