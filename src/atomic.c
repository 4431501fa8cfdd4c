/*
 * atomic.c — writing a file so that readers never see half of it.
 *
 * The content goes to a temporary file in the target's directory (the
 * same file system, so the final step is atomic), is flushed and synced
 * to disk, and then put in place: rename() when replacing is allowed,
 * link() otherwise, which fails with EEXIST instead of replacing a file
 * that appeared meanwhile. The directory is synced so the new name
 * survives a crash.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"
#include "render.h"

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
    free(af->tmp_path);
    free(af->path);
    memset(af, 0, sizeof *af);
}

xxgk_status atomic_open(atomic_file *af, const char *path, bool overwrite, xxgk_error *err)
{
    memset(af, 0, sizeof *af);
    struct stat st;
    if (!overwrite && lstat(path, &st) == 0)
        return error_set(err, XXGK_E_IO, "%s：文件已存在（用 -f 覆盖）", path);
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return error_set(err, XXGK_E_IO, "%s：是一个目录", path);
    char *dir = dir_of(path);
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t need = (dir ? strlen(dir) : 0) + strlen(base) + 16;
    af->tmp_path = malloc(need);
    af->path = strdup(path);
    if (!dir || !af->tmp_path || !af->path) {
        free(dir);
        release(af);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    snprintf(af->tmp_path, need, "%s/.%s.XXXXXX", dir, base);
    free(dir);
    int fd = mkstemp(af->tmp_path);
    if (fd < 0) {
        int e = errno;
        release(af);
        return error_set(err, XXGK_E_IO, "%s：无法在其目录中创建文件：%s", path, strerror(e));
    }
    /* mkstemp makes the file 0600; a report is for others to read. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    af->f = fdopen(fd, "wb");
    if (!af->f) {
        close(fd);
        unlink(af->tmp_path);
        release(af);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    return XXGK_OK;
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

xxgk_status atomic_commit(atomic_file *af, bool overwrite, xxgk_error *err)
{
    int rc = 0;
    if (af->f) {
        rc = fflush(af->f) != 0 || ferror(af->f) || fsync(fileno(af->f)) != 0 ? -1 : 0;
        if (fclose(af->f) != 0)
            rc = -1;
        af->f = NULL;
    } else {
        rc = sync_path(af->tmp_path, O_RDONLY);
    }
    if (rc < 0) {
        int e = errno;
        xxgk_status st = error_set(err, XXGK_E_IO, "%s：写入失败：%s", af->path, strerror(e));
        atomic_abort(af);
        return st;
    }
    if (overwrite) {
        rc = rename(af->tmp_path, af->path);
    } else {
        rc = link(af->tmp_path, af->path);
        if (rc < 0 && errno != EEXIST) {
            /* A file system without hard links (vfat, some network
             * mounts): check, then rename — a short window, no better. */
            struct stat st;
            if (lstat(af->path, &st) == 0)
                errno = EEXIST;
            else
                rc = rename(af->tmp_path, af->path);
        } else if (rc == 0) {
            unlink(af->tmp_path);
        }
    }
    if (rc < 0) {
        int e = errno;
        xxgk_status st = e == EEXIST
                             ? error_set(err, XXGK_E_IO, "%s：文件已存在（用 -f 覆盖）", af->path)
                             : error_set(err, XXGK_E_IO, "%s：无法写入：%s", af->path, strerror(e));
        atomic_abort(af);
        return st;
    }
    char *dir = dir_of(af->path);
    if (dir)
        sync_path(dir, O_RDONLY | O_DIRECTORY);
    free(dir);
    release(af);
    return XXGK_OK;
}
