/*
 * meta.c — what a report says about itself: title, year, issuing body,
 * signing date and statistical period.
 *
 * The title is the text before the first heading, often broken over two
 * lines (`…工作年度` / `报  告`, sample 003). The body is the signature
 * at the end when there is one (`杭州市富阳区上官乡人民政府`, sample 001),
 * else the part of the title before the year, or the body's name on a
 * line of its own before a title that names it again. The date is a line
 * that holds only a date, usually the last of the report, or the date
 * after the signature on the signature's line (`平潭综合实验区社会事业局
 * 2024年1月26日`), page chrome after it allowed (`（联系人：…） 附件下载`).
 * Lines a converter or a web page puts before the title (`正文`,
 * `当前位置：…`) are not the title.
 */
#include <string.h>

#include "label.h"
#include "report.h"
#include "utf8.h"

bool parse_cn_date(const char *s, size_t n, size_t *pos, int default_year, char iso[11])
{
    size_t i = *pos;
    int year = 0;
    size_t j = i;
    int v = label_parse_numeral(s, n, &j);
    if (v >= 1900 && v <= 2199 && text_starts_at(s, n, j, "年")) {
        year = v;
        i = j + 3;
    } else if (default_year) {
        year = default_year;
    } else {
        return false;
    }
    j = i;
    int month = label_parse_numeral(s, n, &j);
    if (month < 1 || month > 12 || !text_starts_at(s, n, j, "月"))
        return false;
    i = j + 3;
    j = i;
    int day = label_parse_numeral(s, n, &j);
    if (day < 1 || day > 31)
        return false;
    i = j;
    if (text_starts_at(s, n, i, "日") || text_starts_at(s, n, i, "号"))
        i += 3;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > mdays[month - 1])
        return false;
    iso[0] = (char)('0' + year / 1000);
    iso[1] = (char)('0' + year / 100 % 10);
    iso[2] = (char)('0' + year / 10 % 10);
    iso[3] = (char)('0' + year % 10);
    iso[4] = '-';
    iso[5] = (char)('0' + month / 10);
    iso[6] = (char)('0' + month % 10);
    iso[7] = '-';
    iso[8] = (char)('0' + day / 10);
    iso[9] = (char)('0' + day % 10);
    iso[10] = '\0';
    *pos = i;
    return true;
}

/* A paragraph that is only a date: "2021年1月28日", "（二〇二一年一月
 * 二十日）". */
static bool date_only(const char *text, size_t len, char iso[11])
{
    char buf[96];
    if (len > 80)
        return false;
    size_t n = text_compact_buf(text, len, buf, sizeof buf);
    size_t i = 0;
    if (i < n && buf[i] == '(')
        i++;
    if (!parse_cn_date(buf, n, &i, 0, iso))
        return false;
    if (i < n && buf[i] == ')')
        i++;
    return i == n;
}

/* A signature line: a short name ending like a government body. */
static bool signature_like(const char *s, size_t n)
{
    static const char *const ends[] = {"人民政府", "政府", "委员会", "管委会", "办公室",
                                       "办事处", "局", "厅", "委", "办", "乡", "镇",
                                       "街道", "中心", "院", "署", "所", "处", "部", NULL};
    if (n == 0 || utf8_length(s, n) > 30)
        return false;
    if (text_contains(s, n, "。") || text_contains(s, n, "，") || text_contains(s, n, "；") || text_contains(s, n, ":") ||
        text_contains(s, n, "、") || text_contains(s, n, "报告"))
        return false;
    for (int i = 0; ends[i]; i++) {
        size_t m = strlen(ends[i]);
        if (n >= m && memcmp(s + n - m, ends[i], m) == 0)
            return true;
    }
    return false;
}

static int year_in(const char *s, size_t n, size_t *at)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            continue;
        size_t j = i;
        int v = label_parse_numeral(s, n, &j);
        if (j - i == 4 && v >= 2000 && v <= 2199 && text_starts_at(s, n, j, "年")) {
            *at = i;
            return v;
        }
        i = j;
    }
    return 0;
}

/* Whether compact text starts with lit. */
static bool has_prefix(const char *s, size_t n, const char *lit)
{
    return text_starts_at(s, n, 0, lit);
}

/* A line of page or converter chrome before the title: "正文", "全文",
 * "当前位置：首页>…", "发布时间：…", "字号：大中小". Compact text. */
static bool chrome_line(const char *s, size_t n)
{
    static const char *const whole[] = {"正文", "全文", "原文", "详情", "文章正文", "内容",
                                        "正文内容", "打印", "关闭", NULL};
    static const char *const lead[] = {"当前位置", "您的位置", "您当前的位置", "您现在的位置",
                                       "来源:", "发布时间", "发布日期", "发文日期", "字号",
                                       "字体", "【字体", "浏览次数", "点击数", "索引号", "首页>",
                                       NULL};
    for (int i = 0; whole[i]; i++)
        if (n == strlen(whole[i]) && !memcmp(s, whole[i], n))
            return true;
    for (int i = 0; lead[i]; i++)
        if (has_prefix(s, n, lead[i]))
            return true;
    return false;
}

/* The parts of the title: up to three short lines before the first
 * heading, up to the one naming the report, chrome lines left out.
 * parts[k] are offsets into buf (compact text, joined); returns the
 * number of parts, 0 when no line names a report. */
typedef struct title_parts {
    char buf[512];
    size_t end[3];  /* part k is buf[end[k-1] .. end[k]) */
    int n;
    uint32_t line;
} title_parts;

static int title_lines(const xxgk_report *r, const doc *d, title_parts *tp)
{
    size_t n = 0;
    tp->n = 0;
    tp->line = 0;
    for (size_t b = 0; b < d->n && tp->n < 3; b++) {
        const doc_block *blk = &d->blocks[b];
        if (blk->kind == DOC_BLANK)
            continue;
        if (blk->kind != DOC_PARA)
            break;
        if (text_is_blank(blk->text, blk->len))
            continue;
        if (r->ev->headings.n && blk->line >= r->ev->headings.v[0].at.line)
            break;
        size_t add = text_compact_buf(blk->text, blk->len, tp->buf + n, sizeof tp->buf - n);
        if (chrome_line(tp->buf + n, add))
            continue; /* (a breadcrumb may be long) */
        if (utf8_length(tp->buf + n, add) > 60)
            break; /* a sentence, not a title */
        if (!tp->line)
            tp->line = blk->line;
        n += add;
        tp->end[tp->n++] = n;
        if (text_contains(tp->buf, n, "报告"))
            break;
    }
    tp->buf[n < sizeof tp->buf ? n : sizeof tp->buf - 1] = '\0';
    return n && text_contains(tp->buf, n, "报告") ? tp->n : 0;
}

static void extract_title(xxgk_report *r, const doc *d)
{
    title_parts tp;
    if (!title_lines(r, d, &tp))
        return;
    const char *buf = tp.buf;
    size_t n = tp.end[tp.n - 1];
    /* The body's name on a line of its own, then a title naming a body
     * before its year: the first line is the issuing body, not part of
     * the title (白沙镇人民政府 / 白沙镇2024年政府信息公开工作年度报告). */
    const char *first_body = NULL;
    size_t first_len = 0, at0;
    if (tp.n >= 2 && signature_like(buf, tp.end[0]) &&
        year_in(buf + tp.end[0], n - tp.end[0], &at0) && at0 > 0) {
        first_body = buf;
        first_len = tp.end[0];
        buf += tp.end[0];
        n -= tp.end[0];
    }
    r->meta.title = arena_strndup(&r->a, buf, n);
    r->meta.title_line = tp.line;
    size_t at;
    int year = year_in(buf, n, &at);
    if (year) {
        r->meta.year = year;
        /* The body is named before the year: 荷湖乡2020年… */
        if (at > 0) {
            r->meta.body = arena_strndup(&r->a, buf, at);
        } else {
            /* …or after it: 2020年度平潭综合实验区政府信息公开… */
            size_t s = at + 4 + 3;
            if (text_starts_at(buf, n, s, "度"))
                s += 3;
            size_t e = s;
            while (e < n && !text_starts_at(buf, n, e, "政府信息公开") && !text_starts_at(buf, n, e, "信息公开"))
                e++;
            if (e > s && e < n)
                r->meta.body = arena_strndup(&r->a, buf + s, e - s);
        }
        r->meta.body_line = tp.line;
    }
    if (first_body)
        r->meta.body = arena_strndup(&r->a, first_body, first_len);
}

/* Page chrome after a signing date on its line: bracketed groups
 * ("（联系人：王五，电话：…）") and the words of a page's tool bar. */
static bool chrome_tail(const char *s, size_t n)
{
    static const char *const words[] = {"附件下载", "附件", "下载", "打印本页", "打印",
                                        "关闭窗口", "关闭", "分享", "收藏", "返回顶部", "【",
                                        "】", "[", "]", NULL};
    size_t i = 0;
    while (i < n) {
        if (s[i] == '(') {
            const char *close = memchr(s + i, ')', n - i);
            if (!close)
                return false;
            i = (size_t)(close - s) + 1;
            continue;
        }
        int w = 0;
        while (words[w] && !text_starts_at(s, n, i, words[w]))
            w++;
        if (!words[w])
            return false;
        i += strlen(words[w]);
    }
    return true;
}

/* A signature and its date on one line, the end of a paragraph: the
 * body's name (after the paragraph's last full stop, if any), the date,
 * then nothing or chrome (chrome_tail). Compact text. Sets the body's
 * extent and the ISO date. */
static bool signature_with_date(const char *s, size_t n, size_t *body_from, size_t *body_to,
                                char iso[11])
{
    size_t from = 0;
    for (size_t i = 0; i + 3 <= n; i++)
        if (text_starts_at(s, n, i, "。") || text_starts_at(s, n, i, "；") || text_starts_at(s, n, i, "！"))
            from = i + 3;
    for (size_t i = from; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80)
            continue;
        size_t k = i;
        char date[11];
        if (!parse_cn_date(s, n, &k, 0, date))
            continue;
        size_t to = i;
        if (to > from && s[to - 1] == '(' && k < n && s[k] == ')') {
            to--; /* 白沙镇人民政府（2025年1月20日） */
            k++;
        }
        if (!signature_like(s + from, to - from) || !chrome_tail(s + k, n - k))
            return false;
        *body_from = from;
        *body_to = to;
        memcpy(iso, date, 11);
        return true;
    }
    return false;
}

/* The compact text of the last `tail` bytes of a paragraph (from a
 * character boundary): a signature at the end of a long paragraph
 * (crawler dumps join lines) is found without compacting all of it. */
static size_t compact_tail(const doc_block *blk, size_t tail, char *buf, size_t cap)
{
    size_t from = blk->len > tail ? blk->len - tail : 0;
    while (from > 0 && ((unsigned char)blk->text[from] & 0xC0) == 0x80)
        from++;
    return text_compact_buf(blk->text + from, blk->len - from, buf, cap);
}

/* The signature and date block at the end of the report. */
static void extract_signature(xxgk_report *r, const doc *d)
{
    int seen = 0;
    for (size_t b = d->n; b-- > 0 && seen < 6;) {
        const doc_block *blk = &d->blocks[b];
        if (blk->kind == DOC_BLANK)
            continue;
        if (blk->kind != DOC_PARA)
            break;
        if (text_is_blank(blk->text, blk->len))
            continue;
        seen++;
        char iso[11];
        if (!r->meta.date && date_only(blk->text, blk->len, iso)) {
            r->meta.date = arena_strndup(&r->a, iso, 10);
            r->meta.date_line = blk->line;
            continue;
        }
        char buf[400];
        size_t n = compact_tail(blk, 360, buf, sizeof buf), from, to;
        if (!r->meta.date && signature_with_date(buf, n, &from, &to, iso)) {
            r->meta.date = arena_strndup(&r->a, iso, 10);
            r->meta.date_line = blk->line;
            r->meta.body = arena_strndup(&r->a, buf + from, to - from);
            r->meta.body_line = blk->line;
            break;
        }
        if (signature_like(buf, n)) {
            r->meta.body = arena_strndup(&r->a, buf, n);
            r->meta.body_line = blk->line;
            break;
        }
        if (utf8_length(buf, n) > 40)
            break;
    }
}

/* The statistical period: "本报告中所列数据的统计期限为2020年1月1日至12月31日". */
static void extract_period(xxgk_report *r)
{
    for (size_t p = 0; p < r->ev->paras.n; p++) {
        const rec_para *para = &r->ev->paras.v[p];
        if (para->section > 1)
            break;
        if (!text_contains(para->text, para->len, "统计"))
            continue;
        char buf[2048];
        size_t n = text_compact_buf(para->text, para->len, buf, sizeof buf);
        for (size_t i = 0; i < n; i++) {
            if (!text_starts_at(buf, n, i, "统计"))
                continue;
            /* the first date within a short distance of 统计 */
            for (size_t j = i; j < n && j < i + 60; j++) {
                char from[11], to[11];
                size_t k = j;
                if (!parse_cn_date(buf, n, &k, 0, from))
                    continue;
                int year = (from[0] - '0') * 1000 + (from[1] - '0') * 100 +
                           (from[2] - '0') * 10 + (from[3] - '0');
                for (size_t m = k; m < n && m < k + 12; m++) {
                    if (!text_starts_at(buf, n, m, "至") && !text_starts_at(buf, n, m, "到") && buf[m] != '-')
                        continue;
                    size_t q = m + (buf[m] == '-' ? 1 : 3);
                    if (text_starts_at(buf, n, q, "20") || (q < n && buf[q] >= '0' && buf[q] <= '9') ||
                        q < n) {
                        if (parse_cn_date(buf, n, &q, year, to)) {
                            r->meta.period_from = arena_strndup(&r->a, from, 10);
                            r->meta.period_to = arena_strndup(&r->a, to, 10);
                            r->meta.period_line = para->at.line;
                            return;
                        }
                    }
                }
                break;
            }
        }
    }
}

void meta_extract(xxgk_report *r, const doc *d)
{
    extract_title(r, d);
    extract_signature(r, d);
    extract_period(r);
}
