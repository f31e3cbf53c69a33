/*
 * summary-test.c: the JSON, text and Markdown summaries, on annotations
 * built by hand (so these tests do not depend on what the annotator finds),
 * and the wrapping helper they use.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>
#include <uniwidth.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "summary-wrap.h"
#include "summary.h"
#include "xmalloc.h"

/*
 * The article the hand-made annotation describes. Offsets below are
 * computed with strstr so that editing the text keeps them right.
 */
static const char test_text[] =
    "A Title With | Pipe\n"
    "\n"
    "ASTANA -- Kazakh spokesman Aibek Smadiyarov said the vote "
    "\"proceeds from the principles of territorial integrity.\"\n"
    "\n"
    "Critics called it a \"sham\" and nobody knows who said \"this one.\"\n";

struct fixture {
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
};

static struct span
test_span_of(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	struct span s;

	assert_non_null(p);
	s.start = (size_t)(p - text);
	s.end = s.start + strlen(needle);
	return s;
}

static void
test_actor(struct actor *a, const char *name, enum actor_kind kind,
           const char *role, const char *aff, const char *alias,
           const char *pos)
{
	memset(a, 0, sizeof *a);
	a->name = xstrdup(name);
	a->kind = kind;
	a->role = role != NULL ? xstrdup(role) : NULL;
	a->affiliation = aff != NULL ? xstrdup(aff) : NULL;
	if (alias != NULL) {
		a->aliases = xmalloc(sizeof *a->aliases);
		a->aliases[0] = xstrdup(alias);
		a->naliases = 1;
	}
	a->position = pos != NULL ? xstrdup(pos) : NULL;
	a->mentions = xcalloc(2, sizeof *a->mentions);
	a->nmentions = 2;
}

static void
test_quote(struct quote *q, const char *text, const char *words, int speaker,
           const char *cue, enum quote_kind kind, size_t block)
{
	memset(q, 0, sizeof *q);
	q->span = test_span_of(text, words);
	q->text = xstrdup(words);
	q->speaker = speaker;
	q->cue = cue != NULL ? xstrdup(cue) : NULL;
	q->kind = kind;
	q->confidence = 0.92;
	q->block = block;
}

/* An annotation of text (test_text or a variant with the same words). */
static struct annotation *
test_annotation(const char *text)
{
	struct annotation *ann = xcalloc(1, sizeof *ann);

	ann->nactors = 2;
	ann->actors = xcalloc(ann->nactors, sizeof *ann->actors);
	test_actor(&ann->actors[0], "Kazakhstan", ACTOR_COUNTRY, NULL, NULL,
	           "Astana", "Kazakhstan backs territorial integrity.");
	test_actor(&ann->actors[1], "Aibek Smadiyarov", ACTOR_PERSON,
	           "Foreign Ministry spokesman", "Kazakhstan", "Smadiyarov",
	           NULL);
	ann->nquotes = 3;
	ann->quotes = xcalloc(ann->nquotes, sizeof *ann->quotes);
	test_quote(&ann->quotes[0], text,
	           "proceeds from the principles of territorial integrity.", 1,
	           "said", QUOTE_DIRECT, 1);
	test_quote(&ann->quotes[1], text, "sham", -1, NULL, QUOTE_SCARE, 2);
	test_quote(&ann->quotes[2], text, "this one.", -1, NULL, QUOTE_PARTIAL,
	           2);
	ann->title = xstrdup("A Title With | Pipe");
	ann->byline = NULL;
	ann->dateline = xstrdup("ASTANA");
	ann->words = 31;
	return ann;
}

static void
test_annotation_free(struct annotation *ann)
{
	size_t i, j;

	for (i = 0; i < ann->nactors; i++) {
		struct actor *a = &ann->actors[i];

		free(a->name);
		free(a->role);
		free(a->affiliation);
		for (j = 0; j < a->naliases; j++)
			free(a->aliases[j]);
		free(a->aliases);
		free(a->position);
		free(a->mentions);
	}
	for (i = 0; i < ann->nquotes; i++) {
		free(ann->quotes[i].text);
		free(ann->quotes[i].cue);
	}
	free(ann->actors);
	free(ann->quotes);
	free(ann->title);
	free(ann->byline);
	free(ann->dateline);
	free(ann);
}

/* Three blocks by hand: title, paragraph, paragraph. */
static struct block_list *
test_blocks(const char *text)
{
	struct block_list *bl = xcalloc(1, sizeof *bl);
	const char *p1 = strstr(text, "ASTANA"), *p2 = strstr(text, "Critics");

	bl->n = 3;
	bl->v = xcalloc(3, sizeof *bl->v);
	bl->v[0].kind = BLOCK_TITLE;
	bl->v[0].end = bl->v[0].shown_end = (size_t)(strchr(text, '\n') - text);
	bl->v[1].kind = BLOCK_PARAGRAPH;
	bl->v[1].start = (size_t)(p1 - text);
	bl->v[1].end = bl->v[1].shown_end = (size_t)(strchr(p1, '\n') - text);
	bl->v[2].kind = BLOCK_PARAGRAPH;
	bl->v[2].start = (size_t)(p2 - text);
	bl->v[2].end = bl->v[2].shown_end = (size_t)(strchr(p2, '\n') - text);
	return bl;
}

static void
test_blocks_free(struct block_list *bl)
{
	free(bl->v);
	free(bl);
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);

	f->art = article_new(test_text, sizeof test_text - 1, "t.txt");
	f->bl = test_blocks(test_text);
	f->ann = test_annotation(test_text);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	test_annotation_free(f->ann);
	test_blocks_free(f->bl);
	article_free(f->art);
	free(f);
	return 0;
}

static struct summary_input
test_input(struct fixture *f)
{
	struct summary_input in = { "t.txt", f->art, f->bl, f->ann };

	return in;
}

/* Assert that o[key] exists and has type t; return it. */
static json_t *
test_key(json_t *o, const char *key, json_type t)
{
	json_t *v = json_object_get(o, key);

	if (v == NULL)
		fail_msg("missing key \"%s\"", key);
	if (json_typeof(v) != t)
		fail_msg("key \"%s\" has type %d, want %d", key,
		         (int)json_typeof(v), (int)t);
	return v;
}

static void
test_json_schema(void **state)
{
	struct fixture *f = *state;
	struct summary_input in = test_input(f);
	json_t *o = summary_json(&in), *art, *actors, *a, *quotes, *q;
	size_t i;

	assert_string_equal(
	    json_string_value(test_key(o, "format", JSON_STRING)),
	    "whosaid-summary");
	assert_int_equal(
	    json_integer_value(test_key(o, "version", JSON_INTEGER)), 1);
	assert_int_equal(json_object_size(o), 5);

	art = test_key(o, "article", JSON_OBJECT);
	assert_string_equal(
	    json_string_value(test_key(art, "path", JSON_STRING)), "t.txt");
	assert_string_equal(
	    json_string_value(test_key(art, "title", JSON_STRING)),
	    "A Title With | Pipe");
	test_key(art, "byline", JSON_NULL);
	assert_string_equal(
	    json_string_value(test_key(art, "dateline", JSON_STRING)),
	    "ASTANA");
	assert_int_equal(
	    json_integer_value(test_key(art, "bytes", JSON_INTEGER)),
	    sizeof test_text - 1);
	assert_int_equal(
	    json_integer_value(test_key(art, "words", JSON_INTEGER)), 31);

	actors = test_key(o, "actors", JSON_ARRAY);
	assert_int_equal(json_array_size(actors), 2);
	a = json_array_get(actors, 1);
	assert_string_equal(json_string_value(test_key(a, "id", JSON_STRING)),
	                    "A2");
	assert_string_equal(json_string_value(test_key(a, "name", JSON_STRING)),
	                    "Aibek Smadiyarov");
	assert_string_equal(json_string_value(test_key(a, "kind", JSON_STRING)),
	                    "person");
	assert_string_equal(json_string_value(test_key(a, "role", JSON_STRING)),
	                    "Foreign Ministry spokesman");
	assert_string_equal(
	    json_string_value(test_key(a, "affiliation", JSON_STRING)),
	    "Kazakhstan");
	assert_string_equal(json_string_value(json_array_get(
	                        test_key(a, "aliases", JSON_ARRAY), 0)),
	                    "Smadiyarov");
	test_key(a, "position", JSON_NULL);
	assert_int_equal(json_array_size(test_key(a, "quotes", JSON_ARRAY)), 1);
	assert_string_equal(
	    json_string_value(json_array_get(json_object_get(a, "quotes"), 0)),
	    "Q1");
	assert_int_equal(
	    json_integer_value(test_key(a, "mentions", JSON_INTEGER)), 2);
	a = json_array_get(actors, 0);
	assert_string_equal(json_string_value(test_key(a, "kind", JSON_STRING)),
	                    "country");
	test_key(a, "role", JSON_NULL);
	test_key(a, "affiliation", JSON_NULL);
	assert_int_equal(json_array_size(test_key(a, "quotes", JSON_ARRAY)), 0);

	quotes = test_key(o, "quotes", JSON_ARRAY);
	assert_int_equal(json_array_size(quotes), 3);
	for (i = 0; i < 3; i++) {
		const struct quote *hq = &f->ann->quotes[i];

		q = json_array_get(quotes, i);
		assert_int_equal(json_object_size(q), 9);
		assert_int_equal(
		    json_integer_value(test_key(q, "start", JSON_INTEGER)),
		    hq->span.start);
		assert_int_equal(
		    json_integer_value(test_key(q, "end", JSON_INTEGER)),
		    hq->span.end);
		/* start/end point at exactly the text in the file. */
		assert_memory_equal(
		    test_text + hq->span.start,
		    json_string_value(test_key(q, "text", JSON_STRING)),
		    hq->span.end - hq->span.start);
		assert_true(json_real_value(
		                test_key(q, "confidence", JSON_REAL)) > 0.91);
		test_key(q, "kind", JSON_STRING);
	}
	q = json_array_get(quotes, 0);
	assert_string_equal(json_string_value(test_key(q, "id", JSON_STRING)),
	                    "Q1");
	assert_string_equal(
	    json_string_value(test_key(q, "speaker", JSON_STRING)), "A2");
	assert_string_equal(
	    json_string_value(test_key(q, "speaker_name", JSON_STRING)),
	    "Aibek Smadiyarov");
	assert_string_equal(json_string_value(test_key(q, "cue", JSON_STRING)),
	                    "said");
	assert_string_equal(json_string_value(json_object_get(q, "kind")),
	                    "direct");
	q = json_array_get(quotes, 1);
	test_key(q, "speaker", JSON_NULL);
	test_key(q, "speaker_name", JSON_NULL);
	test_key(q, "cue", JSON_NULL);
	assert_string_equal(json_string_value(json_object_get(q, "kind")),
	                    "scare");
	assert_string_equal(json_string_value(json_object_get(
	                        json_array_get(quotes, 2), "kind")),
	                    "partial");
	json_decref(o);
}

/* Reals print short: 0.92, not 0.92000000000000004. */
static void
test_json_dump_flags(void **state)
{
	struct fixture *f = *state;
	struct summary_input in = test_input(f);
	json_t *o = summary_json(&in);
	char *s = json_dumps(o, SUMMARY_JSON_FLAGS);

	assert_non_null(strstr(s, "\"confidence\": 0.92\n"));
	assert_null(strstr(s, "0.9200000"));
	free(s);
	json_decref(o);
}

/* A Windows-1252 article: start/end are file offsets, not text offsets. */
static void
test_json_file_offsets(void **state)
{
	/* 0x93 0x94: curly quotes, one byte each in the file. */
	const char file[] = "Title\n\n\xe9t\xe9 \x93said words\x94 here.\n";
	struct article *art = article_new(file, sizeof file - 1, "w.txt");
	const char *text = article_text(art);
	struct annotation *ann = xcalloc(1, sizeof *ann);
	struct summary_input in = { "w.txt", art, NULL, ann };
	json_t *o, *q;
	const char *p = strstr(text, "said words");

	(void)state;
	assert_true(article_flags(art) & ARTICLE_CP1252);
	assert_non_null(p);
	ann->nquotes = 1;
	ann->quotes = xcalloc(1, sizeof *ann->quotes);
	ann->quotes[0].span.start = (size_t)(p - text);
	ann->quotes[0].span.end = ann->quotes[0].span.start + 10;
	ann->quotes[0].text = xstrdup("said words");
	ann->quotes[0].speaker = -1;
	o = summary_json(&in);
	q = json_array_get(json_object_get(o, "quotes"), 0);
	assert_int_equal(json_integer_value(json_object_get(q, "start")),
	                 strstr(file, "said") - file);
	assert_int_equal(json_integer_value(json_object_get(q, "end")),
	                 strstr(file, "\x94") - file);
	assert_true(json_is_null(
	    json_object_get(json_object_get(o, "article"), "title")));
	json_decref(o);
	free(ann->quotes[0].text);
	free(ann->quotes);
	free(ann);
	article_free(art);
}

static bool
test_has_esc(const char *s)
{
	return strchr(s, '\033') != NULL;
}

/* Remove the SGR sequences "\033[...m" the styled text writes. */
static void
test_strip_sgr(char *s)
{
	char *w = s;

	while (*s != '\0') {
		if (s[0] == '\033' && s[1] == '[') {
			char *e = s + 2;

			while ((*e >= '0' && *e <= '9') || *e == ';')
				e++;
			if (*e == 'm') {
				s = e + 1;
				continue;
			}
		}
		*w++ = *s++;
	}
	*w = '\0';
}

/* Control characters in every string: none reaches any format. */
static void
test_no_escape_reaches_output(void **state)
{
	struct fixture *f = *state;
	struct summary_input in = test_input(f);
	struct summary_style st = { 60, false, false };
	json_t *o;
	char *s;

	(void)state;
	free(f->ann->actors[1].name);
	f->ann->actors[1].name = xstrdup("Evil\033[2J\033]0;pwned\007 Name");
	free(f->ann->title);
	f->ann->title = xstrdup("Title \033[31mred\x9b"
	                        "1m\r\n");
	free(f->ann->quotes[0].text);
	f->ann->quotes[0].text = xstrdup("text\033P+q\033\\ \x7f\b end");
	free(f->ann->actors[0].position);
	f->ann->actors[0].position = xstrdup("pos\033c\x01");

	s = summary_text(&in, &st);
	assert_false(test_has_esc(s));
	assert_null(strchr(s, '\007'));
	assert_null(strchr(s, '\r'));
	free(s);
	s = summary_markdown(&in);
	assert_false(test_has_esc(s));
	assert_null(strchr(s, '\x7f'));
	free(s);
	o = summary_json(&in);
	s = json_dumps(o, SUMMARY_JSON_FLAGS);
	assert_false(test_has_esc(s));
	assert_null(strstr(s, "\\u001b"));
	assert_null(strstr(s, "\\u0007"));
	free(s);
	json_decref(o);

	/* Styled: the only escapes are our own SGR sequences. */
	st.bold = st.color = true;
	s = summary_text(&in, &st);
	assert_true(test_has_esc(s));
	test_strip_sgr(s);
	assert_false(test_has_esc(s));
	free(s);
}

/* Width of each line of s, after removing SGR; asserts <= width. */
static void
test_assert_lines_fit(char *s, int width)
{
	char *line, *save = NULL;

	test_strip_sgr(s);
	for (line = strtok_r(s, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save)) {
		int w = u8_strwidth((const uint8_t *)line, "UTF-8");

		if (w > width)
			fail_msg("line wider than %d (%d): \"%s\"", width, w,
			         line);
	}
}

static void
test_text_fits_width(void **state)
{
	struct fixture *f = *state;
	struct summary_input in = test_input(f);
	int w;

	free(f->ann->actors[0].position);
	/* A long word and wide characters too. */
	f->ann->actors[0].position = xstrdup(
	    "Kazakhstan backs territorial "
	    "integrity; see https://example.org/a/very/long/address/that/"
	    "cannot/break/anywhere/at/all and \xe5\x9b\xbd\xe5\xae\xb6\xe7"
	    "\x9a\x84\xe9\xa2\x86\xe5\x9c\x9f\xe5\xae\x8c\xe6\x95\xb4 too.");
	for (w = 20; w <= 100; w += 7) {
		struct summary_style st = { w, w % 2 == 0, w % 2 == 0 };
		char *s = summary_text(&in, &st);

		test_assert_lines_fit(s, w);
		free(s);
	}
}

static void
test_text_content(void **state)
{
	struct fixture *f = *state;
	struct summary_input in = test_input(f);
	struct summary_style st = { 80, false, false };
	char *s = summary_text(&in, &st), *kz, *sm;

	/* The headline first, then the counts. */
	assert_memory_equal(s, "A Title With | Pipe\n", 20);
	assert_non_null(strstr(s, "31 words, 2 quotes (and 1 scare quote), "
	                          "1 speaker"));
	/* The spokesman is grouped under his country, after it. */
	kz = strstr(s, "\n  Kazakhstan (country): 2 mentions\n");
	sm = strstr(s, "    Aibek Smadiyarov, Foreign Ministry spokesman: "
	               "1 quote");
	assert_non_null(kz);
	assert_non_null(sm);
	assert_true(kz < sm);
	assert_non_null(strstr(s, "  Kazakhstan: Kazakhstan backs"));
	/* Quotes: id, paragraph, speaker, cue. */
	assert_non_null(strstr(s, "Q1, paragraph 1: Aibek Smadiyarov (said)"));
	assert_non_null(strstr(s, "Q2, paragraph 2: no speaker found "
	                          "[scare quote]"));
	assert_non_null(strstr(s, "\"proceeds from the principles"));
	free(s);
}

/* A Markdown table row has its 8 pipes; escaped ones do not count. */
static void
test_markdown_table_escaped(void **state)
{
	struct fixture *f = *state;
	struct summary_input in = test_input(f);
	char *s, *row, *p;
	int pipes = 0;

	free(f->ann->actors[1].role);
	f->ann->actors[1].role = xstrdup("spokes|man *not bold* [link](x)");
	s = summary_markdown(&in);
	assert_non_null(strstr(s, "# A Title With \\| Pipe\n"));
	row = strstr(s, "| Kazakhstan | Aibek Smadiyarov |");
	assert_non_null(row);
	for (p = row; *p != '\n' && *p != '\0'; p++) {
		if (*p == '|' && p[-1] != '\\')
			pipes++;
	}
	assert_int_equal(pipes, 8);
	assert_non_null(strstr(row, "spokes\\|man \\*not bold\\* "
	                            "\\[link\\](x)"));
	assert_non_null(strstr(s, "\n> proceeds from the principles"));
	assert_non_null(strstr(s, "**Aibek Smadiyarov** (said), "
	                          "paragraph 1, Q1"));
	assert_non_null(strstr(s, "- **Kazakhstan:** Kazakhstan backs"));
	free(s);
}

/* Markdown specials at the start of a line do not start a list. */
static void
test_markdown_line_start(void **state)
{
	struct fixture *f = *state;
	struct summary_input in = test_input(f);
	char *s;

	free(f->ann->quotes[0].text);
	f->ann->quotes[0].text = xstrdup("1. not a list");
	free(f->ann->quotes[2].text);
	f->ann->quotes[2].text = xstrdup("- not an item");
	s = summary_markdown(&in);
	assert_non_null(strstr(s, "\n> 1\\. not a list\n"));
	assert_non_null(strstr(s, "\n> \\- not an item\n"));
	free(s);
}

static void
test_empty_annotation(void **state)
{
	struct annotation ann;
	struct article *art = article_new("", 0, "empty");
	struct summary_input in = { "empty", art, NULL, &ann };
	struct summary_style st = { 80, false, false };
	json_t *o;
	char *s;

	(void)state;
	memset(&ann, 0, sizeof ann);
	s = summary_text(&in, &st);
	assert_memory_equal(s, "empty\n0 words, 0 quotes, 0 speakers\n", 35);
	free(s);
	s = summary_markdown(&in);
	assert_non_null(strstr(s, "None found."));
	free(s);
	o = summary_json(&in);
	assert_int_equal(json_array_size(json_object_get(o, "quotes")), 0);
	json_decref(o);
	article_free(art);
}

static void
test_paragraph_number(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(summary_paragraph_number(f->bl, 0), 0);
	assert_int_equal(summary_paragraph_number(f->bl, 1), 1);
	assert_int_equal(summary_paragraph_number(f->bl, 2), 2);
	assert_int_equal(summary_paragraph_number(f->bl, 3), 0);
	assert_int_equal(summary_paragraph_number(NULL, 0), 0);
}

static void
test_format_names(void **state)
{
	(void)state;
	assert_int_equal(summary_format_from_name("text"), SUMMARY_TEXT);
	assert_int_equal(summary_format_from_name("json"), SUMMARY_JSON);
	assert_int_equal(summary_format_from_name("markdown"),
	                 SUMMARY_MARKDOWN);
	assert_int_equal(summary_format_from_name("md"), SUMMARY_MARKDOWN);
	assert_int_equal(summary_format_from_name("xml"), -1);
	assert_int_equal(summary_format_from_name(""), -1);
}

static void
test_wrap(void **state)
{
	struct summary_buf b = { 0 };
	char *s;

	(void)state;
	summary_wrap_text(&b, "one two three four", 9, "> ", "  ", NULL, NULL);
	s = summary_wrap_take(&b);
	assert_string_equal(s, "> one two\n  three\n  four\n");
	free(s);
	/* A word longer than the line is cut. */
	summary_wrap_text(&b, "abcdefghij", 4, "", "", NULL, NULL);
	s = summary_wrap_take(&b);
	assert_string_equal(s, "abcd\nefgh\nij\n");
	free(s);
	/* Wide characters take two columns: 2 per line of 5. */
	summary_wrap_text(&b, "\xe5\x9b\xbd\xe5\xae\xb6\xe7\x9a\x84", 5, "", "",
	                  NULL, NULL);
	s = summary_wrap_take(&b);
	assert_string_equal(s, "\xe5\x9b\xbd\xe5\xae\xb6\n\xe7\x9a\x84\n");
	free(s);
	/* Styling encloses the text of every line, not the prefix. */
	summary_wrap_text(&b, "aa bb", 3, "-", "-", "<", ">");
	s = summary_wrap_take(&b);
	assert_string_equal(s, "-<aa>\n-<bb>\n");
	free(s);
	summary_wrap_text(&b, "", 10, "x", "y", NULL, NULL);
	s = summary_wrap_take(&b);
	assert_string_equal(s, "x\n");
	free(s);
}

static void
test_clean(void **state)
{
	char *s;

	(void)state;
	s = summary_wrap_clean("  two\r\n\tlines  here \n", 21);
	assert_string_equal(s, "two lines here");
	free(s);
	assert_null(summary_wrap_clean(NULL, 0));
	s = summary_wrap_clean("a\033b", 3);
	assert_null(strchr(s, '\033'));
	assert_true(strlen(s) > 2); /* the ESC shows as something */
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_json_schema, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_json_dump_flags, setup,
		                                teardown),
		cmocka_unit_test(test_json_file_offsets),
		cmocka_unit_test_setup_teardown(test_no_escape_reaches_output,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_fits_width, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_text_content, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_markdown_table_escaped,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_markdown_line_start, setup,
		                                teardown),
		cmocka_unit_test(test_empty_annotation),
		cmocka_unit_test_setup_teardown(test_paragraph_number, setup,
		                                teardown),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_clean),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
