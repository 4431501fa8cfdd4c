/*
 * case.h — the register's internals: events as the register keeps them,
 * a case as its events make it (the fold), the transitions and guards
 * that decide whether an event may be recorded, the deadlines computed
 * from a case's facts, and the register object.
 *
 * Files: case_rules.c (the tables: applicants, channels, states,
 * outcomes), case_fold.c (events → case, transitions and guards as
 * data), case_deadline.c (deadlines and the day-by-day count),
 * register.c (the store, schema, calendar), case_write.c (recording),
 * case_read.c (loading, many cases, due), case_tables.c, case_docs.c,
 * ledger.c, ledger_read.c, case_export.c.
 */
#ifndef XXGK_CASE_H
#define XXGK_CASE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "arena.h"
#include "calendar.h"
#include "store.h"
#include "xxgk.h"

/* ---- events ------------------------------------------------------------ */

typedef enum ev_kind {
    EV_RECEIVED = 0,
    EV_EDIT,
    EV_CORRECTION_NOTICE,
    EV_CORRECTED,
    EV_CONSULT,
    EV_CONSULT_ANSWERED,
    EV_EXTENDED,
    EV_FEE_NOTICE,
    EV_FEE_PAID,
    EV_REPLY,
    EV_CLOSE,
    EV_REMEDY,
    EV_REMEDY_DECIDED,
    EV_VOID,
    EV_COUNT
} ev_kind;

/* One event. Which members a kind uses, and their names in the stored
 * JSON, is the table ev_fields in case_fold.c. */
typedef struct case_event {
    ev_kind kind;
    int seq;
    xxgk_date date;          /* the fact's date */
    xxgk_date date2;         /* until / delivered / told */
    xxgk_date date3;         /* answered (a consultation recorded whole) */
    int party;               /* xxgk_party / xxgk_remedy_kind */
    const char *s1, *s2;     /* outcome, result, approver, party name; ground, reason */
    xxgk_decimal amount;
    int target;              /* EV_VOID: the event voided, 0 = the case */
    xxgk_application app;    /* EV_RECEIVED, EV_EDIT */
    bool set_channel, set_applicant;
    /* the audit trail, when loaded from the store */
    const char *who, *at, *before, *after;
} case_event;

/* The stored name of a kind ("reply") and its Chinese title ("答复"). */
const char *ev_key(ev_kind k);
const char *ev_title(ev_kind k);
bool ev_find(const char *key, ev_kind *out);

/* The event's facts as a JSON object (the `data` column); malloc'd. */
char *ev_to_json(const case_event *e);
/* Reads `data` of a kind into e (strings in the arena). False when the
 * JSON is not an object. */
bool ev_from_json(arena *a, ev_kind kind, const char *json, case_event *e);

/* ---- a case as its events make it ---------------------------------------- */

typedef struct case_state {
    arena *a;                 /* strings and arrays */
    xxgk_case_info info;
    const char *id_number;    /* unmasked, for edits */
    xxgk_consultation *consults;
    size_t cap_consults;
    xxgk_remedy *remedies;
    size_t cap_remedies;
    xxgk_date voided_on;      /* the void's recording (informational) */
    bool reply_was_reply;     /* closed by a reply (not （六）) */
} case_state;

/* What the fold needs besides the case: the calendar and today. */
typedef struct fold_env {
    const xxgk_calendar *cal;
    xxgk_date today;
} fold_env;

/* Starts a case from its identity (id, body, year, serial, ledger key). */
void case_init(case_state *c, arena *a, int64_t id, const char *body, int year, int serial,
               const char *ledger_key);

/* Applies event e. strict: checks it first against the state machine
 * (the transitions), every guard of its kind and the dates' order, and
 * refuses it with XXGK_E_USAGE and the Chinese message of the first that
 * fails, leaving c as it was. Not strict: records the facts as stored
 * (events read back were checked when recorded). */
xxgk_status case_apply(case_state *c, const case_event *e, const fold_env *env, bool strict,
                       xxgk_error *err);

/* Folds events[0 … n-1] in order, skipping the voided ones (and the
 * event `skip`, when > 0). strict as in case_apply. */
xxgk_status case_fold(case_state *c, const case_event *events, size_t n, int skip,
                      const fold_env *env, bool strict, xxgk_error *err);

/* A small JSON object describing the case for the audit trail (state,
 * dates, outcome, details with the ID number masked); malloc'd. */
char *case_snapshot(const case_state *c);
/* The members of `before` and `after` that differ, plus "state", as two
 * JSON objects (malloc'd into *b and *a). */
bool case_snapshot_diff(const char *before, const char *after, char **b, char **a);

/* The ID number with all but its first 3 and last 4 characters masked. */
const char *case_mask_id(arena *a, const char *id);

/* ---- deadlines ---------------------------------------------------------- */

typedef struct deadline_set {
    xxgk_deadline v[16];
    size_t n;
    int next;                 /* index of the governing deadline, -1 */
    xxgk_counted_day *trace[16];
    size_t ntrace[16];
} deadline_set;

/* Computes every deadline of the case as of `today`; with `trace`, the
 * day-by-day count of each (in arena a). */
void case_deadlines(const case_state *c, const xxgk_calendar *cal, xxgk_date today, bool trace,
                    arena *a, deadline_set *out);

/* The reply deadline alone (for the guards); its status and note. */
xxgk_deadline case_reply_deadline(const case_state *c, const xxgk_calendar *cal,
                                  xxgk_date today);
/* The due date of consultation i (0 when it cannot be computed). */
xxgk_date case_consult_due(const case_state *c, size_t i, const xxgk_calendar *cal);
/* The end of the correction period (0 when it cannot be computed). */
xxgk_date case_correction_due(const case_state *c, const xxgk_calendar *cal);
/* The end of the payment period (0 when it cannot be computed). */
xxgk_date case_fee_due(const case_state *c, const xxgk_calendar *cal);

/* ---- rules tables (case_rules.c) ---------------------------------------- */

/* An outcome row of table 三 that a case can end in. */
typedef struct outcome_row {
    const char *key;         /* the t3 row key */
    const char *label;       /* as in the format */
    const char *ground;      /* the article */
    const char *match;       /* ledger text that names it, '|'-separated */
    bool reply;              /* （一）–（五）: a reply; （六）: a closing */
} outcome_row;

/* Whether format f's table 三 has the outcome's row (the template
 * says). */
bool outcome_in_format(const outcome_row *o, xxgk_format f);

const outcome_row *outcome_find(const char *key);
/* The row a ledger's text names ("国家秘密" → denied_secret), NULL when
 * none or more than one. */
const outcome_row *outcome_match(const char *text);

/* Whether `text` is one of the '|'-separated words of `list` (the
 * aliases of applicants, channels and ledger columns). */
bool case_in_list(const char *list, const char *text);
/* The t3 row a stored outcome counts under in `format`. */
const char *outcome_cell_row(const char *key, xxgk_format format);
extern const outcome_row outcome_rows[];
extern const size_t outcome_row_count;

/* ---- the register ---------------------------------------------------------- */

/* The statements the register runs often, prepared once (register.c
 * holds their SQL). */
typedef enum reg_query {
    Q_CASE_IDENTITY = 0, /* body, year, serial, ledger_key of a case */
    Q_CASE_EVENTS,       /* a case's events in order */
    Q_NEXT_SEQ,          /* the next seq of an object's events */
    Q_EVENT_INSERT,
    Q_CASE_INSERT,
    Q_NEXT_SERIAL,       /* the next serial of a body and year */
    Q_CASE_DERIVED,      /* rewrite the derived columns of a case */
    Q_REMEDY_DELETE,
    Q_REMEDY_INSERT,
    Q_LEDGER_KEY,        /* the case of a body's ledger number */
    Q_COUNT
} reg_query;

struct xxgk_register {
    xxgk_store *store;
    sqlite3 *db;
    bool read_only;
    char *actor;
    xxgk_calendar *cal;
    int depth;               /* nesting of reg_begin */
    xxgk_date today;         /* xxgk_register_set_today, 0: the real today */
    sqlite3_stmt *stmts[Q_COUNT];
};

/* The register's today: the one set, else the real one. */
xxgk_date reg_today(const xxgk_register *reg);

/* The statement q, reset with its bindings cleared; NULL (err set) when
 * it cannot be prepared. */
sqlite3_stmt *reg_stmt(xxgk_register *reg, reg_query q, xxgk_error *err);

/* Fills err with XXGK_E_IO, "what：the SQLite message". */
xxgk_status reg_fail(xxgk_register *reg, xxgk_error *err, const char *what);

/* Transactions that nest: the outermost is BEGIN IMMEDIATE, inner ones
 * are savepoints. reg_end commits (ok) or rolls back to the matching
 * begin. */
xxgk_status reg_begin(xxgk_register *reg, xxgk_error *err);
xxgk_status reg_end(xxgk_register *reg, bool ok, xxgk_error *err);

/* Fails with XXGK_E_USAGE when the register cannot record changes (read
 * only, no actor). */
xxgk_status reg_writable(const xxgk_register *reg, xxgk_error *err);

/* Appends an audit event for any object ("case", "doc", "tally",
 * "calendar") with the next seq of that object. *seq (may be NULL)
 * receives it. */
xxgk_status reg_log(xxgk_register *reg, const char *object, int64_t object_id, const char *kind,
                    xxgk_date date, const char *data, const char *before, const char *after,
                    int *seq, xxgk_error *err);

/* "2026-12-07T17:49:25Z" */
void reg_now(char *buf, size_t size);

/* Loads the events of case id (all of them, voided ones included) and its
 * identity into c (not folded). NULL events and XXGK_E_USAGE when there
 * is no such case. */
xxgk_status case_read_events(xxgk_register *reg, int64_t id, arena *a, case_state *c,
                             case_event **events, size_t *n, xxgk_error *err);

/* The seqs voided by the events (a flag per seq 0 … n; [0] the case). */
bool *case_voided(arena *a, const case_event *events, size_t n);

/* Rewrites the derived columns of reg_case and the rows of reg_remedy
 * from the folded case. */
xxgk_status case_store_derived(xxgk_register *reg, const case_state *c, xxgk_error *err);

/* Fills table 二 of report r (body, year) from the proactive register
 * (case_docs.c). */
xxgk_status reg_fill_t2(xxgk_register *reg, xxgk_report *r, const char *body, int year,
                         xxgk_error *err);

/* Date text for SQL ("" → NULL binding handled by the caller). */
static inline const char *date_text(xxgk_date d, char *buf)
{
    return xxgk_date_format(d, buf, 11);
}

#endif
