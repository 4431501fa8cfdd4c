/*
 * split_search.c — the joint search of the split solver (split.c): runs
 * that the column rules tie together form a component; a depth-first
 * search over their candidates, with interval bounds on every equation
 * and a memo of the states that led nowhere, keeps each candidate that
 * some solution of the whole component uses. The prose's figures are
 * checked in a second pass, only when the tables leave a choice.
 */
#include <stdlib.h>
#include <string.h>

#include "split_int.h"

/* ---- components -------------------------------------------------------- */

static int find_root(int *parent, int i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

static void unite_terms(int *parent, const eqn *e)
{
    for (int t = 1; t < e->nt; t++)
        parent[find_root(parent, e->t[t].run)] = find_root(parent, e->t[0].run);
}

static void run_links(solver *s, int i)
{
    run *u = &s->runs[i];
    size_t n = (size_t)(s->neqs ? s->neqs : 1);
    u->links = malloc(sizeof(int) * n);
    u->lc = calloc(n, sizeof *u->lc);
    u->llo = malloc(sizeof(int64_t) * n);
    u->lhi = malloc(sizeof(int64_t) * n);
    if (!u->links || !u->lc || !u->llo || !u->lhi) {
        s->failed = true;
        return;
    }
    for (int e = 0; e < s->neqs; e++) {
        const eqn *x = &s->eqs[e];
        bool in = false;
        for (int t = 0; t < x->nt; t++)
            in |= x->t[t].run == i;
        if (!in)
            continue;
        int64_t *v = calloc(u->nc ? u->nc : 1, sizeof(int64_t));
        if (!v) {
            s->failed = true;
            return;
        }
        for (size_t c = 0; c < u->nc; c++)
            for (int t = 0; t < x->nt; t++)
                if (x->t[t].run == i)
                    v[c] += x->t[t].coef * u->c[c].v[x->t[t].col].units;
        u->lc[u->nlinks] = v;
        u->links[u->nlinks++] = e;
    }
}

void split_components(solver *s)
{
    int *parent = malloc(sizeof(int) * (size_t)s->nruns);
    if (!parent) {
        s->failed = true;
        return;
    }
    for (int i = 0; i < s->nruns; i++)
        parent[i] = i;
    for (int i = 0; i < s->neqs; i++)
        unite_terms(parent, &s->eqs[i]);
    for (int i = 0; i < s->nalts; i++)
        for (int j = 0; j < s->alts[i].n; j++) {
            unite_terms(parent, &s->alts[i].e[j]);
            if (j > 0 && s->alts[i].e[0].nt && s->alts[i].e[j].nt)
                parent[find_root(parent, s->alts[i].e[j].t[0].run)] =
                    find_root(parent, s->alts[i].e[0].t[0].run);
        }
    for (int i = 0; i < s->nruns; i++)
        s->runs[i].comp = find_root(parent, i);
    free(parent);
    /* Each run's equations and its part in each, per candidate. */
    for (int i = 0; i < s->nruns && !s->failed; i++)
        run_links(s, i);
    for (int i = 0; i < s->nalts; i++)
        for (int j = 0; j < s->alts[i].n; j++)
            for (int t = 0; t < s->alts[i].e[j].nt; t++)
                s->runs[s->alts[i].e[j].t[t].run].in_prose = true;
}

/* ---- the joint search -------------------------------------------------- */

/* States of a search known to lead nowhere: what is left to decide
 * depends only on the depth and the equations' partial sums (and, when
 * the prose is checked, on the prose runs already picked), so a failed
 * state need not be searched twice. Full keys are kept: a collision must
 * never pass for a failure. */
typedef struct memo {
    int64_t *keys;
    bool *used;
    size_t slots, count, width;
} memo;

typedef struct search {
    solver *s;
    run **order;
    int n;
    long nodes;
    bool gave_up;
    bool prose;
    memo m;
    int64_t *key; /* scratch, m.width */
} search;

static void search_init(search *q)
{
    solver *s = q->s;
    for (int e = 0; e < s->neqs; e++) {
        eqn *x = &s->eqs[e];
        x->partial = x->k;
        x->lo = x->hi = 0;
    }
    for (int i = 0; i < q->n; i++) {
        run *u = q->order[i];
        for (int l = 0; l < u->nlinks; l++) {
            for (size_t d = 0; d < u->ndom; d++) {
                int64_t v = u->lc[l][u->dom[d]];
                if (d == 0 || v < u->llo[l])
                    u->llo[l] = v;
                if (d == 0 || v > u->lhi[l])
                    u->lhi[l] = v;
            }
            s->eqs[u->links[l]].lo += u->llo[l];
            s->eqs[u->links[l]].hi += u->lhi[l];
        }
    }
}

/* Sets run u to candidate ci (sign +1) or takes it back (sign -1);
 * returns whether every equation it touches can still hold. */
static bool apply(search *q, run *u, size_t ci, int sign)
{
    bool ok = true;
    for (int l = 0; l < u->nlinks; l++) {
        eqn *x = &q->s->eqs[u->links[l]];
        x->partial += sign * u->lc[l][ci];
        x->lo -= sign * u->llo[l];
        x->hi -= sign * u->lhi[l];
        if (x->partial + x->lo > 0 || x->partial + x->hi < 0)
            ok = false;
    }
    return ok;
}

static bool alt_holds(const solver *s, const alt *a)
{
    for (int i = 0; i < a->n; i++) {
        const eqn *e = &a->e[i];
        int64_t sum = e->k;
        for (int t = 0; t < e->nt; t++) {
            const run *u = &s->runs[e->t[t].run];
            sum += e->t[t].coef * u->c[u->pick].v[e->t[t].col].units;
        }
        if (sum == 0)
            return true;
    }
    return false;
}

static bool prose_holds(const search *q)
{
    const solver *s = q->s;
    int comp = q->order[0]->comp;
    for (int i = 0; i < s->nalts; i++) {
        const alt *a = &s->alts[i];
        if (a->n && s->runs[a->e[0].t[0].run].comp == comp && !alt_holds(s, a))
            return false;
    }
    return true;
}

static uint64_t key_hash(const int64_t *k, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint64_t)k[i]) * 1099511628211ULL;
    return h;
}

/* The state at `depth` into q->key. */
static void state_key(search *q, int depth)
{
    size_t o = 0;
    q->key[o++] = depth;
    for (int e = 0; e < q->s->neqs; e++)
        q->key[o++] = q->s->eqs[e].partial;
    if (q->prose)
        for (int i = 0; i < depth; i++)
            if (q->order[i]->in_prose)
                q->key[o++] = (int64_t)q->order[i]->pick;
    while (o < q->m.width)
        q->key[o++] = -1;
}

/* Looks the state up; with `add`, remembers it (when there is room). */
static bool memo_has(search *q, bool add)
{
    memo *m = &q->m;
    if (!m->slots)
        return false;
    size_t i = key_hash(q->key, m->width) & (m->slots - 1);
    for (; m->used[i]; i = (i + 1) & (m->slots - 1))
        if (!memcmp(m->keys + i * m->width, q->key, m->width * sizeof(int64_t)))
            return true;
    if (!add || m->count * 2 >= m->slots)
        return false;
    memcpy(m->keys + i * m->width, q->key, m->width * sizeof(int64_t));
    m->used[i] = true;
    m->count++;
    return false;
}

/* Doubles the table (up to MEMO_MAX slots) when half full. */
static void memo_grow(search *q)
{
    memo *m = &q->m;
    if (m->count * 2 < m->slots || m->slots >= MEMO_MAX)
        return;
    memo old = *m;
    m->slots = old.slots ? old.slots * 2 : 256;
    m->keys = malloc(sizeof(int64_t) * m->width * m->slots);
    m->used = calloc(m->slots, sizeof(bool));
    m->count = 0;
    if (!m->keys || !m->used) {
        free(m->keys);
        free(m->used);
        *m = old; /* keep the smaller table */
        return;
    }
    int64_t *save = q->key;
    for (size_t i = 0; i < old.slots; i++)
        if (old.used[i]) {
            q->key = old.keys + i * m->width;
            memo_has(q, true);
        }
    q->key = save;
    free(old.keys);
    free(old.used);
}

static bool dfs(search *q, int depth)
{
    if (++q->nodes > JOINT_BUDGET) {
        q->gave_up = true;
        return false;
    }
    if (depth == q->n) {
        if (q->prose && !prose_holds(q))
            return false;
        for (int i = 0; i < q->n; i++) {
            cand *c = &q->order[i]->c[q->order[i]->pick];
            if (q->prose)
                c->ok_prose = true;
            else
                c->ok = true;
        }
        return true;
    }
    state_key(q, depth);
    if (memo_has(q, false))
        return false;
    run *u = q->order[depth];
    for (size_t d = 0; d < u->ndom && !q->gave_up; d++) {
        u->pick = u->dom[d];
        bool ok = apply(q, u, u->pick, 1);
        bool found = ok && dfs(q, depth + 1);
        apply(q, u, u->pick, -1);
        if (found)
            return true;
    }
    if (!q->gave_up) {
        memo_grow(q);
        state_key(q, depth);
        memo_has(q, true);
    }
    return false;
}

static int by_domain(const void *a, const void *b)
{
    const run *x = *(run *const *)a, *y = *(run *const *)b;
    return (x->ndom > y->ndom) - (x->ndom < y->ndom);
}

/* Searches with run u fixed to candidate ci, the others in play. */
static void search_with(search *q, run *u, size_t ci)
{
    size_t *dom = u->dom, ndom = u->ndom, one = ci;
    u->dom = &one;
    u->ndom = 1;
    search sub = *q;
    sub.order = malloc(sizeof *sub.order * (size_t)q->n);
    sub.m = (memo){NULL, NULL, 0, 0, 1 + (size_t)q->s->neqs + (size_t)q->n};
    sub.key = malloc(sizeof(int64_t) * sub.m.width);
    if (!sub.order || !sub.key) {
        q->gave_up = true;
    } else {
        memcpy(sub.order, q->order, sizeof *sub.order * (size_t)q->n);
        qsort(sub.order, (size_t)q->n, sizeof *sub.order, by_domain);
        search_init(&sub);
        dfs(&sub, 0);
        q->nodes = sub.nodes;
        q->gave_up = sub.gave_up;
    }
    free(sub.order);
    free(sub.key);
    free(sub.m.keys);
    free(sub.m.used);
    u->dom = dom;
    u->ndom = ndom;
}

/* For every candidate in play not yet known to be part of a solution,
 * looks for one that uses it. */
static void support(search *q)
{
    for (int i = 0; i < q->n && !q->gave_up; i++) {
        run *u = q->order[i];
        for (size_t d = 0; d < u->ndom && !q->gave_up; d++) {
            cand *c = &u->c[u->dom[d]];
            if (!(q->prose ? c->ok_prose : c->ok))
                search_with(q, u, u->dom[d]);
        }
    }
}

static size_t count_ok(const run *u, bool prose)
{
    size_t n = 0;
    for (size_t d = 0; d < u->ndom; d++)
        n += prose ? u->c[u->dom[d]].ok_prose : u->c[u->dom[d]].ok;
    return n;
}

/* Restricts every run of the search to its candidates marked ok. */
static void narrow(search *q, bool prose)
{
    for (int i = 0; i < q->n; i++) {
        run *u = q->order[i];
        size_t n = 0;
        for (size_t d = 0; d < u->ndom; d++)
            if (prose ? u->c[u->dom[d]].ok_prose : u->c[u->dom[d]].ok)
                u->dom[n++] = u->dom[d];
        u->ndom = n;
    }
}

static bool comp_has_prose(const solver *s, int comp)
{
    for (int i = 0; i < s->nalts; i++)
        if (s->alts[i].n && s->runs[s->alts[i].e[0].t[0].run].comp == comp)
            return true;
    return false;
}

/* Solves one component and records its runs. */
void split_solve_component(solver *s, int comp)
{
    run **order = malloc(sizeof *order * (size_t)s->nruns);
    if (!order) {
        s->failed = true;
        return;
    }
    search q;
    memset(&q, 0, sizeof q);
    q.s = s;
    q.order = order;
    for (int i = 0; i < s->nruns; i++) {
        run *u = &s->runs[i];
        if (u->comp != comp || u->overflow || u->nc == 0)
            continue;
        u->dom = malloc(sizeof(size_t) * u->nc);
        if (!u->dom) {
            s->failed = true;
            break;
        }
        for (size_t d = 0; d < u->nc; d++)
            u->dom[d] = d;
        u->ndom = u->nc;
        order[q.n++] = u;
    }
    outcome o = {false, false, false};
    bool linked = comp_has_prose(s, comp);
    for (int i = 0; i < q.n; i++)
        linked |= order[i]->nlinks > 0;
    if (!linked) {
        /* Nothing ties the run to anything (table 二): every candidate
         * that fits its own cells stands. */
        for (int i = 0; i < q.n; i++)
            for (size_t d = 0; d < order[i]->ndom; d++)
                order[i]->c[order[i]->dom[d]].ok = true;
    } else if (q.n > 0 && !s->failed) {
        support(&q);
        bool solvable = !q.gave_up && count_ok(order[0], false) > 0;
        o.gave_up = q.gave_up;
        o.conflict = !q.gave_up && !solvable;
        bool open = false;
        for (int i = 0; solvable && i < q.n; i++)
            open |= count_ok(order[i], false) > 1;
        if (solvable) {
            narrow(&q, false);
            if (open && comp_has_prose(s, comp)) {
                q.prose = true;
                support(&q);
                if (!q.gave_up && count_ok(order[0], true) > 0) {
                    for (int i = 0; i < q.n; i++)
                        o.by_prose |= count_ok(order[i], true) < order[i]->ndom;
                    narrow(&q, true);
                }
            }
        }
    }
    for (int i = 0; i < s->nruns; i++) {
        run *u = &s->runs[i];
        if (u->comp != comp)
            continue;
        /* A run that was searched keeps what the search left, unless the
         * search failed; the others keep their local candidates. */
        u->joint = u->dom && !o.conflict && !o.gave_up;
        u->o.by_prose = u->joint && o.by_prose;
        u->o.conflict = o.conflict && u->dom;
        u->o.gave_up = o.gave_up && u->dom;
    }
    free(order);
}

