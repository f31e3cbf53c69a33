/*
 * layout-test.c: wrapping, widths and offset <-> position mapping.
 *
 * The strongest check compares the layout with a plain reference: the
 * whole block's break opportunities from u8_possible_linebreaks() and
 * the same greedy rule, on random mixed-script text at random widths. It
 * proves that the ASCII tables and the line-at-a-time path of layout.c
 * give what libunistring alone gives.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unilbrk.h>

#include "article.h"
#include "blocks.h"
#include "layout.h"
#include "sanitize.h"
#include "xmalloc.h"

/* An article of s and a block list of one paragraph over all of it. */
struct fixture {
	struct article *art;
	struct block_list bl;
	struct block b;
	struct layout *lo;
};

static void
fixture_open(struct fixture *fx, const char *s, size_t n, int width)
{
	size_t a = 0, z;
	const char *t;

	fx->art = article_new(s, n, "t");
	t = article_text(fx->art);
	z = article_len(fx->art);
	while (a < z && strchr(" \r\n", t[a]) != NULL)
		a++;
	while (z > a && strchr(" \r\n", t[z - 1]) != NULL)
		z--;
	fx->b.kind = BLOCK_PARAGRAPH;
	fx->b.start = a;
	fx->b.end = fx->b.shown_end = z;
	fx->bl.v = &fx->b;
	fx->bl.n = z > a ? 1 : 0;
	fx->lo = layout_new(fx->art, &fx->bl, width);
}

static void
fixture_close(struct fixture *fx)
{
	layout_free(fx->lo);
	article_free(fx->art);
}

/* Display width of text[a..b) as the layout counts it. */
static int
width_of(const char *t, size_t a, size_t b)
{
	return sanitize_width(t + a, b - a);
}

/* Check the general invariants of every line of a layout. */
static size_t
check_lines(struct layout *lo, const char *t, int width)
{
	struct layout_line ln;
	size_t n = 0;

	while (layout_get(lo, n, &ln)) {
		if (ln.block != LAYOUT_NO_BLOCK) {
			assert_true(ln.end >= ln.start);
			assert_true(ln.width <= width ||
			    ln.end - ln.start <= 4);
			assert_int_equal(ln.width, width_of(t, ln.start,
			    ln.end));
			/* Lines never start or end with blank space. */
			if (ln.end > ln.start) {
				assert_true(strchr(" \n\r", t[ln.start]) ==
				    NULL);
				assert_true(strchr(" \n\r", t[ln.end - 1]) ==
				    NULL);
			}
		}
		n++;
	}
	return n;
}

/* --- the reference -------------------------------------------------- */

struct ref_line {
	size_t start, end;
	int width;
};

/* Greedy filling over libunistring's flags for the whole block. */
static size_t
ref_wrap(const char *t, size_t bs, size_t be, int width,
    struct ref_line *out, size_t max)
{
	size_t n = be - bs, i, nl = 0, line = bs, end_trim = bs, brk = 0,
	    brk_end = 0;
	char *copy = xmalloc(n + 1), *fl = xmalloc(n + 1);
	int col = 0, col_trim = 0, brk_w = 0, brk_col = 0;
	bool have = false;
	struct glyph g;

	for (i = 0; i < n; i++)
		copy[i] = t[bs + i] == '\n' || t[bs + i] == '\r' ? ' ' :
		    t[bs + i];
	u8_possible_linebreaks((const uint8_t *)copy, n, "UTF-8", fl);
	i = bs;
	while (i < be) {
		size_t at = i;
		char c = t[i];

		if (c == ' ' || c == '\n' || c == '\r') {
			col += (c == '\r' && i + 1 < be && t[i + 1] == '\n') ?
			    0 : 1;
			i++;
			continue;
		}
		if ((fl[i - bs] == UC_BREAK_POSSIBLE ||
		    fl[i - bs] == UC_BREAK_HYPHENATION) && i > line) {
			have = true;
			brk = i;
			brk_end = end_trim;
			brk_w = col_trim;
			brk_col = col;
		}
		sanitize_glyph(t, be, &i, col, &g);
		if (col + g.width > width && at > line) {
			if (have) {
				assert_true(nl < max);
				out[nl].start = line;
				out[nl].end = brk_end;
				out[nl++].width = brk_w;
				line = brk;
				col -= brk_col;
				col_trim = col_trim > brk_col ?
				    col_trim - brk_col : 0;
				have = false;
			}
			if (col + g.width > width && at > line) {
				assert_true(nl < max);
				out[nl].start = line;
				out[nl].end = end_trim;
				out[nl++].width = col_trim;
				line = at;
				col = col_trim = 0;
			}
		}
		col += g.width;
		col_trim = col;
		end_trim = i;
	}
	if (end_trim > line) {
		assert_true(nl < max);
		out[nl].start = line;
		out[nl].end = end_trim;
		out[nl++].width = col_trim;
	}
	free(copy);
	free(fl);
	return nl;
}

static const char *pool[] = {
	"the", "of", "Kazakhstan", "said", "a", "U.S.", "1,000", "2022.",
	"e-mail", "well-known", "(left)", "\"sham\"", "'quoted'", "--", "-",
	"/", "50%", "$10", "end.", "Why?", "wow!", "x:", "a;b", "[1]",
	"http://example.com/a-b", "caf\xc3\xa9", "na\xc3\xafve",
	"\xe6\x9d\xb1\xe4\xba\xac\xe5\xa4\xa7\xe5\xad\xa6",
	"\xf0\x9f\x98\x80", "e\xcc\x81", "\xe2\x80\x94",
	"\xe2\x80\x9cquote\xe2\x80\x9d", "\xc2\xab" "fr" "\xc2\xbb",
	"\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0",
	"\xd9\xa1\xd9\xa2", "\xf0\x9f\x87\xba\xf0\x9f\x87\xb8",
	"a\xc2\xa0" "b", "\xe3\x80\x82", "\xef\xbc\x8c", "(",
	")", "\xe2\x80\x99s", "\x1b[31m", "x\ty", "\xc2\xad",
	"supercalifragilisticexpialidocious",
	"\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad",
};
static const char *seps[] = { " ", " ", " ", "  ", "\n", "\r\n" };

static size_t
random_text(char *buf, size_t cap, unsigned int *seed)
{
	size_t n = 0, words, k;

	words = 1 + rand_r(seed) % 60;
	for (k = 0; k < words; k++) {
		const char *w = pool[rand_r(seed) % (sizeof pool /
		    sizeof pool[0])];
		const char *s = seps[rand_r(seed) % (sizeof seps /
		    sizeof seps[0])];

		if (n + strlen(w) + strlen(s) + 1 >= cap)
			break;
		if (k > 0) {
			memcpy(buf + n, s, strlen(s));
			n += strlen(s);
		}
		memcpy(buf + n, w, strlen(w));
		n += strlen(w);
	}
	buf[n] = '\0';
	return n;
}

/* Tabs make widths depend on columns; the reference leaves them out. */
static void
test_matches_libunistring(void **state)
{
	struct ref_line ref[1024];
	unsigned int seed = 7;
	char buf[2048];
	int it;

	(void)state;
	for (it = 0; it < 4000; it++) {
		struct fixture fx;
		struct layout_line ln;
		int width = 1 + rand_r(&seed) % 40;
		size_t n = random_text(buf, sizeof buf, &seed), nr, k;

		if (strchr(buf, '\t') != NULL)
			continue;
		fixture_open(&fx, buf, n, width);
		if (fx.bl.n == 0) {
			fixture_close(&fx);
			continue;
		}
		nr = ref_wrap(article_text(fx.art), fx.b.start, fx.b.end,
		    width, ref, 1024);
		for (k = 0; k < nr; k++) {
			if (!layout_get(fx.lo, k, &ln) ||
			    ln.start != ref[k].start || ln.end != ref[k].end ||
			    ln.width != ref[k].width)
				fail_msg("width %d line %zu: got %zu-%zu, want "
				    "%zu-%zu in \"%s\"", width, k, ln.start,
				    ln.end, ref[k].start, ref[k].end, buf);
		}
		assert_false(layout_get(fx.lo, nr, &ln));
		fixture_close(&fx);
	}
}

/* --- widths ---------------------------------------------------------- */

static void
test_widths(void **state)
{
	struct {
		const char *s;
		int width;
	} cases[] = {
		{ "abc", 3 },
		/* CJK: two columns each */
		{ "\xe6\x9d\xb1\xe4\xba\xac", 4 },
		/* e + combining acute: one column */
		{ "e\xcc\x81", 1 },
		/* emoji: two columns */
		{ "\xf0\x9f\x98\x80", 2 },
		/* mixed: "Москва 東京 café" */
		{ "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 "
		  "\xe6\x9d\xb1\xe4\xba\xac caf\xc3\xa9", 16 },
		/* ESC shown as ^[ */
		{ "\x1b", 2 },
		/* a tab from column 0 */
		{ "\t", 8 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(sanitize_width(cases[i].s,
		    strlen(cases[i].s)), cases[i].width);
}

/* Wrap s at width and return the lines as "a|b|c" (allocated). */
static char *
wrap_join(const char *s, int width)
{
	struct fixture fx;
	struct layout_line ln;
	size_t n = 0, cap = strlen(s) * 2 + 16, len = 0;
	char *out = xmalloc(cap);

	fixture_open(&fx, s, strlen(s), width);
	out[0] = '\0';
	while (layout_get(fx.lo, n, &ln)) {
		size_t k = ln.end - ln.start;

		if (n > 0)
			out[len++] = '|';
		memcpy(out + len, article_text(fx.art) + ln.start, k);
		len += k;
		out[len] = '\0';
		n++;
	}
	check_lines(fx.lo, article_text(fx.art), width);
	fixture_close(&fx);
	return out;
}

static void
test_wrap_cases(void **state)
{
	struct {
		const char *s;
		int width;
		const char *want;
	} cases[] = {
		{ "one two three", 7, "one two|three" },
		{ "one two three", 3, "one|two|thr|ee" },
		{ "abcdefghij", 4, "abcd|efgh|ij" },
		/* hard-wrapped lines are joined */
		{ "one\ntwo\nthree", 80, "one\ntwo\nthree" },
		{ "one\r\ntwo", 4, "one|two" },
		/* CJK breaks between ideographs, 2 columns each */
		{ "\xe6\x9d\xb1\xe4\xba\xac\xe5\xa4\xa7\xe5\xad\xa6", 5,
		  "\xe6\x9d\xb1\xe4\xba\xac|\xe5\xa4\xa7\xe5\xad\xa6" },
		/* a combining mark stays with its letter at a cut */
		{ "abe\xcc\x81" "cd", 3, "abe\xcc\x81|cd" },
		/* emoji take two columns */
		{ "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 4,
		  "\xf0\x9f\x98\x80\xf0\x9f\x98\x80|\xf0\x9f\x98\x80" },
		/* break after a hyphen */
		{ "well-known", 6, "well-|known" },
		/* no break before a closing punctuation */
		{ "aaa bbb!", 7, "aaa|bbb!" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = wrap_join(cases[i].s, cases[i].width);

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("\"%s\" at %d: got \"%s\", want \"%s\"",
			    cases[i].s, cases[i].width, got, cases[i].want);
		free(got);
	}
}

/* --- whole articles -------------------------------------------------- */

static struct article *
load_bundled(void)
{
	char *cause = NULL;
	char *path = xasprintf("%s/content/central-asia-referendums.txt",
	    WHOSAID_SRCDIR);
	struct article *art = article_load(path, &cause);

	if (art == NULL)
		fail_msg("%s", cause);
	free(path);
	return art;
}

static void
test_empty_and_blank(void **state)
{
	const char *texts[] = { "", "\n\n\n", "   \n \t \r\n\r\n",
		"\xef\xbb\xbf" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct article *art = article_new(texts[i], strlen(texts[i]),
		    "t");
		struct block_list *bl = blocks_parse(art);
		struct layout *lo = layout_new(art, bl, 80);
		struct layout_line ln;
		int col = -1;

		assert_int_equal(layout_nlines(lo), 0);
		assert_false(layout_get(lo, 0, &ln));
		assert_int_equal(layout_line_of(lo, 0, &col), 0);
		assert_int_equal(col, 0);
		assert_int_equal(layout_offset_at(lo, 0, 5), 0);
		layout_free(lo);
		blocks_free(bl);
		article_free(art);
	}
}

/* Lay out a whole article; check every line. */
static size_t
check_article(const char *s, size_t n, int width)
{
	struct article *art = article_new(s, n, "t");
	struct block_list *bl = blocks_parse(art);
	struct layout *lo = layout_new(art, bl, width);
	size_t lines = check_lines(lo, article_text(art), width);

	layout_free(lo);
	blocks_free(bl);
	article_free(art);
	return lines;
}

static void
test_encodings(void **state)
{
	/* Windows-1252 curly quotes and é: decoded, laid out. */
	const char cp[] = "Title\n\n\x93Quoted\x94 caf\xe9 text here\n";
	const char crlf[] = "Title\r\n\r\nOne two\r\nthree four\r\n";
	const char bom[] = "\xef\xbb\xbfTitle\n\nBody text\n";
	struct article *art;
	struct block_list *bl;
	struct layout *lo;
	struct layout_line ln;

	(void)state;
	/* "Title", separator, then "\u201cQuoted\u201d|caf\u00e9 text|here". */
	assert_int_equal(check_article(cp, sizeof cp - 1, 10), 5);
	art = article_new(cp, sizeof cp - 1, "t");
	assert_true(article_flags(art) & ARTICLE_CP1252);
	article_free(art);

	assert_true(check_article(crlf, sizeof crlf - 1, 80) == 3);
	art = article_new(crlf, sizeof crlf - 1, "t");
	bl = blocks_parse(art);
	lo = layout_new(art, bl, 80);
	assert_true(layout_get(lo, 2, &ln));
	/* "One two\r\nthree four": CR before LF takes no column. */
	assert_int_equal(ln.width, 18);
	layout_free(lo);
	blocks_free(bl);
	article_free(art);

	art = article_new(bom, sizeof bom - 1, "t");
	bl = blocks_parse(art);
	lo = layout_new(art, bl, 80);
	assert_true(layout_get(lo, 0, &ln));
	assert_int_equal(ln.start, 3); /* after the BOM */
	assert_int_equal(ln.width, 5);
	layout_free(lo);
	blocks_free(bl);
	article_free(art);
}

/*
 * Under valgrind (make check-valgrind sets WHOSAID_TEST_QUICK) the line is
 * one megabyte: the same paths, a tenth of the time.
 */
static void
test_ten_mb_line(void **state)
{
	size_t n = (getenv("WHOSAID_TEST_QUICK") ? 1 : 10) * 1024 * 1024;
	size_t i, lines;
	char *s = xmalloc(n + 1);
	const char *words[] = { "lorem ", "ipsum ", "caf\xc3\xa9 ",
		"\xe6\x9d\xb1\xe4\xba\xac ", "dolor-sit " };

	(void)state;
	/* One line of words... */
	for (i = 0; i < n;) {
		const char *w = words[(i / 7) % 5];
		size_t k = strlen(w);

		if (i + k > n)
			break;
		memcpy(s + i, w, k);
		i += k;
	}
	lines = check_article(s, i, 80);
	assert_true(lines > i / 160);
	/* ... and one word of ten megabytes, cut at the width. */
	memset(s, 'x', n);
	lines = check_article(s, n, 80);
	assert_int_equal(lines, (n + 79) / 80);
	/* ... and ten megabytes of CJK without a space. */
	for (i = 0; i + 3 <= n; i += 3)
		memcpy(s + i, "\xe4\xb8\xad", 3);
	lines = check_article(s, i, 80);
	assert_int_equal(lines, (i / 3 + 39) / 40);
	free(s);
}

/* Start of the character holding o. */
static size_t
char_start(const char *t, size_t o)
{
	while (o > 0 && ((unsigned char)t[o] & 0xc0) == 0x80)
		o--;
	return o;
}

static void
round_trips(struct article *art, int width)
{
	struct block_list *bl = blocks_parse(art);
	struct layout *lo = layout_new(art, bl, width);
	const char *t = article_text(art);
	size_t len = article_len(art), o, n, l, last_end;
	struct layout_line ln;

	n = layout_nlines(lo);
	assert_true(layout_get(lo, n - 1, &ln));
	last_end = ln.end;
	/* Every byte offset: to (line, col) and back. */
	for (o = 0; o <= len; o++) {
		int col, col2;
		size_t o2;

		l = layout_line_of(lo, o, &col);
		assert_true(l < n);
		o2 = layout_offset_at(lo, l, col);
		assert_true(layout_get(lo, l, &ln));
		if (o >= last_end) {
			/* Past the last shown text: the last line's end. */
			assert_int_equal(l, n - 1);
			assert_int_equal(col, ln.width);
			assert_int_equal(o2, ln.end);
		} else if (o2 <= o) {
			/* Shown: the start of its cluster, same place. */
			assert_true(o2 >= ln.start);
			assert_int_equal(o2, char_start(t, o2));
			assert_true(o < ln.end || o2 == ln.end);
			assert_int_equal(layout_line_of(lo, o2, &col2), l);
			assert_int_equal(col2, col);
			/* Nothing in between maps elsewhere. */
			assert_true(o - o2 < 16);
		} else {
			/* Not shown (boilerplate, blank space, the second
			 * copy of a caption): the start of the next line. */
			assert_int_equal(col, 0);
			assert_int_equal(o2, ln.start);
			assert_true(o < ln.start);
		}
	}
	/* Every (line, col) of every line: to an offset and back. */
	for (l = 0; l < n; l++) {
		int c;

		assert_true(layout_get(lo, l, &ln));
		if (ln.block == LAYOUT_NO_BLOCK)
			continue;
		for (c = 0; c < ln.width; c++) {
			int col;

			o = layout_offset_at(lo, l, c);
			assert_true(o >= ln.start && o < ln.end);
			assert_int_equal(layout_line_of(lo, o, &col), l);
			assert_true(col <= c);
		}
		/* Past the end: the line's end. */
		assert_int_equal(layout_offset_at(lo, l, ln.width + 3),
		    ln.end);
	}
	layout_free(lo);
	blocks_free(bl);
}

static void
test_round_trips(void **state)
{
	struct article *art = load_bundled();

	(void)state;
	round_trips(art, 20);
	round_trips(art, 57);
	round_trips(art, 80);
	article_free(art);
}

static void
test_round_trips_mixed(void **state)
{
	const char s[] = "T\xc3\xadtulo\n\n"
	    "e\xcc\x81t\xc3\xa9 \xe6\x9d\xb1\xe4\xba\xac "
	    "\xf0\x9f\x98\x80 x\xe2\x80\x8dy and \x1b[1m bold\n\n"
	    "Second paragraph with\ta tab.\n";
	struct article *art = article_new(s, sizeof s - 1, "t");

	(void)state;
	round_trips(art, 5);
	round_trips(art, 12);
	article_free(art);
}

static void
test_lazy_and_set_width(void **state)
{
	struct article *art = load_bundled();
	struct block_list *bl = blocks_parse(art);
	struct layout *lo = layout_new(art, bl, 80);
	struct layout_line ln, ln2;
	size_t n80, n40, off, l;
	int col;

	(void)state;
	assert_true(layout_get(lo, 0, &ln));
	assert_int_equal(bl->v[ln.block].kind, BLOCK_TITLE);
	n80 = layout_nlines(lo);
	/* Narrower means more lines; the same offsets stay findable. */
	off = bl->v[bl->n / 2].start + 10;
	l = layout_line_of(lo, off, &col);
	layout_set_width(lo, 40);
	assert_int_equal(layout_width(lo), 40);
	n40 = layout_nlines(lo);
	assert_true(n40 > n80);
	check_lines(lo, article_text(art), 40);
	l = layout_line_of(lo, off, &col);
	assert_true(layout_get(lo, l, &ln2));
	assert_true(off >= ln2.start && off < ln2.end);
	/* Asking for an offset near the start lays out little. */
	layout_set_width(lo, 60);
	assert_int_equal(layout_line_of(lo, 0, NULL), 0);
	layout_free(lo);
	blocks_free(bl);
	article_free(art);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_wrap_cases),
		cmocka_unit_test(test_matches_libunistring),
		cmocka_unit_test(test_empty_and_blank),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_ten_mb_line),
		cmocka_unit_test(test_round_trips),
		cmocka_unit_test(test_round_trips_mixed),
		cmocka_unit_test(test_lazy_and_set_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
