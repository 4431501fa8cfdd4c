/* test_register_tables.c — a property test of tables by construction.
 *
 * Thousands of case histories over 2019–2025 are generated at random
 * (fixed seed) through the public API — 补正 kept or abandoned,
 * consultations, extensions, fees kept or unpaid, replies of every row
 * of the year's format, closings, remedies, voided cases and voided
 * replies — while the test keeps its own tally of what each history
 * should count for. Then, for every body and year:
 *   - the cells equal the test's own tally;
 *   - every identity of tables 三 and 四 holds;
 *   - carried_in equals the year before's carried_out, column by column;
 *   - xxgk_report_check finds nothing in the arithmetic category, on
 *     the model and, for some years, on the report rendered as text and
 *     read back;
 *   - the derived columns of the store agree with the folded cases. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "xxgk.h"

#define NCASES 3000
#define NBODIES 3
#define FIRST 2019
#define LAST 2025
#define NYEARS (LAST - FIRST + 1)

static const char *const bodies[NBODIES] = {"甲县人民政府办公室", "甲县教育局", "甲县交通运输局"};
static const char *const replies[] = {
    "granted", "partial", "denied_secret", "denied_law", "denied_safety", "denied_third_party",
    "denied_internal", "denied_process", "denied_enforcement", "denied_query", "unable_not_held",
    "unable_create", "rejected_petition", "rejected_repeat", "rejected_publication",
    "rejected_excessive", "rejected_confirm"};
enum { NREPLIES = sizeof replies / sizeof replies[0] };

static xxgk_register *reg;
static char path[64];
static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static xxgk_date D(int y, int m, int d)
{
    return xxgk_date_make(y, m, d);
}

static int year_of(xxgk_date d)
{
    int y, m, dd;
    xxgk_date_split(d, &y, &m, &dd);
    return y;
}

/* What the test expects, by body, year and applicant column (6 = total). */
typedef struct tally {
    long long new_[NYEARS][7], in[NYEARS][7], out[NYEARS][7];
    long long outcome[NYEARS][32][7]; /* by index into the row list below */
    long long remedy[NYEARS][3][5];   /* group × upheld corrected other pending total */
} tally;
static tally expect[NBODIES];

/* The t3 rows of a format, outcomes only, in table order. */
static const char *const rows2021[] = {
    "granted", "partial", "denied_secret", "denied_law", "denied_safety", "denied_third_party",
    "denied_internal", "denied_process", "denied_enforcement", "denied_query", "unable_not_held",
    "unable_create", "unable_unclear", "rejected_petition", "rejected_repeat",
    "rejected_publication", "rejected_excessive", "rejected_confirm", "other_no_correction",
    "other_no_fee", "other_misc"};
enum { NROWS = sizeof rows2021 / sizeof rows2021[0] };

/* The row an outcome is counted under in year y (2019, 2020: the three
 * （六） rows are one, `other`, kept here at index NROWS). */
static int row_index(const char *key, int y)
{
    if (y <= 2020 && !strncmp(key, "other", 5))
        return NROWS;
    for (int i = 0; i < NROWS; i++)
        if (!strcmp(rows2021[i], key))
            return i;
    return -1;
}

typedef struct history {
    int body;
    xxgk_applicant who;
    xxgk_date received, closed;
    const char *outcome;
    bool voided;
    int nremedy;
    xxgk_remedy_kind rkind[2];
    xxgk_date filed[2], decided[2];
    const char *result[2];
} history;

static history hist[NCASES];
static int failures_logged;

/* Runs a call that must succeed in a legal history. */
#define MUST(call)                                                                     \
    do {                                                                               \
        xxgk_error err_ = {0};                                                         \
        if ((call) != XXGK_OK) {                                                       \
            if (failures_logged++ < 10)                                                \
                fprintf(stderr, "%s:%d: case %lld: %s\n", __FILE__, __LINE__,          \
                        (long long)id, err_.message);                                  \
            unit_failures++;                                                           \
            return;                                                                    \
        }                                                                              \
    } while (0)
#define E (&err_)

static xxgk_date add_wd(xxgk_date from, int n)
{
    xxgk_date out = 0;
    xxgk_error err = {0};
    xxgk_calendar_add_working_days(xxgk_register_calendar(reg), from, n, &out, &err);
    return out;
}

/* Generates and records one history; h gets what it should count as. */
static void generate(history *h)
{
    static const xxgk_date last_day = 20785; /* 2026-11-27: never after today */
    xxgk_date first = D(FIRST, 1, 2), span = D(LAST, 12, 20) - first;
    h->body = (int)rnd(NBODIES);
    h->who = (xxgk_applicant)(rnd(10) < 6 ? 0 : rnd(XXGK_APPLICANT_COUNT));
    h->received = first + (xxgk_date)rnd((unsigned)span);
    xxgk_application app = {bodies[h->body], h->received, (xxgk_channel)rnd(XXGK_CHANNEL_COUNT),
                            h->who, "生成的申请", NULL, NULL, NULL, 0, NULL};
    int64_t id = 0;
    MUST(xxgk_case_add(reg, &app, &id, E));
    xxgk_date t = h->received; /* the case's clock */
    unsigned way = rnd(100);
    if (way < 12) { /* 补正 */
        xxgk_date notice = t + 1 + (xxgk_date)rnd(5), until = notice + 10 + (xxgk_date)rnd(10);
        MUST(xxgk_case_correction_notice(reg, id, notice, until, E));
        if (way < 5) { /* abandoned */
            h->closed = until + 1 + (xxgk_date)rnd(20);
            h->outcome = "other_no_correction";
            MUST(xxgk_case_close(reg, id, h->closed, h->outcome, NULL, E));
            goto after;
        }
        t = notice + 1 + (xxgk_date)rnd((unsigned)(until - notice));
        MUST(xxgk_case_corrected(reg, id, t, E));
        if (way < 7) {
            h->closed = t + 3 + (xxgk_date)rnd(30);
            h->outcome = "unable_unclear";
            MUST(xxgk_case_reply(reg, id, h->closed, h->outcome, NULL, E));
            goto after;
        }
    }
    if (rnd(100) < 10) { /* extension decided early */
        t += 1 + (xxgk_date)rnd(3);
        MUST(xxgk_case_extend(reg, id, t, "王主任", 0, E));
    }
    if (rnd(100) < 10) { /* a consultation, answered or not */
        xxgk_date sent = t + 1 + (xxgk_date)rnd(5);
        xxgk_party p = rnd(2) ? XXGK_PARTY_THIRD : XXGK_PARTY_AGENCY;
        bool answers = rnd(3) != 0;
        MUST(xxgk_case_consult(reg, id, p, NULL, sent, 0, answers ? sent + 3 + (xxgk_date)rnd(10) : 0,
                               E));
        xxgk_date qdue = add_wd(sent, 15);
        t = answers ? sent + 13 : qdue + 1;
        if (!answers && !qdue)
            t = sent + 40;
    }
    if (year_of(h->received) >= 2021 && rnd(100) < 6) { /* a fee */
        xxgk_date notice = t + 1 + (xxgk_date)rnd(3);
        MUST(xxgk_case_fee_notice(reg, id, notice, (xxgk_decimal){100 + (int)rnd(900), 0}, E));
        if (rnd(2)) {
            t = notice + 1 + (xxgk_date)rnd(10);
            MUST(xxgk_case_fee_paid(reg, id, t, E));
        } else {
            h->closed = add_wd(notice, 20) + 1 + (xxgk_date)rnd(10);
            h->outcome = "other_no_fee";
            MUST(xxgk_case_close(reg, id, h->closed, h->outcome, NULL, E));
            goto after;
        }
    }
    if (rnd(100) < 8)
        goto after; /* left open */
    h->closed = t + 1 + (xxgk_date)rnd(90);
    if (h->closed > last_day) {
        h->closed = 0;
        goto after;
    }
    if (rnd(100) < 5) {
        h->outcome = year_of(h->closed) <= 2020 && rnd(2) ? "other" : "other_misc";
        MUST(xxgk_case_close(reg, id, h->closed, h->outcome, "申请人撤回申请", E));
    } else {
        h->outcome = replies[rnd(NREPLIES)];
        MUST(xxgk_case_reply(reg, id, h->closed, h->outcome, NULL, E));
        if (rnd(100) < 3) { /* a wrong reply, voided and made again */
            xxgk_case *c = NULL;
            MUST(xxgk_case_load(reg, id, 0, 0, &c, E));
            int seq = (int)xxgk_case_event_count(c);
            xxgk_case_free(c);
            MUST(xxgk_case_void(reg, id, seq, "结果登记错误", E));
            h->outcome = replies[rnd(NREPLIES)];
            MUST(xxgk_case_reply(reg, id, h->closed, h->outcome, NULL, E));
        }
    }
after:
    for (int k = 0; h->closed && k < 2 && rnd(100) < 12; k++) {
        h->rkind[k] = (xxgk_remedy_kind)rnd(3);
        h->filed[k] = h->closed + 5 + (xxgk_date)rnd(60);
        if (h->filed[k] > last_day)
            break;
        MUST(xxgk_case_remedy(reg, id, h->rkind[k], h->filed[k], E));
        h->nremedy++;
        if (rnd(3)) {
            static const char *const results[] = {"upheld", "corrected", "other"};
            h->decided[k] = h->filed[k] + 10 + (xxgk_date)rnd(200);
            if (h->decided[k] > last_day) {
                h->decided[k] = 0;
                continue;
            }
            h->result[k] = results[rnd(3)];
            MUST(xxgk_case_remedy_decided(reg, id, h->rkind[k], h->decided[k], h->result[k], E));
        }
    }
    if (rnd(100) < 2) {
        h->voided = true;
        MUST(xxgk_case_void(reg, id, 0, "重复登记", E));
    }
}

/* The test's own count of what history h contributes. */
static void count(const history *h)
{
    if (h->voided)
        return;
    tally *t = &expect[h->body];
    for (int y = FIRST; y <= LAST; y++) {
        int i = y - FIRST;
        xxgk_date jan1 = D(y, 1, 1), dec31 = D(y, 12, 31);
        bool open_jan1 = h->received < jan1 && (!h->closed || h->closed >= jan1);
        bool open_dec31 = h->received <= dec31 && (!h->closed || h->closed > dec31);
        int cols[2] = {(int)h->who, 6};
        for (int k = 0; k < 2; k++) {
            if (year_of(h->received) == y)
                t->new_[i][cols[k]]++;
            if (open_jan1)
                t->in[i][cols[k]]++;
            if (open_dec31)
                t->out[i][cols[k]]++;
            if (h->closed && year_of(h->closed) == y)
                t->outcome[i][row_index(h->outcome, y)][cols[k]]++;
        }
        for (int r = 0; r < h->nremedy; r++) {
            bool filed_in = year_of(h->filed[r]) == y;
            bool decided_in = h->decided[r] && year_of(h->decided[r]) == y;
            if (!filed_in && !(h->filed[r] < jan1 && decided_in))
                continue;
            int col = h->decided[r] && h->decided[r] <= dec31
                          ? (!strcmp(h->result[r], "upheld") ? 0 : !strcmp(h->result[r], "corrected") ? 1 : 2)
                          : 3;
            t->remedy[i][h->rkind[r]][col]++;
            t->remedy[i][h->rkind[r]][4]++;
        }
    }
}

static void generate_histories(void)
{
    snprintf(path, sizeof path, "/tmp/xxgk-tables-test-XXXXXX");
    int fd = mkstemp(path);
    close(fd);
    remove(path);
    xxgk_error err = {0};
    if (xxgk_register_open(path, false, &reg, &err) != XXGK_OK) {
        fprintf(stderr, "open: %s\n", err.message);
        exit(2);
    }
    xxgk_register_set_actor(reg, "生成器");
    /* Dates up to the end of 2026 are in the past, whatever the clock. */
    xxgk_register_set_today(reg, xxgk_date_make(2026, 12, 7));
    for (int k = 0; k < NCASES; k++) {
        generate(&hist[k]);
        count(&hist[k]);
    }
}

/* ---- checking ---------------------------------------------------------- */

static long long cell(const xxgk_report *r, const char *key)
{
    int id = xxgk_cell_find(key);
    if (id < 0) {
        fprintf(stderr, "no key %s\n", key);
        return -1;
    }
    const xxgk_cell *c = xxgk_report_cell(r, (size_t)id);
    return c->kind == XXGK_VALUE_NUMBER ? (long long)c->value.units : -1;
}

static const char *const cols[7] = {"natural", "business", "research", "nonprofit",
                                    "legal", "other_org", "total"};

static long long get(const xxgk_report *r, const char *row, int col)
{
    char key[96];
    snprintf(key, sizeof key, "t3.%s.%s", row, cols[col]);
    return cell(r, key);
}

static void check_year(int b, int y, xxgk_report *r, xxgk_report *prev)
{
    const tally *t = &expect[b];
    int i = y - FIRST;
    bool f19 = y <= 2020;
    for (int c = 0; c < 7; c++) {
        CHECK_INT(get(r, "new", c), t->new_[i][c]);
        CHECK_INT(get(r, "carried_in", c), t->in[i][c]);
        CHECK_INT(get(r, "carried_out", c), t->out[i][c]);
        long long sum = 0;
        for (int k = 0; k < NROWS; k++) {
            if (f19 && !strncmp(rows2021[k], "other", 5))
                continue;
            CHECK_INT(get(r, rows2021[k], c), t->outcome[i][k][c]);
            sum += get(r, rows2021[k], c);
        }
        if (f19) {
            CHECK_INT(get(r, "other", c), t->outcome[i][NROWS][c]);
            sum += get(r, "other", c);
        } else {
            CHECK_INT(get(r, "other", c), -1); /* not a 2021 cell */
        }
        /* The identities, computed here from the cells. */
        CHECK_INT(get(r, "total", c), sum);
        CHECK_INT(get(r, "new", c) + get(r, "carried_in", c),
                  get(r, "total", c) + get(r, "carried_out", c));
        if (prev)
            CHECK_INT(get(r, "carried_in", c), get(prev, "carried_out", c));
    }
    static const char *const rows_t3[] = {"new", "carried_in", "total", "carried_out", "granted"};
    for (size_t k = 0; k < sizeof rows_t3 / sizeof rows_t3[0]; k++) {
        long long s = 0;
        for (int c = 0; c < 6; c++)
            s += get(r, rows_t3[k], c);
        CHECK_INT(get(r, rows_t3[k], 6), s);
    }
    static const char *const groups[] = {"review", "suit_direct", "suit_after_review"};
    static const char *const t4cols[] = {"upheld", "corrected", "other", "pending", "total"};
    for (int g = 0; g < 3; g++) {
        long long s = 0;
        for (int c = 0; c < 5; c++) {
            char key[64];
            snprintf(key, sizeof key, "t4.%s.%s", groups[g], t4cols[c]);
            CHECK_INT(cell(r, key), t->remedy[i][g][c]);
            if (c < 4)
                s += cell(r, key);
        }
        char key[64];
        snprintf(key, sizeof key, "t4.%s.total", groups[g]);
        CHECK_INT(cell(r, key), s);
    }
}

/* No finding of the arithmetic category. */
static void no_arithmetic(const xxgk_report *r, const char *what, int b, int y)
{
    for (size_t k = 0; k < xxgk_report_finding_count(r); k++) {
        const xxgk_finding *f = xxgk_report_finding(r, k);
        const xxgk_rule *rule = xxgk_rule_find(f->rule);
        bool arithmetic = !strcmp(f->rule, "t3-row-total") || !strcmp(f->rule, "t3-outcome-total") ||
                          !strcmp(f->rule, "t3-balance") || !strcmp(f->rule, "t4-group-total") ||
                          (rule && !strcmp(rule->category, "arithmetic"));
        if (arithmetic) {
            fprintf(stderr, "%s %s %d: %s %s\n", what, bodies[b], y, f->rule, f->message);
            unit_failures++;
        }
    }
}

static void tables_by_construction(void)
{
    long long applications = 0;
    for (int b = 0; b < NBODIES; b++) {
        xxgk_report *prev = NULL;
        for (int y = FIRST; y <= LAST; y++) {
            xxgk_report *r = NULL;
            xxgk_error err = {0};
            CHECK_INT(xxgk_register_tables(reg, bodies[b], y, &r, &err), XXGK_OK);
            if (!r) {
                fprintf(stderr, "tables: %s\n", err.message);
                break;
            }
            CHECK_INT(xxgk_report_meta(r)->format, y <= 2020 ? XXGK_FORMAT_2019 : XXGK_FORMAT_2021);
            CHECK_STR(xxgk_report_meta(r)->body, bodies[b]);
            check_year(b, y, r, prev);
            applications += get(r, "new", 6);
            CHECK_INT(xxgk_report_check(r, NULL), XXGK_OK);
            no_arithmetic(r, "check", b, y);
            /* The full check of the report as it will be written:
             * rendered as text, read back, every rule run. */
            if (y == 2020 || y == 2024) {
                char *text = NULL;
                size_t len = 0;
                FILE *f = open_memstream(&text, &len);
                CHECK_INT(xxgk_report_render(r, XXGK_RENDER_TEXT, f, &err), XXGK_OK);
                fclose(f);
                xxgk_report *back = NULL;
                CHECK_INT(xxgk_report_parse(text, len, "rendered", &back, &err), XXGK_OK);
                if (back) {
                    CHECK_INT(get(back, "new", 6), get(r, "new", 6));
                    CHECK_INT(xxgk_report_check(back, NULL), XXGK_OK);
                    no_arithmetic(back, "rendered", b, y);
                }
                xxgk_report_free(back);
                free(text);
            }
            xxgk_report_free(prev);
            prev = r;
        }
        xxgk_report_free(prev);
    }
    /* Everything generated was counted once (voided cases excluded). */
    long long live = 0;
    for (int k = 0; k < NCASES; k++)
        live += !hist[k].voided;
    CHECK_INT(applications, live);
    CHECK(live > NCASES * 9 / 10);
    /* The histories reach every kind of count (the test is not vacuous). */
    long long remedies = 0, carried = 0, other19 = 0, abandoned = 0, pending = 0;
    for (int b = 0; b < NBODIES; b++)
        for (int i = 0; i < NYEARS; i++) {
            for (int g = 0; g < 3; g++)
                remedies += expect[b].remedy[i][g][4], pending += expect[b].remedy[i][g][3];
            carried += expect[b].in[i][6];
            other19 += expect[b].outcome[i][NROWS][6];
            abandoned += expect[b].outcome[i][row_index("other_no_correction", 2021)][6] +
                         expect[b].outcome[i][row_index("other_no_fee", 2021)][6];
        }
    fprintf(stderr, "%lld applications, %lld carried over, %lld remedies (%lld pending), "
                    "%lld 其他处理 (2019 format), %lld abandoned (2021)\n",
            live, carried, remedies, pending, other19, abandoned);
    CHECK(remedies > 50 && pending > 5 && carried > 100 && other19 > 5 && abandoned > 20);
}

/* The store's derived columns (what the tables count) agree with the
 * cases as their events make them. */
typedef struct agree_ctx {
    xxgk_store *store;
    size_t n, bad;
} agree_ctx;

static int row_value(void *ctx, size_t row, int ncols, const char *const *names,
                     const char *const *values)
{
    (void)names, (void)ncols;
    if (row == 1)
        snprintf(ctx, 256, "%s|%s|%s|%s", values[0] ? values[0] : "", values[1] ? values[1] : "",
                 values[2] ? values[2] : "", values[3] ? values[3] : "");
    return 0;
}

static int agree(void *ctx, const xxgk_case *c)
{
    agree_ctx *a = ctx;
    const xxgk_case_info *i = xxgk_case_info_of(c);
    char sql[160], got[256] = "", want[256], d1[11], d2[11];
    snprintf(sql, sizeof sql, "SELECT state, received, closed, voided FROM reg_case WHERE id = %lld",
             (long long)i->id);
    xxgk_error err = {0};
    xxgk_store_query(a->store, sql, row_value, got, &err);
    snprintf(want, sizeof want, "%s|%s|%s|%d", xxgk_case_state_key(i->state),
             xxgk_date_format(i->received, d1, 11), xxgk_date_format(i->closed, d2, 11), i->voided);
    a->n++;
    if (strcmp(got, want)) {
        if (a->bad++ < 5)
            fprintf(stderr, "case %lld: store %s, fold %s\n", (long long)i->id, got, want);
    }
    return 0;
}

static void derived_columns_agree(void)
{
    agree_ctx a = {NULL, 0, 0};
    xxgk_error err = {0};
    CHECK_INT(xxgk_store_open(path, true, &a.store, &err), XXGK_OK);
    xxgk_case_filter f = {NULL, 0, -1, false, true};
    CHECK_INT(xxgk_register_each(reg, &f, 0, agree, &a, &err), XXGK_OK);
    CHECK_INT(a.n, NCASES);
    CHECK_INT(a.bad, 0);
    xxgk_store_close(a.store);
}

static void cleanup(void)
{
    xxgk_register_close(reg);
    char p[96];
    snprintf(p, sizeof p, "%s-wal", path);
    remove(p);
    snprintf(p, sizeof p, "%s-shm", path);
    remove(p);
    remove(path);
}

const struct unit_case unit_cases[] = {
    {"generate_histories", generate_histories},
    {"tables_by_construction", tables_by_construction},
    {"derived_columns_agree", derived_columns_agree},
    {"cleanup", cleanup},
    {NULL, NULL},
};
