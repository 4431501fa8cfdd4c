/*
 * html_charset.c — which character set a web page is in, and its bytes
 * converted to UTF-8 before parsing (see html_charset.h).
 *
 * Government sites serve UTF-8 and GB2312/GBK/GB18030 pages, and many
 * declare one while sending the other. The bytes decide when they are
 * valid UTF-8 (or all but a few); otherwise the declaration; otherwise
 * GB18030, which every GB2312 and GBK page also is. The parser is then given UTF-8 only, and
 * told to ignore the page's own declaration (read_html.c).
 */
#include "html_charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "utf8.h"

/* How far into the page a declaration is looked for. HTML puts it in
 * the first 1024 bytes; real pages put a long <title> or scripts first. */
#define DECL_WINDOW 16384

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Case-insensitive search for the ASCII `needle` in s[from..to). */
static size_t find_ci(const char *s, size_t from, size_t to, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = from; i + n <= to; i++) {
        size_t k = 0;
        while (k < n && lower(s[i + k]) == needle[k])
            k++;
        if (k == n)
            return i;
    }
    return to;
}

/* Reads a charset name after `key` (charset / encoding) inside a tag
 * s[from..to): optional blanks, '=', optional quote, then the name. */
static int name_after(const char *s, size_t from, size_t to, const char *key, char *name,
                      size_t cap)
{
    size_t at = find_ci(s, from, to, key);
    if (at == to)
        return 0;
    size_t i = at + strlen(key);
    while (i < to && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    if (i >= to || s[i] != '=')
        return 0;
    i++;
    while (i < to && (s[i] == ' ' || s[i] == '"' || s[i] == '\''))
        i++;
    size_t n = 0;
    while (i < to && n + 1 < cap) {
        char c = lower(s[i]);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.' || c == ':'))
            break;
        name[n++] = c;
        i++;
    }
    name[n] = '\0';
    return n > 0;
}

int html_declared_charset(const char *data, size_t size, char *name, size_t cap)
{
    size_t lim = size < DECL_WINDOW ? size : DECL_WINDOW;
    if (cap == 0)
        return 0;
    size_t xml = find_ci(data, 0, lim < 256 ? lim : 256, "<?xml");
    if (xml < lim) {
        size_t end = find_ci(data, xml, lim, "?>");
        if (name_after(data, xml, end, "encoding", name, cap))
            return 1;
    }
    for (size_t i = 0; (i = find_ci(data, i, lim, "<meta")) < lim; i++) {
        size_t end = i;
        while (end < lim && data[end] != '>')
            end++;
        if (name_after(data, i, end, "charset", name, cap))
            return 1;
    }
    return 0;
}

/* The iconv name to read a declared charset with: the GB family as its
 * superset GB18030, Big5 as Big5-HKSCS; NULL for UTF-8. */
static const char *iconv_name(const char *declared)
{
    static const char *const gb[] = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936",
                                     "euc-cn", "gb_2312-80", "chinese", "csgb2312", NULL};
    for (int i = 0; gb[i]; i++)
        if (!strcmp(declared, gb[i]))
            return "GB18030";
    if (!strcmp(declared, "utf-8") || !strcmp(declared, "utf8"))
        return NULL;
    if (!strcmp(declared, "big5") || !strcmp(declared, "big5-hkscs") ||
        !strcmp(declared, "x-x-big5"))
        return "BIG5-HKSCS";
    return declared;
}

/* Appends bytes to a growing malloc'd buffer; returns 0 when out of
 * memory. */
static int put(char **buf, size_t *n, size_t *cap, const char *s, size_t len)
{
    if (*n + len + 1 > *cap) {
        size_t nc = (*cap + len + 1) * 2;
        char *nb = realloc(*buf, nc);
        if (!nb)
            return 0;
        *buf = nb;
        *cap = nc;
    }
    memcpy(*buf + *n, s, len);
    *n += len;
    (*buf)[*n] = '\0';
    return 1;
}

static const char replacement[] = "\xEF\xBF\xBD";

/* Converts s from `from` to UTF-8, replacing every invalid sequence by
 * U+FFFD. Returns the malloc'd text, or NULL when iconv does not know
 * `from` (*oom set when out of memory instead). */
static char *convert(const char *from, const char *s, size_t size, size_t *out_size,
                     size_t *replaced, int *oom)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = size + size / 2 + 64, n = 0;
    char *out = malloc(cap);
    *replaced = 0;
    char *in = (char *)s;
    size_t inleft = size;
    while (out && inleft > 0) {
        char *o = out + n;
        size_t outleft = cap - n - 1;
        size_t r = iconv(cd, &in, &inleft, &o, &outleft);
        n = (size_t)(o - out);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            char *nb = realloc(out, cap * 2);
            if (!nb) {
                free(out);
                out = NULL;
                break;
            }
            out = nb;
            cap *= 2;
            continue;
        }
        /* EILSEQ, or EINVAL at the end: one byte becomes U+FFFD. */
        (*replaced)++;
        in++;
        inleft--;
        if (!put(&out, &n, &cap, replacement, 3)) {
            free(out);
            out = NULL;
        }
    }
    iconv_close(cd);
    if (!out) {
        *oom = 1;
        return NULL;
    }
    out[n] = '\0';
    *out_size = n;
    return out;
}

/* A copy of s with every invalid UTF-8 sequence replaced by U+FFFD. */
static char *repair_utf8(const char *s, size_t size, size_t *out_size, size_t *replaced)
{
    size_t cap = size + size / 4 + 64, n = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    out[0] = '\0';
    *replaced = 0;
    size_t i = 0;
    while (i < size) {
        bool at_end;
        size_t bad = utf8_invalid_at(s + i, size - i, &at_end);
        if (!put(&out, &n, &cap, s + i, bad)) {
            free(out);
            return NULL;
        }
        i += bad;
        if (i < size) {
            size_t k = i;
            utf8_next(s, size, &k); /* skips the invalid sequence */
            i = k > i ? k : i + 1;
            (*replaced)++;
            if (!put(&out, &n, &cap, replacement, 3)) {
                free(out);
                return NULL;
            }
        }
    }
    *out_size = n;
    return out;
}

static xxgk_status use_converted(html_utf8 *out, char *text, size_t size, const char *encoding,
                                 size_t replaced)
{
    out->owned = text;
    out->text = text;
    out->size = size;
    snprintf(out->encoding, sizeof out->encoding, "%s", encoding);
    out->replaced = replaced;
    return XXGK_OK;
}

/* Counts the invalid sequences and the valid multi-byte characters. */
static void utf8_census(const char *s, size_t size, size_t *bad, size_t *multi)
{
    *bad = *multi = 0;
    for (size_t i = 0; i < size;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        if (utf8_next(s, size, &i) < 0)
            (*bad)++;
        else
            (*multi)++;
    }
}

xxgk_status html_to_utf8(const char *data, size_t size, html_utf8 *out, xxgk_error *err)
{
    memset(out, 0, sizeof *out);
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        size -= 3;
    }
    int oom = 0;
    size_t n = 0, replaced = 0, bad, multi;
    char *text = NULL;
    if (size >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE) &&
        ((unsigned char)data[1] ^ (unsigned char)data[0]) == 0x01) {
        text = convert("UTF-16", data, size, &n, &replaced, &oom);
        if (text)
            return use_converted(out, text, n, "UTF-16", replaced);
    }
    /* Valid UTF-8 throughout, nearly every page: told by the fast scan. */
    bool at_end;
    if (utf8_invalid_at(data, size, &at_end) == size)
        bad = multi = 0;
    else
        utf8_census(data, size, &bad, &multi);
    if (bad == 0) {
        out->text = data;
        out->size = size;
        strcpy(out->encoding, "UTF-8");
        return XXGK_OK;
    }
    /* A UTF-8 page with a few broken bytes (one in ten characters at
     * most) stays UTF-8, whatever it declares: in GBK text a third or
     * more of the characters are invalid UTF-8. */
    if (multi < 10 || bad * 10 > multi) {
        char declared[64];
        const char *from = NULL;
        if (html_declared_charset(data, size, declared, sizeof declared))
            from = iconv_name(declared);
        if (from && strcmp(from, "GB18030") != 0) {
            text = convert(from, data, size, &n, &replaced, &oom);
            if (text)
                return use_converted(out, text, n, from, replaced);
        }
        /* Declared GB, undeclared, or wrongly declared UTF-8. */
        if (!oom)
            text = convert("GB18030", data, size, &n, &replaced, &oom);
        if (text)
            return use_converted(out, text, n, "GB18030", replaced);
    }
    text = oom ? NULL : repair_utf8(data, size, &n, &replaced);
    if (!text)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    return use_converted(out, text, n, "UTF-8", replaced);
}
