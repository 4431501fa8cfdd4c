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

typedef struct json_writer {
    FILE *out;
    int depth;
    bool first[32]; /* no comma needed yet at this depth */
    bool pretty;
    bool after_key; /* a key was written; its value comes next */
} json_writer;

void json_init(json_writer *w, FILE *out, bool pretty);
void json_begin_object(json_writer *w);
void json_end_object(json_writer *w);
void json_begin_array(json_writer *w);
void json_end_array(json_writer *w);
/* A member name inside an object; the next call writes its value. */
void json_key(json_writer *w, const char *key);
void json_string(json_writer *w, const char *s);
void json_string_n(json_writer *w, const char *s, size_t n);
void json_int(json_writer *w, long long v);
void json_decimal(json_writer *w, xxgk_decimal d);
void json_bool(json_writer *w, bool v);
void json_null(json_writer *w);

#endif
