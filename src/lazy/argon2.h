/*
 * argon2.h — libxxgk's view of <argon2.h> (src/lazy/README.md): the real
 * header, then every libargon2 function libxxgk calls redirected through
 * a table filled when the library is first needed (lazy.h): only logins
 * and `xxgk user` hash passwords, so no other command loads it.
 */
#ifndef XXGK_LAZY_ARGON2_H
#define XXGK_LAZY_ARGON2_H

#include_next <argon2.h>

#include "lazy.h"

#define LAZY_ARGON2_SYMBOLS(X) \
    X(argon2_error_message)    \
    X(argon2id_hash_encoded)   \
    X(argon2id_verify)

struct lazy_argon2 {
#define LAZY_FIELD(f) __typeof__(f) *f;
    LAZY_ARGON2_SYMBOLS(LAZY_FIELD)
#undef LAZY_FIELD
};
extern struct lazy_argon2 lazy_argon2;

#define argon2_error_message(...) (LAZY_CALL(argon2, argon2_error_message)(__VA_ARGS__))
#define argon2id_hash_encoded(...) (LAZY_CALL(argon2, argon2id_hash_encoded)(__VA_ARGS__))
#define argon2id_verify(...) (LAZY_CALL(argon2, argon2id_verify)(__VA_ARGS__))

#endif
