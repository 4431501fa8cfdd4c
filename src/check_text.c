/*
 * check_text.c — the narrative against the tables and the report against
 * itself: application and case counts stated in the prose, a body calling
 * itself by another kind of body (text copied from another report), years
 * and the statistical period, the signing date against the deadlines of
 * 条例第四十九条, and the 信息处理费 statement the 2021 format requires.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "label.h"
#include "utf8.h"

/* ---- small text scanning helpers (on compact text) ------------------ */

static bool starts(const char *s, size_t n, size_t i, const char *lit)
{
    size_t m = strlen(lit);
    return i + m <= n && memcmp(s + i, lit, m) == 0;
}

static bool any_before(const char *s, size_t from, size_t to, const char *const *words)
{
    for (int w = 0; words[w]; w++)
        if (text_contains(s + from, to - from, words[w]))
            return true;
    return false;
}

/* Start of the clause containing position i (after the last ，。；). */
static size_t clause_start(const char *s, size_t i)
{
    while (i > 0) {
        if (i >= 3 && (starts(s, i, i - 3, "，") || starts(s, i, i - 3, "。") ||
                       starts(s, i, i - 3, "；")))
            return i;
        if (s[i - 1] == ',' || s[i - 1] == ';')
            return i;
        i--;
    }
    return 0;
}

/* The first count after position i within `reach` bytes, followed by a
 * measure word (件/起/个/宗/次): "申请1件", "行政复议2起". -1 if none. */
static long long count_after(const char *s, size_t n, size_t i, size_t reach)
{
    size_t end = i + reach < n ? i + reach : n;
    for (size_t j = i; j < end; j++) {
        if (s[j] < '0' || s[j] > '9')
            continue;
        size_t k = j;
        long long v = 0;
        while (k < n && s[k] >= '0' && s[k] <= '9' && v < 100000000)
            v = v * 10 + (s[k++] - '0');
        if (starts(s, n, k, "件") || starts(s, n, k, "起") || starts(s, n, k, "个") ||
            starts(s, n, k, "宗") || starts(s, n, k, "次"))
            return v;
        return -1;
    }
    return -1;
}

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

/* ---- prose against tables ------------------------------------------ */

typedef struct stated {
    long long value; /* -1: no statement */
    const rec_para *para;
} stated;

/* Moves a byte offset back to the start of a UTF-8 character. */
static size_t char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* The first count the prose states after `keyword`, with `verbs` before
 * it in the same clause; a negated clause without a count states 0. Only
 * a window around each occurrence is compacted. */
static stated find_statement(const xxgk_report *r, const char *keyword, const char *const *verbs,
                             int max_section)
{
    stated st = {-1, NULL};
    size_t kl = strlen(keyword);
    size_t nparas;
    const rec_para *paras = check_paragraphs(r, &nparas);
    for (size_t p = 0; p < nparas && st.value < 0; p++) {
        const rec_para *para = &paras[p];
        if (para->section > max_section || para->section == 2)
            continue;
        for (long at = text_find(para->text, para->len, 0, keyword); at >= 0 && st.value < 0;
             at = text_find(para->text, para->len, (size_t)at + kl, keyword)) {
            size_t lo = char_start(para->text, (size_t)at > 90 ? (size_t)at - 90 : 0);
            size_t hi = (size_t)at + kl + 90 < para->len ? (size_t)at + kl + 90 : para->len;
            hi = char_start(para->text, hi);
            if (hi < (size_t)at + kl)
                hi = para->len;
            /* cheap test on the raw text before compacting anything */
            bool verb = !verbs;
            for (int v = 0; verbs && verbs[v] && !verb; v++)
                verb = text_contains(para->text + lo, (size_t)at - lo, verbs[v]);
            bool negated = false;
            for (int v = 0; negations[v] && !negated; v++)
                negated = text_contains(para->text + lo, (size_t)at - lo, negations[v]);
            if (!verb && !negated)
                continue;
            char before[512], after[512];
            size_t nb = text_compact_buf(para->text + lo, (size_t)at - lo, before, sizeof before);
            size_t na = text_compact_buf(para->text + at, hi - (size_t)at, after, sizeof after);
            size_t c0 = clause_start(before, nb);
            if (verbs && !any_before(before, c0, nb, verbs))
                continue;
            long long v = count_after(after, na, kl, 24);
            if (v < 0 && any_before(before, c0, nb, negations))
                v = 0;
            if (v >= 0) {
                st.value = v;
                st.para = para;
            }
        }
    }
    return st;
}

void check_prose_applications(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    static const char *const receive[] = {"收到", "受理", "新收", "接收", "接到", NULL};
    long long fresh = cell_or(r, "t3.new.total", -1);
    long long carried = cell_or(r, "t3.carried_in.total", 0);
    stated st = find_statement(r, "申请", receive, 3);
    /* Prose often counts carried-in applications as new ones. */
    if (st.value >= 0 && fresh >= 0 && st.value != fresh && st.value != fresh + carried) {
        int id = xxgk_cell_find("t3.new.total");
        xxgk_finding *f = finding_add(r, "prose-applications", SEV_DEFAULT, para_at(st.para), &id,
                                      1, "正文称收到或受理申请%lld件，表三本年新收申请为%lld件",
                                      st.value, fresh);
        finding_expect(r, f, "应为 %lld", fresh);
    }
    long long done = cell_or(r, "t3.total.total", -1);
    stated fin = find_statement(r, "办结", NULL, 3);
    if (fin.value > 0 && done >= 0 && fin.value != done) {
        int id = xxgk_cell_find("t3.total.total");
        xxgk_finding *f = finding_add(r, "prose-applications", SEV_DEFAULT, para_at(fin.para), &id,
                                      1, "正文称办结申请%lld件，表三（七）总计为%lld件", fin.value,
                                      done);
        finding_expect(r, f, "应为 %lld", done);
    }
}

void check_prose_cases(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    long long review = cell_or(r, "t4.review.total", -1);
    long long direct = cell_or(r, "t4.suit_direct.total", -1);
    long long after = cell_or(r, "t4.suit_after_review.total", -1);
    stated rv = find_statement(r, "行政复议", NULL, 4);
    if (rv.value >= 0 && review >= 0 && rv.value != review) {
        int id = xxgk_cell_find("t4.review.total");
        xxgk_finding *f = finding_add(r, "prose-review", SEV_DEFAULT, para_at(rv.para), &id, 1,
                                      "正文称行政复议%lld起，表四行政复议总计为%lld", rv.value,
                                      review);
        finding_expect(r, f, "应为 %lld", review);
    }
    stated su = find_statement(r, "行政诉讼", NULL, 4);
    if (su.value >= 0 && direct >= 0 && after >= 0 && su.value != direct + after) {
        int ids[2] = {xxgk_cell_find("t4.suit_direct.total"),
                      xxgk_cell_find("t4.suit_after_review.total")};
        xxgk_finding *f = finding_add(r, "prose-review", SEV_DEFAULT, para_at(su.para), ids, 2,
                                      "正文称行政诉讼%lld起，表四行政诉讼总计为%lld", su.value,
                                      direct + after);
        finding_expect(r, f, "应为 %lld", direct + after);
    }
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
    if (n < 7 || !starts(buf, n, 4, "年"))
        return 0;
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (buf[i] < '0' || buf[i] > '9')
            return 0;
        y = y * 10 + (buf[i] - '0');
    }
    return y;
}

void check_years_in_text(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    int year = r->meta.year;
    if (!year)
        return;
    size_t nparas;
    const rec_para *paras = check_paragraphs(r, &nparas);
    for (size_t p = 0; p < nparas; p++) {
        const rec_para *para = &paras[p];
        if (para->section != 1 && para->section != 5)
            continue;
        int y = year_at_start(para->text, para->len);
        if (y >= 2000 && y < year) {
            span at = {para->at.line, para->at.col, 4};
            xxgk_finding *f = finding_add(r, "year-mismatch", SEV_DEFAULT, at, NULL, 0,
                                          "%d年度报告的正文以“%d年”叙述工作", year, y);
            finding_expect(r, f, "应为“%d年”", year);
            return;
        }
    }
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

void check_fee_statement(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    char buf[4096];
    size_t n = stated_six(r, buf, sizeof buf);
    bool mentioned = strstr(buf, "信息处理费") != NULL;
    bool placeholder = r->section_text[6] && strstr(r->section_text[6], XXGK_PLACEHOLDER);
    /* The formats that say where the fee is reported (section 六's note)
     * require the statement; the section must be there to hold it. */
    bool required = r->meta.format && tpl_format_requires_fee_statement(r->meta.format);
    bool has_six = r->ev ? heading_line(r, 6) != 0 : r->section_text[6] != NULL;
    if (required && !mentioned && has_six && !placeholder) {
        span at = {heading_line(r, 6), 0, 0};
        xxgk_finding *f = finding_add(r, "fee-statement-missing", SEV_DEFAULT, at, NULL, 0,
                                      "第六部分没有报告信息处理费的收取情况");
        finding_expect(r, f, "例如“本年度未收取信息处理费”");
    }
    if (!mentioned)
        return;
    for (size_t i = 0; i < n; i++) {
        if (!starts(buf, n, i, "信息处理费"))
            continue;
        size_t c0 = clause_start(buf, i);
        static const char *const collect[] = {"收取", "收缴", NULL};
        if (any_before(buf, c0, i, negations) || !any_before(buf, c0, i, collect))
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
