/*
 * store_body.c — what a body name given on the command line stands for
 * (`--body`, the same in every subcommand), and which stored reports the
 * roster cannot place.
 *
 * A text is looked up first in the roster: by name or alias with the
 * variants of body_name.h, else as a part of a name or alias. When the
 * roster has no such body, the bodies named in counted reports are tried
 * the same way (the reports of bodies outside the roster, or of a store
 * without one). One body found: its body keys select its reports. Several:
 * the candidates are listed and nothing is guessed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "store.h"
#include "store_group.h"

/* A list of strings. */
typedef struct strings {
    char **v;
    size_t n, cap;
    bool failed;
} strings;

static void strings_add(strings *l, const char *s)
{
    if (l->failed)
        return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->failed = true;
            return;
        }
        l->v = v;
        l->cap = cap;
    }
    if (!(l->v[l->n] = strdup(s ? s : "")))
        l->failed = true;
    else
        l->n++;
}

static void strings_free(strings *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* What a text was found to be. */
typedef struct body_pick {
    xxgk_match match;
    strings names; /* ONE: the body's name; AMBIGUOUS: the candidates */
    strings keys;  /* ONE: its body keys */
} body_pick;

static void pick_free(body_pick *p)
{
    strings_free(&p->names);
    strings_free(&p->keys);
}

/* Whether `part` occurs in the name as written or in its normal form. */
static bool contains(const char *name, const char *part, const char *part_norm)
{
    char norm[BODY_NAME_MAX];
    body_norm(name, norm);
    return (*part && strstr(name, part)) || (*part_norm && strstr(norm, part_norm));
}

/* ---- in the roster ------------------------------------------------------ */

static int pick_in_roster(xxgk_store *s, const char *text, body_pick *p)
{
    store_roster r;
    int rc = store_roster_load(s, &r);
    if (rc != SQLITE_OK || !r.n) {
        if (rc == SQLITE_OK)
            store_roster_free(&r);
        return rc;
    }
    int *pos = malloc(r.n * sizeof *pos);
    size_t n = pos ? store_roster_match(&r, text, pos, r.n) : 0;
    if (pos && n == 0) { /* a part of a name or alias */
        sqlite3_stmt *st;
        char part[BODY_NAME_MAX];
        body_norm(text, part);
        rc = sqlite3_prepare_v2(s->db, "SELECT name, aliases FROM body ORDER BY position, id",
                                -1, &st, NULL);
        for (size_t i = 0; rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW && i < r.n; i++)
            if (contains((const char *)sqlite3_column_text(st, 0), text, part) ||
                contains((const char *)sqlite3_column_text(st, 1), text, part))
                pos[n++] = (int)i;
        sqlite3_finalize(st);
    }
    for (size_t i = 0; i < n; i++)
        strings_add(&p->names, r.names[pos[i]]);
    if (n == 1) {
        char key[32];
        snprintf(key, sizeof key, "b:%lld", (long long)r.ids[pos[0]]);
        strings_add(&p->keys, key);
    }
    p->match = n == 1 ? XXGK_MATCH_ONE : n > 1 ? XXGK_MATCH_AMBIGUOUS : XXGK_MATCH_NONE;
    if (!pos || p->names.failed || p->keys.failed)
        rc = SQLITE_NOMEM;
    free(pos);
    store_roster_free(&r);
    return rc;
}

/* ---- among the bodies of stored reports ---------------------------------- */

/* The names outside the roster: each body key once, with a name as a
 * report writes it. */
static int stored_names(xxgk_store *s, strings *keys, strings *names)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->db,
                                "SELECT body_key, min(body) FROM report"
                                " WHERE body_key LIKE 'n:%' AND " STORE_COUNTED
                                " GROUP BY body_key ORDER BY body_key",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        strings_add(keys, (const char *)sqlite3_column_text(st, 0));
        strings_add(names, (const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    return keys->failed || names->failed ? SQLITE_NOMEM : rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Whether every two of the chosen keys name the same body. */
static bool one_body(const strings *keys, const size_t *chosen, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = i + 1; k < n; k++)
            if (!body_same(keys->v[chosen[i]] + 2, keys->v[chosen[k]] + 2))
                return false;
    return true;
}

static int pick_in_reports(xxgk_store *s, const char *text, body_pick *p)
{
    strings keys = {0}, names = {0};
    int rc = stored_names(s, &keys, &names);
    size_t *chosen = rc == SQLITE_OK ? malloc((keys.n ? keys.n : 1) * sizeof *chosen) : NULL;
    if (rc == SQLITE_OK && !chosen)
        rc = SQLITE_NOMEM;
    size_t n = 0;
    char norm[BODY_NAME_MAX];
    body_norm(text, norm);
    for (size_t i = 0; chosen && i < keys.n; i++) /* the same normal form */
        if (!strcmp(keys.v[i] + 2, norm))
            chosen[n++] = i;
    for (size_t i = 0; chosen && !n && i < keys.n; i++) /* with or without higher levels */
        if (body_same(keys.v[i] + 2, norm))
            chosen[n++] = i;
    for (size_t i = 0; chosen && !n && i < keys.n; i++) /* a part of the name */
        if (contains(names.v[i], text, norm))
            chosen[n++] = i;
    p->match = !n ? XXGK_MATCH_NONE : one_body(&keys, chosen, n) ? XXGK_MATCH_ONE
                                                                  : XXGK_MATCH_AMBIGUOUS;
    for (size_t i = 0; i < n; i++) {
        if (p->match == XXGK_MATCH_ONE)
            strings_add(&p->keys, keys.v[chosen[i]]);
        if (p->match == XXGK_MATCH_AMBIGUOUS || i == 0)
            strings_add(&p->names, names.v[chosen[i]]);
    }
    if (p->names.failed || p->keys.failed)
        rc = SQLITE_NOMEM;
    free(chosen);
    strings_free(&keys);
    strings_free(&names);
    return rc;
}

static xxgk_status pick(xxgk_store *s, const char *text, body_pick *p, xxgk_error *err)
{
    memset(p, 0, sizeof *p);
    int rc = pick_in_roster(s, text, p);
    if (rc == SQLITE_OK && p->match == XXGK_MATCH_NONE)
        rc = pick_in_reports(s, text, p);
    if (rc == SQLITE_NOMEM)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    return rc == SQLITE_OK ? XXGK_OK : store_fail(s, err, "读取数据库失败");
}

/* ---- the answers ---------------------------------------------------------- */

xxgk_status xxgk_store_match_body(xxgk_store *s, const char *text, xxgk_match *match,
                                  xxgk_name_fn fn, void *ctx, xxgk_error *err)
{
    body_pick p;
    *match = XXGK_MATCH_NONE;
    xxgk_status st = pick(s, text ? text : "", &p, err);
    if (st == XXGK_OK) {
        *match = p.match;
        for (size_t i = 0; fn && i < p.names.n; i++)
            fn(ctx, p.names.v[i]);
    }
    pick_free(&p);
    return st;
}

/* The keys as a JSON array of strings. */
static char *keys_json(const strings *keys)
{
    sbuf b = {0};
    sbuf_add(&b, "[");
    for (size_t i = 0; i < keys->n; i++) {
        sbuf_add(&b, i ? ",\"" : "\"");
        for (const char *c = keys->v[i]; *c; c++) {
            char one[8];
            if (*c == '"' || *c == '\\')
                snprintf(one, sizeof one, "\\%c", *c);
            else if ((unsigned char)*c < 0x20)
                snprintf(one, sizeof one, "\\u%04x", (unsigned char)*c);
            else
                snprintf(one, sizeof one, "%c", *c);
            sbuf_add(&b, one);
        }
        sbuf_add(&b, "\"");
    }
    sbuf_add(&b, "]");
    if (b.failed) {
        sbuf_free(&b);
        return NULL;
    }
    return b.s;
}

/* "甲、乙、丙" for an error message, cut to fit it. */
static void list_names(const strings *names, char *out, size_t size)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < names->n; i++) {
        size_t need = strlen(names->v[i]) + (i ? 3 : 0);
        if (len + need + 16 >= size) {
            snprintf(out + len, size - len, "等");
            return;
        }
        len += (size_t)snprintf(out + len, size - len, "%s%s", i ? "、" : "", names->v[i]);
    }
}

xxgk_status store_body_keys(xxgk_store *s, const char *text, const char **keys, xxgk_error *err)
{
    if (s->body_text && !strcmp(s->body_text, text)) {
        *keys = s->body_keys;
        return XXGK_OK;
    }
    body_pick p;
    xxgk_status st = pick(s, text, &p, err);
    if (st == XXGK_OK && p.match == XXGK_MATCH_NONE)
        st = error_set(err, XXGK_E_USAGE, "没有与“%s”对应的机关", text);
    if (st == XXGK_OK && p.match == XXGK_MATCH_AMBIGUOUS) {
        char list[160];
        list_names(&p.names, list, sizeof list);
        st = error_set(err, XXGK_E_USAGE, "“%s”对应 %zu 个机关：%s，请写出全称", text,
                       p.names.n, list);
    }
    if (st == XXGK_OK) {
        free(s->body_text);
        free(s->body_keys);
        s->body_text = strdup(text);
        s->body_keys = keys_json(&p.keys);
        if (!s->body_text || !s->body_keys) {
            free(s->body_text);
            s->body_text = NULL;
            st = error_set(err, XXGK_E_NOMEM, "内存不足");
        }
        *keys = s->body_keys;
    }
    pick_free(&p);
    return st;
}

/* ---- reports the roster cannot place ---------------------------------------- */

xxgk_status xxgk_store_strays(xxgk_store *s, const xxgk_store_filter *f, xxgk_stray_fn fn,
                              void *ctx, xxgk_error *err)
{
    xxgk_error local;
    if (!err)
        err = &local;
    store_roster r;
    if (store_roster_load(s, &r) != SQLITE_OK)
        return store_fail(s, err, "读取名册失败");
    if (!r.n) {
        store_roster_free(&r);
        return XXGK_OK;
    }
    sqlite3_stmt *st = store_select_where(
        s, f, "report.id, report.year, report.body, report.path", NULL,
        "report.body IS NOT NULL AND report.body_key NOT LIKE 'b:%'",
        "ORDER BY report.year, report.body, report.id", err);
    if (!st) {
        store_roster_free(&r);
        return err->status;
    }
    int *pos = malloc(r.n * sizeof *pos);
    xxgk_status status = pos ? XXGK_OK : error_set(err, XXGK_E_NOMEM, "内存不足");
    int rc = SQLITE_DONE;
    while (status == XXGK_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        xxgk_stray e = {sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1),
                        (const char *)sqlite3_column_text(st, 2),
                        (const char *)sqlite3_column_text(st, 3), XXGK_MATCH_NONE, NULL};
        size_t n = store_roster_match(&r, e.body, pos, r.n);
        sbuf cand = {0};
        for (size_t i = 0; i < n && i < r.n; i++) {
            sbuf_add(&cand, i ? "、" : "");
            sbuf_add(&cand, r.names[pos[i]]);
        }
        e.match = n > 1 ? XXGK_MATCH_AMBIGUOUS : XXGK_MATCH_NONE;
        e.candidates = n > 1 ? cand.s : NULL;
        int stop = n == 1 ? 0 : fn(ctx, &e);
        sbuf_free(&cand);
        if (stop)
            break;
    }
    if (status == XXGK_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        status = store_fail(s, err, "读取数据库失败");
    free(pos);
    store_done(s, st);
    store_roster_free(&r);
    return status;
}
