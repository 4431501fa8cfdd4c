/*
 * page_home.c — the first page after login: what the user's role can do,
 * and for a clerk the cases that need attention now.
 */
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* The clerk's cases due within a week or overdue, as a short list. */
static void due_soon(req *r)
{
    xxgk_due_item *items = NULL;
    size_t n = 0;
    xxgk_error err;
    if (xxgk_register_due(r->h->reg, r->user->body, srv_today(r), 7, &items, &n, &err) != XXGK_OK)
        return;
    hb_fmt(&r->out, "<h2>七日内到期和已逾期的申请（%d 件）</h2>\n", (int)n);
    if (n) {
        hb_raw(&r->out, "<ul>");
        for (size_t i = 0; i < n; i++) {
            char due[16];
            xxgk_date_format(items[i].next.due, due, sizeof due);
            hb_fmt(&r->out, "<li><a href=\"/cases/%D\">%s</a> %s：%s %s（%s）</li>", items[i].id,
                   items[i].serial, items[i].subject, items[i].next.label, due,
                   xxgk_deadline_status_text(items[i].next.status));
        }
        hb_raw(&r->out, "</ul>\n");
    }
    xxgk_due_free(items, n);
}

void page_home(req *r)
{
    if (!r->logged_in) {
        respond_redirect(r, "/login");
        return;
    }
    page_begin(r, "首页", false);
    xxgk_role role = r->user->role;
    hb_fmt(&r->out, "<p>%s，您好。您的角色是<strong>%s</strong>", r->user->name,
           xxgk_role_text(role));
    if (*r->user->body)
        hb_fmt(&r->out, "，所属机关：%s", r->user->body);
    if (*r->user->region)
        hb_fmt(&r->out, "，监督地区：%s", r->user->region);
    hb_raw(&r->out, "。</p>\n<ul class=\"tiles\">");
    if (xxgk_role_can(role, XXGK_PERM_CHECK))
        hb_raw(&r->out, "<li><a href=\"/check\">检查报告</a>：上传 DOCX、PDF、网页、XLSX 或文本，"
                        "按统一格式和条例检查</li>");
    if (xxgk_role_can(role, XXGK_PERM_REPORT_WRITE))
        hb_raw(&r->out, "<li><a href=\"/write\">编写年报</a>：三张表格和六部分文字，合计自动计算，"
                        "草稿逐版保存，下载 Word、PDF、Excel</li>");
    if (xxgk_role_can(role, XXGK_PERM_CASES_READ))
        hb_raw(&r->out, "<li><a href=\"/cases\">申请登记簿</a>：收到即登记，法定期限逐日说明</li>");
    if (xxgk_role_can(role, XXGK_PERM_DESK_READ))
        hb_raw(&r->out, "<li><a href=\"/desk\">审核台</a>：各机关报送情况、汇总表、图表</li>");
    if (xxgk_role_can(role, XXGK_PERM_USERS_MANAGE))
        hb_raw(&r->out, "<li><a href=\"/admin\">管理</a>：用户、机关名册、放假安排、审计记录</li>");
    hb_raw(&r->out, "<li><a href=\"/rules\">规则目录</a>：每条规则的依据和说明</li></ul>\n");
    if (xxgk_role_can(role, XXGK_PERM_CASES_WRITE) && *r->user->body)
        due_soon(r);
    page_end(r);
}
