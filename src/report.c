/*
 * report.c — the report object: parse entry points, accessors, freeing.
 */
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
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

xxgk_evidence *report_evidence_new(xxgk_report *r)
{
    xxgk_evidence *ev = arena_alloc(&r->a, sizeof *ev);
    if (!ev)
        return NULL;
    ev->text = "";
    ev->encoding = "UTF-8";
    ev->cell_src = arena_alloc(&r->a, sizeof *ev->cell_src * (r->ncells + 1));
    if (!ev->cell_src)
        return NULL;
    r->ev = ev;
    return ev;
}

/* The number of \n in s[0..n), eight bytes at a time (bytes_equal),
 * the marks summed by a multiplication. */
static size_t count_newlines(const char *s, size_t n)
{
    size_t count = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t ones = bytes_equal(w, '\n') >> 7; /* 1 in each such byte */
        count += (size_t)((ones * UINT64_C(0x0101010101010101)) >> 56);
    }
    for (; i < n; i++)
        count += s[i] == '\n';
    return count;
}

/* The byte offset of each line of the text view, for line numbers and
 * source lines. A view of more than REPORT_MAX_LINES lines is refused
 * before anything is built from it: no report is nearly that long, and
 * every line may become a paragraph of the tree. */
static xxgk_status index_lines(xxgk_report *r, xxgk_error *err)
{
    const char *text = r->ev->text;
    size_t size = r->ev->size, n = 1 + count_newlines(text, size);
    if (n > REPORT_MAX_LINES)
        return error_set(err, XXGK_E_TOO_LARGE,
                         "文本行数过多（%zu 行，上限 %d 行），不是一份年度报告", n,
                         REPORT_MAX_LINES);
    uint32_t *start = arena_alloc_raw(&r->a, sizeof(uint32_t) * (n + 1));
    if (!start)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    uint32_t k = 0;
    start[k++] = 0;
    for (size_t i = text_line_end(text, size, 0); i < size; i = text_line_end(text, size, i + 1))
        start[k++] = (uint32_t)(i + 1);
    start[k] = (uint32_t)size + 1;
    r->ev->line_start = start;
    r->ev->nlines = k;
    return XXGK_OK;
}

/* Reads the report out of normalised text: the view is the input, the
 * tree comes from it. */
static xxgk_status parse_text(xxgk_report *r, const input_text *in, xxgk_error *err)
{
    if (!report_evidence_new(r))
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    r->ev->text = in->text;
    r->ev->size = in->size;
    r->ev->encoding = in->encoding;
    xxgk_status st = index_lines(r, err);
    if (st != XXGK_OK)
        return st;
    /* Traditional characters are read in simplified form; r->ev->text keeps
     * the original for messages (chinese.c). */
    size_t match_size;
    const char *match = chinese_match_text(&r->a, in, &match_size, &r->ev->encoding, err);
    if (!match)
        return XXGK_E_NOMEM;
    doc *d = &r->ev->tree;
    doc_init(d, &r->a);
    if (read_text(d, match, match_size) < 0)
        return d->failed ? doc_status(d, "文本", err) : error_set(err, XXGK_E_NOMEM, "内存不足");
    return recognise(r, d, err);
}

/* The name of an input kind in messages about its content. */
static const char *content_name(input_kind kind)
{
    switch (kind) {
    case INPUT_ZIP: return "DOCX/XLSX";
    case INPUT_HTML: return "网页";
    case INPUT_OLE2: return "DOC/WPS";
    case INPUT_CRAWL: return "网页抓取文本";
    case INPUT_MARKDOWN: return "Markdown";
    default: return input_kind_name(kind);
    }
}

/* Reads the report out of the tree a structured reader built: the view
 * is printed from it (and converted to simplified characters when the
 * report is in traditional ones, the tree's texts following). */
static xxgk_status parse_tree(xxgk_report *r, doc *d, const char *encoding, input_kind kind,
                              xxgk_error *err)
{
    char *view;
    size_t size;
    xxgk_status st = doc_print(d, content_name(kind), &view, &size, err);
    if (st != XXGK_OK)
        return st;
    input_text in = {view, size, encoding};
    if (!report_evidence_new(r))
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    r->ev->text = view;
    r->ev->size = size;
    r->ev->encoding = encoding;
    st = index_lines(r, err);
    if (st != XXGK_OK)
        return st;
    size_t match_size;
    const char *match = chinese_match_text(&r->a, &in, &match_size, &r->ev->encoding, err);
    if (!match)
        return XXGK_E_NOMEM;
    if (match != view && doc_rebase(d, match, match_size) < 0)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    r->ev->tree = *d;
    st = recognise(r, &r->ev->tree, err);
    if (st == XXGK_OK && d->fill_in)
        xxgk_report_complete_totals(r); /* a workbook a person filled in */
    return st;
}

static xxgk_status parse_input(xxgk_report *r, const char *data, size_t size, xxgk_error *err)
{
    input_kind kind = input_detect(data, size);
    const char *utf16 = NULL;
    /* UTF-16 looks binary (NUL bytes) or, all CJK, like text: only those
     * are tried, so no container is ever taken for it. */
    if (kind == INPUT_BINARY || kind == INPUT_TEXT) {
        xxgk_status st =
            input_from_utf16(&r->a, &data, &size, kind == INPUT_BINARY, &utf16, err);
        if (st != XXGK_OK)
            return st;
        if (utf16)
            kind = input_detect(data, size);
    }
    if (kind == INPUT_TEXT || kind == INPUT_BINARY) {
        input_text in;
        xxgk_status st = input_normalise(&r->a, data, size, &in, err);
        if (st != XXGK_OK)
            return st;
        if (utf16 && kind == INPUT_TEXT)
            in.encoding = utf16;
        return parse_text(r, &in, err);
    }
    reader_fn reader = reader_for(kind);
    if (!reader && kind == INPUT_PDF)
        return error_set(err, XXGK_E_UNSUPPORTED,
                         "这一版本的 xxgk 编译时没有 PDF 支持（XXGK_WITH_PDF=OFF），无法读取 PDF");
    if (!reader)
        return error_set(err, XXGK_E_UNSUPPORTED, "暂不支持读取 %s 文件，请先转换为文本",
                         input_kind_name(kind));
    doc d;
    doc_init(&d, &r->a);
    const char *encoding = "UTF-8";
    xxgk_status st = reader(&r->a, data, size, &d, &encoding, err);
    return st == XXGK_OK ? parse_tree(r, &d, encoding, kind, err) : st;
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
    if (data && json_detect(data, size))
        return xxgk_report_parse_json(data, size, name, out, err);
    /* Most reports are 5–30 KB; the arena starts near that. */
    xxgk_report *r = report_new_empty(name ? name : "-", size + size / 2 + 32768);
    if (!r)
        return error_set(err, XXGK_E_NOMEM, "内存不足");

    xxgk_status st = parse_input(r, data ? data : "", size, err);
    if (st == XXGK_OK)
        report_collect_sections(r);
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
                return error_set(err, XXGK_E_IO, "读取失败：%s", sys_error_text(e));
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
        error_set(err, XXGK_E_IO, "无法打开：%s", sys_error_text(errno));
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

const xxgk_evidence *xxgk_report_evidence(const xxgk_report *r)
{
    return r->ev;
}

static const xxgk_locator no_locator;

const xxgk_locator *xxgk_report_cell_locator(const xxgk_report *r, size_t id)
{
    if (!r->ev || id >= r->ncells || !r->ev->cell_src[id])
        return &no_locator;
    return r->ev->cell_src[id];
}

/* The node of the tree on view line `line`: the blocks are in the order
 * of their lines, so the block is found by bisection, then its cell. */
const xxgk_locator *xxgk_report_line_locator(const xxgk_report *r, uint32_t line)
{
    const doc *d = r->ev ? &r->ev->tree : NULL;
    if (!d || !d->n || line == 0)
        return &no_locator;
    size_t lo = 0, hi = d->n;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (d->blocks[mid].line <= line)
            lo = mid;
        else
            hi = mid;
    }
    const doc_block *b = &d->blocks[lo];
    if (b->kind == DOC_PARA && b->line == line)
        return &b->src;
    if (b->kind != DOC_TABLE || !b->nrows)
        return &no_locator;
    /* the row, then the cell, whose first line is the last at or before */
    uint32_t rlo = 0, rhi = b->nrows;
    while (rhi - rlo > 1) {
        uint32_t mid = (rlo + rhi) / 2;
        if (b->rows[mid].line <= line)
            rlo = mid;
        else
            rhi = mid;
    }
    const doc_row *row = &b->rows[rlo];
    const doc_cell *cell = NULL;
    for (uint32_t c = 0; c < row->n && row->cells[c].line <= line; c++)
        cell = &row->cells[c];
    if (!cell)
        return &no_locator;
    uint32_t last = cell->line;
    for (uint32_t j = 0; j < cell->len; j++)
        last += cell->text[j] == '\n';
    return line <= last ? &cell->src : &no_locator;
}

const char *xxgk_report_line(const xxgk_report *r, uint32_t line, size_t *len)
{
    if (!r->ev || line == 0 || line > r->ev->nlines)
        return NULL;
    uint32_t start = r->ev->line_start[line - 1], next = r->ev->line_start[line];
    *len = next - start - 1;
    return r->ev->text + start;
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
        *size = r->ev ? r->ev->size : 0;
    return r->ev ? r->ev->text : "";
}

/* Joins the paragraphs of each section, once, after recognition. */
void report_collect_sections(xxgk_report *r)
{
    for (int s = 0; s <= 6; s++) {
        size_t total = 0;
        for (size_t i = 0; i < r->ev->paras.n; i++)
            if (r->ev->paras.v[i].section == s)
                total += r->ev->paras.v[i].len + 1;
        if (!total)
            continue;
        char *buf = arena_alloc_raw(&r->a, total + 1);
        if (!buf)
            return;
        size_t o = 0;
        for (size_t i = 0; i < r->ev->paras.n; i++) {
            const rec_para *p = &r->ev->paras.v[i];
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
