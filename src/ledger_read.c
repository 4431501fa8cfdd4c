/*
 * ledger_read.c — reading a ledger file into a grid of text cells: CSV
 * (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes)
 * and XLSX (the first worksheet, with shared and inline strings; a
 * number is kept as written, a date as Excel's day serial). Row numbers
 * are those the office sees in its spreadsheet, so that an error names
 * the row to fix.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "input.h"
#include "ledger.h"

#define XLSX_MAX_PART ((zip_uint64_t)64 * 1024 * 1024)
#define XLSX_MAX_RATIO 200
#define SHEET_MAX_COLS 256

/* ---- building the grid ---------------------------------------------------- */

typedef struct grid_builder {
    arena *a;
    sheet *s;
    size_t cap_rows;
    const char **cells;
    size_t ncells, cap_cells;
} grid_builder;

static bool add_cell(grid_builder *g, size_t col, const char *text, size_t len)
{
    if (col >= SHEET_MAX_COLS)
        return true; /* columns past the limit are ignored */
    while (g->ncells <= col) {
        if (g->ncells == g->cap_cells) {
            size_t cap = g->cap_cells ? g->cap_cells * 2 : 16;
            const char **v = realloc(g->cells, cap * sizeof *v);
            if (!v)
                return false;
            g->cells = v;
            g->cap_cells = cap;
        }
        g->cells[g->ncells++] = "";
    }
    g->cells[col] = arena_strndup(g->a, text, len);
    return g->cells[col] != NULL;
}

/* Ends the row being built as sheet row `number`; an empty row is
 * dropped. */
static bool end_row(grid_builder *g, size_t number)
{
    bool empty = true;
    for (size_t i = 0; i < g->ncells; i++) {
        const char *c = g->cells[i];
        while (*c == ' ' || *c == '\t')
            c++;
        if (*c)
            empty = false;
    }
    if (!empty) {
        if (g->s->nrows == g->cap_rows) {
            size_t cap = g->cap_rows ? g->cap_rows * 2 : 64;
            sheet_row *v = arena_grow(g->a, g->s->rows, g->cap_rows * sizeof *v, cap * sizeof *v);
            if (!v)
                return false;
            g->s->rows = v;
            g->cap_rows = cap;
        }
        const char **cells = arena_alloc(g->a, (g->ncells ? g->ncells : 1) * sizeof *cells);
        if (!cells)
            return false;
        memcpy(cells, g->cells, g->ncells * sizeof *cells);
        g->s->rows[g->s->nrows++] = (sheet_row){number, cells, g->ncells};
    }
    g->ncells = 0;
    return true;
}

/* ---- CSV ------------------------------------------------------------------ */

static xxgk_status read_csv(arena *a, const char *path, const char *data, size_t size, sheet *s,
                            xxgk_error *err)
{
    input_text t;
    xxgk_error why = {0};
    if (input_normalise(a, data, size, &t, &why) != XXGK_OK)
        return error_set(err, why.status, "%s：%s", path, why.message);
    const char *p = t.text, *end = t.text + t.size;
    const char *nl = memchr(p, '\n', t.size);
    size_t first = nl ? (size_t)(nl - p) : t.size;
    char sep = memchr(p, '\t', first) && !memchr(p, ',', first) ? '\t' : ',';
    grid_builder g = {a, s, 0, NULL, 0, 0};
    char *field = malloc(t.size + 1);
    if (!field)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    size_t row = 1, col = 0, len = 0;
    bool ok = true;
    while (p < end && ok) {
        len = 0;
        if (*p == '"') {
            size_t started = row;
            p++;
            for (;;) {
                if (p >= end) {
                    free(field);
                    free(g.cells);
                    return error_set(err, XXGK_E_TRUNCATED,
                                     "%s：第 %zu 行的引号没有闭合（CSV 格式错误）", path, started);
                }
                if (*p == '"' && p + 1 < end && p[1] == '"') {
                    field[len++] = '"';
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    field[len++] = *p++;
                }
            }
            while (p < end && *p != sep && *p != '\n')
                field[len++] = *p++; /* text after a closing quote is kept */
        } else {
            while (p < end && *p != sep && *p != '\n')
                field[len++] = *p++;
        }
        ok = add_cell(&g, col, field, len);
        if (p < end && *p == sep) {
            p++;
            col++;
            if (p == end)
                ok = ok && add_cell(&g, col, "", 0);
        } else {
            ok = ok && end_row(&g, row);
            row++;
            col = 0;
            if (p < end)
                p++;
        }
    }
    if (ok && g.ncells)
        ok = end_row(&g, row);
    free(field);
    free(g.cells);
    return ok ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
}

/* ---- XLSX ------------------------------------------------------------------ */

/* The bytes of zip member `name` (NUL-terminated, malloc'd), NULL when
 * absent; err set and NULL when it cannot be read. */
static char *zip_member(zip_t *za, const char *name, size_t *size, const char *path,
                        xxgk_error *err, bool *failed)
{
    zip_int64_t idx = zip_name_locate(za, name, ZIP_FL_NOCASE);
    *failed = false;
    if (idx < 0)
        return NULL;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE)) {
        *failed = true;
        error_set(err, XXGK_E_TRUNCATED, "%s：XLSX 文件损坏（%s）", path, name);
        return NULL;
    }
    zip_uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) && st.comp_size ? st.comp_size : 1;
    if (st.size > XLSX_MAX_PART || (st.size > 1024 * 1024 && st.size / comp > XLSX_MAX_RATIO)) {
        *failed = true;
        error_set(err, XXGK_E_TOO_LARGE, "%s：XLSX 文件中的 %s 解压后过大，疑似压缩炸弹", path, name);
        return NULL;
    }
    zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
    char *buf = zf ? malloc(st.size + 1) : NULL;
    zip_int64_t got = buf ? zip_fread(zf, buf, st.size) : -1;
    if (zf)
        zip_fclose(zf);
    if (got < 0 || (zip_uint64_t)got != st.size) {
        free(buf);
        *failed = true;
        error_set(err, XXGK_E_TRUNCATED, "%s：XLSX 文件损坏或已加密，无法解压 %s", path, name);
        return NULL;
    }
    buf[st.size] = '\0';
    *size = (size_t)st.size;
    return buf;
}

static xmlDocPtr parse_xml(const char *data, size_t size)
{
    return xmlReadMemory(data, (int)size, NULL, NULL,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static bool is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* Appends the text of every <t> under n (a rich-text string's runs). */
static void collect_t(const xmlNode *n, char **buf, size_t *len, size_t *cap)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "rPh"))
            continue; /* phonetic hints are not the text */
        if (is(c, "t")) {
            xmlChar *s = xmlNodeGetContent(c);
            size_t l = s ? strlen((const char *)s) : 0;
            if (*len + l + 1 > *cap) {
                size_t ncap = (*len + l + 1) * 2;
                char *nb = realloc(*buf, ncap);
                if (!nb) {
                    xmlFree(s);
                    return;
                }
                *buf = nb;
                *cap = ncap;
            }
            memcpy(*buf + *len, s, l);
            *len += l;
            (*buf)[*len] = '\0';
            xmlFree(s);
        } else {
            collect_t(c, buf, len, cap);
        }
    }
}

typedef struct shared_strings {
    char **v;
    size_t n;
} shared_strings;

static bool read_shared(arena *a, const char *xml, size_t size, shared_strings *out)
{
    xmlDocPtr doc = parse_xml(xml, size);
    if (!doc)
        return false;
    xmlNode *root = xmlDocGetRootElement(doc);
    size_t n = 0;
    for (xmlNode *c = root ? root->children : NULL; c; c = c->next)
        n += is(c, "si");
    out->v = arena_alloc(a, (n ? n : 1) * sizeof *out->v);
    out->n = 0;
    for (xmlNode *c = root ? root->children : NULL; out->v && c; c = c->next) {
        if (!is(c, "si"))
            continue;
        char *buf = NULL;
        size_t len = 0, cap = 0;
        collect_t(c, &buf, &len, &cap);
        out->v[out->n++] = arena_strndup(a, buf ? buf : "", len);
        free(buf);
    }
    xmlFreeDoc(doc);
    return out->v != NULL;
}

/* "BC12" → column 54 (0-based), row 12. */
static void cell_ref(const char *r, size_t *col, size_t *row)
{
    size_t c = 0, n = 0;
    for (; r && *r >= 'A' && *r <= 'Z'; r++)
        c = c * 26 + (size_t)(*r - 'A' + 1);
    for (; r && *r >= '0' && *r <= '9'; r++)
        n = n * 10 + (size_t)(*r - '0');
    *col = c ? c - 1 : 0;
    *row = n;
}

static bool read_cell(grid_builder *g, const xmlNode *c, size_t col, const shared_strings *ss)
{
    xmlChar *type = xmlGetProp(c, (const xmlChar *)"t");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    const char *text = "";
    xmlChar *v = NULL;
    for (const xmlNode *k = c->children; k; k = k->next) {
        if (is(k, "v"))
            v = xmlNodeGetContent(k);
        else if (is(k, "is"))
            collect_t(k, &buf, &len, &cap);
    }
    if (type && !strcmp((const char *)type, "s")) {
        long i = v ? strtol((const char *)v, NULL, 10) : -1;
        text = i >= 0 && (size_t)i < ss->n ? ss->v[i] : "";
    } else if (type && !strcmp((const char *)type, "inlineStr")) {
        text = buf ? buf : "";
    } else if (v) {
        text = (const char *)v;
    }
    bool ok = add_cell(g, col, text, strlen(text));
    xmlFree(type);
    xmlFree(v);
    free(buf);
    return ok;
}

static bool read_rows(grid_builder *g, const xmlNode *sheet_data, const shared_strings *ss)
{
    size_t next_row = 1;
    for (const xmlNode *r = sheet_data->children; r; r = r->next) {
        if (!is(r, "row"))
            continue;
        xmlChar *rn = xmlGetProp(r, (const xmlChar *)"r");
        size_t number = rn ? (size_t)strtoul((const char *)rn, NULL, 10) : next_row;
        xmlFree(rn);
        size_t next_col = 0;
        for (const xmlNode *c = r->children; c; c = c->next) {
            if (!is(c, "c"))
                continue;
            xmlChar *ref = xmlGetProp(c, (const xmlChar *)"r");
            size_t col = next_col, row;
            if (ref)
                cell_ref((const char *)ref, &col, &row);
            xmlFree(ref);
            if (!read_cell(g, c, col, ss))
                return false;
            next_col = col + 1;
        }
        if (!end_row(g, number))
            return false;
        next_row = number + 1;
    }
    return true;
}

/* The path of the first worksheet: workbook.xml's first <sheet>, through
 * the relationships; "xl/worksheets/sheet1.xml" when they say nothing. */
static void first_sheet(zip_t *za, char *out, size_t size)
{
    snprintf(out, size, "xl/worksheets/sheet1.xml");
    size_t n;
    bool failed;
    char *wb = zip_member(za, "xl/workbook.xml", &n, "", NULL, &failed);
    char *rels = zip_member(za, "xl/_rels/workbook.xml.rels", &n, "", NULL, &failed);
    xmlDocPtr d1 = wb ? parse_xml(wb, strlen(wb)) : NULL;
    xmlDocPtr d2 = rels ? parse_xml(rels, strlen(rels)) : NULL;
    xmlChar *rid = NULL;
    for (xmlNode *c = d1 ? xmlDocGetRootElement(d1)->children : NULL; c && !rid; c = c->next)
        for (xmlNode *s = is(c, "sheets") ? c->children : NULL; s && !rid; s = s->next)
            if (is(s, "sheet"))
                for (xmlAttr *at = s->properties; at; at = at->next)
                    if (!strcmp((const char *)at->name, "id"))
                        rid = xmlNodeGetContent((xmlNode *)at);
    for (xmlNode *c = d2 && rid ? xmlDocGetRootElement(d2)->children : NULL; c; c = c->next) {
        xmlChar *id = is(c, "Relationship") ? xmlGetProp(c, (const xmlChar *)"Id") : NULL;
        xmlChar *target = id && !strcmp((const char *)id, (const char *)rid)
                              ? xmlGetProp(c, (const xmlChar *)"Target")
                              : NULL;
        if (target) {
            const char *t = (const char *)target;
            if (*t == '/')
                snprintf(out, size, "%s", t + 1);
            else
                snprintf(out, size, "xl/%s", t);
        }
        xmlFree(id);
        xmlFree(target);
    }
    xmlFree(rid);
    xmlFreeDoc(d1);
    xmlFreeDoc(d2);
    free(wb);
    free(rels);
}

static xxgk_status read_xlsx(arena *a, const char *path, const char *data, size_t size, sheet *s,
                             xxgk_error *err)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, size, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    zip_error_fini(&ze);
    if (!za) {
        if (src)
            zip_source_free(src);
        return error_set(err, XXGK_E_TRUNCATED, "%s：压缩包损坏，无法作为 XLSX 读取", path);
    }
    char sheet_path[256];
    first_sheet(za, sheet_path, sizeof sheet_path);
    size_t n = 0, ns = 0;
    bool failed = false;
    xxgk_status st = XXGK_OK;
    shared_strings ss = {NULL, 0};
    char *shared = zip_member(za, "xl/sharedStrings.xml", &ns, path, err, &failed);
    if (failed)
        st = err->status;
    else if (shared && !read_shared(a, shared, ns, &ss))
        st = error_set(err, XXGK_E_TRUNCATED, "%s：XLSX 文件的共享字符串无法读取", path);
    char *xml = st == XXGK_OK ? zip_member(za, sheet_path, &n, path, err, &failed) : NULL;
    if (st == XXGK_OK && failed)
        st = err->status;
    else if (st == XXGK_OK && !xml)
        st = error_set(err, XXGK_E_UNSUPPORTED, "%s：不是 XLSX 工作簿（没有工作表 %s）", path,
                       sheet_path);
    xmlDocPtr doc = st == XXGK_OK ? parse_xml(xml, n) : NULL;
    if (st == XXGK_OK && !doc)
        st = error_set(err, XXGK_E_TRUNCATED, "%s：工作表 XML 格式错误", path);
    grid_builder g = {a, s, 0, NULL, 0, 0};
    for (xmlNode *c = doc ? xmlDocGetRootElement(doc)->children : NULL; st == XXGK_OK && c;
         c = c->next)
        if (is(c, "sheetData") && !read_rows(&g, c, &ss))
            st = error_set(err, XXGK_E_NOMEM, "内存不足");
    s->xlsx = true;
    free(g.cells);
    xmlFreeDoc(doc);
    free(xml);
    free(shared);
    zip_discard(za);
    return st;
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

xxgk_status ledger_sheet_read(arena *a, const char *path, sheet *out, xxgk_error *err)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    if (!f)
        return error_set(err, XXGK_E_IO, "%s：无法打开文件", path);
    char *data = NULL;
    size_t size = 0, cap = 0;
    for (;;) {
        if (size == cap) {
            cap = cap ? cap * 2 : 65536;
            if (cap > XXGK_MAX_INPUT + 1) {
                free(data);
                fclose(f);
                return error_set(err, XXGK_E_TOO_LARGE, "%s：文件过大（上限 %zu 字节）", path,
                                 (size_t)XXGK_MAX_INPUT);
            }
            char *nd = realloc(data, cap);
            if (!nd) {
                free(data);
                fclose(f);
                return error_set(err, XXGK_E_NOMEM, "内存不足");
            }
            data = nd;
        }
        size_t got = fread(data + size, 1, cap - size, f);
        size += got;
        if (got == 0)
            break;
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        free(data);
        return error_set(err, XXGK_E_IO, "%s：读取失败", path);
    }
    xxgk_status st;
    if (input_detect(data, size) == INPUT_ZIP) {
        xmlGenericErrorFunc saved = xmlGenericError;
        void *saved_ctx = xmlGenericErrorContext;
        xmlSetGenericErrorFunc(NULL, silent);
        st = read_xlsx(a, path, data, size, out, err);
        xmlSetGenericErrorFunc(saved_ctx, saved);
    } else {
        st = read_csv(a, path, data, size, out, err);
    }
    free(data);
    return st;
}
