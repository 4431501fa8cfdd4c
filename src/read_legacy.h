/*
 * read_legacy.h — legacy Word and WPS documents (read_legacy.c).
 */
#ifndef XXGK_READ_LEGACY_H
#define XXGK_READ_LEGACY_H

#include "readers.h"

/* How long one conversion may take, in seconds, unless the environment
 * variable XXGK_CONVERT_TIMEOUT says otherwise. */
#define LEGACY_TIMEOUT 90 /* see OFFICE_TIMEOUT */
/* The largest DOCX a conversion may produce. */
#define LEGACY_MAX_OUTPUT XXGK_MAX_INPUT

/* A reader_fn for OLE2 files (.doc, .wps): LibreOffice converts them to
 * DOCX (headless, in a fresh temporary directory with its own profile,
 * within the time limit, the directory removed afterwards), then
 * read_docx reads that. The program is `soffice` on PATH, or the one the
 * environment variable XXGK_SOFFICE names. Fails with XXGK_E_UNSUPPORTED
 * and a message naming the program when it is not installed, or when
 * the conversion fails or times out. */
xxgk_status read_legacy(arena *a, const char *data, size_t size, doc *out,
                        const char **encoding, xxgk_error *err);

#endif
