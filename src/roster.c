/*
 * roster.c — a roster file into rows of 名称, 上级, 类别, 别名.
 *
 * CSV goes through the input boundary (input_normalise: GB18030 or UTF-8,
 * BOM and CR removed) and is split by RFC 4180 (quoted fields may hold
 * commas, quotes and line ends); XLSX is read from its first sheet
 * (xlsx_sheet.c). Either way the first non-empty row is the header and
 * the columns are found by their names, in any order.
 */
#include "roster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "body_name.h"
#include "input.h"
#include "report.h"
#include "utf8.h"
#include "xlsx_sheet.h"

enum { COL_NAME, COL_PARENT, COL_KIND, COL_ALIASES, NCOLS };

/* Header names of each column (the English ones for scripts). */
static const char *const headers[NCOLS][5] = {
    {"名称", "机关名称", "单位名称", "name", NULL},
    {"上级", "上级机关", "parent", NULL, NULL},
    {"类别", "类型", "kind", NULL, NULL},
    {"别名", "aliases", "alias", NULL, NULL},
};

/* What the rows go through: the header first, then the bodies. */
typedef struct builder {
    roster *out;
    int col[NCOLS];  /* column of each field, -1 when absent */
    bool header_seen;
    xxgk_status status;
    xxgk_error *err;
} builder;

/* A copy of s without white space of any width at either end. */
static char *trimmed(const char *s)
{
    size_t len = strlen(s), a = 0, b = len;
    while (a < b) {
        size_t i = a;
        int32_t cp = utf8_next(s, len, &i);
        if (!cp_is_space(cp))
            break;
        a = i;
    }
    while (b > a) {
        size_t k = b - 1;
        while (k > a && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        size_t i = k;
        if (!cp_is_space(utf8_next(s, len, &i)))
            break;
        b = k;
    }
    return strndup(s + a, b - a);
}

static bool header_is(const char *cell, int field)
{
    char *t = trimmed(cell);
    bool yes = false;
    for (int k = 0; t && headers[field][k]; k++)
        yes |= strcasecmp(t, headers[field][k]) == 0;
    free(t);
    return yes;
}

static int take_header(builder *b, size_t line, const char *const *cells, size_t n)
{
    for (int f = 0; f < NCOLS; f++) {
        b->col[f] = -1;
        for (size_t i = 0; i < n && b->col[f] < 0; i++)
            if (header_is(cells[i], f))
                b->col[f] = (int)i;
    }
    b->header_seen = true;
    if (b->col[COL_NAME] < 0) {
        b->status = error_set(b->err, XXGK_E_USAGE,
                              "第 %zu 行（表头）没有“名称”列；名册的列应为 名称,上级,类别,别名", line);
        return 1;
    }
    return 0;
}

static const char *field(const builder *b, int f, const char *const *cells, size_t n)
{
    return b->col[f] >= 0 && (size_t)b->col[f] < n ? cells[b->col[f]] : "";
}

/* Whether the body is already in the roster (by its normal form). */
static const roster_row *earlier(const roster *r, const char *name)
{
    char a[BODY_NAME_MAX], b[BODY_NAME_MAX];
    body_norm(name, a);
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->v[i].name, name) || (body_norm(r->v[i].name, b) && !strcmp(a, b)))
            return &r->v[i];
    return NULL;
}

static int take_body(builder *b, size_t line, const char *const *cells, size_t n)
{
    roster *r = b->out;
    if (r->n >= ROSTER_MAX_ROWS) {
        b->status = error_set(b->err, XXGK_E_TOO_LARGE, "名册超过 %d 行", ROSTER_MAX_ROWS);
        return 1;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        roster_row *v = realloc(r->v, cap * sizeof *v);
        if (!v) {
            b->status = error_set(b->err, XXGK_E_NOMEM, "内存不足");
            return 1;
        }
        r->v = v;
        r->cap = cap;
    }
    roster_row row = {trimmed(field(b, COL_NAME, cells, n)), trimmed(field(b, COL_PARENT, cells, n)),
                      trimmed(field(b, COL_KIND, cells, n)), trimmed(field(b, COL_ALIASES, cells, n)),
                      line};
    if (!row.name || !row.parent || !row.kind || !row.aliases) {
        b->status = error_set(b->err, XXGK_E_NOMEM, "内存不足");
    } else if (!*row.name) {
        b->status = error_set(b->err, XXGK_E_USAGE, "第 %zu 行：名称为空", line);
    } else {
        const roster_row *e = earlier(r, row.name);
        if (e && !strcmp(e->name, row.name))
            b->status = error_set(b->err, XXGK_E_USAGE, "第 %zu 行：“%s”与第 %zu 行重复", line,
                                  row.name, e->line);
        else if (e)
            b->status = error_set(b->err, XXGK_E_USAGE,
                                  "第 %zu 行：“%s”与第 %zu 行的“%s”是同一机关的不同写法", line,
                                  row.name, e->line, e->name);
    }
    if (b->status != XXGK_OK) {
        free(row.name);
        free(row.parent);
        free(row.kind);
        free(row.aliases);
        return 1;
    }
    r->v[r->n++] = row;
    return 0;
}

/* A row of the file: the header, a body, or nothing (all cells empty). */
static int take_row(void *ctx, size_t line, const char *const *cells, size_t n)
{
    builder *b = ctx;
    bool empty = true;
    for (size_t i = 0; i < n && empty; i++) {
        char *t = trimmed(cells[i]);
        empty = t && !*t;
        free(t);
    }
    if (empty)
        return 0;
    return b->header_seen ? take_body(b, line, cells, n) : take_header(b, line, cells, n);
}

/* ---- CSV -------------------------------------------------------------- */

#define CSV_MAX_FIELDS 64

/* Splits RFC 4180 text into rows, calling take_row for each with the
 * line it starts on. */
static void read_csv(const char *text, size_t size, builder *b)
{
    char *buf = malloc(size + 1);
    if (!buf) {
        b->status = error_set(b->err, XXGK_E_NOMEM, "内存不足");
        return;
    }
    const char *cells[CSV_MAX_FIELDS];
    size_t n = 0, w = 0, line = 1, row_line = 1, i = 0;
    size_t start = 0;
    bool quoted = false, any = false;
    while (b->status == XXGK_OK) {
        bool end = i >= size;
        char c = end ? '\n' : text[i];
        if (quoted && !end) {
            if (c == '"' && i + 1 < size && text[i + 1] == '"') {
                buf[w++] = '"';
                i += 2;
            } else if (c == '"') {
                quoted = false;
                i++;
            } else {
                line += c == '\n';
                buf[w++] = c;
                i++;
            }
            continue;
        }
        if (c == '"' && w == start) {
            quoted = true;
            any = true;
            i++;
            continue;
        }
        if (c == ',' || c == '\n') {
            buf[w++] = '\0';
            if (n < CSV_MAX_FIELDS)
                cells[n++] = buf + start;
            start = w;
            if (c == '\n') {
                if ((n > 1 || any || buf[0]) && take_row(b, row_line, cells, n))
                    break;
                n = 0;
                w = start = 0;
                any = false;
                row_line = ++line;
            }
            i++;
            if (end)
                break;
            continue;
        }
        buf[w++] = c;
        any = true;
        i++;
    }
    if (b->status == XXGK_OK && quoted)
        b->status = error_set(b->err, XXGK_E_USAGE, "第 %zu 行起的引号没有配对", row_line);
    free(buf);
}

/* ---- the file ------------------------------------------------------------ */

/* The whole file, read as every input is (report_read_path: FIFOs,
 * devices and the input limit handled there), within the roster's own
 * smaller limit. */
static char *read_file(const char *path, size_t *size, xxgk_error *err)
{
    char *data = NULL;
    if (report_read_path(path, &data, size, err) != XXGK_OK)
        return NULL;
    if (*size > ROSTER_MAX_BYTES) {
        free(data);
        error_set(err, XXGK_E_TOO_LARGE, "名册文件过大（%zu 字节，上限 %zu 字节）", *size,
                  (size_t)ROSTER_MAX_BYTES);
        return NULL;
    }
    return data;
}

xxgk_status roster_read(const char *path, roster *out, xxgk_error *err)
{
    memset(out, 0, sizeof *out);
    size_t size = 0;
    char *data = read_file(path, &size, err);
    if (!data)
        return err ? err->status : XXGK_E_IO;
    builder b = {out, {-1, -1, -1, -1}, false, XXGK_OK, err};
    input_kind kind = input_detect(data, size);
    if (kind == INPUT_ZIP) {
        xxgk_status st = xlsx_read_sheet(data, size, take_row, &b, err);
        if (b.status == XXGK_OK)
            b.status = st;
    } else if (kind == INPUT_TEXT || kind == INPUT_CRAWL) {
        arena a;
        arena_init(&a, size * 2 + 4096);
        input_text text;
        b.status = input_normalise(&a, data, size, &text, err);
        if (b.status == XXGK_OK)
            read_csv(text.text, text.size, &b);
        arena_release(&a);
    } else {
        b.status = error_set(err, XXGK_E_UNSUPPORTED, "名册应为 CSV 或 XLSX 文件，这是 %s 文件",
                             input_kind_name(kind));
    }
    free(data);
    if (b.status == XXGK_OK && !b.header_seen)
        b.status = error_set(err, XXGK_E_EMPTY, "名册为空");
    if (b.status == XXGK_OK && !out->n)
        b.status = error_set(err, XXGK_E_EMPTY, "名册只有表头，没有机关");
    if (b.status != XXGK_OK)
        roster_free(out);
    return b.status;
}

void roster_free(roster *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].name);
        free(r->v[i].parent);
        free(r->v[i].kind);
        free(r->v[i].aliases);
    }
    free(r->v);
    memset(r, 0, sizeof *r);
}
