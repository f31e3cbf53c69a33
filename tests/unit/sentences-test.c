/*
 * sentences-test.c: tokens with offsets, joined abbreviations, sentences.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sentences.h"

static struct tokens *
split(const char *s)
{
	struct tokens *tk = sentences_new();

	sentences_split(tk, s, 0, strlen(s));
	return tk;
}

static void
test_tokens(void **state)
{
	const char *s = "Mr. Putin's  \"no-limits\" RFE/RL.";
	struct tokens *tk = split(s);

	(void)state;
	assert_true(sentences_eq(tk, 0, "Mr."));
	assert_true(tk->v[0].flags & TOK_ABBREV);
	assert_true(sentences_eq(tk, 1, "Putin"));
	assert_true(tk->v[1].flags & TOK_POSS);
	assert_int_equal(tk->v[1].end - tk->v[1].start, 7);
	assert_true(sentences_is(tk, 2, '"'));
	assert_int_equal(tk->v[2].start, 13);
	assert_true(tk->v[2].flags & TOK_SPACE);
	assert_true(sentences_eq(tk, tk->n - 2, "RFE/RL"));
	assert_true(sentences_is(tk, tk->n - 1, '.'));
	sentences_free(tk);
}

static void
test_sentences(void **state)
{
	const char *s = "Mr. Smith went to the U.S. The President said \"Go.\" "
	                "M. Narikbayev KAZGUU. Qasym-Zhomart Toqaev spoke.";
	struct tokens *tk = split(s);
	size_t i;

	(void)state;
	assert_int_equal(tk->ns, 4);
	for (i = 0; i < tk->n; i++)
		if (sentences_eq(tk, i, "Qasym-Zhomart"))
			break;
	assert_true(i < tk->n);
	assert_true(tk->v[i].flags & TOK_SENTSTART);
	for (i = 0; i < tk->n; i++)
		if (sentences_eq(tk, i, "M."))
			break;
	assert_true(i < tk->n && (tk->v[i].flags & TOK_INITIAL));
	/* the closing mark stays with its sentence */
	assert_true(sentences_is(tk, tk->s[1].last - 1, '"'));
	sentences_free(tk);
}

static void
test_empty_and_unicode(void **state)
{
	struct tokens *tk = split("");

	(void)state;
	assert_int_equal(tk->n, 0);
	assert_int_equal(tk->ns, 0);
	sentences_split(tk, "\xc2\xa0\xe2\x80\x9cZ\xc3\xbcrich\xe2\x80\x9d", 0,
	                13);
	assert_int_equal(tk->n, 3);
	assert_true(tk->v[1].flags & TOK_CAP);
	sentences_free(tk);
	sentences_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_empty_and_unicode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
