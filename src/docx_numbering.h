/*
 * docx_numbering.h — automatic paragraph numbering of DOCX files
 * ("一、", "（二）", "1."), which Word writes into its text export but
 * which is not in the paragraphs' text (docx_numbering.c).
 */
#ifndef XXGK_DOCX_NUMBERING_H
#define XXGK_DOCX_NUMBERING_H

#include <zip.h>

#include "strbuf.h"

/* The largest numbering.xml or styles.xml read; larger ones are ignored
 * (the numbers are then not written, the text is read all the same). */
#define DOCX_MAX_PART ((size_t)8 * 1024 * 1024)

typedef struct docx_numbering docx_numbering;

/* The list definitions of word/numbering.xml, and the paragraph styles of
 * word/styles.xml that are numbered. NULL when the document numbers
 * nothing, or its definitions cannot be read. Freed with
 * docx_numbering_free. */
docx_numbering *docx_numbering_load(zip_t *za);
void docx_numbering_free(docx_numbering *nb);

/* Writes the label of a numbered paragraph into `out` ("一、"), advancing
 * the list's counters. `style_id` is the paragraph's style id ("" for none);
 * num_id and ilvl its own numbering (-1 when it states none; num_id 0
 * turns a style's numbering off). Writes nothing for a paragraph that
 * is not numbered, or for bullets. */
void docx_numbering_label(docx_numbering *nb, const char *style_id, int num_id, int ilvl,
                          strbuf *out);

#endif
