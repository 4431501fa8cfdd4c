/*
 * read_docx.c — the DOCX reader: word/document.xml, streamed out of the
 * zip container, written in the Word-text layout of readers.h.
 *
 * Only the main document part is read: headers, footers, footnotes and
 * comments live in parts of their own and are not report text. The part
 * is never loaded whole: libzip inflates it chunk by chunk into
 * libxml2's xmlTextReader, and no more than the current top-level table
 * is kept in memory. Every size is bounded (read_docx.h): the entry
 * count, the inflated size and ratio (zip bombs), the XML depth, and the
 * text produced.
 *
 * What becomes text, as Word's own "save as text" does it:
 *  - paragraphs, line breaks (`w:br`) inside them, tabs as spaces;
 *  - tables row by row, a cell per line; a horizontally merged cell
 *    (`w:gridSpan`) is one cell, the continuation of a vertically merged
 *    one (`w:vMerge`) an empty cell; paragraphs inside a cell become its
 *    continuation lines;
 *  - a row holding a nested table is a layout row: its cells' paragraphs
 *    and tables are written as blocks of their own (reports pasted into
 *    a one-cell frame table are read like any other);
 *  - text boxes (`w:txbxContent`, the DrawingML one, not its VML
 *    fallback), content controls, hyperlinks, inserted text of tracked
 *    changes, and the results of fields (never their codes);
 *  - not: deleted text, hidden text (`w:vanish`), field codes.
 */
#include "read_docx.h"

#include <libxml/xmlreader.h>
#include <string.h>
#include <zip.h>

#include "layout.h"

static const char W_NS[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char W_NS_STRICT[] = "http://purl.oclc.org/ooxml/wordprocessingml/main";
static const char MC_NS[] = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/* The elements the reader acts on; everything else is skipped whole. */
typedef enum el {
    E_OTHER = 0,
    E_BODY, E_P, E_TBL, E_TR, E_TC, E_TCPR, E_GRIDSPAN, E_VMERGE, E_HMERGE,
    E_R, E_RPR, E_VANISH, E_T, E_TAB, E_PTAB, E_BR, E_CR, E_NOBREAKHYPHEN,
    E_TRANSPARENT, /* wrappers whose content is read as if unwrapped */
    E_DELETED,     /* w:del, w:moveFrom: content not in the document */
    E_SDT, E_SDTCONTENT, E_TXBX, E_DRAWING,
    E_ALTERNATE, E_CHOICE, E_FALLBACK
} el;

static const struct {
    const char *name;
    el kind;
} w_elements[] = {
    {"body", E_BODY},        {"p", E_P},
    {"tbl", E_TBL},          {"tr", E_TR},
    {"tc", E_TC},            {"tcPr", E_TCPR},
    {"gridSpan", E_GRIDSPAN}, {"vMerge", E_VMERGE},
    {"hMerge", E_HMERGE},    {"r", E_R},
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
};

/* One item of a table cell: a paragraph's text, or a nested table
 * already written out in the layout. */
typedef struct cell_item {
    char *text;
    size_t len;
    bool table;
} cell_item;

typedef struct tcell {
    cell_item *items;
    size_t n, cap;
    bool vcont;     /* continues a vertical merge: written empty */
    bool hcont;     /* continues a legacy horizontal merge: not written */
    bool has_table; /* holds a nested table: the row is a layout row */
} tcell;

typedef struct trow {
    tcell *cells;
    size_t n, cap;
} trow;

/* Where the paragraphs being read go: straight into the text, or into a
 * table cell. */
typedef struct sink {
    strbuf *body;
    tcell *cell;
} sink;

typedef struct dx {
    xmlTextReaderPtr xr;
    zip_file_t *zf;
    size_t inflated, declared; /* bytes inflated so far, and the zip's claim */
    const xmlChar *w_ns;       /* the document's W namespace, once seen */
    xxgk_status status;        /* the first failure, XXGK_OK until then */
    char why[160];
    int xml_line;              /* line of the first XML error */
    strbuf *out;
} dx;

/* ---- failures ----------------------------------------------------- */

static int fail(dx *d, xxgk_status st, const char *why)
{
    if (d->status == XXGK_OK) {
        d->status = st;
        snprintf(d->why, sizeof d->why, "%s", why);
    }
    return -1;
}

static void on_xml_error(void *arg, xmlErrorPtr e)
{
    dx *d = arg;
    if (e && e->level >= XML_ERR_ERROR && !d->xml_line)
        d->xml_line = e->line ? e->line : -1;
}

/* ---- zip → libxml2 ------------------------------------------------ */

/* The xmlTextReader's input: inflates a chunk at a time and stops at the
 * limits, whatever the zip header promised. */
static int zip_read(void *arg, char *buf, int len)
{
    dx *d = arg;
    zip_int64_t n = zip_fread(d->zf, buf, (zip_uint64_t)len);
    if (n < 0) {
        fail(d, XXGK_E_TRUNCATED, "word/document.xml 无法解压（数据损坏）");
        return -1;
    }
    d->inflated += (size_t)n;
    if (d->inflated > d->declared || d->inflated > DOCX_MAX_XML) {
        fail(d, XXGK_E_TOO_LARGE, "word/document.xml 解压后超过声明的大小或上限（疑似压缩炸弹）");
        return -1;
    }
    return (int)n;
}

static int zip_close_cb(void *arg)
{
    (void)arg;
    return 0;
}

/* ---- walking the XML ------------------------------------------------ */

static el classify(dx *d)
{
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(d->xr);
    const char *name = (const char *)xmlTextReaderConstLocalName(d->xr);
    if (!ns || !name)
        return E_OTHER;
    if (ns != d->w_ns) {
        if (!strcmp((const char *)ns, MC_NS)) {
            if (!strcmp(name, "AlternateContent"))
                return E_ALTERNATE;
            if (!strcmp(name, "Choice"))
                return E_CHOICE;
            if (!strcmp(name, "Fallback"))
                return E_FALLBACK;
            return E_OTHER;
        }
        if (strcmp((const char *)ns, W_NS) && strcmp((const char *)ns, W_NS_STRICT))
            return E_OTHER;
        d->w_ns = ns; /* names are interned: the next check is a compare */
    }
    for (size_t i = 0; i < sizeof w_elements / sizeof w_elements[0]; i++)
        if (!strcmp(name, w_elements[i].name))
            return w_elements[i].kind;
    return E_OTHER;
}

typedef int (*child_fn)(dx *d, el kind, void *ctx);

/* Calls fn on each child element of the element the reader is on, and
 * returns once its end tag is consumed. fn must consume the child whole
 * (by each_child or skip). */
static int each_child(dx *d, child_fn fn, void *ctx)
{
    if (xmlTextReaderIsEmptyElement(d->xr))
        return 0;
    int depth = xmlTextReaderDepth(d->xr);
    if (depth > DOCX_MAX_DEPTH)
        return fail(d, XXGK_E_TOO_LARGE, "word/document.xml 的 XML 嵌套过深");
    for (;;) {
        int rc = xmlTextReaderRead(d->xr);
        if (rc != 1)
            return fail(d, XXGK_E_TRUNCATED, "word/document.xml 不完整或 XML 格式错误");
        int type = xmlTextReaderNodeType(d->xr);
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(d->xr) == depth)
            return 0;
        if (type == XML_READER_TYPE_ELEMENT && fn(d, classify(d), ctx) < 0)
            return -1;
    }
}

static int skip_fn(dx *d, el kind, void *ctx)
{
    (void)kind;
    return each_child(d, skip_fn, ctx);
}

static int skip(dx *d)
{
    return each_child(d, skip_fn, NULL);
}

/* The w:val attribute of the current element, as a bool: absent, "on",
 * "true" and "1" are true (OOXML's ST_OnOff). */
static bool on_off(dx *d)
{
    xmlChar *v = xmlTextReaderGetAttributeNs(d->xr, BAD_CAST "val",
                                             xmlTextReaderConstNamespaceUri(d->xr));
    bool on = !v || !(strcmp((char *)v, "0") == 0 || strcmp((char *)v, "false") == 0 ||
                      strcmp((char *)v, "off") == 0);
    xmlFree(v);
    return on;
}

/* The w:val attribute of the current element equals `want`. */
static bool val_is(dx *d, const char *want)
{
    xmlChar *v = xmlTextReaderGetAttributeNs(d->xr, BAD_CAST "val",
                                             xmlTextReaderConstNamespaceUri(d->xr));
    bool is = v && strcmp((char *)v, want) == 0;
    xmlFree(v);
    return is;
}

/* ---- paragraphs ----------------------------------------------------- */

typedef struct para_ctx {
    strbuf text;
    sink *to;      /* where text boxes inside the paragraph go */
    bool hidden;   /* the current run is hidden (w:vanish) */
    bool choice_done;
} para_ctx;

static int container_fn(dx *d, el kind, void *ctx);
static int read_table(dx *d, sink *to);

/* A paragraph's text goes to its sink when the paragraph ends. */
static int emit_para(dx *d, sink *to, const char *text, size_t len)
{
    if (to->body) {
        layout_para(to->body, text, len);
        return 0;
    }
    tcell *c = to->cell;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 4;
        cell_item *v = realloc(c->items, cap * sizeof *v);
        if (!v)
            return fail(d, XXGK_E_NOMEM, "内存不足");
        c->items = v;
        c->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return fail(d, XXGK_E_NOMEM, "内存不足");
    memcpy(copy, text, len);
    copy[len] = '\0';
    c->items[c->n++] = (cell_item){copy, len, false};
    return 0;
}

static int text_fn(dx *d, el kind, void *ctx);

/* The text nodes of a w:t. */
static int read_t(dx *d, para_ctx *p)
{
    if (xmlTextReaderIsEmptyElement(d->xr))
        return 0;
    int depth = xmlTextReaderDepth(d->xr);
    for (;;) {
        if (xmlTextReaderRead(d->xr) != 1)
            return fail(d, XXGK_E_TRUNCATED, "word/document.xml 不完整或 XML 格式错误");
        int type = xmlTextReaderNodeType(d->xr);
        if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(d->xr) == depth)
            return 0;
        if (type == XML_READER_TYPE_ELEMENT) {
            if (skip(d) < 0)
                return -1;
        } else if (!p->hidden && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                                  type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                                  type == XML_READER_TYPE_WHITESPACE)) {
            const char *v = (const char *)xmlTextReaderConstValue(d->xr);
            if (v)
                strbuf_add(&p->text, v, strlen(v));
        }
    }
}

static int rpr_fn(dx *d, el kind, void *ctx)
{
    para_ctx *p = ctx;
    if (kind == E_VANISH)
        p->hidden = on_off(d);
    return skip(d);
}

/* Inside w:drawing / w:pict / w:object: only text boxes hold text. */
static int drawing_fn(dx *d, el kind, void *ctx)
{
    para_ctx *p = ctx;
    if (kind == E_TXBX)
        return each_child(d, container_fn, p->to);
    if (kind == E_FALLBACK)
        return skip(d); /* the VML copy of a DrawingML text box */
    return each_child(d, drawing_fn, ctx);
}

/* mc:AlternateContent: the first mc:Choice is read, the rest and the
 * fallback (the same content for older readers) are not. */
static int alternate_fn(dx *d, el kind, void *ctx, child_fn inner)
{
    para_ctx *p = ctx;
    if (kind == E_CHOICE && !p->choice_done) {
        p->choice_done = true;
        return each_child(d, inner, ctx);
    }
    return skip(d);
}

static int run_alternate_fn(dx *d, el kind, void *ctx)
{
    return alternate_fn(d, kind, ctx, text_fn);
}

/* Children of a paragraph and of a run, read alike: runs, their text and
 * breaks, and the wrappers around runs. */
static int text_fn(dx *d, el kind, void *ctx)
{
    para_ctx *p = ctx;
    switch (kind) {
    case E_R: {
        bool was = p->hidden;
        int rc = each_child(d, text_fn, ctx);
        p->hidden = was;
        return rc;
    }
    case E_RPR:
        return each_child(d, rpr_fn, ctx);
    case E_T:
        return read_t(d, p);
    case E_TAB:
    case E_PTAB:
        if (!p->hidden)
            strbuf_addc(&p->text, ' ');
        return skip(d);
    case E_BR:
    case E_CR:
        if (!p->hidden)
            strbuf_addc(&p->text, '\n');
        return skip(d);
    case E_NOBREAKHYPHEN:
        if (!p->hidden)
            strbuf_addc(&p->text, '-');
        return skip(d);
    case E_TRANSPARENT:
    case E_SDT:
    case E_SDTCONTENT:
        return each_child(d, text_fn, ctx);
    case E_DRAWING:
        return each_child(d, drawing_fn, ctx);
    case E_ALTERNATE: {
        bool was = p->choice_done;
        p->choice_done = false;
        int rc = each_child(d, run_alternate_fn, ctx);
        p->choice_done = was;
        return rc;
    }
    default:
        return skip(d); /* properties, deleted text, field codes, … */
    }
}

static int read_para(dx *d, sink *to)
{
    para_ctx p;
    memset(&p, 0, sizeof p);
    strbuf_init(&p.text, XXGK_MAX_INPUT);
    p.to = to;
    int rc = each_child(d, text_fn, &p);
    if (rc == 0 && p.text.failed)
        rc = fail(d, p.text.failed == STRBUF_NOMEM ? XXGK_E_NOMEM : XXGK_E_TOO_LARGE,
                  "段落文字过多");
    if (rc == 0)
        rc = emit_para(d, to, p.text.s ? p.text.s : "", p.text.len);
    strbuf_free(&p.text);
    return rc;
}

/* ---- block containers: body, cells, text boxes, content controls ---- */

static int block_alternate_fn(dx *d, el kind, void *ctx)
{
    /* Block-level alternates are rare; reading the first choice as a
     * container is what Word does for content it understands. */
    if (kind == E_CHOICE)
        return each_child(d, container_fn, ctx);
    return skip(d);
}

static int container_fn(dx *d, el kind, void *ctx)
{
    sink *to = ctx;
    switch (kind) {
    case E_P:
        return read_para(d, to);
    case E_TBL:
        return read_table(d, to);
    case E_SDT:
    case E_SDTCONTENT:
    case E_TRANSPARENT:
        return each_child(d, container_fn, ctx);
    case E_ALTERNATE:
        return each_child(d, block_alternate_fn, ctx);
    default:
        return skip(d);
    }
}

/* ---- tables ----------------------------------------------------------- */

static void free_row(trow *row)
{
    for (size_t i = 0; i < row->n; i++) {
        for (size_t k = 0; k < row->cells[i].n; k++)
            free(row->cells[i].items[k].text);
        free(row->cells[i].items);
    }
    free(row->cells);
    memset(row, 0, sizeof *row);
}

static int tcpr_fn(dx *d, el kind, void *ctx)
{
    tcell *c = ctx;
    if (kind == E_VMERGE)
        c->vcont = !val_is(d, "restart");
    else if (kind == E_HMERGE)
        c->hcont = !val_is(d, "restart");
    return skip(d);
}

static int cell_fn(dx *d, el kind, void *ctx)
{
    tcell *c = ctx;
    if (kind == E_TCPR)
        return each_child(d, tcpr_fn, ctx);
    sink to = {NULL, c};
    return container_fn(d, kind, &to);
}

static int row_fn(dx *d, el kind, void *ctx)
{
    trow *row = ctx;
    if (kind == E_SDT || kind == E_SDTCONTENT || kind == E_TRANSPARENT)
        return each_child(d, row_fn, ctx);
    if (kind != E_TC)
        return skip(d);
    if (row->n == row->cap) {
        size_t cap = row->cap ? row->cap * 2 : 16;
        tcell *v = realloc(row->cells, cap * sizeof *v);
        if (!v)
            return fail(d, XXGK_E_NOMEM, "内存不足");
        row->cells = v;
        row->cap = cap;
    }
    tcell *c = &row->cells[row->n++];
    memset(c, 0, sizeof *c);
    return each_child(d, cell_fn, c);
}

/* Writes one row: a cell per line, or, for a layout row holding nested
 * tables, its contents as blocks. */
static void write_row(strbuf *out, const trow *row)
{
    bool layout_row = false;
    for (size_t i = 0; i < row->n; i++)
        layout_row |= row->cells[i].has_table;
    if (layout_row) {
        for (size_t i = 0; i < row->n; i++)
            for (size_t k = 0; k < row->cells[i].n; k++) {
                const cell_item *it = &row->cells[i].items[k];
                if (it->table)
                    strbuf_add(out, it->text, it->len);
                else
                    layout_para(out, it->text, it->len);
            }
        return;
    }
    if (row->n == 0)
        return;
    strbuf joined;
    strbuf_init(&joined, XXGK_MAX_INPUT);
    for (size_t i = 0; i < row->n; i++) {
        const tcell *c = &row->cells[i];
        if (c->hcont)
            continue;
        strbuf_clear(&joined);
        for (size_t k = 0; k < c->n && !c->vcont; k++) {
            if (k)
                strbuf_addc(&joined, '\n');
            strbuf_add(&joined, c->items[k].text, c->items[k].len);
        }
        if (joined.failed)
            out->failed = joined.failed;
        layout_cell(out, joined.s ? joined.s : "", joined.len);
    }
    strbuf_free(&joined);
    layout_row_end(out);
}

typedef struct table_ctx {
    strbuf *out;
} table_ctx;

static int table_fn(dx *d, el kind, void *ctx)
{
    table_ctx *t = ctx;
    if (kind == E_SDT || kind == E_SDTCONTENT || kind == E_TRANSPARENT)
        return each_child(d, table_fn, ctx);
    if (kind != E_TR)
        return skip(d);
    trow row;
    memset(&row, 0, sizeof row);
    int rc = each_child(d, row_fn, &row);
    if (rc == 0)
        write_row(t->out, &row);
    free_row(&row);
    return rc;
}

/* A table in the body is written straight into the text; one inside a
 * cell is written into a buffer that becomes an item of that cell. */
static int read_table(dx *d, sink *to)
{
    if (to->body) {
        table_ctx t = {to->body};
        return each_child(d, table_fn, &t);
    }
    strbuf nested;
    strbuf_init(&nested, XXGK_MAX_INPUT);
    table_ctx t = {&nested};
    int rc = each_child(d, table_fn, &t);
    if (rc == 0 && nested.failed)
        rc = fail(d, nested.failed == STRBUF_NOMEM ? XXGK_E_NOMEM : XXGK_E_TOO_LARGE,
                  "表格文字过多");
    if (rc == 0) {
        tcell *c = to->cell;
        rc = emit_para(d, to, nested.s ? nested.s : "", nested.len);
        if (rc == 0) {
            c->items[c->n - 1].table = true;
            c->has_table = true;
        }
    }
    strbuf_free(&nested);
    return rc;
}

/* ---- the document ------------------------------------------------------ */

static int document_fn(dx *d, el kind, void *ctx)
{
    if (kind != E_BODY)
        return skip(d);
    sink to = {d->out, NULL};
    (void)ctx;
    return each_child(d, container_fn, &to);
}

static int read_document(dx *d)
{
    for (;;) {
        int rc = xmlTextReaderRead(d->xr);
        if (rc != 1)
            return fail(d, XXGK_E_TRUNCATED, "word/document.xml 不完整或 XML 格式错误");
        if (xmlTextReaderNodeType(d->xr) == XML_READER_TYPE_ELEMENT)
            return each_child(d, document_fn, NULL);
    }
}

/* Opens word/document.xml after checking the container against the
 * limits. */
static xxgk_status open_document(zip_t *za, zip_file_t **zf, size_t *declared, xxgk_error *err)
{
    zip_int64_t entries = zip_get_num_entries(za, 0);
    if (entries < 0 || entries > DOCX_MAX_ENTRIES) {
        return error_set(err, XXGK_E_TOO_LARGE, "DOCX 文件的压缩包条目过多（%lld 个，上限 %d 个）",
                         (long long)entries, DOCX_MAX_ENTRIES);
    }
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

/* Streams the opened part through the XML reader into `out`. */
static xxgk_status stream_document(zip_file_t *zf, size_t declared, strbuf *out, xxgk_error *err)
{
    dx d;
    memset(&d, 0, sizeof d);
    d.zf = zf;
    d.declared = declared;
    d.out = out;
    d.xr = xmlReaderForIO(zip_read, zip_close_cb, &d, "word/document.xml", NULL,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!d.xr)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    xmlTextReaderSetStructuredErrorHandler(d.xr, on_xml_error, &d);
    read_document(&d);
    xmlFreeTextReader(d.xr);
    if (d.status == XXGK_OK)
        return XXGK_OK;
    if (d.xml_line > 0 && d.status == XXGK_E_TRUNCATED)
        return error_set(err, d.status, "DOCX 文件损坏：word/document.xml 第 %d 行 XML 格式错误",
                         d.xml_line);
    return error_set(err, d.status, "DOCX 文件无法读取：%s", d.why);
}

xxgk_status read_docx(arena *a, const char *data, size_t size, input_text *out, xxgk_error *err)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, size, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!za) {
        xxgk_status st = error_set(err, XXGK_E_TRUNCATED, "zip 压缩包损坏或不完整，无法作为 DOCX 读取（%s）",
                                   zip_error_strerror(&ze));
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        return st;
    }
    zip_error_fini(&ze);
    size_t declared = 0;
    zip_file_t *zf = NULL;
    xxgk_status st = open_document(za, &zf, &declared, err);
    if (st != XXGK_OK) {
        zip_discard(za);
        return st;
    }
    strbuf text;
    strbuf_init(&text, XXGK_MAX_INPUT);
    st = stream_document(zf, declared, &text, err);
    zip_fclose(zf);
    zip_discard(za);
    if (st != XXGK_OK) {
        strbuf_free(&text);
        return st;
    }
    return layout_finish(&text, a, "DOCX", out, err);
}
