/*
 * page_desk.c — the supervising office's desk: the status of every
 * rostered body of the supervisor's region for a year (未报送, 已报送,
 * 有错误, 已改正, 逾期), the first error, the copied-text shares; the
 * summary sheet to download (XLSX, DOCX, HTML), the rollup of the year's
 * counted reports, and the charts (SVG) — all from the library's desk
 * (xxgk_store_desk, xxgk_desk_write_file, xxgk_store_rollup,
 * xxgk_stats_write_svg).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server.h"

static int desk_year(const req *r)
{
    int y = today_year(r);
    int year = arg_int(r, "year", y - 1);
    return year >= 2019 && year <= 2999 ? year : y - 1;
}

static void share(req *r, double v)
{
    if (v < 0)
        hb_raw(&r->out, "<td>—</td>");
    else
        hb_fmt(&r->out, "<td>%d%%</td>", (int)(v * 100 + 0.5));
}

static void status_table(req *r, const xxgk_desk *d)
{
    hb_raw(&r->out, "<table class=\"desk\"><thead><tr><th scope=\"col\">机关</th>"
                    "<th scope=\"col\">状态</th><th scope=\"col\">成文日期</th>"
                    "<th scope=\"col\">错误 / 警告</th><th scope=\"col\">第一个错误</th>"
                    "<th scope=\"col\">新收申请</th><th scope=\"col\">与上年相同</th>"
                    "<th scope=\"col\">与其他机关相同</th><th scope=\"col\">登记簿</th>"
                    "</tr></thead><tbody>\n");
    for (size_t i = 0; i < d->nrows; i++) {
        const xxgk_desk_row *row = &d->rows[i];
        if (!xxgk_user_covers_body(r->h->store, r->user, row->body))
            continue;
        hb_fmt(&r->out, "<tr class=\"%s\"><th scope=\"row\">%s</th><td>%s%s</td><td>%s</td>",
               xxgk_desk_state_name(row->state), row->body, xxgk_desk_state_text(row->state),
               row->late ? "（逾期）" : "", row->date ? row->date : "—");
        if (row->report_id)
            hb_fmt(&r->out, "<td>%d / %d</td>", row->errors, row->warnings);
        else
            hb_raw(&r->out, "<td>—</td>");
        hb_fmt(&r->out, "<td>%s</td>", row->first_error ? row->first_error : "");
        if (row->applications >= 0)
            hb_fmt(&r->out, "<td>%D</td>", row->applications);
        else
            hb_raw(&r->out, "<td>—</td>");
        share(r, row->copied_previous);
        share(r, row->copied_others);
        hb_fmt(&r->out, "<td><a href=\"/cases?body=%U\">查看</a></td></tr>\n", row->body);
    }
    hb_raw(&r->out, "</tbody></table>\n");
}

static void rollup(req *r, int year)
{
    xxgk_store_filter f = {.year = year};
    xxgk_report *sum = NULL;
    size_t n = 0, dup = 0;
    xxgk_error err = {0};
    if (xxgk_store_rollup(r->h->store, &f, r->user->region, &sum, &n, &dup, &err) != XXGK_OK) {
        hb_fmt(&r->out, "<p>无法汇总：%s</p>", err.message);
        return;
    }
    hb_fmt(&r->out, "<h2>汇总表（%d 份报告相加）</h2>\n", (int)n);
    if (n) {
        cell_notes cn;
        cell_notes_build(&cn, sum);
        for (int s = 2; s <= 4; s++)
            draw_table(r, sum, s, TABLE_VIEW, &cn, NULL);
        cell_notes_free(&cn);
        if (xxgk_report_finding_count(sum))
            draw_findings(r, sum);
    }
    xxgk_report_free(sum);
}

void page_desk(req *r)
{
    if (!need(r, XXGK_PERM_DESK_READ))
        return;
    int year = desk_year(r);
    xxgk_desk *d = NULL;
    xxgk_error err = {0};
    if (xxgk_store_desk(r->h->store, year, &d, &err) != XXGK_OK) {
        respond_error(r, 500, err.message);
        return;
    }
    char title[128];
    snprintf(title, sizeof title, "审核台：%d 年度报告", year);
    page_begin(r, title, false);
    hb_fmt(&r->out, "<form method=\"get\" action=\"/desk\" class=\"inline\"><label for=\"year\">年度"
                    "</label><input id=\"year\" name=\"year\" value=\"%d\" size=\"5\">"
                    "<button type=\"submit\">查看</button></form>\n",
           year);
    hb_fmt(&r->out, "<p>地区：%s。名册中 %d 个机关：未报送 %d，已报送 %d，有错误 %d，已改正 %d，逾期 %d。"
                    "</p>\n",
           r->user->region, (int)d->nrows, (int)d->missing, (int)d->submitted, (int)d->with_errors,
           (int)d->corrected, (int)d->late);
    if (!d->roster)
        page_notice(r, "error", "还没有机关名册：请管理员导入名册，才能看出哪些机关未报送");
    hb_fmt(&r->out, "<p>审核情况表下载：<a href=\"/desk/summary.xlsx?year=%d\" download>Excel</a>，"
                    "<a href=\"/desk/summary.docx?year=%d\" download>Word</a>，"
                    "<a href=\"/desk/summary.html?year=%d\" download>网页</a></p>\n",
           year, year, year);
    status_table(r, d);
    xxgk_desk_free(d);
    /* the charts' own titles are in the SVG; these are their text
     * alternatives, in XXGK_CHART_* order */
    static const char *const alts[XXGK_CHART_COUNT] = {
        "图表：每年收到的政府信息公开申请", "图表：申请的办理结果", "图表：检查发现的问题（按规则）",
        "图表：申请最多的机关"};
    hb_raw(&r->out, "<h2>图表</h2>\n<div class=\"charts\">");
    for (int c = 0; c < XXGK_CHART_COUNT; c++)
        hb_fmt(&r->out, "<figure><img src=\"/desk/chart-%s.svg?year=%d\" alt=\"%s\"></figure>",
               xxgk_chart_name((xxgk_chart)c), year, alts[c]);
    hb_raw(&r->out, "</div>\n");
    rollup(r, year);
    page_end(r);
}

/* Reads a file the library wrote into the server's private directory,
 * and removes it. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    *len = 0;
    if (f) {
        FILE *o = open_memstream(&data, len);
        char buf[65536];
        size_t n;
        while (o && (n = fread(buf, 1, sizeof buf, f)) > 0)
            fwrite(buf, 1, n, o);
        if (o)
            fclose(o);
        fclose(f);
    }
    unlink(path);
    return data;
}

static void summary(req *r, int year, xxgk_render_format f, const char *type)
{
    xxgk_desk *d = NULL;
    xxgk_error err = {0};
    if (xxgk_store_desk(r->h->store, year, &d, &err) != XXGK_OK) {
        respond_error(r, 500, err.message);
        return;
    }
    char path[512];
    static unsigned counter;
    snprintf(path, sizeof path, "%s/summary-%u.%s", r->server->tmpdir,
             __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED), xxgk_render_format_extension(f));
    xxgk_status st = xxgk_desk_write_file(d, f, path, true, &err);
    xxgk_desk_free(d);
    size_t len = 0;
    char *data = st == XXGK_OK ? slurp(path, &len) : NULL;
    if (!data) {
        unlink(path);
        respond_error(r, 500, err.message[0] ? err.message : "无法生成审核情况表");
        return;
    }
    char name[128];
    snprintf(name, sizeof name, "%d年度报告审核情况.%s", year, xxgk_render_format_extension(f));
    respond_bytes(r, type, data, len, name);
}

static void chart(req *r, int year, const char *name)
{
    int which = -1;
    for (int c = 0; c < XXGK_CHART_COUNT; c++)
        if (!strcmp(name, xxgk_chart_name((xxgk_chart)c)))
            which = c;
    if (which < 0) {
        respond_error(r, 404, "没有这张图");
        return;
    }
    xxgk_store_filter f = {.year = which == XXGK_CHART_YEARS ? 0 : year};
    xxgk_stats *st = NULL;
    xxgk_error err = {0};
    if (xxgk_store_stats(r->h->store, &f, &st, &err) != XXGK_OK) {
        respond_error(r, 500, err.message);
        return;
    }
    char *data = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&data, &len);
    if (o) {
        xxgk_stats_write_svg(st, (xxgk_chart)which, o);
        fclose(o);
    }
    xxgk_stats_free(st);
    respond_bytes(r, "image/svg+xml", data, len, NULL);
}

void page_desk_file(req *r, const char *what)
{
    if (!need(r, XXGK_PERM_DESK_READ))
        return;
    int year = desk_year(r);
    if (!strcmp(what, "summary.xlsx"))
        summary(r, year, XXGK_RENDER_XLSX,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    else if (!strcmp(what, "summary.docx"))
        summary(r, year, XXGK_RENDER_DOCX,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    else if (!strcmp(what, "summary.html"))
        summary(r, year, XXGK_RENDER_HTML, "text/html; charset=utf-8");
    else if (!strncmp(what, "chart-", 6) && strlen(what) > 10 &&
             !strcmp(what + strlen(what) - 4, ".svg")) {
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(strlen(what) - 10), what + 6);
        chart(r, year, name);
    } else
        respond_error(r, 404, "没有这个文件");
}
