/*
 * layout.h — writing the Word-text layout of readers.h, for the readers
 * that rebuild structure from a container (DOCX, PDF): a growable text
 * buffer with a size limit, and writers for a paragraph, a table cell and
 * the end of a table row that keep every line classifiable by the text
 * reader (read_text.c).
 */
#ifndef XXGK_LAYOUT_H
#define XXGK_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "input.h"
#include "xxgk.h"

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

/* One paragraph of body text. Lines inside it ("\n") become paragraphs
 * of their own; a blank paragraph becomes an empty line. */
void layout_para(strbuf *out, const char *text, size_t len);

/* One table cell: its first line starts with a TAB, its other lines
 * follow as continuation lines; blank lines inside are dropped (a blank
 * line would end the row). An empty cell is a lone TAB. */
void layout_cell(strbuf *out, const char *text, size_t len);

/* Ends a table row (a blank line). */
void layout_row_end(strbuf *out);

/* Hands the text over as the reader's result: copied into the arena as
 * normalised text. `what` names the input kind in messages ("DOCX"). A
 * buffer that failed gives XXGK_E_NOMEM or XXGK_E_TOO_LARGE; one with no
 * text at all gives XXGK_E_EMPTY. The buffer is freed in every case. */
xxgk_status layout_finish(strbuf *out, arena *a, const char *what, input_text *result,
                          xxgk_error *err);

#endif
