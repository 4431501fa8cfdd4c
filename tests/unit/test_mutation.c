/* test_mutation.c — generated mutations: for each sample and layout report,
 * every cell that takes part in an identity of the tables (with all its
 * cells present) is changed by one in the report's text; the changed
 * report must get an arithmetic finding naming that cell. And a
 * consistent report gets no arithmetic finding.
 *
 * Which cells take part is worked out here from the template's sum
 * declarations, independently of src/check_sums.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"
#include "template.h"
#include "unit.h"

#ifndef SOURCE_DIR
#define SOURCE_DIR "."
#endif

static bool present(const xxgk_report *r, int id)
{
    return id >= 0 && xxgk_report_cell(r, (size_t)id)->kind != XXGK_VALUE_ABSENT;
}

/* Marks in `in_identity` the members of every identity instance whose
 * cells are all present. */
static void mark_members(const xxgk_report *r, bool *in_identity)
{
    xxgk_format f = xxgk_report_meta(r)->format;
    for (int section = 3; section <= 4; section++) {
        const tpl_table *t = tpl_table_of(f, section);
        const tpl_block *b = &t->blocks[0];
        for (int s = 0; s < t->nsums; s++) {
            const tpl_sum *sum = &t->sums[s];
            if (!(sum->formats & format_mask(f)))
                continue;
            int outer = sum->over == SUM_EACH_ROW ? t->nrows : b->ncols;
            for (int o = 0; o < outer; o++) {
                if (sum->over == SUM_EACH_ROW &&
                    (t->rows[o].kind != ROW_DATA || !(t->rows[o].formats & format_mask(f))))
                    continue;
                int ids[64], n = 0;
                bool all = true;
                const char *lists[2] = {sum->lhs, sum->rhs};
                for (int side = 0; side < 2; side++) {
                    key_iter it;
                    key_iter_init(&it, lists[side]);
                    while (key_iter_next(&it) && n < 64) {
                        int id = sum->over == SUM_EACH_ROW
                                     ? tpl_cell_id(t->id, t->rows[o].key, it.key)
                                     : tpl_cell_id(t->id, it.key, b->cols[o].key);
                        all = all && present(r, id);
                        ids[n++] = id;
                    }
                }
                for (int k = 0; all && k < n; k++)
                    in_identity[ids[k]] = true;
            }
        }
    }
}

static bool arithmetic_names(const xxgk_report *r, int id)
{
    for (size_t i = 0; i < xxgk_report_finding_count(r); i++) {
        const xxgk_finding *f = xxgk_report_finding(r, i);
        const xxgk_rule *rule = xxgk_rule_find(f->rule);
        if (!rule || strcmp(rule->category, "arithmetic"))
            continue;
        for (size_t k = 0; k < f->ncells; k++)
            if (f->cells[k] == id)
                return true;
    }
    return false;
}

/* The report's text with cell `id` replaced by its value plus one. */
static char *mutate(const xxgk_report *r, int id)
{
    const xxgk_cell *c = xxgk_report_cell(r, (size_t)id);
    size_t size, len;
    const char *text = xxgk_report_text(r, &size);
    const char *line = xxgk_report_line(r, c->line, &len);
    if (!line || !c->column || c->value.scale)
        return NULL;
    size_t at = (size_t)(line - text) + c->column - 1;
    char number[32];
    long long v = c->kind == XXGK_VALUE_NUMBER ? c->value.units : 0;
    snprintf(number, sizeof number, "%lld", v + 1);
    size_t nl = strlen(number);
    char *out = malloc(size - c->length + nl + 1);
    memcpy(out, text, at);
    memcpy(out + at, number, nl);
    memcpy(out + at + nl, text + at + c->length, size - at - c->length);
    out[size - c->length + nl] = '\0';
    return out;
}

static void mutate_file(const char *rel, bool consistent, int min_tested)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", SOURCE_DIR, rel);
    size_t size;
    char *data = unit_read_file(path, &size);
    CHECK(data != NULL);
    if (!data)
        return;
    xxgk_report *r = NULL;
    xxgk_error err;
    CHECK_INT(xxgk_report_parse(data, size, rel, &r, &err), XXGK_OK);
    free(data);
    if (!r)
        return;
    xxgk_report_check(r, NULL);
    /* An arithmetically consistent report: no arithmetic finding. */
    int arithmetic = 0;
    for (size_t i = 0; i < xxgk_report_finding_count(r); i++) {
        const xxgk_rule *rule = xxgk_rule_find(xxgk_report_finding(r, i)->rule);
        arithmetic += rule && !strcmp(rule->category, "arithmetic");
    }
    if (consistent && arithmetic) {
        fprintf(stderr, "  %s: %d arithmetic findings on a consistent report\n", rel, arithmetic);
        unit_failures++;
    }
    size_t ncells = xxgk_cell_count();
    bool *member = calloc(ncells, sizeof *member);
    mark_members(r, member);
    int tested = 0, detected = 0;
    for (size_t id = 0; id < ncells; id++) {
        if (!member[id])
            continue;
        char *text = mutate(r, (int)id);
        if (!text)
            continue;
        xxgk_report *m = parse_and_check(text, NULL);
        tested++;
        if (m && arithmetic_names(m, (int)id))
            detected++;
        else
            fprintf(stderr, "  %s: changing %s (line %u) was not detected\n", rel,
                    xxgk_cell_key(id), xxgk_report_cell(r, id)->line);
        xxgk_report_free(m);
        free(text);
    }
    if (tested < min_tested) {
        fprintf(stderr, "  %s: only %d cells tested, expected at least %d\n", rel, tested,
                min_tested);
        unit_failures++;
    }
    CHECK_INT(detected, tested);
    free(member);
    xxgk_report_free(r);
}

/* 161 cells of table 三 and 15 of 四 in a complete 2019 report, all in
 * some identity. */
static void sample_000(void) { mutate_file("examples/000_1500d81ea7d6f017.txt", true, 176); }
static void sample_001(void) { mutate_file("examples/001_cbab459871fbb742.txt", false, 176); }
static void sample_002(void) { mutate_file("examples/002_5008492d97724081.txt", true, 176); }
static void sample_003(void) { mutate_file("examples/003_67fd554f9e32afcc.txt", true, 176); }
/* 004: only the totals of 21 rows plus rows 一, 二 and table 四 */
static void sample_004(void) { mutate_file("examples/004_713aac75e110bc97.txt", false, 20); }
static void layout_word(void) { mutate_file("tests/golden/layouts/word_2021.txt", true, 190); }
static void layout_pipe(void) { mutate_file("tests/golden/layouts/pipe_2021.txt", true, 190); }
static void layout_markdown(void) { mutate_file("tests/golden/layouts/markdown_2021.md", true, 190); }
static void layout_pipe_2019(void) { mutate_file("tests/golden/layouts/pipe_2019.txt", true, 176); }

const struct unit_case unit_cases[] = {
    {"sample_000", sample_000}, {"sample_001", sample_001},   {"sample_002", sample_002},
    {"sample_003", sample_003}, {"sample_004", sample_004},   {"layout_word", layout_word},
    {"layout_pipe", layout_pipe}, {"layout_markdown", layout_markdown},
    {"layout_pipe_2019", layout_pipe_2019}, {NULL, NULL},
};
