/*
 * split.c — the split solver: rows whose cells were printed as one run of
 * digits (see split.h).
 *
 *  1. Runs: every recorded row of sections 二–四 whose only value cell is
 *     a run of digits long enough to hold the row's cells.
 *  2. Local candidates: each run cut into the row's cells in every way
 *     the cells' syntax allows (no leading zeros, spaces and minus signs
 *     start a cell, a sign only in a signed column, a decimal point only
 *     in a money column), keeping the cuts that satisfy the row's own sum
 *     rules (SUM_EACH_ROW: 总计 of table 三, each group of table 四),
 *     pruned by partial sums.
 *  3. Joint: the column rules (SUM_EACH_COLUMN: （七）总计, 一+二=（七）+四)
 *     become linear equations over the runs' cells and the cells already
 *     placed. Runs linked by equations form a component, searched depth
 *     first with interval bounds on every equation; a candidate survives
 *     when some solution of its component uses it (split_search.c).
 *  4. The prose's figures (prose.h) narrow what the tables leave
 *     open; if no split agrees with them they are ignored.
 *  5. A run with one surviving candidate is placed; otherwise every
 *     surviving candidate is recorded and the cells stay absent. When a
 *     component has no solution at all, the report contradicts its own
 *     sum rules: each run then keeps only what its row's rule decides.
 *
 * Sum rules come from the template data, never from here.
 */
#include "split_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "prose.h"
#include "utf8.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool split_is_run(const char *s, size_t len)
{
    int digits = 0;
    char first = 0, last = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        int32_t cp = utf8_next(s, len, &i);
        if (cp_is_space(cp))
            continue;
        if (cp == 0x5143 /* 元 */ && i == len)
            break;
        if (cp == 0x4E07 /* 万 */ && i + 3 == len && memcmp(s + i, "元", 3) == 0)
            break;
        if (cp != '-' && cp != '.' && !(cp >= '0' && cp <= '9'))
            return false;
        digits += cp >= '0' && cp <= '9';
        if (!first)
            first = s[at];
        last = s[at];
    }
    return digits >= 2 && first != '.' && last != '.' && last != '-';
}

/* ---- cell ids ---------------------------------------------------------- */

/* The template's grid answers in constant time. */
static int cell_id(const tpl_table *t, int row, int col)
{
    return tpl_cell_at(t, row, col);
}

/* ---- runs ------------------------------------------------------------ */

static const char *span_text(const xxgk_report *r, span at, size_t *len)
{
    size_t ll;
    const char *line = xxgk_report_line(r, at.line, &ll);
    if (!line || at.col == 0 || at.col - 1 + at.len > ll)
        return NULL;
    *len = at.len;
    return line + at.col - 1;
}

/* The cells of the run's row: a row's own, or for table 四's flat row
 * every group's. Also the row's own sum rules (SUM_EACH_ROW). */
static bool run_cells(solver *s, run *u)
{
    const tpl_table *t = u->t;
    int groups[8], ng = 0;
    if (u->row < 0) {
        for (int i = 0; i < t->nrows && ng < 8; i++)
            if (t->rows[i].kind == ROW_DATA)
                groups[ng++] = i;
    } else {
        groups[ng++] = u->row;
    }
    u->k = 0;
    for (int g = 0; g < ng; g++) {
        const tpl_block *b = tpl_row_block(t, groups[g]);
        int base = u->k;
        if (u->k + b->ncols > RUN_CELLS)
            return false;
        for (int c = 0; c < b->ncols; c++) {
            u->cells[u->k] = cell_id(t, groups[g], c);
            u->unit[u->k++] = b->cols[c].unit;
        }
        for (int i = 0; i < t->nsums && u->neq < ROW_EQS; i++) {
            const tpl_sum *sum = &t->sums[i];
            if (sum->over != SUM_EACH_ROW || !(sum->formats & s->mask[t->section]))
                continue;
            row_eq *e = &u->eq[u->neq];
            memset(e, 0, sizeof *e);
            for (int side = 0; side < 2; side++) {
                key_iter it;
                key_iter_init(&it, side ? sum->rhs : sum->lhs);
                while (key_iter_next(&it) && e->n < RUN_CELLS) {
                    int c = tpl_col_index(b, it.key);
                    if (c < 0)
                        continue;
                    e->col[e->n] = base + c;
                    e->coef[e->n++] = side ? -1 : 1;
                    if (base + c > e->maxcol)
                        e->maxcol = base + c;
                }
            }
            u->neq += e->n > 1;
        }
    }
    for (int i = 0; i < u->k; i++)
        if (u->cells[i] < 0)
            return false;
    return true;
}

/* The significant characters of the run and where a cell must start. */
static bool run_scan(run *u)
{
    size_t n = u->len;
    if (n >= 6 && memcmp(u->text + n - 6, "万元", 6) == 0)
        u->suffix = 6;
    else if (n >= 3 && memcmp(u->text + n - 3, "元", 3) == 0)
        u->suffix = 3;
    n -= u->suffix;
    bool space = false;
    int digits = 0;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        int32_t cp = utf8_next(u->text, n, &i);
        if (cp_is_space(cp)) {
            space = u->nsig > 0;
            continue;
        }
        if (u->nsig >= RUN_CHARS || at > 255)
            return false;
        u->sig[u->nsig] = (char)cp;
        u->off[u->nsig] = (uint8_t)at;
        u->spaced[u->nsig++] = space;
        digits += is_digit((char)cp);
        space = false;
    }
    u->hard_from[u->nsig] = 0;
    for (int i = u->nsig - 1; i >= 0; i--)
        u->hard_from[i] = u->hard_from[i + 1] + (i > 0 && (u->spaced[i] || u->sig[i] == '-'));
    return digits >= u->k;
}

/* Collects the runs: recorded rows that placed nothing and whose one
 * value cell is a run of digits at least as long as the row has cells. */
static void find_runs(solver *s)
{
    xxgk_report *r = s->r;
    s->runs = calloc(r->ev->rows.n ? r->ev->rows.n : 1, sizeof *s->runs);
    if (!s->runs) {
        s->failed = true;
        return;
    }
    for (size_t i = 0; i < r->ev->rows.n; i++) {
        rec_row *rr = &r->ev->rows.v[i];
        if (!rr->table || rr->placed || rr->duplicate || rr->nvalues != 1)
            continue;
        bool flat = rr->table->layout == LAYOUT_FLAT;
        if (!flat && (rr->table->rows[rr->row].kind != ROW_DATA || rr->ncols < 2))
            continue;
        run *u = &s->runs[s->nruns];
        memset(u, 0, sizeof *u);
        u->rr = rr;
        u->t = rr->table;
        u->row = flat ? -1 : rr->row;
        u->at = rr->values;
        u->text = span_text(r, rr->values, &u->len);
        if (!u->text || !split_is_run(u->text, u->len) || !run_cells(s, u) || !run_scan(u))
            continue;
        s->nruns++;
    }
}

/* ---- local candidates ------------------------------------------------- */

typedef struct enum_ctx {
    run *u;
    cand cur;
    long nodes;
    size_t limit; /* stop after this many candidates (0: all) */
    bool stop;
}
enum_ctx;

/* Parses sig[a..b) as a cell of column `col`. */
static bool parse_cell(const run *u, int a, int b, int col, xxgk_decimal *out)
{
    int unit = u->unit[col];
    bool neg = u->sig[a] == '-';
    if (neg && unit != UNIT_SIGNED_COUNT)
        return false;
    int i = a + neg;
    if (i >= b || !is_digit(u->sig[i]))
        return false;
    if (u->sig[i] == '0' && i + 1 < b && is_digit(u->sig[i + 1]))
        return false; /* a leading zero */
    int64_t units = 0;
    int digits = 0, scale = 0;
    bool point = false;
    for (; i < b; i++) {
        char c = u->sig[i];
        if (c == '.') {
            if (point || unit != UNIT_WANYUAN || i + 1 >= b)
                return false;
            point = true;
            continue;
        }
        if (!is_digit(c) || ++digits > MAX_DIGITS)
            return false;
        units = units * 10 + (c - '0');
        scale += point;
    }
    if (neg && units == 0)
        return false;
    if (col == u->k - 1 && u->suffix && unit != UNIT_WANYUAN)
        return false;
    out->units = neg ? -units : units;
    out->scale = (uint8_t)scale;
    return true;
}

static int64_t pow10_cap(int digits)
{
    int64_t v = 1;
    for (int i = 0; i < digits && i < MAX_DIGITS; i++)
        v *= 10;
    return v - 1;
}

/* Whether the row's sum rules can still hold once cells 0…j are set and
 * the characters from `next` on are left for the others. */
static bool row_eqs_ok(const run *u, const cand *c, int j, int next)
{
    int left = u->k - 1 - j;
    int64_t maxv = pow10_cap(u->nsig - next - (left - 1));
    for (int e = 0; e < u->neq; e++) {
        const row_eq *q = &u->eq[e];
        int64_t sum = 0, lo = 0, hi = 0;
        for (int t = 0; t < q->n; t++) {
            if (q->col[t] <= j) {
                sum += q->coef[t] * c->v[q->col[t]].units;
            } else {
                bool sign = u->unit[q->col[t]] == UNIT_SIGNED_COUNT;
                lo -= q->coef[t] < 0 || sign ? maxv : 0;
                hi += q->coef[t] > 0 || sign ? maxv : 0;
            }
        }
        if (q->maxcol <= j ? sum != 0 : (sum + lo > 0 || sum + hi < 0))
            return false;
    }
    return true;
}

static void keep_cand(enum_ctx *e)
{
    run *u = e->u;
    if (u->nc >= LOCAL_MAX) {
        u->overflow = true;
        return;
    }
    if (u->nc == u->cap) {
        size_t nc = u->cap ? u->cap * 2 : 16;
        cand *p = realloc(u->c, nc * sizeof *p);
        if (!p) {
            u->overflow = true;
            return;
        }
        u->c = p;
        u->cap = nc;
    }
    u->c[u->nc++] = e->cur;
    e->stop = e->limit && u->nc >= e->limit;
}

/* Cell j starts at sig[a]. */
static void enum_from(enum_ctx *e, int j, int a)
{
    run *u = e->u;
    if (e->stop)
        return;
    if (u->overflow || ++e->nodes > ENUM_BUDGET) {
        u->overflow = true;
        return;
    }
    int left = u->k - 1 - j; /* cells after this one */
    int last = left == 0 ? u->nsig : u->nsig - left;
    for (int b = a + 1; b <= last && !e->stop; b++) {
        /* A cell cannot run over a space or into a minus sign. */
        if (b - 1 > a && (u->spaced[b - 1] || u->sig[b - 1] == '-'))
            break;
        if (left == 0 && b < u->nsig)
            continue;
        /* Forced starts after b need a cell each. */
        if (left > 0 && u->hard_from[b + 1 <= u->nsig ? b + 1 : u->nsig] > left - 1)
            continue;
        if (!parse_cell(u, a, b, j, &e->cur.v[j]))
            continue;
        e->cur.start[j] = (uint8_t)a;
        e->cur.end[j] = (uint8_t)b;
        if (!row_eqs_ok(u, &e->cur, j, b))
            continue;
        if (left == 0)
            keep_cand(e);
        else
            enum_from(e, j + 1, b);
    }
}

static void enumerate(run *u)
{
    enum_ctx e;
    memset(&e, 0, sizeof e);
    e.u = u;
    enum_from(&e, 0, 0);
}

/* Whether the cells' syntax alone allows one split of a run its row's
 * sum rules rejected — as many digits as cells ("5100000" for seven
 * cells), or spaces and signs that leave one way. That split is then the
 * run's only candidate and is placed whatever the sums say: a row
 * contradicting its own 总计 is the report's error, for the checker to
 * report, not a reason to leave the row unread. */
static bool syntax_unique(run *u)
{
    int neq = u->neq;
    enum_ctx e;
    memset(&e, 0, sizeof e);
    e.u = u;
    e.limit = 2;
    u->neq = 0;
    enum_from(&e, 0, 0);
    u->neq = neq;
    if (u->nc == 1 && !u->overflow)
        return true;
    u->nc = 0;
    u->overflow = false;
    return false;
}

/* ---- equations -------------------------------------------------------- */

static eqn *new_eqn(solver *s)
{
    if (s->neqs == s->eqcap) {
        int nc = s->eqcap ? s->eqcap * 2 : 16;
        eqn *p = realloc(s->eqs, (size_t)nc * sizeof *p);
        if (!p) {
            s->failed = true;
            return NULL;
        }
        s->eqs = p;
        s->eqcap = nc;
    }
    eqn *e = &s->eqs[s->neqs];
    memset(e, 0, sizeof *e);
    return e;
}

/* The placed part of an equation stays within ±K_LIMIT, so the search
 * (split_search.c), which adds at most 64 run cells of MAX_DIGITS digits
 * to it, never leaves 64 bits either. */
#define K_LIMIT (INT64_MAX / 4)

/* Adds coef × cell `id` to e: a term of its run, or the placed value.
 * Returns false when the cell has no usable value (absent, blank, a
 * fraction, or a run that could not be enumerated), or when the placed
 * values are too large to sum exactly (checked, never wrapped: such a
 * value is cell-implausible anyway). */
static bool eqn_add(solver *s, eqn *e, int id, int coef, int cap)
{
    if (id < 0)
        return false;
    int ru = s->owner[id];
    if (ru >= 0) {
        const run *u = &s->runs[ru];
        if (u->overflow || u->nc == 0 || e->nt >= cap)
            return false;
        e->t[e->nt++] = (term){ru, s->owner_col[id], coef};
        return true;
    }
    const xxgk_cell *c = &s->r->cells[id];
    if (c->kind != XXGK_VALUE_NUMBER || c->value.scale != 0)
        return false;
    int64_t part, k;
    if (__builtin_mul_overflow(c->value.units, (int64_t)coef, &part) ||
        __builtin_add_overflow(e->k, part, &k) || k > K_LIMIT || k < -K_LIMIT)
        return false;
    e->k = k;
    return true;
}

/* The column rules of a table: one equation per column and rule, kept
 * when it involves a run and every other cell has a value. */
static void table_eqns(solver *s, const tpl_table *t)
{
    for (int i = 0; i < t->nsums; i++) {
        const tpl_sum *sum = &t->sums[i];
        if (sum->over != SUM_EACH_COLUMN || !(sum->formats & s->mask[t->section]))
            continue;
        const tpl_block *b = &t->blocks[0];
        for (int c = 0; c < b->ncols; c++) {
            eqn *e = new_eqn(s);
            if (!e)
                return;
            int cap = 64;
            e->t = malloc(sizeof(term) * (size_t)cap);
            bool usable = e->t != NULL;
            for (int side = 0; side < 2 && usable; side++) {
                key_iter it;
                key_iter_init(&it, side ? sum->rhs : sum->lhs);
                while (usable && key_iter_next(&it)) {
                    int ri = tpl_row_index(t, it.key);
                    if (ri < 0 || !(t->rows[ri].formats & s->mask[t->section]))
                        continue;
                    int id = cell_id(t, ri, c);
                    usable = eqn_add(s, e, id, side ? -1 : 1, cap);
                }
            }
            if (usable && e->nt > 0)
                s->neqs++;
            else
                free(e->t);
        }
    }
}

static void alt_free(alt *a)
{
    for (int i = 0; i < a->n; i++)
        free(a->e[i].t);
    a->n = 0;
}

/* One alternative of a prose figure: the cells' sum equals `value`. */
static void alt_add(solver *s, alt *a, const char *const *keys, int64_t value)
{
    eqn *e = &a->e[a->n];
    memset(e, 0, sizeof *e);
    e->t = malloc(sizeof(term) * 4);
    bool usable = e->t != NULL;
    for (int i = 0; keys[i] && usable; i++)
        usable = eqn_add(s, e, xxgk_cell_find(keys[i]), 1, 4);
    e->k -= value;
    if (usable && e->nt > 0)
        a->n++;
    else
        free(e->t);
}

/* What each statement of the prose (prose.h) is about: one or two sets of
 * cells whose sum it states. Prose often counts carried-in applications
 * as received (corpus 007): either reading may be meant. 制发规范性文件
 * is 本年制发件数 in the 2021 table, 本年新制作数量 in the 2019 one: only
 * the key the report's table has can be used. */
static const char *const received1[] = {"t3.new.total", NULL};
static const char *const received2[] = {"t3.new.total", "t3.carried_in.total", NULL};
static const char *const reviews[] = {"t4.review.total", NULL};
static const char *const suits[] = {"t4.suit_direct.total", "t4.suit_after_review.total", NULL};
static const char *const docs_made[] = {"t2.normative.made", NULL};
static const char *const docs_new_made[] = {"t2.normative.new_made", NULL};
static const char *const docs_repealed[] = {"t2.normative.repealed", NULL};
static const char *const docs_in_force[] = {"t2.normative.in_force", NULL};

static const struct {
    prose_what what;
    const char *const *cells[2];
} prose_cells[PROSE_ALTS] = {
    {PROSE_RECEIVED, {received1, received2}},
    {PROSE_REVIEWS, {reviews, NULL}},
    {PROSE_SUITS, {suits, NULL}},
    {PROSE_DOCS_MADE, {docs_made, docs_new_made}},
    {PROSE_DOCS_REPEALED, {docs_repealed, NULL}},
    {PROSE_DOCS_IN_FORCE, {docs_in_force, NULL}},
};

/* The prose's figures as alternatives the search may require. A figure
 * stated twice with different values is not used: a wrong figure would
 * make the solver pick a wrong split, a missing one only leaves a choice
 * open. */
static void prose_alts(solver *s)
{
    prose_stmt st[PROSE_KINDS];
    prose_read(s->r->ev->paras.v, s->r->ev->paras.n, st);
    for (int i = 0; i < PROSE_ALTS; i++) {
        const prose_stmt *p = &st[prose_cells[i].what];
        if (p->value < 0 || p->conflict)
            continue;
        alt *a = &s->alts[s->nalts];
        for (int k = 0; k < 2 && prose_cells[i].cells[k]; k++)
            alt_add(s, a, prose_cells[i].cells[k], p->value);
        s->nalts += a->n > 0;
    }
}

/* ---- recording and placing ----------------------------------------------- */

/* Whether the candidate cuts the run only where it had white space. */
static bool spaced_cut(const run *u, const cand *c)
{
    for (int j = 1; j < u->k; j++)
        if (!u->spaced[c->start[j]])
            return false;
    return true;
}

/* Places the run's cells by candidate c: all of them, or those `only`
 * marks (the cells every fitting split agrees on). */
static void place(solver *s, run *u, const cand *c, bool recovered, const bool *only)
{
    xxgk_report *r = s->r;
    if (u->placed)
        return;
    int placed = 0;
    for (int j = 0; j < u->k; j++) {
        xxgk_cell *cell = &r->cells[u->cells[j]];
        if (cell->kind != XXGK_VALUE_ABSENT || (only && !only[j]))
            continue;
        size_t a = u->off[c->start[j]];
        size_t b = u->off[c->end[j] - 1] + 1;
        if (j == u->k - 1)
            b = u->len;
        cell_value v;
        value_parse(u->text + a, b - a, &v);
        xxgk_decimal d = v.num;
        if (u->unit[j] == UNIT_WANYUAN && (v.flags & XXGK_CELL_UNIT_YUAN))
            decimal_yuan_to_wanyuan(&d);
        d = decimal_normalise(d);
        cell->kind = XXGK_VALUE_NUMBER;
        cell->value = d;
        cell->flags = v.flags | (recovered ? XXGK_CELL_RECOVERED : 0) |
                      (cell_foreign(r, u->cells[j], u->rr->foreign) ? XXGK_CELL_FOREIGN : 0);
        if (u->unit[j] != UNIT_WANYUAN && d.scale)
            cell->flags |= XXGK_CELL_FRACTION;
        cell->line = u->at.line;
        cell->column = u->at.col + (uint32_t)a;
        cell->length = (uint32_t)(b - a);
        cell->raw = arena_strndup(&r->a, u->text + a, b - a);
        placed++;
    }
    u->placed = true;
    u->rr->placed = only ? placed : u->k;
    if (placed && u->t->section >= 2 && u->t->section <= 4)
        r->ev->tables_seen[u->t->section]++;
}

/* The cells every kept candidate cuts alike (same digits, same place):
 * whichever split is right, they are read the same. Returns how many. */
static size_t settled_cells(const run *u, const bool *keep, bool *settled)
{
    size_t first = SIZE_MAX, n = 0;
    for (int j = 0; j < u->k; j++)
        settled[j] = true;
    for (size_t i = 0; i < u->nc; i++) {
        if (!keep[i])
            continue;
        if (first == SIZE_MAX) {
            first = i;
            continue;
        }
        for (int j = 0; j < u->k; j++)
            settled[j] &= u->c[i].start[j] == u->c[first].start[j] &&
                          u->c[i].end[j] == u->c[first].end[j];
    }
    for (int j = 0; j < u->k; j++)
        n += settled[j];
    return first == SIZE_MAX ? 0 : n;
}

/* Records the run and places it when one candidate is left: `keep`
 * marks the candidates that fit. */
static void record(solver *s, run *u, const bool *keep, outcome o)
{
    xxgk_report *r = s->r;
    xxgk_split *sp = VEC_PUSH(&r->a, r->ev->splits);
    if (!sp)
        return;
    size_t n = 0, first = 0;
    for (size_t i = 0; i < u->nc; i++)
        if (keep[i] && n++ == 0)
            first = i;
    sp->text = arena_strndup(&r->a, u->text, u->len);
    sp->line = u->at.line;
    sp->column = u->at.col;
    sp->length = u->at.len;
    sp->row = u->row < 0 ? u->t->title : u->t->rows[u->row].label;
    int *cells = arena_alloc(&r->a, sizeof(int) * (size_t)u->k);
    size_t listed = n < LIST_MAX ? n : LIST_MAX;
    xxgk_decimal *vals = arena_alloc(&r->a, sizeof(xxgk_decimal) * (listed ? listed : 1) *
                                                (size_t)u->k);
    if (!cells || !vals)
        return;
    memcpy(cells, u->cells, sizeof(int) * (size_t)u->k);
    sp->cells = cells;
    sp->ncells = (size_t)u->k;
    size_t m = 0;
    for (size_t i = 0; i < u->nc && m < listed; i++)
        if (keep[i])
            memcpy(vals + m++ * (size_t)u->k, u->c[i].v, sizeof(xxgk_decimal) * (size_t)u->k);
    sp->candidates = vals;
    sp->nlisted = listed;
    sp->ncandidates = n;
    sp->by_prose = o.by_prose;
    sp->conflict = o.conflict;
    sp->too_many = o.gave_up || u->overflow;
    sp->syntax_only = u->forced;
    if (n == 1 && !sp->too_many) {
        bool spaced = spaced_cut(u, &u->c[first]);
        sp->status = spaced ? XXGK_SPLIT_SPACED : XXGK_SPLIT_UNIQUE;
        place(s, u, &u->c[first], !spaced, NULL);
        return;
    }
    sp->status = n == 0 ? XXGK_SPLIT_NONE : XXGK_SPLIT_AMBIGUOUS;
    bool *settled = arena_alloc(&r->a, sizeof(bool) * (size_t)u->k);
    if (n < 2 || sp->too_many || !settled)
        return;
    sp->nsettled = settled_cells(u, keep, settled);
    sp->settled = sp->nsettled ? settled : NULL;
    if (sp->nsettled)
        place(s, u, &u->c[first], true, settled);
}

static void solver_free(solver *s)
{
    for (int i = 0; i < s->nruns; i++) {
        free(s->runs[i].c);
        free(s->runs[i].dom);
        free(s->runs[i].links);
        for (int l = 0; l < s->runs[i].nlinks; l++)
            free(s->runs[i].lc[l]);
        free(s->runs[i].lc);
        free(s->runs[i].llo);
        free(s->runs[i].lhi);
    }
    free(s->runs);
    for (int i = 0; i < s->neqs; i++)
        free(s->eqs[i].t);
    free(s->eqs);
    for (int i = 0; i < s->nalts; i++)
        alt_free(&s->alts[i]);
    free(s->owner);
    free(s->owner_col);
}

/* Whether any row could hold glued digits: one value cell where the
 * table has several, nothing placed. Most reports have none, and then
 * the solver does no work at all. */
static bool any_candidate_row(const xxgk_report *r)
{
    for (size_t i = 0; i < r->ev->rows.n; i++) {
        const rec_row *rr = &r->ev->rows.v[i];
        if (rr->table && !rr->placed && !rr->duplicate && rr->nvalues == 1)
            return true;
    }
    return false;
}

void split_solve(xxgk_report *r, xxgk_format f)
{
    if (!any_candidate_row(r))
        return;
    solver s;
    memset(&s, 0, sizeof s);
    s.r = r;
    /* Each table's sum rules are those of the format it was printed in. */
    for (int sec = 0; sec < 5; sec++)
        s.mask[sec] = format_mask(r->ev->table_format[sec] ? r->ev->table_format[sec] : f);
    find_runs(&s);
    if (s.failed || s.nruns == 0) {
        solver_free(&s);
        return;
    }
    s.owner = malloc(sizeof(int) * r->ncells);
    s.owner_col = malloc(sizeof(int) * r->ncells);
    if (!s.owner || !s.owner_col) {
        solver_free(&s);
        return;
    }
    for (size_t i = 0; i < r->ncells; i++)
        s.owner[i] = s.owner_col[i] = -1;
    size_t maxc = 1;
    for (int i = 0; i < s.nruns; i++) {
        run *u = &s.runs[i];
        enumerate(u);
        if (u->nc == 0 && !u->overflow && syntax_unique(u)) {
            /* its cells are constants in the other runs' equations */
            u->forced = true;
            place(&s, u, &u->c[0], !spaced_cut(u, &u->c[0]), NULL);
            continue;
        }
        for (int j = 0; j < u->k; j++) {
            s.owner[u->cells[j]] = i;
            s.owner_col[u->cells[j]] = j;
        }
        if (u->nc > maxc)
            maxc = u->nc;
    }
    for (int sec = 2; sec <= 4; sec++)
        table_eqns(&s, tpl_table_of(r->ev->table_format[sec], sec));
    prose_alts(&s);
    split_components(&s);
    for (int i = 0; i < s.nruns && !s.failed; i++)
        if (s.runs[i].comp == i && !s.runs[i].forced)
            split_solve_component(&s, i);
    bool *keep = malloc(sizeof(bool) * maxc);
    for (int i = 0; i < s.nruns && keep && !s.failed; i++) {
        run *u = &s.runs[i];
        memset(keep, 0, sizeof(bool) * maxc);
        for (size_t d = 0; d < (u->joint ? u->ndom : u->nc); d++)
            keep[u->joint ? u->dom[d] : d] = true;
        record(&s, u, keep, u->o);
    }
    free(keep);
    solver_free(&s);
}

bool split_covers_row(const xxgk_report *r, const tpl_table *t, int ri)
{
    if (ri < 0 || ri >= t->nrows || !t->rows[ri].key)
        return false;
    int id = cell_id(t, ri, 0);
    for (size_t i = 0; i < r->ev->splits.n; i++)
        for (size_t k = 0; k < r->ev->splits.v[i].ncells; k++)
            if (r->ev->splits.v[i].cells[k] == id)
                return true;
    return false;
}

size_t xxgk_report_split_count(const xxgk_report *r)
{
    return r->ev->splits.n;
}

const xxgk_split *xxgk_report_split(const xxgk_report *r, size_t i)
{
    return i < r->ev->splits.n ? &r->ev->splits.v[i] : NULL;
}
