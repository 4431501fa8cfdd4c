/*
 * pdf_fast.c — the fast interpreter of the PDF module (pdf_fast.h).
 *
 * A page's contents are read whole, cut into tokens (pdf_lexer.c) and
 * run through the operators that place text and draw lines: the
 * graphics-state stack and its matrix, paths and their painting, text
 * objects, fonts, forms. Colours, line styles, clipping, shadings and
 * images are skipped (an image only counts: a page of images and no
 * text is a scan). Each step is MuPDF 1.21's (pdf-interpret.c and
 * pdf-op-run.c), down to the order of floating-point operations, which
 * is why MuPDF's own matrix and path functions do the arithmetic: what
 * this file must never do is read a page differently from MuPDF. Where
 * it cannot tell, it declines (pdf_fast.h).
 */
#include "pdf_fast.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_lexer.h"

#define MAX_OPERANDS 32   /* MuPDF's operand stack */
#define MAX_FORMS 32      /* forms within forms */
#define MAX_GSTATES 4096  /* saved graphics states (q without Q) */
#define SHORT_STRING 256  /* MuPDF keeps longer strings elsewhere */

typedef struct gstate {
    fz_matrix ctm;
    pdff_font *font;      /* NULL: no Tf yet, text is not shown */
    float size, char_space, word_space, scale, leading, rise;
    int render;
} gstate;

/* An element of an array operand (only TJ's are looked at). */
typedef struct item {
    bool is_string;
    float num;
    size_t off, len;      /* the string's bytes in operands.bytes */
} item;

/* What MuPDF's pdf_csi holds between operators: numbers, the first name
 * and the last string, and one object (a second name, an array, a
 * dictionary or a long string). Cleared after each operator. */
typedef struct operands {
    float s[MAX_OPERANDS];
    int top;
    char name[128];
    unsigned char str[SHORT_STRING];
    size_t str_len;
    enum { OBJ_NONE, OBJ_NAME, OBJ_ARRAY, OBJ_DICT, OBJ_STRING } obj;
    char obj_name[128];
    item *items;          /* OBJ_ARRAY: its elements */
    size_t nitems, cap_items;
    unsigned char *bytes; /* OBJ_ARRAY strings, OBJ_STRING */
    size_t nbytes, cap_bytes;
} operands;

typedef struct run {
    fz_context *ctx;
    pdf_document *doc;
    pdff_fonts *fonts;
    pdfc_page *acc;
    size_t *images;
    gstate *gs;           /* gs[gtop] is the current state */
    int gtop, gbot, gcap;
    fz_path *path;        /* the path being built */
    fz_matrix tm, tlm;    /* text matrix and text line matrix */
    pdf_cycle_list *cycle;
    int forms;
    pdff_decline why;
} run;

static void decline(run *r, pdff_decline why)
{
    if (!r->why)
        r->why = why;
}

/* A number as an int, as x86 converts it (MuPDF's casts): out of range,
 * and NaN, become INT_MIN. */
static int to_int(float v)
{
    return v > -2147483648.0f && v < 2147483648.0f ? (int)v : INT_MIN;
}

/* ---- operands ------------------------------------------------------------- */

static void clear(operands *o)
{
    for (int i = 0; i < o->top; i++)
        o->s[i] = 0;
    o->top = 0;
    o->name[0] = '\0';
    o->str_len = 0;
    o->obj = OBJ_NONE;
    o->nitems = o->nbytes = 0;
}

static bool grow(void **v, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t nc = *cap ? *cap : 16;
    while (nc < need)
        nc *= 2;
    void *p = realloc(*v, nc * elem);
    if (!p)
        return false;
    *v = p;
    *cap = nc;
    return true;
}

static bool add_item(operands *o, bool is_string, float num, const unsigned char *s, size_t len)
{
    if (!grow((void **)&o->items, &o->cap_items, o->nitems + 1, sizeof *o->items) ||
        !grow((void **)&o->bytes, &o->cap_bytes, o->nbytes + len, 1))
        return false;
    if (len)
        memcpy(o->bytes + o->nbytes, s, len);
    o->items[o->nitems++] = (item){is_string, num, o->nbytes, len};
    o->nbytes += len;
    return true;
}

static bool skip_dict(pdfx *x, int depth);

/* An array's elements up to its `]`; nested arrays and dictionaries are
 * skipped (one item each). In a text object MuPDF takes only numbers and
 * strings. False on what MuPDF would call a syntax error. */
static bool parse_array(pdfx *x, operands *o, bool in_text, int depth)
{
    if (depth > 32)
        return false;
    for (;;) {
        pdfx_tok t = pdfx_next(x);
        switch (t) {
        case PX_CLOSE_ARRAY:
            return true;
        case PX_NUMBER:
            if (o && !add_item(o, false, x->num, NULL, 0))
                return false;
            break;
        case PX_STRING:
            if (o && !add_item(o, true, 0, x->str, x->str_len))
                return false;
            break;
        case PX_NAME:
        case PX_OTHER:
            if (in_text || (t == PX_OTHER && strcmp(x->name, "true") && strcmp(x->name, "false") &&
                            strcmp(x->name, "null") && strcmp(x->name, "R")))
                return false;
            if (o && !add_item(o, false, 0, NULL, 0))
                return false;
            break;
        case PX_OPEN_ARRAY:
            if (in_text || !parse_array(x, NULL, false, depth + 1))
                return false;
            if (o && !add_item(o, false, 0, NULL, 0))
                return false;
            break;
        case PX_OPEN_DICT:
            if (in_text || !skip_dict(x, depth + 1))
                return false;
            if (o && !add_item(o, false, 0, NULL, 0))
                return false;
            break;
        default:
            return false;
        }
    }
}

/* A dictionary up to its `>>`. */
static bool skip_dict(pdfx *x, int depth)
{
    if (depth > 32)
        return false;
    for (;;) {
        pdfx_tok t = pdfx_next(x);
        if (t == PX_CLOSE_DICT)
            return true;
        if (t != PX_NAME)
            return false;
        t = pdfx_next(x);
        if (t == PX_OPEN_ARRAY && !parse_array(x, NULL, false, depth + 1))
            return false;
        if (t == PX_OPEN_DICT && !skip_dict(x, depth + 1))
            return false;
        if (t == PX_OTHER && strcmp(x->name, "true") && strcmp(x->name, "false") &&
            strcmp(x->name, "null"))
            return false;
        if (t == PX_NUMBER) {
            /* `n g R`: an indirect reference */
            const unsigned char *save = x->p;
            if (pdfx_next(x) == PX_NUMBER && pdfx_next(x) == PX_OTHER && !strcmp(x->name, "R"))
                continue;
            x->p = save;
        }
        if (t == PX_EOF || t == PX_ERROR || t == PX_KEYWORD || t == PX_CLOSE_ARRAY ||
            t == PX_CLOSE_DICT)
            return false;
    }
}

/* ---- graphics state ------------------------------------------------------- */

static gstate *gs(run *r)
{
    return &r->gs[r->gtop];
}

static void gsave(run *r)
{
    if (r->gtop + 1 >= MAX_GSTATES) {
        decline(r, PDFF_DEPTH);
        return;
    }
    if (r->gtop + 1 == r->gcap) {
        r->gcap *= 2;
        r->gs = fz_realloc(r->ctx, r->gs, (size_t)r->gcap * sizeof *r->gs);
    }
    r->gs[r->gtop + 1] = r->gs[r->gtop];
    r->gtop++;
}

static void grestore(run *r)
{
    if (r->gtop > r->gbot)
        r->gtop--; /* below the level its form started at: MuPDF ignores it */
}

/* ---- text ----------------------------------------------------------------- */

/* One character of the current font (pdf_show_char). */
static void show_char(run *r, int cid)
{
    gstate *g = gs(r);
    const pdff_font *f = g->font;
    fz_matrix tsm = {g->size * g->scale, 0, 0, g->size, 0, g->rise};
    float adv, tx, ty;
    if (f->wmode == 0) {
        adv = (float)pdff_width(f, cid) * 0.001f;
        tx = (adv * g->size + g->char_space) * g->scale;
        ty = 0;
    } else {
        adv = (float)pdff_vadvance(f, cid) * 0.001f;
        tx = 0;
        ty = adv * g->size + g->char_space;
    }
    /* render modes 0–7 reach the structured text (fill, stroke, clip,
     * invisible); any other number draws nothing */
    if (g->render >= 0 && g->render <= 7) {
        int ucs[8];
        int n = pdff_unicode(f, cid, ucs);
        if (n == 0) {
            decline(r, PDFF_FONT);
            return;
        }
        fz_matrix trm = fz_concat(fz_concat(tsm, r->tm), g->ctm);
        for (int k = 0; k < n && !r->why; k++)
            if (pdfc_glyph(r->acc, ucs[k], k == 0, trm, k == 0 ? adv : 0, f->wmode, f->bbox))
                decline(r, PDFF_GLYPH);
    }
    r->tm = fz_pre_translate(r->tm, tx, ty);
}

static void show_space(run *r, float tadj)
{
    gstate *g = gs(r);
    if (g->font->wmode == 0)
        r->tm = fz_pre_translate(r->tm, tadj * g->scale, 0);
    else
        r->tm = fz_pre_translate(r->tm, 0, tadj);
}

/* A string in the current font (show_string). */
static void show_string(run *r, const unsigned char *s, size_t len)
{
    const pdff_font *f = gs(r)->font;
    if (len && !f->usable) {
        decline(r, PDFF_FONT);
        return;
    }
    const unsigned char *end = s + len;
    while (s < end && !r->why) {
        int cid, nbytes;
        unsigned code = pdff_next_code(f, &s, end, &cid, &nbytes);
        if (cid >= 0)
            show_char(r, cid);
        if (code == 32 && nbytes == 1)
            show_space(r, gs(r)->word_space);
    }
}

static void op_TJ(run *r, const operands *o)
{
    if (!gs(r)->font || o->obj != OBJ_ARRAY)
        return;
    for (size_t i = 0; i < o->nitems && !r->why; i++) {
        const item *it = &o->items[i];
        if (it->is_string && it->len)
            show_string(r, o->bytes + it->off, it->len);
        else if (it->is_string)
            continue; /* an empty string shows nothing */
        else
            show_space(r, -it->num * gs(r)->size * 0.001f);
    }
}

static bool has_string(const operands *o)
{
    return o->str_len || o->obj == OBJ_STRING;
}

/* Tj, and the end of ' and ": the short string, else a long one. */
static void op_Tj(run *r, const operands *o)
{
    if (!gs(r)->font)
        return;
    if (o->str_len)
        show_string(r, o->str, o->str_len);
    else if (o->obj == OBJ_STRING)
        show_string(r, o->bytes, o->nbytes);
}

static void newline(run *r)
{
    r->tlm = fz_pre_translate(r->tlm, 0, -gs(r)->leading);
    r->tm = r->tlm;
}

static void translate_line(run *r, float tx, float ty)
{
    r->tlm = fz_pre_translate(r->tlm, tx, ty);
    r->tm = r->tlm;
}

static void set_font(run *r, pdf_obj *dict, float size)
{
    gs(r)->font = pdff_get(r->ctx, r->doc, r->fonts, dict);
    gs(r)->size = size;
}

static void op_Tf(run *r, pdf_obj *rdb, const operands *o)
{
    pdf_obj *font = pdf_dict_gets(r->ctx, pdf_dict_get(r->ctx, rdb, PDF_NAME(Font)), o->name);
    if (!font) {
        decline(r, PDFF_SYNTAX); /* MuPDF: "cannot find Font resource" */
        return;
    }
    set_font(r, font, o->s[0]);
}

/* An ExtGState: its font, and its soft mask (which would draw a form
 * over every painting; declined). */
static void op_gs(run *r, pdf_obj *rdb, const operands *o)
{
    fz_context *ctx = r->ctx;
    pdf_obj *egs = pdf_dict_gets(ctx, pdf_dict_get(ctx, rdb, PDF_NAME(ExtGState)), o->name);
    if (!egs) {
        decline(r, PDFF_SYNTAX);
        return;
    }
    pdf_obj *smask = pdf_dict_get(ctx, egs, PDF_NAME(SMask));
    if (smask && !pdf_name_eq(ctx, smask, PDF_NAME(None))) {
        decline(r, PDFF_PAINT);
        return;
    }
    pdf_obj *font = pdf_dict_get(ctx, egs, PDF_NAME(Font));
    if (pdf_is_array(ctx, font))
        set_font(r, pdf_array_get(ctx, font, 0), pdf_array_get_real(ctx, font, 1));
}

/* ---- paths ---------------------------------------------------------------- */

/* Painting (pdf_show_path): fill first, then stroke; the path ends. */
static void paint(run *r, bool close, bool fill, bool stroke)
{
    fz_context *ctx = r->ctx;
    if (close)
        fz_closepath(ctx, r->path);
    if (fill)
        pdfc_path(ctx, r->acc, r->path, gs(r)->ctm, true);
    if (stroke)
        pdfc_path(ctx, r->acc, r->path, gs(r)->ctm, false);
    fz_drop_path(ctx, r->path);
    r->path = NULL;
    r->path = fz_new_path(ctx);
}

/* A colour space chosen by name: patterns are declined (MuPDF runs
 * their contents, tile by tile). */
static void op_cs(run *r, pdf_obj *rdb, const operands *o)
{
    const char *n = o->name;
    if (!strcmp(n, "Pattern")) {
        decline(r, PDFF_PAINT);
        return;
    }
    if (!strcmp(n, "DeviceGray") || !strcmp(n, "DeviceRGB") || !strcmp(n, "DeviceCMYK"))
        return;
    pdf_obj *cs = pdf_dict_gets(r->ctx, pdf_dict_get(r->ctx, rdb, PDF_NAME(ColorSpace)), n);
    if (!cs || pdf_name_eq(r->ctx, cs, PDF_NAME(Pattern)) ||
        pdf_name_eq(r->ctx, pdf_array_get(r->ctx, cs, 0), PDF_NAME(Pattern)))
        decline(r, cs ? PDFF_PAINT : PDFF_SYNTAX);
}

/* ---- images and forms ------------------------------------------------------ */

static void run_contents(run *r, pdf_obj *rdb, pdf_obj *stm);

static int dict_int(fz_context *ctx, pdf_obj *d, pdf_obj *k1, pdf_obj *k2)
{
    pdf_obj *v = pdf_dict_get(ctx, d, k1);
    return pdf_to_int(ctx, v ? v : pdf_dict_get(ctx, d, k2));
}

/* BI … ID data EI: the image's dictionary, then its data skipped (only
 * unfiltered images, whose length the dictionary gives), then up to EI
 * as MuPDF finds it. */
static void inline_image(run *r, pdfx *x)
{
    fz_context *ctx = r->ctx;
    pdf_obj *d = pdf_new_dict(ctx, r->doc, 8);
    fz_try(ctx)
    {
        for (;;) {
            pdfx_tok t = pdfx_next(x);
            if (t == PX_KEYWORD && !strcmp(x->name, "ID"))
                break;
            if (t != PX_NAME) {
                decline(r, PDFF_SYNTAX);
                break;
            }
            pdf_obj *key = pdf_new_name(ctx, x->name);
            t = pdfx_next(x);
            if (t == PX_NUMBER)
                pdf_dict_put_drop(ctx, d, key, pdf_new_int(ctx, to_int(x->num)));
            else if (t == PX_NAME)
                pdf_dict_put_drop(ctx, d, key, pdf_new_name(ctx, x->name));
            else if (t == PX_OTHER && !strcmp(x->name, "true"))
                pdf_dict_put(ctx, d, key, PDF_TRUE);
            else if (t == PX_OTHER && !strcmp(x->name, "false"))
                pdf_dict_put(ctx, d, key, PDF_FALSE);
            else if (t == PX_OPEN_ARRAY && parse_array(x, NULL, false, 0))
                pdf_dict_put(ctx, d, key, PDF_NULL); /* Decode, an Indexed space: see below */
            else
                decline(r, PDFF_IMAGE);
            pdf_drop_obj(ctx, key);
            if (r->why)
                break;
        }
        if (!r->why) {
            bool mask = pdf_dict_get_bool(ctx, d, PDF_NAME(IM)) ||
                        pdf_dict_get_bool(ctx, d, PDF_NAME(ImageMask));
            pdf_obj *cs = pdf_dict_get(ctx, d, PDF_NAME(CS));
            if (!cs)
                cs = pdf_dict_get(ctx, d, PDF_NAME(ColorSpace));
            const char *csn = pdf_to_name(ctx, cs);
            int n = mask                                                      ? 1
                    : !strcmp(csn, "G") || !strcmp(csn, "DeviceGray")         ? 1
                    : !strcmp(csn, "RGB") || !strcmp(csn, "DeviceRGB")        ? 3
                    : !strcmp(csn, "CMYK") || !strcmp(csn, "DeviceCMYK")      ? 4
                                                                              : 0;
            int w = dict_int(ctx, d, PDF_NAME(W), PDF_NAME(Width));
            int h = dict_int(ctx, d, PDF_NAME(H), PDF_NAME(Height));
            int bpc = mask ? 1 : dict_int(ctx, d, PDF_NAME(BPC), PDF_NAME(BitsPerComponent));
            if (n == 0 || w <= 0 || h <= 0 || w > 1 << 20 || h > 1 << 20 ||
                (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16) ||
                pdf_dict_get(ctx, d, PDF_NAME(F)) || pdf_dict_get(ctx, d, PDF_NAME(Filter)))
                decline(r, PDFF_IMAGE);
            else {
                size_t len = ((size_t)w * (size_t)n * (size_t)bpc + 7) / 8 * (size_t)h;
                /* one white-space byte after ID (CR LF as one) */
                if (x->p < x->end && *x->p++ == '\r' && x->p < x->end && *x->p == '\n')
                    x->p++;
                bool found = false;
                if (pdfx_skip(x, len)) {
                    while (x->p + 1 < x->end && !found) {
                        if (x->p[0] == 'E' && x->p[1] == 'I' &&
                            (x->p + 2 == x->end || x->p[2] <= 32 || x->p[2] == '<' ||
                             x->p[2] == '/'))
                            found = true;
                        x->p++;
                    }
                    x->p++;
                }
                if (found)
                    ++*r->images;
                else
                    decline(r, PDFF_IMAGE);
            }
        }
    }
    fz_always(ctx) pdf_drop_obj(ctx, d);
    fz_catch(ctx) fz_rethrow(ctx);
}

/* A form XObject (pdf_run_xobject): its matrix, its own resources (or
 * the current ones), two saved states, and a floor under which its Qs
 * cannot restore. */
static void run_form(run *r, pdf_obj *rdb, pdf_obj *xobj)
{
    fz_context *ctx = r->ctx;
    pdf_cycle_list here;
    if (pdf_cycle(ctx, &here, r->cycle, xobj))
        return;
    if (r->forms >= MAX_FORMS) {
        decline(r, PDFF_DEPTH);
        return;
    }
    pdf_cycle_list *up = r->cycle;
    int oldtop = r->gtop, oldbot = r->gbot;
    r->cycle = &here;
    r->forms++;
    gsave(r);
    gs(r)->ctm = fz_concat(fz_concat(pdf_xobject_matrix(ctx, xobj), fz_identity), gs(r)->ctm);
    gsave(r);
    /* the form's bounding box becomes a clip: the path being built ends */
    fz_drop_path(ctx, r->path);
    r->path = NULL;
    r->path = fz_new_path(ctx);
    pdf_obj *res = pdf_xobject_resources(ctx, xobj);
    r->gbot = r->gtop;
    if (!r->why)
        run_contents(r, res ? res : rdb, xobj);
    while (r->gtop > r->gbot)
        grestore(r);
    r->gbot = oldbot;
    grestore(r);
    while (oldtop < r->gtop)
        grestore(r);
    r->forms--;
    r->cycle = up;
}

static void op_Do(run *r, pdf_obj *rdb, const operands *o)
{
    fz_context *ctx = r->ctx;
    pdf_obj *xobj = pdf_dict_gets(ctx, pdf_dict_get(ctx, rdb, PDF_NAME(XObject)), o->name);
    pdf_obj *sub = pdf_dict_get(ctx, xobj, PDF_NAME(Subtype));
    if (!xobj || !pdf_is_name(ctx, sub)) {
        decline(r, PDFF_SYNTAX);
        return;
    }
    if (pdf_is_ocg_hidden(ctx, r->doc, rdb, "View", pdf_dict_get(ctx, xobj, PDF_NAME(OC))))
        return; /* a hidden layer */
    if (pdf_name_eq(ctx, sub, PDF_NAME(Form))) {
        if (pdf_dict_get(ctx, xobj, PDF_NAME(Subtype2)))
            decline(r, PDFF_PAINT); /* PostScript forms and the like */
        else if (!pdf_is_stream(ctx, xobj))
            decline(r, PDFF_SYNTAX);
        else
            run_form(r, rdb, xobj);
    } else if (pdf_name_eq(ctx, sub, PDF_NAME(Image))) {
        ++*r->images;
    }
}

/* BDC /OC …: content of a hidden layer is drawn by MuPDF only as clip
 * or invisible text: declined. */
static void op_BDC(run *r, pdf_obj *rdb, const operands *o)
{
    if (strcmp(o->name, "OC"))
        return;
    if (o->obj != OBJ_NAME) {
        decline(r, PDFF_PAINT);
        return;
    }
    fz_context *ctx = r->ctx;
    pdf_obj *ocg = pdf_dict_gets(ctx, pdf_dict_get(ctx, rdb, PDF_NAME(Properties)), o->obj_name);
    if (pdf_is_ocg_hidden(ctx, r->doc, rdb, "View", ocg))
        decline(r, PDFF_PAINT);
}

/* ---- operators -------------------------------------------------------------- */


#define K1(a) ((unsigned)(a))
#define K2(a, b) ((unsigned)(a) | (unsigned)(b) << 8)
#define K3(a, b, c) ((unsigned)(a) | (unsigned)(b) << 8 | (unsigned)(c) << 16)

/* Paths, the graphics state and text state: the operators that need
 * nothing but numbers. Returns false when `key` is none of them. */
static bool numeric_op(run *r, unsigned key, const float *s)
{
    fz_context *ctx = r->ctx;
    gstate *g = gs(r);
    switch (key) {
    case K1('m'): fz_moveto(ctx, r->path, s[0], s[1]); break;
    case K1('l'): fz_lineto(ctx, r->path, s[0], s[1]); break;
    case K1('c'): fz_curveto(ctx, r->path, s[0], s[1], s[2], s[3], s[4], s[5]); break;
    case K1('v'): fz_curvetov(ctx, r->path, s[0], s[1], s[2], s[3]); break;
    case K1('y'): fz_curvetoy(ctx, r->path, s[0], s[1], s[2], s[3]); break;
    case K1('h'): fz_closepath(ctx, r->path); break;
    case K2('r', 'e'): fz_rectto(ctx, r->path, s[0], s[1], s[0] + s[2], s[1] + s[3]); break;
    case K1('S'): paint(r, false, false, true); break;
    case K1('s'): paint(r, true, false, true); break;
    case K1('f'): case K1('F'): case K2('f', '*'): paint(r, false, true, false); break;
    case K1('B'): case K2('B', '*'): paint(r, false, true, true); break;
    case K1('b'): case K2('b', '*'): paint(r, true, true, true); break;
    case K1('n'): paint(r, false, false, false); break;
    case K1('q'): gsave(r); break;
    case K1('Q'): grestore(r); break;
    case K2('c', 'm'):
        g->ctm = fz_concat(fz_make_matrix(s[0], s[1], s[2], s[3], s[4], s[5]), g->ctm);
        break;
    case K2('T', 'c'): g->char_space = s[0]; break;
    case K2('T', 'w'): g->word_space = s[0]; break;
    case K2('T', 'z'): g->scale = s[0] / 100; break;
    case K2('T', 'L'): g->leading = s[0]; break;
    case K2('T', 'r'): g->render = to_int(s[0]); break;
    case K2('T', 's'): g->rise = s[0]; break;
    case K2('T', 'd'): translate_line(r, s[0], s[1]); break;
    case K2('T', 'D'): g->leading = -s[1]; translate_line(r, s[0], s[1]); break;
    case K2('T', 'm'):
        r->tm = r->tlm = fz_make_matrix(s[0], s[1], s[2], s[3], s[4], s[5]);
        break;
    case K2('T', '*'): newline(r); break;
    default:
        return false;
    }
    return true;
}

/* One operator with its operands. */
static void keyword(run *r, pdf_obj *rdb, pdfx *x, operands *o, bool *in_text)
{
    size_t n = x->name_len;
    if (n > 3)
        return; /* no operator of ours is longer */
    unsigned key = 0;
    for (size_t i = 0; i < n; i++)
        key |= (unsigned)(unsigned char)x->name[i] << (8 * i);
    if (numeric_op(r, key, o->s))
        return;
    switch (key) {
    case K2('B', 'T'):
        *in_text = true;
        r->tm = r->tlm = fz_identity;
        break;
    case K2('E', 'T'): *in_text = false; break;
    case K2('T', 'f'): op_Tf(r, rdb, o); break;
    case K2('T', 'j'): op_Tj(r, o); break;
    case K2('T', 'J'): op_TJ(r, o); break;
    case K1('\''):
        if (has_string(o)) {
            newline(r);
            op_Tj(r, o);
        }
        break;
    case K1('"'):
        if (has_string(o)) {
            gs(r)->word_space = o->s[0];
            gs(r)->char_space = o->s[1];
            newline(r);
            op_Tj(r, o);
        }
        break;
    case K2('g', 's'): op_gs(r, rdb, o); break;
    case K2('c', 's'): case K2('C', 'S'): op_cs(r, rdb, o); break;
    case K2('D', 'o'): op_Do(r, rdb, o); break;
    case K3('B', 'D', 'C'): op_BDC(r, rdb, o); break;
    case K2('B', 'I'): inline_image(r, x); break;
    default:
        break; /* colours, line styles, clips, shadings, marks: not our business */
    }
}

/* Takes a token into the operands (pdf_process_stream). False on what
 * MuPDF calls a syntax error. */
static bool take(pdfx *x, pdfx_tok t, operands *o, bool in_text)
{
    switch (t) {
    case PX_NUMBER:
        if (o->top == MAX_OPERANDS)
            return false;
        o->s[o->top++] = x->num;
        return true;
    case PX_NAME:
        if (!o->name[0]) {
            memcpy(o->name, x->name, x->name_len + 1);
        } else {
            o->obj = OBJ_NAME;
            memcpy(o->obj_name, x->name, x->name_len + 1);
        }
        return true;
    case PX_STRING:
        if (x->str_len <= SHORT_STRING) {
            if (x->str_len)
                memcpy(o->str, x->str, x->str_len);
            o->str_len = x->str_len;
            return true;
        }
        o->obj = OBJ_STRING; /* its bytes are o->bytes[0 .. nbytes) */
        o->nitems = o->nbytes = 0;
        return add_item(o, true, 0, x->str, x->str_len);
    case PX_OPEN_ARRAY:
        o->obj = OBJ_ARRAY;
        o->nitems = o->nbytes = 0;
        return parse_array(x, o, in_text, 0);
    case PX_OPEN_DICT:
        o->obj = OBJ_DICT;
        return skip_dict(x, 0);
    default:
        return false;
    }
}

/* Runs a content stream (the page's, or a form's). */
static void run_contents(run *r, pdf_obj *rdb, pdf_obj *stmobj)
{
    fz_context *ctx = r->ctx;
    fz_stream *stm = NULL;
    fz_buffer *buf = NULL;
    operands *o = NULL;
    pdfx x;
    pdfx_init(&x, NULL, 0);
    fz_var(stm);
    fz_var(buf);
    fz_var(o);
    fz_try(ctx)
    {
        int truncated = 0;
        stm = pdf_open_contents_stream(ctx, r->doc, stmobj);
        buf = fz_read_best(ctx, stm, 0, &truncated, 0);
        if (truncated)
            decline(r, PDFF_STREAM);
        o = fz_malloc_struct(ctx, operands);
        unsigned char *data;
        size_t len = fz_buffer_storage(ctx, buf, &data);
        pdfx_init(&x, data, len);
        bool in_text = false;
        while (!r->why) {
            pdfx_tok t = pdfx_next(&x);
            if (t == PX_EOF)
                break;
            if (t == PX_KEYWORD) {
                keyword(r, rdb, &x, o, &in_text);
                clear(o);
            } else if (!take(&x, t, o, in_text)) {
                decline(r, x.nomem ? PDFF_STREAM : PDFF_SYNTAX);
            }
        }
    }
    fz_always(ctx)
    {
        pdfx_free(&x);
        if (o) {
            free(o->items);
            free(o->bytes);
        }
        fz_free(ctx, o);
        fz_drop_buffer(ctx, buf);
        fz_drop_stream(ctx, stm);
    }
    fz_catch(ctx) fz_rethrow(ctx);
}

/* ---- the page ------------------------------------------------------------------- */

pdff_decline pdff_page(fz_context *ctx, pdf_document *pdf, pdff_fonts *fonts, int i,
                       pdfc_page *acc, size_t *images)
{
    run r;
    memset(&r, 0, sizeof r);
    r.ctx = ctx;
    r.doc = pdf;
    r.fonts = fonts;
    r.acc = acc;
    r.images = images;
    fz_var(r.gs);
    fz_var(r.path);
    fz_try(ctx)
    {
        pdf_obj *page = pdf_lookup_page_obj(ctx, pdf, i);
        fz_rect mediabox;
        fz_matrix ctm;
        pdf_page_obj_transform(ctx, page, &mediabox, &ctm);
        pdfc_reset(acc);
        acc->mediabox = fz_transform_rect(mediabox, ctm);
        acc->page.width = acc->mediabox.x1 - acc->mediabox.x0;
        acc->page.height = acc->mediabox.y1 - acc->mediabox.y0;
        r.gcap = 16;
        r.gs = fz_malloc(ctx, (size_t)r.gcap * sizeof *r.gs);
        r.gs[0] = (gstate){ctm, NULL, -1, 0, 0, 1, 0, 0, 0};
        r.path = fz_new_path(ctx);
        pdf_obj *contents = pdf_dict_get(ctx, page, PDF_NAME(Contents));
        if (contents)
            run_contents(&r, pdf_dict_get_inheritable(ctx, page, PDF_NAME(Resources)), contents);
    }
    fz_always(ctx)
    {
        fz_drop_path(ctx, r.path);
        fz_free(ctx, r.gs);
    }
    fz_catch(ctx)
    {
        if (fz_caught(ctx) == FZ_ERROR_MEMORY)
            fz_rethrow(ctx);
        return PDFF_STREAM; /* MuPDF will say what is wrong with the page */
    }
    if (acc->nomem)
        fz_throw(ctx, FZ_ERROR_MEMORY, "out of memory");
    return r.why;
}
