/*
 * prose.c — the statements a narrative makes about its tables (see
 * prose.h). Each kind of statement is a keyword, the words that must
 * come with it in its clause, and the sections it is looked for in.
 * Around each occurrence of a keyword only a window of the paragraph is
 * compacted (white space dropped, full-width forms folded), so that a
 * long paragraph costs what its keywords cost.
 */
#include "prose.h"

#include <string.h>

#include "utf8.h"

/* How far around a keyword a statement is looked for, in bytes of the
 * paragraph, and how far after it its figure may be (compact bytes). */
#define WINDOW 90
#define FIGURE_REACH 24

typedef struct kind_def {
    const char *keyword;
    const char *const *with;  /* words one of which the clause must hold
                                 (before the figure), or NULL */
    const char *const *not_with; /* words the clause must not hold */
    int max_section;          /* looked for in sections 0 … max_section */
    bool table_section;       /* also in section 二 */
    bool negation;            /* a negated clause without a figure is 0 */
} kind_def;

static const char *const receive[] = {"收到", "受理", "新收", "接收", "接到", NULL};
static const char *const made[] = {"制发", "印发", "出台", "制定", "新制作", NULL};
static const char *const repealed[] = {"废止", "失效", NULL};
static const char *const in_force[] = {"现行有效", NULL};
/* A clause about documents that names another kind of them, or two
 * kinds of count, is not read: "制发规章和规范性文件3件". */
static const char *const not_made[] = {"规章", "废止", "失效", "现行有效", "清理", NULL};
static const char *const not_repealed[] = {"规章", "现行有效", "清理", NULL};
static const char *const not_in_force[] = {"规章", "废止", "失效", "清理", NULL};

static const kind_def kinds[PROSE_KINDS] = {
    [PROSE_RECEIVED] = {"申请", receive, NULL, 3, false, true},
    [PROSE_FINISHED] = {"办结", NULL, NULL, 3, false, true},
    [PROSE_REVIEWS] = {"行政复议", NULL, NULL, 4, false, true},
    [PROSE_SUITS] = {"行政诉讼", NULL, NULL, 4, false, true},
    [PROSE_DOCS_MADE] = {"规范性文件", made, not_made, 4, true, false},
    [PROSE_DOCS_REPEALED] = {"规范性文件", repealed, not_repealed, 4, true, false},
    [PROSE_DOCS_IN_FORCE] = {"规范性文件", in_force, not_in_force, 4, true, false},
};

static const char *const negations[] = {"未", "没有", "无", NULL};
/* What a clause negates when it speaks of the outcome of cases, not of
 * their number: "未发生…被行政复议纠错的情况". */
static const char *const outcomes[] = {"纠错", "纠正", "败诉", "撤销", "违法", "赔偿", NULL};
static const char *const measures[] = {"件", "起", "个", "宗", "次", NULL};

/* The first figure within `reach` bytes from i, followed by a measure
 * word: its value, and in *end the offset after the measure word; -1
 * when the first digits there have none, or there are no digits. */
static long long figure_after(const char *s, size_t n, size_t i, size_t reach, size_t *at,
                              size_t *end)
{
    size_t stop = i + reach < n ? i + reach : n;
    for (size_t j = i; j < stop; j++) {
        if (s[j] < '0' || s[j] > '9')
            continue;
        size_t k = j;
        long long v = 0;
        while (k < n && s[k] >= '0' && s[k] <= '9' && v < 100000000)
            v = v * 10 + (s[k++] - '0');
        for (int m = 0; measures[m]; m++)
            if (text_starts_at(s, n, k, measures[m])) {
                *at = j;
                *end = k + strlen(measures[m]);
                return v;
            }
        return -1;
    }
    return -1;
}

/* Moves a byte offset back to the start of a UTF-8 character. */
static size_t char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* The statement of kind k at the keyword at[0] of a paragraph, if any:
 * before is the compact window up to the keyword, after from it. */
static bool statement(const kind_def *k, const char *before, size_t nb, const char *after,
                      size_t na, prose_stmt *st)
{
    size_t kl = strlen(k->keyword);
    size_t c0 = text_clause_start(before, nb), ce = text_clause_end(after, na, kl);
    size_t fig_at = 0, fig_end = 0;
    long long v = figure_after(after, na, kl, FIGURE_REACH, &fig_at, &fig_end);
    if (v >= 0 && fig_at > ce)
        v = -1; /* the figure belongs to the next clause */
    if (v >= 0 && text_contains_any(after, kl, fig_at, outcomes))
        return false; /* "行政复议纠错1起": the count of an outcome */
    bool with = !k->with || text_contains_any(before, c0, nb, k->with) ||
                (v >= 0 && text_contains_any(after, kl, fig_at, k->with));
    if (!with)
        return false;
    if (k->not_with && (text_contains_any(before, c0, nb, k->not_with) || text_contains_any(after, kl, ce, k->not_with)))
        return false;
    bool negated = false;
    if (v < 0) {
        if (!k->negation || !text_contains_any(before, c0, nb, negations) ||
            text_contains_any(before, c0, nb, outcomes) || text_contains_any(after, kl, ce, outcomes))
            return false;
        v = 0;
        negated = true;
        fig_end = ce;
    }
    st->value = v;
    st->negated = negated;
    size_t pb = nb - c0 < sizeof st->phrase / 2 ? nb - c0 : sizeof st->phrase / 2;
    size_t from = char_start(before, nb - pb);
    if (from < c0)
        from = c0;
    memcpy(st->phrase, before + from, nb - from);
    size_t pa = fig_end < sizeof st->phrase - 1 - (nb - from) ? fig_end
                                                               : sizeof st->phrase - 1 - (nb - from);
    pa = char_start(after, pa);
    memcpy(st->phrase + (nb - from), after, pa);
    st->phrase[nb - from + pa] = '\0';
    return true;
}

/* The text around one occurrence of a keyword in a paragraph, compacted
 * once for all the kinds that have that keyword (the three kinds of
 * 规范性文件), and only when one of them wants it. */
typedef struct window {
    size_t lo, hi;              /* the raw bytes around the keyword */
    bool made;
    char before[512], after[512];
    size_t nb, na;
} window;

/* Kind k at the keyword at `at` of a paragraph: fills *st with the first
 * statement, marks a different later one. */
static void read_at(const kind_def *k, const rec_para *para, size_t at, window *w,
                    prose_stmt *st)
{
    /* a cheap test on the raw text before compacting anything */
    if (k->with && !text_contains_any(para->text, w->lo, w->hi, k->with))
        return;
    if (!w->made) {
        w->nb = text_compact_buf(para->text + w->lo, at - w->lo, w->before, sizeof w->before);
        w->na = text_compact_buf(para->text + at, w->hi - at, w->after, sizeof w->after);
        w->made = true;
    }
    prose_stmt found;
    if (!statement(k, w->before, w->nb, w->after, w->na, &found))
        return;
    if (st->value < 0) {
        found.para = para;
        found.conflict = false;
        *st = found;
    } else if (found.value != st->value) {
        st->conflict = true;
    }
}

static bool reads_para(const kind_def *k, const rec_para *para)
{
    return !(para->section > k->max_section || (para->section == 2 && !k->table_section));
}

/* Each paragraph is searched once for each keyword; at every occurrence
 * the kinds with that keyword are read in their order. Each kind sees
 * its statements in the order of the paragraphs and, within one, of the
 * occurrences: the first is kept, a different later one is a conflict. */
void prose_read(const rec_para *paras, size_t n, prose_stmt out[PROSE_KINDS])
{
    for (int w = 0; w < PROSE_KINDS; w++) {
        memset(&out[w], 0, sizeof out[w]);
        out[w].value = -1;
    }
    /* same[k]: the first kind with k's keyword */
    int same[PROSE_KINDS];
    for (int k = 0; k < PROSE_KINDS; k++) {
        same[k] = k;
        for (int e = 0; e < k && same[k] == k; e++)
            if (!strcmp(kinds[e].keyword, kinds[k].keyword))
                same[k] = e;
    }
    for (size_t p = 0; p < n; p++) {
        const rec_para *para = &paras[p];
        for (int first = 0; first < PROSE_KINDS; first++) {
            if (same[first] != first)
                continue; /* read with its keyword's first kind */
            bool wanted = false;
            for (int k = first; k < PROSE_KINDS; k++)
                wanted |= same[k] == first && reads_para(&kinds[k], para);
            if (!wanted)
                continue;
            const char *keyword = kinds[first].keyword;
            size_t kl = strlen(keyword);
            for (long at = text_find(para->text, para->len, 0, keyword); at >= 0;
                 at = text_find(para->text, para->len, (size_t)at + kl, keyword)) {
                window win;
                win.made = false;
                win.lo = char_start(para->text, (size_t)at > WINDOW ? (size_t)at - WINDOW : 0);
                win.hi = (size_t)at + kl + WINDOW < para->len ? (size_t)at + kl + WINDOW : para->len;
                win.hi = char_start(para->text, win.hi);
                if (win.hi < (size_t)at + kl)
                    win.hi = para->len;
                for (int k = first; k < PROSE_KINDS; k++)
                    if (same[k] == first && reads_para(&kinds[k], para))
                        read_at(&kinds[k], para, (size_t)at, &win, &out[k]);
            }
        }
    }
}
