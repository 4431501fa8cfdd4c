/*
 * parse.c — form bodies and cookies (parse.h). Every loop is bounded by
 * the input's length; every copy is sized from it; a malformed input is
 * refused as a whole, never half-read.
 */
#include "parse.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Appends a field whose name and value are copied (value: len bytes). */
static int add_field(form *f, const char *name, size_t nlen, const char *value, size_t vlen,
                     const char *filename, size_t flen)
{
    if (f->n >= FORM_MAX_FIELDS || nlen > FORM_MAX_NAME)
        return -1;
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 32;
        form_field *v = realloc(f->v, cap * sizeof *v);
        if (!v)
            return -1;
        f->v = v;
        f->cap = cap;
    }
    form_field *d = &f->v[f->n];
    memset(d, 0, sizeof *d);
    d->name = malloc(nlen + 1);
    d->value = malloc(vlen + 1);
    d->filename = filename ? malloc(flen + 1) : NULL;
    if (!d->name || !d->value || (filename && !d->filename)) {
        free(d->name);
        free(d->value);
        free(d->filename);
        return -1;
    }
    memcpy(d->name, name, nlen);
    d->name[nlen] = '\0';
    if (vlen)
        memcpy(d->value, value, vlen);
    d->value[vlen] = '\0';
    d->len = vlen;
    if (filename) {
        memcpy(d->filename, filename, flen);
        d->filename[flen] = '\0';
    }
    f->n++;
    return 0;
}

static int hex(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decodes s[0..n) (%XX and '+') into out (room for n bytes); returns
 * the decoded length, or -1 on a malformed escape. */
static long url_decode(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '+') {
            out[o++] = ' ';
        } else if (s[i] == '%') {
            if (i + 2 >= n)
                return -1;
            int a = hex((unsigned char)s[i + 1]), b = hex((unsigned char)s[i + 2]);
            if (a < 0 || b < 0)
                return -1;
            out[o++] = (char)(a << 4 | b);
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    return (long)o;
}

int form_parse_urlencoded(form *f, const char *data, size_t len)
{
    char *buf = malloc(len + 1);
    if (!buf)
        return -1;
    int rc = 0;
    size_t i = 0;
    while (rc == 0 && i < len) {
        size_t end = i;
        while (end < len && data[end] != '&')
            end++;
        if (end > i) {
            size_t eq = i;
            while (eq < end && data[eq] != '=')
                eq++;
            long nl = url_decode(data + i, eq - i, buf);
            char *name = NULL;
            if (nl >= 0 && (name = malloc((size_t)nl + 1)) != NULL)
                memcpy(name, buf, (size_t)nl);
            long vl = nl >= 0 && eq < end ? url_decode(data + eq + 1, end - eq - 1, buf) : 0;
            if (nl < 0 || !name || vl < 0)
                rc = -1;
            else
                rc = add_field(f, name, (size_t)nl, buf, (size_t)vl, NULL, 0);
            free(name);
        }
        i = end + 1;
    }
    free(buf);
    return rc;
}

/* Finds needle[0..nl) in h[0..hl); NULL when absent. */
static const char *find(const char *h, size_t hl, const char *needle, size_t nl)
{
    if (nl == 0 || hl < nl)
        return NULL;
    for (size_t i = 0; i + nl <= hl; i++)
        if (h[i] == needle[0] && !memcmp(h + i, needle, nl))
            return h + i;
    return NULL;
}

/* The value of parameter `key` (name="…" or name=token) in a header
 * line's text [p, end), into *v / *vl. */
static bool header_param(const char *p, const char *end, const char *key, const char **v,
                         size_t *vl)
{
    size_t kl = strlen(key);
    for (const char *q = p; q + kl + 1 <= end; q++) {
        if (strncasecmp(q, key, kl) != 0 || q[kl] != '=')
            continue;
        if (q > p && q[-1] != ' ' && q[-1] != ';' && q[-1] != '\t')
            continue;
        const char *s = q + kl + 1;
        if (s < end && *s == '"') {
            const char *e = memchr(s + 1, '"', (size_t)(end - s - 1));
            if (!e)
                return false;
            *v = s + 1;
            *vl = (size_t)(e - s - 1);
        } else {
            const char *e = s;
            while (e < end && *e != ';' && *e != ' ' && *e != '\t')
                e++;
            *v = s;
            *vl = (size_t)(e - s);
        }
        return true;
    }
    return false;
}

/* One part: its headers [p, hend) and body [body, bend). */
static int add_part(form *f, const char *p, const char *hend, const char *body, const char *bend)
{
    const char *name = NULL, *file = NULL;
    size_t nl = 0, fl = 0;
    bool disposition = false;
    while (p < hend) {
        const char *eol = find(p, (size_t)(hend - p), "\r\n", 2);
        if (!eol)
            eol = hend;
        if ((size_t)(eol - p) > 20 && !strncasecmp(p, "Content-Disposition:", 20)) {
            disposition = true;
            if (!header_param(p + 20, eol, "name", &name, &nl))
                return -1;
            if (!header_param(p + 20, eol, "filename", &file, &fl))
                file = NULL;
        }
        p = eol + 2;
    }
    if (!disposition || !name)
        return -1;
    return add_field(f, name, nl, body, (size_t)(bend - body), file, fl);
}

int form_parse_multipart(form *f, const char *content_type, const char *data, size_t len)
{
    const char *b;
    size_t bl;
    if (!content_type || !header_param(content_type, content_type + strlen(content_type),
                                       "boundary", &b, &bl) || bl == 0 || bl > 70)
        return -1;
    char delim[80];
    delim[0] = '-';
    delim[1] = '-';
    memcpy(delim + 2, b, bl);
    size_t dl = bl + 2;
    const char *end = data + len;
    const char *p = find(data, len, delim, dl);
    if (!p)
        return -1;
    for (;;) {
        p += dl;
        if (end - p >= 2 && p[0] == '-' && p[1] == '-')
            return 0; /* the closing delimiter */
        if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
            return -1;
        p += 2;
        const char *hend = find(p, (size_t)(end - p), "\r\n\r\n", 4);
        if (!hend)
            return -1;
        const char *body = hend + 4;
        /* the next delimiter follows a CRLF that belongs to it */
        char next[84];
        next[0] = '\r';
        next[1] = '\n';
        memcpy(next + 2, delim, dl);
        /* a delimiter is followed by CRLF or "--" (RFC 2046); the same
         * bytes followed by anything else are content */
        const char *q = body;
        for (;;) {
            q = find(q, (size_t)(end - q), next, dl + 2);
            if (!q)
                return -1;
            const char *after = q + dl + 2;
            if (end - after >= 2 && ((after[0] == '\r' && after[1] == '\n') ||
                                     (after[0] == '-' && after[1] == '-')))
                break;
            q++;
        }
        if (add_part(f, p, hend + 2, body, q) != 0)
            return -1;
        p = q + 2;
    }
}

const form_field *form_field_get(const form *f, const char *name)
{
    for (size_t i = 0; f && i < f->n; i++)
        if (!strcmp(f->v[i].name, name))
            return &f->v[i];
    return NULL;
}

const char *form_get(const form *f, const char *name)
{
    const form_field *x = form_field_get(f, name);
    return x ? x->value : NULL;
}

void form_free(form *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].name);
        free(f->v[i].value);
        free(f->v[i].filename);
    }
    free(f->v);
    memset(f, 0, sizeof *f);
}

bool cookie_get(const char *header, const char *name, char *out, size_t size)
{
    if (!header || !size)
        return false;
    size_t nl = strlen(name);
    const char *p = header;
    while (*p) {
        while (*p == ' ' || *p == ';' || *p == '\t')
            p++;
        const char *eq = p;
        while (*eq && *eq != '=' && *eq != ';')
            eq++;
        const char *end = eq;
        while (*end && *end != ';')
            end++;
        if (*eq == '=' && (size_t)(eq - p) == nl && !strncmp(p, name, nl)) {
            size_t vl = (size_t)(end - eq - 1);
            if (vl == 0 || vl >= size)
                return false;
            memcpy(out, eq + 1, vl);
            out[vl] = '\0';
            return true;
        }
        p = end;
    }
    return false;
}
