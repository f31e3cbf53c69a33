/*
 * arena.h: a bump allocator for the temporaries of one annotation run.
 *
 * Everything allocated from an arena lives until arena_free() and is
 * never freed one by one: the annotator's working
 * copies (actor keys and the like) cost a pointer increment each instead
 * of a malloc() and a free().
 */
#ifndef WHOSAID_ARENA_H
#define WHOSAID_ARENA_H

#include <stddef.h>

struct arena;

/* An empty arena whose first chunk holds about size bytes (0: a default);
 * never NULL (out of memory is fatal, as in xmalloc.h). */
struct arena *arena_new(size_t size);
/* Free the arena and everything allocated from it; NULL does nothing. */
void arena_free(struct arena *ar);

/* size bytes (0 is allowed) aligned for any object, uninitialised; valid
 * until the arena is freed. Never NULL. */
void *arena_alloc(struct arena *ar, size_t size)
	__attribute__((malloc, returns_nonnull, alloc_size(2)));
/* n bytes of s and a NUL, copied into the arena. */
char *arena_strndup(struct arena *ar, const char *s, size_t n)
	__attribute__((returns_nonnull));

#endif
