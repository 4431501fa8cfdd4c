/*
 * input.h — the input boundary: what kind of file this is, and turning
 * text bytes into the normalised UTF-8 every reader downstream trusts.
 */
#ifndef XXGK_INPUT_H
#define XXGK_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "xxgk.h"

/* What a file is, judged by its content, never by its name. */
typedef enum input_kind {
    INPUT_TEXT = 0,
    INPUT_HTML,
    INPUT_ZIP,   /* DOCX, XLSX, … (a zip container) */
    INPUT_PDF,
    INPUT_OLE2,  /* legacy .doc / .wps / .xls */
    INPUT_RTF,
    INPUT_BINARY, /* anything else that is not text */
    INPUT_CRAWL,  /* a crawler's text dump of a report page (read_crawl.c) */
    INPUT_JSON,   /* a report model (model_json.c) */
    INPUT_MARKDOWN /* text whose tables are HTML (<table>…</table>), as
                      PDF-to-Markdown converters write them (read_markdown.c) */
} input_kind;

input_kind input_detect(const char *data, size_t size);
/* Whether the text starts with a crawler's metadata header (标题: … ==== 正文 ====). */
bool crawl_detect(const char *data, size_t size);
const char *input_kind_name(input_kind kind);
/* Whether the data is a JSON object (after white space and a BOM): a
 * report model, as `xxgk new` and `parse --sections` write it. */
bool json_detect(const char *data, size_t size);

/* Normalised text: valid UTF-8 (converted from GB18030 when it is not
 * UTF-8), no BOM, LF line ends, NUL-terminated. */
typedef struct input_text {
    char *text;
    size_t size;
    const char *encoding; /* "UTF-8" or "GB18030" */
} input_text;

/* Normalises `data` into `out` (memory from the arena). Fails with
 * XXGK_E_EMPTY, XXGK_E_BINARY, XXGK_E_ENCODING or XXGK_E_TRUNCATED and
 * a message in err. */
xxgk_status input_normalise(arena *a, const char *data, size_t size,
                            input_text *out, xxgk_error *err);

/* UTF-16 text (with a BOM, as Notepad saves "Unicode", or, with `guess`,
 * recognisable without one by the NUL bytes on one side of each pair)
 * converted to UTF-8 in the arena: *data and *size are replaced and
 * *encoding set to "UTF-16LE" or "UTF-16BE". Anything else is left as it
 * is (*encoding NULL). Fails with XXGK_E_ENCODING or XXGK_E_TRUNCATED when
 * UTF-16 text does not convert. */
xxgk_status input_from_utf16(arena *a, const char **data, size_t *size, bool guess,
                             const char **encoding, xxgk_error *err);

/* Sets err to status with a printf-style message. Returns status. */
xxgk_status error_set(xxgk_error *err, xxgk_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Puts "PATH：" before err's message (for messages of writers that do
 * not know the file they write). Returns err->status. */
xxgk_status error_name_file(xxgk_error *err, const char *path);

/* A system error (errno) in Chinese for the common ones, else strerror's
 * text: the library's messages are Chinese where the text is ours. */
const char *sys_error_text(int errnum);

#endif
