/* builder.c — consistent test reports from the template data (builder.h). */
#include "builder.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"

typedef struct out {
    char *s;
    size_t n, cap;
} out;

static void put(out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (o->n + (size_t)need + 1 > o->cap) {
        o->cap = (o->n + (size_t)need + 1) * 2;
        o->s = realloc(o->s, o->cap);
    }
    va_start(ap, fmt);
    vsnprintf(o->s + o->n, (size_t)need + 1, fmt, ap);
    va_end(ap);
    o->n += (size_t)need;
}

builder builder_default(void)
{
    builder b = {2022, XXGK_FORMAT_2021, "青山镇", "我镇", 3, 1, 1, 1, 1, 1, 11, 2, 1};
    return b;
}

/* The value of a table cell under the builder's numbers (every identity
 * holds): new = natural + business; outcomes: granted natural = new
 * natural − 1, partial natural = 1, denied_secret business = business; the
 * carried-in natural application is carried out again. */
static long long value_of(const builder *b, const char *row, const char *col)
{
    long long nat = 0, bus = 0;
    if (!strcmp(row, "new")) {
        nat = b->new_natural;
        bus = b->new_business;
    } else if (!strcmp(row, "carried_in") || !strcmp(row, "carried_out")) {
        nat = b->carried_natural;
    } else if (!strcmp(row, "granted")) {
        nat = b->new_natural - 1;
    } else if (!strcmp(row, "partial")) {
        nat = 1;
    } else if (!strcmp(row, "denied_secret")) {
        bus = b->new_business;
    } else if (!strcmp(row, "total")) {
        nat = b->new_natural;
        bus = b->new_business;
    }
    if (!strcmp(col, "natural"))
        return nat;
    if (!strcmp(col, "business"))
        return bus;
    if (!strcmp(col, "total"))
        return nat + bus;
    return 0;
}

static void table2(out *o, const builder *b, const tpl_table *t)
{
    for (int k = 0; k < t->nblocks; k++) {
        const tpl_block *blk = &t->blocks[k];
        put(o, "\t%s\n\n\t信息内容\n", blk->caption);
        for (int c = 0; c < blk->ncols; c++)
            put(o, "\t%s\n", blk->cols[c].label);
        put(o, "\n");
        for (int r = 0; r < t->nrows; r++) {
            if (t->rows[r].block != k)
                continue;
            put(o, "\t%s\n", t->rows[r].label);
            for (int c = 0; c < blk->ncols; c++) {
                const char *col = blk->cols[c].key, *row = t->rows[r].key;
                long long v = 0;
                if (!strcmp(row, "normative") && !strcmp(col, "in_force"))
                    v = b->in_force;
                else if (!strcmp(row, "normative") && !strcmp(col, "made"))
                    v = b->made;
                else if (!strcmp(row, "normative") && !strcmp(col, "repealed"))
                    v = b->repealed;
                /* 2021: 本年收费金额 in 万元 by its header; 2019: 采购总金额 has
                 * no unit in the format, so the report writes one. */
                if (blk->cols[c].unit == UNIT_WANYUAN)
                    put(o, b->format == XXGK_FORMAT_2019 ? "\t3.25万元\n" : "\t3.25\n");
                else
                    put(o, "\t%lld\n", v);
            }
            put(o, "\n");
        }
    }
}

static void table3(out *o, const builder *b, const tpl_table *t)
{
    const tpl_block *blk = &t->blocks[0];
    int mask = format_mask(b->format);
    put(o, "\t%s\n\t申请人情况\n\n\t\n\t自然人\n\t法人或其他组织\n\t总计\n\n\t\n\t\n", t->header_note);
    for (int c = 1; c < blk->ncols - 1; c++)
        put(o, "\t%s\n", blk->cols[c].label);
    put(o, "\t\n\n");
    bool emitted[64] = {false};
    for (int r = 0; r < t->nrows; r++) {
        const tpl_row *row = &t->rows[r];
        if (row->kind != ROW_DATA || !(row->formats & mask))
            continue;
        /* Word's text export: one cell per enclosing group, outermost
         * first, holding the group label on its first row and empty
         * (vertically merged) below. */
        int chain[4], depth = 0;
        for (int g = row->group; g >= 0 && depth < 4; g = t->rows[g].group)
            chain[depth++] = g;
        while (depth-- > 0) {
            int g = chain[depth];
            put(o, "\t%s\n", emitted[g] ? "" : t->rows[g].label);
            emitted[g] = true;
        }
        put(o, "\t%s\n", row->label);
        for (int c = 0; c < blk->ncols; c++)
            put(o, "\t%lld\n", value_of(b, row->key, blk->cols[c].key));
        put(o, "\n");
    }
}

static void table4(out *o, const builder *b)
{
    put(o, "\t行政复议\n\t行政诉讼\n\n\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n"
           "\t未经复议直接起诉\n\t复议后起诉\n\n");
    long long v[15] = {b->review_upheld, 0, 0, b->review_pending, b->review_upheld + b->review_pending,
                       0, 0, b->direct_other, 0, b->direct_other, 0, 0, 0, 0, 0};
    for (int i = 0; i < 15; i++)
        put(o, "\t%lld\n", v[i]);
    put(o, "\n");
}

char *builder_text(const builder *b)
{
    out o = {NULL, 0, 0};
    long long apps = b->new_natural + b->new_business;
    put(&o, "%s%d年政府信息公开工作年度报告\n\n", b->body, b->year);
    put(&o, "本报告所列数据的统计期限为%d年1月1日至%d年12月31日。\n", b->year, b->year);
    put(&o, "一、总体情况\n%d年，%s坚持以公开为常态、不公开为例外，全年主动公开政府信息120条。"
            "全年新收政府信息公开申请%lld件，上年结转%lld件。\n",
        b->year, b->self, apps, b->carried_natural);
    put(&o, "二、主动公开政府信息情况\n");
    table2(&o, b, tpl_table_of(b->format, 2));
    put(&o, "三、收到和处理政府信息公开申请情况\n");
    table3(&o, b, tpl_table_of(b->format, 3));
    put(&o, "四、政府信息公开行政复议、行政诉讼情况\n");
    table4(&o, b);
    put(&o, "五、存在的主要问题及改进情况\n%s政府信息公开工作仍有不足，下一步将加强培训。\n", b->self);
    put(&o, "六、其他需要报告的事项\n本年度未收取信息处理费。\n\n%s人民政府\n%d年1月16日\n", b->body,
        b->year + 1);
    return o.s;
}

int text_cut(char **text, const char *from, const char *until, const char *to)
{
    char *a = strstr(*text, from);
    char *b = a ? strstr(a, until) : NULL;
    if (!a || !b)
        return -1;
    size_t pre = (size_t)(a - *text), tl = strlen(to), rest = strlen(b);
    char *s = malloc(pre + tl + rest + 1);
    memcpy(s, *text, pre);
    memcpy(s + pre, to, tl);
    memcpy(s + pre + tl, b, rest + 1);
    free(*text);
    *text = s;
    return 0;
}

int text_replace(char **text, const char *from, const char *to)
{
    char *at = strstr(*text, from);
    if (!at)
        return -1;
    size_t pre = (size_t)(at - *text), fl = strlen(from), tl = strlen(to), n = strlen(*text);
    char *s = malloc(n - fl + tl + 1);
    memcpy(s, *text, pre);
    memcpy(s + pre, to, tl);
    memcpy(s + pre + tl, at + fl, n - pre - fl + 1);
    free(*text);
    *text = s;
    return 0;
}

xxgk_report *parse_and_check(const char *text, const xxgk_report *previous)
{
    xxgk_report *r = NULL;
    xxgk_error err;
    if (xxgk_report_parse(text, strlen(text), "test", &r, &err) != XXGK_OK) {
        fprintf(stderr, "parse failed: %s\n", err.message);
        return NULL;
    }
    xxgk_report_check(r, previous);
    return r;
}

int count_rule(const xxgk_report *r, const char *rule)
{
    int n = 0;
    for (size_t i = 0; r && i < xxgk_report_finding_count(r); i++)
        n += strcmp(xxgk_report_finding(r, i)->rule, rule) == 0;
    return n;
}
