/*
 * page_write.c — writing the body's report: the three tables as a form
 * in the official layout (tables.c), the six sections' text, the title
 * and signing date; drafts kept as versions in the store
 * (xxgk_draft_save), filled from the register (xxgk_register_tables),
 * checked on every save and, through the script, as the clerk types
 * (POST /write/check answers the findings as JSON); downloads through
 * the library's renderers; submission to the supervising office.
 *
 * Totals: the script adds up the parts as they are typed; the server
 * computes every blank total again (xxgk_report_complete_totals) and the
 * check reports a total that was typed and does not add up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

static const char *const section_names[7] = {
    "开头（报告依据、统计期限）", "一、总体情况", "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况", "六、其他需要报告的事项"};

/* The year being written: ?year=, else the year before today's. */
static int write_year(const req *r)
{
    int y = today_year(r);
    int year = arg_int(r, "year", y - 1);
    return year >= 2019 && year <= 2999 ? year : y - 1;
}

/* A new report of the body for the year, as `xxgk new` makes it. */
static xxgk_report *skeleton(const char *body, int year, xxgk_error *err)
{
    xxgk_report *rep = NULL;
    if (xxgk_report_new(year, XXGK_FORMAT_UNKNOWN, body, &rep, err) != XXGK_OK)
        return NULL;
    if (xxgk_report_fill_skeleton(rep, false) != XXGK_OK) {
        xxgk_report_free(rep);
        return NULL;
    }
    return rep;
}

/* The latest draft, or a skeleton when there is none; *version 0 then. */
static xxgk_report *current_draft(req *r, int year, int version, int *got, xxgk_error *err)
{
    xxgk_report *rep = NULL;
    *got = 0;
    if (xxgk_draft_load(r->h->store, r->user->body, year, version, &rep, got, err) == XXGK_OK)
        return rep;
    if (version)
        return NULL;
    return skeleton(r->user->body, year, err);
}

static void trim(char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    memmove(s, s + i, n - i);
    s[n - i] = '\0';
}

/* The report the form describes. *bad receives the number of cells whose
 * text is not a number, kept per cell id in typed[] (malloc'd strings)
 * to show back. NULL on a bad date or out of memory (message in err). */
static xxgk_report *report_from_form(req *r, int year, char **typed, int *bad, xxgk_error *err)
{
    *bad = 0;
    xxgk_report *rep = skeleton(r->user->body, year, err);
    if (!rep)
        return NULL;
    const char *title = arg(r, "title"), *date = arg(r, "date");
    if (*title)
        xxgk_report_set_title(rep, title);
    if (*date && xxgk_report_set_date(rep, date) != XXGK_OK) {
        snprintf(err->message, sizeof err->message, "成文日期须为 YYYY-MM-DD：%s", date);
        err->status = XXGK_E_USAGE;
        xxgk_report_free(rep);
        return NULL;
    }
    for (int n = 0; n <= 6; n++) {
        char name[8];
        snprintf(name, sizeof name, "s%d", n);
        const char *text = form_get(&r->body_form, name);
        if (text)
            xxgk_report_set_section_text(rep, n, *text ? text : NULL);
    }
    xxgk_format f = xxgk_report_meta(rep)->format;
    for (size_t id = 0; id < xxgk_cell_count(); id++) {
        if (!xxgk_format_has_cell(f, id))
            continue;
        char name[64];
        snprintf(name, sizeof name, "c.%s", xxgk_cell_key(id));
        const char *v = form_get(&r->body_form, name);
        char buf[64];
        snprintf(buf, sizeof buf, "%s", v ? v : "");
        trim(buf);
        xxgk_decimal d;
        if (!*buf) {
            xxgk_report_set_blank(rep, id);
        } else if (xxgk_decimal_parse(buf, &d)) {
            xxgk_report_set_number(rep, id, d);
        } else {
            xxgk_report_set_blank(rep, id);
            if (typed)
                typed[id] = strdup(buf);
            (*bad)++;
        }
    }
    xxgk_report_complete_totals(rep);
    return rep;
}

static void free_typed(char **typed)
{
    if (!typed)
        return;
    for (size_t i = 0; i < xxgk_cell_count(); i++)
        free(typed[i]);
    free(typed);
}

/* The version list with downloads. */
typedef struct version_list { req *r; int n; } version_list;

static int version_row(void *ctx, const xxgk_draft_info *d)
{
    version_list *vl = ctx;
    req *r = vl->r;
    vl->n++;
    hb_fmt(&r->out, "<tr><td>第 %d 版</td><td>%s</td><td>%s</td><td>%d / %d</td><td>%s</td><td>",
           d->version, d->at, d->who, d->errors, d->warnings, d->report_id ? "已报送" : "");
    static const char *const fmts[] = {"docx", "pdf", "xlsx", "html"};
    for (int i = 0; i < 4; i++)
        hb_fmt(&r->out, "<a href=\"/write/download?year=%d&amp;version=%d&amp;format=%s\" "
                        "download>%s</a> ",
               d->year, d->version, fmts[i], fmts[i]);
    hb_raw(&r->out, "</td></tr>\n");
    return 0;
}

static void versions(req *r, int year)
{
    hb_raw(&r->out, "<section aria-labelledby=\"versions-h\"><h2 id=\"versions-h\">草稿各版本</h2>"
                    "<table class=\"versions\"><thead><tr><th scope=\"col\">版本</th>"
                    "<th scope=\"col\">保存时间（UTC）</th><th scope=\"col\">保存人</th>"
                    "<th scope=\"col\">错误 / 警告</th><th scope=\"col\">报送</th>"
                    "<th scope=\"col\">下载</th></tr></thead><tbody>\n");
    version_list vl = {r, 0};
    xxgk_draft_versions(r->h->store, r->user->body, year, version_row, &vl, NULL);
    if (!vl.n)
        hb_raw(&r->out, "<tr><td colspan=\"6\">尚无草稿</td></tr>\n");
    hb_raw(&r->out, "</tbody></table></section>\n");
}

/* The editor: meta, sections, tables with inline findings, actions. */
static void editor(req *r, xxgk_report *rep, int year, int version, char **typed,
                   const char *notice, const char *kind)
{
    const xxgk_meta *m = xxgk_report_meta(rep);
    char title[128];
    snprintf(title, sizeof title, "编写 %d 年度报告", year);
    page_begin(r, title, true);
    if (notice)
        page_notice(r, kind, notice);
    hb_fmt(&r->out, "<p>机关：%s；格式：%s；%s</p>\n", r->user->body,
           xxgk_format_name(m->format) ? xxgk_format_name(m->format) : "",
           version ? "当前为最新草稿" : "尚无草稿（以下为空白框架，合计可自动计算）");
    hb_fmt(&r->out, "<form method=\"get\" action=\"/write\" class=\"inline\"><label for=\"year\">"
                    "年度</label><input id=\"year\" name=\"year\" value=\"%d\" size=\"5\""
                    "><button type=\"submit\">切换</button></form>\n",
           year);
    hb_fmt(&r->out, "<form method=\"post\" action=\"/write?year=%d\" id=\"editor\" "
                    "data-check=\"/write/check?year=%d\">",
           year, year);
    csrf_field(r);
    hb_fmt(&r->out, "<p><label for=\"title\">标题</label><input id=\"title\" name=\"title\" "
                    "size=\"50\" value=\"%s\"></p>",
           m->title ? m->title : "");
    hb_fmt(&r->out, "<p><label for=\"date\">成文日期</label><input id=\"date\" name=\"date\" "
                    "type=\"date\" value=\"%s\"></p>\n",
           m->date ? m->date : "");
    cell_notes cn;
    cell_notes_build(&cn, rep);
    for (int n = 0; n <= 6; n++) {
        size_t len = 0;
        const char *text = xxgk_report_model_section(rep, n, &len);
        hb_fmt(&r->out, "<h2><label for=\"s%d\">%s</label></h2><textarea id=\"s%d\" name=\"s%d\" "
                        "rows=\"%d\" cols=\"80\">",
               n, section_names[n], n, n, n == 1 ? 8 : 4);
        if (text)
            hb_escn(&r->out, text, len);
        hb_raw(&r->out, "</textarea>\n");
        if (n >= 2 && n <= 4)
            draw_table(r, rep, n, TABLE_FORM, &cn, typed);
    }
    cell_notes_free(&cn);
    hb_raw(&r->out, "<p class=\"actions\"><button type=\"submit\" name=\"action\" value=\"save\">"
                    "保存草稿（新版本）</button> <button type=\"submit\" name=\"action\" "
                    "value=\"fill\">从申请登记簿填入表二至表四</button>");
    if (xxgk_role_can(r->user->role, XXGK_PERM_REPORT_SUBMIT))
        hb_raw(&r->out, " <button type=\"submit\" name=\"action\" value=\"submit\">"
                        "报送最新草稿</button>");
    hb_raw(&r->out, "</p></form>\n<div id=\"live\" aria-live=\"polite\"></div>\n");
    draw_findings(r, rep);
    versions(r, year);
    page_end(r);
}

/* Copies the register's tables into the report (cells it has). */
static void fill_from_register(req *r, xxgk_report *rep, int year, xxgk_error *err,
                               bool *ok)
{
    xxgk_report *t = NULL;
    *ok = xxgk_register_tables(r->h->reg, r->user->body, year, &t, err) == XXGK_OK;
    if (!*ok)
        return;
    for (size_t id = 0; id < xxgk_cell_count(); id++) {
        const xxgk_cell *c = xxgk_report_cell(t, id);
        if (c->kind == XXGK_VALUE_NUMBER)
            xxgk_report_set_number(rep, id, c->value);
    }
    xxgk_report_free(t);
}

static void write_post(req *r, int year)
{
    const char *action = arg(r, "action");
    xxgk_error err = {0};
    if (!strcmp(action, "submit")) {
        if (!xxgk_role_can(r->user->role, XXGK_PERM_REPORT_SUBMIT)) {
            respond_error(r, 403, "只有负责人可以报送年报");
            return;
        }
        int64_t id = 0;
        if (xxgk_draft_submit(r->h->store, r->user->body, year, 0, r->user->name, &id, &err) !=
            XXGK_OK) {
            respond_error(r, 422, err.message);
            return;
        }
        audit(r, "report.submit", r->user->body, "");
        respond_redirect(r, "/write?year=%d&done=submitted", year);
        return;
    }
    char **typed = calloc(xxgk_cell_count(), sizeof *typed);
    int bad = 0;
    xxgk_report *rep = typed ? report_from_form(r, year, typed, &bad, &err) : NULL;
    if (!rep) {
        free_typed(typed);
        respond_error(r, 422, err.message[0] ? err.message : "内存不足");
        return;
    }
    if (!strcmp(action, "fill")) {
        bool ok;
        fill_from_register(r, rep, year, &err, &ok);
        if (!ok) {
            xxgk_report_free(rep);
            free_typed(typed);
            respond_error(r, 422, err.message);
            return;
        }
    }
    if (bad) {
        xxgk_check_options opt = {.model_only = true};
        xxgk_check(rep, &opt);
        r->status = 422;
        char msg[128];
        snprintf(msg, sizeof msg, "有 %d 个栏目填的不是数字，未保存；请改正标红的栏目", bad);
        editor(r, rep, year, 0, typed, msg, "error");
    } else {
        int v = 0;
        if (xxgk_draft_save(r->h->store, r->user->body, rep, r->user->name, &v, &err) != XXGK_OK)
            respond_error(r, 500, err.message);
        else
            respond_redirect(r, "/write?year=%d&done=saved", year);
    }
    xxgk_report_free(rep);
    free_typed(typed);
}

void page_write(req *r)
{
    if (!need(r, XXGK_PERM_REPORT_WRITE))
        return;
    int year = write_year(r);
    if (!strcmp(r->method, "POST")) {
        write_post(r, year);
        return;
    }
    xxgk_error err = {0};
    int version = 0;
    xxgk_report *rep = current_draft(r, year, 0, &version, &err);
    if (!rep) {
        respond_error(r, 422, err.message);
        return;
    }
    xxgk_check_options opt = {.model_only = true};
    xxgk_check(rep, &opt);
    const char *done = qarg(r, "done");
    editor(r, rep, year, version, NULL,
           !strcmp(done, "saved")       ? "草稿已保存为新版本"
           : !strcmp(done, "submitted") ? "已报送监督机关"
                                        : NULL,
           "ok");
    xxgk_report_free(rep);
}

void page_write_check(req *r)
{
    r->wants_json = true;
    if (!need(r, XXGK_PERM_REPORT_WRITE))
        return;
    int year = write_year(r);
    xxgk_error err = {0};
    int bad = 0;
    xxgk_report *rep = report_from_form(r, year, NULL, &bad, &err);
    if (!rep) {
        respond_error(r, 422, err.message);
        return;
    }
    xxgk_check_options opt = {.model_only = true};
    xxgk_check(rep, &opt);
    r->type = "application/json; charset=utf-8";
    findings_json(&r->out, rep);
    xxgk_report_free(rep);
}

void page_write_download(req *r)
{
    if (!need(r, XXGK_PERM_REPORT_WRITE))
        return;
    int year = write_year(r), version = arg_int(r, "version", 0);
    xxgk_render_format f = xxgk_render_format_from_name(qarg(r, "format"));
    static const struct { xxgk_render_format f; const char *type; } types[] = {
        {XXGK_RENDER_DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {XXGK_RENDER_PDF, "application/pdf"},
        {XXGK_RENDER_XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {XXGK_RENDER_HTML, "text/html; charset=utf-8"},
        {XXGK_RENDER_JSON, "application/json; charset=utf-8"},
    };
    const char *type = NULL;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (types[i].f == f)
            type = types[i].type;
    if (!type) {
        respond_error(r, 400, "下载格式须为 docx、pdf、xlsx、html 或 json");
        return;
    }
    xxgk_error err = {0};
    int got = 0;
    xxgk_report *rep = current_draft(r, year, version, &got, &err);
    if (!rep) {
        respond_error(r, 404, err.message);
        return;
    }
    char *data = NULL;
    size_t len = 0;
    FILE *o = open_memstream(&data, &len);
    xxgk_status st = o ? xxgk_report_render(rep, f, o, &err) : XXGK_E_NOMEM;
    if (o && fclose(o) != 0 && st == XXGK_OK)
        st = XXGK_E_IO;
    xxgk_report_free(rep);
    if (st != XXGK_OK) {
        free(data);
        respond_error(r, st == XXGK_E_UNSUPPORTED ? 501 : 500,
                      err.message[0] ? err.message : "无法生成文件");
        return;
    }
    char name[300];
    snprintf(name, sizeof name, "%s%d年政府信息公开工作年度报告-第%d版.%s", r->user->body, year, got,
             xxgk_render_format_extension(f));
    audit(r, "report.download", r->user->body, name);
    respond_bytes(r, type, data, len, name);
}
