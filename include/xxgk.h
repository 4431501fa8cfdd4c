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

/* The library is built with hidden visibility: what is declared here is
 * all it exports. */
#if defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

#define XXGK_VERSION "0.4.0"

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

/* The format a report for `year` must use (UNKNOWN before the first). */
xxgk_format xxgk_format_for_year(int year);

/* The formats the library knows, in the order of their years. */
size_t xxgk_format_count(void);
xxgk_format xxgk_format_at(size_t i);
/* A format's name as the model writes it ("2019", "2021"), or NULL for
 * an unknown one; and the format of a name (UNKNOWN when none). */
const char *xxgk_format_name(xxgk_format format);
xxgk_format xxgk_format_from_name(const char *name);

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

/* Where something is in the input, in the input's own terms: what a
 * person looking at the document (or a page highlighting it) needs. */
typedef enum xxgk_locator_kind {
    XXGK_LOC_NONE = 0, /* not from a document (a model built or loaded) */
    XXGK_LOC_TEXT,     /* a text file: line and column */
    XXGK_LOC_PDF,      /* a PDF: page and box */
    XXGK_LOC_DOCX,     /* a Word document: paragraph, or table/row/cell */
    XXGK_LOC_HTML,     /* a web page: element path and table/row/cell */
    XXGK_LOC_SHEET     /* a workbook (XLSX): sheet, row and column */
} xxgk_locator_kind;

typedef struct xxgk_locator {
    xxgk_locator_kind kind;
    uint32_t line, column;     /* TEXT: 1-based line and byte column */
    uint32_t page;             /* PDF: 1-based page */
    float x0, y0, x1, y1;      /* PDF: the box in points, y downwards from
                                  the page's top */
    uint32_t paragraph;        /* DOCX: 1-based paragraph of the body */
    uint32_t table, row, cell; /* DOCX, HTML: 1-based table of the
                                  document, row of that table, cell of the
                                  row as the document numbers them (a
                                  merged cell counts once); 0 = none */
    const char *path;          /* HTML: element path, e.g.
                                  "body/div[2]/table[1]/tbody/tr[3]/td[2]" */
    const char *sheet;         /* SHEET: the worksheet's name; `row` is
                                  its 1-based row and `cell` its 1-based
                                  column (1 = A) */
} xxgk_locator;

/* How a value was written, for the checker. */
enum {
    XXGK_CELL_UNIT_YUAN = 1 << 0,    /* written with 元, converted to 万元 */
    XXGK_CELL_UNIT_WANYUAN = 1 << 1, /* written with 万元 */
    XXGK_CELL_MEASURE = 1 << 2,      /* a measure word followed (11个) */
    XXGK_CELL_FOREIGN = 1 << 3,      /* the row belongs to the other format */
    XXGK_CELL_RECOVERED = 1 << 4,    /* recovered from glued digits */
    XXGK_CELL_DASH = 1 << 5,         /* blank written as a dash or 无 */
    XXGK_CELL_FRACTION = 1 << 6,     /* a count written with decimals */
    XXGK_CELL_COMPUTED = 1 << 7      /* a total left blank in a model a
                                        person built (JSON, a workbook) and
                                        computed from its parts by
                                        xxgk_report_complete_totals */
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

/* A report is its model — meta data, cells and the text of its six
 * sections, what JSON, the store, `xxgk new` and the register read and
 * write — and, when it was read from a document, the evidence of that
 * reading (xxgk_report_evidence): the text view, the document tree and
 * where each heading, row and cell was found. */
typedef struct xxgk_report xxgk_report;
typedef struct xxgk_evidence xxgk_evidence;

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

/* Parses a report held in memory, in any form it is published in (text,
 * HTML, DOCX, PDF, DOC/WPS, crawler dumps; judged by content, never by
 * name) or as a JSON model (xxgk_report_parse_json: a JSON object). `name`
 * names the input in messages (a file name, or "-" for standard input).
 * The input is copied; `data` need not outlive the call. On success *out
 * holds a new report. */
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

/* The evidence of the reading, or NULL for a report built in code, read
 * from a JSON model or loaded from the store. The accessors below that
 * read the evidence (text, lines, encoding, splits, locators) answer
 * NULL, "" or 0 for a report without one. */
const xxgk_evidence *xxgk_report_evidence(const xxgk_report *report);

/* Where cell `id` was read in the input (kind XXGK_LOC_NONE when it was
 * not read from a document). Never NULL. */
const xxgk_locator *xxgk_report_cell_locator(const xxgk_report *report, size_t id);

/* Where line `line` of the text view is in the input (a paragraph, a
 * cell, a page): kind XXGK_LOC_NONE when unknown. Never NULL. */
const xxgk_locator *xxgk_report_line_locator(const xxgk_report *report, uint32_t line);

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

/* What a rule needs besides the model (meta, cells, sections). */
enum {
    XXGK_NEEDS_DOCUMENT = 1 << 0, /* the evidence of a reading: headings,
                                     rows and labels as printed */
    XXGK_NEEDS_PREVIOUS = 1 << 1  /* the same body's report of the year
                                     before */
};

/* One rule of the catalogue (docs/rules.md is generated from it). */
typedef struct xxgk_rule {
    const char *id;          /* stable: "t3-balance", "heading-missing" */
    xxgk_severity severity;  /* its usual severity */
    const char *category;    /* structure, shape, labels, arithmetic, units,
                                format, prose, identity, dates, across-years */
    const char *basis;       /* the article of the 条例 or clause of the format */
    const char *title;       /* one line, Chinese */
    const char *explanation; /* a paragraph, Chinese: why it matters, what to do */
    unsigned needs;          /* XXGK_NEEDS_*: 0 = it runs on any model */
} xxgk_rule;

size_t xxgk_rule_count(void);
const xxgk_rule *xxgk_rule_at(size_t i);
const xxgk_rule *xxgk_rule_find(const char *id);

/* A problem found in a report. The message names the table, row and
 * column it is about and states the figures plainly ("表三“（一）予以公开”
 * 行“总计”栏：填的是 4，各类申请人相加是 5"); `where` says where that is
 * in the user's own document (xxgk_finding_place words it). */
typedef struct xxgk_finding {
    xxgk_severity severity;
    const char *rule;        /* rule id (xxgk_rule_find gives the rest) */
    uint32_t line;           /* 1-based line of the text view, 0 if none */
    uint32_t column, length; /* byte span in that line to mark, 0 if none */
    const char *message;     /* a sentence a clerk understands, Chinese */
    const char *expected;    /* what it should be, when that is known and
                                not already in the message, or NULL */
    const int *cells;        /* ids of the cells involved (the first is the
                                one it is about) */
    size_t ncells;
    int table;               /* 2, 3, 4 (表二 … 表四), 0 when none */
    const char *row_label;   /* official label of the row, or NULL */
    const char *column_label;/* official label of the column, or NULL */
    xxgk_locator where;      /* where in the input; kind NONE for a model */
} xxgk_finding;

/* Which rules to run. */
typedef struct xxgk_check_options {
    const xxgk_report *previous; /* the same body's report for the year
                                    before (rules across years), or NULL */
    bool model_only;             /* only rules that need nothing but the
                                    model: a report as it will be written */
    const char *category;        /* only rules of this category
                                    ("arithmetic", "across-years"), or NULL */
} xxgk_check_options;

/* The one check: runs every rule of the catalogue whose needs the report
 * meets (xxgk_rule.needs) — on a report read from any document, on a
 * JSON model, on a report built in code or loaded from the store. The
 * findings belong to the report (replaced by a new call), sorted by the
 * text view's lines, those without a line first. `options` may be NULL.
 * Fails only with XXGK_E_NOMEM (or XXGK_E_USAGE for a NULL report). */
xxgk_status xxgk_check(xxgk_report *report, const xxgk_check_options *options);

/* xxgk_check with every rule and `previous` (may be NULL). */
xxgk_status xxgk_report_check(xxgk_report *report, const xxgk_report *previous);

/* Where a finding is, in the user's terms, into buf: "第3页", "第2个
 * 表格第5行第7格", "第12段", "第99行"; "" when it has no place. Returns
 * buf. */
char *xxgk_finding_place(const xxgk_finding *finding, char *buf, size_t size);

size_t xxgk_report_finding_count(const xxgk_report *report);
const xxgk_finding *xxgk_report_finding(const xxgk_report *report, size_t i);
/* Number of findings of exactly this severity. */
size_t xxgk_report_count(const xxgk_report *report, xxgk_severity severity);

/* ------------------------------------------------------------------ */
/* Output of the model                                                 */
/* ------------------------------------------------------------------ */

/* JSON as fixed in shared/spec/model.md: one object with "meta" and
 * "cells" (null for blank cells, absent keys for absent cells), followed
 * by a newline. Returns XXGK_OK, or XXGK_E_IO when writing failed
 * (errno set). Every writer below returns the same. */
xxgk_status xxgk_report_write_json(const xxgk_report *report, FILE *out);

/* `key<TAB>value` lines: meta.* first, then every present cell in
 * template order, an empty value for a blank cell. `prefix`, when not
 * NULL, starts every line (the CLI passes "FILE<TAB>" for many files). */
xxgk_status xxgk_report_write_cells(const xxgk_report *report, const char *prefix,
                            FILE *out);

/* The evidence as JSON: the document tree the reader handed over, each
 * paragraph with its role (title, heading and its section, caption,
 * body, signature), each table's rows and cells with their grid column,
 * spans and merge continuations, every node with its view line and its
 * place in the input ("where", as in findings). {"file", "blocks": []}
 * for a report without evidence. */
xxgk_status xxgk_report_write_tree(const xxgk_report *report, FILE *out);

/* The findings as JSON (shared/spec/model.md): one object with "file",
 * "meta" and "findings", each finding with severity, rule, line, cells,
 * message (and column, expected when known), then a newline. Only
 * findings of at least `min` severity are written. */
xxgk_status xxgk_report_write_findings_json(const xxgk_report *report, xxgk_severity min,
                                            FILE *out);

/* ------------------------------------------------------------------ */
/* The report store (xxgk db): an SQLite file of many reports          */
/* ------------------------------------------------------------------ */

/* Not in a library built without the store (XXGK_WITH_STORE=OFF: then
 * pkg-config's Cflags define XXGK_NO_STORE). */
#ifndef XXGK_NO_STORE

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
 * them in parallel and stores the reports, each whole (a savepoint of its
 * own) in transactions of up to a few dozen reports or a quarter of a
 * second of work, so an interrupted import leaves only whole reports and
 * a re-run completes it; on_file hears of a file once its transaction is
 * committed. A file that cannot be read is reported through on_file and does not
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
/* Writes the chart as a standalone SVG document. XXGK_OK, XXGK_E_IO on a
 * failed write, XXGK_E_USAGE for an unknown chart. */
xxgk_status xxgk_stats_write_svg(const xxgk_stats *stats, xxgk_chart chart, FILE *out);

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

#endif /* XXGK_NO_STORE */

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
/* How much of the tables was read                                     */
/* ------------------------------------------------------------------ */

/* How many of the cells of the report's format hold what the document
 * printed (a number or a blank; not a total computed for a person-built
 * model); *in_format (may be NULL) gets how many cells the format has,
 * *foreign (may be NULL) how many cells were kept from rows or tables of
 * the other format (XXGK_CELL_FOREIGN). A cell the reader could not place
 * with confidence is not read, and a finding says why. */
size_t xxgk_report_cells_read(const xxgk_report *report, size_t *in_format, size_t *foreign);

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
    bool syntax_only;        /* UNIQUE because the cells' syntax allows no
                                other split (as many digits as cells):
                                placed whatever the sum rules say */
    bool by_previous;        /* UNIQUE because last year's report of the
                                same body left one split that keeps the
                                chain of 现行有效件数
                                (xxgk_report_settle_by_previous) */
    const bool *settled;     /* AMBIGUOUS: per cell, whether every fitting
                                split cuts it alike; those cells are placed
                                (flagged XXGK_CELL_RECOVERED); NULL if none */
    size_t nsettled;
} xxgk_split;

/* The runs found in a report, in the order of its text. */
size_t xxgk_report_split_count(const xxgk_report *report);
const xxgk_split *xxgk_report_split(const xxgk_report *report, size_t i);

/* When several years of one body are read together: a run of table 二
 * (规章, 行政规范性文件) that split several ways is cut the one way in
 * which `previous` (the same body's report of the year before, whose
 * cells are settled already) gives last year's 现行有效件数 + 本年制发 −
 * 本年废止 = this year's 现行有效件数 — when exactly one split does; the
 * cells are then placed, flagged XXGK_CELL_RECOVERED, and the split says
 * by_previous. Returns how many runs it settled. Call it before checking;
 * the caller makes sure the two reports are the same body's. */
size_t xxgk_report_settle_by_previous(xxgk_report *report, const xxgk_report *previous);

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

/* The model as JSON: "file" (when the report came from a file), "meta",
 * "cells" as xxgk_report_write_json, then "sections" with the model text
 * of every section that has some. XXGK_MODEL_PRETTY writes one member
 * per line (for editing by hand). XXGK_OK, or XXGK_E_IO when writing
 * failed. */
enum { XXGK_MODEL_PRETTY = 1 << 0 };
xxgk_status xxgk_report_write_model(const xxgk_report *report, int flags, FILE *out);

/* Output formats of xxgk_report_render. */
typedef enum xxgk_render_format {
    XXGK_RENDER_UNKNOWN = 0,
    XXGK_RENDER_JSON,     /* the model (xxgk_report_write_model, pretty) */
    XXGK_RENDER_TEXT,     /* plain text, tables as `|` rows */
    XXGK_RENDER_MARKDOWN, /* Markdown with pipe tables */
    XXGK_RENDER_HTML,     /* one self-contained, printable, accessible page */
    XXGK_RENDER_DOCX,     /* Word, official layout, GB/T 9704 page set-up */
    XXGK_RENDER_XLSX,     /* the fill-in workbook: 正文 and the three tables
                             with formulas and checks (xxgk new -o .xlsx) */
    XXGK_RENDER_PDF       /* the DOCX converted by LibreOffice (headless;
                             XXGK_E_UNSUPPORTED naming the package when it
                             is not installed) */
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
/* The register (issue 14): applications recorded as they arrive,      */
/* statutory deadlines computed and explained, tables 二–四 built by   */
/* construction. docs/register.md describes the design and the schema. */
/* ------------------------------------------------------------------ */

/* ---- dates -------------------------------------------------------- */

/* A calendar date as a day number: days since 1970-01-01. 0 means "no
 * date" (the register has no use for 1970-01-01). */
typedef int32_t xxgk_date;

/* Parses exactly `YYYY-MM-DD` (a real date, years 2000–2999). Returns
 * false, *out untouched, for anything else. */
bool xxgk_date_parse(const char *text, xxgk_date *out);
/* The date from year, month, day; 0 when it is not a real date in
 * 2000–2999. */
xxgk_date xxgk_date_make(int year, int month, int day);
/* Writes `YYYY-MM-DD` (or "" for 0) into buf (at least 11 bytes) and
 * returns buf. */
char *xxgk_date_format(xxgk_date date, char *buf, size_t size);
/* Year, month, day of a date (0s for 0). */
void xxgk_date_split(xxgk_date date, int *year, int *month, int *day);
/* 1 = Monday … 7 = Sunday. */
int xxgk_date_weekday(xxgk_date date);
/* Today in local time. */
xxgk_date xxgk_date_today(void);

/* Parses a plain decimal ("12", "-3", "1306.14"; no units, no
 * separators) into *out. False, *out untouched, for anything else. */
bool xxgk_decimal_parse(const char *text, xxgk_decimal *out);

/* ---- the working-day calendar (shared/spec/holidays.md) ------------ */

/* What a day is for deadline arithmetic (rules.md §3.7): a working day
 * is a make-up workday, or Monday–Friday not listed as a holiday. */
typedef enum xxgk_day_kind {
    XXGK_DAY_UNKNOWN = 0, /* its year's notice is not in the calendar */
    XXGK_DAY_WORKDAY,     /* Monday–Friday, not a holiday */
    XXGK_DAY_WEEKEND,     /* Saturday or Sunday, not a make-up workday */
    XXGK_DAY_HOLIDAY,     /* inside an announced 放假 range */
    XXGK_DAY_MAKEUP       /* 调休上班: a Saturday or Sunday worked */
} xxgk_day_kind;

/* One yearly notice the calendar holds. */
typedef struct xxgk_holiday_notice {
    int year;            /* the year it arranges */
    const char *number;  /* 国办发明电〔2023〕7号, "" when not known */
    const char *date;    /* its date, ISO, "" when not known */
    const char *source;  /* "内置" (shipped) or the file it was imported from */
} xxgk_holiday_notice;

typedef struct xxgk_calendar xxgk_calendar;

/* A new calendar holding the notices shipped with the library (every
 * year of shared/spec/holidays.md). Free with xxgk_calendar_free.
 * Fails only with XXGK_E_NOMEM. */
xxgk_status xxgk_calendar_new(xxgk_calendar **out, xxgk_error *err);
void xxgk_calendar_free(xxgk_calendar *cal);

/* Reads notices in the line grammar of holidays.md (`YYYY-MM-DD
 * holiday|workday  # comment`; other lines are ignored) and puts them in
 * the calendar, each replacing the calendar's notice for the same year.
 * A line's notice year is the `## YYYY` heading above it, else `year`
 * when non-zero, else the year most of the file's dates fall in. `name`
 * names the text in messages and becomes the notices' source. Fails
 * with XXGK_E_USAGE and `name:line: reason` (a date that is not real, an
 * unknown kind, a make-up workday that is not a weekend day, a weekday
 * in the comment that is not the date's, a date listed twice or already
 * announced by another year's notice, a date outside the notice year and
 * the December before it, no entries at all); then the calendar is
 * unchanged. *nyears (may be NULL) receives the number of notices read,
 * their years in years[0 … max-1] (may be NULL). */
xxgk_status xxgk_calendar_load(xxgk_calendar *cal, const char *text, size_t size,
                               const char *name, int year, int *years, size_t max,
                               size_t *nyears, xxgk_error *err);

/* The notices, by year. */
size_t xxgk_calendar_notice_count(const xxgk_calendar *cal);
const xxgk_holiday_notice *xxgk_calendar_notice(const xxgk_calendar *cal, size_t i);

/* What `date` is. *name (may be NULL) receives the holiday's name as the
 * notice gives it ("中秋节", "国庆节、中秋节"), "调休上班" for a make-up
 * workday, else NULL. XXGK_DAY_UNKNOWN when the calendar has no notice
 * for the date's year: such a date is never guessed. */
xxgk_day_kind xxgk_calendar_day(const xxgk_calendar *cal, xxgk_date date, const char **name);

/* The n-th working day after `start` (start itself not counted:
 * rules.md §3.7, 民法典 第二百零一条) into *out. Fails with XXGK_E_USAGE
 * and the reason when a day on the way lies in a year the calendar has no
 * notice for ("2027年的放假安排尚未导入…"), or n < 1. */
xxgk_status xxgk_calendar_add_working_days(const xxgk_calendar *cal, xxgk_date start, int n,
                                           xxgk_date *out, xxgk_error *err);

/* Writes the entries of notice `year` (0: every notice) in the line
 * grammar of holidays.md, each notice under a `## YYYY` heading with its
 * number and source as comments, so that xxgk_calendar_load reads the
 * output back. Returns 0, or -1 when writing failed. */
int xxgk_calendar_write(const xxgk_calendar *cal, int year, FILE *out);

/* ---- the register ------------------------------------------------- */

/* The register lives in the same SQLite file as the report store (xxgk
 * db), in tables of its own (reg_*) with their own schema version
 * (register_schema); docs/register.md. Not in a library built without
 * the store (XXGK_NO_STORE); dates and the calendar are. */
#ifndef XXGK_NO_STORE

typedef struct xxgk_register xxgk_register;

/* Opens the register in the store at `path`. Writable: creates the file
 * and the store when absent, and the register's tables when the store has
 * none yet, bringing an older register schema up to date. Read-only: the
 * file and a register in it must exist. Fails with XXGK_E_IO (cannot
 * open or write) or XXGK_E_USAGE (no register, a newer schema) and the
 * reason. Free with xxgk_register_close. */
xxgk_status xxgk_register_open(const char *path, bool read_only, xxgk_register **out,
                               xxgk_error *err);
void xxgk_register_close(xxgk_register *reg);
/* The register schema version this library writes. */
int xxgk_register_schema_version(void);

/* Who makes the changes that follow (recorded with every event). Every
 * change fails with XXGK_E_USAGE until it is set. The string is copied. */
xxgk_status xxgk_register_set_actor(xxgk_register *reg, const char *who);

/* The day the register takes for today (0: the real one, the default):
 * no fact may be dated after it, and reads "as of today" use it. For
 * replaying a register as it was, and for tests that must not depend on
 * the machine's clock. Always XXGK_OK. */
xxgk_status xxgk_register_set_today(xxgk_register *reg, xxgk_date today);
/* The register's today: the one set, else the real one. */
xxgk_date xxgk_register_today(const xxgk_register *reg);

/* The calendar deadlines are computed with: the shipped notices, each
 * replaced by a notice imported into this register. Owned by reg. */
const xxgk_calendar *xxgk_register_calendar(const xxgk_register *reg);

/* Imports holiday notices (xxgk_calendar_load's grammar and failures) into
 * the register, replacing the register's earlier notice for each year;
 * recorded as an event. Deadlines follow at once: they are computed on
 * every read, so a corrected notice moves every open case's due dates.
 * years / max / nyears as in xxgk_calendar_load. */
xxgk_status xxgk_register_import_holidays(xxgk_register *reg, const char *text, size_t size,
                                          const char *name, int year, int *years, size_t max,
                                          size_t *nyears, xxgk_error *err);

/* ---- applications ------------------------------------------------- */

/* The applicant columns of table 三, in its order (model.md). */
typedef enum xxgk_applicant {
    XXGK_APPLICANT_NATURAL = 0, /* 自然人 */
    XXGK_APPLICANT_BUSINESS,    /* 商业企业 */
    XXGK_APPLICANT_RESEARCH,    /* 科研机构 */
    XXGK_APPLICANT_NONPROFIT,   /* 社会公益组织 */
    XXGK_APPLICANT_LEGAL,       /* 法律服务机构 */
    XXGK_APPLICANT_OTHER_ORG,   /* 其他 */
    XXGK_APPLICANT_COUNT
} xxgk_applicant;

/* The column key ("natural") and label ("自然人"). */
const char *xxgk_applicant_key(xxgk_applicant a);
const char *xxgk_applicant_label(xxgk_applicant a);
/* By key or label; false when neither. */
bool xxgk_applicant_find(const char *text, xxgk_applicant *out);

/* How the application came in; each has its receipt rule (第三十一条). */
typedef enum xxgk_channel {
    XXGK_CHANNEL_IN_PERSON = 0, /* 当面: the day of submission */
    XXGK_CHANNEL_POST,          /* 邮寄 (signed for): the day signed for */
    XXGK_CHANNEL_MAIL,          /* 平邮 (not signed for): the day confirmed */
    XXGK_CHANNEL_ONLINE,        /* 网络: the day both sides confirm */
    XXGK_CHANNEL_FAX,           /* 传真: the day both sides confirm */
    XXGK_CHANNEL_EMAIL,         /* 电子邮件: the day both sides confirm */
    XXGK_CHANNEL_COUNT
} xxgk_channel;

/* "当面", "邮寄", …; the receipt rule as a sentence with its article. */
const char *xxgk_channel_name(xxgk_channel c);
const char *xxgk_channel_rule(xxgk_channel c);
bool xxgk_channel_find(const char *name, xxgk_channel *out);

/* A case's state. Kept small: everything else is in its facts. */
typedef enum xxgk_case_state {
    XXGK_CASE_RECEIVED = 0,           /* 已收到: registered, nothing done yet */
    XXGK_CASE_AWAITING_CORRECTION,    /* 待补正: 补正 notice sent */
    XXGK_CASE_IN_PROGRESS,            /* 办理中 */
    XXGK_CASE_CONSULTING,             /* 征求意见中: a consultation unanswered */
    XXGK_CASE_AWAITING_FEE,           /* 待缴费: fee notice sent, unpaid */
    XXGK_CASE_REPLIED,                /* 已答复: replied (outcome rows （一）–（五）) */
    XXGK_CASE_CLOSED,                 /* 已终止: closed without reply (（六）) */
    XXGK_CASE_STATE_COUNT
} xxgk_case_state;

/* "received", …; "已收到", …. */
const char *xxgk_case_state_key(xxgk_case_state s);
const char *xxgk_case_state_text(xxgk_case_state s);

/* Whether `key` is an outcome row of table 三 (the row part of a t3 cell
 * key, model.md) that a case closed on `date` can have: the rows of
 * （一）–（五） for a reply (`reply` true), the （六） rows for a closing
 * without reply, of the format of the year of `date` (`other` in 2019
 * and 2020; `other_no_correction`, `other_no_fee`, `other_misc` from 2021
 * on, which 2019-format years also take and count under `other`). False
 * and a Chinese reason in err (XXGK_E_USAGE) otherwise. */
bool xxgk_outcome_check(const char *key, xxgk_date date, bool reply, xxgk_error *err);
/* The outcome rows a case can end in, in table order (every format's:
 * `other` and the three `other_*` rows are all listed). */
size_t xxgk_outcome_count(void);
const char *xxgk_outcome_key_at(size_t i);
/* The row's label ("（三）不予公开 1.属于国家秘密") and its legal ground
 * ("第十四条"), NULL for an unknown key. */
const char *xxgk_outcome_label(const char *key);
const char *xxgk_outcome_ground(const char *key);

/* What a new application says. Strings may be NULL (not stated) except
 * body and subject. */
typedef struct xxgk_application {
    const char *body;           /* the body applied to (机关名称) */
    xxgk_date received;         /* the statutory receipt date (第三十一条) */
    xxgk_channel channel;
    xxgk_applicant applicant;
    const char *subject;        /* the information requested */
    const char *name;           /* the applicant's name */
    const char *id_number;      /* 身份证号/统一社会信用代码; shown masked */
    const char *contact;        /* address, telephone */
    int64_t linked;             /* an earlier case of the same applicant, 0 none */
    const char *ledger_key;     /* the ledger's own number (imports), or NULL */
} xxgk_application;

/* Registers an application: a new case in state received, with the next
 * serial of its body and year (〔2024〕第0001号). *id receives the case
 * id. Fails with XXGK_E_USAGE and the reason: no actor, no body or
 * subject, a receipt date missing or after today, a linked case that
 * does not exist or belongs to another body; XXGK_E_IO when the store
 * cannot be written. A receipt date in a year the calendar does not know
 * is accepted: its deadlines say why they cannot be computed. */
xxgk_status xxgk_case_add(xxgk_register *reg, const xxgk_application *app, int64_t *id,
                          xxgk_error *err);

/* Changes the details of a case (the fields of `changes` that are set:
 * non-NULL strings, a non-zero date or link; channel and applicant when
 * `set_channel` / `set_applicant`). Recorded with the values before and
 * after. Refused (XXGK_E_USAGE) when the case's recorded events would no
 * longer hold (a receipt date after its reply). The body cannot change. */
xxgk_status xxgk_case_edit(xxgk_register *reg, int64_t id, const xxgk_application *changes,
                           bool set_channel, bool set_applicant, xxgk_error *err);

/* ---- events --------------------------------------------------------
 * Every function below records one dated fact about case `id` as an
 * event (who, when, the state before and after) after checking it
 * against the case's state and the guards (docs/register.md lists them;
 * each refusal is XXGK_E_USAGE with its Chinese message). A date is
 * never after today. XXGK_E_IO when the store cannot be written. */

/* 补正 (第三十条): the notice, sent on `notice`, giving the applicant
 * until `until` (0: 15 working days after the notice, a common practice
 * the notice should state). Once only, before anything else is done. */
xxgk_status xxgk_case_correction_notice(xxgk_register *reg, int64_t id, xxgk_date notice,
                                        xxgk_date until, xxgk_error *err);
/* The corrected application, received on `received`: the reply period
 * starts again from it. */
xxgk_status xxgk_case_corrected(xxgk_register *reg, int64_t id, xxgk_date received,
                                xxgk_error *err);

/* Consultation (第三十二条 third party, 第三十四条 other agency). */
typedef enum xxgk_party {
    XXGK_PARTY_THIRD = 0, /* 第三方 */
    XXGK_PARTY_AGENCY     /* 其他机关 */
} xxgk_party;

/* A consultation sent on `sent` (`delivered`, the day the party
 * received it, 0 when unknown: the 15 working days then run from
 * `sent`), to `party_name` (may be NULL). `answered` non-zero records the
 * answer at once. */
xxgk_status xxgk_case_consult(xxgk_register *reg, int64_t id, xxgk_party party,
                              const char *party_name, xxgk_date sent, xxgk_date delivered,
                              xxgk_date answered, xxgk_error *err);
/* The answer to the earliest unanswered consultation of `party`. */
xxgk_status xxgk_case_consult_answered(xxgk_register *reg, int64_t id, xxgk_party party,
                                       xxgk_date answered, xxgk_error *err);

/* The extension by 20 working days (第三十三条第二款): decided on `date`,
 * not after the original due date, approved by `approver` (the head of
 * the 政府信息公开工作机构); `told`, the day the applicant was told (0:
 * not yet recorded). Once only. */
xxgk_status xxgk_case_extend(xxgk_register *reg, int64_t id, xxgk_date date,
                             const char *approver, xxgk_date told, xxgk_error *err);

/* 信息处理费 (国办函〔2020〕109号): the fee notice of `amount` 元, sent
 * within the reply period; then the payment. The applicant has 20
 * working days from the day after the notice. */
xxgk_status xxgk_case_fee_notice(xxgk_register *reg, int64_t id, xxgk_date notice,
                                 xxgk_decimal amount, xxgk_error *err);
xxgk_status xxgk_case_fee_paid(xxgk_register *reg, int64_t id, xxgk_date paid,
                               xxgk_error *err);

/* The reply, on `date`, with its outcome row (xxgk_outcome_check, reply
 * true) and legal ground (NULL: the row's article). */
xxgk_status xxgk_case_reply(xxgk_register *reg, int64_t id, xxgk_date date, const char *outcome,
                            const char *ground, xxgk_error *err);
/* Closing without reply, on `date`, under a （六） row: other_no_correction
 * only after the correction period ran out uncorrected, other_no_fee only
 * after the payment period ran out unpaid, other_misc / other with a
 * `reason` (申请人撤回申请, …). */
xxgk_status xxgk_case_close(xxgk_register *reg, int64_t id, xxgk_date date, const char *outcome,
                            const char *reason, xxgk_error *err);

/* Remedies against a replied or closed case (table 四). */
typedef enum xxgk_remedy_kind {
    XXGK_REMEDY_REVIEW = 0,       /* 行政复议 */
    XXGK_REMEDY_SUIT_DIRECT,      /* 行政诉讼：未经复议直接起诉 */
    XXGK_REMEDY_SUIT_AFTER_REVIEW /* 行政诉讼：复议后起诉 */
} xxgk_remedy_kind;
/* "review", "suit_direct", "suit_after_review" (the t4 group keys). */
const char *xxgk_remedy_key(xxgk_remedy_kind k);
bool xxgk_remedy_find(const char *key, xxgk_remedy_kind *out);

/* A remedy filed on `filed`. */
xxgk_status xxgk_case_remedy(xxgk_register *reg, int64_t id, xxgk_remedy_kind kind,
                             xxgk_date filed, xxgk_error *err);
/* Its result on `decided`: "upheld" (结果维持), "corrected" (结果纠正) or
 * "other" (其他结果); the earliest undecided remedy of `kind`. */
xxgk_status xxgk_case_remedy_decided(xxgk_register *reg, int64_t id, xxgk_remedy_kind kind,
                                     xxgk_date decided, const char *result, xxgk_error *err);

/* Voids case `id` (event 0) or one of its events (`event`, its number in
 * the history) with a reason. Nothing is deleted: the void is itself an
 * event and the voided facts stay in the history, ignored. Voiding an
 * event is refused when the events after it would no longer hold
 * (voiding a 补正 notice a closing relies on). */
xxgk_status xxgk_case_void(xxgk_register *reg, int64_t id, int event, const char *reason,
                           xxgk_error *err);

/* ---- reading a case ----------------------------------------------- */

typedef struct xxgk_consultation {
    xxgk_party party;
    const char *party_name;     /* or NULL */
    xxgk_date sent, delivered, answered; /* 0 when not (yet) */
} xxgk_consultation;

typedef struct xxgk_remedy {
    xxgk_remedy_kind kind;
    xxgk_date filed, decided;
    const char *result;         /* "upheld" "corrected" "other", NULL pending */
} xxgk_remedy;

/* A case as its events make it. Strings NULL when not stated. */
typedef struct xxgk_case_info {
    int64_t id;
    const char *body;
    const char *serial;         /* 〔2024〕第0001号 */
    xxgk_date received;
    xxgk_channel channel;
    xxgk_applicant applicant;
    const char *subject, *name, *contact;
    const char *id_masked;      /* the ID number, all but its ends masked */
    int64_t linked;             /* 0 none */
    const char *ledger_key;
    xxgk_case_state state;
    xxgk_date correction_notice, correction_until, corrected;
    const xxgk_consultation *consultations;
    size_t nconsultations;
    xxgk_date extended, extension_told;
    const char *approver;
    xxgk_date fee_notice, fee_paid;
    xxgk_decimal fee_amount;    /* 元 */
    xxgk_date closed;           /* the reply or closing date, 0 while open */
    const char *outcome;        /* its row key */
    const char *ground;         /* reply: legal ground; closing: reason */
    const xxgk_remedy *remedies;
    size_t nremedies;
    bool voided;
    const char *void_reason;
} xxgk_case_info;

/* Which statutory period a deadline is. */
typedef enum xxgk_deadline_kind {
    XXGK_DEADLINE_REPLY = 0,          /* 答复 (第三十三条) */
    XXGK_DEADLINE_CORRECTION_NOTICE,  /* 补正告知 within 7 working days (第三十条) */
    XXGK_DEADLINE_CORRECTION,         /* the applicant's correction period */
    XXGK_DEADLINE_CONSULTATION,       /* 15 working days to answer (第三十二、三十四条) */
    XXGK_DEADLINE_FEE,                /* 20 working days to pay (国办函〔2020〕109号) */
    XXGK_DEADLINE_PUBLICATION         /* a document published within 20 working
                                         days of its making (第二十六条) */
} xxgk_deadline_kind;

typedef enum xxgk_deadline_status {
    XXGK_DUE_OPEN = 0,   /* running, not yet due */
    XXGK_DUE_OVERDUE,    /* not met and past due on the day asked about */
    XXGK_DUE_MET,        /* met on or before the due date */
    XXGK_DUE_LATE,       /* met after the due date */
    XXGK_DUE_SUSPENDED,  /* not running (the reply period while awaiting 补正) */
    XXGK_DUE_UNKNOWN     /* cannot be computed: `note` says why */
} xxgk_deadline_status;

/* "open", "overdue", …; "未到期", "已逾期", …. */
const char *xxgk_deadline_status_key(xxgk_deadline_status s);
const char *xxgk_deadline_status_text(xxgk_deadline_status s);

/* A deadline computed from the case's facts and the calendar; never
 * stored. */
typedef struct xxgk_deadline {
    xxgk_deadline_kind kind;
    const char *label;          /* "答复期限", "征求第三方意见答复期限", … */
    const char *basis;          /* "第三十三条第二款", "第三十二条", … */
    xxgk_date start;            /* the day the count starts after */
    int days;                   /* working days counted (20, 40, 7, 15 …); 0
                                   when the due date is a date the notice
                                   gave (补正期限 with --until) */
    xxgk_date due;              /* 0 when SUSPENDED or UNKNOWN */
    xxgk_date done;             /* the day it was met, 0 if not */
    xxgk_deadline_status status;
    const char *note;           /* why UNKNOWN, what was assumed, or NULL */
    int consultation;           /* CONSULTATION: its index, else -1 */
} xxgk_deadline;

/* Why a day was counted or skipped (xxgk case explain). */
typedef enum xxgk_count_reason {
    XXGK_COUNT_START = 0,   /* the start day, not counted */
    XXGK_COUNT_WORKDAY,     /* counted */
    XXGK_COUNT_MAKEUP,      /* counted: 调休上班 */
    XXGK_SKIP_WEEKEND,      /* 周末 */
    XXGK_SKIP_HOLIDAY,      /* 法定节假日 (`why` names it) */
    XXGK_SKIP_PAUSED,       /* 暂停计算: consultation, fee, awaiting 补正 */
    XXGK_SKIP_UNKNOWN       /* its year's notice is not in the calendar */
} xxgk_count_reason;

typedef struct xxgk_counted_day {
    xxgk_date date;
    xxgk_count_reason reason;
    int count;                  /* working days counted up to and with it */
    const char *why;            /* Chinese: "中秋节", "征求第三方意见（…）" */
} xxgk_counted_day;

typedef struct xxgk_case xxgk_case;

/* Flags of xxgk_case_load. */
enum { XXGK_CASE_EXPLAIN = 1 << 0 /* keep the day-by-day count */ };

/* Loads case `id` as its events make it, with its deadlines as of `today`
 * (0: the register's today), computed with the register's calendar.
 * Free with xxgk_case_free. XXGK_E_USAGE when there is no such case. */
xxgk_status xxgk_case_load(xxgk_register *reg, int64_t id, xxgk_date today, int flags,
                           xxgk_case **out, xxgk_error *err);
void xxgk_case_free(xxgk_case *c);

const xxgk_case_info *xxgk_case_info_of(const xxgk_case *c);
size_t xxgk_case_deadline_count(const xxgk_case *c);
const xxgk_deadline *xxgk_case_deadline(const xxgk_case *c, size_t i);
/* The deadline that governs what the office must do next (the reply;
 * the correction period while awaiting 补正; the payment while awaiting
 * the fee; the answer while consulting), NULL for a closed case. */
const xxgk_deadline *xxgk_case_next_deadline(const xxgk_case *c);
/* The day-by-day count of deadline i (loaded with XXGK_CASE_EXPLAIN;
 * else *n is 0 and NULL is returned). */
const xxgk_counted_day *xxgk_case_explain(const xxgk_case *c, size_t i, size_t *n);

/* One event of the history, the voided ones included. */
typedef struct xxgk_case_event {
    int seq;                    /* 1, 2, … its number in the history */
    const char *kind;           /* "received", "reply", "void", … */
    const char *title;          /* Chinese: "答复", "告知补正", … */
    xxgk_date date;             /* the fact's date (0 for edits, voids) */
    const char *who;            /* the actor */
    const char *at;             /* when recorded, UTC ISO 8601 */
    const char *summary;        /* Chinese, one line, ID numbers masked */
    const char *before, *after; /* JSON objects: the state and changed
                                   fields before and after */
    bool voided;
    const char *void_reason;    /* when voided */
} xxgk_case_event;

size_t xxgk_case_event_count(const xxgk_case *c);
const xxgk_case_event *xxgk_case_event_at(const xxgk_case *c, size_t i);

/* ---- many cases ----------------------------------------------------- */

typedef struct xxgk_case_filter {
    const char *body;       /* exactly this body, or NULL */
    int year;               /* received in this year, or 0 */
    int state;              /* an xxgk_case_state, or -1 for any */
    bool open_only;         /* only cases not replied or closed */
    bool include_void;      /* voided cases too (never in due, tables) */
} xxgk_case_filter;

/* Calls fn for every case the filter selects, by body, year, serial,
 * each loaded as xxgk_case_load does (as of `today`); a non-zero return
 * stops. The case is freed after the call. */
typedef int (*xxgk_case_fn)(void *ctx, const xxgk_case *c);
xxgk_status xxgk_register_each(xxgk_register *reg, const xxgk_case_filter *filter,
                               xxgk_date today, xxgk_case_fn fn, void *ctx, xxgk_error *err);

/* An open case and its next deadline, for xxgk case due. */
typedef struct xxgk_due_item {
    int64_t id;
    const char *body, *serial, *subject;
    xxgk_case_state state;
    xxgk_deadline next;         /* xxgk_case_next_deadline */
    xxgk_deadline reply;        /* the reply deadline */
} xxgk_due_item;

/* The open (not voided) cases of `body` (NULL: every body) whose next
 * deadline falls on or before on + within days (within < 0: any), as of
 * `on` (0: today), sorted by that deadline (unknown ones last), then id.
 * *items is an array the caller frees with xxgk_due_free. */
xxgk_status xxgk_register_due(xxgk_register *reg, const char *body, xxgk_date on, int within,
                              xxgk_due_item **items, size_t *n, xxgk_error *err);
void xxgk_due_free(xxgk_due_item *items, size_t n);

/* ---- tables by construction ---------------------------------------- */

/* The tables of `body`'s report for `year`, in the format of that year,
 * built with xxgk_report_new and xxgk_report_set_number:
 *  - table 三: new = received in the year; carried_in = received before
 *    and open on 1 January; each outcome row = replied or closed in the
 *    year with that outcome; carried_out = open on 31 December; total =
 *    the outcomes; every column by applicant type, and the total column.
 *  - table 四: every remedy filed in the year, or filed before and decided
 *    in it; its result if decided by 31 December, else pending.
 *  - table 二: documents (xxgk_register_doc_add) made, repealed, in force
 *    (2021 format) or made, published, published and in force (2019);
 *    decision counts and fees summed over the periods in the year. A row
 *    whose kind the body never recorded stays absent.
 * Voided cases, events and records do not count. The identities of the
 * tables hold by construction (t3-row-total, t3-outcome-total,
 * t3-balance, t4-group-total), and this year's carried_in equals last
 * year's carried_out. Fails with XXGK_E_USAGE for a year before 2019. */
xxgk_status xxgk_register_tables(xxgk_register *reg, const char *body, int year,
                                 xxgk_report **out, xxgk_error *err);

/* ---- the proactive register (table 二, 第二十六条) ------------------- */

typedef enum xxgk_doc_kind {
    XXGK_DOC_RULES = 0,   /* 规章 */
    XXGK_DOC_NORMATIVE,   /* 行政规范性文件 */
    XXGK_DOC_OTHER        /* other proactive information (not in table 二) */
} xxgk_doc_kind;
const char *xxgk_doc_kind_key(xxgk_doc_kind k);   /* "rules" "normative" "other" */
const char *xxgk_doc_kind_label(xxgk_doc_kind k); /* "规章" … */
bool xxgk_doc_kind_find(const char *key, xxgk_doc_kind *out);

typedef struct xxgk_document {
    int64_t id;                 /* set by the register */
    const char *body;
    xxgk_doc_kind kind;
    const char *number;         /* 文号, or NULL */
    const char *title;
    xxgk_date made;             /* made or changed (制发) */
    xxgk_date published;        /* 0: not yet */
    xxgk_date repealed;         /* repealed or expired, 0: in force */
    bool voided;
    const char *void_reason;
    /* computed when read: publication within 20 working days of making
     * (第二十六条) */
    xxgk_deadline publication;
} xxgk_document;

/* Registers a document (body, kind, title, made required; published,
 * repealed optional, not before made, not after today). *id may be NULL. */
xxgk_status xxgk_register_doc_add(xxgk_register *reg, const xxgk_document *doc, int64_t *id,
                                  xxgk_error *err);
/* Records the publication or the repeal/expiry of document `id`. */
xxgk_status xxgk_register_doc_published(xxgk_register *reg, int64_t id, xxgk_date date,
                                        xxgk_error *err);
xxgk_status xxgk_register_doc_repealed(xxgk_register *reg, int64_t id, xxgk_date date,
                                       xxgk_error *err);
xxgk_status xxgk_register_doc_void(xxgk_register *reg, int64_t id, const char *reason,
                                   xxgk_error *err);
/* Calls fn for each document of `body` (NULL: all), made in `year` (0:
 * any), by body, made date and id, its publication deadline computed as
 * of `today` (0: today). Voided ones only with include_void. */
typedef int (*xxgk_doc_fn)(void *ctx, const xxgk_document *doc);
xxgk_status xxgk_register_docs(xxgk_register *reg, const char *body, int year, bool include_void,
                               xxgk_date today, xxgk_doc_fn fn, void *ctx, xxgk_error *err);

/* Decision counts and fees by period (table 二). */
typedef enum xxgk_tally_kind {
    XXGK_TALLY_LICENSING = 0, /* 行政许可 处理决定数量 */
    XXGK_TALLY_PENALTY,       /* 行政处罚 */
    XXGK_TALLY_COERCION,      /* 行政强制 */
    XXGK_TALLY_FEES           /* 行政事业性收费 金额（万元） */
} xxgk_tally_kind;
const char *xxgk_tally_kind_key(xxgk_tally_kind k); /* "licensing" "penalty" "coercion" "fees" */
bool xxgk_tally_kind_find(const char *key, xxgk_tally_kind *out);

/* Records `value` for `body`'s `kind` over the days from … to (inside one
 * year): a count (a whole number ≥ 0) or, for fees, 万元 (≥ 0). The same
 * period again replaces the figure (recorded with before and after); a
 * period overlapping another one is refused. */
xxgk_status xxgk_register_tally(xxgk_register *reg, const char *body, xxgk_tally_kind kind,
                                xxgk_date from, xxgk_date to, xxgk_decimal value,
                                xxgk_error *err);

/* ---- ledgers in, register out -------------------------------------- */

/* A field a ledger column can fill, for the column mapping. */
typedef struct xxgk_ledger_field {
    const char *key;            /* "received", "outcome", … */
    const char *headers;        /* the column headers recognised, '|'-separated */
    const char *meaning;        /* Chinese */
    bool required;
} xxgk_ledger_field;
size_t xxgk_ledger_field_count(void);
const xxgk_ledger_field *xxgk_ledger_field_at(size_t i);

/* What happened to one data row. */
typedef struct xxgk_ledger_row {
    size_t row;                 /* the row in the sheet (the header is row 1) */
    int64_t case_id;            /* the case made (0: none) */
    bool duplicate;             /* imported before (same ledger number) */
    const char *error;          /* why the row was refused, or NULL */
} xxgk_ledger_row;
typedef void (*xxgk_ledger_fn)(void *ctx, const xxgk_ledger_row *row);

typedef struct xxgk_ledger_options {
    const char *body;           /* the body of rows without a `body` column
                                   value (required unless that column is
                                   there) */
    const char *const *map;     /* "field=column header" or "field=#N" */
    size_t nmap;
    bool dry_run;               /* check every row; store nothing */
    xxgk_ledger_fn on_row;      /* may be NULL */
    void *ctx;
} xxgk_ledger_options;

typedef struct xxgk_ledger_summary {
    size_t rows;                /* data rows (blank rows not counted) */
    size_t added, duplicates, failed;
} xxgk_ledger_summary;

/* Imports a ledger (台账): a CSV file (UTF-8 or GB18030, a BOM allowed)
 * or the first sheet of an XLSX workbook, one application per row, the
 * header in row 1 mapped to fields by xxgk_ledger_field headers and the
 * options' map. Each row becomes a case and its events through the same
 * guards as the functions above. Good rows are stored, every bad row is
 * named through on_row with its row number and reason; all in one
 * transaction, so an interrupted import stores nothing. A row whose
 * ledger number (field `ref`) was imported before is skipped. Fails (and
 * stores nothing) with XXGK_E_IO / XXGK_E_UNSUPPORTED when the file
 * cannot be read, XXGK_E_USAGE when the mapping is wrong or a required
 * field has no column. The call succeeds when some rows failed: see
 * summary->failed. */
xxgk_status xxgk_register_import_ledger(xxgk_register *reg, const char *path,
                                        const xxgk_ledger_options *options,
                                        xxgk_ledger_summary *summary, xxgk_error *err);

/* The selected cases, one row each (docs/register.md "Export columns";
 * ID numbers masked): CSV with a UTF-8 BOM (Excel opens it as UTF-8), or
 * an XLSX workbook written atomically at `path` (`overwrite` as in
 * xxgk_report_render_file). */
xxgk_status xxgk_register_export_csv(xxgk_register *reg, const xxgk_case_filter *filter,
                                     xxgk_date today, FILE *out, xxgk_error *err);
xxgk_status xxgk_register_export_xlsx(xxgk_register *reg, const xxgk_case_filter *filter,
                                      xxgk_date today, const char *path, bool overwrite,
                                      xxgk_error *err);

/* An iCalendar (RFC 5545) file of the next deadline of every open case of
 * `body` (NULL: all): one all-day event per case on its due date. */
xxgk_status xxgk_register_write_ics(xxgk_register *reg, const char *body, xxgk_date today,
                                    FILE *out, xxgk_error *err);

#endif /* XXGK_NO_STORE (the register) */

#ifndef XXGK_NO_STORE
/* ------------------------------------------------------------------ */
/* The supervising office's desk (xxgk db bodies, status, summary,    */
/* similar): who has reported, who must correct, what was copied      */
/* ------------------------------------------------------------------ */

/* The store keeps a roster of the bodies an office supervises (table
 * `body`, docs/schema.md). A report is matched to a body by its name and
 * the body's aliases, with the usual variants: with or without 人民政府
 * (洪泽区政府 = 洪泽区人民政府), with or without the higher levels in
 * front (淮安市洪泽区人民政府 = 洪泽区人民政府), 街道办事处 = 街道. A name that
 * matches no body, or more than one, is reported, never guessed. Of the
 * reports of one body and year only the one imported last is counted
 * (the others are kept as earlier versions): every command but `query`
 * sees counted reports only. */

/* How a name matched. */
typedef enum xxgk_match {
    XXGK_MATCH_NONE = 0,   /* no body */
    XXGK_MATCH_ONE,        /* exactly one */
    XXGK_MATCH_AMBIGUOUS   /* more than one: the candidates are listed */
} xxgk_match;

/* One body of the roster. Strings are "" when the roster left them
 * empty, and valid during the callback only. */
typedef struct xxgk_body {
    int64_t id;
    int position;           /* its row in the roster, 1 … */
    const char *name;       /* 名称 */
    const char *parent;     /* 上级 */
    const char *kind;       /* 类别: 乡镇, 街道, 县级部门, 县级人民政府 … */
    const char *aliases;    /* 别名, separated by ； */
    const char *years;      /* years with a counted report, "2023 2024" */
} xxgk_body;

typedef struct xxgk_roster_summary {
    size_t bodies;          /* bodies in the roster read */
    size_t added, updated, removed;  /* against the roster stored before */
    size_t matched;         /* counted reports now matched to a body */
    size_t unmatched;       /* counted reports whose body is not in it */
    size_t ambiguous;       /* counted reports whose name fits several */
} xxgk_roster_summary;

/* Replaces the store's roster with the one in `path`: CSV (UTF-8 with or
 * without BOM, or GB18030; RFC 4180 quoting) or XLSX (its first sheet),
 * with a header row naming the columns 名称, 上级, 类别, 别名 (any order;
 * only 名称 is required; name, parent, kind, aliases also serve). Every
 * stored report is matched again, the counted report of each body and
 * year decided again and the rules across years re-applied. Fails with
 * XXGK_E_USAGE and a message naming the line for a missing column, an
 * empty or repeated name; XXGK_E_IO, XXGK_E_TOO_LARGE or
 * XXGK_E_UNSUPPORTED for a file that cannot be read. */
xxgk_status xxgk_store_import_roster(xxgk_store *store, const char *path,
                                     xxgk_roster_summary *summary, xxgk_error *err);

/* Calls fn for every body of the roster in roster order; a non-zero
 * return stops. */
typedef int (*xxgk_body_fn)(void *ctx, const xxgk_body *body);
xxgk_status xxgk_store_bodies(xxgk_store *store, xxgk_body_fn fn, void *ctx, xxgk_error *err);

/* What `--body TEXT` stands for, the same in every command: a body of the
 * roster by name or alias (with the variants above, else a part of its
 * name), else the bodies named in stored reports the same way. *match
 * says whether it found one; fn (may be NULL) receives the one name, or
 * every candidate when ambiguous. */
typedef void (*xxgk_name_fn)(void *ctx, const char *name);
xxgk_status xxgk_store_match_body(xxgk_store *store, const char *text, xxgk_match *match,
                                  xxgk_name_fn fn, void *ctx, xxgk_error *err);

/* A counted report whose body is not in the roster, or fits several. */
typedef struct xxgk_stray {
    int64_t report_id;
    int year;
    const char *body, *path;
    xxgk_match match;        /* NONE or AMBIGUOUS */
    const char *candidates;  /* AMBIGUOUS: the bodies it fits, "、"-separated */
} xxgk_stray;

/* Calls fn for every selected counted report that the roster does not
 * match to exactly one body (nothing when there is no roster). */
typedef int (*xxgk_stray_fn)(void *ctx, const xxgk_stray *stray);
xxgk_status xxgk_store_strays(xxgk_store *store, const xxgk_store_filter *filter,
                              xxgk_stray_fn fn, void *ctx, xxgk_error *err);

/* Where a body stands for a year. */
typedef enum xxgk_desk_state {
    XXGK_DESK_MISSING = 0,  /* 未报送: no report */
    XXGK_DESK_SUBMITTED,    /* 已报送: a report without errors */
    XXGK_DESK_ERRORS,       /* 有错误: its counted report has errors */
    XXGK_DESK_CORRECTED     /* 已改正: no errors, an earlier version had */
} xxgk_desk_state;

/* "missing", "submitted", "errors", "corrected"; and 未报送, 已报送, 有错误,
 * 已改正. */
const char *xxgk_desk_state_name(xxgk_desk_state state);
const char *xxgk_desk_state_text(xxgk_desk_state state);

/* A finding a clerk must fix (errors and warnings). */
typedef struct xxgk_desk_finding {
    xxgk_severity severity;
    const char *rule, *message, *expected; /* expected may be NULL */
} xxgk_desk_finding;

/* One body's line of the status sheet. */
typedef struct xxgk_desk_row {
    const char *body, *parent, *kind;  /* kind "" when unknown */
    xxgk_desk_state state;
    bool late;              /* 逾期: signed after the statutory date */
    const char *deadline;   /* that date for its kind, ISO */
    int64_t report_id;      /* the counted report, 0 when MISSING */
    const char *name;       /* the body as the report names it */
    const char *path, *date; /* its file; its 成文日期 (NULL when none) */
    int versions;           /* reports of the body and year stored */
    int errors, warnings;   /* of the counted report (-1: not checked) */
    const char *first_error; /* the first error in words, or NULL */
    int64_t applications;   /* 本年新收 (t3.new.total), -1 when absent */
    /* Copied text: the share of the report's sentences found in the
     * body's report of the year before, and in other bodies' reports of
     * the year; -1 when there is nothing to compare (no text stored, or
     * no report of the year before). */
    double copied_previous, copied_others;
    size_t sentences;
    const xxgk_desk_finding *findings; /* errors, then warnings */
    size_t nfindings;
} xxgk_desk_row;

/* The status of every rostered body for a year (without a roster: of
 * every body that reported). */
typedef struct xxgk_desk {
    int year;
    const char *region;     /* the office's region: the most common 上级 of
                               the roster, or NULL */
    bool roster;            /* false: no roster, missing bodies unknown */
    xxgk_desk_row *rows;    /* roster order */
    size_t nrows;
    size_t missing, submitted, with_errors, corrected, late;
    size_t strays;          /* counted reports of the year not matched */
    size_t superseded;      /* earlier versions of the counted reports: kept,
                               not counted */
} xxgk_desk;

xxgk_status xxgk_store_desk(xxgk_store *store, int year, xxgk_desk **out, xxgk_error *err);
void xxgk_desk_free(xxgk_desk *desk);

/* The status as JSON (one object: year, region, summary, rows), then a
 * newline. 0, or -1 when writing failed. */
xxgk_status xxgk_desk_write_json(const xxgk_desk *desk, FILE *out);

/* The sheet a clerk prints and sends back: a title naming the region and
 * year, one row per body (Chinese headers, landscape A4, 30 bodies a
 * page), then per body the findings to fix. XLSX, DOCX or HTML (format),
 * written atomically; an existing file is replaced only with overwrite. */
xxgk_status xxgk_desk_write_file(const xxgk_desk *desk, xxgk_render_format format,
                                 const char *path, bool overwrite, xxgk_error *err);

/* Copied text in the counted reports of a year (filter->year required;
 * the other members of the filter narrow the reports listed, not those
 * compared with). */
typedef struct xxgk_similar {
    int64_t report_id;
    const char *body;
    size_t sentences;        /* sentences counted in the report */
    double previous;         /* share found in the body's previous report,
                                -1 when there is none */
    double others;           /* share found in other bodies' reports */
    const char *closest;     /* the other body sharing most, or NULL */
    size_t closest_shared;   /* sentences shared with it */
} xxgk_similar;

/* The selected reports, most copied first. Reports stored without their
 * sentences (imported before schema version 2 and not imported since)
 * have sentences 0 and shares -1. */
xxgk_status xxgk_store_similar(xxgk_store *store, const xxgk_store_filter *filter,
                               xxgk_similar **out, size_t *n, xxgk_error *err);
void xxgk_similar_free(xxgk_similar *rows, size_t n);

/* For a finding of a rollup (an identity the summed tables break), the
 * summed reports that cause it: those whose own tables break the same
 * identity (at the same row or column), and those that lack some of its
 * cells while having others. fn receives each body's name and whether
 * it lacks cells (false: its own numbers break the identity). */
typedef void (*xxgk_culprit_fn)(void *ctx, const char *body, bool lacks_cells);
xxgk_status xxgk_store_rollup_culprits(xxgk_store *store, const xxgk_store_filter *filter,
                                       const xxgk_finding *broken, xxgk_culprit_fn fn,
                                       void *ctx, xxgk_error *err);

/* Export options: the column headers are Chinese (表三 … 自然人) unless
 * keys is set (the cell keys, as before); only the cells of the formats
 * the selected reports are in are written. */
typedef struct xxgk_export_options {
    bool keys;
} xxgk_export_options;

xxgk_status xxgk_store_export_csv_with(xxgk_store *store, const xxgk_store_filter *filter,
                                       const xxgk_export_options *options, FILE *out,
                                       xxgk_error *err);
xxgk_status xxgk_store_export_xlsx_with(xxgk_store *store, const xxgk_store_filter *filter,
                                        const xxgk_export_options *options, const char *path,
                                        xxgk_error *err);

/* A chart as xxgk_stats_write_svg draws it, with a note under it (such as
 * the rostered bodies without a report); note may be NULL. */
xxgk_status xxgk_stats_write_svg_note(const xxgk_stats *stats, xxgk_chart chart, const char *note,
                              FILE *out);
/* The same into the file `path`, written as every output file is (see
 * "Output files" below: atomically; an existing file only with
 * `overwrite`); a failure names the path and the reason. */
xxgk_status xxgk_stats_write_svg_file(const xxgk_stats *stats, xxgk_chart chart,
                                      const char *note, const char *path, bool overwrite,
                                      xxgk_error *err);

/* The rostered bodies without a counted report for `year`, in roster
 * order, through fn. Nothing when there is no roster. */
xxgk_status xxgk_store_missing_bodies(xxgk_store *store, int year, xxgk_name_fn fn, void *ctx,
                                      xxgk_error *err);
#endif /* XXGK_NO_STORE */

/* ------------------------------------------------------------------ */
/* The clerk's path: totals computed, the fill-in workbook, PDF out    */
/* ------------------------------------------------------------------ */

/* In a model a person built (a JSON model, a filled-in workbook: both
 * call it when they are read), fills every blank total whose parts are
 * all numbers with their sum and flags it XXGK_CELL_COMPUTED; repeated
 * until nothing more can be filled. Which cells are totals comes from the
 * format's sum rules (every identity with one cell on one side). A total
 * that is given is never changed. Returns the number of cells filled
 * (the rule total-computed reports each as a note). */
size_t xxgk_report_complete_totals(xxgk_report *report);

/* A system error (an errno value) in Chinese for the common ones
 * (文件或目录不存在, 没有权限, 磁盘空间不足, …), else the C library's
 * text: every message the library and the command print is Chinese
 * where the text is ours. */
const char *xxgk_system_error_text(int errnum);


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

#ifndef XXGK_NO_STORE
/* db export into a file: `format` "csv" or "xlsx" (the same content as
 * xxgk_store_export_csv / _xlsx), written by the rule above. Without
 * `overwrite` an existing regular file is refused (XXGK_E_IO,
 * "文件已存在"). A failed write (a full disk) fails with XXGK_E_IO and a
 * message naming `path` and the reason, and leaves no file behind; a
 * failure reading the store gives the store's message without `path`.
 * `options` (may be NULL) as in xxgk_store_export_csv_with.
 * xxgk_store_export_xlsx(_with) is this with overwrite. */
xxgk_status xxgk_store_export_file(xxgk_store *store, const xxgk_store_filter *filter,
                                   const xxgk_export_options *options, const char *format,
                                   const char *path, bool overwrite, xxgk_error *err);

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

#endif /* XXGK_NO_STORE */

/* ------------------------------------------------------------------ */
/* Interfaces that draw the tables themselves (xxgk serve): the        */
/* official layout, the sum rules; accounts, sessions, drafts, the     */
/* audit trail                                                         */
/* ------------------------------------------------------------------ */

/* ---- the official layout of a table --------------------------------- */

/* What a cell of the laid-out table is (as the renderers draw it). */
typedef enum xxgk_grid_kind {
    XXGK_GRID_CAPTION = 0, /* a block caption of table 二 (第二十条第（一）项) */
    XXGK_GRID_CORNER,      /* the header over the label columns */
    XXGK_GRID_GROUP,       /* a column group label (申请人情况) */
    XXGK_GRID_ROWHEAD,     /* a row group printed as a column header (表四) */
    XXGK_GRID_COLHEAD,     /* a column label (自然人) */
    XXGK_GRID_LABEL,       /* a row label, or a group label spanning rows */
    XXGK_GRID_VALUE        /* a value cell */
} xxgk_grid_kind;

typedef struct xxgk_grid_cell {
    xxgk_grid_kind kind;
    int row, col;          /* top-left position, 0-based */
    int rowspan, colspan;  /* 1 when not merged */
    int depth;             /* LABEL: nesting level, 0 = top */
    bool group;            /* LABEL: a group label without cells of its own */
    const char *text;      /* the label as printed; NULL for a VALUE */
    int cell;              /* VALUE: the cell id; else -1 */
} xxgk_grid_cell;

/* One table of a format laid out as the format prints it, with the
 * official merged header cells: what xxgk_report_render draws. */
typedef struct xxgk_table_grid {
    int section;           /* 2, 3, 4 */
    xxgk_format format;
    const char *name;      /* "表二" */
    const char *caption;   /* "表一　主动公开政府信息情况" as the HTML prints it */
    int nrows, ncols;      /* the grid's size */
    int label_cols;        /* columns of row labels at the left */
    int head_rows;         /* header rows at the top */
    const xxgk_grid_cell *cells; /* ordered by row, then column */
    size_t ncells;
} xxgk_table_grid;

/* Lays out the table of `section` (2, 3, 4) in `format`. XXGK_E_USAGE
 * when the format has no such table. Free with xxgk_table_grid_free. */
xxgk_status xxgk_table_grid_new(xxgk_format format, int section, xxgk_table_grid **out,
                                xxgk_error *err);
void xxgk_table_grid_free(xxgk_table_grid *grid);

/* ---- the sum rules ---------------------------------------------------- */

/* One identity of the tables as the format's sum rules state it for one
 * row or column: the cells of lhs add up to those of rhs. A side of one
 * cell is a total of the other side's cells. */
typedef struct xxgk_sum {
    const char *rule;      /* the rule id that reports it ("t3-row-total") */
    const int *lhs;        /* cell ids */
    size_t nlhs;
    const int *rhs;
    size_t nrhs;
} xxgk_sum;

/* The identities that hold in `format`, in template order, each side
 * holding only cells of that format. 0 / NULL for an unknown format or
 * an index past the end. */
size_t xxgk_sum_count(xxgk_format format);
const xxgk_sum *xxgk_sum_at(xxgk_format format, size_t i);

#ifndef XXGK_NO_STORE

/* The applicant's ID number unmasked, NULL when none was given: for the
 * case's own page shown to the body's own staff. Every listing, export
 * and history shows xxgk_case_info.id_masked. */
const char *xxgk_case_id_number(const xxgk_case *c);

/* The store the register keeps its tables in (owned by reg): one
 * connection for the register and the store's other tables. */
xxgk_store *xxgk_register_store(xxgk_register *reg);

/* ---- accounts and permissions ---------------------------------------- */

/* Who works with the store. Permissions are named and checked by the
 * interface for every request (xxgk_role_can); what a user may see is
 * also bound to a body or a region (xxgk_user_covers_body). */
typedef enum xxgk_role {
    XXGK_ROLE_CLERK = 0,   /* 经办人: the register and report of one body */
    XXGK_ROLE_HEAD,        /* 负责人: as a clerk, and approves extensions */
    XXGK_ROLE_SUPERVISOR,  /* 监督人员: reads every body of a region */
    XXGK_ROLE_ADMIN,       /* 管理员: users, the roster, the calendar */
    XXGK_ROLE_COUNT
} xxgk_role;

/* "clerk", "head", "supervisor", "admin"; 经办人, 负责人, 监督人员, 管理员. */
const char *xxgk_role_key(xxgk_role role);
const char *xxgk_role_text(xxgk_role role);
bool xxgk_role_find(const char *key, xxgk_role *out);

typedef enum xxgk_permission {
    XXGK_PERM_CHECK = 0,          /* check an uploaded report */
    XXGK_PERM_CASES_READ,         /* read the cases of the bodies covered */
    XXGK_PERM_CASES_WRITE,        /* register cases and record their facts */
    XXGK_PERM_EXTENSION_APPROVE,  /* record an extension as its approver */
    XXGK_PERM_REPORT_WRITE,       /* write the body's report, keep drafts */
    XXGK_PERM_REPORT_SUBMIT,      /* submit it to the supervising office */
    XXGK_PERM_DESK_READ,          /* the status of the region's bodies */
    XXGK_PERM_USERS_MANAGE,
    XXGK_PERM_BODIES_MANAGE,      /* the roster */
    XXGK_PERM_CALENDAR_MANAGE,    /* holiday notices */
    XXGK_PERM_AUDIT_READ,
    XXGK_PERM_COUNT
} xxgk_permission;

/* "check", "cases.read", …, and whether `role` has the permission. */
const char *xxgk_permission_key(xxgk_permission perm);
bool xxgk_role_can(xxgk_role role, xxgk_permission perm);

/* A user. Strings are "" when not set. */
typedef struct xxgk_user {
    int64_t id;
    const char *name;
    xxgk_role role;
    const char *body;      /* clerk, head: the body they work for */
    const char *region;    /* supervisor: the 上级 of the roster's bodies */
    bool disabled;
    const char *created;   /* UTC ISO 8601 */
} xxgk_user;

/* Passwords are kept as argon2id hashes (libargon2, a salt of 16 random
 * bytes each); a password has at least XXGK_PASSWORD_MIN characters. */
#define XXGK_PASSWORD_MIN 8

/* Adds a user: a clerk or head needs `body`, a supervisor `region`.
 * XXGK_E_USAGE with the reason (a name taken, a short password, a
 * missing body); recorded in the audit trail as done by `who`. *id may
 * be NULL. */
xxgk_status xxgk_user_add(xxgk_store *store, const char *name, xxgk_role role, const char *body,
                          const char *region, const char *password, const char *who,
                          int64_t *id, xxgk_error *err);
/* A new password, or disabling (or enabling) a user; audited. */
xxgk_status xxgk_user_set_password(xxgk_store *store, const char *name, const char *password,
                                   const char *who, xxgk_error *err);
xxgk_status xxgk_user_set_disabled(xxgk_store *store, const char *name, bool disabled,
                                   const char *who, xxgk_error *err);
/* Calls fn for every user, by name; a non-zero return stops. */
typedef int (*xxgk_user_fn)(void *ctx, const xxgk_user *user);
xxgk_status xxgk_user_list(xxgk_store *store, xxgk_user_fn fn, void *ctx, xxgk_error *err);

/* Checks a name and password. XXGK_OK and a new *out (free it with
 * xxgk_user_free); XXGK_E_USAGE "用户名或密码不正确" for an unknown
 * name, a wrong password or a disabled user alike (an unknown name
 * costs the same hashing time as a known one). Not audited: the caller
 * knows the address and records success or failure. */
xxgk_status xxgk_user_login(xxgk_store *store, const char *name, const char *password,
                            xxgk_user **out, xxgk_error *err);
/* The user `id` (any state), or XXGK_E_USAGE. */
xxgk_status xxgk_user_get(xxgk_store *store, int64_t id, xxgk_user **out, xxgk_error *err);
void xxgk_user_free(xxgk_user *user);

/* Whether `user` may see the affairs of `body`: a clerk or head their
 * own body only; a supervisor every body the roster lists under their
 * region (its 上级), and the region's own body; an admin none. */
bool xxgk_user_covers_body(xxgk_store *store, const xxgk_user *user, const char *body);

/* ---- sessions ---------------------------------------------------------- */

/* A login session. The id and the CSRF token are 43 characters of
 * base64url (32 random bytes from getrandom); the store keeps only the
 * SHA-256 of the id, so that reading the database does not log anyone
 * in. Times are seconds since the epoch. */
typedef struct xxgk_session {
    char id[48];
    char csrf[48];
    int64_t user_id;
    int64_t created, seen;
} xxgk_session;

/* 43 characters of base64url from 32 random bytes, NUL-terminated, into
 * out (at least 44 bytes). XXGK_E_IO when the system gives no random
 * bytes. */
xxgk_status xxgk_random_token(char *out, size_t size);

/* A new session for `user_id` at `now`: a new id and token every time
 * (a login never keeps an old id). */
xxgk_status xxgk_session_new(xxgk_store *store, int64_t user_id, int64_t now,
                             xxgk_session *out, xxgk_error *err);
/* The session `id` if it was seen within `idle` seconds before `now`
 * (then `seen` becomes now), else XXGK_E_USAGE (an expired session is
 * removed). */
xxgk_status xxgk_session_get(xxgk_store *store, const char *id, int64_t now, int64_t idle,
                             xxgk_session *out, xxgk_error *err);
/* Ends a session (logout); no error when there is none. */
xxgk_status xxgk_session_end(xxgk_store *store, const char *id, xxgk_error *err);

/* ---- the audit trail ------------------------------------------------ */

/* One entry: who did what to which object, from where, when. */
typedef struct xxgk_audit_entry {
    int64_t id;
    const char *at;        /* UTC ISO 8601 */
    const char *who, *address, *action, *object, *detail; /* "" when none */
} xxgk_audit_entry;

/* Appends an entry (action: "login", "login.failed", "case.add", …). */
xxgk_status xxgk_audit_add(xxgk_store *store, const char *who, const char *address,
                           const char *action, const char *object, const char *detail,
                           xxgk_error *err);
/* The entries newest first, at most `limit`; a non-zero return stops. */
typedef int (*xxgk_audit_fn)(void *ctx, const xxgk_audit_entry *entry);
xxgk_status xxgk_audit_list(xxgk_store *store, size_t limit, xxgk_audit_fn fn, void *ctx,
                            xxgk_error *err);

/* ---- drafts of a body's report, and submitting one ----------------- */

typedef struct xxgk_draft_info {
    const char *body;
    int year;
    int version;           /* 1, 2, … */
    const char *who, *at;  /* who saved it, when (UTC ISO 8601) */
    int errors, warnings;  /* of the model's check when saved */
    int64_t report_id;     /* the stored report it was submitted as, 0 */
} xxgk_draft_info;

/* Saves `report` (its model: meta, cells, sections) as the next version
 * of `body`'s draft for the report's year. The report is checked first
 * (xxgk_check, model only: its findings are replaced) and the counts
 * kept. *version may be NULL. */
xxgk_status xxgk_draft_save(xxgk_store *store, const char *body, xxgk_report *report,
                            const char *who, int *version, xxgk_error *err);
/* Version `version` (0: the latest) of the draft as a report; *version_out
 * (may be NULL) says which. XXGK_E_USAGE when there is none. */
xxgk_status xxgk_draft_load(xxgk_store *store, const char *body, int year, int version,
                            xxgk_report **out, int *version_out, xxgk_error *err);
/* The versions, newest first. */
typedef int (*xxgk_draft_fn)(void *ctx, const xxgk_draft_info *draft);
xxgk_status xxgk_draft_versions(xxgk_store *store, const char *body, int year,
                                xxgk_draft_fn fn, void *ctx, xxgk_error *err);
/* Submits version `version` (0: the latest) to the supervising office:
 * the report is stored in the report store, checked, as the newest
 * version of "报送/<body>/<year>", so that the desk counts it (an
 * earlier submission becomes an earlier version). *report_id may be
 * NULL. Refused (XXGK_E_USAGE) when the draft has error findings. */
xxgk_status xxgk_draft_submit(xxgk_store *store, const char *body, int year, int version,
                              const char *who, int64_t *report_id, xxgk_error *err);

#endif /* XXGK_NO_STORE */

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* XXGK_H */
