/*
 * strbuf.c — the growable text buffer of strbuf.h.
 */
#include "strbuf.h"

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

