/* test_html_script.c — the report HTML a page carries in a script string
 * (html_script.c): escapes, joined literals, comments, entity-written
 * markup, and what is not report HTML. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_script.h"
#include "unit.h"

/* The decoded report HTML of `js`, or NULL (static buffer). */
static const char *decoded(const char *js)
{
    static char out[1024];
    size_t len = 0;
    char *html = html_script_report(js, strlen(js), &len);
    if (!html)
        return NULL;
    CHECK_INT(len, strlen(html));
    snprintf(out, sizeof out, "%s", html);
    free(html);
    return out;
}

static void escapes(void)
{
    CHECK_STR(decoded("var content = \"<p>\\u767d\\u6c99\\u9547<\\/p><table><tr><td>1<\\/td><\\/tr><\\/table>\";"),
              "<p>白沙镇</p><table><tr><td>1</td></tr></table>");
    CHECK_STR(decoded("x = '<table class=\\'t\\'>\\n<tr><td>\\x41</td></tr></table>';"),
              "<table class='t'>\n<tr><td>A</td></tr></table>");
    /* a surrogate pair, and \u{…} */
    CHECK_STR(decoded("s = \"<table><tr><td>\\ud83d\\ude00\\u{4e00}</td></tr></table>\";"),
              "<table><tr><td>😀一</td></tr></table>");
    /* a line continuation */
    CHECK_STR(decoded("s = \"<table><tr>\\\n<td>2</td></tr></table>\";"),
              "<table><tr><td>2</td></tr></table>");
    /* no NUL reaches the parser */
    CHECK_STR(decoded("s = \"<table><tr><td>\\u0000\\0</td></tr></table>\";"),
              "<table><tr><td>  </td></tr></table>");
}

static void literals(void)
{
    /* joined with +, over lines */
    CHECK_STR(decoded("var c = '<table>' +\n  '<tr><td>3</td></tr>' + \"</table>\";"),
              "<table><tr><td>3</td></tr></table>");
    /* the longest literal holding a table wins; others are ignored */
    CHECK_STR(decoded("a = '<table><tr><td>1</td></tr></table>'; b = 'x';"
                      " c = '<p>长</p><table><tr><td>22</td></tr></table>';"),
              "<p>长</p><table><tr><td>22</td></tr></table>");
    /* quotes inside comments do not open literals */
    CHECK_STR(decoded("// it's \"a\" comment\n/* don't */ v = '<table><tr><td>4</td></tr></table>';"),
              "<table><tr><td>4</td></tr></table>");
    /* markup written with entities */
    CHECK_STR(decoded("v = \"&lt;table&gt;&lt;tr&gt;&lt;td&gt;5&amp;6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;\";"),
              "<table><tr><td>5&6</td></tr></table>");
}

static void no_report(void)
{
    CHECK(decoded("var a = 'hello'; var b = \"<p>no table</p>\";") == NULL);
    CHECK(decoded("") == NULL);
    /* a literal cut by a line end (JavaScript forbids one) takes no more */
    CHECK(decoded("var a = \"<table><tr>\n<td>1</td></tr></table>\";") == NULL);
    /* a literal left open at the end */
    CHECK(decoded("var a = '<table><tr><td>1</td></tr></table>") == NULL);
    CHECK(decoded("x = '\\") == NULL);
    CHECK(decoded("x = '\\u12") == NULL);
}

const struct unit_case unit_cases[] = {
    {"escapes", escapes},
    {"literals", literals},
    {"no_report", no_report},
    {NULL, NULL},
};
