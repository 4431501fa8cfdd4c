/*
 * cmd_user.c — `xxgk user`: the accounts of xxgk serve, kept in the
 * store (add, list, passwd, disable, enable). Passwords are read from
 * standard input (--password-stdin), never from the command line where
 * other users could see them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "用法: xxgk user <子命令> [选项]\n"
    "\n"
    "网页界面（xxgk serve）的用户，保存在数据库中；密码以 argon2id 散列保存。\n"
    "  add NAME --role admin|supervisor|head|clerk [--body 机关 | --region 地区] --password-stdin\n"
    "                  添加用户：经办人(clerk)和负责人(head)须有 --body，监督人员(supervisor)\n"
    "                  须有 --region（名册中的“上级”）；密码从标准输入读取一行\n"
    "  list            列出用户\n"
    "  passwd NAME --password-stdin   设置新密码\n"
    "  disable NAME | enable NAME     停用（并注销其会话）或启用\n"
    "\n"
    "选项: --db FILE 数据库（默认 xxgk.db）；--by 名字 记录操作人（默认 $XXGK_USER 或 $USER）\n";

/* One line of standard input without its line end, into buf. */
static bool read_password(char *buf, size_t size)
{
    if (!fgets(buf, (int)size, stdin))
        return false;
    buf[strcspn(buf, "\r\n")] = '\0';
    return true;
}

static int print_user(void *ctx, const xxgk_user *u)
{
    (void)ctx;
    printf("%s\t%s\t%s\t%s\t%s\n", u->name, xxgk_role_key(u->role),
           *u->body ? u->body : u->region, u->disabled ? "disabled" : "active", u->created);
    return 0;
}

int cmd_user(int argc, char **argv)
{
    const char *db = "xxgk.db", *role_name = NULL, *body = NULL, *region = NULL, *by = NULL;
    const char *sub = NULL, *name = NULL;
    bool from_stdin = false;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return cli_finish_stdout(EXIT_CLEAN);
        }
        if (!strcmp(argv[i], "--password-stdin")) {
            from_stdin = true;
            continue;
        }
        const char *names[] = {"--db", "--role", "--body", "--region", "--by"};
        const char **dst[] = {&db, &role_name, &body, &region, &by};
        bool matched = false;
        for (int k = 0; k < 5 && !matched; k++)
            if (cli_option_value(argc, argv, &i, names[k], &v)) {
                if (!v)
                    return cli_usage_error("user", "%s 后缺少值", names[k]);
                *dst[k] = v;
                matched = true;
            }
        if (matched)
            continue;
        if (argv[i][0] == '-')
            return cli_usage_error("user", "未知选项 “%s”", argv[i]);
        if (!sub)
            sub = argv[i];
        else if (!name)
            name = argv[i];
        else
            return cli_usage_error("user", "多余的参数 “%s”", argv[i]);
    }
    if (!sub)
        return cli_usage_error("user", "缺少子命令（add、list、passwd、disable、enable）");
    bool list = !strcmp(sub, "list");
    if (!list && strcmp(sub, "add") && strcmp(sub, "passwd") && strcmp(sub, "disable") &&
        strcmp(sub, "enable"))
        return cli_usage_error("user", "未知子命令 “%s”", sub);
    if (!list && !name)
        return cli_usage_error("user", "缺少用户名");
    xxgk_role role = XXGK_ROLE_CLERK;
    if (!strcmp(sub, "add") && (!role_name || !xxgk_role_find(role_name, &role)))
        return cli_usage_error("user", "--role 须为 admin、supervisor、head 或 clerk");
    bool wants_password = !strcmp(sub, "add") || !strcmp(sub, "passwd");
    if (wants_password && !from_stdin)
        return cli_usage_error("user", "密码须用 --password-stdin 从标准输入给出");
    char password[512] = "";
    if (wants_password && !read_password(password, sizeof password)) {
        cli_error(NULL, "标准输入中没有密码");
        return EXIT_TROUBLE;
    }
    if (!by)
        by = getenv("XXGK_USER") ? getenv("XXGK_USER") : getenv("USER") ? getenv("USER") : "";
    xxgk_store *s = NULL;
    xxgk_error err = {0};
    if (xxgk_store_open(db, list, &s, &err) != XXGK_OK) {
        cli_error_from(db, err.message);
        return EXIT_TROUBLE;
    }
    xxgk_status st;
    if (list)
        st = xxgk_user_list(s, print_user, NULL, &err);
    else if (!strcmp(sub, "add"))
        st = xxgk_user_add(s, name, role, body, region, password, by, NULL, &err);
    else if (!strcmp(sub, "passwd"))
        st = xxgk_user_set_password(s, name, password, by, &err);
    else
        st = xxgk_user_set_disabled(s, name, !strcmp(sub, "disable"), by, &err);
    memset(password, 0, sizeof password);
    xxgk_store_close(s);
    if (st != XXGK_OK) {
        cli_error_from(db, err.message);
        return st == XXGK_E_USAGE ? EXIT_FINDINGS : EXIT_TROUBLE;
    }
    return cli_finish_stdout(EXIT_CLEAN);
}
