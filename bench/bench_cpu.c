/*
 * bench_cpu.c — the CPU time of a whole command, for comparing programs
 * on a machine shared with others: the command is run RUNS times (its
 * output to /dev/null) and the best and the median CPU time of one run
 * (user + system, from wait4) are printed, with its largest peak
 * resident set size. The best run is the one least disturbed by the
 * neighbours; wall time is not measured at all.
 *
 *   bench_cpu RUNS COMMAND [ARG...]
 *
 * prints "BEST_US MEDIAN_US PEAK_KB", or fails (status 2) when the
 * command cannot be started or does not exit 0, 1 or 2.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern char **environ;

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int runs = argc > 2 ? atoi(argv[1]) : 0;
    if (runs <= 0) {
        fprintf(stderr, "usage: bench_cpu RUNS COMMAND [ARG...]\n");
        return 2;
    }
    double *t = malloc((size_t)runs * sizeof *t);
    long peak = 0;
    for (int i = 0; i < runs; i++) {
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
        pid_t pid;
        if (posix_spawnp(&pid, argv[2], &fa, NULL, argv + 2, environ) != 0) {
            fprintf(stderr, "bench_cpu: cannot run %s\n", argv[2]);
            return 2;
        }
        posix_spawn_file_actions_destroy(&fa);
        int st;
        struct rusage ru;
        if (wait4(pid, &st, 0, &ru) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) > 2) {
            fprintf(stderr, "bench_cpu: %s failed\n", argv[2]);
            return 2;
        }
        t[i] = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e6 +
               (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
        if (ru.ru_maxrss > peak)
            peak = ru.ru_maxrss;
    }
    qsort(t, (size_t)runs, sizeof *t, cmp);
    printf("%.0f %.0f %ld\n", t[0], t[runs / 2], peak);
    free(t);
    return 0;
}
