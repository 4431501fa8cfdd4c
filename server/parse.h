/*
 * parse.h — what a request carries, parsed by code of our own with
 * bounds on everything: form fields (application/x-www-form-urlencoded
 * and multipart/form-data, files included) and cookies. Pure functions
 * over bytes, so that fuzz/fuzz_serve_parse.c can drive them.
 */
#ifndef XXGK_SERVER_PARSE_H
#define XXGK_SERVER_PARSE_H

#include <stdbool.h>
#include <stddef.h>

/* At most this many fields in one form (table 三 of the latest format has
 * about 200 cells; with sections and tables 二 and 四 a form has ~300). */
#define FORM_MAX_FIELDS 1024
/* A field name longer than this is refused. */
#define FORM_MAX_NAME 128

typedef struct form_field {
    char *name;          /* NUL-terminated, decoded */
    char *value;         /* NUL-terminated, decoded (files: the bytes, with a NUL after) */
    size_t len;          /* bytes of value */
    char *filename;      /* multipart file parts: the name the browser sent, else NULL */
} form_field;

typedef struct form {
    form_field *v;
    size_t n, cap;
} form;

/* Parses an urlencoded body (a=1&b=%E4%B8%AD+x) into f, appending.
 * Returns 0, or -1 on a malformed escape, too many fields or memory. */
int form_parse_urlencoded(form *f, const char *data, size_t len);

/* Parses a multipart/form-data body with the boundary of content_type
 * (the Content-Type header's value). Returns 0, or -1 when the type has
 * no boundary, the body does not follow the grammar or a limit is met. */
int form_parse_multipart(form *f, const char *content_type, const char *data, size_t len);

/* The value of the first field called name, or NULL. */
const char *form_get(const form *f, const char *name);
/* The first field called name (for files: its length and filename). */
const form_field *form_field_get(const form *f, const char *name);

void form_free(form *f);

/* The value of cookie `name` in a Cookie header ("a=1; b=2") into out
 * (size bytes with the NUL). False when absent, empty or too long. */
bool cookie_get(const char *header, const char *name, char *out, size_t size);

#endif
