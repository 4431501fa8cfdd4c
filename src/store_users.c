/*
 * store_users.c — users of xxgk serve and `xxgk user`: roles as named
 * permissions, passwords as argon2id hashes, which bodies a user covers.
 *
 * The permission table below is the one place that says what a role may
 * do; the server asks xxgk_role_can for every request. Passwords are
 * hashed with libargon2's argon2id (t=2, m=19 MiB, p=1: OWASP's
 * recommended minimum) and a 16-byte salt from getrandom; the encoded
 * hash ($argon2id$v=19$m=…) carries its parameters, so they can be
 * raised later without invalidating stored hashes.
 */
#include <argon2.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "accounts.h"
#include "input.h"
#include "lazy.h"

#define HASH_T 2
#define HASH_M (19 * 1024)
#define HASH_P 1
#define HASH_LEN 32
#define SALT_LEN 16

static const char *const role_keys[XXGK_ROLE_COUNT] = {"clerk", "head", "supervisor", "admin"};
static const char *const role_texts[XXGK_ROLE_COUNT] = {"经办人", "负责人", "监督人员", "管理员"};

static const char *const perm_keys[XXGK_PERM_COUNT] = {
    "check",          "cases.read",    "cases.write",  "extension.approve",
    "report.write",   "report.submit", "desk.read",    "users.manage",
    "bodies.manage",  "calendar.manage", "audit.read"};

/* Which role has which permission: a row per role, in xxgk_role order. */
#define P(x) (1u << XXGK_PERM_##x)
static const unsigned role_perms[XXGK_ROLE_COUNT] = {
    /* clerk */ P(CHECK) | P(CASES_READ) | P(CASES_WRITE) | P(REPORT_WRITE),
    /* head */ P(CHECK) | P(CASES_READ) | P(CASES_WRITE) | P(EXTENSION_APPROVE) |
        P(REPORT_WRITE) | P(REPORT_SUBMIT),
    /* supervisor */ P(CHECK) | P(CASES_READ) | P(DESK_READ),
    /* admin */ P(CHECK) | P(USERS_MANAGE) | P(BODIES_MANAGE) | P(CALENDAR_MANAGE) |
        P(AUDIT_READ),
};
#undef P

const char *xxgk_role_key(xxgk_role role)
{
    return (unsigned)role < XXGK_ROLE_COUNT ? role_keys[role] : "";
}

const char *xxgk_role_text(xxgk_role role)
{
    return (unsigned)role < XXGK_ROLE_COUNT ? role_texts[role] : "";
}

bool xxgk_role_find(const char *key, xxgk_role *out)
{
    for (int i = 0; key && i < XXGK_ROLE_COUNT; i++)
        if (!strcmp(key, role_keys[i]) || !strcmp(key, role_texts[i])) {
            *out = (xxgk_role)i;
            return true;
        }
    return false;
}

const char *xxgk_permission_key(xxgk_permission perm)
{
    return (unsigned)perm < XXGK_PERM_COUNT ? perm_keys[perm] : "";
}

bool xxgk_role_can(xxgk_role role, xxgk_permission perm)
{
    return (unsigned)role < XXGK_ROLE_COUNT && (unsigned)perm < XXGK_PERM_COUNT &&
           (role_perms[role] >> perm & 1u);
}

/* ---- passwords -------------------------------------------------------- */

/* The encoded argon2id hash of `password` into out. */
static xxgk_status hash_password(const char *password, char *out, size_t size, xxgk_error *err)
{
    if (!lazy_load(&lazy_argon2_lib, err))
        return err->status;
    uint8_t salt[SALT_LEN];
    if (getrandom(salt, sizeof salt, 0) != (ssize_t)sizeof salt)
        return error_set(err, XXGK_E_IO, "系统没有提供随机数");
    int rc = argon2id_hash_encoded(HASH_T, HASH_M, HASH_P, password, strlen(password), salt,
                                   sizeof salt, HASH_LEN, out, size);
    if (rc != ARGON2_OK)
        return error_set(err, XXGK_E_NOMEM, "无法计算密码散列：%s", argon2_error_message(rc));
    return XXGK_OK;
}

static xxgk_status check_password_rules(const char *password, xxgk_error *err)
{
    if (!password)
        return error_set(err, XXGK_E_USAGE, "没有给出密码");
    size_t chars = 0;
    for (const char *p = password; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    if (chars < XXGK_PASSWORD_MIN)
        return error_set(err, XXGK_E_USAGE, "密码至少 %d 个字符", XXGK_PASSWORD_MIN);
    if (strlen(password) > 256)
        return error_set(err, XXGK_E_USAGE, "密码过长（至多 256 字节）");
    return XXGK_OK;
}

/* ---- users ------------------------------------------------------------- */

static bool text_ok(const char *s, size_t max)
{
    return s && *s && strlen(s) <= max && !strpbrk(s, "\r\n\t");
}

xxgk_status xxgk_user_add(xxgk_store *s, const char *name, xxgk_role role, const char *body,
                          const char *region, const char *password, const char *who,
                          int64_t *id, xxgk_error *err)
{
    if (!s || s->read_only)
        return error_set(err, XXGK_E_USAGE, "数据库以只读方式打开");
    if (!text_ok(name, 64))
        return error_set(err, XXGK_E_USAGE, "用户名须为 1–64 字节、不含换行和制表符");
    if ((unsigned)role >= XXGK_ROLE_COUNT)
        return error_set(err, XXGK_E_USAGE, "未知角色");
    bool needs_body = role == XXGK_ROLE_CLERK || role == XXGK_ROLE_HEAD;
    if (needs_body && !text_ok(body, 200))
        return error_set(err, XXGK_E_USAGE, "%s须指定所属机关（--body）", xxgk_role_text(role));
    if (role == XXGK_ROLE_SUPERVISOR && !text_ok(region, 200))
        return error_set(err, XXGK_E_USAGE, "监督人员须指定所监督的地区（--region，名册中的“上级”）");
    xxgk_status st = check_password_rules(password, err);
    if (st != XXGK_OK)
        return st;
    char hash[160], now[32];
    if ((st = hash_password(password, hash, sizeof hash, err)) != XXGK_OK)
        return st;
    sqlite3_stmt *q = acct_prepare(
        s, "INSERT INTO app_user(name, role, body, region, hash, created) VALUES(?,?,?,?,?,?)",
        err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, xxgk_role_key(role), -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, needs_body ? body : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 4, role == XXGK_ROLE_SUPERVISOR ? region : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 5, hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 6, acct_now(now, sizeof now), -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc == SQLITE_CONSTRAINT)
        return error_set(err, XXGK_E_USAGE, "用户名“%s”已存在", name);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, "添加用户");
    if (id)
        *id = sqlite3_last_insert_rowid(s->db);
    char detail[512];
    snprintf(detail, sizeof detail, "角色 %s%s%s", xxgk_role_key(role),
             needs_body ? "，机关 " : role == XXGK_ROLE_SUPERVISOR ? "，地区 " : "",
             needs_body ? body : role == XXGK_ROLE_SUPERVISOR ? region : "");
    return xxgk_audit_add(s, who ? who : "", "", "user.add", name, detail, err);
}

/* Runs an UPDATE of one user by name; XXGK_E_USAGE when there is none. */
static xxgk_status update_user(xxgk_store *s, sqlite3_stmt *q, const char *name, xxgk_error *err)
{
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, "修改用户");
    if (sqlite3_changes(s->db) == 0)
        return error_set(err, XXGK_E_USAGE, "没有用户“%s”", name);
    return XXGK_OK;
}

xxgk_status xxgk_user_set_password(xxgk_store *s, const char *name, const char *password,
                                   const char *who, xxgk_error *err)
{
    char hash[160];
    xxgk_status st = check_password_rules(password, err);
    if (st == XXGK_OK)
        st = hash_password(password, hash, sizeof hash, err);
    if (st != XXGK_OK)
        return st;
    sqlite3_stmt *q = acct_prepare(s, "UPDATE app_user SET hash = ?2 WHERE name = ?1", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, hash, -1, SQLITE_STATIC);
    if ((st = update_user(s, q, name, err)) != XXGK_OK)
        return st;
    return xxgk_audit_add(s, who ? who : "", "", "user.password", name, "", err);
}

xxgk_status xxgk_user_set_disabled(xxgk_store *s, const char *name, bool disabled,
                                   const char *who, xxgk_error *err)
{
    sqlite3_stmt *q = acct_prepare(s, "UPDATE app_user SET disabled = ?2 WHERE name = ?1", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 2, disabled);
    xxgk_status st = update_user(s, q, name, err);
    if (st == XXGK_OK && disabled) { /* a disabled user is logged out at once */
        sqlite3_stmt *d = acct_prepare(
            s, "DELETE FROM app_session WHERE user_id = (SELECT id FROM app_user WHERE name = ?)",
            err);
        if (!d)
            return XXGK_E_IO;
        sqlite3_bind_text(d, 1, name, -1, SQLITE_STATIC);
        st = acct_run(s, d, "注销会话", err);
    }
    if (st != XXGK_OK)
        return st;
    return xxgk_audit_add(s, who ? who : "", "", disabled ? "user.disable" : "user.enable", name,
                          "", err);
}

#define USER_COLS "id, name, role, body, region, disabled, created"

/* The user of the current row (columns USER_COLS), pointing into it. */
static void user_of_row(sqlite3_stmt *q, xxgk_user *u)
{
    u->id = sqlite3_column_int64(q, 0);
    u->name = acct_text(q, 1);
    if (!xxgk_role_find(acct_text(q, 2), &u->role))
        u->role = XXGK_ROLE_CLERK;
    u->body = acct_text(q, 3);
    u->region = acct_text(q, 4);
    u->disabled = sqlite3_column_int(q, 5) != 0;
    u->created = acct_text(q, 6);
}

xxgk_status xxgk_user_list(xxgk_store *s, xxgk_user_fn fn, void *ctx, xxgk_error *err)
{
    sqlite3_stmt *q = acct_prepare(s, "SELECT " USER_COLS " FROM app_user ORDER BY name", err);
    if (!q)
        return XXGK_E_IO;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        xxgk_user u;
        user_of_row(q, &u);
        if (fn(ctx, &u))
            break;
    }
    sqlite3_finalize(q);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? XXGK_OK : store_fail(s, err, "读取用户");
}

/* A copy of the user of the current row, in one allocation. */
static xxgk_user *user_copy(sqlite3_stmt *q)
{
    xxgk_user u;
    user_of_row(q, &u);
    size_t n[4] = {strlen(u.name) + 1, strlen(u.body) + 1, strlen(u.region) + 1,
                   strlen(u.created) + 1};
    xxgk_user *c = malloc(sizeof *c + n[0] + n[1] + n[2] + n[3]);
    if (!c)
        return NULL;
    *c = u;
    char *p = (char *)(c + 1);
    c->name = memcpy(p, u.name, n[0]);
    c->body = memcpy(p += n[0], u.body, n[1]);
    c->region = memcpy(p += n[1], u.region, n[2]);
    c->created = memcpy(p += n[2], u.created, n[3]);
    return c;
}

void xxgk_user_free(xxgk_user *user)
{
    free(user);
}

xxgk_status xxgk_user_get(xxgk_store *s, int64_t id, xxgk_user **out, xxgk_error *err)
{
    *out = NULL;
    sqlite3_stmt *q = acct_prepare(s, "SELECT " USER_COLS " FROM app_user WHERE id = ?", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        *out = user_copy(q);
    sqlite3_finalize(q);
    if (rc == SQLITE_ROW)
        return *out ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
    if (rc != SQLITE_DONE)
        return store_fail(s, err, "读取用户");
    return error_set(err, XXGK_E_USAGE, "没有编号为 %lld 的用户", (long long)id);
}

/* A hash of a password nobody has, verified when the name is unknown so
 * that an unknown name takes as long as a wrong password. */
static char dummy[160];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy(void)
{
    uint8_t salt[SALT_LEN] = {0};
    argon2id_hash_encoded(HASH_T, HASH_M, HASH_P, "-", 1, salt, sizeof salt, HASH_LEN, dummy,
                          sizeof dummy);
}

static const char *dummy_hash(void)
{
    pthread_once(&dummy_once, make_dummy);
    return dummy;
}

xxgk_status xxgk_user_login(xxgk_store *s, const char *name, const char *password,
                            xxgk_user **out, xxgk_error *err)
{
    *out = NULL;
    if (!name || !password || strlen(password) > 256)
        return error_set(err, XXGK_E_USAGE, "用户名或密码不正确");
    if (!lazy_load(&lazy_argon2_lib, err))
        return err->status;
    sqlite3_stmt *q = acct_prepare(s, "SELECT " USER_COLS ", hash FROM app_user WHERE name = ?",
                                   err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        sqlite3_finalize(q);
        return store_fail(s, err, "读取用户");
    }
    const char *hash = rc == SQLITE_ROW ? acct_text(q, 7) : dummy_hash();
    bool ok = argon2id_verify(hash, password, strlen(password)) == ARGON2_OK;
    if (ok && rc == SQLITE_ROW && sqlite3_column_int(q, 5) == 0)
        *out = user_copy(q);
    else
        ok = false;
    sqlite3_finalize(q);
    if (!ok)
        return error_set(err, XXGK_E_USAGE, "用户名或密码不正确");
    return *out ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
}

/* Whether the roster lists `body` under `region` (its 上级). */
static bool roster_under(xxgk_store *s, const char *body, const char *region)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT 1 FROM body WHERE parent = ?2 AND (name = ?1 OR"
                           " instr('；' || aliases || '；', '；' || ?1 || '；') > 0)",
                           -1, &q, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(q, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, region, -1, SQLITE_STATIC);
    bool yes = sqlite3_step(q) == SQLITE_ROW;
    sqlite3_finalize(q);
    return yes;
}

bool xxgk_user_covers_body(xxgk_store *s, const xxgk_user *u, const char *body)
{
    if (!u || !body || !*body || u->disabled)
        return false;
    switch (u->role) {
    case XXGK_ROLE_CLERK:
    case XXGK_ROLE_HEAD:
        return !strcmp(u->body, body);
    case XXGK_ROLE_SUPERVISOR:
        return !strcmp(u->region, body) || roster_under(s, body, u->region);
    default:
        return false;
    }
}
