/*
 * cmd_render.c — `xxgk render`: a report model (or any report xxgk reads)
 * out as DOCX, HTML, Markdown, text, XLSX or JSON. Refuses to write a
 * report that still has placeholder text or error-severity findings
 * (unless --force), never replaces a file without -f, and writes
 * atomically.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char render_usage[] =
    "用法 Usage: xxgk render 文件 -o 输出文件 [选项]\n"
    "       xxgk render 文件 --to 格式 [-o 输出文件]\n"
    "\n"
    "把报告模型（xxgk new 或 xxgk parse --sections 输出的 JSON，或任何 xxgk 能读取的报告）\n"
    "生成为规范格式的报告：\n"
    "Renders a report model (JSON, or any report xxgk reads) in the official layout:\n"
    "\n"
    "  docx   Word 文档：国家统一格式的三张表（含合并表头）、六个部分、标题、署名和成文日期；\n"
    "         GB/T 9704 版式（A4，仿宋正文，黑体/楷体标题，小标宋标题）\n"
    "  html   单个自包含网页，适合政府网站发布和打印\n"
    "  md     Markdown；txt 纯文本（表格以 | 分隔）\n"
    "  xlsx   Excel 填报工作簿：正文一段一格，三张统计表按格式合并表头，合计为公式，核对栏变红提示\n"
    "  pdf    PDF：Word 文档经 LibreOffice 转换（需安装 libreoffice-writer-nogui）\n"
    "  json   报告模型本身（可编辑后再次生成）\n"
    "\n"
    "  -o 文件          输出文件；格式由扩展名决定。省略时写到标准输出（需 --to）\n"
    "  --to 格式        指定输出格式 docx|html|md|txt|xlsx|pdf|json\n"
    "  -f, --overwrite  覆盖已有的输出文件（默认不覆盖）\n"
    "  --force          即使检查发现错误、仍有“" XXGK_PLACEHOLDER "”占位文字或没有成文日期也生成\n"
    "                   write even when the checks find errors\n"
    "  -h, --help       显示本帮助\n"
    "\n"
    "生成前先检查报告，列出错误和警告；有错误、没有成文日期时拒绝生成（退出状态 1）。\n"
    "文件先写入同一目录下的临时文件，写完后再改名，不会留下写了一半的文件。\n";

typedef struct render_opts {
    const char *in, *out;
    xxgk_render_format format;
    bool overwrite, force;
} render_opts;

static int parse_args(int argc, char **argv, render_opts *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (a[0] != '-' || !strcmp(a, "-")) {
            if (o->in)
                return cli_usage_error("render", "一次只能生成一份报告（多余的 “%s”）", a);
            o->in = a;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(render_usage, stdout);
            return cli_finish_stdout(EXIT_CLEAN);
        } else if (cli_option_value(argc, argv, &i, "-o", &v) ||
                   cli_option_value(argc, argv, &i, "--output", &v)) {
            if (!v)
                return cli_usage_error("render", "-o 需要输出文件名");
            o->out = v;
        } else if (cli_option_value(argc, argv, &i, "--to", &v)) {
            o->format = xxgk_render_format_from_name(v);
            if (!o->format)
                return cli_usage_error("render",
                                       "--to 的取值应为 docx、html、md、txt、xlsx、pdf 或 json");
        } else if (!strcmp(a, "-f") || !strcmp(a, "--overwrite")) {
            o->overwrite = true;
        } else if (!strcmp(a, "--force")) {
            o->force = true;
        } else {
            return cli_usage_error("render", "未知选项 “%s”", a);
        }
    }
    if (!o->in)
        return cli_usage_error("render", "没有给出报告文件（用 - 读取标准输入）");
    bool to_stdout = !o->out || !strcmp(o->out, "-");
    if (!o->format && !to_stdout)
        o->format = xxgk_render_format_from_path(o->out);
    if (!o->format)
        return cli_usage_error("render", to_stdout ? "写到标准输出时需用 --to 指定格式"
                                                   : "无法从输出文件名判断格式，请用 --to 指定");
    return -1;
}

/* The refusal to write a report that is not ready. Returns true when the
 * report may be written. */
static bool ready_to_write(const xxgk_report *r, const render_opts *o)
{
    static const char *const parts[] = {"导语",
                                        "一、总体情况",
                                        "二",
                                        "三",
                                        "四",
                                        "五、存在的主要问题及改进情况",
                                        "六、其他需要报告的事项"};
    int s = xxgk_report_has_placeholder(r);
    if (o->force)
        return true;
    if (s >= 0) {
        cli_error(o->in, "“%s”部分仍有模板占位文字“%s”，请填写后再生成（或用 --force）", parts[s],
                  XXGK_PLACEHOLDER);
        return false;
    }
    const xxgk_meta *m = xxgk_report_meta(r);
    if (o->format != XXGK_RENDER_JSON && (!m->date || !*m->date)) {
        cli_error(o->in, "报告没有成文日期，请填写后再生成（JSON 模型的 meta.date，工作簿“正文”"
                         "末尾的日期格；或用 --force）");
        return false;
    }
    return true;
}

/* One finding of the report as it will be written: its rule and
 * message (which names the table, row and column), then what it should
 * be when that is known. */
static void print_finding(const char *name, const xxgk_finding *f)
{
    fprintf(stderr, "%s: %s[%s]: %s\n", cli_name(name), xxgk_severity_text(f->severity), f->rule,
            f->message);
    if (f->expected)
        fprintf(stderr, "    = %s\n", f->expected);
}

/* Runs the checks on the model as it will be written (the rules that
 * need only the model: nothing about how the input was laid out) and
 * lists its errors and warnings. Returns false when it must not be
 * written. */
static bool passes_checks(xxgk_report *r, const render_opts *o, int *status)
{
    xxgk_check_options model = {NULL, true, NULL};
    if (xxgk_check(r, &model) != XXGK_OK) {
        cli_error(o->in, "无法检查：内存不足");
        *status = EXIT_TROUBLE;
        return false;
    }
    size_t errors = xxgk_report_count(r, XXGK_ERROR);
    for (size_t i = 0; i < xxgk_report_finding_count(r); i++) {
        const xxgk_finding *f = xxgk_report_finding(r, i);
        if (f->severity >= XXGK_WARNING)
            print_finding(o->in, f);
    }
    bool ok = errors == 0 || o->force;
    if (errors && !ok)
        cli_error(o->in, "检查发现 %zu 个错误，未生成报告；改正后再生成，或用 --force 强制生成",
                  errors);
    else if (errors)
        cli_error(o->in, "报告仍有 %zu 个错误（已按 --force 生成）", errors);
    *status = ok ? EXIT_CLEAN : EXIT_FINDINGS;
    return ok;
}

static int write_output(const xxgk_report *r, const render_opts *o)
{
    xxgk_error err = {0};
    if (o->out && strcmp(o->out, "-") != 0) {
        if (xxgk_report_render_file(r, o->format, o->out, o->overwrite, &err) != XXGK_OK) {
            cli_error_from(o->out, err.message);
            return EXIT_TROUBLE;
        }
        return EXIT_CLEAN;
    }
    if ((o->format == XXGK_RENDER_DOCX || o->format == XXGK_RENDER_XLSX ||
         o->format == XXGK_RENDER_PDF) &&
        isatty(STDOUT_FILENO))
        return cli_usage_error("render", "不向终端输出 %s 文件，请用 -o 指定文件",
                               xxgk_render_format_extension(o->format));
    if (xxgk_report_render(r, o->format, stdout, &err) != XXGK_OK) {
        cli_error(err.status == XXGK_E_IO ? "标准输出" : o->in, "%s", err.message);
        return EXIT_TROUBLE;
    }
    return EXIT_CLEAN;
}

int cmd_render(int argc, char **argv)
{
    render_opts o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        return rc;
    xxgk_report *r = NULL;
    xxgk_error err = {0};
    if (xxgk_report_read_file(o.in, &r, &err) != XXGK_OK) {
        cli_error(o.in, "%s", err.message);
        return EXIT_TROUBLE;
    }
    int status = EXIT_FINDINGS;
    if (ready_to_write(r, &o) && passes_checks(r, &o, &status))
        status = write_output(r, &o);
    xxgk_report_free(r);
    /* A failure has been reported, naming where: flushing what is left
     * for standard output would only say it again. */
    return status == EXIT_TROUBLE ? status : cli_finish_stdout(status);
}
