/*
 * store_import.c — `xxgk db import`: finding the files, reading and
 * parsing them in parallel, storing them one transaction each.
 *
 * Worker threads read, hash, parse (and check) files; the calling thread
 * alone owns the SQLite connection and stores results strictly in the
 * order the files were found, so report ids do not depend on thread
 * timing. Workers may run at most WINDOW files ahead of the writer: a
 * file's work lives in one of WINDOW slots, reused once the writer is
 * done with it, so the memory held does not grow with the number of
 * files (what does: the names found, kept in one pool).
 *
 * The writer stores up to BATCH reports, or what a quarter of a second
 * brings, in one transaction, each report in a savepoint of its own: a
 * commit writes every page the transaction changed, and reports stored
 * one after another change many of the same pages. A killed import loses
 * at most the batch in flight, never part of a report; the files of a
 * batch are announced (on_file) once it is committed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "input.h"
#include "sentences.h"
#include "store.h"
#include "store_sha256.h"
#include "store_write.h"

#define WINDOW 64
#define BATCH 48            /* at most this many reports a transaction */
#define BATCH_SECONDS 0.25  /* nor more than this much work */
_Static_assert(BATCH <= WINDOW, "the workers must be able to fill a batch");

/* A file found: its names as offsets into the list's pool. */
typedef struct file_entry {
    size_t path;         /* as found (for messages) */
    size_t canon;        /* canonical: absolute, links resolved (stored) */
} file_entry;

/* The work on one file: a slot of the window, filled by a worker. */
typedef struct job {
    size_t file;         /* which file (index into the list) */
    const char *path, *canon;
    bool ready;          /* a worker has filled the result */
    bool known;          /* its hash is already stored: not parsed */
    bool checked;
    char sha[65];
    size_t size;
    xxgk_report *report; /* NULL when failed or known */
    uint64_t *sentences; /* its hashed sentences (sentences.h) */
    size_t nsentences;
    bool hashed;         /* sentences made (out of memory: not stored) */
    xxgk_error err;      /* err.status != OK when failed */
} job;

typedef struct file_list {
    file_entry *v;
    size_t n, cap;
    char *pool;          /* every name, NUL-terminated, one after another */
    size_t used, room;
    xxgk_import_skip_fn on_skip; /* told of what the walk passes over; may be NULL */
    void *skip_ctx;
} file_list;

/* Content hashes already in the store, sorted, for workers to skip
 * unchanged files without parsing them. Read-only once workers run.
 * Reports stored without their sentences (before schema version 2) are
 * left out, so that their files are read once more to add them. */
typedef struct hash_set {
    uint8_t (*v)[32];
    size_t n;
} hash_set;

typedef struct pipeline {
    const file_list *files;
    job slots[WINDOW]; /* file i's work is in slots[i % WINDOW] */
    size_t njobs;      /* files */
    size_t next;       /* next file a worker takes */
    size_t written;    /* files the writer is done with (slots free again) */
    bool stop;       /* the writer failed: take no more jobs */
    bool check;
    hash_set known;
    pthread_mutex_t mu;
    pthread_cond_t job_done, slot_free;
} pipeline;

/* ---- finding the files --------------------------------------------- */

/* Copies a name into the list's pool; its offset, or (size_t)-1. */
static size_t pool_add(file_list *l, const char *name)
{
    size_t len = strlen(name) + 1;
    if (l->used + len > l->room) {
        size_t room = l->room ? l->room * 2 : 16384;
        while (room < l->used + len)
            room *= 2;
        char *pool = realloc(l->pool, room);
        if (!pool)
            return (size_t)-1;
        l->pool = pool;
        l->room = room;
    }
    memcpy(l->pool + l->used, name, len);
    l->used += len;
    return l->used - len;
}

/* Adds a file: `path` as found, `canon` its canonical form (NULL: the
 * same as path). */
static bool add_file(file_list *l, const char *path, const char *canon)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        file_entry *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return false;
        l->v = v;
        l->cap = cap;
    }
    file_entry *f = &l->v[l->n];
    f->path = pool_add(l, path);
    f->canon = !canon || !strcmp(canon, path) ? f->path : pool_add(l, canon);
    if (f->path == (size_t)-1 || f->canon == (size_t)-1)
        return false;
    l->n++;
    return true;
}

/* dir + "/" + name, malloc'd. */
static char *join(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *path = malloc(len);
    if (path)
        snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    return path;
}

/* Files in directories are taken by their extension: a folder of reports
 * often holds other things too (manifests, images, notes). */
static bool report_like(const char *name)
{
    static const char *const ext[] = {".txt", ".md",  ".htm", ".html", ".xhtml", ".shtml",
                                      ".docx", ".pdf", ".doc", ".wps",  NULL};
    const char *dot = strrchr(name, '.');
    if (!dot)
        return false;
    for (int i = 0; ext[i]; i++)
        if (strcasecmp(dot, ext[i]) == 0)
            return true;
    return false;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void skip(file_list *l, const char *dir, const char *name, xxgk_import_skip why)
{
    if (!l->on_skip)
        return;
    char *path = join(dir, name);
    l->on_skip(l->skip_ctx, path ? path : name, why);
    free(path);
}

/* Why an entry of a directory is not taken, or XXGK_SKIP_NONE when it is
 * a report file to add. lst is the entry itself, st what it leads to. A
 * directory gives XXGK_SKIP_TOO_DEEP: walk() goes into it unless it is
 * deeper than that. */
static xxgk_import_skip skip_reason(const char *name, const struct stat *lst, bool followed,
                                    const struct stat *st)
{
    if (name[0] == '.')
        return XXGK_SKIP_HIDDEN;
    if (S_ISLNK(lst->st_mode) && !followed)
        return XXGK_SKIP_DANGLING;
    if (S_ISDIR(st->st_mode))
        return S_ISLNK(lst->st_mode) ? XXGK_SKIP_LINKED_DIR : XXGK_SKIP_TOO_DEEP;
    if (!S_ISREG(st->st_mode))
        return XXGK_SKIP_NOT_REGULAR;
    return report_like(name) ? XXGK_SKIP_NONE : XXGK_SKIP_EXTENSION;
}

/* Adds the report files under dir (canonical form `canon`), in name
 * order, recursively; tells on_skip of every entry passed over and why.
 * Symbolic links to directories are not followed (no cycles); the
 * canonical names of the files found are the directory's joined with
 * theirs, which spares resolving every file's path again. */
static bool walk(file_list *l, const char *dir, const char *canon, int depth)
{
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, by_name);
    if (n < 0)
        return add_file(l, dir, canon); /* reported as unreadable by its worker */
    bool ok = true;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (!ok || !strcmp(name, ".") || !strcmp(name, "..")) {
            free(names[i]);
            continue;
        }
        char *path = join(dir, name);
        char *cpath = path ? join(canon, name) : NULL;
        struct stat lst = {0}, st = {0};
        char target[PATH_MAX];
        bool seen = path && lstat(path, &lst) == 0;
        bool followed = seen && stat(path, &st) == 0;
        bool is_link = seen && S_ISLNK(lst.st_mode);
        xxgk_import_skip why = seen ? skip_reason(name, &lst, followed, &st) : XXGK_SKIP_DANGLING;
        if (!path || !cpath)
            ok = false;
        else if (why == XXGK_SKIP_TOO_DEEP && depth < 64)
            ok = walk(l, path, cpath, depth + 1);
        else if (why == XXGK_SKIP_NONE)
            ok = add_file(l, path, is_link && realpath(path, target) ? target : cpath);
        else
            skip(l, dir, name, why);
        free(path);
        free(cpath);
        free(names[i]);
    }
    free(names);
    return ok;
}

static bool collect(file_list *l, const char *const *paths, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        char canon[PATH_MAX];
        const char *c = realpath(paths[i], canon) ? canon : paths[i];
        bool ok = stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode) ? walk(l, paths[i], c, 0)
                                                                   : add_file(l, paths[i], c);
        if (!ok)
            return false;
    }
    return true;
}

/* ---- known hashes --------------------------------------------------- */

static int cmp_hash(const void *a, const void *b)
{
    return memcmp(a, b, 32);
}

static int hex_value(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static bool load_known(xxgk_store *s, hash_set *h)
{
    sqlite3_stmt *st;
    size_t cap = 0;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT sha256 FROM report WHERE id IN"
                           " (SELECT report_id FROM sentence_set)",
                           -1, &st, NULL) != SQLITE_OK)
        return false;
    bool ok = true;
    while (ok && sqlite3_step(st) == SQLITE_ROW) {
        const char *hex = (const char *)sqlite3_column_text(st, 0);
        if (!hex || strlen(hex) != 64)
            continue;
        if (h->n == cap) {
            cap = cap ? cap * 2 : 1024;
            void *v = realloc(h->v, cap * 32);
            if (!v) {
                ok = false;
                break;
            }
            h->v = v;
        }
        for (int i = 0; i < 32; i++)
            h->v[h->n][i] = (uint8_t)(hex_value(hex[2 * i]) << 4 | hex_value(hex[2 * i + 1]));
        h->n++;
    }
    sqlite3_finalize(st);
    if (h->n)
        qsort(h->v, h->n, 32, cmp_hash);
    return ok;
}

/* ---- the workers ---------------------------------------------------- */

/* Reads the whole file; a clear message on failure. Opened without
 * blocking (a FIFO with no writer would stop the worker, and with it the
 * import); only regular files are read. */
static char *read_all(const char *path, size_t *size, xxgk_error *err)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    struct stat st;
    if (!f) {
        error_set(err, XXGK_E_IO, "无法打开：%s", sys_error_text(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(f);
        error_set(err, XXGK_E_IO, "不是普通文件（%s），不导入",
                  S_ISFIFO(st.st_mode)  ? "命名管道"
                  : S_ISDIR(st.st_mode) ? "目录"
                  : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "设备"
                                                               : "特殊文件");
        return NULL;
    }
    if ((uint64_t)st.st_size > XXGK_MAX_INPUT) {
        fclose(f);
        error_set(err, XXGK_E_TOO_LARGE, "文件过大（%lld 字节，上限 %zu 字节）",
                  (long long)st.st_size, (size_t)XXGK_MAX_INPUT);
        return NULL;
    }
    size_t want = (size_t)st.st_size;
    char *data = malloc(want ? want : 1);
    size_t got = data ? fread(data, 1, want, f) : 0;
    int e = ferror(f) ? errno : 0;
    fclose(f);
    if (!data || got != want) {
        free(data);
        error_set(err, data ? XXGK_E_IO : XXGK_E_NOMEM, "%s",
                  data ? (e ? sys_error_text(e) : "读取不完整") : "内存不足");
        return NULL;
    }
    *size = want;
    return data;
}

static void run_job(pipeline *p, job *j)
{
    size_t size = 0;
    char *data = read_all(j->path, &size, &j->err);
    if (!data)
        return;
    uint8_t digest[32];
    sha256(data, size, digest);
    sha256_hex(digest, j->sha);
    j->size = size;
    if (p->known.n && bsearch(digest, p->known.v, p->known.n, 32, cmp_hash)) {
        j->known = true;
    } else if (xxgk_report_parse(data, size, j->path, &j->report, &j->err) == XXGK_OK) {
        /* The rules across years need the body's other reports: the
         * writer applies them on the stored ones (store_years.c). */
        if (p->check)
            j->checked = xxgk_report_check(j->report, NULL) == XXGK_OK;
        j->hashed = sentences_hash(j->report, &j->sentences, &j->nsentences) == 0;
    }
    free(data);
}

/* Empties a slot for file i. */
static void slot_take(pipeline *p, job *j, size_t i)
{
    memset(j, 0, sizeof *j);
    j->file = i;
    j->path = p->files->pool + p->files->v[i].path;
    j->canon = p->files->pool + p->files->v[i].canon;
}

static void *worker(void *arg)
{
    pipeline *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->next < p->njobs && p->next >= p->written + WINDOW)
            pthread_cond_wait(&p->slot_free, &p->mu);
        if (p->stop || p->next >= p->njobs)
            break;
        size_t i = p->next++;
        job *j = &p->slots[i % WINDOW];
        slot_take(p, j, i);
        pthread_mutex_unlock(&p->mu);
        run_job(p, j);
        pthread_mutex_lock(&p->mu);
        j->ready = true;
        pthread_cond_broadcast(&p->job_done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* ---- the writer ----------------------------------------------------- */

/* Stores one finished job; fills the event. Fails only on a database
 * error. */
static xxgk_status store_job(store_writer *w, job *j, bool check, xxgk_import_event *ev,
                             xxgk_import_summary *sum, xxgk_error *err)
{
    ev->path = j->path;
    ev->report_id = 0;
    ev->error = NULL;
    if (j->err.status != XXGK_OK) {
        ev->outcome = XXGK_IMPORT_FAILED;
        ev->error = &j->err;
        sum->failed++;
        return XXGK_OK;
    }
    const char *path = j->canon; /* the same file named two ways is one path */
    bool current = false, changed = false;
    int errors = -1;
    store_sentences sent = {j->sentences, j->nsentences};
    if (store_writer_lookup(w, j->sha, &ev->report_id, &current, &errors)) {
        xxgk_status st = store_writer_adopt(w, ev->report_id, current, path, &changed, err);
        if (st == XXGK_OK && j->report && j->hashed)
            st = store_writer_fill_sentences(w, ev->report_id, j->report->meta.year, &sent, err);
        ev->outcome = changed ? XXGK_IMPORT_VERSION : XXGK_IMPORT_UNCHANGED;
        *(changed ? &sum->versions : &sum->unchanged) += 1;
        /* A file with errors has them whether or not it was stored before:
         * the import's exit status must not depend on the store. */
        if (check && errors > 0)
            sum->with_errors++;
        return st;
    }
    if (!j->report && /* known to the workers but gone since: parse it here */
        xxgk_report_read_file(j->path, &j->report, &j->err) == XXGK_OK) {
        if (check)
            j->checked = xxgk_report_check(j->report, NULL) == XXGK_OK;
        j->hashed = sentences_hash(j->report, &j->sentences, &j->nsentences) == 0;
        sent = (store_sentences){j->sentences, j->nsentences};
    }
    if (!j->report) {
        ev->outcome = XXGK_IMPORT_FAILED;
        ev->error = &j->err;
        sum->failed++;
        return XXGK_OK;
    }
    bool versioned = false;
    xxgk_status st = store_writer_put(w, path, j->sha, j->size, j->report, j->checked,
                                      j->hashed ? &sent : NULL, &ev->report_id, &versioned,
                                      err);
    if (st != XXGK_OK)
        return st;
    ev->outcome = versioned ? XXGK_IMPORT_VERSION : XXGK_IMPORT_NEW;
    *(versioned ? &sum->versions : &sum->added) += 1;
    if (j->checked && store_writer_errors(w, ev->report_id) > 0)
        sum->with_errors++;
    return XXGK_OK;
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Commits the batch, then announces its files and frees their slots
 * (files `from` … `to` − 1). A failed commit stores none of them and
 * announces none. */
static xxgk_status end_batch(pipeline *p, store_writer *w, const xxgk_import_options *opt,
                             xxgk_import_event *events, size_t from, size_t to,
                             xxgk_status st, xxgk_error *err)
{
    /* after a failed report the batch's earlier ones are still kept */
    xxgk_error local;
    xxgk_status cst = store_writer_commit(w, st == XXGK_OK ? err : &local);
    if (st == XXGK_OK)
        st = cst;
    for (size_t i = from; i < to && cst == XXGK_OK; i++)
        if (opt && opt->on_file && events[i - from].path)
            opt->on_file(opt->ctx, &events[i - from]);
    pthread_mutex_lock(&p->mu);
    p->written = to;
    if (st != XXGK_OK)
        p->stop = true;
    pthread_cond_broadcast(&p->slot_free);
    pthread_mutex_unlock(&p->mu);
    return st;
}

static xxgk_status write_all(pipeline *p, store_writer *w, const xxgk_import_options *opt,
                             xxgk_import_summary *sum, xxgk_error *err)
{
    xxgk_status st = XXGK_OK;
    xxgk_import_event events[BATCH];
    size_t first = 0; /* the batch's first file */
    double started = seconds_now();
    store_writer_batch(w);
    for (size_t i = 0; i < p->njobs && st == XXGK_OK; i++) {
        job *j = &p->slots[i % WINDOW];
        pthread_mutex_lock(&p->mu);
        while (!j->ready || j->file != i) {
            if (first == i) {
                pthread_cond_wait(&p->job_done, &p->mu);
                continue;
            }
            /* A batch is open: the store stays locked for other writers
             * while it is, so it waits for the next file only until the
             * batch's time is up, and is committed then. */
            double left = started + BATCH_SECONDS - seconds_now();
            struct timespec until;
            clock_gettime(CLOCK_MONOTONIC, &until);
            if (left > 0) {
                long ns = until.tv_nsec + (long)(left * 1e9);
                until.tv_sec += ns / 1000000000L;
                until.tv_nsec = ns % 1000000000L;
            }
            if (left > 0 && pthread_cond_timedwait(&p->job_done, &p->mu, &until) != ETIMEDOUT)
                continue;
            if (j->ready && j->file == i)
                break;
            pthread_mutex_unlock(&p->mu);
            st = end_batch(p, w, opt, events, first, i, st, err);
            first = i;
            started = seconds_now();
            pthread_mutex_lock(&p->mu);
            if (st != XXGK_OK)
                break;
        }
        pthread_mutex_unlock(&p->mu);
        if (st != XXGK_OK)
            break;
        xxgk_import_event *ev = &events[i - first];
        memset(ev, 0, sizeof *ev);
        st = store_job(w, j, p->check, ev, sum, err);
        ev->done = i + 1;
        ev->total = p->njobs;
        if (st != XXGK_OK)
            ev->path = NULL; /* not announced */
        xxgk_report_free(j->report);
        j->report = NULL;
        free(j->sentences);
        j->sentences = NULL;
        if (st != XXGK_OK || i + 1 - first == BATCH || i + 1 == p->njobs ||
            seconds_now() - started >= BATCH_SECONDS) {
            st = end_batch(p, w, opt, events, first, i + 1, st, err);
            first = i + 1;
            started = seconds_now();
        }
    }
    return st;
}

static int thread_count(const xxgk_import_options *opt, size_t njobs)
{
    long n = opt && opt->threads > 0 ? opt->threads : sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        n = 1;
    if (n > 64)
        n = 64;
    if ((size_t)n > njobs)
        n = (long)(njobs ? njobs : 1);
    return (int)n;
}

/* SQLite's page cache while importing: what an import writes goes to the
 * ends of its tables, and the indexes it looks up (hash, path, body) are
 * read from the file system's cache when not here. So it need not grow
 * with the store to the 64 MB other commands keep (store.c), and the
 * import's memory stays flat however many files it reads. */
#define IMPORT_CACHE_KB 8192

static xxgk_status run_pipeline(xxgk_store *s, pipeline *p, const xxgk_import_options *opt,
                                xxgk_import_summary *sum, xxgk_error *err)
{
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size=-%d", IMPORT_CACHE_KB);
    store_exec(s, pragma);
    store_writer w;
    xxgk_status st = store_writer_init(&w, s, err);
    if (st != XXGK_OK)
        return st;
    int n = thread_count(opt, p->njobs);
    pthread_t threads[64];
    int started = 0;
    while (started < n && pthread_create(&threads[started], NULL, worker, p) == 0)
        started++;
    if (started == 0) {
        store_writer_free(&w);
        return error_set(err, XXGK_E_NOMEM, "无法创建线程");
    }
    st = write_all(p, &w, opt, sum, err);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    /* Table statistics for the query planner, now that there is data. */
    store_exec(s, "PRAGMA optimize");
    store_writer_free(&w);
    store_exec(s, "PRAGMA cache_size=-65536");
    return st;
}

xxgk_status xxgk_store_import(xxgk_store *s, const char *const *paths, size_t npaths,
                              const xxgk_import_options *opt, xxgk_import_summary *summary,
                              xxgk_error *err)
{
    return xxgk_store_import_skipping(s, paths, npaths, opt, NULL, NULL, summary, err);
}

const char *xxgk_import_skip_text(xxgk_import_skip why)
{
    switch (why) {
    case XXGK_SKIP_NONE: return "";
    case XXGK_SKIP_HIDDEN: return "隐藏文件";
    case XXGK_SKIP_EXTENSION: return "扩展名不是报告文件的扩展名";
    case XXGK_SKIP_NOT_REGULAR: return "不是普通文件（命名管道、设备或套接字）";
    case XXGK_SKIP_LINKED_DIR: return "指向目录的符号链接，不跟随（以免循环）";
    case XXGK_SKIP_DANGLING: return "符号链接指向的文件不存在或无法访问";
    case XXGK_SKIP_TOO_DEEP: return "目录层次超过 64 层";
    }
    return "";
}

xxgk_status xxgk_store_import_skipping(xxgk_store *s, const char *const *paths, size_t npaths,
                                       const xxgk_import_options *opt,
                                       xxgk_import_skip_fn on_skip, void *skip_ctx,
                                       xxgk_import_summary *summary, xxgk_error *err)
{
    xxgk_import_summary sum = {0};
    if (summary)
        *summary = sum;
    if (!s || (!paths && npaths))
        return error_set(err, XXGK_E_USAGE, "参数错误");
    file_list files = {0};
    files.on_skip = on_skip;
    files.skip_ctx = skip_ctx;
    pipeline p = {0};
    xxgk_status st = XXGK_OK;
    if (!collect(&files, paths, npaths) || !load_known(s, &p.known))
        st = error_set(err, XXGK_E_NOMEM, "内存不足");
    p.files = &files;
    p.njobs = files.n;
    p.check = opt && opt->check;
    sum.files = files.n;
    pthread_mutex_init(&p.mu, NULL);
    pthread_condattr_t monotonic; /* the writer's waits are timed on it */
    pthread_condattr_init(&monotonic);
    pthread_condattr_setclock(&monotonic, CLOCK_MONOTONIC);
    pthread_cond_init(&p.job_done, &monotonic);
    pthread_condattr_destroy(&monotonic);
    pthread_cond_init(&p.slot_free, NULL);
    if (st == XXGK_OK && files.n)
        st = run_pipeline(s, &p, opt, &sum, err);
    pthread_cond_destroy(&p.slot_free);
    pthread_cond_destroy(&p.job_done);
    pthread_mutex_destroy(&p.mu);
    for (size_t i = 0; i < WINDOW; i++) { /* work left by an import stopped early */
        xxgk_report_free(p.slots[i].report);
        free(p.slots[i].sentences);
    }
    free(files.v);
    free(files.pool);
    free(p.known.v);
    if (summary)
        *summary = sum;
    return st;
}
