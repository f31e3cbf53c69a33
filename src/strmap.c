/*
 * strmap.c: string to int map with linear probing; the table doubles when
 * half full, so lookups stay O(1) on average however many names an
 * article has.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "strmap.h"
#include "xmalloc.h"

struct entry {
	char *key; /* NULL: empty slot */
	size_t len;
	unsigned long long hash;
	int value;
};

struct strmap {
	struct entry *v;
	size_t cap; /* a power of two */
	size_t n;
};

struct strmap *
strmap_new(void)
{
	struct strmap *m = xcalloc(1, sizeof *m);

	m->cap = 64; /* an article names a few dozen actors */
	m->v = xcalloc(m->cap, sizeof *m->v);
	return m;
}

void
strmap_free(struct strmap *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->cap; i++)
		free(m->v[i].key);
	free(m->v);
	free(m);
}

static struct entry *
slot(const struct strmap *m, const char *key, size_t len, unsigned long long h)
{
	size_t i = (size_t)h & (m->cap - 1);

	while (m->v[i].key != NULL &&
	       (m->v[i].hash != h || m->v[i].len != len ||
	        memcmp(m->v[i].key, key, len) != 0))
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

int
strmap_get(const struct strmap *m, const char *key, size_t len)
{
	struct entry *e = slot(m, key, len, XXH3_64bits(key, len));

	return e->key != NULL ? e->value : -1;
}

static void
grow(struct strmap *m)
{
	struct entry *old = m->v;
	size_t oldcap = m->cap, i;

	m->cap *= 2;
	m->v = xcalloc(m->cap, sizeof *m->v);
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			*slot(m, old[i].key, old[i].len, old[i].hash) = old[i];
	free(old);
}

void
strmap_set(struct strmap *m, const char *key, size_t len, int value)
{
	unsigned long long h = XXH3_64bits(key, len);
	struct entry *e = slot(m, key, len, h);

	if (e->key == NULL) {
		if ((m->n + 1) * 2 > m->cap) {
			grow(m);
			e = slot(m, key, len, h);
		}
		e->key = xmalloc(len + 1);
		memcpy(e->key, key, len);
		e->key[len] = '\0';
		e->len = len;
		e->hash = h;
		m->n++;
	}
	e->value = value;
}

size_t
strmap_count(const struct strmap *m)
{
	return m->n;
}
