/* test_lazy.c — libraries and modules loaded when first needed (lazy.c):
 * a library that is not installed, one that lacks a function, one that
 * loads; a module that is not found, that is not a shared object, that
 * lacks its entry, that loads; and the real tables of libxxgk. */
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lazy.h"
#include "unit.h"

static const char *(*zlib_version)(void);

static bool fill_zlib(void *h, const char **missing)
{
    *(void **)&zlib_version = dlsym(h, "zlibVersion");
    *missing = "zlibVersion";
    return zlib_version != NULL;
}

static bool fill_absent(void *h, const char **missing)
{
    *missing = "xxgk_no_such_function";
    return dlsym(h, "xxgk_no_such_function") != NULL;
}

static void library_not_installed(void)
{
    lazy_lib lib = {"libxxgk-no-such-library.so.7", "libxxgk-no-such7", "测试功能", fill_zlib,
                    false, false, ""};
    xxgk_error err = {XXGK_OK, ""};
    CHECK(!lazy_load(&lib, &err));
    CHECK_INT(err.status, XXGK_E_UNSUPPORTED);
    CHECK(strstr(err.message, "无法加载 libxxgk-no-such-library.so.7") != NULL);
    CHECK(strstr(err.message, "测试功能需要它") != NULL);
    CHECK(strstr(err.message, "请安装 Debian 软件包 libxxgk-no-such7") != NULL);
    /* tried once: the same answer, without trying again */
    err.message[0] = '\0';
    CHECK(!lazy_load(&lib, &err));
    CHECK(strstr(err.message, "libxxgk-no-such7") != NULL);
}

static void library_without_function(void)
{
    lazy_lib lib = {"libz.so.1", "zlib1g", "测试功能", fill_absent, false, false, ""};
    xxgk_error err = {XXGK_OK, ""};
    CHECK(!lazy_load(&lib, &err));
    CHECK(strstr(err.message, "libz.so.1 缺少函数 xxgk_no_such_function") != NULL);
    CHECK(strstr(err.message, "zlib1g") != NULL);
}

static void library_loads(void)
{
    lazy_lib lib = {"libz.so.1", "zlib1g", "测试功能", fill_zlib, false, false, ""};
    xxgk_error err = {XXGK_OK, ""};
    CHECK(lazy_load(&lib, &err));
    CHECK(zlib_version && zlib_version()[0] == '1');
    CHECK(lazy_load(&lib, NULL)); /* again: already there */
}

/* libxxgk's own tables fill, and their sonames are the ones configured. */
static void libxxgk_tables(void)
{
    xxgk_error err = {XXGK_OK, ""};
    CHECK(lazy_load(&lazy_zip_lib, &err));
    CHECK(lazy_load(&lazy_xml2_lib, &err));
    CHECK(lazy_load(&lazy_xlsxwriter_lib, &err));
    CHECK(lazy_load(&lazy_opencc_lib, &err));
#ifndef XXGK_NO_STORE
    CHECK(lazy_load(&lazy_sqlite3_lib, &err));
    CHECK(strncmp(lazy_sqlite3_lib.soname, "libsqlite3.so.", 14) == 0);
#endif
    CHECK(strncmp(lazy_xml2_lib.soname, "libxml2.so.", 11) == 0);
    CHECK(strcmp(err.message, "") == 0);
}

/* ---- modules ------------------------------------------------------------- */

static char dir[64];

static void make_dir(void)
{
    if (!dir[0]) {
        strcpy(dir, "/tmp/xxgk-lazy-XXXXXX");
        CHECK(mkdtemp(dir) != NULL);
    }
    setenv("XXGK_MODULE_DIR", dir, 1);
}

static void put_file(const char *name, const char *from_path, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *out = fopen(path, "wb");
    CHECK(out != NULL);
    if (!out)
        return;
    if (text) {
        fputs(text, out);
    } else {
        FILE *in = fopen(from_path, "rb");
        CHECK(in != NULL);
        char buf[65536];
        size_t n;
        while (in && (n = fread(buf, 1, sizeof buf, in)) > 0)
            fwrite(buf, 1, n, out);
        if (in)
            fclose(in);
    }
    fclose(out);
}

/* The path of the zlib the process has loaded (a real shared object). */
static const char *zlib_path(void)
{
    static char path[512];
    Dl_info info;
    void *h = dlopen("libz.so.1", RTLD_LAZY);
    void *f = h ? dlsym(h, "zlibVersion") : NULL;
    if (f && dladdr(f, &info) && info.dli_fname)
        snprintf(path, sizeof path, "%s", info.dli_fname);
    return path;
}

static void module_not_found(void)
{
    make_dir();
    xxgk_error err = {XXGK_OK, ""};
    CHECK(lazy_module("xxgk-test-absent.so", "sym", "测试模块", "libfoo1", &err) == NULL);
    CHECK_INT(err.status, XXGK_E_UNSUPPORTED);
    CHECK(strstr(err.message, "找不到 测试模块 xxgk-test-absent.so") != NULL);
    CHECK(strstr(err.message, dir) != NULL);
    CHECK(strstr(err.message, "XXGK_MODULE_DIR") != NULL);
}

static void module_not_loadable(void)
{
    make_dir();
    put_file("xxgk-test-broken.so", NULL, "not a shared object\n");
    xxgk_error err = {XXGK_OK, ""};
    CHECK(lazy_module("xxgk-test-broken.so", "sym", "测试模块", "libfoo1 libbar2", &err) == NULL);
    CHECK(strstr(err.message, "无法加载 测试模块") != NULL);
    CHECK(strstr(err.message, "xxgk-test-broken.so") != NULL);
    CHECK(strstr(err.message, "libfoo1 libbar2") != NULL);
}

static void module_without_entry(void)
{
    make_dir();
    put_file("xxgk-test-noentry.so", zlib_path(), NULL);
    xxgk_error err = {XXGK_OK, ""};
    CHECK(lazy_module("xxgk-test-noentry.so", "xxgk_no_entry", "测试模块", "x", &err) == NULL);
    CHECK(strstr(err.message, "不是本版本 xxgk 的模块（缺少 xxgk_no_entry）") != NULL);
}

static void module_loads(void)
{
    make_dir();
    put_file("xxgk-test-good.so", zlib_path(), NULL);
    xxgk_error err = {XXGK_OK, ""};
    const char *(*version)(void) = NULL;
    *(void **)&version = lazy_module("xxgk-test-good.so", "zlibVersion", "测试模块", "x", &err);
    CHECK(version && version()[0] == '1');
    /* cached: found again even once the directory is gone */
    char path[256];
    snprintf(path, sizeof path, "%s/xxgk-test-good.so", dir);
    unlink(path);
    CHECK(lazy_module("xxgk-test-good.so", "zlibVersion", "测试模块", "x", &err) != NULL);
}

static void clean_up(void)
{
    const char *names[] = {"xxgk-test-broken.so", "xxgk-test-noentry.so", "xxgk-test-good.so"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    CHECK(rmdir(dir) == 0);
    unsetenv("XXGK_MODULE_DIR");
}

const struct unit_case unit_cases[] = {
    {"library_not_installed", library_not_installed},
    {"library_without_function", library_without_function},
    {"library_loads", library_loads},
    {"libxxgk_tables", libxxgk_tables},
    {"module_not_found", module_not_found},
    {"module_not_loadable", module_not_loadable},
    {"module_without_entry", module_without_entry},
    {"module_loads", module_loads},
    {"clean_up", clean_up},
    {NULL, NULL},
};
