/*
 * bench_split.c — how long reading a report whose table cells lost their
 * separators takes (issue 7: "a whole report solves in milliseconds"):
 * the crawler text reader, the split solver and the checker, per report,
 * for the files given (the crawler fixtures, the corpus dumps) and for a
 * worst case built here, where every outcome row of table 三 fits two
 * splits and only the joint search over all rows can tell (it cannot:
 * they stay ambiguous, which is the most work for the search).
 *
 * Usage: bench_split [-n ROUNDS] FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "xxgk.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    *size = n;
    return buf;
}

/* Parses and checks `data` `rounds` times; returns seconds per report and
 * sets *runs and *open to the runs found and those left ambiguous. */
static double measure(const char *data, size_t size, int rounds, size_t *runs, size_t *open)
{
    double start = now();
    *runs = *open = 0;
    for (int i = 0; i < rounds; i++) {
        xxgk_report *r = NULL;
        xxgk_error err;
        if (xxgk_report_parse(data, size, "bench", &r, &err) != XXGK_OK)
            return -1;
        xxgk_report_check(r, NULL);
        if (i == 0) {
            *runs = xxgk_report_split_count(r);
            for (size_t k = 0; k < *runs; k++)
                *open += xxgk_report_split(r, k)->status == XXGK_SPLIT_AMBIGUOUS;
        }
        xxgk_report_free(r);
    }
    return (now() - start) / rounds;
}

/* A crawler dump of a 2021-format report whose 21 outcome rows are all
 * "110000011" (1/10/…/11 or 11/0/…/11), with totals (121 natural, 110
 * business) that any ten of them taken as 11/0 satisfy. */
static char *worst_case(size_t *size)
{
    static const char *const rows[] = {
        "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
        "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
        "7.属于行政执法案卷", "8.属于行政查询事项", "（四）无法提供1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "（五）不予处理1.信访举报投诉类申请",
        "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"};
    size_t n = sizeof rows / sizeof rows[0];
    size_t cap = 1 << 15, o = 0;
    char *s = malloc(cap);
    if (!s)
        return NULL;
    o += (size_t)snprintf(s + o, cap - o,
                          "标题: 青山镇2022年度政府信息公开工作年度报告\n==== 正文 ====\n"
                          "一、总体情况 全年做好政务公开。二、主动公开政府信息情况 规章000"
                          "三、收到和处理政府信息公开申请情况 申请人情况自然人总计"
                          "一、本年新收政府信息公开申请数量%zu%zu0000%zu"
                          "二、上年结转政府信息公开申请数量0000000三、本年度办理结果",
                          n + 100, (size_t)110, n + 210);
    for (size_t i = 0; i < n; i++)
        o += (size_t)snprintf(s + o, cap - o, "%s110000011", rows[i]);
    o += (size_t)snprintf(s + o, cap - o,
                          "（七）总计%zu%zu0000%zu四、结转下年度继续办理0000000"
                          "四、政府信息公开行政复议、行政诉讼情况 行政复议00011110011211103"
                          "五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。",
                          n + 100, (size_t)110, n + 210);
    *size = o;
    return s;
}

int main(int argc, char **argv)
{
    int rounds = 200, first = 1;
    if (argc > 2 && !strcmp(argv[1], "-n")) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    if (rounds < 1)
        rounds = 1;
    printf("%-34s %8s %6s %10s\n", "report", "ms", "runs", "ambiguous");
    double total = 0;
    int files = 0;
    for (int i = first; i < argc; i++) {
        size_t size = 0, runs = 0, open = 0;
        char *data = slurp(argv[i], &size);
        double t = data ? measure(data, size, rounds, &runs, &open) : -1;
        free(data);
        const char *name = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        if (t < 0) {
            printf("%-34s %8s\n", name, "not read");
            continue;
        }
        printf("%-34s %8.3f %6zu %10zu\n", name, t * 1e3, runs, open);
        total += t;
        files++;
    }
    size_t size = 0, runs = 0, open = 0;
    char *data = worst_case(&size);
    double t = data ? measure(data, size, rounds, &runs, &open) : -1;
    free(data);
    printf("%-34s %8.3f %6zu %10zu\n", "worst case (21 ambiguous rows)", t * 1e3, runs, open);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    if (files)
        printf("mean over %d files: %.3f ms per report (read, split, check), %d rounds each\n",
               files, total / files * 1e3, rounds);
    printf("peak resident memory: %.1f MB\n", (double)ru.ru_maxrss / 1024);
    return 0;
}
