/* test_input.c — bad input of every class gets its status and a message,
 * never a crash; legacy encodings are converted; the registry is whole. */
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "xxgk.h"

static xxgk_status parse_str(const char *s, size_t n, char *msg)
{
    xxgk_report *r = NULL;
    xxgk_error err;
    memset(&err, 0, sizeof err);
    xxgk_status st = xxgk_report_parse(s, n, "t.txt", &r, &err);
    if (msg)
        strcpy(msg, err.message);
    if (st == XXGK_OK)
        CHECK(r != NULL);
    else
        CHECK(r == NULL && err.message[0] != '\0' && err.status == st);
    xxgk_report_free(r);
    return st;
}

/* A small but complete 2021-format report (one cell per line layout). */
static const char small_report[] =
    "某镇2022年政府信息公开工作年度报告\n"
    "一、总体情况\n全年公开信息10条。\n"
    "二、主动公开政府信息情况\n"
    "\t第二十条第（一）项\n\n\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n"
    "\t规章\n\t0\n\t0\n\t0\n\n"
    "三、收到和处理政府信息公开申请情况\n"
    "\t一、本年新收政府信息公开申请数量\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1\n\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "\t行政复议\n\t行政诉讼\n\n"
    "\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\n"
    "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n";

static void empty_inputs(void)
{
    CHECK_INT(parse_str("", 0, NULL), XXGK_E_EMPTY);
    CHECK_INT(parse_str(" \n\t\n　\n", strlen(" \n\t\n　\n"), NULL), XXGK_E_EMPTY);
}

static void binary_inputs(void)
{
    static const char bin[] = "abc\0\x01\x02\x03\xff\xfe";
    CHECK_INT(parse_str(bin, sizeof bin, NULL), XXGK_E_BINARY);
    CHECK_INT(parse_str("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL), XXGK_E_BINARY);
}

static void other_file_types(void)
{
    char msg[256];
    /* A PDF header and nothing after it: a damaged PDF. */
    CHECK_INT(parse_str("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", 16, msg), XXGK_E_TRUNCATED);
    CHECK(strstr(msg, "PDF") != NULL);
    /* A zip cut off after its first header: a DOCX that stops short. */
    CHECK_INT(parse_str("PK\x03\x04\x14\0\0\0", 8, msg), XXGK_E_TRUNCATED);
    CHECK(strstr(msg, "zip") != NULL);
}

static void bad_encoding(void)
{
    /* Latin-1 "café " with bytes that are neither UTF-8 nor GB18030. */
    static const char latin1[] = "caf\xe9 \xff\x80 report";
    char msg[256];
    CHECK_INT(parse_str(latin1, sizeof latin1 - 1, msg), XXGK_E_ENCODING);
    CHECK(strstr(msg, "3") != NULL); /* names the byte offset */
}

static void truncated_inputs(void)
{
    char msg[256];
    /* cut in the middle of a UTF-8 character */
    size_t n = strlen(small_report);
    char *cut = malloc(n);
    memcpy(cut, small_report, n);
    size_t at = 40;
    while (((unsigned char)cut[at] & 0xC0) == 0x80 || (unsigned char)cut[at] < 0x80)
        at++;
    CHECK_INT(parse_str(cut, at + 1, msg), XXGK_E_TRUNCATED);
    /* cut inside table 三: no section after the tables */
    const char *t3 = strstr(small_report, "\t1\n\t0\n\t0");
    CHECK_INT(parse_str(small_report, (size_t)(t3 - small_report) + 6, msg), XXGK_E_TRUNCATED);
    CHECK(strstr(msg, "不完整") != NULL);
    free(cut);
}

static void not_a_report(void)
{
    const char *prose = "这是一篇普通的文章。\n今天天气很好，我们去公园散步。\n";
    CHECK_INT(parse_str(prose, strlen(prose), NULL), XXGK_E_NOT_REPORT);
    const char *csv = "a,b,c\n1,2,3\n";
    CHECK_INT(parse_str(csv, strlen(csv), NULL), XXGK_E_NOT_REPORT);
}

static void old_format(void)
{
    const char *old = "某县2018年政府信息公开工作年度报告\n一、概述\n本年度…\n"
                      "政府信息公开情况统计表\n指标名称|计量单位|本年度|历年累计\n"
                      "主动公开政府信息数|条|120|900\n";
    char msg[256];
    CHECK_INT(parse_str(old, strlen(old), msg), XXGK_E_OLD_FORMAT);
    CHECK(strstr(msg, "2018") != NULL);
}

static void too_large(void)
{
    xxgk_report *r = NULL;
    xxgk_error err;
    /* The size is refused before the data is read. */
    CHECK_INT(xxgk_report_parse("x", XXGK_MAX_INPUT + 1, "big", &r, &err), XXGK_E_TOO_LARGE);
    CHECK(r == NULL);
}

static void good_report_and_gb18030(void)
{
    xxgk_report *r = NULL;
    xxgk_error err;
    CHECK_INT(xxgk_report_parse(small_report, strlen(small_report), "u8", &r, &err), XXGK_OK);
    if (!r)
        return;
    CHECK_INT(xxgk_report_meta(r)->year, 2022);
    CHECK_INT(xxgk_report_meta(r)->format, XXGK_FORMAT_2021);
    int id = xxgk_cell_find("t3.new.natural");
    CHECK_INT(xxgk_report_cell(r, (size_t)id)->kind, XXGK_VALUE_NUMBER);
    CHECK_INT(xxgk_report_cell(r, (size_t)id)->value.units, 1);
    CHECK_INT(xxgk_report_cell(r, (size_t)id)->line, 19); /* the "\t1" line */
    xxgk_report_free(r);

    /* The same text in GB18030, as many government sites serve it. */
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    char out[4096], *in = (char *)small_report, *o = out;
    size_t inleft = strlen(small_report), outleft = sizeof out;
    CHECK(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
    iconv_close(cd);
    CHECK_INT(xxgk_report_parse(out, sizeof out - outleft, "gb", &r, &err), XXGK_OK);
    if (r) {
        CHECK_STR(xxgk_report_meta(r)->body, "某镇");
        xxgk_report_free(r);
    }
}

static void crlf_and_bom(void)
{
    char buf[4096] = "\xEF\xBB\xBF";
    size_t o = 3;
    for (const char *p = small_report; *p; p++) {
        if (*p == '\n')
            buf[o++] = '\r';
        buf[o++] = *p;
    }
    xxgk_report *r = NULL;
    xxgk_error err;
    CHECK_INT(xxgk_report_parse(buf, o, "crlf", &r, &err), XXGK_OK);
    if (r) {
        CHECK_STR(xxgk_report_meta(r)->title, "某镇2022年政府信息公开工作年度报告");
        xxgk_report_free(r);
    }
}

/* A byte that is neither UTF-8 nor GB18030 is an encoding error, even
 * alone or among blanks: not "an empty file" (issue 15). */
static void lone_bad_bytes(void)
{
    char msg[256];
    CHECK_INT(parse_str("\xff", 1, msg), XXGK_E_ENCODING);
    CHECK(strstr(msg, "编码") != NULL);
    CHECK_INT(parse_str("  \xff \n", 5, msg), XXGK_E_ENCODING);
    CHECK_INT(parse_str("\n\x80\n", 3, msg), XXGK_E_ENCODING);
}

/* small_report in `encoding` (iconv's name), with a BOM before when given. */
static size_t encode(const char *encoding, const char *bom, size_t bom_len, char *out, size_t cap)
{
    memcpy(out, bom, bom_len);
    iconv_t cd = iconv_open(encoding, "UTF-8");
    char *in = (char *)small_report, *o = out + bom_len;
    size_t inleft = strlen(small_report), outleft = cap - bom_len;
    CHECK(cd != (iconv_t)-1 && iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
    iconv_close(cd);
    return cap - outleft;
}

/* Notepad's "Unicode" is UTF-16LE with a BOM; "Unicode big endian" is
 * UTF-16BE. Both are read (also without a BOM), to the same cells, with
 * the encoding named. */
static void utf16(void)
{
    static const struct {
        const char *iconv_name, *bom;
        size_t bom_len;
        const char *named;
    } cases[] = {
        {"UTF-16LE", "\xff\xfe", 2, "UTF-16LE"},
        {"UTF-16BE", "\xfe\xff", 2, "UTF-16BE"},
        {"UTF-16LE", "", 0, "UTF-16LE"},
        {"UTF-16BE", "", 0, "UTF-16BE"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[8192];
        size_t n = encode(cases[i].iconv_name, cases[i].bom, cases[i].bom_len, buf, sizeof buf);
        xxgk_report *r = NULL;
        xxgk_error err = {0};
        CHECK_INT(xxgk_report_parse(buf, n, "u16", &r, &err), XXGK_OK);
        if (!r)
            continue;
        CHECK_STR(xxgk_report_meta(r)->body, "某镇");
        const xxgk_cell *c = xxgk_report_cell(r, (size_t)xxgk_cell_find("t3.new.natural"));
        CHECK_INT(c->value.units, 1);
        CHECK_INT(c->line, 19);
        CHECK_STR(xxgk_report_encoding(r), cases[i].named);
        xxgk_report_free(r);
    }
    char buf[8192], msg[256];
    size_t n = encode("UTF-16LE", "\xff\xfe", 2, buf, sizeof buf);
    CHECK_INT(parse_str(buf, n - 1, msg), XXGK_E_TRUNCATED); /* cut inside a character */
    CHECK(strstr(msg, "UTF-16") != NULL);
    memcpy(buf + 2, "\x00\xd8", 2); /* a lone high surrogate first */
    CHECK_INT(parse_str(buf, n, msg), XXGK_E_ENCODING);
    CHECK(strstr(msg, "UTF-16") != NULL);
    CHECK_INT(parse_str("\xff\xfe", 2, msg), XXGK_E_EMPTY); /* an empty Notepad file */
    /* Without a BOM, UTF-16 is only a guess: what does not convert (odd
     * length, a lone surrogate) is binary, as before. */
    n = encode("UTF-16LE", "", 0, buf, sizeof buf);
    CHECK_INT(parse_str(buf, n - 1, msg), XXGK_E_BINARY);
    memcpy(buf, "\x00\xd8", 2);
    CHECK_INT(parse_str(buf, n, msg), XXGK_E_BINARY);
}

static void registry(void)
{
    /* 22 cells in table 二 of 2019, 10 in 2021 of which 3 (the decisions
     * of 行政许可/处罚/强制) share their keys, 26 rows × 7 in 三, 15 in 四 */
    CHECK_INT(xxgk_cell_count(), 22 + 7 + 26 * 7 + 15);
    CHECK_STR(xxgk_cell_key(0), "t2.rules.new_made");
    CHECK(xxgk_cell_find("t4.suit_direct.pending") >= 0);
    CHECK_INT(xxgk_cell_find("t9.nothing.here"), -1);
    int proc = xxgk_cell_find("t2.procurement.amount");
    CHECK(xxgk_format_has_cell(XXGK_FORMAT_2019, (size_t)proc));
    CHECK(!xxgk_format_has_cell(XXGK_FORMAT_2021, (size_t)proc));
    int lic = xxgk_cell_find("t2.licensing.decisions");
    CHECK(xxgk_format_has_cell(XXGK_FORMAT_2019, (size_t)lic));
    CHECK(xxgk_format_has_cell(XXGK_FORMAT_2021, (size_t)lic));
    CHECK_STR(xxgk_cell_row_label((size_t)proc), "政府集中采购");
    CHECK_STR(xxgk_cell_column_label((size_t)proc), "采购总金额");
    CHECK_INT(xxgk_format_for_year(2020), XXGK_FORMAT_2019);
    CHECK_INT(xxgk_format_for_year(2021), XXGK_FORMAT_2021);
    CHECK_INT(xxgk_format_for_year(2018), XXGK_FORMAT_UNKNOWN);
}

static void status_names(void)
{
    CHECK_STR(xxgk_status_name(XXGK_E_TRUNCATED), "truncated");
    CHECK_STR(xxgk_status_text(XXGK_E_EMPTY), "文件为空");
    CHECK_STR(xxgk_status_name((xxgk_status)999), "unknown");
}

const struct unit_case unit_cases[] = {
    {"empty_inputs", empty_inputs},
    {"binary_inputs", binary_inputs},
    {"other_file_types", other_file_types},
    {"bad_encoding", bad_encoding},
    {"truncated_inputs", truncated_inputs},
    {"not_a_report", not_a_report},
    {"old_format", old_format},
    {"too_large", too_large},
    {"good_report_and_gb18030", good_report_and_gb18030},
    {"crlf_and_bom", crlf_and_bom},
    {"lone_bad_bytes", lone_bad_bytes},
    {"utf16", utf16},
    {"registry", registry},
    {"status_names", status_names},
    {NULL, NULL},
};
