/*
 * page_check.c — checking an uploaded report: the upload form; the
 * report read (DOCX, PDF, HTML, XLSX or text, judged by content), its
 * tables drawn in the official layout with each finding at its cell, and
 * the list of findings with their place in the document; or, for
 * Accept: application/json, the findings as `xxgk check --format json`
 * writes them (docs/model.md).
 *
 * The upload is sniffed by its first bytes: a zip (DOCX, XLSX), %PDF,
 * or text/HTML without NUL bytes; anything else (an OLE2 document, an
 * image, an executable) is refused with 415. It is parsed in memory and
 * never stored or served back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* What the upload is by its content: NULL when it is no kind we read. */
static const char *sniff(const char *data, size_t len)
{
    if (len >= 4 && !memcmp(data, "PK\x03\x04", 4))
        return "zip";
    if (len >= 5 && !memcmp(data, "%PDF-", 5))
        return "pdf";
    size_t head = len < 65536 ? len : 65536;
    if (memchr(data, '\0', head))
        return NULL; /* binary; UTF-16 text is not a form reports come in */
    return "text";
}

static void upload_form(req *r)
{
    hb_raw(&r->out, "<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\">");
    csrf_field(r);
    hb_raw(&r->out, "<p><label for=\"report\">报告文件（DOCX、PDF、网页、XLSX 或文本，至多 20 MB）"
                    "</label><input id=\"report\" name=\"report\" type=\"file\" required "
                    "accept=\".docx,.pdf,.html,.htm,.xlsx,.txt,.md\"></p>"
                    "<p><button type=\"submit\">检查</button></p></form>\n");
}

static void show_report(req *r, xxgk_report *rep)
{
    const xxgk_meta *m = xxgk_report_meta(rep);
    hb_fmt(&r->out, "<h2>%s</h2>\n<dl class=\"meta\"><dt>年度</dt><dd>%d</dd><dt>格式</dt><dd>%s</dd>"
                    "<dt>机关</dt><dd>%s</dd><dt>成文日期</dt><dd>%s</dd></dl>\n",
           m->title ? m->title : xxgk_report_name(rep), m->year,
           xxgk_format_name(m->format) ? xxgk_format_name(m->format) : "未识别",
           m->body ? m->body : "未识别", m->date ? m->date : "未写明");
    cell_notes cn;
    cell_notes_build(&cn, rep);
    if (m->format)
        for (int section = 2; section <= 4; section++)
            draw_table(r, rep, section, TABLE_VIEW, &cn, NULL);
    cell_notes_free(&cn);
    draw_findings(r, rep);
}

void page_check(req *r)
{
    if (!need(r, XXGK_PERM_CHECK))
        return;
    if (strcmp(r->method, "POST") != 0) {
        page_begin(r, "检查报告", false);
        upload_form(r);
        page_end(r);
        return;
    }
    const form_field *f = form_field_get(&r->body_form, "report");
    if (!f || !f->len) {
        respond_error(r, 400, "没有收到文件");
        return;
    }
    if (f->len > SRV_MAX_UPLOAD) {
        respond_error(r, 413, "上传的文件超过 20 MB");
        return;
    }
    if (!sniff(f->value, f->len)) {
        respond_error(r, 415, "不是可以检查的文件（只接受 DOCX、PDF、网页、XLSX 或文本）");
        return;
    }
    const char *name = f->filename && *f->filename ? f->filename : "上传的文件";
    xxgk_report *rep = NULL;
    xxgk_error err = {0};
    if (xxgk_report_parse(f->value, f->len, name, &rep, &err) != XXGK_OK) {
        audit(r, "check.failed", name, err.message);
        respond_error(r, 422, err.message);
        return;
    }
    xxgk_report_check(rep, NULL);
    if (r->wants_json) {
        char *data = NULL;
        size_t len = 0;
        FILE *o = open_memstream(&data, &len);
        if (o && xxgk_report_write_findings_json(rep, XXGK_NOTE, o) == XXGK_OK && !fclose(o)) {
            r->type = "application/json; charset=utf-8";
            hb_rawn(&r->out, data, len);
        } else {
            if (o)
                fclose(o);
            respond_error(r, 500, "无法写出检查结果");
        }
        free(data);
    } else {
        page_begin(r, "检查结果", false);
        show_report(r, rep);
        hb_raw(&r->out, "<h2>再检查一份</h2>");
        upload_form(r);
        page_end(r);
    }
    xxgk_report_free(rep);
}
