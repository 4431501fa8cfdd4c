/*
 * layout.c — the Word-text layout writer shared by the DOCX and PDF
 * readers (see layout.h).
 *
 * The text reader tells cells from paragraphs by their first byte and
 * takes any line with a TAB or a `|` for a table row. Text coming out of
 * a container is never a text-layout table, so every line written here
 * is cleaned first: control characters (TAB included) become spaces and
 * `|` becomes its full-width form `｜`.
 */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void strbuf_init(strbuf *b, size_t limit)
{
    b->s = NULL;
    b->len = b->cap = 0;
    b->limit = limit;
    b->failed = STRBUF_OK;
}

void strbuf_free(strbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void strbuf_clear(strbuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

static bool reserve(strbuf *b, size_t n)
{
    if (b->failed)
        return false;
    if (n > b->limit - b->len || b->len > b->limit) {
        b->failed = STRBUF_TOO_LARGE;
        return false;
    }
    if (b->len + n + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->failed = STRBUF_NOMEM;
        return false;
    }
    b->s = s;
    b->cap = cap;
    return true;
}

void strbuf_add(strbuf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void strbuf_addc(strbuf *b, char c)
{
    strbuf_add(b, &c, 1);
}

void strbuf_add_cp(strbuf *b, int cp)
{
    char tmp[4];
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    strbuf_add(b, tmp, utf8_put(tmp, cp));
}

/* Appends one line, cleaned (see the top of the file) and without the
 * ASCII blanks at either end. */
static void add_clean_line(strbuf *out, const char *s, size_t n)
{
    while (n && (s[0] == ' ' || s[0] == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != 0x7F && c != '|')
            continue;
        strbuf_add(out, s + run, i - run);
        if (c == '|')
            strbuf_add(out, "\xEF\xBD\x9C", 3);
        else
            strbuf_addc(out, ' ');
        run = i + 1;
    }
    strbuf_add(out, s + run, n - run);
}

void layout_para(strbuf *out, const char *text, size_t len)
{
    size_t pos = 0;
    do {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        add_clean_line(out, text + pos, end - pos);
        strbuf_addc(out, '\n');
        pos = end + 1;
    } while (pos <= len);
}

void layout_cell(strbuf *out, const char *text, size_t len)
{
    bool first = true;
    size_t pos = 0;
    strbuf_addc(out, '\t');
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (!text_is_blank(text + pos, end - pos)) {
            if (!first)
                strbuf_addc(out, '\n');
            add_clean_line(out, text + pos, end - pos);
            first = false;
        }
        pos = end + 1;
    }
    strbuf_addc(out, '\n');
}

void layout_row_end(strbuf *out)
{
    strbuf_addc(out, '\n');
}

xxgk_status layout_finish(strbuf *out, arena *a, const char *what, input_text *result,
                          xxgk_error *err)
{
    xxgk_status st = XXGK_OK;
    if (out->failed == STRBUF_NOMEM)
        st = error_set(err, XXGK_E_NOMEM, "内存不足");
    else if (out->failed == STRBUF_TOO_LARGE)
        st = error_set(err, XXGK_E_TOO_LARGE, "%s 文件中的文字过多（超过 %zu 字节）", what,
                       out->limit);
    else if (out->len == 0 || text_is_blank(out->s, out->len))
        st = error_set(err, XXGK_E_EMPTY, "%s 文件中没有文字", what);
    if (st == XXGK_OK) {
        result->text = arena_strndup(a, out->s, out->len);
        result->size = out->len;
        result->encoding = "UTF-8";
        if (!result->text)
            st = error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    strbuf_free(out);
    return st;
}
