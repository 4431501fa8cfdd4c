/*
 * main.c — the xxgk command: dispatches to one function per subcommand.
 * Everything it does goes through the public header xxgk.h.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "xxgk — 政府信息公开工作年度报告工具 (government information disclosure annual reports)\n"
    "\n"
    "用法 Usage: xxgk <命令> [选项] 文件...\n"
    "\n"
    "命令 Commands:\n"
    "  parse   读取报告，输出结构化数据（表格各栏数值、年度、机关、日期）\n"
    "          read reports into the structured model (JSON or key/value lines)\n"
    "  check   按统一格式和条例检查报告，指出问题所在的行和应有的数值\n"
    "          check reports against every rule of the format and the 条例\n"
    "  new     生成某机关某年度报告的完整框架（JSON），按年度选用格式\n"
    "          a complete report skeleton (JSON) for a body and a year\n"
    "  render  把报告写成 DOCX、HTML、Markdown、文本、XLSX 或 JSON（写前先检查）\n"
    "          write a report as DOCX, HTML, Markdown, text, XLSX or JSON\n"
    "  db      把大量报告存入数据库，汇总、逐年比较、统计、导出和作图（xxgk db --help）\n"
    "          many reports in an SQLite store: import, rollup, diff, stats, export, charts\n"
    "  recover 恢复丢失分隔符的表格数字（网页抓取文本），列出每一行的拆分\n"
    "          show how table rows printed without cell separators were split\n"
    "  case    申请登记簿：收到即登记，按工作日计算并逐日说明法定期限，生成表二至表四\n"
    "          the register of applications: deadlines computed and explained, tables\n"
    "  holidays 计算期限所用的放假安排（法定节假日、调休上班日），列出或导入\n"
    "          the official holidays and make-up workdays: list, import\n"
    "  serve   网页界面：检查报告、编写年报、申请登记簿、审核台（xxgk serve --help）\n"
    "          the web interface for clerks and supervising offices\n"
    "  user    网页界面的用户：添加、列出、改密码、停用\n"
    "          the web interface's users: add, list, passwd, disable\n"
    "\n"
    "通用选项 Options:\n"
    "  -h, --help      显示帮助 show help\n"
    "  -V, --version   显示版本 show version\n"
    "\n"
    "文件名为 - 时读取标准输入。“xxgk 命令 --help”显示该命令的帮助。\n"
    "退出状态 Exit status: 0 正常; 1 报告中有错误; 2 文件无法读取或用法错误.\n";

void cli_error(const char *file, const char *fmt, ...)
{
    va_list ap;
    char message[4096], safe[4 * sizeof message];
    fflush(stdout);
    fprintf(stderr, "xxgk: ");
    if (file)
        fprintf(stderr, "%s: ", cli_name(file));
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    cli_escape(message, safe, sizeof safe);
    fprintf(stderr, "%s\n", safe);
}

void cli_error_from(const char *file, const char *message)
{
    size_t n = file ? strlen(file) : 0;
    if (n && !strncmp(message, file, n) && !strncmp(message + n, "：", strlen("：")))
        message += n + strlen("：");
    else if (n && !strncmp(message, file, n) && !strncmp(message + n, ": ", 2))
        message += n + 2;
    cli_error(file, "%s", message);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "xxgk%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n请运行 “xxgk%s%s --help” 查看用法。\n", cmd ? " " : "", cmd ? cmd : "");
    return EXIT_TROUBLE;
}

int cli_finish_stdout(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "xxgk: 写入标准输出失败：%s\n", xxgk_system_error_text(errno));
        return EXIT_TROUBLE;
    }
    return status;
}

bool cli_option_value(int argc, char **argv, int *i, const char *name, const char **value)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return false;
    if (a[n] == '=') {
        *value = a + n + 1;
        return true;
    }
    if (a[n] != '\0')
        return false;
    if (*i + 1 >= argc) {
        *value = NULL;
        return true;
    }
    *value = argv[++*i];
    return true;
}

/* SIGINT, SIGTERM, SIGHUP: the library's temporary files are removed,
 * then the signal takes its usual course (the exit status says which). */
static void on_signal(int sig)
{
    xxgk_remove_temporary_files();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Installs on_signal, except for signals the caller chose to ignore
 * (nohup, a background job). */
static void catch_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old, sa;
        if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t k = 0; k < sizeof sigs / sizeof sigs[0]; k++)
            sigaddset(&sa.sa_mask, sigs[k]);
        sigaction(sigs[i], &sa, NULL);
    }
}

int main(int argc, char **argv)
{
    catch_signals();
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_TROUBLE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return cli_finish_stdout(EXIT_CLEAN);
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
        printf("xxgk %s\n", XXGK_VERSION);
        return cli_finish_stdout(EXIT_CLEAN);
    }
    if (!strcmp(cmd, "parse"))
        return cmd_parse(argc - 1, argv + 1);
    if (!strcmp(cmd, "check"))
        return cmd_check(argc - 1, argv + 1);
#ifndef XXGK_NO_STORE
    if (!strcmp(cmd, "db"))
        return cmd_db(argc - 1, argv + 1);
#endif
    if (!strcmp(cmd, "recover"))
        return cmd_recover(argc - 1, argv + 1);
    if (!strcmp(cmd, "new"))
        return cmd_new(argc - 1, argv + 1);
    if (!strcmp(cmd, "render"))
        return cmd_render(argc - 1, argv + 1);
#ifndef XXGK_NO_STORE
    if (!strcmp(cmd, "case"))
        return cmd_case(argc - 1, argv + 1);
    if (!strcmp(cmd, "holidays"))
        return cmd_holidays(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve"))
        return cmd_serve(argc - 1, argv + 1);
    if (!strcmp(cmd, "user"))
        return cmd_user(argc - 1, argv + 1);
#endif
    return cli_usage_error(NULL, "未知命令 “%s”", cmd);
}
