/*
 * split_int.h — what split.c (runs, candidates, recording) and
 * split_search.c (the joint search) share: a run of glued digits, its
 * candidate splits, and the equations the column rules make of them.
 */
#ifndef XXGK_SPLIT_INT_H
#define XXGK_SPLIT_INT_H

#include "split.h"

#define PROSE_ALTS 6       /* kinds of prose figure the search may use */

#define RUN_CELLS 16       /* table 四's 15 cells in one run at most */
#define RUN_CHARS 64       /* significant characters of a run */
#define ROW_EQS 4          /* sum rules within one run */
#define LOCAL_MAX 4096     /* candidate splits kept per run */
#define LIST_MAX 64        /* splits recorded for an ambiguous run */
#define ENUM_BUDGET 400000 /* search nodes for one run's candidates */
#define JOINT_BUDGET 500000 /* search nodes for one component */
#define MEMO_MAX (1u << 16) /* failed states remembered per search */
#define MAX_DIGITS 15      /* per cell: beyond any real count or amount */

typedef struct cand {
    xxgk_decimal v[RUN_CELLS];
    uint8_t start[RUN_CELLS], end[RUN_CELLS]; /* into the run's sig[] */
    bool ok;       /* some solution of the component uses it */
    bool ok_prose; /* … and agrees with the prose */
} cand;

/* How a run's candidates were decided. */
typedef struct outcome {
    bool by_prose, conflict, gave_up;
} outcome;

/* An equation within one run: sum of coef × cell == 0. */
typedef struct row_eq {
    int n, maxcol;
    int col[RUN_CELLS], coef[RUN_CELLS];
} row_eq;

typedef struct run {
    rec_row *rr;
    const tpl_table *t;
    int row;              /* row index; -1 for table 四's flat row */
    const char *text;     /* the run as printed, in the report text */
    size_t len;
    span at;
    int k;                /* cells */
    int cells[RUN_CELLS];
    int unit[RUN_CELLS];
    char sig[RUN_CHARS];  /* digits, '-' and '.' without white space */
    uint8_t off[RUN_CHARS]; /* byte offset of each in text */
    bool spaced[RUN_CHARS]; /* white space before it */
    int nsig;
    int hard_from[RUN_CHARS + 1]; /* forced cell starts at or after i */
    size_t suffix;        /* bytes of a closing 元/万元 */
    row_eq eq[ROW_EQS];
    int neq;
    cand *c;
    size_t nc, cap;
    bool overflow;        /* the enumeration gave up */
    int comp;
    size_t *dom, ndom;    /* candidates in play */
    size_t pick;          /* during the search */
    int *links, nlinks;   /* equations it appears in */
    int64_t **lc;         /* per link: its part of the equation, per candidate */
    int64_t *llo, *lhi;   /* per link: that part's range over dom */
    bool in_prose;        /* a figure of the prose involves it */
    bool joint;           /* dom holds what the joint search left */
    bool forced;          /* the cells' syntax allows one split only:
                             placed before the search, whatever the sums */
    bool placed;
    outcome o;
} run;

typedef struct term {
    int run, col, coef;
} term;

typedef struct eqn {
    term *t;
    int nt;
    int64_t k;            /* the placed cells' part */
    int64_t partial, lo, hi; /* during the search */
} eqn;

/* A figure of the prose: one of up to two equations must hold. */
typedef struct alt {
    eqn e[2];
    int n;
} alt;

typedef struct solver {
    xxgk_report *r;
    int mask[5];   /* format mask per table (section 2 … 4) */
    run *runs;
    int nruns;
    int *owner, *owner_col; /* cell id → run and column, -1 */
    eqn *eqs;
    int neqs, eqcap;
    alt alts[PROSE_ALTS];
    int nalts;
    bool failed;
} solver;

/* Links runs by the equations and prose figures they share, and gives
 * each run its part in each equation (split_search.c). */
void split_components(solver *s);

/* Searches one component: each run's candidates that some solution of
 * all the component's equations (then the prose) uses (split_search.c). */
void split_solve_component(solver *s, int comp);

#endif
