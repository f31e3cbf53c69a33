/*
 * fuzz-check.c: invariants shared by the fuzz targets (fuzz-check.h).
 *
 * The checks state what annotate.h, blocks.h and sanitize.h promise,
 * nothing more: a failure here is a bug in the engine or in a contract.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "fuzz-check.h"
#include "sanitize.h"

void
fuzz_check(int ok, const char *what, const char *file, int line)
{
	if (ok)
		return;
	fprintf(stderr, "fuzz: invariant failed: %s (%s:%d)\n", what, file,
	        line);
	abort();
}

void
fuzz_check_blocks(const struct block_list *bl, const struct article *art)
{
	size_t k;

	FUZZ_CHECK(bl != NULL);
	for (k = 0; k < bl->n; k++) {
		const struct block *b = &bl->v[k];

		FUZZ_CHECK(b->start < b->end && b->end <= article_len(art));
		FUZZ_CHECK(b->shown_end > b->start && b->shown_end <= b->end);
		FUZZ_CHECK(k == 0 || bl->v[k - 1].end <= b->start);
		FUZZ_CHECK(blocks_kind_name(b->kind) != NULL);
	}
}

/* A span inside the text, start <= end. */
static int
fuzz_span_ok(struct span sp, size_t len)
{
	return sp.start <= sp.end && sp.end <= len;
}

static void
fuzz_check_actor(const struct actor *a, size_t len)
{
	size_t i;

	FUZZ_CHECK(a->name != NULL && a->name[0] != '\0');
	FUZZ_CHECK(annotate_actor_kind_name(a->kind) != NULL);
	FUZZ_CHECK(a->naliases == 0 || a->aliases != NULL);
	for (i = 0; i < a->naliases; i++)
		FUZZ_CHECK(a->aliases[i] != NULL);
	FUZZ_CHECK(a->nmentions == 0 || a->mentions != NULL);
	for (i = 0; i < a->nmentions; i++) {
		FUZZ_CHECK(fuzz_span_ok(a->mentions[i], len));
		FUZZ_CHECK(i == 0 ||
		           a->mentions[i - 1].start <= a->mentions[i].start);
	}
	/* A position stands somewhere in the text, or (0,0) when curated
	 * text could not be anchored; no position, no place. */
	FUZZ_CHECK(fuzz_span_ok(a->position_span, len));
	if (a->position == NULL)
		FUZZ_CHECK(a->position_span.start == a->position_span.end);
	FUZZ_CHECK(!a->position_curated || a->position != NULL);
}

static void
fuzz_check_quote(const struct annotation *ann, size_t i,
                 const struct article *art, const struct block_list *bl)
{
	const struct quote *q = &ann->quotes[i];
	const char *t = article_text(art);
	size_t len = article_len(art);

	FUZZ_CHECK(fuzz_span_ok(q->span, len));
	FUZZ_CHECK(i == 0 || ann->quotes[i - 1].span.start <= q->span.start);
	FUZZ_CHECK(q->text != NULL);
	FUZZ_CHECK(strlen(q->text) <= q->span.end - q->span.start);
	FUZZ_CHECK(memcmp(q->text, t + q->span.start, strlen(q->text)) == 0);
	/* Exactly those bytes (up to a NUL byte in the text). */
	if (memchr(t + q->span.start, '\0', q->span.end - q->span.start) ==
	    NULL)
		FUZZ_CHECK(strlen(q->text) == q->span.end - q->span.start);
	FUZZ_CHECK(q->speaker >= -1);
	FUZZ_CHECK(q->speaker < 0 || (size_t)q->speaker < ann->nactors);
	FUZZ_CHECK(fuzz_span_ok(q->cue_span, len));
	FUZZ_CHECK(annotate_quote_kind_name(q->kind) != NULL);
	FUZZ_CHECK(q->confidence >= 0 && q->confidence <= 1);
	if (bl != NULL && bl->n > 0) {
		FUZZ_CHECK(q->block < bl->n);
		FUZZ_CHECK(bl->v[q->block].start <= q->span.start &&
		           q->span.start <= bl->v[q->block].end);
	}
}

void
fuzz_check_annotation(const struct annotation *ann, const struct article *art,
                      const struct block_list *bl)
{
	size_t i, len = article_len(art);

	FUZZ_CHECK(ann != NULL);
	FUZZ_CHECK(ann->nactors == 0 || ann->actors != NULL);
	FUZZ_CHECK(ann->nquotes == 0 || ann->quotes != NULL);
	for (i = 0; i < ann->nactors; i++)
		fuzz_check_actor(&ann->actors[i], len);
	for (i = 0; i < ann->nquotes; i++)
		fuzz_check_quote(ann, i, art, bl);
}

void
fuzz_check_clean(const char *s, size_t len, const char *allow)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 && (c == 0 || strchr(allow, c) == NULL))
			fuzz_check(0, "control byte in output", __FILE__,
			           __LINE__);
		FUZZ_CHECK(c != 0x7f);
		/* U+0080..U+009F is C2 80..C2 9F in UTF-8. */
		FUZZ_CHECK(!(c == 0xc2 && i + 1 < len &&
		             (unsigned char)s[i + 1] <= 0x9f &&
		             (unsigned char)s[i + 1] >= 0x80));
	}
}

int
fuzz_chars(const char *text, size_t a, size_t b)
{
	struct glyph g;
	int n = 0;

	while (a < b) {
		sanitize_glyph(text, b, &a, 0, &g);
		n += g.width > 0;
	}
	return n;
}
