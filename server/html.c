/*
 * html.c — writing pages: a growable buffer where text is escaped unless
 * it is written raw on purpose, the frame every page shares (head,
 * navigation by permission, main), and the small responses (redirects,
 * errors, downloads) a handler gives.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

static void reserve(hbuf *b, size_t more)
{
    if (b->failed || b->len + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + more + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->failed = true;
        return;
    }
    b->s = s;
    b->cap = cap;
}

void hb_rawn(hbuf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (b->failed)
        return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void hb_raw(hbuf *b, const char *s)
{
    hb_rawn(b, s, strlen(s));
}

void hb_escn(hbuf *b, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *e = NULL;
        switch (s[i]) {
        case '&': e = "&amp;"; break;
        case '<': e = "&lt;"; break;
        case '>': e = "&gt;"; break;
        case '"': e = "&quot;"; break;
        case '\'': e = "&#39;"; break;
        default:
            /* control characters other than TAB and LF are dropped */
            if ((unsigned char)s[i] < 0x20 && s[i] != '\t' && s[i] != '\n')
                e = "";
        }
        if (e) {
            hb_rawn(b, s + start, i - start);
            hb_raw(b, e);
            start = i + 1;
        }
    }
    hb_rawn(b, s + start, n - start);
}

void hb_esc(hbuf *b, const char *s)
{
    if (s)
        hb_escn(b, s, strlen(s));
}

void hb_fmt(hbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *p = fmt, *start = fmt;
    char num[32];
    for (; *p; p++) {
        if (*p != '%')
            continue;
        hb_rawn(b, start, (size_t)(p - start));
        p++;
        switch (*p) {
        case 's': hb_esc(b, va_arg(ap, const char *)); break;
        case 'S': hb_raw(b, va_arg(ap, const char *)); break;
        case 'U': hb_url(b, va_arg(ap, const char *)); break;
        case 'd':
            snprintf(num, sizeof num, "%d", va_arg(ap, int));
            hb_raw(b, num);
            break;
        case 'D':
            snprintf(num, sizeof num, "%lld", (long long)va_arg(ap, int64_t));
            hb_raw(b, num);
            break;
        case '%': hb_raw(b, "%"); break;
        default: p--; break; /* a lone % at the end */
        }
        start = p + 1;
    }
    hb_rawn(b, start, (size_t)(p - start));
    va_end(ap);
}

void hb_url(hbuf *b, const char *s)
{
    static const char hexd[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '_' || *p == '.' || *p == '~') {
            hb_rawn(b, (const char *)p, 1);
        } else {
            char e[3] = {'%', hexd[*p >> 4], hexd[*p & 15]};
            hb_rawn(b, e, 3);
        }
    }
}

void hb_json(hbuf *b, const char *s)
{
    hb_raw(b, "\"");
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        char esc[8];
        if (*p == '"' || *p == '\\') {
            esc[0] = '\\';
            esc[1] = (char)*p;
            hb_rawn(b, esc, 2);
        } else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&') {
            snprintf(esc, sizeof esc, "\\u%04x", *p);
            hb_raw(b, esc);
        } else {
            hb_rawn(b, (const char *)p, 1);
        }
    }
    hb_raw(b, "\"");
}

void hb_free(hbuf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

/* ---- arguments ------------------------------------------------------------ */

const char *qarg(const req *r, const char *name)
{
    const char *v = form_get(&r->query_form, name);
    return v ? v : "";
}

const char *arg(const req *r, const char *name)
{
    const char *v = form_get(&r->body_form, name);
    return v ? v : qarg(r, name);
}

int arg_int(const req *r, const char *name, int fallback)
{
    const char *v = arg(r, name);
    char *end;
    long n = strtol(v, &end, 10);
    return *v && !*end && n > -100000000 && n < 100000000 ? (int)n : fallback;
}

/* ---- the frame -------------------------------------------------------------- */

/* The navigation: a link per page the user's permissions open. */
static void nav(req *r)
{
    hb_raw(&r->out, "<nav aria-label=\"主导航\"><ul>");
    hb_raw(&r->out, "<li><a href=\"/\">首页</a></li>");
    if (r->logged_in) {
        xxgk_role role = r->user->role;
        if (xxgk_role_can(role, XXGK_PERM_CHECK))
            hb_raw(&r->out, "<li><a href=\"/check\">检查报告</a></li>");
        if (xxgk_role_can(role, XXGK_PERM_REPORT_WRITE))
            hb_raw(&r->out, "<li><a href=\"/write\">编写年报</a></li>");
        if (xxgk_role_can(role, XXGK_PERM_CASES_READ))
            hb_raw(&r->out, "<li><a href=\"/cases\">申请登记簿</a></li>");
        if (xxgk_role_can(role, XXGK_PERM_DESK_READ))
            hb_raw(&r->out, "<li><a href=\"/desk\">审核台</a></li>");
        if (xxgk_role_can(role, XXGK_PERM_USERS_MANAGE))
            hb_raw(&r->out, "<li><a href=\"/admin\">管理</a></li>");
    }
    hb_raw(&r->out, "<li><a href=\"/rules\">规则目录</a></li></ul>");
    if (r->logged_in) {
        hb_fmt(&r->out, "<form class=\"who\" method=\"post\" action=\"/logout\">"
                        "<span>%s（%s%s%s）</span>",
               r->user->name, xxgk_role_text(r->user->role), *r->user->body ? "，" : "",
               r->user->body);
        csrf_field(r);
        hb_raw(&r->out, "<button type=\"submit\">退出</button></form>");
    }
    hb_raw(&r->out, "</nav>");
}

void page_begin(req *r, const char *title, bool script)
{
    r->type = "text/html; charset=utf-8";
    hb_raw(&r->out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    hb_fmt(&r->out, "<title>%s · 政府信息公开年报</title>\n", title);
    hb_raw(&r->out, "<link rel=\"stylesheet\" href=\"/static/style.css\">\n");
    if (script)
        hb_raw(&r->out, "<script src=\"/static/editor.js\" defer></script>\n");
    hb_raw(&r->out, "</head>\n<body>\n<a class=\"skip\" href=\"#main\">跳到正文</a>\n"
                    "<header><p class=\"site\">政府信息公开工作年度报告</p>");
    nav(r);
    hb_fmt(&r->out, "</header>\n<main id=\"main\">\n<h1>%s</h1>\n", title);
}

void page_end(req *r)
{
    hb_fmt(&r->out, "</main>\n<footer><p>xxgk %s</p></footer>\n</body>\n</html>\n",
           XXGK_VERSION);
}

void csrf_field(req *r)
{
    if (r->logged_in)
        hb_fmt(&r->out, "<input type=\"hidden\" name=\"_csrf\" value=\"%s\">", r->session.csrf);
}

void page_notice(req *r, const char *kind, const char *text)
{
    hb_fmt(&r->out, "<p class=\"notice %s\" role=\"%s\">%s</p>\n", kind,
           !strcmp(kind, "error") ? "alert" : "status", text);
}

/* ---- responses ------------------------------------------------------------------ */

void respond_redirect(req *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->location, sizeof r->location, fmt, ap);
    va_end(ap);
    r->status = 303;
    r->type = "text/plain; charset=utf-8";
    hb_raw(&r->out, "");
}

void respond_error(req *r, int status, const char *message)
{
    hb_free(&r->out);
    r->status = status;
    if (r->wants_json) {
        r->type = "application/json; charset=utf-8";
        hb_raw(&r->out, "{\"error\":");
        hb_json(&r->out, message);
        hb_fmt(&r->out, ",\"status\":%d}\n", status);
        return;
    }
    page_begin(r, status == 403 ? "没有权限" : status == 404 ? "找不到页面" : "无法完成", false);
    page_notice(r, "error", message);
    page_end(r);
}

void respond_bytes(req *r, const char *type, char *data, size_t len, const char *filename)
{
    r->status = 200;
    r->type = type;
    free(r->body);
    r->body = data;
    r->body_len = len;
    if (filename) {
        /* RFC 6266: an ASCII fallback and the UTF-8 name percent-encoded */
        size_t o = 0;
        o += (size_t)snprintf(r->disposition, sizeof r->disposition,
                              "attachment; filename=\"download\"; filename*=UTF-8''");
        for (const unsigned char *p = (const unsigned char *)filename;
             *p && o + 4 < sizeof r->disposition; p++) {
            if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' || *p == '_')
                r->disposition[o++] = (char)*p;
            else
                o += (size_t)snprintf(r->disposition + o, sizeof r->disposition - o, "%%%02X", *p);
        }
        r->disposition[o] = '\0';
    }
}
