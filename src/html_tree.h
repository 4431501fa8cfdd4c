/*
 * html_tree.h — a web page as a compact tree of what a report reader
 * needs: blocks, line breaks, tables with their spans, links and text.
 *
 * Built from libxml2's HTML parser through SAX, so no DOM is made:
 * scripts, styles, form controls and the like are dropped as they are
 * parsed (the scripts' text is kept apart, for a report carried in a
 * script string), attributes other than rowspan/colspan are never kept,
 * and the memory is a node array plus the page's text.
 */
#ifndef XXGK_HTML_TREE_H
#define XXGK_HTML_TREE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "xxgk.h"

typedef enum html_kind {
    H_ROOT = 0, /* node 0: the document */
    H_TEXT,     /* a run of character data */
    H_INLINE,   /* span, font, b, … (and unknown elements) */
    H_LINK,     /* a: its text is page furniture when it stands alone */
    H_BLOCK,    /* p, div, h1–h6, li, … */
    H_PRE,      /* pre: line ends are kept */
    H_BR,
    H_TABLE,
    H_TSECTION, /* thead, tbody, tfoot */
    H_ROW,
    H_CELL,     /* td, th */
    H_CHROME,   /* nav, aside, footer, menu: not report text */
    H_FORM      /* a form: furniture, unless it holds the article (see
                   html_tree_measure) */
} html_kind;

/* Node indices: a parent always has a smaller index than its children,
 * siblings increase left to right; 0 means "none" except as a parent. */
typedef struct html_node {
    uint32_t parent, first, last, next;
    uint32_t text, len;  /* H_TEXT: bytes in the tree's text pool */
    /* Filled by html_tree_measure, over the subtree, page furniture
     * (links, H_CHROME) not counted: */
    uint32_t chars;      /* non-blank characters */
    uint32_t digits;     /* ASCII digits among them */
    uint32_t numcells;   /* table cells holding only a number */
    uint32_t rows;       /* table rows */
    uint32_t alltables;  /* tables of any kind, the node itself excluded */
    uint32_t tables;     /* data tables (see html_table_is_data) */
    uint32_t bytes;      /* bytes of text, furniture included (saturates) */
    uint32_t nth;        /* 1-based place among the parent's children of
                            the same tag, 0 until html_node_path asks */
    uint16_t rowspan, colspan;
    uint8_t kind;        /* html_kind */
    uint8_t in_link;     /* H_TEXT inside an <a> */
    uint8_t tag;         /* the element's name (html_tag_name) */
    uint8_t shared;      /* the parent has other children of this tag */
} html_node;

typedef struct html_tree {
    html_node *nodes;
    uint32_t n, cap;
    char *pool;          /* the text of all H_TEXT nodes, not NUL-separated */
    size_t pool_len, pool_cap;
    char *title;         /* the page's <title>, malloc'd, or NULL */
    size_t title_len;
    const char **paths;  /* element paths asked for so far (html_node_path),
                            by node; malloc'd, the strings in the caller's
                            arena */
    char *script;        /* the text of the page's <script> elements, one
                            after another (html_script.h), malloc'd, at
                            most HTML_MAX_SCRIPT bytes; NULL when none */
    size_t script_len, script_cap;
    const char *root_path; /* the path of the tree's root in the page
                              ("script" for a page read from a script
                              string), or NULL */
} html_tree;

/* Most bytes of script text kept: the input's own limit. */
#define HTML_MAX_SCRIPT ((size_t)XXGK_MAX_INPUT)

/* Most element nodes a page may have: far above any real page (a
 * report page has about 10,000), it bounds the memory a hostile page
 * can make us take. */
#define HTML_MAX_NODES 1000000u

/* Parses UTF-8 HTML into the tree. Fails with XXGK_E_TOO_LARGE past
 * HTML_MAX_NODES, XXGK_E_NOMEM; never on malformed markup (the parser
 * recovers as browsers do). Free with html_tree_free even on failure. */
xxgk_status html_tree_parse(html_tree *t, const char *utf8, size_t size, xxgk_error *err);
void html_tree_free(html_tree *t);

/* Fills chars/digits/numcells/rows/tables of every node, bottom up. A
 * form that holds data tables or much text (ASP.NET pages wrap the whole
 * page in one) becomes an ordinary block; other forms become H_CHROME. */
void html_tree_measure(html_tree *t);

/* Whether a measured table node holds report data rather than page
 * layout: two rows or more, a few cells that are numbers, no table
 * inside. */
int html_table_is_data(const html_tree *t, uint32_t table);

/* The name of an element ("td"); "*" for one the reader does not know. */
const char *html_tag_name(uint8_t tag);

/* The element path of node `id` from the document element down, e.g.
 * "html/body/div[2]/table/tbody/tr[3]/td[2]" (an index where the parent
 * has several children of the tag), a string in `a`; "" when out of
 * memory. Each node's path is made once, from its parent's, and the
 * places of siblings once per parent, so that many calls stay linear. */
const char *html_node_path(html_tree *t, uint32_t id, arena *a);

#endif
