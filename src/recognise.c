/*
 * recognise.c — reads the report model out of a document.
 *
 * Works on any reader's output (doc.h), in three passes:
 *  1. scan: walk paragraphs and table rows in order; find section
 *     headings, table 二 captions, header rows, and data rows whose label
 *     matches a template row (label.c); keep each data row as an
 *     observation with its value cells;
 *  2. decide the format from the tables themselves: rows and column
 *     labels that exist in one format only, and the cell count of rows
 *     whose columns differ between formats; the year decides a tie;
 *  3. place: every observation's values go to the cells of the chosen
 *     format's row (or, for a row of the other format, to that row's own
 *     keys, flagged as foreign). A row whose cell count does not fit its
 *     table is not guessed: only a trailing 总计 is placed.
 */
#include <string.h>

#include "index.h"
#include "input.h"
#include "label.h"
#include "report.h"
#include "split.h"
#include "utf8.h"

#include "recognise.h"

span cell_span(const doc_cell *c)
{
    const char *nl = memchr(c->text, '\n', c->len);
    span s = {c->line, c->col, nl ? (uint32_t)(nl - c->text) : c->len};
    return s;
}

/* ---- headings --------------------------------------------------------- */

/* Top-level numbering: 一、 / 一. / 5、 / 5. (not （一）, which numbers a
 * sub-heading). Returns the number and the offset after the marker. */
static int heading_number(const char *s, size_t n, size_t *after, bool *arabic)
{
    size_t i = 0;
    *arabic = s[0] >= '0' && s[0] <= '9';
    int num = label_parse_numeral(s, n, &i);
    if (num <= 0 || i >= n)
        return 0;
    size_t k = i;
    int32_t cp = utf8_next(s, n, &k);
    if (cp != 0x3001 && cp != '.' && cp != ',' && cp != 0xFF0C && cp != 0x3002)
        return 0;
    *after = k;
    return num;
}

/* The six headings' titles and variants, of every format, as label keys,
 * built once; the first form of each is the latest format's title. */
#define HEADING_FORMS 8
typedef struct heading_form {
    label_key key;
    int quality;
} heading_form;
static heading_form heading_forms[6][HEADING_FORMS];
static int heading_nforms[6];
/* The labels of header groups, as keys: the tables' column groups (信息
 *内容, 申请人情况 …) and the groups of flat tables (行政复议 …). */
#define GROUP_KEYS 32
static label_key group_keys[GROUP_KEYS];
static int ngroup_keys;

/* Adds a wording of heading i, unless it has it already. */
static void add_heading_form(int i, const char *text, int quality)
{
    label_key k;
    label_key_init(&k);
    label_key_add(&k, text, strlen(text));
    for (int j = 0; j < heading_nforms[i]; j++)
        if (heading_forms[i][j].key.len == k.len &&
            !memcmp(heading_forms[i][j].key.text, k.text, k.len))
            return;
    tpl_need(heading_nforms[i] < HEADING_FORMS, "recognise.c HEADING_FORMS");
    heading_forms[i][heading_nforms[i]++] = (heading_form){k, quality};
}

static void add_group_key(const char *label)
{
    label_key k;
    label_key_init(&k);
    label_key_add(&k, label, strlen(label));
    for (int i = 0; i < ngroup_keys; i++)
        if (group_keys[i].len == k.len && !memcmp(group_keys[i].text, k.text, k.len))
            return;
    tpl_need(ngroup_keys < GROUP_KEYS, "recognise.c GROUP_KEYS");
    group_keys[ngroup_keys++] = k;
}

void recognise_compile(void)
{
    for (size_t t = 0; t < tpl_table_count(); t++) {
        const tpl_table *tab = tpl_table_at(t);
        for (int g = 0; g < tab->ngroups; g++)
            add_group_key(tab->groups[g].label);
        for (int r = 0; tab->layout == LAYOUT_FLAT && r < tab->nrows; r++)
            add_group_key(tab->rows[r].label);
    }
    size_t nf = tpl_format_count();
    for (size_t f = nf; f-- > 0;)
        for (int i = 0; i < 6; i++)
            add_heading_form(i, tpl_format_at(f)->headings[i].title, MATCH_EXACT);
    for (size_t f = nf; f-- > 0;)
        for (int i = 0; i < 6; i++)
            for (tpl_words v = tpl_format_at(f)->headings[i].variants; v && *v; v++)
                add_heading_form(i, *v, MATCH_VARIANT);
}

/* The section whose title (or variant, or — within a quarter of its
 * length — misspelling) `k` is; 0 when none. */
static int heading_by_title(const label_key *k, bool numbered, int *quality)
{
    index_ensure();
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < heading_nforms[i]; j++) {
            const label_key *t = &heading_forms[i][j].key;
            if (t->len == k->len && memcmp(t->text, k->text, k->len) == 0) {
                *quality = heading_forms[i][j].quality;
                return i + 1;
            }
        }
    /* Misspelt titles only count when numbered like a heading. */
    for (int i = 0; numbered && i < 6; i++) {
        const label_key *t = &heading_forms[i][0].key;
        int max = (int)utf8_length(t->text, t->len) / 4;
        if (max >= 1 && label_distance(k->text, k->len, t->text, t->len, max) <= max) {
            *quality = MATCH_FUZZY;
            return i + 1;
        }
    }
    return 0;
}

/* Keywords identify a heading only when its number agrees: a sub-heading
 * "一、主动公开情况" inside 总体情况 is not section 二. */
static bool heading_by_keyword(int num, const char *rest, size_t rn)
{
    for (size_t f = 0; f < tpl_format_count(); f++)
        for (tpl_words kw = tpl_format_at(f)->headings[num - 1].keywords; kw && *kw; kw++)
            if (text_contains(rest, rn, *kw))
                return true;
    return false;
}

/* Whether a paragraph is one of the six section headings. */
static bool detect_heading(const char *text, size_t len, rec_heading *h)
{
    char buf[200];
    if (len > 150)
        return false;
    size_t n = text_compact_buf(text, len, buf, sizeof buf);
    if (n == 0 || n > 130)
        return false;
    /* （一）主动公开政府信息情况 is a sub-heading of section 一, never
     * one of the six, whatever its words. */
    size_t sub = 1;
    if (buf[0] == '(' && label_parse_numeral(buf, n, &sub) > 0 && sub < n && buf[sub] == ')')
        return false;
    size_t after = 0;
    bool arabic = false;
    int num = heading_number(buf, n, &after, &arabic);
    const char *rest = buf + after;
    size_t rn = n - after;
    /* Drop a trailing colon: 一、总体情况： (sample 003). */
    while (rn && (rest[rn - 1] == ':' || rest[rn - 1] == '.'))
        rn--;
    if (rn >= 3 && memcmp(rest + rn - 3, "。", 3) == 0)
        rn -= 3;
    label_key k;
    label_key_init(&k);
    label_key_add(&k, rest, rn);
    int quality = MATCH_NONE;
    int section = heading_by_title(&k, num > 0, &quality);
    if (!section && num >= 1 && num <= 6 && heading_by_keyword(num, rest, rn)) {
        section = num;
        quality = MATCH_VARIANT;
    }
    /* A heading with no number must match a title exactly. */
    if (!section || (num == 0 && quality != MATCH_EXACT))
        return false;
    h->section = section;
    h->number = num;
    h->arabic = arabic;
    h->quality = quality;
    return true;
}

/* ---- rows ------------------------------------------------------------ */

/* Text that starts with its own numbering ("3.其他", "（七）总计") is a
 * row label: headers are never numbered. Without this an all-blank
 * 3.其他 or （七）总计 row was taken for a header row ("其他", "总计")
 * and its blank cells were lost (found by the writers' round trip). */
static bool starts_numbered(const char *s, size_t len)
{
    char buf[64];
    size_t n = text_compact_buf(s, len, buf, sizeof buf), i = 0;
    bool paren = n && buf[0] == '(';
    i += paren;
    if (label_parse_numeral(buf, n, &i) <= 0 || i >= n)
        return false;
    if (paren)
        return buf[i] == ')';
    return buf[i] == '.' || (n - i >= 3 && memcmp(buf + i, "、", 3) == 0);
}

/* Header cells that are not column labels: the row title of table 二,
 * the column groups, the groups of table 四. */
bool is_group_label(const label_key *k)
{
    index_ensure();
    for (int i = 0; i < ngroup_keys; i++)
        if (group_keys[i].len == k->len && !memcmp(group_keys[i].text, k->text, k->len))
            return true;
    return false;
}

/* A cell of a row that may be a header row, classified once. */
typedef struct header_cell {
    const doc_cell *cell;
    label_key key;
    label_match m[LABEL_MATCHES];
    int nm;         /* column labels it matched */
    bool header;    /* a column label, a group header or the 勾稽 note */
} header_cell;

#define MAX_HEADER_CELLS 24

/* Classifies the text cells of a row without numbers; returns how many
 * look like header cells. */
static int classify_header(const scan_ctx *c, const doc_row *row, header_cell *hc, int *n)
{
    int section = c->section >= 2 && c->section <= 4 ? c->section : 0, count = 0;
    *n = 0;
    for (uint32_t i = 0; i < row->n && *n < MAX_HEADER_CELLS; i++) {
        const doc_cell *cell = &row->cells[i];
        if (text_is_blank(cell->text, cell->len))
            continue;
        header_cell *h = &hc[(*n)++];
        h->cell = cell;
        label_key_init(&h->key);
        label_key_add(&h->key, cell->text, cell->len);
        bool numbered = starts_numbered(cell->text, cell->len);
        bool group = h->key.len && !numbered && is_group_label(&h->key);
        h->nm = h->key.len && !group && !numbered ? label_match_column(&h->key, section, h->m)
                                                  : 0;
        h->header = group || h->nm > 0 ||
                    (h->key.len == 0 && text_contains(cell->text, cell->len, "勾稽"));
        count += h->header;
    }
    return count;
}

static void record_headers(scan_ctx *c, const header_cell *hc, int n)
{
    bool t4 = false;
    for (int i = 0; i < n; i++) {
        const header_cell *h = &hc[i];
        for (int j = 0; j < (h->nm ? h->nm : 1); j++) {
            rec_header *rh = VEC_PUSH(&c->r->a, c->r->ev->headers);
            if (!rh)
                return;
            rh->text = arena_strndup(&c->r->a, h->cell->text, h->cell->len);
            rh->at = cell_span(h->cell);
            rh->col = -1;
            if (h->nm) {
                rh->table = h->m[j].table;
                rh->block = h->m[j].index / 16;
                rh->col = h->m[j].index % 16;
                rh->quality = h->m[j].quality;
                t4 |= h->m[j].table->section == 4;
            }
        }
        t4 |= text_contains(h->key.text, h->key.len, "行政复议") ||
              text_contains(h->key.text, h->key.len, "行政诉讼");
    }
    c->in_t4_header = t4;
}

/* A label matched a group row but names its member in brackets
 * (“行政诉讼（未经复议直接起诉）”: the notes in brackets are dropped when
 * labels are compared): the member row, when the bracketed text is a row
 * of that group. Returns the matches to use. */
int refine_group_match(const char *s, size_t len, label_match *m, int nm)
{
    if (!nm || m[0].table->rows[m[0].index].kind != ROW_GROUP)
        return nm;
    const char *open = NULL;
    size_t ol = 0;
    for (size_t i = 0; i + 1 < len && !open; i++) {
        if (s[i] == '(')
            open = s + i, ol = 1;
        else if (i + 3 <= len && !memcmp(s + i, "（", 3))
            open = s + i, ol = 3;
    }
    if (!open)
        return nm;
    const char *note = open + ol, *end = s + len;
    for (const char *p = note; p < end; p++)
        if (*p == ')' || (p + 3 <= end && !memcmp(p, "）", 3))) {
            end = p;
            break;
        }
    label_key k;
    label_key_init(&k);
    label_key_add(&k, note, (size_t)(end - note));
    label_match inner[LABEL_MATCHES];
    int ni = label_match_row(&k, m[0].table->section, inner);
    for (int i = 0; i < ni; i++) {
        const tpl_row *row = &inner[i].table->rows[inner[i].index];
        if (inner[i].table == m[0].table && row->kind == ROW_DATA && row->group == m[0].index) {
            m[0] = inner[i];
            return 1;
        }
    }
    return nm;
}

void add_obs(scan_ctx *c, const doc_block *table, const doc_row *row, int first_value,
             const label_match *m, int nm, const doc_cell *label, bool flat)
{
    obs *o = VEC_PUSH(&c->r->a, c->obs);
    if (!o)
        return;
    o->table = table;
    o->row = row;
    o->first_value = first_value;
    o->section = c->section;
    o->flat = flat;
    o->label = label;
    o->nmatch = nm;
    for (int i = 0; i < nm; i++)
        o->match[i] = m[i];
}

static bool heading_row(scan_ctx *c, const doc_row *row);

static void scan_row(scan_ctx *c, const doc_block *table, const doc_row *row)
{
    if (heading_row(c, row))
        return;
    int last_label = -1, numbers = 0;
    for (uint32_t i = 0; i < row->n; i++) {
        cell_value v;
        value_parse(row->cells[i].text, row->cells[i].len, &v);
        /* Glued digits ("230 000023", split.c) are values, not labels. */
        if (v.kind == VALUE_TEXT && !split_is_run(row->cells[i].text, row->cells[i].len))
            last_label = (int)i;
        else if (v.kind != VALUE_BLANK)
            numbers++;
    }
    if (last_label < 0) {
        /* Table 四 prints its 15 numbers in a row of their own; right
         * after its header (or a Markdown header row), a row of exactly
         * that many blank cells is that row left blank. Other rows of
         * numbers wait for their label (recognise_loose.c). */
        bool after_header = c->in_t4_header || (c->section == 4 && row == &table->rows[1]);
        bool blank_t4 = after_header && tpl_is_flat_width((int)row->n);
        bool t4 = c->in_t4_header || c->section == 4;
        bool waiting = false;
        for (size_t i = 0; i < c->run.n && !waiting; i++)
            waiting = c->run.v[i].is_label;
        if (t4 && !waiting && (blank_t4 || numbers)) {
            add_obs(c, table, row, 0, NULL, 0, NULL, true);
            c->last_stat_table = table;
        } else if (numbers && c->section >= 2 && c->section <= 4) {
            loose_row(c, table, row, last_label, numbers);
            c->last_stat_table = table;
        }
        return;
    }
    int article, item;
    const doc_cell *lc = &row->cells[last_label];
    if (numbers == 0 && label_parse_caption(lc->text, lc->len, &article, &item)) {
        rec_caption *cap = VEC_PUSH(&c->r->a, c->r->ev->captions);
        if (cap) {
            cap->article = article;
            cap->item = item;
            cap->block = -1;
            cap->text = arena_strndup(&c->r->a, lc->text, lc->len);
            cap->at = cell_span(lc);
        }
        return;
    }
    if (numbers == 0) {
        header_cell hc[MAX_HEADER_CELLS];
        int n, headers = classify_header(c, row, hc, &n);
        /* Three text cells or more and no number is a header too
         * (“类别 | 数据1 | … | 总计”, a header of generic names). */
        if (headers >= 2 || (headers == 1 && last_label == 0 && row->n > 1) || n >= 3) {
            record_headers(c, hc, n);
            return;
        }
        if (loose_row(c, table, row, last_label, numbers))
            return;
    }
    /* The label is the text before the values. When the whole text run
     * matches nothing, a shorter one may: a value cell holding text
     * ("见附件") is then a bad value, not part of the label. */
    label_match m[LABEL_MATCHES];
    int section = c->section >= 2 && c->section <= 4 ? c->section : 0;
    int nm = 0, end = last_label;
    for (int tries = 0; end >= 0 && tries < 4 && !nm; tries++) {
        label_key k;
        label_key_init(&k);
        for (int i = 0; i <= end; i++)
            if (!text_is_blank(row->cells[i].text, row->cells[i].len))
                label_key_add(&k, row->cells[i].text, row->cells[i].len);
        nm = label_match_row(&k, section, m);
        if (!nm)
            do
                end--;
            while (end >= 0 && text_is_blank(row->cells[end].text, row->cells[end].len));
    }
    if (nm == 0)
        return;
    last_label = end;
    lc = &row->cells[last_label];
    nm = refine_group_match(lc->text, lc->len, m, nm);
    const tpl_row *tr = &m[0].table->rows[m[0].index];
    if (tr->kind == ROW_GROUP && numbers == 0)
        return; /* a group label on its own line */
    c->in_t4_header = m[0].table->section == 4;
    c->last_stat_table = table;
    loose_flush(c);
    add_obs(c, table, row, last_label + 1, m, nm, lc, false);
    c->obs.v[c->obs.n - 1].converted = table->converted;
}

/* The end of a heading glued to the start of its first paragraph
 * (“五、存在的主要问题及明年工作计划 2024年，…”, converted text): a
 * numbered line whose text up to its first white space or colon is a
 * heading. 0 when there is none. */
static size_t glued_heading(const char *s, size_t len, rec_heading *h)
{
    size_t i = 0, limit = len < 160 ? len : 160;
    while (i < limit) {
        size_t k = i;
        int32_t cp = utf8_next(s, len, &k);
        bool cut = cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xFF1A || cp == ':';
        if (cut && i > 0)
            return detect_heading(s, i, h) && h->number > 0 ? i : 0;
        i = k;
    }
    return 0;
}

/* Records heading h printed at text[0..len), at `at`. */
static void record_heading_at(scan_ctx *c, const char *text, size_t len, span at,
                              const rec_heading *h)
{
    xxgk_report *r = c->r;
    loose_flush(c); /* the run of the section before */
    c->seen[h->section] = true;
    rec_heading *p = VEC_PUSH(&r->a, r->ev->headings);
    if (p) {
        *p = *h;
        p->text = arena_strndup(&r->a, text, len);
        p->at = at;
    }
    c->section = h->section;
    c->in_t4_header = false;
}

/* Records heading h printed at the start (len bytes) of paragraph b. */
static void record_heading(scan_ctx *c, doc_block *b, const rec_heading *h, size_t len)
{
    record_heading_at(c, b->text, len, (span){b->line, b->col, (uint32_t)len}, h);
    b->role = ROLE_HEADING;
    b->section = (uint8_t)h->section;
}

/* A numbered section heading alone in a table row (converted text that
 * ran the heading after a table into the table: “| 五、存在的主要问题及
 * 改进情况 |  |”). Returns whether the row was one. */
static bool heading_row(scan_ctx *c, const doc_row *row)
{
    const doc_cell *only = NULL;
    for (uint32_t i = 0; i < row->n; i++) {
        if (text_is_blank(row->cells[i].text, row->cells[i].len))
            continue;
        if (only)
            return false;
        only = &row->cells[i];
    }
    rec_heading h;
    memset(&h, 0, sizeof h);
    if (!only || !detect_heading(only->text, only->len, &h) || h.number == 0 ||
        c->seen[h.section] || h.section <= c->section)
        return false;
    record_heading_at(c, only->text, only->len, cell_span(only), &h);
    return true;
}

static void scan_para(scan_ctx *c, doc_block *b)
{
    xxgk_report *r = c->r;
    rec_heading h;
    memset(&h, 0, sizeof h);
    /* A heading counts once; a later one for the same section is text
     * (a sub-heading that happens to look like it). Out-of-order headings
     * are kept, so that the checker can say so. */
    if (detect_heading(b->text, b->len, &h) && !c->seen[h.section]) {
        record_heading(c, b, &h, b->len);
        return;
    }
    memset(&h, 0, sizeof h);
    size_t glued = glued_heading(b->text, b->len, &h);
    if (glued && !c->seen[h.section]) {
        record_heading(c, b, &h, glued);
        size_t rest = glued;
        while (rest < b->len) { /* the paragraph after the white space */
            size_t k = rest;
            int32_t cp = utf8_next(b->text, b->len, &k);
            if (!(cp_is_space(cp) || cp == 0xFF1A || cp == ':'))
                break;
            rest = k;
        }
        rec_para *p = rest < b->len ? VEC_PUSH(&r->a, r->ev->paras) : NULL;
        if (p) {
            p->section = c->section;
            p->text = b->text + rest;
            p->len = b->len - (uint32_t)rest;
            p->at = (span){b->line, b->col + (uint32_t)rest, p->len};
        }
        return;
    }
    int article, item;
    if (label_parse_caption(b->text, b->len, &article, &item)) {
        b->role = ROLE_CAPTION;
        rec_caption *cap = VEC_PUSH(&r->a, r->ev->captions);
        if (cap) {
            cap->article = article;
            cap->item = item;
            cap->block = -1;
            cap->text = arena_strndup(&r->a, b->text, b->len);
            cap->at = (span){b->line, b->col, b->len};
        }
        return;
    }
    if (loose_para(c, b))
        return;
    if (c->section >= 2 && c->section <= 4)
        loose_flush(c); /* text between them ends a run of loose rows */
    record_para(c, b);
}

void record_para(scan_ctx *c, const doc_block *b)
{
    rec_para *p = VEC_PUSH(&c->r->a, c->r->ev->paras);
    if (p) {
        p->section = c->section;
        p->text = b->text;
        p->len = b->len;
        p->at = (span){b->line, b->col, b->len};
    }
}

/* ---- format decision ------------------------------------------------- */

#define MAX_VOTES 8

/* The one format a mask names (its place in the list of formats), or -1
 * when it names several or none. */
static int single_format(int mask)
{
    if (mask <= 0 || (mask & (mask - 1)))
        return -1;
    int i = 0;
    while (!(mask & 1)) {
        mask >>= 1;
        i++;
    }
    return i < MAX_VOTES ? i : -1;
}

/* The format of a matched row: its table's, else the row's own. */
static int row_vote(const label_match *m)
{
    int vi = single_format(m->table->formats);
    return vi >= 0 ? vi : single_format(m->table->rows[m->index].formats & m->table->formats);
}

/* Votes per section (1 … 4; 0 unused) and format index: the labels
 * that exist in one format only (a label of several formats votes for
 * none) and the cell count of rows whose columns differ between formats. */
static void count_votes(const scan_ctx *c, int votes[5][MAX_VOTES])
{
    memset(votes, 0, sizeof(int) * 5 * MAX_VOTES);
    for (size_t i = 0; i < c->obs.n; i++) {
        const obs *o = &c->obs.v[i];
        if (o->flat || o->nmatch == 0)
            continue;
        int *v = votes[o->match[0].table->section];
        if (o->nmatch == 1) {
            int vi = row_vote(&o->match[0]);
            if (vi >= 0)
                v[vi] += 2;
            continue;
        }
        /* 规章 is in several; a cell count only one of them has tells
         * which table it is. */
        int nvalues = (int)o->row->n - o->first_value;
        for (int j = 0; j < o->nmatch; j++) {
            const label_match *m = &o->match[j];
            int ncols = tpl_row_block(m->table, m->index)->ncols;
            bool unique = true;
            for (int k = 0; k < o->nmatch; k++)
                unique &= k == j || tpl_row_block(o->match[k].table, o->match[k].index)->ncols != ncols;
            int vi = single_format(m->table->formats);
            if (vi >= 0 && unique && nvalues == ncols)
                v[vi]++;
        }
    }
    for (size_t i = 0; i < c->r->ev->headers.n; i++) {
        const rec_header *h = &c->r->ev->headers.v[i];
        int vi = h->table && h->col >= 0 ? single_format(h->table->formats) : -1;
        if (vi >= 0)
            votes[h->table->section][vi]++;
    }
}

/* The format with most votes; 0 on a tie or without votes. */
static xxgk_format winner(const int *votes)
{
    int best = -1;
    bool tie = false;
    for (int i = 0; i < MAX_VOTES && (size_t)i < tpl_format_count(); i++) {
        if (best < 0 || votes[i] > votes[best]) {
            best = i;
            tie = false;
        } else if (votes[i] == votes[best]) {
            tie = true;
        }
    }
    return best >= 0 && !tie && votes[best] > 0 ? tpl_format_at((size_t)best)->format : 0;
}

/* The format of the report's tables, and of each table on its own
 * (table_format[2 … 4]). Most reports print all tables in one format,
 * decided by all their votes; the year decides a tie. When the tables
 * vote for different formats — a 2021 report that kept the 2019 table
 * 二 — the report's format is the year's if some table is in it, and a
 * table the formats print differently (表二) is read in its own format;
 * rows of a table the formats share are foreign rows (format-row). */
static xxgk_format decide_format(scan_ctx *c, xxgk_format table_format[5])
{
    int votes[5][MAX_VOTES], all[MAX_VOTES] = {0};
    count_votes(c, votes);
    for (int s = 0; s < 5; s++)
        for (int i = 0; i < MAX_VOTES; i++)
            all[i] += votes[s][i];
    xxgk_format by_year = xxgk_format_for_year(c->r->meta.year);
    xxgk_format f = winner(all), own[5] = {0};
    bool mixed = false, year_table = false;
    for (int s = 2; s <= 4; s++) {
        own[s] = winner(votes[s]);
        mixed |= own[s] && f && own[s] != f;
        year_table |= own[s] && own[s] == by_year;
    }
    if (!f || (mixed && year_table))
        f = by_year ? by_year : f ? f : tpl_latest_format();
    for (int s = 2; s <= 4; s++) {
        const tpl_table *t = own[s] ? tpl_table_of(own[s], s) : NULL;
        table_format[s] = t && t != tpl_table_of(f, s) ? own[s] : f;
    }
    return f;
}

/* ---- whole report ---------------------------------------------------- */

/* Whether the text holds all words of the list (any, when `any`). */
static bool text_has_words(const xxgk_report *r, tpl_words words, bool any)
{
    bool all = words != NULL;
    for (; words && *words; words++) {
        bool has = text_contains(r->ev->text, r->ev->size, *words);
        if (any && has)
            return true;
        all &= has;
    }
    return !any && all;
}

/* Reports before the first format used the 2008-era one: 概述 … 政府信息
 * 公开情况统计表 with 指标名称/计量单位/本年度 (corpus 011). */
static bool is_old_format(const xxgk_report *r)
{
    int placed = r->ev->tables_seen[2] + r->ev->tables_seen[3] + r->ev->tables_seen[4];
    if (placed >= 3)
        return false; /* read in a national format: no need to search the text */
    bool statistic_table = text_has_words(r, tpl_legacy_format.table_words, false);
    bool stat_title = text_has_words(r, tpl_legacy_format.titles, true);
    if ((statistic_table || stat_title) && placed < 3)
        return true;
    return r->meta.year > 2000 && r->meta.year < tpl_format_at(0)->from_year && placed == 0;
}

/* The title and the signature (body, date) as the meta data found them. */
static void mark_meta_roles(const xxgk_report *r, doc *d)
{
    const xxgk_meta *m = &r->meta;
    for (size_t i = 0; i < d->n; i++) {
        doc_block *b = &d->blocks[i];
        if (b->kind != DOC_PARA || b->role != ROLE_BODY || !b->line)
            continue;
        if (b->line == m->title_line)
            b->role = ROLE_TITLE;
        else if (b->line == m->date_line || (b->line == m->body_line && b->line != m->title_line))
            b->role = ROLE_SIGNATURE;
    }
}

xxgk_status recognise(xxgk_report *r, doc *d, xxgk_error *err)
{
    scan_ctx c;
    memset(&c, 0, sizeof c);
    c.r = r;
    for (size_t i = 0; i < d->n; i++) {
        doc_block *b = &d->blocks[i];
        if (b->kind == DOC_PARA) {
            scan_para(&c, b);
        } else if (b->kind == DOC_TABLE) {
            for (uint32_t j = 0; j < b->nrows; j++)
                scan_row(&c, b, &b->rows[j]);
        }
    }
    loose_flush(&c);
    meta_extract(r, d);
    mark_meta_roles(r, d);
    xxgk_format f = decide_format(&c, r->ev->table_format);
    r->meta.format = f; /* cells outside it are foreign (cell_foreign) */
    place_all(&c);
    split_solve(r, f);
    link_captions(r);
    int placed = r->ev->tables_seen[2] + r->ev->tables_seen[3] + r->ev->tables_seen[4];
    r->meta.format = placed ? f : xxgk_format_for_year(r->meta.year);

    if (is_old_format(r)) {
        r->ev->old_format = true;
        int first = tpl_format_at(0)->from_year;
        if (r->meta.year)
            return error_set(err, XXGK_E_OLD_FORMAT,
                             "这是%d年度的报告，使用%d年以前的旧格式（政府信息公开情况统计表），"
                             "不属于国家统一格式，无法按统一格式读取",
                             r->meta.year, first);
        return error_set(err, XXGK_E_OLD_FORMAT,
                         "这是%d年以前旧格式的报告（政府信息公开情况统计表），无法按统一格式读取",
                         first);
    }
    if (r->ev->headings.n < 2 && placed == 0)
        return error_set(err, XXGK_E_NOT_REPORT,
                         "不是政府信息公开工作年度报告：没有找到报告的章节标题和统计表");
    /* Ending inside a statistics table, with no section after the
     * tables, means the file was cut off (not so a workbook, which may
     * hold the tables alone: its zip is whole or not read at all). */
    bool late_section = false;
    for (size_t i = 0; i < r->ev->headings.n; i++)
        late_section |= r->ev->headings.v[i].section >= 5;
    size_t last = d->n;
    while (last > 0 && d->blocks[last - 1].kind == DOC_BLANK)
        last--;
    if (!late_section && !d->fill_in && last && &d->blocks[last - 1] == c.last_stat_table)
        return error_set(err, XXGK_E_TRUNCATED,
                         "文件不完整：在第 %u 行的统计表中途结束，后面的章节缺失",
                         r->ev->nlines);
    return XXGK_OK;
}
