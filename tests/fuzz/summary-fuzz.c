/*
 * summary-fuzz.c: libFuzzer target for the summary writers. Each input is
 * an article; it is annotated and its JSON summary (summary.h, DESIGN.md
 * "Summary JSON") is dumped as the program prints it, parsed back with
 * jansson and checked against the schema: format and version, every key
 * with its type, offsets in range of the file, quote and actor ids unique
 * and resolving, speaker_name the speaker's name, each actor's "quotes"
 * exactly the quotes that name it. The text and Markdown summaries are
 * built too; no control character but line ends may appear in them.
 *
 * Built and run by tests/fuzz/run-fuzz.sh (clang libFuzzer) and replayed
 * by tests/fuzz/summary-replay (any compiler, replay-main.c).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "fuzz-check.h"
#include "summary.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A string, or null when nullable; a clean string in any case. */
static void
summary_fuzz_str(json_t *o, const char *key, int nullable)
{
	json_t *v = json_object_get(o, key);

	FUZZ_CHECK(v != NULL);
	if (json_is_null(v)) {
		FUZZ_CHECK(nullable);
		return;
	}
	FUZZ_CHECK(json_is_string(v));
	fuzz_check_clean(json_string_value(v), json_string_length(v), "\n\t");
}

static json_int_t
summary_fuzz_int(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	FUZZ_CHECK(json_is_integer(v));
	FUZZ_CHECK(json_integer_value(v) >= 0);
	return json_integer_value(v);
}

/* Index of id "<prefix>N" in an array of n, or -1. */
static long
summary_fuzz_id(json_t *v, char prefix, size_t n)
{
	const char *s;
	char *end;
	unsigned long k;

	if (!json_is_string(v))
		return -1;
	s = json_string_value(v);
	if (s[0] != prefix || s[1] < '1' || s[1] > '9')
		return -1;
	k = strtoul(s + 1, &end, 10);
	if (*end != '\0' || k == 0 || k > n)
		return -1;
	return (long)(k - 1);
}

static void
summary_fuzz_check(json_t *root, const struct article *art,
                   const struct annotation *ann)
{
	json_t *o, *actors, *quotes, *v;
	json_int_t bytes;
	size_t i, k, na, nq;
	unsigned char *claimed;

	FUZZ_CHECK(json_is_object(root));
	v = json_object_get(root, "format");
	FUZZ_CHECK(json_is_string(v) &&
	           strcmp(json_string_value(v), SUMMARY_FORMAT_NAME) == 0);
	v = json_object_get(root, "version");
	FUZZ_CHECK(json_is_integer(v) &&
	           json_integer_value(v) == SUMMARY_VERSION);

	o = json_object_get(root, "article");
	FUZZ_CHECK(json_is_object(o));
	summary_fuzz_str(o, "path", 0);
	summary_fuzz_str(o, "title", 1);
	summary_fuzz_str(o, "byline", 1);
	summary_fuzz_str(o, "dateline", 1);
	bytes = summary_fuzz_int(o, "bytes");
	FUZZ_CHECK((size_t)bytes == article_size(art));
	(void)summary_fuzz_int(o, "words");

	actors = json_object_get(root, "actors");
	quotes = json_object_get(root, "quotes");
	FUZZ_CHECK(json_is_array(actors) && json_is_array(quotes));
	na = json_array_size(actors);
	nq = json_array_size(quotes);
	FUZZ_CHECK(na == ann->nactors && nq == ann->nquotes);
	claimed = calloc(nq + 1, 1);
	FUZZ_CHECK(claimed != NULL);

	for (i = 0; i < na; i++) {
		json_t *a = json_array_get(actors, i), *al, *qs;

		FUZZ_CHECK(json_is_object(a));
		FUZZ_CHECK(summary_fuzz_id(json_object_get(a, "id"), 'A', na) ==
		           (long)i);
		summary_fuzz_str(a, "name", 0);
		v = json_object_get(a, "kind");
		FUZZ_CHECK(json_is_string(v) &&
		           annotate_actor_kind_from_name(json_string_value(v)) >=
		               0);
		summary_fuzz_str(a, "role", 1);
		summary_fuzz_str(a, "affiliation", 1);
		summary_fuzz_str(a, "position", 1);
		al = json_object_get(a, "aliases");
		FUZZ_CHECK(json_is_array(al));
		for (k = 0; k < json_array_size(al); k++)
			FUZZ_CHECK(json_is_string(json_array_get(al, k)));
		(void)summary_fuzz_int(a, "mentions");
		/* Its quotes: ids that resolve, name this actor, in order. */
		qs = json_object_get(a, "quotes");
		FUZZ_CHECK(json_is_array(qs));
		for (k = 0; k < json_array_size(qs); k++) {
			long q = summary_fuzz_id(json_array_get(qs, k), 'Q', nq);
			json_t *sp;

			FUZZ_CHECK(q >= 0 && !claimed[q]);
			claimed[q] = 1;
			sp = json_object_get(json_array_get(quotes, (size_t)q),
			                     "speaker");
			FUZZ_CHECK(summary_fuzz_id(sp, 'A', na) == (long)i);
		}
	}

	for (i = 0; i < nq; i++) {
		json_t *q = json_array_get(quotes, i), *sp;
		json_int_t start, end;
		long who;

		FUZZ_CHECK(json_is_object(q));
		FUZZ_CHECK(summary_fuzz_id(json_object_get(q, "id"), 'Q', nq) ==
		           (long)i);
		summary_fuzz_str(q, "text", 0);
		summary_fuzz_str(q, "cue", 1);
		start = summary_fuzz_int(q, "start");
		end = summary_fuzz_int(q, "end");
		FUZZ_CHECK(start <= end && end <= bytes);
		v = json_object_get(q, "kind");
		FUZZ_CHECK(json_is_string(v) &&
		           annotate_quote_kind_from_name(json_string_value(v)) >=
		               0);
		v = json_object_get(q, "confidence");
		FUZZ_CHECK(json_is_number(v) && json_number_value(v) >= 0 &&
		           json_number_value(v) <= 1);
		/* A speaker resolves, claims the quote and is named. */
		sp = json_object_get(q, "speaker");
		FUZZ_CHECK(sp != NULL);
		if (json_is_null(sp)) {
			FUZZ_CHECK(json_is_null(json_object_get(q,
			                                        "speaker_name")));
			FUZZ_CHECK(!claimed[i]);
			continue;
		}
		who = summary_fuzz_id(sp, 'A', na);
		FUZZ_CHECK(who >= 0 && claimed[i]);
		FUZZ_CHECK(json_equal(json_object_get(q, "speaker_name"),
		                      json_object_get(json_array_get(actors,
		                                                     (size_t)who),
		                                      "name")));
	}
	free(claimed);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	struct summary_input in;
	struct summary_style st = { 0, false, false };
	json_t *j, *back;
	json_error_t err;
	char *s;

	art = article_new((const char *)data, size, "fuzz\033]0;x\a.txt");
	bl = blocks_parse(art);
	ann = annotate(art, bl);
	in.path = article_name(art);
	in.art = art;
	in.bl = bl;
	in.ann = ann;

	/* JSON: printed as whosaid prints it, parsed back. */
	j = summary_json(&in);
	FUZZ_CHECK(j != NULL);
	s = json_dumps(j, SUMMARY_JSON_FLAGS);
	FUZZ_CHECK(s != NULL);
	fuzz_check_clean(s, strlen(s), "\n");
	back = json_loads(s, JSON_REJECT_DUPLICATES, &err);
	if (back == NULL)
		fprintf(stderr, "fuzz: %s\n", err.text);
	FUZZ_CHECK(back != NULL);
	summary_fuzz_check(back, art, ann);
	json_decref(back);
	json_decref(j);
	free(s);

	/* Text at a width from the input, and Markdown. */
	st.width = size > 0 ? data[0] % 100 : 0;
	s = summary_text(&in, &st);
	fuzz_check_clean(s, strlen(s), "\n");
	free(s);
	s = summary_markdown(&in);
	fuzz_check_clean(s, strlen(s), "\n");
	free(s);

	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
	return 0;
}
