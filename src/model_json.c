/*
 * model_json.c — reading a report model from JSON (what `parse
 * --sections`, `new` and `render --to json` print, edited or written by
 * hand) into a report. Writing it is render_json.c (our own writer: jansson
 * has no exact decimals).
 *
 * Reading is strict where a mistake would change the report silently
 * (an unknown cell key, a value that is not a number, a bad date) and
 * lenient where the model carries more than a report needs (unknown
 * members elsewhere, such as "file", are ignored).
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "render.h"
#include "report.h"

/* Parses "-12.345" into an exact decimal. */
static bool parse_decimal(const char *s, xxgk_decimal *out)
{
    bool neg = *s == '-';
    if (neg)
        s++;
    int64_t units = 0;
    int scale = 0, digits = 0;
    bool point = false;
    for (; *s; s++) {
        if (*s == '.' && !point) {
            point = true;
            continue;
        }
        if (*s < '0' || *s > '9')
            return false;
        if (units > (INT64_MAX - 9) / 10)
            return false;
        units = units * 10 + (*s - '0');
        digits++;
        scale += point;
    }
    if (!digits || scale > 18)
        return false;
    out->units = neg ? -units : units;
    out->scale = (uint8_t)scale;
    *out = decimal_normalise(*out);
    return true;
}

/* A JSON number as an exact decimal. Integers are exact; a real is a
 * double in jansson, read back as its 15 significant digits, which is
 * exact for every amount a report prints (24252.311082). */
static bool number_value(const json_t *v, xxgk_decimal *out)
{
    char buf[64];
    if (json_is_integer(v)) {
        out->units = (int64_t)json_integer_value(v);
        out->scale = 0;
        return true;
    }
    double d = json_real_value(v);
    if (!isfinite(d) || fabs(d) >= 1e15)
        return false;
    snprintf(buf, sizeof buf, "%.15g", d);
    if (strchr(buf, 'e')) {
        /* Tiny values (1e-05): fixed notation, trailing zeros dropped
         * by parse_decimal's normalisation. */
        snprintf(buf, sizeof buf, "%.18f", d);
        char *dot = strchr(buf, '.');
        if (dot && strlen(dot + 1) > 18)
            dot[19] = '\0';
    }
    return parse_decimal(buf, out);
}

static const char *value_kind_text(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_STRING: return "文字";
    case JSON_OBJECT: return "对象";
    case JSON_ARRAY: return "数组";
    case JSON_TRUE:
    case JSON_FALSE: return "真假值";
    default: return "其他值";
    }
}

static xxgk_status read_cells(xxgk_report *r, const json_t *cells, xxgk_error *err)
{
    if (!cells)
        return XXGK_OK;
    if (!json_is_object(cells))
        return error_set(err, XXGK_E_USAGE, "“cells”应为对象（栏目键 → 数值）");
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)cells, key, v)
    {
        int id = xxgk_cell_find(key);
        if (id < 0)
            return error_set(err, XXGK_E_USAGE, "未知的栏目键 “%s”（见 docs/model.md）", key);
        xxgk_decimal d;
        if (json_is_null(v)) {
            xxgk_report_set_blank(r, (size_t)id);
        } else if (json_is_number(v) && number_value(v, &d)) {
            xxgk_report_set_number(r, (size_t)id, d);
        } else {
            return error_set(err, XXGK_E_USAGE, "栏目 “%s” 的值应为数字或 null（空白），实际是%s",
                             key, json_is_number(v) ? "超出范围的数字" : value_kind_text(v));
        }
    }
    return XXGK_OK;
}

static const char *string_member(const json_t *obj, const char *key, bool *bad)
{
    const json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        *bad = true;
        return NULL;
    }
    return json_string_value(v);
}

/* Year and format, which the new report needs first. */
static xxgk_status read_year_format(const json_t *meta, int *year, xxgk_format *format,
                                    xxgk_error *err)
{
    const json_t *y = json_object_get(meta, "year");
    if (!json_is_integer(y))
        return error_set(err, XXGK_E_USAGE, "缺少报告年度（meta.year，整数）");
    *year = (int)json_integer_value(y);
    const json_t *f = json_object_get(meta, "format");
    *format = XXGK_FORMAT_UNKNOWN;
    if (!f || json_is_null(f))
        return XXGK_OK;
    char name[24] = "";
    if (json_is_integer(f))
        snprintf(name, sizeof name, "%lld", (long long)json_integer_value(f));
    else if (json_is_string(f))
        snprintf(name, sizeof name, "%s", json_string_value(f));
    *format = xxgk_format_from_name(name);
    if (!*format)
        return error_set(err, XXGK_E_USAGE, "meta.format “%s”不是已知的格式（如 \"%s\"）", name,
                         xxgk_format_name(tpl_latest_format()));
    return XXGK_OK;
}

static xxgk_status read_meta(xxgk_report *r, const json_t *meta, xxgk_error *err)
{
    bool bad = false;
    const char *title = string_member(meta, "title", &bad);
    const char *date = string_member(meta, "date", &bad);
    const json_t *period = json_object_get(meta, "period");
    const char *from = NULL, *to = NULL;
    if (period && !json_is_null(period)) {
        if (!json_is_object(period))
            return error_set(err, XXGK_E_USAGE, "meta.period 应为 {\"from\": …, \"to\": …}");
        from = string_member(period, "from", &bad);
        to = string_member(period, "to", &bad);
    }
    if (bad)
        return error_set(err, XXGK_E_USAGE, "meta 中的标题、机关和日期应为文字");
    if (xxgk_report_set_title(r, title) != XXGK_OK)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    if (xxgk_report_set_date(r, date) != XXGK_OK)
        return error_set(err, XXGK_E_USAGE, "成文日期 meta.date “%s” 不是有效日期（YYYY-MM-DD）",
                         date);
    if (xxgk_report_set_period(r, from, to) != XXGK_OK)
        return error_set(err, XXGK_E_USAGE,
                         "统计期限 meta.period 应为两个有效日期（YYYY-MM-DD），且起始不晚于结束");
    return XXGK_OK;
}

static xxgk_status read_sections(xxgk_report *r, const json_t *sections, xxgk_error *err)
{
    if (!sections || json_is_null(sections))
        return XXGK_OK;
    if (!json_is_object(sections))
        return error_set(err, XXGK_E_USAGE, "“sections”应为对象（\"0\" … \"6\" → 文字）");
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)sections, key, v)
    {
        if (strlen(key) != 1 || key[0] < '0' || key[0] > '6')
            return error_set(err, XXGK_E_USAGE,
                             "sections 的键应为 \"0\"（标题后的导语）至 \"6\"，实际是 “%s”", key);
        if (!json_is_null(v) && !json_is_string(v))
            return error_set(err, XXGK_E_USAGE, "第 %s 部分的正文应为文字", key);
        if (xxgk_report_set_section_text(r, key[0] - '0', json_string_value(v)) != XXGK_OK)
            return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    return XXGK_OK;
}

static xxgk_status build_from_json(const json_t *root, const char *name, xxgk_report **out,
                                   xxgk_error *err)
{
    if (!json_is_object(root))
        return error_set(err, XXGK_E_USAGE, "报告模型应为一个 JSON 对象");
    const json_t *meta = json_object_get(root, "meta");
    if (!json_is_object(meta))
        return error_set(err, XXGK_E_USAGE, "缺少 “meta” 对象（年度、格式、标题……）");
    int year = 0;
    xxgk_format format = XXGK_FORMAT_UNKNOWN;
    xxgk_status st = read_year_format(meta, &year, &format, err);
    if (st != XXGK_OK)
        return st;
    bool bad = false;
    const char *body = string_member(meta, "body", &bad);
    if (bad)
        return error_set(err, XXGK_E_USAGE, "meta.body 应为文字");
    xxgk_report *r;
    st = report_new_named(year, format, body, name, &r, err);
    if (st != XXGK_OK)
        return st;
    if ((st = read_meta(r, meta, err)) != XXGK_OK ||
        (st = read_cells(r, json_object_get(root, "cells"), err)) != XXGK_OK ||
        (st = read_sections(r, json_object_get(root, "sections"), err)) != XXGK_OK) {
        xxgk_report_free(r);
        return st;
    }
    *out = r;
    return XXGK_OK;
}

xxgk_status xxgk_report_parse_json(const char *data, size_t size, const char *name,
                                   xxgk_report **out, xxgk_error *err)
{
    *out = NULL;
    name = name ? name : "-";
    if (size > XXGK_MAX_INPUT)
        return error_set(err, XXGK_E_TOO_LARGE, "文件过大");
    json_error_t je;
    json_t *root = json_loadb(data ? data : "", size, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return error_set(err, XXGK_E_USAGE, "第 %d 行第 %d 列：JSON 格式错误（%s）", je.line,
                         je.column, je.text);
    xxgk_status st = build_from_json(root, name, out, err);
    json_decref(root);
    if (st == XXGK_OK)
        xxgk_report_complete_totals(*out); /* a model a person wrote */
    return st;
}
