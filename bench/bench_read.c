/*
 * bench_read.c — in-process reading benchmark: how long xxgk_report_parse
 * takes on each file, without process start-up, and how much memory the
 * whole run needed at its peak.
 *
 *   bench_read [-n MIN_ITERATIONS] FILE...
 *   bench_read --exec RUNS COMMAND [ARG...]
 *
 * Prints, per file: size, iterations, CPU microseconds per parse (CPU
 * time, not wall time: the machines this runs on are shared), MB/s; then
 * the peak resident set size of the process.
 *
 * With --exec, runs the command RUNS times (output to /dev/null) and
 * prints the CPU microseconds (user + system) one run took on average
 * and the largest peak resident set size in KB, for comparing whole
 * programs (xxgk against pandoc) without a shell's cost in the figures.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "xxgk.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc(n > 0 ? (size_t)n : 1);
    *size = buf ? fread(buf, 1, (size_t)n, f) : 0;
    fclose(f);
    return buf;
}

extern char **environ;

static int exec_runs(int runs, char **argv)
{
    for (int i = 0; i < runs; i++) {
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
        pid_t pid;
        int st;
        if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0) {
            fprintf(stderr, "bench_read: cannot run %s\n", argv[0]);
            return 2;
        }
        posix_spawn_file_actions_destroy(&fa);
        waitpid(pid, &st, 0);
    }
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
                 ((double)ru.ru_utime.tv_usec + (double)ru.ru_stime.tv_usec) / 1e6;
    printf("%.0f %ld\n", cpu / runs * 1e6, ru.ru_maxrss);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 3 && !strcmp(argv[1], "--exec"))
        return exec_runs(atoi(argv[2]) > 0 ? atoi(argv[2]) : 1, argv + 3);
    int min_iter = 20, first = 1;
    if (argc > 2 && !strcmp(argv[1], "-n")) {
        min_iter = atoi(argv[2]);
        first = 3;
    }
    printf("%-44s %10s %6s %12s %8s\n", "file", "bytes", "iter", "CPU us/parse", "MB/s");
    for (int i = first; i < argc; i++) {
        size_t size;
        char *data = slurp(argv[i], &size);
        if (!data) {
            fprintf(stderr, "bench_read: cannot read %s\n", argv[i]);
            return 2;
        }
        int iter = 0;
        double start = now(), elapsed;
        do {
            xxgk_report *r = NULL;
            xxgk_error err;
            if (xxgk_report_parse(data, size, argv[i], &r, &err) != XXGK_OK) {
                fprintf(stderr, "bench_read: %s: %s\n", argv[i], err.message);
                return 2;
            }
            xxgk_report_free(r);
            iter++;
            elapsed = now() - start;
        } while (iter < min_iter || elapsed < 0.5);
        const char *name = strrchr(argv[i], '/');
        printf("%-44s %10zu %6d %12.0f %8.1f\n", name ? name + 1 : argv[i], size, iter,
               elapsed / iter * 1e6, (double)size * iter / elapsed / 1e6);
        free(data);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS of the whole run: %ld KB\n", ru.ru_maxrss);
    return 0;
}
