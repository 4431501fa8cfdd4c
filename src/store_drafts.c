/*
 * store_drafts.c — a body's report as it is being written in xxgk serve:
 * every save a new version of its model (the JSON of docs/writing.md),
 * kept with who saved it and what the check found; and the submission of
 * a version to the supervising office, which stores it in the report
 * store as any imported report, so that the desk counts it.
 */
#include <stdlib.h>
#include <string.h>

#include "accounts.h"
#include "input.h"
#include "sentences.h"
#include "store_sha256.h"
#include "store_write.h"

/* The model of r as compact JSON (malloc'd), or NULL. */
static char *model_json(const xxgk_report *r, size_t *len)
{
    char *data = NULL;
    FILE *f = open_memstream(&data, len);
    if (!f)
        return NULL;
    xxgk_status st = xxgk_report_write_model(r, 0, f);
    if (fclose(f) != 0 || st != XXGK_OK) {
        free(data);
        return NULL;
    }
    return data;
}

xxgk_status xxgk_draft_save(xxgk_store *s, const char *body, xxgk_report *r, const char *who,
                            int *version, xxgk_error *err)
{
    if (!s || s->read_only || !r || !body || !*body)
        return error_set(err, XXGK_E_USAGE, "保存草稿：参数不全");
    int year = xxgk_report_meta(r)->year;
    if (year < 2019)
        return error_set(err, XXGK_E_USAGE, "报告没有年度");
    xxgk_check_options opt = {.model_only = true};
    if (xxgk_check(r, &opt) != XXGK_OK)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    size_t len = 0;
    char *json = model_json(r, &len);
    if (!json)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    char now[32];
    sqlite3_stmt *q = acct_prepare(
        s, "INSERT INTO draft(body, year, version, model, who, at, errors, warnings)"
           " SELECT ?1, ?2, coalesce(max(version), 0) + 1, ?3, ?4, ?5, ?6, ?7"
           " FROM draft WHERE body = ?1 AND year = ?2 RETURNING version", err);
    if (!q) {
        free(json);
        return XXGK_E_IO;
    }
    sqlite3_bind_text(q, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 2, year);
    sqlite3_bind_text(q, 3, json, (int)len, SQLITE_STATIC);
    sqlite3_bind_text(q, 4, who ? who : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 5, acct_now(now, sizeof now), -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 6, (int)xxgk_report_count(r, XXGK_ERROR));
    sqlite3_bind_int(q, 7, (int)xxgk_report_count(r, XXGK_WARNING));
    int rc = sqlite3_step(q);
    int v = rc == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
    if (rc == SQLITE_ROW)
        rc = sqlite3_step(q);
    sqlite3_finalize(q);
    free(json);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, "保存草稿");
    if (version)
        *version = v;
    char obj[300], detail[64];
    snprintf(obj, sizeof obj, "%s/%d", body, year);
    snprintf(detail, sizeof detail, "第 %d 版", v);
    return xxgk_audit_add(s, who, "", "draft.save", obj, detail, err);
}

xxgk_status xxgk_draft_load(xxgk_store *s, const char *body, int year, int version,
                            xxgk_report **out, int *version_out, xxgk_error *err)
{
    *out = NULL;
    sqlite3_stmt *q = acct_prepare(s, "SELECT model, version FROM draft"
                                      " WHERE body = ?1 AND year = ?2 AND (?3 = 0 OR version = ?3)"
                                      " ORDER BY version DESC LIMIT 1", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_text(q, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 2, year);
    sqlite3_bind_int(q, 3, version);
    int rc = sqlite3_step(q);
    xxgk_status st;
    if (rc == SQLITE_ROW) {
        char name[300];
        snprintf(name, sizeof name, "草稿/%s/%d", body, year);
        st = xxgk_report_parse_json((const char *)sqlite3_column_text(q, 0),
                                    (size_t)sqlite3_column_bytes(q, 0), name, out, err);
        if (version_out)
            *version_out = sqlite3_column_int(q, 1);
    } else if (rc == SQLITE_DONE) {
        st = error_set(err, XXGK_E_USAGE, "%s %d 年没有%s草稿", body, year,
                       version ? "这一版" : "");
    } else {
        st = store_fail(s, err, "读取草稿");
    }
    sqlite3_finalize(q);
    return st;
}

xxgk_status xxgk_draft_versions(xxgk_store *s, const char *body, int year, xxgk_draft_fn fn,
                                void *ctx, xxgk_error *err)
{
    sqlite3_stmt *q = acct_prepare(s, "SELECT version, who, at, errors, warnings,"
                                      " coalesce(report_id, 0) FROM draft"
                                      " WHERE body = ? AND year = ? ORDER BY version DESC", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_text(q, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 2, year);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        xxgk_draft_info d = {body, year, sqlite3_column_int(q, 0), acct_text(q, 1),
                             acct_text(q, 2), sqlite3_column_int(q, 3),
                             sqlite3_column_int(q, 4), sqlite3_column_int64(q, 5)};
        if (fn(ctx, &d))
            break;
    }
    sqlite3_finalize(q);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? XXGK_OK : store_fail(s, err, "读取草稿");
}

/* Stores r as the newest version of `path` in the report store, as an
 * import does (store_writer): the same content again is no new version. */
static xxgk_status store_report(xxgk_store *s, const char *path, xxgk_report *r,
                                int64_t *id, xxgk_error *err)
{
    size_t len = 0;
    char *json = model_json(r, &len);
    if (!json)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    uint8_t d[32];
    char sha[65];
    sha256(json, len, d);
    sha256_hex(d, sha);
    free(json);
    store_writer w;
    xxgk_status st = store_writer_init(&w, s, err);
    if (st != XXGK_OK)
        return st;
    bool current = false, changed = false, versioned = false;
    int errors = -1;
    if (store_writer_lookup(&w, sha, id, &current, &errors)) {
        st = store_writer_adopt(&w, *id, current, path, &changed, err);
    } else {
        uint64_t *hashes = NULL;
        size_t nhashes = 0;
        bool hashed = sentences_hash(r, &hashes, &nhashes) == 0;
        store_sentences sent = {hashes, nhashes};
        st = store_writer_put(&w, path, sha, len, r, true, hashed ? &sent : NULL, id, &versioned,
                              err);
        free(hashes);
    }
    store_writer_free(&w);
    return st;
}

xxgk_status xxgk_draft_submit(xxgk_store *s, const char *body, int year, int version,
                              const char *who, int64_t *report_id, xxgk_error *err)
{
    xxgk_report *r = NULL;
    int v = 0;
    xxgk_status st = xxgk_draft_load(s, body, year, version, &r, &v, err);
    if (st != XXGK_OK)
        return st;
    if ((st = xxgk_report_check(r, NULL)) != XXGK_OK) {
        xxgk_report_free(r);
        return error_set(err, st, "内存不足");
    }
    size_t errors = xxgk_report_count(r, XXGK_ERROR);
    if (errors) {
        xxgk_report_free(r);
        return error_set(err, XXGK_E_USAGE, "第 %d 版还有 %zu 个错误，改正后才能报送", v, errors);
    }
    char path[300];
    snprintf(path, sizeof path, "报送/%s/%d", body, year);
    int64_t id = 0;
    st = store_report(s, path, r, &id, err);
    xxgk_report_free(r);
    if (st != XXGK_OK)
        return st;
    sqlite3_stmt *q = acct_prepare(
        s, "UPDATE draft SET report_id = ?4 WHERE body = ?1 AND year = ?2 AND version = ?3", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_text(q, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 2, year);
    sqlite3_bind_int(q, 3, v);
    sqlite3_bind_int64(q, 4, id);
    if ((st = acct_run(s, q, "报送", err)) != XXGK_OK)
        return st;
    if (report_id)
        *report_id = id;
    char obj[300], detail[64];
    snprintf(obj, sizeof obj, "%s/%d", body, year);
    snprintf(detail, sizeof detail, "第 %d 版，报告 %lld", v, (long long)id);
    return xxgk_audit_add(s, who, "", "draft.submit", obj, detail, err);
}
