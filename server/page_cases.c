/*
 * page_cases.c — the register's list pages: the cases of a body, open
 * ones by their next deadline (overdue first), then every case of the
 * year; registering a new application; the year's tables built from the
 * register (xxgk_register_tables) in the official layout.
 *
 * A clerk or head sees their own body; a supervisor chooses among the
 * bodies of their region (?body=); every body asked for is checked with
 * xxgk_user_covers_body (403 otherwise).
 */
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* Rows a list shows at most: a page a person reads, not an export. */
#define LIST_MAX 200

/* The body the page is about: the user's, or ?body= for a supervisor
 * (checked). NULL after responding. */
static const char *case_body(req *r)
{
    if (!need(r, XXGK_PERM_CASES_READ))
        return NULL;
    const char *body = *r->user->body ? r->user->body : arg(r, "body");
    if (!*body) {
        respond_redirect(r, "/desk");
        return NULL;
    }
    return need_body(r, body) ? body : NULL;
}

static int year_of_today(const req *r)
{
    int y = today_year(r);
    return y;
}

static void due_table(req *r, const char *body)
{
    xxgk_due_item *items = NULL;
    size_t n = 0;
    xxgk_error err;
    if (xxgk_register_due(r->h->reg, body, srv_today(r), -1, &items, &n, &err) != XXGK_OK) {
        page_notice(r, "error", err.message);
        return;
    }
    hb_fmt(&r->out, "<h2>未办结的申请（%d 件，按下一期限排列，已逾期在前）</h2>\n", (int)n);
    hb_raw(&r->out, "<table class=\"cases\"><thead><tr><th scope=\"col\">编号</th>"
                    "<th scope=\"col\">申请内容</th><th scope=\"col\">状态</th>"
                    "<th scope=\"col\">下一期限</th><th scope=\"col\">到期日</th>"
                    "<th scope=\"col\">情况</th></tr></thead><tbody>\n");
    size_t shown = n < LIST_MAX ? n : LIST_MAX;
    for (size_t i = 0; i < shown; i++) {
        char due[16];
        xxgk_date_format(items[i].next.due, due, sizeof due);
        hb_fmt(&r->out, "<tr class=\"%s\"><th scope=\"row\"><a href=\"/cases/%D\">%s</a></th>"
                        "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
               xxgk_deadline_status_key(items[i].next.status), items[i].id, items[i].serial,
               items[i].subject, xxgk_case_state_text(items[i].state), items[i].next.label,
               due[0] ? due : "—", xxgk_deadline_status_text(items[i].next.status));
    }
    hb_raw(&r->out, "</tbody></table>\n");
    if (n > shown)
        hb_fmt(&r->out, "<p>只列出最早到期的 %d 件，另有 %d 件。</p>\n", (int)shown, (int)(n - shown));
    xxgk_due_free(items, n);
}

typedef struct case_list { req *r; int n; } case_list;

/* One row of the year's list; stops after LIST_MAX rows. */
static int case_row(void *ctx, const xxgk_case *c)
{
    case_list *cl = ctx;
    req *r = cl->r;
    if (++cl->n > LIST_MAX)
        return 1;
    const xxgk_case_info *i = xxgk_case_info_of(c);
    char rec[16], closed[16];
    xxgk_date_format(i->received, rec, sizeof rec);
    xxgk_date_format(i->closed, closed, sizeof closed);
    hb_fmt(&r->out, "<tr><th scope=\"row\"><a href=\"/cases/%D\">%s</a></th><td>%s</td><td>%s</td>"
                    "<td>%s</td><td>%s</td><td>%s</td></tr>\n",
           i->id, i->serial, rec, i->subject ? i->subject : "", i->name ? i->name : "",
           i->voided ? "已作废" : xxgk_case_state_text(i->state), closed);
    return 0;
}

void page_cases(req *r)
{
    const char *body = case_body(r);
    if (!body)
        return;
    int year = arg_int(r, "year", year_of_today(r));
    page_begin(r, "申请登记簿", false);
    hb_fmt(&r->out, "<p>机关：%s。", body);
    if (xxgk_role_can(r->user->role, XXGK_PERM_CASES_WRITE))
        hb_raw(&r->out, " <a href=\"/cases/new\">登记新申请</a> ·");
    hb_fmt(&r->out, " <a href=\"/cases/tables?year=%d&amp;body=%U\">%d 年度表二至表四</a></p>\n",
           year, body, year);
    due_table(r, body);
    hb_fmt(&r->out, "<h2>%d 年收到的全部申请</h2>\n", year);
    hb_fmt(&r->out, "<form method=\"get\" action=\"/cases\" class=\"inline\">"
                    "<input type=\"hidden\" name=\"body\" value=\"%s\"><label for=\"year\">年度"
                    "</label><input id=\"year\" name=\"year\" value=\"%d\" size=\"5\">"
                    "<button type=\"submit\">查看</button></form>\n",
           body, year);
    hb_raw(&r->out, "<table class=\"cases\"><thead><tr><th scope=\"col\">编号</th>"
                    "<th scope=\"col\">收到日期</th><th scope=\"col\">申请内容</th>"
                    "<th scope=\"col\">申请人</th><th scope=\"col\">状态</th>"
                    "<th scope=\"col\">办结日期</th></tr></thead><tbody>\n");
    xxgk_case_filter f = {.body = body, .year = year, .state = -1, .include_void = true};
    xxgk_error err;
    case_list cl = {r, 0};
    xxgk_register_each(r->h->reg, &f, srv_today(r), case_row, &cl, &err);
    hb_raw(&r->out, "</tbody></table>\n");
    if (cl.n > LIST_MAX)
        hb_fmt(&r->out, "<p>只列出前 %d 件（按编号）；全部申请可用 xxgk case export 导出。</p>\n",
               LIST_MAX);
    page_end(r);
}

/* <select> of the channels or applicant types. */
static void choices(req *r, const char *name, const char *label, bool applicant)
{
    hb_fmt(&r->out, "<p><label for=\"%s\">%s</label><select id=\"%s\" name=\"%s\">", name, label,
           name, name);
    int n = applicant ? XXGK_APPLICANT_COUNT : XXGK_CHANNEL_COUNT;
    for (int i = 0; i < n; i++) {
        const char *key = applicant ? xxgk_applicant_key((xxgk_applicant)i)
                                    : xxgk_channel_name((xxgk_channel)i);
        const char *text = applicant ? xxgk_applicant_label((xxgk_applicant)i) : key;
        hb_fmt(&r->out, "<option value=\"%s\">%s</option>", key, text);
    }
    hb_raw(&r->out, "</select></p>");
}

static void text_input(req *r, const char *name, const char *label, const char *type,
                       bool required)
{
    hb_fmt(&r->out, "<p><label for=\"%s\">%s</label><input id=\"%s\" name=\"%s\" type=\"%s\"%S>"
                    "</p>",
           name, label, name, name, type, required ? " required" : "");
}

/* Fills an application from the form (new case or edit). */
static bool application_of(req *r, xxgk_application *a, bool *set_channel, bool *set_applicant)
{
    memset(a, 0, sizeof *a);
    const char *rec = arg(r, "received");
    if (*rec && !xxgk_date_parse(rec, &a->received))
        return false;
    *set_channel = xxgk_channel_find(arg(r, "channel"), &a->channel);
    *set_applicant = xxgk_applicant_find(arg(r, "applicant"), &a->applicant);
    const char *fields[] = {"subject", "name", "id_number", "contact"};
    const char **dst[] = {&a->subject, &a->name, &a->id_number, &a->contact};
    for (int i = 0; i < 4; i++)
        *dst[i] = *arg(r, fields[i]) ? arg(r, fields[i]) : NULL;
    return true;
}

void page_case_new(req *r)
{
    if (!need(r, XXGK_PERM_CASES_WRITE) || !need_body(r, r->user->body))
        return;
    if (!strcmp(r->method, "POST")) {
        xxgk_application a;
        bool sc, sa;
        if (!application_of(r, &a, &sc, &sa) || !a.received) {
            respond_error(r, 422, "收到日期须为 YYYY-MM-DD");
            return;
        }
        a.body = r->user->body;
        xxgk_error err = {0};
        int64_t id = 0;
        xxgk_register_set_actor(r->h->reg, r->user->name);
        if (xxgk_case_add(r->h->reg, &a, &id, &err) != XXGK_OK) {
            respond_error(r, 422, err.message);
            return;
        }
        char obj[32];
        snprintf(obj, sizeof obj, "case/%lld", (long long)id);
        audit(r, "case.add", obj, a.subject ? a.subject : "");
        respond_redirect(r, "/cases/%lld", (long long)id);
        return;
    }
    page_begin(r, "登记新申请", false);
    hb_raw(&r->out, "<form method=\"post\" action=\"/cases/new\">");
    csrf_field(r);
    text_input(r, "received", "收到日期（第三十一条所说的收到之日）", "date", true);
    choices(r, "channel", "申请方式", false);
    choices(r, "applicant", "申请人类型", true);
    text_input(r, "subject", "申请内容", "text", true);
    text_input(r, "name", "申请人姓名或名称", "text", false);
    text_input(r, "id_number", "身份证号或统一社会信用代码", "text", false);
    text_input(r, "contact", "联系方式", "text", false);
    hb_raw(&r->out, "<p><button type=\"submit\">登记</button></p></form>\n");
    page_end(r);
}

void page_case_tables(req *r)
{
    const char *body = case_body(r);
    if (!body)
        return;
    int year = arg_int(r, "year", year_of_today(r) - 1);
    xxgk_report *t = NULL;
    xxgk_error err = {0};
    if (xxgk_register_tables(r->h->reg, body, year, &t, &err) != XXGK_OK) {
        respond_error(r, 422, err.message);
        return;
    }
    char title[200];
    snprintf(title, sizeof title, "%d 年度表二至表四（由登记簿生成）", year);
    page_begin(r, title, false);
    hb_fmt(&r->out, "<p>机关：%s。表三、表四按登记的申请逐件统计，各项合计自然相符；"
                    "表二只含已登记的文件和数量，未登记的行为空。</p>\n",
           body);
    xxgk_report_check(t, NULL);
    cell_notes cn;
    cell_notes_build(&cn, t);
    for (int s = 2; s <= 4; s++)
        draw_table(r, t, s, TABLE_VIEW, &cn, NULL);
    cell_notes_free(&cn);
    page_end(r);
    xxgk_report_free(t);
}
