/*
 * rules.c — the rule catalogue: every rule's stable id, severity,
 * category, legal or format basis, and the text a clerk reads.
 *
 * The arithmetic rules are not listed here: they are the sum rules of the
 * template data (template_data.c), added to the catalogue when it is
 * first used, so that each identity is declared exactly once.
 * `xxgk check --explain RULE` and docs/rules.md are generated from this.
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "index.h"
#include "template.h"
#include "xxgk.h"

#define FMT19 "《政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）"
#define FMT21 "《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"

/* An entry of the catalogue: the rule, and the function that checks it
 * (several rules may share one: the heading rules are one walk over the
 * headings). The function runs when the report meets the rule's needs. */
typedef struct rule_def {
    xxgk_rule rule;
    rule_fn fn;
} rule_def;

static const rule_def static_rules[] = {
    /* ---- structure ---- */
    {{"heading-missing", XXGK_ERROR, "structure", FMT21 "“一、报告内容”；条例第五十条",
     "缺少规定的章节",
     "年度报告必须依次包含六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息"
     "公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他"
     "需要报告的事项。格式要求“不能遗漏”。没有内容的部分也应保留标题并写明“无”。", XXGK_NEEDS_DOCUMENT}, check_headings},
    {{"heading-order", XXGK_ERROR, "structure", FMT21 "格式模板",
     "章节顺序与统一格式不符",
     "六个部分的顺序由统一格式规定，读者和上级汇总都按这个顺序查阅。请按一至六的顺序排列。", XXGK_NEEDS_DOCUMENT}, check_headings},
    {{"heading-number", XXGK_WARNING, "structure", FMT21 "格式模板",
     "章节编号有误",
     "章节标题应使用“一、”“二、”……的中文序号。用阿拉伯数字（如“5、”，常见于Word自动编号）或"
     "序号与章节不符，会让读者误以为缺少章节。“（一）主动公开政府信息情况”这样以（一）编号的"
     "小标题不是章节标题，不在此报告。", XXGK_NEEDS_DOCUMENT}, check_headings},
    {{"heading-title", XXGK_NOTE, "structure", FMT21 "格式模板",
     "章节标题与统一格式的措辞不同",
     "章节标题宜与统一格式一字不差，便于检索和汇总。旧格式或地方格式的措辞（如“总体概述”），"
     "以及与统一格式相近的措辞（如“存在的主要问题及改进措施”），不影响内容，但建议改用统一措辞。",
     XXGK_NEEDS_DOCUMENT}, check_headings},
    {{"title-incomplete", XXGK_WARNING, "structure", "条例第四十九条、第五十条",
     "报告标题没有写明机关名称或年度",
     "标题应写明发布机关和报告年度，例如“××镇2024年政府信息公开工作年度报告”，否则公布后无法"
     "辨认是谁、哪一年的报告。", 0}, check_title},
    {{"table-missing", XXGK_ERROR, "structure", FMT21 "格式模板",
     "缺少规定的统计表",
     "第二、三、四部分各有一张统一格式的统计表，即使全部为0也必须列出。缺表时上级无法汇总。", 0}, check_tables_present},
    {{"row-missing", XXGK_ERROR, "structure", FMT21 "格式模板",
     "统计表缺少规定的行",
     "统计表的每一行都由统一格式规定，不能删减；没有发生的事项填0。", 0}, check_tables_present},
    {{"row-order", XXGK_WARNING, "structure", FMT21 "格式模板",
     "统计表的行序与统一格式不符",
     "统计表各行应按统一格式的顺序排列，顺序错乱容易导致数字填错行。", XXGK_NEEDS_DOCUMENT}, check_row_order},
    {{"overview-length", XXGK_NOTE, "structure", FMT21 "一、报告内容（一）",
     "总体情况篇幅超过一千字",
     "2021年格式要求总体情况“重点突出、简明扼要，篇幅原则上不超过一千字”。", 0}, check_overview_length},

    {{"placeholder-left", XXGK_ERROR, "structure", "xxgk new 的报告模板",
      "报告中仍有模板的占位文字",
      "用 xxgk new 生成的报告在需要填写的地方标有“【待填写】”。发布前每一处都应按实际情况改写，"
      "并删去这个标记，否则公布的是模板而不是报告。", 0}, check_placeholders},

    {{"total-computed", XXGK_NOTE, "arithmetic", "xxgk：合计由各部分相加得出",
      "合计栏没有填写，已按各部分相加算出",
      "在 JSON 模型或填报工作簿中，合计栏（如表三的“总计”栏、“（七）总计”行，表四的“总计”栏）"
      "留空而各部分都已填写时，xxgk 按统一格式的合计关系算出合计并标记为算出（XXGK_CELL_COMPUTED）。"
      "工作簿保存时没有保存公式的计算结果（某些软件如此）也会这样。请核对算出的数字；"
      "填写了的合计与各部分不符时，仍按错误报告，写明两个数字。", 0}, check_computed},

    /* ---- shape ---- */
    {{"row-shape", XXGK_ERROR, "shape", FMT21 "格式模板",
     "一行的栏数与统计表的栏数不符",
     "统计表每行的栏数是固定的。栏数少了，说明有单元格被合并或删去，无法确定每个数字属于哪一栏，"
     "xxgk 只读取能确定位置的栏（如行末的总计）；栏数多了，说明表格结构被改动。请按统一格式恢复表格。", XXGK_NEEDS_DOCUMENT}, check_shapes},
    {{"cell-blank", XXGK_WARNING, "shape", FMT21 "格式模板",
     "统计表中有空白栏",
     "空白不等于零：空白栏无法区分“没有发生”和“漏填”。没有发生的事项请填写0。", 0}, check_cell_values},
    {{"cell-merged", XXGK_WARNING, "shape", FMT21 "格式模板",
     "数据栏被合并单元格覆盖",
     "统计表每一栏都要单独填写一个数字。数据栏与上一行合并（上下合并），或几栏合并成一格（左右合并）时，"
     "无法确定合并格中的数字属于哪一行、哪一栏：xxgk 只把它计入合并格所在的第一行；左右合并的各栏"
     "以及被上一行合并覆盖的栏都不读取。请拆分合并的单元格，每栏各填一个数字。", XXGK_NEEDS_DOCUMENT}, check_merged},
    {{"row-unread", XXGK_WARNING, "shape", FMT21 "格式模板",
      "统计表中有一行未能读取",
      "转换或抓取得到的文本（PDF 转 Markdown、文字识别、网页抓取）常把表格拆散：行标签和数字分在不同"
      "的行，数字少了一栏，或只印出行标签没有数字。xxgk 只在能确定每个数字属于哪一行哪一栏时才读取，"
      "否则这一行不读取，并在此说明原因。请对照原报告核对这一行。",
      XXGK_NEEDS_DOCUMENT}, check_unread},
    {{"cell-text", XXGK_ERROR, "shape", FMT21 "格式模板",
     "应填数字的栏中是文字",
     "统计表的数据栏只能填写数字。文字（如“见附件”“详见正文”）无法汇总。", XXGK_NEEDS_DOCUMENT}, check_bad_values},
    {{"cell-negative", XXGK_ERROR, "shape", "条例第二十条；" FMT21 "格式模板",
     "件数为负数",
     "件数、数量不可能为负。只有2019年格式中的“本年增/减”一栏可以为负（减少用负数表示）。", 0}, check_cell_values},
    {{"cell-fraction", XXGK_ERROR, "shape", FMT21 "格式模板",
     "件数带有小数",
     "件数、数量只能是整数；只有金额栏可以有小数。", 0}, check_cell_values},
    {{"cell-implausible", XXGK_ERROR, "shape", "条例第五十条；" FMT21 "格式模板",
     "统计表中的数字大得不合常理",
     "统计表中的件数或金额超过十亿（金额栏以万元为单位，即超过十万亿元）。没有哪个机关一年的件数能"
     "达到这个数量级：这多半是几栏数字连在一起、多打了数位，或把电话号码、文号等填进了数字栏。"
     "这样的数字还会使各项合计超出可计算的范围，勾稽关系无法核对。请对照原报告改正。", 0}, check_magnitude},
    {{"row-duplicate", XXGK_WARNING, "shape", FMT21 "格式模板",
     "同一行出现两次",
     "统计表中同一行重复出现，只有第一次出现的数字被读取。请删除重复的行。", XXGK_NEEDS_DOCUMENT}, check_shapes},
    {{"row-subtotal", XXGK_WARNING, "shape", "政府信息公开工作年度报告格式模板；rules.md T3-5",
     "分组标题行填写了数字",
     "“三、本年度办理结果”“（三）不予公开”“（四）无法提供”“（五）不予处理”等是分组标题，"
     "统一格式中没有小计栏。在分组标题行填写小计会造成重复计算。", XXGK_NEEDS_DOCUMENT}, check_shapes},

    {{"split-recovered", XXGK_NOTE, "shape", FMT21 "格式模板；rules.md T3-1～T4-3",
     "数字之间没有分隔符，已按勾稽关系唯一拆分",
     "网页抓取或复制的文本常把一行的各栏数字连在一起（如“规范性文件898989”）。xxgk 列出所有"
     "符合各栏写法（无前导零，空格处必须分栏，只有“本年增/减”可为负数）的拆分，只保留满足本表全部"
     "勾稽关系（各行总计、（七）总计、第一项加第二项等于第三项加第四项、表四各组总计）和正文所述"
     "件数的拆分。只剩一种时按它读取，并在此提示，请与原报告核对。", XXGK_NEEDS_DOCUMENT}, check_splits},
    {{"split-ambiguous", XXGK_WARNING, "shape", FMT21 "格式模板",
     "数字之间没有分隔符，有多种拆分都说得通",
     "这一行的数字连在一起，符合各栏写法和本表勾稽关系的拆分不止一种（表二各行没有勾稽关系，"
     "常见此情形）。xxgk 不替人猜测：这些栏未读取，所有可能的拆分列在提示中，请对照原报告确定。", XXGK_NEEDS_DOCUMENT}, check_splits},
    {{"split-none", XXGK_WARNING, "shape", FMT21 "格式模板",
     "数字之间没有分隔符，且没有一种拆分说得通",
     "这一行的数字连在一起，但无论怎样拆分都不满足各栏写法或本行的勾稽关系，可能是数字本身有误或"
     "抓取时丢失了字符。这些栏未读取，请对照原报告。", XXGK_NEEDS_DOCUMENT}, check_splits},

    /* ---- labels and references ---- */
    {{"label-variant", XXGK_NOTE, "labels", FMT21 "格式模板",
     "行列标签与统一格式的措辞不同",
     "统计表的行列标签应与统一格式一致。此处的措辞是实际报告中常见的变体，含义可以辨认，"
     "但建议改用统一措辞。", XXGK_NEEDS_DOCUMENT}, check_labels},
    {{"label-mismatch", XXGK_WARNING, "labels", FMT21 "格式模板",
     "行列标签与统一格式不一致（疑似错别字）",
     "标签与统一格式的标签相近但不相同，多为错字、漏字（如“结果维护”应为“结果维持”，"
     "“其他法律行政止公开”应为“其他法律行政法规禁止公开”），或序号重复（如“三三、本年度办理结果”）。",
     XXGK_NEEDS_DOCUMENT}, check_labels},
    {{"label-old-format", XXGK_WARNING, "labels", "国办公开办函〔2021〕30号",
     "行标签沿用了另一版本格式的写法",
     "2021年格式把表二的“规范性文件”改为“行政规范性文件”、把栏目改为本年制发、废止和现行有效件数。"
     "沿用旧标签容易让人以为统计口径没有变化。数字已按本年度格式的同一行读取，请改用新标签。", XXGK_NEEDS_DOCUMENT}, check_labels},
    {{"caption-article", XXGK_ERROR, "labels", "条例第二十条；" FMT21 "格式模板",
     "表二的栏目标题引用的条款项有误",
     "表二各栏目依次对应条例第二十条第（一）、（五）、（六）、（八）项（2019年格式还有第（九）项）。"
     "引错条文（如“第二十六条”）会让读者误解数据的法律依据。只在条款项根本不存在，或栏目标题下紧接的"
     "各行都属于另一栏目时报告；转换工具把栏目标题挤在一起或与表格错开时不作判断。",
     XXGK_NEEDS_DOCUMENT}, check_captions},

    /* ---- units ---- */
    {{"unit-wrong", XXGK_ERROR, "units", FMT21 "表二“本年收费金额（单位：万元）”",
     "金额单位与格式规定的不同",
     "2021年格式的行政事业性收费金额以万元为单位。以“元”填写会使数字放大一万倍，汇总时出错。"
     "xxgk 已按万元换算读取，请在报告中改为万元。", XXGK_NEEDS_DOCUMENT}, check_units},
    {{"unit-unknown", XXGK_NOTE, "units", FMT19 "表二“采购总金额”",
     "采购总金额没有写明单位",
     "2019年格式的“采购总金额”没有规定单位，报告中有的写元、有的写万元。没有写单位时无法确定数额，"
     "建议写明单位（如“万元”）。", XXGK_NEEDS_DOCUMENT}, check_units},

    /* ---- format version ---- */
    {{"format-version", XXGK_ERROR, "format", "条例第五十条；国办公开办函〔2021〕30号",
     "统计表的格式版本与报告年度不符",
     "2019、2020年度报告使用2019年格式；2021年度起使用2021年格式（表二改为四项，其他处理分为三项）。"
     "用错版本的统计表无法与同级其他报告汇总。2019年度报告只是“鼓励”使用统一格式，故仅作警告。", 0}, check_format_version},
    {{"format-row", XXGK_ERROR, "format", "国办公开办函〔2021〕30号",
     "统计表中有另一版本格式的行",
     "报告混用了两个版本的格式，例如2021年格式的报告仍按2019年格式只列一行“（六）其他处理”，"
     "而2021年格式要求分为三项。数字已按所列的行读取，请改用本年度应使用的格式。", XXGK_NEEDS_DOCUMENT}, check_foreign_rows},
    {{"fee-statement-missing", XXGK_ERROR, "format", FMT21 "一、报告内容（六）",
     "第六部分没有报告信息处理费收取情况",
     "2021年格式要求：“各行政机关依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，在此处"
     "专门报告。”没有收取的也应写明，例如“本年度未收取信息处理费”。第六部分中任何说明是否收取"
     "（信息处理费、收费、收取费用）的句子，如“未发生收费情况”“未收取任何费用”，都算已报告。", 0},
     check_fee_statement},
    {{"fee-statement-contradiction", XXGK_WARNING, "format", "国办函〔2020〕109号；条例第四十二条",
     "信息处理费的说明与统计表或年度矛盾",
     "报告称收取了信息处理费，但统计表中没有任何申请，或报告年度早于收费办法施行的2021年。", 0}, check_fee_statement},

    /* ---- prose against tables ---- */
    {{"prose-applications", XXGK_WARNING, "prose", "条例第五十条；rules.md X-3",
     "正文所述申请数与表三不一致",
     "正文（多在总体情况中）所述收到、受理或办结的申请件数，应与表三的本年新收、上年结转或"
     "（七）总计一致。不一致时，可能是正文统计口径不同（如只计本机关），也可能是表中数字有误。"
     "正文与表中另一口径一致时不在此报告，见 prose-basis。", 0}, check_prose},
    {{"prose-review", XXGK_WARNING, "prose", "条例第五十条",
     "正文所述行政复议、行政诉讼数与表四不一致",
     "正文所述行政复议、行政诉讼的起数应与表四的总计一致。“未发生行政复议”读作0起；"
     "“未发生被行政复议纠错的情况”说的是结果，不是起数，不作比较。", 0}, check_prose},
    {{"prose-documents", XXGK_WARNING, "prose", "条例第五十条；" FMT21 "表二",
     "正文所述规范性文件件数与表二不一致",
     "正文（多在总体情况或主动公开部分）所述本年制发、废止或现行有效的规范性文件件数，应与表二"
     "“行政规范性文件”（2019年格式为“规范性文件”的本年新制作数量）一行相应栏一致。"
     "不一致时，可能是正文把规章或其他文件计入，也可能是表中数字有误。", 0}, check_prose},
    {{"prose-basis", XXGK_NOTE, "prose", "条例第五十条；rules.md X-3",
     "正文所述件数与表中另一口径的数字一致",
     "正文所述件数与相应的表中数字不同，但与表中另一口径相符：例如“收到申请75件”等于本年新收加"
     "上年结转（把上年结转的申请也算作收到），“未收到申请”而（七）总计办理了上年结转的申请，"
     "或正文与各栏相加一致而表中的总计本身有误。提示说明正文按哪一口径计算，请核对措辞或表中数字。",
     0}, check_prose},

    /* ---- identity ---- */
    {{"identity-kind", XXGK_WARNING, "identity", "条例第四十七条；" FMT21 "“三、工作要求（四）”",
     "报告以另一类机关自称",
     "例如镇的报告中出现“我街道”、乡的报告中出现“我局”。这通常是照抄其他机关报告留下的痕迹，"
     "格式要求严禁照抄照搬、敷衍应付。", 0}, check_self_reference},
    {{"year-mismatch", XXGK_WARNING, "identity", "条例第四十九条",
     "正文中的年份与报告年度不符",
     "报告写的是上一年度的工作。正文以其他年份开头叙述本年工作（如2020年度报告写“2018年，我镇……”，"
     "或2025年度报告的句子以“2024年制作……”开头），多为沿用往年报告未改。同一句中与本年度比较的"
     "（“较2024年增长”）不在此列。", 0}, check_years_in_text},
    {{"period-mismatch", XXGK_ERROR, "identity", FMT19 "；rules.md X-4",
     "统计期限不是报告年度的1月1日至12月31日",
     "年度报告的统计期限是报告年度的1月1日至12月31日。", 0}, check_years_in_text},

    /* ---- dates ---- */
    {{"date-late", XXGK_ERROR, "dates", "条例第四十九条",
     "成文日期晚于法定公布期限",
     "条例第四十九条：县级以上人民政府部门应当在每年1月31日前公布本机关上一年度的年度报告（乡镇参照"
     "执行）；县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前公布本级政府上一年度"
     "的年度报告。", 0}, check_dates},
    {{"date-early", XXGK_ERROR, "dates", "条例第四十九条",
     "成文日期早于报告年度结束",
     "年度报告总结的是整个年度，应在年度结束（12月31日）之后成文；年内成文的报告不可能包含全年数据。", 0}, check_dates},
    {{"date-missing", XXGK_NOTE, "dates", "《党政机关公文格式》GB/T 9704",
     "报告没有落款日期",
     "统一格式没有规定落款，但公文通常在正文后署发布机关和成文日期，便于判断是否按时公布。", 0}, check_dates},

    /* ---- across years ---- */
    {{"carry-over", XXGK_ERROR, "across-years", "条例第五十条；rules.md X-1",
     "本年“上年结转”与上一年度报告的“结转下年度继续办理”不一致",
     "上一年度报告表三“四、结转下年度继续办理”的申请，就是本年度“二、上年结转”的申请，每一栏都应相等。", XXGK_NEEDS_PREVIOUS}, check_carry_over},
    {{"in-force-continuity", XXGK_NOTE, "across-years", "rules.md T2-21-2",
     "现行有效件数与上年数字对不上",
     "一般而言，本年现行有效件数＝上年现行有效件数＋本年制发件数－本年废止件数。修订、清理或机构调整"
     "可能使其不成立，故仅作提示。", XXGK_NEEDS_PREVIOUS}, check_in_force},
    {{"text-copied", XXGK_WARNING, "across-years", FMT21 "“三、工作要求（四）”；条例第四十七条",
      "正文一半以上与上一年度报告相同",
      "年度报告应如实总结本年度的工作。正文的句子一半以上与本机关上一年度报告相同（数字、年份、机关"
      "名称和“我镇”“我局”等自称不计），多为照搬往年报告只改数字。格式要求严禁照抄照搬、敷衍应付，"
      "评估时照搬过半的报告会被扣分。请按本年度实际情况重写总体情况、存在问题和改进措施。",
      XXGK_NEEDS_PREVIOUS}, check_copied_text},
};

/* The catalogue: the static rules with the arithmetic rules of the
 * templates among them. Its size is asserted where it is built, never
 * clipped. */
#define MAX_RULES 96
static rule_def catalogue[MAX_RULES];
static size_t catalogue_n;
/* catalogue indexes by rule id, for xxgk_rule_find (every finding names
 * its rule) */
static uint8_t by_id[MAX_RULES];
_Static_assert(MAX_RULES <= 256, "by_id holds catalogue indexes in a byte");

static bool known(const char *id)
{
    for (size_t i = 0; i < catalogue_n; i++)
        if (strcmp(catalogue[i].rule.id, id) == 0)
            return true;
    return false;
}

static void add(const rule_def *d)
{
    assert(catalogue_n < MAX_RULES && "rules.c: raise MAX_RULES");
    if (catalogue_n < MAX_RULES)
        catalogue[catalogue_n++] = *d;
}

/* The arithmetic rules come from the templates' sum declarations: one
 * entry per rule id, whichever formats declare it. */
static void add_sum_rules(void)
{
    for (size_t f = 0; f < tpl_format_count(); f++)
        for (int s = 3; s <= 4; s++) {
            const tpl_table *t = tpl_table_of(tpl_format_at(f)->format, s);
            for (int i = 0; t && i < t->nsums; i++) {
                const tpl_sum *sum = &t->sums[i];
                if (known(sum->rule))
                    continue;
                rule_def d = {{sum->rule, XXGK_ERROR, "arithmetic", sum->basis, sum->title,
                               sum->explanation, 0},
                              check_sums};
                add(&d);
            }
        }
}

void rules_compile(void)
{
    size_t n = sizeof static_rules / sizeof static_rules[0];
    /* structure and shape first, then arithmetic, then the rest, as a
     * reader of docs/rules.md meets them */
    size_t split = 0;
    while (split < n && (!strcmp(static_rules[split].rule.category, "structure") ||
                         !strcmp(static_rules[split].rule.category, "shape")))
        split++;
    for (size_t i = 0; i < split; i++)
        add(&static_rules[i]);
    add_sum_rules();
    for (size_t i = split; i < n; i++)
        add(&static_rules[i]);
    /* by id: insertion sort, built once */
    for (size_t i = 0; i < catalogue_n; i++) {
        size_t j = i;
        for (; j > 0 && strcmp(catalogue[by_id[j - 1]].rule.id, catalogue[i].rule.id) > 0; j--)
            by_id[j] = by_id[j - 1];
        by_id[j] = (uint8_t)i;
    }
}

size_t xxgk_rule_count(void)
{
    index_ensure();
    return catalogue_n;
}

const xxgk_rule *xxgk_rule_at(size_t i)
{
    return i < xxgk_rule_count() ? &catalogue[i].rule : NULL;
}

const xxgk_rule *xxgk_rule_find(const char *id)
{
    size_t lo = 0, hi = xxgk_rule_count();
    while (id && lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(catalogue[by_id[mid]].rule.id, id);
        if (c == 0)
            return &catalogue[by_id[mid]].rule;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

rule_fn rule_function(size_t i)
{
    return i < xxgk_rule_count() ? catalogue[i].fn : NULL;
}

const char *xxgk_severity_name(xxgk_severity s)
{
    return s == XXGK_ERROR ? "error" : s == XXGK_WARNING ? "warning" : "note";
}

const char *xxgk_severity_text(xxgk_severity s)
{
    return s == XXGK_ERROR ? "错误" : s == XXGK_WARNING ? "警告" : "提示";
}
