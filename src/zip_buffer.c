/*
 * zip_buffer.c — see zip_buffer.h.
 */
#include "zip_buffer.h"

#include "input.h"

zip_t *zip_buffer_open(const char *data, size_t size, const char *kind, long long max_entries,
                       xxgk_error *err)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, size, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!za) {
        error_set(err, XXGK_E_TRUNCATED, "压缩包损坏或不完整，无法作为 %s 读取（%s）", kind,
                  zip_error_strerror(&ze));
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    zip_int64_t entries = zip_get_num_entries(za, 0);
    if (entries < 0 || entries > max_entries) {
        zip_discard(za);
        error_set(err, XXGK_E_TOO_LARGE, "%s 文件的压缩包条目过多（%lld 个，上限 %lld 个）", kind,
                  (long long)entries, max_entries);
        return NULL;
    }
    return za;
}
