/*
 * positions-test.c: position sentences, coordinated and negated subjects.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "annotate-helpers.h"

static const char article[] =
    "Neighbours stay silent on the referendum\n\n"
    "Sweden backed the referendum in a statement on Monday.\n\n"
    "None of Norway, Finland, or neutral Denmark has commented on the "
    "referendum.\n\n"
    "Poland's position on the vote is unclear, officials said.\n";

static void
test_positions(void **state)
{
	struct annotation *ann = annotate_string(article, sizeof article - 1);
	const char *names[] = { "Norway", "Finland", "Denmark" };
	const struct actor *a;
	size_t i;

	(void)state;
	assert_non_null(a = actor_named(ann, "Sweden"));
	assert_non_null(a->position);
	assert_non_null(strstr(a->position, "backed the referendum"));
	for (i = 0; i < 3; i++) {
		assert_non_null(a = actor_named(ann, names[i]));
		assert_non_null(a->position);
		assert_non_null(strstr(a->position, "has commented"));
		assert_memory_equal(article + a->position_span.start, "None",
		                    4);
	}
	assert_non_null(a = actor_named(ann, "Poland"));
	assert_non_null(a->position);
	assert_non_null(strstr(a->position, "position on the vote"));
	annotation_free(ann);
}

/* The title's words pick among sentences of equal weight, whether the
 * title opens the article or follows site chrome. */
static void
test_title_words(void **state)
{
	static const char *const heads[] = { "", "Advertisement\n\n" };
	static const char body[] =
	    "Farmers reject the water plan\n\n"
	    "Sweden said it would wait for the harvest.\n\n"
	    "Sweden said the water plan was unfair to farmers.\n";
	char buf[512];
	size_t k;

	(void)state;
	for (k = 0; k < 2; k++) {
		struct annotation *ann;
		const struct actor *a;
		int n = snprintf(buf, sizeof buf, "%s%s", heads[k], body);

		assert_true(n > 0 && (size_t)n < sizeof buf);
		ann = annotate_string(buf, (size_t)n);
		assert_non_null(a = actor_named(ann, "Sweden"));
		assert_non_null(a->position);
		assert_non_null(strstr(a->position, "water plan was unfair"));
		annotation_free(ann);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_title_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
