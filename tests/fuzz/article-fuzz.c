/*
 * article-fuzz.c: libFuzzer target for the article engine: decoding
 * (UTF-8 or Windows-1252), block structure, layout at several widths,
 * offset <-> position mapping and the dump. Any crash, sanitizer report
 * or broken invariant (abort) is a finding.
 *
 * Built and run by tests/fuzz/article-fuzz.sh (make check: a short run;
 * make fuzz: FUZZ_TIME seconds).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "blocks.h"
#include "dump.h"
#include "fuzz-check.h"
#include "layout.h"
#include "sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(int ok)
{
	if (!ok)
		abort();
}

static void
fuzz_layout(struct article *art, struct block_list *bl, int width)
{
	struct layout *lo = layout_new(art, bl, width);
	const char *t = article_text(art);
	size_t len = article_len(art), n, l, prev_end = 0;
	struct layout_line ln;
	size_t o;

	n = layout_nlines(lo);
	for (l = 0; l < n; l++) {
		check(layout_get(lo, l, &ln));
		check(ln.start <= ln.end && ln.end <= len);
		check(ln.start >= prev_end || ln.block == LAYOUT_NO_BLOCK);
		if (ln.block == LAYOUT_NO_BLOCK)
			continue;
		prev_end = ln.end;
		check(ln.block < bl->n);
		/* Wider than the width: only one character that is. */
		if (ln.width > width)
			check(fuzz_chars(t, ln.start, ln.end) <= 1);
		/* Round trips on a sample of lines (all of a short text). */
		if (ln.width > 0 && l % (1 + n / 128) == 0) {
			size_t off = layout_offset_at(lo, l, 0);
			int col;

			check(layout_line_of(lo, off, &col) == l);
			off = layout_offset_at(lo, l, ln.width - 1);
			check(layout_line_of(lo, off, &col) == l);
			check(col <= ln.width - 1);
		}
	}
	check(!layout_get(lo, n, &ln));
	/* Some offsets: a line, and back to no further than the offset's
	 * line start. */
	for (o = 0; o <= len; o += 1 + len / 64) {
		int col;

		l = layout_line_of(lo, o, &col);
		check(n == 0 || l < n);
		check(col >= 0);
		check(layout_offset_at(lo, l, col) <= len);
	}
	/* A new width keeps working. */
	layout_set_width(lo, width + 3);
	if (layout_get(lo, 0, &ln))
		check(ln.end <= len);
	layout_free(lo);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct article *art;
	struct block_list *bl;
	size_t k;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	art = article_new((const char *)data, size, "fuzz");
	bl = blocks_parse(art);
	for (k = 0; k < bl->n; k++) {
		const struct block *b = &bl->v[k];

		check(b->start < b->end && b->end <= article_len(art));
		check(b->shown_end > b->start && b->shown_end <= b->end);
		check(k == 0 || bl->v[k - 1].end <= b->start);
		check(blocks_kind_name(b->kind) != NULL);
	}
	fuzz_layout(art, bl, 1);
	fuzz_layout(art, bl, 7);
	fuzz_layout(art, bl, 80);
	check(dump_write(null, art, bl, 20) == 0);
	blocks_free(bl);
	article_free(art);
	return 0;
}
