/*
 * cmd_new.c — `xxgk new`: a complete report skeleton as a JSON model, to
 * fill in and render.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char new_usage[] =
    "用法 Usage: xxgk new --year 年度 --body 机关名称 [选项]\n"
    "\n"
    "生成一份完整的年度报告模型（JSON）：按年度选用的格式（2019年版或2021年版）、三张统计表的\n"
    "每一栏、各部分应写内容的提示文字（含“" XXGK_PLACEHOLDER "”标记）。填写后用 xxgk render 生成\n"
    "Word、网页等格式。\n"
    "-o 文件名以 .xlsx 结尾时生成填报工作簿：“正文”工作表每段一格，三张统计表按统一格式排版，\n"
    "合计为公式自动计算，旁边的核对栏在勾稽关系不成立时变红；填写后 xxgk check / render 直接读取。\n"
    "Prints a complete report skeleton as a JSON model: every cell of the format the year\n"
    "requires, and placeholder text saying what each section must cover.\n"
    "\n"
    "  --year YYYY          报告年度（必需）the year reported on\n"
    "  --body 名称          发布机关，如“某某县人民政府”（必需）the issuing body\n"
    "  --format 2019|2021   格式；默认按年度：2019、2020年度用2019年版，以后用2021年版\n"
    "  --date YYYY-MM-DD    成文日期 the signing date\n"
    "  --blank              各栏留空（null）而不是填 0：每一栏都必须亲自填写\n"
    "                       leave every cell blank (null) instead of 0\n"
    "  --from-register      表二至表四取自登记簿（xxgk case tables）；登记簿没有的栏目留空\n"
    "                       take tables 二–四 from the register; the rest left blank\n"
    "  --db 文件            登记簿所在的数据库（与 --from-register 同用，默认 xxgk.db）\n"
    "  -o 文件              写入文件（默认写到标准输出）；.xlsx：填报工作簿\n"
    "                       write to FILE (.json model, or .xlsx fill-in workbook)\n"
    "  -f, --overwrite      覆盖已有的文件 replace an existing file\n"
    "  -h, --help           显示本帮助\n"
    "\n"
    "各栏默认填 0：大多数栏目确实为 0，且全为 0 的表格各项合计关系成立；请逐栏核对实际数字。\n";

typedef struct new_opts {
    int year;
    xxgk_format format;
    const char *body, *date, *out, *db;
    bool blank, overwrite, from_register;
} new_opts;

/* Returns -1 to continue, else the exit status. */
static int parse_args(int argc, char **argv, new_opts *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(new_usage, stdout);
            return cli_finish_stdout(EXIT_CLEAN);
        } else if (cli_option_value(argc, argv, &i, "--year", &v)) {
            char *end;
            long y = v ? strtol(v, &end, 10) : 0;
            if (!v || *end || y > 2999 || !xxgk_format_for_year((int)y))
                return cli_usage_error("new", "--year 应为使用国家统一格式的年度（%s 年起）",
                                       xxgk_format_name(xxgk_format_at(0)));
            o->year = (int)y;
        } else if (cli_option_value(argc, argv, &i, "--body", &v)) {
            if (!v || !*v)
                return cli_usage_error("new", "--body 需要机关名称");
            o->body = v;
        } else if (cli_option_value(argc, argv, &i, "--format", &v)) {
            o->format = xxgk_format_from_name(v);
            if (!o->format)
                return cli_usage_error("new", "--format 的取值应为格式的年份（如 %s）",
                                       xxgk_format_name(xxgk_format_at(xxgk_format_count() - 1)));
        } else if (cli_option_value(argc, argv, &i, "--date", &v)) {
            if (!v)
                return cli_usage_error("new", "--date 需要日期 YYYY-MM-DD");
            o->date = v;
        } else if (cli_option_value(argc, argv, &i, "-o", &v) ||
                   cli_option_value(argc, argv, &i, "--output", &v)) {
            if (!v)
                return cli_usage_error("new", "-o 需要文件名");
            o->out = v;
        } else if (!strcmp(a, "--blank")) {
            o->blank = true;
#ifndef XXGK_NO_STORE
        } else if (!strcmp(a, "--from-register")) {
            o->from_register = true;
        } else if (cli_option_value(argc, argv, &i, "--db", &v)) {
            if (!v || !*v)
                return cli_usage_error("new", "--db 需要数据库文件名");
            o->db = v;
#endif
        } else if (!strcmp(a, "-f") || !strcmp(a, "--overwrite")) {
            o->overwrite = true;
        } else {
            return cli_usage_error("new", "未知选项 “%s”", a);
        }
    }
    if (!o->year)
        return cli_usage_error("new", "缺少 --year（报告年度）");
    if (!o->body)
        return cli_usage_error("new", "缺少 --body（发布机关名称）");
    if (o->db && !o->from_register)
        return cli_usage_error("new", "--db 只与 --from-register 同用");
    xxgk_render_format f = o->out ? xxgk_render_format_from_path(o->out) : XXGK_RENDER_JSON;
    if (f != XXGK_RENDER_JSON && f != XXGK_RENDER_XLSX && f != XXGK_RENDER_UNKNOWN)
        return cli_usage_error("new", "new 只生成 JSON 模型或 XLSX 填报工作簿；填写后用 xxgk render "
                                      "生成 %s 文件",
                               xxgk_render_format_extension(f));
    return -1;
}

#ifndef XXGK_NO_STORE
/* Tables 二–四 of the register (xxgk case tables) into the skeleton: a
 * cell the register computes takes its number, every other cell of
 * the tables is left blank for the clerk. 0, or the exit status. */
static int from_register(const new_opts *o, xxgk_report *r)
{
    const char *db = o->db ? o->db : "xxgk.db";
    xxgk_register *reg = NULL;
    xxgk_report *t = NULL;
    xxgk_error err = {0};
    if (xxgk_register_open(db, true, &reg, &err) != XXGK_OK ||
        xxgk_register_tables(reg, o->body, o->year, &t, &err) != XXGK_OK) {
        cli_error(NULL, "%s", err.message);
        xxgk_register_close(reg);
        return EXIT_TROUBLE;
    }
    xxgk_register_close(reg);
    xxgk_format f = xxgk_report_meta(r)->format;
    if (xxgk_report_meta(t)->format != f) {
        xxgk_report_free(t);
        return cli_usage_error("new", "--format 与 %d 年登记簿所用的格式不同", o->year);
    }
    for (size_t id = 0; id < xxgk_cell_count(); id++) {
        if (!xxgk_format_has_cell(f, id))
            continue;
        const xxgk_cell *c = xxgk_report_cell(t, id);
        xxgk_status st = c->kind == XXGK_VALUE_NUMBER ? xxgk_report_set_number(r, id, c->value)
                                                      : xxgk_report_set_blank(r, id);
        if (st != XXGK_OK) {
            xxgk_report_free(t);
            cli_error(NULL, "内存不足");
            return EXIT_TROUBLE;
        }
    }
    xxgk_report_free(t);
    return 0;
}
#endif

int cmd_new(int argc, char **argv)
{
    new_opts o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        return rc;
    xxgk_report *r = NULL;
    xxgk_error err = {0};
    if (xxgk_report_new(o.year, o.format, o.body, &r, &err) != XXGK_OK)
        return cli_usage_error("new", "%s", err.message);
    if (xxgk_report_fill_skeleton(r, o.blank) != XXGK_OK) {
        xxgk_report_free(r);
        cli_error(NULL, "内存不足");
        return EXIT_TROUBLE;
    }
#ifndef XXGK_NO_STORE
    if (o.from_register && (rc = from_register(&o, r)) != 0) {
        xxgk_report_free(r);
        return rc;
    }
#endif
    if (o.date && xxgk_report_set_date(r, o.date) != XXGK_OK) {
        xxgk_report_free(r);
        return cli_usage_error("new", "--date “%s” 不是有效日期（YYYY-MM-DD）", o.date);
    }
    int status = EXIT_CLEAN;
    if (o.out && strcmp(o.out, "-") != 0) {
        xxgk_render_format f = xxgk_render_format_from_path(o.out) == XXGK_RENDER_XLSX
                                   ? XXGK_RENDER_XLSX
                                   : XXGK_RENDER_JSON;
        if (xxgk_report_render_file(r, f, o.out, o.overwrite, &err) != XXGK_OK) {
            cli_error_from(o.out, err.message);
            status = EXIT_TROUBLE;
        }
    } else if (xxgk_report_write_model(r, XXGK_MODEL_PRETTY, stdout) != XXGK_OK) {
        status = EXIT_TROUBLE;
    }
    xxgk_report_free(r);
    return cli_finish_stdout(status);
}
