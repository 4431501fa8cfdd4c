/*
 * docx_numbering.c — automatic paragraph numbering of DOCX files (see
 * docx_numbering.h).
 *
 * Headings numbered by WPS's or Word's automatic lists ("一、总体情况")
 * hold only "总体情况" in document.xml; the "一、" comes from
 * word/numbering.xml (the list levels: start value, number format, label
 * pattern such as "%1、") and, for numbered heading styles, from
 * word/styles.xml. Both parts are small and read whole, and only when the
 * document has a numbering part at all. Counters are kept per list
 * definition (abstractNum), the way Word continues a list across its
 * instances; using a level restarts the levels below it.
 */
#include "docx_numbering.h"

#include <libxml/parser.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEFS 4096 /* lists, instances and styles kept at most */
#define LEVELS 9

typedef enum fmt {
    F_DECIMAL = 0, F_DECIMAL_ZERO, F_CHINESE, F_IDEOGRAPH_DIGITAL, F_TRADITIONAL, F_CIRCLED,
    F_LOWER_LETTER, F_UPPER_LETTER, F_LOWER_ROMAN, F_UPPER_ROMAN, F_FULL_WIDTH, F_NONE
} fmt;

typedef struct level {
    int start;
    fmt format;
    char text[48];  /* the label pattern, "%1、" */
    char suffix;    /* what follows the label: ' ' (tab, space) or 0 */
} level;

typedef struct abstract_num {
    int id;
    level lvl[LEVELS];
    int count[LEVELS];
    bool started[LEVELS];
} abstract_num;

typedef struct num {
    int id, abstract_id;
    int start_override[LEVELS]; /* -1: none */
    bool override_used[LEVELS];
} num;

typedef struct style {
    char id[64], based_on[64];
    int num_id, ilvl; /* -1 when the style states none */
} style;

struct docx_numbering {
    abstract_num *abs;
    num *nums;
    style *styles;
    int nabs, nnums, nstyles;
    int cap_abs, cap_nums, cap_styles;
};

/* ---- reading the parts ------------------------------------------------------ */

typedef struct loader {
    docx_numbering *nb;
    bool styles;                       /* reading styles.xml, else numbering.xml */
    int in_abstract, in_num, in_style; /* index + 1 of the open element, 0 when none */
    int lvl, override_lvl;             /* the open w:lvl / w:lvlOverride level, -1 when none */
    bool failed;
} loader;

/* The value of attribute `name` in the W namespace, copied into buf. */
static bool attr(int n, const xmlChar **attrs, const char *name, char *buf, size_t cap)
{
    for (int i = 0; i < n; i++) {
        const xmlChar **a = attrs + 5 * i;
        if (strcmp((const char *)a[0], name) != 0)
            continue;
        size_t len = (size_t)(a[4] - a[3]);
        if (len >= cap) { /* cut, and not inside a UTF-8 sequence */
            len = cap - 1;
            while (len && (a[3][len] & 0xC0) == 0x80)
                len--;
        }
        memcpy(buf, a[3], len);
        buf[len] = '\0';
        return true;
    }
    return false;
}

static int attr_int(int n, const xmlChar **attrs, const char *name, int fallback)
{
    char buf[24];
    return attr(n, attrs, name, buf, sizeof buf) ? atoi(buf) : fallback;
}

static fmt format_of(const char *v)
{
    static const struct {
        const char *name;
        fmt f;
    } formats[] = {
        {"decimal", F_DECIMAL},
        {"decimalZero", F_DECIMAL_ZERO},
        {"chineseCounting", F_CHINESE},
        {"chineseCountingThousand", F_CHINESE},
        {"chineseLegalSimplified", F_CHINESE},
        {"taiwaneseCounting", F_CHINESE},
        {"taiwaneseCountingThousand", F_CHINESE},
        {"japaneseCounting", F_CHINESE},
        {"ideographDigital", F_IDEOGRAPH_DIGITAL},
        {"ideographTraditional", F_TRADITIONAL},
        {"decimalEnclosedCircle", F_CIRCLED},
        {"decimalEnclosedCircleChinese", F_CIRCLED},
        {"lowerLetter", F_LOWER_LETTER},
        {"upperLetter", F_UPPER_LETTER},
        {"lowerRoman", F_LOWER_ROMAN},
        {"upperRoman", F_UPPER_ROMAN},
        {"decimalFullWidth", F_FULL_WIDTH},
        {"decimalFullWidth2", F_FULL_WIDTH},
        {"bullet", F_NONE},
        {"none", F_NONE},
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (!strcmp(v, formats[i].name))
            return formats[i].f;
    return F_DECIMAL;
}

/* Room for one more element in v (n used of *cap). */
static void *grow(void *v, int n, int *cap, size_t elem, bool *failed)
{
    if (n < *cap)
        return v;
    if (n >= MAX_DEFS) {
        *failed = true;
        return v;
    }
    int nc = *cap ? *cap * 2 : 16;
    void *p = realloc(v, (size_t)nc * elem);
    if (!p) {
        *failed = true;
        return v;
    }
    *cap = nc;
    return p;
}

static void numbering_start(loader *ld, const char *name, int n, const xmlChar **attrs)
{
    docx_numbering *nb = ld->nb;
    char v[64];
    if (!strcmp(name, "abstractNum")) {
        nb->abs = grow(nb->abs, nb->nabs, &nb->cap_abs, sizeof *nb->abs, &ld->failed);
        if (ld->failed)
            return;
        abstract_num *a = &nb->abs[nb->nabs++];
        memset(a, 0, sizeof *a);
        a->id = attr_int(n, attrs, "abstractNumId", -1);
        for (int k = 0; k < LEVELS; k++)
            a->lvl[k] = (level){1, F_DECIMAL, "", ' '};
        ld->in_abstract = nb->nabs;
    } else if (!strcmp(name, "num")) {
        nb->nums = grow(nb->nums, nb->nnums, &nb->cap_nums, sizeof *nb->nums, &ld->failed);
        if (ld->failed)
            return;
        num *u = &nb->nums[nb->nnums++];
        memset(u, 0, sizeof *u);
        u->id = attr_int(n, attrs, "numId", -1);
        u->abstract_id = -1;
        for (int k = 0; k < LEVELS; k++)
            u->start_override[k] = -1;
        ld->in_num = nb->nnums;
    } else if (!strcmp(name, "lvl") && ld->in_abstract && ld->override_lvl < 0) {
        int k = attr_int(n, attrs, "ilvl", -1);
        ld->lvl = k >= 0 && k < LEVELS ? k : -1;
    } else if (ld->in_abstract && ld->lvl >= 0) {
        level *l = &nb->abs[ld->in_abstract - 1].lvl[ld->lvl];
        if (!strcmp(name, "start"))
            l->start = attr_int(n, attrs, "val", 1);
        else if (!strcmp(name, "numFmt") && attr(n, attrs, "val", v, sizeof v))
            l->format = format_of(v);
        else if (!strcmp(name, "lvlText"))
            attr(n, attrs, "val", l->text, sizeof l->text);
        else if (!strcmp(name, "suff") && attr(n, attrs, "val", v, sizeof v))
            l->suffix = strcmp(v, "nothing") ? ' ' : 0;
    } else if (ld->in_num) {
        num *u = &nb->nums[ld->in_num - 1];
        if (!strcmp(name, "abstractNumId"))
            u->abstract_id = attr_int(n, attrs, "val", -1);
        else if (!strcmp(name, "lvlOverride")) {
            int k = attr_int(n, attrs, "ilvl", -1);
            ld->override_lvl = k >= 0 && k < LEVELS ? k : -1;
        } else if (!strcmp(name, "startOverride") && ld->override_lvl >= 0)
            u->start_override[ld->override_lvl] = attr_int(n, attrs, "val", 1);
    }
}

static void styles_start(loader *ld, const char *name, int n, const xmlChar **attrs)
{
    docx_numbering *nb = ld->nb;
    char v[64];
    if (!strcmp(name, "style")) {
        ld->in_style = 0;
        if (!attr(n, attrs, "type", v, sizeof v) || strcmp(v, "paragraph"))
            return;
        nb->styles = grow(nb->styles, nb->nstyles, &nb->cap_styles, sizeof *nb->styles,
                          &ld->failed);
        if (ld->failed)
            return;
        style *s = &nb->styles[nb->nstyles++];
        memset(s, 0, sizeof *s);
        attr(n, attrs, "styleId", s->id, sizeof s->id);
        s->num_id = s->ilvl = -1;
        ld->in_style = nb->nstyles;
    } else if (ld->in_style) {
        style *s = &nb->styles[ld->in_style - 1];
        if (!strcmp(name, "basedOn"))
            attr(n, attrs, "val", s->based_on, sizeof s->based_on);
        else if (!strcmp(name, "numId"))
            s->num_id = attr_int(n, attrs, "val", -1);
        else if (!strcmp(name, "ilvl"))
            s->ilvl = attr_int(n, attrs, "val", -1);
    }
}

static void on_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int n, int ndef, const xmlChar **attrs)
{
    loader *ld = ctx;
    (void)prefix, (void)uri, (void)nns, (void)ns, (void)ndef;
    if (ld->failed)
        return;
    if (ld->styles)
        styles_start(ld, (const char *)local, n, attrs);
    else
        numbering_start(ld, (const char *)local, n, attrs);
}

static void on_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    loader *ld = ctx;
    const char *name = (const char *)local;
    (void)prefix, (void)uri;
    if (!strcmp(name, "abstractNum"))
        ld->in_abstract = 0;
    else if (!strcmp(name, "num"))
        ld->in_num = 0;
    else if (!strcmp(name, "lvl"))
        ld->lvl = -1;
    else if (!strcmp(name, "lvlOverride"))
        ld->override_lvl = -1;
    else if (!strcmp(name, "style"))
        ld->in_style = 0;
}

/* Reads a small part whole and runs it through the SAX callbacks. */
static bool load_part(zip_t *za, const char *path, loader *ld)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(za, path, ZIP_FL_NOCASE, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
        st.size > DOCX_MAX_PART)
        return false;
    zip_file_t *zf = zip_fopen(za, path, ZIP_FL_NOCASE);
    char *buf = zf ? malloc((size_t)st.size + 1) : NULL;
    zip_int64_t got = buf ? zip_fread(zf, buf, st.size) : -1;
    if (zf)
        zip_fclose(zf);
    bool ok = got >= 0 && (zip_uint64_t)got == st.size;
    if (ok) {
        xmlSAXHandler sax;
        memset(&sax, 0, sizeof sax);
        sax.initialized = XML_SAX2_MAGIC;
        sax.startElementNs = on_start;
        sax.endElementNs = on_end;
        xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, ld, NULL, 0, path);
        if (ctxt) {
            xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
            xmlParseChunk(ctxt, buf, (int)got, 1);
            ok = ctxt->wellFormed && !ld->failed;
            if (ctxt->myDoc) /* built to hold an internal DTD, even for SAX */
                xmlFreeDoc(ctxt->myDoc);
            xmlFreeParserCtxt(ctxt);
        } else {
            ok = false;
        }
    }
    free(buf);
    return ok;
}

docx_numbering *docx_numbering_load(zip_t *za)
{
    if (zip_name_locate(za, "word/numbering.xml", ZIP_FL_NOCASE) < 0)
        return NULL;
    docx_numbering *nb = calloc(1, sizeof *nb);
    if (!nb)
        return NULL;
    loader ld = {nb, false, 0, 0, 0, -1, -1, false};
    if (!load_part(za, "word/numbering.xml", &ld) || nb->nnums == 0) {
        docx_numbering_free(nb);
        return NULL;
    }
    loader sl = {nb, true, 0, 0, 0, -1, -1, false};
    if (!load_part(za, "word/styles.xml", &sl))
        nb->nstyles = 0; /* numbers from the paragraphs' own numbering only */
    return nb;
}

void docx_numbering_free(docx_numbering *nb)
{
    if (!nb)
        return;
    free(nb->abs);
    free(nb->nums);
    free(nb->styles);
    free(nb);
}

/* ---- writing labels ------------------------------------------------------------ */

static void put_chinese(strbuf *out, int v)
{
    static const char *const digit[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (v <= 0 || v >= 100) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d", v);
        strbuf_add(out, buf, strlen(buf));
        return;
    }
    if (v >= 20)
        strbuf_add(out, digit[v / 10], strlen(digit[v / 10]));
    if (v >= 10)
        strbuf_add(out, "十", strlen("十"));
    if (v % 10 || v < 10)
        strbuf_add(out, digit[v % 10], strlen(digit[v % 10]));
}

static void put_roman(strbuf *out, int v, bool upper)
{
    static const struct {
        int value;
        const char *s;
    } parts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
                 {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0] && v > 0 && v < 4000; i++)
        while (v >= parts[i].value) {
            for (const char *p = parts[i].s; *p; p++)
                strbuf_addc(out, upper ? (char)(*p - 'a' + 'A') : *p);
            v -= parts[i].value;
        }
}

static void put_number(strbuf *out, int v, fmt f)
{
    static const char *const stems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    char buf[16];
    switch (f) {
    case F_CHINESE:
        put_chinese(out, v);
        return;
    case F_IDEOGRAPH_DIGITAL:
        snprintf(buf, sizeof buf, "%d", v);
        for (const char *p = buf; *p; p++)
            if (*p >= '0' && *p <= '9')
                put_chinese(out, *p == '0' ? 0 : *p - '0');
        return;
    case F_TRADITIONAL:
        if (v >= 1 && v <= 10) {
            strbuf_add(out, stems[v - 1], strlen(stems[v - 1]));
            return;
        }
        break;
    case F_CIRCLED:
        if (v >= 1 && v <= 20) {
            strbuf_add_cp(out, 0x2460 + v - 1);
            return;
        }
        break;
    case F_LOWER_LETTER:
    case F_UPPER_LETTER:
        if (v >= 1) {
            for (int k = 0; k <= (v - 1) / 26 && k < 8; k++)
                strbuf_addc(out, (char)((f == F_UPPER_LETTER ? 'A' : 'a') + (v - 1) % 26));
            return;
        }
        break;
    case F_LOWER_ROMAN:
    case F_UPPER_ROMAN:
        put_roman(out, v, f == F_UPPER_ROMAN);
        return;
    case F_FULL_WIDTH:
        snprintf(buf, sizeof buf, "%d", v);
        for (const char *p = buf; *p; p++)
            strbuf_add_cp(out, *p == '-' ? 0xFF0D : 0xFF10 + (*p - '0'));
        return;
    case F_DECIMAL_ZERO:
        snprintf(buf, sizeof buf, "%02d", v);
        strbuf_add(out, buf, strlen(buf));
        return;
    default:
        break;
    }
    snprintf(buf, sizeof buf, "%d", v);
    strbuf_add(out, buf, strlen(buf));
}

static const style *find_style(const docx_numbering *nb, const char *id)
{
    for (int i = 0; i < nb->nstyles; i++)
        if (!strcmp(nb->styles[i].id, id))
            return &nb->styles[i];
    return NULL;
}

static num *find_num(docx_numbering *nb, int id)
{
    for (int i = 0; i < nb->nnums; i++)
        if (nb->nums[i].id == id)
            return &nb->nums[i];
    return NULL;
}

static abstract_num *find_abstract(docx_numbering *nb, int id)
{
    for (int i = 0; i < nb->nabs; i++)
        if (nb->abs[i].id == id)
            return &nb->abs[i];
    return NULL;
}

/* The numbering a paragraph gets from its style, following basedOn. */
static void style_numbering(const docx_numbering *nb, const char *id, int *num_id, int *ilvl)
{
    for (int depth = 0; id && id[0] && depth < 16; depth++) {
        const style *s = find_style(nb, id);
        if (!s)
            return;
        if (*ilvl < 0 && s->ilvl >= 0)
            *ilvl = s->ilvl;
        if (s->num_id >= 0) {
            *num_id = s->num_id;
            return;
        }
        id = s->based_on;
    }
}

void docx_numbering_label(docx_numbering *nb, const char *style_id, int num_id, int ilvl,
                          strbuf *out)
{
    if (!nb)
        return;
    if (num_id < 0)
        style_numbering(nb, style_id, &num_id, &ilvl);
    if (ilvl < 0)
        ilvl = 0;
    num *u = num_id > 0 && ilvl < LEVELS ? find_num(nb, num_id) : NULL;
    abstract_num *a = u ? find_abstract(nb, u->abstract_id) : NULL;
    if (!a || a->lvl[ilvl].format == F_NONE)
        return;
    if (u->start_override[ilvl] >= 0 && !u->override_used[ilvl]) {
        u->override_used[ilvl] = true;
        a->started[ilvl] = false;
        a->lvl[ilvl].start = u->start_override[ilvl];
    }
    a->count[ilvl] = a->started[ilvl] ? a->count[ilvl] + 1 : a->lvl[ilvl].start;
    a->started[ilvl] = true;
    for (int k = ilvl + 1; k < LEVELS; k++)
        a->started[k] = false;
    for (const char *p = a->lvl[ilvl].text; *p; p++) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
            int k = p[1] - '1';
            put_number(out, a->started[k] ? a->count[k] : a->lvl[k].start, a->lvl[k].format);
            p++;
        } else {
            strbuf_addc(out, *p);
        }
    }
    if (a->lvl[ilvl].text[0] && a->lvl[ilvl].suffix)
        strbuf_addc(out, a->lvl[ilvl].suffix);
}
