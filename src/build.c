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
    if (year < 2019 || year > 2999)
        return error_set(err, XXGK_E_USAGE,
                         "年度 %d 无效：2019年起的报告才使用国家统一格式（2019年版、2021年版）",
                         year);
    xxgk_format required = xxgk_format_for_year(year);
    if (format == XXGK_FORMAT_UNKNOWN)
        format = required;
    if (format != XXGK_FORMAT_2019 && format != XXGK_FORMAT_2021)
        return error_set(err, XXGK_E_USAGE, "格式应为 2019 或 2021");
    if (format != required)
        return error_set(err, XXGK_E_USAGE, "%d年度的报告应使用%d年版格式，不能使用%d年版格式",
                         year, (int)required, (int)format);
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

/* What each narrative section must cover (format-2019.md and
 * format-2021.md §4, paraphrased). %d is the report year. */
static const char *const overall_items[] = {
    "（一）主动公开。" XXGK_PLACEHOLDER
    "说明本机关主动公开政府信息的情况：公开的主要内容、数量和渠道，重点领域信息公开情况。",
    "（二）依申请公开。" XXGK_PLACEHOLDER
    "说明收到和办理政府信息公开申请的情况：申请数量、办理结果、答复是否及时规范。",
    "（三）政府信息管理。" XXGK_PLACEHOLDER
    "说明政府信息公开审查、发布、更新和政策解读等管理制度的执行情况。",
    NULL, /* 平台建设: wording differs by format, below */
    "（五）监督保障。" XXGK_PLACEHOLDER "说明工作机构、人员、考核和培训等保障情况；各级人民政府还应"
    "报告工作考核、社会评议和责任追究结果情况。",
};

static const char *platform_item(xxgk_format f)
{
    return f == XXGK_FORMAT_2021
               ? "（四）政府信息公开平台建设。" XXGK_PLACEHOLDER
                 "说明政府网站政府信息公开专栏、政务新媒体等平台的建设和维护情况。"
               : "（四）平台建设。" XXGK_PLACEHOLDER
                 "说明政府网站政府信息公开专栏、政务新媒体等平台的建设和维护情况。";
}

/* How to fill in each table (the format text on sections 二–四), to be
 * deleted before the report is rendered. */
static const char *table_note(xxgk_format f, int n)
{
    switch (n) {
    case 2:
        return f == XXGK_FORMAT_2021 ? XXGK_PLACEHOLDER
                   "填表说明（生成前删除本段）：本表统计《条例》第二十条第（一）（五）"
                   "（六）（八）项；行政许可、行政处罚、行政强制的处理决定数量包括依法公开"
                   "和依法不公开的全部决定；各项数据统计截至本年12月31日。"
                                     : XXGK_PLACEHOLDER
                   "填表说明（生成前删除本段）：本表统计《条例》第二十条第（一）（五）"
                   "（六）（八）（九）项中适合以数据体现的内容，其他主动公开情况在"
                   "“总体情况”中说明。";
    case 3:
        return f == XXGK_FORMAT_2021 ? XXGK_PLACEHOLDER
                   "填表说明（生成前删除本段）：按申请人类别和每件申请的最终办理结果"
                   "统计，做到准确、完整；第一项加第二项之和等于第三项加第四项之和。"
                                     : XXGK_PLACEHOLDER
                   "填表说明（生成前删除本段）：按申请人类别和每件申请的最终办理结果"
                   "统计；“其他处理”仅用于新旧条例过渡和极少数特殊情况，原则上每件申请"
                   "都应按法定方式处理。";
    default:
        return XXGK_PLACEHOLDER
            "填表说明（生成前删除本段）：复议机关作为共同被告的行政诉讼案件，只计"
            "原行政行为机关，不计复议机关。";
    }
}

static int skeleton_text(xxgk_report *r)
{
    xxgk_format f = r->meta.format;
    int y = r->meta.year;
    char buf[2048];
    size_t o = 0;
    for (int i = 0; i < 5; i++) {
        const char *item = i == 3 ? platform_item(f) : overall_items[i];
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", o ? "\n" : "", item);
    }
    if (f == XXGK_FORMAT_2021)
        snprintf(buf + o, sizeof buf - o,
                 "\n" XXGK_PLACEHOLDER "总体情况重点突出、简洁明了，篇幅原则上不超过一千字"
                 "（生成前删除本段）。");
    if (xxgk_report_set_section_text(r, 1, buf) != XXGK_OK)
        return -1;
    for (int n = 2; n <= 4; n++)
        if (xxgk_report_set_section_text(r, n, table_note(f, n)) != XXGK_OK)
            return -1;

    snprintf(buf, sizeof buf,
             "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和"
             "《中华人民共和国政府信息公开工作年度报告格式》要求编制。"
             "本报告中所列数据的统计期限为%d年1月1日至%d年12月31日。",
             y, y);
    if (xxgk_report_set_section_text(r, 0, buf) != XXGK_OK)
        return -1;

    snprintf(buf, sizeof buf,
             XXGK_PLACEHOLDER
             "如实、具体地说明本机关%d年政府信息公开工作存在的主要问题，"
             "以及有针对性的改进情况和下一步措施；避免笼统表述，不与往年内容雷同。",
             y);
    if (xxgk_report_set_section_text(r, 5, buf) != XXGK_OK)
        return -1;

    if (f == XXGK_FORMAT_2021)
        snprintf(buf, sizeof buf,
                 XXGK_PLACEHOLDER "依据《政府信息公开信息处理费管理办法》收取信息处理费的情况"
                                  "须在此专门报告（例如：“%d年，本机关未收取信息处理费。”）；"
                                  "并报告其他需要报告的事项。",
                 y);
    else
        snprintf(buf, sizeof buf,
                 XXGK_PLACEHOLDER "报告本机关认为需要报告的其他事项，以及其他文件要求在年度报告中"
                                  "报告的事项；没有的，写“无”。");
    return xxgk_report_set_section_text(r, 6, buf) == XXGK_OK ? 0 : -1;
}

xxgk_status xxgk_report_fill_skeleton(xxgk_report *r, bool blank)
{
    xxgk_format f = r->meta.format;
    if (f != XXGK_FORMAT_2019 && f != XXGK_FORMAT_2021)
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
