/* test_case.c — the state machine and its guards (each refusal with its
 * Chinese reason, the case left as it was), the audit trail (who, when,
 * before, after; ID numbers masked), voids instead of deletion, edits,
 * serials, and outcomes by the format of the year. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "unit_dates.h"
#include "xxgk.h"

static xxgk_register *reg;

static void open_register(void)
{
    xxgk_error err = {0};
    if (xxgk_register_open(":memory:", false, &reg, &err) != XXGK_OK) {
        fprintf(stderr, "open: %s\n", err.message);
        exit(2);
    }
    xxgk_register_set_today(reg, xxgk_date_make(2026, 12, 7));
}


static int64_t add(const char *body, const char *date, xxgk_applicant who)
{
    xxgk_application app = {body, D(date), XXGK_CHANNEL_ONLINE, who, "某文件",
                            "张三", "110101199001011234", "13800000000", 0, NULL};
    int64_t id = 0;
    xxgk_error err = {0};
    if (xxgk_case_add(reg, &app, &id, &err) != XXGK_OK)
        fprintf(stderr, "add: %s\n", err.message);
    return id;
}

/* Expects the call to be refused with a message containing `text`. */
#define REFUSED(call, text)                                                          \
    do {                                                                             \
        xxgk_error err_ = {0};                                                       \
        xxgk_status st_ = (call);                                                    \
        CHECK_INT(st_, XXGK_E_USAGE);                                                \
        if (!strstr(err_.message, text)) {                                           \
            fprintf(stderr, "%s:%d: message “%s” lacks “%s”\n", __FILE__, __LINE__,  \
                    err_.message, text);                                             \
            unit_failures++;                                                         \
        }                                                                            \
    } while (0)
#define OK(call)                                                                     \
    do {                                                                             \
        xxgk_error err_ = {0};                                                       \
        xxgk_status st_ = (call);                                                    \
        if (st_ != XXGK_OK)                                                          \
            fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, err_.message);        \
        CHECK_INT(st_, XXGK_OK);                                                     \
    } while (0)
#define E (&err_)

static xxgk_case *load(int64_t id)
{
    xxgk_case *c = NULL;
    xxgk_error err = {0};
    if (xxgk_case_load(reg, id, D("2026-12-01"), 0, &c, &err) != XXGK_OK)
        fprintf(stderr, "load %lld: %s\n", (long long)id, err.message);
    return c;
}

static xxgk_case_state state(int64_t id)
{
    xxgk_case *c = load(id);
    xxgk_case_state s = c ? xxgk_case_info_of(c)->state : XXGK_CASE_STATE_COUNT;
    xxgk_case_free(c);
    return s;
}

static size_t events(int64_t id)
{
    xxgk_case *c = load(id);
    size_t n = c ? xxgk_case_event_count(c) : 0;
    xxgk_case_free(c);
    return n;
}

/* The register's today is the one set; "after today" follows it. */
static void today_is_settable(void)
{
    CHECK_INT(xxgk_register_today(reg), D("2026-12-07"));
    xxgk_register_set_actor(reg, "张科员");
    REFUSED(xxgk_case_add(reg, &(xxgk_application){"时钟局", D("2026-12-08"), 0, 0, "x", 0, 0, 0, 0,
                                                   0},
                          NULL, E),
            "晚于今天");
    OK(xxgk_case_add(reg, &(xxgk_application){"时钟局", D("2026-12-07"), 0, 0, "x", 0, 0, 0, 0, 0},
                     NULL, E));
    xxgk_register_set_actor(reg, NULL);
}

static void actor_required(void)
{
    REFUSED(xxgk_case_add(reg, &(xxgk_application){"局", D("2024-01-02"), 0, 0, "x", 0, 0, 0, 0, 0},
                          NULL, E),
            "操作人");
    xxgk_register_set_actor(reg, "张科员");
}

static void adding(void)
{
    int64_t a = add("甲局", "2024-03-01", XXGK_APPLICANT_NATURAL);
    int64_t b = add("甲局", "2024-03-02", XXGK_APPLICANT_BUSINESS);
    int64_t c = add("乙局", "2024-03-02", XXGK_APPLICANT_NATURAL);
    int64_t d = add("甲局", "2025-01-02", XXGK_APPLICANT_NATURAL);
    xxgk_case *x = load(b);
    const xxgk_case_info *i = xxgk_case_info_of(x);
    CHECK_STR(i->serial, "〔2024〕第0002号");
    CHECK_INT(i->state, XXGK_CASE_RECEIVED);
    CHECK_STR(i->id_masked, "110***********1234");
    CHECK_INT(i->applicant, XXGK_APPLICANT_BUSINESS);
    xxgk_case_free(x);
    x = load(c);
    CHECK_STR(xxgk_case_info_of(x)->serial, "〔2024〕第0001号"); /* its own body */
    xxgk_case_free(x);
    x = load(d);
    CHECK_STR(xxgk_case_info_of(x)->serial, "〔2025〕第0001号"); /* a new year */
    xxgk_case_free(x);
    (void)a;
    REFUSED(xxgk_case_add(reg, &(xxgk_application){"甲局", D("2099-01-01"), 0, 0, "x", 0, 0, 0, 0,
                                                   0},
                          NULL, E),
            "晚于今天");
    REFUSED(xxgk_case_add(reg, &(xxgk_application){"甲局", D("2024-01-02"), 0, 0, NULL, 0, 0, 0, 0,
                                                   0},
                          NULL, E),
            "申请内容");
    REFUSED(xxgk_case_add(reg, &(xxgk_application){"甲局", D("2024-01-02"), 0, 0, "x", 0, 0, 0, c,
                                                   0},
                          NULL, E),
            "另一机关");
    REFUSED(xxgk_case_add(reg, &(xxgk_application){"甲局", D("2024-01-02"), 0, 0, "x", 0, 0, 0,
                                                   9999, 0},
                          NULL, E),
            "不存在");
    OK(xxgk_case_add(reg, &(xxgk_application){"甲局", D("2024-04-01"), 0, 0, "x", 0, 0, 0, a, 0},
                     NULL, E));
}

static void outcomes(void)
{
    xxgk_error err = {0};
    CHECK(!xxgk_outcome_check("denied", D("2024-05-06"), true, &err));
    CHECK(strstr(err.message, "denied_secret") != NULL);
    CHECK(!xxgk_outcome_check("other", D("2024-05-06"), false, &err));
    CHECK(strstr(err.message, "other_no_correction") != NULL);
    CHECK(xxgk_outcome_check("other", D("2020-05-06"), false, &err));
    CHECK(xxgk_outcome_check("other_misc", D("2020-05-06"), false, &err)); /* counted as other */
    CHECK(!xxgk_outcome_check("other_misc", D("2024-05-06"), true, &err));
    CHECK(!xxgk_outcome_check("granted", D("2024-05-06"), false, &err));
    CHECK(!xxgk_outcome_check("bogus", D("2024-05-06"), true, &err));
    CHECK(!xxgk_outcome_check("granted", D("2018-05-07"), true, &err));
    CHECK_STR(xxgk_outcome_ground("denied_process"), "第十六条第二款");
    CHECK_STR(xxgk_outcome_label("unable_not_held"), "（四）无法提供 1.本机关不掌握相关政府信息");
}

static void replying(void)
{
    int64_t a = add("丙局", "2024-09-13", XXGK_APPLICANT_NATURAL);
    REFUSED(xxgk_case_reply(reg, a, D("2024-10-10"), NULL, NULL, E), "办理结果");
    REFUSED(xxgk_case_reply(reg, a, D("2024-10-10"), "denied", NULL, E), "具体理由");
    REFUSED(xxgk_case_reply(reg, a, D("2024-09-12"), "granted", NULL, E), "早于收到申请日期");
    REFUSED(xxgk_case_reply(reg, a, D("2024-10-10"), "unable_unclear", NULL, E), "补正");
    REFUSED(xxgk_case_reply(reg, a, D("2024-10-10"), "other_misc", NULL, E), "终止");
    CHECK_INT(events(a), 1); /* nothing of the refusals was stored */
    OK(xxgk_case_reply(reg, a, D("2024-10-10"), "denied_third_party", NULL, E));
    xxgk_case *c = load(a);
    const xxgk_case_info *i = xxgk_case_info_of(c);
    CHECK_INT(i->state, XXGK_CASE_REPLIED);
    CHECK_STR(i->ground, "第十五条、第三十二条"); /* the row's article by default */
    CHECK_INT(xxgk_case_deadline(c, 0)->status, XXGK_DUE_MET);
    CHECK(xxgk_case_next_deadline(c) == NULL);
    xxgk_case_free(c);
    REFUSED(xxgk_case_reply(reg, a, D("2024-10-11"), "granted", NULL, E), "已经答复");
    REFUSED(xxgk_case_extend(reg, a, D("2024-10-11"), "王", 0, E), "已经答复");
    /* A late reply is recorded, and said to be late. */
    int64_t b = add("丙局", "2024-09-13", XXGK_APPLICANT_NATURAL);
    OK(xxgk_case_reply(reg, b, D("2024-10-18"), "granted", "第三十六条第（二）项", E));
    c = load(b);
    CHECK_INT(xxgk_case_deadline(c, 0)->status, XXGK_DUE_LATE);
    CHECK_STR(xxgk_case_info_of(c)->ground, "第三十六条第（二）项");
    xxgk_case_free(c);
}

static void correcting(void)
{
    int64_t a = add("丁局", "2024-03-01", XXGK_APPLICANT_NATURAL);
    REFUSED(xxgk_case_corrected(reg, a, D("2024-03-05"), E), "没有登记补正告知");
    REFUSED(xxgk_case_correction_notice(reg, a, D("2024-03-04"), D("2024-03-04"), E), "晚于");
    OK(xxgk_case_correction_notice(reg, a, D("2024-03-04"), D("2024-03-15"), E));
    CHECK_INT(state(a), XXGK_CASE_AWAITING_CORRECTION);
    REFUSED(xxgk_case_correction_notice(reg, a, D("2024-03-05"), 0, E), "一次性");
    REFUSED(xxgk_case_reply(reg, a, D("2024-03-06"), "granted", NULL, E), "等待补正");
    REFUSED(xxgk_case_extend(reg, a, D("2024-03-06"), "王", 0, E), "等待补正");
    /* Closing as 逾期不补正: only after the period (to 3/15). */
    REFUSED(xxgk_case_close(reg, a, D("2024-03-15"), "other_no_correction", NULL, E), "2024-03-15");
    OK(xxgk_case_close(reg, a, D("2024-03-18"), "other_no_correction", NULL, E));
    CHECK_INT(state(a), XXGK_CASE_CLOSED);
    /* A corrected application that is still unclear. */
    int64_t b = add("丁局", "2024-03-01", XXGK_APPLICANT_NATURAL);
    OK(xxgk_case_correction_notice(reg, b, D("2024-03-04"), 0, E));
    OK(xxgk_case_corrected(reg, b, D("2024-03-08"), E));
    CHECK_INT(state(b), XXGK_CASE_IN_PROGRESS);
    REFUSED(xxgk_case_close(reg, b, D("2024-04-08"), "other_no_correction", NULL, E), "未补正");
    OK(xxgk_case_reply(reg, b, D("2024-03-20"), "unable_unclear", NULL, E));
    /* Closing for 其他 needs its reason. */
    int64_t c = add("丁局", "2024-03-01", XXGK_APPLICANT_NATURAL);
    REFUSED(xxgk_case_close(reg, c, D("2024-03-05"), "other_misc", NULL, E), "原因");
    REFUSED(xxgk_case_close(reg, c, D("2024-03-05"), "other", "撤回", E), "2021年版");
    OK(xxgk_case_close(reg, c, D("2024-03-05"), "other_misc", "申请人撤回申请", E));
}

static void extending(void)
{
    int64_t a = add("戊局", "2024-09-13", XXGK_APPLICANT_NATURAL); /* due 10-17 */
    REFUSED(xxgk_case_extend(reg, a, D("2024-10-16"), "", 0, E), "批准人");
    REFUSED(xxgk_case_extend(reg, a, D("2024-10-18"), "王主任", 0, E), "届满前");
    OK(xxgk_case_extend(reg, a, D("2024-10-17"), "王主任", D("2024-10-17"), E));
    REFUSED(xxgk_case_extend(reg, a, D("2024-10-18"), "王主任", 0, E), "只能延长一次");
    CHECK_INT(state(a), XXGK_CASE_IN_PROGRESS);
}

static void consulting(void)
{
    int64_t a = add("己局", "2024-09-13", XXGK_APPLICANT_NATURAL);
    OK(xxgk_case_consult(reg, a, XXGK_PARTY_THIRD, "某公司", D("2024-09-18"), D("2024-09-19"), 0, E));
    CHECK_INT(state(a), XXGK_CASE_CONSULTING);
    /* The party received it on 9/19: its 15 days are 9/20 = 1, 9/23–27 =
     * 6, 9/29 = 7, 9/30 = 8, 10/8–11 = 12, 10/12 = 13, 10/14 = 14, 10/15. */
    xxgk_case *c = load(a);
    const xxgk_deadline *next = xxgk_case_next_deadline(c);
    CHECK(next && next->kind == XXGK_DEADLINE_CONSULTATION && next->due == D("2024-10-15"));
    xxgk_case_free(c);
    REFUSED(xxgk_case_reply(reg, a, D("2024-10-15"), "granted", NULL, E), "2024-10-15");
    REFUSED(xxgk_case_consult_answered(reg, a, XXGK_PARTY_AGENCY, D("2024-10-10"), E), "其他机关");
    OK(xxgk_case_consult_answered(reg, a, XXGK_PARTY_THIRD, D("2024-10-10"), E));
    CHECK_INT(state(a), XXGK_CASE_IN_PROGRESS);
    OK(xxgk_case_reply(reg, a, D("2024-10-15"), "partial", NULL, E));
    /* Silence past the party's period: the office may then decide. */
    int64_t b = add("己局", "2024-09-13", XXGK_APPLICANT_NATURAL);
    OK(xxgk_case_consult(reg, b, XXGK_PARTY_THIRD, NULL, D("2024-09-18"), D("2024-09-19"), 0, E));
    OK(xxgk_case_reply(reg, b, D("2024-10-16"), "granted", NULL, E));
}

static void fees(void)
{
    int64_t a = add("庚局", "2020-09-01", XXGK_APPLICANT_NATURAL);
    REFUSED(xxgk_case_fee_notice(reg, a, D("2020-09-02"), (xxgk_decimal){100, 0}, E), "2021年");
    int64_t b = add("庚局", "2024-09-13", XXGK_APPLICANT_NATURAL);
    REFUSED(xxgk_case_fee_notice(reg, b, D("2024-09-18"), (xxgk_decimal){0, 0}, E), "大于0");
    REFUSED(xxgk_case_fee_notice(reg, b, D("2024-10-18"), (xxgk_decimal){100, 0}, E), "答复期限内");
    OK(xxgk_case_fee_notice(reg, b, D("2024-09-18"), (xxgk_decimal){3000, 0}, E));
    CHECK_INT(state(b), XXGK_CASE_AWAITING_FEE);
    REFUSED(xxgk_case_reply(reg, b, D("2024-09-20"), "granted", NULL, E), "待缴费");
    /* Payment within 20 working days after 9/18: 9/19 = 1, 9/20 = 2,
     * 9/23–27 = 7, 9/29 = 8, 9/30 = 9, 10/8–11 = 13, 10/12 = 14, 10/14–18
     * = 19, 10/21 = 20: closing as 未缴费 only after that. */
    REFUSED(xxgk_case_close(reg, b, D("2024-10-21"), "other_no_fee", NULL, E), "2024-10-21");
    OK(xxgk_case_close(reg, b, D("2024-10-22"), "other_no_fee", NULL, E));
}

static void remedies(void)
{
    int64_t a = add("辛局", "2024-03-01", XXGK_APPLICANT_NATURAL);
    REFUSED(xxgk_case_remedy(reg, a, XXGK_REMEDY_REVIEW, D("2024-03-05"), E), "已答复或已终止");
    OK(xxgk_case_reply(reg, a, D("2024-03-20"), "denied_process", NULL, E));
    REFUSED(xxgk_case_remedy(reg, a, XXGK_REMEDY_REVIEW, D("2024-03-19"), E), "早于");
    REFUSED(xxgk_case_remedy_decided(reg, a, XXGK_REMEDY_REVIEW, D("2024-05-01"), "upheld", E),
            "没有尚未审结");
    OK(xxgk_case_remedy(reg, a, XXGK_REMEDY_REVIEW, D("2024-04-01"), E));
    REFUSED(xxgk_case_remedy_decided(reg, a, XXGK_REMEDY_REVIEW, D("2024-05-01"), "won", E),
            "upheld");
    OK(xxgk_case_remedy_decided(reg, a, XXGK_REMEDY_REVIEW, D("2024-05-01"), "corrected", E));
    OK(xxgk_case_remedy(reg, a, XXGK_REMEDY_SUIT_AFTER_REVIEW, D("2024-05-10"), E));
    xxgk_case *c = load(a);
    const xxgk_case_info *i = xxgk_case_info_of(c);
    CHECK_INT(i->nremedies, 2);
    CHECK_STR(i->remedies[0].result, "corrected");
    CHECK(i->remedies[1].result == NULL);
    xxgk_case_free(c);
}

/* Every change is an event with who, when, before and after; the ID
 * number never appears unmasked. */
static void audit_trail(void)
{
    int64_t a = add("壬局", "2024-09-13", XXGK_APPLICANT_NATURAL);
    xxgk_register_set_actor(reg, "李科长");
    OK(xxgk_case_reply(reg, a, D("2024-10-10"), "granted", NULL, E));
    xxgk_register_set_actor(reg, "张科员");
    xxgk_case *c = load(a);
    CHECK_INT(xxgk_case_event_count(c), 2);
    const xxgk_case_event *e1 = xxgk_case_event_at(c, 0), *e2 = xxgk_case_event_at(c, 1);
    CHECK_STR(e1->kind, "received");
    CHECK_STR(e1->who, "张科员");
    CHECK(e1->before == NULL);
    CHECK(strstr(e1->after, "\"state\":\"received\"") != NULL);
    CHECK(strstr(e1->after, "110***********1234") != NULL);
    CHECK(strstr(e1->summary, "1234") == NULL || strstr(e1->summary, "110101") == NULL);
    CHECK_STR(e2->kind, "reply");
    CHECK_STR(e2->who, "李科长");
    CHECK(e2->at && strlen(e2->at) == 20 && e2->at[10] == 'T');
    CHECK_STR(e2->before, "{\"state\":\"received\"}");
    CHECK_STR(e2->after, "{\"state\":\"replied\",\"closed\":\"2024-10-10\",\"outcome\":\"granted\"}");
    CHECK(strstr(e2->summary, "予以公开") != NULL);
    for (size_t k = 0; k < xxgk_case_event_count(c); k++) {
        const xxgk_case_event *e = xxgk_case_event_at(c, k);
        CHECK(!e->after || !strstr(e->after, "110101199001011234"));
        CHECK(!e->before || !strstr(e->before, "110101199001011234"));
    }
    xxgk_case_free(c);
}

static void voiding(void)
{
    int64_t a = add("癸局", "2024-03-01", XXGK_APPLICANT_NATURAL);
    OK(xxgk_case_correction_notice(reg, a, D("2024-03-04"), D("2024-03-15"), E));
    OK(xxgk_case_close(reg, a, D("2024-03-18"), "other_no_correction", NULL, E));
    /* The closing relies on the notice: voiding the notice is refused. */
    REFUSED(xxgk_case_void(reg, a, 2, "误登记", E), "不再成立");
    REFUSED(xxgk_case_void(reg, a, 3, "", E), "原因");
    REFUSED(xxgk_case_void(reg, a, 1, "误登记", E), "收到申请的登记");
    REFUSED(xxgk_case_void(reg, a, 9, "误登记", E), "没有第 9 项");
    /* Voiding the closing reopens the case; the facts stay in history. */
    OK(xxgk_case_void(reg, a, 3, "终止日期登记错误", E));
    CHECK_INT(state(a), XXGK_CASE_AWAITING_CORRECTION);
    REFUSED(xxgk_case_void(reg, a, 3, "再次", E), "已经作废");
    REFUSED(xxgk_case_void(reg, a, 4, "再次", E), "作废记录本身");
    xxgk_case *c = load(a);
    CHECK_INT(xxgk_case_event_count(c), 4);
    CHECK(xxgk_case_event_at(c, 2)->voided);
    CHECK_STR(xxgk_case_event_at(c, 2)->void_reason, "终止日期登记错误");
    CHECK(strstr(xxgk_case_event_at(c, 3)->summary, "作废第 3 项") != NULL);
    xxgk_case_free(c);
    OK(xxgk_case_close(reg, a, D("2024-03-19"), "other_no_correction", NULL, E));
    /* Voiding the whole case: it stays, marked, and takes nothing more. */
    OK(xxgk_case_void(reg, a, 0, "重复登记", E));
    c = load(a);
    CHECK(xxgk_case_info_of(c)->voided);
    CHECK_STR(xxgk_case_info_of(c)->void_reason, "重复登记");
    CHECK_INT(xxgk_case_deadline_count(c), 0);
    xxgk_case_free(c);
    REFUSED(xxgk_case_remedy(reg, a, XXGK_REMEDY_REVIEW, D("2024-04-01"), E), "已作废");
    REFUSED(xxgk_case_void(reg, a, 0, "又一次", E), "已作废");
}

static void editing(void)
{
    int64_t a = add("子局", "2024-09-13", XXGK_APPLICANT_NATURAL);
    OK(xxgk_case_reply(reg, a, D("2024-10-10"), "granted", NULL, E));
    xxgk_application ch = {0};
    ch.received = D("2024-10-11");
    REFUSED(xxgk_case_edit(reg, a, &ch, false, false, E), "早于");
    ch.received = D("2024-09-12");
    ch.applicant = XXGK_APPLICANT_LEGAL;
    ch.id_number = "91110000MA00000000";
    OK(xxgk_case_edit(reg, a, &ch, false, true, E));
    xxgk_case *c = load(a);
    const xxgk_case_info *i = xxgk_case_info_of(c);
    CHECK_INT(i->received, D("2024-09-12"));
    CHECK_INT(i->applicant, XXGK_APPLICANT_LEGAL);
    CHECK_STR(i->id_masked, "911***********0000");
    CHECK_INT(i->channel, XXGK_CHANNEL_ONLINE); /* unchanged */
    const xxgk_case_event *e = xxgk_case_event_at(c, 2);
    CHECK_STR(e->kind, "edit");
    CHECK(strstr(e->before, "\"received\":\"2024-09-13\"") && strstr(e->before, "natural"));
    CHECK(strstr(e->after, "\"received\":\"2024-09-12\"") && strstr(e->after, "legal"));
    CHECK(strstr(e->summary, "收到日期") && strstr(e->summary, "证件号码"));
    xxgk_case_free(c);
    xxgk_application body = {.body = "别的局"};
    REFUSED(xxgk_case_edit(reg, a, &body, false, false, E), "不能更改");
}

static void missing_case(void)
{
    xxgk_case *c = NULL;
    xxgk_error err = {0};
    CHECK_INT(xxgk_case_load(reg, 424242, 0, 0, &c, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "424242") != NULL);
    REFUSED(xxgk_case_reply(reg, 424242, D("2024-10-10"), "granted", NULL, E), "424242");
}

static void read_only(void)
{
    char path[] = "/tmp/xxgk-case-test-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    remove(path);
    xxgk_register *w = NULL, *r = NULL;
    xxgk_error err = {0};
    CHECK_INT(xxgk_register_open(path, true, &r, &err), XXGK_E_IO);
    CHECK(strstr(err.message, "不存在") != NULL);
    CHECK_INT(xxgk_register_open(path, false, &w, &err), XXGK_OK);
    xxgk_register_close(w);
    CHECK_INT(xxgk_register_open(path, true, &r, &err), XXGK_OK);
    xxgk_register_set_actor(r, "x");
    REFUSED(xxgk_case_add(r, &(xxgk_application){"局", D("2024-01-02"), 0, 0, "x", 0, 0, 0, 0, 0},
                          NULL, E),
            "只读");
    xxgk_register_close(r);
    /* The report store in the same file is untouched by the register. */
    xxgk_store *s = NULL;
    CHECK_INT(xxgk_store_open(path, true, &s, &err), XXGK_OK);
    xxgk_store_close(s);
    CHECK_INT(xxgk_register_schema_version(), 1);
    char wal[64];
    snprintf(wal, sizeof wal, "%s-wal", path);
    remove(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    remove(wal);
    remove(path);
}

static void close_register(void)
{
    xxgk_register_close(reg);
}

const struct unit_case unit_cases[] = {
    {"open", open_register},
    {"today_is_settable", today_is_settable},
    {"actor_required", actor_required},
    {"adding", adding},
    {"outcomes", outcomes},
    {"replying", replying},
    {"correcting", correcting},
    {"extending", extending},
    {"consulting", consulting},
    {"fees", fees},
    {"remedies", remedies},
    {"audit_trail", audit_trail},
    {"voiding", voiding},
    {"editing", editing},
    {"missing_case", missing_case},
    {"read_only", read_only},
    {"close", close_register},
    {NULL, NULL},
};
