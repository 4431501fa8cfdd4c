/*
 * cmd_recover.c — `xxgk recover`: what was made of table rows whose cells
 * lost their separators (crawler text): each run of digits, the one split
 * that fits or every split that does, and whether the tables holding
 * recovered cells satisfy every identity afterwards (by the checker).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char recover_usage[] =
    "用法 Usage: xxgk recover [--summary] 文件...\n"
    "\n"
    "从丢失了单元格分隔符的文本（如网页抓取文本中的“规范性文件898989”）恢复统计表的数字：\n"
    "逐行列出连在一起的数字、唯一符合各栏写法和勾稽关系的拆分（已读取）或全部可能的拆分\n"
    "（未读取），以及恢复后各表的勾稽关系是否全部成立。\n"
    "Shows how rows printed without cell separators were split, and whether the\n"
    "recovered tables satisfy every identity.\n"
    "\n"
    "  --summary   每份报告一行，制表符分隔：文件、连写行数、恢复栏数、按空格分栏数、\n"
    "              存疑栏数、无解栏数、勾稽关系（ok、fail:N 或 -）\n"
    "              one tab-separated line per report\n"
    "  -h, --help  显示本帮助\n"
    "\n"
    "退出状态：0 正常；2 有文件无法读取或用法错误。\n";

typedef struct tally {
    size_t runs, recovered, spaced, ambiguous, unsolved;
    bool tables[5];      /* sections holding recovered cells */
    size_t failed;       /* arithmetic findings on those tables */
    const char *rules[8];
    size_t nrules;
} tally;

static int section_of(int id)
{
    const char *key = xxgk_cell_key((size_t)id);
    return key && key[0] == 't' && key[1] >= '2' && key[1] <= '4' ? key[1] - '0' : 0;
}

static void print_split(const xxgk_split *sp)
{
    static const char *const status[] = {"已恢复", "按空格分栏", "存疑，未读取", "无解，未读取"};
    printf("  第%u行 %s “%s” %s", sp->line, sp->row, sp->text, status[sp->status]);
    if (sp->status == XXGK_SPLIT_AMBIGUOUS)
        printf("（%s%zu种拆分）", sp->too_many ? "至少" : "", sp->ncandidates);
    if (sp->by_prose)
        printf("（参照正文数字）");
    if (sp->conflict)
        printf("（本表勾稽关系另有不成立）");
    for (size_t c = 0; c < sp->nlisted; c++) {
        fputs(c ? "；" : "：", stdout);
        for (size_t k = 0; k < sp->ncells; k++) {
            char buf[40];
            xxgk_decimal_format(sp->candidates[c * sp->ncells + k], buf, sizeof buf);
            printf("%s%s", k ? "/" : "", buf);
        }
    }
    if (sp->ncandidates > sp->nlisted)
        fputs("……", stdout);
    putchar('\n');
}

static void count(const xxgk_report *r, tally *t, bool verbose)
{
    memset(t, 0, sizeof *t);
    t->runs = xxgk_report_split_count(r);
    for (size_t i = 0; i < t->runs; i++) {
        const xxgk_split *sp = xxgk_report_split(r, i);
        size_t *slot = sp->status == XXGK_SPLIT_UNIQUE      ? &t->recovered
                       : sp->status == XXGK_SPLIT_SPACED    ? &t->spaced
                       : sp->status == XXGK_SPLIT_AMBIGUOUS ? &t->ambiguous
                                                            : &t->unsolved;
        *slot += sp->ncells;
        if (sp->status == XXGK_SPLIT_UNIQUE || sp->status == XXGK_SPLIT_SPACED)
            t->tables[section_of(sp->cells[0])] = true;
        if (verbose)
            print_split(sp);
    }
    for (size_t i = 0; i < xxgk_report_finding_count(r); i++) {
        const xxgk_finding *f = xxgk_report_finding(r, i);
        const xxgk_rule *rule = xxgk_rule_find(f->rule);
        if (!rule || strcmp(rule->category, "arithmetic") || !f->ncells ||
            !t->tables[section_of(f->cells[0])])
            continue;
        t->failed++;
        bool seen = false;
        for (size_t k = 0; k < t->nrules; k++)
            seen |= !strcmp(t->rules[k], f->rule);
        if (!seen && t->nrules < 8)
            t->rules[t->nrules++] = f->rule;
    }
}

static void identities(const tally *t, char *buf, size_t size, bool summary)
{
    bool any = t->tables[2] || t->tables[3] || t->tables[4];
    if (!any)
        snprintf(buf, size, "%s", summary ? "-" : "没有恢复的栏");
    else if (!t->failed)
        snprintf(buf, size, "%s", summary ? "ok" : "全部成立");
    else {
        size_t o = (size_t)snprintf(buf, size, summary ? "fail:%zu" : "%zu处不成立", t->failed);
        for (size_t k = 0; k < t->nrules && o < size; k++)
            o += (size_t)snprintf(buf + o, size - o, "%s%s", k ? "," : summary ? " " : "（",
                                  t->rules[k]);
        if (!summary && o < size)
            snprintf(buf + o, size - o, "）");
    }
}

int cmd_recover(int argc, char **argv)
{
    bool summary = false, only_files = false;
    int first = argc, nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            if (nfiles++ == 0)
                first = i;
        } else if (!strcmp(a, "--")) {
            only_files = true;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(recover_usage, stdout);
            return cli_finish_stdout(EXIT_CLEAN);
        } else if (!strcmp(a, "--summary")) {
            summary = true;
        } else {
            return cli_usage_error("recover", "未知选项 “%s”", a);
        }
    }
    if (nfiles == 0)
        return cli_usage_error("recover", "没有给出文件（用 - 读取标准输入）");
    int status = EXIT_CLEAN;
    if (summary)
        printf("file\truns\trecovered\tspaced\tambiguous\tunsolved\tidentities\n");
    only_files = false;
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        if (!only_files && a[0] == '-' && strcmp(a, "-")) {
            only_files = !strcmp(a, "--");
            continue;
        }
        xxgk_report *r = NULL;
        xxgk_error err = {0};
        if (xxgk_report_read_file(a, &r, &err) != XXGK_OK ||
            xxgk_report_check(r, NULL) != XXGK_OK) {
            cli_error(a, "%s", r ? "内存不足" : err.message);
            xxgk_report_free(r);
            status = EXIT_TROUBLE;
            continue;
        }
        tally t;
        char id[160];
        if (!summary)
            printf("%s\n", cli_name(a));
        count(r, &t, !summary);
        identities(&t, id, sizeof id, summary);
        if (summary)
            printf("%s\t%zu\t%zu\t%zu\t%zu\t%zu\t%s\n", cli_name(a), t.runs, t.recovered, t.spaced,
                   t.ambiguous, t.unsolved, id);
        else
            printf("  连写 %zu 行：恢复 %zu 栏，按空格分栏 %zu 栏，存疑 %zu 栏，无解 %zu 栏；"
                   "恢复后的表勾稽关系：%s\n",
                   t.runs, t.recovered, t.spaced, t.ambiguous, t.unsolved, id);
        xxgk_report_free(r);
    }
    return cli_finish_stdout(status);
}
