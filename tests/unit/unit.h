/*
 * unit.h — the unit-test harness: CHECK macros that report the file,
 * line and both values, and a main() that runs every TEST and prints
 * "N passed, N failed".
 */
#ifndef XXGK_UNIT_H
#define XXGK_UNIT_H

#include <stdio.h>
#include <string.h>

typedef void (*unit_fn)(void);
struct unit_case { const char *name; unit_fn fn; };

extern int unit_failures;
extern const char *unit_current;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: %s: CHECK(%s) failed\n", __FILE__, __LINE__,      \
                    unit_current, #cond);                                            \
            unit_failures++;                                                         \
        }                                                                            \
    } while (0)

#define CHECK_INT(a, b)                                                              \
    do {                                                                             \
        long long va_ = (long long)(a), vb_ = (long long)(b);                        \
        if (va_ != vb_) {                                                            \
            fprintf(stderr, "%s:%d: %s: %s == %lld, expected %lld\n", __FILE__,       \
                    __LINE__, unit_current, #a, va_, vb_);                           \
            unit_failures++;                                                         \
        }                                                                            \
    } while (0)

#define CHECK_STR(a, b)                                                              \
    do {                                                                             \
        const char *sa_ = (a), *sb_ = (b);                                           \
        if (!sa_ || !sb_ || strcmp(sa_, sb_) != 0) {                                 \
            fprintf(stderr, "%s:%d: %s: %s == \"%s\", expected \"%s\"\n", __FILE__,   \
                    __LINE__, unit_current, #a, sa_ ? sa_ : "(null)",                \
                    sb_ ? sb_ : "(null)");                                           \
            unit_failures++;                                                         \
        }                                                                            \
    } while (0)

/* The whole file at path, NUL-terminated (malloc'd; *size its length
 * without the NUL), or NULL when it cannot be read. */
char *unit_read_file(const char *path, size_t *size);

/* Each test file defines `const struct unit_case unit_cases[]`, ending
 * with {NULL, NULL}, and includes unit_main.c once. */
extern const struct unit_case unit_cases[];

#endif
