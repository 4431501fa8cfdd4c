/*
 * check_text.c — the report against itself: a body calling itself by
 * another kind of body (text copied from another report), years and the
 * statistical period, the signing date against the deadlines of
 * 条例第四十九条, and the 信息处理费 statement the 2021 format requires.
 * (The figures the prose states against the tables: check_prose.c.)
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "label.h"
#include "utf8.h"

/* ---- small text scanning helpers (on compact text) ------------------ */

static const char *const negations[] = {"未", "没有", "无", NULL};

static long long cell_or(const xxgk_report *r, const char *key, long long fallback)
{
    long long v;
    bool blank;
    return cell_int(r, xxgk_cell_find(key), &v, &blank) ? v : fallback;
}

static span para_at(const rec_para *p)
{
    return (span){p->at.line, p->at.col, 0};
}

/* ---- identity --------------------------------------------------------- */

typedef struct self_word {
    const char *word;
    const char *kind;
} self_word;

static const self_word self_words[] = {
    {"我乡", "乡"}, {"本乡", "乡"}, {"我镇", "镇"}, {"本镇", "镇"},
    {"我街道", "街道"}, {"本街道", "街道"}, {"我局", "局"}, {"本局", "局"}, {NULL, NULL},
};

static bool ends(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    return n >= m && memcmp(s + n - m, lit, m) == 0;
}

/* The kind of body: 乡, 镇, 街道, 局, or 政府 for a county-level or
 * higher government; NULL when it cannot be told. */
static const char *body_kind(const char *body)
{
    if (!body)
        return NULL;
    size_t n = strlen(body);
    if (ends(body, n, "人民政府"))
        n -= strlen("人民政府");
    else if (ends(body, n, "办事处"))
        n -= strlen("办事处");
    else if (ends(body, n, "政府"))
        n -= strlen("政府");
    static const char *const kinds[] = {"街道", "乡", "镇", "局", NULL};
    for (int i = 0; kinds[i]; i++)
        if (ends(body, n, kinds[i]))
            return kinds[i];
    if (ends(body, n, "县") || ends(body, n, "区") || ends(body, n, "市") || ends(body, n, "省") ||
        ends(body, n, "旗") || ends(body, n, "州"))
        return "政府";
    return NULL;
}

void check_self_reference(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    const char *kind = body_kind(r->meta.body);
    if (!kind)
        return;
    size_t nparas;
    const rec_para *paras = check_paragraphs(r, &nparas);
    for (size_t p = 0; p < nparas; p++) {
        const rec_para *para = &paras[p];
        for (int w = 0; self_words[w].word; w++) {
            if (!strcmp(self_words[w].kind, kind))
                continue;
            size_t m = strlen(self_words[w].word);
            if (!text_contains(para->text, para->len, self_words[w].word))
                continue;
            for (size_t i = 0; i + m <= para->len; i++) {
                if (memcmp(para->text + i, self_words[w].word, m) != 0)
                    continue;
                span at = {para->at.line, para->at.col + (uint32_t)i, (uint32_t)m};
                xxgk_finding *f = finding_add(r, "identity-kind", SEV_DEFAULT, at, NULL, 0,
                                              "%s的报告中出现“%s”，疑为照抄其他机关报告",
                                              r->meta.body, self_words[w].word);
                finding_expect(r, f, "应为“我%s”", kind);
                return; /* one is enough to send the clerk looking */
            }
        }
    }
}

static int year_at_start(const char *text, size_t len)
{
    char buf[32];
    size_t n = text_compact_buf(text, len < 24 ? len : 24, buf, sizeof buf);
    if (n < 7 || !text_starts_at(buf, n, 4, "年"))
        return 0;
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (buf[i] < '0' || buf[i] > '9')
            return 0;
        y = y * 10 + (buf[i] - '0');
    }
    return y;
}

/* Whether raw text s[0..i) ends a sentence: nothing before it but white
 * space, or a full stop (。！？；) then white space. */
static bool sentence_start(const char *s, size_t i)
{
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        i--;
    if (i >= 3 && (((unsigned char)s[i - 3] == 0xE3 && (unsigned char)s[i - 2] == 0x80 &&
                    (unsigned char)s[i - 1] == 0x80) /* U+3000 */))
        return sentence_start(s, i - 3);
    if (i == 0)
        return true;
    /* 1 or 2 bytes hold no full stop (and i - 3 would wrap around) */
    return i >= 3 && (text_starts_at(s, i, i - 3, "。") || text_starts_at(s, i, i - 3, "！") ||
                      text_starts_at(s, i, i - 3, "？") || text_starts_at(s, i, i - 3, "；"));
}

/* A sentence that starts with an earlier year and goes on with the
 * year's work, "2024年制作政府信息公开指南…" in a 2025 report: a year
 * carried over from an old report. A sentence that names the report's
 * year too, or compares (较, 相比, 增长 …), is a comparison, not the
 * work year. Returns the byte offset of the year in the paragraph, or
 * -1. */
static long earlier_work_year(const rec_para *para, int year, int *found)
{
    static const char *const work[] = {"制作", "制发", "印发", "公开", "发布", "受理", "办理",
                                       "开展", "组织", "编制", "更新", "完成", "修订", NULL};
    static const char *const compare[] = {"相比", "较", "同比", "增长", "减少", "下降", "上升",
                                          "持平", "以来", "报告", NULL};
    const char *s = para->text;
    size_t n = para->len;
    char this_year[16];
    snprintf(this_year, sizeof this_year, "%d年", year);
    for (long at = text_find(s, n, 0, "年"); at >= 0; at = text_find(s, n, (size_t)at + 3, "年")) {
        if (at < 4)
            continue;
        size_t y0 = (size_t)at - 4;
        int y = 0;
        for (size_t k = y0; k < (size_t)at && y >= 0; k++)
            y = s[k] >= '0' && s[k] <= '9' ? y * 10 + (s[k] - '0') : -1;
        if (y < 2000 || y >= year || y < year - 3 || !sentence_start(s, y0))
            continue;
        size_t w = (size_t)at + 3;
        while (w < n && s[w] == ' ')
            w++;
        int v = 0;
        while (work[v] && !text_starts_at(s, n, w, work[v]))
            v++;
        /* "2019年编制的公开目录…": what that year made, not this year's work */
        if (!work[v] || text_starts_at(s, n, w + strlen(work[v]), "的"))
            continue;
        long end = text_find(s, n, w, "。");
        size_t e = end < 0 ? n : (size_t)end;
        bool comparison = text_contains(s + y0, e - y0, this_year);
        for (int c = 0; compare[c] && !comparison; c++)
            comparison = text_contains(s + y0, e - y0, compare[c]);
        if (comparison)
            continue;
        *found = y;
        return (long)y0;
    }
    return -1;
}

/* The work year: a paragraph of 总体情况 or 存在的主要问题 opening with
 * an earlier year ("2018年，我镇…" in a 2020 report), or a sentence of
 * sections 一 to 四 and 六 that does (earlier_work_year). Once. */
static void check_work_year(xxgk_report *r)
{
    int year = r->meta.year;
    size_t nparas;
    const rec_para *paras = check_paragraphs(r, &nparas);
    for (size_t p = 0; p < nparas; p++) {
        const rec_para *para = &paras[p];
        int y = 0;
        long off = -1;
        if (para->section == 1 || para->section == 5) {
            y = year_at_start(para->text, para->len);
            off = y >= 2000 && y < year ? 0 : -1;
        }
        if (off < 0 && para->section >= 1 && para->section != 5)
            off = earlier_work_year(para, year, &y);
        if (off < 0)
            continue;
        span at = {para->at.line, para->at.col + (uint32_t)off, 4};
        xxgk_finding *f = finding_add(r, "year-mismatch", SEV_DEFAULT, at, NULL, 0,
                                      "%d年度报告的正文以“%d年”叙述工作", year, y);
        finding_expect(r, f, "应为“%d年”", year);
        return;
    }
}

void check_years_in_text(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    int year = r->meta.year;
    if (!year)
        return;
    check_work_year(r);
    const xxgk_meta *m = &r->meta;
    if (m->period_from) {
        char from[24], to[24];
        snprintf(from, sizeof from, "%04d-01-01", year);
        snprintf(to, sizeof to, "%04d-12-31", year);
        if (strcmp(m->period_from, from) || strcmp(m->period_to, to)) {
            span at = {m->period_line, 0, 0};
            xxgk_finding *f = finding_add(r, "period-mismatch", SEV_DEFAULT, at, NULL, 0,
                                          "统计期限为%s至%s", m->period_from, m->period_to);
            finding_expect(r, f, "应为%s至%s", from, to);
        }
    }
}

/* ---- dates ------------------------------------------------------------ */

/* A county-level or higher government's own (summary) report is due by
 * 3月31日; every other body's (departments, 乡镇 by reference) by 1月31日. */
static bool summary_report(const xxgk_report *r)
{
    const char *kind = body_kind(r->meta.body);
    return kind && !strcmp(kind, "政府");
}

void check_dates(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    const xxgk_meta *m = &r->meta;
    if (!m->year)
        return;
    span at = {m->date_line, 0, 0};
    if (!m->date) {
        finding_add(r, "date-missing", SEV_DEFAULT, at, NULL, 0, "报告末尾没有成文日期");
        return;
    }
    char year_end[24], deadline[24];
    snprintf(year_end, sizeof year_end, "%04d-12-31", m->year);
    bool summary = summary_report(r);
    snprintf(deadline, sizeof deadline, "%04d-%s", m->year + 1, summary ? "03-31" : "01-31");
    if (strcmp(m->date, year_end) <= 0) {
        xxgk_finding *f = finding_add(r, "date-early", SEV_DEFAULT, at, NULL, 0,
                                      "成文日期%s不晚于报告年度的最后一天", m->date);
        finding_expect(r, f, "应在%d年1月1日之后", m->year + 1);
    } else if (strcmp(m->date, deadline) > 0) {
        xxgk_finding *f = finding_add(r, "date-late", SEV_DEFAULT, at, NULL, 0,
                                      "成文日期%s晚于法定公布期限", m->date);
        finding_expect(r, f, "应不晚于%d年%s", m->year + 1, summary ? "3月31日" : "1月31日");
    }
}

/* ---- 信息处理费 -------------------------------------------------------- */

/* The compact text of section 六 as the report states it: paragraphs
 * still holding the template's placeholder are not statements. */
static size_t stated_six(const xxgk_report *r, char *buf, size_t cap)
{
    size_t n = 0, nparas;
    const rec_para *paras = check_paragraphs(r, &nparas);
    for (size_t p = 0; p < nparas; p++)
        if (paras[p].section == 6 && !text_contains(paras[p].text, paras[p].len, XXGK_PLACEHOLDER))
            n += text_compact_buf(paras[p].text, paras[p].len, buf + n, cap - n);
    buf[n < cap ? n : cap - 1] = '\0';
    return n;
}

/* Whether a sentence of section 六 (compact text) speaks of charging
 * for information: "未收取信息处理费", "未发生收费情况", "未收取任何费用",
 * "未产生信息公开处理费", "无向申请人收取政府信息公开费用的情况",
 * "收取信息处理费0元" — a fee word, or 收取/收缴/产生 with a word for a
 * fee (费, as in 费用) in the same sentence. "经费保障" is no statement. */
static bool fee_stated(const char *s, size_t n)
{
    static const char *const fee_words[] = {"处理费", "信息公开费", "收费", "缴费", NULL};
    static const char *const charge[] = {"收取", "收缴", "缴纳", "产生", NULL};
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        bool end = i == n || text_starts_at(s, n, i, "。") || text_starts_at(s, n, i, "；") || s[i] == ';';
        if (!end)
            continue;
        const char *c = s + start;
        size_t len = i - start;
        for (int w = 0; fee_words[w]; w++)
            if (text_contains(c, len, fee_words[w]))
                return true;
        for (int w = 0; charge[w]; w++)
            if (text_contains(c, len, charge[w]) && text_contains(c, len, "费") &&
                !text_contains(c, len, "经费"))
                return true;
        start = i + (i < n && s[i] != ';' ? 3 : 1);
    }
    return false;
}

void check_fee_statement(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    char buf[4096];
    size_t n = stated_six(r, buf, sizeof buf);
    bool says = fee_stated(buf, n);
    bool mentioned = strstr(buf, "信息处理费") != NULL;
    bool placeholder = r->section_text[6] && strstr(r->section_text[6], XXGK_PLACEHOLDER);
    /* The formats that say where the fee is reported (section 六's note)
     * require the statement; the section must be there to hold it. */
    bool required = r->meta.format && tpl_format_requires_fee_statement(r->meta.format);
    bool has_six = r->ev ? heading_line(r, 6) != 0 : r->section_text[6] != NULL;
    if (required && !says && has_six && !placeholder) {
        span at = {heading_line(r, 6), 0, 0};
        xxgk_finding *f = finding_add(r, "fee-statement-missing", SEV_DEFAULT, at, NULL, 0,
                                      "第六部分没有报告信息处理费的收取情况");
        finding_expect(r, f, "例如“本年度未收取信息处理费”");
    }
    if (!mentioned)
        return;
    for (size_t i = 0; i < n; i++) {
        if (!text_starts_at(buf, n, i, "信息处理费"))
            continue;
        size_t c0 = text_clause_start(buf, i);
        static const char *const collect[] = {"收取", "收缴", NULL};
        if (text_contains_any(buf, c0, i, negations) || !text_contains_any(buf, c0, i, collect))
            continue;
        long long apps = cell_or(r, "t3.new.total", -1) + cell_or(r, "t3.carried_in.total", 0);
        span at = {heading_line(r, 6), 0, 0};
        if (r->meta.year && r->meta.year < 2021)
            finding_add(r, "fee-statement-contradiction", SEV_DEFAULT, at, NULL, 0,
                        "%d年度报告称收取了信息处理费，而收费办法自2021年起施行", r->meta.year);
        else if (apps == 0)
            finding_add(r, "fee-statement-contradiction", SEV_DEFAULT, at, NULL, 0,
                        "报告称收取了信息处理费，但表三没有任何申请");
        return;
    }
}

/* ---- what a writer leaves behind -------------------------------------- */

/* Text of the template still in the report: `xxgk new` marks what the
 * clerk must write with XXGK_PLACEHOLDER. Once per section. */
void check_placeholders(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    static const char *const parts[] = {"标题与导语", "一、总体情况", "二、主动公开政府信息情况",
                                        "三、收到和处理政府信息公开申请情况",
                                        "四、政府信息公开行政复议、行政诉讼情况",
                                        "五、存在的主要问题及改进情况", "六、其他需要报告的事项"};
    bool any = false;
    for (int s = 0; s <= 6 && !any; s++)
        any = r->section_text[s] && strstr(r->section_text[s], XXGK_PLACEHOLDER);
    if (!any)
        return; /* (nearly every report: one pass over its sections) */
    size_t nparas;
    const rec_para *paras = check_paragraphs(r, &nparas);
    int last = -1;
    for (size_t p = 0; p < nparas; p++) {
        const rec_para *para = &paras[p];
        if (para->section == last || para->section < 0 || para->section > 6 ||
            !text_contains(para->text, para->len, XXGK_PLACEHOLDER))
            continue;
        last = para->section;
        xxgk_finding *f = finding_add(r, "placeholder-left", SEV_DEFAULT, para_at(para), NULL, 0,
                                      "“%s”部分仍是模板的占位文字（%s）", parts[para->section],
                                      XXGK_PLACEHOLDER);
        finding_expect(r, f, "按实际情况填写这一部分，删去“%s”", XXGK_PLACEHOLDER);
    }
}
