/*
 * test_render.c — the writers: table grids against the official formats
 * (docs/spec/format-2019.md §5–7, format-2021.md §5–7), building reports,
 * reading JSON models, the model text of sections, the merged cells of
 * DOCX, HTML and XLSX output, and atomic, non-overwriting files.
 *
 * Expected numbers are counted from the format documents, not taken from
 * the program's output.
 */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "render.h"
#include "report.h"
#include "unit.h"

#ifndef SOURCE_DIR
#define SOURCE_DIR "."
#endif

static int find_label(const grid *g, const char *text)
{
    for (int i = 0; i < g->n; i++)
        if (g->cells[i].text && !strcmp(g->cells[i].text, text))
            return i;
    return -1;
}

static const grid_cell *label(const grid *g, const char *text)
{
    int i = find_label(g, text);
    return i < 0 ? NULL : &g->cells[i];
}

/* Counts value cells and checks every position is covered exactly once. */
static int count_values(const grid *g)
{
    int n = 0;
    for (int i = 0; i < g->n; i++)
        n += g->cells[i].kind == G_VALUE;
    return n;
}

static void grid_t2_2019(void)
{
    grid g;
    CHECK_INT(grid_build(&g, XXGK_FORMAT_2019, 2), 0);
    /* 5 captions + 5 header rows + 8 data rows; 信息内容 + 3 columns. */
    CHECK_INT(g.nrows, 18);
    CHECK_INT(g.ncols, 4);
    CHECK_INT(count_values(&g), 22);
    const grid_cell *c = label(&g, "第二十条第（九）项");
    CHECK(c && c->kind == G_CAPTION && c->colspan == 4);
    /* 第二十条第（八）项 has two columns: the second spans two. */
    int n = 0;
    for (int i = 0; i < g.n; i++)
        if (g.cells[i].text && !strcmp(g.cells[i].text, "本年增/减"))
            n += g.cells[i].colspan == (g.cells[i].row == 13 ? 2 : 1);
    CHECK_INT(n, 3);
    c = label(&g, "采购总金额");
    CHECK(c && c->colspan == 2 && c->row == 16);
    const grid_cell *v = grid_cell_at(&g, 17, 2);
    CHECK(v && v->kind == G_VALUE && v->cell == xxgk_cell_find("t2.procurement.amount"));
    CHECK(v && v->unit == UNIT_WANYUAN && v->colspan == 2);
    CHECK_INT(g.head_rows, 0);
}

static void grid_t2_2021(void)
{
    grid g;
    CHECK_INT(grid_build(&g, XXGK_FORMAT_2021, 2), 0);
    /* 4 captions + 4 headers + 6 rows; 10 cells. */
    CHECK_INT(g.nrows, 14);
    CHECK_INT(count_values(&g), 10);
    /* The single value column of 五/六/八 spans the three of 一. */
    const grid_cell *c = label(&g, "本年收费金额（单位：万元）");
    CHECK(c && c->colspan == 3);
    const grid_cell *v = grid_cell_at(&g, 13, 3);
    CHECK(v && v->kind == G_VALUE && v->col == 1 && v->colspan == 3);
    CHECK(find_label(&g, "其他对外管理服务事项") < 0);
    CHECK(find_label(&g, "第二十条第（九）项") < 0);
}

static void grid_t3(void)
{
    for (int f = 0; f < 2; f++) {
        grid g;
        xxgk_format fmt = f ? XXGK_FORMAT_2021 : XXGK_FORMAT_2019;
        CHECK_INT(grid_build(&g, fmt, 3), 0);
        CHECK_INT(g.head_rows, 3);
        CHECK_INT(g.label_cols, 3);
        CHECK_INT(g.ncols, 10);
        /* 23 numeric rows (2019) or 25 (2021), 7 cells each. */
        CHECK_INT(g.nrows, 3 + (f ? 25 : 23));
        CHECK_INT(count_values(&g), f ? 175 : 161);
        const grid_cell *c = grid_cell_at(&g, 0, 0);
        CHECK(c && c->kind == G_CORNER && c->rowspan == 3 && c->colspan == 3);
        CHECK(c && strstr(c->text, "勾稽"));
        c = label(&g, "申请人情况");
        CHECK(c && c->row == 0 && c->col == 3 && c->colspan == 7);
        c = label(&g, "自然人");
        CHECK(c && c->row == 1 && c->rowspan == 2);
        c = label(&g, "法人或其他组织");
        CHECK(c && c->row == 1 && c->col == 4 && c->colspan == 5);
        c = label(&g, "商业企业");
        CHECK(c && c->row == 2 && c->rowspan == 1);
        c = label(&g, "总计");
        CHECK(c && c->row == 1 && c->col == 9 && c->rowspan == 2);
        /* 三、本年度办理结果 spans 20 rows (2019) or 22 (2021). */
        c = label(&g, "三、本年度办理结果");
        CHECK(c && c->group && c->col == 0 && c->rowspan == (f ? 22 : 20));
        c = label(&g, "（三）不予公开");
        CHECK(c && c->col == 1 && c->rowspan == 8);
        c = label(&g, "（四）无法提供");
        CHECK(c && c->rowspan == 3);
        c = label(&g, "（五）不予处理");
        CHECK(c && c->rowspan == 5);
        c = label(&g, "（六）其他处理");
        if (f)
            CHECK(c && c->group && c->rowspan == 3 && c->colspan == 1);
        else
            CHECK(c && !c->group && c->rowspan == 1 && c->colspan == 2);
        c = label(&g, "一、本年新收政府信息公开申请数量");
        CHECK(c && c->row == 3 && c->colspan == 3);
        c = label(&g, "四、结转下年度继续办理");
        CHECK(c && c->row == g.nrows - 1 && c->colspan == 3);
        c = label(&g, "（七）总计");
        CHECK(c && c->col == 1 && c->colspan == 2);
        const grid_cell *v = grid_cell_at(&g, g.nrows - 1, 9);
        CHECK(v && v->cell == xxgk_cell_find("t3.carried_out.total"));
    }
}

static void grid_t4(void)
{
    grid g;
    CHECK_INT(grid_build(&g, XXGK_FORMAT_2019, 4), 0);
    CHECK_INT(g.head_rows, 3);
    CHECK_INT(g.label_cols, 0);
    CHECK_INT(g.ncols, 15);
    CHECK_INT(g.nrows, 4);
    CHECK_INT(count_values(&g), 15);
    const grid_cell *c = label(&g, "行政复议");
    CHECK(c && c->row == 0 && c->col == 0 && c->colspan == 5);
    c = label(&g, "行政诉讼");
    CHECK(c && c->row == 0 && c->col == 5 && c->colspan == 10);
    c = label(&g, "未经复议直接起诉");
    CHECK(c && c->row == 1 && c->col == 5 && c->colspan == 5);
    c = label(&g, "复议后起诉");
    CHECK(c && c->row == 1 && c->col == 10 && c->colspan == 5);
    c = grid_cell_at(&g, 1, 0);
    CHECK(c && c->kind == G_COLHEAD && !strcmp(c->text, "结果维持") && c->rowspan == 2);
    c = grid_cell_at(&g, 2, 14);
    CHECK(c && c->kind == G_COLHEAD && !strcmp(c->text, "总计") && c->rowspan == 1);
    c = grid_cell_at(&g, 3, 8);
    CHECK(c && c->cell == xxgk_cell_find("t4.suit_direct.pending"));
}

/* Every value cell of a format appears once in its grids. */
static void grid_covers_format(void)
{
    for (int f = 0; f < 2; f++) {
        xxgk_format fmt = f ? XXGK_FORMAT_2021 : XXGK_FORMAT_2019;
        int seen[512] = {0};
        for (int s = 2; s <= 4; s++) {
            grid g;
            CHECK_INT(grid_build(&g, fmt, s), 0);
            for (int i = 0; i < g.n; i++)
                if (g.cells[i].kind == G_VALUE && g.cells[i].cell >= 0)
                    seen[g.cells[i].cell]++;
        }
        for (size_t id = 0; id < xxgk_cell_count(); id++)
            CHECK_INT(seen[id], xxgk_format_has_cell(fmt, id) ? 1 : 0);
    }
}

/* ---- formats, building, JSON -------------------------------------------- */

static void format_names(void)
{
    CHECK_INT(xxgk_render_format_from_path("out/报告.docx"), XXGK_RENDER_DOCX);
    CHECK_INT(xxgk_render_format_from_path("a.HTML"), XXGK_RENDER_HTML);
    CHECK_INT(xxgk_render_format_from_path("a.md"), XXGK_RENDER_MARKDOWN);
    CHECK_INT(xxgk_render_format_from_path("a.txt"), XXGK_RENDER_TEXT);
    CHECK_INT(xxgk_render_format_from_path("a.xlsx"), XXGK_RENDER_XLSX);
    CHECK_INT(xxgk_render_format_from_path("a.json"), XXGK_RENDER_JSON);
    CHECK_INT(xxgk_render_format_from_path("dir.docx/file"), XXGK_RENDER_UNKNOWN);
    CHECK_INT(xxgk_render_format_from_path("a.pdf"), XXGK_RENDER_PDF);
    CHECK_INT(xxgk_render_format_from_path("a.odt"), XXGK_RENDER_UNKNOWN);
    CHECK_INT(xxgk_render_format_from_name("markdown"), XXGK_RENDER_MARKDOWN);
    CHECK_STR(xxgk_render_format_extension(XXGK_RENDER_DOCX), "docx");
}

static void new_report(void)
{
    xxgk_report *r;
    xxgk_error err;
    CHECK_INT(xxgk_report_new(2018, XXGK_FORMAT_UNKNOWN, "甲", &r, &err), XXGK_E_USAGE);
    CHECK_INT(xxgk_report_new(2021, XXGK_FORMAT_2019, "甲", &r, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "2021年版"));
    CHECK_INT(xxgk_report_new(2020, XXGK_FORMAT_UNKNOWN, "甲镇人民政府", &r, &err), XXGK_OK);
    CHECK_INT(xxgk_report_meta(r)->format, XXGK_FORMAT_2019);
    CHECK_INT(xxgk_report_set_date(r, "2021-02-29"), XXGK_E_USAGE);
    CHECK_INT(xxgk_report_set_date(r, "2021-1-28"), XXGK_E_USAGE);
    CHECK_INT(xxgk_report_set_date(r, "2021-01-28"), XXGK_OK);
    CHECK_INT(xxgk_report_set_period(r, "2020-12-31", "2020-01-01"), XXGK_E_USAGE);
    CHECK_INT(xxgk_report_set_blank(r, 100000), XXGK_E_USAGE);
    CHECK_INT(xxgk_report_cell(r, 0)->kind, XXGK_VALUE_ABSENT);
    CHECK_INT(xxgk_report_fill_skeleton(r, false), XXGK_OK);
    /* Every 2019 cell present, as 0; no 2021 cell. */
    size_t present = 0;
    for (size_t id = 0; id < xxgk_cell_count(); id++) {
        const xxgk_cell *c = xxgk_report_cell(r, id);
        if (c->kind == XXGK_VALUE_NUMBER && c->value.units == 0)
            present++;
        CHECK_INT(c->kind != XXGK_VALUE_ABSENT, xxgk_format_has_cell(XXGK_FORMAT_2019, id));
    }
    CHECK_INT(present, 22 + 161 + 15);
    CHECK_STR(xxgk_report_meta(r)->title, "甲镇人民政府2020年政府信息公开工作年度报告");
    CHECK_STR(xxgk_report_meta(r)->period_to, "2020-12-31");
    CHECK_INT(xxgk_report_has_placeholder(r), 1);
    CHECK(strstr(xxgk_report_section_text(r, 1), "（四）平台建设"));
    xxgk_report_free(r);

    CHECK_INT(xxgk_report_new(2022, XXGK_FORMAT_UNKNOWN, NULL, &r, &err), XXGK_OK);
    CHECK_INT(xxgk_report_fill_skeleton(r, true), XXGK_OK);
    CHECK_INT(xxgk_report_cell(r, (size_t)xxgk_cell_find("t2.fees.amount"))->kind,
              XXGK_VALUE_BLANK);
    /* The 2021 format requires the 信息处理费 statement in 六. */
    CHECK(strstr(xxgk_report_section_text(r, 6), "信息处理费"));
    CHECK(strstr(xxgk_report_section_text(r, 1), "一千字"));
    xxgk_report_free(r);
}

static xxgk_status parse_json(const char *json, xxgk_report **r, xxgk_error *err)
{
    return xxgk_report_parse_json(json, strlen(json), "m.json", r, err);
}

static void json_models(void)
{
    xxgk_report *r = NULL;
    xxgk_error err;
    CHECK_INT(
        parse_json("{\"meta\":{\"year\":2021,\"body\":\"乙局\",\"date\":\"2022-01-05\"},"
                   "\"cells\":{\"t2.fees.amount\":24252.311082,\"t3.new.natural\":3,"
                   "\"t3.new.business\":null,\"t2.rules.made\":-0},"
                   "\"sections\":{\"6\":\"2021年，本机关未收取信息处理费。\"},\"file\":\"x\"}",
                   &r, &err),
        XXGK_OK);
    if (r) {
        const xxgk_cell *c = xxgk_report_cell(r, (size_t)xxgk_cell_find("t2.fees.amount"));
        CHECK_INT(c->kind, XXGK_VALUE_NUMBER);
        CHECK_INT(c->value.units, 24252311082LL);
        CHECK_INT(c->value.scale, 6);
        CHECK_INT(xxgk_report_cell(r, (size_t)xxgk_cell_find("t3.new.business"))->kind,
                  XXGK_VALUE_BLANK);
        CHECK_INT(xxgk_report_cell(r, (size_t)xxgk_cell_find("t3.new.legal"))->kind,
                  XXGK_VALUE_ABSENT);
        CHECK_INT(xxgk_report_meta(r)->format, XXGK_FORMAT_2021);
        CHECK_STR(xxgk_report_section_text(r, 6), "2021年，本机关未收取信息处理费。");
        xxgk_report_free(r);
    }
    static const struct {
        const char *json, *needle;
    } bad[] = {
        {"{\"meta\":{\"year\":2021},\"cells\":{\"t3.new.naturel\":1}}", "t3.new.naturel"},
        {"{\"meta\":{\"year\":2021},\"cells\":{\"t3.new.natural\":\"3\"}}", "t3.new.natural"},
        {"{\"meta\":{\"year\":2021,\"date\":\"2022-13-01\"}}", "2022-13-01"},
        {"{\"meta\":{\"format\":\"2021\"}}", "meta.year"},
        {"{\"meta\":{\"year\":2021,\"format\":\"2019\"}}", "2021年版"},
        {"{\"meta\":{\"year\":2021,\"format\":\"2020\"}}", "meta.format"},
        {"{\"meta\":{\"year\":2021},\"sections\":{\"7\":\"x\"}}", "“7”"},
        {"{\"meta\":{\"year\":2021}, \"cells\":[1]}", "cells"},
        {"{\"meta\":{\"year\":2021},", "JSON"},
        {"[]", "JSON 对象"},
        {"{\"meta\":{\"year\":2021},\"cells\":{\"t3.new.natural\":1,\"t3.new.natural\":2}}",
         "JSON"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        r = NULL;
        CHECK_INT(parse_json(bad[i].json, &r, &err), XXGK_E_USAGE);
        CHECK(r == NULL);
        if (!strstr(err.message, bad[i].needle))
            fprintf(stderr, "  case %zu: message \"%s\" lacks \"%s\"\n", i, err.message,
                    bad[i].needle);
        CHECK(strstr(err.message, bad[i].needle));
    }
}

/* ---- the samples' model text -------------------------------------------- */

static xxgk_report *sample(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/examples/%s", SOURCE_DIR, name);
    xxgk_report *r = NULL;
    xxgk_error err;
    if (xxgk_report_read_file(path, &r, &err) != XXGK_OK)
        fprintf(stderr, "cannot read %s: %s\n", path, err.message);
    return r;
}

static bool section_is(const xxgk_report *r, int n, const char *first, const char *last)
{
    size_t len;
    const char *s = xxgk_report_model_section(r, n, &len);
    if (!s)
        return first == NULL;
    size_t fl = strlen(first), ll = strlen(last);
    return len >= fl && len >= ll && memcmp(s, first, fl) == 0 &&
           memcmp(s + len - ll, last, ll) == 0;
}

static void model_sections(void)
{
    /* 003: the title is broken over two lines (…工作年度 / 报  告). */
    xxgk_report *r = sample("003_67fd554f9e32afcc.txt");
    CHECK(r);
    if (r) {
        CHECK(section_is(r, 0, "根据《中华人民共和国政府信息公开条例》", "。"));
        CHECK(section_is(r, 6, "没有其他需要报告的事项。", "没有其他需要报告的事项。"));
        xxgk_report_free(r);
    }
    /* 002: the signature 姚集镇人民政府 / 2021年1月28日 ends section 六. */
    r = sample("002_5008492d97724081.txt");
    CHECK(r);
    if (r) {
        size_t len;
        const char *s = xxgk_report_model_section(r, 6, &len);
        CHECK(s && len == strlen("无其他需要报告的事项。") &&
              !memcmp(s, "无其他需要报告的事项。", len));
        CHECK(section_is(r, 0, "2020年，在县委、县政府的正确领导下", "12月31日止。"));
        xxgk_report_free(r);
    }
}

/* ---- rendered files ------------------------------------------------------ */

static char *render_mem(const xxgk_report *r, xxgk_render_format f, size_t *size)
{
    char *data = NULL;
    FILE *o = open_memstream(&data, size);
    xxgk_error err;
    xxgk_status st = xxgk_report_render(r, f, o, &err);
    fclose(o);
    if (st != XXGK_OK) {
        fprintf(stderr, "render failed: %s\n", err.message);
        free(data);
        return NULL;
    }
    return data;
}

/* The named entry of a zip archive in memory, NUL-terminated. */
static char *zip_entry(const char *data, size_t size, const char *name)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, size, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    char *out = NULL;
    zip_stat_t st;
    if (za && zip_stat(za, name, 0, &st) == 0) {
        zip_file_t *zf = zip_fopen(za, name, 0);
        out = calloc(1, st.size + 1);
        if (zf && out && zip_fread(zf, out, st.size) != (zip_int64_t)st.size) {
            free(out);
            out = NULL;
        }
        if (zf)
            zip_fclose(zf);
    }
    if (za)
        zip_close(za);
    else if (src)
        zip_source_free(src);
    zip_error_fini(&ze);
    return out;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; p && (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static xxgk_report *skeleton(int year)
{
    xxgk_report *r = NULL;
    xxgk_error err;
    xxgk_report_new(year, XXGK_FORMAT_UNKNOWN, "丙县<市场>监督管理局&", &r, &err);
    xxgk_report_fill_skeleton(r, false);
    xxgk_report_set_date(r, "2022-01-28");
    return r;
}

static void docx_merged_cells(void)
{
    for (int f = 0; f < 2; f++) {
        xxgk_report *r = skeleton(f ? 2021 : 2020);
        size_t size;
        char *data = render_mem(r, XXGK_RENDER_DOCX, &size);
        char *docxml = data ? zip_entry(data, size, "word/document.xml") : NULL;
        CHECK(docxml);
        if (docxml) {
            /* Counted from the format documents (see the grid tests):
             * 2019: captions ×5 span 4; 八/九 last column and value span
             * 2; 三's one-level rows span 2 (予以公开, 部分公开, 其他处理,
             * 总计) and the top rows and the corner (3 rows) span 3. */
            CHECK_INT(count(docxml, "<w:gridSpan w:val=\"4\"/>"), f ? 4 : 5);
            CHECK_INT(count(docxml, "<w:gridSpan w:val=\"2\"/>"), f ? 3 : 8);
            CHECK_INT(count(docxml, "<w:gridSpan w:val=\"3\"/>"), f ? 7 + 6 : 6);
            CHECK_INT(count(docxml, "<w:gridSpan w:val=\"7\"/>"), 1);
            CHECK_INT(count(docxml, "<w:gridSpan w:val=\"5\"/>"), 4);
            CHECK_INT(count(docxml, "<w:gridSpan w:val=\"10\"/>"), 1);
            /* Vertical merges: corner, 自然人, 总计, 三、, （三）（四）（五）
             * [（六） in 2021], the five 行政复议 columns. */
            CHECK_INT(count(docxml, "<w:vMerge w:val=\"restart\"/>"), f ? 13 : 12);
            /* Continuations: corner 2, 自然人 1, 总计 1, 三、 19|21, （三） 7,
             * （四） 2, （五） 4, [（六） 2], 行政复议 columns 5. */
            CHECK_INT(count(docxml, "<w:vMerge/>"), f ? 45 : 41);
            CHECK_INT(count(docxml, "<w:tbl>"), 3);
            CHECK_INT(count(docxml, "<w:tblHeader/>"), 6);
            CHECK(strstr(docxml, "丙县&lt;市场&gt;监督管理局&amp;"));
            CHECK(strstr(docxml, "2022年1月28日"));
            CHECK_INT(count(docxml, "<w:pStyle w:val=\"Heading1\"/>"), 6);
            CHECK(strstr(docxml, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
        }
        char *styles = data ? zip_entry(data, size, "word/styles.xml") : NULL;
        char *fonts = data ? zip_entry(data, size, "word/fontTable.xml") : NULL;
        CHECK(styles && strstr(styles, "w:eastAsia=\"仿宋_GB2312\""));
        CHECK(styles && strstr(styles, "方正小标宋简体") && strstr(styles, "黑体"));
        CHECK(fonts && strstr(fonts, "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"仿宋\"/>"));
        /* the free faces install-deps.sh installs, as fallbacks */
        CHECK(fonts && strstr(fonts, "<w:font w:name=\"楷体\"><w:altName w:val=\"AR PL UKai CN\"/>"));
        CHECK(fonts && strstr(fonts, "<w:font w:name=\"仿宋\"><w:altName w:val=\"Noto Serif CJK SC\"/>"));
        /* table text not on the body's line grid */
        CHECK(styles && strstr(styles, "<w:snapToGrid w:val=\"0\"/>"));
        free(docxml);
        free(styles);
        free(fonts);
        free(data);
        xxgk_report_free(r);
    }
}

static void html_page(void)
{
    xxgk_report *r = skeleton(2020);
    size_t size;
    char *html = render_mem(r, XXGK_RENDER_HTML, &size);
    CHECK(html);
    if (html) {
        CHECK(strstr(html, "<html lang=\"zh-CN\">"));
        CHECK_INT(count(html, "<caption>"), 3);
        CHECK_INT(count(html, "<h1>"), 1);
        CHECK_INT(count(html, "<h2 "), 6);
        CHECK(strstr(html, "<th scope=\"rowgroup\" class=\"vert\" rowspan=\"20\">三、本年度办理结果</th>"));
        CHECK(strstr(html, "<th scope=\"rowgroup\" rowspan=\"8\">（三）不予公开</th>"));
        CHECK(strstr(html, "<th scope=\"colgroup\" colspan=\"10\">行政诉讼</th>"));
        CHECK(strstr(html, "<th scope=\"col\" rowspan=\"2\">自然人</th>"));
        CHECK(strstr(html, "<th scope=\"row\">规章</th>"));
        CHECK(strstr(html, "@media print"));
        CHECK(strstr(html, "丙县&lt;市场&gt;监督管理局&amp;"));
        CHECK(strstr(html, "<time datetime=\"2022-01-28\">2022年1月28日</time>"));
        CHECK(!strstr(html, "<link") && !strstr(html, "<script"));
        free(html);
    }
    xxgk_report_free(r);
}

/* The fill-in workbook: 正文 first, then one sheet per table named as
 * findings name them; 表二's header merged as the format prints it
 * (a caption row over each of its 4 blocks' width, 本年处理决定数量 over
 * three columns in 3 blocks: 9 merges in the 2019 format's 5 blocks);
 * numbers as number cells (采购总金额 1306.14 of sample 002); every
 * total of table 三 a formula (7 columns' outcome totals + 23 rows'
 * totals, the grand total once); inputs validated; sheets protected. */
static void xlsx_sheets(void)
{
    xxgk_report *r = sample("002_5008492d97724081.txt");
    if (!r)
        return;
    size_t size;
    char *data = render_mem(r, XXGK_RENDER_XLSX, &size);
    CHECK(data);
    char *book = data ? zip_entry(data, size, "xl/workbook.xml") : NULL;
    CHECK(book && strstr(book, "name=\"正文\""));
    CHECK(book && strstr(book, "name=\"表二\""));
    CHECK(book && strstr(book, "name=\"表四\""));
    CHECK(book && strstr(book, "_xlnm.Print_Area"));
    char *t2 = data ? zip_entry(data, size, "xl/worksheets/sheet2.xml") : NULL;
    CHECK(t2 && strstr(t2, "<mergeCells count=\"9\">"));
    CHECK(t2 && strstr(t2, "<v>1306.14</v>"));
    CHECK(t2 && strstr(t2, "<sheetProtection"));
    char *t3 = data ? zip_entry(data, size, "xl/worksheets/sheet3.xml") : NULL;
    int formulas = 0;
    for (const char *p = t3; p && (p = strstr(p, "<f>SUM(")); p++)
        formulas++;
    CHECK_INT(formulas, 6 + 23);
    CHECK(t3 && strstr(t3, "<dataValidation"));
    CHECK(t3 && strstr(t3, "<conditionalFormatting"));
    char *text = data ? zip_entry(data, size, "xl/worksheets/sheet1.xml") : NULL;
    CHECK(text && strstr(text, "location=\"'表三'!A1\""));
    free(text);
    free(t3);
    free(t2);
    free(book);
    free(data);
    xxgk_report_free(r);
}

/* ---- files ----------------------------------------------------------------- */

static int entries_in(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."));
    if (d)
        closedir(d);
    return n;
}

static void atomic_files(void)
{
    char dir[] = "/tmp/xxgk-test-XXXXXX";
    CHECK(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/报告.docx", dir);
    xxgk_report *r = skeleton(2021);
    xxgk_error err;
    CHECK_INT(xxgk_report_render_file(r, XXGK_RENDER_DOCX, path, false, &err), XXGK_OK);
    struct stat st1, st2;
    CHECK_INT(stat(path, &st1), 0);
    /* Not replaced without overwrite, and nothing left behind. */
    CHECK_INT(xxgk_report_render_file(r, XXGK_RENDER_HTML, path, false, &err), XXGK_E_IO);
    CHECK(strstr(err.message, "已存在"));
    CHECK_INT(stat(path, &st2), 0);
    CHECK_INT(st2.st_size, st1.st_size);
    CHECK_INT(entries_in(dir), 1);
    CHECK_INT(xxgk_report_render_file(r, XXGK_RENDER_HTML, path, true, &err), XXGK_OK);
    CHECK_INT(stat(path, &st2), 0);
    CHECK(st2.st_size != st1.st_size);
    snprintf(path, sizeof path, "%s/表.xlsx", dir);
    CHECK_INT(xxgk_report_render_file(r, XXGK_RENDER_XLSX, path, false, &err), XXGK_OK);
    CHECK_INT(entries_in(dir), 2);
    snprintf(path, sizeof path, "%s/no/such/dir/a.txt", dir);
    CHECK_INT(xxgk_report_render_file(r, XXGK_RENDER_TEXT, path, false, &err), XXGK_E_IO);
    CHECK_INT(entries_in(dir), 2);
    snprintf(path, sizeof path, "rm -rf '%s'", dir);
    CHECK_INT(system(path), 0);
    xxgk_report_free(r);
}

static void same_bytes(void)
{
    /* The same report gives the same DOCX (fixed time stamps). */
    xxgk_report *r = skeleton(2021);
    size_t a_size, b_size;
    char *a = render_mem(r, XXGK_RENDER_DOCX, &a_size);
    char *b = render_mem(r, XXGK_RENDER_DOCX, &b_size);
    CHECK(a && b && a_size == b_size && !memcmp(a, b, a_size));
    free(a);
    free(b);
    xxgk_report_free(r);
}

/* Damaged models: a clear refusal or a report that renders, never a
 * crash (the sanitizer build runs this too). */
static void damaged_models(void)
{
    xxgk_report *r = skeleton(2021);
    size_t size;
    char *json = render_mem(r, XXGK_RENDER_JSON, &size);
    xxgk_report_free(r);
    CHECK(json);
    if (!json)
        return;
    static const char noise[] = "{}[]\",:0123456789-.e nul\\\xe4\xb8\x80";
    uint64_t seed = 0x5DEECE66DULL;
    char *copy = malloc(size);
    int rendered = 0, refused = 0;
    for (int i = 0; i < 300; i++) {
        memcpy(copy, json, size);
        for (int k = 0; k < 1 + i % 4; k++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            size_t at = (seed >> 33) % size;
            /* Odd rounds damage anything; even ones change numbers into
             * other numbers, big, negative or decimal, which still parse. */
            if (i % 2)
                copy[at] = noise[(seed >> 17) % (sizeof noise - 1)];
            else
                for (; at < size; at++)
                    if (copy[at] >= '0' && copy[at] <= '9') {
                        copy[at] = "9-.1234567890"[(seed >> 17) % 13];
                        break;
                    }
        }
        xxgk_report *m = NULL;
        xxgk_error err;
        xxgk_status st = xxgk_report_parse_json(copy, size, "m.json", &m, &err);
        CHECK(st == XXGK_OK || st == XXGK_E_USAGE);
        CHECK(st == XXGK_OK || (m == NULL && err.message[0]));
        if (!m) {
            refused++;
            continue;
        }
        static const xxgk_render_format fs[] = {XXGK_RENDER_TEXT, XXGK_RENDER_MARKDOWN,
                                                XXGK_RENDER_HTML, XXGK_RENDER_DOCX,
                                                XXGK_RENDER_JSON};
        for (size_t k = 0; k < sizeof fs / sizeof fs[0]; k++) {
            size_t n;
            char *out = render_mem(m, fs[k], &n);
            CHECK(out && n > 0);
            free(out);
        }
        rendered++;
        xxgk_report_free(m);
    }
    /* Both outcomes occur, so both paths were exercised. */
    CHECK(rendered > 10 && refused > 10);
    free(copy);
    free(json);
}

const struct unit_case unit_cases[] = {
    {"grid_t2_2019", grid_t2_2019},
    {"grid_t2_2021", grid_t2_2021},
    {"grid_t3", grid_t3},
    {"grid_t4", grid_t4},
    {"grid_covers_format", grid_covers_format},
    {"format_names", format_names},
    {"new_report", new_report},
    {"json_models", json_models},
    {"model_sections", model_sections},
    {"docx_merged_cells", docx_merged_cells},
    {"html_page", html_page},
    {"xlsx_sheets", xlsx_sheets},
    {"atomic_files", atomic_files},
    {"same_bytes", same_bytes},
    {"damaged_models", damaged_models},
    {NULL, NULL},
};
