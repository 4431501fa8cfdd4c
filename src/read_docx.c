/*
 * read_docx.c — the DOCX reader: word/document.xml, streamed out of the
 * zip container, into the document tree (doc.h), each node located by
 * its paragraph or table, row and cell.
 *
 * Only the main document part is read: headers, footers, footnotes and
 * comments live in parts of their own and are not report text. The part
 * is never loaded whole: libzip inflates it chunk by chunk into libxml2's
 * SAX2 push parser (twice as fast as its xmlTextReader, which builds
 * nodes), a stack of frames follows where the parser is, and only the
 * tree is kept (the current table row until it ends).
 * Every size is bounded (read_docx.h): the entry count, the inflated size
 * and ratio (zip bombs), the XML depth, and the text produced.
 *
 * What becomes text, as Word's own "save as text" does it:
 *  - paragraphs, line breaks (`w:br`) inside them, tabs as spaces, and
 *    the numbers of automatically numbered ones (docx_numbering.c);
 *  - tables row by row; a horizontally merged cell (`w:gridSpan`) is one
 *    `w:tc` and so one cell spanning its grid columns, the continuation
 *    of a vertically merged one (`w:vMerge`) a continued cell; paragraphs
 *    inside a cell become its lines;
 *  - a row holding a nested table is a layout row: its cells' paragraphs
 *    and tables are written as blocks of their own (reports pasted into
 *    a one-cell frame table are read like any other);
 *  - text boxes (`w:txbxContent`, the DrawingML one, not its VML
 *    fallback), content controls, hyperlinks, inserted text of tracked
 *    changes, and the results of fields (never their codes);
 *  - not: deleted text, hidden text (`w:vanish`), field codes.
 */
#include "read_docx.h"

#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "docx_numbering.h"
#include "doc.h"
#include "lazy.h"
#include "strbuf.h"
#include "utf8.h"
#include "zip_buffer.h"

static const char W_NS[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char W_NS_STRICT[] = "http://purl.oclc.org/ooxml/wordprocessingml/main";
static const char MC_NS[] = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/* The elements the reader acts on; everything else is skipped whole. */
typedef enum el {
    E_OTHER = 0,
    E_BODY, E_P, E_TBL, E_TR, E_TC, E_TCPR, E_VMERGE, E_HMERGE,
    E_R, E_RPR, E_VANISH, E_T, E_TAB, E_PTAB, E_BR, E_CR, E_NOBREAKHYPHEN,
    E_TRANSPARENT, /* wrappers whose content is read as if unwrapped */
    E_DELETED,     /* w:del, w:moveFrom: content not in the document */
    E_SDT, E_SDTCONTENT, E_TXBX, E_DRAWING,
    E_ALTERNATE, E_CHOICE, E_FALLBACK,
    E_PPR, E_PSTYLE, E_NUMPR, E_ILVL, E_NUMID, E_GRIDSPAN
} el;

static const struct {
    const char *name;
    el kind;
} w_elements[] = {
    {"body", E_BODY},        {"p", E_P},
    {"tbl", E_TBL},          {"tr", E_TR},
    {"tc", E_TC},            {"tcPr", E_TCPR},
    {"vMerge", E_VMERGE},    {"hMerge", E_HMERGE},
    {"r", E_R},
    {"rPr", E_RPR},          {"vanish", E_VANISH},
    {"t", E_T},              {"tab", E_TAB},
    {"ptab", E_PTAB},        {"br", E_BR},
    {"cr", E_CR},            {"noBreakHyphen", E_NOBREAKHYPHEN},
    {"hyperlink", E_TRANSPARENT}, {"smartTag", E_TRANSPARENT},
    {"customXml", E_TRANSPARENT}, {"fldSimple", E_TRANSPARENT},
    {"ins", E_TRANSPARENT},  {"moveTo", E_TRANSPARENT},
    {"dir", E_TRANSPARENT},  {"bdo", E_TRANSPARENT},
    {"del", E_DELETED},      {"moveFrom", E_DELETED},
    {"sdt", E_SDT},          {"sdtContent", E_SDTCONTENT},
    {"txbxContent", E_TXBX}, {"drawing", E_DRAWING},
    {"pict", E_DRAWING},     {"object", E_DRAWING},
    {"pPr", E_PPR},          {"pStyle", E_PSTYLE},
    {"numPr", E_NUMPR},      {"ilvl", E_ILVL},
    {"numId", E_NUMID},      {"gridSpan", E_GRIDSPAN},
};

/* One item of a table cell: a paragraph's text, or a nested table
 * already read into a tree of its own. */
typedef struct cell_item {
    char *text;
    size_t len;
    bool table;
    doc sub;        /* the nested table's blocks */
} cell_item;

typedef struct tcell {
    cell_item *items;
    size_t n, cap;
    unsigned span;  /* grid columns it covers (w:gridSpan) */
    bool vcont;     /* continues a vertical merge: a continued cell */
    bool hcont;     /* continues a legacy horizontal merge: widens the
                       cell before it */
    bool has_table; /* holds a nested table: the row is a layout row */
} tcell;

typedef struct trow {
    tcell *cells;
    size_t n, cap;
} trow;

/* Where the paragraphs being read go: straight into the document, or
 * into a table cell. */
typedef struct sink {
    doc *body;
    tcell *cell;
} sink;

typedef struct para {
    strbuf text;
    sink to;        /* where it goes, and the text boxes inside it */
    bool hidden;    /* the current run is hidden (w:vanish) */
    char style[64]; /* its style id, for numbered heading styles */
    int num_id, ilvl; /* its own list numbering, -1 when it has none */
} para;

/* Columns whose vertically merged cells are traced to their first
 * row; a continued cell further right is located at itself. */
#define TRACKED_COLS 64

typedef struct table {
    doc *out;       /* the document, or `own` for a nested table */
    doc own;
    tcell *cell;    /* a nested table's cell */
    doc_block *block; /* the table block its rows go to */
    uint32_t index; /* its place among the document's tables, 1-based */
    uint32_t rows;  /* rows seen */
    const doc_cell *owner[TRACKED_COLS]; /* the cell starting a merge */
} table;

/* What the parser is inside of, and so what its children mean. */
typedef enum mode {
    M_ROOT,       /* before the document element */
    M_DOCUMENT,   /* w:document: looking for w:body */
    M_BLOCKS,     /* body, text box, content control: paragraphs and tables */
    M_BLOCK_ALT,  /* mc:AlternateContent among blocks */
    M_INLINE,     /* a paragraph, or a wrapper of runs within one */
    M_RUN,        /* w:r */
    M_RPR,        /* a run's properties */
    M_TEXT,       /* w:t */
    M_DRAWING,    /* w:drawing, w:pict, w:object: only text boxes count */
    M_INLINE_ALT, /* mc:AlternateContent among runs */
    M_TABLE,      /* w:tbl, or a wrapper of rows */
    M_ROW,        /* w:tr, or a wrapper of cells */
    M_CELL,       /* w:tc: blocks, and the cell's properties */
    M_TCPR,       /* a cell's properties */
    M_PPR,        /* a paragraph's properties: its style and numbering */
    M_NUMPR,      /* a paragraph's list numbering */
    M_SKIP        /* an element whose content is not read */
} mode;

typedef struct frame {
    mode mode;
    bool owns;        /* this element made para/tb/row: it finishes them */
    bool was_hidden;  /* M_RUN: the hidden state to restore at its end */
    bool choice_done; /* M_*_ALT: the first mc:Choice has been read */
    sink to;          /* M_BLOCKS: where paragraphs go */
    para *para;
    table *tb;
    trow *row;
    tcell *cell;
} frame;

/* Names the parser has classified, by address: libxml2 interns names in
 * its dictionary, so one name is always one pointer. */
#define NAME_CACHE_BITS 10
typedef struct name_slot {
    const xmlChar *name, *ns;
    el kind;
} name_slot;

typedef struct dx {
    xmlParserCtxtPtr ctxt;
    frame stack[DOCX_MAX_DEPTH + 2];
    int depth;
    name_slot names[1 << NAME_CACHE_BITS];
    xxgk_status status; /* the first failure, XXGK_OK until then */
    char why[160];
    int xml_line;       /* line of the first XML error */
    doc *out;
    arena *a;
    uint32_t tables, paragraphs; /* seen so far, for locators */
    docx_numbering *numbering; /* automatic numbering, NULL when none */
    char chunk[65536];  /* inflated bytes on their way to the parser */
} dx;

/* ---- failures ----------------------------------------------------- */

static void fail(dx *d, xxgk_status st, const char *why)
{
    if (d->status == XXGK_OK) {
        d->status = st;
        snprintf(d->why, sizeof d->why, "%s", why);
    }
    if (d->ctxt)
        xmlStopParser(d->ctxt);
}

static void on_xml_error(void *arg, xmlErrorPtr e)
{
    dx *d = arg;
    if (e && e->level >= XML_ERR_ERROR && !d->xml_line)
        d->xml_line = e->line ? e->line : -1;
}

/* ---- names and attributes -------------------------------------------- */

static el classify_name(const char *ns, const char *name)
{
    if (!strcmp(ns, MC_NS)) {
        if (!strcmp(name, "AlternateContent"))
            return E_ALTERNATE;
        if (!strcmp(name, "Choice"))
            return E_CHOICE;
        if (!strcmp(name, "Fallback"))
            return E_FALLBACK;
        return E_OTHER;
    }
    if (strcmp(ns, W_NS) && strcmp(ns, W_NS_STRICT))
        return E_OTHER;
    for (size_t i = 0; i < sizeof w_elements / sizeof w_elements[0]; i++)
        if (!strcmp(name, w_elements[i].name))
            return w_elements[i].kind;
    return E_OTHER;
}

/* What an element is. Each distinct (namespace, name) pair is looked up
 * once per document; after that it is a pointer compare. */
static el classify(dx *d, const xmlChar *ns, const xmlChar *name)
{
    if (!ns || !name)
        return E_OTHER;
    uint64_t h = ((uint64_t)(uintptr_t)name ^ ((uint64_t)(uintptr_t)ns << 7)) * 0x9E3779B97F4A7C15u;
    name_slot *slot = &d->names[h >> (64 - NAME_CACHE_BITS)];
    if (slot->name == name && slot->ns == ns)
        return slot->kind;
    el kind = classify_name((const char *)ns, (const char *)name);
    *slot = (name_slot){name, ns, kind};
    return kind;
}

/* The w:val attribute: libxml2 passes attributes as (name, prefix, URI,
 * value, value end) quintuples. NULL when absent. */
static const xmlChar *attr_val(int n, const xmlChar **attrs, size_t *len)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (!strcmp((const char *)a[0], "val") && a[2] &&
            (!strcmp((const char *)a[2], W_NS) || !strcmp((const char *)a[2], W_NS_STRICT))) {
            *len = (size_t)(a[4] - a[3]);
            return a[3];
        }
    }
    return NULL;
}

static bool val_is(int n, const xmlChar **attrs, const char *want)
{
    size_t len;
    const xmlChar *v = attr_val(n, attrs, &len);
    return v && len == strlen(want) && !memcmp(v, want, len);
}

/* w:val as OOXML's ST_OnOff: absent, "on", "true" and "1" are true. */
static bool on_off(int n, const xmlChar **attrs)
{
    size_t len;
    return attr_val(n, attrs, &len) == NULL ||
           !(val_is(n, attrs, "0") || val_is(n, attrs, "false") || val_is(n, attrs, "off"));
}

/* ---- what the elements do ------------------------------------------------ */

/* Adds a paragraph's text (sub == NULL) or a nested table to a cell. */
static bool add_item(dx *d, tcell *c, const char *text, size_t len, const doc *sub)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 4;
        cell_item *v = realloc(c->items, cap * sizeof *v);
        if (!v) {
            fail(d, XXGK_E_NOMEM, "内存不足");
            return false;
        }
        c->items = v;
        c->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        fail(d, XXGK_E_NOMEM, "内存不足");
        return false;
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    cell_item *it = &c->items[c->n++];
    memset(it, 0, sizeof *it);
    it->text = copy;
    it->len = len;
    it->table = sub != NULL;
    if (sub)
        it->sub = *sub;
    c->has_table |= it->table;
    return true;
}

static void free_row(trow *row)
{
    for (size_t i = 0; i < row->n; i++) {
        for (size_t k = 0; k < row->cells[i].n; k++)
            free(row->cells[i].items[k].text);
        free(row->cells[i].items);
    }
    free(row->cells);
    free(row);
}

static xxgk_locator docx_locator(void)
{
    xxgk_locator l;
    memset(&l, 0, sizeof l);
    l.kind = XXGK_LOC_DOCX;
    return l;
}

/* A layout row holding nested tables: its cells' paragraphs and tables
 * as blocks of their own. */
static void write_layout_row(dx *d, doc *out, const trow *row)
{
    for (size_t i = 0; i < row->n; i++)
        for (size_t k = 0; k < row->cells[i].n; k++) {
            const cell_item *it = &row->cells[i].items[k];
            if (it->table) {
                doc_append(out, &it->sub);
            } else {
                xxgk_locator l = docx_locator();
                l.paragraph = ++d->paragraphs;
                doc_put_para(out, it->text, it->len, &l);
            }
        }
}

/* One row of the table `t`: a cell per w:tc with its grid column and
 * span, or, for a layout row, its contents as blocks. */
static void write_row(dx *d, table *t, const trow *row)
{
    bool layout_row = false;
    for (size_t i = 0; i < row->n; i++)
        layout_row |= row->cells[i].has_table;
    if (layout_row) {
        write_layout_row(d, t->out, row);
        return;
    }
    if (row->n == 0)
        return;
    /* After blocks of a layout row, the table goes on as a new one. */
    if (!t->block || doc_last_table(t->out) != t->block) {
        xxgk_locator tl = docx_locator();
        tl.table = t->index;
        t->block = doc_put_table(t->out, true, &tl);
    }
    xxgk_locator rl = docx_locator();
    rl.table = t->index;
    rl.row = t->rows;
    doc_row *dr = doc_put_row(t->out, t->block, &rl);
    strbuf joined;
    strbuf_init(&joined, XXGK_MAX_INPUT);
    doc_cell *last = NULL;
    unsigned grid = 0;
    for (size_t i = 0; i < row->n && dr; i++) {
        const tcell *c = &row->cells[i];
        unsigned span = c->span ? c->span : 1;
        if (c->hcont) {
            if (last)
                last->colspan = (uint16_t)(last->colspan + span);
            grid += span;
            continue;
        }
        strbuf_clear(&joined);
        for (size_t k = 0; k < c->n && !c->vcont; k++) {
            if (k)
                strbuf_addc(&joined, '\n');
            strbuf_add(&joined, c->items[k].text, c->items[k].len);
        }
        if (joined.failed)
            t->out->failed = joined.failed == STRBUF_NOMEM ? XXGK_E_NOMEM : XXGK_E_TOO_LARGE;
        xxgk_locator cl = rl;
        cl.cell = (uint32_t)i + 1;
        const doc_cell *owner = grid < TRACKED_COLS ? t->owner[grid] : NULL;
        if (c->vcont)
            last = doc_put_continued(t->out, dr, grid, span, owner);
        else
            last = doc_put_cell(t->out, dr, joined.s ? joined.s : "", joined.len, grid, span, 1,
                                false, &cl);
        if (!c->vcont && grid < TRACKED_COLS)
            t->owner[grid] = last;
        grid += span;
    }
    strbuf_free(&joined);
}

static frame frame_of(mode m)
{
    frame f;
    memset(&f, 0, sizeof f);
    f.mode = m;
    return f;
}

/* A paragraph or a table starting among blocks that go to `to`. */
static frame block_child(dx *d, el kind, sink to, frame *top)
{
    frame f = frame_of(M_SKIP);
    switch (kind) {
    case E_P:
        f.para = calloc(1, sizeof *f.para);
        if (!f.para) {
            fail(d, XXGK_E_NOMEM, "内存不足");
            break;
        }
        strbuf_init(&f.para->text, XXGK_MAX_INPUT);
        f.para->to = to;
        f.para->num_id = f.para->ilvl = -1;
        f.mode = M_INLINE;
        f.owns = true;
        break;
    case E_TBL:
        f.tb = calloc(1, sizeof *f.tb);
        if (!f.tb) {
            fail(d, XXGK_E_NOMEM, "内存不足");
            break;
        }
        doc_init(&f.tb->own, d->a);
        f.tb->out = to.body ? to.body : &f.tb->own;
        f.tb->cell = to.cell;
        f.tb->index = ++d->tables;
        f.mode = M_TABLE;
        f.owns = true;
        break;
    case E_SDT:
    case E_SDTCONTENT:
    case E_TRANSPARENT:
        f.mode = M_BLOCKS;
        f.to = to;
        break;
    case E_ALTERNATE:
        f.mode = M_BLOCK_ALT;
        f.to = to;
        break;
    case E_CHOICE:
        /* Block-level alternates are rare; the first choice is read. */
        if (top->mode == M_BLOCK_ALT && !top->choice_done) {
            top->choice_done = true;
            f.mode = M_BLOCKS;
            f.to = to;
        }
        break;
    default:
        break;
    }
    return f;
}

/* A child of a paragraph, of a run or of a wrapper of runs. */
static frame inline_child(frame *top, el kind)
{
    para *p = top->para;
    frame f = frame_of(M_SKIP);
    f.para = p;
    switch (kind) {
    case E_R:
        f.mode = M_RUN;
        f.was_hidden = p->hidden;
        break;
    case E_RPR:
        f.mode = M_RPR;
        break;
    case E_PPR:
        f.mode = M_PPR;
        break;
    case E_T:
        f.mode = M_TEXT;
        break;
    case E_TAB:
    case E_PTAB:
        if (!p->hidden)
            strbuf_addc(&p->text, ' ');
        break;
    case E_BR:
    case E_CR:
        if (!p->hidden)
            strbuf_addc(&p->text, '\n');
        break;
    case E_NOBREAKHYPHEN:
        if (!p->hidden)
            strbuf_addc(&p->text, '-');
        break;
    case E_TRANSPARENT:
    case E_SDT:
    case E_SDTCONTENT:
        f.mode = M_INLINE;
        break;
    case E_DRAWING:
        f.mode = M_DRAWING;
        break;
    case E_ALTERNATE:
        f.mode = M_INLINE_ALT;
        break;
    default:
        break; /* properties, deleted text, field codes, … */
    }
    return f;
}

/* The frame for an element starting inside `top`. */
static frame child(dx *d, frame *top, el kind, int nattr, const xmlChar **attrs)
{
    frame f = frame_of(M_SKIP);
    switch (top->mode) {
    case M_ROOT:
        return frame_of(M_DOCUMENT);
    case M_DOCUMENT:
        if (kind == E_BODY) {
            f.mode = M_BLOCKS;
            f.to = (sink){d->out, NULL};
        }
        return f;
    case M_BLOCKS:
    case M_BLOCK_ALT:
        return block_child(d, kind, top->to, top);
    case M_CELL:
        if (kind == E_TCPR) {
            f.mode = M_TCPR;
            f.cell = top->cell;
            return f;
        }
        return block_child(d, kind, (sink){NULL, top->cell}, top);
    case M_INLINE:
    case M_RUN:
        return inline_child(top, kind);
    case M_INLINE_ALT:
        if (kind == E_CHOICE && !top->choice_done) {
            top->choice_done = true;
            f.mode = M_INLINE;
            f.para = top->para;
        }
        return f; /* the fallback is the same content again */
    case M_RPR:
        if (kind == E_VANISH)
            top->para->hidden = on_off(nattr, attrs);
        return f;
    case M_DRAWING:
        if (kind == E_TXBX) {
            f.mode = M_BLOCKS;
            f.to = top->para->to;
        } else if (kind != E_FALLBACK) { /* not the VML copy of a text box */
            f.mode = M_DRAWING;
            f.para = top->para;
        }
        return f;
    case M_TABLE:
        if (kind == E_SDT || kind == E_SDTCONTENT || kind == E_TRANSPARENT) {
            f.mode = M_TABLE;
            f.tb = top->tb;
        } else if (kind == E_TR) {
            top->tb->rows++;
            f.row = calloc(1, sizeof *f.row);
            if (!f.row) {
                fail(d, XXGK_E_NOMEM, "内存不足");
                return f;
            }
            f.mode = M_ROW;
            f.tb = top->tb;
            f.owns = true;
        }
        return f;
    case M_ROW:
        if (kind == E_SDT || kind == E_SDTCONTENT || kind == E_TRANSPARENT) {
            f = *top;
            f.owns = false;
        } else if (kind == E_TC) {
            trow *row = top->row;
            if (row->n == row->cap) {
                size_t cap = row->cap ? row->cap * 2 : 16;
                tcell *v = realloc(row->cells, cap * sizeof *v);
                if (!v) {
                    fail(d, XXGK_E_NOMEM, "内存不足");
                    return f;
                }
                row->cells = v;
                row->cap = cap;
            }
            f.mode = M_CELL;
            f.cell = &row->cells[row->n++];
            memset(f.cell, 0, sizeof *f.cell);
        }
        return f;
    case M_PPR:
        if (kind == E_PSTYLE) {
            size_t len;
            const xmlChar *v = attr_val(nattr, attrs, &len);
            if (v && len < sizeof top->para->style) {
                memcpy(top->para->style, v, len);
                top->para->style[len] = '\0';
            }
        } else if (kind == E_NUMPR) {
            f.mode = M_NUMPR;
            f.para = top->para;
        }
        return f; /* and not w:pPrChange: the numbering before a change */
    case M_NUMPR:
        if (kind == E_ILVL || kind == E_NUMID) {
            size_t len;
            const xmlChar *v = attr_val(nattr, attrs, &len);
            char buf[16];
            int n = -1;
            if (v && len < sizeof buf) {
                memcpy(buf, v, len);
                buf[len] = '\0';
                n = atoi(buf);
            }
            *(kind == E_ILVL ? &top->para->ilvl : &top->para->num_id) = n;
        }
        return f;
    case M_TCPR:
        if (kind == E_VMERGE)
            top->cell->vcont = !val_is(nattr, attrs, "restart");
        else if (kind == E_HMERGE)
            top->cell->hcont = !val_is(nattr, attrs, "restart");
        else if (kind == E_GRIDSPAN) {
            size_t len;
            const xmlChar *v = attr_val(nattr, attrs, &len);
            unsigned n = 0;
            for (size_t k = 0; v && k < len && v[k] >= '0' && v[k] <= '9' && n < 1000; k++)
                n = n * 10 + (unsigned)(v[k] - '0');
            top->cell->span = n ? n : 1;
        }
        return f;
    case M_TEXT:
    case M_SKIP:
        return f;
    }
    return f;
}

/* Puts the automatic number of a paragraph ("一、") before its text, as
 * Word's text export writes it. */
static void number(dx *d, para *p)
{
    strbuf label;
    strbuf_init(&label, XXGK_MAX_INPUT);
    docx_numbering_label(d->numbering, p->style, p->num_id, p->ilvl, &label);
    if (label.len) {
        strbuf_add(&label, p->text.s ? p->text.s : "", p->text.len);
        strbuf_free(&p->text);
        p->text = label;
    } else {
        strbuf_free(&label);
    }
}

/* Frees what a frame owns, after finishing it when the document went
 * well: a paragraph goes to its sink, a row is written, a nested table
 * becomes an item of its cell. */
static void finish(dx *d, frame *f)
{
    bool ok = d->status == XXGK_OK;
    if (f->mode == M_RUN)
        f->para->hidden = f->was_hidden;
    if (!f->owns)
        return;
    if (f->mode == M_INLINE) {
        para *p = f->para;
        if (ok && d->numbering && (p->num_id >= 0 || p->style[0]))
            number(d, p);
        if (ok && p->text.failed)
            fail(d, p->text.failed == STRBUF_NOMEM ? XXGK_E_NOMEM : XXGK_E_TOO_LARGE, "段落文字过多");
        else if (ok && p->to.body) {
            xxgk_locator l = docx_locator();
            l.paragraph = ++d->paragraphs;
            doc_put_para(p->to.body, p->text.s ? p->text.s : "", p->text.len, &l);
        } else if (ok) {
            add_item(d, p->to.cell, p->text.s ? p->text.s : "", p->text.len, NULL);
        }
        strbuf_free(&p->text);
        free(p);
    } else if (f->mode == M_ROW) {
        if (ok)
            write_row(d, f->tb, f->row);
        free_row(f->row);
    } else if (f->mode == M_TABLE) {
        table *t = f->tb;
        if (ok && t->own.failed)
            fail(d, t->own.failed, "表格文字过多");
        else if (ok && t->cell)
            add_item(d, t->cell, "", 0, &t->own);
        free(t);
    }
}

/* ---- the SAX callbacks -------------------------------------------------- */

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int nattr, int ndefaulted, const xmlChar **attrs)
{
    dx *d = ctx;
    (void)prefix, (void)nns, (void)ns, (void)ndefaulted;
    if (d->status != XXGK_OK)
        return;
    if (d->depth > DOCX_MAX_DEPTH) {
        fail(d, XXGK_E_TOO_LARGE, "word/document.xml 的 XML 嵌套过深");
        return;
    }
    frame f = child(d, &d->stack[d->depth - 1], classify(d, uri, local), nattr, attrs);
    d->stack[d->depth++] = f;
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    dx *d = ctx;
    (void)local, (void)prefix, (void)uri;
    if (d->depth > 1)
        finish(d, &d->stack[--d->depth]);
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
    dx *d = ctx;
    frame *top = &d->stack[d->depth - 1];
    if (top->mode == M_TEXT && !top->para->hidden && d->status == XXGK_OK)
        strbuf_add(&top->para->text, (const char *)s, (size_t)len);
}

/* Inflates the part chunk by chunk into the parser, stopping at the
 * limits whatever the zip header promised. */
static void parse_stream(dx *d, zip_file_t *zf, size_t declared)
{
    size_t inflated = 0;
    for (;;) {
        zip_int64_t n = zip_fread(zf, d->chunk, sizeof d->chunk);
        if (n < 0) {
            fail(d, XXGK_E_TRUNCATED, "word/document.xml 无法解压（数据损坏）");
            return;
        }
        inflated += (size_t)n;
        if (inflated > declared || inflated > DOCX_MAX_XML) {
            fail(d, XXGK_E_TOO_LARGE, "word/document.xml 解压后超过声明的大小或上限（疑似压缩炸弹）");
            return;
        }
        int rc = xmlParseChunk(d->ctxt, d->chunk, (int)n, n == 0);
        if (d->status != XXGK_OK)
            return;
        if (rc != 0 || !d->ctxt->wellFormed) {
            fail(d, XXGK_E_TRUNCATED, "word/document.xml 不完整或 XML 格式错误");
            return;
        }
        if (n == 0)
            return;
    }
}

/* Opens word/document.xml after checking the container against the
 * limits. */
static xxgk_status open_document(zip_t *za, zip_file_t **zf, size_t *declared, xxgk_error *err)
{
    zip_int64_t idx = zip_name_locate(za, "word/document.xml", ZIP_FL_NOCASE);
    if (idx < 0) {
        return error_set(err, XXGK_E_UNSUPPORTED, "不是 DOCX 文件：zip 压缩包中没有 "
                                                  "word/document.xml（可能是 XLSX 或其他压缩包）");
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
        !(st.valid & ZIP_STAT_COMP_SIZE)) {
        return error_set(err, XXGK_E_TRUNCATED, "DOCX 文件损坏：无法读取 word/document.xml 的信息");
    }
    if (st.size > DOCX_MAX_XML ||
        (st.size > DOCX_RATIO_FROM && st.size / (st.comp_size ? st.comp_size : 1) > DOCX_MAX_RATIO)) {
        return error_set(err, XXGK_E_TOO_LARGE,
                         "DOCX 文件中的 word/document.xml 解压后过大（%llu 字节，压缩后 %llu "
                         "字节；上限 %zu 字节，压缩比上限 %d），疑似压缩炸弹",
                         (unsigned long long)st.size, (unsigned long long)st.comp_size,
                         DOCX_MAX_XML, DOCX_MAX_RATIO);
    }
    *zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
    if (!*zf) {
        zip_error_t *ze = zip_get_error(za);
        if (zip_error_code_zip(ze) == ZIP_ER_NOPASSWD || zip_error_code_zip(ze) == ZIP_ER_WRONGPASSWD)
            return error_set(err, XXGK_E_UNSUPPORTED, "DOCX 文件已加密，无法读取");
        return error_set(err, XXGK_E_TRUNCATED, "DOCX 文件损坏：无法解压 word/document.xml（%s）",
                         zip_error_strerror(ze));
    }
    *declared = (size_t)st.size;
    return XXGK_OK;
}

/* Streams the opened part through the SAX parser into `out`. */
static xxgk_status stream_document(zip_t *za, zip_file_t *zf, size_t declared, doc *out,
                                   xxgk_error *err)
{
    dx *d = calloc(1, sizeof *d);
    if (!d)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    d->out = out;
    d->a = out->a;
    d->numbering = docx_numbering_load(za);
    d->stack[d->depth++] = frame_of(M_ROOT);
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.serror = on_xml_error;
    d->ctxt = xmlCreatePushParserCtxt(&sax, d, NULL, 0, "word/document.xml");
    if (d->ctxt) {
        xmlCtxtUseOptions(d->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        parse_stream(d, zf, declared);
        /* An internal DTD makes libxml2 build a document to hold it even
         * for SAX; freeing the context does not free that. */
        if (d->ctxt->myDoc)
            xmlFreeDoc(d->ctxt->myDoc);
        xmlFreeParserCtxt(d->ctxt);
        d->ctxt = NULL;
    } else {
        fail(d, XXGK_E_NOMEM, "内存不足");
    }
    while (d->depth > 1) /* what a failure left open */
        finish(d, &d->stack[--d->depth]);
    docx_numbering_free(d->numbering);
    xxgk_status st = XXGK_OK;
    if (d->status != XXGK_OK && d->xml_line > 0 && d->status == XXGK_E_TRUNCATED)
        st = error_set(err, d->status, "DOCX 文件损坏：word/document.xml 第 %d 行 XML 格式错误",
                       d->xml_line);
    else if (d->status != XXGK_OK)
        st = error_set(err, d->status, "DOCX 文件无法读取：%s", d->why);
    free(d);
    return st;
}

/* Opens the zip, checks it, and streams its document into the text. */
static xxgk_status read_container(const char *data, size_t size, doc *out, xxgk_error *err)
{
    zip_t *za = zip_buffer_open(data, size, "DOCX", DOCX_MAX_ENTRIES, err);
    if (!za)
        return err->status;
    size_t declared = 0;
    zip_file_t *zf = NULL;
    xxgk_status st = open_document(za, &zf, &declared, err);
    if (st != XXGK_OK) {
        zip_discard(za);
        return st;
    }
    st = stream_document(za, zf, declared, out, err);
    zip_fclose(zf);
    zip_discard(za);
    if (st == XXGK_OK)
        st = doc_status(out, "DOCX", err);
    if (st == XXGK_OK && out->n == 0)
        st = error_set(err, XXGK_E_EMPTY, "DOCX 文件中没有文字");
    return st;
}

/* libxml2 reports encoding and I/O errors through its generic error
 * function, which prints to stderr whatever the parser's options say. The
 * library never prints: while a DOCX is read, that function is a silent
 * one (the setting is per thread, and put back afterwards). */
static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

xxgk_status read_docx(arena *a, const char *data, size_t size, doc *out, const char **encoding,
                      xxgk_error *err)
{
    (void)a;
    *encoding = "UTF-8";
    if (!lazy_load(&lazy_zip_lib, err) || !lazy_load(&lazy_xml2_lib, err))
        return err->status;
    xmlGenericErrorFunc saved = xmlGenericError;
    void *saved_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, silent);
    xxgk_status st = read_container(data, size, out, err);
    xmlSetGenericErrorFunc(saved_ctx, saved);
    return st;
}
