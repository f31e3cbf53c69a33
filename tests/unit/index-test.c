/*
 * index-test.c: the annotation index: save and load, fresh and stale,
 * re-anchoring of curated entries, bad index files, where the file goes
 * and atomic replacement.
 *
 * Annotations are built by hand, so these tests do not depend on what
 * the annotator finds; annotate() only runs where index_open() has to
 * recompute, and nothing here assumes what it computes.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "index.h"
#include "xmalloc.h"

/* The article of most tests: a title, three paragraphs, one curly quote
 * with a non-ASCII letter in it. */
static const char article_v1[] =
    "Neighbours Keep Quiet\n"
    "\n"
    "Kazakhstan said its position \"proceeds from the principles of "
    "territorial integrity.\"\n"
    "\n"
    "None of Kyrgyzstan, Tajikistan, or neutral Turkmenistan has "
    "commented on the vote.\n"
    "\n"
    "An analyst called it \xe2\x80\x9c"
    "caf\xc3\xa9 politics\xe2\x80\x9d, "
    "she said.\n";

/* The same article with a paragraph added at the top and the last one
 * gone. */
static const char article_v2[] =
    "Neighbours Keep Quiet\n"
    "\n"
    "A new first paragraph moves everything down by some bytes.\n"
    "\n"
    "Kazakhstan said its position \"proceeds from the principles of "
    "territorial integrity.\"\n"
    "\n"
    "None of Kyrgyzstan, Tajikistan, or neutral Turkmenistan has "
    "commented on the vote.\n";

static const char pos_kyrgyz[] =
    "None of Kyrgyzstan, Tajikistan, or neutral Turkmenistan has "
    "commented on the vote.";
static const char quote_kz[] =
    "proceeds from the principles of territorial integrity.";
static const char quote_cafe[] = "caf\xc3\xa9 politics";

struct fixture {
	char dir[256];
	char path[300];  /* the article file */
	char index[320]; /* path + ".whosaid" */
};

/* ---- helpers ---------------------------------------------------------- */

static int
rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	chmod(p, 0700);
	return remove(p);
}

static void
write_file(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static char *
read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)len + 1);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	buf[len] = '\0';
	fclose(f);
	if (n != NULL)
		*n = (size_t)len;
	return buf;
}

static int
setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);
	const char *tmp = getenv("TMPDIR");

	snprintf(fx->dir, sizeof fx->dir, "%s/index-test.XXXXXX",
	         tmp != NULL && tmp[0] == '/' ? tmp : "/tmp");
	assert_non_null(mkdtemp(fx->dir));
	snprintf(fx->path, sizeof fx->path, "%s/article.txt", fx->dir);
	snprintf(fx->index, sizeof fx->index, "%s.whosaid", fx->path);
	write_file(fx->path, article_v1, sizeof article_v1 - 1);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	nftw(fx->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(fx);
	return 0;
}

static size_t
offset_of(const char *hay, const char *needle)
{
	const char *p = strstr(hay, needle);

	assert_non_null(p);
	return (size_t)(p - hay);
}

static void
actor_init(struct actor *a, const char *name, enum actor_kind kind)
{
	memset(a, 0, sizeof *a);
	a->name = xstrdup(name);
	a->kind = kind;
}

static void
actor_mention(struct actor *a, const char *text, const char *word)
{
	size_t at = offset_of(text, word);

	a->mentions =
	    xreallocarray(a->mentions, a->nmentions + 1, sizeof *a->mentions);
	a->mentions[a->nmentions].start = at;
	a->mentions[a->nmentions].end = at + strlen(word);
	a->nmentions++;
}

/*
 * A hand-built annotation of article_v1: two actors (Kazakhstan with a
 * curated position, an anonymous analyst with a role) and two quotes.
 */
static struct annotation *
build_v1(const struct block_list *bl, bool curated)
{
	const char *t = article_v1;
	struct annotation *ann = xcalloc(1, sizeof *ann);
	struct actor *a;
	struct quote *q;
	size_t at;

	ann->title = xstrdup("Neighbours Keep Quiet");
	ann->byline = NULL;
	ann->dateline = xstrdup("Almaty");
	ann->words = 42;
	ann->nactors = 3;
	ann->actors = xcalloc(3, sizeof *ann->actors);

	a = &ann->actors[0];
	actor_init(a, "Kazakhstan", ACTOR_COUNTRY);
	a->aliases = xcalloc(1, sizeof *a->aliases);
	a->aliases[0] = xstrdup("Kazakh");
	a->naliases = 1;
	actor_mention(a, t, "Kazakhstan");
	at = offset_of(t, "Kazakhstan said");
	a->position = xstrndup(t + at, offset_of(t, "\"\n") + 1 - at);
	a->position_span.start = at;
	a->position_span.end = offset_of(t, "\"\n") + 1;

	a = &ann->actors[1];
	actor_init(a, "Kyrgyzstan", ACTOR_COUNTRY);
	actor_mention(a, t, "Kyrgyzstan");
	a->position = xstrdup(pos_kyrgyz);
	a->position_span.start = offset_of(t, pos_kyrgyz);
	a->position_span.end = a->position_span.start + strlen(pos_kyrgyz);
	a->position_curated = curated;

	a = &ann->actors[2];
	actor_init(a, "analyst", ACTOR_ANONYMOUS);
	a->role = xstrdup("analyst");
	a->affiliation = xstrdup("Caf\xc3\xa9 Institute");
	a->curated = curated;
	actor_mention(a, t, "An analyst");

	ann->nquotes = 2;
	ann->quotes = xcalloc(2, sizeof *ann->quotes);
	q = &ann->quotes[0];
	q->span.start = offset_of(t, quote_kz);
	q->span.end = q->span.start + strlen(quote_kz);
	q->text = xstrdup(quote_kz);
	q->speaker = 0;
	q->cue = xstrdup("said");
	q->cue_span.start = offset_of(t, "said");
	q->cue_span.end = q->cue_span.start + 4;
	q->kind = QUOTE_DIRECT;
	q->confidence = 0.75;
	q->block = blocks_find(bl, q->span.start);

	q = &ann->quotes[1];
	q->span.start = offset_of(t, quote_cafe);
	q->span.end = q->span.start + strlen(quote_cafe);
	q->text = xstrdup(quote_cafe);
	q->speaker = 2;
	q->cue = xstrdup("she said");
	q->cue_span.start = offset_of(t, "she said");
	q->cue_span.end = q->cue_span.start + 8;
	q->kind = QUOTE_PARTIAL;
	q->confidence = 0.5;
	q->curated = curated;
	q->block = blocks_find(bl, q->span.start);
	return ann;
}

static void
assert_str0_equal(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void
assert_annotation_equal(const struct annotation *a, const struct annotation *b)
{
	size_t i, k;

	assert_str0_equal(a->title, b->title);
	assert_str0_equal(a->byline, b->byline);
	assert_str0_equal(a->dateline, b->dateline);
	assert_int_equal(a->words, b->words);
	assert_int_equal(a->nactors, b->nactors);
	for (i = 0; i < a->nactors; i++) {
		const struct actor *x = &a->actors[i], *y = &b->actors[i];

		assert_string_equal(x->name, y->name);
		assert_int_equal(x->kind, y->kind);
		assert_str0_equal(x->role, y->role);
		assert_str0_equal(x->affiliation, y->affiliation);
		assert_str0_equal(x->position, y->position);
		assert_int_equal(x->position_span.start,
		                 y->position_span.start);
		assert_int_equal(x->position_span.end, y->position_span.end);
		assert_int_equal(x->curated, y->curated);
		assert_int_equal(x->position_curated, y->position_curated);
		assert_int_equal(x->naliases, y->naliases);
		for (k = 0; k < x->naliases; k++)
			assert_string_equal(x->aliases[k], y->aliases[k]);
		assert_int_equal(x->nmentions, y->nmentions);
		for (k = 0; k < x->nmentions; k++) {
			assert_int_equal(x->mentions[k].start,
			                 y->mentions[k].start);
			assert_int_equal(x->mentions[k].end,
			                 y->mentions[k].end);
		}
	}
	assert_int_equal(a->nquotes, b->nquotes);
	for (i = 0; i < a->nquotes; i++) {
		const struct quote *x = &a->quotes[i], *y = &b->quotes[i];

		assert_int_equal(x->span.start, y->span.start);
		assert_int_equal(x->span.end, y->span.end);
		assert_string_equal(x->text, y->text);
		assert_int_equal(x->speaker, y->speaker);
		assert_str0_equal(x->cue, y->cue);
		assert_int_equal(x->cue_span.start, y->cue_span.start);
		assert_int_equal(x->cue_span.end, y->cue_span.end);
		assert_int_equal(x->kind, y->kind);
		assert_true(x->confidence == y->confidence);
		assert_int_equal(x->curated, y->curated);
		assert_int_equal(x->block, y->block);
	}
}

/* The actor of a name in ann, or NULL. */
static const struct actor *
find_actor(const struct annotation *ann, const char *name)
{
	size_t i;

	for (i = 0; i < ann->nactors; i++)
		if (strcmp(ann->actors[i].name, name) == 0)
			return &ann->actors[i];
	return NULL;
}

static const struct quote *
find_quote(const struct annotation *ann, const char *text)
{
	size_t i;

	for (i = 0; i < ann->nquotes; i++)
		if (strcmp(ann->quotes[i].text, text) == 0)
			return &ann->quotes[i];
	return NULL;
}

/* Save the hand-built annotation of article_v1 beside the article. */
static void
save_v1(struct fixture *fx, bool curated)
{
	struct article *art = article_load(fx->path, NULL);
	struct block_list *bl = blocks_parse(art);
	struct annotation *ann = build_v1(bl, curated);
	char *where = NULL, *cause = NULL;

	assert_int_equal(
	    index_save(fx->path, NULL, art, bl, ann, &where, &cause), 0);
	assert_null(cause);
	assert_string_equal(where, fx->index);
	free(where);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

/* Open the index of the article at fx->path; returns the annotation and
 * sets *status and *note. */
static struct annotation *
open_index(struct fixture *fx, struct article **artp, struct block_list **blp,
           enum index_status *status, char **note)
{
	char *cause = NULL;

	*artp = article_load(fx->path, &cause);
	assert_non_null(*artp);
	*blp = blocks_parse(*artp);
	return index_open(fx->index, *artp, *blp, status, note);
}

/* ---- save and load ---------------------------------------------------- */

static void
test_round_trip(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *want, *got;
	enum index_status status;
	char *note = NULL;

	save_v1(fx, true);
	got = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_FRESH);
	assert_null(note);
	want = build_v1(bl, true);
	assert_annotation_equal(want, got);
	annotation_free(want);
	/* The article itself is never written. */
	{
		size_t n;
		char *bytes = read_file(fx->path, &n);

		assert_int_equal(n, sizeof article_v1 - 1);
		assert_memory_equal(bytes, article_v1, n);
		free(bytes);
	}
	annotation_free(got);
	blocks_free(bl);
	article_free(art);
}

static void
test_round_trip_cp1252(void **state)
{
	struct fixture *fx = *state;
	/* \x93 \x94 are curly quotes and \xe9 is é in Windows-1252: one
	 * byte in the file, more in the decoded text. */
	const char raw[] = "Title\n\nShe said \x93"
	                   "caf\xe9 now\x94 today.\n";
	struct article *art;
	struct block_list *bl;
	struct annotation *ann = xcalloc(1, sizeof *ann), *got;
	enum index_status status;
	char *where = NULL, *cause = NULL, *note = NULL, *json;
	const char *t;
	json_t *root, *q;

	write_file(fx->path, raw, sizeof raw - 1);
	art = article_load(fx->path, &cause);
	bl = blocks_parse(art);
	t = article_text(art);
	ann->nquotes = 1;
	ann->quotes = xcalloc(1, sizeof *ann->quotes);
	ann->quotes[0].span.start = offset_of(t, "caf");
	ann->quotes[0].span.end = offset_of(t, "now") + 3;
	ann->quotes[0].text = xstrdup("caf\xc3\xa9 now");
	ann->quotes[0].speaker = -1;
	ann->quotes[0].block = blocks_find(bl, ann->quotes[0].span.start);
	assert_int_equal(
	    index_save(fx->path, NULL, art, bl, ann, &where, &cause), 0);

	/* In the file the offsets are those of the file's bytes. */
	json = read_file(where, NULL);
	root = json_loads(json, 0, NULL);
	assert_non_null(root);
	q = json_array_get(json_object_get(root, "quotes"), 0);
	assert_int_equal(json_integer_value(json_object_get(q, "start")),
	                 offset_of(raw, "caf"));
	assert_int_equal(json_integer_value(json_object_get(q, "end")),
	                 offset_of(raw, "now") + 3);
	assert_true(json_is_null(json_object_get(q, "speaker")));
	json_decref(root);
	free(json);

	got = index_open(where, art, bl, &status, &note);
	assert_int_equal(status, INDEX_FRESH);
	assert_annotation_equal(ann, got);
	annotation_free(got);
	annotation_free(ann);
	free(where);
	blocks_free(bl);
	article_free(art);
}

static void
test_missing_and_no_index(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	enum index_status status;
	char *note = (char *)1;

	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_MISSING);
	assert_null(note);
	annotation_free(ann);
	ann = index_open(NULL, art, bl, &status, &note);
	assert_int_equal(status, INDEX_MISSING);
	assert_null(note);
	annotation_free(ann);
	assert_null(index_path("-"));
	blocks_free(bl);
	article_free(art);
}

/* ---- fresh and stale ---------------------------------------------------- */

static void
test_stale_recomputed(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	enum index_status status;
	char *note = NULL;

	save_v1(fx, false);
	write_file(fx->path, article_v2, sizeof article_v2 - 1);
	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_STALE);
	assert_non_null(note);
	assert_non_null(strstr(note, "article changed"));
	assert_null(strchr(note, '\n'));
	/* Nothing was curated, so nothing of the old index survives: the
	 * analyst's partial quote is not in v2. */
	assert_null(find_quote(ann, quote_cafe));
	free(note);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

/* An index another whosaid wrote is recomputed, its curated entries
 * kept; one without "generator" (made by hand) is used as it is. */
static void
test_other_generator_recomputed(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	enum index_status status;
	char *note = NULL, *json, *out;
	json_t *root;
	int round;

	save_v1(fx, true);
	json = read_file(fx->index, NULL);
	for (round = 0; round < 2; round++) {
		root = json_loads(json, 0, NULL);
		if (round == 0)
			json_object_set_new(root, "generator",
			                    json_string("whosaid 0.0.1"));
		else
			json_object_del(root, "generator");
		out = json_dumps(root, 0);
		write_file(fx->index, out, strlen(out));
		json_decref(root);
		free(out);

		ann = open_index(fx, &art, &bl, &status, &note);
		if (round == 0) {
			assert_int_equal(status, INDEX_STALE);
			assert_non_null(strstr(note, "whosaid 0.0.1"));
			assert_true(
			    find_actor(ann, "Kyrgyzstan")->position_curated);
		} else {
			assert_int_equal(status, INDEX_FRESH);
			assert_null(note);
		}
		free(note);
		note = NULL;
		annotation_free(ann);
		blocks_free(bl);
		article_free(art);
	}
	free(json);
}

/* A change of one byte that keeps the size is still a change. */
static void
test_same_size_change_is_stale(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	enum index_status status;
	char *note = NULL, *text = xstrdup(article_v1);

	save_v1(fx, false);
	text[0] = 'M';
	write_file(fx->path, text, sizeof article_v1 - 1);
	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_STALE);
	free(note);
	free(text);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

static void
test_curated_reanchored(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	const struct actor *a;
	enum index_status status;
	char *note = NULL, *json, *edited;
	const char *t;
	size_t n;

	save_v1(fx, true);
	/* Also curate the Kazakh quote, so one curated quote survives. */
	json = read_file(fx->index, &n);
	edited = xstrdup(json);
	{
		json_t *root = json_loads(json, 0, NULL);
		json_t *q = json_array_get(json_object_get(root, "quotes"), 0);

		json_object_set_new(q, "curated", json_true());
		free(edited);
		edited = json_dumps(root, 0);
		json_decref(root);
	}
	write_file(fx->index, edited, strlen(edited));
	free(json);
	free(edited);

	write_file(fx->path, article_v2, sizeof article_v2 - 1);
	ann = open_index(fx, &art, &bl, &status, &note);
	t = article_text(art);
	assert_int_equal(status, INDEX_STALE);

	/* The curated position moved with its sentence. */
	a = find_actor(ann, "Kyrgyzstan");
	assert_non_null(a);
	assert_true(a->position_curated);
	assert_string_equal(a->position, pos_kyrgyz);
	assert_int_equal(a->position_span.start, offset_of(t, pos_kyrgyz));
	assert_int_equal(a->position_span.end,
	                 offset_of(t, pos_kyrgyz) + strlen(pos_kyrgyz));

	/* The curated quote moved too, and kept its speaker and cue. */
	{
		const struct quote *q = find_quote(ann, quote_kz);

		assert_non_null(q);
		assert_true(q->curated);
		assert_int_equal(q->span.start, offset_of(t, quote_kz));
		assert_true(q->speaker >= 0);
		assert_string_equal(ann->actors[q->speaker].name, "Kazakhstan");
		assert_string_equal(q->cue, "said");
		assert_int_equal(q->cue_span.start, offset_of(t, "said"));
		assert_int_equal(q->block, blocks_find(bl, q->span.start));
	}

	/* The curated analyst, whose words are gone, is reported by name,
	 * and so is the curated quote: nothing is dropped silently. */
	assert_non_null(note);
	assert_null(strchr(note, '\n'));
	assert_non_null(strstr(note, "analyst"));
	assert_non_null(strstr(note, "caf\xc3\xa9 politics"));
	assert_null(find_quote(ann, quote_cafe));
	free(note);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

static void
test_curated_position_gone_reported(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	const struct actor *a;
	enum index_status status;
	char *note = NULL;
	/* Kyrgyzstan is still named but its sentence was rewritten. */
	const char v3[] = "Neighbours Keep Quiet\n\nKyrgyzstan said nothing "
	                  "at all.\n";

	save_v1(fx, true);
	write_file(fx->path, v3, sizeof v3 - 1);
	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_STALE);
	a = find_actor(ann, "Kyrgyzstan");
	assert_non_null(a);
	/* The person's words are kept, without a place in the text. */
	assert_true(a->position_curated);
	assert_string_equal(a->position, pos_kyrgyz);
	assert_int_equal(a->position_span.start, 0);
	assert_int_equal(a->position_span.end, 0);
	assert_true(a->nmentions >= 1);
	assert_non_null(note);
	assert_non_null(strstr(note, "position of Kyrgyzstan"));
	free(note);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

/* An actor with a curated position that the article no longer names at
 * all is kept, with its position unplaced, and named in the note. */
static void
test_curated_position_actor_gone_kept(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann, *computed;
	const struct actor *a;
	enum index_status status;
	char *note = NULL, *where = NULL, *cause = NULL;
	const char v4[] = "Neighbours Keep Quiet\n\nNothing was said.\n";

	save_v1(fx, true);
	write_file(fx->path, v4, sizeof v4 - 1);
	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_STALE);
	a = find_actor(ann, "Kyrgyzstan");
	assert_non_null(a);
	assert_true(a->position_curated);
	assert_string_equal(a->position, pos_kyrgyz);
	assert_int_equal(a->nmentions, 0);
	assert_int_equal(a->position_span.end, 0);
	assert_non_null(strstr(note, "position of Kyrgyzstan"));
	free(note);
	note = NULL;

	/* Saved (the lost quote and analyst are named), the position stays
	 * in the file and is named again on the next load. */
	computed = annotate(art, bl);
	assert_int_equal(index_save_noted(fx->path, NULL, art, bl, computed,
	                                  &where, &note, &cause),
	                 0);
	assert_non_null(strstr(note, "position of Kyrgyzstan"));
	free(note);
	free(where);
	annotation_free(computed);
	annotation_free(ann);
	ann = index_open(fx->index, art, bl, &status, &note);
	assert_int_equal(status, INDEX_FRESH);
	assert_non_null(find_actor(ann, "Kyrgyzstan"));
	assert_non_null(strstr(note, "position of Kyrgyzstan"));
	free(note);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

/* A person may add a curated position by hand without offsets: it is
 * anchored by its text. */
static void
test_hand_written_position_anchored(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	const struct actor *a;
	enum index_status status;
	char *note = NULL, *json, *out;
	json_t *root, *actor;

	save_v1(fx, false);
	json = read_file(fx->index, NULL);
	root = json_loads(json, 0, NULL);
	actor = json_array_get(json_object_get(root, "actors"), 0);
	json_object_set_new(actor, "position", json_string(pos_kyrgyz));
	json_object_del(actor, "position_start");
	json_object_del(actor, "position_end");
	json_object_set_new(actor, "position_curated", json_true());
	out = json_dumps(root, 0);
	write_file(fx->index, out, strlen(out));
	json_decref(root);
	free(json);
	free(out);

	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_FRESH);
	assert_null(note);
	a = find_actor(ann, "Kazakhstan");
	assert_non_null(a);
	assert_int_equal(a->position_span.start,
	                 offset_of(article_v1, pos_kyrgyz));
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

/* A quote a person adds by hand (curated, anchored by its text) wins
 * over the computed quote it overlaps. */
static void
test_hand_added_quote_wins(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	const struct quote *q;
	enum index_status status;
	char *note = NULL, *json, *out;
	json_t *root, *hand;

	save_v1(fx, false);
	json = read_file(fx->index, NULL);
	root = json_loads(json, 0, NULL);
	hand = json_pack("{s:s, s:i, s:i, s:s, s:s, s:s, s:b}", "id", "mine",
	                 "start", 0, "end", 0, "text", "territorial integrity.",
	                 "speaker", "A2", "kind", "partial", "curated", 1);
	json_array_append_new(json_object_get(root, "quotes"), hand);
	out = json_dumps(root, 0);
	write_file(fx->index, out, strlen(out));
	json_decref(root);
	free(json);
	free(out);

	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_FRESH);
	assert_null(note);
	assert_int_equal(ann->nquotes, 2);
	assert_null(find_quote(ann, quote_kz));
	q = find_quote(ann, "territorial integrity.");
	assert_non_null(q);
	assert_true(q->curated);
	assert_int_equal(q->span.start,
	                 offset_of(article_v1, "territorial integrity."));
	assert_string_equal(ann->actors[q->speaker].name, "Kyrgyzstan");
	assert_true(ann->quotes[0].span.start < ann->quotes[1].span.start);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

/* A position is stored with its white space made one space; in the
 * article the sentence may be wrapped over lines. */
static void
test_position_matches_wrapped_text(void **state)
{
	struct fixture *fx = *state;
	const char wrapped[] = "Title\n\nNone of Kyrgyzstan,\n  Tajikistan "
	                       "has\tcommented.\n";
	struct article *art;
	struct block_list *bl;
	struct annotation *ann = xcalloc(1, sizeof *ann), *got;
	enum index_status status;
	char *where = NULL, *cause = NULL, *note = NULL;

	write_file(fx->path, wrapped, sizeof wrapped - 1);
	art = article_load(fx->path, &cause);
	bl = blocks_parse(art);
	ann->nactors = 1;
	ann->actors = xcalloc(1, sizeof *ann->actors);
	actor_init(&ann->actors[0], "Tajikistan", ACTOR_COUNTRY);
	ann->actors[0].position = xstrdup("None of Kyrgyzstan, Tajikistan has "
	                                  "commented.");
	ann->actors[0].position_curated = true;
	assert_int_equal(
	    index_save(fx->path, NULL, art, bl, ann, &where, &cause), 0);
	got = index_open(where, art, bl, &status, &note);
	assert_int_equal(status, INDEX_FRESH);
	assert_null(note);
	assert_int_equal(got->actors[0].position_span.start,
	                 offset_of(wrapped, "None"));
	assert_int_equal(got->actors[0].position_span.end,
	                 offset_of(wrapped, "commented.") +
	                     strlen("commented."));
	annotation_free(got);
	annotation_free(ann);
	free(where);
	blocks_free(bl);
	article_free(art);
}

/* ---- bad index files ----------------------------------------------------- */

/* One way to spoil a valid index, and a word the note must contain. */
struct spoil {
	const char *name;
	const char *path;  /* "quotes/0/end": where to put value */
	const char *value; /* JSON text; NULL deletes the key */
	const char *says;
};

static const struct spoil spoils[] = {
	{ "wrong format name", "format", "\"other-index\"", "not a whosaid" },
	{ "format not a string", "format", "7", "not a whosaid" },
	{ "newer version", "version", "2", "newer" },
	{ "version zero", "version", "0", "not valid" },
	{ "version as text", "version", "\"1\"", "integer" },
	{ "version as real", "version", "1.0", "integer" },
	{ "generator not a string", "generator", "3", "generator" },
	{ "no article", "article", NULL, "missing" },
	{ "size as text", "article/size", "\"10\"", "integer" },
	{ "bad fingerprint", "article/xxh3", "\"XYZ\"", "hex" },
	{ "title not a string", "article/title", "[]", "title" },
	{ "blocks not an array", "blocks", "{}", "array" },
	{ "unknown block kind", "blocks/0/kind", "\"poem\"", "kind" },
	{ "block past the end", "blocks/0/end", "999999", "beyond" },
	{ "shown_end outside", "blocks/1/shown_end", "0", "shown_end" },
	{ "actors missing", "actors", NULL, "missing" },
	{ "actor not an object", "actors/0", "3", "object" },
	{ "actor name null", "actors/0/name", "null", "string" },
	{ "actor name empty", "actors/0/name", "\"\"", "empty" },
	{ "unknown actor kind", "actors/0/kind", "\"alien\"", "kind" },
	{ "alias not a string", "actors/0/aliases", "[1]", "aliases" },
	{ "mention not a pair", "actors/0/mentions", "[[1]]", "mentions" },
	{ "mention as text", "actors/0/mentions", "[[\"1\", 2]]", "integer" },
	{ "mention past the end", "actors/0/mentions", "[[1, 99999]]",
	  "beyond" },
	{ "mention reversed", "actors/0/mentions", "[[9, 2]]", "after" },
	{ "negative offset", "actors/0/position_start", "-1", "negative" },
	{ "position reversed", "actors/0/position_end", "0", "after" },
	{ "position span alone", "actors/0/position", "null",
	  "position_end without" },
	{ "curated as text", "actors/1/curated", "\"yes\"", "true or false" },
	{ "duplicate actor id", "actors/1/id", "\"A1\"", "twice" },
	{ "quotes not an array", "quotes", "null", "array" },
	{ "quote start past end", "quotes/0/start", "99999", "beyond" },
	{ "quote reversed", "quotes/0/end", "3", "after" },
	{ "quote huge offset", "quotes/0/end", "18446744073709551615", "JSON" },
	{ "quote text missing", "quotes/0/text", NULL, "missing" },
	{ "quote text wrong", "quotes/0/text", "\"something else\"", "text" },
	{ "no such speaker", "quotes/0/speaker", "\"A99\"", "A99" },
	{ "speaker as number", "quotes/0/speaker", "1", "string" },
	{ "unknown quote kind", "quotes/0/kind", "\"shouted\"", "kind" },
	{ "confidence too big", "quotes/0/confidence", "1.5", "between" },
	{ "confidence as text", "quotes/0/confidence", "\"high\"", "number" },
	{ "cue as number", "quotes/0/cue", "5", "cue" },
	{ "quotes overlap", "quotes/1",
	  "{\"id\": \"Q2\", \"start\": 60, \"end\": 70, \"text\": \"x\", "
	  "\"speaker\": null, \"kind\": \"direct\"}",
	  "overlap" },
	{ "huge article size", "article/size", "99999999999999999999999",
	  "JSON" },
	{ "huge version", "version", "9223372036854775807", "newer" },
	{ "words as real", "article/words", "1e300", "integer" },
};

/* Set (or delete) the value at a path like "quotes/0/end". */
static void
json_put(json_t *root, const char *path, const char *value)
{
	char *copy = xstrdup(path), *part, *save = NULL, *last = NULL;
	json_t *cur = root, *parent = NULL, *v;

	for (part = strtok_r(copy, "/", &save); part != NULL;
	     part = strtok_r(NULL, "/", &save)) {
		parent = cur;
		last = part;
		if (json_is_array(cur))
			cur = json_array_get(cur, strtoul(part, NULL, 10));
		else
			cur = json_object_get(cur, part);
	}
	assert_non_null(parent);
	if (value == NULL) {
		assert_int_equal(json_object_del(parent, last), 0);
		free(copy);
		return;
	}
	v = json_loads(value, JSON_DECODE_ANY, NULL);
	if (v == NULL) {
		/* Too big for jansson: splice it in as text below. */
		v = json_string("@HUGE@");
	}
	if (json_is_array(parent))
		json_array_set_new(parent, strtoul(last, NULL, 10), v);
	else
		json_object_set_new(parent, last, v);
	free(copy);
}

static void
expect_invalid(struct fixture *fx, const char *content, size_t n,
               const char *name, const char *says)
{
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	enum index_status status;
	char *note = NULL, prefix[400];

	write_file(fx->index, content, n);
	ann = open_index(fx, &art, &bl, &status, &note);
	if (status != INDEX_INVALID)
		fail_msg("%s: not rejected", name);
	assert_non_null(ann);
	assert_non_null(note);
	snprintf(prefix, sizeof prefix, "%s: ", fx->index);
	if (strncmp(note, prefix, strlen(prefix)) != 0)
		fail_msg("%s: note \"%s\" does not name the file", name, note);
	if (strchr(note, '\n') != NULL)
		fail_msg("%s: note is more than one line", name);
	if (says != NULL && strstr(note, says) == NULL)
		fail_msg("%s: note \"%s\" does not say \"%s\"", name, note,
		         says);
	free(note);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

static void
test_spoiled_fields(void **state)
{
	struct fixture *fx = *state;
	char *good, *bad, *huge;
	json_t *root;
	size_t i;

	save_v1(fx, true);
	good = read_file(fx->index, NULL);
	for (i = 0; i < sizeof spoils / sizeof spoils[0]; i++) {
		root = json_loads(good, 0, NULL);
		assert_non_null(root);
		json_put(root, spoils[i].path, spoils[i].value);
		bad = json_dumps(root, JSON_INDENT(1));
		json_decref(root);
		if ((huge = strstr(bad, "\"@HUGE@\"")) != NULL) {
			char *s = xasprintf("%.*s%s%s", (int)(huge - bad), bad,
			                    spoils[i].value,
			                    huge + strlen("\"@HUGE@\""));

			free(bad);
			bad = s;
		}
		expect_invalid(fx, bad, strlen(bad), spoils[i].name,
		               spoils[i].says);
		free(bad);
	}
	free(good);
}

static void
test_split_character(void **state)
{
	struct fixture *fx = *state;
	char *good, *bad;
	json_t *root, *q;
	json_int_t start;

	save_v1(fx, false);
	good = read_file(fx->index, NULL);
	root = json_loads(good, 0, NULL);
	q = json_array_get(json_object_get(root, "quotes"), 1);
	/* "café": the offset after "caf" + 1 is inside "é". */
	start = json_integer_value(json_object_get(q, "start"));
	json_object_set_new(q, "end", json_integer(start + 4));
	json_object_set_new(q, "text", json_string("caf"));
	bad = json_dumps(root, 0);
	json_decref(root);
	expect_invalid(fx, bad, strlen(bad), "split character", "boundary");
	free(bad);
	free(good);
}

static void
test_malformed_and_truncated(void **state)
{
	struct fixture *fx = *state;
	char *good;
	size_t n, cut;
	static const char *junk[] = {
		"",
		"{",
		"}",
		"[]",
		"null",
		"\"whosaid-index\"",
		"{\"format\": \"whosaid-index\", \"version\": 1,}",
		"{\"format\": \"whosaid-index\", \"format\": \"x\"}",
		"\x89PNG\r\n\x1a\n",
		"{\"format\": \"whosaid-index\", \"version\": 1}",
	};
	size_t i;

	for (i = 0; i < sizeof junk / sizeof junk[0]; i++)
		expect_invalid(fx, junk[i], strlen(junk[i]), junk[i], NULL);
	expect_invalid(fx, "{\"a\": 1", 7, "truncated object", "truncated");

	/* Every cut of a valid index is rejected, never a crash. (The
	 * junk left there would stop index_save: remove it first.) */
	unlink(fx->index);
	save_v1(fx, true);
	good = read_file(fx->index, &n);
	expect_invalid(fx, good, n / 2, "cut in half", "truncated");
	for (cut = 0; cut + 1 < n; cut += 37)
		expect_invalid(fx, good, cut, "cut", NULL);
	free(good);
}

/* Unknown keys are for later versions to add: they are not errors. */
static void
test_unknown_keys_ignored(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	enum index_status status;
	char *note = NULL, *good, *out;
	json_t *root;

	save_v1(fx, false);
	good = read_file(fx->index, NULL);
	root = json_loads(good, 0, NULL);
	json_object_set_new(root, "comment", json_string("by hand"));
	json_object_set_new(json_array_get(json_object_get(root, "quotes"), 0),
	                    "note", json_integer(3));
	out = json_dumps(root, 0);
	write_file(fx->index, out, strlen(out));
	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_FRESH);
	assert_int_equal(ann->nquotes, 2);
	json_decref(root);
	free(good);
	free(out);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

static void
test_unreadable_index_is_invalid(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	enum index_status status;
	char *note = NULL;

	/* A folder where the index should be. */
	assert_int_equal(mkdir(fx->index, 0700), 0);
	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_INVALID);
	assert_non_null(strstr(note, fx->index));
	free(note);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

/* A FIFO where the index should be: refused at once, never waited on
 * (an open() without O_NONBLOCK would wait for a writer forever). */
static void
test_fifo_index(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	enum index_status status;
	char *note = NULL, *where = NULL, *cause = NULL;
	struct stat sb;

	assert_int_equal(mkfifo(fx->index, 0600), 0);
	alarm(20); /* a hang fails the test instead of the whole suite */
	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_INVALID);
	assert_non_null(note);
	assert_true(strncmp(note, fx->index, strlen(fx->index)) == 0);
	assert_non_null(strstr(note, "FIFO"));
	assert_null(strchr(note, '\n'));
	/* The save does not replace it either: it says why. */
	assert_int_equal(
	    index_save(fx->path, NULL, art, bl, ann, &where, &cause), -1);
	assert_non_null(strstr(cause, fx->index));
	alarm(0);
	assert_int_equal(lstat(fx->index, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	free(cause);
	free(note);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

/*
 * A symbolic link at the index path is not followed: reading it gives a
 * note and a fresh analysis (even when it points at a good index), and a
 * save replaces the link itself, leaving what it points at untouched.
 */
static void
test_symlink_index(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	enum index_status status;
	char *note = NULL, *where = NULL, *cause = NULL, *target, *dangling;
	char *before, *after;
	size_t nb, na;
	struct stat sb;

	save_v1(fx, false);
	target = xasprintf("%s/target.whosaid", fx->dir);
	dangling = xasprintf("%s/nothing-here", fx->dir);
	assert_int_equal(rename(fx->index, target), 0);
	assert_int_equal(symlink(target, fx->index), 0);
	before = read_file(target, &nb);

	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_INVALID);
	assert_true(strncmp(note, fx->index, strlen(fx->index)) == 0);
	assert_non_null(strstr(note, "symbolic link"));
	free(note);
	note = NULL;

	assert_int_equal(
	    index_save(fx->path, NULL, art, bl, ann, &where, &cause), 0);
	assert_string_equal(where, fx->index);
	free(where);
	assert_int_equal(lstat(fx->index, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	after = read_file(target, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(before, after, nb);
	free(after);
	annotation_free(ann);

	/* A dangling link is there all the same (not "missing"), and the
	 * save does not create what it points at. */
	assert_int_equal(unlink(fx->index), 0);
	assert_int_equal(symlink(dangling, fx->index), 0);
	ann = index_open(fx->index, art, bl, &status, &note);
	assert_int_equal(status, INDEX_INVALID);
	assert_non_null(strstr(note, "symbolic link"));
	free(note);
	assert_int_equal(
	    index_save(fx->path, NULL, art, bl, ann, &where, &cause), 0);
	free(where);
	assert_int_equal(lstat(dangling, &sb), -1);
	assert_int_equal(lstat(fx->index, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));

	free(before);
	free(target);
	free(dangling);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

/* The index of another, longer article: stale, and nothing of it points
 * outside this one. */
static void
test_other_articles_index(void **state)
{
	struct fixture *fx = *state;
	struct article *art, *big;
	struct block_list *bl, *bigbl;
	struct annotation *ann;
	enum index_status status;
	char *note = NULL, *where = NULL, *cause = NULL, *text, *other;
	size_t i, k, len;

	/* A long article whose quotes all sit past the end of v1. */
	other = xasprintf("%s/other.txt", fx->dir);
	text = xasprintf("Another Story\n\n%0*d\n\n\"Far away words stay "
	                 "put,\" said Ann Lee, a farmer.\n\n%s",
	                 4000, 0, article_v1 + strlen("Neighbours Keep "
	                                              "Quiet\n\n"));
	write_file(other, text, strlen(text));
	big = article_load(other, &cause);
	bigbl = blocks_parse(big);
	ann = annotate(big, bigbl);
	for (i = 0; i < ann->nquotes; i++)
		ann->quotes[i].curated = true;
	assert_int_equal(index_save(other, fx->index, big, bigbl, ann, &where,
	                            &cause),
	                 0);
	free(where);
	annotation_free(ann);

	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_STALE);
	assert_non_null(note);
	assert_null(strchr(note, '\n'));
	len = article_len(art);
	for (i = 0; i < ann->nquotes; i++) {
		assert_true(ann->quotes[i].span.end <= len);
		assert_true(ann->quotes[i].span.start <= ann->quotes[i].span.end);
		assert_true(ann->quotes[i].speaker < (int)ann->nactors);
	}
	for (i = 0; i < ann->nactors; i++)
		for (k = 0; k < ann->actors[i].nmentions; k++)
			assert_true(ann->actors[i].mentions[k].end <= len);
	free(note);
	free(text);
	free(other);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
	blocks_free(bigbl);
	article_free(big);
}

/* Huge strings and control characters in an index: loaded or refused,
 * and a note stays one line. */
static void
test_huge_and_control_strings(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	enum index_status status;
	char *note = NULL, *good, *out, *huge;
	json_t *root, *a;
	size_t n = (size_t)4 << 20;

	save_v1(fx, false);
	good = read_file(fx->index, NULL);
	root = json_loads(good, 0, NULL);
	huge = xmalloc(n + 1);
	memset(huge, 'x', n);
	huge[n] = '\0';
	json_object_set_new(json_object_get(root, "article"), "title",
	                    json_string(huge));
	a = json_array_get(json_object_get(root, "actors"), 0);
	json_object_set_new(a, "role",
	                    json_string("\033]0;pwned\a\033[2J\xc2\x9b"));
	json_object_set_new(a, "aliases", json_pack("[s]", huge));
	out = json_dumps(root, 0);
	write_file(fx->index, out, strlen(out));
	ann = open_index(fx, &art, &bl, &status, &note);
	assert_int_equal(status, INDEX_FRESH);
	assert_int_equal(strlen(ann->title), n);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
	free(out);

	/* A format name full of escapes: the note shows it cut short and
	 * without a control character. */
	json_object_set_new(root, "format",
	                    json_string("\033]52;c;cHduZWQ=\a\n\033[2J"));
	out = json_dumps(root, 0);
	expect_invalid(fx, out, strlen(out), "escapes in format", "format");
	write_file(fx->index, out, strlen(out));
	ann = open_index(fx, &art, &bl, &status, &note);
	assert_null(strchr(note, '\033'));
	assert_null(strchr(note, '\a'));
	assert_true(strlen(note) < 1000);
	free(note);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
	free(out);
	json_decref(root);
	free(huge);
	free(good);
}

/* --index-file naming the article itself: refused, the article kept. */
static void
test_index_file_is_article(void **state)
{
	struct fixture *fx = *state;
	struct article *art = article_load(fx->path, NULL);
	struct block_list *bl = blocks_parse(art);
	struct annotation *ann = build_v1(bl, false);
	char *where = NULL, *cause = NULL, *bytes, *hard;
	size_t n;

	assert_int_equal(
	    index_save(fx->path, fx->path, art, bl, ann, &where, &cause), -1);
	assert_non_null(strstr(cause, fx->path));
	free(cause);
	cause = NULL;
	/* A second name (hard link) of the article: refused too. */
	hard = xasprintf("%s/hard.whosaid", fx->dir);
	assert_int_equal(link(fx->path, hard), 0);
	assert_int_equal(
	    index_save(fx->path, hard, art, bl, ann, &where, &cause), -1);
	free(cause);
	bytes = read_file(fx->path, &n);
	assert_int_equal(n, sizeof article_v1 - 1);
	assert_memory_equal(bytes, article_v1, n);
	free(bytes);
	free(hard);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

/* An article whose name leaves no room for ".whosaid" (NAME_MAX): its
 * index goes to the cache, and is found there. */
static void
test_long_name_uses_cache(void **state)
{
	struct fixture *fx = *state;
	char name[300], *path, *cache, *where = NULL, *cause = NULL, *found;
	char *note = NULL;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann, *got;
	enum index_status status;

	memset(name, 'a', 250);
	memcpy(name + 250, ".txt", 5);
	path = xasprintf("%s/%s", fx->dir, name);
	cache = xasprintf("%s/cache", fx->dir);
	write_file(path, article_v1, sizeof article_v1 - 1);
	setenv("XDG_CACHE_HOME", cache, 1);
	art = article_load(path, &cause);
	assert_non_null(art);
	bl = blocks_parse(art);
	/* Before any index: none, and no note about the name. */
	found = index_path(path);
	ann = index_open(found, art, bl, &status, &note);
	assert_int_equal(status, INDEX_MISSING);
	assert_null(note);
	free(found);
	if (index_save(path, NULL, art, bl, ann, &where, &cause) != 0)
		fail_msg("%s", cause);
	assert_true(strncmp(where, cache, strlen(cache)) == 0);
	found = index_path(path);
	assert_string_equal(found, where);
	got = index_open(found, art, bl, &status, &note);
	assert_int_equal(status, INDEX_FRESH);
	assert_null(note);
	unsetenv("XDG_CACHE_HOME");
	annotation_free(got);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
	free(found);
	free(where);
	free(cache);
	free(path);
}

/* ---- saving ------------------------------------------------------------ */

/* Files in dir whose name starts with a dot: leftover temporary files. */
static int
count_temp_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
test_failed_write_keeps_old(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	struct rlimit old, small;
	char *before, *after, *where = NULL, *cause = NULL;
	size_t nb, na;

	save_v1(fx, false);
	before = read_file(fx->index, &nb);
	art = article_load(fx->path, NULL);
	bl = blocks_parse(art);
	ann = build_v1(bl, false);
	ann->words = 7; /* so a successful write would differ */

	/*
	 * Make every write past 64 bytes fail (root included): the new
	 * index cannot be written whole.
	 */
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = old;
	small.rlim_cur = 64;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	assert_int_equal(
	    index_save(fx->path, NULL, art, bl, ann, &where, &cause), -1);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	assert_non_null(cause);
	assert_null(strchr(cause, '\n'));
	free(cause);
	cause = NULL;

	after = read_file(fx->index, &na);
	assert_int_equal(na, nb);
	assert_memory_equal(before, after, nb);
	assert_int_equal(count_temp_files(fx->dir), 0);
	free(after);

	/* A folder in the way is refused and leaves nothing behind. */
	{
		char *target = xasprintf("%s/blocked", fx->dir);
		char *inner = xasprintf("%s/blocked/x", fx->dir);

		assert_int_equal(mkdir(target, 0700), 0);
		assert_int_equal(mkdir(inner, 0700), 0);
		assert_int_equal(
		    index_save(fx->path, target, art, bl, ann, &where, &cause),
		    -1);
		assert_non_null(cause);
		free(cause);
		cause = NULL;
		assert_int_equal(count_temp_files(fx->dir), 0);
		free(target);
		free(inner);
	}

	/* With room again, it works and replaces the old index. */
	assert_int_equal(
	    index_save(fx->path, NULL, art, bl, ann, &where, &cause), 0);
	after = read_file(fx->index, &na);
	assert_true(na != nb || memcmp(before, after, nb) != 0);
	assert_int_equal(count_temp_files(fx->dir), 0);
	free(after);
	free(before);
	free(where);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

/* An index that cannot be read is not overwritten: a person's
 * corrections may be in it. */
static void
test_invalid_index_not_overwritten(void **state)
{
	struct fixture *fx = *state;
	struct article *art = article_load(fx->path, NULL);
	struct block_list *bl = blocks_parse(art);
	struct annotation *ann = build_v1(bl, false);
	const char junk[] = "{\"format\": \"whosaid-index\", \"version\": 9}";
	char *where = NULL, *cause = NULL, *after;

	write_file(fx->index, junk, sizeof junk - 1);
	assert_int_equal(
	    index_save(fx->path, NULL, art, bl, ann, &where, &cause), -1);
	assert_non_null(strstr(cause, "newer"));
	assert_non_null(strstr(cause, fx->index));
	after = read_file(fx->index, NULL);
	assert_string_equal(after, junk);
	free(after);
	free(cause);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

/* Regenerating an index (make content) keeps its curated entries. */
static void
test_save_keeps_curated(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *computed, *got;
	const struct actor *a;
	enum index_status status;
	char *where = NULL, *cause = NULL, *note = NULL;

	save_v1(fx, true);
	art = article_load(fx->path, NULL);
	bl = blocks_parse(art);
	/* What an annotator would say, with nothing curated and another
	 * position for Kyrgyzstan. */
	computed = build_v1(bl, false);
	free(computed->actors[1].position);
	computed->actors[1].position = xstrdup("Kyrgyzstan");
	computed->actors[1].position_span = computed->actors[1].mentions[0];
	free(computed->actors[2].role);
	computed->actors[2].role = xstrdup("computed role");
	assert_int_equal(
	    index_save(fx->path, NULL, art, bl, computed, &where, &cause), 0);
	free(where);

	got = index_open(fx->index, art, bl, &status, &note);
	assert_int_equal(status, INDEX_FRESH);
	assert_null(note);
	a = find_actor(got, "Kyrgyzstan");
	assert_true(a->position_curated);
	assert_string_equal(a->position, pos_kyrgyz);
	a = find_actor(got, "analyst");
	assert_true(a->curated);
	assert_string_equal(a->role, "analyst");
	assert_true(find_quote(got, quote_cafe)->curated);

	/* Saving what was loaded changes nothing: the merge is idempotent. */
	{
		char *b1 = read_file(fx->index, NULL), *b2;

		assert_int_equal(
		    index_save(fx->path, NULL, art, bl, got, &where, &cause),
		    0);
		free(where);
		b2 = read_file(fx->index, NULL);
		assert_string_equal(b1, b2);
		free(b1);
		free(b2);
	}
	annotation_free(got);
	annotation_free(computed);
	blocks_free(bl);
	article_free(art);
}

/* index_rebuild (whosaid --index, make content) recomputes with the
 * annotator and keeps every curated entry. */
static void
test_rebuild_keeps_curated(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *got;
	const struct actor *a;
	const struct quote *q;
	enum index_status status;
	char *where = NULL, *cause = NULL, *note = NULL;

	save_v1(fx, true);
	art = article_load(fx->path, NULL);
	bl = blocks_parse(art);
	assert_int_equal(
	    index_rebuild(fx->path, NULL, art, bl, &where, &note, &cause), 0);
	assert_null(note);
	assert_string_equal(where, fx->index);
	free(where);
	got = index_open(fx->index, art, bl, &status, &note);
	assert_int_equal(status, INDEX_FRESH);
	a = find_actor(got, "Kyrgyzstan");
	assert_non_null(a);
	assert_true(a->position_curated);
	assert_int_equal(a->position_span.start,
	                 offset_of(article_v1, pos_kyrgyz));
	a = find_actor(got, "analyst");
	assert_non_null(a);
	assert_true(a->curated);
	assert_string_equal(a->affiliation, "Caf\xc3\xa9 Institute");
	q = find_quote(got, quote_cafe);
	assert_non_null(q);
	assert_true(q->curated);
	assert_string_equal(got->actors[q->speaker].name, "analyst");
	annotation_free(got);
	blocks_free(bl);
	article_free(art);
}

/* A curated quote that cannot be re-anchored stops index_save (the old
 * index stays for a person); index_save_noted writes and names it. */
static void
test_save_unanchored_curated(void **state)
{
	struct fixture *fx = *state;
	struct article *art;
	struct block_list *bl;
	struct annotation *computed;
	char *where = NULL, *cause = NULL, *note = NULL, *before, *after;

	save_v1(fx, true);
	before = read_file(fx->index, NULL);
	write_file(fx->path, article_v2, sizeof article_v2 - 1);
	art = article_load(fx->path, NULL);
	bl = blocks_parse(art);
	computed = annotate(art, bl);
	assert_int_equal(
	    index_save(fx->path, NULL, art, bl, computed, &where, &cause), -1);
	assert_non_null(strstr(cause, "caf\xc3\xa9 politics"));
	free(cause);
	after = read_file(fx->index, NULL);
	assert_string_equal(before, after);
	free(after);

	assert_int_equal(index_save_noted(fx->path, NULL, art, bl, computed,
	                                  &where, &note, &cause),
	                 0);
	assert_non_null(note);
	assert_non_null(strstr(note, "caf\xc3\xa9 politics"));
	assert_string_equal(where, fx->index);
	free(note);
	free(where);
	free(before);
	annotation_free(computed);
	blocks_free(bl);
	article_free(art);
}

/* Save the index of an article whose folder refuses new files and
 * check it went to the cache folder, and is found there again. */
static void
check_cache_fallback(struct fixture *fx, const char *article)
{
	struct article *art;
	struct block_list *bl;
	struct annotation *ann, *got;
	enum index_status status;
	char *where = NULL, *cause = NULL, *note = NULL, *cache, *found;

	cache = xasprintf("%s/cache", fx->dir);
	setenv("XDG_CACHE_HOME", cache, 1);
	art = article_load(article, &cause);
	assert_non_null(art);
	bl = blocks_parse(art);
	ann = annotate(art, bl);
	if (index_save(article, NULL, art, bl, ann, &where, &cause) != 0)
		fail_msg("%s: %s", article, cause);
	assert_true(strncmp(where, cache, strlen(cache)) == 0);
	assert_non_null(strstr(where, "/whosaid/"));
	found = index_path(article);
	assert_string_equal(found, where);
	got = index_open(found, art, bl, &status, &note);
	assert_int_equal(status, INDEX_FRESH);
	assert_null(note);

	/* Another article of the same name elsewhere gets another file. */
	{
		char *other = xasprintf("%s/elsewhere", fx->dir), *op, *oi;
		const char *base = strrchr(article, '/') + 1;

		mkdir(other, 0700);
		op = xasprintf("%s/%s", other, base);
		write_file(op, "x\n", 2);
		chmod(other, 0555);
		oi = index_path(op);
		assert_string_not_equal(oi, where);
		chmod(other, 0700);
		free(op);
		free(oi);
		free(other);
	}
	unsetenv("XDG_CACHE_HOME");
	free(found);
	free(where);
	free(cache);
	annotation_free(got);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
}

static void
test_unwritable_folder_uses_cache(void **state)
{
	struct fixture *fx = *state;

	/*
	 * /proc refuses new files to everybody, root included (access()
	 * says W_OK to root all the same), so this runs in CI as root.
	 */
	if (access("/proc/version", R_OK) == 0)
		check_cache_fallback(fx, "/proc/version");
	else
		print_message("# /proc/version not readable: skipped\n");
}

static void
test_readonly_folder_uses_cache(void **state)
{
	struct fixture *fx = *state;
	char *ro = xasprintf("%s/ro", fx->dir);
	char *path = xasprintf("%s/ro/article.txt", fx->dir);

	if (geteuid() == 0) {
		/* chmod does not stop root; /proc covers this case. */
		/* (cmocka's skip() prints "not ok # SKIP", which the TAP
		 * driver counts as a failure.) */
		print_message("# running as root: chmod 0555 cannot refuse "
		              "writes, not tested here (see the /proc test)\n");
		free(ro);
		free(path);
		return;
	}
	assert_int_equal(mkdir(ro, 0700), 0);
	write_file(path, article_v1, sizeof article_v1 - 1);
	assert_int_equal(chmod(ro, 0555), 0);
	check_cache_fallback(fx, path);
	chmod(ro, 0700);
	free(ro);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_round_trip_cp1252, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_missing_and_no_index,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale_recomputed, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_other_generator_recomputed,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_size_change_is_stale,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_curated_reanchored, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(
		    test_curated_position_gone_reported, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_curated_position_actor_gone_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_hand_written_position_anchored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hand_added_quote_wins,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_position_matches_wrapped_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_spoiled_fields, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_split_character, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_malformed_and_truncated,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_keys_ignored,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_unreadable_index_is_invalid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fifo_index, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_symlink_index, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_other_articles_index,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_huge_and_control_strings,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_index_file_is_article,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_name_uses_cache,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_write_keeps_old,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_invalid_index_not_overwritten, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_keeps_curated, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_rebuild_keeps_curated,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_unanchored_curated,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_unwritable_folder_uses_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_folder_uses_cache,
		                                setup, teardown),
	};

	/* Keep the user's real cache out of the tests. */
	unsetenv("XDG_CACHE_HOME");
	setenv("HOME", "/nonexistent-whosaid-test-home", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
