/*
 * chinese.c — reports written in traditional characters (see chinese.h).
 *
 * The template labels are simplified; a report in traditional characters
 * (資訊公開, 總計) is matched in its simplified form. Detecting needs no
 * OpenCC: one look-up per character in a bitmap generated from OpenCC's
 * own table, so simplified text, nearly every report, costs one pass and
 * never loads a dictionary. Converting uses OpenCC's t2s.json, which
 * Debian's libopencc finds in /usr/share/opencc by name; libopencc
 * itself (and the C++ runtime behind it) is loaded only then (lazy.h).
 *
 * The report keeps the original text (line numbers, the source lines
 * findings show, `xxgk parse --format text`); the recogniser reads the
 * converted one, so cell texts, labels, title and section texts are
 * simplified. Both have the same lines; OpenCC maps character for
 * character in nearly every case, so columns agree too.
 */
#include "chinese.h"

#include <opencc/opencc.h>
#include <stdio.h>
#include <string.h>

#include "lazy.h"
#include "report.h"
#include "utf8.h"

/* A text is traditional when at least this share of its CJK characters
 * (in thousandths) are traditional forms, and at least MIN_HANT of them:
 * traditional text has a fifth or more, simplified text none. */
#define HANT_PER_MILLE 20
#define MIN_HANT 4

bool chinese_is_hant(int32_t cp)
{
    if (cp < (int32_t)chinese_hant_first || cp > (int32_t)chinese_hant_last)
        return false;
    uint32_t i = (uint32_t)cp - chinese_hant_first;
    return chinese_hant_bits[i >> 3] & (1u << (i & 7));
}

/* A report is written in one script throughout: once this many
 * ideographs have been seen (the title and the first paragraphs) the
 * proportion so far decides. A traditional text has a traditional form
 * in every few characters, far above HANT_PER_MILLE. */
#define DECIDE_AFTER 800

bool chinese_text_is_hant(const char *s, size_t n)
{
    size_t han = 0, hant = 0, i = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (i < n && han < DECIDE_AFTER) {
        unsigned char c = u[i];
        if (c < 0x80) { /* most bytes: skip without decoding */
            i++;
            continue;
        }
        int32_t cp;
        if (c >= 0xE0 && c < 0xF0 && i + 2 < n && (u[i + 1] & 0xC0) == 0x80 &&
            (u[i + 2] & 0xC0) == 0x80) {
            /* three-byte sequences, the CJK ones, decoded inline */
            cp = ((c & 0x0F) << 12) | ((u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
            i += 3;
        } else {
            cp = utf8_next(s, n, &i);
        }
        if (cp_is_han(cp)) {
            han++;
            hant += chinese_is_hant(cp);
        }
    }
    return hant >= MIN_HANT && hant * 1000 >= han * HANT_PER_MILLE;
}

static size_t count_lines(const char *s, size_t n)
{
    size_t lines = 0;
    for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))); p++)
        lines++;
    return lines;
}

/* OpenCC's conversion of s, copied into the arena; NULL on failure. */
static char *convert(arena *a, opencc_t cc, const char *s, size_t n, size_t *out_n)
{
    char *conv = opencc_convert_utf8(cc, s, n);
    if (!conv)
        return NULL;
    *out_n = strlen(conv);
    char *copy = arena_strndup(a, conv, *out_n);
    opencc_convert_utf8_free(conv);
    return copy;
}

static const char *note(arena *a, const char *encoding, const char *what)
{
    size_t el = strlen(encoding), wl = strlen(what);
    char *s = arena_alloc(a, el + wl + 1);
    if (!s)
        return encoding;
    memcpy(s, encoding, el);
    memcpy(s + el, what, wl + 1);
    return s;
}

const char *chinese_match_text(arena *a, const input_text *in, size_t *size,
                               const char **encoding, xxgk_error *err)
{
    *size = in->size;
    *encoding = in->encoding;
    if (!chinese_text_is_hant(in->text, in->size))
        return in->text;
    if (!lazy_load(&lazy_opencc_lib, NULL)) {
        /* libopencc missing: read as it is, and the note says what to
         * install */
        char why[160];
        snprintf(why, sizeof why, "+繁体（OpenCC 未安装（%s），未转换）", lazy_opencc_lib.package);
        *encoding = note(a, in->encoding, why);
        return in->text;
    }
    opencc_t cc = opencc_open("t2s.json");
    if (cc == (opencc_t)-1) {
        /* Read as it is: labels will mostly not match, and the note says
         * why. */
        *encoding = note(a, in->encoding, "+繁体（OpenCC 不可用，未转换）");
        return in->text;
    }
    size_t n = 0;
    char *text = convert(a, cc, in->text, in->size, &n);
    opencc_close(cc);
    /* OpenCC leaves line ends alone; were it ever not to, line numbers
     * would no longer agree with the original, so keep that instead. */
    if (text && count_lines(text, n) != count_lines(in->text, in->size)) {
        *encoding = note(a, in->encoding, "+繁体（转换改变了行数，未转换）");
        return in->text;
    }
    if (!text && a->failed) {
        error_set(err, XXGK_E_NOMEM, "内存不足");
        return NULL;
    }
    if (!text) {
        *encoding = note(a, in->encoding, "+繁体（OpenCC 转换失败，未转换）");
        return in->text;
    }
    *size = n;
    *encoding = note(a, in->encoding, "+繁体转简体");
    return text;
}

/* The public accessor of the note this file adds to the encoding. */
const char *xxgk_report_encoding(const xxgk_report *r)
{
    return r->ev->encoding ? r->ev->encoding : "UTF-8";
}
