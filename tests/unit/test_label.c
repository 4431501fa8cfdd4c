/* test_label.c — label normalisation and matching against the templates:
 * variants, labels broken inside a cell, spaced labels, full-width forms,
 * misspellings, and what must not match. */
#include <string.h>

#include "label.h"
#include "unit.h"

/* The key of the row `label` matches in `section`, as "t3.denied_secret",
 * or "" when it matches nothing. */
static const char *row_of(const char *label, int section, int *quality)
{
    static char out[64];
    label_key k;
    label_key_init(&k);
    label_key_add(&k, label, strlen(label));
    label_match m[LABEL_MATCHES];
    int n = label_match_row(&k, section, m);
    out[0] = '\0';
    if (quality)
        *quality = n ? m[0].quality : MATCH_NONE;
    if (n) {
        const tpl_row *r = &m[0].table->rows[m[0].index];
        snprintf(out, sizeof out, "%s.%s", m[0].table->id, r->key ? r->key : "(group)");
    }
    return out;
}

static void official_labels(void)
{
    int q;
    CHECK_STR(row_of("一、本年新收政府信息公开申请数量", 3, &q), "t3.new");
    CHECK_INT(q, MATCH_EXACT);
    CHECK_STR(row_of("（七）总计", 3, NULL), "t3.total");
    CHECK_STR(row_of("四、结转下年度继续办理", 3, NULL), "t3.carried_out");
    CHECK_STR(row_of("政府集中采购", 2, NULL), "t2.procurement");
    CHECK_STR(row_of("行政规范性文件", 2, NULL), "t2.normative");
}

static void numbering_variants(void)
{
    /* 1、 (sample 000), 1． (sample 003), 1. (official) are the same. */
    CHECK_STR(row_of("1、属于国家秘密", 3, NULL), "t3.denied_secret");
    CHECK_STR(row_of("1．属于国家秘密", 3, NULL), "t3.denied_secret");
    CHECK_STR(row_of("1.属于国家秘密", 3, NULL), "t3.denied_secret");
    CHECK_STR(row_of("(1)属于国家秘密", 3, NULL), "t3.denied_secret");
}

static void broken_and_spaced_labels(void)
{
    int q;
    /* A Word cell broken over lines, the group and row label in one cell. */
    CHECK_STR(row_of("（三）不予\n以公\n开 1、属于国家秘密", 3, NULL), "t3.denied_secret");
    CHECK_STR(row_of("规    章", 2, &q), "t2.rules");
    CHECK_INT(q, MATCH_EXACT);
    CHECK_STR(row_of("本年度办 理结果（一）予以公开", 3, NULL), "t3.granted");
    CHECK_STR(row_of("一、本年新收政府信息公开\n申请数量", 3, NULL), "t3.new");
}

static void full_width_forms(void)
{
    CHECK_STR(row_of("（六）其他处理", 3, NULL), "t3.other");
    CHECK_STR(row_of("(六)其他处理", 3, NULL), "t3.other");
    CHECK_STR(row_of("３．危及“三安全一稳定”", 3, NULL), "t3.denied_safety");
    CHECK_STR(row_of("3.危及\"三安全一稳定\"", 3, NULL), "t3.denied_safety");
}

static void known_variants(void)
{
    int q;
    CHECK_STR(row_of("1．本单位不掌握相关政府信息", 3, &q), "t3.unable_not_held");
    CHECK_INT(q, MATCH_VARIANT);
    CHECK_STR(row_of("1.信访投诉举报类申请", 3, &q), "t3.rejected_petition");
    CHECK_INT(q, MATCH_VARIANT);
    /* Notes in parentheses are not part of the label. */
    CHECK_STR(row_of("（二）部分公开（区分处理的，只记这一情形，不记其他情形）", 3, NULL),
              "t3.partial");
    CHECK_STR(row_of("规范性文件（本单位制发的）", 2, NULL), "t2.normative");
}

static void misspellings(void)
{
    int q;
    /* corpus 001/002 */
    CHECK_STR(row_of("2.其他法律行政止公开", 3, &q), "t3.denied_law");
    CHECK_INT(q, MATCH_FUZZY);
    CHECK_STR(row_of("5、属于第三类内部事务信息", 3, NULL), "t3.denied_internal");
}

static void format_2021_rows(void)
{
    CHECK_STR(row_of("3.其他", 3, NULL), "t3.other_misc");
    CHECK_STR(row_of("（六）其他处理 3.其他", 3, NULL), "t3.other_misc");
    CHECK_STR(row_of("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 3, NULL),
              "t3.other_no_correction");
    CHECK_STR(row_of("2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请",
                     3, NULL),
              "t3.other_no_fee");
}

static void non_matches(void)
{
    CHECK_STR(row_of("乡镇动态", 0, NULL), "");
    CHECK_STR(row_of("其中：组织机构", 0, NULL), "");
    CHECK_STR(row_of("2020年上官乡累计主动公开信息", 0, NULL), "");
    CHECK_STR(row_of("", 0, NULL), "");
    /* Group labels are found as groups, not as data rows. */
    CHECK_STR(row_of("（三）不予以公开", 3, NULL), "t3.(group)");
}

static void columns(void)
{
    label_key k;
    label_match m[LABEL_MATCHES];
    label_key_init(&k);
    label_key_add(&k, "商业\n企业", strlen("商业\n企业"));
    CHECK_INT(label_match_column(&k, 3, m), 1);
    CHECK_STR(m[0].table->blocks[0].cols[m[0].index % 16].key, "business");
    label_key_init(&k);
    label_key_add(&k, "结果维护", strlen("结果维护")); /* sample 004 */
    CHECK_INT(label_match_column(&k, 4, m), 1);
    CHECK_INT(m[0].quality, MATCH_FUZZY);
    label_key_init(&k);
    label_key_add(&k, "本年收费金额（单位：万元）", strlen("本年收费金额（单位：万元）"));
    CHECK_INT(label_match_column(&k, 2, m), 1);
}

static void captions(void)
{
    int a, i;
    CHECK(label_parse_caption("第二十条第（一）项", strlen("第二十条第（一）项"), &a, &i));
    CHECK_INT(a, 20);
    CHECK_INT(i, 1);
    CHECK(label_parse_caption("第二十六条第（六）项", strlen("第二十六条第（六）项"), &a, &i));
    CHECK_INT(a, 26);
    CHECK_INT(i, 6);
    CHECK(label_parse_caption("第 二十 条第(九)项", strlen("第 二十 条第(九)项"), &a, &i));
    CHECK_INT(i, 9);
    CHECK(!label_parse_caption("信息内容", strlen("信息内容"), &a, &i));
}

static void distance(void)
{
    CHECK_INT(label_distance("结果维持", 12, "结果维护", 12, 3), 1);
    CHECK_INT(label_distance("abc", 3, "abc", 3, 1), 0);
    CHECK_INT(label_distance("abcdef", 6, "x", 1, 2), 3); /* beyond max: max+1 */
}

const struct unit_case unit_cases[] = {
    {"official_labels", official_labels},
    {"numbering_variants", numbering_variants},
    {"broken_and_spaced_labels", broken_and_spaced_labels},
    {"full_width_forms", full_width_forms},
    {"known_variants", known_variants},
    {"misspellings", misspellings},
    {"format_2021_rows", format_2021_rows},
    {"non_matches", non_matches},
    {"columns", columns},
    {"captions", captions},
    {"distance", distance},
    {NULL, NULL},
};
