/*
 * db_view.c — `xxgk db list`, `show`, `rollup` and `diff`: stored
 * reports one by one, summed, and year over year.
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"

static const char list_usage[] =
    "用法 Usage: xxgk db list [筛选选项]\n"
    "\n"
    "列出数据库中的报告（每个文件的最新版本），每行一份，以 TAB 分隔：\n"
    "编号、年度、格式、错误数、警告数、提示数、栏数、机关、文件。未检查的报告问题数为 -。\n"
    "筛选选项见 xxgk db --help。\n";

static const char show_usage[] =
    "用法 Usage: xxgk db show [--format text|json|cells|findings] [筛选选项] [编号...]\n"
    "\n"
    "显示报告：给出编号时显示这些报告，否则显示筛选出的全部报告。\n"
    "  --format text       元数据和问题（默认）\n"
    "  --format json       与 xxgk parse 相同的 JSON（每份一行）\n"
    "  --format cells      键<TAB>值，每行前加 编号<TAB>\n"
    "  --format findings   与 xxgk check --format json 相同的问题 JSON\n";

static const char rollup_usage[] =
    "用法 Usage: xxgk db rollup --year 年度 [--as 名称] [--format json|cells] [筛选选项]\n"
    "\n"
    "把所选报告的统计表逐栏相加（县、市汇总公布的数字），输出与 xxgk parse 相同的\n"
    "JSON，可交给 xxgk render 排版。某栏所有报告都空白则汇总为空白，没有报告含有该栏则\n"
    "不输出。每个机关每年只计最后导入的一份报告。汇总后重新核对表三、表四的勾稽关系，\n"
    "不成立之处在标准错误上列出，并指出自身报告不满足该关系（或缺少相关栏目）的机关。\n"
    "  --as 名称     汇总表的机关名称（如“云溪县”），写入 meta.body 和标题\n";

static const char diff_usage[] =
    "用法 Usage: xxgk db diff --body 机关 年度1 年度2\n"
    "       xxgk db diff 编号1 编号2\n"
    "\n"
    "逐栏比较同一机关两份报告：每个变化的栏一行（键、前值、后值、增减），\n"
    "相邻两年还核对结转：上一年“结转下年度继续办理”应等于下一年“上年结转”。\n";

static bool help_asked(int argc, char **argv, const char *usage)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--"))
            break;
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return true;
        }
    }
    return false;
}

/* Parses the shared options and positional arguments; `extra` takes a
 * subcommand's own options (1 taken, 0 not, -1 error). Returns false
 * after a usage error. */
static bool parse_args(db_opts *o, int argc, char **argv,
                       int (*extra)(db_opts *, int, char **, int *, void *), void *ctx)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int c = db_common_option(o, argc, argv, &i);
        if (c == 0 && extra)
            c = extra(o, argc, argv, &i, ctx);
        if (c < 0)
            return false;
        if (c > 0)
            continue;
        if (a[0] == '-' && a[1]) {
            char cmd[32];
            snprintf(cmd, sizeof cmd, "db %s", o->sub);
            cli_usage_error(cmd, "未知选项 “%s”", a);
            return false;
        }
        if (o->nargs < (int)(sizeof o->args / sizeof o->args[0]))
            o->args[o->nargs++] = a;
    }
    return true;
}

/* ---- list ------------------------------------------------------------ */

static void count_field(int n)
{
    if (n < 0)
        fputs("\t-", stdout);
    else
        printf("\t%d", n);
}

static int list_row(void *ctx, const xxgk_store_entry *e)
{
    (void)ctx;
    printf("%lld\t%d\t%s", (long long)e->id, e->year,
           xxgk_format_name(e->format) ? xxgk_format_name(e->format) : "-");
    count_field(e->errors);
    count_field(e->warnings);
    count_field(e->notes);
    printf("\t%zu\t%s\t%s\n", e->cells, e->body ? cli_name(e->body) : "", cli_name(e->path));
    return ferror(stdout) ? 1 : 0;
}

int db_list(db_opts *o, int argc, char **argv)
{
    if (help_asked(argc, argv, list_usage))
        return cli_finish_stdout(EXIT_CLEAN);
    if (!parse_args(o, argc, argv, NULL, NULL))
        return EXIT_TROUBLE;
    if (o->nargs)
        return cli_usage_error("db list", "多余的参数 “%s”", o->args[0]);
    xxgk_store *s = db_open(o, true);
    if (!s)
        return EXIT_TROUBLE;
    xxgk_error err = {0};
    printf("编号\t年度\t格式\t错误\t警告\t提示\t栏数\t机关\t文件\n");
    xxgk_status st = xxgk_store_list(s, &o->filter, list_row, NULL, &err);
    xxgk_store_close(s);
    if (st != XXGK_OK) {
        cli_error(o->db, "%s", err.message);
        return EXIT_TROUBLE;
    }
    return cli_finish_stdout(EXIT_CLEAN);
}

/* ---- show ------------------------------------------------------------ */

static void print_findings(const xxgk_report *r)
{
    for (size_t i = 0; i < xxgk_report_finding_count(r); i++) {
        const xxgk_finding *f = xxgk_report_finding(r, i);
        printf("  %s[%s]", xxgk_severity_text(f->severity), f->rule);
        if (f->line)
            printf(" 第 %u 行", f->line);
        printf("：%s", f->message);
        if (f->expected)
            printf("（%s）", f->expected);
        putchar('\n');
    }
}

static void show_text(int64_t id, const xxgk_report *r)
{
    const xxgk_meta *m = xxgk_report_meta(r);
    size_t present = 0;
    for (size_t i = 0; i < xxgk_cell_count(); i++)
        present += xxgk_report_cell(r, i)->kind != XXGK_VALUE_ABSENT;
    printf("编号 %lld  %s\n", (long long)id, cli_name(xxgk_report_name(r)));
    printf("  %d 年  %s 格式  %s\n", m->year, xxgk_format_name(m->format) ? xxgk_format_name(m->format) : "-",
           m->body ? m->body : "（机关不详）");
    if (m->title)
        printf("  标题：%s\n", m->title);
    if (m->date)
        printf("  成文日期：%s\n", m->date);
    printf("  %zu 栏；错误 %zu，警告 %zu，提示 %zu\n", present, xxgk_report_count(r, XXGK_ERROR),
           xxgk_report_count(r, XXGK_WARNING), xxgk_report_count(r, XXGK_NOTE));
    print_findings(r);
}

/* Shows one stored report; returns its error count, -1 on failure. */
static int show_one(xxgk_store *s, const db_opts *o, int64_t id)
{
    xxgk_report *r = NULL;
    xxgk_error err = {0};
    if (xxgk_store_load(s, id, &r, &err) != XXGK_OK) {
        cli_error(o->db, "%s", err.message);
        return -1;
    }
    const char *fmt = o->format ? o->format : "text";
    if (!strcmp(fmt, "json")) {
        xxgk_report_write_json(r, stdout);
    } else if (!strcmp(fmt, "cells")) {
        char prefix[32];
        snprintf(prefix, sizeof prefix, "%lld\t", (long long)id);
        xxgk_report_write_cells(r, prefix, stdout);
    } else if (!strcmp(fmt, "findings")) {
        xxgk_report_write_findings_json(r, XXGK_NOTE, stdout);
    } else {
        show_text(id, r);
    }
    int errors = (int)xxgk_report_count(r, XXGK_ERROR);
    xxgk_report_free(r);
    return errors;
}

typedef struct id_list {
    int64_t *v;
    size_t n;
} id_list;

static int collect_id(void *ctx, const xxgk_store_entry *e)
{
    id_list *l = ctx;
    int64_t *v = realloc(l->v, (l->n + 1) * sizeof *v);
    if (!v)
        return 1;
    l->v = v;
    l->v[l->n++] = e->id;
    return 0;
}

int db_show(db_opts *o, int argc, char **argv)
{
    if (help_asked(argc, argv, show_usage))
        return cli_finish_stdout(EXIT_CLEAN);
    if (!parse_args(o, argc, argv, NULL, NULL))
        return EXIT_TROUBLE;
    const char *fmt = o->format ? o->format : "text";
    if (strcmp(fmt, "text") && strcmp(fmt, "json") && strcmp(fmt, "cells") &&
        strcmp(fmt, "findings"))
        return cli_usage_error("db show", "--format 的取值应为 text、json、cells 或 findings");
    id_list ids = {0};
    for (int i = 0; i < o->nargs; i++) {
        long long id;
        if (!db_parse_int(o->args[i], &id) || collect_id(&ids, &(xxgk_store_entry){.id = id})) {
            free(ids.v);
            return cli_usage_error("db show",
                                   db_out_of_range(o->args[i]) ? "“%s”超出报告编号的范围"
                                                               : "“%s”不是报告编号",
                                   o->args[i]);
        }
    }
    xxgk_store *s = db_open(o, true);
    if (!s) {
        free(ids.v);
        return EXIT_TROUBLE;
    }
    int status = EXIT_CLEAN;
    xxgk_error err = {0};
    if (!o->nargs && xxgk_store_list(s, &o->filter, collect_id, &ids, &err) != XXGK_OK) {
        cli_error(o->db, "%s", err.message);
        status = EXIT_TROUBLE;
    }
    for (size_t i = 0; i < ids.n && !ferror(stdout); i++) {
        int errors = show_one(s, o, ids.v[i]);
        if (errors < 0)
            status = EXIT_TROUBLE;
        else if (errors > 0 && status == EXIT_CLEAN)
            status = EXIT_FINDINGS;
    }
    free(ids.v);
    xxgk_store_close(s);
    return cli_finish_stdout(status);
}

/* ---- rollup ---------------------------------------------------------- */

static int rollup_option(db_opts *o, int argc, char **argv, int *i, void *ctx)
{
    (void)o;
    const char *v;
    if (!cli_option_value(argc, argv, i, "--as", &v))
        return 0;
    if (!v || !*v)
        return cli_usage_error("db rollup", "--as 需要汇总表的机关名称"), -1;
    *(const char **)ctx = v;
    return 1;
}

/* The bodies an identity broken in the sums comes from. */
typedef struct culprits {
    char own[1024], lacking[1024];
    size_t nown, nlacking;
} culprits;

static void add_culprit(void *ctx, const char *body, bool lacks_cells)
{
    culprits *c = ctx;
    char *list = lacks_cells ? c->lacking : c->own;
    size_t *n = lacks_cells ? &c->nlacking : &c->nown;
    size_t len = strlen(list);
    if (len + strlen(body) + 8 < sizeof c->own)
        snprintf(list + len, sizeof c->own - len, "%s%s", *n ? "、" : "",
                 *body ? body : "（机关不详）");
    else if (len + 8 < sizeof c->own && !strstr(list, "等"))
        snprintf(list + len, sizeof c->own - len, "等");
    (*n)++;
}

static void print_culprits(xxgk_store *s, const xxgk_store_filter *f, const xxgk_finding *broken)
{
    culprits c = {"", "", 0, 0};
    xxgk_error err = {0};
    if (xxgk_store_rollup_culprits(s, f, broken, add_culprit, &c, &err) != XXGK_OK) {
        cli_error(NULL, "%s", err.message);
        return;
    }
    if (c.nown)
        fprintf(stderr, "    自身报告不满足此关系的机关（%zu 个）：%s\n", c.nown, c.own);
    if (c.nlacking)
        fprintf(stderr, "    报告缺少相关栏目的机关（%zu 个）：%s\n", c.nlacking, c.lacking);
    if (!c.nown && !c.nlacking)
        fputs("    各机关的报告自身都满足此关系\n", stderr);
}

int db_rollup(db_opts *o, int argc, char **argv)
{
    const char *name = NULL;
    if (help_asked(argc, argv, rollup_usage))
        return cli_finish_stdout(EXIT_CLEAN);
    if (!parse_args(o, argc, argv, rollup_option, &name))
        return EXIT_TROUBLE;
    const char *fmt = o->format ? o->format : "json";
    if (strcmp(fmt, "json") && strcmp(fmt, "cells"))
        return cli_usage_error("db rollup", "--format 的取值应为 json 或 cells");
    if (!o->filter.year)
        return cli_usage_error("db rollup", "需要 --year 指定汇总的年度");
    if (o->nargs)
        return cli_usage_error("db rollup", "多余的参数 “%s”", o->args[0]);
    xxgk_store *s = db_open(o, true);
    if (!s)
        return EXIT_TROUBLE;
    xxgk_report *r = NULL;
    xxgk_error err = {0};
    size_t n = 0, dup = 0;
    xxgk_status st = xxgk_store_rollup(s, &o->filter, name, &r, &n, &dup, &err);
    if (st != XXGK_OK) {
        xxgk_store_close(s);
        cli_error(o->db, "%s", err.message);
        return EXIT_TROUBLE;
    }
    if (!strcmp(fmt, "cells"))
        xxgk_report_write_cells(r, NULL, stdout);
    else
        xxgk_report_write_json(r, stdout);
    fflush(stdout);
    size_t broken = xxgk_report_finding_count(r);
    fprintf(stderr, "汇总 %zu 份现行报告（每个机关每年只计最后导入的一份）；勾稽关系%s", n,
            broken ? "" : "全部成立");
    if (broken)
        fprintf(stderr, "有 %zu 处不成立：\n", broken);
    else
        fputc('\n', stderr);
    for (size_t i = 0; i < broken; i++) {
        const xxgk_finding *f = xxgk_report_finding(r, i);
        fprintf(stderr, "  %s[%s]：%s（%s）\n", xxgk_severity_text(f->severity), f->rule,
                f->message, f->expected ? f->expected : "");
        print_culprits(s, &o->filter, f);
    }
    xxgk_store_close(s);
    if (dup)
        fprintf(stderr, "注意：有 %zu 个机关在所选报告中不止一份，其数字被重复计入\n", dup);
    int status = xxgk_report_count(r, XXGK_ERROR) ? EXIT_FINDINGS : EXIT_CLEAN;
    xxgk_report_free(r);
    return cli_finish_stdout(status);
}

/* ---- diff ------------------------------------------------------------ */

static void value_text(const xxgk_cell *c, char *buf, size_t size)
{
    if (c->kind == XXGK_VALUE_NUMBER)
        xxgk_decimal_format(c->value, buf, size);
    else
        snprintf(buf, size, "%s", c->kind == XXGK_VALUE_BLANK ? "（空白）" : "（无）");
}

/* x scaled up to `scale` decimals; false when it does not fit. */
static bool rescale(xxgk_decimal *x, int scale)
{
    while (x->scale < scale) {
        if (__builtin_mul_overflow(x->units, 10, &x->units))
            return false;
        x->scale++;
    }
    return true;
}

/* The change b − a when both are numbers, else "". Checked: a change
 * too large for 64 bits is said to be so, never wrapped. */
static void delta_text(const xxgk_cell *a, const xxgk_cell *b, char *buf, size_t size)
{
    buf[0] = '\0';
    if (a->kind != XXGK_VALUE_NUMBER || b->kind != XXGK_VALUE_NUMBER)
        return;
    xxgk_decimal x = a->value, y = b->value;
    int scale = x.scale > y.scale ? x.scale : y.scale;
    xxgk_decimal d = {0, (uint8_t)scale};
    if (!rescale(&x, scale) || !rescale(&y, scale) ||
        __builtin_sub_overflow(y.units, x.units, &d.units)) {
        snprintf(buf, size, "（超出可计算的范围）");
        return;
    }
    char num[48];
    xxgk_decimal_format(d, num, sizeof num);
    snprintf(buf, size, "%s%s", d.units > 0 ? "+" : "", num);
}

static int last_id(void *ctx, const xxgk_store_entry *e)
{
    int64_t *id = ctx;
    if (e->id > *id)
        *id = e->id;
    return 0;
}

/* The counted report of the --body body for a year (the one imported
 * last, should the body's name stand for several keys). */
static bool body_report(xxgk_store *s, const db_opts *o, int year, int64_t *id)
{
    xxgk_store_filter f = {.year = year, .body = o->filter.body};
    xxgk_error err = {0};
    *id = 0;
    if (xxgk_store_list(s, &f, last_id, id, &err) != XXGK_OK) {
        cli_error(o->db, "%s", err.message);
        return false;
    }
    if (!*id)
        cli_error(o->db, "数据库中没有“%s”%d 年的报告", o->filter.body, year);
    return *id != 0;
}

/* Which two reports to compare: two ids, or --body with two years. */
static bool diff_ids(xxgk_store *s, const db_opts *o, int64_t ids[2])
{
    long long a, b;
    if (o->nargs != 2 || !db_parse_int(o->args[0], &a) || !db_parse_int(o->args[1], &b)) {
        cli_usage_error("db diff", "需要 --body 机关 年度1 年度2，或 编号1 编号2");
        return false;
    }
    if (!o->filter.body) {
        ids[0] = a;
        ids[1] = b;
        return true;
    }
    return body_report(s, o, (int)a, &ids[0]) && body_report(s, o, (int)b, &ids[1]);
}

static void print_changes(const xxgk_report *a, const xxgk_report *b)
{
    xxgk_cell_change *ch = calloc(xxgk_cell_count(), sizeof *ch);
    if (!ch)
        return;
    size_t n = xxgk_report_diff(a, b, ch);
    printf("键\t%d\t%d\t增减\n", xxgk_report_meta(a)->year, xxgk_report_meta(b)->year);
    for (size_t i = 0; i < n; i++) {
        char x[64], y[64], d[64];
        value_text(&ch[i].before, x, sizeof x);
        value_text(&ch[i].after, y, sizeof y);
        delta_text(&ch[i].before, &ch[i].after, d, sizeof d);
        printf("%s\t%s\t%s\t%s\n", xxgk_cell_key(ch[i].cell), x, y, d);
    }
    printf("共 %zu 栏不同\n", n);
    free(ch);
}

int db_diff(db_opts *o, int argc, char **argv)
{
    if (help_asked(argc, argv, diff_usage))
        return cli_finish_stdout(EXIT_CLEAN);
    if (!parse_args(o, argc, argv, NULL, NULL))
        return EXIT_TROUBLE;
    xxgk_store *s = db_open(o, true);
    int64_t ids[2];
    if (!s || !diff_ids(s, o, ids)) {
        xxgk_store_close(s);
        return EXIT_TROUBLE;
    }
    xxgk_report *r[2] = {NULL, NULL};
    xxgk_error err = {0};
    for (int k = 0; k < 2; k++) {
        if (xxgk_store_load(s, ids[k], &r[k], &err) != XXGK_OK) {
            cli_error(o->db, "%s", err.message);
            xxgk_report_free(r[0]);
            xxgk_store_close(s);
            return EXIT_TROUBLE;
        }
    }
    xxgk_store_close(s);
    const xxgk_meta *m0 = xxgk_report_meta(r[0]), *m1 = xxgk_report_meta(r[1]);
    printf("%s %d 年（编号 %lld）→ %s %d 年（编号 %lld）\n", m0->body ? m0->body : "",
           m0->year, (long long)ids[0], m1->body ? m1->body : "", m1->year, (long long)ids[1]);
    print_changes(r[0], r[1]);
    int status = EXIT_CLEAN;
    xxgk_check_options years = {r[0], false, "across-years"};
    if (m1->year == m0->year + 1 && xxgk_check(r[1], &years) == XXGK_OK) {
        size_t n = xxgk_report_finding_count(r[1]);
        printf("跨年度核对：%s\n", n ? "" : "结转数一致");
        print_findings(r[1]);
        if (xxgk_report_count(r[1], XXGK_ERROR))
            status = EXIT_FINDINGS;
    }
    xxgk_report_free(r[0]);
    xxgk_report_free(r[1]);
    return cli_finish_stdout(status);
}
