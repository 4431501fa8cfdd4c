/*
 * tempfiles.c — the temporary files and directories the library has made
 * and not yet removed, so that a program killed by SIGINT or SIGTERM can
 * remove them from its signal handler (xxgk_remove_temporary_files).
 *
 * A fixed table of slots, claimed with an atomic compare-and-swap (import
 * workers convert legacy documents in parallel), each holding a copy of
 * the path. The handler-side walk uses only async-signal-safe calls:
 * kill, unlink, rmdir, open, close and the getdents64 system call, and no
 * memory allocation. A path longer than a slot holds, or a slot table
 * already full, is simply not registered: the file is then removed only
 * on the normal path, as before.
 */
#include "tempfiles.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define SLOTS 64
#define SLOT_PATH 1024

enum { FREE = 0, CLAIMED, READY };

typedef struct slot {
    atomic_int state;
    bool dir;
    atomic_int group; /* a child process group to kill first, 0 when none */
    char path[SLOT_PATH];
} slot;

static slot slots[SLOTS];

int temp_register(const char *path, bool dir)
{
    size_t n = strlen(path);
    if (n >= SLOT_PATH)
        return -1;
    for (int i = 0; i < SLOTS; i++) {
        int expected = FREE;
        if (!atomic_compare_exchange_strong(&slots[i].state, &expected, CLAIMED))
            continue;
        memcpy(slots[i].path, path, n + 1);
        slots[i].dir = dir;
        atomic_store(&slots[i].group, 0);
        atomic_store(&slots[i].state, READY);
        return i;
    }
    return -1;
}

void temp_set_group(int handle, int group)
{
    if (handle >= 0 && handle < SLOTS)
        atomic_store(&slots[handle].group, group);
}

void temp_forget(int handle)
{
    if (handle >= 0 && handle < SLOTS)
        atomic_store(&slots[handle].state, FREE);
}

/* Linux's directory entry as getdents64 returns it (not in any header). */
struct entry64 {
    unsigned long long ino;
    long long off;
    unsigned short reclen;
    unsigned char type;
    char name[];
};

/* One pass over the directory `path`: unlinks its files and empties and
 * removes its subdirectories, to `depth` levels, with async-signal-safe
 * calls only. `path` is a buffer of SLOT_PATH bytes, extended and
 * restored in place. */
static void empty_dir(char *path, int depth)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    size_t len = strlen(path);
    char buf[2048];
    long n;
    while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
        for (long off = 0; off < n;) {
            struct entry64 *e = (struct entry64 *)(buf + off);
            off += e->reclen;
            size_t k = strlen(e->name);
            if (!strcmp(e->name, ".") || !strcmp(e->name, "..") || len + 1 + k >= SLOT_PATH)
                continue;
            path[len] = '/';
            memcpy(path + len + 1, e->name, k + 1);
            if (unlink(path) != 0 && depth > 0) {
                empty_dir(path, depth - 1);
                rmdir(path);
            }
            path[len] = '\0';
        }
    }
    close(fd);
}

/* Removes the tree at `path`. Entries removed while the directory is read
 * may hide others from that read, so it takes a few passes at most. */
static void remove_tree_safe(char *path)
{
    for (int pass = 0; pass < 4 && rmdir(path) != 0; pass++)
        empty_dir(path, 16);
}

void xxgk_remove_temporary_files(void)
{
    for (int i = 0; i < SLOTS; i++) {
        slot *s = &slots[i];
        if (atomic_load(&s->state) != READY)
            continue;
        int group = atomic_load(&s->group);
        if (group > 0)
            kill(-group, SIGKILL);
        if (s->dir)
            remove_tree_safe(s->path);
        else
            unlink(s->path);
        atomic_store(&s->state, FREE);
    }
}
