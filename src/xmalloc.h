/*
 * xmalloc.h: allocation that never returns NULL.
 *
 * Running out of memory is fatal: the functions below call the hook set
 * with xmalloc_set_fatal_hook() (the UI installs one that restores the
 * terminal), print one line to stderr and exit. The engine never calls
 * exit() itself except through here.
 */
#ifndef WHOSAID_XMALLOC_H
#define WHOSAID_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Allocating printf: the result is owned by the caller. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

/* Called before the process dies of an allocation failure. */
void xmalloc_set_fatal_hook(void (*hook)(void));

#endif
