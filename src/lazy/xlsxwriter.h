/*
 * xlsxwriter.h — libxxgk's view of <xlsxwriter.h> (src/lazy/README.md): the real
 * header, then every libxlsxwriter function libxxgk calls redirected through a
 * table that is filled when the library is first needed (lazy.h). A
 * function missing from the list below is a link error for the xxgk
 * command: add it to the list and to the redirections.
 */
#ifndef XXGK_LAZY_XLSXWRITER_H
#define XXGK_LAZY_XLSXWRITER_H

#include_next <xlsxwriter.h>

#include "lazy.h"

#define LAZY_XLSXWRITER_SYMBOLS(X)           \
    X(format_set_align)                      \
    X(format_set_bg_color)                   \
    X(format_set_bold)                       \
    X(format_set_border)                     \
    X(format_set_font_color)                 \
    X(format_set_font_name)                  \
    X(format_set_font_size)                  \
    X(format_set_indent)                     \
    X(format_set_num_format)                 \
    X(format_set_rotation)                   \
    X(format_set_text_wrap)                  \
    X(format_set_underline)                  \
    X(format_set_unlocked)                   \
    X(lxw_rowcol_to_cell)                    \
    X(lxw_strerror)                          \
    X(workbook_add_format)                   \
    X(workbook_add_worksheet)                \
    X(workbook_close)                        \
    X(workbook_new)                          \
    X(workbook_new_opt)                      \
    X(workbook_set_properties)               \
    X(worksheet_activate)                    \
    X(worksheet_center_horizontally)         \
    X(worksheet_conditional_format_cell)     \
    X(worksheet_data_validation_cell)        \
    X(worksheet_fit_to_pages)                \
    X(worksheet_freeze_panes)                \
    X(worksheet_merge_range)                 \
    X(worksheet_print_area)                  \
    X(worksheet_protect)                     \
    X(worksheet_repeat_rows)                 \
    X(worksheet_set_column)                  \
    X(worksheet_set_footer)                  \
    X(worksheet_set_h_pagebreaks)            \
    X(worksheet_set_header)                  \
    X(worksheet_set_landscape)               \
    X(worksheet_set_margins)                 \
    X(worksheet_set_paper)                   \
    X(worksheet_set_row)                     \
    X(worksheet_write_blank)                 \
    X(worksheet_write_datetime)              \
    X(worksheet_write_formula_num)           \
    X(worksheet_write_formula_str)           \
    X(worksheet_write_number)                \
    X(worksheet_write_string)                \
    X(worksheet_write_url_opt)

/* The table: a pointer per function (per variable, for xmlFree). */
struct lazy_xlsxwriter {
#define LAZY_FIELD(f) __typeof__(f) *f;
    LAZY_XLSXWRITER_SYMBOLS(LAZY_FIELD)
#undef LAZY_FIELD
};
extern struct lazy_xlsxwriter lazy_xlsxwriter;

#define format_set_align(...) (LAZY_CALL(xlsxwriter, format_set_align)(__VA_ARGS__))
#define format_set_bg_color(...) (LAZY_CALL(xlsxwriter, format_set_bg_color)(__VA_ARGS__))
#define format_set_bold(...) (LAZY_CALL(xlsxwriter, format_set_bold)(__VA_ARGS__))
#define format_set_border(...) (LAZY_CALL(xlsxwriter, format_set_border)(__VA_ARGS__))
#define format_set_font_color(...) (LAZY_CALL(xlsxwriter, format_set_font_color)(__VA_ARGS__))
#define format_set_font_name(...) (LAZY_CALL(xlsxwriter, format_set_font_name)(__VA_ARGS__))
#define format_set_font_size(...) (LAZY_CALL(xlsxwriter, format_set_font_size)(__VA_ARGS__))
#define format_set_indent(...) (LAZY_CALL(xlsxwriter, format_set_indent)(__VA_ARGS__))
#define format_set_num_format(...) (LAZY_CALL(xlsxwriter, format_set_num_format)(__VA_ARGS__))
#define format_set_rotation(...) (LAZY_CALL(xlsxwriter, format_set_rotation)(__VA_ARGS__))
#define format_set_text_wrap(...) (LAZY_CALL(xlsxwriter, format_set_text_wrap)(__VA_ARGS__))
#define format_set_underline(...) (LAZY_CALL(xlsxwriter, format_set_underline)(__VA_ARGS__))
#define format_set_unlocked(...) (LAZY_CALL(xlsxwriter, format_set_unlocked)(__VA_ARGS__))
#define lxw_rowcol_to_cell(...) (LAZY_CALL(xlsxwriter, lxw_rowcol_to_cell)(__VA_ARGS__))
#define lxw_strerror(...) (LAZY_CALL(xlsxwriter, lxw_strerror)(__VA_ARGS__))
#define workbook_add_format(...) (LAZY_CALL(xlsxwriter, workbook_add_format)(__VA_ARGS__))
#define workbook_add_worksheet(...) (LAZY_CALL(xlsxwriter, workbook_add_worksheet)(__VA_ARGS__))
#define workbook_close(...) (LAZY_CALL(xlsxwriter, workbook_close)(__VA_ARGS__))
#define workbook_new(...) (LAZY_CALL(xlsxwriter, workbook_new)(__VA_ARGS__))
#define workbook_new_opt(...) (LAZY_CALL(xlsxwriter, workbook_new_opt)(__VA_ARGS__))
#define workbook_set_properties(...) (LAZY_CALL(xlsxwriter, workbook_set_properties)(__VA_ARGS__))
#define worksheet_activate(...) (LAZY_CALL(xlsxwriter, worksheet_activate)(__VA_ARGS__))
#define worksheet_center_horizontally(...) (LAZY_CALL(xlsxwriter, worksheet_center_horizontally)(__VA_ARGS__))
#define worksheet_conditional_format_cell(...) (LAZY_CALL(xlsxwriter, worksheet_conditional_format_cell)(__VA_ARGS__))
#define worksheet_data_validation_cell(...) (LAZY_CALL(xlsxwriter, worksheet_data_validation_cell)(__VA_ARGS__))
#define worksheet_fit_to_pages(...) (LAZY_CALL(xlsxwriter, worksheet_fit_to_pages)(__VA_ARGS__))
#define worksheet_freeze_panes(...) (LAZY_CALL(xlsxwriter, worksheet_freeze_panes)(__VA_ARGS__))
#define worksheet_merge_range(...) (LAZY_CALL(xlsxwriter, worksheet_merge_range)(__VA_ARGS__))
#define worksheet_print_area(...) (LAZY_CALL(xlsxwriter, worksheet_print_area)(__VA_ARGS__))
#define worksheet_protect(...) (LAZY_CALL(xlsxwriter, worksheet_protect)(__VA_ARGS__))
#define worksheet_repeat_rows(...) (LAZY_CALL(xlsxwriter, worksheet_repeat_rows)(__VA_ARGS__))
#define worksheet_set_column(...) (LAZY_CALL(xlsxwriter, worksheet_set_column)(__VA_ARGS__))
#define worksheet_set_footer(...) (LAZY_CALL(xlsxwriter, worksheet_set_footer)(__VA_ARGS__))
#define worksheet_set_h_pagebreaks(...) (LAZY_CALL(xlsxwriter, worksheet_set_h_pagebreaks)(__VA_ARGS__))
#define worksheet_set_header(...) (LAZY_CALL(xlsxwriter, worksheet_set_header)(__VA_ARGS__))
#define worksheet_set_landscape(...) (LAZY_CALL(xlsxwriter, worksheet_set_landscape)(__VA_ARGS__))
#define worksheet_set_margins(...) (LAZY_CALL(xlsxwriter, worksheet_set_margins)(__VA_ARGS__))
#define worksheet_set_paper(...) (LAZY_CALL(xlsxwriter, worksheet_set_paper)(__VA_ARGS__))
#define worksheet_set_row(...) (LAZY_CALL(xlsxwriter, worksheet_set_row)(__VA_ARGS__))
#define worksheet_write_blank(...) (LAZY_CALL(xlsxwriter, worksheet_write_blank)(__VA_ARGS__))
#define worksheet_write_datetime(...) (LAZY_CALL(xlsxwriter, worksheet_write_datetime)(__VA_ARGS__))
#define worksheet_write_formula_num(...) (LAZY_CALL(xlsxwriter, worksheet_write_formula_num)(__VA_ARGS__))
#define worksheet_write_formula_str(...) (LAZY_CALL(xlsxwriter, worksheet_write_formula_str)(__VA_ARGS__))
#define worksheet_write_number(...) (LAZY_CALL(xlsxwriter, worksheet_write_number)(__VA_ARGS__))
#define worksheet_write_string(...) (LAZY_CALL(xlsxwriter, worksheet_write_string)(__VA_ARGS__))
#define worksheet_write_url_opt(...) (LAZY_CALL(xlsxwriter, worksheet_write_url_opt)(__VA_ARGS__))

#endif
