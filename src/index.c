/*
 * index.c — builds the compiled index once (see index.h).
 */
#include "index.h"

#include <pthread.h>
#include <stdbool.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
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
}

void index_ensure(void)
{
    if (!building)
        pthread_once(&once, build);
}
