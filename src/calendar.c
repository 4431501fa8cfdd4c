/*
 * calendar.c — the working-day calendar (rules.md §3.7): which days are
 * holidays and make-up workdays by the State Council's yearly notices,
 * which years the calendar knows, counting working days, and reading
 * and writing notices in the line grammar of holidays.md.
 *
 * A day of a year without a notice is UNKNOWN and never guessed: every
 * count that reaches one fails and says which notice is missing.
 */
#include "calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"

static const char *const weekday_names[] = {"", "一", "二", "三", "四", "五", "六", "日"};

static int year_of(xxgk_date d)
{
    int y, m, dd;
    xxgk_date_split(d, &y, &m, &dd);
    return y;
}

static bool year_known(const xxgk_calendar *cal, int y)
{
    return y >= CAL_FIRST_YEAR && y < CAL_FIRST_YEAR + CAL_YEARS && cal->known[y - CAL_FIRST_YEAR];
}

/* Rebuilds the dense day index and the known years after a change. */
static bool rebuild(xxgk_calendar *cal)
{
    memset(cal->known, 0, sizeof cal->known);
    for (size_t i = 0; i < cal->nnotices; i++) {
        int y = cal->notices[i].year;
        if (y >= CAL_FIRST_YEAR && y < CAL_FIRST_YEAR + CAL_YEARS)
            cal->known[y - CAL_FIRST_YEAR] = true;
    }
    free(cal->index);
    cal->index = NULL;
    cal->lo = cal->hi = 0;
    if (!cal->nentries)
        return true;
    cal->lo = cal->entries[0].date;
    cal->hi = cal->entries[cal->nentries - 1].date;
    cal->index = calloc((size_t)(cal->hi - cal->lo + 1), sizeof *cal->index);
    if (!cal->index)
        return false;
    for (size_t i = 0; i < cal->nentries; i++)
        cal->index[cal->entries[i].date - cal->lo] = (int32_t)i + 1;
    return true;
}

static int by_date(const void *a, const void *b)
{
    const cal_entry *x = a, *y = b;
    return (x->date > y->date) - (x->date < y->date);
}

static int by_year(const void *a, const void *b)
{
    const xxgk_holiday_notice *x = a, *y = b;
    return (x->year > y->year) - (x->year < y->year);
}

xxgk_status xxgk_calendar_new(xxgk_calendar **out, xxgk_error *err)
{
    *out = NULL;
    xxgk_calendar *cal = calloc(1, sizeof *cal);
    if (!cal)
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    arena_init(&cal->a, 4096);
    cal->notices = calloc(calendar_notice_count, sizeof *cal->notices);
    cal->entries = calloc(calendar_entry_count, sizeof *cal->entries);
    if (!cal->notices || !cal->entries) {
        xxgk_calendar_free(cal);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    for (size_t i = 0; i < calendar_notice_count; i++)
        cal->notices[i] = (xxgk_holiday_notice){calendar_notices[i].year,
                                                calendar_notices[i].number,
                                                calendar_notices[i].date, "内置"};
    cal->nnotices = calendar_notice_count;
    for (size_t i = 0; i < calendar_entry_count; i++) {
        const cal_entry_data *e = &calendar_entries[i];
        cal->entries[i] = (cal_entry){xxgk_date_make(e->y, e->m, e->d), e->notice, e->kind,
                                      e->name};
    }
    cal->nentries = calendar_entry_count;
    qsort(cal->entries, cal->nentries, sizeof *cal->entries, by_date);
    if (!rebuild(cal)) {
        xxgk_calendar_free(cal);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    *out = cal;
    return XXGK_OK;
}

void xxgk_calendar_free(xxgk_calendar *cal)
{
    if (!cal)
        return;
    free(cal->notices);
    free(cal->entries);
    free(cal->index);
    arena_release(&cal->a);
    free(cal);
}

size_t xxgk_calendar_notice_count(const xxgk_calendar *cal)
{
    return cal->nnotices;
}

const xxgk_holiday_notice *xxgk_calendar_notice(const xxgk_calendar *cal, size_t i)
{
    return i < cal->nnotices ? &cal->notices[i] : NULL;
}

static const cal_entry *lookup(const xxgk_calendar *cal, xxgk_date date)
{
    if (!cal->index || date < cal->lo || date > cal->hi)
        return NULL;
    int32_t i = cal->index[date - cal->lo];
    return i ? &cal->entries[i - 1] : NULL;
}

xxgk_day_kind xxgk_calendar_day(const xxgk_calendar *cal, xxgk_date date, const char **name)
{
    if (name)
        *name = NULL;
    if (!date || !year_known(cal, year_of(date)))
        return XXGK_DAY_UNKNOWN;
    const cal_entry *e = lookup(cal, date);
    if (e && name)
        *name = e->name;
    if (e)
        return e->kind == CAL_HOLIDAY ? XXGK_DAY_HOLIDAY : XXGK_DAY_MAKEUP;
    return xxgk_date_weekday(date) >= 6 ? XXGK_DAY_WEEKEND : XXGK_DAY_WORKDAY;
}

const char *cal_unknown_reason(int year, char *buf, size_t size)
{
    snprintf(buf, size,
             "%d年的放假安排（国务院办公厅通知）尚未导入，无法确定该年的工作日；"
             "请用 xxgk holidays import 导入",
             year);
    return buf;
}

int cal_unknown_year(const xxgk_calendar *cal, xxgk_date from, xxgk_date to)
{
    for (int y = year_of(from), last = year_of(to); y <= last; y++)
        if (!year_known(cal, y))
            return y;
    return 0;
}

xxgk_status xxgk_calendar_add_working_days(const xxgk_calendar *cal, xxgk_date start, int n,
                                           xxgk_date *out, xxgk_error *err)
{
    if (!start || n < 1)
        return error_set(err, XXGK_E_USAGE, "工作日数应为正数，起算日应为有效日期");
    xxgk_date d = start;
    for (int count = 0; count < n;) {
        d++;
        xxgk_day_kind k = xxgk_calendar_day(cal, d, NULL);
        if (k == XXGK_DAY_UNKNOWN) {
            char why[256];
            return error_set(err, XXGK_E_USAGE, "%s",
                             cal_unknown_reason(year_of(d), why, sizeof why));
        }
        if (k == XXGK_DAY_WORKDAY || k == XXGK_DAY_MAKEUP)
            count++;
    }
    *out = d;
    return XXGK_OK;
}

/* ---- reading notices --------------------------------------------------- */

/* One line read from a notice file. */
typedef struct parsed {
    xxgk_date date;
    cal_kind kind;
    int notice;
    size_t line;
    char name[96];
} parsed;

typedef struct parser {
    const char *name;
    parsed *v;
    size_t n, cap;
    int heading;              /* the `## YYYY` above, 0 none */
    struct { int year; char number[96]; } found[64]; /* numbers by heading */
    size_t nfound;
} parser;

/* The weekday named in a comment "(周三)" / "（周三）", 0 when none. */
static int comment_weekday(const char *c)
{
    const char *p = strstr(c, "周");
    if (!p)
        return 0;
    p += strlen("周");
    for (int w = 1; w <= 7; w++)
        if (!strncmp(p, weekday_names[w], strlen(weekday_names[w])))
            return w;
    if (!strncmp(p, "天", strlen("天")))
        return 7;
    return 0;
}

/* The holiday's name: the comment up to its weekday or dash. */
static void comment_name(const char *c, cal_kind kind, char *out, size_t size)
{
    if (kind == CAL_WORKDAY) {
        snprintf(out, size, "调休上班");
        return;
    }
    size_t n = strlen(c);
    const char *cut[] = {" (周", "(周", "（周", " — ", " -- "};
    for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
        const char *p = strstr(c, cut[i]);
        if (p && (size_t)(p - c) < n)
            n = (size_t)(p - c);
    }
    while (n && (c[n - 1] == ' ' || c[n - 1] == '\t'))
        n--;
    if (!n)
        snprintf(out, size, "法定节假日");
    else
        snprintf(out, size, "%.*s", (int)(n < size - 1 ? n : size - 1), c);
}

/* Remembers the first 国办发明电〔YYYY〕N号 of the section of `heading`. */
static void note_number(parser *p, const char *line)
{
    if (!p->heading || p->nfound >= 64)
        return;
    for (size_t i = 0; i < p->nfound; i++)
        if (p->found[i].year == p->heading)
            return;
    const char *s = strstr(line, "国办发明电〔");
    if (!s)
        return;
    const char *close = strstr(s, "〕");
    const char *end = close ? strstr(close, "号") : NULL;
    if (!end || end - close > 32)
        return;
    for (const char *q = close + strlen("〕"); q < end; q++)
        if (*q < '0' || *q > '9')
            return;
    size_t len = (size_t)(end - s) + strlen("号");
    p->found[p->nfound].year = p->heading;
    snprintf(p->found[p->nfound].number, sizeof p->found[0].number, "%.*s", (int)len, s);
    p->nfound++;
}

static bool starts_with_date(const char *s, size_t n)
{
    if (n < 10)
        return false;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return false;
    return n == 10 || s[10] == ' ' || s[10] == '\t';
}

/* Reads one entry line; fills err and returns false when it is wrong. */
static bool parse_entry(parser *p, const char *s, size_t n, size_t lineno, xxgk_error *err)
{
    char date[11], word[32], comment[256] = "";
    memcpy(date, s, 10);
    date[10] = '\0';
    xxgk_date d;
    if (!xxgk_date_parse(date, &d))
        return error_set(err, XXGK_E_USAGE, "%s:%zu: “%s”不是有效日期", p->name, lineno, date),
               false;
    size_t i = 10;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t w = 0;
    while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '#' && w < sizeof word - 1)
        word[w++] = s[i++];
    word[w] = '\0';
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i < n && s[i] != '#')
        w = 0; /* something else follows the kind */
    else if (i < n)
        snprintf(comment, sizeof comment, "%.*s", (int)(n - i - 1), s + i + 1);
    cal_kind kind = !strcmp(word, "holiday") ? CAL_HOLIDAY : !strcmp(word, "workday") ? CAL_WORKDAY : 0;
    if (!kind || !w)
        return error_set(err, XXGK_E_USAGE,
                         "%s:%zu: 每行应为“YYYY-MM-DD holiday|workday  # 说明”，类型“%s”无法识别",
                         p->name, lineno, word),
               false;
    int wd = xxgk_date_weekday(d), said = comment_weekday(comment);
    if (said && said != wd)
        return error_set(err, XXGK_E_USAGE, "%s:%zu: %s 是星期%s，注释却写周%s", p->name, lineno,
                         date, weekday_names[wd], weekday_names[said]),
               false;
    if (kind == CAL_WORKDAY && wd < 6)
        return error_set(err, XXGK_E_USAGE, "%s:%zu: 调休上班日应为周六或周日，%s 是星期%s",
                         p->name, lineno, date, weekday_names[wd]),
               false;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        parsed *v = realloc(p->v, cap * sizeof *v);
        if (!v)
            return error_set(err, XXGK_E_NOMEM, "内存不足"), false;
        p->v = v;
        p->cap = cap;
    }
    parsed *e = &p->v[p->n++];
    e->date = d;
    e->kind = kind;
    e->notice = p->heading;
    e->line = lineno;
    while (comment[0] == ' ')
        memmove(comment, comment + 1, strlen(comment));
    comment_name(comment, kind, e->name, sizeof e->name);
    return true;
}

/* The heading year of "## 2024", else 0. */
static int heading_year(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (n != 7 || strncmp(s, "## ", 3) != 0)
        return 0;
    int y = 0;
    for (int i = 3; i < 7; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        y = y * 10 + s[i] - '0';
    }
    return y;
}

/* The year most entries fall in (the notice year of a bare list). */
static int majority_year(const parser *p)
{
    int best = 0, best_n = 0;
    for (size_t i = 0; i < p->n; i++) {
        int y = year_of(p->v[i].date), c = 0;
        for (size_t j = 0; j < p->n; j++)
            c += year_of(p->v[j].date) == y;
        if (c > best_n || (c == best_n && y > best))
            best = y, best_n = c;
    }
    return best;
}

static bool parse_text(parser *p, const char *text, size_t size, xxgk_error *err)
{
    size_t lineno = 0;
    for (size_t at = 0; at < size;) {
        const char *s = text + at;
        const char *nl = memchr(s, '\n', size - at);
        size_t n = nl ? (size_t)(nl - s) : size - at;
        at += n + 1;
        lineno++;
        if (n && s[n - 1] == '\r')
            n--;
        int h = heading_year(s, n);
        if (h) {
            p->heading = h;
            continue;
        }
        size_t lead = 0;
        while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
            lead++;
        if (starts_with_date(s + lead, n - lead)) {
            if (!parse_entry(p, s + lead, n - lead, lineno, err))
                return false;
        } else {
            char line[512];
            snprintf(line, sizeof line, "%.*s", (int)(n < 511 ? n : 511), s);
            note_number(p, line);
        }
    }
    return true;
}

/* Checks the entries read against each other and the calendar; returns
 * the new, sorted entry list (the calendar's entries of other notices
 * plus these) or NULL with err set. */
static cal_entry *merge(xxgk_calendar *cal, parser *p, const int *years, size_t nyears,
                        size_t *n_out, xxgk_error *err)
{
    size_t cap = cal->nentries + p->n, n = 0;
    cal_entry *v = calloc(cap ? cap : 1, sizeof *v);
    size_t *lines = calloc(cap ? cap : 1, sizeof *lines);
    if (!v || !lines) {
        free(v);
        free(lines);
        error_set(err, XXGK_E_NOMEM, "内存不足");
        return NULL;
    }
    for (size_t i = 0; i < cal->nentries; i++) {
        bool replaced = false;
        for (size_t k = 0; k < nyears; k++)
            replaced |= cal->entries[i].notice == years[k];
        if (!replaced)
            v[n++] = cal->entries[i];
    }
    for (size_t i = 0; i < p->n; i++) {
        const char *name = arena_strndup(&cal->a, p->v[i].name, strlen(p->v[i].name));
        if (!name) {
            free(v);
            free(lines);
            error_set(err, XXGK_E_NOMEM, "内存不足");
            return NULL;
        }
        lines[n] = p->v[i].line;
        v[n++] = (cal_entry){p->v[i].date, p->v[i].notice, p->v[i].kind, name};
    }
    /* Sort with the lines alongside: a simple insertion sort by date is
     * enough for a few hundred entries and keeps lines[] aligned. */
    for (size_t i = 1; i < n; i++) {
        cal_entry e = v[i];
        size_t l = lines[i], j = i;
        while (j > 0 && v[j - 1].date > e.date) {
            v[j] = v[j - 1];
            lines[j] = lines[j - 1];
            j--;
        }
        v[j] = e;
        lines[j] = l;
    }
    for (size_t i = 1; i < n; i++) {
        if (v[i].date != v[i - 1].date)
            continue;
        char d[11];
        size_t line = lines[i] ? lines[i] : lines[i - 1];
        int other = lines[i] ? v[i - 1].notice : v[i].notice;
        bool same = lines[i] && lines[i - 1];
        if (same)
            error_set(err, XXGK_E_USAGE, "%s:%zu: %s 重复列出", p->name, line,
                      xxgk_date_format(v[i].date, d, sizeof d));
        else
            error_set(err, XXGK_E_USAGE, "%s:%zu: %s 已由%d年的放假通知安排，不能再列入另一年",
                      p->name, line, xxgk_date_format(v[i].date, d, sizeof d), other);
        free(v);
        free(lines);
        return NULL;
    }
    free(lines);
    *n_out = n;
    return v;
}

xxgk_status xxgk_calendar_load(xxgk_calendar *cal, const char *text, size_t size,
                               const char *name, int year, int *years, size_t max,
                               size_t *nyears, xxgk_error *err)
{
    parser p = {.name = name ? name : "-"};
    if (nyears)
        *nyears = 0;
    if (!parse_text(&p, text, size, err)) {
        free(p.v);
        return err ? err->status : XXGK_E_USAGE;
    }
    if (!p.n) {
        free(p.v);
        return error_set(err, XXGK_E_USAGE,
                         "%s：没有找到放假安排（每行应为“YYYY-MM-DD holiday|workday  # 说明”）",
                         p.name);
    }
    int fallback = year ? year : majority_year(&p);
    int ys[64];
    size_t ny = 0;
    for (size_t i = 0; i < p.n; i++) {
        parsed *e = &p.v[i];
        if (!e->notice)
            e->notice = fallback;
        int y, m, d;
        xxgk_date_split(e->date, &y, &m, &d);
        if (y != e->notice && !(y == e->notice - 1 && m == 12)) {
            char ds[11];
            error_set(err, XXGK_E_USAGE, "%s:%zu: %s 不属于%d年的放假安排（应在该年内或上一年12月）",
                      p.name, e->line, xxgk_date_format(e->date, ds, sizeof ds), e->notice);
            free(p.v);
            return XXGK_E_USAGE;
        }
        bool seen = false;
        for (size_t k = 0; k < ny; k++)
            seen |= ys[k] == e->notice;
        if (!seen && ny < 64)
            ys[ny++] = e->notice;
    }
    size_t n = 0;
    cal_entry *merged = merge(cal, &p, ys, ny, &n, err);
    if (!merged) {
        free(p.v);
        return err ? err->status : XXGK_E_USAGE;
    }
    xxgk_holiday_notice *notices =
        calloc(cal->nnotices + ny, sizeof *notices);
    const char *source = arena_strndup(&cal->a, p.name, strlen(p.name));
    if (!notices || !source) {
        free(merged);
        free(notices);
        free(p.v);
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    }
    size_t nn = 0;
    for (size_t i = 0; i < cal->nnotices; i++) {
        bool replaced = false;
        for (size_t k = 0; k < ny; k++)
            replaced |= cal->notices[i].year == ys[k];
        if (!replaced)
            notices[nn++] = cal->notices[i];
    }
    for (size_t k = 0; k < ny; k++) {
        const char *number = "";
        for (size_t f = 0; f < p.nfound; f++)
            if (p.found[f].year == ys[k])
                number = arena_strndup(&cal->a, p.found[f].number, strlen(p.found[f].number));
        notices[nn++] = (xxgk_holiday_notice){ys[k], number ? number : "", "", source};
    }
    qsort(notices, nn, sizeof *notices, by_year);
    free(cal->entries);
    free(cal->notices);
    cal->entries = merged;
    cal->nentries = n;
    cal->notices = notices;
    cal->nnotices = nn;
    free(p.v);
    if (!rebuild(cal))
        return error_set(err, XXGK_E_NOMEM, "内存不足");
    if (years)
        for (size_t k = 0; k < ny && k < max; k++)
            years[k] = ys[k];
    if (nyears)
        *nyears = ny;
    return XXGK_OK;
}

/* ---- writing ----------------------------------------------------------- */

int xxgk_calendar_write(const xxgk_calendar *cal, int year, FILE *out)
{
    for (size_t i = 0; i < cal->nnotices; i++) {
        const xxgk_holiday_notice *no = &cal->notices[i];
        if (year && no->year != year)
            continue;
        fprintf(out, "## %d\n# %d年部分节假日安排：%s%s%s；来源：%s\n", no->year, no->year,
                *no->number ? no->number : "文号未知", *no->date ? "，" : "", no->date,
                no->source);
        for (size_t k = 0; k < cal->nentries; k++) {
            const cal_entry *e = &cal->entries[k];
            if (e->notice != no->year)
                continue;
            char d[11];
            fprintf(out, "%s %s  # %s (周%s)\n", xxgk_date_format(e->date, d, sizeof d),
                    e->kind == CAL_HOLIDAY ? "holiday" : "workday", e->name,
                    weekday_names[xxgk_date_weekday(e->date)]);
        }
        fputc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}
