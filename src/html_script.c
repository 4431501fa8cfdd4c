/*
 * html_script.c — the report HTML a page carries in a script string
 * (see html_script.h): the scripts' string literals scanned once, each
 * decoded, the longest that holds a table kept.
 *
 * The scan knows just enough JavaScript not to be misled: string
 * literals in ", ' and ` quotes, escapes, and comments. A literal in
 * " or ' ends at an unescaped line end (JavaScript forbids one inside),
 * so that a stray quote cannot swallow the rest of the page.
 */
#include "html_script.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"

/* A decoded code point: never a lone surrogate, never NUL (no NUL in
 * the HTML handed to the parser). */
static void sput_cp(strbuf *b, int32_t cp)
{
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    strbuf_add_cp(b, cp == 0 ? ' ' : cp);
}

static int hex(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* `digits` hex digits at js[i]; -1 when they are not all there. */
static int32_t hex_at(const char *js, size_t n, size_t i, int digits)
{
    int32_t v = 0;
    for (int k = 0; k < digits; k++) {
        if (i + (size_t)k >= n || hex(js[i + k]) < 0)
            return -1;
        v = v * 16 + hex(js[i + k]);
    }
    return v;
}

/* A \u escape at js[i] (js[i] == 'u'): \uXXXX, a surrogate pair of two,
 * or \u{X…}. Writes the character; returns the offset after it. */
static size_t unicode_escape(const char *js, size_t n, size_t i, strbuf *out)
{
    if (i + 1 < n && js[i + 1] == '{') {
        int32_t v = 0;
        size_t k = i + 2;
        while (k < n && hex(js[k]) >= 0 && v <= 0x10FFFF)
            v = v * 16 + hex(js[k++]);
        if (k < n && js[k] == '}' && k > i + 2) {
            sput_cp(out, v);
            return k + 1;
        }
        strbuf_add(out, "u", 1);
        return i + 1;
    }
    int32_t v = hex_at(js, n, i + 1, 4);
    if (v < 0) {
        strbuf_add(out, "u", 1);
        return i + 1;
    }
    size_t next = i + 5;
    if (v >= 0xD800 && v <= 0xDBFF && next + 1 < n && js[next] == '\\' && js[next + 1] == 'u') {
        int32_t lo = hex_at(js, n, next + 2, 4);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
            sput_cp(out, 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00));
            return next + 6;
        }
    }
    sput_cp(out, v);
    return next;
}

/* The escape at js[i] (after the backslash), decoded into out; returns
 * the offset after it. */
static size_t escape(const char *js, size_t n, size_t i, strbuf *out)
{
    char c = js[i];
    switch (c) {
    case 'n': strbuf_add(out, "\n", 1); return i + 1;
    case 't': strbuf_add(out, "\t", 1); return i + 1;
    case 'r': strbuf_add(out, "\r", 1); return i + 1;
    case 'b': case 'f': case 'v': strbuf_add(out, " ", 1); return i + 1;
    case '0': strbuf_add(out, " ", 1); return i + 1;
    case '\r': /* a line continuation */
        return i + 1 < n && js[i + 1] == '\n' ? i + 2 : i + 1;
    case '\n': return i + 1;
    case 'x': {
        int32_t v = hex_at(js, n, i + 1, 2);
        if (v < 0) {
            strbuf_add(out, "x", 1);
            return i + 1;
        }
        sput_cp(out, v);
        return i + 3;
    }
    case 'u': return unicode_escape(js, n, i, out);
    default: /* \" \' \\ \/ and any other character stand for themselves */
        strbuf_add(out, js + i, 1);
        return i + 1;
    }
}

/* The literal opened by the quote at js[i], decoded and appended to out.
 * Returns the offset after its closing quote; sets *closed when there
 * was one. */
static size_t literal(const char *js, size_t n, size_t i, strbuf *out, bool *closed)
{
    char q = js[i++];
    *closed = false;
    while (i < n) {
        size_t run = i;
        while (i < n && js[i] != q && js[i] != '\\' && (q == '`' || js[i] != '\n'))
            i++;
        strbuf_add(out, js + run, i - run);
        if (i >= n || js[i] == '\n')
            return i;
        if (js[i] == q) {
            *closed = true;
            return i + 1;
        }
        i = i + 1 < n ? escape(js, n, i + 1, out) : n;
    }
    return i;
}

static size_t skip_space(const char *js, size_t n, size_t i)
{
    while (i < n && (js[i] == ' ' || js[i] == '\t' || js[i] == '\n' || js[i] == '\r'))
        i++;
    return i;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Case-insensitive search for a lower-case ASCII needle. */
static bool has(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && lower(s[i + k]) == needle[k])
            k++;
        if (k == m)
            return true;
    }
    return false;
}

/* Whether decoded text holds a table: markup, or markup written as
 * entities (1 for markup, 2 for entities, 0 for none). */
static int holds_table(const char *s, size_t n)
{
    if (has(s, n, "<table") && (has(s, n, "<td") || has(s, n, "<tr")))
        return 1;
    if (has(s, n, "&lt;table") && (has(s, n, "&lt;td") || has(s, n, "&lt;tr")))
        return 2;
    return 0;
}

/* &lt; &gt; &quot; &#39; &amp; decoded in place (markup written as
 * entities in a string: the HTML parser would read it as text). */
static size_t decode_entities(char *s, size_t n)
{
    static const struct {
        const char *entity;
        char c;
    } map[] = {{"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''},
               {"&#34;", '"'}, {"&amp;", '&'}};
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t k = 0, m = 0;
        if (s[i] == '&')
            for (; k < sizeof map / sizeof map[0]; k++) {
                m = strlen(map[k].entity);
                if (i + m <= n && !memcmp(s + i, map[k].entity, m))
                    break;
            }
        if (s[i] == '&' && k < sizeof map / sizeof map[0]) {
            s[o++] = map[k].c;
            i += m;
        } else {
            s[o++] = s[i++];
        }
    }
    s[o] = '\0';
    return o;
}

/* The offset after a comment starting at js[i] ("//" or slash-star), or i. */
static size_t skip_comment(const char *js, size_t n, size_t i)
{
    if (i + 1 >= n || js[i] != '/')
        return i;
    if (js[i + 1] == '/') {
        const char *nl = memchr(js + i, '\n', n - i);
        return nl ? (size_t)(nl - js) : n;
    }
    if (js[i + 1] == '*') {
        for (size_t k = i + 2; k + 1 < n; k++)
            if (js[k] == '*' && js[k + 1] == '/')
                return k + 2;
        return n;
    }
    return i;
}

/* A literal and the literals joined to it with `+`, decoded into cur.
 * Returns the offset after the last; *closed says whether every literal
 * was closed (one that is not is a syntax error, never report HTML). */
static size_t chain(const char *js, size_t n, size_t i, strbuf *cur, bool *all_closed)
{
    bool closed;
    strbuf_clear(cur);
    i = literal(js, n, i, cur, &closed);
    *all_closed = closed;
    while (closed) {
        size_t k = skip_space(js, n, i);
        if (k >= n || js[k] != '+')
            break;
        k = skip_space(js, n, k + 1);
        if (k >= n || (js[k] != '"' && js[k] != '\'' && js[k] != '`'))
            break;
        i = literal(js, n, k, cur, &closed);
        *all_closed = closed;
    }
    return i;
}

char *html_script_report(const char *js, size_t n, size_t *len)
{
    /* Decoding never lengthens a literal: the script's size bounds both. */
    strbuf best, cur;
    strbuf_init(&best, n + 1);
    strbuf_init(&cur, n + 1);
    int best_kind = 0;
    for (size_t i = 0; i < n && !cur.failed && !best.failed;) {
        size_t after = skip_comment(js, n, i);
        if (after != i) {
            i = after;
            continue;
        }
        if (js[i] != '"' && js[i] != '\'' && js[i] != '`') {
            i++;
            continue;
        }
        bool closed;
        i = chain(js, n, i, &cur, &closed);
        int kind = cur.failed || !closed ? 0 : holds_table(cur.s, cur.len);
        if (kind && cur.len > best.len) {
            strbuf t = best;
            best = cur;
            cur = t;
            best_kind = kind;
        }
    }
    strbuf_free(&cur);
    if (best.failed || !best_kind) {
        strbuf_free(&best);
        return NULL;
    }
    if (best_kind == 2)
        best.len = decode_entities(best.s, best.len);
    *len = best.len;
    return best.s;
}
