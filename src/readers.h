/*
 * readers.h — readers for the forms reports are published in.
 *
 * Every reader turns its input into the text layout of Word-extracted
 * reports (shared/samples): paragraphs one per line; each table row as
 * one line per cell starting with a TAB, then a blank line; merged cells
 * as in Word's own text export (a vertically merged cell repeats as an
 * empty TAB line, a horizontally merged one is a single cell). The text
 * reader and the recogniser then work unchanged on every input type, and
 * line numbers in findings refer to that text (`xxgk parse --format text`
 * shows it).
 */
#ifndef XXGK_READERS_H
#define XXGK_READERS_H

#include <stddef.h>

#include "arena.h"
#include "input.h"
#include "xxgk.h"

/* Converts `data` (of the kind the reader handles) into normalised text
 * in the arena. Fails with a status and a message naming the reason. */
typedef xxgk_status (*reader_fn)(arena *a, const char *data, size_t size, input_text *out,
                                 xxgk_error *err);

/* The reader for a kind of input, or NULL when there is none. */
reader_fn reader_for(input_kind kind);

/* The readers. */
xxgk_status read_crawl(arena *a, const char *data, size_t size, input_text *out,
                       xxgk_error *err);

#endif
