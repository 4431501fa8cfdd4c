/*
 * store_audit.c — the audit trail of xxgk serve and xxgk user: logins,
 * failed logins and every change, with who, from where and when. Entries
 * are only ever appended.
 */
#include "accounts.h"
#include "input.h"

xxgk_status xxgk_audit_add(xxgk_store *s, const char *who, const char *address,
                           const char *action, const char *object, const char *detail,
                           xxgk_error *err)
{
    if (!s || !action)
        return error_set(err, XXGK_E_USAGE, "审计记录缺少动作");
    char now[32];
    sqlite3_stmt *q = acct_prepare(
        s, "INSERT INTO audit(at, who, address, action, object, detail) VALUES(?,?,?,?,?,?)", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_text(q, 1, acct_now(now, sizeof now), -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, who ? who : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 3, address ? address : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 4, action, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 5, object ? object : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 6, detail ? detail : "", -1, SQLITE_STATIC);
    return acct_run(s, q, "审计记录", err);
}

xxgk_status xxgk_audit_list(xxgk_store *s, size_t limit, xxgk_audit_fn fn, void *ctx,
                            xxgk_error *err)
{
    sqlite3_stmt *q = acct_prepare(s, "SELECT id, at, who, address, action, object, detail"
                                      " FROM audit ORDER BY id DESC LIMIT ?", err);
    if (!q)
        return XXGK_E_IO;
    sqlite3_bind_int64(q, 1, (sqlite3_int64)(limit ? limit : 100));
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        xxgk_audit_entry e = {sqlite3_column_int64(q, 0), acct_text(q, 1), acct_text(q, 2),
                              acct_text(q, 3),            acct_text(q, 4), acct_text(q, 5),
                              acct_text(q, 6)};
        if (fn(ctx, &e))
            break;
    }
    sqlite3_finalize(q);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? XXGK_OK : store_fail(s, err, "审计记录");
}
