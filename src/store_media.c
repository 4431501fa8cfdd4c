/*
 * store_media.c — a store on media it cannot write beside: a read-only
 * file system (a mounted image, a CD, an archive share) or a directory
 * the reader may not write to. SQLite's WAL mode needs a -shm file next
 * to the database even to read; where none can be made, the store is
 * opened "immutable" (nothing can change it there), unless a -wal file
 * holds commits not yet merged, which an immutable reader would not see.
 */
#include "store_media.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

bool store_is_sqlite_file(const char *path)
{
    static const char magic[16] = "SQLite format 3";
    char head[16];
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    bool yes = fread(head, 1, sizeof head, f) == sizeof head && !memcmp(head, magic, 16);
    fclose(f);
    return yes;
}

bool store_beside_unwritable(const char *path)
{
    struct statvfs vfs;
    if (statvfs(path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY))
        return true;
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    bool unwritable = dir && access(dir, W_OK) != 0;
    free(dir);
    return unwritable;
}

bool store_has_pending_wal(const char *path)
{
    size_t n = strlen(path) + 5;
    char *wal = malloc(n);
    if (!wal)
        return false;
    snprintf(wal, n, "%s-wal", path);
    struct stat st;
    bool pending = stat(wal, &st) == 0 && st.st_size > 0;
    free(wal);
    return pending;
}

char *store_immutable_uri(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path);
    char *uri = malloc(3 * n + 32);
    if (!uri)
        return NULL;
    size_t o = (size_t)sprintf(uri, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ' || *p >= 0x7F) {
            uri[o++] = '%';
            uri[o++] = hex[*p >> 4];
            uri[o++] = hex[*p & 15];
        } else {
            uri[o++] = (char)*p;
        }
    }
    strcpy(uri + o, "?immutable=1");
    return uri;
}
