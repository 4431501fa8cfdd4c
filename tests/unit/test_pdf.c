/* test_pdf.c — the PDF reader: the layout (pdf_layout.c) on pages drawn
 * here, character by character and line by line, and the reader
 * (read_pdf.c) on PDF files written here: text, scanned, empty,
 * encrypted, damaged. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "pdf_layout.h"
#include "read_pdf.h"
#include "unit.h"
#include "utf8.h"
#include "xxgk.h"

/* ---- drawing pages -------------------------------------------------------- */

#define MAXN 2000

typedef struct page {
    pdfl_char chars[MAXN];
    pdfl_seg h[200], v[200];
    size_t nc, nh, nv;
} page;

/* Writes `text` from (x, base) in characters of `size` points, each as
 * wide as its size (CJK) or half of it (ASCII). */
static float text_at(page *p, float x, float base, float size, const char *text)
{
    size_t n = strlen(text), i = 0;
    while (i < n && p->nc < MAXN) {
        int32_t cp = utf8_next(text, n, &i);
        float w = cp < 0x80 ? size / 2 : size;
        p->chars[p->nc++] = (pdfl_char){cp, x, x + w, base, size};
        x += w;
    }
    return x;
}

static void hline(page *p, float y, float x0, float x1)
{
    p->h[p->nh++] = (pdfl_seg){y, x0, x1};
}

static void vline(page *p, float x, float y0, float y1)
{
    p->v[p->nv++] = (pdfl_seg){x, y0, y1};
}

/* A ruled grid: rows and columns at the given positions, every line. */
static void grid(page *p, const float *xs, int nx, const float *ys, int ny)
{
    for (int i = 0; i < ny; i++)
        hline(p, ys[i], xs[0], xs[nx - 1]);
    for (int i = 0; i < nx; i++)
        vline(p, xs[i], ys[0], ys[ny - 1]);
}

/* The layout of pages[0..n). The caller frees the text. */
static char *lay_out(page *pages, size_t n)
{
    pdfl_page pp[8];
    for (size_t i = 0; i < n; i++)
        pp[i] = (pdfl_page){595, 842, pages[i].chars, pages[i].nc, pages[i].h, pages[i].v,
                            pages[i].nh, pages[i].nv};
    arena a;
    arena_init(&a, 4096);
    doc d;
    doc_init(&d, &a);
    CHECK_INT(pdfl_write(pp, n, &d), 0);
    char *text = NULL;
    size_t size = 0;
    xxgk_error err;
    char *s = strdup(doc_print(&d, "PDF", &text, &size, &err) == XXGK_OK ? text : "");
    arena_release(&a);
    return s;
}

static page *new_pages(size_t n)
{
    return calloc(n, sizeof(page));
}

/* ---- the layout ---------------------------------------------------------------- */

static void ruled_table(void)
{
    page *p = new_pages(1);
    text_at(p, 72, 100, 12, "二、主动公开政府信息情况");
    float xs[] = {72, 200, 300, 400}, ys[] = {120, 160, 180};
    grid(p, xs, 4, ys, 3);
    text_at(p, 76, 140, 10, "信息内容");
    text_at(p, 204, 134, 10, "本年新");
    text_at(p, 204, 147, 10, "制作数量"); /* a second line in its cell */
    text_at(p, 304, 140, 10, "总数");
    text_at(p, 76, 174, 10, "规章");
    text_at(p, 204, 174, 10, "0");
    text_at(p, 304, 174, 10, "12");
    char *t = lay_out(p, 1);
    CHECK_STR(t, "二、主动公开政府信息情况\n"
                 "\t信息内容\n\t本年新\n制作数量\n\t总数\n\n"
                 "\t规章\n\t0\n\t12\n\n");
    free(t);
    free(p);
}

static void merged_cells(void)
{
    /* Table 三's corner: the note spans two rows and the label columns;
     * 申请人情况 spans two columns of the first row. */
    page *p = new_pages(1);
    hline(p, 100, 72, 400);
    hline(p, 130, 250, 400); /* only under 申请人情况 */
    hline(p, 160, 72, 400);
    hline(p, 190, 72, 400);
    vline(p, 72, 100, 190);
    vline(p, 250, 100, 190);
    vline(p, 330, 130, 190); /* only below the first row */
    vline(p, 400, 100, 190);
    text_at(p, 76, 135, 10, "（勾稽关系）");
    text_at(p, 260, 118, 10, "申请人情况");
    text_at(p, 260, 148, 10, "自然人");
    text_at(p, 340, 148, 10, "总计");
    text_at(p, 76, 178, 10, "一、本年新收");
    text_at(p, 260, 178, 10, "2");
    text_at(p, 340, 178, 10, "2");
    char *t = lay_out(p, 1);
    CHECK_STR(t, "\t（勾稽关系）\n\t申请人情况\n\n"
                 "\t\n\t自然人\n\t总计\n\n"
                 "\t一、本年新收\n\t2\n\t2\n\n");
    free(t);
    free(p);
}

static void page_furniture(void)
{
    /* Page numbers go; a line at the top of every page goes; a number
     * in the text stays. */
    page *p = new_pages(3);
    for (int i = 0; i < 3; i++) {
        text_at(&p[i], 250, 40, 9, "某某县人民政府文件");
        char line[32];
        snprintf(line, sizeof line, "第%d段", i + 1);
        text_at(&p[i], 72, 300, 12, line);
        snprintf(line, sizeof line, i == 1 ? "第 %d 页" : "- %d -", i + 1);
        text_at(&p[i], 280, 800, 10, line);
    }
    text_at(&p[2], 72, 330, 12, "2021");
    char *t = lay_out(p, 3);
    CHECK_STR(t, "第1段\n第2段\n第3段\n2021\n");
    free(t);
    free(p);
}

static void table_across_pages(void)
{
    /* A row broken by the page break: "3.危及“三安" | "全一稳定”"; the
     * page number between the halves goes. */
    page *p = new_pages(2);
    float xs[] = {72, 250, 330, 400};
    float ys1[] = {700, 730, 780};
    grid(&p[0], xs, 4, ys1, 3);
    text_at(&p[0], 76, 720, 10, "2.其他法律");
    text_at(&p[0], 260, 720, 10, "0");
    text_at(&p[0], 340, 720, 10, "0");
    text_at(&p[0], 76, 770, 10, "3.危及“三安");
    text_at(&p[0], 260, 770, 10, "4");
    text_at(&p[0], 340, 770, 10, "4");
    text_at(&p[0], 290, 810, 10, "-1-");
    float ys2[] = {72, 90, 120};
    grid(&p[1], xs, 4, ys2, 3);
    text_at(&p[1], 76, 85, 10, "全一稳定”");
    text_at(&p[1], 76, 110, 10, "4.保护第三方");
    text_at(&p[1], 260, 110, 10, "1");
    text_at(&p[1], 340, 110, 10, "1");
    char *t = lay_out(p, 2);
    CHECK_STR(t, "\t2.其他法律\n\t0\n\t0\n\n"
                 "\t3.危及“三安\n全一稳定”\n\t4\n\t4\n\n"
                 "\t4.保护第三方\n\t1\n\t1\n\n");
    free(t);
    free(p);
}

static void paragraphs(void)
{
    /* Full lines go on in the next line; an indented or numbered line
     * starts a paragraph; so does a line after a short one. */
    page *p = new_pages(1);
    float right = 72 + 30 * 12;
    text_at(p, 96, 100, 12, "本报告统计期限为2020年1月1日至2020年"); /* indented start */
    p->chars[p->nc - 1].x1 = right; /* justified to the margin */
    text_at(p, 72, 120, 12, "12月31日。");
    text_at(p, 72, 140, 12, "（五）信息公开监督保障。这一行也排满了整整一行的宽度啊");
    p->chars[p->nc - 1].x1 = right;
    text_at(p, 72, 160, 12, "（六）下一个编号段落。");
    text_at(p, 96, 180, 12, "另起一段。");
    for (int i = 0; i < 10; i++)
        text_at(p, 72, 200 + 20 * (float)i, 12, "正文行正文行正文行正文行正文行正文行正文行正文行正文行正文行");
    char *t = lay_out(p, 1);
    const char *want = "本报告统计期限为2020年1月1日至2020年12月31日。\n"
                       "（五）信息公开监督保障。这一行也排满了整整一行的宽度啊\n"
                       "（六）下一个编号段落。\n"
                       "另起一段。\n";
    CHECK(t && strncmp(t, want, strlen(want)) == 0);
    if (t && strncmp(t, want, strlen(want)) != 0)
        fprintf(stderr, "got:\n%s\n", t);
    free(t);
    free(p);
}

static void columns_without_lines(void)
{
    /* A table drawn without lines: words in columns, numbers among them. */
    page *p = new_pages(1);
    text_at(p, 72, 100, 10, "规章");
    text_at(p, 250, 100, 10, "0");
    text_at(p, 330, 100, 10, "12");
    text_at(p, 72, 130, 10, "某某镇人民政府");
    char *t = lay_out(p, 1);
    CHECK_STR(t, "\t规章\n\t0\n\t12\n\n某某镇人民政府\n");
    free(t);
    free(p);
}

static void hostile_geometry(void)
{
    /* A grid larger than any report table: read as a drawing, its text
     * kept as text. */
    page *p = new_pages(1);
    for (int i = 0; i < 200; i++) {
        hline(p, 100 + (float)i, 72, 400);
        vline(p, 72 + (float)i, 100, 400);
    }
    pdfl_page pp = {595, 842, p->chars, 0, p->h, p->v, 200, 200};
    text_at(p, 80, 150, 10, "文字");
    pp.nchars = p->nc;
    arena a;
    arena_init(&a, 4096);
    doc d;
    doc_init(&d, &a);
    CHECK_INT(pdfl_write(&pp, 1, &d), 0);
    char *text = NULL;
    size_t size = 0;
    xxgk_error err;
    CHECK_INT(doc_print(&d, "PDF", &text, &size, &err), XXGK_OK);
    CHECK(text && strstr(text, "文字"));
    arena_release(&a);
    free(p);
}

/* ---- PDF files ----------------------------------------------------------------- */

/* A one-page PDF with the given content stream and extra resources; a
 * trailer addition (an /Encrypt entry) when not NULL. Malloc'd. */
static char *make_pdf(const char *content, const char *resources, const char *trailer_extra,
                      size_t *size)
{
    char *buf = malloc(16384);
    size_t o = 0, off[8];
    int nobj = 0;
#define OBJ(...)                                                               \
    do {                                                                       \
        off[++nobj] = o;                                                       \
        o += (size_t)sprintf(buf + o, "%d 0 obj\n", nobj);                      \
        o += (size_t)sprintf(buf + o, __VA_ARGS__);                            \
        o += (size_t)sprintf(buf + o, "\nendobj\n");                           \
    } while (0)
    o += (size_t)sprintf(buf + o, "%%PDF-1.4\n");
    OBJ("<< /Type /Catalog /Pages 2 0 R >>");
    OBJ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    OBJ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << %s >> >>",
        resources);
    OBJ("<< /Length %zu >>\nstream\n%s\nendstream", strlen(content) + 1, content);
    OBJ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
#undef OBJ
    size_t xref = o;
    o += (size_t)sprintf(buf + o, "xref\n0 %d\n0000000000 65535 f \n", nobj + 1);
    for (int i = 1; i <= nobj; i++)
        o += (size_t)sprintf(buf + o, "%010zu 00000 n \n", off[i]);
    o += (size_t)sprintf(buf + o, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%zu\n%%%%EOF\n",
                         nobj + 1, trailer_extra ? trailer_extra : "", xref);
    *size = o;
    return buf;
}

static xxgk_status read_pdf_str(const char *data, size_t size, char *msg, char **text)
{
    arena a;
    arena_init(&a, 4096);
    input_text out;
    xxgk_error err = {XXGK_OK, ""};
    xxgk_status st = reader_view(read_pdf, "PDF", &a, data, size, &out, &err);
    strcpy(msg, err.message);
    if (text)
        *text = st == XXGK_OK ? strdup(out.text) : NULL;
    arena_release(&a);
    return st;
}

static void text_pdf(void)
{
    size_t n;
    char *pdf = make_pdf("BT /F1 12 Tf 72 700 Td (Report 2020) Tj ET", "/Font << /F1 5 0 R >>",
                         NULL, &n);
    char msg[256], *text = NULL;
    CHECK_INT(read_pdf_str(pdf, n, msg, &text), XXGK_OK);
    CHECK_STR(text, "Report 2020\n");
    free(text);
    free(pdf);
}

static void scanned_pdf(void)
{
    /* A page that is one image and no text: a scan. */
    size_t n;
    char *pdf = make_pdf("q 500 0 0 700 40 70 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x80\x40\x20\x10 EI Q",
                         "", NULL, &n);
    char msg[256];
    CHECK_INT(read_pdf_str(pdf, n, msg, NULL), XXGK_E_UNSUPPORTED);
    CHECK(strstr(msg, "扫描件，没有文字层") != NULL);
    free(pdf);
    /* nothing at all on the page */
    pdf = make_pdf("", "", NULL, &n);
    CHECK_INT(read_pdf_str(pdf, n, msg, NULL), XXGK_E_EMPTY);
    free(pdf);
}

static void encrypted_pdf(void)
{
    /* A standard security handler whose user password is not empty. */
    size_t n;
    char *pdf = make_pdf("", "",
                         "/Encrypt << /Filter /Standard /V 1 /R 2 /P -4 "
                         "/O <0102030405060708090a0b0c0d0e0f100102030405060708090a0b0c0d0e0f10> "
                         "/U <1112131415161718191a1b1c1d1e1f201112131415161718191a1b1c1d1e1f20> >> "
                         "/ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]",
                         &n);
    char msg[256];
    CHECK_INT(read_pdf_str(pdf, n, msg, NULL), XXGK_E_UNSUPPORTED);
    CHECK(strstr(msg, "加密") != NULL);
    free(pdf);
}

static void damaged_pdf(void)
{
    char msg[256];
    CHECK_INT(read_pdf_str("%PDF-1.7\n", 9, msg, NULL), XXGK_E_TRUNCATED);
    CHECK(strstr(msg, "PDF 文件损坏") != NULL);
    /* A fixture cut anywhere: never a crash; a failure always says why. */
    FILE *f = fopen(SOURCE_DIR "/tests/fixtures/pdf/002_5008492d97724081.pdf", "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    char *buf = malloc(1 << 20);
    size_t size = fread(buf, 1, 1 << 20, f);
    fclose(f);
    for (size_t cut = 10; cut < size; cut += size / 7) {
        char *text = NULL;
        xxgk_status st = read_pdf_str(buf, cut, msg, &text);
        CHECK(st == XXGK_OK || msg[0] != '\0');
        free(text);
    }
    /* the whole file reads, and reads as the sample report */
    xxgk_report *r = NULL;
    xxgk_error err;
    CHECK_INT(xxgk_report_parse(buf, size, "002.pdf", &r, &err), XXGK_OK);
    if (r) {
        CHECK_STR(xxgk_report_meta(r)->title, "姚集镇2020年政府信息公开工作年度报告");
        const xxgk_cell *c = xxgk_report_cell(r, (size_t)xxgk_cell_find("t2.procurement.amount"));
        CHECK_INT(c->value.units, 130614);
        xxgk_report_free(r);
    }
    free(buf);
}

const struct unit_case unit_cases[] = {
    {"ruled_table", ruled_table},
    {"merged_cells", merged_cells},
    {"page_furniture", page_furniture},
    {"table_across_pages", table_across_pages},
    {"paragraphs", paragraphs},
    {"columns_without_lines", columns_without_lines},
    {"hostile_geometry", hostile_geometry},
    {"text_pdf", text_pdf},
    {"scanned_pdf", scanned_pdf},
    {"encrypted_pdf", encrypted_pdf},
    {"damaged_pdf", damaged_pdf},
    {NULL, NULL},
};
