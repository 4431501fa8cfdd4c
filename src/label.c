/*
 * label.c — label normalisation and matching (see label.h).
 *
 * Real reports print the official labels with other numbering (1、 1． 1.),
 * spaces inside (`规    章`, `社会公益 组织`), lines broken inside a cell
 * (`（三）不予` / `以公` / `开`), notes in parentheses, old or regional
 * wordings, and typos. Normalisation removes what carries no meaning;
 * variants from the template catch known wordings; a bounded edit
 * distance catches the rest, and the checker reports every label that
 * was not matched exactly.
 */
#include "label.h"

#include "index.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- numerals ------------------------------------------------------ */

static int cn_digit(int32_t cp)
{
    switch (cp) {
    case 0x3007: case 0x96F6: return 0; /* 〇 零 */
    case 0x4E00: return 1; case 0x4E8C: return 2; case 0x4E09: return 3;
    case 0x56DB: return 4; case 0x4E94: return 5; case 0x516D: return 6;
    case 0x4E03: return 7; case 0x516B: return 8; case 0x4E5D: return 9;
    default: return -1;
    }
}

int label_parse_numeral(const char *s, size_t len, size_t *i)
{
    size_t j = *i;
    if (j < len && s[j] >= '0' && s[j] <= '9') {
        int v = 0;
        while (j < len && s[j] >= '0' && s[j] <= '9') {
            if (v < 100000000)
                v = v * 10 + (s[j] - '0');
            j++;
        }
        *i = j;
        return v;
    }
    /* 二十六 = 26, 十五 = 15, 一百零八 = 108; a run of bare digits is
     * positional, as in years written 二〇二一. */
    int value = 0, cur = 0;
    bool last_digit = false, any = false;
    while (j < len) {
        size_t k = j;
        int32_t cp = utf8_next(s, len, &k);
        int d = cn_digit(cp);
        if (d >= 0) {
            cur = last_digit ? cur * 10 + d : d;
            last_digit = true;
        } else if (cp == 0x5341 /* 十 */) {
            value += (last_digit ? cur : 1) * 10;
            cur = 0;
            last_digit = false;
        } else if (cp == 0x767E /* 百 */) {
            value += (last_digit ? cur : 1) * 100;
            cur = 0;
            last_digit = false;
        } else {
            break;
        }
        if (value + cur > 100000000)
            break;
        any = true;
        j = k;
    }
    if (!any)
        return -1;
    *i = j;
    return value + cur;
}

/* ---- normalisation ------------------------------------------------- */

static bool is_drop_punct(int32_t cp)
{
    if (cp < 0x80)
        return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                 (cp >= 'A' && cp <= 'Z'));
    switch (cp) {
    case 0x3001: case 0x3002: case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x300A: case 0x300B: case 0x3008: case 0x3009: case 0x300C: case 0x300D:
    case 0x300E: case 0x300F: case 0x00B7: case 0x2022: case 0x2014: case 0x2013:
    case 0x2026: case 0x3010: case 0x3011: case 0x3014: case 0x3015: case 0x30FB:
        return true;
    default:
        return false;
    }
}

static bool is_list_punct(int32_t cp)
{
    return cp == '.' || cp == 0x3001 /* 、 */ || cp == ',' || cp == 0xFF0E;
}

void label_key_init(label_key *k)
{
    k->len = 0;
    k->nseg = 0;
    k->text[0] = '\0';
}

static void seg_break(label_key *k)
{
    if (k->nseg > 0 && k->seg[k->nseg - 1] == k->len)
        return; /* the previous segment is still empty */
    if (k->nseg < LABEL_SEGS)
        k->seg[k->nseg++] = k->len;
}

static void put_cp(label_key *k, int32_t cp)
{
    if (k->nseg == 0)
        seg_break(k);
    if (k->len + 5 < LABEL_MAX) {
        k->len += utf8_put(k->text + k->len, cp);
        k->text[k->len] = '\0';
    }
}

/* At s[i] (compact text) an enumerator: 一、 / 1. / 1、 / 1) — returns
 * the offset after it, or i. A digit followed by '.' and another digit
 * is a decimal number, not an enumerator. */
/* Whether s[i] can start a numeral: an ASCII digit or one of the Chinese
 * numeral characters (all three-byte sequences starting E3, E4, E5, E7 or
 * E9) — a cheap test before the real parse. */
static bool may_start_numeral(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c >= '0' && c <= '9')
        return true;
    if (i + 3 > len || (c != 0xE3 && c != 0xE4 && c != 0xE5 && c != 0xE7 && c != 0xE9))
        return false;
    size_t k = i;
    int32_t cp = utf8_next(s, len, &k);
    return cn_digit(cp) >= 0 || cp == 0x5341 || cp == 0x767E;
}

static size_t skip_enumerator(const char *s, size_t len, size_t i)
{
    if (!may_start_numeral(s, len, i))
        return i;
    size_t j = i;
    if (label_parse_numeral(s, len, &j) < 0)
        return i;
    if (j >= len)
        return i;
    size_t k = j;
    int32_t cp = utf8_next(s, len, &k);
    if (cp == ')')
        return k;
    if (is_list_punct(cp)) {
        if (k < len && s[k] >= '0' && s[k] <= '9')
            return i;
        return k;
    }
    return i;
}

/* At s[i] == '(' : a numbering "(三)" returns the offset after it and sets
 * *numbering; a note "(区分处理的…)" returns the offset after its closing
 * parenthesis; an unmatched '(' returns i + 1. */
static size_t skip_parenthetical(const char *s, size_t len, size_t i, bool *numbering)
{
    int depth = 0;
    size_t j = i;
    *numbering = false;
    while (j < len) {
        if (s[j] == '(')
            depth++;
        else if (s[j] == ')' && --depth == 0)
            break;
        j++;
    }
    if (j >= len)
        return i + 1;
    size_t inner = i + 1, p = inner;
    if (label_parse_numeral(s, j, &p) >= 0 && p == j && j - inner <= 9)
        *numbering = true;
    return j + 1;
}

static void key_add(label_key *k, const char *s, size_t len, bool keep_notes);

#define ENTRY_CPS 64

typedef struct entry {
    const tpl_table *table;
    int index;
    bool official;
    bool column;
    char key[LABEL_MAX / 2];
    size_t len;
    int32_t cps[ENTRY_CPS]; /* the key decoded once, for fuzzy matching */
    int ncps;
    const char *label;      /* the label as written in the template */
    bool has_notes;         /* label holds a parenthesis (has_parenthesis) */
    char wording[LABEL_MAX / 2]; /* key with the notes' words kept */
    size_t wording_len;
} entry;

static int decode(const char *s, size_t len, int32_t *out, int max)
{
    int n = 0;
    for (size_t i = 0; i < len && n < max;)
        out[n++] = utf8_next(s, len, &i);
    return n;
}

/* Edit distance over code points, or max + 1 once it must exceed max. */
static int cp_distance(const int32_t *ca, int na, const int32_t *cb, int nb, int max)
{
    if (abs(na - nb) > max)
        return max + 1;
    int prev[ENTRY_CPS + 1], cur[ENTRY_CPS + 1];
    for (int j = 0; j <= nb; j++)
        prev[j] = j;
    for (int i = 1; i <= na; i++) {
        cur[0] = i;
        int row_min = cur[0];
        for (int j = 1; j <= nb; j++) {
            int v = prev[j - 1] + (ca[i - 1] != cb[j - 1]);
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            cur[j] = v;
            if (v < row_min)
                row_min = v;
        }
        if (row_min > max)
            return max + 1;
        memcpy(prev, cur, sizeof(int) * (size_t)(nb + 1));
    }
    return prev[nb];
}

#define MAX_ENTRIES 256
static entry entries[MAX_ENTRIES];
static int nentries;
/* entries sorted by key, for exact lookups by binary search */
static const entry *sorted[MAX_ENTRIES];
/* entries sorted by the address of their template label, to find an
 * official label's entry (label_same_wording) by binary search */
static const entry *by_label[MAX_ENTRIES];


void label_key_add(label_key *k, const char *s, size_t len)
{
    key_add(k, s, len, false);
}

void label_key_add_notes(label_key *k, const char *s, size_t len)
{
    key_add(k, s, len, true);
}

void label_compile(void);

static bool has_parenthesis(const char *s, size_t len)
{
    return memchr(s, '(', len) || text_contains(s, len, "（");
}

/* The entry made from the template label at `label` (the same
 * address), or NULL. */
static const entry *entry_of_label(const char *label)
{
    uintptr_t want = (uintptr_t)label;
    int lo = 0, hi = nentries;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if ((uintptr_t)by_label[mid]->label < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < nentries && by_label[lo]->label == label ? by_label[lo] : NULL;
}

bool label_same_wording(const char *printed, size_t len, const char *official)
{
    /* The wording differs from the matched key only by what notes in
     * parentheses say: without any, it is the same. */
    index_ensure();
    const entry *e = entry_of_label(official);
    bool official_notes = e ? e->has_notes : has_parenthesis(official, strlen(official));
    if (!official_notes && !has_parenthesis(printed, len))
        return true;
    label_key a;
    label_key_init(&a);
    label_key_add_notes(&a, printed, len);
    /* the official label's wording was normalised when indexed */
    if (e)
        return a.len == e->wording_len && memcmp(a.text, e->wording, a.len) == 0;
    label_key b;
    label_key_init(&b);
    label_key_add_notes(&b, official, strlen(official));
    return a.len == b.len && memcmp(a.text, b.text, a.len) == 0;
}

static void key_add(label_key *k, const char *s, size_t len, bool keep_notes)
{
    char buf[LABEL_MAX];
    size_t n = text_compact_buf(s, len, buf, sizeof buf);
    seg_break(k);
    size_t i = 0;
    while (i < n) {
        /* Fast path: an ideograph that is not a numeral is kept as is. */
        const unsigned char *p = (const unsigned char *)buf + i;
        if (n - i >= 3 && p[0] >= 0xE4 && p[0] <= 0xE9) {
            int32_t cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            if (cp >= 0x4E00 && cn_digit(cp) < 0 && cp != 0x5341 && cp != 0x767E) {
                if (k->nseg == 0)
                    seg_break(k);
                if (k->len + 4 < LABEL_MAX) {
                    memcpy(k->text + k->len, p, 3);
                    k->len += 3;
                    k->text[k->len] = '\0';
                }
                i += 3;
                continue;
            }
        }
        size_t e = skip_enumerator(buf, n, i);
        if (e != i) {
            seg_break(k);
            i = e;
            continue;
        }
        if (buf[i] == '(') {
            bool numbering;
            size_t after = skip_parenthetical(buf, n, i, &numbering);
            if (numbering)
                seg_break(k);
            /* A note's words stay when asked for; its parentheses go. */
            i = keep_notes && !numbering ? i + 1 : after;
            continue;
        }
        int32_t cp = utf8_next(buf, n, &i);
        if (cp < 0 || is_drop_punct(cp))
            continue;
        put_cp(k, cp);
    }
}

/* ---- the label index ----------------------------------------------- */

static void add_entry(const tpl_table *t, int index, bool column, bool official,
                      const char *label, size_t len)
{
    tpl_need(nentries < MAX_ENTRIES, "label.c MAX_ENTRIES");
    label_key k;
    label_key_init(&k);
    label_key_add(&k, label, len);
    entry *e = &entries[nentries++];
    e->table = t;
    e->index = index;
    e->column = column;
    e->official = official;
    tpl_need(k.len < sizeof e->key, "label.c: the key of a template label");
    size_t n = k.len;
    memcpy(e->key, k.text, n);
    e->key[n] = '\0';
    e->len = n;
    e->ncps = decode(e->key, e->len, e->cps, ENTRY_CPS);
    e->label = label;
    e->has_notes = has_parenthesis(label, len);
    label_key w;
    label_key_init(&w);
    key_add(&w, label, len, true);
    tpl_need(w.len < sizeof e->wording, "label.c: the wording of a template label");
    size_t wn = w.len;
    memcpy(e->wording, w.text, wn);
    e->wording[wn] = '\0';
    e->wording_len = wn;
}

static void add_with_variants(const tpl_table *t, int index, bool column, const char *label,
                              tpl_words variants)
{
    add_entry(t, index, column, true, label, strlen(label));
    for (size_t i = 0; variants && variants[i]; i++)
        add_entry(t, index, column, false, variants[i], strlen(variants[i]));
}

static int key_cmp(const char *a, size_t al, const char *b, size_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : (al > bl) - (al < bl);
}

static int entry_cmp(const void *x, const void *y)
{
    const entry *a = *(const entry *const *)x, *b = *(const entry *const *)y;
    int c = key_cmp(a->key, a->len, b->key, b->len);
    /* official labels before variants with the same key */
    return c ? c : (int)b->official - (int)a->official;
}

/* By address of the template label; the first-made entry first among
 * entries of one label (the linear search this replaces found that). */
static int label_address_cmp(const void *x, const void *y)
{
    const entry *a = *(const entry *const *)x, *b = *(const entry *const *)y;
    uintptr_t p = (uintptr_t)a->label, q = (uintptr_t)b->label;
    return p != q ? (p > q) - (p < q) : (a > b) - (a < b);
}

void label_compile(void)
{
    for (size_t t = 0; t < tpl_table_count(); t++) {
        const tpl_table *tab = tpl_table_at(t);
        for (int r = 0; r < tab->nrows; r++)
            add_with_variants(tab, r, false, tab->rows[r].label, tab->rows[r].variants);
        for (int b = 0; b < tab->nblocks; b++)
            for (int c = 0; c < tab->blocks[b].ncols; c++) {
                const tpl_col *col = &tab->blocks[b].cols[c];
                /* Columns are indexed by block * 16 + column. */
                add_with_variants(tab, b * 16 + c, true, col->label, col->variants);
            }
    }
    for (int i = 0; i < nentries; i++)
        sorted[i] = by_label[i] = &entries[i];
    qsort(sorted, (size_t)nentries, sizeof sorted[0], entry_cmp);
    qsort(by_label, (size_t)nentries, sizeof by_label[0], label_address_cmp);
}

/* ---- matching ------------------------------------------------------- */

int label_distance(const char *a, size_t al, const char *b, size_t bl, int max)
{
    int32_t ca[ENTRY_CPS], cb[ENTRY_CPS];
    int na = decode(a, al, ca, ENTRY_CPS), nb = decode(b, bl, cb, ENTRY_CPS);
    return cp_distance(ca, na, cb, nb, max);
}

static bool in_scope(const entry *e, int section, bool column)
{
    return e->column == column && (section == 0 || e->table->section == section);
}

/* Adds e to out unless a match for the same table is there already. */
static int add_match(label_match out[LABEL_MATCHES], int n, const entry *e, int quality)
{
    for (int i = 0; i < n; i++)
        if (out[i].table == e->table)
            return n;
    tpl_need(n < LABEL_MATCHES, "label.h LABEL_MATCHES");
    if (n < LABEL_MATCHES) {
        out[n].table = e->table;
        out[n].index = e->index;
        out[n].quality = quality;
        n++;
    }
    return n;
}

static int exact_lookup(const char *s, size_t len, int section, bool column, label_match out[LABEL_MATCHES])
{
    /* the first entry with this key, by binary search */
    int lo = 0, hi = nentries;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (key_cmp(sorted[mid]->key, sorted[mid]->len, s, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    int n = 0;
    /* official labels come first among equal keys, so that a variant
     * never shadows them */
    for (int i = lo; i < nentries && key_cmp(sorted[i]->key, sorted[i]->len, s, len) == 0; i++)
        if (in_scope(sorted[i], section, column))
            n = add_match(out, n, sorted[i], sorted[i]->official ? MATCH_EXACT : MATCH_VARIANT);
    return n;
}

/* Fuzzy: the closest label within an edit distance of a quarter of its
 * length, and only when no other label is as close. Short labels (under
 * four characters) are never matched fuzzily: 规章 and 其他 are too easy
 * to hit by accident. */
static int fuzzy_lookup(const char *s, size_t len, int section, bool column, label_match out[LABEL_MATCHES])
{
    int32_t q[ENTRY_CPS];
    int nq = decode(s, len, q, ENTRY_CPS);
    if (nq < 4)
        return 0;
    int best = 1000, n = 0, nbest = 0;
    const entry *best_e[LABEL_MATCHES] = {NULL};
    bool tie = false;
    for (int i = 0; i < nentries; i++) {
        const entry *e = &entries[i];
        if (e->ncps < 4 || !in_scope(e, section, column))
            continue;
        int max = (e->ncps > nq ? e->ncps : nq) / 4;
        if (max < 1)
            max = 1;
        int d = cp_distance(q, nq, e->cps, e->ncps, max);
        if (d > max)
            continue;
        if (d < best) {
            best = d;
            best_e[0] = e;
            nbest = 1;
            tie = false;
        } else if (d == best && best_e[0]->index != e->index) {
            /* The same label in table 二 of several formats is no tie. */
            if (best_e[0]->table->section == e->table->section &&
                strcmp(best_e[0]->key, e->key) == 0 && nbest < LABEL_MATCHES)
                best_e[nbest++] = e;
            else
                tie = true;
        } else if (d == best && best_e[0]->table != e->table && nbest < LABEL_MATCHES) {
            best_e[nbest++] = e;
        }
    }
    if (!best_e[0] || tie)
        return 0;
    for (int i = 0; i < nbest; i++)
        n = add_match(out, n, best_e[i], MATCH_FUZZY);
    return n;
}

static int match_key(const label_key *k, int section, bool column, label_match out[LABEL_MATCHES])
{
    index_ensure();
    if (k->len == 0)
        return 0;
    /* Exact: the last segment alone, then with the segments before it
     * ("（三）不予公开 1.属于国家秘密" is found by its last segment;
     * "（六）其他处理 3.其他" too, before 其他处理 could claim it). */
    for (int pass = 0; pass < 2; pass++) {
        int sec = pass == 0 ? section : 0;
        if (pass == 1 && section == 0)
            break;
        for (int s = k->nseg - 1; s >= 0; s--) {
            size_t start = k->seg[s];
            int n = exact_lookup(k->text + start, k->len - start, sec, column, out);
            if (n)
                return n;
        }
    }
    for (int pass = 0; pass < 2; pass++) {
        int sec = pass == 0 ? section : 0;
        if (pass == 1 && section == 0)
            break;
        size_t last = k->nseg ? k->seg[k->nseg - 1] : 0;
        int n = fuzzy_lookup(k->text + last, k->len - last, sec, column, out);
        if (!n && last > 0)
            n = fuzzy_lookup(k->text, k->len, sec, column, out);
        if (n)
            return n;
    }
    return 0;
}

int label_match_row(const label_key *k, int section, label_match out[LABEL_MATCHES])
{
    return match_key(k, section, false, out);
}

int label_match_column(const label_key *k, int section, label_match out[LABEL_MATCHES])
{
    return match_key(k, section, true, out);
}

/* ---- captions ------------------------------------------------------- */

bool label_parse_caption(const char *s, size_t len, int *article, int *item)
{
    /* A caption starts with 第 (after white space): test that first. */
    size_t lead = 0;
    while (lead < len && (s[lead] == ' ' || s[lead] == '\t'))
        lead++;
    if (len - lead < 3 || memcmp(s + lead, "第", 3) != 0)
        return false;
    char buf[160];
    size_t n = text_compact_buf(s, len, buf, sizeof buf);
    /* 第 <n> 条 第 ( <m> ) 项, parentheses optional. */
    static const char di[] = "第", tiao[] = "条", xiang[] = "项";
    size_t i = 0;
    if (n < 3 || memcmp(buf, di, 3) != 0)
        return false;
    i = 3;
    int a = label_parse_numeral(buf, n, &i);
    if (a < 0 || i + 3 > n || memcmp(buf + i, tiao, 3) != 0)
        return false;
    i += 3;
    if (i + 3 > n || memcmp(buf + i, di, 3) != 0)
        return false;
    i += 3;
    if (i < n && buf[i] == '(')
        i++;
    int m = label_parse_numeral(buf, n, &i);
    if (m < 0)
        return false;
    if (i < n && buf[i] == ')')
        i++;
    if (i + 3 > n || memcmp(buf + i, xiang, 3) != 0)
        return false;
    *article = a;
    *item = m;
    return true;
}
