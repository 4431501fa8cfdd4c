/*
 * pdf_layout.c — paragraphs and tables rebuilt from a PDF page's
 * geometry (see pdf_layout.h): the half of the PDF reader that works on
 * characters and lines, not on PDF.
 *
 * Per page: the rulings are merged into long lines and grouped into
 * connected grids; each grid is a table whose rows and columns are the
 * distinct line positions, and whose cells are the grid cells joined
 * wherever the line between them is missing (a merged cell). Characters
 * inside a table go to their cell, the others form text lines by
 * baseline. Then, over the whole document: page numbers and running
 * headers and footers go, a table cut by a page break is joined again,
 * lines of one paragraph are joined, and everything is handed over as
 * the document tree (doc.h), each node with its page and box.
 *
 * Everything is allocated in one scratch arena, released at the end.
 */
#include "pdf_layout.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "utf8.h"

#define SNAP 2.0f       /* rulings closer than this (pt) are one ruling */
#define MIN_CELL 4.0f   /* grid rows/columns thinner than this are border artefacts */
#define EDGE_ZONE 0.1f  /* top and bottom tenth of a page: headers, footers */

typedef struct group {
    int r0, c0, r1, c1;  /* grid rows and columns covered (inclusive) */
    const pdfl_char **chars;
    size_t n, cap;
    char *text;          /* lines joined by \n, once built */
    bool cont;           /* continues a cell cut by the page break above */
} group;

typedef struct table {
    float *xs, *ys;      /* ncols+1 column and nrows+1 row boundaries */
    int ncols, nrows;
    int *owner;          /* grid cell → group */
    group *groups;
    int ngroups;
    bool skip_first;     /* the first row went up to the page before */
} table;

typedef struct line {
    char *text;
    float x0, x1, base, size;
    float first_word;    /* width of its first word (a CJK character, or a run of ASCII) */
    int nchunks;         /* words in columns (gaps of two characters or more) */
    int numbers;         /* chunks that are numbers */
    char **chunks;
} line;

typedef struct block {
    float top;
    line *ln;            /* a text line, or */
    table *tb;           /* a table */
    bool drop;           /* page furniture */
} block;

typedef struct page_out {
    block *v;
    size_t n, cap;
    float width, height;
} page_out;

typedef struct ctx {
    arena a;
    page_out *pages;
    size_t npages;
} ctx;

/* ---- small helpers ---------------------------------------------------- */

static void *grow(ctx *c, void *v, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return v;
    size_t nc = *cap ? *cap * 2 : 16;
    void *p = arena_grow(&c->a, v, *cap * elem, nc * elem);
    if (p)
        *cap = nc;
    return p;
}

/* qsort, for arrays that may be empty (and NULL). */
static void sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

static int cmp_seg(const void *a, const void *b)
{
    const pdfl_seg *s = a, *t = b;
    if (s->pos != t->pos)
        return (s->pos > t->pos) - (s->pos < t->pos);
    return (s->a0 > t->a0) - (s->a0 < t->a0);
}

static int cmp_char_base(const void *a, const void *b)
{
    const pdfl_char *s = *(const pdfl_char *const *)a, *t = *(const pdfl_char *const *)b;
    if (s->base != t->base)
        return (s->base > t->base) - (s->base < t->base);
    return (s->x0 > t->x0) - (s->x0 < t->x0);
}

static int cmp_char_x(const void *a, const void *b)
{
    const pdfl_char *s = *(const pdfl_char *const *)a, *t = *(const pdfl_char *const *)b;
    return (s->x0 > t->x0) - (s->x0 < t->x0);
}

static int cmp_block(const void *a, const void *b)
{
    const block *s = a, *t = b;
    return (s->top > t->top) - (s->top < t->top);
}

static float cy(const pdfl_char *ch)
{
    return ch->base - ch->size * 0.35f; /* the middle of a CJK glyph */
}

/* Index of the interval of sorted bounds v[0..n] that holds x, or -1. */
static int find_interval(const float *v, int n, float x)
{
    if (x < v[0] || x > v[n])
        return -1;
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (v[mid] <= x)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

/* ---- rulings ------------------------------------------------------------ */

static int cmp_seg_extent(const void *a, const void *b)
{
    const pdfl_seg *s = a, *t = b;
    return (s->a0 > t->a0) - (s->a0 < t->a0);
}

/* Sorts and joins collinear rulings that touch or overlap (a table's
 * border is often drawn cell by cell): rulings whose positions differ by
 * less than SNAP/2 form one line of positions, and along it the
 * overlapping pieces become one. Returns the new count. */
static size_t merge_segs(pdfl_seg *s, size_t n)
{
    sort(s, n, sizeof *s, cmp_seg);
    size_t o = 0, i = 0;
    while (i < n) {
        size_t end = i + 1;
        while (end < n && s[end].pos - s[end - 1].pos <= SNAP / 2)
            end++;
        sort(s + i, end - i, sizeof *s, cmp_seg_extent);
        size_t first = o;
        s[o] = s[i];
        for (size_t k = i + 1; k < end; k++) {
            if (s[k].a0 <= s[o].a1 + SNAP) {
                if (s[k].a1 > s[o].a1)
                    s[o].a1 = s[k].a1;
            } else {
                s[++o] = s[k];
                s[o].pos = s[first].pos;
            }
        }
        o++;
        i = end;
    }
    return o;
}

static int uf_find(int *parent, int i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

static void uf_union(int *parent, int a, int b)
{
    a = uf_find(parent, a);
    b = uf_find(parent, b);
    if (a != b)
        parent[a < b ? b : a] = a < b ? a : b;
}

static bool crosses(const pdfl_seg *h, const pdfl_seg *v)
{
    return v->pos >= h->a0 - SNAP && v->pos <= h->a1 + SNAP && h->pos >= v->a0 - SNAP &&
           h->pos <= v->a1 + SNAP;
}

/* Distinct positions (closer than MIN_CELL are one), sorted; returns the
 * count written into out. */
static int cluster(float *vals, int n, float *out)
{
    sort(vals, (size_t)n, sizeof *vals, cmp_float);
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (k && vals[i] - out[k - 1] < MIN_CELL)
            continue;
        out[k++] = vals[i];
    }
    return k;
}

/* ---- tables ------------------------------------------------------------- */

/* Whether a ruling of `segs` at position `at` covers the point `mid`. */
static bool ruled(const pdfl_seg *segs, const int *members, int nm, float at, float mid)
{
    for (int i = 0; i < nm; i++) {
        const pdfl_seg *s = &segs[members[i]];
        if (fabsf(s->pos - at) <= SNAP && s->a0 - SNAP <= mid && s->a1 + SNAP >= mid)
            return true;
    }
    return false;
}

/* Joins the grid cells that no ruling separates into groups (merged
 * cells), each with the rectangle it covers. */
static bool build_groups(ctx *c, table *t, const pdfl_page *pg, const int *hm, int nhm,
                         const int *vm, int nvm)
{
    int cells = t->nrows * t->ncols;
    int *parent = arena_alloc(&c->a, sizeof(int) * (size_t)cells);
    t->owner = arena_alloc(&c->a, sizeof(int) * (size_t)cells);
    if (!parent || !t->owner)
        return false;
    for (int i = 0; i < cells; i++)
        parent[i] = i;
    for (int r = 0; r < t->nrows; r++) {
        float ymid = (t->ys[r] + t->ys[r + 1]) / 2;
        for (int col = 0; col < t->ncols; col++) {
            float xmid = (t->xs[col] + t->xs[col + 1]) / 2;
            if (col + 1 < t->ncols && !ruled(pg->vsegs, vm, nvm, t->xs[col + 1], ymid))
                uf_union(parent, r * t->ncols + col, r * t->ncols + col + 1);
            if (r + 1 < t->nrows && !ruled(pg->hsegs, hm, nhm, t->ys[r + 1], xmid))
                uf_union(parent, r * t->ncols + col, (r + 1) * t->ncols + col);
        }
    }
    int *index = arena_alloc(&c->a, sizeof(int) * (size_t)cells);
    if (!index)
        return false;
    t->ngroups = 0;
    for (int i = 0; i < cells; i++)
        if (uf_find(parent, i) == i)
            index[i] = t->ngroups++;
    t->groups = arena_alloc(&c->a, sizeof(group) * (size_t)t->ngroups);
    if (!t->groups)
        return false;
    for (int g = 0; g < t->ngroups; g++)
        t->groups[g].r0 = t->groups[g].c0 = -1;
    for (int i = 0; i < cells; i++) {
        int g = index[uf_find(parent, i)], r = i / t->ncols, col = i % t->ncols;
        t->owner[i] = g;
        group *gr = &t->groups[g];
        if (gr->r0 < 0) {
            gr->r0 = gr->r1 = r;
            gr->c0 = gr->c1 = col;
        }
        gr->r0 = r < gr->r0 ? r : gr->r0;
        gr->r1 = r > gr->r1 ? r : gr->r1;
        gr->c0 = col < gr->c0 ? col : gr->c0;
        gr->c1 = col > gr->c1 ? col : gr->c1;
    }
    return true;
}

/* A table from one connected set of rulings, or NULL when it is not one
 * (fewer than two cells: a framed paragraph is text). */
static table *make_table(ctx *c, const pdfl_page *pg, const int *hm, int nhm, const int *vm,
                         int nvm)
{
    float *vals = arena_alloc(&c->a, sizeof(float) * (size_t)(nhm + nvm + 4));
    table *t = arena_alloc(&c->a, sizeof *t);
    if (!vals || !t)
        return NULL;
    t->xs = arena_alloc(&c->a, sizeof(float) * (size_t)(nvm + 3));
    t->ys = arena_alloc(&c->a, sizeof(float) * (size_t)(nhm + 3));
    if (!t->xs || !t->ys)
        return NULL;
    /* The ends of the rulings bound the table too: a table drawn
     * without its outer frame still holds its outer columns. */
    float lo = 1e9f, hi = -1e9f;
    for (int i = 0; i < nhm; i++) {
        lo = fminf(lo, pg->hsegs[hm[i]].a0);
        hi = fmaxf(hi, pg->hsegs[hm[i]].a1);
    }
    for (int i = 0; i < nvm; i++)
        vals[i] = pg->vsegs[vm[i]].pos;
    vals[nvm] = lo;
    vals[nvm + 1] = hi;
    t->ncols = cluster(vals, nvm + 2, t->xs) - 1;
    lo = 1e9f, hi = -1e9f;
    for (int i = 0; i < nvm; i++) {
        lo = fminf(lo, pg->vsegs[vm[i]].a0);
        hi = fmaxf(hi, pg->vsegs[vm[i]].a1);
    }
    for (int i = 0; i < nhm; i++)
        vals[i] = pg->hsegs[hm[i]].pos;
    vals[nhm] = lo;
    vals[nhm + 1] = hi;
    t->nrows = cluster(vals, nhm + 2, t->ys) - 1;
    if (t->ncols < 1 || t->nrows < 1 || t->ncols * t->nrows < 2 ||
        (long)t->ncols * t->nrows > PDFL_MAX_GRID)
        return NULL;
    return build_groups(c, t, pg, hm, nhm, vm, nvm) ? t : NULL;
}

/* Finds the tables of a page: connected sets of rulings with two
 * horizontal and two vertical lines at least. */
static int find_tables(ctx *c, pdfl_page *pg, table ***out, int *nout)
{
    *nout = 0;
    if (pg->nh + pg->nv > PDFL_MAX_SEGS || pg->nh < 2 || pg->nv < 2)
        return 0;
    pg->nh = merge_segs(pg->hsegs, pg->nh);
    pg->nv = merge_segs(pg->vsegs, pg->nv);
    int nh = (int)pg->nh, nv = (int)pg->nv, n = nh + nv;
    int *parent = arena_alloc(&c->a, sizeof(int) * (size_t)n);
    int *hm = arena_alloc(&c->a, sizeof(int) * (size_t)nh);
    int *vm = arena_alloc(&c->a, sizeof(int) * (size_t)nv);
    table **tables = arena_alloc(&c->a, sizeof(table *) * (size_t)n);
    if (!parent || !hm || !vm || !tables)
        return -1;
    for (int i = 0; i < n; i++)
        parent[i] = i;
    for (int i = 0; i < nh; i++)
        for (int k = 0; k < nv; k++)
            if (crosses(&pg->hsegs[i], &pg->vsegs[k]))
                uf_union(parent, i, nh + k);
    for (int root = 0; root < n; root++) {
        if (uf_find(parent, root) != root)
            continue;
        int nhm = 0, nvm = 0;
        for (int i = 0; i < nh; i++)
            if (uf_find(parent, i) == root)
                hm[nhm++] = i;
        for (int k = 0; k < nv; k++)
            if (uf_find(parent, nh + k) == root)
                vm[nvm++] = k;
        if (nhm < 2 || nvm < 2)
            continue;
        table *t = make_table(c, pg, hm, nhm, vm, nvm);
        if (c->a.failed)
            return -1;
        if (t)
            tables[(*nout)++] = t;
    }
    *out = tables;
    return 0;
}

static table *table_at(table **tables, int n, const pdfl_char *ch, int *cell)
{
    float x = (ch->x0 + ch->x1) / 2, y = cy(ch);
    for (int i = 0; i < n; i++) {
        table *t = tables[i];
        int col = find_interval(t->xs, t->ncols, x), r = find_interval(t->ys, t->nrows, y);
        if (col >= 0 && r >= 0) {
            *cell = r * t->ncols + col;
            return t;
        }
    }
    return NULL;
}

/* ---- text from characters ------------------------------------------------ */

static bool add_char_to_group(ctx *c, group *g, const pdfl_char *ch)
{
    g->chars = grow(c, g->chars, &g->cap, g->n, sizeof *g->chars);
    if (!g->chars)
        return false;
    g->chars[g->n++] = ch;
    return true;
}

/* Writes one line, its characters sorted by x: a space where a gap is
 * wider than `space` times the font size; a character printed twice
 * over itself (fake bold) once. */
static void line_text(const pdfl_char **cs, size_t n, strbuf *out, float space)
{
    const pdfl_char *prev = NULL;
    for (size_t k = 0; k < n; k++) {
        const pdfl_char *ch = cs[k];
        if (prev && ch->cp == prev->cp && fabsf(ch->x0 - prev->x0) < ch->size * 0.3f)
            continue;
        if (prev && ch->x0 - prev->x1 > space * ch->size && ch->cp != ' ' && prev->cp != ' ')
            strbuf_addc(out, ' ');
        strbuf_add_cp(out, ch->cp);
        prev = ch;
    }
}

/* Writes the characters of a cell, sorted by baseline, as lines joined
 * by \n. */
static void cell_text(const pdfl_char **cs, size_t n, strbuf *out)
{
    size_t i = 0;
    while (i < n) {
        size_t end = i + 1;
        float base = cs[i]->base, tol = cs[i]->size * 0.5f;
        while (end < n && cs[end]->base - base <= tol)
            end++;
        sort(cs + i, end - i, sizeof *cs, cmp_char_x);
        if (i)
            strbuf_addc(out, '\n');
        line_text(cs + i, end - i, out, 0.45f);
        i = end;
    }
}

static char *arena_text(ctx *c, strbuf *b)
{
    char *s = arena_strndup(&c->a, b->s ? b->s : "", b->len);
    strbuf_clear(b);
    return s;
}

static bool is_number_text(const char *s)
{
    size_t n = strlen(s), i = 0, digits = 0;
    while (i < n && (s[i] == '-' || s[i] == '+'))
        i++;
    for (; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (s[i] != '.' && s[i] != ',' && s[i] != '%')
            return false;
    }
    return digits > 0;
}

/* Splits a line's text into chunks at gaps of two characters or more
 * (the columns of a table drawn without lines). */
static bool line_chunks(ctx *c, line *ln, const pdfl_char **cs, size_t n, strbuf *tmp)
{
    size_t start = 0;
    ln->chunks = arena_alloc(&c->a, sizeof(char *) * (n + 1));
    if (!ln->chunks)
        return false;
    for (size_t k = 1; k <= n; k++) {
        if (k < n && cs[k]->x0 - cs[k - 1]->x1 <= 2.0f * cs[k]->size)
            continue;
        line_text(cs + start, k - start, tmp, 0.45f);
        char *chunk = arena_text(c, tmp);
        if (!chunk)
            return false;
        ln->numbers += is_number_text(chunk);
        ln->chunks[ln->nchunks++] = chunk;
        start = k;
    }
    return true;
}

static bool word_char(int32_t cp)
{
    return cp > ' ' && cp < 0x80;
}

/* The width of a line's first word: what would have had to fit at the
 * end of the line before it. */
static float first_word(const pdfl_char **cs, size_t n)
{
    size_t k = 1;
    if (word_char(cs[0]->cp))
        while (k < n && word_char(cs[k]->cp) && cs[k]->x0 - cs[k - 1]->x1 < 0.3f * cs[k]->size)
            k++;
    return cs[k - 1]->x1 - cs[0]->x0;
}

/* Groups the characters outside tables into lines, each a block. */
static bool free_lines(ctx *c, page_out *po, const pdfl_char **cs, size_t n, strbuf *tmp)
{
    sort(cs, n, sizeof *cs, cmp_char_base);
    size_t i = 0;
    while (i < n) {
        size_t end = i + 1;
        float base = cs[i]->base, size = cs[i]->size;
        while (end < n && cs[end]->base - base <= size * 0.4f) {
            if (cs[end]->size > size)
                size = cs[end]->size;
            end++;
        }
        sort(cs + i, end - i, sizeof *cs, cmp_char_x);
        line *ln = arena_alloc(&c->a, sizeof *ln);
        if (!ln)
            return false;
        ln->x0 = cs[i]->x0;
        ln->x1 = cs[end - 1]->x1;
        ln->first_word = first_word(cs + i, end - i);
        ln->base = base;
        ln->size = size;
        if (!line_chunks(c, ln, cs + i, end - i, tmp))
            return false;
        line_text(cs + i, end - i, tmp, 0.45f);
        ln->text = arena_text(c, tmp);
        po->v = grow(c, po->v, &po->cap, po->n, sizeof *po->v);
        if (!ln->text || !po->v)
            return false;
        po->v[po->n++] = (block){base - size, ln, NULL, false};
        i = end;
    }
    return true;
}

static bool table_texts(ctx *c, page_out *po, table **tables, int ntables, strbuf *tmp)
{
    for (int i = 0; i < ntables; i++) {
        table *t = tables[i];
        for (int g = 0; g < t->ngroups; g++) {
            group *gr = &t->groups[g];
            sort(gr->chars, gr->n, sizeof *gr->chars, cmp_char_base);
            cell_text(gr->chars, gr->n, tmp);
            if (!(gr->text = arena_text(c, tmp)))
                return false;
        }
        po->v = grow(c, po->v, &po->cap, po->n, sizeof *po->v);
        if (!po->v)
            return false;
        po->v[po->n++] = (block){t->ys[0], NULL, t, false};
    }
    return true;
}

/* Lays out one page into blocks sorted from top to bottom. */
static bool read_page(ctx *c, pdfl_page *pg, page_out *po, strbuf *tmp)
{
    table **tables = NULL;
    int ntables = 0;
    po->width = pg->width;
    po->height = pg->height;
    if (find_tables(c, pg, &tables, &ntables) < 0)
        return false;
    const pdfl_char **rest = arena_alloc(&c->a, sizeof *rest * (pg->nchars + 1));
    if (!rest)
        return false;
    size_t nrest = 0;
    for (size_t i = 0; i < pg->nchars; i++) {
        const pdfl_char *ch = &pg->chars[i];
        int cell;
        table *t = table_at(tables, ntables, ch, &cell);
        if (!t)
            rest[nrest++] = ch;
        else if (!add_char_to_group(c, &t->groups[t->owner[cell]], ch))
            return false;
    }
    if (!table_texts(c, po, tables, ntables, tmp) || !free_lines(c, po, rest, nrest, tmp))
        return false;
    sort(po->v, po->n, sizeof *po->v, cmp_block);
    return true;
}

/* ---- page furniture --------------------------------------------------------- */

static bool in_edge(const block *b, float height)
{
    return b->top < height * EDGE_ZONE || b->top > height * (1 - EDGE_ZONE);
}

/* Marks page numbers, and lines repeated at the top or foot of several
 * pages (running headers and footers). */
static void drop_furniture(ctx *c)
{
    for (size_t p = 0; p < c->npages; p++) {
        page_out *po = &c->pages[p];
        for (size_t i = 0; i < po->n; i++) {
            block *b = &po->v[i];
            if (!b->ln || !in_edge(b, po->height))
                continue;
            if (text_is_page_number(b->ln->text, strlen(b->ln->text), false)) {
                b->drop = true;
                continue;
            }
            int seen = 0;
            for (size_t q = 0; q < c->npages && c->npages >= 3; q++) {
                page_out *other = &c->pages[q];
                for (size_t k = 0; q != p && k < other->n; k++) {
                    const block *o = &other->v[k];
                    if (o->ln && in_edge(o, other->height) && fabsf(o->top - b->top) < 3 &&
                        !strcmp(o->ln->text, b->ln->text)) {
                        seen++;
                        break;
                    }
                }
            }
            if (seen * 2 >= (int)c->npages - 1 && seen >= 2)
                b->drop = true;
        }
    }
}

/* ---- tables across page breaks ------------------------------------------------ */

static block *first_block(page_out *po)
{
    for (size_t i = 0; i < po->n; i++)
        if (!po->v[i].drop)
            return &po->v[i];
    return NULL;
}

static block *last_block(page_out *po)
{
    for (size_t i = po->n; i-- > 0;)
        if (!po->v[i].drop)
            return &po->v[i];
    return NULL;
}

static bool near(float a, float b)
{
    return fabsf(a - b) <= 3.0f;
}

/* The group of `t`'s last row spanning the same columns as `g` of the
 * table below it, or NULL. */
static group *above(table *t, const table *below, const group *g)
{
    float left = below->xs[g->c0], right = below->xs[g->c1 + 1];
    for (int k = 0; k < t->ngroups; k++) {
        group *a = &t->groups[k];
        if (a->r1 == t->nrows - 1 && near(t->xs[a->c0], left) && near(t->xs[a->c1 + 1], right))
            return a;
    }
    return NULL;
}

static bool append_text(ctx *c, group *to, const char *text)
{
    if (!text[0])
        return true;
    size_t n1 = strlen(to->text), n2 = strlen(text);
    char *s = arena_alloc(&c->a, n1 + n2 + 2);
    if (!s)
        return false;
    memcpy(s, to->text, n1);
    s[n1] = n1 ? '\n' : '\0';
    memcpy(s + (n1 ? n1 + 1 : 0), text, n2 + 1);
    to->text = s;
    return true;
}

/* Whether the first row of t2 is the rest of t1's last row, cut by the
 * page break (Word lets a row break across pages): every text in it goes
 * on from a label above it, and none is a number. */
static bool is_split_row(table *t1, const table *t2)
{
    bool any = false;
    for (int k = 0; k < t2->ngroups; k++) {
        const group *g2 = &t2->groups[k];
        if (g2->r0 != 0 || !g2->text[0])
            continue;
        const group *g1 = above(t1, t2, g2);
        if (!g1 || !g1->text[0] || is_number_text(g1->text) || is_number_text(g2->text))
            return false;
        any = true;
    }
    return any;
}

/* A table that goes on at the top of the next page is one table. What
 * the page break cut is joined again and written in the upper part: a row
 * broken across the pages ("3、危及“三安" | "全一稳定”"), or a merged
 * label cell ("（四）无" | "法提供", corpus 003). */
static bool join_tables(ctx *c)
{
    for (size_t p = 0; p + 1 < c->npages; p++) {
        block *a = last_block(&c->pages[p]), *b = first_block(&c->pages[p + 1]);
        if (!a || !b || !a->tb || !b->tb)
            continue;
        table *t1 = a->tb, *t2 = b->tb;
        if (!near(t1->xs[0], t2->xs[0]) || !near(t1->xs[t1->ncols], t2->xs[t2->ncols]))
            continue;
        bool split = is_split_row(t1, t2);
        t2->skip_first = split;
        for (int k = 0; k < t2->ngroups; k++) {
            group *g2 = &t2->groups[k];
            group *g1 = g2->r0 == 0 ? above(t1, t2, g2) : NULL;
            if (!g1)
                continue;
            if (!split && ((g1->r1 == g1->r0 && g2->r1 == g2->r0) || is_number_text(g1->text) ||
                           is_number_text(g2->text)))
                continue;
            if (!append_text(c, g1, g2->text))
                return false;
            g2->cont = true;
        }
    }
    return true;
}

/* ---- writing ------------------------------------------------------------------ */

static xxgk_locator pdf_locator(size_t page, float x0, float y0, float x1, float y1)
{
    xxgk_locator l;
    memset(&l, 0, sizeof l);
    l.kind = XXGK_LOC_PDF;
    l.page = (uint32_t)page + 1;
    l.x0 = x0;
    l.y0 = y0;
    l.x1 = x1;
    l.y1 = y1;
    return l;
}

/* The table block rows of `kind` (ruled or not) go to: the last block
 * when it is such a table (a table cut by a page break, consecutive
 * lines of a table drawn without lines), else a new one. */
static doc_block *table_block(doc *out, bool ruled, const xxgk_locator *src)
{
    doc_block *last = doc_last_table(out);
    if (last && last->spans == ruled)
        return last;
    doc_block *t = doc_put_table(out, ruled, src);
    if (t)
        t->converted = !ruled; /* columns found by the gaps between words */
    return t;
}

/* A ruled table on page `page`: each grid row a row, each merged group a
 * cell over its grid columns, the rows below its first continued. */
static void write_table(ctx *c, const table *t, size_t page, doc *out)
{
    /* The document cell of each group once written, for its
     * continuations below. */
    const doc_cell **owners = arena_alloc(&c->a, sizeof *owners * (size_t)(t->ngroups + 1));
    if (!owners) {
        out->failed = XXGK_E_NOMEM;
        return;
    }
    xxgk_locator tl = pdf_locator(page, t->xs[0], t->ys[0], t->xs[t->ncols], t->ys[t->nrows]);
    doc_block *tb = table_block(out, true, &tl);
    for (int r = t->skip_first ? 1 : 0; r < t->nrows && tb; r++) {
        xxgk_locator rl = pdf_locator(page, t->xs[0], t->ys[r], t->xs[t->ncols], t->ys[r + 1]);
        doc_row *row = doc_put_row(out, tb, &rl);
        int prev = -1;
        for (int col = 0; col < t->ncols && row; col++) {
            int g = t->owner[r * t->ncols + col];
            if (g == prev)
                continue;
            prev = g;
            const group *gr = &t->groups[g];
            bool first = gr->r0 == r && !gr->cont;
            xxgk_locator cl = pdf_locator(page, t->xs[gr->c0], t->ys[gr->r0], t->xs[gr->c1 + 1],
                                          t->ys[gr->r1 + 1]);
            if (first)
                owners[g] = doc_put_cell(out, row, gr->text, strlen(gr->text), (unsigned)col,
                                         (unsigned)(gr->c1 - gr->c0 + 1),
                                         (unsigned)(gr->r1 - gr->r0 + 1), false, &cl);
            else if (!doc_put_continued(out, row, (unsigned)col,
                                        (unsigned)(gr->c1 - gr->c0 + 1), owners[g]))
                break;
            else if (!owners[g]) /* the rest of a cell cut by the page break */
                row->cells[row->n - 1].src = cl;
        }
    }
}

/* Where the text body's lines start and end: the commonest left edge
 * (continuation lines of paragraphs) and right edge (full lines), to the
 * point. A right edge short of 60% of the page is no margin: the lines
 * are all short, none is full. */
static void body_margins(ctx *c, float *left, float *right)
{
    enum { SPAN = 4096 };
    int *hl = arena_alloc(&c->a, sizeof(int) * SPAN), *hr = arena_alloc(&c->a, sizeof(int) * SPAN);
    *left = 0;
    *right = 1e9f;
    if (!hl || !hr)
        return;
    for (size_t p = 0; p < c->npages; p++)
        for (size_t i = 0; i < c->pages[p].n; i++) {
            const line *ln = c->pages[p].v[i].ln;
            if (!ln || ln->x0 < 0 || ln->x1 < 0 || ln->x0 >= SPAN || ln->x1 >= SPAN)
                continue;
            hl[(int)ln->x0]++;
            hr[(int)ln->x1]++;
        }
    float min_right = c->npages ? c->pages[0].width * 0.6f : 0;
    int bl = 0, br = 0;
    for (int x = 1; x + 1 < SPAN; x++) {
        int nl = hl[x - 1] + hl[x] + hl[x + 1], nr = hr[x - 1] + hr[x] + hr[x + 1];
        if (nl > bl) {
            bl = nl;
            *left = (float)x;
        }
        if (nr > br && (float)x >= min_right) {
            br = nr;
            *right = (float)x + 1;
        }
    }
}

typedef struct para {
    strbuf text;
    const line *last;
    bool open;
    xxgk_locator at;   /* the page and box of its first line */
} para;

static void flush_para(para *p, doc *out)
{
    if (p->open)
        doc_put_para(out, p->text.s ? p->text.s : "", p->text.len, &p->at);
    strbuf_clear(&p->text);
    p->open = false;
    p->last = NULL;
}

static bool ascii_alnum(int ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool cjk_numeral(int32_t cp)
{
    static const int32_t digits[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
                                     0x4E03, 0x516B, 0x4E5D, 0x5341, 0};
    for (int i = 0; digits[i]; i++)
        if (cp == digits[i])
            return true;
    return false;
}

/* A line that starts like a heading or a numbered paragraph: "一、",
 * "（五）", "(3)". Such a line starts a paragraph even after a full
 * line (reports written without first-line indents, samples 000–004). */
static bool starts_numbered(const char *s)
{
    size_t n = strlen(s), i = 0;
    int32_t cp = utf8_next(s, n, &i);
    bool paren = cp == '(' || cp == 0xFF08;
    if (paren)
        cp = i < n ? utf8_next(s, n, &i) : -1;
    int digits = 0;
    while (cp >= 0 && (cjk_numeral(cp) || (paren && cp >= '0' && cp <= '9')) && digits < 4) {
        digits++;
        cp = i < n ? utf8_next(s, n, &i) : -1;
    }
    if (!digits)
        return false;
    return paren ? (cp == ')' || cp == 0xFF09) : cp == 0x3001;
}

/* Whether `ln` goes on with the paragraph whose last line is `prev`: the
 * previous line is full (this line's first word would not have fitted
 * before the right margin: a CJK character, or a whole URL, sample 004)
 * and this one is not indented nor numbered, in the same size, at a
 * line's distance (or at the top of the next page). */
static bool continues(const line *prev, const line *ln, bool new_page, float left, float right)
{
    if (!prev || starts_numbered(ln->text))
        return false;
    if (right - prev->x1 > ln->first_word + 0.5f * prev->size || ln->x0 > left + 0.5f * ln->size)
        return false;
    if (fabsf(prev->size - ln->size) > 0.2f * prev->size)
        return false;
    return new_page || (ln->base > prev->base && ln->base - prev->base <= 2.5f * prev->size);
}

static void write_line(para *p, const line *ln, size_t page, bool new_page, float left,
                       float right, doc *out)
{
    xxgk_locator at = pdf_locator(page, ln->x0, ln->base - ln->size, ln->x1, ln->base);
    if (ln->nchunks >= 3 && ln->numbers >= 2) {
        flush_para(p, out);
        doc_row *row = doc_put_row(out, table_block(out, false, &at), &at);
        for (int k = 0; k < ln->nchunks && row; k++)
            doc_put_cell(out, row, ln->chunks[k], strlen(ln->chunks[k]), (unsigned)k, 1, 1,
                         false, &at);
        return;
    }
    if (p->open && continues(p->last, ln, new_page, left, right)) {
        if (p->text.len && ascii_alnum(p->text.s[p->text.len - 1]) && ascii_alnum(ln->text[0]))
            strbuf_addc(&p->text, ' ');
    } else {
        flush_para(p, out);
        p->open = true;
        p->at = at;
    }
    strbuf_add(&p->text, ln->text, strlen(ln->text));
    p->last = ln;
}

static void write_all(ctx *c, doc *out)
{
    float left, right;
    body_margins(c, &left, &right);
    para p;
    memset(&p, 0, sizeof p);
    strbuf_init(&p.text, out->limit);
    for (size_t pi = 0; pi < c->npages; pi++) {
        bool new_page = true;
        for (size_t i = 0; i < c->pages[pi].n; i++) {
            const block *b = &c->pages[pi].v[i];
            if (b->drop)
                continue;
            if (b->tb) {
                flush_para(&p, out);
                write_table(c, b->tb, pi, out);
            } else {
                write_line(&p, b->ln, pi, new_page, left, right, out);
            }
            new_page = false;
        }
    }
    flush_para(&p, out);
    if (p.text.failed && !out->failed)
        out->failed = p.text.failed == STRBUF_NOMEM ? XXGK_E_NOMEM : XXGK_E_TOO_LARGE;
    strbuf_free(&p.text);
}

int pdfl_write(pdfl_page *pages, size_t npages, doc *out)
{
    ctx c;
    arena_init(&c.a, 1 << 16);
    c.npages = npages;
    c.pages = arena_alloc(&c.a, sizeof *c.pages * (npages + 1));
    strbuf tmp;
    strbuf_init(&tmp, out->limit);
    bool ok = c.pages != NULL;
    for (size_t p = 0; ok && p < npages; p++)
        ok = read_page(&c, &pages[p], &c.pages[p], &tmp);
    if (ok) {
        drop_furniture(&c);
        ok = join_tables(&c);
    }
    if (ok)
        write_all(&c, out);
    ok = ok && !c.a.failed && !tmp.failed;
    strbuf_free(&tmp);
    arena_release(&c.a);
    return ok ? 0 : -1;
}
