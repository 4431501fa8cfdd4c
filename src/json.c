/*
 * json.c — streaming JSON writer (see json.h).
 *
 * Strings are written as UTF-8, escaped per RFC 8259. Text inside a
 * report is valid UTF-8 by the time it gets here (input.c), but a file
 * name is whatever bytes the file system holds: a byte that does not
 * belong to a valid UTF-8 sequence is written as U+FFFD, so the output is
 * always valid JSON in valid UTF-8 (docs/model.md).
 */
#include "json.h"

#include <string.h>

#include "utf8.h"

void jw_init(jw_writer *w, FILE *out, bool pretty)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->pretty = pretty;
    w->first[0] = true;
}

static void newline(jw_writer *w)
{
    if (!w->pretty)
        return;
    fputc('\n', w->out);
    for (int i = 0; i < w->depth; i++)
        fputs("  ", w->out);
}

/* Before a key, or a value that has no key (array item, top level): a
 * comma unless it is the first in its container. */
static void item_start(jw_writer *w)
{
    if (!w->first[w->depth])
        fputc(',', w->out);
    w->first[w->depth] = false;
    if (w->depth > 0)
        newline(w);
}

static void value_start(jw_writer *w)
{
    if (w->after_key)
        w->after_key = false;
    else
        item_start(w);
}

static void open_container(jw_writer *w, char c)
{
    value_start(w);
    fputc(c, w->out);
    if (w->depth < 31)
        w->depth++;
    w->first[w->depth] = true;
}

static void close_container(jw_writer *w, char c)
{
    bool empty = w->first[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (!empty)
        newline(w);
    fputc(c, w->out);
}

void jw_begin_object(jw_writer *w) { open_container(w, '{'); }
void jw_end_object(jw_writer *w) { close_container(w, '}'); }
void jw_begin_array(jw_writer *w) { open_container(w, '['); }
void jw_end_array(jw_writer *w) { close_container(w, ']'); }

/* A JSON string: the runs of characters that need no escape written as
 * they are, in one call each (a report's JSON is mostly such runs). */
static void write_string(FILE *o, const char *s, size_t n)
{
    fputc('"', o);
    size_t run = 0; /* start of the run not yet written */
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++;
            continue;
        }
        if (c >= 0x80) {
            size_t at = i;
            if (utf8_next(s, n, &at) >= 0) {
                i = at;
                continue;
            }
        }
        fwrite(s + run, 1, i - run, o);
        switch (c) {
        case '"': fputs("\\\"", o); break;
        case '\\': fputs("\\\\", o); break;
        case '\n': fputs("\\n", o); break;
        case '\r': fputs("\\r", o); break;
        case '\t': fputs("\\t", o); break;
        default:
            if (c < 0x20)
                fprintf(o, "\\u%04x", c);
            else
                fputs("\xEF\xBF\xBD", o); /* U+FFFD for the one invalid byte */
        }
        i++;
        run = i;
    }
    fwrite(s + run, 1, n - run, o);
    fputc('"', o);
}

void jw_key(jw_writer *w, const char *key)
{
    item_start(w);
    write_string(w->out, key, strlen(key));
    fputc(':', w->out);
    if (w->pretty)
        fputc(' ', w->out);
    w->after_key = true;
}

void jw_string_n(jw_writer *w, const char *s, size_t n)
{
    value_start(w);
    write_string(w->out, s, n);
}

void jw_string(jw_writer *w, const char *s)
{
    if (!s) {
        jw_null(w);
        return;
    }
    jw_string_n(w, s, strlen(s));
}

void jw_int(jw_writer *w, long long v)
{
    value_start(w);
    /* digits by hand: printf's parsing of its format was a tenth of
     * writing a report's JSON */
    char buf[24];
    size_t k = sizeof buf;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        buf[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        buf[--k] = '-';
    fwrite(buf + k, 1, sizeof buf - k, w->out);
}

void jw_decimal(jw_writer *w, xxgk_decimal d)
{
    char buf[48];
    value_start(w);
    fputs(xxgk_decimal_format(d, buf, sizeof buf), w->out);
}

void jw_bool(jw_writer *w, bool v)
{
    value_start(w);
    fputs(v ? "true" : "false", w->out);
}

void jw_null(jw_writer *w)
{
    value_start(w);
    fputs("null", w->out);
}
