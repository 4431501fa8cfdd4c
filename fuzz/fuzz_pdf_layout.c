/* fuzz_pdf_layout.c — libFuzzer harness for the PDF layout (tables from
 * rulings, lines, page breaks): the input is decoded into pages of
 * characters and rulings, six bytes each, so that mutations reach the
 * geometry without going through a PDF. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_layout.h"

static float coord(uint8_t hi, uint8_t lo)
{
    return (float)((hi << 8 | lo) % 6400) / 10.0f; /* 0 … 640 pt, 0.1 pt steps */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t npages = 1 + data[0] % 4, nrec = (size - 1) / 6;
    pdfl_page *pages = calloc(npages, sizeof *pages);
    for (size_t p = 0; p < npages; p++) {
        pages[p].width = 595;
        pages[p].height = 842;
        pages[p].chars = calloc(nrec + 1, sizeof(pdfl_char));
        pages[p].hsegs = calloc(nrec + 1, sizeof(pdfl_seg));
        pages[p].vsegs = calloc(nrec + 1, sizeof(pdfl_seg));
    }
    static const int32_t alphabet[] = {'0', '1', '7', '.', '-', ' ', 0x4E00, 0x3001, 0xFF08,
                                       0xFF09, 0x89C4, 0x7AE0, 0x7B2C, 0x9875, 0x4E09, 0x603B};
    for (size_t i = 0; i < nrec; i++) {
        const uint8_t *b = data + 1 + 6 * i;
        pdfl_page *pg = &pages[(b[0] >> 2) % npages];
        float a = coord(b[1], b[2]), c = coord(b[3], b[4]), len = (float)b[5];
        switch (b[0] & 3) {
        case 0:
        case 1:
            pg->chars[pg->nchars++] = (pdfl_char){alphabet[b[5] % 16], a, a + 8, c, 8 + (b[0] >> 4)};
            break;
        case 2:
            pg->hsegs[pg->nh++] = (pdfl_seg){c, a, a + len * 2};
            break;
        default:
            pg->vsegs[pg->nv++] = (pdfl_seg){a, c, c + len * 2};
            break;
        }
    }
    arena a;
    arena_init(&a, 1 << 16);
    doc d;
    doc_init(&d, &a);
    d.limit = 1 << 20;
    if (pdfl_write(pages, npages, &d) == 0 && !d.failed) {
        char *text;
        size_t text_size;
        xxgk_error err;
        doc_print(&d, "PDF", &text, &text_size, &err);
    }
    arena_release(&a);
    for (size_t p = 0; p < npages; p++) {
        free(pages[p].chars);
        free(pages[p].hsegs);
        free(pages[p].vsegs);
    }
    free(pages);
    return 0;
}
