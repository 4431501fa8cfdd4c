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
#include <sqlite3.h>
#endif
#include <xlsxwriter.h>
#include <zip.h>

#include "lazy.h"

#ifndef XXGK_NO_STORE
struct lazy_sqlite3 lazy_sqlite3;

static bool fill_sqlite3(void *h, const char **missing)
{
#define LAZY_FILL(f)                                                                          \
    if (!(*(void **)&lazy_sqlite3.f = dlsym(h, #f))) {                                            \
        *missing = #f;                                                                        \
        return false;                                                                         \
    }
    LAZY_SQLITE3_SYMBOLS(LAZY_FILL)
#undef LAZY_FILL
    return true;
}

lazy_lib lazy_sqlite3_lib = {XXGK_SONAME_SQLITE3, XXGK_PACKAGE_SQLITE3, "报告库和登记簿（xxgk db、xxgk case）", fill_sqlite3, false, false, ""};
#endif

struct lazy_zip lazy_zip;

static bool fill_zip(void *h, const char **missing)
{
#define LAZY_FILL(f)                                                                          \
    if (!(*(void **)&lazy_zip.f = dlsym(h, #f))) {                                            \
        *missing = #f;                                                                        \
        return false;                                                                         \
    }
    LAZY_ZIP_SYMBOLS(LAZY_FILL)
#undef LAZY_FILL
    return true;
}

lazy_lib lazy_zip_lib = {XXGK_SONAME_ZIP, XXGK_PACKAGE_ZIP, "读写 DOCX 和 XLSX 文件", fill_zip, false, false, ""};

struct lazy_xml2 lazy_xml2;

static bool fill_xml2(void *h, const char **missing)
{
#define LAZY_FILL(f)                                                                          \
    if (!(*(void **)&lazy_xml2.f = dlsym(h, #f))) {                                            \
        *missing = #f;                                                                        \
        return false;                                                                         \
    }
    LAZY_XML2_SYMBOLS(LAZY_FILL)
#undef LAZY_FILL
    return true;
}

lazy_lib lazy_xml2_lib = {XXGK_SONAME_XML2, XXGK_PACKAGE_XML2, "读取 HTML、DOCX 和 XLSX 文件", fill_xml2, false, false, ""};

struct lazy_xlsxwriter lazy_xlsxwriter;

static bool fill_xlsxwriter(void *h, const char **missing)
{
#define LAZY_FILL(f)                                                                          \
    if (!(*(void **)&lazy_xlsxwriter.f = dlsym(h, #f))) {                                            \
        *missing = #f;                                                                        \
        return false;                                                                         \
    }
    LAZY_XLSXWRITER_SYMBOLS(LAZY_FILL)
#undef LAZY_FILL
    return true;
}

lazy_lib lazy_xlsxwriter_lib = {XXGK_SONAME_XLSXWRITER, XXGK_PACKAGE_XLSXWRITER, "生成 XLSX 工作簿", fill_xlsxwriter, false, false, ""};

struct lazy_opencc lazy_opencc;

static bool fill_opencc(void *h, const char **missing)
{
#define LAZY_FILL(f)                                                                          \
    if (!(*(void **)&lazy_opencc.f = dlsym(h, #f))) {                                            \
        *missing = #f;                                                                        \
        return false;                                                                         \
    }
    LAZY_OPENCC_SYMBOLS(LAZY_FILL)
#undef LAZY_FILL
    return true;
}

lazy_lib lazy_opencc_lib = {XXGK_SONAME_OPENCC, XXGK_PACKAGE_OPENCC, "繁体字报告的转换", fill_opencc, false, false, ""};
