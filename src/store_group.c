/*
 * store_group.c — body keys and the counted report of each body and year
 * (see store_group.h): the roster loaded as an index, a report's name
 * turned into its key, and a group's counted report decided again when
 * one of its rows becomes or stops being current.
 */
#include "store_group.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the roster -------------------------------------------------------- */

/* Adds each alias of "甲；乙;丙" to the index under body `pos`. */
static bool add_aliases(body_index *ix, const char *aliases, int pos)
{
    static const char full_semicolon[] = "；";
    const char *p = aliases;
    while (p && *p) {
        const char *a = strstr(p, full_semicolon), *b = strchr(p, ';');
        const char *end = a && (!b || a < b) ? a : b;
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char one[BODY_NAME_MAX];
        snprintf(one, sizeof one, "%.*s", (int)(len < sizeof one ? len : sizeof one - 1), p);
        if (!body_index_add(ix, one, pos))
            return false;
        if (!end)
            break;
        p = end + (end == a ? sizeof full_semicolon - 1 : 1);
    }
    return true;
}

int store_roster_load(xxgk_store *s, store_roster *r)
{
    memset(r, 0, sizeof *r);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db, "SELECT id, name, aliases FROM body ORDER BY position, id",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    r->ix = body_index_new();
    size_t cap = 0;
    while (r->ix && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (r->n == cap) {
            cap = cap ? cap * 2 : 64;
            int64_t *ids = realloc(r->ids, cap * sizeof *ids);
            char **names = ids ? realloc(r->names, cap * sizeof *names) : NULL;
            if (ids)
                r->ids = ids;
            if (!names) {
                rc = SQLITE_NOMEM;
                break;
            }
            r->names = names;
        }
        const char *name = (const char *)sqlite3_column_text(st, 1);
        int pos = (int)r->n;
        r->ids[pos] = sqlite3_column_int64(st, 0);
        r->names[pos] = strdup(name ? name : "");
        r->n++;
        if (!r->names[pos] || !body_index_add(r->ix, name, pos) ||
            !add_aliases(r->ix, (const char *)sqlite3_column_text(st, 2), pos)) {
            rc = SQLITE_NOMEM;
            break;
        }
    }
    sqlite3_finalize(st);
    if (!r->ix)
        rc = SQLITE_NOMEM;
    if (rc != SQLITE_DONE) {
        store_roster_free(r);
        return rc == SQLITE_ROW ? SQLITE_ERROR : rc;
    }
    return SQLITE_OK;
}

void store_roster_free(store_roster *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->names[i]);
    free(r->names);
    free(r->ids);
    body_index_free(r->ix);
    memset(r, 0, sizeof *r);
}

size_t store_roster_match(const store_roster *r, const char *name, int *out, size_t cap)
{
    return r->ix && name ? body_index_match(r->ix, name, out, cap) : 0;
}

char *store_body_key(const store_roster *r, const char *body, xxgk_match *match)
{
    *match = XXGK_MATCH_NONE;
    if (!body)
        return NULL;
    int pos[2];
    size_t n = store_roster_match(r, body, pos, 2);
    *match = n == 1 ? XXGK_MATCH_ONE : n > 1 ? XXGK_MATCH_AMBIGUOUS : XXGK_MATCH_NONE;
    char key[BODY_NAME_MAX + 8];
    if (n == 1) {
        snprintf(key, sizeof key, "b:%lld", (long long)r->ids[pos[0]]);
    } else {
        char norm[BODY_NAME_MAX];
        if (!body_norm(body, norm))
            return NULL;
        snprintf(key, sizeof key, "n:%s", norm);
    }
    return strdup(key);
}

/* ---- the counted report of a group ------------------------------------ */

int store_groups_init(store_groups *g, xxgk_store *s)
{
    memset(g, 0, sizeof *g);
    g->s = s;
    int rc = sqlite3_prepare_v3(s->db,
                                "SELECT id FROM report WHERE body_key = ?1 AND year = ?2"
                                " AND current = 1 ORDER BY current_since DESC, id DESC LIMIT 1",
                                -1, SQLITE_PREPARE_PERSISTENT, &g->top, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v3(s->db,
                                "UPDATE report SET superseded_by = nullif(?3, id)"
                                " WHERE body_key = ?1 AND year = ?2 AND current = 1"
                                " AND superseded_by IS NOT nullif(?3, id)",
                                -1, SQLITE_PREPARE_PERSISTENT, &g->mark, NULL);
    if (rc == SQLITE_OK)
        rc = store_years_init(&g->years, s);
    if (rc != SQLITE_OK)
        store_groups_free(g);
    return rc;
}

void store_groups_free(store_groups *g)
{
    sqlite3_finalize(g->top);
    sqlite3_finalize(g->mark);
    if (g->years.s)
        store_years_free(&g->years);
    memset(g, 0, sizeof *g);
}

int store_groups_update(store_groups *g, const char *key, int year)
{
    if (!key || year <= 0)
        return SQLITE_OK;
    sqlite3_bind_text(g->top, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int(g->top, 2, year);
    int rc = sqlite3_step(g->top);
    int64_t top = rc == SQLITE_ROW ? sqlite3_column_int64(g->top, 0) : 0;
    sqlite3_reset(g->top);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return rc;
    rc = SQLITE_OK;
    if (top) {
        sqlite3_bind_text(g->mark, 1, key, -1, SQLITE_STATIC);
        sqlite3_bind_int(g->mark, 2, year);
        sqlite3_bind_int64(g->mark, 3, top);
        rc = sqlite3_step(g->mark) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(g->s->db);
        sqlite3_reset(g->mark);
    }
    if (rc == SQLITE_OK)
        rc = store_years_recheck(&g->years, key, year);
    if (rc == SQLITE_OK)
        rc = store_years_recheck(&g->years, key, year + 1);
    return rc;
}

/* ---- lists of groups ---------------------------------------------------- */

bool store_group_list_add(store_group_list *l, const char *key, int year)
{
    if (!key || year <= 0)
        return true;
    for (size_t i = 0; i < l->n && l->n < 16; i++)
        if (l->v[i].year == year && !strcmp(l->v[i].key, key))
            return true;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 4;
        store_group_ref *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return false;
        l->v = v;
        l->cap = cap;
    }
    if (!(l->v[l->n].key = strdup(key)))
        return false;
    l->v[l->n++].year = year;
    return true;
}

int store_group_list_update(store_groups *g, const store_group_list *l)
{
    int rc = SQLITE_OK;
    for (size_t i = 0; rc == SQLITE_OK && i < l->n; i++)
        rc = store_groups_update(g, l->v[i].key, l->v[i].year);
    return rc;
}

void store_group_list_free(store_group_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].key);
    free(l->v);
    memset(l, 0, sizeof *l);
}
