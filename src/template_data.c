/*
 * template_data.c — the two national formats as data.
 *
 * Sources: 国办公开办函〔2019〕60号 and 〔2021〕30号 (shared/spec/format-2019.md,
 * format-2021.md). Labels are the official ones, numbering included, in the
 * official punctuation. Variants are wordings seen in real reports
 * (shared/spec/variants.md); the sample or corpus file that showed each one
 * is named beside it. Nothing here is code: template.c builds the cell
 * registry and lookups from it, and every module reads it.
 */
#include "template.h"

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- table 二, 2019 format ---------------------------------------- */

static const tpl_col cols19_made[] = {
    {"new_made", "本年新制作数量", NULL, UNIT_COUNT},
    {"new_published", "本年新公开数量", NULL, UNIT_COUNT},
    {"total_published", "对外公开总数量", NULL, UNIT_COUNT},
};
/* 上一年项目数量（指2019年事项数） is a Hubei annotation (variants.md). */
static const tpl_col cols19_items[] = {
    {"prev_items", "上一年项目数量", NULL, UNIT_COUNT},
    {"change", "本年增/减", NULL, UNIT_SIGNED_COUNT},
    {"decisions", "处理决定数量", NULL, UNIT_COUNT},
};
static const tpl_col cols19_fees[] = {
    {"prev_items", "上一年项目数量", NULL, UNIT_COUNT},
    {"change", "本年增/减", NULL, UNIT_SIGNED_COUNT},
};
/* 采购总金额 has no unit in the format: 元 and 万元 both occur (samples
 * 000, 001), and are converted to 万元. */
static const tpl_col cols19_procurement[] = {
    {"items", "采购项目数量", NULL, UNIT_COUNT},
    {"amount", "采购总金额", NULL, UNIT_WANYUAN},
};

static const tpl_block blocks19[] = {
    {"第二十条第（一）项", 20, 1, cols19_made, N(cols19_made)},
    {"第二十条第（五）项", 20, 5, cols19_items, N(cols19_items)},
    {"第二十条第（六）项", 20, 6, cols19_items, N(cols19_items)},
    {"第二十条第（八）项", 20, 8, cols19_fees, N(cols19_fees)},
    {"第二十条第（九）项", 20, 9, cols19_procurement, N(cols19_procurement)},
};

static const tpl_row rows19_t2[] = {
    {"rules", "规章", NULL, ROW_DATA, -1, 0, F2019},
    {"normative", "规范性文件", NULL, ROW_DATA, -1, 0, F2019},
    {"licensing", "行政许可", NULL, ROW_DATA, -1, 1, F2019},
    {"other_services", "其他对外管理服务事项", NULL, ROW_DATA, -1, 1, F2019},
    {"penalty", "行政处罚", NULL, ROW_DATA, -1, 2, F2019},
    {"coercion", "行政强制", NULL, ROW_DATA, -1, 2, F2019},
    {"fees", "行政事业性收费", NULL, ROW_DATA, -1, 3, F2019},
    {"procurement", "政府集中采购", NULL, ROW_DATA, -1, 4, F2019},
};

/* ---- table 二, 2021 format ---------------------------------------- */

static const tpl_col cols21_docs[] = {
    {"made", "本年制发件数", NULL, UNIT_COUNT},
    {"repealed", "本年废止件数", NULL, UNIT_COUNT},
    {"in_force", "现行有效件数", NULL, UNIT_COUNT},
};
static const tpl_col cols21_decisions[] = {
    {"decisions", "本年处理决定数量", NULL, UNIT_COUNT},
};
static const tpl_col cols21_fees[] = {
    {"amount", "本年收费金额（单位：万元）", NULL, UNIT_WANYUAN},
};

static const tpl_block blocks21[] = {
    {"第二十条第（一）项", 20, 1, cols21_docs, N(cols21_docs)},
    {"第二十条第（五）项", 20, 5, cols21_decisions, N(cols21_decisions)},
    {"第二十条第（六）项", 20, 6, cols21_decisions, N(cols21_decisions)},
    {"第二十条第（八）项", 20, 8, cols21_fees, N(cols21_fees)},
};

static const tpl_row rows21_t2[] = {
    {"rules", "规章", NULL, ROW_DATA, -1, 0, F2021},
    {"normative", "行政规范性文件", NULL, ROW_DATA, -1, 0, F2021},
    {"licensing", "行政许可", NULL, ROW_DATA, -1, 1, F2021},
    {"penalty", "行政处罚", NULL, ROW_DATA, -1, 2, F2021},
    {"coercion", "行政强制", NULL, ROW_DATA, -1, 2, F2021},
    {"fees", "行政事业性收费", NULL, ROW_DATA, -1, 3, F2021},
};

/* ---- table 三, both formats --------------------------------------- */

static const tpl_col cols_t3[] = {
    {"natural", "自然人", NULL, UNIT_COUNT},
    {"business", "商业企业", NULL, UNIT_COUNT},
    {"research", "科研机构", NULL, UNIT_COUNT},
    {"nonprofit", "社会公益组织", NULL, UNIT_COUNT},
    {"legal", "法律服务机构", NULL, UNIT_COUNT},
    {"other_org", "其他", NULL, UNIT_COUNT},
    {"total", "总计", WORDS("合计" /* sample 004 */), UNIT_COUNT},
};

static const tpl_block blocks_t3[] = {{NULL, 0, 0, cols_t3, N(cols_t3)}};

/* Group rows carry no cells; `group` is the index of the row group a
 * sub-row sits under (2 = 三、本年度办理结果). */
static const tpl_row rows_t3[] = {
    /* 0 */ {"new", "一、本年新收政府信息公开申请数量", NULL, ROW_DATA, -1, 0, FBOTH},
    /* 1 */ {"carried_in", "二、上年结转政府信息公开申请数量", NULL, ROW_DATA, -1, 0, FBOTH},
    /* 2 */ {NULL, "三、本年度办理结果", NULL, ROW_GROUP, -1, 0, FBOTH},
    /* 3 */ {"granted", "（一）予以公开", NULL, ROW_DATA, 2, 0, FBOTH},
    /* 4 */ {"partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
             WORDS("（二）部分公开（区分处理的），只计这一情形，不计其他情形" /* 000 */,
                   "（二）部分公开（区分处理的，只记这一情形，不记其他情形）" /* 004 */),
             ROW_DATA, 2, 0, FBOTH},
    /* 5 */ {NULL, "（三）不予公开", WORDS("（三）不予以公开" /* 000 */), ROW_GROUP, 2, 0, FBOTH},
    /* 6 */ {"denied_secret", "1.属于国家秘密", NULL, ROW_DATA, 5, 0, FBOTH},
    /* 7 */ {"denied_law", "2.其他法律行政法规禁止公开", NULL, ROW_DATA, 5, 0, FBOTH},
    /* 8 */ {"denied_safety", "3.危及“三安全一稳定”", NULL, ROW_DATA, 5, 0, FBOTH},
    /* 9 */ {"denied_third_party", "4.保护第三方合法权益", NULL, ROW_DATA, 5, 0, FBOTH},
    /*10 */ {"denied_internal", "5.属于三类内部事务信息", WORDS("5.属于第三类内部事务信息" /* 000 */),
             ROW_DATA, 5, 0, FBOTH},
    /*11 */ {"denied_process", "6.属于四类过程性信息", NULL, ROW_DATA, 5, 0, FBOTH},
    /*12 */ {"denied_enforcement", "7.属于行政执法案卷", NULL, ROW_DATA, 5, 0, FBOTH},
    /*13 */ {"denied_query", "8.属于行政查询事项", NULL, ROW_DATA, 5, 0, FBOTH},
    /*14 */ {NULL, "（四）无法提供", NULL, ROW_GROUP, 2, 0, FBOTH},
    /*15 */ {"unable_not_held", "1.本机关不掌握相关政府信息",
             WORDS("1.本单位不掌握相关政府信息" /* 003 */), ROW_DATA, 14, 0, FBOTH},
    /*16 */ {"unable_create", "2.没有现成信息需要另行制作", NULL, ROW_DATA, 14, 0, FBOTH},
    /*17 */ {"unable_unclear", "3.补正后申请内容仍不明确", NULL, ROW_DATA, 14, 0, FBOTH},
    /*18 */ {NULL, "（五）不予处理", NULL, ROW_GROUP, 2, 0, FBOTH},
    /*19 */ {"rejected_petition", "1.信访举报投诉类申请",
             WORDS("1.信访投诉举报类申请" /* 004 */, "1.信访举报类申请" /* 000 */),
             ROW_DATA, 18, 0, FBOTH},
    /*20 */ {"rejected_repeat", "2.重复申请", NULL, ROW_DATA, 18, 0, FBOTH},
    /*21 */ {"rejected_publication", "3.要求提供公开出版物", NULL, ROW_DATA, 18, 0, FBOTH},
    /*22 */ {"rejected_excessive", "4.无正当理由大量反复申请", NULL, ROW_DATA, 18, 0, FBOTH},
    /*23 */ {"rejected_confirm", "5.要求行政机关确认或重新出具已获取信息", NULL, ROW_DATA, 18, 0,
             FBOTH},
    /*24 */ {"other", "（六）其他处理", NULL, ROW_DATA, 2, 0, F2019},
    /*25 */ {NULL, "（六）其他处理", NULL, ROW_GROUP, 2, 0, F2021},
    /*26 */ {"other_no_correction",
             "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", NULL,
             ROW_DATA, 25, 0, F2021},
    /*27 */ {"other_no_fee",
             "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
             NULL, ROW_DATA, 25, 0, F2021},
    /*28 */ {"other_misc", "3.其他", NULL, ROW_DATA, 25, 0, F2021},
    /*29 */ {"total", "（七）总计", WORDS("（七）合计"), ROW_DATA, 2, 0, FBOTH},
    /*30 */ {"carried_out", "四、结转下年度继续办理", NULL, ROW_DATA, -1, 0, FBOTH},
};

/* 勾稽 rules of table 三 (rules.md T3-1…T3-3). The outcome total is
 * declared once per format because 其他处理 is one row in 2019 and three
 * in 2021. */
#define OUTCOME_ROWS                                                                        \
    "granted partial denied_secret denied_law denied_safety denied_third_party "           \
    "denied_internal denied_process denied_enforcement denied_query unable_not_held "      \
    "unable_create unable_unclear rejected_petition rejected_repeat rejected_publication " \
    "rejected_excessive rejected_confirm "
#define T3_ROW_TOTAL_TEXT                                                                   \
    "表三每一行的“总计”栏应等于自然人和五类法人或其他组织各栏之和。总计栏不是独立填写的数字："  \
    "若两者不等，通常是某一栏漏填、错位（数字填进了相邻栏）或总计栏算错。请逐栏核对原始登记。"
#define T3_OUTCOME_TEXT                                                                     \
    "“（七）总计”是本年度全部办理结果之和：每一件申请都应且只应计入一种办理结果（部分公开的只计"  \
    "“部分公开”）。若（七）总计与各项结果之和不等，说明有申请漏计、重复计入，或合计算错。"
static const tpl_sum sums_t3[] = {
    {"t3-row-total", SUM_EACH_ROW, "total", "natural business research nonprofit legal other_org",
     FBOTH, "表三表头：总计栏为申请人各栏之和", "表三各行总计应等于各类申请人之和",
     NULL, "各类申请人相加是", T3_ROW_TOTAL_TEXT},
    {"t3-outcome-total", SUM_EACH_COLUMN, "total", OUTCOME_ROWS "other", F2019,
     "表三：（七）总计为各项办理结果之和", "表三（七）总计应等于各项办理结果之和",
     NULL, "各项办理结果相加是", T3_OUTCOME_TEXT},
    {"t3-outcome-total", SUM_EACH_COLUMN, "total",
     OUTCOME_ROWS "other_no_correction other_no_fee other_misc", F2021,
     "表三：（七）总计为各项办理结果之和", "表三（七）总计应等于各项办理结果之和",
     NULL, "各项办理结果相加是", T3_OUTCOME_TEXT},
    {"t3-balance", SUM_EACH_COLUMN, "new carried_in", "total carried_out", FBOTH,
     "表三表注：“第一项加第二项之和，等于第三项加第四项之和”",
     "表三每一栏：本年新收＋上年结转＝办理结果总计＋结转下年度",
     "本年新收加上年结转是", "（七）总计加结转下年度是",
     "表三左上角的表注写明了勾稽关系：本年新收申请加上年结转申请，等于本年度办理完毕的（七）总计"
     "加结转下年度继续办理的申请。每一栏（每类申请人和总计）都必须成立。不成立时，常见原因是"
     "上年结转或结转下年度漏填，或办理结果统计不全。"},
};

/* ---- table 四, both formats --------------------------------------- */

static const tpl_col cols_t4[] = {
    {"upheld", "结果维持", NULL, UNIT_COUNT},
    {"corrected", "结果纠正", NULL, UNIT_COUNT},
    {"other", "其他结果", NULL, UNIT_COUNT},
    {"pending", "尚未审结", NULL, UNIT_COUNT},
    {"total", "总计", NULL, UNIT_COUNT},
};

static const tpl_block blocks_t4[] = {{NULL, 0, 0, cols_t4, N(cols_t4)}};

/* The groups of table 四 are its rows; they print side by side. The
 * annotation 行政复议（因政府信息公开被行政复议） (sample 004) matches after
 * parenthetical notes are dropped. */
static const tpl_row rows_t4[] = {
    {"review", "行政复议", NULL, ROW_DATA, -1, 0, FBOTH},
    {NULL, "行政诉讼", NULL, ROW_GROUP, -1, 0, FBOTH},
    {"suit_direct", "未经复议直接起诉", NULL, ROW_DATA, 1, 0, FBOTH},
    {"suit_after_review", "复议后起诉", NULL, ROW_DATA, 1, 0, FBOTH},
};

static const tpl_sum sums_t4[] = {
    {"t4-group-total", SUM_EACH_ROW, "total", "upheld corrected other pending", FBOTH,
     "表四表头：总计为结果维持、结果纠正、其他结果、尚未审结之和",
     "表四行政复议、行政诉讼各组的总计应等于四种结果之和",
     NULL, "四种结果相加是",
     "表四中行政复议、未经复议直接起诉、复议后起诉三组各有“总计”栏，应等于结果维持、结果纠正、"
     "其他结果、尚未审结四栏之和。尚未审结的案件也要计入总计。"},
};

/* ---- the tables and formats ---------------------------------------- */

/* Column groups of the headers: 信息内容 over table 二's row labels;
 * 申请人情况 over all of table 三's columns and 法人或其他组织 over the
 * five kinds of organisation. (Table 四's groups are its rows.) */
static const tpl_group groups_t2[] = {{"信息内容", NULL, true}};
static const tpl_group groups_t3[] = {
    {"申请人情况", NULL, false},
    {"法人或其他组织", WORDS("business", "research", "nonprofit", "legal", "other_org"), false},
};

static const tpl_table t2_2019 = {
    .id = "t2", .name = "表二", .title = "主动公开政府信息情况", .section = 2,
    .layout = LAYOUT_ROWS, .formats = F2019, .blocks = blocks19, .nblocks = N(blocks19),
    .rows = rows19_t2, .nrows = N(rows19_t2), .groups = groups_t2, .ngroups = N(groups_t2)};
static const tpl_table t2_2021 = {
    .id = "t2", .name = "表二", .title = "主动公开政府信息情况", .section = 2,
    .layout = LAYOUT_ROWS, .formats = F2021, .blocks = blocks21, .nblocks = N(blocks21),
    .rows = rows21_t2, .nrows = N(rows21_t2), .groups = groups_t2, .ngroups = N(groups_t2)};
static const tpl_table t3_both = {
    .id = "t3", .name = "表三", .title = "收到和处理政府信息公开申请情况", .section = 3,
    .layout = LAYOUT_ROWS, .formats = FBOTH, .blocks = blocks_t3, .nblocks = 1,
    .rows = rows_t3, .nrows = N(rows_t3), .sums = sums_t3, .nsums = N(sums_t3),
    .header_note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    .groups = groups_t3, .ngroups = N(groups_t3)};
static const tpl_table t4_both = {
    .id = "t4", .name = "表四", .title = "政府信息公开行政复议、行政诉讼情况", .section = 4,
    .layout = LAYOUT_FLAT, .formats = FBOTH, .blocks = blocks_t4, .nblocks = 1,
    .rows = rows_t4, .nrows = N(rows_t4), .sums = sums_t4, .nsums = N(sums_t4)};

/* Headings: the official wording, the wordings seen in reports, and the
 * keywords that identify a heading whatever its numbering. The two
 * formats word them alike; the 2021 format's note on section 六 says
 * that the 信息处理费 is reported there. */
#define HEADINGS_1_TO_5                                                                       \
    {1, "总体情况", WORDS("总体概述"), WORDS("总体情况", "总体概述"), "（文字描述）"},        \
    {2, "主动公开政府信息情况", WORDS("行政机关主动公开政府信息情况"), WORDS("主动公开"),     \
     NULL},                                                                                   \
    {3, "收到和处理政府信息公开申请情况", WORDS("行政机关收到和处理政府信息公开申请情况"),     \
     WORDS("收到和处理", "处理政府信息公开申请", "依申请公开"), NULL},                        \
    {4, "政府信息公开行政复议、行政诉讼情况",                                                  \
     WORDS("因政府信息公开工作被申请行政复议、提起行政诉讼的情况",                            \
           "政府信息公开工作被申请行政复议、提起行政诉讼情况"),                               \
     WORDS("行政复议", "行政诉讼"), NULL},                                                    \
    {5, "存在的主要问题及改进情况", WORDS("政府信息公开工作存在的主要问题及改进情况"),         \
     WORDS("主要问题", "改进情况"), "（文字描述）"}

static const tpl_heading headings19[] = {
    HEADINGS_1_TO_5,
    {6, "其他需要报告的事项", NULL, WORDS("其他需要报告"), "（文字描述）"},
};

static const tpl_heading headings21[] = {
    HEADINGS_1_TO_5,
    {6, "其他需要报告的事项", NULL, WORDS("其他需要报告"),
     "（文字描述，收取信息处理费情况在此处报告。）"},
};

/* What `xxgk new` writes in each section for the clerk to replace (the
 * format texts on each part, paraphrased; format-2019.md and
 * format-2021.md §4). {年} is the report year. */
#define PH XXGK_PLACEHOLDER
#define PREAMBLE                                                                               \
    "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息" \
    "公开工作年度报告格式》要求编制。本报告中所列数据的统计期限为{年}年1月1日至{年}年12月31日。"
#define OVERVIEW_1_TO_3                                                                        \
    "（一）主动公开。" PH                                                                      \
    "说明本机关主动公开政府信息的情况：公开的主要内容、数量和渠道，重点领域信息公开情况。\n"  \
    "（二）依申请公开。" PH                                                                    \
    "说明收到和办理政府信息公开申请的情况：申请数量、办理结果、答复是否及时规范。\n"          \
    "（三）政府信息管理。" PH                                                                  \
    "说明政府信息公开审查、发布、更新和政策解读等管理制度的执行情况。\n"
#define OVERVIEW_5                                                                             \
    "（五）监督保障。" PH "说明工作机构、人员、考核和培训等保障情况；各级人民政府还应报告工作" \
    "考核、社会评议和责任追究结果情况。"
#define PROBLEMS                                                                               \
    PH "如实、具体地说明本机关{年}年政府信息公开工作存在的主要问题，以及有针对性的改进情况和" \
       "下一步措施；避免笼统表述，不与往年内容雷同。"
#define T4_NOTE                                                                                \
    PH "填表说明（生成前删除本段）：复议机关作为共同被告的行政诉讼案件，只计原行政行为机关，" \
       "不计复议机关。"

static const char *const skeleton19[] = {
    PREAMBLE,
    OVERVIEW_1_TO_3 "（四）平台建设。" PH
    "说明政府网站政府信息公开专栏、政务新媒体等平台的建设和维护情况。\n" OVERVIEW_5,
    PH "填表说明（生成前删除本段）：本表统计《条例》第二十条第（一）（五）（六）（八）（九）项中"
       "适合以数据体现的内容，其他主动公开情况在“总体情况”中说明。",
    PH "填表说明（生成前删除本段）：按申请人类别和每件申请的最终办理结果统计；“其他处理”仅用于"
       "新旧条例过渡和极少数特殊情况，原则上每件申请都应按法定方式处理。",
    T4_NOTE,
    PROBLEMS,
    PH "报告本机关认为需要报告的其他事项，以及其他文件要求在年度报告中报告的事项；没有的，写"
       "“无”。",
};

static const char *const skeleton21[] = {
    PREAMBLE,
    OVERVIEW_1_TO_3 "（四）政府信息公开平台建设。" PH
    "说明政府网站政府信息公开专栏、政务新媒体等平台的建设和维护情况。\n" OVERVIEW_5
    "\n" PH "总体情况重点突出、简洁明了，篇幅原则上不超过一千字（生成前删除本段）。",
    PH "填表说明（生成前删除本段）：本表统计《条例》第二十条第（一）（五）（六）（八）项；行政"
       "许可、行政处罚、行政强制的处理决定数量包括依法公开和依法不公开的全部决定；各项数据统计"
       "截至本年12月31日。",
    PH "填表说明（生成前删除本段）：按申请人类别和每件申请的最终办理结果统计，做到准确、完整；"
       "第一项加第二项之和等于第三项加第四项之和。",
    T4_NOTE,
    PROBLEMS,
    PH "依据《政府信息公开信息处理费管理办法》收取信息处理费的情况须在此专门报告（例如：“{年}"
       "年，本机关未收取信息处理费。”）；并报告其他需要报告的事项。",
};

const tpl_legacy tpl_legacy_format = {
    WORDS("指标名称", "计量单位"),
    WORDS("政府信息公开情况统计表"),
};

/* The formats in the order of their years. A format's bit in the row
 * and table masks (F2019, F2021) is 1 << its place in this list. The
 * 2019 format served the reports for 2019 and 2020; the 2021 format
 * every later year, and limits 总体情况 to 1,000 characters. */
static const tpl_format format2019 = {
    XXGK_FORMAT_2019, "2019", "国办公开办函〔2019〕60号", 2019, 0, headings19,
    {&t2_2019, &t3_both, &t4_both}, skeleton19};
static const tpl_format format2021 = {
    XXGK_FORMAT_2021, "2021", "国办公开办函〔2021〕30号", 2021, 1000, headings21,
    {&t2_2021, &t3_both, &t4_both}, skeleton21};

const tpl_format *const tpl_builtin_formats[] = {&format2019, &format2021, NULL};
