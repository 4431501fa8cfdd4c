/*
 * build.c — reports made in code rather than parsed: a new report, the
 * setters of its meta data, cells and section texts, the skeleton that
 * `xxgk new` prints, and the model text of a section (without the title
 * and signature a parsed report's text also holds).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "render.h"
#include "report.h"
#include "utf8.h"

xxgk_status report_new_named(int year, xxgk_format format, const char *body, const char *name,
                             xxgk_report **out, xxgk_error *err)
{
    *out = NULL;
    xxgk_format required = xxgk_format_for_year(year);
    if (!required || year > 2999)
        return error_set(err, XXGK_E_USAGE, "年度 %d 无效：%d年起的报告才使用国家统一格式", year,
                         tpl_format_at(0)->from_year);
    if (format == XXGK_FORMAT_UNKNOWN)
        format = required;
    if (!tpl_get(format))
        return error_set(err, XXGK_E_USAGE, "没有 %d 年版的格式", (int)format);
    if (format != required)
        return error_set(err, XXGK_E_USAGE, "%d年度的报告应使用%s年版格式，不能使用%s年版格式",
                         year, xxgk_format_name(required), xxgk_format_name(format));
    xxgk_report *r = report_new_empty(name, 32768);
    if (!r)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    r->meta.year = year;
    r->meta.format = format;
    if (body && xxgk_report_set_body(r, body) != XXGK_OK) {
        xxgk_report_free(r);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    *out = r;
    return XXGK_OK;
}

xxgk_status xxgk_report_new(int year, xxgk_format format, const char *body, xxgk_report **out,
                            xxgk_error *err)
{
    return report_new_named(year, format, body, "-", out, err);
}

/* ---- setters ------------------------------------------------------------ */

static xxgk_status set_string(xxgk_report *r, const char **field, const char *value)
{
    if (!value) {
        *field = NULL;
        return XXGK_OK;
    }
    char *copy = arena_strndup(&r->a, value, strlen(value));
    if (!copy)
        return XXGK_E_NOMEM;
    *field = copy;
    return XXGK_OK;
}

xxgk_status xxgk_report_set_title(xxgk_report *r, const char *title)
{
    r->meta.title_line = 0;
    return set_string(r, &r->meta.title, title);
}

xxgk_status xxgk_report_set_body(xxgk_report *r, const char *body)
{
    r->meta.body_line = 0;
    return set_string(r, &r->meta.body, body);
}

/* Whether s is a real calendar date YYYY-MM-DD. */
static bool valid_date(const char *s)
{
    int y, m, d;
    char tail;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
        sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

xxgk_status xxgk_report_set_date(xxgk_report *r, const char *date)
{
    if (date && !valid_date(date))
        return XXGK_E_USAGE;
    r->meta.date_line = 0;
    return set_string(r, &r->meta.date, date);
}

xxgk_status xxgk_report_set_period(xxgk_report *r, const char *from, const char *to)
{
    if ((from || to) && (!valid_date(from) || !valid_date(to) || strcmp(from, to) > 0))
        return XXGK_E_USAGE;
    r->meta.period_line = 0;
    xxgk_status st = set_string(r, &r->meta.period_from, from);
    return st != XXGK_OK ? st : set_string(r, &r->meta.period_to, to);
}

static xxgk_status set_cell(xxgk_report *r, size_t id, xxgk_value_kind kind, xxgk_decimal v)
{
    if (id >= r->ncells)
        return XXGK_E_USAGE;
    xxgk_cell *c = &r->cells[id];
    memset(c, 0, sizeof *c);
    c->raw = "";
    c->kind = kind;
    if (kind == XXGK_VALUE_NUMBER)
        c->value = decimal_normalise(v);
    return XXGK_OK;
}

xxgk_status xxgk_report_set_number(xxgk_report *r, size_t id, xxgk_decimal value)
{
    if (value.scale > 18)
        return XXGK_E_USAGE;
    return set_cell(r, id, XXGK_VALUE_NUMBER, value);
}

xxgk_status xxgk_report_set_blank(xxgk_report *r, size_t id)
{
    return set_cell(r, id, XXGK_VALUE_BLANK, (xxgk_decimal){0, 0});
}

xxgk_status xxgk_report_set_absent(xxgk_report *r, size_t id)
{
    return set_cell(r, id, XXGK_VALUE_ABSENT, (xxgk_decimal){0, 0});
}

xxgk_status xxgk_report_set_section_text(xxgk_report *r, int n, const char *text)
{
    if (n < 0 || n > 6)
        return XXGK_E_USAGE;
    if (!text || text_is_blank(text, strlen(text))) {
        r->section_text[n] = NULL;
        return XXGK_OK;
    }
    char *copy = arena_strndup(&r->a, text, strlen(text));
    if (!copy)
        return XXGK_E_NOMEM;
    r->section_text[n] = copy;
    return XXGK_OK;
}

/* ---- the model text of a section ----------------------------------------- */

static bool line_is_title_part(const char *s, size_t n, const char *title)
{
    char buf[256];
    size_t len = text_compact_buf(s, n, buf, sizeof buf);
    return len > 0 && len < sizeof buf - 8 && strstr(title, buf) != NULL;
}

/* A line holding only the signing date (2021年1月28日, （二〇二一年…）). */
static bool line_is_date(const char *s, size_t n, const char *iso)
{
    char buf[96], got[11];
    if (n > 80)
        return false;
    size_t len = text_compact_buf(s, n, buf, sizeof buf), i = 0;
    if (i < len && buf[i] == '(')
        i++;
    if (!parse_cn_date(buf, len, &i, 0, got))
        return false;
    if (i < len && buf[i] == ')')
        i++;
    return i == len && strcmp(got, iso) == 0;
}

static bool line_is_text(const char *s, size_t n, const char *body)
{
    char a[256], b[256];
    size_t la = text_compact_buf(s, n, a, sizeof a);
    size_t lb = text_compact_buf(body, strlen(body), b, sizeof b);
    return la && la == lb && memcmp(a, b, la) == 0;
}

/* The last section that has text: where a parsed report's signature is. */
static int last_section(const xxgk_report *r)
{
    for (int n = 6; n >= 0; n--)
        if (r->section_text[n])
            return n;
    return -1;
}

const char *xxgk_report_model_section(const xxgk_report *r, int n, size_t *len)
{
    *len = 0;
    if (n < 0 || n > 6 || !r->section_text[n])
        return NULL;
    const char *s = r->section_text[n];
    const char *end = s + strlen(s);
    const xxgk_meta *m = &r->meta;
    /* Only text the reader took the meta data from is dropped: a report
     * built in code says each thing once already. */
    if (n == 0 && m->title && m->title_line) {
        while (s < end) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            const char *stop = nl ? nl : end;
            if (!line_is_title_part(s, (size_t)(stop - s), m->title))
                break;
            s = nl ? nl + 1 : end;
        }
    }
    if (n == last_section(r) && (m->date_line || m->body_line)) {
        while (end > s) {
            const char *start = end;
            while (start > s && start[-1] != '\n')
                start--;
            size_t ln = (size_t)(end - start);
            bool drop = text_is_blank(start, ln) ||
                        (m->date && m->date_line && line_is_date(start, ln, m->date)) ||
                        (m->body && m->body_line && line_is_text(start, ln, m->body));
            if (!drop)
                break;
            end = start > s ? start - 1 : s;
        }
    }
    /* The caption an HTML table carries, which an HTML reader gives as
     * the paragraph before the table. */
    if (n >= 2 && n <= 4) {
        char caption[256];
        render_caption(render_format_of(r), n, caption, sizeof caption);
        const char *start = end;
        while (start > s && start[-1] != '\n')
            start--;
        if (line_is_text(start, (size_t)(end - start), caption))
            end = start > s ? start - 1 : s;
    }
    if (end <= s || text_is_blank(s, (size_t)(end - s)))
        return NULL;
    *len = (size_t)(end - s);
    return s;
}

/* ---- the skeleton ------------------------------------------------------- */

/* Writes `text` with every "{年}" replaced by the year into buf. */
static void with_year(const char *text, int year, char *buf, size_t size)
{
    size_t o = 0;
    for (const char *p = text; *p && o + 1 < size;) {
        if (!strncmp(p, "{年}", strlen("{年}"))) {
            o += (size_t)snprintf(buf + o, size - o, "%d", year);
            p += strlen("{年}");
        } else {
            buf[o++] = *p++;
        }
    }
    buf[o < size ? o : size - 1] = '\0';
}

/* The format's guidance for each section (template_data.c), with the
 * year. */
static int skeleton_text(xxgk_report *r)
{
    const tpl_format *f = tpl_get(r->meta.format);
    char buf[4096];
    for (int n = 0; n <= 6; n++) {
        with_year(f->skeleton[n], r->meta.year, buf, sizeof buf);
        if (xxgk_report_set_section_text(r, n, buf) != XXGK_OK)
            return -1;
    }
    return 0;
}

xxgk_status xxgk_report_fill_skeleton(xxgk_report *r, bool blank)
{
    xxgk_format f = r->meta.format;
    if (!tpl_get(f))
        return XXGK_E_USAGE;
    for (size_t id = 0; id < r->ncells; id++) {
        if (!xxgk_format_has_cell(f, id))
            continue;
        if (blank)
            xxgk_report_set_blank(r, id);
        else
            xxgk_report_set_number(r, id, (xxgk_decimal){0, 0});
    }
    char title[512], from[11], to[11];
    snprintf(title, sizeof title, "%s%d年政府信息公开工作年度报告",
             r->meta.body ? r->meta.body : "", r->meta.year);
    snprintf(from, sizeof from, "%04d-01-01", r->meta.year);
    snprintf(to, sizeof to, "%04d-12-31", r->meta.year);
    if (xxgk_report_set_title(r, title) != XXGK_OK ||
        xxgk_report_set_period(r, from, to) != XXGK_OK || skeleton_text(r) < 0)
        return XXGK_E_NOMEM;
    return XXGK_OK;
}

int xxgk_report_has_placeholder(const xxgk_report *r)
{
    for (int n = 0; n <= 6; n++)
        if (r->section_text[n] && strstr(r->section_text[n], XXGK_PLACEHOLDER))
            return n;
    return -1;
}
