/*
 * utf8.c — decoding, validation and folding of UTF-8 text (see utf8.h).
 */
#include "utf8.h"

#include <string.h>
#include <stdlib.h>
#include <utf8proc.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int32_t utf8_next_general(const char *s, size_t len, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t left = len - *i;
    unsigned char c = p[0];
    if (c < 0x80) {
        *i += 1;
        return c;
    }
    int n;
    int32_t cp;
    if ((c & 0xE0) == 0xC0) {
        n = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        cp = c & 0x07;
    } else {
        *i += 1;
        return -1;
    }
    if (left < (size_t)n) {
        *i += 1;
        return -1;
    }
    for (int k = 1; k < n; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            *i += 1;
            return -1;
        }
        cp = (cp << 6) | (p[k] & 0x3F);
    }
    /* Reject overlong forms, surrogates and values past U+10FFFF. */
    static const int32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *i += 1;
        return -1;
    }
    *i += (size_t)n;
    return cp;
}

size_t utf8_put(char *out, int32_t cp)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A three-byte sequence for U+4E00–U+9FFF (lead byte E4–E9): CJK
 * ideographs, which fold to themselves and are never white space. */
static bool is_plain_han(const unsigned char *p, size_t left)
{
    return left >= 3 && p[0] >= 0xE4 && p[0] <= 0xE9 && (p[0] != 0xE4 || p[1] >= 0xB8) &&
           (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80;
}

size_t utf8_invalid_at(const char *s, size_t len, bool *at_end)
{
    size_t i = 0;
    *at_end = false;
    while (i < len) {
        /* Fast paths: ASCII (eight bytes at a time), and the CJK
         * ideographs most text is made of. */
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            uint64_t w;
            if (i + 8 <= len && (memcpy(&w, s + i, 8), !(w & UINT64_C(0x8080808080808080))))
                i += 8;
            else
                i++;
            continue;
        }
        if (is_plain_han((const unsigned char *)s + i, len - i)) {
            i += 3;
            continue;
        }
        size_t start = i;
        if (utf8_next(s, len, &i) < 0) {
            /* A lead byte whose sequence runs past the end: truncated. */
            size_t need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
            if (need && start + need > len) {
                bool cont_ok = true;
                for (size_t k = start + 1; k < len; k++)
                    if (((unsigned char)s[k] & 0xC0) != 0x80)
                        cont_ok = false;
                *at_end = cont_ok;
            }
            return start;
        }
    }
    return len;
}

/* Characters the fast path folds itself; anything else goes through
 * utf8proc's compatibility mapping (NFKC). */
static bool fast_path_cp(int32_t cp)
{
    return cp < 0x2E80 || (cp >= 0x3000 && cp <= 0x303F) || cp_is_han(cp) ||
           (cp >= 0xFF00 && cp <= 0xFFEF);
}

size_t text_skip_artefact(const char *s, size_t len, size_t i)
{
    static const char tag[] = "[bookmark:";
    size_t tl = sizeof tag - 1;
    if (i + tl <= len && s[i] == '[' && memcmp(s + i, tag, tl) == 0) {
        const char *end = memchr(s + i, ']', len - i);
        if (end)
            return (size_t)(end - s) + 1;
    }
    return i;
}

/* Folds one non-ASCII code point at s[*i] into out[*o] (the slow path:
 * full-width forms, spaces, compatibility characters). */
static void compact_one(const char *s, size_t len, size_t *i, char *out, size_t *o, size_t cap)
{
    int32_t cp = utf8_next(s, len, i);
    if (cp < 0 || cp_is_space(cp))
        return;
    if (!fast_path_cp(cp)) {
        /* One code point through NFKC: e.g. Kangxi radical ⼀ → 一,
         * enclosed ① → 1. */
        utf8proc_int32_t buf[8];
        utf8proc_ssize_t n =
            utf8proc_decompose_char(cp, buf, 8, UTF8PROC_COMPAT | UTF8PROC_STABLE, NULL);
        if (n == 1) {
            cp = buf[0];
        } else if (n > 1 && n <= 8) {
            for (utf8proc_ssize_t k = 0; k < n && *o + 5 < cap; k++)
                if (!cp_is_space(buf[k]))
                    *o += utf8_put(out + *o, cp_fold(buf[k]));
            return;
        }
    }
    cp = cp_fold(cp);
    if (cp != ' ' && *o + 5 < cap)
        *o += utf8_put(out + *o, cp);
}

size_t text_compact_buf(const char *s, size_t len, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0, i = 0;
    if (cap == 0)
        return 0;
    while (i < len) {
        unsigned char c = u[i];
        if (c < 0x80) {
            if (c == '[') {
                size_t skip = text_skip_artefact(s, len, i);
                if (skip != i) {
                    i = skip;
                    continue;
                }
            }
            i++;
            if (c <= ' ')
                continue;
            if (o + 1 >= cap)
                break;
            out[o++] = (char)c;
        } else if (is_plain_han(u + i, len - i)) {
            if (o + 4 >= cap)
                break;
            out[o] = (char)c;
            out[o + 1] = (char)u[i + 1];
            out[o + 2] = (char)u[i + 2];
            o += 3;
            i += 3;
        } else {
            if (o + 5 >= cap)
                break;
            /* CJK punctuation (，。、) and full-width forms, the other
             * three-byte characters of report text: folded here. */
            if ((c == 0xE3 || c == 0xEF) && len - i >= 3 && (u[i + 1] & 0xC0) == 0x80 &&
                (u[i + 2] & 0xC0) == 0x80) {
                int32_t cp = ((int32_t)(c & 0x0F) << 12) | ((int32_t)(u[i + 1] & 0x3F) << 6) |
                             (u[i + 2] & 0x3F);
                if (cp >= 0x3001 && cp <= 0x303F) {
                    memcpy(out + o, s + i, 3);
                    o += 3;
                    i += 3;
                    continue;
                }
                if (cp >= 0xFF01 && cp <= 0xFF5E) {
                    out[o++] = (char)cp_fold(cp);
                    i += 3;
                    continue;
                }
            }
            compact_one(s, len, &i, out, &o, cap);
        }
    }
    out[o] = '\0';
    return o;
}

char *text_compact(arena *a, const char *s, size_t len, size_t *out_len)
{
    /* Compaction never grows text by more than 4/3 (a 3-byte full-width
     * character can become a 1-byte ASCII one, a rare NFKC expansion of
     * one character to a few is bounded by the cap). */
    size_t cap = len * 2 + 8;
    char *out = arena_alloc_raw(a, cap);
    if (!out)
        return NULL;
    size_t n = text_compact_buf(s, len, out, cap);
    if (out_len)
        *out_len = n;
    return out;
}

bool text_is_blank(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c > ' ' && c < 0x80 && c != '[')
            return false;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            i++;
            continue;
        }
        size_t skip = text_skip_artefact(s, len, i);
        if (skip != i) {
            i = skip;
            continue;
        }
        int32_t cp = utf8_next(s, len, &i);
        if (cp >= 0 && !cp_is_space(cp))
            return false;
    }
    return true;
}

size_t utf8_length(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

size_t text_line_end(const char *s, size_t len, size_t from)
{
    size_t i = from;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t nl = bytes_equal(w, '\n');
        if (nl)
            return i + (size_t)__builtin_ctzll(nl) / 8;
    }
#endif
    for (; i < len; i++)
        if (s[i] == '\n')
            return i;
    return len;
}

size_t utf8_count_visible(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            n += c != 0 && c != ' ' && (c < '\t' || c > '\r');
            i++;
        } else if (is_plain_han((const unsigned char *)s + i, len - i)) {
            n++;
            i += 3;
        } else {
            int32_t cp = utf8_next(s, len, &i);
            n += cp > 0 && !cp_is_space(cp);
        }
    }
    return n;
}

/* Offset of `needle` in s[from..len), or -1: the first place where its
 * first two bytes stand together (sixteen places at a time with SSE2,
 * which every x86-64 has), then the rest compared. A pair of bytes is
 * rare enough in Chinese text that nearly every candidate is the needle.
 * Elsewhere: memchr for a byte of the needle (the second, for a needle
 * starting with a multi-byte character: a lead byte like E7 starts one
 * character in sixteen of Chinese text, a given continuation byte far
 * fewer), then the rest compared. */
long text_find(const char *s, size_t len, size_t from, const char *needle)
{
    size_t m = strlen(needle);
    if (m == 0)
        return (long)from;
    if (from > len || len - from < m)
        return -1;
    const size_t last = len - m; /* the last place the needle can start */
    size_t i = from;
#if defined(__SSE2__)
    if (m >= 2) {
        const __m128i first = _mm_set1_epi8(needle[0]), second = _mm_set1_epi8(needle[1]);
        /* bytes i … i + 16 are read: the needle's second byte at i + 15 */
        for (; i + 17 <= len && i <= last; i += 16) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
            unsigned mask = (unsigned)_mm_movemask_epi8(
                _mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, second)));
            while (mask) {
                size_t at = i + (size_t)__builtin_ctz(mask);
                if (at > last)
                    return -1;
                if (memcmp(s + at + 2, needle + 2, m - 2) == 0)
                    return (long)at;
                mask &= mask - 1;
            }
        }
        for (; i <= last; i++)
            if (s[i] == needle[0] && s[i + 1] == needle[1] && memcmp(s + i + 2, needle + 2, m - 2) == 0)
                return (long)i;
        return -1;
    }
#endif
    size_t k = m >= 2 && (unsigned char)needle[0] >= 0xC0 ? 1 : 0;
    const char *p = s + i + k, *lastp = s + last + k;
    while (p <= lastp) {
        p = memchr(p, needle[k], (size_t)(lastp - p) + 1);
        if (!p)
            return -1;
        /* the first and last bytes first: most candidates fail there */
        if (p[-(long)k] == needle[0] && p[m - 1 - k] == needle[m - 1] &&
            memcmp(p - k, needle, m) == 0)
            return (long)(p - k - s);
        p++;
    }
    return -1;
}

bool text_contains(const char *s, size_t len, const char *needle)
{
    return text_find(s, len, 0, needle) >= 0;
}

bool text_contains_any(const char *s, size_t from, size_t to, const char *const *words)
{
    for (int w = 0; words && words[w]; w++)
        if (to > from && text_contains(s + from, to - from, words[w]))
            return true;
    return false;
}

size_t text_clause_start(const char *s, size_t i)
{
    while (i > 0) {
        if (i >= 3 && (text_starts_at(s, i, i - 3, "，") || text_starts_at(s, i, i - 3, "。") ||
                       text_starts_at(s, i, i - 3, "；")))
            return i;
        if (s[i - 1] == ',' || s[i - 1] == ';')
            return i;
        i--;
    }
    return 0;
}

size_t text_clause_end(const char *s, size_t n, size_t i)
{
    for (; i < n; i++)
        if (text_starts_at(s, n, i, "，") || text_starts_at(s, n, i, "。") ||
            text_starts_at(s, n, i, "；") || s[i] == ',' || s[i] == ';')
            return i;
    return n;
}

static bool is_dash(int32_t cp)
{
    return cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0x2012 || cp == 0x2015 ||
           cp == 0x2500 || cp == '~';
}

bool text_is_page_number(const char *s, size_t len, bool marked)
{
    char buf[128];
    if (len > 96)
        return false;
    size_t n = text_compact_buf(s, len, buf, sizeof buf), i = 0, digits = 0;
    /* Dashes must stand on both sides ("-2-", "— 2 —"): "-2" alone is a
     * number (本年增/减). Words (第 页 共 Page) and "2/5" mark a page
     * number by themselves. A point between digits is a decimal point:
     * "18.5" is a value. */
    bool dash_before = false, dash_after = false, words = false;
    int32_t prev = 0;
    while (i < n) {
        size_t k = i;
        int32_t cp = utf8_next(buf, n, &k);
        if (cp >= '0' && cp <= '9') {
            if (prev == '.' && digits)
                return false;
            digits++;
        } else if (is_dash(cp)) {
            *(digits ? &dash_after : &dash_before) = true;
        } else if (cp == '/' || cp == 0x7B2C /* 第 */ || cp == 0x9875 /* 页 */ ||
                   cp == 0x5171 /* 共 */ || cp == 'P' || cp == 'a' || cp == 'g' || cp == 'e' ||
                   cp == '.') {
            words |= cp != '.';
        } else if (cp != ' ') {
            return false;
        }
        prev = cp;
        i = k;
    }
    bool marks = words || (dash_before && dash_after);
    return digits > 0 && digits <= 8 && (!marked || marks);
}
