/*
 * read_crawl.c — the reader for crawler text dumps of report pages
 * (corpus 004–011): a metadata header (标题/发布时间/原文链接…), a
 * "==== 正文 ====" marker, then the page text with headings, prose and
 * table cells run together on a few long lines.
 *
 * The reader drops the header (keeping the title from `标题:`) and the
 * page chrome (当前位置…, share buttons, 文件下载, 附件下载), finds the six
 * section headings by the template's titles, and lays the tables of
 * sections 二–四 out as rows of the document tree (doc.h): a row's label
 * cell, then the digits that follow it as one value cell, exactly as
 * printed (`规范性文件` / `898989`). Every node is located at its line
 * and column in the dump itself. It never guesses where one number ends and the
 * next begins: that is the split solver's job (split.c), which knows the
 * table's sum rules. Everything else becomes paragraphs.
 *
 * Matching works on a compact copy of the body (full-width folded, white
 * space dropped) with a map back to the original bytes, so labels broken
 * by stray spaces (`本年度办 理结果`, corpus 009) still match and every
 * emitted piece is the original text.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "label.h"
#include "doc.h"
#include "index.h"
#include "readers.h"
#include "report.h"
#include "template.h"
#include "utf8.h"

/* ---- output buffer ---------------------------------------------------- */

typedef struct sbuf {
    char *p;
    size_t n, cap;
    bool failed;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t nc = (b->cap ? b->cap * 2 : 4096) + n;
        char *np = realloc(b->p, nc);
        if (!np) {
            b->failed = true;
            return;
        }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}


/* Appends original text on one line: trimmed, line ends and TABs (which
 * would start a new line or cell) turned into spaces. */
static void sb_text(sbuf *b, const char *s, size_t n)
{
    size_t i = 0, e = n;
    while (i < e) {
        size_t k = i;
        if (!cp_is_space(utf8_next(s, e, &k)))
            break;
        i = k;
    }
    while (e > i) {
        size_t st = e - 1;
        while (st > i && ((unsigned char)s[st] & 0xC0) == 0x80)
            st--;
        size_t k = st;
        if (!cp_is_space(utf8_next(s, e, &k)))
            break;
        e = st;
    }
    /* Copy runs between the characters that must become spaces. */
    size_t from = i;
    for (size_t j = i; j < e; j++)
        if (s[j] == '\n' || s[j] == '\t' || s[j] == '\r') {
            sb_put(b, s + from, j - from);
            sb_put(b, " ", 1);
            from = j + 1;
        }
    sb_put(b, s + from, e - from);
}

/* ---- compact text with a map back ------------------------------------- */

/* The body folded (cp_fold) without white space, and a sparse map back:
 * for every CT_STEP-th character of the compact text, where it starts
 * there and in the body. Any other character's place in the body is
 * found by folding forward from the mark before it (ct_source), so the
 * map takes a fraction of a byte per byte of body, not eight. */
#define CT_STEP 32

typedef struct ct_mark {
    uint32_t compact, source;
} ct_mark;

typedef struct ctext {
    const char *src;
    size_t len;           /* bytes of src */
    char *c;
    size_t n;
    ct_mark *marks;
    size_t nmarks;
} ctext;

static size_t fold_cp(int32_t cp, char out[4])
{
    return utf8_put(out, cp_fold(cp));
}

static int ctext_build(ctext *ct, const char *s, size_t len)
{
    ct->src = s;
    ct->len = len;
    ct->n = 0;
    ct->nmarks = 0;
    ct->c = malloc(len + 1);
    ct->marks = malloc(sizeof *ct->marks * (len / CT_STEP + 1));
    if (!ct->c || !ct->marks)
        return -1;
    size_t chars = 0;
    for (size_t i = 0; i < len;) {
        size_t start = i;
        int32_t cp = utf8_next(s, len, &i);
        if (cp < 0 || cp_is_space(cp))
            continue;
        if (chars++ % CT_STEP == 0)
            ct->marks[ct->nmarks++] = (ct_mark){(uint32_t)ct->n, (uint32_t)start};
        char buf[4];
        size_t k = fold_cp(cp, buf);
        memcpy(ct->c + ct->n, buf, k);
        ct->n += k;
    }
    ct->c[ct->n] = '\0';
    return 0;
}

static void ctext_free(ctext *ct)
{
    free(ct->c);
    free(ct->marks);
}

/* The body bytes [*start, *end) of the character compact byte i is part
 * of: from the last mark at or before it, the body is folded again as
 * ctext_build folded it until that character is reached. */
static void ct_source(const ctext *ct, size_t i, size_t *start, size_t *end)
{
    size_t lo = 0, hi = ct->nmarks; /* the last mark with compact <= i */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (ct->marks[mid].compact <= i)
            lo = mid;
        else
            hi = mid;
    }
    *start = *end = ct->len;
    if (!ct->nmarks)
        return;
    size_t c = ct->marks[lo].compact, k = ct->marks[lo].source;
    while (k < ct->len) {
        size_t from = k;
        int32_t cp = utf8_next(ct->src, ct->len, &k);
        if (cp < 0 || cp_is_space(cp))
            continue;
        char buf[4];
        c += fold_cp(cp, buf);
        if (c > i) {
            *start = from;
            *end = k;
            return;
        }
    }
}

static bool at(const ctext *ct, size_t i, size_t end, const char *lit, size_t n)
{
    return i + n <= end && memcmp(ct->c + i, lit, n) == 0;
}

/* Folds a template string the way ctext_build folds the body. */
static size_t fold_str(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        int32_t cp = utf8_next(s, len, &i);
        if (cp < 0 || cp_is_space(cp))
            continue;
        char buf[4];
        size_t k = fold_cp(cp, buf);
        if (o + k + 1 > cap)
            break;
        memcpy(out + o, buf, k);
        o += k;
    }
    out[o] = '\0';
    return o;
}

/* ---- the vocabulary: the template's labels, folded -------------------- */

enum { W_ROW = 1, W_GROUP = 2, W_HEAD = 4 };

typedef struct word {
    char text[200];
    size_t len;
    int kind;    /* W_* flags */
    int section; /* 2, 3, 4 */
} word;

#define MAX_WORDS 320
static word words[MAX_WORDS];
static int nwords;
/* Words by their first byte, each list ending in -1. */
static int16_t by_first[256][MAX_WORDS + 1];

/* Numbering at s[i]: (三) / 三、 / 1. / 1、 (one digit: table rows never
 * go past 8, and "00000002.其他…" must leave the zeros to the run before
 * it). Returns the offset after it, or i. */
static size_t skip_numbering(const char *s, size_t n, size_t i)
{
    size_t j = i;
    if (j < n && s[j] == '(') {
        j++;
        if (label_parse_numeral(s, n, &j) < 0 || j >= n || s[j] != ')')
            return i;
        return j + 1;
    }
    if (j < n && s[j] >= '1' && s[j] <= '9') {
        j++;
        if (j < n && s[j] == '.')
            return j + 1;
        if (j + 3 <= n && memcmp(s + j, "、", 3) == 0)
            return j + 3;
        return i;
    }
    if (label_parse_numeral(s, n, &j) < 0)
        return i;
    if (j + 3 <= n && memcmp(s + j, "、", 3) == 0)
        return j + 3;
    return i;
}

static void add_word(const char *s, size_t len, int kind, int section, bool strip)
{
    char buf[200];
    size_t n = fold_str(s, len, buf, sizeof buf);
    size_t start = strip ? skip_numbering(buf, n, 0) : 0;
    if (n == start)
        return;
    for (int i = 0; i < nwords; i++)
        if (words[i].section == section && words[i].len == n - start &&
            memcmp(words[i].text, buf + start, n - start) == 0) {
            words[i].kind |= kind;
            return;
        }
    tpl_need(nwords < MAX_WORDS, "read_crawl.c MAX_WORDS");
    word *w = &words[nwords++];
    memcpy(w->text, buf + start, n - start);
    w->text[n - start] = '\0';
    w->len = n - start;
    w->kind = kind;
    w->section = section;
}

static void add_list(tpl_words list, int kind, int section, bool strip)
{
    for (; list && *list; list++)
        add_word(*list, strlen(*list), kind, section, strip);
}

static void add_table_words(const tpl_table *t)
{
    /* Table 四 prints its groups side by side: their labels are headers. */
    bool flat = t->layout == LAYOUT_FLAT;
    for (int r = 0; r < t->nrows; r++) {
        const tpl_row *row = &t->rows[r];
        int kind = flat ? W_HEAD : row->kind == ROW_GROUP ? W_GROUP : W_ROW;
        add_word(row->label, strlen(row->label), kind, t->section, true);
        add_list(row->variants, kind, t->section, true);
    }
    for (int b = 0; b < t->nblocks; b++)
        for (int c = 0; c < t->blocks[b].ncols; c++) {
            const tpl_col *col = &t->blocks[b].cols[c];
            add_word(col->label, strlen(col->label), W_HEAD, t->section, false);
            add_list(col->variants, W_HEAD, t->section, false);
        }
    for (int g = 0; g < t->ngroups; g++)
        add_word(t->groups[g].label, strlen(t->groups[g].label), W_HEAD, t->section, false);
}

void crawl_compile(void)
{
    for (size_t t = 0; t < tpl_table_count(); t++)
        add_table_words(tpl_table_at(t));
    int fill[256] = {0};
    for (int w = 0; w < nwords; w++) {
        unsigned char c = (unsigned char)words[w].text[0];
        by_first[c][fill[c]++] = (int16_t)w;
    }
    for (int c = 0; c < 256; c++)
        by_first[c][fill[c]] = -1;
}

/* The longest word of `kinds` for `section` at compact offset i. */
static const word *word_at(const ctext *ct, size_t i, size_t end, int section, int kinds)
{
    const word *best = NULL;
    if (i >= end)
        return NULL;
    for (const int16_t *w = by_first[(unsigned char)ct->c[i]]; *w >= 0; w++) {
        const word *wd = &words[*w];
        if (wd->section != section || !(wd->kind & kinds))
            continue;
        if ((!best || wd->len > best->len) && at(ct, i, end, wd->text, wd->len))
            best = wd;
    }
    return best;
}

/* A row label (with or without its numbering) at i: sets *label_end and
 * returns its word, or NULL. With `numbered`, only a label that carries
 * numbering counts (one that may cut short a run of digits). */
static const word *row_label_at(const ctext *ct, size_t i, size_t end, int section,
                                bool numbered, size_t *label_end)
{
    size_t q = skip_numbering(ct->c, end, i);
    if (numbered && q == i)
        return NULL;
    const word *w = word_at(ct, q, end, section, W_ROW | W_GROUP);
    if (w)
        *label_end = q + w->len;
    return w;
}

/* ---- headings ------------------------------------------------------------ */

static const char *const cn_numbers[] = {"", "一", "二", "三", "四", "五", "六"};

/* The compact offset after `ncp` code points from i, or 0 past end. */
static size_t advance_cps(const ctext *ct, size_t i, size_t end, size_t ncp)
{
    for (size_t k = 0; k < ncp; k++) {
        if (i >= end)
            return 0;
        utf8_next(ct->c, end, &i);
    }
    return i;
}

static int32_t last_cp(const char *s, size_t n)
{
    size_t st = n;
    while (st > 0 && ((unsigned char)s[st - 1] & 0xC0) == 0x80)
        st--;
    if (st == 0)
        return -1;
    st--;
    return utf8_next(s, n, &st);
}

/* Does a title (or one of its variants) start at j, exactly or within a
 * small edit distance (corpus 007: 行政法复议)? Returns the offset after
 * the best, or 0. */
static size_t title_at(const ctext *ct, size_t j, size_t end, tpl_words list, bool fuzzy)
{
    size_t best_end = 0;
    int best_d = 1000;
    for (; list && *list; list++) {
        const char *v = *list;
        char t[200];
        size_t tn = fold_str(v, strlen(v), t, sizeof t);
        if (!fuzzy) {
            if (at(ct, j, end, t, tn) && j + tn > best_end)
                best_end = j + tn;
            continue;
        }
        size_t cps = utf8_length(t, tn);
        int max = (int)(cps / 8) > 1 ? (int)(cps / 8) : 1;
        for (size_t m = cps > 2 ? cps - 2 : 1; m <= cps + 2; m++) {
            size_t e = advance_cps(ct, j, end, m);
            if (!e || last_cp(ct->c + j, e - j) != last_cp(t, tn))
                continue;
            int d = label_distance(ct->c + j, e - j, t, tn, max);
            if (d <= max && d < best_d) {
                best_d = d;
                best_end = e;
            }
        }
    }
    return best_end;
}

/* A heading found by one of its keywords (corpus 011: 三、政府信息依申请公
 * 开工作情况): the keyword within a few characters of the numbering, no
 * digits on the way, ending at the next 情况/事项/措施. */
static size_t keyword_heading(const ctext *ct, size_t j, size_t end, tpl_words keywords)
{
    static const char *const ends[] = {"情况", "事项", "措施", NULL};
    size_t lim = advance_cps(ct, j, end, 30);
    if (!lim)
        lim = end;
    for (size_t i = j; i < lim; i++) {
        if (ct->c[i] >= '0' && ct->c[i] <= '9')
            return 0;
        for (tpl_words kw = keywords; kw && *kw; kw++) {
            const char *k = *kw;
            size_t kl = strlen(k);
            if (at(ct, i, lim, k, kl))
                for (size_t e = i + kl; e < lim; e++) {
                    if (ct->c[e] >= '0' && ct->c[e] <= '9')
                        return 0;
                    for (int x = 0; ends[x]; x++)
                        if (at(ct, e, lim, ends[x], strlen(ends[x])))
                            return e + strlen(ends[x]);
                }
        }
    }
    return 0;
}

/* Finds heading n at or after `from`: its numbering 一、 … 六、 followed by
 * the title; exact first, then fuzzy, then by keyword, each pass over the
 * whole text so that a stronger match later wins over a weaker one
 * earlier (四、结转下年度… sits right before 四、…行政复议…情况). */
static bool find_heading(const ctext *ct, size_t from, int n, size_t *hs, size_t *he)
{
    char mark[8];
    size_t ml = (size_t)snprintf(mark, sizeof mark, "%s、", cn_numbers[n]);
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = from; i + ml <= ct->n; i++) {
            if (!at(ct, i, ct->n, mark, ml))
                continue;
            size_t e = 0;
            /* the latest format's wording first */
            for (size_t f = tpl_format_count(); f-- > 0 && !e;) {
                const tpl_heading *h = &tpl_format_at(f)->headings[n - 1];
                if (pass < 2) {
                    e = title_at(ct, i + ml, ct->n, (const char *const[]){h->title, NULL},
                                 pass == 1);
                    if (!e)
                        e = title_at(ct, i + ml, ct->n, h->variants, pass == 1);
                } else {
                    e = keyword_heading(ct, i + ml, ct->n, h->keywords);
                }
            }
            if (e) {
                *hs = i;
                *he = e;
                return true;
            }
        }
    return false;
}

/* ---- emitting ------------------------------------------------------------ */

typedef struct emitter {
    doc *d;
    sbuf tmp;       /* the piece being cleaned */
    doc_row *row;   /* the row being built, or NULL */
    const ctext *ct;
    const char *base;          /* the normalised dump, for locators */
    const uint32_t *line_start; /* byte offset of each of its lines */
    uint32_t nlines;
    int flat_cells; /* numbers in table 四's one row */
} emitter;

/* The line and column in the dump of the byte at s. */
static xxgk_locator locate(const emitter *e, const char *s)
{
    xxgk_locator l;
    memset(&l, 0, sizeof l);
    l.kind = XXGK_LOC_TEXT;
    uint32_t off = (uint32_t)(s - e->base), lo = 0, hi = e->nlines;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (e->line_start[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    l.line = lo + 1;
    l.column = off - e->line_start[lo] + 1;
    return l;
}

/* The cleaned text of s[0..n) in e->tmp (sb_text). */
static void clean_piece(emitter *e, const char *s, size_t n)
{
    e->tmp.n = 0;
    if (e->tmp.p)
        e->tmp.p[0] = '\0';
    sb_text(&e->tmp, s, n);
}

/* Original bytes of compact range [a, b). */
static void orig_range(const ctext *ct, size_t a, size_t b, size_t *oa, size_t *ob)
{
    size_t unused;
    ct_source(ct, a, oa, &unused);
    ct_source(ct, b - 1, &unused, ob);
}

static void emit_para_raw(emitter *e, const char *s, size_t n)
{
    if (text_is_blank(s, n))
        return;
    clean_piece(e, s, n);
    xxgk_locator l = locate(e, s);
    doc_put_para(e->d, e->tmp.p ? e->tmp.p : "", e->tmp.n, &l);
    e->row = NULL;
}

static bool is_stop(int32_t cp)
{
    return cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1A || cp == 0xFF01 || cp == 0xFF1F ||
           cp == ';' || cp == ':' || cp == '!' || cp == '?';
}

static bool is_alnum(int32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Does a sub-heading numbering （一）… start at s[i]? */
static bool subheading_at(const char *s, size_t n, size_t i)
{
    char buf[24];
    size_t k = fold_str(s + i, n - i < 16 ? n - i : 16, buf, sizeof buf);
    if (k == 0 || buf[0] != '(')
        return false;
    size_t j = 1;
    return !(buf[1] >= '0' && buf[1] <= '9') && label_parse_numeral(buf, k, &j) > 0 &&
           j < k && buf[j] == ')';
}

/* Prose as paragraphs: a break where the page had white space between two
 * non-alphanumeric characters (`…年度报告 根据…`; not `成立 70 周年`), and
 * before a sub-heading （一）… that follows a full stop. */
static void emit_narrative(emitter *e, const char *s, size_t n)
{
    size_t start = 0, i = 0;
    int32_t prev = -1;
    while (i < n) {
        size_t at_i = i;
        int32_t cp = utf8_next(s, n, &i);
        if (cp_is_space(cp)) {
            size_t j = i;
            while (j < n) {
                size_t k = j;
                if (!cp_is_space(utf8_next(s, n, &k)))
                    break;
                j = k;
            }
            size_t k = j;
            int32_t next = j < n ? utf8_next(s, n, &k) : -1;
            if (prev >= 0 && next >= 0 && !is_alnum(prev) && !is_alnum(next)) {
                emit_para_raw(e, s + start, at_i - start);
                start = j;
            }
            i = j;
            continue;
        }
        if ((prev < 0 || is_stop(prev)) && at_i > start && subheading_at(s, n, at_i)) {
            emit_para_raw(e, s + start, at_i - start);
            start = at_i;
        }
        prev = cp;
    }
    emit_para_raw(e, s + start, n - start);
}

static void emit_cell(emitter *e, size_t a, size_t b)
{
    size_t oa, ob;
    orig_range(e->ct, a, b, &oa, &ob);
    const char *s = e->ct->src + oa;
    xxgk_locator l = locate(e, s);
    if (!e->row) {
        doc_block *t = doc_last_table(e->d);
        if (!t && (t = doc_put_table(e->d, false, &l)))
            t->converted = true;
        e->row = doc_put_row(e->d, t, &l);
    }
    clean_piece(e, s, ob - oa);
    if (e->row)
        doc_put_cell(e->d, e->row, e->tmp.p ? e->tmp.p : "", e->tmp.n, e->row->n, 1, 1, false,
                     &l);
}

static void end_row(emitter *e)
{
    e->row = NULL;
}

static bool contains_lit(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, lit, m) == 0)
            return true;
    return false;
}

/* Text between rows: prose (it has a full stop) as paragraphs, else a
 * header row cut at the template's column and group labels. */
static void emit_pending(emitter *e, size_t a, size_t b, int section)
{
    const ctext *ct = e->ct;
    if (a >= b)
        return;
    if (contains_lit(ct->c + a, b - a, "。")) {
        size_t oa, ob;
        orig_range(ct, a, b, &oa, &ob);
        emit_narrative(e, ct->src + oa, ob - oa);
        return;
    }
    size_t other = a, i = a;
    while (i < b) {
        const word *w = word_at(ct, i, b, section, W_HEAD | W_ROW | W_GROUP);
        if (!w) {
            utf8_next(ct->c, b, &i);
            continue;
        }
        if (other < i)
            emit_cell(e, other, i);
        emit_cell(e, i, i + w->len);
        i += w->len;
        other = i;
    }
    if (other < b)
        emit_cell(e, other, b);
    end_row(e);
}

/* 第二十条第（一）项 at i: the offset after it, or 0. */
static size_t caption_at(const ctext *ct, size_t i, size_t end)
{
    if (!at(ct, i, end, "第", 3))
        return 0;
    size_t j = i + 3;
    if (label_parse_numeral(ct->c, end, &j) < 0 || !at(ct, j, end, "条第", 6))
        return 0;
    j += 6;
    bool paren = j < end && ct->c[j] == '(';
    j += paren;
    if (label_parse_numeral(ct->c, end, &j) < 0)
        return 0;
    if (paren) {
        if (j >= end || ct->c[j] != ')')
            return 0;
        j++;
    }
    return at(ct, j, end, "项", 3) ? j + 3 : 0;
}

static bool is_digit_at(const ctext *ct, size_t i, size_t end)
{
    return i < end && ct->c[i] >= '0' && ct->c[i] <= '9';
}

/* The digits after a row label: digits, minus signs, decimal points and
 * a closing 元/万元, up to the next numbered row label ("…00000002.其他…":
 * the 2. numbers the next row). */
static size_t scan_run(const ctext *ct, size_t q, size_t end, int section)
{
    size_t i = q;
    bool digit = false;
    while (i < end) {
        char c = ct->c[i];
        size_t le;
        if (c >= '0' && c <= '9') {
            if (row_label_at(ct, i, end, section, true, &le))
                break;
            digit = true;
            i++;
        } else if (c == '-' || c == '.') {
            i++;
        } else if (digit && at(ct, i, end, "万元", 6)) {
            return i + 6;
        } else if (digit && at(ct, i, end, "元", 3)) {
            return i + 3;
        } else {
            break;
        }
    }
    return digit ? i : q;
}

#define MAX_GROUPS 4

/* Group labels that no row followed after all: kept as a row of text. */
static void flush_groups(emitter *e, size_t groups[][2], int *ngroups)
{
    for (int g = 0; g < *ngroups; g++)
        emit_cell(e, groups[g][0], groups[g][1]);
    if (*ngroups)
        end_row(e);
    *ngroups = 0;
}

/* A numbered row label at i … le with no digits after it, before the next
 * row label, a caption or the end of the table (“1.属于国家秘密2.其他…”:
 * a crawler dropped the row's empty cells): a row of its own, so that the
 * recogniser says it was printed without values instead of losing it in
 * the next header. Unnumbered words (其他, 总计) are also column labels
 * and stay where they are. */
static bool printed_without_values(const ctext *ct, size_t i, size_t le, size_t b, int section,
                                   const word *w)
{
    size_t next;
    if (!(w->kind & W_ROW) || skip_numbering(ct->c, b, i) == i)
        return false;
    return le >= b || caption_at(ct, le, b) || row_label_at(ct, le, b, section, true, &next);
}

/* A table section (二, 三): captions, header rows, and rows of a label and
 * the digits after it. A label with no digits that a row label follows
 * is a row group (三、本年度办理结果, （三）不予公开). */
static void emit_rows(emitter *e, size_t a, size_t b, int section)
{
    const ctext *ct = e->ct;
    size_t pend = a, i = a;
    size_t groups[MAX_GROUPS][2];
    int ngroups = 0;
    while (i < b) {
        size_t ce = caption_at(ct, i, b), le = 0;
        if (ce) {
            flush_groups(e, groups, &ngroups);
            emit_pending(e, pend, i, section);
            emit_cell(e, i, ce);
            end_row(e);
            i = pend = ce;
            continue;
        }
        const word *w = row_label_at(ct, i, b, section, false, &le);
        if (!w) {
            utf8_next(ct->c, b, &i);
            continue;
        }
        size_t re = scan_run(ct, le, b, section), next = 0;
        if (re > le) {
            emit_pending(e, pend, i, section);
            for (int g = 0; g < ngroups; g++)
                emit_cell(e, groups[g][0], groups[g][1]);
            emit_cell(e, i, le);
            emit_cell(e, le, re);
            end_row(e);
            ngroups = 0;
            i = pend = re;
        } else if ((w->kind & W_GROUP) && ngroups < MAX_GROUPS &&
                   row_label_at(ct, le, b, section, false, &next)) {
            if (pend < i)
                flush_groups(e, groups, &ngroups);
            emit_pending(e, pend, i, section);
            groups[ngroups][0] = i;
            groups[ngroups][1] = le;
            ngroups++;
            i = pend = le;
        } else if (printed_without_values(ct, i, le, b, section, w)) {
            emit_pending(e, pend, i, section);
            for (int g = 0; g < ngroups; g++)
                emit_cell(e, groups[g][0], groups[g][1]);
            emit_cell(e, i, le);
            end_row(e);
            ngroups = 0;
            i = pend = le;
        } else {
            i = le;
        }
    }
    flush_groups(e, groups, &ngroups);
    emit_pending(e, pend, b, section);
}

/* Table 四: header words, then its numbers in one run (as many digits as
 * the table has cells at least). */
static void emit_flat(emitter *e, size_t a, size_t b)
{
    const ctext *ct = e->ct;
    size_t pend = a, i = a;
    while (i < b) {
        if (!is_digit_at(ct, i, b)) {
            utf8_next(ct->c, b, &i);
            continue;
        }
        size_t j = i;
        while (is_digit_at(ct, j, b))
            j++;
        if ((int)(j - i) >= e->flat_cells) {
            emit_pending(e, pend, i, 4);
            emit_cell(e, i, j);
            end_row(e);
            pend = j;
        }
        i = j;
    }
    emit_pending(e, pend, b, 4);
}

static void emit_section(emitter *e, int section, size_t a, size_t b)
{
    if (a >= b)
        return;
    if (section == 2 || section == 3) {
        emit_rows(e, a, b, section);
    } else if (section == 4) {
        emit_flat(e, a, b);
    } else {
        size_t oa, ob;
        orig_range(e->ct, a, b, &oa, &ob);
        emit_narrative(e, e->ct->src + oa, ob - oa);
    }
}

/* The body: headings found in order, each section laid out by its kind. */
static void emit_body(emitter *e)
{
    const ctext *ct = e->ct;
    size_t hs[7] = {0}, he[7] = {0};
    bool found[7] = {false};
    size_t from = 0;
    for (int n = 1; n <= 6; n++)
        if (find_heading(ct, from, n, &hs[n], &he[n])) {
            found[n] = true;
            from = he[n];
        }
    size_t pos = 0;
    int section = 0;
    for (int n = 1; n <= 6; n++) {
        if (!found[n])
            continue;
        emit_section(e, section, pos, hs[n]);
        size_t oa, ob;
        orig_range(ct, hs[n], he[n], &oa, &ob);
        emit_para_raw(e, ct->src + oa, ob - oa);
        pos = he[n];
        section = n;
    }
    emit_section(e, section, pos, ct->n);
}

/* ---- header and page chrome ------------------------------------------- */

static bool starts_lit(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    return n >= m && memcmp(s, lit, m) == 0;
}

/* The line that ends the crawler header: `==== 正文 ====` (UTF-8 or
 * GB18030). */
static bool is_marker_line(const char *s, size_t n)
{
    static const char *const body[] = {"正文", "\xD5\xFD\xCE\xC4", NULL};
    size_t eq = 0;
    for (size_t i = 0; i < n; i++)
        eq += s[i] == '=';
    if (eq < 6)
        return false;
    for (int k = 0; body[k]; k++)
        for (size_t i = 0; i + strlen(body[k]) <= n; i++)
            if (memcmp(s + i, body[k], strlen(body[k])) == 0)
                return true;
    return false;
}

/* Offset of the line after the marker, or 0 when there is none in the
 * first lines. */
static size_t marker_end(const char *data, size_t size)
{
    size_t pos = 0;
    for (int line = 0; line < 40 && pos < size; line++) {
        const char *nl = memchr(data + pos, '\n', size - pos);
        size_t len = nl ? (size_t)(nl - (data + pos)) : size - pos;
        if (is_marker_line(data + pos, len))
            return nl ? pos + len + 1 : size;
        if (!nl)
            break;
        pos += len + 1;
    }
    return 0;
}

bool crawl_detect(const char *data, size_t size)
{
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        size -= 3;
    }
    bool title = starts_lit(data, size, "标题:") || starts_lit(data, size, "标题：") ||
                 starts_lit(data, size, "\xB1\xEA\xCC\xE2:") ||
                 starts_lit(data, size, "\xB1\xEA\xCC\xE2\xA3\xBA");
    return title && marker_end(data, size) > 0;
}

/* The value of the `标题:` line. */
static void header_title(const char *s, size_t n, const char **title, size_t *tlen)
{
    *title = NULL;
    *tlen = 0;
    const char *nl = memchr(s, '\n', n);
    size_t len = nl ? (size_t)(nl - s) : n;
    size_t k = starts_lit(s, len, "标题:") ? strlen("标题:")
               : starts_lit(s, len, "标题：") ? strlen("标题：") : 0;
    if (k) {
        *title = s + k;
        *tlen = len - k;
    }
}

static const char *const chrome_words[] = {
    "微信", "微博", "QQ空间", "全真版", "文字版", "文件下载", "附件下载", "打印", "打印本页",
    "关闭", "关闭窗口", "分享到", "相关链接", "相关链接：", "相关链接:", "-->", "【打印】",
    "【关闭】", "【大", "中", "小】", "字号", "扫一扫在手机打开当前页", NULL};
static const char *const chrome_prefixes[] = {"当前位置", "来源：", "来源:", "时间：", "时间:",
                                              "发布时间", "浏览次数", "点击数", "作者：", NULL};

static bool chrome_chunk(const char *s, size_t n)
{
    for (int i = 0; chrome_words[i]; i++)
        if (strlen(chrome_words[i]) == n && memcmp(s, chrome_words[i], n) == 0)
            return true;
    for (int i = 0; chrome_prefixes[i]; i++)
        if (starts_lit(s, n, chrome_prefixes[i]))
            return true;
    bool clock = n > 0;
    for (size_t i = 0; i < n; i++)
        clock &= (s[i] >= '0' && s[i] <= '9') || s[i] == ':' || s[i] == '-' || s[i] == '/';
    return clock;
}

/* A short line of its own naming the report: the page's title display. */
static bool title_chunk(const char *s, size_t n)
{
    return utf8_length(s, n) <= 60 && contains_lit(s, n, "报告") && !contains_lit(s, n, "。") &&
           !contains_lit(s, n, "，");
}

/* Next white-space separated chunk at s[*i]: sets [*cs, *ce). */
static bool next_chunk(const char *s, size_t n, size_t *i, size_t *cs, size_t *ce)
{
    size_t j = *i;
    while (j < n) {
        size_t k = j;
        if (!cp_is_space(utf8_next(s, n, &k)))
            break;
        j = k;
    }
    if (j >= n)
        return false;
    *cs = j;
    while (j < n) {
        size_t k = j;
        if (cp_is_space(utf8_next(s, n, &k)))
            break;
        j = k;
    }
    *ce = j;
    *i = j;
    return true;
}

/* Where the report text starts: after a leading 当前位置 … 相关链接 block
 * (corpus 006), chunk by chunk while they look like page chrome (the
 * breadcrumb after 当前位置：, the repeated title, source, time, share
 * buttons). */
static size_t skip_leading_chrome(const char *s, size_t n)
{
    size_t i = 0, cs, ce, start = 0;
    if (!next_chunk(s, n, &i, &cs, &ce) || !starts_lit(s + cs, ce - cs, "当前位置"))
        return 0;
    bool crumb = ce - cs <= strlen("当前位置：");
    start = ce;
    while (next_chunk(s, n, &i, &cs, &ce)) {
        if (crumb || chrome_chunk(s + cs, ce - cs) || title_chunk(s + cs, ce - cs)) {
            crumb = false;
            start = ce;
            continue;
        }
        break;
    }
    return start;
}

/* Where the report text ends: before trailing share and download links. */
static size_t trim_trailing_chrome(const char *s, size_t n)
{
    size_t end = n;
    for (;;) {
        size_t e = end;
        while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t'))
            e--;
        size_t b = e;
        while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\n' && s[b - 1] != '\t')
            b--;
        if (b == e || !chrome_chunk(s + b, e - b) || starts_lit(s + b, e - b, "当前位置"))
            return end;
        end = b;
    }
}

/* Byte offsets of the lines of s, in the arena; NULL with *count 0
 * when out of memory, NULL with *count the number of lines when there
 * are more than REPORT_MAX_LINES. */
static uint32_t *index_lines(arena *a, const char *s, size_t n, uint32_t *count)
{
    size_t lines = 1;
    for (size_t i = 0; i < n; i++)
        lines += s[i] == '\n';
    *count = 0;
    if (lines > REPORT_MAX_LINES) {
        *count = (uint32_t)(lines < UINT32_MAX ? lines : UINT32_MAX);
        return NULL;
    }
    uint32_t *start = arena_alloc_raw(a, sizeof(uint32_t) * lines);
    if (!start)
        return NULL;
    uint32_t k = 0;
    start[k++] = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n')
            start[k++] = (uint32_t)i + 1;
    *count = k;
    return start;
}

xxgk_status read_crawl(arena *a, const char *data, size_t size, doc *out, const char **encoding,
                       xxgk_error *err)
{
    input_text raw;
    xxgk_status st = input_normalise(a, data, size, &raw, err);
    if (st != XXGK_OK)
        return st;
    *encoding = raw.encoding;
    size_t body = marker_end(raw.text, raw.size);
    const char *title;
    size_t tlen;
    header_title(raw.text, raw.size, &title, &tlen);
    const char *s = raw.text + body;
    size_t n = raw.size - body;
    size_t skip = skip_leading_chrome(s, n);
    s += skip;
    n = trim_trailing_chrome(s, n - skip);

    index_ensure();
    emitter e;
    memset(&e, 0, sizeof e);
    e.d = out;
    e.base = raw.text;
    e.flat_cells = tpl_min_flat_cells();
    e.line_start = index_lines(a, raw.text, raw.size, &e.nlines);
    if (!e.line_start && e.nlines)
        return error_set(err, XXGK_E_TOO_LARGE,
                         "网页抓取文本行数过多（%u 行，上限 %d 行），不是一份年度报告", e.nlines,
                         REPORT_MAX_LINES);
    ctext ct;
    memset(&ct, 0, sizeof ct);
    if (!e.line_start || ctext_build(&ct, s, n) < 0) {
        ctext_free(&ct);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    e.ct = &ct;
    if (title && !text_is_blank(title, tlen))
        emit_para_raw(&e, title, tlen);
    emit_body(&e);
    ctext_free(&ct);
    free(e.tmp.p);
    if (e.tmp.failed)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    st = doc_status(out, "网页抓取文本", err);
    if (st == XXGK_OK && out->n == 0)
        st = error_set(err, XXGK_E_EMPTY, "网页抓取文本的正文为空");
    return st;
}
