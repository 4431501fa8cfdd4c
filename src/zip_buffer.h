/*
 * zip_buffer.h — opening an Office container held in memory (DOCX, XLSX)
 * for reading, within a limit on its number of parts: the first check
 * every Office reader makes, worded the same for all of them.
 */
#ifndef XXGK_ZIP_BUFFER_H
#define XXGK_ZIP_BUFFER_H

#include <stddef.h>
#include <zip.h>

#include "xxgk.h"

/* The archive in data[0..size) (not copied: it must outlive the
 * archive; close with zip_discard), or NULL with err set: a damaged or
 * cut-off zip is XXGK_E_TRUNCATED ("压缩包损坏或不完整，无法作为 KIND
 * 读取（reason）"), more than max_entries parts XXGK_E_TOO_LARGE. */
zip_t *zip_buffer_open(const char *data, size_t size, const char *kind, long long max_entries,
                       xxgk_error *err);

#endif
