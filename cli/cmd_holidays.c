/*
 * cmd_holidays.c — `xxgk holidays`: the working-day calendar deadlines
 * are counted with. `list` prints it in the line grammar of holidays.md
 * (the shipped notices, with a register's imported ones when --db is
 * given); `import` adds or corrects a year's notice in a register, and
 * every open case's deadlines follow at once.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case.h"

static const char holidays_usage[] =
    "用法 Usage: xxgk holidays list [--year 年度] [--db 文件]\n"
    "            xxgk holidays import 文件 [--year 年度] [--db 文件]\n"
    "\n"
    "计算期限所用的放假安排（国务院办公厅每年的部分节假日安排通知）：法定节假日和调休上班日。\n"
    "工作日 = 调休上班日，或周一至周五且不是法定节假日（rules.md 3.7）。没有某年放假安排时，\n"
    "落在该年的期限不作推算，而是说明缺少哪一年的通知。\n"
    "The official holidays and make-up workdays deadlines are counted with.\n"
    "\n"
    "  list      按 holidays.md 的行格式输出（“YYYY-MM-DD holiday|workday  # 名称 (周X)”），\n"
    "            可直接再导入；给出 --db 时包括该登记簿导入的年度\n"
    "  import    把一年（或几年）的通知导入登记簿，替换同一年度原有的安排；文件每行格式同上，\n"
    "            “## 年度”标题之下的行属于该年度的通知，没有标题时用 --year 或多数日期所在年度。\n"
    "            导入后各未办结申请的期限随即按新安排计算。\n"
    "\n"
    "  --year 年度   只列出（或导入为）该年度的通知\n"
    "  --db 文件     登记簿所在的数据库（import 默认 xxgk.db）\n"
    "  --by 姓名     操作人（import 记入变更记录）\n";

static int year_option(case_args *a, int *year)
{
    const char *v = case_arg(a, "--year");
    *year = 0;
    if (!v)
        return 0;
    char *end;
    long y = strtol(v, &end, 10);
    if (*end || y < 2000 || y > 2999)
        return cli_usage_error(a->cmd, "--year 应为年度，如 2027");
    *year = (int)y;
    return 0;
}

static int holidays_list(case_args *a, bool db_given)
{
    int year, rc = year_option(a, &year);
    if (rc || (rc = case_done(a)))
        return rc;
    if (a->npos > 1)
        return cli_usage_error(a->cmd, "多余的参数 “%s”", a->pos[1]);
    xxgk_register *reg = NULL;
    xxgk_calendar *own = NULL;
    xxgk_error err = {0};
    if (db_given && !(reg = case_open(a, false)))
        return EXIT_TROUBLE;
    if (!reg && xxgk_calendar_new(&own, &err) != XXGK_OK) {
        cli_error(NULL, "%s", err.message);
        return EXIT_TROUBLE;
    }
    const xxgk_calendar *cal = reg ? xxgk_register_calendar(reg) : own;
    bool found = !year;
    printf("# 放假安排（国务院办公厅通知）；已有年度：");
    for (size_t i = 0; i < xxgk_calendar_notice_count(cal); i++) {
        int y = xxgk_calendar_notice(cal, i)->year;
        found |= y == year;
        printf("%s%d", i ? " " : "", y);
    }
    printf("\n\n");
    int status = EXIT_CLEAN;
    if (!found) {
        cli_error(NULL, "没有%d年的放假安排（用 xxgk holidays import 导入该年的通知）", year);
        status = EXIT_TROUBLE;
    } else if (xxgk_calendar_write(cal, year, stdout) < 0) {
        status = EXIT_TROUBLE;
    }
    xxgk_register_close(reg);
    xxgk_calendar_free(own);
    return cli_finish_stdout(status);
}

/* Reads a whole (small) file; NULL after printing why. */
static char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        cli_error(path, "无法打开文件");
        return NULL;
    }
    char *buf = malloc(1024 * 1024 + 1);
    size_t n = buf ? fread(buf, 1, 1024 * 1024 + 1, f) : 0;
    bool bad = ferror(f);
    fclose(f);
    if (!buf || bad || n > 1024 * 1024) {
        cli_error(path, bad ? "读取失败" : "文件过大（放假安排不会超过 1 MB）");
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *size = n;
    return buf;
}

static int holidays_import(case_args *a)
{
    int year, rc = year_option(a, &year);
    if (rc || (rc = case_done(a)))
        return rc;
    if (a->npos != 2)
        return cli_usage_error(a->cmd, a->npos < 2 ? "没有给出放假安排文件" : "一次只能导入一个文件");
    const char *path = a->pos[1];
    size_t size = 0;
    char *text = slurp(path, &size);
    if (!text)
        return EXIT_TROUBLE;
    xxgk_register *reg = case_open(a, true);
    if (!reg) {
        free(text);
        return EXIT_TROUBLE;
    }
    int years[64];
    size_t n = 0;
    xxgk_error err = {0};
    int status = EXIT_CLEAN;
    if (xxgk_register_import_holidays(reg, text, size, path, year, years, 64, &n, &err) != XXGK_OK) {
        cli_error(NULL, "%s", err.message);
        status = EXIT_TROUBLE;
    } else {
        printf("已导入");
        for (size_t i = 0; i < n; i++)
            printf("%s%d年", i ? "、" : " ", years[i]);
        printf("的放假安排；未办结申请的期限已按新安排计算（xxgk case due）\n");
    }
    xxgk_register_close(reg);
    free(text);
    return cli_finish_stdout(status);
}

int cmd_holidays(int argc, char **argv)
{
    static case_args a;
    if (argc < 2)
        return cli_usage_error("holidays", "没有给出子命令（list 或 import）");
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
        fputs(holidays_usage, stdout);
        return cli_finish_stdout(EXIT_CLEAN);
    }
    int rc = case_parse(&a, "holidays", argc, argv);
    if (rc >= 0)
        return rc;
    if (a.help) {
        fputs(holidays_usage, stdout);
        return cli_finish_stdout(EXIT_CLEAN);
    }
    if (!a.npos)
        return cli_usage_error("holidays", "没有给出子命令（list 或 import）");
    bool db_given = false;
    for (int i = 0; i < argc; i++)
        db_given |= !strncmp(argv[i], "--db", 4);
    if (!strcmp(a.pos[0], "list"))
        return holidays_list(&a, db_given);
    if (!strcmp(a.pos[0], "import"))
        return holidays_import(&a);
    return cli_usage_error("holidays", "未知子命令 “%s”", a.pos[0]);
}
