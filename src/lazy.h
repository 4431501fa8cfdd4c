/*
 * lazy.h — libraries loaded when first needed, not when xxgk starts.
 *
 * Starting a program costs about 0.05–0.8 ms for each shared library it
 * is linked with (mapping, relocating, running constructors): SQLite,
 * OpenCC, libxlsxwriter, libxml2 and libzip with what they pull in
 * (ICU, the C++ runtime, OpenSSL, …) made `xxgk --version` take 6 ms.
 * So libxxgk links none of them: each is opened with dlopen() by the
 * first call that needs it, and its functions are called through a
 * table of pointers (src/lazy/README.md says how a source file uses
 * them; nothing in the callers changes). MuPDF, which Debian ships only
 * as static archives, is in a module of ours, xxgk-pdf.so (read_pdf.c).
 *
 * When a library cannot be loaded, the caller gets a clear error naming
 * the file and the Debian package to install; nothing is printed.
 */
#ifndef XXGK_LAZY_H
#define XXGK_LAZY_H

#include <stdatomic.h>
#include <stdbool.h>

#include "input.h"
#include "xxgk.h"

/* A system library opened by soname. `what` says in Chinese what needs
 * it ("报告库"), `package` which Debian package provides it; `fill`
 * looks its functions up in the handle dlopen() gave and stores them in
 * the library's table (lazy_libs.c), or names the first one missing. */
typedef struct lazy_lib {
    const char *soname;
    const char *package;
    const char *what;
    bool (*fill)(void *handle, const char **missing);
    atomic_bool ready;          /* the table is filled */
    bool failed;                /* tried, and failed: `error` says why */
    char error[512];
} lazy_lib;

/* Opens lib and fills its table, once (thread-safe). True when loaded;
 * otherwise err (if not NULL) is set to XXGK_E_UNSUPPORTED with a
 * message naming the library and the package to install. The entry
 * points of a feature call this first, so that a missing library is a
 * clear error for that input or command. */
bool lazy_load(lazy_lib *lib, xxgk_error *err);

/* What every call through a table checks first (src/lazy/README.md): a
 * function called before its library was loaded loads it; if it cannot
 * be, the program stops with the reason (an entry point without its
 * lazy_load, on a system without the library). */
void lazy_require(lazy_lib *lib);
static inline void lazy_ensure(lazy_lib *lib)
{
    if (!atomic_load_explicit(&lib->ready, memory_order_acquire))
        lazy_require(lib);
}
#define LAZY_CALL(lib, fn) (lazy_ensure(&lazy_##lib##_lib), lazy_##lib.fn)

/* The libraries (lazy_libs.c). */
extern lazy_lib lazy_sqlite3_lib, lazy_nettle_lib, lazy_argon2_lib, lazy_xml2_lib, lazy_zip_lib, lazy_xlsxwriter_lib,
    lazy_opencc_lib;

/* The address of `symbol` in the module file `file` (xxgk-pdf.so), or
 * NULL with err set. The module is looked for, in order, in the
 * directory XXGK_MODULE_DIR names (and only there, when it is set),
 * beside the running program (the build tree), in its ../lib/xxgk and
 * ../<libdir>/xxgk (an installed xxgk), and in the library directory
 * xxgk was configured to install into. `what` names it in messages,
 * `packages` lists the Debian packages its own libraries come from. */
void *lazy_module(const char *file, const char *symbol, const char *what, const char *packages,
                  xxgk_error *err);

#endif
