/*
 * xxgk.h — the one public header of libxxgk.
 *
 * libxxgk reads 政府信息公开工作年度报告 (the annual reports on government
 * information disclosure every Chinese government body publishes) into one
 * structured model, checks them against the national format and the 条例,
 * and writes them back out.
 *
 * Conventions
 *  - Every function that can fail returns an xxgk_status and, when given a
 *    non-NULL xxgk_error, fills it with a message naming the reason.
 *  - The library never prints and never exits; the CLI formats.
 *  - Objects returned through an `out` pointer are owned by the caller and
 *    freed with the matching _free function; _free(NULL) is a no-op.
 *  - Pointers returned by accessors (strings, cells, findings) stay valid
 *    until the object they came from is freed.
 *  - All text is UTF-8.
 */
#ifndef XXGK_H
#define XXGK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define XXGK_VERSION "0.1.0"

/* ------------------------------------------------------------------ */
/* Status codes                                                        */
/* ------------------------------------------------------------------ */

/* Why an operation failed. Problems *inside* a report are findings, not
 * statuses: a status means the input could not be read as a report. */
typedef enum xxgk_status {
    XXGK_OK = 0,
    XXGK_E_IO,          /* the file cannot be opened or read */
    XXGK_E_EMPTY,       /* the input is empty or only white space */
    XXGK_E_BINARY,      /* the input is binary data, not text */
    XXGK_E_ENCODING,    /* the text is neither UTF-8 nor GB18030 */
    XXGK_E_TRUNCATED,   /* the input stops in the middle of the report */
    XXGK_E_NOT_REPORT,  /* no annual report structure was found */
    XXGK_E_OLD_FORMAT,  /* a report in the pre-2019 format */
    XXGK_E_TOO_LARGE,   /* over a size limit (see XXGK_MAX_INPUT) */
    XXGK_E_UNSUPPORTED, /* a file type that cannot be read */
    XXGK_E_NOMEM,       /* out of memory */
    XXGK_E_USAGE        /* the caller passed invalid arguments */
} xxgk_status;

/* Stable ASCII name of a status ("io", "empty", …), for machine output. */
const char *xxgk_status_name(xxgk_status status);

/* A short Chinese description of a status, for people. */
const char *xxgk_status_text(xxgk_status status);

/* The reason for a failure, with the detail (file name, byte offset, …). */
typedef struct xxgk_error {
    xxgk_status status;
    char message[256]; /* Chinese, one line, no trailing newline */
} xxgk_error;

/* Inputs larger than this are refused with XXGK_E_TOO_LARGE: no real
 * report comes near it, and it bounds the memory one parse can take. */
#define XXGK_MAX_INPUT ((size_t)64 * 1024 * 1024)

/* ------------------------------------------------------------------ */
/* Formats and the cell registry                                       */
/* ------------------------------------------------------------------ */

/* The two national formats. The 2019 format serves the reports for 2019
 * and 2020, the 2021 format every later year. */
typedef enum xxgk_format {
    XXGK_FORMAT_UNKNOWN = 0,
    XXGK_FORMAT_2019 = 2019,
    XXGK_FORMAT_2021 = 2021
} xxgk_format;

/* The format a report for `year` must use (UNKNOWN before 2019). */
xxgk_format xxgk_format_for_year(int year);

/* Every cell of every format has a stable key `table.row.column`
 * (shared/spec/model.md) and a dense id 0 … xxgk_cell_count()-1.
 * Ids are in template order: table 二 (2019 cells, then 2021 cells),
 * table 三, table 四. */
size_t xxgk_cell_count(void);
const char *xxgk_cell_key(size_t id);
/* The id of `key`, or -1 when no format has that key. */
int xxgk_cell_find(const char *key);
/* Whether `format` has the cell: a 2021 report has no t2.procurement. */
bool xxgk_format_has_cell(xxgk_format format, size_t id);
/* The official row and column labels of a cell ("规章", "本年新制作数量"). */
const char *xxgk_cell_row_label(size_t id);
const char *xxgk_cell_column_label(size_t id);

/* ------------------------------------------------------------------ */
/* Values                                                              */
/* ------------------------------------------------------------------ */

/* An exact decimal: value = units / 10^scale. Counts have scale 0;
 * money in 万元 keeps the digits the report wrote (1306.14 → 130614, 2). */
typedef struct xxgk_decimal {
    int64_t units;
    uint8_t scale;
} xxgk_decimal;

/* Writes the decimal as the shortest exact text ("1.4667", "-185", "0")
 * into buf (at least 32 bytes). Returns buf. */
char *xxgk_decimal_format(xxgk_decimal value, char *buf, size_t size);

typedef enum xxgk_value_kind {
    XXGK_VALUE_ABSENT = 0, /* the report does not have this cell */
    XXGK_VALUE_BLANK,      /* the cell is there but empty (not zero!) */
    XXGK_VALUE_NUMBER      /* a number */
} xxgk_value_kind;

/* How a value was written, for the checker. */
enum {
    XXGK_CELL_UNIT_YUAN = 1 << 0,    /* written with 元, converted to 万元 */
    XXGK_CELL_UNIT_WANYUAN = 1 << 1, /* written with 万元 */
    XXGK_CELL_MEASURE = 1 << 2,      /* a measure word followed (11个) */
    XXGK_CELL_FOREIGN = 1 << 3,      /* the row belongs to the other format */
    XXGK_CELL_RECOVERED = 1 << 4,    /* recovered from glued digits */
    XXGK_CELL_DASH = 1 << 5,         /* blank written as a dash or 无 */
    XXGK_CELL_FRACTION = 1 << 6      /* a count written with decimals */
};

typedef struct xxgk_cell {
    xxgk_value_kind kind;
    xxgk_decimal value; /* meaningful when kind == XXGK_VALUE_NUMBER */
    uint32_t line;      /* 1-based line of the input, 0 when unknown */
    uint32_t column;    /* 1-based byte column in that line, 0 if unknown */
    uint32_t length;    /* bytes of the cell text at that position */
    uint32_t flags;     /* XXGK_CELL_* */
    const char *raw;    /* the cell text as written ("14667元"), or "" */
} xxgk_cell;

/* ------------------------------------------------------------------ */
/* Reports                                                             */
/* ------------------------------------------------------------------ */

typedef struct xxgk_report xxgk_report;

/* What the report says about itself. Strings are NULL when not stated. */
typedef struct xxgk_meta {
    int year;            /* the year reported on, 0 when unknown */
    xxgk_format format;  /* recognised from the tables */
    const char *title;   /* white space removed, broken lines joined */
    const char *body;    /* issuing body: signature, else the title's */
    const char *date;    /* signing date, ISO 8601 */
    const char *period_from, *period_to; /* statistical period, ISO */
    uint32_t title_line, body_line, date_line, period_line;
} xxgk_meta;

/* Parses a report held in memory. `name` names the input in messages
 * (a file name, or "-" for standard input). The input is copied; `data`
 * need not outlive the call. On success *out holds a new report. */
xxgk_status xxgk_report_parse(const char *data, size_t size, const char *name,
                              xxgk_report **out, xxgk_error *err);

/* Reads and parses the file at `path` ("-" reads standard input). */
xxgk_status xxgk_report_read_file(const char *path, xxgk_report **out,
                                  xxgk_error *err);

void xxgk_report_free(xxgk_report *report);

const char *xxgk_report_name(const xxgk_report *report);
const xxgk_meta *xxgk_report_meta(const xxgk_report *report);
/* The value of cell `id` (never NULL; kind ABSENT when not present). */
const xxgk_cell *xxgk_report_cell(const xxgk_report *report, size_t id);

/* Line `line` (1-based) of the normalised input text, without its line
 * end; NULL past the end. *len receives its length in bytes. */
const char *xxgk_report_line(const xxgk_report *report, uint32_t line,
                             size_t *len);

/* The narrative text of section n (1 … 6) as printed, its paragraphs
 * joined by "\n", without the heading; n = 0 is the text between the
 * title and the first heading. NULL when the report has no such text. */
const char *xxgk_report_section_text(const xxgk_report *report, int n);

/* The normalised text the report was read from (for HTML, DOCX and PDF
 * the text their reader made of them); line numbers refer to it. */
const char *xxgk_report_text(const xxgk_report *report, size_t *size);

/* ------------------------------------------------------------------ */
/* Checking                                                            */
/* ------------------------------------------------------------------ */

typedef enum xxgk_severity {
    XXGK_NOTE = 0,
    XXGK_WARNING = 1,
    XXGK_ERROR = 2
} xxgk_severity;

/* "note", "warning", "error"; and the Chinese words 提示, 警告, 错误. */
const char *xxgk_severity_name(xxgk_severity severity);
const char *xxgk_severity_text(xxgk_severity severity);

/* One rule of the catalogue (docs/rules.md is generated from it). */
typedef struct xxgk_rule {
    const char *id;          /* stable: "t3-balance", "heading-missing" */
    xxgk_severity severity;  /* its usual severity */
    const char *category;    /* structure, shape, labels, arithmetic, units,
                                format, prose, identity, dates, across-years */
    const char *basis;       /* the article of the 条例 or clause of the format */
    const char *title;       /* one line, Chinese */
    const char *explanation; /* a paragraph, Chinese: why it matters, what to do */
} xxgk_rule;

size_t xxgk_rule_count(void);
const xxgk_rule *xxgk_rule_at(size_t i);
const xxgk_rule *xxgk_rule_find(const char *id);

/* A problem found in a report. */
typedef struct xxgk_finding {
    xxgk_severity severity;
    const char *rule;        /* rule id (xxgk_rule_find gives the rest) */
    uint32_t line;           /* 1-based line of the report's text, 0 if none */
    uint32_t column, length; /* byte span in that line to mark, 0 if none */
    const char *message;     /* a sentence a clerk understands, Chinese */
    const char *expected;    /* the value it should have ("应为 4，实际合计 0"),
                                or NULL */
    const int *cells;        /* ids of the cells involved */
    size_t ncells;
} xxgk_finding;

/* Runs every rule on the report. `previous`, when not NULL, is the same
 * body's report for the year before, for the rules across years. The
 * findings belong to the report (replaced by a new call), sorted by line. */
xxgk_status xxgk_report_check(xxgk_report *report, const xxgk_report *previous);

size_t xxgk_report_finding_count(const xxgk_report *report);
const xxgk_finding *xxgk_report_finding(const xxgk_report *report, size_t i);
/* Number of findings of exactly this severity. */
size_t xxgk_report_count(const xxgk_report *report, xxgk_severity severity);

/* ------------------------------------------------------------------ */
/* Output of the model                                                 */
/* ------------------------------------------------------------------ */

/* JSON as fixed in shared/spec/model.md: one object with "meta" and
 * "cells" (null for blank cells, absent keys for absent cells), followed
 * by a newline. Returns 0, or -1 when writing failed (errno set). */
int xxgk_report_write_json(const xxgk_report *report, FILE *out);

/* `key<TAB>value` lines: meta.* first, then every present cell in
 * template order, an empty value for a blank cell. `prefix`, when not
 * NULL, starts every line (the CLI passes "FILE<TAB>" for many files). */
int xxgk_report_write_cells(const xxgk_report *report, const char *prefix,
                            FILE *out);

/* The findings as JSON (shared/spec/model.md): one object with "file",
 * "meta" and "findings", each finding with severity, rule, line, cells,
 * message (and column, expected when known), then a newline. Only
 * findings of at least `min` severity are written. */
int xxgk_report_write_findings_json(const xxgk_report *report, xxgk_severity min, FILE *out);

/* ------------------------------------------------------------------ */
/* Writing reports (build.c, model_json.c, render_*.c, atomic.c)       */
/* ------------------------------------------------------------------ */

/* A new, empty report for `year` in `format` (XXGK_FORMAT_UNKNOWN: the
 * format the year requires), issued by `body` (may be NULL). Every cell
 * is absent and no section has text; fill them with the setters below or
 * with xxgk_report_fill_skeleton. Fails with XXGK_E_USAGE for a year
 * before 2019 or a format the year does not allow. */
xxgk_status xxgk_report_new(int year, xxgk_format format, const char *body,
                            xxgk_report **out, xxgk_error *err);

/* Setters of the meta data. Strings are copied; NULL clears the field.
 * Dates are ISO `YYYY-MM-DD` and are validated (XXGK_E_USAGE; a period
 * must not end before it starts). XXGK_E_NOMEM when out of memory. */
xxgk_status xxgk_report_set_title(xxgk_report *report, const char *title);
xxgk_status xxgk_report_set_body(xxgk_report *report, const char *body);
xxgk_status xxgk_report_set_date(xxgk_report *report, const char *date);
xxgk_status xxgk_report_set_period(xxgk_report *report, const char *from,
                                   const char *to);

/* Sets cell `id` to a number, to blank (present but empty), or back to
 * absent. XXGK_E_USAGE for an id out of range or a scale over 18. Any
 * decimal is taken, also in a count cell: judging it is the checker's
 * work (a report may print 2.5 applications; the model keeps it). */
xxgk_status xxgk_report_set_number(xxgk_report *report, size_t id,
                                   xxgk_decimal value);
xxgk_status xxgk_report_set_blank(xxgk_report *report, size_t id);
xxgk_status xxgk_report_set_absent(xxgk_report *report, size_t id);

/* Sets the narrative text of section n (0 = the text between the title
 * and section 一, 1 … 6), paragraphs separated by "\n". NULL clears it. */
xxgk_status xxgk_report_set_section_text(xxgk_report *report, int n,
                                         const char *text);

/* The model's text of section n: xxgk_report_section_text without what
 * the meta data already says — the title lines at the start of section 0
 * and the signature (body, date) at the end of the last section — and
 * without the caption of an HTML table (表一　主动公开政府信息情况) ending
 * sections 2–4, so that rendering a parsed report prints them once.
 * *len receives its length; NULL (and *len 0) when the section has no
 * text. The text is not NUL-terminated at *len. */
const char *xxgk_report_model_section(const xxgk_report *report, int n,
                                      size_t *len);

/* Fills a report made by xxgk_report_new into a complete skeleton: a
 * title, the statistical period (the calendar year), every cell of its
 * format (0, or blank when `blank` is true) and placeholder text for
 * every narrative section saying what the format requires there. The
 * placeholder text contains XXGK_PLACEHOLDER so that it is not
 * published by mistake (xxgk_report_has_placeholder). */
#define XXGK_PLACEHOLDER "【待填写】"
xxgk_status xxgk_report_fill_skeleton(xxgk_report *report, bool blank);
/* The first section (0 … 6) whose text still holds XXGK_PLACEHOLDER,
 * or -1. */
int xxgk_report_has_placeholder(const xxgk_report *report);

/* Reads a report model from JSON (docs/model.md: "meta", "cells" and
 * the optional "sections" object of texts keyed "0" … "6"; docs/
 * writing.md), as `parse --sections`, `new` and `render --to json` print
 * it. Cells are numbers or null; invalid JSON, an unknown cell key, a
 * value that is neither, a missing year or an invalid date fails with
 * XXGK_E_USAGE and a message naming the key or the place. `name` becomes
 * the report's name (xxgk_report_name). */
xxgk_status xxgk_report_parse_json(const char *data, size_t size, const char *name,
                                   xxgk_report **out, xxgk_error *err);

/* Reads `path` ("-": standard input): a JSON model when the content is
 * a JSON object, else a report in any form xxgk_report_parse reads. */
xxgk_status xxgk_report_read_model(const char *path, xxgk_report **out,
                                   xxgk_error *err);

/* The model as JSON: "file" (when the report came from a file), "meta",
 * "cells" as xxgk_report_write_json, then "sections" with the model text
 * of every section that has some. XXGK_MODEL_PRETTY writes one member
 * per line (for editing by hand). Returns 0, or -1 when writing failed. */
enum { XXGK_MODEL_PRETTY = 1 << 0 };
int xxgk_report_write_model(const xxgk_report *report, int flags, FILE *out);

/* Checks a report as it will be written: renders it as text, reads
 * that back and runs every rule (xxgk_report_check) on it, so that a
 * report built in code or read from JSON is checked like a published
 * one. *checked receives that report with its findings (free it with
 * xxgk_report_free); its text is the rendered text, which the findings'
 * line numbers refer to (`xxgk render FILE --to txt` prints it). */
xxgk_status xxgk_report_check_output(const xxgk_report *report, xxgk_report **checked,
                                     xxgk_error *err);

/* Output formats of xxgk_report_render. */
typedef enum xxgk_render_format {
    XXGK_RENDER_UNKNOWN = 0,
    XXGK_RENDER_JSON,     /* the model (xxgk_report_write_model, pretty) */
    XXGK_RENDER_TEXT,     /* plain text, tables as `|` rows */
    XXGK_RENDER_MARKDOWN, /* Markdown with pipe tables */
    XXGK_RENDER_HTML,     /* one self-contained, printable, accessible page */
    XXGK_RENDER_DOCX,     /* Word, official layout, GB/T 9704 page set-up */
    XXGK_RENDER_XLSX      /* the three tables on their own sheets */
} xxgk_render_format;

/* The format named "docx", "html", "md", "txt", … (also "markdown",
 * "text", "htm"), or UNKNOWN. */
xxgk_render_format xxgk_render_format_from_name(const char *name);
/* The format a file name's extension asks for, or UNKNOWN. */
xxgk_render_format xxgk_render_format_from_path(const char *path);
/* The usual extension of a format ("docx"), without the dot. */
const char *xxgk_render_format_extension(xxgk_render_format format);

/* Writes the report in `format` to `out`. The tables are laid out from
 * the format's template with the official merged header cells; every
 * cell of the format is printed (an absent cell as blank); cells of the
 * other format are not printed. Fails with XXGK_E_USAGE when the report
 * has no format or year, XXGK_E_IO when writing fails. */
xxgk_status xxgk_report_render(const xxgk_report *report, xxgk_render_format format,
                               FILE *out, xxgk_error *err);

/* Renders into the file at `path` atomically: a temporary file in the
 * same directory, written, flushed to disk, then put in place. Without
 * `overwrite` an existing file is left alone and the call fails with
 * XXGK_E_IO ("文件已存在"). On failure nothing is left behind. */
xxgk_status xxgk_report_render_file(const xxgk_report *report, xxgk_render_format format,
                                    const char *path, bool overwrite, xxgk_error *err);

#ifdef __cplusplus
}
#endif

#endif /* XXGK_H */
