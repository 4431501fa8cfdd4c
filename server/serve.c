/*
 * serve.c — `xxgk serve`: the HTTP server (libmicrohttpd), a request's
 * life from its first byte to its response, the routes, and the pool of
 * database connections the request threads share.
 *
 * A request body is collected up to its limit (an upload 20 MB, any
 * other form 1 MB: a larger one is refused with 413 before it is read),
 * then parsed by parse.c. Every response carries the security headers
 * (one place: add_headers). No path of a request reaches the file
 * system: static files are compiled in (assets.c).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server.h"

/* ---- the connection pool ---------------------------------------------- */

/* A database connection for one request: a free one, a new one while
 * fewer than handles_max exist, else the next one freed. */
static handle *pool_get(srv *s, xxgk_error *err)
{
    pthread_mutex_lock(&s->lock);
    while (!s->free_handles && s->handles_made >= s->handles_max)
        pthread_cond_wait(&s->freed, &s->lock);
    handle *h = s->free_handles;
    if (h) {
        s->free_handles = h->next;
        pthread_mutex_unlock(&s->lock);
        return h;
    }
    s->handles_made++;
    pthread_mutex_unlock(&s->lock);
    h = calloc(1, sizeof *h);
    if (h && xxgk_register_open(s->db, false, &h->reg, err) == XXGK_OK) {
        h->store = xxgk_register_store(h->reg);
        if (s->today_override)
            xxgk_register_set_today(h->reg, (xxgk_date)s->today_override);
        return h;
    }
    free(h);
    pthread_mutex_lock(&s->lock);
    s->handles_made--;
    pthread_cond_signal(&s->freed);
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

static void pool_put(srv *s, handle *h)
{
    if (!h)
        return;
    pthread_mutex_lock(&s->lock);
    h->next = s->free_handles;
    s->free_handles = h;
    pthread_cond_signal(&s->freed);
    pthread_mutex_unlock(&s->lock);
}

static void pool_close(srv *s)
{
    while (s->free_handles) {
        handle *h = s->free_handles;
        s->free_handles = h->next;
        xxgk_register_close(h->reg);
        free(h);
    }
}

xxgk_date srv_today(const req *r)
{
    return r->h ? xxgk_register_today(r->h->reg) : xxgk_date_today();
}

int today_year(const req *r)
{
    int y = 0, m = 0, d = 0;
    xxgk_date_split(srv_today(r), &y, &m, &d);
    return y;
}

/* ---- a request's life --------------------------------------------------- */

/* What MHD keeps per request between its calls. */
typedef struct pending {
    char *data;
    size_t len, cap, limit;
    bool too_large;
} pending;

static void add_headers(struct MHD_Response *resp, const req *r)
{
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'none'; script-src 'self'; style-src 'self'; "
                            "img-src 'self'; connect-src 'self'; form-action 'self'; "
                            "frame-ancestors 'none'; base-uri 'none'");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
    MHD_add_response_header(resp, "Cache-Control",
                            r->cacheable ? "public, max-age=3600" : "no-store");
    if (r->type)
        MHD_add_response_header(resp, "Content-Type", r->type);
    if (r->location[0])
        MHD_add_response_header(resp, "Location", r->location);
    if (r->disposition[0])
        MHD_add_response_header(resp, "Content-Disposition", r->disposition);
    if (r->set_cookie[0])
        MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
}

static enum MHD_Result send_response(req *r)
{
    struct MHD_Response *resp;
    if (r->body) {
        resp = MHD_create_response_from_buffer(r->body_len, r->body, MHD_RESPMEM_MUST_FREE);
        r->body = NULL;
    } else {
        if (r->out.failed) {
            hb_free(&r->out);
            r->status = 500;
            r->type = "text/plain; charset=utf-8";
            hb_raw(&r->out, "内存不足\n");
        }
        resp = MHD_create_response_from_buffer(r->out.len, r->out.s ? r->out.s : (char *)"",
                                               MHD_RESPMEM_MUST_COPY);
    }
    if (!resp)
        return MHD_NO;
    add_headers(resp, r);
    enum MHD_Result ok = MHD_queue_response(r->conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

/* The static file named by the path after /static/. */
static void serve_static(req *r, const char *name)
{
    size_t len;
    const char *type;
    const char *data = asset_find(name, &len, &type);
    if (!data) {
        respond_error(r, 404, "没有这个文件");
        return;
    }
    r->type = type;
    r->cacheable = true;
    hb_rawn(&r->out, data, len);
}

/* /cases/123 and /cases/123/ACTION */
static bool case_route(req *r)
{
    const char *p = r->path + strlen("/cases/");
    char *end;
    long long id = strtoll(p, &end, 10);
    if (end == p || id <= 0)
        return false;
    if (*end == '\0') {
        page_case(r, id, NULL);
        return true;
    }
    if (*end == '/' && end[1] && !strchr(end + 1, '/')) {
        page_case(r, id, end + 1);
        return true;
    }
    return false;
}

static void route(req *r)
{
    const char *p = r->path;
    bool post = !strcmp(r->method, "POST");
    if (!strncmp(p, "/static/", 8) && !post) {
        serve_static(r, p + 8);
        return;
    }
    if (post && strcmp(p, "/login") != 0 && !auth_csrf_ok(r)) {
        respond_error(r, 403, "表单缺少有效的防伪令牌（CSRF），请刷新页面后重试");
        return;
    }
    if (!strcmp(p, "/favicon.ico")) {
        r->status = 204; /* no icon; spares the browser's console a 404 */
        r->cacheable = true;
    } else if (!strcmp(p, "/"))
        page_home(r);
    else if (!strcmp(p, "/login"))
        page_login(r);
    else if (!strcmp(p, "/logout") && post)
        page_logout(r);
    else if (!strcmp(p, "/check"))
        page_check(r);
    else if (!strcmp(p, "/rules"))
        page_rules(r);
    else if (!strcmp(p, "/write"))
        page_write(r);
    else if (!strcmp(p, "/write/check") && post)
        page_write_check(r);
    else if (!strcmp(p, "/write/download"))
        page_write_download(r);
    else if (!strcmp(p, "/cases"))
        page_cases(r);
    else if (!strcmp(p, "/cases/new"))
        page_case_new(r);
    else if (!strcmp(p, "/cases/tables"))
        page_case_tables(r);
    else if (!strncmp(p, "/cases/", 7) && case_route(r))
        ;
    else if (!strcmp(p, "/desk"))
        page_desk(r);
    else if (!strncmp(p, "/desk/", 6) && !post)
        page_desk_file(r, p + 6);
    else if (!strcmp(p, "/admin"))
        page_admin(r);
    else if (!strcmp(p, "/admin/audit"))
        page_audit(r);
    else
        respond_error(r, 404, "没有这个页面");
}

static void client_address(req *r)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(r->address, sizeof r->address, "?");
    if (!ci || !ci->client_addr)
        return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, r->address,
                  sizeof r->address);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
                  r->address, sizeof r->address);
}

/* Collects the query's fields (MHD decodes them). */
static enum MHD_Result add_query(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value)
{
    (void)kind;
    form *f = cls;
    if (!key || f->n >= 64)
        return MHD_YES;
    /* parse.c copies; an urlencoded body of one field is the easy way */
    size_t kl = strlen(key), vl = value ? strlen(value) : 0;
    if (kl > FORM_MAX_NAME || vl > 4096)
        return MHD_YES;
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 8;
        form_field *v = realloc(f->v, cap * sizeof *v);
        if (!v)
            return MHD_YES;
        f->v = v;
        f->cap = cap;
    }
    form_field *d = &f->v[f->n];
    memset(d, 0, sizeof *d);
    d->name = strdup(key);
    d->value = strdup(value ? value : "");
    d->len = vl;
    if (!d->name || !d->value) {
        free(d->name);
        free(d->value);
        return MHD_YES;
    }
    f->n++;
    return MHD_YES;
}

/* Handles a request whose body (if any) is in full. */
static enum MHD_Result handle_request(srv *s, struct MHD_Connection *conn, const char *url,
                                      const char *method, pending *pd)
{
    req r;
    memset(&r, 0, sizeof r);
    r.server = s;
    r.conn = conn;
    r.method = method;
    r.status = 200;
    client_address(&r);
    char path[1024];
    snprintf(path, sizeof path, "%s", url);
    r.path = path;
    /* MHD hands over the path without the query; the query's fields: */
    const char *accept = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept");
    r.wants_json = accept && strstr(accept, "application/json");
    enum MHD_Result ok;
    if (pd->too_large) {
        respond_error(&r, 413, "上传的内容超过大小限制（文件至多 20 MB）");
        ok = send_response(&r);
        hb_free(&r.out);
        return ok;
    }
    r.query = "";
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_query, &r.query_form);
    const char *ctype = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
    r.body_parsed_ok = true;
    if (pd->len && ctype && !strncasecmp(ctype, "multipart/form-data", 19))
        r.body_parsed_ok = form_parse_multipart(&r.body_form, ctype, pd->data, pd->len) == 0;
    else if (pd->len)
        r.body_parsed_ok = form_parse_urlencoded(&r.body_form, pd->data, pd->len) == 0;
    xxgk_error err = {0};
    r.h = pool_get(s, &err);
    if (!r.h) {
        respond_error(&r, 503, err.message[0] ? err.message : "无法打开数据库");
    } else if (!r.body_parsed_ok) {
        respond_error(&r, 400, "请求内容格式不对");
    } else {
        auth_load(&r);
        route(&r);
    }
    ok = send_response(&r);
    pool_put(s, r.h);
    xxgk_user_free(r.user);
    form_free(&r.query_form);
    form_free(&r.body_form);
    hb_free(&r.out);
    free(r.body);
    return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **con_cls)
{
    (void)version;
    srv *s = cls;
    pending *pd = *con_cls;
    if (!pd) {
        if (strcmp(method, "GET") && strcmp(method, "POST") && strcmp(method, "HEAD"))
            return MHD_NO;
        pd = calloc(1, sizeof *pd);
        if (!pd)
            return MHD_NO;
        const char *ctype = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
        pd->limit = ctype && !strncasecmp(ctype, "multipart/form-data", 19) ? SRV_MAX_UPLOAD
                                                                            : SRV_MAX_FORM;
        const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
        if (cl && strtoull(cl, NULL, 10) > pd->limit + 4096)
            pd->too_large = true;
        *con_cls = pd;
        return MHD_YES;
    }
    if (*upload_size) {
        if (!pd->too_large && pd->len + *upload_size <= pd->limit + 4096) {
            if (pd->len + *upload_size + 1 > pd->cap) {
                size_t cap = pd->cap ? pd->cap : 16384;
                while (cap < pd->len + *upload_size + 1)
                    cap *= 2;
                char *d = realloc(pd->data, cap);
                if (!d)
                    return MHD_NO;
                pd->data = d;
                pd->cap = cap;
            }
            memcpy(pd->data + pd->len, upload_data, *upload_size);
            pd->len += *upload_size;
        } else {
            pd->too_large = true;
        }
        *upload_size = 0;
        return MHD_YES;
    }
    /* the whole request is here */
    return handle_request(s, conn, url, method, pd);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)conn;
    (void)toe;
    pending *pd = *con_cls;
    if (pd) {
        free(pd->data);
        free(pd);
        *con_cls = NULL;
    }
}

/* ---- xxgk serve ------------------------------------------------------------ */

static const char usage[] =
    "用法: xxgk serve [--db FILE] [--listen 地址:端口] [--idle 秒数] [--secure-cookie]\n"
    "\n"
    "启动网页界面：检查报告、编写年报、申请登记簿、审核台、规则目录。\n"
    "  --db FILE        数据库文件（默认 xxgk.db；不存在时新建）\n"
    "  --listen A:P     监听的地址和端口（默认 127.0.0.1:8080；端口 0 由系统选择，\n"
    "                   实际地址打印在标准输出的第一行）\n"
    "  --idle 秒数      会话闲置多久后失效（默认 1800）\n"
    "  --secure-cookie  会话 cookie 加 Secure（经 HTTPS 反向代理提供服务时使用）\n"
    "\n"
    "用户用 xxgk user add 建立。Ctrl-C 停止。\n";

/* Binds a listening socket to "host:port" ("[::1]:8080" for IPv6). */
static int listen_on(const char *spec, char *shown, size_t size)
{
    char host[128];
    const char *colon = strrchr(spec, ':');
    if (!colon || (size_t)(colon - spec) >= sizeof host)
        return -1;
    memcpy(host, spec, (size_t)(colon - spec));
    host[colon - spec] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || port < 0 || port > 65535)
        return -1;
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    socklen_t len;
    int family;
    size_t hl = strlen(host);
    if (hl > 2 && host[0] == '[' && host[hl - 1] == ']') {
        host[hl - 1] = '\0';
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
        if (inet_pton(AF_INET6, host + 1, &a->sin6_addr) != 1)
            return -1;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((uint16_t)port);
        len = sizeof *a;
        family = AF_INET6;
    } else {
        struct sockaddr_in *a = (struct sockaddr_in *)&ss;
        if (inet_pton(AF_INET, !strcmp(host, "localhost") ? "127.0.0.1" : host,
                      &a->sin_addr) != 1)
            return -1;
        a->sin_family = AF_INET;
        a->sin_port = htons((uint16_t)port);
        len = sizeof *a;
        family = AF_INET;
    }
    int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    if (fd < 0)
        return -2;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&ss, len) != 0 || listen(fd, 128) != 0) {
        close(fd);
        return -2;
    }
    len = sizeof ss;
    getsockname(fd, (struct sockaddr *)&ss, &len);
    char addr[64];
    if (family == AF_INET6) {
        inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, addr, sizeof addr);
        snprintf(shown, size, "http://[%s]:%u/", addr,
                 ntohs(((struct sockaddr_in6 *)&ss)->sin6_port));
    } else {
        inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, addr, sizeof addr);
        snprintf(shown, size, "http://%s:%u/", addr, ntohs(((struct sockaddr_in *)&ss)->sin_port));
    }
    return fd;
}

/* A private directory for the files the library writes by name. */
static bool make_tmpdir(srv *s)
{
    const char *base = getenv("TMPDIR");
    snprintf(s->tmpdir, sizeof s->tmpdir, "%s/xxgk-serve-XXXXXX", base && *base ? base : "/tmp");
    return mkdtemp(s->tmpdir) != NULL;
}

static int serve_usage_error(const char *fmt, const char *what)
{
    fprintf(stderr, "xxgk serve: ");
    fprintf(stderr, fmt, what);
    fprintf(stderr, "\n请运行 “xxgk serve --help” 查看用法。\n");
    return 2;
}

int serve_main(int argc, char **argv)
{
    srv s;
    memset(&s, 0, sizeof s);
    s.db = "xxgk.db";
    s.idle = 1800;
    s.handles_max = 8;
    const char *listen_spec = "127.0.0.1:8080";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return fflush(stdout) == 0 ? 0 : 2;
        }
        if (!strcmp(a, "--secure-cookie")) {
            s.secure_cookie = true;
            continue;
        }
        const char **dst = !strcmp(a, "--db") ? &s.db : !strcmp(a, "--listen") ? &listen_spec : NULL;
        if (dst || !strcmp(a, "--idle")) {
            if (i + 1 >= argc)
                return serve_usage_error("%s 后缺少值", a);
            if (dst) {
                *dst = argv[++i];
            } else {
                char *end;
                long v = strtol(argv[++i], &end, 10);
                if (*end || v < 1 || v > 86400 * 30)
                    return serve_usage_error("--idle 须为 1 到 2592000 之间的秒数：%s", argv[i]);
                s.idle = v;
            }
            continue;
        }
        return serve_usage_error("未知选项 “%s”", a);
    }
    const char *today = getenv("XXGK_TODAY");
    xxgk_date d;
    if (today && *today) {
        if (!xxgk_date_parse(today, &d))
            return serve_usage_error("XXGK_TODAY 不是 YYYY-MM-DD 日期：%s", today);
        s.today_override = d;
    }
    char why[512];
    if (!mhd_load(why, sizeof why)) {
        fprintf(stderr, "xxgk: %s\n", why);
        return 2;
    }
    /* the store is opened (and created or upgraded) once before serving */
    xxgk_error err = {0};
    xxgk_register *probe;
    if (xxgk_register_open(s.db, false, &probe, &err) != XXGK_OK) {
        fprintf(stderr, "xxgk: %s\n", err.message);
        return 2;
    }
    xxgk_register_close(probe);
    char shown[128];
    int fd = listen_on(listen_spec, shown, sizeof shown);
    if (fd == -1)
        return serve_usage_error("--listen 须为 地址:端口（如 127.0.0.1:8080）：%s", listen_spec);
    if (fd < 0) {
        fprintf(stderr, "xxgk: %s: 无法监听（%s）\n", listen_spec, strerror(errno));
        return 2;
    }
    if (!make_tmpdir(&s)) {
        fprintf(stderr, "xxgk: 无法建立临时目录（%s）\n", strerror(errno));
        close(fd);
        return 2;
    }
    pthread_mutex_init(&s.lock, NULL);
    pthread_cond_init(&s.freed, NULL);
    /* SIGINT and SIGTERM are waited for below; the threads never see them */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    struct MHD_Daemon *daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL |
            MHD_USE_ERROR_LOG,
        0, NULL, NULL, on_request, &s, MHD_OPTION_LISTEN_SOCKET, fd,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned)256, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024), MHD_OPTION_END);
    if (!daemon) {
        fprintf(stderr, "xxgk: 无法启动网页服务\n");
        close(fd);
        rmdir(s.tmpdir);
        return 2;
    }
    printf("xxgk serve: 正在监听 %s（数据库 %s）\n", shown, s.db);
    fflush(stdout);
    int sig = 0;
    sigwait(&sigs, &sig);
    fprintf(stderr, "xxgk serve: 停止\n");
    MHD_stop_daemon(daemon); /* closes the listening socket too */
    pool_close(&s);
    rmdir(s.tmpdir);
    pthread_cond_destroy(&s.freed);
    pthread_mutex_destroy(&s.lock);
    return 0;
}
