/*
 * bench_render.c — rendering throughput: how long N reports take to
 * render in each output format, on one core, in memory (the work of
 * `xxgk render` without the disk). The reports are the models of the
 * sample reports given on the command line, used in turn.
 *
 * Usage: bench_render [-n N] REPORT...   (N DOCX reports; default 1000)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "xxgk.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Renders n reports in format f into one reused memory stream. */
static int run(xxgk_report **reports, int nreports, xxgk_render_format f, int n)
{
    char *buf = NULL;
    size_t size = 0, bytes = 0;
    FILE *o = open_memstream(&buf, &size);
    if (!o)
        return -1;
    double t0 = now(), c0 = cpu();
    for (int i = 0; i < n; i++) {
        xxgk_error err;
        rewind(o);
        if (xxgk_report_render(reports[i % nreports], f, o, &err) != XXGK_OK) {
            fprintf(stderr, "bench_render: %s\n", err.message);
            fclose(o);
            free(buf);
            return -1;
        }
        fflush(o);
        bytes += (size_t)ftell(o);
    }
    double wall = now() - t0, used = cpu() - c0;
    printf("render %-5s %5d reports  %7.3f s  %8.0f reports/s  %6.3f ms each  "
           "cpu %6.3f s  %6.1f KB each\n",
           xxgk_render_format_extension(f), n, wall, n / wall, wall * 1000 / n, used,
           (double)bytes / n / 1024);
    fclose(o);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    int n = 1000, first = 1;
    if (argc > 2 && !strcmp(argv[1], "-n")) {
        n = atoi(argv[2]);
        first = 3;
    }
    xxgk_report *reports[64];
    int nreports = 0;
    for (int i = first; i < argc && nreports < 64; i++) {
        xxgk_error err;
        if (xxgk_report_read_file(argv[i], &reports[nreports], &err) != XXGK_OK) {
            fprintf(stderr, "bench_render: %s: %s\n", argv[i], err.message);
            return 2;
        }
        nreports++;
    }
    if (!nreports || n <= 0) {
        fprintf(stderr, "usage: bench_render [-n N] REPORT...\n");
        return 2;
    }
    static const xxgk_render_format formats[] = {XXGK_RENDER_DOCX,     XXGK_RENDER_HTML,
                                                 XXGK_RENDER_MARKDOWN, XXGK_RENDER_TEXT,
                                                 XXGK_RENDER_JSON,     XXGK_RENDER_XLSX};
    int rc = 0;
    for (size_t k = 0; k < sizeof formats / sizeof formats[0] && rc == 0; k++)
        /* XLSX goes through a temporary file (libxlsxwriter): fewer. */
        rc = run(reports, nreports, formats[k], formats[k] == XXGK_RENDER_XLSX ? n / 10 : n);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("render: peak memory (max RSS) %ld KB\n", ru.ru_maxrss);
    for (int i = 0; i < nreports; i++)
        xxgk_report_free(reports[i]);
    return rc ? 1 : 0;
}
