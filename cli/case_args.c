/*
 * case_args.c — the command line of `xxgk case` and `xxgk holidays`:
 * options collected once and taken by each subcommand (anything left
 * over is an unknown option), dates, case ids, opening the register,
 * printing failures, and JSON strings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case.h"

/* Options that take no value. */
static const char *const flags[] = {"--dry-run", "--all", "-f", "--overwrite", "--include-void", "--verbose",
                                    "--open", "--pretty"};

static bool is_flag(const char *a)
{
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (!strcmp(a, flags[i]))
            return true;
    return false;
}

int case_parse(case_args *a, const char *cmd, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    a->db = "xxgk.db";
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
            a->help = true;
        } else if (s[0] == '-' && s[1] && !(s[1] >= '0' && s[1] <= '9')) {
            if (a->nopts >= 64)
                return cli_usage_error(cmd, "选项太多");
            const char *eq = strchr(s, '=');
            char *name = a->name_store[a->nopts];
            snprintf(name, sizeof a->name_store[0], "%.*s",
                     (int)(eq ? (size_t)(eq - s) : strlen(s)), s);
            const char *v = NULL;
            if (!is_flag(name)) {
                if (eq)
                    v = eq + 1;
                else if (i + 1 < argc)
                    v = argv[++i];
                else
                    return cli_usage_error(cmd, "%s 需要取值", s);
            }
            a->names[a->nopts] = name;
            a->values[a->nopts++] = v ? v : "";
        } else {
            if (a->npos >= 16)
                return cli_usage_error(cmd, "参数太多");
            a->pos[a->npos++] = s;
        }
    }
    const char *db = case_arg(a, "--db");
    if (db) {
        if (!*db)
            return cli_usage_error(cmd, "--db 需要数据库文件名");
        a->db = db;
    }
    a->by = case_arg(a, "--by");
    return -1;
}

const char *case_arg(case_args *a, const char *name)
{
    const char *v = NULL;
    for (int i = 0; i < a->nopts; i++)
        if (!strcmp(a->names[i], name)) {
            a->used[i] = true;
            v = a->values[i];
        }
    return v;
}

int case_args_all(case_args *a, const char *name, const char **out, int n)
{
    int k = 0;
    for (int i = 0; i < a->nopts; i++)
        if (!strcmp(a->names[i], name)) {
            a->used[i] = true;
            if (k < n)
                out[k++] = a->values[i];
        }
    return k;
}

bool case_flag(case_args *a, const char *name)
{
    return case_arg(a, name) != NULL;
}

int case_done(case_args *a)
{
    for (int i = 0; i < a->nopts; i++)
        if (!a->used[i])
            return cli_usage_error(a->cmd, "未知选项 “%s”", a->names[i]);
    return 0;
}

int case_date(case_args *a, const char *name, xxgk_date *out, bool required)
{
    const char *v = case_arg(a, name);
    *out = 0;
    if (!v && !required)
        return 0;
    if (!v) {
        cli_usage_error(a->cmd, "缺少 %s（日期 YYYY-MM-DD）", name);
        return -1;
    }
    if (!xxgk_date_parse(v, out)) {
        cli_usage_error(a->cmd, "%s “%s” 不是有效日期（应为 YYYY-MM-DD）", name, v);
        return -1;
    }
    return 0;
}

bool case_id(case_args *a, int64_t *id)
{
    if (a->npos != 1) {
        cli_usage_error(a->cmd, a->npos ? "只能给出一件申请的编号" : "没有给出申请的编号（xxgk case add 输出的数字）");
        return false;
    }
    char *end;
    long long v = strtoll(a->pos[0], &end, 10);
    if (*end || v <= 0) {
        cli_usage_error(a->cmd, "申请编号应为正整数，而不是“%s”", a->pos[0]);
        return false;
    }
    *id = v;
    return true;
}

/* The actor: --by, else $XXGK_USER, $USER, $LOGNAME. */
static const char *actor(const case_args *a)
{
    const char *names[] = {"XXGK_USER", "USER", "LOGNAME"};
    if (a->by && *a->by)
        return a->by;
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(names[i]);
        if (v && *v)
            return v;
    }
    return "未署名";
}

xxgk_register *case_open(case_args *a, bool write)
{
    xxgk_register *reg = NULL;
    xxgk_error err = {0};
    bool read_only = false;
    if (!write) {
        if (access(a->db, F_OK) != 0) {
            cli_error(a->db, "数据库不存在（先用 xxgk case add 或 xxgk case import 登记）");
            return NULL;
        }
        read_only = access(a->db, W_OK) != 0;
    }
    if (xxgk_register_open(a->db, read_only, &reg, &err) != XXGK_OK) {
        cli_error(NULL, "%s", err.message);
        return NULL;
    }
    xxgk_register_set_actor(reg, actor(a));
    /* XXGK_TODAY=YYYY-MM-DD: the day taken for today (replays, tests). */
    const char *today = getenv("XXGK_TODAY");
    xxgk_date d;
    if (today && *today && xxgk_date_parse(today, &d))
        xxgk_register_set_today(reg, d);
    return reg;
}

int case_fail(case_args *a, const xxgk_error *err, bool refusal)
{
    cli_error(a->db, "%s", err->message);
    return refusal && err->status == XXGK_E_USAGE ? EXIT_FINDINGS : EXIT_TROUBLE;
}

void json_text(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

void json_date(FILE *out, xxgk_date d)
{
    char b[11];
    if (d)
        fprintf(out, "\"%s\"", xxgk_date_format(d, b, sizeof b));
    else
        fputs("null", out);
}

xxgk_register *case_begin(case_args *a, int positional, bool write, int *status)
{
    if (a->npos > positional) {
        *status = cli_usage_error(a->cmd, "多余的参数 “%s”", a->pos[positional]);
        return NULL;
    }
    if ((*status = case_done(a)) != 0)
        return NULL;
    xxgk_register *reg = case_open(a, write);
    *status = reg ? EXIT_CLEAN : EXIT_TROUBLE;
    return reg;
}
