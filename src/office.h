/*
 * office.h — running LibreOffice headless on one document (office.c).
 */
#ifndef XXGK_OFFICE_H
#define XXGK_OFFICE_H

#include <stdbool.h>
#include <stddef.h>

#include "xxgk.h"

/* How long one conversion may take, in seconds, unless the environment
 * variable XXGK_CONVERT_TIMEOUT says otherwise. */
#define OFFICE_TIMEOUT 90

/* One conversion: the input, its extension, LibreOffice's --convert-to
 * filter, the output's extension, what is done (in messages: "转换
 * DOC/WPS 文件"), the Debian package to install when LibreOffice is
 * missing, and the largest output taken. */
typedef struct office_job {
    const char *data;
    size_t size;
    const char *in_ext, *filter, *out_ext;
    const char *what, *package;
    size_t limit;
} office_job;

/* The LibreOffice program: $XXGK_SOFFICE, else soffice or libreoffice on
 * the PATH. */
bool office_find(char *path, size_t cap);

/* Runs the conversion (headless, in a fresh temporary directory with its
 * own profile, within the time limit, the directory removed afterwards)
 * and gives the output in a malloc'd buffer. Fails with
 * XXGK_E_UNSUPPORTED and a message naming the package when LibreOffice
 * is not installed, or when the conversion fails or times out. */
xxgk_status office_convert(const office_job *job, char **out, size_t *out_size, xxgk_error *err);

#endif
