/*
 * microhttpd.h — the server's view of <microhttpd.h>: the real header,
 * then every libmicrohttpd function the server calls redirected through
 * a table that mhd_load() fills (mhd_load.c). libmicrohttpd brings
 * GnuTLS and ten more libraries with it; linked, they would slow the
 * start of every xxgk command, so only `xxgk serve` opens it.
 */
#ifndef XXGK_SERVER_LAZY_MICROHTTPD_H
#define XXGK_SERVER_LAZY_MICROHTTPD_H

#include_next <microhttpd.h>

#include <stdbool.h>
#include <stddef.h>

#define MHD_LAZY_SYMBOLS(X)           \
    X(MHD_add_response_header)        \
    X(MHD_create_response_from_buffer) \
    X(MHD_destroy_response)           \
    X(MHD_get_connection_info)        \
    X(MHD_get_connection_values)      \
    X(MHD_lookup_connection_value)    \
    X(MHD_queue_response)             \
    X(MHD_start_daemon)               \
    X(MHD_stop_daemon)

struct mhd_table {
#define MHD_LAZY_FIELD(f) __typeof__(f) *f;
    MHD_LAZY_SYMBOLS(MHD_LAZY_FIELD)
#undef MHD_LAZY_FIELD
};
extern struct mhd_table mhd_table;

/* Opens libmicrohttpd and fills the table. False, with the reason (the
 * library and the Debian package to install) in why, when it cannot. */
bool mhd_load(char *why, size_t size);

/* Every call goes through the table; `xxgk serve` calls mhd_load()
 * before it starts the daemon, and no other path reaches these. */
#define MHD_add_response_header(...) (mhd_table.MHD_add_response_header(__VA_ARGS__))
#define MHD_create_response_from_buffer(...) (mhd_table.MHD_create_response_from_buffer(__VA_ARGS__))
#define MHD_destroy_response(...) (mhd_table.MHD_destroy_response(__VA_ARGS__))
#define MHD_get_connection_info(...) (mhd_table.MHD_get_connection_info(__VA_ARGS__))
#define MHD_get_connection_values(...) (mhd_table.MHD_get_connection_values(__VA_ARGS__))
#define MHD_lookup_connection_value(...) (mhd_table.MHD_lookup_connection_value(__VA_ARGS__))
#define MHD_queue_response(...) (mhd_table.MHD_queue_response(__VA_ARGS__))
#define MHD_start_daemon(...) (mhd_table.MHD_start_daemon(__VA_ARGS__))
#define MHD_stop_daemon(...) (mhd_table.MHD_stop_daemon(__VA_ARGS__))

#endif
