/*
 * fuzz_serve_parse.c — libFuzzer harness for xxgk serve's request
 * parsers (server/parse.c): the first byte chooses the parser; for
 * multipart, the bytes up to the first newline are the Content-Type
 * header's value and the rest is the body. Every field found is read
 * to its length, so that a length past the copy is caught by ASan.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

static volatile unsigned sink;

static void touch(const form *f)
{
    for (size_t i = 0; i < f->n; i++) {
        sink += (unsigned)strlen(f->v[i].name);
        for (size_t k = 0; k <= f->v[i].len; k++)
            sink += (unsigned char)f->v[i].value[k];
        if (f->v[i].filename)
            sink += (unsigned)strlen(f->v[i].filename);
    }
    sink += form_get(f, "_csrf") != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *p = (const char *)data + 1;
    size_t n = size - 1;
    form f = {0};
    switch (data[0] % 3) {
    case 0:
        form_parse_urlencoded(&f, p, n);
        break;
    case 1: {
        const char *nl = memchr(p, '\n', n);
        size_t tl = nl ? (size_t)(nl - p) : n;
        char *type = malloc(tl + 1);
        if (!type)
            return 0;
        memcpy(type, p, tl);
        type[tl] = '\0';
        size_t off = nl ? tl + 1 : n;
        form_parse_multipart(&f, type, p + off, n - off);
        free(type);
        break;
    }
    default: {
        char *header = malloc(n + 1), value[64];
        if (!header)
            return 0;
        memcpy(header, p, n);
        header[n] = '\0';
        if (cookie_get(header, "xxgk_session", value, sizeof value))
            sink += (unsigned)strlen(value);
        free(header);
    }
    }
    touch(&f);
    form_free(&f);
    return 0;
}
