/* A program a consumer writes against the installed libxxgk: reads a
 * report, checks it, prints its year, its 表三 总计 and its error count. */
#include <stdio.h>

#include <xxgk.h>

int main(int argc, char **argv)
{
    xxgk_report *r = NULL;
    xxgk_error err;
    if (argc < 2 || xxgk_report_read_file(argv[1], &r, &err) != XXGK_OK) {
        fprintf(stderr, "tiny: %s\n", argc < 2 ? "usage: tiny FILE" : err.message);
        return 2;
    }
    xxgk_report_check(r, NULL);
    const xxgk_cell *total = xxgk_report_cell(r, (size_t)xxgk_cell_find("t3.total.total"));
    char buf[32];
    printf("%d %s %zu\n", xxgk_report_meta(r)->year,
           total->kind == XXGK_VALUE_NUMBER ? xxgk_decimal_format(total->value, buf, sizeof buf)
                                            : "-",
           xxgk_report_count(r, XXGK_ERROR));
    xxgk_report_free(r);
    return 0;
}
