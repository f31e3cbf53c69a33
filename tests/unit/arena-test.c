/*
 * arena-test.c: the bump allocator: alignment, strings, growth past the
 * first chunk, requests larger than any chunk.
 */
#include "config.h"

#include <setjmp.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"

static void
test_align(void **state)
{
	struct arena *ar = arena_new(64);
	size_t i;

	(void)state;
	for (i = 0; i < 100; i++) {
		unsigned char *p = arena_alloc(ar, i % 7);

		assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
	}
	arena_free(ar);
	arena_free(NULL);
}

/* Allocations never overlap, even across many chunks. */
static void
test_strings(void **state)
{
	struct arena *ar = arena_new(32);
	char *s[500];
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < 500; i++) {
		size_t n = (size_t)snprintf(buf, sizeof buf, "word%zu", i * 7919);

		s[i] = arena_strndup(ar, buf, n);
		assert_int_equal(strlen(s[i]), n);
	}
	for (i = 0; i < 500; i++) {
		snprintf(buf, sizeof buf, "word%zu", i * 7919);
		assert_string_equal(s[i], buf);
	}
	/* a copy of exactly n bytes, NUL added, NULs inside kept */
	s[0] = arena_strndup(ar, "ab\0cd", 5);
	assert_int_equal(memcmp(s[0], "ab\0cd", 6), 0);
	s[1] = arena_strndup(ar, "xyz", 0);
	assert_string_equal(s[1], "");
	arena_free(ar);
}

/* A request far larger than the chunks gets a chunk of its own, and the
 * arena goes on serving small ones. */
static void
test_large(void **state)
{
	struct arena *ar = arena_new(0);
	unsigned char *big, *small, *before;

	(void)state;
	before = arena_alloc(ar, 10);
	memset(before, 'a', 10);
	big = arena_alloc(ar, 1 << 20);
	memset(big, 'b', 1 << 20);
	small = arena_alloc(ar, 10);
	memset(small, 'c', 10);
	assert_int_equal(big[0], 'b');
	assert_int_equal(big[(1 << 20) - 1], 'b');
	assert_int_equal(small[9], 'c');
	assert_int_equal(before[0], 'a');
	assert_int_equal(before[9], 'a');
	assert_true(small + 10 <= big || small >= big + (1 << 20));
	arena_free(ar);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_align),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_large),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
