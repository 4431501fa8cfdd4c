/*
 * bench_parse.c — parse (and parse + check) throughput of libxxgk over a
 * set of report files, in one process, one core: MB/s, reports/s, and
 * peak resident memory, which must not grow with the number of files.
 *
 * usage: bench_parse [--once parse|check] FILE...   (or a list of files on
 * stdin with -). --once makes a single pass of the one kind and prints
 * nothing but its line: for counting instructions under callgrind, where
 * the warm-up and the rounds would only blur the figure.
 */
#define _POSIX_C_SOURCE 200809L
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

/* CPU time of this process (user + system): the one-core figure, which
 * other work on the machine does not inflate the way it does wall time. */
static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
           ru.ru_stime.tv_usec / 1e6;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

typedef struct run {
    double seconds, cpu;
    size_t bytes, reports, failed, findings;
} run;

/* One pass over the files: read each into a reused buffer, parse, check
 * when asked, free. */
static run pass(char **files, int n, int check)
{
    run r = {0, 0, 0, 0, 0, 0};
    size_t cap = 1 << 20;
    char *buf = malloc(cap);
    double t0 = now(), c0 = cpu_seconds();
    for (int i = 0; i < n; i++) {
        FILE *f = fopen(files[i], "rb");
        if (!f) {
            r.failed++;
            continue;
        }
        size_t got = fread(buf, 1, cap, f);
        fclose(f);
        xxgk_report *rep = NULL;
        xxgk_error err;
        if (xxgk_report_parse(buf, got, files[i], &rep, &err) != XXGK_OK) {
            r.failed++;
            continue;
        }
        if (check) {
            xxgk_report_check(rep, NULL);
            r.findings += xxgk_report_finding_count(rep);
        }
        xxgk_report_free(rep);
        r.bytes += got;
        r.reports++;
    }
    r.seconds = now() - t0;
    r.cpu = cpu_seconds() - c0;
    free(buf);
    return r;
}

static void print_run(const char *name, run r)
{
    printf("%-12s %6zu reports %5.1f MB  cpu %6.3f s: %6.1f MB/s %6.0f reports/s"
           "  (wall %.3f s; %zu unreadable)\n",
           name, r.reports, (double)r.bytes / 1e6, r.cpu, (double)r.bytes / 1e6 / r.cpu,
           (double)r.reports / r.cpu, r.seconds, r.failed);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_parse FILE... | -\n");
        return 2;
    }
    int once = -1; /* --once: 0 parse, 1 parse + check */
    if (argc > 3 && !strcmp(argv[1], "--once")) {
        once = !strcmp(argv[2], "check");
        argv += 2;
        argc -= 2;
    }
    char **files = argv + 1;
    int n = argc - 1;
    if (!strcmp(argv[1], "-")) {
        size_t cap = 1024, len = 0;
        files = malloc(cap * sizeof *files);
        char line[4096];
        while (fgets(line, sizeof line, stdin)) {
            line[strcspn(line, "\n")] = '\0';
            if (len == cap)
                files = realloc(files, (cap *= 2) * sizeof *files);
            files[len++] = strdup(line);
        }
        n = (int)len;
    }
    if (once >= 0) {
        print_run(once ? "parse+check" : "parse", pass(files, n, once));
        return 0;
    }
    pass(files, n < 50 ? n : 50, 1); /* warm the page cache and the registry */
    long rss_warm = peak_rss_kb();
    /* Three rounds each, alternating, the fastest kept: file reads and
     * other work on the machine only ever make a round slower. */
    run parse = pass(files, n, 0), check = pass(files, n, 1);
    for (int round = 1; round < 3; round++) {
        run p = pass(files, n, 0), c = pass(files, n, 1);
        if (p.cpu < parse.cpu)
            parse = p;
        if (c.cpu < check.cpu)
            check = c;
    }
    print_run("parse", parse);
    print_run("parse+check", check);
    printf("check costs %.1f%% on top of parse (cpu time); %zu findings\n",
           (check.cpu / parse.cpu - 1) * 100, check.findings);
    printf("peak RSS %.1f MB after the first 50 files, %.1f MB after %d files "
           "(fastest of 3 rounds shown)\n",
           rss_warm / 1024.0, peak_rss_kb() / 1024.0, 6 * n + 50);
    return 0;
}
