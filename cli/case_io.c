/*
 * case_io.c — `xxgk case` subcommands that move data in and out: import
 * (ledgers, CSV or XLSX), export (CSV, XLSX), ics (a calendar of due
 * dates), and the proactive register behind table 二: doc (documents)
 * and count (decisions and fees by period).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "case.h"

static const char import_usage[] =
    "用法 Usage: xxgk case import 文件 [--body 机关] [--map 字段=列名]... [--dry-run] [--verbose]\n"
    "\n"
    "导入台账：CSV（UTF-8 或 GB18030，可带 BOM）或 XLSX 的第一个工作表，第一行为表头，每行一件\n"
    "申请。每行按与手工登记相同的规则登记，出错的行逐一列出行号和原因，其余的行照常导入；整个\n"
    "导入在一个事务中完成，中途中断则什么也不写入。已导入过的行（按编号，没有编号时按整行内容）\n"
    "再次导入时跳过。--dry-run 只检查，不写入。\n"
    "Imports a ledger; every bad row is named; one transaction; --dry-run changes nothing.\n"
    "\n"
    "  --body 机关         台账所属机关（台账有“机关”列时，该列为空的行用它）\n"
    "  --map 字段=列名     指定某字段取自哪一列（列名，或 #3 表示第3列），可多次给出\n"
    "  --verbose           每行输出处理结果\n"
    "\n"
    "字段 Fields（* 为必需），及自动识别的列名:\n";

int case_import_usage(void)
{
    fputs(import_usage, stdout);
    for (size_t i = 0; i < xxgk_ledger_field_count(); i++) {
        const xxgk_ledger_field *f = xxgk_ledger_field_at(i);
        printf("  %-17s%s %s%s%s\n", f->key, f->required ? "*" : " ", f->headers,
               *f->meaning ? "　— " : "", f->meaning);
    }
    printf("\n退出状态：0 全部导入；1 有出错的行；2 文件无法读取、表头不全或用法错误。\n");
    return cli_finish_stdout(EXIT_CLEAN);
}

static const char doc_usage[] =
    "用法 Usage:\n"
    "  xxgk case doc add --body 机关 --kind rules|normative|other --title 标题 --made 日期\n"
    "                    [--number 文号] [--published 日期] [--repealed 日期]\n"
    "  xxgk case doc publish ID --date 日期     登记公开日期\n"
    "  xxgk case doc repeal ID --date 日期      登记废止或失效日期\n"
    "  xxgk case doc void ID --reason 原因      作废登记错误的文件\n"
    "  xxgk case doc list [--body 机关] [--year 年度] [--include-void]\n"
    "\n"
    "主动公开登记：规章（rules）、行政规范性文件（normative）和其他主动公开信息（other）。表二的\n"
    "本年制发、本年废止、现行有效件数由此生成；list 核对每份文件是否在制发后20个工作日内公开\n"
    "（第二十六条），有逾期公开或逾期未公开的文件时退出状态为 1。\n";

int case_doc_usage(void)
{
    fputs(doc_usage, stdout);
    return cli_finish_stdout(EXIT_CLEAN);
}

/* ---- writing a file atomically ------------------------------------------------ */

/* Writes through fn into a temporary file beside `path`, then puts it in
 * place (rename with -f, else link, which refuses an existing file). */
typedef xxgk_status (*write_fn)(void *ctx, FILE *out, xxgk_error *err);

static int write_file(case_args *a, const char *path, bool overwrite, write_fn fn, void *ctx)
{
    struct stat st;
    if (!overwrite && lstat(path, &st) == 0) {
        cli_error(path, "文件已存在（用 -f 覆盖）");
        return EXIT_TROUBLE;
    }
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        cli_error(path, "不是普通文件，不能替换");
        return EXIT_TROUBLE;
    }
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp)
        return EXIT_TROUBLE;
    const char *slash = strrchr(path, '/');
    snprintf(tmp, n, "%.*s%s.%s.XXXXXX", slash ? (int)(slash - path + 1) : 0, path, "",
             slash ? slash + 1 : path);
    int fd = mkstemp(tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        cli_error(path, "无法在其目录中创建文件：%s", strerror(errno));
        if (fd >= 0)
            close(fd), unlink(tmp);
        free(tmp);
        return EXIT_TROUBLE;
    }
    xxgk_error err = {0};
    xxgk_status s = fn(ctx, f, &err);
    bool ok = s == XXGK_OK && fflush(f) == 0 && fsync(fileno(f)) == 0;
    ok = fclose(f) == 0 && ok;
    if (ok)
        ok = overwrite ? rename(tmp, path) == 0 : link(tmp, path) == 0;
    int e = errno;
    if (!overwrite || !ok)
        unlink(tmp);
    free(tmp);
    if (s != XXGK_OK)
        return case_fail(a, &err, false);
    if (!ok) {
        cli_error(path, "写入失败：%s", e == EEXIST ? "文件已存在（用 -f 覆盖）" : strerror(e));
        return EXIT_TROUBLE;
    }
    return EXIT_CLEAN;
}

/* ---- import ------------------------------------------------------------------- */

typedef struct import_view {
    const char *path;
    bool verbose;
} import_view;

static void on_row(void *ctx, const xxgk_ledger_row *r)
{
    import_view *v = ctx;
    if (r->error)
        cli_error(v->path, "第 %zu 行：%s", r->row, r->error);
    else if (v->verbose && r->duplicate)
        printf("第 %zu 行：已导入过（申请 %lld），跳过\n", r->row, (long long)r->case_id);
    else if (v->verbose)
        printf("第 %zu 行：申请 %lld\n", r->row, (long long)r->case_id);
}

/* Whether the store at path holds a register (for a dry run, which must
 * not create one). */
static bool has_register(const char *path)
{
    if (access(path, F_OK) != 0)
        return false;
    xxgk_register *reg = NULL;
    xxgk_error err = {0};
    bool ok = xxgk_register_open(path, true, &reg, &err) == XXGK_OK;
    xxgk_register_close(reg);
    return ok;
}

int case_import(case_args *a)
{
    const char *maps[32];
    xxgk_ledger_options o = {0};
    o.body = case_arg(a, "--body");
    o.nmap = (size_t)case_args_all(a, "--map", maps, 32);
    o.map = maps;
    o.dry_run = case_flag(a, "--dry-run");
    import_view view = {NULL, case_flag(a, "--verbose")};
    if (a->npos != 1)
        return cli_usage_error(a->cmd, a->npos ? "一次只能导入一个文件" : "没有给出台账文件");
    for (size_t i = 0; i < o.nmap; i++)
        if (!strchr(maps[i], '='))
            return cli_usage_error(a->cmd, "--map 应为 字段=列名，而不是“%s”", maps[i]);
    int rc = case_done(a);
    if (rc)
        return rc;
    view.path = a->pos[0];
    o.on_row = on_row;
    o.ctx = &view;
    if (view.verbose)
        setvbuf(stdout, NULL, _IOLBF, 0);
    /* A dry run on a file without a register works on an empty one in
     * memory: it must not create anything. */
    const char *db = a->db;
    if (o.dry_run && !has_register(db))
        a->db = ":memory:";
    xxgk_register *reg = case_open(a, true);
    a->db = db;
    if (!reg)
        return EXIT_TROUBLE;
    xxgk_ledger_summary sum;
    xxgk_error err = {0};
    int status = EXIT_CLEAN;
    if (xxgk_register_import_ledger(reg, view.path, &o, &sum, &err) != XXGK_OK) {
        cli_error(NULL, "%s", err.message);
        status = EXIT_TROUBLE;
    } else {
        printf("%zu 行：新登记 %zu，已导入过 %zu，出错 %zu%s\n", sum.rows, sum.added,
               sum.duplicates, sum.failed,
               o.dry_run ? "（试运行，未写入）" : sum.failed ? "（出错的行未导入，改正后可再次导入）" : "");
        status = sum.failed ? EXIT_FINDINGS : EXIT_CLEAN;
    }
    xxgk_register_close(reg);
    return cli_finish_stdout(status);
}

/* ---- export and ics ---------------------------------------------------------------- */

typedef struct export_ctx {
    xxgk_register *reg;
    xxgk_case_filter filter;
    const char *body;
} export_ctx;

static xxgk_status write_csv(void *ctx, FILE *out, xxgk_error *err)
{
    export_ctx *e = ctx;
    return xxgk_register_export_csv(e->reg, &e->filter, 0, out, err);
}

static xxgk_status write_ics(void *ctx, FILE *out, xxgk_error *err)
{
    export_ctx *e = ctx;
    return xxgk_register_write_ics(e->reg, e->body, 0, out, err);
}

static const char *output(case_args *a)
{
    const char *o = case_arg(a, "-o");
    return o ? o : case_arg(a, "--output");
}

int case_export(case_args *a)
{
    const char *to = case_arg(a, "--to"), *out = output(a);
    bool overwrite = case_flag(a, "-f") || case_flag(a, "--overwrite");
    export_ctx e = {NULL, {case_arg(a, "--body"), 0, -1, false, case_flag(a, "--include-void")}, NULL};
    const char *year = case_arg(a, "--year");
    if (year)
        e.filter.year = atoi(year);
    if (!to && out) {
        const char *dot = strrchr(out, '.');
        to = dot && !strcmp(dot, ".xlsx") ? "xlsx" : "csv";
    }
    if (!to || (strcmp(to, "csv") && strcmp(to, "xlsx")))
        return cli_usage_error(a->cmd, "--to 应为 csv 或 xlsx");
    if (!strcmp(to, "xlsx") && (!out || !strcmp(out, "-")))
        return cli_usage_error(a->cmd, "XLSX 须用 -o 指定输出文件");
    if (year && (e.filter.year < 2000 || e.filter.year > 2999))
        return cli_usage_error(a->cmd, "--year 应为年度，如 2024");
    int rc;
    if (!(e.reg = case_begin(a, 0, false, &rc)))
        return rc;
    xxgk_error err = {0};
    int status = EXIT_CLEAN;
    if (!strcmp(to, "xlsx")) {
        if (xxgk_register_export_xlsx(e.reg, &e.filter, 0, out, overwrite, &err) != XXGK_OK)
            status = case_fail(a, &err, false);
    } else if (out && strcmp(out, "-") != 0) {
        status = write_file(a, out, overwrite, write_csv, &e);
    } else if (xxgk_register_export_csv(e.reg, &e.filter, 0, stdout, &err) != XXGK_OK) {
        status = case_fail(a, &err, false);
    }
    xxgk_register_close(e.reg);
    return cli_finish_stdout(status);
}

int case_ics(case_args *a)
{
    const char *out = output(a);
    bool overwrite = case_flag(a, "-f") || case_flag(a, "--overwrite");
    export_ctx e = {NULL, {0}, case_arg(a, "--body")};
    int rc;
    if (!(e.reg = case_begin(a, 0, false, &rc)))
        return rc;
    xxgk_error err = {0};
    int status = EXIT_CLEAN;
    if (out && strcmp(out, "-") != 0)
        status = write_file(a, out, overwrite, write_ics, &e);
    else if (xxgk_register_write_ics(e.reg, e.body, 0, stdout, &err) != XXGK_OK)
        status = case_fail(a, &err, false);
    xxgk_register_close(e.reg);
    return cli_finish_stdout(status);
}

/* ---- the proactive register ---------------------------------------------------------- */

static int doc_add(case_args *a)
{
    xxgk_document d = {0};
    d.body = case_arg(a, "--body");
    d.title = case_arg(a, "--title");
    d.number = case_arg(a, "--number");
    const char *kind = case_arg(a, "--kind");
    if (case_date(a, "--made", &d.made, true) < 0 || case_date(a, "--published", &d.published, false) < 0 ||
        case_date(a, "--repealed", &d.repealed, false) < 0)
        return EXIT_TROUBLE;
    if (!kind || !xxgk_doc_kind_find(kind, &d.kind))
        return cli_usage_error(a->cmd, "--kind 应为 rules（规章）、normative（行政规范性文件）或 other");
    if (!d.body || !*d.body || !d.title || !*d.title)
        return cli_usage_error(a->cmd, "须给出 --body（机关）和 --title（标题）");
    int rc;
    xxgk_register *reg = case_begin(a, 1, true, &rc);
    if (!reg)
        return rc;
    int64_t id = 0;
    xxgk_error err = {0};
    int status = EXIT_CLEAN;
    if (xxgk_register_doc_add(reg, &d, &id, &err) != XXGK_OK)
        status = case_fail(a, &err, true);
    else
        printf("%lld\n", (long long)id);
    xxgk_register_close(reg);
    return cli_finish_stdout(status);
}

static int doc_change(case_args *a, const char *what)
{
    if (a->npos != 2)
        return cli_usage_error(a->cmd, "须给出文件编号（xxgk case doc list 的第一列）");
    char *end;
    long long id = strtoll(a->pos[1], &end, 10);
    if (*end || id <= 0)
        return cli_usage_error(a->cmd, "文件编号应为正整数");
    xxgk_date date = 0;
    const char *reason = NULL;
    if (!strcmp(what, "void")) {
        reason = case_arg(a, "--reason");
        if (!reason || !*reason)
            return cli_usage_error(a->cmd, "缺少 --reason（作废的原因）");
    } else if (case_date(a, "--date", &date, true) < 0) {
        return EXIT_TROUBLE;
    }
    int rc;
    xxgk_register *reg = case_begin(a, 2, true, &rc);
    if (!reg)
        return rc;
    xxgk_error err = {0};
    xxgk_status st = !strcmp(what, "void")      ? xxgk_register_doc_void(reg, id, reason, &err)
                     : !strcmp(what, "publish") ? xxgk_register_doc_published(reg, id, date, &err)
                                                : xxgk_register_doc_repealed(reg, id, date, &err);
    int status = st == XXGK_OK ? EXIT_CLEAN : case_fail(a, &err, true);
    xxgk_register_close(reg);
    return cli_finish_stdout(status);
}

typedef struct doc_view {
    bool late;
} doc_view;

static int doc_line(void *ctx, const xxgk_document *d)
{
    doc_view *v = ctx;
    char m[11], p[11], r[11], due[11];
    const xxgk_deadline *pub = &d->publication;
    if (pub->status == XXGK_DUE_LATE || pub->status == XXGK_DUE_OVERDUE)
        v->late = true;
    printf("%lld\t%s\t%s\t%s\t%s\t制发 %s\t公开 %s\t%s%s\t应于 %s 前公开：%s\t%s\n", (long long)d->id,
           d->body, xxgk_doc_kind_label(d->kind), d->number ? d->number : "-", d->title,
           xxgk_date_format(d->made, m, sizeof m), d->published ? xxgk_date_format(d->published, p, sizeof p) : "-",
           d->repealed ? "废止 " : "现行有效", d->repealed ? xxgk_date_format(d->repealed, r, sizeof r) : "",
           pub->due ? xxgk_date_format(pub->due, due, sizeof due) : "?",
           xxgk_deadline_status_text(pub->status), d->voided ? "已作废" : "");
    return 0;
}

static int doc_list(case_args *a)
{
    const char *body = case_arg(a, "--body"), *y = case_arg(a, "--year");
    bool all = case_flag(a, "--include-void");
    int year = y ? atoi(y) : 0;
    if (y && (year < 2000 || year > 2999))
        return cli_usage_error(a->cmd, "--year 应为年度，如 2024");
    int rc;
    xxgk_register *reg = case_begin(a, 1, false, &rc);
    if (!reg)
        return rc;
    doc_view v = {false};
    xxgk_error err = {0};
    printf("编号\t机关\t种类\t文号\t标题\t制发\t公开\t效力\t第二十六条\t\n");
    int status = xxgk_register_docs(reg, body, year, all, 0, doc_line, &v, &err) == XXGK_OK
                     ? (v.late ? EXIT_FINDINGS : EXIT_CLEAN)
                     : case_fail(a, &err, false);
    xxgk_register_close(reg);
    return cli_finish_stdout(status);
}

int case_doc(case_args *a)
{
    const char *sub = a->npos ? a->pos[0] : "";
    if (!strcmp(sub, "add"))
        return doc_add(a);
    if (!strcmp(sub, "publish") || !strcmp(sub, "repeal") || !strcmp(sub, "void"))
        return doc_change(a, sub);
    if (!strcmp(sub, "list"))
        return doc_list(a);
    return cli_usage_error(a->cmd, *sub ? "未知的 doc 子命令 “%s”" : "没有给出 doc 子命令（add、publish、repeal、void、list）%s", sub);
}

/* "2024", "2024-Q1", "2024-H2", "2024-03", "2024-03-01..2024-03-31". */
static bool parse_period(const char *s, xxgk_date *from, xxgk_date *to)
{
    int y, m, n = 0;
    char tail[64] = "";
    const char *dots = strstr(s, "..");
    if (dots) {
        char a[16];
        snprintf(a, sizeof a, "%.*s", (int)(dots - s), s);
        return xxgk_date_parse(a, from) && xxgk_date_parse(dots + 2, to);
    }
    if (sscanf(s, "%4d%n", &y, &n) == 1 && n == 4 && !s[4]) {
        *from = xxgk_date_make(y, 1, 1);
        *to = xxgk_date_make(y, 12, 31);
    } else if (sscanf(s, "%4d-Q%1d%63s", &y, &m, tail) == 2 && m >= 1 && m <= 4) {
        *from = xxgk_date_make(y, 3 * m - 2, 1);
        *to = xxgk_date_make(y, 3 * m, m == 1 || m == 4 ? 31 : 30);
    } else if (sscanf(s, "%4d-H%1d%63s", &y, &m, tail) == 2 && m >= 1 && m <= 2) {
        *from = xxgk_date_make(y, m == 1 ? 1 : 7, 1);
        *to = xxgk_date_make(y, m == 1 ? 6 : 12, m == 1 ? 30 : 31);
    } else if (sscanf(s, "%4d-%2d%63s", &y, &m, tail) == 2 && strlen(s) == 7) {
        *from = xxgk_date_make(y, m, 1);
        xxgk_date next = m == 12 ? xxgk_date_make(y + 1, 1, 1) : xxgk_date_make(y, m + 1, 1);
        *to = next ? next - 1 : 0;
    } else {
        return false;
    }
    return *from && *to;
}

int case_count(case_args *a)
{
    const char *body = case_arg(a, "--body"), *kind = case_arg(a, "--kind");
    const char *period = case_arg(a, "--period"), *value = case_arg(a, "--value");
    xxgk_tally_kind k;
    xxgk_date from, to;
    xxgk_decimal v;
    if (!body || !*body)
        return cli_usage_error(a->cmd, "缺少 --body（机关）");
    if (!kind || !xxgk_tally_kind_find(kind, &k))
        return cli_usage_error(a->cmd, "--kind 应为 licensing、penalty、coercion 或 fees");
    if (!period || !parse_period(period, &from, &to))
        return cli_usage_error(a->cmd, "--period 应为 2024、2024-Q1、2024-H1、2024-03 或 "
                                       "2024-03-01..2024-03-31");
    if (!value || !xxgk_decimal_parse(value, &v))
        return cli_usage_error(a->cmd, "--value 应为数字（件数，或收费金额：万元）");
    int rc;
    xxgk_register *reg = case_begin(a, 0, true, &rc);
    if (!reg)
        return rc;
    xxgk_error err = {0};
    int status = xxgk_register_tally(reg, body, k, from, to, v, &err) == XXGK_OK
                     ? EXIT_CLEAN
                     : case_fail(a, &err, true);
    xxgk_register_close(reg);
    return cli_finish_stdout(status);
}
