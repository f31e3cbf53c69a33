/*
 * strmap-test.c: the string map, through growth; folding maps, add and
 * the 8-byte lower-casing.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <stdio.h>

#include "strmap.h"

static void
test_set_get(void **state)
{
	struct strmap *m = strmap_new();
	char key[32];
	int i;

	(void)state;
	assert_int_equal(strmap_get(m, "a", 1), -1);
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "k%d", i);
		strmap_set(m, key, strlen(key), i);
	}
	strmap_set(m, "k7", 2, 70);
	assert_int_equal(strmap_count(m), 5000);
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "k%d", i);
		assert_int_equal(strmap_get(m, key, strlen(key)),
		                 i == 7 ? 70 : i);
	}
	assert_int_equal(strmap_get(m, "k", 1), -1);
	strmap_free(m);
	strmap_free(NULL);
}

/* A folding map: keys of any length, ASCII case aside, UTF-8 as it is. */
static void
test_fold(void **state)
{
	struct strmap *m = strmap_new_fold();
	char big[300];

	(void)state;
	strmap_set(m, "Vladimir Putin", 14, 1);
	strmap_set(m, "Xi", 2, 2);
	strmap_set(m, "\xc3\x89lise Borne", 12, 3); /* "Élise" */
	assert_int_equal(strmap_get(m, "VLADIMIR PUTIN", 14), 1);
	assert_int_equal(strmap_get(m, "vladimir putin", 14), 1);
	assert_int_equal(strmap_get(m, "vladimir puti", 13), -1);
	assert_int_equal(strmap_get(m, "xI", 2), 2);
	assert_int_equal(strmap_get(m, "\xc3\x89LISE borne", 12), 3);
	/* the high byte of "É" is no capital to fold */
	assert_int_equal(strmap_get(m, "\xe3\xa9lise Borne", 12), -1);
	memset(big, 'Q', sizeof big);
	strmap_set(m, big, sizeof big, 4);
	memset(big, 'q', sizeof big);
	assert_int_equal(strmap_get(m, big, sizeof big), 4);
	assert_int_equal(strmap_count(m), 4);
	strmap_free(m);
	/* a plain map keeps case */
	m = strmap_new();
	strmap_set(m, "Xi", 2, 2);
	assert_int_equal(strmap_get(m, "xi", 2), -1);
	assert_int_equal(strmap_get(m, "Xi", 2), 2);
	strmap_free(m);
}

static void
test_add(void **state)
{
	struct strmap *m = strmap_new_fold();
	char key[32];
	int i;

	(void)state;
	assert_int_equal(strmap_add(m, "Chan", 4, 5), -1);
	assert_int_equal(strmap_add(m, "CHAN", 4, 6), 5);
	assert_int_equal(strmap_get(m, "chan", 4), 5);
	/* the shape of a key ("c..n", 4 bytes) is no key */
	assert_int_equal(strmap_get(m, "Chin", 4), -1);
	assert_int_equal(strmap_get(m, "", 0), -1);
	assert_int_equal(strmap_add(m, "", 0, 7), -1);
	assert_int_equal(strmap_get(m, "", 0), 7);
	for (i = 0; i < 3000; i++) {
		snprintf(key, sizeof key, "Name%d", i);
		assert_int_equal(strmap_add(m, key, strlen(key), i), -1);
	}
	for (i = 0; i < 3000; i++) {
		snprintf(key, sizeof key, "NAME%d", i);
		assert_int_equal(strmap_add(m, key, strlen(key), 9999), i);
	}
	assert_int_equal(strmap_count(m), 3002);
	strmap_free(m);
}

/* strmap_lower() against the byte at a time rule, every length to 40
 * and every byte value at each position, in place too. */
static void
test_lower(void **state)
{
	char src[40], dst[40], want[40];
	size_t len, i, k;
	unsigned c;

	(void)state;
	for (len = 0; len <= sizeof src; len++) {
		for (c = 0; c < 256; c++) {
			for (i = 0; i < len; i++)
				src[i] = i == c % (len ? len : 1) ?
				             (char)c :
				             "Ab@Z[`az{\x80\xc3\x89"[i % 12];
			for (k = 0; k < len; k++)
				want[k] = (src[k] >= 'A' && src[k] <= 'Z') ?
				              (char)(src[k] + 32) :
				              src[k];
			strmap_lower(dst, src, len);
			assert_memory_equal(dst, want, len);
			strmap_lower(src, src, len);
			assert_memory_equal(src, want, len);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_get),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_lower),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
