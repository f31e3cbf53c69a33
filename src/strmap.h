/*
 * strmap.h: a map from byte strings to non-negative ints (XXH3 hashing,
 * open addressing). Keys are copied. Used for name lookups.
 */
#ifndef WHOSAID_STRMAP_H
#define WHOSAID_STRMAP_H

#include <stddef.h>

struct strmap;

struct strmap *strmap_new(void);
void strmap_free(struct strmap *m); /* NULL does nothing */

/* The value of key, or -1. */
int strmap_get(const struct strmap *m, const char *key, size_t len);

/* Set key to value (value >= 0), replacing any old value. */
void strmap_set(struct strmap *m, const char *key, size_t len, int value);

/* Number of keys. */
size_t strmap_count(const struct strmap *m);

#endif
