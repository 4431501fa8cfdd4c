/*
 * case_read.c — reading the register: one case as its events make it
 * (with its deadlines and, on request, the day-by-day count), its
 * history with a Chinese line per event, every case a filter selects,
 * and the open cases by their next deadline (xxgk case due).
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "input.h"

struct xxgk_case {
    arena a;
    case_state c;
    deadline_set dl;
    xxgk_case_event *events;
    size_t nevents;
};

static const char *dstr(xxgk_date d, char *buf)
{
    return xxgk_date_format(d, buf, 11);
}

static const char *party_text(int party)
{
    return party == XXGK_PARTY_AGENCY ? "其他机关" : "第三方";
}

static const char *remedy_text(int kind)
{
    static const char *const t[] = {"行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"};
    return (unsigned)kind < 3 ? t[kind] : "";
}

static const char *result_text(const char *r)
{
    return !r ? "" : !strcmp(r, "upheld") ? "结果维持" : !strcmp(r, "corrected") ? "结果纠正"
                                                                               : "其他结果";
}

/* The keys of an edit's "after" object, as a Chinese list. */
static void edit_fields(const char *after, char *out, size_t size)
{
    static const struct { const char *key, *text; } names[] = {
        {"received", "收到日期"}, {"channel", "申请方式"}, {"applicant", "申请人类型"},
        {"subject", "申请内容"}, {"name", "申请人"}, {"id_number", "证件号码"},
        {"contact", "联系方式"}, {"linked", "关联申请"}};
    json_t *o = json_loads(after ? after : "{}", 0, NULL);
    size_t at = 0;
    out[0] = '\0';
    for (size_t i = 0; o && i < sizeof names / sizeof names[0]; i++)
        if (json_object_get(o, names[i].key) && at < size)
            at += (size_t)snprintf(out + at, size - at, "%s%s", at ? "、" : "", names[i].text);
    json_decref(o);
}

/* Appends to buf at *len, never past size. */
static void append(char *buf, size_t size, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void append(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
    if (*len >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *len, size - *len, fmt, ap);
    va_end(ap);
    if (n > 0)
        *len = *len + (size_t)n < size ? *len + (size_t)n : size;
}

/* One Chinese line about an event (ID numbers never appear). */
static const char *summary(arena *a, const case_event *e, const case_event *all, size_t n)
{
    char buf[768], d1[11], d2[11], d3[11];
    const outcome_row *r;
    switch (e->kind) {
    case EV_RECEIVED:
        snprintf(buf, sizeof buf, "收到申请（%s，%s）：%s", xxgk_channel_name(e->app.channel),
                 xxgk_applicant_label(e->app.applicant), e->app.subject ? e->app.subject : "");
        break;
    case EV_EDIT: {
        char fields[256];
        edit_fields(e->after, fields, sizeof fields);
        snprintf(buf, sizeof buf, "更正登记信息：%s", *fields ? fields : "（无变化）");
        break;
    }
    case EV_CORRECTION_NOTICE:
        snprintf(buf, sizeof buf, "一次性告知补正%s%s", e->date2 ? "，补正期限至 " : "",
                 e->date2 ? dstr(e->date2, d1) : "");
        break;
    case EV_CORRECTED:
        snprintf(buf, sizeof buf, "收到补正后的申请，答复期限重新计算");
        break;
    case EV_CONSULT: {
        size_t l = 0;
        append(buf, sizeof buf, &l, "书面征求%s意见", party_text(e->party));
        if (e->s1)
            append(buf, sizeof buf, &l, "（%s）", e->s1);
        if (e->date2)
            append(buf, sizeof buf, &l, "，对方收到于 %s", dstr(e->date2, d2));
        if (e->date3)
            append(buf, sizeof buf, &l, "，已于 %s 答复", dstr(e->date3, d3));
        break;
    }
    case EV_CONSULT_ANSWERED:
        snprintf(buf, sizeof buf, "收到%s的答复", party_text(e->party));
        break;
    case EV_EXTENDED:
        snprintf(buf, sizeof buf, "延长答复期限20个工作日，批准人：%s%s%s", e->s1 ? e->s1 : "",
                 e->date2 ? "；告知申请人于 " : "", e->date2 ? dstr(e->date2, d1) : "");
        break;
    case EV_FEE_NOTICE: {
        char amount[48];
        snprintf(buf, sizeof buf, "发出收费通知，金额 %s 元",
                 xxgk_decimal_format(e->amount, amount, sizeof amount));
        break;
    }
    case EV_FEE_PAID:
        snprintf(buf, sizeof buf, "申请人缴纳信息处理费");
        break;
    case EV_REPLY:
    case EV_CLOSE:
        r = outcome_find(e->s1);
        snprintf(buf, sizeof buf, "%s：%s（%s）", e->kind == EV_REPLY ? "答复" : "终止",
                 r ? r->label : (e->s1 ? e->s1 : ""),
                 e->s2 && *e->s2 ? e->s2 : r ? r->ground : "");
        break;
    case EV_REMEDY:
        snprintf(buf, sizeof buf, "申请人提起%s", remedy_text(e->party));
        break;
    case EV_REMEDY_DECIDED:
        snprintf(buf, sizeof buf, "%s审结：%s", remedy_text(e->party), result_text(e->s1));
        break;
    case EV_VOID:
        if (!e->target) {
            snprintf(buf, sizeof buf, "作废整件申请，原因：%s", e->s2 ? e->s2 : "");
        } else {
            const char *title = "";
            for (size_t i = 0; i < n; i++)
                if (all[i].seq == e->target)
                    title = ev_title(all[i].kind);
            snprintf(buf, sizeof buf, "作废第 %d 项（%s），原因：%s", e->target, title,
                     e->s2 ? e->s2 : "");
        }
        break;
    default:
        buf[0] = '\0';
    }
    return arena_strndup(a, buf, strlen(buf));
}

/* The public view of the events. */
static bool make_events(xxgk_case *cs, const case_event *ev, size_t n)
{
    cs->events = arena_alloc(&cs->a, (n ? n : 1) * sizeof *cs->events);
    bool *voided = case_voided(&cs->a, ev, n);
    if (!cs->events || !voided)
        return false;
    for (size_t i = 0; i < n; i++) {
        const case_event *e = &ev[i];
        xxgk_case_event *o = &cs->events[i];
        o->seq = e->seq;
        o->kind = ev_key(e->kind);
        o->title = ev_title(e->kind);
        o->date = e->date ? e->date : e->kind == EV_RECEIVED ? e->app.received : 0;
        o->who = e->who;
        o->at = e->at;
        o->summary = summary(&cs->a, e, ev, n);
        o->before = e->before;
        o->after = e->after;
        o->voided = voided[e->seq];
        for (size_t k = 0; o->voided && k < n; k++)
            if (ev[k].kind == EV_VOID && ev[k].target == e->seq)
                o->void_reason = ev[k].s2;
    }
    cs->nevents = n;
    return true;
}

static xxgk_status load(xxgk_register *reg, int64_t id, xxgk_date today, int flags,
                        bool with_events, xxgk_case **out, xxgk_error *err)
{
    *out = NULL;
    xxgk_case *cs = calloc(1, sizeof *cs);
    if (!cs)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    arena_init(&cs->a, 8192);
    case_event *ev = NULL;
    size_t n = 0;
    fold_env env = {reg->cal, today ? today : reg_today(reg)};
    xxgk_status st = case_read_events(reg, id, &cs->a, &cs->c, &ev, &n, err);
    if (st == XXGK_OK)
        st = case_fold(&cs->c, ev, n, 0, &env, false, err);
    if (st == XXGK_OK) {
        case_deadlines(&cs->c, reg->cal, env.today, flags & XXGK_CASE_EXPLAIN, &cs->a, &cs->dl);
        if (with_events && !make_events(cs, ev, n))
            st = error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    if (st == XXGK_OK && cs->a.failed)
        st = error_set(err, XXGK_E_NOMEM, "内存不足");
    if (st != XXGK_OK) {
        xxgk_case_free(cs);
        return st;
    }
    *out = cs;
    return XXGK_OK;
}

xxgk_status xxgk_case_load(xxgk_register *reg, int64_t id, xxgk_date today, int flags,
                           xxgk_case **out, xxgk_error *err)
{
    return load(reg, id, today, flags, true, out, err);
}

void xxgk_case_free(xxgk_case *c)
{
    if (!c)
        return;
    arena_release(&c->a);
    free(c);
}

const xxgk_case_info *xxgk_case_info_of(const xxgk_case *c)
{
    return &c->c.info;
}

size_t xxgk_case_deadline_count(const xxgk_case *c)
{
    return c->dl.n;
}

const xxgk_deadline *xxgk_case_deadline(const xxgk_case *c, size_t i)
{
    return i < c->dl.n ? &c->dl.v[i] : NULL;
}

const xxgk_deadline *xxgk_case_next_deadline(const xxgk_case *c)
{
    return c->dl.next >= 0 ? &c->dl.v[c->dl.next] : NULL;
}

const xxgk_counted_day *xxgk_case_explain(const xxgk_case *c, size_t i, size_t *n)
{
    *n = i < c->dl.n ? c->dl.ntrace[i] : 0;
    return *n ? c->dl.trace[i] : NULL;
}

size_t xxgk_case_event_count(const xxgk_case *c)
{
    return c->nevents;
}

const xxgk_case_event *xxgk_case_event_at(const xxgk_case *c, size_t i)
{
    return i < c->nevents ? &c->events[i] : NULL;
}

/* ---- many cases -------------------------------------------------------- */

/* The ids the filter selects, in order (malloc'd). */
static xxgk_status select_ids(xxgk_register *reg, const xxgk_case_filter *f, int64_t **ids,
                              size_t *n, xxgk_error *err)
{
    static const xxgk_case_filter none = {NULL, 0, -1, false, false};
    if (!f)
        f = &none;
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT id FROM reg_case WHERE (?1 IS NULL OR body = ?1)"
             " AND (?2 = 0 OR substr(received, 1, 4) = printf('%%04d', ?2))"
             " AND (?3 IS NULL OR state = ?3) %s %s ORDER BY body, year, serial",
             f->open_only ? "AND closed IS NULL" : "", f->include_void ? "" : "AND voided = 0");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(reg->db, sql, -1, &st, NULL) != SQLITE_OK)
        return reg_fail(reg, err, "无法读取登记簿");
    if (f->body)
        sqlite3_bind_text(st, 1, f->body, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, f->year);
    if (f->state >= 0)
        sqlite3_bind_text(st, 3, xxgk_case_state_key((xxgk_case_state)f->state), -1,
                          SQLITE_STATIC);
    size_t cap = 0;
    *ids = NULL;
    *n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            int64_t *v = realloc(*ids, cap * sizeof *v);
            if (!v) {
                sqlite3_finalize(st);
                free(*ids);
                *ids = NULL;
                return error_set(err, XXGK_E_NOMEM, "内存不足");
            }
            *ids = v;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(*ids);
        *ids = NULL;
        return reg_fail(reg, err, "无法读取登记簿");
    }
    return XXGK_OK;
}

xxgk_status xxgk_register_each(xxgk_register *reg, const xxgk_case_filter *filter,
                               xxgk_date today, xxgk_case_fn fn, void *ctx, xxgk_error *err)
{
    int64_t *ids;
    size_t n;
    if (select_ids(reg, filter, &ids, &n, err) != XXGK_OK)
        return err->status;
    xxgk_status st = XXGK_OK;
    for (size_t i = 0; i < n && st == XXGK_OK; i++) {
        xxgk_case *c;
        if ((st = load(reg, ids[i], today, 0, true, &c, err)) != XXGK_OK)
            break;
        int stop = fn(ctx, c);
        xxgk_case_free(c);
        if (stop)
            break;
    }
    free(ids);
    return st;
}

/* ---- due ------------------------------------------------------------------ */

static int by_due(const void *a, const void *b)
{
    const xxgk_due_item *x = a, *y = b;
    xxgk_date dx = x->next.due ? x->next.due : INT32_MAX, dy = y->next.due ? y->next.due : INT32_MAX;
    if (dx != dy)
        return dx < dy ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

static char *dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

void xxgk_due_free(xxgk_due_item *items, size_t n)
{
    for (size_t i = 0; items && i < n; i++) {
        free((char *)items[i].body);
        free((char *)items[i].serial);
        free((char *)items[i].subject);
        free((char *)items[i].next.note);
        free((char *)items[i].reply.note);
    }
    free(items);
}

xxgk_status xxgk_register_due(xxgk_register *reg, const char *body, xxgk_date on, int within,
                              xxgk_due_item **items, size_t *n, xxgk_error *err)
{
    *items = NULL;
    *n = 0;
    if (!on)
        on = reg_today(reg);
    xxgk_case_filter f = {body, 0, -1, true, false};
    int64_t *ids;
    size_t nids;
    if (select_ids(reg, &f, &ids, &nids, err) != XXGK_OK)
        return err->status;
    xxgk_due_item *v = calloc(nids ? nids : 1, sizeof *v);
    if (!v) {
        free(ids);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    size_t k = 0;
    xxgk_status st = XXGK_OK;
    for (size_t i = 0; i < nids; i++) {
        xxgk_case *c;
        if ((st = load(reg, ids[i], on, 0, false, &c, err)) != XXGK_OK)
            break;
        const xxgk_deadline *next = xxgk_case_next_deadline(c);
        bool in = next && (within < 0 || !next->due || next->due <= on + within);
        if (in) {
            xxgk_due_item *it = &v[k++];
            const xxgk_case_info *info = &c->c.info;
            it->id = info->id;
            it->body = dup(info->body);
            it->serial = dup(info->serial);
            it->subject = dup(info->subject);
            it->state = info->state;
            it->next = *next;
            it->next.note = dup(next->note);
            it->reply = c->dl.v[0];
            it->reply.note = dup(c->dl.v[0].note);
        }
        xxgk_case_free(c);
    }
    free(ids);
    if (st != XXGK_OK) {
        xxgk_due_free(v, k);
        return st;
    }
    qsort(v, k, sizeof *v, by_due);
    *items = v;
    *n = k;
    return XXGK_OK;
}

/* The unmasked ID number, for the case's own page (xxgk serve). */
const char *xxgk_case_id_number(const xxgk_case *c)
{
    return c && c->c.id_number && *c->c.id_number ? c->c.id_number : NULL;
}
