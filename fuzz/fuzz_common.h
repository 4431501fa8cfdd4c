/*
 * fuzz_common.h — what every harness does with a report it could read:
 * run the checker and write every output form to /dev/null, so that a
 * reader's strange output meets the code downstream too.
 */
#ifndef XXGK_FUZZ_COMMON_H
#define XXGK_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>

#include "xxgk.h"

/* Legacy DOC/WPS files go to LibreOffice (read_legacy.c): seconds per
 * input. The harnesses name a converter that does not exist, so such
 * inputs end at once with their error. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    setenv("XXGK_SOFFICE", "/nonexistent/soffice", 1);
    return 0;
}

static inline void fuzz_parse(const char *data, size_t size)
{
    static FILE *devnull;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    xxgk_report *r = NULL;
    xxgk_error err;
    if (xxgk_report_parse(data, size, "fuzz", &r, &err) != XXGK_OK)
        return;
    xxgk_report_check(r, NULL);
    xxgk_report_write_json(r, devnull);
    xxgk_report_write_cells(r, NULL, devnull);
    xxgk_report_write_findings_json(r, XXGK_NOTE, devnull);
    xxgk_report_free(r);
}

#endif
