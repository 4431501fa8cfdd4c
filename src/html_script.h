/*
 * html_script.h — a report carried inside a script of a web page.
 *
 * Pages that fill their article by script are saved with an empty
 * article and the report in a string literal of a <script>:
 *   var content = "<p>2019年…<\/p><table>…";
 * html_tree.c keeps the text of the page's scripts (bounded); this finds
 * the string literal that holds report HTML and decodes it, so that the
 * HTML reader can read it as it reads a page.
 */
#ifndef XXGK_HTML_SCRIPT_H
#define XXGK_HTML_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

/* The report HTML carried by the scripts' text `js` (n bytes): the
 * longest string literal — or run of literals joined with `+` — that
 * holds a table (`<table` with `<td` or `<tr`, also written as
 * `&lt;table`), its escapes decoded (\" \' \\ \/ \n \t \r \xHH \uXXXX
 * with surrogate pairs, line continuations) and, when the markup was
 * itself written with entities, &lt; &gt; &quot; &#39; &amp; decoded.
 * Comments are skipped; a literal left open is no candidate. Returns a malloc'd, NUL-terminated buffer and
 * its length in *len, or NULL when no literal holds a table or memory
 * runs out. The work is linear in n and the memory at most 2n. */
char *html_script_report(const char *js, size_t n, size_t *len);

#endif
