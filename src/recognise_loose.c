/*
 * recognise_loose.c — rows that converted text prints loose (see
 * recognise.h): what PDF-to-Markdown tools, pdftotext -layout, OCR and
 * crawler dumps make of the statistics tables.
 *
 *  - A paragraph of a table section that is a row label followed by its
 *    numbers (“行政许可 97”, a space-aligned line) is a row; a paragraph
 *    of column labels is a header.
 *  - A label printed on its own (a paragraph, or a row of one cell) and a
 *    row of numbers printed without a label are paired: within a run of
 *    them (between rows that carry both, headings, and text), the i-th
 *    label takes the i-th row of numbers — only when the run has as many
 *    of each and every pair has the cell count of its row. Anything else
 *    is not guessed: each label and each row of numbers left over is
 *    recorded as unread, with the reason.
 *  - A label cut by a line break (“…不再处理其政府信息公” / “开申请”) is
 *    joined again when the joined text is a label.
 *  - Page numbers (“— 3 —”) inside a table are passed over.
 */
#include <string.h>

#include "number.h"
#include "recognise.h"
#include "split.h"
#include "utf8.h"

#define LABEL_TEXT_MAX 240

/* ---- matching a label's text ------------------------------------------ */

/* Matches text as a row label of a table section; only an exact match or
 * a known variant (never a fuzzy one: prose is near many labels). */
static int match_label(const scan_ctx *c, const char *s, size_t len, label_match *m)
{
    if (len == 0 || len > LABEL_TEXT_MAX)
        return 0;
    label_key k;
    label_key_init(&k);
    label_key_add(&k, s, len);
    int section = c->section >= 2 && c->section <= 4 ? c->section : 0;
    int nm = label_match_row(&k, section, m);
    if (nm)
        nm = refine_group_match(s, len, m, nm);
    return nm && m[0].quality != MATCH_FUZZY ? nm : 0;
}

/* Whether some match is a data row (not a group label); *group whether
 * another is a group label. */
static bool is_data_row(const label_match *m, int nm, bool *group)
{
    bool data = false;
    *group = false;
    for (int i = 0; i < nm; i++) {
        const tpl_table *t = m[i].table;
        bool d = t->rows[m[i].index].kind == ROW_DATA;
        data |= d;
        *group |= !d;
        /* the same label as a group row of the table (one format's data
         * row, another's group: （六）其他处理) */
        for (int r = 0; d && r < t->nrows; r++)
            *group |= t->rows[r].kind == ROW_GROUP &&
                      !strcmp(t->rows[r].label, t->rows[m[i].index].label);
    }
    return data;
}

/* The matches that are data rows, first. */
static int data_first(label_match *m, int nm)
{
    for (int i = 1; i < nm; i++)
        if (m[0].table->rows[m[0].index].kind != ROW_DATA &&
            m[i].table->rows[m[i].index].kind == ROW_DATA) {
            label_match t = m[0];
            m[0] = m[i];
            m[i] = t;
        }
    return nm;
}

/* Two pieces of text joined into the arena (a label cut by a line
 * break). */
static char *joined(xxgk_report *r, const char *a, size_t al, const char *b, size_t bl)
{
    char *s = arena_alloc_raw(&r->a, al + bl + 1);
    if (s) {
        memcpy(s, a, al);
        memcpy(s + al, b, bl);
        s[al + bl] = '\0';
    }
    return s;
}

/* ---- rows made of a paragraph ------------------------------------------ */

/* A token of a paragraph: [start, end). */
typedef struct token {
    size_t start, end;
} token;

#define MAX_TOKENS 40

/* The paragraph's white-space separated tokens; -1 when there are more
 * than fit (no row has that many cells). */
static int tokens(const char *s, size_t len, token *t)
{
    int n = 0;
    size_t i = 0;
    while (i < len) {
        size_t k = i;
        int32_t cp = utf8_next(s, len, &k);
        if (cp_is_space(cp)) {
            i = k;
            continue;
        }
        if (n == MAX_TOKENS)
            return -1;
        t[n].start = i;
        while (i < len) {
            k = i;
            if (cp_is_space(utf8_next(s, len, &k)))
                break;
            i = k;
        }
        t[n++].end = i;
    }
    return n;
}

static bool token_is_value(const char *s, const token *t)
{
    cell_value v;
    value_parse(s + t->start, t->end - t->start, &v);
    return v.kind == VALUE_NUMBER || (v.kind == VALUE_BLANK && (v.flags & XXGK_CELL_DASH)) ||
           split_is_run(s + t->start, t->end - t->start);
}

/* A row of the tree made of a paragraph: a label cell (when label_len)
 * and a cell per value token, each at its place in the paragraph. */
static doc_row *para_row(scan_ctx *c, const doc_block *b, const char *label, size_t label_len,
                         const token *t, int first, int n)
{
    xxgk_report *r = c->r;
    doc_row *row = arena_alloc(&r->a, sizeof *row);
    doc_cell *cells = arena_alloc(&r->a, sizeof *cells * (size_t)(n - first + 1));
    if (!row || !cells)
        return NULL;
    row->cells = cells;
    row->line = b->line;
    row->src = b->src;
    if (label_len) {
        doc_cell *lc = &cells[row->n++];
        lc->text = label;
        lc->len = (uint32_t)label_len;
        lc->line = b->line;
        lc->col = b->col;
        lc->colspan = lc->rowspan = 1;
        lc->src = b->src;
    }
    for (int i = first; i < n; i++) {
        doc_cell *vc = &cells[row->n];
        vc->text = b->text + t[i].start;
        vc->len = (uint32_t)(t[i].end - t[i].start);
        vc->line = b->line;
        vc->col = b->col + (uint32_t)t[i].start;
        vc->grid = (uint16_t)row->n;
        vc->colspan = vc->rowspan = 1;
        vc->src = b->src;
        if (vc->src.kind == XXGK_LOC_TEXT)
            vc->src.column = vc->col;
        row->n++;
    }
    row->cap = row->n;
    return row;
}

/* ---- the run of loose labels and numbers ------------------------------ */

static void push_label(scan_ctx *c, const doc_row *row, const doc_cell *label,
                       label_match *m, int nm, bool optional)
{
    loose_item *it = VEC_PUSH(&c->r->a, c->run);
    if (!it)
        return;
    nm = data_first(m, nm);
    it->is_label = true;
    it->optional = optional;
    it->row = row;
    it->label = label;
    it->nm = nm;
    for (int i = 0; i < nm; i++)
        it->m[i] = m[i];
    it->section = c->section;
}

static void push_values(scan_ctx *c, const doc_block *table, const doc_row *row)
{
    loose_item *it = VEC_PUSH(&c->r->a, c->run);
    if (!it)
        return;
    it->table = table;
    it->row = row;
    it->section = c->section;
}

/* Values in a row of numbers (its cells, blank ones included). */
static int value_count(const doc_row *row)
{
    return (int)row->n;
}

/* Whether the label's row, in one of the tables it matched, has n
 * columns. */
static bool fits(const loose_item *label, int n)
{
    for (int i = 0; i < label->nm; i++)
        if (tpl_row_block(label->m[i].table, label->m[i].index)->ncols == n)
            return true;
    return false;
}

static void record_unread(scan_ctx *c, const loose_item *it, int reason)
{
    rec_unread *u = VEC_PUSH(&c->r->a, c->r->ev->unread);
    if (!u)
        return;
    u->reason = reason;
    if (it->is_label) {
        u->table = it->m[0].table;
        u->row = it->m[0].index;
        u->label = arena_strndup(&c->r->a, it->label->text, it->label->len);
        u->at = cell_span(it->label);
        return;
    }
    u->row = -1;
    size_t len = 0;
    char buf[256];
    for (uint32_t i = 0; i < it->row->n && len + 40 < sizeof buf; i++) {
        const doc_cell *dc = &it->row->cells[i];
        size_t n = dc->len < 32 ? dc->len : 32;
        if (i)
            buf[len++] = ' ';
        memcpy(buf + len, dc->text, n);
        len += n;
    }
    u->values = arena_strndup(&c->r->a, buf, len);
    u->at = it->row->n ? cell_span(&it->row->cells[0]) : (span){it->row->line, 0, 0};
}

/* A line of numbers kept for the rest of its label that did not come:
 * it is a paragraph after all. */
static void release_fragment(scan_ctx *c)
{
    if (c->fragment && c->fragment_row)
        record_para(c, c->fragment);
    c->fragment = NULL;
}

/* The cells of rows a..b of the run (rows of numbers) as one row: a
 * table printed a cell per line (pdftotext without -layout). */
static doc_row *joined_row(scan_ctx *c, const loose_item *const *v, size_t n)
{
    uint32_t cells = 0;
    for (size_t i = 0; i < n; i++)
        cells += v[i]->row->n;
    doc_row *row = arena_alloc(&c->r->a, sizeof *row);
    doc_cell *dc = arena_alloc(&c->r->a, sizeof *dc * (cells ? cells : 1));
    if (!row || !dc)
        return NULL;
    *row = *v[0]->row;
    row->cells = dc;
    row->n = row->cap = 0;
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < v[i]->row->n; k++) {
            dc[row->n] = v[i]->row->cells[k];
            dc[row->n].grid = (uint16_t)row->n;
            row->n++;
        }
    row->cap = row->n;
    return row;
}

/* Table 四 printed a cell per line: its group labels (行政复议, 行政诉讼
 * …, heading its columns) and then its numbers, as many as its one row
 * has. */
static bool flat_numbers(scan_ctx *c)
{
    const loose_item *v[64];
    size_t nv = 0;
    for (size_t k = 0; k < c->run.n; k++) {
        const loose_item *it = &c->run.v[k];
        if (it->is_label && it->m[0].table->layout != LAYOUT_FLAT)
            return false;
        if (it->is_label)
            continue;
        if (nv == 64)
            return false;
        v[nv++] = it;
    }
    doc_row *row = nv ? joined_row(c, v, nv) : NULL;
    if (!row || !tpl_is_flat_width((int)row->n))
        return false;
    add_obs(c, NULL, row, 0, NULL, 0, NULL, true);
    c->obs.v[c->obs.n - 1].converted = true;
    return true;
}

/* Each label followed by lines of numbers, up to the next label: those
 * numbers are its row (a label that may be a group's, such as （六）其他
 * 处理, may have none; any other label without numbers means the run is
 * not laid out so). A row whose count is not its table's is placed as any
 * converted row is: not guessed, reported (row-unread). Table 四 printed
 * so is its one row of numbers. Returns whether the run was read so. */
static bool pair_vertical(scan_ctx *c)
{
    size_t n = c->run.n, i = 0;
    const loose_item *v[64];
    if (n == 0)
        return false;
    if (flat_numbers(c))
        return true;
    /* First check the whole run, then place it. */
    for (int place = 0; place < 2; place++) {
        for (i = 0; i < n;) {
            const loose_item *l = &c->run.v[i++];
            if (!l->is_label)
                return false;
            size_t nv = 0, cells = 0;
            while (i < n && !c->run.v[i].is_label && nv < 64) {
                cells += c->run.v[i].row->n;
                v[nv++] = &c->run.v[i++];
            }
            if (nv == 0 && l->optional)
                continue;
            if (nv == 0)
                return false;
            (void)cells; /* a count that does not fit: placement says so */
            if (!place)
                continue;
            doc_row *row = joined_row(c, v, nv);
            if (!row)
                return false;
            int section = c->section;
            c->section = l->section;
            add_obs(c, NULL, row, 0, l->m, l->nm, l->label, false);
            c->obs.v[c->obs.n - 1].converted = true;
            c->section = section;
        }
    }
    return true;
}

void loose_flush(scan_ctx *c)
{
    release_fragment(c);
    size_t nl = 0, nv = 0, nopt = 0;
    for (size_t i = 0; i < c->run.n; i++) {
        const loose_item *it = &c->run.v[i];
        nl += it->is_label && !it->optional;
        nopt += it->is_label && it->optional;
        nv += !it->is_label;
    }
    /* The i-th label with the i-th row of numbers, when that is all the
     * run can mean: as many of each (labels that may be group labels
     * counted only when the numbers need them), every pair the right
     * size. */
    bool with_optional = nl != nv && nl + nopt == nv;
    nl += with_optional ? nopt : 0;
    bool pair = nl == nv && nl > 0;
    const loose_item *labels[256], *values[256];
    size_t a = 0, b = 0;
    for (size_t i = 0; i < c->run.n && pair; i++) {
        const loose_item *it = &c->run.v[i];
        if (it->is_label && it->optional && !with_optional)
            continue;
        if (it->is_label && a < 256)
            labels[a++] = it;
        else if (!it->is_label && b < 256 && b < a)
            values[b++] = it; /* (a label comes before its numbers) */
        else
            pair = false;
    }
    for (size_t i = 0; i < a && pair; i++)
        pair = fits(labels[i], value_count(values[i]->row));
    if (!pair && pair_vertical(c)) {
        c->run.n = 0;
        return;
    }
    if (pair) {
        for (size_t i = 0; i < a; i++) {
            const loose_item *l = labels[i], *v = values[i];
            int section = c->section;
            c->section = l->section;
            add_obs(c, v->table, v->row, 0, l->m, l->nm, l->label, false);
            c->obs.v[c->obs.n - 1].converted = true;
            c->section = section;
        }
    } else {
        for (size_t i = 0; i < c->run.n; i++)
            if (!c->run.v[i].optional)
                record_unread(c, &c->run.v[i],
                          c->run.v[i].is_label ? (nv ? UNREAD_UNPAIRED : UNREAD_NO_VALUES)
                                               : (nl ? UNREAD_UNPAIRED : UNREAD_NO_LABEL));
    }
    c->run.n = 0;
}

/* ---- labels cut by a line break -------------------------------------- */

/* The observation of the row just before `row` in the same table, when
 * its label may go on in `row`. */
static obs *previous_obs(scan_ctx *c, const doc_block *table, const doc_row *row)
{
    if (!c->obs.n || !table || row == table->rows)
        return NULL;
    obs *o = &c->obs.v[c->obs.n - 1];
    return o->table == table && o->row == row - 1 && o->label ? o : NULL;
}

/* Text that goes on with the label of the previous row (“开申请” after
 * “…不再处理其政府信息公”): the joined label becomes that row's, when it
 * matches exactly and better than before. */
bool loose_continue_row(scan_ctx *c, const doc_block *table, const doc_row *row,
                        const doc_cell *text)
{
    obs *o = previous_obs(c, table, row);
    if (!o || o->match[0].quality == MATCH_EXACT)
        return false;
    char *s = joined(c->r, o->label->text, o->label->len, text->text, text->len);
    label_match m[LABEL_MATCHES];
    int nm = s ? match_label(c, s, strlen(s), m) : 0;
    if (!nm || m[0].quality != MATCH_EXACT)
        return false;
    doc_cell *lc = arena_alloc(&c->r->a, sizeof *lc);
    if (!lc)
        return false;
    *lc = *o->label;
    lc->text = s;
    lc->len = (uint32_t)strlen(s);
    o->label = lc;
    o->nmatch = nm;
    for (int i = 0; i < nm; i++)
        o->match[i] = m[i];
    return true;
}

/* ---- rows of tables ----------------------------------------------------- */

bool loose_row(scan_ctx *c, const doc_block *table, const doc_row *row, int last_label,
               int numbers)
{
    release_fragment(c);
    if (last_label < 0 && numbers > 0) { /* numbers without a label */
        push_values(c, table, row);
        return true;
    }
    if (last_label != 0 || numbers != 0)
        return false;
    const doc_cell *lc = &row->cells[0];
    /* Nothing but the label: a label printed on its own (a row with blank
     * cells after its label is a row left blank). */
    bool alone = row->n == 1;
    label_match m[LABEL_MATCHES];
    int nm = match_label(c, lc->text, lc->len, m);
    bool group;
    if (nm && !is_data_row(m, nm, &group))
        return true; /* a group label: nothing to pair */
    if (nm && alone) {
        push_label(c, row, lc, m, nm, group);
        return true;
    }
    return !nm && loose_continue_row(c, table, row, lc);
}

/* ---- paragraphs ---------------------------------------------------------- */

/* A paragraph of column labels (“信息内容 本年处理决定数量”, a header
 * line of space-aligned columns): recorded as the header it is. */
static bool header_para(scan_ctx *c, const char *s, const token *t, int n)
{
    int labels = 0;
    for (int i = 0; i < n; i++) {
        label_key k;
        label_key_init(&k);
        label_key_add(&k, s + t[i].start, t[i].end - t[i].start);
        label_match m[LABEL_MATCHES];
        int section = c->section >= 2 && c->section <= 4 ? c->section : 0;
        labels += label_match_column(&k, section, m) > 0 || is_group_label(&k);
    }
    return labels >= 2 && labels * 2 >= n;
}

/* A column label printed alone on its line, as a table printed a cell
 * per line begins (自然人 / … / 其他 / 总计): without its numbering, a
 * word that is also a row's label (3.其他, （七）总计) is the column's. */
static bool header_word(const scan_ctx *c, const char *s, size_t len)
{
    char buf[16];
    size_t n = text_compact_buf(s, len, buf, sizeof buf), i = 0;
    if (n && (buf[0] == '(' || label_parse_numeral(buf, n, &i) > 0))
        return false; /* numbered: a row */
    label_key k;
    label_key_init(&k);
    label_key_add(&k, s, len);
    label_match m[LABEL_MATCHES];
    int section = c->section >= 2 && c->section <= 4 ? c->section : 0;
    int nm = label_match_column(&k, section, m);
    return nm > 0 && m[0].quality == MATCH_EXACT;
}

/* A numbers line whose label is cut: keep it until the next line. */
static void keep_fragment(scan_ctx *c, const doc_block *b, const char *label, size_t len,
                          const token *t, int first, int n)
{
    c->fragment = b;
    c->fragment_label = label;
    c->fragment_len = len;
    c->fragment_row = n > first ? para_row(c, b, label, len, t, first, n) : NULL;
}

/* A numbers line, or the rest of a cut label, completing the fragment
 * kept from the line before: the joined label matches. */
static bool complete_fragment(scan_ctx *c, const doc_block *b, const char *label, size_t len,
                              const token *t, int first, int n)
{
    if (!c->fragment || (c->fragment_row && n > first) || (!c->fragment_row && n == first))
        return false;
    char *s = joined(c->r, c->fragment_label, c->fragment_len, label, len);
    label_match m[LABEL_MATCHES];
    int nm = s ? match_label(c, s, strlen(s), m) : 0;
    bool group;
    if (!nm || !is_data_row(m, nm, &group))
        return false;
    nm = data_first(m, nm);
    const doc_block *at = c->fragment;
    doc_row *row = c->fragment_row ? c->fragment_row : para_row(c, b, s, strlen(s), t, first, n);
    if (!row)
        return false;
    doc_cell *lc = &row->cells[0];
    lc->text = s;
    lc->len = (uint32_t)strlen(s);
    lc->line = at->line;
    lc->col = at->col;
    lc->src = at->src;
    c->fragment = NULL;
    loose_flush(c);
    add_obs(c, NULL, row, 1, m, nm, lc, false);
    c->obs.v[c->obs.n - 1].converted = true;
    return true;
}

bool loose_para(scan_ctx *c, doc_block *b)
{
    if (c->section < 2 || c->section > 4)
        return false;
    if (text_is_page_number(b->text, b->len, true))
        return true; /* a page footer inside a table */
    token t[MAX_TOKENS];
    int n = tokens(b->text, b->len, t);
    if (n <= 0)
        return false;
    int first = n; /* the first of the value tokens that end the line */
    while (first > 0 && token_is_value(b->text, &t[first - 1]))
        first--;
    const char *label = b->text;
    size_t label_len = first ? t[first - 1].end : 0;
    if (complete_fragment(c, b, label, label_len, t, first, n))
        return true;
    release_fragment(c);
    label_match m[LABEL_MATCHES];
    int nm = label_len ? match_label(c, label, label_len, m) : 0;
    if (first == 0) { /* only numbers: a row without its label */
        doc_row *row = para_row(c, b, NULL, 0, t, 0, n);
        if (row)
            push_values(c, NULL, row);
        return true;
    }
    bool group = false;
    if (nm && !is_data_row(m, nm, &group))
        return true; /* a group label */
    if (n == 1 && first == 1 && header_word(c, label, label_len))
        return true; /* a column label alone on its line (结果维持, 其他, 总计) */
    nm = data_first(m, nm);
    if (nm && first < n) { /* a label and its numbers */
        doc_row *row = para_row(c, b, label, label_len, t, first, n);
        if (!row)
            return false;
        loose_flush(c);
        add_obs(c, NULL, row, 1, m, nm, &row->cells[0], false);
        c->obs.v[c->obs.n - 1].converted = true;
        return true;
    }
    if (nm) { /* a label printed on its own */
        doc_row *row = para_row(c, b, label, label_len, t, first, first);
        if (row)
            push_label(c, row, &row->cells[0], m, nm, group);
        return row != NULL;
    }
    if (first == n && header_para(c, b->text, t, n))
        return true; /* (between a label and its numbers too) */
    /* Short text that may be the start or the rest of a cut label. */
    if (label_len <= LABEL_TEXT_MAX / 2 && utf8_length(label, label_len) <= 40) {
        keep_fragment(c, b, label, label_len, t, first, n);
        return first < n; /* text alone is still a paragraph */
    }
    return false;
}
