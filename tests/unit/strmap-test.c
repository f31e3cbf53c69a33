/*
 * strmap-test.c: the string map, through growth.
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_get),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
