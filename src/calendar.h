/*
 * calendar.h — the working-day calendar's internals: the shape of the
 * generated data (calendar_data.c, made by scripts/gen_calendar.sh from
 * docs/spec/holidays.md) and the calendar object.
 */
#ifndef XXGK_CALENDAR_H
#define XXGK_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "xxgk.h"

typedef enum cal_kind { CAL_HOLIDAY = 1, CAL_WORKDAY = 2 } cal_kind;

/* A yearly notice as shipped: the year it arranges, its number, date. */
typedef struct cal_notice_data {
    int year;
    const char *number, *date;
} cal_notice_data;

/* A listed day as shipped: the notice (year) that announced it, the
 * date, holiday or make-up workday, the holiday's name. */
typedef struct cal_entry_data {
    int notice, y, m, d;
    cal_kind kind;
    const char *name;
} cal_entry_data;

extern const cal_notice_data calendar_notices[];
extern const size_t calendar_notice_count;
extern const cal_entry_data calendar_entries[];
extern const size_t calendar_entry_count;

/* One listed day in a calendar object. */
typedef struct cal_entry {
    xxgk_date date;
    int notice;       /* the year whose notice announced it */
    cal_kind kind;
    const char *name; /* holiday name; "调休上班" for a workday */
} cal_entry;

#define CAL_FIRST_YEAR 2000
#define CAL_YEARS 1000

struct xxgk_calendar {
    arena a;                        /* names, numbers, sources */
    xxgk_holiday_notice *notices;   /* by year */
    size_t nnotices;
    cal_entry *entries;             /* by date */
    size_t nentries;
    bool known[CAL_YEARS];          /* a notice for year CAL_FIRST_YEAR + i */
    xxgk_date lo, hi;               /* the span of the dense index */
    int32_t *index;                 /* per day lo … hi: entry + 1, or 0 */
};

/* The first year the calendar has no notice for among the years that
 * `from` … `to` touch, or 0 when it knows them all. */
int cal_unknown_year(const xxgk_calendar *cal, xxgk_date from, xxgk_date to);

/* "2027年的放假安排尚未导入（国务院办公厅通知；xxgk holidays import）…" for
 * messages about an unknown year. */
const char *cal_unknown_reason(int year, char *buf, size_t size);


#endif
