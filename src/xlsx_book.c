/*
 * xlsx_book.c — every sheet of an XLSX workbook with what its cells
 * show, for the report reader (read_xlsx.c).
 *
 * xl/workbook.xml lists the sheets (name, hidden or not, the part each
 * is in through xl/_rels/workbook.xml.rels) and the defined names, of
 * which the print areas (_xlnm.Print_Area) matter here. xl/styles.xml
 * says which cell styles show a number as a date. Each sheet's part
 * gives its cells, merged ranges and links to other sheets. A cell's
 * text is what a person sees: a string, a formula's cached result, a
 * number as written (rounded to 15 significant digits when it carries
 * binary noise), a date as 2025年1月20日. A formula saved without its
 * result (some generators do) is an empty cell, counted.
 *
 * Bounds: the parts through xlsx_read_part (zip bombs, sizes), at most
 * XLSX_MAX_SHEETS sheets, XLSX_MAX_ROWS rows a sheet, XLSX_MAX_COLS
 * columns, XLSX_MAX_CELLS cells in all.
 */
#include "xlsx_book.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "lazy.h"
#include "xlsx_sheet.h"
#include "zip_buffer.h"

static const char REL_NS[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
static const char REL_NS_STRICT[] = "http://purl.oclc.org/ooxml/officeDocument/relationships";

bool xlsx_detect(const char *data, size_t size)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, size, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    bool found = false;
    if (za) {
        found = zip_name_locate(za, "xl/workbook.xml", ZIP_FL_NOCASE) >= 0;
        zip_discard(za);
    } else if (src) {
        zip_source_free(src);
    }
    zip_error_fini(&ze);
    return found;
}

static char *attr(xmlTextReaderPtr r, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
    char *s = v ? strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

/* "C7" → row 6, column 2; false when it is not a reference. */
static bool parse_ref(const char *ref, uint32_t *row, uint32_t *col)
{
    if (!ref)
        return false;
    while (*ref == '$')
        ref++;
    int c = xlsx_column_of(ref);
    while ((*ref >= 'A' && *ref <= 'Z') || *ref == '$')
        ref++;
    char *end;
    unsigned long r = strtoul(ref, &end, 10);
    if (c < 0 || r < 1 || r > 1048576 || end == ref)
        return false;
    *row = (uint32_t)(r - 1);
    *col = (uint32_t)c;
    return true;
}

/* "A1:C3" (or "A1") into a range. */
static bool parse_range(const char *s, xlsx_range *out)
{
    char first[32];
    const char *colon = strchr(s, ':');
    size_t n = colon ? (size_t)(colon - s) : strlen(s);
    if (n >= sizeof first)
        return false;
    memcpy(first, s, n);
    first[n] = '\0';
    if (!parse_ref(first, &out->r0, &out->c0))
        return false;
    if (!colon) {
        out->r1 = out->r0;
        out->c1 = out->c0;
        return true;
    }
    return parse_ref(colon + 1, &out->r1, &out->c1) && out->r1 >= out->r0 && out->c1 >= out->c0;
}

/* The sheet name of "'表三'!A1" or "表三!$A$1:$I$40" into buf; returns
 * what follows the '!'. */
static const char *split_sheet_ref(const char *s, char *buf, size_t size)
{
    size_t k = 0;
    if (*s == '\'') {
        for (s++; *s && k + 1 < size; s++) {
            if (*s == '\'' && s[1] == '\'') {
                buf[k++] = '\'';
                s++;
            } else if (*s == '\'') {
                s++;
                break;
            } else {
                buf[k++] = *s;
            }
        }
    } else {
        while (*s && *s != '!' && k + 1 < size)
            buf[k++] = *s++;
    }
    buf[k] = '\0';
    return *s == '!' ? s + 1 : NULL;
}

/* ---- styles: which show a date ----------------------------------------- */

enum { MAX_XF = 4096, MAX_FMT = 512 };

typedef struct styles {
    bool date[MAX_XF];
    size_t n;
} styles;

static bool builtin_date(int id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

/* A format code shows a date when it has y, m or d outside quotes and
 * brackets ("yyyy\"年\"m\"月\"d\"日\"", "yyyy-mm-dd"). */
static bool code_is_date(const char *code)
{
    bool quoted = false;
    int bracket = 0;
    for (const char *p = code; p && *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && *p == '[')
            bracket++;
        else if (!quoted && *p == ']' && bracket)
            bracket--;
        else if (!quoted && !bracket && *p == '\\' && p[1])
            p++;
        else if (!quoted && !bracket && strchr("yYdD", *p))
            return true;
    }
    return false;
}

static void load_styles(zip_t *za, styles *st)
{
    char *xml;
    size_t size;
    bool missing;
    memset(st, 0, sizeof *st);
    if (xlsx_read_part(za, "xl/styles.xml", &xml, &size, &missing, NULL) != XXGK_OK)
        return;
    int fmt_id[MAX_FMT];
    bool fmt_date[MAX_FMT];
    size_t nfmt = 0;
    bool in_xfs = false;
    xmlTextReaderPtr r = xlsx_xml_reader(xml, size, "xl/styles.xml");
    while (r && xmlTextReaderRead(r) == 1) {
        if (xlsx_is_element(r, "numFmt") && nfmt < MAX_FMT) {
            char *id = attr(r, "numFmtId"), *code = attr(r, "formatCode");
            fmt_id[nfmt] = id ? atoi(id) : -1;
            fmt_date[nfmt++] = code_is_date(code);
            free(id);
            free(code);
        } else if (xlsx_is_element(r, "cellXfs")) {
            in_xfs = !xmlTextReaderIsEmptyElement(r);
        } else if (xlsx_is_end(r, "cellXfs")) {
            in_xfs = false;
        } else if (in_xfs && xlsx_is_element(r, "xf") && st->n < MAX_XF) {
            char *id = attr(r, "numFmtId");
            int k = id ? atoi(id) : 0;
            bool date = builtin_date(k);
            for (size_t i = 0; i < nfmt; i++)
                if (fmt_id[i] == k)
                    date = fmt_date[i];
            st->date[st->n++] = date;
            free(id);
        }
    }
    xmlFreeTextReader(r);
    free(xml);
}

/* ---- the workbook part: sheets and print areas ------------------------- */

typedef struct sheet_ref {
    char *rid;
} sheet_ref;

static xxgk_status read_workbook(zip_t *za, xlsx_book *b, char **parts, xxgk_error *err)
{
    char *xml = NULL, *rels = NULL;
    size_t n = 0, m = 0;
    bool missing;
    xxgk_status st = xlsx_read_part(za, "xl/workbook.xml", &xml, &n, &missing, err);
    if (st != XXGK_OK)
        return st;
    if (xlsx_read_part(za, "xl/_rels/workbook.xml.rels", &rels, &m, &missing, err) != XXGK_OK) {
        free(xml);
        return error_set(err, XXGK_E_UNSUPPORTED, "XLSX 文件缺少 xl/_rels/workbook.xml.rels");
    }
    xmlTextReaderPtr r = xlsx_xml_reader(xml, n, "xl/workbook.xml");
    while (r && xmlTextReaderRead(r) == 1) {
        if (xlsx_is_element(r, "sheet") && b->n < XLSX_MAX_SHEETS) {
            xmlChar *rid = xmlTextReaderGetAttributeNs(r, (const xmlChar *)"id",
                                                       (const xmlChar *)REL_NS);
            if (!rid)
                rid = xmlTextReaderGetAttributeNs(r, (const xmlChar *)"id",
                                                  (const xmlChar *)REL_NS_STRICT);
            char *state = attr(r, "state");
            xlsx_sheet *s = &b->sheets[b->n];
            s->name = attr(r, "name");
            s->hidden = state && strcmp(state, "visible") != 0;
            parts[b->n] = rid ? xlsx_rel_target(rels, m, (const char *)rid) : NULL;
            if (!s->name)
                s->name = strdup("");
            b->n++;
            free(state);
            xmlFree(rid);
        } else if (xlsx_is_element(r, "definedName")) {
            char *name = attr(r, "name"), *local = attr(r, "localSheetId");
            xmlChar *value = xmlTextReaderReadString(r);
            if (name && local && value && !strcmp(name, "_xlnm.Print_Area")) {
                unsigned long i = strtoul(local, NULL, 10);
                char sheet[128];
                const char *rest = split_sheet_ref((const char *)value, sheet, sizeof sheet);
                char range[64];
                size_t k = 0;
                for (; rest && rest[k] && rest[k] != ',' && k + 1 < sizeof range; k++)
                    range[k] = rest[k];
                range[k] = '\0';
                if (i < XLSX_MAX_SHEETS && rest && parse_range(range, &b->sheets[i].area))
                    b->sheets[i].has_area = true;
            }
            free(name);
            free(local);
            xmlFree(value);
        }
    }
    xmlFreeTextReader(r);
    free(xml);
    free(rels);
    return b->n ? XXGK_OK : error_set(err, XXGK_E_UNSUPPORTED, "XLSX 文件中没有工作表");
}

/* ---- a sheet ------------------------------------------------------------ */

/* A number as a person reads it: as written, or rounded to 15 digits
 * when the binary value shows through (0.30000000000000004). */
static char *number_text(const char *v)
{
    char *end;
    double d = strtod(v, &end);
    if (end == v || *end)
        return strdup(v);
    size_t digits = 0;
    for (const char *p = v; *p && *p != 'E' && *p != 'e'; p++)
        digits += *p >= '0' && *p <= '9';
    if (digits <= 15 && !strchr(v, 'E') && !strchr(v, 'e'))
        return strdup(v);
    char buf[64];
    snprintf(buf, sizeof buf, "%.15g", d);
    return strdup(buf);
}

/* A date serial (days since 1899-12-30) as 2025年1月20日. */
static char *date_text(const char *v)
{
    char *end;
    double d = strtod(v, &end);
    if (end == v || d < 1 || d > 2958465)
        return strdup(v);
    long days = (long)floor(d) - 25569; /* to 1970-01-01 */
    /* civil from days (Howard Hinnant's algorithm) */
    long z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153, day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    y += month <= 2;
    char buf[96];
    snprintf(buf, sizeof buf, "%ld年%ld月%ld日", y, month, day);
    return strdup(buf);
}

typedef struct cell_read {
    char *type, *style;
    char *value;           /* <v> */
    char *inline_text;     /* <is> */
    bool formula;
} cell_read;

static void read_cell_body(xmlTextReaderPtr r, cell_read *c)
{
    if (xmlTextReaderIsEmptyElement(r))
        return;
    int ret;
    while ((ret = xmlTextReaderRead(r)) == 1 && !xlsx_is_end(r, "c")) {
        if (xlsx_is_element(r, "f")) {
            c->formula = true;
        } else if (xlsx_is_element(r, "v")) {
            xmlChar *v = xmlTextReaderReadString(r);
            free(c->value);
            c->value = v ? strdup((const char *)v) : NULL;
            xmlFree(v);
        } else if (xlsx_is_element(r, "is")) {
            size_t len = 0;
            char *t = calloc(1, 1);
            if (t && xlsx_collect_text(r, "is", &t, &len)) {
                free(c->inline_text);
                c->inline_text = t;
            } else {
                free(t);
            }
        }
    }
}

static char *cell_show(const cell_read *c, const xlsx_shared *ss, const styles *st, bool *no_value)
{
    const char *t = c->type ? c->type : "n";
    *no_value = false;
    if (!strcmp(t, "inlineStr"))
        return strdup(c->inline_text ? c->inline_text : "");
    if (!c->value || !*c->value) {
        *no_value = c->formula;
        return strdup("");
    }
    if (!strcmp(t, "s")) {
        char *end;
        unsigned long k = strtoul(c->value, &end, 10);
        return strdup(!*end && k < ss->n ? ss->v[k] : "");
    }
    if (!strcmp(t, "e"))
        return strdup("");
    if (!strcmp(t, "str") || !strcmp(t, "b") || !strcmp(t, "d"))
        return strdup(c->value);
    unsigned long xf = c->style ? strtoul(c->style, NULL, 10) : 0;
    if (xf < st->n && st->date[xf])
        return date_text(c->value);
    return number_text(c->value);
}

static bool push_cell(xlsx_book *b, xlsx_sheet *s, uint32_t row, uint32_t col, char *text,
                      bool no_value)
{
    if (s->ncells == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        xlsx_cell *v = realloc(s->cells, cap * sizeof *v);
        if (!v)
            return false;
        s->cells = v;
        s->cap = cap;
    }
    s->cells[s->ncells++] = (xlsx_cell){row, col, text, no_value};
    b->cells++;
    b->missing_values += no_value;
    return true;
}

static bool push_merge(xlsx_sheet *s, const char *ref)
{
    xlsx_range m;
    if (!ref || !parse_range(ref, &m))
        return true;
    if (s->nmerges == s->mcap) {
        size_t cap = s->mcap ? s->mcap * 2 : 32;
        xlsx_range *v = realloc(s->merges, cap * sizeof *v);
        if (!v)
            return false;
        s->merges = v;
        s->mcap = cap;
    }
    s->merges[s->nmerges++] = m;
    return true;
}

static bool push_link(xlsx_sheet *s, const char *ref, const char *location)
{
    uint32_t row, col;
    char sheet[128];
    if (!ref || !location || !parse_ref(ref, &row, &col) ||
        !split_sheet_ref(location, sheet, sizeof sheet) || !*sheet)
        return true;
    if (s->nlinks == s->lcap) {
        size_t cap = s->lcap ? s->lcap * 2 : 8;
        xlsx_link *v = realloc(s->links, cap * sizeof *v);
        if (!v)
            return false;
        s->links = v;
        s->lcap = cap;
    }
    s->links[s->nlinks].row = row;
    s->links[s->nlinks].col = col;
    s->links[s->nlinks].sheet = strdup(sheet);
    return s->links[s->nlinks++].sheet != NULL;
}

static xxgk_status read_sheet(xlsx_book *b, xlsx_sheet *s, const char *xml, size_t size,
                              const char *part, const xlsx_shared *ss, const styles *st,
                              xxgk_error *err)
{
    xmlTextReaderPtr r = xlsx_xml_reader(xml, size, part);
    if (!r)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    xxgk_status status = XXGK_OK;
    uint32_t row = 0, next_col = 0, rows = 0;
    int ret;
    while (status == XXGK_OK && (ret = xmlTextReaderRead(r)) == 1) {
        if (xlsx_is_element(r, "row")) {
            char *num = attr(r, "r");
            row = num ? (uint32_t)strtoul(num, NULL, 10) - 1 : row + 1;
            next_col = 0;
            free(num);
            if (++rows > XLSX_MAX_ROWS || row >= 1048576)
                status = error_set(err, XXGK_E_TOO_LARGE, "XLSX 工作表“%s”超过 %d 行", s->name,
                                   XLSX_MAX_ROWS);
        } else if (xlsx_is_element(r, "c")) {
            cell_read c = {attr(r, "t"), attr(r, "s"), NULL, NULL, false};
            char *ref = attr(r, "r");
            uint32_t rr = row, cc = next_col;
            if (ref && !parse_ref(ref, &rr, &cc))
                cc = next_col;
            free(ref);
            read_cell_body(r, &c);
            next_col = cc + 1;
            bool no_value;
            char *text = cell_show(&c, ss, st, &no_value);
            free(c.type), free(c.style), free(c.value), free(c.inline_text);
            if (!text) {
                status = error_set(err, XXGK_E_NOMEM, "内存不足");
            } else if (cc >= XLSX_MAX_COLS) {
                free(text);
            } else if (b->cells >= XLSX_MAX_CELLS) {
                free(text);
                status = error_set(err, XXGK_E_TOO_LARGE, "XLSX 文件的单元格超过 %d 个",
                                   XLSX_MAX_CELLS);
            } else if (!push_cell(b, s, rr, cc, text, no_value)) {
                free(text);
                status = error_set(err, XXGK_E_NOMEM, "内存不足");
            }
        } else if (xlsx_is_element(r, "mergeCell")) {
            char *ref = attr(r, "ref");
            if (!push_merge(s, ref))
                status = error_set(err, XXGK_E_NOMEM, "内存不足");
            free(ref);
        } else if (xlsx_is_element(r, "hyperlink")) {
            char *ref = attr(r, "ref"), *loc = attr(r, "location");
            if (!push_link(s, ref, loc))
                status = error_set(err, XXGK_E_NOMEM, "内存不足");
            free(ref);
            free(loc);
        }
    }
    if (status == XXGK_OK && ret < 0)
        status = error_set(err, XXGK_E_TRUNCATED, "XLSX 文件损坏：%s 的 XML 有误", part);
    xmlFreeTextReader(r);
    return status;
}

static int cell_order(const void *a, const void *b)
{
    const xlsx_cell *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->col < y->col ? -1 : x->col > y->col;
}

static xxgk_status read_sheets(zip_t *za, xlsx_book *b, char **parts, xxgk_error *err)
{
    xlsx_shared ss = {0};
    styles *st = malloc(sizeof *st);
    if (!st)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    xxgk_status status = xlsx_load_shared(za, &ss, err);
    if (status == XXGK_OK)
        load_styles(za, st);
    for (size_t i = 0; i < b->n && status == XXGK_OK; i++) {
        char *xml = NULL;
        size_t n = 0;
        bool missing;
        if (!parts[i])
            continue;
        status = xlsx_read_part(za, parts[i], &xml, &n, &missing, err);
        if (missing) {
            status = XXGK_OK; /* a chart sheet or a dangling entry */
            continue;
        }
        if (status == XXGK_OK)
            status = read_sheet(b, &b->sheets[i], xml, n, parts[i], &ss, st, err);
        free(xml);
        if (b->sheets[i].ncells > 1)
            qsort(b->sheets[i].cells, b->sheets[i].ncells, sizeof(xlsx_cell), cell_order);
    }
    xlsx_shared_free(&ss);
    free(st);
    return status;
}

xxgk_status xlsx_book_read(const char *data, size_t size, xlsx_book *b, xxgk_error *err)
{
    memset(b, 0, sizeof *b);
    if (!lazy_load(&lazy_zip_lib, err) || !lazy_load(&lazy_xml2_lib, err))
        return err->status;
    zip_t *za = zip_buffer_open(data, size, "XLSX", XLSX_MAX_ENTRIES, err);
    if (!za)
        return err->status;
    char *parts[XLSX_MAX_SHEETS] = {0};
    xxgk_status st = read_workbook(za, b, parts, err);
    if (st == XXGK_OK)
        st = read_sheets(za, b, parts, err);
    for (size_t i = 0; i < XLSX_MAX_SHEETS; i++)
        free(parts[i]);
    zip_discard(za);
    if (st != XXGK_OK)
        xlsx_book_free(b);
    return st;
}

void xlsx_book_free(xlsx_book *b)
{
    for (size_t i = 0; i < b->n; i++) {
        xlsx_sheet *s = &b->sheets[i];
        for (size_t k = 0; k < s->ncells; k++)
            free(s->cells[k].text);
        for (size_t k = 0; k < s->nlinks; k++)
            free(s->links[k].sheet);
        free(s->cells);
        free(s->merges);
        free(s->links);
        free(s->name);
    }
    memset(b, 0, sizeof *b);
}
