/*
 * auth.c — who is asking: the session cookie, the CSRF token of every
 * POST, permissions checked per request, the login page and its rate
 * limit, and the audit of changes.
 *
 * The cookie is HttpOnly and SameSite=Strict; every login makes a new
 * session id (the library draws it from getrandom) and the old one is
 * ended. Failed logins are counted per user name and per address: after
 * LOCK_FAILURES for a name (LOCK_FAILURES_ADDRESS from one address, which
 * an office behind one gateway shares) within LOCK_WINDOW seconds further
 * attempts are refused with 429 until the window has passed, whatever
 * the password.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <microhttpd.h>

#include "server.h"

#define COOKIE "xxgk_session"
#define LOCK_FAILURES 5
#define LOCK_FAILURES_ADDRESS 20
#define LOCK_WINDOW 900

/* ---- the rate limit: a small table of recent failures ----------------- */

typedef struct failure {
    char key[200];       /* "u:NAME" or "a:ADDRESS" */
    int count;
    time_t since;
} failure;

static failure failures[512];
static pthread_mutex_t failures_lock = PTHREAD_MUTEX_INITIALIZER;

/* The entry of key (a new or expired one reused), with the lock held. */
static failure *failure_slot(const char *key, time_t now)
{
    failure *oldest = &failures[0];
    for (size_t i = 0; i < sizeof failures / sizeof failures[0]; i++) {
        failure *f = &failures[i];
        if (!strcmp(f->key, key))
            return f;
        if (f->since < oldest->since)
            oldest = f;
    }
    (void)now;
    snprintf(oldest->key, sizeof oldest->key, "%s", key);
    oldest->count = 0;
    oldest->since = 0;
    return oldest;
}

static bool locked_key(const char *key, time_t now, int limit)
{
    failure *f = failure_slot(key, now);
    if (now - f->since > LOCK_WINDOW) {
        f->count = 0;
        return false;
    }
    return f->count >= limit;
}

bool login_locked(const char *name, const char *address)
{
    char k1[200], k2[200];
    snprintf(k1, sizeof k1, "u:%s", name);
    snprintf(k2, sizeof k2, "a:%s", address);
    time_t now = time(NULL);
    pthread_mutex_lock(&failures_lock);
    bool locked = locked_key(k1, now, LOCK_FAILURES) || locked_key(k2, now, LOCK_FAILURES_ADDRESS);
    pthread_mutex_unlock(&failures_lock);
    return locked;
}

void login_failed(const char *name, const char *address)
{
    char keys[2][200];
    snprintf(keys[0], sizeof keys[0], "u:%s", name);
    snprintf(keys[1], sizeof keys[1], "a:%s", address);
    time_t now = time(NULL);
    pthread_mutex_lock(&failures_lock);
    for (int i = 0; i < 2; i++) {
        failure *f = failure_slot(keys[i], now);
        if (now - f->since > LOCK_WINDOW) {
            f->count = 0;
            f->since = now;
        }
        f->count++;
    }
    pthread_mutex_unlock(&failures_lock);
}

void login_succeeded(const char *name, const char *address)
{
    (void)address; /* an address shared by many users keeps its count */
    char k[200];
    snprintf(k, sizeof k, "u:%s", name);
    pthread_mutex_lock(&failures_lock);
    failure *f = failure_slot(k, time(NULL));
    f->count = 0;
    pthread_mutex_unlock(&failures_lock);
}

/* ---- sessions ------------------------------------------------------------ */

void auth_load(req *r)
{
    const char *cookies = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Cookie");
    char id[64];
    if (!cookie_get(cookies, COOKIE, id, sizeof id))
        return;
    xxgk_error err;
    if (xxgk_session_get(r->h->store, id, (int64_t)time(NULL), r->server->idle, &r->session,
                         &err) != XXGK_OK)
        return;
    if (xxgk_user_get(r->h->store, r->session.user_id, &r->user, &err) != XXGK_OK ||
        r->user->disabled) {
        xxgk_user_free(r->user);
        r->user = NULL;
        return;
    }
    r->logged_in = true;
}

/* Compares in time independent of where the strings differ. */
static bool same_token(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    unsigned diff = la != lb;
    for (size_t i = 0; i < la && i < lb; i++)
        diff |= (unsigned)(a[i] ^ b[i]);
    return diff == 0 && la > 0;
}

bool auth_csrf_ok(req *r)
{
    if (!r->logged_in)
        return false;
    const char *t = form_get(&r->body_form, "_csrf");
    if (!t)
        t = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "X-CSRF-Token");
    return t && same_token(t, r->session.csrf);
}

bool need(req *r, xxgk_permission perm)
{
    if (!r->logged_in) {
        if (r->wants_json || strcmp(r->method, "GET") != 0)
            respond_error(r, 401, "请先登录");
        else
            respond_redirect(r, "/login");
        return false;
    }
    if (!xxgk_role_can(r->user->role, perm)) {
        respond_error(r, 403, "您的角色没有这项权限");
        return false;
    }
    return true;
}

bool need_body(req *r, const char *body)
{
    if (xxgk_user_covers_body(r->h->store, r->user, body))
        return true;
    respond_error(r, 403, "您无权查看或处理这个机关的事务");
    return false;
}

void audit(req *r, const char *action, const char *object, const char *detail)
{
    xxgk_audit_add(r->h->store, r->logged_in ? r->user->name : "", r->address, action, object,
                   detail, NULL);
}

/* ---- login and logout ------------------------------------------------------ */

static void login_form(req *r, const char *name, const char *error)
{
    page_begin(r, "登录", false);
    if (error)
        page_notice(r, "error", error);
    hb_raw(&r->out, "<form method=\"post\" action=\"/login\" class=\"login\">"
                    "<p><label for=\"name\">用户名</label>");
    hb_fmt(&r->out, "<input id=\"name\" name=\"name\" autocomplete=\"username\" required "
                    "value=\"%s\"></p>", name ? name : "");
    hb_raw(&r->out, "<p><label for=\"password\">密码</label><input id=\"password\" "
                    "name=\"password\" type=\"password\" autocomplete=\"current-password\" "
                    "required></p><p><button type=\"submit\">登录</button></p></form>");
    page_end(r);
}

void page_login(req *r)
{
    if (strcmp(r->method, "POST") != 0) {
        login_form(r, NULL, NULL);
        return;
    }
    const char *name = arg(r, "name"), *password = arg(r, "password");
    if (login_locked(name, r->address)) {
        xxgk_audit_add(r->h->store, name, r->address, "login.locked", name, "", NULL);
        r->status = 429;
        login_form(r, name, "登录失败次数过多，请 15 分钟后再试");
        return;
    }
    xxgk_user *u = NULL;
    xxgk_error err;
    if (xxgk_user_login(r->h->store, name, password, &u, &err) != XXGK_OK) {
        login_failed(name, r->address);
        xxgk_audit_add(r->h->store, name, r->address, "login.failed", name, "", NULL);
        r->status = 401;
        login_form(r, name, "用户名或密码不正确");
        return;
    }
    login_succeeded(name, r->address);
    /* a new session every login; the one the browser had is ended */
    const char *cookies = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Cookie");
    char old[64];
    if (cookie_get(cookies, COOKIE, old, sizeof old))
        xxgk_session_end(r->h->store, old, NULL);
    xxgk_session s;
    if (xxgk_session_new(r->h->store, u->id, (int64_t)time(NULL), &s, &err) != XXGK_OK) {
        xxgk_user_free(u);
        respond_error(r, 500, err.message);
        return;
    }
    xxgk_audit_add(r->h->store, u->name, r->address, "login", u->name, "", NULL);
    snprintf(r->set_cookie, sizeof r->set_cookie, COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict%s",
             s.id, r->server->secure_cookie ? "; Secure" : "");
    xxgk_user_free(u);
    respond_redirect(r, "/");
}

void page_logout(req *r)
{
    if (r->logged_in) {
        audit(r, "logout", r->user->name, "");
        xxgk_session_end(r->h->store, r->session.id, NULL);
    }
    snprintf(r->set_cookie, sizeof r->set_cookie,
             COOKIE "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    respond_redirect(r, "/login");
}
