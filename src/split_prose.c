/*
 * split_prose.c — the figures a report's narrative states about its
 * tables, for the split solver (split.h): applications received
 * ("全区收到政府信息公开申请75件", "共收到70件申请"), administrative
 * reconsiderations ("行政复议案件2件", "行政复议36起") and lawsuits
 * ("行政诉讼9起"). Corpus 006–010 state them in 一、总体情况.
 *
 * Only plain statements are read: one clause (up to a comma or full
 * stop), a verb of receiving, the figure with its measure word. A clause
 * about something else (办结, 结转, 答复) is skipped, and a figure stated
 * twice with different values is dropped: a wrong figure would make the
 * solver pick a wrong split, a missing one only leaves a choice open.
 */
#include <string.h>

#include "split.h"
#include "utf8.h"

#define CLAUSE_MAX 600

static bool lit_at(const char *s, size_t n, size_t i, const char *lit)
{
    size_t m = strlen(lit);
    return i + m <= n && memcmp(s + i, lit, m) == 0;
}

static size_t find_lit(const char *s, size_t n, size_t from, const char *lit)
{
    size_t m = strlen(lit);
    for (size_t i = from; i + m <= n;) {
        const char *p = memchr(s + i, lit[0], n - m + 1 - i);
        if (!p)
            break;
        i = (size_t)(p - s);
        if (memcmp(p, lit, m) == 0)
            return i;
        i++;
    }
    return n;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Digits at s[*i] followed by one of the measure words: the number, or -1. */
static int64_t figure_at(const char *s, size_t n, size_t *i, const char *const *units)
{
    size_t j = *i;
    int64_t v = 0;
    while (j < n && is_digit(s[j]) && v < 100000000)
        v = v * 10 + (s[j++] - '0');
    if (j == *i || j - *i > 8)
        return -1;
    for (int u = 0; units[u]; u++)
        if (lit_at(s, n, j, units[u])) {
            *i = j + strlen(units[u]);
            return v;
        }
    return -1;
}

/* Skips up to `max` code points that are not digits; returns the offset
 * of the first digit within reach, or n. */
static size_t digit_within(const char *s, size_t n, size_t i, int max)
{
    for (int k = 0; k <= max && i < n; k++) {
        if (is_digit(s[i]))
            return i;
        utf8_next(s, n, &i);
    }
    return n;
}

static const char *const count_units[] = {"件", NULL};
static const char *const case_units[] = {"件", "起", "宗", "个", "次", NULL};

/* 收到…申请 N 件 / 收到 N 件…申请, in a clause about receiving. */
static int64_t received_in(const char *s, size_t n)
{
    static const char *const verbs[] = {"收到", "受理", "接收", "办理", NULL};
    static const char *const other[] = {"复议", "诉讼", "办结", "结转", "答复", "上年", NULL};
    if (find_lit(s, n, 0, "申请") == n)
        return -1;
    for (int k = 0; other[k]; k++)
        if (find_lit(s, n, 0, other[k]) < n)
            return -1;
    for (int k = 0; verbs[k]; k++) {
        size_t v = find_lit(s, n, 0, verbs[k]);
        if (v == n)
            continue;
        size_t after = v + strlen(verbs[k]);
        size_t i = after;
        int64_t fig = is_digit(s[i]) ? figure_at(s, n, &i, count_units) : -1;
        if (fig >= 0 && find_lit(s, n, i, "申请") < n)
            return fig;
        size_t app = find_lit(s, n, after, "申请");
        if (app == n)
            continue;
        i = digit_within(s, n, app + strlen("申请"), 4);
        if (i < n && (fig = figure_at(s, n, &i, count_units)) >= 0)
            return fig;
    }
    return -1;
}

/* 行政复议（案件）N 件/起. */
static int64_t cases_in(const char *s, size_t n, const char *what)
{
    for (size_t at = find_lit(s, n, 0, what); at < n; at = find_lit(s, n, at + 1, what)) {
        size_t i = digit_within(s, n, at + strlen(what), 6);
        int64_t fig;
        if (i < n && (fig = figure_at(s, n, &i, case_units)) >= 0)
            return fig;
    }
    return -1;
}

/* Keeps a figure; a second, different one makes it unknown. */
static void note(int64_t fig, int64_t *slot, bool *seen, uint32_t *line, uint32_t at)
{
    if (fig < 0)
        return;
    if (!*seen) {
        *slot = fig;
        *line = at;
        *seen = true;
    } else if (*slot != fig) {
        *slot = -1;
    }
}

static bool clause_end(const char *s, size_t n, size_t i, size_t *len)
{
    static const char *const stops[] = {"。", ",", ";", ":", "!", "?", "，", "；", NULL};
    unsigned char c = (unsigned char)s[i];
    /* every stop starts with one of these bytes: skip the rest fast */
    if (c != 0xE3 && c != 0xEF && c != ',' && c != ';' && c != ':' && c != '!' && c != '?')
        return false;
    for (int k = 0; stops[k]; k++)
        if (lit_at(s, n, i, stops[k])) {
            *len = strlen(stops[k]);
            return true;
        }
    return false;
}

void prose_figures_find(const xxgk_report *r, prose_figures *out)
{
    memset(out, 0, sizeof *out);
    out->received = out->reviews = out->suits = -1;
    bool seen[3] = {false, false, false};
    for (size_t p = 0; p < r->ev->paras.n; p++) {
        const rec_para *para = &r->ev->paras.v[p];
        if (para->section > 4)
            continue; /* 五、六 speak of plans, not of this year's figures */
        char buf[4096];
        size_t n = text_compact_buf(para->text, para->len, buf, sizeof buf);
        size_t start = 0;
        for (size_t i = 0; i <= n;) {
            size_t stop = 0;
            if (i < n && !clause_end(buf, n, i, &stop)) {
                i++;
                continue;
            }
            size_t len = i - start;
            if (len > 0 && len < CLAUSE_MAX) {
                const char *c = buf + start;
                note(received_in(c, len), &out->received, &seen[0], &out->received_line,
                     para->at.line);
                note(cases_in(c, len, "行政复议"), &out->reviews, &seen[1], &out->reviews_line,
                     para->at.line);
                note(cases_in(c, len, "行政诉讼"), &out->suits, &seen[2], &out->suits_line,
                     para->at.line);
            }
            i += stop ? stop : 1;
            start = i;
        }
    }
}
