/*
 * test_accounts.c — what xxgk serve keeps in the library: roles as
 * named permissions, users with argon2id passwords, which bodies a user
 * covers, sessions and their idle expiry, drafts as versions and their
 * submission to the desk; and the tables' layout and sum rules as the
 * public header gives them.
 */
#include "store_fixture.h"

static void permissions(void)
{
    CHECK(xxgk_role_can(XXGK_ROLE_CLERK, XXGK_PERM_CASES_WRITE));
    CHECK(!xxgk_role_can(XXGK_ROLE_CLERK, XXGK_PERM_EXTENSION_APPROVE));
    CHECK(!xxgk_role_can(XXGK_ROLE_CLERK, XXGK_PERM_REPORT_SUBMIT));
    CHECK(xxgk_role_can(XXGK_ROLE_HEAD, XXGK_PERM_EXTENSION_APPROVE));
    CHECK(xxgk_role_can(XXGK_ROLE_HEAD, XXGK_PERM_REPORT_SUBMIT));
    CHECK(xxgk_role_can(XXGK_ROLE_SUPERVISOR, XXGK_PERM_DESK_READ));
    CHECK(!xxgk_role_can(XXGK_ROLE_SUPERVISOR, XXGK_PERM_CASES_WRITE));
    CHECK(xxgk_role_can(XXGK_ROLE_ADMIN, XXGK_PERM_USERS_MANAGE));
    CHECK(!xxgk_role_can(XXGK_ROLE_ADMIN, XXGK_PERM_CASES_READ));
    CHECK(!xxgk_role_can(XXGK_ROLE_COUNT, XXGK_PERM_CHECK));
    CHECK(!xxgk_role_can(XXGK_ROLE_ADMIN, XXGK_PERM_COUNT));
    xxgk_role r;
    CHECK(xxgk_role_find("head", &r) && r == XXGK_ROLE_HEAD);
    CHECK(xxgk_role_find("负责人", &r) && r == XXGK_ROLE_HEAD);
    CHECK(!xxgk_role_find("boss", &r));
    CHECK_STR(xxgk_permission_key(XXGK_PERM_EXTENSION_APPROVE), "extension.approve");
}

static void users(void)
{
    fixture f;
    fixture_open(&f);
    xxgk_error err;
    int64_t id = 0;
    CHECK_INT(xxgk_user_add(f.store, "a", XXGK_ROLE_CLERK, "某局", NULL, "password1", "t", &id, &err),
              XXGK_OK);
    CHECK(id > 0);
    CHECK_INT(xxgk_user_add(f.store, "a", XXGK_ROLE_CLERK, "某局", NULL, "password1", "t", NULL, &err),
              XXGK_E_USAGE);
    CHECK(strstr(err.message, "已存在") != NULL);
    CHECK_INT(xxgk_user_add(f.store, "b", XXGK_ROLE_CLERK, "某局", NULL, "short", "t", NULL, &err),
              XXGK_E_USAGE);
    /* eight characters, not eight bytes: 八个汉字的密码 is long enough */
    CHECK_INT(xxgk_user_add(f.store, "c", XXGK_ROLE_CLERK, "某局", NULL, "八个汉字的密码呀", "t", NULL,
                            &err),
              XXGK_OK);
    CHECK_INT(xxgk_user_add(f.store, "d", XXGK_ROLE_CLERK, NULL, NULL, "password1", "t", NULL, &err),
              XXGK_E_USAGE);
    CHECK_INT(xxgk_user_add(f.store, "e", XXGK_ROLE_SUPERVISOR, NULL, "", "password1", "t", NULL, &err),
              XXGK_E_USAGE);
    CHECK_INT(xxgk_user_add(f.store, "x\ny", XXGK_ROLE_ADMIN, NULL, NULL, "password1", "t", NULL, &err),
              XXGK_E_USAGE);
    xxgk_user *u = NULL;
    CHECK_INT(xxgk_user_login(f.store, "a", "password1", &u, &err), XXGK_OK);
    CHECK(u && u->id == id && u->role == XXGK_ROLE_CLERK && !strcmp(u->body, "某局"));
    xxgk_user_free(u);
    CHECK_INT(xxgk_user_login(f.store, "a", "password2", &u, &err), XXGK_E_USAGE);
    CHECK(u == NULL);
    CHECK_STR(err.message, "用户名或密码不正确");
    CHECK_INT(xxgk_user_login(f.store, "nobody", "password1", &u, &err), XXGK_E_USAGE);
    CHECK_STR(err.message, "用户名或密码不正确");
    CHECK_INT(xxgk_user_set_disabled(f.store, "a", true, "t", &err), XXGK_OK);
    CHECK_INT(xxgk_user_login(f.store, "a", "password1", &u, &err), XXGK_E_USAGE);
    CHECK_INT(xxgk_user_set_disabled(f.store, "a", false, "t", &err), XXGK_OK);
    CHECK_INT(xxgk_user_set_password(f.store, "a", "password9", "t", &err), XXGK_OK);
    CHECK_INT(xxgk_user_login(f.store, "a", "password1", &u, &err), XXGK_E_USAGE);
    CHECK_INT(xxgk_user_login(f.store, "a", "password9", &u, &err), XXGK_OK);
    xxgk_user_free(u);
    CHECK_INT(xxgk_user_set_password(f.store, "nobody", "password9", "t", &err), XXGK_E_USAGE);
    fixture_close(&f);
}

static void covers(void)
{
    fixture f;
    fixture_open(&f);
    xxgk_error err;
    const char *roster = fixture_write(&f, "r.csv", "名称,上级,别名\n某县民政局,某县,民政局\n"
                                                    "某县教育局,某县,\n他县民政局,他县,\n");
    CHECK_INT(xxgk_store_import_roster(f.store, roster, NULL, &err), XXGK_OK);
    xxgk_user clerk = {1, "c", XXGK_ROLE_CLERK, "某县民政局", "", false, ""};
    xxgk_user sup = {2, "s", XXGK_ROLE_SUPERVISOR, "", "某县", false, ""};
    xxgk_user admin = {3, "a", XXGK_ROLE_ADMIN, "", "", false, ""};
    CHECK(xxgk_user_covers_body(f.store, &clerk, "某县民政局"));
    CHECK(!xxgk_user_covers_body(f.store, &clerk, "某县教育局"));
    CHECK(xxgk_user_covers_body(f.store, &sup, "某县民政局"));
    CHECK(xxgk_user_covers_body(f.store, &sup, "民政局")); /* by alias */
    CHECK(xxgk_user_covers_body(f.store, &sup, "某县教育局"));
    CHECK(xxgk_user_covers_body(f.store, &sup, "某县"));
    CHECK(!xxgk_user_covers_body(f.store, &sup, "他县民政局"));
    CHECK(!xxgk_user_covers_body(f.store, &admin, "某县民政局"));
    clerk.disabled = true;
    CHECK(!xxgk_user_covers_body(f.store, &clerk, "某县民政局"));
    fixture_close(&f);
}

static bool base64url(const char *s)
{
    if (strlen(s) != 43)
        return false;
    for (; *s; s++)
        if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", *s))
            return false;
    return true;
}

static int session_count(void *ctx, size_t row, int ncols, const char *const *names,
                       const char *const *values)
{
    (void)names;
    if (row == 1 && ncols > 0 && values[0])
        snprintf(ctx, 16, "%s", values[0]);
    return 0;
}

static void sessions(void)
{
    fixture f;
    fixture_open(&f);
    xxgk_error err;
    int64_t uid = 0;
    CHECK_INT(xxgk_user_add(f.store, "a", XXGK_ROLE_ADMIN, NULL, NULL, "password1", "t", &uid, &err),
              XXGK_OK);
    xxgk_session s1, s2, got;
    CHECK_INT(xxgk_session_new(f.store, uid, 1000, &s1, &err), XXGK_OK);
    CHECK_INT(xxgk_session_new(f.store, uid, 1000, &s2, &err), XXGK_OK);
    CHECK(base64url(s1.id) && base64url(s1.csrf));
    CHECK(strcmp(s1.id, s2.id) != 0 && strcmp(s1.csrf, s1.id) != 0);
    CHECK_INT(xxgk_session_get(f.store, s1.id, 1500, 600, &got, &err), XXGK_OK);
    CHECK_STR(got.csrf, s1.csrf);
    CHECK_INT(got.user_id, uid);
    /* seen at 1500: idle 600 is counted from then */
    CHECK_INT(xxgk_session_get(f.store, s1.id, 2000, 600, &got, &err), XXGK_OK);
    CHECK_INT(xxgk_session_get(f.store, s1.id, 2601, 600, &got, &err), XXGK_E_USAGE);
    /* expired means removed */
    CHECK_INT(xxgk_session_get(f.store, s1.id, 2602, 100000, &got, &err), XXGK_E_USAGE);
    /* the store keeps no session id, only its hash */
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM app_session WHERE id_hash = '%s' OR csrf = '%s'",
             s2.id, s2.id);
    char count[16] = "";
    CHECK_INT(xxgk_store_query(f.store, sql, session_count, count, &err), XXGK_OK);
    CHECK_STR(count, "0");
    CHECK_INT(xxgk_session_end(f.store, s2.id, &err), XXGK_OK);
    CHECK_INT(xxgk_session_get(f.store, s2.id, 1001, 600, &got, &err), XXGK_E_USAGE);
    CHECK_INT(xxgk_session_get(f.store, "short", 1001, 600, &got, &err), XXGK_E_USAGE);
    fixture_close(&f);
}

static int count_versions(void *ctx, const xxgk_draft_info *d)
{
    int *v = ctx;
    /* newest first */
    CHECK(v[1] == 0 || d->version < v[1]);
    v[1] = d->version;
    v[0]++;
    return 0;
}

static void drafts(void)
{
    fixture f;
    fixture_open(&f);
    xxgk_error err;
    const char *roster = fixture_write(&f, "r.csv", "名称,上级\n某县民政局,某县\n");
    CHECK_INT(xxgk_store_import_roster(f.store, roster, NULL, &err), XXGK_OK);
    xxgk_report *r = NULL;
    CHECK_INT(xxgk_report_new(2024, XXGK_FORMAT_UNKNOWN, "某县民政局", &r, &err), XXGK_OK);
    CHECK_INT(xxgk_report_fill_skeleton(r, false), XXGK_OK);
    int v = 0;
    CHECK_INT(xxgk_draft_save(f.store, "某县民政局", r, "clerk", &v, &err), XXGK_OK);
    CHECK_INT(v, 1);
    /* the skeleton has placeholders: errors, not submittable */
    CHECK(xxgk_report_count(r, XXGK_ERROR) > 0);
    CHECK_INT(xxgk_draft_submit(f.store, "某县民政局", 2024, 0, "head", NULL, &err), XXGK_E_USAGE);
    CHECK(strstr(err.message, "错误") != NULL);
    for (int n = 0; n <= 6; n++)
        xxgk_report_set_section_text(r, n, n == 6 ? "本年度未收取信息处理费。" : "内容属实。");
    xxgk_report_set_date(r, "2025-01-20");
    int id = xxgk_cell_find("t3.new.natural");
    xxgk_report_set_number(r, (size_t)id, (xxgk_decimal){4, 0});
    xxgk_report_set_number(r, (size_t)xxgk_cell_find("t3.new.total"), (xxgk_decimal){4, 0});
    xxgk_report_set_number(r, (size_t)xxgk_cell_find("t3.granted.natural"), (xxgk_decimal){4, 0});
    xxgk_report_set_number(r, (size_t)xxgk_cell_find("t3.granted.total"), (xxgk_decimal){4, 0});
    xxgk_report_set_number(r, (size_t)xxgk_cell_find("t3.total.natural"), (xxgk_decimal){4, 0});
    xxgk_report_set_number(r, (size_t)xxgk_cell_find("t3.total.total"), (xxgk_decimal){4, 0});
    CHECK_INT(xxgk_draft_save(f.store, "某县民政局", r, "clerk", &v, &err), XXGK_OK);
    CHECK_INT(v, 2);
    CHECK_INT(xxgk_report_count(r, XXGK_ERROR), 0);
    xxgk_report_free(r);
    int got = 0;
    CHECK_INT(xxgk_draft_load(f.store, "某县民政局", 2024, 0, &r, &got, &err), XXGK_OK);
    CHECK_INT(got, 2);
    CHECK_INT(xxgk_report_cell(r, (size_t)id)->value.units, 4);
    xxgk_report_free(r);
    CHECK_INT(xxgk_draft_load(f.store, "某县民政局", 2024, 1, &r, &got, &err), XXGK_OK);
    CHECK_INT(xxgk_report_cell(r, (size_t)id)->value.units, 0);
    xxgk_report_free(r);
    CHECK_INT(xxgk_draft_load(f.store, "某县民政局", 2024, 3, &r, &got, &err), XXGK_E_USAGE);
    CHECK_INT(xxgk_draft_load(f.store, "某县教育局", 2024, 0, &r, &got, &err), XXGK_E_USAGE);
    int seen[2] = {0, 0};
    CHECK_INT(xxgk_draft_versions(f.store, "某县民政局", 2024, count_versions, seen, &err), XXGK_OK);
    CHECK_INT(seen[0], 2);
    /* nothing submitted yet: the rollup of the year sums no report */
    xxgk_store_filter year = {.year = 2024};
    xxgk_report *sum = NULL;
    size_t nsum = 9, dups = 9;
    CHECK_INT(xxgk_store_rollup(f.store, &year, NULL, &sum, &nsum, &dups, &err), XXGK_OK);
    CHECK_INT(nsum, 0);
    CHECK_INT(dups, 0);
    xxgk_report_free(sum);
    /* submitted: the desk counts it for the body */
    xxgk_desk *d = NULL;
    CHECK_INT(xxgk_store_desk(f.store, 2024, &d, &err), XXGK_OK);
    CHECK_INT(d->rows[0].state, XXGK_DESK_MISSING);
    xxgk_desk_free(d);
    int64_t rid = 0;
    CHECK_INT(xxgk_draft_submit(f.store, "某县民政局", 2024, 0, "head", &rid, &err), XXGK_OK);
    CHECK(rid > 0);
    CHECK_INT(xxgk_store_desk(f.store, 2024, &d, &err), XXGK_OK);
    CHECK_INT(d->rows[0].state, XXGK_DESK_SUBMITTED);
    CHECK_INT(d->rows[0].applications, 4);
    xxgk_desk_free(d);
    /* the same version again is no new report */
    int64_t again = 0;
    CHECK_INT(xxgk_draft_submit(f.store, "某县民政局", 2024, 0, "head", &again, &err), XXGK_OK);
    CHECK_INT(again, rid);
    fixture_close(&f);
}

/* Every value cell of each laid-out table is a cell of the format and
 * of that table, each once; the header rows come first. */
static void grids(void)
{
    for (size_t k = 0; k < xxgk_format_count(); k++) {
        xxgk_format fmt = xxgk_format_at(k);
        for (int section = 2; section <= 4; section++) {
            xxgk_table_grid *g = NULL;
            xxgk_error err;
            CHECK_INT(xxgk_table_grid_new(fmt, section, &g, &err), XXGK_OK);
            if (!g)
                continue;
            char prefix[8];
            snprintf(prefix, sizeof prefix, "t%d.", section);
            size_t expected = 0, values = 0;
            for (size_t id = 0; id < xxgk_cell_count(); id++)
                if (xxgk_format_has_cell(fmt, id) && !strncmp(xxgk_cell_key(id), prefix, 3))
                    expected++;
            char *seen = calloc(xxgk_cell_count(), 1);
            for (size_t i = 0; i < g->ncells; i++) {
                const xxgk_grid_cell *c = &g->cells[i];
                CHECK(c->row + c->rowspan <= g->nrows && c->col + c->colspan <= g->ncols);
                if (i)
                    CHECK(c->row > g->cells[i - 1].row ||
                          (c->row == g->cells[i - 1].row && c->col > g->cells[i - 1].col));
                if (c->kind != XXGK_GRID_VALUE) {
                    CHECK(c->text != NULL);
                    continue;
                }
                values++;
                CHECK(c->row >= g->head_rows);
                CHECK(xxgk_format_has_cell(fmt, (size_t)c->cell));
                CHECK(!strncmp(xxgk_cell_key((size_t)c->cell), prefix, 3));
                CHECK(!seen[c->cell]);
                seen[c->cell] = 1;
            }
            CHECK_INT(values, expected);
            CHECK(strstr(g->caption, "表") != NULL);
            free(seen);
            xxgk_table_grid_free(g);
        }
    }
    xxgk_table_grid *g = NULL;
    CHECK_INT(xxgk_table_grid_new(xxgk_format_at(0), 5, &g, NULL), XXGK_E_USAGE);
    CHECK(g == NULL);
}

/* A total (a sum with one cell on a side) is what the library computes
 * for it when it is left blank. */
static void sums(void)
{
    size_t totals = 0;
    for (size_t k = 0; k < xxgk_format_count(); k++) {
        xxgk_format fmt = xxgk_format_at(k);
        for (size_t i = 0; i < xxgk_sum_count(fmt); i++) {
            const xxgk_sum *s = xxgk_sum_at(fmt, i);
            if (s->nlhs != 1 && s->nrhs != 1)
                continue;
            const int *total = s->nlhs == 1 ? s->lhs : s->rhs;
            const int *parts = s->nlhs == 1 ? s->rhs : s->lhs;
            size_t n = s->nlhs == 1 ? s->nrhs : s->nlhs;
            xxgk_report *r = NULL;
            xxgk_report_new(fmt == xxgk_format_at(0) ? 2020 : 2024, fmt, "x", &r, NULL);
            int64_t want = 0;
            for (size_t j = 0; j < n; j++) {
                CHECK(xxgk_format_has_cell(fmt, (size_t)parts[j]));
                xxgk_report_set_number(r, (size_t)parts[j], (xxgk_decimal){(int64_t)j + 1, 0});
                want += (int64_t)j + 1;
            }
            xxgk_report_set_blank(r, (size_t)total[0]);
            xxgk_report_complete_totals(r);
            const xxgk_cell *c = xxgk_report_cell(r, (size_t)total[0]);
            CHECK(c->kind == XXGK_VALUE_NUMBER && c->value.units == want);
            xxgk_report_free(r);
            totals++;
        }
    }
    CHECK(totals > 20);
    CHECK(xxgk_sum_at(xxgk_format_at(0), xxgk_sum_count(xxgk_format_at(0))) == NULL);
    CHECK_INT(xxgk_sum_count(XXGK_FORMAT_UNKNOWN), 0);
}

const struct unit_case unit_cases[] = {
    {"permissions", permissions},
    {"users", users},
    {"covers", covers},
    {"sessions", sessions},
    {"drafts", drafts},
    {"grids", grids},
    {"sums", sums},
    {NULL, NULL},
};
