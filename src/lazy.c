/*
 * lazy.c — loading libraries and modules when first needed (lazy.h).
 *
 * One lock guards every load, so that two threads (db import reads
 * files on every core) never open a library twice or see a table half
 * filled; once loaded, a table is only read.
 */
#include "lazy.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef XXGK_MODULE_INSTALL_DIR
#define XXGK_MODULE_INSTALL_DIR "/usr/local/lib/xxgk"
#endif
#ifndef XXGK_LIBDIR_NAME
#define XXGK_LIBDIR_NAME "lib"
#endif

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- system libraries ----------------------------------------------------- */

static void open_lib(lazy_lib *lib)
{
    void *h = dlopen(lib->soname, RTLD_LAZY | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        snprintf(lib->error, sizeof lib->error,
                 "无法加载 %.60s（%.200s）：%.60s需要它；请安装 Debian 软件包 %.40s", lib->soname,
                 why ? why : "未知原因", lib->what, lib->package);
        lib->failed = true;
        return;
    }
    const char *missing = NULL;
    if (!lib->fill(h, &missing)) {
        snprintf(lib->error, sizeof lib->error,
                 "%.60s 缺少函数 %.60s（版本过旧？）：%.60s需要它；请安装较新的 Debian 软件包 %.40s",
                 lib->soname, missing ? missing : "?", lib->what, lib->package);
        lib->failed = true;
        dlclose(h);
        return;
    }
    atomic_store_explicit(&lib->ready, true, memory_order_release);
}

bool lazy_load(lazy_lib *lib, xxgk_error *err)
{
    if (atomic_load_explicit(&lib->ready, memory_order_acquire))
        return true;
    pthread_mutex_lock(&lock);
    if (!atomic_load_explicit(&lib->ready, memory_order_relaxed) && !lib->failed)
        open_lib(lib);
    bool ok = atomic_load_explicit(&lib->ready, memory_order_relaxed);
    pthread_mutex_unlock(&lock);
    if (!ok && err)
        error_set(err, XXGK_E_UNSUPPORTED, "%s", lib->error);
    return ok;
}

void lazy_require(lazy_lib *lib)
{
    if (lazy_load(lib, NULL))
        return;
    fprintf(stderr, "xxgk: %s\n", lib->error);
    exit(1);
}

/* ---- our modules ------------------------------------------------------------- */

/* The directory of the running program ("" when unknown). */
static void program_dir(char *dir, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", dir, size - 1);
    dir[n > 0 ? n : 0] = '\0';
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        dir[0] = '\0';
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Where the module may be, in the order lazy.h gives; count returned. */
static int candidates(char dirs[][PATH_MAX], int max)
{
    int n = 0;
    const char *env = getenv("XXGK_MODULE_DIR");
    if (env && *env) {
        snprintf(dirs[n++], PATH_MAX, "%.3900s", env);
        return n;
    }
    char exe[PATH_MAX];
    program_dir(exe, sizeof exe);
    if (exe[0]) {
        snprintf(dirs[n++], PATH_MAX, "%.3900s", exe);
        snprintf(dirs[n++], PATH_MAX, "%.3900s/../lib/xxgk", exe);
        if (strcmp(XXGK_LIBDIR_NAME, "lib") != 0)
            snprintf(dirs[n++], PATH_MAX, "%.3900s/../%.100s/xxgk", exe, XXGK_LIBDIR_NAME);
    }
    if (n < max)
        snprintf(dirs[n++], PATH_MAX, "%.3900s", XXGK_MODULE_INSTALL_DIR);
    return n;
}

typedef struct module {
    const char *file, *symbol;
    void *addr;
    char error[1024];
} module;

static module loaded[4];

static void open_module(module *m, const char *what, const char *packages)
{
    char dirs[5][PATH_MAX], path[PATH_MAX + 64];
    int n = candidates(dirs, 5);
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%.4000s/%.60s", dirs[i], m->file);
        if (!is_file(path))
            continue;
        void *h = dlopen(path, RTLD_LAZY | RTLD_LOCAL);
        if (!h) {
            const char *why = dlerror();
            snprintf(m->error, sizeof m->error,
                     "无法加载 %.40s %.300s（%.200s）；请安装它所需的 Debian 软件包：%.300s", what,
                     path, why ? why : "未知原因", packages);
            return;
        }
        m->addr = dlsym(h, m->symbol);
        if (!m->addr)
            snprintf(m->error, sizeof m->error,
                     "%.40s %.300s 不是本版本 xxgk 的模块（缺少 %.60s）；请重新安装 xxgk", what, path,
                     m->symbol);
        return;
    }
    size_t o = (size_t)snprintf(m->error, sizeof m->error, "找不到 %s %s（查找过：", what, m->file);
    for (int i = 0; i < n && o < sizeof m->error; i++)
        o += (size_t)snprintf(m->error + o, sizeof m->error - o, "%s%.200s", i ? "、" : "", dirs[i]);
    if (o < sizeof m->error)
        snprintf(m->error + o, sizeof m->error - o,
                 "）；请重新安装 xxgk（make install 把它装进 %s），或用环境变量 XXGK_MODULE_DIR "
                 "指明它所在的目录",
                 XXGK_MODULE_INSTALL_DIR);
}

void *lazy_module(const char *file, const char *symbol, const char *what, const char *packages,
                  xxgk_error *err)
{
    pthread_mutex_lock(&lock);
    module *m = NULL;
    for (size_t i = 0; i < sizeof loaded / sizeof loaded[0] && !m; i++) {
        if (!loaded[i].file) {
            loaded[i].file = file;
            loaded[i].symbol = symbol;
            open_module(&loaded[i], what, packages);
        }
        if (!strcmp(loaded[i].file, file) && !strcmp(loaded[i].symbol, symbol))
            m = &loaded[i];
    }
    void *addr = m ? m->addr : NULL;
    pthread_mutex_unlock(&lock);
    if (!addr && err)
        error_set(err, XXGK_E_UNSUPPORTED, "%s", m ? m->error : "模块过多");
    return addr;
}
