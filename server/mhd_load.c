/*
 * mhd_load.c — libmicrohttpd opened by `xxgk serve` alone (lazy/microhttpd.h
 * says why). The soname and the Debian package are found when xxgk is
 * configured (server/CMakeLists.txt).
 */
#include <dlfcn.h>
#include <stdio.h>

#include <microhttpd.h>

struct mhd_table mhd_table;

bool mhd_load(char *why, size_t size)
{
    static bool loaded;
    if (loaded)
        return true;
    void *h = dlopen(XXGK_SONAME_MHD, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(why, size, "无法加载 %s（%s）：网页界面（xxgk serve）需要它；请安装 Debian 软件包 %s",
                 XXGK_SONAME_MHD, dlerror(), XXGK_PACKAGE_MHD);
        return false;
    }
#define MHD_LAZY_FILL(f)                                                                          \
    if (!(*(void **)&mhd_table.f = dlsym(h, #f))) {                                               \
        snprintf(why, size, "%s 中没有函数 %s：请安装 Debian 软件包 %s 的新版本", XXGK_SONAME_MHD, \
                 #f, XXGK_PACKAGE_MHD);                                                            \
        dlclose(h);                                                                               \
        return false;                                                                             \
    }
    MHD_LAZY_SYMBOLS(MHD_LAZY_FILL)
#undef MHD_LAZY_FILL
    loaded = true;
    return true;
}
