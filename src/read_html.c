/*
 * read_html.c — the HTML reader: a published web page turned into the
 * document tree (doc.h), each node with its element path.
 *
 * Three steps:
 *  1. the page's bytes to UTF-8 (html_charset.c) and into a compact tree
 *     (html_tree.c), scripts, styles and form controls dropped — except
 *     that a page whose visible text has no data table, while a string
 *     of its scripts holds report HTML (pages that fill their article by
 *     script, saved), is read from that string (html_script.c);
 *  2. the article body: from the document down, into the child that
 *     holds most of the text (links and navigation not counted) as long
 *     as it holds most of it and every data table; the title is taken
 *     from just before the body when the body lacks it (corpus 014: the
 *     title sits in div.article_title, the text in div.article_content);
 *  3. the body laid out: paragraphs (<p>, <div>, headings, <br>) one per
 *     line; each data table row as a row of cells with their grid
 *     columns and spans; a cell that a rowspan from above covers as a
 *     continued cell (as Word's text export has it, an empty line in the
 *     view), a colspan cell once; <br> and <p>
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
#include "html_script.h"
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
    const doc_cell *cell; /* the covering cell in the document */
} slot;

typedef struct emitter {
    html_tree *t;
    doc *d;             /* where paragraphs and tables go */
    buf line;           /* the line being built */
    buf cell;           /* the lines of the cell being built */
    buf *collect;       /* where finished lines go instead of d, or NULL */
    uint32_t block;     /* the element whose text is being laid out */
    uint32_t tables;    /* data tables laid out so far */
    bool space;         /* a white-space run is pending */
    bool last_wide;     /* the line ends in a CJK character */
    size_t limit;       /* most bytes a buffer may hold */
    xxgk_status failed; /* XXGK_E_NOMEM or XXGK_E_TOO_LARGE, once */
    uint32_t owner;     /* last id given to a spanning cell */
} emitter;

/* The locator of an element: its path. */
static xxgk_locator locate(emitter *e, uint32_t id)
{
    xxgk_locator l;
    memset(&l, 0, sizeof l);
    l.kind = XXGK_LOC_HTML;
    l.path = html_node_path(e->t, id, e->d->a);
    return l;
}

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

/* Ends the line being built: a non-empty line goes to e->collect, or
 * is a paragraph of the document. */
static void flush(emitter *e)
{
    if (e->line.n && e->collect) {
        put(e, e->collect, e->line.p, e->line.n);
        put(e, e->collect, "\n", 1);
    } else if (e->line.n && !e->failed) {
        xxgk_locator l = locate(e, e->block);
        doc_put_para(e->d, e->line.p, e->line.n, &l);
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
    buf *saved = e->collect;
    uint32_t block = e->block;
    flush(e);
    e->cell.n = 0;
    e->collect = &e->cell;
    e->block = cell;
    emit_children(e, cell, false);
    flush(e);
    e->collect = saved;
    e->block = block;
}

/* The text of the cell just built (e->cell) into `to`: its lines, except
 * that one character per paragraph (结/果/维/持) is one word. */
static void cell_text(emitter *e, buf *to)
{
    const char *s = e->cell.p;
    size_t n = e->cell.n;
    to->n = 0;
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
    for (size_t i = 0; i < n; i++)
        if (!(lines > 1 && chars_only && s[i] == '\n'))
            put(e, to, s + i, 1);
}

/* A column of a data table while its rows are laid out: which cell
 * covers it, from which row to which, and where that cell is. */
typedef struct grid {
    slot *slots;
    uint32_t ncols, nrows;
    doc_block *table;
    buf text;
} grid;

/* The cells from rows above that cover the columns from `col` on: one
 * continued cell each, however many columns it spans (as Word's text
 * export writes them). Returns the first column not covered. */
static uint32_t covered(emitter *e, grid *g, doc_row *row, uint32_t col, uint32_t index)
{
    while (col < g->ncols && g->slots[col].start < index && g->slots[col].until >= index) {
        uint32_t from = col;
        while (col + 1 < g->ncols && g->slots[col + 1].owner == g->slots[from].owner)
            col++;
        doc_put_continued(e->d, row, from, col - from + 1, g->slots[from].cell);
        col++;
    }
    return col;
}

static void data_row(emitter *e, grid *g, uint32_t row_node, uint32_t index)
{
    const html_node *nodes = e->t->nodes;
    xxgk_locator rl = locate(e, row_node);
    rl.table = e->tables;
    rl.row = index + 1;
    doc_row *row = doc_put_row(e->d, g->table, &rl);
    if (!row)
        return;
    bool text = false;
    uint32_t col = 0, ordinal = 0;
    for (uint32_t c = nodes[row_node].first; c && !e->failed; c = nodes[c].next) {
        if (nodes[c].kind != H_CELL)
            continue;
        ordinal++;
        col = covered(e, g, row, col, index);
        if (col >= MAX_COLS)
            break;
        build_cell(e, c);
        cell_text(e, &g->text);
        text |= g->text.n > 0;
        uint32_t rs = nodes[c].rowspan, until = g->nrows - 1;
        if (rs && index + rs - 1 < until)
            until = index + rs - 1;
        uint32_t end = col + nodes[c].colspan;
        if (end > MAX_COLS)
            end = MAX_COLS;
        xxgk_locator cl = locate(e, c);
        cl.table = rl.table;
        cl.row = rl.row;
        cl.cell = ordinal;
        const doc_cell *dc = doc_put_cell(e->d, row, g->text.p ? g->text.p : "", g->text.n, col,
                                          end - col, until - index + 1, false, &cl);
        e->owner++;
        for (; col < end; col++)
            g->slots[col] = (slot){e->owner, index, until, dc};
        if (col > g->ncols)
            g->ncols = col;
    }
    covered(e, g, row, col, index);
    if (!text)
        g->table->nrows--; /* a row of empty cells (corpus 013's last row) */
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
                uint32_t block = e->block;
                e->block = c;
                emit_children(e, c, false);
                flush(e);
                e->block = block;
            }
    } else if (nrows) {
        xxgk_locator tl = locate(e, table);
        tl.table = ++e->tables;
        grid g = {calloc(MAX_COLS, sizeof(slot)), 0, nrows, doc_put_table(e->d, true, &tl), {0}};
        if (!g.slots)
            e->failed = XXGK_E_NOMEM;
        for (uint32_t i = 0; i < nrows && !e->failed && g.table; i++)
            data_row(e, &g, rows[i], i);
        free(g.slots);
        free(g.text.p);
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
    case H_CELL: {
        uint32_t block = e->block;
        flush(e);
        e->block = id;
        emit_children(e, id, pre);
        flush(e);
        e->block = block;
        break;
    }
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

/* Whether the document starts with a title: one of its first lines,
 * before a table or a sentence, names the report (as meta.c reads
 * titles). */
static bool has_title(const doc *d)
{
    for (size_t k = 0; k < 3 && k < d->n && d->blocks[k].kind != DOC_TABLE; k++) {
        const doc_block *b = &d->blocks[k];
        if (utf8_length(b->text, b->len) > 60)
            return false;
        if (contains(b->text, b->len, "报告"))
            return true;
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
    buf *saved = e->collect;
    e->collect = into;
    emit_node(e, id, false);
    flush(e);
    e->collect = saved;
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

/* The article laid out into the document, its title first. When the
 * article came from a script string (`page` is the page around it), a
 * title it lacks is looked for in the page. */
static void emit_article(emitter *e, html_tree *page)
{
    uint32_t body = find_body(e->t);
    emit_node(e, body, false);
    flush(e);
    if (e->failed || e->d->failed || has_title(e->d))
        return;
    buf title = {0};
    find_title(e, body, &title);
    if (!title.n && page && !e->failed) {
        html_tree *inner = e->t;
        e->t = page;
        find_title(e, find_body(page), &title);
        e->t = inner;
    }
    if (title.n && !e->failed) {
        xxgk_locator l = locate(e, 0);
        size_t before = e->d->n;
        doc_put_para(e->d, title.p, title.n, &l);
        /* The title goes first: rotate the blocks just added to the front. */
        size_t added = e->d->n - before;
        for (size_t k = 0; k < added && !e->d->failed; k++) {
            doc_block last = e->d->blocks[e->d->n - 1];
            memmove(e->d->blocks + 1, e->d->blocks, (e->d->n - 1) * sizeof last);
            e->d->blocks[0] = last;
        }
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

/* A page whose visible text holds no data table but whose scripts carry
 * a string of report HTML (html_script.h): that HTML parsed into
 * `inner`, its paths under "script". False (inner untouched) for every
 * other page, and when the string's HTML cannot be parsed: the page is
 * then read as it shows. */
static bool script_article(const html_tree *page, html_tree *inner)
{
    if (page->nodes[0].tables || !page->script_len)
        return false;
    size_t len;
    char *html = html_script_report(page->script, page->script_len, &len);
    if (!html)
        return false;
    xxgk_error ignored;
    bool ok = html_tree_parse(inner, html, len, &ignored) == XXGK_OK;
    free(html);
    if (ok) {
        html_tree_measure(inner);
        ok = inner->nodes[0].tables > 0;
    }
    if (!ok) {
        html_tree_free(inner);
        return false;
    }
    inner->root_path = "script";
    return true;
}

xxgk_status read_html(arena *a, const char *data, size_t size, doc *out,
                      const char **encoding, xxgk_error *err)
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
    html_tree inner;
    bool scripted = script_article(&t, &inner);

    emitter e;
    memset(&e, 0, sizeof e);
    e.t = scripted ? &inner : &t;
    e.d = out;
    e.limit = XXGK_MAX_INPUT;
    emit_article(&e, scripted ? &t : NULL);
    if (scripted)
        html_tree_free(&inner);
    html_tree_free(&t);
    free(e.line.p);
    free(e.cell.p);
    if (!e.failed && out->failed)
        e.failed = out->failed;
    if (e.failed)
        return emit_failed(e.failed, err);
    if (out->n == 0)
        return error_set(err, XXGK_E_EMPTY, "网页中没有正文文字");
    char enc[160];
    if (u.replaced)
        snprintf(enc, sizeof enc, "%s+%zu处无效字节已替换", u.encoding, u.replaced);
    else
        snprintf(enc, sizeof enc, "%s", u.encoding);
    *encoding = arena_strndup(a, enc, strlen(enc));
    if (!*encoding)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    return XXGK_OK;
}
