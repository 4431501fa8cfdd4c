/*
 * zip.h — libxxgk's view of <zip.h> (src/lazy/README.md): the real
 * header, then every libzip function libxxgk calls redirected through a
 * table that is filled when the library is first needed (lazy.h). A
 * function missing from the list below is a link error for the xxgk
 * command: add it to the list and to the redirections.
 */
#ifndef XXGK_LAZY_ZIP_H
#define XXGK_LAZY_ZIP_H

#include_next <zip.h>

#include "lazy.h"

#define LAZY_ZIP_SYMBOLS(X)         \
    X(zip_close)                    \
    X(zip_discard)                  \
    X(zip_error_code_zip)           \
    X(zip_error_fini)               \
    X(zip_error_init)               \
    X(zip_error_strerror)           \
    X(zip_fclose)                   \
    X(zip_file_add)                 \
    X(zip_file_set_mtime)           \
    X(zip_fopen)                    \
    X(zip_fopen_index)              \
    X(zip_fread)                    \
    X(zip_get_error)                \
    X(zip_get_num_entries)          \
    X(zip_name_locate)              \
    X(zip_open_from_source)         \
    X(zip_set_file_compression)     \
    X(zip_source_buffer)            \
    X(zip_source_buffer_create)     \
    X(zip_source_close)             \
    X(zip_source_free)              \
    X(zip_source_keep)              \
    X(zip_source_open)              \
    X(zip_source_read)              \
    X(zip_stat)                     \
    X(zip_stat_index)               \
    X(zip_stat_init)                \
    X(zip_strerror)

/* The table: a pointer per function (per variable, for xmlFree). */
struct lazy_zip {
#define LAZY_FIELD(f) __typeof__(f) *f;
    LAZY_ZIP_SYMBOLS(LAZY_FIELD)
#undef LAZY_FIELD
};
extern struct lazy_zip lazy_zip;

#define zip_close(...) (LAZY_CALL(zip, zip_close)(__VA_ARGS__))
#define zip_discard(...) (LAZY_CALL(zip, zip_discard)(__VA_ARGS__))
#define zip_error_code_zip(...) (LAZY_CALL(zip, zip_error_code_zip)(__VA_ARGS__))
#define zip_error_fini(...) (LAZY_CALL(zip, zip_error_fini)(__VA_ARGS__))
#define zip_error_init(...) (LAZY_CALL(zip, zip_error_init)(__VA_ARGS__))
#define zip_error_strerror(...) (LAZY_CALL(zip, zip_error_strerror)(__VA_ARGS__))
#define zip_fclose(...) (LAZY_CALL(zip, zip_fclose)(__VA_ARGS__))
#define zip_file_add(...) (LAZY_CALL(zip, zip_file_add)(__VA_ARGS__))
#define zip_file_set_mtime(...) (LAZY_CALL(zip, zip_file_set_mtime)(__VA_ARGS__))
#define zip_fopen(...) (LAZY_CALL(zip, zip_fopen)(__VA_ARGS__))
#define zip_fopen_index(...) (LAZY_CALL(zip, zip_fopen_index)(__VA_ARGS__))
#define zip_fread(...) (LAZY_CALL(zip, zip_fread)(__VA_ARGS__))
#define zip_get_error(...) (LAZY_CALL(zip, zip_get_error)(__VA_ARGS__))
#define zip_get_num_entries(...) (LAZY_CALL(zip, zip_get_num_entries)(__VA_ARGS__))
#define zip_name_locate(...) (LAZY_CALL(zip, zip_name_locate)(__VA_ARGS__))
#define zip_open_from_source(...) (LAZY_CALL(zip, zip_open_from_source)(__VA_ARGS__))
#define zip_set_file_compression(...) (LAZY_CALL(zip, zip_set_file_compression)(__VA_ARGS__))
#define zip_source_buffer(...) (LAZY_CALL(zip, zip_source_buffer)(__VA_ARGS__))
#define zip_source_buffer_create(...) (LAZY_CALL(zip, zip_source_buffer_create)(__VA_ARGS__))
#define zip_source_close(...) (LAZY_CALL(zip, zip_source_close)(__VA_ARGS__))
#define zip_source_free(...) (LAZY_CALL(zip, zip_source_free)(__VA_ARGS__))
#define zip_source_keep(...) (LAZY_CALL(zip, zip_source_keep)(__VA_ARGS__))
#define zip_source_open(...) (LAZY_CALL(zip, zip_source_open)(__VA_ARGS__))
#define zip_source_read(...) (LAZY_CALL(zip, zip_source_read)(__VA_ARGS__))
#define zip_stat(...) (LAZY_CALL(zip, zip_stat)(__VA_ARGS__))
#define zip_stat_index(...) (LAZY_CALL(zip, zip_stat_index)(__VA_ARGS__))
#define zip_stat_init(...) (LAZY_CALL(zip, zip_stat_init)(__VA_ARGS__))
#define zip_strerror(...) (LAZY_CALL(zip, zip_strerror)(__VA_ARGS__))

#endif
