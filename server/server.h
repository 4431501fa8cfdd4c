/*
 * server.h — what the files of xxgk serve share: the server, a request
 * and its response, the HTML writer, sessions and permissions, and one
 * handler per page. The server is a client of the public header xxgk.h
 * only, as the command line is.
 */
#ifndef XXGK_SERVER_H
#define XXGK_SERVER_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parse.h"
#include "xxgk.h"

/* Request bodies: an upload at most this big; any other form less. */
#define SRV_MAX_UPLOAD ((size_t)20 * 1024 * 1024)
#define SRV_MAX_FORM ((size_t)1 * 1024 * 1024)

/* ---- the HTML writer: text is escaped unless written raw -------------- */

typedef struct hbuf {
    char *s;
    size_t len, cap;
    bool failed;
} hbuf;

/* Literal markup, as is. */
void hb_raw(hbuf *b, const char *s);
void hb_rawn(hbuf *b, const char *s, size_t n);
/* Text, escaped for HTML content and attribute values (& < > " '). */
void hb_esc(hbuf *b, const char *s);
void hb_escn(hbuf *b, const char *s, size_t n);
/* Text percent-encoded as a URL component (safe in an attribute). */
void hb_url(hbuf *b, const char *s);
/* A format where %s is escaped text, %S raw markup (trusted literals
 * only), %U a URL component, %d an int, %D an int64_t, %% a percent
 * sign. */
void hb_fmt(hbuf *b, const char *fmt, ...);
/* Text as a JSON string, quotes included. */
void hb_json(hbuf *b, const char *s);
void hb_free(hbuf *b);

/* ---- the server --------------------------------------------------------- */

typedef struct handle {
    xxgk_register *reg;
    xxgk_store *store;        /* the register's */
    struct handle *next;
} handle;

typedef struct srv {
    const char *db;
    int64_t idle;             /* session idle time, seconds */
    int today_override;       /* XXGK_TODAY, as a date (0: the real today) */
    bool secure_cookie;       /* --secure-cookie: behind a TLS proxy */
    pthread_mutex_t lock;
    pthread_cond_t freed;
    handle *free_handles;
    int handles_made, handles_max;
    char tmpdir[256];         /* private directory for files the library
                                 writes by name (summary sheets, rosters) */
} srv;

/* ---- a request and its response ---------------------------------------- */

typedef struct req {
    srv *server;
    struct MHD_Connection *conn;
    const char *method, *path;   /* path without the query string */
    const char *query;           /* after '?', or "" */
    char address[64];            /* the client's address */
    form query_form, body_form;  /* decoded query and body fields */
    bool body_parsed_ok;
    bool wants_json;             /* Accept: application/json */
    handle *h;                   /* a database connection, for this request */
    /* the session, when logged in */
    xxgk_user *user;
    xxgk_session session;
    bool logged_in;
    /* the response */
    int status;
    const char *type;            /* Content-Type */
    hbuf out;
    char location[512];          /* a redirect */
    char disposition[512];       /* Content-Disposition of a download */
    char set_cookie[256];
    char *body;                  /* a binary body (malloc'd), instead of out */
    size_t body_len;
    bool cacheable;              /* static files */
} req;

/* A query or body field ("" when absent: body first, then query). */
const char *arg(const req *r, const char *name);
const char *qarg(const req *r, const char *name);
int arg_int(const req *r, const char *name, int fallback);

/* Responses. */
void respond_redirect(req *r, const char *fmt, ...);
/* An error page (or JSON when asked for) with a Chinese message. */
void respond_error(req *r, int status, const char *message);
void respond_bytes(req *r, const char *type, char *data, size_t len, const char *filename);

/* Page frame: the head, the navigation for the user's role, <main>; and
 * the end. `script` adds the editor's script (the only one). */
void page_begin(req *r, const char *title, bool script);
void page_end(req *r);
/* The hidden CSRF field every form carries. */
void csrf_field(req *r);
/* A notice above the page's content ("ok" or "error" kind). */
void page_notice(req *r, const char *kind, const char *text);

/* ---- sessions and permissions (auth.c) ---------------------------------- */

/* Loads the session named by the request's cookie, if any. */
void auth_load(req *r);
/* Whether a POST carries the session's CSRF token (form field _csrf or
 * header X-CSRF-Token). */
bool auth_csrf_ok(req *r);
/* Requires a login and a permission: false after responding (redirect
 * to the login page, or 403). */
bool need(req *r, xxgk_permission perm);
/* Requires that the user covers `body`: false after a 403. */
bool need_body(req *r, const char *body);
/* Audit of a change by the request's user. */
void audit(req *r, const char *action, const char *object, const char *detail);
/* The login and logout handlers. */
void page_login(req *r);
void page_logout(req *r);
/* Rate limit of failed logins: whether the name or address is locked
 * now; recording a failure; clearing after a success. */
bool login_locked(const char *name, const char *address);
void login_failed(const char *name, const char *address);
void login_succeeded(const char *name, const char *address);

/* The register's today for this server. */
xxgk_date srv_today(const req *r);
/* The year of that day. */
int today_year(const req *r);

/* ---- tables in the official layout (tables.c) ---------------------------- */

/* Per cell id, the findings about it (the first cell a finding names). */
typedef struct cell_notes {
    const xxgk_report *report;
    int *first;   /* per cell id: index of its first finding, -1 */
    int *next;    /* per finding: the next finding of the same cell, -1 */
    size_t nfindings;
} cell_notes;

void cell_notes_build(cell_notes *cn, const xxgk_report *report);
void cell_notes_free(cell_notes *cn);

enum { TABLE_VIEW = 0, TABLE_FORM = 1 };
/* Draws table `section` of the report's format in the official layout:
 * values (VIEW) or inputs named c.<key> (FORM), each finding at its cell
 * with a link to the list. `typed` (FORM, may be NULL) holds, per cell
 * id, text the clerk typed that is not a number, to show it back. */
void draw_table(req *r, const xxgk_report *report, int section, int mode,
                const cell_notes *cn, char **typed);
/* The list of findings with their place and rule. */
void draw_findings(req *r, const xxgk_report *report);
/* The findings as the JSON the editor's script reads. */
void findings_json(hbuf *b, const xxgk_report *report);

/* ---- pages ---------------------------------------------------------------- */

void page_home(req *r);
void page_check(req *r);
void page_rules(req *r);
void page_write(req *r);
void page_write_check(req *r);
void page_write_download(req *r);
void page_cases(req *r);
void page_case(req *r, int64_t id, const char *action);
void page_case_new(req *r);
void page_case_tables(req *r);
void page_desk(req *r);
void page_desk_file(req *r, const char *what);
void page_admin(req *r);
void page_audit(req *r);

/* Static files compiled in (assets.c, generated): the body and type of
 * `name` ("style.css"), or NULL. */
const char *asset_find(const char *name, size_t *len, const char **type);

/* Runs the server until SIGINT/SIGTERM: `xxgk serve`. */
int serve_main(int argc, char **argv);

#endif
