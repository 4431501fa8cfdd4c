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
/* The report store (xxgk db): an SQLite file of many reports          */
/* ------------------------------------------------------------------ */

/* A store is one SQLite database (schema: docs/schema.md). Every stored
 * report keeps its metadata, every cell, every finding and the SHA-256 of
 * the file it was read from. Reports are identified by their content: the
 * same file imported twice is one report; a changed file at a path already
 * imported is a new version of it, and only the newest version of each
 * path is "current" (what list, rollup, stats and export see). */
typedef struct xxgk_store xxgk_store;

/* Opens (creating when absent and not read_only) the store at `path`,
 * bringing an older schema up to date. Read-only stores refuse every
 * change. Fails with XXGK_E_IO and the reason. Free with xxgk_store_close. */
xxgk_status xxgk_store_open(const char *path, bool read_only, xxgk_store **out,
                            xxgk_error *err);
void xxgk_store_close(xxgk_store *store);

/* The schema version the library writes (docs/schema.md). */
int xxgk_store_schema_version(void);

/* What happened to one file during an import. */
typedef enum xxgk_import_outcome {
    XXGK_IMPORT_NEW = 0,   /* a report not stored before */
    XXGK_IMPORT_VERSION,   /* a new content for a path stored before */
    XXGK_IMPORT_UNCHANGED, /* the same content is already stored */
    XXGK_IMPORT_FAILED     /* could not be read as a report: see error */
} xxgk_import_outcome;

typedef struct xxgk_import_event {
    const char *path;          /* the file, as found */
    xxgk_import_outcome outcome;
    int64_t report_id;         /* the stored report (0 when FAILED) */
    const xxgk_error *error;   /* why it FAILED, else NULL */
    size_t done, total;        /* files handled so far, files in all */
} xxgk_import_event;

/* Called once per file, in the order the files were found, from the
 * thread that called xxgk_store_import. */
typedef void (*xxgk_import_fn)(void *ctx, const xxgk_import_event *event);

typedef struct xxgk_import_options {
    int threads;          /* parsing threads; 0 = one per core */
    bool check;           /* run the checker and store the findings */
    xxgk_import_fn on_file; /* may be NULL */
    void *ctx;
} xxgk_import_options;

typedef struct xxgk_import_summary {
    size_t files;        /* files found (directories walked recursively) */
    size_t added;        /* NEW */
    size_t versions;     /* VERSION */
    size_t unchanged;    /* UNCHANGED */
    size_t failed;       /* FAILED */
    size_t with_errors;  /* stored reports with an error-severity finding */
} xxgk_import_summary;

/* Reads every file of `paths` (directories recursively: files named
 * .txt .md .htm .html .docx .pdf .doc .wps, hidden ones skipped), parses
 * them in parallel and stores each report in a transaction of its own, so
 * an interrupted import leaves only whole reports and a re-run completes
 * it. A file that cannot be read is reported through on_file and does not
 * stop the import; the call itself fails only when the store cannot be
 * written (XXGK_E_IO) or the arguments are wrong (XXGK_E_USAGE, also for a
 * store opened read-only). `options` may be NULL: one thread per core, no
 * checking, no callback. `summary` may be NULL. */
xxgk_status xxgk_store_import(xxgk_store *store, const char *const *paths, size_t npaths,
                              const xxgk_import_options *options,
                              xxgk_import_summary *summary, xxgk_error *err);

/* Which current reports a command works on; zero / NULL members match
 * everything. */
typedef struct xxgk_store_filter {
    int year;            /* the year reported on */
    const char *body;    /* a part of the issuing body's name */
    int errors;          /* 1: with error findings; -1: without; 0: any */
    const char *rule;    /* only reports with a finding of this rule */
    const char *where;   /* an SQL expression over the columns of `report`
                            and `cells` (docs/schema.md); read-only */
} xxgk_store_filter;

/* One stored report as list shows it. Strings are NULL when unknown and
 * valid only during the callback. */
typedef struct xxgk_store_entry {
    int64_t id;
    const char *path, *sha256;
    int version;          /* 1, 2, … for successive contents of the path */
    int year;
    xxgk_format format;
    const char *title, *body, *date;
    size_t cells;         /* cells present (numbers and blanks) */
    int errors, warnings, notes; /* -1 each when the report was not checked */
} xxgk_store_entry;

/* Calls fn for every current report the filter selects, ordered by year,
 * body and id; a non-zero return from fn stops the walk. */
typedef int (*xxgk_store_entry_fn)(void *ctx, const xxgk_store_entry *entry);
xxgk_status xxgk_store_list(xxgk_store *store, const xxgk_store_filter *filter,
                            xxgk_store_entry_fn fn, void *ctx, xxgk_error *err);

/* The stored report `id` as a report object: meta, cells and findings as
 * stored (its text is not stored: xxgk_report_text gives ""). Fails with
 * XXGK_E_USAGE when there is no such report. */
xxgk_status xxgk_store_load(xxgk_store *store, int64_t id, xxgk_report **out,
                            xxgk_error *err);

/* The current report of the body named exactly `body` for `year`; when
 * there are several, the one imported last. XXGK_E_USAGE when none. */
xxgk_status xxgk_store_find(xxgk_store *store, const char *body, int year, int64_t *id,
                            xxgk_error *err);

/* The combined tables of the selected reports, as one report: every cell
 * the sum of that cell over the reports that have a number in it; blank
 * when every report that has the cell left it blank; absent when no
 * report has it. meta.year is filter->year, meta.format the format of
 * that year, meta.body `name` (or NULL), the title made from both. The
 * identities of the tables are checked again on the sums: the findings
 * of the result are the broken ones. *nreports receives the number of
 * reports summed; *duplicates the number of bodies that have more than
 * one report among them (each counted). filter->year is required. */
xxgk_status xxgk_store_rollup(xxgk_store *store, const xxgk_store_filter *filter,
                              const char *name, xxgk_report **out, size_t *nreports,
                              size_t *duplicates, xxgk_error *err);

/* A cell that differs between two reports. */
typedef struct xxgk_cell_change {
    size_t cell;          /* the cell id (of `after`) */
    size_t before_cell;   /* the cell compared with: == cell for a diff */
    xxgk_cell before, after;
} xxgk_cell_change;

/* Every cell whose kind or value differs between the two reports, in
 * registry order, into out (room for xxgk_cell_count() entries). Returns
 * the number of changes. */
size_t xxgk_report_diff(const xxgk_report *before, const xxgk_report *after,
                        xxgk_cell_change *out);

/* Runs only the rules across years (the carry-over rule: this year's
 * 上年结转 equals last year's 结转下年度继续办理, column by column; the
 * continuity of documents in force) on `report` against the same body's
 * report for the year before. The findings replace the report's own, as
 * xxgk_report_check does; reports loaded from the store have no text, so
 * the other rules would say little about them. */
xxgk_status xxgk_report_check_years(xxgk_report *report, const xxgk_report *previous);

/* Statistics over the selected reports (xxgk db stats, the charts). */
typedef struct xxgk_stats_rule {
    const char *rule;       /* rule id */
    xxgk_severity severity; /* the most severe it was found with */
    size_t findings, reports;
} xxgk_stats_rule;

typedef struct xxgk_stats_body {
    const char *body;
    size_t reports;
    size_t errors, warnings, notes;
    int64_t applications;   /* t3.new.total summed */
} xxgk_stats_body;

typedef struct xxgk_stats_year {
    int year;
    size_t reports;
    int64_t applications;   /* t3.new.total summed */
    int64_t carried_in;     /* t3.carried_in.total summed */
} xxgk_stats_year;

typedef struct xxgk_stats_cell {
    size_t cell;            /* cell id */
    int64_t total;          /* summed over the reports that have a number */
    size_t reports;         /* reports with a number in the cell */
} xxgk_stats_cell;

typedef struct xxgk_stats {
    size_t reports;
    size_t checked;         /* of which checked (findings stored) */
    xxgk_stats_rule *rules;   size_t nrules;   /* most findings first */
    xxgk_stats_body *bodies;  size_t nbodies;  /* most errors + warnings first */
    xxgk_stats_year *years;   size_t nyears;   /* by year */
    xxgk_stats_cell *outcomes; size_t noutcomes;     /* t3.<outcome>.total,
                                                       template order */
    xxgk_stats_cell *applicants; size_t napplicants; /* t3.new.<type> */
} xxgk_stats;

xxgk_status xxgk_store_stats(xxgk_store *store, const xxgk_store_filter *filter,
                             xxgk_stats **out, xxgk_error *err);
void xxgk_stats_free(xxgk_stats *stats);

/* Charts of the statistics as SVG files. */
typedef enum xxgk_chart {
    XXGK_CHART_YEARS = 0, /* applications per year (bars) */
    XXGK_CHART_OUTCOMES,  /* applications by outcome (bars) */
    XXGK_CHART_RULES,     /* findings by rule (bars) */
    XXGK_CHART_BODIES,    /* bodies ranked by findings (bars) */
    XXGK_CHART_COUNT
} xxgk_chart;

/* A file name stem for the chart: "applications-per-year", … */
const char *xxgk_chart_name(xxgk_chart chart);
/* Writes the chart as a standalone SVG document. 0, or -1 on a failed
 * write. */
int xxgk_stats_write_svg(const xxgk_stats *stats, xxgk_chart chart, FILE *out);

/* One row per selected report: the report columns, then one column per
 * cell key in registry order, then the finding counts (docs/schema.md
 * "Export columns"). CSV is RFC 4180 UTF-8; XLSX has the same first sheet
 * and a second sheet listing the findings. */
xxgk_status xxgk_store_export_csv(xxgk_store *store, const xxgk_store_filter *filter,
                                  FILE *out, xxgk_error *err);
xxgk_status xxgk_store_export_xlsx(xxgk_store *store, const xxgk_store_filter *filter,
                                   const char *path, xxgk_error *err);

/* Runs one read-only SQL statement and calls fn for the column names
 * (values NULL, once, before any row; row = 0) and then for every row
 * (row = 1, 2, …; a NULL value is SQL NULL). A non-zero return stops.
 * Statements that would change the store fail with XXGK_E_USAGE. */
typedef int (*xxgk_query_fn)(void *ctx, size_t row, int ncols, const char *const *names,
                             const char *const *values);
xxgk_status xxgk_store_query(xxgk_store *store, const char *sql, xxgk_query_fn fn,
                             void *ctx, xxgk_error *err);

/* ------------------------------------------------------------------ */
/* Input encodings (HTML reader, traditional characters)               */
/* ------------------------------------------------------------------ */

/* How the report's text was decoded: "UTF-8", "GB18030", a web page's
 * declared charset ("BIG5-HKSCS", …), followed by "+繁体转简体" when it
 * was written in traditional characters and read in simplified form
 * (xxgk_report_text and xxgk_report_line still give the original), or
 * "+N处无效字节已替换" when a page had bytes invalid in its charset. */
const char *xxgk_report_encoding(const xxgk_report *report);

/* ------------------------------------------------------------------ */
/* Rows recovered from text that lost its cell separators             */
/* ------------------------------------------------------------------ */

/* Text scraped from report pages often glues a row's cells together
 * ("规范性文件898989", table 四 as one 17-digit string). The reader keeps
 * such digits as one run; the solver enumerates every split into the
 * row's cells (no leading zeros except a lone 0; spaces are boundaries; a
 * minus sign only in a signed column; a decimal point only in a money
 * column) and keeps the splits that satisfy every sum rule of the table,
 * jointly across rows. Figures the prose states (applications received,
 * reconsiderations, lawsuits) decide between splits the tables leave
 * open. A split is never guessed: when more than one fits, the cells stay
 * absent and every fitting split is recorded. */
typedef enum xxgk_split_status {
    XXGK_SPLIT_UNIQUE = 0, /* exactly one split fits: the cells are placed
                              and flagged XXGK_CELL_RECOVERED */
    XXGK_SPLIT_SPACED,     /* spaces already cut the run into exactly its
                              cells: placed as printed, not flagged */
    XXGK_SPLIT_AMBIGUOUS,  /* more than one split fits: cells left absent */
    XXGK_SPLIT_NONE        /* no split fits: cells left absent */
} xxgk_split_status;

/* One run of digits that stood for a whole row. */
typedef struct xxgk_split {
    xxgk_split_status status;
    const char *text;        /* the run as printed ("230 000023") */
    uint32_t line, column, length; /* where it is in the report's text */
    const char *row;         /* official label of its row; for table 四,
                                whose groups share one run, the table's
                                title */
    const int *cells;        /* ids of the cells it stands for, in order */
    size_t ncells;
    size_t ncandidates;      /* how many splits fit (UNIQUE, SPACED: 1) */
    size_t nlisted;          /* how many of them are listed */
    const xxgk_decimal *candidates; /* nlisted × ncells values as written
                                (before any 元 → 万元 conversion) */
    bool by_prose;           /* the prose's figures were needed to decide */
    bool conflict;           /* the table's sum rules cannot all hold with
                                any split (an error in the report itself):
                                only the row's own rule was used */
    bool too_many;           /* the search gave up: ncandidates is a lower
                                bound */
} xxgk_split;

/* The runs found in a report, in the order of its text. */
size_t xxgk_report_split_count(const xxgk_report *report);
const xxgk_split *xxgk_report_split(const xxgk_report *report, size_t i);

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

/* ------------------------------------------------------------------ */
/* Output files, signals and hostile inputs (issue 15)                  */
/* ------------------------------------------------------------------ */

/* Every file the library writes (xxgk_report_render_file, the store's
 * exports) follows one rule, by what the path names:
 *   - a new name or a regular file: written to a temporary file beside
 *     it, synced, then renamed into place; an existing regular file only
 *     with `overwrite`;
 *   - a symbolic link: followed; the rules apply to where it leads (a
 *     link to a regular file replaces that file, never the link);
 *   - a device or a FIFO (/dev/null, a named pipe): written directly,
 *     never replaced, no `overwrite` needed;
 *   - /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: written to
 *     that descriptor of the process, no `overwrite` needed.
 * Messages name the path as given, never a temporary file. */

/* Removes the temporary files and directories the library has made and
 * not yet removed (output being written, XLSX being assembled, a legacy
 * document being converted — whose converter is killed first). Only
 * async-signal-safe calls: meant for a SIGINT/SIGTERM handler, which then
 * lets the signal take its course. */
void xxgk_remove_temporary_files(void);

/* db export into a file: `format` "csv" or "xlsx" (the same content as
 * xxgk_store_export_csv / _xlsx), written by the rule above. Without
 * `overwrite` an existing regular file is refused (XXGK_E_IO,
 * "文件已存在"). A failed write (a full disk) fails with XXGK_E_IO and a
 * message naming `path` and the reason, and leaves no file behind; a
 * failure reading the store gives the store's message without `path`.
 * xxgk_store_export_xlsx is this with overwrite. */
xxgk_status xxgk_store_export_file(xxgk_store *store, const xxgk_store_filter *filter,
                                   const char *format, const char *path, bool overwrite,
                                   xxgk_error *err);

/* The user's SQL (a filter's `where`, xxgk_store_query) runs under a
 * time limit: when SQLite has worked on the statement for longer (time
 * spent by the caller between rows does not count), it is stopped and the
 * call fails with XXGK_E_TOO_LARGE and a message saying so. A recursive
 * query that never ends thus ends. XXGK_STORE_TIME_LIMIT seconds unless
 * set; 0 lifts the limit. Opening a store also bounds SQLite's memory to
 * 2 GiB (sqlite3_hard_heap_limit64), unless the program set a bound. */
#define XXGK_STORE_TIME_LIMIT 60.0
void xxgk_store_set_time_limit(xxgk_store *store, double seconds);

/* xxgk_store_query gives a BLOB value as the SQL literal X'…' in
 * upper-case hexadecimal (X'00FF41'), never its raw bytes. */

/* xxgk_import_summary.with_errors counts every file of the import whose
 * report has error-severity findings, whether it was stored now or
 * before (found unchanged): the same files give the same count, and the
 * CLI the same exit status, on a new store and on one that holds them. A
 * report stored before without checking counts as without errors. */

/* What an import passes over in the directories it walks, and why. */
typedef enum xxgk_import_skip {
    XXGK_SKIP_NONE = 0,
    XXGK_SKIP_HIDDEN,      /* a name starting with "." */
    XXGK_SKIP_EXTENSION,   /* not .txt .md .htm(l) .docx .pdf .doc .wps … */
    XXGK_SKIP_NOT_REGULAR, /* a FIFO, a device, a socket */
    XXGK_SKIP_LINKED_DIR,  /* a symbolic link to a directory (not followed) */
    XXGK_SKIP_DANGLING,    /* a symbolic link to nothing (or unreachable) */
    XXGK_SKIP_TOO_DEEP     /* a directory below 64 levels */
} xxgk_import_skip;

/* The reason in words (Chinese), for messages. */
const char *xxgk_import_skip_text(xxgk_import_skip why);

/* Called for every entry an import's walk passes over (path as found),
 * before any file is read, from the calling thread. */
typedef void (*xxgk_import_skip_fn)(void *ctx, const char *path, xxgk_import_skip why);

/* xxgk_store_import, telling on_skip (may be NULL) of what it passes
 * over. Files named in `paths` are never skipped: one that cannot be read
 * (a FIFO: opened without blocking, and refused) is FAILED, as before. */
xxgk_status xxgk_store_import_skipping(xxgk_store *store, const char *const *paths,
                                       size_t npaths, const xxgk_import_options *options,
                                       xxgk_import_skip_fn on_skip, void *skip_ctx,
                                       xxgk_import_summary *summary, xxgk_error *err);

#ifdef __cplusplus
}
#endif

#endif /* XXGK_H */
