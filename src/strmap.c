/*
 * strmap.c: string to int map with linear probing; the table doubles when
 * half full, so lookups stay O(1) on average however many names an
 * article has.
 *
 * The keys are copied one after another into a single buffer owned by the
 * map (an entry holds the offset of its key), since a map lives for one
 * article and loses no key before it is freed: one allocation for all the
 * keys instead of one each. A folding map stores its keys lower-cased and
 * lower-cases each key looked up (8 bytes at a time) before hashing it.
 *
 * Most lookups are for names the map does not hold ("is this word a
 * known surname?"). A bit per shape (length, first and last byte, the
 * latter two without their case bit) says whether some key has that
 * shape: a key of a shape no key has is missing, known without folding or
 * hashing it. Keys equal but for ASCII case have one shape.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL /* short keys: inline xxh3 rather than call it */
#include <xxhash.h>

#include "bytes.h"
#include "strmap.h"
#include "xmalloc.h"

/* XXH3 inline in the lookups (not the call the compiler makes of it, for
 * its code for long keys): most keys are short names. */
#if defined(__GNUC__)
#define FLATTEN __attribute__((flatten))
#else
#define FLATTEN
#endif

/* Bits of the key shape filter (a power of two). */
#define SHAPE_BITS 4096

struct entry {
	size_t key; /* offset in the key buffer */
	size_t len;
	uint64_t hash;
	int value; /* -1: empty slot */
};

struct strmap {
	struct entry *v;
	size_t cap; /* a power of two */
	size_t n;
	char *keys; /* the keys, back to back */
	size_t keys_len, keys_cap;
	bool fold; /* keys ignore ASCII case (stored lower-cased) */
	uint64_t shapes[SHAPE_BITS / 64]; /* shape() of each key, set */
};

/* A folding map lower-cases a key this long or shorter on the stack. */
#define FOLD_BUF 128

/* The filter bit of a key (len > 0): its length and its first and last
 * bytes, & 31 so that 'A' and 'a' agree. */
static size_t
shape(const char *key, size_t len)
{
	return (len << 10 ^ (size_t)(key[0] & 31) << 5 ^
	        (size_t)(key[len - 1] & 31)) &
	       (SHAPE_BITS - 1);
}

static bool
shape_known(const struct strmap *m, const char *key, size_t len)
{
	size_t b;

	if (len == 0)
		return true;
	b = shape(key, len);
	return (m->shapes[b / 64] >> (b % 64)) & 1;
}

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

	m->cap = 128; /* a few dozen actors, two or three keys each */
	m->v = table_new(m->cap);
	m->keys_cap = 512;
	m->keys = xmalloc(m->keys_cap);
	return m;
}

struct strmap *
strmap_new_fold(void)
{
	struct strmap *m = strmap_new();

	m->fold = true;
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

void
strmap_lower(char *dst, const char *src, size_t len)
{
	uint64_t x;
	size_t i;

	if (len < 4) {
		for (i = 0; i < len; i++)
			dst[i] = (src[i] >= 'A' && src[i] <= 'Z') ?
			             (char)(src[i] + 32) :
			             src[i];
		return;
	}
	if (len < 8) {
		/* two overlapping halves: "Chan", "Putin" */
		uint32_t a, b;

		memcpy(&a, src, 4);
		memcpy(&b, src + len - 4, 4);
		a = (uint32_t)bytes_lower8(a);
		b = (uint32_t)bytes_lower8(b);
		memcpy(dst, &a, 4);
		memcpy(dst + len - 4, &b, 4);
		return;
	}
	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&x, src + i, 8);
		x = bytes_lower8(x);
		memcpy(dst + i, &x, 8);
	}
	if (i < len) {
		/* the last eight bytes again: lower-casing twice is once
		 * (from src: dst == src is allowed) */
		memcpy(&x, src + len - 8, 8);
		x = bytes_lower8(x);
		memcpy(dst + len - 8, &x, 8);
	}
}

static inline struct entry *
slot(const struct strmap *m, const char *key, size_t len, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);

	while (m->v[i].value >= 0 &&
	       (m->v[i].hash != h || m->v[i].len != len ||
	        !bytes_same(m->keys + m->v[i].key, key, len)))
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

/* The key as the map stores it: lower-cased into buf (FOLD_BUF bytes) or
 * an allocation (*fr, to free) for a folding map, else key itself. */
static const char *
key_of(const struct strmap *m, const char *key, size_t len, char *buf,
       char **fr)
{
	char *d = buf;

	*fr = NULL;
	if (!m->fold)
		return key;
	if (len > FOLD_BUF)
		d = *fr = xmalloc(len);
	strmap_lower(d, key, len);
	return d;
}

FLATTEN int
strmap_get(const struct strmap *m, const char *key, size_t len)
{
	char buf[FOLD_BUF], *fr;
	const char *k;
	int v;

	if (!shape_known(m, key, len))
		return -1;
	k = key_of(m, key, len, buf, &fr);
	v = slot(m, k, len, XXH3_64bits(k, len))->value;

	if (fr != NULL)
		free(fr);
	return v;
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

/* The entry of key k (as stored), added with value -1 when missing. */
static FLATTEN struct entry *
entry(struct strmap *m, const char *k, size_t len)
{
	uint64_t h = XXH3_64bits(k, len);
	struct entry *e = slot(m, k, len, h);

	if (e->value < 0) {
		if ((m->n + 1) * 2 > m->cap) {
			grow(m);
			e = slot(m, k, len, h);
		}
		while (m->keys_cap - m->keys_len < len) {
			m->keys_cap *= 2;
			m->keys = xrealloc(m->keys, m->keys_cap);
		}
		memcpy(m->keys + m->keys_len, k, len);
		if (len > 0) {
			size_t b = shape(k, len);

			m->shapes[b / 64] |= (uint64_t)1 << (b % 64);
		}
		e->key = m->keys_len;
		e->len = len;
		e->hash = h;
		m->keys_len += len;
		m->n++;
	}
	return e;
}

void
strmap_set(struct strmap *m, const char *key, size_t len, int value)
{
	char buf[FOLD_BUF], *fr;

	entry(m, key_of(m, key, len, buf, &fr), len)->value = value;
	if (fr != NULL)
		free(fr);
}

int
strmap_add(struct strmap *m, const char *key, size_t len, int value)
{
	char buf[FOLD_BUF], *fr;
	struct entry *e = entry(m, key_of(m, key, len, buf, &fr), len);
	int old = e->value;

	if (old < 0)
		e->value = value;
	if (fr != NULL)
		free(fr);
	return old;
}

size_t
strmap_count(const struct strmap *m)
{
	return m->n;
}
