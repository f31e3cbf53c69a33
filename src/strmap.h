/*
 * strmap.h: a map from byte strings to non-negative ints (XXH3 hashing,
 * open addressing). Keys are copied. Used for name lookups.
 */
#ifndef WHOSAID_STRMAP_H
#define WHOSAID_STRMAP_H

#include <stddef.h>

struct strmap;

struct strmap *strmap_new(void);
/* A map whose keys ignore ASCII case: "Putin", "PUTIN" and "putin" are
 * one key (other bytes, UTF-8 included, compare as they are). */
struct strmap *strmap_new_fold(void);
void strmap_free(struct strmap *m); /* NULL does nothing */

/* The value of key, or -1. */
int strmap_get(const struct strmap *m, const char *key, size_t len);

/* Set key to value (value >= 0), replacing any old value. */
void strmap_set(struct strmap *m, const char *key, size_t len, int value);

/* Set key to value (value >= 0) unless key is there: its value then, or
 * -1 when key was added (one lookup for a get and a set). */
int strmap_add(struct strmap *m, const char *key, size_t len, int value);

/* Number of keys. */
size_t strmap_count(const struct strmap *m);

/* dst[0, len) = src[0, len) with ASCII capitals lower-cased; dst and src
 * may be the same, else must not overlap. */
void strmap_lower(char *dst, const char *src, size_t len);

#endif
