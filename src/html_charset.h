/*
 * html_charset.h — the character set of a web page, and its bytes as
 * UTF-8 for the HTML parser.
 */
#ifndef XXGK_HTML_CHARSET_H
#define XXGK_HTML_CHARSET_H

#include <stddef.h>

#include "xxgk.h"

/* A page's text as UTF-8. `text` points into the input when it was UTF-8
 * already (no copy); otherwise it is `owned`, a malloc'd copy the caller
 * frees. */
typedef struct html_utf8 {
    const char *text;
    size_t size;
    char *owned;
    char encoding[64];    /* "UTF-8", "GB18030", "BIG5-HKSCS", "windows-1252" … */
    size_t replaced;      /* invalid byte sequences replaced by U+FFFD */
} html_utf8;

/* The charset a page declares in its first bytes: <meta charset=…>,
 * <meta http-equiv="Content-Type" content="…; charset=…"> or the XML
 * declaration's encoding="…". Writes the name (lower case) into name
 * (cap bytes) and returns 1, or returns 0 when there is none. */
int html_declared_charset(const char *data, size_t size, char *name, size_t cap);

/* Converts the page to UTF-8. The order of evidence: a byte-order mark;
 * bytes that are valid UTF-8, or nearly (pages re-saved as UTF-8 often
 * keep their old gb2312 declaration); the declared charset (GB2312 and
 * GBK are read as their superset GB18030); else GB18030. Invalid
 * sequences become U+FFFD and are counted. Fails only when out of
 * memory. */
xxgk_status html_to_utf8(const char *data, size_t size, html_utf8 *out, xxgk_error *err);

#endif
