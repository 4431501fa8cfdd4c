/* test_ledger.c — importing ledgers (台账): good rows in, every bad row
 * named with its row number and reason, a dry run that changes nothing,
 * rows imported before skipped, column mapping, CSV (BOM, quotes,
 * GB18030) and XLSX (shared strings, date serials), and an export that
 * reads back as a ledger giving the same tables. */
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "unit.h"
#include "xxgk.h"

static char dir[64];

static const char *file(const char *name, const char *text, size_t len)
{
    static char paths[4][128];
    static int k;
    char *p = paths[k++ % 4];
    snprintf(p, 128, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
        perror(p);
        exit(2);
    }
    return p;
}

static xxgk_register *fresh(void)
{
    xxgk_register *reg = NULL;
    xxgk_error err = {0};
    if (xxgk_register_open(":memory:", false, &reg, &err) != XXGK_OK) {
        fprintf(stderr, "open: %s\n", err.message);
        exit(2);
    }
    xxgk_register_set_actor(reg, "导入员");
    /* Dates up to the end of 2026 are in the past, whatever the clock. */
    xxgk_register_set_today(reg, xxgk_date_make(2026, 12, 7));
    return reg;
}

/* The rows reported, as "row:error" lines (or "row:ok", "row:dup"). */
typedef struct seen {
    char text[4096];
} seen;

static void on_row(void *ctx, const xxgk_ledger_row *r)
{
    seen *s = ctx;
    size_t n = strlen(s->text);
    snprintf(s->text + n, sizeof s->text - n, "%zu:%s\n", r->row,
             r->error ? r->error : r->duplicate ? "dup" : "ok");
}

static int one(void *ctx, const xxgk_case *c)
{
    (void)c;
    (*(size_t *)ctx)++;
    return 0;
}

static size_t count_cases(xxgk_register *reg)
{
    size_t n = 0;
    xxgk_case_filter f = {NULL, 0, -1, false, true};
    xxgk_error err = {0};
    xxgk_register_each(reg, &f, 0, one, &n, &err);
    return n;
}

static xxgk_ledger_summary import(xxgk_register *reg, const char *path, bool dry, seen *s,
                                  const char *const *map, size_t nmap, xxgk_status *st)
{
    xxgk_ledger_options o = {"某县民政局", map, nmap, dry, on_row, s};
    xxgk_ledger_summary sum = {0};
    xxgk_error err = {0};
    *st = xxgk_register_import_ledger(reg, path, &o, &sum, &err);
    if (*st != XXGK_OK)
        snprintf(s->text, sizeof s->text, "%s", err.message);
    return sum;
}

static const char ledger[] =
    "\xEF\xBB\xBF"
    "编号,收到日期,申请方式,申请人类型,申请人,证件号码,申请内容,答复日期,办理结果,备注\r\n"
    "L1,2024-03-01,网络,自然人,张三,110101199001011234,\"低保名单, 2023年\",2024-03-20,予以公开,\r\n"
    "L2,2024/3/4,当面,商业企业,某公司,,\"救助资金\n（分两行）\",2024-03-25,不予公开-属于国家秘密,\r\n"
    "L3,2024年3月5日,邮寄,自然人,李四,,养老机构名单,,,\r\n"
    "L4,2024-02-30,网络,自然人,王五,,某文件,,,\r\n"
    "L5,2024-03-06,飞鸽,自然人,赵六,,某文件,,,\r\n"
    ",,,,,,,,,\r\n"
    "L6,2024-03-07,网络,外星人,钱七,,某文件,,,\r\n"
    "L7,2024-03-08,网络,自然人,孙八,,某文件,2024-03-01,予以公开,\r\n"
    "L8,2024-03-08,网络,自然人,周九,,某文件,2024-03-20,不予公开,\r\n"
    "L9,2024-03-08,网络,法律服务机构,某律所,,某文件,2024-04-30,其他处理-申请人撤回申请,撤回\r\n";

static void good_and_bad_rows(void)
{
    xxgk_register *reg = fresh();
    seen s = {""};
    xxgk_status st;
    const char *p = file("ledger.csv", ledger, sizeof ledger - 1);
    xxgk_ledger_summary sum = import(reg, p, false, &s, NULL, 0, &st);
    CHECK_INT(st, XXGK_OK);
    CHECK_INT(sum.rows, 9); /* the blank line 7 is not a row */
    CHECK_INT(sum.added, 4);
    CHECK_INT(sum.failed, 5);
    /* Rows 2–4 and 11 in; each bad row named with its reason. Row 3's
     * subject has a line break inside quotes: still one row. */
    CHECK(strstr(s.text, "2:ok\n3:ok\n4:ok\n") != NULL);
    CHECK(strstr(s.text, "5:收到日期“2024-02-30”不是有效日期\n") != NULL);
    CHECK(strstr(s.text, "6:申请方式“飞鸽”无法识别") != NULL);
    CHECK(strstr(s.text, "8:申请人类型“外星人”无法识别") != NULL);
    CHECK(strstr(s.text, "9:答复或终止日期（2024-03-01）早于收到申请日期（2024-03-08）\n") != NULL);
    CHECK(strstr(s.text, "10:办理结果“不予公开”无法识别或不够具体") != NULL);
    CHECK(strstr(s.text, "11:ok\n") != NULL);
    CHECK_INT(count_cases(reg), 4); /* nothing of the bad rows */
    xxgk_case *c = NULL;
    xxgk_error err = {0};
    CHECK_INT(xxgk_case_load(reg, 2, 0, 0, &c, &err), XXGK_OK);
    if (c) {
        const xxgk_case_info *i = xxgk_case_info_of(c);
        CHECK_STR(i->outcome, "denied_secret");
        CHECK_STR(i->subject, "救助资金\n（分两行）");
        CHECK_INT(i->applicant, XXGK_APPLICANT_BUSINESS);
        CHECK_STR(i->ledger_key, "L2");
        xxgk_date d;
        xxgk_date_parse("2024-03-04", &d);
        CHECK_INT(i->received, d);
        xxgk_case_free(c);
    }
    CHECK_INT(xxgk_case_load(reg, 1, 0, 0, &c, &err), XXGK_OK);
    if (c) {
        CHECK_STR(xxgk_case_info_of(c)->subject, "低保名单, 2023年");
        CHECK_STR(xxgk_case_info_of(c)->id_masked, "110***********1234");
        xxgk_case_free(c);
    }
    CHECK_INT(xxgk_case_load(reg, 4, 0, 0, &c, &err), XXGK_OK);
    if (c) {
        CHECK_STR(xxgk_case_info_of(c)->outcome, "other_misc");
        CHECK_INT(xxgk_case_info_of(c)->state, XXGK_CASE_CLOSED);
        xxgk_case_free(c);
    }
    /* Imported again: every good row is skipped, nothing doubles. */
    memset(&s, 0, sizeof s);
    sum = import(reg, p, false, &s, NULL, 0, &st);
    CHECK_INT(sum.added, 0);
    CHECK_INT(sum.duplicates, 4);
    CHECK_INT(count_cases(reg), 4);
    /* The bad rows corrected and imported: only they come in. */
    static const char fixed[] =
        "编号,收到日期,申请方式,申请人类型,申请人,申请内容,答复日期,办理结果\n"
        "L1,2024-03-01,网络,自然人,张三,\"低保名单, 2023年\",2024-03-20,予以公开\n"
        "L4,2024-02-29,网络,自然人,王五,某文件,,\n"
        "L8,2024-03-08,网络,自然人,周九,某文件,2024-03-20,不予公开（过程性信息）\n";
    memset(&s, 0, sizeof s);
    sum = import(reg, file("fixed.csv", fixed, sizeof fixed - 1), false, &s, NULL, 0, &st);
    CHECK_INT(sum.added, 2);
    CHECK_INT(sum.duplicates, 1);
    CHECK_INT(count_cases(reg), 6);
    xxgk_register_close(reg);
}

static void dry_run(void)
{
    xxgk_register *reg = fresh();
    seen s = {""};
    xxgk_status st;
    const char *p = file("ledger.csv", ledger, sizeof ledger - 1);
    xxgk_ledger_summary sum = import(reg, p, true, &s, NULL, 0, &st);
    CHECK_INT(st, XXGK_OK);
    CHECK_INT(sum.added, 4); /* what would be added */
    CHECK_INT(sum.failed, 5);
    CHECK_INT(count_cases(reg), 0);
    xxgk_register_close(reg);
}

static void mapping(void)
{
    xxgk_register *reg = fresh();
    static const char odd[] = "序,受理时间,渠道,身份,事项\n"
                              "1,2024-05-06,当面,自然人,某文件\n";
    const char *p = file("odd.csv", odd, sizeof odd - 1);
    seen s = {""};
    xxgk_status st;
    import(reg, p, false, &s, NULL, 0, &st);
    CHECK_INT(st, XXGK_E_USAGE);
    CHECK(strstr(s.text, "没有“收到日期”列") != NULL);
    CHECK(strstr(s.text, "--map received=列名") != NULL);
    const char *bad[] = {"receved=受理时间"};
    memset(&s, 0, sizeof s);
    import(reg, p, false, &s, bad, 1, &st);
    CHECK_INT(st, XXGK_E_USAGE);
    CHECK(strstr(s.text, "receved") != NULL);
    const char *missing[] = {"received=收件时间"};
    memset(&s, 0, sizeof s);
    import(reg, p, false, &s, missing, 1, &st);
    CHECK(strstr(s.text, "没有“收件时间”列") != NULL);
    const char *map[] = {"received=受理时间", "channel=#3", "applicant=身份", "subject=事项",
                         "ref=序"};
    memset(&s, 0, sizeof s);
    xxgk_ledger_summary sum = import(reg, p, false, &s, map, 5, &st);
    CHECK_INT(st, XXGK_OK);
    CHECK_INT(sum.added, 1);
    CHECK_INT(count_cases(reg), 1);
    xxgk_register_close(reg);
}

/* The same ledger saved by Excel in a Chinese locale: GB18030, no BOM. */
static void gb18030(void)
{
    static const char utf8[] = "收到日期,申请方式,申请人类型,申请内容\n"
                               "2024-05-06,当面,自然人,某文件\n";
    char out[512], *in = (char *)utf8, *o = out;
    size_t inleft = sizeof utf8 - 1, outleft = sizeof out;
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    CHECK(cd != (iconv_t)-1);
    iconv(cd, &in, &inleft, &o, &outleft);
    iconv_close(cd);
    xxgk_register *reg = fresh();
    seen s = {""};
    xxgk_status st;
    xxgk_ledger_summary sum =
        import(reg, file("gbk.csv", out, sizeof out - outleft), false, &s, NULL, 0, &st);
    CHECK_INT(st, XXGK_OK);
    CHECK_INT(sum.added, 1);
    xxgk_register_close(reg);
}

static void xlsx(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/ledger.xlsx", dir);
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "台账");
    const char *head[] = {"登记编号", "收到日期", "申请方式", "申请人类型", "申请内容", "答复日期",
                          "办理结果"};
    for (int c = 0; c < 7; c++)
        worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], NULL);
    /* Row 2: dates as Excel stores them (day serials): 45548 is shown as
     * 2024/9/13, 45580 as 2024/10/15. */
    worksheet_write_string(ws, 1, 0, "X-1", NULL);
    worksheet_write_number(ws, 1, 1, 45548, NULL);
    worksheet_write_string(ws, 1, 2, "网络", NULL);
    worksheet_write_string(ws, 1, 3, "自然人", NULL);
    worksheet_write_string(ws, 1, 4, "某文件", NULL);
    worksheet_write_number(ws, 1, 5, 45580, NULL);
    worksheet_write_string(ws, 1, 6, "（二）部分公开", NULL);
    /* Row 4 (row 3 left empty): dates as text, one wrong. */
    worksheet_write_string(ws, 3, 0, "X-2", NULL);
    worksheet_write_string(ws, 3, 1, "2024-09-31", NULL);
    worksheet_write_string(ws, 3, 2, "传真", NULL);
    worksheet_write_string(ws, 3, 3, "科研机构", NULL);
    worksheet_write_string(ws, 3, 4, "某文件", NULL);
    CHECK_INT(workbook_close(wb), LXW_NO_ERROR);
    xxgk_register *reg = fresh();
    seen s = {""};
    xxgk_status st;
    xxgk_ledger_summary sum = import(reg, path, false, &s, NULL, 0, &st);
    CHECK_INT(st, XXGK_OK);
    CHECK_INT(sum.rows, 2);
    CHECK_INT(sum.added, 1);
    CHECK(strstr(s.text, "2:ok\n") != NULL);
    CHECK(strstr(s.text, "4:收到日期“2024-09-31”不是有效日期") != NULL);
    xxgk_case *c = NULL;
    xxgk_error err = {0};
    CHECK_INT(xxgk_case_load(reg, 1, 0, 0, &c, &err), XXGK_OK);
    if (c) {
        char d[11];
        CHECK_STR(xxgk_date_format(xxgk_case_info_of(c)->received, d, sizeof d), "2024-09-13");
        CHECK_STR(xxgk_date_format(xxgk_case_info_of(c)->closed, d, sizeof d), "2024-10-15");
        CHECK_STR(xxgk_case_info_of(c)->outcome, "partial");
        xxgk_case_free(c);
    }
    xxgk_register_close(reg);
    /* Not a workbook: a zip without a sheet. */
    static const char zip_head[] = "PK\x03\x04";
    reg = fresh();
    memset(&s, 0, sizeof s);
    import(reg, file("bad.xlsx", zip_head, 4), false, &s, NULL, 0, &st);
    CHECK(st != XXGK_OK);
    CHECK(strstr(s.text, "bad.xlsx") != NULL);
    xxgk_register_close(reg);
}

static void unreadable(void)
{
    xxgk_register *reg = fresh();
    seen s = {""};
    xxgk_status st;
    char missing[128];
    snprintf(missing, sizeof missing, "%s/none.csv", dir);
    import(reg, missing, false, &s, NULL, 0, &st);
    CHECK_INT(st, XXGK_E_IO);
    CHECK(strstr(s.text, "none.csv") != NULL);
    static const char quote[] = "收到日期,申请方式,申请人类型,申请内容\n2024-05-06,当面,自然人,\"没有闭合\n";
    memset(&s, 0, sizeof s);
    import(reg, file("quote.csv", quote, sizeof quote - 1), false, &s, NULL, 0, &st);
    CHECK_INT(st, XXGK_E_TRUNCATED);
    CHECK(strstr(s.text, "第 2 行的引号没有闭合") != NULL);
    CHECK_INT(count_cases(reg), 0);
    xxgk_register_close(reg);
}

/* An export reads back as a ledger with the same table 三. */
static void export_reads_back(void)
{
    xxgk_register *a = fresh();
    seen s = {""};
    xxgk_status st;
    import(a, file("ledger.csv", ledger, sizeof ledger - 1), false, &s, NULL, 0, &st);
    char path[128];
    snprintf(path, sizeof path, "%s/export.csv", dir);
    FILE *f = fopen(path, "wb");
    xxgk_error err = {0};
    CHECK_INT(xxgk_register_export_csv(a, NULL, 0, f, &err), XXGK_OK);
    fclose(f);
    f = fopen(path, "rb");
    char head[64] = "";
    size_t n = fread(head, 1, 3, f);
    fclose(f);
    CHECK(n == 3 && !memcmp(head, "\xEF\xBB\xBF", 3));
    xxgk_register *b = fresh();
    memset(&s, 0, sizeof s);
    xxgk_ledger_summary sum = import(b, path, false, &s, NULL, 0, &st);
    CHECK_INT(st, XXGK_OK);
    CHECK_INT(sum.added, 4);
    xxgk_report *ra = NULL, *rb = NULL;
    CHECK_INT(xxgk_register_tables(a, "某县民政局", 2024, &ra, &err), XXGK_OK);
    CHECK_INT(xxgk_register_tables(b, "某县民政局", 2024, &rb, &err), XXGK_OK);
    for (size_t id = 0; ra && rb && id < xxgk_cell_count(); id++) {
        const xxgk_cell *x = xxgk_report_cell(ra, id), *y = xxgk_report_cell(rb, id);
        if (x->kind != y->kind || x->value.units != y->value.units)
            fprintf(stderr, "differs: %s\n", xxgk_cell_key(id)), unit_failures++;
    }
    xxgk_report_free(ra);
    xxgk_report_free(rb);
    xxgk_register_close(a);
    xxgk_register_close(b);
}

static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/xxgk-ledger-test-XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        exit(2);
    }
}

static void teardown(void)
{
    const char *names[] = {"ledger.csv", "fixed.csv", "odd.csv", "gbk.csv", "ledger.xlsx",
                           "bad.xlsx", "quote.csv", "export.csv"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char p[128];
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        remove(p);
    }
    rmdir(dir);
}

const struct unit_case unit_cases[] = {
    {"setup", setup},
    {"good_and_bad_rows", good_and_bad_rows},
    {"dry_run", dry_run},
    {"mapping", mapping},
    {"gb18030", gb18030},
    {"xlsx", xlsx},
    {"unreadable", unreadable},
    {"export_reads_back", export_reads_back},
    {"teardown", teardown},
    {NULL, NULL},
};
