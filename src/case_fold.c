/*
 * case_fold.c — a case as its events make it, and whether an event may
 * be recorded.
 *
 * The state is not stored anywhere: it is a function of the facts
 * (derive_state). Recording an event checks, in this order, the guards
 * of its kind (the table `guards`: a predicate and the Chinese message
 * of its refusal), the transitions (the table `transitions`: the states
 * an event may follow), then applies its facts to a copy and checks that
 * the dates still follow each other (the table `orders`), so the case
 * is never left half-changed.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "input.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define S(x) (1u << XXGK_CASE_##x)
#define OPEN_STATES (S(RECEIVED) | S(AWAITING_CORRECTION) | S(IN_PROGRESS) | S(CONSULTING) | \
                     S(AWAITING_FEE))

static const char *dstr(xxgk_date d, char *buf)
{
    return xxgk_date_format(d, buf, 11);
}

static const char *copy(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

const char *case_mask_id(arena *a, const char *id)
{
    if (!id)
        return NULL;
    size_t cps = 0;
    for (const char *p = id; *p; p++)
        cps += ((unsigned char)*p & 0xC0) != 0x80;
    size_t keep_head = cps > 7 ? 3 : 1, keep_tail = cps > 7 ? 4 : 1;
    if (cps <= 2)
        keep_head = keep_tail = 0;
    char *out = arena_alloc(a, strlen(id) + cps + 1);
    if (!out)
        return NULL;
    size_t o = 0, cp = 0;
    for (const char *p = id; *p;) {
        size_t len = 1;
        while (p[len] && ((unsigned char)p[len] & 0xC0) == 0x80)
            len++;
        if (cp < keep_head || cp >= cps - keep_tail) {
            memcpy(out + o, p, len);
            o += len;
        } else {
            out[o++] = '*';
        }
        p += len;
        cp++;
    }
    out[o] = '\0';
    return out;
}

void case_init(case_state *c, arena *a, int64_t id, const char *body, int year, int serial,
               const char *ledger_key)
{
    memset(c, 0, sizeof *c);
    c->a = a;
    c->info.id = id;
    c->info.body = copy(a, body);
    char buf[64];
    snprintf(buf, sizeof buf, "〔%d〕第%04d号", year, serial);
    c->info.serial = copy(a, buf);
    c->info.ledger_key = copy(a, ledger_key);
}

/* The state is a function of the facts; the order says which wins. */
static xxgk_case_state derive_state(const case_state *c)
{
    const xxgk_case_info *i = &c->info;
    if (i->closed)
        return c->reply_was_reply ? XXGK_CASE_REPLIED : XXGK_CASE_CLOSED;
    if (i->correction_notice && !i->corrected)
        return XXGK_CASE_AWAITING_CORRECTION;
    if (i->fee_notice && !i->fee_paid)
        return XXGK_CASE_AWAITING_FEE;
    for (size_t k = 0; k < i->nconsultations; k++)
        if (!i->consultations[k].answered)
            return XXGK_CASE_CONSULTING;
    if (i->correction_notice || i->nconsultations || i->extended || i->fee_notice)
        return XXGK_CASE_IN_PROGRESS;
    return XXGK_CASE_RECEIVED;
}

/* ---- guards: predicates with their refusals ----------------------------- */

typedef bool (*guard_fn)(const case_state *c, const case_event *e, const fold_env *env,
                         char *detail, size_t size);

static bool not_voided(const case_state *c, const case_event *e, const fold_env *env, char *d,
                       size_t n)
{
    (void)e, (void)env;
    snprintf(d, n, "（原因：%s）", c->info.void_reason ? c->info.void_reason : "");
    return !c->info.voided;
}

static bool not_future(const case_state *c, const case_event *e, const fold_env *env, char *d,
                       size_t n)
{
    (void)c;
    xxgk_date dates[] = {e->date, e->date2, e->date3, e->app.received};
    char b[11];
    for (size_t i = 0; i < N(dates); i++)
        if (env->today && dates[i] > env->today) {
            snprintf(d, n, "：%s", dstr(dates[i], b));
            return false;
        }
    return true;
}

static bool has_date(const case_state *c, const case_event *e, const fold_env *env, char *d,
                     size_t n)
{
    (void)c, (void)env, (void)d, (void)n;
    return e->date != 0;
}

static bool notice_once(const case_state *c, const case_event *e, const fold_env *env, char *d,
                        size_t n)
{
    (void)e, (void)env;
    char b[11];
    snprintf(d, n, "，本申请已于 %s 告知补正", dstr(c->info.correction_notice, b));
    return !c->info.correction_notice;
}

static bool until_after_notice(const case_state *c, const case_event *e, const fold_env *env,
                               char *d, size_t n)
{
    (void)c, (void)env, (void)d, (void)n;
    return !e->date2 || e->date2 > e->date;
}

static bool was_noticed(const case_state *c, const case_event *e, const fold_env *env, char *d,
                        size_t n)
{
    (void)e, (void)env, (void)d, (void)n;
    return c->info.correction_notice != 0;
}

static int open_consultation(const case_state *c, int party)
{
    for (size_t k = 0; k < c->info.nconsultations; k++)
        if (!c->info.consultations[k].answered && (int)c->info.consultations[k].party == party)
            return (int)k;
    return -1;
}

static bool consultation_open(const case_state *c, const case_event *e, const fold_env *env,
                              char *d, size_t n)
{
    (void)env;
    snprintf(d, n, "%s", e->party == XXGK_PARTY_AGENCY ? "其他机关" : "第三方");
    return open_consultation(c, e->party) >= 0;
}

static bool extend_once(const case_state *c, const case_event *e, const fold_env *env, char *d,
                        size_t n)
{
    (void)e, (void)env;
    char b[11];
    snprintf(d, n, "，本申请已于 %s 延长", dstr(c->info.extended, b));
    return !c->info.extended;
}

static bool has_approver(const case_state *c, const case_event *e, const fold_env *env, char *d,
                         size_t n)
{
    (void)c, (void)env, (void)d, (void)n;
    return e->s1 && *e->s1;
}

/* The extension is decided on or before the original due date. */
static bool before_original_due(const case_state *c, const case_event *e, const fold_env *env,
                                char *d, size_t n)
{
    xxgk_deadline r = case_reply_deadline(c, env->cal, e->date);
    char b[11];
    if (r.status == XXGK_DUE_UNKNOWN) {
        snprintf(d, n, "：放假安排不全，无法核对原答复期限（见 xxgk holidays list）");
        return false;
    }
    snprintf(d, n, "（%s）", dstr(r.due, b));
    return !r.due || e->date <= r.due;
}

static bool fee_year(const case_state *c, const case_event *e, const fold_env *env, char *d,
                     size_t n)
{
    (void)c, (void)env, (void)d, (void)n;
    int y, m, dd;
    xxgk_date_split(e->date, &y, &m, &dd);
    return y >= 2021;
}

static bool fee_once(const case_state *c, const case_event *e, const fold_env *env, char *d,
                     size_t n)
{
    (void)e, (void)env;
    char b[11];
    snprintf(d, n, "（%s）", dstr(c->info.fee_notice, b));
    return !c->info.fee_notice;
}

static bool positive_amount(const case_state *c, const case_event *e, const fold_env *env,
                            char *d, size_t n)
{
    (void)c, (void)env, (void)d, (void)n;
    return e->amount.units > 0;
}

static bool within_reply_period(const case_state *c, const case_event *e, const fold_env *env,
                                char *d, size_t n)
{
    xxgk_deadline r = case_reply_deadline(c, env->cal, e->date);
    char b[11];
    snprintf(d, n, "（%s）", dstr(r.due, b));
    return !r.due || e->date <= r.due;
}

static bool outcome_valid(const case_state *c, const case_event *e, const fold_env *env,
                          char *d, size_t n)
{
    (void)c, (void)env;
    xxgk_error err = {0};
    bool ok = xxgk_outcome_check(e->s1, e->date, e->kind == EV_REPLY, &err);
    snprintf(d, n, "%s", err.message);
    return ok;
}

static bool unclear_after_correction(const case_state *c, const case_event *e,
                                     const fold_env *env, char *d, size_t n)
{
    (void)env, (void)d, (void)n;
    return !e->s1 || strcmp(e->s1, "unable_unclear") != 0 || c->info.corrected;
}

/* No reply while a consultation's answer period is still running. */
static bool consultations_settled(const case_state *c, const case_event *e, const fold_env *env,
                                  char *d, size_t n)
{
    char b[11];
    for (size_t k = 0; k < c->info.nconsultations; k++) {
        const xxgk_consultation *q = &c->info.consultations[k];
        if (q->answered)
            continue;
        xxgk_date due = case_consult_due(c, k, env->cal);
        snprintf(d, n, "：征求%s意见尚未答复，答复期限%s%s（第三十二条、第三十四条）；"
                       "请先登记对方的答复",
                 q->party == XXGK_PARTY_AGENCY ? "其他机关" : "第三方", due ? "为 " : "无法计算",
                 due ? dstr(due, b) : "");
        if (!due || e->date <= due)
            return false;
    }
    return true;
}

static bool is_key(const case_event *e, const char *key)
{
    return e->s1 && !strcmp(e->s1, key);
}

static bool no_correction_lapsed(const case_state *c, const case_event *e, const fold_env *env,
                                 char *d, size_t n)
{
    if (!is_key(e, "other_no_correction"))
        return true;
    if (!c->info.correction_notice || c->info.corrected) {
        snprintf(d, n, "：须先告知补正且申请人未补正");
        return false;
    }
    xxgk_date due = case_correction_due(c, env->cal);
    char b[11];
    snprintf(d, n, "：补正期限%s%s 届满后才能终止（第三十条）", due ? "" : "无法计算",
             dstr(due, b));
    return due && e->date > due;
}

static bool no_fee_lapsed(const case_state *c, const case_event *e, const fold_env *env,
                          char *d, size_t n)
{
    if (!is_key(e, "other_no_fee"))
        return true;
    if (!c->info.fee_notice || c->info.fee_paid) {
        snprintf(d, n, "：须先发出收费通知且申请人未缴费");
        return false;
    }
    xxgk_date due = case_fee_due(c, env->cal);
    char b[11];
    snprintf(d, n, "：缴费期限%s%s 届满后才能终止（国办函〔2020〕109号）", due ? "" : "无法计算",
             dstr(due, b));
    return due && e->date > due;
}

static bool misc_has_reason(const case_state *c, const case_event *e, const fold_env *env,
                            char *d, size_t n)
{
    (void)c, (void)env, (void)d, (void)n;
    if (!is_key(e, "other") && !is_key(e, "other_misc"))
        return true;
    return e->s2 && *e->s2;
}

static int pending_remedy(const case_state *c, int kind)
{
    for (size_t k = 0; k < c->info.nremedies; k++)
        if (!c->info.remedies[k].decided && (int)c->info.remedies[k].kind == kind)
            return (int)k;
    return -1;
}

static bool remedy_pending(const case_state *c, const case_event *e, const fold_env *env,
                           char *d, size_t n)
{
    (void)env;
    snprintf(d, n, "%s", xxgk_remedy_key((xxgk_remedy_kind)e->party));
    return pending_remedy(c, e->party) >= 0;
}

static bool remedy_result(const case_state *c, const case_event *e, const fold_env *env,
                          char *d, size_t n)
{
    (void)c, (void)env, (void)d, (void)n;
    return is_key(e, "upheld") || is_key(e, "corrected") || is_key(e, "other");
}

static bool has_reason(const case_state *c, const case_event *e, const fold_env *env, char *d,
                       size_t n)
{
    (void)c, (void)env, (void)d, (void)n;
    return e->s2 && *e->s2;
}

static bool app_complete(const case_state *c, const case_event *e, const fold_env *env, char *d,
                         size_t n)
{
    (void)c, (void)env;
    const char *missing = !e->app.body || !*e->app.body ? "机关名称"
                          : !e->app.received            ? "收到申请日期"
                          : !e->app.subject || !*e->app.subject ? "申请内容"
                                                                : NULL;
    snprintf(d, n, "%s", missing ? missing : "");
    return !missing;
}

#define ALL_KINDS EV_COUNT
/* The guards, checked in this order; kind ALL_KINDS applies to every
 * kind. The message is followed by the detail the predicate wrote. */
static const struct guard {
    int kind;
    guard_fn holds;
    const char *message;
} guards[] = {
    {ALL_KINDS, not_voided, "该申请已作废，不能再登记"},
    {ALL_KINDS, not_future, "日期晚于今天"},
    {EV_RECEIVED, app_complete, "登记申请须写明"},
    {EV_CORRECTION_NOTICE, has_date, "告知补正须写明告知日期"},
    {EV_CORRECTION_NOTICE, notice_once, "补正只能一次性告知（第三十条）"},
    {EV_CORRECTION_NOTICE, until_after_notice, "补正期限应晚于告知补正的日期"},
    {EV_CORRECTED, has_date, "须写明收到补正申请的日期"},
    {EV_CORRECTED, was_noticed, "没有登记补正告知，不能登记补正申请"},
    {EV_CONSULT, has_date, "征求意见须写明发出日期"},
    {EV_CONSULT_ANSWERED, has_date, "须写明收到答复的日期"},
    {EV_CONSULT_ANSWERED, consultation_open, "没有尚未答复的征求意见："},
    {EV_EXTENDED, has_date, "延长答复期限须写明决定日期"},
    {EV_EXTENDED, extend_once, "答复期限只能延长一次（第三十三条第二款）"},
    {EV_EXTENDED, has_approver,
     "延长答复期限须经政府信息公开工作机构负责人同意（第三十三条第二款），请写明批准人"},
    {EV_EXTENDED, before_original_due,
     "延长答复期限须在原答复期限届满前决定（第三十三条第二款），原答复期限"},
    {EV_FEE_NOTICE, has_date, "收费通知须写明发出日期"},
    {EV_FEE_NOTICE, fee_year, "信息处理费自2021年起按《政府信息公开信息处理费管理办法》收取"},
    {EV_FEE_NOTICE, fee_once, "本申请已发出过收费通知"},
    {EV_FEE_NOTICE, positive_amount, "收费金额应大于0"},
    {EV_FEE_NOTICE, within_reply_period, "收费通知应在答复期限内发出（国办函〔2020〕109号），答复期限"},
    {EV_FEE_PAID, has_date, "须写明缴费日期"},
    {EV_REPLY, has_date, "答复须写明答复日期"},
    {EV_REPLY, outcome_valid, ""},
    {EV_REPLY, unclear_after_correction, "“补正后申请内容仍不明确”须先登记补正申请（第三十条）"},
    {EV_REPLY, consultations_settled, "尚不能答复"},
    {EV_CLOSE, has_date, "终止须写明日期"},
    {EV_CLOSE, outcome_valid, ""},
    {EV_CLOSE, no_correction_lapsed, "不能以“逾期不补正”终止"},
    {EV_CLOSE, no_fee_lapsed, "不能以“逾期未缴费”终止"},
    {EV_CLOSE, misc_has_reason, "以“其他”终止须写明原因（如申请人撤回申请）"},
    {EV_REMEDY, has_date, "须写明提起复议或诉讼的日期"},
    {EV_REMEDY_DECIDED, has_date, "须写明审结日期"},
    {EV_REMEDY_DECIDED, remedy_pending, "没有尚未审结的复议或诉讼："},
    {EV_REMEDY_DECIDED, remedy_result, "审结结果应为 upheld（维持）、corrected（纠正）或 other（其他）"},
    {EV_VOID, has_reason, "作废须写明原因"},
};

/* The states each kind may follow (EDIT and VOID: any). */
static const struct transition {
    ev_kind kind;
    unsigned from;
    const char *hint; /* said instead of the state's hint, or NULL */
} transitions[] = {
    {EV_RECEIVED, S(RECEIVED), NULL},
    {EV_CORRECTION_NOTICE, S(RECEIVED), "：补正只能在收到申请后、办理之前一次性告知（第三十条）"},
    {EV_CORRECTED, S(AWAITING_CORRECTION), NULL},
    {EV_CONSULT, S(RECEIVED) | S(IN_PROGRESS) | S(CONSULTING), NULL},
    {EV_CONSULT_ANSWERED, S(CONSULTING), NULL},
    {EV_EXTENDED, S(RECEIVED) | S(IN_PROGRESS) | S(CONSULTING) | S(AWAITING_FEE), NULL},
    {EV_FEE_NOTICE, S(RECEIVED) | S(IN_PROGRESS) | S(CONSULTING), NULL},
    {EV_FEE_PAID, S(AWAITING_FEE), NULL},
    {EV_REPLY, S(RECEIVED) | S(IN_PROGRESS) | S(CONSULTING), NULL},
    {EV_CLOSE, OPEN_STATES, NULL},
    {EV_REMEDY, S(REPLIED) | S(CLOSED), "：复议和诉讼针对已答复或已终止的申请"},
    {EV_REMEDY_DECIDED, S(REPLIED) | S(CLOSED), "：复议和诉讼针对已答复或已终止的申请"},
};

/* What a case in each state is waiting for, said when an event does
 * not fit it. */
static const char *const state_hints[XXGK_CASE_STATE_COUNT] = {
    [XXGK_CASE_RECEIVED] = "：尚未办理",
    [XXGK_CASE_AWAITING_CORRECTION] =
        "：正在等待补正，须先收到补正申请，或在补正期限届满后以 other_no_correction 终止",
    [XXGK_CASE_IN_PROGRESS] = "：正在办理",
    [XXGK_CASE_CONSULTING] = "：正在征求意见，须先登记对方的答复或等待其答复期限届满",
    [XXGK_CASE_AWAITING_FEE] =
        "：已发出收费通知，须先缴费，或在缴费期限届满后以 other_no_fee 终止",
    [XXGK_CASE_REPLIED] = "：该申请已经答复",
    [XXGK_CASE_CLOSED] = "：该申请已经终止",
};

static xxgk_status check_event(const case_state *c, const case_event *e, const fold_env *env,
                               xxgk_error *err)
{
    char detail[384];
    for (size_t i = 0; i < N(guards); i++) {
        if (guards[i].kind != ALL_KINDS && guards[i].kind != (int)e->kind)
            continue;
        detail[0] = '\0';
        if (!guards[i].holds(c, e, env, detail, sizeof detail))
            return error_set(err, XXGK_E_USAGE, "%s%s", guards[i].message, detail);
    }
    for (size_t i = 0; i < N(transitions); i++)
        if (transitions[i].kind == e->kind && !(transitions[i].from & (1u << c->info.state)))
            return error_set(err, XXGK_E_USAGE, "申请的状态为“%s”，不能登记“%s”%s",
                             xxgk_case_state_text(c->info.state), ev_title(e->kind),
                             transitions[i].hint ? transitions[i].hint
                                                 : state_hints[c->info.state]);
    return XXGK_OK;
}

/* ---- applying facts ----------------------------------------------------- */

static bool push_consult(case_state *c, xxgk_consultation q)
{
    xxgk_case_info *i = &c->info;
    if (i->nconsultations == c->cap_consults) {
        size_t cap = c->cap_consults ? c->cap_consults * 2 : 4;
        xxgk_consultation *v = arena_grow(c->a, c->consults, c->cap_consults * sizeof *v,
                                          cap * sizeof *v);
        if (!v)
            return false;
        c->consults = v;
        c->cap_consults = cap;
        i->consultations = v;
    }
    c->consults[i->nconsultations++] = q;
    return true;
}

static bool push_remedy(case_state *c, xxgk_remedy r)
{
    xxgk_case_info *i = &c->info;
    if (i->nremedies == c->cap_remedies) {
        size_t cap = c->cap_remedies ? c->cap_remedies * 2 : 2;
        xxgk_remedy *v = arena_grow(c->a, c->remedies, c->cap_remedies * sizeof *v,
                                    cap * sizeof *v);
        if (!v)
            return false;
        c->remedies = v;
        c->cap_remedies = cap;
        i->remedies = v;
    }
    c->remedies[i->nremedies++] = r;
    return true;
}

static void apply_app(case_state *c, const case_event *e)
{
    xxgk_case_info *i = &c->info;
    const xxgk_application *a = &e->app;
    bool all = e->kind == EV_RECEIVED;
    if (a->received)
        i->received = a->received;
    if (all || e->set_channel)
        i->channel = a->channel;
    if (all || e->set_applicant)
        i->applicant = a->applicant;
    if (a->subject)
        i->subject = copy(c->a, a->subject);
    if (a->name)
        i->name = copy(c->a, a->name);
    if (a->id_number) {
        c->id_number = copy(c->a, a->id_number);
        i->id_masked = case_mask_id(c->a, a->id_number);
    }
    if (a->contact)
        i->contact = copy(c->a, a->contact);
    if (a->linked)
        i->linked = a->linked;
}

/* Sets the facts of e on c. False when out of memory. */
static bool effect(case_state *c, const case_event *e)
{
    xxgk_case_info *i = &c->info;
    int k;
    switch (e->kind) {
    case EV_RECEIVED:
    case EV_EDIT:
        apply_app(c, e);
        break;
    case EV_CORRECTION_NOTICE:
        i->correction_notice = e->date;
        i->correction_until = e->date2;
        break;
    case EV_CORRECTED:
        i->corrected = e->date;
        break;
    case EV_CONSULT:
        if (!push_consult(c, (xxgk_consultation){(xxgk_party)e->party, copy(c->a, e->s1), e->date,
                                                 e->date2, e->date3}))
            return false;
        break;
    case EV_CONSULT_ANSWERED:
        if ((k = open_consultation(c, e->party)) >= 0)
            c->consults[k].answered = e->date;
        break;
    case EV_EXTENDED:
        i->extended = e->date;
        i->extension_told = e->date2;
        i->approver = copy(c->a, e->s1);
        break;
    case EV_FEE_NOTICE:
        i->fee_notice = e->date;
        i->fee_amount = e->amount;
        break;
    case EV_FEE_PAID:
        i->fee_paid = e->date;
        break;
    case EV_REPLY:
    case EV_CLOSE:
        i->closed = e->date;
        i->outcome = copy(c->a, e->s1);
        i->ground = e->s2 && *e->s2 ? copy(c->a, e->s2)
                    : e->kind == EV_REPLY ? xxgk_outcome_ground(e->s1)
                                          : NULL;
        c->reply_was_reply = e->kind == EV_REPLY;
        break;
    case EV_REMEDY:
        if (!push_remedy(c, (xxgk_remedy){(xxgk_remedy_kind)e->party, e->date, 0, NULL}))
            return false;
        break;
    case EV_REMEDY_DECIDED:
        if ((k = pending_remedy(c, e->party)) >= 0) {
            c->remedies[k].decided = e->date;
            c->remedies[k].result = copy(c->a, e->s1);
        }
        break;
    case EV_VOID:
        if (!e->target) {
            i->voided = true;
            i->void_reason = copy(c->a, e->s2);
        }
        break;
    case EV_COUNT:
        break;
    }
    i->state = derive_state(c);
    return !c->a->failed;
}

/* ---- the dates' order ----------------------------------------------------- */

typedef xxgk_date (*date_of)(const xxgk_case_info *i);
static xxgk_date d_received(const xxgk_case_info *i) { return i->received; }
static xxgk_date d_notice(const xxgk_case_info *i) { return i->correction_notice; }
static xxgk_date d_until(const xxgk_case_info *i) { return i->correction_until; }
static xxgk_date d_corrected(const xxgk_case_info *i) { return i->corrected; }
static xxgk_date d_extended(const xxgk_case_info *i) { return i->extended; }
static xxgk_date d_told(const xxgk_case_info *i) { return i->extension_told; }
static xxgk_date d_fee(const xxgk_case_info *i) { return i->fee_notice; }
static xxgk_date d_paid(const xxgk_case_info *i) { return i->fee_paid; }
static xxgk_date d_closed(const xxgk_case_info *i) { return i->closed; }

/* Pairs of facts: the first must not be earlier than the second (when
 * both are recorded). */
static const struct order {
    const char *later_label;
    date_of later;
    const char *earlier_label;
    date_of earlier;
} orders[] = {
    {"告知补正日期", d_notice, "收到申请日期", d_received},
    {"补正期限", d_until, "告知补正日期", d_notice},
    {"收到补正申请日期", d_corrected, "告知补正日期", d_notice},
    {"延期决定日期", d_extended, "收到申请日期", d_received},
    {"告知申请人延期的日期", d_told, "延期决定日期", d_extended},
    {"收费通知日期", d_fee, "收到申请日期", d_received},
    {"缴费日期", d_paid, "收费通知日期", d_fee},
    {"答复或终止日期", d_closed, "收到申请日期", d_received},
    {"答复或终止日期", d_closed, "告知补正日期", d_notice},
    {"答复或终止日期", d_closed, "收到补正申请日期", d_corrected},
    {"答复或终止日期", d_closed, "延期决定日期", d_extended},
    {"答复或终止日期", d_closed, "收费通知日期", d_fee},
    {"答复或终止日期", d_closed, "缴费日期", d_paid},
};

static xxgk_status out_of_order(xxgk_error *err, const char *a, xxgk_date da, const char *b,
                                xxgk_date db)
{
    char x[11], y[11];
    return error_set(err, XXGK_E_USAGE, "%s（%s）早于%s（%s）", a, dstr(da, x), b, dstr(db, y));
}

static xxgk_status check_order(const case_state *c, xxgk_error *err)
{
    const xxgk_case_info *i = &c->info;
    for (size_t k = 0; k < N(orders); k++) {
        xxgk_date a = orders[k].later(i), b = orders[k].earlier(i);
        if (a && b && a < b)
            return out_of_order(err, orders[k].later_label, a, orders[k].earlier_label, b);
    }
    for (size_t k = 0; k < i->nconsultations; k++) {
        const xxgk_consultation *q = &i->consultations[k];
        if (q->sent < i->received)
            return out_of_order(err, "征求意见发出日期", q->sent, "收到申请日期", i->received);
        if (q->delivered && q->delivered < q->sent)
            return out_of_order(err, "对方收到征求意见的日期", q->delivered, "发出日期", q->sent);
        if (q->answered && q->answered < q->sent)
            return out_of_order(err, "收到征求意见答复的日期", q->answered, "发出日期", q->sent);
        if (i->closed && i->closed < (q->answered ? q->answered : q->sent))
            return out_of_order(err, "答复或终止日期", i->closed, "征求意见的日期",
                                q->answered ? q->answered : q->sent);
    }
    for (size_t k = 0; k < i->nremedies; k++) {
        const xxgk_remedy *r = &i->remedies[k];
        if (r->filed < i->closed)
            return out_of_order(err, "提起复议或诉讼的日期", r->filed, "答复或终止日期", i->closed);
        if (r->decided && r->decided < r->filed)
            return out_of_order(err, "审结日期", r->decided, "提起日期", r->filed);
    }
    return XXGK_OK;
}

/* ---- the fold ----------------------------------------------------------- */

xxgk_status case_apply(case_state *c, const case_event *e, const fold_env *env, bool strict,
                       xxgk_error *err)
{
    if (!strict)
        return effect(c, e) ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
    xxgk_status st = check_event(c, e, env, err);
    if (st != XXGK_OK)
        return st;
    /* Apply to a copy (its arrays copied too), keep it only if the
     * dates still follow each other. */
    case_state t = *c;
    if (c->cap_consults) {
        t.consults = arena_alloc(c->a, c->cap_consults * sizeof *t.consults);
        if (t.consults)
            memcpy(t.consults, c->consults, c->cap_consults * sizeof *t.consults);
        t.info.consultations = t.consults;
    }
    if (c->cap_remedies) {
        t.remedies = arena_alloc(c->a, c->cap_remedies * sizeof *t.remedies);
        if (t.remedies)
            memcpy(t.remedies, c->remedies, c->cap_remedies * sizeof *t.remedies);
        t.info.remedies = t.remedies;
    }
    if (!effect(&t, e))
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    if ((st = check_order(&t, err)) != XXGK_OK)
        return st;
    *c = t;
    return XXGK_OK;
}

bool *case_voided(arena *a, const case_event *events, size_t n)
{
    int max = 0;
    for (size_t i = 0; i < n; i++)
        if (events[i].seq > max)
            max = events[i].seq;
    bool *v = arena_alloc(a, (size_t)max + 2);
    if (!v)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (events[i].kind == EV_VOID && events[i].target > 0 && events[i].target <= max)
            v[events[i].target] = true;
    return v;
}

xxgk_status case_fold(case_state *c, const case_event *events, size_t n, int skip,
                      const fold_env *env, bool strict, xxgk_error *err)
{
    bool *voided = case_voided(c->a, events, n);
    if (!voided)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    for (size_t i = 0; i < n; i++) {
        const case_event *e = &events[i];
        if (voided[e->seq] || e->seq == skip || (e->kind == EV_VOID && e->target))
            continue;
        xxgk_status st = case_apply(c, e, env, strict, err);
        if (st != XXGK_OK)
            return st;
    }
    return XXGK_OK;
}

/* ---- snapshots for the audit trail ----------------------------------------- */

static void snap_date(json_t *o, const char *k, xxgk_date d)
{
    char b[11];
    if (d)
        json_object_set_new(o, k, json_stringn(dstr(d, b), 10));
}

static void snap_str(json_t *o, const char *k, const char *s)
{
    if (s)
        json_object_set_new(o, k, json_stringn(s, strlen(s)));
}

char *case_snapshot(const case_state *c)
{
    const xxgk_case_info *i = &c->info;
    json_t *o = json_object();
    if (!o)
        return NULL;
    snap_str(o, "state", xxgk_case_state_key(i->state));
    snap_date(o, "received", i->received);
    if (i->received) {
        snap_str(o, "channel", xxgk_channel_name(i->channel));
        snap_str(o, "applicant", xxgk_applicant_key(i->applicant));
    }
    snap_str(o, "subject", i->subject);
    snap_str(o, "name", i->name);
    snap_str(o, "id_number", i->id_masked);
    snap_str(o, "contact", i->contact);
    if (i->linked)
        json_object_set_new(o, "linked", json_integer(i->linked));
    snap_date(o, "correction_notice", i->correction_notice);
    snap_date(o, "correction_until", i->correction_until);
    snap_date(o, "corrected", i->corrected);
    if (i->nconsultations) {
        size_t open = 0;
        for (size_t k = 0; k < i->nconsultations; k++)
            open += !i->consultations[k].answered;
        json_object_set_new(o, "consultations", json_integer((json_int_t)i->nconsultations));
        json_object_set_new(o, "consultations_open", json_integer((json_int_t)open));
    }
    snap_date(o, "extended", i->extended);
    snap_str(o, "approver", i->approver);
    snap_date(o, "fee_notice", i->fee_notice);
    snap_date(o, "fee_paid", i->fee_paid);
    snap_date(o, "closed", i->closed);
    snap_str(o, "outcome", i->outcome);
    if (i->nremedies)
        json_object_set_new(o, "remedies", json_integer((json_int_t)i->nremedies));
    if (i->voided)
        json_object_set_new(o, "voided", json_boolean(1));
    char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    return text;
}

bool case_snapshot_diff(const char *before, const char *after, char **b, char **a)
{
    json_t *x = before ? json_loads(before, 0, NULL) : json_object();
    json_t *y = json_loads(after ? after : "{}", 0, NULL);
    json_t *ob = json_object(), *oa = json_object();
    bool ok = x && y && ob && oa;
    const char *key;
    json_t *v;
    if (ok) {
        json_object_foreach(x, key, v) {
            json_t *w = json_object_get(y, key);
            if (!strcmp(key, "state") || !w || !json_equal(v, w))
                json_object_set(ob, key, v);
        }
        json_object_foreach(y, key, v) {
            json_t *w = json_object_get(x, key);
            if (!strcmp(key, "state") || !w || !json_equal(v, w))
                json_object_set(oa, key, v);
        }
    }
    *b = ok ? json_dumps(ob, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    *a = ok ? json_dumps(oa, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(x);
    json_decref(y);
    json_decref(ob);
    json_decref(oa);
    return *b && *a;
}
