/*
 * date.c — calendar dates as day numbers (days since 1970-01-01), the
 * one representation the register computes with: parsing and writing
 * ISO `YYYY-MM-DD`, splitting into year/month/day, the weekday, today.
 *
 * The conversions are the proleptic Gregorian "days from civil" and its
 * inverse, exact for every year the register accepts (2000–2999).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "xxgk.h"

/* Days from 1970-01-01 to y-m-d (the 400-year era method: March-based
 * years so that the leap day ends the year). */
static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : n[m - 1];
}

xxgk_date xxgk_date_make(int year, int month, int day)
{
    if (year < 2000 || year > 2999 || month < 1 || month > 12 || day < 1 ||
        day > month_days(year, month))
        return 0;
    return days_from_civil(year, month, day);
}

void xxgk_date_split(xxgk_date date, int *year, int *month, int *day)
{
    if (!date) {
        *year = *month = *day = 0;
        return;
    }
    int32_t z = date + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = (int)(z - era * 146097);
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    *year = yoe + era * 400 + (m <= 2);
    *month = m;
    *day = d;
}

bool xxgk_date_parse(const char *text, xxgk_date *out)
{
    if (!text || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
            return false;
    int y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    int m = (text[5] - '0') * 10 + (text[6] - '0');
    int d = (text[8] - '0') * 10 + (text[9] - '0');
    xxgk_date v = xxgk_date_make(y, m, d);
    if (!v)
        return false;
    *out = v;
    return true;
}

char *xxgk_date_format(xxgk_date date, char *buf, size_t size)
{
    if (!size)
        return buf;
    int y, m, d;
    xxgk_date_split(date, &y, &m, &d);
    if (!date)
        buf[0] = '\0';
    else
        snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
    return buf;
}

int xxgk_date_weekday(xxgk_date date)
{
    /* 1970-01-01 was a Thursday (4). */
    int w = (int)((date % 7 + 7) % 7); /* 0 = Thursday */
    return (w + 3) % 7 + 1;
}

xxgk_date xxgk_date_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm))
        return 0;
    return xxgk_date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
