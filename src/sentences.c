/*
 * sentences.c — cutting a report's narrative text into sentences,
 * reading each in the form copying does not change (sentences.h), and
 * hashing it; and counting the hashes two reports share.
 *
 * The text is the model text of the sections (xxgk_report_model_section:
 * without the title, the signature and table captions), so two reports
 * of one format do not look alike merely by having the same headings.
 */
#include "sentences.h"

#include <stdlib.h>
#include <string.h>

#include "body_name.h"
#include "utf8.h"

/* Sentence ends: 。！？； and their ASCII forms, and line ends. */
static bool sentence_end(int32_t cp)
{
    return cp == 0x3002 || cp == '!' || cp == '?' || cp == ';' || cp == '\n' ||
           cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B;
}

/* Removes every occurrence of `word` from s[0..*n). */
static void remove_word(char *s, size_t *n, const char *word)
{
    size_t k = strlen(word), w = 0;
    if (!k)
        return;
    for (size_t r = 0; r < *n;) {
        if (*n - r >= k && !memcmp(s + r, word, k)) {
            r += k;
            continue;
        }
        s[w++] = s[r++];
    }
    *n = w;
}

/* How bodies call themselves: 我 followed by one of these. */
static const char *const self_kinds[] = {"街道", "中心", "单位", "部门", "机关", "镇", "乡",
                                         "局",   "县",   "区",   "市",   "委",   "办", "院",
                                         "厅",   "署",   "所",   "会",   "处",   "站", "队",
                                         NULL};

/* 我镇, 我街道, … → 我. */
static void fold_self(char *s, size_t *n)
{
    static const char me[] = "我";
    size_t w = 0, m = sizeof me - 1;
    for (size_t r = 0; r < *n;) {
        if (*n - r >= m && !memcmp(s + r, me, m)) {
            memcpy(s + w, me, m);
            w += m;
            r += m;
            for (int k = 0; self_kinds[k]; k++) {
                size_t len = strlen(self_kinds[k]);
                if (*n - r >= len && !memcmp(s + r, self_kinds[k], len)) {
                    r += len;
                    break;
                }
            }
            continue;
        }
        s[w++] = s[r++];
    }
    *n = w;
}

/* The normalised form of a sentence into out (cap bytes): Han characters
 * and letters kept (letters in lower case), each run of digits as one 0,
 * everything else dropped. Returns its length. */
static size_t normalise(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    bool digits = false;
    for (size_t i = 0; i < len;) {
        int32_t cp = utf8_next(s, len, &i);
        if (cp < 0)
            continue;
        cp = cp_fold(cp);
        if (cp >= '0' && cp <= '9') {
            if (!digits && n + 1 < cap)
                out[n++] = '0';
            digits = true;
            continue;
        }
        digits = false;
        if (cp >= 'A' && cp <= 'Z')
            cp += 'a' - 'A';
        if (!cp_is_han(cp) && !(cp >= 'a' && cp <= 'z'))
            continue;
        if (n + 5 > cap)
            break;
        n += utf8_put(out + n, cp);
    }
    out[n] = '\0';
    return n;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a, then a finaliser */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h & SENTENCE_HASH_MASK;
}

/* The body's names as they appear in its text: as written and in the
 * normal form (姚集镇人民政府, 姚集镇), longest first. */
typedef struct own_names {
    char full[BODY_NAME_MAX], norm[BODY_NAME_MAX];
} own_names;

static void own_names_of(const char *body, own_names *o)
{
    o->full[0] = o->norm[0] = '\0';
    if (!body)
        return;
    normalise(body, strlen(body), o->full, sizeof o->full);
    char n[BODY_NAME_MAX];
    body_norm(body, n);
    normalise(n, strlen(n), o->norm, sizeof o->norm);
    if (utf8_length(o->norm, strlen(o->norm)) < 2)
        o->norm[0] = '\0';
}

static uint64_t hash_sentence(const char *s, size_t len, const own_names *o, int *counted)
{
    char buf[4096];
    size_t n = normalise(s, len, buf, sizeof buf);
    remove_word(buf, &n, o->full);
    remove_word(buf, &n, o->norm);
    fold_self(buf, &n);
    *counted = utf8_length(buf, n) >= SENTENCE_MIN_CHARS;
    return *counted ? hash_bytes(buf, n) : 0;
}

uint64_t sentence_hash_one(const char *sentence, size_t len, const char *body, int *counted)
{
    own_names o;
    own_names_of(body, &o);
    return hash_sentence(sentence, len, &o, counted);
}

/* A growable array of hashes. */
typedef struct hashes {
    uint64_t *v;
    size_t n, cap;
    bool failed;
} hashes;

static void push(hashes *h, uint64_t x)
{
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 64;
        uint64_t *v = realloc(h->v, cap * sizeof *v);
        if (!v) {
            h->failed = true;
            return;
        }
        h->v = v;
        h->cap = cap;
    }
    h->v[h->n++] = x;
}

static void hash_text(const char *text, size_t len, const own_names *o, hashes *h)
{
    size_t start = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        int32_t cp = utf8_next(text, len, &i);
        if (!sentence_end(cp) && i < len)
            continue;
        size_t end = sentence_end(cp) ? at : i;
        int counted;
        uint64_t x = hash_sentence(text + start, end - start, o, &counted);
        if (counted)
            push(h, x);
        start = i;
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

int sentences_hash(const xxgk_report *r, uint64_t **out, size_t *n)
{
    own_names o;
    own_names_of(xxgk_report_meta(r)->body, &o);
    hashes h = {0};
    for (int s = 0; s <= 6; s++) {
        size_t len;
        const char *text = xxgk_report_model_section(r, s, &len);
        if (text)
            hash_text(text, len, &o, &h);
    }
    if (h.failed) {
        free(h.v);
        *out = NULL;
        *n = 0;
        return -1;
    }
    if (h.n)
        qsort(h.v, h.n, sizeof *h.v, cmp_u64);
    size_t w = 0;
    for (size_t i = 0; i < h.n; i++)
        if (!w || h.v[w - 1] != h.v[i])
            h.v[w++] = h.v[i];
    *out = h.v;
    *n = w;
    return 0;
}

size_t sentences_shared(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    size_t i = 0, k = 0, shared = 0;
    while (i < na && k < nb) {
        if (a[i] < b[k])
            i++;
        else if (a[i] > b[k])
            k++;
        else
            shared++, i++, k++;
    }
    return shared;
}
