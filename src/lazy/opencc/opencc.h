/*
 * opencc/opencc.h — libxxgk's view of <opencc/opencc.h> (src/lazy/README.md): the real
 * header, then every OpenCC function libxxgk calls redirected through a
 * table that is filled when the library is first needed (lazy.h). A
 * function missing from the list below is a link error for the xxgk
 * command: add it to the list and to the redirections.
 */
#ifndef XXGK_LAZY_OPENCC_H
#define XXGK_LAZY_OPENCC_H

#include_next <opencc/opencc.h>

#include "lazy.h"

#define LAZY_OPENCC_SYMBOLS(X)      \
    X(opencc_close)                 \
    X(opencc_convert_utf8)          \
    X(opencc_convert_utf8_free)     \
    X(opencc_open)

/* The table: a pointer per function (per variable, for xmlFree). */
struct lazy_opencc {
#define LAZY_FIELD(f) __typeof__(f) *f;
    LAZY_OPENCC_SYMBOLS(LAZY_FIELD)
#undef LAZY_FIELD
};
extern struct lazy_opencc lazy_opencc;

#define opencc_close(...) (LAZY_CALL(opencc, opencc_close)(__VA_ARGS__))
#define opencc_convert_utf8(...) (LAZY_CALL(opencc, opencc_convert_utf8)(__VA_ARGS__))
#define opencc_convert_utf8_free(...) (LAZY_CALL(opencc, opencc_convert_utf8_free)(__VA_ARGS__))
#define opencc_open(...) (LAZY_CALL(opencc, opencc_open)(__VA_ARGS__))

#endif
