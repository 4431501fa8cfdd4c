/*
 * svg.c — bar charts written as SVG by hand: a title, a subtitle, a
 * value axis with round ticks, one bar per item with its value printed
 * beside it. Chinese labels need a CJK font: the font-family list names
 * the common ones on Linux, Windows and macOS before the generic
 * sans-serif. Text widths are estimated (a CJK character is one em wide,
 * others about half), which is all the layout needs.
 */
#include "svg.h"

#include <string.h>

#include "utf8.h"

#define FONT                                                                                   \
    "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','Microsoft YaHei',"       \
    "'PingFang SC',sans-serif"
#define BAR_COLOR "#4e79a7"
#define MAX_LABEL_EM 26.0 /* longer labels are cut with an ellipsis */

static void escaped(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        switch (s[i]) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(s[i], out);
        }
    }
}

/* Width of s in ems; *cut receives the byte length that fits max_em. */
static double text_em(const char *s, double max_em, size_t *cut)
{
    double em = 0;
    size_t i = 0, len = strlen(s);
    *cut = len;
    while (i < len) {
        size_t at = i;
        int32_t cp = utf8_next(s, len, &i);
        double w = cp >= 0x2E80 ? 1.0 : 0.6;
        if (em + w > max_em) {
            *cut = at;
            return em;
        }
        em += w;
    }
    return em;
}

/* A label, cut with "…" when too long. */
static void label_text(FILE *out, const char *s)
{
    size_t cut;
    text_em(s, MAX_LABEL_EM, &cut);
    escaped(out, s, cut);
    if (cut < strlen(s))
        fputs("…", out);
}

/* A round step for about `ticks` intervals up to max: 1, 2 or 5 × 10^k
 * (no smaller than 1: the values are counts). */
static double nice_step(double max, int ticks)
{
    double raw = max / ticks, p = 1;
    while (p * 10 <= raw)
        p *= 10;
    double f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/* The smallest multiple of step that is ≥ max. */
static double round_up(double max, double step)
{
    double k = (double)(long long)(max / step);
    return k * step < max ? (k + 1) * step : k * step;
}

static void number_text(FILE *out, double v)
{
    if (v == (double)(long long)v)
        fprintf(out, "%lld", (long long)v);
    else
        fprintf(out, "%.2f", v);
}

static void header(FILE *out, int width, int height, const char *title, const char *subtitle)
{
    fprintf(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            "viewBox=\"0 0 %d %d\" font-family=\"%s\" font-size=\"14\">\n"
            "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
            width, height, width, height, FONT);
    fputs("<text x=\"20\" y=\"32\" font-size=\"20\" font-weight=\"bold\" fill=\"#222\">", out);
    escaped(out, title, strlen(title));
    fputs("</text>\n", out);
    if (subtitle) {
        fputs("<text x=\"20\" y=\"54\" font-size=\"13\" fill=\"#666\">", out);
        escaped(out, subtitle, strlen(subtitle));
        fputs("</text>\n", out);
    }
}

static double max_value(const svg_bar *bars, size_t n)
{
    double m = 0;
    for (size_t i = 0; i < n; i++)
        if (bars[i].value > m)
            m = bars[i].value;
    return m > 0 ? m : 1;
}

static int finish(FILE *out, size_t n, int width, int y)
{
    if (n == 0)
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#999\">没有数据"
                     "</text>\n", width / 2, y);
    fputs("</svg>\n", out);
    return ferror(out) ? -1 : 0;
}

int svg_hbar_chart(FILE *out, const char *title, const char *subtitle, const svg_bar *bars,
                   size_t n)
{
    const int row = 26, top = 76, width = 960;
    double label_em = 4;
    for (size_t i = 0; i < n; i++) {
        size_t cut;
        double em = text_em(bars[i].label, MAX_LABEL_EM, &cut) + (cut < strlen(bars[i].label));
        if (em > label_em)
            label_em = em;
    }
    int x0 = 20 + (int)(label_em * 14) + 12, x1 = width - 90;
    int height = top + (int)(n ? n : 1) * row + 40;
    double max = max_value(bars, n), step = nice_step(max, 5);
    double scale_max = round_up(max, step);
    header(out, width, height, title, subtitle);
    int axis_y = top + (int)n * row + 4;
    for (double t = 0; n && t <= scale_max + step / 2; t += step) {
        double x = x0 + (x1 - x0) * t / scale_max;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e5e5e5\"/>\n",
                x, top - 6, x, axis_y);
        fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#666\" "
                     "text-anchor=\"middle\">", x, axis_y + 16);
        number_text(out, t);
        fputs("</text>\n", out);
    }
    for (size_t i = 0; i < n; i++) {
        int y = top + (int)i * row;
        double w = (x1 - x0) * bars[i].value / scale_max;
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#333\">", x0 - 10,
                y + 14);
        label_text(out, bars[i].label);
        fprintf(out, "</text>\n<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" "
                     "fill=\"%s\"/>\n", x0, y, w, bars[i].color ? bars[i].color : BAR_COLOR);
        fprintf(out, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#333\">", x0 + w + 6,
                y + 14);
        number_text(out, bars[i].value);
        fputs("</text>\n", out);
    }
    return finish(out, n, width, top + 20);
}

int svg_vbar_chart(FILE *out, const char *title, const char *subtitle, const svg_bar *bars,
                   size_t n)
{
    const int left = 80, top = 80, plot_h = 260, slot = 72;
    int width = left + (int)(n ? n : 4) * slot + 30;
    if (width < 560)
        width = 560;
    int height = top + plot_h + 50, base = top + plot_h;
    double max = max_value(bars, n), step = nice_step(max, 5);
    double scale_max = round_up(max, step);
    int plot_w = width - left - 30;
    double bar_slot = n ? (double)plot_w / (double)n : plot_w;
    header(out, width, height, title, subtitle);
    for (double t = 0; n && t <= scale_max + step / 2; t += step) {
        double y = base - plot_h * t / scale_max;
        fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>\n",
                left, y, width - 30, y);
        fprintf(out, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" fill=\"#666\" "
                     "text-anchor=\"end\">", left - 8, y + 4);
        number_text(out, t);
        fputs("</text>\n", out);
    }
    for (size_t i = 0; i < n; i++) {
        double h = plot_h * bars[i].value / scale_max;
        double x = left + bar_slot * (double)i + bar_slot * 0.15, w = bar_slot * 0.7;
        fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
                x, base - h, w, h, bars[i].color ? bars[i].color : BAR_COLOR);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#333\" "
                     "text-anchor=\"middle\">", x + w / 2, base - h - 6);
        number_text(out, bars[i].value);
        fprintf(out, "</text>\n<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">",
                x + w / 2, base + 22);
        label_text(out, bars[i].label);
        fputs("</text>\n", out);
    }
    fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n", left, base,
            width - 30, base);
    return finish(out, n, width, top + plot_h / 2);
}
