/*
 * utf8.h — the text boundary: decoding, validation and the one folding
 * function every comparison goes through.
 *
 * Text is normalised once on input (see input.c); downstream code calls
 * these helpers instead of isspace() and friends, which are wrong on
 * UTF-8 bytes.
 */
#ifndef XXGK_UTF8_H
#define XXGK_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

/* Decodes the code point at s[*i] (s has len bytes) and advances *i.
 * Returns -1 (and advances one byte) on an invalid or truncated
 * sequence. ASCII and the three-byte sequences of CJK text are decoded
 * inline (every loop over report text runs through here); the rest by
 * utf8_next_general. */
int32_t utf8_next_general(const char *s, size_t len, size_t *i);
static inline int32_t utf8_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    if (p[0] < 0x80) {
        *i += 1;
        return p[0];
    }
    /* E1–EC and EE–EF lead bytes: no overlong form or surrogate possible */
    if (p[0] >= 0xE1 && p[0] <= 0xEF && p[0] != 0xED && len - *i >= 3 &&
        (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        *i += 3;
        return ((int32_t)(p[0] & 0x0F) << 12) | ((int32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    return utf8_next_general(s, len, i);
}

/* Appends the UTF-8 encoding of cp to out (room for 4 bytes); returns
 * the number of bytes written. */
size_t utf8_put(char *out, int32_t cp);

/* Offset of the first invalid byte of s, or len when s is valid UTF-8.
 * *at_end is set when the only problem is a sequence cut off at the end. */
size_t utf8_invalid_at(const char *s, size_t len, bool *at_end);

/* White space in any width: ASCII blanks, NBSP, U+3000 and the other
 * Unicode spaces Word and web pages leave in reports. */
static inline bool cp_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    switch (cp) {
    case 0x00A0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
    case 0x205F: case 0x3000: case 0xFEFF: case 0x200B: case 0x200C:
    case 0x200D:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

/* A CJK ideograph (the characters report text is made of). */
static inline bool cp_is_han(int32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

/* Full-width forms to ASCII (０ → 0, （ → (, ． → .), U+3000 → space;
 * everything else unchanged. The one folding function of the project. */
static inline int32_t cp_fold(int32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        return cp - 0xFF01 + 0x21;
    if (cp == 0x3000)
        return ' ';
    return cp;
}

/* The compact form used to compare labels, titles and numbers: folded
 * (cp_fold, plus Unicode compatibility forms through utf8proc for rarer
 * characters such as the Kangxi radicals PDF extraction produces), all
 * white space removed, Word artefacts such as "[bookmark: _GoBack]"
 * removed. Returns a NUL-terminated string in the arena, *out_len its
 * length. */
char *text_compact(arena *a, const char *s, size_t len, size_t *out_len);

/* Same, into a caller buffer of `cap` bytes (truncates safely).
 * Returns the length written. Text is compacted from its start and
 * cut only within 5 bytes of the cap: the first cap - 5 bytes written
 * are those of the whole compact form, and a result shorter than that
 * is the whole of it. So a small buffer answers questions about how a
 * text begins. */
size_t text_compact_buf(const char *s, size_t len, char *out, size_t cap);

/* Whether s[0..len) holds only white space (any width) and artefacts. */
bool text_is_blank(const char *s, size_t len);

/* "-2-", "— 2 —", "第2页", "第 2 页 共 5 页", "2/5", "Page 2": a page
 * number and nothing else. With `marked`, a bare number ("2") is not one:
 * in converted text it may be a value. */
bool text_is_page_number(const char *s, size_t len, bool marked);

/* Skips a Word artefact "[bookmark: …]" starting at s[i]; returns the
 * offset after it, or i when there is none. */
size_t text_skip_artefact(const char *s, size_t len, size_t i);

/* Offset of the NUL-terminated `needle` in s[from..len), or -1. */
long text_find(const char *s, size_t len, size_t from, const char *needle);

/* Whether the NUL-terminated `needle` occurs in s[0..len). */
bool text_contains(const char *s, size_t len, const char *needle);

/* Word-at-a-time scanning: the high bit of each byte of w that equals
 * c, and no other bit (exact: no carry crosses bytes). With w loaded
 * little-endian, the first such byte is the lowest set bit. */
static inline uint64_t bytes_equal(uint64_t w, unsigned char c)
{
    const uint64_t low = UINT64_C(0x7F7F7F7F7F7F7F7F);
    uint64_t x = w ^ (UINT64_C(0x0101010101010101) * c);
    return ~(((x & low) + low) | x | low);
}

/* The offset of the first \n in s[from..len), or len: eight bytes at a
 * time (lines of report text are short, memchr's set-up is not). */
size_t text_line_end(const char *s, size_t len, size_t from);

/* Whether s[i..n) starts with the NUL-terminated `lit`. Inline: the
 * scanners call it at every byte of a paragraph with a string literal,
 * whose length the compiler then knows. */
static inline bool text_starts_at(const char *s, size_t n, size_t i, const char *lit)
{
    size_t m = strlen(lit);
    return i + m <= n && memcmp(s + i, lit, m) == 0;
}

/* Whether s[from..to) holds one of the NULL-terminated `words` (none
 * when words is NULL). */
bool text_contains_any(const char *s, size_t from, size_t to, const char *const *words);

/* In compact text (text_compact): the start of the clause holding
 * position i — after the last ，。；,; before it — and its end (the next
 * one, or n). Prose is read clause by clause: a figure belongs to the
 * words of its own clause. */
size_t text_clause_start(const char *s, size_t i);
size_t text_clause_end(const char *s, size_t n, size_t i);

/* Number of code points in s[0..len). */
size_t utf8_length(const char *s, size_t len);

/* Number of characters in s[0..len) that are not white space (NUL and
 * invalid bytes not counted either): the length of text as a reader
 * counts it ("总体情况约1200字"). */
size_t utf8_count_visible(const char *s, size_t len);

#endif
