/*
 * arena.h — one arena per parsed report.
 *
 * Everything a report owns (its copy of the input, the document blocks,
 * strings, the findings) is carved out of one arena, so a report is freed
 * in one call and nothing inside it is freed one by one.
 */
#ifndef XXGK_ARENA_H
#define XXGK_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
    arena_chunk *head;  /* the chunk being filled; older chunks follow */
    size_t chunk_size;  /* size of the next ordinary chunk */
    int failed;         /* set once an allocation failed */
} arena;

void arena_init(arena *a, size_t first_chunk);
void arena_release(arena *a);

/* Zeroed, 16-byte aligned memory, or NULL (and a->failed) when out of
 * memory. Never returns NULL for n == 0. */
void *arena_alloc(arena *a, size_t n);
/* Like arena_alloc, but the memory is not zeroed: for buffers that are
 * filled at once (copies of the input). */
void *arena_alloc_raw(arena *a, size_t n);
/* A NUL-terminated copy of s[0..n). */
char *arena_strndup(arena *a, const char *s, size_t n);
/* Grows an array allocated in the arena (old_bytes: the size it was
 * allocated with): returns it, or a new copy, with room for new_bytes
 * (old contents kept). The last allocation of the current chunk grows in
 * place when the chunk has room. */
void *arena_grow(arena *a, void *old, size_t old_bytes, size_t new_bytes);

#endif
