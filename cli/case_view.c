/*
 * case_view.c — `xxgk case` subcommands that read: show, history,
 * explain (every day of every deadline, counted or skipped and why),
 * list, due, and tables (the model JSON of `xxgk parse`).
 */
#include <stdlib.h>
#include <string.h>

#include "case.h"

static const char *const weekdays[] = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};

static const char *ds(xxgk_date d, char *buf)
{
    return xxgk_date_format(d, buf, 11);
}

/* --format: text (default) or json; -1 after a usage error. */
static int format_json(case_args *a)
{
    const char *f = case_arg(a, "--format");
    if (!f || !strcmp(f, "text"))
        return 0;
    if (!strcmp(f, "json"))
        return 1;
    cli_usage_error(a->cmd, "--format 应为 text 或 json");
    return -1;
}

/* Opens the register read-only and loads case id. */
static int open_case(case_args *a, int flags, xxgk_register **reg, xxgk_case **c, int *json)
{
    int64_t id;
    *reg = NULL;
    *c = NULL;
    if (!case_id(a, &id) || (*json = format_json(a)) < 0)
        return EXIT_TROUBLE;
    int rc;
    if (!(*reg = case_begin(a, 1, false, &rc)))
        return rc;
    xxgk_error err = {0};
    if (xxgk_case_load(*reg, id, 0, flags, c, &err) != XXGK_OK) {
        cli_error(a->db, "%s", err.message);
        xxgk_register_close(*reg);
        *reg = NULL;
        return EXIT_TROUBLE;
    }
    return -1;
}

static void print_deadline_line(const xxgk_deadline *d)
{
    char s[11], u[11], m[11];
    printf("  %s（%s）：自 %s 起", d->label, d->basis, ds(d->start, s));
    if (d->days)
        printf("计 %d 个工作日", d->days);
    if (d->due)
        printf("，到期 %s", ds(d->due, u));
    printf("；%s", xxgk_deadline_status_text(d->status));
    if (d->done)
        printf("（%s 完成）", ds(d->done, m));
    if (d->note)
        printf("。%s", d->note);
    putchar('\n');
}

static void json_deadline(FILE *out, const xxgk_deadline *d)
{
    fprintf(out, "{\"kind\":%d,\"label\":", (int)d->kind);
    json_text(out, d->label);
    fputs(",\"basis\":", out);
    json_text(out, d->basis);
    fputs(",\"start\":", out);
    json_date(out, d->start);
    fprintf(out, ",\"days\":%d,\"due\":", d->days);
    json_date(out, d->due);
    fputs(",\"done\":", out);
    json_date(out, d->done);
    fprintf(out, ",\"status\":\"%s\",\"note\":", xxgk_deadline_status_key(d->status));
    json_text(out, d->note);
    fputc('}', out);
}

/* ---- show ------------------------------------------------------------------- */

static void show_text(const xxgk_case *c)
{
    const xxgk_case_info *i = xxgk_case_info_of(c);
    char a[11], b[11], d[11];
    printf("申请 %lld　%s　%s\n", (long long)i->id, i->serial, i->body);
    printf("状态：%s%s%s\n", i->voided ? "已作废，原因：" : xxgk_case_state_text(i->state),
           i->voided ? i->void_reason : "", "");
    printf("收到：%s（%s）。%s\n", ds(i->received, a), xxgk_channel_name(i->channel),
           xxgk_channel_rule(i->channel));
    printf("申请人：%s", xxgk_applicant_label(i->applicant));
    if (i->name)
        printf("　%s", i->name);
    if (i->id_masked)
        printf("　证件号码 %s", i->id_masked);
    if (i->contact)
        printf("　联系方式 %s", i->contact);
    printf("\n申请内容：%s\n", i->subject ? i->subject : "");
    if (i->linked)
        printf("关联申请：%lld\n", (long long)i->linked);
    if (i->ledger_key)
        printf("台账编号：%s\n", i->ledger_key);
    if (i->correction_notice)
        printf("补正：%s 告知%s%s%s%s\n", ds(i->correction_notice, a),
               i->correction_until ? "，期限至 " : "", i->correction_until ? ds(i->correction_until, b) : "",
               i->corrected ? "；收到补正申请 " : "；尚未补正", i->corrected ? ds(i->corrected, d) : "");
    for (size_t k = 0; k < i->nconsultations; k++) {
        const xxgk_consultation *q = &i->consultations[k];
        printf("征求意见：%s%s%s%s，%s 发出", q->party == XXGK_PARTY_AGENCY ? "其他机关" : "第三方",
               q->party_name ? "（" : "", q->party_name ? q->party_name : "",
               q->party_name ? "）" : "", ds(q->sent, a));
        if (q->delivered)
            printf("，%s 收到", ds(q->delivered, b));
        printf(q->answered ? "，%s 答复\n" : "，尚未答复\n", ds(q->answered, d));
    }
    if (i->extended)
        printf("延期：%s，批准人 %s%s%s\n", ds(i->extended, a), i->approver ? i->approver : "",
               i->extension_told ? "，告知申请人 " : "",
               i->extension_told ? ds(i->extension_told, b) : "");
    if (i->fee_notice) {
        char amount[48];
        printf("收费：%s 通知，%s 元，%s%s\n", ds(i->fee_notice, a),
               xxgk_decimal_format(i->fee_amount, amount, sizeof amount),
               i->fee_paid ? "缴费 " : "尚未缴费", i->fee_paid ? ds(i->fee_paid, b) : "");
    }
    if (i->closed)
        printf("%s：%s　%s（%s）\n", i->state == XXGK_CASE_REPLIED ? "答复" : "终止",
               ds(i->closed, a), xxgk_outcome_label(i->outcome), i->ground ? i->ground : "");
    for (size_t k = 0; k < i->nremedies; k++) {
        const xxgk_remedy *r = &i->remedies[k];
        static const char *const kinds[] = {"行政复议", "行政诉讼（直接起诉）", "行政诉讼（复议后起诉）"};
        printf("%s：%s 提起%s%s%s\n", kinds[r->kind % 3], ds(r->filed, a),
               r->decided ? "，" : "，尚未审结", r->decided ? ds(r->decided, b) : "",
               r->result ? (strcmp(r->result, "upheld") == 0 ? " 结果维持"
                            : strcmp(r->result, "corrected") == 0 ? " 结果纠正"
                                                                   : " 其他结果")
                         : "");
    }
    if (xxgk_case_deadline_count(c))
        printf("期限：\n");
    for (size_t k = 0; k < xxgk_case_deadline_count(c); k++)
        print_deadline_line(xxgk_case_deadline(c, k));
    printf("变更记录：%zu 项（xxgk case history %lld）\n", xxgk_case_event_count(c),
           (long long)i->id);
}

static void json_info(FILE *out, const xxgk_case *c)
{
    const xxgk_case_info *i = xxgk_case_info_of(c);
    fprintf(out, "{\"id\":%lld,\"serial\":", (long long)i->id);
    json_text(out, i->serial);
    fputs(",\"body\":", out);
    json_text(out, i->body);
    fputs(",\"received\":", out);
    json_date(out, i->received);
    fprintf(out, ",\"channel\":\"%s\",\"applicant\":\"%s\",\"subject\":",
            xxgk_channel_name(i->channel), xxgk_applicant_key(i->applicant));
    json_text(out, i->subject);
    fputs(",\"name\":", out);
    json_text(out, i->name);
    fputs(",\"id_number\":", out);
    json_text(out, i->id_masked);
    fprintf(out, ",\"state\":\"%s\",\"voided\":%s,\"closed\":", xxgk_case_state_key(i->state),
            i->voided ? "true" : "false");
    json_date(out, i->closed);
    fputs(",\"outcome\":", out);
    json_text(out, i->outcome);
    fputs(",\"deadlines\":[", out);
    for (size_t k = 0; k < xxgk_case_deadline_count(c); k++) {
        if (k)
            fputc(',', out);
        json_deadline(out, xxgk_case_deadline(c, k));
    }
    fputs("]}", out);
}

int case_show(case_args *a)
{
    xxgk_register *reg;
    xxgk_case *c;
    int json, rc = open_case(a, 0, &reg, &c, &json);
    if (rc >= 0)
        return rc;
    if (json) {
        json_info(stdout, c);
        putchar('\n');
    } else {
        show_text(c);
    }
    xxgk_case_free(c);
    xxgk_register_close(reg);
    return cli_finish_stdout(EXIT_CLEAN);
}

/* ---- history ------------------------------------------------------------------ */

int case_history(case_args *a)
{
    xxgk_register *reg;
    xxgk_case *c;
    int json, rc = open_case(a, 0, &reg, &c, &json);
    if (rc >= 0)
        return rc;
    if (json)
        putchar('[');
    for (size_t k = 0; k < xxgk_case_event_count(c); k++) {
        const xxgk_case_event *e = xxgk_case_event_at(c, k);
        char d[11];
        if (json) {
            fprintf(stdout, "%s{\"seq\":%d,\"kind\":\"%s\",\"date\":", k ? "," : "", e->seq, e->kind);
            json_date(stdout, e->date);
            fputs(",\"who\":", stdout);
            json_text(stdout, e->who);
            fputs(",\"at\":", stdout);
            json_text(stdout, e->at);
            fputs(",\"summary\":", stdout);
            json_text(stdout, e->summary);
            printf(",\"before\":%s,\"after\":%s,\"voided\":%s,\"void_reason\":",
                   e->before ? e->before : "null", e->after ? e->after : "null",
                   e->voided ? "true" : "false");
            json_text(stdout, e->void_reason);
            putchar('}');
            continue;
        }
        printf("%3d  %s  %s  %s%s%s  %s%s%s%s\n", e->seq, e->at, e->who, e->title,
               e->date ? " " : "", e->date ? ds(e->date, d) : "", e->summary,
               e->voided ? "〔已作废：" : "", e->voided && e->void_reason ? e->void_reason : "",
               e->voided ? "〕" : "");
        printf("     变更前 %s\n     变更后 %s\n", e->before ? e->before : "（新登记）",
               e->after ? e->after : "{}");
    }
    if (json)
        puts("]");
    xxgk_case_free(c);
    xxgk_register_close(reg);
    return cli_finish_stdout(EXIT_CLEAN);
}

/* ---- explain ---------------------------------------------------------------- */

static void explain_day(const xxgk_counted_day *d, bool last)
{
    char b[11];
    printf("    %s %s  ", ds(d->date, b), weekdays[xxgk_date_weekday(d->date)]);
    switch (d->reason) {
    case XXGK_COUNT_START:
        printf("起算      %s", d->why ? d->why : "");
        break;
    case XXGK_COUNT_WORKDAY:
        printf("第 %2d 日  工作日", d->count);
        break;
    case XXGK_COUNT_MAKEUP:
        printf("第 %2d 日  调休上班（周末上班，计入）", d->count);
        break;
    case XXGK_SKIP_WEEKEND:
        printf("不计      %s", d->why && strcmp(d->why, "周末") ? d->why : "周末");
        break;
    case XXGK_SKIP_HOLIDAY:
        printf("不计      法定节假日：%s", d->why ? d->why : "");
        break;
    case XXGK_SKIP_PAUSED:
        printf("不计      暂停计算：%s", d->why ? d->why : "");
        break;
    case XXGK_SKIP_UNKNOWN:
        printf("无法计算  该年放假安排尚未导入");
        break;
    }
    if (last && (d->reason == XXGK_COUNT_WORKDAY || d->reason == XXGK_COUNT_MAKEUP))
        printf("  ← 期限届满");
    putchar('\n');
}

int case_explain(case_args *a)
{
    xxgk_register *reg;
    xxgk_case *c;
    int json, rc = open_case(a, XXGK_CASE_EXPLAIN, &reg, &c, &json);
    if (rc >= 0)
        return rc;
    const xxgk_case_info *i = xxgk_case_info_of(c);
    if (!json)
        printf("申请 %lld（%s）：%s\n", (long long)i->id, i->serial,
               i->voided ? "已作废，不计算期限" : xxgk_case_state_text(i->state));
    else
        printf("{\"id\":%lld,\"deadlines\":[", (long long)i->id);
    for (size_t k = 0; k < xxgk_case_deadline_count(c); k++) {
        const xxgk_deadline *d = xxgk_case_deadline(c, k);
        size_t n = 0;
        const xxgk_counted_day *days = xxgk_case_explain(c, k, &n);
        if (json) {
            printf("%s{\"deadline\":", k ? "," : "");
            json_deadline(stdout, d);
            printf(",\"days\":[");
            for (size_t j = 0; j < n; j++) {
                static const char *const reasons[] = {"start", "workday", "makeup", "weekend",
                                                      "holiday", "paused", "unknown"};
                printf("%s{\"date\":", j ? "," : "");
                json_date(stdout, days[j].date);
                printf(",\"reason\":\"%s\",\"count\":%d,\"why\":", reasons[days[j].reason],
                       days[j].count);
                json_text(stdout, days[j].why);
                putchar('}');
            }
            printf("]}");
            continue;
        }
        putchar('\n');
        print_deadline_line(d);
        for (size_t j = 0; j < n; j++)
            explain_day(&days[j], j + 1 == n && d->due == days[j].date);
    }
    if (json)
        puts("]}");
    xxgk_case_free(c);
    xxgk_register_close(reg);
    return cli_finish_stdout(EXIT_CLEAN);
}

/* ---- list ---------------------------------------------------------------------- */

typedef struct list_ctx {
    bool json;
    size_t n;
} list_ctx;

static int list_one(void *ctx, const xxgk_case *c)
{
    list_ctx *l = ctx;
    const xxgk_case_info *i = xxgk_case_info_of(c);
    if (l->json) {
        if (l->n++)
            putchar(',');
        json_info(stdout, c);
        return 0;
    }
    l->n++;
    char r[11], d[11];
    const xxgk_deadline *next = xxgk_case_next_deadline(c);
    printf("%lld\t%s\t%s\t%s\t%s\t", (long long)i->id, i->serial, ds(i->received, r),
           xxgk_applicant_label(i->applicant),
           i->voided ? "已作废" : xxgk_case_state_text(i->state));
    if (i->closed)
        printf("%s %s", ds(i->closed, d), i->outcome);
    else if (next && next->due)
        printf("%s %s", next->label, ds(next->due, d));
    else if (next)
        printf("%s %s", next->label, xxgk_deadline_status_text(next->status));
    printf("\t%s\n", i->subject ? i->subject : "");
    return 0;
}

static bool read_state(case_args *a, int *state)
{
    const char *v = case_arg(a, "--state");
    *state = -1;
    for (int s = 0; v && s < XXGK_CASE_STATE_COUNT; s++)
        if (!strcmp(v, xxgk_case_state_key((xxgk_case_state)s)) ||
            !strcmp(v, xxgk_case_state_text((xxgk_case_state)s)))
            *state = s;
    if (v && *state < 0) {
        cli_usage_error(a->cmd, "--state 应为 received、awaiting_correction、in_progress、"
                                "consulting、awaiting_fee、replied、closed");
        return false;
    }
    return true;
}

/* --year as a number, 0 when absent; false after a usage error. */
static bool read_year(case_args *a, int *year, bool required)
{
    const char *v = case_arg(a, "--year");
    *year = 0;
    if (!v && !required)
        return true;
    char *end;
    long y = v ? strtol(v, &end, 10) : 0;
    if (!v || *end || y < 2000 || y > 2999) {
        cli_usage_error(a->cmd, required && !v ? "缺少 --year（年度）" : "--year 应为年度，如 2024");
        return false;
    }
    *year = (int)y;
    return true;
}

int case_list(case_args *a)
{
    xxgk_case_filter f = {case_arg(a, "--body"), 0, -1, case_flag(a, "--open"),
                          case_flag(a, "--include-void")};
    int json = format_json(a);
    if (json < 0 || !read_state(a, &f.state) || !read_year(a, &f.year, false))
        return EXIT_TROUBLE;
    int rc;
    xxgk_register *reg = case_begin(a, 0, false, &rc);
    if (!reg)
        return rc;
    list_ctx l = {json == 1, 0};
    if (l.json)
        putchar('[');
    else
        printf("编号\t文号\t收到日期\t申请人\t状态\t结果或期限\t申请内容\n");
    xxgk_error err = {0};
    int status = EXIT_CLEAN;
    if (xxgk_register_each(reg, &f, 0, list_one, &l, &err) != XXGK_OK)
        status = case_fail(a, &err, false);
    if (l.json)
        puts("]");
    xxgk_register_close(reg);
    return cli_finish_stdout(status);
}

/* ---- due ------------------------------------------------------------------------ */

int case_due(case_args *a)
{
    xxgk_date on = 0;
    int json = format_json(a);
    if (json < 0 || case_date(a, "--on", &on, false) < 0)
        return EXIT_TROUBLE;
    const char *w = case_arg(a, "--within");
    int within = -1;
    if (w) {
        char *end;
        long n = strtol(w, &end, 10);
        if (*end || n < 0 || n > 3650)
            return cli_usage_error(a->cmd, "--within 应为天数（0 到 3650）");
        within = (int)n;
    }
    const char *body = case_arg(a, "--body");
    int rc;
    xxgk_register *reg = case_begin(a, 0, false, &rc);
    if (!reg)
        return rc;
    if (!on)
        on = xxgk_register_today(reg);
    xxgk_due_item *items = NULL;
    size_t n = 0;
    xxgk_error err = {0};
    int status = EXIT_CLEAN;
    if (xxgk_register_due(reg, body, on, within, &items, &n, &err) != XXGK_OK) {
        status = case_fail(a, &err, false);
        xxgk_register_close(reg);
        return status;
    }
    if (json)
        putchar('[');
    else
        printf("编号\t文号\t状态\t期限\t到期日\t剩余\t机关\t申请内容\n");
    for (size_t i = 0; i < n; i++) {
        const xxgk_due_item *it = &items[i];
        if (it->next.status == XXGK_DUE_OVERDUE)
            status = EXIT_FINDINGS;
        if (json) {
            printf("%s{\"id\":%lld,\"serial\":", i ? "," : "", (long long)it->id);
            json_text(stdout, it->serial);
            fputs(",\"body\":", stdout);
            json_text(stdout, it->body);
            fputs(",\"subject\":", stdout);
            json_text(stdout, it->subject);
            printf(",\"state\":\"%s\",\"due\":", xxgk_case_state_key(it->state));
            json_date(stdout, it->next.due);
            fputs(",\"next\":", stdout);
            json_deadline(stdout, &it->next);
            fputs(",\"reply\":", stdout);
            json_deadline(stdout, &it->reply);
            putchar('}');
            continue;
        }
        char d[11], left[64];
        if (!it->next.due)
            snprintf(left, sizeof left, "%s", xxgk_deadline_status_text(it->next.status));
        else if (it->next.due >= on)
            snprintf(left, sizeof left, "%d 天", (int)(it->next.due - on));
        else
            snprintf(left, sizeof left, "逾期 %d 天", (int)(on - it->next.due));
        printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", (long long)it->id, it->serial,
               xxgk_case_state_text(it->state), it->next.label,
               it->next.due ? ds(it->next.due, d) : "-", left, it->body,
               it->subject ? it->subject : "");
    }
    if (json)
        puts("]");
    xxgk_due_free(items, n);
    xxgk_register_close(reg);
    return cli_finish_stdout(status);
}

/* ---- tables ------------------------------------------------------------------------ */

int case_tables(case_args *a)
{
    const char *body = case_arg(a, "--body");
    int year;
    if (!read_year(a, &year, true))
        return EXIT_TROUBLE;
    if (!body || !*body)
        return cli_usage_error(a->cmd, "缺少 --body（机关名称，与登记时相同）");
    int rc;
    xxgk_register *reg = case_begin(a, 0, false, &rc);
    if (!reg)
        return rc;
    xxgk_report *r = NULL;
    xxgk_error err = {0};
    int status = EXIT_CLEAN;
    if (xxgk_register_tables(reg, body, year, &r, &err) != XXGK_OK)
        status = case_fail(a, &err, false);
    else if (xxgk_report_write_json(r, stdout) < 0)
        status = EXIT_TROUBLE;
    xxgk_report_free(r);
    xxgk_register_close(reg);
    return cli_finish_stdout(status);
}
