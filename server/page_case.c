/*
 * page_case.c — one case of the register: its details, every deadline
 * with its day-by-day count (working days, weekends, holidays, 调休,
 * pauses), its history, and a form for each fact that can be recorded
 * (POST /cases/ID/ACTION). The register's guards decide what is allowed
 * and say why not; the server only checks who may ask: the body's clerk
 * or head records facts, only a head (extension.approve) records an
 * extension, as its approver.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

static const char *const weekdays[] = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};

static const char *reason_text(xxgk_count_reason why)
{
    switch (why) {
    case XXGK_COUNT_START: return "起算日";
    case XXGK_COUNT_WORKDAY: return "工作日";
    case XXGK_COUNT_MAKEUP: return "调休上班，计入";
    case XXGK_SKIP_WEEKEND: return "周末，不计";
    case XXGK_SKIP_HOLIDAY: return "法定节假日，不计";
    case XXGK_SKIP_PAUSED: return "暂停计算";
    default: return "放假安排未导入";
    }
}

static void date_cell(req *r, xxgk_date d)
{
    char buf[16];
    hb_fmt(&r->out, "<td>%s</td>", d ? xxgk_date_format(d, buf, sizeof buf) : "—");
}

/* The ID number: in full on the case's own page for the staff of its
 * body (who record its facts), masked for everyone else. */
static const char *id_shown(req *r, const xxgk_case *c)
{
    const xxgk_case_info *i = xxgk_case_info_of(c);
    if (xxgk_role_can(r->user->role, XXGK_PERM_CASES_WRITE) && !strcmp(r->user->body, i->body) &&
        xxgk_case_id_number(c))
        return xxgk_case_id_number(c);
    return i->id_masked ? i->id_masked : "";
}

static void details(req *r, const xxgk_case *c)
{
    const xxgk_case_info *i = xxgk_case_info_of(c);
    char rec[16];
    hb_raw(&r->out, "<dl class=\"meta\">");
    hb_fmt(&r->out, "<dt>机关</dt><dd>%s</dd><dt>收到日期</dt><dd>%s</dd><dt>申请方式</dt><dd>%s</dd>"
                    "<dt>申请人类型</dt><dd>%s</dd><dt>申请人</dt><dd>%s</dd>"
                    "<dt>证件号码</dt><dd>%s</dd><dt>联系方式</dt><dd>%s</dd>"
                    "<dt>申请内容</dt><dd>%s</dd><dt>状态</dt><dd>%s</dd>",
           i->body, xxgk_date_format(i->received, rec, sizeof rec), xxgk_channel_name(i->channel),
           xxgk_applicant_label(i->applicant), i->name ? i->name : "", id_shown(r, c),
           i->contact ? i->contact : "", i->subject ? i->subject : "",
           i->voided ? "已作废" : xxgk_case_state_text(i->state));
    if (i->outcome)
        hb_fmt(&r->out, "<dt>办理结果</dt><dd>%s（%s）</dd>", xxgk_outcome_label(i->outcome),
               i->ground ? i->ground : "");
    if (i->approver)
        hb_fmt(&r->out, "<dt>延期批准人</dt><dd>%s</dd>", i->approver);
    hb_raw(&r->out, "</dl>\n");
}

static void deadlines(req *r, const xxgk_case *c)
{
    size_t n = xxgk_case_deadline_count(c);
    hb_raw(&r->out, "<h2>法定期限</h2>\n<table class=\"deadlines\"><thead><tr>"
                    "<th scope=\"col\">期限</th><th scope=\"col\">依据</th><th scope=\"col\">起算</th>"
                    "<th scope=\"col\">工作日</th><th scope=\"col\">到期</th>"
                    "<th scope=\"col\">完成</th><th scope=\"col\">情况</th></tr></thead><tbody>\n");
    for (size_t k = 0; k < n; k++) {
        const xxgk_deadline *d = xxgk_case_deadline(c, k);
        hb_fmt(&r->out, "<tr class=\"%s\"><th scope=\"row\">%s</th><td>%s</td>",
               xxgk_deadline_status_key(d->status), d->label, d->basis);
        date_cell(r, d->start);
        hb_fmt(&r->out, "<td>%d</td>", d->days);
        date_cell(r, d->due);
        date_cell(r, d->done);
        hb_fmt(&r->out, "<td>%s%s%s</td></tr>\n", xxgk_deadline_status_text(d->status),
               d->note ? "：" : "", d->note ? d->note : "");
    }
    hb_raw(&r->out, "</tbody></table>\n");
    for (size_t k = 0; k < n; k++) {
        size_t nd = 0;
        const xxgk_counted_day *days = xxgk_case_explain(c, k, &nd);
        if (!nd)
            continue;
        const xxgk_deadline *d = xxgk_case_deadline(c, k);
        hb_fmt(&r->out, "<details><summary>%s：逐日说明（%d 天）</summary>"
                        "<table class=\"days\"><thead><tr><th scope=\"col\">日期</th>"
                        "<th scope=\"col\">星期</th><th scope=\"col\">计数</th>"
                        "<th scope=\"col\">说明</th></tr></thead><tbody>\n",
               d->label, (int)nd);
        for (size_t j = 0; j < nd; j++) {
            char buf[16];
            const xxgk_counted_day *day = &days[j];
            bool counted = day->reason == XXGK_COUNT_WORKDAY || day->reason == XXGK_COUNT_MAKEUP;
            hb_fmt(&r->out, "<tr%S><td>%s</td><td>%s</td>",
                   day->date == d->due ? " class=\"due\"" : "",
                   xxgk_date_format(day->date, buf, sizeof buf),
                   weekdays[xxgk_date_weekday(day->date)]);
            if (counted)
                hb_fmt(&r->out, "<td>第 %d 日</td>", day->count);
            else
                hb_raw(&r->out, "<td>不计</td>");
            /* the reason, and what the register says of the day unless it
             * says the same (调休上班) */
            bool why = day->why && !strstr(reason_text(day->reason), day->why);
            hb_fmt(&r->out, "<td>%s%s%s%s</td></tr>\n", reason_text(day->reason),
                   why ? "：" : "", why ? day->why : "",
                   day->date == d->due ? " ← 期限届满" : "");
        }
        hb_raw(&r->out, "</tbody></table></details>\n");
    }
}

static void history(req *r, const xxgk_case *c)
{
    hb_raw(&r->out, "<h2>办理经过</h2>\n<table class=\"events\"><thead><tr>"
                    "<th scope=\"col\">序号</th><th scope=\"col\">事项</th><th scope=\"col\">日期</th>"
                    "<th scope=\"col\">记录人</th><th scope=\"col\">记录时间</th>"
                    "<th scope=\"col\">内容</th></tr></thead><tbody>\n");
    for (size_t k = 0; k < xxgk_case_event_count(c); k++) {
        const xxgk_case_event *e = xxgk_case_event_at(c, k);
        hb_fmt(&r->out, "<tr%S><td>%d</td><td>%s</td>", e->voided ? " class=\"voided\"" : "",
               e->seq, e->title);
        date_cell(r, e->date);
        hb_fmt(&r->out, "<td>%s</td><td>%s</td><td>%s%s%s</td></tr>\n", e->who, e->at, e->summary,
               e->voided ? "（已作废：" : "", e->voided ? e->void_reason : "");
        if (e->voided)
            hb_raw(&r->out, "");
    }
    hb_raw(&r->out, "</tbody></table>\n");
}

/* ---- the forms of the facts -------------------------------------------------- */

typedef struct field { const char *name, *label, *type; } field;

static void action_form(req *r, int64_t id, const char *action, const char *title,
                        const field *fields, size_t n)
{
    hb_fmt(&r->out, "<form method=\"post\" action=\"/cases/%D/%s\" class=\"fact\"><fieldset>"
                    "<legend>%s</legend>",
           id, action, title);
    csrf_field(r);
    for (size_t i = 0; i < n; i++) {
        const field *f = &fields[i];
        hb_fmt(&r->out, "<p><label for=\"%s-%s\">%s</label>", action, f->name, f->label);
        if (!strcmp(f->type, "outcome-reply") || !strcmp(f->type, "outcome-close")) {
            bool reply = !strcmp(f->type, "outcome-reply");
            hb_fmt(&r->out, "<select id=\"%s-%s\" name=\"%s\">", action, f->name, f->name);
            for (size_t k = 0; k < xxgk_outcome_count(); k++) {
                const char *key = xxgk_outcome_key_at(k);
                bool six = !strncmp(key, "other", 5);
                if (six == reply)
                    continue;
                hb_fmt(&r->out, "<option value=\"%s\">%s</option>", key, xxgk_outcome_label(key));
            }
            hb_raw(&r->out, "</select>");
        } else if (!strncmp(f->type, "select:", 7)) {
            hb_fmt(&r->out, "<select id=\"%s-%s\" name=\"%s\">", action, f->name, f->name);
            /* "select:key=text|key=text" */
            const char *p = f->type + 7;
            while (*p) {
                const char *eq = strchr(p, '='), *bar = strchr(p, '|');
                if (!bar)
                    bar = p + strlen(p);
                char key[64], text[128];
                snprintf(key, sizeof key, "%.*s", (int)(eq - p), p);
                snprintf(text, sizeof text, "%.*s", (int)(bar - eq - 1), eq + 1);
                hb_fmt(&r->out, "<option value=\"%s\">%s</option>", key, text);
                p = *bar ? bar + 1 : bar;
            }
            hb_raw(&r->out, "</select>");
        } else {
            hb_fmt(&r->out, "<input id=\"%s-%s\" name=\"%s\" type=\"%s\">", action, f->name,
                   f->name, f->type);
        }
        hb_raw(&r->out, "</p>");
    }
    hb_raw(&r->out, "<p><button type=\"submit\">记录</button></p></fieldset></form>\n");
}

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define PARTY "select:third=第三方|agency=其他机关"
#define REMEDY "select:review=行政复议|suit_direct=行政诉讼（未经复议直接起诉）|suit_after_review=行政诉讼（复议后起诉）"

static void fact_forms(req *r, int64_t id)
{
    hb_raw(&r->out, "<h2>记录办理事项</h2>\n<div class=\"facts\">");
    static const field corr[] = {{"notice", "告知日期", "date"}, {"until", "补正期限（可空：告知后15个工作日）", "date"}};
    action_form(r, id, "correction_notice", "告知补正（第三十条）", corr, N(corr));
    static const field corrd[] = {{"received", "收到补正申请日期", "date"}};
    action_form(r, id, "corrected", "收到补正申请", corrd, N(corrd));
    static const field cons[] = {{"party", "征求对象", PARTY}, {"party_name", "名称", "text"},
                                 {"sent", "发出日期", "date"}, {"delivered", "送达日期（可空）", "date"}};
    action_form(r, id, "consult", "征求意见（第三十二、三十四条）", cons, N(cons));
    static const field cansw[] = {{"party", "征求对象", PARTY}, {"answered", "答复日期", "date"}};
    action_form(r, id, "consult_answered", "收到征求意见答复", cansw, N(cansw));
    if (xxgk_role_can(r->user->role, XXGK_PERM_EXTENSION_APPROVE)) {
        static const field ext[] = {{"date", "延期决定日期", "date"}, {"told", "告知申请人日期（可空）", "date"}};
        action_form(r, id, "extend", "延长答复期限（第三十三条第二款，由负责人批准）", ext, N(ext));
    }
    static const field fee[] = {{"notice", "收费通知日期", "date"}, {"amount", "金额（元）", "text"}};
    action_form(r, id, "fee_notice", "发出收费通知", fee, N(fee));
    static const field paid[] = {{"paid", "缴费日期", "date"}};
    action_form(r, id, "fee_paid", "缴费", paid, N(paid));
    static const field reply[] = {{"date", "答复日期", "date"}, {"outcome", "办理结果", "outcome-reply"},
                                  {"ground", "依据（可空：该项的条款）", "text"}};
    action_form(r, id, "reply", "答复", reply, N(reply));
    static const field close[] = {{"date", "终止日期", "date"}, {"outcome", "其他处理", "outcome-close"},
                                  {"reason", "理由", "text"}};
    action_form(r, id, "close", "终止（其他处理）", close, N(close));
    static const field rem[] = {{"kind", "类别", REMEDY}, {"filed", "提起日期", "date"}};
    action_form(r, id, "remedy", "提起复议或诉讼", rem, N(rem));
    static const field remd[] = {{"kind", "类别", REMEDY}, {"decided", "审结日期", "date"},
                                 {"result", "结果", "select:upheld=结果维持|corrected=结果纠正|other=其他结果"}};
    action_form(r, id, "remedy_decided", "复议或诉讼审结", remd, N(remd));
    static const field edit[] = {{"subject", "申请内容", "text"}, {"name", "申请人", "text"},
                                 {"id_number", "证件号码", "text"}, {"contact", "联系方式", "text"},
                                 {"received", "收到日期", "date"}};
    action_form(r, id, "edit", "更正登记信息（只填要改的项）", edit, N(edit));
    static const field vo[] = {{"event", "作废第几项（0 为整件申请）", "number"}, {"reason", "理由", "text"}};
    action_form(r, id, "void", "作废", vo, N(vo));
    hb_raw(&r->out, "</div>\n");
}

/* ---- recording a fact ---------------------------------------------------------- */

static xxgk_date date_arg(req *r, const char *name)
{
    xxgk_date d = 0;
    xxgk_date_parse(arg(r, name), &d);
    return d;
}

static const char *opt_arg(req *r, const char *name)
{
    return *arg(r, name) ? arg(r, name) : NULL;
}

/* Records `action` on case id; XXGK_E_USAGE with a message on refusal. */
static xxgk_status record(req *r, int64_t id, const char *a, xxgk_error *err)
{
    xxgk_register *reg = r->h->reg;
    xxgk_party party = !strcmp(arg(r, "party"), "agency") ? XXGK_PARTY_AGENCY : XXGK_PARTY_THIRD;
    xxgk_remedy_kind kind = XXGK_REMEDY_REVIEW;
    xxgk_remedy_find(arg(r, "kind"), &kind);
    if (!strcmp(a, "correction_notice"))
        return xxgk_case_correction_notice(reg, id, date_arg(r, "notice"), date_arg(r, "until"), err);
    if (!strcmp(a, "corrected"))
        return xxgk_case_corrected(reg, id, date_arg(r, "received"), err);
    if (!strcmp(a, "consult"))
        return xxgk_case_consult(reg, id, party, opt_arg(r, "party_name"), date_arg(r, "sent"),
                                 date_arg(r, "delivered"), date_arg(r, "answered"), err);
    if (!strcmp(a, "consult_answered"))
        return xxgk_case_consult_answered(reg, id, party, date_arg(r, "answered"), err);
    if (!strcmp(a, "extend"))
        return xxgk_case_extend(reg, id, date_arg(r, "date"), r->user->name, date_arg(r, "told"),
                                err);
    if (!strcmp(a, "fee_notice")) {
        xxgk_decimal amount = {0, 0};
        if (!xxgk_decimal_parse(arg(r, "amount"), &amount))
            return (err->status = XXGK_E_USAGE,
                    snprintf(err->message, sizeof err->message, "金额须为数字"), XXGK_E_USAGE);
        return xxgk_case_fee_notice(reg, id, date_arg(r, "notice"), amount, err);
    }
    if (!strcmp(a, "fee_paid"))
        return xxgk_case_fee_paid(reg, id, date_arg(r, "paid"), err);
    if (!strcmp(a, "reply"))
        return xxgk_case_reply(reg, id, date_arg(r, "date"), arg(r, "outcome"), opt_arg(r, "ground"),
                               err);
    if (!strcmp(a, "close"))
        return xxgk_case_close(reg, id, date_arg(r, "date"), arg(r, "outcome"), opt_arg(r, "reason"),
                               err);
    if (!strcmp(a, "remedy"))
        return xxgk_case_remedy(reg, id, kind, date_arg(r, "filed"), err);
    if (!strcmp(a, "remedy_decided"))
        return xxgk_case_remedy_decided(reg, id, kind, date_arg(r, "decided"), arg(r, "result"),
                                        err);
    if (!strcmp(a, "void"))
        return xxgk_case_void(reg, id, arg_int(r, "event", 0), opt_arg(r, "reason"), err);
    if (!strcmp(a, "edit")) {
        xxgk_application c;
        memset(&c, 0, sizeof c);
        if (*arg(r, "received") && !xxgk_date_parse(arg(r, "received"), &c.received))
            return (err->status = XXGK_E_USAGE,
                    snprintf(err->message, sizeof err->message, "收到日期须为 YYYY-MM-DD"),
                    XXGK_E_USAGE);
        c.subject = opt_arg(r, "subject");
        c.name = opt_arg(r, "name");
        c.id_number = opt_arg(r, "id_number");
        c.contact = opt_arg(r, "contact");
        return xxgk_case_edit(reg, id, &c, false, false, err);
    }
    err->status = XXGK_E_USAGE;
    snprintf(err->message, sizeof err->message, "未知的办理事项");
    return XXGK_E_USAGE;
}

void page_case(req *r, int64_t id, const char *action)
{
    if (!need(r, XXGK_PERM_CASES_READ))
        return;
    xxgk_case *c = NULL;
    xxgk_error err = {0};
    if (xxgk_case_load(r->h->reg, id, srv_today(r), XXGK_CASE_EXPLAIN, &c, &err) != XXGK_OK) {
        respond_error(r, 404, "没有这件申请");
        return;
    }
    const xxgk_case_info *info = xxgk_case_info_of(c);
    if (!need_body(r, info->body)) {
        xxgk_case_free(c);
        return;
    }
    if (action) {
        xxgk_case_free(c);
        if (strcmp(r->method, "POST") != 0) {
            respond_error(r, 405, "请通过表单提交");
            return;
        }
        if (!need(r, XXGK_PERM_CASES_WRITE))
            return;
        if (!strcmp(action, "extend") && !need(r, XXGK_PERM_EXTENSION_APPROVE))
            return;
        xxgk_register_set_actor(r->h->reg, r->user->name);
        char obj[32];
        snprintf(obj, sizeof obj, "case/%lld", (long long)id);
        if (record(r, id, action, &err) != XXGK_OK) {
            audit(r, "case.refused", obj, err.message);
            respond_error(r, err.status == XXGK_E_IO ? 500 : 422, err.message);
            return;
        }
        char act[64];
        snprintf(act, sizeof act, "case.%s", action);
        audit(r, act, obj, "");
        respond_redirect(r, "/cases/%lld", (long long)id);
        return;
    }
    char title[160];
    snprintf(title, sizeof title, "申请 %s", info->serial);
    page_begin(r, title, false);
    hb_fmt(&r->out, "<p><a href=\"/cases?body=%U\">返回登记簿</a></p>\n", info->body);
    details(r, c);
    deadlines(r, c);
    history(r, c);
    if (xxgk_role_can(r->user->role, XXGK_PERM_CASES_WRITE) && !info->voided)
        fact_forms(r, id);
    page_end(r);
    xxgk_case_free(c);
}
