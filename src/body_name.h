/*
 * body_name.h — the names of issuing bodies: one normal form, when two
 * names are the same body, and an index of a roster's names and aliases
 * to find the body a report names (body_name.c).
 *
 * A report names its body as it likes: 洪泽区人民政府, 淮安市洪泽区人民政府,
 * 洪泽区政府; 高良涧街道办事处 or 洪泽区高良涧街道. The normal form drops
 * white space and the words that only say what kind of organ it is
 * (人民政府 → 政府, a trailing 政府, a trailing 办事处), so the first three
 * become 洪泽区 and 淮安市洪泽区. Two normal forms are the same body when
 * they are equal, or when one is the other with higher administrative
 * levels before it (淮安市 + 洪泽区: the part before ends in 省 市 县 区 州
 * 盟 旗). Nothing else is guessed: a name that matches no body, or more
 * than one, is reported as such by the callers.
 */
#ifndef XXGK_BODY_NAME_H
#define XXGK_BODY_NAME_H

#include <stdbool.h>
#include <stddef.h>

/* Longest normal form kept (bytes, with the NUL); longer names are cut
 * at a character boundary. */
#define BODY_NAME_MAX 256

/* Writes the normal form of `name` into out (BODY_NAME_MAX bytes) and
 * returns its length; 0 for NULL or a name of white space only. */
size_t body_norm(const char *name, char *out);

/* Whether two normal forms name the same body: equal, or one is the
 * other preceded by higher administrative levels. */
bool body_same(const char *a, const char *b);

/* Names (normal forms) to body numbers. */
typedef struct body_index body_index;

body_index *body_index_new(void);
void body_index_free(body_index *ix);

/* Adds a name or alias of body `body` (a number the caller gives its
 * bodies, such as the roster position). False when out of memory. Empty
 * names are ignored. */
bool body_index_add(body_index *ix, const char *name, int body);

/* The bodies `name` matches: those with a name or alias of the same
 * normal form; when none has, those whose name is `name` with or without
 * higher levels. Writes up to `cap` distinct body numbers (ascending)
 * into out and returns how many there are, which may be more than cap. */
size_t body_index_match(const body_index *ix, const char *name, int *out, size_t cap);

#endif
