/* test_text_scan.c — the fast text primitives (issue 15's performance
 * work) agree with the plain loops they replace, on random text made of
 * the bytes report text is made of (ASCII, blanks, ideographs, CJK and
 * full-width punctuation, stray continuation bytes), at every offset and
 * across the 8- and 16-byte steps they take; and the limits that bound
 * memory per input hold (lines, document nodes and cells). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "report.h"
#include "unit.h"
#include "utf8.h"
#include "xxgk.h"

/* A small deterministic generator (xorshift). */
static uint64_t seed = 88172645463325252ULL;
static uint64_t next_rand(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
}

/* Pieces random text is made of. */
static const char *const pieces[] = {
    "a", "7", " ", "\t", "\n", "|", "[", "(", ".", "政", "府", "申请", "办结", "行政复议",
    "，", "。", "；", "　", "（", "１", "\xC2\xA0", "\xE2\x80\x8B", "\x80", "\xE4\xB8", "\xF0\x9F\x98\x80",
    "[bookmark: _GoBack]", "一", "三三、", "\xEF\xBC\x9A", "\xE2\xBC\x80" /* ⼀ Kangxi one */,
};

static size_t random_text(char *out, size_t cap)
{
    size_t n = 0, want = (size_t)(next_rand() % (cap - 24));
    while (n < want) {
        const char *p = pieces[next_rand() % (sizeof pieces / sizeof pieces[0])];
        size_t l = strlen(p);
        memcpy(out + n, p, l);
        n += l;
    }
    out[n] = '\0';
    return n;
}

static long naive_find(const char *s, size_t len, size_t from, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = from; i + m <= len; i++)
        if (memcmp(s + i, needle, m) == 0)
            return (long)i;
    return m == 0 && from <= len ? (long)from : -1;
}

static void find_agrees(void)
{
    static const char *const needles[] = {"a", "7 ", "申请", "行政复议", "政府", "，", "\n|", "一一",
                                          "[bookmark:", "府申请办结", "\x80"};
    char buf[600];
    for (int round = 0; round < 400; round++) {
        size_t len = random_text(buf, sizeof buf);
        for (size_t k = 0; k < sizeof needles / sizeof needles[0]; k++)
            for (size_t from = 0; from <= len; from += 1 + from / 8)
                CHECK_INT(text_find(buf, len, from, needles[k]),
                          naive_find(buf, len, from, needles[k]));
    }
    /* at the very end, and just past every 16-byte step */
    char t[80];
    for (size_t at = 0; at + 6 <= sizeof t - 1; at++) {
        memset(t, 'x', sizeof t - 1);
        t[sizeof t - 1] = '\0';
        memcpy(t + at, "申请", 6);
        CHECK_INT(text_find(t, at + 6, 0, "申请"), (long)at);
        CHECK_INT(text_find(t, at + 5, 0, "申请"), -1);
    }
}

static void line_end_agrees(void)
{
    char buf[600];
    for (int round = 0; round < 400; round++) {
        size_t len = random_text(buf, sizeof buf);
        for (size_t from = 0; from <= len; from++) {
            const char *nl = memchr(buf + from, '\n', len - from);
            CHECK_INT(text_line_end(buf, len, from), nl ? (size_t)(nl - buf) : len);
        }
    }
}

static void bytes_equal_exact(void)
{
    for (int round = 0; round < 20000; round++) {
        uint64_t w = next_rand();
        if (round % 3 == 0) /* plant the byte */
            w = (w & ~(UINT64_C(0xFF) << (8 * (round % 8)))) | (UINT64_C(0x0A) << (8 * (round % 8)));
        uint64_t want = 0;
        for (int b = 0; b < 8; b++)
            if (((w >> (8 * b)) & 0xFF) == 0x0A)
                want |= UINT64_C(0x80) << (8 * b);
        CHECK(bytes_equal(w, 0x0A) == want);
    }
}

static void decode_agrees(void)
{
    /* every one- to three-byte sequence, and four-byte ones in steps */
    unsigned char s[5] = {0};
    for (uint32_t v = 0; v < (1u << 24); v += (v < (1u << 16) ? 1 : 97)) {
        s[0] = (unsigned char)(v >> 16);
        s[1] = (unsigned char)(v >> 8);
        s[2] = (unsigned char)v;
        s[3] = 0x80;
        for (size_t len = 1; len <= 4; len++) {
            size_t i = 0, j = 0;
            int32_t a = utf8_next((const char *)s, len, &i);
            int32_t b = utf8_next_general((const char *)s, len, &j);
            if (a != b || i != j) {
                CHECK_INT(a, b);
                CHECK_INT(i, j);
                return;
            }
        }
    }
}

static size_t naive_visible(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp = utf8_next_general(s, len, &i);
        n += cp > 0 && !cp_is_space(cp);
    }
    return n;
}

static size_t naive_invalid(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t at = i;
        if (utf8_next_general(s, len, &i) < 0)
            return at;
    }
    return len;
}

static void counts_agree(void)
{
    char buf[600];
    for (int round = 0; round < 2000; round++) {
        size_t len = random_text(buf, sizeof buf);
        CHECK_INT(utf8_count_visible(buf, len), naive_visible(buf, len));
        bool at_end;
        CHECK_INT(utf8_invalid_at(buf, len, &at_end), naive_invalid(buf, len));
    }
}

/* text_compact_buf into a small buffer: its first cap - 5 bytes are
 * those of the whole compact form, and a shorter result is all of it. */
static void compact_prefix(void)
{
    char buf[600], whole[1300], part[64];
    for (int round = 0; round < 2000; round++) {
        size_t len = random_text(buf, sizeof buf);
        size_t n = text_compact_buf(buf, len, whole, sizeof whole);
        for (size_t cap = 1; cap <= sizeof part; cap++) {
            size_t k = text_compact_buf(buf, len, part, cap);
            size_t sure = cap > 5 ? cap - 5 : 0;
            if (k < sure)
                CHECK(k == n && memcmp(part, whole, k) == 0);
            else
                CHECK(n >= sure && memcmp(part, whole, sure) == 0);
        }
    }
}

/* A text view of more than REPORT_MAX_LINES lines is refused before its
 * tree is built; one line fewer is read (and is no report). */
static void line_limit(void)
{
    size_t n = (size_t)REPORT_MAX_LINES;
    char *s = malloc(2 * n + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(s + 2 * i, "7\n", 2);
    s[2 * n] = '7'; /* n newlines and a last line: n + 1 lines */
    xxgk_report *r = NULL;
    xxgk_error err;
    CHECK_INT(xxgk_report_parse(s, 2 * n + 1, "lines.txt", &r, &err), XXGK_E_TOO_LARGE);
    CHECK(strstr(err.message, "行数过多") != NULL);
    CHECK_INT(xxgk_report_parse(s, 2 * n - 2, "lines.txt", &r, &err), XXGK_E_NOT_REPORT);
    xxgk_report_free(r);
    free(s);
}

/* A document takes DOC_MAX_CELLS cells and no more, whatever reader
 * builds it; the failure is sticky and says what was too many. */
static void doc_limits(void)
{
    arena a;
    arena_init(&a, 0);
    doc d;
    doc_init(&d, &a);
    doc_block *t = doc_add_table(&d, 1);
    doc_row *row = t ? doc_add_row(&d, t, 1) : NULL;
    CHECK(row != NULL);
    size_t added = 0;
    while (row && doc_add_cell(&d, row, "1", 1, 1, 1))
        added++;
    CHECK_INT(added, DOC_MAX_CELLS);
    CHECK_INT(d.failed, XXGK_E_TOO_LARGE);
    CHECK(doc_add_para(&d, "x", 1, 2, 1) == NULL);
    xxgk_error err;
    CHECK_INT(doc_status(&d, "DOCX", &err), XXGK_E_TOO_LARGE);
    CHECK(strstr(err.message, "表格单元格过多") != NULL);
    arena_release(&a);

    arena_init(&a, 0);
    doc_init(&d, &a);
    added = 0;
    while (doc_add_para(&d, "x", 1, 1, 1))
        added++;
    CHECK_INT(added, DOC_MAX_NODES);
    CHECK_INT(doc_status(&d, "网页", &err), XXGK_E_TOO_LARGE);
    CHECK(strstr(err.message, "段落和表格行过多") != NULL);
    arena_release(&a);
}

/* An array grown at the end of the arena stays where it is and keeps
 * its contents; one with something allocated after it moves. */
static void arena_growth(void)
{
    arena a;
    arena_init(&a, 4096);
    int *v = arena_alloc(&a, 8 * sizeof *v);
    for (int i = 0; i < 8; i++)
        v[i] = i;
    int *w = arena_grow(&a, v, 8 * sizeof *v, 16 * sizeof *v);
    CHECK(w == v);
    char *other = arena_alloc(&a, 1);
    int *x = arena_grow(&a, w, 16 * sizeof *w, 32 * sizeof *w);
    CHECK(x != w && other != NULL);
    for (int i = 0; i < 8; i++)
        CHECK_INT(x[i], i);
    arena_release(&a);
}

const struct unit_case unit_cases[] = {
    {"find_agrees", find_agrees},
    {"line_end_agrees", line_end_agrees},
    {"bytes_equal_exact", bytes_equal_exact},
    {"decode_agrees", decode_agrees},
    {"counts_agree", counts_agree},
    {"compact_prefix", compact_prefix},
    {"line_limit", line_limit},
    {"doc_limits", doc_limits},
    {"arena_growth", arena_growth},
    {NULL, NULL},
};
