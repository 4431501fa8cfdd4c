/*
 * cmd_db.c — `xxgk db`: many reports in one SQLite store. This file
 * dispatches the subcommands, parses the options they share, and runs
 * `import` with its progress bar; db_view.c, db_stats.c and db_desk.c
 * hold the rest.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db.h"

static const char db_usage[] =
    "用法 Usage: xxgk db [--db 文件] <子命令> [选项] ...\n"
    "\n"
    "把大量年报读入一个 SQLite 数据库（默认 xxgk.db），再汇总、比较、统计和导出。\n"
    "Many reports in one embedded SQLite store: import, roll up, compare, export.\n"
    "\n"
    "子命令 Subcommands:\n"
    "  import 路径...        读取、检查并存入报告（目录递归读取；同一文件只存一次，\n"
    "                        文件内容改变则存为新版本）import files and directories\n"
    "  list                  列出报告 list stored reports\n"
    "  show [编号...]        显示报告的数据和问题 show reports (model, findings)\n"
    "  rollup --year 年度    汇总各报告的统计表，输出与 xxgk parse 相同的 JSON，\n"
    "                        并重新核对勾稽关系 the summed tables, as a model\n"
    "  diff --body 机关 年度1 年度2 | diff 编号1 编号2\n"
    "                        逐栏比较两年的报告，核对结转数 year over year\n"
    "  stats                 问题按规则和机关统计；申请按办理结果和申请人类型统计\n"
    "  export --to csv|xlsx  每份报告一行、每栏一列导出 one row per report\n"
    "  chart [--out 目录]    生成 SVG 统计图 SVG charts\n"
    "  query SQL             只读 SQL 查询（表结构见 docs/schema.md）read-only SQL\n"
    "\n"
    "审核 The supervising office's desk:\n"
    "  bodies import 名册    导入所辖机关名册（CSV 或 XLSX：名称,上级,类别,别名）；bodies list\n"
    "  status --year 年度    名册中各机关的报送情况：未报送、有错误、已改正、逾期 status sheet\n"
    "  summary --year 年度 -o 审核情况.xlsx|.docx|.html\n"
    "                        可打印、可退回的审核情况表 the sheet to print and send back\n"
    "  similar --year 年度   正文与上年、与其他机关相同的比例 copied text\n"
    "\n"
    "每个机关每年只计最后导入的一份报告（同一报告的不同格式只计一次），其余作为较早的版本保留。\n"
    "\n"
    "筛选选项 Filters (list, show, rollup, stats, export, chart, similar):\n"
    "  --year 年度           报告所属年度\n"
    "  --body 名称           某一机关：名称或别名（可省略“人民政府”和上级地名），或名称的一部分；\n"
    "                        对应多个机关时列出各个机关\n"
    "  --errors              只要有“错误”级问题的报告；--no-errors 只要没有的\n"
    "  --rule 规则           只要有该规则问题的报告（规则见 xxgk check --list-rules）\n"
    "  --where SQL表达式     对 report 表和 cells 表各列的条件，如\n"
    "                        --where '\"t3.new.total\" > 10'\n"
    "  --timeout 秒          --where 条件和 query 语句的运行时间上限（默认 60 秒，0 为不限）\n"
    "\n"
    "“xxgk db 子命令 --help”显示该子命令的帮助。\n"
    "退出状态：0 正常；1 有报告（或汇总表）存在“错误”级问题；2 文件无法读取或用法错误。\n";

static const char import_usage[] =
    "用法 Usage: xxgk db [--db 文件] import [--jobs N] [--no-check] 路径...\n"
    "\n"
    "读取文件或目录（递归，取 .txt .md .htm .html .docx .pdf .doc .wps 文件）中的报告，\n"
    "检查后存入数据库：元数据、每一栏、每个问题和源文件的 SHA-256。每份报告完整存入\n"
    "（每批至多 48 份一个事务），中断后重新运行即可补全。无法读取的文件在最后列出，\n"
    "不影响其他文件。\n"
    "目录中跳过的条目在标准错误上说明：命名管道、设备、指向目录的符号链接（不跟随）\n"
    "各占一行，扩展名不是报告的文件和隐藏文件合计一行。\n"
    "\n"
    "  --jobs N      并行读取的线程数（默认：CPU 核数）\n"
    "  --no-check    不检查，只存数据\n"
    "  -q, --quiet   不显示进度和汇总\n";

bool db_parse_int(const char *s, long long *out)
{
    char *end;
    if (!s || !*s)
        return false;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (*end || v < 0 || errno == ERANGE) /* strtoll clamps: 2^70 is no id */
        return false;
    *out = v;
    return true;
}

bool db_out_of_range(const char *s)
{
    if (!s || *s < '0' || *s > '9')
        return false;
    char *end;
    errno = 0;
    strtoll(s, &end, 10);
    return !*end && errno == ERANGE;
}

int db_common_option(db_opts *o, int argc, char **argv, int *i)
{
    const char *v;
    const char *a = argv[*i];
    long long n;
    if (cli_option_value(argc, argv, i, "--db", &v)) {
        if (!v || !*v)
            return cli_usage_error("db", "--db 需要数据库文件名"), -1;
        o->db = v;
    } else if (cli_option_value(argc, argv, i, "--year", &v)) {
        if (!db_parse_int(v, &n) || n < 1900 || n > 2100)
            return cli_usage_error("db", "--year 需要一个年度，如 2023"), -1;
        o->filter.year = (int)n;
    } else if (cli_option_value(argc, argv, i, "--body", &v)) {
        if (!v)
            return cli_usage_error("db", "--body 需要机关名称"), -1;
        o->filter.body = v;
    } else if (cli_option_value(argc, argv, i, "--rule", &v)) {
        if (!v || !xxgk_rule_find(v))
            return cli_usage_error("db", "--rule 需要一条规则（见 xxgk check --list-rules）"), -1;
        o->filter.rule = v;
    } else if (cli_option_value(argc, argv, i, "--where", &v)) {
        if (!v)
            return cli_usage_error("db", "--where 需要一个 SQL 条件"), -1;
        o->filter.where = v;
    } else if (cli_option_value(argc, argv, i, "--timeout", &v)) {
        char *end;
        double t = v ? strtod(v, &end) : -1;
        if (!v || !*v || *end || !(t >= 0 && t <= 1e6))
            return cli_usage_error("db", "--timeout 需要秒数（0 为不限）"), -1;
        o->timeout = t;
    } else if (cli_option_value(argc, argv, i, "--format", &v)) {
        if (!v)
            return cli_usage_error("db", "--format 需要取值"), -1;
        o->format = v;
    } else if (!strcmp(a, "--errors")) {
        o->filter.errors = 1;
    } else if (!strcmp(a, "--no-errors")) {
        o->filter.errors = -1;
    } else {
        return 0;
    }
    return 1;
}

/* Adds a positional argument; false after a usage error. */
static bool add_arg(db_opts *o, const char *a)
{
    if (o->nargs >= (int)(sizeof o->args / sizeof o->args[0])) {
        cli_usage_error("db", "参数太多");
        return false;
    }
    o->args[o->nargs++] = a;
    return true;
}

static void print_candidate(void *ctx, const char *name)
{
    (void)ctx;
    fprintf(stderr, "  %s\n", name);
}

/* Whether --body names exactly one body; lists the candidates if not. */
static bool body_found(xxgk_store *s, const char *text)
{
    xxgk_match match;
    xxgk_error err = {0};
    if (xxgk_store_match_body(s, text, &match, NULL, NULL, &err) != XXGK_OK) {
        cli_error(NULL, "%s", err.message);
        return false;
    }
    if (match == XXGK_MATCH_ONE)
        return true;
    if (match == XXGK_MATCH_NONE) {
        cli_error(NULL, "--body “%s”：没有对应的机关（xxgk db bodies list 列出名册）", text);
        return false;
    }
    cli_error(NULL, "--body “%s” 对应多个机关，请写出全称：", text);
    xxgk_store_match_body(s, text, &match, print_candidate, NULL, &err);
    return false;
}

xxgk_store *db_open(const db_opts *o, bool read_only)
{
    xxgk_store *s = NULL;
    xxgk_error err = {0};
    if (xxgk_store_open(o->db, read_only, &s, &err) != XXGK_OK) {
        cli_error(NULL, "%s", err.message);
        return NULL;
    }
    if (o->timeout >= 0)
        xxgk_store_set_time_limit(s, o->timeout);
    if (o->filter.body && !body_found(s, o->filter.body)) {
        xxgk_store_close(s);
        return NULL;
    }
    return s;
}

/* ---- import ---------------------------------------------------------- */

typedef struct import_view {
    bool bar;           /* draw the progress bar (stderr is a terminal) */
    int64_t first_new;  /* the first report stored by this run, 0 when none */
    double start, last; /* seconds */
    xxgk_import_event *failed; /* failed files, listed at the end */
    size_t nfailed;
    char **failed_text;
    /* What the walk passed over: the rare kinds one line each (as they
     * come, before any file is read), the common ones counted. */
    size_t hidden, other_ext;
    char exts[8][16];   /* the first few other extensions seen */
    size_t ext_count[8], nexts;
} import_view;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void draw_bar(import_view *v, size_t done, size_t total)
{
    double t = now();
    if (done < total && t - v->last < 0.1)
        return;
    v->last = t;
    int width = 30, filled = total ? (int)((double)done * width / (double)total) : width;
    fprintf(stderr, "\r导入 [");
    for (int k = 0; k < width; k++)
        fputc(k < filled ? '#' : '-', stderr);
    fprintf(stderr, "] %zu/%zu  %3d%%  %.0f 份/秒 ", done, total,
            total ? (int)(100 * done / total) : 100,
            t > v->start ? (double)done / (t - v->start) : 0.0);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

/* Counts a file skipped for its extension under its extension. */
static void count_extension(import_view *v, const char *path)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    const char *dot = strrchr(base, '.');
    char ext[16];
    snprintf(ext, sizeof ext, "%s", dot && dot != base && strlen(dot) < sizeof ext ? dot : "（无）");
    v->other_ext++;
    for (size_t i = 0; i < v->nexts; i++)
        if (!strcmp(v->exts[i], ext)) {
            v->ext_count[i]++;
            return;
        }
    if (v->nexts < 8) {
        snprintf(v->exts[v->nexts], sizeof v->exts[0], "%s", ext);
        v->ext_count[v->nexts++] = 1;
    }
}

static void on_skip(void *ctx, const char *path, xxgk_import_skip why)
{
    import_view *v = ctx;
    if (why == XXGK_SKIP_HIDDEN)
        v->hidden++;
    else if (why == XXGK_SKIP_EXTENSION)
        count_extension(v, path);
    else
        cli_error(path, "跳过：%s", xxgk_import_skip_text(why));
}

/* One line for the files skipped for their name, when there were any. */
static void print_skipped(const import_view *v)
{
    if (!v->other_ext && !v->hidden)
        return;
    fputs("xxgk: 跳过", stderr);
    if (v->other_ext) {
        fprintf(stderr, " %zu 个扩展名不是报告的文件（", v->other_ext);
        size_t listed = 0;
        for (size_t i = 0; i < v->nexts; i++, listed += v->ext_count[i - 1])
            fprintf(stderr, "%s%s %zu 个", i ? "，" : "", v->exts[i], v->ext_count[i]);
        fprintf(stderr, "%s）", listed < v->other_ext ? "，等" : "");
    }
    if (v->hidden)
        fprintf(stderr, "%s %zu 个隐藏文件", v->other_ext ? "和" : "", v->hidden);
    fputs("\n", stderr);
}

static void on_file(void *ctx, const xxgk_import_event *ev)
{
    import_view *v = ctx;
    if ((ev->outcome == XXGK_IMPORT_NEW || ev->outcome == XXGK_IMPORT_VERSION) &&
        (!v->first_new || ev->report_id < v->first_new))
        v->first_new = ev->report_id;
    if (ev->outcome == XXGK_IMPORT_FAILED) {
        char **texts = realloc(v->failed_text, (v->nfailed + 1) * sizeof *texts);
        size_t len = strlen(ev->path) + strlen(ev->error->message) + 8;
        if (texts) {
            v->failed_text = texts;
            texts[v->nfailed] = malloc(len);
            if (texts[v->nfailed]) {
                snprintf(texts[v->nfailed], len, "%s: %s", ev->path, ev->error->message);
                v->nfailed++;
            }
        }
    }
    if (v->bar)
        draw_bar(v, ev->done, ev->total);
}

static int db_import(db_opts *o, int argc, char **argv)
{
    xxgk_import_options opt = {0, true, on_file, NULL};
    bool quiet = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        long long n;
        int c = db_common_option(o, argc, argv, &i);
        if (c < 0)
            return EXIT_TROUBLE;
        if (c > 0)
            continue;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(import_usage, stdout);
            return cli_finish_stdout(EXIT_CLEAN);
        } else if (cli_option_value(argc, argv, &i, "--jobs", &v)) {
            if (!db_parse_int(v, &n) || n < 1 || n > 64)
                return cli_usage_error("db import", "--jobs 需要 1 到 64 之间的整数");
            opt.threads = (int)n;
        } else if (!strcmp(a, "--no-check")) {
            opt.check = false;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = true;
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error("db import", "未知选项 “%s”", a);
        } else if (!add_arg(o, a)) {
            return EXIT_TROUBLE;
        }
    }
    if (o->nargs == 0)
        return cli_usage_error("db import", "没有给出要导入的文件或目录");
    xxgk_store *s = db_open(o, false);
    if (!s)
        return EXIT_TROUBLE;
    import_view view = {.bar = !quiet && isatty(STDERR_FILENO), .start = now()};
    opt.ctx = &view;
    xxgk_import_summary sum;
    xxgk_error err = {0};
    xxgk_status st = xxgk_store_import_skipping(s, o->args, (size_t)o->nargs, &opt, on_skip,
                                                &view, &sum, &err);
    double seconds = now() - view.start;
    if (st == XXGK_OK && view.first_new)
        db_report_strays(s, view.first_new);
    xxgk_store_close(s);
    print_skipped(&view);
    for (size_t i = 0; i < view.nfailed; i++) {
        fprintf(stderr, "xxgk: %s\n", cli_name(view.failed_text[i]));
        free(view.failed_text[i]);
    }
    free(view.failed_text);
    if (st != XXGK_OK) {
        cli_error(o->db, "%s", err.message);
        return EXIT_TROUBLE;
    }
    if (!quiet)
        printf("%zu 个文件：新增 %zu，新版本 %zu，未变 %zu，无法读取 %zu；"
               "有错误的报告 %zu 份。用时 %.2f 秒（%.0f 份/秒）\n",
               sum.files, sum.added, sum.versions, sum.unchanged, sum.failed, sum.with_errors,
               seconds, seconds > 0 ? (double)sum.files / seconds : 0.0);
    int status = sum.failed ? EXIT_TROUBLE : sum.with_errors ? EXIT_FINDINGS : EXIT_CLEAN;
    return cli_finish_stdout(status);
}

/* ---- dispatch -------------------------------------------------------- */

static const struct {
    const char *name;
    int (*fn)(db_opts *o, int argc, char **argv);
} subcommands[] = {
    {"import", db_import}, {"list", db_list},   {"show", db_show},   {"rollup", db_rollup},
    {"diff", db_diff},     {"stats", db_stats}, {"export", db_export}, {"chart", db_chart},
    {"query", db_query},   {"bodies", db_bodies}, {"status", db_status},
    {"summary", db_summary}, {"similar", db_similar},
};

int cmd_db(int argc, char **argv)
{
    static db_opts o; /* large (positional arguments); one per process */
    memset(&o, 0, sizeof o);
    o.db = "xxgk.db";
    o.timeout = -1;
    int i = 1;
    /* Options before the subcommand: --db and --help. */
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(db_usage, stdout);
            return cli_finish_stdout(EXIT_CLEAN);
        }
        const char *v;
        if (!cli_option_value(argc, argv, &i, "--db", &v))
            return cli_usage_error("db", "未知选项 “%s”", argv[i]);
        if (!v || !*v)
            return cli_usage_error("db", "--db 需要数据库文件名");
        o.db = v;
    }
    if (i >= argc)
        return cli_usage_error("db", "没有给出子命令（import、list、show、rollup、diff、stats、"
                                     "export、chart、query、bodies、status、summary、similar）");
    for (size_t k = 0; k < sizeof subcommands / sizeof subcommands[0]; k++) {
        if (!strcmp(argv[i], subcommands[k].name)) {
            o.sub = subcommands[k].name;
            return subcommands[k].fn(&o, argc - i, argv + i);
        }
    }
    return cli_usage_error("db", "未知子命令 “%s”", argv[i]);
}
