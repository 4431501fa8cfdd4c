/*
 * pdf_lexer.h — the tokens of a PDF content stream held in memory, cut
 * as MuPDF 1.21's lexer cuts them (the same numbers to the last bit,
 * the same names, strings and keywords), for the fast interpreter.
 */
#ifndef XXGK_PDF_LEXER_H
#define XXGK_PDF_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum pdfx_tok {
    PX_EOF,
    PX_ERROR,       /* what MuPDF calls a syntax error */
    PX_NUMBER,      /* integer or real: `num` */
    PX_NAME,        /* /Name: `name` (without the slash, #xx decoded) */
    PX_STRING,      /* (literal) or <hex>: `str`, `str_len` */
    PX_OPEN_ARRAY,
    PX_CLOSE_ARRAY,
    PX_OPEN_DICT,
    PX_CLOSE_DICT,
    PX_KEYWORD,     /* an operator: `name` */
    PX_OTHER        /* true, false, null, R, obj, braces …: not operands
                       MuPDF accepts outside arrays and dictionaries */
} pdfx_tok;

typedef struct pdfx {
    const unsigned char *p, *end;
    float num;
    bool is_int;         /* PX_NUMBER written without a point */
    char name[128];      /* PX_NAME, PX_KEYWORD */
    size_t name_len;
    unsigned char *str;  /* PX_STRING (malloc'd, grows) */
    size_t str_len, str_cap;
    bool nomem;          /* a string could not grow: PX_ERROR */
} pdfx;

void pdfx_init(pdfx *x, const unsigned char *data, size_t size);
void pdfx_free(pdfx *x);
pdfx_tok pdfx_next(pdfx *x);

/* Skips `n` bytes of binary data (an inline image's); false when there
 * are fewer left. */
bool pdfx_skip(pdfx *x, size_t n);

#endif
