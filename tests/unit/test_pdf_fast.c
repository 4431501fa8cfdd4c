/* test_pdf_fast.c — the PDF module's fast interpreter (pdf_fast.c)
 * against MuPDF's own (pdf_mupdf.c): the same characters at the same
 * places and the same rulings, page by page, on the fixture PDFs, the
 * corpus PDFs (when present) and PDFs written here that use each
 * operator it handles; and the pages it must decline (fonts it cannot
 * read without their programs, patterns, soft masks, hidden layers, text
 * at the page's edge, syntax errors, compressed inline images), which
 * MuPDF then reads. */
#include <dirent.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mupdf/fitz.h>

#include "pdf_fast.h"
#include "pdf_module.h"
#include "unit.h"

/* ---- comparing the two readings ----------------------------------------- */

/* A character's right edge comes from the font program in MuPDF and
 * from /W here: they differ by the rounding of the widths to thousandths
 * of an em (at most a few thousandths). Everything else is exact. */
#define X1_TOLERANCE 0.005f /* ems */

static int same_pages(const pdfm_result *fast, const pdfm_result *ref, const char *what)
{
    int diffs = 0;
    if (fast->npages != ref->npages)
        return 1;
    for (size_t p = 0; p < fast->npages; p++) {
        const pdfl_page *a = &fast->pages[p], *b = &ref->pages[p];
        if (a->nchars != b->nchars || a->nh != b->nh || a->nv != b->nv) {
            fprintf(stderr, "%s page %zu: %zu/%zu/%zu characters/rulings, MuPDF %zu/%zu/%zu\n",
                    what, p + 1, a->nchars, a->nh, a->nv, b->nchars, b->nh, b->nv);
            diffs++;
            continue;
        }
        for (size_t i = 0; i < a->nchars; i++) {
            const pdfl_char *c = &a->chars[i], *d = &b->chars[i];
            /* a substitute font's widths are not the document's */
            bool edge = ref->substituted == 0 && fabsf(c->x1 - d->x1) > X1_TOLERANCE * d->size;
            if (c->cp != d->cp || c->x0 != d->x0 || c->base != d->base || c->size != d->size ||
                edge) {
                if (diffs++ < 5)
                    fprintf(stderr, "%s page %zu char %zu: U+%04X %g–%g @%g %gpt, MuPDF U+%04X %g–%g @%g %gpt\n",
                            what, p + 1, i, (unsigned)c->cp, c->x0, c->x1, c->base, c->size,
                            (unsigned)d->cp, d->x0, d->x1, d->base, d->size);
            }
        }
        diffs += a->nh && memcmp(a->hsegs, b->hsegs, a->nh * sizeof *a->hsegs) != 0;
        diffs += a->nv && memcmp(a->vsegs, b->vsegs, a->nv * sizeof *a->vsegs) != 0;
    }
    return diffs;
}

static size_t declined(const pdfm_result *r)
{
    size_t n = 0;
    for (size_t i = 0; i < sizeof r->declined / sizeof *r->declined; i++)
        n += r->declined[i];
    return n;
}

/* Reads data fast and with MuPDF: the fast reading must be MuPDF's on
 * every page it read, and the reader's (AUTO) must be MuPDF's on all. */
static void compare(const char *data, size_t size, const char *what, pdfm_result *fast)
{
    pdfm_result ref, aut;
    xxgk_pdf_module_v1.read(data, size, PDFM_FAST, fast);
    xxgk_pdf_module_v1.read(data, size, PDFM_MUPDF, &ref);
    xxgk_pdf_module_v1.read(data, size, PDFM_AUTO, &aut);
    CHECK_INT(fast->status, ref.status);
    CHECK_INT(aut.status, ref.status);
    CHECK_INT(aut.images, ref.images);
    if (declined(fast) == 0) {
        CHECK_INT(same_pages(fast, &ref, what), 0);
        CHECK_INT(fast->images, ref.images);
    }
    CHECK_INT(same_pages(&aut, &ref, what), 0);
    CHECK_INT(aut.fast_pages + aut.mupdf_pages, ref.npages);
    xxgk_pdf_module_v1.release(&ref);
    xxgk_pdf_module_v1.release(&aut);
}

/* Every PDF in dir: read fast throughout, and as MuPDF reads it. */
static int compare_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int files = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 4, ".pdf"))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t size;
        char *data = unit_read_file(path, &size);
        CHECK(data != NULL);
        if (!data)
            continue;
        pdfm_result fast;
        compare(data, size, e->d_name, &fast);
        CHECK_INT(declined(&fast), 0);
        CHECK_INT(fast.fast_pages, fast.npages);
        CHECK(fast.chars > 1000);
        xxgk_pdf_module_v1.release(&fast);
        free(data);
        files++;
    }
    closedir(d);
    return files;
}

static void fixtures(void)
{
    CHECK(compare_dir(SOURCE_DIR "/tests/fixtures/pdf") >= 5);
}

static void corpus(void)
{
    int n = compare_dir(SOURCE_DIR "/../shared/corpus/raw");
    if (n < 0)
        fprintf(stderr, "test_pdf_fast: ../shared/corpus is absent; its PDFs are not compared\n");
}

/* ---- writing PDFs ------------------------------------------------------------ */

typedef struct pdfw {
    char *buf;
    size_t n, cap;
    size_t off[32];
    int nobj;
} pdfw;

static void put_bytes(pdfw *w, const void *p, size_t n)
{
    if (w->n + n + 1 > w->cap) {
        w->cap = (w->n + n + 1) * 2;
        w->buf = realloc(w->buf, w->cap);
    }
    memcpy(w->buf + w->n, p, n);
    w->n += n;
}

static void put(pdfw *w, const char *fmt, ...)
{
    char tmp[4096];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put_bytes(w, tmp, (size_t)k);
}

/* Object n (they are written in order, from 1). */
static void object(pdfw *w, const char *body)
{
    w->off[++w->nobj] = w->n;
    put(w, "%d 0 obj\n%s\nendobj\n", w->nobj, body);
}

static void stream_bytes(pdfw *w, const char *dict, const void *data, size_t len)
{
    w->off[++w->nobj] = w->n;
    put(w, "%d 0 obj\n<< %s /Length %zu >>\nstream\n", w->nobj, dict, len);
    put_bytes(w, data, len);
    put(w, "\nendstream\nendobj\n");
}

static void stream(pdfw *w, const char *dict, const char *data)
{
    stream_bytes(w, dict, data, strlen(data));
}

static const char *finish(pdfw *w, size_t *size)
{
    size_t xref = w->n;
    put(w, "xref\n0 %d\n0000000000 65535 f \n", w->nobj + 1);
    for (int i = 1; i <= w->nobj; i++)
        put(w, "%010zu 00000 n \n", w->off[i]);
    put(w, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", w->nobj + 1, xref);
    *size = w->n;
    return w->buf;
}

/* MuPDF's built-in Helvetica (a CFF program) to embed, and its advances
 * (as /Widths and /W write them: thousandths, rounded). */
static const unsigned char *helvetica;
static int helvetica_len;
static int adv_ascii[128], adv_gid[4];

static void load_helvetica(void)
{
    fz_context *ctx = fz_new_context(NULL, NULL, 0);
    helvetica = fz_lookup_base14_font(ctx, "Helvetica", &helvetica_len);
    fz_font *font = fz_new_font_from_memory(ctx, "Helvetica", helvetica, helvetica_len, 0, 0);
    for (int c = 32; c < 127; c++)
        adv_ascii[c] = (int)lroundf(1000 * fz_advance_glyph(ctx, font, fz_encode_character(ctx, font, c), 0));
    for (int g = 1; g < 4; g++)
        adv_gid[g] = (int)lroundf(1000 * fz_advance_glyph(ctx, font, g, 0));
    fz_drop_font(ctx, font);
    fz_drop_context(ctx);
}

/* Objects 1–19: catalog, pages, page (contents 4, resources 5 plus
 * `extra`), and the fonts and forms the contents may use:
 *   F1 (6, 7): Type1, Helvetica embedded, /Widths, ToUnicode for ASCII
 *   F2 (8–11): Type0 Identity-H, Helvetica embedded as CIDFontType0,
 *      /W, a ToUnicode of three CJK characters
 *   F3 (12, 18): Type3; F4 (13): F1 without ToUnicode;
 *   F5 (19): a TrueType font not embedded, with ToUnicode;
 *   Fm1 (14): a form with its own matrix, text and a line. */
static const char *one_page(pdfw *w, const char *catalog_extra, const char *content,
                            const char *extra, size_t *size)
{
    if (!helvetica)
        load_helvetica();
    free(w->buf);
    memset(w, 0, sizeof *w);
    put(w, "%%PDF-1.5\n");
    char buf[2048];
    snprintf(buf, sizeof buf, "<< /Type /Catalog /Pages 2 0 R %s >>", catalog_extra);
    object(w, buf);
    object(w, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(w, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
              "/Resources 5 0 R >>");
    stream(w, "", content);
    snprintf(buf, sizeof buf,
             "<< /Font << /F1 6 0 R /F2 8 0 R /F3 12 0 R /F4 13 0 R /F5 19 0 R >> "
             "/XObject << /Fm1 14 0 R >> %s >>",
             extra);
    object(w, buf);
    char widths[1024] = "";
    for (int c = 32; c < 127; c++)
        snprintf(widths + strlen(widths), sizeof widths - strlen(widths), "%d ", adv_ascii[c]);
    snprintf(buf, sizeof buf,
             "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 "
             "/Widths [%s] /Encoding /WinAnsiEncoding /FontDescriptor 15 0 R /ToUnicode 7 0 R >>",
             widths);
    object(w, buf); /* 6 */
    stream(w, "", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
                  "/CMapName /X def 1 begincodespacerange <00> <FF> endcodespacerange "
                  "1 beginbfrange <20> <7E> <0020> endbfrange endcmap end end"); /* 7 */
    object(w, "<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding /Identity-H "
              "/DescendantFonts [9 0 R] /ToUnicode 11 0 R >>"); /* 8 */
    snprintf(buf, sizeof buf,
             "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Helvetica /CIDSystemInfo "
             "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 10 0 R "
             "/DW 1000 /W [1 [%d %d] 3 3 %d] >>",
             adv_gid[1], adv_gid[2], adv_gid[3]);
    object(w, buf); /* 9 */
    object(w, "<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [-166 -225 "
              "1000 931] /ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /StemV 88 "
              "/FontFile3 16 0 R >>"); /* 10 */
    stream(w, "", "/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
                  "/CMapName /Y def 1 begincodespacerange <0000> <FFFF> endcodespacerange "
                  "3 beginbfchar <0001> <62a5> <0002> <544a> <0003> <5e74> endbfchar "
                  "endcmap end end"); /* 11 */
    object(w, "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 "
              "0.001 0 0] /CharProcs << /a 18 0 R >> /Encoding << /Differences [97 /a] >> "
              "/FirstChar 97 /LastChar 97 /Widths [1000] >>"); /* 12 */
    snprintf(buf, sizeof buf,
             "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 "
             "/Widths [%s] /Encoding /WinAnsiEncoding /FontDescriptor 15 0 R >>",
             widths);
    object(w, buf); /* 13 */
    stream(w, "/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Matrix [1 0 0 1 10 10] "
              "/Resources << /Font << /F1 6 0 R >> >>",
           "BT /F1 9 Tf 5 5 Td (in form) Tj ET 0 0 m 100 0 l S"); /* 14 */
    object(w, "<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [-166 -225 "
              "1000 931] /ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /StemV 88 "
              "/FontFile3 17 0 R >>"); /* 15 */
    stream_bytes(w, "/Subtype /CIDFontType0C", helvetica, (size_t)helvetica_len); /* 16 */
    stream_bytes(w, "/Subtype /Type1C", helvetica, (size_t)helvetica_len);        /* 17 */
    stream(w, "", "1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f");                  /* 18 */
    snprintf(buf, sizeof buf,
             "<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 126 "
             "/Widths [%s] /ToUnicode 7 0 R /FontDescriptor << /Type /FontDescriptor /FontName "
             "/Arial /Flags 32 /FontBBox [-665 -325 2000 1006] /ItalicAngle 0 /Ascent 905 "
             "/Descent -212 /CapHeight 716 /StemV 80 >> >>",
             widths);
    object(w, buf); /* 19 */
    return finish(w, size);
}

/* ---- operators read fast as MuPDF reads them ---------------------------------- */

static void operators(void)
{
    const char *content =
        "q 1 0 0 1 0 0 cm\n"
        "BT /F1 12 Tf 72 700 Td (Report 2020) Tj ET\n"
        "BT /F1 10 Tf 2 Tc 1 Tw 90 Tz 3 Ts 72 680 Td (a b c) Tj 14 TL T* (next line) ' "
        "1 0.5 (dq) \" ET\n"
        "BT /F1 11 Tf 1 0 0 1 72 640 Tm [(Ke) -120 (rn) 50 (ing)] TJ 20 -4 TD (td) Tj T* (x) Tj ET\n"
        "BT /F2 12 Tf 72 620 Td <000100020003> Tj 0 -14 Td [<0001> 250 <0002>] TJ ET\n"
        "Q\n"
        "0.5 w 72 600 m 300 600 l S\n"
        "72 550 228 0.5 re f 100 480 50 50 re S 400 400 m 500 400 l 500 300 l h S\n"
        "q 2 0 0 2 0 0 cm /Fm1 Do Q\n"
        "q 1 0 0 -1 0 842 cm BT /F1 12 Tf 1 0 0 -1 72 300 Tm (flipped) Tj ET Q\n"
        "q 10 0 0 10 300 200 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x80\x40\x20\x10 EI Q\n"
        "BT /F1 12 Tf 7 Tr 72 100 Td (clip text) Tj 3 Tr (invisible) Tj ET\n"
        /* numbers as writers spell them: a long whole part, '+', a run of '-' */
        "BT /F1 12 Tf 0000000000072.75 +560 Td (numbers) Tj --2 -14 Td (neg) Tj ET\n";
    pdfw w = {0};
    size_t size;
    const char *pdf = one_page(&w, "", content, "", &size);
    pdfm_result fast;
    compare(pdf, size, "operators", &fast);
    free(w.buf);
    CHECK_INT(declined(&fast), 0);
    CHECK_INT(fast.fast_pages, 1);
    CHECK_INT(fast.images, 1);
    CHECK(fast.npages == 1 && fast.pages[0].nh >= 3 && fast.pages[0].nv >= 2);
    /* the text is there, the CJK included */
    char text[512] = "";
    for (size_t i = 0; fast.npages && i < fast.pages[0].nchars && strlen(text) < 500; i++) {
        int32_t c = fast.pages[0].chars[i].cp;
        if (c < 0x80)
            text[strlen(text)] = (char)c;
        else if (c == 0x62a5 || c == 0x544a || c == 0x5e74)
            strcat(text, c == 0x62a5 ? "[报]" : c == 0x544a ? "[告]" : "[年]");
    }
    CHECK(strstr(text, "Report 2020") != NULL);
    CHECK(strstr(text, "[报][告][年]") != NULL);
    CHECK(strstr(text, "in form") != NULL);
    CHECK(strstr(text, "flipped") != NULL);
    CHECK(strstr(text, "clip text") != NULL && strstr(text, "invisible") != NULL);
    CHECK(strstr(text, "numbers") != NULL && strstr(text, "neg") != NULL);
    CHECK_INT(fast.complaints, 0); /* a sound file: MuPDF had nothing to say */
    xxgk_pdf_module_v1.release(&fast);
}

/* ---- what the fast interpreter declines ------------------------------------- */

static void declines(const char *what, const char *catalog, const char *content,
                     const char *resources, int reason)
{
    pdfw w = {0};
    size_t size;
    const char *pdf = one_page(&w, catalog, content, resources, &size);
    pdfm_result fast;
    compare(pdf, size, what, &fast);
    free(w.buf);
    CHECK_INT(fast.fast_pages, 0);
    if (fast.declined[reason] != 1)
        fprintf(stderr, "%s: not declined for reason %d\n", what, reason);
    CHECK_INT(fast.declined[reason], 1);
    xxgk_pdf_module_v1.release(&fast);
}

static void declined_pages(void)
{
    declines("type3", "", "BT /F3 12 Tf 72 700 Td (a) Tj ET", "", PDFF_FONT);
    declines("no ToUnicode", "", "BT /F4 12 Tf 72 700 Td (Report) Tj ET", "", PDFF_FONT);
    declines("not embedded", "", "BT /F5 12 Tf 72 700 Td (Report) Tj ET", "", PDFF_FONT);
    declines("edge", "", "BT /F1 12 Tf 588 400 Td (Report) Tj ET", "", PDFF_GLYPH);
    declines("slanted", "", "BT /F1 12 Tf 1 0 0.3 1 72 400 Tm (Report) Tj ET", "", PDFF_GLYPH);
    declines("pattern", "", "/Pattern cs /P1 scn 72 600 100 1 re f", "", PDFF_PAINT);
    declines("soft mask", "", "/G1 gs BT /F1 12 Tf 72 700 Td (Report) Tj ET",
             "/ExtGState << /G1 << /SMask << /S /Luminosity /G 14 0 R >> >> >>", PDFF_PAINT);
    declines("hidden layer",
             "/OCProperties << /OCGs [<< /Type /OCG /Name (x) >>] /D << /BaseState /OFF >> >>",
             "/OC /L1 BDC BT /F1 12 Tf 72 700 Td (hidden) Tj ET EMC",
             "/Properties << /L1 << /Type /OCG /Name (x) >> >>", PDFF_PAINT);
    declines("syntax", "", "BT /F1 12 Tf 72 700 Td (Report) Tj ET ) BT (x) Tj ET", "",
             PDFF_SYNTAX);
    declines("missing font", "", "BT /F9 12 Tf 72 700 Td (Report) Tj ET", "", PDFF_SYNTAX);
    declines("compressed inline image", "",
             "BT /F1 12 Tf 72 700 Td (Report) Tj ET q 10 0 0 10 300 200 cm "
             "BI /W 2 /H 2 /CS /G /BPC 8 /F /AHx ID 80402010> EI Q",
             "", PDFF_IMAGE);
}

/* A file of tests/fixtures/pdf/damaged (its README says how each is
 * damaged), read fast and compared with MuPDF's reading; NULL if absent. */
static char *read_damaged(const char *name, pdfm_result *fast, size_t *size)
{
    char path[512];
    snprintf(path, sizeof path, "%s/tests/fixtures/pdf/damaged/%s", SOURCE_DIR, name);
    char *data = unit_read_file(path, size);
    CHECK(data != NULL);
    if (data)
        compare(data, *size, name, fast);
    return data;
}

/* A file MuPDF had to repair: the fast interpreter reads none of its
 * pages, and the reader's text is MuPDF's. Before, page 4 had a space
 * 3.07 pt wide, MuPDF's 12 pt. */
static void damaged(void)
{
    size_t size;
    pdfm_result fast;
    char *data = read_damaged("shifted-objects.pdf", &fast, &size);
    if (!data)
        return;
    CHECK_INT(fast.status, 0);
    CHECK(fast.npages >= 4);
    CHECK_INT(fast.fast_pages, 0);
    CHECK_INT(fast.declined[PDFF_DAMAGED], fast.npages);
    for (size_t p = 0; p < fast.npages; p++)
        CHECK_INT(fast.pages[p].nchars, 0); /* FAST: declined pages stay empty */
    xxgk_pdf_module_v1.release(&fast);
    free(data);
}

/* A font program damaged: MuPDF complains and draws its characters with
 * a substitute, whose widths are not the font's; the pages are read
 * fast all the same, every character where MuPDF puts it, its right
 * edge from /Widths. */
static void broken_font(void)
{
    size_t size;
    pdfm_result fast, ref;
    char *data = read_damaged("broken-font.pdf", &fast, &size);
    if (!data)
        return;
    xxgk_pdf_module_v1.read(data, size, PDFM_MUPDF, &ref);
    CHECK_INT(fast.status, 0);
    CHECK(ref.substituted > 0);
    CHECK(ref.complaints > 0);
    CHECK_INT(fast.substituted, 0);
    CHECK(fast.fast_pages > 0);
    xxgk_pdf_module_v1.release(&fast);
    xxgk_pdf_module_v1.release(&ref);
    free(data);
}

const struct unit_case unit_cases[] = {
    {"fixtures", fixtures},
    {"corpus", corpus},
    {"operators", operators},
    {"declined_pages", declined_pages},
    {"damaged", damaged},
    {"broken_font", broken_font},
    {NULL, NULL},
};
