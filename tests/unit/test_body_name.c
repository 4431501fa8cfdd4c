/* test_body_name.c — body names: the normal form, the same body with and
 * without higher levels, and a roster's index (names and aliases; one,
 * several or no body for a name, never a guess). */
#include <stdio.h>
#include <string.h>

#include "body_name.h"
#include "unit.h"

static const char *norm(const char *name)
{
    static char out[BODY_NAME_MAX];
    body_norm(name, out);
    return out;
}

static void normal_form(void)
{
    CHECK_STR(norm("洪泽区人民政府"), "洪泽区");
    CHECK_STR(norm("洪泽区政府"), "洪泽区");
    CHECK_STR(norm(" 淮安市 洪泽区\u3000人民政府 "), "淮安市洪泽区");
    CHECK_STR(norm("高良涧街道办事处"), "高良涧街道");
    CHECK_STR(norm("洪泽区人民政府办公室"), "洪泽区政府办公室"); /* another body */
    CHECK_STR(norm("洪泽区政府办公室"), "洪泽区政府办公室");
    CHECK_STR(norm("人民政府"), "政府");
    CHECK_STR(norm(NULL), "");
    CHECK_STR(norm("  "), "");
}

static void same_body(void)
{
    CHECK(body_same("洪泽区", "淮安市洪泽区"));
    CHECK(body_same("淮安市洪泽区", "洪泽区"));
    CHECK(body_same("高良涧街道", "洪泽区高良涧街道"));
    CHECK(body_same("洪泽区市场监督管理局", "淮安市洪泽区市场监督管理局"));
    CHECK(!body_same("洪泽区", "泽区"));          /* not after a level */
    CHECK(!body_same("淮安市洪泽区", "宿迁市洪泽区")); /* both say where: different */
    CHECK(!body_same("区", "洪泽区"));             /* one character is no name */
    CHECK(!body_same("洪泽区", "洪泽区政府办公室"));
    CHECK(!body_same("", ""));
}

static size_t match(const body_index *ix, const char *name, int *out)
{
    return body_index_match(ix, name, out, 8);
}

static void roster_index(void)
{
    body_index *ix = body_index_new();
    CHECK(body_index_add(ix, "洪泽区人民政府", 0));
    CHECK(body_index_add(ix, "洪泽区人民政府办公室", 1));
    CHECK(body_index_add(ix, "高良涧街道", 2));
    CHECK(body_index_add(ix, "洪泽区市场监督管理局", 3));
    CHECK(body_index_add(ix, "市场监管局", 3)); /* an alias */
    CHECK(body_index_add(ix, "淮安市洪泽区岔河镇", 4));
    CHECK(body_index_add(ix, "宿迁市岔河镇", 5)); /* two places of one name */
    int out[8];
    CHECK_INT(match(ix, "淮安市洪泽区人民政府", out), 1);
    CHECK_INT(out[0], 0);
    CHECK_INT(match(ix, "洪泽区政府", out), 1);
    CHECK_INT(out[0], 0);
    CHECK_INT(match(ix, "洪泽区人民政府办公室", out), 1);
    CHECK_INT(out[0], 1);
    CHECK_INT(match(ix, "洪泽区高良涧街道办事处", out), 1);
    CHECK_INT(out[0], 2);
    CHECK_INT(match(ix, "市场监管局", out), 1);
    CHECK_INT(out[0], 3);
    CHECK_INT(match(ix, "淮安市洪泽区市场监督管理局", out), 1);
    CHECK_INT(out[0], 3);
    CHECK_INT(match(ix, "洪泽区岔河镇", out), 1);
    CHECK_INT(out[0], 4);
    /* two bodies fit and neither is exact: both listed, none chosen */
    CHECK_INT(match(ix, "岔河镇人民政府", out), 2);
    CHECK_INT(out[0], 4);
    CHECK_INT(out[1], 5);
    /* the exact normal form wins over the variants */
    CHECK(body_index_add(ix, "岔河镇", 6));
    CHECK_INT(match(ix, "岔河镇人民政府", out), 1);
    CHECK_INT(out[0], 6);
    CHECK_INT(match(ix, "老子山镇", out), 0);
    CHECK_INT(match(ix, "", out), 0);
    body_index_free(ix);
}

const struct unit_case unit_cases[] = {
    {"normal_form", normal_form},
    {"same_body", same_body},
    {"roster_index", roster_index},
    {NULL, NULL},
};
