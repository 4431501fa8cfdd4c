/*
 * render_docx.c — the report as a Word document in the official layout.
 *
 * Page set-up and type follow GB/T 9704-2012 (党政机关公文格式): A4,
 * margins 37/26/35/28 mm (a 156 × 225 mm type area), 22 lines of 3号
 * (16 pt) 仿宋 a page, the title in 2号 小标宋 centred, first-level
 * headings in 黑体, second-level run-in headings in 楷体, third-level in
 * bold, page numbers "— 1 —" in 4号 宋体 outside (odd pages right, even
 * pages left), the signing body centred over the date, which stands four
 * characters from the right margin.
 *
 * Fonts are named as Chinese offices have them (仿宋_GB2312, 楷体_GB2312,
 * 方正小标宋简体) with their fallbacks in the font table (仿宋/FangSong,
 * 楷体/KaiTi, 华文中宋/STZhongsong), so the document opens well in Word,
 * WPS and LibreOffice. The tables come from the template grid with the
 * official merged cells (gridSpan, vMerge). The package is written with
 * libzip in memory; every part is our own XML, all text escaped.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "input.h"
#include "lazy.h"
#include "render.h"
#include "utf8.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* The type area is 156 mm wide: 8844 twips. */
enum { TEXT_WIDTH = 8844, LINE_PITCH = 579 };

/* Run properties, as Chinese offices set them. */
#define FONT(name)                                                           \
    "<w:rFonts w:ascii=\"" name "\" w:eastAsia=\"" name "\" w:hAnsi=\"" name \
    "\" w:hint=\"eastAsia\"/>"
#define RPR_KAI "<w:rPr>" FONT("楷体_GB2312") "</w:rPr>"
#define RPR_BOLD "<w:rPr><w:b/><w:bCs/></w:rPr>"
#define RPR_TABLE "<w:rPr>" FONT("宋体") "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr>"
#define RPR_TABLE_HEAD "<w:rPr>" FONT("黑体") "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr>"

static void run(FILE *o, const char *rpr, const char *s, size_t n)
{
    fputs("<w:r>", o);
    if (rpr)
        fputs(rpr, o);
    fputs("<w:t xml:space=\"preserve\">", o);
    render_xml_escape(o, s, n);
    fputs("</w:t></w:r>", o);
}

static void para_styled(FILE *o, const char *style, const char *text)
{
    fprintf(o, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
    run(o, NULL, text, strlen(text));
    fputs("</w:p>\n", o);
}

/* A body paragraph; a run-in sub-heading in 楷体 (（一）) or bold (1.). */
static void para_body(FILE *o, const char *p, size_t len)
{
    size_t head = 0;
    int level = render_subheading(p, len, &head);
    fputs("<w:p>", o);
    if (level)
        run(o, level == 2 ? RPR_KAI : RPR_BOLD, p, head);
    if (head < len)
        run(o, NULL, p + head, len - head);
    fputs("</w:p>\n", o);
}

static void paragraphs(const xxgk_report *r, int n, FILE *o)
{
    char buf[512];
    if (n == 0 && render_period_sentence(r, buf, sizeof buf))
        para_body(o, buf, strlen(buf));
    para_iter it;
    para_iter_init(&it, r, n);
    const char *p;
    size_t len;
    while (para_iter_next(&it, &p, &len))
        para_body(o, p, len);
}

/* ---- tables ---------------------------------------------------------- */

/* Column widths in twips: labels get a third (one label column) or half
 * (nested labels, the inner ones narrow) of the width, values share the
 * rest equally. */
static void column_widths(const grid *g, int w[GRID_MAX_COLS])
{
    int label_area = g->label_cols == 0 ? 0 : g->label_cols == 1 ? TEXT_WIDTH * 34 / 100
                                                                 : TEXT_WIDTH / 2;
    int used = 0;
    for (int c = 0; c + 1 < g->label_cols; c++) {
        w[c] = c == 0 ? 420 : 1300; /* 三、本年度办理结果: one character a line */
        used += w[c];
    }
    if (g->label_cols)
        w[g->label_cols - 1] = label_area - used;
    int nvalues = g->ncols - g->label_cols;
    int each = nvalues ? (TEXT_WIDTH - label_area) / nvalues : 0;
    for (int c = g->label_cols; c < g->ncols; c++)
        w[c] = each;
    if (nvalues)
        w[g->ncols - 1] += TEXT_WIDTH - label_area - each * nvalues;
}

static bool is_heading_kind(grid_kind k)
{
    return k == G_CAPTION || k == G_CORNER || k == G_GROUP || k == G_ROWHEAD || k == G_COLHEAD;
}

static void cell_props(FILE *o, const grid_cell *c, const int *w, bool restart, bool cont)
{
    int width = 0;
    for (int k = c->col; k < c->col + c->colspan; k++)
        width += w[k];
    fprintf(o, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
    if (c->colspan > 1)
        fprintf(o, "<w:gridSpan w:val=\"%d\"/>", c->colspan);
    if (restart)
        fputs("<w:vMerge w:val=\"restart\"/>", o);
    else if (cont)
        fputs("<w:vMerge/>", o);
    fputs("<w:vAlign w:val=\"center\"/></w:tcPr>", o);
}

/* A caption or header row is kept on the page of the row after it. */
static bool keep_with_next(const grid *g, int row)
{
    const grid_cell *c = grid_cell_at(g, row, g->ncols - 1);
    return row < g->head_rows || (c && c->kind != G_VALUE && row + 1 < g->nrows);
}

static void table_cell(FILE *o, const xxgk_report *r, const grid_cell *c, const int *w,
                       bool keep)
{
    char buf[48];
    cell_props(o, c, w, c->rowspan > 1, false);
    bool head = is_heading_kind(c->kind);
    const char *jc = (c->kind == G_LABEL && !c->group) || (c->kind == G_CORNER && c->rowspan > 1)
                         ? "left"
                         : "center";
    fprintf(o, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/>%s<w:jc w:val=\"%s\"/></w:pPr>",
            keep ? "<w:keepNext/>" : "", jc);
    const char *text = c->kind == G_VALUE ? render_value(r, c->cell, buf, sizeof buf) : c->text;
    /* The 勾稽 note in the corner is a note, not a heading. */
    const char *rpr = head && !(c->kind == G_CORNER && c->rowspan > 1) ? RPR_TABLE_HEAD
                                                                       : RPR_TABLE;
    if (*text)
        run(o, rpr, text, strlen(text));
    fputs("</w:p></w:tc>", o);
}

static void table(FILE *o, const xxgk_report *r, const grid *g)
{
    int w[GRID_MAX_COLS] = {0};
    column_widths(g, w);
    fprintf(o,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
            "<w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
            "<w:tblLayout w:type=\"fixed\"/>"
            "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" "
            "w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
            TEXT_WIDTH);
    for (int c = 0; c < g->ncols; c++)
        fprintf(o, "<w:gridCol w:w=\"%d\"/>", w[c]);
    fputs("</w:tblGrid>\n", o);
    for (int row = 0; row < g->nrows; row++) {
        fputs("<w:tr><w:trPr>", o);
        if (row < g->head_rows)
            fputs("<w:cantSplit/><w:tblHeader/>", o);
        fputs("</w:trPr>", o);
        for (int col = 0; col < g->ncols;) {
            const grid_cell *c = grid_cell_at(g, row, col);
            if (!c) {
                col++;
                continue;
            }
            if (grid_starts_at(g, c, row, col)) {
                table_cell(o, r, c, w, keep_with_next(g, row));
            } else {
                /* Covered from above: Word wants the cell, marked as a
                 * continuation, with the same span. */
                cell_props(o, c, w, false, true);
                fputs("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p></w:tc>", o);
            }
            col = c->col + c->colspan;
        }
        fputs("</w:tr>\n", o);
    }
    fputs("</w:tbl>\n", o);
}

/* ---- the signature -------------------------------------------------- */

/* Width of a text in character widths of the body size: CJK characters
 * count one, ASCII digits and letters half. In hundredths. */
static int text_width_chars(const char *s)
{
    int w = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        int32_t cp = utf8_next(s, n, &i);
        w += cp >= 0 && cp < 0x80 ? 50 : 100;
    }
    return w;
}

/* GB/T 9704 7.3.5.1: the date four characters from the right margin,
 * the body centred over it. */
static void signature(FILE *o, const xxgk_report *r)
{
    const char *body = xxgk_report_meta(r)->body;
    char date[64];
    bool has_date = render_date(r, date, sizeof date) != NULL;
    bool has_body = body && *body;
    if (has_body) {
        int indent = 400;
        if (has_date)
            indent += (text_width_chars(date) - text_width_chars(body)) / 2;
        if (indent < 0)
            indent = 0;
        fprintf(o,
                "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/><w:spacing w:before=\"%d\"/>"
                "<w:ind w:right=\"%d\" w:rightChars=\"%d\"/></w:pPr>",
                2 * LINE_PITCH, indent * 320 / 100, indent);
        run(o, NULL, body, strlen(body));
        fputs("</w:p>\n", o);
    }
    if (has_date) {
        fprintf(o,
                "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/>%s"
                "<w:ind w:right=\"1280\" w:rightChars=\"400\"/></w:pPr>",
                has_body ? "" : "<w:spacing w:before=\"1158\"/>");
        run(o, NULL, date, strlen(date));
        fputs("</w:p>\n", o);
    }
}

/* ---- the parts -------------------------------------------------------- */

/* Where to break a title too long for one line (about 20 characters of
 * 2号 type in the 156 mm type area): before 政府信息公开 (or after the
 * year) when both lines then fit, so that each line keeps whole words
 * (GB/T 9704 7.3.3: 回行时要做到词意完整). 0: no break. */
static size_t fits_apart(const char *t, const char *at)
{
    char first[512];
    size_t n = (size_t)(at - t);
    snprintf(first, sizeof first, "%.*s", (int)n, t);
    return n && text_width_chars(first) <= 2000 && text_width_chars(at) <= 2000 ? n : 0;
}

/* Where a title too long for one line is broken: before the year, as
 * published reports set it (洪泽区人民政府 / 2023年政府信息公开工作年度
 * 报告), else before 政府信息公开; never leaving a character alone. */
static size_t title_break(const char *t)
{
    if (text_width_chars(t) <= 2000)
        return 0;
    for (const char *p = t + 1; *p; p++)
        if (p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
            p[2] <= '9' && p[3] >= '0' && p[3] <= '9' && !strncmp(p + 4, "年", 3) &&
            !(p[-1] >= '0' && p[-1] <= '9') && fits_apart(t, p))
            return (size_t)(p - t);
    const char *at = strstr(t, "政府信息公开");
    if (at && at > t) {
        char first[512];
        size_t n = (size_t)(at - t);
        snprintf(first, sizeof first, "%.*s", (int)n, t);
        if (text_width_chars(first) <= 2000 && text_width_chars(at) <= 2000)
            return n;
    }
    return 0;
}

static void title(FILE *o, const xxgk_report *r)
{
    char buf[512];
    const char *t = render_title(r, buf, sizeof buf);
    size_t cut = title_break(t);
    if (!cut) {
        para_styled(o, "Title", t);
        return;
    }
    /* Two paragraphs, not a line break: every reader keeps them apart. */
    fputs("<w:p><w:pPr><w:pStyle w:val=\"Title\"/><w:keepNext/><w:spacing w:after=\"0\"/>"
          "</w:pPr>", o);
    run(o, NULL, t, cut);
    fputs("</w:p>\n", o);
    para_styled(o, "Title", t + cut);
}

static void document_xml(FILE *o, const xxgk_report *r)
{
    xxgk_format f = render_format_of(r);
    char buf[512];
    fputs(XML_DECL "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:body>\n", o);
    title(o, r);
    paragraphs(r, 0, o);
    for (int s = 1; s <= 6; s++) {
        para_styled(o, "Heading1", render_heading(f, s, buf, sizeof buf));
        paragraphs(r, s, o);
        grid g;
        if (s >= 2 && s <= 4 && grid_build(&g, f, s) == 0)
            table(o, r, &g);
    }
    signature(o, r);
    fprintf(o,
            "<w:sectPr><w:footerReference w:type=\"even\" r:id=\"rId5\"/>"
            "<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"
            "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" "
            "w:header=\"851\" w:footer=\"1247\" w:gutter=\"0\"/>"
            "<w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"%d\"/>"
            "</w:sectPr>\n</w:body></w:document>\n",
            LINE_PITCH);
}

static const char content_types[] =
    XML_DECL
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/word/footer2.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    "</Types>\n";

static const char package_rels[] =
    XML_DECL "<Relationships xmlns=\"" NS_PKG_REL "\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_R "/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
    "core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" NS_R "/extended-properties\" "
    "Target=\"docProps/app.xml\"/>"
    "</Relationships>\n";

static const char document_rels[] =
    XML_DECL "<Relationships xmlns=\"" NS_PKG_REL "\">"
    "<Relationship Id=\"rId1\" Type=\"" NS_R "/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" NS_R "/settings\" Target=\"settings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" NS_R "/fontTable\" Target=\"fontTable.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" NS_R "/footer\" Target=\"footer1.xml\"/>"
    "<Relationship Id=\"rId5\" Type=\"" NS_R "/footer\" Target=\"footer2.xml\"/>"
    "</Relationships>\n";

static const char settings_xml[] =
    XML_DECL "<w:settings xmlns:w=\"" NS_W "\"><w:zoom w:percent=\"100\"/>"
    "<w:defaultTabStop w:val=\"420\"/><w:evenAndOddHeaders/>"
    "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
    "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:settings>\n";

/* The fonts, each with the name other systems know it by. */
#define FONT_ENTRY(name, alt, family, pitch) \
    "<w:font w:name=\"" name "\"><w:altName w:val=\"" alt "\"/><w:charset w:val=\"86\"/>" \
    "<w:family w:val=\"" family "\"/><w:pitch w:val=\"" pitch "\"/></w:font>"

static const char font_table[] =
    XML_DECL "<w:fonts xmlns:w=\"" NS_W "\">"
    FONT_ENTRY("仿宋_GB2312", "仿宋", "modern", "fixed")
    FONT_ENTRY("仿宋", "Noto Serif CJK SC", "modern", "fixed")
    FONT_ENTRY("楷体_GB2312", "楷体", "modern", "fixed")
    FONT_ENTRY("楷体", "AR PL UKai CN", "modern", "fixed")
    FONT_ENTRY("黑体", "Noto Sans CJK SC", "modern", "fixed")
    FONT_ENTRY("方正小标宋简体", "华文中宋", "script", "variable")
    FONT_ENTRY("华文中宋", "AR PL UMing CN", "auto", "variable")
    FONT_ENTRY("宋体", "AR PL UMing CN", "auto", "variable")
    /* the free faces scripts/install-deps.sh installs (fonts-noto-cjk,
     * fonts-arphic-ukai, fonts-arphic-uming), for machines without the
     * faces above */
    FONT_ENTRY("Noto Serif CJK SC", "Noto Serif CJK SC", "roman", "variable")
    FONT_ENTRY("Noto Sans CJK SC", "Noto Sans CJK SC", "swiss", "variable")
    FONT_ENTRY("AR PL UKai CN", "AR PL UKai CN", "script", "variable")
    FONT_ENTRY("AR PL UMing CN", "AR PL UMing CN", "roman", "variable")
    "<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/>"
    "<w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/>"
    "</w:font></w:fonts>\n";

static const char styles_xml[] =
    XML_DECL "<w:styles xmlns:w=\"" NS_W "\"><w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\" "
    "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
    "<w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
    "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:spacing w:line=\"579\" w:lineRule=\"exact\"/>"
    "<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    /* 正文: 3号仿宋, first line indented two characters. */
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
    "<w:qFormat/><w:pPr><w:widowControl w:val=\"0\"/>"
    "<w:ind w:firstLine=\"640\" w:firstLineChars=\"200\"/></w:pPr></w:style>"
    /* 标题: 2号小标宋, centred, a blank line after. */
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>"
    "<w:spacing w:after=\"579\" w:line=\"700\" w:lineRule=\"exact\"/>"
    "<w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/><w:jc w:val=\"center\"/>"
    "<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr>" FONT("方正小标宋简体")
    "<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>"
    /* 一级标题: 3号黑体. */
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
    "<w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr>" FONT("黑体") "</w:rPr></w:style>"
    /* Table text: 5号, single spacing, no indent. */
    /* Table text: 5号 at single spacing, not snapped to the body's line
     * grid (a grid line is 28.95 pt: table 三 would take three pages). */
    "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:snapToGrid w:val=\"0\"/>"
    "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
    "<w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/></w:pPr>"
    "<w:rPr><w:snapToGrid w:val=\"0\"/><w:kern w:val=\"0\"/><w:sz w:val=\"20\"/>"
    "<w:szCs w:val=\"20\"/></w:rPr></w:style>"
    /* 署名和成文日期: right-aligned. */
    "<w:style w:type=\"paragraph\" w:styleId=\"Signature\"><w:name w:val=\"Signature\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>"
    "<w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/><w:jc w:val=\"right\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/>"
    "<w:ind w:firstLine=\"0\" w:firstLineChars=\"0\"/></w:pPr><w:rPr>" FONT("宋体")
    "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
    "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
    "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
    "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"57\" w:type=\"dxa\"/>"
    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/>"
    "</w:tblCellMar></w:tblPr></w:style>"
    "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
    "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "</w:tblBorders><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/>"
    "<w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
    "</w:styles>\n";

/* Page numbers "— 1 —", outside: right on odd pages, left on even. */
static void footer_xml(FILE *o, bool even)
{
    fprintf(o,
            XML_DECL "<w:ftr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:p><w:pPr>"
            "<w:pStyle w:val=\"Footer\"/><w:ind w:%s=\"320\"/><w:jc w:val=\"%s\"/></w:pPr>"
            "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
            "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>\n",
            even ? "left" : "right", even ? "left" : "right");
}

static void core_xml(FILE *o, const xxgk_report *r)
{
    char buf[512];
    const xxgk_meta *m = xxgk_report_meta(r);
    fputs(XML_DECL "<cp:coreProperties "
                   "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
                   "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                   "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                   "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>",
          o);
    const char *title = render_title(r, buf, sizeof buf);
    render_xml_escape(o, title, strlen(title));
    fputs("</dc:title>", o);
    if (m->body) {
        fputs("<dc:creator>", o);
        render_xml_escape(o, m->body, strlen(m->body));
        fputs("</dc:creator>", o);
    }
    fputs("<dc:language>zh-CN</dc:language>", o);
    if (m->date && strlen(m->date) == 10)
        fprintf(o, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%sT00:00:00Z</dcterms:created>",
                m->date);
    fputs("</cp:coreProperties>\n", o);
}

static const char app_xml[] =
    XML_DECL "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "extended-properties\"><Application>xxgk " XXGK_VERSION "</Application></Properties>\n";

/* ---- the package ------------------------------------------------------ */

typedef void (*part_writer)(FILE *o, const xxgk_report *r);

static void footer_odd(FILE *o, const xxgk_report *r)
{
    (void)r;
    footer_xml(o, false);
}

static void footer_even(FILE *o, const xxgk_report *r)
{
    (void)r;
    footer_xml(o, true);
}

/* The parts in package order; a part is static text or written. */
static const struct part {
    const char *name;
    const char *text;
    part_writer write;
} parts[] = {
    {"[Content_Types].xml", content_types, NULL},
    {"_rels/.rels", package_rels, NULL},
    {"docProps/core.xml", NULL, core_xml},
    {"docProps/app.xml", app_xml, NULL},
    {"word/document.xml", NULL, document_xml},
    {"word/_rels/document.xml.rels", document_rels, NULL},
    {"word/styles.xml", styles_xml, NULL},
    {"word/settings.xml", settings_xml, NULL},
    {"word/fontTable.xml", font_table, NULL},
    {"word/footer1.xml", NULL, footer_odd},
    {"word/footer2.xml", NULL, footer_even},
};

/* A fixed time stamp for the entries, so that the same report gives the
 * same bytes (2019-01-01, the year the formats begin). */
#define ENTRY_TIME ((time_t)1546300800)

static int add_part(zip_t *za, const struct part *p, const xxgk_report *r)
{
    char *data = NULL;
    size_t size = 0;
    zip_source_t *src;
    if (p->text) {
        src = zip_source_buffer(za, p->text, strlen(p->text), 0);
    } else {
        FILE *o = open_memstream(&data, &size);
        if (!o)
            return -1;
        p->write(o, r);
        if (fclose(o) != 0) {
            free(data);
            return -1;
        }
        src = zip_source_buffer(za, data, size, 1);
    }
    if (!src) {
        free(data);
        return -1;
    }
    zip_int64_t idx = zip_file_add(za, p->name, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(src);
        return -1;
    }
    /* Level 1: a tenth of the time of the default for a few per cent
     * more bytes, which keeps rendering fast in bulk. */
    zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 1);
    zip_file_set_mtime(za, (zip_uint64_t)idx, ENTRY_TIME, 0);
    return 0;
}

/* Copies the finished archive out of its in-memory source. */
static int copy_out(zip_source_t *src, FILE *out)
{
    if (zip_source_open(src) < 0)
        return -1;
    char buf[65536];
    zip_int64_t n;
    int rc = 0;
    while ((n = zip_source_read(src, buf, sizeof buf)) > 0)
        if (fwrite(buf, 1, (size_t)n, out) != (size_t)n) {
            rc = -1;
            break;
        }
    if (n < 0)
        rc = -1;
    zip_source_close(src);
    return rc;
}

xxgk_status render_docx(const xxgk_report *r, FILE *out, xxgk_error *err)
{
    if (!lazy_load(&lazy_zip_lib, err))
        return err->status;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    if (!za) {
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        return error_set(err, XXGK_E_NOMEM, "无法创建 DOCX 压缩包");
    }
    zip_source_keep(src);
    int rc = 0;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0] && rc == 0; i++)
        rc = add_part(za, &parts[i], r);
    if (rc < 0) {
        zip_discard(za);
        zip_source_free(src);
        zip_error_fini(&ze);
        return error_set(err, XXGK_E_NOMEM, "无法生成 DOCX 内容（内存不足）");
    }
    if (zip_close(za) < 0) {
        xxgk_status st = error_set(err, XXGK_E_IO, "无法生成 DOCX：%s", zip_strerror(za));
        zip_discard(za);
        zip_source_free(src);
        zip_error_fini(&ze);
        return st;
    }
    rc = copy_out(src, out);
    zip_source_free(src);
    zip_error_fini(&ze);
    if (rc < 0 || ferror(out))
        return error_set(err, XXGK_E_IO, "写入失败：%s", sys_error_text(errno ? errno : EIO));
    return XXGK_OK;
}
