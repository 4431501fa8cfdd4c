/* test_docx.c — the DOCX reader: each construct of word/document.xml
 * gives the Word-text layout Word's own text export gives, and every
 * kind of damaged or hostile container is refused with its status. The
 * DOCX files are built here, in memory, from the XML each case shows. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "arena.h"
#include "read_docx.h"
#include "unit.h"
#include "xxgk.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W_NS \
             " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"" \
             " xmlns:v=\"urn:schemas-microsoft-com:vml\"><w:body>"
#define TAIL "<w:sectPr/></w:body></w:document>"
#define P(text) "<w:p><w:r><w:t>" text "</w:t></w:r></w:p>"
#define TC(text) "<w:tc>" P(text) "</w:tc>"

typedef struct part {
    const char *name, *data;
    size_t size; /* 0: strlen(data) */
} part;

/* A zip holding `parts`, as a malloc'd buffer. */
static char *make_zip(const part *parts, size_t *size)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_source_keep(src);
    zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    for (const part *p = parts; p->name; p++) {
        size_t n = p->size ? p->size : strlen(p->data);
        zip_source_t *s = zip_source_buffer(z, p->data, n, 0);
        zip_file_add(z, p->name, s, ZIP_FL_OVERWRITE);
    }
    zip_close(z);
    zip_source_open(src);
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t n = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    char *buf = malloc((size_t)n);
    zip_source_read(src, buf, (zip_uint64_t)n);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&ze);
    *size = (size_t)n;
    return buf;
}

static char *make_docx(const char *document_xml, size_t *size)
{
    part parts[] = {{"[Content_Types].xml", "<Types/>", 0},
                    {"word/document.xml", document_xml, 0},
                    {"word/header1.xml", "<w:hdr " W_NS "><w:p><w:r><w:t>页眉文字</w:t></w:r>"
                                         "</w:p></w:hdr>", 0},
                    {NULL, NULL, 0}};
    return make_zip(parts, size);
}

/* The text the reader makes of a document body, or NULL (and *st). */
static char *read_body(const char *body, xxgk_status *st, char *msg)
{
    size_t n = strlen(HEAD) + strlen(body) + strlen(TAIL) + 1;
    char *xml = malloc(n);
    snprintf(xml, n, "%s%s%s", HEAD, body, TAIL);
    size_t size;
    char *docx = make_docx(xml, &size);
    arena a;
    arena_init(&a, 4096);
    input_text out;
    xxgk_error err = {XXGK_OK, ""};
    *st = reader_view(read_docx, "DOCX", &a, docx, size, &out, &err);
    char *text = *st == XXGK_OK ? strdup(out.text) : NULL;
    if (msg)
        strcpy(msg, err.message);
    arena_release(&a);
    free(docx);
    free(xml);
    return text;
}

#define CHECK_BODY(body, expected)                     \
    do {                                               \
        xxgk_status st_;                               \
        char *t_ = read_body(body, &st_, NULL);        \
        CHECK_INT(st_, XXGK_OK);                       \
        CHECK_STR(t_, expected);                       \
        free(t_);                                      \
    } while (0)

static void paragraphs(void)
{
    CHECK_BODY(P("一、总体情况")
               "<w:p><w:r><w:t xml:space=\"preserve\">甲 </w:t><w:br/><w:t>乙</w:t>"
               "<w:tab/><w:t>丙|丁</w:t></w:r></w:p><w:p/>",
               "一、总体情况\n甲\n乙 丙｜丁\n\n");
    /* runs split inside a word, as Word does after editing */
    CHECK_BODY("<w:p><w:r><w:t>20</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>20年</w:t></w:r></w:p>",
               "2020年\n");
}

static void merged_cells(void)
{
    /* Table 三's header: the 勾稽 note spans three columns and two rows,
     * 法人或其他组织 spans the five columns under it. */
    CHECK_BODY("<w:tbl><w:tblGrid/>"
               "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/><w:vMerge w:val=\"restart\"/></w:tcPr>"
               "<w:p><w:r><w:t>（勾稽关系）</w:t></w:r></w:p></w:tc>"
               "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" P("自然人") "</w:tc>"
               "<w:tc><w:tcPr><w:gridSpan w:val=\"5\"/></w:tcPr>" P("法人或其他组织") "</w:tc></w:tr>"
               "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/><w:vMerge/></w:tcPr><w:p/></w:tc>"
               "<w:tc><w:tcPr><w:vMerge w:val=\"continue\"/></w:tcPr><w:p/></w:tc>"
               TC("商业企业") TC("科研机构") "</w:tr></w:tbl>"
               P("后文"),
               "\t（勾稽关系）\n\t自然人\n\t法人或其他组织\n\n"
               "\t\n\t\n\t商业企业\n\t科研机构\n\n"
               "后文\n");
    /* legacy horizontal merge: the continuation is not a cell */
    CHECK_BODY("<w:tbl><w:tr><w:tc><w:tcPr><w:hMerge w:val=\"restart\"/></w:tcPr>" P("合计")
               "</w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>" TC("5") "</w:tr></w:tbl>",
               "\t合计\n\t5\n\n");
}

static void lines_in_cells(void)
{
    /* several paragraphs and a break in one cell: continuation lines;
     * empty paragraphs and a leading TAB would end the row, so they go */
    CHECK_BODY("<w:tbl><w:tr><w:tc>" P("本年新") "<w:p/>" P("制作数量") "</w:tc>"
               "<w:tc><w:p><w:r><w:tab/><w:t>商业</w:t><w:br/><w:br/><w:t>企业</w:t></w:r>"
               "</w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>",
               "\t本年新\n制作数量\n\t商业\n企业\n\t\n\n");
}

static void nested_tables(void)
{
    /* A report pasted into a one-cell frame: the frame row is a layout
     * row, its paragraphs and its table are written as blocks. */
    CHECK_BODY("<w:tbl><w:tr><w:tc>" P("二、主动公开政府信息情况")
               "<w:tbl><w:tr>" TC("规章") TC("0") "</w:tr><w:tr>" TC("规范性文件") TC("3")
               "</w:tr></w:tbl>" P("三、收到和处理") "</w:tc></w:tr>"
               "<w:tr>" TC("行政许可") TC("5") "</w:tr></w:tbl>",
               "二、主动公开政府信息情况\n\t规章\n\t0\n\n\t规范性文件\n\t3\n\n三、收到和处理\n"
               "\t行政许可\n\t5\n\n");
}

static void text_boxes(void)
{
    /* The DrawingML text box is read once; its VML fallback is not. */
    CHECK_BODY("<w:p><w:r><w:t>锚点段</w:t></w:r><w:r><mc:AlternateContent>"
               "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor "
               "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">"
               "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
               "<a:graphicData><wps:wsp xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/"
               "wordprocessingShape\"><wps:txbx><w:txbxContent>" P("文本框里的标题")
               "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
               "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
               P("文本框里的标题") "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
               "</mc:AlternateContent></w:r></w:p>",
               "文本框里的标题\n锚点段\n");
    /* an old VML text box on its own */
    CHECK_BODY("<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>" P("旧式文本框")
               "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>",
               "旧式文本框\n\n");
}

static void fields_and_revisions(void)
{
    /* A field's result is text, its code is not. */
    CHECK_BODY("<w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
               "<w:r><w:instrText> DOCPROPERTY 件数 </w:instrText></w:r>"
               "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>12</w:t></w:r>"
               "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>件</w:t></w:r></w:p>"
               "<w:p><w:fldSimple w:instr=\"DATE\"><w:r><w:t>2021年1月28日</w:t></w:r>"
               "</w:fldSimple></w:p>",
               "共12件\n2021年1月28日\n");
    /* tracked changes: inserted text counts, deleted text does not;
     * hidden text is not printed; content controls are read through */
    CHECK_BODY("<w:p><w:del><w:r><w:delText>旧</w:delText></w:r></w:del>"
               "<w:ins><w:r><w:t>新</w:t></w:r></w:ins>"
               "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
               "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>可见</w:t></w:r>"
               "<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>"
               "<w:sdt><w:sdtPr><w:alias w:val=\"标题\"/></w:sdtPr><w:sdtContent>" P("控件内容")
               "</w:sdtContent></w:sdt>",
               "新可见链接\n控件内容\n");
}

static void automatic_numbering(void)
{
    /* Headings numbered by a style (一、 二、), sub-headings by their own
     * list level (（一） （二）, restarted under each heading), a decimal
     * list, and a paragraph whose numbering is switched off. */
    static const char numbering[] =
        "<w:numbering " W_NS ">"
        "<w:abstractNum w:abstractNumId=\"7\">"
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
        "<w:lvlText w:val=\"%1、\"/><w:suff w:val=\"nothing\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
        "<w:lvlText w:val=\"（%2）\"/><w:suff w:val=\"nothing\"/></w:lvl></w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"8\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"9\"/>"
        "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num>"
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"8\"/></w:num></w:numbering>";
    static const char styles[] =
        "<w:styles " W_NS "><w:style w:type=\"paragraph\" w:styleId=\"H1\">"
        "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"MyHeading\"><w:basedOn w:val=\"H1\"/>"
        "</w:style></w:styles>";
#define HEADING(text) "<w:p><w:pPr><w:pStyle w:val=\"MyHeading\"/></w:pPr><w:r><w:t>" text \
                      "</w:t></w:r></w:p>"
#define LIST(id, lvl, text) "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" lvl "\"/><w:numId w:val=\"" \
                            id "\"/></w:numPr></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
    const char *body = HEADING("总体情况") LIST("1", "1", "主动公开") LIST("1", "1", "依申请公开")
        HEADING("主动公开政府信息情况") LIST("1", "1", "规章") LIST("2", "0", "第九项")
        "<w:p><w:pPr><w:pStyle w:val=\"MyHeading\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>"
        "</w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>";
#undef HEADING
#undef LIST
    size_t n = strlen(HEAD) + strlen(body) + strlen(TAIL) + 1;
    char *xml = malloc(n);
    snprintf(xml, n, "%s%s%s", HEAD, body, TAIL);
    part parts[] = {{"word/document.xml", xml, 0},
                    {"word/numbering.xml", numbering, 0},
                    {"word/styles.xml", styles, 0},
                    {NULL, NULL, 0}};
    size_t size;
    char *docx = make_zip(parts, &size);
    arena a;
    arena_init(&a, 4096);
    input_text out;
    xxgk_error err;
    CHECK_INT(reader_view(read_docx, "DOCX", &a, docx, size, &out, &err), XXGK_OK);
    CHECK_STR(out.text, "一、总体情况\n（一）主动公开\n（二）依申请公开\n"
                        "二、主动公开政府信息情况\n（一）规章\n9. 第九项\n不编号\n");
    arena_release(&a);
    free(docx);
    free(xml);
}

static void headers_are_not_read(void)
{
    xxgk_status st;
    char *t = read_body(P("正文"), &st, NULL);
    CHECK_INT(st, XXGK_OK);
    CHECK(t && !strstr(t, "页眉"));
    free(t);
}

static xxgk_status read_zip(const char *data, size_t size, char *msg)
{
    arena a;
    arena_init(&a, 4096);
    input_text out;
    xxgk_error err = {XXGK_OK, ""};
    xxgk_status st = reader_view(read_docx, "DOCX", &a, data, size, &out, &err);
    strcpy(msg, err.message);
    arena_release(&a);
    return st;
}

static void not_docx(void)
{
    char msg[256];
    size_t size;
    part parts[] = {{"xl/workbook.xml", "<workbook/>", 0}, {NULL, NULL, 0}};
    char *zip = make_zip(parts, &size);
    CHECK_INT(read_zip(zip, size, msg), XXGK_E_UNSUPPORTED);
    CHECK(strstr(msg, "不是 DOCX 文件") != NULL);
    free(zip);
}

static void damaged(void)
{
    char msg[256];
    size_t size;
    char *docx = make_docx(HEAD P("正文") TAIL, &size);
    /* cut anywhere after the signature: never a crash, always a reason */
    for (size_t cut = 4; cut < size; cut += 7) {
        xxgk_status st = read_zip(docx, cut, msg);
        CHECK(st == XXGK_E_TRUNCATED);
        CHECK(msg[0] != '\0');
    }
    free(docx);
    /* XML that stops in the middle */
    xxgk_status st;
    char *t = read_body("<w:p><w:r><w:t>未完", &st, msg);
    CHECK(t == NULL);
    CHECK_INT(st, XXGK_E_TRUNCATED);
    CHECK(strstr(msg, "XML") != NULL);
    /* nothing in the body */
    t = read_body("", &st, msg);
    CHECK_INT(st, XXGK_E_EMPTY);
    free(t);
}

/* A document in a declared encoding its bytes do not follow: refused,
 * and libxml2's own messages about it never reach stderr. */
static void silent_on_bad_encoding(void)
{
    static const char xml[] = "<?xml version=\"1.0\" encoding=\"GBK\"?><w:document " W_NS
                              "><w:body><w:p><w:r><w:t>\xe4\xbf\x9d\xe5\xff\xff</w:t></w:r>"
                              "</w:p></w:body></w:document>";
    size_t size;
    char *docx = make_docx(xml, &size);
    fflush(stderr);
    int saved = dup(2);
    FILE *capture = tmpfile();
    dup2(fileno(capture), 2);
    char msg[256];
    xxgk_status st = read_zip(docx, size, msg);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    fseek(capture, 0, SEEK_END);
    long printed = ftell(capture);
    fclose(capture);
    CHECK_INT(st, XXGK_E_TRUNCATED);
    CHECK_INT(printed, 0);
    free(docx);
}

/* A document.xml with an internal DTD (issue 15): libxml2 builds a
 * document to hold the DTD even for a SAX parser, which the reader must
 * free (LeakSanitizer and valgrind catch it otherwise). Entities are
 * never expanded: not a declared one, not one nested a billion times
 * over, not an external one (its file is never read). */
#define DOCTYPE_HEAD(dtd) "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE w:document [" \
    dtd "]><w:document " W_NS "><w:body>"

/* The text of a DOCX whose document.xml is `xml`, or NULL (*st). */
static char *read_xml(const char *xml, xxgk_status *st)
{
    size_t size;
    char *docx = make_docx(xml, &size);
    arena a;
    arena_init(&a, 4096);
    input_text out;
    xxgk_error err = {XXGK_OK, ""};
    *st = reader_view(read_docx, "DOCX", &a, docx, size, &out, &err);
    char *text = *st == XXGK_OK ? strdup(out.text) : NULL;
    arena_release(&a);
    free(docx);
    return text;
}

static void internal_dtd(void)
{
    xxgk_status st;
    char *t = read_xml(DOCTYPE_HEAD("<!ENTITY e \"SECRET\">") P("甲乙") TAIL, &st);
    CHECK_INT(st, XXGK_OK);
    CHECK_STR(t, "甲乙\n");
    free(t);
    t = read_xml(DOCTYPE_HEAD("<!ENTITY e \"SECRET\">") P("甲&e;乙") TAIL, &st);
    CHECK(!t || !strstr(t, "SECRET"));
    free(t);
    /* billion laughs: 10 levels of ten references each */
#define LAUGHS \
        "<!ENTITY a0 \"ha\">" \
        "<!ENTITY a1 \"&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;&a0;\">" \
        "<!ENTITY a2 \"&a1;&a1;&a1;&a1;&a1;&a1;&a1;&a1;&a1;&a1;\">" \
        "<!ENTITY a3 \"&a2;&a2;&a2;&a2;&a2;&a2;&a2;&a2;&a2;&a2;\">" \
        "<!ENTITY a4 \"&a3;&a3;&a3;&a3;&a3;&a3;&a3;&a3;&a3;&a3;\">" \
        "<!ENTITY a5 \"&a4;&a4;&a4;&a4;&a4;&a4;&a4;&a4;&a4;&a4;\">" \
        "<!ENTITY a6 \"&a5;&a5;&a5;&a5;&a5;&a5;&a5;&a5;&a5;&a5;\">" \
        "<!ENTITY a7 \"&a6;&a6;&a6;&a6;&a6;&a6;&a6;&a6;&a6;&a6;\">" \
        "<!ENTITY a8 \"&a7;&a7;&a7;&a7;&a7;&a7;&a7;&a7;&a7;&a7;\">" \
        "<!ENTITY a9 \"&a8;&a8;&a8;&a8;&a8;&a8;&a8;&a8;&a8;&a8;\">"
    t = read_xml(DOCTYPE_HEAD(LAUGHS) P("甲&a9;乙") TAIL, &st);
    CHECK(!t || strlen(t) < 1000);
    free(t);
    /* an external entity: its file is never read */
    char dir[] = "/tmp/xxgk-xxe-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[64], xml[512];
    snprintf(path, sizeof path, "%s/secret.txt", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("SECRET", f);
        fclose(f);
    }
    snprintf(xml, sizeof xml, DOCTYPE_HEAD("<!ENTITY x SYSTEM \"file://%s\">") P("甲&x;乙") TAIL,
             path);
    t = read_xml(xml, &st);
    CHECK(!t || !strstr(t, "SECRET"));
    free(t);
    unlink(path);
    rmdir(dir);
    /* word/numbering.xml is parsed the same way */
    part parts[] = {{"[Content_Types].xml", "<Types/>", 0},
                    {"word/document.xml", HEAD P("甲乙") TAIL, 0},
                    {"word/numbering.xml",
                     "<?xml version=\"1.0\"?><!DOCTYPE w:numbering [<!ENTITY e \"x\">]>"
                     "<w:numbering " W_NS "/>", 0},
                    {NULL, NULL, 0}};
    size_t size;
    char *docx = make_zip(parts, &size);
    char msg[256];
    CHECK_INT(read_zip(docx, size, msg), XXGK_OK);
    free(docx);
}

static void zip_bomb(void)
{
    /* 8 MB of one character deflates about a thousandfold. */
    size_t big = 8u << 20;
    char *xml = malloc(big + 1);
    size_t o = (size_t)sprintf(xml, "%s<w:p><w:r><w:t>", HEAD);
    memset(xml + o, 'a', big - o - 100);
    strcpy(xml + big - 100, "</w:t></w:r></w:p>" TAIL);
    size_t size;
    char *docx = make_docx(xml, &size);
    CHECK(size < big / 200);
    char msg[256];
    CHECK_INT(read_zip(docx, size, msg), XXGK_E_TOO_LARGE);
    CHECK(strstr(msg, "压缩炸弹") != NULL);
    free(docx);
    free(xml);
}

/* A zip whose headers understate the part's size: the reader stops at the
 * stated size instead of inflating whatever follows. */
static void lying_size(void)
{
    size_t size;
    char *docx = make_docx(HEAD P("一二三四五六七八九十") TAIL, &size);
    /* Patch the uncompressed size (offset 22 in the local header, 24 in
     * the central directory entry) of word/document.xml to 40 bytes. */
    for (size_t i = 0; i + 46 < size; i++) {
        if (!memcmp(docx + i, "PK\x03\x04", 4) && !memcmp(docx + i + 30, "word/document.xml", 17))
            memcpy(docx + i + 22, "\x28\0\0\0", 4);
        if (!memcmp(docx + i, "PK\x01\x02", 4) && !memcmp(docx + i + 46, "word/document.xml", 17))
            memcpy(docx + i + 24, "\x28\0\0\0", 4);
    }
    char msg[256];
    CHECK_INT(read_zip(docx, size, msg), XXGK_E_TOO_LARGE);
    CHECK(strstr(msg, "超过声明的大小") != NULL);
    free(docx);
}

static void limits(void)
{
    char msg[256];
    /* nesting deeper than the limit */
    size_t n = 300 * 40 + 100;
    char *body = malloc(n);
    size_t o = 0;
    for (int i = 0; i < 150; i++)
        o += (size_t)sprintf(body + o, "<w:sdt><w:sdtContent>");
    for (int i = 0; i < 150; i++)
        o += (size_t)sprintf(body + o, "</w:sdtContent></w:sdt>");
    xxgk_status st;
    char *t = read_body(body, &st, msg);
    CHECK(t == NULL);
    CHECK_INT(st, XXGK_E_TOO_LARGE);
    CHECK(strstr(msg, "嵌套") != NULL);
    free(body);
    /* more entries than any DOCX has */
    part *parts = calloc(DOCX_MAX_ENTRIES + 2, sizeof *parts);
    char (*names)[16] = malloc((DOCX_MAX_ENTRIES + 1) * sizeof *names);
    for (int i = 0; i <= DOCX_MAX_ENTRIES; i++) {
        snprintf(names[i], sizeof names[i], "f%d", i);
        parts[i] = (part){names[i], "x", 0};
    }
    size_t size;
    char *zip = make_zip(parts, &size);
    CHECK_INT(read_zip(zip, size, msg), XXGK_E_TOO_LARGE);
    CHECK(strstr(msg, "条目过多") != NULL);
    free(zip);
    free(names);
    free(parts);
}

/* Through the public API: a DOCX is detected by content and read as a
 * report. */
static void whole_report(void)
{
    const char *body =
        P("某镇2022年政府信息公开工作年度报告") P("一、总体情况") P("全年公开信息10条。")
        P("二、主动公开政府信息情况")
        "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"4\"/></w:tcPr>" P("第二十条第（一）项")
        "</w:tc></w:tr><w:tr>" TC("信息内容") TC("本年制发件数") TC("本年废止件数")
        TC("现行有效件数") "</w:tr><w:tr>" TC("规章") TC("0") TC("1") TC("7") "</w:tr></w:tbl>"
        P("三、收到和处理政府信息公开申请情况")
        "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr>"
        P("一、本年新收政府信息公开申请数量") "</w:tc>" TC("4") TC("0") TC("0") TC("0") TC("0")
        TC("0") TC("4") "</w:tr></w:tbl>"
        P("四、政府信息公开行政复议、行政诉讼情况") P("五、存在的主要问题及改进情况") P("无。")
        P("六、其他需要报告的事项") P("无。");
    size_t n = strlen(HEAD) + strlen(body) + strlen(TAIL) + 1;
    char *xml = malloc(n);
    snprintf(xml, n, "%s%s%s", HEAD, body, TAIL);
    size_t size;
    char *docx = make_docx(xml, &size);
    xxgk_report *r = NULL;
    xxgk_error err;
    CHECK_INT(xxgk_report_parse(docx, size, "r.docx", &r, &err), XXGK_OK);
    if (r) {
        CHECK_INT(xxgk_report_meta(r)->year, 2022);
        const xxgk_cell *c = xxgk_report_cell(r, (size_t)xxgk_cell_find("t2.rules.in_force"));
        CHECK_INT(c->kind, XXGK_VALUE_NUMBER);
        CHECK_INT(c->value.units, 7);
        c = xxgk_report_cell(r, (size_t)xxgk_cell_find("t3.new.total"));
        CHECK_INT(c->value.units, 4);
        size_t len;
        const char *line = xxgk_report_line(r, c->line, &len);
        CHECK(line && len == 2 && !memcmp(line, "\t4", 2));
        xxgk_report_free(r);
    }
    free(docx);
    free(xml);
}

const struct unit_case unit_cases[] = {
    {"paragraphs", paragraphs},
    {"merged_cells", merged_cells},
    {"lines_in_cells", lines_in_cells},
    {"nested_tables", nested_tables},
    {"text_boxes", text_boxes},
    {"fields_and_revisions", fields_and_revisions},
    {"automatic_numbering", automatic_numbering},
    {"headers_are_not_read", headers_are_not_read},
    {"not_docx", not_docx},
    {"damaged", damaged},
    {"silent_on_bad_encoding", silent_on_bad_encoding},
    {"internal_dtd", internal_dtd},
    {"zip_bomb", zip_bomb},
    {"lying_size", lying_size},
    {"limits", limits},
    {"whole_report", whole_report},
    {NULL, NULL},
};
