/*
 * pdf_collect.c — a page of the PDF module being read (pdf_collect.h):
 * rulings from the paths drawn, and characters from the glyphs shown.
 *
 * pdfc_glyph() is MuPDF 1.21's structured-text device reduced to what
 * the reader keeps, with the options read_pdf always used (no synthetic
 * spaces, whitespace as it is, glyphs outside the page dropped): the
 * fake-bold test (the same character drawn twice in one place counts
 * once), ligatures split into their letters, the line a character joins
 * and that line's direction (only upright horizontal lines are kept).
 * Where the device would need the glyph's outline or the font's
 * ascender, it says so and the page goes to MuPDF.
 */
#include "pdf_collect.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void pdfc_reset(pdfc_page *acc)
{
    free(acc->page.chars);
    free(acc->page.hsegs);
    free(acc->page.vsegs);
    fz_rect box = acc->mediabox;
    memset(acc, 0, sizeof *acc);
    acc->mediabox = box;
    acc->lastchar = ' ';
}

static bool push(void **v, size_t *n, size_t *cap, size_t elem)
{
    if (*n < *cap)
        return true;
    size_t nc = *cap ? *cap * 2 : 64;
    void *p = realloc(*v, nc * elem);
    if (!p)
        return false;
    *v = p;
    *cap = nc;
    return true;
}

/* ---- rulings --------------------------------------------------------------- */

static void add_seg(pdfc_page *acc, fz_point p, fz_point q)
{
    pdfl_page *pg = &acc->page;
    if (pg->nh + pg->nv > PDFL_MAX_SEGS)
        return; /* a drawing, not tables: pdf_layout ignores the page's lines */
    if (!isfinite(p.x) || !isfinite(p.y) || !isfinite(q.x) || !isfinite(q.y))
        return;
    if (fabsf(p.y - q.y) < 0.5f && fabsf(p.x - q.x) >= 2) {
        if (!push((void **)&pg->hsegs, &pg->nh, &acc->cap_h, sizeof(pdfl_seg))) {
            acc->nomem = true;
            return;
        }
        pg->hsegs[pg->nh++] = (pdfl_seg){(p.y + q.y) / 2, fminf(p.x, q.x), fmaxf(p.x, q.x)};
    } else if (fabsf(p.x - q.x) < 0.5f && fabsf(p.y - q.y) >= 2) {
        if (!push((void **)&pg->vsegs, &pg->nv, &acc->cap_v, sizeof(pdfl_seg))) {
            acc->nomem = true;
            return;
        }
        pg->vsegs[pg->nv++] = (pdfl_seg){(p.x + q.x) / 2, fminf(p.y, q.y), fmaxf(p.y, q.y)};
    }
}

/* A filled rectangle (already in page space): a thin one is a ruling
 * (Word draws borders so). Larger ones are backgrounds: WPS shades
 * every text line with one (corpus 001), so their edges are no rulings. */
static void add_filled_rect(pdfc_page *acc, fz_rect r)
{
    float w = r.x1 - r.x0, h = r.y1 - r.y0;
    if (h <= 3 && w > h) {
        float y = (r.y0 + r.y1) / 2;
        add_seg(acc, fz_make_point(r.x0, y), fz_make_point(r.x1, y));
    } else if (w <= 3 && h > w) {
        float x = (r.x0 + r.x1) / 2;
        add_seg(acc, fz_make_point(x, r.y0), fz_make_point(x, r.y1));
    }
}

/* Walking a path: the straight pieces of stroked paths are rulings;
 * filled paths count only when a subpath is an upright rectangle. */
typedef struct walk {
    pdfc_page *acc;
    fz_matrix ctm;
    bool fill;
    fz_point start, cur;
    fz_point pts[6];
    int npts;
    bool curved;
} walk;

static void flush_subpath(walk *w)
{
    if (!w->fill || w->curved || w->npts < 4 || w->npts > 5)
        goto done;
    if (w->npts == 5 && (fabsf(w->pts[4].x - w->pts[0].x) > 0.5f ||
                         fabsf(w->pts[4].y - w->pts[0].y) > 0.5f))
        goto done;
    fz_rect r = fz_empty_rect;
    for (int i = 0; i < 4; i++)
        r = fz_include_point_in_rect(r, w->pts[i]);
    /* upright: every corner lies on the bounding box's corners */
    for (int i = 0; i < 4; i++) {
        bool on_x = fabsf(w->pts[i].x - r.x0) < 0.5f || fabsf(w->pts[i].x - r.x1) < 0.5f;
        bool on_y = fabsf(w->pts[i].y - r.y0) < 0.5f || fabsf(w->pts[i].y - r.y1) < 0.5f;
        if (!on_x || !on_y)
            goto done;
    }
    add_filled_rect(w->acc, r);
done:
    w->npts = 0;
    w->curved = false;
}

static void add_point(walk *w, fz_point p)
{
    if (w->npts < (int)(sizeof w->pts / sizeof w->pts[0]))
        w->pts[w->npts] = p;
    w->npts++;
}

static void w_moveto(fz_context *ctx, void *arg, float x, float y)
{
    walk *w = arg;
    (void)ctx;
    flush_subpath(w);
    w->start = w->cur = fz_transform_point(fz_make_point(x, y), w->ctm);
    add_point(w, w->cur);
}

static void w_lineto(fz_context *ctx, void *arg, float x, float y)
{
    walk *w = arg;
    (void)ctx;
    fz_point p = fz_transform_point(fz_make_point(x, y), w->ctm);
    if (!w->fill)
        add_seg(w->acc, w->cur, p);
    add_point(w, p);
    w->cur = p;
}

static void w_curveto(fz_context *ctx, void *arg, float x1, float y1, float x2, float y2, float x3,
                      float y3)
{
    walk *w = arg;
    (void)ctx;
    (void)x1, (void)y1, (void)x2, (void)y2;
    w->cur = fz_transform_point(fz_make_point(x3, y3), w->ctm);
    w->curved = true;
}

static void w_closepath(fz_context *ctx, void *arg)
{
    walk *w = arg;
    (void)ctx;
    if (!w->fill)
        add_seg(w->acc, w->cur, w->start);
    w->cur = w->start;
}

static void w_rectto(fz_context *ctx, void *arg, float x1, float y1, float x2, float y2)
{
    walk *w = arg;
    (void)ctx;
    flush_subpath(w);
    fz_point a = fz_transform_point(fz_make_point(x1, y1), w->ctm);
    fz_point b = fz_transform_point(fz_make_point(x2, y1), w->ctm);
    fz_point c = fz_transform_point(fz_make_point(x2, y2), w->ctm);
    fz_point d = fz_transform_point(fz_make_point(x1, y2), w->ctm);
    if (w->fill) {
        w->pts[0] = a, w->pts[1] = b, w->pts[2] = c, w->pts[3] = d;
        w->npts = 4;
        flush_subpath(w);
    } else {
        add_seg(w->acc, a, b);
        add_seg(w->acc, b, c);
        add_seg(w->acc, c, d);
        add_seg(w->acc, d, a);
    }
    w->start = w->cur = a;
}

static const fz_path_walker walker = {
    w_moveto, w_lineto, w_curveto, w_closepath, NULL, NULL, NULL, w_rectto,
};

void pdfc_path(fz_context *ctx, pdfc_page *acc, const fz_path *path, fz_matrix ctm, bool fill)
{
    walk w;
    memset(&w, 0, sizeof w);
    w.acc = acc;
    w.ctm = ctm;
    w.fill = fill;
    fz_walk_path(ctx, path, &walker, &w);
    flush_subpath(&w);
}

/* ---- characters ------------------------------------------------------------ */

void pdfc_keep(pdfc_page *acc, int c, float x0, float x1, float base, float size)
{
    if (c < 0x20 || !(size > 0) || !isfinite(size) || !isfinite(base) || !isfinite(x0) ||
        !isfinite(x1))
        return;
    pdfl_page *pg = &acc->page;
    if (!push((void **)&pg->chars, &pg->nchars, &acc->cap_chars, sizeof(pdfl_char))) {
        acc->nomem = true;
        return;
    }
    acc->garbled += c == 0xFFFD;
    /* a negative width in /W (no writer makes one) is no width */
    pg->chars[pg->nchars++] = (pdfl_char){c == 0xA0 ? ' ' : c, x0, x1 < x0 ? x0 : x1, base, size};
}

/* Right-to-left scripts (Hebrew, Arabic, …): the device reorders them. */
static bool right_to_left(int c)
{
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
           (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF) ||
           (c >= 0x1E800 && c <= 0x1EFFF);
}

/* Whether the glyph drawn with trm falls outside the page, as MuPDF
 * decides it from the glyph's outline: 0 inside, 1 outside, 2 cannot
 * tell. Inside when its origin is an em or more within the page (every
 * real glyph has some of its outline within an em of its origin, and a
 * blank one is a point at it); outside when the font's bounding box
 * (`bound`, which holds all its glyphs) is all beyond an edge. */
static int outside_page(const pdfc_page *acc, fz_matrix trm, fz_rect bound)
{
    const fz_rect *box = &acc->mediabox;
    float m = fz_matrix_expansion(trm);
    if (trm.e > box->x0 + m && trm.e < box->x1 - m && trm.f > box->y0 + m && trm.f < box->y1 - m)
        return 0;
    fz_rect r = fz_transform_rect(bound, trm);
    if (r.x1 <= box->x0 || r.y1 <= box->y0 || r.x0 >= box->x1 || r.y0 >= box->y1)
        return 1;
    return 2;
}

/* One character into the line it joins (fz_add_stext_char_imp): p and
 * q where it starts and ends. Kept when its line is upright and
 * horizontal, as read_pdf kept the structured text's lines. */
static int add_char(pdfc_page *acc, int c, bool glyph, fz_matrix trm, float adv, int wmode)
{
    if (right_to_left(c))
        return 1;
    fz_point dir = fz_transform_vector(wmode ? fz_make_point(0, -1) : fz_make_point(1, 0), trm);
    fz_point ndir = fz_normalize_vector(dir);
    float size = fz_matrix_expansion(trm);
    fz_point p, q;
    if (wmode == 0) {
        p = fz_make_point(trm.e, trm.f);
        q = fz_make_point(trm.e + adv * dir.x, trm.f + adv * dir.y);
    } else {
        p = fz_make_point(trm.e - adv * dir.x, trm.f - adv * dir.y);
        q = fz_make_point(trm.e, trm.f);
    }
    if (acc->has_line && !glyph) {
        /* a further character of the same glyph: no width, at the pen,
         * where MuPDF's advance (from the font program) put it */
        if (acc->line_wmode == 0 && acc->line_dir.x >= 0.9f)
            return 1;
        p = q = acc->pen;
    } else {
        bool new_line = true;
        if (acc->has_line && acc->line_wmode == wmode &&
            ndir.x * acc->line_dir.x + ndir.y * acc->line_dir.y >= 0.999f) {
            if (fabsf(q.x - acc->pen.x) < FLT_EPSILON && fabsf(q.y - acc->pen.y) < FLT_EPSILON &&
                c == acc->lastchar)
                return 0; /* fake bold: drawn twice in one place */
            float dx = p.x - acc->pen.x, dy = p.y - acc->pen.y;
            float spacing = ndir.x * dx + ndir.y * dy;
            float base_offset = -ndir.y * dx + ndir.x * dy;
            if (fabsf(base_offset) < size * 0.8f)
                new_line = !(fabsf(spacing) < size * 0.15f) && fabsf(spacing) > size * 0.8f;
        }
        if (new_line) {
            acc->has_line = true;
            acc->line_dir = ndir;
            acc->line_wmode = wmode;
        }
        acc->pen = q;
    }
    acc->lastchar = c;
    if (acc->line_wmode != 0 || acc->line_dir.x < 0.9f)
        return 0; /* vertical or slanted lines are not report text */
    if (fabsf(trm.c) > 1e-6f)
        return 1; /* its left edge would depend on the font's ascender */
    pdfc_keep(acc, c, p.x, q.x, p.y, size);
    return 0;
}

int pdfc_glyph(pdfc_page *acc, int c, bool glyph, fz_matrix trm, float adv, int wmode,
               fz_rect bound)
{
    int where = outside_page(acc, trm, bound);
    if (where == 2)
        return 1;
    if (where == 1)
        return 0;
    /* ligatures become their letters, the second ones without width */
    static const struct {
        int lig;
        char letters[4];
    } ligs[] = {{0xFB00, "ff"}, {0xFB01, "fi"}, {0xFB02, "fl"}, {0xFB03, "ffi"},
                {0xFB04, "ffl"}, {0xFB05, "st"}, {0xFB06, "st"}};
    for (size_t i = 0; i < sizeof ligs / sizeof ligs[0]; i++) {
        if (c != ligs[i].lig)
            continue;
        int rc = add_char(acc, ligs[i].letters[0], glyph, trm, adv, wmode);
        for (int k = 1; ligs[i].letters[k] && rc == 0; k++)
            rc = add_char(acc, ligs[i].letters[k], false, trm, 0, wmode);
        return rc;
    }
    return add_char(acc, c, glyph, trm, adv, wmode);
}
