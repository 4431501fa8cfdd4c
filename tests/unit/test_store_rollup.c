/* test_store_rollup.c — what the store computes from many reports: the
 * rollup (sums, blank and absent cells, identities re-checked), the
 * year-over-year diff and carry-over rule, the statistics, and the export
 * column order. Expected values come from the samples' hand-written
 * golden files and from the builder's stated numbers, never from the
 * program's output. */
#include "store_fixture.h"

#include "store.h"

#include "builder.h"

/* The rollup the golden files imply for the samples in `which`: a
 * number where any has one (their exact sum), blank where some have the
 * cell blank and none a number, absent where none has it. */
static void expected_rollup(const int *which, int n, golden_cell *out)
{
    size_t ncells = xxgk_cell_count();
    golden_cell *one = calloc(ncells, sizeof *one);
    memset(out, 0, sizeof(golden_cell) * ncells);
    for (int k = 0; k < n; k++) {
        golden_read(which[k], one);
        for (size_t id = 0; id < ncells; id++) {
            if (one[id].kind == XXGK_VALUE_NUMBER) {
                if (out[id].kind != XXGK_VALUE_NUMBER)
                    out[id] = (golden_cell){XXGK_VALUE_NUMBER, 0, 0};
                golden_add(&out[id], &one[id]);
            } else if (one[id].kind == XXGK_VALUE_BLANK && out[id].kind == XXGK_VALUE_ABSENT) {
                out[id].kind = XXGK_VALUE_BLANK;
            }
        }
    }
    free(one);
}

/* Number of cells of the rollup that differ from the expectation. */
static int rollup_differences(const xxgk_report *r, const golden_cell *want)
{
    int bad = 0;
    for (size_t id = 0; id < xxgk_cell_count(); id++) {
        const xxgk_cell *c = xxgk_report_cell(r, id);
        char a[48], b[48];
        bool same = (int)c->kind == want[id].kind;
        if (same && c->kind == XXGK_VALUE_NUMBER)
            same = !strcmp(xxgk_decimal_format(c->value, a, sizeof a),
                           golden_text(&want[id], b, sizeof b));
        if (!same && bad++ < 3)
            fprintf(stderr, "  rollup %s: kind %d, expected kind %d\n", xxgk_cell_key(id),
                    (int)c->kind, want[id].kind);
    }
    return bad;
}

/* The samples in `which`, selected by their file names. */
static xxgk_report *rollup_of(fixture *f, const int *which, int n, size_t *nreports)
{
    char where[1024] = "report.path IN (";
    for (int k = 0; k < n; k++) {
        char item[200];
        snprintf(item, sizeof item, "%s'%s'", k ? "," : "", sample_path(which[k]));
        strcat(where, item);
    }
    strcat(where, ")");
    xxgk_store_filter filter = {.year = 2020, .where = where};
    xxgk_report *r = NULL;
    size_t dup = 0;
    xxgk_error err = {0};
    CHECK_INT(xxgk_store_rollup(f->store, &filter, "全县", &r, nreports, &dup, &err), XXGK_OK);
    CHECK_INT(dup, 0);
    return r;
}

/* All five samples; sample 001 alone (its blank cells stay blank); 001
 * with 004 (004 lacks most of table 三: 001's blanks stay blank, 004's
 * absent cells do not become zero). */
static void rollup_sums_the_samples(void)
{
    fixture f;
    fixture_open(&f);
    import_samples(&f);
    static const int all[] = {0, 1, 2, 3, 4}, one[] = {1}, pair[] = {1, 4};
    const struct {
        const int *which;
        int n;
    } cases[] = {{all, 5}, {one, 1}, {pair, 2}};
    golden_cell *want = calloc(xxgk_cell_count(), sizeof *want);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t n = 0;
        xxgk_report *r = rollup_of(&f, cases[c].which, cases[c].n, &n);
        CHECK_INT(n, cases[c].n);
        expected_rollup(cases[c].which, cases[c].n, want);
        if (r)
            CHECK_INT(rollup_differences(r, want), 0);
        xxgk_report_free(r);
    }
    int blank = xxgk_cell_find("t3.new.business");
    size_t n;
    xxgk_report *r = rollup_of(&f, one, 1, &n);
    CHECK_INT(xxgk_report_cell(r, (size_t)blank)->kind, XXGK_VALUE_BLANK); /* 001 left it blank */
    xxgk_report_free(r);
    free(want);
    fixture_close(&f);
}

static xxgk_report *rollup_year(fixture *f, int year, const char *name)
{
    xxgk_store_filter filter = {.year = year};
    xxgk_report *r = NULL;
    size_t n = 0, dup = 0;
    CHECK_INT(xxgk_store_rollup(f->store, &filter, name, &r, &n, &dup, NULL), XXGK_OK);
    return r;
}

static const char *cell_text(const xxgk_report *r, const char *key)
{
    static char buf[4][48];
    static int next;
    char *b = buf[next++ % 4];
    int id = xxgk_cell_find(key);
    const xxgk_cell *c = id >= 0 ? xxgk_report_cell(r, (size_t)id) : NULL;
    snprintf(b, 48, "%s", !c ? "?" : c->kind == XXGK_VALUE_BLANK ? "blank"
                          : c->kind == XXGK_VALUE_ABSENT         ? "absent"
                                                                 : "");
    if (c && c->kind == XXGK_VALUE_NUMBER)
        xxgk_decimal_format(c->value, b, 48);
    return b;
}

/* Two consistent 2022 reports sum to a consistent rollup: the numbers
 * are the builder's (tests/unit/builder.c: new = natural + business,
 * granted natural = new natural − 1, partial natural = 1, review upheld
 * and pending 1 each, fees 3.25 万元). */
static void rollup_rechecks_identities(void)
{
    fixture f;
    fixture_open(&f);
    builder a = builder_default(), b = builder_default();
    b.body = "白水镇";
    b.new_natural = 5;
    b.new_business = 2;
    b.carried_natural = 0;
    char *ta = builder_text(&a), *tb = builder_text(&b);
    const char *paths[2] = {fixture_write(&f, "a.txt", ta), fixture_write(&f, "b.txt", tb)};
    fixture_import(&f, paths, 2);
    xxgk_report *r = rollup_year(&f, 2022, "全县");
    const xxgk_meta *m = xxgk_report_meta(r);
    CHECK_INT(m->year, 2022);
    CHECK_INT(m->format, XXGK_FORMAT_2021);
    CHECK_STR(m->body, "全县");
    CHECK(strstr(m->title, "全县2022年") == m->title);
    CHECK_STR(cell_text(r, "t3.new.natural"), "8");
    CHECK_STR(cell_text(r, "t3.new.business"), "3");
    CHECK_STR(cell_text(r, "t3.new.total"), "11");
    CHECK_STR(cell_text(r, "t3.carried_in.natural"), "1");
    CHECK_STR(cell_text(r, "t3.granted.natural"), "6");
    CHECK_STR(cell_text(r, "t3.partial.natural"), "2");
    CHECK_STR(cell_text(r, "t3.denied_secret.business"), "3");
    CHECK_STR(cell_text(r, "t3.total.total"), "11");
    CHECK_STR(cell_text(r, "t4.review.total"), "4");
    CHECK_STR(cell_text(r, "t2.fees.amount"), "6.5");
    CHECK_STR(cell_text(r, "t2.procurement.amount"), "absent"); /* a 2019-format cell */
    CHECK_INT(xxgk_report_finding_count(r), 0);
    xxgk_report_free(r);

    /* A third report whose 予以公开 自然人 is one too many breaks that row's
     * 总计 and the 自然人 column's outcome total, not its balance. */
    builder c = builder_default();
    c.body = "黑山镇";
    char *tc = builder_text(&c);
    CHECK_INT(text_replace(&tc, "\t（一）予以公开\n\t2\n", "\t（一）予以公开\n\t3\n"), 0);
    const char *pc = fixture_write(&f, "c.txt", tc);
    fixture_import(&f, &pc, 1);
    r = rollup_year(&f, 2022, NULL);
    CHECK(xxgk_report_meta(r)->body == NULL);
    CHECK_INT(count_rule(r, "t3-row-total"), 1);
    CHECK_INT(count_rule(r, "t3-outcome-total"), 1);
    CHECK_INT(count_rule(r, "t3-balance"), 0);
    CHECK_INT(xxgk_report_count(r, XXGK_ERROR), 2);
    xxgk_report_free(r);

    xxgk_store_filter none = {0};
    xxgk_error err = {0};
    size_t n, dup;
    CHECK_INT(xxgk_store_rollup(f.store, &none, NULL, &r, &n, &dup, &err), XXGK_E_USAGE);
    free(ta);
    free(tb);
    free(tc);
    fixture_close(&f);
}

/* Two reports of one body a year apart: the cells that changed, in
 * registry order, and the carry-over rule. */
static void diff_and_carry_over(void)
{
    fixture f;
    fixture_open(&f);
    builder y22 = builder_default(), y23 = builder_default(), y24 = builder_default();
    y23.year = 2023;
    y23.new_natural = 5;
    y24.year = 2024;
    y24.new_natural = 5;
    y24.carried_natural = 2; /* 2023 carried 1 application out, not 2 */
    char *t[3] = {builder_text(&y22), builder_text(&y23), builder_text(&y24)};
    const char *paths[3] = {fixture_write(&f, "22.txt", t[0]), fixture_write(&f, "23.txt", t[1]),
                            fixture_write(&f, "24.txt", t[2])};
    fixture_import(&f, paths, 3);
    int64_t id[3];
    for (int k = 0; k < 3; k++)
        CHECK_INT(xxgk_store_find(f.store, "青山镇人民政府", 2022 + k, &id[k], NULL), XXGK_OK);
    xxgk_error err = {0};
    int64_t none;
    CHECK_INT(xxgk_store_find(f.store, "青山镇人民政府", 2021, &none, &err), XXGK_E_USAGE);
    xxgk_report *r[3] = {NULL, NULL, NULL};
    for (int k = 0; k < 3; k++)
        CHECK_INT(xxgk_store_load(f.store, id[k], &r[k], NULL), XXGK_OK);

    xxgk_cell_change *ch = calloc(xxgk_cell_count(), sizeof *ch);
    size_t n = xxgk_report_diff(r[0], r[1], ch);
    /* new natural 3 → 5 moves new, granted and total of the natural and
     * total columns, in registry order (rows of table 三 in order). */
    static const char *const expect[] = {"t3.new.natural",     "t3.new.total",
                                         "t3.granted.natural", "t3.granted.total",
                                         "t3.total.natural",   "t3.total.total"};
    CHECK_INT(n, 6);
    for (size_t k = 0; k < n && k < 6; k++)
        CHECK_STR(xxgk_cell_key(ch[k].cell), expect[k]);
    CHECK_INT(ch[0].before.value.units, 3);
    CHECK_INT(ch[0].after.value.units, 5);
    CHECK_INT(xxgk_report_diff(r[1], r[1], ch), 0);

    CHECK_INT(xxgk_report_check(r[1], r[0]), XXGK_OK);
    CHECK_INT(count_rule(r[1], "carry-over"), 0);
    CHECK_INT(xxgk_report_check(r[2], r[1]), XXGK_OK);
    CHECK_INT(count_rule(r[2], "carry-over"), 2); /* 自然人 and 总计 */
    free(ch);
    for (int k = 0; k < 3; k++) {
        xxgk_report_free(r[k]);
        free(t[k]);
    }
    fixture_close(&f);
}

/* Outcomes and applicant types sum table 三 over the samples as their
 * golden files state it; findings by rule add up to the findings. */
static void stats_sum_the_samples(void)
{
    fixture f;
    fixture_open(&f);
    import_samples(&f);
    xxgk_stats *st = NULL;
    CHECK_INT(xxgk_store_stats(f.store, NULL, &st, NULL), XXGK_OK);
    if (!st) {
        fixture_close(&f);
        return;
    }
    CHECK_INT(st->reports, 5);
    CHECK_INT(st->checked, 5);
    CHECK_INT(st->nyears, 1);
    golden_cell *want = calloc(xxgk_cell_count(), sizeof *want);
    static const int all[] = {0, 1, 2, 3, 4};
    expected_rollup(all, 5, want);
    for (size_t i = 0; i < st->noutcomes; i++) {
        golden_cell *g = &want[st->outcomes[i].cell];
        CHECK_INT(st->outcomes[i].total, g->kind == XXGK_VALUE_NUMBER ? g->units : 0);
    }
    long long apps = 0;
    for (size_t i = 0; i < st->napplicants; i++) {
        golden_cell *g = &want[st->applicants[i].cell];
        CHECK_INT(st->applicants[i].total, g->kind == XXGK_VALUE_NUMBER ? g->units : 0);
        apps += st->applicants[i].total;
    }
    int total = xxgk_cell_find("t3.new.total");
    CHECK_INT(apps, want[total].units);
    CHECK_INT(st->years[0].applications, want[total].units);
    size_t findings = 0;
    for (size_t i = 0; i < st->nrules; i++)
        findings += st->rules[i].findings;
    char count[32];
    snprintf(count, sizeof count, "%zu", findings);
    CHECK_STR(query1(&f, "SELECT count(*) FROM finding"), count);
    CHECK_INT(st->nbodies, 5);
    for (size_t i = 1; i < st->nbodies; i++) /* most findings first */
        CHECK(st->bodies[i - 1].errors + st->bodies[i - 1].warnings >=
              st->bodies[i].errors + st->bodies[i].warnings);
    for (int c = 0; c < XXGK_CHART_COUNT; c++) {
        char *svg = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&svg, &len);
        CHECK_INT(xxgk_stats_write_svg(st, (xxgk_chart)c, out), 0);
        fclose(out);
        CHECK(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"") != NULL);
        CHECK(strstr(svg, "</svg>\n") != NULL);
        free(svg);
    }
    free(want);
    xxgk_stats_free(st);
    fixture_close(&f);
}

/* Splits one CSV line (no quoted fields needed for the header). */
static int split_csv(char *line, char **fields, int max)
{
    int n = 0;
    for (char *p = line; p && n < max;) {
        fields[n++] = p;
        p = strchr(p, ',');
        if (p)
            *p++ = '\0';
    }
    return n;
}

/* The export's columns: the report columns, the cells of the selected
 * reports' format in registry order, then the finding columns
 * (docs/schema.md); headed by the keys with --keys, after a UTF-8 BOM. */
static void export_column_order(void)
{
    fixture f;
    fixture_open(&f);
    import_samples(&f);
    char *csv = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&csv, &len);
    xxgk_store_filter only = {.body = "姚集镇"};
    xxgk_export_options keys = {true};
    CHECK_INT(xxgk_store_export_csv_with(f.store, &only, &keys, out, NULL), XXGK_OK);
    fclose(out);
    CHECK(len > 3 && !memcmp(csv, "\xEF\xBB\xBF", 3));
    char *rows[3] = {csv + 3, NULL, NULL};
    for (int k = 1; k < 3 && rows[k - 1]; k++) {
        rows[k] = strchr(rows[k - 1], '\n');
        if (rows[k])
            *rows[k]++ = '\0';
    }
    static const char *const head[] = {"id",    "path",  "sha256",      "version",
                                       "year",  "format", "title",      "body",
                                       "date",  "period_from", "period_to"};
    /* the sample is a 2020 report: the cells of the 2019 format only */
    size_t ncells = 0;
    int *col = calloc(xxgk_cell_count(), sizeof *col);
    for (size_t id = 0; id < xxgk_cell_count(); id++)
        col[id] = xxgk_format_has_cell(XXGK_FORMAT_2019, id) ? (int)(11 + ncells++) : -1;
    CHECK(ncells > 150 && ncells < xxgk_cell_count());
    size_t ncols = 11 + ncells + 4;
    char **h = calloc(ncols + 8, sizeof *h), **v = calloc(ncols + 8, sizeof *v);
    CHECK_INT(split_csv(rows[0], h, (int)ncols + 8), (int)ncols);
    for (int k = 0; k < 11; k++)
        CHECK_STR(h[k], head[k]);
    int misplaced = 0;
    for (size_t id = 0; id < xxgk_cell_count(); id++)
        misplaced += col[id] >= 0 && strcmp(h[col[id]], xxgk_cell_key(id)) != 0;
    CHECK_INT(misplaced, 0);
    CHECK_INT(col[xxgk_cell_find("t2.fees.amount")], -1); /* a 2021 cell: no column */
    CHECK_STR(h[11 + ncells], "errors");
    CHECK_STR(h[11 + ncells + 3], "rules");
    /* One row: sample 002 (its golden file: 新收 自然人 2, 采购总金额 1306.14). */
    CHECK(rows[1] && *rows[1]);
    CHECK_INT(split_csv(rows[1], v, (int)ncols + 8), (int)ncols);
    CHECK_STR(v[4], "2020");
    CHECK_STR(v[7], "姚集镇人民政府");
    CHECK_STR(v[col[xxgk_cell_find("t3.new.natural")]], "2");
    CHECK_STR(v[col[xxgk_cell_find("t2.procurement.amount")]], "1306.14");
    CHECK_STR(v[11 + ncells], "0");
    CHECK(rows[2] && !*rows[2]); /* one report, then the end */
    free(h);
    free(v);
    free(csv);

    /* Chinese headers by default: the table, the row (with its group) and
     * the column, as the format prints them */
    csv = NULL;
    out = open_memstream(&csv, &len);
    CHECK_INT(xxgk_store_export_csv(f.store, &only, out, NULL), XXGK_OK);
    fclose(out);
    h = calloc(ncols + 8, sizeof *h);
    *strchr(csv, '\n') = '\0';
    CHECK_INT(split_csv(csv, h, (int)ncols + 8), (int)ncols);
    CHECK_STR(h[0], "\xEF\xBB\xBF编号");
    CHECK_STR(h[7], "机关");
    CHECK_STR(h[col[xxgk_cell_find("t3.new.natural")]], "表三 一、本年新收政府信息公开申请数量 自然人");
    CHECK_STR(h[col[xxgk_cell_find("t3.denied_secret.legal")]],
              "表三 （三）不予公开 1.属于国家秘密 法律服务机构");
    CHECK_STR(h[col[xxgk_cell_find("t3.partial.total")]], "表三 （二）部分公开 总计");
    CHECK_STR(h[col[xxgk_cell_find("t4.review.upheld")]], "表四 行政复议 结果维持");
    CHECK_STR(h[11 + ncells], "错误");
    free(h);
    free(csv);
    free(col);

    char xlsx[160];
    snprintf(xlsx, sizeof xlsx, "%s/out.xlsx", f.dir);
    CHECK_INT(xxgk_store_export_xlsx(f.store, NULL, xlsx, NULL), XXGK_OK);
    FILE *in = fopen(xlsx, "rb");
    char magic[2] = {0, 0};
    CHECK(in && fread(magic, 1, 2, in) == 2 && magic[0] == 'P' && magic[1] == 'K');
    if (in)
        fclose(in);
    fixture_close(&f);
}

/* Every cell has a Chinese header of its own. */
static void export_headers_are_unique(void)
{
    size_t n = xxgk_cell_count();
    char (*label)[512] = calloc(n, sizeof *label);
    for (size_t i = 0; i < n; i++)
        store_cell_header(i, label[i], sizeof label[i]);
    int same = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = i + 1; k < n; k++)
            if (!strcmp(label[i], label[k])) {
                fprintf(stderr, "  %s and %s are both \"%s\"\n", xxgk_cell_key(i),
                        xxgk_cell_key(k), label[i]);
                same++;
            }
    CHECK_INT(same, 0);
    free(label);
}

const struct unit_case unit_cases[] = {
    {"rollup_sums_the_samples", rollup_sums_the_samples},
    {"rollup_rechecks_identities", rollup_rechecks_identities},
    {"diff_and_carry_over", diff_and_carry_over},
    {"stats_sum_the_samples", stats_sum_the_samples},
    {"export_column_order", export_column_order},
    {"export_headers_are_unique", export_headers_are_unique},
    {NULL, NULL},
};
