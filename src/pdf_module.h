/*
 * pdf_module.h — the PDF module: the part of the PDF reader that sees
 * MuPDF, and the one door between it and the rest of libxxgk.
 *
 * The module (pdf_module.c, pdf_fast.c, pdf_font.c, pdf_collect.c,
 * pdf_mupdf.c) turns the bytes of a PDF into pages of characters and
 * rulings (pdf_layout.h); read_pdf.c lays them out. The xxgk command
 * loads the module as a shared object (xxgk-pdf.so, through lazy.c)
 * only when it meets a PDF, so that MuPDF and the dozen libraries it
 * needs cost nothing to the commands that read no PDF; the library's
 * own tests, benchmarks and fuzzers link it in (xxgk_internal), and
 * read_pdf.c then calls it directly.
 *
 * Nothing here may call into libxxgk: the module is loaded beside a
 * libxxgk whose symbols are hidden. What it gives back is plain data.
 */
#ifndef XXGK_PDF_MODULE_H
#define XXGK_PDF_MODULE_H

#include <stddef.h>

#include "pdf_layout.h"

/* How the pages are interpreted. AUTO is what the reader does: the fast
 * interpreter (pdf_fast.c), and MuPDF's own for a page it declines. The
 * two others are for tests and benchmarks that compare the two. */
typedef enum pdfm_mode {
    PDFM_AUTO = 0,
    PDFM_FAST,   /* the fast interpreter only; declined pages stay empty */
    PDFM_MUPDF   /* MuPDF's interpreter and structured-text device only */
} pdfm_mode;

typedef struct pdfm_result {
    int status;             /* an xxgk_status: XXGK_OK, or why not */
    char message[512];      /* the reason, in Chinese, when not OK */
    pdfl_page *pages;       /* npages pages (malloc'd; release() frees) */
    size_t npages;
    size_t chars;           /* characters kept over all pages */
    size_t garbled;         /* of which U+FFFD (no ToUnicode) */
    size_t images;          /* images drawn (a scan has only those) */
    size_t fast_pages;      /* pages the fast interpreter read */
    size_t mupdf_pages;     /* pages MuPDF's interpreter read */
    size_t declined[9];     /* pages the fast one declined, by reason (pdf_fast.h) */
    int budget_refused;     /* an allocation went over the memory limit */
    /* characters MuPDF's interpreter measured with a substitute for an
     * embedded font it could not load: their right edges are the
     * substitute's, where the fast interpreter's are the font's /Widths */
    size_t substituted;
    /* warnings and errors MuPDF met and got over (a damaged stream or
     * font, a broken object): a file read with none is sound */
    size_t complaints;
} pdfm_result;

/* Version of this interface: the loader refuses a module of another. */
#define PDFM_ABI 2

typedef struct xxgk_pdf_module {
    int abi;                /* PDFM_ABI */
    const char *version;    /* XXGK_VERSION of the build */
    /* Reads the PDF `data` into `out` (zeroed first). Never prints. */
    void (*read)(const char *data, size_t size, pdfm_mode mode, pdfm_result *out);
    /* Frees what read() put into `out`. */
    void (*release)(pdfm_result *out);
} xxgk_pdf_module;

/* The module's one exported symbol (dlsym'd by name). */
#define PDFM_SYMBOL "xxgk_pdf_module_v1"
extern const xxgk_pdf_module xxgk_pdf_module_v1;

#endif
