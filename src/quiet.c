/*
 * quiet.c — descriptor 2 captured while a chatty library works (see
 * quiet.h).
 */
#include "quiet.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

void quiet_begin(quiet_stderr *q)
{
    fflush(stderr);
    q->capture = tmpfile();
    if (!q->capture) /* no room for a capture file: the lines are dropped */
        q->capture = fopen("/dev/null", "w+");
    q->saved = q->capture ? dup(2) : -1;
    if (q->saved >= 0 && dup2(fileno(q->capture), 2) < 0) {
        close(q->saved);
        q->saved = -1;
    }
    if (q->saved < 0 && q->capture) {
        fclose(q->capture);
        q->capture = NULL;
    }
}

/* The text after the last "System error = " up to the end of its line. */
static void system_error(const char *text, char *why, size_t size)
{
    const char *key = "System error = ", *p = NULL;
    for (const char *s = text; (s = strstr(s, key)); s += strlen(key))
        p = s + strlen(key);
    if (!p || size == 0)
        return;
    size_t n = strcspn(p, "\r\n");
    if (n >= size)
        n = size - 1;
    memcpy(why, p, n);
    why[n] = '\0';
}

void quiet_end(quiet_stderr *q, char *why, size_t size)
{
    if (size)
        why[0] = '\0';
    if (q->saved < 0)
        return;
    fflush(stderr);
    dup2(q->saved, 2);
    close(q->saved);
    q->saved = -1;
    char text[4096];
    rewind(q->capture);
    size_t n = fread(text, 1, sizeof text - 1, q->capture);
    text[n] = '\0';
    system_error(text, why, size);
    fclose(q->capture);
    q->capture = NULL;
}
