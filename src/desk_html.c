/*
 * desk_html.c — the status sheet as one self-contained HTML page: printed
 * on landscape A4, DESK_PAGE_ROWS bodies a page (each page its own table
 * with the header row), then per body the findings a clerk must fix.
 */
#include <string.h>

#include "desk.h"
#include "input.h"
#include "render.h"

static const char css[] =
    "@page{size:A4 landscape;margin:12mm 12mm 12mm 12mm}\n"
    "body{margin:1em auto;padding:0 1em;max-width:70em;color:#000;background:#fff;"
    "font-family:\"SimSun\",\"宋体\",\"Noto Serif CJK SC\",\"Source Han Serif SC\",serif;"
    "font-size:9pt;line-height:1.3}\n"
    "h1{font-family:\"SimHei\",\"黑体\",\"Noto Sans CJK SC\",sans-serif;font-size:16pt;"
    "font-weight:normal;text-align:center;margin:0 0 .3em}\n"
    "h2{font-family:\"SimHei\",\"黑体\",\"Noto Sans CJK SC\",sans-serif;font-size:12pt;"
    "font-weight:normal;margin:.8em 0 .3em}\n"
    "p.summary{text-align:center;margin:0 0 .6em}\n"
    "table{border-collapse:collapse;width:100%;table-layout:fixed}\n"
    "th,td{border:1px solid #000;padding:1px 3px;height:1.35em;overflow:hidden;"
    "vertical-align:middle}\n"
    "th{font-family:\"SimHei\",\"黑体\",\"Noto Sans CJK SC\",sans-serif;font-weight:normal;"
    "text-align:center}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "td.t{white-space:nowrap;text-overflow:ellipsis}\n"
    "tr.bad td{background:#fde8e8}\n"
    ".next{page-break-before:always;break-before:page}\n"
    "@media print{body{margin:0;padding:0;max-width:none}tr{break-inside:avoid}}\n";

static void esc(FILE *out, const char *s)
{
    render_xml_escape(out, s, strlen(s));
}

static void header_row(FILE *out)
{
    int total = 0;
    for (int c = 0; c < DESK_NCOLS; c++)
        total += desk_width(c);
    fputs("<colgroup>", out);
    for (int c = 0; c < DESK_NCOLS; c++)
        fprintf(out, "<col style=\"width:%.1f%%\">", 100.0 * desk_width(c) / total);
    fputs("</colgroup>\n<thead><tr>", out);
    for (int c = 0; c < DESK_NCOLS; c++) {
        fputs("<th scope=\"col\">", out);
        esc(out, desk_header(c));
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n", out);
}

static void status_pages(const xxgk_desk *d, FILE *out)
{
    char buf[512];
    for (size_t i = 0; i < d->nrows || i == 0; i += DESK_PAGE_ROWS) {
        if (i == 0) {
            fputs("<h1>", out);
            esc(out, desk_title(d, buf, sizeof buf));
            fputs("</h1>\n<p class=\"summary\">", out);
            esc(out, desk_summary_line(d, buf, sizeof buf));
            fputs("</p>\n", out);
        }
        /* each page a table of its own (its header row with it); the
         * border attribute for readers that ignore the style sheet */
        fprintf(out, "<table border=\"1\" cellspacing=\"0\"%s>\n", i ? " class=\"next\"" : "");
        header_row(out);
        fputs("<tbody>\n", out);
        for (size_t k = i; k < d->nrows && k < i + DESK_PAGE_ROWS; k++) {
            const xxgk_desk_row *row = &d->rows[k];
            bool bad = row->state == XXGK_DESK_MISSING || row->state == XXGK_DESK_ERRORS;
            fprintf(out, "<tr%s>", bad ? " class=\"bad\"" : "");
            for (int c = 0; c < DESK_NCOLS; c++) {
                fprintf(out, "<td class=\"%s\">", desk_numeric(c) ? "n" : "t");
                esc(out, desk_cell(row, c, k + 1, buf, sizeof buf));
                fputs("</td>", out);
            }
            fputs("</tr>\n", out);
        }
        fputs("</tbody></table>\n", out);
        if (!d->nrows)
            break;
    }
}

static void findings(const xxgk_desk *d, FILE *out)
{
    fputs("<h2 class=\"next\">需要改正的问题</h2>\n<table border=\"1\" cellspacing=\"0\">\n<colgroup><col style=\"width:18%\">"
          "<col style=\"width:6%\"><col style=\"width:52%\"><col style=\"width:24%\"></colgroup>\n"
          "<thead><tr><th scope=\"col\">机关</th><th scope=\"col\">级别</th>"
          "<th scope=\"col\">问题</th><th scope=\"col\">应为</th></tr></thead>\n<tbody>\n",
          out);
    char buf[256];
    for (size_t i = 0; i < d->nrows; i++) {
        const xxgk_desk_row *row = &d->rows[i];
        if (row->state == XXGK_DESK_MISSING) {
            fputs("<tr><td>", out);
            esc(out, row->body);
            fputs("</td><td>错误</td><td>未报送年度报告</td><td>", out);
            snprintf(buf, sizeof buf, "应于%s前报送", row->deadline);
            esc(out, buf);
            fputs("</td></tr>\n", out);
        }
        for (size_t k = 0; k < row->nfindings; k++) {
            const xxgk_desk_finding *f = &row->findings[k];
            fputs("<tr><td>", out);
            esc(out, row->body);
            fputs("</td><td>", out);
            esc(out, xxgk_severity_text(f->severity));
            fputs("</td><td>", out);
            esc(out, f->message ? f->message : "");
            fputs("</td><td>", out);
            esc(out, f->expected ? f->expected : "");
            fputs("</td></tr>\n", out);
        }
    }
    fputs("</tbody></table>\n", out);
}

xxgk_status desk_write_html(const xxgk_desk *d, FILE *out, xxgk_error *err)
{
    char title[256];
    fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
          out);
    esc(out, desk_title(d, title, sizeof title));
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
    status_pages(d, out);
    findings(d, out);
    fputs("<p>注：每个机关每年只计最后导入的一份报告（同一报告的不同格式只计一次），"
          "“与上年相同”“与他人相同”是正文句子与本机关上一年度报告、与其他机关本年度报告相同的比例。"
          "</p>\n</body>\n</html>\n",
          out);
    if (ferror(out))
        return error_set(err, XXGK_E_IO, "写入失败");
    return XXGK_OK;
}
