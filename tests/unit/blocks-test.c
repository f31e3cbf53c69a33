/*
 * blocks-test.c: the structure of articles.
 */
#include "config.h"

#include <dirent.h>
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
#include "xmalloc.h"

static struct article *
load(const char *rel)
{
	char *cause = NULL;
	char *path = xasprintf("%s/%s", WHOSAID_SRCDIR, rel);
	struct article *art = article_load(path, &cause);

	if (art == NULL)
		fail_msg("%s", cause);
	free(path);
	return art;
}

/* Does block k of art start with prefix? */
static int
starts(const struct article *art, const struct block *b, const char *prefix)
{
	return strncmp(article_text(art) + b->start, prefix,
	    strlen(prefix)) == 0;
}

/* The kinds of blocks as a string of letters, one per block. */
static char *
kinds(const char *s)
{
	static const char letter[BLOCK_NKINDS] = {
		[BLOCK_TITLE] = 'T', [BLOCK_CAPTION] = 'C',
		[BLOCK_HEADING] = 'H', [BLOCK_PARAGRAPH] = 'P',
		[BLOCK_LIST] = 'L', [BLOCK_BYLINE] = 'Y', [BLOCK_BIO] = 'B',
		[BLOCK_BOILERPLATE] = 'X',
	};
	struct article *art = article_new(s, strlen(s), "t");
	struct block_list *bl = blocks_parse(art);
	char *out = xmalloc(bl->n + 1);
	size_t k;

	for (k = 0; k < bl->n; k++)
		out[k] = letter[bl->v[k].kind];
	out[bl->n] = '\0';
	blocks_free(bl);
	article_free(art);
	return out;
}

static void
assert_kinds(const char *text, const char *want)
{
	char *got = kinds(text);

	if (strcmp(got, want) != 0)
		fail_msg("got %s, want %s for:\n%s", got, want, text);
	free(got);
}

/*
 * Every block of the bundled article, in order: the kind and how the
 * block begins.
 */
static void
test_bundled_article(void **state)
{
	static const struct {
		enum block_kind kind;
		const char *start;
	} want[] = {
		{ BLOCK_BOILERPLATE, "Accessibility links" },
		{ BLOCK_BOILERPLATE, "Breaking News" },
		{ BLOCK_TITLE, "Russia's 'Sham' Referendums" },
		{ BLOCK_CAPTION, "Russian President Vladimir Putin (left)" },
		{ BLOCK_PARAGRAPH, "ALMATY, Kazakhstan --" },
		{ BLOCK_PARAGRAPH, "But in the countries" },
		{ BLOCK_PARAGRAPH, "For Putin, there is" },
		{ BLOCK_PARAGRAPH, "But Central Asian caution" },
		{ BLOCK_PARAGRAPH, "Experts meanwhile argue" },
		{ BLOCK_HEADING, "Territorial Integrity Integral" },
		{ BLOCK_PARAGRAPH, "In Putin's September 30" },
		{ BLOCK_PARAGRAPH, "One neighbor" },
		{ BLOCK_PARAGRAPH, "So far Astana" },
		{ BLOCK_PARAGRAPH, "Speaking on September 26" },
		{ BLOCK_PARAGRAPH, "Uzbekistan, the region's" },
		{ BLOCK_PARAGRAPH, "None of Kyrgyzstan" },
		{ BLOCK_PARAGRAPH, "A senior government official" },
		{ BLOCK_CAPTION, "Russian President Vladimir Putin (right)" },
		{ BLOCK_PARAGRAPH, "The last time the Kremlin's" },
		{ BLOCK_PARAGRAPH, "In all cases" },
		{ BLOCK_PARAGRAPH, "As recently as 2019" },
		{ BLOCK_PARAGRAPH, "But since then" },
		{ BLOCK_PARAGRAPH, "In the months that followed" },
		{ BLOCK_PARAGRAPH, "Others have called" },
		{ BLOCK_PARAGRAPH, "These messages highlighted" },
		{ BLOCK_PARAGRAPH, "Uzbekistan's statement" },
		{ BLOCK_PARAGRAPH, "In March, then-Foreign Minister" },
		{ BLOCK_PARAGRAPH, "Komilov later disappeared" },
		{ BLOCK_PARAGRAPH, "Anvar Nazirov" },
		{ BLOCK_CAPTION, "Kazakhs rally in support" },
		{ BLOCK_PARAGRAPH, "Back in March" },
		{ BLOCK_PARAGRAPH, "Yet Uzbekistan" },
		{ BLOCK_PARAGRAPH, "\"After the recent" },
		{ BLOCK_HEADING, "China's Push, Russia A 'Domestic Issue'" },
		{ BLOCK_PARAGRAPH, "Crimea was not" },
		{ BLOCK_PARAGRAPH, "Russian expectations" },
		{ BLOCK_PARAGRAPH, "Then-President Dmitry Medvedev" },
		{ BLOCK_PARAGRAPH, "But the SCO" },
		{ BLOCK_PARAGRAPH, "Although Beijing" },
		{ BLOCK_PARAGRAPH, "The diplomatic shade" },
		{ BLOCK_PARAGRAPH, "Stopping off en route" },
		{ BLOCK_PARAGRAPH, "Recent weeks" },
		{ BLOCK_PARAGRAPH, "Since Putin ordered" },
		{ BLOCK_PARAGRAPH, "Major cities" },
		{ BLOCK_PARAGRAPH, "The mixed reactions" },
		{ BLOCK_PARAGRAPH, "\"It is about them" },
		{ BLOCK_LIST, "\xe2\x80\xa2 16x9 Image" },
		{ BLOCK_BYLINE, "Chris Rickleton\n" },
		{ BLOCK_BIO, "Chris Rickleton is a journalist" },
		{ BLOCK_BOILERPLATE, "RFE/RL has been declared" },
		{ BLOCK_BOILERPLATE, "If you are in Russia" },
		{ BLOCK_BOILERPLATE, "To find out more, click here." },
	};
	struct article *art = load("content/central-asia-referendums.txt");
	struct block_list *bl = blocks_parse(art);
	const char *t = article_text(art);
	size_t k, n = sizeof want / sizeof want[0];

	(void)state;
	assert_int_equal(bl->n, n);
	for (k = 0; k < n; k++) {
		const struct block *b = &bl->v[k];

		if (b->kind != want[k].kind || !starts(art, b, want[k].start))
			fail_msg("block %zu: %s \"%.30s\", want %s \"%s\"", k,
			    blocks_kind_name(b->kind), t + b->start,
			    blocks_kind_name(want[k].kind), want[k].start);
		/* Ranges: ordered, trimmed. */
		assert_true(b->start < b->end);
		assert_true(b->shown_end <= b->end);
		assert_true(strchr(" \t\r\n", t[b->start]) == NULL);
		assert_true(strchr(" \t\r\n", t[b->end - 1]) == NULL);
		if (k > 0)
			assert_true(bl->v[k - 1].end < b->start);
		if (b->kind == BLOCK_CAPTION) {
			/* Printed twice: shown once. */
			size_t first = b->shown_end - b->start;

			assert_true(b->shown_end < b->end);
			assert_memory_equal(t + b->start,
			    t + b->end - first, first);
		} else
			assert_int_equal(b->shown_end, b->end);
	}
	/* The name helpers agree with each other. */
	for (k = 0; k < BLOCK_NKINDS; k++)
		assert_int_equal(blocks_kind_from_name(blocks_kind_name(k)), k);
	assert_int_equal(blocks_kind_from_name("nonsense"), -1);
	assert_int_equal(blocks_find(bl, 0), 0);
	assert_int_equal(blocks_find(bl, bl->v[5].start + 3), 5);
	assert_int_equal(blocks_find(bl, article_len(art)), bl->n);
	blocks_free(bl);
	article_free(art);
}

static void
test_hard_wrapped(void **state)
{
	const char *s =
	    "A Plain Text Title\n"
	    "\n"
	    "This is a paragraph of plain text, hard-wrapped at about\n"
	    "seventy-two columns the way mail and old news posts are,\n"
	    "so that its lines are joined by single newlines.\n"
	    "\n"
	    "A second paragraph, also wrapped over more than one line of\n"
	    "text, follows after a blank line.\n";
	struct article *art = article_new(s, strlen(s), "t");
	struct block_list *bl = blocks_parse(art);

	(void)state;
	assert_int_equal(bl->n, 3);
	assert_int_equal(bl->v[0].kind, BLOCK_TITLE);
	assert_int_equal(bl->v[1].kind, BLOCK_PARAGRAPH);
	assert_int_equal(bl->v[2].kind, BLOCK_PARAGRAPH);
	/* The whole hard-wrapped paragraph is one block. */
	assert_true(starts(art, &bl->v[1], "This is a paragraph"));
	assert_memory_equal(article_text(art) + bl->v[1].end - 9,
	    "newlines.", 9);
	blocks_free(bl);
	article_free(art);
}

static void
test_markdown(void **state)
{
	(void)state;
	assert_kinds("# Title\n\nSome text here.\n\n## A section\n\n"
	    "More text.\n\n### Sub section\n\nEnd.\n", "TPHPHP");
	/* Setext underlines */
	assert_kinds("Title\n=====\n\nText here.\n\nSection\n-------\n\n"
	    "More.\n", "TPHP");
	/* Lists: bullets and numbers, one block per item */
	assert_kinds("Title\n\nIntro text.\n\n- one\n- two\n* three\n\n"
	    "1. first\n2. second\n   continued\n\nEnd.\n", "TPLLLLLP");
}

/*
 * A legal notice closing the article is found wherever it stands in the
 * block (the block is looked at sixteen bytes a step), at a word start
 * or after a mark, never inside a word.
 */
static void
test_notice_anywhere(void **state)
{
	static const char *const at[] = { " ", "-", "\t", "(", "x" };
	char text[160], *got;
	size_t k, a;

	(void)state;
	for (k = 0; k < 40; k++) {
		for (a = 0; a < sizeof at / sizeof at[0]; a++) {
			int n = snprintf(text, sizeof text,
			    "Title\n\nBody text.\n\n%.*s%sAll Rights "
			    "Reserved\n", (int)k,
			    "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq",
			    at[a]);

			assert_true(n > 0 && (size_t)n < sizeof text);
			got = kinds(text);
			/* "xAll": inside a word, no notice */
			assert_string_equal(got, a == 4 ? "TPP" : "TPX");
			free(got);
		}
	}
}

static void
test_shapes(void **state)
{
	(void)state;
	/* A heading needs text before and after it. */
	assert_kinds("Title\n\nIntro paragraph.\n\nShort Heading\n\n"
	    "Body paragraph.\n", "TPHP");
	/* "Label: value" lines of a list are no headings; a label-less
	 * short line between them still is. */
	assert_kinds("Title\n\nIntro paragraph.\n\nAdvisor: Dr. Ann Lee\n\n"
	    "Project Title: Aeneas\n\nState University\n\n"
	    "Body paragraph.\n", "TPPPHP");
	/* A short line ending in a full stop is no heading. */
	assert_kinds("Title\n\nIntro paragraph.\n\nA short sentence.\n\n"
	    "Body paragraph.\n", "TPPP");
	/* A date line and a byline under the title. */
	assert_kinds("Title\n\nFriday, July 21, 2017\n\nBody text.\n", "TYP");
	assert_kinds("Title\n\nBy Jane Doe\n\nBody text.\n", "TYP");
	/* a byline has at most twelve words (more: a heading), white space
	 * of any kind and length between them, words across sixteen-byte
	 * steps */
	assert_kinds("Title\n\nBy Ann Bo\tCy  Di Ed Flo Gus Hal Ivy  Jo "
	    "Kimberley\n\nBody text.\n", "TYP");
	assert_kinds("Title\n\nBy Ann Bo\tCy  Di Ed Flo Gus Hal Ivy  Jo "
	    "Kimberley Lu\n\nBody text.\n", "THP");
	assert_kinds("Title\n\nBy Annabelle-Josephine Bo Cy Di Ed Flo Gus "
	    "Hal Ivy Jo Kim\n\nBody text.\n", "TYP");
	assert_kinds("Title\n\nBy Annabelle-Josephine Bo Cy Di Ed Flo Gus "
	    "Hal Ivy Jo Kim Lu\n\nBody text.\n", "THP");
	/* A caption by its credit. */
	assert_kinds("Title\n\nBody text.\n\nA man walks by a wall in Kyiv. "
	    "(AP Photo/John Smith)\n\nMore body text.\n", "TPCP");
	/* Chrome anywhere, legal lines at the end. */
	assert_kinds("Skip to main content\n\nTitle\n\nBody text.\n\n"
	    "Share this article\n\nMore text.\n\n"
	    "Copyright 2024 Example News. All rights reserved.\n",
	    "XTPXPX");
	/* The author's name line and biography near the end. */
	assert_kinds("Title\n\nOne.\n\nTwo.\n\nThree.\n\nJane Doe\n\n"
	    "Jane Doe is a reporter covering health.\n", "TPPPYB");
	assert_kinds("Title\n\nOne.\n\nTwo.\n\nThree.\n\n"
	    "John Roe is a correspondent based in Paris.\n", "TPPPB");
	/* The verb after a space, in any case; "is an" is no "is an " */
	assert_kinds("Title\n\nOne.\n\nTwo.\n\nThree.\n\n"
	    "ANN LEE COVERS energy as a freelance writer.\n", "TPPPB");
	assert_kinds("Title\n\nOne.\n\nTwo.\n\nThree.\n\n"
	    "John Roe is annoyed by the correspondent.\n", "TPPPP");
	/* A line printed twice is one caption, shown once. */
	assert_kinds("Title\n\nText.\n\nA photo caption.\nA photo caption.\n\n"
	    "Text.\n", "TPCP");
	/* the verb after a space at every offset of the line's first 160
	 * bytes (sixteen-byte steps, then byte by byte), none past them */
	{
		char text[400];
		size_t k;

		for (k = 0; k < 150; k++) {
			int w = snprintf(text, sizeof text,
			    "Title\n\nOne.\n\nTwo.\n\nThree.\n\nJo %.*s "
			    "is a reporter.\n", (int)k,
			    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
			    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
			    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");

			assert_true(w > 0 && (size_t)w < sizeof text);
			/* "Jo ", k bytes, " is a reporter": in the
			 * head when it ends by byte 160 */
			assert_kinds(text, k + 17 <= 160 ? "TPPPB" : "TPPPP");
			snprintf(text, sizeof text,
			    "Title\n\nOne.\n\nTwo.\n\nThree.\n\nJo %.*s "
			    "is annoyed by the reporter.\n", (int)k,
			    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
			    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
			    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
			assert_kinds(text, "TPPPP");
		}
	}
}

static void
test_degenerate(void **state)
{
	const char *empty[] = { "", "\n", "\n\n \n\t\n", "\r\n\r\n",
		"\xef\xbb\xbf", "\xef\xbb\xbf\n\n" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof empty / sizeof empty[0]; i++) {
		struct article *art = article_new(empty[i], strlen(empty[i]),
		    "t");
		struct block_list *bl = blocks_parse(art);

		assert_int_equal(bl->n, 0);
		blocks_free(bl);
		article_free(art);
	}
	blocks_free(NULL);
}

static void
test_crlf_bom(void **state)
{
	const char s[] = "\xef\xbb\xbfTitle\r\n\r\nLine one\r\nline two\r\n"
	    "\r\nSecond.\r\n";
	struct article *art = article_new(s, sizeof s - 1, "t");
	struct block_list *bl = blocks_parse(art);

	(void)state;
	assert_int_equal(bl->n, 3);
	assert_int_equal(bl->v[0].start, 3);
	assert_int_equal(bl->v[0].end, 8);
	assert_int_equal(bl->v[0].kind, BLOCK_TITLE);
	/* The CR of a line end is not part of a block's end. */
	assert_true(starts(art, &bl->v[1], "Line one\r\nline two"));
	assert_int_equal(bl->v[1].end - bl->v[1].start, 18);
	assert_int_equal(bl->v[2].kind, BLOCK_PARAGRAPH);
	blocks_free(bl);
	article_free(art);
}

/*
 * The article corpus of tests/data (news from Wikinews, the U.S. DOJ and
 * RFE/RL): a title first, mostly paragraphs after it, and no boilerplate
 * in the Wikinews ones, which have none.
 */
static void
test_corpus_shapes(void **state)
{
	char *dir = xasprintf("%s/tests/data", WHOSAID_SRCDIR);
	DIR *d = opendir(dir);
	struct dirent *de;
	int files = 0;

	(void)state;
	if (d == NULL) {
		free(dir);
		skip();
	}
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name), k, para = 0;
		char *rel;
		struct article *art;
		struct block_list *bl;

		if (n < 5 || strcmp(de->d_name + n - 4, ".txt") != 0)
			continue;
		rel = xasprintf("tests/data/%s", de->d_name);
		art = load(rel);
		bl = blocks_parse(art);
		/* a title and at least one paragraph (a short notice has
		 * only one) */
		if (bl->n < 2)
			fail_msg("%s: %zu blocks", de->d_name, bl->n);
		for (k = 0; k < bl->n && bl->v[k].kind == BLOCK_BOILERPLATE;
		    k++)
			;
		if (k >= bl->n || bl->v[k].kind != BLOCK_TITLE)
			fail_msg("%s: no title first", de->d_name);
		for (k++; k < bl->n; k++) {
			assert_true(bl->v[k].kind != BLOCK_TITLE);
			if (strncmp(de->d_name, "wikinews-", 9) == 0 &&
			    bl->v[k].kind == BLOCK_BOILERPLATE)
				fail_msg("%s: block %zu is boilerplate",
				    de->d_name, k);
			para += bl->v[k].kind == BLOCK_PARAGRAPH;
		}
		/* most blocks after the title are paragraphs */
		if (para * 2 <= bl->n - 1)
			fail_msg("%s: only %zu paragraphs of %zu blocks",
			    de->d_name, para, bl->n);
		blocks_free(bl);
		article_free(art);
		free(rel);
		files++;
	}
	closedir(d);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bundled_article),
		cmocka_unit_test(test_hard_wrapped),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_notice_anywhere),
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_degenerate),
		cmocka_unit_test(test_crlf_bom),
		cmocka_unit_test(test_corpus_shapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
