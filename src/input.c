/*
 * input.c — content sniffing and text normalisation (see input.h).
 *
 * Reports reach us as UTF-8 or, from older Windows tools and many
 * government sites, as GBK/GB18030. Everything is converted to UTF-8
 * here, once; CRLF and lone CR become LF; the BOM goes.
 */
#include "input.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

xxgk_status error_set(xxgk_error *err, xxgk_status status, const char *fmt, ...)
{
    if (err) {
        err->status = status;
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        /* A message cut to fit must not end inside a UTF-8 character. */
        if (n >= (int)sizeof err->message) {
            size_t len = strlen(err->message), k = len;
            while (k > 0 && ((unsigned char)err->message[k - 1] & 0xC0) == 0x80)
                k--;
            if (k > 0 && (unsigned char)err->message[k - 1] >= 0xC0) {
                unsigned char lead = (unsigned char)err->message[k - 1];
                size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
                if (len - (k - 1) < need)
                    err->message[k - 1] = '\0';
            }
        }
    }
    return status;
}

xxgk_status error_name_file(xxgk_error *err, const char *path)
{
    char why[sizeof err->message];
    snprintf(why, sizeof why, "%s", err->message);
    return error_set(err, err->status, "%s：%s", path, why);
}

static int starts_with(const char *data, size_t size, const char *magic, size_t n)
{
    return size >= n && memcmp(data, magic, n) == 0;
}

/* Case-insensitive search for an ASCII tag (starting with '<') in the
 * first 4 KB: only the bytes after a '<' need comparing. */
static int head_contains(const char *data, size_t size, const char *needle)
{
    size_t n = strlen(needle), lim = size < 4096 ? size : 4096;
    const char *p = data, *end = data + lim;
    while ((size_t)(end - p) >= n && (p = memchr(p, '<', (size_t)(end - p) - n + 1))) {
        size_t k = 1;
        while (k < n && (p[k] | 0x20) == needle[k])
            k++;
        if (k == n)
            return 1;
        p++;
    }
    return 0;
}

/* Markup of text outside tables (paragraphs, line breaks, headings):
 * HTML, not text that carries its tables as HTML. */
static bool has_html_blocks(const char *data, size_t size)
{
    static const char *const tags[] = {"<p>", "<p ", "<div", "<br", "<span", "<h1", "<h2",
                                       "<h3", "<li", "<font", NULL};
    for (int i = 0; tags[i]; i++)
        if (head_contains(data, size, tags[i]))
            return true;
    return false;
}

/* A line starting with <table> past the first 4 KB of text: a converter's
 * Markdown whose first table comes late. */
static bool html_table_later(const char *data, size_t size)
{
    for (const char *p = data, *end = data + size;
         (p = memchr(p, '<', (size_t)(end - p))) && end - p >= 6; p++)
        if ((p == data || p[-1] == '\n') && strncasecmp(p, "<table", 6) == 0)
            return true;
    return false;
}

bool json_detect(const char *data, size_t size)
{
    size_t i = 0;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
        i++;
    return i < size && data[i] == '{';
}

input_kind input_detect(const char *data, size_t size)
{
    if (starts_with(data, size, "PK\x03\x04", 4) || starts_with(data, size, "PK\x05\x06", 4))
        return INPUT_ZIP;
    if (starts_with(data, size, "%PDF", 4))
        return INPUT_PDF;
    if (starts_with(data, size, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return INPUT_OLE2;
    if (starts_with(data, size, "{\\rtf", 5))
        return INPUT_RTF;
    size_t lim = size < 4096 ? size : 4096;
    if (memchr(data, '\0', lim))
        return INPUT_BINARY;
    if (crawl_detect(data, size))
        return INPUT_CRAWL;
    if (json_detect(data, size))
        return INPUT_JSON;
    if (head_contains(data, size, "<html") || head_contains(data, size, "<!doctype html") ||
        head_contains(data, size, "<body"))
        return INPUT_HTML;
    bool table = head_contains(data, size, "<table");
    if (table && has_html_blocks(data, size))
        return INPUT_HTML; /* a page's fragment: its text is markup too */
    if (table || html_table_later(data, size))
        return INPUT_MARKDOWN;
    return INPUT_TEXT;
}

const char *input_kind_name(input_kind kind)
{
    switch (kind) {
    case INPUT_TEXT: return "text";
    case INPUT_HTML: return "HTML";
    case INPUT_ZIP: return "zip (DOCX/XLSX)";
    case INPUT_PDF: return "PDF";
    case INPUT_OLE2: return "OLE2 (DOC/WPS/XLS)";
    case INPUT_RTF: return "RTF";
    case INPUT_BINARY: return "binary";
    case INPUT_CRAWL: return "crawler text";
    case INPUT_JSON: return "JSON";
    case INPUT_MARKDOWN: return "Markdown (HTML tables)";
    }
    return "?";
}

/* Control characters other than the text ones mean binary data. A few
 * (a form feed between pages, a stray escape) are tolerated. */
static int looks_binary(const char *s, size_t size)
{
    if (memchr(s, '\0', size))
        return 1;
    /* bit i set: control character i is not a text one */
    const uint32_t odd = ~((1u << '\t') | (1u << '\n') | (1u << '\r') | (1u << '\f'));
    size_t controls = 0, i = 0;
    for (; i < size; i++) {
        /* eight bytes at a time past those with no byte below 0x20 */
        uint64_t w;
        while (i + 8 <= size && (memcpy(&w, s + i, 8),
                                 !((w - UINT64_C(0x2020202020202020)) & ~w & UINT64_C(0x8080808080808080))))
            i += 8;
        if (i == size)
            break;
        unsigned char c = (unsigned char)s[i];
        controls += c < 0x20 && ((odd >> c) & 1);
    }
    return controls > 8 && controls * 100 > size;
}

/* GB18030 → UTF-8 through iconv. Returns NULL when the bytes are not
 * valid GB18030 either. */
static char *from_gb18030(arena *a, const char *s, size_t size, size_t *out_size)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = size * 2 + 16; /* a GB18030 character never needs more */
    char *out = arena_alloc_raw(a, cap);
    char *in = (char *)s, *o = out;
    size_t inleft = size, outleft = cap - 1;
    size_t r = out ? iconv(cd, &in, &inleft, &o, &outleft) : (size_t)-1;
    iconv_close(cd);
    if (r == (size_t)-1 || inleft != 0)
        return NULL;
    *o = '\0';
    *out_size = (size_t)(o - out);
    return out;
}

/* Copies s into the arena with BOM stripped and CRLF/CR turned into LF. */
static char *normalise_lines(arena *a, const char *s, size_t size, size_t *out_size)
{
    if (size >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        size -= 3;
    }
    char *out = arena_alloc_raw(a, size + 1);
    if (!out)
        return NULL;
    size_t o = 0, i = 0;
    while (i < size) {
        const char *cr = memchr(s + i, '\r', size - i);
        size_t run = cr ? (size_t)(cr - (s + i)) : size - i;
        memcpy(out + o, s + i, run);
        o += run;
        i += run;
        if (cr) {
            out[o++] = '\n';
            i += (i + 1 < size && s[i + 1] == '\n') ? 2 : 1;
        }
    }
    out[o] = '\0';
    *out_size = o;
    return out;
}

/* ---- UTF-16 (Notepad's "Unicode") ------------------------------------ */

/* The byte order of UTF-16 text: by its BOM, or, without one, by the NUL
 * bytes ASCII characters (digits, line ends, tabs) leave on one side of
 * their pair in the first 4 KB — a report has many (a third of the pairs
 * in sample 002). Ideographs such as 一 (U+4E00) leave a few on the other
 * side, so that side must merely be much rarer. NULL when it is not
 * UTF-16 as far as can be told. */
static const char *utf16_order(const char *data, size_t size, bool guess, size_t *bom)
{
    const unsigned char *u = (const unsigned char *)data;
    *bom = 0;
    if (size >= 2 && u[0] == 0xFF && u[1] == 0xFE && !(size >= 4 && !u[2] && !u[3]))
        return *bom = 2, "UTF-16LE";
    if (size >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        return *bom = 2, "UTF-16BE";
    if (!guess)
        return NULL;
    size_t lim = (size < 4096 ? size : 4096) & ~(size_t)1, even = 0, odd = 0;
    for (size_t i = 0; i < lim; i += 2) {
        even += u[i] == 0;
        odd += u[i + 1] == 0;
    }
    size_t pairs = lim / 2;
    if (pairs < 8)
        return NULL;
    if (odd * 10 >= pairs && even * 4 < odd)
        return "UTF-16LE";
    if (even * 10 >= pairs && odd * 4 < even)
        return "UTF-16BE";
    return NULL;
}

xxgk_status input_from_utf16(arena *a, const char **data, size_t *size, bool guess,
                             const char **encoding, xxgk_error *err)
{
    size_t bom;
    const char *order = utf16_order(*data, *size, guess, &bom);
    *encoding = NULL;
    if (!order)
        return XXGK_OK;
    const char *in_text = *data + bom;
    size_t left = *size - bom;
    /* Without a BOM it was only a guess: what does not convert is left to
     * be judged as it is (binary, most likely). */
    if (left % 2)
        return bom ? error_set(err, XXGK_E_TRUNCATED, "文件不完整：%s 文本的字节数为奇数", order)
                   : XXGK_OK;
    iconv_t cd = iconv_open("UTF-8", order);
    if (cd == (iconv_t)-1)
        return error_set(err, XXGK_E_ENCODING, "无法转换 %s 文本（iconv 不支持）", order);
    size_t cap = left / 2 * 3 + 16; /* a UTF-16 unit never needs more than 3 bytes */
    char *out = arena_alloc_raw(a, cap), *o = out, *in = (char *)in_text;
    size_t outleft = cap - 1;
    size_t r = out ? iconv(cd, &in, &left, &o, &outleft) : (size_t)-1;
    iconv_close(cd);
    if (!out)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    if (r == (size_t)-1 || left != 0)
        return bom ? error_set(err, XXGK_E_ENCODING, "%s 文本在第 %zu 字节处有无效的字符", order,
                               (size_t)(in - *data))
                   : XXGK_OK;
    *o = '\0';
    *data = out;
    *size = (size_t)(o - out);
    *encoding = order;
    return XXGK_OK;
}

xxgk_status input_normalise(arena *a, const char *data, size_t size, input_text *out,
                            xxgk_error *err)
{
    if (size == 0)
        return error_set(err, XXGK_E_EMPTY, "文件为空");
    if (looks_binary(data, size))
        return error_set(err, XXGK_E_BINARY, "不是文本文件（含有二进制数据）");

    bool at_end = false;
    size_t bad = utf8_invalid_at(data, size, &at_end);
    const char *text = data;
    size_t text_size = size;
    out->encoding = "UTF-8";
    /* Blank only when it is valid text and all white space: a byte that is
     * neither UTF-8 nor GB18030 (a lone \xff) is an encoding error, not
     * an empty file. */
    if (bad == size && text_is_blank(data, size))
        return error_set(err, XXGK_E_EMPTY, "文件为空");
    if (bad < size) {
        if (at_end)
            return error_set(err, XXGK_E_TRUNCATED,
                             "文件不完整：在第 %zu 字节处截断（UTF-8 字符不完整）", bad);
        char *conv = from_gb18030(a, data, size, &text_size);
        if (!conv)
            return error_set(err, XXGK_E_ENCODING,
                             "编码无法识别：第 %zu 字节起既不是 UTF-8 也不是 GB18030", bad);
        text = conv;
        out->encoding = "GB18030";
        if (text_is_blank(text, text_size))
            return error_set(err, XXGK_E_EMPTY, "文件为空");
    }
    out->text = normalise_lines(a, text, text_size, &out->size);
    if (!out->text)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    return XXGK_OK;
}

const char *sys_error_text(int errnum)
{
    switch (errnum) {
    case ENOENT: return "文件或目录不存在";
    case EACCES:
    case EPERM: return "没有权限";
    case EISDIR: return "是目录，不是文件";
    case ENOTDIR: return "路径中有一部分不是目录";
    case ENOSPC: return "磁盘空间不足";
    case EDQUOT: return "超出磁盘配额";
    case EROFS: return "文件系统是只读的";
    case EEXIST: return "文件已存在";
    case EMFILE:
    case ENFILE: return "打开的文件过多";
    case ENAMETOOLONG: return "文件名过长";
    case ELOOP: return "符号链接层数过多";
    case EIO: return "输入输出错误（磁盘或设备故障）";
    case EFBIG: return "文件过大";
    case ENOMEM: return "内存不足";
    case EPIPE: return "输出管道已关闭";
    case EBUSY: return "设备或资源忙";
    case ENXIO:
    case ENODEV: return "设备不存在";
    default: return strerror(errnum);
    }
}

const char *xxgk_system_error_text(int errnum)
{
    return sys_error_text(errnum);
}
