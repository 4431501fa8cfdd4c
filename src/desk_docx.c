/*
 * desk_docx.c — the status sheet as a Word document: landscape A4 with
 * 12 mm margins, 8-point type, rows of fixed height so that exactly
 * DESK_PAGE_ROWS bodies fill a page (each page its own table with the
 * header row), then per body the findings a clerk must fix. The package
 * is three parts written with libzip in memory; all text is escaped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "desk.h"
#include "input.h"
#include "lazy.h"
#include "render.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Landscape A4 in twips, 12 mm margins: 15478 × 10546 for the text. */
enum { PAGE_W = 16838, PAGE_H = 11906, MARGIN = 680, TEXT_W = PAGE_W - 2 * MARGIN };
/* 30 rows of 15 pt, the header row and the title fit the 10546 twips. */
enum { ROW_H = 300 };

static const char content_types[] =
    XML_DECL
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "</Types>";

static const char package_rels[] =
    XML_DECL
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

static const char document_rels[] =
    XML_DECL
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/></Relationships>";

/* 8-point 宋体 by default; no space around paragraphs. */
static const char styles_xml[] =
    XML_DECL
    "<w:styles xmlns:w=\"" NS_W "\"><w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\" w:hAnsi=\"Times New Roman\"/>"
    "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before=\"0\" w:after=\"0\""
    " w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
    "</w:style></w:styles>";

#define RPR_HEI "<w:rPr><w:rFonts w:ascii=\"黑体\" w:eastAsia=\"黑体\" w:hAnsi=\"黑体\"/>"

static void text_run(FILE *o, const char *rpr, const char *s)
{
    fputs("<w:r>", o);
    if (rpr)
        fputs(rpr, o);
    fputs("<w:t xml:space=\"preserve\">", o);
    render_xml_escape(o, s, strlen(s));
    fputs("</w:t></w:r>", o);
}

static void para(FILE *o, const char *align, const char *rpr, const char *s)
{
    fprintf(o, "<w:p><w:pPr><w:jc w:val=\"%s\"/></w:pPr>", align);
    text_run(o, rpr, s);
    fputs("</w:p>\n", o);
}

static void cell(FILE *o, int width, bool right, const char *rpr, const char *s)
{
    fprintf(o,
            "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/>"
            "</w:tcPr><w:p><w:pPr><w:jc w:val=\"%s\"/></w:pPr>",
            width, right ? "right" : "left");
    text_run(o, rpr, s);
    fputs("</w:p></w:tc>", o);
}

static void table_start(FILE *o, const int *widths, int n)
{
    fputs("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblLayout w:type=\"fixed\"/>"
          "<w:tblBorders>",
          o);
    static const char *const sides[] = {"top", "left", "bottom", "right", "insideH", "insideV"};
    for (int i = 0; i < 6; i++)
        fprintf(o, "<w:%s w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>",
                sides[i]);
    fputs("</w:tblBorders><w:tblCellMar><w:left w:w=\"40\" w:type=\"dxa\"/>"
          "<w:right w:w=\"40\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>",
          o);
    for (int i = 0; i < n; i++)
        fprintf(o, "<w:gridCol w:w=\"%d\"/>", widths[i]);
    fputs("</w:tblGrid>\n", o);
}

static void row_start(FILE *o, bool header)
{
    fprintf(o, "<w:tr><w:trPr><w:cantSplit/>%s<w:trHeight w:val=\"%d\" w:hRule=\"%s\"/></w:trPr>",
            header ? "<w:tblHeader/>" : "", ROW_H, header ? "atLeast" : "exact");
}

static void status_tables(FILE *o, const xxgk_desk *d)
{
    int widths[DESK_NCOLS], total = 0;
    for (int c = 0; c < DESK_NCOLS; c++)
        total += desk_width(c);
    for (int c = 0; c < DESK_NCOLS; c++)
        widths[c] = TEXT_W * desk_width(c) / total;
    char buf[512];
    for (size_t i = 0; i < d->nrows || i == 0; i += DESK_PAGE_ROWS) {
        if (i > 0)
            fputs("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n", o);
        table_start(o, widths, DESK_NCOLS);
        row_start(o, true);
        for (int c = 0; c < DESK_NCOLS; c++)
            cell(o, widths[c], false, RPR_HEI "</w:rPr>", desk_header(c));
        fputs("</w:tr>\n", o);
        for (size_t k = i; k < d->nrows && k < i + DESK_PAGE_ROWS; k++) {
            row_start(o, false);
            for (int c = 0; c < DESK_NCOLS; c++)
                cell(o, widths[c], desk_numeric(c), NULL,
                     desk_cell(&d->rows[k], c, k + 1, buf, sizeof buf));
            fputs("</w:tr>\n", o);
        }
        fputs("</w:tbl>\n", o);
        if (!d->nrows)
            break;
    }
}

static void findings_table(FILE *o, const xxgk_desk *d)
{
    fputs("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n", o);
    para(o, "left", RPR_HEI "<w:sz w:val=\"24\"/></w:rPr>", "需要改正的问题");
    int widths[4] = {TEXT_W * 18 / 100, TEXT_W * 6 / 100, TEXT_W * 52 / 100, TEXT_W * 24 / 100};
    static const char *const heads[4] = {"机关", "级别", "问题", "应为"};
    table_start(o, widths, 4);
    fputs("<w:tr><w:trPr><w:tblHeader/></w:trPr>", o);
    for (int c = 0; c < 4; c++)
        cell(o, widths[c], false, RPR_HEI "</w:rPr>", heads[c]);
    fputs("</w:tr>\n", o);
    char due[64];
    for (size_t i = 0; i < d->nrows; i++) {
        const xxgk_desk_row *row = &d->rows[i];
        if (row->state == XXGK_DESK_MISSING) {
            snprintf(due, sizeof due, "应于%s前报送", row->deadline);
            const char *texts[4] = {row->body, "错误", "未报送年度报告", due};
            fputs("<w:tr><w:trPr><w:cantSplit/></w:trPr>", o);
            for (int c = 0; c < 4; c++)
                cell(o, widths[c], false, NULL, texts[c]);
            fputs("</w:tr>\n", o);
        }
        for (size_t k = 0; k < row->nfindings; k++) {
            const xxgk_desk_finding *f = &row->findings[k];
            const char *texts[4] = {row->body, xxgk_severity_text(f->severity),
                                    f->message ? f->message : "", f->expected ? f->expected : ""};
            fputs("<w:tr><w:trPr><w:cantSplit/></w:trPr>", o);
            for (int c = 0; c < 4; c++)
                cell(o, widths[c], false, NULL, texts[c]);
            fputs("</w:tr>\n", o);
        }
    }
    fputs("</w:tbl>\n", o);
}

static void document_xml(FILE *o, const xxgk_desk *d)
{
    char buf[512];
    fputs(XML_DECL "<w:document xmlns:w=\"" NS_W "\"><w:body>\n", o);
    para(o, "center", RPR_HEI "<w:sz w:val=\"32\"/></w:rPr>", desk_title(d, buf, sizeof buf));
    para(o, "center", NULL, desk_summary_line(d, buf, sizeof buf));
    status_tables(o, d);
    findings_table(o, d);
    para(o, "left", NULL,
         "注：每个机关每年只计最后导入的一份报告（同一报告的不同格式只计一次）；“与上年相同”“与他人相同”"
         "是正文句子与本机关上一年度报告、与其他机关本年度报告相同的比例。");
    fprintf(o,
            "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\" w:orient=\"landscape\"/>"
            "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"0\""
            " w:footer=\"0\" w:gutter=\"0\"/></w:sectPr>\n</w:body></w:document>",
            PAGE_W, PAGE_H, MARGIN, MARGIN, MARGIN, MARGIN);
}

/* ---- the package ------------------------------------------------------------ */

/* 2019-01-01: fixed entry times, so the same status gives the same bytes. */
#define ENTRY_TIME ((time_t)1546300800)

static int add(zip_t *za, const char *name, const char *data, size_t size, bool owned)
{
    zip_source_t *src = zip_source_buffer(za, data, size, owned);
    if (!src) {
        if (owned)
            free((char *)data);
        return -1;
    }
    zip_int64_t idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(src);
        return -1;
    }
    zip_file_set_mtime(za, (zip_uint64_t)idx, ENTRY_TIME, 0);
    return 0;
}

static int add_document(zip_t *za, const xxgk_desk *d)
{
    char *data = NULL;
    size_t size = 0;
    FILE *o = open_memstream(&data, &size);
    if (!o)
        return -1;
    document_xml(o, d);
    if (fclose(o) != 0) {
        free(data);
        return -1;
    }
    return add(za, "word/document.xml", data, size, true);
}

xxgk_status desk_write_docx(const xxgk_desk *d, FILE *out, xxgk_error *err)
{
    if (!lazy_load(&lazy_zip_lib, err))
        return err->status;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    zip_error_fini(&ze);
    if (!za) {
        if (src)
            zip_source_free(src);
        return error_set(err, XXGK_E_NOMEM, "无法创建 DOCX 压缩包");
    }
    zip_source_keep(src);
    int rc = add(za, "[Content_Types].xml", content_types, strlen(content_types), false);
    if (rc == 0)
        rc = add(za, "_rels/.rels", package_rels, strlen(package_rels), false);
    if (rc == 0)
        rc = add_document(za, d);
    if (rc == 0)
        rc = add(za, "word/_rels/document.xml.rels", document_rels, strlen(document_rels), false);
    if (rc == 0)
        rc = add(za, "word/styles.xml", styles_xml, strlen(styles_xml), false);
    if (rc < 0 || zip_close(za) < 0) {
        zip_discard(za);
        zip_source_free(src);
        return error_set(err, XXGK_E_NOMEM, "无法生成 DOCX");
    }
    rc = zip_source_open(src);
    char buf[65536];
    zip_int64_t n = 0;
    while (rc == 0 && (n = zip_source_read(src, buf, sizeof buf)) > 0)
        if (fwrite(buf, 1, (size_t)n, out) != (size_t)n)
            rc = -1;
    if (n < 0)
        rc = -1;
    zip_source_close(src);
    zip_source_free(src);
    if (rc < 0 || ferror(out))
        return error_set(err, XXGK_E_IO, "写入失败");
    return XXGK_OK;
}
