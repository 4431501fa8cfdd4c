/*
 * quiet.h — keeping a library's own messages off our standard error:
 * libxlsxwriter prints "[ERROR] …" and "[WARNING] …" lines to stderr
 * and has no way to turn them off, so while it works, descriptor 2 is
 * pointed at a capture file, and what it said is turned into our
 * message afterwards.
 */
#ifndef XXGK_QUIET_H
#define XXGK_QUIET_H

#include <stddef.h>
#include <stdio.h>

typedef struct quiet_stderr {
    int saved;       /* the real descriptor 2, or -1 when not redirected */
    FILE *capture;   /* where descriptor 2 points meanwhile */
} quiet_stderr;

/* Redirects descriptor 2 to a capture file. Process-wide: call it only
 * where no other thread may be printing (the XLSX writers run on the
 * command's one thread). */
void quiet_begin(quiet_stderr *q);
/* Restores descriptor 2 and copies into `why` the reason the captured
 * text gives ("System error = …" of libxlsxwriter), or "" when it gives
 * none. The captured text never reaches the real stderr. */
void quiet_end(quiet_stderr *q, char *why, size_t size);

#endif
