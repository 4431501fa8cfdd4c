/*
 * db_stats.c — `xxgk db stats`, `export`, `chart` and `query`: the store
 * summed up for people, for spreadsheets, as pictures, and for SQL.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "db.h"

static const char stats_usage[] =
    "用法 Usage: xxgk db stats [--top N] [筛选选项]\n"
    "\n"
    "统计所选报告（每个机关每年只计最后导入的一份）：每年的报告数和申请数；申请的办理结果\n"
    "（表三各结果的总计栏）和申请人\n"
    "类型（本年新收一行）；检查发现的问题按规则（哪类错误最常见）和按机关（哪些机关最多）。\n"
    "  --top N    按机关统计时列出前 N 个（默认 20）\n";

static const char export_usage[] =
    "用法 Usage: xxgk db export [--to csv|xlsx] [-o 文件 [-f]] [--keys] [筛选选项]\n"
    "\n"
    "每份现行报告（每个机关每年最后导入的一份）一行导出：报告信息各列，每个栏目一列（登记顺序，\n"
    "只含所选报告所用格式的栏目），再是问题数和规则。列标题为中文（如“表三 一、本年新收政府\n"
    "信息公开申请数量 自然人”）；--keys 改用栏目键（t3.new.natural）。列的顺序见 docs/schema.md。\n"
    "CSV 为带 BOM 的 UTF-8（Excel 可直接打开），默认写到标准输出；XLSX 必须用 -o 指定文件，\n"
    "另有“问题”（全部问题）和“栏目说明”（各栏目的键和行、栏名称）两个工作表。\n"
    "格式由 --to 或文件扩展名（.csv、.xlsx）决定。已有的文件只在给出 -f 时覆盖；\n"
    "文件先写入同一目录下的临时文件，写完后再改名，磁盘写满等失败不会留下半个文件。\n"
    "  -f, --overwrite   覆盖已有的输出文件\n";

static const char chart_usage[] =
    "用法 Usage: xxgk db chart [--out 目录] [筛选选项]\n"
    "\n"
    "生成 SVG 统计图：applications-per-year.svg（每年申请数）、outcomes.svg（办理结果）、\n"
    "findings-by-rule.svg（问题按规则）、bodies-ranked.svg（问题最多的机关）。每个机关每年只计\n"
    "最后导入的一份报告；导入了名册时，图中注明该年度未报送的机关。\n"
    "  --out 目录   写入的目录（默认当前目录，不存在则建立）\n"
    "  -f, --overwrite  覆盖已有的图（默认不覆盖）\n";

static const char query_usage[] =
    "用法 Usage: xxgk db query [--timeout 秒] 'SQL'\n"
    "\n"
    "执行一条只读 SQL 语句，以 TAB 分隔输出（第一行为列名，NULL 输出为空；值中的\n"
    "TAB、换行和其他控制字符写作 \\t、\\n、\\xHH，反斜杠写作 \\\\；BLOB 写作 X'十六进制'）。\n"
    "运行超过时间上限（默认 60 秒）的语句被中止。\n"
    "表结构见 docs/schema.md，例如：\n"
    "  xxgk db query 'SELECT year, count(*) FROM current_report GROUP BY year'\n";

static bool wants_help(int argc, char **argv, const char *usage)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return true;
        }
    return false;
}

/* Parses shared options plus one option of the subcommand's own
 * (`name`, stored in *value). False after a usage error. */
static bool parse_with(db_opts *o, int argc, char **argv, const char *name, const char **value,
                       const char *name2, const char **value2)
{
    char cmd[32];
    snprintf(cmd, sizeof cmd, "db %s", o->sub);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        int c = db_common_option(o, argc, argv, &i);
        if (c < 0)
            return false;
        if (c > 0)
            continue;
        if ((name && cli_option_value(argc, argv, &i, name, &v)) ||
            (name2 && cli_option_value(argc, argv, &i, name2, &v))) {
            if (!v || !*v) {
                cli_usage_error(cmd, "%s 需要取值", a);
                return false;
            }
            *(name && !strncmp(a, name, strlen(name)) ? value : value2) = v;
        } else if (a[0] == '-' && a[1]) {
            cli_usage_error(cmd, "未知选项 “%s”", a);
            return false;
        } else if (o->nargs < (int)(sizeof o->args / sizeof o->args[0])) {
            o->args[o->nargs++] = a;
        }
    }
    if (o->nargs && strcmp(o->sub, "query")) {
        cli_usage_error(cmd, "多余的参数 “%s”", o->args[0]);
        return false;
    }
    return true;
}

/* ---- stats ----------------------------------------------------------- */

static void print_years(const xxgk_stats *st)
{
    printf("\n== 各年度\n年度\t报告\t本年新收申请\t上年结转\n");
    for (size_t i = 0; i < st->nyears; i++)
        printf("%d\t%zu\t%lld\t%lld\n", st->years[i].year, st->years[i].reports,
               (long long)st->years[i].applications, (long long)st->years[i].carried_in);
}

static void print_cells(const char *title, const xxgk_stats_cell *c, size_t n, bool by_row)
{
    printf("\n== %s\n键\t合计\t有数字的报告\t名称\n", title);
    for (size_t i = 0; i < n; i++) {
        if (!c[i].reports)
            continue;
        printf("%s\t%lld\t%zu\t%s\n", xxgk_cell_key(c[i].cell), (long long)c[i].total,
               c[i].reports,
               by_row ? xxgk_cell_row_label(c[i].cell) : xxgk_cell_column_label(c[i].cell));
    }
}

static void print_rules(const xxgk_stats *st)
{
    printf("\n== 检查发现的问题（按规则）\n规则\t级别\t问题数\t报告数\t说明\n");
    for (size_t i = 0; i < st->nrules; i++) {
        const xxgk_stats_rule *r = &st->rules[i];
        const xxgk_rule *rule = xxgk_rule_find(r->rule);
        printf("%s\t%s\t%zu\t%zu\t%s\n", r->rule, xxgk_severity_text(r->severity), r->findings,
               r->reports, rule ? rule->title : "");
    }
}

static void print_bodies(const xxgk_stats *st, size_t top)
{
    size_t n = st->nbodies < top ? st->nbodies : top;
    printf("\n== 问题最多的机关（前 %zu 个，共 %zu 个）\n机关\t报告\t错误\t警告\t提示\t本年新收申请\n",
           n, st->nbodies);
    for (size_t i = 0; i < n; i++) {
        const xxgk_stats_body *b = &st->bodies[i];
        printf("%s\t%zu\t%zu\t%zu\t%zu\t%lld\n", *b->body ? b->body : "（未署名）", b->reports,
               b->errors, b->warnings, b->notes, (long long)b->applications);
    }
}

static xxgk_stats *load_stats(db_opts *o)
{
    xxgk_store *s = db_open(o, true);
    if (!s)
        return NULL;
    xxgk_stats *st = NULL;
    xxgk_error err = {0};
    if (xxgk_store_stats(s, &o->filter, &st, &err) != XXGK_OK)
        cli_error(o->db, "%s", err.message);
    xxgk_store_close(s);
    return st;
}

int db_stats(db_opts *o, int argc, char **argv)
{
    const char *top_text = NULL;
    long long top = 20;
    if (wants_help(argc, argv, stats_usage))
        return cli_finish_stdout(EXIT_CLEAN);
    if (!parse_with(o, argc, argv, "--top", &top_text, NULL, NULL))
        return EXIT_TROUBLE;
    if (top_text && (!db_parse_int(top_text, &top) || top < 1))
        return cli_usage_error("db stats", "--top 需要正整数");
    xxgk_stats *st = load_stats(o);
    if (!st)
        return EXIT_TROUBLE;
    printf("报告 %zu 份（已检查 %zu 份；每个机关每年只计最后导入的一份）\n", st->reports,
           st->checked);
    print_years(st);
    print_cells("办理结果（表三各结果的总计栏）", st->outcomes, st->noutcomes, true);
    print_cells("申请人类型（本年新收政府信息公开申请数量）", st->applicants, st->napplicants,
                false);
    print_rules(st);
    print_bodies(st, (size_t)top);
    xxgk_stats_free(st);
    return cli_finish_stdout(EXIT_CLEAN);
}

/* ---- export ---------------------------------------------------------- */

/* The extension of a file name ("csv", without the dot), or "" when its
 * last component has none. */
static const char *extension_of(const char *path)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot + 1 : "";
}

/* The export format: --to, or the file's extension (.csv, .xlsx; a name
 * without one, like /dev/stdout, is CSV). NULL after a usage error. */
static const char *export_format(const char *to, const char *path)
{
    const char *ext = path ? extension_of(path) : "";
    bool known = !strcasecmp(ext, "csv") || !strcasecmp(ext, "xlsx");
    if (to && strcmp(to, "csv") && strcmp(to, "xlsx")) {
        cli_usage_error("db export", "--to 的取值应为 csv 或 xlsx");
        return NULL;
    }
    if (*ext && !known) {
        cli_usage_error("db export", "输出文件 “%s” 的扩展名不是 .csv 或 .xlsx", path);
        return NULL;
    }
    if (to && *ext && strcasecmp(ext, to)) {
        cli_usage_error("db export", "--to %s 与输出文件 “%s” 的扩展名不符", to, path);
        return NULL;
    }
    return to ? to : !strcasecmp(ext, "xlsx") ? "xlsx" : "csv";
}

int db_export(db_opts *o, int argc, char **argv)
{
    const char *to = NULL, *path = NULL;
    xxgk_export_options opt = {false};
    bool overwrite = false;
    if (wants_help(argc, argv, export_usage))
        return cli_finish_stdout(EXIT_CLEAN);
    int kept = 1;
    for (int i = 1; i < argc; i++) { /* -o and -f are the short options; --keys a flag */
        if (!strcmp(argv[i], "-o"))
            argv[i] = "--output";
        if (!strcmp(argv[i], "--keys"))
            opt.keys = true;
        else if (!strcmp(argv[i], "-f") || !strcmp(argv[i], "--overwrite"))
            overwrite = true;
        else
            argv[kept++] = argv[i];
    }
    argc = kept;
    if (!parse_with(o, argc, argv, "--to", &to, "--output", &path))
        return EXIT_TROUBLE;
    bool to_stdout = !path || !strcmp(path, "-");
    to = export_format(to, to_stdout ? NULL : path);
    if (!to)
        return EXIT_TROUBLE;
    if (!strcmp(to, "xlsx") && to_stdout)
        return cli_usage_error("db export", "导出 XLSX 需要用 -o 指定文件");
    xxgk_store *s = db_open(o, true);
    if (!s)
        return EXIT_TROUBLE;
    xxgk_error err = {0};
    xxgk_status st =
        to_stdout ? xxgk_store_export_csv_with(s, &o->filter, &opt, stdout, &err)
                  : xxgk_store_export_file(s, &o->filter, &opt, to, path, overwrite, &err);
    xxgk_store_close(s);
    if (st != XXGK_OK) {
        /* Messages about the output file begin with its name (named once
         * by cli_error_from); the others are about the store, or standard
         * output. */
        const char *about = !to_stdout && !strncmp(err.message, path, strlen(path)) ? path
                            : st == XXGK_E_IO && to_stdout && !strncmp(err.message, "写入", 6)
                                ? "标准输出"
                                : o->db;
        cli_error_from(about, err.message);
        return EXIT_TROUBLE;
    }
    return cli_finish_stdout(EXIT_CLEAN);
}

/* ---- chart ----------------------------------------------------------- */

typedef struct missing {
    char *out;
    size_t size, n;
} missing;

static void add_missing(void *ctx, const char *name)
{
    missing *m = ctx;
    size_t len = strlen(m->out);
    if (m->n < 5)
        snprintf(m->out + len, m->size - len, "%s%s", m->n ? "、" : "", name);
    else if (m->n == 5)
        snprintf(m->out + len, m->size - len, "等");
    m->n++;
}

/* "名册中 3 个机关未报送 2024 年度报告：甲、乙、丙", or "" when all have
 * (or there is no roster). */
static void missing_note(db_opts *o, int year, char *note, size_t size)
{
    char names[400] = "";
    missing m = {names, sizeof names, 0};
    xxgk_store *s = year ? db_open(o, true) : NULL;
    xxgk_error err = {0};
    if (s && xxgk_store_missing_bodies(s, year, add_missing, &m, &err) != XXGK_OK)
        cli_error(o->db, "%s", err.message);
    xxgk_store_close(s);
    if (m.n)
        snprintf(note, size, "名册中 %zu 个机关未报送%d年度报告：%s", m.n, year, names);
}

int db_chart(db_opts *o, int argc, char **argv)
{
    const char *dir = ".";
    if (wants_help(argc, argv, chart_usage))
        return cli_finish_stdout(EXIT_CLEAN);
    bool overwrite = false;
    int n = 0;
    for (int i = 0; i < argc; i++) /* -f is the only flag of its own */
        if (i && (!strcmp(argv[i], "-f") || !strcmp(argv[i], "--overwrite")))
            overwrite = true;
        else
            argv[n++] = argv[i];
    if (!parse_with(o, n, argv, "--out", &dir, NULL, NULL))
        return EXIT_TROUBLE;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        cli_error(dir, "无法建立目录：%s", xxgk_system_error_text(errno));
        return EXIT_TROUBLE;
    }
    xxgk_stats *st = load_stats(o);
    if (!st)
        return EXIT_TROUBLE;
    int year = o->filter.year ? o->filter.year : st->nyears ? st->years[st->nyears - 1].year : 0;
    char note[512] = "";
    missing_note(o, year, note, sizeof note);
    int status = EXIT_CLEAN;
    for (int c = 0; c < XXGK_CHART_COUNT; c++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.svg", dir, xxgk_chart_name((xxgk_chart)c));
        xxgk_error err = {0};
        if (xxgk_stats_write_svg_file(st, (xxgk_chart)c, note, path, overwrite, &err) !=
            XXGK_OK) {
            cli_error_from(path, err.message);
            status = EXIT_TROUBLE;
        } else {
            printf("%s\n", path);
        }
    }
    xxgk_stats_free(st);
    return cli_finish_stdout(status);
}

/* ---- query ----------------------------------------------------------- */

/* A value with TAB, CR, LF, the other control characters and the
 * backslash escaped, so that one row stays one line and no value can
 * send a terminal escape sequence. */
static void tsv_value(const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\t')
            fputs("\\t", stdout);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c == '\r')
            fputs("\\r", stdout);
        else if (c == '\\')
            fputs("\\\\", stdout);
        else if (c < 0x20 || c == 0x7f)
            printf("\\x%02X", c);
        else
            putchar(c);
    }
}

static int query_row(void *ctx, size_t row, int ncols, const char *const *names,
                     const char *const *values)
{
    (void)ctx;
    for (int c = 0; c < ncols; c++) {
        if (c)
            putchar('\t');
        tsv_value(row ? values[c] : names[c]);
    }
    putchar('\n');
    return ferror(stdout) ? 1 : 0;
}

int db_query(db_opts *o, int argc, char **argv)
{
    if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
        fputs(query_usage, stdout);
        return cli_finish_stdout(EXIT_CLEAN);
    }
    if (!parse_with(o, argc, argv, NULL, NULL, NULL, NULL))
        return EXIT_TROUBLE;
    if (o->nargs != 1)
        return cli_usage_error("db query", "需要一条 SQL 语句（用引号括起来）");
    xxgk_store *s = db_open(o, true);
    if (!s)
        return EXIT_TROUBLE;
    xxgk_error err = {0};
    xxgk_status st = xxgk_store_query(s, o->args[0], query_row, NULL, &err);
    xxgk_store_close(s);
    if (st != XXGK_OK) {
        cli_error(o->db, "%s", err.message);
        return EXIT_TROUBLE;
    }
    return cli_finish_stdout(EXIT_CLEAN);
}
