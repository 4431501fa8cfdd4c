/*
 * gen_reports.c — synthetic annual reports for `make bench`: many bodies,
 * every year 2019–2025 in the format of its year, numbers that satisfy
 * the identities of the tables (and carry over from one year to the
 * next), written in the text layouts `xxgk parse` reads (pipe- and
 * tab-separated cells). The narrative paragraphs are taken from the
 * bundled samples (examples/), so the files have the size and prose of
 * real reports. The tables are laid out from the template
 * (src/template_data.c), never from a copy of it.
 *
 * Usage: gen_reports OUTDIR COUNT [--seed N] [--bad PERCENT] [--verify N]
 *                    [--samples DIR]
 *   --bad      share of reports with one deliberately broken total (5)
 *   --verify   parse the first N files back and compare every cell
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "template.h"
#include "xxgk.h"

#define FIRST_YEAR 2019
#define LAST_YEAR 2025
#define NYEARS (LAST_YEAR - FIRST_YEAR + 1)
#define MAX_CELLS 512

/* ---- random numbers (xorshift64*: fixed seed, same files every run) --- */

static uint64_t rng_state = 88172645463325252ULL;

static uint64_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static int rnd_below(int n)
{
    return n > 0 ? (int)(rnd() % (uint64_t)n) : 0;
}

/* ---- bodies ---------------------------------------------------------- */

static const char *const places1[] = {"云", "青", "白", "金", "南", "东", "西", "北", "安", "平",
                                      "长", "清", "宁", "丰", "永", "新", "和", "兴", "顺", "泰"};
static const char *const places2[] = {"溪", "石", "鹭", "山", "河", "湖", "阳", "川", "林", "桥",
                                      "水", "江", "峰", "原", "城", "岭", "州", "海"};
static const char *const kinds[] = {"县", "区", "市"};
static const char *const agencies[] = {
    "人民政府",       "市场监督管理局", "人力资源和社会保障局", "教育局",   "卫生健康委员会",
    "自然资源局",     "生态环境局",     "交通运输局",           "财政局",   "住房和城乡建设局",
    "农业农村局",     "民政局",         "司法局",               "商务局",   "应急管理局",
    "文化和旅游局",   "水利局",         "退役军人事务局",       "统计局",   "医疗保障局"};

static void body_name(int k, char *out, size_t size)
{
    int n1 = (int)(sizeof places1 / sizeof *places1), n2 = (int)(sizeof places2 / sizeof *places2);
    int na = (int)(sizeof agencies / sizeof *agencies);
    int place = k / na, agency = k % na;
    snprintf(out, size, "%s%s%s%s", places1[place % n1], places2[(place / n1) % n2],
             kinds[(place / (n1 * n2)) % 3], agencies[agency]);
}

/* ---- prose from the samples ----------------------------------------- */

typedef struct prose {
    char *overview[16];  /* section 一 of each sample */
    char *problems[16];  /* section 五 */
    int n;
} prose;

static void load_prose(const char *dir, prose *p)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) && p->n < 16) {
        if (!strstr(e->d_name, ".txt"))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        xxgk_report *r = NULL;
        if (xxgk_report_read_file(path, &r, NULL) != XXGK_OK)
            continue;
        const char *one = xxgk_report_section_text(r, 1), *five = xxgk_report_section_text(r, 5);
        if (one && five) {
            p->overview[p->n] = strdup(one);
            p->problems[p->n] = strdup(five);
            p->n++;
        }
        xxgk_report_free(r);
    }
    if (d)
        closedir(d);
}

/* ---- the numbers ----------------------------------------------------- */

typedef struct cellv {
    bool present;
    int64_t units;
    int scale;
} cellv;

static void put(cellv *v, const char *table, const char *row, const char *col, int64_t units,
                int scale)
{
    int id = tpl_cell_id(table, row, col);
    if (id >= 0)
        v[id] = (cellv){true, units, scale};
}

static int64_t get(const cellv *v, const char *table, const char *row, const char *col)
{
    int id = tpl_cell_id(table, row, col);
    return id >= 0 && v[id].present ? v[id].units : 0;
}

/* Table 二: counts of a plausible size, in the format of the year. */
static void fill_t2(cellv *v, xxgk_format f, int64_t stock[2])
{
    const tpl_table *t = tpl_table_of(f, 2);
    for (int r = 0; r < t->nrows; r++) {
        const tpl_block *b = tpl_row_block(t, r);
        for (int c = 0; c < b->ncols; c++) {
            const tpl_col *col = &b->cols[c];
            int64_t x = rnd_below(r < 2 ? 8 : 400);
            int scale = 0;
            if (col->unit == UNIT_SIGNED_COUNT)
                x = rnd_below(21) - 10;
            else if (col->unit == UNIT_WANYUAN) {
                x = rnd_below(5000000); /* up to 500 万元, two decimals */
                scale = 2;
            }
            put(v, t->id, t->rows[r].key, col->key, x, scale);
        }
    }
    if (f != XXGK_FORMAT_2021)
        return;
    /* Documents in force: last year's stock + made − repealed, the
     * continuity the checker expects. */
    for (int r = 0; r < 2; r++) {
        const char *row = t->rows[r].key;
        int64_t made = get(v, "t2", row, "made"), repealed = rnd_below((int)stock[r] / 4 + 1);
        if (!stock[r])
            stock[r] = rnd_below(40);
        put(v, "t2", row, "repealed", repealed, 0);
        stock[r] = stock[r] + made - repealed;
        put(v, "t2", row, "in_force", stock[r], 0);
    }
}

/* The outcome rows of table 三 for the format: the right side of the
 * t3-outcome-total sum rule. */
static int outcome_rows(xxgk_format f, const char *keys[32])
{
    const tpl_table *t = tpl_table_of(f, 3);
    int n = 0;
    for (int k = 0; k < t->nsums; k++) {
        if (strcmp(t->sums[k].rule, "t3-outcome-total") || !(t->sums[k].formats & format_mask(f)))
            continue;
        key_iter it;
        for (key_iter_init(&it, t->sums[k].rhs); key_iter_next(&it) && n < 32;)
            keys[n++] = t->rows[tpl_row_index(t, it.key)].key;
    }
    return n;
}

/* Table 三: per applicant column, new + carried in = outcomes + carried
 * out; the 总计 column and row are the sums. carry[] holds last year's
 * carried_out per column and receives this year's. */
static void fill_t3(cellv *v, xxgk_format f, int64_t carry[7])
{
    const tpl_block *b = &tpl_table_of(f, 3)->blocks[0];
    const char *rows[32];
    int nrows = outcome_rows(f, rows);
    static const int scale_of[] = {60, 8, 1, 1, 3, 2}; /* natural persons apply most */
    for (int c = 0; c < b->ncols - 1; c++) {
        const char *col = b->cols[c].key;
        int64_t fresh = rnd_below(scale_of[c % 6] + 1), in = carry[c];
        int64_t out = rnd_below((int)(fresh + in) / 4 + 1);
        int64_t left = fresh + in - out;
        put(v, "t3", "new", col, fresh, 0);
        put(v, "t3", "carried_in", col, in, 0);
        put(v, "t3", "carried_out", col, out, 0);
        for (int r = 0; r < nrows; r++)
            put(v, "t3", rows[r], col, 0, 0);
        for (; left > 0; left--) { /* most granted, some refused, a few others */
            int r = rnd_below(3) ? rnd_below(2) : rnd_below(nrows);
            put(v, "t3", rows[r], col, get(v, "t3", rows[r], col) + 1, 0);
        }
        int64_t total = 0;
        for (int r = 0; r < nrows; r++)
            total += get(v, "t3", rows[r], col);
        put(v, "t3", "total", col, total, 0);
        carry[c] = out;
    }
    const tpl_table *t = tpl_table_of(f, 3);
    for (int r = 0; r < t->nrows; r++) {
        if (t->rows[r].kind != ROW_DATA || !(t->rows[r].formats & format_mask(f)))
            continue;
        int64_t sum = 0;
        for (int c = 0; c < b->ncols - 1; c++)
            sum += get(v, "t3", t->rows[r].key, b->cols[c].key);
        put(v, "t3", t->rows[r].key, "total", sum, 0);
    }
}

static void fill_t4(cellv *v, xxgk_format f)
{
    const tpl_table *t = tpl_table_of(f, 4);
    const tpl_block *b = &t->blocks[0];
    for (int r = 0; r < t->nrows; r++) {
        if (t->rows[r].kind != ROW_DATA)
            continue;
        int64_t sum = 0;
        for (int c = 0; c < b->ncols - 1; c++) {
            int64_t x = rnd_below(4) == 0 ? rnd_below(3) : 0;
            put(v, "t4", t->rows[r].key, b->cols[c].key, x, 0);
            sum += x;
        }
        put(v, "t4", t->rows[r].key, b->cols[b->ncols - 1].key, sum, 0);
    }
}

/* ---- writing --------------------------------------------------------- */

typedef struct out {
    FILE *f;
    char sep; /* '|' or '\t' */
} out;

static void value_text(const cellv *c, char *buf, size_t size)
{
    if (!c->present) {
        buf[0] = '\0';
        return;
    }
    int64_t u = c->units < 0 ? -c->units : c->units, p = 1;
    for (int k = 0; k < c->scale; k++)
        p *= 10;
    if (c->scale)
        snprintf(buf, size, "%s%lld.%0*lld", c->units < 0 ? "-" : "", (long long)(u / p),
                 c->scale, (long long)(u % p));
    else
        snprintf(buf, size, "%lld", (long long)c->units);
}

static void cell(out *o, const char *s, bool first)
{
    if (!first)
        fputc(o->sep, o->f);
    fputs(s, o->f);
}

static void write_t2(out *o, const cellv *v, xxgk_format f)
{
    const tpl_table *t = tpl_table_of(f, 2);
    for (int k = 0; k < t->nblocks; k++) {
        const tpl_block *b = &t->blocks[k];
        fprintf(o->f, "%s\n", b->caption);
        cell(o, t->ngroups ? t->groups[0].label : "", true);
        for (int c = 0; c < b->ncols; c++)
            cell(o, b->cols[c].label, false);
        fputc('\n', o->f);
        for (int r = 0; r < t->nrows; r++) {
            if (t->rows[r].block != k || t->rows[r].kind != ROW_DATA)
                continue;
            cell(o, t->rows[r].label, true);
            for (int c = 0; c < b->ncols; c++) {
                char buf[48];
                value_text(&v[tpl_cell_id("t2", t->rows[r].key, b->cols[c].key)], buf,
                           sizeof buf);
                cell(o, buf, false);
            }
            fputc('\n', o->f);
        }
    }
}

/* Whether row r is the first data row (of format mask m) under group g:
 * that is where the group's label is printed, as in the samples. */
static bool first_under(const tpl_table *t, int g, int r, int m)
{
    for (int k = 0; k < t->nrows; k++) {
        if (t->rows[k].kind != ROW_DATA || !(t->rows[k].formats & m))
            continue;
        for (int a = t->rows[k].group; a >= 0; a = t->rows[a].group)
            if (a == g)
                return k == r;
    }
    return false;
}

static void group_labels(out *o, const tpl_table *t, int r, int m, int g, bool *first)
{
    if (g < 0)
        return;
    group_labels(o, t, r, m, t->rows[g].group, first);
    if ((t->rows[g].formats & m) && first_under(t, g, r, m)) {
        cell(o, t->rows[g].label, *first);
        *first = false;
    }
}

static void write_t3(out *o, const cellv *v, xxgk_format f)
{
    const tpl_table *t = tpl_table_of(f, 3);
    const tpl_block *b = &t->blocks[0];
    int m = format_mask(f);
    const char *groups = t->ngroups > 0 ? t->groups[0].label : "";
    const char *split = t->ngroups > 1 ? t->groups[1].label : NULL;
    /* The header as Word exports it: the note and the group label, the
     * natural-person / organisation / total line, the organisation kinds. */
    cell(o, t->header_note, true);
    cell(o, groups, false);
    fputc('\n', o->f);
    cell(o, b->cols[0].label, true);
    cell(o, split ? split : "", false);
    cell(o, b->cols[b->ncols - 1].label, false);
    fputc('\n', o->f);
    for (int c = 1; c < b->ncols - 1; c++)
        cell(o, b->cols[c].label, c == 1);
    fputc('\n', o->f);
    for (int r = 0; r < t->nrows; r++) {
        if (t->rows[r].kind != ROW_DATA || !(t->rows[r].formats & m))
            continue;
        bool first = true;
        group_labels(o, t, r, m, t->rows[r].group, &first);
        cell(o, t->rows[r].label, first);
        for (int c = 0; c < b->ncols; c++) {
            char buf[48];
            value_text(&v[tpl_cell_id("t3", t->rows[r].key, b->cols[c].key)], buf, sizeof buf);
            cell(o, buf, false);
        }
        fputc('\n', o->f);
    }
}

static void write_t4(out *o, const cellv *v, xxgk_format f)
{
    const tpl_table *t = tpl_table_of(f, 4);
    const tpl_block *b = &t->blocks[0];
    bool first = true;
    for (int r = 0; r < t->nrows; r++) /* 行政复议 | 行政诉讼 */
        if (t->rows[r].group < 0) {
            cell(o, t->rows[r].label, first);
            first = false;
        }
    fputc('\n', o->f);
    for (int c = 0; c < b->ncols; c++) /* review's columns, then the suits */
        cell(o, b->cols[c].label, c == 0);
    for (int r = 0; r < t->nrows; r++)
        if (t->rows[r].group >= 0)
            cell(o, t->rows[r].label, false);
    fputc('\n', o->f);
    first = true;
    for (int r = 0; r < t->nrows; r++) {
        if (t->rows[r].kind != ROW_DATA)
            continue;
        for (int c = 0; c < b->ncols; c++) {
            cell(o, b->cols[c].label, first);
            first = false;
        }
    }
    fputc('\n', o->f);
    first = true;
    for (int r = 0; r < t->nrows; r++) {
        if (t->rows[r].kind != ROW_DATA)
            continue;
        for (int c = 0; c < b->ncols; c++) {
            char buf[48];
            value_text(&v[tpl_cell_id("t4", t->rows[r].key, b->cols[c].key)], buf, sizeof buf);
            cell(o, buf, first);
            first = false;
        }
    }
    fputc('\n', o->f);
}

/* Sample prose, its years moved to the report's (the samples are of 2020
 * and say so). */
static void prose_text(FILE *f, const char *text, int year)
{
    for (const char *s = text; *s; s++) {
        if (!strncmp(s, "2020", 4) || !strncmp(s, "2021", 4)) {
            fprintf(f, "%d", s[3] == '0' ? year : year + 1);
            s += 3;
        } else {
            fputc(*s, f);
        }
    }
    fputc('\n', f);
}

static void heading(out *o, xxgk_format f, int n)
{
    static const char *const numerals[] = {"", "一", "二", "三", "四", "五", "六"};
    fprintf(o->f, "\n%s、%s\n\n", numerals[n], tpl_get(f)->headings[n - 1].title);
}

static void write_report(out *o, const char *body, int year, const cellv *v, const prose *p,
                         int pick)
{
    xxgk_format f = xxgk_format_for_year(year);
    fprintf(o->f, "%s%d年政府信息公开工作年度报告\n\n", body, year);
    fprintf(o->f, "根据《中华人民共和国政府信息公开条例》的规定，特向社会公布%s%d年政府信息公开"
                  "工作年度报告。本报告中所列数据的统计期限为%d年1月1日至12月31日止。\n",
            body, year, year);
    heading(o, f, 1);
    prose_text(o->f, p->n ? p->overview[pick % p->n] : "全年政府信息公开工作有序开展。", year);
    heading(o, f, 2);
    write_t2(o, v, f);
    heading(o, f, 3);
    write_t3(o, v, f);
    heading(o, f, 4);
    write_t4(o, v, f);
    heading(o, f, 5);
    prose_text(o->f, p->n ? p->problems[pick % p->n] : "下一步将继续改进。", year);
    heading(o, f, 6);
    fputs(year >= 2021 ? "本年度未收取信息处理费。\n" : "无其他需要报告的事项。\n", o->f);
    fprintf(o->f, "\n%s\n%d年1月%d日\n", body, year + 1, 10 + rnd_below(20));
}

/* ---- verification ----------------------------------------------------- */

/* Parses the file back; returns the number of cells that differ from
 * what was written (absent where written, or another value). */
static int verify(const char *path, const cellv *v)
{
    xxgk_report *r = NULL;
    xxgk_error err = {0};
    if (xxgk_report_read_file(path, &r, &err) != XXGK_OK) {
        fprintf(stderr, "gen_reports: %s: %s\n", path, err.message);
        return 1;
    }
    int bad = 0;
    for (size_t i = 0; i < xxgk_cell_count(); i++) {
        const xxgk_cell *c = xxgk_report_cell(r, i);
        char want[48], got[48] = "";
        value_text(&v[i], want, sizeof want);
        if (c->kind == XXGK_VALUE_NUMBER)
            xxgk_decimal_format(c->value, got, sizeof got);
        bool same = v[i].present ? c->kind == XXGK_VALUE_NUMBER && !strcmp(
                                                                       want[0] ? want : "0", got)
                                 : c->kind == XXGK_VALUE_ABSENT;
        if (!same && v[i].present && v[i].scale) { /* 12.50 reads back as 12.5 */
            double a = strtod(want, NULL), b = strtod(got, NULL);
            same = c->kind == XXGK_VALUE_NUMBER && a == b;
        }
        if (!same) {
            if (bad < 3)
                fprintf(stderr, "gen_reports: %s: %s written %s, read %s\n", path,
                        xxgk_cell_key(i), v[i].present ? want : "(absent)",
                        c->kind == XXGK_VALUE_NUMBER ? got
                        : c->kind == XXGK_VALUE_BLANK ? "(blank)"
                                                      : "(absent)");
            bad++;
        }
    }
    xxgk_report_free(r);
    return bad;
}

/* ---- main ------------------------------------------------------------ */

/* One deliberately broken total (a clerk's slip), so that the checker
 * and the statistics have something to find. */
static void spoil(cellv *v)
{
    int id = tpl_cell_id("t3", "total", "total");
    if (id >= 0 && v[id].present)
        v[id].units += 1 + rnd_below(3);
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *samples = "examples";
    long count = 0, bad_percent = 5, verify_n = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            rng_state ^= strtoull(argv[++i], NULL, 10) * 0x9E3779B97F4A7C15ULL;
        else if (!strcmp(argv[i], "--bad") && i + 1 < argc)
            bad_percent = strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--verify") && i + 1 < argc)
            verify_n = strtol(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--samples") && i + 1 < argc)
            samples = argv[++i];
        else if (!dir)
            dir = argv[i];
        else
            count = strtol(argv[i], NULL, 10);
    }
    if (!dir || count <= 0) {
        fprintf(stderr, "usage: gen_reports OUTDIR COUNT [--seed N] [--bad PERCENT] "
                        "[--verify N] [--samples DIR]\n");
        return 2;
    }
    prose p = {0};
    load_prose(samples, &p);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        perror(dir);
        return 2;
    }
    long bodies = (count + NYEARS - 1) / NYEARS, written = 0, mismatches = 0;
    static cellv v[MAX_CELLS];
    for (long b = 0; b < bodies && written < count; b++) {
        char body[128];
        body_name((int)b, body, sizeof body);
        int64_t carry[7] = {0}, stock[2] = {0};
        for (int year = FIRST_YEAR; year <= LAST_YEAR && written < count; year++, written++) {
            xxgk_format f = xxgk_format_for_year(year);
            memset(v, 0, sizeof v);
            fill_t2(v, f, stock);
            fill_t3(v, f, carry);
            fill_t4(v, f);
            if (rnd_below(100) < bad_percent)
                spoil(v);
            char sub[4096], path[4200];
            snprintf(sub, sizeof sub, "%s/%d", dir, year);
            mkdir(sub, 0777);
            snprintf(path, sizeof path, "%s/%06ld.txt", sub, written);
            out o = {fopen(path, "w"), written % 5 < 3 ? '|' : '\t'};
            if (!o.f) {
                perror(path);
                return 2;
            }
            write_report(&o, body, year, v, &p, (int)written);
            if (fclose(o.f) != 0) {
                perror(path);
                return 2;
            }
            if (written < verify_n)
                mismatches += verify(path, v);
        }
    }
    for (int i = 0; i < p.n; i++) {
        free(p.overview[i]);
        free(p.problems[i]);
    }
    fprintf(stderr, "gen_reports: %ld reports of %ld bodies in %s", written, bodies, dir);
    if (verify_n)
        fprintf(stderr, "; %ld read back, %ld cells differ", verify_n < written ? verify_n : written,
                mismatches);
    fputc('\n', stderr);
    return mismatches ? 1 : 0;
}
