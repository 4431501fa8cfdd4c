/*
 * bench_serve.c — load test of xxgk serve over loopback: N clients (own
 * connections, keep-alive), each logged in, for S seconds, mixing reads
 * (the case list, a case page, the editor, the rule catalogue), case
 * updates (a new case, an edit of the client's own case) and uploads (a
 * report checked). Prints p50/p99 latency per kind and in all, and
 * requests per second. Fails (exit 1) on any error — a status other
 * than the one expected, a broken connection — and on a lost write:
 * afterwards every client's own case must show the last subject the
 * server confirmed, and the number of cases confirmed is printed for
 * bench/serve.sh to compare with the store.
 *
 *   bench_serve HOST PORT USER PASSWORD CLIENTS SECONDS REPORT_FILE
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { K_READ = 0, K_WRITE, K_UPLOAD, K_COUNT };
static const char *const kind_names[K_COUNT] = {"读取", "更新登记", "上传检查"};

static const char *host, *user, *password;
static int port, seconds;
static char *report;
static size_t report_len;
static atomic_int errors;

typedef struct client {
    int fd;
    char cookie[128], csrf[64];
    long long own_case;
    char last_subject[64];
    long long added;
    double *lat[K_COUNT];
    size_t nlat[K_COUNT], cap[K_COUNT];
    unsigned seed;
    int index;
} client;

typedef struct response {
    int status;
    char location[256], cookie[128];
    char *body;
    size_t len;
} response;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int dial(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, host, &a.sin_addr);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Reads one response (Content-Length framed). */
static int read_response(int fd, response *r)
{
    size_t cap = 65536, len = 0, body = 0; /* body: offset of the body, 0 before */
    char *buf = malloc(cap);
    long clen = -1;
    memset(r, 0, sizeof *r);
    for (;;) {
        if (len + 1 >= cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        ssize_t got = read(fd, buf + len, cap - len - 1);
        if (got <= 0) {
            free(buf);
            return -1;
        }
        len += (size_t)got;
        buf[len] = '\0';
        if (!body) {
            char *end = strstr(buf, "\r\n\r\n");
            if (!end)
                continue;
            body = (size_t)(end - buf) + 4;
            *end = '\0';
            sscanf(buf, "HTTP/1.1 %d", &r->status);
            for (char *line = strstr(buf, "\r\n"); line; line = strstr(line + 2, "\r\n")) {
                char *h = line + 2;
                if (!strncasecmp(h, "Content-Length:", 15))
                    clen = atol(h + 15);
                else if (!strncasecmp(h, "Location:", 9))
                    sscanf(h + 9, " %255[^\r]", r->location);
                else if (!strncasecmp(h, "Set-Cookie:", 11))
                    sscanf(h + 11, " %127[^;]", r->cookie);
            }
            *end = '\r';
        }
        if (clen >= 0 && len - body >= (size_t)clen) {
            r->len = (size_t)clen;
            r->body = malloc(r->len + 1);
            memcpy(r->body, buf + body, r->len);
            r->body[r->len] = '\0';
            free(buf);
            return 0;
        }
    }
}

/* One request on the client's connection (reconnecting once when the
 * server closed an idle one). */
static int request(client *c, const char *method, const char *path, const char *type,
                   const char *body, size_t blen, response *r)
{
    char head[1024];
    for (int attempt = 0; attempt < 2; attempt++) {
        if (c->fd < 0 && (c->fd = dial()) < 0)
            return -1;
        int n = snprintf(head, sizeof head,
                         "%s %s HTTP/1.1\r\nHost: %s\r\nCookie: %s\r\n%s%s%s"
                         "Content-Length: %zu\r\n\r\n",
                         method, path, host, c->cookie, type ? "Content-Type: " : "",
                         type ? type : "", type ? "\r\n" : "", blen);
        if (write_all(c->fd, head, (size_t)n) == 0 && (!blen || write_all(c->fd, body, blen) == 0) &&
            read_response(c->fd, r) == 0)
            return 0;
        close(c->fd);
        c->fd = -1;
    }
    return -1;
}

static void record(client *c, int kind, double t)
{
    if (c->nlat[kind] == c->cap[kind]) {
        c->cap[kind] = c->cap[kind] ? c->cap[kind] * 2 : 1024;
        c->lat[kind] = realloc(c->lat[kind], c->cap[kind] * sizeof(double));
    }
    c->lat[kind][c->nlat[kind]++] = t;
}

static void error(client *c, const char *what, int status)
{
    atomic_fetch_add(&errors, 1);
    if (atomic_load(&errors) <= 10)
        fprintf(stderr, "bench_serve: client %d: %s: HTTP %d\n", c->index, what, status);
}

/* A timed request expecting `want`; returns the response (body freed by
 * the caller) or status -1. */
static response timed(client *c, int kind, const char *method, const char *path, const char *type,
                      const char *body, size_t blen, int want)
{
    response r;
    double t0 = now();
    if (request(c, method, path, type, body, blen, &r) != 0)
        r.status = -1;
    record(c, kind, now() - t0);
    if (r.status != want)
        error(c, path, r.status);
    return r;
}

static void url_encode(const char *s, char *out)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            ch == '-' || ch == '_' || ch == '.') {
            *out++ = (char)ch;
        } else {
            *out++ = '%';
            *out++ = hex[ch >> 4];
            *out++ = hex[ch & 15];
        }
    }
    *out = '\0';
}

static int login(client *c)
{
    char body[512], u[200], p[200];
    url_encode(user, u);
    url_encode(password, p);
    int n = snprintf(body, sizeof body, "name=%s&password=%s", u, p);
    response r;
    if (request(c, "POST", "/login", "application/x-www-form-urlencoded", body, (size_t)n, &r) ||
        r.status != 303 || !r.cookie[0]) {
        free(r.body);
        return -1;
    }
    snprintf(c->cookie, sizeof c->cookie, "%s", r.cookie);
    free(r.body);
    if (request(c, "GET", "/", NULL, NULL, 0, &r) || r.status != 200) {
        free(r.body);
        return -1;
    }
    char *t = r.body ? strstr(r.body, "name=\"_csrf\" value=\"") : NULL;
    if (t)
        sscanf(t + 20, "%63[^\"]", c->csrf);
    free(r.body);
    return c->csrf[0] ? 0 : -1;
}

/* A new case; its id from the redirect. */
static long long add_case(client *c, const char *subject)
{
    char body[512], s[256];
    url_encode(subject, s);
    int n = snprintf(body, sizeof body,
                     "_csrf=%s&received=2024-10-08&channel=%%E5%%BD%%93%%E9%%9D%%A2"
                     "&applicant=natural&subject=%s",
                     c->csrf, s);
    response r = timed(c, K_WRITE, "POST", "/cases/new", "application/x-www-form-urlencoded", body,
                       (size_t)n, 303);
    long long id = 0;
    const char *slash = strrchr(r.location, '/');
    if (r.status == 303 && slash)
        id = atoll(slash + 1);
    free(r.body);
    if (id > 0)
        c->added++;
    return id;
}

static void edit_case(client *c, int round)
{
    char subject[64], s[256], body[512], path[64];
    snprintf(subject, sizeof subject, "负载%d-%d", c->index, round);
    url_encode(subject, s);
    int n = snprintf(body, sizeof body, "_csrf=%s&subject=%s", c->csrf, s);
    snprintf(path, sizeof path, "/cases/%lld/edit", c->own_case);
    response r = timed(c, K_WRITE, "POST", path, "application/x-www-form-urlencoded", body,
                       (size_t)n, 303);
    if (r.status == 303)
        snprintf(c->last_subject, sizeof c->last_subject, "%s", subject);
    free(r.body);
}

static void upload(client *c)
{
    static const char boundary[] = "----xxgkbench";
    size_t cap = report_len + 1024;
    char *body = malloc(cap);
    int n = snprintf(body, cap,
                     "--%s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n"
                     "--%s\r\nContent-Disposition: form-data; name=\"report\"; filename=\"r.txt\"\r\n"
                     "Content-Type: text/plain\r\n\r\n",
                     boundary, c->csrf, boundary);
    memcpy(body + n, report, report_len);
    size_t len = (size_t)n + report_len;
    len += (size_t)snprintf(body + len, cap - len, "\r\n--%s--\r\n", boundary);
    response r = timed(c, K_UPLOAD, "POST", "/check", "multipart/form-data; boundary=----xxgkbench",
                       body, len, 200);
    if (r.status == 200 && (!r.body || !strstr(r.body, "t3-outcome-total")))
        error(c, "check result without its finding", r.status);
    free(r.body);
    free(body);
}

static void read_page(client *c, int which)
{
    char path[64];
    const char *p = path;
    switch (which % 4) {
    case 0: p = "/cases?year=2024"; break;
    case 1: snprintf(path, sizeof path, "/cases/%lld", c->own_case); break;
    case 2: p = "/write?year=2024"; break;
    default: p = "/rules"; break;
    }
    response r = timed(c, K_READ, "GET", p, NULL, NULL, 0, 200);
    free(r.body);
}

static void *run(void *arg)
{
    client *c = arg;
    c->fd = -1;
    if (login(c) != 0) {
        error(c, "login", 0);
        return NULL;
    }
    char subject[64];
    snprintf(subject, sizeof subject, "负载%d-0", c->index);
    c->own_case = add_case(c, subject);
    snprintf(c->last_subject, sizeof c->last_subject, "%s", subject);
    double end = now() + seconds;
    for (int round = 1; now() < end; round++) {
        int dice = (int)(rand_r(&c->seed) % 100);
        if (dice < 60)
            read_page(c, dice);
        else if (dice < 75)
            edit_case(c, round);
        else if (dice < 92) {
            snprintf(subject, sizeof subject, "负载%d-新%d", c->index, round);
            add_case(c, subject);
        } else
            upload(c);
    }
    /* no lost write: the own case shows the last confirmed subject */
    char path[64];
    snprintf(path, sizeof path, "/cases/%lld", c->own_case);
    response r;
    if (request(c, "GET", path, NULL, NULL, 0, &r) != 0 || r.status != 200 || !r.body ||
        !strstr(r.body, c->last_subject))
        error(c, "lost write: the last confirmed edit is not shown", r.status);
    free(r.body);
    close(c->fd);
    return NULL;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report_line(const char *name, double *v, size_t n, double wall)
{
    if (!n)
        return;
    qsort(v, n, sizeof *v, by_value);
    printf("  %-10s %7zu 次  %8.1f 次/秒  p50 %7.1f ms  p99 %7.1f ms  最长 %7.1f ms\n", name, n,
           n / wall, v[n / 2] * 1000, v[(size_t)(n * 0.99)] * 1000, v[n - 1] * 1000);
}

int main(int argc, char **argv)
{
    if (argc != 8) {
        fprintf(stderr, "usage: bench_serve HOST PORT USER PASSWORD CLIENTS SECONDS REPORT\n");
        return 2;
    }
    host = argv[1];
    port = atoi(argv[2]);
    user = argv[3];
    password = argv[4];
    int nclients = atoi(argv[5]);
    seconds = atoi(argv[6]);
    FILE *f = fopen(argv[7], "rb");
    if (!f)
        return 2;
    fseek(f, 0, SEEK_END);
    report_len = (size_t)ftell(f);
    rewind(f);
    report = malloc(report_len);
    if (fread(report, 1, report_len, f) != report_len)
        return 2;
    fclose(f);
    client *cs = calloc((size_t)nclients, sizeof *cs);
    pthread_t *th = calloc((size_t)nclients, sizeof *th);
    double t0 = now();
    for (int i = 0; i < nclients; i++) {
        cs[i].index = i;
        cs[i].seed = (unsigned)i * 7919u + 1;
        pthread_create(&th[i], NULL, run, &cs[i]);
    }
    for (int i = 0; i < nclients; i++)
        pthread_join(th[i], NULL);
    double wall = now() - t0;
    size_t total = 0;
    long long added = 0;
    double *all = NULL;
    for (int k = 0; k < K_COUNT; k++) {
        size_t n = 0;
        for (int i = 0; i < nclients; i++)
            n += cs[i].nlat[k];
        double *v = malloc((n ? n : 1) * sizeof *v);
        all = realloc(all, (total + n + 1) * sizeof *all);
        n = 0;
        for (int i = 0; i < nclients; i++) {
            memcpy(v + n, cs[i].lat[k], cs[i].nlat[k] * sizeof *v);
            n += cs[i].nlat[k];
        }
        memcpy(all + total, v, n * sizeof *v);
        total += n;
        report_line(kind_names[k], v, n, wall);
        free(v);
    }
    for (int i = 0; i < nclients; i++)
        added += cs[i].added;
    report_line("全部", all, total, wall);
    printf("  %d 个客户端，%.1f 秒，共 %zu 次请求（%.1f 次/秒），错误 %d 个\n", nclients, wall, total,
           total / wall, atomic_load(&errors));
    printf("confirmed_cases %lld\n", added);
    free(all);
    return atomic_load(&errors) ? 1 : 0;
}
