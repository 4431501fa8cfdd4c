/*
 * ledger.c — importing the ledgers (台账) offices keep: the column
 * mapping (headers recognised by the field table below, or named with
 * --map), one case per row recorded through the same public functions
 * and guards as a case entered by hand, every bad row named with its row
 * number and reason, all in one transaction (a killed import stores
 * nothing), a dry run rolled back at the end, and rows already imported
 * skipped (by the ledger's own number, else by the row's content).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "input.h"
#include "ledger.h"
#include "store_sha256.h"

enum {
    F_REF = 0, F_BODY, F_RECEIVED, F_CHANNEL, F_APPLICANT, F_SUBJECT, F_NAME, F_ID, F_CONTACT,
    F_NOTICE, F_UNTIL, F_CORRECTED, F_CONSULT_PARTY, F_CONSULT_SENT, F_CONSULT_ANSWERED,
    F_EXTENDED, F_APPROVER, F_REPLY, F_OUTCOME, F_GROUND, F_COUNT
};

static const xxgk_ledger_field fields[F_COUNT] = {
    {"ref", "编号|序号|台账编号|登记编号|登记号|受理编号", "台账自己的编号；再次导入时据此跳过已导入的行", false},
    {"body", "机关|机关名称|受理机关", "申请所属机关；没有此列或为空时用 --body", false},
    {"received", "收到日期|收到申请日期|收到申请之日|受理日期|申请日期|登记日期",
     "收到申请之日（第三十一条）", true},
    {"channel", "申请方式|申请渠道|提交方式|渠道", "当面、邮寄、平邮、网络、传真、电子邮件", true},
    {"applicant", "申请人类型|申请人性质|申请人类别",
     "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他", true},
    {"subject", "申请内容|申请事项|申请公开的信息|申请公开内容|内容摘要|所需信息",
     "申请公开的政府信息", true},
    {"name", "申请人|申请人姓名|申请人名称|姓名", "申请人姓名或名称", false},
    {"id_number", "证件号码|身份证号|身份证号码|统一社会信用代码", "列表和导出中打码显示", false},
    {"contact", "联系方式|联系电话|通讯地址|地址", "", false},
    {"notice", "补正告知日期|补正通知日期|告知补正日期", "一次性告知补正之日（第三十条）", false},
    {"until", "补正期限", "告知书给出的补正期限", false},
    {"corrected", "收到补正日期|补正日期|补正后收到日期", "收到补正申请之日", false},
    {"consult_party", "征求意见对象", "第三方 或 其他机关", false},
    {"consult_sent", "征求意见日期|征求意见发出日期", "书面征求意见之日（第三十二条、第三十四条）", false},
    {"consult_answered", "征求意见答复日期|意见反馈日期", "收到对方答复之日", false},
    {"extended", "延期日期|延长日期|延期决定日期", "延长答复期限的决定日期（第三十三条第二款）", false},
    {"approver", "延期批准人|批准人", "同意延期的工作机构负责人", false},
    {"reply", "答复日期|办结日期|终止日期", "答复或终止之日", false},
    {"outcome", "办理结果|答复结果|处理结果|答复类型",
     "表三的行：予以公开、部分公开、属于国家秘密……或其键名 granted 等", false},
    {"ground", "答复依据|法律依据|理由|备注", "答复的依据；终止（其他）的原因", false},
};

size_t xxgk_ledger_field_count(void)
{
    return F_COUNT;
}

const xxgk_ledger_field *xxgk_ledger_field_at(size_t i)
{
    return i < F_COUNT ? &fields[i] : NULL;
}

/* The first header a field is known by ("收到日期"). */
static const char *first_alias(int f, char *buf, size_t size)
{
    const char *bar = strchr(fields[f].headers, '|');
    size_t n = bar ? (size_t)(bar - fields[f].headers) : strlen(fields[f].headers);
    snprintf(buf, size, "%.*s", (int)n, fields[f].headers);
    return buf;
}

/* A header cell without surrounding spaces or a required-column star. */
static void clean_header(const char *in, char *out, size_t size)
{
    while (*in == ' ' || *in == '\t' || *in == '*')
        in++;
    if (!strncmp(in, "　", strlen("　")))
        in += strlen("　");
    snprintf(out, size, "%s", in);
    size_t n = strlen(out);
    while (n && (out[n - 1] == ' ' || out[n - 1] == '\t' || out[n - 1] == '*'))
        out[--n] = '\0';
}

/* Which column each field is in (-1: none), from the header row and the
 * options' map. */
static xxgk_status map_columns(const sheet_row *head, const xxgk_ledger_options *o, int *col,
                               xxgk_error *err)
{
    for (int f = 0; f < F_COUNT; f++) {
        col[f] = -1;
        for (size_t c = 0; c < head->ncells && col[f] < 0; c++) {
            char h[256];
            clean_header(head->cells[c], h, sizeof h);
            if (case_in_list(fields[f].headers, h))
                col[f] = (int)c;
        }
    }
    for (size_t m = 0; m < o->nmap; m++) {
        const char *eq = strchr(o->map[m], '=');
        int f = -1;
        for (int k = 0; eq && k < F_COUNT; k++)
            if (strlen(fields[k].key) == (size_t)(eq - o->map[m]) &&
                !strncmp(fields[k].key, o->map[m], (size_t)(eq - o->map[m])))
                f = k;
        if (f < 0)
            return error_set(err, XXGK_E_USAGE, "列对应“%s”有误：应为 字段=列名，字段见 xxgk case import --help",
                             o->map[m]);
        const char *name = eq + 1;
        col[f] = -1;
        if (name[0] == '#') {
            long k = strtol(name + 1, NULL, 10);
            if (k >= 1 && (size_t)k <= head->ncells)
                col[f] = (int)k - 1;
        }
        for (size_t c = 0; c < head->ncells && col[f] < 0; c++) {
            char h[256];
            clean_header(head->cells[c], h, sizeof h);
            if (!strcmp(h, name))
                col[f] = (int)c;
        }
        if (col[f] < 0)
            return error_set(err, XXGK_E_USAGE, "列对应“%s”：表头（第 %zu 行）中没有“%s”列",
                             o->map[m], head->number, name);
    }
    for (int f = 0; f < F_COUNT; f++)
        if (fields[f].required && col[f] < 0)
            return error_set(err, XXGK_E_USAGE, "表头（第 %zu 行）中没有“%s”列（可用列名：%s；"
                                                "或用 --map %s=列名）",
                             head->number, first_alias(f, (char[64]){0}, 64), fields[f].headers,
                             fields[f].key);
    return XXGK_OK;
}

/* ---- values ------------------------------------------------------------- */

/* A date as ledgers write it: 2024-09-13, 2024/9/13, 2024.9.13,
 * 2024年9月13日, 20240913, a date with a time after it, or (from XLSX) a
 * day serial. */
static bool flex_date(const char *s, bool serials, xxgk_date *out)
{
    while (*s == ' ')
        s++;
    int y = 0, m = 0, d = 0, n = 0;
    char sep1[8] = "", rest[64] = "";
    if (serials) {
        char *end;
        double v = strtod(s, &end);
        if (end != s && (*end == '\0' || *end == ' ') && v >= 36526 && v < 402134) {
            *out = (xxgk_date)v - 25569; /* day 25569 of Excel's count is 1970-01-01 */
            return true;
        }
    }
    if (sscanf(s, "%4d%n", &y, &n) == 1 && n == 8 && !s[8]) {
        d = y % 100;
        m = (y / 100) % 100;
        y /= 10000;
    } else if (sscanf(s, "%d年%d月%d日%63s", &y, &m, &d, rest) >= 3 ||
               sscanf(s, "%d%1[-/.]%d%*1[-/.]%d%63s", &y, sep1, &m, &d, rest) >= 4) {
        (void)rest;
    } else {
        return false;
    }
    xxgk_date v = xxgk_date_make(y, m, d);
    if (!v)
        return false;
    *out = v;
    return true;
}

typedef struct row_ctx {
    xxgk_register *reg;
    const xxgk_ledger_options *o;
    const sheet *s;
    const sheet_row *row;
    const int *col;
    char error[320];
} row_ctx;

static const char *cell(const row_ctx *r, int f)
{
    int c = r->col[f];
    if (c < 0 || (size_t)c >= r->row->ncells)
        return "";
    const char *v = r->row->cells[c];
    while (*v == ' ' || *v == '\t')
        v++;
    return v;
}

/* Reads the date of field f: 0 when empty, false (error set) when not a
 * date. */
static bool date_field(row_ctx *r, int f, xxgk_date *out)
{
    const char *v = cell(r, f);
    *out = 0;
    if (!*v)
        return true;
    if (flex_date(v, r->s->xlsx, out))
        return true;
    char h[64];
    snprintf(r->error, sizeof r->error, "%s“%s”不是有效日期", first_alias(f, h, sizeof h), v);
    return false;
}

static xxgk_status fail(row_ctx *r, const xxgk_error *err)
{
    snprintf(r->error, sizeof r->error, "%s", err->message);
    return err->status;
}

/* The row's key for skipping it next time: the ledger number, else a
 * digest of the values mapped. */
static void row_key(const row_ctx *r, char *out, size_t size)
{
    if (*cell(r, F_REF)) {
        snprintf(out, size, "%s", cell(r, F_REF));
        return;
    }
    char buf[4096];
    size_t len = 0;
    for (int f = 0; f < F_COUNT; f++)
        len += (size_t)snprintf(buf + len, len < sizeof buf ? sizeof buf - len : 0, "%s\x1f",
                                cell(r, f));
    uint8_t digest[32];
    char hex[65];
    sha256(buf, len < sizeof buf ? len : sizeof buf, digest);
    sha256_hex(digest, hex);
    snprintf(out, size, "#%.16s", hex);
}

/* The application of a row; false (error set) when a value is wrong. */
static bool read_application(row_ctx *r, xxgk_application *app, char *key, size_t keysize)
{
    memset(app, 0, sizeof *app);
    app->body = *cell(r, F_BODY) ? cell(r, F_BODY) : r->o->body;
    if (!app->body || !*app->body)
        return snprintf(r->error, sizeof r->error, "没有机关名称（机关列为空，也没有给出 --body）"),
               false;
    if (!date_field(r, F_RECEIVED, &app->received))
        return false;
    if (!app->received)
        return snprintf(r->error, sizeof r->error, "没有收到日期"), false;
    const char *ch = cell(r, F_CHANNEL), *ap = cell(r, F_APPLICANT);
    if (!xxgk_channel_find(ch, &app->channel))
        return snprintf(r->error, sizeof r->error,
                        "申请方式“%s”无法识别（应为当面、邮寄、平邮、网络、传真、电子邮件）", ch),
               false;
    if (!xxgk_applicant_find(ap, &app->applicant))
        return snprintf(r->error, sizeof r->error,
                        "申请人类型“%s”无法识别（应为自然人、商业企业、科研机构、社会公益组织、"
                        "法律服务机构、其他）",
                        ap),
               false;
    app->subject = cell(r, F_SUBJECT);
    app->name = *cell(r, F_NAME) ? cell(r, F_NAME) : NULL;
    app->id_number = *cell(r, F_ID) ? cell(r, F_ID) : NULL;
    app->contact = *cell(r, F_CONTACT) ? cell(r, F_CONTACT) : NULL;
    row_key(r, key, keysize);
    app->ledger_key = key;
    return true;
}

/* Records the row's later facts on case id, in the order they happen. */
static xxgk_status record_facts(row_ctx *r, int64_t id)
{
    xxgk_register *reg = r->reg;
    xxgk_error err = {0};
    xxgk_date notice, until, corrected, sent, answered, extended, reply;
    if (!date_field(r, F_NOTICE, &notice) || !date_field(r, F_UNTIL, &until) ||
        !date_field(r, F_CORRECTED, &corrected) || !date_field(r, F_CONSULT_SENT, &sent) ||
        !date_field(r, F_CONSULT_ANSWERED, &answered) || !date_field(r, F_EXTENDED, &extended) ||
        !date_field(r, F_REPLY, &reply))
        return XXGK_E_USAGE;
    if (notice && xxgk_case_correction_notice(reg, id, notice, until, &err) != XXGK_OK)
        return fail(r, &err);
    if (corrected && xxgk_case_corrected(reg, id, corrected, &err) != XXGK_OK)
        return fail(r, &err);
    if (sent) {
        xxgk_party party = strstr(cell(r, F_CONSULT_PARTY), "机关") ? XXGK_PARTY_AGENCY
                                                                     : XXGK_PARTY_THIRD;
        if (xxgk_case_consult(reg, id, party, NULL, sent, 0, answered, &err) != XXGK_OK)
            return fail(r, &err);
    }
    if (extended && xxgk_case_extend(reg, id, extended, cell(r, F_APPROVER), 0, &err) != XXGK_OK)
        return fail(r, &err);
    const char *text = cell(r, F_OUTCOME);
    if (!reply && !*text)
        return XXGK_OK;
    if (!reply || !*text) {
        snprintf(r->error, sizeof r->error, reply ? "有答复日期但没有办理结果"
                                                  : "有办理结果“%s”但没有答复日期",
                 text);
        return XXGK_E_USAGE;
    }
    const outcome_row *o = outcome_match(text);
    if (!o) {
        snprintf(r->error, sizeof r->error,
                 "办理结果“%s”无法识别或不够具体（如“不予公开”须写明具体理由）", text);
        return XXGK_E_USAGE;
    }
    const char *ground = *cell(r, F_GROUND) ? cell(r, F_GROUND) : NULL;
    xxgk_status st = o->reply ? xxgk_case_reply(reg, id, reply, o->key, ground, &err)
                              : xxgk_case_close(reg, id, reply, o->key,
                                                ground ? ground : text, &err);
    return st == XXGK_OK ? XXGK_OK : fail(r, &err);
}

/* The case of a ledger key already in the register, 0 none. */
static int64_t already(xxgk_register *reg, const char *body, const char *key)
{
    xxgk_error err = {0};
    sqlite3_stmt *st = reg_stmt(reg, Q_LEDGER_KEY, &err);
    if (!st)
        return 0;
    sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return id;
}

/* Imports one data row in a savepoint of its own. */
static void import_row(row_ctx *r, xxgk_ledger_row *out, xxgk_ledger_summary *sum)
{
    xxgk_register *reg = r->reg;
    xxgk_application app;
    char key[128];
    xxgk_error err = {0};
    r->error[0] = '\0';
    out->row = r->row->number;
    if (!read_application(r, &app, key, sizeof key)) {
        sum->failed++;
        return;
    }
    int64_t dup = already(reg, app.body, key);
    if (dup) {
        out->case_id = dup;
        out->duplicate = true;
        sum->duplicates++;
        return;
    }
    if (reg_begin(reg, &err) != XXGK_OK) {
        fail(r, &err);
        sum->failed++;
        return;
    }
    int64_t id = 0;
    xxgk_status st = xxgk_case_add(reg, &app, &id, &err);
    if (st != XXGK_OK)
        fail(r, &err);
    else
        st = record_facts(r, id);
    reg_end(reg, st == XXGK_OK, NULL);
    if (st == XXGK_OK) {
        out->case_id = id;
        sum->added++;
    } else {
        sum->failed++;
    }
}

xxgk_status xxgk_register_import_ledger(xxgk_register *reg, const char *path,
                                        const xxgk_ledger_options *o,
                                        xxgk_ledger_summary *summary, xxgk_error *err)
{
    xxgk_ledger_summary sum = {0};
    if (summary)
        *summary = sum;
    if (!o)
        return error_set(err, XXGK_E_USAGE, "导入台账须写明机关名称");
    if (reg_writable(reg, err) != XXGK_OK)
        return err->status;
    arena a;
    arena_init(&a, 65536);
    sheet s;
    xxgk_status st = ledger_sheet_read(&a, path, &s, err);
    if (st == XXGK_OK && s.nrows == 0)
        st = error_set(err, XXGK_E_USAGE, "%s：文件中没有表头和数据", path);
    int col[F_COUNT];
    if (st == XXGK_OK)
        st = map_columns(&s.rows[0], o, col, err);
    if (st == XXGK_OK && col[F_BODY] < 0 && (!o->body || !*o->body))
        st = error_set(err, XXGK_E_USAGE, "导入台账须写明机关名称（--body，或台账中的“机关”列）");
    if (st == XXGK_OK)
        st = reg_begin(reg, err);
    if (st != XXGK_OK) {
        arena_release(&a);
        return st;
    }
    for (size_t i = 1; i < s.nrows; i++) {
        row_ctx r = {reg, o, &s, &s.rows[i], col, ""};
        xxgk_ledger_row out = {0};
        sum.rows++;
        import_row(&r, &out, &sum);
        out.error = r.error[0] && !out.case_id ? r.error : NULL;
        if (o->on_row)
            o->on_row(o->ctx, &out);
    }
    st = reg_end(reg, !o->dry_run, o->dry_run ? NULL : err);
    arena_release(&a);
    if (summary)
        *summary = sum;
    return o->dry_run ? XXGK_OK : st;
}
