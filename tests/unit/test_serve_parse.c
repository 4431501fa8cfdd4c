/*
 * test_serve_parse.c — xxgk serve's request parsers (server/parse.c):
 * urlencoded and multipart forms, cookies; malformed inputs refused as a
 * whole, limits kept.
 */
#include <stdlib.h>

#include "parse.h"
#include "unit.h"

static void urlencoded(void)
{
    form f = {0};
    const char body[] = "a=1&b=%E4%B8%AD+x&empty=&noeq&c.t3.new.total=5";
    CHECK_INT(form_parse_urlencoded(&f, body, sizeof body - 1), 0);
    CHECK_STR(form_get(&f, "a"), "1");
    CHECK_STR(form_get(&f, "b"), "中 x");
    CHECK_STR(form_get(&f, "empty"), "");
    CHECK_STR(form_get(&f, "noeq"), "");
    CHECK_STR(form_get(&f, "c.t3.new.total"), "5");
    CHECK(form_get(&f, "missing") == NULL);
    form_free(&f);
    /* a bad escape refuses the body */
    const char *bad[] = {"a=%", "a=%4", "a=%zz", "%G1=2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT(form_parse_urlencoded(&f, bad[i], strlen(bad[i])), -1);
        form_free(&f);
    }
    /* a NUL byte in a value is kept as data, the value's length says so */
    const char nul[] = "a=x%00y";
    CHECK_INT(form_parse_urlencoded(&f, nul, sizeof nul - 1), 0);
    CHECK_INT(form_field_get(&f, "a")->len, 3);
    form_free(&f);
}

static void limits(void)
{
    form f = {0};
    size_t n = (FORM_MAX_FIELDS + 1) * 2;
    char *body = malloc(n);
    for (size_t i = 0; i < n; i += 2) {
        body[i] = 'a';
        body[i + 1] = '&';
    }
    CHECK_INT(form_parse_urlencoded(&f, body, n), -1);
    form_free(&f);
    free(body);
    char name[FORM_MAX_NAME + 10];
    memset(name, 'n', sizeof name);
    name[sizeof name - 2] = '=';
    name[sizeof name - 1] = '1';
    CHECK_INT(form_parse_urlencoded(&f, name, sizeof name), -1);
    form_free(&f);
}

static void multipart(void)
{
    const char type[] = "multipart/form-data; boundary=----XyZ";
    const char body[] = "------XyZ\r\n"
                        "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                        "tok\r\n"
                        "------XyZ\r\n"
                        "Content-Disposition: form-data; name=\"report\"; filename=\"报告.txt\"\r\n"
                        "Content-Type: text/plain\r\n\r\n"
                        "line 1\r\n------XyZ is not here\r\nline 3\r\n"
                        "------XyZ--\r\n";
    form f = {0};
    CHECK_INT(form_parse_multipart(&f, type, body, sizeof body - 1), 0);
    CHECK_STR(form_get(&f, "_csrf"), "tok");
    const form_field *file = form_field_get(&f, "report");
    CHECK(file != NULL);
    if (file) {
        CHECK_STR(file->filename, "报告.txt");
        CHECK_STR(file->value, "line 1\r\n------XyZ is not here\r\nline 3");
    }
    form_free(&f);
    /* quoted boundary, binary content with NUL bytes */
    const char type2[] = "multipart/form-data; boundary=\"b\"";
    const char body2[] = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n"
                         "\0\1\2\r\n--b--";
    CHECK_INT(form_parse_multipart(&f, type2, body2, sizeof body2 - 1), 0);
    CHECK_INT(form_field_get(&f, "f")->len, 3);
    form_free(&f);
}

static void multipart_malformed(void)
{
    const char type[] = "multipart/form-data; boundary=b";
    const char *bad[] = {
        "",                                                        /* nothing */
        "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx", /* no end */
        "--b\r\nX: y\r\n\r\nx\r\n--b--",                           /* no disposition */
        "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", /* no name */
        "--b\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--b--", /* open quote */
        "--bX",                                                    /* no CRLF */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        form f = {0};
        CHECK_INT(form_parse_multipart(&f, type, bad[i], strlen(bad[i])), -1);
        form_free(&f);
    }
    form f = {0};
    CHECK_INT(form_parse_multipart(&f, "multipart/form-data", "--b--", 5), -1);
    CHECK_INT(form_parse_multipart(&f, NULL, "--b--", 5), -1);
    form_free(&f);
}

static void cookies(void)
{
    char v[64];
    CHECK(cookie_get("a=1; xxgk_session=abc; b=2", "xxgk_session", v, sizeof v));
    CHECK_STR(v, "abc");
    CHECK(cookie_get("xxgk_session=first;xxgk_session=second", "xxgk_session", v, sizeof v));
    CHECK_STR(v, "first");
    CHECK(!cookie_get("xxgk_sessionx=1", "xxgk_session", v, sizeof v));
    CHECK(!cookie_get("xxgk_session=", "xxgk_session", v, sizeof v));
    CHECK(!cookie_get("", "xxgk_session", v, sizeof v));
    CHECK(!cookie_get(NULL, "xxgk_session", v, sizeof v));
    CHECK(!cookie_get("xxgk_session=0123456789", "xxgk_session", v, 5)); /* too long */
}

const struct unit_case unit_cases[] = {
    {"urlencoded", urlencoded},
    {"limits", limits},
    {"multipart", multipart},
    {"multipart_malformed", multipart_malformed},
    {"cookies", cookies},
    {NULL, NULL},
};
