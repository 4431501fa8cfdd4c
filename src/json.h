/*
 * json.h — a small streaming JSON writer. Output is written as it is
 * produced, numbers are exact decimals (no binary floating point), and
 * strings are escaped per RFC 8259.
 */
#ifndef XXGK_JSON_H
#define XXGK_JSON_H

#include <stdbool.h>
#include <stdio.h>

#include "xxgk.h"

typedef struct jw_writer {
    FILE *out;
    int depth;
    bool first[32]; /* no comma needed yet at this depth */
    bool pretty;
    bool after_key; /* a key was written; its value comes next */
} jw_writer;

void jw_init(jw_writer *w, FILE *out, bool pretty);
void jw_begin_object(jw_writer *w);
void jw_end_object(jw_writer *w);
void jw_begin_array(jw_writer *w);
void jw_end_array(jw_writer *w);
/* A member name inside an object; the next call writes its value. */
void jw_key(jw_writer *w, const char *key);
void jw_string(jw_writer *w, const char *s);
void jw_string_n(jw_writer *w, const char *s, size_t n);
void jw_int(jw_writer *w, long long v);
void jw_decimal(jw_writer *w, xxgk_decimal d);
void jw_bool(jw_writer *w, bool v);
void jw_null(jw_writer *w);

#endif
