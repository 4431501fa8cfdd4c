/*
 * page_admin.c — what the admin manages: users (add, disable, a new
 * password), the roster of bodies (an uploaded CSV or XLSX, through
 * xxgk_store_import_roster), the holiday calendar (a notice's text,
 * through xxgk_register_import_holidays), and the audit trail.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server.h"

static int user_row(void *ctx, const xxgk_user *u)
{
    req *r = ctx;
    hb_fmt(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s%s</td><td>%s</td><td>%s</td>"
                    "<td><form method=\"post\" action=\"/admin\">",
           u->name, xxgk_role_text(u->role), u->body, u->region, u->disabled ? "已停用" : "在用",
           u->created);
    csrf_field(r);
    hb_fmt(&r->out, "<input type=\"hidden\" name=\"user\" value=\"%s\">"
                    "<button type=\"submit\" name=\"action\" value=\"%s\">%s</button></form></td>"
                    "</tr>\n",
           u->name, u->disabled ? "enable" : "disable", u->disabled ? "启用" : "停用");
    return 0;
}

static int body_row(void *ctx, const xxgk_body *b)
{
    req *r = ctx;
    hb_fmt(&r->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>%s</td></tr>\n", b->name,
           b->parent, b->kind, b->years);
    return 0;
}

static void admin_page(req *r, const char *notice, const char *kind)
{
    page_begin(r, "管理", false);
    if (notice)
        page_notice(r, kind, notice);
    hb_raw(&r->out, "<p><a href=\"/admin/audit\">审计记录</a></p>\n<h2>用户</h2>\n"
                    "<table><thead><tr><th scope=\"col\">用户名</th><th scope=\"col\">角色</th>"
                    "<th scope=\"col\">机关或地区</th><th scope=\"col\">状态</th>"
                    "<th scope=\"col\">建立时间</th><th scope=\"col\">操作</th></tr></thead><tbody>\n");
    xxgk_user_list(r->h->store, user_row, r, NULL);
    hb_raw(&r->out, "</tbody></table>\n<form method=\"post\" action=\"/admin\"><fieldset>"
                    "<legend>添加用户</legend>");
    csrf_field(r);
    hb_raw(&r->out, "<p><label for=\"u-name\">用户名</label><input id=\"u-name\" name=\"name\" "
                    "required></p><p><label for=\"u-role\">角色</label><select id=\"u-role\" "
                    "name=\"role\">");
    for (int i = 0; i < XXGK_ROLE_COUNT; i++)
        hb_fmt(&r->out, "<option value=\"%s\">%s</option>", xxgk_role_key((xxgk_role)i),
               xxgk_role_text((xxgk_role)i));
    hb_raw(&r->out, "</select></p><p><label for=\"u-body\">机关（经办人、负责人）</label>"
                    "<input id=\"u-body\" name=\"body\"></p><p><label for=\"u-region\">地区"
                    "（监督人员：名册中的上级）</label><input id=\"u-region\" name=\"region\"></p>"
                    "<p><label for=\"u-password\">初始密码（至少 8 个字符）</label><input "
                    "id=\"u-password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" "
                    "required></p><p><button type=\"submit\" name=\"action\" value=\"add\">添加"
                    "</button></p></fieldset></form>\n");
    hb_raw(&r->out, "<h2>机关名册</h2>\n<table><thead><tr><th scope=\"col\">名称</th>"
                    "<th scope=\"col\">上级</th><th scope=\"col\">类别</th>"
                    "<th scope=\"col\">有报告的年度</th></tr></thead><tbody>\n");
    xxgk_store_bodies(r->h->store, body_row, r, NULL);
    hb_raw(&r->out, "</tbody></table>\n<form method=\"post\" action=\"/admin\" "
                    "enctype=\"multipart/form-data\"><fieldset><legend>导入名册</legend>");
    csrf_field(r);
    hb_raw(&r->out, "<p><label for=\"roster\">名册文件（CSV 或 XLSX，列：名称、上级、类别、别名）"
                    "</label><input id=\"roster\" name=\"roster\" type=\"file\" required "
                    "accept=\".csv,.xlsx\"></p><p><button type=\"submit\" name=\"action\" "
                    "value=\"roster\">导入</button></p></fieldset></form>\n");
    hb_raw(&r->out, "<h2>放假安排</h2>\n<form method=\"post\" action=\"/admin\"><fieldset>"
                    "<legend>导入某年的放假通知</legend>");
    csrf_field(r);
    hb_raw(&r->out, "<p><label for=\"holidays\">通知（每行 YYYY-MM-DD holiday|workday  # 名称）"
                    "</label><textarea id=\"holidays\" name=\"holidays\" rows=\"6\" cols=\"60\" "
                    "required></textarea></p><p><button type=\"submit\" name=\"action\" "
                    "value=\"holidays\">导入</button></p></fieldset></form>\n<table><thead><tr>"
                    "<th scope=\"col\">年度</th><th scope=\"col\">文号</th><th scope=\"col\">来源"
                    "</th></tr></thead><tbody>\n");
    const xxgk_calendar *cal = xxgk_register_calendar(r->h->reg);
    for (size_t i = 0; i < xxgk_calendar_notice_count(cal); i++) {
        const xxgk_holiday_notice *n = xxgk_calendar_notice(cal, i);
        hb_fmt(&r->out, "<tr><th scope=\"row\">%d</th><td>%s</td><td>%s</td></tr>\n", n->year,
               n->number, n->source);
    }
    hb_raw(&r->out, "</tbody></table>\n");
    page_end(r);
}

/* The uploaded roster into a file of the server's directory, imported,
 * removed: the library reads rosters by path. */
static xxgk_status import_roster(req *r, const form_field *f, xxgk_roster_summary *sum,
                                 xxgk_error *err)
{
    bool xlsx = f->len >= 4 && !memcmp(f->value, "PK\x03\x04", 4);
    if (!xlsx && memchr(f->value, '\0', f->len)) {
        snprintf(err->message, sizeof err->message, "名册须为 CSV 或 XLSX 文件");
        return XXGK_E_UNSUPPORTED;
    }
    char path[512];
    static unsigned counter;
    snprintf(path, sizeof path, "%s/roster-%u.%s", r->server->tmpdir,
             __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED), xlsx ? "xlsx" : "csv");
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    bool ok = fd >= 0 && write(fd, f->value, f->len) == (ssize_t)f->len;
    if (fd >= 0)
        close(fd);
    xxgk_status st = ok ? xxgk_store_import_roster(r->h->store, path, sum, err) : XXGK_E_IO;
    if (!ok)
        snprintf(err->message, sizeof err->message, "无法保存上传的名册");
    unlink(path);
    return st;
}

static void admin_post(req *r)
{
    const char *action = arg(r, "action");
    xxgk_error err = {0};
    char msg[512];
    if (!strcmp(action, "add")) {
        xxgk_role role;
        if (!xxgk_role_find(arg(r, "role"), &role)) {
            admin_page(r, "未知角色", "error");
            return;
        }
        if (xxgk_user_add(r->h->store, arg(r, "name"), role, arg(r, "body"), arg(r, "region"),
                          arg(r, "password"), r->user->name, NULL, &err) != XXGK_OK) {
            r->status = 422;
            admin_page(r, err.message, "error");
            return;
        }
        snprintf(msg, sizeof msg, "已添加用户 %s", arg(r, "name"));
    } else if (!strcmp(action, "disable") || !strcmp(action, "enable")) {
        if (xxgk_user_set_disabled(r->h->store, arg(r, "user"), !strcmp(action, "disable"),
                                   r->user->name, &err) != XXGK_OK) {
            r->status = 422;
            admin_page(r, err.message, "error");
            return;
        }
        snprintf(msg, sizeof msg, "已%s用户 %s", !strcmp(action, "disable") ? "停用" : "启用",
                 arg(r, "user"));
    } else if (!strcmp(action, "roster")) {
        if (!xxgk_role_can(r->user->role, XXGK_PERM_BODIES_MANAGE)) {
            respond_error(r, 403, "没有管理名册的权限");
            return;
        }
        const form_field *f = form_field_get(&r->body_form, "roster");
        xxgk_roster_summary sum = {0};
        if (!f || !f->len || import_roster(r, f, &sum, &err) != XXGK_OK) {
            r->status = 422;
            admin_page(r, err.message[0] ? err.message : "没有收到名册文件", "error");
            return;
        }
        snprintf(msg, sizeof msg, "名册已导入：%zu 个机关（新增 %zu，更新 %zu，删除 %zu）", sum.bodies,
                 sum.added, sum.updated, sum.removed);
        audit(r, "roster.import", "", msg);
    } else if (!strcmp(action, "holidays")) {
        if (!xxgk_role_can(r->user->role, XXGK_PERM_CALENDAR_MANAGE)) {
            respond_error(r, 403, "没有管理放假安排的权限");
            return;
        }
        const char *text = arg(r, "holidays");
        size_t n = 0;
        int years[8];
        xxgk_register_set_actor(r->h->reg, r->user->name);
        if (xxgk_register_import_holidays(r->h->reg, text, strlen(text), "网页导入", 0, years, 8,
                                          &n, &err) != XXGK_OK) {
            r->status = 422;
            admin_page(r, err.message, "error");
            return;
        }
        snprintf(msg, sizeof msg, "已导入 %zu 个年度的放假安排", n);
        audit(r, "calendar.import", "", msg);
    } else {
        respond_error(r, 400, "未知操作");
        return;
    }
    admin_page(r, msg, "ok");
}

void page_admin(req *r)
{
    if (!need(r, XXGK_PERM_USERS_MANAGE))
        return;
    if (!strcmp(r->method, "POST"))
        admin_post(r);
    else
        admin_page(r, NULL, NULL);
}

static int audit_row(void *ctx, const xxgk_audit_entry *e)
{
    req *r = ctx;
    hb_fmt(&r->out, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
           e->at, e->who, e->address, e->action, e->object, e->detail);
    return 0;
}

void page_audit(req *r)
{
    if (!need(r, XXGK_PERM_AUDIT_READ))
        return;
    page_begin(r, "审计记录", false);
    hb_raw(&r->out, "<p>最近 500 条：登录、登录失败和每一项修改。</p><table><thead><tr>"
                    "<th scope=\"col\">时间（UTC）</th><th scope=\"col\">用户</th>"
                    "<th scope=\"col\">地址</th><th scope=\"col\">动作</th>"
                    "<th scope=\"col\">对象</th><th scope=\"col\">内容</th></tr></thead><tbody>\n");
    xxgk_audit_list(r->h->store, 500, audit_row, r, NULL);
    hb_raw(&r->out, "</tbody></table>\n");
    page_end(r);
}
