/*
 * arena.c — bump allocator backing one report (see arena.h).
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct arena_chunk {
    arena_chunk *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

void arena_init(arena *a, size_t first_chunk)
{
    a->head = NULL;
    a->chunk_size = first_chunk ? first_chunk : 16384;
    a->failed = 0;
}

void arena_release(arena *a)
{
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

static arena_chunk *new_chunk(arena *a, size_t need)
{
    size_t size = a->chunk_size;
    if (size < need)
        size = need;
    arena_chunk *c = malloc(sizeof *c + size);
    if (!c) {
        a->failed = 1;
        return NULL;
    }
    c->used = 0;
    c->size = size;
    c->next = a->head;
    a->head = c;
    /* Grow geometrically so a large input needs few chunks, but cap the
     * step so a small report does not reserve megabytes. */
    if (a->chunk_size < (1u << 20))
        a->chunk_size *= 2;
    return c;
}

void *arena_alloc(arena *a, size_t n)
{
    void *p = arena_alloc_raw(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

void *arena_alloc_raw(arena *a, size_t n)
{
    size_t need = (n + 15) & ~(size_t)15;
    if (need == 0)
        need = 16;
    if (need < n) { /* overflow */
        a->failed = 1;
        return NULL;
    }
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < need) {
        c = new_chunk(a, need);
        if (!c)
            return NULL;
    }
    void *p = c->data + c->used;
    c->used += need;
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc_raw(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void *arena_grow(arena *a, void *old, size_t old_bytes, size_t new_bytes)
{
    /* The array made last in the current chunk grows where it is when the
     * chunk has room: a table row's cells, a list built in one go, need
     * no copy and leave no abandoned copies behind. */
    arena_chunk *c = a->head;
    size_t old_need = (old_bytes + 15) & ~(size_t)15, new_need = (new_bytes + 15) & ~(size_t)15;
    if (old && c && old_bytes && new_need >= old_need && new_need >= new_bytes &&
        (unsigned char *)old + old_need == c->data + c->used &&
        new_need - old_need <= c->size - c->used) {
        c->used += new_need - old_need;
        return old;
    }
    void *p = arena_alloc_raw(a, new_bytes);
    if (p && old && old_bytes)
        memcpy(p, old, old_bytes < new_bytes ? old_bytes : new_bytes);
    return p;
}
