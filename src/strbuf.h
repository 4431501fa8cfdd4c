/*
 * strbuf.h — a growable text buffer with a size limit, for the readers
 * that gather text piece by piece (a DOCX paragraph, a PDF line).
 */
#ifndef XXGK_STRBUF_H
#define XXGK_STRBUF_H

#include <stdbool.h>
#include <stddef.h>


/* A growable, always NUL-terminated byte buffer. Failures are sticky:
 * once memory ran out or the limit was passed, further writes are
 * ignored and `failed` says why. */
typedef struct strbuf {
    char *s;      /* malloc'd; NULL until the first write */
    size_t len, cap;
    size_t limit; /* the most bytes it may hold */
    enum { STRBUF_OK = 0, STRBUF_NOMEM, STRBUF_TOO_LARGE } failed;
} strbuf;

void strbuf_init(strbuf *b, size_t limit);
void strbuf_free(strbuf *b);
void strbuf_add(strbuf *b, const char *s, size_t n);
void strbuf_addc(strbuf *b, char c);
/* Appends the UTF-8 encoding of a code point. */
void strbuf_add_cp(strbuf *b, int cp);
/* Forgets the contents, keeps the memory. */
void strbuf_clear(strbuf *b);

#endif
