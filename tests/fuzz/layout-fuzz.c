/*
 * layout-fuzz.c: libFuzzer target for the layout at random widths with
 * random offset look-ups. An input is a header of 8 bytes and an article:
 * bytes 0-1 give the first width, 2-3 the second (1..300, or 1..12 when
 * the byte says so, to reach the narrow cases), 4-7 seed the look-ups.
 *
 * Checked (layout.h): lines in order and in range, none wider than the
 * width but a single character; the same lines whether laid out lazily,
 * all at once, anew or after layout_set_width; for random offsets, the
 * line and column from layout_line_of map back with layout_offset_at to
 * the start of the cluster holding the offset (or the start of the next
 * shown line for an offset not shown); for random (line, column) pairs,
 * layout_offset_at gives an offset on that line that maps back to it at
 * a column no further right; rendered lines carry no control character.
 *
 * Built and run by tests/fuzz/run-fuzz.sh (clang libFuzzer) and replayed
 * by tests/fuzz/layout-replay (any compiler, replay-main.c).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "blocks.h"
#include "fuzz-check.h"
#include "layout.h"
#include "sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define LAYOUT_FUZZ_HEADER  8
#define LAYOUT_FUZZ_LOOKUPS 64

static uint32_t
layout_fuzz_next(uint32_t *state)
{
	/* xorshift32: the look-ups follow from the input alone. */
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

static int
layout_fuzz_width(const uint8_t *p)
{
	if (p[0] & 0x80)
		return 1 + p[1] % 12;
	return 1 + (p[0] * 256 + p[1]) % 300;
}

/* Where the first character of non-zero width on a line starts (its
 * end when there is none). */
static size_t
layout_fuzz_lead(const char *t, const struct layout_line *ln)
{
	struct glyph g;
	size_t a = ln->start, at;

	while (a < ln->end) {
		at = a;
		sanitize_glyph(t, ln->end, &a, 0, &g);
		if (g.width > 0)
			return at;
	}
	return ln->end;
}

/* Line by line: ordered, in range, within the width; returns the count
 * and fills lines (n entries at most) when not NULL. */
static size_t
layout_fuzz_lines(struct layout *lo, const struct article *art,
                  const struct block_list *bl, int width,
                  struct layout_line *lines, size_t max)
{
	const char *t = article_text(art);
	size_t len = article_len(art), n = 0, prev_end = 0;
	struct layout_line ln;

	while (layout_get(lo, n, &ln)) {
		FUZZ_CHECK(ln.start <= ln.end && ln.end <= len);
		if (ln.block != LAYOUT_NO_BLOCK) {
			FUZZ_CHECK(ln.block < bl->n);
			FUZZ_CHECK(ln.start >= prev_end);
			FUZZ_CHECK(ln.start >= bl->v[ln.block].start &&
			           ln.end <= bl->v[ln.block].end);
			FUZZ_CHECK(ln.width >= 0);
			/* Wider: one character, at a width below 4. */
			if (ln.width > width)
				FUZZ_CHECK(width < 4 &&
				           fuzz_chars(t, ln.start,
				                             ln.end) <= 1);
			prev_end = ln.end;
		}
		if (lines != NULL && n < max)
			lines[n] = ln;
		n++;
	}
	return n;
}

static void
layout_fuzz_render(struct layout *lo, const struct layout_line *ln, int width)
{
	size_t len;
	char *s = layout_render(lo, ln, width, &len);

	FUZZ_CHECK(s != NULL && s[len] == '\0');
	fuzz_check_clean(s, len, "");
	free(s);
}

/* Random offsets and (line, column) pairs. */
static void
layout_fuzz_lookups(struct layout *lo, const struct article *art,
                    size_t nlines, uint32_t *state)
{
	const char *t = article_text(art);
	size_t len = article_len(art), k;
	struct layout_line ln;

	for (k = 0; k < LAYOUT_FUZZ_LOOKUPS && nlines > 0; k++) {
		size_t off = layout_fuzz_next(state) % (len + 1), l, back, l2;
		size_t lead;
		int col, col2;

		l = layout_line_of(lo, off, &col);
		FUZZ_CHECK(l < nlines);
		FUZZ_CHECK(col >= 0);
		FUZZ_CHECK(layout_get(lo, l, &ln));
		back = layout_offset_at(lo, l, col);
		FUZZ_CHECK(back >= ln.start && back <= ln.end);
		lead = layout_fuzz_lead(t, &ln);
		if (off >= lead && off < ln.end) {
			/* Shown here: the start of its cluster. */
			FUZZ_CHECK(back <= off);
			l2 = layout_line_of(lo, back, &col2);
			FUZZ_CHECK(l2 == l && col2 == col);
		} else if (off >= ln.start && off < ln.end) {
			/* Zero-width characters that start a line: column 0,
			 * mapped back to the start of the first cluster,
			 * which they may join (or to the line's end when
			 * there is no cluster). */
			FUZZ_CHECK(col == 0 && back <= lead);
		} else if (ln.block != LAYOUT_NO_BLOCK && off < ln.start) {
			/* Not shown: the start of the next shown line. */
			FUZZ_CHECK(col == 0 && back <= lead);
		}

		l = layout_fuzz_next(state) % nlines;
		col = (int)(layout_fuzz_next(state) % 400);
		FUZZ_CHECK(layout_get(lo, l, &ln));
		back = layout_offset_at(lo, l, col);
		FUZZ_CHECK(back >= ln.start && back <= ln.end);
		if (ln.block != LAYOUT_NO_BLOCK && back < ln.end) {
			l2 = layout_line_of(lo, back, &col2);
			FUZZ_CHECK(l2 == l && col2 <= col);
		}
	}
}

static void
layout_fuzz_same(struct layout *lo, const struct layout_line *want, size_t n)
{
	struct layout_line ln;
	size_t i;

	for (i = 0; i < n; i++) {
		FUZZ_CHECK(layout_get(lo, i, &ln));
		FUZZ_CHECK(ln.block == want[i].block &&
		           ln.start == want[i].start && ln.end == want[i].end &&
		           ln.width == want[i].width);
	}
	FUZZ_CHECK(!layout_get(lo, n, &ln));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article *art;
	struct block_list *bl;
	struct layout *lo, *fresh;
	struct layout_line *lines, ln;
	uint32_t state;
	size_t n, n2, i;
	int w1, w2;

	if (size < LAYOUT_FUZZ_HEADER)
		return 0;
	w1 = layout_fuzz_width(data);
	w2 = layout_fuzz_width(data + 2);
	memcpy(&state, data + 4, sizeof state);
	state |= 1;
	art = article_new((const char *)data + LAYOUT_FUZZ_HEADER,
	                  size - LAYOUT_FUZZ_HEADER, "fuzz");
	bl = blocks_parse(art);

	/* Lazily: look-ups first, then the lines. */
	lo = layout_new(art, bl, w1);
	FUZZ_CHECK(layout_width(lo) == w1);
	(void)layout_line_of(lo, (state >> 8) % (article_len(art) + 1), NULL);
	n = layout_nlines(lo);
	lines = calloc(n + 1, sizeof *lines);
	FUZZ_CHECK(lines != NULL);
	FUZZ_CHECK(layout_fuzz_lines(lo, art, bl, w1, lines, n) == n);
	layout_fuzz_lookups(lo, art, n, &state);
	for (i = 0; i < n; i += 1 + n / 32)
		layout_fuzz_render(lo, &lines[i], w1);

	/* Another width, then back: the same lines as a new layout. */
	layout_set_width(lo, w2);
	FUZZ_CHECK(layout_width(lo) == w2);
	if (layout_get(lo, 0, &ln))
		FUZZ_CHECK(ln.end <= article_len(art));
	n2 = layout_nlines(lo);
	FUZZ_CHECK(layout_fuzz_lines(lo, art, bl, w2, NULL, 0) == n2);
	layout_fuzz_lookups(lo, art, n2, &state);
	layout_set_width(lo, w1);
	layout_fuzz_same(lo, lines, n);
	fresh = layout_new(art, bl, w1);
	layout_fuzz_same(fresh, lines, n);

	layout_free(fresh);
	layout_free(lo);
	free(lines);
	blocks_free(bl);
	article_free(art);
	return 0;
}
