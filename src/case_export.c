/*
 * case_export.c — the register out: one row per case as CSV (UTF-8 with
 * a BOM, so that Excel opens it as UTF-8) or XLSX, with ID numbers
 * masked; and an iCalendar file of the open cases' next deadlines.
 *
 * The export's headers are those the ledger import recognises (ledger.c),
 * so an export reads back as a ledger (ID numbers stay masked).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "case.h"
#include "input.h"
#include "lazy.h"
#include "quiet.h"
#include "render.h"

enum { NCOLS = 22 };
static const char *const headers[NCOLS] = {
    "系统编号", "机关", "编号", "收到日期", "申请方式", "申请人类型", "申请人", "证件号码",
    "联系方式", "申请内容", "补正告知日期", "补正期限", "收到补正日期", "延期日期", "延期批准人",
    "答复日期", "办理结果", "答复依据", "状态", "下一期限", "期限日期", "作废原因"};

/* The row of a case as text (strings in buf's rows, or static). */
static void case_row(const xxgk_case *c, char dates[8][11], char *id, size_t idsize,
                     const char **out)
{
    const xxgk_case_info *i = xxgk_case_info_of(c);
    const xxgk_deadline *next = xxgk_case_next_deadline(c);
    const outcome_row *o = outcome_find(i->outcome);
    snprintf(id, idsize, "%lld", (long long)i->id);
    const char *v[NCOLS] = {
        id,
        i->body,
        i->serial,
        xxgk_date_format(i->received, dates[0], 11),
        xxgk_channel_name(i->channel),
        xxgk_applicant_label(i->applicant),
        i->name,
        i->id_masked,
        i->contact,
        i->subject,
        xxgk_date_format(i->correction_notice, dates[1], 11),
        xxgk_date_format(i->correction_until, dates[2], 11),
        xxgk_date_format(i->corrected, dates[3], 11),
        xxgk_date_format(i->extended, dates[4], 11),
        i->approver,
        xxgk_date_format(i->closed, dates[5], 11),
        o ? o->label : i->outcome,
        i->ground,
        i->voided ? "已作废" : xxgk_case_state_text(i->state),
        next ? next->label : NULL,
        next ? xxgk_date_format(next->due, dates[6], 11) : NULL,
        i->voided ? i->void_reason : NULL,
    };
    for (int k = 0; k < NCOLS; k++)
        out[k] = v[k] ? v[k] : "";
}

/* A field as CSV. Text from applicants that a spreadsheet would take
 * for a formula (starting with = + @, or - not followed by a digit) is
 * prefixed with an apostrophe, which Excel and LibreOffice show as
 * text (CSV injection). */
static void csv_field(FILE *out, const char *s)
{
    bool formula = *s == '=' || *s == '+' || *s == '@' ||
                   (*s == '-' && !(s[1] >= '0' && s[1] <= '9'));
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        fputc('"', out);
    if (formula)
        fputc('\'', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    if (quote)
        fputc('"', out);
}

static void csv_row(FILE *out, const char *const *v)
{
    for (int k = 0; k < NCOLS; k++) {
        if (k)
            fputc(',', out);
        csv_field(out, v[k]);
    }
    fputs("\r\n", out);
}

static int csv_case(void *ctx, const xxgk_case *c)
{
    const char *v[NCOLS];
    char dates[8][11], id[24];
    case_row(c, dates, id, sizeof id, v);
    csv_row(ctx, v);
    return ferror((FILE *)ctx) ? 1 : 0;
}

xxgk_status xxgk_register_export_csv(xxgk_register *reg, const xxgk_case_filter *filter,
                                     xxgk_date today, FILE *out, xxgk_error *err)
{
    fputs("\xEF\xBB\xBF", out);
    csv_row(out, headers);
    xxgk_status st = xxgk_register_each(reg, filter, today, csv_case, out, err);
    if (st == XXGK_OK && (fflush(out) != 0 || ferror(out)))
        st = error_set(err, XXGK_E_IO, "写入 CSV 失败");
    return st;
}

typedef struct xlsx_ctx {
    lxw_worksheet *ws;
    lxw_row_t row;
} xlsx_ctx;

static int xlsx_case(void *ctx, const xxgk_case *c)
{
    xlsx_ctx *x = ctx;
    const char *v[NCOLS];
    char dates[8][11], id[24];
    case_row(c, dates, id, sizeof id, v);
    x->row++;
    worksheet_write_number(x->ws, x->row, 0, (double)xxgk_case_info_of(c)->id, NULL);
    for (int k = 1; k < NCOLS; k++)
        if (*v[k])
            worksheet_write_string(x->ws, x->row, (lxw_col_t)k, v[k], NULL);
    return 0;
}

xxgk_status xxgk_register_export_xlsx(xxgk_register *reg, const xxgk_case_filter *filter,
                                      xxgk_date today, const char *path, bool overwrite,
                                      xxgk_error *err)
{
    if (!lazy_load(&lazy_xlsxwriter_lib, err))
        return err->status;
    atomic_file af;
    xxgk_status st = atomic_open(&af, path, overwrite, err);
    if (st != XXGK_OK)
        return st;
    const char *by_name; /* libxlsxwriter writes a file by name */
    st = atomic_by_name(&af, &by_name, err);
    if (st != XXGK_OK) {
        atomic_abort(&af);
        return st;
    }
    /* libxlsxwriter's own "[ERROR]" lines are captured (quiet.c): the
     * reason they give goes into our message. */
    quiet_stderr q;
    quiet_begin(&q);
    char why[256];
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(by_name, &opt);
    if (!wb) {
        quiet_end(&q, why, sizeof why);
        atomic_abort(&af);
        return error_set(err, XXGK_E_IO, "%s：无法建立 XLSX 文件%s%s", path, *why ? "：" : "", why);
    }
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    xlsx_ctx x = {workbook_add_worksheet(wb, "登记簿"), 0};
    for (int k = 0; k < NCOLS; k++)
        worksheet_write_string(x.ws, 0, (lxw_col_t)k, headers[k], bold);
    st = xxgk_register_each(reg, filter, today, xlsx_case, &x, err);
    lxw_error e = workbook_close(wb);
    quiet_end(&q, why, sizeof why);
    if (st == XXGK_OK && e != LXW_NO_ERROR)
        st = error_set(err, XXGK_E_IO, "%s：写入 XLSX 失败（%s）", path,
                       *why ? why : lxw_strerror(e));
    if (st != XXGK_OK) {
        atomic_abort(&af);
        return st;
    }
    return atomic_commit(&af, overwrite, err);
}

/* ---- iCalendar ------------------------------------------------------------ */

/* Writes one content line folded at 75 octets (RFC 5545 §3.1), never
 * inside a UTF-8 character, with the text escaped (§3.3.11). */
static void ics_line(FILE *out, const char *name, const char *value, bool text)
{
    char buf[2048];
    size_t n = (size_t)snprintf(buf, sizeof buf, "%s:", name);
    for (const char *p = value; *p && n < sizeof buf - 3; p++) {
        if (text && (*p == '\\' || *p == ';' || *p == ',')) {
            buf[n++] = '\\';
            buf[n++] = *p;
        } else if (text && *p == '\n') {
            buf[n++] = '\\';
            buf[n++] = 'n';
        } else {
            buf[n++] = *p;
        }
    }
    buf[n] = '\0';
    size_t at = 0, width = 75;
    while (at < n) {
        size_t take = n - at <= width ? n - at : width;
        while (take > 0 && at + take < n && ((unsigned char)buf[at + take] & 0xC0) == 0x80)
            take--;
        fwrite(buf + at, 1, take, out);
        fputs("\r\n", out);
        at += take;
        if (at < n)
            fputc(' ', out);
        width = 74; /* the leading space counts */
    }
}

xxgk_status xxgk_register_write_ics(xxgk_register *reg, const char *body, xxgk_date today,
                                    FILE *out, xxgk_error *err)
{
    xxgk_due_item *items;
    size_t n;
    if (xxgk_register_due(reg, body, today, -1, &items, &n, err) != XXGK_OK)
        return err->status;
    char stamp[32];
    reg_now(stamp, sizeof stamp);
    char dtstamp[20];
    snprintf(dtstamp, sizeof dtstamp, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", stamp, stamp + 5, stamp + 8,
             stamp + 11, stamp + 14, stamp + 17);
    fputs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//xxgk//register//ZH\r\n"
          "CALSCALE:GREGORIAN\r\n", out);
    ics_line(out, "X-WR-CALNAME", "政府信息公开申请办理期限", true);
    for (size_t i = 0; i < n; i++) {
        const xxgk_due_item *it = &items[i];
        if (!it->next.due)
            continue;
        int y, m, d;
        char day[16], next[16], uid[64], summary[1024], desc[1024], dd[11];
        xxgk_date_split(it->next.due, &y, &m, &d);
        snprintf(day, sizeof day, "%04d%02d%02d", y, m, d);
        xxgk_date_split(it->next.due + 1, &y, &m, &d);
        snprintf(next, sizeof next, "%04d%02d%02d", y, m, d);
        snprintf(uid, sizeof uid, "case-%lld-%d@xxgk", (long long)it->id, (int)it->next.kind);
        snprintf(summary, sizeof summary, "%s：%s %s", it->next.label, it->serial,
                 it->subject ? it->subject : "");
        snprintf(desc, sizeof desc, "%s，登记号 %lld；%s，期限 %s（%s）", it->body,
                 (long long)it->id, xxgk_case_state_text(it->state),
                 xxgk_date_format(it->next.due, dd, sizeof dd), it->next.basis);
        fputs("BEGIN:VEVENT\r\n", out);
        ics_line(out, "UID", uid, false);
        ics_line(out, "DTSTAMP", dtstamp, false);
        ics_line(out, "DTSTART;VALUE=DATE", day, false);
        ics_line(out, "DTEND;VALUE=DATE", next, false);
        ics_line(out, "SUMMARY", summary, true);
        ics_line(out, "DESCRIPTION", desc, true);
        fputs("END:VEVENT\r\n", out);
    }
    fputs("END:VCALENDAR\r\n", out);
    xxgk_due_free(items, n);
    if (fflush(out) != 0 || ferror(out))
        return error_set(err, XXGK_E_IO, "写入日历文件失败");
    return XXGK_OK;
}
