/*
 * report.c — the report object: parse entry points, accessors, freeing.
 */
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chinese.h"
#include "input.h"
#include "readers.h"
#include "utf8.h"

int vec_grow(arena *a, void **v, size_t *cap, size_t elem)
{
    size_t nc = *cap ? *cap * 2 : 8;
    void *p = arena_grow(a, *v, *cap * elem, nc * elem);
    if (!p)
        return 0;
    *v = p;
    *cap = nc;
    return 1;
}

static int index_lines(xxgk_report *r)
{
    uint32_t n = 1;
    const char *end = r->text + r->size;
    for (const char *p = r->text; (p = memchr(p, '\n', (size_t)(end - p))); p++)
        n++;
    r->line_start = arena_alloc_raw(&r->a, sizeof(uint32_t) * (n + 1));
    if (!r->line_start)
        return -1;
    uint32_t k = 0;
    r->line_start[k++] = 0;
    for (const char *p = r->text; (p = memchr(p, '\n', (size_t)(end - p))); p++)
        r->line_start[k++] = (uint32_t)(p - r->text + 1);
    r->nlines = k;
    r->line_start[k] = (uint32_t)r->size + 1;
    return 0;
}

/* Reads the report out of normalised text (from a text file, or from the
 * text a reader made of HTML, DOCX, PDF …). */
static xxgk_status parse_normalised(xxgk_report *r, const input_text *in, xxgk_error *err)
{
    r->text = in->text;
    r->size = in->size;
    r->encoding = in->encoding;
    if (index_lines(r) < 0)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    /* Traditional characters are read in simplified form; r->text keeps
     * the original for messages (chinese.c). */
    size_t match_size;
    const char *match = chinese_match_text(&r->a, in, &match_size, &r->encoding, err);
    if (!match)
        return XXGK_E_NOMEM;
    doc d;
    doc_init(&d, &r->a);
    if (read_text(&d, match, match_size) < 0)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    xxgk_status st = recognise(r, &d, err);
    if (st == XXGK_OK)
        report_collect_sections(r);
    return st;
}

static xxgk_status parse_input(xxgk_report *r, const char *data, size_t size, xxgk_error *err)
{
    input_kind kind = input_detect(data, size);
    const char *utf16 = NULL;
    xxgk_status st = XXGK_OK;
    /* UTF-16 looks binary (NUL bytes) or, all CJK, like text: only those
     * are tried, so no container is ever taken for it. */
    if (kind == INPUT_BINARY || kind == INPUT_TEXT)
        st = input_from_utf16(&r->a, &data, &size, kind == INPUT_BINARY, &utf16, err);
    if (st != XXGK_OK)
        return st;
    if (utf16)
        kind = input_detect(data, size);
    input_text in;
    if (kind == INPUT_TEXT || kind == INPUT_BINARY) {
        st = input_normalise(&r->a, data, size, &in, err);
    } else {
        reader_fn reader = reader_for(kind);
        if (!reader)
            return error_set(err, XXGK_E_UNSUPPORTED, "暂不支持读取 %s 文件，请先转换为文本",
                             input_kind_name(kind));
        st = reader(&r->a, data, size, &in, err);
    }
    if (st != XXGK_OK)
        return st;
    if (utf16 && kind == INPUT_TEXT)
        in.encoding = utf16;
    return parse_normalised(r, &in, err);
}

xxgk_status xxgk_report_parse(const char *data, size_t size, const char *name,
                              xxgk_report **out, xxgk_error *err)
{
    *out = NULL;
    if (!data && size)
        return error_set(err, XXGK_E_USAGE, "没有输入数据");
    if (size > XXGK_MAX_INPUT)
        return error_set(err, XXGK_E_TOO_LARGE, "文件过大（%zu 字节，上限 %zu 字节）", size,
                         (size_t)XXGK_MAX_INPUT);
    /* Most reports are 5–30 KB; the arena starts near that. */
    xxgk_report *r = report_new_empty(name ? name : "-", size + size / 2 + 32768);
    if (!r)
        return error_set(err, XXGK_E_NOMEM, "内存不足");

    xxgk_status st = parse_input(r, data ? data : "", size, err);
    if (st == XXGK_OK && r->a.failed)
        st = error_set(err, XXGK_E_NOMEM, "内存不足");
    if (st != XXGK_OK) {
        xxgk_report_free(r);
        return st;
    }
    *out = r;
    return XXGK_OK;
}

xxgk_report *report_new_empty(const char *name, size_t first_chunk)
{
    xxgk_report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    arena_init(&r->a, first_chunk);
    r->name = arena_strndup(&r->a, name, strlen(name));
    r->text = "";
    r->ncells = xxgk_cell_count();
    r->cells = arena_alloc(&r->a, sizeof(xxgk_cell) * r->ncells);
    if (!r->name || !r->cells) {
        xxgk_report_free(r);
        return NULL;
    }
    for (size_t i = 0; i < r->ncells; i++)
        r->cells[i].raw = "";
    return r;
}

/* Reads the whole of f into a malloc'd buffer, refusing more than the
 * input limit. */
static xxgk_status slurp(FILE *f, const char *path, char **data, size_t *size, xxgk_error *err)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    for (;;) {
        if (n == cap) {
            if (cap > XXGK_MAX_INPUT) {
                free(buf);
                return error_set(err, XXGK_E_TOO_LARGE, "文件过大（超过 %zu 字节）",
                                 (size_t)XXGK_MAX_INPUT);
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return error_set(err, XXGK_E_NOMEM, "内存不足");
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int e = errno;
                free(buf);
                return error_set(err, XXGK_E_IO, "读取失败：%s", strerror(e));
            }
            break;
        }
    }
    (void)path;
    *data = buf;
    *size = n;
    return XXGK_OK;
}

/* Opens a named file for reading without ever blocking in open() (a FIFO
 * with no writer would block it, and with it the whole run), and refuses
 * what is not a report file: directories and devices. A FIFO or pipe is
 * read (process substitution, <(…), is one); one with no writer gives
 * end of file at once. *fifo tells which. */
static FILE *open_report(const char *path, bool *fifo, xxgk_error *err)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
        error_set(err, XXGK_E_IO, "无法打开：%s", strerror(errno));
        return NULL;
    }
    const char *what = fstat(fd, &st) != 0          ? "无法读取文件信息"
                       : S_ISDIR(st.st_mode)        ? "是一个目录，不是报告文件"
                       : S_ISCHR(st.st_mode)        ? "是字符设备，不是报告文件（读取标准输入请用 -）"
                       : S_ISBLK(st.st_mode)        ? "是块设备，不是报告文件"
                       : S_ISSOCK(st.st_mode)       ? "是套接字，不是报告文件"
                                                    : NULL;
    int flags = what ? 0 : fcntl(fd, F_GETFL);
    if (!what && (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0))
        what = "无法读取";
    FILE *f = what ? NULL : fdopen(fd, "rb");
    if (!f) {
        close(fd);
        error_set(err, what ? XXGK_E_IO : XXGK_E_NOMEM, "%s", what ? what : "内存不足");
        return NULL;
    }
    *fifo = S_ISFIFO(st.st_mode);
    return f;
}

xxgk_status report_read_path(const char *path, char **data, size_t *size, xxgk_error *err)
{
    *data = NULL;
    *size = 0;
    if (!path)
        return error_set(err, XXGK_E_USAGE, "没有给出文件名");
    bool is_stdin = strcmp(path, "-") == 0, fifo = false;
    FILE *f = is_stdin ? stdin : open_report(path, &fifo, err);
    if (!f)
        return err ? err->status : XXGK_E_IO;
    xxgk_status st = slurp(f, path, data, size, err);
    if (!is_stdin)
        fclose(f);
    if (st == XXGK_OK && fifo && *size == 0) {
        free(*data);
        *data = NULL;
        return error_set(err, XXGK_E_EMPTY, "是命名管道（FIFO），没有读到数据（没有写入方）");
    }
    return st;
}

xxgk_status xxgk_report_read_file(const char *path, xxgk_report **out, xxgk_error *err)
{
    *out = NULL;
    char *data;
    size_t size;
    xxgk_status st = report_read_path(path, &data, &size, err);
    if (st != XXGK_OK)
        return st;
    st = xxgk_report_parse(data, size, path, out, err);
    free(data);
    return st;
}

void xxgk_report_free(xxgk_report *r)
{
    if (!r)
        return;
    arena_release(&r->a);
    free(r);
}

const char *xxgk_report_name(const xxgk_report *r)
{
    return r->name;
}

const xxgk_meta *xxgk_report_meta(const xxgk_report *r)
{
    return &r->meta;
}

const xxgk_cell *xxgk_report_cell(const xxgk_report *r, size_t id)
{
    static const xxgk_cell absent = {XXGK_VALUE_ABSENT, {0, 0}, 0, 0, 0, 0, ""};
    return id < r->ncells ? &r->cells[id] : &absent;
}

const char *xxgk_report_line(const xxgk_report *r, uint32_t line, size_t *len)
{
    if (line == 0 || line > r->nlines)
        return NULL;
    uint32_t start = r->line_start[line - 1], next = r->line_start[line];
    *len = next - start - 1;
    return r->text + start;
}

const char *xxgk_status_name(xxgk_status s)
{
    static const char *const names[] = {"ok",        "io",         "empty",  "binary",
                                        "encoding",  "truncated",  "not-report",
                                        "old-format", "too-large", "unsupported",
                                        "nomem",     "usage"};
    return (unsigned)s < sizeof names / sizeof names[0] ? names[s] : "unknown";
}

const char *xxgk_status_text(xxgk_status s)
{
    static const char *const texts[] = {"成功",         "无法读取文件",   "文件为空",
                                        "不是文本文件", "编码无法识别",   "文件不完整",
                                        "不是政府信息公开工作年度报告",
                                        "2019年以前的旧格式报告", "文件过大",
                                        "不支持的文件类型", "内存不足", "用法错误"};
    return (unsigned)s < sizeof texts / sizeof texts[0] ? texts[s] : "未知错误";
}

const char *xxgk_report_text(const xxgk_report *r, size_t *size)
{
    if (size)
        *size = r->size;
    return r->text;
}

/* Joins the paragraphs of each section, once, after recognition. */
void report_collect_sections(xxgk_report *r)
{
    for (int s = 0; s <= 6; s++) {
        size_t total = 0;
        for (size_t i = 0; i < r->paras.n; i++)
            if (r->paras.v[i].section == s)
                total += r->paras.v[i].len + 1;
        if (!total)
            continue;
        char *buf = arena_alloc_raw(&r->a, total + 1);
        if (!buf)
            return;
        size_t o = 0;
        for (size_t i = 0; i < r->paras.n; i++) {
            const rec_para *p = &r->paras.v[i];
            if (p->section != s || text_is_blank(p->text, p->len))
                continue;
            if (o)
                buf[o++] = '\n';
            memcpy(buf + o, p->text, p->len);
            o += p->len;
        }
        buf[o] = '\0';
        r->section_text[s] = o ? buf : NULL;
    }
}

const char *xxgk_report_section_text(const xxgk_report *r, int n)
{
    return n >= 0 && n <= 6 ? r->section_text[n] : NULL;
}
