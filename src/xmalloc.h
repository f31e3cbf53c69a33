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

/*
 * The results are never NULL (returns_nonnull tells the compiler and the
 * static analysers so); a size of 0 gives a valid pointer of its own.
 */
void *xmalloc(size_t size)
	__attribute__((malloc, returns_nonnull, alloc_size(1)));
void *xcalloc(size_t nmemb, size_t size)
	__attribute__((malloc, returns_nonnull, alloc_size(1, 2)));
void *xrealloc(void *ptr, size_t size)
	__attribute__((returns_nonnull, alloc_size(2)));
void *xreallocarray(void *ptr, size_t nmemb, size_t size)
	__attribute__((returns_nonnull, alloc_size(2, 3)));
char *xstrdup(const char *s) __attribute__((malloc, returns_nonnull));
/* Copies exactly n bytes of s (NULs included) and adds a NUL. */
char *xstrndup(const char *s, size_t n)
	__attribute__((malloc, returns_nonnull));
/* Allocating printf: the result is owned by the caller. */
char *xasprintf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), malloc, returns_nonnull));
char *xvasprintf(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0), malloc, returns_nonnull));

/* Called before the process dies of an allocation failure. */
void xmalloc_set_fatal_hook(void (*hook)(void));

#endif
