/*
 * read_html.c — the HTML reader: a published web page turned into the
 * text layout of Word-extracted reports (readers.h), so that the text
 * reader and the recogniser work on it unchanged.
 *
 * Three steps:
 *  1. the page's bytes to UTF-8 (html_charset.c) and into a compact tree
 *     (html_tree.c), scripts, styles and form controls dropped;
 *  2. the article body: from the document down, into the child that
 *     holds most of the text (links and navigation not counted) as long
 *     as it holds most of it and every data table; the title is taken
 *     from just before the body when the body lacks it (corpus 014: the
 *     title sits in div.article_title, the text in div.article_content);
 *  3. the body laid out: paragraphs (<p>, <div>, headings, <br>) one per
 *     line; each data table row as one TAB line per cell and a blank
 *     line; a cell that a rowspan from above covers as an empty TAB line
 *     (as Word's text export has it), a colspan cell once; <br> and <p>
 *     inside a cell as the cell's continuation lines, except a header
 *     written one character per paragraph (结/果/维/持, corpus 014), which
 *     is joined; rows with nothing in them dropped. Tables that hold
 *     other tables, or a single column, are page layout: their cells are
 *     read as paragraphs.
 * White space runs become one space, none between two CJK characters
 * (a source line break inside 社会公益 组织, corpus 017); &nbsp; is white
 * space. A `|` in the text becomes `｜`, so that no line reads as a pipe
 * table row.
 */
#include "read_html.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_charset.h"
#include "html_tree.h"
#include "utf8.h"

/* Columns a table may have; cells beyond are dropped (a report table
 * has at most 16). */
#define MAX_COLS 512
/* Share of its parent's text the body's path must keep, in tenths. */
#define BODY_SHARE 6
/* …and the share a node of one paragraph must hold. */
#define ALL_SHARE 9
/* A title block holds at most this many characters. */
#define TITLE_MAX 100
/* …and a block holding more text than this, links included, is not
 * a title block (this also bounds the work of looking for one). */
#define TITLE_BYTES 2048

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

/* A column of a data table while its rows are laid out: which cell
 * covers it, from which row to which. */
typedef struct slot {
    uint32_t owner, start, until;
} slot;

typedef struct emitter {
    const html_tree *t;
    buf out;            /* the text */
    buf line;           /* the line being built */
    buf cell;           /* the lines of the cell being built */
    buf *dst;           /* where finished lines go: &out or &cell */
    bool space;         /* a white-space run is pending */
    bool last_wide;     /* the line ends in a CJK character */
    size_t limit;       /* most bytes a buffer may hold */
    xxgk_status failed; /* XXGK_E_NOMEM or XXGK_E_TOO_LARGE, once */
    uint32_t owner;     /* last id given to a spanning cell */
} emitter;

static bool put(emitter *e, buf *b, const char *s, size_t len)
{
    if (e->failed)
        return false;
    if (len == 0)
        return true;
    if (b->n + len + 1 > b->cap) {
        if (b->n + len > e->limit) {
            e->failed = XXGK_E_TOO_LARGE;
            return false;
        }
        size_t nc = b->cap ? b->cap : 4096;
        while (nc < b->n + len + 1)
            nc *= 2;
        char *np = realloc(b->p, nc);
        if (!np) {
            e->failed = XXGK_E_NOMEM;
            return false;
        }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
    return true;
}

/* ---- lines ------------------------------------------------------------ */

/* Ends the line being built: a non-empty line goes to e->dst. */
static void flush(emitter *e)
{
    if (e->line.n) {
        put(e, e->dst, e->line.p, e->line.n);
        put(e, e->dst, "\n", 1);
    }
    e->line.n = 0;
    e->space = false;
    e->last_wide = false;
}

static bool invisible(int32_t cp)
{
    return cp == 0xFEFF || (cp >= 0x200B && cp <= 0x200D) || cp == 0x7F ||
           (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f');
}

/* Appends text to the line, white space collapsed (see the top). */
static void add_text(emitter *e, const char *s, size_t len, bool pre)
{
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        int32_t cp = utf8_next(s, len, &i);
        if (cp < 0 || invisible(cp))
            continue;
        if (pre && cp == '\n') {
            flush(e);
            continue;
        }
        if (cp_is_space(cp)) {
            e->space = true;
            continue;
        }
        bool wide = cp >= 0x2E80;
        if (e->space && e->line.n && !(wide && e->last_wide))
            put(e, &e->line, " ", 1);
        e->space = false;
        e->last_wide = wide;
        if (cp == '|')
            put(e, &e->line, "\xEF\xBD\x9C", 3); /* ｜ */
        else
            put(e, &e->line, s + start, i - start);
    }
}

static void emit_node(emitter *e, uint32_t id, bool pre);

static void emit_children(emitter *e, uint32_t id, bool pre)
{
    for (uint32_t c = e->t->nodes[id].first; c && !e->failed; c = e->t->nodes[c].next)
        emit_node(e, c, pre);
}

/* ---- tables ----------------------------------------------------------- */

/* The rows of a table, in order, those in thead/tbody/tfoot included;
 * a malloc'd array (NULL when out of memory, or when there are none). */
static uint32_t *table_rows(emitter *e, uint32_t table, uint32_t *count)
{
    const html_node *nodes = e->t->nodes;
    uint32_t n = 0, *rows = NULL;
    for (int pass = 0; pass < 2; pass++) {
        n = 0;
        for (uint32_t c = nodes[table].first; c; c = nodes[c].next) {
            uint32_t r = nodes[c].kind == H_TSECTION ? nodes[c].first : c;
            for (; r; r = nodes[c].kind == H_TSECTION ? nodes[r].next : 0)
                if (nodes[r].kind == H_ROW) {
                    if (rows)
                        rows[n] = r;
                    n++;
                }
        }
        if (pass == 0 && n && !(rows = malloc(n * sizeof *rows)))
            e->failed = XXGK_E_NOMEM;
        if (!rows)
            break;
    }
    *count = rows ? n : 0;
    return rows;
}

static uint32_t row_cells(const html_tree *t, uint32_t row)
{
    uint32_t cells = 0;
    for (uint32_t c = t->nodes[row].first; c; c = t->nodes[c].next)
        cells += t->nodes[c].kind == H_CELL;
    return cells;
}

/* Builds the lines of a cell into e->cell. */
static void build_cell(emitter *e, uint32_t cell)
{
    buf *saved = e->dst;
    flush(e);
    e->cell.n = 0;
    e->dst = &e->cell;
    emit_children(e, cell, false);
    flush(e);
    e->dst = saved;
}

/* Writes the cell just built (e->cell) to `to` as one Word cell: a TAB
 * and its first line, then its other lines. Returns whether it has any
 * text. */
static bool write_cell(emitter *e, buf *to)
{
    const char *s = e->cell.p;
    size_t n = e->cell.n;
    if (n == 0) {
        put(e, to, "\t\n", 2);
        return false;
    }
    /* One character per paragraph (结/果/维/持) is one word. */
    bool chars_only = true;
    int lines = 0;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t len = (size_t)(nl - (s + i)), k = i;
        int32_t cp = utf8_next(s, n, &k);
        if (k - i != len || !cp_is_han(cp))
            chars_only = false;
        lines++;
        i += len + 1;
    }
    put(e, to, "\t", 1);
    if (lines > 1 && chars_only) {
        for (size_t i = 0; i < n; i++)
            if (s[i] != '\n')
                put(e, to, s + i, 1);
        put(e, to, "\n", 1);
    } else {
        put(e, to, s, n);
    }
    return true;
}

typedef struct grid {
    slot *slots;
    uint32_t ncols, nrows;
    buf *to;
} grid;

/* Empty TAB lines for the cells from rows above that cover the columns
 * from `col` on; one per covering cell, however many columns it spans.
 * Returns the first column not covered. */
static uint32_t covered(emitter *e, grid *g, uint32_t col, uint32_t row)
{
    while (col < g->ncols && g->slots[col].start < row && g->slots[col].until >= row) {
        if (col == 0 || g->slots[col - 1].owner != g->slots[col].owner)
            put(e, g->to, "\t\n", 2);
        col++;
    }
    return col;
}

static void data_row(emitter *e, grid *g, uint32_t row, uint32_t index)
{
    const html_node *nodes = e->t->nodes;
    size_t mark = g->to->n;
    bool text = false;
    uint32_t col = 0;
    for (uint32_t c = nodes[row].first; c && !e->failed; c = nodes[c].next) {
        if (nodes[c].kind != H_CELL)
            continue;
        col = covered(e, g, col, index);
        if (col >= MAX_COLS)
            break;
        build_cell(e, c);
        text |= write_cell(e, g->to);
        uint32_t rs = nodes[c].rowspan, until = g->nrows - 1;
        if (rs && index + rs - 1 < until)
            until = index + rs - 1;
        uint32_t end = col + nodes[c].colspan;
        if (end > MAX_COLS)
            end = MAX_COLS;
        e->owner++;
        for (; col < end; col++)
            g->slots[col] = (slot){e->owner, index, until};
        if (col > g->ncols)
            g->ncols = col;
    }
    covered(e, g, col, index);
    if (!text)
        g->to->n = mark; /* a row of empty cells (corpus 013's last row) */
    else
        put(e, g->to, "\n", 1);
}

/* A table: its caption (and any stray content) as paragraphs, then its
 * rows. A table that holds tables, or is one column wide, is page
 * layout: its cells are read as paragraphs. */
static void emit_table(emitter *e, uint32_t table)
{
    const html_node *nodes = e->t->nodes;
    flush(e);
    for (uint32_t c = nodes[table].first; c; c = nodes[c].next)
        if (nodes[c].kind != H_ROW && nodes[c].kind != H_TSECTION && nodes[c].kind != H_TEXT)
            emit_node(e, c, false);
    flush(e);
    uint32_t nrows, widest = 0;
    uint32_t *rows = table_rows(e, table, &nrows);
    for (uint32_t i = 0; i < nrows; i++) {
        uint32_t cells = row_cells(e->t, rows[i]);
        widest = cells > widest ? cells : widest;
    }
    if (nodes[table].alltables || widest <= 1) {
        for (uint32_t i = 0; i < nrows; i++)
            for (uint32_t c = nodes[rows[i]].first; c; c = nodes[c].next) {
                flush(e);
                emit_children(e, c, false);
                flush(e);
            }
    } else if (nrows) {
        grid g = {calloc(MAX_COLS, sizeof(slot)), 0, nrows, e->dst};
        if (!g.slots)
            e->failed = XXGK_E_NOMEM;
        for (uint32_t i = 0; i < nrows && !e->failed; i++)
            data_row(e, &g, rows[i], i);
        free(g.slots);
    }
    free(rows);
}

/* ---- blocks ----------------------------------------------------------- */

static void emit_node(emitter *e, uint32_t id, bool pre)
{
    const html_node *n = &e->t->nodes[id];
    switch ((html_kind)n->kind) {
    case H_TEXT:
        add_text(e, e->t->pool + n->text, n->len, pre);
        break;
    case H_ROOT:
    case H_INLINE:
    case H_LINK:
        emit_children(e, id, pre);
        break;
    case H_BR:
        flush(e);
        break;
    case H_TABLE:
        emit_table(e, id);
        break;
    case H_PRE:
        flush(e);
        emit_children(e, id, true);
        flush(e);
        break;
    case H_BLOCK:
    case H_TSECTION:
    case H_ROW:
    case H_CELL:
        flush(e);
        emit_children(e, id, pre);
        flush(e);
        break;
    case H_CHROME:
    case H_FORM:
        break;
    }
}

/* ---- the article ------------------------------------------------------ */

/* Children that break text into lines: blocks, tables, rows, <br>. */
static int line_children(const html_tree *t, uint32_t id)
{
    int n = 0;
    for (uint32_t c = t->nodes[id].first; c; c = t->nodes[c].next) {
        uint8_t k = t->nodes[c].kind;
        n += k == H_BLOCK || k == H_PRE || k == H_BR || k == H_TABLE || k == H_TSECTION ||
             k == H_ROW || k == H_CELL;
    }
    return n;
}

/* The node the article is in (see the top of the file). A node whose
 * text is one paragraph is entered only when it holds nearly all of it:
 * a long paragraph is not the article. */
static uint32_t find_body(const html_tree *t)
{
    uint32_t cur = 0;
    for (;;) {
        const html_node *n = &t->nodes[cur];
        uint32_t best = 0;
        for (uint32_t c = n->first; c; c = t->nodes[c].next) {
            const html_node *cn = &t->nodes[c];
            if (cn->kind != H_TEXT && cn->kind != H_CHROME &&
                (!best || cn->chars > t->nodes[best].chars))
                best = c;
        }
        if (!best)
            return cur;
        const html_node *b = &t->nodes[best];
        uint64_t share = n->chars ? (uint64_t)b->chars * 10 / n->chars : 0;
        if (share < BODY_SHARE || b->tables != n->tables ||
            (share < ALL_SHARE && line_children(t, best) < 2))
            return cur;
        cur = best;
    }
}

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, needle, m) == 0)
            return true;
    return false;
}

/* Whether the text starts with a title: one of its first lines, before
 * a table or a sentence, names the report (as meta.c reads titles). */
static bool has_title(const char *s, size_t n)
{
    size_t i = 0;
    for (int k = 0; k < 3 && i < n && s[i] != '\t'; k++) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t len = nl ? (size_t)(nl - (s + i)) : n - i;
        if (utf8_length(s + i, len) > 60)
            return false;
        if (contains(s + i, len, "报告"))
            return true;
        i += len + 1;
    }
    return false;
}

static bool inside(const html_tree *t, uint32_t id, uint32_t ancestor)
{
    for (uint32_t p = id; p; p = t->nodes[p].parent)
        if (p == ancestor)
            return true;
    return false;
}

static bool in_furniture(const html_tree *t, uint32_t id)
{
    for (uint32_t p = id; p; p = t->nodes[p].parent)
        if (t->nodes[p].kind == H_CHROME || t->nodes[p].kind == H_LINK)
            return true;
    return false;
}

/* The text of a node as one line, into e->line. */
static void node_line(emitter *e, uint32_t id, buf *into)
{
    into->n = 0;
    buf *saved = e->dst;
    e->dst = into;
    emit_node(e, id, false);
    flush(e);
    e->dst = saved;
    size_t o = 0;
    for (size_t i = 0; i < into->n; i++)
        if (into->p[i] != '\n')
            into->p[o++] = into->p[i];
    into->n = o;
}

/* The article's title when its body lacks one: the nearest block before
 * the body, outside links and navigation, short, naming a report; else
 * the page's <title> up to its site suffix (标题_栏目_网站). */
static void find_title(emitter *e, uint32_t body, buf *title)
{
    const html_tree *t = e->t;
    title->n = 0;
    for (uint32_t i = body, steps = 0; i-- > 1 && steps < 20000; steps++) {
        const html_node *n = &t->nodes[i];
        if ((n->kind != H_BLOCK && n->kind != H_CELL) || n->chars < 4 || n->chars > TITLE_MAX ||
            n->bytes > TITLE_BYTES || inside(t, body, i) || in_furniture(t, i))
            continue;
        node_line(e, i, title);
        if (contains(title->p, title->n, "报告"))
            return;
    }
    title->n = 0;
    if (!t->title)
        return;
    add_text(e, t->title, t->title_len, false);
    size_t cut = e->line.n;
    static const char *const seps[] = {"_", "|", "｜", " - ", "－", "—", NULL};
    for (int k = 0; seps[k]; k++)
        for (size_t i = 0; i + strlen(seps[k]) <= cut; i++)
            if (memcmp(e->line.p + i, seps[k], strlen(seps[k])) == 0) {
                cut = i;
                break;
            }
    if (contains(e->line.p, cut, "报告") && utf8_length(e->line.p, cut) <= TITLE_MAX)
        put(e, title, e->line.p, cut);
    e->line.n = 0;
    e->space = false;
}

/* The article laid out into e->out, its title first. */
static void emit_article(emitter *e)
{
    uint32_t body = find_body(e->t);
    emit_node(e, body, false);
    flush(e);
    if (e->failed || has_title(e->out.p, e->out.n))
        return;
    buf title = {0};
    find_title(e, body, &title);
    if (title.n && !e->failed) {
        buf all = {0};
        put(e, &all, title.p, title.n);
        put(e, &all, "\n", 1);
        put(e, &all, e->out.p, e->out.n);
        free(e->out.p);
        e->out = all;
    }
    free(title.p);
}

static xxgk_status emit_failed(xxgk_status st, xxgk_error *err)
{
    if (st == XXGK_E_TOO_LARGE)
        return error_set(err, st, "网页中的表格展开后文字过长（超过 %zu 字节）",
                         (size_t)XXGK_MAX_INPUT);
    return error_set(err, XXGK_E_NOMEM, "内存不足");
}

xxgk_status read_html(arena *a, const char *data, size_t size, input_text *out,
                      xxgk_error *err)
{
    html_utf8 u;
    xxgk_status st = html_to_utf8(data, size, &u, err);
    if (st != XXGK_OK)
        return st;
    html_tree t;
    st = html_tree_parse(&t, u.text, u.size, err);
    free(u.owned);
    if (st != XXGK_OK) {
        html_tree_free(&t);
        return st;
    }
    html_tree_measure(&t);

    emitter e;
    memset(&e, 0, sizeof e);
    e.t = &t;
    e.dst = &e.out;
    e.limit = XXGK_MAX_INPUT;
    emit_article(&e);
    html_tree_free(&t);
    free(e.line.p);
    free(e.cell.p);
    if (e.failed) {
        free(e.out.p);
        return emit_failed(e.failed, err);
    }
    if (e.out.n == 0) {
        free(e.out.p);
        return error_set(err, XXGK_E_EMPTY, "网页中没有正文文字");
    }
    out->text = arena_strndup(a, e.out.p, e.out.n);
    out->size = e.out.n;
    free(e.out.p);
    char enc[160];
    if (u.replaced)
        snprintf(enc, sizeof enc, "%s+%zu处无效字节已替换", u.encoding, u.replaced);
    else
        snprintf(enc, sizeof enc, "%s", u.encoding);
    out->encoding = arena_strndup(a, enc, strlen(enc));
    if (!out->text || !out->encoding)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    return XXGK_OK;
}
