/*
 * office.c — running LibreOffice headless on one document, for what
 * xxgk does not do itself: reading legacy DOC/WPS (read_legacy.c) and
 * writing PDF (render_pdf.c).
 *
 * Each conversion runs in a fresh temporary directory that is also its
 * HOME and its profile (-env:UserInstallation), so that conversions may
 * run side by side and leave nothing behind; it runs in a process group
 * of its own, killed whole when the time limit passes; the directory is
 * removed in every case. The library stays silent: the program's output
 * goes to /dev/null. The directory and the process group are registered
 * (tempfiles.c), so that a program stopped by SIGINT or SIGTERM kills the
 * converter and removes the directory from its signal handler too.
 */
#define _XOPEN_SOURCE 700 /* nftw(), to remove the LibreOffice profile tree */
#include "office.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "input.h"
#include "tempfiles.h"

extern char **environ;

/* The temporary directory's path fits DIR_MAX; paths inside it PATH_CAP. */
enum { DIR_MAX = 1024, PATH_CAP = DIR_MAX + 64 };

/* ---- the program ------------------------------------------------------- */

static bool executable(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* The LibreOffice program: $XXGK_SOFFICE, else soffice or libreoffice on
 * the PATH. */
bool office_find(char *path, size_t cap)
{
    const char *env = getenv("XXGK_SOFFICE");
    if (env && *env) {
        snprintf(path, cap, "%s", env);
        return executable(path);
    }
    const char *dirs = getenv("PATH");
    if (!dirs || !*dirs)
        dirs = "/usr/local/bin:/usr/bin:/bin";
    static const char *const names[] = {"soffice", "libreoffice"};
    for (int k = 0; k < 2; k++) {
        for (const char *d = dirs; *d;) {
            const char *colon = strchr(d, ':');
            size_t n = colon ? (size_t)(colon - d) : strlen(d);
            if (n && (size_t)snprintf(path, cap, "%.*s/%s", (int)n, d, names[k]) < cap &&
                executable(path))
                return true;
            d += n + (colon ? 1 : 0);
        }
    }
    return false;
}

static int timeout_seconds(void)
{
    const char *env = getenv("XXGK_CONVERT_TIMEOUT");
    long v = env ? strtol(env, NULL, 10) : 0;
    return v >= 1 && v <= 3600 ? (int)v : OFFICE_TIMEOUT;
}

/* ---- the temporary directory ---------------------------------------------- */

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

static void remove_tree(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static bool write_file(const char *path, const char *data, size_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return false;
    while (size) {
        ssize_t n = write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            close(fd);
            return false;
        }
        data += n;
        size -= (size_t)n;
    }
    return close(fd) == 0;
}

/* Reads a whole file of at most `limit` bytes into a malloc'd buffer. */
static char *read_file(const char *path, size_t limit, size_t *size, bool *too_large)
{
    *too_large = false;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct stat st;
    char *buf = NULL;
    if (fstat(fileno(f), &st) == 0 && st.st_size >= 0) {
        if ((size_t)st.st_size > limit) {
            *too_large = true;
        } else if ((buf = malloc((size_t)st.st_size + 1)) != NULL) {
            *size = fread(buf, 1, (size_t)st.st_size, f);
            if (*size != (size_t)st.st_size) {
                free(buf);
                buf = NULL;
            }
        }
    }
    fclose(f);
    return buf;
}

/* A file:// URL of a directory, percent-encoding what a URL cannot hold. */
static void file_url(const char *dir, char *url, size_t cap)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = (size_t)snprintf(url, cap, "file://");
    for (const unsigned char *p = (const unsigned char *)dir; *p && o + 4 < cap; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/._-~", *p)) {
            url[o++] = (char)*p;
        } else {
            url[o++] = '%';
            url[o++] = hex[*p >> 4];
            url[o++] = hex[*p & 15];
        }
    }
    url[o] = '\0';
}

/* ---- running the conversion -------------------------------------------------- */

/* The environment of the conversion: ours, with HOME in the temporary
 * directory (LibreOffice writes there). NULL when out of memory; the
 * array and *home_var are freed by the caller. */
static char **child_environment(const char *home, char **home_var)
{
    size_t n = 0;
    while (environ && environ[n])
        n++;
    char **env = calloc(n + 2, sizeof *env);
    *home_var = malloc(strlen(home) + 6);
    if (!env || !*home_var) {
        free(env);
        free(*home_var);
        return NULL;
    }
    sprintf(*home_var, "HOME=%s", home);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (strncmp(environ[i], "HOME=", 5) != 0)
            env[k++] = environ[i];
    env[k++] = *home_var;
    env[k] = NULL;
    return env;
}

typedef enum run_result { RUN_OK, RUN_FAILED, RUN_TIMEOUT, RUN_NOT_STARTED } run_result;

/* Runs argv in a process group of its own with no input and output,
 * waits at most `seconds`, then kills the whole group. The group is
 * recorded with the temporary directory's registration `temp`, so that a
 * signal handler kills it too (tempfiles.c). */
static run_result run(char *const argv[], char *const envp[], int seconds, int temp)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, &attr, argv, envp);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0)
        return RUN_NOT_STARTED;
    temp_set_group(temp, (int)pid);

    /* The leader is waited for without being reaped (WNOWAIT): while it
     * is a zombie its group id cannot be reused, so killing the group
     * (helpers it may leave behind, or all of it on timeout) reaches only
     * processes of this conversion. */
    struct timespec start, now, tick = {0, 20 * 1000 * 1000};
    clock_gettime(CLOCK_MONOTONIC, &start);
    run_result result = RUN_FAILED;
    for (;;) {
        siginfo_t info;
        memset(&info, 0, sizeof info);
        int r = waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT);
        if (r == 0 && info.si_pid == pid) {
            result = info.si_code == CLD_EXITED && info.si_status == 0 ? RUN_OK : RUN_FAILED;
            break;
        }
        if (r < 0 && errno != EINTR)
            break;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec >= seconds) {
            result = RUN_TIMEOUT;
            break;
        }
        nanosleep(&tick, NULL);
    }
    kill(-pid, SIGKILL);
    temp_set_group(temp, 0); /* before the leader is reaped and its id freed */
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return result;
}

/* Converts dir/input.<ext> into dir/out/ with `filter`. */
static xxgk_status convert(const char *soffice, const char *dir, int temp, const char *input,
                           const char *filter, const char *what, xxgk_error *err)
{
    char path[PATH_CAP], url[3 * PATH_CAP + 16], profile[3 * PATH_CAP + 64], outdir[PATH_CAP];
    snprintf(path, sizeof path, "%s/profile", dir);
    file_url(path, url, sizeof url);
    snprintf(profile, sizeof profile, "-env:UserInstallation=%s", url);
    snprintf(outdir, sizeof outdir, "%s/out", dir);
    char *argv[] = {(char *)soffice, "--headless",  "--invisible",  "--norestore",
                    "--nolockcheck", "--nodefault", "--nologo",     profile,
                    "--convert-to",  (char *)filter, "--outdir",    outdir,
                    (char *)input,   NULL};
    char *home_var;
    char **envp = child_environment(dir, &home_var);
    if (!envp)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    int seconds = timeout_seconds();
    run_result r = run(argv, envp, seconds, temp);
    free(envp);
    free(home_var);
    switch (r) {
    case RUN_OK:
        return XXGK_OK;
    case RUN_NOT_STARTED:
        return error_set(err, XXGK_E_UNSUPPORTED, "无法启动 LibreOffice（%s），不能%s", soffice,
                         what);
    case RUN_TIMEOUT:
        return error_set(err, XXGK_E_UNSUPPORTED,
                         "LibreOffice %s超时（%d 秒）；可用环境变量 XXGK_CONVERT_TIMEOUT 放宽时限",
                         what, seconds);
    default:
        return error_set(err, XXGK_E_UNSUPPORTED, "LibreOffice 无法%s（文件可能已损坏或加密）",
                         what);
    }
}

static xxgk_status convert_in(const char *soffice, const char *dir, int temp,
                              const office_job *job, char **out, size_t *out_size,
                              xxgk_error *err)
{
    char path[PATH_CAP], input[PATH_CAP];
    snprintf(path, sizeof path, "%s/out", dir);
    if (mkdir(path, 0700) != 0)
        return error_set(err, XXGK_E_IO, "无法创建临时目录：%s", sys_error_text(errno));
    snprintf(input, sizeof input, "%s/input.%s", dir, job->in_ext);
    if (!write_file(input, job->data, job->size))
        return error_set(err, XXGK_E_IO, "无法写入临时文件：%s", sys_error_text(errno));
    xxgk_status st = convert(soffice, dir, temp, input, job->filter, job->what, err);
    if (st != XXGK_OK)
        return st;
    snprintf(path, sizeof path, "%s/out/input.%s", dir, job->out_ext);
    bool too_large;
    *out = read_file(path, job->limit, out_size, &too_large);
    if (!*out)
        return too_large ? error_set(err, XXGK_E_TOO_LARGE, "LibreOffice %s得到的文件过大",
                                     job->what)
                         : error_set(err, XXGK_E_UNSUPPORTED, "LibreOffice 没能%s", job->what);
    return XXGK_OK;
}

xxgk_status office_convert(const office_job *job, char **out, size_t *out_size, xxgk_error *err)
{
    *out = NULL;
    *out_size = 0;
    char soffice[4096];
    if (!office_find(soffice, sizeof soffice))
        return error_set(err, XXGK_E_UNSUPPORTED, "%s需要 LibreOffice（soffice），但本机没有安装；"
                                                  "请安装 %s",
                         job->what, job->package);
    const char *tmp = getenv("TMPDIR");
    char dir[DIR_MAX];
    if ((size_t)snprintf(dir, sizeof dir, "%s/xxgk-convert-XXXXXX", tmp && *tmp ? tmp : "/tmp") >=
            sizeof dir ||
        !mkdtemp(dir))
        return error_set(err, XXGK_E_IO, "无法创建临时目录：%s", sys_error_text(errno));
    int temp = temp_register(dir, true);
    xxgk_status st = convert_in(soffice, dir, temp, job, out, out_size, err);
    remove_tree(dir);
    temp_forget(temp);
    return st;
}
