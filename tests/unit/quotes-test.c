/*
 * quotes-test.c: quotation spans, marks paired by kind, continuations.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "quotes.h"
#include "sentences.h"

struct fx {
	struct tokens *tk;
	struct qspans qs;
	bool carry;
};

static void
find(struct fx *f, const char *s)
{
	if (f->tk == NULL)
		f->tk = sentences_new();
	sentences_split(f->tk, s, 0, strlen(s));
	quotes_find(f->tk, &f->carry, &f->qs);
}

static void
done(struct fx *f)
{
	sentences_free(f->tk);
	free(f->qs.v);
}

static void
assert_span(const char *s, const struct qspan *q, const char *want)
{
	assert_int_equal(q->end - q->start, strlen(want));
	assert_memory_equal(s + q->start, want, strlen(want));
}

static void
test_kinds(void **state)
{
	struct fx f = { 0 };
	const char *s =
	    "He said \xe2\x80\x9cgo home,\xe2\x80\x9d and ''stay''. "
	    "Kazakhstan's elites' view: \xc2\xab"
	    "non\xc2\xbb.";

	(void)state;
	find(&f, s);
	assert_int_equal(f.qs.n, 3);
	assert_span(s, &f.qs.v[0], "go home,");
	assert_span(s, &f.qs.v[1], "stay");
	assert_span(s, &f.qs.v[2], "non");
	assert_false(f.carry);
	done(&f);
}

static void
test_nested_and_single(void **state)
{
	struct fx f = { 0 };
	const char *s =
	    "Russia's 'Sham' vote \"called 'a farce' by all\" today";

	(void)state;
	find(&f, s);
	assert_int_equal(f.qs.n, 2);
	assert_true(f.qs.v[0].single);
	assert_span(s, &f.qs.v[0], "Sham");
	assert_span(s, &f.qs.v[1], "called 'a farce' by all");
	done(&f);
}

static void
test_over_paragraphs(void **state)
{
	struct fx f = { 0 };
	const char *p1 = "He said, \"We will rebuild.";
	const char *p2 = "It takes a year.\" Then he left.";
	const char *p3 = "\"Next,\" she said.";

	(void)state;
	find(&f, p1);
	assert_int_equal(f.qs.n, 1);
	assert_true(f.qs.v[0].cont_next);
	assert_true(f.carry);
	find(&f, p2);
	assert_int_equal(f.qs.n, 1);
	assert_true(f.qs.v[0].cont_prev);
	assert_span(p2, &f.qs.v[0], "It takes a year.");
	assert_false(f.carry);
	find(&f, p3);
	assert_int_equal(f.qs.n, 1);
	assert_false(f.qs.v[0].cont_prev);
	done(&f);
}

static void
test_unclosed_and_stray(void **state)
{
	struct fx f = { 0 };
	const char *s = "Stray\xe2\x80\x9d mark and \"never closed";

	(void)state;
	find(&f, s);
	assert_int_equal(f.qs.n, 1);
	assert_span(s, &f.qs.v[0], "never closed");
	assert_int_equal(f.qs.v[0].close, QSPAN_NONE);
	done(&f);
}

/* A plural possessive inside single quotes does not close them, unless
 * no other mark does; two single quotes in a row stay two. */
static void
test_single_possessive(void **state)
{
	struct fx f = { 0 };
	const char *s =
	    "\xe2\x80\x98We know the farmers\xe2\x80\x99 plan well,"
	    "\xe2\x80\x99 said the mayor.";
	const char *s2 = "They called it 'lies' and 'smears' at once.";
	const char *s3 = "The 'elites' view' of the city.";

	(void)state;
	find(&f, s);
	assert_int_equal(f.qs.n, 1);
	assert_span(s, &f.qs.v[0],
	            "We know the farmers\xe2\x80\x99 plan well,");
	find(&f, s2);
	assert_int_equal(f.qs.n, 2);
	assert_span(s2, &f.qs.v[0], "lies");
	assert_span(s2, &f.qs.v[1], "smears");
	find(&f, s3);
	assert_int_equal(f.qs.n, 1);
	assert_span(s3, &f.qs.v[0], "elites' view");
	/* marks around punctuation only quote nothing */
	find(&f, "He wrote \"...\" and left, \"so?\"");
	assert_int_equal(f.qs.n, 1);
	done(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_nested_and_single),
		cmocka_unit_test(test_over_paragraphs),
		cmocka_unit_test(test_unclosed_and_stray),
		cmocka_unit_test(test_single_possessive),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
