/* test_split.c — rows printed without cell separators (issue 7): the
 * crawler text reader, the split solver and its findings.
 *
 *  - constructed cases whose splits were worked out by hand: a table 二
 *    row with ten splits, two table 三 rows that fit either way round,
 *    a table 四 run that only the prose decides, minus signs, units;
 *  - generated reports: random tables that satisfy every identity, each
 *    row glued into one run; the solver's verdict for every row is
 *    compared with a brute-force enumeration written here, independent of
 *    src/split.c (exact values when one split fits, the same candidates
 *    when several do);
 *  - the crawler reader: header, page chrome, headings, the old format;
 *  - the corpus crawler texts, when ../shared/corpus is there. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"
#include "input.h"
#include "split.h"
#include "template.h"
#include "unit.h"

#ifndef SOURCE_DIR
#define SOURCE_DIR "."
#endif

/* ---- building reports ------------------------------------------------ */

typedef struct sb {
    char *s;
    size_t n, cap;
} sb;

static void put(sb *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (o->n + (size_t)need + 1 > o->cap) {
        o->cap = (o->n + (size_t)need + 1) * 2;
        o->s = realloc(o->s, o->cap);
    }
    va_start(ap, fmt);
    vsnprintf(o->s + o->n, (size_t)need + 1, fmt, ap);
    va_end(ap);
    o->n += (size_t)need;
}

/* The runs of a report under test: table 三 row key → its digits, and
 * table 四's one run. Rows not listed are printed as seven zeros. */
typedef struct spec {
    xxgk_format format;
    const char *t2_normative; /* run for 行政规范性文件 / 规范性文件, or NULL */
    const char *t2_licensing; /* 2019 only: run for 行政许可, or NULL */
    const char *t3_keys[32];
    const char *t3_runs[32];
    const char *t4_run;
    const char *prose;        /* a sentence for 总体情况, or NULL */
} spec;

static const char *run_of(const spec *s, const char *key)
{
    for (int i = 0; i < 32 && s->t3_keys[i]; i++)
        if (!strcmp(s->t3_keys[i], key))
            return s->t3_runs[i];
    return NULL;
}

static void t2_rows(sb *o, const spec *s, const tpl_table *t)
{
    for (int k = 0; k < t->nblocks; k++) {
        const tpl_block *b = &t->blocks[k];
        put(o, "\t%s\n\n\t信息内容\n", b->caption);
        for (int c = 0; c < b->ncols; c++)
            put(o, "\t%s\n", b->cols[c].label);
        put(o, "\n");
        for (int r = 0; r < t->nrows; r++) {
            if (t->rows[r].block != k)
                continue;
            put(o, "\t%s\n", t->rows[r].label);
            const char *run = !strcmp(t->rows[r].key, "normative") ? s->t2_normative
                              : !strcmp(t->rows[r].key, "licensing") && b->ncols > 1
                                  ? s->t2_licensing
                                  : NULL;
            if (run)
                put(o, "\t%s\n", run);
            else
                for (int c = 0; c < b->ncols; c++)
                    put(o, b->cols[c].unit == UNIT_WANYUAN ? "\t1.5万元\n" : "\t0\n");
            put(o, "\n");
        }
    }
}

/* A Word-text report whose table 三 and 四 rows are the spec's runs. */
static char *report_text(const spec *s)
{
    sb o = {NULL, 0, 0};
    int year = s->format == XXGK_FORMAT_2019 ? 2020 : 2022;
    put(&o, "青山镇%d年政府信息公开工作年度报告\n", year);
    put(&o, "本报告所列数据的统计期限为%d年1月1日至%d年12月31日。\n", year, year);
    put(&o, "一、总体情况\n%d年，我镇认真做好政务公开工作。%s\n", year, s->prose ? s->prose : "");
    put(&o, "二、主动公开政府信息情况\n");
    t2_rows(&o, s, tpl_table_of(s->format, 2));
    const tpl_table *t = tpl_table_of(s->format, 3);
    put(&o, "三、收到和处理政府信息公开申请情况\n\t%s\n\t申请人情况\n\n", t->header_note);
    for (int c = 0; c < t->blocks[0].ncols; c++)
        put(&o, "\t%s\n", t->blocks[0].cols[c].label);
    put(&o, "\n");
    int mask = format_mask(s->format);
    for (int r = 0; r < t->nrows; r++) {
        if (t->rows[r].kind != ROW_DATA || !(t->rows[r].formats & mask))
            continue;
        const char *run = run_of(s, t->rows[r].key);
        put(&o, "\t%s\n\t%s\n\n", t->rows[r].label, run ? run : "0000000");
    }
    put(&o, "四、政府信息公开行政复议、行政诉讼情况\n\t行政复议\n\t行政诉讼\n\n");
    put(&o, "\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n\t未经复议直接起诉\n"
            "\t复议后起诉\n\n\t%s\n\n",
        s->t4_run ? s->t4_run : "000000000000000");
    put(&o, "五、存在的主要问题及改进情况\n公开形式仍需丰富。\n");
    put(&o, "六、其他需要报告的事项\n无。\n%d年1月20日\n", year + 1);
    return o.s;
}

static xxgk_report *parse_spec(const spec *s)
{
    char *text = report_text(s);
    xxgk_report *r = parse_and_check(text, NULL);
    free(text);
    return r;
}

/* The split record whose first cell is `key`. */
static const xxgk_split *split_at(const xxgk_report *r, const char *key)
{
    int id = xxgk_cell_find(key);
    for (size_t i = 0; r && i < xxgk_report_split_count(r); i++)
        if (xxgk_report_split(r, i)->cells[0] == id)
            return xxgk_report_split(r, i);
    return NULL;
}

/* Whether candidate `c` of the split equals the values. */
static bool candidate_is(const xxgk_split *sp, size_t c, const long long *v)
{
    for (size_t k = 0; k < sp->ncells; k++) {
        xxgk_decimal d = sp->candidates[c * sp->ncells + k];
        if (d.scale != 0 || d.units != v[k])
            return false;
    }
    return true;
}

static bool has_candidate(const xxgk_split *sp, const long long *v)
{
    for (size_t c = 0; c < sp->nlisted; c++)
        if (candidate_is(sp, c, v))
            return true;
    return false;
}

static long long cell(const xxgk_report *r, const char *key)
{
    const xxgk_cell *c = xxgk_report_cell(r, (size_t)xxgk_cell_find(key));
    return c->kind == XXGK_VALUE_NUMBER ? c->value.units : -999;
}

static bool absent(const xxgk_report *r, const char *key)
{
    return xxgk_report_cell(r, (size_t)xxgk_cell_find(key))->kind == XXGK_VALUE_ABSENT;
}

/* ---- constructed cases -------------------------------------------------- */

static void run_syntax(void)
{
    CHECK(split_is_run("230 000023", 10));
    CHECK(split_is_run("2648-18538", 10));
    CHECK(split_is_run("13575394432.52元", strlen("13575394432.52元")));
    CHECK(split_is_run("185.5万元", strlen("185.5万元")));
    CHECK(!split_is_run("5", 1));          /* one digit is a value */
    CHECK(!split_is_run("1.", 2));         /* numbering */
    CHECK(!split_is_run("12-", 3));
    CHECK(!split_is_run("见附件", strlen("见附件")));
    CHECK(!split_is_run("12件3", strlen("12件3")));
    CHECK(!split_is_run("元12", strlen("元12")));
}

/* 行政规范性文件 693665 (corpus 006): nothing ties table 二's rows, so all
 * ten cuts into three cells stay open and the cells absent. */
static void table2_row_is_ambiguous(void)
{
    spec s = {.format = XXGK_FORMAT_2021, .t2_normative = "693665"};
    xxgk_report *r = parse_spec(&s);
    CHECK(r != NULL);
    const xxgk_split *sp = split_at(r, "t2.normative.made");
    CHECK(sp != NULL);
    if (sp) {
        static const long long all[10][3] = {{6, 9, 3665}, {6, 93, 665}, {6, 936, 65},
                                             {6, 9366, 5}, {69, 3, 665}, {69, 36, 65},
                                             {69, 366, 5}, {693, 6, 65}, {693, 66, 5},
                                             {6936, 6, 5}};
        CHECK_INT(sp->status, XXGK_SPLIT_AMBIGUOUS);
        CHECK_INT(sp->ncandidates, 10);
        CHECK_INT(sp->nlisted, 10);
        for (int i = 0; i < 10; i++)
            CHECK(has_candidate(sp, all[i]));
        CHECK(absent(r, "t2.normative.made") && absent(r, "t2.normative.in_force"));
        CHECK_INT(count_rule(r, "split-ambiguous"), 1);
        CHECK_INT(count_rule(r, "row-shape"), 0);
        CHECK_INT(count_rule(r, "row-missing"), 0);
    }
    xxgk_report_free(r);
}

/* 予以公开 and 部分公开 both "110000011": 1/10/…/11 or 11/0/…/11 each, and
 * the column sums (12 natural, 10 business) hold either way round. */
static void two_rows_fit_either_way(void)
{
    spec s = {.format = XXGK_FORMAT_2021,
              .t3_keys = {"new", "granted", "partial", "total"},
              .t3_runs = {"1210000022", "110000011", "110000011", "1210000022"}};
    xxgk_report *r = parse_spec(&s);
    CHECK(r != NULL);
    static const long long a[7] = {1, 10, 0, 0, 0, 0, 11}, b[7] = {11, 0, 0, 0, 0, 0, 11};
    const char *rows[] = {"t3.granted.natural", "t3.partial.natural"};
    for (int i = 0; r && i < 2; i++) {
        const xxgk_split *sp = split_at(r, rows[i]);
        CHECK(sp != NULL);
        if (!sp)
            continue;
        CHECK_INT(sp->status, XXGK_SPLIT_AMBIGUOUS);
        CHECK_INT(sp->ncandidates, 2);
        CHECK(has_candidate(sp, a) && has_candidate(sp, b));
        CHECK(absent(r, rows[i]));
    }
    if (r) {
        CHECK_INT(cell(r, "t3.new.natural"), 12);
        CHECK_INT(cell(r, "t3.total.business"), 10);
        CHECK(xxgk_report_cell(r, (size_t)xxgk_cell_find("t3.new.natural"))->flags &
              XXGK_CELL_RECOVERED);
        CHECK_INT(count_rule(r, "split-ambiguous"), 2);
    }
    xxgk_report_free(r);

    /* With 部分公开 1/0/…/1 printed plainly, the column sums (12, 0) leave
     * 予以公开 only 11/0/…/11. */
    spec u = {.format = XXGK_FORMAT_2021,
              .t3_keys = {"new", "granted", "partial", "total"},
              .t3_runs = {"120000012", "110000011", "1000001", "120000012"}};
    r = parse_spec(&u);
    CHECK(r != NULL);
    const xxgk_split *sp = r ? split_at(r, "t3.granted.natural") : NULL;
    CHECK(sp && sp->status == XXGK_SPLIT_UNIQUE);
    if (r) {
        CHECK_INT(cell(r, "t3.granted.natural"), 11);
        CHECK_INT(cell(r, "t3.granted.business"), 0);
        CHECK_INT(count_rule(r, "split-ambiguous"), 0);
        CHECK_INT(count_rule(r, "t3-outcome-total"), 0);
    }
    xxgk_report_free(r);
}

/* Table 四 "00011110011211103" fits three splits (worked out by hand):
 * 行政复议 0/0/0/1/1 with 诉讼 1/10/0/1/12 or 11/0/0/1/12, or 行政复议
 * 0/0/0/11/11 with 0/0/1/1/2; 复议后起诉 1/1/1/0/3 in all. The prose
 * decides, or narrows. */
static void prose_decides_table4(void)
{
    static const long long a[15] = {0, 0, 0, 1, 1, 1, 10, 0, 1, 12, 1, 1, 1, 0, 3};
    static const long long b[15] = {0, 0, 0, 1, 1, 11, 0, 0, 1, 12, 1, 1, 1, 0, 3};
    static const long long c[15] = {0, 0, 0, 11, 11, 0, 0, 1, 1, 2, 1, 1, 1, 0, 3};
    const char *run = "00011110011211103";
    struct {
        const char *prose;
        int status, n;
        bool by_prose;
    } cases[] = {
        {NULL, XXGK_SPLIT_AMBIGUOUS, 3, false},
        {"全年发生行政复议11起。", XXGK_SPLIT_UNIQUE, 1, true},
        {"因政府信息公开引起的行政诉讼案件5件。", XXGK_SPLIT_UNIQUE, 1, true},
        {"全年发生行政复议1起。", XXGK_SPLIT_AMBIGUOUS, 2, true},
        /* a figure no split agrees with is ignored, not obeyed */
        {"全年发生行政复议7起。", XXGK_SPLIT_AMBIGUOUS, 3, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        spec s = {.format = XXGK_FORMAT_2021, .t4_run = run, .prose = cases[i].prose};
        xxgk_report *r = parse_spec(&s);
        const xxgk_split *sp = r ? split_at(r, "t4.review.upheld") : NULL;
        CHECK(sp != NULL);
        if (sp) {
            CHECK_INT(sp->status, cases[i].status);
            CHECK_INT(sp->ncandidates, cases[i].n);
            CHECK_INT(sp->by_prose, cases[i].by_prose);
            if (cases[i].n == 3)
                CHECK(has_candidate(sp, a) && has_candidate(sp, b) && has_candidate(sp, c));
            else if (cases[i].n == 2)
                CHECK(has_candidate(sp, a) && has_candidate(sp, b));
            else
                CHECK(candidate_is(sp, 0, c));
        }
        if (r && cases[i].status == XXGK_SPLIT_UNIQUE) {
            CHECK_INT(cell(r, "t4.review.total"), 11);
            CHECK_INT(cell(r, "t4.suit_direct.total"), 2);
            /* one note for table 三's rows of zeros, one for table 四 */
            CHECK_INT(count_rule(r, "split-recovered"), 2);
        }
        xxgk_report_free(r);
    }
}

/* Minus signs start 本年增/减 (corpus 005: 2648-18538 → four splits);
 * 10-28 can only be 10/-2/8; a sign in an unsigned column fits nothing. */
static void signs_and_units(void)
{
    spec s = {.format = XXGK_FORMAT_2019, .t2_normative = "2 3 5", .t2_licensing = "10-28",
              .t3_keys = {"granted"}, .t3_runs = {"0-100001"}};
    xxgk_report *r = parse_spec(&s);
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(cell(r, "t2.licensing.prev_items"), 10);
        CHECK_INT(cell(r, "t2.licensing.change"), -2);
        CHECK_INT(cell(r, "t2.licensing.decisions"), 8);
        const xxgk_split *sp = split_at(r, "t2.normative.new_made");
        CHECK(sp && sp->status == XXGK_SPLIT_SPACED);
        CHECK_INT(cell(r, "t2.normative.total_published"), 5);
        /* cut where the spaces were: not flagged as recovered */
        CHECK(!(xxgk_report_cell(r, (size_t)xxgk_cell_find("t2.normative.new_made"))->flags &
                XXGK_CELL_RECOVERED));
        sp = split_at(r, "t3.granted.natural");
        CHECK(sp && sp->status == XXGK_SPLIT_NONE);
        CHECK_INT(count_rule(r, "split-none"), 1);
        CHECK(absent(r, "t3.granted.total"));
    }
    xxgk_report_free(r);

    spec p = {.format = XXGK_FORMAT_2019, .t2_licensing = "2648-18538"};
    r = parse_spec(&p);
    const xxgk_split *sp = r ? split_at(r, "t2.licensing.prev_items") : NULL;
    CHECK(sp != NULL);
    if (sp) {
        static const long long all[4][3] = {
            {2648, -1, 8538}, {2648, -18, 538}, {2648, -185, 38}, {2648, -1853, 8}};
        CHECK_INT(sp->ncandidates, 4);
        for (int i = 0; i < 4; i++)
            CHECK(has_candidate(sp, all[i]));
    }
    xxgk_report_free(r);
}

/* Table 三's outcome rows add up to 27 while （七）总计 says 21 (corpus 005):
 * no split satisfies every identity. Each row is still cut by its own
 * 总计, flagged as such, and the checker reports the real error. */
static void report_error_is_kept(void)
{
    spec s = {.format = XXGK_FORMAT_2019,
              .t3_keys = {"new", "granted", "partial", "total"},
              .t3_runs = {"200 000121", "6000017", "6000006", "20 0 00 0 121"}};
    xxgk_report *r = parse_spec(&s);
    CHECK(r != NULL);
    if (r) {
        const xxgk_split *sp = split_at(r, "t3.new.natural");
        CHECK(sp && sp->status == XXGK_SPLIT_UNIQUE && sp->conflict);
        CHECK_INT(cell(r, "t3.new.natural"), 20);
        CHECK_INT(cell(r, "t3.new.other_org"), 1);
        CHECK_INT(cell(r, "t3.total.total"), 21);
        CHECK(count_rule(r, "t3-outcome-total") > 0);
    }
    xxgk_report_free(r);
}

/* Rows printed plainly with values near 2^63 next to a run: the column
 * equations the solver builds must not sum them in 64 bits unchecked
 * (9e18 + 9e18 overflowed, which UndefinedBehaviorSanitizer stops on).
 * Such values make the equations unusable, the run stays unsplit, and
 * cell-implausible names the values. */
static void huge_values_do_not_overflow(void)
{
    spec s = {.format = XXGK_FORMAT_2021,
              .t3_keys = {"new", "carried_in", "granted"},
              .t3_runs = {"9000000000000000000\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0",
                          "9000000000000000000\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0",
                          "110000011"}};
    xxgk_report *r = parse_spec(&s);
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(cell(r, "t3.new.natural"), 9000000000000000000LL);
        CHECK_INT(cell(r, "t3.carried_in.natural"), 9000000000000000000LL);
        CHECK_INT(count_rule(r, "cell-implausible"), 2);
        CHECK(split_at(r, "t3.granted.natural") != NULL);
    }
    xxgk_report_free(r);
}

/* A run too long to enumerate gives up honestly, fast. */
static void long_runs_give_up(void)
{
    spec s = {.format = XXGK_FORMAT_2021,
              .t3_keys = {"granted"},
              .t3_runs = {"11111111111111111111111111111111111111111111111111"}};
    xxgk_report *r = parse_spec(&s);
    const xxgk_split *sp = r ? split_at(r, "t3.granted.natural") : NULL;
    CHECK(sp != NULL);
    if (sp)
        CHECK(sp->status == XXGK_SPLIT_AMBIGUOUS || sp->status == XXGK_SPLIT_NONE);
    CHECK(r && absent(r, "t3.granted.natural"));
    xxgk_report_free(r);
}

/* ---- generated reports against brute force ---------------------------- */

static unsigned long long rng = 88172645463325252ULL;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

/* A count that makes glued digits ambiguous often: 0 mostly, then 1, 2,
 * 10, 11, 12, 20 and larger numbers. */
static long long small(int zero_in_ten)
{
    static const int pool[] = {1, 2, 3, 10, 11, 12, 20, 21, 7, 35, 101};
    if ((int)rnd(10) < zero_in_ten)
        return 0;
    return pool[rnd(sizeof pool / sizeof pool[0])];
}

#define MAXROWS 32
#define MAXCAND 4096

typedef struct grow {
    const char *key;
    char run[96];
    long long truth[15];
    int ncells;
    long long (*cand)[15];
    int ncand;
    bool *alive;
} grow;

/* Glues the values, with a space at a cell boundary now and then. */
static void glue(grow *g)
{
    size_t o = 0;
    for (int k = 0; k < g->ncells; k++) {
        if (k && rnd(8) == 0)
            g->run[o++] = ' ';
        o += (size_t)snprintf(g->run + o, sizeof g->run - o, "%lld", g->truth[k]);
    }
}

/* Brute force: every cut of the run into ncells counts (no leading zeros,
 * spaces are boundaries) that passes `keep`. */
typedef bool (*keep_fn)(const long long *v, int n, int upto);

static void cuts(grow *g, const char *s, int pos, int k, long long *v, keep_fn keep)
{
    int len = (int)strlen(s);
    if (k > 0 && !keep(v, g->ncells, k))
        return;
    if (k == g->ncells) {
        if (pos == len && g->ncand < MAXCAND)
            memcpy(g->cand[g->ncand++], v, sizeof(long long) * 15);
        return;
    }
    if (pos < len && s[pos] == ' ')
        pos++;
    long long x = 0;
    for (int e = pos; e < len && s[e] != ' ' && e - pos < 12; e++) {
        x = x * 10 + (s[e] - '0');
        if (s[pos] == '0' && e > pos)
            break;
        v[k] = x;
        cuts(g, s, e + 1, k + 1, v, keep);
    }
}

/* The row's own identity, checked once its last cell is cut: table 三's
 * 总计 is the sum of the six applicant columns, each group of table 四
 * sums its first four cells. Read from the template's SUM_EACH_ROW. */
static const tpl_table *keep_table;
static int keep_mask;

static bool keep_row(const long long *v, int n, int upto)
{
    const tpl_table *t = keep_table;
    const tpl_block *b = &t->blocks[0];
    for (int base = 0; base + b->ncols <= n; base += b->ncols) {
        if (upto != base + b->ncols)
            continue;
        for (int i = 0; i < t->nsums; i++) {
            const tpl_sum *s = &t->sums[i];
            if (s->over != SUM_EACH_ROW || !(s->formats & keep_mask))
                continue;
            long long sum = 0;
            key_iter it;
            key_iter_init(&it, s->lhs);
            while (key_iter_next(&it))
                sum += v[base + tpl_col_index(b, it.key)];
            key_iter_init(&it, s->rhs);
            while (key_iter_next(&it))
                sum -= v[base + tpl_col_index(b, it.key)];
            if (sum)
                return false;
        }
    }
    return true;
}

/* The column rules of table 三 as coefficients per generated row. */
typedef struct colrules {
    int n;
    int coef[8][MAXROWS];
} colrules;

static void column_rules(colrules *cr, xxgk_format f, const grow *rows, int n)
{
    const tpl_table *t = tpl_table_of(f, 3);
    memset(cr, 0, sizeof *cr);
    for (int i = 0; i < t->nsums && cr->n < 8; i++) {
        const tpl_sum *s = &t->sums[i];
        if (s->over != SUM_EACH_COLUMN || !(s->formats & format_mask(f)))
            continue;
        for (int side = 0; side < 2; side++) {
            key_iter it;
            key_iter_init(&it, side ? s->rhs : s->lhs);
            while (key_iter_next(&it))
                for (int r = 0; r < n; r++)
                    if (!strcmp(rows[r].key, it.key))
                        cr->coef[cr->n][r] += side ? -1 : 1;
        }
        cr->n++;
    }
}

static bool columns_hold(const colrules *cr, const grow *rows, int n, const int *pick)
{
    for (int i = 0; i < cr->n; i++)
        for (int c = 0; c < 7; c++) {
            long long sum = 0;
            for (int r = 0; r < n; r++)
                sum += cr->coef[i][r] * rows[r].cand[pick[r]][c];
            if (sum)
                return false;
        }
    return true;
}

/* Random table 三 values satisfying every identity: outcomes at random,
 * （七）总计 their sum, 结转 small, 本年新收 what balances. */
static int generate_t3(grow *rows, xxgk_format f)
{
    const tpl_table *t = tpl_table_of(f, 3);
    int mask = format_mask(f), n = 0;
    long long total[7] = {0}, carried_in[7] = {0}, carried_out[7] = {0};
    int irow[MAXROWS];
    for (int r = 0; r < t->nrows && n < MAXROWS; r++) {
        if (t->rows[r].kind != ROW_DATA || !(t->rows[r].formats & mask))
            continue;
        grow *g = &rows[n];
        memset(g, 0, sizeof *g);
        g->key = t->rows[r].key;
        g->ncells = 7;
        irow[n++] = r;
    }
    for (int i = 0; i < n; i++) {
        grow *g = &rows[i];
        bool outcome = t->rows[irow[i]].group >= 0 && strcmp(g->key, "total");
        if (outcome && rnd(3) == 0) {
            g->truth[0] = small(2);
            g->truth[1] = small(8);
            g->truth[5] = small(9);
        }
        for (int c = 0; c < 6; c++)
            total[c] += g->truth[c];
    }
    for (int c = 0; c < 6; c++) {
        carried_out[c] = c == 0 ? small(7) : 0;
        carried_in[c] = rnd(4) == 0 ? (total[c] + carried_out[c]) / 2 : 0;
    }
    for (int i = 0; i < n; i++) {
        grow *g = &rows[i];
        long long *src = !strcmp(g->key, "total")         ? total
                         : !strcmp(g->key, "carried_in")  ? carried_in
                         : !strcmp(g->key, "carried_out") ? carried_out
                                                          : NULL;
        if (!strcmp(g->key, "new"))
            for (int c = 0; c < 6; c++)
                g->truth[c] = total[c] + carried_out[c] - carried_in[c];
        else if (src)
            memcpy(g->truth, src, sizeof(long long) * 6);
        g->truth[6] = 0;
        for (int c = 0; c < 6; c++)
            g->truth[6] += g->truth[c];
        glue(g);
    }
    return n;
}

static void generate_t4(grow *g)
{
    memset(g, 0, sizeof *g);
    g->key = "review";
    g->ncells = 15;
    for (int grp = 0; grp < 3; grp++) {
        for (int k = 0; k < 4; k++)
            g->truth[grp * 5 + k] = rnd(3) ? 0 : small(3) % 25;
        g->truth[grp * 5 + 4] = g->truth[grp * 5] + g->truth[grp * 5 + 1] +
                                g->truth[grp * 5 + 2] + g->truth[grp * 5 + 3];
    }
    glue(g);
}

/* Marks the candidates of table 三's rows that some complete choice
 * satisfying every column rule uses. Returns false when there are too
 * many combinations to try (the case is skipped). */
static bool brute_force_joint(grow *rows, int n, xxgk_format f)
{
    long long combos = 1;
    for (int r = 0; r < n; r++) {
        combos *= rows[r].ncand ? rows[r].ncand : 1;
        if (combos > 50000)
            return false;
    }
    colrules cr;
    column_rules(&cr, f, rows, n);
    int pick[MAXROWS] = {0};
    for (;;) {
        bool any_empty = false;
        for (int r = 0; r < n; r++)
            any_empty |= rows[r].ncand == 0;
        if (any_empty)
            return true;
        if (columns_hold(&cr, rows, n, pick))
            for (int r = 0; r < n; r++)
                rows[r].alive[pick[r]] = true;
        int r = 0;
        while (r < n && ++pick[r] >= rows[r].ncand)
            pick[r++] = 0;
        if (r == n)
            return true;
    }
}

static void enumerate(grow *g, const tpl_table *t, int mask)
{
    long long v[15] = {0};
    keep_table = t;
    keep_mask = mask;
    g->cand = malloc(sizeof *g->cand * MAXCAND);
    g->ncand = 0;
    cuts(g, g->run, 0, 0, v, keep_row);
    g->alive = calloc(MAXCAND, sizeof(bool));
}

static int count_alive(const grow *g)
{
    int n = 0;
    for (int c = 0; c < g->ncand; c++)
        n += g->alive[c];
    return n;
}

/* The solver's verdict on one row against the brute force's. */
static void compare(const xxgk_report *r, const grow *g, const char *table, int *ambiguous)
{
    char key[64];
    snprintf(key, sizeof key, "%s.%s.%s", table, g->key, !strcmp(table, "t3") ? "natural" : "upheld");
    const xxgk_split *sp = split_at(r, key);
    int alive = count_alive(g);
    if (!sp) {
        fprintf(stderr, "  no split recorded for %s \"%s\"\n", key, g->run);
        unit_failures++;
        return;
    }
    if (alive == 1) {
        if (sp->status != XXGK_SPLIT_UNIQUE && sp->status != XXGK_SPLIT_SPACED) {
            fprintf(stderr, "  %s \"%s\": one split fits, solver status %d (%zu candidates)\n",
                    key, g->run, sp->status, sp->ncandidates);
            unit_failures++;
        } else if (!candidate_is(sp, 0, g->truth)) {
            fprintf(stderr, "  %s \"%s\": recovered a wrong split\n", key, g->run);
            unit_failures++;
        }
        return;
    }
    (*ambiguous)++;
    if (sp->status != XXGK_SPLIT_AMBIGUOUS || sp->ncandidates != (size_t)alive) {
        fprintf(stderr, "  %s \"%s\": %d splits fit, solver status %d with %zu\n", key, g->run,
                alive, sp->status, sp->ncandidates);
        unit_failures++;
        return;
    }
    for (size_t c = 0; c < sp->nlisted; c++) {
        bool found = false;
        for (int k = 0; k < g->ncand && !found; k++)
            if (g->alive[k]) {
                long long v[15];
                memcpy(v, g->cand[k], sizeof v);
                found = candidate_is(sp, c, v);
            }
        if (!found) {
            fprintf(stderr, "  %s \"%s\": listed a split that does not fit\n", key, g->run);
            unit_failures++;
        }
    }
}

static void generated_reports(void)
{
    int tried = 0, skipped = 0, ambiguous = 0;
    for (int round = 0; round < 160; round++) {
        xxgk_format f = round % 2 ? XXGK_FORMAT_2019 : XXGK_FORMAT_2021;
        int mask = format_mask(f);
        grow rows[MAXROWS], t4;
        int n = generate_t3(rows, f);
        generate_t4(&t4);
        for (int i = 0; i < n; i++)
            enumerate(&rows[i], tpl_table_of(f, 3), mask);
        enumerate(&t4, tpl_table_of(f, 4), mask);
        for (int c = 0; c < t4.ncand; c++)
            t4.alive[c] = true;
        if (!brute_force_joint(rows, n, f)) {
            skipped++;
        } else {
            spec s = {.format = f, .t4_run = t4.run};
            for (int i = 0; i < n; i++) {
                s.t3_keys[i] = rows[i].key;
                s.t3_runs[i] = rows[i].run;
            }
            xxgk_report *r = parse_spec(&s);
            CHECK(r != NULL);
            for (int i = 0; r && i < n; i++)
                compare(r, &rows[i], "t3", &ambiguous);
            if (r)
                compare(r, &t4, "t4", &ambiguous);
            xxgk_report_free(r);
            tried++;
        }
        for (int i = 0; i < n; i++) {
            free(rows[i].cand);
            free(rows[i].alive);
        }
        free(t4.cand);
        free(t4.alive);
    }
    /* The generator must exercise both verdicts, and rarely be too big
     * for the brute force. */
    CHECK(tried >= 140);
    CHECK(ambiguous >= 5);
    printf("generated: %d reports compared (%d skipped), %d ambiguous rows\n", tried, skipped,
           ambiguous);
}

/* ---- the crawler reader --------------------------------------------------- */

static const char crawl_head[] =
    "标题: 青山镇2022年度政府信息公开工作年度报告\n发布时间: 2023-01-20 10:00\n文号: \n"
    "原文链接: https://www.example.gov.cn/a.htm\n==================== 正文 ====================\n";
static const char crawl_head_2018[] =
    "标题：白水乡2018年政府信息公开工作年度报告\n发布时间：2019-01-15 09:00\n"
    "===== 正文 =====\n";

static void crawl_detection(void)
{
    CHECK(crawl_detect(crawl_head, strlen(crawl_head)));
    CHECK(!crawl_detect("标题: 无正文标记\n正文\n", strlen("标题: 无正文标记\n正文\n")));
    CHECK(!crawl_detect("一、总体情况\n==== 正文 ====\n", strlen("一、总体情况\n==== 正文 ====\n")));
    /* the same header in GB18030: 标题 = B1EA CCE2, 正文 = D5FD CEC4 */
    static const char gbk[] = "\xB1\xEA\xCC\xE2: x\n===== \xD5\xFD\xCE\xC4 =====\n";
    CHECK(crawl_detect(gbk, sizeof gbk - 1));
    CHECK(input_detect(crawl_head, strlen(crawl_head)) == INPUT_CRAWL);
}

static xxgk_report *parse_crawl(const char *head, const char *body, xxgk_error *err)
{
    sb o = {NULL, 0, 0};
    put(&o, "%s%s", head, body);
    xxgk_report *r = NULL;
    xxgk_report_parse(o.s, o.n, "crawl.txt", &r, err);
    free(o.s);
    return r;
}

/* Page chrome goes, the title comes from 标题:, headings glued to the
 * text around them are found, and a glued row keeps its digits as
 * printed in one cell of the text the findings refer to. */
static void crawl_layout(void)
{
    xxgk_error err = {0};
    xxgk_report *r = parse_crawl(
        crawl_head,
        "当前位置： 首页政务公开年报 青山镇2022年度政府信息公开工作年度报告 来源：青山镇人民政府 "
        "时间：2023-01-20 10:00 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： --> "
        "本报告所列数据的统计期限为2022年1月1日至2022年12月31日。一、总体情况 2022年，我镇做好"
        "政务公开。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效"
        "件数规章000三、收到和处理政府信息公开申请情况申请人情况自然人总计一、本年新收政府信息公开申请"
        "数量2000002四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼000000000000000"
        "五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。 附件下载",
        &err);
    CHECK(r != NULL);
    if (!r) {
        fprintf(stderr, "  %s\n", err.message);
        return;
    }
    size_t size;
    const char *text = xxgk_report_text(r, &size);
    CHECK_STR(xxgk_report_meta(r)->title, "青山镇2022年度政府信息公开工作年度报告");
    CHECK_INT(xxgk_report_meta(r)->year, 2022);
    CHECK(strstr(text, "微信") == NULL && strstr(text, "当前位置") == NULL);
    CHECK(strstr(text, "附件下载") == NULL && strstr(text, "原文链接") == NULL);
    CHECK(strstr(text, "\n一、总体情况\n") != NULL);
    CHECK(strstr(text, "\t一、本年新收政府信息公开申请数量\n\t2000002\n") != NULL);
    CHECK_STR(xxgk_report_section_text(r, 1), "2022年，我镇做好政务公开。");
    CHECK_INT(cell(r, "t3.new.natural"), 2);
    CHECK_INT(cell(r, "t3.new.total"), 2);
    CHECK_INT(cell(r, "t4.suit_after_review.total"), 0);
    /* the recovered cell points at its digit in the text */
    const xxgk_cell *c = xxgk_report_cell(r, (size_t)xxgk_cell_find("t3.new.total"));
    size_t len;
    const char *line = xxgk_report_line(r, c->line, &len);
    CHECK(line && c->column >= 1 && c->column - 1 + c->length <= len &&
          line[c->column - 1] == '2' && c->length == 1);
    xxgk_report_free(r);
}

/* A pre-2019 report behind a crawler header is still the old format
 * (corpus 011), with its year. */
static void crawl_old_format(void)
{
    xxgk_error err = {0};
    xxgk_report *r = parse_crawl(
        crawl_head_2018,
        "白水乡2018年政府信息公开工作年度报告 一、概述 2018年，我乡做好政务公开。"
        "二、主动公开政府信息情况 主动公开信息120条。六、政府信息公开情况统计表指标名称计量单位"
        "2018年度历年累计主动公开文件数条120860",
        &err);
    CHECK(r == NULL);
    CHECK_INT(err.status, XXGK_E_OLD_FORMAT);
    CHECK(strstr(err.message, "2018") != NULL);
    xxgk_report_free(r);
}

/* ---- the corpus ------------------------------------------------------------ */

static xxgk_report *corpus(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/../shared/corpus/raw/%s", SOURCE_DIR, name);
    xxgk_report *r = NULL;
    xxgk_error err = {0};
    if (xxgk_report_read_file(path, &r, &err) != XXGK_OK)
        return NULL;
    xxgk_report_check(r, NULL);
    return r;
}

static void check_t4(const xxgk_report *r, const long long *want)
{
    static const char *const g[] = {"review", "suit_direct", "suit_after_review"};
    static const char *const c[] = {"upheld", "corrected", "other", "pending", "total"};
    for (int i = 0; i < 15; i++) {
        char key[64];
        snprintf(key, sizeof key, "t4.%s.%s", g[i / 5], c[i % 5]);
        CHECK_INT(cell(r, key), want[i]);
    }
}

/* Values read from the corpus files and their MANIFEST notes. */
static void corpus_files(void)
{
    char probe[512];
    snprintf(probe, sizeof probe, "%s/../shared/corpus/raw/009_2024_txt.txt", SOURCE_DIR);
    FILE *f = fopen(probe, "rb");
    if (!f) {
        printf("corpus not found (%s): corpus cases skipped\n", probe);
        return;
    }
    fclose(f);
    /* 009: 21317000001324019 = 2/1/3/1/7, 0×5, 13/2/4/0/19 */
    xxgk_report *r = corpus("009_2024_txt.txt");
    CHECK(r != NULL);
    static const long long t4_009[15] = {2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19};
    if (r) {
        check_t4(r, t4_009);
        CHECK_INT(cell(r, "t3.new.natural"), 217);
        CHECK_INT(cell(r, "t3.denied_internal.total"), 32);
        CHECK_INT(xxgk_report_count(r, XXGK_ERROR), 0);
    }
    xxgk_report_free(r);
    /* 010: 25/3/8/0/36, 3/3/0/0/6, 3/0/0/0/3; 结转 6 = 4 + 2 */
    r = corpus("010_2025_txt.txt");
    static const long long t4_010[15] = {25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3};
    if (r) {
        check_t4(r, t4_010);
        CHECK_INT(cell(r, "t3.carried_out.natural"), 4);
        CHECK_INT(cell(r, "t3.carried_out.business"), 2);
    }
    CHECK(r != NULL);
    xxgk_report_free(r);
    /* 006: 10203120001200000 = 1/0/2/0/3, 12/0/0/0/12, 0×5; 693665 open */
    r = corpus("006_2021_txt.txt");
    static const long long t4_006[15] = {1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0};
    static const long long norm[3] = {69, 3, 665};
    if (r) {
        check_t4(r, t4_006);
        const xxgk_split *sp = split_at(r, "t2.normative.made");
        CHECK(sp && sp->status == XXGK_SPLIT_AMBIGUOUS && has_candidate(sp, norm));
        CHECK(absent(r, "t2.normative.in_force"));
        CHECK_INT(cell(r, "t3.new.total"), 70);
        CHECK_INT(cell(r, "t3.total.total"), 69);
    }
    CHECK(r != NULL);
    xxgk_report_free(r);
    /* 007: table 四 separated by spaces: not recovered, placed as printed */
    r = corpus("007_2022_txt.txt");
    if (r) {
        const xxgk_split *sp = split_at(r, "t4.review.upheld");
        CHECK(sp && sp->status == XXGK_SPLIT_SPACED);
        CHECK_INT(cell(r, "t4.review.total"), 2);
        CHECK_INT(cell(r, "t4.suit_direct.total"), 1);
    }
    CHECK(r != NULL);
    xxgk_report_free(r);
    /* 005: the real error in table 三 stays an error */
    r = corpus("005_2020_txt.txt");
    if (r) {
        CHECK_INT(cell(r, "t3.new.natural"), 20);
        CHECK_INT(cell(r, "t3.total.total"), 21);
        CHECK(count_rule(r, "t3-outcome-total") > 0);
    }
    CHECK(r != NULL);
    xxgk_report_free(r);
    /* 011: the 2018 report */
    xxgk_error err = {0};
    char path[512];
    snprintf(path, sizeof path, "%s/../shared/corpus/raw/011_2018_txt.txt", SOURCE_DIR);
    r = NULL;
    CHECK_INT(xxgk_report_read_file(path, &r, &err), XXGK_E_OLD_FORMAT);
    CHECK(strstr(err.message, "2018") != NULL);
    xxgk_report_free(r);
}

/* Corpus 004–010 are the crawler dumps of the pages 012–018, whose
 * tables are real HTML tables (read by read_html.c, no splitting): every
 * cell recovered must equal the page's, and every ambiguous row must
 * list the page's values among its candidates — the truth is never
 * excluded. */
static void corpus_matches_html(void)
{
    char probe[512];
    snprintf(probe, sizeof probe, "%s/../shared/corpus/raw/012_2019_html.html", SOURCE_DIR);
    FILE *f = fopen(probe, "rb");
    if (!f) {
        printf("corpus not found (%s): crawler-vs-page cases skipped\n", probe);
        return;
    }
    fclose(f);
    static const char *const pairs[][2] = {
        {"004_2019_txt.txt", "012_2019_html.html"}, {"005_2020_txt.txt", "013_2020_html.html"},
        {"006_2021_txt.txt", "014_2021_html.html"}, {"007_2022_txt.txt", "015_2022_html.html"},
        {"008_2023_txt.txt", "016_2023_html.html"}, {"009_2024_txt.txt", "017_2024_html.html"},
        {"010_2025_txt.txt", "018_2025_html.html"}};
    size_t compared = 0, open_rows = 0;
    for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
        xxgk_report *t = corpus(pairs[p][0]), *h = corpus(pairs[p][1]);
        CHECK(t != NULL && h != NULL);
        for (size_t id = 0; t && h && id < xxgk_cell_count(); id++) {
            const xxgk_cell *a = xxgk_report_cell(t, id), *b = xxgk_report_cell(h, id);
            if (a->kind != XXGK_VALUE_NUMBER)
                continue;
            compared++;
            if (b->kind != XXGK_VALUE_NUMBER || a->value.units != b->value.units ||
                a->value.scale != b->value.scale) {
                fprintf(stderr, "  %s %s differs from the page\n", pairs[p][0], xxgk_cell_key(id));
                unit_failures++;
            }
        }
        for (size_t i = 0; t && h && i < xxgk_report_split_count(t); i++) {
            const xxgk_split *sp = xxgk_report_split(t, i);
            if (sp->status != XXGK_SPLIT_AMBIGUOUS || sp->nlisted != sp->ncandidates)
                continue;
            /* the page's values, counts only (amounts were converted) */
            long long v[16];
            bool counts = true;
            for (size_t k = 0; k < sp->ncells; k++) {
                const xxgk_cell *b = xxgk_report_cell(h, (size_t)sp->cells[k]);
                counts &= b->kind == XXGK_VALUE_NUMBER && b->value.scale == 0 &&
                          tpl_cell((size_t)sp->cells[k])->unit != UNIT_WANYUAN;
                v[k] = b->value.units;
            }
            if (!counts)
                continue;
            open_rows++;
            if (!has_candidate(sp, v)) {
                fprintf(stderr, "  %s: the page's values for “%s” are not among the splits\n",
                        pairs[p][0], sp->row);
                unit_failures++;
            }
        }
        xxgk_report_free(t);
        xxgk_report_free(h);
    }
    CHECK(compared > 1300);
    CHECK(open_rows >= 10);
    printf("corpus: %zu recovered cells equal the pages', %zu ambiguous rows hold the page's values\n",
           compared, open_rows);
}

const struct unit_case unit_cases[] = {
    {"huge_values_do_not_overflow", huge_values_do_not_overflow},
    {"run_syntax", run_syntax},
    {"table2_row_is_ambiguous", table2_row_is_ambiguous},
    {"two_rows_fit_either_way", two_rows_fit_either_way},
    {"prose_decides_table4", prose_decides_table4},
    {"signs_and_units", signs_and_units},
    {"report_error_is_kept", report_error_is_kept},
    {"long_runs_give_up", long_runs_give_up},
    {"generated_reports", generated_reports},
    {"crawl_detection", crawl_detection},
    {"crawl_layout", crawl_layout},
    {"crawl_old_format", crawl_old_format},
    {"corpus_files", corpus_files},
    {"corpus_matches_html", corpus_matches_html},
    {NULL, NULL},
};
