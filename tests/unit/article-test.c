/*
 * article-test.c: loading and decoding articles.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"

static void
test_utf8_kept(void **state)
{
	const char s[] = "caf\xc3\xa9 \"quoted\"\n";
	struct article *art = article_new(s, sizeof s - 1, "t");

	(void)state;
	assert_int_equal(article_flags(art), 0);
	assert_int_equal(article_len(art), sizeof s - 1);
	assert_memory_equal(article_text(art), s, sizeof s - 1);
	assert_int_equal(article_file_offset(art, 5), 5);
	article_free(art);
}

static void
test_cp1252_decoded(void **state)
{
	/* 0x93 and 0x94 are curly double quotes in Windows-1252. */
	const char s[] = "\x93Hi\x94 caf\xe9";
	struct article *art = article_new(s, sizeof s - 1, "t");

	(void)state;
	assert_true(article_flags(art) & ARTICLE_CP1252);
	assert_string_equal(article_text(art),
	    "\xe2\x80\x9cHi\xe2\x80\x9d caf\xc3\xa9");
	/* "H" is at text offset 3 and at file offset 1. */
	assert_int_equal(article_file_offset(art, 3), 1);
	assert_int_equal(article_text_offset(art, 1), 3);
	assert_int_equal(article_file_offset(art, article_len(art)),
	    sizeof s - 1);
	article_free(art);
}

static void
test_bom_crlf_flagged(void **state)
{
	const char s[] = "\xef\xbb\xbfTitle\r\n\r\nBody\r\n";
	struct article *art = article_new(s, sizeof s - 1, "t");

	(void)state;
	assert_int_equal(article_flags(art), ARTICLE_BOM | ARTICLE_CRLF);
	assert_int_equal(article_len(art), sizeof s - 1);
	article_free(art);
}

static void
test_empty_and_nul(void **state)
{
	struct article *art = article_new("", 0, "t");

	(void)state;
	assert_int_equal(article_len(art), 0);
	assert_string_equal(article_text(art), "");
	article_free(art);
	art = article_new("a\0b", 3, "t");
	assert_int_equal(article_len(art), 3);
	assert_int_equal(article_flags(art), 0);
	article_free(art);
}

static void
test_missing_file(void **state)
{
	char *cause = NULL;

	(void)state;
	assert_null(article_load("/nonexistent/whosaid", &cause));
	assert_string_equal(cause,
	    "/nonexistent/whosaid: No such file or directory");
	free(cause);
	assert_null(article_load("/", &cause));
	assert_string_equal(cause, "/: Is a directory");
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_kept),
		cmocka_unit_test(test_cp1252_decoded),
		cmocka_unit_test(test_bom_crlf_flagged),
		cmocka_unit_test(test_empty_and_nul),
		cmocka_unit_test(test_missing_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
