/*
 * index.h — the one compiled index: everything derived from the template
 * data (the cell registry, grids, equations and orders; the label index;
 * the heading forms and group labels; the crawler's word list; the rule
 * catalogue) is built once, on first use, in one step.
 */
#ifndef XXGK_INDEX_H
#define XXGK_INDEX_H

/* Builds the index unless it is built (thread-safe; a no-op while it is
 * being built, so that the builders below may use the accessors). */
void index_ensure(void);

/* The builders, in the order index_ensure runs them. */
void tpl_compile(void);       /* template.c */
void label_compile(void);     /* label.c */
void recognise_compile(void); /* recognise.c */
void crawl_compile(void);     /* read_crawl.c */
void rules_compile(void);     /* rules.c */

#endif
