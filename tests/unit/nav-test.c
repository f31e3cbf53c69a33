/*
 * nav-test.c: the reader's movements (src/nav.c) on a hand-made
 * annotation and block list, without a terminal.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "annotate.h"
#include "blocks.h"
#include "nav.h"

/*
 * Quotes by start: Q0 A0 at 10, Q1 scare at 20, Q2 A1 at 30, Q3 A0 at 40,
 * Q4 unattributed at 50, Q5 A1 at 60.
 */
static struct quote quotes[] = {
	{ .span = { 10, 15 }, .speaker = 0, .kind = QUOTE_DIRECT },
	{ .span = { 20, 25 }, .speaker = -1, .kind = QUOTE_SCARE },
	{ .span = { 30, 35 }, .speaker = 1, .kind = QUOTE_PARTIAL },
	{ .span = { 40, 45 }, .speaker = 0, .kind = QUOTE_DIRECT },
	{ .span = { 50, 55 }, .speaker = -1, .kind = QUOTE_DIRECT },
	{ .span = { 60, 65 }, .speaker = 1, .kind = QUOTE_DIRECT },
};
static struct span mentions0[] = { { 3, 8 }, { 38, 40 } };
static struct actor actors[] = {
	{ .name = (char *)"Ann Alpha", .mentions = mentions0, .nmentions = 2 },
	{ .name = (char *)"Bo Beta" },
	{ .name = (char *)"Nobody" },
};
static struct annotation ann = {
	.actors = actors, .nactors = 3, .quotes = quotes, .nquotes = 6,
};

static void
test_next_prev_quote(void **state)
{
	(void)state;
	assert_int_equal(nav_next_quote(&ann, NAV_ANY, 0), 0);
	assert_int_equal(nav_next_quote(&ann, NAV_ANY, 10), 0);
	/* The scare quote at 20 is skipped. */
	assert_int_equal(nav_next_quote(&ann, NAV_ANY, 11), 2);
	assert_int_equal(nav_next_quote(&ann, NAV_ANY, 61), NAV_NONE);
	assert_int_equal(nav_prev_quote(&ann, NAV_ANY, 10), NAV_NONE);
	assert_int_equal(nav_prev_quote(&ann, NAV_ANY, 30), 0);
	assert_int_equal(nav_prev_quote(&ann, NAV_ANY, 1000), 5);
	assert_int_equal(nav_next_quote(&ann, 1, 0), 2);
	assert_int_equal(nav_next_quote(&ann, -1, 0), 4);
	assert_int_equal(nav_prev_quote(&ann, 0, 40), 0);
}

static void
test_same_speaker(void **state)
{
	(void)state;
	assert_int_equal(nav_next_same_speaker(&ann, 0), 3);
	assert_int_equal(nav_next_same_speaker(&ann, 3), NAV_NONE);
	assert_int_equal(nav_prev_same_speaker(&ann, 5), 2);
	assert_int_equal(nav_prev_same_speaker(&ann, 2), NAV_NONE);
	assert_int_equal(nav_first_quote(&ann, 1), 2);
	assert_int_equal(nav_first_quote(&ann, 2), NAV_NONE);
}

static void
test_ranks(void **state)
{
	size_t k, n;

	(void)state;
	nav_quote_rank(&ann, 3, &k, &n);
	assert_int_equal(k, 3);
	assert_int_equal(n, 5);
	nav_quote_rank(&ann, NAV_NONE, &k, &n);
	assert_int_equal(k, 0);
	assert_int_equal(n, 5);
	nav_speaker_rank(&ann, 5, &k, &n);
	assert_int_equal(k, 2);
	assert_int_equal(n, 2);
	assert_int_equal(nav_speaker_count(&ann, 0), 2);
	assert_int_equal(nav_speaker_count(&ann, 2), 0);
}

static void
test_mentions_and_from(void **state)
{
	(void)state;
	assert_int_equal(nav_first_mention(&ann, 0), 3);
	/* No mention: the first quote stands in. */
	assert_int_equal(nav_first_mention(&ann, 1), 30);
	assert_int_equal(nav_first_mention(&ann, 2), (size_t)-1);
	assert_int_equal(nav_quote_from(&ann, 0), 0);
	/* Offset 12 is inside Q0: drawing from 12 must still see Q0. */
	assert_int_equal(nav_quote_from(&ann, 12), 0);
	assert_int_equal(nav_quote_from(&ann, 15), 1);
	assert_int_equal(nav_quote_from(&ann, 100), 6);
}

/* "Title\n\nBoiler cat\n\nA cat and a Cat.\n\nCap Cat\nCap Cat" */
static const char text[] =
    "Title\n\nBoiler cat\n\nA cat and a Cat.\n\nCap Cat\nCap Cat";
static struct block blockv[] = {
	{ BLOCK_TITLE, 0, 5, 5 },
	{ BLOCK_BOILERPLATE, 7, 17, 17 },
	{ BLOCK_PARAGRAPH, 19, 35, 35 },
	{ BLOCK_CAPTION, 37, 52, 44 },
};
static struct block_list bl = { blockv, 4 };

static void
test_search(void **state)
{
	size_t s, e, len = sizeof text - 1;

	(void)state;
	/* Lower case: case-insensitive; boilerplate skipped. */
	assert_true(nav_search(text, len, &bl, "cat", 3, 0, true, &s, &e));
	assert_int_equal(s, 21);
	assert_int_equal(e, 24);
	assert_true(nav_search(text, len, &bl, "cat", 3, 22, true, &s, &e));
	assert_int_equal(s, 31);
	/* Upper case in the pattern: exact case. */
	assert_true(nav_search(text, len, &bl, "Cat", 3, 0, true, &s, &e));
	assert_int_equal(s, 31);
	/* The caption's repeat is not shown, so it is not found. */
	assert_true(nav_search(text, len, &bl, "cat", 3, 32, true, &s, &e));
	assert_int_equal(s, 41);
	assert_false(nav_search(text, len, &bl, "cat", 3, 42, true, &s, &e));
	/* Backward: last match before from. */
	assert_true(nav_search(text, len, &bl, "cat", 3, 41, false, &s, &e));
	assert_int_equal(s, 31);
	assert_true(nav_search(text, len, &bl, "cat", 3, len, false, &s, &e));
	assert_int_equal(s, 41);
	assert_false(nav_search(text, len, &bl, "cat", 3, 21, false, &s, &e));
	assert_false(nav_search(text, len, &bl, "dog", 3, 0, true, &s, &e));
	assert_false(nav_search(text, len, &bl, "", 0, 0, true, &s, &e));
	/* Bounded: matches starting before the limit only. */
	assert_true(nav_search_before(text, len, &bl, "cat", 3, 0, 22, &s,
	    &e));
	assert_int_equal(s, 21);
	assert_false(nav_search_before(text, len, &bl, "cat", 3, 22, 31, &s,
	    &e));
	assert_true(nav_search_before(text, len, &bl, "cat", 3, 22, 32, &s,
	    &e));
	assert_int_equal(s, 31);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_prev_quote),
		cmocka_unit_test(test_same_speaker),
		cmocka_unit_test(test_ranks),
		cmocka_unit_test(test_mentions_and_from),
		cmocka_unit_test(test_search),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
