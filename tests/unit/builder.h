/*
 * builder.h — writes complete, consistent test reports in the Word-text
 * layout, with tables laid out from the template data, so that rule tests
 * start from a report with no finding at all and change one thing.
 */
#ifndef XXGK_TEST_BUILDER_H
#define XXGK_TEST_BUILDER_H

#include "xxgk.h"

typedef struct builder {
    int year;            /* the year reported on */
    xxgk_format format;  /* the tables' format */
    const char *body;    /* "青山镇" */
    const char *self;    /* how it calls itself: "我镇" */
    /* table 三 and 四: applications of natural persons and businesses,
     * outcomes and cases; the defaults satisfy every identity */
    long long new_natural, new_business, carried_natural;
    long long review_upheld, review_pending, direct_other;
    long long in_force; /* 行政规范性文件现行有效 (2021) */
    long long made, repealed;
} builder;

/* The defaults: a 2022 report of 青山镇 in the 2021 format. */
builder builder_default(void);

/* The report text (malloc'd, the caller frees). */
char *builder_text(const builder *b);

/* Replaces the first occurrence of `from` in *text by `to` (reallocating);
 * returns 0, or -1 when `from` is not there. */
int text_replace(char **text, const char *from, const char *to);

/* Replaces the text from `from` up to (not including) `until` by `to`. */
int text_cut(char **text, const char *from, const char *until, const char *to);

/* Parses and checks text; the caller frees the report. */
xxgk_report *parse_and_check(const char *text, const xxgk_report *previous);

/* Number of findings of `rule` in the report. */
int count_rule(const xxgk_report *r, const char *rule);

#endif
