/*
 * sentences.h — a report's narrative sentences as hashes, to measure how
 * much of its text is found in another report (sentences.c).
 *
 * Copying is judged sentence by sentence: a sentence counts as found in
 * another report when the two read the same once what a copier changes
 * as a matter of course is set aside — numbers and years (every run of
 * digits reads as one 0), punctuation and white space, the body's own
 * name, and how it calls itself (我镇, 我街道, 我局 all read as 我). A
 * reworded sentence is not found: this measures copying, not paraphrase.
 * Headings, the title, the signature and sentences of fewer than
 * SENTENCE_MIN_CHARS characters (例如“无。”) are left out.
 */
#ifndef XXGK_SENTENCES_H
#define XXGK_SENTENCES_H

#include <stddef.h>
#include <stdint.h>

#include "xxgk.h"

/* Shorter normalised sentences are not counted. */
#define SENTENCE_MIN_CHARS 10

/* More than this share of a report's sentences found elsewhere is what
 * assessors penalise as copied (照抄照搬), provided the report has at
 * least SENTENCE_MIN_COUNT sentences to judge by. */
#define SENTENCE_COPIED_SHARE 0.5
#define SENTENCE_MIN_COUNT 4

/* Hashes are kept to 47 bits: stored in SQLite as 6-byte integers, and
 * at 200,000 reports the chance that two different sentences of one
 * year share a hash stays below one in a million per sentence. */
#define SENTENCE_HASH_MASK ((UINT64_C(1) << 47) - 1)

/* The hashes of the report's sentences, sorted and each once, in a
 * malloc'd array (*out, NULL when there are none) of *n. -1 when out of
 * memory, else 0. */
int sentences_hash(const xxgk_report *r, uint64_t **out, size_t *n);

/* The hash of one sentence as sentences_hash makes it, `body` being the
 * report's body (NULL when unknown); 0 with *counted false when the
 * sentence is too short to count. For tests and tools. */
uint64_t sentence_hash_one(const char *sentence, size_t len, const char *body, int *counted);

/* How many hashes two sorted arrays have in common. */
size_t sentences_shared(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

#endif
