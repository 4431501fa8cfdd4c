/*
 * check_prose.c — the figures the narrative states (prose.h) against the
 * tables: applications received and finished against table 三, cases
 * against table 四, 规范性文件 made, repealed and in force against
 * table 二.
 *
 * A figure is compared with every reading the tables allow, in order:
 * the printed cell; the sum its row or column says it should be (when
 * the printed total is blank or wrong); and, for applications, new plus
 * carried over, and the （七）总计 of those handled. A statement matching
 * the printed cell is silent; one matching another reading is a note
 * (prose-basis) that says which reading the prose took; one matching
 * none is the rule's warning, which says what each figure is.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "prose.h"

static span para_at(const rec_para *p)
{
    return (span){p->at.line, p->at.col, 0};
}

/* A figure of the tables: printed (blank as such), and what its sum
 * rules say it should be (a total of table 三 is both the sum of its row
 * and of its column). */
typedef struct figure {
    int id;
    bool present, blank;
    long long printed;     /* 0 when blank */
    long long computed[2]; /* the rules' other sides, -1 when not known */
} figure;

/* The other side of the sum rule `rule` whose one left-hand cell is id,
 * evaluated (blank cells as 0); -1 when there is none, a cell is
 * absent or the sum does not fit in 64 bits. */
static long long rule_value(const xxgk_report *r, int id, const char *rule)
{
    size_t n;
    const tpl_equation *eq = tpl_equations(&n);
    int mask = format_mask(r->meta.format);
    for (size_t i = 0; i < n; i++) {
        const tpl_equation *e = &eq[i];
        if (e->nlhs != 1 || e->lhs[0] != id || strcmp(e->sum->rule, rule) ||
            !(e->sum->formats & mask))
            continue;
        long long sum = 0;
        for (int k = 0; k < e->nrhs; k++) {
            long long v;
            bool blank;
            if (!cell_int(r, e->rhs[k], &v, &blank))
                return -1;
            if (__builtin_add_overflow(sum, v, &sum))
                return -1; /* checked: too large to know (cell-implausible) */
        }
        return e->nrhs ? sum : -1;
    }
    return -1;
}

static figure figure_of(const xxgk_report *r, const char *key, const char *rule,
                        const char *rule2)
{
    figure f = {xxgk_cell_find(key), false, false, 0, {-1, -1}};
    long long v;
    if (f.id >= 0 && cell_int(r, f.id, &v, &f.blank)) {
        f.present = true;
        f.printed = v;
    }
    if (f.id >= 0 && rule)
        f.computed[0] = rule_value(r, f.id, rule);
    if (f.id >= 0 && rule2)
        f.computed[1] = rule_value(r, f.id, rule2);
    return f;
}

/* The figure as the table means it: the printed value, or, when the
 * printed cell is blank, the larger of its sums (a total column left
 * blank makes the column's sum 0 while its rows still add up). -1 when
 * nothing is known. */
static long long meant(const figure *f)
{
    if (f->present && !f->blank)
        return f->printed;
    return f->computed[0] > f->computed[1] ? f->computed[0] : f->computed[1];
}

/* Which of its sums a figure the prose states matches while the printed
 * total is blank or differs from it: 0 or 1, -1 when none. */
static int matched_sum(const figure *f, long long v)
{
    for (int k = 0; k < 2; k++)
        if (f->present && f->computed[k] >= 0 && v == f->computed[k] &&
            (f->blank || f->printed != f->computed[k]))
            return k;
    return -1;
}

/* How a printed total is described: "空白" or "填的是N". */
static void total_words(const figure *f, const char *unit, char *buf, size_t cap)
{
    if (f->blank)
        snprintf(buf, cap, "空白");
    else
        snprintf(buf, cap, "填的是%lld%s", f->printed, unit);
}

/* A prose-basis note: "正文“…”" then the message. */
static void basis(xxgk_report *r, const prose_stmt *st, int id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void basis(xxgk_report *r, const prose_stmt *st, int id, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    finding_add(r, "prose-basis", SEV_DEFAULT, para_at(st->para), &id, 1, "正文“%s”%s",
                st->phrase, msg);
}

/* 收到/受理…申请 against table 三's 一、本年新收 (see the top). */
static void check_received(xxgk_report *r, const prose_stmt *st)
{
    if (st->value < 0)
        return;
    figure fresh = figure_of(r, "t3.new.total", "t3-row-total", NULL);
    figure carried = figure_of(r, "t3.carried_in.total", "t3-row-total", NULL);
    figure done = figure_of(r, "t3.total.total", "t3-outcome-total", "t3-row-total");
    long long n = meant(&fresh), c = meant(&carried), t = meant(&done);
    if (n < 0)
        return;
    long long v = st->value;
    if (fresh.present && !fresh.blank && v == fresh.printed) {
        if (st->negated && t > 0)
            basis(r, st, done.id,
                  "读作本年新收0件，与表三一致；但表三（七）总计办理了%lld件，是上年结转的申请", t);
        return;
    }
    if (matched_sum(&fresh, v) >= 0) {
        char words[48];
        total_words(&fresh, "件", words, sizeof words);
        basis(r, st, fresh.id,
              "读作收到%lld件，与表三本年新收各类申请人相加一致；该行“总计”栏%s，本身有误", v,
              words);
        return;
    }
    if (c > 0 && v == n + c) {
        basis(r, st, fresh.id,
              "读作收到%lld件，等于表三本年新收%lld件加上年结转%lld件：正文把上年结转的申请也"
              "算作本年收到",
              v, n, c);
        return;
    }
    if (t >= 0 && t != n && v == t) {
        basis(r, st, done.id,
              "读作收到%lld件，与表三（七）总计（本年办理%lld件）一致，而本年新收为%lld件", v, t,
              n);
        return;
    }
    xxgk_finding *f = finding_add(r, "prose-applications", SEV_DEFAULT, para_at(st->para),
                                  &fresh.id, 1, "正文“%s”读作收到申请%lld件，表三本年新收申请为%lld件",
                                  st->phrase, v, n);
    finding_expect(r, f, "应为 %lld", n);
}

/* How a total is named in a message: the total ("表三（七）总计"), what
 * it sums ("各项办理结果"), what the prose counts ("办结申请") and in
 * what ("件"); parts[k] names the sum of rule k of the figure; the rule
 * of a contradiction: prose-review for cases, else prose-applications. */
typedef struct total_names {
    const char *total, *parts[2], *counted, *unit;
    bool cases; /* table 四's (prose-review), else table 三's */
} total_names;

/* A figure against one total of the tables: silent when it matches the
 * printed total, a note when it matches what the total should be (the
 * total is blank or does not add up), else the rule's warning. */
static void check_total(xxgk_report *r, const prose_stmt *st, const figure *f,
                        const total_names *names)
{
    long long want = meant(f);
    if (st->value < 0 || want < 0 || (f->present && !f->blank && st->value == f->printed))
        return;
    int k = matched_sum(f, st->value);
    if (k >= 0) {
        char words[48];
        total_words(f, names->unit, words, sizeof words);
        basis(r, st, f->id, "读作%s%lld%s，与%s相加一致；%s%s，本身有误", names->counted,
              st->value, names->unit, names->parts[k], names->total, words);
        return;
    }
    int id = f->id;
    xxgk_finding *finding = finding_add(
        r, names->cases ? "prose-review" : "prose-applications", SEV_DEFAULT, para_at(st->para),
        &id, 1, "正文“%s”读作%s%lld%s，%s为%lld%s", st->phrase, names->counted, st->value,
        names->unit, names->total, want, names->unit);
    finding_expect(r, finding, "应为 %lld", want);
}

/* 办结 against table 三's （七）总计. */
static void check_finished(xxgk_report *r, const prose_stmt *st)
{
    if (st->negated)
        return; /* "未办结…" says nothing of how many were */
    figure done = figure_of(r, "t3.total.total", "t3-outcome-total", "t3-row-total");
    static const total_names names = {
        "表三（七）总计", {"表三各项办理结果", "表三（七）总计一行各类申请人"}, "办结申请", "件",
        false};
    check_total(r, st, &done, &names);
}

/* Lawsuits: the two suit groups' totals together; when either is blank
 * the printed sum is not what the table means. */
static void check_suits(xxgk_report *r, const prose_stmt *st)
{
    figure direct = figure_of(r, "t4.suit_direct.total", "t4-group-total", NULL);
    figure after = figure_of(r, "t4.suit_after_review.total", "t4-group-total", NULL);
    figure both = {direct.id, direct.present && after.present, direct.blank || after.blank,
                   direct.printed + after.printed, {-1, -1}};
    if (direct.computed[0] >= 0 && after.computed[0] >= 0)
        both.computed[0] = direct.computed[0] + after.computed[0];
    static const total_names names = {
        "表四行政诉讼总计", {"表四行政诉讼两组各自的四种结果", NULL}, "行政诉讼", "起", true};
    check_total(r, st, &both, &names);
}

static void check_reviews(xxgk_report *r, const prose_stmt *st)
{
    figure review = figure_of(r, "t4.review.total", "t4-group-total", NULL);
    static const total_names names = {
        "表四行政复议总计", {"表四行政复议的四种结果", NULL}, "行政复议", "起", true};
    check_total(r, st, &review, &names);
}

/* 规范性文件 made, repealed and in force against table 二's row, in the
 * columns the report's format has (a 2019 table counts 本年新制作). A
 * narrative that states two figures for one of them is not compared. */
static void check_documents(xxgk_report *r, const prose_stmt *st)
{
    static const struct {
        prose_what what;
        const char *keys[2]; /* the cell, by format: the first the report has */
        const char *words;
    } docs[] = {
        {PROSE_DOCS_MADE, {"t2.normative.made", "t2.normative.new_made"}, "制发"},
        {PROSE_DOCS_REPEALED, {"t2.normative.repealed", NULL}, "废止"},
        {PROSE_DOCS_IN_FORCE, {"t2.normative.in_force", NULL}, "现行有效"},
    };
    for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
        const prose_stmt *s = &st[docs[d].what];
        if (s->value < 0 || s->conflict || s->negated)
            continue;
        for (int k = 0; k < 2 && docs[d].keys[k]; k++) {
            int id = xxgk_cell_find(docs[d].keys[k]);
            long long v;
            bool blank;
            if (id < 0 || !xxgk_format_has_cell(r->meta.format, (size_t)id) ||
                !cell_int(r, id, &v, &blank) || blank)
                continue;
            if (v != s->value) {
                xxgk_finding *f = finding_add(
                    r, "prose-documents", SEV_DEFAULT, para_at(s->para), &id, 1,
                    "正文“%s”读作%s规范性文件%lld件，表二“%s”行“%s”栏为%lld件", s->phrase,
                    docs[d].words, s->value, cell_row_label(r, id), cell_col_label(r, id), v);
                finding_expect(r, f, "应为 %lld", v);
            }
            break;
        }
    }
}

/* The prose rules, one reading of the narrative for all of them. */
void check_prose(xxgk_report *r, const xxgk_report *previous)
{
    (void)previous;
    size_t n;
    const rec_para *paras = check_paragraphs(r, &n);
    prose_stmt st[PROSE_KINDS];
    prose_read(paras, n, st);
    check_received(r, &st[PROSE_RECEIVED]);
    check_finished(r, &st[PROSE_FINISHED]);
    check_reviews(r, &st[PROSE_REVIEWS]);
    check_suits(r, &st[PROSE_SUITS]);
    check_documents(r, st);
}
