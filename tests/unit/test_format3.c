/* test_format3.c — a third format added in template data alone: a
 * made-up provincial trial format for 2099 with its own three tables
 * (a table 二 with a new row and column, a table 三 of three applicant
 * columns, a table 四 of two groups), registered before first use. It is
 * read from text, checked (its own sum rules) and rendered, with no code
 * that knows it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"
#include "unit.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define F3 4 /* its bit: the third format, after 2019 and 2021 */

static const tpl_col cols_t2[] = {
    {"made", "本年制发件数", NULL, UNIT_COUNT},
    {"in_force", "现行有效件数", NULL, UNIT_COUNT},
};
static const tpl_block blocks_t2[] = {{"第二十条第（一）项", 20, 1, cols_t2, N(cols_t2)}};
static const tpl_row rows_t2[] = {
    {"rules", "规章", NULL, ROW_DATA, -1, 0, F3},
    {"notices", "通知公告", NULL, ROW_DATA, -1, 0, F3},
};
static const tpl_group groups_t2[] = {{"信息内容", NULL, true}};

static const tpl_col cols_t3[] = {
    {"natural", "自然人", NULL, UNIT_COUNT},
    {"legal_person", "法人或其他组织", NULL, UNIT_COUNT},
    {"total", "总计", NULL, UNIT_COUNT},
};
static const tpl_block blocks_t3[] = {{NULL, 0, 0, cols_t3, N(cols_t3)}};
static const tpl_row rows_t3[] = {
    {"new", "一、本年新收政府信息公开申请数量", NULL, ROW_DATA, -1, 0, F3},
    {"carried_in", "二、上年结转政府信息公开申请数量", NULL, ROW_DATA, -1, 0, F3},
    {NULL, "三、本年度办理结果", NULL, ROW_GROUP, -1, 0, F3},
    {"granted", "（一）予以公开", NULL, ROW_DATA, 2, 0, F3},
    {"refused", "（二）不予公开", NULL, ROW_DATA, 2, 0, F3},
    {"total", "（三）总计", NULL, ROW_DATA, 2, 0, F3},
    {"carried_out", "四、结转下年度继续办理", NULL, ROW_DATA, -1, 0, F3},
};
static const tpl_sum sums_t3[] = {
    {"t3-row-total", SUM_EACH_ROW, "total", "natural legal_person", F3, "试行格式表三", "总计",
     NULL, "各类申请人相加是", "各行总计等于各类申请人之和。"},
    {"t3-outcome-total", SUM_EACH_COLUMN, "total", "granted refused", F3, "试行格式表三",
     "总计", NULL, "各项办理结果相加是", "总计等于各项办理结果之和。"},
    {"t3-balance", SUM_EACH_COLUMN, "new carried_in", "total carried_out", F3, "试行格式表三",
     "勾稽", "本年新收加上年结转是", "总计加结转下年度是", "第一项加第二项等于第三项加第四项。"},
};
static const tpl_group groups_t3[] = {{"申请人情况", NULL, false}};

static const tpl_col cols_t4[] = {
    {"upheld", "结果维持", NULL, UNIT_COUNT},
    {"corrected", "结果纠正", NULL, UNIT_COUNT},
    {"total", "总计", NULL, UNIT_COUNT},
};
static const tpl_block blocks_t4[] = {{NULL, 0, 0, cols_t4, N(cols_t4)}};
static const tpl_row rows_t4[] = {
    {"review", "行政复议", NULL, ROW_DATA, -1, 0, F3},
    {"suit", "行政诉讼", NULL, ROW_DATA, -1, 0, F3},
};
static const tpl_sum sums_t4[] = {
    {"t4-group-total", SUM_EACH_ROW, "total", "upheld corrected", F3, "试行格式表四", "总计",
     NULL, "各结果相加是", "总计等于各结果之和。"},
};

static const tpl_table t2 = {
    .id = "t2", .name = "表二", .title = "主动公开政府信息情况", .section = 2,
    .layout = LAYOUT_ROWS, .formats = F3, .blocks = blocks_t2, .nblocks = 1, .rows = rows_t2,
    .nrows = N(rows_t2), .groups = groups_t2, .ngroups = 1};
static const tpl_table t3 = {
    .id = "t3", .name = "表三", .title = "收到和处理政府信息公开申请情况", .section = 3,
    .layout = LAYOUT_ROWS, .formats = F3, .blocks = blocks_t3, .nblocks = 1, .rows = rows_t3,
    .nrows = N(rows_t3), .sums = sums_t3, .nsums = N(sums_t3), .groups = groups_t3,
    .ngroups = 1};
static const tpl_table t4 = {
    .id = "t4", .name = "表四", .title = "政府信息公开行政复议、行政诉讼情况", .section = 4,
    .layout = LAYOUT_FLAT, .formats = F3, .blocks = blocks_t4, .nblocks = 1, .rows = rows_t4,
    .nrows = N(rows_t4), .sums = sums_t4, .nsums = N(sums_t4)};

static const tpl_heading headings[] = {
    {1, "总体情况", NULL, WORDS("总体情况"), NULL},
    {2, "主动公开政府信息情况", NULL, WORDS("主动公开"), NULL},
    {3, "收到和处理政府信息公开申请情况", NULL, WORDS("收到和处理"), NULL},
    {4, "政府信息公开行政复议、行政诉讼情况", NULL, WORDS("行政复议"), NULL},
    {5, "存在的主要问题及改进情况", NULL, WORDS("主要问题"), NULL},
    {6, "其他需要报告的事项", NULL, WORDS("其他需要报告"), NULL},
};
static const char *const skeleton[] = {"{年}年度。", "总体。", "", "", "", "问题。", "无。"};

static const tpl_format trial = {(xxgk_format)2099, "2099", "某省试行格式", 2099, 0, headings,
                                 {&t2, &t3, &t4}, skeleton};

/* Registered before main(): before anything builds the registry. */
__attribute__((constructor)) static void register_trial(void)
{
    if (tpl_register_format(&trial) != 0)
        abort();
}

/* A report in the trial format, as a web page would give it as text. Its
 * sums hold: 3+1=4, 1+0=1, 2+1=3, 1+0=1, 3+1=4; 4+1 = 4+1 (总计 column),
 * and 表四 1+0=1, 0+0=0. */
static const char report_text[] =
    "某镇2099年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "2099年，某镇认真做好政府信息公开工作。\n"
    "二、主动公开政府信息情况\n"
    "| 第二十条第（一）项 | | |\n"
    "| 信息内容 | 本年制发件数 | 现行有效件数 |\n"
    "| 规章 | 0 | 0 |\n"
    "| 通知公告 | 12 | 30 |\n"
    "三、收到和处理政府信息公开申请情况\n"
    "| 申请人情况 | 自然人 | 法人或其他组织 | 总计 |\n"
    "| 一、本年新收政府信息公开申请数量 | 3 | 1 | 4 |\n"
    "| 二、上年结转政府信息公开申请数量 | 1 | 0 | 1 |\n"
    "| 三、本年度办理结果 | （一）予以公开 | 2 | 1 | 3 |\n"
    "| | （二）不予公开 | 1 | 0 | 1 |\n"
    "| | （三）总计 | 3 | 1 | 4 |\n"
    "| 四、结转下年度继续办理 | 1 | 0 | 1 |\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "| 行政复议 | | | 行政诉讼 | | |\n"
    "| 结果维持 | 结果纠正 | 总计 | 结果维持 | 结果纠正 | 总计 |\n"
    "| 1 | 0 | 1 | 0 | 0 | 0 |\n"
    "五、存在的主要问题及改进情况\n"
    "信息公开的及时性有待提高。\n"
    "六、其他需要报告的事项\n"
    "无。\n"
    "某镇人民政府\n"
    "2100年1月20日\n";

static long long value(const xxgk_report *r, const char *key)
{
    int id = xxgk_cell_find(key);
    if (id < 0)
        return -1000;
    const xxgk_cell *c = xxgk_report_cell(r, (size_t)id);
    return c->kind == XXGK_VALUE_NUMBER ? c->value.units : -1000;
}

static int count(const xxgk_report *r, const char *rule)
{
    int n = 0;
    for (size_t i = 0; i < xxgk_report_finding_count(r); i++)
        n += !strcmp(xxgk_report_finding(r, i)->rule, rule);
    return n;
}

static void the_format_is_listed(void)
{
    CHECK_INT(xxgk_format_count(), 3);
    CHECK_INT(xxgk_format_for_year(2099), 2099);
    CHECK_INT(xxgk_format_for_year(2030), XXGK_FORMAT_2021);
    CHECK_STR(xxgk_format_name((xxgk_format)2099), "2099");
    CHECK(xxgk_cell_find("t2.notices.made") >= 0);
    CHECK(xxgk_cell_find("t3.refused.legal_person") >= 0);
    CHECK(xxgk_format_has_cell((xxgk_format)2099, (size_t)xxgk_cell_find("t4.suit.total")));
    CHECK(!xxgk_format_has_cell(XXGK_FORMAT_2021, (size_t)xxgk_cell_find("t2.notices.made")));
}

static void read_and_checked(void)
{
    xxgk_report *r = NULL;
    xxgk_error err = {0};
    CHECK_INT(xxgk_report_parse(report_text, strlen(report_text), "trial.txt", &r, &err), XXGK_OK);
    if (!r) {
        fprintf(stderr, "  %s\n", err.message);
        return;
    }
    CHECK_INT(xxgk_report_meta(r)->format, 2099);
    CHECK_INT(value(r, "t2.notices.made"), 12);
    CHECK_INT(value(r, "t2.notices.in_force"), 30);
    CHECK_INT(value(r, "t3.new.legal_person"), 1);
    CHECK_INT(value(r, "t3.refused.natural"), 1);
    CHECK_INT(value(r, "t3.total.total"), 4);
    CHECK_INT(value(r, "t3.carried_out.natural"), 1);
    CHECK_INT(value(r, "t4.review.upheld"), 1);
    CHECK_INT(value(r, "t4.suit.total"), 0);
    CHECK_INT(xxgk_report_check(r, NULL), XXGK_OK);
    CHECK_INT(count(r, "t3-row-total") + count(r, "t3-outcome-total") + count(r, "t3-balance") +
                  count(r, "t4-group-total"),
              0);
    CHECK_INT(count(r, "row-missing") + count(r, "table-missing") + count(r, "row-shape"), 0);
    xxgk_report_free(r);

    /* (三)总计's 总计 printed 5: its row, its column and the balance */
    char *wrong = strdup(report_text);
    char *at = strstr(wrong, "| 3 | 1 | 4 |\n| 四");
    CHECK(at != NULL);
    if (at)
        at[10] = '5';
    CHECK_INT(xxgk_report_parse(wrong, strlen(wrong), "wrong.txt", &r, &err), XXGK_OK);
    if (r) {
        CHECK_INT(xxgk_report_check(r, NULL), XXGK_OK);
        CHECK_INT(count(r, "t3-row-total"), 1);
        CHECK_INT(count(r, "t3-outcome-total"), 1);
        CHECK_INT(count(r, "t3-balance"), 1);
        for (size_t i = 0; i < xxgk_report_finding_count(r); i++) {
            const xxgk_finding *f = xxgk_report_finding(r, i);
            if (!strcmp(f->rule, "t3-row-total"))
                CHECK_STR(f->message, "表三“（三）总计”行“总计”栏：填的是 5，各类申请人相加是 4");
        }
        xxgk_report_free(r);
    }
    free(wrong);
}

static void rendered_and_read_back(void)
{
    xxgk_report *r = NULL;
    CHECK_INT(xxgk_report_parse(report_text, strlen(report_text), "trial.txt", &r, NULL), XXGK_OK);
    if (!r)
        return;
    char *text = NULL, *html = NULL;
    size_t n = 0, hn = 0;
    FILE *o = open_memstream(&text, &n);
    CHECK_INT(xxgk_report_render(r, XXGK_RENDER_TEXT, o, NULL), XXGK_OK);
    fclose(o);
    o = open_memstream(&html, &hn);
    CHECK_INT(xxgk_report_render(r, XXGK_RENDER_HTML, o, NULL), XXGK_OK);
    fclose(o);
    CHECK(text && strstr(text, "通知公告") && strstr(text, "（二）不予公开"));
    CHECK(html && strstr(html, "<caption>表三　收到和处理政府信息公开申请情况</caption>"));
    CHECK(html && strstr(html, "法人或其他组织"));
    xxgk_report *back = NULL;
    CHECK_INT(xxgk_report_parse(text, n, "rendered.txt", &back, NULL), XXGK_OK);
    for (size_t id = 0; back && id < xxgk_cell_count(); id++) {
        const xxgk_cell *a = xxgk_report_cell(r, id), *b = xxgk_report_cell(back, id);
        if (a->kind != b->kind || a->value.units != b->value.units) {
            fprintf(stderr, "  %s differs after rendering\n", xxgk_cell_key(id));
            unit_failures++;
        }
    }
    xxgk_report_free(back);
    xxgk_report_free(r);
    free(text);
    free(html);
}

/* The report a clerk starts from in the trial format: every cell of it,
 * its guidance with the year. */
static void new_report(void)
{
    xxgk_report *r = NULL;
    CHECK_INT(xxgk_report_new(2099, XXGK_FORMAT_UNKNOWN, "某镇人民政府", &r, NULL), XXGK_OK);
    if (!r)
        return;
    CHECK_INT(xxgk_report_meta(r)->format, 2099);
    CHECK_INT(xxgk_report_fill_skeleton(r, false), XXGK_OK);
    CHECK_STR(xxgk_report_section_text(r, 0), "2099年度。");
    CHECK_INT(value(r, "t2.notices.made"), 0);
    CHECK_INT(value(r, "t4.suit.corrected"), 0);
    xxgk_report_free(r);
}

const struct unit_case unit_cases[] = {
    {"the_format_is_listed", the_format_is_listed},
    {"read_and_checked", read_and_checked},
    {"rendered_and_read_back", rendered_and_read_back},
    {"new_report", new_report},
    {NULL, NULL},
};
