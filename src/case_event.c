/*
 * case_event.c — events as the register stores them: the name and
 * Chinese title of each kind, and the facts of an event to and from the
 * JSON object kept in reg_event.data. Which members a kind uses, and
 * their JSON names, is one table (ev_fields): adding a kind is a row.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"

/* Per kind: its key and title, and the JSON names of the members it
 * uses (NULL: unused). `party` holds a consultation party for consult
 * events and a remedy kind for remedy events (party_is_remedy). */
static const struct ev_desc {
    const char *key, *title;
    const char *date, *date2, *date3, *party, *s1, *s2, *amount, *target;
    bool party_is_remedy, app;
} ev_fields[EV_COUNT] = {
    [EV_RECEIVED] = {"received", "收到申请", "received", 0, 0, 0, 0, 0, 0, 0, false, true},
    [EV_EDIT] = {"edit", "更正登记信息", 0, 0, 0, 0, 0, 0, 0, 0, false, true},
    [EV_CORRECTION_NOTICE] = {"correction_notice", "告知补正", "notice", "until", 0, 0, 0, 0, 0,
                              0, false, false},
    [EV_CORRECTED] = {"corrected", "收到补正申请", "received", 0, 0, 0, 0, 0, 0, 0, false, false},
    [EV_CONSULT] = {"consult", "征求意见", "sent", "delivered", "answered", "party", "party_name",
                    0, 0, 0, false, false},
    [EV_CONSULT_ANSWERED] = {"consult_answered", "收到征求意见答复", "answered", 0, 0, "party", 0,
                             0, 0, 0, false, false},
    [EV_EXTENDED] = {"extended", "延长答复期限", "date", "told", 0, 0, "approver", 0, 0, 0, false,
                     false},
    [EV_FEE_NOTICE] = {"fee_notice", "发出收费通知", "notice", 0, 0, 0, 0, 0, "amount", 0, false,
                       false},
    [EV_FEE_PAID] = {"fee_paid", "缴费", "paid", 0, 0, 0, 0, 0, 0, 0, false, false},
    [EV_REPLY] = {"reply", "答复", "date", 0, 0, 0, "outcome", "ground", 0, 0, false, false},
    [EV_CLOSE] = {"close", "终止（其他处理）", "date", 0, 0, 0, "outcome", "reason", 0, 0, false,
                  false},
    [EV_REMEDY] = {"remedy", "提起复议或诉讼", "filed", 0, 0, "kind", 0, 0, 0, 0, true, false},
    [EV_REMEDY_DECIDED] = {"remedy_decided", "复议或诉讼审结", "decided", 0, 0, "kind", "result", 0,
                           0, 0, true, false},
    [EV_VOID] = {"void", "作废", 0, 0, 0, 0, 0, "reason", 0, "event", false, false},
};

const char *ev_key(ev_kind k)
{
    return (unsigned)k < EV_COUNT ? ev_fields[k].key : "";
}

const char *ev_title(ev_kind k)
{
    return (unsigned)k < EV_COUNT ? ev_fields[k].title : "";
}

bool ev_find(const char *key, ev_kind *out)
{
    for (int k = 0; key && k < EV_COUNT; k++)
        if (!strcmp(key, ev_fields[k].key)) {
            *out = (ev_kind)k;
            return true;
        }
    return false;
}

static void put_date(json_t *o, const char *name, xxgk_date d)
{
    char buf[11];
    if (name && d)
        json_object_set_new(o, name, json_stringn(xxgk_date_format(d, buf, sizeof buf), 10));
}

static void put_str(json_t *o, const char *name, const char *s)
{
    if (name && s)
        json_object_set_new(o, name, json_stringn(s, strlen(s)));
}

static const char *party_key(const struct ev_desc *d, int party)
{
    if (d->party_is_remedy)
        return xxgk_remedy_key((xxgk_remedy_kind)party);
    return party == XXGK_PARTY_AGENCY ? "agency" : "third";
}

static void put_app(json_t *o, const case_event *e)
{
    const xxgk_application *a = &e->app;
    bool edit = e->kind == EV_EDIT;
    put_str(o, "body", a->body);
    put_date(o, "received", a->received);
    if (!edit || e->set_channel)
        put_str(o, "channel", xxgk_channel_name(a->channel));
    if (!edit || e->set_applicant)
        put_str(o, "applicant", xxgk_applicant_key(a->applicant));
    put_str(o, "subject", a->subject);
    put_str(o, "name", a->name);
    put_str(o, "id_number", a->id_number);
    put_str(o, "contact", a->contact);
    if (a->linked)
        json_object_set_new(o, "linked", json_integer(a->linked));
    put_str(o, "ledger_key", a->ledger_key);
}

char *ev_to_json(const case_event *e)
{
    const struct ev_desc *d = &ev_fields[e->kind];
    json_t *o = json_object();
    if (!o)
        return NULL;
    if (d->app)
        put_app(o, e);
    put_date(o, d->date, e->date);
    put_date(o, d->date2, e->date2);
    put_date(o, d->date3, e->date3);
    if (d->party)
        put_str(o, d->party, party_key(d, e->party));
    put_str(o, d->s1, e->s1);
    put_str(o, d->s2, e->s2);
    if (d->amount) {
        char buf[48];
        put_str(o, d->amount, xxgk_decimal_format(e->amount, buf, sizeof buf));
    }
    if (d->target)
        json_object_set_new(o, d->target, json_integer(e->target));
    char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    return text;
}

static xxgk_date get_date(const json_t *o, const char *name)
{
    xxgk_date d = 0;
    if (name)
        xxgk_date_parse(json_string_value(json_object_get(o, name)), &d);
    return d;
}

static const char *get_str(arena *a, const json_t *o, const char *name)
{
    const char *s = name ? json_string_value(json_object_get(o, name)) : NULL;
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

bool xxgk_decimal_parse(const char *s, xxgk_decimal *out)
{
    xxgk_decimal v = {0, 0};
    bool point = false, digits = false, neg = s && *s == '-';
    if (neg)
        s++;
    for (; s && *s; s++) {
        if (*s == '.' && !point) {
            point = true;
            continue;
        }
        if (*s < '0' || *s > '9' || v.units > INT64_MAX / 10 - 9 || v.scale >= 18)
            return false;
        v.units = v.units * 10 + (*s - '0');
        digits = true;
        if (point)
            v.scale++;
    }
    if (!digits)
        return false;
    if (neg)
        v.units = -v.units;
    *out = v;
    return true;
}

/* "123.45" → decimal; 0 when it is not one. */
static xxgk_decimal parse_amount(const char *s)
{
    xxgk_decimal v = {0, 0};
    return xxgk_decimal_parse(s, &v) ? v : (xxgk_decimal){0, 0};
}

static void get_app(arena *a, const json_t *o, case_event *e)
{
    xxgk_application *app = &e->app;
    app->body = get_str(a, o, "body");
    app->received = get_date(o, "received");
    const char *ch = json_string_value(json_object_get(o, "channel"));
    e->set_channel = ch && xxgk_channel_find(ch, &app->channel);
    const char *ap = json_string_value(json_object_get(o, "applicant"));
    e->set_applicant = ap && xxgk_applicant_find(ap, &app->applicant);
    app->subject = get_str(a, o, "subject");
    app->name = get_str(a, o, "name");
    app->id_number = get_str(a, o, "id_number");
    app->contact = get_str(a, o, "contact");
    app->linked = json_integer_value(json_object_get(o, "linked"));
    app->ledger_key = get_str(a, o, "ledger_key");
}

bool ev_from_json(arena *a, ev_kind kind, const char *json, case_event *e)
{
    json_t *o = json_loads(json ? json : "", 0, NULL);
    if (!json_is_object(o)) {
        json_decref(o);
        return false;
    }
    const struct ev_desc *d = &ev_fields[kind];
    e->kind = kind;
    if (d->app)
        get_app(a, o, e);
    e->date = get_date(o, d->date);
    e->date2 = get_date(o, d->date2);
    e->date3 = get_date(o, d->date3);
    if (d->party) {
        const char *p = json_string_value(json_object_get(o, d->party));
        xxgk_remedy_kind rk = XXGK_REMEDY_REVIEW;
        if (d->party_is_remedy)
            e->party = p && xxgk_remedy_find(p, &rk) ? (int)rk : 0;
        else
            e->party = p && !strcmp(p, "agency") ? XXGK_PARTY_AGENCY : XXGK_PARTY_THIRD;
    }
    e->s1 = get_str(a, o, d->s1);
    e->s2 = get_str(a, o, d->s2);
    if (d->amount)
        e->amount = parse_amount(json_string_value(json_object_get(o, d->amount)));
    if (d->target)
        e->target = (int)json_integer_value(json_object_get(o, d->target));
    json_decref(o);
    return true;
}
