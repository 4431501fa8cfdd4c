/* test_deadlines.c — golden deadlines for every year of holidays.md.
 *
 * Each case is received just before a holiday with make-up workdays
 * (调休上班), some with 补正, an extension, a consultation or a fee. Every
 * expected date was worked out by hand from docs/spec/holidays.md, day by
 * day, and the count is written beside it ("2/2 Sat workday = 1" means
 * 2 February, a Saturday make-up day, is working day 1); none was copied
 * from the program. Rule: the start day is not counted; a pause covers
 * the days after it began up to and including the day it ended. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "unit_dates.h"
#include "xxgk.h"

static xxgk_register *reg;

static void open_register(void)
{
    xxgk_error err = {0};
    if (xxgk_register_open(":memory:", false, &reg, &err) != XXGK_OK) {
        fprintf(stderr, "open: %s\n", err.message);
        exit(2);
    }
    xxgk_register_set_actor(reg, "测试");
    /* Dates up to the end of 2026 are in the past, whatever the clock. */
    xxgk_register_set_today(reg, xxgk_date_make(2026, 12, 7));
}

static int64_t received(const char *date)
{
    xxgk_application app = {"测试局", D(date), XXGK_CHANNEL_IN_PERSON, XXGK_APPLICANT_NATURAL,
                            "某文件", NULL, NULL, NULL, 0, NULL};
    int64_t id = 0;
    xxgk_error err = {0};
    if (xxgk_case_add(reg, &app, &id, &err) != XXGK_OK)
        fprintf(stderr, "add %s: %s\n", date, err.message);
    return id;
}

/* Checks that call succeeded, naming it otherwise. */
#define OK(call)                                                                  \
    do {                                                                          \
        xxgk_error err_ = {0};                                                    \
        xxgk_status st_ = (call);                                                 \
        (void)err_;                                                               \
        if (st_ != XXGK_OK)                                                       \
            fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, err_.message);     \
        CHECK_INT(st_, XXGK_OK);                                                  \
    } while (0)
#define E (&err_)

/* The due date of the n-th deadline of `kind` of case id ("" when
 * none, "?" when it cannot be computed). */
static const char *due(int64_t id, xxgk_deadline_kind kind, int n)
{
    static char out[8][16];
    static int k;
    char *o = out[k++ % 8];
    xxgk_case *c = NULL;
    xxgk_error err = {0};
    snprintf(o, 16, "no case");
    if (xxgk_case_load(reg, id, D("2026-12-01"), 0, &c, &err) != XXGK_OK)
        return o;
    snprintf(o, 16, "%s", "");
    for (size_t i = 0; i < xxgk_case_deadline_count(c); i++) {
        const xxgk_deadline *d = xxgk_case_deadline(c, i);
        if (d->kind == kind && n-- == 0) {
            snprintf(o, 16, "%s", d->due ? F(d->due) : "?");
            break;
        }
    }
    xxgk_case_free(c);
    return o;
}

static const xxgk_deadline *reply_of(xxgk_case **c, int64_t id)
{
    xxgk_error err = {0};
    *c = NULL;
    if (xxgk_case_load(reg, id, D("2026-12-01"), XXGK_CASE_EXPLAIN, c, &err) != XXGK_OK)
        return NULL;
    return xxgk_case_deadline(*c, 0);
}

/* ---- 2019 ------------------------------------------------------------------ */

static void year_2019(void)
{
    /* 春节: 2/2 Sat and 2/3 Sun workdays, 2/4–2/10 holidays. Received Fri
     * 2/1: 2/2 = 1, 2/3 = 2, 2/11–15 = 3–7, 18–22 = 8–12, 25–3/1 = 13–17,
     * 3/4 = 18, 3/5 = 19, 3/6 = 20. */
    int64_t a = received("2019-02-01");
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "2019-03-06");
    /* Extended on 3/4 (before 3/6): 3/7 = 21, 3/8 = 22, 3/11–15 = 27,
     * 18–22 = 32, 25–29 = 37, 4/1 = 38, 4/2 = 39, 4/3 = 40 (清明 is 4/5). */
    OK(xxgk_case_extend(reg, a, D("2019-03-04"), "王主任", 0, E));
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "2019-04-03");

    /* 劳动节 as amended: 4/28 Sun and 5/5 Sun workdays, 5/1–5/4 holidays.
     * Received Fri 4/26: 4/27 Sat no; 4/28 = 1, 4/29 = 2, 4/30 = 3, 5/5 =
     * 4, 5/6–10 = 5–9, 13–17 = 10–14, 20–24 = 15–19, 5/27 = 20. The 补正
     * notice within 7: 4/28, 4/29, 4/30, 5/5, 5/6, 5/7, 5/8. */
    int64_t b = received("2019-04-26");
    CHECK_STR(due(b, XXGK_DEADLINE_REPLY, 0), "2019-05-27");
    CHECK_STR(due(b, XXGK_DEADLINE_CORRECTION_NOTICE, 0), "2019-05-08");

    /* 国庆: 9/29 Sun workday, 10/1–10/7 holidays, 10/12 Sat workday.
     * Received Thu 9/26: 9/27 = 1, 9/29 = 2, 9/30 = 3, 10/8–11 = 4–7,
     * 10/12 = 8, 14–18 = 9–13, 21–25 = 14–18, 28 = 19, 29 = 20. */
    int64_t c = received("2019-09-26");
    CHECK_STR(due(c, XXGK_DEADLINE_REPLY, 0), "2019-10-29");
}

/* ---- 2020 ------------------------------------------------------------------ */

static void year_2020(void)
{
    /* 春节, extended by 国办发明电〔2020〕1号: 1/19 Sun workday, 1/24–2/2
     * holidays (2/1, first announced as a workday, is a holiday). Received
     * Fri 1/17: 1/19 = 1, 1/20–23 = 2–5, 2/3–7 = 6–10, 10–14 = 11–15,
     * 17–21 = 16–20. */
    int64_t a = received("2020-01-17");
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "2020-02-21");
    /* 补正 notice due within 7: 1/19, 1/20, 1/21, 1/22, 1/23, 2/3, 2/4. */
    CHECK_STR(due(a, XXGK_DEADLINE_CORRECTION_NOTICE, 0), "2020-02-04");
    /* Notice on 1/20, corrected on Wed 2/5: the reply period restarts:
     * 2/6 = 1, 2/7 = 2, 10–14 = 7, 17–21 = 12, 24–28 = 17, 3/2–4 = 20. */
    OK(xxgk_case_correction_notice(reg, a, D("2020-01-20"), 0, E));
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "?"); /* suspended while awaiting */
    OK(xxgk_case_corrected(reg, a, D("2020-02-05"), E));
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "2020-03-04");
    /* The correction period without a stated end: 15 working days after
     * the notice: 1/21, 22, 23 = 3, 2/3–7 = 8, 10–14 = 13, 17 = 14, 18 = 15. */
    CHECK_STR(due(a, XXGK_DEADLINE_CORRECTION, 0), "2020-02-18");

    /* 国庆·中秋: 9/27 Sun workday, 10/1–10/8 holidays, 10/10 Sat workday.
     * Received Fri 9/25; a third party consulted Mon 9/28, answered Thu
     * 10/15. Reply: 9/27 = 1, 9/28 = 2 (the sending day counts), paused
     * 9/29 … 10/15, 10/16 = 3, 19–23 = 4–8, 26–30 = 9–13, 11/2–6 = 14–18,
     * 11/9 = 19, 11/10 = 20. */
    int64_t b = received("2020-09-25");
    OK(xxgk_case_consult(reg, b, XXGK_PARTY_THIRD, "某公司", D("2020-09-28"), 0,
                         D("2020-10-15"), E));
    CHECK_STR(due(b, XXGK_DEADLINE_REPLY, 0), "2020-11-10");
    /* The party's 15 days from 9/28: 9/29 = 1, 9/30 = 2, 10/9 = 3, 10/10
     * = 4, 12–16 = 5–9, 19–23 = 10–14, 10/26 = 15. */
    CHECK_STR(due(b, XXGK_DEADLINE_CONSULTATION, 0), "2020-10-26");
}

/* ---- 2021 ------------------------------------------------------------------ */

static void year_2021(void)
{
    /* 春节: 2/7 Sun workday, 2/11–2/17 holidays, 2/20 Sat workday.
     * Received Fri 2/5: 2/7 = 1, 2/8–10 = 2–4, 2/18 = 5, 2/19 = 6, 2/20 =
     * 7, 22–26 = 8–12, 3/1–5 = 13–17, 3/8 = 18, 3/9 = 19, 3/10 = 20. */
    int64_t a = received("2021-02-05");
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "2021-03-10");
    /* An extension decided after 3/10 is refused; on 3/1 it holds:
     * 3/11 = 21, 3/12 = 22, 15–19 = 27, 22–26 = 32, 3/29–4/2 = 37, 清明
     * 4/3–4/5, 4/6 = 38, 4/7 = 39, 4/8 = 40. */
    xxgk_error err = {0};
    CHECK_INT(xxgk_case_extend(reg, a, D("2021-03-11"), "王主任", 0, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "2021-03-10") != NULL);
    OK(xxgk_case_extend(reg, a, D("2021-03-01"), "王主任", D("2021-03-02"), E));
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "2021-04-08");

    /* 中秋, 国庆: 9/18 Sat and 9/26 Sun workdays, 9/19–21 and 10/1–7
     * holidays, 10/9 Sat workday. Received Fri 9/17: 9/18 = 1, 9/22–24 =
     * 2–4, 9/26 = 5, 9/27–30 = 6–9, 10/8 = 10, 10/9 = 11, 11–15 = 12–16,
     * 18–21 = 17–20. */
    int64_t b = received("2021-09-17");
    CHECK_STR(due(b, XXGK_DEADLINE_REPLY, 0), "2021-10-21");
}

/* ---- 2022 ------------------------------------------------------------------ */

static void year_2022(void)
{
    /* 春节: 1/29 Sat and 1/30 Sun workdays, 1/31–2/6 holidays. Received
     * Fri 1/28: 1/29 = 1, 1/30 = 2, 2/7–11 = 3–7, 14–18 = 8–12, 21–25 =
     * 13–17, 2/28 = 18, 3/1 = 19, 3/2 = 20. */
    int64_t a = received("2022-01-28");
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "2022-03-02");
    int64_t b = received("2022-01-28");
    /* 补正 told on Sunday 1/30 (a workday), corrected Tue 2/8: 2/9 = 1,
     * 2/10 = 2, 2/11 = 3, 14–18 = 8, 21–25 = 13, 2/28–3/4 = 18, 3/7 = 19,
     * 3/8 = 20. The default correction period (15 after 1/30): 2/7–11 = 5,
     * 14–18 = 10, 21–25 = 15. */
    OK(xxgk_case_correction_notice(reg, b, D("2022-01-30"), 0, E));
    OK(xxgk_case_corrected(reg, b, D("2022-02-08"), E));
    CHECK_STR(due(b, XXGK_DEADLINE_REPLY, 0), "2022-03-08");
    CHECK_STR(due(b, XXGK_DEADLINE_CORRECTION, 0), "2022-02-25");

    /* 国庆: 10/1–10/7 holidays, 10/8 Sat and 10/9 Sun workdays. Received
     * Thu 9/29: 9/30 = 1, 10/8 = 2, 10/9 = 3, 10–14 = 4–8, 17–21 = 9–13,
     * 24–28 = 14–18, 10/31 = 19, 11/1 = 20. */
    int64_t c = received("2022-09-29");
    CHECK_STR(due(c, XXGK_DEADLINE_REPLY, 0), "2022-11-01");
}

/* ---- 2023 ------------------------------------------------------------------ */

static void year_2023(void)
{
    /* 春节: 1/21–1/27 holidays, 1/28 Sat and 1/29 Sun workdays. Received
     * Fri 1/20: 1/28 = 1, 1/29 = 2, 1/30–2/3 = 3–7, 6–10 = 8–12, 13–17 =
     * 13–17, 2/20 = 18, 2/21 = 19, 2/22 = 20. */
    int64_t a = received("2023-01-20");
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "2023-02-22");

    /* 中秋·国庆: 9/29–10/6 holidays, 10/7 Sat and 10/8 Sun workdays.
     * Received Thu 9/28: 10/7 = 1, 10/8 = 2, 10/9–13 = 3–7, 16–20 = 8–12,
     * 23–27 = 13–17, 10/30 = 18, 10/31 = 19, 11/1 = 20. */
    int64_t b = received("2023-09-28");
    CHECK_STR(due(b, XXGK_DEADLINE_REPLY, 0), "2023-11-01");
    /* The same with a fee notice on Mon 10/9 (paid Mon 10/16): 10/9 = 3,
     * paused 10/10 … 10/16, 10/17–20 = 4–7, 23–27 = 8–12, 10/30–11/3 =
     * 13–17, 11/6 = 18, 11/7 = 19, 11/8 = 20. Payment period, 20 after
     * 10/9: 10/10–13 = 4, 16–20 = 9, 23–27 = 14, 10/30–11/3 = 19, 11/6. */
    int64_t c = received("2023-09-28");
    xxgk_decimal fee = {200, 0};
    OK(xxgk_case_fee_notice(reg, c, D("2023-10-09"), fee, E));
    OK(xxgk_case_fee_paid(reg, c, D("2023-10-16"), E));
    CHECK_STR(due(c, XXGK_DEADLINE_REPLY, 0), "2023-11-08");
    CHECK_STR(due(c, XXGK_DEADLINE_FEE, 0), "2023-11-06");
}

/* ---- 2024 ------------------------------------------------------------------ */

static void year_2024(void)
{
    /* rules.md 3.7, day by day. */
    int64_t a = received("2024-09-13");
    xxgk_case *c;
    const xxgk_deadline *r = reply_of(&c, a);
    CHECK(r != NULL);
    if (r) {
        CHECK_STR(F(r->due), "2024-10-17");
        size_t n = 0;
        const xxgk_counted_day *days = xxgk_case_explain(c, 0, &n);
        /* 9/13 start, then every day to 10/17: 34 days. */
        CHECK_INT(n, 35);
        if (n == 35) {
            CHECK_INT(days[0].reason, XXGK_COUNT_START);
            CHECK_INT(days[1].reason, XXGK_COUNT_MAKEUP); /* 9/14 = 1 */
            CHECK_INT(days[1].count, 1);
            CHECK_INT(days[2].reason, XXGK_SKIP_HOLIDAY); /* 9/15 中秋 */
            CHECK_STR(days[2].why, "中秋节");
            CHECK_INT(days[5].count, 2);                  /* 9/18 = 2 */
            CHECK_INT(days[8].reason, XXGK_SKIP_WEEKEND); /* 9/21 */
            CHECK_INT(days[16].reason, XXGK_COUNT_MAKEUP); /* 9/29 = 10 */
            CHECK_INT(days[16].count, 10);
            CHECK_INT(days[18].reason, XXGK_SKIP_HOLIDAY); /* 10/1 国庆 */
            CHECK_STR(days[18].why, "国庆节");
            CHECK_INT(days[29].reason, XXGK_COUNT_MAKEUP); /* 10/12 = 16 */
            CHECK_INT(days[29].count, 16);
            CHECK_INT(days[34].count, 20);
            CHECK_STR(F(days[34].date), "2024-10-17");
        }
    }
    xxgk_case_free(c);

    /* 春节: 2/4 Sun workday, 2/9 (除夕, Fri) an ordinary working day,
     * 2/10–2/17 holidays, 2/18 Sun workday. Received Fri 2/2: 2/4 = 1,
     * 2/5–9 = 2–6, 2/18 = 7, 19–23 = 8–12, 2/26–3/1 = 13–17, 3/4 = 18,
     * 3/5 = 19, 3/6 = 20. */
    int64_t b = received("2024-02-02");
    CHECK_STR(due(b, XXGK_DEADLINE_REPLY, 0), "2024-03-06");

    /* 劳动节: 4/28 Sun workday, 5/1–5/5 holidays, 5/11 Sat workday.
     * Received Fri 4/26: 4/28 = 1, 4/29 = 2, 4/30 = 3, 5/6–10 = 4–8, 5/11
     * = 9, 13–17 = 10–14, 20–24 = 15–19, 5/27 = 20. */
    int64_t d = received("2024-04-26");
    CHECK_STR(due(d, XXGK_DEADLINE_REPLY, 0), "2024-05-27");
}

/* ---- 2025 ------------------------------------------------------------------ */

static void year_2025(void)
{
    /* 春节 (4 days by law from 2025): 1/26 Sun workday, 1/28–2/4 holidays,
     * 2/8 Sat workday. Received Fri 1/24: 1/26 = 1, 1/27 = 2, 2/5 = 3, 2/6
     * = 4, 2/7 = 5, 2/8 = 6, 10–14 = 7–11, 17–21 = 12–16, 24–27 = 17–20. */
    int64_t a = received("2025-01-24");
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "2025-02-27");
    /* Another agency consulted on 1/27 never answers: its 15 days run
     * 2/5 = 1 … 2/8 = 4, 10–14 = 9, 17–21 = 14, 2/24 = 15; the pause lasts
     * to then: 1/26 = 1, 1/27 = 2, 2/25 = 3, 2/26 = 4, 2/27 = 5, 2/28 = 6,
     * 3/3–7 = 11, 10–14 = 16, 17–20 = 17–20. */
    int64_t b = received("2025-01-24");
    OK(xxgk_case_consult(reg, b, XXGK_PARTY_AGENCY, "某局", D("2025-01-27"), 0, 0, E));
    CHECK_STR(due(b, XXGK_DEADLINE_CONSULTATION, 0), "2025-02-24");
    CHECK_STR(due(b, XXGK_DEADLINE_REPLY, 0), "2025-03-20");

    /* 国庆·中秋: 9/28 Sun workday, 10/1–10/8 holidays, 10/11 Sat workday.
     * Received Fri 9/26; 补正 notice within 7: 9/28, 9/29, 9/30, 10/9,
     * 10/10, 10/11, 10/13. */
    int64_t c = received("2025-09-26");
    CHECK_STR(due(c, XXGK_DEADLINE_CORRECTION_NOTICE, 0), "2025-10-13");
    /* Told on Sunday 9/28 with a period to 10/20, corrected Wed 10/15:
     * 10/16 = 1, 10/17 = 2, 20–24 = 7, 27–31 = 12, 11/3–7 = 17, 11/10 =
     * 18, 11/11 = 19, 11/12 = 20; extended on 11/10: 11/13 = 21, 11/14 =
     * 22, 17–21 = 27, 24–28 = 32, 12/1–5 = 37, 12/8–10 = 40. */
    OK(xxgk_case_correction_notice(reg, c, D("2025-09-28"), D("2025-10-20"), E));
    CHECK_STR(due(c, XXGK_DEADLINE_CORRECTION, 0), "2025-10-20");
    OK(xxgk_case_corrected(reg, c, D("2025-10-15"), E));
    CHECK_STR(due(c, XXGK_DEADLINE_REPLY, 0), "2025-11-12");
    OK(xxgk_case_extend(reg, c, D("2025-11-10"), "王主任", 0, E));
    CHECK_STR(due(c, XXGK_DEADLINE_REPLY, 0), "2025-12-10");
}

/* ---- 2026 ------------------------------------------------------------------ */

static void year_2026(void)
{
    /* 元旦: 1/1–1/3 holidays, 1/4 Sun workday. Received Wed 2025-12-31:
     * 1/4 = 1, 1/5–9 = 6, 12–16 = 11, 19–23 = 16, 1/26–29 = 17–20. */
    int64_t a = received("2025-12-31");
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "2026-01-29");

    /* 春节: 2/14 Sat workday, 2/15–2/23 holidays, 2/28 Sat workday.
     * Received Fri 2/13: 2/14 = 1, 2/24–27 = 2–5, 2/28 = 6, 3/2–6 = 7–11,
     * 9–13 = 12–16, 16–19 = 17–20. */
    int64_t b = received("2026-02-13");
    CHECK_STR(due(b, XXGK_DEADLINE_REPLY, 0), "2026-03-19");

    /* 中秋, 国庆: 9/20 Sun workday, 9/25–27 and 10/1–7 holidays, 10/10 Sat
     * workday. Received Fri 9/18: 9/20 = 1, 9/21–24 = 2–5, 9/28–30 = 6–8,
     * 10/8 = 9, 10/9 = 10, 10/10 = 11, 12–16 = 12–16, 19–22 = 17–20. */
    int64_t c = received("2026-09-18");
    CHECK_STR(due(c, XXGK_DEADLINE_REPLY, 0), "2026-10-22");

    /* Into 2027, whose notice is not shipped: not computed, and why
     * (12/7–11 = 5, 14–18 = 10, 21–25 = 15, 28–31 = 19, then 2027). */
    int64_t d = received("2026-12-04");
    xxgk_case *cs;
    const xxgk_deadline *r = reply_of(&cs, d);
    CHECK(r && r->status == XXGK_DUE_UNKNOWN && r->due == 0);
    CHECK(r && r->note && strstr(r->note, "2027年"));
    xxgk_case_free(cs);
    /* Ending on 12/23 (11/26 = 1 … 12/23 = 20): computed, with a warning
     * that the 2027 notice may still move late-December days. */
    int64_t e = received("2026-11-25");
    r = reply_of(&cs, e);
    CHECK(r && r->due == D("2026-12-23"));
    CHECK(r && r->note && strstr(r->note, "2027年"));
    xxgk_case_free(cs);
    /* Received in 2018, before any notice: refused with the reason. */
    int64_t f = received("2018-12-28");
    r = reply_of(&cs, f);
    CHECK(r && r->status == XXGK_DUE_UNKNOWN && r->note && strstr(r->note, "2018年"));
    xxgk_case_free(cs);
}

/* A corrected notice moves an open case's due date at once. */
static void corrected_calendar(void)
{
    int64_t a = received("2026-02-13"); /* due 2026-03-19 (above) */
    /* Suppose the 2026 notice had made Monday 3/2 a holiday too: one
     * working day less before 3/19, so the period ends on 3/20. */
    static const char notice[] =
        "## 2026\n"
        "2026-02-14 workday  # 调休上班 (周六)\n"
        "2026-02-15 holiday  # 春节 (周日)\n2026-02-16 holiday  # 春节 (周一)\n"
        "2026-02-17 holiday  # 春节 (周二)\n2026-02-18 holiday  # 春节 (周三)\n"
        "2026-02-19 holiday  # 春节 (周四)\n2026-02-20 holiday  # 春节 (周五)\n"
        "2026-02-21 holiday  # 春节 (周六)\n2026-02-22 holiday  # 春节 (周日)\n"
        "2026-02-23 holiday  # 春节 (周一)\n2026-02-28 workday  # 调休上班 (周六)\n"
        "2026-03-02 holiday  # 测试用 (周一)\n";
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "2026-03-19");
    OK(xxgk_register_import_holidays(reg, notice, strlen(notice), "corrected.txt", 0, NULL, 0,
                                     NULL, E));
    CHECK_STR(due(a, XXGK_DEADLINE_REPLY, 0), "2026-03-20");
    /* Everything else of 2026 now follows the imported notice: National
     * Day is gone from it, so 10/1 is an ordinary Thursday. */
    CHECK_INT(xxgk_calendar_day(xxgk_register_calendar(reg), D("2026-10-01"), NULL),
              XXGK_DAY_WORKDAY);
}

static void close_register(void)
{
    xxgk_register_close(reg);
    reg = NULL;
}

const struct unit_case unit_cases[] = {
    {"open", open_register},
    {"year_2019", year_2019},
    {"year_2020", year_2020},
    {"year_2021", year_2021},
    {"year_2022", year_2022},
    {"year_2023", year_2023},
    {"year_2024", year_2024},
    {"year_2025", year_2025},
    {"year_2026", year_2026},
    {"corrected_calendar", corrected_calendar},
    {"close", close_register},
    {NULL, NULL},
};
