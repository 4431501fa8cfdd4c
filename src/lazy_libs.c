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

#ifndef XXGK_NO_STORE
struct lazy_sqlite3 lazy_sqlite3;

static bool fill_sqlite3(void *h, const char **missing)
{
    struct lazy_sqlite3 *table = &lazy_sqlite3;
    LAZY_SQLITE3_SYMBOLS(LAZY_FILL)
    return true;
}

lazy_lib lazy_sqlite3_lib = {XXGK_SONAME_SQLITE3, XXGK_PACKAGE_SQLITE3, "报告库和登记簿（xxgk db、xxgk case）",
    fill_sqlite3, false, false, ""};

struct lazy_argon2 lazy_argon2;

static bool fill_argon2(void *h, const char **missing)
{
    struct lazy_argon2 *table = &lazy_argon2;
    LAZY_ARGON2_SYMBOLS(LAZY_FILL)
    return true;
}

lazy_lib lazy_argon2_lib = {XXGK_SONAME_ARGON2, XXGK_PACKAGE_ARGON2, "网页界面的登录和 xxgk user（密码散列）",
    fill_argon2, false, false, ""};
#endif

struct lazy_zip lazy_zip;

static bool fill_zip(void *h, const char **missing)
{
    struct lazy_zip *table = &lazy_zip;
    LAZY_ZIP_SYMBOLS(LAZY_FILL)
    return true;
}

lazy_lib lazy_zip_lib = {XXGK_SONAME_ZIP, XXGK_PACKAGE_ZIP, "读写 DOCX 和 XLSX 文件",
    fill_zip, false, false, ""};

struct lazy_xml2 lazy_xml2;

static bool fill_xml2(void *h, const char **missing)
{
    struct lazy_xml2 *table = &lazy_xml2;
    LAZY_XML2_SYMBOLS(LAZY_FILL)
    /* libxml2 sets up its global locks and dictionaries' random seed
     * in xmlInitParser(); left to the first xmlDictCreate(), two import
     * threads starting their first page together could both set them up
     * and wait on each other for ever. Here it runs once, under
     * lazy.c's lock, before any thread can parse. */
    table->xmlInitParser();
    return true;
}

lazy_lib lazy_xml2_lib = {XXGK_SONAME_XML2, XXGK_PACKAGE_XML2, "读取 HTML、DOCX 和 XLSX 文件",
    fill_xml2, false, false, ""};

struct lazy_xlsxwriter lazy_xlsxwriter;

static bool fill_xlsxwriter(void *h, const char **missing)
{
    struct lazy_xlsxwriter *table = &lazy_xlsxwriter;
    LAZY_XLSXWRITER_SYMBOLS(LAZY_FILL)
    return true;
}

lazy_lib lazy_xlsxwriter_lib = {XXGK_SONAME_XLSXWRITER, XXGK_PACKAGE_XLSXWRITER, "生成 XLSX 工作簿",
    fill_xlsxwriter, false, false, ""};

struct lazy_opencc lazy_opencc;

static bool fill_opencc(void *h, const char **missing)
{
    struct lazy_opencc *table = &lazy_opencc;
    LAZY_OPENCC_SYMBOLS(LAZY_FILL)
    return true;
}

lazy_lib lazy_opencc_lib = {XXGK_SONAME_OPENCC, XXGK_PACKAGE_OPENCC, "繁体字报告的转换",
    fill_opencc, false, false, ""};
