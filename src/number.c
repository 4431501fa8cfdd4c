/*
 * number.c — cell values (see number.h).
 */
#include "number.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

#define MAX_SCALE 12

static const char *const measure_words[] = {
    "人次", "个", "件", "项", "条", "次", "起", "宗", "人", "家", "份", "篇", "部", NULL};

/* Blank written out: a dash or 无 means "nothing here", not zero. */
static bool is_dash(const char *s, size_t n)
{
    static const char *const dashes[] = {"-", "--", "—", "——", "/", "无", "–", "―", NULL};
    if (n > 6) /* longer than the longest, —— */
        return false;
    for (int i = 0; dashes[i]; i++)
        if (strlen(dashes[i]) == n && memcmp(s, dashes[i], n) == 0)
            return true;
    return false;
}

static bool ends_with(const char *s, size_t n, const char *suffix, size_t *cut)
{
    size_t m = strlen(suffix);
    if (n > m && memcmp(s + n - m, suffix, m) == 0) {
        *cut = n - m;
        return true;
    }
    return false;
}

/* A note in brackets closing the cell: "22（其中修订16件）", "22(含…)",
 * "212件（含变更登记15件）". The note is one bracket pair at the end of
 * the (compact) cell with no bracket inside, and its first character is
 * an ideograph: a parenthesised number ("22(3)") is not a note, and
 * "36.8（万元）" is a unit (unit_in_brackets). Returns the offset of the
 * opening bracket, or 0 when there is no such note (nor a value before
 * it). */
static size_t note_at(const char *s, size_t n)
{
    if (n < 3 || s[n - 1] != ')')
        return 0;
    size_t open = n - 1;
    while (open > 0 && s[open - 1] != '(' && s[open - 1] != ')')
        open--;
    if (open == 0 || s[open - 1] != '(' || open - 1 == 0)
        return 0;
    size_t i = open;
    int32_t first = utf8_next(s, n - 1, &i);
    if (!cp_is_han(first))
        return 0;
    return open - 1;
}

/* "(万元)" / "(元)" after a number: the unit, not a note. */
static uint32_t unit_in_brackets(const char *s, size_t n)
{
    if (n == 8 && !memcmp(s, "(万元)", 8))
        return XXGK_CELL_UNIT_WANYUAN;
    if (n == 5 && !memcmp(s, "(元)", 5))
        return XXGK_CELL_UNIT_YUAN;
    return 0;
}

static void value_parse_compact(const char *buf, size_t n, cell_value *out);

#define UNIT_FLAGS (XXGK_CELL_UNIT_YUAN | XXGK_CELL_UNIT_WANYUAN)

void value_parse(const char *s, size_t len, cell_value *out)
{
    char buf[256];
    memset(out, 0, sizeof *out);
    if (len == 0) {
        out->kind = VALUE_BLANK;
        return;
    }
    /* A cell starting with an ideograph is a label, unless it is 无. */
    const unsigned char *u = (const unsigned char *)s;
    if (len >= 3 && u[0] >= 0xE4 && u[0] <= 0xE9 && !(len == 3 && !memcmp(s, "无", 3))) {
        out->kind = VALUE_TEXT;
        return;
    }
    /* Most cells are a few ASCII digits: no folding needed. */
    if (len <= 9) {
        int64_t v = 0;
        size_t i = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            v = v * 10 + (s[i++] - '0');
        if (i == len) {
            out->kind = VALUE_NUMBER;
            out->num.units = v;
            return;
        }
    }
    if (len > 200) {
        out->kind = VALUE_TEXT;
        return;
    }
    size_t n = text_compact_buf(s, len, buf, sizeof buf);
    value_parse_compact(buf, n, out);
    if (out->kind != VALUE_TEXT || n >= sizeof buf - 1)
        return;
    /* Not a plain value: perhaps a value with a note after it. */
    size_t at = note_at(buf, n);
    if (!at)
        return;
    cell_value v;
    value_parse_compact(buf, at, &v);
    uint32_t unit = unit_in_brackets(buf + at, n - at);
    if (v.kind != VALUE_NUMBER || (unit && (v.flags & UNIT_FLAGS)))
        return;
    *out = v;
    out->flags |= unit;
}

/* value_parse on the compact text of a cell, notes not looked for. */
static void value_parse_compact(const char *buf, size_t n, cell_value *out)
{
    memset(out, 0, sizeof *out);
    if (n == 0) {
        out->kind = VALUE_BLANK;
        return;
    }
    if (is_dash(buf, n)) {
        out->kind = VALUE_BLANK;
        out->flags |= XXGK_CELL_DASH;
        return;
    }
    size_t cut;
    if ((unsigned char)buf[n - 1] < 0x80) {
        /* ends in ASCII: no unit or measure word (all end in a
         * continuation byte) */
    } else if (ends_with(buf, n, "万元", &cut)) {
        out->flags |= XXGK_CELL_UNIT_WANYUAN;
        n = cut;
    } else if (ends_with(buf, n, "元", &cut)) {
        out->flags |= XXGK_CELL_UNIT_YUAN;
        n = cut;
    } else {
        for (int i = 0; measure_words[i]; i++)
            if (ends_with(buf, n, measure_words[i], &cut)) {
                out->flags |= XXGK_CELL_MEASURE;
                n = cut;
                break;
            }
    }
    size_t i = 0;
    bool neg = false;
    if (i < n && (buf[i] == '-' || buf[i] == '+')) {
        neg = buf[i] == '-';
        i++;
    }
    int64_t units = 0;
    int scale = 0, digits = 0;
    bool point = false;
    for (; i < n; i++) {
        char c = buf[i];
        if (c >= '0' && c <= '9') {
            if (units > (INT64_MAX - 9) / 10 || (point && scale >= MAX_SCALE)) {
                out->kind = VALUE_TEXT;
                return;
            }
            units = units * 10 + (c - '0');
            digits++;
            if (point)
                scale++;
        } else if (c == '.' && !point && digits) {
            point = true;
        } else if (c == ',' && digits && !point && i + 3 < n + 1) {
            /* thousands separator: 1,234 */
            continue;
        } else {
            out->kind = VALUE_TEXT;
            return;
        }
    }
    if (!digits || (point && scale == 0)) {
        out->kind = VALUE_TEXT;
        return;
    }
    out->kind = VALUE_NUMBER;
    out->num.units = neg ? -units : units;
    out->num.scale = (uint8_t)scale;
}

bool decimal_yuan_to_wanyuan(xxgk_decimal *d)
{
    if (d->scale + 4 > 18)
        return false;
    d->scale = (uint8_t)(d->scale + 4);
    *d = decimal_normalise(*d);
    return true;
}

xxgk_decimal decimal_normalise(xxgk_decimal d)
{
    while (d.scale > 0 && d.units % 10 == 0) {
        d.units /= 10;
        d.scale--;
    }
    return d;
}

bool decimal_to_int(xxgk_decimal d, int64_t *out)
{
    d = decimal_normalise(d);
    if (d.scale)
        return false;
    *out = d.units;
    return true;
}

char *xxgk_decimal_format(xxgk_decimal v, char *buf, size_t size)
{
    v = decimal_normalise(v);
    if (size < 2) {
        if (size)
            buf[0] = '\0';
        return buf;
    }
    uint64_t mag = v.units < 0 ? (uint64_t)(-(v.units + 1)) + 1 : (uint64_t)v.units;
    /* the digits by hand: every cell of every report's JSON comes here */
    char rev[24], digits[32];
    int nd = 0;
    do {
        rev[nd++] = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag);
    for (int k = 0; k < nd; k++)
        digits[k] = rev[nd - 1 - k];
    digits[nd] = '\0';
    char tmp[48];
    size_t o = 0;
    if (v.units < 0)
        tmp[o++] = '-';
    if (v.scale == 0) {
        memcpy(tmp + o, digits, (size_t)nd);
        o += (size_t)nd;
    } else {
        int intlen = nd - v.scale;
        if (intlen <= 0) {
            tmp[o++] = '0';
            tmp[o++] = '.';
            for (int k = 0; k < -intlen; k++)
                tmp[o++] = '0';
            memcpy(tmp + o, digits, (size_t)nd);
            o += (size_t)nd;
        } else {
            memcpy(tmp + o, digits, (size_t)intlen);
            o += (size_t)intlen;
            tmp[o++] = '.';
            memcpy(tmp + o, digits + intlen, (size_t)v.scale);
            o += v.scale;
        }
    }
    size_t keep = o < size - 1 ? o : size - 1; /* as snprintf would cut it */
    memcpy(buf, tmp, keep);
    buf[keep] = '\0';
    return buf;
}
