/* test_calendar.c — dates, the shipped calendar (holidays.md), counting
 * working days, refusing unknown years, and reading notices: every
 * failure named with its line, a corrected notice replacing the old one,
 * and the written form reading back. Expected values are read off
 * docs/spec/holidays.md by hand. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "unit_dates.h"
#include "xxgk.h"

static void dates(void)
{
    xxgk_date d;
    CHECK(xxgk_date_parse("2024-02-29", &d));
    CHECK_STR(F(d), "2024-02-29");
    CHECK(!xxgk_date_parse("2023-02-29", &d));
    CHECK(!xxgk_date_parse("2024-13-01", &d));
    CHECK(!xxgk_date_parse("2024-9-13", &d));
    CHECK(!xxgk_date_parse("2024-09-13x", &d));
    CHECK(!xxgk_date_parse("1999-12-31", &d));
    CHECK(!xxgk_date_parse("1970-01-02", &d)); /* before 2000: not a register date */
    CHECK_INT(D("2000-01-01"), 10957);
    CHECK_INT(xxgk_date_weekday(D("2024-09-13")), 5); /* a Friday */
    CHECK_INT(xxgk_date_weekday(D("2024-09-29")), 7); /* a Sunday */
    CHECK_INT(xxgk_date_weekday(D("2000-01-01")), 6); /* a Saturday */
    CHECK_INT(D("2025-03-01") - D("2025-02-28"), 1);
    CHECK_INT(D("2024-03-01") - D("2024-02-28"), 2);
    int y, m, dd;
    xxgk_date_split(D("2026-12-31"), &y, &m, &dd);
    CHECK_INT(y, 2026);
    CHECK_INT(m, 12);
    CHECK_INT(dd, 31);
    CHECK_INT(xxgk_date_make(2025, 2, 29), 0);
    CHECK_STR(F(0), "");
}

/* The days of each kind the notices list, per year (holidays.md,
 * "Announced ranges"; weekend days inside a range are listed). */
static void shipped_calendar(void)
{
    xxgk_calendar *cal;
    xxgk_error err = {0};
    CHECK_INT(xxgk_calendar_new(&cal, &err), XXGK_OK);
    CHECK_INT(xxgk_calendar_notice_count(cal), 8);
    CHECK_INT(xxgk_calendar_notice(cal, 0)->year, 2019);
    CHECK_STR(xxgk_calendar_notice(cal, 5)->number, "国办发明电〔2023〕7号");
    CHECK_STR(xxgk_calendar_notice(cal, 7)->number, ""); /* 2026: not retrieved */
    CHECK_STR(xxgk_calendar_notice(cal, 7)->source, "内置");
    const char *name;
    CHECK_INT(xxgk_calendar_day(cal, D("2024-09-14"), &name), XXGK_DAY_MAKEUP);
    CHECK_STR(name, "调休上班");
    CHECK_INT(xxgk_calendar_day(cal, D("2024-09-15"), &name), XXGK_DAY_HOLIDAY);
    CHECK_STR(name, "中秋节");
    CHECK_INT(xxgk_calendar_day(cal, D("2024-09-21"), &name), XXGK_DAY_WEEKEND);
    CHECK(name == NULL);
    CHECK_INT(xxgk_calendar_day(cal, D("2024-09-20"), NULL), XXGK_DAY_WORKDAY);
    /* 除夕 2024-02-09 is only encouraged as a rest day: a working day. */
    CHECK_INT(xxgk_calendar_day(cal, D("2024-02-09"), NULL), XXGK_DAY_WORKDAY);
    /* 2020: the extension made 02-01 (a Saturday once announced as a
     * make-up day) a holiday. */
    CHECK_INT(xxgk_calendar_day(cal, D("2020-02-01"), &name), XXGK_DAY_HOLIDAY);
    CHECK_STR(name, "春节延长(国办发明电〔2020〕1号)");
    /* 2019: Labour Day as amended (4 days, two Sunday make-up days). */
    CHECK_INT(xxgk_calendar_day(cal, D("2019-05-03"), &name), XXGK_DAY_HOLIDAY);
    CHECK_STR(name, "劳动节(调整后)");
    CHECK_INT(xxgk_calendar_day(cal, D("2019-05-05"), NULL), XXGK_DAY_MAKEUP);
    CHECK_INT(xxgk_calendar_day(cal, D("2023-10-01"), &name), XXGK_DAY_HOLIDAY);
    CHECK_STR(name, "中秋节、国庆节");
    CHECK_INT(xxgk_calendar_day(cal, D("2026-01-04"), NULL), XXGK_DAY_MAKEUP);
    /* Years without a notice are unknown, even for a day another
     * notice lists (2018-12-31, in the 2019 notice). */
    CHECK_INT(xxgk_calendar_day(cal, D("2018-12-31"), NULL), XXGK_DAY_UNKNOWN);
    CHECK_INT(xxgk_calendar_day(cal, D("2027-01-04"), NULL), XXGK_DAY_UNKNOWN);
    /* Make-up workdays inside each calendar year (holidays.md; the 2019
     * notice's 2018-12-29 falls in 2018): 6 6 7 7 7 8 5 6. */
    static const int makeup[] = {6, 6, 7, 7, 7, 8, 5, 6};
    for (int y = 2019; y <= 2026; y++) {
        int n = 0;
        for (xxgk_date d = xxgk_date_make(y, 1, 1); d <= xxgk_date_make(y, 12, 31); d++)
            n += xxgk_calendar_day(cal, d, NULL) == XXGK_DAY_MAKEUP;
        if (n != makeup[y - 2019])
            fprintf(stderr, "year %d\n", y);
        CHECK_INT(n, makeup[y - 2019]);
    }
    xxgk_calendar_free(cal);
}

static void counting(void)
{
    xxgk_calendar *cal;
    xxgk_error err = {0};
    xxgk_calendar_new(&cal, &err);
    xxgk_date due = 0;
    /* rules.md 3.7: received Friday 2024-09-13 → due 2024-10-17. */
    CHECK_INT(xxgk_calendar_add_working_days(cal, D("2024-09-13"), 20, &due, &err), XXGK_OK);
    CHECK_STR(F(due), "2024-10-17");
    /* Day 1 of the same example is the Saturday make-up day. */
    CHECK_INT(xxgk_calendar_add_working_days(cal, D("2024-09-13"), 1, &due, &err), XXGK_OK);
    CHECK_STR(F(due), "2024-09-14");
    /* Across a year end: 2025-12-31 + 1 → 2026-01-04 (Sunday make-up day
     * after 元旦 2026-01-01..03). */
    CHECK_INT(xxgk_calendar_add_working_days(cal, D("2025-12-31"), 1, &due, &err), XXGK_OK);
    CHECK_STR(F(due), "2026-01-04");
    /* Into a year without a notice: refused, naming the year. */
    CHECK_INT(xxgk_calendar_add_working_days(cal, D("2026-12-10"), 20, &due, &err),
              XXGK_E_USAGE);
    CHECK(strstr(err.message, "2027年") != NULL);
    CHECK(strstr(err.message, "holidays import") != NULL);
    CHECK_INT(xxgk_calendar_add_working_days(cal, D("2018-12-27"), 1, &due, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "2018年") != NULL);
    CHECK_INT(xxgk_calendar_add_working_days(cal, D("2024-09-13"), 0, &due, &err), XXGK_E_USAGE);
    xxgk_calendar_free(cal);
}

/* Loads text and returns the status; err holds the message. */
static xxgk_status load(xxgk_calendar *cal, const char *text, int year, xxgk_error *err)
{
    return xxgk_calendar_load(cal, text, strlen(text), "n.txt", year, NULL, 0, NULL, err);
}

static void bad_notices(void)
{
    xxgk_calendar *cal;
    xxgk_error err = {0};
    xxgk_calendar_new(&cal, &err);
    CHECK_INT(load(cal, "no dates here\n", 0, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "没有找到放假安排") != NULL);
    CHECK_INT(load(cal, "## 2027\n2027-01-01 holiday  # 元旦\n2027-02-30 holiday\n", 0, &err),
              XXGK_E_USAGE);
    CHECK(strstr(err.message, "n.txt:3:") != NULL);
    CHECK(strstr(err.message, "2027-02-30") != NULL);
    CHECK_INT(load(cal, "2027-01-01 holliday\n", 0, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "n.txt:1:") && strstr(err.message, "holliday"));
    /* 2027-01-01 is a Friday. */
    CHECK_INT(load(cal, "2027-01-01 holiday  # 元旦 (周四)\n", 0, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "星期五") != NULL);
    CHECK_INT(load(cal, "2027-01-04 workday  # 调休上班\n", 0, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "周六或周日") != NULL);
    CHECK_INT(load(cal, "2027-01-01 holiday\n2027-01-01 holiday\n", 0, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "n.txt:2:") && strstr(err.message, "重复"));
    /* 2026-10-01 belongs to the shipped 2026 notice. */
    CHECK_INT(load(cal, "## 2027\n2026-10-01 holiday\n", 0, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "2026-10-01") != NULL);
    CHECK_INT(load(cal, "## 2027\n2025-12-31 holiday\n", 0, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "不属于2027年") != NULL);
    /* Nothing of the failed loads stuck. */
    CHECK_INT(xxgk_calendar_notice_count(cal), 8);
    CHECK_INT(xxgk_calendar_day(cal, D("2027-01-01"), NULL), XXGK_DAY_UNKNOWN);
    xxgk_calendar_free(cal);
}

static void loading_and_writing(void)
{
    xxgk_calendar *cal;
    xxgk_error err = {0};
    xxgk_calendar_new(&cal, &err);
    /* A next year's notice (invented for the test) with a December day
     * of the year before, as the 2019 and 2023 notices had. */
    const char *next = "# 2027年的通知（测试用）\n"
                       "2026-12-31 holiday  # 元旦 (周四)\n"
                       "2027-01-01 holiday  # 元旦 (周五)\n"
                       "2027-01-02 holiday  # 元旦 (周六)\n"
                       "2027-01-09 workday  # 调休上班 (周六)\n";
    int years[4];
    size_t ny = 0;
    CHECK_INT(xxgk_calendar_load(cal, next, strlen(next), "next.txt", 0, years, 4, &ny, &err),
              XXGK_OK);
    CHECK_INT(ny, 1);
    CHECK_INT(years[0], 2027);
    CHECK_INT(xxgk_calendar_notice_count(cal), 9);
    CHECK_STR(xxgk_calendar_notice(cal, 8)->source, "next.txt");
    const char *name;
    CHECK_INT(xxgk_calendar_day(cal, D("2027-01-09"), NULL), XXGK_DAY_MAKEUP);
    CHECK_INT(xxgk_calendar_day(cal, D("2026-12-31"), &name), XXGK_DAY_HOLIDAY);
    CHECK_STR(name, "元旦");
    CHECK_INT(xxgk_calendar_day(cal, D("2027-01-04"), NULL), XXGK_DAY_WORKDAY);
    xxgk_date due;
    CHECK_INT(xxgk_calendar_add_working_days(cal, D("2026-12-30"), 1, &due, &err), XXGK_OK);
    CHECK_STR(F(due), "2027-01-04"); /* 12-31, 01-01, 01-02 holidays, 01-03 Sunday */
    /* A corrected notice for 2027 replaces the first one whole. */
    CHECK_INT(load(cal, "## 2027\n2027-01-01 holiday  # 元旦 (周五)\n", 0, &err), XXGK_OK);
    CHECK_INT(xxgk_calendar_day(cal, D("2027-01-09"), NULL), XXGK_DAY_WEEKEND);
    CHECK_INT(xxgk_calendar_day(cal, D("2026-12-31"), NULL), XXGK_DAY_WORKDAY);
    /* What is written reads back into the same calendar. */
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CHECK_INT(xxgk_calendar_write(cal, 2024, f), 0);
    fclose(f);
    CHECK(strstr(text, "## 2024\n") != NULL);
    CHECK(strstr(text, "2024-09-14 workday  # 调休上班 (周六)\n") != NULL);
    CHECK(strstr(text, "2024-10-07 holiday  # 国庆节 (周一)\n") != NULL);
    xxgk_calendar *again;
    xxgk_calendar_new(&again, &err);
    CHECK_INT(load(again, text, 0, &err), XXGK_OK);
    CHECK_STR(xxgk_calendar_notice(again, 5)->number, "国办发明电〔2023〕7号");
    for (xxgk_date d = D("2024-01-01"); d <= D("2024-12-31"); d++)
        if (xxgk_calendar_day(cal, d, NULL) != xxgk_calendar_day(again, d, NULL))
            CHECK(!"written 2024 reads back differently");
    free(text);
    xxgk_calendar_free(again);
    xxgk_calendar_free(cal);
}

const struct unit_case unit_cases[] = {
    {"dates", dates},
    {"shipped_calendar", shipped_calendar},
    {"counting", counting},
    {"bad_notices", bad_notices},
    {"loading_and_writing", loading_and_writing},
    {NULL, NULL},
};
