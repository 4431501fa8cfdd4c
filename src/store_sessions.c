/*
 * store_sessions.c — login sessions of xxgk serve, and the random tokens
 * they are made of.
 *
 * A session id and its CSRF token are 32 bytes from getrandom in
 * base64url. The store keeps the SHA-256 of the id only: a copy of the
 * database logs nobody in. Idle sessions expire: xxgk_session_get
 * removes one that was not seen within the idle time, and every new
 * session sweeps the expired ones of a day before.
 */
#include <string.h>
#include <sys/random.h>

#include "accounts.h"
#include "input.h"
#include "store_sha256.h"

#define SWEEP_AFTER (24 * 3600)

xxgk_status xxgk_random_token(char *out, size_t size)
{
    static const char b64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    uint8_t raw[33] = {0};
    if (size < 44)
        return XXGK_E_USAGE;
    if (getrandom(raw, 32, 0) != 32)
        return XXGK_E_IO;
    size_t o = 0;
    for (size_t i = 0; i < 33 && o < 43; i += 3) {
        uint32_t v = (uint32_t)raw[i] << 16 | (uint32_t)raw[i + 1] << 8 | raw[i + 2];
        for (int k = 3; k >= 0 && o < 43; k--)
            out[o++] = b64[(v >> (6 * k)) & 63];
    }
    out[43] = '\0';
    return XXGK_OK;
}

/* The hex SHA-256 of a session id. */
static void id_hash(const char *id, char hex[65])
{
    uint8_t d[32];
    sha256(id, strlen(id), d);
    sha256_hex(d, hex);
}

xxgk_status xxgk_session_new(xxgk_store *s, int64_t user_id, int64_t now, xxgk_session *out,
                             xxgk_error *err)
{
    memset(out, 0, sizeof *out);
    if (xxgk_random_token(out->id, sizeof out->id) != XXGK_OK ||
        xxgk_random_token(out->csrf, sizeof out->csrf) != XXGK_OK)
        return error_set(err, XXGK_E_IO, "系统没有提供随机数");
    out->user_id = user_id;
    out->created = out->seen = now;
    char hex[65];
    id_hash(out->id, hex);
    sqlite3_stmt *q = acct_prepare(s, "DELETE FROM app_session WHERE seen < ?", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_int64(q, 1, now - SWEEP_AFTER);
    xxgk_status st = acct_run(s, q, "会话", err);
    if (st != XXGK_OK)
        return st;
    q = acct_prepare(s, "INSERT INTO app_session(id_hash, user_id, csrf, created, seen)"
                        " VALUES(?,?,?,?,?)", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_text(q, 1, hex, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 2, user_id);
    sqlite3_bind_text(q, 3, out->csrf, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 4, now);
    sqlite3_bind_int64(q, 5, now);
    return acct_run(s, q, "会话", err);
}

xxgk_status xxgk_session_get(xxgk_store *s, const char *id, int64_t now, int64_t idle,
                             xxgk_session *out, xxgk_error *err)
{
    memset(out, 0, sizeof *out);
    if (!id || strlen(id) != 43)
        return error_set(err, XXGK_E_USAGE, "会话不存在或已过期");
    char hex[65];
    id_hash(id, hex);
    sqlite3_stmt *q = acct_prepare(
        s, "SELECT user_id, csrf, created, seen FROM app_session WHERE id_hash = ?", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_text(q, 1, hex, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        snprintf(out->id, sizeof out->id, "%s", id);
        out->user_id = sqlite3_column_int64(q, 0);
        snprintf(out->csrf, sizeof out->csrf, "%s", acct_text(q, 1));
        out->created = sqlite3_column_int64(q, 2);
        out->seen = sqlite3_column_int64(q, 3);
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, "会话");
    bool expired = rc == SQLITE_ROW && now - out->seen > idle;
    if (rc == SQLITE_DONE || expired) {
        if (expired)
            xxgk_session_end(s, id, NULL);
        memset(out, 0, sizeof *out);
        return error_set(err, XXGK_E_USAGE, "会话不存在或已过期");
    }
    if (now - out->seen < 30) /* seen moments ago: spare the write */
        return XXGK_OK;
    out->seen = now;
    q = acct_prepare(s, "UPDATE app_session SET seen = ?2 WHERE id_hash = ?1", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_text(q, 1, hex, -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 2, now);
    return acct_run(s, q, "会话", err);
}

xxgk_status xxgk_session_end(xxgk_store *s, const char *id, xxgk_error *err)
{
    if (!id)
        return XXGK_OK;
    char hex[65];
    id_hash(id, hex);
    sqlite3_stmt *q = acct_prepare(s, "DELETE FROM app_session WHERE id_hash = ?", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_text(q, 1, hex, -1, SQLITE_STATIC);
    return acct_run(s, q, "会话", err);
}
