/*
 * label.h — comparing the labels real reports print with the official
 * ones: normalisation, exact and variant lookup, and a bounded fuzzy
 * match for misspellings.
 */
#ifndef XXGK_LABEL_H
#define XXGK_LABEL_H

#include <stdbool.h>
#include <stddef.h>

#include "template.h"

#define LABEL_MAX 384
#define LABEL_SEGS 16

/* A label reduced to what identifies it: folded, white space and
 * punctuation dropped, parenthetical notes dropped ("（区分处理的…）",
 * "（本单位制发的）"), numbering ("（三）", "1.", "三、") turned into
 * segment breaks. "（三）不予 以公 开 1、属于国家秘密" has the segments
 * "不予以公开" and "属于国家秘密". */
typedef struct label_key {
    char text[LABEL_MAX];
    size_t len;
    int nseg;
    size_t seg[LABEL_SEGS]; /* start offset of each segment in text */
} label_key;

void label_key_init(label_key *k);
/* Appends a cell's text; a cell boundary is a segment break. */
void label_key_add(label_key *k, const char *s, size_t len);

/* Like label_key_add, but keeps what parenthetical notes say (only the
 * parentheses go): to tell "只记这一情形" from the official "只计这一情形"
 * once a label has matched. */
void label_key_add_notes(label_key *k, const char *s, size_t len);

/* Whether `printed` says the same as the official label `official` once
 * numbering, spacing and punctuation are set aside. */
bool label_same_wording(const char *printed, size_t len, const char *official);

/* How well a label matched. */
enum { MATCH_NONE = 0, MATCH_EXACT, MATCH_VARIANT, MATCH_FUZZY };

/* The most matches a label has: one per table of its section, of every
 * format (规章 is a row of every table 二). */
#define LABEL_MATCHES 8

typedef struct label_match {
    const tpl_table *table;
    int index;   /* row index (rows) or column index (columns) */
    int quality; /* MATCH_* */
} label_match;

/* Matches a row label against the rows of every table of every format,
 * preferring tables of `section` (2…4, or 0 for any). One match per table
 * is returned (table 二 of each format has 规章); the return value is
 * their number. Group rows match too. */
int label_match_row(const label_key *k, int section, label_match out[LABEL_MATCHES]);

/* Matches a header cell against the columns of the tables of `section`
 * (every format). Returns the number of matches. */
int label_match_column(const label_key *k, int section, label_match out[LABEL_MATCHES]);

/* Edit distance between two UTF-8 strings in code points, or max+1 when
 * it exceeds max. */
int label_distance(const char *a, size_t al, const char *b, size_t bl, int max);

/* Parses a caption like "第二十条第（一）项": article and item numbers.
 * Returns false when the text is not such a caption. */
bool label_parse_caption(const char *s, size_t len, int *article, int *item);

/* Parses Chinese numerals (一 … 九十九, 〇/零 digits) or ASCII digits at
 * s[*i]; advances *i. Returns -1 when there is no numeral. */
int label_parse_numeral(const char *s, size_t len, size_t *i);

#endif
