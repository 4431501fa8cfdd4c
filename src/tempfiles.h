/*
 * tempfiles.h — registering the library's temporary files so that a
 * signal handler can remove them (xxgk_remove_temporary_files, xxgk.h).
 */
#ifndef XXGK_TEMPFILES_H
#define XXGK_TEMPFILES_H

#include <stdbool.h>

#include "xxgk.h"

/* Records a temporary file (or, with `dir`, a directory tree) that now
 * exists. Returns a handle for temp_forget, or -1 when it could not be
 * recorded (then only the normal path removes it). Thread-safe. */
int temp_register(const char *path, bool dir);
/* Records the process group of a child working in the registered
 * directory: the handler kills it before removing the tree. */
void temp_set_group(int handle, int group);
/* The file is gone or kept (renamed into place): no longer to remove.
 * A handle of -1 is ignored. */
void temp_forget(int handle);

#endif
