/*
 * chinese.h — traditional characters: telling them apart, and turning
 * them into simplified ones (OpenCC) so that labels match.
 */
#ifndef XXGK_CHINESE_H
#define XXGK_CHINESE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "input.h"

/* The generated bitmap (chinese_hant.c) of the code points between
 * first and last that OpenCC's t2s conversion changes. */
extern const uint32_t chinese_hant_first, chinese_hant_last;
extern const unsigned char chinese_hant_bits[];

/* Whether cp is a traditional (or variant) form. */
bool chinese_is_hant(int32_t cp);

/* Whether a text is written in traditional characters: enough of its
 * CJK characters are traditional forms (a simplified report quoting one
 * old name is not). One pass over the bytes, no OpenCC. */
bool chinese_text_is_hant(const char *s, size_t n);

/* The text to read the report from (see report.c): `in` itself when it
 * is simplified; otherwise its conversion to simplified characters, in
 * the arena, with the same lines (line numbers still point into the
 * original), and *encoding extended with "+繁体转简体". Returns NULL
 * when out of memory or when OpenCC cannot be loaded (err says which). */
const char *chinese_match_text(arena *a, const input_text *in, size_t *size,
                               const char **encoding, xxgk_error *err);

#endif
