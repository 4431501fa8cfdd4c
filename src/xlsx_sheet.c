/*
 * xlsx_sheet.c — the first worksheet of an XLSX workbook as rows of text.
 *
 * A workbook is a zip of XML parts: xl/workbook.xml lists the sheets,
 * xl/_rels/workbook.xml.rels says which part each one is, and cell text
 * is mostly kept once in xl/sharedStrings.xml and referred to by number.
 * Each part read is bounded before and while it is inflated (the limits
 * of xlsx_sheet.h: entry count, inflated size and ratio against zip
 * bombs) and parsed with libxml2's pull reader without network access or
 * entity expansion.
 */
#include "xlsx_sheet.h"

#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "input.h"
#include "lazy.h"
#include "zip_buffer.h"

static const char REL_NS[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
static const char REL_NS_STRICT[] = "http://purl.oclc.org/ooxml/officeDocument/relationships";

/* ---- parts of the zip ---------------------------------------------------- */

/* Inflates the part `name` into a malloc'd buffer (NUL-terminated). A
 * missing part gives XXGK_E_UNSUPPORTED with *missing set. */
xxgk_status xlsx_read_part(zip_t *za, const char *name, char **out, size_t *size,
                             bool *missing, xxgk_error *err)
{
    *out = NULL;
    *missing = false;
    zip_int64_t idx = zip_name_locate(za, name, ZIP_FL_NOCASE);
    if (idx < 0) {
        *missing = true;
        return error_set(err, XXGK_E_UNSUPPORTED, "不是 XLSX 文件：压缩包中没有 %s", name);
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, (zip_uint64_t)idx, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
        !(st.valid & ZIP_STAT_COMP_SIZE))
        return error_set(err, XXGK_E_TRUNCATED, "XLSX 文件损坏：无法读取 %s 的信息", name);
    if (st.size > XLSX_MAX_PART ||
        (st.size > XLSX_RATIO_FROM && st.size / (st.comp_size ? st.comp_size : 1) > XLSX_MAX_RATIO))
        return error_set(err, XXGK_E_TOO_LARGE,
                         "XLSX 文件中的 %s 解压后过大（%llu 字节，压缩后 %llu 字节），疑似压缩炸弹",
                         name, (unsigned long long)st.size, (unsigned long long)st.comp_size);
    zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)idx, 0);
    if (!zf)
        return error_set(err, XXGK_E_UNSUPPORTED, "XLSX 文件已加密或损坏，无法解压 %s", name);
    /* The declared size is not trusted: reading stops at the limit. */
    size_t cap = (size_t)st.size + 1, n = 0;
    char *buf = malloc(cap + 1);
    xxgk_status status = buf ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
    while (status == XXGK_OK) {
        if (n == cap) {
            status = error_set(err, XXGK_E_TOO_LARGE, "XLSX 文件中的 %s 解压后大于声明的大小",
                               name);
            break;
        }
        zip_int64_t got = zip_fread(zf, buf + n, cap - n);
        if (got < 0)
            status = error_set(err, XXGK_E_TRUNCATED, "XLSX 文件损坏：无法解压 %s", name);
        else if (got == 0)
            break;
        else
            n += (size_t)got;
    }
    zip_fclose(zf);
    if (status != XXGK_OK) {
        free(buf);
        return status;
    }
    buf[n] = '\0';
    *out = buf;
    *size = n;
    return XXGK_OK;
}

xmlTextReaderPtr xlsx_xml_reader(const char *data, size_t size, const char *name)
{
    return xmlReaderForMemory(data, (int)size, name, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

bool xlsx_is_element(xmlTextReaderPtr r, const char *local)
{
    return xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT &&
           !strcmp((const char *)xmlTextReaderConstLocalName(r), local);
}

bool xlsx_is_end(xmlTextReaderPtr r, const char *local)
{
    return xmlTextReaderNodeType(r) == XML_READER_TYPE_END_ELEMENT &&
           !strcmp((const char *)xmlTextReaderConstLocalName(r), local);
}

/* ---- which part is the first sheet ------------------------------------- */

/* The relationship id of the first <sheet> of xl/workbook.xml. */
static char *first_sheet_rid(const char *xml, size_t size)
{
    xmlTextReaderPtr r = xlsx_xml_reader(xml, size, "xl/workbook.xml");
    char *rid = NULL;
    while (r && !rid && xmlTextReaderRead(r) == 1) {
        if (!xlsx_is_element(r, "sheet"))
            continue;
        xmlChar *v = xmlTextReaderGetAttributeNs(r, (const xmlChar *)"id", (const xmlChar *)REL_NS);
        if (!v)
            v = xmlTextReaderGetAttributeNs(r, (const xmlChar *)"id",
                                            (const xmlChar *)REL_NS_STRICT);
        rid = v ? strdup((const char *)v) : strdup("");
        xmlFree(v);
    }
    xmlFreeTextReader(r);
    return rid;
}

/* The part a relationship id points at, as a zip entry name. */
char *xlsx_rel_target(const char *rels, size_t size, const char *rid)
{
    xmlTextReaderPtr r = xlsx_xml_reader(rels, size, "xl/_rels/workbook.xml.rels");
    char *path = NULL;
    while (r && !path && xmlTextReaderRead(r) == 1) {
        if (!xlsx_is_element(r, "Relationship"))
            continue;
        xmlChar *id = xmlTextReaderGetAttribute(r, (const xmlChar *)"Id");
        xmlChar *target = xmlTextReaderGetAttribute(r, (const xmlChar *)"Target");
        if (id && target && !strcmp((const char *)id, rid)) {
            const char *t = (const char *)target;
            size_t len = strlen(t) + 8;
            path = malloc(len);
            if (path && t[0] == '/')
                snprintf(path, len, "%s", t + 1);
            else if (path)
                snprintf(path, len, "xl/%s", t);
        }
        xmlFree(id);
        xmlFree(target);
    }
    xmlFreeTextReader(r);
    return path;
}

static char *sheet_part(zip_t *za, xxgk_error *err, xxgk_status *status)
{
    char *xml = NULL, *rels = NULL;
    size_t n = 0, m = 0;
    bool missing;
    *status = xlsx_read_part(za, "xl/workbook.xml", &xml, &n, &missing, err);
    if (*status != XXGK_OK)
        return NULL;
    char *rid = first_sheet_rid(xml, n), *path = NULL;
    free(xml);
    if (rid && *rid && xlsx_read_part(za, "xl/_rels/workbook.xml.rels", &rels, &m, &missing, err) ==
                           XXGK_OK)
        path = xlsx_rel_target(rels, m, rid);
    free(rels);
    free(rid);
    *status = XXGK_OK;
    return path ? path : strdup("xl/worksheets/sheet1.xml");
}

/* ---- shared strings --------------------------------------------------- */

void xlsx_shared_free(xlsx_shared *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
}

/* Appends the text of the <t> elements under the current element, up to
 * its end `until`, skipping phonetic runs (<rPh>), to *text. */
bool xlsx_collect_text(xmlTextReaderPtr r, const char *until, char **text, size_t *len)
{
    int ret = xmlTextReaderRead(r);
    while (ret == 1 && !xlsx_is_end(r, until)) {
        if (xlsx_is_element(r, "rPh")) {
            ret = xmlTextReaderNext(r); /* the whole phonetic run */
            continue;
        }
        if (xlsx_is_element(r, "t")) {
            xmlChar *t = xmlTextReaderReadString(r);
            size_t k = t ? strlen((const char *)t) : 0;
            char *grown = realloc(*text, *len + k + 1);
            if (!grown) {
                xmlFree(t);
                return false;
            }
            *text = grown;
            memcpy(*text + *len, t ? (const char *)t : "", k);
            *len += k;
            (*text)[*len] = '\0';
            xmlFree(t);
        }
        ret = xmlTextReaderRead(r);
    }
    return ret == 1;
}

xxgk_status xlsx_load_shared(zip_t *za, xlsx_shared *s, xxgk_error *err)
{
    char *xml;
    size_t size;
    bool missing;
    xxgk_status st = xlsx_read_part(za, "xl/sharedStrings.xml", &xml, &size, &missing, err);
    if (missing)
        return XXGK_OK; /* a workbook of numbers, or inline strings only */
    if (st != XXGK_OK)
        return st;
    xmlTextReaderPtr r = xlsx_xml_reader(xml, size, "xl/sharedStrings.xml");
    st = r ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
    int ret = 1;
    while (st == XXGK_OK && (ret = xmlTextReaderRead(r)) == 1) {
        if (!xlsx_is_element(r, "si"))
            continue;
        char *text = calloc(1, 1);
        size_t len = 0;
        if (s->n == s->cap) {
            size_t cap = s->cap ? s->cap * 2 : 256;
            char **v = realloc(s->v, cap * sizeof *v);
            if (v) {
                s->v = v;
                s->cap = cap;
            }
        }
        if (!text || s->n == s->cap || (!xmlTextReaderIsEmptyElement(r) &&
                                         !xlsx_collect_text(r, "si", &text, &len))) {
            free(text);
            st = error_set(err, XXGK_E_TRUNCATED, "XLSX 文件损坏：xl/sharedStrings.xml 无法读取");
            break;
        }
        s->v[s->n++] = text;
    }
    if (st == XXGK_OK && ret < 0)
        st = error_set(err, XXGK_E_TRUNCATED, "XLSX 文件损坏：xl/sharedStrings.xml 的 XML 有误");
    xmlFreeTextReader(r);
    free(xml);
    return st;
}

/* ---- the sheet ---------------------------------------------------------- */

/* Column index of a cell reference ("C7" → 2), or -1. */
int xlsx_column_of(const char *ref)
{
    int col = 0, letters = 0;
    for (; ref && *ref >= 'A' && *ref <= 'Z'; ref++, letters++) {
        col = col * 26 + (*ref - 'A' + 1);
        if (col > 16384)
            return -1;
    }
    return letters ? col - 1 : -1;
}

typedef struct row_buf {
    char *cells[XLSX_MAX_COLS];
    size_t n;   /* columns up to the last filled */
    size_t number;
} row_buf;

static void row_clear(row_buf *b)
{
    for (size_t i = 0; i < XLSX_MAX_COLS; i++) {
        free(b->cells[i]);
        b->cells[i] = NULL;
    }
    b->n = 0;
}

/* The text of the cell the reader is on (<c>), by its type. */
static char *cell_text(xmlTextReaderPtr r, const xlsx_shared *s)
{
    xmlChar *type = xmlTextReaderGetAttribute(r, (const xmlChar *)"t");
    const char *t = type ? (const char *)type : "n";
    char *text = calloc(1, 1);
    size_t len = 0;
    if (text && !xmlTextReaderIsEmptyElement(r)) {
        if (!strcmp(t, "inlineStr")) {
            xlsx_collect_text(r, "c", &text, &len);
        } else {
            int ret;
            while ((ret = xmlTextReaderRead(r)) == 1 && !xlsx_is_end(r, "c")) {
                if (!xlsx_is_element(r, "v"))
                    continue;
                xmlChar *v = xmlTextReaderReadString(r);
                const char *value = v ? (const char *)v : "";
                if (!strcmp(t, "s")) {
                    char *end;
                    unsigned long k = strtoul(value, &end, 10);
                    value = *value && !*end && k < s->n ? s->v[k] : "";
                }
                free(text);
                text = strdup(value);
                xmlFree(v);
            }
        }
    }
    xmlFree(type);
    return text;
}

static xxgk_status read_rows(const char *xml, size_t size, const char *name, const xlsx_shared *s,
                             xlsx_row_fn fn, void *ctx, xxgk_error *err)
{
    xmlTextReaderPtr r = xlsx_xml_reader(xml, size, name);
    if (!r)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    row_buf row = {0};
    xxgk_status st = XXGK_OK;
    size_t rows = 0, next_col = 0;
    int ret;
    while (st == XXGK_OK && (ret = xmlTextReaderRead(r)) == 1) {
        if (xlsx_is_element(r, "row")) {
            xmlChar *num = xmlTextReaderGetAttribute(r, (const xmlChar *)"r");
            row_clear(&row);
            row.number = num ? strtoul((const char *)num, NULL, 10) : row.number + 1;
            next_col = 0;
            xmlFree(num);
            if (++rows > XLSX_MAX_ROWS)
                st = error_set(err, XXGK_E_TOO_LARGE, "XLSX 工作表超过 %d 行", XLSX_MAX_ROWS);
        } else if (xlsx_is_element(r, "c")) {
            xmlChar *ref = xmlTextReaderGetAttribute(r, (const xmlChar *)"r");
            int col = ref ? xlsx_column_of((const char *)ref) : (int)next_col;
            xmlFree(ref);
            char *text = cell_text(r, s);
            if (!text) {
                st = error_set(err, XXGK_E_NOMEM, "内存不足");
            } else if (col >= 0 && col < XLSX_MAX_COLS) {
                free(row.cells[col]);
                row.cells[col] = text;
                if ((size_t)col + 1 > row.n)
                    row.n = (size_t)col + 1;
                text = NULL;
            }
            free(text);
            next_col = col >= 0 ? (size_t)col + 1 : next_col + 1;
        } else if (xlsx_is_end(r, "row") && row.n) {
            const char *cells[XLSX_MAX_COLS];
            for (size_t i = 0; i < row.n; i++)
                cells[i] = row.cells[i] ? row.cells[i] : "";
            if (fn(ctx, row.number, cells, row.n))
                break;
        }
    }
    if (st == XXGK_OK && ret < 0)
        st = error_set(err, XXGK_E_TRUNCATED, "XLSX 文件损坏：%s 的 XML 有误", name);
    row_clear(&row);
    xmlFreeTextReader(r);
    return st;
}

xxgk_status xlsx_read_sheet(const char *data, size_t size, xlsx_row_fn fn, void *ctx,
                            xxgk_error *err)
{
    if (!lazy_load(&lazy_zip_lib, err) || !lazy_load(&lazy_xml2_lib, err))
        return err->status;
    zip_t *za = zip_buffer_open(data, size, "XLSX", XLSX_MAX_ENTRIES, err);
    if (!za)
        return err->status;
    xlsx_shared strings = {0};
    xxgk_status st = XXGK_OK;
    char *part = sheet_part(za, err, &st);
    if (st == XXGK_OK && !part)
        st = error_set(err, XXGK_E_NOMEM, "内存不足");
    if (st == XXGK_OK)
        st = xlsx_load_shared(za, &strings, err);
    char *xml = NULL;
    size_t n = 0;
    bool missing;
    if (st == XXGK_OK)
        st = xlsx_read_part(za, part, &xml, &n, &missing, err);
    if (st == XXGK_OK)
        st = read_rows(xml, n, part, &strings, fn, ctx, err);
    free(xml);
    free(part);
    xlsx_shared_free(&strings);
    zip_discard(za);
    return st;
}
