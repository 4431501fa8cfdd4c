/*
 * cmd_check.c — `xxgk check`: findings in the style of a compiler for
 * people, or JSON for machines; the rule catalogue on request.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char check_usage[] =
    "用法 Usage: xxgk check [选项] 文件...\n"
    "\n"
    "按统一格式和《政府信息公开条例》检查政府信息公开工作年度报告，逐条指出问题所在的行、\n"
    "原因和应有的数值。同一机关相邻两年的报告一并给出时，还检查两年之间的结转数。\n"
    "Checks annual reports against the national format and the 条例.\n"
    "\n"
    "  --format human|json   输出格式：编译器风格的文字（默认）或 JSON\n"
    "  --severity LEVEL      只显示不低于该级别的问题：note（提示，默认）、warning（警告）、\n"
    "                        error（错误）\n"
    "  --brief               不显示原文行\n"
    "  --color WHEN          auto（默认，仅终端）、always、never；设置 NO_COLOR 时不用颜色\n"
    "  --explain RULE        说明一条规则：依据、原因和改正方法\n"
    "  --list-rules          列出全部规则（--format markdown 输出 docs/rules.md）\n"
    "  -h, --help            显示本帮助\n"
    "\n"
    "退出状态：0 没有错误；1 有报告存在“错误”级别的问题；2 有文件无法读取或用法错误。\n";

typedef struct check_opts {
    bool json, markdown, brief, color;
    xxgk_severity min;
} check_opts;

static const char *color_of(xxgk_severity s)
{
    return s == XXGK_ERROR ? "\033[1;31m" : s == XXGK_WARNING ? "\033[1;33m" : "\033[1;36m";
}

/* Display width of a code point on a terminal: CJK and full-width forms
 * take two columns. */
static int cp_width(unsigned cp)
{
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

/* Prints the line with tabs as four spaces, and returns through *lead
 * and *width the display columns before and of the marked byte span. */
static void print_source(const char *s, size_t len, uint32_t col, uint32_t span_len,
                         int *lead, int *width)
{
    int x = 0;
    *lead = *width = 0;
    size_t from = col ? col - 1 : 0, to = from + span_len;
    for (size_t i = 0; i < len;) {
        if (i == from)
            *lead = x;
        unsigned char c = (unsigned char)s[i];
        int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + (size_t)n > len)
            n = (int)(len - i);
        unsigned cp = c;
        if (n == 2)
            cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
        else if (n == 3)
            cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
        else if (n == 4)
            cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
                 (s[i + 3] & 0x3Fu);
        int w = c == '\t' ? 4 : cp_width(cp);
        if (c == '\t')
            fputs("    ", stdout);
        else
            fwrite(s + i, 1, (size_t)n, stdout);
        if (i >= from && i < to)
            *width += w;
        x += w;
        i += (size_t)n;
    }
    putchar('\n');
}

/* A finding as a compiler prints one: `FILE:LINE:` for a text file (and
 * the line, with a marker under the spot), `FILE:第3页:` or
 * `FILE:第2个表格第5行第7格:` for a document, whose text view the user
 * never saw; the message names the table, row and column. */
static void print_finding(const xxgk_report *r, const xxgk_finding *f, const check_opts *o)
{
    const char *bold = o->color ? "\033[1m" : "", *reset = o->color ? "\033[0m" : "";
    const char *sev_color = o->color ? color_of(f->severity) : "";
    printf("%s%s:", bold, cli_name(xxgk_report_name(r)));
    /* The view is the input itself when a text line locates the finding
     * on its own line. */
    bool own_text = f->where.kind == XXGK_LOC_TEXT && f->where.line == f->line;
    char place[96];
    if (own_text || (f->where.kind == XXGK_LOC_NONE && f->line))
        printf("%u:", f->line);
    else if (xxgk_finding_place(f, place, sizeof place)[0])
        printf("%s:", place);
    printf("%s %s%s[%s]%s: %s\n", reset, sev_color, xxgk_severity_text(f->severity), f->rule,
           reset, f->message);
    size_t len;
    const char *src = own_text ? xxgk_report_line(r, f->line, &len) : NULL;
    if (src && !o->brief) {
        printf("%6u | ", f->line);
        int lead, width;
        print_source(src, len, f->column, f->length, &lead, &width);
        if (f->column && width > 0) {
            printf("       | %*s%s", lead, "", sev_color);
            for (int i = 0; i < width; i++)
                putchar('^');
            printf("%s\n", reset);
        }
    }
    if (f->expected)
        printf("%s       = %s%s\n", o->brief ? "" : "", f->expected, "");
}

static int explain(const char *id)
{
    const xxgk_rule *rule = xxgk_rule_find(id);
    if (!rule)
        return cli_usage_error("check", "没有规则 “%s”（--list-rules 列出全部规则）", id);
    printf("%s — %s\n级别：%s（%s）\n类别：%s\n依据：%s\n", rule->id, rule->title,
           xxgk_severity_text(rule->severity), xxgk_severity_name(rule->severity), rule->category,
           rule->basis);
    if (rule->needs & XXGK_NEEDS_DOCUMENT)
        puts("适用：从文档读取的报告（不检查 JSON 模型）");
    if (rule->needs & XXGK_NEEDS_PREVIOUS)
        puts("适用：同时给出同一机关上一年度的报告时");
    printf("\n%s\n", rule->explanation);
    return cli_finish_stdout(EXIT_CLEAN);
}

static const char *needs_text(unsigned needs)
{
    return needs & XXGK_NEEDS_DOCUMENT ? "document" : needs & XXGK_NEEDS_PREVIOUS ? "previous" : "";
}

static int list_rules(bool markdown)
{
    if (markdown) {
        puts("# xxgk 检查规则 (rules of `xxgk check`)\n");
        puts("Generated by `xxgk check --list-rules --format markdown` (`make docs`); do not edit.");
        puts("Each rule has a stable id used in findings, JSON output and the database.\n");
        puts("`needs`: what a rule reads besides the model (meta, cells, section texts): "
             "`document` — the evidence of a reading (headings, rows and labels as printed; "
             "not on a JSON model), `previous` — the same body's report of the year before.\n");
        puts("| id | 级别 severity | 类别 category | needs | 规则 | 依据 basis |");
        puts("| --- | --- | --- | --- | --- | --- |");
        for (size_t i = 0; i < xxgk_rule_count(); i++) {
            const xxgk_rule *r = xxgk_rule_at(i);
            printf("| `%s` | %s | %s | %s | %s | %s |\n", r->id, xxgk_severity_name(r->severity),
                   r->category, needs_text(r->needs), r->title, r->basis);
        }
        puts("");
        for (size_t i = 0; i < xxgk_rule_count(); i++) {
            const xxgk_rule *r = xxgk_rule_at(i);
            printf("## `%s` — %s\n\n%s\n\n", r->id, r->title, r->explanation);
        }
    } else {
        for (size_t i = 0; i < xxgk_rule_count(); i++) {
            const xxgk_rule *r = xxgk_rule_at(i);
            printf("%-28s %-7s %-12s %s\n", r->id, xxgk_severity_name(r->severity), r->category,
                   r->title);
        }
    }
    return cli_finish_stdout(EXIT_CLEAN);
}

static bool same_body(const xxgk_report *a, const xxgk_report *b)
{
    const xxgk_meta *x = xxgk_report_meta(a), *y = xxgk_report_meta(b);
    return x->body && y->body && !strcmp(x->body, y->body);
}

/* Last year's report of the same body among those read, or NULL. */
static const xxgk_report *previous_of(xxgk_report **reports, int n, int i)
{
    int year = xxgk_report_meta(reports[i])->year;
    for (int k = 0; k < n; k++)
        if (k != i && reports[k] && xxgk_report_meta(reports[k])->year == year - 1 &&
            same_body(reports[k], reports[i]))
            return reports[k];
    return NULL;
}

static xxgk_report **year_order_reports;

static int by_year(const void *a, const void *b)
{
    const xxgk_report *x = year_order_reports[*(const int *)a];
    const xxgk_report *y = year_order_reports[*(const int *)b];
    int ya = x ? xxgk_report_meta(x)->year : 0, yb = y ? xxgk_report_meta(y)->year : 0;
    return (ya > yb) - (ya < yb);
}

/* Several years of one body read together: each year's glued rows of
 * table 二 settled by the year before, oldest first, so that a year
 * settled this way can settle the next. */
static void settle_years(xxgk_report **reports, int n)
{
    int *order = malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (!order)
        return;
    for (int i = 0; i < n; i++)
        order[i] = i;
    year_order_reports = reports;
    qsort(order, (size_t)n, sizeof(int), by_year);
    for (int k = 0; k < n; k++) {
        int i = order[k];
        const xxgk_report *prev = reports[i] ? previous_of(reports, n, i) : NULL;
        if (prev)
            xxgk_report_settle_by_previous(reports[i], prev);
    }
    free(order);
}

static int parse_severity(const char *v, xxgk_severity *out)
{
    if (!v)
        return -1;
    if (!strcmp(v, "note") || !strcmp(v, "提示"))
        *out = XXGK_NOTE;
    else if (!strcmp(v, "warning") || !strcmp(v, "警告"))
        *out = XXGK_WARNING;
    else if (!strcmp(v, "error") || !strcmp(v, "错误"))
        *out = XXGK_ERROR;
    else
        return -1;
    return 0;
}

static void print_report(const xxgk_report *r, const check_opts *o)
{
    if (o->json) {
        xxgk_report_write_findings_json(r, o->min, stdout);
        return;
    }
    for (size_t k = 0; k < xxgk_report_finding_count(r); k++) {
        const xxgk_finding *f = xxgk_report_finding(r, k);
        if (f->severity >= o->min)
            print_finding(r, f, o);
    }
}

int cmd_check(int argc, char **argv)
{
    check_opts o = {false, false, false, false, XXGK_NOTE};
    const char *color = "auto", **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0;
    bool list = false, only_files = false;
    if (!files)
        return EXIT_TROUBLE;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (only_files || a[0] != '-' || !strcmp(a, "-")) {
            files[nfiles++] = a;
        } else if (!strcmp(a, "--")) {
            only_files = true;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            free(files);
            fputs(check_usage, stdout);
            return cli_finish_stdout(EXIT_CLEAN);
        } else if (!strcmp(a, "--brief")) {
            o.brief = true;
        } else if (!strcmp(a, "--list-rules")) {
            list = true;
        } else if (cli_option_value(argc, argv, &i, "--format", &v)) {
            if (!v || (strcmp(v, "human") && strcmp(v, "json") && strcmp(v, "markdown"))) {
                free(files);
                return cli_usage_error("check", "--format 的取值应为 human、json 或 markdown");
            }
            o.json = !strcmp(v, "json");
            o.markdown = !strcmp(v, "markdown");
        } else if (cli_option_value(argc, argv, &i, "--severity", &v)) {
            if (parse_severity(v, &o.min) < 0) {
                free(files);
                return cli_usage_error("check", "--severity 的取值应为 note、warning 或 error");
            }
        } else if (cli_option_value(argc, argv, &i, "--color", &v)) {
            if (!v || (strcmp(v, "auto") && strcmp(v, "always") && strcmp(v, "never"))) {
                free(files);
                return cli_usage_error("check", "--color 的取值应为 auto、always 或 never");
            }
            color = v;
        } else if (cli_option_value(argc, argv, &i, "--explain", &v)) {
            free(files);
            return v ? explain(v) : cli_usage_error("check", "--explain 需要规则编号");
        } else {
            free(files);
            return cli_usage_error("check", "未知选项 “%s”", a);
        }
    }
    if (list) {
        free(files);
        return list_rules(o.markdown);
    }
    if (nfiles == 0) {
        free(files);
        return cli_usage_error("check", "没有给出文件（用 - 读取标准输入）");
    }
    o.color = !strcmp(color, "always") ||
              (!strcmp(color, "auto") && isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));

    xxgk_report **reports = calloc((size_t)nfiles, sizeof *reports);
    if (!reports) {
        free(files);
        return EXIT_TROUBLE;
    }
    int unreadable = 0, read = 0, status = EXIT_CLEAN;
    for (int i = 0; i < nfiles; i++) {
        xxgk_error err = {0};
        if (xxgk_report_read_file(files[i], &reports[i], &err) != XXGK_OK) {
            cli_error(files[i], "%s", err.message);
            unreadable++;
        }
    }
    size_t counts[3] = {0, 0, 0};
    settle_years(reports, nfiles);
    for (int i = 0; i < nfiles; i++) {
        if (!reports[i])
            continue;
        read++;
        xxgk_report_check(reports[i], previous_of(reports, nfiles, i));
        print_report(reports[i], &o);
        for (int s = 0; s < 3; s++)
            counts[s] += xxgk_report_count(reports[i], (xxgk_severity)s);
        if (xxgk_report_count(reports[i], XXGK_ERROR))
            status = EXIT_FINDINGS;
    }
    if (!o.json) {
        fflush(stdout);
        fprintf(stderr, "共检查 %d 份报告：错误 %zu 个，警告 %zu 个，提示 %zu 个", read, counts[2],
                counts[1], counts[0]);
        if (unreadable)
            fprintf(stderr, "；%d 个文件无法读取", unreadable);
        fputs("。\n", stderr);
    }
    for (int i = 0; i < nfiles; i++)
        xxgk_report_free(reports[i]);
    free(reports);
    free(files);
    if (unreadable)
        status = EXIT_TROUBLE;
    return cli_finish_stdout(status);
}
