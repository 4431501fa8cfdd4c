/* test_prose.c — the statements a narrative makes about its tables
 * (prose.c): each kind, negations, what a negation is not about, and
 * clauses that are about something else. */
#include <string.h>

#include "prose.h"
#include "unit.h"

/* The statements of one paragraph of section `section`. */
static void read_one(const char *text, int section, prose_stmt st[PROSE_KINDS])
{
    rec_para p;
    memset(&p, 0, sizeof p);
    p.section = section;
    p.text = text;
    p.len = (uint32_t)strlen(text);
    prose_read(&p, 1, st);
}

static void applications(void)
{
    prose_stmt st[PROSE_KINDS];
    read_one("2024年，全区收到政府信息公开申请75件，办结73件，结转下年度继续办理2件。", 1, st);
    CHECK_INT(st[PROSE_RECEIVED].value, 75);
    CHECK(!st[PROSE_RECEIVED].negated);
    CHECK_STR(st[PROSE_RECEIVED].phrase, "全区收到政府信息公开申请75件");
    CHECK_INT(st[PROSE_FINISHED].value, 73);
    read_one("全年未收到政府信息公开申请，办理上年结转申请2件。", 1, st);
    CHECK_INT(st[PROSE_RECEIVED].value, 0);
    CHECK(st[PROSE_RECEIVED].negated);
    CHECK_STR(st[PROSE_RECEIVED].phrase, "全年未收到政府信息公开申请");
    /* the figure of the next clause is not this clause's */
    read_one("全年办结，结转下年度继续办理1件。", 1, st);
    CHECK_INT(st[PROSE_FINISHED].value, -1);
    /* section 二 is the table's, 五 and 六 plans and other matters */
    read_one("全年收到政府信息公开申请7件。", 5, st);
    CHECK_INT(st[PROSE_RECEIVED].value, -1);
    /* two different figures: the first is kept, the conflict said */
    read_one("收到申请7件。另据统计收到申请9件。", 1, st);
    CHECK_INT(st[PROSE_RECEIVED].value, 7);
    CHECK(st[PROSE_RECEIVED].conflict);
}

static void cases(void)
{
    prose_stmt st[PROSE_KINDS];
    read_one("全年发生行政复议3起，行政诉讼1起。", 1, st);
    CHECK_INT(st[PROSE_REVIEWS].value, 3);
    CHECK_INT(st[PROSE_SUITS].value, 1);
    read_one("全年未发生行政复议、行政诉讼。", 1, st);
    CHECK_INT(st[PROSE_REVIEWS].value, 0);
    CHECK(st[PROSE_REVIEWS].negated);
    /* a negation about the outcome, not about the number of cases */
    read_one("全年未发生因政府信息公开被行政复议纠错的情况。", 1, st);
    CHECK_INT(st[PROSE_REVIEWS].value, -1);
    read_one("本年度行政复议纠错1起。", 1, st);
    CHECK_INT(st[PROSE_REVIEWS].value, -1);
    read_one("未发生行政诉讼败诉案件。", 4, st);
    CHECK_INT(st[PROSE_SUITS].value, -1);
}

static void documents(void)
{
    prose_stmt st[PROSE_KINDS];
    read_one("本年度制发行政规范性文件5件，现行有效行政规范性文件393件。", 1, st);
    CHECK_INT(st[PROSE_DOCS_MADE].value, 5);
    CHECK_INT(st[PROSE_DOCS_IN_FORCE].value, 393);
    CHECK_INT(st[PROSE_DOCS_REPEALED].value, -1);
    read_one("废止规范性文件2件。", 2, st); /* section 二's own prose is read */
    CHECK_INT(st[PROSE_DOCS_REPEALED].value, 2);
    /* 规章 with it, or two kinds of count in one clause: not read */
    read_one("制发规章和规范性文件3件。", 1, st);
    CHECK_INT(st[PROSE_DOCS_MADE].value, -1);
    read_one("清理并废止规范性文件12件。", 1, st);
    CHECK_INT(st[PROSE_DOCS_REPEALED].value, -1);
    read_one("规范性文件已全部公开。", 1, st);
    CHECK_INT(st[PROSE_DOCS_MADE].value, -1);
}

const struct unit_case unit_cases[] = {
    {"applications", applications},
    {"cases", cases},
    {"documents", documents},
    {NULL, NULL},
};
