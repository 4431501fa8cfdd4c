/* fuzz_pdf_fast.c — libFuzzer harness comparing the PDF module's two
 * interpreters: on any bytes, every page the fast one reads must hold
 * the characters and rulings MuPDF's own gives (pdf_fast.h): each
 * character's text, left edge, baseline and size, in the same order.
 * Right edges are not compared here: the fast interpreter takes a
 * glyph's width from the font's /W or /Widths, MuPDF's structured text
 * from the font program, and on mutated bytes the two disagree (a /W
 * entry changed, a program that no longer loads); on the documents
 * writers make they agree to the rounding of /W, which test_pdf_fast
 * checks on every fixture and corpus PDF. Nor are files MuPDF complains
 * of (a damaged font program or stream): MuPDF then measures glyphs by
 * whatever it could load of the program, which the fast interpreter,
 * reading the fonts' dictionaries only, cannot know; every page of a
 * file MuPDF had to repair is declined already. A difference aborts. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_module.h"

static void same(const pdfl_page *a, const pdfl_page *b, size_t page)
{
    bool ok = a->nchars == b->nchars && a->nh == b->nh && a->nv == b->nv;
    for (size_t i = 0; ok && i < a->nchars; i++) {
        const pdfl_char *c = &a->chars[i], *d = &b->chars[i];
        ok = c->cp == d->cp && c->x0 == d->x0 && c->base == d->base && c->size == d->size &&
             c->x1 >= c->x0;
        if (!ok)
            fprintf(stderr, "page %zu char %zu: U+%04X %g-%g @%g %g, MuPDF U+%04X %g-%g @%g %g\n",
                    page, i, (unsigned)c->cp, c->x0, c->x1, c->base, c->size, (unsigned)d->cp,
                    d->x0, d->x1, d->base, d->size);
    }
    if (ok && a->nh)
        ok = !memcmp(a->hsegs, b->hsegs, a->nh * sizeof *a->hsegs);
    if (ok && a->nv)
        ok = !memcmp(a->vsegs, b->vsegs, a->nv * sizeof *a->vsegs);
    if (!ok) {
        fprintf(stderr, "page %zu: fast %zu chars %zu/%zu rulings, MuPDF %zu chars %zu/%zu\n",
                page, a->nchars, a->nh, a->nv, b->nchars, b->nh, b->nv);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pdfm_result fast, ref;
    xxgk_pdf_module_v1.read((const char *)data, size, PDFM_FAST, &fast);
    if (fast.status == 0 && fast.fast_pages > 0) {
        xxgk_pdf_module_v1.read((const char *)data, size, PDFM_MUPDF, &ref);
        bool sound = fast.complaints == 0 && ref.complaints == 0;
        for (size_t p = 0; sound && ref.status == 0 && p < fast.npages && p < ref.npages; p++) {
            const pdfl_page *a = &fast.pages[p];
            if (a->nchars || a->nh || a->nv)
                same(a, &ref.pages[p], p + 1);
        }
        xxgk_pdf_module_v1.release(&ref);
    }
    xxgk_pdf_module_v1.release(&fast);
    return 0;
}
