/*
 * render.c — xxgk_report_render: picks the renderer for a format, and
 * the helpers every renderer shares (title, headings, dates, paragraphs,
 * values, escaping).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "render.h"
#include "report.h"
#include "tempfiles.h"
#include "utf8.h"

static const struct {
    const char *name;
    xxgk_render_format format;
} format_names[] = {
    {"docx", XXGK_RENDER_DOCX},   {"html", XXGK_RENDER_HTML},         {"htm", XXGK_RENDER_HTML},
    {"md", XXGK_RENDER_MARKDOWN}, {"markdown", XXGK_RENDER_MARKDOWN}, {"txt", XXGK_RENDER_TEXT},
    {"text", XXGK_RENDER_TEXT},   {"xlsx", XXGK_RENDER_XLSX},         {"json", XXGK_RENDER_JSON},
    {"pdf", XXGK_RENDER_PDF},
};

xxgk_render_format xxgk_render_format_from_name(const char *name)
{
    if (!name)
        return XXGK_RENDER_UNKNOWN;
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
        const char *a = format_names[i].name, *b = name;
        while (*a && (*b | 0x20) == *a) {
            a++;
            b++;
        }
        if (!*a && !*b)
            return format_names[i].format;
    }
    return XXGK_RENDER_UNKNOWN;
}

xxgk_render_format xxgk_render_format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (!dot || (slash && dot < slash))
        return XXGK_RENDER_UNKNOWN;
    return xxgk_render_format_from_name(dot + 1);
}

const char *xxgk_render_format_extension(xxgk_render_format f)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
        if (format_names[i].format == f)
            return format_names[i].name;
    return NULL;
}

/* ---- shared helpers --------------------------------------------------- */

xxgk_format render_format_of(const xxgk_report *r)
{
    const xxgk_meta *m = xxgk_report_meta(r);
    if (tpl_get(m->format))
        return m->format;
    return xxgk_format_for_year(m->year);
}

const char *render_title(const xxgk_report *r, char *buf, size_t size)
{
    const xxgk_meta *m = xxgk_report_meta(r);
    if (m->title && *m->title)
        return m->title;
    int n = snprintf(buf, size, "%s%d年政府信息公开工作年度报告", m->body ? m->body : "", m->year);
    if (n >= (int)size && size) {
        /* An absurdly long body: cut on a character boundary. */
        size_t end = size - 1;
        while (end > 0 && ((unsigned char)buf[end] & 0xC0) == 0x80)
            end--;
        buf[end] = '\0';
    }
    return buf;
}

const char *render_heading(xxgk_format f, int n, char *buf, size_t size)
{
    static const char *const numerals[] = {"一", "二", "三", "四", "五", "六"};
    const tpl_format *fmt = tpl_get(f);
    if (!fmt || n < 1 || n > 6) {
        if (size)
            buf[0] = '\0';
        return buf;
    }
    snprintf(buf, size, "%s、%s", numerals[n - 1], fmt->headings[n - 1].title);
    return buf;
}

const char *render_caption(xxgk_format f, int n, char *buf, size_t size)
{
    const tpl_table *t = tpl_table_of(f, n);
    if (!t) {
        if (size)
            buf[0] = '\0';
        return buf;
    }
    snprintf(buf, size, "%s　%s", t->name, t->title);
    return buf;
}

/* "2021-01-28" → 2021, 1, 28; false when it is not such a date. */
static bool split_iso(const char *iso, int *y, int *mo, int *d)
{
    return iso && strlen(iso) == 10 && sscanf(iso, "%4d-%2d-%2d", y, mo, d) == 3;
}

const char *render_date(const xxgk_report *r, char *buf, size_t size)
{
    int y, mo, d;
    if (!split_iso(xxgk_report_meta(r)->date, &y, &mo, &d))
        return NULL;
    snprintf(buf, size, "%d年%d月%d日", y, mo, d);
    return buf;
}

const char *render_period_sentence(const xxgk_report *r, char *buf, size_t size)
{
    const xxgk_meta *m = xxgk_report_meta(r);
    int y1, m1, d1, y2, m2, d2;
    if (!split_iso(m->period_from, &y1, &m1, &d1) || !split_iso(m->period_to, &y2, &m2, &d2))
        return NULL;
    /* The reader takes the period from the text before section 二. */
    for (int n = 0; n <= 1; n++) {
        size_t len;
        const char *s = xxgk_report_model_section(r, n, &len);
        for (size_t i = 0; s && i + 6 <= len; i++)
            if (memcmp(s + i, "统计", 6) == 0)
                return NULL;
    }
    snprintf(buf, size, "本报告中所列数据的统计期限为%d年%d月%d日至%d年%d月%d日。", y1, m1, d1, y2,
             m2, d2);
    return buf;
}

static void trim_space(const char **s, size_t *len)
{
    size_t i = 0;
    while (i < *len) {
        size_t j = i;
        int32_t cp = utf8_next(*s, *len, &j);
        if (cp >= 0 && !cp_is_space(cp))
            break;
        i = j;
    }
    *s += i;
    *len -= i;
    while (*len) {
        /* Step back over one code point. */
        size_t k = *len - 1;
        while (k > 0 && ((unsigned char)(*s)[k] & 0xC0) == 0x80)
            k--;
        size_t j = k;
        int32_t cp = utf8_next(*s, *len, &j);
        if (cp >= 0 && !cp_is_space(cp))
            break;
        *len = k;
    }
}

void para_iter_init(para_iter *it, const xxgk_report *r, int section)
{
    size_t len = 0;
    const char *s = xxgk_report_model_section(r, section, &len);
    it->p = s;
    it->end = s ? s + len : NULL;
}

bool para_iter_next(para_iter *it, const char **text, size_t *len)
{
    while (it->p && it->p < it->end) {
        const char *nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
        const char *stop = nl ? nl : it->end;
        const char *s = it->p;
        size_t n = (size_t)(stop - s);
        it->p = nl ? nl + 1 : it->end;
        trim_space(&s, &n);
        if (n && !text_is_blank(s, n)) {
            *text = s;
            *len = n;
            return true;
        }
    }
    return false;
}

const char *render_value(const xxgk_report *r, int cell, char *buf, size_t size)
{
    const xxgk_cell *c = xxgk_report_cell(r, (size_t)cell);
    if (c->kind != XXGK_VALUE_NUMBER) {
        buf[0] = '\0';
        return buf;
    }
    return xxgk_decimal_format(c->value, buf, size);
}

/* Chinese numerals 一 … 十 as they number sub-headings. */
static size_t cn_numeral(const char *s, size_t n)
{
    static const char *const digits[] = {"一", "二", "三", "四", "五", "六",
                                         "七", "八", "九", "十", NULL};
    size_t i = 0;
    for (bool more = true; more && i < n;) {
        more = false;
        for (int k = 0; digits[k]; k++)
            if (text_starts_at(s + i, n - i, 0, digits[k])) {
                i += 3;
                more = true;
                break;
            }
    }
    return i;
}

int render_subheading(const char *s, size_t n, size_t *head_len)
{
    int level = 0;
    size_t i = 0;
    if (text_starts_at(s, n, 0, "（")) {
        size_t k = cn_numeral(s + 3, n - 3);
        if (k && text_starts_at(s + 3 + k, n - 3 - k, 0, "）")) {
            level = 2;
            i = 3 + k + 3;
        }
    } else if (n >= 2 && s[0] >= '1' && s[0] <= '9') {
        size_t k = 1;
        while (k < n && s[k] >= '0' && s[k] <= '9')
            k++;
        if (k < n && s[k] == '.')
            i = k + 1, level = 3;
        else if (text_starts_at(s + k, n - k, 0, "．"))
            i = k + 3, level = 3;
    }
    if (!level)
        return 0;
    /* The heading runs to the first full stop; a short paragraph without
     * one is a heading on its own line. */
    size_t limit = n < 150 ? n : 150;
    for (size_t k = i; k + 3 <= limit; k++)
        if (text_starts_at(s + k, n - k, 0, "。")) {
            *head_len = k + 3;
            return level;
        }
    if (utf8_length(s, n) <= 30 && !memchr(s, ',', n)) {
        bool comma = false;
        for (size_t k = 0; k + 3 <= n; k++)
            comma |= text_starts_at(s + k, n - k, 0, "，");
        if (!comma) {
            *head_len = n;
            return level;
        }
    }
    return 0;
}

void render_xml_escape(FILE *out, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n')
                rep = "";
        }
        if (!rep)
            continue;
        fwrite(s + run, 1, i - run, out);
        fputs(rep, out);
        run = i + 1;
    }
    fwrite(s + run, 1, n - run, out);
}

void render_put_inline(FILE *out, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\t' && s[i] != '|' && s[i] != '\n')
            continue;
        fwrite(s + run, 1, i - run, out);
        fputs(s[i] == '|' ? "｜" : " ", out);
        run = i + 1;
    }
    fwrite(s + run, 1, n - run, out);
}

void render_text_paragraphs(const xxgk_report *r, int n, FILE *out)
{
    char buf[512];
    if (n == 0 && render_period_sentence(r, buf, sizeof buf))
        fprintf(out, "%s\n\n", buf);
    para_iter it;
    para_iter_init(&it, r, n);
    const char *p;
    size_t len;
    while (para_iter_next(&it, &p, &len)) {
        render_put_inline(out, p, len);
        fputs("\n\n", out);
    }
}

void render_text_signature(const xxgk_report *r, FILE *out)
{
    char buf[64];
    const char *body = xxgk_report_meta(r)->body;
    /* A paragraph each: Markdown would join adjacent lines into one. */
    if (body && *body) {
        render_put_inline(out, body, strlen(body));
        fputc('\n', out);
    }
    if (render_date(r, buf, sizeof buf))
        fprintf(out, "%s%s\n", body && *body ? "\n" : "", buf);
}

/* ---- the entry points -------------------------------------------------- */

static xxgk_status check_renderable(const xxgk_report *r, xxgk_error *err)
{
    if (!r)
        return error_set(err, XXGK_E_USAGE, "没有报告");
    if (render_format_of(r) == XXGK_FORMAT_UNKNOWN)
        return error_set(err, XXGK_E_USAGE, "报告没有年度或格式，无法按格式生成");
    return XXGK_OK;
}

/* XLSX can only be written to a file (libxlsxwriter); to a stream it is
 * written to a temporary file first (registered for removal on a signal)
 * and copied. */
static xxgk_status xlsx_to_stream(const xxgk_report *r, FILE *out, xxgk_error *err)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    dir = dir && *dir ? dir : "/tmp";
    snprintf(path, sizeof path, "%s/xxgk-XXXXXX", dir);
    int fd = mkstemp(path);
    if (fd < 0)
        return error_set(err, XXGK_E_IO, "无法在临时目录 %s 中创建文件：%s", dir, sys_error_text(errno));
    int handle = temp_register(path, false);
    close(fd);
    xxgk_status st = render_xlsx(r, path, "XLSX", err);
    FILE *in = st == XXGK_OK ? fopen(path, "rb") : NULL;
    if (st == XXGK_OK && !in)
        st = error_set(err, XXGK_E_IO, "无法读回临时目录 %s 中的 XLSX：%s", dir, sys_error_text(errno));
    if (in) {
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0)
            if (fwrite(buf, 1, n, out) != n)
                break;
        if (ferror(in) || ferror(out))
            st = error_set(err, XXGK_E_IO, "写入失败：%s", sys_error_text(errno));
        fclose(in);
    }
    unlink(path);
    temp_forget(handle);
    return st;
}

xxgk_status xxgk_report_render(const xxgk_report *r, xxgk_render_format format, FILE *out,
                               xxgk_error *err)
{
    xxgk_status st = check_renderable(r, err);
    if (st != XXGK_OK)
        return st;
    int rc = 0;
    switch (format) {
    case XXGK_RENDER_JSON:
        rc = xxgk_report_write_model(r, XXGK_MODEL_PRETTY, out) == XXGK_OK ? 0 : -1;
        break;
    case XXGK_RENDER_TEXT: rc = render_text(r, out); break;
    case XXGK_RENDER_MARKDOWN: rc = render_markdown(r, out); break;
    case XXGK_RENDER_HTML: rc = render_html(r, out); break;
    case XXGK_RENDER_DOCX: return render_docx(r, out, err);
    case XXGK_RENDER_XLSX: return xlsx_to_stream(r, out, err);
    case XXGK_RENDER_PDF: return render_pdf(r, out, err);
    default: return error_set(err, XXGK_E_USAGE, "未知的输出格式");
    }
    if (rc < 0 || ferror(out))
        return error_set(err, XXGK_E_IO, "写入失败：%s", sys_error_text(errno ? errno : EIO));
    return XXGK_OK;
}

xxgk_status xxgk_report_render_file(const xxgk_report *r, xxgk_render_format format,
                                    const char *path, bool overwrite, xxgk_error *err)
{
    xxgk_status st = check_renderable(r, err);
    if (st != XXGK_OK)
        return st;
    if (!path || !*path)
        return error_set(err, XXGK_E_USAGE, "没有给出输出文件名");
    if (format == XXGK_RENDER_UNKNOWN)
        return error_set(err, XXGK_E_USAGE, "无法从文件名 %s 判断输出格式", path);
    atomic_file af;
    st = atomic_open(&af, path, overwrite, err);
    if (st != XXGK_OK)
        return st;
    if (format == XXGK_RENDER_XLSX) {
        /* libxlsxwriter writes a file by name. */
        const char *by_name;
        st = atomic_by_name(&af, &by_name, err);
        if (st == XXGK_OK)
            st = render_xlsx(r, by_name, path, err);
    } else {
        st = xxgk_report_render(r, format, af.f, err);
        if (st != XXGK_OK && st != XXGK_E_USAGE)
            error_name_file(err, path); /* the renderers' messages do not know the file */
    }
    if (st != XXGK_OK) {
        atomic_abort(&af);
        return st;
    }
    return atomic_commit(&af, overwrite, err);
}
