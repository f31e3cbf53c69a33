/*
 * lexicon-test.c: the compiled word lists and their lookups.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lexicon.h"

static void
test_sorted(void **state)
{
	int k;
	size_t i;

	(void)state;
	for (k = 0; k < LEX_NKINDS; k++) {
		const struct lexicon_table *t = lexicon_table(k);

		assert_true(t->n > 0);
		for (i = 1; i < t->n; i++)
			assert_true(strcasecmp(t->v[i - 1].key, t->v[i].key) <
			                0 ||
			            strchr(t->v[i].key, ' ') ||
			            strchr(t->v[i - 1].key, ' ') ||
			            strpbrk(t->v[i].key, ".-'/&") ||
			            strpbrk(t->v[i - 1].key, ".-'/&"));
	}
}

static void
test_lookups(void **state)
{
	(void)state;
	assert_true(lexicon_has(LEX_SPEECH_VERB, "said", 4));
	assert_true(lexicon_has(LEX_SPEECH_VERB, "SAID", 4));
	assert_false(lexicon_has(LEX_SPEECH_VERB, "sai", 3));
	assert_false(lexicon_has(LEX_SPEECH_VERB, "report", 6));
	assert_string_equal(lexicon_value(LEX_DEMONYM, "Kazakh", 6),
	                    "Kazakhstan");
	assert_string_equal(lexicon_value(LEX_CAPITAL, "the Kremlin", 11),
	                    "Russia");
	assert_string_equal(lexicon_value(LEX_COUNTRY, "U.S.", 4),
	                    "United States");
	assert_string_equal(lexicon_value(LEX_COUNTRY, "Kazakhstan", 10),
	                    "Kazakhstan");
	assert_null(lexicon_value(LEX_COUNTRY, "Kazakh", 6));
	assert_true(lexicon_lookup("the", 3) & LEX_PREFIX);
	assert_true(lexicon_lookup("United", 6) & LEX_PREFIX);
	assert_true(lexicon_has(LEX_TITLE, "spokesman", 9));
	assert_true(lexicon_has(LEX_ORG_WORD, "Ministry", 8));
	assert_true(lexicon_has(LEX_ABBREV, "mr.", 3));
	assert_string_equal(lexicon_value(LEX_PRONOUN, "she", 3), "f");
	{
		uint64_t h1 = lexicon_hash("SAID", 4), h2 = 0;

		assert_true(h1 != 0 && h1 == lexicon_hash("said", 4));
		assert_true(lexicon_hash("zzqx", 4) != h1);
		assert_true(lexicon_hash("", 0) == 0);
		/* a word in a list: no hash; known lower case or not, the
		 * same lists; in none: its hash */
		assert_int_equal(lexicon_lookup_word("said", 4, true, &h2),
		                 lexicon_lookup("said", 4));
		assert_true(h2 == 0);
		assert_int_equal(lexicon_lookup_word("SAID", 4, false, &h2),
		                 lexicon_lookup("said", 4));
		assert_int_equal(lexicon_lookup_word("zzqx", 4, true, &h2), 0);
		assert_true(h2 == lexicon_hash("ZZQX", 4));
	}
	assert_int_equal(lexicon_lookup("", 0), 0);
	assert_int_equal(lexicon_lookup("x", 1000), 0);
}

/* Every key of every token list, in either case, is found (neither the
 * shape filter nor the Bloom filter lets a key out), every leading word
 * or words of a longer key is a prefix, and folding to lower case
 * touches only ASCII capitals, whatever the key's length. */
static void
test_every_key(void **state)
{
	char up[LEXICON_MAXLEN + 1];
	int k;
	size_t i, j;

	(void)state;
	for (k = 0; k < LEX_NINDEXED; k++) {
		const struct lexicon_table *t = lexicon_table(k);

		for (i = 0; i < t->n; i++) {
			const char *key = t->v[i].key;
			size_t len = strlen(key);
			uint64_t h1 = 1, h2 = 1;

			if (len > LEXICON_MAXLEN)
				continue;
			for (j = 0; j < len; j++)
				up[j] = key[j] >= 'a' && key[j] <= 'z'
				                ? (char)(key[j] - 32)
				                : key[j];
			assert_true(lexicon_lookup(key, len) & LEX_BIT(k));
			assert_true(lexicon_lookup(up, len) & LEX_BIT(k));
			/* its value in this list (of the lists holding it) */
			assert_string_equal(lexicon_value(k, up, len),
			                    t->v[i].value != NULL ? t->v[i].value
			                                          : key);
			assert_true(lexicon_lookup_word(up, len, false, &h1) &
			            LEX_BIT(k));
			assert_true(lexicon_lookup_word(key, len, false, &h2) &
			            LEX_BIT(k));
			assert_true(h1 == 0 && h2 == 0);
			assert_true(lexicon_hash(up, len) ==
			                lexicon_hash(key, len) &&
			            lexicon_hash(key, len) != 0);
			for (j = 1; j < len; j++)
				if (key[j] == ' ')
					assert_true(lexicon_lookup(up, j) &
					            LEX_PREFIX);
		}
	}
	/* past 16 bytes and across the eight-byte steps of the fold */
	assert_true(lexicon_hash("ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{", 30) ==
	            lexicon_hash("abcdefghijklmnopqrstuvwxyz@[`{", 30));
	assert_true(lexicon_hash("abcdefghijklmnopqrstuvwxyz@[`{", 30) !=
	            lexicon_hash("abcdefghijklmnopqrstuvwxyz`{`{", 30));
	/* bytes of UTF-8 stay as they are: 0xc3 is not 0xe3 */
	assert_true(lexicon_hash("Z\xc3\xbcrich", 7) ==
	            lexicon_hash("z\xc3\xbcrich", 7));
	assert_true(lexicon_hash("\xc3\x89t\xc3\xa9", 5) !=
	            lexicon_hash("\xe3\x89t\xc3\xa9", 5));
	/* a lower-case word, known so: the same as when not known */
	{
		uint64_t h1, h2;

		assert_int_equal(lexicon_lookup_word("of", 2, true, &h1),
		                 lexicon_lookup_word("Of", 2, false, &h2));
		assert_true(h1 == h2);
		assert_int_equal(lexicon_lookup_word("zq", 2, true, &h1), 0);
		assert_true(h1 == lexicon_hash("ZQ", 2));
	}
}

/* What the lookups must answer for s (len bytes), found the slow way:
 * the token lists holding it, LEX_PREFIX when a longer key starts with
 * it and a space. */
static unsigned
ref_mask(const char *s, size_t len)
{
	unsigned m = 0;
	int k;
	size_t i;

	for (k = 0; k < LEX_NINDEXED; k++) {
		const struct lexicon_table *t = lexicon_table(k);

		for (i = 0; i < t->n; i++) {
			const char *key = t->v[i].key;

			if (strncasecmp(key, s, len) != 0)
				continue;
			if (key[len] == '\0')
				m |= LEX_BIT(k);
			else if (key[len] == ' ')
				m |= LEX_PREFIX;
		}
	}
	return m;
}

/* lexicon_lookup() and lexicon_lookup_word() answer as the lists do for
 * every word of one to three letters (tiny[] by direct address) in both
 * cases and for longer ones, with the hash exactly for the words in no
 * list. */
static void
test_lookup_word(void **state)
{
	static const char *const longer[] = { "said", "zzqx", "according",
		"new", "the", "ministry", "United", "u.s.", "it's", "x1" };
	char w[4];
	size_t a, b, c, len, i;

	(void)state;
	for (a = 0; a < 27 * 27 * 27; a++) {
		size_t d[3] = { a / 729, a / 27 % 27, a % 27 };

		/* a letter each while there is one: "a", "ab", "abc" */
		if (d[0] == 0 || (d[1] == 0 && d[2] != 0))
			continue;
		len = d[2] != 0 ? 3 : d[1] != 0 ? 2 : 1;
		for (c = 0; c < 2; c++) {
			uint64_t h1, h2 = 1;
			unsigned m;

			for (b = 0; b < len; b++)
				w[b] = (char)((c != 0 && b == 0 ? 'A' : 'a') +
				              d[b] - 1);
			m = ref_mask(w, len);
			h1 = lexicon_hash(w, len);
			assert_int_equal(lexicon_lookup(w, len), m);
			assert_int_equal(
			    lexicon_lookup_word(w, len, c == 0, &h2), m);
			assert_true(h2 == ((m & ~LEX_PREFIX) ? 0 : h1));
		}
	}
	for (i = 0; i < sizeof longer / sizeof longer[0]; i++) {
		uint64_t h1, h2 = 1;
		unsigned m;

		len = strlen(longer[i]);
		m = ref_mask(longer[i], len);
		h1 = lexicon_hash(longer[i], len);
		assert_int_equal(lexicon_lookup(longer[i], len), m);
		assert_int_equal(lexicon_lookup_word(longer[i], len, false, &h2),
		                 m);
		assert_true(h2 == ((m & ~LEX_PREFIX) ? 0 : h1));
	}
	/* the short words of the lists are there */
	{
		uint64_t h;

		assert_true(lexicon_lookup_word("of", 2, true, &h) &
		            LEX_BIT(LEX_CONNECTOR));
		assert_true(h == 0);
		assert_true(lexicon_lookup("He", 2) & LEX_BIT(LEX_PRONOUN));
		assert_int_equal(lexicon_lookup_word("zq", 2, true, &h), 0);
		assert_true(h == lexicon_hash("zq", 2) && h != 0);
	}
}

/* The side lists answer lexicon_has()/lexicon_value() for every entry
 * (binary search: the generated order must be the lookup's), and stay
 * out of the token lookups. */
static void
test_side_lists(void **state)
{
	int k;
	size_t i;

	(void)state;
	for (k = LEX_NINDEXED; k < LEX_NKINDS; k++) {
		const struct lexicon_table *t = lexicon_table(k);

		for (i = 0; i < t->n; i++) {
			const char *key = t->v[i].key;

			assert_true(lexicon_has(k, key, strlen(key)));
			assert_non_null(lexicon_value(k, key, strlen(key)));
		}
	}
	assert_true(lexicon_has(LEX_GIVEN_NAME, "maria", 5));
	assert_true(lexicon_has(LEX_GIVEN_NAME, "MARIA", 5));
	assert_false(lexicon_has(LEX_GIVEN_NAME, "zzqx", 4));
	assert_false(lexicon_has(LEX_GIVEN_NAME, "mariax", 6));
	assert_false(lexicon_has(LEX_GIVEN_NAME, "", 0));
	assert_false(lexicon_lookup("Maria", 5) & LEX_BIT(LEX_GIVEN_NAME));
	assert_true(lexicon_has(LEX_PLACE_NAME, "New York", 8));
	assert_false(lexicon_has(LEX_PLACE_NAME, "New", 3));
	assert_false(lexicon_lookup("new york", 8) & LEX_BIT(LEX_PLACE_NAME));
	assert_string_equal(lexicon_value(LEX_THING_WORD, "Hospital", 8),
	                    "org");
	assert_string_equal(lexicon_value(LEX_THING_WORD, "act", 3), "act");
	assert_string_equal(lexicon_value(LEX_THING_WORD, "Operation", 9),
	                    "first");
	assert_null(lexicon_value(LEX_THING_WORD, "smith", 5));
	assert_false(lexicon_has(LEX_NKINDS, "act", 3));
}

/* A side list's keys lower-cased and sorted, for ref_has(). */
struct folded {
	char **v;
	size_t n;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
fold_list(enum lexicon_kind kind, struct folded *f)
{
	const struct lexicon_table *t = lexicon_table(kind);
	size_t i, j;

	f->n = t->n;
	f->v = calloc(t->n, sizeof *f->v);
	assert_non_null(f->v);
	for (i = 0; i < t->n; i++) {
		f->v[i] = strdup(t->v[i].key);
		assert_non_null(f->v[i]);
		for (j = 0; f->v[i][j] != '\0'; j++)
			if (f->v[i][j] >= 'A' && f->v[i][j] <= 'Z')
				f->v[i][j] = (char)(f->v[i][j] + 32);
	}
	qsort(f->v, f->n, sizeof *f->v, cmp_str);
}

/* Whether the side list f holds s (len bytes), found the slow way. */
static bool
ref_has(const struct folded *f, const char *s, size_t len)
{
	char buf[LEXICON_MAXLEN + 1], *key = buf;
	size_t j;

	if (len == 0 || len > LEXICON_MAXLEN)
		return false;
	for (j = 0; j < len; j++)
		buf[j] = s[j] >= 'A' && s[j] <= 'Z' ? (char)(s[j] + 32) : s[j];
	buf[len] = '\0';
	return bsearch(&key, f->v, f->n, sizeof *f->v, cmp_str) != NULL;
}

/*
 * The filters before each hash table (Bloom filters over the keys'
 * hashes, the shape filter, tiny[]) answer as the lists do for every key
 * and for near misses of every key, which the tables mostly do not hold:
 * the key with a letter added, changed or dropped, in either case, and
 * every key of a side list asked of the other side lists.
 */
static void
test_filters(void **state)
{
	struct folded f[LEX_NKINDS];
	char w[LEXICON_MAXLEN + 2];
	int k, o, v;
	size_t i, j, len, misses = 0;

	(void)state;
	for (k = LEX_NINDEXED; k < LEX_NKINDS; k++)
		fold_list(k, &f[k]);
	for (k = 0; k < LEX_NKINDS; k++) {
		const struct lexicon_table *t = lexicon_table(k);

		for (i = 0; i < t->n; i++) {
			const char *key = t->v[i].key;

			len = strlen(key);
			if (len > LEXICON_MAXLEN)
				continue;
			for (v = 0; v < 5; v++) {
				size_t n = len;

				memcpy(w, key, len);
				if (v == 1)
					w[n++] = 's';
				else if (v == 2)
					w[n - 1] = w[n - 1] == 'q' ? 'x' : 'q';
				else if (v == 3)
					n--;
				else if (v == 4)
					for (j = 0; j < n; j++)
						if (w[j] >= 'a' && w[j] <= 'z')
							w[j] = (char)(w[j] - 32);
				if (k < LEX_NINDEXED) {
					uint64_t h = 1;
					unsigned m = ref_mask(w, n);

					misses += m == 0;
					assert_int_equal(lexicon_lookup(w, n), m);
					assert_int_equal(lexicon_lookup_word(
					                     w, n, false, &h),
					                 m);
					assert_true(h == ((m & ~LEX_PREFIX)
					                      ? 0
					                      : lexicon_hash(w, n)));
					continue;
				}
				for (o = LEX_NINDEXED; o < LEX_NKINDS; o++) {
					bool r = ref_has(&f[o], w, n);

					misses += !r;
					assert_int_equal(lexicon_has(o, w, n), r);
					assert_int_equal(
					    lexicon_value(o, w, n) != NULL, r);
				}
			}
		}
	}
	/* the near misses were mostly misses */
	assert_true(misses > 20000);
	for (k = LEX_NINDEXED; k < LEX_NKINDS; k++) {
		for (i = 0; i < f[k].n; i++)
			free(f[k].v[i]);
		free(f[k].v);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sorted),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_lookup_word),
		cmocka_unit_test(test_side_lists),
		cmocka_unit_test(test_filters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
