/*
 * db_desk.c — the supervising office's desk: `xxgk db bodies` (the
 * roster), `status` (who has reported, who must correct), `summary` (the
 * sheet to print and send back) and `similar` (copied text).
 */
#include <stdlib.h>
#include <string.h>

#include "db.h"

static const char bodies_usage[] =
    "用法 Usage: xxgk db [--db 文件] bodies import 名册.csv|名册.xlsx\n"
    "       xxgk db [--db 文件] bodies list\n"
    "\n"
    "名册：本机关负责审核的各机关。文件第一行为表头，列为 名称,上级,类别,别名（别名之间用“；”\n"
    "分隔；只有“名称”必需）。CSV 可为 UTF-8（有无 BOM 均可）或 GB18030；XLSX 读第一个工作表。\n"
    "导入的名册取代原有名册。报告按机关名称和别名对应到名册中的机关：有无“人民政府”、有无上级\n"
    "地名（淮安市洪泽区人民政府 = 洪泽区人民政府）、“街道办事处”与“街道”视为同一机关；\n"
    "对应不上或能对应多个机关的报告列出来，不作猜测。\n"
    "  list    列出名册：序号、名称、上级、类别、别名、已有报告的年度\n";

static const char status_usage[] =
    "用法 Usage: xxgk db status --year 年度 [--format text|json]\n"
    "\n"
    "名册中每个机关该年度年度报告的情况：未报送、已报送、有错误、已改正（后来的版本已无错误）、\n"
    "逾期（成文日期晚于法定期限：县级以上人民政府本级报告为次年3月31日，其他机关为1月31日），\n"
    "错误和警告数、第一个错误、本年新收申请数、正文与本机关上年报告和与其他机关报告相同的比例。\n"
    "每个机关每年只计最后导入的一份报告。\n"
    "退出状态：0 全部已报送且无错误；1 有机关未报送或有错误；2 用法错误。\n";

static const char summary_usage[] =
    "用法 Usage: xxgk db summary --year 年度 -o 审核情况.xlsx|.docx|.html [-f] [--region 名称]\n"
    "\n"
    "生成可打印、可退回各机关的审核情况表：标题写明地区和年度，每个机关一行（同 db status），\n"
    "A4 横向，每页 30 个机关；之后逐机关列出需要改正的问题。\n"
    "  -o 文件          输出文件，格式由扩展名决定（.xlsx、.docx、.html）\n"
    "  -f, --overwrite  覆盖已有的文件（默认不覆盖）\n"
    "  --region 名称    标题中的地区（默认取名册中最常见的“上级”）\n";

static const char similar_usage[] =
    "用法 Usage: xxgk db similar --year 年度 [--format text|json] [筛选选项]\n"
    "\n"
    "各报告正文的句子与本机关上一年度报告相同的比例、与其他机关本年度报告相同的比例，\n"
    "以及相同句子最多的其他机关；雷同最多的在前。数字、年份、机关名称和“我镇”“我局”等自称\n"
    "不计差别；改写过的句子不算相同。\n"
    "退出状态：0 没有一半以上相同的报告；1 有；2 用法错误。\n";

/* ---- options ---------------------------------------------------------------- */

typedef struct desk_opts {
    const char *output, *region;
    bool overwrite;
} desk_opts;

/* Shared options, plus -o, -f and --region; a positional argument only
 * where `positional` allows. False after a usage error. */
static bool parse(db_opts *o, int argc, char **argv, desk_opts *d, int positional)
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
        if (cli_option_value(argc, argv, &i, "-o", &v) ||
            cli_option_value(argc, argv, &i, "--output", &v)) {
            if (!v || !*v)
                return cli_usage_error(cmd, "-o 需要文件名"), false;
            d->output = v;
        } else if (cli_option_value(argc, argv, &i, "--region", &v)) {
            if (!v || !*v)
                return cli_usage_error(cmd, "--region 需要地区名称"), false;
            d->region = v;
        } else if (!strcmp(a, "-f") || !strcmp(a, "--overwrite")) {
            d->overwrite = true;
        } else if (a[0] == '-' && a[1]) {
            return cli_usage_error(cmd, "未知选项 “%s”", a), false;
        } else if (o->nargs < positional) {
            o->args[o->nargs++] = a;
        } else {
            return cli_usage_error(cmd, "多余的参数 “%s”", a), false;
        }
    }
    return true;
}

static bool help(int argc, char **argv, const char *usage)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return true;
        }
    return false;
}

/* ---- strays ----------------------------------------------------------------- */

typedef struct stray_view {
    size_t n, shown, limit;
} stray_view;

static int print_stray(void *ctx, const xxgk_stray *s)
{
    stray_view *v = ctx;
    if (v->shown < v->limit) {
        if (s->match == XXGK_MATCH_AMBIGUOUS)
            cli_error(s->path, "机关“%s”可对应名册中的多个机关（%s），未计入任何机关", s->body,
                      s->candidates);
        else
            cli_error(s->path, "机关“%s”不在名册中", s->body);
        v->shown++;
    }
    v->n++;
    return 0;
}

/* Lists the selected reports the roster cannot place (at most limit). */
static void list_strays(xxgk_store *s, const xxgk_store_filter *f, size_t limit)
{
    stray_view v = {0, 0, limit};
    xxgk_error err = {0};
    if (xxgk_store_strays(s, f, print_stray, &v, &err) != XXGK_OK)
        cli_error(NULL, "%s", err.message);
    if (v.n > v.shown)
        fprintf(stderr, "xxgk: 另有 %zu 份报告不能对应名册中的机关（xxgk db query 可查询全部）\n",
                v.n - v.shown);
}

void db_report_strays(xxgk_store *s, int64_t first_id)
{
    char where[64];
    snprintf(where, sizeof where, "report.id >= %lld", (long long)first_id);
    xxgk_store_filter f = {.where = where};
    list_strays(s, &f, 20);
}

/* ---- bodies ----------------------------------------------------------------- */

static int print_body(void *ctx, const xxgk_body *b)
{
    (void)ctx;
    printf("%d\t%s\t%s\t%s\t%s\t%s\n", b->position, b->name, b->parent, b->kind, b->aliases,
           b->years);
    return ferror(stdout) ? 1 : 0;
}

int db_bodies(db_opts *o, int argc, char **argv)
{
    desk_opts d = {0};
    if (help(argc, argv, bodies_usage))
        return cli_finish_stdout(EXIT_CLEAN);
    if (!parse(o, argc, argv, &d, 2))
        return EXIT_TROUBLE;
    bool import = o->nargs >= 1 && !strcmp(o->args[0], "import");
    bool list = o->nargs == 1 && !strcmp(o->args[0], "list");
    if (!(import && o->nargs == 2) && !list)
        return cli_usage_error("db bodies", "需要 import 名册文件，或 list");
    xxgk_store *s = db_open(o, list);
    if (!s)
        return EXIT_TROUBLE;
    xxgk_error err = {0};
    int status = EXIT_CLEAN;
    if (list) {
        puts("序号\t名称\t上级\t类别\t别名\t已有报告的年度");
        if (xxgk_store_bodies(s, print_body, NULL, &err) != XXGK_OK) {
            cli_error(o->db, "%s", err.message);
            status = EXIT_TROUBLE;
        }
    } else {
        xxgk_roster_summary sum;
        if (xxgk_store_import_roster(s, o->args[1], &sum, &err) != XXGK_OK) {
            cli_error(o->args[1], "%s", err.message);
            status = EXIT_TROUBLE;
        } else {
            printf("名册 %zu 个机关（新增 %zu，更新 %zu，删除 %zu）；现行报告 %zu 份属于名册中的机关，"
                   "%zu 份不在名册中，%zu 份可对应多个机关\n",
                   sum.bodies, sum.added, sum.updated, sum.removed, sum.matched, sum.unmatched,
                   sum.ambiguous);
            fflush(stdout);
            list_strays(s, NULL, 20);
        }
    }
    xxgk_store_close(s);
    return cli_finish_stdout(status);
}

/* ---- status ----------------------------------------------------------------- */

static void percent(double v)
{
    if (v < 0)
        fputs("\t—", stdout);
    else
        printf("\t%d%%", (int)(v * 100 + 0.5));
}

static void status_row(size_t seq, const xxgk_desk_row *r)
{
    bool reported = r->state != XXGK_DESK_MISSING;
    printf("%zu\t%s\t%s\t%s%s\t%s", seq, r->body, r->kind ? r->kind : "",
           xxgk_desk_state_text(r->state), r->late ? "、逾期" : "",
           reported && r->date ? r->date : "");
    if (reported && r->errors >= 0)
        printf("\t%d\t%d", r->errors, r->warnings);
    else
        fputs("\t\t", stdout);
    printf("\t%s", r->first_error ? r->first_error : "");
    if (reported && r->applications >= 0)
        printf("\t%lld", (long long)r->applications);
    else
        fputs("\t", stdout);
    if (reported) {
        percent(r->copied_previous);
        percent(r->copied_others);
    } else {
        fputs("\t\t", stdout);
    }
    putchar('\n');
}

static void status_text(const xxgk_desk *d)
{
    printf("%s%d年度政府信息公开工作年度报告报送情况（%s；每个机关只计最后导入的一份报告）\n",
           d->region ? d->region : "", d->year,
           d->roster ? "按名册" : "未导入名册，只列出已报送的机关");
    puts("序号\t机关\t类别\t状态\t成文日期\t错误\t警告\t首个错误\t本年新收申请\t与上年相同\t与他人相同");
    for (size_t i = 0; i < d->nrows; i++)
        status_row(i + 1, &d->rows[i]);
    if (d->roster)
        printf("合计：名册 %zu 个机关，已报送 %zu（其中有错误 %zu，已改正 %zu），未报送 %zu，逾期 %zu",
               d->nrows, d->submitted, d->with_errors, d->corrected, d->missing, d->late);
    else
        printf("合计：%zu 个机关报送，有错误 %zu，已改正 %zu，逾期 %zu（没有名册，无法判断未报送的机关）",
               d->nrows, d->with_errors, d->corrected, d->late);
    if (d->superseded)
        printf("；另存有较早的版本 %zu 份，不计", d->superseded);
    if (d->strays)
        printf("；%zu 份报告不能对应名册中的机关", d->strays);
    puts("");
}

static xxgk_desk *load_desk(db_opts *o, xxgk_store **store)
{
    xxgk_store *s = db_open(o, true);
    if (!s)
        return NULL;
    xxgk_desk *d = NULL;
    xxgk_error err = {0};
    if (xxgk_store_desk(s, o->filter.year, &d, &err) != XXGK_OK) {
        cli_error(o->db, "%s", err.message);
        xxgk_store_close(s);
        return NULL;
    }
    *store = s;
    return d;
}

static bool plain_filter(db_opts *o)
{
    char cmd[32];
    snprintf(cmd, sizeof cmd, "db %s", o->sub);
    if (!o->filter.year)
        return cli_usage_error(cmd, "需要 --year 指定年度"), false;
    if (o->filter.body || o->filter.rule || o->filter.where || o->filter.errors)
        return cli_usage_error(cmd, "只接受 --year（名册中的全部机关）"), false;
    return true;
}

int db_status(db_opts *o, int argc, char **argv)
{
    desk_opts d = {0};
    if (help(argc, argv, status_usage))
        return cli_finish_stdout(EXIT_CLEAN);
    if (!parse(o, argc, argv, &d, 0) || !plain_filter(o))
        return EXIT_TROUBLE;
    const char *fmt = o->format ? o->format : "text";
    if (strcmp(fmt, "text") && strcmp(fmt, "json"))
        return cli_usage_error("db status", "--format 的取值应为 text 或 json");
    xxgk_store *s = NULL;
    xxgk_desk *desk = load_desk(o, &s);
    if (!desk)
        return EXIT_TROUBLE;
    if (d.region)
        desk->region = d.region;
    if (!strcmp(fmt, "json")) {
        xxgk_desk_write_json(desk, stdout);
    } else {
        status_text(desk);
        fflush(stdout);
        xxgk_store_filter year = {.year = o->filter.year};
        if (desk->roster && desk->strays)
            list_strays(s, &year, 20);
    }
    int status = desk->missing || desk->with_errors ? EXIT_FINDINGS : EXIT_CLEAN;
    xxgk_desk_free(desk);
    xxgk_store_close(s);
    return cli_finish_stdout(status);
}

/* ---- summary ---------------------------------------------------------------- */

int db_summary(db_opts *o, int argc, char **argv)
{
    desk_opts d = {0};
    if (help(argc, argv, summary_usage))
        return cli_finish_stdout(EXIT_CLEAN);
    if (!parse(o, argc, argv, &d, 0) || !plain_filter(o))
        return EXIT_TROUBLE;
    if (!d.output)
        return cli_usage_error("db summary", "需要 -o 指定输出文件（.xlsx、.docx 或 .html）");
    xxgk_render_format format = xxgk_render_format_from_path(d.output);
    if (format != XXGK_RENDER_XLSX && format != XXGK_RENDER_DOCX && format != XXGK_RENDER_HTML)
        return cli_usage_error("db summary", "输出文件的扩展名应为 .xlsx、.docx 或 .html");
    xxgk_store *s = NULL;
    xxgk_desk *desk = load_desk(o, &s);
    if (!desk)
        return EXIT_TROUBLE;
    xxgk_store_close(s);
    if (d.region)
        desk->region = d.region;
    xxgk_error err = {0};
    int status = EXIT_CLEAN;
    if (xxgk_desk_write_file(desk, format, d.output, d.overwrite, &err) != XXGK_OK) {
        cli_error_from(d.output, err.message);
        status = EXIT_TROUBLE;
    } else {
        printf("%s：%zu 个机关，已报送 %zu，未报送 %zu，有错误 %zu\n", d.output, desk->nrows,
               desk->submitted, desk->missing, desk->with_errors);
    }
    xxgk_desk_free(desk);
    return cli_finish_stdout(status);
}

/* ---- similar ---------------------------------------------------------------- */

static void share_json(double v)
{
    if (v < 0)
        fputs("null", stdout);
    else
        printf("%.4f", v);
}

/* A JSON string: quotes, backslashes and control characters escaped. */
static void json_text(const char *s)
{
    putchar('"');
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            printf("\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            printf("\\u%04x", (unsigned char)*s);
        else
            putchar(*s);
    }
    putchar('"');
}

static void similar_json(const xxgk_similar *rows, size_t n)
{
    fputs("[", stdout);
    for (size_t i = 0; i < n; i++) {
        const xxgk_similar *r = &rows[i];
        printf("%s{\"report_id\":%lld,\"body\":", i ? "," : "", (long long)r->report_id);
        json_text(r->body);
        printf(",\"sentences\":%zu,\"previous\":", r->sentences);
        share_json(r->previous);
        fputs(",\"others\":", stdout);
        share_json(r->others);
        fputs(",\"closest\":", stdout);
        if (r->closest)
            json_text(r->closest);
        else
            fputs("null", stdout);
        printf(",\"closest_shared\":%zu}", r->closest_shared);
    }
    puts("]");
}

int db_similar(db_opts *o, int argc, char **argv)
{
    desk_opts d = {0};
    if (help(argc, argv, similar_usage))
        return cli_finish_stdout(EXIT_CLEAN);
    if (!parse(o, argc, argv, &d, 0))
        return EXIT_TROUBLE;
    if (!o->filter.year)
        return cli_usage_error("db similar", "需要 --year 指定年度");
    const char *fmt = o->format ? o->format : "text";
    if (strcmp(fmt, "text") && strcmp(fmt, "json"))
        return cli_usage_error("db similar", "--format 的取值应为 text 或 json");
    xxgk_store *s = db_open(o, true);
    if (!s)
        return EXIT_TROUBLE;
    xxgk_similar *rows = NULL;
    size_t n = 0;
    xxgk_error err = {0};
    xxgk_status st = xxgk_store_similar(s, &o->filter, &rows, &n, &err);
    xxgk_store_close(s);
    if (st != XXGK_OK) {
        cli_error(o->db, "%s", err.message);
        return EXIT_TROUBLE;
    }
    size_t copied_prev = 0, copied_others = 0;
    for (size_t i = 0; i < n; i++) {
        copied_prev += rows[i].previous > 0.5;
        copied_others += rows[i].others > 0.5;
    }
    if (!strcmp(fmt, "json")) {
        similar_json(rows, n);
    } else {
        puts("编号\t机关\t句数\t与上年相同\t与他人相同\t相同句子最多的机关\t相同句数");
        for (size_t i = 0; i < n; i++) {
            const xxgk_similar *r = &rows[i];
            printf("%lld\t%s\t%zu", (long long)r->report_id, r->body, r->sentences);
            percent(r->previous);
            percent(r->others);
            printf("\t%s\t%zu\n", r->closest ? r->closest : "", r->closest_shared);
        }
        printf("%d 年度 %zu 份现行报告：正文一半以上与本机关上年报告相同的 %zu 份，"
               "一半以上与其他机关本年报告相同的 %zu 份\n",
               o->filter.year, n, copied_prev, copied_others);
    }
    xxgk_similar_free(rows, n);
    return cli_finish_stdout(copied_prev || copied_others ? EXIT_FINDINGS : EXIT_CLEAN);
}
