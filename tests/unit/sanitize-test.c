/*
 * sanitize-test.c: what characters look like on a display.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sanitize.h"

/* The glyph of the first character of s, shown from column col. */
static struct glyph
glyph_of(const char *s, size_t n, int col)
{
	struct glyph g;
	size_t pos = 0;

	sanitize_glyph(s, n, &pos, col, &g);
	assert_int_equal(pos, g.len);
	assert_int_equal(g.off, 0);
	return g;
}

/* No byte of a shown string is a C0 control, DEL or a C1 code point. */
static void
assert_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		assert_true(*p >= 0x20 || *p == '\n');
		assert_true(*p != 0x7f);
		if (*p == 0xc2)
			assert_false(p[1] >= 0x80 && p[1] < 0xa0);
	}
}

static void
test_controls(void **state)
{
	struct glyph g;
	char c;

	(void)state;
	g = glyph_of("\x1b", 1, 0);
	assert_string_equal(g.show, "^[");
	assert_int_equal(g.width, 2);
	g = glyph_of("\x7f", 1, 0);
	assert_string_equal(g.show, "^?");
	g = glyph_of("\0", 1, 0);
	assert_string_equal(g.show, "^@");
	/* C1: U+009B CSI, a terminal escape on its own */
	g = glyph_of("\xc2\x9b", 2, 0);
	assert_string_equal(g.show, "<9B>");
	assert_int_equal(g.len, 2);
	assert_int_equal(g.width, 4);
	for (c = 1; c < 0x20; c++) {
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		g = glyph_of(&c, 1, 0);
		assert_clean(g.show);
		assert_int_equal(g.width, 2);
	}
}

static void
test_blanks(void **state)
{
	struct glyph g;

	(void)state;
	g = glyph_of("\t", 1, 0);
	assert_string_equal(g.show, "        ");
	assert_int_equal(g.width, 8);
	g = glyph_of("\t", 1, 5);
	assert_int_equal(g.width, 3);
	g = glyph_of("\t", 1, 8);
	assert_int_equal(g.width, 8);
	g = glyph_of("\n", 1, 0);
	assert_string_equal(g.show, " ");
	/* CR before LF shows nothing; a lone CR a space. */
	g = glyph_of("\r\n", 2, 0);
	assert_string_equal(g.show, "");
	assert_int_equal(g.width, 0);
	g = glyph_of("\rx", 2, 0);
	assert_int_equal(g.width, 1);
}

static void
test_unicode_widths(void **state)
{
	struct glyph g;

	(void)state;
	g = glyph_of("\xe6\x9d\xb1", 3, 0); /* CJK */
	assert_int_equal(g.width, 2);
	g = glyph_of("\xcc\x81", 2, 0); /* combining acute */
	assert_int_equal(g.width, 0);
	g = glyph_of("\xf0\x9f\x98\x80", 4, 0); /* emoji */
	assert_int_equal(g.width, 2);
	g = glyph_of("\xc3\xa9", 2, 0);
	assert_string_equal(g.show, "\xc3\xa9");
	assert_int_equal(g.width, 1);
	/* A bidi override would reorder the terminal: dropped. */
	g = glyph_of("\xe2\x80\xae", 3, 0);
	assert_string_equal(g.show, "");
	assert_int_equal(g.width, 0);
}

static void
test_invalid(void **state)
{
	const char *bad[] = { "\xff", "\xc3", "\xe6\x9d", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\xc0\xaf" };
	struct glyph g;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		size_t pos = 0, n = strlen(bad[i]);

		/* Never stuck, never past the end, always U+FFFD. */
		while (pos < n) {
			size_t before = pos;

			sanitize_glyph(bad[i], n, &pos, 0, &g);
			assert_true(pos > before && pos <= n);
			assert_string_equal(g.show, "\xef\xbf\xbd");
			assert_int_equal(g.width, 1);
		}
	}
}

static void
test_string_and_width(void **state)
{
	const char s[] = "a\x1b[31mred\x1b[0m\tb\nc\xc2\x85";
	size_t n;
	char *out;

	(void)state;
	out = sanitize_string(s, sizeof s - 1, &n);
	assert_int_equal(strlen(out), n);
	assert_string_equal(out, "a^[[31mred^[[0m b\nc<85>");
	assert_clean(out);
	free(out);
	assert_int_equal(sanitize_width("ab\tc", 4), 9);
	assert_int_equal(sanitize_width("a\nb", 3), 3);
	assert_int_equal(sanitize_width("", 0), 0);
}

/* Every single byte and every pair of bytes: no crash, clean output. */
static void
test_all_bytes(void **state)
{
	char s[2];
	int a, b;

	(void)state;
	for (a = 0; a < 256; a++) {
		for (b = 0; b < 256; b += 17) {
			char *out;

			s[0] = (char)a;
			s[1] = (char)b;
			out = sanitize_string(s, 2, NULL);
			assert_clean(out);
			assert_true(sanitize_width(s, 2) >= 0);
			free(out);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_blanks),
		cmocka_unit_test(test_unicode_widths),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_string_and_width),
		cmocka_unit_test(test_all_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
