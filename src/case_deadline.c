/*
 * case_deadline.c — the statutory deadlines of a case, computed from its
 * facts and the calendar on every read (never stored), and the
 * day-by-day count behind each (xxgk case explain).
 *
 *   reply          20 working days after receipt, or after the corrected
 *                  application (第三十条); +20 once (第三十三条第二款);
 *                  consultation time not counted (第三十三条第三款); the
 *                  time from a fee notice to payment not counted (a
 *                  pause pending confirmation, rules.md §4.2)
 *   补正告知        7 working days after receipt (第三十条)
 *   补正期限        the date the notice gives, else 15 working days
 *   征求意见答复     15 working days after the party received it
 *                  (第三十二条, 第三十四条)
 *   缴费            20 working days after the fee notice
 *
 * Counting (rules.md §3.7): the start day is not counted; day 1 is the
 * next working day. A pause covers the days after it began up to and
 * including the day it ended (a consultation's answer, or the end of the
 * party's 15 days when it did not answer in time); counting resumes the
 * day after. A day in a year whose notice the calendar lacks stops the
 * count: the deadline is UNKNOWN and says which notice is missing.
 */
#include <stdio.h>
#include <string.h>

#include "case.h"

typedef struct pause {
    xxgk_date from, to; /* days d with from < d <= to */
    const char *why;
} pause;

/* A growing day-by-day trace (NULL arena: no trace kept). */
typedef struct trace {
    arena *a;
    xxgk_counted_day *v;
    size_t n, cap;
} trace;

static void trace_add(trace *t, xxgk_date d, xxgk_count_reason r, int count, const char *why)
{
    if (!t || !t->a)
        return;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        xxgk_counted_day *v = arena_grow(t->a, t->v, t->cap * sizeof *v, cap * sizeof *v);
        if (!v)
            return;
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n++] = (xxgk_counted_day){d, r, count, why};
}

static int year_of(xxgk_date d)
{
    int y, m, dd;
    xxgk_date_split(d, &y, &m, &dd);
    return y;
}

/* The result of a count. */
typedef struct count_result {
    xxgk_date due;     /* 0 when unknown */
    int unknown_year;  /* the year whose notice is missing */
    int risky_year;    /* a counted December day of a year whose next
                          notice is missing (it may move that day) */
} count_result;

static const pause *paused(const pause *p, size_t np, xxgk_date d)
{
    for (size_t i = 0; i < np; i++)
        if (d > p[i].from && d <= p[i].to)
            return &p[i];
    return NULL;
}

/* Counts n working days after `start`, skipping the pauses. */
static count_result count_days(const xxgk_calendar *cal, xxgk_date start, int n, const pause *p,
                               size_t np, trace *t)
{
    count_result r = {0, 0, 0};
    int count = 0;
    for (xxgk_date d = start + 1; count < n; d++) {
        const char *name = NULL;
        xxgk_day_kind k = xxgk_calendar_day(cal, d, &name);
        const pause *pz = paused(p, np, d);
        if (k == XXGK_DAY_UNKNOWN && !pz) {
            r.unknown_year = year_of(d);
            trace_add(t, d, XXGK_SKIP_UNKNOWN, count, "该年放假安排尚未导入");
            return r;
        }
        if (k == XXGK_DAY_WEEKEND) {
            trace_add(t, d, XXGK_SKIP_WEEKEND, count, pz ? pz->why : "周末");
        } else if (k == XXGK_DAY_HOLIDAY) {
            trace_add(t, d, XXGK_SKIP_HOLIDAY, count, name);
        } else if (pz) {
            trace_add(t, d, XXGK_SKIP_PAUSED, count, pz->why);
        } else {
            count++;
            trace_add(t, d, k == XXGK_DAY_MAKEUP ? XXGK_COUNT_MAKEUP : XXGK_COUNT_WORKDAY, count,
                      k == XXGK_DAY_MAKEUP ? "调休上班" : NULL);
            int y, m, dd;
            xxgk_date_split(d, &y, &m, &dd);
            if (m == 12 && dd >= 20 && xxgk_calendar_day(cal, xxgk_date_make(y + 1, 1, 1), NULL) ==
                                           XXGK_DAY_UNKNOWN)
                r.risky_year = y + 1;
        }
        if (count == n)
            r.due = d;
    }
    return r;
}

/* Fills d->due, status and note from a count. */
static void take(xxgk_deadline *d, count_result r, arena *a)
{
    char buf[320];
    d->due = r.due;
    if (!r.due) {
        cal_unknown_reason(r.unknown_year, buf, sizeof buf);
        d->status = XXGK_DUE_UNKNOWN;
        d->note = arena_strndup(a, buf, strlen(buf));
    } else if (r.risky_year && !d->note) {
        snprintf(buf, sizeof buf, "%d年放假安排尚未导入；它若调整上一年12月下旬的工作日，此期限会随之变化",
                 r.risky_year);
        d->note = arena_strndup(a, buf, strlen(buf));
    }
}

static void settle(xxgk_deadline *d, xxgk_date today)
{
    if (d->status == XXGK_DUE_UNKNOWN || d->status == XXGK_DUE_SUSPENDED)
        return;
    if (d->done)
        d->status = d->done <= d->due ? XXGK_DUE_MET : XXGK_DUE_LATE;
    else
        d->status = today && today > d->due ? XXGK_DUE_OVERDUE : XXGK_DUE_OPEN;
}

static const char *fmt(arena *a, const char *f, const char *x, const char *y)
{
    char buf[256];
    snprintf(buf, sizeof buf, f, x, y);
    return arena_strndup(a, buf, strlen(buf));
}

/* ---- the periods ---------------------------------------------------------- */

static const char *party_text(xxgk_party p)
{
    return p == XXGK_PARTY_AGENCY ? "其他机关" : "第三方";
}

static xxgk_deadline consult_deadline(const case_state *c, size_t k, const xxgk_calendar *cal,
                                      trace *t, arena *a)
{
    const xxgk_consultation *q = &c->info.consultations[k];
    xxgk_deadline d = {XXGK_DEADLINE_CONSULTATION,
                       q->party == XXGK_PARTY_AGENCY ? "征求其他机关意见答复期限"
                                                     : "征求第三方意见答复期限",
                       q->party == XXGK_PARTY_AGENCY ? "第三十四条" : "第三十二条",
                       q->delivered ? q->delivered : q->sent, 15, 0, q->answered, XXGK_DUE_OPEN,
                       q->delivered ? NULL : "未登记对方收到征求意见的日期，按发出日起算",
                       (int)k};
    trace_add(t, d.start, XXGK_COUNT_START, 0,
              q->delivered ? "对方收到征求意见，当日不计" : "发出征求意见，当日不计");
    take(&d, count_days(cal, d.start, 15, NULL, 0, t), a);
    return d;
}

static xxgk_deadline fee_deadline(const case_state *c, const xxgk_calendar *cal, trace *t,
                                  arena *a)
{
    xxgk_deadline d = {XXGK_DEADLINE_FEE, "缴费期限", "国办函〔2020〕109号",
                       c->info.fee_notice, 20, 0, c->info.fee_paid, XXGK_DUE_OPEN,
                       "自收到收费通知次日起计算；未登记申请人收到日期，按通知发出日起算", -1};
    trace_add(t, d.start, XXGK_COUNT_START, 0, "发出收费通知，当日不计");
    take(&d, count_days(cal, d.start, 20, NULL, 0, t), a);
    return d;
}

static xxgk_deadline correction_deadline(const case_state *c, const xxgk_calendar *cal, trace *t,
                                         arena *a)
{
    const xxgk_case_info *i = &c->info;
    xxgk_deadline d = {XXGK_DEADLINE_CORRECTION, "补正期限", "第三十条", i->correction_notice,
                       15, 0, i->corrected, XXGK_DUE_OPEN, NULL, -1};
    trace_add(t, d.start, XXGK_COUNT_START, 0, "告知补正，当日不计");
    if (i->correction_until) {
        d.days = 0;
        d.due = i->correction_until;
        d.note = "补正告知中载明的期限";
        return d;
    }
    d.note = "补正告知未登记期限，按15个工作日计（常见做法，以告知书为准）";
    take(&d, count_days(cal, d.start, 15, NULL, 0, t), a);
    return d;
}

static xxgk_deadline notice_deadline(const case_state *c, const xxgk_calendar *cal, trace *t,
                                     arena *a)
{
    const xxgk_case_info *i = &c->info;
    xxgk_deadline d = {XXGK_DEADLINE_CORRECTION_NOTICE, "补正告知期限", "第三十条", i->received,
                       7, 0, i->correction_notice, XXGK_DUE_OPEN,
                       i->correction_notice ? NULL : "申请内容不明确需要补正的，应在此日前一次性告知",
                       -1};
    trace_add(t, d.start, XXGK_COUNT_START, 0, "收到申请，当日不计");
    take(&d, count_days(cal, d.start, 7, NULL, 0, t), a);
    return d;
}

/* The pauses of the reply period; false (and *unknown set) when one of
 * them cannot be bounded. */
static bool reply_pauses(const case_state *c, const xxgk_calendar *cal, arena *a, pause *p,
                         size_t *np, int *unknown, const char **note)
{
    const xxgk_case_info *i = &c->info;
    char s[11], e[11];
    *np = 0;
    for (size_t k = 0; k < i->nconsultations && *np < 15; k++) {
        const xxgk_consultation *q = &i->consultations[k];
        xxgk_deadline qd = consult_deadline(c, k, cal, NULL, a);
        if (!qd.due) {
            *unknown = year_of(qd.start);
            return false;
        }
        xxgk_date end = q->answered && q->answered <= qd.due ? q->answered : qd.due;
        if (!q->answered)
            *note = fmt(a, "征求%s意见尚未答复，暂停计算至其答复期限（%s）；收到答复后重新计算",
                        party_text(q->party), xxgk_date_format(qd.due, e, sizeof e));
        p[(*np)++] = (pause){q->sent, end,
                             fmt(a, "征求%s意见期间（%s 发出），不计入答复期限（第三十三条第三款）",
                                 party_text(q->party), xxgk_date_format(q->sent, s, sizeof s))};
    }
    if (i->fee_notice) {
        xxgk_deadline fd = fee_deadline(c, cal, NULL, a);
        if (!fd.due) {
            *unknown = year_of(fd.start);
            return false;
        }
        xxgk_date end = i->fee_paid && i->fee_paid <= fd.due ? i->fee_paid : fd.due;
        p[(*np)++] = (pause){i->fee_notice, end,
                             "收费通知至缴费期间，暂停计算（国办函〔2020〕109号，待确认）"};
    }
    return true;
}

static xxgk_deadline reply_deadline(const case_state *c, const xxgk_calendar *cal,
                                    xxgk_date today, trace *t, arena *a)
{
    const xxgk_case_info *i = &c->info;
    static const char *const bases[2][2] = {{"第三十三条第二款", "第三十三条第二款、第三款"},
                                            {"第三十三条第二款（延长一次）",
                                             "第三十三条第二款（延长一次）、第三款"}};
    bool paused = i->nconsultations || i->fee_notice;
    xxgk_deadline d = {XXGK_DEADLINE_REPLY, i->extended ? "答复期限（已延长20个工作日）" : "答复期限",
                       bases[i->extended != 0][paused],
                       i->corrected ? i->corrected : i->received, i->extended ? 40 : 20, 0,
                       i->closed, XXGK_DUE_OPEN, NULL, -1};
    trace_add(t, i->received, XXGK_COUNT_START, 0, "收到申请，当日不计");
    if (i->correction_notice && !i->corrected) {
        d.status = XXGK_DUE_SUSPENDED;
        d.note = "等待补正：答复期限自收到补正申请之日起重新计算（第三十条）";
        return d;
    }
    if (i->corrected) {
        for (xxgk_date x = i->received + 1; x < i->corrected; x++)
            trace_add(t, x, XXGK_SKIP_PAUSED, 0,
                      "补正前的日子不计：答复期限自收到补正申请之日起计算（第三十条）");
        trace_add(t, i->corrected, XXGK_COUNT_START, 0, "收到补正申请，当日不计");
    }
    pause p[16];
    size_t np = 0;
    int unknown = 0;
    const char *note = NULL;
    if (!reply_pauses(c, cal, a, p, &np, &unknown, &note)) {
        char buf[320];
        cal_unknown_reason(unknown, buf, sizeof buf);
        d.status = XXGK_DUE_UNKNOWN;
        d.note = arena_strndup(a, buf, strlen(buf));
        return d;
    }
    d.note = note;
    take(&d, count_days(cal, d.start, d.days, p, np, t), a);
    settle(&d, today);
    return d;
}

/* ---- the entry points ----------------------------------------------------- */

xxgk_deadline case_reply_deadline(const case_state *c, const xxgk_calendar *cal, xxgk_date today)
{
    return reply_deadline(c, cal, today, NULL, c->a);
}

xxgk_date case_consult_due(const case_state *c, size_t i, const xxgk_calendar *cal)
{
    return consult_deadline(c, i, cal, NULL, c->a).due;
}

xxgk_date case_correction_due(const case_state *c, const xxgk_calendar *cal)
{
    return correction_deadline(c, cal, NULL, c->a).due;
}

xxgk_date case_fee_due(const case_state *c, const xxgk_calendar *cal)
{
    return fee_deadline(c, cal, NULL, c->a).due;
}

/* Adds d and its trace to the set. */
static void add(deadline_set *out, xxgk_deadline d, trace *t, xxgk_date today)
{
    if (out->n >= sizeof out->v / sizeof out->v[0])
        return;
    settle(&d, today);
    out->trace[out->n] = t->v;
    out->ntrace[out->n] = t->n;
    out->v[out->n++] = d;
    *t = (trace){t->a, NULL, 0, 0};
}

void case_deadlines(const case_state *c, const xxgk_calendar *cal, xxgk_date today, bool keep,
                    arena *a, deadline_set *out)
{
    const xxgk_case_info *i = &c->info;
    memset(out, 0, sizeof *out);
    out->next = -1;
    if (i->voided || !i->received)
        return;
    trace t = {keep ? a : NULL, NULL, 0, 0};
    add(out, reply_deadline(c, cal, today, &t, a), &t, today);
    if (i->correction_notice || i->state == XXGK_CASE_RECEIVED)
        add(out, notice_deadline(c, cal, &t, a), &t, today);
    if (i->correction_notice)
        add(out, correction_deadline(c, cal, &t, a), &t, today);
    for (size_t k = 0; k < i->nconsultations; k++)
        add(out, consult_deadline(c, k, cal, &t, a), &t, today);
    if (i->fee_notice)
        add(out, fee_deadline(c, cal, &t, a), &t, today);
    /* What governs the next step. */
    xxgk_deadline_kind want = XXGK_DEADLINE_REPLY;
    switch (i->state) {
    case XXGK_CASE_AWAITING_CORRECTION: want = XXGK_DEADLINE_CORRECTION; break;
    case XXGK_CASE_AWAITING_FEE: want = XXGK_DEADLINE_FEE; break;
    case XXGK_CASE_CONSULTING: want = XXGK_DEADLINE_CONSULTATION; break;
    case XXGK_CASE_REPLIED:
    case XXGK_CASE_CLOSED: return;
    default: break;
    }
    for (size_t k = 0; k < out->n; k++) {
        const xxgk_deadline *d = &out->v[k];
        if (d->kind != want || d->done)
            continue;
        if (out->next < 0 || (d->due && (!out->v[out->next].due || d->due < out->v[out->next].due)))
            out->next = (int)k;
    }
}
