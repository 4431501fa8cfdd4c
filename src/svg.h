/*
 * svg.h — bar charts as standalone SVG documents (svg.c), for the
 * store's charts (store_chart.c).
 */
#ifndef XXGK_SVG_H
#define XXGK_SVG_H

#include <stddef.h>
#include <stdio.h>

typedef struct svg_bar {
    const char *label;  /* UTF-8, escaped on output */
    double value;       /* ≥ 0 */
    const char *color;  /* "#rrggbb", or NULL for the default */
} svg_bar;

/* Horizontal bars, labels on the left: for long Chinese labels (rules,
 * outcomes, bodies). Returns 0, or -1 when writing failed. */
int svg_hbar_chart(FILE *out, const char *title, const char *subtitle, const svg_bar *bars,
                   size_t n);

/* Vertical bars with the labels underneath: for a series over years. */
int svg_vbar_chart(FILE *out, const char *title, const char *subtitle, const svg_bar *bars,
                   size_t n);

#endif
