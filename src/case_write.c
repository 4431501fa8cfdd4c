/*
 * case_write.c — recording: a new application, and every later fact as
 * an event. Each change runs in one transaction: the case's events are
 * read and folded, the new event is checked against the state machine
 * and the guards (case_fold.c), then stored with who, when and the state
 * before and after, and the case's derived columns are rewritten.
 * Nothing is ever deleted; a void is an event too.
 */
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "input.h"

static const char *col_text(sqlite3_stmt *st, int col, arena *a)
{
    const char *s = (const char *)sqlite3_column_text(st, col);
    return s ? arena_strndup(a, s, (size_t)sqlite3_column_bytes(st, col)) : NULL;
}

xxgk_status case_read_events(xxgk_register *reg, int64_t id, arena *a, case_state *c,
                             case_event **events, size_t *n, xxgk_error *err)
{
    *events = NULL;
    *n = 0;
    sqlite3_stmt *st = reg_stmt(reg, Q_CASE_IDENTITY, err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        return error_set(err, XXGK_E_USAGE, "登记簿中没有编号为 %lld 的申请", (long long)id);
    }
    case_init(c, a, id, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
              sqlite3_column_int(st, 2), (const char *)sqlite3_column_text(st, 3));
    sqlite3_reset(st);
    if (!(st = reg_stmt(reg, Q_CASE_EVENTS, err)))
        return err->status;
    sqlite3_bind_int64(st, 1, id);
    size_t cap = 0;
    case_event *v = NULL;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            case_event *nv = arena_grow(a, v, cap * sizeof *nv, ncap * sizeof *nv);
            if (!nv)
                break;
            v = nv;
            cap = ncap;
        }
        case_event *e = &v[*n];
        memset(e, 0, sizeof *e);
        ev_kind kind;
        if (!ev_find((const char *)sqlite3_column_text(st, 1), &kind) ||
            !ev_from_json(a, kind, (const char *)sqlite3_column_text(st, 3), e)) {
            sqlite3_reset(st);
            return error_set(err, XXGK_E_IO, "登记簿中申请 %lld 的第 %d 项记录无法读取",
                             (long long)id, sqlite3_column_int(st, 0));
        }
        e->seq = sqlite3_column_int(st, 0);
        e->who = col_text(st, 4, a);
        e->at = col_text(st, 5, a);
        e->before = col_text(st, 6, a);
        e->after = col_text(st, 7, a);
        (*n)++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE || a->failed)
        return a->failed ? error_set(err, XXGK_E_NOMEM, "内存不足")
                         : reg_fail(reg, err, "无法读取登记簿");
    *events = v;
    return XXGK_OK;
}

static void bind_date(sqlite3_stmt *st, int col, xxgk_date d)
{
    char buf[11];
    if (d)
        sqlite3_bind_text(st, col, xxgk_date_format(d, buf, sizeof buf), -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, col);
}

xxgk_status case_store_derived(xxgk_register *reg, const case_state *c, xxgk_error *err)
{
    const xxgk_case_info *i = &c->info;
    sqlite3_stmt *st = reg_stmt(reg, Q_CASE_DERIVED, err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, i->id);
    bind_date(st, 2, i->received);
    sqlite3_bind_text(st, 3, xxgk_applicant_key(i->applicant), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, xxgk_case_state_key(i->state), -1, SQLITE_STATIC);
    bind_date(st, 5, i->closed);
    if (i->outcome)
        sqlite3_bind_text(st, 6, i->outcome, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 7, i->voided);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE || !(st = reg_stmt(reg, Q_REMEDY_DELETE, err)))
        return rc != SQLITE_DONE ? reg_fail(reg, err, "无法写入登记簿") : err->status;
    sqlite3_bind_int64(st, 1, i->id);
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    for (size_t k = 0; rc == SQLITE_DONE && k < i->nremedies; k++) {
        const xxgk_remedy *r = &i->remedies[k];
        if (!(st = reg_stmt(reg, Q_REMEDY_INSERT, err)))
            return err->status;
        sqlite3_bind_int64(st, 1, i->id);
        sqlite3_bind_int(st, 2, (int)k + 1);
        sqlite3_bind_text(st, 3, xxgk_remedy_key(r->kind), -1, SQLITE_STATIC);
        bind_date(st, 4, r->filed);
        bind_date(st, 5, r->decided);
        if (r->result)
            sqlite3_bind_text(st, 6, r->result, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
    }
    return rc == SQLITE_DONE ? XXGK_OK : reg_fail(reg, err, "无法写入登记簿");
}

/* Stores event e of the case, with the snapshots before and after. */
static xxgk_status store_event(xxgk_register *reg, case_state *c, case_event *e,
                               const char *before, xxgk_error *err)
{
    char *data = ev_to_json(e), *after = case_snapshot(c), *b = NULL, *a = NULL;
    xxgk_status st = XXGK_OK;
    if (!data || !after || !case_snapshot_diff(before, after, &b, &a))
        st = error_set(err, XXGK_E_NOMEM, "内存不足");
    if (st == XXGK_OK)
        st = reg_log(reg, "case", c->info.id, ev_key(e->kind), e->date ? e->date : e->app.received,
                     data, before ? b : NULL, a, &e->seq, err);
    if (st == XXGK_OK)
        st = case_store_derived(reg, c, err);
    free(data);
    free(after);
    free(b);
    free(a);
    return st;
}

/* Checks a void of event `target` against the events: it must exist,
 * not be the receipt or a void, not be voided already, and the events
 * after it must still hold without it (a strict replay). */
static xxgk_status check_void(xxgk_register *reg, case_state *c, const case_event *events,
                              size_t n, int target, const fold_env *env, xxgk_error *err)
{
    const case_event *t = NULL;
    for (size_t i = 0; i < n; i++)
        if (events[i].seq == target)
            t = &events[i];
    if (!t)
        return error_set(err, XXGK_E_USAGE, "申请 %lld 没有第 %d 项记录", (long long)c->info.id,
                         target);
    if (t->kind == EV_RECEIVED)
        return error_set(err, XXGK_E_USAGE, "收到申请的登记不能单独作废；要作废整件申请，请不指定记录");
    if (t->kind == EV_VOID)
        return error_set(err, XXGK_E_USAGE, "作废记录本身不能作废");
    bool *voided = case_voided(c->a, events, n);
    if (voided && voided[target])
        return error_set(err, XXGK_E_USAGE, "第 %d 项记录已经作废", target);
    case_state replay;
    case_init(&replay, c->a, c->info.id, c->info.body, 0, 0, c->info.ledger_key);
    replay.info.serial = c->info.serial;
    xxgk_error why = {0};
    if (case_fold(&replay, events, n, target, env, true, &why) != XXGK_OK)
        return error_set(err, XXGK_E_USAGE, "作废第 %d 项（%s）后，其后的登记不再成立：%s", target,
                         ev_title(t->kind), why.message);
    replay.info.void_reason = c->info.void_reason;
    *c = replay;
    (void)reg;
    return XXGK_OK;
}

/* Records event e on case id (see the file comment). */
static xxgk_status record(xxgk_register *reg, int64_t id, case_event *e, xxgk_error *err)
{
    if (reg_writable(reg, err) != XXGK_OK)
        return err->status;
    if (reg_begin(reg, err) != XXGK_OK)
        return err->status;
    arena a;
    arena_init(&a, 8192);
    case_state c;
    case_event *events = NULL;
    size_t n = 0;
    fold_env env = {reg->cal, reg_today(reg)};
    char *before = NULL;
    xxgk_status st = case_read_events(reg, id, &a, &c, &events, &n, err);
    if (st == XXGK_OK)
        st = case_fold(&c, events, n, 0, &env, false, err);
    if (st == XXGK_OK && !(before = case_snapshot(&c)))
        st = error_set(err, XXGK_E_NOMEM, "内存不足");
    if (st == XXGK_OK && e->kind == EV_VOID && e->target > 0) {
        if (c.info.voided)
            st = error_set(err, XXGK_E_USAGE, "该申请已作废，不能再登记");
        else if (!e->s2 || !*e->s2)
            st = error_set(err, XXGK_E_USAGE, "作废须写明原因");
        else
            st = check_void(reg, &c, events, n, e->target, &env, err);
    } else if (st == XXGK_OK) {
        st = case_apply(&c, e, &env, true, err);
    }
    if (st == XXGK_OK)
        st = store_event(reg, &c, e, before, err);
    free(before);
    arena_release(&a);
    xxgk_status end = reg_end(reg, st == XXGK_OK, st == XXGK_OK ? err : NULL);
    return st == XXGK_OK ? end : st;
}

/* ---- the public recording functions ------------------------------------------ */

static bool valid_enums(const xxgk_application *app, xxgk_error *err)
{
    if ((unsigned)app->channel >= XXGK_CHANNEL_COUNT)
        return error_set(err, XXGK_E_USAGE, "申请方式无效"), false;
    if ((unsigned)app->applicant >= XXGK_APPLICANT_COUNT)
        return error_set(err, XXGK_E_USAGE, "申请人类型无效"), false;
    return true;
}

/* The linked case exists and is of the same body. */
static xxgk_status check_link(xxgk_register *reg, int64_t linked, const char *body,
                              xxgk_error *err)
{
    if (!linked)
        return XXGK_OK;
    sqlite3_stmt *st = reg_stmt(reg, Q_CASE_IDENTITY, err);
    if (!st)
        return err->status;
    sqlite3_bind_int64(st, 1, linked);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    bool same = found && body && !strcmp((const char *)sqlite3_column_text(st, 0), body);
    sqlite3_reset(st);
    if (!found)
        return error_set(err, XXGK_E_USAGE, "关联的申请 %lld 不存在", (long long)linked);
    if (!same)
        return error_set(err, XXGK_E_USAGE, "关联的申请 %lld 属于另一机关", (long long)linked);
    return XXGK_OK;
}

static xxgk_status insert_case(xxgk_register *reg, const case_state *c, int year, int serial,
                               int64_t *id, xxgk_error *err)
{
    sqlite3_stmt *st = reg_stmt(reg, Q_CASE_INSERT, err);
    if (!st)
        return err->status;
    sqlite3_bind_text(st, 1, c->info.body, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, year);
    sqlite3_bind_int(st, 3, serial);
    if (c->info.ledger_key)
        sqlite3_bind_text(st, 4, c->info.ledger_key, -1, SQLITE_STATIC);
    bind_date(st, 5, c->info.received);
    sqlite3_bind_text(st, 6, xxgk_applicant_key(c->info.applicant), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, xxgk_case_state_key(c->info.state), -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_CONSTRAINT)
        return error_set(err, XXGK_E_USAGE, "台账编号“%s”已经登记过", c->info.ledger_key);
    if (rc != SQLITE_DONE)
        return reg_fail(reg, err, "无法写入登记簿");
    *id = sqlite3_last_insert_rowid(reg->db);
    return XXGK_OK;
}

static int next_serial(xxgk_register *reg, const char *body, int year, xxgk_error *err)
{
    sqlite3_stmt *st = reg_stmt(reg, Q_NEXT_SERIAL, err);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, year);
    int serial = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_reset(st);
    if (serial < 0)
        reg_fail(reg, err, "无法读取登记簿");
    return serial;
}

xxgk_status xxgk_case_add(xxgk_register *reg, const xxgk_application *app, int64_t *id,
                          xxgk_error *err)
{
    int64_t new_id = 0;
    if (id)
        *id = 0;
    if (reg_writable(reg, err) != XXGK_OK || !valid_enums(app, err))
        return err->status;
    if (reg_begin(reg, err) != XXGK_OK)
        return err->status;
    arena a;
    arena_init(&a, 4096);
    case_state c;
    int y = 0, m, d;
    xxgk_date_split(app->received, &y, &m, &d);
    case_init(&c, &a, 0, app->body, y, 0, app->ledger_key);
    case_event e = {.kind = EV_RECEIVED, .app = *app};
    fold_env env = {reg->cal, reg_today(reg)};
    xxgk_status st = case_apply(&c, &e, &env, true, err);
    if (st == XXGK_OK)
        st = check_link(reg, app->linked, app->body, err);
    int serial = st == XXGK_OK ? next_serial(reg, app->body, y, err) : -1;
    if (st == XXGK_OK && serial < 0)
        st = err->status;
    if (st == XXGK_OK) {
        case_init(&c, &a, 0, app->body, y, serial, app->ledger_key);
        st = case_apply(&c, &e, &env, false, err);
    }
    if (st == XXGK_OK)
        st = insert_case(reg, &c, y, serial, &new_id, err);
    if (st == XXGK_OK) {
        c.info.id = new_id;
        st = store_event(reg, &c, &e, NULL, err);
    }
    arena_release(&a);
    xxgk_status end = reg_end(reg, st == XXGK_OK, st == XXGK_OK ? err : NULL);
    if (st == XXGK_OK && end == XXGK_OK && id)
        *id = new_id;
    return st == XXGK_OK ? end : st;
}

xxgk_status xxgk_case_edit(xxgk_register *reg, int64_t id, const xxgk_application *changes,
                           bool set_channel, bool set_applicant, xxgk_error *err)
{
    if (changes->body)
        return error_set(err, XXGK_E_USAGE, "申请所属机关不能更改；如登记错了机关，请作废后重新登记");
    if ((set_channel || set_applicant) && !valid_enums(changes, err))
        return err->status;
    if (changes->linked) {
        sqlite3_stmt *st = reg_stmt(reg, Q_CASE_IDENTITY, err);
        if (!st)
            return err->status;
        sqlite3_bind_int64(st, 1, id);
        char body[512] = "";
        if (sqlite3_step(st) == SQLITE_ROW)
            snprintf(body, sizeof body, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_reset(st);
        if (changes->linked == id)
            return error_set(err, XXGK_E_USAGE, "申请不能关联它自己");
        if (check_link(reg, changes->linked, body, err) != XXGK_OK)
            return err->status;
    }
    case_event e = {.kind = EV_EDIT, .app = *changes, .set_channel = set_channel,
                    .set_applicant = set_applicant};
    e.app.ledger_key = NULL;
    return record(reg, id, &e, err);
}

xxgk_status xxgk_case_correction_notice(xxgk_register *reg, int64_t id, xxgk_date notice,
                                        xxgk_date until, xxgk_error *err)
{
    case_event e = {.kind = EV_CORRECTION_NOTICE, .date = notice, .date2 = until};
    return record(reg, id, &e, err);
}

xxgk_status xxgk_case_corrected(xxgk_register *reg, int64_t id, xxgk_date received,
                                xxgk_error *err)
{
    case_event e = {.kind = EV_CORRECTED, .date = received};
    return record(reg, id, &e, err);
}

xxgk_status xxgk_case_consult(xxgk_register *reg, int64_t id, xxgk_party party,
                              const char *party_name, xxgk_date sent, xxgk_date delivered,
                              xxgk_date answered, xxgk_error *err)
{
    case_event e = {.kind = EV_CONSULT, .date = sent, .date2 = delivered, .date3 = answered,
                    .party = party == XXGK_PARTY_AGENCY, .s1 = party_name};
    return record(reg, id, &e, err);
}

xxgk_status xxgk_case_consult_answered(xxgk_register *reg, int64_t id, xxgk_party party,
                                       xxgk_date answered, xxgk_error *err)
{
    case_event e = {.kind = EV_CONSULT_ANSWERED, .date = answered,
                    .party = party == XXGK_PARTY_AGENCY};
    return record(reg, id, &e, err);
}

xxgk_status xxgk_case_extend(xxgk_register *reg, int64_t id, xxgk_date date,
                             const char *approver, xxgk_date told, xxgk_error *err)
{
    case_event e = {.kind = EV_EXTENDED, .date = date, .date2 = told, .s1 = approver};
    return record(reg, id, &e, err);
}

xxgk_status xxgk_case_fee_notice(xxgk_register *reg, int64_t id, xxgk_date notice,
                                 xxgk_decimal amount, xxgk_error *err)
{
    case_event e = {.kind = EV_FEE_NOTICE, .date = notice, .amount = amount};
    return record(reg, id, &e, err);
}

xxgk_status xxgk_case_fee_paid(xxgk_register *reg, int64_t id, xxgk_date paid, xxgk_error *err)
{
    case_event e = {.kind = EV_FEE_PAID, .date = paid};
    return record(reg, id, &e, err);
}

xxgk_status xxgk_case_reply(xxgk_register *reg, int64_t id, xxgk_date date, const char *outcome,
                            const char *ground, xxgk_error *err)
{
    case_event e = {.kind = EV_REPLY, .date = date, .s1 = outcome, .s2 = ground};
    return record(reg, id, &e, err);
}

xxgk_status xxgk_case_close(xxgk_register *reg, int64_t id, xxgk_date date, const char *outcome,
                            const char *reason, xxgk_error *err)
{
    case_event e = {.kind = EV_CLOSE, .date = date, .s1 = outcome, .s2 = reason};
    return record(reg, id, &e, err);
}

xxgk_status xxgk_case_remedy(xxgk_register *reg, int64_t id, xxgk_remedy_kind kind,
                             xxgk_date filed, xxgk_error *err)
{
    if ((unsigned)kind > XXGK_REMEDY_SUIT_AFTER_REVIEW)
        return error_set(err, XXGK_E_USAGE, "复议或诉讼的种类无效");
    case_event e = {.kind = EV_REMEDY, .date = filed, .party = (int)kind};
    return record(reg, id, &e, err);
}

xxgk_status xxgk_case_remedy_decided(xxgk_register *reg, int64_t id, xxgk_remedy_kind kind,
                                     xxgk_date decided, const char *result, xxgk_error *err)
{
    if ((unsigned)kind > XXGK_REMEDY_SUIT_AFTER_REVIEW)
        return error_set(err, XXGK_E_USAGE, "复议或诉讼的种类无效");
    case_event e = {.kind = EV_REMEDY_DECIDED, .date = decided, .party = (int)kind, .s1 = result};
    return record(reg, id, &e, err);
}

xxgk_status xxgk_case_void(xxgk_register *reg, int64_t id, int event, const char *reason,
                           xxgk_error *err)
{
    if (event < 0)
        return error_set(err, XXGK_E_USAGE, "记录编号无效");
    case_event e = {.kind = EV_VOID, .target = event, .s2 = reason};
    return record(reg, id, &e, err);
}
