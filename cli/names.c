/*
 * names.c — file names and messages made safe for a terminal and for
 * line-based output. A file name is whatever bytes the file system holds:
 * a newline in it would split the "FILE:LINE:" prefix of a finding (or a
 * TSV row) in two, an escape sequence would reach the terminal, and bytes
 * that are not UTF-8 garble it. Control characters are written as \n,
 * \r, \t or \xHH, and bytes outside valid UTF-8 as \xHH; everything else
 * is left as it is (a name with a literal backslash is shown as it is).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if none. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (!len || len > n)
        return 0;
    uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[k] & 0x3F);
    }
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

void cli_escape(const char *s, char *out, size_t size)
{
    size_t o = 0, n = strlen(s);
    if (!size)
        return;
    for (size_t i = 0; i < n;) {
        const unsigned char *u = (const unsigned char *)s + i;
        char esc[8];
        size_t len = 0, take = 1;
        if (*u == '\n' || *u == '\r' || *u == '\t') {
            len = (size_t)snprintf(esc, sizeof esc, "\\%c", *u == '\n' ? 'n' : *u == '\r' ? 'r' : 't');
        } else if (*u < 0x20 || *u == 0x7F) {
            len = (size_t)snprintf(esc, sizeof esc, "\\x%02X", *u);
        } else if (*u >= 0x80 && !(take = utf8_sequence(u, n - i))) {
            take = 1;
            len = (size_t)snprintf(esc, sizeof esc, "\\x%02X", *u);
        }
        const char *piece = len ? esc : s + i;
        size_t plen = len ? len : take;
        if (o + plen >= size)
            break;
        memcpy(out + o, piece, plen);
        o += plen;
        i += take;
    }
    out[o] = '\0';
}

const char *cli_name(const char *name)
{
    /* A few at a time: one call may print a name more than once. */
    static char ring[4][16384];
    static int next;
    char *buf = ring[next++ % 4];
    cli_escape(name ? name : "", buf, sizeof ring[0]);
    return buf;
}
