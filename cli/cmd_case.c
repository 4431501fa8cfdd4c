/*
 * cmd_case.c — `xxgk case`: the register of applications. This file
 * dispatches the subcommands, holds their help, and runs the ones that
 * record (add, edit, correct, consult, extend, fee, reply, close,
 * remedy, void); case_view.c reads, case_io.c imports and exports.
 */
#include <stdlib.h>
#include <string.h>

#include "case.h"

static const char case_usage[] =
    "用法 Usage: xxgk case <子命令> [--db 文件] [选项] ...\n"
    "\n"
    "政府信息公开申请登记簿：每件申请收到时登记，每个法定期限按工作日（含调休上班日）计算并逐日\n"
    "说明，年度报告的表二、表三、表四由登记簿直接生成。数据与 xxgk db 存于同一个 SQLite 文件。\n"
    "The register: every application recorded as it arrives, every statutory day computed\n"
    "and explained, tables 二–四 of the annual report produced by construction.\n"
    "\n"
    "登记 Recording (each prints what it did; nothing is ever deleted):\n"
    "  add --body 机关 --received 日期 --channel 方式 --applicant 类型 --subject 内容\n"
    "                        登记新申请，输出其编号 register an application, print its id\n"
    "  correct ID --notice 日期 [--until 日期]   一次性告知补正（第三十条）\n"
    "  correct ID --received 日期               收到补正后的申请：答复期限重新计算\n"
    "  consult ID --party third|agency --sent 日期 [--answered 日期]\n"
    "                        书面征求第三方或其他机关意见（所需时间不计入答复期限）\n"
    "  consult ID --party third|agency --answered 日期   登记对方的答复\n"
    "  extend ID --date 日期 --approver 姓名 [--told 日期]  延长答复期限20个工作日（一次）\n"
    "  fee ID --notice 日期 --amount 元 | fee ID --paid 日期   信息处理费的通知和缴纳\n"
    "  reply ID --date 日期 --outcome 结果 [--ground 依据]     答复（表三（一）至（五））\n"
    "  close ID --date 日期 --outcome 结果 [--reason 原因]     终止（表三（六）其他处理）\n"
    "  remedy ID --kind review|suit_direct|suit_after_review --filed 日期\n"
    "  remedy ID --kind … --decided 日期 --result upheld|corrected|other   表四\n"
    "  edit ID [--received 日期] [--channel …] [--applicant …] [--subject …] …  更正登记信息\n"
    "  void ID [--event N] --reason 原因        作废整件申请或其中一项记录\n"
    "\n"
    "查看 Reading:\n"
    "  show ID | history ID | explain ID      详情；每项变更（谁、何时、前后）；逐日计算期限\n"
    "  list [--body 机关] [--year 年度] [--state 状态] [--open] [--include-void]\n"
    "  due [--body 机关] [--on 日期] [--within 天数] [--format json]\n"
    "                        未办结的申请及其下一期限 open cases and their due dates\n"
    "  tables --body 机关 --year 年度          表二至表四，与 xxgk parse 输出相同的 JSON\n"
    "\n"
    "导入导出 In and out:\n"
    "  import 文件 --body 机关 [--map 字段=列名]... [--dry-run]   导入台账（CSV 或 XLSX）\n"
    "  export --to csv|xlsx [-o 文件]        导出登记簿（证件号码打码）\n"
    "  ics [--body 机关] [-o 文件]            各申请下一期限的日历文件（.ics）\n"
    "\n"
    "主动公开（表二）Proactive register:\n"
    "  doc add --body 机关 --kind rules|normative|other --title 标题 --made 日期\n"
    "          [--number 文号] [--published 日期] [--repealed 日期]\n"
    "  doc publish ID --date 日期 | doc repeal ID --date 日期 | doc void ID --reason 原因\n"
    "  doc list [--body 机关] [--year 年度]   列出文件并核对20个工作日内公开（第二十六条）\n"
    "  count --body 机关 --kind licensing|penalty|coercion|fees --period 期间 --value 数值\n"
    "                        期间：2024、2024-Q1、2024-H1、2024-03 或 2024-03-01..2024-03-31\n"
    "\n"
    "通用选项 Options:\n"
    "  --db 文件     数据库文件（默认 xxgk.db）\n"
    "  --by 姓名     操作人，记入每项变更（默认取环境变量 XXGK_USER 或 USER）\n"
    "  -h, --help    显示帮助（“xxgk case 子命令 --help”显示该子命令的选项）\n"
    "\n"
    "日期一律写作 YYYY-MM-DD。放假安排见 xxgk holidays list。\n"
    "退出状态：0 正常；1 登记被规则拒绝（理由见消息）、due 列出了逾期的申请、或导入有失败的行；\n"
    "2 用法错误、文件或数据库无法读写。\n";

/* ---- reporting what a recording did -------------------------------------- */

/* Loads case id; prints the reason and returns false when it cannot. */
static bool load(case_args *a, xxgk_register *reg, int64_t id, xxgk_case **c)
{
    xxgk_error err = {0};
    if (xxgk_case_load(reg, id, 0, 0, c, &err) != XXGK_OK) {
        cli_error(a->db, "%s", err.message);
        return false;
    }
    return true;
}

/* "申请 12（〔2024〕第0001号）：已答复；下一期限 …" */
static void print_state(xxgk_register *reg, int64_t id)
{
    xxgk_case *c = NULL;
    xxgk_error err = {0};
    if (xxgk_case_load(reg, id, 0, 0, &c, &err) != XXGK_OK)
        return;
    const xxgk_case_info *i = xxgk_case_info_of(c);
    const xxgk_deadline *next = xxgk_case_next_deadline(c);
    char d[11];
    printf("申请 %lld（%s）：%s", (long long)i->id, i->serial,
           i->voided ? "已作废" : xxgk_case_state_text(i->state));
    if (next && next->due)
        printf("；%s %s（%s）", next->label, xxgk_date_format(next->due, d, sizeof d),
               xxgk_deadline_status_text(next->status));
    else if (next && next->note)
        printf("；%s：%s", next->label, next->note);
    putchar('\n');
    xxgk_case_free(c);
}

/* Runs one recording on case `id` (which must exist): 0, 1 when the
 * register's rules refuse it, 2 on trouble. */
typedef xxgk_status (*record_fn)(xxgk_register *reg, int64_t id, void *ctx, xxgk_error *err);

static int run_record(case_args *a, int64_t id, record_fn fn, void *ctx)
{
    xxgk_register *reg = case_open(a, true);
    if (!reg)
        return EXIT_TROUBLE;
    xxgk_case *c = NULL;
    if (!load(a, reg, id, &c)) {
        xxgk_register_close(reg);
        return EXIT_TROUBLE;
    }
    xxgk_case_free(c);
    xxgk_error err = {0};
    int status = EXIT_CLEAN;
    if (fn(reg, id, ctx, &err) != XXGK_OK) {
        cli_error(a->db, "申请 %lld：%s", (long long)id, err.message);
        status = err.status == XXGK_E_USAGE ? EXIT_FINDINGS : EXIT_TROUBLE;
    } else {
        print_state(reg, id);
    }
    xxgk_register_close(reg);
    return cli_finish_stdout(status);
}

/* ---- add and edit ---------------------------------------------------------- */

static bool read_channel(case_args *a, xxgk_channel *out, bool *given)
{
    const char *v = case_arg(a, "--channel");
    *given = v != NULL;
    if (v && !xxgk_channel_find(v, out)) {
        cli_usage_error(a->cmd, "--channel “%s” 应为 当面、邮寄、平邮、网络、传真、电子邮件", v);
        return false;
    }
    return true;
}

static bool read_applicant(case_args *a, xxgk_applicant *out, bool *given)
{
    const char *v = case_arg(a, "--applicant");
    *given = v != NULL;
    if (v && !xxgk_applicant_find(v, out)) {
        cli_usage_error(a->cmd, "--applicant “%s” 应为 natural、business、research、nonprofit、"
                                "legal、other_org（或 自然人、商业企业 等）", v);
        return false;
    }
    return true;
}

static bool read_link(case_args *a, int64_t *out)
{
    const char *v = case_arg(a, "--link");
    *out = 0;
    if (!v)
        return true;
    char *end;
    long long n = strtoll(v, &end, 10);
    if (*end || n <= 0) {
        cli_usage_error(a->cmd, "--link 需要一件申请的编号");
        return false;
    }
    *out = n;
    return true;
}

static int sub_add(case_args *a)
{
    xxgk_application app = {0};
    bool ch, ap;
    app.body = case_arg(a, "--body");
    app.subject = case_arg(a, "--subject");
    app.name = case_arg(a, "--name");
    app.id_number = case_arg(a, "--id-number");
    app.contact = case_arg(a, "--contact");
    app.ledger_key = case_arg(a, "--ref");
    if (case_date(a, "--received", &app.received, true) < 0 || !read_channel(a, &app.channel, &ch) ||
        !read_applicant(a, &app.applicant, &ap) || !read_link(a, &app.linked))
        return EXIT_TROUBLE;
    if (!app.body || !*app.body)
        return cli_usage_error(a->cmd, "缺少 --body（受理申请的机关）");
    if (!ch)
        return cli_usage_error(a->cmd, "缺少 --channel（当面、邮寄、平邮、网络、传真、电子邮件）");
    if (!ap)
        return cli_usage_error(a->cmd, "缺少 --applicant（natural、business、research、nonprofit、"
                                       "legal、other_org）");
    if (!app.subject || !*app.subject)
        return cli_usage_error(a->cmd, "缺少 --subject（申请公开的信息）");
    int rc;
    xxgk_register *reg = case_begin(a, 0, true, &rc);
    if (!reg)
        return rc;
    xxgk_error err = {0};
    int64_t id = 0;
    int status = EXIT_CLEAN;
    if (xxgk_case_add(reg, &app, &id, &err) != XXGK_OK) {
        status = case_fail(a, &err, true);
    } else {
        printf("%lld\n", (long long)id);
        xxgk_case *c = NULL;
        if (xxgk_case_load(reg, id, 0, 0, &c, &err) == XXGK_OK) {
            const xxgk_deadline *d = xxgk_case_deadline(c, 0);
            if (d && d->status == XXGK_DUE_UNKNOWN)
                cli_error(a->db, "申请 %lld 已登记，但答复期限无法计算：%s", (long long)id, d->note);
            xxgk_case_free(c);
        }
    }
    xxgk_register_close(reg);
    return cli_finish_stdout(status);
}

typedef struct edit_ctx {
    xxgk_application app;
    bool channel, applicant;
} edit_ctx;

static xxgk_status do_edit(xxgk_register *reg, int64_t id, void *ctx, xxgk_error *err)
{
    edit_ctx *e = ctx;
    return xxgk_case_edit(reg, id, &e->app, e->channel, e->applicant, err);
}

static int sub_edit(case_args *a)
{
    int64_t id;
    edit_ctx e = {0};
    if (!case_id(a, &id) || case_date(a, "--received", &e.app.received, false) < 0 ||
        !read_channel(a, &e.app.channel, &e.channel) ||
        !read_applicant(a, &e.app.applicant, &e.applicant) || !read_link(a, &e.app.linked))
        return EXIT_TROUBLE;
    e.app.subject = case_arg(a, "--subject");
    e.app.name = case_arg(a, "--name");
    e.app.id_number = case_arg(a, "--id-number");
    e.app.contact = case_arg(a, "--contact");
    if (case_arg(a, "--body"))
        return cli_usage_error(a->cmd, "申请所属机关不能更改；登记错了机关请作废后重新登记");
    int rc = case_done(a);
    if (rc)
        return rc;
    if (!e.app.received && !e.channel && !e.applicant && !e.app.linked && !e.app.subject &&
        !e.app.name && !e.app.id_number && !e.app.contact)
        return cli_usage_error(a->cmd, "没有要更正的内容");
    return run_record(a, id, do_edit, &e);
}

/* ---- the events ---------------------------------------------------------- */

typedef struct event_ctx {
    int what;
    xxgk_date d1, d2, d3;
    const char *s1, *s2;
    int kind;
    xxgk_decimal amount;
    int event;
} event_ctx;

enum {
    E_NOTICE, E_CORRECTED, E_CONSULT, E_ANSWERED, E_EXTEND, E_FEE_NOTICE, E_FEE_PAID,
    E_REPLY, E_CLOSE, E_REMEDY, E_DECIDED, E_VOID
};

static xxgk_status do_event(xxgk_register *reg, int64_t id, void *ctx, xxgk_error *err)
{
    event_ctx *e = ctx;
    switch (e->what) {
    case E_NOTICE: return xxgk_case_correction_notice(reg, id, e->d1, e->d2, err);
    case E_CORRECTED: return xxgk_case_corrected(reg, id, e->d1, err);
    case E_CONSULT:
        return xxgk_case_consult(reg, id, (xxgk_party)e->kind, e->s1, e->d1, e->d2, e->d3, err);
    case E_ANSWERED: return xxgk_case_consult_answered(reg, id, (xxgk_party)e->kind, e->d1, err);
    case E_EXTEND: return xxgk_case_extend(reg, id, e->d1, e->s1, e->d2, err);
    case E_FEE_NOTICE: return xxgk_case_fee_notice(reg, id, e->d1, e->amount, err);
    case E_FEE_PAID: return xxgk_case_fee_paid(reg, id, e->d1, err);
    case E_REPLY: return xxgk_case_reply(reg, id, e->d1, e->s1, e->s2, err);
    case E_CLOSE: return xxgk_case_close(reg, id, e->d1, e->s1, e->s2, err);
    case E_REMEDY: return xxgk_case_remedy(reg, id, (xxgk_remedy_kind)e->kind, e->d1, err);
    case E_DECIDED:
        return xxgk_case_remedy_decided(reg, id, (xxgk_remedy_kind)e->kind, e->d1, e->s1, err);
    default: return xxgk_case_void(reg, id, e->event, e->s2, err);
    }
}

/* Finishes an event subcommand: no extra options or arguments, then run. */
static int finish_event(case_args *a, int64_t id, event_ctx *e)
{
    int rc = case_done(a);
    return rc ? rc : run_record(a, id, do_event, e);
}

static int sub_correct(case_args *a)
{
    int64_t id;
    event_ctx e = {0};
    xxgk_date notice, received;
    if (!case_id(a, &id) || case_date(a, "--notice", &notice, false) < 0 ||
        case_date(a, "--received", &received, false) < 0 || case_date(a, "--until", &e.d2, false) < 0)
        return EXIT_TROUBLE;
    if (!notice == !received)
        return cli_usage_error(a->cmd, "须给出 --notice（告知补正的日期）或 --received（收到补正申请的日期）之一");
    if (received && e.d2)
        return cli_usage_error(a->cmd, "--until 只用于告知补正（--notice）");
    e.what = notice ? E_NOTICE : E_CORRECTED;
    e.d1 = notice ? notice : received;
    return finish_event(a, id, &e);
}

static bool read_party(case_args *a, int *out)
{
    const char *v = case_arg(a, "--party");
    if (v && (!strcmp(v, "third") || !strcmp(v, "第三方")))
        *out = XXGK_PARTY_THIRD;
    else if (v && (!strcmp(v, "agency") || !strcmp(v, "其他机关")))
        *out = XXGK_PARTY_AGENCY;
    else {
        cli_usage_error(a->cmd, "--party 应为 third（第三方）或 agency（其他机关）");
        return false;
    }
    return true;
}

static int sub_consult(case_args *a)
{
    int64_t id;
    event_ctx e = {0};
    if (!case_id(a, &id) || !read_party(a, &e.kind) || case_date(a, "--sent", &e.d1, false) < 0 ||
        case_date(a, "--delivered", &e.d2, false) < 0 ||
        case_date(a, "--answered", &e.d3, false) < 0)
        return EXIT_TROUBLE;
    e.s1 = case_arg(a, "--name");
    if (!e.d1 && !e.d3)
        return cli_usage_error(a->cmd, "须给出 --sent（发出日期）或 --answered（收到答复的日期）");
    if (e.d1) {
        e.what = E_CONSULT;
    } else {
        if (e.d2 || e.s1)
            return cli_usage_error(a->cmd, "--delivered 和 --name 只用于发出征求意见（--sent）");
        e.what = E_ANSWERED;
        e.d1 = e.d3;
    }
    return finish_event(a, id, &e);
}

static int sub_extend(case_args *a)
{
    int64_t id;
    event_ctx e = {.what = E_EXTEND};
    if (!case_id(a, &id) || case_date(a, "--date", &e.d1, true) < 0 ||
        case_date(a, "--told", &e.d2, false) < 0)
        return EXIT_TROUBLE;
    e.s1 = case_arg(a, "--approver");
    if (!e.s1 || !*e.s1)
        return cli_usage_error(a->cmd, "缺少 --approver（同意延期的政府信息公开工作机构负责人）");
    return finish_event(a, id, &e);
}

static int sub_fee(case_args *a)
{
    int64_t id;
    event_ctx e = {0};
    xxgk_date notice, paid;
    if (!case_id(a, &id) || case_date(a, "--notice", &notice, false) < 0 ||
        case_date(a, "--paid", &paid, false) < 0)
        return EXIT_TROUBLE;
    const char *amount = case_arg(a, "--amount");
    if (!notice == !paid)
        return cli_usage_error(a->cmd, "须给出 --notice（收费通知日期）或 --paid（缴费日期）之一");
    if (notice && (!amount || !xxgk_decimal_parse(amount, &e.amount)))
        return cli_usage_error(a->cmd, "收费通知须给出 --amount（金额，元）");
    if (paid && amount)
        return cli_usage_error(a->cmd, "--amount 只用于收费通知（--notice）");
    e.what = notice ? E_FEE_NOTICE : E_FEE_PAID;
    e.d1 = notice ? notice : paid;
    return finish_event(a, id, &e);
}

static int sub_reply_close(case_args *a, bool reply)
{
    int64_t id;
    event_ctx e = {.what = reply ? E_REPLY : E_CLOSE};
    if (!case_id(a, &id) || case_date(a, "--date", &e.d1, true) < 0)
        return EXIT_TROUBLE;
    e.s1 = case_arg(a, "--outcome");
    e.s2 = case_arg(a, reply ? "--ground" : "--reason");
    if (!e.s1 || !*e.s1)
        return cli_usage_error(a->cmd, reply ? "缺少 --outcome（表三的行，如 granted、partial、"
                                               "denied_secret、unable_not_held）"
                                             : "缺少 --outcome（other_no_correction、other_no_fee、"
                                               "other_misc；2019、2020年为 other）");
    return finish_event(a, id, &e);
}

static int sub_reply(case_args *a)
{
    return sub_reply_close(a, true);
}

static int sub_close(case_args *a)
{
    return sub_reply_close(a, false);
}

static int sub_remedy(case_args *a)
{
    int64_t id;
    event_ctx e = {0};
    xxgk_date filed, decided;
    if (!case_id(a, &id) || case_date(a, "--filed", &filed, false) < 0 ||
        case_date(a, "--decided", &decided, false) < 0)
        return EXIT_TROUBLE;
    const char *kind = case_arg(a, "--kind");
    xxgk_remedy_kind k;
    if (!kind || !xxgk_remedy_find(kind, &k))
        return cli_usage_error(a->cmd, "--kind 应为 review（行政复议）、suit_direct（直接起诉）或 "
                                       "suit_after_review（复议后起诉）");
    e.kind = (int)k;
    e.s1 = case_arg(a, "--result");
    if (!filed == !decided)
        return cli_usage_error(a->cmd, "须给出 --filed（提起日期）或 --decided（审结日期）之一");
    if (decided && !e.s1)
        return cli_usage_error(a->cmd, "审结须给出 --result upheld|corrected|other");
    e.what = filed ? E_REMEDY : E_DECIDED;
    e.d1 = filed ? filed : decided;
    return finish_event(a, id, &e);
}

static int sub_void(case_args *a)
{
    int64_t id;
    event_ctx e = {.what = E_VOID};
    if (!case_id(a, &id))
        return EXIT_TROUBLE;
    const char *ev = case_arg(a, "--event");
    if (ev) {
        char *end;
        long n = strtol(ev, &end, 10);
        if (*end || n < 1)
            return cli_usage_error(a->cmd, "--event 需要记录的序号（xxgk case history 的第一列）");
        e.event = (int)n;
    }
    e.s2 = case_arg(a, "--reason");
    if (!e.s2 || !*e.s2)
        return cli_usage_error(a->cmd, "缺少 --reason（作废的原因）");
    return finish_event(a, id, &e);
}

/* ---- dispatch -------------------------------------------------------------- */

static const struct {
    const char *name;
    int (*fn)(case_args *a);
    const char *usage;
} subcommands[] = {
    {"add", sub_add,
     "xxgk case add --body 机关 --received 日期 --channel 方式 --applicant 类型 --subject 内容\n"
     "              [--name 申请人] [--id-number 证件号码] [--contact 联系方式] [--link 编号]\n"
     "              [--ref 台账编号]\n"
     "登记一件申请，输出其编号。--received 为第三十一条规定的收到申请之日：当面提交为提交之日，\n"
     "邮寄为签收之日，平邮为与申请人确认之日，网络、传真、电子邮件为双方确认之日。\n"
     "--channel 当面|邮寄|平邮|网络|传真|电子邮件\n"
     "--applicant natural|business|research|nonprofit|legal|other_org（表三的六栏）\n"
     "--link 同一申请人此前的另一件申请。证件号码在一切列表和导出中打码。\n"},
    {"edit", sub_edit,
     "xxgk case edit ID [--received 日期] [--channel 方式] [--applicant 类型] [--subject 内容]\n"
     "               [--name …] [--id-number …] [--contact …] [--link 编号]\n"
     "更正登记信息；前后的值都记入变更记录。\n"},
    {"correct", sub_correct,
     "xxgk case correct ID --notice 日期 [--until 日期]\n"
     "xxgk case correct ID --received 日期\n"
     "告知补正（收到申请后7个工作日内一次性告知，第三十条），--until 为告知书给出的补正期限\n"
     "（未给出时按15个工作日计）；收到补正后的申请后，答复期限自该日重新计算。\n"},
    {"consult", sub_consult,
     "xxgk case consult ID --party third|agency --sent 日期 [--delivered 日期] [--name 对象]\n"
     "                     [--answered 日期]\n"
     "xxgk case consult ID --party third|agency --answered 日期\n"
     "书面征求第三方（第三十二条）或其他机关（第三十四条）意见：对方15个工作日内答复，征求意见\n"
     "的时间不计入答复期限（第三十三条第三款）。\n"},
    {"extend", sub_extend,
     "xxgk case extend ID --date 日期 --approver 姓名 [--told 日期]\n"
     "经政府信息公开工作机构负责人同意延长答复期限20个工作日（第三十三条第二款），只能一次，\n"
     "须在原答复期限届满前决定；--told 为告知申请人的日期。\n"},
    {"fee", sub_fee,
     "xxgk case fee ID --notice 日期 --amount 元\n"
     "xxgk case fee ID --paid 日期\n"
     "信息处理费（国办函〔2020〕109号）：收费通知在答复期限内发出，申请人20个工作日内缴纳。\n"},
    {"reply", sub_reply,
     "xxgk case reply ID --date 日期 --outcome 结果 [--ground 依据]\n"
     "答复。结果为表三的行（见 xxgk case --help 末尾），不予公开须写明具体理由。\n"},
    {"close", sub_close,
     "xxgk case close ID --date 日期 --outcome 结果 [--reason 原因]\n"
     "不再处理而终止（表三（六）其他处理）：other_no_correction 须在补正期限届满后，\n"
     "other_no_fee 须在缴费期限届满后；other_misc（2019、2020年为 other）须写明原因。\n"},
    {"remedy", sub_remedy,
     "xxgk case remedy ID --kind review|suit_direct|suit_after_review --filed 日期\n"
     "xxgk case remedy ID --kind … --decided 日期 --result upheld|corrected|other\n"
     "行政复议、行政诉讼（表四）。\n"},
    {"void", sub_void,
     "xxgk case void ID --reason 原因 [--event N]\n"
     "作废整件申请（不计入任何统计），或其第 N 项记录（xxgk case history 的序号）。\n"
     "不删除任何内容：作废也是一项记录。\n"},
    {"show", case_show, "xxgk case show ID [--format json]\n申请的详情、各项期限和变更记录。\n"},
    {"history", case_history,
     "xxgk case history ID [--format json]\n每项变更：序号、时间、操作人、内容、前后状态。\n"},
    {"explain", case_explain,
     "xxgk case explain ID\n逐日列出每个期限计入和不计入的日子及原因（周末、法定节假日、调休上班、暂停计算）。\n"},
    {"list", case_list,
     "xxgk case list [--body 机关] [--year 年度] [--state 状态] [--open] [--include-void]\n"
     "          [--format json]\n"},
    {"due", case_due,
     "xxgk case due [--body 机关] [--on 日期] [--within 天数] [--format json]\n"
     "未办结的申请及其下一期限，按期限排序；--within N 只列 --on 日期（默认今天）后 N 天内到期\n"
     "和已逾期的。有逾期的申请时退出状态为 1。\n"},
    {"tables", case_tables,
     "xxgk case tables --body 机关 --year 年度\n"
     "按年度格式生成表二、表三、表四（与 xxgk parse 相同的 JSON），各项勾稽关系必然成立。\n"},
    {"import", case_import, NULL},
    {"export", case_export,
     "xxgk case export --to csv|xlsx [-o 文件] [-f] [--body 机关] [--year 年度] [--include-void]\n"
     "每件申请一行；CSV 带 UTF-8 BOM；证件号码打码。列名与台账导入相同，可再导入。\n"},
    {"ics", case_ics, "xxgk case ics [--body 机关] [-o 文件] [-f]\n各未办结申请下一期限的日历（iCalendar）。\n"},
    {"doc", case_doc, NULL},
    {"count", case_count,
     "xxgk case count --body 机关 --kind licensing|penalty|coercion|fees --period 期间 --value 数值\n"
     "登记某期间的行政许可、处罚、强制决定数量，或行政事业性收费金额（万元）；表二按年汇总。\n"
     "期间：2024、2024-Q1、2024-H2、2024-03 或 2024-03-01..2024-03-31；同一期间再次登记即更正。\n"},
};

/* The outcome keys with their labels, for the help. */
static void print_outcomes(void)
{
    printf("\n办理结果 --outcome（表三的行）:\n");
    for (size_t i = 0; i < xxgk_outcome_count(); i++) {
        const char *k = xxgk_outcome_key_at(i);
        printf("  %-22s %s\n", k, xxgk_outcome_label(k));
    }
}

int case_import_usage(void);
int case_doc_usage(void);

int cmd_case(int argc, char **argv)
{
    if (argc < 2)
        return cli_usage_error("case", "没有给出子命令（add、reply、due、explain、tables …）");
    const char *sub = argv[1];
    if (!strcmp(sub, "-h") || !strcmp(sub, "--help")) {
        fputs(case_usage, stdout);
        print_outcomes();
        return cli_finish_stdout(EXIT_CLEAN);
    }
    for (size_t k = 0; k < sizeof subcommands / sizeof subcommands[0]; k++) {
        if (strcmp(sub, subcommands[k].name) != 0)
            continue;
        char cmd[32];
        snprintf(cmd, sizeof cmd, "case %s", sub);
        static case_args a; /* large; one per process */
        int rc = case_parse(&a, cmd, argc - 1, argv + 1);
        if (rc >= 0)
            return rc;
        if (a.help && subcommands[k].usage) {
            printf("用法 Usage: %s", subcommands[k].usage);
            printf("\n通用选项：--db 文件（默认 xxgk.db）；--by 操作人。\n");
            if (!strcmp(sub, "reply") || !strcmp(sub, "close"))
                print_outcomes();
            return cli_finish_stdout(EXIT_CLEAN);
        }
        if (a.help)
            return !strcmp(sub, "import") ? case_import_usage() : case_doc_usage();
        return subcommands[k].fn(&a);
    }
    return cli_usage_error("case", "未知子命令 “%s”", sub);
}
