/*
 * case_rules.c — the register's vocabulary as data: applicant types
 * (the columns of table 三), channels and their receipt rules (第三十一条),
 * case states, the outcome rows of table 三 with their legal grounds
 * (rules.md §3.8) and the words ledgers use for them, remedy, document
 * and tally kinds, deadline statuses.
 */
#include <stdio.h>
#include <string.h>

#include "case.h"
#include "template.h"
#include "input.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- applicants ------------------------------------------------------ */

static const struct {
    const char *key, *label, *aliases;
} applicants[XXGK_APPLICANT_COUNT] = {
    {"natural", "自然人", "个人|公民"},
    {"business", "商业企业", "企业|公司"},
    {"research", "科研机构", ""},
    {"nonprofit", "社会公益组织", "公益组织"},
    {"legal", "法律服务机构", "律师事务所|律所"},
    {"other_org", "其他", "其他组织|其他法人或其他组织"},
};

const char *xxgk_applicant_key(xxgk_applicant a)
{
    return (unsigned)a < XXGK_APPLICANT_COUNT ? applicants[a].key : "";
}

const char *xxgk_applicant_label(xxgk_applicant a)
{
    return (unsigned)a < XXGK_APPLICANT_COUNT ? applicants[a].label : "";
}

bool case_in_list(const char *list, const char *text)
{
    size_t n = strlen(text);
    for (const char *p = list; *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && n && !strncmp(p, text, n))
            return true;
        p += len + (bar ? 1 : 0);
    }
    return false;
}

bool xxgk_applicant_find(const char *text, xxgk_applicant *out)
{
    for (int i = 0; text && i < XXGK_APPLICANT_COUNT; i++)
        if (!strcmp(text, applicants[i].key) || !strcmp(text, applicants[i].label) ||
            case_in_list(applicants[i].aliases, text)) {
            *out = (xxgk_applicant)i;
            return true;
        }
    return false;
}

/* ---- channels (第三十一条) --------------------------------------------- */

#define ONLINE_RULE                                                                     \
    "通过互联网渠道或者政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日"        \
    "（第三十一条第（三）项）"
static const struct {
    const char *name, *aliases, *rule;
} channels[XXGK_CHANNEL_COUNT] = {
    {"当面", "in_person|现场", "当面提交的，以提交之日为收到申请之日（第三十一条第（一）项）"},
    {"邮寄", "post|挂号信|快递",
     "以邮寄方式提交的，以政府信息公开工作机构签收之日为收到申请之日（第三十一条第（二）项）"},
    {"平邮", "mail|平常信函",
     "以平常信函等无需签收的邮寄方式提交的，政府信息公开工作机构应于收到当日与申请人确认，"
     "确认之日为收到申请之日（第三十一条第（二）项）"},
    {"网络", "online|网上|互联网|网上申请", ONLINE_RULE},
    {"传真", "fax", ONLINE_RULE},
    {"电子邮件", "email|邮件|电子邮箱", ONLINE_RULE},
};

const char *xxgk_channel_name(xxgk_channel c)
{
    return (unsigned)c < XXGK_CHANNEL_COUNT ? channels[c].name : "";
}

const char *xxgk_channel_rule(xxgk_channel c)
{
    return (unsigned)c < XXGK_CHANNEL_COUNT ? channels[c].rule : "";
}

bool xxgk_channel_find(const char *name, xxgk_channel *out)
{
    for (int i = 0; name && i < XXGK_CHANNEL_COUNT; i++)
        if (!strcmp(name, channels[i].name) || case_in_list(channels[i].aliases, name)) {
            *out = (xxgk_channel)i;
            return true;
        }
    return false;
}

/* ---- states ---------------------------------------------------------- */

static const char *const state_keys[XXGK_CASE_STATE_COUNT] = {
    "received", "awaiting_correction", "in_progress", "consulting",
    "awaiting_fee", "replied", "closed"};
static const char *const state_texts[XXGK_CASE_STATE_COUNT] = {
    "已收到", "待补正", "办理中", "征求意见中", "待缴费", "已答复", "已终止"};

const char *xxgk_case_state_key(xxgk_case_state s)
{
    return (unsigned)s < XXGK_CASE_STATE_COUNT ? state_keys[s] : "";
}

const char *xxgk_case_state_text(xxgk_case_state s)
{
    return (unsigned)s < XXGK_CASE_STATE_COUNT ? state_texts[s] : "";
}

/* ---- outcomes (rules.md §3.8) ----------------------------------------------- */

const outcome_row outcome_rows[] = {
    {"granted", "（一）予以公开", "第三十六条第（一）、（二）项", "予以公开|公开", true},
    {"partial", "（二）部分公开", "第三十七条", "部分公开", true},
    {"denied_secret", "（三）不予公开 1.属于国家秘密", "第十四条", "国家秘密", true},
    {"denied_law", "（三）不予公开 2.其他法律行政法规禁止公开", "第十四条",
     "法律行政法规禁止|法律法规禁止", true},
    {"denied_safety", "（三）不予公开 3.危及“三安全一稳定”", "第十四条",
     "三安全一稳定|危及国家安全", true},
    {"denied_third_party", "（三）不予公开 4.保护第三方合法权益", "第十五条、第三十二条",
     "第三方合法权益|商业秘密|个人隐私", true},
    {"denied_internal", "（三）不予公开 5.属于三类内部事务信息", "第十六条第一款", "内部事务",
     true},
    {"denied_process", "（三）不予公开 6.属于四类过程性信息", "第十六条第二款", "过程性信息",
     true},
    {"denied_enforcement", "（三）不予公开 7.属于行政执法案卷", "第十六条第二款", "执法案卷",
     true},
    {"denied_query", "（三）不予公开 8.属于行政查询事项", "第三十六条第（七）项", "行政查询",
     true},
    {"unable_not_held", "（四）无法提供 1.本机关不掌握相关政府信息",
     "第三十六条第（四）、（五）项", "不掌握|不存在", true},
    {"unable_create", "（四）无法提供 2.没有现成信息需要另行制作", "第三十八条",
     "另行制作|没有现成", true},
    {"unable_unclear", "（四）无法提供 3.补正后申请内容仍不明确", "第三十条", "仍不明确", true},
    {"rejected_petition", "（五）不予处理 1.信访举报投诉类申请", "第三十九条第一款",
     "信访|举报|投诉", true},
    {"rejected_repeat", "（五）不予处理 2.重复申请", "第三十六条第（六）项", "重复申请", true},
    {"rejected_publication", "（五）不予处理 3.要求提供公开出版物", "第三十九条第二款",
     "公开出版物", true},
    {"rejected_excessive", "（五）不予处理 4.无正当理由大量反复申请", "第三十五条", "大量反复",
     true},
    {"rejected_confirm", "（五）不予处理 5.要求行政机关确认或重新出具已获取信息", "第二条、第三十八条",
     "确认或重新出具|重新出具", true},
    {"other", "（六）其他处理", "国办公开办函〔2019〕60号", "其他处理", false},
    {"other_no_correction",
     "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "第三十条",
     "逾期不补正|未补正|不补正", false},
    {"other_no_fee",
     "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
     "国办函〔2020〕109号", "缴纳费用|未缴费|未缴纳", false},
    {"other_misc", "（六）其他处理 3.其他", "—", "撤回|其他", false},
};
const size_t outcome_row_count = N(outcome_rows);

const outcome_row *outcome_find(const char *key)
{
    for (size_t i = 0; key && i < N(outcome_rows); i++)
        if (!strcmp(key, outcome_rows[i].key))
            return &outcome_rows[i];
    return NULL;
}

/* Whether `text` contains one of the '|'-separated words of `list`. */
static bool contains_any(const char *list, const char *text)
{
    char word[64];
    for (const char *p = list; *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        snprintf(word, sizeof word, "%.*s", (int)len, p);
        if (*word && strstr(text, word))
            return true;
        p += len + (bar ? 1 : 0);
    }
    return false;
}

const outcome_row *outcome_match(const char *text)
{
    if (!text || !*text)
        return NULL;
    const outcome_row *exact = outcome_find(text);
    if (exact)
        return exact;
    /* The specific rows first; "公开" alone names （一） only when no
     * other row matches (部分公开, 不予公开 also contain it), and "其他"
     * the residual row only when nothing else does. */
    const outcome_row *hit = NULL;
    int hits = 0;
    for (size_t i = 0; i < N(outcome_rows); i++) {
        const outcome_row *r = &outcome_rows[i];
        if (!strcmp(r->key, "granted") || !strcmp(r->key, "other_misc") || !strcmp(r->key, "other"))
            continue;
        if (contains_any(r->match, text))
            hit = r, hits++;
    }
    if (hits == 1)
        return hit;
    if (hits > 1)
        return NULL;
    if (strstr(text, "不予公开") || strstr(text, "无法提供") || strstr(text, "不予处理"))
        return NULL; /* a group without its sub-ground */
    if (contains_any("予以公开|公开", text))
        return outcome_find("granted");
    if (contains_any("撤回|其他", text))
        return outcome_find("other_misc");
    return NULL;
}

bool outcome_in_format(const outcome_row *o, xxgk_format f)
{
    char key[96];
    snprintf(key, sizeof key, "t3.%s.total", o->key);
    int id = xxgk_cell_find(key);
    return id >= 0 && xxgk_format_has_cell(f, (size_t)id);
}

const char *outcome_cell_row(const char *key, xxgk_format format)
{
    const char *row = tpl_row_in_format(format, 3, key);
    return row ? row : key;
}

size_t xxgk_outcome_count(void)
{
    return N(outcome_rows);
}

const char *xxgk_outcome_key_at(size_t i)
{
    return i < N(outcome_rows) ? outcome_rows[i].key : NULL;
}

const char *xxgk_outcome_label(const char *key)
{
    const outcome_row *r = outcome_find(key);
    return r ? r->label : NULL;
}

const char *xxgk_outcome_ground(const char *key)
{
    const outcome_row *r = outcome_find(key);
    return r ? r->ground : NULL;
}

/* The sub-rows of a group word, for the message when only the group is
 * given ("denied" → the eight grounds). */
static const char *group_rows(const char *key)
{
    static const struct {
        const char *group, *rows;
    } groups[] = {
        {"denied", "（三）不予公开须写明具体理由：denied_secret、denied_law、denied_safety、"
                   "denied_third_party、denied_internal、denied_process、denied_enforcement、"
                   "denied_query"},
        {"unable", "（四）无法提供须写明具体情形：unable_not_held、unable_create、unable_unclear"},
        {"rejected", "（五）不予处理须写明具体情形：rejected_petition、rejected_repeat、"
                     "rejected_publication、rejected_excessive、rejected_confirm"},
    };
    for (size_t i = 0; i < N(groups); i++)
        if (!strcmp(key, groups[i].group))
            return groups[i].rows;
    return NULL;
}

bool xxgk_outcome_check(const char *key, xxgk_date date, bool reply, xxgk_error *err)
{
    if (!key || !*key) {
        error_set(err, XXGK_E_USAGE, reply ? "答复须写明办理结果（表三的一行，如 granted）"
                                           : "终止须写明（六）其他处理中的具体情形");
        return false;
    }
    const char *group = group_rows(key);
    if (group) {
        error_set(err, XXGK_E_USAGE, "%s", group);
        return false;
    }
    const outcome_row *r = outcome_find(key);
    if (!r) {
        error_set(err, XXGK_E_USAGE,
                  "办理结果“%s”不是表三的一行（如 granted、partial、denied_secret、"
                  "unable_not_held、rejected_repeat、other_no_correction，见 docs/register.md）",
                  key);
        return false;
    }
    int y, m, d;
    xxgk_date_split(date, &y, &m, &d);
    xxgk_format f = xxgk_format_for_year(y);
    if (f == XXGK_FORMAT_UNKNOWN) {
        error_set(err, XXGK_E_USAGE, "%d年不在统一格式适用的年度内（%s年起）", y,
                  xxgk_format_name(xxgk_format_at(0)));
        return false;
    }
    if (reply && !r->reply) {
        error_set(err, XXGK_E_USAGE,
                  "“%s”属于（六）其他处理，是不再处理而终止，不是答复；请按终止登记", key);
        return false;
    }
    if (!reply && r->reply) {
        error_set(err, XXGK_E_USAGE, "“%s”是答复的办理结果（（一）至（五）项），请按答复登记",
                  key);
        return false;
    }
    if (!tpl_row_in_format(f, 3, key)) {
        /* the rows of f that the outcome's row is divided into */
        char rows[256] = "";
        const tpl_table *t = tpl_table_of(f, 3);
        size_t o = 0;
        for (int k = 0; t && k < t->nrows; k++) {
            int g = t->rows[k].group;
            if (t->rows[k].kind == ROW_DATA && (t->rows[k].formats & format_mask(f)) && g >= 0 &&
                !strcmp(t->rows[g].label, strchr(r->label, ' ') ? "" : r->label))
                o += (size_t)snprintf(rows + o, o < sizeof rows ? sizeof rows - o : 0, "%s%s",
                                      o ? "、" : "", t->rows[k].key);
        }
        error_set(err, XXGK_E_USAGE, "%d年适用%s年版格式，其表三没有“%s”这一项%s%s%s", y,
                  xxgk_format_name(f), key, o ? "，分为：" : "", rows, o ? "" : "");
        return false;
    }
    return true;
}

/* ---- remedies, documents, tallies ------------------------------------------- */

static const char *const remedy_keys[] = {"review", "suit_direct", "suit_after_review"};

const char *xxgk_remedy_key(xxgk_remedy_kind k)
{
    return (unsigned)k < N(remedy_keys) ? remedy_keys[k] : "";
}

bool xxgk_remedy_find(const char *key, xxgk_remedy_kind *out)
{
    static const char *const labels[] = {"行政复议", "直接起诉", "复议后起诉"};
    for (size_t i = 0; key && i < N(remedy_keys); i++)
        if (!strcmp(key, remedy_keys[i]) || !strcmp(key, labels[i])) {
            *out = (xxgk_remedy_kind)i;
            return true;
        }
    return false;
}

static const char *const doc_keys[] = {"rules", "normative", "other"};
static const char *const doc_labels[] = {"规章", "行政规范性文件", "其他主动公开信息"};

const char *xxgk_doc_kind_key(xxgk_doc_kind k)
{
    return (unsigned)k < N(doc_keys) ? doc_keys[k] : "";
}

const char *xxgk_doc_kind_label(xxgk_doc_kind k)
{
    return (unsigned)k < N(doc_labels) ? doc_labels[k] : "";
}

bool xxgk_doc_kind_find(const char *key, xxgk_doc_kind *out)
{
    for (size_t i = 0; key && i < N(doc_keys); i++)
        if (!strcmp(key, doc_keys[i]) || !strcmp(key, doc_labels[i])) {
            *out = (xxgk_doc_kind)i;
            return true;
        }
    return false;
}

static const char *const tally_keys[] = {"licensing", "penalty", "coercion", "fees"};

const char *xxgk_tally_kind_key(xxgk_tally_kind k)
{
    return (unsigned)k < N(tally_keys) ? tally_keys[k] : "";
}

bool xxgk_tally_kind_find(const char *key, xxgk_tally_kind *out)
{
    static const char *const labels[] = {"行政许可", "行政处罚", "行政强制", "行政事业性收费"};
    for (size_t i = 0; key && i < N(tally_keys); i++)
        if (!strcmp(key, tally_keys[i]) || !strcmp(key, labels[i])) {
            *out = (xxgk_tally_kind)i;
            return true;
        }
    return false;
}

static const char *const status_keys[] = {"open", "overdue", "met", "late", "suspended",
                                          "unknown"};
static const char *const status_texts[] = {"未到期", "已逾期", "按期完成", "逾期完成",
                                           "暂停计算", "无法计算"};

const char *xxgk_deadline_status_key(xxgk_deadline_status s)
{
    return (unsigned)s < N(status_keys) ? status_keys[s] : "";
}

const char *xxgk_deadline_status_text(xxgk_deadline_status s)
{
    return (unsigned)s < N(status_texts) ? status_texts[s] : "";
}
