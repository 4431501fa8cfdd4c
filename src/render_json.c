/*
 * render_json.c — the report model as JSON: what `parse` prints plus the
 * text of the six sections, so that a parsed or new report can be edited
 * and rendered again (model_json.c reads it back).
 */
#include <string.h>

#include "json.h"
#include "render.h"
#include "report.h"

xxgk_status xxgk_report_write_model(const xxgk_report *r, int flags, FILE *out)
{
    jw_writer w;
    jw_init(&w, out, (flags & XXGK_MODEL_PRETTY) != 0);
    jw_begin_object(&w);
    const char *name = xxgk_report_name(r);
    if (name && strcmp(name, "-") != 0) {
        jw_key(&w, "file");
        jw_string(&w, name);
    }
    jw_key(&w, "meta");
    report_write_meta_json(r, &w);
    jw_key(&w, "cells");
    report_write_cells_json(r, render_format_of(r), &w);
    jw_key(&w, "sections");
    jw_begin_object(&w);
    for (int s = 0; s <= 6; s++) {
        size_t len;
        const char *text = xxgk_report_model_section(r, s, &len);
        if (!text)
            continue;
        char key[2] = {(char)('0' + s), '\0'};
        jw_key(&w, key);
        jw_string_n(&w, text, len);
    }
    jw_end_object(&w);
    jw_end_object(&w);
    fputc('\n', out);
    return ferror(out) ? XXGK_E_IO : XXGK_OK;
}
