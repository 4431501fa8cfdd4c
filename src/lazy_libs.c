/*
 * lazy_libs.c — the libraries libxxgk loads when first needed (lazy.h):
 * for each, its soname and Debian package (found when xxgk is
 * configured, CMakeLists.txt), what needs it, its table of functions
 * (declared in src/lazy/) and the function that fills the table.
 */
#include <dlfcn.h>
#include <libxml/parser.h>
#include <opencc/opencc.h>
#ifndef XXGK_NO_STORE
#include <argon2.h>
#include <nettle/sha2.h>
#include <sqlite3.h>
#endif
#include <xlsxwriter.h>
#include <zip.h>

#include "lazy.h"

/* One entry of a table from the handle, or the name of the missing one
 * (in a fill function, whose table is `table`). */
#define LAZY_FILL(f)                                                                      \
    if (!(*(void **)&table->f = dlsym(h, #f))) {                                         \
        *missing = #f;                                                                    \
        return false;                                                                     \
    }

/* A library: its table, the function filling it (then calling `then`,
 * for a library that must be set up before use) and its lazy_lib. KEY
 * names its LAZY_KEY_SYMBOLS list and its XXGK_SONAME_/XXGK_PACKAGE_
 * definitions; `what` says in Chinese what needs it. */
#define LAZY_LIBRARY(name, KEY, what, then)                                                \
    struct lazy_##name lazy_##name;                                                         \
    static bool fill_##name(void *h, const char **missing)                                  \
    {                                                                                       \
        struct lazy_##name *table = &lazy_##name;                                           \
        LAZY_##KEY##_SYMBOLS(LAZY_FILL)                                                     \
        then;                                                                               \
        return true;                                                                        \
    }                                                                                       \
    lazy_lib lazy_##name##_lib = {XXGK_SONAME_##KEY, XXGK_PACKAGE_##KEY, what, fill_##name, \
                                  false, false, ""};

#ifndef XXGK_NO_STORE
LAZY_LIBRARY(sqlite3, SQLITE3, "报告库和登记簿（xxgk db、xxgk case）", (void)0)
LAZY_LIBRARY(nettle, NETTLE, "报告库的文件散列（SHA-256）", (void)0)
LAZY_LIBRARY(argon2, ARGON2, "网页界面的登录和 xxgk user（密码散列）", (void)0)
#endif
LAZY_LIBRARY(zip, ZIP, "读写 DOCX 和 XLSX 文件", (void)0)
/* libxml2 sets up its global locks and dictionaries' random seed in
 * xmlInitParser(); left to the first xmlDictCreate(), two import threads
 * starting their first page together could both set them up and wait on
 * each other for ever. Here it runs once, under lazy.c's lock, before
 * any thread can parse. */
LAZY_LIBRARY(xml2, XML2, "读取 HTML、DOCX 和 XLSX 文件", table->xmlInitParser())
LAZY_LIBRARY(xlsxwriter, XLSXWRITER, "生成 XLSX 工作簿", (void)0)
LAZY_LIBRARY(opencc, OPENCC, "繁体字报告的转换", (void)0)
