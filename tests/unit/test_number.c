/* test_number.c — cell values: digits in both widths, signs, units,
 * measure words, blanks and what is not a number. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "number.h"
#include "unit.h"
#include "utf8.h"

static const char *parsed(const char *s, int *kind, unsigned *flags)
{
    static char buf[48];
    cell_value v;
    value_parse(s, strlen(s), &v);
    *kind = v.kind;
    *flags = v.flags;
    buf[0] = '\0';
    if (v.kind == VALUE_NUMBER)
        xxgk_decimal_format(v.num, buf, sizeof buf);
    return buf;
}

static void plain_numbers(void)
{
    int k;
    unsigned f;
    CHECK_STR(parsed("0", &k, &f), "0");
    CHECK_INT(k, VALUE_NUMBER);
    CHECK_STR(parsed("１２", &k, &f), "12");
    CHECK_STR(parsed(" 3960 ", &k, &f), "3960");
    CHECK_STR(parsed("-185", &k, &f), "-185");
    CHECK_STR(parsed("－15", &k, &f), "-15");
    CHECK_STR(parsed("1306.14", &k, &f), "1306.14");
    CHECK_STR(parsed("[bookmark: _GoBack]0", &k, &f), "0");
    CHECK_STR(parsed("1,234", &k, &f), "1234");
}

static void units_and_measures(void)
{
    int k;
    unsigned f;
    CHECK_STR(parsed("11个", &k, &f), "11");
    CHECK(f & XXGK_CELL_MEASURE);
    CHECK_STR(parsed("177件", &k, &f), "177");
    CHECK_STR(parsed("14667元", &k, &f), "14667");
    CHECK(f & XXGK_CELL_UNIT_YUAN);
    CHECK_STR(parsed("185.5897万元", &k, &f), "185.5897");
    CHECK(f & XXGK_CELL_UNIT_WANYUAN);
}

static void blanks(void)
{
    int k;
    unsigned f;
    parsed("", &k, &f);
    CHECK_INT(k, VALUE_BLANK);
    parsed("\xC2\xA0", &k, &f); /* NBSP only (sample 004) */
    CHECK_INT(k, VALUE_BLANK);
    parsed("　", &k, &f);
    CHECK_INT(k, VALUE_BLANK);
    parsed("—", &k, &f);
    CHECK_INT(k, VALUE_BLANK);
    CHECK(f & XXGK_CELL_DASH);
    parsed("无", &k, &f);
    CHECK_INT(k, VALUE_BLANK);
}

static void not_numbers(void)
{
    int k;
    unsigned f;
    parsed("规章", &k, &f);
    CHECK_INT(k, VALUE_TEXT);
    parsed("1.属于国家秘密", &k, &f);
    CHECK_INT(k, VALUE_TEXT);
    parsed("2.", &k, &f);
    CHECK_INT(k, VALUE_TEXT);
    parsed("12a", &k, &f);
    CHECK_INT(k, VALUE_TEXT);
    parsed("99999999999999999999999", &k, &f);
    CHECK_INT(k, VALUE_TEXT);
}

/* Construct 8 of issue 11: a note in brackets after the value. */
static void notes_in_brackets(void)
{
    int k;
    unsigned f;
    CHECK_STR(parsed("22（其中修订16件）", &k, &f), "22");
    CHECK_INT(k, VALUE_NUMBER);
    CHECK_STR(parsed("22(含规范性文件3件)", &k, &f), "22");
    CHECK_STR(parsed("212件（含变更登记15件）", &k, &f), "212");
    CHECK(f & XXGK_CELL_MEASURE);
    CHECK_STR(parsed(" 7 （另有2件转办） ", &k, &f), "7");
    CHECK_STR(parsed("36.8（万元）", &k, &f), "36.8");
    CHECK(f & XXGK_CELL_UNIT_WANYUAN);
    CHECK_STR(parsed("14667(元)", &k, &f), "14667");
    CHECK(f & XXGK_CELL_UNIT_YUAN);
    /* what is not such a note stays text */
    const char *text[] = {"22(3)",        "22（3件）",      "（其中修订16件）", "22（其中修订",
                          "22（含（修订）16件）", "22）含修订（",  "22（含）3",      "abc（含修订）",
                          "5元（元）",    "22(含修订)(含废止)", "—（无）", NULL};
    for (int i = 0; text[i]; i++) {
        parsed(text[i], &k, &f);
        if (k != VALUE_TEXT)
            fprintf(stderr, "  '%s' read as a value\n", text[i]);
        CHECK_INT(k, VALUE_TEXT);
    }
}

static void conversions(void)
{
    char buf[48];
    xxgk_decimal d = {14667, 0};
    CHECK(decimal_yuan_to_wanyuan(&d));
    CHECK_STR(xxgk_decimal_format(d, buf, sizeof buf), "1.4667");
    d = (xxgk_decimal){539443252, 2};
    CHECK(decimal_yuan_to_wanyuan(&d));
    CHECK_STR(xxgk_decimal_format(d, buf, sizeof buf), "539.443252");
    d = (xxgk_decimal){1850, 2};
    CHECK_STR(xxgk_decimal_format(d, buf, sizeof buf), "18.5");
    d = (xxgk_decimal){5, 3};
    CHECK_STR(xxgk_decimal_format(d, buf, sizeof buf), "0.005");
    d = (xxgk_decimal){-5, 1};
    CHECK_STR(xxgk_decimal_format(d, buf, sizeof buf), "-0.5");
    int64_t i;
    CHECK(decimal_to_int((xxgk_decimal){300, 2}, &i));
    CHECK_INT(i, 3);
    CHECK(!decimal_to_int((xxgk_decimal){301, 2}, &i));
}

/* xxgk_decimal_format against a plain printf of the same number: every
 * scale to 18, signs, the extremes, and buffers too small. */
static void format_agrees(void)
{
    static const int64_t units[] = {0, 1, -1, 7, 10, -10, 123456789, -987654321, 1000000,
                                    INT64_MAX, INT64_MIN, INT64_MIN + 1, 5, 50, 500};
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
        for (uint8_t scale = 0; scale <= 18; scale++) {
            xxgk_decimal d = decimal_normalise((xxgk_decimal){units[u], scale});
            /* the reference: the integer, then the point put in by hand */
            char digits[40], want[64];
            unsigned long long mag = d.units < 0 ? 0ULL - (unsigned long long)d.units
                                                 : (unsigned long long)d.units;
            int nd = snprintf(digits, sizeof digits, "%llu", mag);
            int o = 0;
            if (d.units < 0)
                want[o++] = '-';
            if (d.scale == 0) {
                o += snprintf(want + o, sizeof want - (size_t)o, "%s", digits);
            } else if (nd <= d.scale) {
                o += snprintf(want + o, sizeof want - (size_t)o, "0.%0*d%s", d.scale - nd, 0,
                              digits);
                if (d.scale - nd == 0) /* %0*d of width 0 still prints one 0 */
                    o = snprintf(want, sizeof want, "%s0.%s", d.units < 0 ? "-" : "", digits);
            } else {
                o += snprintf(want + o, sizeof want - (size_t)o, "%.*s.%s", nd - d.scale,
                              digits, digits + nd - d.scale);
            }
            char got[48];
            CHECK_STR(xxgk_decimal_format((xxgk_decimal){units[u], scale}, got, sizeof got),
                      want);
            for (size_t cap = 1; cap < 6; cap++) { /* cut as snprintf cuts */
                char small[8], cut[8];
                size_t keep = strlen(want) < cap - 1 ? strlen(want) : cap - 1;
                memcpy(cut, want, keep); /* as snprintf would cut it */
                cut[keep] = '\0';
                CHECK_STR(xxgk_decimal_format((xxgk_decimal){units[u], scale}, small, cap), cut);
            }
        }
}

/* Page footers inside a table of converted text are passed over; a
 * value on a line of its own is not one (18.5 万元, a lone -2 of 本年增/减). */
static void page_numbers(void)
{
    const char *pages[] = {"-2-", "— 3 —", "第2页", "第 2 页 共 5 页", "2/5", "Page 2", NULL};
    for (int i = 0; pages[i]; i++)
        CHECK(text_is_page_number(pages[i], strlen(pages[i]), true));
    const char *values[] = {"18.5", "1306.14", "-2", "2", "—", "12.5-", NULL};
    for (int i = 0; values[i]; i++)
        CHECK(!text_is_page_number(values[i], strlen(values[i]), true));
    /* unmarked (PDF footers by position): a bare number is one */
    CHECK(text_is_page_number("3", 1, false));
    CHECK(!text_is_page_number("18.5", 4, false));
}

const struct unit_case unit_cases[] = {
    {"page_numbers", page_numbers},
    {"format_agrees", format_agrees},
    {"plain_numbers", plain_numbers},
    {"units_and_measures", units_and_measures},
    {"blanks", blanks},
    {"not_numbers", not_numbers},
    {"notes_in_brackets", notes_in_brackets},
    {"conversions", conversions},
    {NULL, NULL},
};
