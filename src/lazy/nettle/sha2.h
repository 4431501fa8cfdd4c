/*
 * nettle/sha2.h — libxxgk's view of nettle's <nettle/sha2.h>
 * (src/lazy/README.md): the real header, then the SHA-256 functions the
 * store calls redirected through a table filled when nettle is first
 * needed (lazy.h). nettle's header names them sha256_init and so on,
 * macros for the nettle_ names, which are the ones redirected here.
 */
#ifndef XXGK_LAZY_NETTLE_SHA2_H
#define XXGK_LAZY_NETTLE_SHA2_H

#include_next <nettle/sha2.h>

#include "lazy.h"

#define LAZY_NETTLE_SYMBOLS(X) \
    X(nettle_sha256_digest)    \
    X(nettle_sha256_init)      \
    X(nettle_sha256_update)

struct lazy_nettle {
#define LAZY_FIELD(f) __typeof__(f) *f;
    LAZY_NETTLE_SYMBOLS(LAZY_FIELD)
#undef LAZY_FIELD
};
extern struct lazy_nettle lazy_nettle;

#define nettle_sha256_digest(...) (LAZY_CALL(nettle, nettle_sha256_digest)(__VA_ARGS__))
#define nettle_sha256_init(...) (LAZY_CALL(nettle, nettle_sha256_init)(__VA_ARGS__))
#define nettle_sha256_update(...) (LAZY_CALL(nettle, nettle_sha256_update)(__VA_ARGS__))

#endif
