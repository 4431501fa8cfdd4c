/*
 * test_render_roundtrip.c — parse(render(m, F)) == m, cell for cell, for
 * every output format F that `parse` reads, on the five samples and on
 * random models of both formats; and the JSON model read back exactly.
 *
 * Equality: meta (year, format, title, body, date, period), every cell
 * of the format (kind and exact value), and the text of every section
 * paragraph by paragraph (white space around paragraphs aside). A cell
 * the model lacks is written blank (a table row cannot say "absent"), so
 * it must come back blank. HTML and DOCX take part as soon as the
 * library has a reader for them.
 */
#include <stdlib.h>

#include "input.h"
#include "readers.h"
#include "render.h"
#include "report.h"
#include "unit.h"
#include "utf8.h"

#ifndef SOURCE_DIR
#define SOURCE_DIR "."
#endif

static const char *const samples[] = {
    "000_1500d81ea7d6f017.txt", "001_cbab459871fbb742.txt", "002_5008492d97724081.txt",
    "003_67fd554f9e32afcc.txt", "004_713aac75e110bc97.txt",
};

/* ---- comparison --------------------------------------------------------- */

static bool same_string(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static int diffs; /* differences reported for the current case */

static void differ(const char *what, const char *key, const char *a, const char *b)
{
    if (diffs++ < 5)
        fprintf(stderr, "  %s: %s %s: \"%s\" ≠ \"%s\"\n", unit_current, what, key, a ? a : "(null)",
                b ? b : "(null)");
}

static void compare_meta(const xxgk_report *m, const xxgk_report *p)
{
    const xxgk_meta *a = xxgk_report_meta(m), *b = xxgk_report_meta(p);
    char ya[16], yb[16];
    snprintf(ya, sizeof ya, "%d/%d", a->year, (int)a->format);
    snprintf(yb, sizeof yb, "%d/%d", b->year, (int)b->format);
    if (strcmp(ya, yb))
        differ("meta", "year/format", ya, yb);
    char title[512];
    if (!same_string(render_title(m, title, sizeof title), b->title))
        differ("meta", "title", title, b->title);
    if (!same_string(a->body, b->body))
        differ("meta", "body", a->body, b->body);
    if (!same_string(a->date, b->date))
        differ("meta", "date", a->date, b->date);
    if (!same_string(a->period_from, b->period_from) || !same_string(a->period_to, b->period_to))
        differ("meta", "period", a->period_from, b->period_from);
}

/* Whether every cell of table 四 is blank or absent. */
static bool t4_blank(const xxgk_report *m)
{
    for (size_t id = 0; id < xxgk_cell_count(); id++)
        if (!strncmp(xxgk_cell_key(id), "t4.", 3) &&
            xxgk_report_cell(m, id)->kind == XXGK_VALUE_NUMBER)
            return false;
    return true;
}

static void compare_cells(const xxgk_report *m, const xxgk_report *p, xxgk_render_format fmt)
{
    xxgk_format f = render_format_of(m);
    /* The HTML reader drops table rows with nothing in them (read_html.c),
     * so an all-blank table 四 comes back absent from a web page. */
    bool t4_dropped = fmt == XXGK_RENDER_HTML && t4_blank(m);
    for (size_t id = 0; id < xxgk_cell_count(); id++) {
        if (!xxgk_format_has_cell(f, id))
            continue;
        const xxgk_cell *a = xxgk_report_cell(m, id), *b = xxgk_report_cell(p, id);
        xxgk_value_kind want = a->kind == XXGK_VALUE_ABSENT ? XXGK_VALUE_BLANK : a->kind;
        if (t4_dropped && !strncmp(xxgk_cell_key(id), "t4.", 3))
            want = XXGK_VALUE_ABSENT;
        bool same = want == b->kind &&
                    (want != XXGK_VALUE_NUMBER ||
                     (a->value.units == b->value.units && a->value.scale == b->value.scale));
        if (!same) {
            char va[48] = "", vb[48] = "";
            if (a->kind == XXGK_VALUE_NUMBER)
                xxgk_decimal_format(a->value, va, sizeof va);
            else
                snprintf(va, sizeof va, "kind %d", a->kind);
            if (b->kind == XXGK_VALUE_NUMBER)
                xxgk_decimal_format(b->value, vb, sizeof vb);
            else
                snprintf(vb, sizeof vb, "kind %d", b->kind);
            differ("cell", xxgk_cell_key(id), va, vb);
        }
    }
}

/* Paragraphs equal; with `loose`, white space inside them aside (HTML
 * collapses it, and a reader of web pages drops it between Chinese
 * characters). */
static bool same_para(const char *a, size_t la, const char *b, size_t lb, bool loose)
{
    if (!loose)
        return la == lb && !memcmp(a, b, la);
    char ca[8192], cb[8192];
    size_t na = text_compact_buf(a, la, ca, sizeof ca), nb = text_compact_buf(b, lb, cb, sizeof cb);
    return na == nb && !memcmp(ca, cb, na);
}

static void compare_sections(const xxgk_report *m, const xxgk_report *p, bool period_added,
                             bool loose)
{
    for (int s = 0; s <= 6; s++) {
        para_iter ia, ib;
        para_iter_init(&ia, m, s);
        para_iter_init(&ib, p, s);
        const char *a, *b;
        size_t la, lb;
        char period[512];
        /* The renderer states a period the text did not. */
        if (s == 0 && period_added && render_period_sentence(m, period, sizeof period))
            para_iter_next(&ib, &b, &lb);
        for (;;) {
            bool ha = para_iter_next(&ia, &a, &la), hb = para_iter_next(&ib, &b, &lb);
            if (!ha && !hb)
                break;
            if (ha != hb || !same_para(a, la, b, lb, loose)) {
                char key[8], sa[128] = "", sb[128] = "";
                snprintf(key, sizeof key, "%d", s);
                if (ha)
                    snprintf(sa, sizeof sa, "%.*s", (int)(la < 90 ? la : 90), a);
                if (hb)
                    snprintf(sb, sizeof sb, "%.*s", (int)(lb < 90 ? lb : 90), b);
                differ("section", key, sa, sb);
                break;
            }
        }
    }
}

/* ---- rendering and parsing back ----------------------------------------- */

static xxgk_report *round_trip(const xxgk_report *m, xxgk_render_format f)
{
    char *data = NULL;
    size_t size = 0;
    FILE *o = open_memstream(&data, &size);
    xxgk_error err;
    xxgk_status st = xxgk_report_render(m, f, o, &err);
    fclose(o);
    xxgk_report *p = NULL;
    if (st == XXGK_OK)
        st = f == XXGK_RENDER_JSON ? xxgk_report_parse_json(data, size, "rendered", &p, &err)
                                   : xxgk_report_parse(data, size, "rendered", &p, &err);
    if (st != XXGK_OK)
        fprintf(stderr, "  %s: format %s: %s\n", unit_current, xxgk_render_format_extension(f),
                err.message);
    free(data);
    return p;
}

/* The formats parse reads: text and Markdown always, HTML and DOCX when
 * their readers are in the library. */
static int readable_formats(xxgk_render_format out[4])
{
    int n = 0;
    out[n++] = XXGK_RENDER_TEXT;
    out[n++] = XXGK_RENDER_MARKDOWN;
    if (reader_for(INPUT_HTML))
        out[n++] = XXGK_RENDER_HTML;
    if (reader_for(INPUT_ZIP))
        out[n++] = XXGK_RENDER_DOCX;
    return n;
}

static int check_round_trips(const xxgk_report *m, const char *what)
{
    xxgk_render_format fs[4];
    int nf = readable_formats(fs), failures = 0;
    for (int i = 0; i < nf; i++) {
        diffs = 0;
        xxgk_report *p = round_trip(m, fs[i]);
        CHECK(p != NULL);
        if (!p) {
            failures++;
            continue;
        }
        compare_meta(m, p);
        compare_cells(m, p, fs[i]);
        compare_sections(m, p, true, fs[i] == XXGK_RENDER_HTML);
        if (diffs)
            fprintf(stderr, "  %s: %s through %s: %d differences\n", unit_current, what,
                    xxgk_render_format_extension(fs[i]), diffs);
        CHECK_INT(diffs, 0);
        failures += diffs > 0;
        xxgk_report_free(p);
    }
    return failures;
}

/* The JSON model comes back exactly, absent cells included — but for a
 * blank total whose parts are all given, which a JSON model gets
 * computed (xxgk_report_complete_totals) and flagged. */
static void check_json(const xxgk_report *m)
{
    diffs = 0;
    xxgk_report *p = round_trip(m, XXGK_RENDER_JSON);
    CHECK(p != NULL);
    if (!p)
        return;
    compare_meta(m, p);
    for (size_t id = 0; id < xxgk_cell_count(); id++) {
        const xxgk_cell *a = xxgk_report_cell(m, id), *b = xxgk_report_cell(p, id);
        if (a->kind == XXGK_VALUE_BLANK && b->kind == XXGK_VALUE_NUMBER &&
            (b->flags & XXGK_CELL_COMPUTED))
            continue;
        if (a->kind != b->kind ||
            (a->kind == XXGK_VALUE_NUMBER &&
             (a->value.units != b->value.units || a->value.scale != b->value.scale)))
            differ("json cell", xxgk_cell_key(id), "", "");
    }
    compare_sections(m, p, false, false);
    CHECK_INT(diffs, 0);
    xxgk_report_free(p);
}

static void samples_round_trip(void)
{
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/examples/%s", SOURCE_DIR, samples[i]);
        xxgk_report *r = NULL;
        xxgk_error err;
        CHECK_INT(xxgk_report_read_file(path, &r, &err), XXGK_OK);
        if (!r)
            continue;
        /* The model as `parse --sections` gives it, read back. */
        xxgk_report *m = round_trip(r, XXGK_RENDER_JSON);
        CHECK(m != NULL);
        if (m) {
            check_json(m);
            check_round_trips(m, samples[i]);
            xxgk_report_free(m);
        }
        xxgk_report_free(r);
    }
}

/* ---- random models ------------------------------------------------------- */

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
    /* xorshift64*: small, seeded, the same sequence everywhere. */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 33) % n;
}

static void set_int(xxgk_report *r, const char *key, long v, bool may_blank)
{
    int id = xxgk_cell_find(key);
    CHECK(id >= 0);
    if (may_blank && v == 0 && rnd(8) == 0)
        xxgk_report_set_blank(r, (size_t)id);
    else
        xxgk_report_set_number(r, (size_t)id, (xxgk_decimal){v, 0});
}

static void random_t2(xxgk_report *r, xxgk_format f)
{
    grid g;
    grid_build(&g, f, 2);
    for (int i = 0; i < g.n; i++) {
        const grid_cell *c = &g.cells[i];
        if (c->kind != G_VALUE)
            continue;
        const char *key = xxgk_cell_key((size_t)c->cell);
        if (rnd(10) == 0)
            xxgk_report_set_blank(r, (size_t)c->cell);
        else if (c->unit == UNIT_WANYUAN)
            xxgk_report_set_number(r, (size_t)c->cell,
                                   (xxgk_decimal){(int64_t)rnd(10000000), (uint8_t)rnd(5)});
        else if (strstr(key, ".change"))
            set_int(r, key, (long)rnd(41) - 20, false);
        else
            set_int(r, key, (long)rnd(300), false);
    }
}

/* Table 三 with its identities: each row's 总计 is the sum of the
 * applicant columns, （七）总计 the sum of the outcomes, and new +
 * carried_in = total + carried_out in every column. */
static void random_t3(xxgk_report *r, xxgk_format f)
{
    const tpl_table *t = tpl_table_of(f, 3);
    const tpl_block *b = &t->blocks[0];
    long sums[32][8] = {{0}};
    int mask = format_mask(f), total_row = tpl_row_index(t, "total");
    int ncols = b->ncols - 1; /* the applicant columns; 总计 is last */
    for (int ri = 0; ri < t->nrows; ri++) {
        const tpl_row *row = &t->rows[ri];
        if (row->kind != ROW_DATA || !(row->formats & mask) || row->group < 0 || ri == total_row)
            continue;
        for (int c = 0; c < ncols; c++) {
            long v = rnd(3) ? 0 : (long)rnd(9);
            sums[ri][c] = v;
            sums[total_row][c] += v;
        }
    }
    int new_row = tpl_row_index(t, "new"), in_row = tpl_row_index(t, "carried_in");
    int out_row = tpl_row_index(t, "carried_out");
    for (int c = 0; c < ncols; c++) {
        sums[out_row][c] = rnd(3);
        long need = sums[total_row][c] + sums[out_row][c];
        sums[in_row][c] = need ? rnd((uint32_t)need + 1) : 0;
        sums[new_row][c] = need - sums[in_row][c];
    }
    for (int ri = 0; ri < t->nrows; ri++) {
        const tpl_row *row = &t->rows[ri];
        if (row->kind != ROW_DATA || !(row->formats & mask))
            continue;
        long total = 0;
        char key[64];
        for (int c = 0; c < ncols; c++)
            total += sums[ri][c];
        /* A row of zeros is sometimes left all blank, as clerks do. */
        bool blank_row = total == 0 && rnd(3) == 0;
        for (int c = 0; c <= ncols; c++) {
            snprintf(key, sizeof key, "t3.%s.%s", row->key, b->cols[c].key);
            if (blank_row)
                xxgk_report_set_blank(r, (size_t)xxgk_cell_find(key));
            else
                set_int(r, key, c < ncols ? sums[ri][c] : total, true);
        }
    }
}

static void random_t4(xxgk_report *r)
{
    static const char *const groups[] = {"review", "suit_direct", "suit_after_review"};
    static const char *const cols[] = {"upheld", "corrected", "other", "pending"};
    bool all_blank = rnd(6) == 0;
    for (int g = 0; g < 3; g++) {
        long total = 0;
        char key[64];
        for (int c = 0; c <= 4; c++) {
            long v = c == 4 ? total : rnd(4) ? 0 : (long)rnd(5);
            snprintf(key, sizeof key, "t4.%s.%s", groups[g], c < 4 ? cols[c] : "total");
            if (all_blank)
                xxgk_report_set_blank(r, (size_t)xxgk_cell_find(key));
            else
                set_int(r, key, v, true);
            total += v;
        }
    }
}

static const char *const phrases[] = {
    "严格落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。",
    "全年在政府门户网站发布信息412条，政策解读12篇。",
    "依申请公开办理规范，答复均在法定期限内作出。",
    "将政务公开纳入年度绩效考核，开展专项检查2次。",
    "对已失效文件统一标注，动态更新政府信息公开指南。",
    "部分栏目更新不够及时，政策解读形式较为单一。",
    "下一步将建立信息发布台账，压实各股室责任。",
    "办理人大代表建议5件、政协委员提案4件，均按期办结。",
};

static const char *const subheads[] = {"（一）主动公开。", "（二）依申请公开。",
                                       "（三）政府信息管理。", "（四）监督保障。"};

static void random_paragraphs(xxgk_report *r, int s, int n, bool subheadings)
{
    char buf[4096];
    size_t o = 0;
    for (int i = 0; i < n; i++) {
        if (o)
            buf[o++] = '\n';
        if (subheadings && i < 4)
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s", subheads[i]);
        for (int k = 0, m = 1 + (int)rnd(3); k < m; k++)
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s", phrases[rnd(8)]);
    }
    buf[o] = '\0';
    xxgk_report_set_section_text(r, s, buf);
}

static xxgk_report *random_model(xxgk_format f)
{
    static const char *const places[] = {"白鹭县", "云溪县", "青山镇", "东湖区", "平安乡"};
    static const char *const bodies[] = {"人民政府", "市场监督管理局", "人力资源和社会保障局",
                                         "人民政府办公室", "街道办事处"};
    int year = f == XXGK_FORMAT_2019 ? 2019 + (int)rnd(2) : 2021 + (int)rnd(5);
    char body[128], title[256], date[40];
    snprintf(body, sizeof body, "%s%s", places[rnd(5)], bodies[rnd(5)]);
    xxgk_report *r = NULL;
    xxgk_error err;
    CHECK_INT(xxgk_report_new(year, XXGK_FORMAT_UNKNOWN, body, &r, &err), XXGK_OK);
    if (!r)
        return NULL;
    snprintf(title, sizeof title, "%s%d年%s政府信息公开工作年度报告", body, year,
             rnd(2) ? "度" : "");
    xxgk_report_set_title(r, title);
    snprintf(date, sizeof date, "%d-%02d-%02d", year + 1, 1 + (int)rnd(3), 1 + (int)rnd(28));
    xxgk_report_set_date(r, date);
    if (rnd(2)) {
        char from[24], to[24];
        snprintf(from, sizeof from, "%d-01-01", year);
        snprintf(to, sizeof to, "%d-12-31", year);
        xxgk_report_set_period(r, from, to);
    }
    if (rnd(2))
        random_paragraphs(r, 0, 1, false);
    random_paragraphs(r, 1, 2 + (int)rnd(4), rnd(2));
    for (int s = 2; s <= 4; s++)
        if (rnd(3) == 0)
            random_paragraphs(r, s, 1, false);
    random_paragraphs(r, 5, 1 + (int)rnd(3), false);
    random_paragraphs(r, 6, 1, false);
    random_t2(r, f);
    random_t3(r, f);
    random_t4(r);
    return r;
}

static void random_round_trips(void)
{
    rng_state = 0x9E3779B97F4A7C15ULL; /* fixed: failures reproduce */
    int failures = 0;
    for (int i = 0; i < 60 && failures < 3; i++) {
        xxgk_format f = i % 2 ? XXGK_FORMAT_2021 : XXGK_FORMAT_2019;
        xxgk_report *m = random_model(f);
        if (!m)
            continue;
        char what[32];
        snprintf(what, sizeof what, "random model %d", i);
        check_json(m);
        failures += check_round_trips(m, what);
        xxgk_report_free(m);
    }
}

/* A skeleton from `new` comes back too (placeholder text and all). */
static void skeleton_round_trip(void)
{
    for (int year = 2020; year <= 2021; year++) {
        xxgk_report *m = NULL;
        xxgk_error err;
        CHECK_INT(xxgk_report_new(year, XXGK_FORMAT_UNKNOWN, "某某县人民政府", &m, &err), XXGK_OK);
        if (!m)
            continue;
        xxgk_report_fill_skeleton(m, year == 2021);
        xxgk_report_set_date(m, "2022-01-20");
        check_round_trips(m, "skeleton");
        xxgk_report_free(m);
    }
}

const struct unit_case unit_cases[] = {
    {"samples_round_trip", samples_round_trip},
    {"random_round_trips", random_round_trips},
    {"skeleton_round_trip", skeleton_round_trip},
    {NULL, NULL},
};
