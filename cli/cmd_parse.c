/*
 * cmd_parse.c — `xxgk parse`: reports in, the structured model out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char parse_usage[] =
    "用法 Usage: xxgk parse [--format json|cells|text|tree] [--sections] 文件...\n"
    "\n"
    "读取政府信息公开工作年度报告，输出其结构化数据：年度、格式（2019/2021）、标题、\n"
    "发布机关、成文日期、统计期限，以及三张统计表的每一栏数值。\n"
    "Reads annual reports and prints the structured model.\n"
    "\n"
    "  --format json    每份报告一行 JSON（默认）one JSON object per report and line\n"
    "  --format cells   每栏一行：键<TAB>值；多个文件时行首加 文件名<TAB>\n"
    "                   key<TAB>value lines (prefixed by FILE<TAB> for several files)\n"
    "  --format text    读取所得的规范化文本（检查结果中的行号以此为准）\n"
    "  --format tree    读取所得的文档结构（JSON）：段落及其角色、表格的行和格（合并、跨行跨栏），\n"
    "                   每一处在原文件中的位置（页、表格/行/格、行号）\n"
    "                   the normalised text that line numbers refer to\n"
    "  --sections       JSON 中加上六个部分的正文（\"sections\"），可编辑后用 xxgk render 生成\n"
    "                   add the sections' text to the JSON, for editing and xxgk render\n"
    "  -h, --help       显示本帮助\n"
    "\n"
    "空白栏输出为 null（JSON）或空值（cells）；报告中没有或无法确定位置的栏不输出。\n"
    "无法读取的文件在标准错误上报告原因，其余文件照常处理，退出状态为 2。\n";

typedef struct parse_args {
    const char *format;
    const char **files;
    int nfiles;
    bool sections; /* --sections: the model with the sections' text */
} parse_args;

/* Reads the options into a; returns -1 to go on, else an exit status. */
static int read_args(int argc, char **argv, parse_args *a)
{
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *v;
        if (only_files || arg[0] != '-' || !strcmp(arg, "-")) {
            a->files[a->nfiles++] = arg;
        } else if (!strcmp(arg, "--")) {
            only_files = true;
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            fputs(parse_usage, stdout);
            return cli_finish_stdout(EXIT_CLEAN);
        } else if (!strcmp(arg, "--sections")) {
            a->sections = true;
        } else if (cli_option_value(argc, argv, &i, "--format", &v)) {
            if (!v || (strcmp(v, "json") && strcmp(v, "cells") && strcmp(v, "text") &&
                       strcmp(v, "tree")))
                return cli_usage_error("parse", "--format 的取值应为 json、cells、text 或 tree");
            a->format = v;
        } else {
            return cli_usage_error("parse", "未知选项 “%s”", arg);
        }
    }
    if (a->nfiles == 0)
        return cli_usage_error("parse", "没有给出文件（用 - 读取标准输入）");
    return -1;
}

static int write_report(const xxgk_report *r, const parse_args *a, const char *prefix)
{
    const char *format = a->format;
    if (!strcmp(format, "text")) {
        size_t size;
        const char *text = xxgk_report_text(r, &size);
        return fwrite(text, 1, size, stdout) == size ? 0 : -1;
    }
    xxgk_status st;
    if (!strcmp(format, "tree"))
        st = xxgk_report_write_tree(r, stdout);
    else if (!strcmp(format, "cells"))
        st = xxgk_report_write_cells(r, prefix, stdout);
    else if (a->sections)
        st = xxgk_report_write_model(r, 0, stdout);
    else
        st = xxgk_report_write_json(r, stdout);
    return st == XXGK_OK ? 0 : -1;
}

int cmd_parse(int argc, char **argv)
{
    parse_args a = {"json", calloc((size_t)argc, sizeof(const char *)), 0, false};
    if (!a.files)
        return EXIT_TROUBLE;
    int status = read_args(argc, argv, &a);
    if (status >= 0) {
        free(a.files);
        return status;
    }
    status = EXIT_CLEAN;
    for (int i = 0; i < a.nfiles; i++) {
        xxgk_report *r = NULL;
        xxgk_error err = {0};
        if (xxgk_report_read_file(a.files[i], &r, &err) != XXGK_OK) {
            cli_error(a.files[i], "%s", err.message);
            status = EXIT_TROUBLE;
            continue;
        }
        char prefix[1024];
        snprintf(prefix, sizeof prefix, "%s\t", cli_name(a.files[i]));
        int rc = write_report(r, &a, a.nfiles > 1 ? prefix : NULL);
        xxgk_report_free(r);
        if (rc < 0)
            break;
    }
    free(a.files);
    return cli_finish_stdout(status);
}
