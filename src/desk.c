/*
 * desk.c — the status sheet's columns and texts, shared by its writers
 * (desk_html.c, desk_docx.c, desk_xlsx.c), and writing it to a file
 * atomically (xxgk_desk_write_file).
 */
#include "desk.h"

#include <stdio.h>
#include <string.h>

#include "input.h"
#include "render.h"
#include "utf8.h"

static const struct {
    const char *header;
    int width; /* characters, for a landscape A4 page of 9-point type */
    bool numeric;
} columns[DESK_NCOLS] = {
    {"序号", 3, true},      {"机关", 16, false},     {"类别", 7, false},
    {"状态", 8, false},     {"成文日期", 8, false},  {"错误", 3, true},
    {"警告", 3, true},      {"首个错误", 36, false}, {"本年新收申请", 6, true},
    {"与上年相同", 5, true}, {"与他人相同", 5, true},
};

const char *desk_header(int c)
{
    return c >= 0 && c < DESK_NCOLS ? columns[c].header : "";
}

int desk_width(int c)
{
    return c >= 0 && c < DESK_NCOLS ? columns[c].width : 0;
}

bool desk_numeric(int c)
{
    return c >= 0 && c < DESK_NCOLS && columns[c].numeric;
}

const char *desk_state_text(const xxgk_desk_row *row, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s", xxgk_desk_state_text(row->state), row->late ? "、逾期" : "");
    return buf;
}

/* The first `chars` characters of s, with "…" when cut. */
static void cut(const char *s, size_t chars, char *buf, size_t size)
{
    size_t len = strlen(s), i = 0, n = 0;
    while (i < len && n < chars) {
        utf8_next(s, len, &i);
        n++;
    }
    if (i >= len)
        snprintf(buf, size, "%s", s);
    else
        snprintf(buf, size, "%.*s…", (int)i, s);
}

static const char *percent(double v, char *buf, size_t size)
{
    if (v < 0)
        snprintf(buf, size, "—");
    else
        snprintf(buf, size, "%d%%", (int)(v * 100 + 0.5));
    return buf;
}

const char *desk_cell(const xxgk_desk_row *row, int c, size_t seq, char *buf, size_t size)
{
    buf[0] = '\0';
    bool reported = row->state != XXGK_DESK_MISSING;
    switch (c) {
    case DESK_COL_SEQ: snprintf(buf, size, "%zu", seq); break;
    case DESK_COL_BODY: snprintf(buf, size, "%s", row->body); break;
    case DESK_COL_KIND: snprintf(buf, size, "%s", row->kind ? row->kind : ""); break;
    case DESK_COL_STATE: desk_state_text(row, buf, size); break;
    case DESK_COL_DATE: snprintf(buf, size, "%s", reported && row->date ? row->date : ""); break;
    case DESK_COL_ERRORS:
        if (reported && row->errors >= 0)
            snprintf(buf, size, "%d", row->errors);
        break;
    case DESK_COL_WARNINGS:
        if (reported && row->warnings >= 0)
            snprintf(buf, size, "%d", row->warnings);
        break;
    case DESK_COL_FIRST:
        if (row->first_error)
            cut(row->first_error, 32, buf, size);
        else if (!reported)
            snprintf(buf, size, "未报送年度报告（应于%s前报送）", row->deadline);
        break;
    case DESK_COL_APPS:
        if (reported && row->applications >= 0)
            snprintf(buf, size, "%lld", (long long)row->applications);
        break;
    case DESK_COL_PREV:
        if (reported)
            percent(row->copied_previous, buf, size);
        break;
    case DESK_COL_OTHERS:
        if (reported)
            percent(row->copied_others, buf, size);
        break;
    default: break;
    }
    return buf;
}

const char *desk_title(const xxgk_desk *d, char *buf, size_t size)
{
    snprintf(buf, size, "%s%d年度政府信息公开工作年度报告审核情况", d->region ? d->region : "",
             d->year);
    return buf;
}

const char *desk_summary_line(const xxgk_desk *d, char *buf, size_t size)
{
    if (!d->roster) {
        snprintf(buf, size,
                 "报告 %zu 份：有错误 %zu，已改正 %zu，逾期 %zu（未导入名册，无法判断未报送的机关）",
                 d->nrows, d->with_errors, d->corrected, d->late);
        return buf;
    }
    snprintf(buf, size,
             "名册 %zu 个机关：已报送 %zu（其中有错误 %zu，已改正 %zu），未报送 %zu，逾期 %zu%s",
             d->nrows, d->submitted, d->with_errors, d->corrected, d->missing, d->late,
             d->strays ? "；另有报告不能对应名册中的机关" : "");
    return buf;
}

xxgk_status xxgk_desk_write_file(const xxgk_desk *d, xxgk_render_format format, const char *path,
                                 bool overwrite, xxgk_error *err)
{
    if (!d || !path)
        return error_set(err, XXGK_E_USAGE, "参数错误");
    if (format != XXGK_RENDER_XLSX && format != XXGK_RENDER_DOCX && format != XXGK_RENDER_HTML)
        return error_set(err, XXGK_E_USAGE, "%s：审核情况表只能写成 XLSX、DOCX 或 HTML", path);
    atomic_file af;
    xxgk_status st = atomic_open(&af, path, overwrite, err);
    if (st != XXGK_OK)
        return st;
    if (format == XXGK_RENDER_XLSX) {
        /* libxlsxwriter writes a file by name */
        const char *by_name;
        st = atomic_by_name(&af, &by_name, err);
        if (st == XXGK_OK)
            st = desk_write_xlsx(d, by_name, path, err);
    } else if (format == XXGK_RENDER_DOCX) {
        st = desk_write_docx(d, af.f, err);
    } else {
        st = desk_write_html(d, af.f, err);
    }
    if (st != XXGK_OK) {
        atomic_abort(&af);
        return st;
    }
    return atomic_commit(&af, overwrite, err);
}
