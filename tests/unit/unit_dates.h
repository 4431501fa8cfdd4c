/*
 * unit_dates.h — dates in tests of the calendar and the register:
 * D("2024-10-08") for a date, F(d) for its text (four at a time may be
 * in use in one expression).
 */
#ifndef XXGK_UNIT_DATES_H
#define XXGK_UNIT_DATES_H

#include <stdio.h>

#include "xxgk.h"

static inline xxgk_date D(const char *s)
{
    xxgk_date d = 0;
    if (!xxgk_date_parse(s, &d))
        fprintf(stderr, "bad test date %s\n", s);
    return d;
}

static inline const char *F(xxgk_date d)
{
    static char buf[4][11];
    static int k;
    return xxgk_date_format(d, buf[k++ % 4], 11);
}

#endif
