/* test_rules.c — every rule of the catalogue, each with a passing input
 * (the builder's clean report, which has no finding at all) and a failing
 * one (the same report with one thing changed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"
#include "unit.h"

/* The rule does not fire on the clean report of `b`, and fires once
 * `from` (up to `until`, when given) is replaced by `to`. */
static void expect_rule_cut(const char *rule, const builder *b, const char *from,
                            const char *until, const char *to)
{
    char *text = builder_text(b);
    xxgk_report *clean = parse_and_check(text, NULL);
    CHECK(clean != NULL);
    if (clean && count_rule(clean, rule) != 0) {
        fprintf(stderr, "  %s fires on the clean report\n", rule);
        unit_failures++;
    }
    if ((until ? text_cut(&text, from, until, to) : text_replace(&text, from, to)) < 0) {
        fprintf(stderr, "  %s: '%s' not in the report\n", rule, from);
        unit_failures++;
    }
    xxgk_report *bad = parse_and_check(text, NULL);
    CHECK(bad != NULL);
    if (bad && count_rule(bad, rule) == 0) {
        fprintf(stderr, "  %s does not fire after '%s' → '%s'\n", rule, from, to);
        unit_failures++;
    }
    xxgk_report_free(clean);
    xxgk_report_free(bad);
    free(text);
}

static void expect_rule(const char *rule, const builder *b, const char *from, const char *to)
{
    expect_rule_cut(rule, b, from, NULL, to);
}

static void check_clean(const builder *b)
{
    char *text = builder_text(b);
    xxgk_report *r = parse_and_check(text, NULL);
    CHECK(r != NULL);
    for (size_t i = 0; r && i < xxgk_report_finding_count(r); i++) {
        const xxgk_finding *f = xxgk_report_finding(r, i);
        fprintf(stderr, "  unexpected %s [%s] line %u: %s\n", xxgk_severity_name(f->severity),
                f->rule, f->line, f->message);
        unit_failures++;
    }
    xxgk_report_free(r);
    free(text);
}

static void clean_reports_have_no_findings(void)
{
    builder b = builder_default();
    check_clean(&b);
    b.year = 2020;
    b.format = XXGK_FORMAT_2019;
    check_clean(&b);
}

static void structure_rules(void)
{
    builder b = builder_default();
    expect_rule("heading-missing", &b, "六、其他需要报告的事项\n", "");
    expect_rule("heading-order", &b,
                "五、存在的主要问题及改进情况\n我镇政府信息公开工作仍有不足，下一步将加强培训。\n"
                "六、其他需要报告的事项\n本年度未收取信息处理费。\n",
                "六、其他需要报告的事项\n本年度未收取信息处理费。\n"
                "五、存在的主要问题及改进情况\n我镇政府信息公开工作仍有不足，下一步将加强培训。\n");
    expect_rule("heading-number", &b, "五、存在的主要问题", "5、存在的主要问题");
    expect_rule("heading-title", &b, "一、总体情况", "一、总体概述");
    expect_rule("title-incomplete", &b, "青山镇2022年政府信息公开工作年度报告",
                "政府信息公开工作年度报告");
    expect_rule_cut("table-missing", &b, "\t行政复议\n\t行政诉讼\n", "五、存在",
                    "本年度未发生行政复议、行政诉讼。\n");
    expect_rule("row-missing", &b, "\t行政强制\n\t0\n\n", "");
    expect_rule("row-order", &b, "\t行政处罚\n\t0\n\n\t行政强制\n\t0\n\n",
                "\t行政强制\n\t0\n\n\t行政处罚\n\t0\n\n");
    char *long_text = malloc(8000);
    strcpy(long_text, "全年主动公开政府信息120条。");
    for (int i = 0; i < 80; i++)
        strcat(long_text, "我镇持续推进政务公开标准化规范化建设。");
    expect_rule("overview-length", &b, "全年主动公开政府信息120条。", long_text);
    free(long_text);
}

static void shape_rules(void)
{
    builder b = builder_default();
    expect_rule("row-shape", &b, "\t2.重复申请\n\t0\n", "\t2.重复申请\n");
    expect_rule("cell-blank", &b, "\t2.重复申请\n\t0\n", "\t2.重复申请\n\t\n");
    expect_rule("cell-text", &b, "\t2.重复申请\n\t0\n", "\t2.重复申请\n\t见附件\n");
    expect_rule("cell-negative", &b, "\t行政处罚\n\t0\n", "\t行政处罚\n\t-2\n");
    expect_rule("cell-fraction", &b, "\t行政处罚\n\t0\n", "\t行政处罚\n\t1.5\n");
    expect_rule("cell-implausible", &b, "\t行政处罚\n\t0\n", "\t行政处罚\n\t12345678901\n");
    expect_rule("row-duplicate", &b, "\t行政处罚\n\t0\n\n", "\t行政处罚\n\t0\n\n\t行政处罚\n\t0\n\n");
    expect_rule("row-subtotal", &b, "\t（三）不予公开\n\t1.属于国家秘密\n",
                "\t（三）不予公开\n\t1\n\t1\n\t0\n\t0\n\t0\n\t0\n\t2\n\n"
                "\t\n\t1.属于国家秘密\n");
}

/* The number of cell-implausible findings when `from` becomes `to` in
 * the clean report. */
static int implausible_after(const char *from, const char *to)
{
    builder b = builder_default();
    char *text = builder_text(&b);
    CHECK(text_replace(&text, from, to) == 0);
    xxgk_report *r = parse_and_check(text, NULL);
    CHECK(r != NULL);
    int n = r ? count_rule(r, "cell-implausible") : -1;
    xxgk_report_free(r);
    free(text);
    return n;
}

/* A billion is the limit, in the column's unit (万元 for the fees). */
static void implausible_values(void)
{
    CHECK_INT(implausible_after("\t行政处罚\n\t0\n", "\t行政处罚\n\t1000000000\n"), 0);
    CHECK_INT(implausible_after("\t行政处罚\n\t0\n", "\t行政处罚\n\t1000000001\n"), 1);
    CHECK_INT(implausible_after("\t行政处罚\n\t0\n", "\t行政处罚\n\t-9000000000000000000\n"), 1);
    CHECK_INT(implausible_after("\t3.25\n", "\t1000000000.99\n"), 0);
    CHECK_INT(implausible_after("\t3.25\n", "\t1000000001.5\n"), 1);
}

/* 一、本年新收 with 9e18 + 9e18 + 446744073709551616 = 2^64 and 总计 0:
 * summed in 64 bits without a check, the row wraps to exactly 0 and
 * t3-row-total holds. The sum must be found too large instead. */
static void sums_do_not_wrap(void)
{
    builder b = builder_default();
    char *text = builder_text(&b);
    CHECK(text_replace(&text,
                       "\t一、本年新收政府信息公开申请数量\n\t3\n\t1\n\t0\n\t0\n\t0\n\t0\n\t4\n",
                       "\t一、本年新收政府信息公开申请数量\n\t9000000000000000000\n"
                       "\t9000000000000000000\n\t446744073709551616\n\t0\n\t0\n\t0\n\t0\n") == 0);
    xxgk_report *r = parse_and_check(text, NULL);
    CHECK(r != NULL);
    int new_natural = xxgk_cell_find("t3.new.natural");
    bool row_total = false;
    for (size_t i = 0; r && i < xxgk_report_finding_count(r); i++) {
        const xxgk_finding *f = xxgk_report_finding(r, i);
        for (size_t k = 0; k < f->ncells && !strcmp(f->rule, "t3-row-total"); k++)
            if (f->cells[k] == new_natural) {
                row_total = true;
                CHECK(f->expected && strstr(f->expected, "超出可计算的范围"));
            }
    }
    CHECK(row_total);
    CHECK(r && count_rule(r, "cell-implausible") == 3);
    xxgk_report_free(r);
    free(text);
}

static void label_rules(void)
{
    builder b = builder_default();
    expect_rule("label-variant", &b, "1.本机关不掌握相关政府信息", "1．本单位不掌握相关政府信息");
    expect_rule("label-variant", &b, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                "（二）部分公开（区分处理的，只记这一情形，不记其他情形）");
    expect_rule("label-mismatch", &b, "2.其他法律行政法规禁止公开", "2.其他法律行政止公开");
    expect_rule("label-mismatch", &b, "\t结果维持\n", "\t结果维护\n");
    expect_rule("caption-article", &b, "第二十条第（六）项", "第二十六条第（六）项");
    expect_rule("label-old-format", &b, "\t行政规范性文件\n", "\t规范性文件\n");
    expect_rule("caption-article", &b, "第二十条第（八）项", "第二十条第（九）项");
}

static void arithmetic_rules(void)
{
    builder b = builder_default();
    /* 一、本年新收: 3 + 1 = 4 in the total column */
    expect_rule("t3-row-total", &b, "\t一、本年新收政府信息公开申请数量\n\t3\n\t1\n\t0\n\t0\n\t0\n\t0\n\t4\n",
                "\t一、本年新收政府信息公开申请数量\n\t3\n\t1\n\t0\n\t0\n\t0\n\t0\n\t5\n");
    expect_rule("t3-outcome-total", &b, "\t2.重复申请\n\t0\n", "\t2.重复申请\n\t2\n");
    expect_rule("t3-balance", &b, "\t二、上年结转政府信息公开申请数量\n\t1\n",
                "\t二、上年结转政府信息公开申请数量\n\t2\n");
    expect_rule("t4-group-total", &b, "\t1\n\t0\n\t0\n\t1\n\t2\n", "\t1\n\t0\n\t0\n\t1\n\t3\n");
}

static void unit_and_format_rules(void)
{
    builder b = builder_default();
    expect_rule("unit-wrong", &b, "\t3.25\n", "\t32500元\n");
    expect_rule("fee-statement-missing", &b, "本年度未收取信息处理费。", "无。");
    builder old = builder_default();
    old.year = 2020;
    old.format = XXGK_FORMAT_2019;
    expect_rule("unit-unknown", &old, "\t3.25万元\n", "\t3.25\n");
    expect_rule("fee-statement-contradiction", &old, "本年度未收取信息处理费。",
                "本年度共收取信息处理费200元。");
    /* a 2022 report with 2019-format tables */
    builder wrong = old;
    wrong.year = 2022;
    char *text = builder_text(&wrong);
    xxgk_report *r = parse_and_check(text, NULL);
    CHECK(r && count_rule(r, "format-version") == 1);
    xxgk_report_free(r);
    free(text);
    /* a 2021-format report that prints the 2019 single 其他处理 row
     * (corpus 001): its values are read, the old row is reported */
    const char *subrows_start = "\t（六）其他处理\n\t1.申请人无正当理由";
    /* (the first cell of each row is the merged 三、本年度办理结果) */
    text = builder_text(&b);
    char *end = strstr(text, "\t\n\t（七）总计");
    char *start = strstr(text, subrows_start);
    if (start)
        start -= 2; /* include the merged cell before it */
    CHECK(start && end);
    if (start && end) {
        char *cut = malloc(strlen(text) + 64);
        size_t pre = (size_t)(start - text);
        memcpy(cut, text, pre);
        strcpy(cut + pre, "\t\n\t（六）其他处理\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\n");
        strcat(cut, end);
        r = parse_and_check(cut, NULL);
        CHECK(r && count_rule(r, "format-row") == 1);
        CHECK(r && count_rule(r, "row-missing") == 0);
        CHECK(r && count_rule(r, "t3-outcome-total") == 0); /* summed with the old row */
        int id = xxgk_cell_find("t3.other.total");
        CHECK(r && xxgk_report_cell(r, (size_t)id)->kind == XXGK_VALUE_NUMBER);
        xxgk_report_free(r);
        free(cut);
    }
    free(text);
}

static void prose_and_identity_rules(void)
{
    builder b = builder_default();
    expect_rule("prose-applications", &b, "全年新收政府信息公开申请4件", "全年新收政府信息公开申请9件");
    expect_rule("prose-review", &b, "全年主动公开政府信息120条。",
                "全年主动公开政府信息120条。全年发生行政复议5起。");
    expect_rule("identity-kind", &b, "下一步将加强培训", "下一步我街道将加强培训");
    expect_rule("year-mismatch", &b, "一、总体情况\n2022年", "一、总体情况\n2019年");
    expect_rule("period-mismatch", &b, "至2022年12月31日", "至2022年6月30日");
}

static void date_rules(void)
{
    builder b = builder_default();
    expect_rule("date-late", &b, "2023年1月16日", "2023年2月15日");
    expect_rule("date-early", &b, "2023年1月16日", "2022年12月20日");
    expect_rule("date-missing", &b, "\n2023年1月16日\n", "\n");
    /* a county government's own report is due by 3月31日 */
    builder county = builder_default();
    county.body = "青山县";
    county.self = "我县";
    char *text = builder_text(&county);
    text_replace(&text, "2023年1月16日", "2023年3月20日");
    xxgk_report *r = parse_and_check(text, NULL);
    CHECK(r && count_rule(r, "date-late") == 0);
    xxgk_report_free(r);
    free(text);
}

static void across_years_rules(void)
{
    builder prev = builder_default(), cur = builder_default();
    prev.year = 2021;
    prev.in_force = 10; /* 10 + 2 made − 1 repealed = 11 this year */
    char *pt = builder_text(&prev), *ct = builder_text(&cur);
    xxgk_report *p = parse_and_check(pt, NULL);
    xxgk_report *c = parse_and_check(ct, p);
    CHECK(p && c);
    CHECK_INT(count_rule(c, "carry-over"), 0);
    CHECK_INT(count_rule(c, "in-force-continuity"), 0);
    xxgk_report_free(c);
    /* this year's 上年结转 differs from last year's 结转下年度 */
    cur.carried_natural = 2;
    cur.in_force = 13;
    free(ct);
    ct = builder_text(&cur);
    c = parse_and_check(ct, p);
    CHECK(count_rule(c, "carry-over") >= 1);
    CHECK_INT(count_rule(c, "in-force-continuity"), 1);
    xxgk_report_free(c);
    xxgk_report_free(p);
    free(pt);
    free(ct);
}

static void catalogue_is_complete(void)
{
    /* every rule has all its texts, and ids are unique */
    for (size_t i = 0; i < xxgk_rule_count(); i++) {
        const xxgk_rule *r = xxgk_rule_at(i);
        CHECK(r->id && r->category && r->basis && r->title && r->explanation);
        CHECK(strlen(r->explanation) > 30);
        for (size_t k = 0; k < i; k++)
            CHECK(strcmp(xxgk_rule_at(k)->id, r->id) != 0);
    }
    CHECK(xxgk_rule_find("t3-balance") != NULL);
    CHECK_STR(xxgk_rule_find("t3-balance")->category, "arithmetic");
    CHECK(xxgk_rule_find("no-such-rule") == NULL);
    CHECK_STR(xxgk_severity_name(XXGK_WARNING), "warning");
}

const struct unit_case unit_cases[] = {
    {"clean_reports_have_no_findings", clean_reports_have_no_findings},
    {"structure_rules", structure_rules},
    {"shape_rules", shape_rules},
    {"implausible_values", implausible_values},
    {"sums_do_not_wrap", sums_do_not_wrap},
    {"label_rules", label_rules},
    {"arithmetic_rules", arithmetic_rules},
    {"unit_and_format_rules", unit_and_format_rules},
    {"prose_and_identity_rules", prose_and_identity_rules},
    {"date_rules", date_rules},
    {"across_years_rules", across_years_rules},
    {"catalogue_is_complete", catalogue_is_complete},
    {NULL, NULL},
};
