/*
 * html_tree.c — libxml2's HTML parser, through SAX, into the compact
 * tree of html_tree.h; and the measures the reader finds the article
 * body with.
 *
 * The parser recovers from broken markup as browsers do (unclosed <p>,
 * misnested tags, Word's <o:p>), never touches the network, and is told
 * to ignore the page's charset declaration: html_charset.c has already
 * converted the bytes to UTF-8.
 */
#include "html_tree.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "lazy.h"
#include "utf8.h"

/* Elements nested deeper than this add no nodes (their text goes to the
 * deepest node kept), so that every walk of the tree is bounded. */
#define MAX_DEPTH 200

/* A form with this much text is a page wrapped in a form, not a search
 * box (whose words are a few labels). */
#define FORM_TEXT 200

/* How an element is read. Beyond html_kind: dropped with everything in
 * it, or the page title. */
enum { C_SKIP = 100, C_TITLE };

static const struct tag {
    const char *name;
    int kind;
} tags[] = {
    /* sorted by name, for bsearch */
    {"a", H_LINK},          {"address", H_BLOCK},   {"applet", C_SKIP},
    {"area", C_SKIP},       {"article", H_BLOCK},   {"aside", H_CHROME},
    {"audio", C_SKIP},      {"base", C_SKIP},       {"blockquote", H_BLOCK},
    {"body", H_BLOCK},      {"br", H_BR},           {"button", C_SKIP},
    {"canvas", C_SKIP},     {"caption", H_BLOCK},   {"center", H_BLOCK},
    {"col", C_SKIP},        {"colgroup", C_SKIP},   {"datalist", C_SKIP},
    {"dd", H_BLOCK},        {"details", H_BLOCK},   {"dialog", H_BLOCK},
    {"dir", H_BLOCK},       {"div", H_BLOCK},       {"dl", H_BLOCK},
    {"dt", H_BLOCK},        {"embed", C_SKIP},      {"fieldset", H_BLOCK},
    {"figcaption", H_BLOCK}, {"figure", H_BLOCK},   {"footer", H_CHROME},
    {"form", H_FORM}  ,     {"frame", C_SKIP},      {"frameset", C_SKIP},
    {"h1", H_BLOCK},        {"h2", H_BLOCK},        {"h3", H_BLOCK},
    {"h4", H_BLOCK},        {"h5", H_BLOCK},        {"h6", H_BLOCK},
    {"header", H_BLOCK},    {"hgroup", H_BLOCK},    {"hr", H_BR},
    {"html", H_BLOCK},      {"iframe", C_SKIP},     {"img", C_SKIP},
    {"input", C_SKIP},      {"legend", H_BLOCK},    {"li", H_BLOCK},
    {"link", C_SKIP},       {"listing", H_PRE},     {"main", H_BLOCK},
    {"map", C_SKIP},        {"math", C_SKIP},       {"menu", H_CHROME},
    {"meta", C_SKIP},       {"nav", H_CHROME},      {"noembed", C_SKIP},
    {"noframes", C_SKIP},   {"noscript", C_SKIP},   {"object", C_SKIP},
    {"ol", H_BLOCK},        {"optgroup", C_SKIP},   {"option", C_SKIP},
    {"p", H_BLOCK},         {"param", C_SKIP},      {"pre", H_PRE},
    {"script", C_SKIP},     {"section", H_BLOCK},   {"select", C_SKIP},
    {"source", C_SKIP},     {"style", C_SKIP},      {"summary", H_BLOCK},
    {"svg", C_SKIP},        {"table", H_TABLE},     {"tbody", H_TSECTION},
    {"td", H_CELL},         {"template", C_SKIP},   {"textarea", C_SKIP},
    {"tfoot", H_TSECTION},  {"th", H_CELL},         {"thead", H_TSECTION},
    {"title", C_TITLE},     {"tr", H_ROW},          {"track", C_SKIP},
    {"ul", H_BLOCK},        {"video", C_SKIP},      {"xmp", H_PRE},
};

static int tag_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const struct tag *)elem)->name);
}

#define NTAGS (sizeof tags / sizeof tags[0])
#define UNKNOWN_TAG 0xFF

/* The kind of an element and its index in tags[] (UNKNOWN_TAG). */
static int classify(const char *name, uint8_t *tag)
{
    const struct tag *t = bsearch(name, tags, NTAGS, sizeof tags[0], tag_cmp);
    *tag = t ? (uint8_t)(t - tags) : UNKNOWN_TAG;
    return t ? t->kind : H_INLINE;
}

const char *html_tag_name(uint8_t tag)
{
    return tag < NTAGS ? tags[tag].name : "*";
}

/* Numbers the children of `parent` among their same-tag siblings. */
static void number_children(html_tree *t, uint32_t parent)
{
    uint32_t count[256] = {0};
    for (uint32_t c = t->nodes[parent].first; c; c = t->nodes[c].next)
        if (t->nodes[c].kind != H_TEXT)
            t->nodes[c].nth = ++count[t->nodes[c].tag];
    for (uint32_t c = t->nodes[parent].first; c; c = t->nodes[c].next)
        t->nodes[c].shared = count[t->nodes[c].tag] > 1;
}

const char *html_node_path(html_tree *t, uint32_t id, arena *a)
{
    if (id == 0 || id >= t->n)
        return "";
    if (!t->paths && !(t->paths = calloc(t->n, sizeof *t->paths)))
        return "";
    if (t->paths[id])
        return t->paths[id];
    const html_node *node = &t->nodes[id];
    if (!node->nth)
        number_children(t, node->parent);
    const char *parent = node->parent == 0 && t->root_path ? t->root_path
                                                           : html_node_path(t, node->parent, a);
    const char *tag = html_tag_name(node->tag);
    char index[16];
    size_t il = 0;
    for (uint32_t n = node->shared ? node->nth : 0; n; n /= 10)
        index[il++] = (char)('0' + n % 10);
    size_t pl = strlen(parent), tl = strlen(tag);
    char *path = arena_alloc_raw(a, pl + 1 + tl + il + 3);
    if (!path)
        return "";
    memcpy(path, parent, pl);
    size_t o = pl;
    if (pl)
        path[o++] = '/';
    memcpy(path + o, tag, tl);
    o += tl;
    if (il) { /* "[n]", the digits were written backwards */
        path[o++] = '[';
        while (il)
            path[o++] = index[--il];
        path[o++] = ']';
    }
    path[o] = '\0';
    t->paths[id] = path;
    return path;
}

typedef struct sax_state {
    html_tree *t;
    htmlParserCtxtPtr ctxt;
    uint32_t stack[MAX_DEPTH]; /* open element nodes */
    int depth;
    int extra;       /* open elements beyond MAX_DEPTH */
    int skip;        /* open elements inside a dropped one */
    int in_title;
    int in_script;   /* the dropped element is a <script> */
    int links;       /* open <a> elements */
    xxgk_status status;
} sax_state;

static void fail(sax_state *s, xxgk_status st)
{
    if (s->status == XXGK_OK)
        s->status = st;
    xmlStopParser(s->ctxt);
}

static uint32_t add_node(sax_state *s, int kind)
{
    html_tree *t = s->t;
    if (t->n >= HTML_MAX_NODES) {
        fail(s, XXGK_E_TOO_LARGE);
        return 0;
    }
    if (t->n == t->cap) {
        uint32_t nc = t->cap ? t->cap * 2 : 1024;
        html_node *nn = realloc(t->nodes, nc * sizeof *nn);
        if (!nn) {
            fail(s, XXGK_E_NOMEM);
            return 0;
        }
        t->nodes = nn;
        t->cap = nc;
    }
    uint32_t id = t->n++;
    html_node *node = &t->nodes[id];
    memset(node, 0, sizeof *node);
    node->kind = (uint8_t)kind;
    node->rowspan = node->colspan = 1;
    uint32_t parent = s->depth ? s->stack[s->depth - 1] : 0;
    node->parent = parent;
    html_node *p = &t->nodes[parent];
    if (p->last)
        t->nodes[p->last].next = id;
    else
        p->first = id;
    p->last = id;
    return id;
}

/* rowspan/colspan as browsers read them: leading digits, 1 when absent
 * or 0 for colspan; rowspan 0 ("to the end of the table") is kept as 0. */
static uint16_t span_value(const char *v, int is_row)
{
    long n = 0;
    while (*v == ' ')
        v++;
    if (*v < '0' || *v > '9')
        return 1;
    while (*v >= '0' && *v <= '9' && n < 100000)
        n = n * 10 + (*v++ - '0');
    if (n > 65534)
        n = 65534;
    if (n == 0 && !is_row)
        n = 1;
    return (uint16_t)n;
}

static void on_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
    sax_state *s = ctx;
    const char *name = (const char *)xname;
    if (s->skip) {
        s->skip++;
        return;
    }
    uint8_t tag;
    int kind = classify(name, &tag);
    if (kind == C_SKIP || kind == C_TITLE) {
        s->skip = 1;
        s->in_title = kind == C_TITLE && !s->t->title;
        s->in_script = !strcmp(name, "script");
        return;
    }
    if (s->depth >= MAX_DEPTH) {
        s->extra++;
        return;
    }
    uint32_t id = add_node(s, kind);
    if (!id)
        return;
    s->t->nodes[id].tag = tag;
    if (kind == H_CELL && atts) {
        for (int i = 0; atts[i]; i += 2) {
            const char *v = atts[i + 1] ? (const char *)atts[i + 1] : "";
            if (!strcmp((const char *)atts[i], "rowspan"))
                s->t->nodes[id].rowspan = span_value(v, 1);
            else if (!strcmp((const char *)atts[i], "colspan"))
                s->t->nodes[id].colspan = span_value(v, 0);
        }
    }
    s->links += kind == H_LINK;
    s->stack[s->depth++] = id;
}

/* Script text, kept apart up to HTML_MAX_SCRIPT bytes (beyond, the
 * rest is dropped: a report page's scripts are far smaller). */
static void on_script(sax_state *s, const char *text, size_t len)
{
    html_tree *t = s->t;
    if (len > HTML_MAX_SCRIPT - t->script_len)
        return;
    if (t->script_len + len + 1 > t->script_cap) {
        size_t nc = t->script_cap ? t->script_cap : 4096;
        while (nc < t->script_len + len + 1)
            nc *= 2;
        char *np = realloc(t->script, nc);
        if (!np) {
            fail(s, XXGK_E_NOMEM);
            return;
        }
        t->script = np;
        t->script_cap = nc;
    }
    memcpy(t->script + t->script_len, text, len);
    t->script_len += len;
    t->script[t->script_len] = '\0';
}

static void on_end(void *ctx, const xmlChar *name)
{
    sax_state *s = ctx;
    (void)name;
    if (s->skip) {
        if (--s->skip == 0) {
            s->in_title = 0;
            if (s->in_script)
                on_script(s, "\n", 1); /* a literal never runs on into the next script */
            s->in_script = 0;
        }
        return;
    }
    if (s->extra) {
        s->extra--;
        return;
    }
    if (s->depth == 0)
        return;
    uint32_t id = s->stack[--s->depth];
    s->links -= s->t->nodes[id].kind == H_LINK;
}

static int pool_put(sax_state *s, const char *text, size_t len)
{
    html_tree *t = s->t;
    if (t->pool_len + len > t->pool_cap) {
        size_t nc = (t->pool_cap + len) * 2;
        char *np = realloc(t->pool, nc);
        if (!np) {
            fail(s, XXGK_E_NOMEM);
            return 0;
        }
        t->pool = np;
        t->pool_cap = nc;
    }
    memcpy(t->pool + t->pool_len, text, len);
    t->pool_len += len;
    return 1;
}

static void on_title(sax_state *s, const char *text, size_t len)
{
    html_tree *t = s->t;
    char *nt = realloc(t->title, t->title_len + len + 1);
    if (!nt) {
        fail(s, XXGK_E_NOMEM);
        return;
    }
    memcpy(nt + t->title_len, text, len);
    t->title_len += len;
    nt[t->title_len] = '\0';
    t->title = nt;
}

static void on_chars(void *ctx, const xmlChar *ch, int len)
{
    sax_state *s = ctx;
    const char *text = (const char *)ch;
    if (len <= 0 || s->status != XXGK_OK)
        return;
    if (s->skip) {
        if (s->in_title && s->skip == 1)
            on_title(s, text, (size_t)len);
        else if (s->in_script && s->skip == 1)
            on_script(s, text, (size_t)len);
        return;
    }
    html_tree *t = s->t;
    uint32_t parent = s->depth ? s->stack[s->depth - 1] : 0;
    uint32_t last = t->nodes[parent].last;
    size_t at = t->pool_len;
    if (!pool_put(s, text, (size_t)len))
        return;
    /* The parser hands text over in pieces: join adjacent ones. */
    html_node *prev = last ? &t->nodes[last] : NULL;
    if (prev && prev->kind == H_TEXT && prev->text + prev->len == at &&
        prev->in_link == (s->links > 0)) {
        prev->len += (uint32_t)len;
        return;
    }
    uint32_t id = add_node(s, H_TEXT);
    if (!id)
        return;
    t->nodes[id].text = (uint32_t)at;
    t->nodes[id].len = (uint32_t)len;
    t->nodes[id].in_link = s->links > 0;
}

xxgk_status html_tree_parse(html_tree *t, const char *utf8, size_t size, xxgk_error *err)
{
    memset(t, 0, sizeof *t);
    if (!lazy_load(&lazy_xml2_lib, err))
        return err->status;
    if (size > (size_t)INT32_MAX - 1)
        return error_set(err, XXGK_E_TOO_LARGE, "网页过大（%zu 字节）", size);
    sax_state *s = calloc(1, sizeof *s);
    t->nodes = malloc(1024 * sizeof *t->nodes);
    if (!s || !t->nodes) {
        free(s);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    t->cap = 1024;
    t->n = 1;
    memset(&t->nodes[0], 0, sizeof t->nodes[0]);
    t->nodes[0].kind = H_ROOT;
    s->t = t;

    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(size ? utf8 : " ", size ? (int)size : 1);
    if (!ctxt) {
        free(s);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    s->ctxt = ctxt;
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_chars;
    sax.ignorableWhitespace = on_chars;
    sax.cdataBlock = on_chars;
    memcpy(ctxt->sax, &sax, sizeof sax);
    ctxt->userData = s;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlParseDocument(ctxt);
    if (ctxt->myDoc)
        xmlFreeDoc(ctxt->myDoc);
    htmlFreeParserCtxt(ctxt);

    xxgk_status st = s->status;
    free(s);
    if (st == XXGK_E_TOO_LARGE)
        return error_set(err, st, "网页元素过多（超过 %u 个），不像是一份报告", HTML_MAX_NODES);
    if (st != XXGK_OK)
        return error_set(err, st, "内存不足");
    return XXGK_OK;
}

void html_tree_free(html_tree *t)
{
    free(t->paths);
    free(t->nodes);
    free(t->pool);
    free(t->title);
    free(t->script);
    memset(t, 0, sizeof *t);
}

/* Non-blank characters and ASCII digits of a text node. */
static void count_text(const html_tree *t, html_node *node)
{
    const char *s = t->pool + node->text;
    size_t i = 0;
    while (i < node->len) {
        int32_t cp = utf8_next(s, node->len, &i);
        if (cp < 0 || cp_is_space(cp) || cp == 0xFEFF || cp == 0x200B)
            continue;
        node->chars++;
        node->digits += cp >= '0' && cp <= '9';
    }
}

int html_table_is_data(const html_tree *t, uint32_t table)
{
    const html_node *n = &t->nodes[table];
    return n->kind == H_TABLE && n->rows >= 2 && n->numcells >= 3 && n->alltables == 0;
}

void html_tree_measure(html_tree *t)
{
    for (uint32_t i = t->n; i-- > 1;) {
        html_node *node = &t->nodes[i];
        html_node *p = &t->nodes[node->parent];
        if (node->kind == H_TEXT)
            node->bytes = node->len;
        p->bytes = p->bytes > UINT32_MAX - node->bytes ? UINT32_MAX : p->bytes + node->bytes;
        switch (node->kind) {
        case H_TEXT:
            count_text(t, node);
            if (node->in_link)
                continue; /* links are furniture for measuring */
            break;
        case H_FORM:
            if (node->tables == 0 && node->chars < FORM_TEXT) {
                node->kind = H_CHROME;
                continue;
            }
            node->kind = H_BLOCK;
            break;
        case H_CHROME:
            continue;
        case H_CELL:
            /* A number, perhaps with a unit or a sign: 14667元, -3. */
            node->numcells += node->digits && node->chars - node->digits <= 1;
            break;
        case H_ROW:
            node->rows++;
            break;
        case H_TABLE:
            p->alltables += 1 + node->alltables;
            p->tables += node->tables + (uint32_t)html_table_is_data(t, i);
            p->chars += node->chars;
            p->digits += node->digits;
            continue; /* rows and number cells stay with their table */
        default:
            break;
        }
        p->chars += node->chars;
        p->digits += node->digits;
        p->numcells += node->numcells;
        p->rows += node->rows;
        p->alltables += node->alltables;
        p->tables += node->tables;
    }
}
