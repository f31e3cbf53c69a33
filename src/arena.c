/*
 * arena.c: a bump allocator.
 *
 * The arena is a list of chunks, newest first; allocations are cut from
 * the front of the newest chunk, rounded up to ARENA_ALIGN. A request
 * that does not fit opens a new chunk at least twice the size of the
 * last (so an arena holding n bytes has O(log n) chunks), or exactly its
 * size when it is larger. The first chunk is allocated together with the
 * arena header (one malloc() for an arena that never outgrows it).
 *
 * Invariants: cur points into the newest chunk's data, cur <= end, and
 * cur is a multiple of ARENA_ALIGN from the chunk's data start.
 */
#include "config.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xmalloc.h"

#define ARENA_ALIGN alignof(max_align_t)
#define ARENA_DEFAULT ((size_t)4096)

struct chunk {
	struct chunk *next; /* older chunk, or NULL */
	size_t size;        /* bytes of data after the header */
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct chunk *head; /* newest chunk */
	unsigned char *cur, *end;
	struct chunk *first; /* allocated with the header; never freed alone */
};

static size_t
round_up(size_t n)
{
	return (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
}

/* Room for struct arena, then the first chunk, suitably aligned. */
static size_t
first_offset(void)
{
	return round_up(sizeof(struct arena));
}

struct arena *
arena_new(size_t size)
{
	struct arena *ar;
	unsigned char *p;

	size = round_up(size ? size : ARENA_DEFAULT);
	p = xmalloc(first_offset() + sizeof(struct chunk) + size);
	ar = (struct arena *)(void *)p;
	ar->first = (struct chunk *)(void *)(p + first_offset());
	ar->first->next = NULL;
	ar->first->size = size;
	ar->head = ar->first;
	ar->cur = ar->first->data;
	ar->end = ar->first->data + size;
	return ar;
}

void
arena_free(struct arena *ar)
{
	struct chunk *c, *next;

	if (ar == NULL)
		return;
	for (c = ar->head; c != ar->first; c = next) {
		next = c->next;
		free(c);
	}
	free(ar); /* the first chunk with it */
}

/* Open a chunk with room for n (rounded) bytes. */
static void
grow(struct arena *ar, size_t n)
{
	size_t size = ar->head->size * 2;
	struct chunk *c;

	if (size < n || size > SIZE_MAX - sizeof *c)
		size = n; /* cannot double: exactly what is asked */
	/* beyond any memory: xmalloc() fails (fatally) rather than wrap */
	c = xmalloc(size > SIZE_MAX - sizeof *c ? SIZE_MAX : sizeof *c + size);
	c->next = ar->head;
	c->size = size;
	ar->head = c;
	ar->cur = c->data;
	ar->end = c->data + size;
}

void *
arena_alloc(struct arena *ar, size_t size)
{
	size_t n = round_up(size ? size : 1);
	void *p;

	if (n < size) /* rounding wrapped */
		n = SIZE_MAX - SIZE_MAX % ARENA_ALIGN;
	if ((size_t)(ar->end - ar->cur) < n)
		grow(ar, n);
	p = ar->cur;
	ar->cur += n;
	return p;
}

char *
arena_strndup(struct arena *ar, const char *s, size_t n)
{
	char *p = arena_alloc(ar, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
