/*
 * strmap.c: string to int map with linear probing; the table doubles when
 * half full, so lookups stay O(1) on average however many names an
 * article has.
 *
 * The keys are copied one after another into a single buffer owned by the
 * map (an entry holds the offset of its key), since a map lives for one
 * article and loses no key before it is freed: one allocation for all the
 * keys instead of one each.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "strmap.h"
#include "xmalloc.h"

struct entry {
	size_t key; /* offset in the key buffer */
	size_t len;
	unsigned long long hash;
	int value; /* -1: empty slot */
};

struct strmap {
	struct entry *v;
	size_t cap; /* a power of two */
	size_t n;
	char *keys; /* the keys, back to back */
	size_t keys_len, keys_cap;
};

static struct entry *
table_new(size_t cap)
{
	struct entry *v = xreallocarray(NULL, cap, sizeof *v);
	size_t i;

	for (i = 0; i < cap; i++)
		v[i].value = -1;
	return v;
}

struct strmap *
strmap_new(void)
{
	struct strmap *m = xcalloc(1, sizeof *m);

	m->cap = 64; /* an article names a few dozen actors */
	m->v = table_new(m->cap);
	m->keys_cap = 512;
	m->keys = xmalloc(m->keys_cap);
	return m;
}

void
strmap_free(struct strmap *m)
{
	if (m == NULL)
		return;
	free(m->v);
	free(m->keys);
	free(m);
}

static struct entry *
slot(const struct strmap *m, const char *key, size_t len, unsigned long long h)
{
	size_t i = (size_t)h & (m->cap - 1);

	while (m->v[i].value >= 0 &&
	       (m->v[i].hash != h || m->v[i].len != len ||
	        memcmp(m->keys + m->v[i].key, key, len) != 0))
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

int
strmap_get(const struct strmap *m, const char *key, size_t len)
{
	return slot(m, key, len, XXH3_64bits(key, len))->value;
}

static void
grow(struct strmap *m)
{
	struct entry *old = m->v;
	size_t oldcap = m->cap, i;

	m->cap *= 2;
	m->v = table_new(m->cap);
	for (i = 0; i < oldcap; i++) {
		size_t k;

		if (old[i].value < 0)
			continue;
		/* the keys are distinct: the first free slot is its slot */
		for (k = (size_t)old[i].hash & (m->cap - 1); m->v[k].value >= 0;
		     k = (k + 1) & (m->cap - 1))
			;
		m->v[k] = old[i];
	}
	free(old);
}

void
strmap_set(struct strmap *m, const char *key, size_t len, int value)
{
	unsigned long long h = XXH3_64bits(key, len);
	struct entry *e = slot(m, key, len, h);

	if (e->value < 0) {
		if ((m->n + 1) * 2 > m->cap) {
			grow(m);
			e = slot(m, key, len, h);
		}
		while (m->keys_cap - m->keys_len < len) {
			m->keys_cap *= 2;
			m->keys = xrealloc(m->keys, m->keys_cap);
		}
		memcpy(m->keys + m->keys_len, key, len);
		e->key = m->keys_len;
		e->len = len;
		e->hash = h;
		m->keys_len += len;
		m->n++;
	}
	e->value = value;
}

size_t
strmap_count(const struct strmap *m)
{
	return m->n;
}
