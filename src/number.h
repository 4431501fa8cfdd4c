/*
 * number.h — reading the value of a table cell: "0", "-185", "１２",
 * "11个", "177件", "14667元", "185.5897万元", "1,234", or blank; a note in
 * brackets after the value is not part of it ("22（其中修订16件）" is 22,
 * "36.8（万元）" is 36.8 万元).
 */
#ifndef XXGK_NUMBER_H
#define XXGK_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xxgk.h"

enum { VALUE_TEXT = 0, VALUE_BLANK, VALUE_NUMBER };

typedef struct cell_value {
    int kind;          /* VALUE_TEXT (not a value), VALUE_BLANK, VALUE_NUMBER */
    xxgk_decimal num;  /* as written, before any unit conversion */
    uint32_t flags;    /* XXGK_CELL_UNIT_*, XXGK_CELL_MEASURE, XXGK_CELL_DASH */
} cell_value;

/* Parses a cell. Anything that is not blank and not a number (with an
 * optional unit or measure word, and an optional note in brackets) is
 * VALUE_TEXT. */
void value_parse(const char *s, size_t len, cell_value *out);

/* Converts a value written in 元 to 万元 (exactly: four more decimal
 * places). Returns false when it would overflow. */
bool decimal_yuan_to_wanyuan(xxgk_decimal *d);

/* Drops trailing fractional zeros: 18.50 → 18.5. */
xxgk_decimal decimal_normalise(xxgk_decimal d);

/* Integer value of a count; false when it has a fraction. */
bool decimal_to_int(xxgk_decimal d, int64_t *out);

#endif
