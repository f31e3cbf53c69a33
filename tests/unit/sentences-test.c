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
	{
		static const char *const some[] = { "Lavrov", "Putin", NULL };
		static const char *const none[] = { "putin", "Putin's", NULL };

		static const char *const near[] = { "Puti", "Putins", "",
			"PUTIN", NULL };

		assert_true(sentences_eq_any(tk, 1, some));
		assert_false(sentences_eq_any(tk, 1, none));
		assert_false(sentences_eq_any(tk, 1, near));
	}
	/* the inline tests: lengths either side, case */
	assert_false(sentences_eq(tk, 1, "Puti"));
	assert_false(sentences_eq(tk, 1, "Putins"));
	assert_true(sentences_ieq(tk, 1, "PUTIN"));
	assert_true(sentences_ieq(tk, 0, "mr."));
	assert_false(sentences_ieq(tk, 0, "mr"));
	assert_int_equal(sentences_len(tk, 1), 5);
	assert_false(sentences_is(tk, 0, 'M'));
	assert_true(tk->v[1].flags & TOK_POSS);
	assert_int_equal(tk->v[1].end - tk->v[1].start, 7);
	assert_true(sentences_is(tk, 2, '"'));
	assert_int_equal(tk->v[2].start, 13);
	assert_true(tk->v[2].flags & TOK_SPACE);
	assert_true(sentences_eq(tk, tk->n - 2, "RFE/RL"));
	assert_true(sentences_is(tk, tk->n - 1, '.'));
	/* capitals: "Putin's" and the joined "RFE/RL" hold some, the mark
	 * and the "no" of "no-limits" none */
	assert_false(tk->v[1].flags & TOK_NOCAPS);
	assert_true(tk->v[2].flags & TOK_NOCAPS);
	assert_true(sentences_eq(tk, 3, "no"));
	assert_true(tk->v[3].flags & TOK_NOCAPS);
	assert_false(tk->v[tk->n - 2].flags & TOK_NOCAPS);
	sentences_free(tk);
	/* a join of a lower-case particle and a name is no longer caps-free */
	tk = split("Amr al-Amr said.");
	assert_true(sentences_eq(tk, 1, "al-Amr"));
	assert_false(tk->v[1].flags & TOK_NOCAPS);
	assert_true(tk->v[2].flags & TOK_NOCAPS);
	sentences_free(tk);
	/* a given name of two romanised syllables stays whole; an English
	 * compound does not join */
	tk = split("Ms. Kwon Hye-sook and Mr. Lim Chung-wha met Soviet-made "
	           "and Moscow-based ones.");
	assert_true(sentences_eq(tk, 2, "Hye-sook"));
	assert_true(tk->v[2].flags & TOK_CAP);
	assert_true(sentences_eq(tk, 6, "Chung-wha"));
	assert_true(sentences_eq(tk, 8, "Soviet"));
	assert_true(sentences_eq(tk, 12, "Moscow"));
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

/*
 * Whether t2 holds the tokens of t1 from token dt on, dbytes further on,
 * with the same classes, hashes and sentences (but for the first
 * token's sentence start, and the last sentence of t1, which a token
 * after it may run on).
 */
static void
same_tokens(const struct tokens *t1, const struct tokens *t2, size_t dt,
            size_t dbytes)
{
	size_t i;

	for (i = 0; i < t1->n; i++) {
		const struct token *a = &t1->v[i], *b = &t2->v[i + dt];
		unsigned mask = i == 0 && dt > 0 ? ~(unsigned)TOK_SENTSTART
		                                 : ~0u;

		assert_int_equal(a->start + dbytes, b->start);
		assert_int_equal(a->end + dbytes, b->end);
		assert_int_equal(a->core_end + dbytes, b->core_end);
		assert_int_equal(a->flags & mask, b->flags & mask);
		assert_int_equal(a->lex, b->lex);
		assert_true(a->hash == b->hash);
	}
	assert_true(t1->ns >= 1 || t1->n == 0);
	for (i = 0; t1->ns > 0 && i < t1->s[t1->ns - 1].first; i++)
		assert_int_equal(t1->sent_of[i], t2->sent_of[i + dt]);
}

/* tk->marks is every token of no word whose first byte is " ' ` or 0xc2
 * or 0xe2 (a lead byte of « » “ ” „ ‘ ’), in order, and no other. */
static void
check_marks(const struct tokens *tk)
{
	size_t i, m = 0;

	for (i = 0; i < tk->n; i++) {
		unsigned char c = (unsigned char)tk->text[tk->v[i].start];

		if ((tk->v[i].flags & TOK_WORD) ||
		    strchr("\"'`\xc2\xe2", c) == NULL || c == '\0')
			continue;
		assert_true(m < tk->nmarks);
		assert_int_equal(tk->marks[m], i);
		m++;
	}
	assert_int_equal(m, tk->nmarks);
}

/*
 * The fast tokenizer (ASCII and a few common marks) must cut exactly where
 * the general path (u8_wordbreaks) cuts, and classify, join (from the
 * cuts it notes for merge()) and split into sentences the same: compare
 * both on random strings, forcing the general path with a leading "é"
 * (all of it) and a trailing one (the general path takes over from the
 * last token after white space).
 */
static void
test_fast_path_matches_uax29(void **state)
{
	static const char *const alpha[] = { " ", "a", "Z", "9", ".", ",",
		"'", ";", ":", "_", "-", "\"", "\n", "q", "1",
		"\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\x9c",
		"\xe2\x80\x9d", "\xe2\x80\x93", "\xe2\x80\x94",
		"\xe2\x80\xa6", "\xe2\x80\xa2", "\xc2\xa0", "s", "/",
		"Mr", "al", "U", "Kim", "un", "the", "NATO", "Said", "'s",
		"?", "!", ")", "Gen", "St",
		/* sixteen bytes and more: runs read many bytes a step */
		"Nationalisation", "internationalization", "\xc3\xa9" };
	size_t na = sizeof alpha / sizeof alpha[0], r, i;
	unsigned x = 7;
	struct tokens *t1 = sentences_new(), *t2 = sentences_new();

	(void)state;
	for (r = 0; r < 20000; r++) {
		char buf[1024] = "", buf2[1032];
		size_t n = 1 + (x >> 8) % 40, len;

		/* "é" in the string itself only now and then: the fast
		 * path's own tokens must mostly stand alone */
		for (i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			strcat(buf, alpha[(x >> 16) % (na - (r % 8 != 0))]);
		}
		len = strlen(buf);
		sentences_split(t1, buf, 0, len);
		memcpy(buf2, buf, len);
		memcpy(buf2 + len, " \xc3\xa9", 4);
		sentences_split(t2, buf2, 0, len + 3);
		assert_int_equal(t2->n, t1->n + 1);
		same_tokens(t1, t2, 0, 0);
		check_marks(t1);
		check_marks(t2);
		memcpy(buf2, "\xc3\xa9 ", 3);
		memcpy(buf2 + 3, buf, len);
		sentences_split(t2, buf2, 0, len + 3);
		assert_int_equal(t2->n, t1->n + 1);
		same_tokens(t1, t2, 1, 3);
		check_marks(t2);
	}
	sentences_free(t1);
	sentences_free(t2);
}

static void
test_many_joins(void **state)
{
	/* Every kind of join, 20,000 times in one paragraph: each unit
	 * comes out as the same seven tokens at the right offsets (merge()
	 * writes behind where it reads; joins used to shift the rest). */
	static const char unit[] = "Dr. al-Amr met \"U.S.\" Qasym-Zhomart ";
	const size_t ulen = sizeof unit - 1, reps = 20000;
	static const char *const want[] = {
		"Dr.", "al-Amr", "met", "\"", "U.S.", "\"", "Qasym-Zhomart"
	};
	char *s = malloc(ulen * reps + 1);
	struct tokens *tk = sentences_new();
	size_t i, k;

	(void)state;
	assert_non_null(s);
	for (i = 0; i < reps; i++)
		memcpy(s + i * ulen, unit, ulen);
	s[ulen * reps] = '\0';
	sentences_split(tk, s, 0, ulen * reps);
	assert_int_equal(tk->n, 7 * reps);
	for (i = 0; i < reps; i++)
		for (k = 0; k < 7; k++) {
			assert_true(sentences_eq(tk, 7 * i + k, want[k]));
			assert_int_equal(tk->v[7 * i + k].start,
			    i * ulen + (size_t)(strstr(unit, want[k]) - unit) +
			        (k == 5 ? 5 : 0));
		}
	assert_true(tk->v[0].flags & TOK_ABBREV);
	assert_true(tk->v[4].flags & TOK_ABBREV);
	/* the quotation marks, moved down with the tokens after joins */
	check_marks(tk);
	assert_int_equal(tk->nmarks, 2 * reps);
	sentences_free(tk);
	free(s);
}

/* The reference of sentences_clean(): the runs of anything but ' ', '\t',
 * '\n', '\r', joined by single spaces. */
static void
clean_ref(const char *t, size_t len, char *out)
{
	size_t i = 0;
	char *p = out;

	for (;;) {
		while (i < len && strchr(" \t\n\r", t[i]) != NULL && t[i])
			i++;
		if (i == len)
			break;
		if (p > out)
			*p++ = ' ';
		while (i < len && (strchr(" \t\n\r", t[i]) == NULL || !t[i]))
			*p++ = t[i++];
	}
	*p = '\0';
}

/* sentences_clean() (words parted by single spaces copied eight bytes a
 * step, the rest a byte at a time) on random strings against the
 * byte-by-byte reference, at every offset: strings with much white
 * space, and strings of words with a double space or line break now and
 * then. */
static void
test_clean(void **state)
{
	static const char alpha[] = "ab  \t\n\r\f\x01Z.-\xc3\xa9";
	static const char words[] = "abcdefghijklmn opqrstuvwxyz ABC.\xc3\xa9 \n";
	unsigned x = 11;
	size_t r, i;

	(void)state;
	{
		const char *t = "  Mr.\tJohn \n\n Smith  ";
		char *c = sentences_clean(t, 0, strlen(t));

		assert_string_equal(c, "Mr. John Smith");
		free(c);
	}
	for (r = 0; r < 20000; r++) {
		char buf[80], want[80], *got;
		size_t n = (x >> 8) % 70, from;

		for (i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			buf[i] = r % 2 ? alpha[(x >> 16) % (sizeof alpha - 1)]
			               : words[(x >> 16) % (sizeof words - 1)];
		}
		buf[n] = '\0';
		/* a draw of its own: from and n drawn from the same x kept
		 * every string but a few bytes short */
		x = x * 1103515245u + 12345u;
		from = (x >> 16) % (n / 4 + 1);
		clean_ref(buf + from, n - from, want);
		got = sentences_clean(buf, from, n);
		assert_string_equal(got, want);
		free(got);
		/* into a buffer of exactly the room promised, guarded on
		 * both sides: the same, its length returned, nothing
		 * written outside */
		{
			char into[80 + 2];

			memset(into, '#', sizeof into);
			assert_int_equal(sentences_clean_into(into + 1, buf,
			                                      from, n),
			                 strlen(want));
			assert_string_equal(into + 1, want);
			assert_true(into[0] == '#' &&
			            into[n - from + 2] == '#');
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_empty_and_unicode),
		cmocka_unit_test(test_fast_path_matches_uax29),
		cmocka_unit_test(test_many_joins),
		cmocka_unit_test(test_clean),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
