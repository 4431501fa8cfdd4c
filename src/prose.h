/*
 * prose.h — the figures a report's narrative states about its tables,
 * read once for whoever needs them (the prose rules of check_text.c;
 * the split solver, split.c, to choose between splits the tables leave
 * open).
 *
 * A statement is a clause (up to ，。；) with a keyword — 申请, 办结,
 * 行政复议, 行政诉讼, 规范性文件 — the words that say what is counted
 * (收到/受理, 现行有效, 废止 …) and a figure with its measure word
 * ("全年收到政府信息公开申请75件", "现行有效行政规范性文件393件"); or a
 * negation without a figure ("未收到申请", "未发生行政复议") — 0 — unless
 * what is negated is something about the cases ("未发生…被行政复议纠错
 * 的情况" says nothing of how many there were).
 */
#ifndef XXGK_PROSE_H
#define XXGK_PROSE_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

typedef enum prose_what {
    PROSE_RECEIVED = 0,  /* 收到/受理/新收…申请 N 件 */
    PROSE_FINISHED,      /* 办结 N 件 */
    PROSE_REVIEWS,       /* 行政复议 N 起 */
    PROSE_SUITS,         /* 行政诉讼 N 起 */
    PROSE_DOCS_MADE,     /* 制发/印发/出台…规范性文件 N 件 */
    PROSE_DOCS_REPEALED, /* 废止…规范性文件 N 件 */
    PROSE_DOCS_IN_FORCE, /* 现行有效…规范性文件 N 件 */
    PROSE_KINDS
} prose_what;

typedef struct prose_stmt {
    long long value;       /* the figure, 0 for a negation; -1: not stated */
    bool negated;          /* read from a negation without a figure */
    bool conflict;         /* a later statement of this kind says another
                              figure (the first one is kept) */
    const rec_para *para;  /* where it is */
    char phrase[160];      /* the clause, compact, as far as the figure:
                              what a message quotes */
} prose_stmt;

/* The first statement of each kind in the paragraphs (those of sections
 * 五 and 六, plans and other matters, and of section 二, the table, are
 * not read). out[k].value is -1 for a kind not stated. */
void prose_read(const rec_para *paras, size_t n, prose_stmt out[PROSE_KINDS]);

#endif
