/*
 * dump-test.c: the structured article as text (whosaid --dump).
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

#include "article.h"
#include "blocks.h"
#include "dump.h"
#include "sanitize.h"
#include "xmalloc.h"

/* Dump s at width into an allocated string. */
static char *
dump_of(const char *s, size_t n, int width)
{
	struct article *art = article_new(s, n, "t");
	struct block_list *bl = blocks_parse(art);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	assert_int_equal(dump_write(f, art, bl, width), 0);
	fclose(f);
	blocks_free(bl);
	article_free(art);
	return out;
}

static char *
bundled(void)
{
	char *path = xasprintf("%s/content/central-asia-referendums.txt",
	    WHOSAID_SRCDIR);
	FILE *f = fopen(path, "rb");
	char *buf = xmalloc(1 << 20);
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, (1 << 20) - 1, f);
	buf[n] = '\0';
	fclose(f);
	free(path);
	return buf;
}

/* Every line at most width columns; returns the number of lines. */
static int
check_width(const char *out, int width)
{
	const char *p = out;
	int lines = 0;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		int w = sanitize_width(p, n);

		if (w > width)
			fail_msg("line of %d columns at %d: %.*s", w, width,
			    (int)n, p);
		/* Sanitised: no control characters at all. */
		for (size_t i = 0; i < n; i++)
			assert_true((unsigned char)p[i] >= 0x20 &&
			    p[i] != 0x7f);
		lines++;
		p += n + (nl != NULL);
	}
	return lines;
}

static void
test_bundled_marks(void **state)
{
	char *text = bundled();
	char *out = dump_of(text, strlen(text), 60);

	(void)state;
	check_width(out, 60);
	/* Title, headings and captions marked. */
	assert_true(strncmp(out, "# Russia's 'Sham' Referendums", 29) == 0);
	assert_non_null(strstr(out, "\n## Territorial Integrity Integral\n"));
	assert_non_null(strstr(out, "\n## China's Push, Russia A 'Domestic"));
	assert_non_null(strstr(out, "\n[caption] Kazakhs rally in support of"));
	assert_non_null(strstr(out, "\n[bio] Chris Rickleton is a"));
	/* A repeated caption is printed once. */
	assert_non_null(strstr(out, "Kazakhs rally in support"));
	assert_null(strstr(strstr(out, "Kazakhs rally in support") + 1,
	    "Kazakhs rally in support"));
	/* Boilerplate left out. */
	assert_null(strstr(out, "Accessibility links"));
	assert_null(strstr(out, "Breaking News"));
	assert_null(strstr(out, "undesirable organization"));
	assert_null(strstr(out, "click here"));
	/* Paragraphs are kept: a phrase from the middle. */
	assert_non_null(strstr(out, "Aibek"));
	free(out);
	free(text);
}

static void
test_widths(void **state)
{
	char *text = bundled();
	int w;

	(void)state;
	for (w = 1; w <= 100; w += (w < 20 ? 1 : 7)) {
		char *out = dump_of(text, strlen(text), w);

		check_width(out, w < 2 ? 2 : w);
		free(out);
	}
	free(text);
}

static void
test_hostile(void **state)
{
	const char s[] = "Title\x1b]0;pwned\x07\n\n"
	    "Body \x1b[2J with \xc2\x9b" "31m C1 and \x7f and \t tab and "
	    "\xe6\x9d\xb1\xe4\xba\xac and e\xcc\x81 and "
	    "\xe2\x80\xae" "bidi.\n";
	char *out = dump_of(s, sizeof s - 1, 12);

	(void)state;
	check_width(out, 12);
	assert_null(strchr(out, '\x1b'));
	assert_null(strstr(out, "\xc2\x9b"));
	assert_null(strstr(out, "\xe2\x80\xae"));
	assert_non_null(strstr(out, "^["));
	free(out);
}

static void
test_empty(void **state)
{
	char *out = dump_of("", 0, 80);

	(void)state;
	assert_string_equal(out, "");
	free(out);
	out = dump_of("\n\n\n", 3, 80);
	assert_string_equal(out, "");
	free(out);
	assert_string_equal(dump_mark(BLOCK_HEADING), "## ");
	assert_string_equal(dump_mark(BLOCK_PARAGRAPH), "");
	assert_string_equal(dump_mark(99), "");
}

static void
test_write_error(void **state)
{
	const char s[] = "Title\n\nBody.\n";
	struct article *art = article_new(s, sizeof s - 1, "t");
	struct block_list *bl = blocks_parse(art);
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (f == NULL) {
		blocks_free(bl);
		article_free(art);
		skip();
	}
	assert_int_equal(dump_write(f, art, bl, 80), -1);
	fclose(f);
	blocks_free(bl);
	article_free(art);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bundled_marks),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
