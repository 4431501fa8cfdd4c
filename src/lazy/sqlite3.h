/*
 * sqlite3.h — libxxgk's view of <sqlite3.h> (src/lazy/README.md): the real
 * header, then every SQLite function libxxgk calls redirected through a
 * table that is filled when the library is first needed (lazy.h). A
 * function missing from the list below is a link error for the xxgk
 * command: add it to the list and to the redirections.
 */
#ifndef XXGK_LAZY_SQLITE3_H
#define XXGK_LAZY_SQLITE3_H

#include_next <sqlite3.h>

#include "lazy.h"

#define LAZY_SQLITE3_SYMBOLS(X)      \
    X(sqlite3_bind_blob)             \
    X(sqlite3_bind_double)           \
    X(sqlite3_bind_int)              \
    X(sqlite3_bind_int64)            \
    X(sqlite3_bind_null)             \
    X(sqlite3_bind_text)             \
    X(sqlite3_busy_timeout)          \
    X(sqlite3_changes)               \
    X(sqlite3_clear_bindings)        \
    X(sqlite3_close)                 \
    X(sqlite3_column_blob)           \
    X(sqlite3_column_bytes)          \
    X(sqlite3_column_count)          \
    X(sqlite3_column_double)         \
    X(sqlite3_column_int)            \
    X(sqlite3_column_int64)          \
    X(sqlite3_column_name)           \
    X(sqlite3_column_text)           \
    X(sqlite3_column_type)           \
    X(sqlite3_db_readonly)           \
    X(sqlite3_errcode)               \
    X(sqlite3_errmsg)                \
    X(sqlite3_exec)                  \
    X(sqlite3_finalize)              \
    X(sqlite3_hard_heap_limit64)     \
    X(sqlite3_last_insert_rowid)     \
    X(sqlite3_open_v2)               \
    X(sqlite3_prepare_v2)            \
    X(sqlite3_prepare_v3)            \
    X(sqlite3_progress_handler)      \
    X(sqlite3_reset)                 \
    X(sqlite3_step)                  \
    X(sqlite3_stmt_readonly)

/* The table: a pointer per function (per variable, for xmlFree). */
struct lazy_sqlite3 {
#define LAZY_FIELD(f) __typeof__(f) *f;
    LAZY_SQLITE3_SYMBOLS(LAZY_FIELD)
#undef LAZY_FIELD
};
extern struct lazy_sqlite3 lazy_sqlite3;

#define sqlite3_bind_blob(...) (LAZY_CALL(sqlite3, sqlite3_bind_blob)(__VA_ARGS__))
#define sqlite3_bind_double(...) (LAZY_CALL(sqlite3, sqlite3_bind_double)(__VA_ARGS__))
#define sqlite3_bind_int(...) (LAZY_CALL(sqlite3, sqlite3_bind_int)(__VA_ARGS__))
#define sqlite3_bind_int64(...) (LAZY_CALL(sqlite3, sqlite3_bind_int64)(__VA_ARGS__))
#define sqlite3_bind_null(...) (LAZY_CALL(sqlite3, sqlite3_bind_null)(__VA_ARGS__))
#define sqlite3_bind_text(...) (LAZY_CALL(sqlite3, sqlite3_bind_text)(__VA_ARGS__))
#define sqlite3_busy_timeout(...) (LAZY_CALL(sqlite3, sqlite3_busy_timeout)(__VA_ARGS__))
#define sqlite3_changes(...) (LAZY_CALL(sqlite3, sqlite3_changes)(__VA_ARGS__))
#define sqlite3_clear_bindings(...) (LAZY_CALL(sqlite3, sqlite3_clear_bindings)(__VA_ARGS__))
#define sqlite3_close(...) (LAZY_CALL(sqlite3, sqlite3_close)(__VA_ARGS__))
#define sqlite3_column_blob(...) (LAZY_CALL(sqlite3, sqlite3_column_blob)(__VA_ARGS__))
#define sqlite3_column_bytes(...) (LAZY_CALL(sqlite3, sqlite3_column_bytes)(__VA_ARGS__))
#define sqlite3_column_count(...) (LAZY_CALL(sqlite3, sqlite3_column_count)(__VA_ARGS__))
#define sqlite3_column_double(...) (LAZY_CALL(sqlite3, sqlite3_column_double)(__VA_ARGS__))
#define sqlite3_column_int(...) (LAZY_CALL(sqlite3, sqlite3_column_int)(__VA_ARGS__))
#define sqlite3_column_int64(...) (LAZY_CALL(sqlite3, sqlite3_column_int64)(__VA_ARGS__))
#define sqlite3_column_name(...) (LAZY_CALL(sqlite3, sqlite3_column_name)(__VA_ARGS__))
#define sqlite3_column_text(...) (LAZY_CALL(sqlite3, sqlite3_column_text)(__VA_ARGS__))
#define sqlite3_column_type(...) (LAZY_CALL(sqlite3, sqlite3_column_type)(__VA_ARGS__))
#define sqlite3_db_readonly(...) (LAZY_CALL(sqlite3, sqlite3_db_readonly)(__VA_ARGS__))
#define sqlite3_errcode(...) (LAZY_CALL(sqlite3, sqlite3_errcode)(__VA_ARGS__))
#define sqlite3_errmsg(...) (LAZY_CALL(sqlite3, sqlite3_errmsg)(__VA_ARGS__))
#define sqlite3_exec(...) (LAZY_CALL(sqlite3, sqlite3_exec)(__VA_ARGS__))
#define sqlite3_finalize(...) (LAZY_CALL(sqlite3, sqlite3_finalize)(__VA_ARGS__))
#define sqlite3_hard_heap_limit64(...) (LAZY_CALL(sqlite3, sqlite3_hard_heap_limit64)(__VA_ARGS__))
#define sqlite3_last_insert_rowid(...) (LAZY_CALL(sqlite3, sqlite3_last_insert_rowid)(__VA_ARGS__))
#define sqlite3_open_v2(...) (LAZY_CALL(sqlite3, sqlite3_open_v2)(__VA_ARGS__))
#define sqlite3_prepare_v2(...) (LAZY_CALL(sqlite3, sqlite3_prepare_v2)(__VA_ARGS__))
#define sqlite3_prepare_v3(...) (LAZY_CALL(sqlite3, sqlite3_prepare_v3)(__VA_ARGS__))
#define sqlite3_progress_handler(...) (LAZY_CALL(sqlite3, sqlite3_progress_handler)(__VA_ARGS__))
#define sqlite3_reset(...) (LAZY_CALL(sqlite3, sqlite3_reset)(__VA_ARGS__))
#define sqlite3_step(...) (LAZY_CALL(sqlite3, sqlite3_step)(__VA_ARGS__))
#define sqlite3_stmt_readonly(...) (LAZY_CALL(sqlite3, sqlite3_stmt_readonly)(__VA_ARGS__))

#endif
