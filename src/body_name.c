/*
 * body_name.c — normal forms of body names, the "same body" relation, and
 * the index a roster's names and aliases are looked up in (see
 * body_name.h for the rules).
 *
 * The index answers in time independent of the roster's size: every name
 * is filed under its normal form (exact) and under each of its tails
 * after a higher level (淮安市洪泽区 also under 洪泽区), so a report's name
 * is looked up once as it is and once per tail of its own.
 */
#include "body_name.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- normal form ------------------------------------------------------ */

static bool ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n > k && !memcmp(s + n - k, suffix, k);
}

/* Replaces every 人民政府 in s[0..*n) by 政府 (in place). */
static void shorten_government(char *s, size_t *n)
{
    static const char full[] = "人民政府", part[] = "人民";
    size_t w = 0;
    for (size_t r = 0; r < *n;) {
        if (*n - r >= sizeof full - 1 && !memcmp(s + r, full, sizeof full - 1)) {
            r += sizeof part - 1; /* drop 人民, keep 政府 */
            continue;
        }
        s[w++] = s[r++];
    }
    *n = w;
    s[w] = '\0';
}

size_t body_norm(const char *name, char *out)
{
    size_t n = 0, len = name ? strlen(name) : 0;
    out[0] = '\0';
    for (size_t i = 0; i < len;) {
        int32_t cp = utf8_next(name, len, &i);
        if (cp < 0 || cp_is_space(cp))
            continue;
        char buf[4];
        size_t k = utf8_put(buf, cp_fold(cp));
        if (n + k + 1 > BODY_NAME_MAX)
            break;
        memcpy(out + n, buf, k);
        n += k;
    }
    out[n] = '\0';
    shorten_government(out, &n);
    if (ends_with(out, n, "办事处"))
        n -= strlen("办事处");
    if (ends_with(out, n, "政府"))
        n -= strlen("政府");
    out[n] = '\0';
    return n;
}

/* ---- the same body ---------------------------------------------------- */

/* Whether the code point ending at s[n) is a higher administrative
 * level: 省 市 县 区 州 盟 旗. */
static bool level_before(const char *s, size_t n)
{
    static const char *const levels[] = {"省", "市", "县", "区", "州", "盟", "旗", NULL};
    for (int i = 0; levels[i]; i++) {
        size_t k = strlen(levels[i]);
        if (n >= k && !memcmp(s + n - k, levels[i], k))
            return true;
    }
    return false;
}

/* Whether `tail` (at least two characters) ends `full` after a higher
 * level: full = <levels> + tail. */
static bool is_tail(const char *full, size_t nf, const char *tail, size_t nt)
{
    return nf > nt && utf8_length(tail, nt) >= 2 && !memcmp(full + nf - nt, tail, nt) &&
           level_before(full, nf - nt);
}

bool body_same(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (!na || !nb)
        return false;
    return !strcmp(a, b) || is_tail(a, na, b, nb) || is_tail(b, nb, a, na);
}

/* ---- the index -------------------------------------------------------- */

typedef struct entry {
    char *key;
    int *bodies;
    size_t n, cap;
} entry;

typedef struct table {
    entry *slots;
    size_t cap, used; /* cap: a power of two */
} table;

struct body_index {
    table exact; /* normal form → bodies */
    table tails; /* a tail after a higher level → bodies with that name */
    size_t names;
};

static uint64_t hash_key(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static entry *lookup(const table *t, const char *key)
{
    if (!t->cap)
        return NULL;
    for (size_t i = hash_key(key) & (t->cap - 1); t->slots[i].key; i = (i + 1) & (t->cap - 1))
        if (!strcmp(t->slots[i].key, key))
            return &t->slots[i];
    return NULL;
}

static bool rehash(table *t)
{
    size_t cap = t->cap ? t->cap * 2 : 64;
    entry *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t k = 0; k < t->cap; k++) {
        if (!t->slots[k].key)
            continue;
        size_t i = hash_key(t->slots[k].key) & (cap - 1);
        while (slots[i].key)
            i = (i + 1) & (cap - 1);
        slots[i] = t->slots[k];
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return true;
}

/* Files `body` under `key` (once). */
static bool file_under(table *t, const char *key, int body)
{
    entry *e = lookup(t, key);
    if (!e) {
        if ((t->used + 1) * 2 > t->cap && !rehash(t))
            return false;
        size_t i = hash_key(key) & (t->cap - 1);
        while (t->slots[i].key)
            i = (i + 1) & (t->cap - 1);
        e = &t->slots[i];
        if (!(e->key = strdup(key)))
            return false;
        t->used++;
    }
    for (size_t k = 0; k < e->n; k++)
        if (e->bodies[k] == body)
            return true;
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 2;
        int *v = realloc(e->bodies, cap * sizeof *v);
        if (!v)
            return false;
        e->bodies = v;
        e->cap = cap;
    }
    e->bodies[e->n++] = body;
    return true;
}

static void table_free(table *t)
{
    for (size_t i = 0; i < t->cap; i++) {
        free(t->slots[i].key);
        free(t->slots[i].bodies);
    }
    free(t->slots);
}

body_index *body_index_new(void)
{
    return calloc(1, sizeof(body_index));
}

void body_index_free(body_index *ix)
{
    if (!ix)
        return;
    table_free(&ix->exact);
    table_free(&ix->tails);
    free(ix);
}

bool body_index_add(body_index *ix, const char *name, int body)
{
    char key[BODY_NAME_MAX];
    size_t n = body_norm(name, key);
    if (!n)
        return true;
    if (!file_under(&ix->exact, key, body))
        return false;
    ix->names++;
    for (size_t i = 0; i < n;) {
        utf8_next(key, n, &i);
        if (i < n && is_tail(key, n, key + i, n - i) && !file_under(&ix->tails, key + i, body))
            return false;
    }
    return true;
}

/* A small set of body numbers, kept sorted. */
typedef struct found {
    int *v;
    size_t n, cap;
    bool failed;
} found;

static void collect(found *f, const entry *e)
{
    for (size_t k = 0; e && k < e->n; k++) {
        size_t i = 0;
        while (i < f->n && f->v[i] < e->bodies[k])
            i++;
        if (i < f->n && f->v[i] == e->bodies[k])
            continue;
        if (f->n == f->cap) {
            size_t cap = f->cap ? f->cap * 2 : 8;
            int *v = realloc(f->v, cap * sizeof *v);
            if (!v) {
                f->failed = true;
                return;
            }
            f->v = v;
            f->cap = cap;
        }
        memmove(f->v + i + 1, f->v + i, (f->n - i) * sizeof *f->v);
        f->v[i] = e->bodies[k];
        f->n++;
    }
}

size_t body_index_match(const body_index *ix, const char *name, int *out, size_t cap)
{
    char key[BODY_NAME_MAX];
    size_t n = body_norm(name, key);
    if (!n || !ix->names)
        return 0;
    found f = {0};
    const entry *exact = lookup(&ix->exact, key);
    collect(&f, exact);
    if (!exact) {
        collect(&f, lookup(&ix->tails, key));
        for (size_t i = 0; i < n;) {
            utf8_next(key, n, &i);
            if (i < n && is_tail(key, n, key + i, n - i))
                collect(&f, lookup(&ix->exact, key + i));
        }
    }
    for (size_t i = 0; i < f.n && i < cap; i++)
        out[i] = f.v[i];
    size_t count = f.failed ? 0 : f.n;
    free(f.v);
    return count;
}
