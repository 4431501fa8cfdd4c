/*
 * atomic.c — writing a file so that readers never see half of it, and
 * never replacing what is not a regular file.
 *
 * What the output path names decides how it is written:
 *   - a new name, or a regular file (with overwrite): the content goes to
 *     a temporary file in the target's directory (the same file system,
 *     so the final step is atomic), is flushed and synced to disk, and
 *     then put in place: rename() when replacing is allowed, link()
 *     otherwise, which fails with EEXIST instead of replacing a file that
 *     appeared meanwhile. The directory is synced so the new name survives
 *     a crash;
 *   - a symbolic link is followed, link by link, and the rules apply to
 *     where it leads (a link to a regular file replaces that file's
 *     content, never the link);
 *   - a device, a FIFO or a socket is opened and written directly: it
 *     cannot be replaced, and rename() would turn /dev/null or a pipe
 *     into a plain file;
 *   - /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N name a
 *     descriptor this process already has: it is written through a copy
 *     of that descriptor (sharing its offset), whatever it is open on.
 * Direct writes need no overwrite permission: nothing is replaced.
 * Temporary files are registered (tempfiles.c) so that a signal handler
 * can remove them.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"
#include "render.h"
#include "tempfiles.h"

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

static void release(atomic_file *af)
{
    if (af->f)
        fclose(af->f);
    temp_forget(af->temp_handle);
    if (af->spool) {
        unlink(af->spool);
        temp_forget(af->spool_handle);
        free(af->spool);
    }
    free(af->tmp_path);
    free(af->path);
    free(af->final);
    memset(af, 0, sizeof *af);
    af->temp_handle = af->spool_handle = -1;
}

/* The descriptor a path names when it is one of this process's own
 * (/dev/stdout, /dev/fd/1, /proc/self/fd/1, /proc/<our pid>/fd/1), else -1. */
static int own_descriptor(const char *path)
{
    if (!strcmp(path, "/dev/stdout"))
        return 1;
    if (!strcmp(path, "/dev/stderr"))
        return 2;
    const char *rest = NULL;
    char mine[64];
    snprintf(mine, sizeof mine, "/proc/%ld/fd/", (long)getpid());
    static const char *const prefixes[] = {"/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0] && !rest; i++)
        if (!strncmp(path, prefixes[i], strlen(prefixes[i])))
            rest = path + strlen(prefixes[i]);
    if (!rest && !strncmp(path, mine, strlen(mine)))
        rest = path + strlen(mine);
    if (!rest || *rest < '0' || *rest > '9')
        return -1;
    char *end;
    long fd = strtol(rest, &end, 10);
    return *end || fd > INT_MAX ? -1 : (int)fd;
}

/* What the output path leads to, once symbolic links are followed. */
typedef enum target_kind { T_NEW, T_REGULAR, T_SPECIAL, T_DESCRIPTOR } target_kind;

/* Follows `path` link by link (at most 40) to what it names. *final is
 * the malloc'd path of the last step; *fd the descriptor for
 * T_DESCRIPTOR; *mode the mode of an existing regular file. */
static xxgk_status resolve(const char *path, target_kind *kind, char **final, int *fd,
                           mode_t *mode, xxgk_error *err)
{
    char *cur = strdup(path);
    for (int hops = 0; cur && hops < 40; hops++) {
        struct stat st;
        if ((*fd = own_descriptor(cur)) >= 0) {
            *kind = T_DESCRIPTOR;
            *final = cur;
            return XXGK_OK;
        }
        if (lstat(cur, &st) != 0) {
            int e = errno;
            if (e != ENOENT) {
                free(cur);
                return error_set(err, XXGK_E_IO, "%s：无法写入：%s", path, sys_error_text(e));
            }
            *kind = T_NEW;
            *final = cur;
            return XXGK_OK;
        }
        if (S_ISLNK(st.st_mode)) {
            char target[PATH_MAX];
            ssize_t n = readlink(cur, target, sizeof target - 1);
            if (n < 0) {
                int e = errno;
                free(cur);
                return error_set(err, XXGK_E_IO, "%s：无法读取符号链接：%s", path, sys_error_text(e));
            }
            target[n] = '\0';
            char *next;
            if (target[0] == '/') {
                next = strdup(target);
            } else {
                char *dir = dir_of(cur);
                size_t len = (dir ? strlen(dir) : 0) + (size_t)n + 2;
                next = dir ? malloc(len) : NULL;
                if (next)
                    snprintf(next, len, "%s/%s", dir, target);
                free(dir);
            }
            free(cur);
            cur = next;
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            free(cur);
            return error_set(err, XXGK_E_IO, "%s：是一个目录", path);
        }
        *kind = S_ISREG(st.st_mode) ? T_REGULAR : T_SPECIAL;
        *mode = st.st_mode & 07777;
        *final = cur;
        return XXGK_OK;
    }
    if (!cur)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    free(cur);
    return error_set(err, XXGK_E_IO, "%s：符号链接层数过多", path);
}

/* Opens a device, FIFO or own descriptor for writing in place. */
static xxgk_status open_direct(atomic_file *af, target_kind kind, int own, xxgk_error *err)
{
    int fd = kind == T_DESCRIPTOR ? fcntl(own, F_DUPFD_CLOEXEC, 3)
                                  : open(af->final, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return error_set(err, XXGK_E_IO, "%s：无法写入：%s", af->path, sys_error_text(errno));
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || (flags & O_ACCMODE) == O_RDONLY) {
        close(fd);
        return error_set(err, XXGK_E_IO, "%s：无法写入：描述符不可写", af->path);
    }
    af->f = fdopen(fd, "wb");
    if (!af->f) {
        close(fd);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    af->direct = true;
    return XXGK_OK;
}

/* Creates the temporary file beside the final path. */
static xxgk_status open_temporary(atomic_file *af, mode_t keep_mode, xxgk_error *err)
{
    char *dir = dir_of(af->final);
    const char *base = strrchr(af->final, '/') ? strrchr(af->final, '/') + 1 : af->final;
    size_t need = (dir ? strlen(dir) : 0) + strlen(base) + 16;
    af->tmp_path = dir ? malloc(need) : NULL;
    if (!af->tmp_path) {
        free(dir);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    snprintf(af->tmp_path, need, "%s/.%s.XXXXXX", dir, base);
    int fd = mkstemp(af->tmp_path);
    if (fd < 0) {
        int e = errno;
        xxgk_status st = error_set(err, XXGK_E_IO, "%s：无法在目录 %s 中创建文件：%s", af->path,
                                   dir, sys_error_text(e));
        free(dir);
        free(af->tmp_path);
        af->tmp_path = NULL;
        return st;
    }
    free(dir);
    af->temp_handle = temp_register(af->tmp_path, false);
    /* mkstemp makes the file 0600: a replaced file keeps its mode, a new
     * report is for others to read. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, keep_mode ? keep_mode : 0666 & ~mask);
    af->f = fdopen(fd, "wb");
    if (!af->f) {
        close(fd);
        unlink(af->tmp_path);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    return XXGK_OK;
}

xxgk_status atomic_open(atomic_file *af, const char *path, bool overwrite, xxgk_error *err)
{
    memset(af, 0, sizeof *af);
    af->temp_handle = af->spool_handle = -1;
    target_kind kind;
    int own = -1;
    mode_t mode = 0;
    af->path = strdup(path);
    if (!af->path)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    xxgk_status st = resolve(path, &kind, &af->final, &own, &mode, err);
    if (st == XXGK_OK && kind == T_REGULAR && !overwrite)
        st = error_set(err, XXGK_E_IO, "%s：文件已存在（用 -f 覆盖）", path);
    if (st == XXGK_OK)
        st = kind == T_SPECIAL || kind == T_DESCRIPTOR
                 ? open_direct(af, kind, own, err)
                 : open_temporary(af, kind == T_REGULAR ? mode : 0, err);
    if (st != XXGK_OK)
        release(af);
    return st;
}

xxgk_status atomic_by_name(atomic_file *af, const char **path, xxgk_error *err)
{
    if (!af->direct) {
        fclose(af->f);
        af->f = NULL;
        *path = af->tmp_path;
        return XXGK_OK;
    }
    const char *dir = getenv("TMPDIR");
    dir = dir && *dir ? dir : "/tmp";
    size_t need = strlen(dir) + 16;
    af->spool = malloc(need);
    if (!af->spool)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    snprintf(af->spool, need, "%s/xxgk-XXXXXX", dir);
    int fd = mkstemp(af->spool);
    if (fd < 0) {
        int e = errno;
        free(af->spool);
        af->spool = NULL;
        return error_set(err, XXGK_E_IO, "%s：无法在临时目录 %s 中创建文件：%s", af->path, dir,
                         sys_error_text(e));
    }
    af->spool_handle = temp_register(af->spool, false);
    close(fd);
    *path = af->spool;
    return XXGK_OK;
}

/* Copies the spooled file into the direct target; 0, or -1 with errno. */
static int copy_spool(atomic_file *af)
{
    FILE *in = fopen(af->spool, "rb");
    if (!in)
        return -1;
    char buf[65536];
    size_t n;
    int rc = 0;
    while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
        rc = fwrite(buf, 1, n, af->f) == n ? 0 : -1;
    int e = errno;
    if (ferror(in))
        rc = -1;
    fclose(in);
    errno = e;
    return rc;
}

void atomic_abort(atomic_file *af)
{
    if (af->tmp_path)
        unlink(af->tmp_path);
    release(af);
}

static int sync_path(const char *path, int flags)
{
    int fd = open(path, flags);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/* Flushes what was written (and syncs a temporary file to disk); 0, or
 * -1 with errno. */
static int flush_content(atomic_file *af)
{
    int rc = 0, e = 0;
    if (af->f) {
        if (fflush(af->f) != 0 || ferror(af->f))
            rc = -1, e = errno ? errno : EIO;
        else if (!af->direct && fsync(fileno(af->f)) != 0)
            rc = -1, e = errno;
        if (fclose(af->f) != 0 && rc == 0)
            rc = -1, e = errno;
        af->f = NULL;
    } else if (af->tmp_path) {
        rc = sync_path(af->tmp_path, O_RDONLY);
        e = errno;
    }
    errno = e;
    return rc;
}

/* Puts the temporary file in place; 0, or -1 with errno. */
static int put_in_place(atomic_file *af, bool overwrite)
{
    struct stat st;
    if (overwrite) {
        /* Something other than a regular file may have appeared at the
         * name since it was resolved: do not rename over it. */
        if (lstat(af->final, &st) == 0 && !S_ISREG(st.st_mode)) {
            errno = EEXIST;
            return -1;
        }
        return rename(af->tmp_path, af->final);
    }
    int rc = link(af->tmp_path, af->final);
    if (rc < 0 && errno != EEXIST) {
        /* A file system without hard links (vfat, some network mounts):
         * check, then rename — a short window, no better. */
        if (lstat(af->final, &st) == 0) {
            errno = EEXIST;
            return -1;
        }
        return rename(af->tmp_path, af->final);
    }
    if (rc == 0)
        unlink(af->tmp_path);
    return rc;
}

xxgk_status atomic_commit(atomic_file *af, bool overwrite, xxgk_error *err)
{
    if ((af->spool && copy_spool(af) < 0) || flush_content(af) < 0) {
        int e = errno;
        xxgk_status st = error_set(err, XXGK_E_IO, "%s：写入失败：%s", af->path, sys_error_text(e));
        atomic_abort(af);
        return st;
    }
    if (af->direct) {
        release(af);
        return XXGK_OK;
    }
    if (put_in_place(af, overwrite) < 0) {
        int e = errno;
        xxgk_status st = e == EEXIST
                             ? error_set(err, XXGK_E_IO, "%s：文件已存在（用 -f 覆盖）", af->path)
                             : error_set(err, XXGK_E_IO, "%s：无法写入：%s", af->path, sys_error_text(e));
        atomic_abort(af);
        return st;
    }
    free(af->tmp_path); /* in place now: nothing to remove */
    af->tmp_path = NULL;
    char *dir = dir_of(af->final);
    if (dir)
        sync_path(dir, O_RDONLY | O_DIRECTORY);
    free(dir);
    release(af);
    return XXGK_OK;
}
