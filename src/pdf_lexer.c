/*
 * pdf_lexer.c — content-stream tokens from memory (pdf_lexer.h).
 *
 * The rules are those of MuPDF 1.21's pdf_lex(), so that the fast
 * interpreter reads the same operands as MuPDF's: numbers are cut at
 * the same characters and converted by the same function (fz_atof, or
 * its Acrobat-compatible reading of overlong reals), a name is at most
 * 127 bytes with the same #xx escapes, literal strings keep unescaped
 * line ends as they are, hex strings drop an odd last digit. Anything
 * MuPDF calls a syntax error is PX_ERROR: the interpreter then lets
 * MuPDF read the page.
 */
#include "pdf_lexer.h"

#include <mupdf/fitz.h>
#include <stdlib.h>
#include <string.h>

enum { C_REGULAR = 0, C_WHITE = 1, C_DELIM = 2 };

/* Character classes: white space and delimiters as pdf-lex.c has them. */
static unsigned char cls(int c)
{
    switch (c) {
    case 0x00: case 0x09: case 0x0a: case 0x0c: case 0x0d: case 0x20:
        return C_WHITE;
    case '(': case ')': case '<': case '>': case '[': case ']': case '{': case '}': case '/':
    case '%':
        return C_DELIM;
    default:
        return C_REGULAR;
    }
}

void pdfx_init(pdfx *x, const unsigned char *data, size_t size)
{
    memset(x, 0, sizeof *x);
    x->p = x->end = data;
    if (data)
        x->end = data + size;
}

void pdfx_free(pdfx *x)
{
    free(x->str);
    x->str = NULL;
    x->str_cap = x->str_len = 0;
}

bool pdfx_skip(pdfx *x, size_t n)
{
    if ((size_t)(x->end - x->p) < n)
        return false;
    x->p += n;
    return true;
}

static bool put(pdfx *x, int c)
{
    if (x->str_len == x->str_cap) {
        size_t nc = x->str_cap ? x->str_cap * 2 : 256;
        unsigned char *s = realloc(x->str, nc);
        if (!s) {
            x->nomem = true;
            return false;
        }
        x->str = s;
        x->str_cap = nc;
    }
    x->str[x->str_len++] = (unsigned char)c;
    return true;
}

/* ---- numbers -------------------------------------------------------------- */

/* The sign of a number token, as content streams write it and readers
 * take it: a run of '-' makes it negative, '+' signs are ignored. Returns
 * where its digits start. */
static const char *number_sign(const char *s, bool *negative)
{
    *negative = *s == '-';
    s += strspn(s, "-");
    return s + strspn(s, "+");
}

/* An integer token. Its digits are taken modulo 2^64: a number too long
 * for any real page wraps as it does in MuPDF, whose reading the fast
 * interpreter must give. */
static int64_t integer_value(const char *s)
{
    bool negative;
    uint64_t v = 0;
    for (s = number_sign(s, &negative); *s >= '0' && *s <= '9'; s++)
        v = v * 10 + (uint64_t)(*s - '0');
    return (int64_t)(negative ? 0 - v : v);
}

/* A real token with ten digits or more before its point: MuPDF, like
 * Acrobat, keeps its whole part modulo 2^32 (123450000000000000000678
 * reads as 678) and adds the fraction computed in single precision. */
static float long_real_value(const char *s)
{
    bool negative;
    uint32_t whole = 0;
    for (s = number_sign(s, &negative); *s >= '0' && *s <= '9'; s++)
        whole = whole * 10u + (uint32_t)(*s - '0');
    float v = (float)(int32_t)whole;
    if (*s == '.') {
        float digits = 0, scale = 1;
        for (s++; *s >= '0' && *s <= '9'; s++) {
            digits = 10 * digits + (float)(*s - '0');
            scale = 10 * scale;
        }
        v += digits / scale;
    }
    return negative ? -v : v;
}

/* A number starting with c (already taken): at most 255 characters, as
 * MuPDF's small lexing buffer holds; more start the next token. */
static pdfx_tok lex_number(pdfx *x, int c)
{
    char buf[256];
    size_t n = 0;
    int isreal = c == '.' ? 0 : -1;
    bool neg = c == '-', bad = false;
    buf[n++] = (char)c;
    if (neg)
        while (x->p < x->end && *x->p == '-')
            x->p++;
    while (n < sizeof buf - 1 && x->p < x->end) {
        c = *x->p;
        if (cls(c) != C_REGULAR)
            break;
        x->p++;
        if (c == '.') {
            if (isreal >= 0)
                bad = true;
            isreal = (int)n;
        } else if (c < '0' || c > '9') {
            bad = true;
        }
        buf[n++] = (char)c;
    }
    if (n == sizeof buf - 1 && x->p < x->end)
        x->p++; /* MuPDF has read one more byte, and loses it */
    buf[n] = '\0';
    if (bad)
        return PX_ERROR;
    x->is_int = isreal < 0;
    if (x->is_int)
        x->num = (float)integer_value(buf);
    else
        x->num = isreal >= 10 ? long_real_value(buf) : fz_atof(buf);
    return PX_NUMBER;
}

/* ---- names and keywords --------------------------------------------------- */

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Regular characters into x->name, #xx decoded (#00 is kept as it is). */
static bool lex_name(pdfx *x)
{
    size_t n = 0;
    for (;;) {
        if (n == 127)
            return false; /* "name too long": MuPDF stops at 127 bytes */
        if (x->p == x->end || cls(*x->p) != C_REGULAR)
            break;
        int c = *x->p++;
        if (c == '#') {
            int h0 = x->p < x->end ? hexval(*x->p) : -1;
            int h1 = x->p + 1 < x->end ? hexval(x->p[1]) : -1;
            if (h0 >= 0 && h1 >= 0 && !(h0 == 0 && x->p[1] == '0')) {
                c = h0 * 16 + h1;
                x->p += 2;
            } else if (h0 >= 0) {
                /* MuPDF takes the first digit and gives the second back:
                 * "#" then the digit, both kept */
                x->name[n++] = '#';
                continue;
            }
        }
        x->name[n++] = (char)c;
    }
    x->name[n] = '\0';
    x->name_len = n;
    return true;
}

/* ---- strings -------------------------------------------------------------- */

static pdfx_tok lex_string(pdfx *x)
{
    int bal = 1;
    x->str_len = 0;
    while (x->p < x->end) {
        int c = *x->p++;
        if (c == '(') {
            bal++;
        } else if (c == ')') {
            if (--bal == 0)
                break;
        } else if (c == '\\') {
            if (x->p >= x->end)
                break;
            c = *x->p++;
            switch (c) {
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case '(': case ')': case '\\': break;
            case '\n':
                continue;
            case '\r':
                if (x->p < x->end && *x->p == '\n')
                    x->p++;
                continue;
            default:
                if (c >= '0' && c <= '7') {
                    int oct = c - '0';
                    for (int k = 0; k < 2 && x->p < x->end && *x->p >= '0' && *x->p <= '7'; k++)
                        oct = oct * 8 + (*x->p++ - '0');
                    c = oct & 0xFF;
                }
            }
        }
        if (!put(x, c))
            return PX_ERROR;
    }
    return PX_STRING;
}

static pdfx_tok lex_hex_string(pdfx *x)
{
    int a = 0;
    bool half = false;
    x->str_len = 0;
    while (x->p < x->end) {
        int c = *x->p++;
        if (c == '>')
            break;
        int h = hexval(c);
        if (h < 0)
            continue; /* white space, and invalid characters MuPDF ignores */
        if (half && !put(x, a * 16 + h))
            return PX_ERROR;
        a = h;
        half = !half;
    }
    return PX_STRING;
}

/* ---- tokens --------------------------------------------------------------- */

/* What pdf_token_from_keyword makes of a bare word. */
static pdfx_tok keyword(pdfx *x)
{
    static const char *const special[] = {"R", "true", "false", "null", "obj", "endobj",
                                          "stream", "trailer", "startxref", "xref"};
    /* (operators are short and mostly upper case: only words starting
     * with one of these letters need comparing) */
    if (strchr("Rtfnoesx", x->name[0])) {
        if (!strcmp(x->name, "endstream"))
            return PX_EOF; /* MuPDF stops reading the contents there */
        for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
            if (!strcmp(x->name, special[i]))
                return PX_OTHER;
    }
    for (size_t i = 0; i < x->name_len; i++)
        if ((unsigned char)x->name[i] < ' ' || (unsigned char)x->name[i] > '~')
            return PX_ERROR;
    return PX_KEYWORD;
}

pdfx_tok pdfx_next(pdfx *x)
{
    while (x->p < x->end) {
        int c = *x->p++;
        switch (c) {
        case 0x00: case 0x09: case 0x0a: case 0x0c: case 0x0d: case 0x20:
            continue;
        case '%':
            while (x->p < x->end && *x->p != '\n' && *x->p != '\r')
                x->p++;
            continue;
        case '/':
            return lex_name(x) ? PX_NAME : PX_ERROR;
        case '(':
            return lex_string(x);
        case ')':
            return PX_ERROR;
        case '<':
            if (x->p < x->end && *x->p == '<') {
                x->p++;
                return PX_OPEN_DICT;
            }
            return lex_hex_string(x);
        case '>':
            if (x->p < x->end && *x->p == '>') {
                x->p++;
                return PX_CLOSE_DICT;
            }
            return PX_ERROR;
        case '[':
            return PX_OPEN_ARRAY;
        case ']':
            return PX_CLOSE_ARRAY;
        case '{': case '}':
            return PX_OTHER;
        case '+': case '-': case '.': case '0': case '1': case '2': case '3': case '4': case '5':
        case '6': case '7': case '8': case '9':
            return lex_number(x, c);
        default:
            x->p--;
            if (!lex_name(x))
                return PX_ERROR;
            return keyword(x);
        }
    }
    return PX_EOF;
}
