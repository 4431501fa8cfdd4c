/* test_html.c — the HTML reader: the text layout it makes of paragraphs
 * and tables (spans, cells over lines, layout tables), the article found
 * among page furniture, charsets, traditional characters, hostile input.
 * Expected texts are written from the Word-text layout (readers.h). */
#include <iconv.h>
#include <opencc/opencc.h>
#include <stdlib.h>
#include <string.h>

#include "chinese.h"
#include "html_charset.h"
#include "read_html.h"
#include "unit.h"
#include "xxgk.h"

/* The reader's text for a page (malloc'd), or NULL with *st set. */
static char *html_text_n(const char *html, size_t n, xxgk_status *st, char *encoding)
{
    arena a;
    arena_init(&a, 0);
    input_text out;
    xxgk_error err = {0};
    *st = reader_view(read_html, "网页", &a, html, n, &out, &err);
    char *copy = NULL;
    if (*st == XXGK_OK) {
        copy = strdup(out.text);
        CHECK_INT(strlen(out.text), out.size);
        if (encoding)
            strcpy(encoding, out.encoding);
    } else {
        CHECK(err.message[0] != '\0');
    }
    arena_release(&a);
    return copy;
}

static char *html_text(const char *html)
{
    xxgk_status st;
    char *t = html_text_n(html, strlen(html), &st, NULL);
    CHECK_INT(st, XXGK_OK);
    return t;
}

#define CHECK_HTML(html, expected)          \
    do {                                    \
        char *got_ = html_text(html);       \
        CHECK_STR(got_, expected);          \
        free(got_);                         \
    } while (0)

static void paragraphs(void)
{
    CHECK_HTML("<html><head><title>T</title><style>p{color:red}</style>"
               "<script>var x = '<p>脚本</p>';</script></head><body>"
               "<p>第一段<span>文字</span>，<b>加粗</b></p><div>第二段<br>换行</div>"
               "<h2>标题  一</h2><p>&nbsp;&nbsp;\xe3\x80\x80\xe3\x80\x80缩进&nbsp;的段落&nbsp;</p>"
               "<p>a | b</p><p>社会公益\n &nbsp;组织</p><p>Word  and \n  space 2020年</p>"
               "<noscript>请启用脚本</noscript><p>\xe2\x80\x8b</p></body></html>",
               "第一段文字，加粗\n第二段\n换行\n标题一\n缩进的段落\na ｜ b\n社会公益组织\n"
               "Word and space 2020年\n");
    /* Line ends inside <pre> are kept. */
    CHECK_HTML("<body><pre>第一行\n第二行</pre></body>", "第一行\n第二行\n");
}

static void article_among_furniture(void)
{
    static const char page[] =
        "<html><head><title>某县2020年政府信息公开工作年度报告_年报_某县人民政府</title></head><body>"
        "<div class=nav><ul><li><a href=/>首页</a></li><li><a href=/nb>某县2019年工作年度报告</a>"
        "</li></ul></div><nav>导航栏目一 导航栏目二 导航栏目三 导航栏目四</nav>"
        "<form><p>请输入关键词</p><input name=q><select><option>全部</option></select></form>"
        "<div class=main><div class=side><h3>相关</h3><a href=/1>链接一</a></div>"
        "<div class=article>%s<div class=article_content>"
        "<p>一、总体情况</p><p>本年度我县认真贯彻落实政府信息公开条例，主动公开信息一千条。</p>"
        "<p>二、主动公开政府信息情况</p><p>全年制发规范性文件五件，废止两件，现行有效三十件。</p>"
        "<p>三、收到和处理政府信息公开申请情况</p><p>全年收到申请十件，均已按期答复。</p>"
        "</div></div></div>"
        "<footer>主办单位：某县人民政府办公室 地址：某县人民路一号 电话：一二三四五六七</footer>"
        "<script>document.write('一、总体情况');</script></body></html>";
    char html[2048];
    /* The title in a block of its own before the article (corpus 014). */
    snprintf(html, sizeof html, page,
             "<div class=title><h1>某县2020年政府信息公开工作年度报告</h1></div>"
             "<div class=info>来源：某县人民政府 时间：2021-01-20</div>");
    CHECK_HTML(html, "某县2020年政府信息公开工作年度报告\n一、总体情况\n"
                     "本年度我县认真贯彻落实政府信息公开条例，主动公开信息一千条。\n"
                     "二、主动公开政府信息情况\n全年制发规范性文件五件，废止两件，现行有效三十件。\n"
                     "三、收到和处理政府信息公开申请情况\n全年收到申请十件，均已按期答复。\n");
    /* No such block: the page title, without its site suffix. */
    snprintf(html, sizeof html, page, "");
    CHECK_HTML(html, "某县2020年政府信息公开工作年度报告\n一、总体情况\n"
                     "本年度我县认真贯彻落实政府信息公开条例，主动公开信息一千条。\n"
                     "二、主动公开政府信息情况\n全年制发规范性文件五件，废止两件，现行有效三十件。\n"
                     "三、收到和处理政府信息公开申请情况\n全年收到申请十件，均已按期答复。\n");
}

static void spans_as_word_lays_them_out(void)
{
    /* A(rowspan 3) covers column 0 of the next two rows, C column 1 of
     * the third; G spans two columns and two rows (one empty cell for
     * it); Z covers the last column of the row after it. */
    CHECK_HTML("<table>"
               "<tr><td rowspan=3>A</td><td colspan=2>B</td><td>1</td></tr>"
               "<tr><td rowspan=\"2\">C</td><td>D</td><td>2</td></tr>"
               "<tr><td>E</td><td>3</td></tr>"
               "<tr><td colspan=3>F</td><td>4</td></tr>"
               "<tr><td rowspan=2 colspan=2>G</td><td>H</td><td>5</td></tr>"
               "<tr><td>I</td><td>6</td></tr>"
               "<tr><td>J</td><td>K</td><td>7</td><td rowspan=2>Z</td></tr>"
               "<tr><td>M</td><td>N</td><td>8</td></tr>"
               "<tr><td>&nbsp;</td><td><br></td><td></td><td><p>\xe3\x80\x80</p></td></tr>"
               "</table>",
               "\tA\n\tB\n\t1\n\n"
               "\t\n\tC\n\tD\n\t2\n\n"
               "\t\n\t\n\tE\n\t3\n\n"
               "\tF\n\t4\n\n"
               "\tG\n\tH\n\t5\n\n"
               "\t\n\tI\n\t6\n\n"
               "\tJ\n\tK\n\t7\n\tZ\n\n"
               "\tM\n\tN\n\t8\n\t\n\n");
    /* rowspan=0 runs to the end of the table; spans beyond it are cut. */
    CHECK_HTML("<table><tr><td rowspan=0>A</td><td>1</td></tr><tr><td>2</td></tr>"
               "<tr><td rowspan=99>B</td><td>3</td></tr></table>",
               "\tA\n\t1\n\n\t\n\t2\n\n\t\n\tB\n\t3\n\n");
}

static void cells_over_lines(void)
{
    CHECK_HTML("<table><tr>"
               "<td><p>商业</p><p>企业</p></td>"
               "<td>尚未<br>审结</td>"
               "<td><p>结</p><p>果</p><p><span>维<br></span></p><p>持</p></td>"
               "<td><p><span>2</span><span>0</span></p></td>"
               "<td>&nbsp;0&nbsp;</td>"
               "<td><p>1</p><p>2</p></td>"
               "<td>14667<span>元</span></td>"
               "</tr><tr><td>a|b</td><td>x\ty</td></tr></table>",
               "\t商业\n企业\n\t尚未\n审结\n\t结果维持\n\t20\n\t0\n\t1\n2\n\t14667元\n\n"
               "\ta｜b\n\tx y\n\n");
}

static void layout_tables(void)
{
    /* A table holding a table is page layout; the inner one is data. */
    CHECK_HTML("<table><tr><td><p>左栏：这一栏的文字和右边一栏的文字一样多。</p></td><td>"
               "<p>一、总体情况</p>"
               "<table><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>5</td></tr></table>"
               "<p>后文</p></td></tr></table>",
               "左栏：这一栏的文字和右边一栏的文字一样多。\n一、总体情况\n\t规章\n\t0\n\n\t规范性文件\n\t5\n\n后文\n");
    /* The article in one cell of a layout table, a short menu beside. */
    CHECK_HTML("<table><tr><td><a href=/>首页</a><p>栏目导航</p></td><td>"
               "<p>一、总体情况</p><p>本年度我县认真贯彻落实政府信息公开条例。</p>"
               "<p>二、主动公开政府信息情况</p></td></tr></table>",
               "一、总体情况\n本年度我县认真贯彻落实政府信息公开条例。\n二、主动公开政府信息情况\n");
    /* One column: paragraphs in boxes. */
    CHECK_HTML("<table><tr><td>段落一</td></tr><tr><td><p>段落二</p><p>段落三</p></td></tr></table>",
               "段落一\n段落二\n段落三\n");
    /* A caption, and rows in thead/tbody. */
    CHECK_HTML("<table><caption>表一</caption><thead><tr><th>项目</th><th>数量</th></tr></thead>"
               "<tbody><tr><td>规章</td><td>1</td></tr></tbody></table>",
               "表一\n\t项目\n\t数量\n\n\t规章\n\t1\n\n");
}

/* iconv from UTF-8; returns the length. */
static size_t to_charset(const char *charset, const char *s, char *out, size_t cap)
{
    iconv_t cd = iconv_open(charset, "UTF-8");
    CHECK(cd != (iconv_t)-1);
    char *in = (char *)s, *o = out;
    size_t inleft = strlen(s), outleft = cap;
    CHECK(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
    iconv_close(cd);
    return cap - outleft;
}

static void charsets(void)
{
    char buf[1024], enc[160];
    xxgk_status st;
    char *t;
    /* GBK bytes, declared gb2312 in an http-equiv meta. */
    size_t n = to_charset("GBK", "<html><head><meta http-equiv=\"Content-Type\" "
                                 "content=\"text/html; charset=gb2312\"></head>"
                                 "<body><p>政府信息公开</p><p>行政复议</p></body></html>",
                          buf, sizeof buf);
    t = html_text_n(buf, n, &st, enc);
    CHECK_STR(t, "政府信息公开\n行政复议\n");
    CHECK_STR(enc, "GB18030");
    free(t);
    /* The same without any declaration: told by the bytes. */
    n = to_charset("GB18030", "<html><body><p>政府信息公开工作年度报告</p></body></html>", buf,
                   sizeof buf);
    t = html_text_n(buf, n, &st, enc);
    CHECK_STR(t, "政府信息公开工作年度报告\n");
    CHECK_STR(enc, "GB18030");
    free(t);
    /* UTF-8 bytes under an old gb2312 declaration are UTF-8. */
    const char *u8 = "<meta charset=\"GBK\"><p>政府信息公开</p>";
    t = html_text_n(u8, strlen(u8), &st, enc);
    CHECK_STR(t, "政府信息公开\n");
    CHECK_STR(enc, "UTF-8");
    free(t);
    /* Big5, declared. */
    n = to_charset("BIG5", "<meta charset=big5><p>政府資訊公開</p>", buf, sizeof buf);
    t = html_text_n(buf, n, &st, enc);
    CHECK_STR(t, "政府資訊公開\n");
    CHECK_STR(enc, "BIG5-HKSCS");
    free(t);
    /* A stray byte in a UTF-8 page: replaced, and said so. */
    const char *broken = "<meta charset=utf-8><p>政府信息\xff公开，主动公开政府信息。</p>";
    t = html_text_n(broken, strlen(broken), &st, enc);
    CHECK_STR(t, "政府信息\xef\xbf\xbd公开，主动公开政府信息。\n");
    CHECK_STR(enc, "UTF-8+1处无效字节已替换");
    free(t);
    char name[64];
    CHECK(html_declared_charset("<?xml version=\"1.0\" encoding=\"GB2312\"?><html>", 44, name,
                                sizeof name));
    CHECK_STR(name, "gb2312");
    CHECK(!html_declared_charset("<p>charset=gbk</p>", 18, name, sizeof name));
}

/* A small 2021-format report as a web page (test_input.c's report). */
static const char report_page[] =
    "<html><head><meta charset=utf-8><title>某镇</title></head><body><div class=content>"
    "<p>某镇2022年政府信息公开工作年度报告</p>"
    "<p>一、总体情况</p><p>全年公开信息10条。</p><p>二、主动公开政府信息情况</p>"
    "<table><tr><td colspan=4>第二十条第（一）项</td></tr>"
    "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
    "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table>"
    "<p>三、收到和处理政府信息公开申请情况</p><table>"
    "<tr><td colspan=2>一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td>"
    "<td>0</td><td>0</td><td>0</td><td>1</td></tr></table>"
    "<p>四、政府信息公开行政复议、行政诉讼情况</p><table>"
    "<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>"
    "<tr><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>"
    "<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>"
    "<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p>"
    "<p>本年度未收取信息处理费。</p></div></body></html>";

static xxgk_report *parse_page(const char *html, size_t n)
{
    xxgk_report *r = NULL;
    xxgk_error err = {0};
    CHECK_INT(xxgk_report_parse(html, n, "page.html", &r, &err), XXGK_OK);
    return r;
}

static long cell_units(const xxgk_report *r, const char *key)
{
    const xxgk_cell *c = xxgk_report_cell(r, (size_t)xxgk_cell_find(key));
    return c->kind == XXGK_VALUE_NUMBER ? (long)c->value.units : -1;
}

static void report_from_page(void)
{
    xxgk_report *r = parse_page(report_page, strlen(report_page));
    if (!r)
        return;
    CHECK_INT(xxgk_report_meta(r)->year, 2022);
    CHECK_INT(xxgk_report_meta(r)->format, XXGK_FORMAT_2021);
    CHECK_STR(xxgk_report_meta(r)->title, "某镇2022年政府信息公开工作年度报告");
    CHECK_INT(cell_units(r, "t3.new.natural"), 1);
    CHECK_INT(cell_units(r, "t3.new.total"), 1);
    CHECK_INT(cell_units(r, "t2.rules.made"), 0);
    CHECK_INT(cell_units(r, "t4.suit_after_review.total"), 0);
    CHECK_STR(xxgk_report_encoding(r), "UTF-8");
    /* Cell positions point into the text the reader made. */
    const xxgk_cell *c = xxgk_report_cell(r, (size_t)xxgk_cell_find("t3.new.natural"));
    size_t len;
    const char *line = xxgk_report_line(r, c->line, &len);
    CHECK(line && len == 2 && memcmp(line, "\t1", 2) == 0);
    xxgk_report_free(r);
}

static void traditional_page(void)
{
    opencc_t cc = opencc_open("s2t.json");
    CHECK(cc != (opencc_t)-1);
    if (cc == (opencc_t)-1)
        return;
    char *hant = opencc_convert_utf8(cc, report_page, strlen(report_page));
    opencc_close(cc);
    CHECK(strstr(hant, "總計") == NULL && strstr(hant, "資訊") == NULL); /* t2s, not tw2sp */
    CHECK(strstr(hant, "報告") != NULL);
    CHECK(chinese_text_is_hant(hant, strlen(hant)));
    CHECK(!chinese_text_is_hant(report_page, strlen(report_page)));
    xxgk_report *r = parse_page(hant, strlen(hant));
    opencc_convert_utf8_free(hant);
    if (!r)
        return;
    CHECK_STR(xxgk_report_encoding(r), "UTF-8+繁体转简体");
    CHECK_STR(xxgk_report_meta(r)->title, "某镇2022年政府信息公开工作年度报告");
    CHECK_INT(cell_units(r, "t3.new.natural"), 1);
    /* The text keeps the characters the page was written in. */
    size_t size;
    const char *text = xxgk_report_text(r, &size);
    CHECK(strstr(text, "政府信息公開工作年度報告") != NULL);
    xxgk_report_free(r);
}

static void traditional_detection(void)
{
    CHECK(chinese_is_hant(0x958B));  /* 開 */
    CHECK(!chinese_is_hant(0x5F00)); /* 开 */
    CHECK(!chinese_is_hant('A'));
    /* A simplified text naming a few old forms is not converted. */
    const char *s = "本机关收到申请十件，其中涉及臺灣同胞的申请两件，均已办结。政府信息公开工作";
    CHECK(!chinese_text_is_hant(s, strlen(s)));
}

static void hostile_pages(void)
{
    xxgk_status st;
    char *t = html_text_n("<html><body>  </body></html>", 28, &st, NULL);
    CHECK(t == NULL);
    CHECK_INT(st, XXGK_E_EMPTY);
    /* Nothing but a title (found by the fuzzer: an empty body). */
    CHECK_HTML("<html><head><title>某县2020年政府信息公开工作年度报告</title></head><body>"
               "<div><img src=x.png></div></body></html>",
               "某县2020年政府信息公开工作年度报告\n");
    /* Nesting far deeper than any page: the text survives, no crash. */
    size_t depth = 20000, n = 0;
    char *deep = malloc(depth * 11 + 64);
    for (size_t i = 0; i < depth; i++)
        n += (size_t)sprintf(deep + n, "<div><span>");
    n += (size_t)sprintf(deep + n, "深处的文字");
    t = html_text_n(deep, n, &st, NULL);
    CHECK_INT(st, XXGK_OK);
    CHECK(t && strstr(t, "深处的文字") != NULL);
    free(t);
    free(deep);
    /* Absurd spans stay bounded. */
    t = html_text("<table><tr><td colspan=65535 rowspan=65535>甲</td><td>1</td></tr>"
                  "<tr><td>乙</td><td>2</td></tr></table>");
    CHECK(t && strlen(t) < 100);
    free(t);
    /* Broken markup and binary noise after an HTML start. */
    static const char junk[] = "<html><table><tr><td><p><b>未闭合<td></table></tr>\x01\x02<<>>&#xffffff;"
                               "&bogus;<td rowspan=-3 colspan=abc>x</td></html>";
    t = html_text_n(junk, sizeof junk - 1, &st, NULL);
    CHECK_INT(st, XXGK_OK);
    free(t);
}

/* scripts/corpus.sh counts a file fully read when every cell of its
 * format is placed: 198 cells in the 2019 format, 200 in the 2021. */
static void format_cell_counts(void)
{
    size_t n2019 = 0, n2021 = 0;
    for (size_t i = 0; i < xxgk_cell_count(); i++) {
        n2019 += xxgk_format_has_cell(XXGK_FORMAT_2019, i);
        n2021 += xxgk_format_has_cell(XXGK_FORMAT_2021, i);
    }
    CHECK_INT(n2019, 198);
    CHECK_INT(n2021, 200);
}

const struct unit_case unit_cases[] = {
    {"paragraphs", paragraphs},
    {"article_among_furniture", article_among_furniture},
    {"spans_as_word_lays_them_out", spans_as_word_lays_them_out},
    {"cells_over_lines", cells_over_lines},
    {"layout_tables", layout_tables},
    {"charsets", charsets},
    {"report_from_page", report_from_page},
    {"traditional_page", traditional_page},
    {"traditional_detection", traditional_detection},
    {"hostile_pages", hostile_pages},
    {"format_cell_counts", format_cell_counts},
    {NULL, NULL},
};
