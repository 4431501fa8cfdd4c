/*
 * store_media.h — opening a store where nothing beside it can be
 * written (store_media.c).
 */
#ifndef XXGK_STORE_MEDIA_H
#define XXGK_STORE_MEDIA_H

#include <stdbool.h>

/* Whether the file begins with SQLite's header ("SQLite format 3"). */
bool store_is_sqlite_file(const char *path);
/* Whether no file can be made beside it: a read-only file system, or a
 * directory this process may not write to. */
bool store_beside_unwritable(const char *path);
/* Whether its -wal file holds commits not merged into it yet. */
bool store_has_pending_wal(const char *path);
/* "file:PATH?immutable=1", PATH percent-encoded where a URI needs it;
 * malloc'd, NULL when out of memory. */
char *store_immutable_uri(const char *path);

#endif
