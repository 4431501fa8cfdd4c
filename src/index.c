/*
 * index.c — builds the compiled index once (see index.h).
 */
#include "index.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
/* Set once the index is built: every accessor asks, so the common case
 * is one atomic load. */
static atomic_bool ready;
/* Set in the thread that builds, while it builds: the builders read the
 * parts built before them through the ordinary accessors. */
static _Thread_local bool building;

static void build(void)
{
    building = true;
    tpl_compile();
    label_compile();
    recognise_compile();
    crawl_compile();
    rules_compile();
    building = false;
    atomic_store_explicit(&ready, true, memory_order_release);
}

void index_ensure(void)
{
    if (atomic_load_explicit(&ready, memory_order_acquire) || building)
        return;
    pthread_once(&once, build);
}
